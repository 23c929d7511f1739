/* test_font.c: font metrics from the committed fonts and from small fonts
 * built here (rounding at unitsPerEm 2048, corrupt files). Run from the
 * repository root, where fonts/ is. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "font.h"

#define FONTS "fonts"

static font_family *load_ok(const char *dir)
{
	diag d;
	diag_init(&d);
	font_family *f = font_load(dir, &d);
	assert_non_null(f);
	assert_int_equal(d.errors, 0);
	return f;
}

static void known_widths_match_the_font_files(void **state)
{
	(void)state;
	font_family *f = load_ok(FONTS);
	/* advance widths read with fontTools; unitsPerEm is 1000 */
	assert_int_equal(font_advance(f, FONT_REGULAR, ' '), 260);
	assert_int_equal(font_advance(f, FONT_REGULAR, 'a'), 561);
	assert_int_equal(font_advance(f, FONT_REGULAR, 'W'), 930);
	assert_int_equal(font_advance(f, FONT_REGULAR, 0xF8), 605);     /* ø */
	assert_int_equal(font_advance(f, FONT_REGULAR, 0x2013), 500);   /* – */
	assert_int_equal(font_advance(f, FONT_REGULAR, 0x20AC), 572);   /* € */
	assert_int_equal(font_advance(f, FONT_REGULAR, 0x2122), 773);   /* ™, in the sorted table */
	assert_int_equal(font_advance(f, FONT_BOLD, 'a'), 604);
	assert_int_equal(font_advance(f, FONT_ITALIC, 'W'), 856);
	assert_int_equal(font_advance(f, FONT_BOLDITALIC, 0x1E81), 788); /* ẁ */
	assert_int_equal(font_advance(f, FONT_REGULAR, 0x0416), 854);    /* Ж */
	assert_int_equal(font_advance(f, FONT_BOLD, 0x021B), 434);       /* ț */
	assert_int_equal(font_advance(f, FONT_ITALIC, 0x1EC5), 499);     /* ễ */
	/* below and above FLAT_LIMIT (0x2200): from Noto Sans Math and Symbols 2 */
	assert_int_equal(font_advance(f, FONT_REGULAR, 0x2192), 794);    /* → */
	assert_int_equal(font_advance(f, FONT_REGULAR, 0x2264), 572);    /* ≤ */
	assert_int_equal(font_advance(f, FONT_BOLDITALIC, 0x2713), 829); /* ✓ */
	assert_int_equal(font_advance(f, FONT_BOLD, 0x26A0), 926);       /* ⚠ */
	assert_int_equal(font_advance(f, FONT_REGULAR, 0xFFFD), 1000);   /* the replacement character */
	/* the soft hyphen is never drawn, so it measures nothing */
	for (int s = 0; s < FONT_STYLES; s++)
		assert_int_equal(font_advance(f, (font_style)s, 0xAD), 0);
	font_free(f);
}

static void missing_glyphs_are_minus_one(void **state)
{
	(void)state;
	font_family *f = load_ok(FONTS);
	/* controls, Hebrew, Arabic, ∀, CJK, a noncharacter, an emoji, beyond Unicode */
	unsigned missing[] = { 0, '\n', 0x7F, 0x05D0, 0x0627, 0x2200, 0x4E2D, 0xFFFF, 0x1F600, 0xFFFFFFFF };
	for (size_t i = 0; i < sizeof missing / sizeof missing[0]; i++)
		assert_int_equal(font_advance(f, FONT_REGULAR, missing[i]), -1);
	font_free(f);
}

/* What Amokit Sans must cover (issue 15), as ranges of code points. */
static const unsigned covered[][2] = {
	{ 0x0020, 0x007E }, { 0x00A0, 0x024F },   /* Latin-1, Extended-A and -B (ș ț) */
	{ 0x0300, 0x036F },                       /* combining diacritical marks */
	{ 0x0386, 0x0386 }, { 0x0388, 0x038A }, { 0x038C, 0x038C },
	{ 0x038E, 0x03A1 }, { 0x03A3, 0x03CE },   /* Greek, monotonic */
	{ 0x0400, 0x04FF },                       /* Cyrillic (ґ є і ї) */
	{ 0x1E00, 0x1EFF },                       /* Latin Extended Additional (Vietnamese) */
	{ 0x2010, 0x2027 }, { 0x2030, 0x203A },   /* dashes, quotes, … • ‰ ‹ › */
	{ 0x00A0, 0x00A0 }, { 0x202F, 0x202F },   /* the no-break spaces */
	{ 0x20AC, 0x20AC }, { 0x2116, 0x2116 }, { 0x2122, 0x2122 },   /* € № ™ */
	{ 0x2190, 0x2193 }, { 0x21D2, 0x21D2 }, { 0x2212, 0x2212 },   /* ← ↑ → ↓ ⇒ − */
	{ 0x2248, 0x2248 }, { 0x2260, 0x2260 }, { 0x2264, 0x2265 },   /* ≈ ≠ ≤ ≥ */
	{ 0x2713, 0x2714 }, { 0x2717, 0x2718 }, { 0x26A0, 0x26A0 },   /* ✓ ✔ ✗ ✘ ⚠ */
	{ 0x2610, 0x2612 }, { 0x25CF, 0x25CF }, { 0xFB01, 0xFB02 },   /* ☐ ☑ ☒ ● ﬁ ﬂ */
	{ 0xFFFD, 0xFFFD },                       /* the replacement character */
};

