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
 * arc, a leader joining marker and label when they are apart. A place is
 * free when its polar box meets no other label, leader or obstacle (ring
 * letters, quarter lines), when it does not straddle 3 or 9 o'clock
 * (where text turns), and when the boxes a text extractor gives its words
 * meet no text already set. One type size for every label. */
#include "aarshjul_int.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* --- polar boxes ------------------------------------------------------------ */

static long floor_long(double x)
{
	long k = (long)x;
	return k - ((double)k > x);
}

static void box_buckets(const pbox *b, long *first, long *last)
{
	double unit = WHEEL_TAU / WHEEL_BUCKETS;
	*first = floor_long(b->t0 / unit);
	*last = floor_long(b->t1 / unit);
	if (*last - *first >= WHEEL_BUCKETS - 1)
		*last = *first + WHEEL_BUCKETS - 1;
}

static size_t bucket_of(long k) { return (size_t)(((k % WHEEL_BUCKETS) + WHEEL_BUCKETS) % WHEEL_BUCKETS); }

static bool overlaps(const pbox *a, const pbox *b)
{
	if (a->r0 >= b->r1 || b->r0 >= a->r1)
		return false;
	for (int k = -1; k <= 1; k++)
		if (a->t0 < b->t1 + k * WHEEL_TAU && b->t0 + k * WHEEL_TAU < a->t1)
			return true;
	return false;
}

int wheel_file(poster *p, pfile *f, pbox b)
{
	long first, last;
	box_buckets(&b, &first, &last);
	size_t need = f->n_ent + (size_t)(last - first + 1);
	if (arena_grow(p->doc->arena, (void **)&f->boxes, &f->cap, f->n, f->n + 1, sizeof *f->boxes) ||
	    arena_grow(p->doc->arena, (void **)&f->next, &f->cap_next, f->n_ent, need, sizeof *f->next) ||
	    arena_grow(p->doc->arena, (void **)&f->box, &f->cap_ent, f->n_ent, need, sizeof *f->box))
		return p->oom = true, -1;
	if (!f->n)
		for (size_t i = 0; i < WHEEL_BUCKETS; i++)
			f->bucket[i] = -1;
	for (long k = first; k <= last; k++) {
		size_t q = bucket_of(k);
		f->box[f->n_ent] = f->n;
		f->next[f->n_ent] = f->bucket[q];
		f->bucket[q] = (int)f->n_ent++;
	}
	f->boxes[f->n++] = b;
	return 0;
}

bool wheel_free(const pfile *f, const pbox *b, size_t own)
{
	if (!f->n)
		return true;
	long first, last;
	box_buckets(b, &first, &last);
	for (long k = first; k <= last; k++)
		for (int e = f->bucket[bucket_of(k)]; e >= 0; e = f->next[e]) {
			const pbox *o = &f->boxes[f->box[e]];
			if ((o->kind != BOX_MARK || o->item != own) && overlaps(b, o))
				return false;
		}
	return true;
}

/* --- what a text extractor sees -------------------------------------------- */

static bool rects_meet(const rect *a, const rect *b)
{
	return a->x < b->x + b->w && b->x < a->x + a->w && a->y < b->y + b->h && b->y < a->y + a->h;
}

static void cell_range(const poster *p, const rect *b, size_t *x0, size_t *y0, size_t *x1, size_t *y1)
{
	float mx = (float)(p->gw - 1), my = (float)(p->gh - 1);
	*x0 = (size_t)fminf(fmaxf((b->x - p->area.x) / p->cell_size, 0), mx);
	*y0 = (size_t)fminf(fmaxf((b->y - p->area.y) / p->cell_size, 0), my);
	*x1 = (size_t)fminf(fmaxf((b->x + b->w - p->area.x) / p->cell_size, 0), mx);
	*y1 = (size_t)fminf(fmaxf((b->y + b->h - p->area.y) / p->cell_size, 0), my);
}

static int make_grid(poster *p)
{
	if (p->cell)
		return 0;
	p->cell_size = fmaxf(3 * p->L, 1);
	p->gw = (size_t)(p->area.w / p->cell_size) + 2;
	p->gh = (size_t)(p->area.h / p->cell_size) + 2;
	p->cell = arena_array(p->doc->arena, p->gw * p->gh, sizeof *p->cell);
	return p->cell ? 0 : -1;
}

