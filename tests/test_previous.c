/* test_previous.c: last year's workplace file in this year's documents.
 * The layouts in layouts/ run (with the fake measurer) on the tree that
 * bind_workplace_and_previous builds from tests/data/kontor-2026-before.xml
 * and last year's tests/data/kontor-2025.xml: its goals appear to be
 * evaluated, its open handleplan rows to be followed up, and a done row
 * does not. Run from the repository root, like make test does. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bind.h"
#include "catalog.h"
#include "draw.h"
#include "layout.h"
#include "reader.h"
#include "text.h"

typedef struct run {
	arena *a;
	char *text;            /* every text command of the document, space-separated */
	size_t pages;
} run;

static am_workplace *load(arena *a, const char *path)
{
	am_workplace *wp = NULL;
	diag d;
	diag_init(&d);
	assert_int_equal(reader_load(a, path, &wp, &d), AM_OK);
	return wp;
}

/* Lays out layouts/NAME.xml for this year's file, with last year's when
 * with_previous, and gathers the text it draws. */
static run lay_out(const char *name, bool with_previous)
{
	run r = {arena_new(), NULL, 0};
	assert_non_null(r.a);
	am_workplace *wp = load(r.a, "tests/data/kontor-2026-before.xml");
	am_workplace *prev = with_previous ? load(r.a, "tests/data/kontor-2025.xml") : NULL;
	dnode *root;
	assert_int_equal(bind_workplace_and_previous(r.a, wp, prev, &root), AM_OK);
	char path[128];
	snprintf(path, sizeof path, "layouts/%s.xml", name);
	diag d;
	diag_init(&d);
	layout *l;
	assert_int_equal(layout_load(r.a, path, &l, &d), AM_OK);
	draw_doc doc;
	draw_init(&doc, r.a);
	catalog *da;
	assert_int_equal(catalog_load(r.a, "layouts", "da", NULL, &da, &d), AM_OK);
	layout_lang lang = {da, NULL};
	layout_env env = {root, &text_fake_measurer, NULL, NULL, NULL, NULL, NULL, false, NULL, &lang, NULL, NULL};
	assert_int_equal(layout_run(l, &env, &doc, &d), AM_OK);
	size_t len = 1;
	for (size_t p = 0; p < doc.n_pages; p++)
		for (size_t i = 0; i < doc.pages[p].n; i++)
			if (doc.pages[p].cmds[i].kind == DRAW_TEXT)
				len += strlen(doc.pages[p].cmds[i].u.text.utf8) + 1;
	r.text = arena_alloc(r.a, len);
	assert_non_null(r.text);
	for (size_t p = 0; p < doc.n_pages; p++)
		for (size_t i = 0; i < doc.pages[p].n; i++)
			if (doc.pages[p].cmds[i].kind == DRAW_TEXT) {
				strcat(r.text, doc.pages[p].cmds[i].u.text.utf8);
				strcat(r.text, " ");
			}
	r.pages = doc.n_pages;
	return r;
}

static bool has(const run *r, const char *s)
{
	return strstr(r->text, s) != NULL;
}

/* Last year's goals and open rows, by words that only last year's file has. */
static void shows_last_year(const run *r)
{
	assert_true(has(r, "Lyddæmpning"));        /* a goal */
	assert_true(has(r, "lydabsorbenter"));     /* an open row */
	assert_true(has(r, "sæsonen"));
	assert_false(has(r, "arbejdsstole"));      /* the done row */
}

static void referat_shows_last_years_goals_and_open_rows(void **state)
{
	(void)state;
	run r = lay_out("referat", true);
	shows_last_year(&r);
	assert_true(has(&r, "(2025)."));          /* the year of last year's goals */
	arena_free(r.a);
	r = lay_out("referat", false);
	assert_false(has(&r, "Lyddæmpning"));
	assert_false(has(&r, "lydabsorbenter"));
	arena_free(r.a);
}

static void dagsorden_point_7_shows_them(void **state)
{
	(void)state;
	run r = lay_out("dagsorden", true);
	shows_last_year(&r);
	arena_free(r.a);
	r = lay_out("dagsorden", false);
	assert_false(has(&r, "lydabsorbenter"));
	arena_free(r.a);
}

static void forberedelsesark_shows_them_on_one_page_each(void **state)
{
	(void)state;
	run with = lay_out("forberedelsesark", true);
	shows_last_year(&with);
	run without = lay_out("forberedelsesark", false);
	assert_false(has(&without, "lydabsorbenter"));
	assert_int_equal(with.pages, without.pages);   /* still one sheet per participant */
	arena_free(with.a);
	arena_free(without.a);
}

static int teardown(void **state)
{
	(void)state;
	reader_cleanup();
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(referat_shows_last_years_goals_and_open_rows),
		cmocka_unit_test(dagsorden_point_7_shows_them),
		cmocka_unit_test(forberedelsesark_shows_them_on_one_page_each),
	};
	return cmocka_run_group_tests(tests, NULL, teardown);
}
