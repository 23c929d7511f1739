/* tile.c: a poster page planned over office sheets; see tile.h.
 *
 * For each orientation of the sheet the grid takes as many windows as
 * cover the poster's artwork (the bounds of what it draws) and is shifted
 * over it to where it prints the fewest sheets, centred when that costs
 * nothing; the orientation with the fewer sheets wins (portrait on a tie).
 * A sheet is printed only when it shows drawing that no other printed
 * sheet shows. A sheet keeps a margin of MARGIN points, which office
 * printers leave white anyway; neighbours overlap by GLUE points. The
 * assembly page is tile_assembly.c's; the grid's lookups, which both use,
 * are in tile_grid.c. */
#include "tile_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HALF_PI 1.57079632679489661923   /* text reading upwards */

static const rgb INK = {0.10f, 0.10f, 0.10f}, MUTED = {0.33f, 0.33f, 0.33f};
static const rgb BAND = {0.80f, 0.80f, 0.80f};

/* --- what a command draws where ------------------------------------------- */

static rect rect_of_points(const point *p, size_t n)
{
	float x0 = p[0].x, y0 = p[0].y, x1 = x0, y1 = y0;
	for (size_t i = 1; i < n; i++) {
		x0 = fminf(x0, p[i].x), y0 = fminf(y0, p[i].y);
		x1 = fmaxf(x1, p[i].x), y1 = fmaxf(y1, p[i].y);
	}
	return (rect){x0, y0, x1 - x0, y1 - y0};
}

static bool rects_meet(rect a, rect b)
{
	return a.x <= b.x + b.w && b.x <= a.x + a.w && a.y <= b.y + b.h && b.y <= a.y + a.h;
}

static rect grown(rect r, float d) { return (rect){r.x - d, r.y - d, r.w + 2 * d, r.h + 2 * d}; }

/* The bounds of a text run: its box from descent to ascent, turned. */
static rect text_bounds(const draw_cmd *c, const text_measurer *m)
{
	double size = c->u.text.size, th = c->u.text.angle;
	double w = m->fn(m->ctx, c->u.text.style, (float)size, c->u.text.utf8, strlen(c->u.text.utf8));
	double dx = cos(th), dy = -sin(th), ux = -sin(th), uy = -cos(th);
	double us[4] = {0, w, w, 0}, vs[4] = {-m->descent * size, -m->descent * size, m->ascent * size, m->ascent * size};
	point q[4];
	for (int i = 0; i < 4; i++)
		q[i] = (point){(float)(c->u.text.x + us[i] * dx + vs[i] * ux), (float)(c->u.text.y + us[i] * dy + vs[i] * uy)};
	return rect_of_points(q, 4);
}

/* The path's points, curves by their ends and controls (the curve lies
 * within them), into out (at most max); returns how many. */
static size_t path_points(const draw_cmd *c, point *out, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < c->u.path.n && n + 3 <= max; i++) {
		const path_el *e = &c->u.path.els[i];
		int k = e->op == PATH_CURVE ? 3 : e->op == PATH_CLOSE ? 0 : 1;
		for (int j = 0; j < k; j++)
			out[n++] = e->p[j];
	}
	return n;
}

/* Whether the path's outline (curves cut in eight) meets r, or, filled,
 * holds r's middle. */
