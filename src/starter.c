/* starter.c: the starting file of `amokit new`; see starter.h.
 *
 * One walk over the schema's declarations of <workplace>. Each element the
 * size band uses is written in the schema's order after a comment holding
 * its documentation. An element is written empty, to fill in, when the
 * schema lets it be empty and every attribute it needs is known here (the
 * format's version, the MED flag, the year, an agenda point's number);
 * otherwise it is shown as an example inside a comment of its own, its
 * values taken from the documentation's "fx ..." (ids that others refer to
 * agree: a person's example id is what every example ref names). The text
 * is then read back as `check` reads it (reader.h) before it is written;
 * it is written as generated, byte for byte, so empty fields stay
 * <field></field>, ready to type into. */
#include "starter.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "bytes.h"
#include "cal.h"
#include "output.h"
#include "reader.h"
#include "xsdinfo.h"

/* The year the schema's example dates are written for; examples move to
 * the year of the file (and last year's to the year before). */
#define DOC_YEAR 2026
#define WIDTH 78

typedef struct gen {
	const starter_opts *o;
	arena *a;
	bytes b;
	const xsd_elem *root;
	bool quiet;            /* no comments: an agenda point after the first */
} gen;

/* ---- which parts the size band uses ------------------------------------------- */

static bool has_amo(const gen *g) { return g->o->headcount >= 10; }
static bool has_committees(const gen *g) { return g->o->med || g->o->headcount >= 35; }

static bool parent_is(const xsd_elem *e, const char *name)
{
	return e->parent && strcmp(e->parent->name, name) == 0;
}

static bool is(const xsd_elem *e, const char *name) { return strcmp(e->name, name) == 0; }

/* Is e a part of the format this workplace uses? Under 10 employees there
 * is no AMO and the competence question is <knowledge>; committees are the
 * arbejdsmiljøudvalg (35+) or the MED committees. */
static bool wanted(const gen *g, const xsd_elem *e)
{
	if (is(e, "amo") || (is(e, "member") && parent_is(e, "competence-plan")) || is(e, "supplementary-training"))
		return has_amo(g);
	if (is(e, "knowledge"))
		return !has_amo(g);
	if (is(e, "committees") || (is(e, "committee") && parent_is(e, "meeting")))
		return has_committees(g);
	return true;
}

static bool attr_wanted(const gen *g, const xsd_attr *at)
{
	if (strcmp(at->name, "group") == 0 || strcmp(at->name, "new-in-amo") == 0)
		return has_amo(g);
	return true;
}

/* Elements whose presence says something (this is the first discussion;
 * a member needs nothing): never written empty, only shown. */
static bool says_by_being_there(const xsd_elem *e)
{
	return is(e, "first-discussion") || is(e, "no-need");
}

/* ---- example values ------------------------------------------------------------- */

/* value moved from DOC_YEAR to the file's year when it is a year or a
 * date (a 29 February that does not exist becomes the 28th). */
static const char *shift_years(gen *g, const char *value)
{
	int y, m, d, n = 0;
	int by = g->o->year - DOC_YEAR;
	size_t len = strlen(value);
	if (len == 4 && sscanf(value, "%4d%n", &y, &n) == 1 && n == 4)
		return arena_printf(g->a, "%d", y + by);
	if (len == 10 && sscanf(value, "%4d-%2d-%2d%n", &y, &m, &d, &n) == 3 && n == 10) {
		if (!cal_date_exists(y + by, m, d))
			d = 28;
		return arena_printf(g->a, "%04d-%02d-%02d", y + by, m, d);
	}
	return value;
}

/* doc appended to t with its example dates and years moved as
 * shift_years moves values: "fx 2026-03-24" in a file for 2027 reads
 * "fx 2027-03-24". Only words that are a date, or a year next to
 * DOC_YEAR, are moved (8660 Skanderborg stays). */
static void put_doc(gen *g, bytes *t, const char *doc)
{
	for (const char *p = doc ? doc : ""; *p;) {
		size_t n = 0;
		while (p[n] >= '0' && p[n] <= '9')
			n++;
		bool word_start = p == doc || !((p[-1] >= '0' && p[-1] <= '9') || p[-1] == '-');
		if (n == 4 && word_start) {
			size_t len = p[4] == '-' && strlen(p) >= 10 ? 10 : 4;
			char w[11];
			memcpy(w, p, len);
			w[len] = '\0';
			int y = (w[0] - '0') * 1000 + (w[1] - '0') * 100 + (w[2] - '0') * 10 + (w[3] - '0');
			const char *v = len == 10 || (y >= DOC_YEAR - 1 && y <= DOC_YEAR + 1) ? shift_years(g, w) : w;
			bytes_puts(t, v ? v : w);
			p += len;
		} else if (n) {
			bytes_put(t, p, n);
			p += n;
		} else {
			bytes_putc(t, (unsigned char)*p++);
		}
	}
}

