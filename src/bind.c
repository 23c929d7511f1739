/* bind.c: the workplace model → the layouts' data tree; see bind.h.
 *
 * One function per XML section, each mirroring the schema's names, so a
 * layout author who reads schema/workplace.xsd knows every path. Absent
 * values make no node (a field of an absent node prints blank). Every node
 * keeps the source line of its element. */
#include "bind.h"
#include "diag.h"
#include "rules.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

typedef struct binder {
	arena *a;
	bool oom;
	const am_workplace *wp;   /* the one being bound (for role labels) */
} binder;

/* A node, or NULL (and oom set) when out of memory or parent is NULL
 * because an earlier allocation failed. */
static dnode *node(binder *b, dnode *parent, const char *name, const char *text, int line)
{
	if (b->oom)
		return NULL;
	dnode *n = data_add(b->a, parent, name, text, line);
	if (!n)
		b->oom = true;
	return n;
}

/* A leaf when text is present. */
static void leaf(binder *b, dnode *parent, const char *name, const char *text, int line)
{
	if (text && parent)
		node(b, parent, name, text, line);
}

static const char *fmt_int(binder *b, int v)
{
	const char *s = arena_printf(b->a, "%d", v);
	if (!s)
		b->oom = true;
	return s;
}

static void leaf_int(binder *b, dnode *parent, const char *name, int v, int line)
{
	if (parent)
		leaf(b, parent, name, fmt_int(b, v), line);
}

static void leaf_date(binder *b, dnode *parent, const char *name, am_date d, int line)
{
	if (!d.y || !parent)
		return;
	const char *s = arena_printf(b->a, "%04d-%02d-%02d", d.y, d.m, d.d);
	if (!s)
		b->oom = true;
	leaf(b, parent, name, s, line);
}

static void leaf_time(binder *b, dnode *parent, const char *name, am_time t, int line)
{
	if (t < 0 || !parent)
		return;
	const char *s = arena_printf(b->a, "%02d:%02d", t / 60, t % 60);
	if (!s)
		b->oom = true;
	leaf(b, parent, name, s, line);
}

static void leaf_bool(binder *b, dnode *parent, const char *name, bool v, int line)
{
	leaf(b, parent, name, v ? "true" : "false", line);
}

static void leaf_tristate(binder *b, dnode *parent, const char *name, am_tristate v, int line)
{
	if (v != TRI_UNSET)
		leaf_bool(b, parent, name, v == TRI_YES, line);
}

/* A count when given (-1: not given, no node). */
static void leaf_count(binder *b, dnode *parent, const char *name, int v, int line)
{
	if (v >= 0)
		leaf_int(b, parent, name, v, line);
}

/* Hours with the Danish decimal comma ("7,5"). Negative: not given. */
static void leaf_hours(binder *b, dnode *parent, const char *name, double v, int line)
{
	if (v < 0 || !parent)
		return;
	char *h = arena_printf(b->a, "%g", v);
	char *dot = h ? strchr(h, '.') : NULL;
	if (dot)
		*dot = ',';
	if (!h)
		b->oom = true;
	leaf(b, parent, name, h, line);
}

/* ---- sections ----------------------------------------------------------- */

/* The token the layouts print a person's role by (map "roles"): the role,
 * except that a leader where there is no AMO (1-9 employees) is just a
 * leader ("leader-no-amo"). */
static const char *role_label(const am_person *p, const am_workplace *wp)
{
	if (p->role == ROLE_LEADER && rules_band_of(wp->headcount, wp->med_agreement) == BAND_SMALL)
		return "leader-no-amo";
	return am_token(am_role_tokens, p->role);
}

static void bind_person(binder *b, dnode *parent, const am_person *p, const am_workplace *wp)
{
	dnode *n = node(b, parent, "person", NULL, p->line);
	leaf(b, n, "id", p->id, p->line);
	leaf(b, n, "role", am_token(am_role_tokens, p->role), p->line);
	leaf(b, n, "role-label", role_label(p, wp), p->line);
	if (p->attendance != ATT_UNKNOWN)
		leaf(b, n, "attendance", p->attendance == ATT_PRESENT ? "present" : "absent", p->line);
	if (p->new_in_amo)
		leaf_bool(b, n, "new-in-amo", true, p->line);
	if (p->deputy)
		leaf_bool(b, n, "deputy", true, p->line);
	if (p->tr)
		leaf_bool(b, n, "tr", true, p->line);
	if (p->lang || wp->lang)
		leaf(b, n, "lang", p->lang ? p->lang : wp->lang, p->line);
	if (p->group) {
		leaf(b, n, "group", p->group->id, p->line);
		leaf(b, n, "group-name", p->group->name, p->line);
	}
	leaf(b, n, "name", p->name, p->line);
	leaf(b, n, "title", p->title, p->line);
}

