/* coverage.h: which characters of a workplace's texts the fonts cannot show.
 *
 * Nothing is refused for a character: one the fonts lack prints as a
 * visible replacement mark, and text extraction still gives the character
 * back. amokit check says so, as a warning at the line where the character
 * is first used (and check --strict refuses the file). What the fonts can
 * show is read from their own character maps (font.h), not from a list. */
#ifndef AMOKIT_COVERAGE_H
#define AMOKIT_COVERAGE_H

#include <stdbool.h>
#include "diag.h"
#include "font.h"
#include "model.h"

/* True when every style of f has a glyph for code point cp. */
bool coverage_has(const font_family *f, unsigned cp);

/* Adds a warning to d for each element whose text uses characters that f
 * lacks, naming them (at most a few, then how many more), at the line
 * where the first of them is used. Returns how many warnings it added. */
int coverage_warn(const font_family *f, const am_workplace *wp, diag *d);

#endif