/* The example a documentation gives: the words after "fx " up to " eller ",
 * " (", "; " or the closing full stop. NULL when it gives none. */
static const char *doc_example(gen *g, const char *doc)
{
	const char *s = NULL;
	for (const char *p = doc; p && (p = strstr(p, "fx ")); p++)
		if (p == doc || p[-1] == ' ') {
			s = p + 3;
			break;
		}
	if (!s)
		return NULL;
	size_t n = strlen(s);
	static const char *const stops[] = {" eller ", " (", "; "};
	for (size_t i = 0; i < sizeof stops / sizeof *stops; i++) {
		const char *q = strstr(s, stops[i]);
		if (q && (size_t)(q - s) < n)
			n = (size_t)(q - s);
	}
	while (n && (s[n - 1] == '.' || s[n - 1] == ' '))
		n--;
	const char *v = n ? arena_strndup(g->a, s, n) : NULL;
	return v ? shift_years(g, v) : NULL;
}

/* The example of a thing documented by doc, of type t (or NULL): doc's,
 * else t's, else t's first value. */
static const char *example_of(gen *g, const char *doc, const xsd_type *t)
{
	const char *v = doc_example(g, doc);
	if (!v && t)
		v = doc_example(g, t->doc);
	if (!v && t && t->n_values)
		v = t->values[0].value;
	return v;
}

/* The example id of the declaration at path (element names from
 * <workplace>, then the id attribute). */
static const char *id_example(gen *g, const char *section, const char *item)
{
	const xsd_elem *e = xsd_child(xsd_child(g->root, section), item);
	const xsd_attr *id = e ? xsd_attr_of(e, "id") : NULL;
	return id ? doc_example(g, id->doc) : NULL;
}

/* An attribute's example: what it refers to, else its documentation's or
 * its type's example, else its type's first value. */
static const char *attr_example(gen *g, const xsd_elem *owner, const xsd_attr *at)
{
	const char *n = at->name;
	if (strcmp(n, "ref") == 0)
		return is(owner, "committee") && parent_is(owner, "meeting") ? id_example(g, "committees", "committee")
		                                                             : id_example(g, "people", "person");
	if (strcmp(n, "focus") == 0)
		return id_example(g, "focus-areas", "area");
	if (strcmp(n, "group") == 0)
		return id_example(g, "amo", "group");
	if (strcmp(n, "ring") == 0)
		return id_example(g, "wheel", "ring");
	if (strcmp(n, "year") == 0 && is(owner, "accidents"))
		return arena_printf(g->a, "%d", g->o->year - 1);
	return example_of(g, at->doc, at->type);
}

static const char *text_example(gen *g, const xsd_elem *e)
{
	return example_of(g, e->doc, e->text);
}

/* ---- values this file knows ------------------------------------------------------- */

static const char *known_attr(gen *g, const xsd_elem *owner, const xsd_attr *at)
{
	if (is(owner, "workplace") && strcmp(at->name, "version") == 0 && at->type && at->type->n_values)
		return at->type->values[at->type->n_values - 1].value;
	if (is(owner, "med-agreement") && strcmp(at->name, "applies") == 0)
		return g->o->med ? "true" : "false";
	if (is(owner, "wheel") && strcmp(at->name, "year") == 0)
		return arena_printf(g->a, "%d", g->o->year);
	return NULL;
}

static const char *known_text(gen *g, const xsd_elem *e)
{
	if (is(e, "name") && e->parent == g->root)
		return g->o->name;
	if (is(e, "headcount"))
		return arena_printf(g->a, "%d", g->o->headcount);
	if (is(e, "covers-year"))
		return arena_printf(g->a, "%d", g->o->year);
	return NULL;
}

