/* aarshjul.c: the årshjul poster; see aarshjul.h and aarshjul_int.h.
 *
 * Passes: read the layout's texts and style → the format and its type
 * sizes → the activities with occurrences in the year (occur.h) → the
 * poster's halves (wheel and panel) → the wheel's bands: months, weeks,
 * one ring per kind of activity with a marker line and as many label
 * tracks as room and need allow, the centre → labels (wheel_place.c) →
 * the panel, a smaller wheel when it does not fit → paint. */
#include "aarshjul_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The least label size each format allows: what an AMO reads from two
 * metres on A2 and larger, from one on A3. */
static const float MIN_LABEL[FMTS] = {12, 18, 24, 24};

/* --- the activities ------------------------------------------------------- */

/* "hver måned", "hver måned, 1. fredag", or NULL when a does not repeat. */
static const char *rhythm_of(poster *p, const am_activity *a)
{
	if (a->repeat == REPEAT_NONE)
		return NULL;
	const char *r = p->tx.repeat[a->repeat];
	if (a->when != WHEN_DATE || a->on == ON_DAY)
		return r;
	int wd, n = occur_nth_weekday(a, &wd);
	return arena_printf(p->doc->arena, "%s, %s %s", r, p->tx.nth[n < 0 ? 4 : n - 1], p->tx.weekdays[wd - 1]);
}

static int add_item(poster *p, const am_activity *a, size_t ring, const occur *occ, size_t n)
{
	witem *it = &p->items[p->n_items];
	memset(it, 0, sizeof *it);
	occur *copy = arena_array(p->doc->arena, n, sizeof *copy);
	if (!copy)
		return -1;
	memcpy(copy, occ, n * sizeof *copy);
	it->act = a;
	it->ring = ring;
	it->occ = copy;
	it->n = n;
	for (size_t i = 0; i < n; i++)
		it->period |= occ[i].end > occ[i].start;
	const am_date *md = p->wp ? &p->wp->meeting.date : NULL;
	long meeting = md && md->y ? cal_serial(md->y, md->m, md->d) : -1;
	it->key = a->derived || (n == 1 && occ[0].first == meeting && occ[0].last == meeting);
	it->rhythm = n > 1 ? rhythm_of(p, a) : NULL;
	/* the wheel says how often ("hver måned"), the list on which day */
	const char *often = n > 1 && a->repeat != REPEAT_NONE ? p->tx.repeat[a->repeat] : NULL;
	it->label = often ? arena_printf(p->doc->arena, "%s (%s)", a->title, often) : a->title;
	if (!it->label || (n > 1 && a->repeat != REPEAT_NONE && !it->rhythm))
		return -1;
	p->n_items++;
	p->n_occ += n;
	p->rings[ring].items++;
	p->rings[ring].keys += it->key;
	return 0;
}

int wheel_items(poster *p)
{
	const am_wheel *w = p->wp ? &p->wp->wheel : NULL;
	if (!w || p->blank || !w->n_activities)
		return 0;
	p->items = arena_array(p->doc->arena, w->n_activities, sizeof *p->items);
	if (!p->items)
		return -1;
	long last = p->g.first + p->g.days - 1;
	for (size_t i = 0; i < w->n_activities; i++) {
		const am_activity *a = &w->activities[i];
		size_t ring = a->ring && w->n_rings ? (size_t)(a->ring - w->rings) : 0;
		occur occ[OCCUR_MAX];
		size_t n = occur_expand(a, w, p->g.first, last, occ, OCCUR_MAX);
		if (n && add_item(p, a, ring < p->n_rings ? ring : 0, occ, n))
			return -1;
	}
	return 0;
}

/* --- rings ------------------------------------------------------------------ */

static int make_rings(poster *p)
{
	const am_wheel *w = p->wp && !p->blank ? &p->wp->wheel : NULL;
	size_t n = w && w->n_rings ? w->n_rings : p->write_in ? (size_t)p->st.blank_rings : 1;
	p->rings = arena_array(p->doc->arena, n, sizeof *p->rings);
	if (!p->rings)
		return -1;
	p->n_rings = n;
	static const unsigned blank_colours[12] = {0x1F5C7A, 0xB0306A, 0xE07B39, 0x4F8A3C, 0x7D5BA6, 0x2E9C9C,
	                                           0xB5654A, 0x5A6F8C, 0x9C9C2E, 0xC06090, 0x3C7D5A, 0x8C6E3C};
	for (size_t i = 0; i < n; i++) {
		wring *r = &p->rings[i];
		r->name = w && w->n_rings ? w->rings[i].name : "";
		r->colour = wheel_hex(w && w->n_rings ? w->rings[i].colour : blank_colours[i % 12]);
		r->tint = wheel_mix(r->colour, p->st.paper, p->st.tint);
		r->ink = wheel_readable(wheel_mix(r->colour, p->st.ink, 0.45f), r->tint, 4.5);
		r->mark = wheel_readable(r->colour, r->tint, 3.0);
		r->shape = (int)(i % 12);
		r->letter[0] = (char)('A' + i % 26);
	}
	return 0;
}

