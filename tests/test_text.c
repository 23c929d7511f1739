/* test_text.c: UTF-8 decoding, Danish hyphenation (hyphen-da's patterns,
 * loaded by libhyphen), and line breaking with
 * the fixed-width fake measurer (every character 0.5 em: at size 10 each
 * character is 5 pt wide, so a width of 50 holds 10 characters). */
#include "testutil.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

#define DA_DIC "/usr/share/hyphen/hyph_da_DK.dic"

/* --- hyphenation ----------------------------------------------------------- */

static text_hyph *hyph;

static int open_dict(void **state)
{
	(void)state;
	hyph = text_hyph_open(DA_DIC);
	return hyph ? 0 : -1;
}

static int close_dict(void **state)
{
	(void)state;
	text_hyph_close(hyph);
	return 0;
}

/* The word with '-' at each break text_hyphenate allows. */
static const char *hyphenated(const char *w)
{
	static char out[256];
	size_t breaks[64], len = strlen(w), n = text_hyphenate(hyph, w, len, breaks, 64), o = 0, j = 0;
	for (size_t i = 0; i < len; i++) {
		out[o++] = w[i];
		if (j < n && breaks[j] == i + 1) {
			out[o++] = '-';
			j++;
		}
	}
	assert_int_equal(j, n);       /* every break was ascending and inside the word */
	out[o] = '\0';
	return out;
}

static void danish_compounds_break_at_syllables(void **state)
{
	(void)state;
	/* what hyph_da_DK gives with 3 letters either side; note it has no
	 * break at miljø|organisation (the layouts' joints add it) */
	assert_string_equal(hyphenated("arbejdsmiljøorganisationen"), "arbejds-mil-jøor-ga-ni-sa-tio-nen");
	assert_string_equal(hyphenated("kompetenceudviklingsplan"), "kom-pe-ten-ceudvik-lings-plan");
	assert_string_equal(hyphenated("arbejdspladsvurdering"), "arbejds-plads-vur-dering");
	assert_string_equal(hyphenated("sikkerhedsrepræsentant"), "sik-kerheds-re-præ-sen-tant");
	assert_string_equal(hyphenated("drøftelse"), "drøf-telse");
	/* never between two vowels: the patterns' po-inter and udadre-agerende */
	assert_string_equal(hyphenated("pointer"), "pointer");
	assert_string_equal(hyphenated("udadreagerende"), "udadreage-rende");
}

/* Each language's Debian patterns in their own encoding: ISO 8859-2
 * (Polish), ISO 8859-13 (Lithuanian), UTF-8 (Romanian, Ukrainian); the
 * letters a Latin-1 file cannot hold are hyphenated too, and a break maps
 * back to the word's UTF-8 bytes. */
static void other_languages_hyphenate_in_their_encodings(void **state)
{
	(void)state;
	static const struct { const char *dic, *word, *want; } cases[] = {
		{"/usr/share/hyphen/hyph_pl_PL.dic", "środowiska", "śro-do-wi-ska"},
		{"/usr/share/hyphen/hyph_pl_PL.dic", "Współdecydowaniu", "Współ-de-cy-do-wa-niu"},
		{"/usr/share/hyphen/hyph_lt_LT.dic", "darbovietėje", "dar-bo-vie-tėje"},
		{"/usr/share/hyphen/hyph_ro_RO.dic", "competențelor", "com-pe-ten-țe-lor"},
		{"/usr/share/hyphen/hyph_uk_UA.dic", "представник", "пред-ставник"},
		{"/usr/share/hyphen/hyph_de_DE.dic", "Arbeitsplatzbewertung", "Arbeits-platz-be-wer-tung"},
		/* a letter the file's encoding cannot write: no break at all */
		{"/usr/share/hyphen/hyph_pl_PL.dic", "представник", "представник"},
	};
	text_hyph *da = hyph;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		hyph = text_hyph_open(cases[i].dic);
		assert_non_null(hyph);
		assert_string_equal(hyphenated(cases[i].word), cases[i].want);
		text_hyph_close(hyph);
	}
	hyph = da;
}

