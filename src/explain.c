/* explain.c: libxml2's errors said in Danish, with what to write instead;
 * see explain.h.
 *
 * Schema errors name their element (and attribute) in libxml2's message,
 * "Element '{ns}date', attribute 'from': ..."; the element is found in the
 * tree being built (the one just opened or just closed) and its
 * declaration in the schema by the path from <workplace> down. With both,
 * a message can say which names are valid there, which required element
 * is missing and after which one it goes, or how a Danish date is written
 * in the format. Parser errors are told apart by their code. An error this
 * module has no words for keeps libxml2's text after a Danish lead.
 * Refused values are explain_values.c's; the message buffer and the
 * schema lookups both use are explain_out.c's. */
#include "explain.h"

#include <stdio.h>
#include <string.h>

#include "danish.h"
#include "explain_int.h"

/* ---- libxml2's message ------------------------------------------------------ */

/* Copies the quoted name after `key` ("Element '", "attribute '") in msg
 * into name, without a {namespace} prefix; "" when absent. */
static void quoted_after(const char *msg, const char *key, char *name, size_t size)
{
	name[0] = '\0';
	const char *p = msg ? strstr(msg, key) : NULL;
	if (!p)
		return;
	p += strlen(key);
	if (*p == '{') {
		const char *close = strchr(p, '}');
		if (close)
			p = close + 1;
	}
	size_t n = 0;
	while (p[n] && p[n] != '\'' && n + 1 < size)
		n++;
	memcpy(name, p, n);
	name[n] = '\0';
}

/* libxml2's own text without namespaces ("{urn:...}") and the trailing
 * newline. */
static void plain_message(const char *msg, char *buf, size_t size)
{
	size_t n = 0;
	for (const char *p = msg ? msg : "fejl"; *p && n + 1 < size;) {
		const char *close = *p == '{' ? strchr(p, '}') : NULL;
		if (close && strncmp(p + 1, "urn:", 4) == 0) {
			p = close + 1;
			continue;
		}
		char c = *p++;
		buf[n++] = c == '\n' || c == '\r' || c == '\t' ? ' ' : c;
	}
	while (n > 0 && buf[n - 1] == ' ')
		n--;
	buf[n] = '\0';
}

/* ---- the tree and the schema ------------------------------------------------- */

static bool named(xmlNodePtr n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

static int index_in(const xsd_elem *parent, const char *name)
{
	for (size_t i = 0; i < parent->n_children; i++)
		if (strcmp(parent->children[i]->name, name) == 0)
			return (int)i;
	return -1;
}

/* The element siblings before n named name: how many, and the first. */
static int count_before(xmlNodePtr n, const char *name, xmlNodePtr *first)
{
	int k = 0;
	for (xmlNodePtr s = n->prev; s; s = s->prev)
		if (named(s, name)) {
			k++;
			*first = s;
		}
	return k;
}

static bool child_present(xmlNodePtr parent, const char *name)
{
	for (xmlNodePtr c = parent->children; c; c = c->next)
		if (named(c, name))
			return true;
	return false;
}

/* Is any branch of choice group g of decl present among the element
 * children of parent (or, when before is not NULL, among before's
 * earlier siblings)? */
static bool choice_present(const xsd_elem *decl, int g, xmlNodePtr parent, xmlNodePtr before)
{
	for (size_t i = 0; i < decl->n_children; i++) {
		const xsd_elem *c = decl->children[i];
		xmlNodePtr first;
		if (c->choice == g && (before ? count_before(before, c->name, &first) > 0 : child_present(parent, c->name)))
			return true;
	}
	return false;
}

/* The branches of choice group g of decl, as names. */
static size_t choice_names(const xsd_elem *decl, int g, const char **names, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < decl->n_children && n < max; i++)
		if (decl->children[i]->choice == g)
			names[n++] = decl->children[i]->name;
	return n;
}

/* The first required child of decl, in schema order up to (not including)
 * index `upto`, that the document does not have: among before's earlier
 * siblings when before is given, else among parent's children. */
