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

typedef struct rm {
	arena *a;
	diag *d;
	const char *file;
	bool oom;
	am_workplace *wp;
	const am_person **by_id;  /* people sorted by id, for lookups */
	const char **person_group;  /* each person's group attribute, resolved after <amo> */
	unsigned char *seen;      /* a bit per BMP character noted in wp->chars */
	size_t cap_chars;
} rm;

/* ---- tree helpers ------------------------------------------------------- */

static int line_of(xmlNodePtr n) { return (int)xmlGetLineNo(n); }

static bool is_element(xmlNodePtr n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

/* The first child element named name after `after` (NULL: from the start). */
static xmlNodePtr next_child(xmlNodePtr parent, xmlNodePtr after, const char *name)
{
	if (!parent)
		return NULL;
	for (xmlNodePtr c = after ? after->next : parent->children; c; c = c->next)
		if (is_element(c, name))
			return c;
	return NULL;
}

static xmlNodePtr child(xmlNodePtr parent, const char *name)
{
	return next_child(parent, NULL, name);
}

static size_t count_children(xmlNodePtr parent, const char *name)
{
	size_t n = 0;
	for (xmlNodePtr c = child(parent, name); c; c = next_child(parent, c, name))
		n++;
	return n;
}

static void error_at(rm *r, int line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void error_at(rm *r, int line, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	diag_error(r->d, r->file, line, "%s", msg);
}

static void *alloc_array(rm *r, size_t n, size_t size)
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
		error_at(r, line, "<%s>: teksten består kun af usynlige tegn (fx U+200B, mellemrum uden "
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
static const char *text_of(rm *r, xmlNodePtr el)
{
	if (!el)
		return NULL;
	return text_nodes(r, el->children, (const char *)el->name, line_of(el));
}

static const char *child_text(rm *r, xmlNodePtr parent, const char *name)
{
	return text_of(r, child(parent, name));
}

/* The value of el's attribute name (no namespace), or NULL. */
static const char *attr_of(rm *r, xmlNodePtr el, const char *name)
{
	for (xmlAttrPtr at = el->properties; at; at = at->next)
		if (!at->ns && strcmp((const char *)at->name, name) == 0)
			return text_nodes(r, at->children, (const char *)el->name, line_of(el));
	return NULL;
}

/* ---- values ------------------------------------------------------------- */

static int date_key(am_date d) { return d.y * 10000 + d.m * 100 + d.d; }

/* Parses the ISO date s (schema-checked as NNNN-NN-NN) of element or
 * attribute `what`; reports a day that does not exist or a year out of
 * range. Returns true when *out was filled. */
static bool parse_date(rm *r, const char *what, const char *s, int line, am_date *out)
{
	int y, m, d;
	char tail;
	if (!s)
		return false;
	if (sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 || !cal_date_exists(y, m, d)) {
		error_at(r, line, "<%s>: \"%s\" er ikke en dato, der findes; skriv år-måned-dag, fx 2026-03-24",
		         what, s);
		return false;
	}
	if (y < READER_MIN_YEAR || y > READER_MAX_YEAR) {
		error_at(r, line, "<%s>: året %d i \"%s\" ligger uden for det mulige; skriv et år fra %d til %d",
		         what, y, s, READER_MIN_YEAR, READER_MAX_YEAR);
		return false;
	}
	*out = (am_date){y, m, d};
	return true;
}

static am_date date_of(rm *r, xmlNodePtr el)
{
	am_date d = {0, 0, 0};
	if (el)
		parse_date(r, (const char *)el->name, text_of(r, el), line_of(el), &d);
	return d;
}

/* "HH:MM" (schema-checked) → minutes since midnight; -1 when absent. */
static am_time parse_time(const char *s)
{
	int h, m;
	if (!s || sscanf(s, "%2d:%2d", &h, &m) != 2)
		return -1;
	return h * 60 + m;
}

static long parse_long(const char *s, long absent)
{
	return s ? strtol(s, NULL, 10) : absent;
}

static bool parse_bool(const char *s) { return s && strcmp(s, "true") == 0; }

/* "true"/"false" (schema-checked) → TRI_YES/TRI_NO; absent → TRI_UNSET. */
static am_tristate parse_tristate(const char *s)
{
	return !s ? TRI_UNSET : parse_bool(s) ? TRI_YES : TRI_NO;
}

/* A decimal number of hours (schema-checked); -1 when absent. */
static double parse_hours(const char *s)
{
	return s ? strtod(s, NULL) : -1;
}

/* The repeats in words, for messages (in the order of am_repeat_tokens). */
static const char *const repeat_words[] = {"", "hver måned", "hvert kvartal", "hver uge", "hver anden uge",
                                           "hvert år", "hvert andet år", NULL};

/* ---- people and references --------------------------------------------- */

static int by_id_cmp(const void *x, const void *y)
{
	const am_person *const *p = x, *const *q = y;
	return strcmp((*p)->id, (*q)->id);
}

static void read_people(rm *r, xmlNodePtr people)
{
	am_workplace *wp = r->wp;
	wp->n_people = count_children(people, "person");
	wp->people = alloc_array(r, wp->n_people, sizeof *wp->people);
	r->by_id = alloc_array(r, wp->n_people, sizeof *r->by_id);
	r->person_group = alloc_array(r, wp->n_people, sizeof *r->person_group);
	if (!wp->people || !r->by_id || !r->person_group)
		return;
	size_t i = 0;
	for (xmlNodePtr el = child(people, "person"); el; el = next_child(people, el, "person"), i++) {
		am_person *p = &wp->people[i];
		p->line = line_of(el);
		p->id = attr_of(r, el, "id");
		p->name = child_text(r, el, "name");
		p->title = child_text(r, el, "title");
		p->role = (am_role)am_token_value(am_role_tokens, attr_of(r, el, "role"), ROLE_EMPLOYEE);
		const char *att = attr_of(r, el, "attendance");
		p->attendance = !att ? ATT_UNKNOWN : strcmp(att, "present") == 0 ? ATT_PRESENT : ATT_ABSENT;
		p->new_in_amo = parse_bool(attr_of(r, el, "new-in-amo"));
		p->deputy = parse_bool(attr_of(r, el, "deputy"));
		p->tr = parse_bool(attr_of(r, el, "tr"));
		p->lang = attr_of(r, el, "lang");
		r->person_group[i] = attr_of(r, el, "group");
		if (p->deputy && p->role == ROLE_EMPLOYER)
			error_at(r, p->line, "<person id=\"%s\">: arbejdsgiveren kan ikke være sin egen stedfortræder; "
			         "skriv deputy=\"true\" hos den, der kan beslutte på arbejdsgiverens vegne", p->id ? p->id : "");
		if (p->deputy && p->role == ROLE_ADVISER)
			error_at(r, p->line, "<person id=\"%s\">: en rådgiver kan ikke beslutte på arbejdsgiverens vegne; "
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
			error_at(r, later->line, "<person id=\"%s\">: id'et bruges allerede på linje %d; "
			         "hver person skal have sit eget id",
			         later->id, first->line);
		}
}

/* Adds "; mente du \"x\"?" to msg when one of ids[0..n) is near id. */
static void suggest_id(char *msg, size_t size, const char *id, const char *const *ids, size_t n)
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
static const am_person *person_ref(rm *r, xmlNodePtr el)
{
	const char *id = attr_of(r, el, "ref");
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
	suggest_id(msg, sizeof msg, id, ids, n);
	error_at(r, line_of(el), "%s", msg);
	return NULL;
}



/* A ref to a person who must have one of two roles (want2 may equal want). */
static const am_person *person_ref_with_role(rm *r, xmlNodePtr el, am_role want, am_role want2,
                                             const char *expected)
{
	const am_person *p = person_ref(r, el);
	if (p && p->role != want && p->role != want2)
		error_at(r, line_of(el), "<%s ref=\"%s\">: personen har role=\"%s\"; her skal stå %s",
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
	error_at(r, line, "<%s group=\"%s\">: der er ingen <group id=\"%s\"> i <amo>", what, id, id);
	return NULL;
}

static const am_group *group_attr(rm *r, xmlNodePtr el)
{
	return group_by_id(r, attr_of(r, el, "group"), (const char *)el->name, line_of(el));
}

/* The focus area named by el's focus attribute, or NULL (reported). */
static const am_focus_area *focus_attr(rm *r, xmlNodePtr el)
{
	const char *id = attr_of(r, el, "focus");
	if (!id)
		return NULL;
	for (size_t i = 0; i < r->wp->n_focus; i++)
		if (r->wp->focus[i].id && strcmp(r->wp->focus[i].id, id) == 0)
			return &r->wp->focus[i];
	error_at(r, line_of(el), "<%s focus=\"%s\">: der er intet <area id=\"%s\"> i <focus-areas>",
	         (const char *)el->name, id, id);
	return NULL;
}

/* Reports an id used twice among n items of a section (ids at stride). */
static void unique_ids(rm *r, const char *what, const void *items, size_t n, size_t size,
                       size_t id_offset, size_t line_offset)
{
	const char *base = items;
	for (size_t i = 1; i < n; i++) {
		const char *id = *(const char *const *)(base + i * size + id_offset);
		for (size_t j = 0; j < i && id; j++) {
			const char *other = *(const char *const *)(base + j * size + id_offset);
			if (other && strcmp(id, other) == 0) {
				error_at(r, *(const int *)(base + i * size + line_offset),
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
	*n = count_children(el, name);
	const am_person **out = alloc_array(r, *n, sizeof *out);
	size_t i = 0;
	for (xmlNodePtr c = child(el, name); c && out; c = next_child(el, c, name), i++)
		out[i] = person_ref_with_role(r, c, want, want2, expected);
	return out;
}

static void read_amo(rm *r, xmlNodePtr sec)
{
	am_workplace *wp = r->wp;
	wp->n_groups = count_children(sec, "group");
	wp->groups = alloc_array(r, wp->n_groups, sizeof *wp->groups);
	size_t i = 0;
	for (xmlNodePtr el = child(sec, "group"); el && wp->groups; el = next_child(sec, el, "group"), i++) {
		am_group *g = &wp->groups[i];
		g->line = line_of(el);
		g->id = attr_of(r, el, "id");
		g->name = child_text(r, el, "name");
		g->leaders = group_refs(r, el, "leader", ROLE_LEADER, ROLE_EMPLOYER,
		                        "en leder i AMO (role=\"leader\") eller arbejdsgiveren", &g->n_leaders);
		g->amrs = group_refs(r, el, "amr", ROLE_AMR, ROLE_AMR, "en arbejdsmiljørepræsentant (role=\"amr\")",
		                     &g->n_amrs);
	}
	unique_ids(r, "group", wp->groups, wp->n_groups, sizeof *wp->groups, offsetof(am_group, id),
	           offsetof(am_group, line));
	/* The people's group attributes, now that the groups exist. */
	for (size_t k = 0; r->person_group && k < wp->n_people; k++)
		wp->people[k].group = group_by_id(r, r->person_group[k], "person", wp->people[k].line);
}

static void read_committee(rm *r, xmlNodePtr el, am_committee *c)
{
	c->line = line_of(el);
	c->id = attr_of(r, el, "id");
	c->name = child_text(r, el, "name");
	c->level = (am_committee_level)am_token_value(am_level_tokens, attr_of(r, el, "level"), LEVEL_UNSET);
	c->n_members = count_children(el, "member");
	c->members = alloc_array(r, c->n_members, sizeof *c->members);
	size_t i = 0;
	for (xmlNodePtr m = child(el, "member"); m && c->members; m = next_child(el, m, "member"), i++) {
		am_committee_member *cm = &c->members[i];
		cm->line = line_of(m);
		cm->person = person_ref(r, m);
		cm->function = (am_committee_function)am_token_value(am_function_tokens, attr_of(r, m, "function"), FUNCTION_NONE);
		if (cm->person && cm->person->role == ROLE_ADVISER)
			error_at(r, cm->line, "<member ref=\"%s\">: en rådgiver er ikke medlem af udvalget; et medlem sidder "
			         "for ledelsen (employer, leader) eller for de ansatte (amr, employee)", cm->person->id);
		for (size_t j = 0; j < i && cm->person; j++)
			if (c->members[j].person == cm->person) {
				error_at(r, cm->line, "<member ref=\"%s\">: personen er allerede medlem på linje %d; "
				         "skriv hvert medlem én gang", cm->person->id, c->members[j].line);
				break;
			}
	}
}

static void read_committees(rm *r, xmlNodePtr sec)
{
	am_workplace *wp = r->wp;
	wp->n_committees = count_children(sec, "committee");
	wp->committees = alloc_array(r, wp->n_committees, sizeof *wp->committees);
	size_t i = 0;
	for (xmlNodePtr el = child(sec, "committee"); el && wp->committees; el = next_child(sec, el, "committee"), i++)
		read_committee(r, el, &wp->committees[i]);
	unique_ids(r, "committee", wp->committees, wp->n_committees, sizeof *wp->committees,
	           offsetof(am_committee, id), offsetof(am_committee, line));
}

static const am_committee *committee_ref(rm *r, xmlNodePtr el)
{
	const char *id = attr_of(r, el, "ref");
	for (size_t i = 0; id && i < r->wp->n_committees; i++)
		if (r->wp->committees[i].id && strcmp(r->wp->committees[i].id, id) == 0)
			return &r->wp->committees[i];
	error_at(r, line_of(el), "<committee ref=\"%s\">: der er ingen <committee id=\"%s\"> i <committees>",
	         id ? id : "", id ? id : "");
	return NULL;
}

/* ---- sections ----------------------------------------------------------- */

static void read_meeting(rm *r, xmlNodePtr el)
{
	am_meeting *m = &r->wp->meeting;
	m->start = m->end = -1;
	if (!el)
		return;
	m->line = line_of(el);
	m->date = date_of(r, child(el, "date"));
	m->start = parse_time(child_text(r, el, "start"));
	m->end = parse_time(child_text(r, el, "end"));
	m->place = child_text(r, el, "place");
	xmlNodePtr c = child(el, "chair"), t = child(el, "minute-taker");
	m->chair = c ? person_ref(r, c) : NULL;
	m->minute_taker = t ? person_ref(r, t) : NULL;
	m->year = (int)parse_long(child_text(r, el, "covers-year"), 0);
	xmlNodePtr cm = child(el, "committee");
	m->committee = cm ? committee_ref(r, cm) : NULL;
	if (m->start >= 0 && m->end >= 0 && m->end <= m->start)
		error_at(r, line_of(child(el, "end")), "<end>: %s er ikke efter starten %s; skriv et senere klokkeslæt",
		         child_text(r, el, "end"), child_text(r, el, "start"));
}

static void read_last_goals(rm *r, xmlNodePtr sec)
{
	am_workplace *wp = r->wp;
	wp->n_last_goals = count_children(sec, "goal");
	wp->last_goals = alloc_array(r, wp->n_last_goals, sizeof *wp->last_goals);
	size_t i = 0;
	for (xmlNodePtr el = child(sec, "goal"); el && wp->last_goals; el = next_child(sec, el, "goal"), i++) {
		am_last_goal *g = &wp->last_goals[i];
		g->line = line_of(el);
		g->title = child_text(r, el, "title");
		g->comment = child_text(r, el, "comment");
		g->status = (am_goal_status)am_token_value(am_goal_status_tokens, attr_of(r, el, "status"), GOAL_UNSET);
		g->carried_over = parse_tristate(attr_of(r, el, "carried-over"));
	}
}

/* <first-discussion>: no last year; then last year's goals cannot be there. */
static void read_first_discussion(rm *r, xmlNodePtr el, xmlNodePtr last_goals)
{
	am_workplace *wp = r->wp;
	if (!el)
		return;
	wp->first_discussion = true;
	wp->first_line = line_of(el);
	wp->first_note = text_of(r, el);
	if (last_goals)
		error_at(r, line_of(last_goals), "<last-year-goals>: filen siger <first-discussion> på linje %d, så "
		         "der er ingen mål fra sidste år; skriv kun det ene af de to", wp->first_line);
}

static void read_cooperation_eval(rm *r, xmlNodePtr el)
{
	am_cooperation_eval *c = &r->wp->cooperation_eval;
	if (!el)
		return;
	c->line = line_of(el);
	c->summary = child_text(r, el, "summary");
	c->time = child_text(r, el, "time");
	c->money = child_text(r, el, "money");
	c->problems = child_text(r, el, "problems");
	c->effectiveness = child_text(r, el, "effectiveness");
	if (!c->summary && !c->time && !c->money && !c->problems && !c->effectiveness)
		c->line = 0;   /* every field left empty: read as not there */
}

static void read_competence_done(rm *r, xmlNodePtr sec)
{
	am_workplace *wp = r->wp;
	wp->n_competence_done = count_children(sec, "item");
	wp->competence_done = alloc_array(r, wp->n_competence_done, sizeof *wp->competence_done);
	size_t i = 0;
	for (xmlNodePtr el = child(sec, "item"); el && wp->competence_done; el = next_child(sec, el, "item"), i++) {
		am_competence_done *c = &wp->competence_done[i];
		c->line = line_of(el);
		c->topic = child_text(r, el, "topic");
		c->comment = child_text(r, el, "comment");
		c->person = person_ref(r, el);
		c->who = child_text(r, el, "who");
		if (!c->who && c->person)
			c->who = c->person->name;
		c->status = (am_done_status)am_token_value(am_done_tokens, attr_of(r, el, "status"), DONE_UNSET);
		c->planned_hours = parse_hours(attr_of(r, el, "planned-hours"));
		c->hours = parse_hours(attr_of(r, el, "hours"));
	}
}

static void read_apv(rm *r, xmlNodePtr sec)
{
	am_workplace *wp = r->wp;
	if (!sec)
		return;
	wp->apv_date = date_of(r, child(sec, "last-date"));
	wp->n_apv_items = count_children(sec, "item");
	wp->apv_items = alloc_array(r, wp->n_apv_items, sizeof *wp->apv_items);
	size_t i = 0;
	for (xmlNodePtr el = child(sec, "item"); el && wp->apv_items; el = next_child(sec, el, "item"), i++) {
		am_apv_item *it = &wp->apv_items[i];
		it->line = line_of(el);
		it->problem = child_text(r, el, "problem");
		it->action = child_text(r, el, "action");
		it->owner = child_text(r, el, "owner");
		it->deadline = date_of(r, child(el, "deadline"));
		it->status = (am_item_status)am_token_value(am_item_status_tokens, attr_of(r, el, "status"), ITEM_UNSET);
		it->group = group_attr(r, el);
	}
}

static void read_focus(rm *r, xmlNodePtr sec)
{
	am_workplace *wp = r->wp;
	wp->n_focus = count_children(sec, "area");
	wp->focus = alloc_array(r, wp->n_focus, sizeof *wp->focus);
	size_t i = 0;
	for (xmlNodePtr el = child(sec, "area"); el && wp->focus; el = next_child(sec, el, "area"), i++) {
		wp->focus[i].line = line_of(el);
		wp->focus[i].id = attr_of(r, el, "id");
		wp->focus[i].title = child_text(r, el, "title");
		wp->focus[i].description = child_text(r, el, "description");
	}
	unique_ids(r, "area", wp->focus, wp->n_focus, sizeof *wp->focus, offsetof(am_focus_area, id),
	           offsetof(am_focus_area, line));
}

static void read_goals(rm *r, xmlNodePtr sec)
{
	am_workplace *wp = r->wp;
	wp->n_goals = count_children(sec, "goal");
	wp->goals = alloc_array(r, wp->n_goals, sizeof *wp->goals);
	size_t i = 0;
	for (xmlNodePtr el = child(sec, "goal"); el && wp->goals; el = next_child(sec, el, "goal"), i++) {
		am_goal *g = &wp->goals[i];
		g->line = line_of(el);
		g->title = child_text(r, el, "title");
		g->success = child_text(r, el, "success");
		g->conditions = child_text(r, el, "conditions");
		g->owner = child_text(r, el, "owner");
		g->deadline = date_of(r, child(el, "deadline"));
		g->focus = focus_attr(r, el);
		g->group = group_attr(r, el);
	}
}

static void read_actions(rm *r, xmlNodePtr sec)
{
	am_workplace *wp = r->wp;
	wp->n_actions = count_children(sec, "action");
	wp->actions = alloc_array(r, wp->n_actions, sizeof *wp->actions);
	size_t i = 0;
	for (xmlNodePtr el = child(sec, "action"); el && wp->actions; el = next_child(sec, el, "action"), i++) {
		am_action *ac = &wp->actions[i];
		ac->line = line_of(el);
		ac->what = child_text(r, el, "what");
		ac->why = child_text(r, el, "why");
		ac->how = child_text(r, el, "how");
		ac->when = child_text(r, el, "when");
		ac->who = child_text(r, el, "who");
		ac->follow_up = child_text(r, el, "follow-up");
		ac->status = (am_item_status)am_token_value(am_item_status_tokens, attr_of(r, el, "status"), ITEM_UNSET);
		ac->focus = focus_attr(r, el);
		ac->group = group_attr(r, el);
	}
}

static void read_cooperation(rm *r, xmlNodePtr el)
{
	am_cooperation *c = &r->wp->cooperation;
	if (!el)
		return;
	c->line = line_of(el);
	c->frequency = child_text(r, el, "frequency");
	c->participants = child_text(r, el, "participants");
	c->convenes = child_text(r, el, "convenes");
	c->acute = child_text(r, el, "acute");
	c->accidents = child_text(r, el, "accidents");
	c->information = child_text(r, el, "information");
	if (!c->frequency && !c->participants && !c->convenes && !c->acute && !c->accidents && !c->information)
		c->line = 0;   /* every field left empty: read as not there */
}

static void read_competence_member(rm *r, xmlNodePtr el, am_competence_member *m)
{
	m->line = line_of(el);
	m->person = person_ref(r, el);
	xmlNodePtr none = child(el, "no-need");
	if (none) {
		m->no_need = true;
		m->no_need_note = text_of(r, none);
	}
	m->n_items = count_children(el, "item");
	m->items = alloc_array(r, m->n_items, sizeof *m->items);
	size_t i = 0;
	for (xmlNodePtr it = child(el, "item"); it && m->items; it = next_child(el, it, "item"), i++) {
		am_competence_item *ci = &m->items[i];
		ci->line = line_of(it);
		ci->topic = child_text(r, it, "topic");
		ci->when = child_text(r, it, "when");
		const char *h = child_text(r, it, "hours");
		ci->hours = h ? strtod(h, NULL) : 0;
		ci->form = (am_competence_form)am_token_value(am_form_tokens, attr_of(r, it, "form"), FORM_TRAINING);
	}
}

static void read_competence(rm *r, xmlNodePtr sec)
{
	am_competence *c = &r->wp->competence;
	if (!sec)
		return;
	c->line = line_of(sec);
	xmlNodePtr k = child(sec, "knowledge");
	if (k) {
		c->knowledge_present = parse_bool(attr_of(r, k, "present")) ? TRI_YES : TRI_NO;
		c->knowledge_note = text_of(r, k);
	}
	xmlNodePtr t = child(sec, "supplementary-training");
	if (t) {
		c->training = (am_training_handled)am_token_value(am_training_tokens, attr_of(r, t, "handled"), TRAINING_UNSET);
		c->training_note = text_of(r, t);
		c->training_line = line_of(t);
	}
	c->n_members = count_children(sec, "member");
	c->members = alloc_array(r, c->n_members, sizeof *c->members);
	size_t i = 0;
	for (xmlNodePtr el = child(sec, "member"); el && c->members; el = next_child(sec, el, "member"), i++) {
		read_competence_member(r, el, &c->members[i]);
		for (size_t j = 0; j < i && c->members[i].person; j++)
			if (c->members[j].person == c->members[i].person) {
				error_at(r, c->members[i].line, "<member ref=\"%s\">: medlemmet har allerede en plan på "
				         "linje %d; skriv hvert medlem én gang", c->members[i].person->id, c->members[j].line);
				break;
			}
	}
}

static void read_accidents(rm *r, xmlNodePtr sec)
{
	am_accidents *ac = &r->wp->accidents;
	ac->accidents = ac->poisonings = ac->health_damage = ac->near_misses = ac->absence_days = -1;
	if (!sec)
		return;
	ac->line = line_of(sec);
	ac->year = (int)parse_long(attr_of(r, sec, "year"), 0);
	ac->accidents = (int)parse_long(attr_of(r, sec, "accidents"), -1);
	ac->poisonings = (int)parse_long(attr_of(r, sec, "poisonings"), -1);
	ac->health_damage = (int)parse_long(attr_of(r, sec, "health-damage"), -1);
	ac->near_misses = (int)parse_long(attr_of(r, sec, "near-misses"), -1);
	ac->absence_days = (int)parse_long(attr_of(r, sec, "absence-days"), -1);
	ac->summary = child_text(r, sec, "summary");
	ac->n_incidents = count_children(sec, "incident");
	ac->incidents = alloc_array(r, ac->n_incidents, sizeof *ac->incidents);
	size_t i = 0;
	for (xmlNodePtr el = child(sec, "incident"); el && ac->incidents; el = next_child(sec, el, "incident"), i++) {
		am_incident *in = &ac->incidents[i];
		in->line = line_of(el);
		in->kind = (am_incident_kind)am_token_value(am_incident_tokens, attr_of(r, el, "kind"), INCIDENT_ACCIDENT);
		parse_date(r, "incident date=\"…\"", attr_of(r, el, "date"), in->line, &in->date);
		in->absence_days = (int)parse_long(attr_of(r, el, "absence-days"), -1);
		in->description = child_text(r, el, "description");
		in->follow_up = child_text(r, el, "follow-up");
	}
}

static void read_announcements(rm *r, xmlNodePtr sec)
{
	am_workplace *wp = r->wp;
	wp->n_announcements = count_children(sec, "announcement");
	wp->announcements = alloc_array(r, wp->n_announcements, sizeof *wp->announcements);
	size_t i = 0;
	for (xmlNodePtr el = child(sec, "announcement"); el && wp->announcements;
	     el = next_child(sec, el, "announcement"), i++)
		wp->announcements[i] = text_of(r, el);
}

static void read_agenda(rm *r, xmlNodePtr sec)
{
	am_workplace *wp = r->wp;
	int seen[12] = {0};
	wp->n_agenda = count_children(sec, "point");
	wp->agenda = alloc_array(r, wp->n_agenda, sizeof *wp->agenda);
	size_t i = 0;
	for (xmlNodePtr el = child(sec, "point"); el && wp->agenda; el = next_child(sec, el, "point"), i++) {
		am_agenda_point *p = &wp->agenda[i];
		p->line = line_of(el);
		p->number = (int)parse_long(attr_of(r, el, "n"), 0);
		p->start = parse_time(attr_of(r, el, "start"));
		p->minutes = (int)parse_long(attr_of(r, el, "minutes"), 0);
		p->notes = child_text(r, el, "notes");
		p->decision = child_text(r, el, "decision");
		if (p->number >= 1 && p->number <= 11) {
			if (seen[p->number])
				error_at(r, p->line, "<point n=\"%d\">: punktet står allerede på linje %d; "
				         "hvert punkt må kun stå én gang",
				         p->number, seen[p->number]);
			else
				seen[p->number] = p->line;
		}
	}
}

static void read_follow_up(rm *r, xmlNodePtr el)
{
	am_follow_up *f = &r->wp->follow_up;
	if (!el)
		return;
	f->line = line_of(el);
	xmlNodePtr who = child(el, "responsible");
	f->responsible = who ? person_ref(r, who) : NULL;
	f->how = child_text(r, el, "how");
	f->where = child_text(r, el, "where");
	f->inform_management = child_text(r, el, "inform-management");
	f->inform_employees = child_text(r, el, "inform-employees");
	f->goal_evaluation = child_text(r, el, "goal-evaluation");
	if (!f->responsible && !f->how && !f->where && !f->inform_management && !f->inform_employees &&
	    !f->goal_evaluation)
		f->line = 0;   /* every field left empty: read as not there */
}

/* ---- the wheel ---------------------------------------------------------- */

/* Default ring colours when a <ring> gives none: distinct, print-friendly. */
static const unsigned ring_palette[12] = {
	0x1F5C7A, 0xC0504D, 0x4F8A3C, 0xE0A030, 0x7D5BA6, 0x2E9C9C,
	0xB5654A, 0x5A6F8C, 0x9C9C2E, 0xC06090, 0x3C7D5A, 0x8C6E3C,
};

static void read_rings(rm *r, xmlNodePtr sec, am_wheel *w)
{
	w->n_rings = count_children(sec, "ring");
	w->rings = alloc_array(r, w->n_rings, sizeof *w->rings);
	size_t i = 0;
	for (xmlNodePtr el = child(sec, "ring"); el && w->rings; el = next_child(sec, el, "ring"), i++) {
		am_ring *g = &w->rings[i];
		g->line = line_of(el);
		g->id = attr_of(r, el, "id");
		g->name = text_of(r, el);
		const char *col = attr_of(r, el, "colour");
		g->colour = col ? (unsigned)strtoul(col + 1, NULL, 16) : ring_palette[i % 12];
		for (size_t j = 0; j < i && g->id; j++)
			if (w->rings[j].id && strcmp(w->rings[j].id, g->id) == 0)
				error_at(r, g->line, "<ring id=\"%s\">: id'et bruges allerede på linje %d; "
				         "hver ring skal have sit eget id",
				         g->id, w->rings[j].line);
	}
}

static const am_ring *ring_ref(rm *r, const am_wheel *w, xmlNodePtr el)
{
	const char *id = attr_of(r, el, "ring");
	for (size_t i = 0; id && i < w->n_rings; i++)
		if (w->rings[i].id && strcmp(w->rings[i].id, id) == 0)
			return &w->rings[i];
	char msg[400];
	snprintf(msg, sizeof msg, "<activity ring=\"%s\">: der er ingen <ring id=\"%s\"> i <wheel>",
	         id ? id : "", id ? id : "");
	const char *ids[12];
	size_t n = 0;
	for (size_t i = 0; i < w->n_rings && n < 12; i++)
		ids[n++] = w->rings[i].id;
	suggest_id(msg, sizeof msg, id ? id : "", ids, n);
	error_at(r, line_of(el), "%s", msg);
	return NULL;
}

/* The date keys of the wheel's first day and of the first day after it. */
static void wheel_keys(const am_wheel *w, int *from, int *to)
{
	*from = w->year * 10000 + w->start_month * 100 + 1;
	*to = (w->year + 1) * 10000 + w->start_month * 100 + 1;
}

/* "en dato i 2026", or "en dato fra 2026-08-01 og før 2027-08-01". */
static const char *wheel_span_text(rm *r, const am_wheel *w, const char *what)
{
	const char *s = w->start_month == 1
	                        ? arena_printf(r->a, "%s i %d", what, w->year)
	                        : arena_printf(r->a, "%s fra %d-%02d-01 og før %d-%02d-01", what, w->year,
	                                       w->start_month, w->year + 1, w->start_month);
	return s ? s : what;
}

/* A date must lie in the wheel's year; the first date of a repeat may lie
 * before it (the series began earlier), never after it. */
static void check_date(rm *r, const am_wheel *w, const am_activity *ac, const char *value, int line)
{
	int from, to, k = date_key(ac->from);
	wheel_keys(w, &from, &to);
	if (!ac->from.y || (k >= from && k < to) || (ac->repeat != REPEAT_NONE && k < from))
		return;
	error_at(r, line, "<date>: \"%s\" ligger uden for årshjulets år; skriv %s", value,
	         wheel_span_text(r, w, ac->repeat != REPEAT_NONE ? "en dato før årets slutning" : "en dato"));
}

/* A period must meet the wheel's year (a part that lies outside is shown
 * as continuing); a repeated one may begin before it. */
static void check_period(rm *r, const am_wheel *w, const am_activity *ac, const char *f, const char *t,
                         int line)
{
	int from, to;
	wheel_keys(w, &from, &to);
	if (!ac->from.y || !ac->to.y || date_key(ac->to) < date_key(ac->from))
		return;
	bool meets = date_key(ac->from) < to && (ac->repeat != REPEAT_NONE || date_key(ac->to) >= from);
	if (!meets)
		error_at(r, line, "<period>: %s til %s ligger uden for årshjulets år; skriv %s", f, t,
		         wheel_span_text(r, w, "en periode, der når ind i året"));
}

static void read_when(rm *r, const am_wheel *w, xmlNodePtr el, am_activity *ac)
{
	xmlNodePtr x;
	if ((x = child(el, "date"))) {
		ac->when = WHEN_DATE;
		ac->from = date_of(r, x);
		check_date(r, w, ac, text_of(r, x), line_of(x));
	} else if ((x = child(el, "period"))) {
		const char *f = attr_of(r, x, "from"), *t = attr_of(r, x, "to");
		int line = line_of(x);
		ac->when = WHEN_PERIOD;
		bool ok = parse_date(r, "period from=\"…\"", f, line, &ac->from);
		ok = parse_date(r, "period to=\"…\"", t, line, &ac->to) && ok;
		if (ok && date_key(ac->to) < date_key(ac->from))
			error_at(r, line, "<period>: to=\"%s\" ligger før from=\"%s\"; from skal være den første dato", t, f);
		check_period(r, w, ac, f, t, line);
	} else if ((x = child(el, "month"))) {
		ac->when = WHEN_MONTH;
		ac->month = (int)parse_long(text_of(r, x), 1);
	} else if ((x = child(el, "week"))) {
		ac->when = WHEN_WEEK;
		ac->week = (int)parse_long(text_of(r, x), 1);
		if (ac->week > cal_iso_weeks_in_year(w->year))
			error_at(r, line_of(x), "<week>: uge %d findes ikke i %d; skriv en uge fra 1 til %d",
			         ac->week, w->year, cal_iso_weeks_in_year(w->year));
	}
}

static bool by_months(am_repeat k)
{
	return k == REPEAT_MONTHLY || k == REPEAT_QUARTERLY || k == REPEAT_YEARLY || k == REPEAT_BIENNIAL;
}

/* The repeat's day, its end and the move to a working day, checked
 * against what the activity's timing allows. */
static void read_repeat_rest(rm *r, xmlNodePtr el, am_activity *ac)
{
	int line = line_of(el);
	const char *on = attr_of(r, el, "on"), *until = attr_of(r, el, "until");
	ac->on = (am_repeat_on)am_token_value(am_repeat_on_tokens, on, ON_DAY);
	ac->next_workday = parse_bool(attr_of(r, el, "move-to-workday"));
	bool weeks = ac->repeat == REPEAT_WEEKLY || ac->repeat == REPEAT_FORTNIGHTLY;
	if (ac->on != ON_DAY && (ac->when != WHEN_DATE || !by_months(ac->repeat)))
		error_at(r, line, "<activity on=\"%s\">: kræver en <date> og en gentagelse hver måned, hvert "
		         "kvartal, hvert år eller hvert andet år", on);
	if (weeks && ac->when == WHEN_MONTH)
		error_at(r, line, "<activity>: en <month> kan ikke gentages ugevis; brug en gentagelse hver "
		         "måned, hvert kvartal, hvert år eller hvert andet år");
	if (by_months(ac->repeat) && ac->when == WHEN_WEEK)
		error_at(r, line, "<activity>: en <week> kan ikke gentages månedsvis; brug en gentagelse hver "
		         "uge eller hver anden uge");
	if (weeks && ac->when == WHEN_PERIOD && ac->from.y && ac->to.y) {
		long days = (long)(date_key(ac->to) >= date_key(ac->from)) *
		            (cal_serial(ac->to.y, ac->to.m, ac->to.d) - cal_serial(ac->from.y, ac->from.m, ac->from.d) + 1);
		int most = ac->repeat == REPEAT_WEEKLY ? 7 : 14;
		if (days > most)
			error_at(r, line, "<activity>: en periode på %ld dage, der gentages %s, overlapper sig selv; "
			         "den må højst vare %d dage", days, repeat_words[ac->repeat], most);
	}
	if (!until)
		return;
	if (ac->repeat == REPEAT_NONE)
		error_at(r, line, "<activity until=\"%s\">: kræver en gentagelse; tilføj attributten repeat", until);
	else if (parse_date(r, "activity until=\"…\"", until, line, &ac->until) && ac->from.y &&
	         date_key(ac->until) < date_key(ac->from))
		error_at(r, line, "<activity until=\"%s\">: ligger før den første dato; skriv en senere dato", until);
}

static void read_activity(rm *r, const am_wheel *w, xmlNodePtr el, am_activity *ac)
{
	ac->line = line_of(el);
	ac->title = child_text(r, el, "title");
	ac->responsible = child_text(r, el, "responsible");
	ac->ring = ring_ref(r, w, el);
	ac->repeat = (am_repeat)am_token_value(am_repeat_tokens, attr_of(r, el, "repeat"), REPEAT_NONE);
	ac->start = ac->end = -1;
	read_when(r, w, el, ac);
	read_repeat_rest(r, el, ac);
	xmlNodePtr t = child(el, "time");
	if (t) {
		const char *s = attr_of(r, t, "start"), *e = attr_of(r, t, "end");
		ac->start = parse_time(s);
		ac->end = parse_time(e);
		if (ac->end >= 0 && ac->end <= ac->start)
			error_at(r, line_of(t), "<time>: end=\"%s\" er ikke efter start=\"%s\"; skriv et senere klokkeslæt", e, s);
	}
}

static void read_wheel(rm *r, xmlNodePtr sec)
{
	am_wheel *w = &r->wp->wheel;
	w->start_month = 1;
	if (!sec)
		return;
	w->line = line_of(sec);
	w->year = (int)parse_long(attr_of(r, sec, "year"), 0);
	w->start_month = (int)parse_long(attr_of(r, sec, "start-month"), 1);
	w->rhythm = parse_bool(attr_of(r, sec, "rhythm"));
	read_rings(r, sec, w);
	w->n_activities = count_children(sec, "activity");
	w->activities = alloc_array(r, w->n_activities, sizeof *w->activities);
	size_t i = 0;
	for (xmlNodePtr el = child(sec, "activity"); el && w->activities; el = next_child(sec, el, "activity"), i++)
		read_activity(r, w, el, &w->activities[i]);
}

/* ---- the workplace ------------------------------------------------------ */

/* The logo's path as written: relative to the workplace file's folder,
 * and read (by a layout that shows it) only beneath it (safe_path.h); a
 * path that could not be is refused here already. */
static const char *logo_path(rm *r, xmlNodePtr root, int *line)
{
	xmlNodePtr el = child(root, "logo");
	const char *logo = el ? text_of(r, el) : NULL;
	const char *why = logo ? safe_path_problem(logo) : NULL;
	*line = el ? line_of(el) : 0;
	if (why)
		error_at(r, *line, "<logo>: '%s' er %s", logo, why);
	return logo;
}

static void read_head(rm *r, xmlNodePtr root)
{
	am_workplace *wp = r->wp;
	wp->line = line_of(root);
	wp->version = (int)parse_long(attr_of(r, root, "version"), 1);
	wp->lang = attr_of(r, root, "lang");
	wp->name = child_text(r, root, "name");
	wp->address = child_text(r, root, "address");
	wp->cvr = child_text(r, root, "cvr");
	wp->headcount = (int)parse_long(child_text(r, root, "headcount"), 0);
	wp->branch = child_text(r, root, "branch");
	wp->logo = logo_path(r, root, &wp->logo_line);
	xmlNodePtr med = child(root, "med-agreement");
	if (med) {
		wp->med_agreement = parse_bool(attr_of(r, med, "applies"));
		wp->med_note = text_of(r, med);
	}
	if (!wp->name)
		error_at(r, wp->line, "<name>: arbejdspladsens navn er tomt; skriv navnet");
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
	read_people(&r, child(root, "people"));
	read_amo(&r, child(root, "amo"));
	read_committees(&r, child(root, "committees"));
	read_meeting(&r, child(root, "meeting"));
	read_first_discussion(&r, child(root, "first-discussion"), child(root, "last-year-goals"));
	read_last_goals(&r, child(root, "last-year-goals"));
	read_cooperation_eval(&r, child(root, "cooperation-evaluation"));
	read_competence_done(&r, child(root, "competence-follow-up"));
	read_apv(&r, child(root, "apv"));
	read_focus(&r, child(root, "focus-areas"));
	read_goals(&r, child(root, "goals"));
	read_actions(&r, child(root, "action-plan"));
	read_cooperation(&r, child(root, "cooperation"));
	read_competence(&r, child(root, "competence-plan"));
	read_accidents(&r, child(root, "accidents"));
	read_announcements(&r, child(root, "announcements"));
	read_agenda(&r, child(root, "agenda"));
	read_follow_up(&r, child(root, "follow-up"));
	read_wheel(&r, child(root, "wheel"));
	if (r.oom)
		return diag_oom(d, file);
	*out = r.wp;
	return AM_OK;
}
