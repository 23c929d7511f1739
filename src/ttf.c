/* ttf.c: TrueType tables read for a font descriptor, and the subsetter.
 *
 * A document embeds each face it uses cut to the glyphs its text used
 * (kept in their original order, renumbered densely, composite glyphs with
 * their components), with the tables a PDF CIDFontType2 program needs:
 * glyf, loca (long offsets), hmtx, head, hhea, maxp, OS/2, the identifying
 * records of name, and post without glyph names (format 3). There is no
 * cmap: the PDF maps character codes to glyph numbers itself (CIDToGIDMap),
 * and hinting and OpenType layout tables are not in amokit's fonts at all.
 * HarfBuzz's hb-subset (Debian 12: libharfbuzz-subset0) could do this too;
 * for the few plain tables of amokit's own fonts a few hundred lines here
 * cost less than another shared library to map at every start. */
#include "ttf.h"

#include <stdlib.h>
#include <string.h>

ttf_span ttf_table(ttf *f, const char *tag)
{
	unsigned n = ttf_u16(f, 4);
	for (unsigned i = 0; i < n && f->ok; i++) {
		size_t e = 12 + 16 * (size_t)i;
		if (e + 16 > f->len) {
			f->ok = false;
			break;
		}
		if (memcmp(f->p + e, tag, 4) == 0) {
			ttf_span s = {ttf_u32(f, e + 8), ttf_u32(f, e + 12)};
			if (s.off > f->len || f->len - s.off < s.len)
				f->ok = false;
			return s;
		}
	}
	return (ttf_span){0, 0};
}

/* ---- the descriptor's facts ------------------------------------------ */

/* The PostScript name (name ID 6) into out, from a Windows (UTF-16BE, its
 * ASCII subset) or a Macintosh (Roman) record. */
static void read_ps_name(ttf *f, char *out, size_t size)
{
	ttf_span nt = ttf_table(f, "name");
	out[0] = '\0';
	if (!nt.len)
		return;
	unsigned count = ttf_u16(f, nt.off + 2);
	size_t strings = nt.off + ttf_u16(f, nt.off + 4);
	for (unsigned i = 0; i < count && f->ok && !out[0]; i++) {
		size_t r = nt.off + 6 + 12 * (size_t)i;
		unsigned platform = ttf_u16(f, r), id = ttf_u16(f, r + 6);
		size_t len = ttf_u16(f, r + 8), at = strings + ttf_u16(f, r + 10);
		if (id != 6 || (platform != 1 && platform != 3) || at > f->len || f->len - at < len)
			continue;
		size_t step = platform == 3 ? 2 : 1, k = 0;
		for (size_t j = step - 1; j < len && k + 1 < size; j += step) {
			unsigned char c = f->p[at + j];
			if (c > 0x20 && c < 0x7F)
				out[k++] = (char)c;
		}
		out[k] = '\0';
	}
}

bool ttf_read_info(const unsigned char *data, size_t len, ttf_info *info)
{
	ttf f = {data, len, true};
	memset(info, 0, sizeof *info);
	ttf_span head = ttf_table(&f, "head"), hhea = ttf_table(&f, "hhea");
	ttf_span os2 = ttf_table(&f, "OS/2"), post = ttf_table(&f, "post");
	if (!f.ok || head.len < 54 || hhea.len < 36 || post.len < 16)
		return false;
	info->units_per_em = ttf_u16(&f, head.off + 18);
	for (int i = 0; i < 4; i++)
		info->bbox[i] = (int16_t)ttf_u16(&f, head.off + 36 + 2 * (size_t)i);
	info->ascent = (int16_t)ttf_u16(&f, hhea.off + 4);
	info->descent = (int16_t)ttf_u16(&f, hhea.off + 6);
	info->italic_angle = (int32_t)ttf_u32(&f, post.off + 4) / 65536.0;
	info->weight = 400;
	if (os2.len >= 78)
		info->weight = ttf_u16(&f, os2.off + 4);
	if (os2.len >= 90 && ttf_u16(&f, os2.off) >= 2) {
		info->x_height = (int16_t)ttf_u16(&f, os2.off + 86);
		info->cap_height = (int16_t)ttf_u16(&f, os2.off + 88);
	}
	read_ps_name(&f, info->ps_name, sizeof info->ps_name);
	return f.ok && info->units_per_em >= 16 && info->units_per_em <= 16384;
}