static void the_fonts_cover_latin_greek_cyrillic_and_the_symbols(void **state)
{
	(void)state;
	font_family *f = load_ok(FONTS);
	for (size_t i = 0; i < sizeof covered / sizeof covered[0]; i++)
		for (unsigned cp = covered[i][0]; cp <= covered[i][1]; cp++)
			for (int s = 0; s < FONT_STYLES; s++)
				if (font_advance(f, (font_style)s, cp) < 0)
					fail_msg("U+%04X has no glyph in %s", cp, font_files[s]);
	/* and all four styles cover the same characters */
	int count = 0;
	for (unsigned cp = 0; cp < 0x10000; cp++) {
		int has = font_advance(f, FONT_REGULAR, cp) >= 0;
		for (int s = 1; s < FONT_STYLES; s++)
			assert_int_equal(font_advance(f, (font_style)s, cp) >= 0, has);
		count += has;
	}
	assert_in_range(count, 1700, 2000);
	font_free(f);
}

static void measurer_sums_advances_at_size(void **state)
{
	(void)state;
	font_family *f = load_ok(FONTS);
	text_measurer m = font_measurer(f);
	float w = m.fn(m.ctx, FONT_REGULAR, 10.0f, "a W\xC3\xB8", 5);   /* "a Wø" */
	assert_float_equal(w, (561 + 260 + 930 + 605) * 10.0f / 1000.0f, 1e-4);
	assert_float_equal(m.fn(m.ctx, FONT_BOLD, 12.0f, "", 0), 0.0f, 0.0f);
	/* invalid UTF-8 counts as the replacement mark the renderer draws
	 * (the face's U+FFFD) rather than crashing */
	assert_int_equal(font_missing_width(f, FONT_REGULAR), font_advance(f, FONT_REGULAR, 0xFFFD));
	assert_float_equal(m.fn(m.ctx, FONT_REGULAR, 1000.0f, "\xFF", 1),
	                   (float)font_missing_width(f, FONT_REGULAR), 1e-3);
	assert_float_equal(m.ascent, 1.069f, 1e-5);
	assert_float_equal(m.descent, 0.293f, 1e-5);
	assert_string_equal(font_path(f, FONT_BOLDITALIC), FONTS "/AmokitSans-BoldItalic.ttf");
	font_free(f);
}

/* The units callback: its running sums, taken two at a time, give every
 * piece's width bit for bit as the measurer does (aarshjul relies on it),
 * and inside a character they hold the sum before it. */
static void units_and_their_running_sums_match_the_measurer(void **state)
{
	(void)state;
	font_family *f = load_ok(FONTS);
	text_measurer m = font_measurer(f);
	assert_non_null(m.units);
	const char *s = "a W\xC3\xB8 \xE2\x80\x93 x\xFF\x7F";   /* "a Wø – x", a stray byte, no glyph */
	size_t len = strlen(s);
	int32_t pre[32];
	long total = m.units(m.ctx, FONT_REGULAR, s, len, pre);
	assert_int_equal(total, m.units(m.ctx, FONT_REGULAR, s, len, NULL));
	assert_int_equal(pre[0], 0);
	assert_int_equal(pre[len], total);
	assert_int_equal(pre[4], 561 + 260 + 930);   /* inside ø */
	assert_int_equal(pre[5], 561 + 260 + 930 + 605);
	assert_int_equal(pre[7], pre[6]);            /* inside – */
	assert_int_equal(pre[8], pre[6]);
	assert_int_equal(pre[9], pre[6] + 500);
	assert_int_equal(pre[len] - pre[len - 2], 2 * font_missing_width(f, FONT_REGULAR));   /* the mark twice */
	size_t cuts[] = { 0, 1, 2, 3, 5, 6, 9, 10, 11, 12, 13 };   /* the character boundaries */
	size_t n = sizeof cuts / sizeof cuts[0];
	assert_int_equal(cuts[n - 1], len);
	int32_t pb[32];
	m.units(m.ctx, FONT_BOLD, s, len, pb);
	for (size_t a = 0; a < n; a++)
		for (size_t b = a; b < n; b++) {
			size_t i = cuts[a], k = cuts[b];
			float want = m.fn(m.ctx, FONT_BOLD, 11.3f, s + i, k - i);
			float got = text_units_width((long)pb[k] - pb[i], 11.3f);
			assert_memory_equal(&got, &want, sizeof got);
		}
	font_free(f);
}

