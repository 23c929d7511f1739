/* wheel_place.c: which activities the wheel names, and where.
 *
 * Every activity keeps its marks (markers, arcs, ticks) at its dates; at
 * most style.max_labels are named. Candidates are tried in rank order:
 * the legal rhythm's activities and the annual discussion's own day (the
 * activity on the meeting's date), then series (one label for all their
 * occurrences), then periods, then single days taken month by month (the
 * first of every month, then the second …) so that names spread over the
 * year. A period is named inside its arc when the name fits there; any
 * other label takes the first free place: by its occurrence, the label
 * tracks from the marker line outward, each with small slides along the
 * arc and the places just clear of what blocks it there (a quarter line,
 * a ring letter, a label), a leader joining marker and label when they
 * are apart. A label that would turn across 45° is set straight, and may
 * sit below the tracks, just above the markers, when its corners would
 * otherwise reach past its ring. A place is
 * free when its polar box meets no other label, leader or obstacle (ring
 * letters, quarter lines), when it does not straddle 3 or 9 o'clock
 * (where text turns), and when the boxes a text extractor gives its words
 * meet no text already set. One type size for every label. */
#include "aarshjul_int.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* --- ranks ------------------------------------------------------------------ */

static int month_of(const poster *p, long s)
{
	int y, m, d;
	cal_civil(s, &y, &m, &d);
	return (y - p->g.year) * 12 + m;
}

static int by_rank(const void *x, const void *y)
{
	const witem *a = *(const witem *const *)x, *b = *(const witem *const *)y;
	if (a->rank != b->rank)
		return a->rank < b->rank ? -1 : 1;
	if (a->occ[0].first != b->occ[0].first)
		return a->occ[0].first < b->occ[0].first ? -1 : 1;
	return a->act->line - b->act->line;
}

/* Rank: the legal rhythm's activities and the day of the annual
 * discussion itself (the activity on the meeting's date) 0, series 1;
 * then periods and single days round by round: in round k the k-th of
 * every month (periods before days), so that the names spread over the
 * year. */
static witem **ranked(poster *p)
{
	witem **order = arena_array(p->doc->arena, p->n_items + 1, sizeof *order);
	int seen[2][40] = {{0}};
	if (!order)
		return NULL;
	for (size_t i = 0; i < p->n_items; i++) {
		witem *it = &p->items[i];
		order[i] = it;
		it->rank = it->key ? 0 : it->n > 1 ? 1 : 2;
	}
	qsort(order, p->n_items, sizeof *order, by_rank);
	for (size_t i = 0; i < p->n_items; i++)
		if (order[i]->rank >= 2) {
			int m = month_of(p, order[i]->occ[0].first), day = !order[i]->period;
			int round = m >= 0 && m < 40 ? seen[day][m]++ : 0;
			order[i]->rank = 2 + 2 * round + day;
		}
	qsort(order, p->n_items, sizeof *order, by_rank);
	return order;
}

/* --- trying places --------------------------------------------------------- */

static double frac_angle(const poster *p, long s) { return (double)(s - p->g.first) / p->g.days * WHEEL_TAU; }

/* The angle of an occurrence's middle (a day's middle for one day). */
static double anchor_of(const poster *p, const occur *o)
{
	return (frac_angle(p, o->first) + frac_angle(p, o->last + 1)) / 2;
}

/* The label's widths, one line or split at its best space into two. */
static void measure_label(const poster *p, witem *it, int lines)
{
	const char *s = it->label;
	size_t len = strlen(s);
	it->lines = 1;
	it->w = it->w1 = wheel_measure(p, FONT_REGULAR, p->L, s, len);
	it->split = len;
	if (lines < 2)
		return;
	float best = it->w;
	for (size_t i = 1; i + 1 < len; i++) {
		if (s[i] != ' ')
			continue;
		float a = wheel_measure(p, FONT_REGULAR, p->L, s, i);
		float b = wheel_measure(p, FONT_REGULAR, p->L, s + i + 1, len - i - 1);
		if (fmaxf(a, b) < best) {
			best = fmaxf(a, b);
			it->lines = 2;
			it->split = i;
			it->w1 = a;
			it->w2 = b;
		}
	}
	it->w = best;
}