static void bind_people(binder *b, dnode *root, const am_workplace *wp)
{
	if (!wp->n_people)
		return;
	dnode *n = node(b, root, "people", NULL, wp->people[0].line);
	for (size_t i = 0; i < wp->n_people; i++)
		bind_person(b, n, &wp->people[i], wp);
}

/* An element with a ref attribute: ref, and the person's name and role. */
static dnode *bind_ref(binder *b, dnode *parent, const char *name, const am_person *p, int line)
{
	if (!p || !parent)
		return NULL;
	dnode *n = node(b, parent, name, NULL, line);
	leaf(b, n, "ref", p->id, line);
	leaf(b, n, "name", p->name, line);
	leaf(b, n, "role", am_token(am_role_tokens, p->role), line);
	leaf(b, n, "role-label", role_label(p, b->wp), line);
	if (p->deputy)
		leaf_bool(b, n, "deputy", true, line);
	return n;
}

/* /amo/group: id, name, leader and amr (ref, name, role). */
static void bind_amo(binder *b, dnode *root, const am_workplace *wp)
{
	if (!wp->n_groups)
		return;
	dnode *sec = node(b, root, "amo", NULL, wp->groups[0].line);
	for (size_t i = 0; i < wp->n_groups; i++) {
		const am_group *g = &wp->groups[i];
		dnode *n = node(b, sec, "group", NULL, g->line);
		leaf(b, n, "id", g->id, g->line);
		leaf(b, n, "name", g->name, g->line);
		for (size_t j = 0; j < g->n_leaders; j++)
			bind_ref(b, n, "leader", g->leaders[j], g->line);
		for (size_t j = 0; j < g->n_amrs; j++)
			bind_ref(b, n, "amr", g->amrs[j], g->line);
	}
}

/* A committee: id, name, level, and member (ref, name, role, side, function,
 * tr, attendance). */
static void bind_committee(binder *b, dnode *parent, const am_committee *c)
{
	dnode *n = node(b, parent, "committee", NULL, c->line);
	leaf(b, n, "id", c->id, c->line);
	leaf(b, n, "name", c->name, c->line);
	leaf(b, n, "level", am_token(am_level_tokens, c->level), c->line);
	for (size_t j = 0; j < c->n_members; j++) {
		const am_committee_member *m = &c->members[j];
		dnode *mn = bind_ref(b, n, "member", m->person, m->line);
		if (!m->person)
			continue;
		bool management = m->person->role == ROLE_EMPLOYER || m->person->role == ROLE_LEADER;
		leaf(b, mn, "side", management ? "management" : "employees", m->line);
		leaf(b, mn, "function", am_token(am_function_tokens, m->function), m->line);
		if (m->person->tr)
			leaf_bool(b, mn, "tr", true, m->line);
		if (m->person->attendance != ATT_UNKNOWN)
			leaf(b, mn, "attendance", m->person->attendance == ATT_PRESENT ? "present" : "absent", m->line);
	}
}

static void bind_committees(binder *b, dnode *root, const am_workplace *wp)
{
	if (!wp->n_committees)
		return;
	dnode *sec = node(b, root, "committees", NULL, wp->committees[0].line);
	for (size_t i = 0; i < wp->n_committees; i++)
		bind_committee(b, sec, &wp->committees[i]);
}

static void bind_meeting(binder *b, dnode *root, const am_meeting *m)
{
	if (!m->line)
		return;
	dnode *n = node(b, root, "meeting", NULL, m->line);
	leaf_date(b, n, "date", m->date, m->line);
	leaf_time(b, n, "start", m->start, m->line);
	leaf_time(b, n, "end", m->end, m->line);
	leaf(b, n, "place", m->place, m->line);
	bind_ref(b, n, "chair", m->chair, m->line);
	bind_ref(b, n, "minute-taker", m->minute_taker, m->line);
	if (m->year)
		leaf_int(b, n, "covers-year", m->year, m->line);
	if (m->committee && n) {
		dnode *c = node(b, n, "committee", NULL, m->line);
		leaf(b, c, "ref", m->committee->id, m->line);
		leaf(b, c, "name", m->committee->name, m->line);
	}
}

