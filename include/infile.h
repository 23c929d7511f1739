/* infile.h: reading one input file whole, with a size cap.
 *
 * Workplace files and spreadsheets are read the same way: only a regular
 * file (never a directory, device or FIFO, which could block or never end)
 * or standard input when the path is "-", at most a given number of bytes,
 * into memory owned by an arena. */
#ifndef AMOKIT_INFILE_H
#define AMOKIT_INFILE_H

#include <stddef.h>
#include "arena.h"
#include "diag.h"

/* The name messages use for path: "stdin" for "-", else path itself. */
const char *infile_name(const char *path);

/* Reads path ("-": standard input) into *buf (allocated in a, with a NUL
 * after the last byte) and *len. Returns AM_OK; AM_EUSAGE when it cannot
 * be read (missing, not a regular file, no permission); AM_EINPUT when it
 * holds more than max_bytes; AM_EINTERNAL when out of memory. The reason
 * is added to d as `FILE: what is wrong`. */
int infile_read(arena *a, const char *path, size_t max_bytes, char **buf, size_t *len, diag *d);

/* read(2)s from fd into p until n bytes are there or the file ends, again
 * after EINTR. Returns the number read (less than n only at end of file),
 * or -1 with errno set. */
long infile_read_fd(int fd, void *p, size_t n);

#endif
