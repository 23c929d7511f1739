/* reader_model.h: the reader's second half, a validated libxml2 tree → the
 * am_workplace model, with the checks the schema cannot express.
 *
 * Internal to the modules that read and edit workplace files as XML (the
 * reader, and the editing commands that keep a file's own text, edit.h);
 * use reader.h. */
#ifndef AMOKIT_READER_MODEL_H
#define AMOKIT_READER_MODEL_H

#include <libxml/tree.h>
#include "arena.h"
#include "diag.h"
#include "model.h"

/* Builds the model from root, a <workplace> element that passed the schema.
 * Semantic errors are added to d (the caller compares d->errors); returns
 * AM_OK, or AM_EINTERNAL when out of memory. file names the source in
 * messages and is copied into the arena. */
int reader_model_build(arena *a, const char *file, xmlNodePtr root,
                       am_workplace **out, diag *d);

/* Reads buf like reader_load_mem and, when it is accepted, also returns
 * its validated document (the caller frees it with xmlFreeDoc), for
 * editing. *rc is reader_load_mem's return code; NULL unless AM_OK. */
xmlDocPtr reader_parse_doc(arena *a, const char *name, const char *buf, size_t len,
                           am_workplace **out, diag *d, int *rc);

/* Reports a format 1 document (root in urn:amokit:workplace:1) as errors:
 * that format 2 is needed, and each change its lines need
 * (reader_legacy.c). */
void reader_legacy_report(const char *file, xmlNodePtr root, diag *d);

#endif
