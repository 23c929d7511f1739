/* batch.h: the kit for many workplaces at once, in parallel worker processes.
 *
 * A consultant serves hundreds of workplaces and prints them all before the
 * meeting season. batch_run turns every workplace file into DIR/<name>/<doc>.pdf,
 * where <name> is the file's base name without ".xml"; a folder given is
 * searched for *.xml with its subfolders, whose structure the output keeps
 * (DIR/<sub>/<name>/). Last year's file of each, when a folder of them is
 * given, comes along for the follow-up (kit.h). DIR/SHA256SUMS lists the
 * SHA-256 of every document under DIR afterwards (as sha256sum writes it). Worker processes are
 * forked; each opens the kit (fonts, hyphenation, layouts) once and takes one
 * file at a time from the parent, so a slow file never holds up the rest. A
 * bad file is reported and skipped; a workplace's documents appear together
 * or not at all (output.h), also when the batch is interrupted. */
#ifndef AMOKIT_BATCH_H
#define AMOKIT_BATCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include "diag.h"
#include "kit.h"

#define BATCH_MAX_JOBS 64

typedef struct batch_opts {
	const char *const *inputs; /* workplace files, or directories scanned for *.xml */
	size_t n_inputs;
	const char *outdir;        /* created when missing (its parent must exist) */
	const char *previous_dir;  /* last year's files, found by the same name and subfolder; NULL: none */
	int jobs;                  /* worker processes; 0: the number of online CPUs */
	kit_job job;               /* what to write for each (docs 0: every document);
	                            * its wp and outdir are set per workplace */
	kit_opts kit;              /* layouts and fonts directories */
	FILE *report;              /* progress (when a terminal) and the summary; NULL: none */
} batch_opts;

/* Writes the documents of every input. Returns AM_OK when all were written,
 * AM_EINPUT when some inputs failed (each named with its reasons in the
 * summary), AM_EUSAGE when the batch could not start (no inputs, unreadable
 * directory, output directory or kit unusable; the reasons are in d), or
 * AM_EINTERNAL (out of memory, fork or pipe failure). */
int batch_run(const batch_opts *o, diag *d);

/* For the command line's signal handler: passes sig on to the workers of
 * the batch this process is running, and waits (up to 5 s) until they
 * have discarded what they were writing and ended. Async-signal-safe; does
 * nothing in a worker or outside a batch. */
void batch_on_signal(int sig);

/* The output name of a workplace file: its base name without ".xml", copied
 * into buf (size n). False when there is none usable ("", ".", "..", hidden
 * names, or too long). */
bool batch_output_name(const char *path, char *buf, size_t n);

#endif
