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


/* ---- cells and messages ---------------------------------------------------------- */

/* The imp_cell of field f in the current row, "" when empty or absent. */
const char *imp_cell(const imp *m, int f)
{
	int c = m->col[f];
	return c >= 0 && (size_t)c < m->row->n_fields ? m->row->fields[c] : "";
}


/* Reports the current row's field f: `FILE:LINE: Heading: message`. */
void imp_bad(imp *m, int f, const char *fmt, ...)
{
	char msg[400];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	int c = m->col[f];
	const char *heading = c >= 0 ? m->t->columns[c] : m->kind->fields[f];
	diag_error(m->d, m->t->file, m->row->line, "%s: %s", heading, msg);
}

/* ---- words people write, and what the format calls them ---------------------------- */


/* Lower-cases ASCII and ÆØÅ in s (UTF-8) into out. */
void imp_fold(const char *s, char *out, size_t size)
{
	size_t k = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p && k + 2 < size; p++) {
		if (p[0] == 0xC3 && (p[1] == 0x86 || p[1] == 0x98 || p[1] == 0x85)) {
			out[k++] = (char)0xC3;
			out[k++] = (char)(p[1] + 0x20);
			p++;
		} else {
			out[k++] = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
		}
	}
	out[k] = '\0';
}

/* Does the schema's type t have the value v? */
static bool has_value(const xsd_type *t, const char *v)
{
	for (size_t i = 0; t && i < t->n_values; i++)
		if (strcmp(t->values[i].value, v) == 0)
			return true;
	return false;
}

/* The format's token for what someone wrote: one of the type's own values,
 * or a Danish word from words[] whose tokens (space-separated, in order of
 * preference) include one the type has. NULL when none fits. */
static const char *token_for(imp *m, const char *said, const word *words, const xsd_type *t)
{
	char f[120];
	imp_fold(said, f, sizeof f);
	if (has_value(t, f))
		return arena_strdup(m->a, f);
	for (const word *w = words; w->said; w++) {
		char ws[120];
		imp_fold(w->said, ws, sizeof ws);
		if (strcmp(f, ws) != 0)
			continue;
		char toks[120];
		snprintf(toks, sizeof toks, "%s", w->tokens);
		for (char *tok = strtok(toks, " "); tok; tok = strtok(NULL, " "))
			if (!t || has_value(t, tok))
				return arena_strdup(m->a, tok);
	}
	return NULL;
}

/* "a, b eller c": for each value of the type, the first Danish word in
 * words[] that gives it. */
static const char *word_list(imp *m, const word *words, const xsd_type *t)
{
	const char *said[32], *seen[32];
	size_t n = 0;
	for (const word *w = words; w->said && n < 32; w++) {
		const char *tok = token_for(m, w->said, words, t);
		bool dup = !tok;
		for (size_t i = 0; i < n && !dup; i++)
			dup = strcmp(seen[i], tok) == 0;
		if (!dup)
			seen[n] = tok, said[n++] = w->said;
	}
	char buf[400] = "";
	size_t k = 0;
	for (size_t i = 0; i < n && k < sizeof buf; i++)
		k += (size_t)snprintf(buf + k, sizeof buf - k, "%s%s", i == 0 ? "" : i + 1 == n ? " eller " : ", ",
		                      said[i]);
	return arena_strdup(m->a, buf);
}

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

/* The type of attribute attr of the declaration at path (element names from
 * <workplace> down, NULL-terminated). */
const xsd_type *imp_attr_type(const imp *m, const char *const *path, const char *attr)
{
	const xsd_elem *e = m->e.schema;
	for (; *path && e; path++)
		e = xsd_child(e, *path);
	const xsd_attr *a = xsd_attr_of(e, attr);
	return a ? a->type : NULL;
}

/* ---- values ---------------------------------------------------------------------------- */

/* A date imp_cell as YYYY-MM-DD, or NULL with a message. */
const char *imp_date_cell(imp *m, int f)
{
	int y, mo, d;
	if (!da_parse_date(imp_cell(m, f), &y, &mo, &d, NULL)) {
		imp_bad(m, f, "\"%s\" er ikke en dato; skriv fx 24-03-2026 eller 2026-03-24", imp_cell(m, f));
		return NULL;
	}
	if (y < READER_MIN_YEAR || y > READER_MAX_YEAR) {
		imp_bad(m, f, "året %d ligger uden for %d-%d", y, READER_MIN_YEAR, READER_MAX_YEAR);
		return NULL;
	}
	return arena_printf(m->a, "%04d-%02d-%02d", y, mo, d);
}

const char *imp_time_cell(imp *m, int f, int *minutes)
{
	if (!da_parse_time(imp_cell(m, f), minutes)) {
		imp_bad(m, f, "\"%s\" er ikke et klokkeslæt; skriv fx 14:00 eller 14.00", imp_cell(m, f));
		return NULL;
	}
	return arena_printf(m->a, "%02d:%02d", *minutes / 60, *minutes % 60);
}