/* --- geometry --------------------------------------------------------------- */

static int format_of(const draw_page *pg, rect area)
{
	float s = pg ? fminf(pg->width, pg->height) : fminf(area.w, area.h);
	return s < 1000 ? FMT_A3 : s < 1440 ? FMT_A2 : s < 2040 ? FMT_A1 : FMT_A0;
}

static void set_sizes(poster *p)
{
	p->Lmin = MIN_LABEL[p->fmt];
	p->L = fmaxf(p->st.label[p->fmt], p->Lmin);
	p->month = p->L * p->st.month_scale;
	p->week = p->L * p->st.week_scale;
	p->title = p->L * p->st.title_scale;
}

static float marker_r(const poster *p) { return 0.34f * p->L; }
static float track_h(const poster *p) { return wheel_text_h(p, p->L) * 1.06f; }
static float ring_min(const poster *p) { return 0.35f * p->L + 2 * marker_r(p); }

/* Wheel and panel: stacked in portrait, side by side in landscape; the
 * wheel's diameter times shrink. */
static void split_area(poster *p, double shrink)
{
	rect b = p->area;
	if (p->o->footer)
		b.h -= wheel_text_h(p, p->L * 0.6f) * 1.6f;
	float gap = 1.2f * p->L;
	double D;
	if (b.h >= b.w) {
		D = fmin(b.w, b.h * 0.72) * shrink;
		p->c = (point){b.x + b.w / 2, (float)(b.y + D / 2)};
		p->panel = (rect){b.x, (float)(b.y + D + gap), b.w, (float)(b.h - D - gap)};
		p->beside = (rect){b.x, b.y, b.w, (float)D};
	} else {
		D = fmin(b.h, b.w - 1.5 * gap - 17 * p->L * p->st.panel_scale) * shrink;   /* the panel: 17 ems */
		p->c = (point){(float)(b.x + D / 2), b.y + b.h / 2};
		p->panel = (rect){(float)(b.x + D + 1.5 * gap), b.y, (float)(b.w - D - 1.5 * gap), b.h};
		p->beside = (rect){b.x, b.y, (float)D, b.h};
	}
	p->R = D / 2 - 0.1 * p->L;
}

/* Label tracks for the rings, one at a time to the ring that wants one
 * most: rings with activities first, by how many each has per track
 * (once every ring with activities has a track, an inner ring's count
 * weighs up to twice as much: its circle is shorter, its names need more
 * lines, and a third track lets them wrap in three); a
 * ring with a key activity gets two before any other gets its second, as
 * a long name may need two lines, and a third once every ring with
 * activities has one (the annual discussion's name, straight across a
 * turn of the text, needs the depth of three on an inner ring). */
static void share_tracks(poster *p, int tracks)
{
	for (size_t i = 0; i < p->n_rings; i++)
		p->rings[i].tracks = p->write_in ? tracks / (int)p->n_rings : 0;
	if (p->write_in)
		return;
	while (tracks > 0) {
		size_t best = p->n_rings;
		double want = 0;
		bool each = true;   /* every ring with activities has a track */
		for (size_t i = 0; i < p->n_rings; i++)
			each = each && (p->rings[i].tracks || !p->rings[i].items);
		for (size_t i = 0; i < p->n_rings; i++) {
			const wring *r = &p->rings[i];
			double w = r->tracks >= 3 ? 0 : (double)r->items / (r->tracks + 1) / (r->tracks + 1) * (each ? 1 + (double)i / p->n_rings : 1);
			if (r->keys && (r->tracks == 1 || (r->tracks == 2 && each)))
				w = fmax(w, (double)r->items + 1);
			if (w > want) {
				want = w;
				best = i;
			}
		}
		if (best == p->n_rings)
			break;
		p->rings[best].tracks++;
		tracks--;
	}
}

/* The bands from the outside in; rings share what the centre leaves. */
static void bands(poster *p)
{
	p->month_r0 = p->R - p->month * 1.85;
	p->week_r0 = p->month_r0 - wheel_text_h(p, p->week) * 1.7;
	p->rings_out = p->week_r0 - 0.12 * p->L;
	const char *title = wheel_title(p);
	float tw = title ? wheel_measure(p, FONT_BOLD, p->title, title, strlen(title)) : 0;
	double base = (double)p->n_rings * ring_min(p);
	p->rc = fmax(p->blank ? 0.3 * p->R : 0.16 * p->R, tw / 2 + 0.6 * p->L);
	if (p->rings_out - p->rc < base)   /* a smaller centre, its title shrinks */
		p->rc = fmax(0.06 * p->R, p->rings_out - base);
	double zone = p->rings_out - p->rc, th = track_h(p);
	int tracks = (int)fmax(0, (zone - base - 0.3 * p->L * p->n_rings) / th);
	share_tracks(p, tracks);
	double used = 0;
	for (size_t i = 0; i < p->n_rings; i++)
		used += ring_min(p) + (p->rings[i].tracks ? p->rings[i].tracks * th + 0.3 * p->L : 0);
	double spare = fmax(0, zone - used) / (double)p->n_rings, r1 = p->rings_out;
	for (size_t i = 0; i < p->n_rings; i++) {
		wring *g = &p->rings[i];
		double width = ring_min(p) + (g->tracks ? g->tracks * th + 0.3 * p->L : 0) + spare;
		g->r1 = r1;
		g->r0 = fmax(p->rc, r1 - width);
		g->rm = g->r0 + 0.2 * p->L + marker_r(p);
		g->t0 = g->rm + marker_r(p) + 0.3 * p->L;
		r1 = g->r0;
	}
}

