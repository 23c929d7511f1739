/* layout_load.c: layout XML → template tree (lnode), plus strings and maps.
 *
 * Layout files are trusted more than workplace files (they ship with amokit
 * or come from the organisation), but are still parsed without DTDs, entity
 * expansion or network access, and validated against the compiled-in
 * schema, so a mistake is reported as `FILE:LINE: ...` before anything runs.
 * The layouts that ship with amokit were validated, and loaded, when it was
 * built (tools/layout_digests.c): a file with exactly their bytes is not
 * validated again, and the schema is compiled only when a file needs it.
 * layout_load makes such a file's template from the image compiled in,
 * without parsing it, while the strings files it reads are unchanged too
 * (parsing them was a good part of a full set's work: bench/NOTES.md);
 * those images are layout_image.c's, a catalog text's placeholders
 * layout_msg.c's, and what the engine asks of a loaded layout
 * layout_query.c's. */
#include <libxml/parser.h>
#include <libxml/xmlschemas.h>
#include <pthread.h>
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "layout_int.h"
#include "norm.h"
#include "sha256.h"

extern const char schema_layout[];
extern const size_t schema_layout_len;

#define LAYOUT_NS "urn:amokit:layout:1"
#define LAYOUT_MAX (4u << 20)

/* Sorted by name (strcmp order) for bsearch: one lookup per element. */
static const struct kind_name { const char *name; lkind kind; } kinds[] = {
	{"arg", L_ARG}, {"b", L_B}, {"box", L_BOX}, {"br", L_BR}, {"cell", L_CELL},
	{"choose", L_CHOOSE}, {"custom", L_CUSTOM}, {"empty-rows", L_EMPTY_ROWS},
	{"field", L_FIELD}, {"grid", L_GRID}, {"h1", L_H1}, {"h2", L_H2},
	{"h3", L_H3}, {"header", L_HEADER}, {"i", L_I}, {"if", L_IF},
	{"image", L_IMAGE}, {"keep", L_KEEP}, {"li", L_LI}, {"msg", L_MSG}, {"number", L_NUMBER},
	{"ol", L_OL}, {"otherwise", L_OTHERWISE}, {"p", L_P},
	{"page-break", L_PAGE_BREAK}, {"page-count", L_PAGE_COUNT},
	{"page-number", L_PAGE_NUMBER}, {"repeat", L_REPEAT}, {"row", L_ROW},
	{"rule", L_RULE}, {"spacer", L_SPACER}, {"table", L_TABLE},
	{"title", L_TITLE}, {"ul", L_UL}, {"when", L_WHEN},
};

/* ---- parsing ------------------------------------------------------------ */

static void report(loader *ld, const xmlError *e)
{
	if (e->level < XML_ERR_ERROR)
		return;
	char msg[400];
	snprintf(msg, sizeof msg, "%s", e->message ? e->message : "error");
	size_t n = strlen(msg);
	while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
		msg[--n] = '\0';
	diag_error(ld->d, ld->file, e->line, "%s", msg);
}

/* Schema validation errors: ctx is the loader. */
static void on_schema_error(void *ctx, xmlErrorPtr e) { report(ctx, e); }

/* Parser errors: ctx is the parser context, whose _private is the loader. */
static void on_parse_error(void *ctx, xmlErrorPtr e)
{
	xmlParserCtxtPtr pc = ctx;
	report(pc->_private, e);
}

/* Reads a whole file into malloc'd memory (caller frees): a buffer of the
 * size the file has, plus one byte to notice growth (then of the cap).
 * Only a regular file: a FIFO or a device in a layouts folder is refused
 * before anything is read, and opening never blocks. */
