/* import.c: spreadsheets into a workplace file; see import.h.
 *
 * A sheet's kind is told by its headings (sheet_kinds[]); each kind has its
 * columns and a function that turns one row into elements. Values go
 * through the converters below, which read what people type (Danish words,
 * dates and times) and say in the row's message what is wrong. The words a
 * value may be are tried against the schema in use (xsdinfo.h): "arbejds-
 * leder" becomes whichever of supervisor and leader the format knows. All
 * rows are applied to the document in memory; if any row was bad, nothing
 * is written. */
#include "import.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "csv.h"
#include "danish.h"
#include "edit.h"
#include "infile.h"
#include "norm.h"
#include "reader.h"
#include "utf8.h"
#include "import_int.h"


/* ---- people --------------------------------------------------------------------------------- */

/* What people write for a role, for attendance and for yes or no. */
static const word role_words[] = {
	{"arbejdsgiver", "employer"}, {"ejer", "employer"}, {"direktør", "employer"},
	{"indehaver", "employer"}, {"leder", "leader"}, {"arbejdsleder", "supervisor leader"},
	{"ledelsesrepræsentant", "leader"}, {"AMR", "amr"}, {"arbejdsmiljørepræsentant", "amr"},
	{"AMO-medlem", "amo-member"}, {"medarbejder", "employee"}, {"ansat", "employee"},
	{"rådgiver", "adviser"}, {"konsulent", "adviser"}, {"gæst", "adviser"}, {NULL, NULL},
};
static const word attendance_words[] = {
	{"til stede", "present"}, {"mødt", "present"}, {"ja", "present"}, {"x", "present"},
	{"fraværende", "absent"}, {"afbud", "absent"}, {"nej", "absent"}, {NULL, NULL},
};
static const word yes_words[] = {
	{"ja", "true"}, {"x", "true"}, {"sand", "true"}, {"nej", "false"}, {"falsk", "false"}, {NULL, NULL},
};

enum { P_NAME, P_ROLE, P_TITLE, P_GROUP, P_ATTEND, P_NEW, P_ID, P_DEPUTY, P_TR };
static const char *const person_path[] = {"people", "person", NULL};

/* The group imp_cell: an element <group> in formats that have one; else an
 * arbejdsmiljøgruppe in <amo>, found by name or id, or added. */
static void person_group(imp *m, xmlNodePtr p, const char *group)
{
	if (edit_allows(&m->e, p, "group")) {
		imp_set_child(m, p, "group", group);
		return;
	}
	if (!edit_allows(&m->e, m->e.root, "amo"))
		return;
	xmlNodePtr amo = edit_ensure(&m->e, m->e.root, "amo");
	xmlNodePtr g = edit_child(amo, "group");
	for (; g; g = edit_next(g, "group")) {
		const char *id = edit_attr(m->a, g, "id");
		if (imp_same_text(m, g, "name", group) || (id && strcmp(id, group) == 0))
			break;
	}
	if (!g && (g = edit_add(&m->e, amo, "group", NULL))) {
		edit_set_attr(g, "id", imp_make_id(m, group, amo, "group"));
		edit_add(&m->e, g, "name", group);
	}
	if (g)
		edit_set_attr(p, "group", edit_attr(m->a, g, "id"));
}

static void person_flag(imp *m, xmlNodePtr p, int f, const char *attr)
{
	if (!imp_given(m, f) || !xsd_attr_of(edit_decl(&m->e, p), attr))
		return;
	const char *v = imp_word_cell(m, f, yes_words, NULL);
	if (v)
		edit_set_attr(p, attr, strcmp(v, "true") == 0 ? "true" : NULL);
}