/* --- small fonts built in memory ------------------------------------- */

typedef struct buf { unsigned char b[4096]; size_t n; } buf;

static void put16(buf *b, unsigned v) { b->b[b->n++] = (unsigned char)(v >> 8); b->b[b->n++] = (unsigned char)v; }
static void put32(buf *b, unsigned long v) { put16(b, (unsigned)(v >> 16)); put16(b, (unsigned)(v & 0xFFFF)); }
static void pad_to(buf *b, size_t n) { while (b->n < n) b->b[b->n++] = 0; }

/* A font of 3 glyphs at unitsPerEm upem: .notdef, 'A' and 'B' with the
 * given advances; glyph 2 shares glyph 1's hmtx entry when one_metric. */
static size_t build_font(buf *b, unsigned upem, unsigned w_notdef, unsigned w_a, unsigned w_b)
{
	static const char *tags[] = { "cmap", "head", "hhea", "hmtx", "maxp" };
	size_t off[5], len[5];
	memset(b, 0, sizeof *b);
	put32(b, 0x00010000);
	put16(b, 5); put16(b, 64); put16(b, 2); put16(b, 16);
	pad_to(b, 12 + 16 * 5);
	/* cmap: one (3,1) format 4 subtable, segments 'A'..'B' and 0xFFFF */
	off[0] = b->n;
	put16(b, 0); put16(b, 1); put16(b, 3); put16(b, 1); put32(b, 12);
	put16(b, 4); put16(b, 32); put16(b, 0);
	put16(b, 4); put16(b, 4); put16(b, 1); put16(b, 0);
	put16(b, 'B'); put16(b, 0xFFFF); put16(b, 0);
	put16(b, 'A'); put16(b, 0xFFFF);
	put16(b, (1 - 'A') & 0xFFFF); put16(b, 1);
	put16(b, 0); put16(b, 0);
	len[0] = b->n - off[0];
	/* head */
	off[1] = b->n;
	pad_to(b, off[1] + 54);
	b->b[off[1] + 18] = (unsigned char)(upem >> 8);
	b->b[off[1] + 19] = (unsigned char)upem;
	len[1] = 54;
	/* hhea: ascender 800, descender -200, 3 metrics */
	off[2] = b->n;
	put32(b, 0x00010000); put16(b, 800); put16(b, 0xFFFF - 199);
	pad_to(b, off[2] + 34);
	put16(b, 3);
	len[2] = 36;
	/* hmtx */
	off[3] = b->n;
	put16(b, w_notdef); put16(b, 0); put16(b, w_a); put16(b, 0); put16(b, w_b); put16(b, 0);
	len[3] = 12;
	/* maxp */
	off[4] = b->n;
	put32(b, 0x00005000); put16(b, 3);
	len[4] = 6;
	for (int i = 0; i < 5; i++) {
		unsigned char *rec = b->b + 12 + 16 * i;
		memcpy(rec, tags[i], 4);
		for (int k = 0; k < 4; k++) {
			rec[8 + k] = (unsigned char)(off[i] >> (24 - 8 * k));
			rec[12 + k] = (unsigned char)(len[i] >> (24 - 8 * k));
		}
	}
	return b->n;
}

static char tmpdir[64];

static int make_dir(void **state)
{
	(void)state;
	strcpy(tmpdir, "/tmp/amokit-test-font-XXXXXX");
	return mkdtemp(tmpdir) ? 0 : -1;
}

static void remove_files(void)
{
	char path[128];
	for (int s = 0; s < FONT_STYLES; s++) {
		snprintf(path, sizeof path, "%s/%s", tmpdir, font_files[s]);
		unlink(path);
	}
}

static int remove_dir(void **state)
{
	(void)state;
	remove_files();
	return rmdir(tmpdir);
}