static int file_word(poster *p, size_t w)
{
	size_t x0, y0, x1, y1;
	cell_range(p, &p->words[w], &x0, &y0, &x1, &y1);
	size_t need = p->n_went + (x1 - x0 + 1) * (y1 - y0 + 1), cap = p->cap_went;
	if (arena_grow(p->doc->arena, (void **)&p->went_word, &cap, p->n_went, need, sizeof *p->went_word) ||
	    arena_grow(p->doc->arena, (void **)&p->went_next, &p->cap_went, p->n_went, need, sizeof *p->went_next))
		return -1;
	for (size_t y = y0; y <= y1; y++)
		for (size_t x = x0; x <= x1; x++) {
			int *head = &p->cell[y * p->gw + x];
			p->went_word[p->n_went] = w;
			p->went_next[p->n_went] = *head;
			*head = (int)p->n_went++;
		}
	return 0;
}

static bool meets_word(const poster *p, const rect *b)
{
	size_t x0, y0, x1, y1;
	cell_range(p, b, &x0, &y0, &x1, &y1);
	for (size_t y = y0; y <= y1; y++)
		for (size_t x = x0; x <= x1; x++)
			for (int e = p->cell[y * p->gw + x]; e >= 0; e = p->went_next[e])
				if (rects_meet(b, &p->words[p->went_word[e]]))
					return true;
	return false;
}

/* Whether b overlaps a word set so far by more than a small part of the
 * smaller of the two (a checker counts words as overlapping from 15 %). */
static bool overlaps_word(const poster *p, const rect *b)
{
	size_t x0, y0, x1, y1;
	cell_range(p, b, &x0, &y0, &x1, &y1);
	for (size_t y = y0; y <= y1; y++)
		for (size_t x = x0; x <= x1; x++)
			for (int e = p->cell[y * p->gw + x]; e >= 0; e = p->went_next[e]) {
				const rect *o = &p->words[p->went_word[e]];
				float ix = fminf(b->x + b->w, o->x + o->w) - fmaxf(b->x, o->x);
				float iy = fminf(b->y + b->h, o->y + o->h) - fmaxf(b->y, o->y);
				if (ix > 0 && iy > 0 && ix * iy > 0.08f * fminf(b->w * b->h, o->w * o->h))
					return true;
			}
	return false;
}

/* The boxes a text extractor gives the glyphs of r (wheel.h's model: each
 * glyph's box upright at its origin), each grown by pad; at most max. */
static size_t glyph_boxes(const poster *p, const wrun *r, rect *out, size_t max)
{
	double asc = p->m->ascent * r->size, desc = p->m->descent * r->size, pad = 0.03 * r->size + 0.15;
	size_t n = 0;
	double at = 0;
	for (size_t i = 0; i < r->len && n < max;) {
		size_t e = i + 1;
		while (e < r->len && ((unsigned char)r->s[e] & 0xC0) == 0x80)
			e++;
		double w = wheel_measure(p, r->st, r->size, r->s + i, e - i);
		if (r->s[i] != ' ') {
			rect x = wheel_text_part_box((point){r->x, r->y}, r->angle, at, at + w, asc, desc);
			out[n++] = (rect){(float)(x.x - pad), (float)(x.y - pad), (float)(x.w + 2 * pad), (float)(x.h + 2 * pad)};
		}
		at += w;
		i = e;
	}
	return n;
}

/* What an extractor reads of runs: as their glyphs (it splits a turned
 * run into pieces, each with the box of its glyphs); or, set as one span
 * (draw.h) of `lines` lines, as one word whose box is the union of its
 * glyphs'. A span is only for a text whose box stays its own: turned so
 * far that a checker does not count it (not upright: narrower than 0.8 of
 * its height), or lying so flat that its box is about its lines' height;
 * a slanting text's box would cover what lies beside it. */