static void person_row(imp *m)
{
	const char *name = imp_text_cell(m, P_NAME, true), *title = imp_text_cell(m, P_TITLE, true);
	const char *role = "employee", *attendance = NULL;
	if (imp_given(m, P_ROLE))
		role = imp_word_cell(m, P_ROLE, role_words, imp_attr_type(m, person_path, "role"));
	if (imp_given(m, P_ATTEND))
		attendance = imp_word_cell(m, P_ATTEND, attendance_words, imp_attr_type(m, person_path, "attendance"));
	if (imp_given(m, P_ID) && !imp_valid_id(imp_cell(m, P_ID)))
		imp_bad(m, P_ID, "\"%s\" kan ikke bruges som id; brug bogstaver a-z, tal, _, - og ., og begynd med et bogstav",
		    imp_cell(m, P_ID));
	if (!name || !title || !role || (imp_given(m, P_ATTEND) && !attendance) || m->d->errors)
		return;
	xmlNodePtr people = edit_ensure(&m->e, m->e.root, "people");
	xmlNodePtr p = edit_child(people, "person");
	for (; p; p = edit_next(p, "person")) {
		const char *id = edit_attr(m->a, p, "id");
		if (imp_given(m, P_ID) ? id && strcmp(id, imp_cell(m, P_ID)) == 0 : imp_same_text(m, p, "name", name))
			break;
	}
	if (p) {
		m->updated++;
		if (!imp_same_text(m, p, "name", name))
			imp_set_child(m, p, "name", name);
		if (imp_given(m, P_ROLE))
			edit_set_attr(p, "role", role);
	} else {
		p = edit_add(&m->e, people, "person", NULL);
		if (!p)
			return;
		m->added++;
		edit_set_attr(p, "id", imp_given(m, P_ID) ? imp_cell(m, P_ID) : imp_make_id(m, name, people, "person"));
		edit_set_attr(p, "role", role);
		edit_add(&m->e, p, "name", name);
	}
	if (imp_given(m, P_TITLE))
		imp_set_child(m, p, "title", title);
	if (attendance)
		edit_set_attr(p, "attendance", attendance);
	person_flag(m, p, P_NEW, "new-in-amo");
	person_flag(m, p, P_DEPUTY, "deputy");
	person_flag(m, p, P_TR, "tr");
	if (imp_given(m, P_GROUP))
		person_group(m, p, imp_cell(m, P_GROUP));
}

/* ---- sheets ------------------------------------------------------------------------------------------ */

static const sheet_kind sheet_kinds[] = {
	{"personer", "Navn", "Rolle",
	 {"Navn", "Rolle", "Titel", "Gruppe", "Fremmøde", "Ny i AMO", "Id", "Stedfortræder", "TR", NULL},
	 person_row},
	{"aktiviteter i årshjulet", "Aktivitet", NULL,
	 {"Aktivitet", "Ring", "Dato", "Til", "Måned", "Uge", "Start", "Slut", "Ansvarlig", "Gentages", NULL},
	 imp_activity_row},
	{"rækker i handleplanen", "Hvad", NULL,
	 {"Hvad", "Hvorfor", "Hvordan", "Hvornår", "Hvem", "Opfølgning", "Status", NULL},
	 imp_action_row},
	{"punkter i APV'en", "Problem", NULL,
	 {"Problem", "Handling", "Ansvarlig", "Frist", "Status", NULL},
	 imp_apv_row},
};

static const sheet_kind *kind_of(const csv_table *t)
{
	for (size_t i = 0; i < sizeof sheet_kinds / sizeof sheet_kinds[0]; i++) {
		const sheet_kind *k = &sheet_kinds[i];
		if (csv_column(t, k->key) >= 0 && (!k->key2 || csv_column(t, k->key2) >= 0))
			return k;
	}
	return NULL;
}

/* Finds each field's column; a heading that is no field is an error
 * (with the nearest field's name), as is a missing first field. */
