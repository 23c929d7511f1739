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
	m->date = rm_date_of(r, rm_child(el, "date"));
	m->start = rm_parse_time(rm_child_text(r, el, "start"));
	m->end = rm_parse_time(rm_child_text(r, el, "end"));
	m->place = rm_child_text(r, el, "place");
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
	wp->n_last_goals = rm_count_children(sec, "goal");
	wp->last_goals = rm_alloc_array(r, wp->n_last_goals, sizeof *wp->last_goals);
	size_t i = 0;
	for (xmlNodePtr el = rm_child(sec, "goal"); el && wp->last_goals; el = rm_next_child(sec, el, "goal"), i++) {
		am_last_goal *g = &wp->last_goals[i];
		g->line = line_of(el);
		g->title = rm_child_text(r, el, "title");
		g->comment = rm_child_text(r, el, "comment");
		g->status = (am_goal_status)am_token_value(am_goal_status_tokens, rm_attr_of(r, el, "status"), GOAL_UNSET);
		g->carried_over = rm_parse_tristate(rm_attr_of(r, el, "carried-over"));
	}
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

void rm_read_cooperation_eval(rm *r, xmlNodePtr el)
{
	am_cooperation_eval *c = &r->wp->cooperation_eval;
	if (!el)
		return;
	c->line = line_of(el);
	c->summary = rm_child_text(r, el, "summary");
	c->time = rm_child_text(r, el, "time");
	c->money = rm_child_text(r, el, "money");
	c->problems = rm_child_text(r, el, "problems");
	c->effectiveness = rm_child_text(r, el, "effectiveness");
	if (!c->summary && !c->time && !c->money && !c->problems && !c->effectiveness)
		c->line = 0;   /* every field left empty: read as not there */
}

void rm_read_competence_done(rm *r, xmlNodePtr sec)
{
	am_workplace *wp = r->wp;
	wp->n_competence_done = rm_count_children(sec, "item");
	wp->competence_done = rm_alloc_array(r, wp->n_competence_done, sizeof *wp->competence_done);
	size_t i = 0;
	for (xmlNodePtr el = rm_child(sec, "item"); el && wp->competence_done; el = rm_next_child(sec, el, "item"), i++) {
		am_competence_done *c = &wp->competence_done[i];
		c->line = line_of(el);
		c->topic = rm_child_text(r, el, "topic");
		c->comment = rm_child_text(r, el, "comment");
		c->person = rm_person_ref(r, el);
		c->who = rm_child_text(r, el, "who");
		if (!c->who && c->person)
			c->who = c->person->name;
		c->status = (am_done_status)am_token_value(am_done_tokens, rm_attr_of(r, el, "status"), DONE_UNSET);
		c->planned_hours = rm_parse_hours(rm_attr_of(r, el, "planned-hours"));
		c->hours = rm_parse_hours(rm_attr_of(r, el, "hours"));
	}
}

void rm_read_apv(rm *r, xmlNodePtr sec)
{
	am_workplace *wp = r->wp;
	if (!sec)
		return;
	wp->apv_date = rm_date_of(r, rm_child(sec, "last-date"));
	wp->n_apv_items = rm_count_children(sec, "item");
	wp->apv_items = rm_alloc_array(r, wp->n_apv_items, sizeof *wp->apv_items);
	size_t i = 0;
	for (xmlNodePtr el = rm_child(sec, "item"); el && wp->apv_items; el = rm_next_child(sec, el, "item"), i++) {
		am_apv_item *it = &wp->apv_items[i];
		it->line = line_of(el);
		it->problem = rm_child_text(r, el, "problem");
		it->action = rm_child_text(r, el, "action");
		it->owner = rm_child_text(r, el, "owner");
		it->deadline = rm_date_of(r, rm_child(el, "deadline"));
		it->status = (am_item_status)am_token_value(am_item_status_tokens, rm_attr_of(r, el, "status"), ITEM_UNSET);
		it->group = rm_group_attr(r, el);
	}
}

void rm_read_focus(rm *r, xmlNodePtr sec)
{
	am_workplace *wp = r->wp;
	wp->n_focus = rm_count_children(sec, "area");
	wp->focus = rm_alloc_array(r, wp->n_focus, sizeof *wp->focus);
	size_t i = 0;
	for (xmlNodePtr el = rm_child(sec, "area"); el && wp->focus; el = rm_next_child(sec, el, "area"), i++) {
		wp->focus[i].line = line_of(el);
		wp->focus[i].id = rm_attr_of(r, el, "id");
		wp->focus[i].title = rm_child_text(r, el, "title");
		wp->focus[i].description = rm_child_text(r, el, "description");
	}
	rm_unique_ids(r, "area", wp->focus, wp->n_focus, sizeof *wp->focus, offsetof(am_focus_area, id),
	           offsetof(am_focus_area, line));
}

