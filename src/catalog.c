/* catalog.c: a language's message catalog, loaded; see catalog.h.
 *
 * layout_load.c reads the file (<messages>) into a layout struct: its
 * messages as the body's children, sorted by key, its maps and month
 * names as a strings file's, and its settings (language, date patterns,
 * joints) as texts named "@…". This file turns that into the lookups the
 * layout engine and the kit need: messages by binary search, the plain
 * text of each message made once, and the glossary's terms for the
 * language. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "layout_int.h"

#define GLOSSARY "glossary.xml"

typedef struct cterm {
	const char *key, *local, *danish;
} cterm;

struct catalog {
	const layout *l;               /* the file as loaded */
	const char *code, *tag, *name;
	const catalog *fallback;
	const lnode **msgs;            /* sorted by key */
	const char **keys, **plain;
	const char **tmpl;             /* plain, with placeholders kept as {name} */
	size_t n;
	const char *alone[12];         /* months standing alone */
	const char *date, *date_short, *time_sep, *dec_sep, *joints;
	cterm *terms;                  /* sorted by key */
	size_t n_terms;
};

bool catalog_code_valid(const char *code)
{
	size_t n = strspn(code, "abcdefghijklmnopqrstuvwxyz");
	return (n == 2 || n == 3) && !code[n];
}

static const char *setting(const layout *l, const char *name, const char *def)
{
	for (const lattr *t = l->texts; t; t = t->next)
		if (strcmp(t->name, name) == 0)
			return t->value;
	return def;
}

static int by_term_key(const void *a, const void *b)
{
	return strcmp(((const cterm *)a)->key, ((const cterm *)b)->key);
}

/* The glossary's wordings for c's language, when its messages name terms. */
static int load_terms(arena *a, catalog *c, const char *dir, diag *d)
{
	const char *path = arena_printf(a, "%s/messages/%s", dir, GLOSSARY);
	layout *g = NULL;
	if (!path)
		return diag_oom(d, NULL);
	int rc = layout_load_as(a, path, ROOT_GLOSSARY, &g, d);
	if (rc)
		return rc;
	size_t n = 0;
	for (const lmap *m = g->maps; m; m = m->next)
		n++;
	if (!(c->terms = arena_array(a, n ? n : 1, sizeof *c->terms)))
		return diag_oom(d, path);
	for (const lmap *m = g->maps; m; m = m->next) {
		cterm *t = &c->terms[c->n_terms++];
		*t = (cterm){m->name, NULL, m->values[0]};
		for (size_t k = 0; k < m->n; k++)
			if (strcmp(m->keys[k], c->code) == 0)
				t->local = m->values[k];
		if (!t->local)
			t->local = t->danish;   /* not translated yet: the Danish word */
	}
	qsort(c->terms, c->n_terms, sizeof *c->terms, by_term_key);
	return AM_OK;
}

static bool names_terms(const lnode *n)
{
	for (; n; n = n->next)
		if (n->kind == L_TERM || (n->first && names_terms(n->first)))
			return true;
	return false;
}

static bool names_params(const lnode *n)
{
	for (; n; n = n->next)
		if (n->kind == L_PARAM || (n->first && names_params(n->first)))
			return true;
	return false;
}

/* The plain text of message m: its texts, terms as "wording (dansk)";
 * with keep, its placeholders as "{name}" (left out otherwise). */
static const char *plain_of(arena *a, const catalog *c, const lnode *m, bool keep)
{
	if (m->first && !m->first->next && m->first->kind == L_TEXT)
		return m->first->text;      /* the usual message: one text */
	char *out = NULL;
	for (int pass = 0; pass < 2; pass++) {
		size_t k = 0;
		for (const lnode *n = m->first; n; n = n->next) {
			const char *t = NULL, *local, *danish;
			if (n->kind == L_TEXT)
				t = n->text;
			else if ((n->kind == L_B || n->kind == L_I) && n->first)
				t = plain_of(a, c, n, keep);
			else if (n->kind == L_PARAM && keep)
				t = arena_printf(a, "{%s}", n->text);
			else if (n->kind == L_TERM && catalog_term(c, n->text, &local, &danish)) {
				const char *form = lattr_get(n, "form");
				t = strcmp(local, danish) == 0 ? danish
				  : arena_printf(a, "%s (%s)", form ? form : local, danish);
			}
			size_t tl = t ? strlen(t) : 0;
			if (pass && tl)   /* t may be NULL (no text): memcpy wants a pointer */
				memcpy(out + k, t, tl);
			k += tl;
		}
		if (pass)
			out[k] = '\0';
		else if (!(out = arena_alloc(a, k + 1)))
			return NULL;
	}
	return out;
}

