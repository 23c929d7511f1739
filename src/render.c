/* render.c: draw list → PDF through libharu; see render.h.
 *
 * One pass over the pages, one switch over the command kinds. Fonts are the
 * family's TrueType files, loaded once per document and selected per run of
 * text in a single-byte encoding (codepage.h), because libharu 2.3.0's UTF-8
 * mode writes a broken ToUnicode map. Graphics state already set is
 * remembered so repeated colours and widths cost nothing. The document is
 * built in memory and written to "<target>.tmpXXXXXX", then renamed into
 * place, so a failure never leaves a partial or damaged file. libharu
 * reports errors through a handler that only records them; no longjmp. */
#include "render_priv.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <hpdf_doc.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include "arena.h"
#include "sha256.h"

/* libharu's objects live in an arena per document (hpdf_region), freed
 * at once after HPDF_Free: through malloc, the two threads of a render
 * kept waiting for each other's heap lock. libharu frees only to grow a
 * list, so little is wasted. Its allocator hook has no user pointer, hence
 * the thread-local region; a failed allocation is noted beside it, per
 * thread, and read by render_status(). */
static _Thread_local arena *hpdf_region;
static _Thread_local bool hpdf_oom;

static void *hpdf_alloc(HPDF_UINT size)
{
	void *p = arena_alloc(hpdf_region, size);
	if (!p)
		hpdf_oom = true;
	return p;
}

static void hpdf_free(void *p) { (void)p; }

static void on_hpdf_error(HPDF_STATUS err, HPDF_STATUS detail, void *user)
{
	render_ctx *c = user;
	if (!c->err) {
		c->err = err;
		c->err_detail = detail;
	}
}

/* Maps a recorded libharu error to a diag record and a code. */
int render_status(render_ctx *c)
{
	if (c->fail)
		return c->fail;
	if (!c->err && !hpdf_oom)
		return AM_OK;
	/* libharu reports a failed allocation of its own as such, but zlib's
	 * (Z_MEM_ERROR, -4) only as a zlib error; and HPDF_GetMem records a
	 * failure without calling the error handler, so the next call fails
	 * with another code: hpdf_oom (set by our allocator) tells. */
	if (c->err == HPDF_FAILD_TO_ALLOC_MEM || hpdf_oom ||
	    (c->err == HPDF_ZLIB_ERROR && (int)c->err_detail == -4))
		diag_oom(c->d, c->path);
	else
		diag_error(c->d, c->path, 0, "PDF library error 0x%04X (detail %u)",
		           (unsigned)c->err, (unsigned)c->err_detail);
	c->fail = AM_EINTERNAL;
	return c->fail;
}

/* ---- buffer streams ----------------------------------------------------
 * The document, the pages' contents and the font files go through these
 * instead of libharu's memory streams, whose byte-by-byte copies cost as
 * much as the drawing; the saved document is then one buffer to hash and
 * write, not a chain of 4 KB pieces to read back. */

static bool buf_reserve(render_buf *b, size_t more)
{
	if (b->cap - b->n >= more)
		return true;
	size_t cap = b->cap ? b->cap : 8192;
	while (cap - b->n < more)
		cap *= 2;
	unsigned char *p = realloc(b->p, cap);
	if (!p)
		return false;
	b->p = p;
	b->cap = cap;
	return true;
}

static HPDF_STATUS buf_write(HPDF_Stream s, const HPDF_BYTE *ptr, HPDF_UINT n)
{
	render_buf *b = s->attr;
	if (b->borrowed)
		return HPDF_SetError(s->error, HPDF_INVALID_OPERATION, 0);
	if (!buf_reserve(b, n)) {
		hpdf_oom = true;
		return HPDF_SetError(s->error, HPDF_FAILD_TO_ALLOC_MEM, 0);
	}
	if (n)
		memcpy(b->p + b->n, ptr, n);
	b->n += n;
	return HPDF_OK;
}

/* Like libharu's memory streams: fewer bytes than asked means the end. */
static HPDF_STATUS buf_read(HPDF_Stream s, HPDF_BYTE *ptr, HPDF_UINT *n)
{
	render_buf *b = s->attr;
	size_t left = b->n - b->pos, want = *n;
	size_t k = want < left ? want : left;
	if (k)
		memcpy(ptr, b->p + b->pos, k);
	b->pos += k;
	*n = (HPDF_UINT)k;
	return k < want ? HPDF_STREAM_EOF : HPDF_OK;
}

static HPDF_STATUS buf_seek(HPDF_Stream s, HPDF_INT pos, HPDF_WhenceMode mode)
{
	render_buf *b = s->attr;
	long long at = mode == HPDF_SEEK_CUR ? (long long)b->pos + pos
	             : mode == HPDF_SEEK_END ? (long long)b->n - pos : pos;
	if (at < 0 || at > (long long)b->n)
		return HPDF_SetError(s->error, HPDF_STREAM_EOF, 0);
	b->pos = (size_t)at;
	return HPDF_OK;
}

static HPDF_INT32 buf_tell(HPDF_Stream s) { return (HPDF_INT32)((render_buf *)s->attr)->pos; }

static HPDF_UINT32 buf_size(HPDF_Stream s) { return (HPDF_UINT32)((render_buf *)s->attr)->n; }

static void buf_free(HPDF_Stream s)
{
	render_buf *b = s->attr;
	if (b && !b->borrowed)
		free(b->p);
	free(b);
	s->attr = NULL;
}

HPDF_Stream render_buf_stream(HPDF_MMgr mm, unsigned char *data, size_t len, bool own)
{
	render_buf *b = calloc(1, sizeof *b);
	HPDF_Stream s = b ? HPDF_CallbackReader_New(mm, buf_read, buf_seek, buf_tell, buf_size, b) : NULL;
	if (!s) {
		if (own)
			free(data);
		free(b);
		hpdf_oom = true;
		return NULL;
	}
	s->write_fn = buf_write;
	s->free_fn = buf_free;
	b->p = data;
	b->n = b->cap = data ? len : 0;
	b->borrowed = data && !own;
	s->size = (HPDF_UINT)b->n;
	return s;
}

