/* wheel_list.c: the årshjul's dated list, A4 pages after the poster.
 *
 * The poster names a few dozen activities; this list names them all, with
 * every date, month by month in the wheel's order: one row per activity
 * and month, its dates in that month ("5., 12., 19. og 26.3."), its ring
 * (marker and letter, as on the wheel), its title, and under the title
 * who is responsible, how it repeats and which dates were moved off a day
 * off. A period that runs on past the year shows its dates outside the
 * year with the year. Before the months: the rings, this year's goals and
 * focus areas. Pages are laid out twice: first to count them, then to
 * draw them numbered "Side N af M". The dates are occur.h's, the ones the
 * poster and the .ics show. In the document's structure (draw.h) the list
 * is text: headings, and a list per month whose items are labelled by
 * their dates; footers, markers and repeated month headings are
 * artifacts. */
#include "aarshjul_int.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define A4_W 595.28f
#define A4_H 841.89f
#define MARGIN 42.5f   /* 15 mm */

#define MAX_LINES 24

/* A text set in lines: line i is s[at[2i]] on for at[2i + 1] bytes. The
 * breaks are kept with a row from the count to the drawing pass, so they
 * take the room the lines need (a fixed array of MAX_LINES per text made
 * a list of 5,000 activities hold 6.7 MB of them; issue 24). */
typedef struct para {
	const char *s;
	float x, w, size;
	font_style st;
	rgb col;
	size_t n;
	const unsigned *at;
} para;

typedef struct row {
	const witem *it;
	size_t k0, k1;       /* its occurrences k0..k1-1 begin in this month */
	int month;           /* 0..11 in the wheel's order */
	para date, title, more;   /* set once, drawn on either pass */
	float h;
} row;

typedef struct lister {
	poster *p;
	row *rows;
	size_t n_rows;
	float s, lh;         /* body size, line height */
	float date_w, mark_w;
	int pages, first_page, total;
	float y;
	bool draw;
} lister;

/* --- dates as text ---------------------------------------------------------------- */

/* A line being written into a buffer of its own; too long a line ends
 * where the buffer does, at a whole character. */
typedef struct sbuf {
	char s[1024];
	size_t n;
} sbuf;

