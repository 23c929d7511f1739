/* tile_int.h: what tile.c (the plan, the sheets' marks) and
 * tile_assembly.c (the assembly page) share: the grid of windows over the
 * poster and a text helper (tile_grid.c). Not for other modules; see tile.h. */
#ifndef AMOKIT_TILE_INT_H
#define AMOKIT_TILE_INT_H

#include "tile.h"

#define MARGIN 34.0f     /* a sheet's white margin: 12 mm */
#define GLUE 28.35f      /* the strip neighbours share: 10 mm */

/* Neighbouring windows overlap by GLUE, so the grid cuts the poster into
 * pieces: 2 × cols columns (a strip that two sheets share, then a part
 * that only one shows; the last sheet's part runs to its edge) and as many
 * rows. A piece with drawing on it must be on a printed sheet. */
typedef struct grid {
	float w, h, iw, ih, sx, sy;   /* sheet, window, step */
	float x0, y0;                 /* the first window's corner on the poster */
	int cols, rows;
	size_t n;                     /* sheets printed */
	bool *print;                  /* rows × cols */
	bool *ink;                    /* 2 rows × 2 cols pieces: drawn on */
} grid;

/* The part of the poster that sheet (r, k) shows, in poster points. */
rect tile_window(const grid *g, int r, int k);
/* Whether sheet (r, k) is in the grid and printed. */
bool tile_has(const grid *g, int r, int k);
/* The printed sheet (r, k)'s number, 1.. in reading order. */
int tile_number_of(const grid *g, int r, int k);
/* Pushes a text run; -1 when out of memory (or s is NULL). */
int tile_text(draw_doc *doc, draw_page *pg, float x, float y, float size, font_style st, rgb col, double angle,
              const char *s);
/* The assembly page into t->assembly, and where the poster shows on it:
 * title, steps, the poster with the sheets' outlines, the map of numbers.
 * -1 when out of memory. */
int tile_assembly(draw_doc *doc, const draw_page *poster, const grid *g, rect art, const tile_texts *tx,
                  const text_measurer *m, tile_plan *t);

#endif
