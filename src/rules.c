/* rules.c: the rules applied to a workplace; see rules.h.
 *
 * Who is invited: the employer and anyone who can decide on their behalf
 * (deputy) always. 1-9 employees: every employee (there is no AMO).
 * 10-34: the AMO's representatives, its leader members and AMRs. 35+: the
 * arbejdsmiljøudvalg: the members of the committees in the file (the one
 * the meeting names, else all, for several levels), or without committees
 * every AMO member. Under a MED-aftale the agreement decides, and the data
 * says how: the MED committee's members.
 *
 * The check answers "yes" only where the data proves it, "no" only where
 * it proves otherwise (people recorded absent), and "unknown" where it is
 * silent, naming what is missing. A content point counts as discussed when
 * its structured data is complete, or when its agenda point in the minutes
 * has notes or a decision; last year's goals, when listed, are judged one
 * by one, and the kompetenceudviklingsplan must be there as a plan. */
#include "rules.h"
#include "diag.h"

#include <stdio.h>
#include <string.h>

/* The agenda points that carry required ones in the minutes. */
enum { POINT_PAST_YEAR = 7, POINT_COMING_YEAR = 8, POINT_COOPERATION = 9, POINT_COMPETENCE = 10 };

#define MAX_ITEMS 10

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

const char *rules_answer_name(rules_answer a)
{
	static const char *const names[] = {"yes", "no", "unknown"};
	return names[a];
}

/* ---- gaps: tokens and their English texts ------------------------------- */

/* RULES_GAPS: every gap token, with the CLI's text (Danish, as every
 * message the user reads; %s is the subject). The layouts have their own
 * words for the tokens (the catalogs of layouts/messages/, map compliance-gap). */
static const struct { const char *what, *text; } gap_texts[] = {
	{"no-employer", "ingen arbejdsgiver (role=\"employer\") og ingen stedfortræder (deputy=\"true\") i <people>"},
	{"employer-absent", "arbejdsgiveren %s har meldt afbud"},
	{"no-deputy", "ingen er nævnt, der kan beslutte på arbejdsgiverens vegne (deputy=\"true\")"},
	{"deputy-absent", "stedfortræderen %s har meldt afbud"},
	{"not-recorded", "fremmødet er ikke registreret for %s (attendance)"},
	{"absent", "afbud fra %s"},
	{"no-employees", "ingen ansatte i <people>"},
	{"no-amr", "ingen arbejdsmiljørepræsentant (role=\"amr\") i <people>"},
	{"no-leader", "ingen leder i AMO (role=\"leader\") i <people>"},
	{"no-committee", "intet MED-udvalg i <committees>"},
	{"no-committee-management", "udvalget har intet medlem for ledelsen (employer, leader)"},
	{"no-committee-employees", "udvalget har intet medlem for de ansatte (amr; under en MED-aftale også employee)"},
	{"no-last-year", "sidste års mål er ikke vurderet (ingen <last-year-goals>, intet noteret under punkt 7; "
	                 "<first-discussion>, hvis der ikke er et sidste år)"},
	{"goal-status", "ingen status for sidste års mål \"%s\""},
	{"goal-reason", "ingen begrundelse (<comment>) for, at sidste års mål \"%s\" ikke blev nået"},
	{"goal-carried-over", "ikke besluttet, om sidste års mål \"%s\" føres videre (carried-over)"},
	{"no-focus-areas", "ingen fokusområder for det kommende år (<focus-areas> eller noter under punkt 8)"},
	{"no-actions", "ingen konkrete tiltag for det kommende år (<action-plan> eller noter under punkt 8)"},
	{"cooperation-frequency", "hvor ofte og hvordan I mødes (<cooperation><frequency>)"},
	{"cooperation-convenes", "hvem der indkalder (<cooperation><convenes>)"},
	{"cooperation-acute", "hvordan akutte problemer og ulykker håndteres (<cooperation><acute>)"},
	{"cooperation-information", "hvordan alle holdes orienteret (<cooperation><information>)"},
	{"no-goals", "ingen mål for det kommende år (<goals> eller noter under punkt 8)"},
	{"goal-conditions", "det fremgår ikke, hvad der skal til for at nå målet \"%s\" (<conditions> eller noter "
	                    "under punkt 8)"},
	{"knowledge-not-assessed", "det fremgår ikke, om der er brug for ny viden om arbejdsmiljø (<knowledge "
	                           "present=\"...\"> i <competence-plan> eller noter under punkt 10)"},
	{"no-amo-members", "AMO's medlemmer (role=\"leader\" eller \"amr\") står ikke i <people>"},
	{"no-plan", "ingen kompetenceudviklingsplan (<competence-plan> med en <member> for hvert medlem af AMO)"},
	{"member-no-plan", "intet behov angivet for %s i kompetenceudviklingsplanen (<item> eller <no-need>)"},
	{"training-not-discussed", "det fremgår ikke, at den supplerende uddannelse af AMR og ledere i AMO er "
	                           "drøftet (<supplementary-training handled=\"meeting\"> eller handled=\"apv\")"},
};

