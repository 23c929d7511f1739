/* aarshjul.c: the årshjul poster as draw commands; see aarshjul.h.
 *
 * Passes: expand the plan into occurrences (recurrence unrolled) → split the
 * area into wheel and side panel → radii of the bands (months, weeks, one
 * ring per category, centre) → per ring, place labels in a sorted sweep and
 * turn the rest into numbers → flow legend, goals, focus and the numbered
 * list into the panel (smaller type, more columns; if it still does not
 * fit, a smaller wheel and again) → draw. Wheel angles "t" run from 0 at
 * the span's start to 2π; clock angles add the start angle (wheel.h). */
#include "aarshjul.h"
#include "occur.h"
#include "wheel.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#define A1_SHORT_SIDE 1683.78f          /* 594 mm in points */
#define MAX_SHRINK 16                   /* tries with a smaller wheel */

typedef struct pbox { double r0, r1, t0, t1; int kind; } pbox;
/* An entry in a sector's chain: the box it names, the next entry, and the
 * box's radii as filed (both infinite once the box is replaced), which
 * rule most boxes out without a look at the box. */
typedef struct pent { double r0, r1; size_t box; int next; } pent;
#define T_BUCKETS 256
enum { BOX_LABEL, BOX_LEADER, BOX_OBSTACLE };

typedef struct ring_geo {
	const char *name;
	rgb colour, tint, ink;
	char letter[4];
	size_t count;
	double r0, r1, nb_lo, rm, lab_lo, lab_hi;
	bool band;               /* numbers in a band of their own */
	double letter_t;         /* where the ring's letter stands when it has no band */
} ring_geo;

/* One way to set a label: its text, size and style, on one line or two
 * (split at byte `split`, the space between them). */
typedef struct variant {
	const char *s;
	float size, w, w1, w2;
	font_style st;
	int lines;
	size_t split;
	bool radial;          /* set along the radius rather than the arc */
	const int32_t *u;     /* prefix_units of s in st, or NULL */
} variant;

typedef struct occ {
	const am_activity *act;
	size_t ring;
	double t0, t1, anchor;   /* wheel angles; t1 > t0 for periods */
	bool period;
	long s0, s1;             /* first and last serial day */
	const char *label;
	int number;              /* 0 while labelled on the wheel */
	double lab_t, lab_ri;    /* placed label or tag: centre angle, inner radius */
	variant lab;
	bool tagged;             /* numbered, the number set as a tag in the ring */
	bool slanted;            /* its leader slants from the marker to the label */
	bool covered;            /* its number is shown in an earlier tag's range */
	struct occ *range_end;   /* a tag showing a range: its last occurrence */
	struct occ *range_start; /* or its first, when it reaches back */
	size_t words_at;         /* p->n_words before its label's words */
	variant one[2], two[2];  /* its label at label size and at the least, measured once */
	bool measured[2];
	const int32_t *u;        /* prefix_units of label once measured, or NULL */
} occ;

/* One line of text as it will be set: baseline start, angle, size. */
typedef struct tline {
	const char *s;
	size_t len;
	float x, y, size;
	double angle;
	font_style st;
	const int32_t *u;        /* prefix_units of s in st (u[0] need not be 0), or NULL */
} tline;

#define LABEL_MAX_WORDS 48

typedef struct sizes {
	float month, week, label, label_min, title, name, footer, panel_max, panel_min, list;
} sizes;

typedef struct poster {
	draw_doc *doc;
	draw_page *page;
	const aarshjul_opts *o;
	const text_measurer *m;
	const am_workplace *wp;
	diag *d;
	wheel_geom g;
	sizes sz;
	rect area, panel;
	rect side;               /* beside a shrunk wheel, filled before panel; w 0: none */
	point c;
	double R, rc, rings_out;
	ring_geo *rings;
	size_t n_rings;
	occ *occs;
	size_t n_occs;
	occ **order;             /* by ring, then anchor */
	size_t n_numbered;
	pbox *boxes;
	size_t n_boxes;
	size_t n_filed;          /* boxes filed since clear_boxes: some perhaps removed */
	size_t *box_ent;         /* per box: its first entry */
	/* the boxes by angle: T_BUCKETS equal sectors, each a chain of
	 * entries naming a box that reaches into it */
	int bucket[T_BUCKETS];
	pent *ents;
	size_t n_ent, cap_ent;
	rect *words;             /* extractor boxes of the text set on the wheel */
	size_t n_words, cap_words;
	/* the words by place: a uniform grid of cells over the area, each a
	 * chain of entries naming a word that reaches into it */
	int *cell;
	size_t gw, gh;
	float cell_size;
	size_t *went_word;
	int *went_next;
	size_t n_went, cap_went;
	float panel_size;
	int panel_cols;
	size_t n_fixed;          /* panel entries before the numbered list */
	size_t n_show;           /* panel entries on the poster */
	bool name_shortened;
	bool oom;
} poster;

static const rgb INK = {0.10f, 0.10f, 0.10f};
static const rgb MUTED = {0.40f, 0.40f, 0.40f};
static const rgb WHITE = {1, 1, 1};
static const rgb ACCENT = {0.12f, 0.36f, 0.48f};
static const rgb ACCENT2 = {0.20f, 0.47f, 0.60f};
static const rgb WEEK_BG = {0.93f, 0.94f, 0.95f};
/* Colour-blind-safe hues that print well, used when a ring has no colour. */
static const unsigned PALETTE[] = {0x0072B2, 0xE69F00, 0x009E73, 0xCC79A7,
                                   0xD55E00, 0x56B4E9, 0xB8A000, 0x6A3D9A};

static rgb mix(rgb a, rgb b, float t)
{
	return (rgb){a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t};
}

static rgb hex(unsigned v)
{
	return (rgb){((v >> 16) & 255) / 255.0f, ((v >> 8) & 255) / 255.0f, (v & 255) / 255.0f};
}

static float measure(const poster *p, font_style st, float size, const char *s)
{
	return p->m->fn(p->m->ctx, st, size, s, strlen(s));
}

/* Prefix sums of the advances of s[0..len) in style st, in 1/1000 em
 * (text_units_fn). A text measured at many sizes, or piece by piece, then
 * costs one subtraction per piece. NULL when the measurer has no units,
 * the text is too long for them, or memory is short: its users then
 * measure. */
static const int32_t *prefix_units(const poster *p, font_style st, const char *s, size_t len)
{
	if (!p->m->units || len >= TEXT_UNITS_MAX_LEN)
		return NULL;
	int32_t *u = arena_array(p->doc->arena, len + 1, sizeof *u);
	if (u)
		p->m->units(p->m->ctx, st, s, len, u);
	return u;
}

/* The width of s[a..b) (character boundaries): from the prefix sums u when
 * given, bit for bit what the measurer would return (text_units_width). */
static inline float piece_w(const poster *p, font_style st, float size, const char *s, const int32_t *u,
                            size_t a, size_t b)
{
	return u ? text_units_width((long)u[b] - u[a], size) : p->m->fn(p->m->ctx, st, size, s + a, b - a);
}

static float text_h(const poster *p, float size) { return (p->m->ascent + p->m->descent) * size; }

static double clock_of(const poster *p, double t) { return wheel_norm(p->g.start_angle + t); }

float aarshjul_scale(rect area)
{
	float s = (area.w < area.h ? area.w : area.h) / A1_SHORT_SIDE;
	return s > 0 ? s : 1;
}

/* --- drawing primitives --------------------------------------------------- */

static int push_text(poster *p, const char *s, size_t len, float x, float y, float size,
                     double angle, font_style st, rgb col)
{
	draw_cmd c = {.kind = DRAW_TEXT};
	c.u.text.x = x;
	c.u.text.y = y;
	c.u.text.size = size;
	c.u.text.angle = (float)angle;
	c.u.text.style = st;
	c.u.text.colour = col;
	c.u.text.utf8 = arena_strndup(p->doc->arena, s, len);
	return c.u.text.utf8 && draw_push(p->doc, p->page, &c) ? 0 : -1;
}

/* Straight text tangent to the circle at wheel angle t, its box's inner edge
 * at radius ri (measured on the radius through its middle), flipped in the
 * lower half. */
static tline tangent_set(const poster *p, const char *s, size_t len, font_style st, float size,
                         double t, double ri, float w)
{
	double a = clock_of(p, t);
	bool flip;
	double th = wheel_tangent_text_angle(a, &flip);
	double rb = ri + (flip ? p->m->ascent : p->m->descent) * size;
	point mid = wheel_point(p->c, rb, a);
	double dx = cos(th), dy = -sin(th);
	return (tline){s, len, (float)(mid.x - w / 2 * dx), (float)(mid.y - w / 2 * dy), size, th, st, NULL};
}

static int push_line(poster *p, const tline *l, rgb col)
{
	return push_text(p, l->s, l->len, l->x, l->y, l->size, l->angle, l->st, col);
}

static int tangent_text(poster *p, const char *s, font_style st, float size, rgb col,
                        double t, double ri, float w)
{
	tline l = tangent_set(p, s, strlen(s), st, size, t, ri, w);
	return push_line(p, &l, col);
}

/* --- what a text extractor sees ------------------------------------------- */

/* The extractor boxes of the words of l (wheel.h), each grown by pad;
 * words beyond max join the last box. Returns how many were written. */
static size_t line_words(const poster *p, const tline *l, double pad, rect *out, size_t max)
{
	size_t n = 0, i = 0, from = 0;
	double asc = p->m->ascent * l->size, desc = p->m->descent * l->size, at = 0;
	point o = {l->x, l->y};
	while (i < l->len) {
		while (i < l->len && l->s[i] == ' ')
			i++;
		size_t e = i;
		while (e < l->len && l->s[e] != ' ')
			e++;
		if (e == i)
			break;
		/* widths add up piece by piece: measure only what is new */
		double s0 = at + (i > from ? piece_w(p, l->st, l->size, l->s, l->u, from, i) : 0);
		double s1 = s0 + piece_w(p, l->st, l->size, l->s, l->u, i, e);
		at = s1;
		from = e;
		rect b = wheel_text_part_box(o, l->angle, s0, s1, asc, desc);
		b = (rect){(float)(b.x - pad), (float)(b.y - pad), (float)(b.w + 2 * pad), (float)(b.h + 2 * pad)};
		if (n == max) {
			rect *u = &out[n - 1];
			float x1 = fmaxf(u->x + u->w, b.x + b.w), y1 = fmaxf(u->y + u->h, b.y + b.h);
			u->x = fminf(u->x, b.x);
			u->y = fminf(u->y, b.y);
			u->w = x1 - u->x;
			u->h = y1 - u->y;
		} else {
			out[n++] = b;
		}
		i = e;
	}
	return n;
}

static bool rects_meet(const rect *a, const rect *b)
{
	return a->x < b->x + b->w && b->x < a->x + a->w && a->y < b->y + b->h && b->y < a->y + a->h;
}

