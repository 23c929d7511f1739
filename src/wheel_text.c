/* wheel_text.c: what every pass of the årshjul poster uses to measure,
 * wrap, turn and push its texts (see aarshjul_int.h): here, below the
 * passes (aarshjul.c, wheel_place.c, wheel_paint.c, wheel_centre.c,
 * wheel_panel.c), so that none of them calls another back. */
#include "aarshjul_int.h"

#include <math.h>
#include <stdint.h>
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

/* The widths of pieces of one text: from the running sums of its advances
 * when the measurer gives them (one pass over the text, however many
 * pieces are asked for), else measured piece by piece. */
enum { PIECES_MAX_LEN = 512 };
typedef struct pieces {
	const text_measurer *m;
	font_style st;
	float size;
	const char *s;
	bool summed;
	int32_t sum[PIECES_MAX_LEN + 1];
} pieces;

static void pieces_init(pieces *pc, const text_measurer *m, font_style st, float size, const char *s,
                        size_t len)
{
	pc->m = m;
	pc->st = st;
	pc->size = size;
	pc->s = s;
	pc->summed = m->units && len <= PIECES_MAX_LEN;
	if (pc->summed)
		m->units(m->ctx, st, s, len, pc->sum);
}

/* The width of s[a..b), a and b at character boundaries: as m->fn gives
 * it (text_measurer's promise for units). */
static float piece_width(const pieces *pc, size_t a, size_t b)
{
	if (pc->summed)
		return text_units_width((long)pc->sum[b] - pc->sum[a], pc->size);
	return pc->m->fn(pc->m->ctx, pc->st, pc->size, pc->s + a, b - a);
}

