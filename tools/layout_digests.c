/* layout_digests.c: validates the shipped layouts once, at build time, and
 * prints C source recording the SHA-256 of each valid file and, for each
 * <layout>, its loaded template as static data.
 *
 *   layout_digests FILE... > layout_digests.c
 *
 * Every run of amokit used to validate the layouts that ship with it
 * against the layout schema, the same bytes each time: a fifth of a render.
 * This program does that work once, the way layout_load does it (the same
 * parser options, no DOCTYPE, the compiled-in schema, the same libxml2),
 * and fails, naming FILE:LINE, when a file does not match the schema, so a
 * broken layout fails the build. layout_load then skips the schema for a
 * file whose bytes have one of the digests printed here; any other file is
 * validated as before.
 *
 * Parsing the layouts was still a tenth of a full set's instructions (the
 * same bytes, every run), so each <layout> is also loaded here, with
 * layout_load_mem itself, and the template it gives is printed as const
 * arrays of lnode, lattr and lmap, with the digests of the strings files
 * it read (layout_int.h). layout_load serves a file with these bytes from
 * that template while those strings files are unchanged. A layout that does
 * not load gets no template: amokit then parses it and reports as before.
 * Built from src/layout_load.c and the modules it needs; the table it
 * links against is its own empty one below, so everything is parsed here. */
#include <libxml/parser.h>
#include <libxml/xmlschemas.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "diag.h"
#include "layout_int.h"
#include "sha256.h"

/* What layout_load.c consults: empty here, so this program parses all. */
const layout_digest layout_shipped[] = {{NULL, 0, "", NULL, NULL}};

extern const char schema_layout[];
extern const size_t schema_layout_len;

#define PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA | XML_PARSE_COMPACT)

static int failures;

/* Errors of the schema (ctx: the file name) and of the parser (ctx: the
 * parser context, whose _private is the file name). */
static void report(const char *path, const xmlError *e)
{
	if (e->level < XML_ERR_ERROR)
		return;
	const char *msg = e->message ? e->message : "error\n";
	size_t n = strlen(msg);
	while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
		n--;
	fprintf(stderr, "%s:%d: %.*s\n", path, e->line, (int)n, msg);
	failures++;
}

static void on_schema_error(void *ctx, xmlErrorPtr e) { report(ctx, e); }

static void on_parse_error(void *ctx, xmlErrorPtr e)
{
	xmlParserCtxtPtr pc = ctx;
	report(pc->_private, e);
}

/* Reads the whole file at path into malloc'd memory; NULL when it cannot. */
static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 1 << 16, n = 0;
	char *buf = malloc(cap);
	while (buf) {
		n += fread(buf + n, 1, cap - n, f);
		if (n < cap)
			break;
		char *big = realloc(buf, cap *= 2);
		if (!big)
			free(buf);
		buf = big;
	}
	if (ferror(f)) {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	*len = n;
	return buf;
}

/* True when the bytes are well-formed, have no DOCTYPE and match the schema. */
static bool valid(xmlSchemaPtr schema, const char *path, const char *xml, size_t len)
{
	int before = failures;
	xmlParserCtxtPtr pc = xmlNewParserCtxt();
	if (!pc)
		return false;
	pc->_private = (void *)path;
	pc->sax->serror = on_parse_error;
	xmlDocPtr doc = xmlCtxtReadMemory(pc, xml, (int)len, path, "UTF-8", PARSE_OPTIONS);
	xmlFreeParserCtxt(pc);
	if (!doc || doc->intSubset || doc->extSubset) {
		if (failures == before)
			fprintf(stderr, "%s:1: not a well-formed layout without DOCTYPE\n", path);
		xmlFreeDoc(doc);
		return false;
	}
	xmlSchemaValidCtxtPtr vc = xmlSchemaNewValidCtxt(schema);
	int rc = -1;
	if (vc) {
		xmlSchemaSetValidStructuredErrors(vc, on_schema_error, (void *)path);
		rc = xmlSchemaValidateDoc(vc, doc);
		xmlSchemaFreeValidCtxt(vc);
	}
	xmlFreeDoc(doc);
	if (rc != 0 && failures == before)
		fprintf(stderr, "%s:0: layout does not match the schema\n", path);
	return rc == 0;
}

