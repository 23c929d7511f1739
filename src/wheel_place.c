/* wheel_place.c: which activities the wheel names, and where.
 *
 * Every activity keeps its marks (markers, arcs, ticks) at its dates; at
 * most style.max_labels are named. Candidates are tried in rank order:
 * the legal rhythm's activities and the annual discussion's own day (the
 * activity on the meeting's date), then series (one label for all their
 * occurrences), then periods, then single days taken month by month (the
 * first of every month, then the second …) so that names spread over the
 * year. A period is named inside its arc when the name fits there. Any
 * other label searches its ring's free space: in one line, then in two
 * and three (broken at spaces, or where that is not narrow enough at the
 * Danish hyphenation points), by each occurrence, on each label track
 * from the marker line outward, at the places of every free stretch of
 * the track nearest the occurrence and farthest from it, both for the
 * whole stretch and for each part of it between two turns of the text
 * (where it reads along its arc); a leader joins marker and label when
 * they are apart. A label that would turn across 45° is set straight, and
 * may sit below the tracks, just above the markers, when its corners
 * would otherwise reach past its ring. A place is free when its polar box
 * meets no other label, leader or obstacle (ring letters, and in a first
 * pass the quarter lines; a second pass names what it can across them,
 * the lines stopping short), and when the boxes a text extractor gives
 * its words meet no text already set. One type size for every label.
 * What the rings have no room for may still be named beside the wheel,
 * in the page's corners (wheel_margin.c). */
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