static bool map_columns(imp *m)
{
	const csv_table *t = m->t;
	const sheet_kind *k = m->kind;
	bool ok = true;
	for (int f = 0; f < MAX_FIELDS; f++)
		m->col[f] = k->fields[f] ? csv_column(t, k->fields[f]) : -1;
	for (size_t c = 0; c < t->n_columns; c++) {
		bool known = false;
		const char *near = NULL;
		for (int f = 0; f < MAX_FIELDS && k->fields[f]; f++) {
			known |= m->col[f] == (int)c;
			if (xsd_distance(t->columns[c], k->fields[f]) <= 2)
				near = k->fields[f];
		}
		if (known || !t->columns[c][0])
			continue;
		ok = false;
		if (near)
			diag_error(m->d, t->file, t->header_line, "kolonnen \"%s\" kendes ikke; mente du \"%s\"?",
			           t->columns[c], near);
		else
			diag_error(m->d, t->file, t->header_line, "kolonnen \"%s\" kendes ikke i et ark med %s",
			           t->columns[c], k->what);
	}
	return ok;
}

/* Parses a sheet's bytes, refusing an .xlsx or .ods (a ZIP file). */
static int parse_sheet(imp *m, const char *name, const char *buf, size_t len, csv_table **t)
{
	if (len >= 4 && memcmp(buf, "PK\3\4", 4) == 0) {
		diag_error(m->d, name, 0, "er et regneark i Excel- eller LibreOffice-format; amokit læser CSV: "
		           "gem arket som \"CSV UTF-8\" (Excel) eller \"Tekst CSV\" (LibreOffice)");
		return AM_EINPUT;
	}
	return csv_parse(m->a, name, buf, len, t, m->d);
}

/* Every imp_cell as amokit keeps text (norm.h): NFC, invisible characters
 * dropped, so that a imp_cell of only invisible characters is empty here as
 * it would be in the file. False when out of memory. */
static bool normalise_cells(imp *m, csv_table *t)
{
	for (size_t r = 0; r < t->n_rows; r++) {
		for (size_t c = 0; c < t->rows[r].n_fields; c++) {
			const char *f = t->rows[r].fields[c];
			size_t len;
			const char *n = norm_text(m->a, f, strlen(f), &len);
			if (!n)
				return false;
			if (n == f)
				continue;
			char *copy = (char *)n;
			size_t a = 0, b = len;
			while (a < b && copy[a] == ' ')
				a++;
			while (b > a && copy[b - 1] == ' ')
				b--;
			copy[b] = '\0';
			t->rows[r].fields[c] = copy + a;
		}
	}
	return true;
}

static int import_table(imp *m, csv_table *t)
{
	m->t = t;
	if (!(m->kind = kind_of(t))) {
		diag_error(m->d, t->file, t->header_line, "overskrifterne siger ikke, hvad arket indeholder: "
		           "\"Navn\" og \"Rolle\" for personer, \"Aktivitet\" for årshjulet, \"Hvad\" for "
		           "handleplanen eller \"Problem\" for APV'en (se examples/import/)");
		return AM_EINPUT;
	}
	if (!map_columns(m))
		return AM_EINPUT;
	if (!normalise_cells(m, t))
		return diag_oom(m->d, t->file);
	m->added = m->updated = m->skipped = 0;
	int errors = m->d->errors;
	/* Every row is checked; once one is imp_bad, the rest are checked but not
	 * applied (nothing will be written). */
	for (size_t i = 0; i < t->n_rows; i++) {
		m->row = &t->rows[i];
		if (imp_given(m, 0))
			m->kind->row(m);
		else
			imp_bad(m, 0, "mangler; udfyld \"%s\" i hver række", m->kind->fields[0]);
	}
	if (m->d->errors > errors)
		return AM_EINPUT;
	if (m->o->report)
		fprintf(m->o->report, "%s: %d %s tilføjet%s%s\n", t->file, m->added, m->kind->what,
		        m->updated ? arena_printf(m->a, ", %d opdateret", m->updated) : "",
		        m->skipped ? arena_printf(m->a, ", %d fandtes allerede", m->skipped) : "");
	return AM_OK;
}

