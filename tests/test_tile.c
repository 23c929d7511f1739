/* test_tile.c: the årshjul planned over office sheets: the fewest sheets,
 * none without artwork (nor with only a date line or a sliver of a band:
 * every example at every size and way round, on A4 and A3), numbered in
 * reading order with row and column (never a name that reads as a paper
 * size), glue bands where a neighbour
 * goes on and cut lines where a sheet goes over one, and an assembly page
 * whose map of numbers covers nothing of the poster's picture. */
#include "testutil.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "aarshjul.h"
#include "catalog.h"
#include "font.h"
#include "layout.h"
#include "reader.h"
#include "tile.h"

static font_family *F;
static arena *LA;
static layout *L;
static text_measurer M;
static catalog *C;   /* the shipped Danish catalog */

/* The poster's texts from the catalog, its style from the layout. */
static const char *lookup(void *ctx, const char *key)
{
	const char *t = catalog_text(C, key, NULL);
	return t ? t : layout_text(ctx, key, NULL);
}

static tile_texts texts(void)
{
	tile_texts t = {lookup(L, "tile-title"), {lookup(L, "tile-step-1"), lookup(L, "tile-step-2"),
	                lookup(L, "tile-step-3"), lookup(L, "tile-step-4")}, lookup(L, "tile-sheet"),
	                lookup(L, "tile-row"), lookup(L, "tile-col"), lookup(L, "tile-glue"),
	                lookup(L, "tile-glue-after"), lookup(L, "tile-cut"), lookup(L, "tile-map")};
	return t;
}

/* The poster of wp on paper w × h, as page 0 of doc. */
static void poster(draw_doc *doc, const am_workplace *wp, float w, float h)
{
	draw_page *pg = draw_add_page(doc, w, h);
	aarshjul_opts o = {.measurer = &M, .text = lookup, .text_ctx = L, .year = 2026, .blank = !wp};
	for (int i = 0; i < 12; i++)
		o.months[i] = catalog_month(C, i + 1);
	diag d;
	diag_init(&d);
	float mg = w / 60;
	assert_int_equal(aarshjul_draw(doc, pg, (rect){mg, mg, w - 2 * mg, h - 2 * mg}, wp, &o, &d), AM_OK);
}

/* The poster of wp (NULL: blank) on paper w × h drawn as amokit draws one
 * to be tiled on paper_w × paper_h sheets: between the layout's margins
 * (14 mm on A2, scaled with the page), fitted to the sheets. */
static void tiled_poster(draw_doc *doc, const am_workplace *wp, float w, float h, float paper_w, float paper_h)
{
	draw_page *pg = draw_add_page(doc, w, h);
	aarshjul_opts o = {.measurer = &M, .text = lookup, .text_ctx = L, .year = 2026, .blank = !wp,
	                   .footer = "Udskrevet 3. februar 2026"};
	for (int i = 0; i < 12; i++)
		o.months[i] = catalog_month(C, i + 1);
	diag d;
	diag_init(&d);
	float mg = 39.69f * fminf(w, h) / 1190.55f;
	rect area = tile_fit((rect){mg, mg, w - 2 * mg, h - 2 * mg}, paper_w, paper_h);
	assert_int_equal(aarshjul_draw(doc, pg, area, wp, &o, &d), AM_OK);
}

static bool has_text(const draw_page *pg, const char *needle)
{
	for (size_t i = 0; i < pg->n; i++)
		if (pg->cmds[i].kind == DRAW_TEXT && strstr(pg->cmds[i].u.text.utf8, needle))
			return true;
	return false;
}

static int count_role(const draw_page *pg, draw_role role)
{
	int n = 0;
	for (size_t i = 0; i < pg->n; i++)
		n += pg->cmds[i].kind == DRAW_TAG_BEGIN && pg->cmds[i].u.tag.role == role;
	return n;
}

static bool looks_like_paper(const char *s)
{
	return (s[0] == 'A' || s[0] == 'B') && s[1] >= '0' && s[1] <= '9' && (!s[2] || (s[2] >= '0' && s[2] <= '9' && !s[3]));
}


static bool inside(rect a, rect b)
{
	return a.x >= b.x && a.y >= b.y && a.x + a.w <= b.x + b.w && a.y + a.h <= b.y + b.h;
}

