/* wheel_style.c: the årshjul's words, colours and sizes, read from the
 * message catalogs (layouts/messages/) and layouts/aarshjul-style.xml (keys
 * "wheel-…"), so an organisation restyles the poster without recompiling;
 * and the contrast arithmetic that keeps its text readable (WCAG 2). */
#include "aarshjul_int.h"

#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

rgb wheel_mix(rgb a, rgb b, float t)
{
	return (rgb){a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t};
}

rgb wheel_hex(unsigned v)
{
	return (rgb){((v >> 16) & 255) / 255.0f, ((v >> 8) & 255) / 255.0f, (v & 255) / 255.0f};
}

static double channel(float c)
{
	return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

static double luminance(rgb c)
{
	return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}

double wheel_contrast(rgb a, rgb b)
{
	double la = luminance(a), lb = luminance(b);
	return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}

rgb wheel_readable(rgb fg, rgb bg, double ratio)
{
	rgb towards = luminance(bg) > 0.18 ? (rgb){0, 0, 0} : (rgb){1, 1, 1};
	for (int i = 0; i < 20 && wheel_contrast(fg, bg) < ratio; i++)
		fg = wheel_mix(fg, towards, 0.15f);
	return wheel_contrast(fg, bg) < ratio ? towards : fg;
}

/* --- reading the layout --------------------------------------------------- */

typedef struct reader {
	const aarshjul_opts *o;
	arena *a;
	diag *d;
	int rc;
} reader;

static const char *text(reader *r, const char *key)
{
	const char *s = r->o->text(r->o->text_ctx, key);
	if (!s && !r->rc) {
		diag_error(r->d, NULL, 0, "årshjul: the layout has no text '%s'", key);
		r->rc = AM_EINPUT;
	}
	return s ? s : "";
}

static void bad(reader *r, const char *key, const char *value, const char *want)
{
	if (!r->rc)
		diag_error(r->d, NULL, 0, "årshjul: the layout's '%s' is '%s'; expected %s", key, value, want);
	r->rc = AM_EINPUT;
}

static rgb colour(reader *r, const char *key)
{
	const char *s = text(r, key);
	char *end;
	unsigned long v = s[0] == '#' && strlen(s) == 7 ? strtoul(s + 1, &end, 16) : 0;
	if (s[0] != '#' || strlen(s) != 7 || *end)
		bad(r, key, s, "a colour #RRGGBB");
	return wheel_hex((unsigned)v);
}

static float number(reader *r, const char *key, float lo, float hi)
{
	const char *s = text(r, key);
	char *end;
	double v = strtod(s, &end);
	if (end == s || *end || !(v >= lo && v <= hi)) {
		char want[64];
		snprintf(want, sizeof want, "a number from %g to %g", lo, hi);
		bad(r, key, s, want);
		return lo;
	}
	return (float)v;
}

/* Splits a copy of key's text at spaces into exactly n words. */
static void words(reader *r, const char *key, const char **out, size_t n)
{
	const char *s = text(r, key);
	char *copy = arena_strdup(r->a, s);
	size_t k = 0;
	for (char *p = copy; p && *p && k <= n;) {
		while (*p == ' ')
			p++;
		if (!*p)
			break;
		char *e = strchr(p, ' ');
		if (e)
			*e = '\0';
		if (k < n)
			out[k] = p;
		k++;
		p = e ? e + 1 : NULL;
	}
	if (!copy) {
		r->rc = AM_EINTERNAL;
		return;
	}
	if (k != n) {
		char want[48];
		snprintf(want, sizeof want, "%zu words", n);
		bad(r, key, s, want);
		for (size_t i = 0; i < n; i++)
			out[i] = "";
	}
}

/* "A3:12 A2:18 A1:24 A0:32", every format once. */
static void sizes(reader *r, const char *key, float out[FMTS])
{
	static const char *const names[FMTS] = {"A3", "A2", "A1", "A0"};
	const char *w[FMTS];
	words(r, key, w, FMTS);
	for (int i = 0; i < FMTS; i++) {
		char *end;
		double v = strncmp(w[i], names[i], 2) == 0 && w[i][2] == ':' ? strtod(w[i] + 3, &end) : 0;
		if (!(v >= 4 && v <= 200) || *end) {
			bad(r, key, text(r, key), "A3:N A2:N A1:N A0:N with sizes in points");
			v = 12;
		}
		out[i] = (float)v;
	}
}

/* The style's colours, in the order they are read (and reported). */
static const struct { const char *key; size_t at; } colours[] = {
	{"wheel-style-month-a", offsetof(wstyle, month_a)},
	{"wheel-style-month-b", offsetof(wstyle, month_b)},
	{"wheel-style-month-text", offsetof(wstyle, month_text)},
	{"wheel-style-week-band", offsetof(wstyle, week_band)},
	{"wheel-style-week-text", offsetof(wstyle, week_text)},
	{"wheel-style-ink", offsetof(wstyle, ink)},
	{"wheel-style-muted", offsetof(wstyle, muted)},
	{"wheel-style-accent", offsetof(wstyle, accent)},
	{"wheel-style-centre", offsetof(wstyle, centre)},
	{"wheel-style-paper", offsetof(wstyle, paper)},
};

static void read_style(reader *r, wstyle *st)
{
	for (size_t i = 0; i < sizeof colours / sizeof colours[0]; i++)
		*(rgb *)((char *)st + colours[i].at) = colour(r, colours[i].key);
	st->tint = number(r, "wheel-style-tint", 0.5f, 0.97f);
	sizes(r, "wheel-style-label", st->label);
	st->month_scale = number(r, "wheel-style-month-scale", 1.1f, 4);
	st->title_scale = number(r, "wheel-style-title-scale", 1, 6);
	st->week_scale = number(r, "wheel-style-week-scale", 0.4f, 1.5f);
	st->panel_scale = number(r, "wheel-style-panel-scale", 0.5f, 2);
	st->list_size = number(r, "wheel-style-list-size", 7, 16);
	st->max_labels = (int)number(r, "wheel-style-max-labels", 0, 500);
	st->blank_rings = (int)number(r, "wheel-style-blank-rings", 1, 12);
}

/* The årshjul's words of one key each, in the order they are read. */
static const struct { const char *key; size_t at; } texts[] = {
	{"wheel-title", offsetof(wtexts, title)},
	{"wheel-legend", offsetof(wtexts, legend)},
	{"wheel-week", offsetof(wtexts, week)},
	{"wheel-quarter", offsetof(wtexts, quarter)},
	{"wheel-goals", offsetof(wtexts, goals)},
	{"wheel-focus", offsetof(wtexts, focus)},
	{"wheel-key", offsetof(wtexts, key)},
	{"wheel-key-day", offsetof(wtexts, key_day)},
	{"wheel-key-period", offsetof(wtexts, key_period)},
	{"wheel-key-series", offsetof(wtexts, key_series)},
	{"wheel-key-continues", offsetof(wtexts, key_continues)},
	{"wheel-list-note", offsetof(wtexts, list_note)},
	{"wheel-list", offsetof(wtexts, list)},
	{"wheel-list-continued", offsetof(wtexts, list_continued)},
	{"wheel-list-page", offsetof(wtexts, page)},
	{"wheel-list-of", offsetof(wtexts, page_of)},
	{"wheel-moved", offsetof(wtexts, moved)},
	{"wheel-from", offsetof(wtexts, from)},
	{"wheel-to", offsetof(wtexts, to)},
	{"wheel-and", offsetof(wtexts, and_)},
	{"wheel-responsible", offsetof(wtexts, responsible)},
	{"wheel-blank-year", offsetof(wtexts, blank_year)},
	{"wheel-blank-workplace", offsetof(wtexts, blank_workplace)},
};

static void read_texts(reader *r, wtexts *t)
{
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
		*(const char **)((char *)t + texts[i].at) = text(r, texts[i].key);
	static const char *const repeat_keys[7] = {
		NULL, "wheel-repeat-monthly", "wheel-repeat-quarterly", "wheel-repeat-weekly",
		"wheel-repeat-every-2-weeks", "wheel-repeat-yearly", "wheel-repeat-every-2-years"};
	for (int i = 1; i < 7; i++)
		t->repeat[i] = text(r, repeat_keys[i]);
	words(r, "wheel-nth", t->nth, 5);
	words(r, "wheel-weekdays", t->weekdays, 7);
	words(r, "wheel-weekdays-short", t->weekdays_short, 7);
	words(r, "months-short", t->months_short, 12);
}

int wheel_read_layout(const aarshjul_opts *o, arena *a, wstyle *st, wtexts *tx, diag *d)
{
	reader r = {o, a, d, AM_OK};
	memset(st, 0, sizeof *st);
	memset(tx, 0, sizeof *tx);
	read_style(&r, st);
	read_texts(&r, tx);
	if (r.rc == AM_EINTERNAL)
		return diag_oom(d, NULL);
	return r.rc;
}
