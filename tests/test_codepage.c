/* test_codepage.c: the code page tables against glibc's iconv, and the
 * choice of code pages for European names. */
#include "testutil.h"

#include <iconv.h>
#include <stdio.h>
#include <string.h>

#include "codepage.h"

static const char *const iconv_names[CP_COUNT] = {
	"CP1252", "CP1250", "CP1257", "CP1254", "ISO-8859-3", "ISO-8859-14", "ISO-8859-16",
};

/* Code points the tables hold but amokit must not print (see codepage.c). */
static int excluded(unsigned u)
{
	return u == 0x7F || (u >= 0x80 && u <= 0x9F) || u == 0x021A || u == 0x021B ||
	       (u >= 0x1E00 && u <= 0x1E7F);
}

/* The character glibc decodes byte b to in code page c, or 0. */
static unsigned iconv_decode(iconv_t cd, unsigned char b)
{
	char in[1] = { (char)b };
	unsigned char out[4];
	char *pin = in, *pout = (char *)out;
	size_t nin = 1, nout = sizeof out;

	iconv(cd, NULL, NULL, NULL, NULL);
	if (iconv(cd, &pin, &nin, &pout, &nout) == (size_t)-1 || nout != 0)
		return 0;
	return (unsigned)out[0] << 24 | (unsigned)out[1] << 16 | (unsigned)out[2] << 8 | out[3];
}

static void every_byte_maps_back_to_itself(void **state)
{
	(void)state;
	for (int c = 0; c < CP_COUNT; c++) {
		iconv_t cd = iconv_open("UTF-32BE", iconv_names[c]);
		assert_true(cd != (iconv_t)-1);
		int printable = 0;
		for (unsigned b = 0x20; b <= 0xFF; b++) {
			unsigned u = iconv_decode(cd, (unsigned char)b);
			if (u == 0)
				continue;
			if (excluded(u)) {
				assert_int_equal(cp_byte((codepage)c, u), 0);
			} else {
				assert_int_equal(cp_byte((codepage)c, u), b);
				assert_true(cp_printable(u));
				printable++;
			}
		}
		assert_true(printable >= 150);
		iconv_close(cd);
	}
}

/* cp_encode copies printable ASCII straight into the current run, which is
 * right only while every encoding prints it as the same byte. */
static void printable_ascii_is_the_same_byte_everywhere(void **state)
{
	(void)state;
	for (int c = 0; c < CP_COUNT; c++)
		for (unsigned u = 0x20; u < 0x7F; u++)
			assert_int_equal(cp_byte((codepage)c, u), u);
}

static void every_mapped_code_point_comes_from_its_table(void **state)
{
	(void)state;
	for (int c = 0; c < CP_COUNT; c++) {
		iconv_t cd = iconv_open("UTF-32BE", iconv_names[c]);
		assert_true(cd != (iconv_t)-1);
		for (unsigned u = 0; u < 0x3000; u++) {
			unsigned char b = cp_byte((codepage)c, u);
			if (b)
				assert_int_equal(iconv_decode(cd, b), u);
		}
		iconv_close(cd);
	}
}

static void control_and_unknown_characters_are_not_printable(void **state)
{
	(void)state;
	unsigned bad[] = { 0x00, 0x09, 0x0A, 0x7F, 0x85, 0x0133, 0x021A, 0x021B, 0x0394,
	                   0x0416, 0x1E02, 0x2028, 0xFFFD, 0x1F600, 0x110000, 0xFFFFFFFF };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		assert_false(cp_printable(bad[i]));
		for (int c = 0; c < CP_COUNT; c++)
			assert_int_equal(cp_byte((codepage)c, bad[i]), 0);
	}
	assert_int_equal(cp_byte(CP_COUNT, 'a'), 0);
	assert_null(cp_name(CP_COUNT));
}

static void names_are_libharus(void **state)
{
	(void)state;
	assert_string_equal(cp_name(CP_1252), "CP1252");
	assert_string_equal(cp_name(CP_1250), "CP1250");
	assert_string_equal(cp_name(CP_1257), "CP1257");
	assert_string_equal(cp_name(CP_1254), "CP1254");
	assert_string_equal(cp_name(CP_8859_3), "ISO8859-3");
	assert_string_equal(cp_name(CP_8859_14), "ISO8859-14");
	assert_string_equal(cp_name(CP_8859_16), "ISO8859-16");
}

/* Records the runs cp_encode emits as "CODEPAGE:hexbytes|...". */
typedef struct runs {
	char text[1024];
	size_t len;
	int fail_at;      /* emit fails on this call (1-based), 0 = never */
	int calls;
} runs;