/* Patterns load from whichever file they are given: a copy with other
 * bytes hyphenates the same. */
static void patterns_load_from_any_file(void **state)
{
	(void)state;
	char path[] = "/tmp/amokit-test-hyph-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	FILE *in = fopen(DA_DIC, "rb"), *out = fdopen(fd, "wb");
	assert_non_null(in);
	assert_non_null(out);
	char line[256];
	while (fgets(line, sizeof line, in))
		fputs(line, out);
	fputs("% a comment: the same patterns, other bytes\n", out);
	fclose(in);
	assert_int_equal(fclose(out), 0);
	text_hyph *other = text_hyph_open(path);
	assert_non_null(other);
	size_t breaks[16];
	assert_int_equal(text_hyphenate(other, "drøftelse", strlen("drøftelse"), breaks, 16), 1);
	assert_int_equal(breaks[0], strlen("drøf"));   /* drøf-telse, in bytes */
	text_hyph_close(other);
	assert_int_equal(remove(path), 0);
}

static void hyphenation_handles_case_punctuation_and_limits(void **state)
{
	(void)state;
	/* uppercase is lowercased for the patterns; offsets stay UTF-8 */
	assert_string_equal(hyphenated("Arbejdsmiljø"), "Arbejds-miljø");
	assert_string_equal(hyphenated("ARBEJDSMILJØ"), "ARBEJDS-MILJØ");
	/* punctuation splits runs; each part is hyphenated on its own */
	assert_string_equal(hyphenated("(handleplan),"), "(hand-le-plan),");
	assert_string_equal(hyphenated("APV-handleplan"), "APV-hand-le-plan");
	/* at least three letters either side */
	assert_string_equal(hyphenated("årlig"), "årlig");
	assert_string_equal(hyphenated("årligt"), "årligt");
	assert_string_equal(hyphenated("drøftelsen"), "drøf-telsen");
	assert_string_equal(hyphenated("øje"), "øje");
	/* outside Latin-1: no breaks at all */
	assert_string_equal(hyphenated("Wiśniewskiarbejdsmiljø"), "Wiśniewskiarbejdsmiljø");
	/* invalid UTF-8: none either */
	assert_string_equal(hyphenated("arbejds\xFFmiljø"), "arbejds\xFFmiljø");
	size_t breaks[2];
	assert_int_equal(text_hyphenate(hyph, "arbejdsmiljøorganisationen", 27, breaks, 2), 2);
	assert_int_equal(breaks[0], 7);
	assert_int_equal(breaks[1], 10);
	assert_null(text_hyph_open("/nonexistent.dic"));
}

/* A word asked again comes from the dictionary's memo: the same breaks,
 * and the first max of them when fewer are asked for, before and after
 * the word is known. */
static void hyphenation_asked_again_gives_the_same_breaks(void **state)
{
	(void)state;
	static const char *const words[] = {"arbejdsmiljørepræsentanterne", "Kompetenceudvikling",
	                                    "(handleplan),", "risikovurdering", "Wiśniewskiarbejdsmiljø",
	                                    "årlig", "sikkerhedsorganisationens"};
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
		text_hyph *fresh = text_hyph_open(DA_DIC);
		assert_non_null(fresh);
		size_t len = strlen(words[i]), first[64], again[64], some[64];
		size_t n = text_hyphenate(fresh, words[i], len, some, 1);   /* the first ask: max 1 */
		size_t all = text_hyphenate(fresh, words[i], len, first, 64);
		assert_int_equal(n, all ? 1 : 0);
		if (all)
			assert_int_equal(some[0], first[0]);
		for (size_t max = 0; max <= all + 1; max++) {
			size_t k = text_hyphenate(fresh, words[i], len, again, max);
			assert_int_equal(k, max < all ? max : all);
			assert_memory_equal(again, first, k * sizeof *again);
		}
		/* and the same as another dictionary that never saw the word */
		size_t other[64];
		assert_int_equal(text_hyphenate(hyph, words[i], len, other, 64), all);
		assert_memory_equal(other, first, all * sizeof *other);
		text_hyph_close(fresh);
	}
}