bool render_is_buf_stream(HPDF_Stream s) { return s->write_fn == buf_write; }

void render_set_stream(HPDF_Dict dict, HPDF_Stream s)
{
	HPDF_Stream_Free(dict->stream);
	dict->stream = s;
}

/* ---- graphics state -------------------------------------------------- */

void render_forget_state(render_ctx *c)
{
	c->state_known = false;
	c->cur_font = NULL;
}

void render_begin(render_ctx *c, HPDF_Page page, float scale, float tx, float ty)
{
	render_end_text(c);
	c->page = page;
	c->scale = scale;
	c->tx = tx;
	c->ty = ty;
	c->in_text = false;
	render_forget_state(c);
	/* On a page with nothing drawn yet the state is PDF's initial one:
	 * black, width 1, solid lines (PDF 1.7 §8.4.1). */
	if (((HPDF_PageAttr)page->attr)->stream->size == 0) {
		c->fill = c->stroke = (rgb){0, 0, 0};
		c->width = 1;
		c->dash = 0;
		c->state_known = true;
	}
}

static float px(const render_ctx *c, float x) { return c->tx + c->scale * x; }
static float py(const render_ctx *c, float y) { return c->ty - c->scale * y; }

static bool same_rgb(rgb a, rgb b) { return a.r == b.r && a.g == b.g && a.b == b.b; }

/* ---- content operators ------------------------------------------------ */
/* The page's operators are formatted here into c->ops and handed to the
 * page's content stream in one piece: libharu's operator functions clear a
 * 512-byte buffer byte by byte for every call, which cost more than all
 * the drawing. Everything libharu still draws itself (images, tiling
 * marks) comes after a render_flush. */

static void out_bytes(render_ctx *c, const char *s, size_t n)
{
	if (c->n_ops + n > c->cap_ops) {
		size_t cap = c->cap_ops ? c->cap_ops : 4096;
		while (cap < c->n_ops + n)
			cap *= 2;
		char *p = realloc(c->ops, cap);
		if (!p) {
			if (!c->fail)
				c->fail = diag_oom(c->d, c->path);
			return;
		}
		c->ops = p;
		c->cap_ops = cap;
	}
	memcpy(c->ops + c->n_ops, s, n);
	c->n_ops += n;
}

static void out_str(render_ctx *c, const char *s) { out_bytes(c, s, strlen(s)); }

/* Writes q / 10^decimals followed by a space, the shortest way: without
 * trailing zeros, nor the zero before the point (".5", "-.25"). */
static void out_fixed(render_ctx *c, long long q, int decimals)
{
	char buf[32], *e = buf + sizeof buf, *p = e;
	*--p = ' ';
	bool neg = q < 0;
	unsigned long long u = neg ? 0ull - (unsigned long long)q : (unsigned long long)q;
	int i = 0;
	for (; i < decimals && u % 10 == 0; i++)
		u /= 10;
	bool frac = i < decimals;
	for (; i < decimals; i++) {
		*--p = (char)('0' + u % 10);
		u /= 10;
	}
	if (frac)
		*--p = '.';
	if (u || !frac) {
		do {
			*--p = (char)('0' + u % 10);
			u /= 10;
		} while (u);
	}
	if (neg)
		*--p = '-';
	out_bytes(c, p, (size_t)(e - p));
}

/* libharu's limit on numbers in content (HPDF_LIMIT_MAX_REAL). */
#define REAL_MAX 32767.0

static long long quantise(double v, double unit)
{
	if (!(v == v))
		v = 0;
	v = v > REAL_MAX ? REAL_MAX : v < -REAL_MAX ? -REAL_MAX : v;
	return llround(v * unit);
}

/* Coordinates and lengths go out in hundredths of a point (0.0035 mm, far
 * below any printer's dot), colour components in thousandths (finer than
 * 8-bit colour), a rotation's coefficients with five decimals. Shapes are
 * written from rounded absolute positions, so nothing drifts. */
#define UNIT 100
#define UNIT_DECIMALS 2

static long long q_pt(double v) { return quantise(v, UNIT); }
static void out_q(render_ctx *c, long long q) { out_fixed(c, q, UNIT_DECIMALS); }
static void out_num(render_ctx *c, double v) { out_q(c, q_pt(v)); }
static void out_colour(render_ctx *c, double v) { out_fixed(c, quantise(v, 1000), 3); }
static void out_fine(render_ctx *c, double v) { out_fixed(c, quantise(v, 100000), 5); }

static void out_op(render_ctx *c, const char *op)
{
	out_str(c, op);
	out_bytes(c, "\n", 1);
}

static void out_point(render_ctx *c, double x, double y)
{
	out_num(c, x);
	out_num(c, y);
}

static void out_rgb(render_ctx *c, rgb k, const char *op)
{
	out_colour(c, k.r);
	out_colour(c, k.g);
	out_colour(c, k.b);
	out_op(c, op);
}

/* A PDF literal string: ( ) \ escaped, control bytes in octal. */
static void out_string(render_ctx *c, const char *s, size_t n)
{
	char buf[256];
	size_t k = 0;
	buf[k++] = '(';
	for (size_t i = 0; i < n; i++) {
		unsigned char b = (unsigned char)s[i];
		if (k > sizeof buf - 8) {
			out_bytes(c, buf, k);
			k = 0;
		}
		if (b == '(' || b == ')' || b == '\\') {
			buf[k++] = '\\';
			buf[k++] = (char)b;
		} else if (b < 0x20 || b == 0x7F) {
			buf[k++] = '\\';
			buf[k++] = (char)('0' + (b >> 6));
			buf[k++] = (char)('0' + ((b >> 3) & 7));
			buf[k++] = (char)('0' + (b & 7));
		} else {
			buf[k++] = (char)b;
		}
	}
	buf[k++] = ')';
	out_bytes(c, buf, k);
}

