/* test_csv.c: CSV as Danish Excel and LibreOffice save it (csv.h), and the
 * Danish forms of dates, times and numbers (danish.h). */
#include "testutil.h"

#include <stdio.h>
#include <string.h>

#include "csv.h"
#include "danish.h"

/* Parses s (n bytes; 0: strlen) as "t.csv" and expects success. */
static csv_table *parse_ok(arena *a, const char *s, size_t n)
{
	diag d;
	diag_init(&d);
	csv_table *t = NULL;
	int rc = csv_parse(a, "t.csv", s, n ? n : strlen(s), &t, &d);
	if (rc != AM_OK)
		fail_msg("rejected: %s:%d: %s", d.entries[0].file, d.entries[0].line, d.entries[0].msg);
	assert_non_null(t);
	return t;
}

/* Parses s and expects it rejected with exactly the message `want` as the
 * first record, printed as FILE:LINE: message. */
static void expect_error(const char *s, size_t n, const char *want)
{
	arena *a = arena_new();
	diag d;
	diag_init(&d);
	csv_table *t = NULL;
	int rc = csv_parse(a, "t.csv", s, n ? n : strlen(s), &t, &d);
	assert_int_equal(rc, AM_EINPUT);
	assert_null(t);
	assert_true(d.n > 0);
	char got[1000];
	if (d.entries[0].line > 0)
		snprintf(got, sizeof got, "%s:%d: %s", d.entries[0].file, d.entries[0].line, d.entries[0].msg);
	else
		snprintf(got, sizeof got, "%s: %s", d.entries[0].file, d.entries[0].msg);
	assert_string_equal(got, want);
	arena_free(a);
}

static void excel_utf8_with_bom_semicolons_and_quoted_line_breaks(void **state)
{
	(void)state;
	arena *a = arena_new();
	const char *s = "\xEF\xBB\xBFNavn;Titel;Bem\xC3\xA6rkning\r\n"
	                "Jens Holm;Indehaver;\"Siger \"\"hej\"\";\r\nto linjer\"\r\n"
	                "\r\n"
	                ";;\r\n"
	                "  Lene  ; \"Bogholder; deltid\" ;\r\n";
	csv_table *t = parse_ok(a, s, 0);
	assert_string_equal(t->encoding, "UTF-8");
	assert_int_equal(t->separator, ';');
	assert_int_equal(t->header_line, 1);
	assert_int_equal(t->n_columns, 3);
	assert_string_equal(t->columns[2], "Bemærkning");
	assert_int_equal(t->n_rows, 2);
	assert_int_equal(t->rows[0].line, 2);
	assert_string_equal(t->rows[0].fields[0], "Jens Holm");
	assert_string_equal(t->rows[0].fields[2], "Siger \"hej\";\nto linjer");
	/* The quoted line break moved the next records one line down. */
	assert_int_equal(t->rows[1].line, 6);
	assert_string_equal(t->rows[1].fields[0], "Lene");
	assert_string_equal(t->rows[1].fields[1], "Bogholder; deltid");
	assert_string_equal(t->rows[1].fields[2], "");
	arena_free(a);
}

static void windows_1252_without_bom_is_decoded(void **state)
{
	(void)state;
	arena *a = arena_new();
	/* "Område;Beløb\r\nÆble – 5 €;7,5\r\n" in Windows-1252 */
	const char *s = "Omr\xE5" "de;Bel\xF8" "b\r\n\xC6" "ble \x96 5 \x80;7,5\r\n";
	csv_table *t = parse_ok(a, s, 0);
	assert_string_equal(t->encoding, "Windows-1252");
	assert_string_equal(t->columns[0], "Område");
	assert_string_equal(t->rows[0].fields[0], "Æble – 5 €");
	assert_string_equal(t->rows[0].fields[1], "7,5");
	arena_free(a);
}

static void utf16_with_tabs_as_excel_unicode_text(void **state)
{
	(void)state;
	arena *a = arena_new();
	static const char s[] = "\xFF\xFE" "N\0a\0v\0n\0\t\0\xD8\0\r\0\n\0" "J\0e\0n\0s\0\t\0" "1\0\r\0\n\0";
	csv_table *t = parse_ok(a, s, sizeof s - 1);
	assert_string_equal(t->encoding, "UTF-16");
	assert_int_equal(t->separator, '\t');
	assert_string_equal(t->columns[1], "Ø");
	assert_string_equal(t->rows[0].fields[0], "Jens");
	assert_int_equal(t->rows[0].line, 2);
	arena_free(a);
}

