/* test_aarshjul.c: properties of the årshjul's draw list, over the examples
 * and generated plans up to what the schema allows (12 rings, 5,000
 * activities) at A3 to A0, portrait and landscape: it always renders;
 * no text overlaps other text; nothing is upside down; labels keep the
 * least size of their format and one size throughout, month names are
 * larger; no line runs through text; leaders never cross each other;
 * text keeps a contrast of 4.5:1 with
 * what lies under it; the rings' markers differ in shape; every activity
 * is in the list with its dates. */
#include "testutil.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "aarshjul.h"
#include "catalog.h"
#include "font.h"
#include "layout.h"
#include "occur.h"
#include "reader.h"
#include "rhythm.h"
#include "stress_plan.h"
#include "wheel.h"

static const text_measurer *M;   /* the real font's widths */
static text_hyph *H;             /* Danish hyphenation */
static layout *L;                /* the shipped årshjul layout */
static catalog *C;               /* the shipped Danish catalog */

/* The poster's texts from the catalog, its style from the layout. */
static const char *lookup(void *ctx, const char *key)
{
	const char *t = catalog_text(C, key, NULL);
	return t ? t : layout_text(ctx, key, NULL);
}

static aarshjul_opts make_opts(aarshjul_stats *st)
{
	aarshjul_opts o = {.measurer = M, .hyph = H, .text = lookup, .text_ctx = L, .year = 2026, .stats = st,
	                   .footer = "Udskrevet 1. marts 2026"};
	for (int i = 0; i < 12; i++)
		o.months[i] = catalog_month(C, i + 1);
	return o;
}

/* --- geometry of the draw list ---------------------------------------------- */

typedef struct quad { double x[4], y[4]; } quad;

/* The box of a text run, shrunk by `in` of its size on every side (0: the
 * whole box from descent to ascent). */
static quad text_quad(const draw_cmd *c, double in)
{
	double size = c->u.text.size, th = c->u.text.angle;
	double w = M->fn(M->ctx, c->u.text.style, (float)size, c->u.text.utf8, strlen(c->u.text.utf8));
	double dx = cos(th), dy = -sin(th), ux = -sin(th), uy = -cos(th);
	double a = M->ascent * size - in * size, d = -M->descent * size + in * size;
	double us[4] = {in * size, w - in * size, w - in * size, in * size}, vs[4] = {d, d, a, a};
	quad q;
	for (int i = 0; i < 4; i++) {
		q.x[i] = c->u.text.x + us[i] * dx + vs[i] * ux;
		q.y[i] = c->u.text.y + us[i] * dy + vs[i] * uy;
	}
	return q;
}

static bool separated_on(const quad *a, const quad *b, const quad *edges)
{
	for (int i = 0; i < 4; i++) {
		double ex = edges->x[(i + 1) % 4] - edges->x[i], ey = edges->y[(i + 1) % 4] - edges->y[i];
		double nx = -ey, ny = ex, len = hypot(nx, ny);
		if (len < 1e-9)
			continue;
		double amin = 1e30, amax = -1e30, bmin = 1e30, bmax = -1e30;
		for (int k = 0; k < 4; k++) {
			double pa = (a->x[k] * nx + a->y[k] * ny) / len, pb = (b->x[k] * nx + b->y[k] * ny) / len;
			amin = fmin(amin, pa), amax = fmax(amax, pa), bmin = fmin(bmin, pb), bmax = fmax(bmax, pb);
		}
		if (amax <= bmin + 0.01 || bmax <= amin + 0.01)
			return true;
	}
	return false;
}

static bool quads_meet(const quad *a, const quad *b) { return !separated_on(a, b, a) && !separated_on(a, b, b); }

/* Whether segment p-q crosses the inside of quad (convex). */
static bool segment_meets(const quad *k, double px, double py, double qx, double qy)
{
	quad s = {{px, qx, qx, px}, {py, qy, qy, py}};
	return quads_meet(k, &s);
}