static const xsd_elem *first_missing(const xsd_elem *decl, size_t upto, xmlNodePtr parent, xmlNodePtr before)
{
	for (size_t i = 0; i < upto && i < decl->n_children; i++) {
		const xsd_elem *c = decl->children[i];
		if (c->min_occurs < 1)
			continue;
		if (c->choice) {
			if (!choice_present(decl, c->choice, parent, before))
				return c;
			continue;
		}
		xmlNodePtr first;
		bool there = before ? count_before(before, c->name, &first) > 0 : child_present(parent, c->name);
		if (!there)
			return c;
	}
	return NULL;
}

/* Writes "<name>" or, for a choice branch, "en af <a>, <b> eller <c>". */
static void put_required(out *o, const xsd_elem *decl, const xsd_elem *c)
{
	if (c->choice) {
		const char *names[MAX_LISTED + 1];
		size_t n = choice_names(decl, c->choice, names, MAX_LISTED + 1);
		ex_put(o, "en af ");
		ex_put_list(o, names, n, "eller", true);
		return;
	}
	ex_put(o, "<%s>", c->name);
	ex_put_summary(o, c->doc);
}

static size_t child_names(const xsd_elem *decl, const char **names, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < decl->n_children && n < max; i++)
		names[n++] = decl->children[i]->name;
	return n;
}

/* Every element declaration whose name is name, for "it belongs in ..." */
typedef struct finder {
	const char *name;
	const xsd_elem *hits[8];
	size_t n;
	const char *near;       /* the nearest name of all, if near enough */
	const xsd_elem *near_decl;
	int near_d;
	const xsd_elem *attr_of;   /* an element with an attribute named name */
} finder;

static void find_visit(const xsd_elem *e, void *ctx)
{
	finder *f = ctx;
	if (!f->attr_of && xsd_attr_of(e, f->name))
		f->attr_of = e;
	if (!e->parent)
		return;
	if (strcmp(e->name, f->name) == 0) {
		if (f->n < 8)
			f->hits[f->n++] = e;
		return;
	}
	int d = xsd_distance(f->name, e->name);
	if (d < f->near_d) {
		f->near = e->name;
		f->near_decl = e;
		f->near_d = d;
	}
}

/* ---- element content -------------------------------------------------------------- */

/* An element the schema does not know under parent: a typo of a valid
 * name, a name from another place, or something else. */
static void explain_unknown(out *o, xmlNodePtr e, const xsd_elem *pdecl)
{
	const char *name = (const char *)e->name;
	const char *names[64];
	size_t n = child_names(pdecl, names, 64);
	int dist;
	const char *near = ex_nearest_d(name, names, n, &dist);
	if (!near)
		for (size_t i = 0; i < pdecl->n_children && !near; i++)
			if (ex_doc_has_word(pdecl->children[i]->doc, name))
				near = pdecl->children[i]->name, dist = 1;
	finder f = {.name = name, .near_d = ex_typo_limit(strlen(name)) + 1};
	xsd_walk(xsd_workplace(), find_visit, &f);
	/* A name of another place beats a guess, unless the guess is one
	 * keystroke away. */
	if (near && (dist <= 1 || f.n == 0)) {
		ex_put(o, "<%s> findes ikke i <%s>; mente du <%s>?", name, pdecl->name, near);
		return;
	}
	if (f.n > 0) {
		const char *parents[8];
		for (size_t i = 0; i < f.n; i++)
			parents[i] = f.hits[i]->parent->name;
		ex_put(o, "<%s> hører ikke til i <%s>, men i ", name, pdecl->name);
		ex_put_list(o, parents, f.n, "eller", true);
		return;
	}
	if (f.attr_of) {
		ex_put(o, "%s er ikke et element, men en attribut til <%s>: <%s %s=\"…\">", name,
		    f.attr_of->name, f.attr_of->name, name);
		return;
	}
	if (f.near) {
		ex_put(o, "<%s> findes ikke i formatet; mente du <%s> (inden i <%s>)?", name, f.near,
		    f.near_decl->parent->name);
		return;
	}
	ex_put(o, "<%s> findes ikke i formatet", name);
	if (n) {
		ex_put(o, "; i <%s> kan stå ", pdecl->name);
		ex_put_list(o, names, n, "og", true);
	}
}

/* A known element in the wrong place: a required one missing before it,
 * a second one where one is allowed, or the wrong order. */