void render_flush(render_ctx *c)
{
	if (!c->n_ops || !c->page)
		return;
	HPDF_PageAttr attr = (HPDF_PageAttr)c->page->attr;
	if (HPDF_Stream_Write(attr->stream, (const HPDF_BYTE *)c->ops, (HPDF_UINT)c->n_ops) != HPDF_OK &&
	    !c->err)
		c->err = HPDF_FAILD_TO_ALLOC_MEM;
	c->n_ops = 0;
}

static void close_text(render_ctx *c)
{
	if (c->in_text)
		out_op(c, "ET");
	c->in_text = false;
}

void render_end_text(render_ctx *c)
{
	close_text(c);
	render_flush(c);
}

static void set_fill(render_ctx *c, rgb k)
{
	if (c->state_known && same_rgb(c->fill, k))
		return;
	out_rgb(c, k, "rg");
	c->fill = k;
}

/* Stroke colour, width and dash; sets the state as known afterwards. */
static void set_stroke(render_ctx *c, rgb k, float width, float dash)
{
	bool known = c->state_known;
	if (!known || !same_rgb(c->stroke, k))
		out_rgb(c, k, "RG");
	if (!known || c->width != width) {
		out_num(c, width);
		out_op(c, "w");
	}
	if (!known || c->dash != dash) {
		if (dash > 0) {
			out_str(c, "[");
			out_fixed(c, dash < 1 ? 1 : (long long)(dash + .5f), 0);
			out_op(c, "] 0 d");
		} else {
			out_op(c, "[] 0 d");
		}
	}
	c->stroke = k;
	c->width = width;
	c->dash = dash;
}

/* The first drawing command after render_begin sets the whole state. */
static void set_all(render_ctx *c, rgb fill, rgb stroke, float width, float dash)
{
	set_fill(c, fill);
	set_stroke(c, stroke, width, dash);
	c->state_known = true;
}

static void set_fill_only(render_ctx *c, rgb fill)
{
	if (!c->state_known)
		set_all(c, fill, c->stroke, 1, 0);
	else
		set_fill(c, fill);
}

static void set_stroke_only(render_ctx *c, rgb stroke, float width, float dash)
{
	if (!c->state_known)
		set_all(c, c->fill, stroke, width, dash);
	else
		set_stroke(c, stroke, width, dash);
}

/* ---- fonts and text -------------------------------------------------- */

static HPDF_Font get_font(render_ctx *c, font_style st, codepage cp)
{
	if (c->fonts[st][cp])
		return c->fonts[st][cp];
	if (!c->font_names[st]) {
		const char *file = font_path(c->opts->fonts, st);
		c->font_names[st] = render_load_face(c, st);
		if (!c->font_names[st]) {
			if (hpdf_oom || c->err == HPDF_FAILD_TO_ALLOC_MEM) {
				render_status(c);
				return NULL;
			}
			c->err = 0;
			HPDF_ResetError(c->pdf);
			diag_error(c->d, file, 0, "cannot load font");
			c->fail = AM_EINPUT;
			return NULL;
		}
	}
	c->fonts[st][cp] = HPDF_GetFont(c->pdf, c->font_names[st], cp_name(cp));
	return c->fonts[st][cp];
}

/* Selects font f at size (Tf), registering it with the page. */
static int select_font(render_ctx *c, HPDF_Font f, float size)
{
	if (f == c->cur_font && size == c->cur_size)
		return 0;
	const char *name = HPDF_Page_GetLocalFontName(c->page, f);
	if (!name)
		return -1;
	out_bytes(c, "/", 1);
	out_str(c, name);
	out_bytes(c, " ", 1);
	out_num(c, size);
	out_op(c, "Tf");
	c->cur_font = f;
	c->cur_size = size;
	return 0;
}

/* cp_encode callback: shows one run of one encoding at the text position. */
static int show_run(void *ctx, codepage cp, const char *bytes, size_t n)
{
	render_ctx *c = ctx;
	HPDF_Font f = get_font(c, c->run->u.text.style, cp);
	if (!f || select_font(c, f, c->run_size))
		return -1;
	/* Measuring marks the characters and glyphs used, for the /Widths
	 * and the embedded subset. */
	HPDF_Font_TextWidth(f, (const HPDF_BYTE *)bytes, (HPDF_UINT)n);
	out_string(c, bytes, n);
	out_op(c, " Tj");
	return 0;
}

/* Moves the text origin to PDF point (x, y), turned by angle a: a relative
 * Td from the last unrotated line (or from the origin, just after BT, where
 * the text matrix is the identity), else a full Tm. */
static void text_origin(render_ctx *c, float a, float x, float y)
{
	if (a == 0) {
		long long mx = q_pt(x), my = q_pt(y);
		if (c->tm_plain) {
			out_q(c, mx - c->tm_x);
			out_q(c, my - c->tm_y);
			out_op(c, "Td");
		} else {
			out_str(c, "1 0 0 1 ");
			out_q(c, mx);
			out_q(c, my);
			out_op(c, "Tm");
		}
		c->tm_plain = true;
		c->tm_x = mx;
		c->tm_y = my;
		return;
	}
	double co = cos(a), si = sin(a);
	out_fine(c, co);
	out_fine(c, si);
	out_fine(c, -si);
	out_fine(c, co);
	out_point(c, x, y);
	out_op(c, "Tm");
	c->tm_plain = false;
}