/* The least radius along the straight line from (r1, a1) to (r2, a2). */
static double chord_low(double r1, double a1, double r2, double a2)
{
	double d = fabs(a2 - a1), x2 = r2 * cos(d), y2 = r2 * sin(d);
	double dx = x2 - r1, dy = y2, len2 = dx * dx + dy * dy;
	double t = len2 > 0 ? -(r1 * dx) / len2 : 0;
	if (t <= 0)
		return r1;
	if (t >= 1)
		return r2;
	return hypot(r1 + t * dx, t * dy);
}

/* Sets it at centre angle tc, inner radius ri, if the place is free; a
 * leader from its marker when lead. Returns 1 when placed, 0 when not,
 * -1 when out of memory. */
static int try_at(poster *p, witem *it, const wring *g, double tc, double ri, bool lead)
{
	double h = wheel_text_h(p, p->L) + (it->lines - 1) * wheel_text_h(p, p->L) * 1.06;
	double rb = ri + h / 2, gap = 0.35 * p->L;
	double hw = (it->w / 2 + gap) / rb, out = ri + h;
	if (hw > WHEEL_PI / 3)
		return 0;
	/* along the arc when it reads one way all along, else straight, its
	 * ends rising off the arc */
	it->straight = !wheel_one_way(p, tc - hw, tc + hw);
	double limit = g->r1 - 0.1 * p->L;
	if (it->straight) {
		/* its outer corners (the gap is along the arc); when they reach
		 * past the ring, it may sit lower, its middle down to just above
		 * the markers' reach (tracks are for text along the arc) */
		double low = g->rm + 0.55 * p->L, fit = sqrt(fmax(0, limit * limit - it->w * it->w / 4)) - h;
		if (hypot(ri + h, it->w / 2) > limit && fit >= low && fit < ri) {
			ri = fit;
			rb = ri + h / 2;
			hw = (it->w / 2 + gap) / rb;
		}
		out = hypot(ri + h, it->w / 2);
	}
	if (out > limit)
		return 0;
	pbox lab = {ri - 0.1 * p->L, out, tc - hw, tc + hw, BOX_LABEL, 0};
	if (!wheel_free(&p->taken, &lab, 0))
		return 0;
	/* a leader runs straight out from the marker while it meets the
	 * label, else it slants to the label's nearer end */
	double reach = (it->w / 2 - 0.5 * p->L) / rb, foot = it->anchor;
	if (fabs(it->anchor - tc) > reach)
		foot = it->anchor < tc ? tc - reach : tc + reach;
	/* a slanting leader must not dip to the marker line */
	if (lead && chord_low(g->rm + 0.45 * p->L, it->anchor, ri - 0.05 * p->L, foot) < g->rm + 0.4 * p->L)
		return 0;
	double lw = 0.3 * p->L / g->rm;
	pbox leader = {g->rm + 0.4 * p->L, ri - 0.1 * p->L, fmin(it->anchor, foot) - lw, fmax(it->anchor, foot) + lw,
	               BOX_LEADER, 0};
	if (lead && !wheel_free(&p->taken, &leader, 0))
		return 0;
	it->tc = tc;
	it->ri = ri;
	wrun runs[WHEEL_RUNS];
	size_t first, n = wheel_label_runs(p, it, runs, WHEEL_RUNS, &first);
	int clear = wheel_label_words(p, runs, n, first, &it->span);
	if (clear <= 0)
		return clear;
	if (wheel_file(p, &p->taken, lab) || (lead && wheel_file(p, &p->taken, leader)))
		return -1;
	it->lead = lead;
	it->foot = foot;
	return 1;
}

/* Inside an arc: a period whose name fits between its ends, where no other
 * activity has a mark. */