static void bind_first_discussion(binder *b, dnode *root, const am_workplace *wp)
{
	if (wp->first_discussion)
		leaf(b, root, "first-discussion", wp->first_note ? wp->first_note : "true", wp->first_line);
}

static void bind_last_goals(binder *b, dnode *root, const am_workplace *wp)
{
	if (!wp->n_last_goals)
		return;
	dnode *sec = node(b, root, "last-year-goals", NULL, wp->last_goals[0].line);
	for (size_t i = 0; i < wp->n_last_goals; i++) {
		const am_last_goal *g = &wp->last_goals[i];
		dnode *n = node(b, sec, "goal", NULL, g->line);
		leaf(b, n, "status", am_token(am_goal_status_tokens, g->status), g->line);
		leaf_tristate(b, n, "carried-over", g->carried_over, g->line);
		leaf(b, n, "title", g->title, g->line);
		leaf(b, n, "comment", g->comment, g->line);
	}
}

static void bind_cooperation_eval(binder *b, dnode *root, const am_cooperation_eval *c)
{
	if (!c->line)
		return;
	dnode *n = node(b, root, "cooperation-evaluation", NULL, c->line);
	leaf(b, n, "summary", c->summary, c->line);
	leaf(b, n, "time", c->time, c->line);
	leaf(b, n, "money", c->money, c->line);
	leaf(b, n, "problems", c->problems, c->line);
	leaf(b, n, "effectiveness", c->effectiveness, c->line);
}

static void bind_competence_done(binder *b, dnode *root, const am_workplace *wp)
{
	if (!wp->n_competence_done)
		return;
	dnode *sec = node(b, root, "competence-follow-up", NULL, wp->competence_done[0].line);
	for (size_t i = 0; i < wp->n_competence_done; i++) {
		const am_competence_done *c = &wp->competence_done[i];
		dnode *n = node(b, sec, "item", NULL, c->line);
		leaf(b, n, "ref", c->person ? c->person->id : NULL, c->line);
		leaf(b, n, "who", c->who, c->line);
		leaf(b, n, "status", am_token(am_done_tokens, c->status), c->line);
		leaf_hours(b, n, "planned-hours", c->planned_hours, c->line);
		leaf_hours(b, n, "hours", c->hours, c->line);
		leaf(b, n, "topic", c->topic, c->line);
		leaf(b, n, "comment", c->comment, c->line);
	}
}

/* group (id) and group-name of an item that names a group. */
static void bind_group_of(binder *b, dnode *n, const am_group *g, int line)
{
	if (!g)
		return;
	leaf(b, n, "group", g->id, line);
	leaf(b, n, "group-name", g->name, line);
}

static void bind_apv(binder *b, dnode *root, const am_workplace *wp)
{
	if (!wp->apv_date.y && !wp->n_apv_items)
		return;
	int line = wp->n_apv_items ? wp->apv_items[0].line : 0;
	dnode *sec = node(b, root, "apv", NULL, line);
	leaf_date(b, sec, "last-date", wp->apv_date, line);
	for (size_t i = 0; i < wp->n_apv_items; i++) {
		const am_apv_item *it = &wp->apv_items[i];
		dnode *n = node(b, sec, "item", NULL, it->line);
		leaf(b, n, "status", am_token(am_item_status_tokens, it->status), it->line);
		leaf(b, n, "problem", it->problem, it->line);
		leaf(b, n, "action", it->action, it->line);
		leaf(b, n, "owner", it->owner, it->line);
		leaf_date(b, n, "deadline", it->deadline, it->line);
		bind_group_of(b, n, it->group, it->line);
	}
}

static void bind_focus(binder *b, dnode *root, const am_workplace *wp)
{
	if (!wp->n_focus)
		return;
	dnode *sec = node(b, root, "focus-areas", NULL, wp->focus[0].line);
	for (size_t i = 0; i < wp->n_focus; i++) {
		dnode *n = node(b, sec, "area", NULL, wp->focus[i].line);
		leaf(b, n, "id", wp->focus[i].id, wp->focus[i].line);
		leaf(b, n, "title", wp->focus[i].title, wp->focus[i].line);
		leaf(b, n, "description", wp->focus[i].description, wp->focus[i].line);
	}
}