/* The segments of a path, curves cut in eight. Returns how many. */
static size_t flatten(const draw_cmd *c, double (*seg)[4], size_t max)
{
	size_t n = 0;
	double ax = 0, ay = 0, sx = 0, sy = 0;   /* in double: a piece ends where the next begins */
	for (size_t i = 0; i < c->u.path.n && n < max; i++) {
		const path_el *e = &c->u.path.els[i];
		if (e->op == PATH_MOVE) {
			ax = sx = e->p[0].x;
			ay = sy = e->p[0].y;
		} else if (e->op == PATH_LINE || e->op == PATH_CLOSE) {
			double tx = e->op == PATH_LINE ? e->p[0].x : sx, ty = e->op == PATH_LINE ? e->p[0].y : sy;
			seg[n][0] = ax, seg[n][1] = ay, seg[n][2] = tx, seg[n][3] = ty;
			n++;
			ax = tx, ay = ty;
		} else {
			double x0 = ax, y0 = ay;
			for (int k = 1; k <= 8 && n < max; k++) {
				double t = k / 8.0, u = 1 - t;
				double x = u * u * u * x0 + 3 * u * u * t * e->p[0].x + 3 * u * t * t * e->p[1].x + t * t * t * e->p[2].x;
				double y = u * u * u * y0 + 3 * u * u * t * e->p[0].y + 3 * u * t * t * e->p[1].y + t * t * t * e->p[2].y;
				seg[n][0] = ax, seg[n][1] = ay, seg[n][2] = x, seg[n][3] = y;
				n++;
				ax = x, ay = y;
			}
		}
	}
	return n;
}

/* Winding number of the filled path c around (x, y). */
static bool path_contains(const draw_cmd *c, double x, double y)
{
	static double seg[4096][4];
	size_t n = flatten(c, seg, 4096);
	int wn = 0;
	for (size_t i = 0; i < n; i++) {
		double x0 = seg[i][0], y0 = seg[i][1], x1 = seg[i][2], y1 = seg[i][3];
		double cross = (x1 - x0) * (y - y0) - (x - x0) * (y1 - y0);
		if (y0 <= y && y1 > y && cross > 0)
			wn++;
		else if (y0 > y && y1 <= y && cross < 0)
			wn--;
	}
	return wn != 0;
}

/* The colour under point (x, y) before command `before`: the last filled
 * shape holding it, or white paper. */
static rgb ground(const draw_page *pg, size_t before, double x, double y)
{
	for (size_t i = before; i-- > 0;) {
		const draw_cmd *c = &pg->cmds[i];
		if (c->kind == DRAW_RECT && c->u.rect.fill && x >= c->u.rect.r.x && x <= c->u.rect.r.x + c->u.rect.r.w &&
		    y >= c->u.rect.r.y && y <= c->u.rect.r.y + c->u.rect.r.h)
			return c->u.rect.fill_colour;
		if (c->kind == DRAW_PATH && c->u.path.fill && path_contains(c, x, y))
			return c->u.path.fill_colour;
	}
	return (rgb){1, 1, 1};
}

static double lum(rgb c)
{
	double v[3] = {c.r, c.g, c.b};
	for (int i = 0; i < 3; i++)
		v[i] = v[i] <= 0.03928 ? v[i] / 12.92 : pow((v[i] + 0.055) / 1.055, 2.4);
	return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
}

static double contrast(rgb a, rgb b)
{
	double x = lum(a), y = lum(b);
	return x > y ? (x + 0.05) / (y + 0.05) : (y + 0.05) / (x + 0.05);
}

/* --- the properties ------------------------------------------------------------ */

/* Whether run b begins where run a ends (pieces of one word on an arc). */
static bool joined(const draw_cmd *a, const draw_cmd *b)
{
	double w = M->fn(M->ctx, a->u.text.style, a->u.text.size, a->u.text.utf8, strlen(a->u.text.utf8));
	double ex = a->u.text.x + w * cos(a->u.text.angle), ey = a->u.text.y - w * sin(a->u.text.angle);
	return a->u.text.size == b->u.text.size && hypot(b->u.text.x - ex, b->u.text.y - ey) < 0.1 * a->u.text.size;
}

static bool is_number(const char *s) { return *s && strspn(s, "0123456789") == strlen(s); }

/* A ring's letter (bold, one capital): as large as its ring allows, a
 * thin ring's smaller than the labels. */
static bool is_ring_letter(const draw_cmd *c)
{
	const char *s = c->u.text.utf8;
	return c->u.text.style == FONT_BOLD && s[0] >= 'A' && s[0] <= 'Z' && !s[1];
}