static void separator_is_guessed_from_the_header(void **state)
{
	(void)state;
	arena *a = arena_new();
	csv_table *t = parse_ok(a, "Navn,Titel\n\"Holm, Jens\",Mester\n", 0);
	assert_int_equal(t->separator, ',');
	assert_string_equal(t->rows[0].fields[0], "Holm, Jens");
	t = parse_ok(a, "Navn\nJens\n", 0);
	assert_int_equal(t->separator, ';');
	assert_int_equal(t->n_rows, 1);
	arena_free(a);
}

static void old_mac_line_ends_and_missing_cells(void **state)
{
	(void)state;
	arena *a = arena_new();
	csv_table *t = parse_ok(a, "A;B;C;;\rx\ry;z\r", 0);
	assert_int_equal(t->n_columns, 3);   /* empty headings at the end dropped */
	assert_int_equal(t->n_rows, 2);
	assert_int_equal(t->rows[1].line, 3);
	assert_string_equal(t->rows[0].fields[1], "");
	assert_string_equal(t->rows[1].fields[1], "z");
	assert_string_equal(t->rows[1].fields[2], "");
	arena_free(a);
}

static void broken_files_are_answered_with_file_line_and_what(void **state)
{
	(void)state;
	expect_error("", 0, "t.csv: filen er tom; forventede en overskriftsrække og en række pr. linje");
	expect_error(";;\r\n\r\n", 0, "t.csv: filen er tom; forventede en overskriftsrække og en række pr. linje");
	expect_error("Navn;Titel\nJens;\"Mester\nLene;Bogholder\n", 0,
	             "t.csv:2: et anførselstegn (\") åbnes her, men lukkes aldrig");
	expect_error("Navn;Titel\nJens;Mester;ekstra\n", 0,
	             "t.csv:2: kolonne 3: \"ekstra\" står uden for tabellen; overskriften har kun 2 kolonner");
	expect_error("Navn\nJ\x81rgen\n", 0,
	             "t.csv:2: byte 0x81 er hverken UTF-8 eller Windows-1252; gem regnearket som \"CSV UTF-8\"");
	expect_error("Navn\nJens\0Holm\n", 15, "t.csv:2: styretegn (byte 0x00) i filen; forventede tekst");
	expect_error("\xEF\xBB\xBFNavn\n\xC3\n", 0, "t.csv: filen siger, den er UTF-8, men indeholder ugyldig UTF-8");
	char wide[CSV_MAX_COLUMNS * 2 + 8];
	memset(wide, ';', sizeof wide - 1);
	wide[0] = 'A';
	wide[sizeof wide - 1] = '\0';
	expect_error(wide, 0, "t.csv:1: rækken har mere end 200 kolonner");
}

static void columns_are_found_without_regard_to_case(void **state)
{
	(void)state;
	arena *a = arena_new();
	csv_table *t = parse_ok(a, "NAVN; Fremmøde* ;ÅRSAG:\n", 0);
	assert_int_equal(csv_column(t, "navn"), 0);
	assert_int_equal(csv_column(t, "fremmøde"), 1);
	assert_int_equal(csv_column(t, "årsag"), 2);
	assert_int_equal(csv_column(t, "titel"), -1);
	assert_int_equal(csv_column(t, "nav"), -1);
	arena_free(a);
}

