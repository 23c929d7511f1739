/* edit.c: a workplace file changed as a document; see edit.h.
 *
 * Indentation: an element's indentation is the text after the last line
 * break in the whitespace before it. A new child takes the indentation of
 * its parent's other children, or its parent's plus one step (two spaces,
 * or a tab in a file indented with tabs). libxml2 merges adjacent text
 * nodes when one is added beside another, so a new element is always put
 * in place first and its whitespace beside it second. */
#include "edit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "infile.h"
#include "output.h"
#include "reader.h"
#include "reader_model.h"

/* ---- reading and writing -------------------------------------------------- */

int edit_open_mem(arena *a, const char *name, const char *buf, size_t len, edit_doc *e, diag *d)
{
	int rc;
	memset(e, 0, sizeof *e);
	e->file = name;
	e->doc = reader_parse_doc(a, name, buf, len, &e->wp, d, &rc);
	if (!e->doc)
		return rc;
	e->root = xmlDocGetRootElement(e->doc);
	e->schema = xsd_workplace();
	if (!e->schema) {
		edit_close(e);
		return diag_oom(d, name);
	}
	return AM_OK;
}

int edit_open(arena *a, const char *path, edit_doc *e, diag *d)
{
	char *buf;
	size_t len;
	memset(e, 0, sizeof *e);
	int rc = infile_read(a, path, reader_max_bytes(), &buf, &len, d);
	return rc == AM_OK ? edit_open_mem(a, infile_name(path), buf, len, e, d) : rc;
}

void edit_close(edit_doc *e)
{
	xmlFreeDoc(e->doc);
	e->doc = NULL;
}

/* Empty fields to fill in stay <field></field>: libxml2 writes an element
 * without children in the short form <field/>, which a person who does not
 * write XML cannot type into. So each empty element of one of the schema's
 * maybe-* types (the fields a starting file leaves empty, see starter.h)
 * is given an empty text node before the document is written. False when
 * out of memory. */
static bool keep_fields_open(xmlNodePtr el, const xsd_elem *decl)
{
	for (xmlNodePtr c = el->children; c; c = c->next) {
		const xsd_elem *cd = c->type == XML_ELEMENT_NODE ? xsd_child(decl, (const char *)c->name) : NULL;
		if (!cd)
			continue;
		if (c->children) {
			if (!keep_fields_open(c, cd))
				return false;
		} else if (!c->properties && cd->text && cd->text->name && strncmp(cd->text->name, "maybe-", 6) == 0) {
			xmlNodePtr t = xmlNewText((const xmlChar *)"");
			if (!t || !xmlAddChild(c, t)) {
				xmlFreeNode(t);
				return false;
			}
		}
	}
	return true;
}

int edit_dump(edit_doc *e, const char *name, char **out, size_t *out_len, diag *d)
{
	xmlChar *text = NULL;
	int len = 0;
	*out = NULL;
	if (!keep_fields_open(e->root, e->schema))
		return diag_oom(d, e->file);
	xmlDocDumpMemoryEnc(e->doc, &text, &len, "UTF-8");
	if (!text || len < 0)
		return diag_oom(d, e->file);
	/* What is written must pass check: read it again, as check would. */
	arena *a = arena_new();
	diag again;
	diag_init(&again);
	am_workplace *wp;
	int rc = a ? reader_load_mem(a, name, (const char *)text, (size_t)len, &wp, &again) : AM_EINTERNAL;
	arena_free(a);
	if (rc != AM_OK) {
		diag_error(d, name, 0, "intern fejl: resultatet ville ikke blive godkendt; intet er skrevet");
		diag_merge(d, &again);
		xmlFree(text);
		return AM_EINTERNAL;
	}
	*out = malloc((size_t)len + 1);
	if (!*out) {
		xmlFree(text);
		return diag_oom(d, name);
	}
	memcpy(*out, text, (size_t)len + 1);
	*out_len = (size_t)len;
	xmlFree(text);
	return AM_OK;
}

