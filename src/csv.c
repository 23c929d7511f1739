/* csv.c: CSV as Danish Excel and LibreOffice save it; see csv.h.
 *
 * Two passes: the bytes are first made UTF-8 (a BOM says UTF-8 or UTF-16;
 * without one, valid UTF-8 is taken as UTF-8 and anything else as
 * Windows-1252, which is what Excel's plain "CSV" is in Denmark), then split
 * into records by a small state machine over quotes, separators and line
 * ends (CRLF, LF or a lone CR, as old Mac Excel writes). A record keeps the
 * line it starts on; a quoted line break inside it counts toward the lines
 * of the records after it, so every message names the line an editor shows. */
#include "csv.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "infile.h"
#include "utf8.h"

/* ---- bytes to UTF-8 ------------------------------------------------------ */

/* Windows-1252's bytes 0x80..0x9F; 0 where the code page has no character. */
static const uint16_t cp1252_high[32] = {
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

static bool valid_utf8(const unsigned char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		unsigned cp;
		size_t k = utf8_decode((const char *)s + i, n - i, &cp);
		if (!k)
			return false;
		i += k;
	}
	return true;
}

/* Windows-1252 → UTF-8; reports a byte the code page leaves undefined. */
static char *from_cp1252(arena *a, csv_table *t, const unsigned char *s, size_t n,
                         size_t *out_len, diag *d)
{
	char *out = arena_array(a, n + 1, 3);
	if (!out)
		return NULL;
	size_t k = 0;
	int line = 1;
	for (size_t i = 0; i < n; i++) {
		unsigned cp = s[i];
		if (cp >= 0x80 && cp < 0xA0 && !(cp = cp1252_high[cp - 0x80])) {
			diag_error(d, t->file, line, "byte 0x%02X er hverken UTF-8 eller Windows-1252; "
			           "gem regnearket som \"CSV UTF-8\"", s[i]);
			return NULL;
		}
		line += s[i] == '\n';
		k += utf8_encode(cp, out + k);
	}
	out[k] = '\0';
	*out_len = k;
	return out;
}

/* UTF-16 little- or big-endian (after its BOM) → UTF-8. */
static char *from_utf16(arena *a, csv_table *t, const unsigned char *s, size_t n, bool big,
                        size_t *out_len, diag *d)
{
	char *out = arena_array(a, n / 2 + 1, 3);
	if (!out)
		return NULL;
	size_t k = 0;
	int line = 1;
	for (size_t i = 0; i + 1 < n; i += 2) {
		unsigned u = big ? (unsigned)s[i] << 8 | s[i + 1] : (unsigned)s[i + 1] << 8 | s[i];
		if (u >= 0xD800 && u <= 0xDBFF && i + 3 < n) {
			unsigned lo = big ? (unsigned)s[i + 2] << 8 | s[i + 3] : (unsigned)s[i + 3] << 8 | s[i + 2];
			if (lo >= 0xDC00 && lo <= 0xDFFF) {
				u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
				i += 2;
			}
		}
		if (u >= 0xD800 && u <= 0xDFFF) {
			diag_error(d, t->file, line, "ugyldig UTF-16 (et halvt tegnpar); gem regnearket som \"CSV UTF-8\"");
			return NULL;
		}
		line += u == '\n';
		k += utf8_encode(u, out + k);
	}
	out[k] = '\0';
	*out_len = k;
	return out;
}

/* The bytes as UTF-8 text, or NULL with the reason in d (or out of memory
 * when d gained no error). */
static char *to_utf8(arena *a, csv_table *t, const char *buf, size_t len, size_t *out_len, diag *d)
{
	const unsigned char *s = (const unsigned char *)buf;
	if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) {
		t->encoding = "UTF-8";
		if (!valid_utf8(s + 3, len - 3)) {
			diag_error(d, t->file, 0, "filen siger, den er UTF-8, men indeholder ugyldig UTF-8");
			return NULL;
		}
		*out_len = len - 3;
		return arena_strndup(a, buf + 3, len - 3);
	}
	if (len >= 2 && ((s[0] == 0xFF && s[1] == 0xFE) || (s[0] == 0xFE && s[1] == 0xFF))) {
		t->encoding = "UTF-16";
		return from_utf16(a, t, s + 2, len - 2, s[0] == 0xFE, out_len, d);
	}
	if (valid_utf8(s, len)) {
		t->encoding = "UTF-8";
		*out_len = len;
		return arena_strndup(a, buf, len);
	}
	t->encoding = "Windows-1252";
	return from_cp1252(a, t, s, len, out_len, d);
}

/* ---- splitting into records --------------------------------------------- */

typedef struct splitter {
	arena *a;
	csv_table *t;
	diag *d;
	const char *p, *end;
	int line;              /* the line p is on */
	char sep;
	/* the record being read */
	const char *cells[CSV_MAX_COLUMNS + 1];
	size_t n_cells;
	char *field;           /* the field being read, in scratch */
	size_t field_len;
	bool oom;
} splitter;

