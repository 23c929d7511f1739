/* reader_model.c: a schema-valid libxml2 tree → the am_workplace model.
 *
 * The schema has already fixed the structure, so this walk only converts
 * values and checks what the schema cannot: real calendar dates in
 * READER_MIN_YEAR..READER_MAX_YEAR, the wheel's activities inside its year,
 * references to people and rings, duplicate ids, time order, agenda points
 * given once, ISO week numbers the year has. Text is
 * read only from text nodes (never xmlNodeGetContent), whitespace runs
 * collapsed to one space and trimmed, then normalised (norm.h: NFC, no
 * invisible characters). Every error names the element, the bad value and
 * what was expected. */
#include "reader_model_int.h"
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


/* ---- tree helpers ------------------------------------------------------- */

int rm_line_of(xmlNodePtr n) { return (int)xmlGetLineNo(n); }

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
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	diag_error(r->d, r->file, line, "%s", msg);
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
		if (wp->n_chars == r->cap_chars) {
			size_t cap = r->cap_chars ? 2 * r->cap_chars : 32;
			am_char *c = arena_array(r->a, cap, sizeof *c);
			if (!c) {
				r->oom = true;
				return;
			}
			if (wp->n_chars)
				memcpy(c, wp->chars, wp->n_chars * sizeof *c);
			wp->chars = c;
			r->cap_chars = cap;
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
	return text_nodes(r, el->children, (const char *)el->name, rm_line_of(el));
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
			return text_nodes(r, at->children, (const char *)el->name, rm_line_of(el));
	return NULL;
}

/* ---- values ------------------------------------------------------------- */

int rm_date_key(am_date d) { return d.y * 10000 + d.m * 100 + d.d; }

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
		rm_parse_date(r, (const char *)el->name, rm_text_of(r, el), rm_line_of(el), &d);
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

bool rm_parse_bool(const char *s) { return s && strcmp(s, "true") == 0; }

/* "true"/"false" (schema-checked) → TRI_YES/TRI_NO; absent → TRI_UNSET. */
am_tristate rm_parse_tristate(const char *s)
{
	return !s ? TRI_UNSET : rm_parse_bool(s) ? TRI_YES : TRI_NO;
}

/* A decimal number of hours (schema-checked); -1 when absent. */
double rm_parse_hours(const char *s)
{
	return s ? strtod(s, NULL) : -1;
}


/* ---- people and references --------------------------------------------- */

static int by_id_cmp(const void *x, const void *y)
{
	const am_person *const *p = x, *const *q = y;
	return strcmp((*p)->id, (*q)->id);
}

static void read_people(rm *r, xmlNodePtr people)
{
	am_workplace *wp = r->wp;
	wp->n_people = rm_count_children(people, "person");
	wp->people = rm_alloc_array(r, wp->n_people, sizeof *wp->people);
	r->by_id = rm_alloc_array(r, wp->n_people, sizeof *r->by_id);
	r->person_group = rm_alloc_array(r, wp->n_people, sizeof *r->person_group);
	if (!wp->people || !r->by_id || !r->person_group)
		return;
	size_t i = 0;
	for (xmlNodePtr el = rm_child(people, "person"); el; el = rm_next_child(people, el, "person"), i++) {
		am_person *p = &wp->people[i];
		p->line = rm_line_of(el);
		p->id = rm_attr_of(r, el, "id");
		p->name = rm_child_text(r, el, "name");
		p->title = rm_child_text(r, el, "title");
		p->role = (am_role)am_token_value(am_role_tokens, rm_attr_of(r, el, "role"), ROLE_EMPLOYEE);
		const char *att = rm_attr_of(r, el, "attendance");
		p->attendance = !att ? ATT_UNKNOWN : strcmp(att, "present") == 0 ? ATT_PRESENT : ATT_ABSENT;
		p->new_in_amo = rm_parse_bool(rm_attr_of(r, el, "new-in-amo"));
		p->deputy = rm_parse_bool(rm_attr_of(r, el, "deputy"));
		p->tr = rm_parse_bool(rm_attr_of(r, el, "tr"));
		p->lang = rm_attr_of(r, el, "lang");
		r->person_group[i] = rm_attr_of(r, el, "group");
		if (p->deputy && p->role == ROLE_EMPLOYER)
			rm_error_at(r, p->line, "<person id=\"%s\">: arbejdsgiveren kan ikke være sin egen stedfortræder; "
			         "skriv deputy=\"true\" hos den, der kan beslutte på arbejdsgiverens vegne", p->id ? p->id : "");
		if (p->deputy && p->role == ROLE_ADVISER)
			rm_error_at(r, p->line, "<person id=\"%s\">: en rådgiver kan ikke beslutte på arbejdsgiverens vegne; "
			         "skriv deputy=\"true\" hos en fra arbejdspladsen", p->id ? p->id : "");
		if (!p->id)
			p->id = "";
		r->by_id[i] = p;
	}
	qsort(r->by_id, wp->n_people, sizeof *r->by_id, by_id_cmp);
	for (i = 1; i < wp->n_people; i++)
		if (strcmp(r->by_id[i]->id, r->by_id[i - 1]->id) == 0) {
			const am_person *a = r->by_id[i - 1], *b = r->by_id[i];
			const am_person *later = a->line > b->line ? a : b;
			const am_person *first = later == a ? b : a;
			rm_error_at(r, later->line, "<person id=\"%s\">: id'et bruges allerede på linje %d; "
			         "hver person skal have sit eget id",
			         later->id, first->line);
		}
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
		const am_person **hit = bsearch(&kp, r->by_id, r->wp->n_people, sizeof *r->by_id, by_id_cmp);
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
	rm_error_at(r, rm_line_of(el), "%s", msg);
	return NULL;
}



