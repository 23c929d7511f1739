/* wheel_paint.c: the årshjul's wheel as draw commands.
 *
 * From the back: the month band, the week band and the rings' tints; the
 * marker lines; month and quarter lines, which stop short of every label,
 * letter, mark and number they would cross; the marks (a marker in the
 * ring's shape for a day, an arc for a period, a tick for each further
 * occurrence of a series, a chevron where an occurrence runs on past the
 * year); leaders; labels; months, weeks and ring letters; then the
 * centre (wheel_centre.c). Labels are set along their arcs, a word (or a few characters of a
 * long word) at a time, so that they hug the ring at any radius. */
#include "aarshjul_int.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* --- primitives ------------------------------------------------------------ */

static path_el *els_new(poster *p, size_t n) { return arena_array(draw_page_arena(p->doc), n, sizeof(path_el)); }

static int push_path(poster *p, path_el *els, size_t n, float width, rgb stroke, const rgb *fill, float dash)
{
	return els && n ? draw_path(p->doc, p->page, els, n, width, stroke, fill, dash) : -1;
}

/* A filled annular sector between wheel angles t0 ≤ t1. */
static int sector(poster *p, double r0, double r1, double t0, double t1, rgb fill)
{
	double a0 = p->g.start_angle + t0, a1 = p->g.start_angle + t1;
	size_t max = 2 * wheel_arc_max(a0, a1) + 2;
	path_el *els = els_new(p, max);
	return els ? push_path(p, els, wheel_annulus(p->c, r0, r1, a0, a1, els, max), 0, fill, &fill, 0) : -1;
}

static int arc_stroke(poster *p, double r, double t0, double t1, float width, rgb col, float dash)
{
	double a0 = p->g.start_angle + t0, a1 = p->g.start_angle + t1;
	size_t max = wheel_arc_max(a0, a1);
	path_el *els = els_new(p, max);
	return els ? push_path(p, els, wheel_arc(p->c, r, a0, a1, true, els, max), width, col, NULL, dash) : -1;
}

static int radial(poster *p, double t, double r0, double r1, float width, rgb col)
{
	double a = wheel_clock(p, t);
	point u = wheel_point(p->c, r0, a), v = wheel_point(p->c, r1, a);
	return draw_line(p->doc, p->page, u.x, u.y, v.x, v.y, width, col);
}

/* --- text on the wheel ------------------------------------------------------- */

double wheel_baseline(const poster *p, float size, double ri, bool flip)
{
	return ri + (flip ? p->m->ascent : p->m->descent) * size;
}

/* The angle draw.h wants for text tangent at clock angle a. */
static double text_angle(double a, bool flip)
{
	double th = flip ? WHEEL_PI - a : -a;
	while (th <= -WHEEL_PI)
		th += WHEEL_TAU;
	while (th > WHEEL_PI)
		th -= WHEEL_TAU;
	return th;
}

/* A straight run of width w whose middle lies on the baseline circle rb
 * at wheel angle t. */
static wrun run_at(const poster *p, const char *s, size_t len, font_style st, float size, float w, double t,
                   double rb, bool flip)
{
	double a = wheel_clock(p, t), th = text_angle(a, flip);
	point mid = wheel_point(p->c, rb, a);
	double dx = cos(th), dy = -sin(th);
	return (wrun){s, len, (float)(mid.x - w / 2 * dx), (float)(mid.y - w / 2 * dy), size, w, th, st, false};
}

wrun wheel_tangent_run(const poster *p, const char *s, size_t len, font_style st, float size, double t,
                       double ri)
{
	bool flip = wheel_flipped(p, t);
	float w = wheel_measure(p, st, size, s, len);
	return run_at(p, s, len, st, size, w, t, wheel_baseline(p, size, ri, flip), flip);
}

/* Whether a run may end before s[i]: not inside a character, nor before
 * a combining mark (U+0300–U+036F), which belongs to the letter before. */
static bool may_cut(const char *s, size_t i, size_t len)
{
	unsigned char c = (unsigned char)s[i], d = i + 1 < len ? (unsigned char)s[i + 1] : 0;
	return (c & 0xC0) != 0x80 && !(c == 0xCC || (c == 0xCD && d < 0xB0));
}

/* The angle a chord of length w spans on a circle of radius r. */
static double chord_angle(double w, double r) { return 2 * asin(fmin(1, w / (2 * r))); }