static bool inked(const draw_page *pg, rect r)
{
	for (size_t k = 0; k < pg->n; k++)
		if (tile_cmd_meets(&pg->cmds[k], r, &M))
			return true;
	return false;
}

static int cmp_float(const void *a, const void *b)
{
	float x = *(const float *)a, y = *(const float *)b;
	return (x > y) - (x < y);
}

/* The page cut at every edge of every printed window: no piece with
 * drawing lies outside all windows (nothing of the poster is lost), and
 * every sheet holds a piece with drawing that no other sheet holds (no
 * sheet only repeats what its neighbours show). */
static void check_coverage(const draw_page *pg, const tile_plan *t)
{
	size_t n = 2 * t->n + 2;
	float *xs = malloc(n * sizeof *xs), *ys = malloc(n * sizeof *ys);
	bool *own = calloc(t->n, 1);
	assert_non_null(xs), assert_non_null(ys), assert_non_null(own);
	xs[0] = 0, xs[1] = pg->width, ys[0] = 0, ys[1] = pg->height;
	for (size_t i = 0; i < t->n; i++) {
		rect w = t->sheets[i].window;
		xs[2 + 2 * i] = fmaxf(0, fminf(pg->width, w.x)), xs[3 + 2 * i] = fmaxf(0, fminf(pg->width, w.x + w.w));
		ys[2 + 2 * i] = fmaxf(0, fminf(pg->height, w.y)), ys[3 + 2 * i] = fmaxf(0, fminf(pg->height, w.y + w.h));
	}
	qsort(xs, n, sizeof *xs, cmp_float);
	qsort(ys, n, sizeof *ys, cmp_float);
	for (size_t a = 0; a + 1 < n; a++)
		for (size_t b = 0; b + 1 < n; b++) {
			if (xs[a + 1] - xs[a] < 0.5f || ys[b + 1] - ys[b] < 0.5f)
				continue;
			/* a hair inside, so that a line on a window's edge belongs to it */
			rect p = {xs[a] + 0.2f, ys[b] + 0.2f, xs[a + 1] - xs[a] - 0.4f, ys[b + 1] - ys[b] - 0.4f};
			size_t holders = 0, last = 0;
			for (size_t i = 0; i < t->n; i++)
				if (inside(p, t->sheets[i].window))
					holders++, last = i;
			if (holders > 1 || (holders == 1 && own[last]))
				continue;
			bool ink = inked(pg, p);
			if (!holders && ink)
				print_error("drawing outside every sheet at %.0f,%.0f %.0fx%.0f\n", p.x, p.y, p.w, p.h);
			assert_false(!holders && ink);
			if (holders == 1)
				own[last] = ink;
		}
	for (size_t i = 0; i < t->n; i++) {
		if (!own[i])
			print_error("sheet %d shows nothing the others do not\n", t->sheets[i].number);
		assert_true(own[i]);
	}
	free(xs), free(ys), free(own);
}

