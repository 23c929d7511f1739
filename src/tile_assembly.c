/* tile_assembly.c: the page that comes first when a poster is tiled: a
 * title, the steps, the whole poster with the sheets' outlines and beside
 * (or under) it a map of the sheet numbers, so that no number covers the
 * picture. The plan itself is tile.c's. Tagged: the title a heading, the
 * steps a list, the outlines an artifact, the map a figure (the poster's
 * own figure is the renderer's, render_tile.c). */
#include "tile_int.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static const rgb INK = {0.10f, 0.10f, 0.10f}, MUTED = {0.33f, 0.33f, 0.33f}, WHITE = {1, 1, 1};

/* Text wrapped to width from (x, *y) down; *y moves past it. The first
 * skip bytes (a list item's label, drawn by the caller) take their room
 * on the first line but are not drawn. */
static int para_from(draw_doc *doc, draw_page *pg, const text_measurer *m, const char *s, size_t skip, float x,
                     float *y, float w, float size, font_style st, rgb col)
{
	size_t len = strlen(s), i = 0;
	float lh = (m->ascent + m->descent) * size * 1.25f;
	while (i < len) {
		while (i < len && s[i] == ' ')
			i++;
		size_t end = i, best = 0;
		while (end < len) {
			size_t we = end;
			while (we < len && s[we] == ' ')
				we++;
			while (we < len && s[we] != ' ')
				we++;
			if (m->fn(m->ctx, st, size, s + i, we - i) > w && best)
				break;
			best = end = we;
		}
		if (!best)
			break;
		size_t from = i < skip && skip < best ? skip : i;
		float dx = from > i ? m->fn(m->ctx, st, size, s + i, from - i) : 0;
		if (tile_text(doc, pg, x + dx, *y + m->ascent * size, size, st, col, 0,
		              arena_strndup(doc->arena, s + from, best - from)))
			return -1;
		*y += lh;
		i = best;
	}
	return 0;
}

static int para(draw_doc *doc, draw_page *pg, const text_measurer *m, const char *s, float x, float *y, float w,
                float size, font_style st, rgb col)
{
	return para_from(doc, pg, m, s, 0, x, y, w, size, st, col);
}

/* Step n of the instructions, a list item: its number the label, its
 * words the body, set as one paragraph ("1. Print ..."). */
static int step(draw_doc *doc, draw_page *pg, const text_measurer *m, int n, const char *text, float *y, float w)
{
	const float size = 11;
	const char *label = arena_printf(doc->arena, "%d.", n);
	const char *s = label ? arena_printf(doc->arena, "%s %s", label, text) : NULL;
	if (!s)
		return -1;
	return draw_tag_begin(doc, pg, ROLE_LI, NULL) || draw_tag_begin(doc, pg, ROLE_LBL, NULL) ||
	       tile_text(doc, pg, MARGIN, *y + m->ascent * size, size, FONT_REGULAR, INK, 0, label) ||
	       draw_tag_end(doc, pg, false) || draw_tag_begin(doc, pg, ROLE_LBODY, NULL) ||
	       para_from(doc, pg, m, s, strlen(label) + 1, MARGIN, y, w, size, FONT_REGULAR, INK) ||
	       draw_tag_end(doc, pg, false) || draw_tag_end(doc, pg, false) ? -1 : 0;
}

/* The sheets' outlines over the poster shown at thumb (scale s): marks
 * over the picture, an artifact. */
static int outlines(draw_doc *doc, draw_page *pg, const grid *g, rect thumb, float s, float ox, float oy)
{
	if (draw_artifact_begin(doc, pg, ARTIFACT_LAYOUT))
		return -1;
	for (int r = 0; r < g->rows; r++)
		for (int k = 0; k < g->cols; k++) {
			if (!tile_has(g, r, k))
				continue;
			rect w = tile_window(g, r, k);
			rect b = {thumb.x + (w.x - ox) * s, thumb.y + (w.y - oy) * s, w.w * s, w.h * s};
			path_el *e = arena_array(doc->arena, 5, sizeof *e);
			if (!e)
				return -1;
			e[0] = (path_el){PATH_MOVE, {{b.x, b.y}}};
			e[1] = (path_el){PATH_LINE, {{b.x + b.w, b.y}}};
			e[2] = (path_el){PATH_LINE, {{b.x + b.w, b.y + b.h}}};
			e[3] = (path_el){PATH_LINE, {{b.x, b.y + b.h}}};
			e[4] = (path_el){.op = PATH_CLOSE};
			if (draw_path(doc, pg, e, 5, 0.6f, INK, NULL, 3))
				return -1;
		}
	return draw_artifact_end(doc, pg);
}

/* What the map of sheet numbers shows, in words: its caption, then per
 * row of the grid the sheets in it ("række 1: 1, 2, 3; række 2: 4, 5"). */
