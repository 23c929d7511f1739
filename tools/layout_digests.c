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
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "diag.h"
#include "layout_int.h"
#include "sha256.h"

/* What layout_load.c consults: empty here, so this program parses all. */
const layout_digest layout_shipped[] = {{NULL, 0, "", NULL, NULL, NULL}};

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

/* The string pool of one image: each distinct string once, NUL-ended, in
 * the order first met; found again through a small open hash. */
typedef struct pool {
	char *buf;
	size_t len, cap;
	uint32_t *slot;            /* offset + 1 of a string, 0 when free */
	size_t n_slots, used;
} pool;

static void *grow(void *p, size_t n)
{
	p = realloc(p, n);
	if (!p) {
		fprintf(stderr, "layout_digests: out of memory\n");
		exit(1);
	}
	return p;
}

static uint32_t hash(const char *s)
{
	uint32_t h = 2166136261u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static void rehash(pool *p)
{
	size_t n = p->n_slots ? 2 * p->n_slots : 1024;
	uint32_t *slot = grow(NULL, n * sizeof *slot);
	memset(slot, 0, n * sizeof *slot);
	for (size_t i = 0; i < p->n_slots; i++)
		if (p->slot[i]) {
			size_t k = hash(p->buf + p->slot[i] - 1) & (n - 1);
			while (slot[k])
				k = (k + 1) & (n - 1);
			slot[k] = p->slot[i];
		}
	free(p->slot);
	p->slot = slot;
	p->n_slots = n;
}

/* s's reference in the pool (0 for NULL), adding it when new. */
static lref str_ref(pool *p, const char *s)
{
	if (!s)
		return 0;
	if (2 * (p->used + 1) > p->n_slots)
		rehash(p);
	size_t k = hash(s) & (p->n_slots - 1);
	for (; p->slot[k]; k = (k + 1) & (p->n_slots - 1))
		if (strcmp(p->buf + p->slot[k] - 1, s) == 0)
			return p->slot[k];
	size_t n = strlen(s) + 1;
	if (p->len + n > p->cap)
		p->buf = grow(p->buf, p->cap = 2 * (p->len + n));
	memcpy(p->buf + p->len, s, n);
	p->slot[k] = (uint32_t)p->len + 1;
	p->used++;
	p->len += n;
	return p->slot[k];
}

static lref ref(const ptrs *v, const void *p) { return p ? (lref)index_of(v, p) + 1 : 0; }

static void print_pool(int t, const pool *p)
{
	printf("static const char T%d_strs[] =\n", t);
	for (size_t at = 0; at < p->len; at += strlen(p->buf + at) + 1) {
		putchar('\t');
		print_str(p->buf + at);
		printf(" \"\\000\"\n");
	}
	printf("\t\"\";\n");
}

static void print_page(const lpage *p)
{
	printf("{%a, %a, %a, %a, %a, %a}", p->w, p->h, p->mt, p->mb, p->ml, p->mr);
}

/* Prints the image of template t: everything layout_load_mem set but the
 * file name, which layout_load sets to the path it read. */
static void print_image(int t, const layout *l, layout_root root)
{
	ptrs nodes = {0}, attrs = {0}, maps = {0};
	pool p = {0};
	const lnode *slots[] = {l->header, l->header_right, l->footer, l->footer_right, l->body};
	for (size_t i = 0; i < sizeof slots / sizeof slots[0]; i++)
		collect_nodes(&nodes, &attrs, slots[i]);
	collect_attrs(&attrs, l->texts);
	for (const lmap *m = l->maps; m; m = m->next)
		push(&maps, m);
	/* The arrays first, into buffers, so that the pool is complete before
	 * it is printed ahead of them. */
	char *text = NULL;
	size_t text_len = 0;
	FILE *out = open_memstream(&text, &text_len);
	if (!out) {
		fprintf(stderr, "layout_digests: out of memory\n");
		exit(1);
	}
	fprintf(out, "static const limage_node T%d_n[] = {\n", t);
	for (size_t i = 0; i < nodes.n; i++) {
		const lnode *n = nodes.p[i];
		fprintf(out, "\t{%d, %d, %u, %u, %u, %u},\n", (int)n->kind, n->line, str_ref(&p, n->text),
		        ref(&attrs, n->attrs), ref(&nodes, n->first), ref(&nodes, n->next));
	}
	fprintf(out, "\t{0, 0, 0, 0, 0, 0},\n};\nstatic const limage_attr T%d_a[] = {\n", t);
	for (size_t i = 0; i < attrs.n; i++) {
		const lattr *a = attrs.p[i];
		fprintf(out, "\t{%u, %u, %u, %d},\n", str_ref(&p, a->name), str_ref(&p, a->value), ref(&attrs, a->next),
		        (int)a->type);
	}
	fprintf(out, "\t{0, 0, 0, 0},\n};\nstatic const lref T%d_kv[] = {\n\t", t);
	size_t kv = 0;
	for (size_t i = 0; i < maps.n; i++) {
		const lmap *m = maps.p[i];
		for (size_t k = 0; k < 2 * m->n; k++)
			fprintf(out, "%u, ", str_ref(&p, k < m->n ? m->keys[k] : m->values[k - m->n]));
	}
	fprintf(out, "0,\n};\nstatic const limage_map T%d_m[] = {\n", t);
	for (size_t i = 0; i < maps.n; i++) {
		const lmap *m = maps.p[i];
		fprintf(out, "\t{%u, %zu, %zu, %u},\n", str_ref(&p, m->name), kv + 1, m->n, ref(&maps, m->next));
		kv += 2 * m->n;
	}
	fprintf(out, "\t{0, 0, 0, 0},\n};\n");
	fprintf(out, "static const layout_image T%d = {\n\tT%d_strs, sizeof T%d_strs, T%d_n, T%d_a, T%d_m, T%d_kv,\n"
	        "\t%zu, %zu, %zu,\n", t, t, t, t, t, t, t, nodes.n, attrs.n, maps.n);
	fprintf(out, "\t%u, %u, %u, {", str_ref(&p, l->title), str_ref(&p, l->subject), str_ref(&p, l->keywords));
	for (int m = 0; m < 12; m++)
		fprintf(out, m < 11 ? "%u, " : "%u},\n", str_ref(&p, l->months[m]));
	lref keys[3] = {str_ref(&p, l->title_key), str_ref(&p, l->subject_key), str_ref(&p, l->keywords_key)};
	fclose(out);
	print_pool(t, &p);
	fputs(text, stdout);
	free(text);
	printf("\t");
	print_page(&l->page);
	printf(", %a, {%a, %a, %a},\n\t%u, %u", l->base_size, l->accent.r, l->accent.g, l->accent.b,
	       ref(&maps, l->maps), ref(&attrs, l->texts));
	for (size_t i = 0; i < sizeof slots / sizeof slots[0]; i++)
		printf(", %u", ref(&nodes, slots[i]));
	printf(",\n\t%u, %u, %u, %d,\n};\n", keys[0], keys[1], keys[2], (int)root);
	free(nodes.p);
	free(attrs.p);
	free(maps.p);
	free(p.buf);
	free(p.slot);
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
	xmlDocPtr doc = xmlReadMemory(xml, (int)len, path, "UTF-8", PARSE_OPTIONS);
	xmlNodePtr top = doc ? xmlDocGetRootElement(doc) : NULL;
	const char *name = top ? (const char *)top->name : "";
	layout_root root = strcmp(name, "messages") == 0 ? ROOT_MESSAGES
	                 : strcmp(name, "glossary") == 0 ? ROOT_GLOSSARY
	                 : strcmp(name, "layout") == 0 ? ROOT_LAYOUT : ROOT_STRINGS;
	xmlFreeDoc(doc);
	if (root == ROOT_STRINGS)
		return false;      /* read by the layouts that name it */
	arena *a = arena_new();
	diag *d = malloc(sizeof *d);   /* large: not on the stack */
	layout *l = NULL;
	bool ok = a && d;
	if (ok) {
		diag_init(d);
		ok = layout_load_mem_as(a, path, xml, len, root, &l, d) == AM_OK && d->errors == 0 && d->warnings == 0;
		if (!ok && root != ROOT_LAYOUT) {
			diag_print(d, stderr);   /* a catalog that does not load fails the build */
			failures++;
		}
	}
	if (ok) {
		printf("\n/* ");
		print_name(path);
		printf(" */\n");
		ok = print_deps(t, path, xml, len);
		if (ok)
			print_image(t, l, root);
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
		printf("static const char B%d[] =\n", t);
		for (size_t at = 0; at < len;) {
			/* lines of at most 64 bytes, each a literal of its own */
			size_t n = len - at < 64 ? len - at : 64;
			char line[65];
			memcpy(line, xml + at, n);
			line[n] = '\0';
			putchar('\t');
			if (memchr(xml + at, '\0', n))
				for (size_t k = 0; k < n; k++)
					printf("\"\\%03o\"", (unsigned char)xml[at + k]);
			else
				print_str(line);
			putchar('\n');
			at += n;
		}
		printf("\t\"\";\n");
		if (loaded)
			snprintf(entry, cap, "%zu, \"%s\", &T%d, T%d_deps, B%d", len, hex, t, t, t);
		else
			snprintf(entry, cap, "%zu, \"%s\", NULL, no_deps, B%d", len, hex, t);
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
	       " * images of the templates they load to (layout_int.h). */\n"
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
	printf("\t{NULL, 0, \"\", NULL, NULL, NULL}\n};\n");
	free(entries);
	xmlSchemaFree(schema);
	xmlCleanupParser();
	return ok && !failures ? 0 : 1;
}