/* Prints s as a C string literal, or NULL. Bytes outside printable ASCII,
 * quotes, backslashes and question marks (trigraphs) are octal escapes. */
static void print_str(const char *s)
{
	if (!s) {
		fputs("NULL", stdout);
		return;
	}
	putchar('"');
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c < ' ' || c >= 0x7f || c == '"' || c == '\\' || c == '?')
			printf("\\%03o", c);
		else
			putchar(c);
	}
	putchar('"');
}

/* Prints the file's name without its folder as a C string literal. */
static void print_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	print_str(slash ? slash + 1 : path);
}

/* ---- a loaded template as C data --------------------------------------- */

/* A list of the pointers met, in the order they are printed; a pointer's
 * index is its place in the array of its kind. */
typedef struct ptrs {
	const void **p;
	size_t n, cap;
} ptrs;

static void push(ptrs *v, const void *p)
{
	if (v->n == v->cap) {
		v->cap = v->cap ? 2 * v->cap : 256;
		v->p = realloc(v->p, v->cap * sizeof *v->p);
		if (!v->p) {
			fprintf(stderr, "layout_digests: out of memory\n");
			exit(1);
		}
	}
	v->p[v->n++] = p;
}

static size_t index_of(const ptrs *v, const void *p)
{
	for (size_t i = 0; i < v->n; i++)
		if (v->p[i] == p)
			return i;
	fprintf(stderr, "layout_digests: a template pointer that was not collected\n");
	exit(1);
}

static void collect_attrs(ptrs *attrs, const lattr *a)
{
	for (; a; a = a->next)
		push(attrs, a);
}

static void collect_nodes(ptrs *nodes, ptrs *attrs, const lnode *n)
{
	for (; n; n = n->next) {
		push(nodes, n);
		collect_attrs(attrs, n->attrs);
		collect_nodes(nodes, attrs, n->first);
	}
}

static void print_ref(const char *type, int t, const char *arr, const ptrs *v, const void *p)
{
	if (p)
		printf("(%s *)&T%d_%s[%zu]", type, t, arr, index_of(v, p));
	else
		fputs("NULL", stdout);
}

static void print_attrs(int t, const ptrs *attrs)
{
	printf("static const lattr T%d_a[%zu] = {\n", t, attrs->n ? attrs->n : 1);
	for (size_t i = 0; i < attrs->n; i++) {
		const lattr *a = attrs->p[i];
		printf("\t{");
		print_str(a->name);
		printf(", ");
		print_str(a->value);
		printf(", ");
		print_ref("lattr", t, "a", attrs, a->next);
		printf("},\n");
	}
	printf("};\n");
}

static void print_nodes(int t, const ptrs *nodes, const ptrs *attrs)
{
	printf("static const lnode T%d_n[%zu] = {\n", t, nodes->n ? nodes->n : 1);
	for (size_t i = 0; i < nodes->n; i++) {
		const lnode *n = nodes->p[i];
		printf("\t{(lkind)%d, %d, ", (int)n->kind, n->line);
		print_str(n->text);
		printf(", ");
		print_ref("lattr", t, "a", attrs, n->attrs);
		printf(", ");
		print_ref("lnode", t, "n", nodes, n->first);
		printf(", ");
		print_ref("lnode", t, "n", nodes, n->next);
		printf("},\n");
	}
	printf("};\n");
}

static void print_str_array(int t, size_t m, const char *what, const char **s, size_t n)
{
	printf("static const char *const T%d_m%zu%s[%zu] = {", t, m, what, n ? n : 1);
	for (size_t i = 0; i < n; i++) {
		print_str(s[i]);
		printf(", ");
	}
	printf("};\n");
}