/* Can a text of type t be empty? */
static bool may_be_empty(const xsd_type *t)
{
	if (!t)
		return true;
	if (t->n_values || t->min_length > 0 || strcmp(t->base, "integer") == 0 || strcmp(t->base, "decimal") == 0)
		return false;
	size_t n = t->pattern ? strlen(t->pattern) : 0;
	return !t->pattern || (n >= 2 && strcmp(t->pattern + n - 2, ")?") == 0);
}

/* Can e be written here without a value the user must give? */
static bool writable_empty(gen *g, const xsd_elem *e)
{
	if (says_by_being_there(e))
		return false;
	if (is(e, "point") && parent_is(e, "agenda"))
		return true;
	if (!known_text(g, e) && !may_be_empty(e->text))
		return false;
	for (size_t i = 0; i < e->n_attrs; i++)
		if (e->attrs[i].required && !known_attr(g, e, &e->attrs[i]))
			return false;
	for (size_t i = 0; i < e->n_children; i++) {
		const xsd_elem *c = e->children[i];
		if (c->choice > 0 || (c->min_occurs > 0 && !writable_empty(g, c)))
			return false;
	}
	return true;
}

/* ---- writing ------------------------------------------------------------------------- */

static void indent(gen *g, int depth)
{
	for (int i = 0; i < depth; i++)
		bytes_puts(&g->b, "  ");
}

static void put_escaped(gen *g, const char *s, bool attr)
{
	for (; *s; s++) {
		const char *r = *s == '&' ? "&amp;" : *s == '<' ? "&lt;" : *s == '>' ? "&gt;"
		              : attr && *s == '"' ? "&quot;" : NULL;
		if (r)
			bytes_puts(&g->b, r);
		else
			bytes_putc(&g->b, (unsigned char)*s);
	}
}

/* Display width of the UTF-8 bytes s[0..n): one per character. */
static int width(const char *s, size_t n)
{
	int w = 0;
	for (size_t i = 0; i < n; i++)
		w += ((unsigned char)s[i] & 0xC0) != 0x80;
	return w;
}

static void pad(gen *g, int n)
{
	for (int i = 0; i < n; i++)
		bytes_putc(&g->b, ' ');
}

/* Writes text as a comment at depth, wrapped at WIDTH. Each line of text
 * is a paragraph; its leading spaces indent it, and its continuation lines
 * two more. A "--", which a comment cannot hold, becomes "–". */
static void put_comment(gen *g, int depth, const char *text)
{
	int margin = depth * 2;
	bool first = true;
	for (const char *p = text; *p;) {
		const char *eol = strchr(p, '\n');
		if (!eol)
			eol = p + strlen(p);
		int lead = 0;
		while (p + lead < eol && p[lead] == ' ')
			lead++;
		int col = -1;          /* -1: the paragraph's first line is to begin, -2: a continuation */
		for (const char *w = p + lead; w < eol;) {
			if (*w == ' ') {
				w++;
				continue;
			}
			const char *we = w;
			while (we < eol && *we != ' ')
				we++;
			int len = width(w, (size_t)(we - w));
			if (col >= 0 && col + 1 + len > WIDTH) {
				bytes_putc(&g->b, '\n');
				col = -2;
			}
			if (col < 0) {
				bool item = lead > 0 || (eol - p > 2 && p[0] == '-' && p[1] == ' ');
				int hang = lead + (col == -2 && item ? 2 : 0);
				if (first)
					pad(g, margin), bytes_puts(&g->b, "<!-- ");
				else
					pad(g, margin + 5);
				first = false;
				pad(g, hang);
				col = margin + 5 + hang;
			} else {
				bytes_putc(&g->b, ' ');
				col++;
			}
			for (const char *c = w; c < we; c++) {
				if (c[0] == '-' && c + 1 < we && c[1] == '-')
					bytes_puts(&g->b, "\xe2\x80\x93"), c++;
				else
					bytes_putc(&g->b, (unsigned char)*c);
			}
			col += len;
			w = we;
		}
		p = *eol ? eol + 1 : eol;
		if (*p)
			bytes_putc(&g->b, '\n');
	}
	bytes_puts(&g->b, " -->\n");
}

/* ---- what the comments say ----------------------------------------------------------- */