static bool path_meets(const draw_cmd *c, rect r)
{
	point at = {0, 0}, start = {0, 0};
	double mx = r.x + r.w / 2, my = r.y + r.h / 2;
	int wn = 0;
	for (size_t i = 0; i < c->u.path.n; i++) {
		const path_el *e = &c->u.path.els[i];
		if (e->op == PATH_MOVE) {
			at = start = e->p[0];
			continue;
		}
		int steps = e->op == PATH_CURVE ? 8 : 1;
		point p0 = at;
		for (int k = 1; k <= steps; k++) {
			point to;
			if (e->op == PATH_CURVE) {
				double t = k / 8.0, u = 1 - t;
				to = (point){(float)(u * u * u * p0.x + 3 * u * u * t * e->p[0].x + 3 * u * t * t * e->p[1].x + t * t * t * e->p[2].x),
				             (float)(u * u * u * p0.y + 3 * u * u * t * e->p[0].y + 3 * u * t * t * e->p[1].y + t * t * t * e->p[2].y)};
			} else {
				to = e->op == PATH_LINE ? e->p[0] : start;
			}
			if (draw_segment_meets(at, to, grown(r, c->u.path.width / 2)))
				return true;
			double cross = (to.x - at.x) * (my - at.y) - (mx - at.x) * (to.y - at.y);
			if (at.y <= my && to.y > my && cross > 0)
				wn++;
			else if (at.y > my && to.y <= my && cross < 0)
				wn--;
			at = to;
		}
	}
	return c->u.path.fill && wn != 0;
}

bool tile_cmd_meets(const draw_cmd *c, rect r, const text_measurer *m)
{
	switch (c->kind) {
	case DRAW_TEXT:
		return rects_meet(text_bounds(c, m), r);
	case DRAW_LINE:
		return draw_segment_meets((point){c->u.line.x1, c->u.line.y1}, (point){c->u.line.x2, c->u.line.y2},
		                     grown(r, c->u.line.width / 2));
	case DRAW_RECT:
		return rects_meet(grown(c->u.rect.r, c->u.rect.width / 2), r);
	case DRAW_IMAGE:
		return rects_meet(c->u.image.r, r);
	case DRAW_PATH: {
		point pts[512];
		size_t n = path_points(c, pts, 512);
		return n && rects_meet(grown(rect_of_points(pts, n), c->u.path.width), r) && path_meets(c, r);
	}
	default:
		return false;
	}
}

/* --- what the page draws, measured once -------------------------------------- */

typedef struct drawn {
	const draw_page *pg;
	const text_measurer *m;
	rect *box;     /* each command's bounds, its stroke included */
	bool *draws;   /* whether the command draws anything at all */
	size_t *words, n_words;   /* the text commands */
	rect all;      /* the bounds of everything, within the page */
} drawn;

static bool cmd_box(const draw_cmd *c, const text_measurer *m, rect *r)
{
	point pts[512];
	switch (c->kind) {
	case DRAW_TEXT: *r = text_bounds(c, m); return true;
	case DRAW_LINE:
		*r = grown(rect_of_points((point[]){{c->u.line.x1, c->u.line.y1}, {c->u.line.x2, c->u.line.y2}}, 2),
		           c->u.line.width / 2);
		return true;
	case DRAW_RECT: *r = grown(c->u.rect.r, c->u.rect.width / 2); return true;
	case DRAW_IMAGE: *r = c->u.image.r; return true;
	case DRAW_PATH: {
		size_t n = path_points(c, pts, 512);
		if (n)
			*r = grown(rect_of_points(pts, n), c->u.path.width);
		return n > 0;
	}
	default: return false;
	}
}

static int art_measure(arena *a, const draw_page *pg, const text_measurer *m, drawn *out)
{
	size_t n = pg->n ? pg->n : 1;
	*out = (drawn){pg, m, arena_array(a, n, sizeof(rect)), arena_array(a, n, 1), arena_array(a, n, sizeof(size_t)), 0,
	               {0, 0, 0, 0}};
	if (!out->box || !out->draws || !out->words)
		return -1;
	float x0 = pg->width, y0 = pg->height, x1 = 0, y1 = 0;
	for (size_t i = 0; i < pg->n; i++) {
		rect *r = &out->box[i];
		if (!(out->draws[i] = cmd_box(&pg->cmds[i], m, r)))
			continue;
		if (pg->cmds[i].kind == DRAW_TEXT)
			out->words[out->n_words++] = i;
		x0 = fminf(x0, r->x), y0 = fminf(y0, r->y);
		x1 = fmaxf(x1, r->x + r->w), y1 = fmaxf(y1, r->y + r->h);
	}
	/* never beyond the page */
	x0 = fmaxf(x0, 0), y0 = fmaxf(y0, 0), x1 = fminf(x1, pg->width), y1 = fminf(y1, pg->height);
	out->all = x1 > x0 && y1 > y0 ? (rect){x0, y0, x1 - x0, y1 - y0} : (rect){0, 0, pg->width, pg->height};
	return 0;
}

