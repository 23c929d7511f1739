/* test_oom.c: allocation-failure injection (issue 8, item 3).
 *
 * Every allocation the arenas make can be made to fail with
 * arena_fail_after(n). For n = 0, 1, 2, ... each case runs its pipeline
 * with the n-th next allocation failing, and asserts that the run ends in
 * AM_EINTERNAL with nothing half-made handed out (no model, no tree, no
 * layout), until n is large enough that the run succeeds. Under `make asan`
 * LeakSanitizer checks that no failing path leaks. The cases: every example
 * workplace through reader_load_mem + bind_workplace + rules_evaluate, and
 * every layout through layout_load_mem + layout_run (fake measurer, the data
 * tree of examples/kontor-27.xml), blank and filled. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bind.h"
#include "catalog.h"
#include "layout.h"
#include "reader.h"
#include "rules.h"
#include "text.h"

/* No pipeline here needs more allocations than this; reaching it means a
 * run never succeeds, which is a failure of its own. */
#define MAX_STEPS 100000L

/* A whole file read into a malloc'd, NUL-terminated buffer. */
static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		fail_msg("cannot open %s (run from the repository root)", path);
	char *buf = NULL;
	size_t cap = 0, n = 0, got;
	do {
		if (n == cap) {
			cap = cap ? 2 * cap : 65536;
			buf = realloc(buf, cap + 1);
			assert_non_null(buf);
		}
		got = fread(buf + n, 1, cap - n, f);
		n += got;
	} while (got > 0);
	fclose(f);
	buf[n] = '\0';
	*len = n;
	return buf;
}

/* ---- workplace: reader + bind + rules ---------------------------------- */

/* One run with injection at n. Returns AM_OK when everything succeeded,
 * else the (asserted) AM_EINTERNAL. */
static int workplace_run(const char *path, const char *xml, size_t len, long n)
{
	arena_fail_after(n);
	arena *a = arena_new();
	if (!a) {
		arena_fail_after(-1);
		return AM_EINTERNAL;
	}
	diag d;
	diag_init(&d);
	am_workplace *wp = (am_workplace *)&d;   /* must be reset to NULL on failure */
	int rc = reader_load_mem(a, path, xml, len, &wp, &d);
	if (rc) {
		arena_fail_after(-1);
		if (rc != AM_EINTERNAL)
			fail_msg("%s, allocation %ld failing: reader_load_mem returned %d (%s), "
			         "not AM_EINTERNAL", path, n, rc, d.n ? d.entries[0].msg : "no message");
		assert_null(wp);
		if (d.errors == 0)
			fail_msg("%s, allocation %ld failing: no diag record", path, n);
		arena_free(a);
		return rc;
	}
	dnode *root = (dnode *)&d;
	rc = bind_workplace(a, wp, &root);
	if (rc) {
		arena_fail_after(-1);
		if (rc != AM_EINTERNAL)
			fail_msg("%s, allocation %ld failing: bind_workplace returned %d", path, n, rc);
		assert_null(root);
		arena_free(a);
		return rc;
	}
	rules_result *r = (rules_result *)&d;
	rc = rules_evaluate(a, wp, NULL, &r);
	arena_fail_after(-1);
	if (rc) {
		if (rc != AM_EINTERNAL)
			fail_msg("%s, allocation %ld failing: rules_evaluate returned %d", path, n, rc);
		assert_null(r);
	}
	arena_free(a);
	return rc;
}

static void workplace_fails_cleanly(void **state)
{
	const char *path = *state;
	size_t len;
	char *xml = slurp(path, &len);
	long n = 0;
	while (n < MAX_STEPS && workplace_run(path, xml, len, n) != AM_OK)
		n++;
	if (n == MAX_STEPS)
		fail_msg("%s never succeeded", path);
	/* The injection must have bitten: with no allocation at all the
	 * pipeline cannot have run. */
	assert_true(n > 0);
	/* Once it succeeds, every later injection point is past the end. */
	assert_int_equal(workplace_run(path, xml, len, n + 1), AM_OK);
	free(xml);
}