int catalog_load(arena *a, const char *layouts_dir, const char *code, const catalog *fallback,
                 catalog **out, diag *d)
{
	if (!catalog_code_valid(code)) {
		diag_error(d, NULL, 0, "'%s' is not a language code (two or three small letters, e.g. pl)", code);
		return AM_EUSAGE;
	}
	const char *path = arena_printf(a, "%s/messages/%s.xml", layouts_dir, code);
	catalog *c = path ? arena_alloc(a, sizeof *c) : NULL;
	if (!c)
		return diag_oom(d, NULL);
	layout *l = NULL;
	int rc = layout_load_as(a, path, ROOT_MESSAGES, &l, d);
	if (rc)
		return rc;
	c->l = l;
	c->fallback = fallback;
	c->code = setting(l, "@lang", "");
	if (strcmp(c->code, code) != 0) {
		diag_error(d, path, l->body->line, "the catalog says lang=\"%s\"; its file name says %s", c->code, code);
		return AM_EINPUT;
	}
	c->tag = setting(l, "@tag", code);
	c->name = setting(l, "@name", code);
	c->date = setting(l, "@date", "{d}.{m}.{y}");
	c->date_short = setting(l, "@date-short", "{dd}.{mm}.{y}");
	c->time_sep = setting(l, "@time-separator", ":");
	c->dec_sep = setting(l, "@decimal-separator", ",");
	c->joints = setting(l, "@joints", "");
	/* Months standing alone: their own list, else the dates' names. */
	const char *alone = setting(l, "@months-standalone", NULL);
	char *copy = alone ? arena_strdup(a, alone) : NULL;
	if (alone && !copy)
		return diag_oom(d, path);
	int k = 0;
	for (char *save = NULL, *tok = copy ? strtok_r(copy, " ", &save) : NULL; tok && k < 12;
	     tok = strtok_r(NULL, " ", &save))
		c->alone[k++] = tok;
	if (alone && k != 12) {
		diag_error(d, path, 0, "<months-standalone> must name 12 months, found %d", k);
		return AM_EINPUT;
	}
	for (int m = 0; m < 12; m++)
		if (!c->alone[m])
			c->alone[m] = l->months[m];
	for (const lnode *m = l->body->first; m; m = m->next)
		c->n++;
	c->msgs = arena_array(a, c->n ? c->n : 1, sizeof *c->msgs);
	c->keys = arena_array(a, c->n ? c->n : 1, sizeof *c->keys);
	c->plain = arena_array(a, c->n ? c->n : 1, sizeof *c->plain);
	c->tmpl = arena_array(a, c->n ? c->n : 1, sizeof *c->tmpl);
	if (!c->msgs || !c->keys || !c->plain || !c->tmpl)
		return diag_oom(d, path);
	if (names_terms(l->body->first) && (rc = load_terms(a, c, layouts_dir, d)))
		return rc;
	size_t i = 0;
	for (const lnode *m = l->body->first; m; m = m->next, i++) {
		c->msgs[i] = m;
		c->keys[i] = lattr_get(m, "key");
		if (!(c->plain[i] = plain_of(a, c, m, false)) ||
		    !(c->tmpl[i] = names_params(m->first) ? plain_of(a, c, m, true) : c->plain[i]))
			return diag_oom(d, path);
	}
	*out = c;
	return AM_OK;
}

/* Keys the C code asks for by name: the layout builder (boxes continued, the Bilag),
 * kit.c and the årshjul's modules (through kit.c's wheel_text and, for a
 * tiled poster, tile_texts_of), rhythm.c's
 * activities (kit_apply_rhythm) and the calendar (main.c). */
const char *const catalog_program_keys[] = {
	"continued", "appendix", "appendix-note",
	"wheel-title", "wheel-legend", "wheel-week", "wheel-quarter", "wheel-goals", "wheel-focus",
	"wheel-key", "wheel-key-day", "wheel-key-period", "wheel-key-series", "wheel-key-continues",
	"wheel-list-note", "wheel-list", "wheel-list-continued", "wheel-list-page", "wheel-list-of",
	"wheel-responsible", "wheel-moved", "wheel-from", "wheel-to", "wheel-and",
	"wheel-repeat-weekly", "wheel-repeat-every-2-weeks", "wheel-repeat-monthly",
	"wheel-repeat-quarterly", "wheel-repeat-yearly", "wheel-repeat-every-2-years", "wheel-nth",
	"wheel-weekdays", "wheel-weekdays-short", "wheel-blank-year", "wheel-blank-workplace",
	"wheel-made", "months-short", "wheel-alt", "wheel-alt-blank", "wheel-alt-rings", "wheel-alt-none",
	"wheel-alt-more",
	"tile-title", "tile-step-1", "tile-step-2", "tile-step-3", "tile-step-4", "tile-sheet", "tile-row",
	"tile-col", "tile-glue", "tile-glue-after", "tile-cut", "tile-map",
	"rhythm-ring", "rhythm-discussion", "rhythm-competence", "rhythm-apv", "rhythm-accidents",
	"rhythm-amr", "rhythm-default-month",
	"ics-responsible",
	NULL
};