/* --- line breaking ---------------------------------------------------------- */

static arena *ar;

static int new_arena(void **state)
{
	(void)state;
	ar = arena_new();
	return ar ? 0 : -1;
}

static int free_arena(void **state)
{
	(void)state;
	arena_free(ar);
	return 0;
}

/* Breaks one regular span at size 10 (5 pt per character). */
static text_para brk(const char *s, float width, text_hyph *h)
{
	text_para p;
	text_span sp = { FONT_REGULAR, s, strlen(s), false };
	assert_int_equal(text_break(ar, &text_fake_measurer, h, &sp, 1, 10.0f, width, &p), 0);
	return p;
}

/* The lines joined with '|', fragments with '/'. */
static const char *show(const text_para *p)
{
	static char out[2048];
	size_t o = 0;
	for (size_t i = 0; i < p->n; i++) {
		if (i)
			out[o++] = '|';
		for (size_t j = 0; j < p->lines[i].n; j++) {
			o += (size_t)snprintf(out + o, sizeof out - o, "%s%s", j ? "/" : "", p->lines[i].frags[j].utf8);
		}
	}
	out[o] = '\0';
	return out;
}

/* Checks the invariants: no line wider than width; fragment x offsets are
 * the running sum of widths; widths are what the measurer says. */
static void check_geometry(const text_para *p, float width)
{
	for (size_t i = 0; i < p->n; i++) {
		const text_line *l = &p->lines[i];
		float x = 0;
		for (size_t j = 0; j < l->n; j++) {
			const text_frag *f = &l->frags[j];
			assert_float_equal(f->x, x, 1e-3);
			float w = text_fake_measurer.fn(NULL, f->style, 10.0f, f->utf8, strlen(f->utf8));
			assert_float_equal(f->width, w, 1e-3);
			x += w;
		}
		assert_float_equal(l->width, x, 1e-3);
		assert_true(l->width <= width + 1e-3 || l->n == 1);
	}
}

static void short_text_is_one_line_with_spaces_collapsed(void **state)
{
	(void)state;
	text_para p = brk("  Hej   med\tdig  ", 200, NULL);
	assert_string_equal(show(&p), "Hej med dig");
	assert_float_equal(p.lines[0].width, 55.0f, 1e-3);
	check_geometry(&p, 200);
	p = brk("", 200, NULL);
	assert_int_equal(p.n, 0);
	p = brk("   ", 200, NULL);
	assert_int_equal(p.n, 0);
}

static void lines_break_greedily_at_spaces(void **state)
{
	(void)state;
	/* 10 characters per line */
	text_para p = brk("aaa bbb ccc dddd eeeee ffff", 50, NULL);
	assert_string_equal(show(&p), "aaa bbb|ccc dddd|eeeee ffff");
	check_geometry(&p, 50);
	p = brk("aaaa bbbbb", 50, NULL);        /* exactly 10: fits */
	assert_string_equal(show(&p), "aaaa bbbbb");
}

static void newlines_force_breaks(void **state)
{
	(void)state;
	text_para p = brk("en\nto tre\n\nfire\n", 200, NULL);
	assert_string_equal(show(&p), "en|to tre||fire");
	assert_int_equal(p.lines[2].n, 0);
	assert_float_equal(p.lines[2].width, 0.0f, 0.0f);
}

static void explicit_hyphens_are_break_points(void **state)
{
	(void)state;
	/* "Se APV-handleplan nu": "Se APV-" is 7 characters */
	text_para p = brk("Se APV-handleplan nu", 50, NULL);
	assert_string_equal(show(&p), "Se APV-|handleplan|nu");
	check_geometry(&p, 50);
	/* a leading or doubled hyphen is not a break point */
	p = brk("-abcdefghij --klmn", 30, NULL);
	assert_string_equal(show(&p), "-abcde|fghij|--klmn");
}