static void bind_goals(binder *b, dnode *root, const am_workplace *wp)
{
	if (!wp->n_goals)
		return;
	dnode *sec = node(b, root, "goals", NULL, wp->goals[0].line);
	for (size_t i = 0; i < wp->n_goals; i++) {
		const am_goal *g = &wp->goals[i];
		dnode *n = node(b, sec, "goal", NULL, g->line);
		leaf(b, n, "title", g->title, g->line);
		leaf(b, n, "success", g->success, g->line);
		leaf(b, n, "conditions", g->conditions, g->line);
		leaf_date(b, n, "deadline", g->deadline, g->line);
		leaf(b, n, "owner", g->owner, g->line);
		if (g->focus) {
			leaf(b, n, "focus", g->focus->id, g->line);
			leaf(b, n, "focus-title", g->focus->title, g->line);
		}
		bind_group_of(b, n, g->group, g->line);
	}
}

static void bind_action(binder *b, dnode *sec, const am_action *ac)
{
	dnode *n = node(b, sec, "action", NULL, ac->line);
	leaf(b, n, "status", am_token(am_item_status_tokens, ac->status), ac->line);
	leaf(b, n, "what", ac->what, ac->line);
	leaf(b, n, "why", ac->why, ac->line);
	leaf(b, n, "how", ac->how, ac->line);
	leaf(b, n, "when", ac->when, ac->line);
	leaf(b, n, "who", ac->who, ac->line);
	leaf(b, n, "follow-up", ac->follow_up, ac->line);
	if (ac->focus) {
		leaf(b, n, "focus", ac->focus->id, ac->line);
		leaf(b, n, "focus-title", ac->focus->title, ac->line);
	}
	bind_group_of(b, n, ac->group, ac->line);
}

static void bind_actions(binder *b, dnode *root, const am_workplace *wp)
{
	if (!wp->n_actions)
		return;
	dnode *sec = node(b, root, "action-plan", NULL, wp->actions[0].line);
	for (size_t i = 0; i < wp->n_actions; i++)
		bind_action(b, sec, &wp->actions[i]);
}

static void bind_cooperation(binder *b, dnode *root, const am_cooperation *c)
{
	if (!c->line)
		return;
	dnode *n = node(b, root, "cooperation", NULL, c->line);
	leaf(b, n, "frequency", c->frequency, c->line);
	leaf(b, n, "participants", c->participants, c->line);
	leaf(b, n, "convenes", c->convenes, c->line);
	leaf(b, n, "acute", c->acute, c->line);
	leaf(b, n, "accidents", c->accidents, c->line);
	leaf(b, n, "information", c->information, c->line);
}

static void bind_competence_member(binder *b, dnode *sec, const am_competence_member *m)
{
	dnode *n = node(b, sec, "member", NULL, m->line);
	if (m->person) {
		leaf(b, n, "ref", m->person->id, m->line);
		leaf(b, n, "name", m->person->name, m->line);
		leaf(b, n, "role", am_token(am_role_tokens, m->person->role), m->line);
		leaf(b, n, "role-label", role_label(m->person, b->wp), m->line);
	}
	if (m->no_need)
		leaf(b, n, "no-need", m->no_need_note ? m->no_need_note : "true", m->line);
	for (size_t i = 0; i < m->n_items; i++) {
		const am_competence_item *it = &m->items[i];
		dnode *in = node(b, n, "item", NULL, it->line);
		leaf(b, in, "form", am_token(am_form_tokens, it->form), it->line);
		leaf(b, in, "topic", it->topic, it->line);
		leaf(b, in, "when", it->when, it->line);
		if (it->hours > 0)
			leaf_hours(b, in, "hours", it->hours, it->line);
	}
}

static void bind_competence(binder *b, dnode *root, const am_competence *c)
{
	if (!c->line)
		return;
	dnode *sec = node(b, root, "competence-plan", NULL, c->line);
	if (c->knowledge_present != TRI_UNSET) {
		dnode *k = node(b, sec, "knowledge", c->knowledge_note, c->line);
		leaf_bool(b, k, "present", c->knowledge_present == TRI_YES, c->line);
	}
	for (size_t i = 0; i < c->n_members; i++)
		bind_competence_member(b, sec, &c->members[i]);
	if (c->training != TRAINING_UNSET && sec) {
		dnode *t = node(b, sec, "supplementary-training", c->training_note, c->training_line);
		leaf(b, t, "handled", am_token(am_training_tokens, c->training), c->training_line);
	}
}

