/* wheel_panel.c: what stands beside the wheel: the rings (each with its
 * colour, marker and letter, and the week band), a key to the marks, this
 * year's goals and focus areas, and where the dated list is; on a blank
 * poster, lines to write the rings' names, goals and focus areas on.
 *
 * The panel is set in blocks (legend, key, goals, focus, note) flowing
 * down columns; a block stays whole in one column when a column holds it.
 * Under the wheel the columns are balanced: they end level, so that the
 * artwork fills the poster's foot (tiled, no sheet carries two stray
 * lines). The type is the labels' size times style.panel_scale, up to a
 * quarter larger where the panel has room (it is read from afar too),
 * smaller (to 0.7 of the labels) when the panel does not hold it all;
 * when even that does not, goals and focus areas stand by their titles
 * (the list has them in full) and what still does not fit is left for the
 * list. A blank poster's goals and focus areas get as many lines to write
 * on as their column has room for, a column each. */
#include "aarshjul_int.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* --- markers ------------------------------------------------------------------ */

/* Points of a regular polygon (or star, with inner radius ratio k < 1)
 * around at; first point straight up, rotated by rot radians. */
static size_t polygon(path_el *els, point at, double r, int corners, double k, double rot)
{
	size_t n = 0;
	int pts = k < 1 ? 2 * corners : corners;
	for (int i = 0; i < pts; i++) {
		double a = rot + i * WHEEL_TAU / pts, rr = (k < 1 && i % 2) ? r * k : r;
		els[n++] = (path_el){i ? PATH_LINE : PATH_MOVE, {{(float)(at.x + rr * sin(a)), (float)(at.y - rr * cos(a))}}};
	}
	els[n++] = (path_el){.op = PATH_CLOSE};
	return n;
}

/* A plus sign of arm half-width w, turned by rot. */
static size_t cross(path_el *els, point at, double r, double w, double rot)
{
	static const double xy[12][2] = {{-1, -3}, {1, -3}, {1, -1}, {3, -1}, {3, 1}, {1, 1},
	                                 {1, 3},   {-1, 3}, {-1, 1}, {-3, 1}, {-3, -1}, {-1, -1}};
	double u = r / 3, c = cos(rot), s = sin(rot);
	(void)w;
	for (int i = 0; i < 12; i++) {
		double x = xy[i][0] * u, y = xy[i][1] * u;
		els[i] = (path_el){i ? PATH_LINE : PATH_MOVE, {{(float)(at.x + x * c - y * s), (float)(at.y + x * s + y * c)}}};
	}
	els[12] = (path_el){.op = PATH_CLOSE};
	return 13;
}

/* Twelve shapes, so that rings stay apart in greyscale: filled circle,
 * square, diamond, triangle, triangle down; the same five hollow; a plus
 * and a star. */
int wheel_marker(poster *p, int shape, point at, double r, rgb fill)
{
	path_el *els = arena_array(draw_page_arena(p->doc), 16, sizeof *els);
	if (!els)
		return -1;
	bool hollow = shape >= 5 && shape <= 9;
	int base = hollow ? shape - 5 : shape;
	size_t n;
	switch (base) {
	case 0: n = wheel_arc(at, r * 0.95, 0, WHEEL_TAU, true, els, 15); els[n++] = (path_el){.op = PATH_CLOSE}; break;
	case 1: n = polygon(els, at, r * 1.15, 4, 1, WHEEL_PI / 4); break;
	case 2: n = polygon(els, at, r * 1.25, 4, 1, 0); break;
	case 3: n = polygon(els, at, r * 1.25, 3, 1, 0); break;
	case 4: n = polygon(els, at, r * 1.25, 3, 1, WHEEL_PI); break;
	case 10: n = cross(els, at, r * 1.2, r * 0.4, 0); break;
	default: n = polygon(els, at, r * 1.3, 5, 0.45, 0); break;
	}
	if (!hollow)   /* a thin edge of paper keeps it apart from an arc under it */
		return draw_path(p->doc, p->page, els, n, (float)(0.14 * r), p->st.paper, &fill, 0);
	return draw_path(p->doc, p->page, els, n, (float)(0.32 * r), fill, &p->st.paper, 0);
}

/* --- entries and blocks ----------------------------------------------------------- */

enum { E_HEAD, E_RING, E_WEEK, E_DAY, E_PERIOD, E_SERIES, E_CONT, E_BULLET, E_LINES, E_NOTE };

typedef struct pentry {
	int kind;
	const char *text;
	size_t ring;
	int block;
} pentry;

