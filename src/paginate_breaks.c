/* paginate_breaks.c: a section body's break points (between blocks, lines,
 * rows, and lines inside rows and boxes), each with a penalty, and the
 * page ends chosen among them: every page takes the last point that fits,
 * preferring the cheapest penalty class. See paginate.c. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "bytes.h"
#include "paginate_int.h"

/* Penalty classes, cheapest first: between blocks; a widow, an orphan or
 * inside a kept group, a box or a grid row; inside a table row or between
 * a box's writing lines (only when it is taller than a page); after a
 * heading. */
enum { PEN_OK = 0, PEN_AVOID = 1, PEN_ROW = 2, PEN_KEEP = 3 };

/* A page should be at least this full before a keep rule may push a block
 * that could split to the next page. */
#define MIN_FILL 0.6f

typedef struct brk {
	float cut, resume;
	int penalty;
	bool forced;
	bool restart;              /* forced: page numbers start again after it */
} brk;

typedef struct brklist {
	brk *v;
	size_t n, cap;
} brklist;

static int push_brk(lrun *r, brklist *l, float cut, float resume, int pen, bool forced, bool restart)
{
	if (heap_grow((void **)&l->v, &l->cap, l->n + 1, sizeof *l->v, 64)) {
		r->err = diag_oom(r->d, r->file);
		return -1;
	}
	l->v[l->n++] = (brk){cut, resume, pen, forced, restart};
	return 0;
}

static int max_i(int a, int b) { return a > b ? a : b; }

static bool brks_sorted(const brk *v, size_t n)
{
	for (size_t i = 1; i < n; i++)
		if (v[i].cut < v[i - 1].cut)
			return false;
	return true;
}

/* Sorts v[0..n) by cut, points with equal cuts kept in their order: a
 * bottom-up merge sort through a buffer freed at the end, or nothing at
 * all when they are in order already (the usual case). 0, or -1 when out
 * of memory. */
static int sort_brks(lrun *r, brk *v, size_t n)
{
	if (brks_sorted(v, n))
		return 0;
	brk *tmp = calloc(n, sizeof *tmp);
	if (!tmp) {
		r->err = diag_oom(r->d, r->file);
		return -1;
	}
	brk *src = v, *dst = tmp;
	for (size_t w = 1; w < n; w *= 2) {
		for (size_t lo = 0; lo < n; lo += 2 * w) {
			size_t mid = lo + w < n ? lo + w : n, hi = lo + 2 * w < n ? lo + 2 * w : n;
			size_t a = lo, b = mid, k = lo;
			while (a < mid && b < hi)
				dst[k++] = src[b].cut < src[a].cut ? src[b++] : src[a++];
			while (a < mid)
				dst[k++] = src[a++];
			while (b < hi)
				dst[k++] = src[b++];
		}
		brk *t = src;
		src = dst;
		dst = t;
	}
	if (src != v)
		memcpy(v, src, n * sizeof *v);
	free(tmp);
	return 0;
}

/* ---- break points ------------------------------------------------------- */

static int collect(lrun *r, blk *b, float base, int floor, brklist *out);

/* Whether the children's tops and bottoms never decrease (and are numbers):
 * then the child at an offset can be found by bisection. */
static bool kids_ordered(const blk *b)
{
	float top = 0, bot = 0;
	for (size_t i = 0; i < b->u.vbox.n; i++) {
		const vchild *k = &b->u.vbox.kids[i];
		float t = k->y, e = k->y + k->b->h;
		if (!(t >= top && e >= bot && e >= t))
			return false;
		top = t, bot = e;
	}
	return true;
}

