/* fuzz_csv.c: libFuzzer harness for the CSV reader (csv.h).
 *
 * Any bytes → csv_parse. Accepted: every row is as wide as the header,
 * every cell is valid UTF-8 without control characters but tab and line
 * feed, rows keep increasing line numbers, each heading finds its own
 * column. Rejected: at least one message, no table. */
#include "fuzz_common.h"

#include <string.h>

#include "csv.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

/* True when s is UTF-8 with no control character but tab and line feed. */
static int clean_text(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		unsigned c = *p;
		size_t len = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
		if (!len || (c < 0x20 && c != '\t' && c != '\n'))
			return 0;
		for (size_t i = 1; i < len; i++)
			if ((p[i] & 0xC0) != 0x80)
				return 0;
		p += len;
	}
	return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	arena *a = arena_new();
	fuzz_require(a != NULL, "arena_new");
	diag d;
	diag_init(&d);
	csv_table *t = NULL;
	int rc = csv_parse(a, "fuzz.csv", (const char *)data, size, &t, &d);
	if (rc == AM_OK) {
		fuzz_require(t != NULL && t->n_columns <= CSV_MAX_COLUMNS, "table");
		for (size_t c = 0; c < t->n_columns; c++) {
			fuzz_require(clean_text(t->columns[c]), "heading text");
			int k = csv_column(t, t->columns[c]);
			fuzz_require(k >= 0 && (size_t)k <= c, "heading finds its column");
		}
		int last = t->header_line;
		for (size_t r = 0; r < t->n_rows; r++) {
			const csv_row *row = &t->rows[r];
			fuzz_require(row->n_fields == t->n_columns, "row width");
			fuzz_require(row->line > last, "increasing lines");
			last = row->line;
			for (size_t c = 0; c < row->n_fields; c++)
				fuzz_require(clean_text(row->fields[c]), "cell text");
		}
	} else {
		fuzz_require(t == NULL, "rejected input left a table");
		fuzz_require(rc == AM_EINPUT, "unexpected csv code");
		fuzz_require(d.errors > 0, "rejected input without a message");
	}
	arena_free(a);
	return 0;
}
