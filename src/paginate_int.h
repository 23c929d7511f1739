/* paginate_int.h: what the paginator's files share: paginate_breaks.c
 * (break points, and the page ends chosen among them), paginate_draw.c
 * (a slice of a body drawn on a page) and paginate.c (pages with their
 * header and footer, and the whole run). paginate.c uses paginate_draw.c,
 * which uses paginate_breaks.c; none the other way. Private to them. */
#ifndef AMOKIT_PAGINATE_INT_H
#define AMOKIT_PAGINATE_INT_H

#include "layout_int.h"

#define EPS 0.01f

/* A page: the slice [o0, o1) of section sec's body. */
typedef struct pslice {
	size_t sec;
	float o0, o1;
	bool restart;              /* page numbers start again on this page */
} pslice;

/* Whether child k of a vbox ends below y, or reaches below y at all. */
static inline bool ends_below(const vchild *k, float y) { return y < k->y + k->b->h - EPS; }
static inline bool ends_below_top(const vchild *k, float y) { return k->y + k->b->h > y + EPS; }

/* The first child of vbox b for which below(child, y) holds: by bisection
 * when its children are in order, else 0. Inline: a page looks up every
 * vbox it crosses. */
static inline size_t pg_first_below(const blk *b, float y, bool (*below)(const vchild *, float))
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

/* ---- paginate_breaks.c ---------------------------------------------------- */

/* Chooses the page ends of section si (s); appends its slices to *sl
 * (*n of *cap). -1 on failure (recorded in r). */
int pg_section(lrun *r, size_t si, const lsection *s, pslice **sl, size_t *n, size_t *cap);
/* Where cell c of a row resumes for a row offset o (cell coordinates). */
float pg_cell_resume(const blk *row, const blk *c, float o);
/* Extra height at the top of a page that starts at offset o inside b:
 * the repeated headers of every block cut open at o. */
float pg_cont_at(lrun *r, const blk *b, float o);

/* ---- paginate_draw.c -------------------------------------------------------- */

/* A page being drawn. */
typedef struct dctx {
	lrun *r;
	draw_doc *doc;
	draw_page *page;
	int page_index;
	float bottom;              /* lowest y content may use on this page */
	const char *lang;          /* the language (BCP 47) the next element begun
	                              takes, where it is not the document's */
} dctx;

/* Draws the slice [o0, o1) of block b at (x, y) on d's page; 0 or -1. */
int pg_draw_blk(dctx *d, const blk *b, float x, float y, float o0, float o1);
int pg_draw_lines(dctx *d, const blk *b, float x, float y, float o0, float o1);
/* Begins and ends an artifact of kind on d's page. */
int pg_artifact(dctx *d, draw_artifact kind);
int pg_artifact_end(dctx *d);

#endif
