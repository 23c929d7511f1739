/* import_wheel.c: the sheets of dated rows: the årshjul's activities
 * (dates, periods, months, weeks, repeats, rings) and the handleplan's and
 * the APV's rows, each cell checked and turned into the workplace file's
 * elements. See import.h. */
#include "import_int.h"

#include <stdlib.h>
#include <string.h>

#include "danish.h"
#include "reader.h"

/* What people write for a status and a repetition, and the months. */
static const word status_words[] = {
	{"åben", "open"}, {"ikke startet", "open"}, {"i gang", "in-progress"},
	{"igangværende", "in-progress"}, {"påbegyndt", "in-progress"}, {"udført", "done"},
	{"færdig", "done"}, {"gennemført", "done"}, {"lukket", "done"}, {NULL, NULL},
};
static const word repeat_words[] = {
	{"hver måned", "monthly"}, {"månedlig", "monthly"}, {"hvert kvartal", "quarterly"},
	{"kvartalsvis", "quarterly"}, {"hver uge", "weekly"}, {"ugentlig", "weekly"},
	{"hver anden uge", "every-2-weeks"}, {"hvert år", "yearly"}, {"årlig", "yearly"},
	{"hvert andet år", "every-2-years"}, {NULL, NULL},
};
static const char *const months[] = {"januar", "februar", "marts", "april", "maj", "juni", "juli",
                                     "august", "september", "oktober", "november", "december"};

/* ---- the årshjul ------------------------------------------------------------------------------- */

enum { A_TITLE, A_RING, A_DATE, A_TO, A_MONTH, A_WEEK, A_START, A_END, A_WHO, A_REPEAT };
static const char *const activity_path[] = {"wheel", "activity", NULL};

/* The year of the file's årshjul; for a file without one, --year, the
 * meeting's year or the row's date's. 0 with a message when none is known. */
static int wheel_year(imp *m, const char *date, int *start_month)
{
	xmlNodePtr w = edit_child(m->e.root, "wheel");
	const char *ys = edit_attr(m->a, w, "year"), *sm = edit_attr(m->a, w, "start-month");
	*start_month = sm ? atoi(sm) : 1;
	if (ys)
		return atoi(ys);
	if (m->o->year)
		return m->o->year;
	const char *cy = edit_text(m->a, edit_child(edit_child(m->e.root, "meeting"), "covers-year"));
	int year = cy ? atoi(cy) : date ? atoi(date) : 0;
	if (!year)
		imp_bad(m, A_DATE, "årshjulets år kendes ikke; giv rækken en dato, eller skriv --year, fx --year 2026");
	return year;
}

/* The file's årshjul, made for year when it has none. */
static xmlNodePtr wheel_of(imp *m, int year)
{
	xmlNodePtr w = edit_child(m->e.root, "wheel");
	if (!w && (w = edit_add(&m->e, m->e.root, "wheel", NULL)))
		edit_set_attr(w, "year", arena_printf(m->a, "%d", year));
	return w;
}

/* The id of the ring named name (or with that id), added when missing. */
static const char *ring_of(imp *m, xmlNodePtr w, const char *name)
{
	size_t n = 0;
	for (xmlNodePtr r = edit_child(w, "ring"); r; r = edit_next(r, "ring"), n++) {
		const char *id = edit_attr(m->a, r, "id");
		char a[200], b[200];
		const char *t = edit_text(m->a, r);
		imp_fold(t ? t : "", a, sizeof a);
		imp_fold(name, b, sizeof b);
		if (strcmp(a, b) == 0 || (id && strcmp(id, name) == 0))
			return id;
	}
	const xsd_elem *rd = xsd_child(edit_decl(&m->e, w), "ring");
	if (rd && rd->max_occurs > 0 && n >= (size_t)rd->max_occurs) {
		imp_bad(m, A_RING, "årshjulet har allerede %zu ringe, det højeste antal; brug en af dem", n);
		return NULL;
	}
	xmlNodePtr r = edit_add(&m->e, w, "ring", name);
	if (!r)
		return NULL;
	const char *id = imp_make_id(m, name, w, "ring");
	edit_set_attr(r, "id", id);
	return id;
}

/* The timing of an activity row: which element, and its value(s). */
typedef struct timing {
	const char *kind;        /* "date", "period", "month", "week" */
	const char *from, *to;   /* date, or period's bounds */
	int number;              /* month or week */
} timing;

static bool month_cell(imp *m, timing *t)
{
	char f[40];
	imp_fold(imp_cell(m, A_MONTH), f, sizeof f);
	for (int i = 0; i < 12; i++)
		if (strcmp(f, months[i]) == 0 || (strlen(f) >= 3 && strncmp(f, months[i], strlen(f)) == 0))
			t->number = i + 1;
	if (!t->number) {
		long v;
		if (!da_parse_whole(f, &v) || v < 1 || v > 12) {
			imp_bad(m, A_MONTH, "\"%s\" er ikke en måned; skriv 1-12 eller navnet, fx marts", imp_cell(m, A_MONTH));
			return false;
		}
		t->number = (int)v;
	}
	t->kind = "month";
	return true;
}