static void bind_accidents(binder *b, dnode *root, const am_accidents *ac)
{
	if (!ac->line)
		return;
	dnode *sec = node(b, root, "accidents", NULL, ac->line);
	leaf_int(b, sec, "year", ac->year, ac->line);
	leaf_count(b, sec, "accidents", ac->accidents, ac->line);
	leaf_count(b, sec, "poisonings", ac->poisonings, ac->line);
	leaf_count(b, sec, "health-damage", ac->health_damage, ac->line);
	leaf_count(b, sec, "near-misses", ac->near_misses, ac->line);
	leaf_count(b, sec, "absence-days", ac->absence_days, ac->line);
	leaf(b, sec, "summary", ac->summary, ac->line);
	for (size_t i = 0; i < ac->n_incidents; i++) {
		const am_incident *in = &ac->incidents[i];
		dnode *n = node(b, sec, "incident", NULL, in->line);
		leaf(b, n, "kind", am_token(am_incident_tokens, in->kind), in->line);
		leaf_date(b, n, "date", in->date, in->line);
		leaf_count(b, n, "absence-days", in->absence_days, in->line);
		leaf(b, n, "description", in->description, in->line);
		leaf(b, n, "follow-up", in->follow_up, in->line);
	}
}

static void bind_announcements(binder *b, dnode *root, const am_workplace *wp)
{
	if (!wp->n_announcements)
		return;
	dnode *sec = node(b, root, "announcements", NULL, wp->line);
	for (size_t i = 0; i < wp->n_announcements; i++)
		leaf(b, sec, "announcement", wp->announcements[i], wp->line);
}

static void bind_follow_up(binder *b, dnode *root, const am_follow_up *f)
{
	if (!f->line)
		return;
	dnode *n = node(b, root, "follow-up", NULL, f->line);
	bind_ref(b, n, "responsible", f->responsible, f->line);
	leaf(b, n, "how", f->how, f->line);
	leaf(b, n, "where", f->where, f->line);
	leaf(b, n, "inform-management", f->inform_management, f->line);
	leaf(b, n, "inform-employees", f->inform_employees, f->line);
	leaf(b, n, "goal-evaluation", f->goal_evaluation, f->line);
}

static void bind_point(binder *b, dnode *parent, int n, const am_agenda_point *p)
{
	dnode *pt = node(b, parent, "point", NULL, p ? p->line : 0);
	leaf_int(b, pt, "n", n, p ? p->line : 0);
	if (!p)
		return;
	leaf_time(b, pt, "start", p->start, p->line);
	if (p->minutes > 0)
		leaf_int(b, pt, "minutes", p->minutes, p->line);
	leaf(b, pt, "notes", p->notes, p->line);
	leaf(b, pt, "decision", p->decision, p->line);
}

static void bind_agenda(binder *b, dnode *root, const am_workplace *wp)
{
	if (!wp->n_agenda)
		return;
	dnode *sec = node(b, root, "agenda", NULL, wp->agenda[0].line);
	for (size_t i = 0; i < wp->n_agenda; i++)
		bind_point(b, sec, wp->agenda[i].number, &wp->agenda[i]);
}

static void bind_activity(binder *b, dnode *sec, const am_activity *ac)
{
	int l = ac->line;
	dnode *n = node(b, sec, "activity", NULL, l);
	leaf(b, n, "ring", ac->ring ? ac->ring->id : NULL, l);
	leaf(b, n, "repeat", am_token(am_repeat_tokens, ac->repeat), l);
	leaf(b, n, "on", ac->on == ON_DAY ? NULL : am_token(am_repeat_on_tokens, ac->on), l);
	if (ac->until.y)
		leaf_date(b, n, "until", ac->until, l);
	if (ac->next_workday)
		leaf_bool(b, n, "move-to-workday", true, l);
	leaf(b, n, "title", ac->title, l);
	leaf(b, n, "responsible", ac->responsible, l);
	switch (ac->when) {
	case WHEN_DATE:
		leaf_date(b, n, "date", ac->from, l);
		break;
	case WHEN_PERIOD: {
		dnode *p = n ? node(b, n, "period", NULL, l) : NULL;
		leaf_date(b, p, "from", ac->from, l);
		leaf_date(b, p, "to", ac->to, l);
		break;
	}
	case WHEN_MONTH:
		leaf_int(b, n, "month", ac->month, l);
		break;
	case WHEN_WEEK:
		leaf_int(b, n, "week", ac->week, l);
		break;
	}
	if (ac->start >= 0 && n) {
		dnode *t = node(b, n, "time", NULL, l);
		leaf_time(b, t, "start", ac->start, l);
		leaf_time(b, t, "end", ac->end, l);
	}
}

