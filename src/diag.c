/* diag.c: error records with file and line; see diag.h. */
#include "diag.h"

#include <errno.h>
#include <stdarg.h>
#include <string.h>

#include "utf8.h"

void diag_init(diag *d) { memset(d, 0, sizeof *d); }

__attribute__((format(printf, 5, 0)))
static void add(diag *d, diag_level level, const char *file, int line,
                const char *fmt, va_list ap)
{
	if (level == DIAG_ERROR)
		d->errors++;
	else
		d->warnings++;
	if (d->n >= DIAG_MAX)
		return;
	diag_entry *e = &d->entries[d->n++];
	e->level = level;
	snprintf(e->file, sizeof e->file, "%s", file ? file : "");
	e->line = line;
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
}

void diag_error(diag *d, const char *file, int line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	add(d, DIAG_ERROR, file, line, fmt, ap);
	va_end(ap);
}

void diag_verror(diag *d, const char *file, int line, const char *fmt, va_list ap)
{
	add(d, DIAG_ERROR, file, line, fmt, ap);
}

void diag_warning(diag *d, const char *file, int line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	add(d, DIAG_WARNING, file, line, fmt, ap);
	va_end(ap);
}

int diag_oom(diag *d, const char *file)
{
	if (!d->oom)
		diag_error(d, file, 0, "ikke nok hukommelse");
	d->oom = 1;
	return AM_EINTERNAL;
}

/* The length of the UTF-8 sequence at s that is safe to print as it is
 * (1 to 4 bytes), or 0: a control character (C0, DEL, C1), a character
 * that reorders text on screen (bidirectional overrides and isolates), or
 * bytes that are not UTF-8. */
static size_t printable(const unsigned char *s)
{
	if (s[0] >= 0x20 && s[0] < 0x7F)
		return 1;
	unsigned cp;
	size_t n = utf8_decode((const char *)s, strnlen((const char *)s, 4), &cp);
	if (n == 0 || cp < 0xA0 || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069))
		return 0;
	return n;
}

void diag_put_escaped(FILE *out, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		size_t n = printable(p);
		if (n) {
			fwrite(p, 1, n, out);
			p += n;
			continue;
		}
		const char *named = *p == '\n' ? "\\n" : *p == '\r' ? "\\r" : *p == '\t' ? "\\t" : NULL;
		if (named)
			fputs(named, out);
		else
			fprintf(out, "\\x%02X", *p);
		p++;
	}
}

void diag_print(const diag *d, FILE *out)
{
	const char *last_file = "amokit";
	for (int i = 0; i < d->n; i++) {
		const diag_entry *e = &d->entries[i];
		if (e->file[0])
			last_file = e->file;
		diag_put_escaped(out, e->file[0] ? e->file : "amokit");
		if (e->file[0] && e->line > 0)
			fprintf(out, ":%d", e->line);
		fputs(e->level == DIAG_WARNING ? ": advarsel: " : ": ", out);
		diag_put_escaped(out, e->msg);
		fputc('\n', out);
	}
	if (d->errors + d->warnings > d->n) {
		diag_put_escaped(out, last_file);
		fprintf(out, ": for mange fejl; kun de første %d er vist\n", DIAG_MAX);
	}
}

void diag_merge(diag *to, const diag *from)
{
	for (int e = 0; e < from->n; e++) {
		const diag_entry *x = &from->entries[e];
		const char *file = x->file[0] ? x->file : NULL;
		if (x->level == DIAG_WARNING)
			diag_warning(to, file, x->line, "%s", x->msg);
		else
			diag_error(to, file, x->line, "%s", x->msg);
	}
	int kept_errors = 0;
	for (int e = 0; e < from->n; e++)
		kept_errors += from->entries[e].level == DIAG_ERROR;
	to->errors += from->errors - kept_errors;   /* those beyond DIAG_MAX */
	to->oom |= from->oom;
}

const char *diag_errno(int e)
{
	switch (e) {
	case ENOENT: return "filen eller mappen findes ikke";
	case EACCES: case EPERM: return "ingen adgang (tilladelse nægtet)";
	case ENOTDIR: return "en del af stien er ikke en mappe";
	case EISDIR: return "det er en mappe";
	case ENOSPC: return "der er ikke mere plads på disken";
	case EDQUOT: return "diskkvoten er opbrugt";
	case EROFS: return "filsystemet er skrivebeskyttet";
	case EEXIST: return "findes allerede";
	case ENAMETOOLONG: return "navnet er for langt";
	case ELOOP: return "for mange symbolske link i stien";
	case EIO: return "ind-/uddatafejl på disken";
	case ENOMEM: return "ikke nok hukommelse";
	default: return strerror(e);
	}
}
