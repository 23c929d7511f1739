/* render_font.c: the embedded font programs, cut to the glyphs a document uses.
 *
 * libharu 2.3.0 embeds a TrueType face by copying each table through 4-byte
 * reads from the file, keeping every glyph slot (loca, hmtx) and the glyph
 * names of all 340 glyphs; that cost more instructions than anything else
 * in a document, and half of every font stream. Here each face a document
 * uses is cut to the glyphs its text used (libharu marks them while the
 * renderer measures each run), renumbered densely, with a cmap for just
 * those characters, no glyph names (post format 3: a viewer finds our
 * single-byte codes through the (3,1) cmap, PDF 1.7 §9.6.6.4) and only the
 * identifying records of the name table. The font program is handed to
 * libharu as the face's descriptor before it saves, so its own embedding
 * never runs; the descriptor has the keys libharu's own would have. Faces
 * are loaded from the family's bytes in memory: libharu's file reader
 * seeks and reads a few bytes at a time, two thousand system calls a set. */
#include "render_priv.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf_doc.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>

/* ---- reading ------------------------------------------------------------ */

/* The font file with bounds-checked big-endian reads: a read out of bounds
 * gives 0 and clears ok, checked once at the end. */
typedef struct ttf {
	const unsigned char *p;
	size_t len;
	bool ok;
} ttf;

static unsigned rd16(ttf *f, size_t off)
{
	if (off > f->len || f->len - off < 2) {
		f->ok = false;
		return 0;
	}
	return (unsigned)f->p[off] << 8 | f->p[off + 1];
}

static uint32_t rd32(ttf *f, size_t off)
{
	return (uint32_t)rd16(f, off) << 16 | rd16(f, off + 2);
}

typedef struct span {
	size_t off, len;
} span;

static span find_table(ttf *f, const char *tag)
{
	unsigned n = rd16(f, 4);
	for (unsigned i = 0; i < n && f->ok; i++) {
		size_t e = 12 + 16 * (size_t)i;
		if (e + 16 <= f->len && memcmp(f->p + e, tag, 4) == 0) {
			span s = {rd32(f, e + 8), rd32(f, e + 12)};
			if (s.off > f->len || f->len - s.off < s.len)
				f->ok = false;
			return s;
		}
	}
	return (span){0, 0};
}

/* ---- writing ------------------------------------------------------------ */

typedef struct obuf {
	unsigned char *p;
	size_t n, cap;
	bool oom;
} obuf;

static void put(obuf *o, const void *src, size_t n)
{
	if (o->oom)
		return;
	if (o->n + n > o->cap) {
		size_t cap = o->cap ? o->cap : 8192;
		while (cap < o->n + n)
			cap *= 2;
		unsigned char *p = realloc(o->p, cap);
		if (!p) {
			o->oom = true;
			return;
		}
		o->p = p;
		o->cap = cap;
	}
	if (n)
		memcpy(o->p + o->n, src, n);
	o->n += n;
}

static void put16(obuf *o, unsigned v)
{
	unsigned char b[2] = {(unsigned char)(v >> 8), (unsigned char)v};
	put(o, b, 2);
}

static void put32(obuf *o, uint32_t v)
{
	put16(o, v >> 16);
	put16(o, v & 0xFFFF);
}

static void pad4(obuf *o)
{
	static const unsigned char zero[3] = {0};
	put(o, zero, (4 - o->n % 4) % 4);
}

static void set16(obuf *o, size_t off, unsigned v)
{
	if (!o->oom && off + 2 <= o->n) {
		o->p[off] = (unsigned char)(v >> 8);
		o->p[off + 1] = (unsigned char)v;
	}
}

static void set32(obuf *o, size_t off, uint32_t v)
{
	set16(o, off, v >> 16);
	set16(o, off + 2, v & 0xFFFF);
}

/* The sum of the big-endian 32-bit words, the last one padded with zeros. */
static uint32_t checksum(const unsigned char *p, size_t n)
{
	uint32_t sum = 0;
	size_t i = 0;
	for (; i + 4 <= n; i += 4)
		sum += (uint32_t)p[i] << 24 | (uint32_t)p[i + 1] << 16 | (uint32_t)p[i + 2] << 8 | p[i + 3];
	if (i < n) {
		uint32_t w = 0;
		for (size_t k = 0; k < 4; k++)
			w = w << 8 | (i + k < n ? p[i + k] : 0);
		sum += w;
	}
	return sum;
}