/* A word imp_cell through words[] and the schema's type t, or NULL with a
 * message naming the words that fit. */
const char *imp_word_cell(imp *m, int f, const word *words, const xsd_type *t)
{
	const char *tok = token_for(m, imp_cell(m, f), words, t);
	if (!tok)
		imp_bad(m, f, "\"%s\" kendes ikke; skriv %s", imp_cell(m, f), word_list(m, words, t));
	return tok;
}

static bool valid_id(const char *s)
{
	if (!((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') || *s == '_') || strlen(s) > 64)
		return false;
	for (; *s; s++)
		if (!((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
		      *s == '_' || *s == '.' || *s == '-'))
			return false;
	return true;
}

/* A text imp_cell checked against the format's limits for a short text (a
 * name, a title) or a long one, and for control characters. NULL with a
 * message when too long or when it holds one. */
const char *imp_text_cell(imp *m, int f, bool is_short)
{
	const char *s = imp_cell(m, f);
	size_t chars = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		chars += (*p & 0xC0) != 0x80;
	size_t max = is_short ? 200 : 2000;
	if (chars > max) {
		imp_bad(m, f, "teksten er %zu tegn lang; der er plads til højst %zu", chars, max);
		return NULL;
	}
	/* csv.c has made the imp_cell well-formed UTF-8; a stray byte would be
	 * looked at alone */
	const char *end = s + strlen(s);
	for (const char *p = s; *p;) {
		unsigned cp = (unsigned char)*p;
		size_t len = utf8_decode(p, (size_t)(end - p), &cp);
		len += len == 0;
		/* every character prints (one the fonts lack as a replacement
		 * mark, and check says so); only what XML forbids is refused */
		if ((cp < 0x20 && cp != '\n' && cp != '\t') || cp == 0xFFFE || cp == 0xFFFF) {
			imp_bad(m, f, "styretegnet U+%04X må ikke stå i en tekst", cp);
			return NULL;
		}
		p += len;
	}
	return s;
}

/* U+00C0..U+017F (Latin-1 letters and Latin Extended-A) as ASCII letters,
 * for ids made from names: Æ ae, Ø oe, Å aa, Ł l, ß ss. */
static const char *const latin[192] = {
	"a", "a", "a", "a", "a", "aa", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
	"d", "n", "o", "o", "o", "o", "o", "", "oe", "u", "u", "u", "u", "y", "th", "ss",
	"a", "a", "a", "a", "a", "aa", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
	"d", "n", "o", "o", "o", "o", "o", "", "oe", "u", "u", "u", "u", "y", "th", "y",
	"a", "a", "a", "a", "a", "a", "c", "c", "c", "c", "c", "c", "c", "c", "d", "d",
	"d", "d", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "g", "g", "g", "g",
	"g", "g", "g", "g", "h", "h", "h", "h", "i", "i", "i", "i", "i", "i", "i", "i",
	"i", "i", "ij", "ij", "j", "j", "k", "k", "k", "l", "l", "l", "l", "l", "l", "l",
	"l", "l", "l", "n", "n", "n", "n", "n", "n", "n", "n", "n", "o", "o", "o", "o",
	"o", "o", "oe", "oe", "r", "r", "r", "r", "r", "r", "s", "s", "s", "s", "s", "s",
	"s", "s", "t", "t", "t", "t", "t", "t", "u", "u", "u", "u", "u", "u", "u", "u",
	"u", "u", "u", "u", "w", "w", "y", "y", "y", "z", "z", "z", "z", "z", "z", "s",
};

/* name as the base of an id: lower-case ASCII letters and digits, other
 * runs as one '-'. */
static void id_base(const char *name, char *base, size_t size)
{
	size_t k = 0;
	for (const unsigned char *p = (const unsigned char *)name; *p && k + 3 < size;) {
		unsigned cp = *p;
		size_t len = cp < 0x80 ? 1 : cp >= 0xF0 ? 4 : cp >= 0xE0 ? 3 : 2;
		if (len == 2 && p[1])
			cp = (cp & 0x1F) << 6 | (p[1] & 0x3F);
		const char *ascii = NULL;
		char one[2] = {0, 0};
		if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9'))
			one[0] = (char)cp, ascii = one;
		else if (cp >= 'A' && cp <= 'Z')
			one[0] = (char)(cp + 32), ascii = one;
		else if (cp >= 0xC0 && cp < 0x180)
			ascii = latin[cp - 0xC0];
		if (ascii && *ascii) {
			for (; *ascii && k + 2 < size; ascii++)
				base[k++] = *ascii;
		} else if (k > 0 && base[k - 1] != '-') {
			base[k++] = '-';
		}
		for (size_t i = 0; i < len && *p; i++)
			p++;
	}
	while (k > 0 && base[k - 1] == '-')
		k--;
	base[k] = '\0';
}

/* An id made from a name (id_base), unique among the ids of list's item
 * children; it begins with a letter ("x-" is put before a digit). */
const char *imp_make_id(imp *m, const char *name, xmlNodePtr list, const char *item)
{
	char base[48];
	base[0] = 'x', base[1] = '-';
	id_base(name, base + 2, sizeof base - 2);
	const char *b = base[2] >= 'a' && base[2] <= 'z' ? base + 2 : base;
	const char *id = arena_strdup(m->a, b);
	for (int n = 2; id; n++) {
		bool taken = false;
		for (xmlNodePtr x = edit_child(list, item); x && !taken; x = edit_next(x, item)) {
			const char *other = edit_attr(m->a, x, "id");
			taken = other && strcmp(other, id) == 0;
		}
		if (!taken)
			return id;
		id = arena_printf(m->a, "%s-%d", b, n);
	}
	return NULL;
}

/* The text of el's child name, compared with s ("" and absent alike). */
bool imp_same_text(imp *m, xmlNodePtr el, const char *name, const char *s)
{
	const char *t = edit_text(m->a, edit_child(el, name));
	return strcmp(t ? t : "", s ? s : "") == 0;
}

/* Sets el's child name to text (removing it for an empty text). */
static void set_child(imp *m, xmlNodePtr el, const char *name, const char *text)
{
	xmlNodePtr c = edit_child(el, name);
	if (c)
		edit_remove(c);
	if (text && *text)
		edit_add(&m->e, el, name, text);
}

/* ---- people --------------------------------------------------------------------------------- */

enum { P_NAME, P_ROLE, P_TITLE, P_GROUP, P_ATTEND, P_NEW, P_ID, P_DEPUTY, P_TR };
static const char *const person_path[] = {"people", "person", NULL};

/* The group imp_cell: an element <group> in formats that have one; else an
 * arbejdsmiljøgruppe in <amo>, found by name or id, or added. */
static void person_group(imp *m, xmlNodePtr p, const char *group)
{
	if (edit_allows(&m->e, p, "group")) {
		set_child(m, p, "group", group);
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
	if (!given(m, f) || !xsd_attr_of(edit_decl(&m->e, p), attr))
		return;
	const char *v = imp_word_cell(m, f, yes_words, NULL);
	if (v)
		edit_set_attr(p, attr, strcmp(v, "true") == 0 ? "true" : NULL);
}

static void person_row(imp *m)
{
	const char *name = imp_text_cell(m, P_NAME, true), *title = imp_text_cell(m, P_TITLE, true);
	const char *role = "employee", *attendance = NULL;
	if (given(m, P_ROLE))
		role = imp_word_cell(m, P_ROLE, role_words, imp_attr_type(m, person_path, "role"));
	if (given(m, P_ATTEND))
		attendance = imp_word_cell(m, P_ATTEND, attendance_words, imp_attr_type(m, person_path, "attendance"));
	if (given(m, P_ID) && !valid_id(imp_cell(m, P_ID)))
		imp_bad(m, P_ID, "\"%s\" kan ikke bruges som id; brug bogstaver a-z, tal, _, - og ., og begynd med et bogstav",
		    imp_cell(m, P_ID));
	if (!name || !title || !role || (given(m, P_ATTEND) && !attendance) || m->d->errors)
		return;
	xmlNodePtr people = edit_ensure(&m->e, m->e.root, "people");
	xmlNodePtr p = edit_child(people, "person");
	for (; p; p = edit_next(p, "person")) {
		const char *id = edit_attr(m->a, p, "id");
		if (given(m, P_ID) ? id && strcmp(id, imp_cell(m, P_ID)) == 0 : imp_same_text(m, p, "name", name))
			break;
	}
	if (p) {
		m->updated++;
		if (!imp_same_text(m, p, "name", name))
			set_child(m, p, "name", name);
		if (given(m, P_ROLE))
			edit_set_attr(p, "role", role);
	} else {
		p = edit_add(&m->e, people, "person", NULL);
		if (!p)
			return;
		m->added++;
		edit_set_attr(p, "id", given(m, P_ID) ? imp_cell(m, P_ID) : imp_make_id(m, name, people, "person"));
		edit_set_attr(p, "role", role);
		edit_add(&m->e, p, "name", name);
	}
	if (given(m, P_TITLE))
		set_child(m, p, "title", title);
	if (attendance)
		edit_set_attr(p, "attendance", attendance);
	person_flag(m, p, P_NEW, "new-in-amo");
	person_flag(m, p, P_DEPUTY, "deputy");
	person_flag(m, p, P_TR, "tr");
	if (given(m, P_GROUP))
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
		if (given(m, 0))
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

