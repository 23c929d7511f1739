/* coverage.c: the characters a workplace uses that the fonts lack; see
 * coverage.h. The reader notes each character above U+007F at its first
 * use (am_workplace.chars), so this is one lookup per distinct character. */
#include "coverage.h"

#include <stdio.h>
#include <string.h>

#include "utf8.h"

#define NAMED_MAX 5   /* characters named in one warning; the rest are counted */

bool coverage_has(const font_family *f, unsigned cp)
{
	for (int s = 0; s < FONT_STYLES; s++)
		if (font_advance(f, (font_style)s, cp) < 0)
			return false;
	return true;
}

/* One warning for the missing characters first used in the element at
 * chars[from], which share its line and element; returns the index after
 * them. */
static size_t warn_element(const font_family *f, const am_workplace *wp, size_t from, diag *d)
{
	const am_char *first = &wp->chars[from];
	char list[256] = "";
	size_t len = 0, named = 0, more = 0, i = from;
	for (; i < wp->n_chars && wp->chars[i].line == first->line &&
	       strcmp(wp->chars[i].element, first->element) == 0; i++) {
		unsigned cp = wp->chars[i].cp;
		if (coverage_has(f, cp))
			continue;
		if (named == NAMED_MAX) {
			more++;
			continue;
		}
		char u[5];
		u[utf8_encode(cp, u)] = '\0';
		len += (size_t)snprintf(list + len, sizeof list - len, "%s'%s' (U+%04X)", named ? ", " : "", u, cp);
		named++;
	}
	if (named == 0)
		return i;
	if (named == 1)
		diag_warning(d, wp->file, first->line, "<%s>: tegnet %s findes ikke i skrifttypen Amokit Sans "
		             "og skrives ud som et erstatningstegn", first->element, list);
	else if (more == 0)
		diag_warning(d, wp->file, first->line, "<%s>: tegnene %s findes ikke i skrifttypen Amokit Sans "
		             "og skrives ud som erstatningstegn", first->element, list);
	else
		diag_warning(d, wp->file, first->line, "<%s>: tegnene %s og %zu andre findes ikke i skrifttypen "
		             "Amokit Sans og skrives ud som erstatningstegn", first->element, list, more);
	return i;
}

int coverage_warn(const font_family *f, const am_workplace *wp, diag *d)
{
	int before = d->warnings;
	for (size_t i = 0; i < wp->n_chars;)
		i = warn_element(f, wp, i, d);
	return d->warnings - before;
}
