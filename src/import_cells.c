/* import_cells.c: reading one cell of a sheet: its text, the messages that name
 * its sheet, row and column, the words people write for the format's
 * tokens, dates, times, texts and the ids made from names. See import.h. */
#include "import_int.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "danish.h"
#include "norm.h"
#include "reader.h"
#include "utf8.h"

/* ---- cells and messages ---------------------------------------------------------- */

/* The imp_cell of field f in the current row, "" when empty or absent. */
const char *imp_cell(const imp *m, int f)
{
	int c = m->col[f];
	return c >= 0 && (size_t)c < m->row->n_fields ? m->row->fields[c] : "";
}

bool imp_given(const imp *m, int f) { return imp_cell(m, f)[0] != '\0'; }

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

bool imp_valid_id(const char *s)
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
void imp_set_child(imp *m, xmlNodePtr el, const char *name, const char *text)
{
	xmlNodePtr c = edit_child(el, name);
	if (c)
		edit_remove(c);
	if (text && *text)
		edit_add(&m->e, el, name, text);
}