static const char *gap_text(const char *what)
{
	for (size_t i = 0; i < sizeof gap_texts / sizeof gap_texts[0]; i++)
		if (strcmp(gap_texts[i].what, what) == 0)
			return gap_texts[i].text;
	return what;
}

/* ---- the evaluation ------------------------------------------------------ */

typedef struct eval {
	arena *a;
	const am_workplace *wp;
	const am_workplace *previous;
	rules_result *res;
	rules_item *item;      /* the item being built */
	size_t gap_cap;
	bool oom;
} eval;

static void begin(eval *e, const char *key, int line)
{
	rules_item *it = &e->res->items[e->res->n_items++];
	*it = (rules_item){.key = key, .answer = ANSWER_YES, .line = line > 0 ? line : e->wp->line};
	e->item = it;
	e->gap_cap = 0;
}

/* Adds a gap to the current item (its answer is set by the caller). */
static void gap(eval *e, const char *what, const char *subject, int line)
{
	rules_item *it = e->item;
	if (arena_grow_from(e->a, (void **)&it->gaps, &e->gap_cap, it->n_gaps, it->n_gaps + 1, sizeof *it->gaps, 4)) {
		e->oom = true;
		return;
	}
	it->gaps[it->n_gaps++] = (rules_gap){what, subject, line > 0 ? line : it->line};
}

/* Subjects are cut for the one-line CLI message. */
static void append_subject(char *buf, size_t size, size_t *len, const char *s)
{
	if (*len + 1 >= size)
		return;
	int n = snprintf(buf + *len, size - *len, "%.60s%s", s, strlen(s) > 60 ? "…" : "");
	*len += n > 0 ? (size_t)n : 0;
	if (*len >= size)
		*len = size - 1;
}

/* The item's English message: its gaps, runs of the same token joined
 * ("attendance not recorded for A, B"). */
static void finish(eval *e)
{
	rules_item *it = e->item;
	if (it->answer == ANSWER_YES)
		return;
	char buf[1024];
	size_t len = (size_t)snprintf(buf, sizeof buf, "%s: %s", it->key,
	                              it->answer == ANSWER_NO ? "nej" : "ikke oplyst");
	for (size_t i = 0; i < it->n_gaps && len + 1 < sizeof buf; i++) {
		const rules_gap *g = &it->gaps[i];
		const char *text = gap_text(g->what);
		const char *pct = strstr(text, "%s");
		size_t j = i;
		if (!pct || !g->subject) {
			len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%s", i ? "; " : ": ", text);
		} else {
			/* "…goal \"%s\"…": each subject of the run gets the quotes. */
			bool quoted = pct > text && pct[-1] == '"' && pct[2] == '"';
			len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%.*s", i ? "; " : ": ",
			                        (int)(pct - text - quoted), text);
			if (len >= sizeof buf)
				break;
			for (; j < it->n_gaps && strcmp(it->gaps[j].what, g->what) == 0 && it->gaps[j].subject; j++) {
				if (j > i)
					append_subject(buf, sizeof buf, &len, ", ");
				if (quoted)
					append_subject(buf, sizeof buf, &len, "\"");
				append_subject(buf, sizeof buf, &len, it->gaps[j].subject);
				if (quoted)
					append_subject(buf, sizeof buf, &len, "\"");
			}
			if (len + 1 < sizeof buf)
				len += (size_t)snprintf(buf + len, sizeof buf - len, "%s", pct + 2 + quoted);
			i = j - 1;
		}
		if (len >= sizeof buf)
			len = sizeof buf - 1;
	}
	it->message = arena_strdup(e->a, buf);
	if (!it->message)
		e->oom = true;
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

/* ---- who is invited ------------------------------------------------------ */

