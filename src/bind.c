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
#include "bind_int.h"


/* ---- /derived ----------------------------------------------------------- */

static void bind_agenda_points(binder *b, dnode *derived, const am_workplace *wp)
{
	dnode *sec = bind_node(b, derived, "agenda", NULL, 0);
	for (int n = 1; n <= 11 && sec; n++) {
		const am_agenda_point *p = NULL;
		for (size_t i = 0; wp && i < wp->n_agenda && !p; i++)
			if (wp->agenda[i].number == n)
				p = &wp->agenda[i];
		bind_point(b, sec, n, p);
	}
}

/* name/person: the participants whose attendance is att. The bind_node is
 * made only when there is someone (so a layout can test for it). */
static void bind_people_where(binder *b, dnode *derived, const char *name, const rules_result *res,
                              bool all, am_attendance att)
{
	dnode *sec = NULL;
	for (size_t i = 0; i < res->n_participants; i++) {
		if (!all && res->participants[i]->attendance != att)
			continue;
		if (!sec && !(sec = bind_node(b, derived, name, NULL, 0)))
			return;
		bind_person_again(b, sec, res->participants[i]);
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
			sec = bind_node(b, derived, "others", NULL, 0);
		bind_person_again(b, sec, p);
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
	bind_leaf_bool(b, derived, "actions-complete", true, 0);
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

/* One gap bind_node for gaps[j] and the ones after it with the same token,
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
	dnode *n = bind_node(b, item, "gap", NULL, g->line);
	bind_leaf(b, n, "what", g->what, g->line);
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
		bind_leaf(b, n, "subject", joined, g->line);
	}
	return k - 1;
}

/* /derived/compliance/item: each required point and group with its key,
 * answer (yes, no, unknown) and gaps (what: a token, subject); and
 * all-yes. The layouts translate the keys and tokens into words. */
static void bind_compliance(binder *b, dnode *derived, const rules_result *res)
{
	dnode *sec = bind_node(b, derived, "compliance", NULL, 0);
	for (size_t i = 0; i < res->n_items && sec; i++) {
		const rules_item *it = &res->items[i];
		dnode *n = bind_node(b, sec, "item", NULL, it->line);
		bind_leaf(b, n, "key", it->key, it->line);
		bind_leaf(b, n, "answer", rules_answer_name(it->answer), it->line);
		for (size_t j = 0; j < it->n_gaps && n; j++)
			j = bind_gap(b, n, it, j);
	}
	if (sec)
		bind_leaf_bool(b, sec, "all-yes", rules_all_yes(res), 0);
}

static void bind_derived(binder *b, dnode *root, const am_workplace *wp, const am_workplace *previous)
{
	rules_result *res;
	if (rules_evaluate(b->a, wp, previous, &res) != AM_OK) {
		b->oom = true;
		return;
	}
	dnode *d = bind_node(b, root, "derived", NULL, 0);
	if (!d)
		return;
	bind_leaf(b, d, "band", rules_band_name(res->band), 0);
	bind_leaf(b, d, "competence-rule", rules_competence_name(res->competence), 0);
	bind_people_where(b, d, "participants", res, true, ATT_UNKNOWN);
	bind_people_where(b, d, "present", res, false, ATT_PRESENT);
	bind_people_where(b, d, "absent", res, false, ATT_ABSENT);
	bind_people_where(b, d, "unrecorded", res, false, ATT_UNKNOWN);
	bind_others(b, d, wp, res);
	bind_holding(b, d, res);
	bind_actions_complete(b, d, wp);
	bind_agenda_points(b, d, wp);
	bind_compliance(b, d, res);
	int year = covered_year(wp);
	if (year)
		bind_leaf_int(b, d, "year", year, 0);
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
		dnode *sec = bind_node(b, d, "previous-competence", NULL, 0);
		for (size_t i = 0; i < prev->competence.n_members; i++) {
			const am_competence_member *m = &prev->competence.members[i];
			for (size_t j = 0; j < m->n_items; j++) {
				const am_competence_item *it = &m->items[j];
				dnode *n = bind_node(b, sec, "item", NULL, it->line);
				bind_leaf(b, n, "who", m->person ? m->person->name : NULL, it->line);
				bind_leaf(b, n, "form", am_token(am_form_tokens, it->form), it->line);
				bind_leaf(b, n, "topic", it->topic, it->line);
				bind_leaf(b, n, "when", it->when, it->line);
				if (it->hours > 0)
					bind_leaf_hours(b, n, "planned-hours", it->hours, it->line);
			}
		}
	}
	size_t open = 0;
	for (size_t i = 0; i < prev->n_actions; i++)
		open += prev->actions[i].status != ITEM_DONE;
	if (!d || !open)
		return;
	dnode *sec = bind_node(b, d, "previous-open", NULL, 0);
	for (size_t i = 0; i < prev->n_actions; i++)
		if (prev->actions[i].status != ITEM_DONE)
			bind_action(b, sec, &prev->actions[i]);
}

/* ---- the whole ---------------------------------------------------------- */

static void bind_head(binder *b, dnode *root, const am_workplace *wp)
{
	int l = wp->line;
	bind_fields(b, root, wp, am_workplace_fields, l);
	/* The model cannot tell an absent <med-agreement> from applies="false",
	 * so applies is always given. */
	dnode *med = bind_node(b, root, "med-agreement", wp->med_note, l);
	bind_leaf_bool(b, med, "applies", wp->med_agreement, l);
	bind_leaf(b, root, "logo", wp->logo, wp->logo_line ? wp->logo_line : l);
}

/* The whole tree of wp as a bind_node called name under parent (NULL: a root). */
static dnode *bind_tree(binder *b, dnode *parent, const char *name, const am_workplace *wp,
                        const am_workplace *previous)
{
	dnode *r = bind_node(b, parent, name, NULL, wp->line);
	if (!r)
		return NULL;
	const am_workplace *outer = b->wp;
	dnode **outer_people = b->people;
	b->wp = wp;
	b->people = NULL;
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
	b->people = outer_people;
	return r;
}

int bind_workplace(arena *a, const am_workplace *wp, dnode **root)
{
	return bind_workplace_and_previous(a, wp, NULL, root);
}

int bind_workplace_and_previous(arena *a, const am_workplace *wp, const am_workplace *previous,
                                dnode **root)
{
	return bind_workplace_for(a, wp, previous, true, root);
}

int bind_workplace_for(arena *a, const am_workplace *wp, const am_workplace *previous, bool activities,
                       dnode **root)
{
	binder b = {a, false, NULL, NULL, activities};
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
	binder b = {a, false, NULL, NULL, false};
	*root = NULL;
	dnode *r = bind_node(&b, NULL, "workplace", NULL, 0);
	dnode *d = bind_node(&b, r, "derived", NULL, 0);
	bind_agenda_points(&b, d, NULL);
	if (b.oom)
		return AM_EINTERNAL;
	*root = r;
	return AM_OK;
}

