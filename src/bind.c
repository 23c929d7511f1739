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

static const char *const role_tokens[] = {"employer", "leader", "amr", "supervisor",
                                          "amo-member", "employee", "adviser"};
static const char *const item_status_tokens[] = {NULL, "open", "in-progress", "done"};
static const char *const goal_status_tokens[] = {NULL, "reached", "partly", "not-reached"};
static const char *const form_tokens[] = {"training", "internal", "external"};
static const char *const incident_tokens[] = {"accident", "near-miss", "illness"};
/* in am_repeat's order */
static const char *const repeat_tokens[] = {NULL, "monthly", "quarterly", "weekly", "every-2-weeks",
                                            "yearly", "every-2-years"};
static const char *const repeat_on_tokens[] = {NULL, "weekday", "last-weekday"};

/* ---- sections ----------------------------------------------------------- */

static void bind_person(binder *b, dnode *parent, const am_person *p)
{
	dnode *n = node(b, parent, "person", NULL, p->line);
	leaf(b, n, "id", p->id, p->line);
	leaf(b, n, "role", role_tokens[p->role], p->line);
	if (p->attendance != ATT_UNKNOWN)
		leaf(b, n, "attendance", p->attendance == ATT_PRESENT ? "present" : "absent", p->line);
	if (p->new_in_amo)
		leaf_bool(b, n, "new-in-amo", true, p->line);
	leaf(b, n, "name", p->name, p->line);
	leaf(b, n, "title", p->title, p->line);
	leaf(b, n, "group", p->group, p->line);
}

static void bind_people(binder *b, dnode *root, const am_workplace *wp)
{
	if (!wp->n_people)
		return;
	dnode *n = node(b, root, "people", NULL, wp->people[0].line);
	for (size_t i = 0; i < wp->n_people; i++)
		bind_person(b, n, &wp->people[i]);
}

/* An element with a ref attribute: ref, and the person's name. */
static void bind_ref(binder *b, dnode *parent, const char *name, const am_person *p, int line)
{
	if (!p || !parent)
		return;
	dnode *n = node(b, parent, name, NULL, line);
	leaf(b, n, "ref", p->id, line);
	leaf(b, n, "name", p->name, line);
	leaf(b, n, "role", role_tokens[p->role], line);
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
}

static void bind_last_goals(binder *b, dnode *root, const am_workplace *wp)
{
	if (!wp->n_last_goals)
		return;
	dnode *sec = node(b, root, "last-year-goals", NULL, wp->last_goals[0].line);
	for (size_t i = 0; i < wp->n_last_goals; i++) {
		const am_last_goal *g = &wp->last_goals[i];
		dnode *n = node(b, sec, "goal", NULL, g->line);
		leaf(b, n, "status", goal_status_tokens[g->status], g->line);
		if (g->carried_over)
			leaf_bool(b, n, "carried-over", true, g->line);
		leaf(b, n, "title", g->title, g->line);
		leaf(b, n, "comment", g->comment, g->line);
	}
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
		leaf(b, n, "status", item_status_tokens[it->status], it->line);
		leaf(b, n, "problem", it->problem, it->line);
		leaf(b, n, "action", it->action, it->line);
		leaf(b, n, "owner", it->owner, it->line);
		leaf_date(b, n, "deadline", it->deadline, it->line);
	}
}

static void bind_focus(binder *b, dnode *root, const am_workplace *wp)
{
	if (!wp->n_focus)
		return;
	dnode *sec = node(b, root, "focus-areas", NULL, wp->focus[0].line);
	for (size_t i = 0; i < wp->n_focus; i++) {
		dnode *n = node(b, sec, "area", NULL, wp->focus[i].line);
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
		leaf_date(b, n, "deadline", g->deadline, g->line);
		leaf(b, n, "owner", g->owner, g->line);
	}
}

static void bind_action(binder *b, dnode *sec, const am_action *ac)
{
	dnode *n = node(b, sec, "action", NULL, ac->line);
	leaf(b, n, "status", item_status_tokens[ac->status], ac->line);
	leaf(b, n, "what", ac->what, ac->line);
	leaf(b, n, "why", ac->why, ac->line);
	leaf(b, n, "how", ac->how, ac->line);
	leaf(b, n, "when", ac->when, ac->line);
	leaf(b, n, "who", ac->who, ac->line);
	leaf(b, n, "follow-up", ac->follow_up, ac->line);
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
		leaf(b, n, "role", role_tokens[m->person->role], m->line);
	}
	for (size_t i = 0; i < m->n_items; i++) {
		const am_competence_item *it = &m->items[i];
		dnode *in = node(b, n, "item", NULL, it->line);
		leaf(b, in, "form", form_tokens[it->form], it->line);
		leaf(b, in, "topic", it->topic, it->line);
		leaf(b, in, "when", it->when, it->line);
		if (it->hours > 0 && in) {
			char *h = arena_printf(b->a, "%g", it->hours);
			char *dot = h ? strchr(h, '.') : NULL;
			if (dot)
				*dot = ',';    /* "7,5": the Danish decimal comma */
			if (!h)
				b->oom = true;
			leaf(b, in, "hours", h, it->line);
		}
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
}

