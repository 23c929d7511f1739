/* csv.h: spreadsheets saved as CSV, the way Danish Excel and LibreOffice
 * save them.
 *
 * Danish Excel separates fields with semicolons (the comma is the decimal
 * mark), writes UTF-8 with a byte-order mark ("CSV UTF-8") or Windows-1252
 * ("CSV (semikolonsepareret)"), ends lines with CRLF, and quotes a field
 * that holds a separator, a quote or a line break ("" inside quotes is one
 * quote). "Unicode-tekst" is UTF-16 with tabs. This module reads all of
 * these into a table of UTF-8 strings: the first non-empty row is the
 * header, every later non-empty row a record that keeps the line it starts
 * on. It knows nothing of what the columns mean (see import.h). */
#ifndef AMOKIT_CSV_H
#define AMOKIT_CSV_H

#include <stddef.h>
#include "arena.h"
#include "diag.h"

#define CSV_MAX_COLUMNS 200

typedef struct csv_row {
	int line;              /* the line the record starts on (1-based) */
	const char **fields;   /* n_fields strings, trimmed, never NULL */
	size_t n_fields;       /* == the header's n_columns */
} csv_row;

typedef struct csv_table {
	const char *file;      /* the name used in messages */
	const char *encoding;  /* "UTF-8", "Windows-1252" or "UTF-16" */
	char separator;        /* ';', ',' or '\t' */
	int header_line;
	const char **columns;  /* the header's cells, trimmed */
	size_t n_columns;
	csv_row *rows;
	size_t n_rows;
} csv_table;

/* Parses buf[0..len) (any bytes) into a table allocated in a. The separator
 * is the one of ';', tab and ',' that the header row holds most of
 * (';' when it holds none). Returns AM_OK with *out set; AM_EINPUT with the
 * reasons in d (an empty file, no header, a quote never closed, a NUL or
 * control byte, a row with more cells than the header has columns, too
 * many columns), each as `FILE:LINE: what is wrong`; or AM_EINTERNAL. */
int csv_parse(arena *a, const char *name, const char *buf, size_t len,
              csv_table **out, diag *d);

/* Reads the file at path ("-": standard input), at most max_bytes, and
 * parses it. AM_EUSAGE when it cannot be read. */
int csv_read_file(arena *a, const char *path, size_t max_bytes, csv_table **out, diag *d);

/* The index of the column whose header is name, compared without regard
 * to case (æøå included), surrounding spaces or a trailing ':', '?' or '*';
 * -1 when there is none. */
int csv_column(const csv_table *t, const char *name);

#endif