static char *slurp(const char *path, size_t *len, diag *d)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	struct stat st;
	if (fd >= 0 && (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))) {
		close(fd);
		diag_error(d, path, 0, "the layout file is not a regular file");
		return NULL;
	}
	FILE *f = fd >= 0 ? fdopen(fd, "rb") : NULL;
	if (!f) {
		if (errno == ENOMEM)   /* fdopen's own buffer */
			diag_oom(d, path);
		else
			diag_error(d, path, 0, "cannot open layout file: %s", strerror(errno));
		if (fd >= 0)
			close(fd);
		return NULL;
	}
	size_t cap = fstat(fileno(f), &st) == 0 && st.st_size >= 0 && (size_t)st.st_size < LAYOUT_MAX
	                 ? (size_t)st.st_size + 1
	                 : LAYOUT_MAX + 1;
	char *buf = malloc(cap);
	size_t n = buf ? fread(buf, 1, cap, f) : 0;
	if (buf && n == cap && cap < LAYOUT_MAX + 1) {
		char *big = realloc(buf, LAYOUT_MAX + 1);
		if (!big)
			free(buf);
		buf = big;
		n += buf ? fread(buf + n, 1, LAYOUT_MAX + 1 - n, f) : 0;
	}
	int bad = ferror(f);
	fclose(f);
	if (!buf) {
		diag_oom(d, path);
		return NULL;
	}
	if (bad || n > LAYOUT_MAX) {
		diag_error(d, path, 0, bad ? "cannot read layout file" : "layout file larger than 4 MiB");
		free(buf);
		return NULL;
	}
	*len = n;
	return buf;
}

/* The compiled schema, made on first need and then only read (each
 * validation has its own context), so layouts may load in several threads. */
static xmlSchemaPtr layout_schema(void)
{
	static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
	static xmlSchemaPtr schema;
	pthread_mutex_lock(&lock);
	if (!schema) {
		xmlSchemaParserCtxtPtr pc = xmlSchemaNewMemParserCtxt(schema_layout, (int)schema_layout_len);
		if (pc) {
			schema = xmlSchemaParse(pc);
			xmlSchemaFreeParserCtxt(pc);
		}
	}
	pthread_mutex_unlock(&lock);
	return schema;
}

static xmlDocPtr parse_checked(loader *ld, const char *xml, size_t len)
{
	if (len > LAYOUT_MAX) {
		diag_error(ld->d, ld->file, 0, "layout larger than 4 MiB");
		return NULL;
	}
	xmlParserCtxtPtr pc = xmlNewParserCtxt();
	if (!pc) {
		diag_oom(ld->d, ld->file);
		return NULL;
	}
	pc->_private = ld;
	pc->sax->serror = on_parse_error;
	xmlDocPtr doc = xmlCtxtReadMemory(pc, xml, (int)len, ld->file, "UTF-8",
	                                  XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA |
	                                  XML_PARSE_COMPACT);   /* short texts inside their nodes */
	xmlFreeParserCtxt(pc);
	if (!doc) {
		if (ld->d->errors == 0)
			diag_error(ld->d, ld->file, 0, "not well-formed XML");
		return NULL;
	}
	if (doc->intSubset || doc->extSubset) {
		diag_error(ld->d, ld->file, 1, "a DOCTYPE is not allowed in layout files");
		xmlFreeDoc(doc);
		return NULL;
	}
	if (layout_find_shipped(xml, len) != NULL)
		return doc;
	xmlSchemaPtr schema = layout_schema();
	xmlSchemaValidCtxtPtr vc = schema ? xmlSchemaNewValidCtxt(schema) : NULL;
	if (!vc) {
		diag_error(ld->d, ld->file, 0, "internal error: layout schema unavailable");
		xmlFreeDoc(doc);
		return NULL;
	}
	xmlSchemaSetValidStructuredErrors(vc, on_schema_error, ld);
	int rc = xmlSchemaValidateDoc(vc, doc);
	xmlSchemaFreeValidCtxt(vc);
	if (rc != 0) {
		if (ld->d->errors == 0)
			diag_error(ld->d, ld->file, 0, "layout does not match the schema");
		xmlFreeDoc(doc);
		return NULL;
	}
	return doc;
}

