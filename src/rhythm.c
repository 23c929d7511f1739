/* rhythm.c: derived activities of the legal rhythm; see rhythm.h. */
#include "rhythm.h"
#include "rules.h"
#include "cal.h"
#include "wheel.h"

#include <string.h>

#define RHYTHM_MAX 5
#define RHYTHM_COLOUR 0x555555   /* neutral grey: the law's ring */

/* Does the workplace have an AMO (10 or more employees, or a MED-aftale)?
 * Under 10 there is none: no kompetenceudviklingsplan, no AMR training. */
static bool has_amo(const am_workplace *wp)
{
	return rules_band_of(wp->headcount, wp->med_agreement) != BAND_SMALL;
}

static am_activity month_activity(const char *title, const am_ring *ring, int month)
{
	return (am_activity){.title = title, .ring = ring, .when = WHEN_MONTH,
	                     .month = (month + 11) % 12 + 1, .start = -1, .end = -1,
	                     .derived = true};
}

static am_activity date_activity(const char *title, const am_ring *ring, am_date at)
{
	return (am_activity){.title = title, .ring = ring, .when = WHEN_DATE, .from = at,
	                     .start = -1, .end = -1, .derived = true};
}

/* The next APV when it falls within the wheel's span; false otherwise. */
static bool next_apv(const am_workplace *wp, const wheel_geom *g, am_date *due)
{
	am_date last = wp->apv_date;
	if (!last.y)
		return false;
	int y = last.y + 3, d = last.d;
	if (d > cal_days_in_month(y, last.m))
		d = cal_days_in_month(y, last.m);
	long s = cal_serial(y, last.m, d);
	if (s >= g->first + g->days)
		return false;
	if (s < g->first)   /* overdue: as early as possible */
		cal_civil(g->first, &due->y, &due->m, &due->d);
	else
		*due = (am_date){y, last.m, d};
	return true;
}

static size_t derive(const am_workplace *wp, const rhythm_texts *t, const am_ring *ring,
                     const wheel_geom *g, am_activity out[RHYTHM_MAX])
{
	size_t n = 0;
	const am_date md = wp->meeting.date;
	int month = md.y ? md.m : (t->default_month >= 1 && t->default_month <= 12 ? t->default_month : 1);
	out[n++] = md.y ? date_activity(t->discussion, ring, md) : month_activity(t->discussion, ring, month);
	if (has_amo(wp))
		out[n++] = md.y ? date_activity(t->competence_plan, ring, md)
		                : month_activity(t->competence_plan, ring, month);
	out[n++] = month_activity(t->accident_overview, ring, month - 1);
	if (has_amo(wp))
		out[n++] = month_activity(t->amr_training, ring, month + 1);
	am_date due;
	if (next_apv(wp, g, &due))
		out[n++] = date_activity(t->apv, ring, due);
	return n;
}

int rhythm_apply(arena *a, am_workplace *wp, const rhythm_texts *t, bool force, diag *d)
{
	am_wheel *w = &wp->wheel;
	if (!w->rhythm && !force)
		return AM_OK;
	int year = w->year ? w->year : wp->meeting.year ? wp->meeting.year : wp->meeting.date.y;
	if (!year || w->n_rings >= 12) {
		diag_error(d, wp->file, w->line, year ? "the wheel has no room for the rhythm's ring (12 rings at most)"
		                                      : "the rhythm needs the wheel's year");
		return AM_EINPUT;
	}
	wheel_geom g;
	wheel_init(&g, year, w->start_month, 0);
	am_ring *rings = arena_array(a, w->n_rings + 1, sizeof *rings);
	am_activity *acts = arena_array(a, w->n_activities + RHYTHM_MAX, sizeof *acts);
	if (!rings || !acts)
		return diag_oom(d, wp->file);
	if (w->n_rings)
		memcpy(rings, w->rings, w->n_rings * sizeof *rings);
	for (size_t i = 0; i < w->n_activities; i++) {
		acts[i] = w->activities[i];
		if (acts[i].ring && w->n_rings)
			acts[i].ring = rings + (acts[i].ring - w->rings);
	}
	am_ring *ring = &rings[w->n_rings];
	*ring = (am_ring){.line = w->line, .id = "rhythm", .name = t->ring, .colour = RHYTHM_COLOUR};
	size_t n = derive(wp, t, ring, &g, acts + w->n_activities);
	w->rings = rings;
	w->n_rings++;
	w->activities = acts;
	w->n_activities += n;
	if (!w->year)
		w->year = year;
	return AM_OK;
}
