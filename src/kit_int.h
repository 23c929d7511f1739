/* kit_int.h: what kit_run.c (the run for one workplace: its documents
 * shared out among threads, reported and logged in document order) uses
 * of kit.c (the kit, and the making of one document: layout, draw list,
 * PDF), which knows nothing of kit_run.c. Private to them. */
#ifndef AMOKIT_KIT_INT_H
#define AMOKIT_KIT_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "kit.h"

/* The documents, in document order (the order of messages and the log). */
typedef struct kit_doc {
	unsigned bit;              /* KIT_* */
	const char *name;          /* layout file and PDF name */
	bool pdfa;                 /* written as PDF/A-1b, for the archive */
} kit_doc;

#define KIT_N_DOCS 6
extern const kit_doc kit_docs[KIT_N_DOCS];

/* Writes document i (kit_docs[i]) of the job into set out; hex (and
 * copy_hex for the referat's reading copy) receive the SHA-256 for the log
 * when non-NULL. The referat is the legal record: Danish; with --lang its
 * reading copy follows in that language. Safe to call from several threads
 * at once for different i. */
int kit_write_doc(kit *k, size_t i, const kit_job *job, output_set *out, const am_workplace *wp,
                  const dnode *root, char *hex, char *copy_hex, diag *d);

/* Whether the kit has loaded the language called code. */
bool kit_has_lang(const kit *k, const char *code);

/* Loads every language the job prints in: --lang's, and for the
 * participants' sheets each person's (or the workplace's). Called before
 * the documents start, never from their threads. */
int kit_job_langs(kit *k, const kit_job *job, const am_workplace *wp, diag *d);

#endif
