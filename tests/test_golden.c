/* test_golden.c: the golden corpus, in the way of cmark's spec tests.
 *
 * Every tests/golden/NAME.xml is a case, found by listing the folder, and
 * tests/golden/NAME.txt is its expected draw list (draw_dump): a layout
 * file (<layout>) is run over the data of tests/golden/aarshjul.xml (a
 * frozen copy of an example) with the fixed-width fake measurer, the
 * Danish catalog for its messages and a drawer that outlines a custom
 * node's area, so only the engine decides the dump; a
 * workplace file (<workplace>) is drawn as the årshjul poster and its
 * dated list with the shipped fonts, layout and Danish catalog. A change
 * of output shows as a diff of NAME.txt; AMOKIT_UPDATE_GOLDEN=1 writes the
 * dumps anew, for review. A NAME.txt without its NAME.xml fails: a case
 * removed takes its dump with it. */
#include "testutil.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "aarshjul.h"
#include "bind.h"
#include "catalog.h"
#include "font.h"
#include "layout.h"
#include "reader.h"

#define DIR_GOLDEN "tests/golden"

/* The whole file at path (NUL-terminated, malloc'd), or NULL. */
static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	char *p = NULL;
	size_t n = 0, cap = 0, k;
	char buf[65536];
	while ((k = fread(buf, 1, sizeof buf, f)) > 0) {
		if (n + k + 1 > cap) {
			cap = (n + k + 1) * 2;
			p = realloc(p, cap);
			assert_non_null(p);
		}
		memcpy(p + n, buf, k);
		n += k;
	}
	fclose(f);
	if (!p)
		p = calloc(1, 1);
	p[n] = '\0';
	*len = n;
	return p;
}

/* Compares doc's dump with NAME.txt (or writes it, under
 * AMOKIT_UPDATE_GOLDEN); true when they agree. */
static bool matches_golden(const draw_doc *doc, const char *name)
{
	char *got = NULL;
	size_t got_len = 0;
	FILE *mem = open_memstream(&got, &got_len);
	draw_dump(doc, mem);
	fclose(mem);
	char path[512];
	snprintf(path, sizeof path, DIR_GOLDEN "/%s.txt", name);
	if (getenv("AMOKIT_UPDATE_GOLDEN")) {
		FILE *g = fopen(path, "wb");
		assert_non_null(g);
		fwrite(got, 1, got_len, g);
		fclose(g);
	}
	size_t want_len = 0;
	char *want = slurp(path, &want_len);
	bool same = want && want_len == got_len && memcmp(want, got, got_len) == 0;
	if (!same)
		fprintf(stderr, "%s: the draw list differs from %s (AMOKIT_UPDATE_GOLDEN=1 writes it anew; "
		        "review the diff)\n", name, path);
	free(want);
	free(got);
	return same;
}

/* A custom node (<custom kind="...">): its area outlined, its kind
 * written in it, so the dump shows where the engine put it. */
static int outline_custom(void *ctx, const char *kind, draw_doc *doc, draw_page *page, rect area,
                          const dnode *data, diag *d)
{
	(void)ctx, (void)data, (void)d;
	rgb grey = {.5f, .5f, .5f};
	if (draw_rect(doc, page, area, 1, grey, NULL))
		return AM_EINTERNAL;
	return draw_text(doc, page, area.x + 4, area.y + 12, 10, FONT_REGULAR, grey, kind, strlen(kind));
}

static bool run_layout_case(const char *name, const char *path)
{
	arena *a = arena_new();
	diag d;
	diag_init(&d);
	am_workplace *wp;
	dnode *root;
	layout *l;
	catalog *c;
	assert_int_equal(reader_load(a, DIR_GOLDEN "/aarshjul.xml", &wp, &d), AM_OK);
	assert_int_equal(bind_workplace(a, wp, &root), AM_OK);
	assert_int_equal(catalog_load(a, "layouts", "da", NULL, &c, &d), AM_OK);
	if (layout_load(a, path, &l, &d) != AM_OK) {
		diag_print(&d, stderr);
		fail();
	}
	draw_doc doc;
	draw_init(&doc, a);
	layout_lang da = {c, NULL};
	layout_env env = {root, &text_fake_measurer, NULL, outline_custom, NULL, NULL, NULL, false, NULL, &da, NULL, NULL};
	int rc = layout_run(l, &env, &doc, &d);
	diag_print(&d, stderr);
	assert_int_equal(rc, AM_OK);
	bool same = matches_golden(&doc, name);
	arena_free(a);
	return same;
}

