/* layout_query.c: what the engine asks of a loaded layout: an attribute, a
 * length, a colour, a paper size, a text, a map, a month, the title.
 * Loading is layout_load.c's. */
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "layout_int.h"

const char *lattr_get(const lnode *n, const char *name)
{
	for (const lattr *a = n->attrs; a; a = a->next)
		if (strcmp(a->name, name) == 0)
			return a->value;
	return NULL;
}

float layout_length(const char *s, float def)
{
	if (!s)
		return def;
	char *end;
	double v = strtod(s, &end);
	if (end == s)
		return def;
	if (strcmp(end, "mm") == 0)
		v *= 72.0 / 25.4;
	else if (strcmp(end, "cm") == 0)
		v *= 720.0 / 25.4;
	return (float)v;
}

rgb layout_colour(const char *s, rgb def)
{
	unsigned v;
	if (!s || strlen(s) != 7 || sscanf(s, "#%6x", &v) != 1)
		return def;
	return (rgb){((v >> 16) & 255) / 255.0f, ((v >> 8) & 255) / 255.0f, (v & 255) / 255.0f};
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

const char *layout_title(const layout *l) { return layout_title_in(l, NULL); }

const char *layout_title_in(const layout *l, const catalog *c)
{
	const char *t = l->title_key && c ? catalog_text(c, l->title_key, NULL) : NULL;
	return t ? t : l->title && l->title[0] ? l->title : l->title_key ? l->title_key : "";
}
