/* wheel_text.c: what every pass of the årshjul poster uses to measure,
 * wrap, turn and push its texts (see aarshjul_int.h): here, below the
 * passes (aarshjul.c, wheel_place.c, wheel_paint.c, wheel_centre.c,
 * wheel_panel.c), so that none of them calls another back. */
#include "aarshjul_int.h"

#include <math.h>
#include <string.h>

float wheel_text_h(const poster *p, float size) { return (p->m->ascent + p->m->descent) * size; }

float wheel_measure(const poster *p, font_style st, float size, const char *s, size_t len)
{
	return p->m->fn(p->m->ctx, st, size, s, len);
}

static size_t char_end(const char *s, size_t i, size_t len)
{
	i++;
	while (i < len && ((unsigned char)s[i] & 0xC0) == 0x80)
		i++;
	return i;
}

size_t wheel_wrap(const text_measurer *m, font_style st, float size, const char *s, float width,
                  size_t *starts, size_t *lens, size_t max, size_t *rest)
{
	size_t n = 0, len = strlen(s), i = 0;
	while (i < len && n < max) {
		while (i < len && s[i] == ' ')
			i++;
		if (i >= len)
			break;
		size_t end = i, best = 0;
		while (end < len) {   /* whole words while they fit */
			size_t we = end;
			while (we < len && s[we] == ' ')
				we++;
			while (we < len && s[we] != ' ')
				we++;
			if (m->fn(m->ctx, st, size, s + i, we - i) > width)
				break;
			best = end = we;
		}
		if (!best) {   /* the first word alone is too wide: cut by characters */
			best = char_end(s, i, len);
			for (size_t k = best; k < len && s[k] != ' ';) {
				size_t k2 = char_end(s, k, len);
				if (m->fn(m->ctx, st, size, s + i, k2 - i) > width)
					break;
				best = k = k2;
			}
		}
		starts[n] = i;
		lens[n++] = best - i;
		i = best;
	}
	while (i < len && s[i] == ' ')
		i++;
	if (rest)
		*rest = i;
	return n;
}

double wheel_clock(const poster *p, double t) { return wheel_norm(p->g.start_angle + t); }

/* Text turns across clock angles of 45°, 90°, 135°, 225°, 270° and 315°
 * (not 0° nor 180°, where it reads level either way). */
bool wheel_one_way(const poster *p, double t0, double t1)
{
	double a0 = wheel_norm(p->g.start_angle + t0), a1 = a0 + (t1 - t0), q = WHEEL_PI / 4;
	for (long k = (long)floor(a0 / q) + 1; k * q < a1; k++)
		if (k % 4 != 0)
			return false;
	return true;
}

bool wheel_flipped(const poster *p, double t)
{
	bool flip;
	wheel_tangent_text_angle(wheel_clock(p, t), &flip);
	return flip;
}

/* The title in the centre: "Årshjul 2026", "Årshjul 2026/27"; a blank
 * wheel for any year has the title alone. */
const char *wheel_title(poster *p)
{
	if (p->no_year)
		return p->tx.title;
	if (p->g.start_month == 1)
		return arena_printf(p->doc->arena, "%s %d", p->tx.title, p->g.year);
	return arena_printf(p->doc->arena, "%s %d/%02d", p->tx.title, p->g.year, (p->g.year + 1) % 100);
}

int wheel_push_run(poster *p, const wrun *r, rgb colour)
{
	draw_cmd c = {.kind = DRAW_TEXT};
	c.u.text.x = r->x;
	c.u.text.y = r->y;
	c.u.text.size = r->size;
	c.u.text.angle = (float)r->angle;
	c.u.text.style = r->st;
	c.u.text.colour = colour;
	c.u.text.utf8 = arena_strndup(draw_page_arena(p->doc), r->s, r->len);
	return c.u.text.utf8 && draw_push(p->doc, p->page, &c) ? 0 : -1;
}

/* Runs that show one text (text, len) in pieces or turned are marked as
 * one span, so that a reader extracting the text gets it whole. */
int wheel_push_runs(poster *p, const char *text, size_t len, const wrun *r, size_t n, rgb colour)
{
	bool span = text && (n > 1 || r[0].angle != 0);
	if (span && draw_span_begin(p->doc, p->page, text, len))
		return -1;
	for (size_t i = 0; i < n; i++)
		if (wheel_push_run(p, &r[i], colour))
			return -1;
	return span ? draw_span_end(p->doc, p->page) : 0;
}

int wheel_push_span(poster *p, const wrun *r, size_t n, rgb colour)
{
	return n ? wheel_push_runs(p, r[0].s, (size_t)(r[n - 1].s + r[n - 1].len - r[0].s), r, n, colour) : 0;
}
