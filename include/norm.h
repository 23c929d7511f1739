/* norm.h: text as amokit keeps it: Unicode NFC, without invisible characters.
 *
 * Every text read from a workplace file or a layout goes through norm_text
 * once, when it is read, so that the rest of amokit sees one spelling of
 * each letter: a Mac's "a" + U+030A COMBINING RING ABOVE becomes "å", which
 * the font has, measures and prints as one glyph. The default-ignorable
 * characters (Unicode's Default_Ignorable_Code_Point: zero-width space,
 * word joiner, byte order mark, zero-width joiner and non-joiner, variation
 * selectors, bidi controls, ...) are dropped: they draw nothing, and the
 * scripts amokit prints (Latin, Greek, Cyrillic) need none of them to be
 * spelt right. U+00AD SOFT HYPHEN is kept: it marks where a word may break
 * (text.h). Normalisation and the character properties come from
 * libutf8proc. */
#ifndef AMOKIT_NORM_H
#define AMOKIT_NORM_H

#include <stdbool.h>
#include <stddef.h>
#include "arena.h"

/* Normalises the len bytes of UTF-8 at s. Returns s itself when nothing
 * changes (always for ASCII, and for precomposed text without invisible
 * characters, which is checked without normalising), otherwise a
 * NUL-terminated copy in a; *out_len receives the length either way. A
 * string that is not valid UTF-8 is returned as it is. NULL when out of
 * memory. */
const char *norm_text(arena *a, const char *s, size_t len, size_t *out_len);

/* True when norm_text drops code point cp. */
bool norm_drops(unsigned cp);

#endif