static int by_name(const void *key, const void *entry)
{
	return strcmp(key, ((const struct kind_name *)entry)->name);
}

static lkind kind_of(const xmlChar *name)
{
	const struct kind_name *k = bsearch(name, kinds, sizeof kinds / sizeof kinds[0], sizeof kinds[0], by_name);
	return k ? k->kind : L_UNKNOWN;
}

/* Folds every run of XML white space to one space. */
/* s (n bytes in a) normalised as workplace texts are (norm.h): NFC,
 * without invisible characters. NULL when out of memory. */
static char *normalised(arena *a, char *s, size_t n)
{
	size_t len;
	return s ? (char *)norm_text(a, s, n, &len) : NULL;   /* s, or a copy in a */
}

static char *fold_space(arena *a, const char *s)
{
	size_t n = strlen(s);
	char *out = arena_alloc(a, n + 1);
	if (!out)
		return NULL;
	size_t k = 0;
	bool space = false;
	for (; *s; s++) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
			space = true;
			continue;
		}
		if (space)
			out[k++] = ' ';
		space = false;
		out[k++] = *s;
	}
	if (space)
		out[k++] = ' ';
	out[k] = '\0';
	return normalised(a, out, k);
}

static lnode *convert(loader *ld, xmlNodePtr x);

static lnode *convert_children(loader *ld, xmlNodePtr x)
{
	lnode *first = NULL, *last = NULL;
	for (xmlNodePtr c = x->children; c; c = c->next) {
		lnode *n = NULL;
		if (c->type == XML_ELEMENT_NODE) {
			n = convert(ld, c);
		} else if (c->type == XML_TEXT_NODE && c->content && ld->in_msg) {
			const char *t = fold_space(ld->a, (const char *)c->content);
			lnode *end = NULL;
			n = t ? layout_placeholders(ld, t, c->line, &end) : NULL;
			if (t && !n && !ld->oom)
				continue;              /* nothing left, or an error reported */
			if (n) {
				if (last)
					last->next = n;
				else
					first = n;
				last = end;
				continue;
			}
		} else if (c->type == XML_TEXT_NODE && c->content) {
			n = arena_alloc(ld->a, sizeof *n);
			if (n) {
				n->kind = L_TEXT;
				n->line = c->line;
				n->text = fold_space(ld->a, (const char *)c->content);
				if (!n->text)
					n = NULL;
			}
		} else {
			continue;
		}
		if (!n) {
			ld->oom = 1;
			return first;
		}
		if (last)
			last->next = n;
		else
			first = n;
		last = n;
	}
	return first;
}

static lnode *convert(loader *ld, xmlNodePtr x)
{
	lnode *n = arena_alloc(ld->a, sizeof *n);
	if (!n)
		return NULL;
	n->kind = kind_of(x->name);
	n->line = x->line;
	lattr **tail = &n->attrs;
	for (xmlAttrPtr at = x->properties; at; at = at->next) {
		lattr *la = arena_alloc(ld->a, sizeof *la);
		const char *v = at->children && at->children->content ? (const char *)at->children->content : "";
		if (!la || !(la->name = arena_strdup(ld->a, (const char *)at->name)) ||
		    !(la->value = normalised(ld->a, arena_strdup(ld->a, v), strlen(v))))
			return NULL;
		if (!lattr_parse(ld->a, la))
			return NULL;
		*tail = la;
		tail = &la->next;
	}
	n->first = convert_children(ld, x);
	return n;
}

/* Text content of an element from its text children only. */
static const char *element_text(loader *ld, xmlNodePtr x)
{
	size_t len = 0;
	for (xmlNodePtr c = x->children; c; c = c->next)
		if (c->type == XML_TEXT_NODE && c->content)
			len += strlen((const char *)c->content);
	char *buf = arena_alloc(ld->a, len + 1);
	if (!buf)
		return NULL;
	for (xmlNodePtr c = x->children; c; c = c->next)
		if (c->type == XML_TEXT_NODE && c->content)
			strcat(buf, (const char *)c->content);
	char *folded = fold_space(ld->a, buf);
	if (folded && folded[0] == ' ')
		folded++;
	if (folded && *folded && folded[strlen(folded) - 1] == ' ')
		folded[strlen(folded) - 1] = '\0';
	return folded;
}