#define PANEL_MAX 64

typedef struct flow {
	poster *p;
	float size, lh, col_w, gap, x, y, top, bottom;
	int col, cols;
	bool draw;
	bool whole;   /* a block that would continue in the next column does not fit */
} flow;

static float indent(const flow *f, int kind)
{
	return kind == E_HEAD || kind == E_NOTE ? 0 : kind == E_BULLET ? 1.0f * f->size : 3.4f * f->size;
}

/* Lines the entry's text takes in a column. */
static size_t entry_lines(const flow *f, const pentry *e)
{
	if (e->kind == E_LINES)
		return 0;
	size_t st[32], ln[32], rest;
	float size = e->kind == E_HEAD ? f->size * 1.2f : f->size;
	font_style sty = e->kind == E_HEAD ? FONT_BOLD : FONT_REGULAR;
	size_t n = wheel_wrap(f->p->m, sty, size, e->text, f->col_w - indent(f, e->kind), st, ln, 32, &rest);
	return n ? n : 1;
}

static float entry_h(const flow *f, const pentry *e)
{
	if (e->kind == E_LINES)
		return 2.2f * f->size;
	float h = entry_lines(f, e) * f->lh * (e->kind == E_HEAD ? 1.2f : 1);
	return e->kind == E_HEAD ? h + 0.3f * f->lh : h + 0.15f * f->lh;
}

/* The small picture before an entry, in a box 2.9 ems wide. */
static int swatch(flow *f, const pentry *e, float x, float y)
{
	poster *p = f->p;
	float s = f->size, h = f->lh * 0.8f, cy = y + f->lh * 0.5f;
	rect sw = {x, y + 0.1f * f->lh, 2.9f * s, h};
	const wring *g = e->kind == E_RING ? &p->rings[e->ring] : NULL;
	rgb ink = p->st.ink;
	switch (e->kind) {
	case E_RING: {
		wrun r = {g->letter, strlen(g->letter), x + 1.75f * s, cy + 0.35f * s, s, 0, 0, FONT_BOLD, false};
		return draw_rect(p->doc, p->page, sw, 0.06f * s, g->mark, &g->tint) ||
		       wheel_marker(p, g->shape, (point){x + 0.75f * s, cy}, 0.34 * s, g->mark) ||
		       wheel_push_run(p, &r, g->ink);
	}
	case E_WEEK: {
		wrun r = {"23", 2, x + 0.7f * s, cy + 0.32f * s, 0.9f * s, 0, 0, FONT_REGULAR, false};
		return draw_rect(p->doc, p->page, sw, 0.06f * s, p->st.muted, &p->st.week_band) ||
		       wheel_push_run(p, &r, wheel_readable(p->st.week_text, p->st.week_band, 4.5));
	}
	case E_DAY:
		return wheel_marker(p, 0, (point){x + 1.45f * s, cy}, 0.34 * s, ink);
	case E_PERIOD:
		return draw_line(p->doc, p->page, x + 0.3f * s, cy, x + 2.6f * s, cy, 0.37f * s, ink) ||
		       draw_line(p->doc, p->page, x + 0.3f * s, cy - 0.34f * s, x + 0.3f * s, cy + 0.34f * s, 0.07f * s, ink) ||
		       draw_line(p->doc, p->page, x + 2.6f * s, cy - 0.34f * s, x + 2.6f * s, cy + 0.34f * s, 0.07f * s, ink);
	case E_SERIES:
		for (int i = 0; i < 4; i++)
			if (draw_line(p->doc, p->page, x + (0.4f + 0.7f * i) * s, cy - 0.4f * s, x + (0.4f + 0.7f * i) * s,
			              cy + 0.4f * s, 0.1f * s, ink))
				return -1;
		return 0;
	case E_CONT: {
		path_el *els = arena_array(p->doc->arena, 4, sizeof *els);
		if (!els)
			return -1;
		els[0] = (path_el){PATH_MOVE, {{x + 1.9f * s, cy - 0.37f * s}}};
		els[1] = (path_el){PATH_LINE, {{x + 2.5f * s, cy}}};
		els[2] = (path_el){PATH_LINE, {{x + 1.9f * s, cy + 0.37f * s}}};
		els[3] = (path_el){.op = PATH_CLOSE};
		return draw_line(p->doc, p->page, x + 0.3f * s, cy, x + 1.95f * s, cy, 0.37f * s, ink) ||
		       draw_path(p->doc, p->page, els, 4, 0, (rgb){0, 0, 0}, &ink, 0);
	}
	case E_BULLET: {
		wrun r = {"\xE2\x80\xA2", 3, x + 0.1f * s, y + p->m->ascent * s + 0.1f * f->lh, s, 0, 0, FONT_REGULAR, false};
		return wheel_push_run(p, &r, p->st.accent);
	}
	default:
		return 0;
	}
}

