/* wheel_margin.c: labels beside the wheel, in the corners the page leaves
 * around it (the wheel is round, its part of the page is not), for the
 * activities its rings have no room to name.
 *
 * A label there is set level, in one to three lines, against the page's
 * edge: in a corner above the wheel from the top down, below it from the
 * bottom up, the first in the corner itself and the next beside the one
 * before. Its leader runs from the activity's marker out to the rim,
 * straight at the label, or bent at the rim (up to 30° aside), between the
 * labels, leaders, marks and words on its way; past the rim it runs
 * within 60° of straight out from the wheel. Leaders never cross each other, nor
 * any text, nor a quarter line; the month and quarter lines drawn later
 * stop short of them. Where the month band is dark the leader is drawn
 * in the paper's colour across it. */
#include "aarshjul_int.h"

#include <math.h>
#include <string.h>

/* A leader: from the marker (polar r0 at wheel angle t0) to the rim
 * point b, then to the label at e. */
typedef struct lead { point a, b, e; } lead;

static double dist(point a, point b) { return hypot((double)a.x - b.x, (double)a.y - b.y); }

static point polar_pt(const poster *p, double r, double t) { return wheel_point(p->c, r, wheel_clock(p, t)); }

/* Whether segments a-b and c-d cross or touch away from their ends. */
static bool segments_meet(point a, point b, point c, point d)
{
	double d1 = ((double)b.x - a.x) * ((double)c.y - a.y) - ((double)b.y - a.y) * ((double)c.x - a.x);
	double d2 = ((double)b.x - a.x) * ((double)d.y - a.y) - ((double)b.y - a.y) * ((double)d.x - a.x);
	double d3 = ((double)d.x - c.x) * ((double)a.y - c.y) - ((double)d.y - c.y) * ((double)a.x - c.x);
	double d4 = ((double)d.x - c.x) * ((double)b.y - c.y) - ((double)d.y - c.y) * ((double)b.x - c.x);
	return ((d1 >= 0) != (d2 >= 0)) && ((d3 >= 0) != (d4 >= 0));
}

/* The distance from point c to segment a-b. */
static double point_seg(point c, point a, point b)
{
	double dx = (double)b.x - a.x, dy = (double)b.y - a.y, len2 = dx * dx + dy * dy;
	double u = len2 > 0 ? (((double)c.x - a.x) * dx + ((double)c.y - a.y) * dy) / len2 : 0;
	u = u < 0 ? 0 : u > 1 ? 1 : u;
	return hypot(a.x + u * dx - c.x, a.y + u * dy - c.y);
}

/* Whether segments a-b and c-d come nearer each other than d0. */
static bool segs_near(point a, point b, point c, point d, double d0)
{
	/* their boxes grown by d0 apart: far enough */
	if (fmin(a.x, b.x) - d0 > fmax(c.x, d.x) || fmin(c.x, d.x) - d0 > fmax(a.x, b.x) ||
	    fmin(a.y, b.y) - d0 > fmax(c.y, d.y) || fmin(c.y, d.y) - d0 > fmax(a.y, b.y))
		return false;
	if (segments_meet(a, b, c, d))
		return true;
	return fmin(fmin(point_seg(a, c, d), point_seg(b, c, d)), fmin(point_seg(c, a, b), point_seg(d, a, b))) < d0;
}

static bool rects_apart(rect a, rect b, float gap)
{
	return a.x + a.w + gap <= b.x || b.x + b.w + gap <= a.x || a.y + a.h + gap <= b.y || b.y + b.h + gap <= a.y;
}

/* --- where a label may stand ---------------------------------------------- */

/* The label's box clear of the wheel (its rim and a margin), inside the
 * wheel's part of the page, apart from the other labels there. */
static bool box_free(const poster *p, rect b)
{
	const rect f = p->beside;
	if (b.x < f.x - 0.01f || b.y < f.y - 0.01f || b.x + b.w > f.x + f.w + 0.01f || b.y + b.h > f.y + f.h + 0.01f)
		return false;
	double dx = fmax(fmax(b.x - p->c.x, p->c.x - (b.x + b.w)), 0);
	double dy = fmax(fmax(b.y - p->c.y, p->c.y - (b.y + b.h)), 0);
	if (hypot(dx, dy) < p->R + 0.6 * p->L)
		return false;
	for (size_t i = 0; i < p->n_outside; i++)
		if (!rects_apart(b, p->outside[i]->box, 0.5f * p->L))
			return false;
	return true;
}

/* Places for a box of w × h: in each corner of the wheel's part of the
 * page, in the corner itself and beside each label already in that
 * corner (below or above it, and towards the middle); at most max. */