static void danish_dates(void **state)
{
	(void)state;
	int y, m, d;
	bool iso;
	assert_true(da_parse_date("24-03-2026", &y, &m, &d, &iso));
	assert_int_equal(y * 10000 + m * 100 + d, 20260324);
	assert_false(iso);
	assert_true(da_parse_date(" 1.2.2026. ", &y, &m, &d, &iso));
	assert_int_equal(y * 10000 + m * 100 + d, 20260201);
	assert_true(da_parse_date("24/03/26", &y, &m, &d, NULL));
	assert_int_equal(y, 2026);
	assert_true(da_parse_date("2026-03-24", &y, &m, &d, &iso));
	assert_true(iso);
	assert_int_equal(m, 3);
	assert_false(da_parse_date("30-02-2026", &y, &m, &d, NULL));
	assert_false(da_parse_date("24-03-2026x", &y, &m, &d, NULL));
	assert_false(da_parse_date("24-03.2026", &y, &m, &d, NULL));
	assert_false(da_parse_date("2026-3-24", &y, &m, &d, NULL));
	assert_false(da_parse_date("124-03-2026", &y, &m, &d, NULL));
	assert_false(da_parse_date("24-03-20266", &y, &m, &d, NULL));
	assert_false(da_parse_date("marts", &y, &m, &d, NULL));
}

static void danish_times(void **state)
{
	(void)state;
	int t;
	assert_true(da_parse_time("14.00", &t));
	assert_int_equal(t, 14 * 60);
	assert_true(da_parse_time("kl. 9.30", &t));
	assert_int_equal(t, 9 * 60 + 30);
	assert_true(da_parse_time("7", &t));
	assert_int_equal(t, 7 * 60);
	assert_true(da_parse_time("23:59", &t));
	assert_false(da_parse_time("24:00", &t));
	assert_false(da_parse_time("14.5", &t));
	assert_false(da_parse_time("14:60", &t));
	assert_false(da_parse_time("", &t));
	assert_false(da_parse_time("14.00 h", &t));
	assert_true(da_parse_time("14,30", &t));      /* a decimal comma, as Danish Excel writes it */
	assert_int_equal(t, 14 * 60 + 30);
	assert_true(da_parse_time("14:00:00", &t));   /* Excel's time cell */
	assert_int_equal(t, 14 * 60);
	assert_false(da_parse_time("14:00:30", &t));  /* seconds have no place */
	assert_false(da_parse_time("9,5", &t));
}

static void danish_whole_numbers(void **state)
{
	(void)state;
	long v;
	assert_true(da_parse_whole("11", &v));
	assert_int_equal(v, 11);
	assert_true(da_parse_whole(" 11,0 ", &v));
	assert_int_equal(v, 11);
	assert_true(da_parse_whole("3.00", &v));
	assert_int_equal(v, 3);
	assert_false(da_parse_whole("11,5", &v));
	assert_false(da_parse_whole("11,", &v));
	assert_false(da_parse_whole("", &v));
	assert_false(da_parse_whole("-3", &v));
	assert_false(da_parse_whole("1234567", &v));
}

static void danish_numbers(void **state)
{
	(void)state;
	double v;
	char buf[32];
	assert_true(da_parse_decimal("22,5", &v));
	assert_true(v == 22.5);
	assert_true(da_parse_decimal(" 1.234,25 ", &v));
	assert_true(v > 1234.2499 && v < 1234.2501);
	assert_true(da_parse_decimal("22.5", &v));
	assert_true(v == 22.5);
	assert_true(da_parse_decimal("3", &v));
	assert_false(da_parse_decimal("1.23,5", &v));
	assert_false(da_parse_decimal("22,", &v));
	assert_false(da_parse_decimal("-1", &v));
	assert_false(da_parse_decimal("ti", &v));
	assert_false(da_parse_decimal("", &v));
	da_format_decimal(22.5, buf, sizeof buf);
	assert_string_equal(buf, "22.5");
	da_format_decimal(3, buf, sizeof buf);
	assert_string_equal(buf, "3");
	da_format_decimal(1.25, buf, sizeof buf);
	assert_string_equal(buf, "1.25");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(excel_utf8_with_bom_semicolons_and_quoted_line_breaks),
		cmocka_unit_test(windows_1252_without_bom_is_decoded),
		cmocka_unit_test(utf16_with_tabs_as_excel_unicode_text),
		cmocka_unit_test(separator_is_guessed_from_the_header),
		cmocka_unit_test(old_mac_line_ends_and_missing_cells),
		cmocka_unit_test(broken_files_are_answered_with_file_line_and_what),
		cmocka_unit_test(columns_are_found_without_regard_to_case),
		cmocka_unit_test(danish_dates),
		cmocka_unit_test(danish_times),
		cmocka_unit_test(danish_whole_numbers),
		cmocka_unit_test(danish_numbers),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