/* Whether segments a-b and c-d cross (touching at an end does not count). */
static bool segments_cross(double ax, double ay, double bx, double by, double cx, double cy, double dx, double dy)
{
	double d1 = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax), d2 = (bx - ax) * (dy - ay) - (by - ay) * (dx - ax);
	double d3 = (dx - cx) * (ay - cy) - (dy - cy) * (ax - cx), d4 = (dx - cx) * (by - cy) - (dy - cy) * (bx - cx);
	return ((d1 > 1e-6 && d2 < -1e-6) || (d1 < -1e-6 && d2 > 1e-6)) && ((d3 > 1e-6 && d4 < -1e-6) || (d3 < -1e-6 && d4 > 1e-6));
}

static size_t LEADERS;   /* leaders seen by check_poster, so that a test knows it found some */

/* Whether c is a leader: a line as thin as the wheel draws them (0.07 of
 * the label size). */
static bool is_leader(const draw_cmd *c, float label)
{
	return c->kind == DRAW_LINE && label > 0 && fabsf(c->u.line.width - 0.07f * label) < 0.002f * label;
}

/* Every property of one poster page. */
static void check_poster(const draw_page *pg, const aarshjul_stats *st, const am_workplace *wp)
{
	size_t nt = 0, bad = 0;
	size_t *ti = calloc(pg->n, sizeof *ti);
	quad *q = calloc(pg->n, sizeof *q), *core = calloc(pg->n, sizeof *core);
	for (size_t i = 0; i < pg->n; i++) {
		const draw_cmd *c = &pg->cmds[i];
		if (c->kind != DRAW_TEXT)
			continue;
		/* never upside down */
		if (!(c->u.text.angle > -WHEEL_PI / 2 - 1e-4 && c->u.text.angle <= WHEEL_PI / 2 + 1e-4) && bad++ < 5)
			print_message("upside down: '%s' at %.2f\n", c->u.text.utf8, c->u.text.angle);
		/* on the page */
		q[nt] = text_quad(c, 0);
		core[nt] = text_quad(c, 0.12);
		for (int k = 0; k < 4; k++)
			if ((q[nt].x[k] < -0.5 || q[nt].x[k] > pg->width + 0.5 || q[nt].y[k] < -0.5 || q[nt].y[k] > pg->height + 0.5) &&
			    bad++ < 5)
				print_message("off the page: '%s'\n", c->u.text.utf8);
		/* readable on what lies under it */
		double cx = (q[nt].x[0] + q[nt].x[2]) / 2, cy = (q[nt].y[0] + q[nt].y[2]) / 2;
		double ratio = contrast(c->u.text.colour, ground(pg, i, cx, cy));
		if (ratio < 4.5 && bad++ < 5)
			print_message("contrast %.2f: '%s'\n", ratio, c->u.text.utf8);
		ti[nt++] = i;
	}
	/* no text on text (a word set along an arc in pieces is one text:
	 * where a piece ends the next begins, and their corners touch) */
	for (size_t i = 0; i < nt; i++)
		for (size_t j = i + 1; j < nt; j++)
			if (quads_meet(&q[i], &q[j]) && !(j == i + 1 && joined(&pg->cmds[ti[i]], &pg->cmds[ti[j]])) && bad++ < 5)
				print_message("overlap: '%s' and '%s'\n", pg->cmds[ti[i]].u.text.utf8, pg->cmds[ti[j]].u.text.utf8);
	/* no line through text: lines, and stroked paths that are not filled */
	static double seg[4096][4];
	for (size_t i = 0; i < pg->n; i++) {
		const draw_cmd *c = &pg->cmds[i];
		size_t ns = 0;
		if (c->kind == DRAW_LINE) {
			seg[0][0] = c->u.line.x1, seg[0][1] = c->u.line.y1, seg[0][2] = c->u.line.x2, seg[0][3] = c->u.line.y2;
			ns = 1;
		} else if (c->kind == DRAW_PATH && c->u.path.width > 0 && !c->u.path.fill) {
			ns = flatten(c, seg, 4096);
		}
		for (size_t s = 0; s < ns; s++)
			for (size_t k = 0; k < nt; k++)
				if (segment_meets(&core[k], seg[s][0], seg[s][1], seg[s][2], seg[s][3]) && bad++ < 5)
					print_message("a line through '%s'\n", pg->cmds[ti[k]].u.text.utf8);
	}
	/* leaders never cross each other */
	size_t leaders = 0;
	for (size_t i = 0; i < pg->n; i++) {
		const draw_cmd *a = &pg->cmds[i];
		if (!is_leader(a, st->label_size))
			continue;
		leaders++;
		for (size_t j = i + 1; j < pg->n; j++) {
			const draw_cmd *b = &pg->cmds[j];
			if (is_leader(b, st->label_size) &&
			    segments_cross(a->u.line.x1, a->u.line.y1, a->u.line.x2, a->u.line.y2, b->u.line.x1, b->u.line.y1,
			                   b->u.line.x2, b->u.line.y2) && bad++ < 5)
				print_message("leaders cross at %.0f,%.0f and %.0f,%.0f\n", a->u.line.x1, a->u.line.y1, b->u.line.x1,
				              b->u.line.y1);
		}
	}
	LEADERS += leaders;
	/* labels: one size, at least the format's least; month names larger */
	assert_true(st->label_size >= st->min_label_size);
	for (size_t k = 0; k < nt; k++) {
		const draw_cmd *c = &pg->cmds[ti[k]];
		for (int m = 1; m <= 12; m++)
			if (strcmp(c->u.text.utf8, catalog_month(C, m)) == 0 && c->u.text.size <= st->label_size && bad++ < 5)
				print_message("month %s at %.1f pt, labels %.1f\n", c->u.text.utf8, c->u.text.size, st->label_size);
		if (wp && !is_number(c->u.text.utf8) && !is_ring_letter(c) && c->u.text.angle != 0)
			for (size_t a = 0; a < wp->wheel.n_activities; a++)
				if (strstr(wp->wheel.activities[a].title, c->u.text.utf8) && fabsf(c->u.text.size - st->label_size) > 0.01f &&
				    c->u.text.size < st->label_size && bad++ < 5)
					print_message("label '%s' at %.1f pt\n", c->u.text.utf8, c->u.text.size);
	}
	assert_true(st->labelled <= 40);
	free(ti);
	free(q);
	free(core);
	assert_int_equal(bad, 0);
}

