/* pdf_font.h: one face of the family as a PDF Type0 font in one document.
 *
 * Text is shown with Identity-H: every character is a two-byte code, and
 * the code is the character's Unicode code point (the Basic Multilingual
 * Plane; CID = code point). So a content stream's strings are the text in
 * UTF-16BE, written without any state shared between pages, and the
 * ToUnicode map is the identity, a line per block of 256 code points used.
 * A CIDToGIDMap stream maps each code to its glyph in the embedded subset.
 *
 * A character the face has no glyph for (or beyond the BMP) is shown as
 * the replacement mark, code U+001A (the control character SUBSTITUTE,
 * which no text contains; ToUnicode maps it to U+FFFD): the face's U+FFFD
 * glyph, else a copy of its .notdef box. The renderer wraps it in /ActualText so that text
 * extraction still gives the original character. Widths are font.c's, the
 * numbers layout measured with. */
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

/* The code that shows cp, marked as used: cp itself, or
 * PDF_FONT_REPLACEMENT when the face cannot show it (*missing set). */
unsigned pdf_font_code(pdf_font *f, unsigned cp, bool *missing);

/* Writes the font as object num (reserved by the caller) with its
 * descendant CIDFont, descriptor, embedded subset, widths, ToUnicode and
 * CIDToGIDMap; with pdfa, also the CIDSet PDF/A-1 asks of a subset.
 * Returns 0, -1 when the face's file cannot be cut (not a TrueType font
 * this can read), -2 when out of memory. */
int pdf_font_write(pdf_font *f, pdf *w, unsigned num, bool pdfa);

#endif
