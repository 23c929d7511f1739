/* pdf_font.c: a face as a Type0 / CIDFontType2 font; see pdf_font.h.
 *
 * At the end of a document each face it used is written once: the Type0
 * font, its CIDFont with the widths (/W, runs of consecutive codes), the
 * font descriptor, the font program cut to the glyphs used (ttf.c), the
 * ToUnicode CMap, the CIDToGIDMap and, for PDF/A, the CIDSet. The subset's
 * name tag (ABCDEF+) is derived from the codes used, so it is the same
 * for the same text and differs for different subsets of one face. */
#include "pdf_font.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bytes.h"
#include "ttf.h"

struct pdf_font {
	const font_family *fam;
	font_style style;
	unsigned char used[8192];   /* a bit per code, U+0000..U+FFFF */
	unsigned lo, hi;            /* the lowest and highest code used */
};

pdf_font *pdf_font_new(const font_family *fam, font_style style)
{
	pdf_font *f = calloc(1, sizeof *f);
	if (f) {
		f->fam = fam;
		f->style = style;
		f->lo = 0xFFFF;
	}
	return f;
}

void pdf_font_free(pdf_font *f) { free(f); }

unsigned pdf_font_code(pdf_font *f, unsigned cp, bool *missing)
{
	/* A code used already is one the face has: only such a code, or the
	 * replacement, is marked used. */
	if (cp <= 0xFFFF && cp != PDF_FONT_REPLACEMENT && f->used[cp >> 3] >> (cp & 7) & 1) {
		*missing = false;
		return cp;
	}
	*missing = cp > 0xFFFF || cp == PDF_FONT_REPLACEMENT || font_advance(f->fam, f->style, cp) < 0;
	if (*missing)
		cp = PDF_FONT_REPLACEMENT;
	f->used[cp >> 3] |= (unsigned char)(1u << (cp & 7));
	f->lo = cp < f->lo ? cp : f->lo;
	f->hi = cp > f->hi ? cp : f->hi;
	return cp;
}

static bool used(const pdf_font *f, unsigned c) { return f->used[c >> 3] >> (c & 7) & 1; }

/* The first code used from c on, or f->hi + 1 when there is none. The
 * loops below go from used code to used code: a document's codes reach
 * from U+0020 to U+2026 and beyond, a few hundred of them used, and a
 * walk over every code in between was a tenth of writing a document's
 * fonts. Eight bytes of the bitmap are tested at a time. */
static unsigned next_used(const pdf_font *f, unsigned c)
{
	while (c <= f->hi) {
		unsigned byte = c >> 3;
		unsigned bits = (unsigned)f->used[byte] >> (c & 7);
		if (bits) {
			while (!(bits & 1))
				bits >>= 1, c++;
			return c;
		}
		c = (byte + 1) << 3;
		while ((c >> 3) + 8 <= sizeof f->used && (c >> 3) + 8 <= (f->hi >> 3) + 1) {
			uint64_t word;
			memcpy(&word, f->used + (c >> 3), sizeof word);
			if (word)
				break;
			c += 64;
		}
	}
	return f->hi + 1;
}

#define EACH_USED(f, c) for (unsigned c = next_used(f, (f)->lo); c <= (f)->hi; c = next_used(f, c + 1))

static int width_of(const pdf_font *f, unsigned c)
{
	return c == PDF_FONT_REPLACEMENT ? font_missing_width(f->fam, f->style)
	                                 : font_advance(f->fam, f->style, c);
}

/* ---- the cut font program -------------------------------------------- */

typedef struct cut {
	bytes program;
	uint16_t *new_id;          /* glyph in the file → glyph in the cut */
	unsigned replacement;      /* the replacement mark's glyph in the cut */
	ttf_info info;
} cut;

/* The replacement mark's glyph in the file, 0 when it is .notdef's copy. */
static unsigned replacement_glyph(const pdf_font *f)
{
	return font_glyph(f->fam, f->style, 0xFFFD);
}

