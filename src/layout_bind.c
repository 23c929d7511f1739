/* layout_bind.c: a layout's data binding: the text of a field, the tests
 * of if and choose, and repeat over the data tree. See layout_build.h. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "layout_build.h"

/* ---- data binding ------------------------------------------------------- */

static bool where_holds(const char *where, const dnode *item);

/* Is there a node at path (whose last step may match several siblings)
 * for which where holds? */
static bool exists_where(const dnode *ctx, const char *path, const char *where)
{
	const dnode *n = data_find(ctx, path);
	if (!n || !where)
		return n != NULL;
	const char *name = n->name;
	for (; n; n = n->next)
		if (strcmp(n->name, name) == 0 && where_holds(where, n))
			return true;
	return false;
}

bool lay_test_holds(const lnode *n, const bctx *c)
{
	const char *p, *where = lattr_get(n, "where");
	if ((p = lattr_get(n, "present")))
		return exists_where(c->data, p, where);
	if ((p = lattr_get(n, "absent")))
		return !exists_where(c->data, p, where);
	if ((p = lattr_get(n, "path"))) {
		const char *v = data_text(c->data, p);
		const char *eq = lattr_get(n, "equals"), *ne = lattr_get(n, "not-equals");
		if (eq)
			return v && strcmp(v, eq) == 0;
		if (ne)
			return !v || strcmp(v, ne) != 0;
		return v != NULL;
	}
	return true;
}

/* The branch of a <choose> that applies, or NULL. */
const lnode *lay_choose_branch(const lnode *n, const bctx *c)
{
	for (const lnode *w = n->first; w; w = w->next) {
		if (w->kind == L_WHEN && lay_test_holds(w, c))
			return w;
		if (w->kind == L_OTHERWISE)
			return w;
	}
	return NULL;
}

/* Does item match where="key=value"? */
static bool where_holds(const char *where, const dnode *item)
{
	if (!where)
		return true;
	const char *eq = strchr(where, '=');
	if (!eq)
		return data_find(item, where) != NULL;
	char key[128];
	size_t k = (size_t)(eq - where);
	if (k >= sizeof key)
		return false;
	memcpy(key, where, k);
	key[k] = '\0';
	const char *v = data_text(item, key);
	return v && strcmp(v, eq + 1) == 0;
}


/* Calls fn once per item that <repeat> n selects; returns the count or -1. */
int lay_repeat_each(lrun *r, const lnode *n, const bctx *c, item_fn fn, void *arg)
{
	const char *over = lattr_get(n, "over");
	const char *slash = strrchr(over, '/');
	const dnode *parent = c->data;
	const char *name = over;
	char buf[256];
	if (slash) {
		size_t k = (size_t)(slash - over);
		if (k >= sizeof buf)
			return 0;
		memcpy(buf, over, k);
		buf[k] = '\0';
		parent = k ? data_find(c->data, buf) : data_find(c->data, "/");
		name = slash + 1;
	}
	if (!parent)
		return 0;
	const lattr *max_a = lattr_find(n, "max");
	int max = max_a ? max_a->v.integer : 1 << 30;
	const char *where = lattr_get(n, "where");
	int i = 0;
	for (const dnode *item = parent->first; item && i < max; item = item->next) {
		if (strcmp(item->name, name) != 0 || !where_holds(where, item))
			continue;
		bctx sub = *c;
		sub.data = item;
		sub.index = ++i;
		if (fn(r, n->first, &sub, i, arg))
			return -1;
	}
	return i;
}

/* The run's catalog, or NULL (a layout run without one prints its own texts). */

/* Catalog text key as plain text; def without a catalog. */
const char *lay_run_text(const lrun *r, const char *key, const char *def)
{
	return cat(r) ? catalog_text(cat(r), key, def) : layout_text(r->l, key, def);
}

/* The plain text of attribute name of n: its own value, or the catalog's
 * text for name-key; NULL when n has neither (or the key is unknown:
 * reported, r->err set). */
const char *lay_attr_text(lrun *r, const lnode *n, const char *name)
{
	const char *v = lattr_get(n, name);
	if (v)
		return v;
	char kn[32];
	snprintf(kn, sizeof kn, "%s-key", name);
	const char *key = lattr_get(n, kn);
	if (!key)
		return NULL;
	v = cat(r) ? catalog_text(cat(r), key, NULL) : NULL;
	if (!v) {
		diag_error(r->d, r->file, n->line, "no text for the key '%s' in the catalogs", key);
		r->err = AM_EINPUT;
	}
	return v;
}

static const char *format_date(lrun *r, const char *iso, bool shortform)
{
	int y, m, d;
	if (sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12)
		return iso;
	if (cat(r))
		return catalog_date(r->a, cat(r), y, m, d, shortform);
	if (shortform)
		return arena_printf(r->a, "%02d.%02d.%04d", d, m, y);
	/* "3. marts 2026", the day held to its month by a no-break space */
	return arena_printf(r->a, "%d.\xC2\xA0%s %d", d, r->l->months[m - 1], y);
}

/* First letter in upper case (ASCII and Latin-1 letters). */
static const char *capitalise(lrun *r, const char *s)
{
	char *t = arena_strdup(r->a, s);
	if (!t)
		return NULL;
	unsigned char *u = (unsigned char *)t;
	if (u[0] >= 'a' && u[0] <= 'z')
		u[0] -= 32;
	else if (u[0] == 0xC3 && u[1] >= 0xA0 && u[1] <= 0xBE && u[1] != 0xB7)
		u[1] -= 32;
	return t;
}

const char *lay_field_text(lrun *r, const lnode *n, const bctx *c)
{
	const char *v = data_text(c->data, lattr_get(n, "path"));
	if (!v)
		return lay_attr_text(r, n, "default");
	const char *map = lattr_get(n, "map");
	const char *mapped = map && cat(r) ? catalog_map(cat(r), map, v) : NULL;
	if (map)
		v = mapped ? mapped : layout_map(r->l, map, v);
	int fmt = lattr_word(n, "format", -1);
	switch (fmt) {
	case FORMAT_DATE:
	case FORMAT_DATE_SHORT:
		return format_date(r, v, fmt == FORMAT_DATE_SHORT);
	case FORMAT_MONTH: {
		int m = atoi(v);
		return m < 1 || m > 12 ? v : cat(r) ? catalog_month(cat(r), m) : r->l->months[m - 1];
	}
	case FORMAT_UPPER:
		return capitalise(r, v);
	case FORMAT_TIME:
	case FORMAT_DECIMAL: {
		bool time = fmt == FORMAT_TIME;
		if (cat(r))
			return time ? catalog_time(r->a, cat(r), v) : catalog_decimal(r->a, cat(r), v);
		/* Danish style: 13.00 for times, 7,5 for decimals. */
		char *t = arena_strdup(r->a, v);
		char *sep = t ? strchr(t, time ? ':' : '.') : NULL;
		if (sep)
			*sep = time ? '.' : ',';
		return t;
	}
	default:
		return v;
	}
}

/* The layout's title in catalog c's language (layout.h); layout_title
 * (layout_query.c) without a catalog. */
const char *layout_title_in(const layout *l, const catalog *c)
{
	const char *t = l->title_key && c ? catalog_text(c, l->title_key, NULL) : NULL;
	return t ? t : layout_title(l);
}
