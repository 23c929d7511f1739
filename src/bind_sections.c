/* bind_sections.c: the sections of the data tree, one binder per part of the
 * workplace (people, the AMO, goals, the handleplan, the årshjul and the
 * rest), and the nodes and leaves they are made of. See bind.h. */
#include "bind_int.h"

#include <stdio.h>
#include <string.h>

#include "diag.h"
#include "rules.h"

/* ---- nodes ---------------------------------------------------------------- */

/* A bind_node, or NULL (and oom set) when out of memory or parent is NULL
 * because an earlier allocation failed. */
dnode *bind_node(binder *b, dnode *parent, const char *name, const char *text, int line)
{
	if (b->oom)
		return NULL;
	dnode *n = data_add(b->a, parent, name, text, line);
	if (!n)
		b->oom = true;
	return n;
}

/* A bind_leaf when text is present. */
void bind_leaf(binder *b, dnode *parent, const char *name, const char *text, int line)
{
	if (text && parent)
		bind_node(b, parent, name, text, line);
}

static const char *fmt_int(binder *b, int v)
{
	const char *s = arena_printf(b->a, "%d", v);
	if (!s)
		b->oom = true;
	return s;
}

void bind_leaf_int(binder *b, dnode *parent, const char *name, int v, int line)
{
	if (parent)
		bind_leaf(b, parent, name, fmt_int(b, v), line);
}

static void leaf_date(binder *b, dnode *parent, const char *name, am_date d, int line)
{
	if (!d.y || !parent)
		return;
	const char *s = arena_printf(b->a, "%04d-%02d-%02d", d.y, d.m, d.d);
	if (!s)
		b->oom = true;
	bind_leaf(b, parent, name, s, line);
}

static void leaf_time(binder *b, dnode *parent, const char *name, am_time t, int line)
{
	if (t < 0 || !parent)
		return;
	const char *s = arena_printf(b->a, "%02d:%02d", t / 60, t % 60);
	if (!s)
		b->oom = true;
	bind_leaf(b, parent, name, s, line);
}

void bind_leaf_bool(binder *b, dnode *parent, const char *name, bool v, int line)
{
	bind_leaf(b, parent, name, v ? "true" : "false", line);
}

static void leaf_tristate(binder *b, dnode *parent, const char *name, am_tristate v, int line)
{
	if (v != TRI_UNSET)
		bind_leaf_bool(b, parent, name, v == TRI_YES, line);
}

/* Hours with the Danish decimal comma ("7,5"). Negative: not given. */
void bind_leaf_hours(binder *b, dnode *parent, const char *name, double v, int line)
{
	if (v < 0 || !parent)
		return;
	char *h = arena_printf(b->a, "%g", v);
	char *dot = h ? strchr(h, '.') : NULL;
	if (dot)
		*dot = ',';
	if (!h)
		b->oom = true;
	bind_leaf(b, parent, name, h, line);
}

/* The leaves of rec's fields (model.h), in the table's order. */
void bind_fields(binder *b, dnode *n, const void *rec, const am_field *f, int line)
{
	for (; f->name; f++) {
		const void *v = (const char *)rec + f->offset;
		switch (f->kind) {
		case AM_TEXT:
		case AM_ATTR: bind_leaf(b, n, f->name, *(const char *const *)v, line); break;
		case AM_DATE:
		case AM_DATE_ATTR: leaf_date(b, n, f->name, *(const am_date *)v, line); break;
		case AM_TIME:
		case AM_TIME_ATTR: leaf_time(b, n, f->name, *(const am_time *)v, line); break;
		case AM_TOKEN: bind_leaf(b, n, f->name, am_token(f->tokens, *(const int *)v), line); break;
		case AM_TOKEN_OPT:
			if (*(const int *)v != f->unset)
				bind_leaf(b, n, f->name, am_token(f->tokens, *(const int *)v), line);
			break;
		case AM_TRISTATE: leaf_tristate(b, n, f->name, *(const am_tristate *)v, line); break;
		case AM_NUMBER:
		case AM_COUNT:
			if (*(const int *)v != f->unset)
				bind_leaf_int(b, n, f->name, *(const int *)v, line);
			break;
		case AM_HOURS: bind_leaf_hours(b, n, f->name, *(const double *)v, line); break;
		case AM_HOURS_TEXT:
			if (*(const double *)v > 0)
				bind_leaf_hours(b, n, f->name, *(const double *)v, line);
			break;
		case AM_FLAG:
			if (*(const bool *)v)
				bind_leaf_bool(b, n, f->name, true, line);
			break;
		case AM_FOCUS: {
			const am_focus_area *fa = *(const am_focus_area *const *)v;
			bind_leaf(b, n, "focus", fa ? fa->id : NULL, line);
			bind_leaf(b, n, "focus-title", fa ? fa->title : NULL, line);
			break;
		}
		case AM_GROUP: {
			const am_group *g = *(const am_group *const *)v;
			bind_leaf(b, n, "group", g ? g->id : NULL, line);
			bind_leaf(b, n, "group-name", g ? g->name : NULL, line);
			break;
		}
		}
	}
}