/* ---- the subset ------------------------------------------------------ */

enum { T_OS2, T_GLYF, T_HEAD, T_HHEA, T_HMTX, T_LOCA, T_MAXP, T_NAME, T_POST, N_TABLES };
/* In the order of their tags, as the table directory wants them. */
static const char tags[N_TABLES][5] = {"OS/2", "glyf", "head", "hhea", "hmtx",
                                       "loca", "maxp", "name", "post"};

typedef struct subset {
	ttf f;
	ttf_span t[N_TABLES];
	unsigned n_glyphs, n_hmetrics;
	bool long_loca;
	bool *keep;
	uint16_t *new_id;
	unsigned n_keep;
	bool copy_notdef;
	bytes tab[N_TABLES];
} subset;

static ttf_span glyph_span(subset *s, unsigned g)
{
	size_t a, b, loca = s->t[T_LOCA].off;
	if (s->long_loca) {
		a = ttf_u32(&s->f, loca + 4 * (size_t)g);
		b = ttf_u32(&s->f, loca + 4 * (size_t)g + 4);
	} else {
		a = 2 * (size_t)ttf_u16(&s->f, loca + 2 * (size_t)g);
		b = 2 * (size_t)ttf_u16(&s->f, loca + 2 * (size_t)g + 2);
	}
	if (b < a || b > s->t[T_GLYF].len) {
		s->f.ok = false;
		return (ttf_span){0, 0};
	}
	return (ttf_span){s->t[T_GLYF].off + a, b - a};
}

/* Calls fn for each component of composite glyph data g with the offset
 * of its glyph number. */
static void each_component(subset *s, ttf_span g, void (*fn)(subset *s, size_t at, void *ctx), void *ctx)
{
	if (g.len < 10 || (int16_t)ttf_u16(&s->f, g.off) >= 0)
		return;
	size_t off = g.off + 10, end = g.off + g.len;
	unsigned flags;
	do {
		if (off + 4 > end) {
			s->f.ok = false;
			return;
		}
		flags = ttf_u16(&s->f, off);
		fn(s, off + 2, ctx);
		off += 4 + ((flags & 0x0001) ? 4 : 2);                /* ARG_1_AND_2_ARE_WORDS */
		off += (flags & 0x0008) ? 2 : (flags & 0x0040) ? 4 : (flags & 0x0080) ? 8 : 0;
	} while ((flags & 0x0020) && s->f.ok);                     /* MORE_COMPONENTS */
}

static void mark_component(subset *s, size_t at, void *ctx)
{
	bool *changed = ctx;
	unsigned g = ttf_u16(&s->f, at);
	if (g < s->n_glyphs && !s->keep[g]) {
		s->keep[g] = true;
		*changed = true;
	}
}

/* Keeps .notdef, the used glyphs and, transitively, their components
 * (composites nest at most a few levels; 8 rounds is far beyond). */
static void choose(subset *s, const bool *used)
{
	s->keep[0] = true;
	for (unsigned g = 1; g < s->n_glyphs; g++)
		s->keep[g] = used[g];
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
	bytes *o;
	size_t base;               /* where the glyph's copy starts in o */
	size_t src;                /* where it starts in the file */
} patch;

static void renumber_component(subset *s, size_t at, void *ctx)
{
	patch *p = ctx;
	unsigned g = ttf_u16(&s->f, at);
	bytes_set16(p->o, p->base + (at - p->src), g < s->n_glyphs ? s->new_id[g] : 0);
}

static void copy_glyph(subset *s, unsigned g)
{
	bytes *glyf = &s->tab[T_GLYF];
	bytes_put32(&s->tab[T_LOCA], (uint32_t)glyf->n);
	ttf_span sp = glyph_span(s, g);
	patch p = {glyf, glyf->n, sp.off};
	if (s->f.ok)
		bytes_put(glyf, s->f.p + sp.off, sp.len);
	each_component(s, sp, renumber_component, &p);
	bytes_pad4(glyf);
}