static void describe_attr(gen *g, bytes *t, const xsd_attr *at, int lead)
{
	for (int i = 0; i < lead; i++)
		bytes_putc(t, ' ');
	bytes_puts(t, at->name);
	bytes_puts(t, "=\"…\": ");
	put_doc(g, t, at->doc);
	if (at->type && at->type->n_values) {
		bytes_puts(t, " Værdier:");
		for (size_t i = 0; i < at->type->n_values; i++) {
			bytes_puts(t, i ? "; " : " ");
			bytes_puts(t, at->type->values[i].value);
			if (at->type->values[i].doc) {
				bytes_puts(t, " = ");
				bytes_puts(t, at->type->values[i].doc);
			}
		}
		bytes_puts(t, ".");
	}
	if (!at->required)
		bytes_puts(t, " Kan udelades.");
	bytes_putc(t, '\n');
}

/* The attributes of e that the file does not set, described. */
static void describe_attrs(gen *g, bytes *t, const xsd_elem *e, int lead, bool optional_only)
{
	for (size_t i = 0; i < e->n_attrs; i++) {
		const xsd_attr *at = &e->attrs[i];
		if (attr_wanted(g, at) && !known_attr(g, e, at) && !(optional_only && at->required))
			describe_attr(g, t, at, lead);
	}
}

/* e's documentation, then its attributes and, for an example, everything
 * inside it, each on a line of its own. */
static void describe_tree(gen *g, bytes *t, const xsd_elem *e, int lead, int levels)
{
	describe_attrs(g, t, e, lead, false);
	for (size_t i = 0; levels > 0 && i < e->n_children; i++) {
		const xsd_elem *c = e->children[i];
		if (!wanted(g, c))
			continue;
		for (int k = 0; k < lead; k++)
			bytes_putc(t, ' ');
		bytes_puts(t, "<");
		bytes_puts(t, c->name);
		bytes_puts(t, ">: ");
		put_doc(g, t, c->doc);
		if (c->min_occurs == 0)
			bytes_puts(t, " Kan udelades.");
		if (c->max_occurs != 1)
			bytes_puts(t, " Kan gentages.");
		bytes_putc(t, '\n');
		describe_tree(g, t, c, lead + 2, levels - 1);
	}
}

static void comment_from(gen *g, int depth, bytes *t)
{
	if (t->oom) {
		g->b.oom = true;
		return;
	}
	while (t->n && t->p[t->n - 1] == '\n')
		t->n--;
	bytes_putc(t, '\0');
	if (!t->oom)
		put_comment(g, depth, (const char *)t->p);
	bytes_free(t);
}

/* ---- elements ---------------------------------------------------------------------------- */

static void put_open(gen *g, const xsd_elem *e, bool example)
{
	bytes_putc(&g->b, '<');
	bytes_puts(&g->b, e->name);
	if (e->parent == NULL) {
		bytes_puts(&g->b, " xmlns=\"");
		put_escaped(g, e->ns, true);
		bytes_putc(&g->b, '"');
	}
	for (size_t i = 0; i < e->n_attrs; i++) {
		const xsd_attr *at = &e->attrs[i];
		const char *v = known_attr(g, e, at);
		if (!v && example && at->required)
			v = attr_example(g, e, at);
		if (!v)
			continue;
		bytes_putc(&g->b, ' ');
		bytes_puts(&g->b, at->name);
		bytes_puts(&g->b, "=\"");
		put_escaped(g, v, true);
		bytes_putc(&g->b, '"');
	}
}

/* Does c go into an example of its parent? What it needs, one branch of
 * a choice, and the optional plain fields that have an example value. */
static bool in_example(gen *g, const xsd_elem *c, int *choice_taken)
{
	if (!wanted(g, c))
		return false;
	if (c->choice > 0) {
		if (*choice_taken == c->choice)
			return false;
		*choice_taken = c->choice;
		return true;
	}
	if (c->min_occurs > 0)
		return true;
	for (size_t i = 0; i < c->n_attrs; i++)
		if (c->attrs[i].required)
			return false;
	return c->n_children == 0 && c->text && text_example(g, c);
}

/* e with example values, as it would be written at depth. */
static void put_example(gen *g, const xsd_elem *e, int depth)
{
	indent(g, depth);
	put_open(g, e, true);
	int choice = 0;
	bool any = false;
	for (size_t i = 0; i < e->n_children; i++) {
		const xsd_elem *c = e->children[i];
		if (!in_example(g, c, &choice))
			continue;
		if (!any)
			bytes_puts(&g->b, ">\n");
		any = true;
		put_example(g, c, depth + 1);
	}
	if (any) {
		indent(g, depth);
	} else {
		const char *v = e->text ? text_example(g, e) : NULL;
		if (!v) {
			bytes_puts(&g->b, "/>\n");
			return;
		}
		bytes_putc(&g->b, '>');
		put_escaped(g, v, false);
	}
	bytes_puts(&g->b, "</");
	bytes_puts(&g->b, e->name);
	bytes_puts(&g->b, ">\n");
}