static int try_inside(poster *p, witem *it, const wring *g, size_t own)
{
	if (!g->tracks)
		return 0;
	double lo = g->rm - 0.34 * p->L - 0.05 * p->L, hi = g->t0 + wheel_text_h(p, p->L) * 1.06;
	double ri = (lo + hi) / 2 - wheel_text_h(p, p->L) / 2, rb = ri + wheel_text_h(p, p->L) / 2;
	for (size_t k = 0; k < it->n; k++) {
		const occur *o = &it->occ[k];
		double t0 = frac_angle(p, o->first), t1 = frac_angle(p, o->last + 1);
		if (o->last == o->first || (t1 - t0) * rb < it->w + 1.2 * p->L)
			continue;
		pbox band = {lo, hi, t0, t1, BOX_LABEL, 0};
		double hw = it->w / 2 / rb, tc = (t0 + t1) / 2;
		if (!wheel_one_way(p, tc - hw, tc + hw) || !wheel_free(&p->taken, &band, 0) || !wheel_free(&p->marks, &band, own))
			continue;
		it->tc = tc;
		it->ri = ri;
		it->at = k;
		it->anchor = tc;
		it->straight = false;
		wrun runs[WHEEL_RUNS];
		size_t first, n = wheel_label_runs(p, it, runs, WHEEL_RUNS, &first);
		int clear = wheel_label_words(p, runs, n, first, &it->span);
		if (clear < 0)
			return -1;
		if (!clear)
			continue;
		if (wheel_file(p, &p->taken, band))
			return -1;
		it->inside = true;
		return 1;
	}
	return 0;
}

/* The last wheel angle at or before t where text turns (a clock angle
 * that is a multiple of 45°, but 0° and 180°). */
static double turn_before(const poster *p, double t)
{
	double q = WHEEL_PI / 4, a = p->g.start_angle + t;
	long k = (long)floor(a / q);
	while (((k % 4) + 4) % 4 == 0)
		k--;
	return k * q - p->g.start_angle;
}

/* Slides along the arc, in half-widths of the label, nearest first. */
static const double SLIDES[] = {0, 0.4, -0.4, 0.8, -0.8, 1.2, -1.2, 1.8, -1.8, 2.6, -2.6, 3.4, -3.4, 4.2, -4.2};

/* The occurrences a label may stand by: all of them, or for a long series
 * twelve spread over the year. */
static size_t anchor_index(const witem *it, size_t k) { return it->n <= 12 ? k : k * it->n / 12; }

/* Places just clear of what is taken where the label would stand by its
 * anchor, nearest first: a label blocked by a quarter line or another
 * label slides just past it. Into out (EDGES at most); returns how many. */
#define EDGES 16
static size_t beside_taken(const poster *p, const witem *it, double ri, double h, double hw, double *out)
{
	pbox at = {ri - 0.1 * p->L, ri + h, it->anchor - hw, it->anchor + hw, BOX_LABEL, 0};
	double e[EDGES];
	size_t n = wheel_edges(&p->taken, &at, e, EDGES / 2), k = 0;
	for (size_t i = 0; i < n; i++)   /* past its start, or past its end */
		out[k++] = i % 2 ? e[i] + 1.03 * hw + 0.002 : e[i] - 1.03 * hw - 0.002;   /* try_at measures a little wider */
	for (size_t i = 1; i < k; i++)   /* nearest first */
		for (size_t j = i; j > 0 && fabs(out[j] - it->anchor) < fabs(out[j - 1] - it->anchor); j--) {
			double t = out[j];
			out[j] = out[j - 1], out[j - 1] = t;
		}
	return k;
}