static void explain_misplaced(out *o, xmlNodePtr e, const xsd_elem *pdecl, const xsd_elem *edecl)
{
	const char *name = edecl->name;
	int idx = index_in(pdecl, name);
	const xsd_elem *missing = first_missing(pdecl, (size_t)idx, e->parent, e);
	if (missing) {
		ex_put(o, "<%s> mangler ", pdecl->name);
		put_required(o, pdecl, missing);
		ex_put(o, ", som skal stå før <%s>", name);
		return;
	}
	xmlNodePtr first = NULL;
	if (edecl->max_occurs > 0 && count_before(e, name, &first) >= edecl->max_occurs) {
		if (edecl->max_occurs == 1)
			ex_put(o, "<%s> står to gange; <%s> må kun have én <%s> (den første står på linje %ld)",
			    name, pdecl->name, name, xmlGetLineNo(first));
		else
			ex_put(o, "<%s> står mere end %d gange i <%s>", name, edecl->max_occurs, pdecl->name);
		return;
	}
	for (xmlNodePtr s = e->parent ? e->parent->children : NULL; s && s != e; s = s->next) {
		if (s->type != XML_ELEMENT_NODE)
			continue;
		int k = index_in(pdecl, (const char *)s->name);
		if (k > idx || (k == idx && edecl->choice)) {
			ex_put(o, "<%s> skal stå før <%s> (linje %ld); rækkefølgen i <%s> er ", name,
			    (const char *)s->name, xmlGetLineNo(s), pdecl->name);
			const char *names[64];
			ex_put_list(o, names, child_names(pdecl, names, 64), "og", true);
			return;
		}
		if (edecl->choice && k >= 0 && pdecl->children[k]->choice == edecl->choice) {
			ex_put(o, "<%s> kan kun have én af ", pdecl->name);
			const char *names[MAX_LISTED + 1];
			ex_put_list(o, names, choice_names(pdecl, edecl->choice, names, MAX_LISTED + 1), "eller", true);
			ex_put(o, "; der står allerede <%s> på linje %ld", (const char *)s->name, xmlGetLineNo(s));
			return;
		}
	}
	ex_put(o, "<%s> kan ikke stå her i <%s>", name, pdecl->name);
}

/* "Missing child element(s)": p ended without a required element. */
static void explain_missing(out *o, xmlNodePtr p, const xsd_elem *pdecl)
{
	const xsd_elem *missing = first_missing(pdecl, pdecl->n_children, p, NULL);
	if (!missing) {
		ex_put(o, "<%s> mangler et element", pdecl->name);
		return;
	}
	ex_put(o, "<%s> mangler ", pdecl->name);
	put_required(o, pdecl, missing);
	int idx = index_in(pdecl, missing->name);
	xmlNodePtr after = NULL;
	for (xmlNodePtr c = p->children; c; c = c->next) {
		int k = c->type == XML_ELEMENT_NODE ? index_in(pdecl, (const char *)c->name) : -1;
		if (k >= 0 && k < idx)
			after = c;
	}
	if (after)
		ex_put(o, "; skriv den efter <%s> (linje %ld)", (const char *)after->name, xmlGetLineNo(after));
	else
		ex_put(o, "; skriv den som det første i <%s>", pdecl->name);
}

static void explain_content(out *o, const char *libxml_msg, xmlNodePtr e)
{
	const xsd_elem *d = ex_decl_of(e);
	bool missing_child = libxml_msg && strstr(libxml_msg, "Missing child");
	if (missing_child && d) {
		explain_missing(o, e, d);
		return;
	}
	const xsd_elem *pd = e ? ex_decl_of(e->parent) : NULL;
	if (!missing_child && pd) {
		if (d)
			explain_misplaced(o, e, pd, d);
		else
			explain_unknown(o, e, pd);
		return;
	}
	char plain[400];
	plain_message(libxml_msg, plain, sizeof plain);
	ex_put(o, "ugyldig opbygning: %s", plain);
}

/* ---- attributes ------------------------------------------------------------------------ */

