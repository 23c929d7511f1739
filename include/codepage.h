/* codepage.h: which single-byte encodings can print which characters.
 *
 * libharu 2.3.0's UTF-8 mode writes an invalid ToUnicode map and is slow, so
 * amokit prints with single-byte encodings and switches encoding per run of
 * text: CP1252 for Danish and western European text, and other Windows and
 * ISO code pages for the rest of Europe's Latin letters. This module maps
 * Unicode to those encodings; it knows nothing of PDF or libharu (the
 * renderer passes cp_name() to libharu). */
#ifndef AMOKIT_CODEPAGE_H
#define AMOKIT_CODEPAGE_H

#include <stddef.h>

typedef enum codepage {
	CP_1252,       /* western European (Danish); always tried first */
	CP_1250,       /* central European: Polish, Czech, Hungarian, Romanian (cedilla) */
	CP_1257,       /* Baltic: Lithuanian, Latvian */
	CP_1254,       /* Turkish */
	CP_8859_3,     /* Maltese, Esperanto */
	CP_8859_14,    /* Welsh */
	CP_8859_16,    /* Romanian with comma below */
	CP_COUNT
} codepage;

/* The encoding's name as libharu knows it ("CP1252", "ISO8859-16", ...). */
const char *cp_name(codepage c);
/* The byte for code point u in c, or 0 when c cannot print it. */
unsigned char cp_byte(codepage c, unsigned u);
/* True when some encoding prints u (and the fonts carry the glyph). */
int cp_printable(unsigned u);

/* Splits utf8[0..len) into runs of one encoding. For each run calls
 * emit(ctx, codepage, bytes, nbytes) with the encoded bytes. Returns 0, or
 * -1 when a character is not printable (its code point in *bad). */
int cp_encode(const char *utf8, size_t len,
              int (*emit)(void *ctx, codepage c, const char *bytes, size_t n),
              void *ctx, unsigned *bad);

#endif
