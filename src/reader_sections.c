/* reader_sections.c: the sections of the discussion in the workplace
 * file: last year's goals and their follow-up, the meeting, the agenda,
 * focus areas, goals, the handleplan, APV, competence plans, accidents and
 * announcements. See reader_model_int.h. */
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

/* ---- sections ----------------------------------------------------------- */

void rm_read_meeting(rm *r, xmlNodePtr el)
{
	am_meeting *m = &r->wp->meeting;
	m->start = m->end = -1;
	if (!el)
		return;
	m->line = line_of(el);
	rm_read_fields(r, el, m, am_meeting_fields);
	xmlNodePtr c = rm_child(el, "chair"), t = rm_child(el, "minute-taker");
	m->chair = c ? rm_person_ref(r, c) : NULL;
	m->minute_taker = t ? rm_person_ref(r, t) : NULL;
	m->year = (int)rm_parse_long(rm_child_text(r, el, "covers-year"), 0);
	xmlNodePtr cm = rm_child(el, "committee");
	m->committee = cm ? rm_committee_ref(r, cm) : NULL;
	if (m->start >= 0 && m->end >= 0 && m->end <= m->start)
		rm_error_at(r, line_of(rm_child(el, "end")), "<end>: %s er ikke efter starten %s; skriv et senere klokkeslæt",
		         rm_child_text(r, el, "end"), rm_child_text(r, el, "start"));
}

void rm_read_last_goals(rm *r, xmlNodePtr sec)
{
	am_workplace *wp = r->wp;
	wp->last_goals = rm_read_records(r, sec, "goal", sizeof *wp->last_goals, am_last_goal_fields, NULL,
	                                 &wp->n_last_goals);
}

/* <first-discussion>: no last year; then last year's goals cannot be there. */
void rm_read_first_discussion(rm *r, xmlNodePtr el, xmlNodePtr last_goals)
{
	am_workplace *wp = r->wp;
	if (!el)
		return;
	wp->first_discussion = true;
	wp->first_line = line_of(el);
	wp->first_note = rm_text_of(r, el);
	if (last_goals)
		rm_error_at(r, line_of(last_goals), "<last-year-goals>: filen siger <first-discussion> på linje %d, så "
		         "der er ingen mål fra sidste år; skriv kun det ene af de to", wp->first_line);
}

/* A section that is one record, rec, of table f, which begins with its
 * line: 0, as when it is absent, when every text field is left empty. */
static void read_section(rm *r, xmlNodePtr el, void *rec, const am_field *f)
{
	if (!el)
		return;
	rm_read_fields(r, el, rec, f);
	*(int *)rec = am_fields_empty(rec, f) ? 0 : line_of(el);
}

void rm_read_cooperation_eval(rm *r, xmlNodePtr el)
{
	read_section(r, el, &r->wp->cooperation_eval, am_cooperation_eval_fields);
}

static void read_done_who(rm *r, xmlNodePtr el, void *rec)
{
	am_competence_done *c = rec;
	c->person = rm_person_ref(r, el);
	c->who = rm_child_text(r, el, "who");
	if (!c->who && c->person)
		c->who = c->person->name;
}

void rm_read_competence_done(rm *r, xmlNodePtr sec)
{
	am_workplace *wp = r->wp;
	wp->competence_done = rm_read_records(r, sec, "item", sizeof *wp->competence_done,
	                                      am_competence_done_fields, read_done_who, &wp->n_competence_done);
}

void rm_read_apv(rm *r, xmlNodePtr sec)
{
	am_workplace *wp = r->wp;
	if (!sec)
		return;
	wp->apv_date = rm_date_of(r, rm_child(sec, "last-date"));
	wp->apv_items = rm_read_records(r, sec, "item", sizeof *wp->apv_items, am_apv_item_fields, NULL,
	                                &wp->n_apv_items);
}

void rm_read_focus(rm *r, xmlNodePtr sec)
{
	am_workplace *wp = r->wp;
	wp->focus = rm_read_records(r, sec, "area", sizeof *wp->focus, am_focus_area_fields, NULL, &wp->n_focus);
	rm_unique_ids(r, "area", wp->focus, wp->n_focus, sizeof *wp->focus, offsetof(am_focus_area, id),
	           offsetof(am_focus_area, line));
}

void rm_read_goals(rm *r, xmlNodePtr sec)
{
	am_workplace *wp = r->wp;
	wp->goals = rm_read_records(r, sec, "goal", sizeof *wp->goals, am_goal_fields, NULL, &wp->n_goals);
}