static void print_maps(int t, const ptrs *maps)
{
	for (size_t i = 0; i < maps->n; i++) {
		const lmap *m = maps->p[i];
		print_str_array(t, i, "k", m->keys, m->n);
		print_str_array(t, i, "v", m->values, m->n);
	}
	printf("static const lmap T%d_m[%zu] = {\n", t, maps->n ? maps->n : 1);
	for (size_t i = 0; i < maps->n; i++) {
		const lmap *m = maps->p[i];
		printf("\t{");
		print_str(m->name);
		printf(", (const char **)T%d_m%zuk, (const char **)T%d_m%zuv, %zu, ", t, i, t, i, m->n);
		print_ref("lmap", t, "m", maps, m->next);
		printf("},\n");
	}
	printf("};\n");
}

static void print_page(const lpage *p)
{
	printf("{%a, %a, %a, %a, %a, %a}", p->w, p->h, p->mt, p->mb, p->ml, p->mr);
}

/* Prints template t: everything layout_load_mem set but the file name,
 * which layout_load sets to the path it read. */
static void print_template(int t, const layout *l)
{
	ptrs nodes = {0}, attrs = {0}, maps = {0};
	const lnode *slots[] = {l->header, l->header_right, l->footer, l->footer_right, l->body};
	for (size_t i = 0; i < sizeof slots / sizeof slots[0]; i++)
		collect_nodes(&nodes, &attrs, slots[i]);
	collect_attrs(&attrs, l->texts);
	for (const lmap *m = l->maps; m; m = m->next)
		push(&maps, m);
	print_attrs(t, &attrs);
	print_nodes(t, &nodes, &attrs);
	print_maps(t, &maps);
	printf("static const layout T%d = {\n\t.title = ", t);
	print_str(l->title);
	printf(", .subject = ");
	print_str(l->subject);
	printf(", .keywords = ");
	print_str(l->keywords);
	printf(",\n\t.page = ");
	print_page(&l->page);
	printf(", .base_size = %a, .accent = {%a, %a, %a},\n\t.months = {", l->base_size,
	       l->accent.r, l->accent.g, l->accent.b);
	for (int m = 0; m < 12; m++) {
		print_str(l->months[m]);
		printf(m < 11 ? ", " : "},\n");
	}
	printf("\t.maps = ");
	print_ref("lmap", t, "m", &maps, l->maps);
	printf(", .texts = ");
	print_ref("lattr", t, "a", &attrs, l->texts);
	const char *names[] = {"header", "header_right", "footer", "footer_right", "body"};
	for (size_t i = 0; i < sizeof slots / sizeof slots[0]; i++) {
		printf(",\n\t.%s = ", names[i]);
		print_ref("lnode", t, "n", &nodes, slots[i]);
	}
	printf(",\n};\n");
	free(nodes.p);
	free(attrs.p);
	free(maps.p);
}

/* Prints the strings files a layout reads (its <strings href> elements),
 * with their sizes and digests. False when one cannot be read. */
static bool print_deps(int t, const char *path, const char *xml, size_t len)
{
	xmlDocPtr doc = xmlReadMemory(xml, (int)len, path, "UTF-8", PARSE_OPTIONS);
	xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
	bool ok = root != NULL;
	printf("static const layout_dep T%d_deps[] = {\n", t);
	for (xmlNodePtr c = root ? root->children : NULL; c && ok; c = c->next) {
		if (c->type != XML_ELEMENT_NODE || strcmp((const char *)c->name, "strings") != 0)
			continue;
		xmlChar *href = xmlGetProp(c, (const xmlChar *)"href");
		const char *slash = strrchr(path, '/');
		int dir = slash ? (int)(slash - path) + 1 : 0;
		char file[4096], hex[SHA256_HEX_SIZE];
		size_t size = 0;
		char *bytes = NULL;
		ok = href && snprintf(file, sizeof file, "%.*s%s", dir, path, (const char *)href) < (int)sizeof file &&
		     (bytes = slurp(file, &size)) != NULL;
		if (ok) {
			sha256_of(bytes, size, hex);
			printf("\t{");
			print_str((const char *)href);
			printf(", %zu, \"%s\"},\n", size, hex);
		}
		free(bytes);
		xmlFree(href);
	}
	printf("\t{NULL, 0, \"\"},\n};\n");
	xmlFreeDoc(doc);
	return ok;
}

