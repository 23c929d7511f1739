/* xsdinfo.c: the schema's own XML read into a tree of declarations; see
 * xsdinfo.h.
 *
 * The schema document is parsed with libxml2 (no network, no entities: it
 * is amokit's own file), its global elements and named types are indexed,
 * and the declaration tree is built from <workplace> down, following refs
 * and named types. Everything lives in one arena; libxml2's document is
 * freed before xsd_load returns. */
#include "xsdinfo.h"

#include <stdint.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#define XS_NS "http://www.w3.org/2001/XMLSchema"
#define MAX_DEPTH 32

typedef struct builder {
	arena *a;
	xmlNodePtr schema;        /* <xs:schema> */
	const char *ns;           /* its targetNamespace */
	int choices;              /* xs:choice counter */
	bool oom;
} builder;

/* ---- the schema document -------------------------------------------------- */

static bool is_xs(xmlNodePtr n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && n->ns && n->ns->href &&
	       strcmp((const char *)n->ns->href, XS_NS) == 0 && strcmp((const char *)n->name, name) == 0;
}

static xmlNodePtr first_xs(xmlNodePtr parent, const char *name)
{
	for (xmlNodePtr c = parent ? parent->children : NULL; c; c = c->next)
		if (is_xs(c, name))
			return c;
	return NULL;
}

/* An attribute of n copied into the arena, or NULL. */
static const char *prop(builder *b, xmlNodePtr n, const char *name)
{
	xmlChar *v = xmlGetNoNsProp(n, (const xmlChar *)name);
	if (!v)
		return NULL;
	const char *s = arena_strdup(b->a, (const char *)v);
	xmlFree(v);
	if (!s)
		b->oom = true;
	return s;
}

/* A QName's local part: "xs:token" → "token". */
static const char *local(const char *qname)
{
	const char *colon = qname ? strchr(qname, ':') : NULL;
	return colon ? colon + 1 : qname;
}

static bool is_builtin(const char *qname)
{
	return qname && strncmp(qname, "xs:", 3) == 0;
}

/* The text of n's xs:annotation/xs:documentation, whitespace collapsed,
 * or NULL. */
static const char *documentation(builder *b, xmlNodePtr n)
{
	xmlNodePtr doc = first_xs(first_xs(n, "annotation"), "documentation");
	if (!doc)
		return NULL;
	xmlChar *t = xmlNodeGetContent(doc);
	if (!t)
		return NULL;
	char *out = arena_alloc(b->a, strlen((const char *)t) + 1);
	if (!out) {
		b->oom = true;
		xmlFree(t);
		return NULL;
	}
	size_t k = xsd_collapse_space((const char *)t, out);
	xmlFree(t);
	return k ? out : NULL;
}

size_t xsd_collapse_space(const char *in, char *out)
{
	size_t k = 0;
	bool space = false;
	for (const char *p = in; *p; p++) {
		if (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r') {
			space = k > 0;
			continue;
		}
		if (space)
			out[k++] = ' ';
		space = false;
		out[k++] = *p;
	}
	out[k] = '\0';
	return k;
}

/* The global xs:<kind name="name"> of the schema, or NULL. */
static xmlNodePtr global(builder *b, const char *kind, const char *name)
{
	for (xmlNodePtr c = b->schema->children; c && name; c = c->next) {
		if (!is_xs(c, kind))
			continue;
		xmlChar *n = xmlGetNoNsProp(c, (const xmlChar *)"name");
		bool hit = n && strcmp((const char *)n, name) == 0;
		xmlFree(n);
		if (hit)
			return c;
	}
	return NULL;
}

/* ---- simple types ----------------------------------------------------------- */

static int int_prop(builder *b, xmlNodePtr n, const char *name, int absent)
{
	const char *v = prop(b, n, name);
	if (!v)
		return absent;
	if (strcmp(v, "unbounded") == 0)
		return -1;
	long x = 0;
	for (const char *p = v; *p >= '0' && *p <= '9' && x < 1000000000; p++)
		x = x * 10 + (*p - '0');
	return (int)x;
}

static void read_facets(builder *b, xmlNodePtr restriction, xsd_type *t)
{
	size_t n = 0;
	for (xmlNodePtr f = restriction->children; f; f = f->next)
		n += is_xs(f, "enumeration");
	xsd_enum *values = n ? arena_array(b->a, n, sizeof *values) : NULL;
	if (n && !values)
		b->oom = true;
	if (values) {
		t->values = values;   /* replaces an enumeration of the base type */
		t->n_values = 0;
	}
	for (xmlNodePtr f = restriction->children; f; f = f->next) {
		if (is_xs(f, "enumeration") && values) {
			values[t->n_values].value = prop(b, f, "value");
			values[t->n_values++].doc = documentation(b, f);
		} else if (is_xs(f, "pattern")) {
			t->pattern = prop(b, f, "value");
		} else if (is_xs(f, "minInclusive")) {
			t->min = prop(b, f, "value");
		} else if (is_xs(f, "maxInclusive")) {
			t->max = prop(b, f, "value");
		} else if (is_xs(f, "minLength")) {
			t->min_length = int_prop(b, f, "value", -1);
		} else if (is_xs(f, "maxLength")) {
			t->max_length = int_prop(b, f, "value", -1);
		}
	}
}