static int draw_text_cmd(render_ctx *c, const draw_cmd *cmd)
{
	const char *s = cmd->u.text.utf8;
	float size = cmd->u.text.size * c->scale;
	if (!s[0])
		return AM_OK;
	if (!(size > 0 && size <= HPDF_MAX_FONTSIZE)) {
		diag_error(c->d, c->path, 0, "font size %g out of range (0 to %d points) for \"%.40s\"",
		           cmd->u.text.size, HPDF_MAX_FONTSIZE, s);
		return c->fail = AM_EINPUT;
	}
	if (!c->in_text) {
		out_op(c, "BT");
		c->in_text = true;
		c->tm_plain = true;
		c->tm_x = c->tm_y = 0;
	}
	set_fill_only(c, cmd->u.text.colour);
	text_origin(c, cmd->u.text.angle, px(c, cmd->u.text.x), py(c, cmd->u.text.y));
	c->run = cmd;
	c->run_size = size;
	unsigned bad = 0;
	if (cp_encode(s, strlen(s), show_run, c, &bad) != 0 && !c->fail) {
		if (c->err || hpdf_oom)
			return render_status(c);
		diag_error(c->d, c->path, 0, "character U+%04X cannot be printed in \"%.40s\"", bad, s);
		c->fail = AM_EINPUT;
	}
	return c->fail;
}

int render_label(render_ctx *c, float x, float y, font_style style, float size,
                 bool centre, rgb colour, const char *utf8)
{
	render_forget_state(c);   /* the caller may have drawn directly */
	if (centre) {
		/* Measure with the regular encoding: labels are ASCII ids. */
		HPDF_Font f = get_font(c, style, CP_1252);
		if (!f)
			return c->fail;
		HPDF_TextWidth tw = HPDF_Font_TextWidth(f, (const HPDF_BYTE *)utf8, (HPDF_UINT)strlen(utf8));
		x -= (float)tw.width * size / 1000 / 2;
	}
	draw_cmd cmd = {.kind = DRAW_TEXT};
	cmd.u.text.x = x;
	cmd.u.text.y = y;
	cmd.u.text.size = size;
	cmd.u.text.style = style;
	cmd.u.text.colour = colour;
	cmd.u.text.utf8 = utf8;
	float scale = c->scale, tx = c->tx, ty = c->ty;
	c->scale = 1, c->tx = 0, c->ty = 0;
	cmd.u.text.y = -y;   /* py() negates: PDF y comes back as given */
	int rc = draw_text_cmd(c, &cmd);
	c->scale = scale, c->tx = tx, c->ty = ty;
	render_flush(c);
	return rc;
}

/* ---- shapes, images, links ------------------------------------------- */

/* Whether lines a and b are stroked alike, so one S can stroke both. */
static bool same_stroke(const draw_cmd *a, const draw_cmd *b)
{
	return b->kind == DRAW_LINE && same_rgb(a->u.line.colour, b->u.line.colour) &&
	       a->u.line.width == b->u.line.width && a->u.line.dash == b->u.line.dash;
}

/* A line; a run of lines stroked alike (a table's rules) becomes one path
 * stroked once: next is the command after this one, or NULL. */
static void draw_line_cmd(render_ctx *c, const draw_cmd *cmd, const draw_cmd *next)
{
	set_stroke_only(c, cmd->u.line.colour, cmd->u.line.width * c->scale, cmd->u.line.dash * c->scale);
	out_point(c, px(c, cmd->u.line.x1), py(c, cmd->u.line.y1));
	out_op(c, "m");
	out_point(c, px(c, cmd->u.line.x2), py(c, cmd->u.line.y2));
	out_op(c, next && same_stroke(cmd, next) ? "l" : "l S");
}

/* Fills and/or strokes the current path. */
static void paint(render_ctx *c, bool fill, float width)
{
	out_op(c, fill && width > 0 ? "B" : fill ? "f" : width > 0 ? "S" : "n");
}

static void draw_rect_cmd(render_ctx *c, const draw_cmd *cmd)
{
	rect r = cmd->u.rect.r;
	if (!cmd->u.rect.fill && cmd->u.rect.width <= 0)
		return;
	if (cmd->u.rect.fill)
		set_fill_only(c, cmd->u.rect.fill_colour);
	if (cmd->u.rect.width > 0)
		set_stroke_only(c, cmd->u.rect.stroke_colour, cmd->u.rect.width * c->scale, 0);
	/* The size from the rounded edges, so they meet rules drawn there. */
	long long x0 = q_pt(px(c, r.x)), x1 = q_pt(px(c, r.x + r.w));
	long long y0 = q_pt(py(c, r.y + r.h)), y1 = q_pt(py(c, r.y));
	out_q(c, x0);
	out_q(c, y0);
	out_q(c, x1 - x0);
	out_q(c, y1 - y0);
	out_op(c, "re");
	paint(c, cmd->u.rect.fill, cmd->u.rect.width);
}

static void draw_path_cmd(render_ctx *c, const draw_cmd *cmd)
{
	const path_el *e = cmd->u.path.els;
	if (!cmd->u.path.n || (!cmd->u.path.fill && cmd->u.path.width <= 0))
		return;
	if (cmd->u.path.fill)
		set_fill_only(c, cmd->u.path.fill_colour);
	if (cmd->u.path.width > 0)
		set_stroke_only(c, cmd->u.path.stroke_colour, cmd->u.path.width * c->scale,
		                cmd->u.path.dash * c->scale);
	for (size_t i = 0; i < cmd->u.path.n; i++) {
		const point *p = e[i].p;
		switch (e[i].op) {
		case PATH_MOVE:
			out_point(c, px(c, p[0].x), py(c, p[0].y));
			out_op(c, "m");
			break;
		case PATH_LINE:
			out_point(c, px(c, p[0].x), py(c, p[0].y));
			out_op(c, "l");
			break;
		case PATH_CURVE:
			out_point(c, px(c, p[0].x), py(c, p[0].y));
			out_point(c, px(c, p[1].x), py(c, p[1].y));
			out_point(c, px(c, p[2].x), py(c, p[2].y));
			out_op(c, "c");
			break;
		case PATH_CLOSE:
			out_op(c, "h");
			break;
		}
	}
	paint(c, cmd->u.path.fill, cmd->u.path.width);
}