/* e shown, not written: its documentation, then the example in a comment
 * of its own, ready to be taken out of the comment. */
static void put_shown(gen *g, const xsd_elem *e, int depth)
{
	bytes t = {0};
	put_doc(g, &t, e->doc);
	bytes_puts(&t, e->max_occurs != 1 ? " Skriv det, der gælder jer, som i eksemplet herunder; gentag"
	                                    " elementet efter behov." : " Skriv det som i eksemplet herunder, hvis"
	                                    " det gælder jer.");
	bytes_putc(&t, '\n');
	describe_tree(g, &t, e, 2, 3);
	comment_from(g, depth, &t);
	indent(g, depth);
	bytes_puts(&g->b, "<!-- Eksempel: slet denne linje og den afsluttende linje, så bliver det læst.\n");
	put_example(g, e, depth);
	indent(g, depth);
	bytes_puts(&g->b, "-->\n");
}

static void put_elem(gen *g, const xsd_elem *e, int depth);

/* e written, to fill in: its documentation and the attributes it may
 * take, then the element, empty or with its own parts. */
/* The title of agenda point n, as the documentation of its number lists
 * them ("...: 1 Valg af referent; 2 ..."), or NULL. */
static const char *point_title(gen *g, const xsd_elem *point, int n)
{
	const xsd_attr *at = xsd_attr_of(point, "n");
	const char *doc = at ? at->doc : NULL;
	char key[16];
	for (const char *sep = ": "; doc; sep = sep[0] == ':' ? "; " : NULL) {
		if (!sep)
			return NULL;
		snprintf(key, sizeof key, "%s%d ", sep, n);
		const char *s = strstr(doc, key);
		if (!s)
			continue;
		s += strlen(key);
		size_t len = strcspn(s, ";");
		while (len && s[len - 1] == '.')
			len--;
		return arena_strndup(g->a, s, len);
	}
	return NULL;
}

static void put_written(gen *g, const xsd_elem *e, int depth, int n)
{
	if (n > 0) {
		const char *title = point_title(g, e, n);
		g->quiet = false;
		if (n == 1) {
			bytes t = {0};
			put_doc(g, &t, e->doc);
			bytes_putc(&t, '\n');
			describe_attrs(g, &t, e, 2, true);
			comment_from(g, depth, &t);
		}
		const char *line = title ? arena_printf(g->a, "Punkt %d: %s", n, title) : NULL;
		if (line)
			put_comment(g, depth, line);
		g->quiet = n > 1;
	} else if (e->parent && !g->quiet) {
		bytes t = {0};
		put_doc(g, &t, e->doc);
		bytes_putc(&t, '\n');
		describe_attrs(g, &t, e, 2, true);
		comment_from(g, depth, &t);
	}
	indent(g, depth);
	put_open(g, e, false);
	if (n > 0) {
		const char *num = arena_printf(g->a, " n=\"%d\"", n);
		bytes_puts(&g->b, num ? num : "");
	}
	bytes_putc(&g->b, '>');
	bool any = false;
	for (size_t i = 0; i < e->n_children; i++) {
		if (!wanted(g, e->children[i]))
			continue;
		if (!any)
			bytes_putc(&g->b, '\n');
		if (e->parent == NULL && !any)
			bytes_putc(&g->b, '\n');
		any = true;
		put_elem(g, e->children[i], depth + 1);
	}
	if (any) {
		indent(g, depth);
	} else if (known_text(g, e)) {
		put_escaped(g, known_text(g, e), false);
	} else if (!e->text || !e->text->name || strncmp(e->text->name, "maybe-", 6) != 0) {
		/* nothing to type in: the short form, as the editing commands write it */
		g->b.n--;
		bytes_puts(&g->b, "/>\n");
		return;
	}
	bytes_puts(&g->b, "</");
	bytes_puts(&g->b, e->name);
	bytes_puts(&g->b, ">\n");
	if (n > 0)
		g->quiet = false;
}