static bool in_committees(const rules_result *res, const am_person *p)
{
	for (size_t i = 0; i < res->n_committees; i++)
		for (size_t j = 0; j < res->committees[i]->n_members; j++)
			if (res->committees[i]->members[j].person == p)
				return true;
	return false;
}

static bool invites(const rules_result *res, const am_person *p)
{
	if (p->role == ROLE_EMPLOYER || p->deputy)
		return true;
	switch (res->band) {
	case BAND_SMALL:
		return p->role != ROLE_ADVISER;
	case BAND_MEDIUM:
		return p->role == ROLE_LEADER || p->role == ROLE_AMR;
	case BAND_LARGE:
		if (res->n_committees)
			return in_committees(res, p);
		return p->role == ROLE_LEADER || p->role == ROLE_AMR;
	case BAND_MED:
		return in_committees(res, p);
	}
	return false;
}

/* The committees holding the discussion: the meeting's, else all. */
static void holding_committees(eval *e)
{
	const am_workplace *wp = e->wp;
	rules_result *res = e->res;
	if (res->band != BAND_LARGE && res->band != BAND_MED)
		return;
	size_t n = wp->meeting.committee ? 1 : wp->n_committees;
	if (!n)
		return;
	res->committees = arena_array(e->a, n, sizeof *res->committees);
	if (!res->committees) {
		e->oom = true;
		return;
	}
	for (size_t i = 0; i < n; i++)
		res->committees[i] = wp->meeting.committee ? wp->meeting.committee : &wp->committees[i];
	res->n_committees = n;
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
		if (invites(res, &wp->people[i]))
			res->participants[res->n_participants++] = &wp->people[i];
}

/* ---- who took part ------------------------------------------------------- */

static void check_employer(eval *e)
{
	const am_workplace *wp = e->wp;
	const am_person *first = NULL;
	bool present = false, unrecorded = false, any_deputy = false;
	for (size_t i = 0; i < wp->n_people; i++) {
		const am_person *p = &wp->people[i];
		if (p->role != ROLE_EMPLOYER && !p->deputy)
			continue;
		if (!first)
			first = p;
		any_deputy |= p->deputy;
		present |= p->attendance == ATT_PRESENT;
		unrecorded |= p->attendance == ATT_UNKNOWN;
	}
	begin(e, "present-employer", first ? first->line : 0);
	if (!first) {
		e->item->answer = ANSWER_UNKNOWN;
		gap(e, "no-employer", NULL, 0);
	} else if (!present) {
		e->item->answer = unrecorded ? ANSWER_UNKNOWN : ANSWER_NO;
		for (size_t i = 0; i < wp->n_people; i++) {
			const am_person *p = &wp->people[i];
			if (p->role != ROLE_EMPLOYER && !p->deputy)
				continue;
			if (p->attendance == ATT_UNKNOWN)
				gap(e, "not-recorded", p->name, p->line);
			else
				gap(e, p->role == ROLE_EMPLOYER ? "employer-absent" : "deputy-absent", p->name, p->line);
		}
		if (!any_deputy && !unrecorded)
			gap(e, "no-deputy", NULL, 0);
	}
	finish(e);
}

typedef bool (*person_test)(const am_person *p, const rules_result *res);

/* A group that must take part: yes when one of them is present, no when
 * all are recorded absent, unknown when none is named or attendance is
 * not recorded. */
static void check_group(eval *e, const char *key, person_test in_group, const char *none)
{
	const am_workplace *wp = e->wp;
	const am_person *first = NULL;
	bool present = false, unrecorded = false;
	for (size_t i = 0; i < wp->n_people; i++) {
		const am_person *p = &wp->people[i];
		if (!in_group(p, e->res))
			continue;
		if (!first)
			first = p;
		present |= p->attendance == ATT_PRESENT;
		unrecorded |= p->attendance == ATT_UNKNOWN;
	}
	begin(e, key, first ? first->line : 0);
	if (!first) {
		e->item->answer = ANSWER_UNKNOWN;
		gap(e, none, NULL, 0);
	} else if (!present) {
		e->item->answer = unrecorded ? ANSWER_UNKNOWN : ANSWER_NO;
		for (size_t i = 0; i < wp->n_people; i++) {
			const am_person *p = &wp->people[i];
			if (in_group(p, e->res))
				gap(e, p->attendance == ATT_UNKNOWN ? "not-recorded" : "absent", p->name, p->line);
		}
	}
	finish(e);
}

static bool is_employee(const am_person *p, const rules_result *res)
{
	(void)res;
	return p->role != ROLE_EMPLOYER && p->role != ROLE_ADVISER && !p->deputy;
}

