/* import_int.h: what import.c, import_cells.c and import_wheel.c share. Private to them. */
#ifndef AMOKIT_IMPORT_INT_H
#define AMOKIT_IMPORT_INT_H

#include <stdbool.h>

#include "csv.h"
#include "edit.h"
#include "import.h"
#include "xsdinfo.h"

#define MAX_FIELDS 12

typedef struct imp {
	arena *a;
	edit_doc e;
	diag *d;
	const import_opts *o;
	const csv_table *t;
	const csv_row *row;
	int col[MAX_FIELDS];     /* the sheet's column of each field, -1: absent */
	const struct sheet_kind *kind;
	int added, updated, skipped;
} imp;

typedef struct sheet_kind {
	const char *what;            /* in messages: "personer" */
	const char *key, *key2;      /* the headings that tell the kind */
	const char *fields[MAX_FIELDS];   /* its columns, NULL-terminated; the first is required */
	void (*row)(imp *m);
} sheet_kind;

typedef struct word { const char *said; const char *tokens; } word;

void imp_action_row(imp *m);
void imp_activity_row(imp *m);
void imp_apv_row(imp *m);
const xsd_type *imp_attr_type(const imp *m, const char *const *path, const char *attr);
void imp_bad(imp *m, int f, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
const char *imp_cell(const imp *m, int f);
/* Whether field f has a value in the row. */
bool imp_given(const imp *m, int f);
const char *imp_date_cell(imp *m, int f);
void imp_fold(const char *s, char *out, size_t size);
const char *imp_make_id(imp *m, const char *name, xmlNodePtr list, const char *item);
bool imp_same_text(imp *m, xmlNodePtr el, const char *name, const char *s);
void imp_set_child(imp *m, xmlNodePtr el, const char *name, const char *text);
const char *imp_text_cell(imp *m, int f, bool is_short);
const char *imp_time_cell(imp *m, int f, int *minutes);
bool imp_valid_id(const char *s);
const char *imp_word_cell(imp *m, int f, const word *words, const xsd_type *t);


#endif