/* --- the poster --------------------------------------------------------------- */

int wheel_check_opts(const aarshjul_opts *o, diag *d)
{
	if (!o || !o->measurer || !o->measurer->fn || !o->text) {
		diag_error(d, NULL, 0, "aarshjul: no text measurer or layout texts");
		return AM_EUSAGE;
	}
	for (int i = 0; i < 12; i++)
		if (!o->months[i]) {
			diag_error(d, NULL, 0, "aarshjul: month name %d missing", i + 1);
			return AM_EUSAGE;
		}
	return AM_OK;
}

int wheel_start(poster *p)
{
	const am_wheel *w = p->wp && !p->blank ? &p->wp->wheel : NULL;
	int year = w && w->year ? w->year : p->o->year;
	p->no_year = p->blank && !year;
	wheel_init(&p->g, year ? year : 2001, w && w->start_month ? w->start_month : 1, 0);
	if (make_rings(p) || wheel_items(p))
		return -1;
	return 0;
}

/* The largest wheel beside which the panel fits, shrinking it a little
 * at a time; when none does, the largest, and goals and focus areas by
 * their titles. Then its bands and labels. Returns -1 when out of memory. */
static int lay_out(poster *p)
{
	int fits = 0;
	for (int tries = 0; tries < 4 && !fits; tries++) {
		split_area(p, 1 - 0.06 * tries);
		p->rc = 0.16 * p->R;   /* the panel does not depend on the bands */
		if ((fits = wheel_panel(p, false)) < 0)
			return -1;
	}
	if (!fits) {
		p->panel_shortened = true;
		split_area(p, 1);
	}
	bands(p);
	return wheel_place(p);
}

static int draw_footer(poster *p)
{
	const char *foot = p->o->footer;
	if (!foot)
		return 0;
	float size = p->L * 0.6f;
	draw_cmd c = {.kind = DRAW_TEXT};
	c.u.text.x = p->area.x;
	c.u.text.y = p->area.y + p->area.h - p->m->descent * size - 1;
	c.u.text.size = size;
	c.u.text.style = FONT_REGULAR;
	c.u.text.colour = p->st.muted;
	c.u.text.utf8 = foot;
	return draw_push(p->doc, p->page, &c) ? 0 : -1;
}

static void fill_stats(const poster *p, aarshjul_stats *st)
{
	*st = (aarshjul_stats){.activities = p->n_items, .occurrences = p->n_occ, .labelled = p->labelled,
	                       .radius = (float)p->R, .label_size = p->L, .min_label_size = p->Lmin,
	                       .name_shortened = p->name_shortened, .panel_shortened = p->panel_shortened};
}

int aarshjul_draw(draw_doc *doc, draw_page *page, rect area, const am_workplace *wp,
                  const aarshjul_opts *o, diag *d)
{
	int rc = wheel_check_opts(o, d);
	if (rc)
		return rc;
	/* The area spans the page between equal side margins: a poster printed
	 * at another size than its layout's gets the width of the page it is on. */
	if (page && page->width > 2 * area.x)
		area.w = page->width - 2 * area.x;
	poster p = {.doc = doc, .page = page, .o = o, .m = o->measurer, .wp = wp, .d = d, .area = area,
	            .blank = o->blank,
	            .write_in = o->blank || !wp || (!wp->wheel.n_rings && !wp->wheel.n_activities)};
	rc = wheel_read_layout(o, doc->arena, &p.st, &p.tx, d);
	if (rc)
		return rc;
	p.fmt = format_of(page, area);
	set_sizes(&p);
	if (wheel_start(&p))
		return diag_oom(d, NULL);
	if (lay_out(&p))
		return diag_oom(d, NULL);
	/* The poster is a figure; its alternative text says what it shows. */
	const char *alt = wheel_alt(&p, &rc);
	if (rc)
		return rc;
	if (!alt || draw_figure_begin(doc, page, NULL, alt) || wheel_paint(&p) || wheel_panel(&p, true) < 0 ||
	    draw_footer(&p) || draw_tag_end(doc, page, false) || p.oom)
		return diag_oom(d, NULL);
	if (o->stats)
		fill_stats(&p, o->stats);
	return AM_OK;
}