int edit_save(edit_doc *e, const char *path, bool keep, diag *d)
{
	if (keep && output_refuse_existing(path, d) != AM_OK)
		return AM_EUSAGE;
	char *text;
	size_t len;
	int rc = edit_dump(e, path, &text, &len, d);
	if (rc == AM_OK)
		rc = output_file_or_stdout(path, text, len, d);
	free(text);
	return rc;
}

/* ---- finding ---------------------------------------------------------------- */

static bool is_el(xmlNodePtr n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && (!name || strcmp((const char *)n->name, name) == 0);
}

xmlNodePtr edit_child(xmlNodePtr parent, const char *name)
{
	for (xmlNodePtr c = parent ? parent->children : NULL; c; c = c->next)
		if (is_el(c, name))
			return c;
	return NULL;
}

xmlNodePtr edit_next(xmlNodePtr node, const char *name)
{
	for (xmlNodePtr c = node ? node->next : NULL; c; c = c->next)
		if (is_el(c, name))
			return c;
	return NULL;
}

const xsd_elem *edit_decl(const edit_doc *e, xmlNodePtr el)
{
	if (!el || el == e->root)
		return el ? e->schema : NULL;
	const xsd_elem *p = edit_decl(e, el->parent);
	return p ? xsd_child(p, (const char *)el->name) : NULL;
}

bool edit_allows(const edit_doc *e, xmlNodePtr el, const char *name)
{
	return xsd_child(edit_decl(e, el), name) != NULL;
}

static int order_of(const xsd_elem *parent, const char *name)
{
	for (size_t i = 0; parent && i < parent->n_children; i++)
		if (strcmp(parent->children[i]->name, name) == 0)
			return (int)i;
	return -1;
}

/* ---- indentation ----------------------------------------------------------------- */

/* The indentation of node: the text after the last line break of the
 * whitespace node before it, or "" (at most size - 1 bytes). */
static void indent_of(xmlNodePtr node, char *out, size_t size)
{
	out[0] = '\0';
	xmlNodePtr t = node ? node->prev : NULL;
	if (!t || t->type != XML_TEXT_NODE || !t->content)
		return;
	const char *s = (const char *)t->content;
	const char *nl = strrchr(s, '\n');
	if (!nl)
		return;
	size_t n = strspn(nl + 1, " \t");
	if (n >= size)
		n = size - 1;
	memcpy(out, nl + 1, n);
	out[n] = '\0';
}

/* The indentation for a new child of parent. */
static void child_indent(xmlNodePtr parent, char *out, size_t size)
{
	xmlNodePtr first = edit_child(parent, NULL);
	if (first) {
		indent_of(first, out, size);
		if (out[0])
			return;
	}
	indent_of(parent, out, size);
	size_t n = strlen(out);
	const char *step = out[0] == '\t' ? "\t" : "  ";
	if (n + strlen(step) < size)
		strcat(out, step);
}

static xmlNodePtr whitespace(xmlDocPtr doc, const char *indent)
{
	char buf[200];
	size_t n = strlen(indent);
	if (n > sizeof buf - 2)
		n = sizeof buf - 2;
	buf[0] = '\n';
	memcpy(buf + 1, indent, n);
	buf[n + 1] = '\0';
	return xmlNewDocText(doc, (const xmlChar *)buf);
}

/* Removes the children of parent that are only whitespace. */
static void drop_blank_text(xmlNodePtr parent)
{
	xmlNodePtr c = parent->children;
	while (c) {
		xmlNodePtr next = c->next;
		if (c->type == XML_TEXT_NODE && xmlIsBlankNode(c)) {
			xmlUnlinkNode(c);
			xmlFreeNode(c);
		}
		c = next;
	}
}

/* ---- changing ---------------------------------------------------------------------- */