/* Whether command i draws inside r. */
static bool art_meets(const drawn *a, size_t i, rect r)
{
	const draw_cmd *c = &a->pg->cmds[i];
	if (!a->draws[i] || !rects_meet(a->box[i], r))
		return false;
	return c->kind == DRAW_TEXT || tile_cmd_meets(c, r, a->m);
}

/* --- the grid (its struct in tile_int.h) -------------------------------------- */

/* Piece j's interval along one axis, first windows at o, step s, window
 * length len, n windows. */
static void piece_span(float o, float s, float len, int n, int j, float *lo, float *hi)
{
	int k = j / 2;
	*lo = o + k * s + (j % 2 ? GLUE : 0);
	*hi = j % 2 ? (k == n - 1 ? o + k * s + len : o + (k + 1) * s) : o + k * s + GLUE;
}

/* The piece along an axis that v falls in, -1 before the first, 2n after
 * the last. */
static int piece_at(float o, float s, float len, int n, float v)
{
	if (v < o)
		return -1;
	int k = (int)fminf((v - o) / s, (float)(n - 1));
	float off = v - (o + k * s);
	return k == n - 1 && off > len ? 2 * n : 2 * k + (off >= GLUE);
}

/* The pieces [*first, *last] along an axis that lo..hi meets. */
static bool pieces_met(float o, float s, float len, int n, float lo, float hi, int *first, int *last)
{
	*first = piece_at(o, s, len, n, lo), *last = piece_at(o, s, len, n, hi);
	if (*last < 0 || *first >= 2 * n)
		return false;
	*first = *first < 0 ? 0 : *first;
	*last = *last >= 2 * n ? 2 * n - 1 : *last;
	return true;
}

static rect piece(const grid *g, int jy, int jx)
{
	float x0, x1, y0, y1;
	piece_span(g->x0, g->sx, g->iw, g->cols, jx, &x0, &x1);
	piece_span(g->y0, g->sy, g->ih, g->rows, jy, &y0, &y1);
	return (rect){x0, y0, x1 - x0, y1 - y0};
}

/* Which pieces have drawing on them. */
static void ink_pieces(const drawn *a, grid *g)
{
	int nx = 2 * g->cols;
	memset(g->ink, 0, (size_t)(4 * g->rows * g->cols));
	for (size_t i = 0; i < a->pg->n; i++) {
		const rect *b = &a->box[i];
		int fx, lx, fy, ly;
		if (!a->draws[i] || !pieces_met(g->x0, g->sx, g->iw, g->cols, b->x, b->x + b->w, &fx, &lx) ||
		    !pieces_met(g->y0, g->sy, g->ih, g->rows, b->y, b->y + b->h, &fy, &ly))
			continue;
		for (int jy = fy; jy <= ly; jy++)
			for (int jx = fx; jx <= lx; jx++)
				if (!g->ink[jy * nx + jx] && art_meets(a, i, piece(g, jy, jx)))
					g->ink[jy * nx + jx] = true;
	}
}

/* The windows along an axis that hold piece j: [*k0, *k1]. */
static void holders(int j, int *k0, int *k1)
{
	*k1 = j / 2;
	*k0 = j % 2 || j == 0 ? j / 2 : j / 2 - 1;
}

