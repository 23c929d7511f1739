/* reader_nodes.c: reading one element or attribute of the workplace tree: the
 * tree helpers, text (white space collapsed, normalised, characters noted
 * for the font check), values (dates, times, numbers, yes/no), references
 * to the file's people, groups, focus areas and committees, and records
 * read by their tables of fields, each error naming its element and
 * line. See reader_model_int.h. */
#include "reader_model.h"
#include "reader.h"
#include <stdarg.h>
#include <stddef.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "norm.h"
#include "safe_path.h"
#include "text.h"
#include "cal.h"
#include "xsdinfo.h"
#include "utf8.h"
#include "reader_model_int.h"

/* ---- tree helpers ------------------------------------------------------- */


static bool is_element(xmlNodePtr n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

/* The first rm_child element named name after `after` (NULL: from the start). */
xmlNodePtr rm_next_child(xmlNodePtr parent, xmlNodePtr after, const char *name)
{
	if (!parent)
		return NULL;
	for (xmlNodePtr c = after ? after->next : parent->children; c; c = c->next)
		if (is_element(c, name))
			return c;
	return NULL;
}

xmlNodePtr rm_child(xmlNodePtr parent, const char *name)
{
	return rm_next_child(parent, NULL, name);
}

size_t rm_count_children(xmlNodePtr parent, const char *name)
{
	size_t n = 0;
	for (xmlNodePtr c = rm_child(parent, name); c; c = rm_next_child(parent, c, name))
		n++;
	return n;
}

void rm_error_at(rm *r, int line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_verror(r->d, r->file, line, fmt, ap);
	va_end(ap);
}

void *rm_alloc_array(rm *r, size_t n, size_t size)
{
	if (n == 0)
		return NULL;
	void *p = arena_array(r->a, n, size);
	if (!p)
		r->oom = true;
	return p;
}

/* ---- text --------------------------------------------------------------- */

static bool is_xml_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Notes each character above U+007F that s uses (valid UTF-8, NFC), at
 * its first use, in wp->chars: whether the fonts can show it is for the
 * caller to say (amokit check warns about those they cannot). A bitmap
 * remembers the characters of the Basic Multilingual Plane already noted;
 * the few beyond it are looked up in the list. */
static void note_chars(rm *r, const char *what, const char *s, int line)
{
	const unsigned char *p = (const unsigned char *)s;
	am_workplace *wp = r->wp;
	size_t n = strlen(s);
	for (size_t i = 0; i < n;) {
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		unsigned cp;
		size_t len = utf8_decode(s + i, n - i, &cp);
		if (len == 0)
			return;   /* cannot happen: the reader refused invalid UTF-8 */
		i += len;
		bool seen = false;
		if (cp < 0x10000) {
			if (!r->seen && !(r->seen = arena_alloc(r->a, 0x10000 / 8))) {
				r->oom = true;
				return;
			}
			seen = r->seen[cp >> 3] & (1u << (cp & 7));
			r->seen[cp >> 3] |= (unsigned char)(1u << (cp & 7));
		} else {
			for (size_t k = 0; k < wp->n_chars && !seen; k++)
				seen = wp->chars[k].cp == cp;
		}
		if (seen)
			continue;
		if (arena_grow_from(r->a, (void **)&wp->chars, &r->cap_chars, wp->n_chars, wp->n_chars + 1,
		                    sizeof *wp->chars, 32)) {
			r->oom = true;
			return;
		}
		const char *element = arena_strdup(r->a, what);   /* the tree's names go with it */
		if (!element) {
			r->oom = true;
			return;
		}
		wp->chars[wp->n_chars++] = (am_char){ cp, line, element };
	}
}

/* Collapses the runs of spaces that dropping invisible characters left
 * in s (n bytes, NUL-terminated) and trims its ends; returns the new length. */
static size_t squeeze_spaces(char *s, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' || (k > 0 && s[k - 1] != ' '))
			s[k++] = s[i];
	while (k > 0 && s[k - 1] == ' ')
		k--;
	s[k] = '\0';
	return k;
}

/* s (n bytes, in the arena) in the form amokit keeps text in (norm.h):
 * NFC, without invisible characters. A text that had only invisible
 * characters is an error: it would print as nothing. */
static const char *normalise_text(rm *r, char *s, size_t n, const char *what, int line)
{
	size_t len;
	const char *t = norm_text(r->a, s, n, &len);
	if (!t) {
		r->oom = true;
		return NULL;
	}
	if (t == s)
		return s;
	char *copy = (char *)t;   /* norm_text's copy is ours to change */
	if (len < n)
		len = squeeze_spaces(copy, len);
	if (len == 0) {
		rm_error_at(r, line, "<%s>: teksten består kun af usynlige tegn (fx U+200B, mellemrum uden "
		         "bredde); skriv en tekst, der kan ses", what);
		return NULL;
	}
	return copy;
}

/* Free-text elements whose line breaks carry meaning: a blank line starts
 * a new paragraph, a line starting with "- " or "• " a list item. */
static bool is_prose(const char *what)
{
	static const char *const prose[] = {
		"notes", "decision", "description", "summary", "comment", "announcement",
		"acute", "accidents", "information", "convenes", "frequency", "success",
		"how", "why", "follow-up", "med-agreement", "knowledge", NULL
	};
	for (size_t i = 0; prose[i]; i++)
		if (strcmp(what, prose[i]) == 0)
			return true;
	return false;
}

static bool list_marker(const unsigned char *p)
{
	return (p[0] == '-' && p[1] == ' ') ||
	       (p[0] == 0xE2 && p[1] == 0x80 && p[2] == 0xA2 && p[3] == ' ');   /* • */
}

/* The text of the text nodes in the list `first`, whitespace-normalised,
 * Unicode-normalised (NFC, invisible characters dropped) and copied into
 * the arena; NULL when there is none. */
static const char *text_nodes(rm *r, xmlNodePtr first, const char *what, int line)
{
	size_t total = 0;
	for (xmlNodePtr t = first; t; t = t->next)
		if ((t->type == XML_TEXT_NODE || t->type == XML_CDATA_SECTION_NODE) && t->content)
			total += strlen((const char *)t->content);
	if (total == 0)
		return NULL;
	char *out = arena_alloc(r->a, total + 1);
	if (!out) {
		r->oom = true;
		return NULL;
	}
	/* In prose (is_prose) a blank line is kept as "\n\n" and a line break
	 * before a list marker as "\n"; any other run of white space becomes
	 * one space. */
	size_t n = 0;
	bool space = false, prose = is_prose(what);
	int breaks = 0;
	for (xmlNodePtr t = first; t; t = t->next) {
		if ((t->type != XML_TEXT_NODE && t->type != XML_CDATA_SECTION_NODE) || !t->content)
			continue;
		for (const unsigned char *p = t->content; *p; p++) {
			if (is_xml_space(*p)) {
				space = n > 0;
				breaks += *p == '\n' && n > 0;
				continue;
			}
			if (space && prose && breaks >= 2) {
				out[n++] = '\n';      /* fits: the run held at least two characters */
				out[n++] = '\n';
			} else if (space && prose && breaks == 1 && list_marker(p)) {
				out[n++] = '\n';
			} else if (space) {
				out[n++] = ' ';
			}
			space = false;
			breaks = 0;
			out[n++] = (char)*p;
		}
	}
	out[n] = '\0';
	if (n == 0)
		return NULL;
	const char *text = normalise_text(r, out, n, what, line);
	if (text)
		note_chars(r, what, text, line);
	return text;
}

/* The text of element el (NULL el or no text: NULL). */
const char *rm_text_of(rm *r, xmlNodePtr el)
{
	if (!el)
		return NULL;
	return text_nodes(r, el->children, (const char *)el->name, line_of(el));
}

const char *rm_child_text(rm *r, xmlNodePtr parent, const char *name)
{
	return rm_text_of(r, rm_child(parent, name));
}

/* The value of el's attribute name (no namespace), or NULL. */
const char *rm_attr_of(rm *r, xmlNodePtr el, const char *name)
{
	for (xmlAttrPtr at = el->properties; at; at = at->next)
		if (!at->ns && strcmp((const char *)at->name, name) == 0)
			return text_nodes(r, at->children, (const char *)el->name, line_of(el));
	return NULL;
}

/* ---- values ------------------------------------------------------------- */


/* Parses the ISO date s (schema-checked as NNNN-NN-NN) of element or
 * attribute `what`; reports a day that does not exist or a year out of
 * range. Returns true when *out was filled. */
bool rm_parse_date(rm *r, const char *what, const char *s, int line, am_date *out)
{
	int y, m, d;
	char tail;
	if (!s)
		return false;
	if (sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 || !cal_date_exists(y, m, d)) {
		rm_error_at(r, line, "<%s>: \"%s\" er ikke en dato, der findes; skriv år-måned-dag, fx 2026-03-24",
		         what, s);
		return false;
	}
	if (y < READER_MIN_YEAR || y > READER_MAX_YEAR) {
		rm_error_at(r, line, "<%s>: året %d i \"%s\" ligger uden for det mulige; skriv et år fra %d til %d",
		         what, y, s, READER_MIN_YEAR, READER_MAX_YEAR);
		return false;
	}
	*out = (am_date){y, m, d};
	return true;
}

am_date rm_date_of(rm *r, xmlNodePtr el)
{
	am_date d = {0, 0, 0};
	if (el)
		rm_parse_date(r, (const char *)el->name, rm_text_of(r, el), line_of(el), &d);
	return d;
}

/* "HH:MM" (schema-checked) → minutes since midnight; -1 when absent. */
am_time rm_parse_time(const char *s)
{
	int h, m;
	if (!s || sscanf(s, "%2d:%2d", &h, &m) != 2)
		return -1;
	return h * 60 + m;
}

long rm_parse_long(const char *s, long absent)
{
	return s ? strtol(s, NULL, 10) : absent;
}


/* "true"/"false" (schema-checked) → TRI_YES/TRI_NO; absent → TRI_UNSET. */
am_tristate rm_parse_tristate(const char *s)
{
	return !s ? TRI_UNSET : parse_bool(s) ? TRI_YES : TRI_NO;
}

/* A decimal number of hours (schema-checked); -1 when absent. */
double rm_parse_hours(const char *s)
{
	return s ? strtod(s, NULL) : -1;
}

/* ---- references ------------------------------------------------------------
 * An id naming a person, a group, a focus area or a committee, resolved
 * to the record (people first sorted by id, rm->by_id), each unknown one
 * reported. */

int rm_by_id_cmp(const void *x, const void *y)
{
	const am_person *const *p = x, *const *q = y;
	return strcmp((*p)->id, (*q)->id);
}

/* Adds "; mente du \"x\"?" to msg when one of ids[0..n) is near id. */
void rm_suggest_id(char *msg, size_t size, const char *id, const char *const *ids, size_t n)
{
	const char *best = NULL;
	int best_d = strlen(id) <= 4 ? 2 : 3;
	for (size_t i = 0; i < n; i++) {
		int dist = ids[i] ? xsd_distance(id, ids[i]) : 1000;
		if (dist < best_d)
			best = ids[i], best_d = dist;
	}
	size_t len = strlen(msg);
	if (best && len < size)
		snprintf(msg + len, size - len, "; mente du \"%s\"?", best);
}

/* The person with the id in el's `ref` attribute; reports an unknown one. */
const am_person *rm_person_ref(rm *r, xmlNodePtr el)
{
	const char *id = rm_attr_of(r, el, "ref");
	if (!id)
		return NULL;
	if (r->by_id) {
		am_person key = {.id = id};
		const am_person *kp = &key;
		const am_person **hit = bsearch(&kp, r->by_id, r->wp->n_people, sizeof *r->by_id, rm_by_id_cmp);
		if (hit)
			return *hit;
	}
	char msg[400];
	snprintf(msg, sizeof msg, "<%s ref=\"%s\">: der er ingen <person id=\"%s\"> i <people>",
	         (const char *)el->name, id, id);
	const char *ids[64];
	size_t n = 0;
	for (size_t i = 0; i < r->wp->n_people && n < 64; i++)
		ids[n++] = r->wp->people[i].id;
	rm_suggest_id(msg, sizeof msg, id, ids, n);
	rm_error_at(r, line_of(el), "%s", msg);
	return NULL;
}



/* The group with id, or NULL (reported at line). */
const am_group *rm_group_by_id(rm *r, const char *id, const char *what, int line)
{
	if (!id)
		return NULL;
	for (size_t i = 0; i < r->wp->n_groups; i++)
		if (r->wp->groups[i].id && strcmp(r->wp->groups[i].id, id) == 0)
			return &r->wp->groups[i];
	rm_error_at(r, line, "<%s group=\"%s\">: der er ingen <group id=\"%s\"> i <amo>", what, id, id);
	return NULL;
}

const am_group *rm_group_attr(rm *r, xmlNodePtr el)
{
	return rm_group_by_id(r, rm_attr_of(r, el, "group"), (const char *)el->name, line_of(el));
}

/* The focus area named by el's focus attribute, or NULL (reported). */
const am_focus_area *rm_focus_attr(rm *r, xmlNodePtr el)
{
	const char *id = rm_attr_of(r, el, "focus");
	if (!id)
		return NULL;
	for (size_t i = 0; i < r->wp->n_focus; i++)
		if (r->wp->focus[i].id && strcmp(r->wp->focus[i].id, id) == 0)
			return &r->wp->focus[i];
	rm_error_at(r, line_of(el), "<%s focus=\"%s\">: der er intet <area id=\"%s\"> i <focus-areas>",
	         (const char *)el->name, id, id);
	return NULL;
}

/* Reports an id used twice among n items of a section (ids at stride). */
void rm_unique_ids(rm *r, const char *what, const void *items, size_t n, size_t size,
                   size_t id_offset, size_t line_offset)
{
	const char *base = items;
	for (size_t i = 1; i < n; i++) {
		const char *id = *(const char *const *)(base + i * size + id_offset);
		for (size_t j = 0; j < i && id; j++) {
			const char *other = *(const char *const *)(base + j * size + id_offset);
			if (other && strcmp(id, other) == 0) {
				rm_error_at(r, *(const int *)(base + i * size + line_offset),
				         "<%s id=\"%s\">: id'et bruges allerede på linje %d; hver skal have sit eget id",
				         what, id, *(const int *)(base + j * size + line_offset));
				break;
			}
		}
	}
}

const am_committee *rm_committee_ref(rm *r, xmlNodePtr el)
{
	const char *id = rm_attr_of(r, el, "ref");
	for (size_t i = 0; id && i < r->wp->n_committees; i++)
		if (r->wp->committees[i].id && strcmp(r->wp->committees[i].id, id) == 0)
			return &r->wp->committees[i];
	rm_error_at(r, line_of(el), "<committee ref=\"%s\">: der er ingen <committee id=\"%s\"> i <committees>",
	         id ? id : "", id ? id : "");
	return NULL;
}

/* ---- records -------------------------------------------------------------- */

/* The value of field f of element el into the record at rec. */
static void read_field(rm *r, xmlNodePtr el, char *rec, const am_field *f)
{
	void *v = rec + f->offset;
	switch (f->kind) {
	case AM_TEXT: *(const char **)v = rm_child_text(r, el, f->name); break;
	case AM_ATTR: *(const char **)v = rm_attr_of(r, el, f->name); break;
	case AM_DATE: *(am_date *)v = rm_date_of(r, rm_child(el, f->name)); break;
	case AM_DATE_ATTR: {
		char what[64];
		snprintf(what, sizeof what, "%s %s=\"…\"", (const char *)el->name, f->name);
		rm_parse_date(r, what, rm_attr_of(r, el, f->name), line_of(el), v);
		break;
	}
	case AM_TIME: *(am_time *)v = rm_parse_time(rm_child_text(r, el, f->name)); break;
	case AM_TIME_ATTR: *(am_time *)v = rm_parse_time(rm_attr_of(r, el, f->name)); break;
	case AM_TOKEN:
	case AM_TOKEN_OPT: *(int *)v = am_token_value(f->tokens, rm_attr_of(r, el, f->name), f->unset); break;
	case AM_TRISTATE: *(am_tristate *)v = rm_parse_tristate(rm_attr_of(r, el, f->name)); break;
	case AM_NUMBER: *(int *)v = (int)rm_parse_long(rm_attr_of(r, el, f->name), f->unset); break;
	case AM_HOURS: *(double *)v = rm_parse_hours(rm_attr_of(r, el, f->name)); break;
	case AM_HOURS_TEXT: {
		const char *h = rm_child_text(r, el, f->name);
		*(double *)v = h ? strtod(h, NULL) : 0;
		break;
	}
	case AM_COUNT: *(int *)v = (int)rm_parse_long(rm_child_text(r, el, f->name), f->unset); break;
	case AM_FLAG: *(bool *)v = parse_bool(rm_attr_of(r, el, f->name)); break;
	case AM_FOCUS: *(const am_focus_area **)v = rm_focus_attr(r, el); break;
	case AM_GROUP: *(const am_group **)v = rm_group_attr(r, el); break;
	}
}

void rm_read_fields(rm *r, xmlNodePtr el, void *rec, const am_field *f)
{
	for (; f->name; f++)
		read_field(r, el, rec, f);
}

void rm_fill_records(rm *r, xmlNodePtr sec, const char *name, void *v, size_t size, const am_field *f,
                     rm_more_fn more)
{
	void *outer = r->records;   /* a list inside a record of another */
	size_t i = 0;
	r->records = v;
	for (xmlNodePtr el = rm_child(sec, name); el && v; el = rm_next_child(sec, el, name), i++) {
		char *rec = (char *)v + i * size;
		*(int *)rec = line_of(el);
		rm_read_fields(r, el, rec, f);
		if (more)
			more(r, el, rec);
	}
	r->records = outer;
}

void *rm_read_records(rm *r, xmlNodePtr sec, const char *name, size_t size, const am_field *f,
                      rm_more_fn more, size_t *n)
{
	*n = rm_count_children(sec, name);
	void *v = rm_alloc_array(r, *n, size);
	rm_fill_records(r, sec, name, v, size, f, more);
	return v;
}
