/* text.h: Danish typesetting of paragraphs: line breaking and hyphenation.
 *
 * Text is measured through a callback (text_measurer), never a font library,
 * so tests can use a fixed-width fake. Lines are broken greedily at spaces
 * and explicit hyphens; a word that does not fit is hyphenated with libhyphen
 * and the Danish patterns (hyphen-da); a word wider than the whole line is
 * broken between characters (no hyphen drawn there but a continuation is
 * never silent: every character of the input is in the output). Ragged
 * right; the last line never holds a lone short word when it can be avoided
 * (no widow words of < 4 characters if the previous line can give one up).
 * U+00AD SOFT HYPHEN is a break point where a hyphen is drawn, and is
 * otherwise left out of the lines; a word that has one breaks only at its
 * soft hyphens (and explicit hyphens), never at the patterns' points. Only
 * ASCII white space separates words: U+00A0 and U+202F (no-break spaces)
 * and U+2011 (non-breaking hyphen) hold their neighbours together. */
#ifndef AMOKIT_TEXT_H
#define AMOKIT_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "arena.h"
#include "draw.h"

/* Width in points of utf8[0..len) at size in style. */
typedef float (*text_measure_fn)(void *ctx, font_style style, float size,
                                 const char *utf8, size_t len);

/* The advance of utf8[0..len) in style, in 1/1000 em, for a measurer whose
 * widths add up character by character (no kerning) and whose advances
 * are at most 32768 units either way. When prefix is not NULL it also
 * receives the running sums, len + 1 of them, in the same one pass:
 * prefix[k] is the advance of utf8[0..k) at each character boundary k, and
 * inside a character the sum before it. They fit int32_t because the
 * caller keeps len below TEXT_UNITS_MAX_LEN then. */
#define TEXT_UNITS_MAX_LEN 65536
typedef long (*text_units_fn)(void *ctx, font_style style, const char *utf8, size_t len,
                              int32_t *prefix);

typedef struct text_measurer {
	text_measure_fn fn;
	void *ctx;
	float ascent, descent;   /* per 1 pt of size: ascent > 0, descent > 0 (below baseline) */
	/* Optional (NULL): when given, fn(..., size, s, n) is exactly
	 * text_units_width(units(..., s, n, NULL), size), so that a caller who
	 * measures the same text, or pieces of it, at many sizes may sum units
	 * once: the width of s[a..b) is then text_units_width(prefix[b] -
	 * prefix[a], size) at character boundaries a and b. */
	text_units_fn units;
} text_measurer;

/* The width in points of `units` 1/1000 em at size, as fn computes it. */
static inline float text_units_width(long units, float size)
{
	return (float)units * size / 1000.0f;
}

/* A fixed-width measurer for tests: every code point is 0.5 em wide. */
extern const text_measurer text_fake_measurer;

/* Hyphenation dictionary (libhyphen). */
typedef struct text_hyph text_hyph;
/* Opens a hyphen dictionary (e.g. /usr/share/hyphen/hyph_da_DK.dic).
 * Returns NULL when the file cannot be read. Its patterns load when a word
 * is first hyphenated, once, whichever thread asks; a file that does not
 * load then means no hyphenation. */
text_hyph *text_hyph_open(const char *path);
/* Loads h's patterns now, in the calling thread, unless they are loaded
 * (h may be NULL): for a thread that has time while others are busy. */
void text_hyph_load(text_hyph *h);
void text_hyph_close(text_hyph *h);
/* Writes the allowed break positions of a word into breaks (byte offsets
 * after which a hyphen may be inserted, ascending); returns their count,
 * at most max. The word is UTF-8 without spaces. Each run of letters is
 * hyphenated on its own, with at least 3 letters before and 3 after a
 * break, and never between two vowels (po-inter, udadre-agerende). */
size_t text_hyphenate(text_hyph *h, const char *word, size_t len, size_t *breaks, size_t max);

/* Compound joints a typesetter knows and the patterns do not: a list of
 * words, lower case, with '=' at each joint ("arbejds=miljø=organisation
 * alene=arbejde"). A word that contains a listed word breaks preferably at
 * its joints, and never within 2 letters of one (ale-nearbejde). */
typedef struct text_joints text_joints;
/* Parses list (UTF-8, entries separated by white space) into a's memory.
 * Returns NULL when out of memory; an empty list gives an empty set. */
text_joints *text_joints_parse(arena *a, const char *list);
/* Adds the words of text (split at spaces, hyphens and punctuation) that
 * start with a capital and have at least 3 letters as names: a word that
 * holds one is never hyphenated, wherever it stands. text must stay valid
 * as long as j. Returns 0, or -1 when out of memory. */
int text_joints_add_names(arena *a, text_joints *j, const char *text);
/* Gives j the names of from, for another language's joints for the same
 * workplace: from gets no more names while j is in use, and j none of its
 * own. */
void text_joints_share_names(text_joints *j, const text_joints *from);

/* One input span of a paragraph in one style. keep: its words are never
 * hyphenated (names, addresses, headings, header cells); they may still
 * break at an explicit hyphen. */
typedef struct text_span {
	font_style style;
	const char *utf8;
	size_t len;
	bool keep;
} text_span;

/* One placed piece of a line: a run of one style at offset x from the line's
 * left edge. utf8 is NUL-terminated (in the arena) and includes an added
 * hyphen when the line ends in a hyphenation break. */
typedef struct text_frag {
	font_style style;
	const char *utf8;
	float x, width;
} text_frag;

typedef struct text_line {
	text_frag *frags;
	size_t n;
	float width;             /* natural width of the whole line */
	bool open_end;           /* it ends inside a word (hyphenated, or a URL broken
	                          * after a '/'): the word goes on at the next line */
	bool hyphen_added;       /* its last fragment ends in a hyphen the break added
	                          * (not one the text has) */
} text_line;

typedef struct text_para {
	text_line *lines;
	size_t n;
} text_para;

/* Breaks the spans into lines no wider than width at size. Spaces are
 * collapsed; "\n" in a span forces a line break. h may be NULL (no
 * hyphenation). Returns 0, or -1 when out of memory.
 *
 * Where words may break: at spaces, except between a number and its unit
 * ("48 timer", "6 %") or after "kl.", "nr." and "§" before a number; at
 * explicit hyphens with at least 3 letters either side; at hyphenation
 * points (text_hyphenate) preferring compound joints; a URL or an e-mail
 * address is never hyphenated, it breaks after a '/' or before a '.', '?',
 * '&' or '#' without a hyphen drawn. */
int text_break(arena *a, const text_measurer *m, text_hyph *h,
               const text_span *spans, size_t n_spans,
               float size, float width, text_para *out);
/* text_break with the compound joints j (may be NULL). */
int text_break_joints(arena *a, const text_measurer *m, text_hyph *h, const text_joints *j,
                      const text_span *spans, size_t n_spans,
                      float size, float width, text_para *out);

#endif