static int try_label(poster *p, witem *it, size_t own)
{
	const wring *g = &p->rings[it->ring];
	if (!g->tracks)
		return 0;
	if (it->period) {
		measure_label(p, it, 1);
		int rc = try_inside(p, it, g, own);
		if (rc)
			return rc;
	}
	double th = wheel_text_h(p, p->L) * 1.06;
	for (int lines = 1; lines <= 2 && lines <= g->tracks; lines++) {
		measure_label(p, it, lines);
		if (lines == 2 && it->lines < 2)
			break;
		for (size_t a = 0; a < (it->n <= 12 ? it->n : 12); a++) {
			it->at = anchor_index(it, a);
			it->anchor = anchor_of(p, &it->occ[it->at]);
			for (int k = 0; k + lines <= g->tracks; k++) {
				double ri = g->t0 + k * th, rb = ri + th * lines / 2, hw = (it->w / 2 + 0.35 * p->L) / rb;
				double tc[sizeof SLIDES / sizeof SLIDES[0] + 4 + EDGES];
				size_t nc = 0;
				for (size_t s = 0; s < sizeof SLIDES / sizeof SLIDES[0]; s++)
					tc[nc++] = it->anchor + SLIDES[s] * (it->w / 2) / rb;
				nc += beside_taken(p, it, ri, th * lines, hw, tc + nc);
				/* and either side of the nearest places where text turns,
				 * so that a label the anchor's place would turn fits beside */
				double b = turn_before(p, it->anchor);
				tc[nc++] = b - hw - 0.002;
				tc[nc++] = b + hw + 0.002;
				b = turn_before(p, it->anchor + WHEEL_PI / 4);
				tc[nc++] = b - hw - 0.002;
				tc[nc++] = b + hw + 0.002;
				for (size_t c = 0; c < nc; c++) {
					if (fabs(tc[c] - it->anchor) > 0.6 * WHEEL_PI)
						continue;
					int rc = try_at(p, it, g, tc[c], ri, k > 0 || c > 0);
					if (rc)
						return rc;
				}
			}
		}
	}
	return 0;
}

/* --- obstacles and marks ----------------------------------------------------- */

/* A mark for every occurrence (for labels set inside arcs, the rings'
 * letters, and the lines that stop short of marks), and the quarter lines
 * across the label tracks. */
static int obstacles(poster *p)
{
	double q[4];
	int qn[4];
	wheel_quarters(&p->g, q, qn);
	for (size_t i = 0; i < p->n_rings; i++) {
		const wring *g = &p->rings[i];
		double e = 0.45 * p->L / g->rm;
		for (int k = 0; k < 4 && g->tracks; k++)
			if (wheel_file(p, &p->taken, (pbox){g->t0 - 0.2 * p->L, g->r1, q[k] * WHEEL_TAU - e,
			                                     q[k] * WHEEL_TAU + e, BOX_QUARTER, 0}))
				return -1;
	}
	for (size_t i = 0; i < p->n_items; i++) {
		const witem *it = &p->items[i];
		const wring *g = &p->rings[it->ring];
		double mr = 0.34 * p->L, e = 1.3 * mr / g->rm;
		for (size_t k = 0; k < it->n; k++) {
			double t0 = frac_angle(p, it->occ[k].first), t1 = frac_angle(p, it->occ[k].last + 1);
			double a = anchor_of(p, &it->occ[k]);
			pbox b = {g->rm - 1.3 * mr, g->rm + 1.3 * mr, fmin(t0, a - e), fmax(t1, a + e), BOX_MARK, i};
			if (wheel_file(p, &p->marks, b))
				return -1;
		}
	}
	return 0;
}

int wheel_place(poster *p)
{
	p->labelled = 0;
	if (wheel_taken_start(p))
		return -1;
	if (obstacles(p) || wheel_fixed(p, false))
		return -1;
	witem **order = ranked(p);
	if (!order)
		return -1;
	/* a ring where this many labels in a row found no place is full */
	enum { FULL = 60 };
	for (size_t i = 0; i < p->n_items && p->labelled < (size_t)p->st.max_labels; i++) {
		witem *it = order[i];
		wring *g = &p->rings[it->ring];
		it->placed = it->inside = it->lead = false;
		if (g->misses >= FULL)
			continue;
		int rc = try_label(p, it, (size_t)(it - p->items));
		if (rc < 0)
			return -1;
		it->placed = rc > 0;
		g->misses = it->placed ? 0 : g->misses + 1;
		p->labelled += it->placed;
	}
	for (size_t i = 0; i < p->n_items; i++)   /* those never tried */
		if (!order[i]->placed)
			order[i]->inside = order[i]->lead = false;
	return p->oom ? -1 : 0;
}
