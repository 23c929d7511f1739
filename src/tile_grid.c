/* tile_grid.c: the grid of windows over a tiled poster (its struct in
 * tile_int.h) and the text helper, which both the plan's sheets (tile.c)
 * and the assembly page (tile_assembly.c) use, so neither calls the other
 * back. */
#include "tile_int.h"

rect tile_window(const grid *g, int r, int k)
{
	return (rect){g->x0 + k * g->sx, g->y0 + r * g->sy, g->iw, g->ih};
}

bool tile_has(const grid *g, int r, int k)
{
	return r >= 0 && k >= 0 && r < g->rows && k < g->cols && g->print[r * g->cols + k];
}

int tile_number_of(const grid *g, int r, int k)
{
	int n = 0;
	for (int i = 0; i <= r * g->cols + k; i++)
		n += g->print[i];
	return n;
}

int tile_text(draw_doc *doc, draw_page *pg, float x, float y, float size, font_style st, rgb col, double angle,
                const char *s)
{
	draw_cmd c = {.kind = DRAW_TEXT};
	c.u.text.x = x, c.u.text.y = y, c.u.text.size = size, c.u.text.style = st;
	c.u.text.colour = col, c.u.text.angle = (float)angle;
	c.u.text.utf8 = s;
	return s && draw_push(doc, pg, &c) ? 0 : -1;
}
