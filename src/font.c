/* font.c: the typeface family's metrics, read from its TrueType files.
 *
 * We parse the few tables measuring needs (head, hhea, maxp, cmap format 4,
 * hmtx) ourselves, so layout never touches the
 * PDF writer. Widths are kept in 1/1000 em, (advance_width * 1000 /
 * units_per_em) in integer division (exact for amokit's fonts, whose em
 * has 1000 units), and the renderer writes these very numbers as the
 * fonts' /W widths (pdf_font.c), so a measured line is exactly as wide as
 * a viewer draws it. A code point's glyph is kept too, for the renderer. Every offset read
 * from a file is bounds-checked: a corrupt font is a diag error, not a crash.
 *
 * Lookup is a flat table for code points below FLAT_LIMIT (Latin, Greek,
 * Cyrillic, the punctuation block and the arrows) and a small sorted table
 * for the rest (operators, check marks, U+FFFD). The soft hyphen measures
 * nothing: it is never drawn, only a hyphen where a line breaks at it. */
#include "font.h"
#include "bytes.h"
#include "ttf.h"
#include "utf8.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define FLAT_LIMIT 0x2200              /* code points with a flat-table slot */
#define MAX_FONT_FILE (16L << 20)      /* larger files are rejected */

const char *const font_files[FONT_STYLES] = {
	"AmokitSans-Regular.ttf",
	"AmokitSans-Bold.ttf",
	"AmokitSans-Italic.ttf",
	"AmokitSans-BoldItalic.ttf",
};

typedef struct wide_width { uint16_t cp; int16_t width; uint16_t gid; } wide_width;

typedef struct face {
	char *path;
	unsigned char *data;               /* the file, mapped (map_file), kept for embedding */
	size_t len;
	int16_t flat[FLAT_LIMIT];          /* width per code point, -1 = no glyph */
	uint16_t flat_gid[FLAT_LIMIT];     /* glyph per code point, 0 = none */
	wide_width *wide;                  /* code points >= FLAT_LIMIT, ascending */
	size_t n_wide;
	unsigned n_glyphs;
	int missing_width;                 /* the replacement mark's width */
} face;

struct font_family {
	face faces[FONT_STYLES];
	float ascent, descent;             /* per 1 pt, from the regular face */
};

/* What one face's tables say, before widths are assigned to code points. */
typedef struct metrics {
	unsigned units_per_em, num_glyphs, num_hmetrics;
	int ascender, descender;
	size_t hmtx, hmtx_len;
} metrics;

static const char *read_metrics(ttf *f, metrics *m)
{
	uint32_t version = ttf_u32(f, 0);
	ttf_span t;

	if (!f->ok || (version != 0x00010000 && version != 0x74727565))
		return "not a TrueType font";
	if ((t = ttf_table(f, "head")).len < 54)
		return "missing or short 'head' table";
	m->units_per_em = ttf_u16(f, t.off + 18);
	if (m->units_per_em < 16 || m->units_per_em > 16384)
		return "bad unitsPerEm in 'head'";
	if ((t = ttf_table(f, "maxp")).len < 6)
		return "missing or short 'maxp' table";
	m->num_glyphs = ttf_u16(f, t.off + 4);
	if ((t = ttf_table(f, "hhea")).len < 36)
		return "missing or short 'hhea' table";
	m->ascender = (int16_t)ttf_u16(f, t.off + 4);
	m->descender = (int16_t)ttf_u16(f, t.off + 6);
	m->num_hmetrics = ttf_u16(f, t.off + 34);
	if (m->num_hmetrics == 0 || m->num_hmetrics > m->num_glyphs)
		return "bad numberOfHMetrics in 'hhea'";
	t = ttf_table(f, "hmtx");
	m->hmtx = t.off;
	m->hmtx_len = t.len;
	if (m->hmtx_len < 4 * (size_t)m->num_hmetrics)
		return "missing or short 'hmtx' table";
	return f->ok ? NULL : "truncated font file";
}

/* Width of glyph gid in 1/1000 em. */
static int glyph_width(ttf *f, const metrics *m, unsigned gid)
{
	unsigned i = gid < m->num_hmetrics ? gid : m->num_hmetrics - 1;
	unsigned aw = ttf_u16(f, m->hmtx + 4 * (size_t)i);
	return (int16_t)(uint16_t)((unsigned)aw * 1000 / m->units_per_em);
}

/* Offset of the Unicode BMP cmap subtable (format 4), or 0. */
static size_t find_cmap4(ttf *f, size_t cmap, size_t cmap_len)
{
	unsigned n = ttf_u16(f, cmap + 2);
	size_t best = 0;
	for (unsigned i = 0; i < n && f->ok; i++) {
		size_t rec = cmap + 4 + 8 * (size_t)i;
		unsigned platform = ttf_u16(f, rec), encoding = ttf_u16(f, rec + 2);
		uint32_t sub = ttf_u32(f, rec + 4);
		if (sub >= cmap_len || ttf_u16(f, cmap + sub) != 4)
			continue;
		if (platform == 3 && encoding == 1)
			return cmap + sub;
		if (platform == 0 && !best)
			best = cmap + sub;
	}
	return best;
}