/* Every text of pages from..to joined by spaces. */
static char *text_of(const draw_doc *doc, size_t from, size_t to)
{
	size_t len = 1;
	for (size_t k = from; k < to; k++)
		for (size_t i = 0; i < doc->pages[k].n; i++)
			if (doc->pages[k].cmds[i].kind == DRAW_TEXT)
				len += strlen(doc->pages[k].cmds[i].u.text.utf8) + 1;
	char *s = calloc(1, len);
	for (size_t k = from; k < to; k++)
		for (size_t i = 0; i < doc->pages[k].n; i++)
			if (doc->pages[k].cmds[i].kind == DRAW_TEXT) {
				const char *t = doc->pages[k].cmds[i].u.text.utf8;
				size_t tl = strlen(t);
				while (tl && t[tl - 1] == ' ')   /* a line's end keeps the space it broke at */
					tl--;
				strncat(s, t, tl);
				strcat(s, " ");
			}
	return s;
}

static const struct { const char *name; float w, h; } PAPERS[] = {
	{"A3", 841.89f, 1190.55f}, {"A2", 1190.55f, 1683.78f}, {"A1", 1683.78f, 2383.94f}, {"A0", 2383.94f, 3370.39f}};

/* Draws wp's poster (and list) on paper k, portrait or landscape; checks
 * every property; returns the stats. */