static void draw_image_cmd(render_ctx *c, const draw_cmd *cmd)
{
	rect r = cmd->u.image.r;
	HPDF_Image img = render_image(c, cmd->u.image.file);
	render_flush(c);
	if (img)
		HPDF_Page_DrawImage(c->page, img, px(c, r.x), py(c, r.y + r.h), r.w * c->scale, r.h * c->scale);
}

static void draw_link_cmd(render_ctx *c, const draw_cmd *cmd)
{
	rect r = cmd->u.link.r;
	if (!c->links)
		return;
	float x0 = fmaxf(px(c, r.x), c->clip_x0), x1 = fminf(px(c, r.x + r.w), c->clip_x1);
	float y0 = fmaxf(py(c, r.y + r.h), c->clip_y0), y1 = fminf(py(c, r.y), c->clip_y1);
	if (x1 - x0 < 1 || y1 - y0 < 1)
		return;
	HPDF_Rect box = {x0, y0, x1, y1};
	HPDF_Annotation a = HPDF_Page_CreateURILinkAnnot(c->page, box, cmd->u.link.uri);
	if (!a)
		return;
	HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
	/* libharu sets no /F; PDF/A wants the Print flag (bit 3 = 4). */
	HPDF_Dict_AddNumber(a, "F", 4);
}

int render_cmds(render_ctx *c, const draw_page *pg)
{
	for (size_t i = 0; i < pg->n && !c->fail && !c->err; i++) {
		const draw_cmd *cmd = &pg->cmds[i];
		if (cmd->kind != DRAW_TEXT)
			close_text(c);
		switch (cmd->kind) {
		case DRAW_TEXT:
			draw_text_cmd(c, cmd);
			break;
		case DRAW_LINE:
			draw_line_cmd(c, cmd, i + 1 < pg->n ? cmd + 1 : NULL);
			break;
		case DRAW_RECT:
			draw_rect_cmd(c, cmd);
			break;
		case DRAW_PATH:
			draw_path_cmd(c, cmd);
			break;
		case DRAW_IMAGE:
			draw_image_cmd(c, cmd);
			break;
		case DRAW_LINK:
			draw_link_cmd(c, cmd);
			break;
		}
	}
	render_end_text(c);
	return render_status(c);
}

/* ---- pages, bookmarks, metadata -------------------------------------- */

HPDF_Page render_new_page(render_ctx *c, float w, float h)
{
	if (!(w >= 3 && w <= HPDF_MAX_PAGE_SIZE && h >= 3 && h <= HPDF_MAX_PAGE_SIZE)) {
		diag_error(c->d, c->path, 0, "page size %g x %g out of range (3 to %d points)",
		           w, h, HPDF_MAX_PAGE_SIZE);
		c->fail = AM_EINTERNAL;
		return NULL;
	}
	HPDF_Page p = HPDF_AddPage(c->pdf);
	if (!p)
		return NULL;
	HPDF_PageAttr attr = (HPDF_PageAttr)p->attr;
	HPDF_Stream s = render_buf_stream(c->pdf->mmgr, NULL, 0, false);
	if (!s)
		return NULL;
	render_set_stream(attr->contents, s);
	attr->stream = s;
	HPDF_Page_SetWidth(p, w);
	HPDF_Page_SetHeight(p, h);
	return p;
}

static int render_pages(render_ctx *c, HPDF_Page *pages)
{
	c->links = true;
	for (size_t i = 0; i < c->doc->n_pages; i++) {
		const draw_page *pg = &c->doc->pages[i];
		pages[i] = render_new_page(c, pg->width, pg->height);
		if (!pages[i])
			return render_status(c);
		render_begin(c, pages[i], 1, 0, pg->height);
		c->clip_x0 = 0, c->clip_y0 = 0, c->clip_x1 = pg->width, c->clip_y1 = pg->height;
		int rc = render_cmds(c, pg);
		if (rc)
			return rc;
	}
	return AM_OK;
}

/* Decodes one UTF-8 sequence; returns its length (0 when invalid). */
static size_t utf8_next(const unsigned char *s, unsigned *cp)
{
	if (s[0] < 0x80)
		return *cp = s[0], 1;
	int n = s[0] >= 0xF0 ? 4 : s[0] >= 0xE0 ? 3 : s[0] >= 0xC0 ? 2 : 0;
	if (!n || s[0] >= 0xF8)
		return 0;
	unsigned v = s[0] & (0x7F >> n);
	for (int i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		v = v << 6 | (s[i] & 0x3F);
	}
	*cp = v;
	return (size_t)n;
}

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

/* utf8 in PDFDocEncoding into out (room for strlen(utf8) + 1 bytes), or
 * false when some character has no byte there. */
static bool to_pdfdoc(const char *utf8, char *out)
{
	const unsigned char *s = (const unsigned char *)utf8;
	size_t n = 0;
	while (*s) {
		unsigned cp;
		size_t k = utf8_next(s, &cp);
		unsigned char b = k ? pdfdoc_byte(cp) : 0;
		if (!b)
			return false;
		out[n++] = (char)b;
		s += k;
	}
	out[n] = '\0';
	return true;
}