/* A ref to a person who must have one of two roles (want2 may equal want). */
static const am_person *person_ref_with_role(rm *r, xmlNodePtr el, am_role want, am_role want2,
                                             const char *expected)
{
	const am_person *p = rm_person_ref(r, el);
	if (p && p->role != want && p->role != want2)
		rm_error_at(r, rm_line_of(el), "<%s ref=\"%s\">: personen har role=\"%s\"; her skal stå %s",
		         (const char *)el->name, p->id, am_role_tokens[p->role], expected);
	return p;
}

/* The group with id, or NULL (reported at line). */
static const am_group *group_by_id(rm *r, const char *id, const char *what, int line)
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
	return group_by_id(r, rm_attr_of(r, el, "group"), (const char *)el->name, rm_line_of(el));
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
	rm_error_at(r, rm_line_of(el), "<%s focus=\"%s\">: der er intet <area id=\"%s\"> i <focus-areas>",
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

/* ---- the AMO's groups and the committees -------------------------------- */

/* The refs named name under el, resolved to people with the given role. */
static const am_person **group_refs(rm *r, xmlNodePtr el, const char *name, am_role want, am_role want2,
                                    const char *expected, size_t *n)
{
	*n = rm_count_children(el, name);
	const am_person **out = rm_alloc_array(r, *n, sizeof *out);
	size_t i = 0;
	for (xmlNodePtr c = rm_child(el, name); c && out; c = rm_next_child(el, c, name), i++)
		out[i] = person_ref_with_role(r, c, want, want2, expected);
	return out;
}

static void read_amo(rm *r, xmlNodePtr sec)
{
	am_workplace *wp = r->wp;
	wp->n_groups = rm_count_children(sec, "group");
	wp->groups = rm_alloc_array(r, wp->n_groups, sizeof *wp->groups);
	size_t i = 0;
	for (xmlNodePtr el = rm_child(sec, "group"); el && wp->groups; el = rm_next_child(sec, el, "group"), i++) {
		am_group *g = &wp->groups[i];
		g->line = rm_line_of(el);
		g->id = rm_attr_of(r, el, "id");
		g->name = rm_child_text(r, el, "name");
		g->leaders = group_refs(r, el, "leader", ROLE_LEADER, ROLE_EMPLOYER,
		                        "en leder i AMO (role=\"leader\") eller arbejdsgiveren", &g->n_leaders);
		g->amrs = group_refs(r, el, "amr", ROLE_AMR, ROLE_AMR, "en arbejdsmiljørepræsentant (role=\"amr\")",
		                     &g->n_amrs);
	}
	rm_unique_ids(r, "group", wp->groups, wp->n_groups, sizeof *wp->groups, offsetof(am_group, id),
	           offsetof(am_group, line));
	/* The people's group attributes, now that the groups exist. */
	for (size_t k = 0; r->person_group && k < wp->n_people; k++)
		wp->people[k].group = group_by_id(r, r->person_group[k], "person", wp->people[k].line);
}

static void read_committee(rm *r, xmlNodePtr el, am_committee *c)
{
	c->line = rm_line_of(el);
	c->id = rm_attr_of(r, el, "id");
	c->name = rm_child_text(r, el, "name");
	c->level = (am_committee_level)am_token_value(am_level_tokens, rm_attr_of(r, el, "level"), LEVEL_UNSET);
	c->n_members = rm_count_children(el, "member");
	c->members = rm_alloc_array(r, c->n_members, sizeof *c->members);
	size_t i = 0;
	for (xmlNodePtr m = rm_child(el, "member"); m && c->members; m = rm_next_child(el, m, "member"), i++) {
		am_committee_member *cm = &c->members[i];
		cm->line = rm_line_of(m);
		cm->person = rm_person_ref(r, m);
		cm->function = (am_committee_function)am_token_value(am_function_tokens, rm_attr_of(r, m, "function"), FUNCTION_NONE);
		if (cm->person && cm->person->role == ROLE_ADVISER)
			rm_error_at(r, cm->line, "<member ref=\"%s\">: en rådgiver er ikke medlem af udvalget; et medlem sidder "
			         "for ledelsen (employer, leader) eller for de ansatte (amr, employee)", cm->person->id);
		for (size_t j = 0; j < i && cm->person; j++)
			if (c->members[j].person == cm->person) {
				rm_error_at(r, cm->line, "<member ref=\"%s\">: personen er allerede medlem på linje %d; "
				         "skriv hvert medlem én gang", cm->person->id, c->members[j].line);
				break;
			}
	}
}

static void read_committees(rm *r, xmlNodePtr sec)
{
	am_workplace *wp = r->wp;
	wp->n_committees = rm_count_children(sec, "committee");
	wp->committees = rm_alloc_array(r, wp->n_committees, sizeof *wp->committees);
	size_t i = 0;
	for (xmlNodePtr el = rm_child(sec, "committee"); el && wp->committees; el = rm_next_child(sec, el, "committee"), i++)
		read_committee(r, el, &wp->committees[i]);
	rm_unique_ids(r, "committee", wp->committees, wp->n_committees, sizeof *wp->committees,
	           offsetof(am_committee, id), offsetof(am_committee, line));
}

const am_committee *rm_committee_ref(rm *r, xmlNodePtr el)
{
	const char *id = rm_attr_of(r, el, "ref");
	for (size_t i = 0; id && i < r->wp->n_committees; i++)
		if (r->wp->committees[i].id && strcmp(r->wp->committees[i].id, id) == 0)
			return &r->wp->committees[i];
	rm_error_at(r, rm_line_of(el), "<committee ref=\"%s\">: der er ingen <committee id=\"%s\"> i <committees>",
	         id ? id : "", id ? id : "");
	return NULL;
}

/* ---- the workplace ------------------------------------------------------ */

/* The logo's path as written: relative to the workplace file's folder,
 * and read (by a layout that shows it) only beneath it (safe_path.h); a
 * path that could not be is refused here already. */
static const char *logo_path(rm *r, xmlNodePtr root, int *line)
{
	xmlNodePtr el = rm_child(root, "logo");
	const char *logo = el ? rm_text_of(r, el) : NULL;
	const char *why = logo ? safe_path_problem(logo) : NULL;
	*line = el ? rm_line_of(el) : 0;
	if (why)
		rm_error_at(r, *line, "<logo>: '%s' er %s", logo, why);
	return logo;
}

static void read_head(rm *r, xmlNodePtr root)
{
	am_workplace *wp = r->wp;
	wp->line = rm_line_of(root);
	wp->version = (int)rm_parse_long(rm_attr_of(r, root, "version"), 1);
	wp->lang = rm_attr_of(r, root, "lang");
	wp->name = rm_child_text(r, root, "name");
	wp->address = rm_child_text(r, root, "address");
	wp->cvr = rm_child_text(r, root, "cvr");
	wp->headcount = (int)rm_parse_long(rm_child_text(r, root, "headcount"), 0);
	wp->branch = rm_child_text(r, root, "branch");
	wp->logo = logo_path(r, root, &wp->logo_line);
	xmlNodePtr med = rm_child(root, "med-agreement");
	if (med) {
		wp->med_agreement = rm_parse_bool(rm_attr_of(r, med, "applies"));
		wp->med_note = rm_text_of(r, med);
	}
	if (!wp->name)
		rm_error_at(r, wp->line, "<name>: arbejdspladsens navn er tomt; skriv navnet");
}

int reader_model_build(arena *a, const char *file, xmlNodePtr root, am_workplace **out, diag *d)
{
	rm r = {.a = a, .d = d};
	*out = NULL;
	r.file = arena_strdup(a, file);
	r.wp = arena_alloc(a, sizeof *r.wp);
	if (!r.file || !r.wp)
		return diag_oom(d, file);
	r.wp->file = r.file;
	read_head(&r, root);
	read_people(&r, rm_child(root, "people"));
	read_amo(&r, rm_child(root, "amo"));
	read_committees(&r, rm_child(root, "committees"));
	rm_read_meeting(&r, rm_child(root, "meeting"));
	rm_read_first_discussion(&r, rm_child(root, "first-discussion"), rm_child(root, "last-year-goals"));
	rm_read_last_goals(&r, rm_child(root, "last-year-goals"));
	rm_read_cooperation_eval(&r, rm_child(root, "cooperation-evaluation"));
	rm_read_competence_done(&r, rm_child(root, "competence-follow-up"));
	rm_read_apv(&r, rm_child(root, "apv"));
	rm_read_focus(&r, rm_child(root, "focus-areas"));
	rm_read_goals(&r, rm_child(root, "goals"));
	rm_read_actions(&r, rm_child(root, "action-plan"));
	rm_read_cooperation(&r, rm_child(root, "cooperation"));
	rm_read_competence(&r, rm_child(root, "competence-plan"));
	rm_read_accidents(&r, rm_child(root, "accidents"));
	rm_read_announcements(&r, rm_child(root, "announcements"));
	rm_read_agenda(&r, rm_child(root, "agenda"));
	rm_read_follow_up(&r, rm_child(root, "follow-up"));
	rm_read_wheel(&r, rm_child(root, "wheel"));
	if (r.oom)
		return diag_oom(d, file);
	*out = r.wp;
	return AM_OK;
}

