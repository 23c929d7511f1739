/* reader.c: the safe workplace reader; see reader.h.
 *
 * Stages, each refusing as early and as cheaply as it can:
 *   1. infile_read: the bytes, with a size cap; only regular files (or
 *                  standard input for "-").
 *   2. prescan:    UTF-8 well-formedness, no NUL or control bytes.
 *   3. parse:      libxml2 from memory, no network, no DTD (the SAX
 *                  internalSubset hook stops the parser at any DOCTYPE, before
 *                  a single entity is declared), a nesting limit.
 *   4. validate:   the compiled-in XSD (compiled once per process), while
 *                  parsing, so a flood of errors stops at DIAG_MAX.
 *   5. build:      the model (reader_model.c), with the checks the XSD cannot
 *                  express.
 * A file in format 1's namespace is parsed by stage 3 but not validated:
 * reader_legacy.c names what changed in format 2 instead.
 * libxml2's errors arrive through per-context structured error handlers and
 * become diag records; nothing is kept in global state across calls except
 * the compiled schema. Only libxml2's public API is used. */
#include "reader.h"
#include "reader_model.h"
#include "explain.h"
#include "infile.h"
#include "xsdinfo.h"
#include "utf8.h"

#include <assert.h>
#include <stdint.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/SAX2.h>
#include <libxml/xmlschemas.h>

extern const char schema_workplace[];
extern const size_t schema_workplace_len;

#define WORKPLACE_NS "urn:amokit:workplace:2"
#define WORKPLACE_NS_1 "urn:amokit:workplace:1"   /* format 1: refused with what changed */

static size_t max_bytes = READER_DEFAULT_MAX_BYTES;

void reader_set_max_bytes(size_t max)
{
	max_bytes = max ? max : READER_DEFAULT_MAX_BYTES;
}

size_t reader_max_bytes(void) { return max_bytes; }

/* ---- the compiled schema, once per process ----------------------------- */

static pthread_mutex_t schema_lock = PTHREAD_MUTEX_INITIALIZER;
static xmlSchemaPtr schema;

static void schema_parse_error(void *ctx, xmlErrorPtr err)
{
	(void)ctx;
	(void)err;  /* the embedded schema is ours; a failure is reported below */
}

/* The compiled workplace schema, or NULL when it cannot be compiled (out of
 * memory, or a broken build). */
static xmlSchemaPtr workplace_schema(void)
{
	pthread_mutex_lock(&schema_lock);
	if (!schema) {
		xmlInitParser();
		xmlSchemaParserCtxtPtr pc = xmlSchemaNewMemParserCtxt(schema_workplace,
		                                                      (int)schema_workplace_len);
		if (pc) {
			xmlSchemaSetParserStructuredErrors(pc, schema_parse_error, NULL);
			schema = xmlSchemaParse(pc);
			xmlSchemaFreeParserCtxt(pc);
		}
	}
	xmlSchemaPtr s = schema;
	pthread_mutex_unlock(&schema_lock);
	return s;
}

void reader_forget_schema(void)
{
	pthread_mutex_lock(&schema_lock);
	if (schema)
		xmlSchemaFree(schema);
	schema = NULL;
	pthread_mutex_unlock(&schema_lock);
}

void reader_cleanup(void)
{
	reader_forget_schema();
	xsd_forget();
	xmlCleanupParser();
}

static void (*xml_on_oom)(void);

static void *xml_checked(void *p)
{
	if (!p)
		xml_on_oom();
	return p;
}

static void *xml_malloc(size_t n) { return xml_checked(malloc(n ? n : 1)); }
static void *xml_realloc(void *p, size_t n) { return xml_checked(realloc(p, n ? n : 1)); }
static char *xml_strdup(const char *s) { return xml_checked(strdup(s)); }

void reader_use_checked_memory(void (*on_oom)(void))
{
	assert(on_oom);
	xml_on_oom = on_oom;
	xmlMemSetup(free, xml_malloc, xml_realloc, xml_strdup);
}

void reader_init_threads(void) { xmlInitParser(); }

/* ---- 2. the byte scan --------------------------------------------------- */

