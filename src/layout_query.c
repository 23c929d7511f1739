/* layout_query.c: what the engine asks of a loaded layout: an attribute, a
 * length, a colour, a paper size, a text, a map, a month, the title.
 * Loading is layout_load.c's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout_int.h"

const lattr *lattr_find(const lnode *n, const char *name)
{
	for (const lattr *a = n->attrs; a; a = a->next)
		if (strcmp(a->name, name) == 0)
			return a;
	return NULL;
}

const char *lattr_get(const lnode *n, const char *name)
{
	const lattr *a = lattr_find(n, name);
	return a ? a->value : NULL;
}

/* The attributes with a type, sorted by name (strcmp order) for bsearch. */
static const struct typed_attr { const char *name; lattr_type type; } typed[] = {
	{"align", LA_ALIGN}, {"bookmark", LA_BOOL}, {"break", LA_BREAK}, {"checkbox", LA_BOOL},
	{"colour", LA_COLOUR}, {"cols", LA_INT}, {"count", LA_INT}, {"fill", LA_BOOL},
	{"format", LA_FORMAT}, {"gap", LA_LENGTH}, {"header-fill", LA_COLOUR}, {"height", LA_LENGTH},
	{"hyphenate", LA_BOOL}, {"lines", LA_INT}, {"max", LA_INT}, {"min-size", LA_NUMBER},
	{"orientation", LA_ORIENTATION}, {"overflow", LA_OVERFLOW}, {"page-numbers", LA_PAGE_NUMBERS},
	{"pitch", LA_LENGTH}, {"rules", LA_RULES}, {"size", LA_NUMBER}, {"space-before", LA_LENGTH},
	{"start", LA_INT}, {"style", LA_STYLE}, {"tint", LA_COLOUR}, {"width", LA_LENGTH},
	{"widths", LA_WIDTHS},
};

/* The vocabulary of each word-valued type, in the order of its words'
 * enum (layout_int.h), ended by NULL. */
static const char *const bool_words[] = {"false", "true", NULL};
static const char *const align_words[] = {"left", "center", "right", NULL};
static const char *const style_words[] = {"muted", "small", "lead", NULL};
static const char *const orientation_words[] = {"portrait", "landscape", NULL};
static const char *const break_words[] = {"page", NULL};
static const char *const numbers_words[] = {"each", NULL};
static const char *const overflow_words[] = {"appendix", NULL};
static const char *const rules_words[] = {"grid", "rows", NULL};
static const char *const format_words[] = {"date", "date-short", "month", "upper", "time", "decimal", NULL};
static const char *const *const vocabulary[] = {
	[LA_BOOL] = bool_words, [LA_ALIGN] = align_words, [LA_STYLE] = style_words,
	[LA_ORIENTATION] = orientation_words, [LA_BREAK] = break_words, [LA_PAGE_NUMBERS] = numbers_words,
	[LA_OVERFLOW] = overflow_words, [LA_RULES] = rules_words, [LA_FORMAT] = format_words,
};

static int by_typed_name(const void *key, const void *entry)
{
	return strcmp(key, ((const struct typed_attr *)entry)->name);
}

/* A length ("12mm", "1.5cm", "14pt", "14") in points into *out; false
 * when s does not begin with a number. */
static bool parse_length(const char *s, float *out)
{
	char *end;
	double v = strtod(s, &end);
	if (end == s)
		return false;
	if (strcmp(end, "mm") == 0)
		v *= 72.0 / 25.4;
	else if (strcmp(end, "cm") == 0)
		v *= 720.0 / 25.4;
	*out = (float)v;
	return true;
}

/* "#RRGGBB" into *out (0xRRGGBB); false when s is not one. */
static bool parse_colour(const char *s, unsigned *out)
{
	return strlen(s) == 7 && sscanf(s, "#%6x", out) == 1;
}

/* The place of s in words, or -1. */
static int word_of(const char *const *words, const char *s)
{
	for (int i = 0; words[i]; i++)
		if (strcmp(words[i], s) == 0)
			return i;
	return -1;
}

/* widths="40mm 1fr 2fr" into *ws: a fixed width (mm, cm, else points) or
 * a share (fr) for each column, at most LWIDTHS_MAX. */
static void parse_widths(const char *spec, lwidths *ws)
{
	const float pt_per_mm = 72.0f / 25.4f;
	size_t n = 0;
	const char *p = spec;
	while (*p && n < LWIDTHS_MAX) {
		while (*p == ' ')
			p++;
		if (!*p)
			break;
		char *end;
		float v = strtof(p, &end);
		if (end[0] == 'f' && end[1] == 'r') {
			ws->fr[n] = v;
			ws->w[n] = 0;
			end += 2;
		} else {
			ws->fr[n] = 0;
			char unit[8] = {0};
			size_t k = 0;
			while (end[k] && end[k] != ' ' && k < 7) {
				unit[k] = end[k];
				k++;
			}
			ws->w[n] = v * (strcmp(unit, "mm") == 0 ? pt_per_mm : strcmp(unit, "cm") == 0 ? 10 * pt_per_mm : 1);
			end += k;
		}
		p = end;
		n++;
	}
	ws->n = n;
}

static rgb colour_of(unsigned v)
{
	return (rgb){((v >> 16) & 255) / 255.0f, ((v >> 8) & 255) / 255.0f, (v & 255) / 255.0f};
}