static aarshjul_stats render(const am_workplace *wp, size_t k, bool landscape, bool blank, bool list)
{
	arena *a = arena_new();
	draw_doc doc;
	draw_init(&doc, a);
	float w = PAPERS[k].w, h = PAPERS[k].h;
	draw_page *pg = draw_add_page(&doc, landscape ? h : w, landscape ? w : h);
	float mg = w / 60;
	rect area = {mg, mg, pg->width - 2 * mg, pg->height - 2 * mg};
	aarshjul_stats st;
	aarshjul_opts o = make_opts(&st);
	o.blank = blank;
	diag d;
	diag_init(&d);
	assert_int_equal(aarshjul_draw(&doc, pg, area, wp, &o, &d), AM_OK);
	check_poster(&doc.pages[0], &st, blank ? NULL : wp);
	if (list && wp && !blank) {
		assert_int_equal(aarshjul_draw_list(&doc, wp, &o, &d), AM_OK);
		char *text = text_of(&doc, 1, doc.n_pages);
		for (size_t i = 0; i < wp->wheel.n_activities; i++) {
			long first, last;
			occur x[OCCUR_MAX];
			occur_window(&wp->wheel, &first, &last);
			if (occur_expand(&wp->wheel.activities[i], &wp->wheel, first, last, x, OCCUR_MAX) &&
			    !strstr(text, wp->wheel.activities[i].title)) {
				print_message("not in the list: %s\n", wp->wheel.activities[i].title);
				fail();
			}
		}
		free(text);
		for (size_t p = 1; p < doc.n_pages; p++) {
			assert_true(fabsf(doc.pages[p].width - 595.28f) < 1 && fabsf(doc.pages[p].height - 841.89f) < 1);
			aarshjul_stats none = st;
			none.labelled = 0;
			check_poster(&doc.pages[p], &none, NULL);
		}
	}
	arena_free(a);
	return st;
}

/* Whether the poster of wp on paper k names title: its texts joined
 * without spaces (a label set along an arc comes in pieces). */
static bool names(const am_workplace *wp, size_t k, bool landscape, const char *title)
{
	arena *a = arena_new();
	draw_doc doc;
	draw_init(&doc, a);
	float w = PAPERS[k].w, h = PAPERS[k].h, mg = w / 60;
	draw_page *pg = draw_add_page(&doc, landscape ? h : w, landscape ? w : h);
	aarshjul_opts o = make_opts(NULL);
	diag d;
	diag_init(&d);
	assert_int_equal(aarshjul_draw(&doc, pg, (rect){mg, mg, pg->width - 2 * mg, pg->height - 2 * mg}, wp, &o, &d),
	                 AM_OK);
	char *text = text_of(&doc, 0, 1), *flat = text, *want = strdup(title), *q = want;
	for (char *t = text; *t; t++)
		if (*t != ' ')
			*flat++ = *t;
	*flat = '\0';
	for (const char *t = title; *t; t++)
		if (*t != ' ')
			*q++ = *t;
	*q = '\0';
	bool found = strstr(text, want) != NULL;
	free(text);
	free(want);
	arena_free(a);
	return found;
}

/* The day of the annual discussion (the activity on the meeting's date)
 * is named before series and other days (kontor-27's weekly meeting took
 * its place), and its ring gets a second label track early, for a name
 * in two lines (plejecenter-140's ring had one, too few for its name);
 * on the innermost ring, by a quarter line and the ring's letter,
 * produktion-45's is named too (its name turns across 45°: straight). */
static void the_annual_discussion_is_named_first(void **state)
{
	(void)state;
	static const char *const examples[] = {"examples/kontor-27.xml", "examples/toemrer-6.xml",
	                                       "examples/plejecenter-140.xml", "examples/produktion-45.xml"};
	for (size_t e = 0; e < 4; e++) {
		arena *a = arena_new();
		am_workplace *wp = NULL;
		diag d;
		diag_init(&d);
		assert_int_equal(reader_load(a, examples[e], &wp, &d), AM_OK);
		for (size_t k = 0; k < 4; k++)
			for (int land = 0; land < 2; land++) {
				bool ok = names(wp, k, land, "Årlig arbejdsmiljødrøftelse");
				if (!ok)
					print_message("%s %s%s: the annual discussion is not named\n", examples[e], PAPERS[k].name,
					              land ? " landscape" : "");
				assert_true(ok);
			}
		arena_free(a);
	}
}

/* --- the tests ---------------------------------------------------------------- */

/* The least each example names, by paper (A3 … A0) and portrait or
 * landscape: what the placement reaches today, so that a change that
 * names fewer shows here (the poster names 40 at most). */
static const size_t NAMED_AT_LEAST[4][4][2] = {
	{{15, 13}, {13, 13}, {15, 13}, {14, 14}},   /* kontor-27, 16 activities */
	{{32, 30}, {32, 29}, {32, 30}, {35, 35}},   /* plejecenter-140, 67 */
	{{22, 21}, {21, 20}, {22, 21}, {22, 23}},   /* produktion-45, 29 */
	{{12, 12}, {12, 12}, {12, 12}, {11, 12}},   /* toemrer-6, 14 */
};

