/* paginate.c: formatted blocks → pages of draw commands.
 *
 * A section's body is one tall vbox. Its break points (between blocks,
 * between lines of text, between rows, and between lines inside table rows
 * and boxes) are collected with a penalty each; every page takes the last
 * point that fits, preferring the cheapest penalty class, so text is never
 * cut and headings stay with what follows. A page then draws the slice
 * [resume of the previous cut, this cut) of the body; blocks cut open
 * repeat their header (table header row, box title with a continuation
 * mark) at the top of the next page.
 *
 * Every step is linear in the document: the break points come out of the
 * walk in order (only a row's cells, side by side, are merged), and a
 * page finds its first child, and the child cut open at its top, by
 * bisection over the children of each vbox, not by a scan.
 *
 * Drawing also says what the commands mean (draw.h): a block with a role
 * is drawn inside a structure element keyed by the block, so its slices
 * on several pages make one element; frames, rules, tints, writing lines
 * and the page's header and footer are artifacts, and so is what a page
 * repeats (a table's header row, a continued title). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "layout_int.h"

#define EPS 0.01f

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

typedef struct pslice {
	size_t sec;
	float o0, o1;
	bool restart;              /* page numbers start again on this page */
} pslice;

static int push_brk(lrun *r, brklist *l, float cut, float resume, int pen, bool forced, bool restart)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 64;
		brk *v = cap < SIZE_MAX / sizeof *v ? realloc(l->v, cap * sizeof *v) : NULL;
		if (!v) {
			r->err = diag_oom(r->d, r->file);
			return -1;
		}
		l->v = v;
		l->cap = cap;
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
 * next page (cont_at() makes room for the lines they carry over). */
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
static bool ends_below(const vchild *k, float y) { return y < k->y + k->b->h - EPS; }
static bool ends_below_top(const vchild *k, float y) { return k->y + k->b->h > y + EPS; }

/* The first child of vbox b that ends below y, or b->u.vbox.n when none
 * does: by bisection when the children are ordered; else 0, and the
 * caller looks at every child. */