/* The grid cells a box covers, clamped to the grid. */
static void cell_range(const poster *p, const rect *b, size_t *x0, size_t *y0, size_t *x1, size_t *y1)
{
	float fx0 = (b->x - p->area.x) / p->cell_size, fy0 = (b->y - p->area.y) / p->cell_size;
	float fx1 = (b->x + b->w - p->area.x) / p->cell_size, fy1 = (b->y + b->h - p->area.y) / p->cell_size;
	float mx = (float)(p->gw - 1), my = (float)(p->gh - 1);
	*x0 = (size_t)fminf(fmaxf(fx0, 0), mx);
	*y0 = (size_t)fminf(fmaxf(fy0, 0), my);
	*x1 = (size_t)fminf(fmaxf(fx1, 0), mx);
	*y1 = (size_t)fminf(fmaxf(fy1, 0), my);
}

/* Forgets every word; makes the grid on first use. Returns -1 when out of
 * memory. */
static int clear_words(poster *p)
{
	p->n_words = p->n_went = 0;
	if (!p->cell) {
		p->cell_size = fmaxf(2 * p->sz.label, 1);
		p->gw = (size_t)(p->area.w / p->cell_size) + 1;
		p->gh = (size_t)(p->area.h / p->cell_size) + 1;
		p->cell = arena_array(p->doc->arena, p->gw * p->gh, sizeof *p->cell);
		if (!p->cell)
			return -1;
	}
	for (size_t i = 0; i < p->gw * p->gh; i++)
		p->cell[i] = -1;
	return 0;
}

static int file_word(poster *p, size_t w)
{
	size_t x0, y0, x1, y1;
	cell_range(p, &p->words[w], &x0, &y0, &x1, &y1);
	size_t need = p->n_went + (x1 - x0 + 1) * (y1 - y0 + 1);
	if (need > p->cap_went) {
		size_t cap = need * 2 + 256;
		size_t *ew = arena_array(p->doc->arena, cap, sizeof *ew);
		int *en = arena_array(p->doc->arena, cap, sizeof *en);
		if (!ew || !en)
			return -1;
		if (p->n_went) {
			memcpy(ew, p->went_word, p->n_went * sizeof *ew);
			memcpy(en, p->went_next, p->n_went * sizeof *en);
		}
		p->went_word = ew;
		p->went_next = en;
		p->cap_went = cap;
	}
	for (size_t y = y0; y <= y1; y++)
		for (size_t x = x0; x <= x1; x++) {
			int *head = &p->cell[y * p->gw + x];
			p->went_word[p->n_went] = w;
			p->went_next[p->n_went] = *head;
			*head = (int)p->n_went++;
		}
	return 0;
}

/* Whether b meets a word set so far. Entries naming a word since dropped
 * or replaced only cost a test: the test is on the word's box itself. */
static bool meets_word(const poster *p, const rect *b)
{
	size_t x0, y0, x1, y1;
	cell_range(p, b, &x0, &y0, &x1, &y1);
	for (size_t y = y0; y <= y1; y++)
		for (size_t x = x0; x <= x1; x++)
			for (int e = p->cell[y * p->gw + x]; e >= 0; e = p->went_next[e]) {
				size_t w = p->went_word[e];
				if (w < p->n_words && rects_meet(b, &p->words[w]))
					return true;
			}
	return false;
}

/* Whether the lines' words keep clear of each other and of every word set
 * on the wheel so far; with commit, records them when they do. Returns -1
 * when out of memory. */
static int words_clear(poster *p, const tline *ls, size_t n, bool check, bool commit)
{
	rect b[2 * LABEL_MAX_WORDS];
	size_t nb = 0, per[2] = {0, 0};
	for (size_t k = 0; k < n && k < 2; k++) {
		/* half the pad on each side: words end a whole pad apart */
		per[k] = line_words(p, &ls[k], 0.06 * ls[k].size + 0.3, b + nb, LABEL_MAX_WORDS);
		nb += per[k];
	}
	for (size_t i = 0; check && i < per[0]; i++)
		for (size_t j = per[0]; j < nb; j++)
			if (rects_meet(&b[i], &b[j]))
				return 0;
	for (size_t i = 0; check && i < nb; i++)
		if (meets_word(p, &b[i]))
			return 0;
	if (!commit)
		return 1;
	if (p->n_words + nb > p->cap_words) {
		size_t cap = (p->n_words + nb) * 2 + 64;
		rect *w = arena_array(p->doc->arena, cap, sizeof *w);
		if (!w)
			return -1;
		if (p->n_words)
			memcpy(w, p->words, p->n_words * sizeof *w);
		p->words = w;
		p->cap_words = cap;
	}
	memcpy(p->words + p->n_words, b, nb * sizeof *b);
	for (size_t i = 0; i < nb; i++)
		if (file_word(p, p->n_words + i))
			return -1;
	p->n_words += nb;
	return 1;
}

/* Records a fixed text's words (months, weeks, letters) before labels are
 * placed, so labels keep clear of them too. */
static int reserve_line(poster *p, const tline *l)
{
	return words_clear(p, l, 1, false, true) < 0 ? -1 : 0;
}

static int push_path(poster *p, path_el *els, size_t n, float width, rgb stroke,
                     const rgb *fill, float dash)
{
	if (!n)
		return -1;
	draw_cmd c = {.kind = DRAW_PATH};
	c.u.path.els = els;
	c.u.path.n = n;
	c.u.path.width = width;
	c.u.path.stroke_colour = stroke;
	c.u.path.dash = dash;
	if (fill) {
		c.u.path.fill = true;
		c.u.path.fill_colour = *fill;
	}
	return draw_push(p->doc, p->page, &c) ? 0 : -1;
}

static path_el *els_new(poster *p, size_t n) { return arena_array(p->doc->arena, n, sizeof(path_el)); }

/* A filled annular sector between wheel angles t0 ≤ t1. */
static int sector(poster *p, double r0, double r1, double t0, double t1, rgb fill, float width, rgb stroke)
{
	double a0 = p->g.start_angle + t0, a1 = p->g.start_angle + t1;
	size_t max = 2 * wheel_arc_max(a0, a1) + 2;
	path_el *els = els_new(p, max);
	if (!els)
		return -1;
	return push_path(p, els, wheel_annulus(p->c, r0, r1, a0, a1, els, max), width, stroke, &fill, 0);
}

static int arc_stroke(poster *p, double r, double t0, double t1, float width, rgb col, float dash)
{
	double a0 = p->g.start_angle + t0, a1 = p->g.start_angle + t1;
	size_t max = wheel_arc_max(a0, a1);
	path_el *els = els_new(p, max);
	if (!els)
		return -1;
	return push_path(p, els, wheel_arc(p->c, r, a0, a1, true, els, max), width, col, NULL, dash);
}

static int radial_line(poster *p, double t, double r0, double r1, float width, rgb col)
{
	double a = clock_of(p, t);
	point u = wheel_point(p->c, r0, a), v = wheel_point(p->c, r1, a);
	return draw_line(p->doc, p->page, u.x, u.y, v.x, v.y, width, col);
}

/* A ring's marker: circle, square, diamond or triangle by ring index, so the
 * rings stay apart in greyscale too. */
static int marker(poster *p, size_t ring, point at, double r, rgb fill)
{
	path_el *els = els_new(p, 6);
	if (!els)
		return -1;
	float x = at.x, y = at.y, s = (float)r;
	size_t n = 0;
	switch (ring % 4) {
	case 0: {
		size_t k = wheel_arc(at, r, 0, WHEEL_TAU, true, els, 6);
		els[k] = (path_el){.op = PATH_CLOSE};
		return push_path(p, els, k + 1, 0, fill, &fill, 0);
	}
	case 1:
		s *= 0.88f;
		els[n++] = (path_el){PATH_MOVE, {{x - s, y - s}}};
		els[n++] = (path_el){PATH_LINE, {{x + s, y - s}}};
		els[n++] = (path_el){PATH_LINE, {{x + s, y + s}}};
		els[n++] = (path_el){PATH_LINE, {{x - s, y + s}}};
		break;
	case 2:
		s *= 1.2f;
		els[n++] = (path_el){PATH_MOVE, {{x, y - s}}};
		els[n++] = (path_el){PATH_LINE, {{x + s, y}}};
		els[n++] = (path_el){PATH_LINE, {{x, y + s}}};
		els[n++] = (path_el){PATH_LINE, {{x - s, y}}};
		break;
	default:
		s *= 1.15f;
		els[n++] = (path_el){PATH_MOVE, {{x, y - s}}};
		els[n++] = (path_el){PATH_LINE, {{x + s, y + s * 0.8f}}};
		els[n++] = (path_el){PATH_LINE, {{x - s, y + s * 0.8f}}};
		break;
	}
	els[n++] = (path_el){.op = PATH_CLOSE};
	return push_path(p, els, n, 0, fill, &fill, 0);
}

/* --- the plan as occurrences ---------------------------------------------- */

static int add_occ(poster *p, size_t *cap, const am_activity *act, size_t ring,
                   long s0, long len)
{
	if (p->n_occs == *cap) {
		size_t ncap = *cap ? *cap * 2 : 64;
		occ *n = arena_array(p->doc->arena, ncap, sizeof *n);
		if (!n)
			return -1;
		if (p->n_occs)
			memcpy(n, p->occs, p->n_occs * sizeof *n);
		p->occs = n;
		*cap = ncap;
	}
	if (len < 1)
		len = 1;
	if (len > p->g.days)
		len = p->g.days;
	occ *o = &p->occs[p->n_occs++];
	memset(o, 0, sizeof *o);
	o->act = act;
	o->ring = ring;
	o->t0 = wheel_frac_of_serial(&p->g, s0) * WHEEL_TAU;
	o->period = len > 1;
	o->t1 = o->t0 + (o->period ? (double)len / p->g.days * WHEEL_TAU : 0);
	o->anchor = o->period ? wheel_norm((o->t0 + o->t1) / 2) : o->t0;
	o->s0 = s0;
	o->s1 = s0 + len - 1;
	o->label = act->responsible && *act->responsible
	                   ? arena_printf(p->doc->arena, "%s (%s)", act->title, act->responsible)
	                   : act->title;
	return o->label ? 0 : -1;
}

/* Every occurrence of every activity inside the wheel's span (occur.h). */
static int expand_plan(poster *p)
{
	const am_wheel *w = p->wp ? &p->wp->wheel : NULL;
	size_t cap = 0;
	if (!w || p->o->blank)
		return 0;
	long last = p->g.first + p->g.days - 1;
	for (size_t i = 0; i < w->n_activities; i++) {
		const am_activity *a = &w->activities[i];
		size_t ring = a->ring && w->n_rings ? (size_t)(a->ring - w->rings) : 0;
		if (ring >= p->n_rings)
			ring = 0;
		occur at[OCCUR_MAX];
		size_t n = occur_expand(a, w, p->g.first, last, at, OCCUR_MAX);
		for (size_t k = 0; k < n; k++) {
			if (add_occ(p, &cap, a, ring, at[k].first, at[k].last - at[k].first + 1))
				return -1;
			p->rings[ring].count++;
		}
	}
	return 0;
}