static bool is_amr(const am_person *p, const rules_result *res)
{
	(void)res;
	return p->role == ROLE_AMR;
}

static bool is_leader(const am_person *p, const rules_result *res)
{
	(void)res;
	return p->role == ROLE_LEADER;
}

static bool committee_management(const am_person *p, const rules_result *res)
{
	return (p->role == ROLE_EMPLOYER || p->role == ROLE_LEADER) && in_committees(res, p);
}

/* The employees' side: in an arbejdsmiljøudvalg its AMRs; in a MED
 * committee every employee member (AMRs, TRs, other representatives). */
static bool committee_employees(const am_person *p, const rules_result *res)
{
	bool side = p->role == ROLE_AMR || (res->band == BAND_MED && p->role == ROLE_EMPLOYEE);
	return side && in_committees(res, p);
}

static void check_participation(eval *e)
{
	rules_result *res = e->res;
	check_employer(e);
	if (res->band == BAND_SMALL) {
		check_group(e, "present-employees", is_employee, "no-employees");
	} else if (res->n_committees) {
		check_group(e, "present-committee-management", committee_management, "no-committee-management");
		check_group(e, "present-committee-employees", committee_employees, "no-committee-employees");
	} else if (res->band == BAND_MED) {
		check_group(e, "present-committee-management", committee_management, "no-committee");
		check_group(e, "present-committee-employees", committee_employees, "no-committee");
	} else {
		check_group(e, "present-leaders", is_leader, "no-leader");
		check_group(e, "present-amr", is_amr, "no-amr");
	}
}

/* ---- what was discussed -------------------------------------------------- */

static void check_last_goals(eval *e)
{
	const am_workplace *wp = e->wp;
	if (wp->first_discussion) {
		begin(e, "last-year-goals", wp->first_line);
		finish(e);
		return;
	}
	if (wp->n_last_goals) {
		begin(e, "last-year-goals", wp->last_goals[0].line);
		for (size_t i = 0; i < wp->n_last_goals; i++) {
			const am_last_goal *g = &wp->last_goals[i];
			bool short_of = g->status == GOAL_PARTLY || g->status == GOAL_NOT_REACHED;
			if (g->status == GOAL_UNSET)
				gap(e, "goal-status", g->title, g->line);
			if (short_of && !g->comment)
				gap(e, "goal-reason", g->title, g->line);
			if (short_of && g->carried_over == TRI_UNSET)
				gap(e, "goal-carried-over", g->title, g->line);
		}
	} else if (e->previous && e->previous->n_goals) {
		/* Last year's file has goals this file does not evaluate. */
		begin(e, "last-year-goals", 0);
		for (size_t i = 0; i < e->previous->n_goals; i++)
			gap(e, "goal-status", e->previous->goals[i].title, 0);
	} else {
		int line = 0;
		bool notes = agenda_covers(wp, POINT_PAST_YEAR, &line);
		begin(e, "last-year-goals", line);
		if (!notes)
			gap(e, "no-last-year", NULL, 0);
	}
	if (e->item->n_gaps)
		e->item->answer = ANSWER_UNKNOWN;
	finish(e);
}

static void check_focus_actions(eval *e)
{
	const am_workplace *wp = e->wp;
	int line = wp->n_focus ? wp->focus[0].line : wp->n_actions ? wp->actions[0].line : 0;
	bool covered = wp->n_focus > 0 && wp->n_actions > 0;
	if (!covered)
		covered = agenda_covers(wp, POINT_COMING_YEAR, &line);
	begin(e, "focus-actions", line);
	if (!covered) {
		e->item->answer = ANSWER_UNKNOWN;
		if (!wp->n_focus)
			gap(e, "no-focus-areas", NULL, 0);
		if (!wp->n_actions)
			gap(e, "no-actions", NULL, 0);
	}
	finish(e);
}

static void check_cooperation(eval *e)
{
	const am_cooperation *c = &e->wp->cooperation;
	int line = c->line;
	bool complete = c->frequency && c->convenes && (c->acute || c->accidents) && c->information;
	bool covered = complete || agenda_covers(e->wp, POINT_COOPERATION, &line);
	begin(e, "cooperation", line);
	if (!covered) {
		e->item->answer = ANSWER_UNKNOWN;
		if (!c->frequency)
			gap(e, "cooperation-frequency", NULL, 0);
		if (!c->convenes)
			gap(e, "cooperation-convenes", NULL, 0);
		if (!c->acute && !c->accidents)
			gap(e, "cooperation-acute", NULL, 0);
		if (!c->information)
			gap(e, "cooperation-information", NULL, 0);
	}
	finish(e);
}