/* ---- the subset --------------------------------------------------------- */

enum { T_OS2, T_CMAP, T_GLYF, T_HEAD, T_HHEA, T_HMTX, T_LOCA, T_MAXP, T_NAME, T_POST, N_TABLES };
/* In the order of their tags, as the table directory wants them. */
static const char tags[N_TABLES][5] = {"OS/2", "cmap", "glyf", "head", "hhea",
                                       "hmtx", "loca", "maxp", "name", "post"};

typedef struct subset {
	ttf f;
	span t[N_TABLES];
	unsigned n_glyphs, n_hmetrics;
	bool long_loca;
	bool *keep;
	uint16_t *new_id;
	unsigned n_keep;
	obuf tab[N_TABLES];
} subset;

static span glyph_span(subset *s, unsigned g)
{
	size_t a, b;
	if (s->long_loca) {
		a = rd32(&s->f, s->t[T_LOCA].off + 4 * (size_t)g);
		b = rd32(&s->f, s->t[T_LOCA].off + 4 * (size_t)g + 4);
	} else {
		a = 2 * (size_t)rd16(&s->f, s->t[T_LOCA].off + 2 * (size_t)g);
		b = 2 * (size_t)rd16(&s->f, s->t[T_LOCA].off + 2 * (size_t)g + 2);
	}
	if (b < a || b > s->t[T_GLYF].len) {
		s->f.ok = false;
		return (span){0, 0};
	}
	return (span){s->t[T_GLYF].off + a, b - a};
}

/* Calls back for each component of composite glyph data at off (len
 * bytes) with the offset of its glyph index. */
static void each_component(subset *s, span g, void (*fn)(subset *s, size_t at, void *ctx), void *ctx)
{
	if (g.len < 10 || (int16_t)rd16(&s->f, g.off) >= 0)
		return;
	size_t off = g.off + 10, end = g.off + g.len;
	unsigned flags;
	do {
		if (off + 4 > end) {
			s->f.ok = false;
			return;
		}
		flags = rd16(&s->f, off);
		fn(s, off + 2, ctx);
		off += 4 + ((flags & 0x0001) ? 4 : 2);                /* ARG_1_AND_2_ARE_WORDS */
		off += (flags & 0x0008) ? 2 : (flags & 0x0040) ? 4 : (flags & 0x0080) ? 8 : 0;
	} while ((flags & 0x0020) && s->f.ok);                     /* MORE_COMPONENTS */
}

static void mark_component(subset *s, size_t at, void *ctx)
{
	bool *changed = ctx;
	unsigned g = rd16(&s->f, at);
	if (g < s->n_glyphs && !s->keep[g]) {
		s->keep[g] = true;
		*changed = true;
	}
}

/* Keeps .notdef, the used glyphs and, transitively, their components. */
static void choose(subset *s, const HPDF_BYTE *used)
{
	s->keep[0] = true;
	for (unsigned g = 1; g < s->n_glyphs; g++)
		s->keep[g] = used[g] != 0;
	bool changed = true;
	for (int round = 0; changed && round < 8 && s->f.ok; round++) {
		changed = false;
		for (unsigned g = 0; g < s->n_glyphs; g++)
			if (s->keep[g])
				each_component(s, glyph_span(s, g), mark_component, &changed);
	}
	s->n_keep = 0;
	for (unsigned g = 0; g < s->n_glyphs; g++)
		if (s->keep[g])
			s->new_id[g] = (uint16_t)s->n_keep++;
}

typedef struct patch {
	obuf *o;
	size_t base;               /* where the glyph's copy starts in o */
	size_t src;                /* where it starts in the file */
} patch;

static void renumber_component(subset *s, size_t at, void *ctx)
{
	patch *p = ctx;
	unsigned g = rd16(&s->f, at);
	set16(p->o, p->base + (at - p->src), g < s->n_glyphs ? s->new_id[g] : 0);
}

