/* layout_blk.c: the blocks every builder of a layout makes (layout_build.h):
 * a block allocated in the run's arena, a block stacked in a vbox, a row
 * of cells, a list item's row added to its list; and the run's failure.
 * Below the builder (layout_build*.c) and the text (layout_text.c): it
 * calls none of them. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "layout_build.h"

/* ---- small helpers ------------------------------------------------------ */

int lay_fail(lrun *r)
{
	if (!r->err)
		r->err = diag_oom(r->d, r->file);
	return -1;
}

blk *lay_new_blk(lrun *r, bkind kind, float w)
{
	blk *b = arena_alloc(r->a, sizeof *b);
	if (!b) {
		lay_fail(r);
		return NULL;
	}
	b->kind = kind;
	b->w = w;
	if (kind == B_LINES)
		b->u.lines.bookmark = -1;
	return b;
}


/* Appends child to vbox with gap before it (ignored for the first child). */
vchild *lay_vbox_add(lrun *r, blk *v, blk *child, float gap)
{
	/* A cell or a box holds one or two blocks more often than not. */
	if (v->u.vbox.n == v->u.vbox.cap && arena_grow_from(r->a, (void **)&v->u.vbox.kids, &v->u.vbox.cap, v->u.vbox.n,
	                                                     v->u.vbox.n + 1, sizeof *v->u.vbox.kids, 2)) {
		lay_fail(r);
		return NULL;
	}
	vchild *c = &v->u.vbox.kids[v->u.vbox.n++];
	memset(c, 0, sizeof *c);
	if (v->u.vbox.n == 1)
		v->u.vbox.lead_gap = gap;
	c->b = child;
	c->y = v->u.vbox.n > 1 ? v->h + gap : v->h;
	v->h = c->y + child->h;
	return c;
}


/* The first node from n on that is not white space between elements. */
const lnode *lay_skip_space(const lnode *n)
{
	while (n && n->kind == L_TEXT && strspn(n->text, " ") == strlen(n->text))
		n = n->next;
	return n;
}

/* ---- rows and lists ------------------------------------------------------ */

/* A row of n cells of widths w, as high as its highest cell plus pad
 * above and below. */
blk *lay_make_row(lrun *r, blk **cells, const float *w, size_t n, float width, float pad)
{
	blk *row = lay_new_blk(r, B_ROW, width);
	float *xs = arena_array(r->a, n, sizeof *xs);
	float *ws = arena_array(r->a, n, sizeof *ws);
	blk **cs = arena_array(r->a, n, sizeof *cs);
	if (!row || !xs || !ws || !cs) {
		lay_fail(r);
		return NULL;
	}
	float x = 0, h = 0;
	for (size_t i = 0; i < n; i++) {
		xs[i] = x;
		ws[i] = w[i];
		cs[i] = cells[i];
		x += w[i];
		if (cells[i]->h > h)
			h = cells[i]->h;
	}
	row->u.row.cells = cs;
	row->u.row.x = xs;
	row->u.row.w = ws;
	row->u.row.n = n;
	row->u.row.pad = pad;
	row->h = h + 2 * pad;
	return row;
}

/* Adds a list item's row to the list *list, made (and added to the flow
 * with gap before it) for the first item; the flow keeps the list's
 * height as the list grows, the list being its last block. */
int lay_add_item(builder *b, blk **list, blk *row, float gap)
{
	lrun *r = b->r;
	row->role = ROLE_LI;
	row->u.row.cells[0]->role = ROLE_LBL;
	row->u.row.cells[1]->role = ROLE_LBODY;
	if (*list) {
		if (!lay_vbox_add(r, *list, row, gap))
			return -1;
		b->out->h = vbox_last(b->out)->y + (*list)->h;
		return 0;
	}
	if (!(*list = new_vbox(r, b->width)) || !lay_vbox_add(r, *list, row, 0))
		return -1;
	(*list)->role = ROLE_L;
	return lay_vbox_add(r, b->out, *list, gap) ? 0 : -1;
}