static void bind_wheel(binder *b, dnode *root, const am_wheel *w)
{
	if (!w->line)
		return;
	dnode *sec = node(b, root, "wheel", NULL, w->line);
	leaf_int(b, sec, "year", w->year, w->line);
	leaf_int(b, sec, "start-month", w->start_month, w->line);
	leaf_bool(b, sec, "rhythm", w->rhythm, w->line);
	for (size_t i = 0; i < w->n_rings && sec; i++) {
		const am_ring *r = &w->rings[i];
		dnode *n = node(b, sec, "ring", r->name, r->line);
		leaf(b, n, "id", r->id, r->line);
		if (n) {
			const char *col = arena_printf(b->a, "#%06X", r->colour & 0xFFFFFFu);
			if (!col)
				b->oom = true;
			leaf(b, n, "colour", col, r->line);
		}
		leaf(b, n, "name", r->name, r->line);
	}
	for (size_t i = 0; i < w->n_activities; i++)
		bind_activity(b, sec, &w->activities[i]);
}

/* ---- /derived ----------------------------------------------------------- */

static void bind_agenda_points(binder *b, dnode *derived, const am_workplace *wp)
{
	dnode *sec = node(b, derived, "agenda", NULL, 0);
	for (int n = 1; n <= 11 && sec; n++) {
		const am_agenda_point *p = NULL;
		for (size_t i = 0; wp && i < wp->n_agenda && !p; i++)
			if (wp->agenda[i].number == n)
				p = &wp->agenda[i];
		bind_point(b, sec, n, p);
	}
}

/* name/person: the participants whose attendance is att. The node is
 * made only when there is someone (so a layout can test for it). */
static void bind_people_where(binder *b, dnode *derived, const char *name, const rules_result *res,
                              const am_workplace *wp, bool all, am_attendance att)
{
	dnode *sec = NULL;
	for (size_t i = 0; i < res->n_participants; i++) {
		if (!all && res->participants[i]->attendance != att)
			continue;
		if (!sec && !(sec = node(b, derived, name, NULL, 0)))
			return;
		bind_person(b, sec, res->participants[i], wp);
	}
}

/* /derived/others/person: people whose attendance is recorded but whom the
 * rule does not invite (a minute-taker from the staff, an adviser), so the
 * minutes can name everyone who was there. */
static void bind_others(binder *b, dnode *derived, const am_workplace *wp, const rules_result *res)
{
	dnode *sec = NULL;
	for (size_t i = 0; i < wp->n_people; i++) {
		const am_person *p = &wp->people[i];
		if (p->attendance == ATT_UNKNOWN || rules_is_invited(res, p))
			continue;
		if (!sec)
			sec = node(b, derived, "others", NULL, 0);
		bind_person(b, sec, p, wp);
	}
}

/* /derived/committee: the committees holding the discussion (35+, MED). */
static void bind_holding(binder *b, dnode *derived, const rules_result *res)
{
	for (size_t i = 0; i < res->n_committees; i++)
		bind_committee(b, derived, res->committees[i]);
}

/* /derived/actions-complete: "true" when every handleplan row names who,
 * when and the follow-up, so the minutes may say so; absent otherwise. */
static void bind_actions_complete(binder *b, dnode *derived, const am_workplace *wp)
{
	if (!wp->n_actions)
		return;
	for (size_t i = 0; i < wp->n_actions; i++)
		if (!wp->actions[i].who || !wp->actions[i].when || !wp->actions[i].follow_up)
			return;
	leaf_bool(b, derived, "actions-complete", true, 0);
}

/* The year the discussion covers: the meeting's covers-year, else the
 * meeting's date, else the wheel's year; 0 when none is known. */
static int covered_year(const am_workplace *wp)
{
	if (wp->meeting.year)
		return wp->meeting.year;
	if (wp->meeting.date.y)
		return wp->meeting.date.y;
	return wp->wheel.year;
}