/* Writes data as all four styles of a family in tmpdir. */
static void write_family(const unsigned char *data, size_t n)
{
	char path[128];
	for (int s = 0; s < FONT_STYLES; s++) {
		snprintf(path, sizeof path, "%s/%s", tmpdir, font_files[s]);
		FILE *fp = fopen(path, "wb");
		assert_non_null(fp);
		assert_int_equal(fwrite(data, 1, n, fp), n);
		fclose(fp);
	}
}

static void widths_are_truncated(void **state)
{
	(void)state;
	buf b;
	/* at 2048 units: 1026 -> 500.98 and 1229 -> 600.09; truncated, as the
	 * renderer writes them into the fonts' /W */
	size_t n = build_font(&b, 2048, 1229, 1026, 2047);
	write_family(b.b, n);
	font_family *f = load_ok(tmpdir);
	assert_int_equal(font_advance(f, FONT_REGULAR, 'A'), 500);
	assert_int_equal(font_advance(f, FONT_REGULAR, 'B'), 999);
	assert_int_equal(font_advance(f, FONT_REGULAR, 'C'), -1);
	text_measurer m = font_measurer(f);
	assert_float_equal(m.fn(m.ctx, FONT_ITALIC, 1000.0f, "AC", 2), 500.0f + 600.0f, 1e-3);
	assert_float_equal(m.ascent, 800.0f / 2048.0f, 1e-6);
	assert_float_equal(m.descent, 200.0f / 2048.0f, 1e-6);
	font_free(f);
}

static int load_fails(void)
{
	diag d;
	diag_init(&d);
	font_family *f = font_load(tmpdir, &d);
	font_free(f);
	if (f)
		return 0;
	assert_true(d.errors > 0);
	return 1;
}

static void missing_and_corrupt_files_are_errors(void **state)
{
	(void)state;
	diag d;
	diag_init(&d);
	assert_null(font_load("/nonexistent/fonts", &d));
	assert_int_equal(d.errors, 1);
	assert_non_null(strstr(d.entries[0].file, "AmokitSans-Regular.ttf"));

	buf b;
	size_t n = build_font(&b, 2048, 1229, 1026, 2047);
	/* every truncation of the file */
	for (size_t cut = 0; cut < n; cut++) {
		write_family(b.b, cut);
		assert_true(load_fails());
	}
	/* a bad unitsPerEm */
	buf bad = b;
	bad.b[bad.n - 6 - 12 - 36 - 54 + 18] = 0;
	bad.b[bad.n - 6 - 12 - 36 - 54 + 19] = 0;
	write_family(bad.b, n);
	assert_true(load_fails());
}

static void flipped_bytes_never_crash(void **state)
{
	(void)state;
	buf b;
	size_t n = build_font(&b, 2048, 1229, 1026, 2047);
	/* every single byte set to 0x00, 0x7F and 0xFF: loads or fails cleanly */
	static const unsigned char values[] = { 0x00, 0x7F, 0xFF };
	for (size_t i = 0; i < n; i++) {
		for (size_t v = 0; v < sizeof values; v++) {
			buf c = b;
			c.b[i] = values[v];
			write_family(c.b, n);
			diag d;
			diag_init(&d);
			font_family *f = font_load(tmpdir, &d);
			if (f)
				(void)font_advance(f, FONT_REGULAR, 'A');
			else
				assert_true(d.errors > 0);
			font_free(f);
		}
	}
	/* the committed fonts, with a run of bytes destroyed in each table */
	FILE *fp = fopen(FONTS "/AmokitSans-Regular.ttf", "rb");
	assert_non_null(fp);
	static unsigned char big[1 << 16];
	size_t len = fread(big, 1, sizeof big, fp);
	fclose(fp);
	for (size_t at = 0; at + 64 < len; at += 997) {
		static unsigned char copy[1 << 16];
		memcpy(copy, big, len);
		memset(copy + at, 0xFF, 64);
		write_family(copy, len);
		diag d;
		diag_init(&d);
		font_free(font_load(tmpdir, &d));
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(known_widths_match_the_font_files),
		cmocka_unit_test(missing_glyphs_are_minus_one),
		cmocka_unit_test(the_fonts_cover_latin_greek_cyrillic_and_the_symbols),
		cmocka_unit_test(measurer_sums_advances_at_size),
		cmocka_unit_test(units_and_their_running_sums_match_the_measurer),
		cmocka_unit_test(widths_are_truncated),
		cmocka_unit_test(missing_and_corrupt_files_are_errors),
		cmocka_unit_test(flipped_bytes_never_crash),
	};
	return cmocka_run_group_tests(tests, make_dir, remove_dir);
}