/* Puts el into parent at the schema's place for its name. */
static void place(edit_doc *e, xmlNodePtr parent, xmlNodePtr el)
{
	char ci[64], pi[64];
	child_indent(parent, ci, sizeof ci);
	const xsd_elem *decl = edit_decl(e, parent);
	int mine = order_of(decl, (const char *)el->name);
	xmlNodePtr after = NULL, first = NULL;
	for (xmlNodePtr c = edit_child(parent, NULL); c; c = edit_next(c, NULL)) {
		if (!first)
			first = c;
		if (order_of(decl, (const char *)c->name) <= mine)
			after = c;
	}
	if (after) {
		xmlAddNextSibling(after, el);
		xmlAddPrevSibling(el, whitespace(e->doc, ci));
	} else if (first) {
		xmlAddPrevSibling(first, el);
		xmlAddPrevSibling(first, whitespace(e->doc, ci));
	} else {
		indent_of(parent, pi, sizeof pi);
		drop_blank_text(parent);
		xmlAddChild(parent, whitespace(e->doc, ci));
		xmlAddChild(parent, el);
		xmlAddChild(parent, whitespace(e->doc, pi));
	}
}

xmlNodePtr edit_add(edit_doc *e, xmlNodePtr parent, const char *name, const char *text)
{
	xmlNodePtr el = xmlNewDocNode(e->doc, parent->ns, (const xmlChar *)name, NULL);
	if (!el)
		return NULL;
	if (text) {
		xmlNodePtr t = xmlNewDocText(e->doc, (const xmlChar *)text);
		if (!t) {
			xmlFreeNode(el);
			return NULL;
		}
		xmlAddChild(el, t);
	}
	place(e, parent, el);
	return el;
}

xmlNodePtr edit_ensure(edit_doc *e, xmlNodePtr parent, const char *name)
{
	xmlNodePtr el = edit_child(parent, name);
	return el ? el : edit_add(e, parent, name, NULL);
}

void edit_remove(xmlNodePtr el)
{
	if (!el)
		return;
	xmlNodePtr before = el->prev;
	if (before && before->type == XML_TEXT_NODE && xmlIsBlankNode(before)) {
		xmlUnlinkNode(before);
		xmlFreeNode(before);
	}
	xmlUnlinkNode(el);
	xmlFreeNode(el);
}

void edit_remove_if_empty(xmlNodePtr el)
{
	if (el && !edit_child(el, NULL))
		edit_remove(el);
}

void edit_set_attr(xmlNodePtr el, const char *name, const char *value)
{
	if (value)
		xmlSetProp(el, (const xmlChar *)name, (const xmlChar *)value);
	else
		xmlUnsetProp(el, (const xmlChar *)name);
}

const char *edit_attr(arena *a, xmlNodePtr el, const char *name)
{
	xmlChar *v = el ? xmlGetNoNsProp(el, (const xmlChar *)name) : NULL;
	if (!v)
		return NULL;
	const char *s = arena_strdup(a, (const char *)v);
	xmlFree(v);
	return s;
}

const char *edit_text(arena *a, xmlNodePtr el)
{
	xmlChar *t = el ? xmlNodeGetContent(el) : NULL;
	if (!t)
		return NULL;
	char *out = arena_alloc(a, strlen((const char *)t) + 1);
	size_t k = out ? xsd_collapse_space((const char *)t, out) : 0;
	xmlFree(t);
	return k ? out : NULL;
}

void edit_comment_before(edit_doc *e, xmlNodePtr el, const char *text)
{
	char ind[64], buf[1024];
	size_t k = 0;
	buf[k++] = ' ';
	/* "--" may not appear in a comment. */
	for (const char *p = text; *p && k + 4 < sizeof buf; p++) {
		buf[k++] = *p;
		if (*p == '-' && p[1] == '-')
			buf[k++] = ' ';
	}
	buf[k++] = ' ';
	buf[k] = '\0';
	indent_of(el, ind, sizeof ind);
	xmlNodePtr c = xmlNewDocComment(e->doc, (const xmlChar *)buf);
	if (!c)
		return;
	xmlAddPrevSibling(el, c);
	xmlAddPrevSibling(el, whitespace(e->doc, ind));
}