static int add_wide(face *fc, size_t *cap, unsigned cp, int width, unsigned gid)
{
	if (heap_grow((void **)&fc->wide, cap, fc->n_wide + 1, sizeof *fc->wide, 64))
		return -1;
	fc->wide[fc->n_wide].cp = (uint16_t)cp;
	fc->wide[fc->n_wide].width = (int16_t)width;
	fc->wide[fc->n_wide].gid = (uint16_t)gid;
	fc->n_wide++;
	return 0;
}

/* Glyph of cp in segment seg of a format 4 subtable at sub. */
static unsigned seg_glyph(ttf *f, size_t sub, unsigned segs, unsigned seg, unsigned cp, unsigned start)
{
	size_t deltas = sub + 16 + 4 * (size_t)segs, ranges = deltas + 2 * (size_t)segs;
	unsigned delta = ttf_u16(f, deltas + 2 * (size_t)seg);
	unsigned range = ttf_u16(f, ranges + 2 * (size_t)seg);
	if (range == 0)
		return (cp + delta) & 0xFFFF;
	size_t at = ranges + 2 * (size_t)seg + range + 2 * (size_t)(cp - start);
	return (ttf_u16(f, at) + delta) & 0xFFFF;
}

/* Walks the cmap's segments (which must ascend without overlap, so the walk
 * is bounded by 65536 code points) and records each mapped code point's
 * width. */
static const char *read_cmap(ttf *f, const metrics *m, face *fc)
{
	size_t cap = 0;
	ttf_span t = ttf_table(f, "cmap");
	size_t cmap = t.off, cmap_len = t.len;
	if (cmap_len < 4)
		return "missing or short 'cmap' table";
	size_t sub = find_cmap4(f, cmap, cmap_len);
	if (!sub)
		return "no Unicode cmap (format 4)";
	unsigned segs = ttf_u16(f, sub + 6) / 2;
	size_t ends = sub + 14, starts = sub + 16 + 2 * (size_t)segs;
	long prev_end = -1;

	for (unsigned s = 0; s < segs && f->ok; s++) {
		unsigned end = ttf_u16(f, ends + 2 * (size_t)s), start = ttf_u16(f, starts + 2 * (size_t)s);
		if (start > end || (long)start <= prev_end)
			return "cmap segments out of order";
		prev_end = end;
		for (unsigned cp = start; cp <= end && cp != 0xFFFF && f->ok; cp++) {
			unsigned gid = seg_glyph(f, sub, segs, s, cp, start);
			if (gid == 0)
				continue;
			if (gid >= m->num_glyphs)
				continue;   /* a broken mapping: treated as missing */
			int w = glyph_width(f, m, gid);
			if (cp < FLAT_LIMIT) {
				fc->flat[cp] = (int16_t)w;
				fc->flat_gid[cp] = (uint16_t)gid;
			} else if (add_wide(fc, &cap, cp, w, gid)) {
				return "ikke nok hukommelse";
			}
		}
	}
	return f->ok ? NULL : "truncated 'cmap' table";
}

/* Maps the whole file read-only; returns it or NULL with *why. Mapped,
 * not read: only the parts a render touches (the tables measuring reads,
 * the glyphs a document subsets) take memory, where reading the four
 * faces took 830 KB of every process's heap (issue 24). The files are
 * amokit's own, installed with it. */
static unsigned char *map_file(const char *path, size_t *len, const char **why)
{
	*why = "cannot read font file";
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return NULL;
	struct stat st;
	unsigned char *data = NULL;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 && st.st_size <= MAX_FONT_FILE) {
		void *p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
		if (p != MAP_FAILED) {
			data = p;
			*len = (size_t)st.st_size;
		} else if (errno == ENOMEM) {
			*why = "ikke nok hukommelse";
		}
	}
	close(fd);
	return data;
}

/* Width of cp in 1/1000 em and its glyph in *gid; -1 when the face has
 * no glyph for it. */
static int face_lookup(const face *fc, unsigned cp, unsigned *gid)
{
	if (cp < FLAT_LIMIT) {
		*gid = fc->flat_gid[cp];
		return fc->flat[cp];
	}
	size_t lo = 0, hi = fc->n_wide;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (fc->wide[mid].cp < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < fc->n_wide && fc->wide[lo].cp == cp) {
		*gid = fc->wide[lo].gid;
		return fc->wide[lo].width;
	}
	*gid = 0;
	return -1;
}

