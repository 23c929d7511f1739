/* diag.c: error records with file and line; see diag.h. */
#include "diag.h"

#include <errno.h>
#include <stdarg.h>
#include <string.h>

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

void diag_print(const diag *d, FILE *out)
{
	const char *last_file = "amokit";
	for (int i = 0; i < d->n; i++) {
		const diag_entry *e = &d->entries[i];
		const char *kind = e->level == DIAG_WARNING ? "advarsel: " : "";
		if (e->file[0])
			last_file = e->file;
		if (e->file[0] && e->line > 0)
			fprintf(out, "%s:%d: %s%s\n", e->file, e->line, kind, e->msg);
		else if (e->file[0])
			fprintf(out, "%s: %s%s\n", e->file, kind, e->msg);
		else
			fprintf(out, "amokit: %s%s\n", kind, e->msg);
	}
	if (d->errors + d->warnings > d->n)
		fprintf(out, "%s: for mange fejl; kun de første %d er vist\n", last_file, DIAG_MAX);
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