/* The pieces of s: runs of characters (a word, or as much of a long one
 * as stays within size/16 of the arc) and the spaces between them, each
 * set as a chord of the baseline circle, so that a piece begins exactly
 * where the one before it ends. */
size_t wheel_arc_runs(const poster *p, const char *s, size_t len, font_style st, float size, double tc,
                      double rb, bool flip, wrun *out, size_t max)
{
	double most = sqrt(0.5 * size * fmax(rb, 1));
	/* first pass: the pieces and the angle they span together */
	size_t n = 0, i = 0;
	double span = 0;
	float gapw[WHEEL_RUNS + 1] = {0};
	double gap[WHEEL_RUNS + 1] = {0};
	/* each piece is a chord: its inner corners reach past its ends on the
	 * circle, by this much for each radian it spans, and must not meet the
	 * next piece's (a tenth of the size to spare) */
	double inner = (flip ? p->m->ascent : p->m->descent) * size, lean = (inner + 0.1 * size) / fmax(rb - inner, 1);
	while (i < len && n < max) {
		size_t j = i;
		while (j < len && s[j] == ' ')
			j++;
		if (j > i)
			gapw[n] = wheel_measure(p, st, size, s + i, j - i);
		if (j >= len)
			break;
		size_t e = j + 1;
		while (e < len && s[e] != ' ' && (!may_cut(s, e, len) || wheel_measure(p, st, size, s + j, e + 1 - j) <= most))
			e++;
		while (e < len && !may_cut(s, e, len))
			e++;
		float w = wheel_measure(p, st, size, s + j, e - j);
		out[n] = (wrun){s + j, e - j, 0, 0, size, w, 0, st, j == i && i > 0};
		gap[n] = chord_angle(gapw[n], rb);
		if (n && !out[n].joined)   /* straight pieces lean together on their inner side */
			gap[n] = fmax(gap[n], lean * (sin(chord_angle(out[n - 1].w, rb) / 2) + sin(chord_angle(w, rb) / 2)));
		span += gap[n] + chord_angle(w, rb);
		n++;
		i = e;
	}
	/* second pass: each piece along its chord, from one end of the span */
	double at = flip ? tc + span / 2 : tc - span / 2, dir = flip ? -1 : 1;
	for (size_t k = 0; k < n; k++) {
		at += dir * gap[k];
		double to = at + dir * chord_angle(out[k].w, rb);
		point a = wheel_point(p->c, rb, wheel_clock(p, at)), b = wheel_point(p->c, rb, wheel_clock(p, to));
		out[k].x = a.x;
		out[k].y = a.y;
		out[k].angle = atan2(-(double)(b.y - a.y), (double)(b.x - a.x));
		at = to;
	}
	return n;
}

/* One line of a label: along its arc, or straight and tangent at tc. */
static size_t line_runs(const poster *p, const witem *it, const char *s, size_t len, double ri, wrun *out,
                        size_t max)
{
	bool flip = wheel_flipped(p, it->tc);
	if (!it->straight)
		return wheel_arc_runs(p, s, len, FONT_REGULAR, p->L, it->tc, wheel_baseline(p, p->L, ri, flip), flip, out,
		                      max);
	out[0] = wheel_tangent_run(p, s, len, FONT_REGULAR, p->L, it->tc, ri);
	return max ? 1 : 0;
}

size_t wheel_label_runs(const poster *p, const witem *it, wrun *out, size_t max, size_t *ends)
{
	/* the first line outermost, or innermost where text is turned */
	bool flip = wheel_flipped(p, it->tc);
	double th = wheel_text_h(p, p->L) * 1.06;
	size_t n = 0;
	for (int k = 0; k < it->lines; k++) {
		double r = it->ri + (flip ? k : it->lines - 1 - k) * th;
		n += line_runs(p, it, it->line[k], it->line_len[k], r, out + n, max - n);
		ends[k] = n;
	}
	return n;
}

/* A fixed text in runs: drawn (as one span of text, len when given), or
 * (before labels are placed) its words recorded: the span's, or where a
 * span's box would say little (wheel_words), its pieces'. */
static int fixed_runs(poster *p, const char *text, size_t len, const wrun *r, size_t n, rgb col, bool draw)
{
	if (draw)
		return wheel_push_runs(p, text, len, r, n, col);
	int rc = text ? wheel_words(p, r, n, false, 1) : 0;
	return rc < 0 || (!rc && wheel_words(p, r, n, false, 0) < 0) ? -1 : 0;
}