static void check_plan(const draw_doc *doc, const tile_plan *t)
{
	const draw_page *pg = &doc->pages[t->page];
	assert_true(t->n >= 1);
	char want[64];
	for (size_t i = 0; i < t->n; i++) {
		const tile_sheet *s = &t->sheets[i];
		/* numbered in reading order */
		assert_int_equal(s->number, (int)i + 1);
		if (i)
			assert_true(s->row > t->sheets[i - 1].row ||
			            (s->row == t->sheets[i - 1].row && s->col > t->sheets[i - 1].col));
		/* never a sheet without artwork */
		bool art = false;
		for (size_t k = 0; k < pg->n && !art; k++)
			art = tile_cmd_meets(&pg->cmds[k], s->window, &M);
		assert_true(art);
		/* its name: number of all, row and column */
		snprintf(want, sizeof want, "%s %d/%zu", lookup(L, "tile-sheet"), s->number, t->n);
		assert_true(has_text(&s->marks, want));
		/* glue bands name the neighbours that go on; cut lines where it goes over one */
		size_t bands = 0, cuts = 0, neighbours_after = 0, neighbours_before = 0;
		for (size_t k = 0; k < s->marks.n; k++) {
			const draw_cmd *c = &s->marks.cmds[k];
			bands += c->kind == DRAW_RECT && c->u.rect.fill;
			cuts += c->kind == DRAW_LINE && c->u.line.dash > 0;
			if (c->kind == DRAW_TEXT)
				assert_false(looks_like_paper(c->u.text.utf8));
		}
		for (size_t j = 0; j < t->n; j++) {
			const tile_sheet *o = &t->sheets[j];
			neighbours_after += (o->row == s->row && o->col == s->col + 1) || (o->col == s->col && o->row == s->row + 1);
			neighbours_before += (o->row == s->row && o->col == s->col - 1) || (o->col == s->col && o->row == s->row - 1);
		}
		assert_int_equal(bands, neighbours_after);
		assert_int_equal(cuts, neighbours_before);
		/* neighbours share a strip of the poster */
		for (size_t j = 0; j < t->n; j++) {
			const tile_sheet *o = &t->sheets[j];
			if (o->row == s->row && o->col == s->col + 1)
				assert_true(o->window.x < s->window.x + s->window.w - 20);
		}
	}
	check_coverage(pg, t);
	/* the assembly page: title, four steps, the map clear of the picture */
	assert_true(has_text(&t->assembly, lookup(L, "tile-title")));
	assert_true(has_text(&t->assembly, "4."));
	/* tagged: the title a heading, the steps a list of four with their
	 * numbers as labels, the map a figure */
	assert_int_equal(count_role(&t->assembly, ROLE_H1), 1);
	assert_int_equal(count_role(&t->assembly, ROLE_L), 1);
	assert_int_equal(count_role(&t->assembly, ROLE_LI), 4);
	assert_int_equal(count_role(&t->assembly, ROLE_LBL), 4);
	assert_int_equal(count_role(&t->assembly, ROLE_FIGURE), 1);
	assert_true(t->assembly_head > 0 && t->assembly_head < t->assembly.n);
	for (size_t k = 0; k < t->assembly.n; k++) {
		const draw_cmd *c = &t->assembly.cmds[k];
		if (c->kind == DRAW_RECT) {
			const rect *r = &c->u.rect.r, *b = &t->thumb_clip;
			assert_false(r->x < b->x + b->w && b->x < r->x + r->w && r->y < b->y + b->h && b->y < r->y + r->h);
		}
		if (c->kind == DRAW_TEXT)
			assert_false(looks_like_paper(c->u.text.utf8));
	}
}

static void posters_over_office_sheets(void **state)
{
	(void)state;
	static const struct { const char *file; float w, h, pw, ph; size_t most; } cases[] = {
		{"examples/plejecenter-140.xml", 1683.78f, 2383.94f, 595.28f, 841.89f, 13},   /* A1 on A4 */
		{"examples/kontor-27.xml", 2383.94f, 3370.39f, 841.89f, 1190.55f, 12},       /* A0 on A3 */
		{"examples/produktion-45.xml", 2383.94f, 1683.78f, 595.28f, 841.89f, 12},    /* A1 landscape on A4 */
		{"examples/toemrer-6.xml", 841.89f, 1190.55f, 595.28f, 841.89f, 4},          /* A3 on A4 */
		{NULL, 1683.78f, 2383.94f, 841.89f, 1190.55f, 6},                            /* blank A1 on A3 */
	};
	tile_texts tx = texts();
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		arena *a = arena_new();
		am_workplace *wp = NULL;
		diag d;
		diag_init(&d);
		if (cases[i].file)
			assert_int_equal(reader_load(a, cases[i].file, &wp, &d), AM_OK);
		draw_doc doc;
		draw_init(&doc, a);
		tiled_poster(&doc, wp, cases[i].w, cases[i].h, cases[i].pw, cases[i].ph);
		tile_plan t;
		assert_int_equal(tile_plan_make(&doc, 0, cases[i].pw, cases[i].ph, &tx, &M, &t, &d), AM_OK);
		print_message("%s %.0fx%.0f on %.0fx%.0f: %zu sheets (%d x %d, %s)\n", cases[i].file ? cases[i].file : "blank",
		              cases[i].w, cases[i].h, cases[i].pw, cases[i].ph, t.n, t.cols, t.rows,
		              t.w > t.h ? "landscape" : "portrait");
		check_plan(&doc, &t);
		assert_true(t.n <= cases[i].most);
		/* the same plan whichever way round the paper is given */
		tile_plan u;
		assert_int_equal(tile_plan_make(&doc, 0, cases[i].ph, cases[i].pw, &tx, &M, &u, &d), AM_OK);
		assert_int_equal(u.n, t.n);
		arena_free(a);
	}
}