bool lattr_parse(arena *a, lattr *at)
{
	const struct typed_attr *t = bsearch(at->name, typed, sizeof typed / sizeof typed[0], sizeof typed[0],
	                                     by_typed_name);
	return lattr_parse_as(a, at, t ? t->type : LA_TEXT);
}

bool lattr_parse_as(arena *ar, lattr *a, lattr_type type)
{
	a->type = LA_TEXT;
	switch (type) {
	case LA_LENGTH:
		if (parse_length(a->value, &a->v.number))
			a->type = LA_LENGTH;
		break;
	case LA_COLOUR:
		if (parse_colour(a->value, &a->v.colour))
			a->type = LA_COLOUR;
		break;
	case LA_NUMBER:
		a->type = LA_NUMBER;
		a->v.number = (float)atof(a->value);
		break;
	case LA_INT:
		a->type = LA_INT;
		a->v.integer = atoi(a->value);
		break;
	case LA_BOOL: case LA_ALIGN: case LA_STYLE: case LA_ORIENTATION: case LA_BREAK:
	case LA_PAGE_NUMBERS: case LA_OVERFLOW: case LA_RULES: case LA_FORMAT:
		if ((a->v.integer = word_of(vocabulary[type], a->value)) >= 0)
			a->type = type;
		break;
	case LA_WIDTHS: {
		lwidths *ws = arena_alloc(ar, sizeof *ws);
		if (!ws)
			return false;
		parse_widths(a->value, ws);
		a->type = LA_WIDTHS;
		a->v.widths = ws;
		break;
	}
	case LA_TEXT:
		break;
	}
	return true;
}

float lattr_length(const lnode *n, const char *name, float def)
{
	const lattr *a = lattr_find(n, name);
	return a && a->type == LA_LENGTH ? a->v.number : def;
}

rgb lattr_colour(const lnode *n, const char *name, rgb def)
{
	const lattr *a = lattr_find(n, name);
	return a && a->type == LA_COLOUR ? colour_of(a->v.colour) : def;
}

int lattr_word(const lnode *n, const char *name, int def)
{
	const lattr *a = lattr_find(n, name);
	return a && a->type >= LA_BOOL && a->type <= LA_FORMAT ? a->v.integer : def;
}

const lwidths *lattr_widths(const lnode *n, const char *name)
{
	const lattr *a = lattr_find(n, name);
	return a && a->type == LA_WIDTHS ? a->v.widths : NULL;
}

float layout_length(const char *s, float def)
{
	float v;
	return s && parse_length(s, &v) ? v : def;
}

rgb layout_colour(const char *s, rgb def)
{
	unsigned v;
	return s && parse_colour(s, &v) ? colour_of(v) : def;
}

bool layout_paper_size(const char *name, float *w, float *h)
{
	const float mm = 72.0f / 25.4f;
	if (name[0] == 'A' && name[1] >= '0' && name[1] <= '6' && !name[2]) {
		/* A0 is 841 × 1189 mm; each next size halves the long side. */
		int mw = 841, mh = 1189;
		for (int i = '0'; i < name[1]; i++) {
			int t = mw;
			mw = mh / 2;
			mh = t;
		}
		*w = mw * mm;
		*h = mh * mm;
		return true;
	}
	int a, b;
	char x;
	if (sscanf(name, "%d%c%d", &a, &x, &b) == 3 && x == 'x' && a > 0 && b > 0) {
		*w = a * mm;
		*h = b * mm;
		return true;
	}
	return false;
}

const char *layout_text(const layout *l, const char *key, const char *def)
{
	for (const lattr *t = l->texts; t; t = t->next)
		if (strcmp(t->name, key) == 0)
			return t->value;
	return def;
}

const char *lmap_find(const lmap *maps, const char *name, const char *value)
{
	for (const lmap *m = maps; m; m = m->next)
		if (strcmp(m->name, name) == 0)
			for (size_t i = 0; i < m->n; i++)
				if (strcmp(m->keys[i], value) == 0)
					return m->values[i];
	return NULL;
}

const char *layout_map(const layout *l, const char *name, const char *value)
{
	const char *v = lmap_find(l->maps, name, value);
	return v ? v : value;
}

const char *layout_month(const layout *l, int m)
{
	return m >= 1 && m <= 12 && l->months[m - 1] ? l->months[m - 1] : "";
}

/* Whether value has name as one of its /-separated steps. */
static bool has_step(const char *value, const char *name)
{
	size_t len = strlen(name);
	for (const char *p = value; (p = strstr(p, name)); p += len)
		if ((p == value || p[-1] == '/') && (p[len] == '\0' || p[len] == '/'))
			return true;
	return false;
}

static bool reads_in(const lnode *n, const char *name)
{
	for (; n; n = n->next) {
		for (const lattr *a = n->attrs; a; a = a->next)
			if (a->value && has_step(a->value, name))
				return true;
		if (reads_in(n->first, name))
			return true;
	}
	return false;
}

bool layout_reads(const layout *l, const char *name)
{
	return reads_in(l->header, name) || reads_in(l->header_right, name) || reads_in(l->footer, name) ||
	       reads_in(l->footer_right, name) || reads_in(l->body, name);
}

const char *layout_title(const layout *l)
{
	return l->title && l->title[0] ? l->title : l->title_key ? l->title_key : "";
}