typedef struct wheel_texts {
	const layout *l;
	const catalog *c;
} wheel_texts;

/* The poster's texts from the catalog, its style from the layout. */
static const char *wheel_lookup(void *ctx, const char *key)
{
	const wheel_texts *t = ctx;
	const char *s = catalog_text(t->c, key, NULL);
	return s ? s : layout_text(t->l, key, NULL);
}

static bool run_wheel_case(const char *name, const char *path)
{
	arena *a = arena_new();
	diag d;
	diag_init(&d);
	font_family *f = font_load("fonts", &d);
	assert_non_null(f);
	text_measurer m = font_measurer(f);
	wheel_texts t;
	layout *l;
	catalog *c;
	am_workplace *wp;
	assert_int_equal(layout_load(a, "layouts/aarshjul.xml", &l, &d), AM_OK);
	assert_int_equal(catalog_load(a, "layouts", "da", NULL, &c, &d), AM_OK);
	assert_int_equal(reader_load(a, path, &wp, &d), AM_OK);
	t.l = l;
	t.c = c;
	aarshjul_opts o = {.measurer = &m, .text = wheel_lookup, .text_ctx = &t, .year = wp->wheel.year,
	                   .footer = "Udskrevet 1. marts 2026"};
	for (int i = 0; i < 12; i++)
		o.months[i] = catalog_month(c, i + 1);
	draw_doc doc;
	draw_init(&doc, a);
	float w, h;
	assert_true(layout_paper_size("A2", &w, &h));
	draw_page *pg = draw_add_page(&doc, w, h);
	assert_non_null(pg);
	int rc = aarshjul_draw(&doc, pg, (rect){40, 40, w - 80, h - 80}, wp, &o, &d);
	if (rc == AM_OK)
		rc = aarshjul_draw_list(&doc, wp, &o, &d);
	diag_print(&d, stderr);
	assert_int_equal(rc, AM_OK);
	bool same = matches_golden(&doc, name);
	font_free(f);
	arena_free(a);
	return same;
}

static void every_golden_case_gives_its_draw_list(void **state)
{
	(void)state;
	DIR *dir = opendir(DIR_GOLDEN);
	assert_non_null(dir);
	struct dirent *e;
	int cases = 0, failed = 0, wheels = 0;
	while ((e = readdir(dir))) {
		size_t n = strlen(e->d_name);
		char name[256], path[512];
		if (n > 4 && strcmp(e->d_name + n - 4, ".txt") == 0) {   /* a dump without its case */
			snprintf(path, sizeof path, DIR_GOLDEN "/%.*s.xml", (int)(n - 4), e->d_name);
			if (access(path, F_OK) != 0) {
				fprintf(stderr, "%s/%s: no %s for it; remove it with its case\n", DIR_GOLDEN, e->d_name, path);
				failed++;
			}
			continue;
		}
		if (n < 5 || strcmp(e->d_name + n - 4, ".xml") != 0)
			continue;
		snprintf(name, sizeof name, "%.*s", (int)(n - 4), e->d_name);
		snprintf(path, sizeof path, DIR_GOLDEN "/%s", e->d_name);
		size_t len;
		char *xml = slurp(path, &len);
		assert_non_null(xml);
		bool wheel = strstr(xml, "<workplace") != NULL;
		free(xml);
		bool same = wheel ? run_wheel_case(name, path) : run_layout_case(name, path);
		cases++;
		wheels += wheel;
		failed += !same;
	}
	closedir(dir);
	assert_true(cases >= 5 && wheels >= 1);   /* the corpus is there */
	assert_int_equal(failed, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_golden_case_gives_its_draw_list),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