static void bind_accidents(binder *b, dnode *root, const am_accidents *ac)
{
	if (!ac->line)
		return;
	dnode *sec = node(b, root, "accidents", NULL, ac->line);
	if (ac->accidents >= 0)
		leaf_int(b, sec, "count", ac->accidents, ac->line);
	if (ac->near_misses >= 0)
		leaf_int(b, sec, "near-misses", ac->near_misses, ac->line);
	leaf(b, sec, "summary", ac->summary, ac->line);
	for (size_t i = 0; i < ac->n_incidents; i++) {
		const am_incident *in = &ac->incidents[i];
		dnode *n = node(b, sec, "incident", NULL, in->line);
		leaf(b, n, "kind", incident_tokens[in->kind], in->line);
		leaf_date(b, n, "date", in->date, in->line);
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
	leaf(b, n, "repeat", repeat_tokens[ac->repeat], l);
	leaf(b, n, "on", repeat_on_tokens[ac->on], l);
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

/* people/person of band's participants with the given attendance (ATT_UNKNOWN: all). */
static void bind_people_where(binder *b, dnode *derived, const char *name, const rules_result *res,
                              am_attendance att)
{
	dnode *sec = node(b, derived, name, NULL, 0);
	for (size_t i = 0; i < res->n_participants && sec; i++)
		if (att == ATT_UNKNOWN || res->participants[i]->attendance == att)
			bind_person(b, sec, res->participants[i]);
}

/* /derived/others/person: people whose attendance is recorded but whom the
 * rule does not invite (a minute-taker from the staff, an adviser), so the
 * minutes can name everyone who was there. */
static void bind_others(binder *b, dnode *derived, const am_workplace *wp, const rules_result *res)
{
	dnode *sec = NULL;
	for (size_t i = 0; i < wp->n_people; i++) {
		const am_person *p = &wp->people[i];
		if (p->attendance == ATT_UNKNOWN || rules_invites(res->band, p->role))
			continue;
		if (!sec)
			sec = node(b, derived, "others", NULL, 0);
		bind_person(b, sec, p);
	}
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

static bool compliance_all_covered(const rules_result *res)
{
	for (size_t i = 0; i < res->n_items; i++)
		if (!res->items[i].covered)
			return false;
	return true;
}

/* /derived/compliance/item: each legally required point (and the
 * participants check) with its key and whether the data covers it. The
 * layouts translate the keys into words. */
static void bind_compliance(binder *b, dnode *derived, const rules_result *res)
{
	dnode *sec = node(b, derived, "compliance", NULL, 0);
	for (size_t i = 0; i < res->n_items && sec; i++) {
		const rules_item *it = &res->items[i];
		dnode *n = node(b, sec, "item", NULL, 0);
		leaf(b, n, "key", it->key, 0);
		leaf_bool(b, n, "covered", it->covered, 0);
	}
	if (sec)
		leaf_bool(b, sec, "all-covered", compliance_all_covered(res), 0);
}

static void bind_derived(binder *b, dnode *root, const am_workplace *wp)
{
	rules_result *res;
	if (rules_evaluate(b->a, wp, &res) != AM_OK) {
		b->oom = true;
		return;
	}
	dnode *d = node(b, root, "derived", NULL, 0);
	leaf(b, d, "band", rules_band_name(res->band), 0);
	leaf(b, d, "competence-rule", rules_competence_name(res->competence), 0);
	bind_people_where(b, d, "participants", res, ATT_UNKNOWN);
	bind_people_where(b, d, "present", res, ATT_PRESENT);
	bind_people_where(b, d, "absent", res, ATT_ABSENT);
	if (d)
		bind_others(b, d, wp, res);
	bind_agenda_points(b, d, wp);
	bind_compliance(b, d, res);
	int year = covered_year(wp);
	if (year && d)
		leaf_int(b, d, "year", year, 0);
}

/* /derived/previous-open/action: last year's handleplan rows that are not
 * done, to be followed up this year (same children as action-plan/action). */
static void bind_previous_open(binder *b, dnode *root, const am_workplace *prev)
{
	dnode *d = NULL;
	for (dnode *c = root->first; c; c = c->next)
		if (strcmp(c->name, "derived") == 0)
			d = c;
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
static dnode *bind_tree(binder *b, dnode *parent, const char *name, const am_workplace *wp)
{
	dnode *r = node(b, parent, name, NULL, wp->line);
	if (!r)
		return NULL;
	bind_head(b, r, wp);
	bind_people(b, r, wp);
	bind_meeting(b, r, &wp->meeting);
	bind_last_goals(b, r, wp);
	bind_apv(b, r, wp);
	bind_focus(b, r, wp);
	bind_goals(b, r, wp);
	bind_actions(b, r, wp);
	bind_cooperation(b, r, &wp->cooperation);
	bind_competence(b, r, &wp->competence);
	bind_accidents(b, r, &wp->accidents);
	bind_announcements(b, r, wp);
	bind_agenda(b, r, wp);
	bind_wheel(b, r, &wp->wheel);
	bind_derived(b, r, wp);
	return r;
}

int bind_workplace(arena *a, const am_workplace *wp, dnode **root)
{
	return bind_workplace_and_previous(a, wp, NULL, root);
}

int bind_workplace_and_previous(arena *a, const am_workplace *wp, const am_workplace *previous,
                                dnode **root)
{
	binder b = {a, false};
	*root = NULL;
	dnode *r = bind_tree(&b, NULL, "workplace", wp);
	if (r && previous) {
		bind_tree(&b, r, "previous", previous);
		bind_previous_open(&b, r, previous);
	}
	if (!r || b.oom)
		return AM_EINTERNAL;
	*root = r;
	return AM_OK;
}

int bind_blank(arena *a, dnode **root)
{
	binder b = {a, false};
	*root = NULL;
	dnode *r = node(&b, NULL, "workplace", NULL, 0);
	dnode *d = node(&b, r, "derived", NULL, 0);
	bind_agenda_points(&b, d, NULL);
	if (b.oom)
		return AM_EINTERNAL;
	*root = r;
	return AM_OK;
}