static void write_glyf_loca(subset *s)
{
	obuf *glyf = &s->tab[T_GLYF], *loca = &s->tab[T_LOCA];
	for (unsigned g = 0; g < s->n_glyphs && s->f.ok; g++) {
		if (!s->keep[g])
			continue;
		put32(loca, (uint32_t)glyf->n);
		span sp = glyph_span(s, g);
		patch p = {glyf, glyf->n, sp.off};
		if (s->f.ok)
			put(glyf, s->f.p + sp.off, sp.len);
		each_component(s, sp, renumber_component, &p);
		pad4(glyf);
	}
	put32(loca, (uint32_t)glyf->n);
}

static void write_hmtx(subset *s)
{
	size_t h = s->t[T_HMTX].off;
	unsigned last = s->n_hmetrics - 1;
	for (unsigned g = 0; g < s->n_glyphs; g++) {
		if (!s->keep[g])
			continue;
		unsigned adv = rd16(&s->f, h + 4 * (size_t)(g < last ? g : last));
		unsigned lsb = g <= last ? rd16(&s->f, h + 4 * (size_t)g + 2)
		                         : rd16(&s->f, h + 4 * (size_t)s->n_hmetrics + 2 * (size_t)(g - s->n_hmetrics));
		put16(&s->tab[T_HMTX], adv);
		put16(&s->tab[T_HMTX], lsb);
	}
}

/* The (3,1) or Unicode format-4 subtable of the original cmap, or 0. */
static size_t cmap4(subset *s)
{
	size_t c = s->t[T_CMAP].off;
	unsigned n = rd16(&s->f, c + 2);
	for (unsigned i = 0; i < n && s->f.ok; i++) {
		unsigned pid = rd16(&s->f, c + 4 + 8 * (size_t)i), eid = rd16(&s->f, c + 6 + 8 * (size_t)i);
		size_t sub = c + rd32(&s->f, c + 8 + 8 * (size_t)i);
		if ((pid == 0 || (pid == 3 && eid == 1)) && rd16(&s->f, sub) == 4)
			return sub;
	}
	return 0;
}

typedef struct cmap_seg {
	unsigned start, end, delta_base;    /* delta_base: new id of start */
} cmap_seg;

/* A format-4 cmap (3,1) for the kept glyphs: one segment per run of
 * consecutive characters with consecutive new glyph ids. */
static void write_cmap(subset *s)
{
	size_t sub = cmap4(s);
	if (!sub) {
		s->f.ok = false;
		return;
	}
	unsigned segs = rd16(&s->f, sub + 6) / 2;
	size_t ends = sub + 14, starts = ends + 2 * (size_t)segs + 2;
	size_t deltas = starts + 2 * (size_t)segs, ranges = deltas + 2 * (size_t)segs;
	cmap_seg out[512];
	size_t n = 0;
	for (unsigned i = 0; i < segs && s->f.ok; i++) {
		unsigned end = rd16(&s->f, ends + 2 * (size_t)i), start = rd16(&s->f, starts + 2 * (size_t)i);
		unsigned delta = rd16(&s->f, deltas + 2 * (size_t)i), range = rd16(&s->f, ranges + 2 * (size_t)i);
		for (unsigned u = start; u <= end && u != 0xFFFF && s->f.ok; u++) {
			unsigned g;
			if (range == 0) {
				g = (u + delta) & 0xFFFF;
			} else {
				size_t at = ranges + 2 * (size_t)i + range + 2 * (size_t)(u - start);
				g = rd16(&s->f, at);
				if (g)
					g = (g + delta) & 0xFFFF;
			}
			if (g == 0 || g >= s->n_glyphs || !s->keep[g])
				continue;
			unsigned id = s->new_id[g];
			if (n && out[n - 1].end + 1 == u && out[n - 1].delta_base + (u - out[n - 1].start) == id) {
				out[n - 1].end = u;
			} else if (n < sizeof out / sizeof *out - 1) {
				out[n++] = (cmap_seg){u, u, id};
			} else {
				s->f.ok = false;
			}
		}
	}
	out[n++] = (cmap_seg){0xFFFF, 0xFFFF, 0};  /* the required last segment, to .notdef */
	unsigned seg_x2 = 2 * (unsigned)n, pow2 = 1, log2 = 0;
	while (pow2 * 2 <= n)
		pow2 *= 2, log2++;
	obuf *o = &s->tab[T_CMAP];
	put16(o, 0);                              /* version */
	put16(o, 1);                              /* one subtable */
	put16(o, 3), put16(o, 1), put32(o, 12);   /* Windows Unicode BMP */
	put16(o, 4);
	put16(o, 16 + 8 * (unsigned)n);           /* length */
	put16(o, 0);                              /* language */
	put16(o, seg_x2), put16(o, 2 * pow2), put16(o, log2), put16(o, seg_x2 - 2 * pow2);
	for (size_t i = 0; i < n; i++)
		put16(o, out[i].end);
	put16(o, 0);                              /* reservedPad */
	for (size_t i = 0; i < n; i++)
		put16(o, out[i].start);
	for (size_t i = 0; i < n; i++)
		put16(o, (out[i].delta_base - out[i].start) & 0xFFFF);
	for (size_t i = 0; i < n; i++)
		put16(o, 0);                          /* idRangeOffset */
}