/* How many inked pieces nobody prints yet sheet (r, k) would show. */
static int would_show(const grid *g, int r, int k)
{
	int nx = 2 * g->cols, gain = 0;
	for (int jy = 2 * r; jy <= 2 * r + 2 && jy < 2 * g->rows; jy++)
		for (int jx = 2 * k; jx <= 2 * k + 2 && jx < nx; jx++) {
			if (!g->ink[jy * nx + jx])
				continue;
			int ry0, ry1, kx0, kx1;
			bool shown = false;
			holders(jy, &ry0, &ry1);
			holders(jx, &kx0, &kx1);
			for (int rr = ry0; rr <= ry1 && !shown; rr++)
				for (int kk = kx0; kk <= kx1 && !shown; kk++)
					shown = g->print[rr * g->cols + kk];
			gain += !shown;
		}
	return gain;
}

/* The sheets to print: while some drawing is on no printed sheet, the
 * sheet that shows most of what is missing (the first in reading order on
 * a tie). Pieces only one sheet holds make it print at the first round. */
static void choose_sheets(grid *g)
{
	size_t cells = (size_t)(g->rows * g->cols);
	memset(g->print, 0, cells);
	g->n = 0;
	for (;;) {
		int best = -1, most = 0;
		for (int i = 0; i < (int)cells; i++) {
			int gain = g->print[i] ? 0 : would_show(g, i / g->cols, i % g->cols);
			if (gain > most)
				best = i, most = gain;
		}
		if (best < 0)
			return;
		g->print[best] = true;
		g->n++;
	}
}

/* How much the emptiest printed sheet shows: the words that meet the part
 * of its window no printed neighbour covers (a sheet with a sliver of a
 * ring or one stray line shows none or one). */
static size_t thinnest(const drawn *a, const grid *g)
{
	size_t least = (size_t)-1;
	for (int r = 0; r < g->rows; r++)
		for (int k = 0; k < g->cols; k++) {
			if (!tile_has(g, r, k))
				continue;
			rect w = tile_window(g, r, k);
			float x0 = w.x + (tile_has(g, r, k - 1) ? GLUE : 0), x1 = w.x + w.w - (tile_has(g, r, k + 1) ? GLUE : 0);
			float y0 = w.y + (tile_has(g, r - 1, k) ? GLUE : 0), y1 = w.y + w.h - (tile_has(g, r + 1, k) ? GLUE : 0);
			rect own = {x0, y0, x1 - x0, y1 - y0};
			size_t n = 0;
			for (size_t i = 0; i < a->n_words && n < least; i++)
				n += rects_meet(a->box[a->words[i]], own);
			least = n < least ? n : least;
		}
	return least;
}

/* The grid for sheets w × h over the artwork: as many windows as cover
 * it, shifted over it to the place that prints the fewest sheets; of
 * those, the one whose emptiest sheet shows most (no sheet for a stray
 * line), the most centred on a tie. Returns -1 when out of memory. */
static int lay_grid(arena *ar, const drawn *a, float w, float h, grid *g)
{
	enum { SHIFTS = 5 };   /* the slack's fractions tried: 0, 1/4, ... 1 */
	static const int order[SHIFTS] = {2, 1, 3, 0, 4};   /* centred first */
	rect b = a->all;
	*g = (grid){.w = w, .h = h, .iw = w - 2 * MARGIN, .ih = h - 2 * MARGIN};
	g->sx = g->iw - GLUE, g->sy = g->ih - GLUE;
	g->cols = b.w <= g->iw ? 1 : 1 + (int)ceilf((b.w - g->iw) / g->sx);
	g->rows = b.h <= g->ih ? 1 : 1 + (int)ceilf((b.h - g->ih) / g->sy);
	size_t cells = (size_t)(g->rows * g->cols);
	bool *best = arena_array(ar, cells, 1);
	g->print = arena_array(ar, cells, 1);
	g->ink = arena_array(ar, 4 * cells, 1);
	if (!best || !g->print || !g->ink)
		return -1;
	float slack_x = g->iw + (g->cols - 1) * g->sx - b.w, slack_y = g->ih + (g->rows - 1) * g->sy - b.h;
	size_t fewest = cells + 1, fullest = 0;
	float bx = 0, by = 0;
	for (int i = 0; i < SHIFTS * SHIFTS; i++) {
		g->x0 = b.x - slack_x * order[i % SHIFTS] / (SHIFTS - 1);
		g->y0 = b.y - slack_y * order[i / SHIFTS] / (SHIFTS - 1);
		ink_pieces(a, g);
		choose_sheets(g);
		if (g->n > fewest)
			continue;
		size_t thin = thinnest(a, g);
		if (g->n < fewest || thin > fullest) {
			fewest = g->n, fullest = thin, bx = g->x0, by = g->y0;
			memcpy(best, g->print, cells);
		}
	}
	g->x0 = bx, g->y0 = by, g->n = fewest;
	g->print = best;
	return 0;
}

