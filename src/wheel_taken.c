/* wheel_taken.c: what is taken on the wheel, for wheel_place.c to find
 * free places: polar boxes (labels, leaders, ring letters, quarter lines,
 * every occurrence's mark) filed by angle, and the boxes a text extractor
 * gives the words set so far, filed in a grid of cells over the area, so
 * that no label is set where an extractor would read it into, or over,
 * another word. */
#include "aarshjul_int.h"

#include <math.h>
#include <string.h>

/* --- polar boxes ------------------------------------------------------------ */

static long floor_long(double x)
{
	long k = (long)x;
	return k - ((double)k > x);
}

static void box_buckets(const pbox *b, long *first, long *last)
{
	double unit = WHEEL_TAU / WHEEL_BUCKETS;
	*first = floor_long(b->t0 / unit);
	*last = floor_long(b->t1 / unit);
	if (*last - *first >= WHEEL_BUCKETS - 1)
		*last = *first + WHEEL_BUCKETS - 1;
}

static size_t bucket_of(long k) { return (size_t)(((k % WHEEL_BUCKETS) + WHEEL_BUCKETS) % WHEEL_BUCKETS); }

static bool overlaps(const pbox *a, const pbox *b)
{
	if (a->r0 >= b->r1 || b->r0 >= a->r1)
		return false;
	for (int k = -1; k <= 1; k++)
		if (a->t0 < b->t1 + k * WHEEL_TAU && b->t0 + k * WHEEL_TAU < a->t1)
			return true;
	return false;
}

int wheel_file(poster *p, pfile *f, pbox b)
{
	long first, last;
	box_buckets(&b, &first, &last);
	size_t need = f->n_ent + (size_t)(last - first + 1);
	if (arena_grow(p->doc->arena, (void **)&f->boxes, &f->cap, f->n, f->n + 1, sizeof *f->boxes) ||
	    arena_grow(p->doc->arena, (void **)&f->next, &f->cap_next, f->n_ent, need, sizeof *f->next) ||
	    arena_grow(p->doc->arena, (void **)&f->box, &f->cap_ent, f->n_ent, need, sizeof *f->box))
		return p->oom = true, -1;
	if (!f->n)
		for (size_t i = 0; i < WHEEL_BUCKETS; i++)
			f->bucket[i] = -1;
	for (long k = first; k <= last; k++) {
		size_t q = bucket_of(k);
		f->box[f->n_ent] = f->n;
		f->next[f->n_ent] = f->bucket[q];
		f->bucket[q] = (int)f->n_ent++;
	}
	f->boxes[f->n++] = b;
	return 0;
}

bool wheel_free(const pfile *f, const pbox *b, size_t own)
{
	if (!f->n)
		return true;
	long first, last;
	box_buckets(b, &first, &last);
	for (long k = first; k <= last; k++)
		for (int e = f->bucket[bucket_of(k)]; e >= 0; e = f->next[e]) {
			const pbox *o = &f->boxes[f->box[e]];
			if ((o->kind != BOX_MARK || o->item != own) && !(f->past_quarters && o->kind == BOX_QUARTER) &&
			    overlaps(b, o))
				return false;
		}
	return true;
}

size_t wheel_edges(const pfile *f, const pbox *b, double *out, size_t max)
{
	size_t n = 0;
	if (!f->n)
		return 0;
	long first, last;
	box_buckets(b, &first, &last);
	for (long k = first; k <= last; k++)
		for (int e = f->bucket[bucket_of(k)]; e >= 0 && n + 2 <= max; e = f->next[e]) {
			const pbox *o = &f->boxes[f->box[e]];
			if ((f->past_quarters && o->kind == BOX_QUARTER) || !overlaps(b, o))
				continue;
			/* o's ends, moved by whole turns to lie nearest b */
			double mid = (b->t0 + b->t1) / 2, shift = WHEEL_TAU * floor(((o->t0 + o->t1) / 2 - mid) / WHEEL_TAU + 0.5);
			out[n++] = o->t0 - shift;
			out[n++] = o->t1 - shift;
		}
	return n;
}

/* --- what a text extractor sees -------------------------------------------- */

static bool rects_meet(const rect *a, const rect *b)
{
	return a->x < b->x + b->w && b->x < a->x + a->w && a->y < b->y + b->h && b->y < a->y + a->h;
}