/* Consumes a line end at p (CRLF, LF or CR); true when there was one. */
static bool line_end(splitter *s)
{
	if (s->p < s->end && *s->p == '\r') {
		s->p++;
		if (s->p < s->end && *s->p == '\n')
			s->p++;
		s->line++;
		return true;
	}
	if (s->p < s->end && *s->p == '\n') {
		s->p++;
		s->line++;
		return true;
	}
	return false;
}

static bool is_blank(char c) { return c == ' ' || c == '\t'; }

/* The field in scratch, trimmed of spaces (and tabs, unless they
 * separate), copied into the arena. */
static const char *finish_field(splitter *s)
{
	const char *f = s->field;
	size_t n = s->field_len;
	while (n > 0 && is_blank(f[0]) && f[0] != s->sep)
		f++, n--;
	while (n > 0 && is_blank(f[n - 1]) && f[n - 1] != s->sep)
		n--;
	const char *c = arena_strndup(s->a, f, n);
	if (!c)
		s->oom = true;
	return c;
}

/* Reads one field at p into scratch; leaves p at the separator, the line
 * end or the end. False with a message for a quote never closed or a
 * control character. */
static bool read_field(splitter *s, int record_line)
{
	s->field_len = 0;
	const char *p = s->p;
	while (p < s->end && is_blank(*p) && *p != s->sep)
		p++;
	bool in_quotes = p < s->end && *p == '"';
	if (in_quotes)
		p++;
	else
		p = s->p;
	for (;;) {
		if (p >= s->end) {
			if (in_quotes) {
				diag_error(s->d, s->t->file, record_line,
				           "et anførselstegn (\") åbnes her, men lukkes aldrig");
				return false;
			}
			break;
		}
		char c = *p;
		if (in_quotes && c == '"') {
			if (p + 1 < s->end && p[1] == '"') {
				s->field[s->field_len++] = '"';
				p += 2;
				continue;
			}
			in_quotes = false;   /* text after the closing quote is kept */
			p++;
			continue;
		}
		if (!in_quotes && (c == s->sep || c == '\r' || c == '\n'))
			break;
		if (c == '\r' || c == '\n') {   /* a line break inside quotes */
			s->p = p;
			line_end(s);
			p = s->p;
			s->field[s->field_len++] = '\n';
			continue;
		}
		if ((unsigned char)c < 0x20 && c != '\t') {
			diag_error(s->d, s->t->file, s->line, "styretegn (byte 0x%02X) i filen; forventede tekst",
			           (unsigned char)c);
			return false;
		}
		s->field[s->field_len++] = c;
		p++;
	}
	s->p = p;
	return true;
}

/* Reads one record; false at the end of the text or on an error (then
 * d has a new error, or s->oom). */
static bool read_record(splitter *s, int *record_line)
{
	if (s->p >= s->end)
		return false;
	*record_line = s->line;
	s->n_cells = 0;
	for (;;) {
		if (!read_field(s, *record_line))
			return false;
		if (s->n_cells == CSV_MAX_COLUMNS) {
			diag_error(s->d, s->t->file, *record_line, "rækken har mere end %d kolonner", CSV_MAX_COLUMNS);
			return false;
		}
		const char *f = finish_field(s);
		if (!f)
			return false;
		s->cells[s->n_cells++] = f;
		if (s->p < s->end && *s->p == s->sep) {
			s->p++;
			continue;
		}
		line_end(s);
		return true;
	}
}

static bool all_empty(const splitter *s)
{
	for (size_t i = 0; i < s->n_cells; i++)
		if (s->cells[i][0])
			return false;
	return true;
}

/* The separator: the one of ';', '\t', ',' that the first line holds most
 * of outside quotes (';' on a tie or when there is none). */
static char guess_separator(const char *p, const char *end)
{
	static const char seps[3] = {';', '\t', ','};
	size_t count[3] = {0, 0, 0};
	bool q = false;
	for (; p < end && (q || (*p != '\n' && *p != '\r')); p++) {
		if (*p == '"')
			q = !q;
		for (int i = 0; i < 3 && !q; i++)
			count[i] += *p == seps[i];
	}
	int best = 0;
	for (int i = 1; i < 3; i++)
		if (count[i] > count[best])
			best = i;
	return seps[best];
}

static const char **copy_cells(splitter *s, size_t n)
{
	const char **c = arena_array(s->a, n ? n : 1, sizeof *c);
	if (!c) {
		s->oom = true;
		return NULL;
	}
	for (size_t i = 0; i < n; i++)
		c[i] = i < s->n_cells ? s->cells[i] : "";
	return c;
}

/* Adds the record just read as a row, checking its width against the
 * header's. */