static void long_words_are_hyphenated_at_the_last_point_that_fits(void **state)
{
	(void)state;
	/* width 14 characters: "Vores arbejds-" is 14 with the hyphen */
	text_para p = brk("Vores arbejdsmiljøorganisationen mødes", 70, hyph);
	assert_string_equal(show(&p), "Vores arbejds-|miljøorganisa-|tionen mødes");
	check_geometry(&p, 70);
	/* the hyphen's width counts: 13 characters cannot take "arbejds-" after
	 * "Vores ", and "ar-" would leave 2 letters */
	p = brk("Vores arbejdsmiljøorganisationen", 65, hyph);
	assert_string_equal(show(&p), "Vores|arbejdsmil-|jøorganisa-|tionen");
	/* a narrow table cell */
	p = brk("kompetenceudviklingsplan", 45, hyph);
	assert_string_equal(show(&p), "kompeten-|ceudvik-|lingsplan");
	check_geometry(&p, 45);
	/* without a dictionary the word is moved down and broken between characters */
	p = brk("Vores kompetenceudviklingsplan", 50, NULL);
	assert_string_equal(show(&p), "Vores|kompetence|udviklings|plan");
}

static void a_word_wider_than_the_line_is_broken_between_characters(void **state)
{
	(void)state;
	text_para p = brk("xxxxxxxxxxxxyyyyyyyyyyyyzz", 60, hyph);
	assert_string_equal(show(&p), "xxxxxxxxxxxx|yyyyyyyyyyyy|zz");
	check_geometry(&p, 60);
	/* even a line narrower than one character gets one character per line */
	p = brk("abc", 1, NULL);
	assert_string_equal(show(&p), "a|b|c");
}

/* U+00AD SOFT HYPHEN: invisible, and where it is the word may break with a
 * hyphen drawn; a word that has one breaks only at its soft hyphens. */
static void soft_hyphens_break_with_a_hyphen_or_vanish(void **state)
{
	(void)state;
	/* fits: the soft hyphens print nothing and take no room (5 + 5 chars) */
	text_para p = brk("Ole\xC2\xADsen kom", 50, hyph);
	assert_string_equal(show(&p), "Olesen kom");
	assert_float_equal(p.lines[0].width, 50.0f, 1e-3);
	check_geometry(&p, 50);
	/* does not fit: breaks at the soft hyphen, and a hyphen is drawn */
	p = brk("Hr. Vester\xC2\xADgaard", 55, hyph);
	assert_string_equal(show(&p), "Hr. Vester-|gaard");
	check_geometry(&p, 55);
	/* the patterns are not asked when a word has soft hyphens: "arbejds-"
	 * would fit in 10 characters, but the author allowed only "arbejdsmiljø-" */
	p = brk("arbejdsmilj\xC3\xB8\xC2\xADorganisation", 50, hyph);
	assert_string_equal(show(&p), "arbejdsmil|jø-|organisati|on");
	p = brk("arbejdsmilj\xC3\xB8\xC2\xADorganisation", 70, hyph);
	assert_string_equal(show(&p), "arbejdsmiljø-|organisation");
	/* across styles, at a span's edge, doubled, leading and trailing */
	text_span sp[] = { { FONT_BOLD, "Kom\xC2\xAD", 5, false }, { FONT_REGULAR, "\xC2\xAD" "mune\xC2\xAD", 8, false } };
	assert_int_equal(text_break(ar, &text_fake_measurer, hyph, sp, 2, 10.0f, 20.0f, &p), 0);
	assert_string_equal(show(&p), "Kom-|mune");
	p = brk("\xC2\xAD" "abc\xC2\xAD \xC2\xAD \xC2\xAD\xC2\xAD", 200, hyph);
	assert_string_equal(show(&p), "abc");
	/* an í (C3 AD) is a letter, not a soft hyphen */
	p = brk("J\xC3\xADr\xC3\xAD", 200, hyph);
	assert_string_equal(show(&p), "J\xC3\xADr\xC3\xAD");
}