static const char *prop(xmlNodePtr x, const char *name)
{
	for (xmlAttrPtr at = x->properties; at; at = at->next)
		if (strcmp((const char *)at->name, name) == 0 && at->children)
			return (const char *)at->children->content;
	return NULL;
}

static int read_strings(loader *ld, layout *l, xmlNodePtr root)
{
	for (xmlNodePtr c = root->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		const char *name = (const char *)c->name;
		if (strcmp(name, "months") == 0) {
			const char *t = element_text(ld, c);
			char *copy = t ? arena_strdup(ld->a, t) : NULL;
			if (!copy)
				return -1;
			int k = 0;
			for (char *tok = strtok(copy, " "); tok && k < 12; tok = strtok(NULL, " "))
				l->months[k++] = tok;
			if (k != 12)
				diag_error(ld->d, ld->file, c->line, "<months> must name 12 months, found %d", k);
		} else if (strcmp(name, "text") == 0) {
			lattr *t = arena_alloc(ld->a, sizeof *t);
			if (!t || !(t->name = arena_strdup(ld->a, prop(c, "key"))) || !(t->value = element_text(ld, c)))
				return -1;
			t->next = l->texts;
			l->texts = t;
		} else if (strcmp(name, "map") == 0) {
			lmap *m = arena_alloc(ld->a, sizeof *m);
			size_t n = 0;
			for (xmlNodePtr e = c->children; e; e = e->next)
				n += e->type == XML_ELEMENT_NODE;
			if (!m || !(m->keys = arena_array(ld->a, n, sizeof *m->keys)) ||
			    !(m->values = arena_array(ld->a, n, sizeof *m->values)) ||
			    !(m->name = arena_strdup(ld->a, prop(c, "name"))))
				return -1;
			for (xmlNodePtr e = c->children; e; e = e->next) {
				if (e->type != XML_ELEMENT_NODE)
					continue;
				if (!(m->keys[m->n] = arena_strdup(ld->a, prop(e, "key"))) ||
				    !(m->values[m->n] = element_text(ld, e)))
					return -1;
				m->n++;
			}
			m->next = l->maps;
			l->maps = m;
		}
	}
	return 0;
}

static int load_strings(loader *ld, layout *l, const char *href, int line);

static int read_page(loader *ld, layout *l, xmlNodePtr x)
{
	const char *size = prop(x, "size");
	float w = 595.28f, h = 841.89f;
	if (size && !layout_paper_size(size, &w, &h)) {
		diag_error(ld->d, ld->file, x->line, "unknown paper size '%s'", size);
		return -1;
	}
	const char *o = prop(x, "orientation");
	if (o && strcmp(o, "landscape") == 0) {
		float t = w;
		w = h;
		h = t;
	}
	float m = layout_length(prop(x, "margin"), 18 * 72 / 25.4f);
	l->page = (lpage){w, h, layout_length(prop(x, "margin-top"), m),
	                  layout_length(prop(x, "margin-bottom"), m),
	                  layout_length(prop(x, "margin-left"), m),
	                  layout_length(prop(x, "margin-right"), m)};
	if (l->page.ml + l->page.mr > w - 72 || l->page.mt + l->page.mb > h - 72) {
		diag_error(ld->d, ld->file, x->line, "margins leave less than one inch for the text");
		return -1;
	}
	const char *bs = prop(x, "base-size");
	l->base_size = bs ? (float)atof(bs) : 10.5f;
	l->accent = layout_colour(prop(x, "accent"), (rgb){0.12f, 0.36f, 0.48f});
	return 0;
}