static void explain_attribute(out *o, const xmlError *err, const char *el, xmlNodePtr node)
{
	const xsd_elem *d = ex_decl_of(node);
	const char *attr = err->str1 ? err->str1 : "";
	const char *names[64];
	size_t n = 0;
	for (size_t i = 0; d && i < d->n_attrs && n < 64; i++)
		names[n++] = d->attrs[i].name;
	if (err->code == XML_SCHEMAV_CVC_COMPLEX_TYPE_4) {
		const xsd_attr *a = xsd_attr_of(d, attr);
		ex_put(o, "<%s> mangler attributten %s=\"…\"", el, attr);
		if (a)
			ex_put_summary(o, a->doc);
		if (a && a->type && a->type->n_values && a->type->n_values <= MAX_LISTED) {
			const char *vals[MAX_LISTED];
			for (size_t i = 0; i < a->type->n_values; i++)
				vals[i] = a->type->values[i].value;
			ex_put(o, "; mulige værdier: ");
			ex_put_list(o, vals, a->type->n_values, "og", false);
		}
		return;
	}
	if (!d || n == 0) {
		ex_put(o, "<%s> kan ikke have attributten %s", el, attr);
		return;
	}
	const char *near = ex_nearest(attr, names, n);
	ex_put(o, "<%s> har ingen attribut %s", el, attr);
	if (near)
		ex_put(o, "; mente du %s?", near);
	else {
		ex_put(o, "; mulige attributter: ");
		ex_put_list(o, names, n, "og", false);
	}
}

/* ---- parser errors ------------------------------------------------------------------- */

/* libxml2's parser errors whose explanation is fixed text. */
static const struct parser_text {
	int code;
	const char *text;
} parser_texts[] = {
	{XML_ERR_ENTITYREF_SEMICOL_MISSING, "et & skal skrives som &amp; i XML, fx \"R&amp;D\""},
	{XML_ERR_DOCUMENT_END, "der står noget efter </workplace>; alt skal stå inden i <workplace>"},
	{XML_ERR_DOCUMENT_EMPTY, "filen har intet indhold; forventede <workplace>"},
	{XML_ERR_ATTRIBUTE_NOT_STARTED, "en attributs værdi skal stå i anførselstegn, fx year=\"2026\""},
	{XML_ERR_ATTRIBUTE_WITHOUT_VALUE, "en attribut mangler sin værdi, fx year=\"2026\""},
	{XML_ERR_LT_IN_ATTRIBUTE, "et < i en attributværdi skal skrives som &lt;"},
	{XML_ERR_ATTRIBUTE_NOT_FINISHED, "en attributværdi mangler sit afsluttende anførselstegn"},
	{XML_ERR_LTSLASH_REQUIRED, "et sluttag skal skrives </navn>"},
	{XML_ERR_COMMENT_NOT_FINISHED, "en kommentar <!-- er ikke lukket med -->"},
	{XML_ERR_HYPHEN_IN_COMMENT, "en kommentar må ikke indeholde -- (to bindestreger)"},
	{XML_ERR_EQUAL_REQUIRED, "en attribut skal skrives navn=\"værdi\""},
	{XML_ERR_RESERVED_XML_NAME, "<?xml ...?> må kun stå allerførst i filen"},
};