static void every_example_at_every_size(void **state)
{
	(void)state;
	static const char *const examples[] = {"examples/kontor-27.xml", "examples/plejecenter-140.xml",
	                                       "examples/produktion-45.xml", "examples/toemrer-6.xml"};
	for (size_t e = 0; e < 4; e++) {
		arena *a = arena_new();
		am_workplace *wp = NULL;
		diag d;
		diag_init(&d);
		assert_int_equal(reader_load(a, examples[e], &wp, &d), AM_OK);
		for (size_t k = 0; k < 4; k++)
			for (int land = 0; land < 2; land++) {
				aarshjul_stats st = render(wp, k, land, false, k == 1 && !land);
				print_message("%s %s%s: %zu of %zu named, labels %.0f pt\n", examples[e], PAPERS[k].name,
				              land ? " landscape" : "", st.labelled, st.activities, st.label_size);
				if (st.labelled < NAMED_AT_LEAST[e][k][land])
					print_message("  fewer than %zu named\n", NAMED_AT_LEAST[e][k][land]);
				assert_true(st.labelled >= NAMED_AT_LEAST[e][k][land]);
			}
		arena_free(a);
	}
	print_message("%zu leaders, none crossing another\n", LEADERS);
	assert_true(LEADERS > 0);
}

/* 12 rings and 5,000 activities at every size and orientation: fewer
 * names on the wheel, never a refusal; at least as many as today. */
static const size_t STRESS_AT_LEAST[4][2] = {{23, 23}, {14, 14}, {23, 23}, {40, 34}};

static void the_largest_plan_the_schema_allows_renders(void **state)
{
	(void)state;
	stress_plan p;
	stress_make(&p, 5000, 12, 2026, 7);
	for (size_t k = 0; k < 4; k++)
		for (int land = 0; land < 2; land++) {
			aarshjul_stats st = render(&p.wp, k, land, false, k == 0 && !land);
			print_message("5,000 activities, 12 rings, %s%s: %zu named, labels %.0f pt\n", PAPERS[k].name,
			              land ? " landscape" : "", st.labelled, st.label_size);
			assert_true(st.activities > 4000);
			assert_true(st.labelled >= STRESS_AT_LEAST[k][land] && st.labelled <= 40);
		}
	stress_free(&p);
	for (unsigned seed = 1; seed <= 6; seed++) {   /* smaller plans of every kind */
		stress_make(&p, 40 * seed * seed, 1 + seed * 2 % 12, 2026, seed);
		render(&p.wp, seed % 4, seed % 2, false, true);
		stress_free(&p);
	}
}

static void type_sizes_follow_the_format(void **state)
{
	(void)state;
	static const float least[4] = {12, 18, 24, 24};
	stress_plan p;
	stress_make(&p, 100, 5, 2026, 3);
	for (size_t k = 0; k < 4; k++) {
		aarshjul_stats st = render(&p.wp, k, false, false, false);
		assert_true(st.label_size >= least[k]);
		assert_true(fabsf(st.min_label_size - least[k]) < 0.01f);
	}
	stress_free(&p);
}

/* A blank wheel: week numbers, fields for year and workplace, rings with
 * their letters and lines for their names, for a known year or any. */
static void blank_wheels_have_weeks_and_fields(void **state)
{
	(void)state;
	for (int year = 0; year <= 2026; year += 2026) {
		arena *a = arena_new();
		draw_doc doc;
		draw_init(&doc, a);
		draw_page *pg = draw_add_page(&doc, 1190.55f, 1683.78f);
		aarshjul_stats st;
		aarshjul_opts o = make_opts(&st);
		o.blank = true;
		o.year = year;
		diag d;
		diag_init(&d);
		assert_int_equal(aarshjul_draw(&doc, pg, (rect){40, 40, 1110, 1600}, NULL, &o, &d), AM_OK);
		check_poster(pg, &st, NULL);
		char *text = text_of(&doc, 0, 1);
		assert_non_null(strstr(text, " 52 "));
		assert_non_null(strstr(text, catalog_text(C, "wheel-blank-workplace", NULL)));
		assert_non_null(strstr(text, year ? "Årshjul 2026" : catalog_text(C, "wheel-blank-year", NULL)));
		assert_non_null(strstr(text, " F "));   /* six rings */
		assert_int_equal(st.occurrences, 0);
		free(text);
		assert_int_equal(aarshjul_draw_list(&doc, NULL, &o, &d), AM_OK);
		assert_int_equal(doc.n_pages, 1);
		arena_free(a);
	}
}

