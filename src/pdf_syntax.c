/* pdf_syntax.c: how values are spelled in PDF's syntax; see pdf_syntax.h.
 *
 * Apart from the object writer (pdf.c) because two kinds of output spell
 * the same values: an object's dictionary in the file and a page's
 * content stream (render_content.c), which is built in a byte buffer of
 * its own before it becomes a stream. The spelling needs neither objects
 * nor a file, only a buffer to append to; numbers, names and strings are
 * here, the file's structure (objects, object streams, cross-reference)
 * is in pdf.c. Several of these run for every glyph or coordinate of a
 * page: they write into a small buffer on the stack, or straight into the
 * byte buffer once room is made, not byte by byte through bytes_putc. */
#include "pdf_syntax.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

static const char hex[] = "0123456789ABCDEF";

/* ---- numbers --------------------------------------------------------- */

/* "00" to "99". */
static const char pairs[201] =
	"0001020304050607080910111213141516171819"
	"2021222324252627282930313233343536373839"
	"4041424344454647484950515253545556575859"
	"6061626364656667686970717273747576777879"
	"8081828384858687888990919293949596979899";

/* The content streams' usual number, a coordinate or length in
 * hundredths of a point below 1000 points (an A4 page is 842 high):
 * each part of it by a table of two digits, without the general case's
 * loops. The same spelling as the general case's (test_pdf_syntax). */
static size_t format_hundredths(char *buf, bool neg, unsigned u)
{
	unsigned whole = u / 100, frac = u % 100;
	char *p = buf;
	if (neg)
		*p++ = '-';
	if (whole >= 100) {
		*p++ = (char)('0' + whole / 100);
		memcpy(p, pairs + 2 * (whole % 100), 2);
		p += 2;
	} else if (whole >= 10) {
		memcpy(p, pairs + 2 * whole, 2);
		p += 2;
	} else if (whole || !frac) {
		*p++ = (char)('0' + whole);
	}
	if (frac) {
		*p++ = '.';
		if (frac % 10) {
			memcpy(p, pairs + 2 * frac, 2);
			p += 2;
		} else {
			*p++ = (char)('0' + frac / 10);
		}
	}
	return (size_t)(p - buf);
}

size_t pdf_format_fixed(char *buf, long long q, int decimals)
{
	/* Written from its end at its place in buf, its length known first:
	 * no copy. The content streams format tens of thousands a document. */
	static const unsigned long long pow10[20] = {
		1ull, 10ull, 100ull, 1000ull, 10000ull, 100000ull, 1000000ull, 10000000ull, 100000000ull,
		1000000000ull, 10000000000ull, 100000000000ull, 1000000000000ull, 10000000000000ull,
		100000000000000ull, 1000000000000000ull, 10000000000000000ull, 100000000000000000ull,
		1000000000000000000ull, 10000000000000000000ull};
	bool neg = q < 0;
	unsigned long long u = neg ? 0ull - (unsigned long long)q : (unsigned long long)q;
	if (decimals == 2 && u < 100000)
		return format_hundredths(buf, neg, (unsigned)u);
	int frac = decimals;   /* the fraction's digits, its trailing zeros left out */
	while (frac > 0 && u % 10 == 0) {
		u /= 10;
		frac--;
	}
	int digits = 1;
	while (digits < 20 && u >= pow10[digits])
		digits++;
	/* The whole part: left out when it is 0 and there is a fraction (".5"). */
	int whole = frac == 0 ? digits : digits > frac ? digits - frac : 0;
	size_t n = (size_t)neg + (size_t)whole + (frac ? 1 + (size_t)frac : 0);
	char *p = buf + n;
	for (int k = 0; k < frac; k++) {
		*--p = (char)('0' + u % 10);
		u /= 10;
	}
	if (frac)
		*--p = '.';
	for (int k = 0; k < whole; k++) {
		*--p = (char)('0' + u % 10);
		u /= 10;
	}
	if (neg)
		*--p = '-';
	return n;
}

/* ---- names and strings ---------------------------------------------- */

/* A name's bytes: regular characters as they are, the rest as #xx
 * (PDF 1.7 §7.3.5). */
static bool name_byte_plain(unsigned char c)
{
	return c > 0x20 && c < 0x7F && c != '#' && c != '(' && c != ')' && c != '<' && c != '>' &&
	       c != '[' && c != ']' && c != '{' && c != '}' && c != '/' && c != '%';
}

void pdf_put_name(bytes *b, const char *name)
{
	char buf[256];
	size_t k = 0;
	buf[k++] = '/';
	for (const unsigned char *s = (const unsigned char *)name; *s; s++) {
		if (k > sizeof buf - 4) {
			bytes_put(b, buf, k);
			k = 0;
		}
		if (name_byte_plain(*s)) {
			buf[k++] = (char)*s;
		} else {
			buf[k++] = '#';
			buf[k++] = hex[*s >> 4];
			buf[k++] = hex[*s & 15];
		}
	}
	bytes_put(b, buf, k);
}

/* Whether a byte of a literal string needs a backslash. */
static bool needs_escape(unsigned char x)
{
	return x == '(' || x == ')' || x == '\\' || x == '\r' || x == '\n';
}

/* Puts byte x of a literal string at p, escaped; returns the end. */
static unsigned char *put_string_byte(unsigned char *p, unsigned char x)
{
	if (needs_escape(x)) {
		*p++ = '\\';
		*p++ = x == '\r' ? 'r' : x == '\n' ? 'n' : x;
	} else {
		*p++ = x;
	}
	return p;
}

