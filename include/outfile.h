/* outfile.h: writing a text file whole, so that it is there entirely or
 * not at all.
 *
 * The editing commands (new, next-year, import) write workplace files that
 * people have typed into: a write that fails half-way must never leave a
 * half file in place of theirs. The bytes go to a temporary file beside
 * the target, which is flushed to disk and renamed over it. "-" is
 * standard output. */
#ifndef AMOKIT_OUTFILE_H
#define AMOKIT_OUTFILE_H

#include <stdbool.h>
#include <stddef.h>
#include "diag.h"

/* Writes buf[0..len) to path ("-": standard output). With keep true an
 * existing file is not replaced (AM_EUSAGE, "findes allerede"). AM_OK, or
 * AM_EUSAGE with the reason in d; the target is untouched on failure. */
int outfile_write(const char *path, const char *buf, size_t len, bool keep, diag *d);

#endif