/* Twelve rings, twelve shapes: greyscale keeps them apart. */
static void every_ring_has_its_own_marker(void **state)
{
	(void)state;
	stress_plan p;
	stress_make(&p, 24, 12, 2026, 5);
	arena *a = arena_new();
	draw_doc doc;
	draw_init(&doc, a);
	draw_page *pg = draw_add_page(&doc, 1683.78f, 2383.94f);
	aarshjul_stats st;
	aarshjul_opts o = make_opts(&st);
	diag d;
	diag_init(&d);
	assert_int_equal(aarshjul_draw(&doc, pg, (rect){40, 40, 1600, 2300}, &p.wp, &o, &d), AM_OK);
	/* the legend's markers: the filled paths just before each ring's letter */
	char sig[12][64];
	size_t n = 0;
	for (size_t i = 1; i < pg->n && n < 12; i++) {
		const draw_cmd *c = &pg->cmds[i], *m = &pg->cmds[i - 1];
		if (c->kind != DRAW_TEXT || strlen(c->u.text.utf8) != 1 || c->u.text.utf8[0] != 'A' + (int)n ||
		    m->kind != DRAW_PATH || c->u.text.angle != 0)
			continue;
		/* shape: element count, hollow or not, the first corner's direction */
		float cx = 0, cy = 0;
		size_t pts = 0;
		for (size_t k = 0; k < m->u.path.n; k++)
			if (m->u.path.els[k].op != PATH_CLOSE)
				cx += m->u.path.els[k].p[0].x, cy += m->u.path.els[k].p[0].y, pts++;
		cx /= pts, cy /= pts;
		double ang = atan2(m->u.path.els[0].p[0].y - cy, m->u.path.els[0].p[0].x - cx);
		snprintf(sig[n], sizeof sig[n], "%zu %d %.1f", m->u.path.n,
		         m->u.path.fill_colour.r > 0.99f && m->u.path.fill_colour.g > 0.99f, ang);
		for (size_t j = 0; j < n; j++)
			assert_string_not_equal(sig[j], sig[n]);
		n++;
	}
	assert_int_equal(n, 12);
	arena_free(a);
	stress_free(&p);
}

/* kontor-27's monthly activity from 5 March is never on the wheel or in
 * the list before March; a period across New Year is listed to its end. */
static void dates_in_the_list_are_the_occurrences(void **state)
{
	(void)state;
	stress_plan p;
	stress_make(&p, 0, 1, 2026, 1);
	am_activity acts[2] = {
		{.line = 1, .title = "Personalemøde", .ring = &p.rings[0], .when = WHEN_DATE, .from = {2026, 3, 5},
		 .repeat = REPEAT_MONTHLY, .on = ON_WEEKDAY, .next_workday = true, .start = -1, .end = -1},
		{.line = 2, .title = "Juleperiode", .ring = &p.rings[0], .when = WHEN_PERIOD, .from = {2026, 12, 21},
		 .to = {2027, 1, 3}, .start = -1, .end = -1}};
	p.wp.wheel.activities = acts;
	p.wp.wheel.n_activities = 2;
	arena *a = arena_new();
	draw_doc doc;
	draw_init(&doc, a);
	draw_page *pg = draw_add_page(&doc, 1190.55f, 1683.78f);
	aarshjul_stats st;
	aarshjul_opts o = make_opts(&st);
	diag d;
	diag_init(&d);
	assert_int_equal(aarshjul_draw(&doc, pg, (rect){40, 40, 1110, 1600}, &p.wp, &o, &d), AM_OK);
	assert_int_equal(aarshjul_draw_list(&doc, &p.wp, &o, &d), AM_OK);
	char *text = text_of(&doc, 1, doc.n_pages);
	assert_null(strstr(text, "Februar"));
	assert_non_null(strstr(text, "tor 5.3."));     /* the first Thursday */
	assert_non_null(strstr(text, "tir 7.4."));     /* 2.4. is Maundy Thursday, 3.4. … 6.4. off */
	assert_non_null(strstr(text, "2.4."));         /* moved from */
	assert_non_null(strstr(text, "21.12.\xE2\x80\x93" "3.1.2027"));
	assert_non_null(strstr(text, "Side 3 af 3") ? text : strstr(text, "Side 2 af 2"));
	free(text);
	arena_free(a);
	stress_free(&p);
}