/* --- months, weeks, letters ---------------------------------------------------- */

/* The wheel angle nearest t where text turns (3 or 9 o'clock). */
static double turn_near(const poster *p, double t)
{
	double best = 0, dist = 1e9;
	for (int k = -1; k <= 3; k++) {
		double b = WHEEL_PI / 2 + k * WHEEL_PI - p->g.start_angle;
		if (fabs(b - t) < dist) {
			dist = fabs(b - t);
			best = b;
		}
	}
	return best;
}

static int month_names(poster *p, bool draw)
{
	wheel_sector ms[12];
	wheel_months(&p->g, ms);
	rgb text[2] = {wheel_readable(p->st.month_text, p->st.month_a, 4.5),
	               wheel_readable(p->st.month_text, p->st.month_b, 4.5)};
	for (int i = 0; i < 12; i++) {
		double t0 = ms[i].f0 * WHEEL_TAU, t1 = ms[i].f1 * WHEEL_TAU, tm = (t0 + t1) / 2;
		bool flip = wheel_flipped(p, tm);
		const char *name = p->o->months[ms[i].month - 1];
		float size = p->month, h = wheel_text_h(p, size);
		double ri = p->month_r0 + (p->R - p->month_r0 - h) / 2, rb = wheel_baseline(p, size, ri, flip);
		double room = (t1 - t0) * rb - 0.5 * size;
		wrun k = {0};
		if (*p->tx.quarter && ms[i].month % 3 == 1) {   /* the quarter's mark at its start */
			char q[24];
			snprintf(q, sizeof q, "%s%d", p->tx.quarter, (ms[i].month - 1) / 3 + 1);
			float ks = 0.55f * size;
			double kri = p->month_r0 + (p->R - p->month_r0 - wheel_text_h(p, ks)) / 2;
			float kw = wheel_measure(p, FONT_BOLD, ks, q, strlen(q));
			double kt = t0 + (0.5 * ks + kw / 2) / kri;
			k = wheel_tangent_run(p, arena_strdup(p->doc->arena, q), strlen(q), FONT_BOLD, ks, kt, kri);
			if (!k.s)
				return -1;
			room -= 2 * (kw + ks);   /* the name stays centred, clear of it */
		}
		float w = wheel_measure(p, FONT_BOLD, size, name, strlen(name));
		if (w > room && p->tx.months_short[ms[i].month - 1]) {
			name = p->tx.months_short[ms[i].month - 1];
			w = wheel_measure(p, FONT_BOLD, size, name, strlen(name));
		}
		while (w > room && size > p->month * 0.7f) {
			size *= 0.94f;
			w = wheel_measure(p, FONT_BOLD, size, name, strlen(name));
		}
		double hw = w / 2 / rb;   /* never across 3 or 9 o'clock, where text turns */
		if (wheel_flipped(p, tm - hw) != flip)
			tm = turn_near(p, tm) + hw + 0.002;
		else if (wheel_flipped(p, tm + hw) != flip)
			tm = turn_near(p, tm) - hw - 0.002;
		wrun runs[WHEEL_RUNS];
		size_t n = 1;
		if (wheel_one_way(p, tm - hw, tm + hw))
			n = wheel_arc_runs(p, name, strlen(name), FONT_BOLD, size, tm, rb, flip, runs, WHEEL_RUNS);
		else   /* straight, its middle sunk by half its rise so it stays in the band */
			runs[0] = wheel_tangent_run(p, name, strlen(name), FONT_BOLD, size, tm,
			                            ri - (hypot(rb, w / 2) - rb) / 2);
		if (fixed_runs(p, name, strlen(name), runs, n, text[i % 2], draw))
			return -1;
		/* taken in the band, for leaders to the labels beside the wheel
		 * (its words may be a span whose box an extractor does not say) */
		double pad = 0.3 * p->L / rb;
		if (!draw && wheel_file(p, &p->band, (pbox){p->month_r0, p->R, tm - hw - pad, tm + hw + pad, BOX_OBSTACLE, 0}))
			return -1;
		if (k.s && fixed_runs(p, NULL, 0, &k, 1, text[i % 2], draw))
			return -1;
	}
	return 0;
}

