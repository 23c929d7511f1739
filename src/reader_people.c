/* reader_people.c: the people, the AMO's groups and the committees of the
 * workplace file, and the references to them from elsewhere in the file.
 * See reader_model_int.h. */
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

/* ---- people and references --------------------------------------------- */

static int by_id_cmp(const void *x, const void *y)
{
	const am_person *const *p = x, *const *q = y;
	return strcmp((*p)->id, (*q)->id);
}

/* What a person needs beyond the table: the language, the group (resolved
 * with the groups, rm_read_amo), the checks of deputy. */
static void read_person_rest(rm *r, xmlNodePtr el, void *rec)
{
	am_person *p = rec;
	size_t i = (size_t)(p - r->wp->people);
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

void rm_read_people(rm *r, xmlNodePtr people)
{
	am_workplace *wp = r->wp;
	size_t n = rm_count_children(people, "person");
	r->by_id = rm_alloc_array(r, n, sizeof *r->by_id);
	r->person_group = rm_alloc_array(r, n, sizeof *r->person_group);
	if (!r->by_id || !r->person_group)
		return;
	/* read_person_rest finds a person's index in wp->people, so it is set
	 * before the records are read. */
	wp->people = rm_alloc_array(r, n, sizeof *wp->people);
	if (!wp->people)
		return;
	wp->n_people = n;
	rm_fill_records(r, people, "person", wp->people, sizeof *wp->people, am_person_fields, read_person_rest);
	qsort(r->by_id, wp->n_people, sizeof *r->by_id, by_id_cmp);
	for (size_t i = 1; i < wp->n_people; i++)
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
	rm_error_at(r, line_of(el), "%s", msg);
	return NULL;
}



/* A ref to a person who must have one of two roles (want2 may equal want). */
static const am_person *person_ref_with_role(rm *r, xmlNodePtr el, am_role want, am_role want2,
                                             const char *expected)
{
	const am_person *p = rm_person_ref(r, el);
	if (p && p->role != want && p->role != want2)
		rm_error_at(r, line_of(el), "<%s ref=\"%s\">: personen har role=\"%s\"; her skal stå %s",
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
	return group_by_id(r, rm_attr_of(r, el, "group"), (const char *)el->name, line_of(el));
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

static void read_group_refs(rm *r, xmlNodePtr el, void *rec)
{
	am_group *g = rec;
	g->leaders = group_refs(r, el, "leader", ROLE_LEADER, ROLE_EMPLOYER,
	                        "en leder i AMO (role=\"leader\") eller arbejdsgiveren", &g->n_leaders);
	g->amrs = group_refs(r, el, "amr", ROLE_AMR, ROLE_AMR, "en arbejdsmiljørepræsentant (role=\"amr\")",
	                     &g->n_amrs);
}

void rm_read_amo(rm *r, xmlNodePtr sec)
{
	am_workplace *wp = r->wp;
	wp->groups = rm_read_records(r, sec, "group", sizeof *wp->groups, am_group_fields, read_group_refs,
	                             &wp->n_groups);
	rm_unique_ids(r, "group", wp->groups, wp->n_groups, sizeof *wp->groups, offsetof(am_group, id),
	           offsetof(am_group, line));
	/* The people's group attributes, now that the groups exist. */
	for (size_t k = 0; r->person_group && k < wp->n_people; k++)
		wp->people[k].group = group_by_id(r, r->person_group[k], "person", wp->people[k].line);
}

/* A member's person, who may not be an adviser nor be a member twice. */
static void read_member_ref(rm *r, xmlNodePtr el, void *rec)
{
	am_committee_member *cm = rec;
	cm->person = rm_person_ref(r, el);
	if (cm->person && cm->person->role == ROLE_ADVISER)
		rm_error_at(r, cm->line, "<member ref=\"%s\">: en rådgiver er ikke medlem af udvalget; et medlem sidder "
		         "for ledelsen (employer, leader) eller for de ansatte (amr, employee)", cm->person->id);
	for (const am_committee_member *o = r->records; o < cm && cm->person; o++)
		if (o->person == cm->person) {
			rm_error_at(r, cm->line, "<member ref=\"%s\">: personen er allerede medlem på linje %d; "
			         "skriv hvert medlem én gang", cm->person->id, o->line);
			break;
		}
}

static void read_committee_members(rm *r, xmlNodePtr el, void *rec)
{
	am_committee *c = rec;
	c->members = rm_read_records(r, el, "member", sizeof *c->members, am_committee_member_fields,
	                             read_member_ref, &c->n_members);
}

void rm_read_committees(rm *r, xmlNodePtr sec)
{
	am_workplace *wp = r->wp;
	wp->committees = rm_read_records(r, sec, "committee", sizeof *wp->committees, am_committee_fields,
	                                 read_committee_members, &wp->n_committees);
	rm_unique_ids(r, "committee", wp->committees, wp->n_committees, sizeof *wp->committees,
	           offsetof(am_committee, id), offsetof(am_committee, line));
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