static int draw_entry(flow *f, const pentry *e)
{
	poster *p = f->p;
	if (e->kind == E_LINES || (e->kind == E_RING && p->write_in))
		if (draw_line(p->doc, p->page, f->x + indent(f, e->kind), f->y + f->lh * 0.95f, f->x + f->col_w,
		              f->y + f->lh * 0.95f, 0.05f * f->size, p->st.muted))
			return -1;
	if (swatch(f, e, f->x, f->y))
		return -1;
	if (e->kind == E_LINES)
		return 0;
	bool head = e->kind == E_HEAD;
	float size = head ? f->size * 1.2f : f->size, lh = f->lh * (head ? 1.2f : 1);
	font_style sty = head ? FONT_BOLD : FONT_REGULAR;
	rgb col = head ? wheel_readable(p->st.accent, p->st.paper, 4.5) : p->st.ink;
	size_t st[32], ln[32], rest;
	size_t n = wheel_wrap(p->m, sty, size, e->text, f->col_w - indent(f, e->kind), st, ln, 32, &rest);
	wrun r[32];
	for (size_t i = 0; i < n; i++) {
		float base = f->y + i * lh + p->m->ascent * size + 0.1f * lh;
		float w = wheel_measure(p, sty, size, e->text + st[i], ln[i]);
		r[i] = (wrun){e->text + st[i], ln[i], f->x + indent(f, e->kind), base, size, w, 0, sty, false};
	}
	/* over several lines, one span: an extractor reading the columns side
	 * by side still gets the entry whole */
	return n > 1 ? wheel_push_span(p, r, n, col) : n ? wheel_push_run(p, &r[0], col) : 0;
}

static bool next_column(flow *f)
{
	if (++f->col >= f->cols)
		return false;
	f->x += f->col_w + f->gap;
	f->y = f->top;
	return true;
}

/* Sets entries es[a..b) (one block); false when the panel runs out. */
static bool flow_block(flow *f, const pentry *es, size_t a, size_t b)
{
	float h = 0;
	for (size_t i = a; i < b; i++)
		h += entry_h(f, &es[i]);
	float space = f->y > f->top ? 0.6f * f->lh : 0;   /* after the block above */
	if (space && f->y + space + h > f->bottom && h <= f->bottom - f->top && !next_column(f))
		return false;
	if (f->y > f->top)
		f->y += 0.6f * f->lh;
	for (size_t i = a; i < b; i++) {
		float eh = entry_h(f, &es[i]), after = i + 1 < b && es[i].kind == E_HEAD ? entry_h(f, &es[i + 1]) : 0;
		if (f->y + eh + after > f->bottom && (f->y == f->top || f->whole || !next_column(f)))
			return false;
		if (f->y + eh + after > f->bottom)
			return false;
		if (f->draw && draw_entry(f, &es[i]))
			return f->p->oom = true, false;
		f->y += eh;
	}
	return true;
}

/* Sets all entries at size s in columns of at least 15 ems (four at
 * most) across the panel, each at most height high, with whole each
 * block in one column; returns how many blocks fit. */
static int run(poster *p, const pentry *es, size_t n, float s, float height, bool whole, bool draw)
{
	flow f = {.p = p, .size = s, .lh = wheel_text_h(p, s) * 1.15f, .gap = 1.6f * s, .draw = draw, .whole = whole};
	f.cols = (int)((p->panel.w + f.gap) / (15 * s + f.gap));
	if (f.cols < 1 || height < 3 * f.lh)
		return 0;
	if (f.cols > 4)
		f.cols = 4;
	if (p->write_in && n && f.cols > es[n - 1].block + 1)   /* a column per block to write in, none left empty */
		f.cols = es[n - 1].block + 1;
	f.col_w = (p->panel.w - f.gap * (f.cols - 1)) / f.cols;
	f.x = p->panel.x;
	f.y = f.top = p->panel.y;
	f.bottom = p->panel.y + height;
	int blocks = 0;
	for (size_t a = 0, b; a < n; a = b) {
		for (b = a + 1; b < n && es[b].block == es[a].block; b++)
			;
		if (!flow_block(&f, es, a, b))
			return blocks;
		blocks++;
	}
	return blocks;
}

