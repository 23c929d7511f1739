/* import.h: people, årshjul activities, handleplan rows and APV items
 * from spreadsheets (`amokit import`).
 *
 * Each CSV file (csv.h) is one sheet whose Danish column headings say what
 * it holds: "Navn" and "Rolle" for people, "Aktivitet" for the årshjul,
 * "Hvad" for the handleplan, "Problem" for the APV. The columns and the
 * values they take are listed in examples/import/README.md, with a template
 * of each sheet beside it. Values are read as people write them (24-03-2026,
 * 14.00, "i gang", "AMR"). Every row is checked before anything is written;
 * each bad one is answered `FILE:LINE: Kolonne: what is wrong`, and then
 * nothing is written. Rows are added to the workplace file where the format
 * wants them (edit.h); a row the file already holds is not added twice, and
 * a person already there (same id, or same name) is updated. */
#ifndef AMOKIT_IMPORT_H
#define AMOKIT_IMPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include "diag.h"

typedef struct import_opts {
	const char *workplace;      /* the file to add to; made when it does not exist */
	const char *output;         /* NULL: the workplace file itself; "-": standard output */
	const char *const *sheets;  /* the CSV files */
	size_t n_sheets;
	const char *name;           /* for a new file: the workplace's name */
	int headcount;              /* for a new file: the head count (0: not given) */
	bool med;                   /* for a new file: under a MED-aftale */
	int year;                   /* the årshjul's year when the file has none (0: from the dates) */
	FILE *report;               /* one line per sheet: what was added (may be NULL) */
} import_opts;

/* Reads the sheets and writes the workplace file with their rows added.
 * AM_OK, or an exit code with the reasons in d (nothing written). */
int import_run(const import_opts *o, diag *d);

/* The same in memory, for tests and fuzzing: the sheet csv[0..csv_len)
 * (called name in messages) imported into the workplace text
 * wp[0..wp_len); on success *out (malloc'd, the caller frees it) holds the
 * new file's text, which passes check. */
int import_mem(const char *wp, size_t wp_len, const char *name, const char *csv, size_t csv_len,
               int year, char **out, size_t *out_len, diag *d);

#endif
