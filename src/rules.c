/* rules.c: the law's rules applied to a workplace; see rules.h.
 *
 * Participation by head count: 1-9 the employer and all employees; 10-34 the
 * employer with the AMO's representatives; 35+ the arbejdsmiljøudvalg; under
 * a MED-aftale the agreement decides, and without its details we take the
 * committee as for 35+. The competence point: under 10 whether the needed
 * knowledge is present, from 10 a kompetenceudviklingsplan for each AMO
 * member. A required point counts as covered when the structured data has it
 * or when the matching agenda point (the minutes) has notes or a decision. */
#include "rules.h"
#include "diag.h"

#include <string.h>

/* The eleven agenda points that carry the required ones in the minutes. */
enum { POINT_PAST_YEAR = 7, POINT_COMING_YEAR = 8, POINT_COOPERATION = 9, POINT_COMPETENCE = 10 };

rules_band rules_band_of(int headcount, bool med_agreement)
{
	if (med_agreement)
		return BAND_MED;
	if (headcount < 10)
		return BAND_SMALL;
	return headcount < 35 ? BAND_MEDIUM : BAND_LARGE;
}

const char *rules_band_name(rules_band b)
{
	static const char *const names[] = {"small", "medium", "large", "med"};
	return names[b];
}

const char *rules_competence_name(rules_competence c)
{
	return c == COMPETENCE_KNOWLEDGE ? "knowledge" : "plan";
}

static bool in_amo(am_role r)
{
	return r == ROLE_LEADER || r == ROLE_AMR || r == ROLE_SUPERVISOR || r == ROLE_AMO_MEMBER;
}

bool rules_invites(rules_band b, am_role r)
{
	if (r == ROLE_EMPLOYER)
		return true;
	switch (b) {
	case BAND_SMALL:
		return r != ROLE_ADVISER;
	case BAND_MEDIUM:
		return in_amo(r);
	case BAND_LARGE:
	case BAND_MED:
		return r == ROLE_LEADER || r == ROLE_AMR || r == ROLE_AMO_MEMBER;
	}
	return false;
}

/* Does agenda point n have notes or a decision? Its line in *line. */
static bool agenda_covers(const am_workplace *wp, int n, int *line)
{
	for (size_t i = 0; i < wp->n_agenda; i++) {
		const am_agenda_point *p = &wp->agenda[i];
		if (p->number == n && (p->notes || p->decision)) {
			*line = p->line;
			return true;
		}
	}
	return false;
}

typedef struct eval {
	arena *a;
	const am_workplace *wp;
	rules_result *res;
	bool oom;
} eval;

/* Appends an item; message is used only when not covered. */
static void add_item(eval *e, const char *key, bool covered, int line, const char *message)
{
	rules_item *it = &e->res->items[e->res->n_items++];
	it->key = key;
	it->covered = covered;
	it->line = line > 0 ? line : e->wp->line;
	it->message = covered ? NULL : message;
}

static void check_last_goals(eval *e)
{
	const am_workplace *wp = e->wp;
	int line = wp->n_last_goals ? wp->last_goals[0].line : 0;
	bool evaluated = wp->n_last_goals > 0;
	for (size_t i = 0; i < wp->n_last_goals; i++)
		if (wp->last_goals[i].status == GOAL_UNSET)
			evaluated = false;
	if (!evaluated)
		evaluated = agenda_covers(wp, POINT_PAST_YEAR, &line);
	add_item(e, "last-year-goals", evaluated, line,
	         wp->n_last_goals ? "last year's goals not all evaluated (a <goal> in <last-year-goals> has no status)"
	                          : "last year's goals not evaluated (no <last-year-goals>, no notes at agenda point 7)");
}

static void check_focus_actions(eval *e)
{
	const am_workplace *wp = e->wp;
	int line = wp->n_focus ? wp->focus[0].line : wp->n_actions ? wp->actions[0].line : 0;
	bool covered = wp->n_focus > 0 && wp->n_actions > 0;
	if (!covered)
		covered = agenda_covers(wp, POINT_COMING_YEAR, &line);
	add_item(e, "focus-actions", covered, line,
	         !wp->n_focus ? "coming year's focus areas missing (no <focus-areas>, no notes at agenda point 8)"
	                      : "coming year's actions missing (no <action-plan>, no notes at agenda point 8)");
}

static void check_cooperation(eval *e)
{
	const am_cooperation *c = &e->wp->cooperation;
	int line = c->line;
	bool covered = c->line && c->frequency;
	if (!covered)
		covered = agenda_covers(e->wp, POINT_COOPERATION, &line);
	add_item(e, "cooperation", covered, line,
	         c->line ? "cooperation: meeting intervals missing (no <frequency> in <cooperation>)"
	                 : "cooperation form and meeting intervals missing (no <cooperation>, no notes at agenda point 9)");
}