static bool add_row(splitter *s, int line, csv_row **rows, size_t *cap)
{
	csv_table *t = s->t;
	for (size_t i = t->n_columns; i < s->n_cells; i++)
		if (s->cells[i][0]) {
			diag_error(s->d, t->file, line, "kolonne %zu: \"%.60s\" står uden for tabellen; "
			           "overskriften har kun %zu kolonner", i + 1, s->cells[i], t->n_columns);
			return true;   /* an error in this row; go on with the next */
		}
	if (t->n_rows == *cap) {
		size_t ncap = *cap ? *cap * 2 : 64;
		csv_row *n = arena_array(s->a, ncap, sizeof *n);
		if (!n) {
			s->oom = true;
			return false;
		}
		if (t->n_rows)
			memcpy(n, *rows, t->n_rows * sizeof *n);
		*rows = n;
		*cap = ncap;
	}
	csv_row *r = &(*rows)[t->n_rows++];
	r->line = line;
	r->n_fields = t->n_columns;
	r->fields = copy_cells(s, t->n_columns);
	return r->fields != NULL;
}

static int split(splitter *s)
{
	csv_table *t = s->t;
	csv_row *rows = NULL;
	size_t cap = 0;
	int line;
	int errors = s->d->errors;
	while (read_record(s, &line)) {
		if (all_empty(s))
			continue;
		if (!t->columns) {
			t->header_line = line;
			t->n_columns = s->n_cells;
			while (t->n_columns > 0 && !s->cells[t->n_columns - 1][0])
				t->n_columns--;   /* Excel's empty cells after the last heading */
			if (!(t->columns = copy_cells(s, t->n_columns)))
				break;
			continue;
		}
		if (!add_row(s, line, &rows, &cap))
			break;
	}
	if (s->oom)
		return diag_oom(s->d, t->file);
	if (s->d->errors > errors)
		return AM_EINPUT;
	if (!t->columns) {
		diag_error(s->d, t->file, 0, "filen er tom; forventede en overskriftsrække og en række pr. linje");
		return AM_EINPUT;
	}
	t->rows = rows;
	return AM_OK;
}

int csv_parse(arena *a, const char *name, const char *buf, size_t len, csv_table **out, diag *d)
{
	*out = NULL;
	csv_table *t = arena_alloc(a, sizeof *t);
	if (!t || !(t->file = arena_strdup(a, name)))
		return diag_oom(d, name);
	int errors = d->errors;
	size_t n;
	char *text = to_utf8(a, t, buf, len, &n, d);
	if (!text)
		return d->errors > errors ? AM_EINPUT : diag_oom(d, name);
	splitter *s = arena_alloc(a, sizeof *s);
	char *scratch = arena_alloc(a, n + 1);
	if (!s || !scratch)
		return diag_oom(d, name);
	*s = (splitter){.a = a, .t = t, .d = d, .p = text, .end = text + n, .line = 1, .field = scratch};
	s->sep = t->separator = guess_separator(text, text + n);
	int rc = split(s);
	if (rc == AM_OK)
		*out = t;
	return rc;
}

int csv_read_file(arena *a, const char *path, size_t max_bytes, csv_table **out, diag *d)
{
	char *buf;
	size_t len;
	*out = NULL;
	int rc = infile_read(a, path, max_bytes, &buf, &len, d);
	return rc == AM_OK ? csv_parse(a, infile_name(path), buf, len, out, d) : rc;
}

/* ---- columns ------------------------------------------------------------- */

/* The next character of s, lower-cased for ASCII and Æ Ø Å (UTF-8);
 * advances *s. */
static unsigned next_folded(const char **s)
{
	const unsigned char *p = (const unsigned char *)*s;
	if (p[0] == 0xC3 && p[1]) {
		unsigned c = 0xC0 | (p[1] & 0x3F);
		*s += 2;
		return c == 0xC6 || c == 0xD8 || c == 0xC5 ? c + 0x20 : c;
	}
	*s += 1;
	return p[0] >= 'A' && p[0] <= 'Z' ? p[0] + 32u : p[0];
}

/* The bounds of s without surrounding spaces and a trailing ':', '?' or
 * '*'. */
static const char *heading_bounds(const char *s, const char **end)
{
	size_t n = strlen(s);
	while (n > 0 && (is_blank(s[n - 1]) || s[n - 1] == ':' || s[n - 1] == '*' || s[n - 1] == '?'))
		n--;
	*end = s + n;
	while (s < *end && is_blank(*s))
		s++;
	return s;
}

/* Compares a heading with a name as csv_column describes. */
static bool same_heading(const char *heading, const char *name)
{
	const char *h_end, *n_end;
	const char *h = heading_bounds(heading, &h_end), *n = heading_bounds(name, &n_end);
	while (h < h_end && n < n_end) {
		if (next_folded(&h) != next_folded(&n))
			return false;
	}
	return h == h_end && n == n_end;
}

int csv_column(const csv_table *t, const char *name)
{
	for (size_t i = 0; i < t->n_columns; i++)
		if (same_heading(t->columns[i], name))
			return (int)i;
	return -1;
}