/* Loads the layout at path as layout_load_mem does and prints its template
 * as T<t>. False (and nothing printed) when it is a strings file or does not
 * load cleanly: amokit will parse it, and report, at run time. */
static bool print_loaded(int t, const char *path, const char *xml, size_t len)
{
	arena *a = arena_new();
	diag *d = malloc(sizeof *d);   /* large: not on the stack */
	layout *l = NULL;
	bool ok = a && d;
	if (ok) {
		diag_init(d);
		ok = layout_load_mem(a, path, xml, len, &l, d) == AM_OK && d->errors == 0 && d->warnings == 0;
	}
	if (ok) {
		printf("\n/* ");
		print_name(path);
		printf(" */\n");
		ok = print_deps(t, path, xml, len);
		if (ok)
			print_template(t, l);
	}
	free(d);
	arena_free(a);
	return ok;
}

/* One file: checked, then (when it is a layout) its template printed; its
 * table entry is kept in entry for main to print after all templates. */
static bool print_entry(xmlSchemaPtr schema, const char *path, int t, char *entry, size_t cap)
{
	size_t len;
	char *xml = slurp(path, &len);
	if (!xml) {
		fprintf(stderr, "%s:0: cannot read layout file\n", path);
		return false;
	}
	bool ok = valid(schema, path, xml, len);
	if (ok) {
		char hex[SHA256_HEX_SIZE];
		sha256_of(xml, len, hex);
		bool loaded = print_loaded(t, path, xml, len);
		if (loaded)
			snprintf(entry, cap, "%zu, \"%s\", &T%d, T%d_deps", len, hex, t, t);
		else
			snprintf(entry, cap, "%zu, \"%s\", NULL, no_deps", len, hex);
	}
	free(xml);
	return ok;
}

int main(int argc, char **argv)
{
	xmlSchemaParserCtxtPtr spc = xmlSchemaNewMemParserCtxt(schema_layout, (int)schema_layout_len);
	xmlSchemaPtr schema = spc ? xmlSchemaParse(spc) : NULL;
	xmlSchemaFreeParserCtxt(spc);
	if (!schema) {
		fprintf(stderr, "layout_digests: the layout schema does not compile\n");
		return 1;
	}
	printf("/* Generated by tools/layout_digests.c; do not edit. The shipped\n"
	       " * layouts that matched schema/layout.xsd when amokit was built, and\n"
	       " * the templates they load to (layout_int.h). */\n"
	       "#include <stddef.h>\n"
	       "#include \"layout_int.h\"\n\n"
	       "static const layout_dep no_deps[] = {{NULL, 0, \"\"}};\n");
	bool ok = true;
	char (*entries)[256] = calloc((size_t)argc, sizeof *entries);
	if (!entries)
		return 1;
	for (int i = 1; i < argc; i++)
		ok &= print_entry(schema, argv[i], i, entries[i], sizeof entries[i]);
	printf("\nconst layout_digest layout_shipped[] = {\n");
	for (int i = 1; i < argc; i++) {
		if (!entries[i][0])
			continue;
		printf("\t{");
		print_name(argv[i]);
		printf(", %s},\n", entries[i]);
	}
	printf("\t{NULL, 0, \"\", NULL, NULL}\n};\n");
	free(entries);
	xmlSchemaFree(schema);
	xmlCleanupParser();
	return ok ? 0 : 1;
}
