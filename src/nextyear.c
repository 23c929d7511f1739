/* nextyear.c: a workplace file rolled into the next year; see nextyear.h.
 *
 * The file is changed as a document (edit.h), section by section, in the
 * order of the format. Sections the schema in use does not know (an older
 * or newer format) are left alone: each step looks its elements up by name
 * and does nothing when they are absent. */
#include "nextyear.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cal.h"
#include "edit.h"
#include "reader.h"

typedef struct roll {
	arena *a;
	edit_doc e;
	int from, to;          /* the file's year and the new one */
	diag *d;
} roll;

/* ---- dates ------------------------------------------------------------------ */

/* "YYYY-MM-DD" moved by years (29 February becomes the 28th in a year that
 * has none); NULL when s is not such a date. */
static const char *shift_date(roll *r, const char *s, int years)
{
	int y, m, d;
	char tail;
	if (!s || sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3)
		return NULL;
	y += years;
	if (!cal_date_exists(y, m, d))
		d = 28;
	return arena_printf(r->a, "%04d-%02d-%02d", y, m, d);
}

static int year_of(const char *s)
{
	int y = 0;
	return s && sscanf(s, "%4d-", &y) == 1 ? y : 0;
}

/* The year the file plans: its meeting's covers-year, else its årshjul's,
 * else its meeting date's. 0 when it says none. */
static int file_year(roll *r)
{
	xmlNodePtr m = edit_child(r->e.root, "meeting");
	const char *s = edit_text(r->a, edit_child(m, "covers-year"));
	if (s)
		return atoi(s);
	xmlNodePtr w = edit_child(r->e.root, "wheel");
	if ((s = edit_attr(r->a, w, "year")))
		return atoi(s);
	return year_of(edit_text(r->a, edit_child(m, "date")));
}

/* ---- the sections ------------------------------------------------------------ */

static void drop(roll *r, const char *name)
{
	edit_remove(edit_child(r->e.root, name));
}

static void roll_people(roll *r)
{
	xmlNodePtr people = edit_child(r->e.root, "people");
	for (xmlNodePtr p = edit_child(people, "person"); p; p = edit_next(p, "person")) {
		edit_set_attr(p, "attendance", NULL);
		edit_set_attr(p, "new-in-amo", NULL);
	}
}

static void roll_meeting(roll *r)
{
	xmlNodePtr m = edit_child(r->e.root, "meeting");
	if (!m)
		return;
	edit_remove(edit_child(m, "date"));
	xmlNodePtr cy = edit_child(m, "covers-year");
	if (cy)
		edit_remove(cy);
	edit_add(&r->e, m, "covers-year", arena_printf(r->a, "%d", r->to));
}

/* This year's goals become last year's, their evaluation left to fill in. */
static void roll_goals(roll *r)
{
	drop(r, "last-year-goals");
	drop(r, "first-discussion");
	xmlNodePtr goals = edit_child(r->e.root, "goals");
	if (!goals)
		return;
	xmlNodePtr last = edit_add(&r->e, r->e.root, "last-year-goals", NULL);
	bool first = true;
	for (xmlNodePtr g = edit_child(goals, "goal"); g && last; g = edit_next(g, "goal")) {
		xmlNodePtr ng = edit_add(&r->e, last, "goal", NULL);
		if (!ng)
			break;
		edit_add(&r->e, ng, "title", edit_text(r->a, edit_child(g, "title")));
		if (first)
			edit_comment_before(&r->e, ng, "Udfyld for hvert mål: status=\"reached\" (nået), \"partly\" "
			                    "(delvist) eller \"not-reached\" (ikke nået), carried-over=\"true\" eller "
			                    "\"false\" (føres videre), og i <comment> hvorfor, hvis det ikke blev nået.");
		const char *success = edit_text(r->a, edit_child(g, "success"));
		if (success)
			edit_comment_before(&r->e, ng, arena_printf(r->a, "Succeskriterium: %s", success));
		first = false;
	}
	edit_remove(goals);
}

/* Keeps the rows of a list that are not done. */
static void keep_open(roll *r, const char *section, const char *row)
{
	xmlNodePtr sec = edit_child(r->e.root, section);
	xmlNodePtr x = edit_child(sec, row);
	while (x) {
		xmlNodePtr next = edit_next(x, row);
		const char *status = edit_attr(r->a, x, "status");
		if (status && strcmp(status, "done") == 0)
			edit_remove(x);
		x = next;
	}
	if (sec && !edit_child(sec, row) && !edit_child(sec, "last-date"))
		edit_remove(sec);
}

/* Focus areas are the year's own; those a row still refers to stay. */
static void roll_focus(roll *r)
{
	xmlNodePtr sec = edit_child(r->e.root, "focus-areas");
	xmlNodePtr plan = edit_child(r->e.root, "action-plan");
	xmlNodePtr area = edit_child(sec, "area");
	while (area) {
		xmlNodePtr next = edit_next(area, "area");
		const char *id = edit_attr(r->a, area, "id");
		bool used = false;
		for (xmlNodePtr a = edit_child(plan, "action"); a && id && !used; a = edit_next(a, "action")) {
			const char *f = edit_attr(r->a, a, "focus");
			used = f && strcmp(f, id) == 0;
		}
		if (!used)
			edit_remove(area);
		area = next;
	}
	edit_remove_if_empty(sec);
}

/* The plan's items come back as last year's plan to follow up (when the
 * format has <competence-follow-up>); the plan itself stays. */
