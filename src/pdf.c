/* pdf.c: the PDF object writer; see pdf.h.
 *
 * The file is built in one buffer (bytes.h). With a sink, the buffer is
 * handed over whenever it passes FLUSH_AT bytes and emptied, so only the
 * object being written is in memory; without one it holds the whole file.
 * Per object only its offset is kept, for the cross-reference table: in
 * four bytes, as the cross-reference stream writes it (a file cannot grow
 * past 4 GiB), so that the table of a 5,000-page document's 180,000
 * objects takes 1.4 MB, not 3 (issue 24).
 * Streams are compressed with libdeflate in one call each.
 *
 * With object streams (PDF 1.5, §7.5.7), an object without a stream is
 * written into a buffer of its own and then gathered with others into an
 * object stream, compressed as one, of at most BATCH_OBJECTS objects or
 * BATCH_BYTES bytes; the cross-reference table becomes a compressed
 * cross-reference stream (§7.5.8). A tagged document's hundreds of small
 * structure elements cost a few bytes each so, not fifty.
 *
 * How a number, a name or a string is spelled is pdf_syntax.c's: the
 * content streams spell them too, into buffers of their own. */
#include "pdf.h"

#include <libdeflate.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bytes.h"
#include "pdf_syntax.h"

/* libdeflate's level 1: measured on a full set of documents under libharu
 * (issue 7), level 6 saved 2 % of the bytes for a sixth of the time. */
#define DEFLATE_LEVEL 1
#define FLUSH_AT (64 * 1024)
/* Object streams hold small, alike dictionaries: the best level pays. */
#define BATCH_LEVEL 6
/* Up to 1,000 objects a stream (some 32 KB of dictionaries, within
 * BATCH_BYTES): each stream starts deflate's dictionary afresh, and at
 * 200 a tagged agenda's structure elements took four streams (the
 * bytes saved are in bench/NOTES.md). */
#define BATCH_OBJECTS 1000
#define BATCH_BYTES (48 * 1024)

struct pdf {
	bytes out;                   /* bytes not yet handed to the sink */
	size_t flushed;              /* bytes handed over before out */
	pdf_sink sink;
	void *sink_ctx;
	uint32_t *offset;            /* per object number; 0 = not written; in an
	                                object stream: its index there */
	uint32_t *stm;               /* per object number: its object stream, 0 for none */
	unsigned next;               /* the next fresh object number */
	unsigned cap;                /* of offset and stm; zeroed as numbers are reserved */
	bool in_object;
	int error;
	struct libdeflate_compressor *z;   /* made on the first stream */
	bytes packed;                /* a compressed stream */
	/* object streams */
	bool objstm;                 /* small objects go into object streams */
	unsigned cur;                /* the object being written */
	bool direct;                 /* it has a stream: written to out as it comes */
	bytes obj;                   /* its bytes, until it ends */
	bytes batch, head;           /* objects waiting for their object stream, and
	                                its header ("num offset" pairs) */
	unsigned *batch_num;         /* their numbers */
	unsigned batch_n;
	size_t batch_cap;
	struct libdeflate_compressor *z9;
};

/* ---- bytes out ------------------------------------------------------- */

static void fail(pdf *w, int error)
{
	if (!w->error)
		w->error = error;
}

/* Where tokens go: the object's own buffer while it waits for an object
 * stream, else the file. */
static bytes *target(pdf *w) { return w->in_object && w->objstm && !w->direct ? &w->obj : &w->out; }

static void put(pdf *w, const void *p, size_t n)
{
	bytes *b = target(w);
	bytes_put(b, p, n);
	if (b->oom)
		fail(w, PDF_ENOMEM);
}

static void puts_(pdf *w, const char *s) { put(w, s, strlen(s)); }

/* After one of pdf_syntax.h's functions appended to target(w). */
static void took(pdf *w)
{
	if (target(w)->oom)
		fail(w, PDF_ENOMEM);
}

/* An emptied buffer that one large stream (an A1 poster's page) grew is
 * let go, not kept for the small ones after it. */
#define KEEP_BYTES (256 * 1024)
static void let_go_if_large(bytes *b)
{
	if (b->cap > KEEP_BYTES)
		bytes_free(b);
}