static void explain_parser(out *o, const xmlError *err)
{
	const char *msg = err->message ? err->message : "";
	const char *s1 = err->str1 ? err->str1 : "?", *s2 = err->str2 ? err->str2 : "?";
	for (size_t i = 0; i < sizeof parser_texts / sizeof parser_texts[0]; i++)
		if (parser_texts[i].code == (int)err->code) {
			ex_put(o, "%s", parser_texts[i].text);
			return;
		}
	switch (err->code) {
	case XML_ERR_NAME_REQUIRED:
		if (strstr(msg, "EntityRef"))
			ex_put(o, "et & skal skrives som &amp; i XML, fx \"Holm &amp; Søn\"");
		else
			ex_put(o, "et < i en tekst skal skrives som &lt;; et < begynder ellers et element");
		return;
	case XML_ERR_UNDECLARED_ENTITY:
		ex_put(o, "&%s; kendes ikke i XML; skriv tegnet selv, og et & som &amp; "
		    "(kun &amp; &lt; &gt; &quot; og &apos; kan bruges)", err->str1 ? err->str1 : "");
		return;
	case XML_ERR_TAG_NAME_MISMATCH:
		if (err->str1 && err->str2 && xsd_distance(err->str1, err->str2) <= 2)
			ex_put(o, "<%s> fra linje %d lukkes med </%s>; skriv </%s>", s1, err->int1, s2, s1);
		else
			ex_put(o, "<%s> fra linje %d er ikke lukket; skriv </%s> før </%s>", s1, err->int1, s1, s2);
		return;
	case XML_ERR_TAG_NOT_FINISHED:
		ex_put(o, "filen slutter, før <%s> fra linje %d er lukket; mangler </%s>?", s1, err->int1, s1);
		return;
	case XML_ERR_ATTRIBUTE_REDEFINED:
		ex_put(o, "attributten %s står to gange i samme element", s1);
		return;
	case XML_ERR_GT_REQUIRED:
		ex_put(o, "<%s> er ikke afsluttet med >", s1);
		return;
	case XML_ERR_INVALID_CHAR:
	case XML_ERR_INVALID_DEC_CHARREF:
	case XML_ERR_INVALID_HEX_CHARREF:
		if (strstr(msg, "CharRef")) {
			ex_put(o, "tegnreferencen &#%d; er ikke et tegn, XML tillader", err->int1);
			return;
		}
		break;
	default:
		break;
	}
	char plain[400];
	plain_message(msg, plain, sizeof plain);
	ex_put(o, "filen er ikke gyldig XML (%s)", plain);
}

/* ---- the whole ---------------------------------------------------------------------------- */

/* The element an error names: the one just opened or just closed. */
static xmlNodePtr subject(const explain_where *at, const char *el, bool at_end)
{
	if (at_end && named(at->closed, el))
		return at->closed;
	if (named(at->opened, el))
		return at->opened;
	if (named(at->closed, el))
		return at->closed;
	return NULL;
}

void explain_error(const xmlError *err, const explain_where *at, char *buf, size_t size)
{
	out o = {buf, size, 0};
	buf[0] = '\0';
	if (err->domain != XML_FROM_SCHEMASV) {
		explain_parser(&o, err);
		return;
	}
	char el[80], attr[80];
	quoted_after(err->message, "Element '", el, sizeof el);
	quoted_after(err->message, "attribute '", attr, sizeof attr);
	switch (err->code) {
	case XML_SCHEMAV_ELEMENT_CONTENT:
		explain_content(&o, err->message, subject(at, el, strstr(err->message, "Missing child") != NULL));
		return;
	case XML_SCHEMAV_CVC_COMPLEX_TYPE_3_2_1:
	case XML_SCHEMAV_CVC_COMPLEX_TYPE_4:
		explain_attribute(&o, err, el, subject(at, el, false));
		return;
	case XML_SCHEMAV_CVC_COMPLEX_TYPE_2_2:
	case XML_SCHEMAV_CVC_TYPE_3_1_2:
		ex_put(&o, "<%s> kan kun indeholde tekst, ikke andre elementer; er et sluttag </%s> glemt?", el, el);
		return;
	case XML_SCHEMAV_CVC_COMPLEX_TYPE_2_3:
	case XML_SCHEMAV_CVC_COMPLEX_TYPE_2_1:
		ex_put(&o, "<%s> kan ikke indeholde tekst direkte, kun andre elementer; "
		    "er et < eller > faldet ud, eller står teksten uden for sit element?", el);
		return;
	case XML_SCHEMAV_CVC_PATTERN_VALID:
	case XML_SCHEMAV_CVC_ENUMERATION_VALID:
	case XML_SCHEMAV_CVC_MINLENGTH_VALID:
	case XML_SCHEMAV_CVC_MAXLENGTH_VALID:
	case XML_SCHEMAV_CVC_MININCLUSIVE_VALID:
	case XML_SCHEMAV_CVC_MAXINCLUSIVE_VALID:
	case XML_SCHEMAV_CVC_FRACTIONDIGITS_VALID:
	case XML_SCHEMAV_CVC_DATATYPE_VALID_1_2_1:
		explain_value(&o, err, el, attr, subject(at, el, attr[0] == '\0'));
		return;
	default: {
		char plain[400];
		plain_message(err->message, plain, sizeof plain);
		ex_put(&o, "ugyldigt: %s", plain);
	}
	}
}
