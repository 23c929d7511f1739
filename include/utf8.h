/* utf8.h: UTF-8, decoded and encoded in one place (and UTF-16 code units).
 *
 * Well-formed means RFC 3629: shortest form only, no surrogates, nothing
 * beyond U+10FFFF. Every reader of bytes in amokit (the XML prescan, the
 * CSV sniffing, text measuring, the PDF writer, messages) decodes here. */
#ifndef AMOKIT_UTF8_H
#define AMOKIT_UTF8_H

#include <stddef.h>

/* Decodes one code point at s (len bytes available): stores it in *cp and
 * returns its length (1 to 4), or 0 when the bytes there are not
 * well-formed UTF-8 (or len is 0); *cp is then unchanged. */
size_t utf8_decode(const char *s, size_t len, unsigned *cp);

/* Writes cp (at most U+10FFFF, not a surrogate) as UTF-8 into out, which
 * holds at least 4 bytes; returns the number written (1 to 4). No NUL. */
size_t utf8_encode(unsigned cp, char *out);

/* The UTF-16 code units of cp (at most U+10FFFF) into units; returns how
 * many (1, or 2 for a surrogate pair). Inline, as utf16_next: the PDF
 * writer calls them for every character of its strings. */
static inline int utf16_units(unsigned cp, unsigned units[2])
{
	if (cp < 0x10000) {
		units[0] = cp;
		return 1;
	}
	unsigned v = cp - 0x10000;
	units[0] = 0xD800 | v >> 10;
	units[1] = 0xDC00 | (v & 0x3FF);
	return 2;
}

/* The UTF-16 code units of the code point at s + *i (len bytes in all)
 * into units, *i moved past it; a byte that begins no well-formed UTF-8
 * is U+FFFD, one byte long. Returns the count of units (1 or 2). */
static inline int utf16_next(const char *s, size_t len, size_t *i, unsigned units[2])
{
	unsigned cp = 0xFFFD;
	size_t step = utf8_decode(s + *i, len - *i, &cp);
	*i += step ? step : 1;
	return utf16_units(cp, units);
}

#endif