/* One gap node for gaps[j] and the ones after it with the same token,
 * their subjects joined ("Lea Leder, Ali Rep"); goals' titles, which are
 * sentences, each in Danish quotes (»Færre løft.«, »Mindre støj.«).
 * Returns the last index. */
static size_t bind_gap(binder *b, dnode *item, const rules_item *it, size_t j)
{
	const rules_gap *g = &it->gaps[j];
	bool titles = strncmp(g->what, "goal-", 5) == 0;
	size_t k = j, len = 0;
	for (; k < it->n_gaps && strcmp(it->gaps[k].what, g->what) == 0 && it->gaps[k].subject; k++)
		len += strlen(it->gaps[k].subject) + 2 + (titles ? 4 : 0);
	if (k == j)
		k = j + 1;   /* a gap without a subject stands alone */
	dnode *n = node(b, item, "gap", NULL, g->line);
	leaf(b, n, "what", g->what, g->line);
	if (g->subject && n) {
		char *joined = arena_alloc(b->a, len + 1);
		if (!joined) {
			b->oom = true;
			return k - 1;
		}
		joined[0] = '\0';
		for (size_t i = j; i < k; i++) {
			if (i > j)
				strcat(joined, ", ");
			strcat(joined, titles ? "\u00bb" : "");
			strcat(joined, it->gaps[i].subject);
			strcat(joined, titles ? "\u00ab" : "");
		}
		leaf(b, n, "subject", joined, g->line);
	}
	return k - 1;
}

/* /derived/compliance/item: each required point and group with its key,
 * answer (yes, no, unknown) and gaps (what: a token, subject); and
 * all-yes. The layouts translate the keys and tokens into words. */
static void bind_compliance(binder *b, dnode *derived, const rules_result *res)
{
	dnode *sec = node(b, derived, "compliance", NULL, 0);
	for (size_t i = 0; i < res->n_items && sec; i++) {
		const rules_item *it = &res->items[i];
		dnode *n = node(b, sec, "item", NULL, it->line);
		leaf(b, n, "key", it->key, it->line);
		leaf(b, n, "answer", rules_answer_name(it->answer), it->line);
		for (size_t j = 0; j < it->n_gaps && n; j++)
			j = bind_gap(b, n, it, j);
	}
	if (sec)
		leaf_bool(b, sec, "all-yes", rules_all_yes(res), 0);
}

static void bind_derived(binder *b, dnode *root, const am_workplace *wp, const am_workplace *previous)
{
	rules_result *res;
	if (rules_evaluate(b->a, wp, previous, &res) != AM_OK) {
		b->oom = true;
		return;
	}
	dnode *d = node(b, root, "derived", NULL, 0);
	if (!d)
		return;
	leaf(b, d, "band", rules_band_name(res->band), 0);
	leaf(b, d, "competence-rule", rules_competence_name(res->competence), 0);
	bind_people_where(b, d, "participants", res, wp, true, ATT_UNKNOWN);
	bind_people_where(b, d, "present", res, wp, false, ATT_PRESENT);
	bind_people_where(b, d, "absent", res, wp, false, ATT_ABSENT);
	bind_people_where(b, d, "unrecorded", res, wp, false, ATT_UNKNOWN);
	bind_others(b, d, wp, res);
	bind_holding(b, d, res);
	bind_actions_complete(b, d, wp);
	bind_agenda_points(b, d, wp);
	bind_compliance(b, d, res);
	int year = covered_year(wp);
	if (year)
		leaf_int(b, d, "year", year, 0);
}

/* /derived/previous-open/action: last year's handleplan rows that are not
 * done, to be followed up this year (same children as action-plan/action).
 * /derived/previous-competence/item: last year's kompetenceudviklingsplan
 * (member name, form, topic, when, hours), to be followed up when this
 * year's file has no <competence-follow-up>. */