/* --- fitting a poster to the sheets ---------------------------------------------- */

#define FIT 0.9f   /* the least share of each side of its area a fitted poster keeps */

/* How many windows len long, overlapping by GLUE, it takes to cover need. */
static int windows_for(float need, float len)
{
	return need <= len ? 1 : 1 + (int)ceilf((need - len) / (len - GLUE));
}

/* The length n such windows cover. */
static float covered(int n, float len) { return len + (float)(n - 1) * (len - GLUE); }

rect tile_fit(rect area, float paper_w, float paper_h)
{
	float a = fminf(paper_w, paper_h), b = fmaxf(paper_w, paper_h);
	float best_w = area.w, best_h = area.h;
	int fewest = -1;
	for (int wide = 0; wide < 2; wide++) {
		float iw = (wide ? b : a) - 2 * MARGIN, ih = (wide ? a : b) - 2 * MARGIN;
		if (iw <= 2 * GLUE || ih <= 2 * GLUE)
			continue;
		int cols = windows_for(FIT * area.w, iw), rows = windows_for(FIT * area.h, ih);
		/* a little short of the windows' cover, for strokes that reach past
		 * the area: the plan then lays no more windows than these */
		float w = fminf(area.w, covered(cols, iw) - 6), h = fminf(area.h, covered(rows, ih) - 6);
		if (fewest < 0 || cols * rows < fewest || (cols * rows == fewest && w * h > best_w * best_h))
			fewest = cols * rows, best_w = w, best_h = h;
	}
	return (rect){area.x + (area.w - best_w) / 2, area.y + (area.h - best_h) / 2, best_w, best_h};
}

/* --- marks ---------------------------------------------------------------------- */

static int dashed(draw_doc *doc, draw_page *pg, float x1, float y1, float x2, float y2)
{
	draw_cmd c = {.kind = DRAW_LINE};
	c.u.line.x1 = x1, c.u.line.y1 = y1, c.u.line.x2 = x2, c.u.line.y2 = y2;
	c.u.line.width = 0.8f, c.u.line.colour = INK, c.u.line.dash = 4;
	return draw_push(doc, pg, &c) ? 0 : -1;
}

/* A glue band over the strip the next sheet covers, saying which sheet;
 * along the right edge its words read upwards. */
static int glue_band(draw_doc *doc, draw_page *pg, rect r, bool vertical, int next, const tile_texts *tx,
                     const text_measurer *m)
{
	const char *s = arena_printf(doc->arena, "%s %s %d %s", tx->glue, tx->sheet, next, tx->glue_after);
	if (!s || draw_rect(doc, pg, r, 0.6f, MUTED, &BAND))
		return -1;
	float size = 9, w = m->fn(m->ctx, FONT_BOLD, size, s, strlen(s));
	float mid = (m->ascent - m->descent) * size / 2;   /* baseline to the glyphs' middle */
	if (vertical)
		return tile_text(doc, pg, r.x + r.w / 2 + mid, r.y + r.h / 2 + w / 2, size, FONT_BOLD, INK, HALF_PI, s);
	return tile_text(doc, pg, r.x + r.w / 2 - w / 2, r.y + r.h / 2 + mid, size, FONT_BOLD, INK, 0, s);
}

/* One sheet's marks: glue bands where its right and lower neighbours go,
 * dashed cut lines where it goes over its left and upper ones, and its
 * number with row and column in the top margin. */
