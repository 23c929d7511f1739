/* pdf_syntax.h: how values are spelled in PDF's syntax (PDF 1.7 §7.3):
 * numbers, names, literal strings, text strings and glyph codes, appended
 * to a byte buffer (bytes.h).
 *
 * The object writer (pdf.h) spells them into the file's objects, the
 * content streams (render) into a page's own buffer; neither knows the
 * other, so the spelling is here, with nothing of objects or files. A
 * failed allocation sets the buffer's oom, as every append does. */
#ifndef AMOKIT_PDF_SYNTAX_H
#define AMOKIT_PDF_SYNTAX_H

#include <stddef.h>

#include "bytes.h"

/* Formats q / 10^decimals the shortest way ("12", "-.5", "3.14") into buf
 * (at least 32 bytes); returns the length. */
size_t pdf_format_fixed(char *buf, long long q, int decimals);

/* /name, a byte other than a regular character written #xx (§7.3.5). */
void pdf_put_name(bytes *b, const char *name);
/* A literal string of n bytes, ( ) \ and line ends escaped. */
void pdf_put_string(bytes *b, const void *s, size_t n);
/* A text string (§7.9.2.2): literal in PDFDocEncoding when every
 * character has a byte there, else pdf_put_utf16's. utf8 is valid UTF-8;
 * anything else is written as U+FFFD. */
void pdf_put_text(bytes *b, const char *utf8);

/* utf8[0..len) as a hex string of UTF-16BE with a byte order mark, as
 * text strings in content streams (/ActualText) want it. */
void pdf_put_utf16(bytes *b, const char *utf8, size_t len);
/* The same as a literal string of UTF-16BE bytes: half the size. */
void pdf_put_utf16_literal(bytes *b, const char *utf8, size_t len);
/* The two bytes of a 16-bit code inside a literal string, ( ) \ and line
 * ends escaped (a reader turns a raw CR into LF). */
void pdf_put_code(bytes *b, unsigned code);
/* A code of a font's encoding inside a literal string: one byte below
 * 0x100, else two (pdf_font.h), escaped as pdf_put_code's. */
void pdf_put_short_code(bytes *b, unsigned code);
/* pdf_put_short_code for each of the n codes s holds, each below 0x80. */
void pdf_put_short_codes(bytes *b, const char *s, size_t n);

#endif