static bool week_cell(imp *m, timing *t)
{
	const char *s = imp_cell(m, A_WEEK);
	if (strncmp(s, "uge ", 4) == 0 || strncmp(s, "Uge ", 4) == 0)
		s += 4;
	long v;
	if (!da_parse_whole(s, &v) || v < 1 || v > 53) {
		imp_bad(m, A_WEEK, "\"%s\" er ikke en uge; skriv et ugenummer fra 1 til 53", imp_cell(m, A_WEEK));
		return false;
	}
	t->kind = "week";
	t->number = (int)v;
	return true;
}

static bool timing_of(imp *m, timing *t)
{
	memset(t, 0, sizeof *t);
	int kinds = imp_given(m, A_DATE) + imp_given(m, A_MONTH) + imp_given(m, A_WEEK);
	if (kinds != 1) {
		imp_bad(m, kinds ? A_MONTH : A_DATE, "%s", kinds ? "skriv kun én af Dato, Måned og Uge"
		                                         : "mangler; skriv en Dato, en Måned eller en Uge");
		return false;
	}
	if (imp_given(m, A_TO) && !imp_given(m, A_DATE)) {
		imp_bad(m, A_TO, "kræver en Dato at begynde fra");
		return false;
	}
	if (imp_given(m, A_MONTH))
		return month_cell(m, t);
	if (imp_given(m, A_WEEK))
		return week_cell(m, t);
	t->kind = imp_given(m, A_TO) ? "period" : "date";
	if (!(t->from = imp_date_cell(m, A_DATE)) || (imp_given(m, A_TO) && !(t->to = imp_date_cell(m, A_TO))))
		return false;
	if (t->to && strcmp(t->to, t->from) < 0) {
		imp_bad(m, A_TO, "%s ligger før %s", t->to, t->from);
		return false;
	}
	return true;
}

/* Is the row's timing inside the wheel's year (a repeat may begin before)? */
static bool in_wheel(imp *m, int y, int s, const timing *t, bool repeats)
{
	char lo[32], hi[32];
	snprintf(lo, sizeof lo, "%04d-%02d-01", y, s);
	snprintf(hi, sizeof hi, "%04d-%02d-01", y + 1, s);
	const char *first = t->from, *last = t->to ? t->to : t->from;
	if (!first)
		return true;
	if (strcmp(first, hi) >= 0 || (!repeats && strcmp(last, lo) < 0)) {
		if (s == 1)
			imp_bad(m, A_DATE, "%s ligger uden for årshjulets år %d", first, y);
		else
			imp_bad(m, A_DATE, "%s ligger uden for årshjulets år (fra %s til før %s)", first, lo, hi);
		return false;
	}
	return true;
}

/* Does w hold an activity with this title and timing already? */
static bool activity_known(imp *m, xmlNodePtr w, const char *title, const timing *t)
{
	for (xmlNodePtr a = edit_child(w, "activity"); a; a = edit_next(a, "activity")) {
		if (!imp_same_text(m, a, "title", title))
			continue;
		xmlNodePtr x = edit_child(a, t->kind);
		if (!x)
			continue;
		if (strcmp(t->kind, "period") == 0) {
			const char *f = edit_attr(m->a, x, "from"), *to = edit_attr(m->a, x, "to");
			if (f && to && strcmp(f, t->from) == 0 && strcmp(to, t->to) == 0)
				return true;
		} else {
			const char *v = edit_text(m->a, x);
			const char *want = t->from ? t->from : arena_printf(m->a, "%d", t->number);
			if (v && want && strcmp(v, want) == 0)
				return true;
		}
	}
	return false;
}

