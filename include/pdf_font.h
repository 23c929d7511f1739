/* pdf_font.h: one face of the family as a PDF Type0 font in one document.
 *
 * Text is shown in codes of one byte where it can: an ASCII character is
 * its own code, each other character gets the next free code from 0x80 to
 * 0xEF as it is first shown in the document, and once those are taken a
 * two-byte code from 0xF000 (more than a face has glyphs). Each code is
 * its own CID, through an embedded CMap (Identity-H has two bytes for
 * every character) that all faces of a document share; a CIDToGIDMap
 * stream maps each CID to its glyph in the embedded subset, /W gives its
 * width and the ToUnicode map its character. Two bytes a character were
 * a tenth of a page's compressed content.
 *
 * A character the face has no glyph for (or beyond the BMP) is shown as
 * the replacement mark, code 0x1A (the control character
 * SUBSTITUTE, which no text contains; ToUnicode maps it to U+FFFD): the
 * face's U+FFFD glyph, else a copy of its .notdef box. The renderer wraps
 * it in /ActualText so that text extraction still gives the original
 * character. Widths are font.c's, the numbers layout measured with. */
#ifndef AMOKIT_PDF_FONT_H
#define AMOKIT_PDF_FONT_H

#include <stdbool.h>

#include "font.h"
#include "pdf.h"

#define PDF_FONT_REPLACEMENT 0x1Au

typedef struct pdf_font pdf_font;

/* A face of fam for one document, nothing used yet; NULL when out of
 * memory. */
pdf_font *pdf_font_new(const font_family *fam, font_style style);
void pdf_font_free(pdf_font *f);

/* The code that shows cp, marked as used (one byte below 0x100, else
 * two: pdf_put_short_code), or PDF_FONT_REPLACEMENT when the face cannot
 * show it (*missing set). */
unsigned pdf_font_code(pdf_font *f, unsigned cp, bool *missing);
/* The length of utf8's longest prefix of ASCII characters f has shown
 * already: each is its own code, and pdf_font_code would change nothing. */
size_t pdf_font_shown_ascii(const pdf_font *f, const char *utf8, size_t len);

/* Writes the font as object num (reserved by the caller) with its
 * encoding, descendant CIDFont, descriptor, embedded subset, widths,
 * ToUnicode and CIDToGIDMap; with pdfa, also the CIDSet PDF/A-1 asks of a
 * subset. *encoding is the document's encoding CMap: 0 before its first
 * font, which reserves and writes it, its object after.
 * Returns 0, -1 when the face's file cannot be cut (not a TrueType font
 * this can read), -2 when out of memory. */
int pdf_font_write(pdf_font *f, pdf *w, unsigned num, bool pdfa, unsigned *encoding);

#endif