static int by_ring_then_anchor(const void *x, const void *y)
{
	const occ *a = *(const occ *const *)x, *b = *(const occ *const *)y;
	if (a->ring != b->ring)
		return a->ring < b->ring ? -1 : 1;
	if (a->anchor != b->anchor)
		return a->anchor < b->anchor ? -1 : 1;
	if (a->s1 != b->s1)
		return a->s1 < b->s1 ? -1 : 1;
	return a->act->line - b->act->line;
}

static int make_rings(poster *p)
{
	const am_wheel *w = p->wp ? &p->wp->wheel : NULL;
	size_t n = w && w->n_rings ? w->n_rings : p->o->texts.n_blank_rings;
	if (!n)
		n = 1;
	p->rings = arena_array(p->doc->arena, n, sizeof *p->rings);
	if (!p->rings)
		return -1;
	p->n_rings = n;
	for (size_t i = 0; i < n; i++) {
		ring_geo *r = &p->rings[i];
		unsigned col = PALETTE[i % (sizeof PALETTE / sizeof PALETTE[0])];
		if (w && w->n_rings) {
			r->name = w->rings[i].name;
			if (w->rings[i].colour)
				col = w->rings[i].colour;
		} else if (i < p->o->texts.n_blank_rings) {
			r->name = p->o->texts.blank_rings[i];
		}
		if (!r->name)
			r->name = "";
		r->colour = hex(col);
		r->tint = mix(r->colour, WHITE, 0.86f);
		r->ink = mix(r->colour, INK, 0.30f);
		r->letter[0] = (char)('A' + i % 26);
	}
	return 0;
}

/* --- radii ------------------------------------------------------------------ */

static float track_h(const poster *p) { return text_h(p, p->sz.label) * 1.12f; }
static float number_band(const poster *p) { return text_h(p, p->sz.label_min) + 0.8f * p->sz.label_min; }
static float marker_r(const poster *p) { return 0.38f * p->sz.label_min; }

/* Width a ring needs at least: the marker line, one label track and air;
 * a ring whose numbers need a band of their own needs that too. */
static double ring_min(const poster *p, const ring_geo *g)
{
	return (g->band ? number_band(p) : 0) + 0.25 * p->sz.label_min + 2 * marker_r(p) +
	       0.5 * p->sz.label + track_h(p) + 0.3 * p->sz.label;
}

/* Splits the wheel into bands; returns -1 when the rings cannot fit. */
static int radii(poster *p)
{
	double R = p->R;
	double month_band = p->sz.month * 1.9, week_band = text_h(p, p->sz.week) * 2.0;
	p->rings_out = R - month_band - week_band - 0.3 * p->sz.label;
	float tw = measure(p, FONT_BOLD, p->sz.title, p->o->texts.title ? p->o->texts.title : "") +
	           measure(p, FONT_BOLD, p->sz.title, " 0000/00");
	double need = 0;
	for (size_t i = 0; i < p->n_rings; i++)
		need += ring_min(p, &p->rings[i]);
	p->rc = fmax(0.17 * R, tw / 2 + p->sz.label);
	double avail = p->rings_out - p->rc;
	if (avail < need) {   /* a smaller centre; its title shrinks down to label size */
		double tw_min = tw * p->sz.label_min / p->sz.title;
		p->rc = fmax(tw_min / 2 + 0.6 * p->sz.label, p->rings_out - need);
		avail = p->rings_out - p->rc;
		if (avail < need)
			return -1;
	}
	double extra = avail - need, r1 = p->rings_out;
	for (size_t i = 0; i < p->n_rings; i++) {
		ring_geo *g = &p->rings[i];
		double share = p->n_occs ? 0.3 / p->n_rings + 0.7 * (double)g->count / p->n_occs
		                         : 1.0 / p->n_rings;
		g->r1 = r1;
		g->r0 = r1 - ring_min(p, g) - extra * share;
		g->nb_lo = g->r0 + 0.25 * p->sz.label_min;
		g->rm = g->nb_lo + (g->band ? number_band(p) : 0) + marker_r(p);
		g->lab_lo = g->rm + marker_r(p) + 0.4 * p->sz.label;
		g->lab_hi = g->r1 - 0.3 * p->sz.label;
		r1 = g->r0;
	}
	return 0;
}

/* --- label placement ---------------------------------------------------- */

/* Whether two boxes meet, b's angles also one turn back and one on. */
static bool overlaps(const pbox *a, const pbox *b)
{
	if (a->r0 >= b->r1 || b->r0 >= a->r1)
		return false;
	return (a->t0 < b->t1 - WHEEL_TAU && b->t0 - WHEEL_TAU < a->t1) ||
	       (a->t0 < b->t1 && b->t0 < a->t1) ||
	       (a->t0 < b->t1 + WHEEL_TAU && b->t0 + WHEEL_TAU < a->t1);
}

/* (long)floor(x) for an x well inside long's range, without the call to
 * libm that -O2 makes of floor on x86-64: truncated, then one less when
 * that rounded a negative x up. */
static long floor_long(double x)
{
	long k = (long)x;
	return k - ((double)k > x);
}

/* The sectors a box reaches into: first and last, the last possibly
 * beyond T_BUCKETS (taken modulo); all of them when it spans the circle. */
static void box_buckets(const pbox *b, long *first, long *last)
{
	double unit = WHEEL_TAU / T_BUCKETS;
	*first = floor_long(b->t0 / unit);
	*last = floor_long(b->t1 / unit);
	if (*last - *first >= T_BUCKETS - 1)
		*last = *first + T_BUCKETS - 1;
}

static size_t bucket_of(long k) { return (size_t)(((k % T_BUCKETS) + T_BUCKETS) % T_BUCKETS); }

static void clear_boxes(poster *p)
{
	p->n_boxes = p->n_filed = p->n_ent = 0;
	for (size_t i = 0; i < T_BUCKETS; i++)
		p->bucket[i] = -1;
}

/* The entries of a removed box whose place a new box takes: they stay in
 * their chains, naming the new box, but no longer know its radii. */
static void forget_radii(poster *p, size_t i)
{
	long first, last;
	box_buckets(&p->boxes[i], &first, &last);
	for (size_t e = p->box_ent[i], n = (size_t)(last - first + 1); n--; e++) {
		p->ents[e].r0 = -INFINITY;
		p->ents[e].r1 = INFINITY;
	}
}

/* Appends box b and files it under its sectors. Returns -1 when out of
 * memory. */
static int add_box(poster *p, pbox b)
{
	long first, last;
	box_buckets(&b, &first, &last);
	size_t need = p->n_ent + (size_t)(last - first + 1);
	if (need > p->cap_ent) {
		size_t cap = need * 2 + 256;
		pent *en = arena_array(p->doc->arena, cap, sizeof *en);
		if (!en)
			return -1;
		if (p->n_ent)
			memcpy(en, p->ents, p->n_ent * sizeof *en);
		p->ents = en;
		p->cap_ent = cap;
	}
	if (p->n_boxes < p->n_filed)
		forget_radii(p, p->n_boxes);
	p->box_ent[p->n_boxes] = p->n_ent;
	for (long k = first; k <= last; k++) {
		size_t q = bucket_of(k);
		p->ents[p->n_ent] = (pent){b.r0, b.r1, p->n_boxes, p->bucket[q]};
		p->bucket[q] = (int)p->n_ent++;
	}
	p->boxes[p->n_boxes++] = b;
	if (p->n_filed < p->n_boxes)
		p->n_filed = p->n_boxes;
	return 0;
}

/* Whether box b is free: labels and obstacles clash with everything, a
 * leader only with labels. Only the boxes filed under b's sectors can
 * meet it, and only those whose radii overlap b's (overlaps' first test,
 * made on the entry's copy); an entry naming a box since removed or
 * replaced only costs a test (the test is on the box itself). */
static bool is_free(const poster *p, const pbox *b)
{
	long first, last;
	box_buckets(b, &first, &last);
	for (long k = first; k <= last; k++)
		for (int e = p->bucket[bucket_of(k)]; e >= 0; e = p->ents[e].next) {
			const pent *en = &p->ents[e];
			if (b->r0 >= en->r1 || en->r0 >= b->r1 || en->box >= p->n_boxes)
				continue;
			const pbox *o = &p->boxes[en->box];
			if ((b->kind == BOX_LABEL || o->kind == BOX_LABEL) && overlaps(b, o))
				return false;
		}
	return true;
}

static float line_advance(const poster *p, float size) { return text_h(p, size) * 1.12f; }

/* The one-line variant of s; u is NULL or s's prefix_units in st. */
static variant one_line(const poster *p, const char *s, const int32_t *u, float size, font_style st)
{
	float w = piece_w(p, st, size, s, u, 0, strlen(s));
	return (variant){s, size, w, w, 0, st, 1, 0, false, u};
}

/* The two-line variant of s that is narrowest, split at a space; lines = 0
 * when s has no space. Widths add up word by word (a measurer has no
 * kerning), so each piece is measured once (u: as one_line). total is s's
 * width. */
static variant two_lines(const poster *p, const char *s, const int32_t *u, float size, float total)
{
	variant best = {s, size, 0, 0, 0, FONT_REGULAR, 0, 0, false, u};
	size_t len = strlen(s);
	float space = p->m->fn(p->m->ctx, FONT_REGULAR, size, " ", 1), w1 = 0;
	for (size_t i = 0, from = 0; i + 1 < len; i++) {
		if (s[i] != ' ' || !i)
			continue;
		w1 += piece_w(p, FONT_REGULAR, size, s, u, from, i);
		from = i;
		float w2 = total - w1 - space;
		float w = fmaxf(w1, w2);
		if (!best.lines || w < best.w)
			best = (variant){s, size, w, w1, w2, FONT_REGULAR, 2, i, false, u};
	}
	return best;
}

static size_t label_lines(const poster *p, const variant *v, const char *s, double t, double ri, tline out[2]);

/* How far a label may slide along the arc from its anchor, in its
 * half-widths, nearest first: the first SLIDES_NEAR are within one. */
static const double SLIDES[] = {0, 0.35, -0.35, 0.7, -0.7, 1.0, -1.0, 1.5, -1.5, 2.2, -2.2, 3.0, -3.0};
enum { SLIDES_NEAR = 7, SLIDES_ALL = sizeof SLIDES / sizeof SLIDES[0] };

/* Tries to set variant v for o in ring g: tracks from the innermost
 * outward, at each the slides SLIDES[from..to) along the arc (the leader
 * slanting beyond one). Records the placement in o. */