static int make_cut(const pdf_font *f, cut *c)
{
	size_t len;
	const unsigned char *data = font_data(f->fam, f->style, &len);
	unsigned n = font_glyph_count(f->fam, f->style);
	if (!data || !n || !ttf_read_info(data, len, &c->info))
		return -1;
	bool *keep = calloc(n, sizeof *keep);
	c->new_id = calloc(n, sizeof *c->new_id);
	if (!keep || !c->new_id) {
		free(keep);
		return -2;
	}
	bool copy = false;
	EACH_USED(f, code) {
		unsigned g = code == PDF_FONT_REPLACEMENT ? replacement_glyph(f) : font_glyph(f->fam, f->style, code);
		if (g)
			keep[g < n ? g : 0] = true;
		else
			copy = true;
	}
	unsigned copy_id = 0;
	int rc = ttf_subset(data, len, keep, n, copy, &c->program, c->new_id, &copy_id);
	free(keep);
	unsigned rg = replacement_glyph(f);
	c->replacement = rg ? c->new_id[rg] : copy_id;
	return rc;
}

static unsigned glyph_in_cut(const pdf_font *f, const cut *c, unsigned code)
{
	if (code == PDF_FONT_REPLACEMENT)
		return c->replacement;
	return c->new_id[font_glyph(f->fam, f->style, code)];
}

/* ---- the objects ------------------------------------------------------ */

/* "ABCDEF+" from a hash of the codes used (FNV-1a over the bitmap's
 * bytes). A zero byte only multiplies by the prime, so eight of them at
 * once multiply by its eighth power: the same hash. */
static void subset_tag(const pdf_font *f, char tag[8])
{
	const uint64_t prime = 0x100000001B3u;
	const uint64_t prime8 = prime * prime * prime * prime * prime * prime * prime * prime;
	uint64_t h = 0xCBF29CE484222325u;
	for (size_t i = 0; i < sizeof f->used; i += 8) {
		uint64_t word;
		memcpy(&word, f->used + i, sizeof word);
		if (!word) {
			h *= prime8;
			continue;
		}
		for (size_t k = i; k < i + 8; k++)
			h = (h ^ f->used[k]) * prime;
	}
	for (int i = 0; i < 6; i++, h /= 26)
		tag[i] = (char)('A' + h % 26);
	tag[6] = '+';
	tag[7] = '\0';
}

/* A run of widths goes on over a gap of up to GAP unused codes (a 0
 * costs less than starting a new run). */
enum { GAP = 3 };

/* The widths as runs of codes: c [w1 w2 ...]. */
static void write_widths(const pdf_font *f, pdf *w)
{
	pdf_name(w, "W");
	pdf_array(w);
	bool open = false;
	unsigned last = 0;
	EACH_USED(f, c) {
		if (open && c - last - 1 > GAP) {
			pdf_array_end(w);
			open = false;
		}
		if (!open) {
			pdf_int(w, c);
			pdf_array(w);
			open = true;
		} else {
			for (unsigned k = last + 1; k < c; k++)
				pdf_int(w, 0);
		}
		pdf_int(w, width_of(f, c));
		last = c;
	}
	if (open)
		pdf_array_end(w);
	pdf_array_end(w);
}

static void write_cidfont(const pdf_font *f, pdf *w, unsigned num, const char *base, unsigned desc,
                          unsigned map)
{
	pdf_begin(w, num);
	pdf_dict(w);
	pdf_key_name(w, "Type", "Font");
	pdf_key_name(w, "Subtype", "CIDFontType2");
	pdf_key_name(w, "BaseFont", base);
	pdf_name(w, "CIDSystemInfo");
	pdf_dict(w);
	pdf_name(w, "Registry");
	pdf_string(w, "Adobe", 5);
	pdf_name(w, "Ordering");
	pdf_string(w, "Identity", 8);
	pdf_key_int(w, "Supplement", 0);
	pdf_dict_end(w);
	pdf_key_ref(w, "FontDescriptor", desc);
	write_widths(f, w);
	pdf_key_ref(w, "CIDToGIDMap", map);
	pdf_dict_end(w);
	pdf_end(w);
}

static long scaled(const ttf_info *in, int v) { return (long)v * 1000 / (long)in->units_per_em; }

