/* render_tile.c: a poster page printed over several smaller sheets.
 *
 * Each poster page becomes an assembly map (the poster scaled onto one
 * sheet, with the sheet grid and ids) followed by its sheets, row by row.
 * A sheet shows a window of the poster inside a margin of MARGIN points:
 * the poster's commands are drawn with a translation and a clip rectangle.
 * Neighbours share `overlap` points: the strip on the right and at the
 * bottom of a sheet is shaded and labelled with the id of the sheet glued
 * over it; cut marks show where the margins come off. Ids are a row letter
 * and a column number ("B2"), language-neutral like every mark here. */
#include "render_priv.h"

#include <math.h>
#include <stdio.h>

enum { MARGIN = 28, ID_MAX = 24 };

static const rgb black = {0, 0, 0}, grey = {.35f, .35f, .35f}, shade = {.88f, .88f, .88f};

typedef struct grid {
	float W, H;              /* the poster page */
	float sw, sh;            /* a sheet */
	float iw, ih;            /* the poster window on a sheet */
	float step_x, step_y;    /* window origin distance between neighbours */
	int cols, rows;
	size_t page;             /* 0-based poster page */
	bool many;               /* more than one poster page: prefix ids */
} grid;

static int count(float total, float window, float step)
{
	if (total <= window + 0.01f)
		return 1;
	return 1 + (int)ceilf((total - window - 0.01f) / step);
}

/* Writes the id of sheet (row, col) into buf: letters for the row
 * (A … Z, AA …), the column from 1, and "N-" first when many pages. */
static void sheet_id(const grid *g, int row, int col, char *buf, size_t n)
{
	char letters[8];
	int k = sizeof letters - 1;
	letters[k] = '\0';
	for (int r = row + 1; r > 0 && k > 0; r = (r - 1) / 26)
		letters[--k] = (char)('A' + (r - 1) % 26);
	if (g->many)
		snprintf(buf, n, "%zu-%s%d", g->page + 1, letters + k, col + 1);
	else
		snprintf(buf, n, "%s%d", letters + k, col + 1);
}

static void fill_rect(HPDF_Page p, float x, float y, float w, float h, rgb k)
{
	HPDF_Page_SetRGBFill(p, k.r, k.g, k.b);
	HPDF_Page_Rectangle(p, x, y, w, h);
	HPDF_Page_Fill(p);
}

static void line(HPDF_Page p, float x1, float y1, float x2, float y2)
{
	HPDF_Page_MoveTo(p, x1, y1);
	HPDF_Page_LineTo(p, x2, y2);
	HPDF_Page_Stroke(p);
}

/* A small filled triangle at (x, y) pointing along (dx, dy) (unit). */
static void arrow(HPDF_Page p, float x, float y, float dx, float dy)
{
	const float len = 6, half = 3.5f;
	HPDF_Page_SetRGBFill(p, grey.r, grey.g, grey.b);
	HPDF_Page_MoveTo(p, x + dx * len, y + dy * len);
	HPDF_Page_LineTo(p, x - dy * half, y + dx * half);
	HPDF_Page_LineTo(p, x + dy * half, y - dx * half);
	HPDF_Page_ClosePath(p);
	HPDF_Page_Fill(p);
}

/* Draws poster page pg clipped to the window (x, y, w, h) in PDF space. */
static int draw_window(render_ctx *c, const draw_page *pg, float x, float y, float w, float h)
{
	HPDF_Page_GSave(c->page);
	HPDF_Page_Rectangle(c->page, x, y, w, h);
	HPDF_Page_Clip(c->page);
	HPDF_Page_EndPath(c->page);
	c->clip_x0 = x, c->clip_y0 = y, c->clip_x1 = x + w, c->clip_y1 = y + h;
	int rc = render_cmds(c, pg);
	HPDF_Page_GRestore(c->page);
	render_forget_state(c);
	return rc;
}

/* Cut marks at the four corners of the window, outside it. */
static void cut_marks(HPDF_Page p, float x0, float y0, float x1, float y1)
{
	const float gap = 3, len = 14;
	HPDF_Page_SetRGBStroke(p, 0, 0, 0);
	HPDF_Page_SetLineWidth(p, 0.5f);
	const float xs[2] = {x0, x1}, ys[2] = {y0, y1};
	for (int i = 0; i < 2; i++)
		for (int k = 0; k < 2; k++) {
			float sx = i ? 1 : -1, sy = k ? 1 : -1;
			line(p, xs[i] + sx * gap, ys[k], xs[i] + sx * (gap + len), ys[k]);
			line(p, xs[i], ys[k] + sy * gap, xs[i], ys[k] + sy * (gap + len));
		}
}

