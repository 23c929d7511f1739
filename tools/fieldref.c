/* fieldref: the field reference of the workplace format, made from the
 * schema when amokit is built (never written by hand).
 *
 *   fieldref schema/workplace.xsd > build/felter.html
 *   fieldref --strip schema/workplace.xsd > build/gen/workplace-plain.xsd
 *
 * One HTML page in Danish, for people who fill in a workplace file: every
 * element, in the order the file has them, with its xs:documentation,
 * whether it is required and how often it may occur, what its text holds
 * (the simple type's own documentation, or what its facets allow), and its
 * attributes with their values. Read through xsdinfo.h, as amokit reads the
 * schema to explain mistakes, so the page and the messages agree. With
 * --strip it writes the schema without its xs:annotation elements instead:
 * the copy amokit compiles to validate files, which compiles in half the
 * time and validates exactly the same. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "arena.h"
#include "xsdinfo.h"

/* Writes s with & < > " escaped. */
static void html(FILE *f, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '&': fputs("&amp;", f); break;
		case '<': fputs("&lt;", f); break;
		case '>': fputs("&gt;", f); break;
		case '"': fputs("&quot;", f); break;
		default: fputc(*s, f);
		}
	}
}

/* The anchor of e: its path, "workplace-people-person". */
static void anchor(FILE *f, const xsd_elem *e)
{
	if (e->parent) {
		anchor(f, e->parent);
		fputc('-', f);
	}
	html(f, e->name);
}

static void path(FILE *f, const xsd_elem *e)
{
	if (e->parent) {
		path(f, e->parent);
		fputs(" › ", f);
	}
	fputs("<code>&lt;", f);
	html(f, e->name);
	fputs("&gt;</code>", f);
}

static void occurs(FILE *f, const xsd_elem *e)
{
	if (!e->parent) {
		fputs("Filens rod", f);
		return;
	}
	if (e->choice)
		fputs(e->min_occurs >= 1 ? "Én af flere muligheder; en af dem skal med" : "Én af flere muligheder", f);
	else
		fputs(e->min_occurs >= 1 ? "Skal med" : "Kan udelades", f);
	if (e->max_occurs < 0)
		fputs(", må gentages", f);
	else if (e->max_occurs > 1)
		fprintf(f, ", højst %d", e->max_occurs);
}

/* What a text of type t holds: the type's own documentation, else what
 * its facets say. */
static void type_text(FILE *f, const xsd_type *t)
{
	if (!t) {
		fputs("tekst", f);
		return;
	}
	if (t->doc) {
		html(f, t->doc);
	} else if (t->n_values) {
		fputs("en af værdierne nedenfor", f);
	} else if (t->base && strcmp(t->base, "integer") == 0) {
		fputs("et helt tal", f);
		if (t->min && t->max)
			fprintf(f, " fra %s til %s", t->min, t->max);
	} else if (t->base && strcmp(t->base, "decimal") == 0) {
		fputs("et tal med punktum som decimaltegn (fx 7.5)", f);
	} else {
		fputs("tekst", f);
	}
	if (t->max_length > 0)
		fprintf(f, " (højst %d tegn)", t->max_length);
	if (t->n_values) {
		fputs("<ul class=\"values\">", f);
		for (size_t i = 0; i < t->n_values; i++) {
			fputs("<li><code>", f);
			html(f, t->values[i].value);
			fputs("</code>", f);
			if (t->values[i].doc) {
				fputs(" – ", f);
				html(f, t->values[i].doc);
			}
			fputs("</li>", f);
		}
		fputs("</ul>", f);
	}
}

static void attributes(FILE *f, const xsd_elem *e)
{
	if (!e->n_attrs)
		return;
	fputs("<table><tr><th>Attribut</th><th></th><th>Værdi</th><th>Forklaring</th></tr>\n", f);
	for (size_t i = 0; i < e->n_attrs; i++) {
		const xsd_attr *a = &e->attrs[i];
		fputs("<tr><td><code>", f);
		html(f, a->name);
		fprintf(f, "</code></td><td>%s</td><td>", a->required ? "Skal med" : "Kan udelades");
		type_text(f, a->type);
		fputs("</td><td>", f);
		html(f, a->doc ? a->doc : "");
		fputs("</td></tr>\n", f);
	}
	fputs("</table>\n", f);
}

static void children(FILE *f, const xsd_elem *e)
{
	if (!e->n_children)
		return;
	fputs("<p class=\"kids\">Indeholder, i denne rækkefølge: ", f);
	for (size_t i = 0; i < e->n_children; i++) {
		fprintf(f, "%s<a href=\"#", i ? ", " : "");
		anchor(f, e->children[i]);
		fputs("\"><code>&lt;", f);
		html(f, e->children[i]->name);
		fputs("&gt;</code></a>", f);
	}
	fputs(".</p>\n", f);
}

static void element(const xsd_elem *e, void *ctx)
{
	FILE *f = ctx;
	fputs("<section id=\"", f);
	anchor(f, e);
	fputs("\">\n<h2>", f);
	path(f, e);
	fputs("</h2>\n", f);
	if (e->doc) {
		fputs("<p>", f);
		html(f, e->doc);
		fputs("</p>\n", f);
	}
	fputs("<p class=\"facts\">", f);
	occurs(f, e);
	if (e->text) {
		fputs(". Indhold: ", f);
		type_text(f, e->text);
	}
	fputs("</p>\n", f);
	children(f, e);
	attributes(f, e);
	fputs("</section>\n", f);
}

