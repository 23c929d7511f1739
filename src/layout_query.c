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
	{"colour", LA_COLOUR}, {"cols", LA_INT}, {"count", LA_INT}, {"gap", LA_LENGTH},
	{"header-fill", LA_COLOUR}, {"height", LA_LENGTH}, {"lines", LA_INT}, {"max", LA_INT},
	{"min-size", LA_NUMBER}, {"pitch", LA_LENGTH}, {"size", LA_NUMBER}, {"space-before", LA_LENGTH},
	{"start", LA_INT}, {"tint", LA_COLOUR}, {"width", LA_LENGTH},
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

static rgb colour_of(unsigned v)
{
	return (rgb){((v >> 16) & 255) / 255.0f, ((v >> 8) & 255) / 255.0f, (v & 255) / 255.0f};
}

void lattr_parse(lattr *a)
{
	const struct typed_attr *t = bsearch(a->name, typed, sizeof typed / sizeof typed[0], sizeof typed[0],
	                                     by_typed_name);
	lattr_parse_as(a, t ? t->type : LA_TEXT);
}

void lattr_parse_as(lattr *a, lattr_type type)
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
	case LA_TEXT:
		break;
	}
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

const char *layout_map(const layout *l, const char *name, const char *value)
{
	for (const lmap *m = l->maps; m; m = m->next)
		if (strcmp(m->name, name) == 0)
			for (size_t i = 0; i < m->n; i++)
				if (strcmp(m->keys[i], value) == 0)
					return m->values[i];
	return value;
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