/* The type named qname (a built-in or a named simple type), or the
 * xs:simpleType node st; NULL for a complex type or on failure. */
static const xsd_type *simple_type(builder *b, const char *qname, xmlNodePtr st, int depth)
{
	if (!st && qname && !is_builtin(qname))
		st = global(b, "simpleType", local(qname));
	xsd_type *t = arena_alloc(b->a, sizeof *t);
	if (!t) {
		b->oom = true;
		return NULL;
	}
	t->min_length = t->max_length = -1;
	if (!st) {
		if (!is_builtin(qname))
			return NULL;   /* a complex type */
		t->base = local(qname);
		return t;
	}
	t->name = qname ? local(qname) : NULL;
	t->doc = documentation(b, st);
	xmlNodePtr r = first_xs(st, "restriction");
	if (!r)
		return t;
	const char *base = prop(b, r, "base");
	if (base && !is_builtin(base) && depth < MAX_DEPTH) {
		/* A restriction of another named type: its base and facets, then ours. */
		const xsd_type *under = simple_type(b, base, NULL, depth + 1);
		if (under) {
			const char *name = t->name, *doc = t->doc;
			*t = *under;
			t->name = name;
			t->doc = doc ? doc : under->doc;
		}
	} else {
		t->base = local(base);
	}
	read_facets(b, r, t);
	return t;
}

/* ---- attributes ------------------------------------------------------------- */

static size_t count_attrs(xmlNodePtr holder)
{
	size_t n = 0;
	for (xmlNodePtr c = holder ? holder->children : NULL; c; c = c->next)
		n += is_xs(c, "attribute");
	return n;
}

static void read_attr(builder *b, xmlNodePtr n, xsd_attr *at)
{
	const char *use = prop(b, n, "use");
	at->name = prop(b, n, "name");
	at->doc = documentation(b, n);
	at->required = use && strcmp(use, "required") == 0;
	at->type = simple_type(b, prop(b, n, "type"), first_xs(n, "simpleType"), 0);
}

/* Appends the xs:attribute children of holder to e's attributes. */
static void read_attrs(builder *b, xmlNodePtr holder, xsd_elem *e)
{
	size_t add = count_attrs(holder);
	if (!add)
		return;
	xsd_attr *attrs = arena_array(b->a, e->n_attrs + add, sizeof *attrs);
	if (!attrs) {
		b->oom = true;
		return;
	}
	if (e->n_attrs)
		memcpy(attrs, e->attrs, e->n_attrs * sizeof *attrs);
	for (xmlNodePtr c = holder->children; c; c = c->next)
		if (is_xs(c, "attribute"))
			read_attr(b, c, &attrs[e->n_attrs++]);
	e->attrs = attrs;
}

/* ---- elements ---------------------------------------------------------------- */

static xsd_elem *element(builder *b, xmlNodePtr decl, const xsd_elem *parent, int choice, int depth);

/* The number of element declarations in a model group, nested groups
 * included. */
static size_t count_particles(xmlNodePtr group)
{
	size_t n = 0;
	for (xmlNodePtr c = group ? group->children : NULL; c; c = c->next) {
		if (is_xs(c, "element"))
			n++;
		else if (is_xs(c, "sequence") || is_xs(c, "choice"))
			n += count_particles(c);
	}
	return n;
}

/* Appends the declarations of group (a sequence or choice) to kids. */
static void read_group(builder *b, xmlNodePtr group, xsd_elem *e, const xsd_elem **kids,
                       int choice, int depth)
{
	if (is_xs(group, "choice"))
		choice = ++b->choices;
	for (xmlNodePtr c = group->children; c && !b->oom; c = c->next) {
		if (is_xs(c, "element")) {
			xsd_elem *k = element(b, c, e, choice, depth + 1);
			if (k)
				kids[e->n_children++] = k;
		} else if (is_xs(c, "sequence") || is_xs(c, "choice")) {
			read_group(b, c, e, kids, choice, depth);
		}
	}
}