static const char *map_alt(draw_doc *doc, const grid *g, const tile_texts *tx)
{
	const char *s = arena_printf(doc->arena, "%s:", tx->map);
	for (int r = 0; s && r < g->rows; r++) {
		const char *sep = " ";
		s = arena_printf(doc->arena, "%s%s%s %d:", s, r ? "; " : " ", tx->row, r + 1);
		for (int k = 0; s && k < g->cols; k++)
			if (tile_has(g, r, k)) {
				s = arena_printf(doc->arena, "%s%s%d", s, sep, tile_number_of(g, r, k));
				sep = ", ";
			}
	}
	return s;
}

/* The map of sheet numbers: one box per printed sheet, in the grid; a
 * figure, with its caption. */
static int number_map(draw_doc *doc, draw_page *pg, const grid *g, rect area, const text_measurer *m,
                      const tile_texts *tx)
{
	const char *alt = map_alt(doc, g, tx);
	if (!alt || draw_figure_begin(doc, pg, NULL, alt))
		return -1;
	float cy = area.y - 16;   /* the caption above the map */
	if (para(doc, pg, m, tx->map, area.x, &cy, area.w, 10, FONT_BOLD, MUTED))
		return -1;
	float cw = area.w / g->cols, ch = area.h / g->rows, u = fminf(cw, ch * g->iw / g->ih);
	float bw = u, bh = u * g->ih / g->iw;
	float x0 = area.x, y0 = area.y;   /* under its caption */
	for (int r = 0; r < g->rows; r++)
		for (int k = 0; k < g->cols; k++) {
			if (!tile_has(g, r, k))
				continue;
			rect b = {x0 + k * bw + 2, y0 + r * bh + 2, bw - 4, bh - 4};
			char num[16];
			snprintf(num, sizeof num, "%d", tile_number_of(g, r, k));
			float size = fminf(28, 0.4f * fminf(b.w, b.h)), w = m->fn(m->ctx, FONT_BOLD, size, num, strlen(num));
			if (draw_rect(doc, pg, b, 1, INK, &WHITE) ||
			    tile_text(doc, pg, b.x + b.w / 2 - w / 2, b.y + b.h / 2 + (m->ascent - m->descent) * size / 2, size,
			         FONT_BOLD, INK, 0, arena_strdup(doc->arena, num)))
				return -1;
		}
	return draw_tag_end(doc, pg, false);
}

/* Title, steps, then the poster with the sheets' outlines and beside (or
 * under) it the map of numbers: two pictures, neither covering the other. */
int tile_assembly(draw_doc *doc, const draw_page *poster, const grid *g, rect art, const tile_texts *tx,
                    const text_measurer *m, tile_plan *t)
{
	draw_page *pg = &t->assembly;
	*pg = (draw_page){g->w, g->h, NULL, 0, 0};
	float y = MARGIN, w = g->w - 2 * MARGIN;
	if (draw_tag_begin(doc, pg, ROLE_H1, NULL) || para(doc, pg, m, tx->title, MARGIN, &y, w, 18, FONT_BOLD, INK) ||
	    draw_tag_end(doc, pg, false) || draw_tag_begin(doc, pg, ROLE_L, NULL))
		return -1;
	y += 6;
	for (int i = 0; i < 4; i++) {
		if (step(doc, pg, m, i + 1, tx->steps[i], &y, w))
			return -1;
		y += 3;
	}
	if (draw_tag_end(doc, pg, false))
		return -1;
	t->assembly_head = pg->n;   /* the title and the steps come before the poster */
	y += 12;
	/* the rest: side by side when the page is wide, else one under the other */
	float rest = g->h - MARGIN - y, gap = 18;
	bool side = w > rest;
	rect a = side ? (rect){MARGIN, y, (w - gap) * 0.62f, rest} : (rect){MARGIN, y, w, (rest - gap) * 0.62f};
	rect b = side ? (rect){a.x + a.w + gap, y + 16, w - a.w - gap, rest - 16}
	              : (rect){MARGIN, a.y + a.h + gap + 16, w, rest - a.h - gap - 16};
	float gw = g->iw + (g->cols - 1) * g->sx, gh = g->ih + (g->rows - 1) * g->sy;
	float ox = fminf(art.x, g->x0), oy = fminf(art.y, g->y0);
	float ex = fmaxf(art.x + art.w, g->x0 + gw) - ox, ey = fmaxf(art.y + art.h, g->y0 + gh) - oy;
	float s = fminf(a.w / ex, a.h / ey);
	t->thumb = (rect){a.x - ox * s, a.y - oy * s, poster->width * s, poster->height * s};
	t->thumb_clip = (rect){a.x, a.y, ex * s, ey * s};
	if (outlines(doc, pg, g, (rect){a.x, a.y, ex * s, ey * s}, s, ox, oy))
		return -1;
	return number_map(doc, pg, g, b, m, tx);
}