/* The table of contents: the tree of elements, each a link. */
static void contents(FILE *f, const xsd_elem *e)
{
	fputs("<li><a href=\"#", f);
	anchor(f, e);
	fputs("\"><code>&lt;", f);
	html(f, e->name);
	fputs("&gt;</code></a>", f);
	if (e->n_children) {
		fputs("<ul>", f);
		for (size_t i = 0; i < e->n_children; i++)
			contents(f, e->children[i]);
		fputs("</ul>", f);
	}
	fputs("</li>\n", f);
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 1 << 20, n = 0;
	char *buf = malloc(cap);
	while (buf) {
		n += fread(buf + n, 1, cap - n, f);
		if (n < cap)
			break;
		char *bigger = realloc(buf, cap *= 2);
		if (!bigger)
			free(buf);
		buf = bigger;
	}
	fclose(f);
	*len = n;
	return buf;
}

/* Removes every xs:annotation below n. */
static void strip(xmlNodePtr n)
{
	xmlNodePtr c = n->children;
	while (c) {
		xmlNodePtr next = c->next;
		if (c->type == XML_ELEMENT_NODE && strcmp((const char *)c->name, "annotation") == 0 && c->ns &&
		    strcmp((const char *)c->ns->href, "http://www.w3.org/2001/XMLSchema") == 0) {
			xmlUnlinkNode(c);
			xmlFreeNode(c);
		} else if (c->type == XML_ELEMENT_NODE) {
			strip(c);
		}
		c = next;
	}
}

static int strip_main(const char *path)
{
	xmlDocPtr doc = xmlReadFile(path, NULL, XML_PARSE_NONET | XML_PARSE_NOBLANKS);
	if (!doc) {
		fprintf(stderr, "fieldref: cannot read %s\n", path);
		return 1;
	}
	strip(xmlDocGetRootElement(doc));
	int rc = xmlDocDump(stdout, doc) < 0;
	xmlFreeDoc(doc);
	return rc;
}

int main(int argc, char **argv)
{
	if (argc == 3 && strcmp(argv[1], "--strip") == 0)
		return strip_main(argv[2]);
	if (argc != 2) {
		fputs("usage: fieldref [--strip] SCHEMA.xsd > OUT\n", stderr);
		return 2;
	}
	size_t len;
	char *buf = slurp(argv[1], &len);
	arena *a = arena_new();
	const xsd_elem *root = buf && a ? xsd_load(a, buf, len, "workplace") : NULL;
	if (!root) {
		fprintf(stderr, "fieldref: cannot read <workplace> from %s\n", argv[1]);
		return 1;
	}
	const xsd_attr *v = xsd_attr_of(root, "version");
	const char *version = v && v->type && v->type->n_values ? v->type->values[v->type->n_values - 1].value : "?";
	FILE *f = stdout;
	fputs("<!DOCTYPE html>\n<html lang=\"da\">\n<head>\n<meta charset=\"utf-8\">\n", f);
	fprintf(f, "<title>Arbejdspladsfilen, format %s: alle felter</title>\n", version);
	fputs("<style>\nbody{font-family:sans-serif;max-width:52em;margin:2em auto;padding:0 1em;line-height:1.45}\n"
	      "h2{font-size:1.05em;margin-top:2em;border-top:1px solid #ccc;padding-top:.6em}\n"
	      "table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.3em;vertical-align:top;"
	      "text-align:left}\n.facts{color:#444}code{background:#f3f3f3;padding:0 .2em}\n"
	      "ul.values{margin:.3em 0}\n</style>\n</head>\n<body>\n", f);
	fprintf(f, "<h1>Arbejdspladsfilen, format %s: alle felter</h1>\n", version);
	fputs("<p>En arbejdspladsfil beskriver én arbejdsplads og dens årlige arbejdsmiljødrøftelse. "
	      "Siden her er lavet af skemaet <code>schema/workplace.xsd</code>, som amokit kontrollerer "
	      "filerne med, så den passer altid til den amokit, den hører til. Elementerne står i den "
	      "rækkefølge, de skal have i filen. Filen begynder sådan:</p>\n<pre>&lt;?xml version=\"1.0\" "
	      "encoding=\"UTF-8\"?&gt;\n&lt;workplace xmlns=\"", f);
	html(f, root->ns);
	fprintf(f, "\" version=\"%s\"&gt;</pre>\n", version);
	fputs("<p>Brug <code>amokit new</code> for at få en fil med forklaringer at udfylde, og "
	      "<code>amokit check</code> for at få at vide, hvad der eventuelt skal rettes.</p>\n", f);
	fputs("<h2>Indhold</h2>\n<ul class=\"toc\">\n", f);
	contents(f, root);
	fputs("</ul>\n", f);
	xsd_walk(root, element, f);
	fputs("</body>\n</html>\n", f);
	free(buf);
	arena_free(a);
	return ferror(f) ? 1 : 0;
}