static int collect_vbox(lrun *r, blk *b, float base, int floor, brklist *out)
{
	b->u.vbox.ordered = kids_ordered(b);
	for (size_t i = 0; i < b->u.vbox.n; i++) {
		const vchild *k = &b->u.vbox.kids[i];
		if (collect(r, k->b, base + k->y, floor, out))
			return -1;
		if (i + 1 == b->u.vbox.n)
			break;
		float cut = base + k->y + k->b->h, resume = base + b->u.vbox.kids[i + 1].y;
		if (k->break_after)
			cut = base + k->y + k->b->h;
		int pen = k->keep_with_next ? PEN_KEEP : floor;
		if (push_brk(r, out, cut, resume, k->break_after ? PEN_OK : pen, k->break_after,
		             k->break_after && k->restart_numbering))
			return -1;
	}
	return 0;
}

static int collect_lines(lrun *r, const blk *b, float base, int floor, brklist *out)
{
	size_t n = b->u.lines.n;
	for (size_t i = 1; i < n; i++) {
		/* No orphan (first line alone at a page's foot), no widow (last
		 * line alone at the top of the next page), when it can be helped. */
		int pen = (i == 1 || i == n - 1) ? PEN_AVOID : PEN_OK;
		float y = base + i * b->u.lines.leading;
		if (push_brk(r, out, y, y, max_i(pen, floor), false, false))
			return -1;
	}
	return 0;
}

/* A row may be cut wherever any of its cells may: the other cells are cut
 * at their own last break before that offset and resume from there on the
 * next page (pg_cont_at() makes room for the lines they carry over). */
static int collect_row(lrun *r, const blk *b, float base, int floor, brklist *out)
{
	size_t first = out->n;
	for (size_t i = 0; i < b->u.row.n; i++) {
		size_t from = out->n;
		if (collect(r, b->u.row.cells[i], base + b->u.row.pad, floor, out))
			return -1;
		/* Inside a row a cut and its resume are one offset. */
		for (size_t k = from; k < out->n; k++)
			out->v[k].resume = out->v[k].cut;
	}
	/* The cells' points, each list in order, merged into one (none: a row
	 * of cells without break points, and maybe no list yet). */
	return out->n > first ? sort_brks(r, out->v + first, out->n - first) : 0;
}

static int collect_box(lrun *r, blk *b, float base, int floor, brklist *out)
{
	float pad = b->u.box.pad;
	if (collect(r, b->u.box.content, base + pad, floor, out))
		return -1;
	float y0 = base + pad + b->u.box.content->h;
	int lines = (int)((b->h - 2 * pad - b->u.box.content->h) / b->u.box.pitch + EPS);
	for (int i = 1; i < lines; i++) {
		float y = y0 + i * b->u.box.pitch;
		if (push_brk(r, out, y, y, max_i(PEN_ROW, floor), false, false))
			return -1;
	}
	return 0;
}

static int collect(lrun *r, blk *b, float base, int floor, brklist *out)
{
	/* A table row splits only when taller than a page; a box or a grid
	 * row may also split between its lines of text when keeping it whole
	 * would leave the page less than MIN_FILL full (its ruled writing
	 * lines stay together: collect_box). */
	if (b->keep_together)
		floor = max_i(floor, b->kind == B_ROW && (b->u.row.framed || b->u.row.ruled) ? PEN_ROW : PEN_AVOID);
	switch (b->kind) {
	case B_VBOX:
	case B_TABLE:
		return collect_vbox(r, b, base, floor, out);
	case B_LINES:
		return collect_lines(r, b, base, floor, out);
	case B_ROW:
		return collect_row(r, b, base, floor, out);
	case B_BOX:
		return collect_box(r, b, base, floor, out);
	default:
		return 0;
	}
}

/* Whether child k ends below offset y, as break_le and cont_at ask it, and
 * as draw_vbox asks it (each compares in its own way: the same floats). */

/* The largest offset <= y at which b may be cut cleanly: nothing drawn
 * across it. 0 when there is none before y. */