static void flush(pdf *w)
{
	if (!w->sink || !w->out.n || w->error)
		return;
	if (w->sink(w->sink_ctx, w->out.p, w->out.n) != 0)
		fail(w, PDF_EIO);
	w->flushed += w->out.n;
	w->out.n = 0;
	let_go_if_large(&w->out);
}

static size_t position(const pdf *w) { return w->flushed + w->out.n; }

/* A space before a token that begins with a regular character (a number,
 * a keyword), unless the last byte already ends one: whitespace or a
 * delimiter (PDF 1.7 §7.2.2). A token that begins with a delimiter (a
 * name, a dictionary, an array, a string) needs none. */
static void sep(pdf *w)
{
	const bytes *b = target(w);
	if (!b->n)
		return;
	switch (b->p[b->n - 1]) {
	case ' ': case '\n': case '[': case ']': case '<': case '>': case '(': case ')':
		return;
	default:
		put(w, " ", 1);
	}
}

/* ---- the file -------------------------------------------------------- */

pdf *pdf_new(const char *version, pdf_sink sink, void *ctx)
{
	pdf *w = calloc(1, sizeof *w);
	if (!w)
		return NULL;
	w->sink = sink;
	w->sink_ctx = ctx;
	w->next = 1;
	/* The comment of four bytes above 127 marks the file as binary
	 * (PDF 1.7 §7.5.2; PDF/A-1 §6.1.2 requires it). */
	puts_(w, "%PDF-");
	puts_(w, version);
	puts_(w, "\n%\xE2\xE3\xCF\xD3\n");
	if (w->error) {
		pdf_free(w);
		return NULL;
	}
	return w;
}

void pdf_free(pdf *w)
{
	if (!w)
		return;
	bytes_free(&w->out);
	bytes_free(&w->packed);
	bytes_free(&w->obj);
	bytes_free(&w->batch);
	bytes_free(&w->head);
	if (w->z)
		libdeflate_free_compressor(w->z);
	if (w->z9)
		libdeflate_free_compressor(w->z9);
	free(w->offset);
	free(w->stm);
	free(w->batch_num);
	free(w);
}

void pdf_object_streams(pdf *w, bool on) { w->objstm = on; }

int pdf_error(const pdf *w) { return w->error; }

const unsigned char *pdf_data(const pdf *w, size_t *n)
{
	*n = w->out.n;
	return w->out.p;
}

/* ---- objects --------------------------------------------------------- */

unsigned pdf_reserve(pdf *w)
{
	if (w->next >= w->cap) {
		unsigned cap = w->cap ? w->cap + w->cap / 2 : 64;
		uint32_t *p = cap > w->cap ? realloc(w->offset, cap * sizeof *p) : NULL;
		if (p)
			w->offset = p;
		uint32_t *q = p ? realloc(w->stm, cap * sizeof *q) : NULL;
		if (!q) {
			fail(w, PDF_ENOMEM);
			return 0;
		}
		w->stm = q;
		if (!w->cap)
			p[0] = q[0] = 0;   /* object 0, the free list's head */
		w->cap = cap;
	}
	w->offset[w->next] = w->stm[w->next] = 0;
	return w->next++;
}

/* Where the next byte goes, as the cross-reference table keeps it. */
/* "num 0 obj" and an end of line, where an object begins in the file. */
static void put_obj_header(pdf *w, unsigned num)
{
	char buf[32];
	size_t k = pdf_format_fixed(buf, num, 0);
	memcpy(buf + k, " 0 obj\n", 7);
	put(w, buf, k + 7);
}

static uint32_t here(pdf *w)
{
	size_t at = position(w);
	if (at > UINT32_MAX)
		fail(w, PDF_EBUG);
	return (uint32_t)at;
}

static bool written(const pdf *w, unsigned num) { return w->offset[num] || w->stm[num]; }

unsigned pdf_begin(pdf *w, unsigned num)
{
	if (!num)
		num = pdf_reserve(w);
	if (w->error)
		return num;
	if (!num || num >= w->next || written(w, num) || w->in_object) {
		fail(w, PDF_EBUG);
		return num;
	}
	if (w->out.n >= FLUSH_AT)
		flush(w);
	w->cur = num;
	w->in_object = true;
	w->direct = !w->objstm;
	w->obj.n = 0;
	if (w->direct) {
		w->offset[num] = here(w);
		put_obj_header(w, num);
	}
	return num;
}