static void put_elem(gen *g, const xsd_elem *e, int depth)
{
	if (!wanted(g, e))
		return;
	if (!writable_empty(g, e)) {
		put_shown(g, e, depth);
		return;
	}
	if (is(e, "point") && parent_is(e, "agenda")) {
		for (int n = 1; n <= e->max_occurs; n++)
			put_written(g, e, depth, n);
		return;
	}
	put_written(g, e, depth, 0);
}

/* ---- the file ------------------------------------------------------------------------------ */

/* Who takes part, in the words of the header. */
static const char *who_takes_part(const gen *g)
{
	if (g->o->med)
		return "Under en MED-aftale er det aftalen, der bestemmer, hvem der deltager: skriv MED-udvalget i <committees>.";
	if (g->o->headcount < 10)
		return "Med under 10 ansatte holder arbejdsgiveren drøftelsen med alle ansatte; der er ingen arbejdsmiljøorganisation.";
	if (g->o->headcount < 35)
		return "Med 10-34 ansatte holder arbejdsgiveren drøftelsen med arbejdsmiljøorganisationens repræsentanter: skriv dem i <people> og <amo>.";
	return "Med 35 ansatte eller flere holdes drøftelsen i arbejdsmiljøudvalget: skriv det i <committees>.";
}

static void put_header(gen *g)
{
	const char *file = strcmp(g->o->output, "-") == 0 ? "FIL" : g->o->output;
	const char *slash = strrchr(file, '/');
	if (slash)
		file = slash + 1;
	bytes_puts(&g->b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	bytes t = {0};
	const char *text = arena_printf(g->a,
		"Arbejdspladsfil til den årlige arbejdsmiljødrøftelse %d, lavet med amokit new. %s\n"
		"\n"
		"Sådan udfylder I den:\n"
		"- Skriv mellem <felt> og </felt>. Et felt, der står tomt, står tomt på dokumenterne, til at skrive"
		" i med hånden; det samme gælder en del, der mangler.\n"
		"- Datoer skrives år-måned-dag (%d-03-24), klokkeslæt timer:minutter (14:00), og tegnet & skrives &amp;.\n"
		"- Over hvert felt står, hvad det er, med et eksempel. Kommentarer som denne læser amokit"
		" ikke. Dele, der ikke kan stå tomme (personer, mål, rækker i"
		" handleplanen ...), er vist som et eksempel i en kommentar: slet kommentarens første og sidste linje,"
		" og ret eksemplet til.\n"
		"- Gem filen som UTF-8 (det gør de fleste editorer af sig selv).\n"
		"- Kontrollér filen: amokit check %s\n"
		"- Lav dokumenterne: amokit render %s -o dokumenter\n"
		"- Felterne er beskrevet i feltreferencen felter.html, som følger med amokit.",
		g->o->year, who_takes_part(g), g->o->year, file, file);
	if (!text) {
		g->b.oom = true;
		return;
	}
	bytes_puts(&t, text);
	comment_from(g, 0, &t);
}

int starter_text(const starter_opts *o, char **text, size_t *len, diag *d)
{
	const char *name = strcmp(o->output, "-") == 0 ? "stdin" : o->output;
	gen g = {.o = o};
	*text = NULL;
	if (!(g.root = xsd_workplace()) || !(g.a = arena_new()))
		return diag_oom(d, name);
	put_header(&g);
	put_written(&g, g.root, 0, 0);
	int rc = AM_OK;
	if (g.b.oom) {
		rc = diag_oom(d, name);
	} else {
		/* What is written must pass check as it stands. */
		am_workplace *wp;
		diag again;
		diag_init(&again);
		if (reader_load_mem(g.a, name, (const char *)g.b.p, g.b.n, &wp, &again) != AM_OK) {
			diag_error(d, name, 0, "intern fejl: den nye fil ville ikke blive godkendt; intet er skrevet");
			diag_merge(d, &again);
			rc = AM_EINTERNAL;
		}
	}
	if (rc == AM_OK) {
		*text = (char *)g.b.p;
		*len = g.b.n;
	} else {
		bytes_free(&g.b);
	}
	arena_free(g.a);
	return rc;
}

int starter_run(const starter_opts *o, diag *d)
{
	if (!o->force && output_refuse_existing(o->output, d) != AM_OK)
		return AM_EUSAGE;
	char *text;
	size_t len;
	int rc = starter_text(o, &text, &len, d);
	if (rc == AM_OK)
		rc = output_file_or_stdout(o->output, text, len, d);
	free(text);
	return rc;
}