static int record(void *ctx, codepage c, const char *bytes, size_t n)
{
	runs *r = ctx;
	if (++r->calls == r->fail_at)
		return -1;
	r->len += (size_t)snprintf(r->text + r->len, sizeof r->text - r->len, "%s:", cp_name(c));
	for (size_t i = 0; i < n; i++)
		r->text[r->len++] = bytes[i];
	r->text[r->len++] = '|';
	r->text[r->len] = '\0';
	return 0;
}

static void encode(const char *utf8, runs *r)
{
	unsigned bad = 1;
	memset(r, 0, sizeof *r);
	assert_int_equal(cp_encode(utf8, strlen(utf8), record, r, &bad), 0);
	assert_int_equal(bad, 1);
}

static void danish_text_is_one_cp1252_run(void **state)
{
	(void)state;
	runs r;
	encode("Ævar Þórsson: æøå ÆØÅ – “citat” … 5 €", &r);
	assert_string_equal(r.text, "CP1252:\xC6var \xDE\xF3rsson: \xE6\xF8\xE5 \xC6\xD8\xC5 \x96 \x93"
	                            "citat\x94 \x85 5 \x80|");
}

static void european_names_pick_their_code_pages(void **state)
{
	(void)state;
	runs r;
	encode("Łukasz Wiśniewski", &r);
	assert_string_equal(r.text, "CP1250:\xA3ukasz Wi\x9Cniewski|");
	encode("Dóra Kovács, Ştefan Ţurcanu", &r);
	assert_string_equal(r.text, "CP1252:D\xF3ra Kov\xE1" "cs, |CP1250:\xAA" "tefan \xDEurcanu|");
	encode("Rūta Žemaitė", &r);
	assert_string_equal(r.text, "CP1252:R|CP1257:\xFBta \xDE" "emait\xEB|");
	encode("Çağla Öztürk", &r);
	assert_string_equal(r.text, "CP1252:\xC7" "a|CP1254:\xF0la \xD6zt\xFCrk|");
	encode("Jürgen Groß", &r);
	assert_string_equal(r.text, "CP1252:J\xFCrgen Gro\xDF|");
	encode("Ħal Għargħur", &r);
	assert_string_equal(r.text, "ISO8859-3:\xA1" "al G\xB1" "arg\xB1ur|");
	encode("Gwŷr ŵyr", &r);
	assert_string_equal(r.text, "CP1252:Gw|ISO8859-14:\xFEr \xF0yr|");
	encode("Ș ș", &r);
	assert_string_equal(r.text, "ISO8859-16:\xAA \xBA|");
}

static void unprintable_character_is_reported(void **state)
{
	(void)state;
	runs r = { 0 };
	unsigned bad = 0;
	const char *s = "Țara";
	assert_int_equal(cp_encode(s, strlen(s), record, &r, &bad), -1);
	assert_int_equal(bad, 0x021A);
	s = "ok \xC3";
	assert_int_equal(cp_encode(s, strlen(s), record, &r, &bad), -1);
	assert_int_equal(bad, 0xFFFD);
	s = "tab\there";
	assert_int_equal(cp_encode(s, strlen(s), record, &r, &bad), -1);
	assert_int_equal(bad, '\t');
}

static void emit_failure_stops_encoding(void **state)
{
	(void)state;
	runs r = { 0 };
	unsigned bad = 7;
	const char *s = "abc Łódź";
	r.fail_at = 2;
	assert_int_equal(cp_encode(s, strlen(s), record, &r, &bad), -1);
	assert_int_equal(bad, 0);
	assert_int_equal(r.calls, 2);
}

static void long_run_is_emitted_once(void **state)
{
	(void)state;
	static char in[1500];
	runs r;
	unsigned bad = 0;
	size_t n = 0;
	for (int i = 0; i < 700; i++, n += 2)
		memcpy(in + n, "\xC3\xB8", 2);   /* ø, longer than cp_encode's local buffer */
	memset(&r, 0, sizeof r);
	assert_int_equal(cp_encode(in, n, record, &r, &bad), 0);
	assert_int_equal(r.calls, 1);
	assert_int_equal(r.len, strlen("CP1252:") + 700 + 1);
	assert_int_equal((unsigned char)r.text[strlen("CP1252:") + 699], 0xF8);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_byte_maps_back_to_itself),
		cmocka_unit_test(printable_ascii_is_the_same_byte_everywhere),
		cmocka_unit_test(every_mapped_code_point_comes_from_its_table),
		cmocka_unit_test(control_and_unknown_characters_are_not_printable),
		cmocka_unit_test(names_are_libharus),
		cmocka_unit_test(danish_text_is_one_cp1252_run),
		cmocka_unit_test(european_names_pick_their_code_pages),
		cmocka_unit_test(unprintable_character_is_reported),
		cmocka_unit_test(emit_failure_stops_encoding),
		cmocka_unit_test(long_run_is_emitted_once),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