static size_t first_below(const blk *b, float y, bool (*below)(const vchild *, float))
{
	if (!b->u.vbox.ordered)
		return 0;
	size_t lo = 0, hi = b->u.vbox.n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (below(&b->u.vbox.kids[mid], y))
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

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
		size_t i = first_below(b, y, ends_below);
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
static float cell_resume(const blk *row, const blk *c, float o)
{
	float local = o - row->u.row.pad;
	return local <= EPS ? 0 : break_le(c, local);
}

/* Extra height at the top of a page that starts at offset o inside b:
 * the repeated headers of every block cut open at o. */
static float cont_at(lrun *r, const blk *b, float o)
{
	if (o <= EPS || o >= b->h - EPS)
		return 0;
	switch (b->kind) {
	case B_TABLE:
	case B_VBOX: {
		float extra = b->kind == B_TABLE ? b->cont_h : 0;
		/* Ordered children: only the first whose bottom is below o can
		 * hold o (first_below). */
		size_t i = first_below(b, o, ends_below), end = b->u.vbox.ordered ? i + 1 : b->u.vbox.n;
		for (; i < end && i < b->u.vbox.n; i++) {
			const vchild *k = &b->u.vbox.kids[i];
			if (o > k->y + EPS && o < k->y + k->b->h - EPS)
				return extra + cont_at(r, k->b, o - k->y);
		}
		return extra;
	}
	case B_BOX:
		return b->cont_h + cont_at(r, b->u.box.content, o - b->u.box.pad);
	case B_ROW: {
		/* Each cell carries over what lies between its own last break and o;
		 * a table row repeats its first cell's text above them. */
		blk *label = layout_row_label(r, (blk *)b);
		float lh = label ? label->h + b->u.row.pad : 0;
		float m = lh;
		for (size_t i = 0; i < b->u.row.n; i++) {
			const blk *c = b->u.row.cells[i];
			float res = cell_resume(b, c, o), local = o - b->u.row.pad;
			if (local <= EPS || res >= c->h - EPS)
				continue;
			float extra = lh + (local - res) + cont_at(r, c, res);
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
	avail -= cont_at(r, body, pts->v[i].resume);
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
		float limit = cur + avail - cont_at(r, body, cur);
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
static int paginate_section(lrun *r, size_t si, const lsection *s, pslice **sl,
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

/* ---- drawing ------------------------------------------------------------ */

typedef struct dctx {
	lrun *r;
	draw_doc *doc;
	draw_page *page;
	int page_index;
	float bottom;              /* lowest y content may use on this page */
	const char *lang;          /* the language (BCP 47) the next element begun
	                              takes, where it is not the document's */
} dctx;

static const rgb RULE_GREY = {0.55f, 0.58f, 0.62f};

static int draw_blk(dctx *d, const blk *b, float x, float y, float o0, float o1);
static int tag_begin(dctx *d, const blk *b);

static int artifact(dctx *d, draw_artifact kind) { return draw_artifact_begin(d->doc, d->page, kind); }
static int artifact_end(dctx *d) { return draw_artifact_end(d->doc, d->page); }

/* A line or a rectangle that is decoration. */
static int deco_line(dctx *d, float x1, float y1, float x2, float y2, float w, rgb c)
{
	return artifact(d, ARTIFACT_LAYOUT) || draw_line(d->doc, d->page, x1, y1, x2, y2, w, c) || artifact_end(d);
}

static int deco_rect(dctx *d, rect r, float w, rgb stroke, const rgb *fill)
{
	return artifact(d, ARTIFACT_LAYOUT) || draw_rect(d->doc, d->page, r, w, stroke, fill) || artifact_end(d);
}

static const char URL_END[] = " \t\n\"<>";

static bool url_start(const char *p)
{
	return strncmp(p, "https://", 8) == 0 || strncmp(p, "http://", 7) == 0;
}

static const text_frag *last_frag(const line_item *li)
{
	return li->line.n ? &li->line.frags[li->line.n - 1] : NULL;
}

/* The URL that begins at p (in line i's fragment) and, when it reaches the
 * end of an open-ended line, goes on at the start of the next lines: the
 * whole address, without sentence punctuation after it. */
static const char *whole_url(dctx *d, const blk *b, size_t i, const char *p)
{
	char buf[2048];
	size_t n = 0, len = strcspn(p, URL_END);
	for (;;) {
		if (n + len >= sizeof buf)
			break;
		memcpy(buf + n, p, len);
		n += len;
		const line_item *li = &b->u.lines.lines[i];
		bool at_end = p[len] == '\0' && last_frag(li) && p + len == last_frag(li)->utf8 + strlen(last_frag(li)->utf8);
		if (!at_end || !li->line.open_end || i + 1 >= b->u.lines.n || !b->u.lines.lines[i + 1].line.n)
			break;
		p = b->u.lines.lines[++i].line.frags[0].utf8;
		len = strcspn(p, URL_END);
	}
	while (n && strchr(".,;:)!?", buf[n - 1]))
		n--;          /* sentence punctuation after a URL is not part of it */
	return arena_strndup(d->doc->arena, buf, n);
}

/* Where the URL that line i starts with began: its first line and the byte
 * in that line's last fragment; false when line i does not continue one. */
static bool url_carried(const blk *b, size_t i, size_t *from, const char **at)
{
	while (i > 0 && b->u.lines.lines[i - 1].line.open_end) {
		const text_frag *f = last_frag(&b->u.lines.lines[i - 1]);
		if (!f)
			return false;
		const char *w = strrchr(f->utf8, ' ');
		w = w ? w + 1 : f->utf8;
		for (const char *q = w; (q = strstr(q, "http")) != NULL; q++)
			if (url_start(q)) {
				*from = i - 1;
				*at = q;
				return true;
			}
		if (w != f->utf8 || b->u.lines.lines[i - 1].line.n > 1)
			return false;   /* the word began on that line, without a URL */
		i--;
	}
	return false;
}

static int push_link(dctx *d, float x0, float base, float w, float size, const char *uri)
{
	const text_measurer *m = d->r->env->measurer;
	draw_cmd c = {.kind = DRAW_LINK};
	c.u.link.r = (rect){x0, base - m->ascent * size, w, (m->ascent + m->descent) * size};
	c.u.link.uri = uri;
	return uri && draw_push(d->doc, d->page, &c) ? 0 : -1;
}

/* Draws s[from, at) of fragment f at x (where f begins) on baseline base;
 * with space, a space after it. */
static int draw_part(dctx *d, const blk *b, const text_frag *f, size_t from, size_t at, float x, float base,
                     float size, bool space)
{
	const text_measurer *m = d->r->env->measurer;
	if (at <= from && !space)
		return 0;
	float x0 = x + (from ? m->fn(m->ctx, f->style, size, f->utf8, from) : 0);
	const char *s = f->utf8 + from;
	size_t len = at > from ? at - from : 0;
	if (space && !(s = arena_printf(d->r->a, "%.*s ", (int)len, s)))
		return -1;
	return draw_text(d->doc, d->page, x0, base, size, f->style, b->u.lines.colour, s, len + space);
}

/* Draws s[at, at + len) of fragment f as a link to uri: a link element
 * holding the text, and the annotation over it. */
static int draw_link(dctx *d, const blk *b, const text_frag *f, size_t at, size_t len, const char *uri,
                     float x, float base, float size)
{
	const text_measurer *m = d->r->env->measurer;
	float x0 = x + (at ? m->fn(m->ctx, f->style, size, f->utf8, at) : 0);
	return draw_tag_begin(d->doc, d->page, ROLE_LINK, NULL) || draw_part(d, b, f, at, at + len, x, base, size, false) ||
	       push_link(d, x0, base, m->fn(m->ctx, f->style, size, f->utf8 + at, len), size, uri) ||
	       draw_tag_end(d->doc, d->page, false) ? -1 : 0;
}

/* Draws fragment k of line i at x on baseline base, every URL printed in
 * it as a link, so a reader can click what the paper shows. A URL wrapped
 * over lines is a link on each line, each to the whole address. The last
 * fragment of a line that broke between words ends in the space the break
 * took: text extraction and the structure's text keep the words apart
 * (ISO 32000-1 §14.8.2.5); a space draws nothing. */
static int draw_frag(dctx *d, const blk *b, size_t i, size_t k, float x, float base, float size)
{
	const text_line *line = &b->u.lines.lines[i].line;
	bool space = k + 1 == line->n && i + 1 < b->u.lines.n && !line->open_end;
	const text_frag *f = &b->u.lines.lines[i].line.frags[k];
	const char *s = f->utf8;
	size_t from, pos = 0;
	const char *start;
	if (k == 0 && url_carried(b, i, &from, &start)) {
		size_t len = strcspn(s, URL_END);
		const char *uri = whole_url(d, b, from, start);
		bool goes_on = s[len] == '\0' && b->u.lines.lines[i].line.open_end;
		while (!goes_on && len && strchr(".,;:)!?", s[len - 1]))
			len--;
		if (len && draw_link(d, b, f, 0, len, uri, x, base, size))
			return -1;
		pos = len;
	}
	for (const char *p = s + pos; (p = strstr(p, "http")) != NULL;) {
		if (!url_start(p)) {
			p += 4;
			continue;
		}
		size_t len = strcspn(p, URL_END), at = (size_t)(p - s);
		const char *uri = whole_url(d, b, i, p);
		if (p[len] != '\0' || !b->u.lines.lines[i].line.open_end)
			while (len && strchr(".,;:)!?", p[len - 1]))
				len--;
		if (draw_part(d, b, f, pos, at, x, base, size, false) ||
		    (len && draw_link(d, b, f, at, len, uri, x, base, size)))
			return -1;
		pos = at + len;
		p += len ? len : 1;
	}
	size_t end = strlen(s);
	if (k + 1 < line->n || !line->hyphen_added || !end || pos >= end)
		return draw_part(d, b, f, pos, end, x, base, size, space);
	/* The hyphen the break added is not part of the text but an incidental
	 * artifact of the layout (ISO 32000-1 §14.8.2): drawn as an artifact,
	 * the structure's text gives the word whole ("arbejdsmiljøuddannelse",
	 * not "arbejdsmiljø-uddannelse"), while an extractor that reads the page
	 * still finds "arbejdsmiljø-" at the line's end, where it is printed
	 * (pdftotext joins it with the next line). Not a span with an empty
	 * /ActualText inside the element's content: poppler (22.12) ends an
	 * element's text at the end of any marked content nested in it. */
	return draw_part(d, b, f, pos, end - 1, x, base, size, false) ||
	       draw_artifact_begin(d->doc, d->page, ARTIFACT_LAYOUT) ||
	       draw_part(d, b, f, end - 1, end, x, base, size, false) ||
	       draw_artifact_end(d->doc, d->page) ? -1 : 0;
}

static int draw_lines(dctx *d, const blk *b, float x, float y, float o0, float o1)
{
	const text_measurer *m = d->r->env->measurer;
	float lead = b->u.lines.leading, size = b->u.lines.size;
	float asc = m->ascent * size, desc = m->descent * size;
	for (size_t i = 0; i < b->u.lines.n; i++) {
		float top = i * lead;
		if (top < o0 - EPS || top + lead > o1 + EPS)
			continue;
		const line_item *li = &b->u.lines.lines[i];
		float base = y + (top - o0) + (lead - asc - desc) / 2 + asc;
		if (i == 0 && b->u.lines.bookmark >= 0 &&
		    draw_bookmark_add(d->doc, b->u.lines.bookmark_title, d->page_index,
		                      y + top - o0, b->u.lines.bookmark))
			return -1;
		for (size_t k = 0; k < li->line.n; k++) {
			const text_frag *f = &li->line.frags[k];
			if (draw_frag(d, b, i, k, x + li->x + f->x, base, size))
				return -1;
		}
	}
	return 0;
}

/* The language of kid i of vbox b when it is not the document's: a sheet
 * in its participant's language (flow_item), or NULL. */
static const char *kid_lang(const lrun *r, const blk *b, size_t i)
{
	for (size_t k = 0; k < r->n_langs; k++)
		if (r->langs[k].body == b && r->langs[k].from <= i && i < r->langs[k].to)
			return r->langs[k].lang->cat ? catalog_tag(r->langs[k].lang->cat) : NULL;
	return NULL;
}

static int draw_vbox(dctx *d, const blk *b, float x, float y, float o0, float o1)
{
	float shift = 0;
	for (size_t i = first_below(b, o0, ends_below_top); i < b->u.vbox.n; i++) {
		const vchild *k = &b->u.vbox.kids[i];
		float top = k->y, bot = k->y + k->b->h;
		if (b->u.vbox.ordered && top >= o1 - EPS)
			break;    /* and so are all after it */
		if (bot <= o0 + EPS || top >= o1 - EPS)
			continue;
		float l0 = (top > o0 ? top : o0) - top;
		float l1 = (bot < o1 ? bot : o1) - top;
		float cy = y + shift + (top > o0 ? top - o0 : 0);
		const char *outer = d->lang, *lang = kid_lang(d->r, b, i);
		if (lang)
			d->lang = lang;
		int rc = draw_blk(d, k->b, x, cy, l0, l1);
		d->lang = outer;
		if (rc)
			return -1;
		if (l0 > EPS)
			shift += cont_at(d->r, k->b, l0);
	}
	return 0;
}

static int draw_row(dctx *d, const blk *b, float x, float y, float o0, float o1)
{
	float h = o1 - o0 + cont_at(d->r, b, o0);
	float pad = b->u.row.pad;
	bool last = o1 >= b->h - EPS;
	blk *label = o0 > EPS ? layout_row_label(d->r, (blk *)b) : NULL;
	float inset = b->u.row.framed ? pad / 0.8f : 0;
	for (size_t i = 0; i < b->u.row.n; i++) {
		float cx = x + b->u.row.x[i], cw = b->u.row.w[i];
		if (b->u.row.tint && deco_rect(d, (rect){cx, y, cw, h}, 0, RULE_GREY, b->u.row.tint))
			return -1;
		/* The cell's own slice: from its resume point to its last break
		 * before o1, so every line is drawn on exactly one page. */
		const blk *c = b->u.row.cells[i];
		float c0 = cell_resume(b, c, o0);
		float c1 = last ? c->h : cell_resume(b, c, o1);
		float cy = o0 < pad ? y + (pad - o0) : y + (label ? pad + label->h : 0);
		if (c1 > c0 + EPS) {
			if (draw_blk(d, c, cx + inset, cy, c0, c1))
				return -1;
		} else if (o0 <= EPS && c->role) {
			/* a cell with nothing on the row's first page is there all the
			 * same, in its place among the row's cells */
			if (tag_begin(d, c) || draw_tag_end(d->doc, d->page, c->h > EPS))
				return -1;
		}
	}
	/* Continued from the page before: the first cell's text, "(fortsat)". */
	if (label && (artifact(d, ARTIFACT_PAGINATION) ||
	              draw_blk(d, label, x + b->u.row.x[0] + inset, y + pad, 0, label->h) || artifact_end(d)))
		return -1;
	if (!b->u.row.framed && !b->u.row.ruled)
		return 0;
	/* A row cut at the page's foot stays open there: no closing rule. */
	rgb g = b->u.row.rule_colour;
	float w = b->w, lw = 0.5f;
	if (artifact(d, ARTIFACT_LAYOUT) || draw_line(d->doc, d->page, x, y, x + w, y, lw, g) ||
	    (last && draw_line(d->doc, d->page, x, y + h, x + w, y + h, lw, g)))
		return -1;
	for (size_t i = 0; b->u.row.framed && i <= b->u.row.n; i++) {
		float lx = i < b->u.row.n ? x + b->u.row.x[i] : x + w;
		if (draw_line(d->doc, d->page, lx, y, lx, y + h, lw, g))
			return -1;
	}
	return artifact_end(d);
}

/* A table: its header row on every page, as the table's head on the
 * first and as a repeat after; its rows in its body (keyed by the
 * table's header field, an address no other block has). */
static int draw_table(dctx *d, const blk *b, float x, float y, float o0, float o1)
{
	const blk *hdr = b->u.vbox.header;
	float hh = hdr ? hdr->h : 0;
	bool again = o0 > EPS;
	if (hdr && ((again ? artifact(d, ARTIFACT_PAGINATION) : draw_tag_begin(d->doc, d->page, ROLE_THEAD, NULL)) ||
	            draw_blk(d, hdr, x, y, 0, hh) ||
	            (again ? artifact_end(d) : draw_tag_end(d->doc, d->page, false))))
		return -1;
	float s0 = o0 > hh ? o0 : hh;
	if (o1 <= s0 + EPS)
		return 0;
	if (!hdr)
		return draw_vbox(d, b, x, y + hh, s0, o1);
	return draw_tag_begin(d->doc, d->page, ROLE_TBODY, &b->u.vbox.header) ||
	       draw_vbox(d, b, x, y + hh, s0, o1) || draw_tag_end(d->doc, d->page, o1 < b->h - EPS) ? -1 : 0;
}

static int draw_box(dctx *d, const blk *b, float x, float y, float o0, float o1)
{
	const text_measurer *m = d->r->env->measurer;
	float pad = b->u.box.pad, size = b->u.box.size;
	bool cont = o0 > EPS;
	float head = cont ? b->cont_h : 0;
	float bottom = b->fill ? d->bottom : y + head + (o1 - o0);
	rgb tint = b->u.box.tint;
	if (deco_rect(d, (rect){x, y, b->w, bottom - y}, 0.8f, b->u.box.accent, b->u.box.tinted ? &tint : NULL))
		return -1;
	if (cont && b->u.box.title) {
		/* A continued box repeats its title, marked as a continuation. */
		const char *more = b->u.box.cont_mark;
		const char *t = arena_printf(d->r->a, "%s %s", b->u.box.title, more);
		if (!t || artifact(d, ARTIFACT_PAGINATION) ||
		    draw_text(d->doc, d->page, x + pad, y + pad + m->ascent * size, size,
		              FONT_BOLD, b->u.box.accent, t, strlen(t)) || artifact_end(d))
			return -1;
	}
	const blk *c = b->u.box.content;
	float c0 = o0 - pad, c1 = o1 - pad;
	float cy = y + head + (c0 < 0 ? -c0 : 0);
	if (c0 < 0)
		c0 = 0;
	if (c1 > c->h)
		c1 = c->h;
	if (c1 > c0 && draw_blk(d, c, x + pad, cy, c0, c1))
		return -1;
	/* Writing lines below the content, at the pitch, down to the frame. */
	float wl0 = pad + c->h, pitch = b->u.box.pitch;
	float eff_h = b->fill ? o0 + (bottom - y - head) : b->h;
	for (int i = 1; b->u.box.lines > 0 || b->fill; i++) {
		float off = wl0 + i * pitch;
		if (off > eff_h - pad * 0.5f + EPS || (!b->fill && off > o1 + EPS))
			break;
		if (off < o0 - EPS)
			continue;
		float ly = y + head + (off - o0);
		if (deco_line(d, x + pad, ly, x + b->w - pad, ly, 0.4f, (rgb){0.62f, 0.64f, 0.68f}))
			return -1;
	}
	return 0;
}

static int draw_blk_in(dctx *d, const blk *b, float x, float y, float o0, float o1)
{
	switch (b->kind) {
	case B_LINES:
		return draw_lines(d, b, x, y, o0, o1);
	case B_VBOX:
		return draw_vbox(d, b, x, y, o0, o1);
	case B_TABLE:
		return draw_table(d, b, x, y, o0, o1);
	case B_ROW:
		return draw_row(d, b, x, y, o0, o1);
	case B_BOX:
		return draw_box(d, b, x, y, o0, o1);
	case B_RULE:
		return deco_line(d, x, y + b->h / 2, x + b->w, y + b->h / 2, b->u.rule.width, b->u.rule.colour);
	case B_CHECK: {
		float side = b->w;
		return deco_rect(d, (rect){x, y + (b->h - side) / 2, side, side}, 0.7f, (rgb){0.25f, 0.27f, 0.3f}, NULL);
	}
	case B_IMAGE: {
		draw_cmd c = {.kind = DRAW_IMAGE};
		c.u.image.r = (rect){x + b->u.image.x, y, b->u.image.w, b->h};
		c.u.image.file = b->u.image.file;
		c.u.image.data = b->u.image.data;
		c.u.image.len = b->u.image.len;
		bool deco = b->role == ROLE_NONE;   /* an image without words is a decoration */
		return (deco && artifact(d, ARTIFACT_LAYOUT)) || !draw_push(d->doc, d->page, &c) ||
		       (deco && artifact_end(d)) ? -1 : 0;
	}
	case B_CUSTOM: {
		const layout_env *env = d->r->env;
		float h = b->fill ? d->bottom - y : b->h;
		if (!env->custom)
			return 0;
		int rc = env->custom(env->custom_ctx, b->u.custom.kind, d->doc, d->page,
		                     (rect){x, y, b->w, h}, b->u.custom.data, d->r->d);
		if (rc)
			d->r->err = rc;
		return rc ? -1 : 0;
	}
	default:
		return 0;
	}
}

/* Opens the element block b is; its key is b. */
static int tag_begin(dctx *d, const blk *b)
{
	if (b->role == ROLE_TH)
		return draw_th_begin(d->doc, d->page, b, b->scope);
	if (b->role == ROLE_FIGURE)
		return draw_figure_begin(d->doc, d->page, b, b->u.image.alt);
	return draw_tag_begin(d->doc, d->page, b->role, b);
}

/* Draws the slice [o0, o1) of b at (x, y), inside its element when it is
 * one, which goes on when the slice ends before b does. */
static int draw_blk(dctx *d, const blk *b, float x, float y, float o0, float o1)
{
	if (!b->role)
		return draw_blk_in(d, b, x, y, o0, o1);
	/* an element in another language says so; what it holds inherits it */
	const char *lang = d->lang;
	d->lang = NULL;
	int rc = tag_begin(d, b) || (lang && draw_tag_lang(d->doc, d->page, lang)) ||
	         draw_blk_in(d, b, x, y, o0, o1) || draw_tag_end(d->doc, d->page, o1 < b->h - EPS);
	d->lang = lang;
	return rc ? -1 : 0;
}

/* ---- header and footer ------------------------------------------------ */

static int draw_margin_text(dctx *d, const lnode *n, float x, float base, float w,
                            int align, int page, int pages)
{
	if (!n)
		return 0;
	lrun *r = d->r;
	float size = r->l->base_size * 0.78f;
	blk *b = layout_inline_block(r, n->first, r->env->data, w, size, FONT_REGULAR,
	                             (rgb){0.42f, 0.42f, 0.46f}, align, page, pages);
	if (!b)
		return -1;
	if (!b->u.lines.n)
		return 0;
	const text_measurer *m = r->env->measurer;
	float top = base - m->ascent * size;
	/* A header or footer is one line: what does not fit ends in "…" after
	 * the last whole word that does, never cut silently or overlapping. */
	blk one = *b;
	one.u.lines.n = 1;
	one.h = b->u.lines.leading;
	float y = top - (one.u.lines.leading - (m->ascent + m->descent) * size) / 2;
	if (b->u.lines.n == 1)
		return draw_lines(d, &one, x, y, 0, one.h);
	const text_line *l = &b->u.lines.lines[0].line;
	char *t = arena_printf(r->a, "%s", "");
	for (size_t i = 0; t && i < l->n; i++)
		t = arena_printf(r->a, "%s%s", t, l->frags[i].utf8);
	if (!t)
		return -1;
	size_t len = strlen(t);
	while (len && strchr(" ,;:-", t[len - 1]))
		len--;                  /* a hyphen the break added, or a comma before "…" */
	float base_y = y + (one.u.lines.leading - (m->ascent + m->descent) * size) / 2 + m->ascent * size;
	for (;;) {
		const char *s = arena_printf(r->a, "%.*s…", (int)len, t);
		if (!s)
			return -1;
		float sw = m->fn(m->ctx, l->frags[0].style, size, s, strlen(s));
		if (sw <= w || len == 0)
			return draw_text(d->doc, d->page, x + (align == 2 ? w - sw : 0), base_y, size,
			                 l->frags[0].style, b->u.lines.colour, s, strlen(s));
		while (len && t[len - 1] != ' ')
			len--;          /* the last whole word that fits */
		while (len && strchr(" ,;:-", t[len - 1]))
			len--;
	}
}

static int draw_furniture(dctx *d, const lpage *pg, int page, int pages)
{
	const layout *l = d->r->l;
	float w = pg->w - pg->ml - pg->mr;
	float hb = pg->mt * 0.5f, fb = pg->h - pg->mb * 0.42f;
	float half = w * 0.62f, rest = w - half - 12;
	bool head = l->header || l->header_right, foot = l->footer || l->footer_right;
	if ((head && artifact(d, ARTIFACT_HEADER)) ||
	    draw_margin_text(d, l->header, pg->ml, hb, half, 0, page, pages) ||
	    draw_margin_text(d, l->header_right, pg->ml + half + 12, hb, rest, 2, page, pages))
		return -1;
	if (head) {
		float ly = pg->mt * 0.5f + l->base_size * 0.45f;
		if (draw_line(d->doc, d->page, pg->ml, ly, pg->w - pg->mr, ly, 0.4f, (rgb){0.75f, 0.76f, 0.8f}) ||
		    artifact_end(d))
			return -1;
	}
	return (foot && artifact(d, ARTIFACT_FOOTER)) ||
	       draw_margin_text(d, l->footer, pg->ml, fb, half, 0, page, pages) ||
	       draw_margin_text(d, l->footer_right, pg->ml + half + 12, fb, rest, 2, page, pages) ||
	       (foot && artifact_end(d)) ? -1 : 0;
}

/* The language of the block a page starting at offset o0 begins with. */
static const layout_lang *page_lang(const lrun *r, const blk *body, float o0)
{
	if (!r->n_langs)
		return r->env->lang;
	size_t k = 0;
	while (k + 1 < body->u.vbox.n && body->u.vbox.kids[k].y + body->u.vbox.kids[k].b->h <= o0 + EPS)
		k++;
	for (size_t i = 0; i < r->n_langs; i++)
		if (r->langs[i].body == body && r->langs[i].from <= k && k < r->langs[i].to)
			return r->langs[i].lang;
	return r->env->lang;
}

int paginate(lrun *r, const lsection *secs, size_t n, draw_doc *doc)
{
	pslice *sl = NULL;
	size_t ns = 0, cap = 0;
	for (size_t i = 0; i < n; i++)
		if (paginate_section(r, i, &secs[i], &sl, &ns, &cap))
			return -1;
	int first_page = (int)draw_page_count(doc);
	size_t group = 0, group_end = 0;   /* the pages numbered together */
	for (size_t i = 0; i < ns; i++) {
		if (i == group_end) {
			group = i;
			for (group_end = i + 1; group_end < ns && !sl[group_end].restart; group_end++)
				;
		}
		const lsection *s = &secs[sl[i].sec];
		draw_page *pg = draw_add_page(doc, s->page.w, s->page.h);
		if (!pg)   /* out of memory, or the renderer failed on the page before */
			return r->err = doc->sink_rc ? doc->sink_rc : diag_oom(r->d, r->file), -1;
		dctx d = {r, doc, pg, first_page + (int)i, s->page.h - s->page.mb, NULL};
		float top = s->page.mt;
		if (draw_blk(&d, s->body, s->page.ml, top, sl[i].o0, sl[i].o1))
			return -1;
		/* The header and footer speak the language of the page's first
		 * block; their terms go without the Danish word (a running head). */
		r->lang = page_lang(r, s->body, sl[i].o0);
		r->furniture = true;
		int rc = draw_furniture(&d, &s->page, (int)(i - group) + 1, (int)(group_end - group));
		r->furniture = false;
		r->lang = r->env->lang;
		if (rc)
			return -1;
	}
	return 0;
}

int layout_run(const layout *l, const layout_env *env, draw_doc *doc, diag *d)
{
	lrun r = {.l = l, .env = env, .lang = env->lang, .a = doc->arena, .d = d, .file = l->file,
	          .err = AM_OK, .doc = doc, .draw_group = paginate};
	lsection *secs;
	size_t n;
	/* The metadata is complete before the first page goes (draw_stream). */
	const catalog *c = env->lang ? env->lang->cat : NULL;
	if (!doc->meta.title)
		doc->meta.title = layout_title_in(l, c);
	if (!doc->meta.subject)
		doc->meta.subject = l->subject_key && c ? catalog_text(c, l->subject_key, NULL) : l->subject;
	if (!doc->meta.keywords)
		doc->meta.keywords = l->keywords_key && c ? catalog_text(c, l->keywords_key, NULL) : l->keywords;
	if (c)
		doc->meta.lang = catalog_tag(c);
	int rc = layout_build(&r, &secs, &n) || paginate(&r, secs, n, doc) ? -1 : AM_OK;
	if (!rc && r.group)
		rc = r.err = draw_flush(doc);   /* the last pages point into r.group */
	arena_free(r.group);
	if (rc)
		return r.err ? r.err : diag_oom(d, l->file);  /* errors other than memory set r.err */
	return AM_OK;
}