static int read_layout(loader *ld, layout *l, xmlNodePtr root)
{
	const char *t = prop(root, "title");
	if (!(l->title = arena_strdup(ld->a, t ? t : "")))
		return -1;
	if ((t = prop(root, "subject")) && !(l->subject = arena_strdup(ld->a, t)))
		return -1;
	if ((t = prop(root, "keywords")) && !(l->keywords = arena_strdup(ld->a, t)))
		return -1;
	if (((t = prop(root, "title-key")) && !(l->title_key = arena_strdup(ld->a, t))) ||
	    ((t = prop(root, "subject-key")) && !(l->subject_key = arena_strdup(ld->a, t))) ||
	    ((t = prop(root, "keywords-key")) && !(l->keywords_key = arena_strdup(ld->a, t))))
		return -1;
	if (!prop(root, "title") == !l->title_key) {
		diag_error(ld->d, ld->file, root->line, "a layout has either title or title-key");
		return -1;
	}
	for (xmlNodePtr c = root->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		const char *name = (const char *)c->name;
		lnode **slot = NULL;
		if (strcmp(name, "page") == 0) {
			if (read_page(ld, l, c))
				return -1;
			continue;
		}
		if (strcmp(name, "strings") == 0) {
			if (load_strings(ld, l, prop(c, "href"), c->line))
				return -1;
			continue;
		}
		if (strcmp(name, "header") == 0)
			slot = &l->header;
		else if (strcmp(name, "header-right") == 0)
			slot = &l->header_right;
		else if (strcmp(name, "footer") == 0)
			slot = &l->footer;
		else if (strcmp(name, "footer-right") == 0)
			slot = &l->footer_right;
		else if (strcmp(name, "body") == 0)
			slot = &l->body;
		if (slot && !(*slot = convert(ld, c)))
			return -1;
	}
	return ld->oom ? -1 : 0;
}

/* ---- catalogs and the glossary ----------------------------------------- */

/* Drops the leading and trailing white space of a message that holds a
 * line break (the file's indentation); a plain space is kept: " og ". */
static void trim_message(lnode *msg, xmlNodePtr x)
{
	xmlNodePtr fx = x->children, lx = x->last;
	bool lead = fx && fx->type == XML_TEXT_NODE && fx->content &&
	            strspn((const char *)fx->content, " \t\r\n") > strspn((const char *)fx->content, " \t");
	const char *lc = lx && lx->type == XML_TEXT_NODE && lx->content ? (const char *)lx->content : NULL;
	size_t ln = lc ? strlen(lc) : 0, tail = 0;
	while (tail < ln && strchr(" \t\r\n", lc[ln - 1 - tail]))
		tail++;
	bool trail = lc && memchr(lc + ln - tail, '\n', tail) != NULL;
	lnode *f = msg->first;
	if (lead && f && f->kind == L_TEXT && f->text[0] == ' ')
		f->text++;
	lnode *l = msg->first;
	while (l && l->next)
		l = l->next;
	size_t n = l && l->kind == L_TEXT ? strlen(l->text) : 0;
	if (trail && n && l->text[n - 1] == ' ')
		((char *)l->text)[n - 1] = '\0';
}

static int by_msg_key(const void *a, const void *b)
{
	const lnode *x = *(const lnode *const *)a, *y = *(const lnode *const *)b;
	return strcmp(lattr_get(x, "key"), lattr_get(y, "key"));
}

/* Adds a catalog setting to l's texts (catalog.c reads them by name). */
static int setting(loader *ld, layout *l, const char *name, const char *value)
{
	if (!value)
		return 0;
	lattr *t = arena_alloc(ld->a, sizeof *t);
	if (!t || !(t->value = arena_strdup(ld->a, value)))
		return -1;
	t->name = name;
	t->next = l->texts;
	l->texts = t;
	return 0;
}

/* <messages>: its settings, month names, joints, maps and messages; the
 * messages become the children of l->body, sorted by key. */