void rm_read_goals(rm *r, xmlNodePtr sec)
{
	am_workplace *wp = r->wp;
	wp->n_goals = rm_count_children(sec, "goal");
	wp->goals = rm_alloc_array(r, wp->n_goals, sizeof *wp->goals);
	size_t i = 0;
	for (xmlNodePtr el = rm_child(sec, "goal"); el && wp->goals; el = rm_next_child(sec, el, "goal"), i++) {
		am_goal *g = &wp->goals[i];
		g->line = line_of(el);
		g->title = rm_child_text(r, el, "title");
		g->success = rm_child_text(r, el, "success");
		g->conditions = rm_child_text(r, el, "conditions");
		g->owner = rm_child_text(r, el, "owner");
		g->deadline = rm_date_of(r, rm_child(el, "deadline"));
		g->focus = rm_focus_attr(r, el);
		g->group = rm_group_attr(r, el);
	}
}

void rm_read_actions(rm *r, xmlNodePtr sec)
{
	am_workplace *wp = r->wp;
	wp->n_actions = rm_count_children(sec, "action");
	wp->actions = rm_alloc_array(r, wp->n_actions, sizeof *wp->actions);
	size_t i = 0;
	for (xmlNodePtr el = rm_child(sec, "action"); el && wp->actions; el = rm_next_child(sec, el, "action"), i++) {
		am_action *ac = &wp->actions[i];
		ac->line = line_of(el);
		ac->what = rm_child_text(r, el, "what");
		ac->why = rm_child_text(r, el, "why");
		ac->how = rm_child_text(r, el, "how");
		ac->when = rm_child_text(r, el, "when");
		ac->who = rm_child_text(r, el, "who");
		ac->follow_up = rm_child_text(r, el, "follow-up");
		ac->status = (am_item_status)am_token_value(am_item_status_tokens, rm_attr_of(r, el, "status"), ITEM_UNSET);
		ac->focus = rm_focus_attr(r, el);
		ac->group = rm_group_attr(r, el);
	}
}

void rm_read_cooperation(rm *r, xmlNodePtr el)
{
	am_cooperation *c = &r->wp->cooperation;
	if (!el)
		return;
	c->line = line_of(el);
	c->frequency = rm_child_text(r, el, "frequency");
	c->participants = rm_child_text(r, el, "participants");
	c->convenes = rm_child_text(r, el, "convenes");
	c->acute = rm_child_text(r, el, "acute");
	c->accidents = rm_child_text(r, el, "accidents");
	c->information = rm_child_text(r, el, "information");
	if (!c->frequency && !c->participants && !c->convenes && !c->acute && !c->accidents && !c->information)
		c->line = 0;   /* every field left empty: read as not there */
}