/* Refuses bytes that cannot be XML 1.0 in UTF-8, naming the first bad
 * one's line: invalid UTF-8, NUL, control characters. */
static int prescan(const char *file, const char *buf, size_t len, diag *d)
{
	const unsigned char *s = (const unsigned char *)buf;
	int line = 1;
	if (len == 0) {
		diag_error(d, file, 1, "filen er tom; forventede et <workplace>-dokument");
		return AM_EINPUT;
	}
	for (size_t i = 0; i < len;) {
		unsigned cp;
		size_t k = utf8_decode(buf + i, len - i, &cp);
		if (k == 0) {
			diag_error(d, file, line, "ugyldig UTF-8 (byte 0x%02X); gem filen som UTF-8 (i Notesblok: Gem som, Kodning: UTF-8)", s[i]);
			return AM_EINPUT;
		}
		if (cp == 0) {
			diag_error(d, file, line, "NUL-byte i filen; forventede tekst");
			return AM_EINPUT;
		}
		if ((cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || cp == 0xFFFE || cp == 0xFFFF) {
			diag_error(d, file, line, "styretegnet U+%04X må ikke stå i XML", cp);
			return AM_EINPUT;
		}
		if (cp == '\n')
			line++;
		i += k;
	}
	return AM_OK;
}

/* ---- 3. parsing --------------------------------------------------------- */

/* Per-call state, reached from libxml2's callbacks through ctxt->_private
 * (SAX hooks), the validation context's user data (schema errors) or, for
 * parser errors and the outer hooks, whose user data is libxml2's opaque
 * schema plug, the thread's current_parse. */
typedef struct parse_state {
	const char *file;
	diag *d;
	xmlParserCtxtPtr ctxt;
	startElementNsSAX2Func plug_start;   /* the schema plug's own hooks */
	endElementNsSAX2Func plug_end;
	int errors_before;  /* d->errors when this file started */
	int depth;
	int closed_line;    /* start line of the element just closed, or 0 */
	xmlNodePtr closed;  /* the element just closed, or NULL */
	bool refused;       /* a hook stopped the parser, or asked to, and reported why */
	bool invalid;       /* the schema rejected the document */
	bool format1;       /* the root is in format 1's namespace: not validated */
	bool oom;
	int last_line;      /* of the last error, to drop echoes */
	bool last_schema;   /* whether that error came from the schema */
	bool malformed;     /* a well-formedness error was reported */
} parse_state;

static _Thread_local parse_state *current_parse;

/* Stopping the parse: xmlStopParser frees the parser's input (libxml2
 * 2.9), which the schema validator's SAX plug still reads after our hooks
 * inside it return (attribute values point into that input). So it is
 * called only from the outer hooks, which the parser calls in place of the
 * plug's: before the plug has seen an event it will never see (a refused
 * element), or after the plug is done with it (too many errors). libxml2
 * checks for a stop after each SAX callback. */
static void stop(parse_state *st)
{
	st->refused = true;
	xmlStopParser(st->ctxt);
}

static void report_xml_error(parse_state *st, xmlErrorPtr err)
{
	if (err->code == XML_ERR_NO_MEMORY) {
		st->oom = true;
		return;
	}
	bool from_schema = err->domain == XML_FROM_SCHEMASV;
	/* A format 1 document is not validated against format 2's schema:
	 * reader_legacy_report says what changed instead. */
	if (from_schema && st->format1)
		return;
	if (from_schema && err->level != XML_ERR_WARNING)
		st->invalid = true;
	if (st->refused || err->level == XML_ERR_WARNING)
		return;
	/* After a broken tag the validator sees the pieces: its errors then
	 * are consequences, not news. */
	if (from_schema && st->malformed)
		return;
	st->malformed |= !from_schema;
	int line = err->line;
	if (line <= 0 && err->node)
		line = (int)xmlGetLineNo((xmlNodePtr)err->node);
	/* libxml2 follows a facet error with "...is not a valid value of the
	 * atomic type", and a broken tag with more errors on its line: the
	 * same fact again. The first error of a line says it. */
	if (line == st->last_line && st->last_schema == from_schema &&
	    (!from_schema || err->code == XML_SCHEMAV_CVC_DATATYPE_VALID_1_2_1))
		return;
	st->last_line = line;
	st->last_schema = from_schema;
	char msg[500];
	explain_where at = {st->ctxt ? st->ctxt->node : NULL, st->closed};
	explain_error(err, &at, msg, sizeof msg);
	diag_error(st->d, st->file, line > 0 ? line : 0, "%s", msg);
	/* Past the limit nothing more is printed: stop reading at the end of
	 * this element (the outer hooks below). */
	if (st->d->errors - st->errors_before > DIAG_MAX)
		st->refused = true;
}

static void parser_error(void *data, xmlErrorPtr err)
{
	(void)data;
	if (current_parse)
		report_xml_error(current_parse, err);
}

static void schema_error(void *data, xmlErrorPtr err) { report_xml_error(data, err); }

static int ctxt_line(xmlParserCtxtPtr ctxt)
{
	return xmlSAX2GetLineNumber(ctxt);
}

/* Any DOCTYPE is refused here, before the internal subset is read: so no
 * entity (billion laughs, external files, parameter entities) ever exists. */
static void refuse_doctype(void *data, const xmlChar *name, const xmlChar *ext,
                           const xmlChar *sys)
{
	xmlParserCtxtPtr ctxt = data;
	parse_state *st = ctxt->_private;
	(void)name, (void)ext, (void)sys;
	diag_error(st->d, st->file, ctxt_line(ctxt),
	           "<!DOCTYPE> er ikke tilladt (ingen DTD og ingen entiteter); fjern den");
	stop(st);   /* the schema plug does not look at a DOCTYPE */
}

/* The root is not <workplace> in the format's namespace. The usual
 * mistake is a <workplace> without xmlns: say what to write. */
static void report_root(parse_state *st, int line, const char *local, const char *uri)
{
	if (strcmp(local, "workplace") == 0 && !uri)
		diag_error(st->d, st->file, line, "<workplace> mangler sit navnerum; skriv "
		           "<workplace xmlns=\"" WORKPLACE_NS "\" version=\"2\">");
	else if (strcmp(local, "workplace") == 0)
		diag_error(st->d, st->file, line, "<workplace> har navnerummet '%.100s'; skriv xmlns=\""
		           WORKPLACE_NS "\"", uri);
	else
		diag_error(st->d, st->file, line, "rodelementet er <%.64s>; en arbejdspladsfil begynder med "
		           "<workplace xmlns=\"" WORKPLACE_NS "\" version=\"2\">", local);
}

/* The outer hooks: the parser calls these instead of the schema plug's,
 * which passes each event to the tree builder (SAX2) and then to the
 * validator. An element is refused before either sees it. */
static void start_element(void *data, const xmlChar *local, const xmlChar *prefix,
                          const xmlChar *uri, int nns, const xmlChar **nss, int natt,
                          int ndef, const xmlChar **atts)
{
	parse_state *st = current_parse;
	xmlParserCtxtPtr ctxt = st->ctxt;
	st->closed_line = 0;
	st->closed = NULL;
	if (++st->depth > READER_MAX_DEPTH) {
		diag_error(st->d, st->file, ctxt_line(ctxt),
		           "elementerne er indlejret i mere end %d niveauer", READER_MAX_DEPTH);
		stop(st);
		return;
	}
	if (st->depth == 1 && uri && strcmp((const char *)local, "workplace") == 0 &&
	    strcmp((const char *)uri, WORKPLACE_NS_1) == 0) {
		st->format1 = true;
	} else if (st->depth == 1 && (strcmp((const char *)local, "workplace") != 0 || !uri ||
	                              strcmp((const char *)uri, WORKPLACE_NS) != 0)) {
		report_root(st, ctxt_line(ctxt), (const char *)local, (const char *)uri);
		stop(st);
		return;
	}
	st->plug_start(data, local, prefix, uri, nns, nss, natt, ndef, atts);
	if (st->refused)
		stop(st);
}

static void end_element(void *data, const xmlChar *local, const xmlChar *prefix,
                        const xmlChar *uri)
{
	parse_state *st = current_parse;
	xmlParserCtxtPtr ctxt = st->ctxt;
	st->depth--;
	/* The element being closed, whose line the validator's errors name. */
	st->closed_line = ctxt->node ? (int)xmlGetLineNo(ctxt->node) : 0;
	st->closed = ctxt->node;
	st->plug_end(data, local, prefix, uri);
	if (st->refused)
		stop(st);
}

/* The validator asks where it is, for the lines of its errors: the start
 * line of the element it checks (the one just opened, or just closed). */
static int locate(void *data, const char **file, unsigned long *line)
{
	xmlParserCtxtPtr ctxt = data;
	parse_state *st = ctxt->_private;
	*file = NULL;
	if (st->closed_line > 0)
		*line = (unsigned long)st->closed_line;
	else if (ctxt->node)
		*line = (unsigned long)xmlGetLineNo(ctxt->node);
	else
		*line = (unsigned long)ctxt_line(ctxt);
	return 0;
}

/* The hooks the schema plug passes events to (with the parser context as
 * their data): a DOCTYPE is refused, and no entity reference is made. */
static void install_inner_hooks(xmlParserCtxtPtr ctxt, parse_state *st)
{
	ctxt->_private = st;
	ctxt->sax->initialized = XML_SAX2_MAGIC;
	ctxt->sax->internalSubset = refuse_doctype;
	ctxt->sax->externalSubset = NULL;
	ctxt->sax->reference = NULL;
}

/* The outer hooks, in place of the plug's own (with the plug as their data). */
static void install_outer_hooks(xmlParserCtxtPtr ctxt, parse_state *st)
{
	st->plug_start = ctxt->sax->startElementNs;
	st->plug_end = ctxt->sax->endElementNs;
	ctxt->sax->startElementNs = start_element;
	ctxt->sax->endElementNs = end_element;
	ctxt->sax->serror = parser_error;
}

/* The file's bytes as libxml2 reads them, a piece at a time: the parser
 * lets go of what it has read, where xmlCtxtReadMemory would first copy
 * the whole file into a buffer of its own (libxml2 2.9; 1 MB for a 911 KB
 * file, at the parse's peak). */
typedef struct mem_input {
	const char *p;
	size_t left;
} mem_input;

static int mem_read(void *ctx, char *out, int len)
{
	mem_input *in = ctx;
	size_t n = len < 0 ? 0 : (size_t)len;
	if (n > in->left)
		n = in->left;
	memcpy(out, in->p, n);
	in->p += n;
	in->left -= n;
	return (int)n;
}

/* Parses buf into a tree, validating it against the schema while parsing
 * (so a flood of errors stops at the limit); returns NULL with the reason
 * in st->d. A returned tree may still be invalid (st->invalid). The bytes
 * are UTF-8 (prescan), whatever the XML declaration says, so libxml2
 * reads them as they are instead of through a converted copy. Without
 * keep_blanks the whitespace between elements makes no text nodes: the
 * model never reads it, and for a large file those nodes were half the
 * tree (issue 24); an editor (edit.c) keeps them, with the indentation. */
static xmlDocPtr parse(parse_state *st, const char *buf, size_t len, bool keep_blanks)
{
	if (len > INT32_MAX) {
		diag_error(st->d, st->file, 0, "filen er for stor");
		return NULL;
	}
	xmlSchemaPtr compiled = workplace_schema();
	if (!compiled) {
		st->oom = true;  /* the embedded schema compiles unless memory is short */
		return NULL;
	}
	xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
	xmlSchemaValidCtxtPtr vc = ctxt ? xmlSchemaNewValidCtxt(compiled) : NULL;
	if (!vc) {
		xmlFreeParserCtxt(ctxt);
		st->oom = true;
		return NULL;
	}
	st->ctxt = ctxt;
	install_inner_hooks(ctxt, st);
	xmlSchemaSetValidStructuredErrors(vc, schema_error, st);
	xmlSchemaSAXPlugPtr plug = xmlSchemaSAXPlug(vc, &ctxt->sax, &ctxt->userData);
	xmlSchemaValidateSetLocator(vc, locate, ctxt);
	xmlDocPtr doc = NULL;
	if (plug) {
		install_outer_hooks(ctxt, st);
		int options = XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA | XML_PARSE_COMPACT |
		              XML_PARSE_IGNORE_ENC | (keep_blanks ? 0 : XML_PARSE_NOBLANKS);
		current_parse = st;
		mem_input in = {buf, len};
		doc = xmlCtxtReadIO(ctxt, mem_read, NULL, &in, st->file, NULL, options);
		current_parse = NULL;
		xmlSchemaSAXUnplug(plug);
	} else {
		st->oom = true;
	}
	bool well_formed = ctxt->wellFormed;
	xmlSchemaFreeValidCtxt(vc);
	xmlFreeParserCtxt(ctxt);
	st->ctxt = NULL;
	if (doc && (st->refused || st->oom || !well_formed || doc->intSubset || doc->extSubset)) {
		if (!st->refused && !st->oom && (doc->intSubset || doc->extSubset))
			diag_error(st->d, st->file, 1, "<!DOCTYPE> er ikke tilladt");
		xmlFreeDoc(doc);
		doc = NULL;
	}
	return doc;
}

/* ---- the whole ---------------------------------------------------------- */

/* The tree and model of the len bytes at buf. drop, when not NULL, is
 * the arena that holds the bytes: it is freed as soon as they are parsed,
 * before the model is built beside the tree (the 911 KB wheel file's
 * bytes at the reading's peak). */
static xmlDocPtr parse_doc(arena *a, const char *name, const char *buf, size_t len, bool keep_blanks,
                           arena *drop, am_workplace **out, diag *d, int *rc)
{
	*out = NULL;
	int errors_before = d->errors;
	int r = prescan(name, buf, len, d);
	if (r != AM_OK) {
		arena_free(drop);
		*rc = r;
		return NULL;
	}
	parse_state st = {.file = name, .d = d, .errors_before = errors_before, .last_line = -1};
	xmlDocPtr doc = parse(&st, buf, len, keep_blanks);
	arena_free(drop);
	if (!doc) {
		if (st.oom) {
			*rc = diag_oom(d, name);
			return NULL;
		}
		if (d->errors == errors_before)
			diag_error(d, name, 0, "filen kan ikke læses som XML");
		*rc = AM_EINPUT;
		return NULL;
	}
	if (!xmlDocGetRootElement(doc)) {
		diag_error(d, name, 1, "intet rodelement; forventede <workplace>");
		r = AM_EINPUT;
	} else if (st.format1) {
		reader_legacy_report(name, xmlDocGetRootElement(doc), d);
		r = AM_EINPUT;
	} else if (st.invalid) {
		r = AM_EINPUT;
	} else {
		r = reader_model_build(a, name, xmlDocGetRootElement(doc), out, d);
	}
	if (r == AM_OK && d->errors > errors_before)
		r = AM_EINPUT;
	if (r != AM_OK) {
		*out = NULL;
		xmlFreeDoc(doc);
		doc = NULL;
	}
	*rc = r;
	return doc;
}

xmlDocPtr reader_parse_doc(arena *a, const char *name, const char *buf, size_t len,
                           am_workplace **out, diag *d, int *rc)
{
	return parse_doc(a, name, buf, len, true, NULL, out, d, rc);
}

static int load(arena *a, const char *name, const char *buf, size_t len, arena *drop, am_workplace **out,
                diag *d)
{
	int r;
	xmlDocPtr doc = parse_doc(a, name, buf, len, false, drop, out, d, &r);
	xmlFreeDoc(doc);
	return r;
}

int reader_load_mem(arena *a, const char *name, const char *buf, size_t len,
                    am_workplace **out, diag *d)
{
	return load(a, name, buf, len, NULL, out, d);
}

int reader_load(arena *a, const char *path, am_workplace **out, diag *d)
{
	*out = NULL;
	arena *tmp = arena_new();
	if (!tmp)
		return diag_oom(d, infile_name(path));
	char *buf = NULL;
	size_t len = 0;
	int r = infile_read(tmp, path, max_bytes, &buf, &len, d);
	if (r != AM_OK) {
		arena_free(tmp);
		return r;
	}
	return load(a, infile_name(path), buf, len, tmp, out, d);   /* frees tmp */
}