const layout *catalog_file(const catalog *c) { return c->l; }
const char *catalog_code(const catalog *c) { return c->code; }
const char *catalog_tag(const catalog *c) { return c->tag; }
const char *catalog_name(const catalog *c) { return c->name; }
const char *catalog_joints(const catalog *c) { return c->joints; }

/* The index of key in c, or -1. */
static long find(const catalog *c, const char *key)
{
	size_t lo = 0, hi = c->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int cmp = strcmp(key, c->keys[mid]);
		if (cmp == 0)
			return (long)mid;
		if (cmp < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return -1;
}

/* The catalog of c's chain (c, then its fallbacks) that has key, with
 * key's index in *i; NULL when none has it. */
static const catalog *find_in_chain(const catalog *c, const char *key, long *i)
{
	for (; c; c = c->fallback)
		if ((*i = find(c, key)) >= 0)
			return c;
	return NULL;
}

const lnode *catalog_msg(const catalog *c, const char *key)
{
	long i;
	return (c = find_in_chain(c, key, &i)) ? c->msgs[i] : NULL;
}

const char *catalog_text(const catalog *c, const char *key, const char *def)
{
	long i;
	return (c = find_in_chain(c, key, &i)) ? c->plain[i] : def;
}

const char *catalog_template(const catalog *c, const char *key, const char *def)
{
	long i;
	return (c = find_in_chain(c, key, &i)) ? c->tmpl[i] : def;
}

const char *catalog_map(const catalog *c, const char *map, const char *value)
{
	for (const char *v; c; c = c->fallback)
		if ((v = lmap_find(c->l->maps, map, value)))
			return v;
	return NULL;
}

const char *catalog_month(const catalog *c, int m)
{
	return m >= 1 && m <= 12 && c->alone[m - 1] ? c->alone[m - 1] : "";
}

const char *catalog_month_in_date(const catalog *c, int m)
{
	return m >= 1 && m <= 12 && c->l->months[m - 1] ? c->l->months[m - 1] : "";
}

bool catalog_term(const catalog *c, const char *key, const char **local, const char **danish)
{
	for (; c; c = c->fallback) {
		cterm probe = {key, NULL, NULL};
		const cterm *t = c->n_terms ? bsearch(&probe, c->terms, c->n_terms, sizeof *t, by_term_key) : NULL;
		if (t) {
			*local = t->local;
			*danish = t->danish;
			return true;
		}
	}
	return false;
}

/* pattern with {d} {dd} {m} {mm} {month} {y} filled in. */
const char *catalog_date(arena *a, const catalog *c, int y, int m, int d, bool shortform)
{
	const char *p = shortform ? c->date_short : c->date;
	char buf[256];
	size_t k = 0;
	while (*p && k < sizeof buf - 64) {
		const char *end = *p == '{' ? strchr(p, '}') : NULL;
		if (!end) {
			buf[k++] = *p++;
			continue;
		}
		size_t n = (size_t)(end - p - 1);
		const char *name = p + 1;
		int w = 0;
		if (n == 1 && *name == 'd')
			w = snprintf(buf + k, 12, "%d", d);
		else if (n == 2 && strncmp(name, "dd", 2) == 0)
			w = snprintf(buf + k, 12, "%02d", d);
		else if (n == 1 && *name == 'm')
			w = snprintf(buf + k, 12, "%d", m);
		else if (n == 2 && strncmp(name, "mm", 2) == 0)
			w = snprintf(buf + k, 12, "%02d", m);
		else if (n == 1 && *name == 'y')
			w = snprintf(buf + k, 12, "%d", y);
		else if (n == 5 && strncmp(name, "month", 5) == 0) {
			const char *mn = catalog_month_in_date(c, m);
			size_t ml = strlen(mn);
			if (ml > 48)
				ml = 48;
			memcpy(buf + k, mn, ml);
			w = (int)ml;
		}
		k += (size_t)(w > 0 ? w : 0);
		p = end + 1;
	}
	buf[k] = '\0';
	return arena_strdup(a, buf);
}

/* s with its first sep_from replaced by sep_to, in a. */
static const char *swap_sep(arena *a, const char *s, char from, const char *to)
{
	const char *at = strchr(s, from);
	if (!at)
		return s;
	return arena_printf(a, "%.*s%s%s", (int)(at - s), s, to, at + 1);
}

const char *catalog_time(arena *a, const catalog *c, const char *hhmm)
{
	return swap_sep(a, hhmm, ':', c->time_sep);
}

const char *catalog_decimal(arena *a, const catalog *c, const char *number)
{
	return swap_sep(a, number, '.', c->dec_sep);
}
