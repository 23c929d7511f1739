/* test_utf8.c: the UTF-8 decoder and encoder (utf8.h). */
#include "testutil.h"

#include <string.h>

#include "utf8.h"

static void decode(const char *s, size_t len, size_t want_len, unsigned want_cp)
{
	unsigned cp = 0xDEAD;
	assert_int_equal(utf8_decode(s, len, &cp), want_len);
	if (want_len)
		assert_int_equal(cp, want_cp);
}

static void utf8_decodes_valid_sequences(void **state)
{
	(void)state;
	decode("a", 1, 1, 'a');
	decode("\x00", 1, 1, 0);
	decode("\xC3\xB8", 2, 2, 0xF8);               /* ø */
	decode("\xC2\x80", 2, 2, 0x80);               /* smallest 2-byte */
	decode("\xE2\x80\x93", 3, 3, 0x2013);         /* – */
	decode("\xE0\xA0\x80", 3, 3, 0x800);          /* smallest 3-byte */
	decode("\xED\x9F\xBF", 3, 3, 0xD7FF);         /* just below the surrogates */
	decode("\xEE\x80\x80", 3, 3, 0xE000);         /* just above */
	decode("\xF0\x90\x80\x80", 4, 4, 0x10000);
	decode("\xF4\x8F\xBF\xBF", 4, 4, 0x10FFFF);
}

static void utf8_rejects_invalid_sequences(void **state)
{
	(void)state;
	decode("", 0, 0, 0);
	decode("\x80", 1, 0, 0);                      /* lone continuation */
	decode("\xC0\xAF", 2, 0, 0);                  /* overlong '/' */
	decode("\xC1\xBF", 2, 0, 0);                  /* overlong */
	decode("\xE0\x9F\xBF", 3, 0, 0);              /* overlong 3-byte */
	decode("\xF0\x8F\xBF\xBF", 4, 0, 0);          /* overlong 4-byte */
	decode("\xED\xA0\x80", 3, 0, 0);              /* U+D800 */
	decode("\xED\xBF\xBF", 3, 0, 0);              /* U+DFFF */
	decode("\xF4\x90\x80\x80", 4, 0, 0);          /* U+110000 */
	decode("\xF5\x80\x80\x80", 4, 0, 0);
	decode("\xFF", 1, 0, 0);
	decode("\xC3", 1, 0, 0);                      /* truncated */
	decode("\xE2\x80", 2, 0, 0);
	decode("\xC3\x28", 2, 0, 0);                  /* bad continuation */
	decode("\xF0\x90\x80\x28", 4, 0, 0);
}

static void utf8_encodes_what_it_decodes(void **state)
{
	(void)state;
	static const unsigned cps[] = {0, 'a', 0x7F, 0x80, 0xF8, 0x7FF, 0x800, 0x2013, 0xD7FF,
	                               0xE000, 0xFFFD, 0x10000, 0x10FFFF};
	static const size_t lens[] = {1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3, 4, 4};
	for (size_t i = 0; i < sizeof cps / sizeof cps[0]; i++) {
		char buf[4];
		size_t n = utf8_encode(cps[i], buf);
		assert_int_equal(n, lens[i]);
		decode(buf, n, n, cps[i]);
	}
	char oe[4];
	assert_int_equal(utf8_encode(0xF8, oe), 2);
	assert_memory_equal(oe, "\xC3\xB8", 2);
}

/* BMP code points are one unit; beyond, a surrogate pair (U+1F600 is
 * D83D DE00, U+10FFFF DBFF DFFF). */
static void utf16_units_pairs_beyond_the_bmp(void **state)
{
	(void)state;
	unsigned u[2] = {0, 0};
	assert_int_equal(utf16_units(0x41, u), 1);
	assert_int_equal(u[0], 0x41);
	assert_int_equal(utf16_units(0xFFFD, u), 1);
	assert_int_equal(u[0], 0xFFFD);
	assert_int_equal(utf16_units(0x1F600, u), 2);
	assert_int_equal(u[0], 0xD83D);
	assert_int_equal(u[1], 0xDE00);
	assert_int_equal(utf16_units(0x10FFFF, u), 2);
	assert_int_equal(u[0], 0xDBFF);
	assert_int_equal(u[1], 0xDFFF);
	/* utf16_next: a pair from four bytes, U+FFFD for a stray byte */
	size_t i = 0;
	assert_int_equal(utf16_next("\xF0\x9F\x98\x80\xFF" "a", 6, &i, u), 2);
	assert_int_equal(i, 4);
	assert_int_equal(u[0], 0xD83D);
	assert_int_equal(utf16_next("\xF0\x9F\x98\x80\xFF" "a", 6, &i, u), 1);
	assert_int_equal(i, 5);
	assert_int_equal(u[0], 0xFFFD);
	assert_int_equal(utf16_next("\xF0\x9F\x98\x80\xFF" "a", 6, &i, u), 1);
	assert_int_equal(u[0], 'a');
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(utf8_decodes_valid_sequences),
		cmocka_unit_test(utf8_rejects_invalid_sequences),
		cmocka_unit_test(utf8_encodes_what_it_decodes),
		cmocka_unit_test(utf16_units_pairs_beyond_the_bmp),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
