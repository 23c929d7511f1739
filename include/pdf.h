/* pdf.h: a small writer of PDF files, object by object.
 *
 * amokit writes its PDFs itself (see README, "For developers"). This module
 * knows the file format only: numbered indirect objects, the tokens inside
 * them (dictionaries, arrays, names, numbers, strings, references), streams
 * compressed with libdeflate, and the cross-reference table and trailer at
 * the end. It knows nothing of pages, fonts or draw lists. How a value is
 * spelled (a number, a name, a string) is pdf_syntax.h's, which the
 * content streams use too.
 *
 * Objects go to the output as soon as they are written, in the order they
 * are written; an object may be referred to before it exists by reserving
 * its number first (a page's /Parent, the page tree's /Kids filled in at
 * the end). Nothing is kept per object but its offset, so a document of
 * any length needs memory only for the object being written.
 *
 * Errors are sticky: after a failed allocation or write every call does
 * nothing, and pdf_error() tells what went wrong. The output is a function
 * of the calls alone (no clock, no addresses), so the same calls give the
 * same bytes. */
#ifndef AMOKIT_PDF_H
#define AMOKIT_PDF_H

#include <stdbool.h>
#include <stddef.h>

typedef struct pdf pdf;

enum {
	PDF_OK,
	PDF_ENOMEM,      /* an allocation failed */
	PDF_EIO,         /* the sink refused bytes */
	PDF_EBUG         /* misuse: an object reserved but never written, ... */
};

/* Where finished bytes go: returns 0, or -1 when they cannot be written.
 * With no sink, the whole file stays in memory (pdf_data). */
typedef int (*pdf_sink)(void *ctx, const unsigned char *p, size_t n);

/* A new file of PDF version `version` ("1.4"), header written. NULL when
 * out of memory. */
pdf *pdf_new(const char *version, pdf_sink sink, void *ctx);
void pdf_free(pdf *w);
/* With on (PDF 1.5 and later, not PDF/A-1), objects without a stream are
 * gathered into compressed object streams and the cross-reference table
 * is a compressed stream too. Call before the first object. */
void pdf_object_streams(pdf *w, bool on);
/* PDF_OK or the first error. */
int pdf_error(const pdf *w);
/* The bytes of a file written without a sink, valid until pdf_free. */
const unsigned char *pdf_data(const pdf *w, size_t *n);

/* A fresh object number, to write later with pdf_begin. */
unsigned pdf_reserve(pdf *w);
/* Starts object num (a reserved number; 0 takes a fresh one) and returns
 * its number. Objects do not nest. */
unsigned pdf_begin(pdf *w, unsigned num);
void pdf_end(pdf *w);

/* Tokens inside an object. A space separates a token from the one before
 * when needed, so calls simply follow the syntax. */
void pdf_dict(pdf *w);                     /* << */
void pdf_dict_end(pdf *w);                 /* >> */
void pdf_array(pdf *w);                    /* [ */
void pdf_array_end(pdf *w);                /* ] */
void pdf_name(pdf *w, const char *name);   /* /name, escaped as needed */
void pdf_int(pdf *w, long long v);
void pdf_num(pdf *w, double v);            /* to 1/100, the shortest way */
void pdf_real(pdf *w, double v, int decimals);   /* to 10^-decimals (at most 6) */
void pdf_ref(pdf *w, unsigned num);        /* num 0 R */
void pdf_raw(pdf *w, const char *token);   /* a keyword: null, true, ... */
/* A string of n bytes, literal with ( ) \ and line ends escaped. */
void pdf_string(pdf *w, const void *s, size_t n);
/* A text string (PDF 1.7 §7.9.2.2): PDFDocEncoding when every character
 * has a byte there, else UTF-16BE with a byte order mark. utf8 is valid
 * UTF-8; anything else is written as U+FFFD. */
void pdf_text(pdf *w, const char *utf8);
/* A date string D:YYYYMMDDHHmmSS+00'00' for seconds since the epoch. */
void pdf_date(pdf *w, long long epoch);

/* Shorthands for a dictionary entry: /key value. */
void pdf_key_name(pdf *w, const char *key, const char *name);
void pdf_key_int(pdf *w, const char *key, long long v);
void pdf_key_num(pdf *w, const char *key, double v);
void pdf_key_ref(pdf *w, const char *key, unsigned num);
void pdf_key_text(pdf *w, const char *key, const char *utf8);

/* Ends the dictionary of a stream object (begun with pdf_dict and its
 * entries) with /Length and, when deflate is set and it pays, /Filter
 * /FlateDecode, then writes the n bytes of data as its stream. */
void pdf_stream(pdf *w, const void *data, size_t n, bool deflate);

/* Writes the cross-reference table and the trailer (/Root root, /Info
 * info when not 0, /ID of the 16 bytes id twice) and hands every byte
 * to the sink. Returns pdf_error(). */
int pdf_finish(pdf *w, unsigned root, unsigned info, const unsigned char id[16]);

#endif