static bool try_variant(poster *p, occ *o, const ring_geo *g, const variant *v, size_t from, size_t to)
{
	float h = text_h(p, v->size) + (v->lines - 1) * line_advance(p, v->size);
	double gap = 0.3 * v->size, step = track_h(p) * v->size / p->sz.label * 0.5;
	for (int k = 0;; k++) {
		double ri = g->lab_lo + k * step, rout, hw, unit;
		if (v->radial) {
			rout = sqrt((ri + v->w) * (ri + v->w) + (double)h * h / 4);
			hw = atan((h / 2 + gap) / ri);
			unit = hw;
		} else {
			rout = sqrt((ri + h) * (ri + h) + (double)v->w * v->w / 4);
			hw = atan((v->w / 2 + gap) / ri);
			unit = atan(v->w / 2 / ri);
		}
		if (rout > g->lab_hi)
			return false;
		if (hw > WHEEL_PI / 3)
			continue;
		for (size_t i = from; i < to; i++) {
			double tc = o->anchor + SLIDES[i] * unit;
			pbox lab = {ri, rout, tc - hw, tc + hw, BOX_LABEL};
			if (!is_free(p, &lab))
				continue;
			/* under a label along the arc the leader runs straight out from
			 * the marker; beside it, it slants to the label's foot */
			bool slanted = v->radial ? SLIDES[i] != 0 : fabs(SLIDES[i]) > 0.95;
			double lw = gap / ri, lo = slanted ? fmin(o->anchor, tc) : o->anchor,
			       hi = slanted ? fmax(o->anchor, tc) : o->anchor;
			pbox lead = {g->rm, ri, lo - lw, hi + lw, BOX_LEADER};
			if (!is_free(p, &lead))
				continue;
			tline ls[2];
			size_t nl = label_lines(p, v, v->s, tc, ri, ls);
			size_t at = p->n_words;
			int clear = words_clear(p, ls, nl, true, true);
			if (clear < 0)
				p->oom = true;
			if (clear <= 0)
				continue;
			o->words_at = at;
			if (add_box(p, lab) || add_box(p, lead))
				p->oom = true;
			o->lab_t = tc;
			o->lab_ri = ri;
			o->lab = *v;
			o->slanted = slanted;
			return true;
		}
	}
}

/* A label in its ring, along the arc (or, with radial, along the radius):
 * on one line, then on two; then the same at the smallest size; the
 * slides widen last, to those the first pass did not try (a failed try
 * changes nothing, so those would fail again). */
static bool try_label(poster *p, occ *o, const ring_geo *g, bool radial)
{
	float size[2] = {p->sz.label, p->sz.label_min};
	for (int pass = 0; pass < 2; pass++)
		for (int i = 0; i < 2; i++) {
			if (i && size[1] >= size[0])
				break;
			size_t from = pass ? SLIDES_NEAR : 0, to = pass ? SLIDES_ALL : SLIDES_NEAR;
			if (!o->measured[i]) {
				if (!o->u)
					o->u = prefix_units(p, FONT_REGULAR, o->label, strlen(o->label));
				o->one[i] = one_line(p, o->label, o->u, size[i], FONT_REGULAR);
				o->two[i] = two_lines(p, o->label, o->u, size[i], o->one[i].w);
				o->measured[i] = true;
			}
			variant one = o->one[i], two = o->two[i];
			one.radial = two.radial = radial;
			if (try_variant(p, o, g, &one, from, to) || (two.lines && try_variant(p, o, g, &two, from, to)))
				return true;
		}
	return false;
}

/* Places the labels of one ring's occurrences (sorted by anchor), then the
 * number tags of those that found no room. Returns false when a number tag
 * found no room either: the ring then needs a number band. */
static bool place_ring(poster *p, ring_geo *g, occ **items, size_t n, const double qfrac[4],
                       const char *digits)
{
	clear_boxes(p);
	double e = 0.5 * p->sz.label / g->lab_lo;
	for (int q = 0; q < 4; q++) {
		double t = qfrac[q] * WHEEL_TAU;
		if (add_box(p, (pbox){g->lab_lo, g->r1, t - e, t + e, BOX_OBSTACLE}))
			p->oom = true;
	}
	if (!g->band) {   /* the ring's letter, just after the first quarter line */
		float ls = p->sz.label_min, lw = measure(p, FONT_BOLD, ls, g->letter);
		double aw = 2 * atan((lw / 2 + 0.3 * ls) / g->lab_lo);
		g->letter_t = qfrac[0] * WHEEL_TAU + e + aw / 2;
		tline l = tangent_set(p, g->letter, strlen(g->letter), FONT_BOLD, ls, g->letter_t, g->lab_lo, lw);
		if (reserve_line(p, &l))
			p->oom = true;
		if (add_box(p, (pbox){g->lab_lo, g->lab_lo + text_h(p, ls) * 1.1, g->letter_t - aw / 2,
		                      g->letter_t + aw / 2, BOX_OBSTACLE}))
			p->oom = true;
	}
	for (size_t i = 0; i < n; i++) {
		occ *o = items[i];
		o->number = 0;
		o->tagged = o->covered = false;
		o->range_end = o->range_start = NULL;
		if (!try_label(p, o, g, false))
			o->number = -1;
	}
	for (size_t i = 0; i < n; i++)   /* radial labels fill the gaps left */
		if (items[i]->number && try_label(p, items[i], g, true))
			items[i]->number = 0;
	if (g->band)
		return true;
	variant tag = one_line(p, digits, NULL, p->sz.label_min, FONT_BOLD);
	char *range = arena_printf(p->doc->arena, "%s\xE2\x80\x93%s", digits, digits);
	if (!range)
		return false;
	variant wide = one_line(p, range, NULL, p->sz.label_min, FONT_BOLD);
	occ *last = NULL;   /* the latest tag, whose boxes are the last two */
	occ *pend = NULL;   /* the first of the numbers before the first tag */
	for (size_t i = 0; i < n; i++) {
		occ *o = items[i];
		if (!o->number)
			continue;
		o->range_end = NULL;
		if (try_variant(p, o, g, pend ? &wide : &tag, 0, SLIDES_ALL)) {
			o->tagged = true;
			o->range_start = pend;
			pend = NULL;
			last = o;
			continue;
		}
		/* no room: the latest tag becomes a range ("12–15") reaching o;
		 * before the first tag, o waits for the next tag to reach back */
		if (!last) {
			if (!pend)
				pend = o;
			o->tagged = o->covered = true;
			continue;
		}
		if (!last->range_end) {
			occ keep = *last;
			size_t words = p->n_words;
			p->n_boxes -= 2;
			p->n_words = last->words_at;
			if (!try_variant(p, last, g, &wide, 0, SLIDES_ALL)) {
				*last = keep;
				p->n_boxes += 2;
				p->n_words = words;
				return false;
			}
		}
		last->range_end = o;
		o->tagged = true;
		o->covered = true;
	}
	return !pend;
}

static int draw_months(poster *p, bool draw);
static int draw_weeks(poster *p, bool draw);

/* Places every ring's labels; a ring whose number tags do not fit gets a
 * number band and the wheel is laid out again. Returns -1 when out
 * of memory, 1 when the rings no longer fit the wheel. */
static int place_labels(poster *p)
{
	double q[4];
	int qn[4];
	wheel_quarters(&p->g, q, qn);
	p->boxes = arena_array(p->doc->arena, 2 * p->n_occs + 8, sizeof *p->boxes);
	p->box_ent = arena_array(p->doc->arena, 2 * p->n_occs + 8, sizeof *p->box_ent);
	char *digits = arena_printf(p->doc->arena, "%zu", p->n_occs ? p->n_occs : 1);
	if (!p->boxes || !p->box_ent || !digits)
		return -1;
	for (char *c = digits; *c; c++)
		*c = '8';
	for (size_t round = 0;; round++) {   /* each round adds a band: at most n_rings */
		bool again = false;
		if (clear_words(p) || draw_months(p, false) || draw_weeks(p, false))
			return -1;
		for (size_t start = 0, end; start < p->n_occs; start = end) {
			ring_geo *g = &p->rings[p->order[start]->ring];
			for (end = start; end < p->n_occs && p->order[end]->ring == p->order[start]->ring; end++)
				;
			if (!place_ring(p, g, p->order + start, end - start, q, digits)) {
				g->band = true;
				again = true;
			}
		}
		if (!again)
			break;
		if (round >= p->n_rings || radii(p))
			return 1;
	}
	if (p->oom)
		return -1;
	p->n_numbered = 0;
	for (size_t i = 0; i < p->n_occs; i++)
		if (p->order[i]->number)
			p->order[i]->number = (int)++p->n_numbered;
	return 0;
}

/* --- numbers, markers and labels on the wheel ------------------------------ */

typedef struct ngroup { int first, last; double start, end; } ngroup;

static double number_span(const poster *p, int first, int last, double ri, char *buf, size_t cap)
{
	if (first == last)
		snprintf(buf, cap, "%d", first);
	else
		snprintf(buf, cap, "%d\xE2\x80\x93%d", first, last);
	return 2 * atan(measure(p, FONT_BOLD, p->sz.label_min, buf) / 2 / ri);
}

/* Sets the numbers of one ring in its number band: a sweep in angle order;
 * a number that cannot sit near its marker joins the previous one as a
 * range ("12–15"), so every number is shown and none overlap. */
static int draw_numbers(poster *p, const ring_geo *g, occ **items, size_t n)
{
	float ns = p->sz.label_min;
	double ri = g->nb_lo, gap = 0.45 * ns / ri;
	char buf[48];
	float lw = measure(p, FONT_BOLD, ns, g->letter);
	double letter0 = gap, letter1 = letter0 + 2 * atan(lw / 2 / ri);
	if (tangent_text(p, g->letter, FONT_BOLD, ns, g->ink, (letter0 + letter1) / 2, ri, lw))
		return -1;
	ngroup *gr = arena_array(p->doc->arena, n + 1, sizeof *gr);
	if (!gr)
		return -1;
	size_t ng = 0, last_words = p->n_words;
	double prev_end = letter1;
	for (size_t i = 0; i < n; i++) {
		occ *o = items[i];
		if (!o->number || o->tagged)
			continue;
		double aw = number_span(p, o->number, o->number, ri, buf, sizeof buf);
		double start = fmax(prev_end + gap, o->anchor - aw / 2);
		for (;;) {   /* clear of the numbers before it, as an extractor sees them */
			float w = measure(p, FONT_BOLD, ns, buf);
			tline l = tangent_set(p, buf, strlen(buf), FONT_BOLD, ns, start + aw / 2, ri, w);
			int clear = words_clear(p, &l, 1, true, false);
			if (clear < 0)
				return -1;
			if (clear || start > o->anchor + aw / 2)
				break;
			start += gap;
		}
		if (!ng || start <= o->anchor + aw / 2) {
			gr[ng++] = (ngroup){o->number, o->number, start, start + aw};
			last_words = p->n_words;
			float w = measure(p, FONT_BOLD, ns, buf);
			tline l = tangent_set(p, buf, strlen(buf), FONT_BOLD, ns, start + aw / 2, ri, w);
			if (words_clear(p, &l, 1, false, true) < 0)
				return -1;
		} else {
			ngroup *l = &gr[ng - 1];
			l->last = o->number;
			l->end = l->start + number_span(p, l->first, l->last, ri, buf, sizeof buf);
			/* the range grew: its words replace the group's */
			p->n_words = last_words;
			tline rl = tangent_set(p, buf, strlen(buf), FONT_BOLD, ns, (l->start + l->end) / 2, ri,
			                       measure(p, FONT_BOLD, ns, buf));
			if (words_clear(p, &rl, 1, false, true) < 0)
				return -1;
		}
		prev_end = gr[ng - 1].end;
	}
	double limit = letter0 + WHEEL_TAU - gap;
	while (ng > 1 && gr[ng - 1].end > limit) {
		ngroup *l = &gr[ng - 2];
		l->last = gr[ng - 1].last;
		l->end = l->start + number_span(p, l->first, l->last, ri, buf, sizeof buf);
		ng--;
	}
	if (ng && gr[ng - 1].end > limit)
		return -2;
	for (size_t i = 0; i < ng; i++) {
		number_span(p, gr[i].first, gr[i].last, ri, buf, sizeof buf);
		float w = measure(p, FONT_BOLD, ns, buf);
		if (tangent_text(p, buf, FONT_BOLD, ns, g->ink, (gr[i].start + gr[i].end) / 2, ri, w))
			return -1;
	}
	return 0;
}