void rm_read_actions(rm *r, xmlNodePtr sec)
{
	am_workplace *wp = r->wp;
	wp->actions = rm_read_records(r, sec, "action", sizeof *wp->actions, am_action_fields, NULL,
	                              &wp->n_actions);
}

void rm_read_cooperation(rm *r, xmlNodePtr el)
{
	read_section(r, el, &r->wp->cooperation, am_cooperation_fields);
}

/* A member's plan: the person (once in the plan), no-need and the items. */
static void read_plan(rm *r, xmlNodePtr el, void *rec)
{
	am_competence_member *m = rec;
	m->person = rm_person_ref(r, el);
	xmlNodePtr none = rm_child(el, "no-need");
	if (none) {
		m->no_need = true;
		m->no_need_note = rm_text_of(r, none);
	}
	m->items = rm_read_records(r, el, "item", sizeof *m->items, am_competence_item_fields, NULL, &m->n_items);
	for (const am_competence_member *o = r->records; o < m && m->person; o++)
		if (o->person == m->person) {
			rm_error_at(r, m->line, "<member ref=\"%s\">: medlemmet har allerede en plan på "
			         "linje %d; skriv hvert medlem én gang", m->person->id, o->line);
			break;
		}
}

void rm_read_competence(rm *r, xmlNodePtr sec)
{
	am_competence *c = &r->wp->competence;
	if (!sec)
		return;
	c->line = line_of(sec);
	xmlNodePtr k = rm_child(sec, "knowledge");
	if (k) {
		c->knowledge_present = parse_bool(rm_attr_of(r, k, "present")) ? TRI_YES : TRI_NO;
		c->knowledge_note = rm_text_of(r, k);
	}
	xmlNodePtr t = rm_child(sec, "supplementary-training");
	if (t) {
		c->training = (am_training_handled)am_token_value(am_training_tokens, rm_attr_of(r, t, "handled"), TRAINING_UNSET);
		c->training_note = rm_text_of(r, t);
		c->training_line = line_of(t);
	}
	c->members = rm_read_records(r, sec, "member", sizeof *c->members, am_competence_member_fields, read_plan,
	                             &c->n_members);
}

void rm_read_accidents(rm *r, xmlNodePtr sec)
{
	am_accidents *ac = &r->wp->accidents;
	ac->accidents = ac->poisonings = ac->health_damage = ac->near_misses = ac->absence_days = -1;
	if (!sec)
		return;
	ac->line = line_of(sec);
	rm_read_fields(r, sec, ac, am_accidents_fields);
	ac->incidents = rm_read_records(r, sec, "incident", sizeof *ac->incidents, am_incident_fields, NULL,
	                                &ac->n_incidents);
}

void rm_read_announcements(rm *r, xmlNodePtr sec)
{
	am_workplace *wp = r->wp;
	wp->n_announcements = rm_count_children(sec, "announcement");
	wp->announcements = rm_alloc_array(r, wp->n_announcements, sizeof *wp->announcements);
	size_t i = 0;
	for (xmlNodePtr el = rm_child(sec, "announcement"); el && wp->announcements;
	     el = rm_next_child(sec, el, "announcement"), i++)
		wp->announcements[i] = rm_text_of(r, el);
}

static void read_point_number(rm *r, xmlNodePtr el, void *rec)
{
	am_agenda_point *p = rec;
	p->number = (int)rm_parse_long(rm_attr_of(r, el, "n"), 0);
}

void rm_read_agenda(rm *r, xmlNodePtr sec)
{
	am_workplace *wp = r->wp;
	int seen[12] = {0};
	wp->agenda = rm_read_records(r, sec, "point", sizeof *wp->agenda, am_agenda_point_fields, read_point_number,
	                             &wp->n_agenda);
	for (size_t i = 0; wp->agenda && i < wp->n_agenda; i++) {
		const am_agenda_point *p = &wp->agenda[i];
		if (p->number < 1 || p->number > 11)
			continue;
		if (seen[p->number])
			rm_error_at(r, p->line, "<point n=\"%d\">: punktet står allerede på linje %d; "
			         "hvert punkt må kun stå én gang",
			         p->number, seen[p->number]);
		else
			seen[p->number] = p->line;
	}
}

void rm_read_follow_up(rm *r, xmlNodePtr el)
{
	am_follow_up *f = &r->wp->follow_up;
	if (!el)
		return;
	xmlNodePtr who = rm_child(el, "responsible");
	f->responsible = who ? rm_person_ref(r, who) : NULL;
	rm_read_fields(r, el, f, am_follow_up_fields);
	bool empty = !f->responsible && am_fields_empty(f, am_follow_up_fields);
	f->line = empty ? 0 : line_of(el);   /* every field left empty: read as not there */
}