/* ---- layouts: layout_load_mem + layout_run ----------------------------- */

static arena *fixture;       /* the data tree of examples/kontor-27.xml */
static dnode *data_root, *blank_root;
static layout_lang danish;   /* the shipped Danish catalog */

static int fixture_setup(void **state)
{
	(void)state;
	arena_fail_after(-1);
	fixture = arena_new();
	assert_non_null(fixture);
	diag d;
	diag_init(&d);
	am_workplace *wp;
	assert_int_equal(reader_load(fixture, "examples/kontor-27.xml", &wp, &d), AM_OK);
	assert_int_equal(bind_workplace(fixture, wp, &data_root), AM_OK);
	assert_int_equal(bind_blank(fixture, &blank_root), AM_OK);
	catalog *da;
	assert_int_equal(catalog_load(fixture, "layouts", "da", NULL, &da, &d), AM_OK);
	danish = (layout_lang){da, NULL};
	return 0;
}

static int fixture_teardown(void **state)
{
	(void)state;
	arena_free(fixture);
	reader_cleanup();
	return 0;
}

/* Custom nodes (the årshjul) are drawn by modules outside this test: a frame
 * stands in, allocating through the document like a module would. */
static int draw_custom(void *ctx, const char *kind, draw_doc *doc, draw_page *page,
                       rect area, const dnode *data, diag *d)
{
	(void)ctx; (void)kind; (void)data;
	rgb black = {0, 0, 0};
	return draw_rect(doc, page, area, 1, black, NULL) ? diag_oom(d, NULL) : AM_OK;
}

static int layout_attempt(const char *path, const char *xml, size_t len,
                          const dnode *root, long n)
{
	arena_fail_after(n);
	arena *a = arena_new();
	arena *da = a ? arena_new() : NULL;
	if (!da) {
		arena_fail_after(-1);
		arena_free(a);
		return AM_EINTERNAL;
	}
	diag d;
	diag_init(&d);
	layout *l = (layout *)&d;
	int rc = layout_load_mem(a, path, xml, len, &l, &d);
	if (rc) {
		arena_fail_after(-1);
		if (rc != AM_EINTERNAL)
			fail_msg("%s, allocation %ld failing: layout_load_mem returned %d (%s), "
			         "not AM_EINTERNAL", path, n, rc, d.n ? d.entries[0].msg : "no message");
		if (d.errors == 0)
			fail_msg("%s, allocation %ld failing: layout_load_mem gave no diag record", path, n);
	} else {
		draw_doc doc;
		draw_init(&doc, da);
		layout_env env = {root, &text_fake_measurer, NULL, draw_custom, NULL, NULL, NULL, false, NULL,
		                  &danish, NULL, NULL};
		rc = layout_run(l, &env, &doc, &d);
		arena_fail_after(-1);
		if (rc && rc != AM_EINTERNAL)
			fail_msg("%s, allocation %ld failing: layout_run returned %d (%s), "
			         "not AM_EINTERNAL", path, n, rc, d.n ? d.entries[0].msg : "no message");
		if (rc && d.errors == 0)
			fail_msg("%s, allocation %ld failing: layout_run returned %d with no diag record",
			         path, n, rc);
		if (!rc && doc.n_pages == 0)
			fail_msg("%s: layout_run succeeded without a page", path);
	}
	arena_free(da);
	arena_free(a);
	return rc;
}

static void layout_fails_cleanly(const char *path, const dnode *root)
{
	size_t len;
	char *xml = slurp(path, &len);
	long n = 0;
	while (n < MAX_STEPS && layout_attempt(path, xml, len, root, n) != AM_OK)
		n++;
	if (n == MAX_STEPS)
		fail_msg("%s never succeeded", path);
	assert_true(n > 0);
	assert_int_equal(layout_attempt(path, xml, len, root, n + 1), AM_OK);
	free(xml);
}

static void layout_filled_fails_cleanly(void **state) { layout_fails_cleanly(*state, data_root); }

