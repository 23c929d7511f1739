/* test_coverage.c: which characters the fonts lack, and how check words
 * its warnings (coverage.h). Run from the repository root, where fonts/ is. */
#include "testutil.h"

#include <string.h>

#include "coverage.h"

static font_family *fonts;

static int load(void **state)
{
	(void)state;
	diag d;
	diag_init(&d);
	fonts = font_load("fonts", &d);
	return fonts ? 0 : -1;
}

static int unload(void **state)
{
	(void)state;
	font_free(fonts);
	return 0;
}

static void the_fonts_decide_what_is_covered(void **state)
{
	(void)state;
	unsigned has[] = { 0xE5, 0x021B, 0x1EC5, 0x03A9, 0x0457, 0x2264, 0x2713, 0x26A0, 0xFFFD, 0xAD };
	unsigned lacks[] = { 0x05D0, 0x0627, 0x0531, 0x4E2D, 0x1F600, 0x2603, 0x110000 };
	for (size_t i = 0; i < sizeof has / sizeof has[0]; i++)
		assert_true(coverage_has(fonts, has[i]));
	for (size_t i = 0; i < sizeof lacks / sizeof lacks[0]; i++)
		assert_false(coverage_has(fonts, lacks[i]));
}

/* One warning per element and line, naming at most five characters. */
static void one_warning_per_element_naming_the_characters(void **state)
{
	(void)state;
	am_char chars[] = {
		{ 0xE6, 3, "name" },        /* covered: no word about it */
		{ 0x674E, 5, "name" }, { 0x4F1F, 5, "name" },
		{ 0x1F600, 9, "title" },
		{ 0x05D0, 12, "what" }, { 0x05D1, 12, "what" }, { 0x05D2, 12, "what" }, { 0x05D3, 12, "what" },
		{ 0x05D4, 12, "what" }, { 0x05D5, 12, "what" }, { 0x05D6, 12, "what" },
		{ 0x0627, 14, "what" }, { 0xE5, 14, "why" },
	};
	am_workplace wp = { .file = "w.xml", .chars = chars, .n_chars = sizeof chars / sizeof chars[0] };
	diag d;
	diag_init(&d);
	assert_int_equal(coverage_warn(fonts, &wp, &d), 4);
	assert_int_equal(d.errors, 0);
	assert_int_equal(d.entries[0].line, 5);
	assert_string_equal(d.entries[0].msg, "<name>: tegnene '\xE6\x9D\x8E' (U+674E), '\xE4\xBC\x9F' (U+4F1F) findes ikke i "
	                                      "skrifttypen Amokit Sans og skrives ud som erstatningstegn");
	assert_string_equal(d.entries[1].msg, "<title>: tegnet '\xF0\x9F\x98\x80' (U+1F600) findes ikke i skrifttypen "
	                                      "Amokit Sans og skrives ud som et erstatningstegn");
	assert_int_equal(d.entries[2].line, 12);
	assert_non_null(strstr(d.entries[2].msg, "(U+05D4) og 2 andre findes ikke"));
	assert_int_equal(d.entries[3].line, 14);
	/* nothing lacking, nothing said */
	am_workplace fine = { .file = "w.xml", .chars = chars, .n_chars = 1 };
	diag_init(&d);
	assert_int_equal(coverage_warn(fonts, &fine, &d), 0);
	assert_int_equal(d.n, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(the_fonts_decide_what_is_covered),
		cmocka_unit_test(one_warning_per_element_naming_the_characters),
	};
	return cmocka_run_group_tests(tests, load, unload);
}
