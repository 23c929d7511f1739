/* font.h: the typeface family amokit prints with, and its metrics.
 *
 * Reads the four TrueType files of the family (regular, bold, italic, bold
 * italic) from a fonts directory, keeping only what measuring needs: advance
 * widths per code point in 1/1000 em (the renderer writes the same numbers
 * as the PDF's widths, so measurements match exactly), the glyph of each
 * code point, ascent and descent. The renderer embeds the same files. */
#ifndef AMOKIT_FONT_H
#define AMOKIT_FONT_H

#include "draw.h"
#include "diag.h"
#include "text.h"

typedef struct font_family font_family;

/* File names inside the fonts directory, indexed by font_style. */
extern const char *const font_files[FONT_STYLES];

/* Loads the family from dir. Returns NULL with a diag record on failure. */
font_family *font_load(const char *dir, diag *d);
void font_free(font_family *f);
/* Path of the file for style (valid while f lives). */
const char *font_path(const font_family *f, font_style style);
/* The bytes of the file for style, as read by font_load (valid while f
 * lives); *len is their count. The renderer embeds from them. */
const unsigned char *font_data(const font_family *f, font_style style, size_t *len);
/* Advance width of code point cp in 1/1000 em; -1 when the font lacks it. */
int font_advance(const font_family *f, font_style style, unsigned cp);
/* The glyph of cp in the face's file, 0 when it has none. */
unsigned font_glyph(const font_family *f, font_style style, unsigned cp);
/* Glyphs in the face's file. */
unsigned font_glyph_count(const font_family *f, font_style style);
/* The width of the replacement mark a character the face lacks prints as
 * (U+FFFD's glyph, else .notdef's), in 1/1000 em; text measures it so. */
int font_missing_width(const font_family *f, font_style style);
/* A measurer that measures with f (its ctx is f). */
text_measurer font_measurer(const font_family *f);

#endif