static void write_glyf_loca(subset *s)
{
	for (unsigned g = 0; g < s->n_glyphs && s->f.ok; g++)
		if (s->keep[g])
			copy_glyph(s, g);
	if (s->copy_notdef)
		copy_glyph(s, 0);
	bytes_put32(&s->tab[T_LOCA], (uint32_t)s->tab[T_GLYF].n);
}

static void put_metric(subset *s, unsigned g)
{
	size_t h = s->t[T_HMTX].off;
	unsigned last = s->n_hmetrics - 1;
	unsigned adv = ttf_u16(&s->f, h + 4 * (size_t)(g < last ? g : last));
	unsigned lsb = g <= last ? ttf_u16(&s->f, h + 4 * (size_t)g + 2)
	                         : ttf_u16(&s->f, h + 4 * (size_t)s->n_hmetrics + 2 * (size_t)(g - s->n_hmetrics));
	bytes_put16(&s->tab[T_HMTX], adv);
	bytes_put16(&s->tab[T_HMTX], lsb);
}

static void write_hmtx(subset *s)
{
	for (unsigned g = 0; g < s->n_glyphs; g++)
		if (s->keep[g])
			put_metric(s, g);
	if (s->copy_notdef)
		put_metric(s, 0);
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
	unsigned count = ttf_u16(&s->f, nt + 2);
	size_t strings = nt + ttf_u16(&s->f, nt + 4);
	unsigned keep = 0;
	for (unsigned i = 0; i < count; i++)
		keep += name_kept(ttf_u16(&s->f, nt + 6 + 12 * (size_t)i + 6));
	bytes *o = &s->tab[T_NAME];
	bytes_put16(o, 0), bytes_put16(o, keep), bytes_put16(o, 6 + 12 * keep);
	unsigned at = 0;
	for (unsigned i = 0; i < count; i++) {
		size_t r = nt + 6 + 12 * (size_t)i;
		if (!name_kept(ttf_u16(&s->f, r + 6)))
			continue;
		for (int k = 0; k < 4; k++)   /* platform, encoding, language, name */
			bytes_put16(o, ttf_u16(&s->f, r + 2 * (size_t)k));
		unsigned len = ttf_u16(&s->f, r + 8);
		bytes_put16(o, len), bytes_put16(o, at);
		at += len;
	}
	for (unsigned i = 0; i < count && s->f.ok; i++) {
		size_t r = nt + 6 + 12 * (size_t)i;
		if (!name_kept(ttf_u16(&s->f, r + 6)))
			continue;
		size_t from = strings + ttf_u16(&s->f, r + 10), len = ttf_u16(&s->f, r + 8);
		if (from > s->f.len || s->f.len - from < len) {
			s->f.ok = false;
			return;
		}
		bytes_put(o, s->f.p + from, len);
	}
}

static void copy_table(subset *s, int t)
{
	bytes_put(&s->tab[t], s->f.p + s->t[t].off, s->t[t].len);
}

/* post format 3: no glyph names. */
static void write_post(subset *s)
{
	bytes *o = &s->tab[T_POST];
	size_t p = s->t[T_POST].off;
	bytes_put32(o, 0x00030000);
	bytes_put32(o, ttf_u32(&s->f, p + 4));                               /* italicAngle */
	bytes_put16(o, ttf_u16(&s->f, p + 8)), bytes_put16(o, ttf_u16(&s->f, p + 10));   /* underline */
	bytes_put32(o, ttf_u32(&s->f, p + 12));                              /* isFixedPitch */
	for (int i = 0; i < 4; i++)
		bytes_put32(o, 0);
}

/* The sum of the big-endian 32-bit words, the last one padded with zeros. */
static uint32_t checksum(const unsigned char *p, size_t n)
{
	uint32_t sum = 0;
	size_t i = 0;
	for (; i + 4 <= n; i += 4)
		sum += bytes_get32(p + i);
	if (i < n) {
		uint32_t w = 0;
		for (size_t k = 0; k < 4; k++)
			w = w << 8 | (i + k < n ? p[i + k] : 0);
		sum += w;
	}
	return sum;
}