/* Sets the label of it as l says. */
static void set_label(witem *it, const wlines *l)
{
	it->lines = l->n;
	it->w = l->w;
	for (int k = 0; k < l->n; k++) {
		it->line[k] = l->s[k];
		it->line_len[k] = l->len[k];
	}
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

/* The depth of a label of `lines` lines. */
static double label_h(const poster *p, int lines)
{
	return wheel_text_h(p, p->L) * (1 + (lines - 1) * 1.06);
}

/* Puts the words of it at centre angle tc, inner radius ri: 1 when they
 * clear what is taken, 0 when not, -1 when out of memory. */
static int set_words(poster *p, witem *it, double tc, double ri)
{
	it->tc = tc;
	it->ri = ri;
	wrun runs[WHEEL_RUNS];
	size_t ends[3];
	wheel_label_runs(p, it, runs, WHEEL_RUNS, ends);
	return wheel_label_words(p, runs, ends, it->lines, &it->span);
}

/* Sets it at centre angle tc, inner radius ri, if the place is free; a
 * leader from its marker when lead. Returns 1 when placed, 0 when not,
 * -1 when out of memory. */
static int try_at(poster *p, witem *it, const wring *g, double tc, double ri, bool lead)
{
	double h = label_h(p, it->lines);
	double rb = ri + h / 2, gap = 0.35 * p->L;
	double hw = (it->w / 2 + gap) / rb, out = ri + h;
	if (hw > WHEEL_PI / 3)
		return 0;
	/* along the arc when it reads one way all along, else straight, its
	 * ends rising off the arc */
	double tw = (it->w / 2 + 0.1 * p->L) / (ri + p->m->descent * p->L);
	it->straight = !wheel_one_way(p, tc - tw, tc + tw);
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
	int clear = set_words(p, it, tc, ri);
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
		it->at = k;
		it->anchor = tc;
		it->straight = false;
		int clear = set_words(p, it, tc, ri);
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

/* --- the free-space search -------------------------------------------------- */

/* How far from its occurrence a label may stand, as a wheel angle. */
#define REACH (0.6 * WHEEL_PI)
/* Stretches, and places tried, per track at most. */
enum { STRETCHES = 96, PLACES = 64 };

typedef struct stretch { double t0, t1; } stretch;

static int by_start(const void *x, const void *y)
{
	const stretch *a = x, *b = y;
	return a->t0 < b->t0 ? -1 : a->t0 > b->t0;
}

/* The stretches of the band r0..r1 within REACH of the anchor that no
 * label, leader, letter or quarter line takes: the complement of what
 * is taken there, merged. Into out; returns how many. */
static size_t free_stretches(const poster *p, double anchor, double r0, double r1, double hw, stretch *out)
{
	double e[2 * STRETCHES];
	pbox win = {r0, r1, anchor - REACH - hw, anchor + REACH + hw, BOX_LABEL, 0};
	size_t n = wheel_edges(&p->taken, &win, e, 2 * STRETCHES) / 2, k = 0;
	stretch taken[STRETCHES];
	for (size_t i = 0; i < n; i++)
		taken[i] = (stretch){e[2 * i], e[2 * i + 1]};
	qsort(taken, n, sizeof *taken, by_start);
	double at = win.t0;
	for (size_t i = 0; i <= n && k < STRETCHES; i++) {
		double end = i < n ? taken[i].t0 : win.t1;
		if (end > at)
			out[k++] = (stretch){at, end};
		if (i < n && taken[i].t1 > at)
			at = taken[i].t1;
	}
	return k;
}

/* The next wheel angle after t where text turns (a clock angle that is
 * a multiple of 45°, but 0° and 180°). */
static double turn_after(const poster *p, double t)
{
	double q = WHEEL_PI / 4, a = p->g.start_angle + t;
	long k = (long)floor(a / q) + 1;
	while (((k % 4) + 4) % 4 == 0 || k * q - p->g.start_angle <= t + 1e-9)   /* on from a turn */
		k++;
	return k * q - p->g.start_angle;
}

static double clamp(double x, double lo, double hi) { return x < lo ? lo : x > hi ? hi : x; }

/* Adds the places in lo..hi nearest the anchor and farthest from it
 * (when lo ≤ hi). */
static void add_range(double anchor, double lo, double hi, double *out, size_t *n)
{
	if (lo > hi || *n + 2 > PLACES)
		return;
	double near = clamp(anchor, lo, hi);
	out[(*n)++] = near;
	double far = anchor - lo > hi - anchor ? lo : hi;
	if (fabs(far - near) > 1e-3)
		out[(*n)++] = far;
}

/* Sorts the n places nearest the anchor first, the earlier first where
 * two are as near (a stable insertion sort: n is at most PLACES). */
static void by_nearness(double anchor, double *t, size_t n)
{
	for (size_t i = 1; i < n; i++) {
		double v = t[i], d = fabs(v - anchor);
		size_t j = i;
		for (; j > 0 && fabs(t[j - 1] - anchor) > d; j--)
			t[j] = t[j - 1];
		t[j] = v;
	}
}

/* The centre angles where a label of half angle hw (its gap included)
 * and text of half angle tw fits the free stretches of its band: in each
 * stretch, the place nearest the anchor and the farthest, and the same
 * within each part of the stretch between two turns of text, where it
 * reads along its arc; nearest first. Returns how many. */
static size_t places(const poster *p, double anchor, double r0, double r1, double hw, double tw, double *out)
{
	stretch s[STRETCHES];
	size_t ns = free_stretches(p, anchor, r0, r1, hw, s), n = 0;
	for (size_t i = 0; i < ns; i++) {
		double lo = fmax(s[i].t0 + hw, anchor - REACH), hi = fmin(s[i].t1 - hw, anchor + REACH);
		if (lo > hi)
			continue;
		add_range(anchor, lo, hi, out, &n);
		for (double a = lo - tw; a < hi + tw;) {   /* the parts between turns */
			double b = turn_after(p, a);
			add_range(anchor, fmax(lo, a + tw), fmin(hi, b - tw), out, &n);
			a = b;
		}
	}
	by_nearness(anchor, out, n);
	return n;
}

/* The half angle of the label's text on its innermost baseline, and of
 * the text with the gap to its neighbours on the middle one. */
static void half_angles(const poster *p, const witem *it, double ri, double *hw, double *tw)
{
	double h = label_h(p, it->lines);
	*hw = (it->w / 2 + 0.35 * p->L) / (ri + h / 2);
	*tw = (it->w / 2 + 0.1 * p->L) / (ri + p->m->descent * p->L);
}

/* The occurrences a label may stand by: all of them, or for a long series
 * twelve spread over the year. */
static size_t anchor_index(const witem *it, size_t k) { return it->n <= 12 ? k : k * it->n / 12; }

static int try_label(poster *p, witem *it, size_t own)
{
	const wring *g = &p->rings[it->ring];
	if (!g->tracks)
		return 0;
	if (!it->forms) {   /* once, for both passes */
		wlines *f = arena_array(p->doc->arena, 3, sizeof *f);
		if (!f)
			return -1;
		it->n_forms = wheel_label_lines(p, it->label, g->tracks, f);
		it->forms = f;
	}
	const wlines *l = it->forms;
	int forms = it->n_forms;
	if (it->period) {
		set_label(it, &l[0]);
		int rc = try_inside(p, it, g, own);
		if (rc)
			return rc;
	}
	double th = wheel_text_h(p, p->L) * 1.06;
	for (int f = 0; f < forms; f++) {
		int lines = f + 1;
		if (f && l[f].w >= l[f - 1].w)
			break;
		set_label(it, &l[f]);
		for (size_t a = 0; a < (it->n <= 12 ? it->n : 12); a++) {
			it->at = anchor_index(it, a);
			it->anchor = wheel_anchor(p, &it->occ[it->at]);
			for (int k = 0; k + lines <= g->tracks; k++) {
				double ri = g->t0 + k * th, hw, tw, tc[PLACES];
				half_angles(p, it, ri, &hw, &tw);
				size_t nc = places(p, it->anchor, ri - 0.1 * p->L, ri + label_h(p, lines), hw, tw, tc);
				for (size_t c = 0; c < nc; c++) {
					int rc = try_at(p, it, g, tc[c], ri, k > 0 || fabs(tc[c] - it->anchor) > 1e-9);
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
			double a = wheel_anchor(p, &it->occ[k]);
			pbox b = {g->rm - 1.3 * mr, g->rm + 1.3 * mr, fmin(t0, a - e), fmax(t1, a + e), BOX_MARK, i};
			if (wheel_file(p, &p->marks, b))
				return -1;
		}
	}
	return 0;
}

/* Tries the unnamed activities in rank order while fewer than
 * style.max_labels are named. Returns -1 when out of memory. */
static int name_some(poster *p, witem **order)
{
	/* a ring where this many labels in a row found no place is full */
	enum { FULL = 60 };
	for (size_t i = 0; i < p->n_items && p->labelled < (size_t)p->st.max_labels; i++) {
		witem *it = order[i];
		wring *g = &p->rings[it->ring];
		if (it->placed || g->misses >= FULL)
			continue;
		it->inside = it->lead = false;
		int rc = try_label(p, it, (size_t)(it - p->items));
		if (rc < 0)
			return -1;
		it->placed = rc > 0;
		g->misses = it->placed ? 0 : g->misses + 1;
		p->labelled += it->placed;
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
	for (size_t i = 0; i < p->n_items; i++)
		p->items[i].placed = p->items[i].outside = false;
	p->n_outside = 0;
	witem **order = ranked(p);
	if (!order)
		return -1;
	/* first clear of the quarter lines; then the activities still
	 * unnamed across them too (the lines stop short of the labels) */
	for (int pass = 0; pass < 2; pass++) {
		p->taken.past_quarters = pass > 0;
		for (size_t i = 0; i < p->n_rings; i++)
			p->rings[i].misses = 0;
		if (name_some(p, order) < 0)
			return -1;
	}
	p->taken.past_quarters = false;
	for (size_t i = 0; i < p->n_items; i++)   /* those never tried */
		if (!order[i]->placed)
			order[i]->inside = order[i]->lead = false;
	/* what the rings have no room for, beside the wheel */
	if (wheel_margin_place(p, order))
		return -1;
	return p->oom ? -1 : 0;
}
