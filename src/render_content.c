/* render_content.c: draw commands → a page's content stream.
 *
 * One switch over the command kinds; the operators are formatted straight
 * into the page's buffer (c->ops). Graphics state already set is
 * remembered so repeated colours, widths and fonts cost nothing, and runs
 * of lines stroked alike become one path. Coordinates are written in
 * hundredths of a point from rounded absolute positions, so nothing
 * drifts. Text is shown with the faces' Type0 fonts (pdf_font.h): each
 * character's code is its code point, two bytes; a character the face
 * lacks shows the replacement mark inside an /ActualText span that gives
 * the character back to text extraction, and a DRAW_SPAN_BEGIN/END pair
 * becomes one such span around a whole label. */
#include "render_priv.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "utf8.h"

/* Numbers in content are kept within ±32767 (PDF 1.7 Annex C's limit for
 * reals in older readers); page sizes within 3 to 14400 points. */
#define REAL_MAX 32767.0
#define MAX_FONT_SIZE 10000

/* ---- numbers ------------------------------------------------------------ */

static long long quantise(double v, double unit)
{
	if (!(v == v))
		v = 0;
	v = v > REAL_MAX ? REAL_MAX : v < -REAL_MAX ? -REAL_MAX : v;
	return llround(v * unit);
}

static void out_bytes(render_ctx *c, const void *s, size_t n) { bytes_put(&c->ops, s, n); }

/* q / 10^decimals and a space. */
static void out_fixed(render_ctx *c, long long q, int decimals)
{
	char buf[40];
	size_t n = pdf_format_fixed(buf, q, decimals);
	buf[n++] = ' ';
	out_bytes(c, buf, n);
}

/* Coordinates and lengths go out in hundredths of a point (0.0035 mm, far
 * below any printer's dot), colour components in thousandths (finer than
 * 8-bit colour), a rotation's coefficients with five decimals. */
static long long q_pt(double v) { return quantise(v, 100); }
static void out_q(render_ctx *c, long long q) { out_fixed(c, q, 2); }
static void out_num(render_ctx *c, double v) { out_q(c, q_pt(v)); }
static void out_colour(render_ctx *c, double v) { out_fixed(c, quantise(v, 1000), 3); }
static void out_fine(render_ctx *c, double v) { out_fixed(c, quantise(v, 100000), 5); }

static void out_op(render_ctx *c, const char *op)
{
	bytes_puts(&c->ops, op);
	bytes_putc(&c->ops, '\n');
}

void render_op(render_ctx *c, const double *v, int n, const char *op)
{
	for (int i = 0; i < n; i++)
		out_num(c, v[i]);
	out_op(c, op);
}

static void out_point(render_ctx *c, double x, double y)
{
	out_num(c, x);
	out_num(c, y);
}

static float px(const render_ctx *c, float x) { return c->tx + c->scale * x; }
static float py(const render_ctx *c, float y) { return c->ty - c->scale * y; }

static bool same_rgb(rgb a, rgb b) { return a.r == b.r && a.g == b.g && a.b == b.b; }

/* ---- graphics state ------------------------------------------------------ */

void render_forget_state(render_ctx *c)
{
	c->state_known = false;
	c->cur_font = -1;
}

void render_begin(render_ctx *c, float scale, float tx, float ty)
{
	render_end_text(c);
	c->scale = scale;
	c->tx = tx;
	c->ty = ty;
	render_forget_state(c);
	/* On a page with nothing drawn yet the state is PDF's initial one:
	 * black, width 1, solid lines (PDF 1.7 §8.4.1). */
	if (c->ops.n == 0) {
		c->fill = c->stroke = (rgb){0, 0, 0};
		c->width = 1;
		c->dash = 0;
		c->state_known = true;
	}
}

static void out_rgb(render_ctx *c, rgb k, const char *op)
{
	out_colour(c, k.r);
	out_colour(c, k.g);
	out_colour(c, k.b);
	out_op(c, op);
}

static void set_fill(render_ctx *c, rgb k)
{
	if (c->state_known && same_rgb(c->fill, k))
		return;
	out_rgb(c, k, "rg");
	c->fill = k;
}