/* The share of r (0..1) that the page's drawing covers, counted in
 * squares of CELL points: a square is covered when a command draws in it. */
#define CELL 16.0f
static double ink_share(const draw_page *pg, const rect *box, rect r)
{
	int nx = (int)ceilf(r.w / CELL), ny = (int)ceilf(r.h / CELL);
	bool *on = calloc((size_t)(nx * ny), 1);
	assert_non_null(on);
	size_t covered = 0;
	for (size_t k = 0; k < pg->n; k++) {
		const rect *b = &box[k];
		int x0 = (int)floorf((b->x - r.x) / CELL), x1 = (int)floorf((b->x + b->w - r.x) / CELL);
		int y0 = (int)floorf((b->y - r.y) / CELL), y1 = (int)floorf((b->y + b->h - r.y) / CELL);
		for (int y = y0 < 0 ? 0 : y0; y <= y1 && y < ny; y++)
			for (int x = x0 < 0 ? 0 : x0; x <= x1 && x < nx; x++) {
				rect c = {r.x + x * CELL, r.y + y * CELL, CELL, CELL};
				if (!on[y * nx + x] && tile_cmd_meets(&pg->cmds[k], c, &M))
					on[y * nx + x] = true, covered++;
			}
	}
	free(on);
	return (double)covered / (nx * ny);
}

/* Every command's bounds (a text by its measured run, turned), generously:
 * ink_share asks tile_cmd_meets for the exact answer. */
static rect *boxes_of(const draw_page *pg)
{
	rect *box = malloc((pg->n ? pg->n : 1) * sizeof *box);
	assert_non_null(box);
	for (size_t k = 0; k < pg->n; k++) {
		const draw_cmd *c = &pg->cmds[k];
		box[k] = (rect){0, 0, pg->width, pg->height};
		if (c->kind == DRAW_TEXT) {
			float w = M.fn(M.ctx, c->u.text.style, c->u.text.size, c->u.text.utf8, strlen(c->u.text.utf8));
			float reach = w + 2 * c->u.text.size;
			box[k] = (rect){c->u.text.x - reach, c->u.text.y - reach, 2 * reach, 2 * reach};
		} else if (c->kind == DRAW_LINE) {
			float pad = c->u.line.width + 1;
			box[k] = (rect){fminf(c->u.line.x1, c->u.line.x2) - pad, fminf(c->u.line.y1, c->u.line.y2) - pad,
			                fabsf(c->u.line.x2 - c->u.line.x1) + 2 * pad, fabsf(c->u.line.y2 - c->u.line.y1) + 2 * pad};
		} else if (c->kind == DRAW_RECT) {
			float pad = c->u.rect.width + 1;
			box[k] = (rect){c->u.rect.r.x - pad, c->u.rect.r.y - pad, c->u.rect.r.w + 2 * pad, c->u.rect.r.h + 2 * pad};
		} else if (c->kind == DRAW_PATH && c->u.path.n) {
			float x0 = 1e9f, y0 = 1e9f, x1 = -1e9f, y1 = -1e9f;
			for (size_t i = 0; i < c->u.path.n; i++) {
				int np = c->u.path.els[i].op == PATH_CURVE ? 3 : c->u.path.els[i].op == PATH_CLOSE ? 0 : 1;
				for (int j = 0; j < np; j++) {
					point q = c->u.path.els[i].p[j];
					x0 = fminf(x0, q.x), y0 = fminf(y0, q.y), x1 = fmaxf(x1, q.x), y1 = fmaxf(y1, q.y);
				}
			}
			float pad = c->u.path.width + 1;
			box[k] = (rect){x0 - pad, y0 - pad, x1 - x0 + 2 * pad, y1 - y0 + 2 * pad};
		}
	}
	return box;
}