static int read_messages(loader *ld, layout *l, xmlNodePtr root)
{
	if (setting(ld, l, "@lang", prop(root, "lang")) || setting(ld, l, "@tag", prop(root, "tag")) ||
	    setting(ld, l, "@name", prop(root, "name")) || read_strings(ld, l, root))
		return -1;
	size_t n = 0;
	for (xmlNodePtr c = root->children; c; c = c->next)
		n += c->type == XML_ELEMENT_NODE && strcmp((const char *)c->name, "msg") == 0;
	lnode **v = arena_array(ld->a, n ? n : 1, sizeof *v);
	if (!v || !(l->body = layout_new_node(ld, L_UNKNOWN, root->line, NULL)) || !(l->title = arena_strdup(ld->a, "")))
		return -1;
	size_t k = 0;
	for (xmlNodePtr c = root->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		const char *name = (const char *)c->name;
		if (strcmp(name, "format") == 0) {
			if (setting(ld, l, "@date", prop(c, "date")) || setting(ld, l, "@date-short", prop(c, "date-short")) ||
			    setting(ld, l, "@time-separator", prop(c, "time-separator")) ||
			    setting(ld, l, "@decimal-separator", prop(c, "decimal-separator")))
				return -1;
		} else if (strcmp(name, "months-standalone") == 0 || strcmp(name, "joints") == 0) {
			const char *t = element_text(ld, c);
			if (!t || setting(ld, l, name[0] == 'j' ? "@joints" : "@months-standalone", t))
				return -1;
		} else if (strcmp(name, "msg") == 0) {
			ld->in_msg = true;
			lnode *m = convert(ld, c);
			ld->in_msg = false;
			if (!m)
				return -1;
			trim_message(m, c);
			v[k++] = m;
		}
	}
	if (ld->oom)
		return -1;
	qsort(v, k, sizeof *v, by_msg_key);
	for (size_t i = 0; i < k; i++) {
		v[i]->next = i + 1 < k ? v[i + 1] : NULL;
		if (i && strcmp(lattr_get(v[i - 1], "key"), lattr_get(v[i], "key")) == 0)
			diag_error(ld->d, ld->file, v[i]->line, "the key '%s' is given twice (also on line %d)",
			           lattr_get(v[i], "key"), v[i - 1]->line);
	}
	l->body->first = k ? v[0] : NULL;
	return ld->d->errors ? -1 : 0;
}

/* <glossary>: each <term key da> becomes a map named after its key, from
 * "da" and each language's code to the term's wording in it. */
static int read_glossary(loader *ld, layout *l, xmlNodePtr root)
{
	if (!(l->title = arena_strdup(ld->a, "")) || !(l->body = layout_new_node(ld, L_UNKNOWN, root->line, NULL)))
		return -1;
	for (xmlNodePtr c = root->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		size_t n = 1;
		for (xmlNodePtr e = c->children; e; e = e->next)
			n += e->type == XML_ELEMENT_NODE;
		lmap *m = arena_alloc(ld->a, sizeof *m);
		if (!m || !(m->keys = arena_array(ld->a, n, sizeof *m->keys)) ||
		    !(m->values = arena_array(ld->a, n, sizeof *m->values)) ||
		    !(m->name = arena_strdup(ld->a, prop(c, "key"))) ||
		    !(m->values[0] = arena_strdup(ld->a, prop(c, "da"))))
			return -1;
		m->keys[0] = "da";
		m->n = 1;
		for (xmlNodePtr e = c->children; e; e = e->next) {
			if (e->type != XML_ELEMENT_NODE)
				continue;
			if (!(m->keys[m->n] = arena_strdup(ld->a, prop(e, "lang"))) || !(m->values[m->n] = element_text(ld, e)))
				return -1;
			m->n++;
		}
		m->next = l->maps;
		l->maps = m;
	}
	return 0;
}

static const char *const root_names[] = {"layout", "strings", "messages", "glossary"};