static void check_goals(eval *e)
{
	const am_workplace *wp = e->wp;
	int line = wp->n_goals ? wp->goals[0].line : 0;
	bool covered = wp->n_goals > 0 || agenda_covers(wp, POINT_COMING_YEAR, &line);
	add_item(e, "goals", covered, line, "goals for the coming year missing (no <goals>, no notes at agenda point 8)");
}

/* Does every AMO member have an entry in the competence plan? */
static size_t amo_without_plan(const am_workplace *wp)
{
	size_t missing = 0;
	for (size_t i = 0; i < wp->n_people; i++) {
		const am_person *p = &wp->people[i];
		if (p->role != ROLE_LEADER && p->role != ROLE_AMR && p->role != ROLE_AMO_MEMBER)
			continue;
		bool found = false;
		for (size_t j = 0; j < wp->competence.n_members && !found; j++)
			found = wp->competence.members[j].person == p;
		missing += !found;
	}
	return missing;
}

static void check_competence(eval *e)
{
	const am_workplace *wp = e->wp;
	const am_competence *c = &wp->competence;
	int line = c->line;
	if (e->res->competence == COMPETENCE_KNOWLEDGE) {
		bool covered = c->knowledge_present != TRI_UNSET || agenda_covers(wp, POINT_COMPETENCE, &line);
		add_item(e, "competence", covered, line,
		         "needed knowledge not assessed (no <knowledge present=\"…\"> in <competence-plan>; "
		         "required under 10 employees)");
		return;
	}
	size_t missing = c->n_members ? amo_without_plan(wp) : 0;
	bool covered = c->n_members > 0 && missing == 0;
	const char *msg = "competence plan missing (required at 10+ employees)";
	if (c->n_members > 0 && missing > 0) {
		msg = arena_printf(e->a, "competence plan missing for %zu AMO member%s (required at 10+ employees)",
		                   missing, missing == 1 ? "" : "s");
		if (!msg)
			e->oom = true;
	}
	add_item(e, "competence", covered, line, msg);
}

/* Participants against the rule: the employer's side (employer, or a leader
 * deciding on their behalf) and the employees' side must both be present. */
static void check_participants(eval *e)
{
	const am_workplace *wp = e->wp;
	bool any_recorded = false, employer_side = false, employee_side = false;
	for (size_t i = 0; i < wp->n_people; i++) {
		const am_person *p = &wp->people[i];
		if (p->attendance != ATT_UNKNOWN)
			any_recorded = true;
		if (p->attendance != ATT_PRESENT || !rules_invites(e->res->band, p->role))
			continue;
		if (p->role == ROLE_EMPLOYER || p->role == ROLE_LEADER)
			employer_side = true;
		else
			employee_side = true;
	}
	int line = wp->n_people ? wp->people[0].line : 0;
	const char *msg;
	if (!wp->n_people)
		msg = "participants unknown (no <people>)";
	else if (!any_recorded)
		msg = "attendance not recorded (no attendance=\"present\" on any <person>)";
	else if (!employer_side)
		msg = "participants do not match the rule: neither the employer nor a leader deciding on their behalf is present";
	else if (e->res->band == BAND_SMALL)
		msg = "participants do not match the rule: no employee is present (1-9 employees: the employer and all employees)";
	else
		msg = "participants do not match the rule: no AMO representative of the employees is present";
	add_item(e, "participants", any_recorded && employer_side && employee_side, line, msg);
}

static void list_participants(eval *e)
{
	const am_workplace *wp = e->wp;
	rules_result *res = e->res;
	if (!wp->n_people)
		return;
	res->participants = arena_array(e->a, wp->n_people, sizeof *res->participants);
	if (!res->participants) {
		e->oom = true;
		return;
	}
	for (size_t i = 0; i < wp->n_people; i++)
		if (rules_invites(res->band, wp->people[i].role))
			res->participants[res->n_participants++] = &wp->people[i];
}

int rules_evaluate(arena *a, const am_workplace *wp, rules_result **out)
{
	*out = NULL;
	rules_result *res = arena_alloc(a, sizeof *res);
	if (!res || !(res->items = arena_array(a, 6, sizeof *res->items)))
		return AM_EINTERNAL;
	res->band = rules_band_of(wp->headcount, wp->med_agreement);
	res->competence = wp->headcount < 10 ? COMPETENCE_KNOWLEDGE : COMPETENCE_PLAN;
	eval e = {a, wp, res, false};
	list_participants(&e);
	check_last_goals(&e);
	check_focus_actions(&e);
	check_cooperation(&e);
	check_goals(&e);
	check_competence(&e);
	check_participants(&e);
	if (e.oom)
		return AM_EINTERNAL;
	*out = res;
	return AM_OK;
}

const rules_item *rules_find(const rules_result *r, const char *key)
{
	for (size_t i = 0; i < r->n_items; i++)
		if (strcmp(r->items[i].key, key) == 0)
			return &r->items[i];
	return NULL;
}