/* Every example and the blank wheel, A3 to A0, portrait and landscape, on
 * A4 and on A3 sheets: no sheet is there for a date line or a sliver of
 * a band; each is covered by drawing over at least MEANINGFUL of the part
 * of the poster it shows. */
#define MEANINGFUL 0.10
static void every_sheet_carries_a_share_of_the_artwork(void **state)
{
	(void)state;
	static const char *const files[] = {"examples/kontor-27.xml", "examples/plejecenter-140.xml",
	                                    "examples/produktion-45.xml", "examples/toemrer-6.xml", NULL};
	static const float paper[][2] = {{841.89f, 1190.55f}, {1190.55f, 1683.78f}, {1683.78f, 2383.94f},
	                                 {2383.94f, 3370.39f}};   /* A3, A2, A1, A0 */
	static const float office[][2] = {{595.28f, 841.89f}, {841.89f, 1190.55f}};   /* A4, A3 */
	static const char *const names[] = {"A3", "A2", "A1", "A0"};
	tile_texts tx = texts();
	double least = 1;
	for (size_t f = 0; f < sizeof files / sizeof files[0]; f++) {
		arena *wa = arena_new();
		am_workplace *wp = NULL;
		diag d;
		diag_init(&d);
		if (files[f])
			assert_int_equal(reader_load(wa, files[f], &wp, &d), AM_OK);
		for (int size = 0; size < 4; size++)
			for (int sheet = 0; sheet < 2; sheet++)   /* on A4, on A3 */
				for (int wide = 0; wide < 2; wide++) {
					arena *a = arena_new();
					draw_doc doc;
					draw_init(&doc, a);
					float w = paper[size][wide], h = paper[size][!wide];
					tiled_poster(&doc, wp, w, h, office[sheet][0], office[sheet][1]);
					tile_plan t;
					assert_int_equal(tile_plan_make(&doc, 0, office[sheet][0], office[sheet][1], &tx, &M, &t, &d),
					                 AM_OK);
					check_plan(&doc, &t);
					const draw_page *pg = &doc.pages[0];
					rect *box = boxes_of(pg);
					double thin = 1;
					int thin_no = 0;
					for (size_t i = 0; i < t.n; i++) {
						double s = ink_share(pg, box, t.sheets[i].window);
						if (s < thin)
							thin = s, thin_no = t.sheets[i].number;
					}
					free(box);
					print_message("%s %s%s on %s: %zu sheets (%d x %d), the emptiest (%d) %.0f%% covered\n",
					              files[f] ? files[f] : "blank", names[size], wide ? " landscape" : "",
					              sheet ? "A3" : "A4", t.n, t.cols, t.rows, thin_no, 100 * thin);
					least = fmin(least, thin);
					assert_true(thin >= MEANINGFUL);
					arena_free(a);
				}
		arena_free(wa);
	}
	print_message("the emptiest sheet of all: %.0f%% covered\n", 100 * least);
}

/* A drawing in one corner of a large page: only the sheets that show it. */
static void sheets_that_would_show_nothing_are_left_out(void **state)
{
	(void)state;
	arena *a = arena_new();
	draw_doc doc;
	draw_init(&doc, a);
	draw_page *pg = draw_add_page(&doc, 2384, 3370);
	static const rgb k = {0, 0, 0};
	assert_int_equal(draw_rect(&doc, pg, (rect){100, 100, 300, 300}, 1, k, &k), 0);
	assert_int_equal(draw_line(&doc, pg, 2000, 3000, 2300, 3300, 1, k), 0);
	tile_texts tx = texts();
	tile_plan t;
	diag d;
	diag_init(&d);
	assert_int_equal(tile_plan_make(&doc, 0, 595.28f, 841.89f, &tx, &M, &t, &d), AM_OK);
	check_plan(&doc, &t);
	assert_true(t.n < (size_t)(t.rows * t.cols));
	assert_true(t.n >= 2);
	arena_free(a);
}

/* Drawings scattered at random over A1 and A0 pages (a few boxes, lines
 * and words, some in the overlaps, some in corners): every plan covers
 * all of them, and no sheet only repeats what others show. */