/* A leader from the marker at the anchor to the label's inner edge. */
static int leader(poster *p, const ring_geo *g, const occ *o)
{
	point u = wheel_point(p->c, g->rm + marker_r(p), clock_of(p, o->anchor));
	point v = wheel_point(p->c, o->lab_ri, clock_of(p, o->slanted ? o->lab_t : o->anchor));
	return draw_line(p->doc, p->page, u.x, u.y, v.x, v.y, 0.08f * p->sz.label, MUTED);
}

/* The placed label (or number tag) of o: one or two lines; in the upper
 * half the first line is the outer one, in the flipped lower half the
 * inner one, so both read top to bottom. */
/* One line of text along the radius at wheel angle t, from radius ri
 * outward (w long), its middle off points to the side of the radius (in
 * the text's up direction); reads outward on the right, inward on the left. */
static tline radial_set(const poster *p, const char *s, size_t len, font_style st, float size,
                        double t, double ri, float w, double off)
{
	double a = clock_of(p, t);
	bool flip;
	double th = wheel_radial_text_angle(a, &flip);
	point at = wheel_point(p->c, flip ? ri + w : ri, a);
	double shift = off - (p->m->ascent - p->m->descent) * size / 2;
	double ux = -sin(th), uy = -cos(th);
	return (tline){s, len, (float)(at.x + ux * shift), (float)(at.y + uy * shift), size, th, st, NULL};
}

/* The lines of s set as variant v at wheel angle t from radius ri: one or
 * two; along the arc, in the upper half the first line is the outer one,
 * in the flipped lower half the inner one, so both read top to bottom. */
static size_t label_lines(const poster *p, const variant *v, const char *s, double t, double ri, tline out[2])
{
	size_t len = strlen(s);
	const int32_t *u = s == v->s ? v->u : NULL;   /* a tag sets other digits than it was placed with */
	if (v->lines == 1 || v->split >= len) {
		float w = piece_w(p, v->st, v->size, s, u, 0, len);
		out[0] = v->radial ? radial_set(p, s, len, v->st, v->size, t, ri, w, 0)
		                   : tangent_set(p, s, len, v->st, v->size, t, ri, w);
		out[0].u = u;
		return 1;
	}
	const char *s2 = s + v->split + 1;
	size_t len2 = len - v->split - 1;
	double adv = line_advance(p, v->size);
	if (v->radial) {
		out[0] = radial_set(p, s, v->split, v->st, v->size, t, ri, v->w1, adv / 2);
		out[1] = radial_set(p, s2, len2, v->st, v->size, t, ri, v->w2, -adv / 2);
	} else {
		bool flip;
		wheel_tangent_text_angle(clock_of(p, t), &flip);
		double r1 = flip ? ri : ri + adv, r2 = flip ? ri + adv : ri;
		out[0] = tangent_set(p, s, v->split, v->st, v->size, t, r1, v->w1);
		out[1] = tangent_set(p, s2, len2, v->st, v->size, t, r2, v->w2);
	}
	out[0].u = u;
	out[1].u = u ? u + (s2 - s) : NULL;
	return 2;
}

static int draw_label(poster *p, const ring_geo *g, const occ *o, const char *s, rgb col)
{
	bool moved = o->lab_ri - g->lab_lo > 0.5 * p->sz.label || fabs(o->lab_t - o->anchor) > 1e-9;
	if (moved && leader(p, g, o))
		return -1;
	tline ls[2];
	size_t n = label_lines(p, &o->lab, s, o->lab_t, o->lab_ri, ls);
	for (size_t i = 0; i < n; i++)
		if (push_line(p, &ls[i], col))
			return -1;
	return 0;
}

static int draw_occ(poster *p, const occ *o)
{
	const ring_geo *g = &p->rings[o->ring];
	float mr = marker_r(p);
	if (o->period) {
		if (arc_stroke(p, g->rm, o->t0, o->t1, 1.1f * mr, g->colour, 0))
			return -1;
		if (radial_line(p, o->t0, g->rm - mr, g->rm + mr, 0.25f * mr, g->ink) ||
		    radial_line(p, o->t1, g->rm - mr, g->rm + mr, 0.25f * mr, g->ink))
			return -1;
	}
	if (marker(p, o->ring, wheel_point(p->c, g->rm, clock_of(p, o->anchor)), mr, g->ink))
		return -1;
	if (o->number && !o->tagged)
		return 0;
	if (o->covered)
		return 0;
	if (o->number) {
		char buf[24];
		if (o->range_end || o->range_start)
			snprintf(buf, sizeof buf, "%d\xE2\x80\x93%d", o->range_start ? o->range_start->number : o->number,
			         o->range_end ? o->range_end->number : o->number);
		else
			snprintf(buf, sizeof buf, "%d", o->number);
		return draw_label(p, g, o, buf, g->ink);
	}
	return draw_label(p, g, o, o->label, INK);
}

/* --- the wheel's fixed parts ---------------------------------------------- */

/* A fixed text: drawn, or (before labels are placed) only reserved. */
static int fixed_text(poster *p, const tline *l, rgb col, bool draw)
{
	return draw ? push_line(p, l, col) : reserve_line(p, l);
}

static int draw_months(poster *p, bool draw)
{
	wheel_sector ms[12];
	wheel_months(&p->g, ms);
	double r1 = p->R, r0 = p->R - p->sz.month * 1.9;
	for (int i = 0; i < 12; i++) {
		double t0 = ms[i].f0 * WHEEL_TAU, t1 = ms[i].f1 * WHEEL_TAU;
		if (draw && sector(p, r0, r1, t0, t1, i % 2 ? ACCENT2 : ACCENT, 0, WHITE))
			return -1;
		const char *name = p->o->texts.months[ms[i].month - 1];
		float size = p->sz.month, w = measure(p, FONT_BOLD, size, name);
		double ri = r0 + (r1 - r0 - text_h(p, size)) / 2, room = (t1 - t0) * ri * 0.9;
		const char *pre = p->o->texts.quarter_prefix;
		if (pre && ms[i].month % 3 == 1) {   /* the quarter's mark at its start */
			char q[32];
			snprintf(q, sizeof q, "%s%d", pre, (ms[i].month - 1) / 3 + 1);
			float ks = 1.6f * p->sz.week, kw = measure(p, FONT_BOLD, ks, q), pad = 0.5f * ks;
			double rk = r0 + (r1 - r0 - text_h(p, ks)) / 2;
			tline k = tangent_set(p, q, strlen(q), FONT_BOLD, ks, t0 + (pad + kw / 2) / rk, rk, kw);
			if (fixed_text(p, &k, mix(WHITE, ACCENT, 0.2f), draw))
				return -1;
			room -= 2 * (kw + 2 * pad);   /* the name stays centred, clear of it */
		}
		if (w > room && p->o->texts.months_short[ms[i].month - 1]) {
			name = p->o->texts.months_short[ms[i].month - 1];
			w = measure(p, FONT_BOLD, size, name);
		}
		while (w > room && size > p->sz.month * 0.5f) {
			size *= 0.9f;
			w = measure(p, FONT_BOLD, size, name);
		}
		tline l = tangent_set(p, name, strlen(name), FONT_BOLD, size, (t0 + t1) / 2, ri, w);
		if (fixed_text(p, &l, WHITE, draw))
			return -1;
	}
	return 0;
}

static int draw_weeks(poster *p, bool draw)
{
	double r1 = p->R - p->sz.month * 1.9, r0 = r1 - text_h(p, p->sz.week) * 2.0;
	if (draw && sector(p, r0, r1, 0, WHEEL_TAU, WEEK_BG, 0, WHITE))
		return -1;
	if (p->o->blank && !p->g.year)
		return 0;   /* no year, no weeks: the ring stays empty for writing */
	wheel_sector ws[60];
	size_t n = wheel_weeks(&p->g, ws, 60);
	double ri = r0 + (r1 - r0 - text_h(p, p->sz.week)) / 2;
	for (size_t i = 0; i < n; i++) {
		double t0 = ws[i].f0 * WHEEL_TAU, t1 = ws[i].f1 * WHEEL_TAU;
		if (draw && i && radial_line(p, t0, r1 - (r1 - r0) * 0.3, r1, 0.06f * p->sz.week, MUTED))
			return -1;
		char buf[8];
		snprintf(buf, sizeof buf, "%d", ws[i].week);
		float w = measure(p, FONT_REGULAR, p->sz.week, buf);
		if (2 * atan(w / 2 / ri) + 0.2 * p->sz.week / ri > t1 - t0)
			continue;   /* a sliver of a week at the span's edge */
		tline l = tangent_set(p, buf, strlen(buf), FONT_REGULAR, p->sz.week, (t0 + t1) / 2, ri, w);
		if (fixed_text(p, &l, INK, draw))
			return -1;
	}
	return 0;
}

static int draw_grid(poster *p)
{
	for (size_t i = 0; i < p->n_rings; i++) {
		const ring_geo *g = &p->rings[i];
		if (sector(p, g->r0, g->r1, 0, WHEEL_TAU, g->tint, 0.12f * p->sz.label, WHITE))
			return -1;
		if (p->o->blank)
			for (double r = g->lab_lo + track_h(p); r < g->lab_hi; r += track_h(p) * 1.6)
				if (arc_stroke(p, r, 0, WHEEL_TAU, 0.05f * p->sz.label, mix(g->colour, WHITE, 0.4f), 0.3f * p->sz.label))
					return -1;
		if (arc_stroke(p, g->rm, 0, WHEEL_TAU, 0.06f * p->sz.label, mix(g->colour, WHITE, 0.3f), 0))
			return -1;
	}
	wheel_sector ms[12];
	wheel_months(&p->g, ms);
	for (int i = 0; i < 12; i++)
		if (radial_line(p, ms[i].f0 * WHEEL_TAU, p->rc, p->rings_out, 0.1f * p->sz.label, WHITE))
			return -1;
	double q[4];
	int qn[4];
	wheel_quarters(&p->g, q, qn);
	for (int i = 0; i < 4; i++)
		if (radial_line(p, q[i] * WHEEL_TAU, p->rc, p->R, 0.2f * p->sz.label, ACCENT))
			return -1;
	return 0;
}

