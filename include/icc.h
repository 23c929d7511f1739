/* icc.h: the sRGB colour profile that PDF/A files name in their output
 * intent.
 *
 * amokit carries no profile of its own: it reads the standard one from
 * Debian's icc-profiles-free (/usr/share/color/icc/sRGB.icc, zlib licence,
 * ICC version 2 as PDF/A-1 requires) when a document needs it. The build
 * sets the path (make ICC_SRGB=...). */
#ifndef AMOKIT_ICC_H
#define AMOKIT_ICC_H

#include <stddef.h>
#include "arena.h"
#include "diag.h"

/* The profile file amokit was built to read. */
const char *icc_srgb_path(void);

/* Reads the profile at path (NULL: icc_srgb_path()) into a, after checking
 * that it is an ICC version 2 RGB profile of the display or output class
 * whose header gives its own size. Returns AM_OK with *profile and *len set;
 * AM_EUSAGE when the file is missing, unreadable or not such a profile;
 * AM_EINTERNAL when out of memory; with a diag record on failure. */
int icc_srgb(arena *a, const char *path, const unsigned char **profile, size_t *len, diag *d);

#endif