/* Each of the n records of v (of size bytes, each beginning with its
 * line) as a node `name` under parent: the leaves of table f, then what
 * more(b, node, record) adds, unless more is NULL. */
typedef void (*bind_more_fn)(binder *b, dnode *n, const void *rec);
static void bind_records(binder *b, dnode *parent, const char *name, const void *v, size_t n, size_t size,
                         const am_field *f, bind_more_fn more)
{
	for (size_t i = 0; i < n && parent; i++) {
		const void *rec = (const char *)v + i * size;
		int line = *(const int *)rec;
		dnode *node = bind_node(b, parent, name, NULL, line);
		bind_fields(b, node, rec, f, line);
		if (more && node)
			more(b, node, rec);
	}
}

/* A section `sec` of n records under root (none when n is 0), at the first
 * record's line: bind_records. */
static void bind_list(binder *b, dnode *root, const char *sec, const char *name, const void *v, size_t n,
                      size_t size, const am_field *f, bind_more_fn more)
{
	if (n)
		bind_records(b, bind_node(b, root, sec, NULL, *(const int *)v), name, v, n, size, f, more);
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

/* What a person's node holds beyond the table: the role's label, the
 * language (the workplace's when the person names none), the group. */
static void bind_person_rest(binder *b, dnode *n, const void *rec)
{
	const am_person *p = rec;
	const am_workplace *wp = b->wp;
	bind_leaf(b, n, "role-label", role_label(p, wp), p->line);
	if (p->lang || wp->lang)
		bind_leaf(b, n, "lang", p->lang ? p->lang : wp->lang, p->line);
	if (p->group) {
		bind_leaf(b, n, "group", p->group->id, p->line);
		bind_leaf(b, n, "group-name", p->group->name, p->line);
	}
}

void bind_person(binder *b, dnode *parent, const am_person *p)
{
	bind_records(b, parent, "person", p, 1, sizeof *p, am_person_fields, bind_person_rest);
}

void bind_people(binder *b, dnode *root, const am_workplace *wp)
{
	if (!wp->n_people)
		return;
	dnode *n = bind_node(b, root, "people", NULL, wp->people[0].line);
	b->people = arena_array(b->a, wp->n_people, sizeof *b->people);
	if (!b->people)
		b->oom = true;
	for (size_t i = 0; i < wp->n_people && n && b->people; i++) {
		bind_person(b, n, &wp->people[i]);
		b->people[i] = n->last;
	}
}

/* A person of b->wp once more (under /derived): an alias of the node under
 * /people, whose children it shares; a person from elsewhere is bound
 * anew. */
void bind_person_again(binder *b, dnode *parent, const am_person *p)
{
	const am_workplace *wp = b->wp;
	if (b->oom || !parent)
		return;
	if (b->people && p >= wp->people && p < wp->people + wp->n_people) {
		if (!data_alias(b->a, parent, b->people[p - wp->people]))
			b->oom = true;
		return;
	}
	bind_person(b, parent, p);
}

/* An element with a ref attribute: ref, and the person's name and role. */
static dnode *bind_ref(binder *b, dnode *parent, const char *name, const am_person *p, int line)
{
	if (!p || !parent)
		return NULL;
	dnode *n = bind_node(b, parent, name, NULL, line);
	bind_leaf(b, n, "ref", p->id, line);
	bind_leaf(b, n, "name", p->name, line);
	bind_leaf(b, n, "role", am_token(am_role_tokens, p->role), line);
	bind_leaf(b, n, "role-label", role_label(p, b->wp), line);
	if (p->deputy)
		bind_leaf_bool(b, n, "deputy", true, line);
	return n;
}

static void bind_group_refs(binder *b, dnode *n, const void *rec)
{
	const am_group *g = rec;
	for (size_t j = 0; j < g->n_leaders; j++)
		bind_ref(b, n, "leader", g->leaders[j], g->line);
	for (size_t j = 0; j < g->n_amrs; j++)
		bind_ref(b, n, "amr", g->amrs[j], g->line);
}

/* /amo/group: id, name, leader and amr (ref, name, role). */
void bind_amo(binder *b, dnode *root, const am_workplace *wp)
{
	bind_list(b, root, "amo", "group", wp->groups, wp->n_groups, sizeof *wp->groups, am_group_fields,
	          bind_group_refs);
}

static void bind_members(binder *b, dnode *n, const void *rec)
{
	const am_committee *c = rec;
	for (size_t j = 0; j < c->n_members; j++) {
		const am_committee_member *m = &c->members[j];
		dnode *mn = bind_ref(b, n, "member", m->person, m->line);
		if (!m->person)
			continue;
		bool management = m->person->role == ROLE_EMPLOYER || m->person->role == ROLE_LEADER;
		bind_leaf(b, mn, "side", management ? "management" : "employees", m->line);
		bind_fields(b, mn, m, am_committee_member_fields, m->line);
		if (m->person->tr)
			bind_leaf_bool(b, mn, "tr", true, m->line);
		bind_leaf(b, mn, "attendance", am_token(am_attendance_tokens, m->person->attendance), m->line);
	}
}

/* A committee: id, name, level, and member (ref, name, role, side, function,
 * tr, attendance). */
void bind_committee(binder *b, dnode *parent, const am_committee *c)
{
	bind_records(b, parent, "committee", c, 1, sizeof *c, am_committee_fields, bind_members);
}

void bind_committees(binder *b, dnode *root, const am_workplace *wp)
{
	bind_list(b, root, "committees", "committee", wp->committees, wp->n_committees, sizeof *wp->committees,
	          am_committee_fields, bind_members);
}

void bind_meeting(binder *b, dnode *root, const am_meeting *m)
{
	if (!m->line)
		return;
	dnode *n = bind_node(b, root, "meeting", NULL, m->line);
	bind_fields(b, n, m, am_meeting_fields, m->line);
	bind_ref(b, n, "chair", m->chair, m->line);
	bind_ref(b, n, "minute-taker", m->minute_taker, m->line);
	if (m->year)
		bind_leaf_int(b, n, "covers-year", m->year, m->line);
	if (m->committee && n) {
		dnode *c = bind_node(b, n, "committee", NULL, m->line);
		bind_leaf(b, c, "ref", m->committee->id, m->line);
		bind_leaf(b, c, "name", m->committee->name, m->line);
	}
}

void bind_first_discussion(binder *b, dnode *root, const am_workplace *wp)
{
	if (wp->first_discussion)
		bind_leaf(b, root, "first-discussion", wp->first_note ? wp->first_note : "true", wp->first_line);
}

void bind_last_goals(binder *b, dnode *root, const am_workplace *wp)
{
	bind_list(b, root, "last-year-goals", "goal", wp->last_goals, wp->n_last_goals, sizeof *wp->last_goals,
	          am_last_goal_fields, NULL);
}

void bind_cooperation_eval(binder *b, dnode *root, const am_cooperation_eval *c)
{
	if (c->line)
		bind_fields(b, bind_node(b, root, "cooperation-evaluation", NULL, c->line), c,
		            am_cooperation_eval_fields, c->line);
}

/* ref (the person's id, when in <people>) and who of a followed-up item. */
static void bind_done_who(binder *b, dnode *n, const void *rec)
{
	const am_competence_done *c = rec;
	bind_leaf(b, n, "ref", c->person ? c->person->id : NULL, c->line);
	bind_leaf(b, n, "who", c->who, c->line);
}

void bind_competence_done(binder *b, dnode *root, const am_workplace *wp)
{
	bind_list(b, root, "competence-follow-up", "item", wp->competence_done, wp->n_competence_done,
	          sizeof *wp->competence_done, am_competence_done_fields, bind_done_who);
}

void bind_apv(binder *b, dnode *root, const am_workplace *wp)
{
	if (!wp->apv_date.y && !wp->n_apv_items)
		return;
	int line = wp->n_apv_items ? wp->apv_items[0].line : 0;
	dnode *sec = bind_node(b, root, "apv", NULL, line);
	leaf_date(b, sec, "last-date", wp->apv_date, line);
	bind_records(b, sec, "item", wp->apv_items, wp->n_apv_items, sizeof *wp->apv_items, am_apv_item_fields,
	             NULL);
}

void bind_focus(binder *b, dnode *root, const am_workplace *wp)
{
	bind_list(b, root, "focus-areas", "area", wp->focus, wp->n_focus, sizeof *wp->focus, am_focus_area_fields,
	          NULL);
}

void bind_goals(binder *b, dnode *root, const am_workplace *wp)
{
	bind_list(b, root, "goals", "goal", wp->goals, wp->n_goals, sizeof *wp->goals, am_goal_fields, NULL);
}

void bind_action(binder *b, dnode *sec, const am_action *ac)
{
	bind_records(b, sec, "action", ac, 1, sizeof *ac, am_action_fields, NULL);
}

void bind_actions(binder *b, dnode *root, const am_workplace *wp)
{
	bind_list(b, root, "action-plan", "action", wp->actions, wp->n_actions, sizeof *wp->actions, am_action_fields,
	          NULL);
}

void bind_cooperation(binder *b, dnode *root, const am_cooperation *c)
{
	if (c->line)
		bind_fields(b, bind_node(b, root, "cooperation", NULL, c->line), c, am_cooperation_fields, c->line);
}

/* A member's plan: the person (ref, name, role), no-need, and the items. */
static void bind_plan(binder *b, dnode *n, const void *rec)
{
	const am_competence_member *m = rec;
	if (m->person) {
		bind_leaf(b, n, "ref", m->person->id, m->line);
		bind_leaf(b, n, "name", m->person->name, m->line);
		bind_leaf(b, n, "role", am_token(am_role_tokens, m->person->role), m->line);
		bind_leaf(b, n, "role-label", role_label(m->person, b->wp), m->line);
	}
	if (m->no_need)
		bind_leaf(b, n, "no-need", m->no_need_note ? m->no_need_note : "true", m->line);
	bind_records(b, n, "item", m->items, m->n_items, sizeof *m->items, am_competence_item_fields, NULL);
}

void bind_competence(binder *b, dnode *root, const am_competence *c)
{
	if (!c->line)
		return;
	dnode *sec = bind_node(b, root, "competence-plan", NULL, c->line);
	if (c->knowledge_present != TRI_UNSET) {
		dnode *k = bind_node(b, sec, "knowledge", c->knowledge_note, c->line);
		bind_leaf_bool(b, k, "present", c->knowledge_present == TRI_YES, c->line);
	}
	bind_records(b, sec, "member", c->members, c->n_members, sizeof *c->members, am_competence_member_fields,
	             bind_plan);
	if (c->training != TRAINING_UNSET && sec) {
		dnode *t = bind_node(b, sec, "supplementary-training", c->training_note, c->training_line);
		bind_leaf(b, t, "handled", am_token(am_training_tokens, c->training), c->training_line);
	}
}

void bind_accidents(binder *b, dnode *root, const am_accidents *ac)
{
	if (!ac->line)
		return;
	dnode *sec = bind_node(b, root, "accidents", NULL, ac->line);
	bind_fields(b, sec, ac, am_accidents_fields, ac->line);
	bind_records(b, sec, "incident", ac->incidents, ac->n_incidents, sizeof *ac->incidents, am_incident_fields,
	             NULL);
}

void bind_announcements(binder *b, dnode *root, const am_workplace *wp)
{
	if (!wp->n_announcements)
		return;
	dnode *sec = bind_node(b, root, "announcements", NULL, wp->line);
	for (size_t i = 0; i < wp->n_announcements; i++)
		bind_leaf(b, sec, "announcement", wp->announcements[i], wp->line);
}

void bind_follow_up(binder *b, dnode *root, const am_follow_up *f)
{
	if (!f->line)
		return;
	dnode *n = bind_node(b, root, "follow-up", NULL, f->line);
	bind_ref(b, n, "responsible", f->responsible, f->line);
	bind_fields(b, n, f, am_follow_up_fields, f->line);
}

void bind_point(binder *b, dnode *parent, int n, const am_agenda_point *p)
{
	dnode *pt = bind_node(b, parent, "point", NULL, p ? p->line : 0);
	bind_leaf_int(b, pt, "n", n, p ? p->line : 0);
	if (p)
		bind_fields(b, pt, p, am_agenda_point_fields, p->line);
}

void bind_agenda(binder *b, dnode *root, const am_workplace *wp)
{
	if (!wp->n_agenda)
		return;
	dnode *sec = bind_node(b, root, "agenda", NULL, wp->agenda[0].line);
	for (size_t i = 0; i < wp->n_agenda; i++)
		bind_point(b, sec, wp->agenda[i].number, &wp->agenda[i]);
}

/* What an activity holds beyond the table: its ring, until, its timing
 * (date, period, month or week) and its time of day. */
static void bind_activity_rest(binder *b, dnode *n, const void *rec)
{
	const am_activity *ac = rec;
	int l = ac->line;
	bind_leaf(b, n, "ring", ac->ring ? ac->ring->id : NULL, l);
	leaf_date(b, n, "until", ac->until, l);
	switch (ac->when) {
	case WHEN_DATE:
		leaf_date(b, n, "date", ac->from, l);
		break;
	case WHEN_PERIOD: {
		dnode *p = bind_node(b, n, "period", NULL, l);
		leaf_date(b, p, "from", ac->from, l);
		leaf_date(b, p, "to", ac->to, l);
		break;
	}
	case WHEN_MONTH:
		bind_leaf_int(b, n, "month", ac->month, l);
		break;
	case WHEN_WEEK:
		bind_leaf_int(b, n, "week", ac->week, l);
		break;
	}
	if (ac->start >= 0) {
		dnode *t = bind_node(b, n, "time", NULL, l);
		leaf_time(b, t, "start", ac->start, l);
		leaf_time(b, t, "end", ac->end, l);
	}
}

void bind_wheel(binder *b, dnode *root, const am_wheel *w)
{
	if (!w->line)
		return;
	dnode *sec = bind_node(b, root, "wheel", NULL, w->line);
	bind_leaf_int(b, sec, "year", w->year, w->line);
	bind_leaf_int(b, sec, "start-month", w->start_month, w->line);
	bind_leaf_bool(b, sec, "rhythm", w->rhythm, w->line);
	for (size_t i = 0; i < w->n_rings && sec; i++) {
		const am_ring *r = &w->rings[i];
		dnode *n = bind_node(b, sec, "ring", r->name, r->line);
		bind_leaf(b, n, "id", r->id, r->line);
		if (n) {
			const char *col = arena_printf(b->a, "#%06X", r->colour & 0xFFFFFFu);
			if (!col)
				b->oom = true;
			bind_leaf(b, n, "colour", col, r->line);
		}
		bind_leaf(b, n, "name", r->name, r->line);
	}
	if (b->activities)
		bind_records(b, sec, "activity", w->activities, w->n_activities, sizeof *w->activities,
		             am_activity_fields, bind_activity_rest);
}