/* U+2011 NON-BREAKING HYPHEN and the no-break spaces U+00A0 and U+202F
 * never break; the number stays with its unit. */
static void no_break_hyphens_and_spaces_hold(void **state)
{
	(void)state;
	/* "ca. 45 min." with a no-break space: "ca. 45" would fit in 6 chars */
	text_para p = brk("ca. 45\xC2\xA0min.", 35, hyph);
	assert_string_equal(show(&p), "ca.|45\xC2\xA0min.");
	p = brk("ca. 70\xE2\x80\xAF%", 30, hyph);
	assert_string_equal(show(&p), "ca.|70\xE2\x80\xAF%");
	/* "Jens-Ole" with U+2011 stays whole, where "-" would break */
	p = brk("Til Jens\xE2\x80\x91Ole", 45, hyph);
	assert_string_equal(show(&p), "Til|Jens\xE2\x80\x91Ole");
	p = brk("Til Jens-Ole", 45, hyph);
	assert_string_equal(show(&p), "Til Jens-|Ole");
}

static void a_lone_short_last_word_takes_a_companion(void **state)
{
	(void)state;
	/* greedy would leave "dd" alone on the last line */
	text_para p = brk("aaaa bbbb cccc dd", 70, NULL);
	assert_string_equal(show(&p), "aaaa bbbb|cccc dd");
	check_geometry(&p, 70);
	p = brk("aaaa bbbb cccc ddd", 70, NULL);
	assert_string_equal(show(&p), "aaaa bbbb|cccc ddd");
	/* a word of four characters may stand alone */
	p = brk("aaaa bbbb cccc dddd", 70, NULL);
	assert_string_equal(show(&p), "aaaa bbbb cccc|dddd");
	/* not when the previous line would be left empty */
	p = brk("aaaaaaaaaaaaaa os", 70, NULL);
	assert_string_equal(show(&p), "aaaaaaaaaaaaaa|os");
	/* not across a forced break */
	p = brk("aaaa bbbb\nos", 70, NULL);
	assert_string_equal(show(&p), "aaaa bbbb|os");
	/* not when the moved word would not fit */
	p = brk("a bbbbbbbbbbbb os", 70, NULL);
	assert_string_equal(show(&p), "a bbbbbbbbbbbb|os");
	/* not when the last line is the end of a broken word */
	p = brk("aaaa bbbb APV-plan", 70, NULL);
	assert_string_equal(show(&p), "aaaa bbbb APV-|plan");
	p = brk("aaaa bbbbbbbbbbbbbbbb", 70, NULL);
	assert_string_equal(show(&p), "aaaa|bbbbbbbbbbbbbb|bb");
}

static void styles_make_fragments_and_same_style_text_merges(void **state)
{
	(void)state;
	text_span sp[] = {
		{ FONT_REGULAR, "Mødet ", 7, false },
		{ FONT_BOLD, "skal", 4, false },
		{ FONT_REGULAR, " holdes", 7, false },
		{ FONT_ITALIC, " før", 5, false },
		{ FONT_ITALIC, "st", 2, false },
		{ FONT_REGULAR, "e gang i år.", 13, false },
	};
	text_para p;
	assert_int_equal(text_break(ar, &text_fake_measurer, NULL, sp, 6, 10.0f, 200.0f, &p), 0);
	/* a space takes the style of the span it is in */
	assert_string_equal(show(&p), "Mødet /skal/ holdes/ først/e gang i år.");
	assert_int_equal(p.lines[0].frags[1].style, FONT_BOLD);
	assert_int_equal(p.lines[0].frags[3].style, FONT_ITALIC);
	assert_float_equal(p.lines[0].frags[1].x, 30.0f, 1e-3);
	check_geometry(&p, 200);
	/* a word across styles breaks as one word */
	assert_int_equal(text_break(ar, &text_fake_measurer, NULL, sp, 6, 10.0f, 50.0f, &p), 0);
	assert_string_equal(show(&p), "Mødet /skal|holdes|først/e|gang i år.");
}

