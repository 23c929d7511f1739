/* ttf.h: reading TrueType font files, and cutting them to the glyphs used.
 *
 * font.c reads the metrics layout measures with; the PDF font writer
 * (pdf_font.c) reads what a font descriptor says and embeds each face cut
 * to the glyphs a document used. Both read through these bounds-checked
 * readers: a read outside the file gives 0 and clears `ok`, which callers
 * check once, so a damaged file is an error message, never a crash. */
#ifndef AMOKIT_TTF_H
#define AMOKIT_TTF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "bytes.h"

typedef struct ttf {
	const unsigned char *p;
	size_t len;
	bool ok;
} ttf;

static inline unsigned ttf_u16(ttf *f, size_t off)
{
	if (off > f->len || f->len - off < 2) {
		f->ok = false;
		return 0;
	}
	return bytes_get16(f->p + off);
}

static inline uint32_t ttf_u32(ttf *f, size_t off)
{
	return (uint32_t)ttf_u16(f, off) << 16 | ttf_u16(f, off + 2);
}

typedef struct ttf_span {
	size_t off, len;
} ttf_span;

/* The table with tag ("head", "OS/2", ...); {0, 0} when there is none.
 * A table that reaches beyond the file clears ok. */
ttf_span ttf_table(ttf *f, const char *tag);

/* What a PDF font descriptor says about a face, in font units. */
typedef struct ttf_info {
	unsigned units_per_em;
	int bbox[4];              /* xMin, yMin, xMax, yMax (head) */
	int ascent, descent;      /* hhea */
	int cap_height, x_height; /* OS/2; 0 when its version lacks them */
	unsigned weight;          /* OS/2 usWeightClass */
	double italic_angle;      /* degrees (post) */
	char ps_name[64];         /* PostScript name (name ID 6), or "" */
} ttf_info;

/* Reads info from the font file data (len bytes). Returns false when it
 * is not a TrueType font with the tables needed. */
bool ttf_read_info(const unsigned char *data, size_t len, ttf_info *info);

/* Cuts the font file data down to glyph 0, the glyphs flagged in keep (one
 * flag per glyph of the file, n_glyphs of them) and, transitively, the
 * components of composite glyphs, renumbered densely in their original
 * order; with copy_notdef, glyph 0's outline once more as the last glyph
 * (a real glyph for a visible replacement mark). new_id (n_glyphs entries)
 * receives each kept glyph's number in the cut font, *copy_id the copy's.
 * The cut font has no cmap: a PDF CIDFont finds its glyphs by number.
 * Returns 0, -1 when the file is not a TrueType font this can cut, -2 when
 * out of memory. */
int ttf_subset(const unsigned char *data, size_t len, const bool *keep, unsigned n_glyphs,
               bool copy_notdef, bytes *out, uint16_t *new_id, unsigned *copy_id);

#endif
