/* starter.h: a complete, commented starting file for a workplace
 * (`amokit new`).
 *
 * The file is written from the schema's declarations (xsdinfo.h), so it
 * holds every part of the format that the workplace's size band uses, in
 * the schema's order, each with the Danish xs:documentation as a comment
 * (which names an example value). Fields that may stay empty are written
 * empty, to fill in; a part that cannot be empty (people, goals, rows of
 * the handleplan, ...) is shown as an example inside a comment, to copy.
 * As written, the file passes `check`, and the documents print blank where
 * it is empty. */
#ifndef AMOKIT_STARTER_H
#define AMOKIT_STARTER_H

#include <stdbool.h>
#include <stddef.h>
#include "diag.h"

typedef struct starter_opts {
	const char *output;    /* where to write ("-": standard output) */
	const char *name;      /* the workplace's name */
	int headcount;         /* its head count, 1 or more */
	bool med;              /* a MED-aftale applies */
	int year;              /* the year the discussion plans */
	bool force;            /* replace an existing output file */
} starter_opts;

/* Writes the starting file. AM_OK, or an exit code with the reasons in d;
 * nothing is written unless the file passes `check`. */
int starter_run(const starter_opts *o, diag *d);

/* The starting file's text (malloc'd, the caller frees it), checked as
 * starter_run checks it. */
int starter_text(const starter_opts *o, char **text, size_t *len, diag *d);

#endif