/* A text as wrap sets it. The side panel sets the same texts at many
 * sizes and widths while it looks for the largest that fits: for those,
 * where its pieces end (each word's end, and the end of trailing spaces)
 * is found once, and with prefix_units a piece costs one subtraction. */
typedef struct mtext {
	const char *s;
	size_t len;
	const int32_t *u;      /* or NULL: pieces are measured */
	const size_t *ends;    /* ascending, the last len (if s has a word); or NULL: scan */
} mtext;

/* s as wrap takes it with nothing found in advance. */
static mtext mtext_plain(const char *s)
{
	return (mtext){s, strlen(s), NULL, NULL};
}

/* s with its pieces' ends and prefix_units in style st. Returns -1 when
 * out of memory. */
static int mtext_make(const poster *p, font_style st, const char *s, mtext *t)
{
	*t = mtext_plain(s);
	size_t len = t->len, words = 0, n = 0;
	for (size_t i = 0; i < len; i++)
		words += s[i] != ' ' && (i + 1 == len || s[i + 1] == ' ');
	size_t *ends = arena_array(p->doc->arena, words + 1, sizeof *ends);
	if (!ends)
		return -1;
	for (size_t i = 0; i < len; i++)
		if (s[i] != ' ' && (i + 1 == len || s[i + 1] == ' '))
			ends[n++] = i + 1;
	if (n && ends[n - 1] < len)   /* trailing spaces: a piece of their own */
		ends[n++] = len;
	t->ends = ends;
	t->u = prefix_units(p, st, s, len);
	return 0;
}

/* Where t's piece from `from` (< len) ends: past the spaces there and the
 * word after them. *j is a cursor into t->ends for ascending froms. */
static size_t piece_end(const mtext *t, size_t from, size_t *j)
{
	if (t->ends) {
		while (t->ends[*j] <= from)
			(*j)++;
		return t->ends[*j];
	}
	size_t we = from;
	while (we < t->len && t->s[we] == ' ')
		we++;
	while (we < t->len && t->s[we] != ' ')
		we++;
	return we;
}

/* Lines of t's text in style st broken greedily at spaces, a too-long
 * word between characters. A line's width is the sum of its pieces'
 * widths (its first word, then each run of spaces with the word after
 * it), added in that order. Returns the number of lines (at most max). */
static size_t wrap(const poster *p, font_style st, float size, const mtext *t, float width,
                   size_t *starts, size_t *lens, size_t max)
{
	const char *s = t->s;
	size_t n = 0, len = t->len, i = 0, j = 0;
	while (i < len && n < max) {
		while (i < len && s[i] == ' ')
			i++;
		if (i >= len)
			break;
		size_t end = i, best = 0;
		float w = 0;   /* of s[i..end) */
		while (end < len) {
			size_t we = piece_end(t, end, &j);
			w += piece_w(p, st, size, s, t->u, end, we);
			if (w > width)
				break;
			best = end = we;
		}
		if (!best) {   /* the first word alone is too wide: cut by characters */
			size_t k = i + 1;
			while (k < len && ((unsigned char)s[k] & 0xC0) == 0x80)
				k++;
			best = k;
			while (k < len && s[k] != ' ') {
				size_t k2 = k + 1;
				while (k2 < len && ((unsigned char)s[k2] & 0xC0) == 0x80)
					k2++;
				if (piece_w(p, st, size, s, t->u, i, k2) > width)
					break;
				best = k = k2;
			}
		}
		starts[n] = i;
		lens[n++] = best - i;
		i = best;
	}
	return n;
}

static int draw_name(poster *p, const char *name, double top);

static int draw_centre(poster *p)
{
	rgb border = ACCENT;
	if (sector(p, 0.01, p->rc, 0, WHEEL_TAU, WHITE, 0.25f * p->sz.label, border))
		return -1;
	char title[160];
	int y2 = p->g.year + 1;
	if (p->o->blank && !p->g.year)
		snprintf(title, sizeof title, "%s", p->o->texts.title ? p->o->texts.title : "");
	else if (p->g.start_month == 1)
		snprintf(title, sizeof title, "%s %d", p->o->texts.title ? p->o->texts.title : "", p->g.year);
	else
		snprintf(title, sizeof title, "%s %d/%02d", p->o->texts.title ? p->o->texts.title : "", p->g.year, y2 % 100);
	float ts = p->sz.title, tw = measure(p, FONT_BOLD, ts, title);
	while (tw > 1.8 * p->rc && ts > p->sz.label_min) {
		ts *= 0.92f;
		tw = measure(p, FONT_BOLD, ts, title);
	}
	if (push_text(p, title, strlen(title), p->c.x - tw / 2, p->c.y, ts, 0, FONT_BOLD, ACCENT))
		return -1;
	const char *name = p->wp && p->wp->name ? p->wp->name : NULL;
	if (!name)
		return 0;
	return draw_name(p, name, p->c.y + p->m->descent * ts);
}

#define NAME_LINES 6

/* The widest a line of the name may be when the name takes `lines` lines
 * of size ns from top down: the disc's chord at the lowest line's bottom. */
static float name_width(const poster *p, double top, float ns, size_t lines)
{
	double bottom = top + 0.3 * ns + lines * text_h(p, ns) * 1.15 - p->c.y;
	return (float)(2 * (sqrt(fmax(0, p->rc * p->rc - bottom * bottom)) - 0.3 * ns));
}

static int push_name_lines(poster *p, const char *name, const size_t *st, const size_t *ln, size_t n,
                           float ns, double top, const char *last)
{
	double y = top + 0.3 * ns + p->m->ascent * ns;
	for (size_t i = 0; i < n; i++, y += text_h(p, ns) * 1.15) {
		const char *s = i + 1 == n && last ? last : name + st[i];
		size_t len = i + 1 == n && last ? strlen(last) : ln[i];
		float w = p->m->fn(p->m->ctx, FONT_REGULAR, ns, s, len);
		if (push_text(p, s, len, p->c.x - w / 2, (float)y, ns, 0, FONT_REGULAR, INK))
			return -1;
	}
	return 0;
}

/* The workplace's name under the title (whose bottom is at top), inside
 * the disc: the largest size and fewest lines that hold all of it, down to
 * a small size and NAME_LINES lines; only a name that still does not fit
 * ends in an ellipsis (recorded in the stats). */
static int draw_name(poster *p, const char *name, double top)
{
	size_t st[NAME_LINES], ln[NAME_LINES], len = strlen(name);
	float floor_size = p->sz.label_min * 0.6f;
	mtext t = mtext_plain(name);
	for (float ns = p->sz.name;; ns *= 0.92f) {
		bool last_try = ns * 0.92f < floor_size;
		for (size_t lines = 1; lines <= NAME_LINES; lines++) {
			float w = name_width(p, top, ns, lines);
			if (w <= 0)
				break;
			size_t n = wrap(p, FONT_REGULAR, ns, &t, w, st, ln, lines);
			size_t used = n ? st[n - 1] + ln[n - 1] : 0;
			while (used < len && name[used] == ' ')
				used++;
			bool whole_words = true;   /* no word broken between lines */
			for (size_t i = 0; i + 1 < n; i++)
				whole_words &= name[st[i] + ln[i]] == ' ';
			if (used >= len && (whole_words || last_try))
				return push_name_lines(p, name, st, ln, n, ns, top, NULL);
		}
		if (!last_try)
			continue;
		/* the smallest size: as many lines as the disc holds, the last
		 * one shortened to end in an ellipsis */
		size_t lines = NAME_LINES;
		while (lines > 1 && name_width(p, top, ns, lines) <= 0)
			lines--;
		float w = name_width(p, top, ns, lines);
		size_t n = wrap(p, FONT_REGULAR, ns, &t, w, st, ln, lines);
		if (!n)
			return 0;
		const char *rest = name + st[n - 1];
		size_t k = strlen(rest);
		float ell = measure(p, FONT_REGULAR, ns, "\xE2\x80\xA6");
		while (k && (((unsigned char)rest[k] & 0xC0) == 0x80 || rest[k - 1] == ' ' ||
		             p->m->fn(p->m->ctx, FONT_REGULAR, ns, rest, k) + ell > w))
			k--;   /* never inside a character, never after a space */
		const char *last = arena_printf(p->doc->arena, "%.*s\xE2\x80\xA6", (int)k, rest);
		p->name_shortened = true;
		return last ? push_name_lines(p, name, st, ln, n, ns, top, last) : -1;
	}
}

/* --- the side panel ------------------------------------------------------- */

enum { PE_HEAD, PE_TEXT, PE_LEGEND, PE_WEEK, PE_NUMBERED, PE_LINES };

typedef struct pentry {
	int kind;
	const char *text;
	size_t ring;        /* PE_LEGEND */
	int number;         /* PE_NUMBERED; PE_LINES: how many lines */
	rgb ink;            /* PE_NUMBERED: the number's colour */
	mtext m;            /* text, for wrap (not for PE_HEAD, PE_LINES) */
} pentry;

/* The panel's columns, all col_w wide: first those that fit beside a
 * shrunk wheel (p->side), then those across the panel. */
typedef struct flow {
	poster *p;
	float size, lh, col_w, gap, x, y, top, bottom;
	float num_indent;        /* a numbered entry's text after its number */
	int col, cols;
	rect reg[2];
	int n_reg, reg_i;
	bool draw;
} flow;

static bool enter_region(flow *f)
{
	while (f->reg_i < f->n_reg) {
		const rect *r = &f->reg[f->reg_i++];
		f->cols = (int)((r->w + f->gap) / (f->col_w + f->gap) + 1e-4f);
		if (f->cols < 1 || r->h < 3 * f->lh)
			continue;
		f->col = 0;
		f->x = r->x;
		f->y = f->top = r->y;
		f->bottom = r->y + r->h;
		return true;
	}
	return false;
}

static bool next_column(flow *f)
{
	if (++f->col >= f->cols)
		return enter_region(f);
	f->x += f->col_w + f->gap;
	f->y = f->top;
	return true;
}

/* Room for h more points in the column, moving on when needed. */
static bool room(flow *f, float h)
{
	if (f->y + h <= f->bottom)
		return true;
	return f->y > f->top && next_column(f) && f->y + h <= f->bottom;
}

#define FLOW_MAX_LINES 64