static int sheet(render_ctx *c, const grid *g, const draw_page *pg, int row, int col, HPDF_Page *out)
{
	HPDF_Page p = render_new_page(c, g->sw, g->sh);
	if (!p)
		return render_status(c);
	*out = p;
	float x0 = col * g->step_x, y0 = row * g->step_y;
	float left = MARGIN, bottom = g->sh - MARGIN - g->ih, right = left + g->iw, top = g->sh - MARGIN;
	float ov = c->opts->overlap;
	bool has_right = col + 1 < g->cols, has_below = row + 1 < g->rows;
	/* Shaded glue strips first, so the poster prints over them. */
	if (has_right)
		fill_rect(p, right - ov, bottom, ov, g->ih, shade);
	if (has_below)
		fill_rect(p, left, bottom, g->iw, ov, shade);
	render_begin(c, p, 1, left - x0, top + y0);
	int rc = draw_window(c, pg, left, bottom, g->iw, g->ih);
	if (rc)
		return rc;
	cut_marks(p, left, bottom, right, top);
	char id[ID_MAX];
	render_begin(c, p, 1, 0, 0);
	sheet_id(g, row, col, id, sizeof id);
	rc = render_label(c, left, top + 10, FONT_BOLD, 10, false, black, id);
	if (!rc && has_right) {
		sheet_id(g, row, col + 1, id, sizeof id);
		float cy = bottom + g->ih / 2;
		rc = render_label(c, right + MARGIN / 2.0f, cy + 8, FONT_REGULAR, 7, true, grey, id);
		render_end_text(c);
		arrow(p, right + 6, cy, 1, 0);
	}
	if (!rc && has_below) {
		sheet_id(g, row + 1, col, id, sizeof id);
		float cx = left + g->iw / 2;
		rc = render_label(c, cx + 12, bottom - 14, FONT_REGULAR, 7, false, grey, id);
		render_end_text(c);
		arrow(p, cx, bottom - 6, 0, -1);
	}
	render_end_text(c);
	return rc ? rc : render_status(c);
}

/* The assembly map: the poster scaled onto one sheet with the grid. */
static int map_page(render_ctx *c, const grid *g, const draw_page *pg, HPDF_Page *out)
{
	HPDF_Page p = render_new_page(c, g->sw, g->sh);
	if (!p)
		return render_status(c);
	*out = p;
	float aw = g->sw - 2 * MARGIN, ah = g->sh - 2 * MARGIN;
	float s = fminf(aw / g->W, ah / g->H);
	float ex = MARGIN + (aw - s * g->W) / 2, top = g->sh - MARGIN - (ah - s * g->H) / 2;
	c->links = false;
	render_begin(c, p, s, ex, top);
	int rc = draw_window(c, pg, ex, top - s * g->H, s * g->W, s * g->H);
	c->links = true;
	if (rc)
		return rc;
	HPDF_Page_SetRGBStroke(p, grey.r, grey.g, grey.b);
	HPDF_Page_SetLineWidth(p, 0.75f);
	HPDF_Page_Rectangle(p, ex, top - s * g->H, s * g->W, s * g->H);
	HPDF_Page_Stroke(p);
	render_begin(c, p, 1, 0, 0);
	for (int r = 0; r < g->rows && !rc; r++)
		for (int k = 0; k < g->cols && !rc; k++) {
			float x0 = k * g->step_x, y0 = r * g->step_y;
			float w = fminf(g->iw, g->W - x0), h = fminf(g->ih, g->H - y0);
			float bx = ex + s * x0, by = top - s * (y0 + h);
			HPDF_Page_SetRGBStroke(p, 0, 0, 0);
			HPDF_Page_SetLineWidth(p, 0.5f);
			HPDF_Page_SetDash(p, (const HPDF_UINT16[]){3}, 1, 0);
			HPDF_Page_Rectangle(p, bx, by, s * w, s * h);
			HPDF_Page_Stroke(p);
			HPDF_Page_SetDash(p, NULL, 0, 0);
			char id[ID_MAX];
			sheet_id(g, r, k, id, sizeof id);
			float size = fminf(14, fmaxf(4, s * fminf(g->step_x, g->step_y) / 4));
			float cx = ex + s * (x0 + fminf(g->step_x, w) / 2);
			float cy = top - s * (y0 + fminf(g->step_y, h) / 2);
			fill_rect(p, cx - size * 1.2f, cy - size * 0.45f, size * 2.4f, size * 1.3f, (rgb){1, 1, 1});
			render_forget_state(c);
			rc = render_label(c, cx, cy, FONT_BOLD, size, true, black, id);
			render_end_text(c);
		}
	return rc ? rc : render_status(c);
}

static int tile_page(render_ctx *c, grid *g, const draw_page *pg, HPDF_Page *first)
{
	g->W = pg->width, g->H = pg->height;
	g->cols = count(g->W, g->iw, g->step_x);
	g->rows = count(g->H, g->ih, g->step_y);
	int rc = map_page(c, g, pg, first);
	for (int r = 0; r < g->rows && !rc; r++)
		for (int k = 0; k < g->cols && !rc; k++) {
			HPDF_Page p;
			rc = sheet(c, g, pg, r, k, &p);
		}
	return rc;
}

int render_tiled(render_ctx *c, HPDF_Page *first_sheet_of_page)
{
	const render_opts *o = c->opts;
	grid g = {.sw = o->tile_w, .sh = o->tile_h};
	g.iw = g.sw - 2 * MARGIN, g.ih = g.sh - 2 * MARGIN;
	g.step_x = g.iw - o->overlap, g.step_y = g.ih - o->overlap;
	if (o->overlap < 0 || g.step_x < 36 || g.step_y < 36) {
		diag_error(c->d, c->path, 0, "tiles of %g x %g points with %g points overlap leave no room",
		           o->tile_w, o->tile_h, o->overlap);
		return c->fail = AM_EUSAGE;
	}
	g.many = c->doc->n_pages > 1;
	for (size_t i = 0; i < c->doc->n_pages; i++) {
		g.page = i;
		int rc = tile_page(c, &g, &c->doc->pages[i], &first_sheet_of_page[i]);
		if (rc)
			return rc;
	}
	return AM_OK;
}