/* A catalog's loading (parsed: not the shipped bytes) under failing
 * allocations: AM_EINTERNAL with a record, never a half catalog. */
static int catalog_attempt(const char *dir, long n)
{
	arena_fail_after(n);
	arena *a = arena_new();
	diag d;
	diag_init(&d);
	catalog *c = NULL;
	int rc = a ? catalog_load(a, dir, "da", NULL, &c, &d) : AM_EINTERNAL;
	arena_fail_after(-1);
	if (rc && rc != AM_EINTERNAL)
		fail_msg("allocation %ld failing: catalog_load returned %d (%s)", n, rc,
		         d.n ? d.entries[0].msg : "no message");
	if (rc && a && d.errors == 0)
		fail_msg("allocation %ld failing: catalog_load gave no diag record", n);
	if (!rc && !catalog_text(c, "continued", NULL))
		fail_msg("allocation %ld failing: a catalog without its texts", n);
	arena_free(a);
	return rc;
}

static void catalog_fails_cleanly(void **state)
{
	(void)state;
	char dir[] = "/tmp/amokit-oom-catalog-XXXXXX", path[128];
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/messages", dir);
	assert_int_equal(mkdir(path, 0700), 0);
	size_t len;
	char *xml = slurp("layouts/messages/da.xml", &len);
	xml[len - 1] = ' ';           /* not the shipped bytes: parsed */
	snprintf(path, sizeof path, "%s/messages/da.xml", dir);
	FILE *fp = fopen(path, "wb");
	assert_non_null(fp);
	assert_int_equal(fwrite(xml, 1, len, fp), len);
	assert_int_equal(fclose(fp), 0);
	long n = 0;
	while (n < MAX_STEPS && catalog_attempt(dir, n) != AM_OK)
		n++;
	if (n == MAX_STEPS)
		fail_msg("the catalog never loaded");
	assert_true(n > 0);
	free(xml);
	assert_int_equal(remove(path), 0);
	snprintf(path, sizeof path, "%s/messages", dir);
	assert_int_equal(rmdir(path), 0);
	assert_int_equal(rmdir(dir), 0);
}
static void layout_blank_fails_cleanly(void **state) { layout_fails_cleanly(*state, blank_root); }

int main(void)
{
	const struct CMUnitTest tests[] = {
		{"workplace kontor-27.xml", workplace_fails_cleanly, NULL, NULL, "examples/kontor-27.xml"},
		{"workplace toemrer-6.xml", workplace_fails_cleanly, NULL, NULL, "examples/toemrer-6.xml"},
		{"workplace produktion-45.xml", workplace_fails_cleanly, NULL, NULL, "examples/produktion-45.xml"},
		{"workplace plejecenter-140.xml", workplace_fails_cleanly, NULL, NULL, "examples/plejecenter-140.xml"},
		{"layout filled dagsorden.xml", layout_filled_fails_cleanly, NULL, NULL, "layouts/dagsorden.xml"},
		{"layout blank dagsorden.xml", layout_blank_fails_cleanly, NULL, NULL, "layouts/dagsorden.xml"},
		{"layout filled forberedelsesark.xml", layout_filled_fails_cleanly, NULL, NULL, "layouts/forberedelsesark.xml"},
		{"layout filled arbejdsark.xml", layout_filled_fails_cleanly, NULL, NULL, "layouts/arbejdsark.xml"},
		{"layout filled informationsark.xml", layout_filled_fails_cleanly, NULL, NULL, "layouts/informationsark.xml"},
		{"layout blank informationsark.xml", layout_blank_fails_cleanly, NULL, NULL, "layouts/informationsark.xml"},
		{"layout filled aarshjul.xml", layout_filled_fails_cleanly, NULL, NULL, "layouts/aarshjul.xml"},
		{"catalog da.xml", catalog_fails_cleanly, NULL, NULL, NULL},
	};
	return cmocka_run_group_tests(tests, fixture_setup, fixture_teardown);
}