/* Every non-space character of the input comes out, in order. */
static void check_all_characters_kept(const char *in, const text_para *p)
{
	static char a[4096], b[4096];
	size_t na = 0, nb = 0;
	for (const char *s = in; *s; s++)
		if (*s != ' ' && *s != '\n')
			a[na++] = *s;
	for (size_t i = 0; i < p->n; i++)
		for (size_t j = 0; j < p->lines[i].n; j++)
			for (const char *s = p->lines[i].frags[j].utf8; *s; s++)
				if (*s != ' ')
					b[nb++] = *s;
	a[na] = b[nb] = '\0';
	/* added hyphens are the only extra characters: drop those at line ends */
	size_t k = 0, o = 0;
	for (; k < nb; k++) {
		if (b[k] == '-' && (o >= na || a[o] != '-'))
			continue;
		b[o++] = b[k];
	}
	b[o] = '\0';
	assert_string_equal(a, b);
}

static void nothing_is_lost_across_many_widths(void **state)
{
	(void)state;
	const char *in = "Arbejdsmiljøorganisationen drøfter kompetenceudviklingsplan, "
	                 "APV-handleplan og sygefravær\nmed Łukasz Wiśniewski og Ævar Þórsson – "
	                 "ved den årlige arbejdsmiljødrøftelse i 2024.";
	for (float w = 5; w <= 400; w += 5) {
		text_para p = brk(in, w, hyph);
		check_geometry(&p, w);
		check_all_characters_kept(in, &p);
		for (size_t i = 0; i < p.n; i++)
			assert_true(p.lines[i].width <= w + 1e-3);
	}
}

/* A measurer of uneven widths that sums units (text.h): each character's
 * advance depends on its last byte and the style, and is carried by that
 * byte, so that inside a character the running sum is the sum before it. */
static long uneven_units(void *ctx, font_style st, const char *s, size_t len, int32_t *prefix)
{
	(void)ctx;
	long sum = 0;
	if (prefix)
		prefix[0] = 0;
	for (size_t i = 0; i < len; i++) {
		bool last = i + 1 == len || ((unsigned char)s[i + 1] & 0xC0) != 0x80;
		sum += last ? 200 + ((unsigned char)s[i] * 37 + (int)st * 101) % 600 : 0;
		if (prefix)
			prefix[i + 1] = (int32_t)sum;
	}
	return sum;
}

static float uneven_width(void *ctx, font_style st, float size, const char *s, size_t len)
{
	return text_units_width(uneven_units(ctx, st, s, len, NULL), size);
}

/* With a measurer that sums units the breaker measures pieces from sums;
 * without, piece by piece: the paragraphs must be the same to the bit. */
