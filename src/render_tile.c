/* render_tile.c: a poster page printed over several smaller sheets.
 *
 * Each poster page is drawn once, as a form XObject, and becomes an
 * assembly map (the form scaled onto one sheet, with the sheet grid and
 * ids) followed by its sheets, row by row. A sheet shows a window of the
 * form inside a margin of MARGIN points, clipped to the window. Neighbours
 * share `overlap` points: the strip on the right and at the bottom of a
 * sheet is shaded and labelled with the id of the sheet glued over it;
 * cut marks show where the margins come off. Ids are a row letter and a
 * column number ("B2"), language-neutral like every mark here. The
 * poster's links are repeated on every sheet that shows them. */
#include "render_priv.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
	long form;               /* the poster's XObject index */
	render_link *links;      /* the poster's links, in its PDF space */
	size_t n_links;
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

static void fill_rect(render_ctx *c, float x, float y, float w, float h, rgb k)
{
	render_set_fill(c, k);
	render_op(c, (const double[]){x, y, w, h}, 4, "re f");
}

static void line(render_ctx *c, float x1, float y1, float x2, float y2)
{
	render_op(c, (const double[]){x1, y1}, 2, "m");
	render_op(c, (const double[]){x2, y2}, 2, "l S");
}

/* A small filled triangle at (x, y) pointing along (dx, dy) (unit). */
static void arrow(render_ctx *c, float x, float y, float dx, float dy)
{
	const float len = 6, half = 3.5f;
	render_set_fill(c, grey);
	render_op(c, (const double[]){x + dx * len, y + dy * len}, 2, "m");
	render_op(c, (const double[]){x - dy * half, y + dx * half}, 2, "l");
	render_op(c, (const double[]){x + dy * half, y - dx * half}, 2, "l h f");
}

/* Draws the poster form scaled by s with its bottom-left corner at (x, y),
 * clipped to the window (wx, wy, ww, wh), all in PDF space. */
static void show_form(render_ctx *c, const grid *g, float s, float x, float y,
                      float wx, float wy, float ww, float wh)
{
	render_ops(c, "q\n");
	render_op(c, (const double[]){wx, wy, ww, wh}, 4, "re W n");
	render_op(c, (const double[]){s, 0, 0, s, x, y}, 6, "cm");
	char name[32];
	snprintf(name, sizeof name, "/X%ld Do\nQ\n", g->form);
	render_ops(c, name);
}

/* Cut marks at the four corners of the window, outside it. */
static void cut_marks(render_ctx *c, float x0, float y0, float x1, float y1)
{
	const float gap = 3, len = 14;
	render_set_stroke(c, black, 0.5f, 0);
	const float xs[2] = {x0, x1}, ys[2] = {y0, y1};
	for (int i = 0; i < 2; i++)
		for (int k = 0; k < 2; k++) {
			float sx = i ? 1 : -1, sy = k ? 1 : -1;
			line(c, xs[i] + sx * gap, ys[k], xs[i] + sx * (gap + len), ys[k]);
			line(c, xs[i], ys[k] + sy * gap, xs[i], ys[k] + sy * (gap + len));
		}
}

/* The ids of the neighbours glued over this sheet, with arrows. */
static int neighbour_labels(render_ctx *c, const grid *g, int row, int col, float left, float bottom,
                            float right)
{
	char id[ID_MAX];
	int rc = AM_OK;
	if (col + 1 < g->cols) {
		sheet_id(g, row, col + 1, id, sizeof id);
		float cy = bottom + g->ih / 2;
		rc = render_label(c, right + MARGIN / 2.0f, cy + 8, FONT_REGULAR, 7, true, grey, id);
		arrow(c, right + 6, cy, 1, 0);
	}
	if (!rc && row + 1 < g->rows) {
		sheet_id(g, row + 1, col, id, sizeof id);
		float cx = left + g->iw / 2;
		rc = render_label(c, cx + 12, bottom - 14, FONT_REGULAR, 7, false, grey, id);
		arrow(c, cx, bottom - 6, 0, -1);
	}
	return rc;
}

static int sheet(render_ctx *c, const grid *g, int row, int col)
{
	int rc = render_page_begin(c, g->sw, g->sh);
	if (rc)
		return rc;
	render_begin(c, 1, 0, 0);
	float x0 = col * g->step_x, y0 = row * g->step_y;
	float left = MARGIN, bottom = g->sh - MARGIN - g->ih, right = left + g->iw, top = g->sh - MARGIN;
	float ov = c->opts->overlap;
	/* Shaded glue strips first, so the poster prints over them. */
	if (col + 1 < g->cols)
		fill_rect(c, right - ov, bottom, ov, g->ih, shade);
	if (row + 1 < g->rows)
		fill_rect(c, left, bottom, g->iw, ov, shade);
	/* Poster point (x, y) (bottom-left origin) lands on (x + dx, y + dy). */
	float dx = left - x0, dy = top + y0 - g->H;
	show_form(c, g, 1, dx, dy, left, bottom, g->iw, g->ih);
	c->clip_x0 = left, c->clip_y0 = bottom, c->clip_x1 = right, c->clip_y1 = top;
	for (size_t i = 0; i < g->n_links; i++) {
		const render_link *l = &g->links[i];
		render_add_link(c, l->x0 + dx, l->y0 + dy, l->x1 + dx, l->y1 + dy, l->uri);
	}
	cut_marks(c, left, bottom, right, top);
	char id[ID_MAX];
	sheet_id(g, row, col, id, sizeof id);
	rc = render_label(c, left, top + 10, FONT_BOLD, 10, false, black, id);
	if (!rc)
		rc = neighbour_labels(c, g, row, col, left, bottom, right);
	unsigned obj;
	return rc ? rc : render_page_end(c, &obj);
}