static size_t boxes(const poster *p, float w, float h, rect *out, size_t max)
{
	const rect f = p->beside;
	float gap = 0.5f * p->L;
	size_t n = 0;
	for (int corner = 0; corner < 4; corner++) {
		bool right = corner & 1, low = corner & 2;
		rect b = {right ? f.x + f.w - w : f.x, low ? f.y + f.h - h : f.y, w, h};
		if (n < max && box_free(p, b))
			out[n++] = b;
		for (size_t i = 0; i < p->n_outside; i++) {
			rect o = p->outside[i]->box;
			if ((o.x + o.w / 2 > p->c.x) != right || (o.y + o.h / 2 > p->c.y) != low)
				continue;
			rect below = {b.x, low ? o.y - gap - h : o.y + o.h + gap, w, h};
			rect beside = {right ? o.x - gap - w : o.x + o.w + gap, o.y, w, h};
			if (n < max && box_free(p, below))
				out[n++] = below;
			if (n < max && box_free(p, beside))
				out[n++] = beside;
		}
	}
	return n;
}

/* --- leaders ---------------------------------------------------------------- */

/* Whether a probe of half width `clear` at q, inside the wheel, keeps
 * clear of labels, leaders, letters, quarter lines, month names, words
 * and, with marks, the marks of other items than own. */
static bool spot_clear(const poster *p, size_t own, point q, double clear, bool marks)
{
	double r, ca;
	wheel_polar(p->c, q, &r, &ca);
	double t = ca - p->g.start_angle;
	pbox probe = {r - clear, r + clear, t - clear / r, t + clear / r, BOX_LEADER, 0};
	if (!wheel_free(&p->taken, &probe, 0) || (marks && !wheel_free(&p->marks, &probe, own)) ||
	    !wheel_free(&p->band, &probe, 0))
		return false;
	rect at = {(float)(q.x - clear), (float)(q.y - clear), (float)(2 * clear), (float)(2 * clear)};
	return wheel_rect_free(p, at);
}

/* Whether the part of a leader inside the wheel, from the marker of it
 * (own) at a to the rim point b, keeps clear of labels, leaders, letters,
 * quarter lines, month names, words, and other marks but those it leaves
 * from (where two activities share a day, their markers stand together). */
static bool inner_clear(const poster *p, size_t own, point a, point b)
{
	double len = dist(a, b), step = 0.3 * p->L, clear = 0.22 * p->L;
	for (double s = 0; s < len; s += step) {
		double u = s / len;
		point q = {(float)(a.x + u * (b.x - a.x)), (float)(a.y + u * (b.y - a.y))};
		if (!spot_clear(p, own, q, clear, s > 0.6 * p->L))
			return false;
	}
	return true;
}

/* Whether a leader keeps clear of the other labels beside the wheel and
 * apart from their leaders, and they of the new label's box. */
static bool outer_clear(const poster *p, const lead *l, rect box)
{
	float g = 0.2f * p->L;
	double apart = 0.4 * p->L;
	for (size_t i = 0; i < p->n_outside; i++) {
		const witem *o = p->outside[i];
		rect ob = {o->box.x - g, o->box.y - g, o->box.w + 2 * g, o->box.h + 2 * g};
		const lead *m = &(lead){o->lead_a, o->lead_b, o->lead_e};
		if (draw_segment_meets(l->b, l->e, ob) || draw_segment_meets(m->b, m->e, box) ||
		    segs_near(l->a, l->b, m->a, m->b, apart) || segs_near(l->a, l->b, m->b, m->e, apart) ||
		    segs_near(l->b, l->e, m->a, m->b, apart) || segs_near(l->b, l->e, m->b, m->e, apart))
			return false;
	}
	return true;
}

/* Whether the wheel angles between t0 and t1 hold a quarter line (q:
 * wheel_quarters'), with a margin. */
static bool past_quarter(const double *q, double t0, double t1, double margin)
{
	double lo = fmin(t0, t1) - margin, hi = fmax(t0, t1) + margin;
	for (int k = 0; k < 4; k++)
		for (int s = -1; s <= 1; s++) {
			double a = q[k] * WHEEL_TAU + s * WHEEL_TAU;
			if (a >= lo && a <= hi)
				return true;
		}
	return false;
}

/* Where a leader may leave from: an occurrence of an activity, and the
 * ways out from its marker to the rim, straight and bent aside. What lies
 * inside the wheel does not change while the labels beside it are placed
 * (they are filed when all are placed), so whether a way runs clear is
 * found once for every box and label form tried from here. */