static void roll_competence(roll *r)
{
	drop(r, "competence-follow-up");
	xmlNodePtr plan = edit_child(r->e.root, "competence-plan");
	if (!plan)
		return;
	edit_remove(edit_child(plan, "knowledge"));
	edit_remove(edit_child(plan, "supplementary-training"));
	xmlNodePtr follow = NULL;
	bool can = edit_allows(&r->e, r->e.root, "competence-follow-up");
	for (xmlNodePtr m = edit_child(plan, "member"); m && can; m = edit_next(m, "member")) {
		for (xmlNodePtr it = edit_child(m, "item"); it; it = edit_next(it, "item")) {
			if (!follow && !(follow = edit_add(&r->e, r->e.root, "competence-follow-up", NULL)))
				return;
			xmlNodePtr f = edit_add(&r->e, follow, "item", NULL);
			if (!f)
				return;
			edit_set_attr(f, "ref", edit_attr(r->a, m, "ref"));
			edit_set_attr(f, "planned-hours", edit_text(r->a, edit_child(it, "hours")));
			edit_add(&r->e, f, "topic", edit_text(r->a, edit_child(it, "topic")));
		}
	}
	if (follow)
		edit_comment_before(&r->e, edit_child(follow, "item"), "Udfyld for hvert punkt: status=\"done\" "
		                    "(gennemført), \"partly\" (delvist) eller \"not-done\" (ikke gennemført), og "
		                    "hours med de timer, der blev brugt.");
	edit_remove_if_empty(plan);
}

static void roll_agenda(roll *r)
{
	xmlNodePtr agenda = edit_child(r->e.root, "agenda");
	for (xmlNodePtr p = edit_child(agenda, "point"); p; p = edit_next(p, "point")) {
		edit_remove(edit_child(p, "notes"));
		edit_remove(edit_child(p, "decision"));
		if (!edit_child(p, NULL))
			xmlNodeSetContent(p, NULL);   /* no whitespace left inside an empty point */
	}
}

/* ---- the årshjul ---------------------------------------------------------------- */

/* A single date or period moves by the years between; a repeat keeps its
 * first date, so its rule (the 6th, the first Friday) goes on unchanged,
 * unless it ended before the new year. */
static void roll_activity(roll *r, xmlNodePtr act, int years, int start_month)
{
	const char *repeat = edit_attr(r->a, act, "repeat");
	if (repeat) {
		int y, m, d;
		const char *until = edit_attr(r->a, act, "until");
		if (until && sscanf(until, "%4d-%2d-%2d", &y, &m, &d) == 3 &&
		    y * 100 + m < r->to * 100 + start_month)
			edit_remove(act);
		return;
	}
	xmlNodePtr x;
	if ((x = edit_child(act, "date"))) {
		const char *s = shift_date(r, edit_text(r->a, x), years);
		if (s)
			xmlNodeSetContent(x, (const xmlChar *)s);
	} else if ((x = edit_child(act, "period"))) {
		edit_set_attr(x, "from", shift_date(r, edit_attr(r->a, x, "from"), years));
		edit_set_attr(x, "to", shift_date(r, edit_attr(r->a, x, "to"), years));
	} else if ((x = edit_child(act, "week"))) {
		const char *w = edit_text(r->a, x);
		if (w && atoi(w) > cal_iso_weeks_in_year(r->to))
			xmlNodeSetContent(x, (const xmlChar *)arena_printf(r->a, "%d", cal_iso_weeks_in_year(r->to)));
	}
}

static void roll_wheel(roll *r)
{
	xmlNodePtr w = edit_child(r->e.root, "wheel");
	if (!w)
		return;
	const char *ys = edit_attr(r->a, w, "year"), *sm = edit_attr(r->a, w, "start-month");
	int years = r->to - (ys ? atoi(ys) : r->from);
	edit_set_attr(w, "year", arena_printf(r->a, "%d", r->to));
	xmlNodePtr act = edit_child(w, "activity");
	while (act) {
		xmlNodePtr next = edit_next(act, "activity");
		roll_activity(r, act, years, sm ? atoi(sm) : 1);
		act = next;
	}
}

/* ---- the whole -------------------------------------------------------------------- */

int nextyear_run(const nextyear_opts *o, diag *d)
{
	roll r = {.d = d};
	if (!(r.a = arena_new()))
		return diag_oom(d, o->input);
	int rc = edit_open(r.a, o->input, &r.e, d);
	if (rc != AM_OK) {
		arena_free(r.a);
		return rc;
	}
	r.from = file_year(&r);
	r.to = o->year ? o->year : r.from ? r.from + 1 : 0;
	if (!r.to) {
		diag_error(d, r.e.file, 0, "filen siger ikke, hvilket år den gælder (ingen <covers-year>, "
		           "<wheel year> eller mødedato); skriv det nye år med --year, fx --year 2027");
		rc = AM_EINPUT;
	} else if (r.to < READER_MIN_YEAR || r.to > READER_MAX_YEAR) {
		diag_error(d, r.e.file, 0, "år %d ligger uden for %d-%d", r.to, READER_MIN_YEAR, READER_MAX_YEAR);
		rc = AM_EUSAGE;
	} else {
		if (!r.from)
			r.from = r.to - 1;
		roll_people(&r);
		roll_meeting(&r);
		roll_goals(&r);
		keep_open(&r, "apv", "item");
		keep_open(&r, "action-plan", "action");
		roll_focus(&r);
		roll_competence(&r);
		drop(&r, "cooperation-evaluation");
		drop(&r, "accidents");
		drop(&r, "announcements");
		drop(&r, "follow-up");
		roll_agenda(&r);
		roll_wheel(&r);
		rc = edit_save(&r.e, o->output, !o->force, d);
	}
	edit_close(&r.e);
	arena_free(r.a);
	return rc;
}
