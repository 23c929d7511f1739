/* diag.h: error records with file and line, the library's way to report.
 *
 * Library code never prints or exits: it adds records here and returns an
 * error code. The CLI prints them as `FILE:LINE: message`. At most
 * DIAG_MAX errors are kept; the rest are counted ("for mange fejl").
 * Messages are Danish: they are read by the people who wrote the input. */
#ifndef AMOKIT_DIAG_H
#define AMOKIT_DIAG_H

#include <stdarg.h>
#include <stdio.h>

#define DIAG_MAX 20

/* Exit codes shared by the CLI and the library's return values. */
enum {
	AM_OK = 0,        /* success */
	AM_EINPUT = 1,    /* input rejected (or --strict warnings) */
	AM_EUSAGE = 2,    /* usage or I/O error */
	AM_EINTERNAL = 3  /* internal error or out of memory */
};

typedef enum diag_level { DIAG_ERROR, DIAG_WARNING } diag_level;

typedef struct diag_entry {
	diag_level level;
	char file[256];
	int line;             /* 0 when no line applies */
	char msg[512];
} diag_entry;

typedef struct diag {
	diag_entry entries[DIAG_MAX];
	int n;                /* entries kept */
	int errors;           /* errors seen, including those not kept */
	int warnings;
	int oom;              /* set once an allocation failed */
} diag;

void diag_init(diag *d);
/* Adds an error (or warning) record. file may be NULL. */
void diag_error(diag *d, const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
void diag_warning(diag *d, const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* diag_error with the arguments in a va_list, for a module's own wrapper. */
void diag_verror(diag *d, const char *file, int line, const char *fmt, va_list ap)
	__attribute__((format(printf, 4, 0)));
/* Records an out-of-memory error; returns AM_EINTERNAL for convenience. */
int diag_oom(diag *d, const char *file);
/* What the system error e means, in Danish ("filen findes ikke"); for
 * the rare ones, the C library's own text. */
const char *diag_errno(int e);
/* Adds from's records (and counts, and its out-of-memory flag) to to's. */
void diag_merge(diag *to, const diag *from);
/* Prints every kept record as `FILE:LINE: [advarsel: ]message`, then
 * "FILE: for mange fejl; ..." when more were seen than kept. Names and
 * messages are printed as diag_put_escaped does, so that every record is
 * one line and a hostile file name cannot forge another. */
void diag_print(const diag *d, FILE *out);
/* Prints s with control characters (\n, \r, \t, else \xNN), characters
 * that reorder text on screen and bytes that are not UTF-8 escaped. */
void diag_put_escaped(FILE *out, const char *s);

#endif
