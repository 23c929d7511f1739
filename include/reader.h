/* reader.h: the safe workplace reader: XML file → validated am_workplace.
 *
 * The file is read with a size cap and parsed from memory with libxml2, with
 * no network, no DTD of any kind (a DOCTYPE is refused before its subset is
 * read), no entities, no XInclude and a nesting limit. It is validated against
 * the schema compiled into the binary, then checked for what the schema cannot
 * express (real dates, references, duplicate ids, ...). Errors become diag
 * records `FILE:LINE: message`. Safe to call from several threads at once. */
#ifndef AMOKIT_READER_H
#define AMOKIT_READER_H

#include <stdbool.h>
#include <stddef.h>
#include "arena.h"
#include "diag.h"
#include "model.h"

#define READER_DEFAULT_MAX_BYTES ((size_t)1 << 20)  /* 1 MiB */
#define READER_MAX_DEPTH 256
#define READER_MIN_YEAR 1990
#define READER_MAX_YEAR 2100

/* Sets the size cap for files read by reader_load (process-wide; call before
 * starting threads). 0 restores the default. */
void reader_set_max_bytes(size_t max);
size_t reader_max_bytes(void);

/* Reads and validates the workplace file at path. On success stores the
 * model (allocated in a, which owns every byte of it) in *out and returns
 * AM_OK. Otherwise returns AM_EINPUT (the file was rejected), AM_EUSAGE (it
 * cannot be read: missing, a directory, a device, no permission) or
 * AM_EINTERNAL (out of memory), with the reasons added to d; *out is NULL. */
int reader_load(arena *a, const char *path, am_workplace **out, diag *d);

/* The same for a buffer of len bytes already in memory; name is used in
 * messages and as am_workplace.file, and relative logo paths are resolved
 * against its directory. The size cap does not apply. */
int reader_load_mem(arena *a, const char *name, const char *buf, size_t len,
                    am_workplace **out, diag *d);

/* Frees the compiled schema, to give its memory to what follows once the
 * files are read (render); a later read compiles it again. */
void reader_forget_schema(void);

/* Frees the cached compiled schema and libxml2's global state (optional,
 * at exit, when no other thread is reading). */
void reader_cleanup(void);

/* libxml2 2.9 does not survive every failed allocation of its own (it can
 * crash inside schema validation): with this, each of its allocations that
 * fails calls on_oom instead, which must not return (the command line ends
 * the process: "out of memory", exit 3). Call before libxml2 is used. */
void reader_use_checked_memory(void (*on_oom)(void));

/* Initialises libxml2 once, before two threads use it. */
void reader_init_threads(void);

#endif