HPDF_STATUS render_text_string(render_ctx *c, HPDF_Dict dict, const char *key, const char *utf8)
{
	const unsigned char *s = (const unsigned char *)utf8;
	/* PDFDocEncoding when it holds every character (one byte each, all of
	 * Danish), else UTF-16BE. */
	char *doc = malloc(strlen(utf8) + 1);
	if (!doc)
		return HPDF_FAILD_TO_ALLOC_MEM;
	if (to_pdfdoc(utf8, doc)) {
		HPDF_STATUS st = HPDF_Dict_Add(dict, key, HPDF_String_New(c->pdf->mmgr, doc, NULL));
		free(doc);
		return st;
	}
	free(doc);
	/* UTF-16BE with a byte order mark, as a hex string. */
	size_t len = strlen(utf8);
	unsigned char *u = malloc(4 * len + 2);
	if (!u)
		return HPDF_FAILD_TO_ALLOC_MEM;
	size_t n = 0;
	u[n++] = 0xFE, u[n++] = 0xFF;
	while (*s) {
		unsigned cp = 0xFFFD;
		size_t k = utf8_next(s, &cp);
		s += k ? k : 1;
		if (cp >= 0x10000) {
			unsigned v = cp - 0x10000, hi = 0xD800 | v >> 10, lo = 0xDC00 | (v & 0x3FF);
			u[n++] = hi >> 8, u[n++] = hi & 0xFF, u[n++] = lo >> 8, u[n++] = lo & 0xFF;
		} else {
			u[n++] = cp >> 8, u[n++] = cp & 0xFF;
		}
	}
	HPDF_STATUS st = HPDF_Dict_Add(dict, key, HPDF_Binary_New(c->pdf->mmgr, u, (HPDF_UINT)n));
	free(u);
	return st;
}

/* [page /XYZ null top null]: scrolls to top, keeping the reader's zoom
 * (libharu's SetXYZ refuses a null zoom). */
static HPDF_Destination xyz_destination(render_ctx *c, HPDF_Page page, float top)
{
	HPDF_Destination dst = HPDF_Page_CreateDestination(page);
	if (!dst)
		return NULL;
	HPDF_MMgr mm = c->pdf->mmgr;
	HPDF_Array_Clear(dst);
	HPDF_Array_Add(dst, page);
	HPDF_Array_Add(dst, HPDF_Name_New(mm, "XYZ"));
	HPDF_Array_Add(dst, HPDF_Null_New(mm));
	HPDF_Array_Add(dst, HPDF_Real_New(mm, top));
	HPDF_Array_Add(dst, HPDF_Null_New(mm));
	return dst;
}

static void add_bookmarks(render_ctx *c, HPDF_Page *first_sheet, const HPDF_Page *pages)
{
	enum { DEPTH = 8 };
	HPDF_Outline parents[DEPTH] = {0};
	for (size_t i = 0; i < c->doc->n_marks && !c->err; i++) {
		const draw_bookmark *m = &c->doc->marks[i];
		if (m->page < 0 || (size_t)m->page >= c->doc->n_pages)
			continue;
		int level = m->level < 0 ? 0 : m->level >= DEPTH ? DEPTH - 1 : m->level;
		while (level > 0 && !parents[level - 1])
			level--;
		HPDF_Outline o = HPDF_CreateOutline(c->pdf, level ? parents[level - 1] : NULL, "", NULL);
		if (!o)
			return;
		render_text_string(c, o, "Title", m->title);
		HPDF_Outline_SetOpened(o, HPDF_TRUE);
		parents[level] = o;
		for (int k = level + 1; k < DEPTH; k++)
			parents[k] = NULL;
		const draw_page *pg = &c->doc->pages[m->page];
		HPDF_Page target = first_sheet ? first_sheet[m->page] : pages[m->page];
		float top = first_sheet ? HPDF_Page_GetHeight(target) : pg->height - m->y;
		HPDF_Destination dst = xyz_destination(c, target, top);
		if (!dst)
			return;
		HPDF_Outline_SetDestination(o, dst);
	}
	if (c->doc->n_marks)
		HPDF_SetPageMode(c->pdf, HPDF_PAGE_MODE_USE_OUTLINE);
}

static void set_date(render_ctx *c, HPDF_InfoType type)
{
	time_t t = (time_t)c->doc->meta.timestamp;
	struct tm tm;
	if (!gmtime_r(&t, &tm))
		return;
	HPDF_Date date = {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
	                  tm.tm_min, tm.tm_sec, 'Z', 0, 0};
	HPDF_SetInfoDateAttr(c->pdf, type, date);
}

static void set_info(render_ctx *c)
{
	const draw_meta *m = &c->doc->meta;
	HPDF_SetInfoAttr(c->pdf, HPDF_INFO_PRODUCER, "amokit " AMOKIT_VERSION " with libharu " HPDF_VERSION_TEXT);
	const char *keys[] = {"Title", "Author", "Subject", "Keywords", "Creator"};
	const char *vals[] = {m->title, m->author, m->subject, m->keywords, m->creator};
	for (size_t i = 0; i < sizeof keys / sizeof *keys && c->pdf->info; i++)
		if (vals[i] && vals[i][0])
			render_text_string(c, c->pdf->info, keys[i], vals[i]);
	set_date(c, HPDF_INFO_CREATION_DATE);
	set_date(c, HPDF_INFO_MOD_DATE);
}

/* ---- document ID -----------------------------------------------------
 * PDF/A wants an ID, and one derived from the content keeps the output a
 * function of the input. It needs to tell documents apart, not to resist
 * an attacker, so a 128-bit multiply-and-rotate hash over 8-byte words
 * does (two independent 64-bit lanes, finished with splitmix64); MD5 over
 * thousands of small pieces cost two million instructions a set. */

typedef struct idhash {
	uint64_t a, b, len;
	unsigned char buf[256];
	size_t n;
} idhash;

static uint64_t rotl64(uint64_t x, int r) { return x << r | x >> (64 - r); }

static void id_mix(idhash *h, uint64_t w)
{
	h->a = rotl64((h->a ^ w) * 0x9E3779B97F4A7C15u, 31);
	h->b = rotl64(h->b + w, 27) * 0xC2B2AE3D27D4EB4Fu + 0x165667B19E3779F9u;
}

static void id_flush(idhash *h)
{
	size_t i = 0;
	for (; i + 8 <= h->n; i += 8) {
		uint64_t w;
		memcpy(&w, h->buf + i, 8);
		id_mix(h, w);
	}
	memmove(h->buf, h->buf + i, h->n - i);
	h->n -= i;
}