/* The grid on the assembly map: each sheet's window dashed, its id on
 * white in the middle of the part only it shows. */
static int map_grid(render_ctx *c, const grid *g, float s, float ex, float top)
{
	int rc = AM_OK;
	for (int r = 0; r < g->rows && !rc; r++)
		for (int k = 0; k < g->cols && !rc; k++) {
			float x0 = k * g->step_x, y0 = r * g->step_y;
			float w = fminf(g->iw, g->W - x0), h = fminf(g->ih, g->H - y0);
			float bx = ex + s * x0, by = top - s * (y0 + h);
			render_set_stroke(c, black, 0.5f, 3);
			render_op(c, (const double[]){bx, by, s * w, s * h}, 4, "re S");
			char id[ID_MAX];
			sheet_id(g, r, k, id, sizeof id);
			float size = fminf(14, fmaxf(4, s * fminf(g->step_x, g->step_y) / 4));
			float cx = ex + s * (x0 + fminf(g->step_x, w) / 2);
			float cy = top - s * (y0 + fminf(g->step_y, h) / 2);
			fill_rect(c, cx - size * 1.2f, cy - size * 0.45f, size * 2.4f, size * 1.3f, (rgb){1, 1, 1});
			rc = render_label(c, cx, cy, FONT_BOLD, size, true, black, id);
		}
	return rc;
}

/* The assembly map: the poster scaled onto one sheet with the grid. */
static int map_page(render_ctx *c, const grid *g, unsigned *obj)
{
	int rc = render_page_begin(c, g->sw, g->sh);
	if (rc)
		return rc;
	render_begin(c, 1, 0, 0);
	float aw = g->sw - 2 * MARGIN, ah = g->sh - 2 * MARGIN;
	float s = fminf(aw / g->W, ah / g->H);
	float ex = MARGIN + (aw - s * g->W) / 2, top = g->sh - MARGIN - (ah - s * g->H) / 2;
	show_form(c, g, s, ex, top - s * g->H, ex, top - s * g->H, s * g->W, s * g->H);
	render_set_stroke(c, grey, 0.75f, 0);
	render_op(c, (const double[]){ex, top - s * g->H, s * g->W, s * g->H}, 4, "re S");
	rc = map_grid(c, g, s, ex, top);
	return rc ? rc : render_page_end(c, obj);
}

/* Draws poster page pg as a form XObject; its links go to g. */
static int write_form(render_ctx *c, grid *g, const draw_page *pg)
{
	c->ops.n = 0;
	c->n_links = 0;
	c->want_links = true;
	c->clip_x0 = 0, c->clip_y0 = 0, c->clip_x1 = pg->width, c->clip_y1 = pg->height;
	render_begin(c, 1, 0, pg->height);
	render_forget_state(c);   /* a form inherits the state of where it is shown */
	int rc = render_cmds(c, pg);
	if (rc)
		return rc;
	pdf *w = c->w;
	unsigned obj = pdf_begin(w, 0);
	pdf_dict(w);
	pdf_key_name(w, "Type", "XObject");
	pdf_key_name(w, "Subtype", "Form");
	pdf_name(w, "BBox");
	pdf_array(w);
	pdf_int(w, 0), pdf_int(w, 0), pdf_real(w, pg->width, 5), pdf_real(w, pg->height, 5);
	pdf_array_end(w);
	pdf_key_ref(w, "Resources", c->resources);
	pdf_stream(w, c->ops.p, c->ops.n, true);
	pdf_end(w);
	g->form = render_add_xobject(c, NULL, obj);
	free(g->links);
	g->links = c->n_links ? malloc(c->n_links * sizeof *g->links) : NULL;
	if (g->form < 0 || (c->n_links && !g->links))
		return render_oom(c);
	if (c->n_links)
		memcpy(g->links, c->links, c->n_links * sizeof *g->links);
	g->n_links = c->n_links;
	c->n_links = 0;
	return render_status(c);
}

static int tile_page(render_ctx *c, grid *g, const draw_page *pg, unsigned *first)
{
	g->W = pg->width, g->H = pg->height;
	g->cols = count(g->W, g->iw, g->step_x);
	g->rows = count(g->H, g->ih, g->step_y);
	int rc = write_form(c, g, pg);
	if (!rc)
		rc = map_page(c, g, first);
	for (int r = 0; r < g->rows && !rc; r++)
		for (int k = 0; k < g->cols && !rc; k++)
			rc = sheet(c, g, r, k);
	return rc;
}

int render_tiled(render_ctx *c)
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
	int rc = AM_OK;
	for (size_t i = 0; i < c->doc->n_pages && !rc; i++) {
		g.page = i;
		rc = tile_page(c, &g, &c->doc->pages[i], &c->dest[i]);
	}
	free(g.links);
	return rc;
}