/* Assembles the tables behind a table directory; false when out of memory. */
static bool assemble(subset *s, bytes *out)
{
	unsigned pow2 = 1, log2 = 0;
	while (pow2 * 2 <= N_TABLES)
		pow2 *= 2, log2++;
	bytes_put32(out, 0x00010000);
	bytes_put16(out, N_TABLES), bytes_put16(out, 16 * pow2);
	bytes_put16(out, log2), bytes_put16(out, 16 * (N_TABLES - pow2));
	size_t off = 12 + 16 * N_TABLES;
	for (int t = 0; t < N_TABLES; t++) {
		bytes *b = &s->tab[t];
		if (b->oom)
			return false;
		bytes_put(out, tags[t], 4);
		bytes_put32(out, checksum(b->p, b->n));
		bytes_put32(out, (uint32_t)off);
		bytes_put32(out, (uint32_t)b->n);
		off += (b->n + 3) / 4 * 4;
	}
	size_t head_at = 0;
	for (int t = 0; t < N_TABLES; t++) {
		if (t == T_HEAD)
			head_at = out->n;
		bytes_put(out, s->tab[t].p, s->tab[t].n);
		bytes_pad4(out);
	}
	if (out->oom)
		return false;
	bytes_set32(out, head_at + 8, 0xB1B0AFBAu - checksum(out->p, out->n));
	return true;
}

static void free_subset(subset *s)
{
	free(s->keep);
	free(s->new_id);
	for (int t = 0; t < N_TABLES; t++)
		bytes_free(&s->tab[t]);
}

/* Finds the tables and checks the few numbers the cut relies on. */
static bool open_subset(subset *s)
{
	for (int t = 0; t < N_TABLES; t++)
		s->t[t] = ttf_table(&s->f, tags[t]);
	for (int t = 0; t < N_TABLES; t++)
		if (!s->t[t].len)
			s->f.ok = false;
	s->n_glyphs = ttf_u16(&s->f, s->t[T_MAXP].off + 4);
	s->n_hmetrics = ttf_u16(&s->f, s->t[T_HHEA].off + 34);
	s->long_loca = ttf_u16(&s->f, s->t[T_HEAD].off + 50) != 0;
	return s->f.ok && s->n_hmetrics && s->n_hmetrics <= s->n_glyphs && s->t[T_HEAD].len >= 54 &&
	       s->t[T_HHEA].len >= 36 && s->t[T_MAXP].len >= 6 && s->t[T_POST].len >= 16 &&
	       s->t[T_HMTX].len >= 4 * (size_t)s->n_hmetrics;
}

int ttf_subset(const unsigned char *data, size_t len, const bool *used, unsigned n_glyphs,
               bool copy_notdef, bytes *out, uint16_t *new_id, unsigned *copy_id)
{
	subset s = {.f = {data, len, true}, .copy_notdef = copy_notdef};
	if (!open_subset(&s) || s.n_glyphs != n_glyphs)
		return -1;
	s.keep = calloc(s.n_glyphs, sizeof *s.keep);
	s.new_id = new_id;
	if (!s.keep)
		return -2;
	memset(new_id, 0, n_glyphs * sizeof *new_id);
	choose(&s, used);
	*copy_id = s.n_keep;
	unsigned total = s.n_keep + copy_notdef;
	write_glyf_loca(&s);
	write_hmtx(&s);
	write_name(&s);
	write_post(&s);
	copy_table(&s, T_OS2);
	copy_table(&s, T_HEAD);
	copy_table(&s, T_HHEA);
	copy_table(&s, T_MAXP);
	bytes_set32(&s.tab[T_HEAD], 8, 0);                 /* checkSumAdjustment, set last */
	bytes_set16(&s.tab[T_HEAD], 50, 1);                /* long loca */
	bytes_set16(&s.tab[T_HHEA], 34, total);
	bytes_set16(&s.tab[T_MAXP], 4, total);
	s.new_id = NULL;   /* the caller's */
	int rc = !s.f.ok ? -1 : assemble(&s, out) ? 0 : -2;
	free_subset(&s);
	return rc;
}