static void id_put(idhash *h, const void *p, size_t n)
{
	const unsigned char *s = p;
	h->len += n;
	while (n) {
		size_t k = sizeof h->buf - h->n < n ? sizeof h->buf - h->n : n;
		memcpy(h->buf + h->n, s, k);
		h->n += k, s += k, n -= k;
		if (h->n == sizeof h->buf)
			id_flush(h);
	}
}

static uint64_t splitmix(uint64_t z)
{
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
	return z ^ (z >> 31);
}

static void id_final(idhash *h, unsigned char id[16])
{
	id_flush(h);
	uint64_t w = 0;
	memcpy(&w, h->buf, h->n);   /* fewer than 8 left */
	id_mix(h, w);
	id_mix(h, h->len);
	uint64_t x = splitmix(h->a ^ rotl64(h->b, 17)), y = splitmix(h->b + x);
	for (int i = 0; i < 8; i++) {
		id[i] = (unsigned char)(x >> (8 * i));
		id[8 + i] = (unsigned char)(y >> (8 * i));
	}
}

static void id_str(idhash *h, const char *s)
{
	id_put(h, s ? s : "", s ? strlen(s) + 1 : 1);
}

static void id_floats(idhash *h, const float *v, size_t n) { id_put(h, v, n * sizeof *v); }

static void id_cmd(idhash *h, const draw_cmd *cmd)
{
	const unsigned char kind = (unsigned char)cmd->kind;
	id_put(h, &kind, 1);
	switch (cmd->kind) {
	case DRAW_TEXT: {
		const float v[] = {cmd->u.text.x, cmd->u.text.y, cmd->u.text.size, cmd->u.text.angle,
		                   (float)cmd->u.text.style, cmd->u.text.colour.r,
		                   cmd->u.text.colour.g, cmd->u.text.colour.b};
		id_floats(h, v, 8);
		id_str(h, cmd->u.text.utf8);
		break;
	}
	case DRAW_LINE:
		id_floats(h, &cmd->u.line.x1, 5);
		break;
	case DRAW_RECT:
		id_floats(h, &cmd->u.rect.r.x, 4);
		break;
	case DRAW_PATH:
		for (size_t i = 0; i < cmd->u.path.n; i++)
			id_floats(h, &cmd->u.path.els[i].p[0].x, 6);
		break;
	case DRAW_IMAGE:
		id_floats(h, &cmd->u.image.r.x, 4);
		id_str(h, cmd->u.image.file);
		break;
	case DRAW_LINK:
		id_floats(h, &cmd->u.link.r.x, 4);
		id_str(h, cmd->u.link.uri);
		break;
	}
}

/* A document ID derived from the content (PDF requires none, PDF/A one;
 * from the content so the same input gives the same bytes). */
static void content_id(const draw_doc *doc, unsigned char id[16])
{
	idhash h = {.a = 0x243F6A8885A308D3u, .b = 0x13198A2E03707344u};
	const draw_meta *me = &doc->meta;
	id_str(&h, me->title), id_str(&h, me->author), id_str(&h, me->subject);
	id_str(&h, me->keywords), id_str(&h, me->creator);
	id_put(&h, &me->timestamp, sizeof me->timestamp);
	for (size_t i = 0; i < doc->n_pages; i++) {
		id_floats(&h, &doc->pages[i].width, 2);
		for (size_t k = 0; k < doc->pages[i].n; k++)
			id_cmd(&h, &doc->pages[i].cmds[k]);
	}
	for (size_t i = 0; i < doc->n_marks; i++)
		id_str(&h, doc->marks[i].title);
	id_final(&h, id);
}

static void set_id(render_ctx *c, const unsigned char id[16])
{
	HPDF_Array a = HPDF_Array_New(c->pdf->mmgr);
	if (!a || HPDF_Dict_Add(c->pdf->trailer, "ID", a) != HPDF_OK)
		return;
	HPDF_Array_Add(a, HPDF_Binary_New(c->pdf->mmgr, (HPDF_BYTE *)id, 16));
	HPDF_Array_Add(a, HPDF_Binary_New(c->pdf->mmgr, (HPDF_BYTE *)id, 16));
}

/* ---- output ---------------------------------------------------------- */

static int write_all(int fd, const unsigned char *p, size_t n)
{
	while (n) {
		ssize_t k = write(fd, p, n);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return -1;
		p += k;
		n -= (size_t)k;
	}
	return 0;
}

static int io_error(render_ctx *c, const char *what)
{
	diag_error(c->d, c->path, 0, "cannot %s: %s", what, strerror(errno));
	return c->fail = AM_EUSAGE;
}

/* Writes straight into something that is not a regular file (a device
 * such as /dev/stdout, a pipe): renaming over it would be wrong. */
static int write_special(render_ctx *c, const unsigned char *p, size_t n)
{
	int fd = open(c->path, O_WRONLY | O_TRUNC);
	if (fd < 0)
		return io_error(c, "open for writing");
	int bad = write_all(fd, p, n);
	bad |= close(fd);
	return bad ? io_error(c, "write") : AM_OK;
}

/* ---- temporary files being written -------------------------------------
 * Created right in fixed slots, so that a process ended while documents
 * are being written (a signal, or a library calling exit() in another
 * thread) can remove them: render_remove_temporaries() only reads these
 * slots and calls unlink(), so it is safe in a signal handler. Once it has
 * run, a writer that registers afterwards removes its own file. */
#define MAX_PENDING 16
enum { SLOT_FREE, SLOT_CREATING, SLOT_NAMED };
static char pending_name[MAX_PENDING][PATH_MAX];
static atomic_int pending_state[MAX_PENDING];
static atomic_bool ending;

static void drop_temporary(int slot)
{
	if (slot >= 0)
		atomic_store(&pending_state[slot], SLOT_FREE);
}

/* mkstemp() on path + ".tmpXXXXXX" inside a slot; the fd, or -1 (errno).
 * *slot is -1 when all slots are taken: that file is simply not tracked. */