static void bind_previous_open(binder *b, dnode *root, const am_workplace *wp, const am_workplace *prev)
{
	dnode *d = NULL;
	for (dnode *c = root->first; c; c = c->next)
		if (strcmp(c->name, "derived") == 0)
			d = c;
	if (d && !wp->n_competence_done && prev->competence.n_members) {
		dnode *sec = node(b, d, "previous-competence", NULL, 0);
		for (size_t i = 0; i < prev->competence.n_members; i++) {
			const am_competence_member *m = &prev->competence.members[i];
			for (size_t j = 0; j < m->n_items; j++) {
				const am_competence_item *it = &m->items[j];
				dnode *n = node(b, sec, "item", NULL, it->line);
				leaf(b, n, "who", m->person ? m->person->name : NULL, it->line);
				leaf(b, n, "form", am_token(am_form_tokens, it->form), it->line);
				leaf(b, n, "topic", it->topic, it->line);
				leaf(b, n, "when", it->when, it->line);
				if (it->hours > 0)
					leaf_hours(b, n, "planned-hours", it->hours, it->line);
			}
		}
	}
	size_t open = 0;
	for (size_t i = 0; i < prev->n_actions; i++)
		open += prev->actions[i].status != ITEM_DONE;
	if (!d || !open)
		return;
	dnode *sec = node(b, d, "previous-open", NULL, 0);
	for (size_t i = 0; i < prev->n_actions; i++)
		if (prev->actions[i].status != ITEM_DONE)
			bind_action(b, sec, &prev->actions[i]);
}

/* ---- the whole ---------------------------------------------------------- */

static void bind_head(binder *b, dnode *root, const am_workplace *wp)
{
	int l = wp->line;
	leaf_int(b, root, "version", wp->version, l);
	leaf(b, root, "name", wp->name, l);
	leaf(b, root, "address", wp->address, l);
	leaf(b, root, "cvr", wp->cvr, l);
	leaf_int(b, root, "headcount", wp->headcount, l);
	/* The model cannot tell an absent <med-agreement> from applies="false",
	 * so applies is always given. */
	dnode *med = node(b, root, "med-agreement", wp->med_note, l);
	leaf_bool(b, med, "applies", wp->med_agreement, l);
	leaf(b, root, "branch", wp->branch, l);
	leaf(b, root, "logo", wp->logo, wp->logo_line ? wp->logo_line : l);
}

/* The whole tree of wp as a node called name under parent (NULL: a root). */
static dnode *bind_tree(binder *b, dnode *parent, const char *name, const am_workplace *wp,
                        const am_workplace *previous)
{
	dnode *r = node(b, parent, name, NULL, wp->line);
	if (!r)
		return NULL;
	const am_workplace *outer = b->wp;
	b->wp = wp;
	bind_head(b, r, wp);
	bind_people(b, r, wp);
	bind_amo(b, r, wp);
	bind_committees(b, r, wp);
	bind_meeting(b, r, &wp->meeting);
	bind_first_discussion(b, r, wp);
	bind_last_goals(b, r, wp);
	bind_cooperation_eval(b, r, &wp->cooperation_eval);
	bind_competence_done(b, r, wp);
	bind_apv(b, r, wp);
	bind_focus(b, r, wp);
	bind_goals(b, r, wp);
	bind_actions(b, r, wp);
	bind_cooperation(b, r, &wp->cooperation);
	bind_competence(b, r, &wp->competence);
	bind_accidents(b, r, &wp->accidents);
	bind_announcements(b, r, wp);
	bind_agenda(b, r, wp);
	bind_follow_up(b, r, &wp->follow_up);
	bind_wheel(b, r, &wp->wheel);
	bind_derived(b, r, wp, previous);
	b->wp = outer;
	return r;
}

int bind_workplace(arena *a, const am_workplace *wp, dnode **root)
{
	return bind_workplace_and_previous(a, wp, NULL, root);
}

int bind_workplace_and_previous(arena *a, const am_workplace *wp, const am_workplace *previous,
                                dnode **root)
{
	binder b = {a, false, NULL};
	*root = NULL;
	dnode *r = bind_tree(&b, NULL, "workplace", wp, previous);
	if (r && previous) {
		bind_tree(&b, r, "previous", previous, NULL);
		bind_previous_open(&b, r, wp, previous);
	}
	if (!r || b.oom)
		return AM_EINTERNAL;
	*root = r;
	return AM_OK;
}

int bind_blank(arena *a, dnode **root)
{
	binder b = {a, false, NULL};
	*root = NULL;
	dnode *r = node(&b, NULL, "workplace", NULL, 0);
	dnode *d = node(&b, r, "derived", NULL, 0);
	bind_agenda_points(&b, d, NULL);
	if (b.oom)
		return AM_EINTERNAL;
	*root = r;
	return AM_OK;
}