static void write_descriptor(pdf *w, unsigned num, const char *base, const ttf_info *in,
                             unsigned file, unsigned cidset)
{
	pdf_begin(w, num);
	pdf_dict(w);
	pdf_key_name(w, "Type", "FontDescriptor");
	pdf_key_name(w, "FontName", base);
	/* Symbolic: the glyphs are reached by code, not a Latin encoding. */
	pdf_key_int(w, "Flags", 4 | (in->italic_angle != 0 ? 64 : 0));
	pdf_name(w, "FontBBox");
	pdf_array(w);
	for (int i = 0; i < 4; i++)
		pdf_int(w, scaled(in, in->bbox[i]));
	pdf_array_end(w);
	pdf_key_num(w, "ItalicAngle", in->italic_angle);
	pdf_key_int(w, "Ascent", scaled(in, in->ascent));
	pdf_key_int(w, "Descent", scaled(in, in->descent));
	pdf_key_int(w, "CapHeight", scaled(in, in->cap_height ? in->cap_height : in->ascent));
	if (in->x_height)
		pdf_key_int(w, "XHeight", scaled(in, in->x_height));
	/* The stem width is not in a TrueType file; this is the usual
	 * estimate from the weight class (400 → 88, 700 → 166). */
	long stem = 50 + (long)in->weight * in->weight / (65 * 65);
	pdf_key_int(w, "StemV", stem);
	pdf_key_ref(w, "FontFile2", file);
	if (cidset)
		pdf_key_ref(w, "CIDSet", cidset);
	pdf_dict_end(w);
	pdf_end(w);
}

static void write_program(pdf *w, unsigned num, const bytes *program)
{
	pdf_begin(w, num);
	pdf_dict(w);
	pdf_key_int(w, "Length1", (long long)program->n);
	pdf_stream(w, program->p, program->n, true);
	pdf_end(w);
}

static void hex4(bytes *b, unsigned v)
{
	char buf[8];
	snprintf(buf, sizeof buf, "<%04X>", v & 0xFFFF);
	bytes_put(b, buf, 6);
}

enum { LINE = 21 };   /* "<0041> <005A> <0041>\n" */

static void tounicode_range(bytes *lines, unsigned lo, unsigned hi, unsigned to)
{
	hex4(lines, lo), bytes_putc(lines, ' '), hex4(lines, hi), bytes_putc(lines, ' ');
	hex4(lines, to), bytes_putc(lines, '\n');
}

/* bfrange lines: the codes of each block of 256 from its lowest used to
 * its highest map to themselves (codes between that are not used cost
 * nothing there); the replacement code maps to U+FFFD. */
static void tounicode_ranges(const pdf_font *f, bytes *lines, unsigned *n)
{
	*n = 0;
	unsigned lo = 0, hi = 0;
	bool any = false;
	EACH_USED(f, c) {
		if (c == PDF_FONT_REPLACEMENT)
			continue;
		if (any && c >> 8 != lo >> 8) {
			tounicode_range(lines, lo, hi, lo);
			++*n;
			any = false;
		}
		if (!any)
			lo = c, any = true;
		hi = c;
	}
	if (any) {
		tounicode_range(lines, lo, hi, lo);
		++*n;
	}
	if (used(f, PDF_FONT_REPLACEMENT)) {
		tounicode_range(lines, PDF_FONT_REPLACEMENT, PDF_FONT_REPLACEMENT, 0xFFFD);
		++*n;
	}
}