enum { BENDS = 25, FROMS = 12 };
typedef struct from {
	bool made;
	bool open;                  /* the start by the marker is clear: else no way is (nor
	                             * the ways below made) */
	double t;                   /* the occurrence's wheel angle */
	point a;                    /* the leader's start, just outside the marker */
	double tb[BENDS];           /* rim angles: straight out, then 2.5° aside each way, to 30° */
	point b[BENDS];             /* the rim points */
	signed char clear[BENDS];   /* the way a-b[k] runs clear: 1, 0, or -1 not yet known */
} from;

static void from_make(const poster *p, const witem *it, size_t at, from *f)
{
	double rim = p->R + 0.3 * p->L;
	f->made = true;
	f->t = wheel_anchor(p, &it->occ[at]);
	f->a = polar_pt(p, p->rings[it->ring].rm + 0.45 * p->L, f->t);
	f->open = spot_clear(p, (size_t)(it - p->items), f->a, 0.22 * p->L, false);
	for (int k = 0; f->open && k < BENDS; k++) {
		f->tb[k] = f->t + (k & 1 ? -1 : 1) * ((k + 1) / 2) * 2.5 * WHEEL_PI / 180;
		f->b[k] = polar_pt(p, rim, f->tb[k]);
		f->clear[k] = -1;
	}
}

/* Whether the leader's part outside the wheel, from the rim point b to e
 * by the box, runs within 60° of straight out, misses the box, and keeps
 * clear of the other labels beside the wheel and their leaders. */
static bool outer_ok(const poster *p, const lead *l, rect box)
{
	double rim = p->R + 0.3 * p->L;
	double ox = (double)l->b.x - p->c.x, oy = (double)l->b.y - p->c.y;
	double ex = (double)l->e.x - l->b.x, ey = (double)l->e.y - l->b.y, dot = ex * ox + ey * oy;
	if (dot < 0 || dot * dot < 0.25 * (ex * ex + ey * ey) * rim * rim)
		return false;
	return !draw_segment_meets(l->b, l->e, box) && outer_clear(p, l, box);
}

/* Whether the leader's part inside the wheel, from f's start to the rim
 * point b at wheel angle tb, leaves the marker outwards, never dipping
 * back, passes no quarter line and runs clear. */
static bool inner_ok(const poster *p, const witem *it, const double *q, const from *f, double tb, point b)
{
	double r0 = p->rings[it->ring].rm + 0.45 * p->L;
	double ax = (double)f->a.x - p->c.x, ay = (double)f->a.y - p->c.y;
	if (((double)b.x - f->a.x) * ax + ((double)b.y - f->a.y) * ay <= 0)
		return false;
	if (past_quarter(q, f->t, tb, 0.5 * p->L / r0))
		return false;
	return inner_clear(p, (size_t)(it - p->items), f->a, b);
}

/* A leader from f to e by the box, leaving the rim by way k of f's, or
 * (k < 0) at wheel angle tb, point b; false when it would not run clear.
 * The rim point lies on the way out: past it the leader only moves away
 * from the wheel. */
static bool try_lead(const poster *p, const witem *it, const double *q, from *f, int k, double tb, point b,
                     point e, rect box, lead *l)
{
	if (k >= 0) {
		if (!f->clear[k])
			return false;
		tb = f->tb[k];
		b = f->b[k];
	}
	*l = (lead){f->a, b, e};
	if (!outer_ok(p, l, box))
		return false;
	if (k < 0)
		return inner_ok(p, it, q, f, tb, b);
	if (f->clear[k] < 0)
		f->clear[k] = inner_ok(p, it, q, f, tb, b);
	return f->clear[k];
}

/* The rim's wheel angle where the line from a to e leaves the wheel, or
 * NAN when it does not. */
static double rim_crossing(const poster *p, point a, point e)
{
	double rim = p->R + 0.3 * p->L;
	double ax = (double)a.x - p->c.x, ay = (double)a.y - p->c.y, dx = (double)e.x - a.x, dy = (double)e.y - a.y;
	double A = dx * dx + dy * dy, B = 2 * (ax * dx + ay * dy), C = ax * ax + ay * ay - rim * rim;
	double disc = B * B - 4 * A * C;
	if (A <= 0 || disc < 0)
		return NAN;
	double u = (-B + sqrt(disc)) / (2 * A);
	if (u <= 0 || u >= 1)
		return NAN;
	double r, ca;
	wheel_polar(p->c, (point){(float)(p->c.x + ax + u * dx), (float)(p->c.y + ay + u * dy)}, &r, &ca);
	return ca - p->g.start_angle;
}

