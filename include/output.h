/* output.h: files published as a set, all at once or not at all.
 *
 * A set's files are written into a hidden staging folder beside their
 * target and appear only when every one of them is complete; a run that
 * fails or is interrupted leaves the files that were there before as they
 * were. A set has one of two shapes:
 *
 *   files into a folder   (render -o DIR, blank, ics -o FILE): each file
 *                         replaces its namesake in DIR, other files stay;
 *   a folder of its own   (batch: DIR/<name>/): the whole folder is
 *                         exchanged for the staged one in one rename, its
 *                         other regular files carried over.
 *
 * Runs publishing into one folder take turns (a lock on the folder), and a
 * run removes what killed runs left behind, or completes a publication a
 * kill cut short. A target is never written through: where a file is to go,
 * a symbolic link, device, FIFO, socket or directory refuses the set
 * (AM_EUSAGE) before anything is replaced.
 *
 * Functions return AM_OK or an AM_E* code with a diag record; they neither
 * print nor exit. output_on_signal is for a process ending on a signal. */
#ifndef AMOKIT_OUTPUT_H
#define AMOKIT_OUTPUT_H

#include <stdbool.h>
#include <stddef.h>
#include "diag.h"

typedef struct output_set output_set;

/* Begins a set of files for the existing directory dir; with folder
 * non-NULL, the set is the whole folder dir/folder (made, or exchanged,
 * on commit). On success *out must be ended with output_end. */
int output_begin(const char *dir, const char *folder, output_set **out, diag *d);
/* Writes the file called name (no '/', not hidden) into the set: n bytes
 * from p. Threads may add different files to one set at once. */
int output_add(output_set *s, const char *name, const void *p, size_t n, diag *d);

/* A file of a set written piece by piece (a PDF as its pages are drawn),
 * so that it is never held in memory whole. */
typedef struct output_stream output_stream;
/* Begins the file at path (as the user named it) in s, under its last
 * component; with s NULL, in a set of its own, published by
 * output_stream_end. Checks as output_add does. */
int output_stream_begin(output_set *s, const char *path, output_stream **f, diag *d);
/* Appends n bytes: AM_OK, or an AM_E* code with a diag record (the file is
 * then discarded when it ends). */
int output_stream_write(output_stream *f, const void *p, size_t n, diag *d);
/* Ends the file and frees f: with keep, the file stays in its set (and a
 * set of its own is published); else, or after a failed write, it is
 * removed. AM_OK or the first error. NULL is allowed. */
int output_stream_end(output_stream *f, bool keep, diag *d);
/* Publishes every file added. Nothing is replaced when it fails, except
 * after an I/O error in the middle of publishing into a folder (reported);
 * the next run into that folder then completes the set. */
int output_commit(output_set *s, diag *d);
/* Frees the set; its files are discarded unless it was committed. NULL is
 * allowed. */
void output_end(output_set *s);

/* A set that keeps nothing: for making documents only to see whether they
 * can be made (check). Not to be ended. */
output_set *output_discard(void);

/* Puts the file at path (as the user named it) into s: under its last
 * component; with s NULL, as a set of its own (output_file). */
int output_put(output_set *s, const char *path, const void *p, size_t n, diag *d);
/* Writes n bytes from p to path, a set of one file. */
int output_file(const char *path, const void *p, size_t n, diag *d);
/* AM_EUSAGE (said in d) when path, not "-", names something that exists:
 * a file a command does not replace unless told to (--force); else AM_OK. */
int output_refuse_existing(const char *path, diag *d);
/* Writes n bytes from p to path as output_file does, or to standard
 * output when path is "-". */
int output_file_or_stdout(const char *path, const void *p, size_t n, diag *d);
/* Removes what killed runs left in dir (staging folders no process holds),
 * completing a publication a kill cut short. */
int output_tidy(const char *dir, diag *d);

/* write(2)s all n bytes to fd, again after EINTR; 0, or -1 with errno. */
int output_write_fd(int fd, const void *p, size_t n);

/* For a process ending on a signal: discards what this process's sets
 * staged, or completes the publication of one under way. Only
 * async-signal-safe calls; sets may no longer be added to afterwards. */
void output_on_signal(void);

#endif