static void summed_widths_break_as_measured_ones(void **state)
{
	(void)state;
	const text_measurer summed = { uneven_width, NULL, 0.8f, 0.2f, uneven_units };
	const text_measurer plain = { uneven_width, NULL, 0.8f, 0.2f, NULL };
	text_span sp[] = {
		{ FONT_REGULAR, "Arbejdsmiljøorganisationen drøfter kompetence", 0, false },
		{ FONT_BOLD, "udviklingsplanen", 0, false },
		{ FONT_REGULAR, " og sygefra\xC2\xADværet, se https://amokit.dk/vejledning/2026 – ", 0, false },
		{ FONT_ITALIC, "Łukasz Wiśniewski", 0, true },
		{ FONT_BOLDITALIC, " arbejdsmiljødrøftelsen\nAPV-handleplanen 48 timer", 0, false },
	};
	for (size_t i = 0; i < sizeof sp / sizeof *sp; i++)
		sp[i].len = strlen(sp[i].utf8);
	for (float w = 10; w <= 400; w += 3) {
		text_para a, b;
		assert_int_equal(text_break(ar, &summed, hyph, sp, 5, 10.0f, w, &a), 0);
		assert_int_equal(text_break(ar, &plain, hyph, sp, 5, 10.0f, w, &b), 0);
		assert_int_equal(a.n, b.n);
		for (size_t i = 0; i < a.n; i++) {
			const text_line *la = &a.lines[i], *lb = &b.lines[i];
			assert_int_equal(la->n, lb->n);
			assert_true(la->width == lb->width);
			assert_int_equal(la->open_end, lb->open_end);
			assert_int_equal(la->hyphen_added, lb->hyphen_added);
			for (size_t k = 0; k < la->n; k++) {
				assert_int_equal(la->frags[k].style, lb->frags[k].style);
				assert_string_equal(la->frags[k].utf8, lb->frags[k].utf8);
				assert_true(la->frags[k].x == lb->frags[k].x);
				assert_true(la->frags[k].width == lb->frags[k].width);
			}
		}
	}
}

/* Breaks spans with the layouts' kind of joints and names. */
static text_para brk_joints(const char *s, float width, bool keep, const text_joints *j)
{
	text_para p;
	text_span sp = { FONT_REGULAR, s, strlen(s), keep };
	assert_int_equal(text_break_joints(ar, &text_fake_measurer, hyph, j, &sp, 1, 10.0f, width, &p), 0);
	return p;
}

static void compound_joints_are_preferred_and_guarded(void **state)
{
	(void)state;
	text_joints *j = text_joints_parse(ar, "arbejds=miljø miljø=organisation alene=arbejde x=y bad=e1 ");
	assert_non_null(j);
	/* the patterns have no break at miljø|organisation; the joint adds it
	 * and is taken although "arbejdsmiljøorganisa-" would fit */
	text_para p = brk_joints("arbejdsmiljøorganisationen", 105, false, j);
	assert_string_equal(show(&p), "arbejdsmiljø-|organisationen");
	check_geometry(&p, 105);
	/* ale-nearbejde: no break within 2 letters of the joint */
	p = brk_joints("Alenearbejdet", 40, false, j);
	assert_string_equal(show(&p), "Alene-|arbejdet");
	p = brk_joints("Alenearbejdet", 25, false, j);
	assert_string_equal(show(&p), "Alene|arbej|det");   /* between characters, never ale- */
	/* a kept span is never hyphenated, its explicit hyphens still break */
	p = brk_joints("Vester-gaardsen Vestergaardsen", 60, true, j);
	assert_string_equal(show(&p), "Vester-|gaardsen|Vestergaards|en");
}

static void names_from_the_workplace_are_never_hyphenated(void **state)
{
	(void)state;
	text_joints *j = text_joints_parse(ar, "");
	assert_non_null(j);
	text_para p = brk_joints("drøftelsen med Vestergaard", 55, false, j);
	assert_string_equal(show(&p), "drøftelsen|med Vester-|gaard");
	assert_int_equal(text_joints_add_names(ar, j, "Karen Mølgaard Vestergaard, Zsófia Szőke"), 0);
	p = brk_joints("drøftelsen med Vestergaard", 55, false, j);
	assert_string_equal(show(&p), "drøftelsen|med|Vestergaard");
	p = brk_joints("drøftelsen med Vestergaard.", 60, false, j);   /* punctuation around it */
	assert_string_equal(show(&p), "drøftelsen|med|Vestergaard.");
}

static void urls_break_after_slashes_without_hyphens(void **state)
{
	(void)state;
	text_para p = brk_joints("Se https://at.dk/regler/arbejdsmiljoe nu", 100, false, NULL);
	assert_string_equal(show(&p), "Se https://at.dk/|regler/arbejdsmiljoe|nu");
	assert_true(p.lines[0].open_end);
	assert_false(p.lines[1].open_end);
	p = brk_joints("skriv til arbejdsmiljoe@firma.dk", 80, false, NULL);
	assert_string_equal(show(&p), "skriv til|arbejdsmiljoe|@firma.dk");
}

