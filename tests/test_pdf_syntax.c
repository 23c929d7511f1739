/* test_pdf_syntax.c: how values are spelled in PDF's syntax (pdf_syntax.h). */
#include "testutil.h"

#include <stdio.h>
#include <string.h>

#include "pdf_syntax.h"

/* b's bytes equal want's n bytes; b is emptied. */
static void same(bytes *b, const char *want, size_t n)
{
	assert_false(b->oom);
	assert_int_equal(b->n, n);
	assert_memory_equal(b->p, want, n);
	b->n = 0;
}

static void fixed(long long q, int decimals, const char *want)
{
	char buf[32];
	size_t n = pdf_format_fixed(buf, q, decimals);
	assert_int_equal(n, strlen(want));
	assert_memory_equal(buf, want, n);
}

static void numbers_the_shortest_way(void **state)
{
	(void)state;
	fixed(0, 0, "0");
	fixed(0, 2, "0");
	fixed(12, 0, "12");
	fixed(1200, 2, "12");
	fixed(1250, 2, "12.5");
	fixed(50, 2, ".5");
	fixed(-50, 2, "-.5");
	fixed(314, 2, "3.14");
	fixed(7, 3, ".007");
	fixed(-1000007, 6, "-1.000007");
	fixed(4294967296LL, 0, "4294967296");
	fixed(-9223372036854775807LL - 1, 0, "-9223372036854775808");
}

/* q / 10^decimals spelled by plain arithmetic and snprintf: the digits
 * of the whole part and the fraction, trailing zeros, a bare point and a
 * lone 0 before the point left out. */
static size_t spelled(char *out, long long q, int decimals)
{
	unsigned long long u = q < 0 ? 0ull - (unsigned long long)q : (unsigned long long)q, p = 1;
	for (int i = 0; i < decimals; i++)
		p *= 10;
	const char *sign = q < 0 ? "-" : "";
	char f[32] = "";
	int fn = decimals ? snprintf(f, sizeof f, "%0*llu", decimals, u % p) : 0;
	while (fn > 0 && f[fn - 1] == '0')
		f[--fn] = '\0';
	if (!fn)
		return (size_t)snprintf(out, 64, "%s%llu", sign, u / p);
	if (u / p == 0)
		return (size_t)snprintf(out, 64, "%s.%s", sign, f);
	return (size_t)snprintf(out, 64, "%s%llu.%s", sign, u / p, f);
}

/* Every coordinate a page can have, and colours and turns, as spelled. */
static void numbers_in_content_streams_as_spelled(void **state)
{
	(void)state;
	static const int scales[] = {0, 2, 3, 5};
	for (size_t k = 0; k < sizeof scales / sizeof scales[0]; k++)
		for (long long q = -250000; q <= 250000; q++) {
			char want[64], got[32];
			size_t n = spelled(want, q, scales[k]), m = pdf_format_fixed(got, q, scales[k]);
			if (m != n || memcmp(got, want, n) != 0)
				fail_msg("%lld at %d decimals: \"%.*s\", not \"%s\"", q, scales[k], (int)m, got, want);
		}
	fixed(99999, 2, "999.99");
	fixed(100000, 2, "1000");
	fixed(-99990, 2, "-999.9");
	fixed(5, 2, ".05");
	fixed(-7, 2, "-.07");
}

static void names_escape_all_but_regular_characters(void **state)
{
	(void)state;
	bytes b = {0};
	pdf_put_name(&b, "Type");
	same(&b, "/Type", 5);
	pdf_put_name(&b, "A B#(x)/%");
	same(&b, "/A#20B#23#28x#29#2F#25", 22);
	pdf_put_name(&b, "\xC3\xB8");   /* ø: bytes above 0x7E */
	same(&b, "/#C3#B8", 7);
	/* A long name goes out in pieces of the stack buffer, whole. */
	char name[601], want[1 + 3 * 600];
	for (int i = 0; i < 600; i++)
		name[i] = i % 2 ? 'a' : ' ';
	name[600] = 0;
	size_t k = 0;
	want[k++] = '/';
	for (int i = 0; i < 600; i++) {
		if (name[i] == ' ')
			memcpy(want + k, "#20", 3), k += 3;
		else
			want[k++] = 'a';
	}
	pdf_put_name(&b, name);
	same(&b, want, k);
	bytes_free(&b);
}