/* Parses xml (named name) as a document with root element want into l. */
static int load_into(loader *ld, layout *l, const char *xml, size_t len, layout_root want)
{
	xmlDocPtr doc = parse_checked(ld, xml, len);
	if (!doc)
		return ld->d->oom ? AM_EINTERNAL : AM_EINPUT;
	xmlNodePtr root = xmlDocGetRootElement(doc);
	int rc = 0;
	if (strcmp((const char *)root->name, root_names[want]) != 0) {
		diag_error(ld->d, ld->file, root->line, "expected a <%s> file, found <%s>", root_names[want],
		           (const char *)root->name);
		rc = AM_EINPUT;
	} else if (want == ROOT_STRINGS ? read_strings(ld, l, root)
	           : want == ROOT_MESSAGES ? read_messages(ld, l, root)
	           : want == ROOT_GLOSSARY ? read_glossary(ld, l, root)
	                                   : read_layout(ld, l, root)) {
		rc = ld->d->errors && !ld->oom ? AM_EINPUT : diag_oom(ld->d, ld->file);
	}
	xmlFreeDoc(doc);
	if (!rc && ld->d->errors)
		rc = AM_EINPUT;
	return rc;
}

/* ---- strings files, parsed once per process ---------------------------- */
/* Every layout names strings.xml; parsing and validating it again for each
 * layout was a tenth of the loading. A strings file is kept parsed, with
 * its bytes, in an arena that lives as long as the process; a layout that
 * names it again with the same bytes gets copies of the cached list nodes
 * (the texts themselves are shared). Only files that loaded without error
 * are kept. */

typedef struct strings_file {
	const char *path, *bytes;
	size_t len;
	layout parsed;             /* only months, texts and maps are set */
	struct strings_file *next;
} strings_file;

static arena *strings_arena;
static strings_file *strings_cache;   /* entries are never changed once added */
static pthread_mutex_t strings_lock = PTHREAD_MUTEX_INITIALIZER;

static const strings_file *cached_strings(const char *path, const char *xml, size_t len)
{
	for (const strings_file *f = strings_cache; f; f = f->next)
		if (f->len == len && strcmp(f->path, path) == 0 && memcmp(f->bytes, xml, len) == 0)
			return f;
	return NULL;
}

/* Parses xml into a new cache entry in *out. Returns 0; or 0 with *out
 * NULL when the file has errors (they are then reported by loading it the
 * ordinary way); or -1 when memory ran out. */
static int cache_strings(const char *path, const char *xml, size_t len, const strings_file **out)
{
	*out = NULL;
	if (!strings_arena && !(strings_arena = arena_new()))
		return -1;
	arena *a = strings_arena;
	strings_file *f = arena_alloc(a, sizeof *f);
	char *bytes = f ? arena_strndup(a, xml, len) : NULL;
	diag *quiet = bytes ? malloc(sizeof *quiet) : NULL;   /* large: not on the stack */
	if (!quiet || !(f->path = arena_strdup(a, path))) {
		free(quiet);
		return -1;
	}
	f->bytes = bytes;
	f->len = len;
	diag_init(quiet);
	loader sub = {a, quiet, f->path, 0, false};
	int rc = load_into(&sub, &f->parsed, xml, len, ROOT_STRINGS);
	bool oom = quiet->oom || sub.oom || rc == AM_EINTERNAL;
	bool clean = rc == AM_OK && quiet->errors == 0 && quiet->warnings == 0;
	free(quiet);
	if (oom)
		return -1;
	if (clean) {
		f->next = strings_cache;
		strings_cache = f;
		*out = f;
	}
	return 0;
}

/* Adds the cached strings to l as read_strings would have. */
/* A copy in a of the list from first (nodes of size bytes, each linked to
 * the next by the pointer at next_off) put in front of *list; -1 when out
 * of memory. */
