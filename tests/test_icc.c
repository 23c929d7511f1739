/* test_icc.c: the sRGB profile for PDF/A output intents, read from the
 * system (icc-profiles-free), and the files it refuses. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "icc.h"

static char dir[] = "/tmp/test_icc.XXXXXX";

static int make_dir(void **state)
{
	(void)state;
	return mkdtemp(dir) ? 0 : -1;
}

static int remove_dir(void **state)
{
	(void)state;
	return rmdir(dir);
}

static void write_file(const char *path, const unsigned char *p, size_t n)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(p, 1, n, f), n);
	assert_int_equal(fclose(f), 0);
}

static void the_system_profile_is_srgb_version_2(void **state)
{
	(void)state;
	arena *a = arena_new();
	diag d;
	diag_init(&d);
	const unsigned char *p;
	size_t n;
	assert_int_equal(icc_srgb(a, NULL, &p, &n, &d), AM_OK);
	assert_int_equal(d.errors, 0);
	assert_true(n > 128);
	assert_int_equal(p[8], 2);                       /* version 2.x */
	assert_memory_equal(p + 16, "RGB ", 4);
	assert_memory_equal(p + 36, "acsp", 4);
	struct stat st;
	assert_int_equal(stat(icc_srgb_path(), &st), 0);
	assert_int_equal((size_t)st.st_size, n);
	arena_free(a);
}

/* Each bad file is refused with a message naming it and the package. */
static void expect_refused(const char *path, const char *what)
{
	arena *a = arena_new();
	diag d;
	diag_init(&d);
	const unsigned char *p = (const unsigned char *)"x";
	size_t n = 1;
	assert_int_equal(icc_srgb(a, path, &p, &n, &d), AM_EUSAGE);
	assert_null(p);
	assert_int_equal(n, 0);
	assert_int_equal(d.errors, 1);
	assert_string_equal(d.entries[0].file, path);
	assert_non_null(strstr(d.entries[0].msg, "icc-profiles-free"));
	if (what)
		assert_non_null(strstr(d.entries[0].msg, what));
	arena_free(a);
}

static void missing_short_and_other_profiles_are_refused(void **state)
{
	(void)state;
	arena *a = arena_new();
	diag d;
	diag_init(&d);
	const unsigned char *good;
	size_t n;
	assert_int_equal(icc_srgb(a, NULL, &good, &n, &d), AM_OK);
	unsigned char *p = malloc(n + 10);
	assert_non_null(p);
	char path[64];
	snprintf(path, sizeof path, "%s/x.icc", dir);

	expect_refused(path, "kan ikke læses");          /* no such file */
	expect_refused(dir, "almindelig fil");            /* a directory */

	memcpy(p, good, n);
	write_file(path, p, n - 1);                       /* cut short */
	expect_refused(path, "ICC-version 2");
	memset(p + n, 0, 10);
	write_file(path, p, n + 10);                      /* longer than it says */
	expect_refused(path, "ICC-version 2");
	p[8] = 4;                                         /* version 4: not PDF/A-1 */
	write_file(path, p, n);
	expect_refused(path, "ICC-version 2");
	memcpy(p, good, n);
	memcpy(p + 16, "CMYK", 4);
	write_file(path, p, n);
	expect_refused(path, "ICC-version 2");
	memcpy(p, good, n);
	memcpy(p + 12, "scnr", 4);                        /* an input profile */
	write_file(path, p, n);
	expect_refused(path, "ICC-version 2");
	write_file(path, p, 0);
	expect_refused(path, "ICC-version 2");

	memcpy(p, good, n);                               /* the same bytes elsewhere */
	write_file(path, p, n);
	const unsigned char *q;
	size_t m;
	assert_int_equal(icc_srgb(a, path, &q, &m, &d), AM_OK);
	assert_int_equal(m, n);
	assert_memory_equal(q, good, n);
	assert_int_equal(unlink(path), 0);
	free(p);
	arena_free(a);
}

static void out_of_memory_is_reported(void **state)
{
	(void)state;
	arena *a = arena_new();
	diag d;
	diag_init(&d);
	const unsigned char *p;
	size_t n;
	arena_fail_after(0);
	int r = icc_srgb(a, NULL, &p, &n, &d);
	arena_fail_after(-1);
	assert_int_equal(r, AM_EINTERNAL);
	assert_true(d.oom);
	assert_null(p);
	arena_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(the_system_profile_is_srgb_version_2),
		cmocka_unit_test(missing_short_and_other_profiles_are_refused),
		cmocka_unit_test(out_of_memory_is_reported),
	};
	return cmocka_run_group_tests(tests, make_dir, remove_dir);
}