void imp_activity_row(imp *m)
{
	timing t;
	int start = -1, end = -1;
	const char *title = imp_text_cell(m, A_TITLE, true), *who = imp_text_cell(m, A_WHO, true);
	const char *ring = imp_given(m, A_RING) ? imp_text_cell(m, A_RING, true) : "Aktiviteter";
	const char *ts = imp_given(m, A_START) ? imp_time_cell(m, A_START, &start) : NULL;
	const char *te = imp_given(m, A_END) ? imp_time_cell(m, A_END, &end) : NULL;
	const char *repeat = imp_given(m, A_REPEAT)
	                             ? imp_word_cell(m, A_REPEAT, repeat_words, imp_attr_type(m, activity_path, "repeat"))
	                             : NULL;
	bool ok = timing_of(m, &t) && title && who && ring && (!imp_given(m, A_REPEAT) || repeat);
	if (imp_given(m, A_END) && !imp_given(m, A_START))
		imp_bad(m, A_END, "kræver et Start-klokkeslæt"), ok = false;
	else if (te && ts && end <= start)
		imp_bad(m, A_END, "%s er ikke efter start %s", te, ts), ok = false;
	int start_month = 1, year = ok ? wheel_year(m, t.from, &start_month) : 0;
	if (!year || !in_wheel(m, year, start_month, &t, repeat != NULL) || m->d->errors)
		return;
	xmlNodePtr w = wheel_of(m, year);
	if (!w)
		return;
	if (activity_known(m, w, title, &t)) {
		m->skipped++;
		return;
	}
	const char *ring_id = ring_of(m, w, ring);
	xmlNodePtr a = ring_id ? edit_add(&m->e, w, "activity", NULL) : NULL;
	if (!a)
		return;
	m->added++;
	edit_set_attr(a, "ring", ring_id);
	edit_set_attr(a, "repeat", repeat);
	edit_add(&m->e, a, "title", title);
	if (*who)
		edit_add(&m->e, a, "responsible", who);
	if (strcmp(t.kind, "period") == 0) {
		xmlNodePtr p = edit_add(&m->e, a, "period", NULL);
		edit_set_attr(p, "from", t.from);
		edit_set_attr(p, "to", t.to);
	} else {
		edit_add(&m->e, a, t.kind, t.from ? t.from : arena_printf(m->a, "%d", t.number));
	}
	if (ts) {
		xmlNodePtr tm = edit_add(&m->e, a, "time", NULL);
		edit_set_attr(tm, "start", ts);
		edit_set_attr(tm, "end", te);
	}
}

/* ---- the handleplan and the APV ------------------------------------------------------------------- */

enum { H_WHAT, H_WHY, H_HOW, H_WHEN, H_WHO, H_FOLLOW, H_STATUS };
static const char *const action_path[] = {"action-plan", "action", NULL};
static const char *const action_children[] = {"what", "why", "how", "when", "who", "follow-up"};

/* The status cell f of a row for path's element: NULL when the row gives
 * none; NULL with *ok false (the cell reported) when it is not a status. */
static const char *status_cell(imp *m, int f, const char *const *path, bool *ok)
{
	if (!imp_given(m, f))
		return NULL;
	const char *status = imp_word_cell(m, f, status_words, imp_attr_type(m, path, "status"));
	*ok = *ok && status;
	return status;
}

/* A new element path[1], with status, at the end of the root's section
 * path[0], unless one there has the texts of the n children keys already
 * (then the row is counted as skipped): the new element, or NULL. */
static xmlNodePtr add_unless_known(imp *m, const char *const *path, const char *const *keys,
                                   const char *const *texts, size_t n, const char *status)
{
	xmlNodePtr sec = edit_ensure(&m->e, m->e.root, path[0]);
	for (xmlNodePtr el = edit_child(sec, path[1]); el; el = edit_next(el, path[1])) {
		size_t k = 0;
		while (k < n && imp_same_text(m, el, keys[k], texts[k]))
			k++;
		if (k == n) {
			m->skipped++;
			return NULL;
		}
	}
	xmlNodePtr el = edit_add(&m->e, sec, path[1], NULL);
	if (!el)
		return NULL;
	m->added++;
	edit_set_attr(el, "status", status);
	return el;
}

void imp_action_row(imp *m)
{
	const char *text[6];
	bool ok = true;
	for (int f = H_WHAT; f <= H_FOLLOW; f++)
		ok &= (text[f] = imp_text_cell(m, f, false)) != NULL;
	const char *status = status_cell(m, H_STATUS, action_path, &ok);
	if (!ok || m->d->errors)
		return;
	static const char *const keys[] = {"what", "who", "when"};
	const char *const key_texts[] = {text[H_WHAT], text[H_WHO], text[H_WHEN]};
	xmlNodePtr a = add_unless_known(m, action_path, keys, key_texts, 3, status);
	if (!a)
		return;
	for (int f = H_WHAT; f <= H_FOLLOW; f++)
		if (*text[f])
			edit_add(&m->e, a, action_children[f], text[f]);
}

enum { V_PROBLEM, V_ACTION, V_OWNER, V_DEADLINE, V_STATUS };
static const char *const apv_path[] = {"apv", "item", NULL};

void imp_apv_row(imp *m)
{
	const char *problem = imp_text_cell(m, V_PROBLEM, false), *action = imp_text_cell(m, V_ACTION, false);
	const char *owner = imp_text_cell(m, V_OWNER, true);
	const char *deadline = imp_given(m, V_DEADLINE) ? imp_date_cell(m, V_DEADLINE) : NULL;
	bool ok = problem && action && owner && (!imp_given(m, V_DEADLINE) || deadline);
	const char *status = status_cell(m, V_STATUS, apv_path, &ok);
	if (!ok || m->d->errors)
		return;
	static const char *const keys[] = {"problem"};
	xmlNodePtr it = add_unless_known(m, apv_path, keys, (const char *const[]){problem}, 1, status);
	if (!it)
		return;
	edit_add(&m->e, it, "problem", problem);
	if (*action)
		edit_add(&m->e, it, "action", action);
	if (*owner)
		edit_add(&m->e, it, "owner", owner);
	if (deadline)
		edit_add(&m->e, it, "deadline", deadline);
}

