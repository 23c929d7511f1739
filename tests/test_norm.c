/* test_norm.c: NFC and the invisible characters (norm.h), and the quick
 * check that lets most texts skip normalisation, against utf8proc's own NFC
 * for every code point of the first two planes. */
#include "testutil.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "norm.h"

/* norm_text(s) as a string in a. */
static const char *norm(arena *a, const char *s)
{
	size_t len;
	const char *t = norm_text(a, s, strlen(s), &len);
	assert_non_null(t);
	assert_int_equal(strlen(t), len);
	return t;
}

static void ascii_and_precomposed_text_is_returned_as_it_is(void **state)
{
	(void)state;
	arena *a = arena_new();
	const char *same[] = {
		"", "Anne Hansen", "S\xC3\xB8ren \xC3\x86r\xC3\xB8 \xC3\x85se",           /* Søren Ærø Åse */
		"\xE2\x80\x93 \xE2\x80\x9C\xE2\x80\x9D \xE2\x80\xA6 \xE2\x82\xAC",      /* – “” … € */
		"\xEF\xAC\x81 \xC2\xBD \xE2\x80\xA6",                                    /* ﬁ ½ …: compatibility forms stay */
		"Ole\xC2\xADsen 45\xC2\xA0min \xE2\x80\x91 \xE2\x88\x92 \xE2\x80\xAF",  /* soft hyphen, NBSP, U+2011, U+2212, U+202F */
		"\xD0\x9E\xD0\xBB\xD0\xB5\xD0\xBA\xD1\x81\xD0\xB0\xD0\xBD\xD0\xB4\xD1\x80",   /* Олександр */
	};
	for (size_t i = 0; i < sizeof same / sizeof same[0]; i++) {
		size_t len;
		assert_ptr_equal(norm_text(a, same[i], strlen(same[i]), &len), same[i]);
		assert_int_equal(len, strlen(same[i]));
	}
	arena_free(a);
}

static void decomposed_letters_are_composed(void **state)
{
	(void)state;
	arena *a = arena_new();
	/* a Mac's å: a + U+030A */
	assert_string_equal(norm(a, "a\xCC\x8A" "se"), "\xC3\xA5se");
	assert_string_equal(norm(a, "A\xCC\x8A"), "\xC3\x85");
	/* Vietnamese: e + U+0302 + U+0303 → ễ; marks given in the other order
	 * (below first or above first) reach the same letter ậ */
	assert_string_equal(norm(a, "Nguye\xCC\x82\xCC\x83n"), "Nguy\xE1\xBB\x85n");
	assert_string_equal(norm(a, "a\xCC\xA3\xCC\x82"), "\xE1\xBA\xAD");
	assert_string_equal(norm(a, "a\xCC\x82\xCC\xA3"), "\xE1\xBA\xAD");
	/* Romanian ș and Cyrillic й from their parts */
	assert_string_equal(norm(a, "s\xCC\xA6"), "\xC8\x99");
	assert_string_equal(norm(a, "\xD0\xB8\xCC\x86"), "\xD0\xB9");
	/* the angstrom sign is Å */
	assert_string_equal(norm(a, "\xE2\x84\xAB"), "\xC3\x85");
	/* a mark with nothing to compose with stays */
	assert_string_equal(norm(a, "q\xCC\x88"), "q\xCC\x88");
	arena_free(a);
}