static void missing_layout_keys_and_month_names_are_errors(void **state)
{
	(void)state;
	arena *a = arena_new();
	draw_doc doc;
	draw_init(&doc, a);
	draw_page *pg = draw_add_page(&doc, 842, 1191);
	aarshjul_opts o = make_opts(NULL);
	o.months[4] = NULL;
	diag d;
	diag_init(&d);
	assert_int_equal(aarshjul_draw(&doc, pg, (rect){20, 20, 800, 1150}, NULL, &o, &d), AM_EUSAGE);
	o = make_opts(NULL);
	o.text_ctx = NULL;
	o.text = NULL;
	assert_int_equal(aarshjul_draw(&doc, pg, (rect){20, 20, 800, 1150}, NULL, &o, &d), AM_EUSAGE);
	arena_free(a);
}

static const rhythm_texts RT = {"Lovens rytme", "Drøftelse", "Kompetenceplan", "APV", "Ulykkesoversigt",
                                "AMR-uddannelse", 3};

static void rhythm_adds_the_legal_activities(void **state)
{
	(void)state;
	stress_plan p;
	stress_make(&p, 20, 5, 2026, 9);
	am_person amr = {.name = "Ane", .role = ROLE_AMR};
	p.wp.people = &amr;
	p.wp.n_people = 1;
	p.wp.headcount = 20;
	p.wp.meeting.date = (am_date){2026, 4, 14};
	p.wp.apv_date = (am_date){2023, 9, 1};
	p.wp.wheel.rhythm = true;
	arena *a = arena_new();
	diag d;
	diag_init(&d);
	assert_int_equal(rhythm_apply(a, &p.wp, &RT, false, &d), AM_OK);
	const am_wheel *w = &p.wp.wheel;
	assert_int_equal(w->n_rings, 6);
	assert_int_equal(w->n_activities, 25);
	const am_activity *x = &w->activities[20];
	assert_true(x->derived);
	assert_string_equal(x->title, "Drøftelse");
	assert_int_equal(x->from.m, 4);
	assert_ptr_equal(x->ring, &w->rings[5]);
	assert_int_equal(w->activities[22].month, 3);
	assert_int_equal(w->activities[23].month, 5);
	assert_string_equal(w->activities[24].title, "APV");
	assert_int_equal(w->activities[24].from.y, 2026);
	aarshjul_stats st = render(&p.wp, 1, false, false, true);
	assert_true(st.labelled >= 5);   /* the law's activities are named first */
	arena_free(a);
	stress_free(&p);
}

static font_family *F;
static arena *LA;

static int setup(void **state)
{
	(void)state;
	static text_measurer fm;
	diag d;
	diag_init(&d);
	F = font_load("fonts", &d);
	LA = arena_new();
	if (!F || !LA || layout_load(LA, "layouts/aarshjul.xml", &L, &d) ||
	    catalog_load(LA, "layouts", "da", NULL, &C, &d))
		return -1;
	fm = font_measurer(F);
	M = &fm;
	H = text_hyph_open("/usr/share/hyphen/hyph_da_DK.dic");
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	font_free(F);
	text_hyph_close(H);
	arena_free(LA);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_example_at_every_size),
		cmocka_unit_test(the_annual_discussion_is_named_first),
		cmocka_unit_test(the_largest_plan_the_schema_allows_renders),
		cmocka_unit_test(type_sizes_follow_the_format),
		cmocka_unit_test(blank_wheels_have_weeks_and_fields),
		cmocka_unit_test(every_ring_has_its_own_marker),
		cmocka_unit_test(dates_in_the_list_are_the_occurrences),
		cmocka_unit_test(missing_layout_keys_and_month_names_are_errors),
		cmocka_unit_test(rhythm_adds_the_legal_activities),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