/* Whether name record nameID is kept: copyright, family, subfamily, full
 * name and PostScript name identify the face; the rest (unique id,
 * version, trademark, vendor, designer, licence text, URLs) stay in the
 * distributed files. */
static bool name_kept(unsigned id) { return id <= 2 || id == 4 || id == 6; }

/* The name table with the records that identify the face. */
static void write_name(subset *s)
{
	size_t nt = s->t[T_NAME].off;
	unsigned count = rd16(&s->f, nt + 2);
	size_t strings = nt + rd16(&s->f, nt + 4);
	unsigned keep = 0;
	for (unsigned i = 0; i < count; i++)
		keep += name_kept(rd16(&s->f, nt + 6 + 12 * (size_t)i + 6));
	obuf *o = &s->tab[T_NAME];
	put16(o, 0), put16(o, keep), put16(o, 6 + 12 * keep);
	unsigned at = 0;
	for (unsigned i = 0; i < count; i++) {
		size_t r = nt + 6 + 12 * (size_t)i;
		if (!name_kept(rd16(&s->f, r + 6)))
			continue;
		for (int k = 0; k < 4; k++)
			put16(o, rd16(&s->f, r + 2 * (size_t)k));   /* platform, encoding, language, name */
		unsigned len = rd16(&s->f, r + 8);
		put16(o, len), put16(o, at);
		at += len;
	}
	for (unsigned i = 0; i < count && s->f.ok; i++) {
		size_t r = nt + 6 + 12 * (size_t)i;
		if (!name_kept(rd16(&s->f, r + 6)))
			continue;
		size_t from = strings + rd16(&s->f, r + 10), len = rd16(&s->f, r + 8);
		if (from > s->f.len || s->f.len - from < len) {
			s->f.ok = false;
			return;
		}
		put(o, s->f.p + from, len);
	}
}

static void copy_table(subset *s, int t)
{
	put(&s->tab[t], s->f.p + s->t[t].off, s->t[t].len);
}

/* post format 3: no glyph names. */
static void write_post(subset *s)
{
	obuf *o = &s->tab[T_POST];
	size_t p = s->t[T_POST].off;
	put32(o, 0x00030000);
	put32(o, rd32(&s->f, p + 4));                     /* italicAngle */
	put16(o, rd16(&s->f, p + 8)), put16(o, rd16(&s->f, p + 10));   /* underline */
	put32(o, rd32(&s->f, p + 12));                    /* isFixedPitch */
	for (int i = 0; i < 4; i++)
		put32(o, 0);
}

/* Assembles the tables behind a table directory; returns false when out
 * of memory. */