static int write_tounicode(const pdf_font *f, pdf *w, unsigned num)
{
	bytes lines = {0}, cmap = {0};
	unsigned n;
	tounicode_ranges(f, &lines, &n);
	bytes_puts(&cmap, "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
	                  "/CIDSystemInfo <</Registry (Adobe) /Ordering (UCS) /Supplement 0>> def\n"
	                  "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
	                  "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
	/* At most 100 entries a section (PDF 1.7 §9.10.3, from the CMap
	 * specification); each line is LINE bytes. */
	for (unsigned i = 0; i < n; i += 100) {
		unsigned k = n - i < 100 ? n - i : 100;
		char head[32];
		snprintf(head, sizeof head, "%u beginbfrange\n", k);
		bytes_puts(&cmap, head);
		if (!lines.oom)
			bytes_put(&cmap, lines.p + LINE * (size_t)i, LINE * (size_t)k);
		bytes_puts(&cmap, "endbfrange\n");
	}
	bytes_puts(&cmap, "endcmap\nCMapName currentdict /CMapResource defineresource pop\nend\nend\n");
	bool oom = lines.oom || cmap.oom;
	if (!oom) {
		pdf_begin(w, num);
		pdf_dict(w);
		pdf_stream(w, cmap.p, cmap.n, true);
		pdf_end(w);
	}
	bytes_free(&lines);
	bytes_free(&cmap);
	return oom ? -2 : 0;
}

/* CIDToGIDMap: two bytes per code from 0 to the highest used; unused
 * codes map to glyph 0. With cidset, the CIDSet (a bit per code present,
 * code 0 included) goes into *cidset_bits. */
static int write_gid_map(const pdf_font *f, const cut *c, pdf *w, unsigned num, bytes *cidset_bits)
{
	size_t n = (size_t)f->hi + 1;
	unsigned char *map = calloc(n, 2);
	if (!map)
		return -2;
	if (cidset_bits) {
		bytes_grow(cidset_bits, n / 8 + 1);
		if (!cidset_bits->oom) {
			cidset_bits->n = n / 8 + 1;
			memset(cidset_bits->p, 0, cidset_bits->n);
			cidset_bits->p[0] = 0x80;
		}
	}
	EACH_USED(f, code) {
		unsigned g = glyph_in_cut(f, c, code);
		map[2 * code] = (unsigned char)(g >> 8);
		map[2 * code + 1] = (unsigned char)g;
		if (cidset_bits && !cidset_bits->oom)
			cidset_bits->p[code >> 3] |= (unsigned char)(0x80 >> (code & 7));
	}
	pdf_begin(w, num);
	pdf_dict(w);
	pdf_stream(w, map, 2 * n, true);
	pdf_end(w);
	free(map);
	return cidset_bits && cidset_bits->oom ? -2 : 0;
}

static void write_stream_of(pdf *w, unsigned num, const bytes *b)
{
	pdf_begin(w, num);
	pdf_dict(w);
	pdf_stream(w, b->p, b->n, true);
	pdf_end(w);
}

int pdf_font_write(pdf_font *f, pdf *w, unsigned num, bool pdfa)
{
	if (f->lo > f->hi)
		return 0;
	cut c = {0};
	int rc = make_cut(f, &c);
	if (rc) {
		bytes_free(&c.program);
		free(c.new_id);
		return rc;
	}
	char base[80];
	subset_tag(f, base);
	snprintf(base + 7, sizeof base - 7, "%s", c.info.ps_name[0] ? c.info.ps_name : "AmokitSans");
	unsigned cid = pdf_reserve(w), desc = pdf_reserve(w), file = pdf_reserve(w);
	unsigned tounicode = pdf_reserve(w), map = pdf_reserve(w), cidset = pdfa ? pdf_reserve(w) : 0;
	pdf_begin(w, num);
	pdf_dict(w);
	pdf_key_name(w, "Type", "Font");
	pdf_key_name(w, "Subtype", "Type0");
	pdf_key_name(w, "BaseFont", base);
	pdf_key_name(w, "Encoding", "Identity-H");
	pdf_name(w, "DescendantFonts");
	pdf_array(w);
	pdf_ref(w, cid);
	pdf_array_end(w);
	pdf_key_ref(w, "ToUnicode", tounicode);
	pdf_dict_end(w);
	pdf_end(w);
	write_cidfont(f, w, cid, base, desc, map);
	write_descriptor(w, desc, base, &c.info, file, cidset);
	write_program(w, file, &c.program);
	rc = write_tounicode(f, w, tounicode);
	bytes bits = {0};
	if (!rc)
		rc = write_gid_map(f, &c, w, map, pdfa ? &bits : NULL);
	if (!rc && pdfa)
		write_stream_of(w, cidset, &bits);
	bytes_free(&bits);
	bytes_free(&c.program);
	free(c.new_id);
	return rc;
}
