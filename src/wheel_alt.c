/* wheel_alt.c: the årshjul poster in words, for readers who do not see it.
 *
 * The poster is one figure in the document's structure (issue 22); this
 * is its alternative text, made from the same model the wheel is drawn
 * from: what the wheel is, its rings by letter and name, then month by
 * month in the wheel's order the activities with their days, as many as
 * a listener can follow (ALT_PER_MONTH; the dated list after the poster
 * has them all, and the text says so). Every word comes from the layout
 * (keys "wheel-alt…", with {name} placeholders), like everything the
 * poster prints. */
#include "aarshjul_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bytes.h"

#define ALT_PER_MONTH 25

/* The layout's text for key; "" with a diag record when it has none. */
static const char *alt_text(poster *p, const char *key, int *rc)
{
	const char *s = p->o->text(p->o->text_ctx, key);
	if (!s && !*rc) {
		diag_error(p->d, NULL, 0, "årshjul: the layout has no text '%s'", key);
		*rc = AM_EINPUT;
	}
	return s ? s : "";
}

/* tmpl with each "{name}" of names replaced by its value (n pairs). */
static void fill(bytes *b, const char *tmpl, const char *const *names, const char *const *values, size_t n)
{
	for (const char *s = tmpl; *s;) {
		size_t k = 0;
		if (*s == '{')
			for (; k < n; k++)
				if (strncmp(s + 1, names[k], strlen(names[k])) == 0 && s[1 + strlen(names[k])] == '}')
					break;
		if (*s != '{' || k == n) {
			bytes_putc(b, (unsigned char)*s++);
			continue;
		}
		bytes_puts(b, values[k]);
		s += strlen(names[k]) + 2;
	}
}

static void put_upper_first(bytes *b, const char *s)
{
	if (*s >= 'a' && *s <= 'z') {   /* month names are written in lower case */
		bytes_putc(b, (unsigned char)(*s - 'a' + 'A'));
		s++;
	}
	bytes_puts(b, s);
}

static int month_of(const poster *p, long serial)
{
	int y, m, d;
	cal_civil(serial, &y, &m, &d);
	return ((y - p->g.year) * 12 + m - p->g.start_month + 24) % 12;
}

/* "5.", or "15.3.–2.4." for a period. */
static void put_days(bytes *b, const occur *o)
{
	int y, m, d, y2, m2, d2;
	char buf[48];
	cal_civil(o->start, &y, &m, &d);
	if (o->end == o->start) {
		snprintf(buf, sizeof buf, "%d.", d);
	} else {
		cal_civil(o->end, &y2, &m2, &d2);
		snprintf(buf, sizeof buf, "%d.%d.\xE2\x80\x93%d.%d.", d, m, d2, m2);
	}
	bytes_puts(b, buf);
}

/* "Teammøde (B) 7., 14., 21. og 28.": item it's occurrences in month. */
static void put_item(bytes *b, const poster *p, const witem *it, int month)
{
	bytes_puts(b, it->act->title);
	bytes_puts(b, " (");
	bytes_puts(b, p->rings[it->ring].letter);
	bytes_puts(b, ")");
	size_t n = 0, total = 0;
	for (size_t k = 0; k < it->n; k++)
		total += month_of(p, it->occ[k].first) == month;
	for (size_t k = 0; k < it->n; k++) {
		if (month_of(p, it->occ[k].first) != month)
			continue;
		if (n == 0 || n + 1 < total) {
			bytes_puts(b, n ? ", " : " ");
		} else {
			bytes_putc(b, ' ');
			bytes_puts(b, p->tx.and_);
			bytes_putc(b, ' ');
		}
		put_days(b, &it->occ[k]);
		n++;
	}
}

/* An activity with days in a month, by its first day there. */
typedef struct alt_row { size_t item; long first; } alt_row;

static int by_first(const void *x, const void *y)
{
	const alt_row *a = x, *b = y;
	if (a->first != b->first)
		return a->first < b->first ? -1 : 1;
	return a->item < b->item ? -1 : a->item > b->item;
}

/* The months in the wheel's order, each with its activities by their
 * first day in it, the first ALT_PER_MONTH of them named. rows has room
 * for every item. */
static void months(bytes *b, poster *p, alt_row *rows, const char *none, const char *more)
{
	for (int m = 0; m < 12; m++) {
		int cal = (p->g.start_month - 1 + m) % 12;
		bytes_putc(b, ' ');
		put_upper_first(b, p->o->months[cal]);
		if (p->g.start_month != 1) {
			char y[16];
			snprintf(y, sizeof y, " %d", p->g.year + (p->g.start_month - 1 + m) / 12);
			bytes_puts(b, y);
		}
		bytes_puts(b, ": ");
		size_t n = 0;
		for (size_t i = 0; i < p->n_items; i++)
			for (size_t k = 0; k < p->items[i].n; k++)
				if (month_of(p, p->items[i].occ[k].first) == m) {
					rows[n++] = (alt_row){i, p->items[i].occ[k].first};
					break;
				}
		qsort(rows, n, sizeof *rows, by_first);
		for (size_t i = 0; i < n && i < ALT_PER_MONTH; i++) {
			if (i)
				bytes_puts(b, "; ");
			put_item(b, p, &p->items[rows[i].item], m);
		}
		if (n > ALT_PER_MONTH) {
			char left[24];
			snprintf(left, sizeof left, "%zu", n - ALT_PER_MONTH);
			bytes_puts(b, "; ");
			fill(b, more, (const char *const[]){"n"}, (const char *const[]){left}, 1);
		}
		if (!n)
			bytes_puts(b, none);
		if (b->n && b->p[b->n - 1] != '.')   /* a date ends in one already */
			bytes_putc(b, '.');
	}
}

const char *wheel_alt(poster *p, int *rc)
{
	*rc = AM_OK;
	const char *intro = alt_text(p, p->blank ? "wheel-alt-blank" : "wheel-alt", rc);
	const char *rings = alt_text(p, "wheel-alt-rings", rc);
	const char *none = alt_text(p, "wheel-alt-none", rc);
	const char *more = alt_text(p, "wheel-alt-more", rc);
	const char *title = wheel_title(p);
	if (*rc || !title)
		return NULL;
	bytes b = {0};
	char n_rings[16];
	snprintf(n_rings, sizeof n_rings, "%zu", p->n_rings);
	const char *workplace = p->wp && p->wp->name ? p->wp->name : p->tx.blank_workplace;
	const char *first = p->o->months[p->g.start_month - 1];
	fill(&b, intro, (const char *const[]){"title", "workplace", "rings", "first"},
	     (const char *const[]){title, workplace, n_rings, first}, 4);
	if (!p->blank) {
		bytes_putc(&b, ' ');
		bytes_puts(&b, rings);
		for (size_t i = 0; i < p->n_rings; i++) {
			bytes_puts(&b, i ? ", " : " ");
			bytes_puts(&b, p->rings[i].letter);
			bytes_putc(&b, ' ');
			bytes_puts(&b, p->rings[i].name);
		}
		bytes_putc(&b, '.');
		alt_row *rows = arena_array(p->doc->arena, p->n_items + 1, sizeof *rows);
		if (!rows) {
			bytes_free(&b);
			return NULL;
		}
		months(&b, p, rows, none, more);
		if (p->n_items) {
			bytes_putc(&b, ' ');
			bytes_puts(&b, p->tx.list_note);
		}
	}
	bytes_putc(&b, '\0');
	const char *s = b.oom ? NULL : arena_strdup(p->doc->arena, (const char *)b.p);
	bytes_free(&b);
	return s;
}