static void put(sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void put(sbuf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int k = vsnprintf(b->s + b->n, sizeof b->s - b->n, fmt, ap);
	va_end(ap);
	b->n = k < 0 ? b->n : b->n + (size_t)k >= sizeof b->s ? sizeof b->s - 1 : b->n + (size_t)k;
	while (b->n && ((unsigned char)b->s[b->n] & 0xC0) == 0x80)
		b->n--;
	b->s[b->n] = '\0';
}

static int weekday0(long s) { long w = (s + 3) % 7; return (int)(w < 0 ? w + 7 : w); }

/* "5.3." (or "5." without the month), with the year when the day lies
 * outside the wheel's span. */
static void put_day(sbuf *b, const lister *l, long s, bool month)
{
	int y, m, d;
	cal_civil(s, &y, &m, &d);
	if (!wheel_contains(&l->p->g, s))
		put(b, "%d.%d.%d", d, m, y);
	else if (month)
		put(b, "%d.%d.", d, m);
	else
		put(b, "%d.", d);
}

static void put_occ(sbuf *b, const lister *l, const occur *x, bool month)
{
	put_day(b, l, x->start, month || x->end != x->start);
	if (x->end != x->start) {
		put(b, "\xE2\x80\x93");
		put_day(b, l, x->end, true);
	}
}

/* The dates of a row: "tor 5.3.", "15.3.–2.4.", "5., 12. og 19.3.". */
static const char *dates_text(const lister *l, const row *r)
{
	sbuf b = {.n = 0};
	const occur *o = r->it->occ;
	b.s[0] = '\0';
	if (r->k1 - r->k0 == 1 && o[r->k0].end == o[r->k0].start)
		put(&b, "%s ", l->p->tx.weekdays_short[weekday0(o[r->k0].start)]);
	for (size_t k = r->k0; k < r->k1; k++) {
		bool last = k + 1 == r->k1;
		if (k > r->k0 && last)
			put(&b, " %s ", l->p->tx.and_);
		else if (k > r->k0)
			put(&b, ", ");
		put_occ(&b, l, &o[k], last);
	}
	return arena_strndup(l->p->doc->arena, b.s, b.n);
}

/* Under the title: who, how it repeats, what was moved. */
static const char *details(const lister *l, const row *r)
{
	const witem *it = r->it;
	const wtexts *t = &l->p->tx;
	sbuf b = {.n = 0};
	b.s[0] = '\0';
	if (it->act->responsible && *it->act->responsible)
		put(&b, "%s: %s", t->responsible, it->act->responsible);
	if (it->rhythm)
		put(&b, "%s%s", b.n ? " \xC2\xB7 " : "", it->rhythm);
	for (size_t k = r->k0; k < r->k1; k++)
		if (it->occ[k].planned != it->occ[k].start) {
			put(&b, "%s%s ", b.n ? " \xC2\xB7 " : "", t->moved);
			put_day(&b, l, it->occ[k].planned, true);
		}
	return arena_strndup(l->p->doc->arena, b.s, b.n);
}

/* --- rows ------------------------------------------------------------------------- */

static int month_index(const poster *p, long s)
{
	int y, m, d;
	cal_civil(s, &y, &m, &d);
	return ((y - p->g.year) * 12 + m - p->g.start_month + 24) % 12;
}

static int by_month(const void *x, const void *y)
{
	const row *a = x, *b = y;
	if (a->month != b->month)
		return a->month - b->month;
	long fa = a->it->occ[a->k0].first, fb = b->it->occ[b->k0].first;
	if (fa != fb)
		return fa < fb ? -1 : 1;
	if (a->it->ring != b->it->ring)
		return a->it->ring < b->it->ring ? -1 : 1;
	return a->it->act->line - b->it->act->line;
}

static int make_rows(lister *l)
{
	poster *p = l->p;
	l->rows = arena_array(p->doc->arena, p->n_occ + 1, sizeof *l->rows);
	if (!l->rows)
		return -1;
	for (size_t i = 0; i < p->n_items; i++) {
		const witem *it = &p->items[i];
		for (size_t k = 0; k < it->n;) {
			size_t e = k + 1;
			int m = month_index(p, it->occ[k].first);
			while (e < it->n && month_index(p, it->occ[e].first) == m)
				e++;
			l->rows[l->n_rows++] = (row){.it = it, .k0 = k, .k1 = e, .month = m};
			k = e;
		}
	}
	qsort(l->rows, l->n_rows, sizeof *l->rows, by_month);
	return 0;
}

/* --- setting text ------------------------------------------------------------------ */

/* Breaks pa into lines; -1 when out of memory. */
static int para_wrap(const lister *l, para *pa)
{
	size_t starts[MAX_LINES], lens[MAX_LINES], rest;
	pa->n = pa->s && *pa->s ? wheel_wrap(l->p->m, pa->st, pa->size, pa->s, pa->w, starts, lens, MAX_LINES, &rest) : 0;
	pa->at = NULL;
	if (!pa->n)
		return 0;
	unsigned *at = arena_array(l->p->doc->arena, 2 * pa->n, sizeof *at);
	if (!at)
		return -1;
	for (size_t i = 0; i < pa->n; i++) {
		at[2 * i] = (unsigned)starts[i];
		at[2 * i + 1] = (unsigned)lens[i];
	}
	pa->at = at;
	return 0;
}

/* Draws the lines of pa from y, lh apart. A line that broke between words
 * ends in the space the break took, and with space_after so does the last
 * one: text extraction and the structure's text keep the words apart
 * (ISO 32000-1 §14.8.2.5); a space draws nothing. */
static int para_draw(lister *l, const para *pa, float y, float lh, bool space_after)
{
	for (size_t i = 0; i < pa->n; i++) {
		const char *s = pa->s + pa->at[2 * i];
		size_t len = pa->at[2 * i + 1];
		float w = wheel_measure(l->p, pa->st, pa->size, s, len);
		if (s[len] == ' ' && (i + 1 < pa->n || space_after))
			len++;
		else if (!s[len] && space_after && !(s = arena_printf(draw_page_arena(l->p->doc), "%.*s ", (int)len++, s)))
			return -1;
		wrun r = {s, len, pa->x, y + i * lh + l->p->m->ascent * pa->size, pa->size, w, 0, pa->st, false};
		if (wheel_push_run(l->p, &r, pa->col))
			return -1;
	}
	return 0;
}

/* --- structure, drawn with the second pass ------------------------------------------ */

static int tag(lister *l, draw_role role)
{
	return l->draw ? draw_tag_begin(l->p->doc, l->p->page, role, NULL) : 0;
}

static int tag_end(lister *l) { return l->draw ? draw_tag_end(l->p->doc, l->p->page, false) : 0; }

static int artifact(lister *l, draw_artifact kind)
{
	return l->draw ? draw_artifact_begin(l->p->doc, l->p->page, kind) : 0;
}

static int artifact_end(lister *l) { return l->draw ? draw_artifact_end(l->p->doc, l->p->page) : 0; }

/* --- pages -------------------------------------------------------------------------- */

static float bottom(const lister *l) { return A4_H - MARGIN - 2.2f * l->lh; }

static int footer(lister *l)
{
	poster *p = l->p;
	float size = 0.85f * l->s, y = A4_H - MARGIN;
	char num[96];
	snprintf(num, sizeof num, "%s %d %s %d", p->tx.page, l->first_page + l->pages, p->tx.page_of, l->total);
	const char *title = wheel_title(p);
	const char *left = title && p->wp->name ? arena_printf(p->doc->arena, "%s \xE2\x80\x93 %s", title, p->wp->name) : title;
	const char *right = arena_strdup(p->doc->arena, num);
	if (!left || !right)
		return -1;
	float rw = wheel_measure(p, FONT_REGULAR, size, right, strlen(right));
	para pa = {left, MARGIN, A4_W - 2 * MARGIN - rw - 2 * size, size, FONT_REGULAR, p->st.muted, 0, NULL};
	if (para_wrap(l, &pa))
		return -1;
	pa.n = pa.n > 1 ? 1 : pa.n;
	wrun r = {right, strlen(right), A4_W - MARGIN - rw, y, size, rw, 0, FONT_REGULAR, false};
	return artifact(l, ARTIFACT_FOOTER) || para_draw(l, &pa, y - p->m->ascent * size, 0, false) ||
	       wheel_push_run(p, &r, p->st.muted) || artifact_end(l);
}

static int new_page(lister *l)
{
	if (l->draw && l->pages && footer(l))
		return -1;
	l->pages++;
	l->y = MARGIN;
	if (!l->draw)
		return 0;
	l->p->page = draw_add_page(l->p->doc, A4_W, A4_H);
	return l->p->page ? 0 : -1;
}

/* Room for h more points on the page, starting a new one when needed. */
static int room(lister *l, float h)
{
	return l->y + h <= bottom(l) || l->y <= MARGIN ? 0 : new_page(l);
}

/* A heading of role, or a repeated one (ROLE_NONE): an artifact. */
static int heading(lister *l, const char *s, draw_role role, float size, bool keep_with, float next)
{
	poster *p = l->p;
	para pa = {s, MARGIN, A4_W - 2 * MARGIN, size, FONT_BOLD, wheel_readable(p->st.accent, p->st.paper, 4.5),
	           0, NULL};
	if (para_wrap(l, &pa))
		return -1;
	float lh = wheel_text_h(p, size) * 1.15f, h = pa.n * lh + 0.3f * l->lh;
	if (room(l, h + (keep_with ? next : 0)))
		return -1;
	if ((role ? tag(l, role) : artifact(l, ARTIFACT_PAGINATION)) || (l->draw && para_draw(l, &pa, l->y, lh, false)) ||
	    (role ? tag_end(l) : artifact_end(l)))
		return -1;
	l->y += h;
	return 0;
}

/* A row's texts, broken into lines once, and its height. */
static int row_measure(lister *l, row *r)
{
	poster *p = l->p;
	float x2 = MARGIN + l->date_w + l->mark_w, w2 = A4_W - MARGIN - x2;
	r->date = (para){dates_text(l, r), MARGIN, l->date_w - 0.6f * l->s, l->s, FONT_REGULAR, p->st.ink, 0, NULL};
	r->title = (para){r->it->act->title, x2, w2, l->s, FONT_BOLD, p->st.ink, 0, NULL};
	r->more = (para){details(l, r), x2, w2, 0.9f * l->s, FONT_REGULAR, p->st.muted, 0, NULL};
	if (!r->date.s || !r->more.s)
		return -1;
	if (para_wrap(l, &r->date) || para_wrap(l, &r->title) || para_wrap(l, &r->more))
		return -1;
	float mlh = wheel_text_h(p, r->more.size) * 1.15f;
	r->h = fmaxf(r->date.n * l->lh, r->title.n * l->lh + r->more.n * mlh) + 0.45f * l->lh;
	return 0;
}

static int row_set(lister *l, const row *r)
{
	poster *p = l->p;
	const wring *g = &p->rings[r->it->ring];
	float x1 = MARGIN + l->date_w, mlh = wheel_text_h(p, r->more.size) * 1.15f;
	if (room(l, r->h))
		return -1;
	if (l->draw) {
		/* an item labelled by its dates and its ring's letter */
		float cy = l->y + 0.55f * l->lh;
		wrun letter = {g->letter, strlen(g->letter), x1 + 1.0f * l->s, l->y + p->m->ascent * l->s, l->s, 0, 0, FONT_BOLD, false};
		if (tag(l, ROLE_LI) || tag(l, ROLE_LBL) || para_draw(l, &r->date, l->y, l->lh, true) ||
		    artifact(l, ARTIFACT_LAYOUT) ||
		    wheel_marker(p, g->shape, (point){x1 + 0.45f * l->s, cy}, 0.36 * l->s, g->mark) ||
		    artifact_end(l) || wheel_push_run(p, &letter, wheel_readable(g->ink, p->st.paper, 4.5)) ||
		    tag_end(l) || tag(l, ROLE_LBODY) || para_draw(l, &r->title, l->y, l->lh, r->more.n > 0) ||
		    para_draw(l, &r->more, l->y + r->title.n * l->lh, mlh, false) || tag_end(l) || tag_end(l))
			return -1;
	}
	l->y += r->h;
	return 0;
}

/* The rings, goals and focus areas before the months. */
static int front(lister *l)
{
	poster *p = l->p;
	const am_workplace *wp = p->wp;
	const char *head = wheel_title(p);
	char *title = head ? arena_printf(p->doc->arena, "%s: %s", head, p->tx.list) : NULL;
	if (!title || heading(l, title, ROLE_H1, 1.8f * l->s, false, 0))
		return -1;
	if (wp->name && heading(l, wp->name, ROLE_P, 1.2f * l->s, false, 0))
		return -1;
	l->y += 0.5f * l->lh;
	for (int k = 0; k < 2; k++) {
		size_t n = k ? wp->n_focus : wp->n_goals;
		if (!n)
			continue;
		if (heading(l, k ? p->tx.focus : p->tx.goals, ROLE_H2, 1.25f * l->s, true, 2 * l->lh) || tag(l, ROLE_L))
			return -1;
		for (size_t i = 0; i < n; i++) {
			const char *s = k ? wp->focus[i].title : wp->goals[i].title;
			if (k && wp->focus[i].description && *wp->focus[i].description)
				s = arena_printf(p->doc->arena, "%s \xE2\x80\x93 %s", s, wp->focus[i].description);
			para pa = {s, MARGIN + l->s, A4_W - 2 * MARGIN - l->s, l->s, FONT_REGULAR, p->st.ink, 0, NULL};
			if (!s || para_wrap(l, &pa))
				return -1;
			if (room(l, pa.n * l->lh) || tag(l, ROLE_LI) || tag(l, ROLE_LBODY) ||
			    (l->draw && para_draw(l, &pa, l->y, l->lh, false)) || tag_end(l) || tag_end(l))
				return -1;
			l->y += pa.n * l->lh + 0.25f * l->lh;
		}
		if (tag_end(l))
			return -1;
		l->y += 0.5f * l->lh;
	}
	return 0;
}

/* "Marts 2026", or continued on a new page "Marts 2026 (fortsat)". */
static const char *month_name(const lister *l, int month, bool continued)
{
	const poster *p = l->p;
	int m = (p->g.start_month - 1 + month) % 12 + 1, y = p->g.year + (p->g.start_month - 1 + month) / 12;
	char *s = arena_printf(p->doc->arena, "%s %d%s%s", p->o->months[m - 1], y, continued ? " " : "",
	                       continued ? p->tx.list_continued : "");
	if (s && *s >= 'a' && *s <= 'z')   /* month names are written in lower case */
		*s = (char)(*s - 'a' + 'A');
	return s;
}

static int months(lister *l)
{
	int month = -1;
	for (size_t i = 0; i < l->n_rows; i++) {
		const row *r = &l->rows[i];
		float h = r->h;
		const char *name = NULL;
		bool head = r->month != month, again = false;
		if (head) {
			l->y += month < 0 ? 0 : 0.4f * l->lh;
			name = month_name(l, r->month, false);
			if (month >= 0 && tag_end(l))   /* the month before's list */
				return -1;
		} else if (l->y + h > bottom(l) && l->y > MARGIN) {
			if (new_page(l))
				return -1;
			name = month_name(l, r->month, true);
			head = again = true;
		}
		month = r->month;
		if (head && (!name || heading(l, name, again ? ROLE_NONE : ROLE_H2, 1.3f * l->s, true, h)))
			return -1;
		if (head && !again && tag(l, ROLE_L))
			return -1;
		if (row_set(l, r))
			return -1;
	}
	return month >= 0 ? tag_end(l) : 0;
}

static int pass(lister *l, bool draw)
{
	l->draw = draw;
	l->pages = 0;
	if (new_page(l) || front(l) || months(l))
		return -1;
	return draw ? footer(l) : 0;
}

int aarshjul_draw_list(draw_doc *doc, const am_workplace *wp, const aarshjul_opts *o, diag *d)
{
	int rc = wheel_check_opts(o, d);
	if (rc || o->blank || !wp || !wp->wheel.n_activities)
		return rc;
	poster p = {.doc = doc, .o = o, .m = o->measurer, .wp = wp, .d = d};
	rc = wheel_read_layout(o, doc->arena, &p.st, &p.tx, d);
	if (rc)
		return rc;
	if (wheel_start(&p))
		return diag_oom(d, NULL);
	if (!p.n_items)
		return AM_OK;
	lister l = {.p = &p, .s = p.st.list_size, .first_page = (int)draw_page_count(doc)};
	l.lh = wheel_text_h(&p, l.s) * 1.2f;
	static const char widest[] = "28.12.2025\xE2\x80\x93" "31.12.";
	l.date_w = wheel_measure(&p, FONT_REGULAR, l.s, widest, sizeof widest - 1) + 1.2f * l.s;
	l.mark_w = 2.2f * l.s;
	if (make_rows(&l))
		return diag_oom(d, NULL);
	for (size_t i = 0; i < l.n_rows; i++)
		if (row_measure(&l, &l.rows[i]))
			return diag_oom(d, NULL);
	if (pass(&l, false))
		return diag_oom(d, NULL);
	l.total = l.first_page + l.pages;
	if (pass(&l, true))   /* out of memory, or the renderer failed (streamed) */
		return doc->sink_rc ? doc->sink_rc : diag_oom(d, NULL);
	return AM_OK;
}