/* ISO weeks of the year; a blank wheel for any year puts weeks 1 to 52
 * where they fall on average (their Thursdays, 4 January on). */
static int week_numbers(poster *p, bool draw)
{
	double r0 = p->week_r0, r1 = p->month_r0, ri = r0 + (r1 - r0 - wheel_text_h(p, p->week)) / 2;
	rgb col = wheel_readable(p->st.week_text, p->st.week_band, 4.5);
	wheel_sector ws[60];
	size_t n = p->no_year ? 52 : wheel_weeks(&p->g, ws, 60);
	for (size_t i = 0; i < n; i++) {
		double t0, t1;
		int week;
		if (p->no_year) {
			week = (int)i + 1;
			t0 = (3.0 + 7 * i - 3) / 365 * WHEEL_TAU;
			t1 = t0 + 7.0 / 365 * WHEEL_TAU;
		} else {
			week = ws[i].week;
			t0 = ws[i].f0 * WHEEL_TAU;
			t1 = ws[i].f1 * WHEEL_TAU;
			if (draw && i && radial(p, t0, r1 - (r1 - r0) * 0.3, r1, 0.05f * p->week, p->st.muted))
				return -1;
		}
		char buf[8];
		snprintf(buf, sizeof buf, "%d", week);
		float w = wheel_measure(p, FONT_REGULAR, p->week, buf, strlen(buf));
		if (2 * atan(w / 2 / ri) + 0.25 * p->week / ri > t1 - t0)
			continue;   /* a sliver of a week at the span's edge */
		const char *s = arena_strdup(p->doc->arena, buf);
		if (!s)
			return -1;
		wrun r = wheel_tangent_run(p, s, strlen(s), FONT_REGULAR, p->week, (t0 + t1) / 2, ri);
		if (fixed_runs(p, NULL, 0, &r, 1, col, draw))
			return -1;
	}
	return 0;
}

/* Each ring's letter, just after the wheel's start and clear of the
 * quarter line there: in its first label track, or, in a ring without
 * one, on its marker line at the first place no mark takes; when marks
 * take every place, none (the marks' shape and colour tell the ring). */
static int ring_letters(poster *p, bool draw)
{
	for (size_t i = 0; i < p->n_rings; i++) {
		wring *g = &p->rings[i];
		float ls = g->letter_size;
		if (!draw) {
			ls = g->letter_size = fminf(p->L, (float)((g->r1 - g->r0) * 0.8 / (p->m->ascent + p->m->descent)));
			g->no_letter = false;
		}
		double ri = g->tracks ? g->t0 : g->rm - wheel_text_h(p, ls) / 2;
		float w = wheel_measure(p, FONT_BOLD, ls, g->letter, strlen(g->letter));
		double aw = (w + 0.6 * ls) / (ri + 0.5 * wheel_text_h(p, ls)), start = 0.5 * p->L / g->rm + 0.7 * aw;
		pbox b = {ri - 0.1 * ls, ri + wheel_text_h(p, ls), start - aw / 2, start + aw / 2, BOX_OBSTACLE, (size_t)-1};
		if (!draw) {
			double t = start;
			while (t < WHEEL_TAU - aw && !wheel_free(&p->marks, &(pbox){b.r0, b.r1, t - aw / 2, t + aw / 2, 0, (size_t)-1},
			                                          (size_t)-1))
				t += 0.25 * aw;
			g->no_letter = t >= WHEEL_TAU - aw;
			g->letter_t = t;
			g->letter_hw = aw / 2;
			b.t0 = g->letter_t - aw / 2;
			b.t1 = g->letter_t + aw / 2;
			if (!g->no_letter && wheel_file(p, &p->taken, b))
				return -1;
		}
		if (g->no_letter)
			continue;
		wrun r = wheel_tangent_run(p, g->letter, strlen(g->letter), FONT_BOLD, ls, g->letter_t, ri);
		if (fixed_runs(p, NULL, 0, &r, 1, g->ink, draw))
			return -1;
	}
	return 0;
}

int wheel_fixed(poster *p, bool draw)
{
	return week_numbers(p, draw) || month_names(p, draw) || ring_letters(p, draw) ? -1 : 0;
}

/* --- lines that stop short ---------------------------------------------------- */

/* A radial line from r0 to r1 at wheel angle t, in pieces between the
 * labels, letters, marks and numbers it would cross. */