static void check_goals(eval *e)
{
	const am_workplace *wp = e->wp;
	int line = wp->n_goals ? wp->goals[0].line : 0;
	bool notes = agenda_covers(wp, POINT_COMING_YEAR, &line);
	begin(e, "goals", line);
	if (!wp->n_goals && !notes)
		gap(e, "no-goals", NULL, 0);
	for (size_t i = 0; !notes && i < wp->n_goals; i++)
		if (!wp->goals[i].conditions)
			gap(e, "goal-conditions", wp->goals[i].title, wp->goals[i].line);
	if (e->item->n_gaps)
		e->item->answer = ANSWER_UNKNOWN;
	finish(e);
}

static const am_competence_member *plan_of(const am_competence *c, const am_person *p)
{
	for (size_t j = 0; j < c->n_members; j++)
		if (c->members[j].person == p)
			return &c->members[j];
	return NULL;
}

static void check_competence(eval *e)
{
	const am_workplace *wp = e->wp;
	const am_competence *c = &wp->competence;
	int line = c->line;
	if (e->res->competence == COMPETENCE_KNOWLEDGE) {
		bool covered = c->knowledge_present != TRI_UNSET || agenda_covers(wp, POINT_COMPETENCE, &line);
		begin(e, "competence", line);
		if (!covered) {
			e->item->answer = ANSWER_UNKNOWN;
			gap(e, "knowledge-not-assessed", NULL, 0);
		}
		finish(e);
		return;
	}
	begin(e, "competence", line);
	size_t members = 0;
	for (size_t i = 0; i < wp->n_people; i++)
		members += wp->people[i].role == ROLE_LEADER || wp->people[i].role == ROLE_AMR;
	if (!members)
		gap(e, "no-amo-members", NULL, 0);
	else if (!c->n_members)
		gap(e, "no-plan", NULL, 0);
	for (size_t i = 0; members && c->n_members && i < wp->n_people; i++) {
		const am_person *p = &wp->people[i];
		if (p->role != ROLE_LEADER && p->role != ROLE_AMR)
			continue;
		const am_competence_member *m = plan_of(c, p);
		if (!m || (!m->n_items && !m->no_need))
			gap(e, "member-no-plan", p->name, p->line);
	}
	if (e->item->n_gaps)
		e->item->answer = ANSWER_UNKNOWN;
	finish(e);
}

static void check_training(eval *e)
{
	const am_competence *c = &e->wp->competence;
	if (e->res->competence != COMPETENCE_PLAN)
		return;
	begin(e, "training", c->training_line ? c->training_line : c->line);
	if (c->training == TRAINING_UNSET) {
		e->item->answer = ANSWER_UNKNOWN;
		gap(e, "training-not-discussed", NULL, 0);
	}
	finish(e);
}

int rules_evaluate(arena *a, const am_workplace *wp, const am_workplace *previous, rules_result **out)
{
	*out = NULL;
	rules_result *res = arena_alloc(a, sizeof *res);
	if (!res)
		return AM_EINTERNAL;
	memset(res, 0, sizeof *res);
	if (!(res->items = arena_array(a, MAX_ITEMS, sizeof *res->items)))
		return AM_EINTERNAL;
	res->band = rules_band_of(wp->headcount, wp->med_agreement);
	res->competence = wp->headcount < 10 ? COMPETENCE_KNOWLEDGE : COMPETENCE_PLAN;
	eval e = {.a = a, .wp = wp, .previous = previous, .res = res};
	holding_committees(&e);
	list_participants(&e);
	if (e.oom)
		return AM_EINTERNAL;
	check_participation(&e);
	check_last_goals(&e);
	check_focus_actions(&e);
	check_cooperation(&e);
	check_goals(&e);
	check_competence(&e);
	check_training(&e);
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

bool rules_is_invited(const rules_result *r, const am_person *p)
{
	for (size_t i = 0; i < r->n_participants; i++)
		if (r->participants[i] == p)
			return true;
	return false;
}

bool rules_all_yes(const rules_result *r)
{
	for (size_t i = 0; i < r->n_items; i++)
		if (r->items[i].answer != ANSWER_YES)
			return false;
	return true;
}