static void read_complex(builder *b, xmlNodePtr ct, xsd_elem *e, int depth)
{
	xmlNodePtr sc = first_xs(ct, "simpleContent");
	if (sc) {
		xmlNodePtr ext = first_xs(sc, "extension");
		if (!ext)
			ext = first_xs(sc, "restriction");
		if (ext) {
			e->text = simple_type(b, prop(b, ext, "base"), NULL, 0);
			read_attrs(b, ext, e);
		}
		return;
	}
	xmlNodePtr group = first_xs(ct, "sequence");
	if (!group)
		group = first_xs(ct, "choice");
	if (!group)
		group = first_xs(ct, "all");
	size_t n = count_particles(group);
	if (n) {
		const xsd_elem **kids = arena_array(b->a, n, sizeof *kids);
		if (!kids) {
			b->oom = true;
			return;
		}
		read_group(b, group, e, kids, 0, depth);
		e->children = (const xsd_elem *const *)kids;
	}
	read_attrs(b, ct, e);
}

/* The declaration decl (an xs:element, local or global, or a ref to a
 * global one) as a child of parent. */
static xsd_elem *element(builder *b, xmlNodePtr decl, const xsd_elem *parent, int choice, int depth)
{
	xsd_elem *e = arena_alloc(b->a, sizeof *e);
	if (!e || depth > MAX_DEPTH) {
		b->oom |= !e;
		return NULL;
	}
	e->parent = parent;
	e->ns = b->ns;
	e->choice = choice;
	e->min_occurs = int_prop(b, decl, "minOccurs", 1);
	e->max_occurs = int_prop(b, decl, "maxOccurs", 1);
	e->doc = documentation(b, decl);
	const char *ref = prop(b, decl, "ref");
	if (ref) {
		decl = global(b, "element", local(ref));
		if (!decl)
			return NULL;
		if (!e->doc)
			e->doc = documentation(b, decl);
	}
	e->name = prop(b, decl, "name");
	const char *type = prop(b, decl, "type");
	xmlNodePtr ct = first_xs(decl, "complexType");
	if (type && !is_builtin(type) && !ct)
		ct = global(b, "complexType", local(type));
	if (ct)
		read_complex(b, ct, e, depth);
	else
		e->text = simple_type(b, type, first_xs(decl, "simpleType"), 0);
	return e;
}

const xsd_elem *xsd_load(arena *a, const char *buf, size_t len, const char *root_name)
{
	if (len > INT32_MAX)
		return NULL;
	xmlDocPtr doc = xmlReadMemory(buf, (int)len, "schema.xsd", "UTF-8",
	                              XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
	xsd_elem *e = NULL;
	if (is_xs(root, "schema")) {
		builder b = {.a = a, .schema = root};
		b.ns = prop(&b, root, "targetNamespace");
		xmlNodePtr decl = global(&b, "element", root_name);
		if (decl)
			e = element(&b, decl, NULL, 0, 0);
		if (b.oom)
			e = NULL;
	}
	xmlFreeDoc(doc);
	return e;
}

/* ---- questions ------------------------------------------------------------------- */

const xsd_elem *xsd_child(const xsd_elem *e, const char *name)
{
	for (size_t i = 0; e && name && i < e->n_children; i++)
		if (e->children[i]->name && strcmp(e->children[i]->name, name) == 0)
			return e->children[i];
	return NULL;
}

const xsd_attr *xsd_attr_of(const xsd_elem *e, const char *name)
{
	for (size_t i = 0; e && name && i < e->n_attrs; i++)
		if (e->attrs[i].name && strcmp(e->attrs[i].name, name) == 0)
			return &e->attrs[i];
	return NULL;
}

void xsd_summary(const char *doc, char *out, size_t size)
{
	size_t n = 0;
	if (doc) {
		const char *stop = strstr(doc, ". ");
		n = stop ? (size_t)(stop - doc) : strlen(doc);
		if (n > 0 && doc[n - 1] == '.' && !stop)
			n--;
	}
	if (n >= size)
		n = size - 1;
	memcpy(out, doc ? doc : "", n);
	out[n] = '\0';
}

void xsd_walk(const xsd_elem *root, void (*visit)(const xsd_elem *e, void *ctx), void *ctx)
{
	if (!root)
		return;
	visit(root, ctx);
	for (size_t i = 0; i < root->n_children; i++)
		xsd_walk(root->children[i], visit, ctx);
}

int xsd_distance(const char *a, const char *b)
{
	enum { MAX = 64 };
	size_t n = strlen(a), m = strlen(b);
	if (n > MAX || m > MAX)
		return 1000;
	int d[MAX + 1][MAX + 1];
	for (size_t i = 0; i <= n; i++)
		d[i][0] = (int)i;
	for (size_t j = 0; j <= m; j++)
		d[0][j] = (int)j;
	for (size_t i = 1; i <= n; i++) {
		for (size_t j = 1; j <= m; j++) {
			int cost = a[i - 1] != b[j - 1];
			int best = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < best)
				best = d[i][j - 1] + 1;
			if (d[i - 1][j - 1] + cost < best)
				best = d[i - 1][j - 1] + cost;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
			    d[i - 2][j - 2] + 1 < best)
				best = d[i - 2][j - 2] + 1;
			d[i][j] = best;
		}
	}
	return d[n][m];
}
