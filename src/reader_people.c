/* reader_people.c: the people, the AMO's groups and the committees of the
 * workplace file (the references to them are reader_nodes.c's). See
 * reader_model_int.h. */
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

/* ---- people --------------------------------------------------------------- */

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
	qsort(r->by_id, wp->n_people, sizeof *r->by_id, rm_by_id_cmp);
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
		wp->people[k].group = rm_group_by_id(r, r->person_group[k], "person", wp->people[k].line);
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