/* The object begun, held in w->obj, goes to the file as it is: it has a
 * stream, which an object stream may not hold. */
static void write_direct(pdf *w)
{
	w->direct = true;
	w->offset[w->cur] = here(w);
	put_obj_header(w, w->cur);
	put(w, w->obj.p, w->obj.n);
	w->obj.n = 0;
}

static bool pack_with(pdf *w, struct libdeflate_compressor **z, int level, const void *data, size_t n);

/* Writes the objects waiting as one object stream. */
static void flush_batch(pdf *w)
{
	if (!w->batch_n || w->error)
		return;
	unsigned num = pdf_reserve(w);
	if (w->error)
		return;
	/* The header goes in front of the objects, in the batch's own buffer
	 * (a large last object is not copied once more to follow it). */
	size_t first = w->head.n;
	if (!bytes_grow(&w->batch, first)) {
		fail(w, PDF_ENOMEM);
		return;
	}
	memmove(w->batch.p + first, w->batch.p, w->batch.n);
	memcpy(w->batch.p, w->head.p, first);
	w->batch.n += first;
	bool packed = pack_with(w, &w->z9, BATCH_LEVEL, w->batch.p, w->batch.n);
	const unsigned char *data = packed ? w->packed.p : w->batch.p;
	size_t n = packed ? w->packed.n : w->batch.n;
	w->offset[num] = here(w);
	char buf[128];
	int k = snprintf(buf, sizeof buf, "%u 0 obj\n<</Type/ObjStm/N %u/First %zu/Length %zu%s>>\nstream\n", num,
	                 w->batch_n, first, n, packed ? "/Filter/FlateDecode" : "");
	put(w, buf, (size_t)k);
	put(w, data, n);
	puts_(w, "\nendstream\nendobj\n");
	for (unsigned i = 0; i < w->batch_n; i++) {
		w->stm[w->batch_num[i]] = num;
		w->offset[w->batch_num[i]] = i;
	}
	w->batch_n = 0;
	w->batch.n = w->head.n = 0;
	let_go_if_large(&w->packed);
	let_go_if_large(&w->batch);
}

/* Puts the object begun, held in w->obj, into the object stream to come. */
static void batch_object(pdf *w)
{
	if (heap_grow((void **)&w->batch_num, &w->batch_cap, w->batch_n + 1, sizeof *w->batch_num, 64)) {
		fail(w, PDF_ENOMEM);
		return;
	}
	char buf[48];
	size_t k = pdf_format_fixed(buf, w->cur, 0);
	buf[k++] = ' ';
	k += pdf_format_fixed(buf + k, (long long)w->batch.n, 0);
	buf[k++] = ' ';
	bytes_put(&w->head, buf, k);
	if (!w->batch.n) {   /* the object's buffer becomes the batch's, uncopied */
		bytes t = w->batch;
		w->batch = w->obj;
		w->obj = t;
	} else {
		bytes_put(&w->batch, w->obj.p, w->obj.n);
	}
	bytes_putc(&w->batch, '\n');
	if (w->head.oom || w->batch.oom) {
		fail(w, PDF_ENOMEM);
		return;
	}
	w->batch_num[w->batch_n++] = w->cur;
	/* marks the object as written until its stream is */
	w->stm[w->cur] = UINT32_MAX;
	if (w->batch_n >= BATCH_OBJECTS || w->batch.n >= BATCH_BYTES)
		flush_batch(w);
}

void pdf_end(pdf *w)
{
	if (w->direct) {
		puts_(w, "\nendobj\n");
		w->in_object = false;
		return;
	}
	w->in_object = false;
	batch_object(w);
}

/* ---- tokens ---------------------------------------------------------- */

void pdf_dict(pdf *w) { put(w, "<<", 2); }

void pdf_dict_end(pdf *w) { put(w, ">>", 2); }

void pdf_array(pdf *w) { put(w, "[", 1); }

void pdf_array_end(pdf *w) { put(w, "]", 1); }

void pdf_raw(pdf *w, const char *token)
{
	if (!strchr("/<[(", token[0]))
		sep(w);
	puts_(w, token);
}

void pdf_name(pdf *w, const char *name) { pdf_put_name(target(w), name); took(w); }