/* Stroke colour, width and dash; the state is known afterwards. */
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
			out_bytes(c, "[", 1);
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

void render_set_fill(render_ctx *c, rgb fill)
{
	if (!c->state_known)
		set_all(c, fill, c->stroke, 1, 0);
	else
		set_fill(c, fill);
}

void render_set_stroke(render_ctx *c, rgb stroke, float width, float dash)
{
	if (!c->state_known)
		set_all(c, c->fill, stroke, width, dash);
	else
		set_stroke(c, stroke, width, dash);
}

/* ---- text ------------------------------------------------------------- */

/* Selects the face of style at size (Tf). */
static void select_font(render_ctx *c, font_style style, float size)
{
	if ((int)style == c->cur_font && size == c->cur_size)
		return;
	char name[8] = "/F0 ";
	name[2] = (char)('0' + style);
	out_bytes(c, name, 4);
	out_num(c, size);
	out_op(c, "Tf");
	c->cur_font = (int)style;
	c->cur_size = size;
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
			out_bytes(c, "1 0 0 1 ", 8);
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

/* The replacement mark for s[0..n), which the face cannot show; inside a
 * span of its own that gives the original text to extraction, unless a
 * label's span already does. */
static void show_missing(render_ctx *c, const char *s, size_t n)
{
	if (!c->spans) {
		out_bytes(c, "/Span<</ActualText", 18);
		pdf_put_utf16_literal(&c->ops, s, n);
		out_op(c, ">>BDC");
	}
	out_bytes(c, "(", 1);
	pdf_put_short_code(&c->ops, PDF_FONT_REPLACEMENT);
	out_op(c, ")Tj");
	if (!c->spans)
		out_op(c, "EMC");
}

/* Shows utf8 with font f at the text position: one Tj per stretch the
 * face can show. */
static void show_text(render_ctx *c, pdf_font *f, const char *s, size_t len)
{
	bool open = false;
	for (size_t i = 0; i < len;) {
		/* Most of a text is ASCII the font has shown already: those
		 * characters are their codes, put at once. */
		size_t known = pdf_font_shown_ascii(f, s + i, len - i);
		if (known) {
			if (!open)
				out_bytes(c, "(", 1);
			open = true;
			pdf_put_short_codes(&c->ops, s + i, known);
			if ((i += known) == len)
				break;
		}
		unsigned cp = (unsigned char)s[i];
		size_t step = cp < 0x80 ? 1 : utf8_decode(s + i, len - i, &cp);
		if (!step)
			step = 1, cp = 0xFFFFFFFFu;   /* a byte that is not UTF-8: missing */
		bool missing;
		unsigned code = pdf_font_code(f, cp, &missing);
		if (missing) {
			if (open)
				out_op(c, ")Tj");
			open = false;
			show_missing(c, s + i, step);
		} else {
			if (!open)
				out_bytes(c, "(", 1);
			open = true;
			pdf_put_short_code(&c->ops, code);
		}
		i += step;
	}
	if (open)
		out_op(c, ")Tj");
}

/* Draws s[0..len) of a text command at a point already in PDF space. */
static int show_run(render_ctx *c, const draw_cmd *cmd, const char *s, size_t len, float x, float y,
                    float size)
{
	if (!len)
		return AM_OK;
	if (!(size > 0 && size <= MAX_FONT_SIZE)) {
		diag_error(c->d, c->path, 0, "font size %g out of range (0 to %d points) for \"%.40s\"",
		           cmd->u.text.size, MAX_FONT_SIZE, s);
		return c->fail = AM_EINPUT;
	}
	pdf_font *f = render_font(c, cmd->u.text.style);
	if (!f)
		return c->fail;
	render_tag_text(c);
	render_begin_text(c);
	render_set_fill(c, cmd->u.text.colour);
	text_origin(c, cmd->u.text.angle, x, y);
	select_font(c, cmd->u.text.style, size);
	show_text(c, f, s, len);
	return AM_OK;
}

static int show_at(render_ctx *c, const draw_cmd *cmd, float x, float y, float size)
{
	const char *s = cmd->u.text.utf8;
	return show_run(c, cmd, s, strlen(s), x, y, size);
}

/* The byte offset of the character boundary halfway through s[0..len). */
static size_t middle(const char *s, size_t len)
{
	size_t n = 0, k = 0;
	for (size_t i = 0; i < len; n++) {
		unsigned cp;
		size_t step = utf8_decode(s + i, len - i, &cp);
		i += step ? step : 1;
	}
	for (size_t i = 0, seen = 0; i < len && seen < n / 2; seen++) {
		unsigned cp;
		size_t step = utf8_decode(s + i, len - i, &cp);
		i += step ? step : 1;
		k = i;
	}
	return k;
}

/* The width of s[0..len) in style at size, as layout measures it. */
static float run_width(const render_ctx *c, font_style style, float size, const char *s, size_t len)
{
	text_measurer m = font_measurer(c->opts->fonts);
	return m.fn(m.ctx, style, size, s, len);
}

/* The first text of a span is drawn from its middle, its first half only
 * when the span ends: an extractor (poppler) lays a span's text out from
 * its first glyph towards the end of its last, as one upright word, which
 * for turned text or several lines covers what lies beside it; drawn so,
 * the span's text sits at the middle of its first line. The page looks the
 * same (positions agree to 1/100 point). */
static int draw_text_cmd(render_ctx *c, const draw_cmd *cmd)
{
	float x = px(c, cmd->u.text.x), y = py(c, cmd->u.text.y), size = cmd->u.text.size * c->scale;
	bool split = c->span_fresh;
	c->span_fresh = false;
	if (!split)
		return show_at(c, cmd, x, y, size);
	const char *s = cmd->u.text.utf8;
	size_t len = strlen(s), k = middle(s, len);
	double w = run_width(c, cmd->u.text.style, size, s, k), a = cmd->u.text.angle;
	c->defer = (render_defer){cmd, k, x, y, size};
	return show_run(c, cmd, s + k, len - k, (float)(x + w * cos(a)), (float)(y + w * sin(a)), size);
}

int render_label(render_ctx *c, float x, float y, font_style style, float size,
                 bool centre, rgb colour, const char *utf8)
{
	if (centre)
		x -= run_width(c, style, size, utf8, strlen(utf8)) / 2;
	draw_cmd cmd = {.kind = DRAW_TEXT};
	cmd.u.text.size = size;
	cmd.u.text.style = style;
	cmd.u.text.colour = colour;
	cmd.u.text.utf8 = utf8;
	int rc = show_at(c, &cmd, x, y, size);
	render_end_text(c);
	return rc;
}

static void span_begin(render_ctx *c, const char *utf8)
{
	render_end_text(c);
	if (!c->spans)
		render_tag_content(c);   /* the span lies inside the element's marked content */
	if (c->spans++)
		return;   /* spans do not nest: the outer one speaks */
	out_bytes(c, "/Span<</ActualText", 18);
	pdf_put_utf16_literal(&c->ops, utf8, strlen(utf8));
	out_op(c, ">>BDC");
	c->span_fresh = true;
}

static void span_end(render_ctx *c)
{
	if (c->spans == 1 && c->defer.cmd) {   /* the first half of its first text */
		const render_defer *d = &c->defer;
		show_run(c, d->cmd, d->cmd->u.text.utf8, d->len, d->x, d->y, d->size);
	}
	render_end_text(c);
	if (c->spans > 0 && --c->spans == 0) {
		out_op(c, "EMC");
		c->defer.cmd = NULL;
		c->span_fresh = false;
	}
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
	render_tag_content(c);
	render_set_stroke(c, cmd->u.line.colour, cmd->u.line.width * c->scale, cmd->u.line.dash * c->scale);
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
	render_tag_content(c);
	if (cmd->u.rect.fill)
		render_set_fill(c, cmd->u.rect.fill_colour);
	if (cmd->u.rect.width > 0)
		render_set_stroke(c, cmd->u.rect.stroke_colour, cmd->u.rect.width * c->scale, 0);
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
	render_tag_content(c);
	if (cmd->u.path.fill)
		render_set_fill(c, cmd->u.path.fill_colour);
	if (cmd->u.path.width > 0)
		render_set_stroke(c, cmd->u.path.stroke_colour, cmd->u.path.width * c->scale,
		                  cmd->u.path.dash * c->scale);
	static const char *const ops[] = {"m", "l", "c", "h"};
	static const int points[] = {1, 1, 3, 0};
	for (size_t i = 0; i < cmd->u.path.n; i++) {
		for (int k = 0; k < points[e[i].op]; k++)
			out_point(c, px(c, e[i].p[k].x), py(c, e[i].p[k].y));
		out_op(c, ops[e[i].op]);
	}
	paint(c, cmd->u.path.fill, cmd->u.path.width);
}

static int draw_image_cmd(render_ctx *c, const draw_cmd *cmd)
{
	rect r = cmd->u.image.r;
	long x = render_image(c, cmd->u.image.file, cmd->u.image.data, cmd->u.image.len);
	if (x < 0)
		return c->fail;
	render_tag_content(c);
	out_op(c, "q");
	out_num(c, r.w * c->scale);
	out_bytes(c, "0 0 ", 4);
	out_num(c, r.h * c->scale);
	out_point(c, px(c, r.x), py(c, r.y + r.h));
	out_op(c, "cm");
	char name[32];
	snprintf(name, sizeof name, "/X%ld Do\nQ\n", x);
	render_ops(c, name);
	return AM_OK;
}

void render_add_link(render_ctx *c, float x0, float y0, float x1, float y1, const char *uri)
{
	x0 = fmaxf(x0, c->clip_x0), x1 = fminf(x1, c->clip_x1);
	y0 = fmaxf(y0, c->clip_y0), y1 = fminf(y1, c->clip_y1);
	if (x1 - x0 < 1 || y1 - y0 < 1)
		return;
	if (heap_grow((void **)&c->links, &c->cap_links, c->n_links + 1, sizeof *c->links, 8)) {
		render_oom(c);
		return;
	}
	/* A form's links are kept to be shown on the pages that show it. */
	unsigned obj = c->tags.off ? 0 : pdf_reserve(c->w);
	c->links[c->n_links++] = (render_link){x0, y0, x1, y1, uri, obj, obj ? render_tag_link(c, obj) : 0};
}

static void draw_link_cmd(render_ctx *c, const draw_cmd *cmd)
{
	rect r = cmd->u.link.r;
	if (c->want_links)
		render_add_link(c, px(c, r.x), py(c, r.y + r.h), px(c, r.x + r.w), py(c, r.y), cmd->u.link.uri);
}

static int draw_cmd_one(render_ctx *c, const draw_cmd *cmd, const draw_cmd *next)
{
	if (cmd->kind != DRAW_TEXT && cmd->kind < DRAW_TAG_BEGIN)
		render_end_text(c);
	switch (cmd->kind) {
	case DRAW_TEXT:
		return draw_text_cmd(c, cmd);
	case DRAW_LINE:
		draw_line_cmd(c, cmd, next);
		break;
	case DRAW_RECT:
		draw_rect_cmd(c, cmd);
		break;
	case DRAW_PATH:
		draw_path_cmd(c, cmd);
		break;
	case DRAW_IMAGE:
		return draw_image_cmd(c, cmd);
	case DRAW_LINK:
		draw_link_cmd(c, cmd);
		break;
	case DRAW_SPAN_BEGIN:
		span_begin(c, cmd->u.span.utf8);
		break;
	case DRAW_SPAN_END:
		span_end(c);
		break;
	case DRAW_TAG_BEGIN:
	case DRAW_TAG_END:
	case DRAW_ARTIFACT_BEGIN:
	case DRAW_ARTIFACT_END:
		render_tag_cmd(c, cmd);
		break;
	}
	return AM_OK;
}

int render_cmds(render_ctx *c, const draw_page *pg)
{
	for (size_t i = 0; i < pg->n && !c->fail; i++)
		draw_cmd_one(c, &pg->cmds[i], i + 1 < pg->n ? &pg->cmds[i + 1] : NULL);
	render_end_text(c);
	while (c->spans > 0)   /* a span left open closes with its page */
		span_end(c);
	if (c->ops.oom)
		render_oom(c);
	return render_status(c);
}