static int import_sheet(imp *m, const char *path)
{
	char *buf;
	size_t len;
	csv_table *t;
	int rc = infile_read(m->a, path, reader_max_bytes(), &buf, &len, m->d);
	if (rc == AM_OK)
		rc = parse_sheet(m, infile_name(path), buf, len, &t);
	return rc == AM_OK ? import_table(m, t) : rc;
}

/* ---- the workplace file -------------------------------------------------------------------------------- */

/* XML text for s: & < > and " escaped. */
static const char *escaped(arena *a, const char *s)
{
	size_t n = 0;
	for (const char *p = s; *p; p++)
		n += *p == '&' ? 5 : *p == '<' || *p == '>' ? 4 : *p == '"' ? 6 : 1;
	char *o = arena_alloc(a, n + 1), *q = o;
	for (const char *p = s; o && *p; p++) {
		const char *r = *p == '&' ? "&amp;" : *p == '<' ? "&lt;" : *p == '>' ? "&gt;" : *p == '"' ? "&quot;" : NULL;
		if (r)
			q += strlen(strcpy(q, r));
		else
			*q++ = *p;
	}
	return o;
}

/* A new file: the workplace's name and head count, in the format in use. */
static int open_new(imp *m, diag *d)
{
	const import_opts *o = m->o;
	if (!o->name || !o->headcount) {
		diag_error(d, o->workplace, 0, "findes ikke; lav den med amokit new, eller giv --name og "
		           "--headcount, så import laver den");
		return AM_EUSAGE;
	}
	const xsd_elem *root = xsd_workplace();
	const xsd_attr *v = xsd_attr_of(root, "version");
	if (!root || !v || !v->type || !v->type->n_values)
		return diag_oom(d, o->workplace);
	const char *text = arena_printf(m->a,
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<workplace xmlns=\"%s\" version=\"%s\">\n  <name>%s</name>\n  <headcount>%d</headcount>\n%s"
		"</workplace>\n", root->ns, v->type->values[v->type->n_values - 1].value, escaped(m->a, o->name),
		o->headcount, o->med ? "  <med-agreement applies=\"true\"/>\n" : "");
	return text ? edit_open_mem(m->a, o->workplace, text, strlen(text), &m->e, d) : diag_oom(d, o->workplace);
}

int import_run(const import_opts *o, diag *d)
{
	imp m = {.o = o, .d = d};
	if (!(m.a = arena_new()))
		return diag_oom(d, o->workplace);
	struct stat st;
	bool exists = strcmp(o->workplace, "-") == 0 || stat(o->workplace, &st) == 0;
	int rc = exists ? edit_open(m.a, o->workplace, &m.e, d) : open_new(&m, d);
	for (size_t i = 0; rc == AM_OK && i < o->n_sheets; i++)
		rc = import_sheet(&m, o->sheets[i]);
	if (rc == AM_OK) {
		const char *out = o->output ? o->output : o->workplace;
		rc = edit_save(&m.e, out, false, d);
	}
	edit_close(&m.e);
	arena_free(m.a);
	return rc;
}

int import_mem(const char *wp, size_t wp_len, const char *name, const char *csv, size_t csv_len,
               int year, char **out, size_t *out_len, diag *d)
{
	import_opts o = {.workplace = "mem.xml", .year = year};
	imp m = {.o = &o, .d = d};
	csv_table *t;
	*out = NULL;
	if (!(m.a = arena_new()))
		return diag_oom(d, name);
	int rc = edit_open_mem(m.a, o.workplace, wp, wp_len, &m.e, d);
	if (rc == AM_OK && (rc = parse_sheet(&m, name, csv, csv_len, &t)) == AM_OK)
		rc = import_table(&m, t);
	if (rc == AM_OK)
		rc = edit_dump(&m.e, o.workplace, out, out_len, d);
	edit_close(&m.e);
	arena_free(m.a);
	return rc;
}