static int cut_line(poster *p, double t, double r0, double r1, float width, rgb col)
{
	double step = 0.15 * p->L, clear = width / 2 + 0.3 * p->L;
	size_t n = (size_t)ceil((r1 - r0) / step);
	double from = -1, last = -1;
	for (size_t k = 0; k <= n + 1; k++) {
		double r = fmin(r0 + k * step, r1);
		bool ok = k <= n && wheel_spot_free(p, t, r, clear);
		if (ok) {
			if (from < 0)
				from = r;
			last = r;
			continue;
		}
		if (from >= 0 && last - from >= 0.4 * p->L && radial(p, t, from, last, width, col))
			return -1;
		from = -1;
	}
	return 0;
}

/* Month lines across the rings; quarter lines from the centre to the rim. */
static int lines(poster *p)
{
	wheel_sector ms[12];
	wheel_months(&p->g, ms);
	for (int i = 0; i < 12; i++)
		if (cut_line(p, ms[i].f0 * WHEEL_TAU, p->rc, p->rings_out, 0.08f * p->L, p->st.paper))
			return -1;
	double q[4];
	int qn[4];
	wheel_quarters(&p->g, q, qn);
	for (int i = 0; i < 4; i++)
		if (cut_line(p, q[i] * WHEEL_TAU, p->rc, p->month_r0, 0.14f * p->L, p->st.accent))
			return -1;
	return 0;
}

/* --- marks ---------------------------------------------------------------------- */

static double angle_of(const poster *p, long s) { return (double)(s - p->g.first) / p->g.days * WHEEL_TAU; }

/* A chevron at wheel angle t on the marker line, pointing on (dir +1,
 * clockwise) or back (-1): the occurrence runs on past the year. */
static int chevron(poster *p, const wring *g, double t, int dir)
{
	double mr = 0.34 * p->L, tip = t + dir * 1.5 * mr / g->rm;
	path_el *els = els_new(p, 4);
	if (!els)
		return -1;
	point a = wheel_point(p->c, g->rm - 1.1 * mr, wheel_clock(p, t));
	point b = wheel_point(p->c, g->rm + 1.1 * mr, wheel_clock(p, t));
	point c = wheel_point(p->c, g->rm, wheel_clock(p, tip));
	els[0] = (path_el){PATH_MOVE, {a}};
	els[1] = (path_el){PATH_LINE, {b}};
	els[2] = (path_el){PATH_LINE, {c}};
	els[3] = (path_el){.op = PATH_CLOSE};
	return push_path(p, els, 4, 0, g->mark, &g->mark, 0);
}

/* The label set inside its arc, which widens to a band. */
static int band(poster *p, const witem *it, const wring *g)
{
	const occur *o = &it->occ[it->at];
	double lo = g->rm - 0.39 * p->L, hi = g->t0 + wheel_text_h(p, p->L) * 1.06;
	if (sector(p, lo, hi, angle_of(p, o->first), angle_of(p, o->last + 1), g->mark))
		return -1;
	rgb dark = p->st.ink, light = p->st.paper;
	rgb col = wheel_contrast(dark, g->mark) >= wheel_contrast(light, g->mark) ? dark : light;
	wrun runs[WHEEL_RUNS];
	size_t ends[3], n = wheel_label_runs(p, it, runs, WHEEL_RUNS, ends);
	return wheel_push_runs(p, it->span ? it->label : NULL, strlen(it->label), runs, n, wheel_readable(col, g->mark, 4.5));
}

/* The marks of it, one layer of them: 0 arcs and bands, 1 ticks, 2
 * markers and chevrons; so ticks and markers stand on any arc. A
 * marker for a day (and the occurrence a series is named by), a tick for
 * a series' other days, an arc for a period, with caps at its ends and
 * chevrons where it runs on past the year. */