static const char *load_face(face *fc, metrics *m)
{
	size_t len = 0;
	const char *why;
	unsigned char *data = map_file(fc->path, &len, &why);
	if (!data)
		return why;
	ttf f = { data, len, true };
	memset(fc->flat, 0xFF, sizeof fc->flat);     /* all -1 */
	why = read_metrics(&f, m);
	if (!why) {
		fc->n_glyphs = m->num_glyphs;
		why = read_cmap(&f, m, fc);
		fc->flat[0xAD] = 0;   /* U+00AD SOFT HYPHEN is never drawn (text.h, draw.c) */
	}
	if (!why) {
		/* A character the face lacks prints as U+FFFD's glyph when it has
		 * one, else as .notdef's outline (pdf_font.c): measured alike. */
		unsigned gid;
		int w = face_lookup(fc, 0xFFFD, &gid);
		fc->missing_width = w >= 0 ? w : glyph_width(&f, m, 0);
	}
	if (why) {
		munmap(data, len);
		return why;
	}
	fc->data = data;
	fc->len = len;
	return NULL;
}

static char *join_path(const char *dir, const char *file)
{
	size_t a = strlen(dir), b = strlen(file);
	char *p = malloc(a + b + 2);
	if (p) {
		memcpy(p, dir, a);
		p[a] = '/';
		memcpy(p + a + 1, file, b + 1);
	}
	return p;
}

font_family *font_load(const char *dir, diag *d)
{
	font_family *f = calloc(1, sizeof *f);
	if (!f) {
		diag_oom(d, dir);
		return NULL;
	}
	for (int s = 0; s < FONT_STYLES; s++) {
		face *fc = &f->faces[s];
		metrics m;
		fc->path = join_path(dir, font_files[s]);
		if (!fc->path) {
			diag_oom(d, dir);
			font_free(f);
			return NULL;
		}
		const char *why = load_face(fc, &m);
		if (why) {
			if (strcmp(why, "ikke nok hukommelse") == 0)
				diag_oom(d, fc->path);
			else
				diag_error(d, fc->path, 0, "%s", why);
			font_free(f);
			return NULL;
		}
		if (s == FONT_REGULAR) {
			f->ascent = (float)m.ascender / (float)m.units_per_em;
			f->descent = -(float)m.descender / (float)m.units_per_em;
		}
	}
	return f;
}

void font_free(font_family *f)
{
	if (!f)
		return;
	for (int s = 0; s < FONT_STYLES; s++) {
		free(f->faces[s].path);
		free(f->faces[s].wide);
		if (f->faces[s].data)
			munmap(f->faces[s].data, f->faces[s].len);
	}
	free(f);
}

const unsigned char *font_data(const font_family *f, font_style style, size_t *len)
{
	const face *fc = &f->faces[style];
	*len = fc->len;
	return fc->data;
}

const char *font_path(const font_family *f, font_style style)
{
	return f->faces[style].path;
}

int font_advance(const font_family *f, font_style style, unsigned cp)
{
	unsigned gid;
	return face_lookup(&f->faces[style], cp, &gid);
}

unsigned font_glyph(const font_family *f, font_style style, unsigned cp)
{
	unsigned gid;
	return face_lookup(&f->faces[style], cp, &gid) >= 0 ? gid : 0;
}

int font_missing_width(const font_family *f, font_style style)
{
	return f->faces[style].missing_width;
}

unsigned font_glyph_count(const font_family *f, font_style style)
{
	return f->faces[style].n_glyphs;
}

/* Sums the advances of utf8[0..len); a byte that is not UTF-8 or a missing
 * glyph counts as the replacement mark the renderer draws. With prefix,
 * also the running sums (text_units_fn). Inline, so that measure(), which
 * passes NULL, keeps a loop without the stores. */
static inline long sum_advances(const font_family *f, font_style style, const char *utf8, size_t len,
                                int32_t *prefix)
{
	const face *fc = &f->faces[style];
	long sum = 0;
	if (prefix)
		prefix[0] = 0;
	for (size_t i = 0; i < len;) {
		unsigned char c = (unsigned char)utf8[i];
		int w;
		size_t step = 1;
		if (c < 0x80) {
			w = fc->flat[c];
		} else {
			unsigned cp;
			step = utf8_decode(utf8 + i, len - i, &cp);
			w = step ? font_advance(f, style, cp) : -1;
			if (!step)
				step = 1;
		}
		if (prefix)
			for (size_t k = 1; k < step; k++)
				prefix[i + k] = (int32_t)sum;
		sum += w >= 0 ? w : fc->missing_width;
		i += step;
		if (prefix)
			prefix[i] = (int32_t)sum;
	}
	return sum;
}

static long units(void *ctx, font_style style, const char *utf8, size_t len, int32_t *prefix)
{
	return sum_advances(ctx, style, utf8, len, prefix);
}

/* Defined by the units, as text_measurer promises. */
static float measure(void *ctx, font_style style, float size, const char *utf8, size_t len)
{
	return text_units_width(sum_advances(ctx, style, utf8, len, NULL), size);
}

text_measurer font_measurer(const font_family *f)
{
	text_measurer m = { measure, (void *)f, f->ascent, f->descent, units };
	return m;
}