static float break_le(const blk *b, float y)
{
	if (y >= b->h - EPS)
		return b->h;
	if (y <= EPS)
		return 0;
	switch (b->kind) {
	case B_LINES: {
		float lead = b->u.lines.leading;
		return floorf((y + EPS) / lead) * lead;
	}
	case B_TABLE:
	case B_VBOX: {
		/* The first child y lies before or in: the first that ends below
		 * y, or a thin one just before that which y does not pass. */
		size_t i = pg_first_below(b, y, ends_below);
		while (i > 0 && y < b->u.vbox.kids[i - 1].y + EPS)
			i--;
		for (; i < b->u.vbox.n; i++) {
			const vchild *k = &b->u.vbox.kids[i];
			if (y < k->y + EPS)
				return i ? y : 0;          /* in the gap before a child */
			if (y < k->y + k->b->h - EPS)
				return k->y + break_le(k->b, y - k->y);
		}
		return y;
	}
	case B_BOX: {
		float pad = b->u.box.pad, wl0 = pad + b->u.box.content->h;
		if (y < wl0 - EPS)
			return y < pad ? 0 : pad + break_le(b->u.box.content, y - pad);
		float pitch = b->u.box.pitch;
		return wl0 + floorf((y - wl0 + EPS) / pitch) * pitch;
	}
	case B_ROW: {
		/* The earliest of the cells' own breaks; a cell already ended
		 * does not hold the row back. */
		float m = y, pad = b->u.row.pad;
		if (y < pad)
			return 0;
		for (size_t i = 0; i < b->u.row.n; i++) {
			const blk *c = b->u.row.cells[i];
			if (y - pad >= c->h - EPS)
				continue;
			float at = pad + break_le(c, y - pad);
			if (at < m)
				m = at;
		}
		return m;
	}
	default:
		return 0;
	}
}

/* Where cell c of a row resumes for a row offset o (cell coordinates). */
float pg_cell_resume(const blk *row, const blk *c, float o)
{
	float local = o - row->u.row.pad;
	return local <= EPS ? 0 : break_le(c, local);
}

/* Extra height at the top of a page that starts at offset o inside b:
 * the repeated headers of every block cut open at o. */
float pg_cont_at(lrun *r, const blk *b, float o)
{
	if (o <= EPS || o >= b->h - EPS)
		return 0;
	switch (b->kind) {
	case B_TABLE:
	case B_VBOX: {
		float extra = b->kind == B_TABLE ? b->cont_h : 0;
		/* Ordered children: only the first whose bottom is below o can
		 * hold o (first_below). */
		size_t i = pg_first_below(b, o, ends_below), end = b->u.vbox.ordered ? i + 1 : b->u.vbox.n;
		for (; i < end && i < b->u.vbox.n; i++) {
			const vchild *k = &b->u.vbox.kids[i];
			if (o > k->y + EPS && o < k->y + k->b->h - EPS)
				return extra + pg_cont_at(r, k->b, o - k->y);
		}
		return extra;
	}
	case B_BOX:
		return b->cont_h + pg_cont_at(r, b->u.box.content, o - b->u.box.pad);
	case B_ROW: {
		/* Each cell carries over what lies between its own last break and o;
		 * a table row repeats its first cell's text above them. */
		blk *label = layout_row_label(r, (blk *)b);
		float lh = label ? label->h + b->u.row.pad : 0;
		float m = lh;
		for (size_t i = 0; i < b->u.row.n; i++) {
			const blk *c = b->u.row.cells[i];
			float res = pg_cell_resume(b, c, o), local = o - b->u.row.pad;
			if (local <= EPS || res >= c->h - EPS)
				continue;
			float extra = lh + (local - res) + pg_cont_at(r, c, res);
			if (extra > m)
				m = extra;
		}
		return m;
	}
	default:
		return 0;
	}
}

/* Does what follows the break point at index i, up to the next clean
 * break, fit on one page? */
static bool fits_a_page(lrun *r, const blk *body, const brklist *pts, size_t i, float avail)
{
	/* below the headers repeated at the top of the page it would start */
	avail -= pg_cont_at(r, body, pts->v[i].resume);
	for (size_t k = i + 1; k < pts->n; k++)
		if (pts->v[k].penalty == PEN_OK || pts->v[k].forced)
			return pts->v[k].cut - pts->v[i].resume <= avail + EPS;
	return body->h - pts->v[i].resume <= avail + EPS;   /* the section's end */
}