static void strings_escape_delimiters_and_line_ends(void **state)
{
	(void)state;
	bytes b = {0};
	pdf_put_string(&b, "a(b)c\\d\re\nf", 11);
	same(&b, "(a\\(b\\)c\\\\d\\re\\nf)", 18);
	pdf_put_string(&b, "x\0y", 3);   /* any byte, NUL too */
	same(&b, "(x\0y)", 5);
	pdf_put_string(&b, "", 0);
	same(&b, "()", 2);
	/* 1,000 bytes that each need a backslash, across the stack buffer's end. */
	char s[1000], want[2 + 2000];
	for (int i = 0; i < 1000; i++) {
		s[i] = ')';
		want[1 + 2 * i] = '\\', want[2 + 2 * i] = ')';
	}
	want[0] = '(', want[2001] = ')';
	pdf_put_string(&b, s, sizeof s);
	same(&b, want, sizeof want);
	bytes_free(&b);
}

static void text_in_pdfdocencoding_else_utf16(void **state)
{
	(void)state;
	bytes b = {0};
	pdf_put_text(&b, "Årshjul (2027)");   /* Å is U+00C5, the same byte */
	same(&b, "(\xC5rshjul \\(2027\\))", 18);
	pdf_put_text(&b, "\xE2\x80\x93 \xE2\x82\xAC");   /* – € in PDFDocEncoding */
	same(&b, "(\x85 \xA0)", 5);
	pdf_put_text(&b, "\xCE\xB1");   /* α has no byte there */
	same(&b, "<FEFF03B1>", 10);
	pdf_put_text(&b, "a\xF0\x9F\x98\x80");   /* a surrogate pair */
	same(&b, "<FEFF0061D83DDE00>", 18);
	pdf_put_text(&b, "\xFF");   /* invalid UTF-8: U+FFFD */
	same(&b, "<FEFFFFFD>", 10);
	bytes_free(&b);
}

static void codes_inside_literal_strings(void **state)
{
	(void)state;
	bytes b = {0};
	pdf_put_code(&b, 0x4128);   /* 'A', '(' */
	same(&b, "A\\(", 3);
	pdf_put_code(&b, 0x0D0A);   /* CR LF */
	same(&b, "\\r\\n", 4);
	pdf_put_short_code(&b, 'a');
	same(&b, "a", 1);
	pdf_put_short_code(&b, '\\');
	same(&b, "\\\\", 2);
	pdf_put_short_code(&b, 0xF029);   /* two bytes, the second escaped */
	same(&b, "\xF0\\)", 3);
	/* codes below 0x80 at once: as one at a time */
	bytes one = {0};
	char all[0x80];
	for (unsigned c = 0; c < 0x80; c++) {
		all[c] = (char)c;
		pdf_put_short_code(&one, c);
	}
	pdf_put_short_codes(&b, all, sizeof all);
	same(&b, (const char *)one.p, one.n);
	bytes_free(&one);
	pdf_put_short_codes(&b, "a(b)\\\n", 6);
	same(&b, "a\\(b\\)\\\\\\n", 10);
	pdf_put_utf16_literal(&b, "\xC3\xB8)", 3);   /* ø ) */
	same(&b, "(\xFE\xFF\0\xF8\0\\))", 9);
	pdf_put_utf16(&b, "\xC3\xB8", 2);
	same(&b, "<FEFF00F8>", 10);
	bytes_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(numbers_the_shortest_way),
		cmocka_unit_test(numbers_in_content_streams_as_spelled),
		cmocka_unit_test(names_escape_all_but_regular_characters),
		cmocka_unit_test(strings_escape_delimiters_and_line_ends),
		cmocka_unit_test(text_in_pdfdocencoding_else_utf16),
		cmocka_unit_test(codes_inside_literal_strings),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