size_t wheel_wrap(const text_measurer *m, font_style st, float size, const char *s, float width,
                  size_t *starts, size_t *lens, size_t max, size_t *rest)
{
	size_t n = 0, len = strlen(s), i = 0;
	/* A label is wrapped again at each size tried: whole words are
	 * measured from the line's start, so the sums save the quadratic
	 * walk over the text's bytes. */
	pieces pc;
	pieces_init(&pc, m, st, size, s, len);
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
			if (piece_width(&pc, i, we) > width)
				break;
			best = end = we;
		}
		if (!best) {   /* the first word alone is too wide: cut by characters */
			best = char_end(s, i, len);
			for (size_t k = best; k < len && s[k] != ' ';) {
				size_t k2 = char_end(s, k, len);
				if (piece_width(&pc, i, k2) > width)
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

double wheel_anchor(const poster *p, const occur *o)
{
	double t0 = (double)(o->first - p->g.first) / p->g.days * WHEEL_TAU;
	double t1 = (double)(o->last + 1 - p->g.first) / p->g.days * WHEEL_TAU;
	return (t0 + t1) / 2;
}

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

/* --- a label in lines ----------------------------------------------------- */

/* A place where a label's line may end: before `end`, the next line from
 * `next`; `hyph` when a hyphen is added there (inside a word). */
typedef struct wbreak { size_t end, next; bool hyph; } wbreak;

enum { BREAKS = 48 };

static bool is_letter_byte(unsigned char c) { return c >= 0x80 || (unsigned)((c | 0x20) - 'a') < 26u; }

/* Widths of a label's parts: from running sums of its advances when
 * the measurer gives them (widths that add up), else measured. */
typedef struct wparts {
	const poster *p;
	const char *s;
	int32_t *sum;               /* NULL: measure */
	float hyphen;
} wparts;

/* The width of s[a..b), with a hyphen after it when hyph. */
static float part_w(const wparts *w, size_t a, size_t b, bool hyph)
{
	float x = w->sum ? text_units_width(w->sum[b] - w->sum[a], w->p->L)
	                 : wheel_measure(w->p, FONT_REGULAR, w->p->L, w->s + a, b - a);
	return x + (hyph ? w->hyphen : 0);
}

/* The breaks of s: at spaces, after a hyphen between letters, and at
 * the hyphenation points of its words wider than `wide` (h may be NULL).
 * In order. */
static size_t label_breaks(text_hyph *h, const wparts *wp, size_t len, float wide, wbreak *out)
{
	const char *s = wp->s;
	size_t n = 0;
	for (size_t i = 0; i < len && n < BREAKS;) {
		if (s[i] == ' ') {
			size_t j = i;
			while (j < len && s[j] == ' ')
				j++;
			if (i > 0 && j < len)
				out[n++] = (wbreak){i, j, false};
			i = j;
			continue;
		}
		size_t j = i;
		while (j < len && s[j] != ' ')
			j++;
		/* the word s[i..j): after its hyphens, and at its syllables */
		size_t hb[BREAKS], nh = 0, k = 0;
		if (h && j - i >= 6 && part_w(wp, i, j, false) > wide)
			nh = text_hyphenate(h, s + i, j - i, hb, BREAKS);
		for (size_t c = i + 1; c + 1 < j && n < BREAKS; c++) {
			while (k < nh && i + hb[k] < c)
				k++;
			if (s[c] == '-' && is_letter_byte((unsigned char)s[c - 1]) && is_letter_byte((unsigned char)s[c + 1]))
				out[n++] = (wbreak){c + 1, c + 1, false};
			else if (k < nh && i + hb[k] == c && s[c - 1] != '-' && s[c] != '-')
				out[n++] = (wbreak){c, c, true};
		}
		i = j;
	}
	return n;
}

/* The lines of s between the breaks chosen (k of them, in order); NULL
 * lines when out of memory. */
static void set_lines(poster *p, const wparts *wp, size_t len, const wbreak *const *b, int k, wlines *out)
{
	const char *s = wp->s;
	size_t from = 0;
	out->n = k + 1;
	out->w = 0;
	for (int i = 0; i <= k; i++) {
		size_t end = i < k ? b[i]->end : len;
		bool hyph = i < k && b[i]->hyph;
		out->len[i] = end - from + hyph;
		out->s[i] = hyph ? arena_printf(p->doc->arena, "%.*s-", (int)(end - from), s + from) : s + from;
		out->w = fmaxf(out->w, part_w(wp, from, end, hyph));
		if (!out->s[i])
			p->oom = true, out->s[i] = s + from, out->len[i] = end - from;
		from = i < k ? b[i]->next : len;
	}
}

/* The narrowest n lines (2 or 3) of the label between the breaks b; a
 * hyphen counts as a third of the size wider. Returns 0, or 1 when there
 * are too few breaks. */
static int narrowest(poster *p, const wparts *wp, size_t len, const wbreak *b, size_t nb, int n, wlines *out)
{
	float best = INFINITY, pen = p->L / 3;
	const wbreak *pick[2] = {NULL, NULL};
	for (size_t i = 0; i < nb; i++) {
		float w0 = part_w(wp, 0, b[i].end, b[i].hyph) + (b[i].hyph ? pen : 0);
		if (n == 2) {
			float w = fmaxf(w0, part_w(wp, b[i].next, len, false));
			if (w < best)
				best = w, pick[0] = &b[i];
			continue;
		}
		for (size_t j = i + 1; j < nb && w0 < best; j++) {
			if (b[j].end <= b[i].next)
				continue;
			float w1 = part_w(wp, b[i].next, b[j].end, b[j].hyph) + (b[j].hyph ? pen : 0);
			float w = fmaxf(w0, fmaxf(w1, part_w(wp, b[j].next, len, false)));
			if (w < best)
				best = w, pick[0] = &b[i], pick[1] = &b[j];
		}
	}
	if (!pick[n - 2])
		return 1;
	set_lines(p, wp, len, pick, n - 1, out);
	return 0;
}

int wheel_label_lines(poster *p, const char *s, int most, wlines *out)
{
	size_t len = strlen(s);
	out[0] = (wlines){1, {s}, {len}, wheel_measure(p, FONT_REGULAR, p->L, s, len)};
	if (most <= 1)
		return 1;
	wparts wp = {p, s, NULL, wheel_measure(p, FONT_REGULAR, p->L, "-", 1)};
	int32_t sum[257];
	if (p->m->units && len < 256) {
		p->m->units(p->m->ctx, FONT_REGULAR, s, len, sum);
		wp.sum = sum;
	}
	/* a word narrower than a line would be if all were even keeps whole */
	wbreak b[BREAKS];
	size_t nb = label_breaks(p->o->hyph, &wp, len, out[0].w / (float)(most < 3 ? most : 3), b);
	int n = 1;
	while (n < most && n < 3 && !narrowest(p, &wp, len, b, nb, n + 1, &out[n]))
		n++;
	return n;
}