static void cell_range(const poster *p, const rect *b, size_t *x0, size_t *y0, size_t *x1, size_t *y1)
{
	float mx = (float)(p->gw - 1), my = (float)(p->gh - 1);
	*x0 = (size_t)fminf(fmaxf((b->x - p->area.x) / p->cell_size, 0), mx);
	*y0 = (size_t)fminf(fmaxf((b->y - p->area.y) / p->cell_size, 0), my);
	*x1 = (size_t)fminf(fmaxf((b->x + b->w - p->area.x) / p->cell_size, 0), mx);
	*y1 = (size_t)fminf(fmaxf((b->y + b->h - p->area.y) / p->cell_size, 0), my);
}

int wheel_taken_start(poster *p)
{
	if (!p->cell) {
		p->cell_size = fmaxf(3 * p->L, 1);
		p->gw = (size_t)(p->area.w / p->cell_size) + 2;
		p->gh = (size_t)(p->area.h / p->cell_size) + 2;
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
	size_t need = p->n_went + (x1 - x0 + 1) * (y1 - y0 + 1), cap = p->cap_went;
	if (arena_grow(p->doc->arena, (void **)&p->went_word, &cap, p->n_went, need, sizeof *p->went_word) ||
	    arena_grow(p->doc->arena, (void **)&p->went_next, &p->cap_went, p->n_went, need, sizeof *p->went_next))
		return -1;
	for (size_t y = y0; y <= y1; y++)
		for (size_t x = x0; x <= x1; x++) {
			int *head = &p->cell[y * p->gw + x];
			p->went_word[p->n_went] = w;
			p->went_next[p->n_went] = *head;
			*head = (int)p->n_went++;
		}
	return 0;
}

static bool meets_word(const poster *p, const rect *b)
{
	size_t x0, y0, x1, y1;
	cell_range(p, b, &x0, &y0, &x1, &y1);
	for (size_t y = y0; y <= y1; y++)
		for (size_t x = x0; x <= x1; x++)
			for (int e = p->cell[y * p->gw + x]; e >= 0; e = p->went_next[e])
				if (rects_meet(b, &p->words[p->went_word[e]]))
					return true;
	return false;
}

/* Whether b overlaps a word set so far by more than a small part of the
 * smaller of the two (a checker counts words as overlapping from 15 %). */
static bool overlaps_word(const poster *p, const rect *b)
{
	size_t x0, y0, x1, y1;
	cell_range(p, b, &x0, &y0, &x1, &y1);
	for (size_t y = y0; y <= y1; y++)
		for (size_t x = x0; x <= x1; x++)
			for (int e = p->cell[y * p->gw + x]; e >= 0; e = p->went_next[e]) {
				const rect *o = &p->words[p->went_word[e]];
				float ix = fminf(b->x + b->w, o->x + o->w) - fmaxf(b->x, o->x);
				float iy = fminf(b->y + b->h, o->y + o->h) - fmaxf(b->y, o->y);
				if (ix > 0 && iy > 0 && ix * iy > 0.08f * fminf(b->w * b->h, o->w * o->h))
					return true;
			}
	return false;
}

/* The boxes a text extractor gives the glyphs of r (wheel.h's model: each
 * glyph's box upright at its origin), each grown by pad; at most max. */
static size_t glyph_boxes(const poster *p, const wrun *r, rect *out, size_t max)
{
	double asc = p->m->ascent * r->size, desc = p->m->descent * r->size, pad = 0.03 * r->size + 0.15;
	size_t n = 0;
	double at = 0;
	for (size_t i = 0; i < r->len && n < max;) {
		size_t e = i + 1;
		while (e < r->len && ((unsigned char)r->s[e] & 0xC0) == 0x80)
			e++;
		double w = wheel_measure(p, r->st, r->size, r->s + i, e - i);
		if (r->s[i] != ' ') {
			rect x = wheel_text_part_box((point){r->x, r->y}, r->angle, at, at + w, asc, desc);
			out[n++] = (rect){(float)(x.x - pad), (float)(x.y - pad), (float)(x.w + 2 * pad), (float)(x.h + 2 * pad)};
		}
		at += w;
		i = e;
	}
	return n;
}

/* What an extractor reads of runs: as their glyphs (it splits a turned
 * run into pieces, each with the box of its glyphs); or, set as one span
 * (draw.h) of `lines` lines, as one word whose box is the union of its
 * glyphs'. A span is only for a text whose box stays its own: turned so
 * far that a checker does not count it (not upright: narrower than 0.8 of
 * its height), or lying so flat that its box is about its lines' height;
 * a slanting text's box would cover what lies beside it. */
int wheel_words(poster *p, const wrun *r, size_t n, bool check, int lines)
{
	enum { MAX = 512 };
	rect b[MAX];
	size_t nb = 0;
	float tall = 0;
	for (size_t i = 0; i < n && nb < MAX; i++) {
		size_t k = glyph_boxes(p, &r[i], b + nb, MAX - nb);
		for (size_t j = nb; j < nb + k; j++)
			tall = fmaxf(tall, b[j].h);
		nb += k;
	}
	if (lines && nb) {
		rect u = b[0];
		for (size_t i = 1; i < nb; i++) {
			float x1 = fmaxf(u.x + u.w, b[i].x + b[i].w), y1 = fmaxf(u.y + u.h, b[i].y + b[i].h);
			u.x = fminf(u.x, b[i].x);
			u.y = fminf(u.y, b[i].y);
			u.w = x1 - u.x;
			u.h = y1 - u.y;
		}
		bool upright = u.w >= 0.8f * u.h;
		if (upright && u.h > 1.5f * tall * (float)lines)
			return 0;   /* slanting: no span */
		b[0] = u;
		nb = upright;
	}
	for (size_t i = 0; check && i < nb; i++)
		if (overlaps_word(p, &b[i]))
			return 0;
	if (arena_grow(p->doc->arena, (void **)&p->words, &p->cap_words, p->n_words, p->n_words + nb, sizeof *p->words))
		return -1;
	for (size_t i = 0; i < nb; i++) {
		p->words[p->n_words] = b[i];
		if (file_word(p, p->n_words++))
			return -1;
	}
	return 1;
}

static bool rects_meet_any(const rect *a, size_t na, const rect *b, size_t nb)
{
	for (size_t i = 0; i < na; i++)
		for (size_t j = 0; j < nb; j++)
			if (rects_meet(&a[i], &b[j]))
				return true;
	return false;
}

int wheel_label_words(poster *p, const wrun *r, const size_t *ends, int lines, bool *span)
{
	enum { MAX = 256 };
	rect a[MAX], b[MAX];
	size_t na = 0, nb = 0, n = ends[lines - 1];
	for (size_t i = 0; i < ends[0] && na < MAX; i++)
		na += glyph_boxes(p, &r[i], a + na, MAX - na);
	for (int k = 1; k < lines; k++) {   /* each line keeps apart from the one before it */
		nb = 0;
		for (size_t i = ends[k - 1]; i < ends[k] && nb < MAX; i++)
			nb += glyph_boxes(p, &r[i], b + nb, MAX - nb);
		if (rects_meet_any(a, na, b, nb))
			return 0;
		memcpy(a, b, nb * sizeof *b);
		na = nb;
	}
	/* one span, read whole, where its box keeps clear; else in pieces */
	int rc = n > 1 ? wheel_words(p, r, n, true, lines) : 0;
	*span = rc != 0;
	return rc ? rc : wheel_words(p, r, n, true, 0);
}

bool wheel_rect_free(const poster *p, rect b) { return !meets_word(p, &b); }

bool wheel_spot_free(const poster *p, double t, double r, double clear)
{
	pbox probe = {r - clear, r + clear, t - clear / r, t + clear / r, BOX_LABEL, 0};
	const pfile *fs[2] = {&p->taken, &p->marks};
	for (int f = 0; f < 2; f++) {
		if (!fs[f]->n)
			continue;
		long first, last;
		box_buckets(&probe, &first, &last);
		for (long k = first; k <= last; k++)
			for (int e = fs[f]->bucket[bucket_of(k)]; e >= 0; e = fs[f]->next[e]) {
				const pbox *o = &fs[f]->boxes[fs[f]->box[e]];
				if (o->kind != BOX_QUARTER && overlaps(&probe, o))
					return false;
			}
	}
	point at = wheel_point(p->c, r, wheel_clock(p, t));
	rect b = {(float)(at.x - clear), (float)(at.y - clear), (float)(2 * clear), (float)(2 * clear)};
	return !meets_word(p, &b);
}