/* The angle t2 nearest t1 that differs from it by whole turns. */
static double near_turn(double t2, double t1) { return t2 + WHEEL_TAU * floor((t1 - t2) / WHEEL_TAU + 0.5); }

/* Where a leader may meet the label in box: the middle of its side
 * towards the wheel's axis, and under (over) it towards the wheel near
 * its inner end, middle and outer end. Returns how many (4). */
static size_t ends_of(const poster *p, rect box, point *e)
{
	bool right = box.x + box.w / 2 > p->c.x, low = box.y + box.h / 2 > p->c.y;
	float g = 0.25f * p->L, y = low ? box.y - g : box.y + box.h + g;
	float in = right ? box.x + 0.5f * p->L : box.x + box.w - 0.5f * p->L;
	float far = right ? box.x + box.w - 0.5f * p->L : box.x + 0.5f * p->L;
	e[0] = (point){right ? box.x - g : box.x + box.w + g, box.y + box.h / 2};
	e[1] = (point){in, y};
	e[2] = (point){box.x + box.w / 2, y};
	e[3] = (point){far, y};
	return 4;
}

/* A leader for it's label in box from f: to each place e[i] the label
 * may be met, the straight line, else radially out and bent, else a
 * little aside. */
static bool find_lead(const poster *p, const witem *it, const double *q, from *f, rect box, const point *e,
                      size_t ne, lead *l)
{
	double rim = p->R + 0.3 * p->L;
	for (size_t i = 0; i < ne; i++) {
		double ts = rim_crossing(p, f->a, e[i]);
		if (!isnan(ts) && try_lead(p, it, q, f, -1, near_turn(ts, f->t), polar_pt(p, rim, ts), e[i], box, l))
			return true;
		for (int k = 0; k < BENDS; k++)
			if (try_lead(p, it, q, f, k, 0, (point){0, 0}, e[i], box, l))
				return true;
	}
	return false;
}

/* --- labels ------------------------------------------------------------------ */

/* The runs of a label of l's lines in box, level, against the page's edge. */
static size_t box_runs(const poster *p, const wlines *l, rect box, bool right, wrun *out)
{
	double th = wheel_text_h(p, p->L) * 1.06;
	for (int k = 0; k < l->n; k++) {
		float w = wheel_measure(p, FONT_REGULAR, p->L, l->s[k], l->len[k]);
		float x = right ? box.x + box.w - w : box.x;
		out[k] = (wrun){l->s[k], l->len[k], x, (float)(box.y + p->m->ascent * p->L + k * th), p->L, w, 0,
		                FONT_REGULAR, false};
	}
	return (size_t)l->n;
}

/* Sets it beside the wheel in l's lines by one of its occurrences (fs:
 * the places its leaders may leave from, made when first needed), and
 * adds it to p->outside. Returns whether it found a place. */
static bool place_in(poster *p, witem *it, const wlines *l, const double *q, from *fs)
{
	double th = wheel_text_h(p, p->L) * 1.06;
	float h = (float)(wheel_text_h(p, p->L) + (l->n - 1) * th);
	rect cand[32];
	size_t nc = boxes(p, l->w, h, cand, 32), nf = it->n <= FROMS ? it->n : FROMS;
	for (size_t c = 0; c < nc; c++) {
		rect grown = {cand[c].x - 0.2f * p->L, cand[c].y - 0.2f * p->L, cand[c].w + 0.4f * p->L,
		              cand[c].h + 0.4f * p->L};
		if (!wheel_rect_free(p, grown))
			continue;
		point e[4];
		size_t ne = ends_of(p, cand[c], e);
		double r, ca;
		wheel_polar(p->c, (point){cand[c].x + cand[c].w / 2, cand[c].y + cand[c].h / 2}, &r, &ca);
		for (size_t a = 0; a < nf; a++) {
			size_t at = it->n <= FROMS ? a : a * it->n / FROMS;
			from *f = &fs[a];
			if (!f->made)
				from_make(p, it, at, f);
			/* none reaches a box more than 90° round the wheel from t */
			lead ld;
			if (!f->open || fabs(wheel_norm(ca - wheel_clock(p, f->t) + WHEEL_PI) - WHEEL_PI) > WHEEL_PI / 2 ||
			    !find_lead(p, it, q, f, cand[c], e, ne, &ld))
				continue;
			it->at = at;
			it->anchor = f->t;
			it->lines = l->n;
			it->w = l->w;
			for (int i = 0; i < l->n; i++) {
				it->line[i] = l->s[i];
				it->line_len[i] = l->len[i];
			}
			it->box = cand[c];
			it->lead_a = ld.a;
			it->lead_b = ld.b;
			it->lead_e = ld.e;
			p->outside[p->n_outside++] = it;
			return true;
		}
	}
	return false;
}