static bool flow_entry(flow *f, const pentry *e, const pentry *next)
{
	poster *p = f->p;
	float s = f->size, indent = 0;
	font_style st = FONT_REGULAR;
	if (e->kind == PE_HEAD) {
		float hs = s * 1.2f, hh = text_h(p, hs) * 1.3f;
		float before = f->y > f->top ? f->lh * 0.7f : 0;
		if (!room(f, before + hh + (next ? f->lh : 0)))
			return false;
		if (f->y > f->top)
			f->y += before;
		if (f->draw && push_text(p, e->text, strlen(e->text), f->x, f->y + p->m->ascent * hs, hs, 0, FONT_BOLD, ACCENT))
			return false;
		f->y += hh;
		return true;
	}
	if (e->kind == PE_LINES) {
		for (int i = 0; i < e->number; i++) {
			if (!room(f, s * 2.4f))
				return false;
			f->y += s * 2.4f;
			if (f->draw && draw_line(p->doc, p->page, f->x, f->y - s * 0.4f, f->x + f->col_w, f->y - s * 0.4f, 0.05f * s, MUTED))
				return false;
		}
		return true;
	}
	if (e->kind == PE_NUMBERED) {
		indent = f->num_indent;
	} else if (e->kind == PE_LEGEND || e->kind == PE_WEEK) {
		indent = 3.2f * s;
	} else {
		indent = 1.0f * s;
	}
	size_t starts[FLOW_MAX_LINES], lens[FLOW_MAX_LINES];
	size_t n = wrap(p, st, s, &e->m, f->col_w - indent, starts, lens, FLOW_MAX_LINES);
	size_t used = n ? starts[n - 1] + lens[n - 1] : 0;
	for (size_t k = used; e->text[k]; k++)
		if (e->text[k] != ' ')
			return false;   /* more lines than we keep: cannot fit */
	for (size_t i = 0; i < n || i == 0; i++) {
		if (!room(f, f->lh))
			return false;
		float base = f->y + p->m->ascent * s + 0.1f * f->lh;
		if (f->draw && i == 0) {
			int rc = 0;
			if (e->kind == PE_NUMBERED) {
				char num[16];
				snprintf(num, sizeof num, "%d", e->number);
				rc = push_text(p, num, strlen(num), f->x, base, s, 0, FONT_BOLD, e->ink);
			} else if (e->kind == PE_LEGEND) {
				const ring_geo *g = &p->rings[e->ring];
				rect sw = {f->x, f->y + 0.1f * f->lh, 2.9f * s, f->lh * 0.8f};
				rc = draw_rect(p->doc, p->page, sw, 0.06f * s, g->ink, &g->tint) ||
				     marker(p, e->ring, (point){sw.x + 0.7f * s, sw.y + sw.h / 2}, 0.38 * s, g->ink) ||
				     push_text(p, g->letter, 1, sw.x + 1.6f * s, base, s, 0, FONT_BOLD, g->ink);
			} else if (e->kind == PE_WEEK) {
				rect sw = {f->x, f->y + 0.1f * f->lh, 2.9f * s, f->lh * 0.8f};
				rc = draw_rect(p->doc, p->page, sw, 0.06f * s, MUTED, &WEEK_BG) ||
				     push_text(p, "53", 2, sw.x + 0.5f * s, base, s * 0.9f, 0, FONT_REGULAR, INK);
			} else if (e->kind == PE_TEXT) {
				rc = push_text(p, "\xE2\x80\xA2", 3, f->x + 0.1f * s, base, s, 0, FONT_REGULAR, ACCENT);
			}
			if (rc)
				return false;
		}
		if (f->draw && n && push_text(p, e->text + starts[i], lens[i], f->x + indent, base, s, 0, st, INK))
			return false;
		f->y += f->lh;
	}
	return true;
}

/* Sets entries into the panel's columns until one does not fit; returns
 * how many did. A heading is not left without the entry under it. */
static size_t run_flow(poster *p, const pentry *es, size_t n, float size, int cols, bool draw)
{
	flow f = {.p = p, .size = size, .lh = text_h(p, size) * 1.2f, .gap = 1.5f * size, .draw = draw,
	          .num_indent = measure(p, FONT_BOLD, size, "000") + 0.5f * size};
	f.col_w = (p->panel.w - f.gap * (cols - 1)) / cols;
	if (p->side.w > 0)
		f.reg[f.n_reg++] = p->side;
	f.reg[f.n_reg++] = p->panel;
	if (f.col_w < 8 * size || !enter_region(&f))
		return 0;
	size_t i = 0;
	while (i < n && flow_entry(&f, &es[i], i + 1 < n && es[i + 1].kind != PE_HEAD ? &es[i + 1] : NULL))
		i++;
	if (i < n && i > 0 && es[i - 1].kind == PE_HEAD)
		i--;
	return i;
}

/* Columns about 30 ems of the list's type wide. */
static int list_cols(float width, float size)
{
	int c = (int)((width + 1.5f * size) / (31.5f * size));
	return c < 1 ? 1 : c;
}

static const char *date_text(poster *p, const occ *o)
{
	int y, m, d, y1, m1, d1;
	wheel_civil(o->s0, &y, &m, &d);
	wheel_civil(o->s1, &y1, &m1, &d1);
	if (o->s1 == o->s0)
		return arena_printf(p->doc->arena, "%d.%d. %s", d, m, o->label);
	return arena_printf(p->doc->arena, "%d.%d.\xE2\x80\x93%d.%d. %s", d, m, d1, m1, o->label);
}

/* The panel's entries: legend, goals, focus areas, the numbered list. */
static pentry *panel_entries(poster *p, size_t *count)
{
	const aarshjul_texts *tx = &p->o->texts;
	const am_workplace *wp = p->wp;
	size_t cap = p->n_rings + p->n_numbered + 16 + (wp ? wp->n_goals + wp->n_focus : 0), n = 0;
	pentry *es = arena_array(p->doc->arena, cap, sizeof *es);
	if (!es)
		return NULL;
	if (tx->legend_title)
		es[n++] = (pentry){PE_HEAD, tx->legend_title, 0, 0, {0, 0, 0}, {0}};
	for (size_t i = 0; i < p->n_rings; i++)
		es[n++] = (pentry){PE_LEGEND, p->rings[i].name, i, 0, {0, 0, 0}, {0}};
	if (tx->week_label && !(p->o->blank && !p->g.year))
		es[n++] = (pentry){PE_WEEK, tx->week_label, 0, 0, {0, 0, 0}, {0}};
	if (tx->goals_title && (p->o->blank || (wp && wp->n_goals))) {
		es[n++] = (pentry){PE_HEAD, tx->goals_title, 0, 0, {0, 0, 0}, {0}};
		if (p->o->blank || !wp)
			es[n++] = (pentry){PE_LINES, "", 0, 4, {0, 0, 0}, {0}};
		else
			for (size_t i = 0; i < wp->n_goals; i++)
				es[n++] = (pentry){PE_TEXT, wp->goals[i].title ? wp->goals[i].title : "", 0, 0, {0, 0, 0}, {0}};
	}
	if (tx->focus_title && (p->o->blank || (wp && wp->n_focus))) {
		es[n++] = (pentry){PE_HEAD, tx->focus_title, 0, 0, {0, 0, 0}, {0}};
		if (p->o->blank || !wp)
			es[n++] = (pentry){PE_LINES, "", 0, 4, {0, 0, 0}, {0}};
		else
			for (size_t i = 0; i < wp->n_focus; i++) {
				const am_focus_area *fa = &wp->focus[i];
				const char *t = fa->description && *fa->description
				                        ? arena_printf(p->doc->arena, "%s \xE2\x80\x93 %s", fa->title, fa->description)
				                        : fa->title;
				if (!t)
					return NULL;
				es[n++] = (pentry){PE_TEXT, t, 0, 0, {0, 0, 0}, {0}};
			}
	}
	p->n_fixed = n;
	if (p->n_numbered) {
		es[n++] = (pentry){PE_HEAD, tx->list_title ? tx->list_title : "", 0, 0, {0, 0, 0}, {0}};
		for (size_t i = 0; i < p->n_occs; i++) {
			const occ *o = p->order[i];
			if (!o->number)
				continue;
			const char *t = date_text(p, o);
			if (!t)
				return NULL;
			es[n++] = (pentry){PE_NUMBERED, t, o->ring, o->number, p->rings[o->ring].ink, {0}};
		}
	}
	for (size_t i = 0; i < n; i++)   /* the texts flow_entry wraps, in its style */
		if (es[i].kind != PE_HEAD && es[i].kind != PE_LINES && mtext_make(p, FONT_REGULAR, es[i].text, &es[i].m))
			return NULL;
	*count = n;
	return es;
}

/* Finds the largest type and fewest columns that fit; false if none. */
static bool fits_at(poster *p, const pentry *es, size_t n, float s)
{
	for (int cols = 1; cols <= 12; cols++) {
		if ((p->panel.w - 1.5f * s * (cols - 1)) / cols < 14 * s)
			break;
		if (run_flow(p, es, n, s, cols, false) == n) {
			p->panel_size = s;
			p->panel_cols = cols;
			p->n_show = n;
			return true;
		}
	}
	return false;
}

static bool fit_panel(poster *p, const pentry *es, size_t n)
{
	/* what does not fit the smallest type fits no larger one */
	if (!fits_at(p, es, n, p->sz.panel_min))
		return false;
	for (float s = p->sz.panel_max; s >= p->sz.panel_min - 1e-3f; s -= 0.05f * p->sz.panel_max)
		if (fits_at(p, es, n, s))
			return true;
	return fits_at(p, es, n, p->sz.panel_min);
}

/* --- putting it together -------------------------------------------------- */

/* Wheel and panel side by side (landscape) or stacked (portrait); shrink
 * below 1 gives the panel more room. */
static void split_area(poster *p, double shrink)
{
	rect b = p->area;
	if (p->o->texts.footer)
		b.h -= text_h(p, p->sz.footer) * 2;
	float gap = 2 * p->sz.label;
	double D;
	p->side = (rect){0, 0, 0, 0};
	if (b.h > b.w * 1.2f) {
		D = fmin(b.w, b.h * 0.66) * shrink;
		p->c = (point){b.x + b.w / 2, (float)(b.y + D / 2)};
		p->panel = (rect){b.x, (float)(b.y + D + gap), b.w, (float)(b.h - D - gap)};
		if (b.w - D - gap > 12 * p->sz.panel_min) {   /* the wheel to the left, columns beside it */
			p->c.x = (float)(b.x + D / 2);
			p->side = (rect){(float)(b.x + D + gap), b.y, (float)(b.w - D - gap), (float)D};
		}
	} else {
		D = fmin(b.h, b.w * 0.62) * shrink;
		p->c = (point){(float)(b.x + D / 2), b.y + b.h / 2};
		p->panel = (rect){(float)(b.x + D + gap), b.y, (float)(b.w - D - gap), b.h};
		if (b.h - D - gap > 6 * p->sz.panel_min) {   /* the wheel at the top, columns under it */
			p->c.y = (float)(b.y + D / 2);
			p->side = (rect){b.x, (float)(b.y + D + gap), (float)D, (float)(b.h - D - gap)};
		}
	}
	p->R = D / 2 - 0.2 * p->sz.label;
}