static int prepend_copy(arena *a, void **list, const void *first, size_t size, size_t next_off)
{
	void *head = NULL, **tail = &head;
	for (const char *n = first; n; n = *(const char *const *)(n + next_off)) {
		char *copy = arena_alloc(a, size);
		if (!copy)
			return -1;
		memcpy(copy, n, size);
		*tail = copy;
		tail = (void **)(copy + next_off);
	}
	*tail = *list;
	*list = head;
	return 0;
}

static int apply_strings(loader *ld, layout *l, const strings_file *f)
{
	for (int m = 0; m < 12; m++)
		if (f->parsed.months[m])
			l->months[m] = f->parsed.months[m];
	if (prepend_copy(ld->a, (void **)&l->texts, f->parsed.texts, sizeof(lattr), offsetof(lattr, next)))
		return -1;
	return prepend_copy(ld->a, (void **)&l->maps, f->parsed.maps, sizeof(lmap), offsetof(lmap, next));
}

static int load_strings(loader *ld, layout *l, const char *href, int line)
{
	/* href is relative to the layout file's folder. */
	const char *slash = strrchr(ld->file, '/');
	char *path = slash ? arena_printf(ld->a, "%.*s/%s", (int)(slash - ld->file), ld->file, href)
	                   : arena_strdup(ld->a, href);
	if (!path)
		return -1;
	size_t len;
	char *xml = slurp(path, &len, ld->d);
	if (!xml) {
		diag_error(ld->d, ld->file, line, "cannot load strings file '%s'", href);
		return -1;
	}
	pthread_mutex_lock(&strings_lock);
	const strings_file *f = cached_strings(path, xml, len);
	int rc = f ? 0 : cache_strings(path, xml, len, &f);
	pthread_mutex_unlock(&strings_lock);
	if (rc == 0 && f)
		rc = apply_strings(ld, l, f);
	if (rc) {
		ld->oom = 1;
	} else if (!f) {
		loader sub = {ld->a, ld->d, path, 0, false};
		rc = load_into(&sub, l, xml, len, ROOT_STRINGS);
	}
	free(xml);
	return rc ? -1 : 0;
}

int layout_load_mem_as(arena *a, const char *name, const char *xml, size_t len, layout_root root,
                       layout **out, diag *d)
{
	loader ld = {a, d, name, 0, false};
	layout *l = arena_alloc(a, sizeof *l);
	if (!l || !(l->file = arena_strdup(a, name)))
		return diag_oom(d, name);
	int rc = load_into(&ld, l, xml, len, root);
	if (rc)
		return rc;
	for (int i = 0; i < 12; i++)
		if (!l->months[i])
			l->months[i] = "";
	if (!l->body) {
		diag_error(d, name, 0, "layout has no <body>");
		return AM_EINPUT;
	}
	*out = l;
	return AM_OK;
}

int layout_load_mem(arena *a, const char *name, const char *xml, size_t len,
                    layout **out, diag *d)
{
	return layout_load_mem_as(a, name, xml, len, ROOT_LAYOUT, out, d);
}

/* ---- loading, from the templates compiled in where they apply ---------- */

int layout_load_as(arena *a, const char *path, layout_root root, layout **out, diag *d)
{
	size_t len;
	char *xml = slurp(path, &len, d);
	if (!xml)
		return d->oom ? AM_EINTERNAL : AM_EUSAGE;
	const layout_image *im = layout_compiled_image(layout_find_shipped(xml, len), path);
	int rc;
	if (im && im->root == (lref)root) {
		layout *l = layout_from_image(a, im);
		rc = l && (l->file = arena_strdup(a, path)) ? AM_OK : diag_oom(d, path);
		if (!rc)
			*out = l;
	} else {
		rc = layout_load_mem_as(a, path, xml, len, root, out, d);
	}
	free(xml);
	return rc;
}

int layout_load(arena *a, const char *path, layout **out, diag *d)
{
	return layout_load_as(a, path, ROOT_LAYOUT, out, d);
}