static int sheet_marks(draw_doc *doc, const grid *g, tile_sheet *t, const tile_texts *tx, const text_measurer *m)
{
	draw_page *pg = &t->marks;
	rect f = t->frame;
	int r = t->row, k = t->col;
	*pg = (draw_page){g->w, g->h, NULL, 0, 0};
	if (tile_has(g, r, k + 1) &&
	    glue_band(doc, pg, (rect){f.x + f.w - GLUE, f.y, GLUE, f.h}, true, tile_number_of(g, r, k + 1), tx, m))
		return -1;
	if (tile_has(g, r + 1, k) &&
	    glue_band(doc, pg, (rect){f.x, f.y + f.h - GLUE, f.w - (tile_has(g, r, k + 1) ? GLUE : 0), GLUE}, false,
	              tile_number_of(g, r + 1, k), tx, m))
		return -1;
	float cs = 7;
	if (tile_has(g, r, k - 1) && (dashed(doc, pg, f.x, f.y - 0.6f * MARGIN, f.x, f.y + f.h + 0.6f * MARGIN) ||
	                         tile_text(doc, pg, f.x - 2 - m->descent * cs, f.y + f.h / 2, cs, FONT_REGULAR, MUTED,
	                              HALF_PI, tx->cut)))
		return -1;
	if (tile_has(g, r - 1, k) && (dashed(doc, pg, f.x - 0.6f * MARGIN, f.y, f.x + f.w + 0.6f * MARGIN, f.y) ||
	                         tile_text(doc, pg, f.x + f.w / 2, f.y - 3 - m->descent * cs, cs, FONT_REGULAR, MUTED, 0,
	                              tx->cut)))
		return -1;
	const char *name = arena_printf(doc->arena, "%s %d/%zu \xC2\xB7 %s %d, %s %d", tx->sheet, t->number,
	                                (size_t)g->n, tx->row, r + 1, tx->col, k + 1);
	return tile_text(doc, pg, MARGIN, MARGIN * 0.55f, 10, FONT_BOLD, INK, 0, name);
}

/* --- the plan ---------------------------------------------------------------------- */

int tile_plan_make(draw_doc *doc, size_t page, float paper_w, float paper_h, const tile_texts *tx,
                   const text_measurer *m, tile_plan *out, diag *d)
{
	const draw_page *pg = &doc->pages[page];
	float a = fminf(paper_w, paper_h), b = fmaxf(paper_w, paper_h);
	if (a - 2 * MARGIN - GLUE < 36) {
		diag_error(d, NULL, 0, "ark på %.0f x %.0f punkter er for små til at dele plakaten på", paper_w, paper_h);
		return AM_EUSAGE;
	}
	drawn ink;
	grid tall, wide;
	if (art_measure(doc->arena, pg, m, &ink) || lay_grid(doc->arena, &ink, a, b, &tall) ||
	    lay_grid(doc->arena, &ink, b, a, &wide))
		return diag_oom(d, NULL);
	const grid *g = wide.n < tall.n ? &wide : &tall;
	*out = (tile_plan){.page = page, .w = g->w, .h = g->h, .rows = g->rows, .cols = g->cols, .n = g->n};
	out->sheets = arena_array(doc->arena, g->n ? g->n : 1, sizeof *out->sheets);
	if (!out->sheets)
		return diag_oom(d, NULL);
	size_t i = 0;
	for (int r = 0; r < g->rows; r++)
		for (int k = 0; k < g->cols; k++) {
			if (!tile_has(g, r, k))
				continue;
			tile_sheet *t = &out->sheets[i];
			*t = (tile_sheet){.number = (int)++i, .row = r, .col = k, .window = tile_window(g, r, k),
			                  .frame = {MARGIN, MARGIN, g->iw, g->ih}};
			if (sheet_marks(doc, g, t, tx, m))
				return diag_oom(d, NULL);
		}
	return tile_assembly(doc, pg, g, ink.all, tx, m, out) ? diag_oom(d, NULL) : AM_OK;
}