void pdf_int(pdf *w, long long v)
{
	sep(w);
	char buf[32];
	put(w, buf, pdf_format_fixed(buf, v, 0));
}

void pdf_real(pdf *w, double v, int decimals)
{
	sep(w);
	if (!isfinite(v))
		v = 0;
	v = v > 1e12 ? 1e12 : v < -1e12 ? -1e12 : v;
	double unit = 1;
	for (int i = 0; i < decimals; i++)
		unit *= 10;
	char buf[40];
	put(w, buf, pdf_format_fixed(buf, llround(v * unit), decimals));
}

void pdf_num(pdf *w, double v) { pdf_real(w, v, 2); }

void pdf_ref(pdf *w, unsigned num)
{
	sep(w);
	char buf[32];
	size_t n = pdf_format_fixed(buf, num, 0);
	memcpy(buf + n, " 0 R", 4);
	put(w, buf, n + 4);
}

void pdf_string(pdf *w, const void *s, size_t n) { pdf_put_string(target(w), s, n); took(w); }

void pdf_text(pdf *w, const char *utf8) { pdf_put_text(target(w), utf8); took(w); }

void pdf_date(pdf *w, long long epoch)
{
	time_t t = (time_t)epoch;
	struct tm tm;
	char buf[40] = "D:19700101000000+00'00'";
	if (gmtime_r(&t, &tm))
		strftime(buf, sizeof buf, "D:%Y%m%d%H%M%S+00'00'", &tm);
	pdf_string(w, buf, strlen(buf));
}

void pdf_key_name(pdf *w, const char *key, const char *name)
{
	pdf_name(w, key);
	pdf_name(w, name);
}

void pdf_key_int(pdf *w, const char *key, long long v)
{
	pdf_name(w, key);
	pdf_int(w, v);
}

void pdf_key_num(pdf *w, const char *key, double v)
{
	pdf_name(w, key);
	pdf_num(w, v);
}

void pdf_key_ref(pdf *w, const char *key, unsigned num)
{
	pdf_name(w, key);
	pdf_ref(w, num);
}

void pdf_key_text(pdf *w, const char *key, const char *utf8)
{
	pdf_name(w, key);
	pdf_text(w, utf8);
}

/* ---- streams --------------------------------------------------------- */

/* data compressed into w->packed with *z (made at level on first use);
 * false when it does not pay or fails. */
static bool pack_with(pdf *w, struct libdeflate_compressor **z, int level, const void *data, size_t n)
{
	if (!*z && !(*z = libdeflate_alloc_compressor(level))) {
		fail(w, PDF_ENOMEM);
		return false;
	}
	size_t bound = libdeflate_zlib_compress_bound(*z, n);
	w->packed.n = 0;
	if (!bytes_grow(&w->packed, bound)) {
		fail(w, PDF_ENOMEM);
		return false;
	}
	w->packed.n = libdeflate_zlib_compress(*z, data, n, w->packed.p, bound);
	return w->packed.n > 0 && w->packed.n < n;
}

static bool pack(pdf *w, const void *data, size_t n) { return pack_with(w, &w->z, DEFLATE_LEVEL, data, n); }

void pdf_stream(pdf *w, const void *data, size_t n, bool deflate)
{
	if (w->in_object && !w->direct)
		write_direct(w);
	bool packed = deflate && n > 0 && pack(w, data, n);
	if (packed)
		data = w->packed.p, n = w->packed.n;
	pdf_key_int(w, "Length", (long long)n);
	if (packed)
		pdf_key_name(w, "Filter", "FlateDecode");
	pdf_dict_end(w);
	puts_(w, "\nstream\n");
	put(w, data, n);
	puts_(w, "\nendstream");
	let_go_if_large(&w->packed);
}

/* ---- the end --------------------------------------------------------- */

static void put_hex(pdf *w, const unsigned char *p, size_t n)
{
	static const char hex[] = "0123456789ABCDEF";
	char buf[2 * 16 + 2];
	size_t k = 0;
	buf[k++] = '<';
	for (size_t i = 0; i < n && i < 16; i++) {
		buf[k++] = hex[p[i] >> 4];
		buf[k++] = hex[p[i] & 15];
	}
	buf[k++] = '>';
	put(w, buf, k);
}