/* Tries it beside the wheel in each of its forms (fewest lines first), by
 * each of its occurrences. Returns whether it found a place. */
static bool try_outside(poster *p, witem *it, const double *q)
{
	wlines f[3];
	from fs[FROMS];
	for (size_t a = 0; a < FROMS; a++)
		fs[a].made = false;
	int forms = wheel_label_lines(p, it->label, 3, f);
	for (int k = 0; k < forms; k++)
		if ((!k || f[k].w < f[k - 1].w) && place_in(p, it, &f[k], q, fs))
			return true;
	return false;
}

/* Files the part of it's leader inside the wheel as taken, so that the
 * month and quarter lines drawn later stop short of it. */
static int file_lead(poster *p, const witem *it)
{
	double len = dist(it->lead_a, it->lead_b), step = 0.5 * p->L, clear = 0.15 * p->L;
	for (double s = 0; s <= len; s += step) {
		double u = s / len, r, ca;
		point q = {(float)(it->lead_a.x + u * (it->lead_b.x - it->lead_a.x)),
		           (float)(it->lead_a.y + u * (it->lead_b.y - it->lead_a.y))};
		wheel_polar(p->c, q, &r, &ca);
		double t = ca - p->g.start_angle;
		if (wheel_file(p, &p->taken, (pbox){r - clear, r + clear, t - clear / r, t + clear / r, BOX_LEADER, 0}))
			return -1;
	}
	return 0;
}

int wheel_margin_place(poster *p, witem **order)
{
	/* the corners are full when this many in a row found no place */
	enum { FULL = 12 };
	int misses = 0, qn[4];
	double q[4];
	wheel_quarters(&p->g, q, qn);
	for (size_t i = 0; i < p->n_items && p->labelled < (size_t)p->st.max_labels && misses < FULL &&
	                   p->n_outside < WHEEL_OUTSIDE;
	     i++) {
		witem *it = order[i];
		if (it->placed)
			continue;
		if (!try_outside(p, it, q)) {
			misses++;
			continue;
		}
		misses = 0;
		it->placed = it->outside = true;
		it->inside = it->lead = false;
		p->labelled++;
	}
	for (size_t i = 0; i < p->n_outside; i++)
		if (file_lead(p, p->outside[i]))
			return -1;
	return 0;
}

/* --- painting ------------------------------------------------------------------ */

int wheel_margin_paint(poster *p)
{
	float lw = 0.07f * p->L;
	for (size_t i = 0; i < p->n_outside; i++) {
		const witem *it = p->outside[i];
		const wring *g = &p->rings[it->ring];
		/* in pieces: across the month band in its text's colour, which
		 * reads on it */
		point a = it->lead_a, b = it->lead_b;
		double len = dist(a, b), u0 = 1, u1 = 1;
		for (double s = 0; s <= len; s += 0.05 * p->L) {
			double r = dist((point){(float)(a.x + s / len * (b.x - a.x)), (float)(a.y + s / len * (b.y - a.y))}, p->c);
			if (r >= p->month_r0 && u0 >= 1)
				u0 = s / len;
			if (r <= p->R)
				u1 = s / len;
		}
		point m0 = {(float)(a.x + u0 * (b.x - a.x)), (float)(a.y + u0 * (b.y - a.y))};
		point m1 = {(float)(a.x + u1 * (b.x - a.x)), (float)(a.y + u1 * (b.y - a.y))};
		if (u1 <= u0)
			m1 = m0;
		if (draw_line(p->doc, p->page, a.x, a.y, m0.x, m0.y, lw, g->ink) ||
		    (u1 > u0 && draw_line(p->doc, p->page, m0.x, m0.y, m1.x, m1.y, lw, p->st.month_text)) ||
		    draw_line(p->doc, p->page, m1.x, m1.y, b.x, b.y, lw, g->ink) ||
		    draw_line(p->doc, p->page, b.x, b.y, it->lead_e.x, it->lead_e.y, lw, g->ink))
			return -1;
		wlines l = {it->lines, {0}, {0}, it->w};
		for (int k = 0; k < it->lines; k++) {
			l.s[k] = it->line[k];
			l.len[k] = it->line_len[k];
		}
		wrun runs[3];
		bool right = it->box.x + it->box.w / 2 > p->c.x;
		size_t n = box_runs(p, &l, it->box, right, runs);
		for (size_t k = 0; k < n; k++)
			if (wheel_push_run(p, &runs[k], p->st.ink))
				return -1;
	}
	return 0;
}