static bool assemble(subset *s, obuf *out)
{
	unsigned pow2 = 1, log2 = 0;
	while (pow2 * 2 <= N_TABLES)
		pow2 *= 2, log2++;
	put32(out, 0x00010000);
	put16(out, N_TABLES), put16(out, 16 * pow2), put16(out, log2), put16(out, 16 * (N_TABLES - pow2));
	size_t off = 12 + 16 * N_TABLES;
	for (int t = 0; t < N_TABLES; t++) {
		obuf *b = &s->tab[t];
		if (b->oom)
			return false;
		put(out, tags[t], 4);
		put32(out, checksum(b->p, b->n));
		put32(out, (uint32_t)off);
		put32(out, (uint32_t)b->n);
		off += (b->n + 3) / 4 * 4;
	}
	size_t head_at = 0;
	for (int t = 0; t < N_TABLES; t++) {
		if (t == T_HEAD)
			head_at = out->n;
		put(out, s->tab[t].p, s->tab[t].n);
		pad4(out);
	}
	if (out->oom)
		return false;
	set32(out, head_at + 8, 0xB1B0AFBAu - checksum(out->p, out->n));
	return true;
}

static void free_subset(subset *s)
{
	free(s->keep);
	free(s->new_id);
	for (int t = 0; t < N_TABLES; t++)
		free(s->tab[t].p);
}

/* Builds the subset of the font file data (len bytes) holding the glyphs
 * flagged in used (one flag per glyph of the file, n_used of them) into
 * out. Returns 0, -1 when the file is not a TrueType font we can cut,
 * -2 when out of memory. */
static int make_subset(const unsigned char *data, size_t len, const HPDF_BYTE *used, unsigned n_used,
                       obuf *out)
{
	subset s = {.f = {data, len, true}};
	for (int t = 0; t < N_TABLES; t++)
		s.t[t] = find_table(&s.f, tags[t]);
	for (int t = 0; t < N_TABLES; t++)
		if (!s.t[t].len)
			s.f.ok = false;
	s.n_glyphs = rd16(&s.f, s.t[T_MAXP].off + 4);
	s.n_hmetrics = rd16(&s.f, s.t[T_HHEA].off + 34);
	s.long_loca = rd16(&s.f, s.t[T_HEAD].off + 50) != 0;
	if (!s.f.ok || s.n_glyphs != n_used || !s.n_hmetrics || s.n_hmetrics > s.n_glyphs ||
	    s.t[T_HEAD].len < 54 || s.t[T_HHEA].len < 36 || s.t[T_MAXP].len < 6 || s.t[T_POST].len < 16)
		return -1;
	s.keep = calloc(s.n_glyphs, sizeof *s.keep);
	s.new_id = calloc(s.n_glyphs, sizeof *s.new_id);
	if (!s.keep || !s.new_id) {
		free_subset(&s);
		return -2;
	}
	choose(&s, used);
	write_glyf_loca(&s);
	write_hmtx(&s);
	write_cmap(&s);
	write_name(&s);
	write_post(&s);
	copy_table(&s, T_OS2);
	copy_table(&s, T_HEAD);
	copy_table(&s, T_HHEA);
	copy_table(&s, T_MAXP);
	set32(&s.tab[T_HEAD], 8, 0);                       /* checkSumAdjustment, set last */
	set16(&s.tab[T_HEAD], 50, 1);                      /* long loca */
	set16(&s.tab[T_HHEA], 34, s.n_keep);
	set16(&s.tab[T_MAXP], 4, s.n_keep);
	int rc = !s.f.ok ? -1 : assemble(&s, out) ? 0 : -2;
	free_subset(&s);
	return rc;
}

/* ---- loading -------------------------------------------------------------- */

const char *render_load_face(render_ctx *c, font_style st)
{
	size_t len;
	const unsigned char *data = font_data(c->opts->fonts, st, &len);
	/* Read in place (the stream only borrows the bytes). Not "embedding"
	 * for libharu: that would keep the stream to look up the components
	 * of every glyph measured, and render_embed_fonts does the embedding. */
	HPDF_Stream s = data ? render_buf_stream(c->pdf->mmgr, (unsigned char *)data, len, false) : NULL;
	if (!s)
		return NULL;
	HPDF_FontDef def = HPDF_TTFontDef_Load(c->pdf->mmgr, s, HPDF_FALSE);   /* frees s */
	if (!def)
		return NULL;
	HPDF_FontDef known = HPDF_Doc_FindFontDef(c->pdf, def->base_font);
	if (known) {
		HPDF_FontDef_Free(def);
		return known->base_font;
	}
	if (HPDF_List_Add(c->pdf->fontdef_list, def) != HPDF_OK) {
		HPDF_FontDef_Free(def);
		return NULL;
	}
	/* The subset tag, counted up per document as libharu does: HPDFAA+, ... */
	HPDF_BYTE *tag = c->pdf->ttfont_tag;
	if (!tag[0]) {
		memcpy(tag, "HPDFAA", 6);
	} else {
		for (int i = 5; i >= 0; i--) {
			if (++tag[i] <= 'Z')
				break;
			tag[i] = 'A';
		}
	}
	HPDF_TTFontDef_SetTagName(def, (char *)tag);
	return def->base_font;
}