static int create_temporary(const char *path, char *name, size_t size, int *slot)
{
	*slot = -1;
	if ((size_t)snprintf(name, size, "%s.tmpXXXXXX", path) >= size) {
		errno = ENAMETOOLONG;
		return -1;
	}
	for (int i = 0; i < MAX_PENDING && *slot < 0; i++) {
		int free_slot = SLOT_FREE;
		if (atomic_compare_exchange_strong(&pending_state[i], &free_slot, SLOT_CREATING))
			*slot = i;
	}
	if (atomic_load(&ending)) {   /* after claiming: a remover that set it
	                                 before scanning this slot sees no file */
		drop_temporary(*slot);
		errno = EINTR;
		return -1;
	}
	char *where = *slot >= 0 ? pending_name[*slot] : name;
	if (where != name)
		memcpy(where, name, strlen(name) + 1);
	int fd = mkstemp(where);
	if (where != name)
		memcpy(name, where, strlen(where) + 1);
	if (*slot >= 0)
		atomic_store(&pending_state[*slot], fd >= 0 ? SLOT_NAMED : SLOT_FREE);
	if (fd >= 0 && atomic_load(&ending)) {
		close(fd);
		unlink(name);
		errno = EINTR;
		return -1;
	}
	return fd;
}


void render_remove_temporaries(void)
{
	atomic_store(&ending, true);
	for (int i = 0; i < MAX_PENDING; i++) {
		/* A writer in mkstemp() in another thread gets up to a second to
		 * finish, however the threads are scheduled (nanosleep is
		 * async-signal-safe). Only when this handler interrupted that very
		 * writer does the wait run out; its file is then unlinked by the
		 * name mkstemp() fills in before it creates the file. */
		for (int ms = 0; ms < 1000 && atomic_load(&pending_state[i]) == SLOT_CREATING; ms++)
			nanosleep(&(struct timespec){0, 1000000}, NULL);
		if (atomic_load(&pending_state[i]) != SLOT_FREE)
			unlink(pending_name[i]);
	}
}

/* Writes p[0..n) to "<path>.tmpXXXXXX" beside the target, then renames it
 * into place; removes the temporary file on any failure. */
static int write_atomic(render_ctx *c, const unsigned char *p, size_t n)
{
	struct stat st;
	if (stat(c->path, &st) == 0 && !S_ISREG(st.st_mode))
		return write_special(c, p, n);
	size_t size = strlen(c->path) + sizeof ".tmpXXXXXX";
	char *tmp = malloc(size);
	if (!tmp)
		return c->fail = diag_oom(c->d, c->path);
	int slot;
	int fd = create_temporary(c->path, tmp, size, &slot);
	if (fd < 0) {
		free(tmp);
		return io_error(c, "create file");
	}
	mode_t mask = umask(0);
	umask(mask);
	int bad = fchmod(fd, 0666 & ~mask);
	bad |= write_all(fd, p, n);
	bad |= close(fd);
	if (bad || rename(tmp, c->path) != 0) {
		int e = errno;
		unlink(tmp);
		drop_temporary(slot);
		free(tmp);
		errno = e;
		return io_error(c, "write");
	}
	drop_temporary(slot);
	free(tmp);
	return AM_OK;
}

/* Saves the document into a buffer, hashes it when asked and writes it. */
static int save(render_ctx *c)
{
	HPDF_Stream out = render_buf_stream(c->pdf->mmgr, NULL, 0, false);
	if (!out)
		return render_status(c);
	c->pdf->stream = out;   /* HPDF_SaveToStream writes there; HPDF_Free frees it */
	int rc = render_deflate_streams(c);
	if (rc)
		return rc;
	if (HPDF_SaveToStream(c->pdf) != HPDF_OK)
		return render_status(c);
	const render_buf *b = out->attr;
	if (c->sha256_hex)
		sha256_of(b->p, b->n, c->sha256_hex);
	rc = write_atomic(c, b->p, b->n);
	return rc ? rc : render_status(c);
}

static int build(render_ctx *c)
{
	HPDF_SetCompressionMode(c->pdf, HPDF_COMP_ALL);
	set_info(c);
	size_t n = c->doc->n_pages ? c->doc->n_pages : 1;
	HPDF_Page *pages = calloc(n, sizeof *pages);
	if (!pages)
		return c->fail = diag_oom(c->d, c->path);
	int rc = c->opts->tile_w > 0 ? render_tiled(c, pages) : render_pages(c, pages);
	if (!rc)
		add_bookmarks(c, c->opts->tile_w > 0 ? pages : NULL, pages);
	free(pages);
	unsigned char id[16];
	content_id(c->doc, id);
	if (!rc)
		set_id(c, id);
	if (!rc)
		rc = render_embed_fonts(c);
	if (!rc && c->doc->meta.pdfa)
		rc = render_pdfa(c);
	if (!rc)
		rc = render_status(c);
	return rc ? rc : save(c);
}

int render_pdf_digest(const draw_doc *doc, const render_opts *o, const char *path,
                      char *sha256_hex, diag *d)
{
	render_ctx c = {.doc = doc, .opts = o, .d = d, .path = path, .sha256_hex = sha256_hex};
	if (!doc->n_pages) {
		diag_error(d, path, 0, "document has no pages");
		return AM_EINTERNAL;
	}
	hpdf_oom = false;
	hpdf_region = arena_new();
	c.pdf = hpdf_region ? HPDF_NewEx(on_hpdf_error, hpdf_alloc, hpdf_free, 0, &c) : NULL;
	if (!c.pdf) {
		arena_free(hpdf_region);
		hpdf_region = NULL;
		return diag_oom(d, path);
	}
	int rc = build(&c);
	HPDF_Free(c.pdf);
	arena_free(hpdf_region);
	hpdf_region = NULL;
	free(c.images);
	free(c.ops);
	return rc;
}

int render_pdf(const draw_doc *doc, const render_opts *o, const char *path, diag *d)
{
	return render_pdf_digest(doc, o, path, NULL, d);
}