static void random_drawings_are_covered_by_needed_sheets(void **state)
{
	(void)state;
	unsigned seed = 17;
	tile_texts tx = texts();
	static const rgb k = {0, 0, 0};
	for (int round = 0; round < 40; round++) {
		arena *a = arena_new();
		draw_doc doc;
		draw_init(&doc, a);
		float w = round % 2 ? 1683.78f : 2383.94f, h = round % 2 ? 2383.94f : 3370.39f;
		draw_page *pg = draw_add_page(&doc, round % 4 < 2 ? w : h, round % 4 < 2 ? h : w);
		int items = 1 + (int)((seed = seed * 1103515245u + 12345u) >> 16) % 30;
		for (int i = 0; i < items; i++) {
			float x = (float)((seed = seed * 1103515245u + 12345u) >> 16) / 65536.0f * (pg->width - 60) + 10;
			float y = (float)((seed = seed * 1103515245u + 12345u) >> 16) / 65536.0f * (pg->height - 60) + 10;
			float s = 2 + (float)((seed = seed * 1103515245u + 12345u) >> 16) / 65536.0f * 40;
			switch (i % 3) {
			case 0: assert_int_equal(draw_rect(&doc, pg, (rect){x, y, s, s}, 1, k, &k), 0); break;
			case 1: assert_int_equal(draw_line(&doc, pg, x, y, fminf(x + 3 * s, pg->width), y + s, 1, k), 0); break;
			default: assert_int_equal(draw_text(&doc, pg, x, y + 12, 12, FONT_REGULAR, k, "ord", 3), 0);
			}
		}
		tile_plan t;
		diag d;
		diag_init(&d);
		assert_int_equal(tile_plan_make(&doc, 0, round % 3 ? 595.28f : 841.89f, round % 3 ? 841.89f : 1190.55f, &tx,
		                                &M, &t, &d),
		                 AM_OK);
		check_plan(&doc, &t);
		arena_free(a);
	}
}

/* Out of memory at any allocation the plan makes: AM_EINTERNAL with a
 * message, never a crash or a half-made plan handed on as good; under
 * make asan nothing leaks. */
static void a_plan_fails_cleanly_without_memory(void **state)
{
	(void)state;
	arena *wa = arena_new();
	am_workplace *wp = NULL;
	diag d;
	diag_init(&d);
	assert_int_equal(reader_load(wa, "examples/plejecenter-140.xml", &wp, &d), AM_OK);
	tile_texts tx = texts();
	long n = 0;
	for (;; n++) {
		assert_true(n < 10000);
		arena *a = arena_new();
		draw_doc doc;
		draw_init(&doc, a);
		poster(&doc, wp, 2383.94f, 3370.39f);   /* A0: many sheets, many allocations */
		/* the plan in an arena of its own, so that its first allocation
		 * asks for memory */
		arena *pa = arena_new();
		doc.arena = pa;
		tile_plan t;
		diag_init(&d);
		arena_fail_after(n);
		int rc = tile_plan_make(&doc, 0, 595.28f, 841.89f, &tx, &M, &t, &d);
		arena_fail_after(-1);
		if (rc == AM_OK)
			check_plan(&doc, &t);
		else
			assert_int_equal(rc, AM_EINTERNAL), assert_true(d.errors > 0);
		arena_free(pa);
		arena_free(a);
		if (rc == AM_OK)
			break;
	}
	print_message("the plan failed cleanly at each of its first %ld allocations\n", n);
	assert_true(n > 0);   /* the injection bit */
	arena_free(wa);
}

static int setup(void **state)
{
	(void)state;
	diag d;
	diag_init(&d);
	F = font_load("fonts", &d);
	LA = arena_new();
	if (!F || !LA || layout_load(LA, "layouts/aarshjul.xml", &L, &d) ||
	    catalog_load(LA, "layouts", "da", NULL, &C, &d))
		return -1;
	M = font_measurer(F);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	font_free(F);
	arena_free(LA);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(posters_over_office_sheets),
		cmocka_unit_test(every_sheet_carries_a_share_of_the_artwork),
		cmocka_unit_test(sheets_that_would_show_nothing_are_left_out),
		cmocka_unit_test(random_drawings_are_covered_by_needed_sheets),
		cmocka_unit_test(a_plan_fails_cleanly_without_memory),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