static void invisible_characters_are_dropped_but_the_soft_hyphen_stays(void **state)
{
	(void)state;
	arena *a = arena_new();
	assert_string_equal(norm(a, "Ma\xE2\x80\x8Bria"), "Maria");                /* U+200B */
	assert_string_equal(norm(a, "\xEF\xBB\xBF" "Anna"), "Anna");                /* U+FEFF */
	assert_string_equal(norm(a, "An\xEF\xBB\xBFna"), "Anna");
	assert_string_equal(norm(a, "a\xE2\x80\x8C" "b\xE2\x80\x8D" "c"), "abc");   /* ZWNJ, ZWJ */
	assert_string_equal(norm(a, "x\xE2\x81\xA0y"), "xy");                        /* U+2060 */
	assert_string_equal(norm(a, "\xE2\x80\x8E" "abc\xE2\x80\x8F"), "abc");       /* LRM, RLM */
	assert_string_equal(norm(a, "\xE2\x9C\x93\xEF\xB8\x8F"), "\xE2\x9C\x93");   /* ✓ + VS16 */
	/* dropped first, then composed: a, U+200B, U+030A → å */
	assert_string_equal(norm(a, "a\xE2\x80\x8B\xCC\x8A"), "\xC3\xA5");
	/* the soft hyphen is kept, also when something else changes */
	assert_string_equal(norm(a, "Ole\xC2\xAD\xE2\x80\x8Bsen"), "Ole\xC2\xADsen");
	assert_true(norm_drops(0x200B) && norm_drops(0xFEFF) && norm_drops(0x2060) && norm_drops(0x200D));
	assert_false(norm_drops(0xAD) || norm_drops(0xA0) || norm_drops(0x2011) || norm_drops('a'));
	assert_false(norm_drops(0x110000));
	/* only invisible characters: an empty string */
	assert_string_equal(norm(a, "\xE2\x80\x8B\xE2\x80\x8B"), "");
	arena_free(a);
}

static void invalid_utf8_is_returned_as_it_is(void **state)
{
	(void)state;
	arena *a = arena_new();
	const char *bad[] = { "a\xFF", "a\xCC\x8A\xC3", "\xED\xA0\x80", "\xE2\x80\x8B\x80" };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		size_t len;
		assert_ptr_equal(norm_text(a, bad[i], strlen(bad[i]), &len), bad[i]);
	}
	arena_free(a);
}

/* The quick check never skips a string that NFC would change: for every
 * code point c of planes 0 and 1, alone and after letters that compose
 * (Latin, Cyrillic, Greek, Vietnamese, a Hangul jamo and syllable), a
 * string norm_text returns unchanged is what utf8proc's NFC gives, and a
 * string it changes is exactly that NFC (nothing dropped here). */
static void the_quick_check_agrees_with_utf8proc(void **state)
{
	(void)state;
	static const char *const bases[] = { "", "a", "A", "e", "o", "u", "\xD0\xB8", "\xCE\xB1",
	                                     "\xC6\xA1", "\xE1\x84\x80", "\xEA\xB0\x80" };
	arena *a = arena_new();
	for (unsigned c = 0x20; c < 0x20000; c++) {
		if ((c >= 0xD800 && c <= 0xDFFF) || norm_drops(c))
			continue;
		for (size_t b = 0; b < sizeof bases / sizeof bases[0]; b++) {
			char s[16];
			size_t n = strlen(bases[b]);
			memcpy(s, bases[b], n);
			n += (size_t)utf8proc_encode_char((utf8proc_int32_t)c, (utf8proc_uint8_t *)s + n);
			s[n] = '\0';
			utf8proc_uint8_t *nfc = utf8proc_NFC((const utf8proc_uint8_t *)s);
			assert_non_null(nfc);
			size_t len;
			const char *t = norm_text(a, s, n, &len);
			if (t == s && strcmp((const char *)nfc, s) != 0)
				fail_msg("U+%04X after base %zu: skipped, but NFC changes it", c, b);
			if (strcmp((const char *)nfc, t) != 0)
				fail_msg("U+%04X after base %zu: not utf8proc's NFC", c, b);
			free(nfc);
		}
		if ((c & 0xFFF) == 0) {   /* keep the arena small */
			arena_free(a);
			a = arena_new();
		}
	}
	arena_free(a);
}

static void out_of_memory_is_null(void **state)
{
	(void)state;
	arena *a = arena_new();
	size_t len;
	arena_fail_after(0);
	const char *t = norm_text(a, "a\xCC\x8A", 3, &len);
	arena_fail_after(-1);
	assert_null(t);
	/* and the quick path needs no memory */
	arena_fail_after(0);
	t = norm_text(a, "S\xC3\xB8ren", 6, &len);
	arena_fail_after(-1);
	assert_non_null(t);
	arena_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(ascii_and_precomposed_text_is_returned_as_it_is),
		cmocka_unit_test(decomposed_letters_are_composed),
		cmocka_unit_test(invisible_characters_are_dropped_but_the_soft_hyphen_stays),
		cmocka_unit_test(invalid_utf8_is_returned_as_it_is),
		cmocka_unit_test(the_quick_check_agrees_with_utf8proc),
		cmocka_unit_test(out_of_memory_is_null),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