int wheel_words(poster *p, const wrun *r, size_t n, bool check, int lines)
{
	enum { MAX = 512 };
	rect b[MAX];
	size_t nb = 0;
	float tall = 0;
	for (size_t i = 0; i < n && nb < MAX; i++) {
		size_t k = glyph_boxes(p, &r[i], b + nb, MAX - nb);
		for (size_t j = nb; j < nb + k; j++)
			tall = fmaxf(tall, b[j].h);
		nb += k;
	}
	if (lines && nb) {
		rect u = b[0];
		for (size_t i = 1; i < nb; i++) {
			float x1 = fmaxf(u.x + u.w, b[i].x + b[i].w), y1 = fmaxf(u.y + u.h, b[i].y + b[i].h);
			u.x = fminf(u.x, b[i].x);
			u.y = fminf(u.y, b[i].y);
			u.w = x1 - u.x;
			u.h = y1 - u.y;
		}
		bool upright = u.w >= 0.8f * u.h;
		if (upright && u.h > 1.5f * tall * (float)lines)
			return 0;   /* slanting: no span */
		b[0] = u;
		nb = upright;
	}
	for (size_t i = 0; check && i < nb; i++)
		if (overlaps_word(p, &b[i]))
			return 0;
	if (arena_grow(p->doc->arena, (void **)&p->words, &p->cap_words, p->n_words, p->n_words + nb, sizeof *p->words))
		return -1;
	for (size_t i = 0; i < nb; i++) {
		p->words[p->n_words] = b[i];
		if (file_word(p, p->n_words++))
			return -1;
	}
	return 1;
}

static bool rects_meet_any(const rect *a, size_t na, const rect *b, size_t nb)
{
	for (size_t i = 0; i < na; i++)
		for (size_t j = 0; j < nb; j++)
			if (rects_meet(&a[i], &b[j]))
				return true;
	return false;
}

int wheel_label_words(poster *p, const wrun *r, size_t n, size_t first, bool *span)
{
	if (first < n) {
		enum { MAX = 256 };
		rect a[MAX], b[MAX];
		size_t na = 0, nb = 0;
		for (size_t i = 0; i < first && na < MAX; i++)
			na += glyph_boxes(p, &r[i], a + na, MAX - na);
		for (size_t i = first; i < n && nb < MAX; i++)
			nb += glyph_boxes(p, &r[i], b + nb, MAX - nb);
		if (rects_meet_any(a, na, b, nb))
			return 0;
	}
	/* one span, read whole, where its box keeps clear; else in pieces */
	int rc = n > 1 ? wheel_words(p, r, n, true, first < n ? 2 : 1) : 0;
	*span = rc != 0;
	return rc ? rc : wheel_words(p, r, n, true, 0);
}

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
	if (it->straight)
		out = hypot(ri + h, it->w / 2 + gap);
	if (out > g->r1 - 0.1 * p->L)
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
	long k = floor_long(a / q);
	while (((k % 4) + 4) % 4 == 0)
		k--;
	return k * q - p->g.start_angle;
}

/* Slides along the arc, in half-widths of the label, nearest first. */
static const double SLIDES[] = {0, 0.4, -0.4, 0.8, -0.8, 1.2, -1.2, 1.8, -1.8, 2.6, -2.6, 3.4, -3.4, 4.2, -4.2};

/* The occurrences a label may stand by: all of them, or for a long series
 * twelve spread over the year. */
static size_t anchor_index(const witem *it, size_t k) { return it->n <= 12 ? k : k * it->n / 12; }

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
				double tc[sizeof SLIDES / sizeof SLIDES[0] + 4];
				size_t nc = 0;
				for (size_t s = 0; s < sizeof SLIDES / sizeof SLIDES[0]; s++)
					tc[nc++] = it->anchor + SLIDES[s] * (it->w / 2) / rb;
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
	if (make_grid(p))
		return -1;
	for (size_t i = 0; i < p->gw * p->gh; i++)
		p->cell[i] = -1;
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

bool wheel_spot_free(const poster *p, double t, double r, double clear)
{
	pbox probe = {r - clear, r + clear, t - clear / r, t + clear / r, BOX_LABEL, 0};
	const pfile *fs[2] = {&p->taken, &p->marks};
	for (int f = 0; f < 2; f++) {
		if (!fs[f]->n)
			continue;
		long first, last;
		box_buckets(&probe, &first, &last);
		for (long k = first; k <= last; k++)
			for (int e = fs[f]->bucket[bucket_of(k)]; e >= 0; e = fs[f]->next[e]) {
				const pbox *o = &fs[f]->boxes[fs[f]->box[e]];
				if (o->kind != BOX_QUARTER && overlaps(&probe, o))
					return false;
			}
	}
	point at = wheel_point(p->c, r, wheel_clock(p, t));
	rect b = {(float)(at.x - clear), (float)(at.y - clear), (float)(2 * clear), (float)(2 * clear)};
	return !meets_word(p, &b);
}