static void read_competence_member(rm *r, xmlNodePtr el, am_competence_member *m)
{
	m->line = line_of(el);
	m->person = rm_person_ref(r, el);
	xmlNodePtr none = rm_child(el, "no-need");
	if (none) {
		m->no_need = true;
		m->no_need_note = rm_text_of(r, none);
	}
	m->n_items = rm_count_children(el, "item");
	m->items = rm_alloc_array(r, m->n_items, sizeof *m->items);
	size_t i = 0;
	for (xmlNodePtr it = rm_child(el, "item"); it && m->items; it = rm_next_child(el, it, "item"), i++) {
		am_competence_item *ci = &m->items[i];
		ci->line = line_of(it);
		ci->topic = rm_child_text(r, it, "topic");
		ci->when = rm_child_text(r, it, "when");
		const char *h = rm_child_text(r, it, "hours");
		ci->hours = h ? strtod(h, NULL) : 0;
		ci->form = (am_competence_form)am_token_value(am_form_tokens, rm_attr_of(r, it, "form"), FORM_TRAINING);
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
	c->n_members = rm_count_children(sec, "member");
	c->members = rm_alloc_array(r, c->n_members, sizeof *c->members);
	size_t i = 0;
	for (xmlNodePtr el = rm_child(sec, "member"); el && c->members; el = rm_next_child(sec, el, "member"), i++) {
		read_competence_member(r, el, &c->members[i]);
		for (size_t j = 0; j < i && c->members[i].person; j++)
			if (c->members[j].person == c->members[i].person) {
				rm_error_at(r, c->members[i].line, "<member ref=\"%s\">: medlemmet har allerede en plan på "
				         "linje %d; skriv hvert medlem én gang", c->members[i].person->id, c->members[j].line);
				break;
			}
	}
}

void rm_read_accidents(rm *r, xmlNodePtr sec)
{
	am_accidents *ac = &r->wp->accidents;
	ac->accidents = ac->poisonings = ac->health_damage = ac->near_misses = ac->absence_days = -1;
	if (!sec)
		return;
	ac->line = line_of(sec);
	ac->year = (int)rm_parse_long(rm_attr_of(r, sec, "year"), 0);
	ac->accidents = (int)rm_parse_long(rm_attr_of(r, sec, "accidents"), -1);
	ac->poisonings = (int)rm_parse_long(rm_attr_of(r, sec, "poisonings"), -1);
	ac->health_damage = (int)rm_parse_long(rm_attr_of(r, sec, "health-damage"), -1);
	ac->near_misses = (int)rm_parse_long(rm_attr_of(r, sec, "near-misses"), -1);
	ac->absence_days = (int)rm_parse_long(rm_attr_of(r, sec, "absence-days"), -1);
	ac->summary = rm_child_text(r, sec, "summary");
	ac->n_incidents = rm_count_children(sec, "incident");
	ac->incidents = rm_alloc_array(r, ac->n_incidents, sizeof *ac->incidents);
	size_t i = 0;
	for (xmlNodePtr el = rm_child(sec, "incident"); el && ac->incidents; el = rm_next_child(sec, el, "incident"), i++) {
		am_incident *in = &ac->incidents[i];
		in->line = line_of(el);
		in->kind = (am_incident_kind)am_token_value(am_incident_tokens, rm_attr_of(r, el, "kind"), INCIDENT_ACCIDENT);
		rm_parse_date(r, "incident date=\"…\"", rm_attr_of(r, el, "date"), in->line, &in->date);
		in->absence_days = (int)rm_parse_long(rm_attr_of(r, el, "absence-days"), -1);
		in->description = rm_child_text(r, el, "description");
		in->follow_up = rm_child_text(r, el, "follow-up");
	}
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

void rm_read_agenda(rm *r, xmlNodePtr sec)
{
	am_workplace *wp = r->wp;
	int seen[12] = {0};
	wp->n_agenda = rm_count_children(sec, "point");
	wp->agenda = rm_alloc_array(r, wp->n_agenda, sizeof *wp->agenda);
	size_t i = 0;
	for (xmlNodePtr el = rm_child(sec, "point"); el && wp->agenda; el = rm_next_child(sec, el, "point"), i++) {
		am_agenda_point *p = &wp->agenda[i];
		p->line = line_of(el);
		p->number = (int)rm_parse_long(rm_attr_of(r, el, "n"), 0);
		p->start = rm_parse_time(rm_attr_of(r, el, "start"));
		p->minutes = (int)rm_parse_long(rm_attr_of(r, el, "minutes"), 0);
		p->notes = rm_child_text(r, el, "notes");
		p->decision = rm_child_text(r, el, "decision");
		if (p->number >= 1 && p->number <= 11) {
			if (seen[p->number])
				rm_error_at(r, p->line, "<point n=\"%d\">: punktet står allerede på linje %d; "
				         "hvert punkt må kun stå én gang",
				         p->number, seen[p->number]);
			else
				seen[p->number] = p->line;
		}
	}
}

void rm_read_follow_up(rm *r, xmlNodePtr el)
{
	am_follow_up *f = &r->wp->follow_up;
	if (!el)
		return;
	f->line = line_of(el);
	xmlNodePtr who = rm_child(el, "responsible");
	f->responsible = who ? rm_person_ref(r, who) : NULL;
	f->how = rm_child_text(r, el, "how");
	f->where = rm_child_text(r, el, "where");
	f->inform_management = rm_child_text(r, el, "inform-management");
	f->inform_employees = rm_child_text(r, el, "inform-employees");
	f->goal_evaluation = rm_child_text(r, el, "goal-evaluation");
	if (!f->responsible && !f->how && !f->where && !f->inform_management && !f->inform_employees &&
	    !f->goal_evaluation)
		f->line = 0;   /* every field left empty: read as not there */
}