static int check_opts(const aarshjul_opts *o, diag *d)
{
	if (!o || !o->measurer || !o->measurer->fn) {
		diag_error(d, NULL, 0, "aarshjul: no text measurer");
		return AM_EUSAGE;
	}
	for (int i = 0; i < 12; i++)
		if (!o->texts.months[i]) {
			diag_error(d, NULL, 0, "aarshjul: month name %d missing", i + 1);
			return AM_EUSAGE;
		}
	return AM_OK;
}

/* Type scales with the paper: the page's size when known (so A1 is 1
 * whatever the margins), else the area's. */
static void set_sizes(poster *p, rect area)
{
	rect paper = p->page ? (rect){0, 0, p->page->width, p->page->height} : area;
	float s = p->o->scale > 0 ? p->o->scale : aarshjul_scale(paper);
	p->sz = (sizes){.month = 30 * s, .week = 12 * s, .label = 14 * s, .label_min = 12 * s,
	                .title = 46 * s, .name = 22 * s, .footer = 12 * s,
	                .panel_max = 18 * s, .panel_min = 8 * s, .list = 10 * s};
}

static int prepare(poster *p)
{
	const am_wheel *w = p->wp ? &p->wp->wheel : NULL;
	int year = w && w->year ? w->year : p->o->year;
	wheel_init(&p->g, year, w && w->start_month ? w->start_month : 1, 0);
	if (make_rings(p) || expand_plan(p))
		return -1;
	p->order = arena_array(p->doc->arena, p->n_occs + 1, sizeof *p->order);
	if (!p->order)
		return -1;
	for (size_t i = 0; i < p->n_occs; i++)
		p->order[i] = &p->occs[i];
	qsort(p->order, p->n_occs, sizeof *p->order, by_ring_then_anchor);
	return 0;
}

/* The wheel at a size: bands, labels, panel entries. Returns 0, 1 when
 * the rings do not fit, -1 when out of memory. */
static int lay_wheel(poster *p, double shrink, pentry **es, size_t *n)
{
	split_area(p, shrink);
	for (size_t i = 0; i < p->n_rings; i++)
		p->rings[i].band = false;
	if (radii(p))
		return 1;
	int placed = place_labels(p);
	if (placed)
		return placed;
	return (*es = panel_entries(p, n)) ? 0 : -1;
}

static double panel_area(const poster *p)
{
	return (double)p->panel.w * p->panel.h + (double)p->side.w * p->side.h;
}

/* Whether no smaller wheel can make room for the whole list: at the
 * smallest type, the room the list takes in proportion to what fits now
 * exceeds the panel of the smallest wheel whose rings still fit. Leaves
 * the wheel's geometry as it found it. */
static bool list_hopeless(poster *p, const pentry *es, size_t n)
{
	float s = p->sz.panel_min;
	size_t k = run_flow(p, es, n, s, list_cols(p->panel.w, s), false);
	if (k <= p->n_fixed + 1)
		return false;   /* not even the rest fits: let a smaller wheel try */
	double need = panel_area(p) * (double)(n - p->n_fixed) / (double)(k - p->n_fixed), most = 0;
	double shrink = 1;
	for (int tries = 0; tries < MAX_SHRINK; tries++, shrink *= 0.92) {
		split_area(p, shrink);
		if (radii(p))
			break;
		most = fmax(most, panel_area(p));
	}
	split_area(p, 1);
	radii(p);
	return need > most;
}

/* A list longer than the poster holds: the list's type (10 pt at A1, less
 * when the entries before it need that), columns about 30 ems wide; the
 * poster shows what fits. False when the entries before the list do not. */
static bool overflow_panel(poster *p, const pentry *es, size_t n)
{
	float top = fmaxf(p->sz.list, p->sz.panel_min);
	for (float s = top; s >= p->sz.panel_min - 1e-3f; s -= 0.05f * top) {
		int cols = list_cols(p->panel.w, s);
		size_t k = run_flow(p, es, n, s, cols, false);
		if (k >= p->n_fixed) {
			p->panel_size = s;
			p->panel_cols = cols;
			p->n_show = k;
			return true;
		}
	}
	return false;
}

/* Lays out wheel and panel, shrinking the wheel until the panel holds the
 * whole list; when no wheel that keeps its rings can, the full-size wheel
 * with as much of the list as fits. Returns AM_OK with the entries in *es,
 * or an error code. */
static int lay_out(poster *p, pentry **es, size_t *n)
{
	double shrink = 1;
	bool at_full = false;
	for (int tries = 0; tries < MAX_SHRINK && !at_full; tries++, shrink *= 0.92) {
		int rc = lay_wheel(p, shrink, es, n);
		if (rc < 0)
			return diag_oom(p->d, NULL);
		if (rc > 0 && !tries) {
			diag_error(p->d, p->wp ? p->wp->file : NULL, p->wp ? p->wp->wheel.line : 0,
			           "årshjul: %zu rings do not fit a wheel of this size", p->n_rings);
			return AM_EINPUT;
		}
		if (rc > 0)
			break;
		if (fit_panel(p, *es, *n))
			return AM_OK;
		at_full = !tries && list_hopeless(p, *es, *n);
	}
	if (!at_full) {
		int rc = lay_wheel(p, 1, es, n);
		if (rc)
			return rc < 0 ? diag_oom(p->d, NULL) : AM_EINTERNAL;
	}
	if (overflow_panel(p, *es, *n))
		return AM_OK;
	diag_error(p->d, p->wp ? p->wp->file : NULL, p->wp ? p->wp->wheel.line : 0,
	           "årshjul: the legend, goals and focus areas do not fit beside the wheel; choose a larger size");
	return AM_EINPUT;
}

static int draw_footer(poster *p)
{
	const char *foot = p->o->texts.footer;
	return foot && push_text(p, foot, strlen(foot), p->area.x,
	                         p->area.y + p->area.h - p->m->descent * p->sz.footer - 1,
	                         p->sz.footer, 0, FONT_REGULAR, MUTED);
}

static int draw_all(poster *p, const pentry *es, size_t n)
{
	if (draw_grid(p) || draw_months(p, true) || draw_weeks(p, true))
		return -1;
	for (size_t i = 0; i < p->n_occs; i++)
		if (draw_occ(p, p->order[i]))
			return -1;
	size_t start = 0;
	for (size_t r = 0; r < p->n_rings; r++) {
		size_t end = start;
		while (end < p->n_occs && p->order[end]->ring == r)
			end++;
		const ring_geo *g = &p->rings[r];
		int rc = g->band ? draw_numbers(p, g, p->order + start, end - start)
		                 : tangent_text(p, g->letter, FONT_BOLD, p->sz.label_min, g->ink, g->letter_t, g->lab_lo,
		                                measure(p, FONT_BOLD, p->sz.label_min, g->letter));
		if (rc)
			return rc;
		start = end;
	}
	(void)n;
	if (draw_centre(p) || run_flow(p, es, p->n_show, p->panel_size, p->panel_cols, true) != p->n_show)
		return -1;
	return draw_footer(p) ? -1 : 0;
}

/* The numbered list as items for the stats; how many stand on the poster. */
static int fill_stats(poster *p, const pentry *es, size_t n, aarshjul_stats *st)
{
	aarshjul_item *items = arena_array(p->doc->arena, p->n_numbered + 1, sizeof *items);
	if (!items)
		return -1;
	size_t k = 0, drawn = 0;
	for (size_t i = 0; i < n; i++)
		if (es[i].kind == PE_NUMBERED) {
			items[k++] = (aarshjul_item){es[i].number, es[i].ink, es[i].text};
			drawn += i < p->n_show;
		}
	*st = (aarshjul_stats){.occurrences = p->n_occs, .numbered = p->n_numbered,
	                       .labelled = p->n_occs - p->n_numbered, .radius = (float)p->R,
	                       .list = items, .list_drawn = drawn, .list_size = p->panel_size,
	                       .name_shortened = p->name_shortened};
	return 0;
}

int aarshjul_draw(draw_doc *doc, draw_page *page, rect area, const am_workplace *wp,
                  const aarshjul_opts *o, diag *d)
{
	int rc = check_opts(o, d);
	if (rc)
		return rc;
	/* The area spans the page between equal side margins: a poster printed
	 * at another size than its layout's gets the width of the page it is on. */
	if (page && page->width > 2 * area.x)
		area.w = page->width - 2 * area.x;
	poster p = {.doc = doc, .page = page, .o = o, .m = o->measurer, .wp = wp, .d = d, .area = area};
	set_sizes(&p, area);
	if (prepare(&p))
		return diag_oom(d, NULL);
	pentry *es = NULL;
	size_t n = 0;
	rc = lay_out(&p, &es, &n);
	if (rc)
		return rc;
	rc = draw_all(&p, es, n);
	if (rc == -2) {
		diag_error(d, wp ? wp->file : NULL, wp ? wp->wheel.line : 0,
		           "årshjul: too many numbered activities in one ring for this size");
		return AM_EINPUT;
	}
	if (rc || (o->stats && fill_stats(&p, es, n, o->stats)))
		return diag_oom(d, NULL);
	return AM_OK;
}

int aarshjul_draw_list(draw_doc *doc, draw_page *page, rect area, const aarshjul_opts *o,
                       const aarshjul_stats *st, size_t first, size_t *next, diag *d)
{
	int rc = check_opts(o, d);
	*next = first;
	if (rc || !st || first >= st->numbered)
		return rc;
	if (page && page->width > 2 * area.x)
		area.w = page->width - 2 * area.x;
	poster p = {.doc = doc, .page = page, .o = o, .m = o->measurer, .d = d, .area = area};
	set_sizes(&p, area);
	p.panel = area;
	if (o->texts.footer)
		p.panel.h -= text_h(&p, p.sz.footer) * 2;
	const aarshjul_texts *tx = &o->texts;
	const char *head = first && tx->list_continued ? tx->list_continued : tx->list_title;
	size_t n = st->numbered - first + 1;
	pentry *es = arena_array(doc->arena, n, sizeof *es);
	if (!es)
		return diag_oom(d, NULL);
	es[0] = (pentry){PE_HEAD, head ? head : "", 0, 0, INK, {0}};
	for (size_t i = 1; i < n; i++) {
		const aarshjul_item *it = &st->list[first + i - 1];
		/* set once or twice: nothing to find in advance */
		es[i] = (pentry){PE_NUMBERED, it->text, 0, it->number, it->ink, mtext_plain(it->text)};
	}
	float s = st->list_size > 0 ? st->list_size : p.sz.list;
	int cols = list_cols(p.panel.w, s);
	size_t k = run_flow(&p, es, n, s, cols, false);
	if (k < 2) {
		diag_error(d, NULL, 0, "årshjul: list entry %d does not fit a page", st->list[first].number);
		return AM_EINPUT;
	}
	if (run_flow(&p, es, k, s, cols, true) != k || draw_footer(&p))
		return diag_oom(d, NULL);
	*next = first + k - 1;
	return AM_OK;
}