static int marks(poster *p, const witem *it, int layer)
{
	const wring *g = &p->rings[it->ring];
	double mr = 0.34 * p->L;
	for (size_t k = 0; k < it->n; k++) {
		const occur *o = &it->occ[k];
		double t0 = angle_of(p, o->first), t1 = angle_of(p, o->last + 1), a = (t0 + t1) / 2;
		bool arc = o->last > o->first, tick = !arc && it->n > 1 && k != it->at;
		int rc = 0;
		if (layer == 0 && it->inside && k == it->at)
			rc = band(p, it, g);
		else if (layer == 0 && arc)
			rc = arc_stroke(p, g->rm, t0, t1, (float)(1.1 * mr), g->mark, 0) ||
			     (o->start == o->first && radial(p, t0, g->rm - mr, g->rm + mr, (float)(0.2 * mr), g->ink)) ||
			     (o->end == o->last && radial(p, t1, g->rm - mr, g->rm + mr, (float)(0.2 * mr), g->ink));
		else if (layer == 1 && tick)
			rc = radial(p, a, g->rm - 1.25 * mr, g->rm + 1.25 * mr, (float)(0.55 * mr), p->st.paper) ||
			     radial(p, a, g->rm - 1.15 * mr, g->rm + 1.15 * mr, (float)(0.3 * mr), g->mark);
		else if (layer == 2 && !arc && !tick)
			rc = wheel_marker(p, g->shape, wheel_point(p->c, g->rm, wheel_clock(p, a)), mr, g->mark);
		if (rc)
			return -1;
		if (layer == 2 && ((o->start < o->first && chevron(p, g, t0, -1)) || (o->end > o->last && chevron(p, g, t1, 1))))
			return -1;
	}
	return 0;
}

static int label(poster *p, const witem *it)
{
	const wring *g = &p->rings[it->ring];
	if (it->lead) {
		point u = wheel_point(p->c, g->rm + 0.45 * p->L, wheel_clock(p, it->anchor));
		point v = wheel_point(p->c, it->ri - 0.05 * p->L, wheel_clock(p, it->foot));
		if (draw_line(p->doc, p->page, u.x, u.y, v.x, v.y, 0.07f * p->L, g->ink))
			return -1;
	}
	wrun runs[WHEEL_RUNS];
	size_t ends[3], n = wheel_label_runs(p, it, runs, WHEEL_RUNS, ends);
	return wheel_push_runs(p, it->span ? it->label : NULL, strlen(it->label), runs, n, wheel_readable(p->st.ink, g->tint, 4.5));
}

/* --- the wheel ------------------------------------------------------------------- */

static int backgrounds(poster *p)
{
	wheel_sector ms[12];
	wheel_months(&p->g, ms);
	for (int i = 0; i < 12; i++)
		if (sector(p, p->month_r0, p->R, ms[i].f0 * WHEEL_TAU, ms[i].f1 * WHEEL_TAU,
		           i % 2 ? p->st.month_b : p->st.month_a))
			return -1;
	if (sector(p, p->week_r0, p->month_r0, 0, WHEEL_TAU, p->st.week_band))
		return -1;
	double th = wheel_text_h(p, p->L) * 1.06;
	for (size_t i = 0; i < p->n_rings; i++) {
		const wring *g = &p->rings[i];
		double gap = fmin(0.1 * p->L, (g->r1 - g->r0) / 8);
		/* the marker line; around the letter when the letter stands on it */
		double skip = !g->tracks && !g->no_letter ? g->letter_hw : 0;
		if (sector(p, g->r0 + gap, g->r1 - gap, 0, WHEEL_TAU, g->tint) ||
		    arc_stroke(p, g->rm, g->letter_t + skip, g->letter_t - skip + WHEEL_TAU, 0.06f * p->L,
		               wheel_mix(g->mark, g->tint, 0.5f), 0))
			return -1;
		double from = g->letter_t + 1.2 * p->L / g->t0;   /* after the letter */
		for (double r = g->t0 + th * 0.8; p->write_in && r < g->r1 - 0.2 * p->L; r += th)
			if (arc_stroke(p, r, from, WHEEL_TAU - 0.02, 0.05f * p->L, wheel_mix(g->mark, g->tint, 0.4f),
			               0.3f * p->L))
				return -1;
	}
	return 0;
}

int wheel_paint(poster *p)
{
	if (backgrounds(p) || lines(p))
		return -1;
	for (int layer = 0; layer < 3; layer++)
		for (size_t i = 0; i < p->n_items; i++)
			if (marks(p, &p->items[i], layer))
				return -1;
	for (size_t i = 0; i < p->n_items; i++)
		if (p->items[i].placed && !p->items[i].inside && !p->items[i].outside && label(p, &p->items[i]))
			return -1;
	if (wheel_margin_paint(p))
		return -1;
	return wheel_fixed(p, true) || wheel_centre(p) ? -1 : 0;
}