static void numbers_keep_their_units_and_hyphens_need_three_letters(void **state)
{
	(void)state;
	/* "inden for 48 timer": the break falls before 48, not after it */
	text_para p = brk("debriefing inden 48 timer.", 90, NULL);
	assert_string_equal(show(&p), "debriefing inden|48 timer.");
	p = brk("mødet kl. 13.00 i kantinen", 50, NULL);
	assert_string_equal(show(&p), "mødet|kl. 13.00|i kantinen");
	p = brk("under 6 % af tiden", 40, NULL);
	assert_string_equal(show(&p), "under|6 % af|tiden");
	/* a number before a word that is no unit may part from it */
	p = brk("de 12 boliger", 35, NULL);
	assert_string_equal(show(&p), "de 12|boliger");
	/* e-mail is no break point (1 letter before the hyphen), lokal-MED is */
	p = brk("via e-mailen", 40, NULL);
	assert_string_equal(show(&p), "via|e-mailen");
	p = brk("vores lokal-MED", 60, NULL);
	assert_string_equal(show(&p), "vores lokal-|MED");
}

static void out_of_memory_is_reported(void **state)
{
	(void)state;
	text_span sp = { FONT_REGULAR, "arbejdsmiljøorganisationen mødes hver måned", 44, false };
	int failures = 0;
	for (long n = 0; n < 400; n++) {
		arena *a = arena_new();
		assert_non_null(a);
		arena_fail_after(n);
		text_para p;
		int rc = text_break(a, &text_fake_measurer, hyph, &sp, 1, 10.0f, 40.0f, &p);
		arena_fail_after(-1);
		assert_true(rc == 0 || rc == -1);
		failures += rc == -1;
		arena_free(a);
		if (rc == 0)
			break;
	}
	assert_true(failures > 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(danish_compounds_break_at_syllables),
		cmocka_unit_test(other_languages_hyphenate_in_their_encodings),
		cmocka_unit_test(hyphenation_handles_case_punctuation_and_limits),
		cmocka_unit_test(patterns_load_from_any_file),
		cmocka_unit_test(hyphenation_asked_again_gives_the_same_breaks),
		cmocka_unit_test(short_text_is_one_line_with_spaces_collapsed),
		cmocka_unit_test(lines_break_greedily_at_spaces),
		cmocka_unit_test(newlines_force_breaks),
		cmocka_unit_test(explicit_hyphens_are_break_points),
		cmocka_unit_test(long_words_are_hyphenated_at_the_last_point_that_fits),
		cmocka_unit_test(a_word_wider_than_the_line_is_broken_between_characters),
		cmocka_unit_test(soft_hyphens_break_with_a_hyphen_or_vanish),
		cmocka_unit_test(no_break_hyphens_and_spaces_hold),
		cmocka_unit_test(a_lone_short_last_word_takes_a_companion),
		cmocka_unit_test(styles_make_fragments_and_same_style_text_merges),
		cmocka_unit_test(nothing_is_lost_across_many_widths),
		cmocka_unit_test(summed_widths_break_as_measured_ones),
		cmocka_unit_test(out_of_memory_is_reported),
		cmocka_unit_test(compound_joints_are_preferred_and_guarded),
		cmocka_unit_test(names_from_the_workplace_are_never_hyphenated),
		cmocka_unit_test(urls_break_after_slashes_without_hyphens),
		cmocka_unit_test(numbers_keep_their_units_and_hyphens_need_three_letters),
	};
	int rc = open_dict(NULL) || new_arena(NULL);
	if (rc)
		return 1;
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	free_arena(NULL);
	close_dict(NULL);
	return rc;
}