/* The keys a trailer and a cross-reference stream share: the catalog,
 * the document information and the file identifier. */
static void trailer_keys(pdf *w, unsigned root, unsigned info, const unsigned char id[16])
{
	pdf_key_ref(w, "Root", root);
	if (info)
		pdf_key_ref(w, "Info", info);
	pdf_name(w, "ID");
	pdf_array(w);
	put_hex(w, id, 16);
	put_hex(w, id, 16);
	pdf_array_end(w);
}

/* The cross-reference stream (§7.5.8) as the file's last object, rows of
 * type, offset or object stream, generation or index, in 1, 4 and 2
 * bytes, each with the PNG Up predictor's tag: offsets that grow compress
 * to almost nothing. Then the trailer's entries, in its dictionary. */
static void finish_xref_stream(pdf *w, unsigned root, unsigned info, const unsigned char id[16])
{
	unsigned num = pdf_reserve(w);
	if (w->error)
		return;
	size_t xref = position(w);
	w->offset[num] = here(w);
	enum { COLS = 7 };
	bytes rows = {0};
	bytes_grow(&rows, (size_t)w->next * (1 + COLS));   /* all of it at once: no copies */
	unsigned char prev[COLS] = {0}, row[COLS];
	for (unsigned i = 0; i < w->next; i++) {
		unsigned long long a = i == 0 ? 0 : w->stm[i] ? w->stm[i] : w->offset[i];
		unsigned b = i == 0 ? 65535 : w->stm[i] ? (unsigned)w->offset[i] : 0;
		row[0] = i == 0 ? 0 : w->stm[i] ? 2 : 1;
		for (int k = 0; k < 4; k++)
			row[1 + k] = (unsigned char)(a >> (8 * (3 - k)));
		row[5] = (unsigned char)(b >> 8), row[6] = (unsigned char)b;
		bytes_putc(&rows, 2);   /* PNG Up */
		for (int k = 0; k < COLS; k++)
			bytes_putc(&rows, (unsigned char)(row[k] - prev[k]));
		memcpy(prev, row, COLS);
	}
	if (rows.oom) {
		bytes_free(&rows);
		fail(w, PDF_ENOMEM);
		return;
	}
	char line[64];
	put(w, line, (size_t)snprintf(line, sizeof line, "%u 0 obj\n", num));
	pdf_dict(w);
	pdf_key_name(w, "Type", "XRef");
	pdf_key_int(w, "Size", w->next);
	pdf_raw(w, "/W[1 4 2]");
	pdf_raw(w, "/DecodeParms<</Predictor 12/Columns 7>>");
	trailer_keys(w, root, info, id);
	pdf_stream(w, rows.p, rows.n, true);
	bytes_free(&rows);
	puts_(w, "\nendobj\n");
	put(w, line, (size_t)snprintf(line, sizeof line, "startxref\n%zu\n", xref));
	puts_(w, "%%EOF\n");
	flush(w);
}

int pdf_finish(pdf *w, unsigned root, unsigned info, const unsigned char id[16])
{
	flush_batch(w);
	for (unsigned i = 1; i < w->next && !w->error; i++)
		if (!written(w, i))
			fail(w, PDF_EBUG);
	if (w->error)
		return w->error;
	if (w->objstm) {
		finish_xref_stream(w, root, info, id);
		return w->error;
	}
	size_t xref = position(w);
	char line[32];
	put(w, line, (size_t)snprintf(line, sizeof line, "xref\n0 %u\n", w->next));
	put(w, "0000000000 65535 f \n", 20);
	for (unsigned i = 1; i < w->next; i++) {
		char row[] = "0000000000 00000 n \n";   /* the offset in ten digits */
		for (size_t k = 10, off = w->offset[i]; k-- > 0 && off; off /= 10)
			row[k] = (char)('0' + off % 10);
		put(w, row, 20);
		if (w->out.n >= FLUSH_AT)
			flush(w);
	}
	puts_(w, "trailer\n");
	pdf_dict(w);
	pdf_key_int(w, "Size", w->next);
	trailer_keys(w, root, info, id);
	pdf_dict_end(w);
	put(w, line, (size_t)snprintf(line, sizeof line, "\nstartxref\n%zu\n", xref));
	puts_(w, "%%EOF\n");
	flush(w);
	return w->error;
}
