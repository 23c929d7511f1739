/* pdf_font.c: a face as a Type0 / CIDFontType2 font; see pdf_font.h.
 *
 * At the end of a document each face it used is written once: the Type0
 * font with its encoding (a CMap of the codes given out), its CIDFont
 * with the widths (/W, runs of consecutive CIDs), the font descriptor,
 * the font program cut to the glyphs used (ttf.c), the ToUnicode CMap,
 * the CIDToGIDMap and, for PDF/A, the CIDSet. The subset's name tag
 * (ABCDEF+) is derived from the characters used, so it is the same for
 * the same text and differs for different subsets of one face. */
#include "pdf_font.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bytes.h"
#include "fnv.h"
#include "ttf.h"

/* The codes given out beyond ASCII, in the order the characters are
 * first shown: one byte from ONE_FIRST to ONE_LAST, then two from
 * TWO_FIRST (more than the face's glyphs). A code is its own CID. */
enum { ONE_FIRST = 0x80, ONE_LAST = 0xEF, TWO_FIRST = 0xF000, TWO_LAST = 0xFFFF };
#define N_ONE (ONE_LAST - ONE_FIRST + 1)
#define N_CODES (N_ONE + (TWO_LAST - TWO_FIRST + 1))

struct pdf_font {
	const font_family *fam;
	font_style style;
	unsigned char used[8192];   /* a bit per code (= CID), 0000..FFFF */
	unsigned lo, hi;            /* the lowest and highest code used */
	uint16_t *slot[256];        /* per block of 256 code points: 1 + the
	                               index in given of each given a code, or 0 */
	uint16_t *given;            /* the code points given codes, in order */
	size_t n_given, cap_given;
	bool oom;
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

void pdf_font_free(pdf_font *f)
{
	if (!f)
		return;
	for (int i = 0; i < 256; i++)
		free(f->slot[i]);
	free(f->given);
	free(f);
}

static bool used(const pdf_font *f, unsigned c) { return f->used[c >> 3] >> (c & 7) & 1; }

/* The code of the k-th code point given one. */
static unsigned code_of_index(size_t k)
{
	return k < N_ONE ? ONE_FIRST + (unsigned)k : TWO_FIRST + (unsigned)(k - N_ONE);
}

/* The character a code used shows. */
static unsigned char_of(const pdf_font *f, unsigned code)
{
	if (code < ONE_FIRST)
		return code;
	size_t k = code <= ONE_LAST ? code - ONE_FIRST : N_ONE + (size_t)(code - TWO_FIRST);
	return k < f->n_given ? f->given[k] : PDF_FONT_REPLACEMENT;
}

/* The code of cp (beyond ASCII), given now if it has none; 0 when out of
 * memory or codes. */
static unsigned give_code(pdf_font *f, unsigned cp)
{
	uint16_t **s = &f->slot[cp >> 8];
	if (!*s && !(*s = calloc(256, sizeof **s)))
		return f->oom = true, 0;
	uint16_t *k = &(*s)[cp & 0xFF];
	if (!*k) {
		if (f->n_given == N_CODES)
			return 0;   /* more characters than any face has glyphs */
		if (heap_grow((void **)&f->given, &f->cap_given, f->n_given + 1, sizeof *f->given, 64))
			return f->oom = true, 0;
		f->given[f->n_given++] = (uint16_t)cp;
		*k = (uint16_t)f->n_given;   /* at most N_CODES */
	}
	return code_of_index(*k - 1u);
}

unsigned pdf_font_code(pdf_font *f, unsigned cp, bool *missing)
{
	/* A character shown already has its code (only characters the face
	 * has get one): an ASCII one is marked used, any other given. */
	if (cp < ONE_FIRST) {
		if (cp != PDF_FONT_REPLACEMENT && used(f, cp)) {
			*missing = false;
			return cp;
		}
	} else if (cp <= 0xFFFF && f->slot[cp >> 8] && f->slot[cp >> 8][cp & 0xFF]) {
		*missing = false;
		return code_of_index(f->slot[cp >> 8][cp & 0xFF] - 1u);
	}
	*missing = cp > 0xFFFF || cp == PDF_FONT_REPLACEMENT || font_advance(f->fam, f->style, cp) < 0;
	unsigned code = *missing ? PDF_FONT_REPLACEMENT : cp < ONE_FIRST ? cp : give_code(f, cp);
	if (!code)   /* out of memory (pdf_font_write fails) or of codes */
		code = PDF_FONT_REPLACEMENT, *missing = true;
	f->used[code >> 3] |= (unsigned char)(1u << (code & 7));
	f->lo = code < f->lo ? code : f->lo;
	f->hi = code > f->hi ? code : f->hi;
	return code;
}

size_t pdf_font_shown_ascii(const pdf_font *f, const char *utf8, size_t len)
{
	size_t i = 0;
	for (unsigned char c; i < len && (c = (unsigned char)utf8[i]) < ONE_FIRST; i++)
		if (c == PDF_FONT_REPLACEMENT || !used(f, c))
			break;
	return i;
}

/* The first code used from c on, or f->hi + 1 when there is none. The
 * loops below go from used code to used code: once two-byte codes are
 * given, a document's codes reach from 0x20 to 0xF000 and beyond, and
 * (when codes were code points) a walk over every code in between was a
 * tenth of writing a document's fonts. Eight bytes of the bitmap are
 * tested at a time. */
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

static int width_of(const pdf_font *f, unsigned code)
{
	unsigned cp = char_of(f, code);
	return cp == PDF_FONT_REPLACEMENT ? font_missing_width(f->fam, f->style)
	                                  : font_advance(f->fam, f->style, cp);
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
		unsigned cp = char_of(f, code);
		unsigned g = cp == PDF_FONT_REPLACEMENT ? replacement_glyph(f) : font_glyph(f->fam, f->style, cp);
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
	unsigned cp = char_of(f, code);
	if (cp == PDF_FONT_REPLACEMENT)
		return c->replacement;
	return c->new_id[font_glyph(f->fam, f->style, cp)];
}

/* ---- the objects ------------------------------------------------------ */

/* "ABCDEF+" from a hash of the codes used (FNV-1a over the bitmap's
 * bytes). A zero byte only multiplies by the prime, so eight of them at
 * once multiply by its eighth power: the same hash. */
static void subset_tag(const pdf_font *f, char tag[8])
{
	const uint64_t prime = FNV1A_PRIME;
	const uint64_t prime8 = prime * prime * prime * prime * prime * prime * prime * prime;
	uint64_t h = FNV1A_BASIS;
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

/* The CIDSystemInfo entry of a CIDFont and of a CMap: Adobe-Identity-0. */
static void write_system_info(pdf *w)
{
	pdf_name(w, "CIDSystemInfo");
	pdf_dict(w);
	pdf_name(w, "Registry");
	pdf_string(w, "Adobe", 5);
	pdf_name(w, "Ordering");
	pdf_string(w, "Identity", 8);
	pdf_key_int(w, "Supplement", 0);
	pdf_dict_end(w);
}

static void write_cidfont(const pdf_font *f, pdf *w, unsigned num, const char *base, unsigned desc,
                          unsigned map)
{
	pdf_begin(w, num);
	pdf_dict(w);
	pdf_key_name(w, "Type", "Font");
	pdf_key_name(w, "Subtype", "CIDFontType2");
	pdf_key_name(w, "BaseFont", base);
	write_system_info(w);
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

/* "<XX>" for a one-byte code, "<XXXX>" for a two-byte code or a UTF-16
 * unit (wide). */
static void hex_code(bytes *b, unsigned v, bool wide)
{
	char buf[8];
	int n = snprintf(buf, sizeof buf, wide ? "<%04X>" : "<%02X>", v & 0xFFFF);
	bytes_put(b, buf, (size_t)n);
}

/* The lines of a CMap's entries of one kind ("bfchar", "bfrange"), put
 * out in sections of at most 100 (PDF 1.7 §9.10.3, from the CMap
 * specification). */
typedef struct section {
	bytes lines;
	unsigned n;
	size_t *ends;   /* where each line ends in lines */
	size_t cap;
} section;

static void section_line(section *sc)
{
	if (heap_grow((void **)&sc->ends, &sc->cap, sc->n + 1, sizeof *sc->ends, 64)) {
		sc->lines.oom = true;
		return;
	}
	sc->ends[sc->n++] = sc->lines.n;
}

static void section_put(bytes *cmap, section *sc, const char *kind)
{
	if (sc->lines.oom) {
		cmap->oom = true;
		return;
	}
	for (unsigned i = 0; i < sc->n; i += 100) {
		unsigned k = sc->n - i < 100 ? sc->n - i : 100;
		size_t from = i ? sc->ends[i - 1] : 0, to = sc->ends[i + k - 1];
		char head[40];
		snprintf(head, sizeof head, "%u begin%s\n", k, kind);
		bytes_puts(cmap, head);
		bytes_put(cmap, sc->lines.p + from, to - from);
		snprintf(head, sizeof head, "end%s\n", kind);
		bytes_puts(cmap, head);
	}
}

static void section_free(section *sc)
{
	bytes_free(&sc->lines);
	free(sc->ends);
}

/* The codespace both CMaps of a face share: one byte below TWO_FIRST's
 * first byte, two from there. */
static const char CODESPACE[] = "2 begincodespacerange\n<00> <EF>\n<F000> <FFFF>\nendcodespacerange\n";

static void cmap_head(bytes *cmap, const char *ordering, const char *name, int type)
{
	char buf[200];
	snprintf(buf, sizeof buf,
	         "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
	         "/CIDSystemInfo <</Registry (Adobe) /Ordering (%s) /Supplement 0>> def\n"
	         "/CMapName /%s def\n/CMapType %d def\n",
	         ordering, name, type);
	bytes_puts(cmap, buf);
	if (type == 1)
		bytes_puts(cmap, "/WMode 0 def\n");
	bytes_puts(cmap, CODESPACE);
}

static const char ENCODING_NAME[] = "Amokit-OneByte-H";

static const char CMAP_TAIL[] = "endcmap\nCMapName currentdict /CMapResource defineresource pop\nend\nend\n";

static void write_cmap_stream(pdf *w, unsigned num, const bytes *cmap, const char *name)
{
	pdf_begin(w, num);
	pdf_dict(w);
	if (name) {   /* an encoding: ISO 32000-1 Table 120 */
		pdf_key_name(w, "Type", "CMap");
		pdf_key_name(w, "CMapName", name);
		write_system_info(w);
		pdf_key_int(w, "WMode", 0);
	}
	pdf_stream(w, cmap->p, cmap->n, true);
	pdf_end(w);
}

/* The encoding all faces of a document share: every code is its own
 * CID (a CMap of one- and two-byte codes, which Identity-H is not). */
static int write_encoding(pdf *w, unsigned num)
{
	bytes cmap = {0};
	cmap_head(&cmap, "Identity", ENCODING_NAME, 1);
	bytes_puts(&cmap, "2 begincidrange\n<00> <EF> 0\n<F000> <FFFF> 61440\nendcidrange\n");
	bytes_puts(&cmap, CMAP_TAIL);
	bool oom = cmap.oom;
	if (!oom)
		write_cmap_stream(w, num, &cmap, ENCODING_NAME);
	bytes_free(&cmap);
	return oom ? -2 : 0;
}

/* ToUnicode: the ASCII codes used, from the lowest to the highest, to
 * themselves (codes between that are not used cost nothing there); the
 * replacement code to U+FFFD; each code given out to its character. */
static int write_tounicode(const pdf_font *f, pdf *w, unsigned num)
{
	bytes cmap = {0};
	section ranges = {0}, chars = {0};
	cmap_head(&cmap, "UCS", "Adobe-Identity-UCS", 2);
	unsigned lo = 0x80, hi = 0;
	for (unsigned c = 0; c < 0x80; c++)
		if (used(f, c) && c != PDF_FONT_REPLACEMENT) {
			lo = c < lo ? c : lo;
			hi = c;
		}
	/* a range does not cross the replacement code */
	unsigned r = PDF_FONT_REPLACEMENT;
	for (int part = 0; part < 2; part++) {
		unsigned a = part ? (lo > r ? lo : r + 1) : lo, b = part ? hi : (hi < r ? hi : r - 1);
		if (lo > hi || a > b)
			continue;
		hex_code(&ranges.lines, a, false), bytes_putc(&ranges.lines, ' ');
		hex_code(&ranges.lines, b, false), bytes_putc(&ranges.lines, ' ');
		hex_code(&ranges.lines, a, true), bytes_putc(&ranges.lines, '\n');
		section_line(&ranges);
	}
	if (used(f, r)) {
		hex_code(&chars.lines, r, false), bytes_putc(&chars.lines, ' ');
		hex_code(&chars.lines, 0xFFFD, true), bytes_putc(&chars.lines, '\n');
		section_line(&chars);
	}
	for (size_t k = 0; k < f->n_given; k++) {
		unsigned code = code_of_index(k);
		if (!used(f, code))
			continue;
		hex_code(&chars.lines, code, code > 0xFF), bytes_putc(&chars.lines, ' ');
		hex_code(&chars.lines, f->given[k], true), bytes_putc(&chars.lines, '\n');
		section_line(&chars);
	}
	section_put(&cmap, &ranges, "bfrange");
	section_put(&cmap, &chars, "bfchar");
	bytes_puts(&cmap, CMAP_TAIL);
	bool oom = cmap.oom;
	if (!oom)
		write_cmap_stream(w, num, &cmap, NULL);
	section_free(&ranges);
	section_free(&chars);
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

int pdf_font_write(pdf_font *f, pdf *w, unsigned num, bool pdfa, unsigned *encoding)
{
	if (f->lo > f->hi)
		return 0;
	if (f->oom)
		return -2;
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
	bool new_encoding = !*encoding;
	if (new_encoding)
		*encoding = pdf_reserve(w);
	pdf_begin(w, num);
	pdf_dict(w);
	pdf_key_name(w, "Type", "Font");
	pdf_key_name(w, "Subtype", "Type0");
	pdf_key_name(w, "BaseFont", base);
	pdf_key_ref(w, "Encoding", *encoding);
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
	if (!rc && new_encoding)
		rc = write_encoding(w, *encoding);
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