void pdf_put_string(bytes *b, const void *s, size_t n)
{
	const unsigned char *from = s;
	unsigned char buf[256], *p = buf;
	*p++ = '(';
	for (size_t i = 0; i < n; i++) {
		if ((size_t)(p - buf) > sizeof buf - 8) {
			bytes_put(b, buf, (size_t)(p - buf));
			p = buf;
		}
		p = put_string_byte(p, from[i]);
	}
	*p++ = ')';
	bytes_put(b, buf, (size_t)(p - buf));
}

/* ---- text strings ---------------------------------------------------- */

/* PDFDocEncoding's bytes 0x80..0xA0 (PDF 1.7 Annex D; 0x9F is undefined). */
static const unsigned short pdfdoc_high[] = {
	0x2022, 0x2020, 0x2021, 0x2026, 0x2014, 0x2013, 0x0192, 0x2044, 0x2039, 0x203A, 0x2212,
	0x2030, 0x201E, 0x201C, 0x201D, 0x2018, 0x2019, 0x201A, 0x2122, 0xFB01, 0xFB02, 0x0141,
	0x0152, 0x0160, 0x0178, 0x017D, 0x0131, 0x0142, 0x0153, 0x0161, 0x017E, 0, 0x20AC,
};

/* The PDFDocEncoding byte of cp, or 0 when it has none we use. */
static unsigned char pdfdoc_byte(unsigned cp)
{
	if ((cp >= 0x20 && cp < 0x7F) || (cp >= 0xA1 && cp <= 0xFF && cp != 0xAD))
		return (unsigned char)cp;
	for (size_t i = 0; i < sizeof pdfdoc_high / sizeof *pdfdoc_high; i++)
		if (pdfdoc_high[i] == cp && cp)
			return (unsigned char)(0x80 + i);
	return 0;
}

/* utf8 in PDFDocEncoding into out (room for strlen(utf8) bytes); its
 * length, or -1 when some character has no byte there. */
static long to_pdfdoc(const char *utf8, size_t len, unsigned char *out)
{
	size_t n = 0;
	for (size_t i = 0; i < len;) {
		unsigned cp;
		size_t k = utf8_decode(utf8 + i, len - i, &cp);
		unsigned char b = k ? pdfdoc_byte(cp) : 0;
		if (!b)
			return -1;
		out[n++] = b;
		i += k;
	}
	return (long)n;
}

void pdf_put_text(bytes *b, const char *utf8)
{
	size_t len = strlen(utf8);
	unsigned char small[256], *doc = len <= sizeof small ? small : malloc(len);
	if (!doc) {
		b->oom = true;
		return;
	}
	long n = to_pdfdoc(utf8, len, doc);
	if (n >= 0)
		pdf_put_string(b, doc, (size_t)n);
	else
		pdf_put_utf16(b, utf8, len);
	if (doc != small)
		free(doc);
}

void pdf_put_utf16(bytes *b, const char *utf8, size_t len)
{
	char buf[64];
	size_t k = 0;
	bytes_put(b, "<FEFF", 5);
	for (size_t i = 0; i < len;) {
		unsigned units[2];
		int n = utf16_next(utf8, len, &i, units);
		for (int u = 0; u < n; u++)
			for (int s = 12; s >= 0; s -= 4)
				buf[k++] = hex[(units[u] >> s) & 0xF];
		if (k > sizeof buf - 8) {
			bytes_put(b, buf, k);
			k = 0;
		}
	}
	bytes_put(b, buf, k);
	bytes_putc(b, '>');
}

void pdf_put_utf16_literal(bytes *b, const char *utf8, size_t len)
{
	bytes_put(b, "(\xFE\xFF", 3);
	for (size_t i = 0; i < len;) {
		unsigned units[2];
		int n = utf16_next(utf8, len, &i, units);
		for (int u = 0; u < n; u++)
			pdf_put_code(b, units[u]);
	}
	bytes_putc(b, ')');
}

void pdf_put_code(bytes *b, unsigned code)
{
	/* Room for both bytes escaped, made once: this runs for every glyph. */
	if (b->cap - b->n < 4 && !bytes_grow(b, 4))
		return;
	unsigned char *p = put_string_byte(b->p + b->n, (unsigned char)(code >> 8));
	p = put_string_byte(p, (unsigned char)code);
	b->n = (size_t)(p - b->p);
}

void pdf_put_short_codes(bytes *b, const char *s, size_t n)
{
	if (n > SIZE_MAX / 2 || (b->cap - b->n < 2 * n && !bytes_grow(b, 2 * n)))
		return;
	unsigned char *p = b->p + b->n;
	for (size_t i = 0; i < n; i++)
		p = put_string_byte(p, (unsigned char)s[i]);
	b->n = (size_t)(p - b->p);
}

void pdf_put_short_code(bytes *b, unsigned code)
{
	if (b->cap - b->n < 4 && !bytes_grow(b, 4))
		return;
	unsigned char *p = b->p + b->n;
	/* Most codes are one byte that needs no escape: this runs for every glyph. */
	if (code <= 0xFF && !needs_escape((unsigned char)code)) {
		*p = (unsigned char)code;
		b->n++;
		return;
	}
	if (code > 0xFF)
		p = put_string_byte(p, (unsigned char)(code >> 8));
	p = put_string_byte(p, (unsigned char)code);
	b->n = (size_t)(p - b->p);
}