/* ---- the descriptor ----------------------------------------------------- */

/* The font descriptor libharu would write for def, with font_file as its
 * FontFile2 (its bytes are taken over: font_file->p is NULL after). */
static HPDF_Dict descriptor(render_ctx *c, HPDF_FontDef def, obuf *font_file, HPDF_UINT16 filter)
{
	HPDF_TTFontDefAttr attr = (HPDF_TTFontDefAttr)def->attr;
	HPDF_MMgr mm = c->pdf->mmgr;
	HPDF_Dict d = HPDF_Dict_New(mm);
	if (!d || HPDF_Xref_Add(c->pdf->xref, d) != HPDF_OK)
		return NULL;
	HPDF_STATUS st = HPDF_Dict_AddName(d, "Type", "FontDescriptor");
	st += HPDF_Dict_AddNumber(d, "Ascent", def->ascent);
	st += HPDF_Dict_AddNumber(d, "Descent", def->descent);
	st += HPDF_Dict_AddNumber(d, "CapHeight", def->cap_height);
	st += HPDF_Dict_AddNumber(d, "Flags", def->flags);
	st += HPDF_Dict_Add(d, "FontBBox", HPDF_Box_Array_New(mm, def->font_bbox));
	st += HPDF_Dict_AddName(d, "FontName", attr->base_font);
	st += HPDF_Dict_AddNumber(d, "ItalicAngle", def->italic_angle);
	st += HPDF_Dict_AddNumber(d, "StemV", def->stemv);
	st += HPDF_Dict_AddNumber(d, "XHeight", def->x_height);
	if (attr->char_set)
		st += HPDF_Dict_AddName(d, "CharSet", attr->char_set);
	HPDF_Dict file = HPDF_DictStream_New(mm, c->pdf->xref);
	if (st != HPDF_OK || !file)
		return NULL;
	size_t n = font_file->n;
	HPDF_Stream s = render_buf_stream(mm, font_file->p, n, true);   /* takes the bytes */
	font_file->p = NULL;
	if (!s)
		return NULL;
	render_set_stream(file, s);
	st = HPDF_Dict_AddNumber(file, "Length1", (HPDF_INT32)n);
	st += HPDF_Dict_Add(d, "FontFile2", file);
	file->filter = filter;
	return st == HPDF_OK ? d : NULL;
}

int render_embed_fonts(render_ctx *c)
{
	for (int st = 0; st < FONT_STYLES && !c->fail && !c->err; st++) {
		HPDF_Font f = NULL;
		for (int cp = 0; cp < CP_COUNT && !f; cp++)
			f = c->fonts[st][cp];
		if (!f)
			continue;
		HPDF_FontDef def = ((HPDF_FontAttr)f->attr)->fontdef;
		HPDF_TTFontDefAttr attr = (HPDF_TTFontDefAttr)def->attr;
		if (def->descriptor)
			continue;
		size_t len;
		const unsigned char *data = font_data(c->opts->fonts, (font_style)st, &len);
		obuf file = {0};
		int rc = data ? make_subset(data, len, attr->glyph_tbl.flgs, attr->num_glyphs, &file) : -1;
		if (rc == 0 && !(def->descriptor = descriptor(c, def, &file, f->filter)) && !c->err)
			c->err = HPDF_FAILD_TO_ALLOC_MEM;
		free(file.p);
		if (rc == -2)
			return c->fail = diag_oom(c->d, c->path);
		if (rc == -1) {
			diag_error(c->d, font_path(c->opts->fonts, (font_style)st), 0,
			           "cannot cut the font to the glyphs used (not a TrueType font amokit can read)");
			return c->fail = AM_EINPUT;
		}
	}
	return render_status(c);
}