/* The panel's entries; a goal or focus block to write in gets `lines`
 * lines. */
static size_t entries(poster *p, pentry *es, int lines)
{
	const wtexts *t = &p->tx;
	const am_workplace *wp = p->blank ? NULL : p->wp;
	size_t n = 0;
	int b = 0;
	es[n++] = (pentry){E_HEAD, t->legend, 0, b};
	for (size_t i = 0; i < p->n_rings; i++)
		es[n++] = (pentry){E_RING, p->write_in ? "" : p->rings[i].name, i, b};
	es[n++] = (pentry){E_WEEK, t->week, 0, b};
	b++;
	if (!p->write_in) {
		es[n++] = (pentry){E_HEAD, t->key, 0, b};
		es[n++] = (pentry){E_DAY, t->key_day, 0, b};
		es[n++] = (pentry){E_PERIOD, t->key_period, 0, b};
		es[n++] = (pentry){E_SERIES, t->key_series, 0, b};
		es[n++] = (pentry){E_CONT, t->key_continues, 0, b};
		b++;
	}
	for (int k = 0; k < 2; k++) {
		size_t count = !wp ? 0 : k ? wp->n_focus : wp->n_goals;
		if (!p->write_in && !count)
			continue;
		es[n++] = (pentry){E_HEAD, k ? t->focus : t->goals, 0, b};
		for (int i = 0; p->write_in && !count && i < lines; i++)
			es[n++] = (pentry){E_LINES, "", 0, b};
		for (size_t i = 0; i < count && n < PANEL_MAX - 2; i++) {
			const char *s = k ? wp->focus[i].title : wp->goals[i].title;
			if (k && !p->panel_shortened && wp->focus[i].description && *wp->focus[i].description)
				s = arena_printf(p->doc->arena, "%s \xE2\x80\x93 %s", s, wp->focus[i].description);
			es[n++] = (pentry){E_BULLET, s ? s : "", 0, b};
		}
		b++;
	}
	if (!p->blank && p->n_items)
		es[n++] = (pentry){E_NOTE, t->list_note, 0, b};
	return n;
}

/* The least column height that holds all blocks at size s: the columns
 * of a panel under the wheel end level, instead of the first ones full
 * and the last one nearly empty (which, tiled, leaves a sheet with two
 * lines on it). Text may run on into the next column; lines to write on
 * stay whole in one (whole). A panel beside the wheel keeps its height. */
static float column_height(poster *p, const pentry *es, size_t n, float s, int blocks, bool whole)
{
	float lo = 0, hi = p->panel.h;
	if (p->panel.w <= p->panel.h || run(p, es, n, s, hi, whole, false) != blocks)
		return hi;
	while (hi - lo > 0.5f * s) {
		float mid = (lo + hi) / 2;
		*(run(p, es, n, s, mid, whole, false) == blocks ? &hi : &lo) = mid;
	}
	return hi;
}

/* Goals and focus areas to write in get as many lines as the panel has
 * room for at size s (three at least, WRITE_MAX at most): the blank
 * poster's space is for handwriting, not for nothing. */
#define WRITE_MAX 12
static size_t write_in_lines(poster *p, pentry *es, size_t n, float s, int blocks)
{
	int lines = 3;
	while (lines < WRITE_MAX) {   /* each block still in one column */
		size_t more = entries(p, es, lines + 1);
		if (run(p, es, more, s, p->panel.h, true, false) != blocks)
			break;
		lines++, n = more;
	}
	return lines == 3 ? n : entries(p, es, lines);
}

int wheel_panel(poster *p, bool draw)
{
	pentry es[PANEL_MAX];
	size_t n = entries(p, es, 3);
	int blocks = es[n - 1].block + 1;
	for (size_t i = 0; i < n; i++)
		if (!es[i].text)
			return -1;
	float top = 1.25f * p->L * p->st.panel_scale, least = 0.7f * p->L;
	for (float s = top; s >= least - 1e-3f; s *= 0.94f)
		if (run(p, es, n, s, p->panel.h, false, false) == blocks) {
			if (!draw)
				return 1;
			if (p->write_in)
				n = write_in_lines(p, es, n, s, blocks);
			bool whole = p->write_in;
			float h = column_height(p, es, n, s, blocks, whole);
			run(p, es, n, s, h, whole && h < p->panel.h, true);
			return p->oom ? -1 : 1;
		}
	if (draw)   /* shortened: what fits at the least size; the list has the rest */
		run(p, es, n, least, p->panel.h, false, true);
	return p->oom ? -1 : 0;
}