/* Chooses the page ends of one section from its break points pts, in
 * order; appends slices. */
static int choose_pages(lrun *r, size_t si, const lsection *s, const brklist pts, pslice **sl,
                        size_t *n, size_t *cap)
{
	blk *body = s->body;
	float avail = s->page.h - s->page.mt - s->page.mb;
	float cur = 0;
	size_t first = 0;
	bool restart_next = false;
	for (;;) {
		float limit = cur + avail - pg_cont_at(r, body, cur);
		while (first < pts.n && pts.v[first].cut <= cur + EPS)
			first++;
		long best[4] = {-1, -1, -1, -1};
		long forced = -1;
		for (size_t i = first; i < pts.n && pts.v[i].cut <= limit + EPS; i++) {
			if (pts.v[i].forced) {
				forced = (long)i;
				break;
			}
			best[pts.v[i].penalty] = (long)i;
		}
		float cut, resume;
		bool restart = false;
		if (forced < 0 && body->h <= limit + EPS) {
			cut = body->h;
			resume = body->h;
		} else if (forced >= 0) {
			cut = pts.v[forced].cut;
			resume = pts.v[forced].resume;
			restart = pts.v[forced].restart;
		} else {
			long pick = best[PEN_OK] >= 0 ? best[PEN_OK] : best[PEN_AVOID] >= 0 ? best[PEN_AVOID]
			          : best[PEN_ROW] >= 0 ? best[PEN_ROW] : best[PEN_KEEP];
			long inside = best[PEN_AVOID] > best[PEN_ROW] ? best[PEN_AVOID] : best[PEN_ROW];
			/* Keeping a block together is pointless when it cannot fit on
			 * a page of its own anyway: then cut inside it, here. A kept
			 * group (not a row or a box) is cut rather than leave the page
			 * less than MIN_FILL full. */
			if (pick >= 0 && pick == best[PEN_OK] && inside > pick &&
			    !fits_a_page(r, body, &pts, (size_t)pick, avail))
				pick = inside;
			else if (pick >= 0 && pick == best[PEN_OK] && best[PEN_AVOID] > pick &&
			         pts.v[pick].cut - cur < MIN_FILL * avail)
				pick = best[PEN_AVOID];
			if (pick >= 0) {
				cut = pts.v[pick].cut;
				resume = pts.v[pick].resume;
			} else {
				/* Nothing breakable fits: an element taller than a page.
				 * Take the next break point even if it overflows, so the
				 * page holds it whole; the builder caps such heights. */
				cut = first < pts.n ? pts.v[first].cut : body->h;
				resume = first < pts.n ? pts.v[first].resume : body->h;
			}
		}
		if (*n == *cap) {
			size_t nc = *cap ? *cap * 2 : 8;
			pslice *v = arena_array(r->a, nc, sizeof *v);
			if (!v)
				return r->err = diag_oom(r->d, r->file), -1;
			if (*n)
				memcpy(v, *sl, *n * sizeof *v);
			*sl = v;
			*cap = nc;
		}
		(*sl)[(*n)++] = (pslice){si, cur, cut, restart_next};
		restart_next = restart;
		if (cut >= body->h - EPS)
			return 0;
		cur = resume;
		if (cur >= body->h - EPS)
			return 0;
	}
}

/* Chooses the page ends of one section; appends slices. Its break points
 * are held only meanwhile. */
int pg_section(lrun *r, size_t si, const lsection *s, pslice **sl,
                            size_t *n, size_t *cap)
{
	if (!s->body->u.vbox.n)
		return 0;
	brklist pts = {0};
	int rc = collect(r, s->body, 0, PEN_OK, &pts) || sort_brks(r, pts.v, pts.n) ||
	         choose_pages(r, si, s, pts, sl, n, cap) ? -1 : 0;
	free(pts.v);
	return rc;
}
