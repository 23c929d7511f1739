/* layout.c: template + data → formatted blocks, at a known width.
 *
 * One walk over the template per run: control nodes (if, choose, repeat)
 * are evaluated against the data tree as they are met, inline content is
 * gathered into styled spans and broken into lines at once (text.h), and
 * every block knows its height when it is made. Pagination (paginate.c)
 * then only chooses where to cut. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "layout_int.h"
#include "safe_path.h"

#define PT_PER_MM (72.0f / 25.4f)
/* Every writing box keeps at least this many ruled lines. */
#define MIN_WRITING_LINES 4

static const rgb BLACK = {0.10f, 0.10f, 0.12f};
static const rgb WHITE = {1, 1, 1};
static const rgb MUTED = {0.40f, 0.40f, 0.44f};

/* Where we are in the data while walking the template. */
typedef struct bctx {
	const dnode *data;         /* context node, NULL in blank mode */
	int index;                 /* 1-based index inside the innermost repeat */
	float scale;               /* font scale (boxes of fixed height shrink) */
	int page, pages;           /* header/footer: page numbers, else 0 */
	bool spill;                /* boxes with overflow="appendix" spill their content */
} bctx;

/* ---- small helpers ------------------------------------------------------ */

static int fail(lrun *r)
{
	if (!r->err)
		r->err = diag_oom(r->d, r->file);
	return -1;
}

static blk *new_blk(lrun *r, bkind kind, float w)
{
	blk *b = arena_alloc(r->a, sizeof *b);
	if (!b) {
		fail(r);
		return NULL;
	}
	b->kind = kind;
	b->w = w;
	if (kind == B_LINES)
		b->u.lines.bookmark = -1;
	return b;
}

static blk *new_vbox(lrun *r, float w) { return new_blk(r, B_VBOX, w); }

/* Appends child to vbox with gap before it (ignored for the first child). */
static vchild *vbox_add(lrun *r, blk *v, blk *child, float gap)
{
	if (v->u.vbox.n == v->u.vbox.cap) {
		/* A cell or a box holds one or two blocks more often than not. */
		size_t cap = v->u.vbox.cap ? v->u.vbox.cap * 2 : 2;
		vchild *k = arena_array(r->a, cap, sizeof *k);
		if (!k) {
			fail(r);
			return NULL;
		}
		if (v->u.vbox.n)
			memcpy(k, v->u.vbox.kids, v->u.vbox.n * sizeof *k);
		v->u.vbox.kids = k;
		v->u.vbox.cap = cap;
	}
	vchild *c = &v->u.vbox.kids[v->u.vbox.n++];
	memset(c, 0, sizeof *c);
	if (v->u.vbox.n == 1)
		v->u.vbox.lead_gap = gap;
	c->b = child;
	c->y = v->u.vbox.n > 1 ? v->h + gap : v->h;
	v->h = c->y + child->h;
	return c;
}

static vchild *vbox_last(blk *v) { return v->u.vbox.n ? &v->u.vbox.kids[v->u.vbox.n - 1] : NULL; }

/* The first node from n on that is not white space between elements. */
static const lnode *skip_space(const lnode *n)
{
	while (n && n->kind == L_TEXT && strspn(n->text, " ") == strlen(n->text))
		n = n->next;
	return n;
}

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

static bool test_holds(const lnode *n, const bctx *c)
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
static const lnode *choose_branch(const lnode *n, const bctx *c)
{
	for (const lnode *w = n->first; w; w = w->next) {
		if (w->kind == L_WHEN && test_holds(w, c))
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

typedef int (*item_fn)(lrun *r, const lnode *body, const bctx *c, int i, void *arg);

/* Calls fn once per item that <repeat> n selects; returns the count or -1. */
static int repeat_each(lrun *r, const lnode *n, const bctx *c, item_fn fn, void *arg)
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
	const char *max_s = lattr_get(n, "max");
	int max = max_s ? atoi(max_s) : 1 << 30;
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
static const catalog *cat(const lrun *r) { return r->lang ? r->lang->cat : NULL; }

/* Catalog text key as plain text; def without a catalog. */
static const char *run_text(const lrun *r, const char *key, const char *def)
{
	return cat(r) ? catalog_text(cat(r), key, def) : layout_text(r->l, key, def);
}

/* The plain text of attribute name of n: its own value, or the catalog's
 * text for name-key; NULL when n has neither (or the key is unknown:
 * reported, r->err set). */
static const char *attr_text(lrun *r, const lnode *n, const char *name)
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

static const char *field_text(lrun *r, const lnode *n, const bctx *c)
{
	const char *v = data_text(c->data, lattr_get(n, "path"));
	if (!v)
		return attr_text(r, n, "default");
	const char *map = lattr_get(n, "map");
	const char *mapped = map && cat(r) ? catalog_map(cat(r), map, v) : NULL;
	if (map)
		v = mapped ? mapped : layout_map(r->l, map, v);
	const char *fmt = lattr_get(n, "format");
	if (!fmt)
		return v;
	if (strcmp(fmt, "date") == 0 || strcmp(fmt, "date-short") == 0)
		return format_date(r, v, fmt[4] == '-');
	if (strcmp(fmt, "month") == 0) {
		int m = atoi(v);
		return m < 1 || m > 12 ? v : cat(r) ? catalog_month(cat(r), m) : r->l->months[m - 1];
	}
	if (strcmp(fmt, "upper") == 0)
		return capitalise(r, v);
	if (cat(r) && strcmp(fmt, "time") == 0)
		return catalog_time(r->a, cat(r), v);
	if (cat(r) && strcmp(fmt, "decimal") == 0)
		return catalog_decimal(r->a, cat(r), v);
	if (strcmp(fmt, "time") == 0 || strcmp(fmt, "decimal") == 0) {
		/* Danish style: 13.00 for times, 7,5 for decimals. */
		char *t = arena_strdup(r->a, v);
		char *sep = t ? strchr(t, fmt[0] == 't' ? ':' : '.') : NULL;
		if (sep)
			*sep = fmt[0] == 't' ? '.' : ',';
		return t;
	}
	return v;
}

/* ---- inline content → spans --------------------------------------------- */

typedef struct spanbuf {
	text_span *v;
	size_t n, cap;
	bool keep;                 /* the spans added now are never hyphenated */
} spanbuf;

static int span_add(lrun *r, spanbuf *s, font_style st, const char *t, size_t len)
{
	if (!t || !len)
		return t ? 0 : fail(r);
	if (s->n == s->cap) {
		/* Most texts are one or two spans, and a paragraph's spans stay
		 * in the arena as long as its lines (the memo's key). */
		size_t cap = s->cap ? s->cap * 2 : 2;
		text_span *v = arena_array(r->a, cap, sizeof *v);
		if (!v)
			return fail(r);
		if (s->n)
			memcpy(v, s->v, s->n * sizeof *v);
		s->v = v;
		s->cap = cap;
	}
	s->v[s->n++] = (text_span){st, t, len, s->keep};
	return 0;
}

static font_style with_bold(font_style s)
{
	return s == FONT_ITALIC || s == FONT_BOLDITALIC ? FONT_BOLDITALIC : FONT_BOLD;
}

static font_style with_italic(font_style s)
{
	return s == FONT_BOLD || s == FONT_BOLDITALIC ? FONT_BOLDITALIC : FONT_ITALIC;
}

static int collect_inline(lrun *r, const lnode *first, const bctx *c, font_style st, spanbuf *s);

/* hyphenate="false" on a text's element. */
static bool no_hyphenation(const lnode *n)
{
	const char *h = lattr_get(n, "hyphenate");
	return h && strcmp(h, "false") == 0;
}

typedef struct inline_arg {
	spanbuf *s;
	font_style st;
	const char *sep;
} inline_arg;

static int inline_item(lrun *r, const lnode *body, const bctx *c, int i, void *arg)
{
	inline_arg *ia = arg;
	if (i > 1 && ia->sep && span_add(r, ia->s, ia->st, ia->sep, strlen(ia->sep)))
		return -1;
	return collect_inline(r, body, c, ia->st, ia->s);
}

/* Is this the sheet's first use of term t (or that use again)? Records it
 * when it is the first. */
static bool first_use(lrun *r, const lnode *t, const lnode *call, const bctx *c)
{
	for (size_t i = 0; i < r->n_terms; i++) {
		const struct term_use *u = &r->terms[i];
		if (strcmp(u->key, t->text) == 0)
			return u->node == t && u->call == call && u->data == c->data;
	}
	if (r->n_terms < sizeof r->terms / sizeof r->terms[0])
		r->terms[r->n_terms++] = (struct term_use){t->text, t, call, c->data};
	return true;
}

/* A term of art: its wording in the run's language, with the Danish word
 * in parentheses where the sheet first uses it (catalog.h); call is the
 * message's <msg> or the node naming its key. */
static int collect_term(lrun *r, const lnode *t, const lnode *call, const bctx *c, font_style st,
                        spanbuf *s)
{
	const char *local, *danish;
	if (!cat(r) || !catalog_term(cat(r), t->text, &local, &danish)) {
		diag_error(r->d, r->file, t->line, "the glossary has no term '%s'", t->text);
		r->err = AM_EINPUT;
		return -1;
	}
	const char *form = lattr_get(t, "form");
	const char *w = form ? form : local;
	if (strcmp(w, danish) == 0 || r->furniture || !first_use(r, t, call, c))
		return span_add(r, s, st, w, strlen(w));
	const char *both = arena_printf(r->a, "%s (%s)", w, danish);
	return span_add(r, s, st, both, both ? strlen(both) : 0);
}

/* The nodes of a catalog message, with its {params} filled in from the
 * <arg>s of call (the layout's <msg>; NULL: there are none). */
static int msg_inline(lrun *r, const lnode *first, const lnode *call, const char *key,
                      const bctx *c, font_style st, spanbuf *s)
{
	for (const lnode *x = first; x; x = x->next) {
		int rc = 0;
		switch (x->kind) {
		case L_TEXT:
			rc = span_add(r, s, st, x->text, strlen(x->text));
			break;
		case L_B:
			rc = msg_inline(r, x->first, call, key, c, with_bold(st), s);
			break;
		case L_I:
			rc = msg_inline(r, x->first, call, key, c, with_italic(st), s);
			break;
		case L_BR:
			rc = span_add(r, s, st, "\n", 1);
			break;
		case L_TERM:
			rc = collect_term(r, x, call, c, st, s);
			break;
		case L_PARAM: {
			const lnode *arg = call ? call->first : NULL;
			while (arg && !(arg->kind == L_ARG && strcmp(lattr_get(arg, "name"), x->text) == 0))
				arg = arg->next;
			if (!arg) {
				diag_error(r->d, r->file, call ? call->line : 0,
				           "the text of '%s' asks for {%s}, which the layout does not give", key, x->text);
				r->err = AM_EINPUT;
				return -1;
			}
			rc = collect_inline(r, arg->first, c, st, s);
			break;
		}
		default:
			break;
		}
		if (rc)
			return -1;
	}
	return 0;
}

/* The text of key, as inline content; call: the <msg> naming it, or
 * NULL; line: where it is named. */
static int collect_key(lrun *r, const char *key, const lnode *call, int line, const bctx *c,
                       font_style st, spanbuf *s)
{
	const lnode *m = cat(r) ? catalog_msg(cat(r), key) : NULL;
	if (!m) {
		diag_error(r->d, r->file, line, "no text for the key '%s' in the catalogs", key);
		r->err = AM_EINPUT;
		return -1;
	}
	return msg_inline(r, m->first, call, key, c, st, s);
}

static int collect_one(lrun *r, const lnode *n, const bctx *c, font_style st, spanbuf *s)
{
	const char *t;
	char num[24];
	switch (n->kind) {
	case L_TEXT:
		return span_add(r, s, st, n->text, strlen(n->text));
	case L_B:
		return collect_inline(r, n->first, c, with_bold(st), s);
	case L_I:
		return collect_inline(r, n->first, c, with_italic(st), s);
	case L_BR:
		return span_add(r, s, st, "\n", 1);
	case L_MSG:
		return collect_key(r, lattr_get(n, "key"), n, n->line, c, st, s);
	case L_FIELD: {
		/* Names, addresses and URLs are marked hyphenate="false". */
		t = field_text(r, n, c);
		if (!t && r->err)
			return -1;
		bool keep = s->keep;
		s->keep |= no_hyphenation(n);
		int rc = t ? span_add(r, s, st, t, strlen(t)) : 0;
		s->keep = keep;
		return rc;
	}
	case L_NUMBER:
	case L_PAGE_NUMBER:
	case L_PAGE_COUNT:
		snprintf(num, sizeof num, "%d",
		         n->kind == L_NUMBER ? c->index : n->kind == L_PAGE_NUMBER ? c->page : c->pages);
		t = arena_strdup(r->a, num);
		return span_add(r, s, st, t, t ? strlen(t) : 0);
	case L_IF:
		return test_holds(n, c) ? collect_inline(r, n->first, c, st, s) : 0;
	case L_CHOOSE: {
		const lnode *b = choose_branch(n, c);
		return b ? collect_inline(r, b->first, c, st, s) : 0;
	}
	case L_REPEAT: {
		inline_arg ia = {s, st, attr_text(r, n, "separator")};
		if (!ia.sep && r->err)
			return -1;
		return repeat_each(r, n, c, inline_item, &ia) < 0 ? -1 : 0;
	}
	default:
		return 0;
	}
}

static int collect_inline(lrun *r, const lnode *first, const bctx *c, font_style st, spanbuf *s)
{
	for (const lnode *n = first; n; n = n->next)
		if (collect_one(r, n, c, st, s))
			return -1;
	return 0;
}

/* Plain text of spans (for bookmarks). */
static const char *spans_text(lrun *r, const spanbuf *s)
{
	size_t len = 0;
	for (size_t i = 0; i < s->n; i++)
		len += s->v[i].len;
	char *t = arena_alloc(r->a, len + 1);
	if (!t)
		return NULL;
	size_t k = 0;
	for (size_t i = 0; i < s->n; i++) {
		for (size_t j = 0; j < s->v[i].len; j++) {
			char ch = s->v[i].utf8[j];
			bool sp = ch == ' ' || ch == '\n';
			if (sp && (k == 0 || t[k - 1] == ' '))
				continue;
			t[k++] = sp ? ' ' : ch;
		}
	}
	while (k && t[k - 1] == ' ')
		k--;
	t[k] = '\0';
	return t;
}

/* ---- text blocks -------------------------------------------------------- */

enum { ALIGN_LEFT, ALIGN_CENTER, ALIGN_RIGHT };

/* Paragraphs already broken in this run, by their spans, size and width:
 * a document repeats the same texts (a preparation sheet per person, the
 * same row texts), and a broken paragraph is only read afterwards, so its
 * lines can serve again. */
#define MEMO_SLOTS 512

typedef struct memo_entry {
	struct memo_entry *next;
	unsigned long long hash;
	const text_span *spans;    /* the paragraph's, in the arena */
	size_t n_spans;
	float size, width;
	const text_hyph *hyph;     /* the language's patterns it was broken with */
	text_para para;
} memo_entry;

struct para_memo {
	memo_entry *slot[MEMO_SLOTS];
};

/* The bits of f: any float, even a negative, huge or NaN width from a
 * hostile layout, hashes without a conversion to an integer type that
 * cannot hold it (undefined behaviour). */
static unsigned long long float_bits(float f)
{
	uint32_t u;
	memcpy(&u, &f, sizeof u);
	return u;
}

/* FNV-1a over the spans' styles and bytes, size and width. */
static unsigned long long memo_hash(const spanbuf *s, float size, float width)
{
	unsigned long long h = 1469598103934665603ull;
	for (size_t i = 0; i < s->n; i++) {
		h = (h ^ (unsigned)s->v[i].style ^ (s->v[i].keep ? 0x80u : 0)) * 1099511628211ull;
		for (size_t k = 0; k < s->v[i].len; k++)
			h = (h ^ (unsigned char)s->v[i].utf8[k]) * 1099511628211ull;
		h = (h ^ 0xFF) * 1099511628211ull;   /* ends the span */
	}
	return h ^ float_bits(size) << 32 ^ float_bits(width);
}

static bool same_spans(const memo_entry *e, const spanbuf *s, float size, float width,
                       const text_hyph *hyph)
{
	if (e->n_spans != s->n || e->size != size || e->width != width || e->hyph != hyph)
		return false;
	for (size_t i = 0; i < s->n; i++)
		if (e->spans[i].style != s->v[i].style || e->spans[i].len != s->v[i].len ||
		    e->spans[i].keep != s->v[i].keep ||
		    memcmp(e->spans[i].utf8, s->v[i].utf8, s->v[i].len) != 0)
			return false;
	return true;
}

/* Collects the names in the data tree (every node called "name"). */
static int add_names(lrun *r, const dnode *n)
{
	for (; n; n = n->next) {
		if (n->text && strcmp(n->name, "name") == 0 &&
		    text_joints_add_names(r->a, r->joints, n->text))
			return -1;
		if (n->first && add_names(r, n->first))
			return -1;
	}
	return 0;
}

/* The layout's compound joints (its strings' "hyphenation" text) and the
 * workplace's names, which are never hyphenated. */
static int load_joints(lrun *r)
{
	r->joints = text_joints_parse(r->a, cat(r) ? catalog_joints(cat(r)) : layout_text(r->l, "hyphenation", ""));
	if (!r->joints)
		return -1;
	return r->env->data ? add_names(r, r->env->data->first) : 0;
}

/* Breaks the spans, or finds them broken already. 0, or -1 (out of memory). */
static int break_para(lrun *r, const spanbuf *s, float size, float width, text_para *out)
{
	if (!r->memo && !(r->memo = arena_alloc(r->a, sizeof *r->memo)))
		return -1;
	if (!r->joints && load_joints(r))
		return -1;
	unsigned long long h = memo_hash(s, size, width);
	memo_entry **slot = &r->memo->slot[h % MEMO_SLOTS];
	text_hyph *hyph = r->lang ? r->lang->hyph : r->env->hyph;
	for (const para_memo *m = r->memo; m; m = m == r->memo ? r->memo_kept : NULL)
		for (memo_entry *e = m->slot[h % MEMO_SLOTS]; e; e = e->next)
			if (e->hash == h && same_spans(e, s, size, width, hyph)) {
				*out = e->para;
				return 0;
			}
	memo_entry *e = arena_alloc(r->a, sizeof *e);
	if (!e || text_break_joints(r->a, r->env->measurer, hyph, r->joints, s->v, s->n,
	                            size, width, out))
		return -1;
	*e = (memo_entry){*slot, h, s->v, s->n, size, width, hyph, *out};
	*slot = e;
	return 0;
}

static blk *lines_block(lrun *r, const spanbuf *s, float width, float size,
                        float leading, rgb colour, int align)
{
	blk *b = new_blk(r, B_LINES, width);
	if (!b)
		return NULL;
	text_para para = {0};
	if (s->n && break_para(r, s, size, width, &para)) {
		fail(r);
		return NULL;
	}
	b->u.lines.lines = arena_array(r->a, para.n ? para.n : 1, sizeof(line_item));
	if (!b->u.lines.lines) {
		fail(r);
		return NULL;
	}
	for (size_t i = 0; i < para.n; i++) {
		line_item *li = &b->u.lines.lines[i];
		li->line = para.lines[i];
		float slack = width - li->line.width;
		li->x = align == ALIGN_CENTER ? slack / 2 : align == ALIGN_RIGHT ? slack : 0;
		if (li->x < 0)
			li->x = 0;
	}
	b->u.lines.n = para.n;
	b->u.lines.size = size;
	b->u.lines.leading = leading;
	b->u.lines.colour = colour;
	b->h = para.n * leading;
	return b;
}

blk *layout_inline_block(lrun *r, const lnode *first, const dnode *ctx, float width,
                         float size, font_style st, rgb colour, int align,
                         int page, int pages)
{
	bctx c = {ctx, 0, 1, page, pages, false};
	spanbuf s = {0};
	if (collect_inline(r, first, &c, st, &s))
		return NULL;
	return lines_block(r, &s, width, size, size * 1.25f, colour, align);
}

/* ---- block building ---------------------------------------------------- */

typedef struct builder {
	lrun *r;
	float width;
	blk *out;                  /* the vbox being filled */
	bool cell_mode;            /* inside a cell or list item: control nodes are inline */
	/* Top level only: sections, for page breaks that change the paper. */
	lsection **secs;
	size_t *n_secs;
} builder;

static int build_flow(builder *b, const lnode *first, const bctx *c);

static float base(const lrun *r, const bctx *c) { return r->l->base_size * c->scale; }

static blk *make_row(lrun *r, blk **cells, const float *w, size_t n, float width, float pad);

/* Adds a list item's row to the list *list, made (and added to the flow
 * with gap before it) for the first item; the flow keeps the list's
 * height as the list grows, the list being its last block. */
static int add_item(builder *b, blk **list, blk *row, float gap)
{
	lrun *r = b->r;
	row->role = ROLE_LI;
	row->u.row.cells[0]->role = ROLE_LBL;
	row->u.row.cells[1]->role = ROLE_LBODY;
	if (*list) {
		if (!vbox_add(r, *list, row, gap))
			return -1;
		b->out->h = vbox_last(b->out)->y + (*list)->h;
		return 0;
	}
	if (!(*list = new_vbox(r, b->width)) || !vbox_add(r, *list, row, 0))
		return -1;
	(*list)->role = ROLE_L;
	return vbox_add(r, b->out, *list, gap) ? 0 : -1;
}

/* One piece of structured text: a paragraph, or a list item (bullet) of
 * the list *list (a paragraph ends it). */
static int add_piece(builder *b, const spanbuf *s, float size, float leading, rgb colour,
                     int align, float gap, bool item, blk **list)
{
	lrun *r = b->r;
	if (!item) {
		*list = NULL;
		blk *p = lines_block(r, s, b->width, size, leading, colour, align);
		if (p)
			p->role = ROLE_P;
		return p && (!p->u.lines.n || vbox_add(r, b->out, p, gap)) ? 0 : -1;
	}
	float indent = size * 1.3f;
	spanbuf ms = {0};
	blk *cells[2];
	float w[2] = {indent, b->width - indent};
	if (span_add(r, &ms, FONT_REGULAR, "\xE2\x80\xA2", 3) || !(cells[0] = new_vbox(r, indent)))
		return -1;
	blk *mb = lines_block(r, &ms, indent, size, leading, r->l->accent, ALIGN_LEFT);
	blk *tb = lines_block(r, s, w[1], size, leading, colour, ALIGN_LEFT);
	if (!mb || !tb || !vbox_add(r, cells[0], mb, 0) || !(cells[1] = new_vbox(r, w[1])) ||
	    !vbox_add(r, cells[1], tb, 0))
		return -1;
	blk *row = make_row(r, cells, w, 2, b->width, 0);
	return row ? add_item(b, list, row, gap) : -1;
}

static bool at_marker(const char *p, size_t left)
{
	return (left >= 2 && p[0] == '-' && p[1] == ' ') ||
	       (left >= 4 && memcmp(p, "\xE2\x80\xA2 ", 4) == 0);
}

/* Adds the spans as paragraphs and list items: the reader keeps a blank
 * line in free text as "\n\n" (a new paragraph) and a line starting with
 * "- " or "• " as "\n- " (a list item); any other "\n" breaks the line. */
static int add_structured(builder *b, const spanbuf *s, float size, float leading, rgb colour,
                          int align, float gap)
{
	lrun *r = b->r;
	spanbuf cur = {.keep = s->keep};
	bool item = false, first = true;
	blk *list = NULL;
	float pgap = 0.55f * size, igap = 0.25f * size;
	for (size_t i = 0; i < s->n; i++) {
		const text_span *sp = &s->v[i];
		size_t from = 0;
		if (i == 0 && at_marker(sp->utf8, sp->len)) {
			item = true;
			from = sp->utf8[0] == '-' ? 2 : 4;
		}
		for (size_t k = from; k <= sp->len; k++) {
			bool end = k == sp->len;
			bool para = !end && sp->utf8[k] == '\n' && k + 1 < sp->len && sp->utf8[k + 1] == '\n';
			bool li = !end && !para && sp->utf8[k] == '\n' && at_marker(sp->utf8 + k + 1, sp->len - k - 1);
			if (!end && !para && !li)
				continue;
			if (k > from) {
				cur.keep = sp->keep;
				if (span_add(r, &cur, sp->style, sp->utf8 + from, k - from))
					return -1;
			}
			if (end)
				break;
			if (cur.n && add_piece(b, &cur, size, leading, colour, align, first ? gap : item ? igap : pgap, item,
			                       &list))
				return -1;
			first = first && !cur.n;
			cur = (spanbuf){.keep = s->keep};
			item = li;
			from = li ? k + 1 + (sp->utf8[k + 1] == '-' ? 2 : 4) : k + 2;
			k = from - 1;
		}
	}
	return cur.n ? add_piece(b, &cur, size, leading, colour, align, first ? gap : item ? igap : pgap, item,
	                         &list) : 0;
}

/* Does any span hold a paragraph break or a list item? */
static bool structured(const spanbuf *s)
{
	for (size_t i = 0; i < s->n; i++)
		for (size_t k = 0; k + 1 < s->v[i].len; k++)
			if (s->v[i].utf8[k] == '\n' &&
			    (s->v[i].utf8[k + 1] == '\n' || at_marker(s->v[i].utf8 + k + 1, s->v[i].len - k - 1)))
				return true;
	return false;
}

static int add_para(builder *b, const spanbuf *s, float size, rgb colour, int align, float gap)
{
	if (structured(s))
		return add_structured(b, s, size, size * 1.38f, colour, align, gap);
	blk *p = lines_block(b->r, s, b->width, size, size * 1.38f, colour, align);
	if (!p)
		return -1;
	p->role = ROLE_P;
	return !p->u.lines.n || vbox_add(b->r, b->out, p, gap) ? 0 : -1;
}

static float para_size(const lrun *r, const lnode *n, const bctx *c)
{
	const char *sz = lattr_get(n, "size");
	float size = sz ? (float)atof(sz) * c->scale : base(r, c);
	const char *style = lattr_get(n, "style");
	if (style && strcmp(style, "small") == 0)
		size *= 0.85f;
	if (style && strcmp(style, "lead") == 0)
		size *= 1.12f;
	return size;
}

static int build_p(builder *b, const lnode *n, const bctx *c)
{
	lrun *r = b->r;
	spanbuf s = {.keep = no_hyphenation(n)};
	if (collect_inline(r, n->first, c, FONT_REGULAR, &s))
		return -1;
	float size = para_size(r, n, c);
	const char *style = lattr_get(n, "style");
	rgb colour = style && strcmp(style, "muted") == 0 ? MUTED : BLACK;
	colour = layout_colour(lattr_get(n, "colour"), colour);
	const char *al = lattr_get(n, "align");
	int align = !al ? ALIGN_LEFT : strcmp(al, "center") == 0 ? ALIGN_CENTER
	          : strcmp(al, "right") == 0 ? ALIGN_RIGHT : ALIGN_LEFT;
	float gap = layout_length(lattr_get(n, "space-before"), 0.55f * base(r, c));
	return add_para(b, &s, size, colour, align, gap);
}

static int build_heading(builder *b, const lnode *n, const bctx *c)
{
	lrun *r = b->r;
	spanbuf s = {.keep = true};   /* headings are never hyphenated */
	if (collect_inline(r, n->first, c, FONT_BOLD, &s))
		return -1;
	int level = n->kind - L_H1;
	static const float scale[] = {2.0f, 1.4f, 1.1f};
	float size = base(r, c) * scale[level];
	rgb colour = layout_colour(lattr_get(n, "colour"), level == 2 ? BLACK : r->l->accent);
	blk *h = lines_block(r, &s, b->width, size, size * 1.22f, colour, ALIGN_LEFT);
	if (!h)
		return -1;
	if (!h->u.lines.n)
		return 0;
	h->role = ROLE_H1 + level;
	r->section_level = level + 1;
	const char *bm = lattr_get(n, "bookmark");
	if (level < 2 && !(bm && strcmp(bm, "false") == 0)) {
		h->u.lines.bookmark = level;
		if (!(h->u.lines.bookmark_title = spans_text(r, &s)))
			return fail(r);
	}
	static const float before[] = {0.2f, 1.5f, 1.0f};
	vchild *k = vbox_add(r, b->out, h, before[level] * base(r, c));
	if (!k)
		return -1;
	k->keep_with_next = true;
	return 0;
}

/* Inline nodes of a cell or list item run together into one paragraph. */
static bool is_inline(const lnode *n, bool cell_mode)
{
	switch (n->kind) {
	case L_TEXT: case L_B: case L_I: case L_BR: case L_FIELD: case L_NUMBER:
	case L_PAGE_NUMBER: case L_PAGE_COUNT: case L_MSG:
		return true;
	case L_IF: case L_CHOOSE: case L_REPEAT:
		return cell_mode;
	default:
		return false;
	}
}

/* Builds a vbox at width from a run of mixed inline/block children. */
static blk *build_cell(lrun *r, const lnode *first, const bctx *c, float width,
                       float size, font_style st, rgb colour, bool keep)
{
	blk *v = new_vbox(r, width);
	if (!v)
		return NULL;
	builder sub = {r, width, v, true, NULL, NULL};
	const lnode *n = first;
	while (n) {
		if (!is_inline(n, true)) {
			if (build_flow(&sub, n, c) && r->err)
				return NULL;
			n = n->next;
			continue;
		}
		spanbuf s = {.keep = keep};
		for (; n && is_inline(n, true); n = n->next)
			if (collect_one(r, n, c, st, &s))
				return NULL;
		if (structured(&s)) {
			if (add_structured(&sub, &s, size, size * 1.3f, colour, ALIGN_LEFT, 0.3f * size))
				return NULL;
			continue;
		}
		blk *p = lines_block(r, &s, width, size, size * 1.3f, colour, ALIGN_LEFT);
		if (!p || (p->u.lines.n && !vbox_add(r, v, p, 0.3f * size)))
			return NULL;
	}
	return v;
}

/* ---- lists -------------------------------------------------------------- */

static blk *make_row(lrun *r, blk **cells, const float *w, size_t n, float width, float pad)
{
	blk *row = new_blk(r, B_ROW, width);
	float *xs = arena_array(r->a, n, sizeof *xs);
	float *ws = arena_array(r->a, n, sizeof *ws);
	blk **cs = arena_array(r->a, n, sizeof *cs);
	if (!row || !xs || !ws || !cs) {
		fail(r);
		return NULL;
	}
	float x = 0, h = 0;
	for (size_t i = 0; i < n; i++) {
		xs[i] = x;
		ws[i] = w[i];
		cs[i] = cells[i];
		x += w[i];
		if (cells[i]->h > h)
			h = cells[i]->h;
	}
	row->u.row.cells = cs;
	row->u.row.x = xs;
	row->u.row.w = ws;
	row->u.row.n = n;
	row->u.row.pad = pad;
	row->h = h + 2 * pad;
	return row;
}

typedef struct list_arg {
	builder *b;
	int *counter;
	bool ordered;
	float size;
	blk *list;                 /* the list, made with its first item */
	float gap;                 /* before the next item */
} list_arg;

static int list_item(lrun *r, const lnode *li, const bctx *c, list_arg *la)
{
	builder *b = la->b;
	float indent = la->size * (la->ordered ? 1.9f : 1.3f);
	char mark[16];
	if (la->ordered)
		snprintf(mark, sizeof mark, "%d.", ++*la->counter);
	else
		snprintf(mark, sizeof mark, "\xE2\x80\xA2");   /* • */
	spanbuf ms = {0};
	const char *mt = arena_strdup(r->a, mark);
	if (span_add(r, &ms, FONT_REGULAR, mt, mt ? strlen(mt) : 0))
		return -1;
	blk *cells[2];
	float w[2] = {indent, b->width - indent};
	cells[0] = new_vbox(r, indent);
	blk *mb = lines_block(r, &ms, indent, la->size, la->size * 1.3f, r->l->accent, ALIGN_LEFT);
	if (!cells[0] || !mb || !vbox_add(r, cells[0], mb, 0))
		return -1;
	cells[1] = build_cell(r, li->first, c, w[1], la->size, FONT_REGULAR, BLACK, no_hyphenation(li));
	if (!cells[1])
		return -1;
	if (!cells[1]->h)
		return 0;
	blk *row = make_row(r, cells, w, 2, b->width, 0);
	if (!row || add_item(b, &la->list, row, la->gap))
		return -1;
	la->gap = 0.25f * la->size;
	return 0;
}

static int list_children(lrun *r, const lnode *first, const bctx *c, int i, void *arg)
{
	(void)i;
	list_arg *la = arg;
	for (const lnode *n = first; n; n = n->next) {
		if (n->kind == L_LI) {
			if (list_item(r, n, c, la))
				return -1;
		} else if (n->kind == L_IF) {
			if (test_holds(n, c) && list_children(r, n->first, c, 0, la))
				return -1;
		} else if (n->kind == L_REPEAT) {
			if (repeat_each(r, n, c, list_children, la) < 0)
				return -1;
		}
	}
	return 0;
}

static int build_list(builder *b, const lnode *n, const bctx *c)
{
	lrun *r = b->r;
	const char *st = lattr_get(n, "start");
	int counter = st ? atoi(st) - 1 : 0;
	list_arg la = {b, &counter, n->kind == L_OL, para_size(r, n, c), NULL, 0};
	/* Items stand 0.25 em apart; the first keeps more distance from what
	 * came before. */
	la.gap = 0.25f * la.size + (b->out->u.vbox.n ? 0.45f * base(r, c) : 0);
	return list_children(r, n->first, c, 0, &la);
}

/* ---- boxes -------------------------------------------------------------- */

static float box_pad(const lrun *r, const bctx *c) { return 0.7f * base(r, c); }

/* Lays out a box once at the given font scale. */
static blk *box_at_scale(lrun *r, const lnode *n, const lnode *content, const bctx *c0,
                         float width, float scale)
{
	bctx c = *c0;
	c.scale = scale;
	blk *bx = new_blk(r, B_BOX, width);
	if (!bx)
		return NULL;
	float pad = box_pad(r, &c);
	float size = base(r, &c);
	bx->u.box.pad = pad;
	bx->u.box.size = size;
	bx->u.box.accent = r->l->accent;
	const char *tint = lattr_get(n, "tint");
	bx->u.box.tinted = tint != NULL;
	bx->u.box.tint = layout_colour(tint, WHITE);
	/* Title: the attribute, or the <title> child's inline content. */
	spanbuf s = {.keep = true};   /* a box's title is a heading */
	const char *ta = lattr_get(n, "title"), *tk = lattr_get(n, "title-key");
	const lnode *body = skip_space(n->first);
	if (body && body->kind == L_TITLE) {
		if (collect_inline(r, body->first, &c, FONT_BOLD, &s))
			return NULL;
		body = body->next;
	} else if (ta && span_add(r, &s, FONT_BOLD, ta, strlen(ta))) {
		return NULL;
	} else if (!ta && tk && collect_key(r, tk, NULL, n->line, &c, FONT_BOLD, &s)) {
		return NULL;
	}
	if (content)
		body = content;
	float tsize = size * 1.0f;
	blk *title = lines_block(r, &s, width - 2 * pad, tsize, tsize * 1.3f, r->l->accent, ALIGN_LEFT);
	if (!title)
		return NULL;
	bx->u.box.title = title->u.lines.n ? spans_text(r, &s) : NULL;
	bx->u.box.cont_mark = run_text(r, "continued", "(…)");
	bx->u.box.title_h = title->u.lines.n ? title->h + 0.5f * pad : 0;
	bx->u.box.content = new_vbox(r, width - 2 * pad);
	if (!bx->u.box.content)
		return NULL;
	/* The title is the first child of the content so it breaks like text.
	 * It heads the box's section, a level below the heading the box
	 * stands under; headings inside the box stay inside it. */
	int outer = r->section_level;
	title->role = ROLE_H1 + (outer < 5 ? outer : 5);
	if (title->u.lines.n && !vbox_add(r, bx->u.box.content, title, 0))
		return NULL;
	builder sub = {r, width - 2 * pad, bx->u.box.content, false, NULL, NULL};
	if (build_flow(&sub, body, &c) && r->err)
		return NULL;
	r->section_level = outer;
	if (bx->u.box.content->u.vbox.n)
		bx->role = ROLE_SECT;   /* a box with nothing in it is only room to write */
	float pitch = layout_length(lattr_get(n, "pitch"), 9 * PT_PER_MM);
	if (pitch < 8 * PT_PER_MM)
		pitch = 8 * PT_PER_MM;
	const char *lines = lattr_get(n, "lines"), *fill = lattr_get(n, "fill");
	bx->u.box.pitch = pitch;
	bx->u.box.lines = lines ? atoi(lines) : 0;
	if (fill && strcmp(fill, "true") == 0 && bx->u.box.lines < MIN_WRITING_LINES)
		bx->u.box.lines = MIN_WRITING_LINES;   /* room to write, whatever came before */
	bx->h = pad + bx->u.box.content->h + bx->u.box.lines * pitch + pad;
	bx->cont_h = bx->u.box.title_h ? title->h + 1.5f * pad : 0;
	bx->keep_together = true;
	return bx;
}

/* Moves the content of box n into the run's appendix, under a heading
 * "Bilag: <title>", and returns the note the box shows instead, as a
 * paragraph node; NULL when out of memory. */
static const lnode *spill_box(lrun *r, const lnode *n, const bctx *c, float inner, blk **moved)
{
	bctx plain = *c;
	plain.spill = false;
	if (!r->appendix && !(r->appendix = new_vbox(r, r->body_w)))
		return NULL;
	const lnode *body = skip_space(n->first);
	const char *title = attr_text(r, n, "title");
	if (!title && r->err)
		return NULL;
	if (body && body->kind == L_TITLE)
		body = body->next;
	const char *head = arena_printf(r->a, "%s: %s", run_text(r, "appendix", "Bilag"),
	                                title ? title : "");
	spanbuf s = {.keep = true};
	if (!head || span_add(r, &s, FONT_BOLD, head, strlen(head)))
		return NULL;
	float size = base(r, c) * 1.4f;
	blk *h = lines_block(r, &s, r->body_w, size, size * 1.22f, r->l->accent, ALIGN_LEFT);
	if (h)
		h->role = ROLE_H2;   /* set as an h2, after the sheet's sections */
	vchild *k = h ? vbox_add(r, r->appendix, h, 1.5f * base(r, c)) : NULL;
	if (!k)
		return NULL;
	k->keep_with_next = true;
	/* built at the box's inner width: the very blocks the box would hold */
	blk *cv = new_vbox(r, inner);
	builder sub = {r, inner, cv, false, NULL, NULL};
	if (!cv || build_flow(&sub, body, &plain) || (cv->u.vbox.n && !vbox_add(r, r->appendix, cv, 0)))
		return NULL;
	*moved = cv;
	lnode *text = arena_alloc(r->a, sizeof *text), *p = arena_alloc(r->a, sizeof *p);
	if (!text || !p)
		return NULL;
	*text = (lnode){.kind = L_TEXT, .text = run_text(r, "appendix-note", "Se bilaget.")};
	*p = (lnode){.kind = L_P, .first = text};
	return p;
}

static int build_box(builder *b, const lnode *n, const bctx *c)
{
	lrun *r = b->r;
	const char *hs = lattr_get(n, "height"), *of = lattr_get(n, "overflow");
	const lnode *content = NULL;
	blk *moved = NULL;
	if (c->spill && of && strcmp(of, "appendix") == 0 &&
	    !(content = spill_box(r, n, c, b->width - 2 * box_pad(r, c), &moved)))
		return fail(r);
	blk *bx = box_at_scale(r, n, content, c, b->width, c->scale);
	if (bx && moved && vbox_last(bx->u.box.content))
		r->spill_gain += moved->h - vbox_last(bx->u.box.content)->b->h;   /* what the note saved */
	if (!bx)
		return -1;
	if (hs) {
		/* Fixed height: shrink the text down to min-size, then let it grow
		 * and continue on the next page with a continuation title. */
		float h = layout_length(hs, 0);
		const char *ms = lattr_get(n, "min-size");
		float min_scale = (ms ? (float)atof(ms) : 7.0f) / r->l->base_size;
		for (float s = c->scale - 0.05f; bx->h > h && s >= min_scale - 1e-4f; s -= 0.05f)
			if (!(bx = box_at_scale(r, n, content, c, b->width, s)))
				return -1;
		if (bx->h < h)
			bx->h = h;
	}
	const char *fill = lattr_get(n, "fill");
	bx->fill = fill && strcmp(fill, "true") == 0;
	vchild *k = vbox_add(r, b->out, bx, 0.8f * base(r, c));
	if (k && bx->fill)
		k->break_after = true;
	return k ? 0 : -1;
}

/* ---- tables -------------------------------------------------------------- */

typedef struct table_ctx {
	builder *b;
	blk *table;
	float *w;                  /* column widths */
	size_t cols;
	float size, pad;
	bool grid;
	bool row_headers;          /* no header row: each row's first cell heads it */
	/* First pass (want != NULL): per column, the widest cell on one line
	 * and the widest word (a kept text, e.g. a name: all of it; in loose,
	 * a kept text's widest word). */
	float *want, *least, *loose;
} table_ctx;

/* Parses widths="3fr 2fr 30mm" into w (at most max) and the fractions
 * into fr (0 for a fixed width); returns the count. */
static size_t parse_widths(const char *spec, float total, float *w, float *fr, size_t max)
{
	float fixed = 0, frs = 0;
	size_t n = 0;
	const char *p = spec;
	while (*p && n < max && n < 32) {
		while (*p == ' ')
			p++;
		if (!*p)
			break;
		char *end;
		float v = strtof(p, &end);
		if (end[0] == 'f' && end[1] == 'r') {
			fr[n] = v;
			frs += v;
			w[n] = 0;
			end += 2;
		} else {
			fr[n] = 0;
			char unit[8] = {0};
			size_t k = 0;
			while (end[k] && end[k] != ' ' && k < 7) {
				unit[k] = end[k];
				k++;
			}
			w[n] = v * (strcmp(unit, "mm") == 0 ? PT_PER_MM : strcmp(unit, "cm") == 0 ? 10 * PT_PER_MM : 1);
			fixed += w[n];
			end += k;
		}
		p = end;
		n++;
	}
	float rest = total - fixed;
	for (size_t i = 0; i < n; i++)
		if (fr[i] > 0)
			w[i] = frs > 0 && rest > 0 ? rest * fr[i] / frs : 0;
	return n;
}

/* Puts an empty square to tick at the top of a cell, before its text. */
static int add_checkbox(lrun *r, blk *cell, float size)
{
	blk *box = new_blk(r, B_CHECK, size * 1.1f);
	if (!box)
		return -1;
	box->h = size * 1.3f;
	size_t n = cell->u.vbox.n;
	cell->u.vbox.n = 0;
	cell->h = 0;
	vchild *kids = cell->u.vbox.kids;
	if (!vbox_add(r, cell, box, 0))
		return -1;
	for (size_t i = 0; i < n; i++) {
		vchild *k = vbox_add(r, cell, kids[i].b, 0.3f * size);
		if (!k)
			return -1;
	}
	return 0;
}

static blk *table_row(table_ctx *t, const lnode *row, const bctx *c, bool header)
{
	lrun *r = t->b->r;
	blk *cells[32];
	size_t i = 0;
	rgb colour = header ? WHITE : BLACK;
	for (const lnode *cell = row->first; cell && i < t->cols; cell = cell->next) {
		if (cell->kind != L_CELL)
			continue;
		float inner = t->w[i] - 2 * t->pad;
		cells[i] = build_cell(r, cell->first, c, inner > 4 ? inner : 4, t->size,
		                      header ? FONT_BOLD : FONT_REGULAR, colour,
		                      header || no_hyphenation(cell));
		if (!cells[i])
			return NULL;
		const char *cb = lattr_get(cell, "checkbox");
		if (cb && strcmp(cb, "true") == 0 && add_checkbox(r, cells[i], t->size))
			return NULL;
		i++;
	}
	for (; i < t->cols; i++)
		if (!(cells[i] = new_vbox(r, t->w[i] - 2 * t->pad)))
			return NULL;
	for (i = 0; i < t->cols; i++) {
		bool head = header || (t->row_headers && i == 0);
		cells[i]->role = head ? ROLE_TH : ROLE_TD;
		cells[i]->scope = head ? (header ? SCOPE_COLUMN : SCOPE_ROW) : 0;
	}
	blk *rb = make_row(r, cells, t->w, t->cols, t->table->w, t->pad * 0.8f);
	if (!rb)
		return NULL;
	rb->role = ROLE_TR;
	float minh = layout_length(lattr_get(row, "height"), 0);
	if (rb->h < minh)
		rb->h = minh;
	rb->u.row.framed = t->grid;
	rb->u.row.ruled = !t->grid && !header;
	rb->u.row.rule_colour = t->grid ? (rgb){0.55f, 0.58f, 0.62f} : (rgb){0.72f, 0.74f, 0.77f};
	/* A row splits only when it alone is taller than a page. */
	rb->keep_together = true;
	if (!header) {
		const lnode *first = row->first;
		while (first && first->kind != L_CELL)
			first = first->next;
		rb->u.row.label_cell = first;
		rb->u.row.label_data = c->data;
		rb->u.row.label_size = t->size;
	}
	return rb;
}

blk *layout_row_label(lrun *r, blk *row)
{
	if (row->u.row.label || !row->u.row.label_cell)
		return row->u.row.label;
	bctx c = {row->u.row.label_data, 0, 1, 0, 0, false};
	spanbuf s = {.keep = true};
	if (collect_inline(r, row->u.row.label_cell->first, &c, FONT_ITALIC, &s))
		return NULL;
	const char *text = spans_text(r, &s);
	if (!text)
		return fail(r), NULL;
	if (!*text) {
		row->u.row.label_cell = NULL;   /* an empty first cell: nothing to repeat */
		return NULL;
	}
	/* The label is the cell's first line, shortened with "…" when the
	 * cell holds more: a whole long cell repeated would fill the page. */
	const char *more = run_text(r, "continued", "(…)");
	float size = row->u.row.label_size, pad = row->u.row.pad;
	float inner = row->u.row.w[0] - 2 * pad / 0.8f;
	inner = inner > 4 ? inner : 4;
	spanbuf ls = {.keep = true};
	if (span_add(r, &ls, FONT_ITALIC, text, strlen(text)))
		return NULL;
	blk *whole = lines_block(r, &ls, inner, size, size * 1.3f, MUTED, ALIGN_LEFT);
	if (!whole)
		return NULL;
	const char *t = text;
	if (whole->u.lines.n > 1) {
		/* the first line as printed, without a hyphen added at its end */
		const text_line *l = &whole->u.lines.lines[0].line;
		t = "";
		for (size_t i = 0; t && i < l->n; i++)
			t = arena_printf(r->a, "%s%s", t, l->frags[i].utf8);
		size_t len = t ? strlen(t) : 0;
		if (l->open_end && len && t[len - 1] == '-')
			len--;
		t = t ? arena_printf(r->a, "%.*s…", (int)len, t) : NULL;
	}
	t = t ? arena_printf(r->a, "%s %s", t, more) : NULL;
	ls = (spanbuf){.keep = true};
	if (!t || span_add(r, &ls, FONT_ITALIC, t, strlen(t)))
		return fail(r), NULL;
	blk *label = lines_block(r, &ls, inner, size, size * 1.3f, MUTED, ALIGN_LEFT);
	return row->u.row.label = label;
}

static int table_rows(lrun *r, const lnode *first, const bctx *c, int i, void *arg);

/* The widest word of a kept span, were it allowed to wrap between words
 * (a kept text too long for its column's limit wraps there anyway). */
static float kept_word(const text_measurer *m, const text_span *sp, float size)
{
	float widest = 0;
	for (size_t a = 0; a < sp->len;) {
		size_t e = a;
		while (e < sp->len && sp->utf8[e] != ' ' && sp->utf8[e] != '\n')
			e++;
		float k = e > a ? m->fn(m->ctx, sp->style, size, sp->utf8 + a, e - a) : 0;
		if (k > widest)
			widest = k;
		a = e + 1;
	}
	return widest;
}

/* The width of the spans on one line, and of their widest word (of a
 * kept span: all of it, a name never wraps; of another word at most a
 * dozen letters' worth, the rest may be hyphenated); *loose is the widest
 * word were kept spans to wrap between their words. */
static void spans_widths(lrun *r, const spanbuf *s, float size, float *line, float *word,
                         float *loose)
{
	const text_measurer *m = r->env->measurer;
	float cur = 0, w = 0;
	*line = *word = *loose = 0;
	for (size_t i = 0; i < s->n; i++) {
		const text_span *sp = &s->v[i];
		if (sp->keep) {
			float k = m->fn(m->ctx, sp->style, size, sp->utf8, sp->len);
			cur += k;
			if (k > *word)
				*word = k;
			k = kept_word(m, sp, size);
			if (k > *loose)
				*loose = k;
			continue;
		}
		for (size_t a = 0; a < sp->len;) {
			size_t e = a;
			while (e < sp->len && sp->utf8[e] != ' ' && sp->utf8[e] != '\n')
				e++;
			float k = e > a ? m->fn(m->ctx, sp->style, size, sp->utf8 + a, e - a) : 0;
			w += k;
			cur += k;
			/* a long word can be hyphenated: it asks for a dozen letters */
			if ((w < 6 * size ? w : 6 * size) > *word)
				*word = w < 6 * size ? w : 6 * size;
			if (*word > *loose)
				*loose = *word;
			if (e < sp->len && sp->utf8[e] == '\n') {
				if (cur > *line)
					*line = cur;
				cur = 0;
			} else if (e < sp->len) {
				cur += m->fn(m->ctx, sp->style, size, " ", 1);
			}
			if (e < sp->len)
				w = 0;
			a = e + 1;
		}
	}
	if (cur > *line)
		*line = cur;
}

/* First pass: how wide the row's cells would like to be. */
static int measure_row(table_ctx *t, const lnode *row, const bctx *c, bool header)
{
	lrun *r = t->b->r;
	size_t i = 0;
	float inset = 2 * t->pad / 0.8f + 1;
	for (const lnode *cell = row->first; cell && i < t->cols; cell = cell->next) {
		if (cell->kind != L_CELL)
			continue;
		spanbuf s = {.keep = header || no_hyphenation(cell)};
		if (collect_inline(r, cell->first, c, header ? FONT_BOLD : FONT_REGULAR, &s))
			return -1;
		float line, word, loose;
		spans_widths(r, &s, t->size, &line, &word, &loose);
		if (line + inset > t->want[i])
			t->want[i] = line + inset;
		if (word + inset > t->least[i])
			t->least[i] = word + inset;
		if (loose + inset > t->loose[i])
			t->loose[i] = loose + inset;
		i++;
	}
	return 0;
}

/* Column widths from content, within the layout's limits: every fraction
 * column gets at least 60 % of its share (and its widest word), the
 * columns whose content fits their share give up the rest, and what is
 * free goes first to the columns that need least to fit on one line (a
 * name, a short title), then to all in proportion to their shares. */
static void fit_columns(table_ctx *t, const float *fr)
{
	float free = 0, *w = t->w;
	size_t n = t->cols;
	float lo[32], hi[32];
	for (size_t i = 0; i < n; i++) {
		if (fr[i] <= 0)
			continue;
		float share = w[i];
		/* a kept text wider than the layout's limit wraps between its
		 * words anyway: it asks only for its widest word */
		float least = t->least[i] > 1.6f * share ? t->loose[i] : t->least[i];
		lo[i] = least > 0.6f * share ? least : 0.6f * share;
		if (lo[i] > 1.6f * share)
			lo[i] = 1.6f * share;      /* the layout's limit */
		hi[i] = t->want[i] > lo[i] ? t->want[i] : lo[i];
		float nw = hi[i] < share ? hi[i] : share;
		nw = nw > lo[i] ? nw : lo[i];
		free += share - nw;
		w[i] = nw;
	}
	while (free > 0.5f) {
		size_t best = n;
		for (size_t i = 0; i < n; i++)
			if (fr[i] > 0 && hi[i] - w[i] > 0.5f && (best == n || hi[i] - w[i] < hi[best] - w[best]))
				best = i;
		if (best == n)
			break;
		float give = hi[best] - w[best] < free ? hi[best] - w[best] : free;
		w[best] += give;
		free -= give;
	}
	if (free < 0) {
		/* over-full: taken first from what columns have above their least */
		float above = 0;
		for (size_t i = 0; i < n; i++)
			if (fr[i] > 0 && w[i] > lo[i])
				above += w[i] - lo[i];
		float take = -free < above ? -free : above;
		for (size_t i = 0; i < n && above > 0; i++)
			if (fr[i] > 0 && w[i] > lo[i])
				w[i] -= take * (w[i] - lo[i]) / above;
		free += take;
	}
	float frs = 0;
	for (size_t i = 0; i < n; i++)
		frs += fr[i];
	for (size_t i = 0; i < n && frs > 0; i++)
		if (fr[i] > 0)
			w[i] += free * fr[i] / frs;     /* what is left, or taken when negative */
}

static int table_node(table_ctx *t, const lnode *n, const bctx *c)
{
	lrun *r = t->b->r;
	switch (n->kind) {
	case L_ROW: {
		if (t->want)
			return measure_row(t, n, c, false);
		blk *rb = table_row(t, n, c, false);
		return rb && vbox_add(r, t->table, rb, 0) ? 0 : -1;
	}
	case L_EMPTY_ROWS: {
		if (t->want)
			return 0;
		int count = atoi(lattr_get(n, "count"));
		float h = layout_length(lattr_get(n, "height"), 12 * PT_PER_MM);
		const lnode *tmpl = skip_space(n->first);
		for (int k = 0; k < count; k++) {
			lnode empty = {.kind = L_ROW};
			blk *rb = table_row(t, tmpl && tmpl->kind == L_ROW ? tmpl : &empty, c, false);
			if (!rb)
				return -1;
			if (rb->h < h)
				rb->h = h;
			if (!vbox_add(r, t->table, rb, 0))
				return -1;
		}
		return 0;
	}
	case L_IF:
		return test_holds(n, c) ? table_rows(r, n->first, c, 0, t) : 0;
	case L_CHOOSE: {
		const lnode *br = choose_branch(n, c);
		return br ? table_rows(r, br->first, c, 0, t) : 0;
	}
	case L_REPEAT:
		return repeat_each(r, n, c, table_rows, t) < 0 ? -1 : 0;
	default:
		return 0;
	}
}

static int table_rows(lrun *r, const lnode *first, const bctx *c, int i, void *arg)
{
	(void)r;
	(void)i;
	for (const lnode *n = first; n; n = n->next)
		if (table_node(arg, n, c))
			return -1;
	return 0;
}

static int build_table(builder *b, const lnode *n, const bctx *c)
{
	lrun *r = b->r;
	float w[32], fr[32], want[32] = {0}, least[32] = {0}, loose[32] = {0};
	table_ctx t = {b, NULL, w, 0, 0, 0, true, false, NULL, NULL, NULL};
	t.cols = parse_widths(lattr_get(n, "widths"), b->width, w, fr, 32);
	if (!t.cols)
		return 0;
	const char *sz = lattr_get(n, "size");
	t.size = sz ? (float)atof(sz) * c->scale : base(r, c) * 0.92f;
	t.pad = 0.45f * t.size;
	/* Column widths from content: a first pass measures the cells. */
	const lnode *first = skip_space(n->first);
	t.want = want;
	t.least = least;
	t.loose = loose;
	if ((first && first->kind == L_HEADER && measure_row(&t, first, c, true)) ||
	    table_rows(r, first && first->kind == L_HEADER ? first->next : first, c, 0, &t))
		return -1;
	fit_columns(&t, fr);
	t.want = t.least = t.loose = NULL;
	const char *rules = lattr_get(n, "rules");
	t.grid = !rules || strcmp(rules, "grid") == 0;
	if (!(t.table = new_blk(r, B_TABLE, b->width)))
		return -1;
	t.table->role = ROLE_TABLE;
	const lnode *rows = skip_space(n->first);
	t.row_headers = !rows || rows->kind != L_HEADER;
	if (rows && rows->kind == L_HEADER) {
		blk *hb = table_row(&t, rows, c, true);
		if (!hb)
			return -1;
		hb->u.row.framed = t.grid;
		rgb fillc = layout_colour(lattr_get(n, "header-fill"), r->l->accent);
		hb->u.row.tint = arena_alloc(r->a, sizeof(rgb));
		if (!hb->u.row.tint)
			return fail(r);
		*hb->u.row.tint = fillc;
		t.table->u.vbox.header = hb;
		t.table->h = hb->h;
		t.table->cont_h = hb->h;
		rows = rows->next;
	}
	if (table_rows(r, rows, c, 0, &t))
		return -1;
	return vbox_add(r, b->out, t.table, 0.8f * base(r, c)) ? 0 : -1;
}

/* vbox_add places the first row at 0; rows of a table sit below the header. */
static void table_fix_offsets(blk *t)
{
	float off = t->u.vbox.header ? t->u.vbox.header->h : 0;
	float y = off;
	for (size_t i = 0; i < t->u.vbox.n; i++) {
		t->u.vbox.kids[i].y = y;
		y += t->u.vbox.kids[i].b->h;
	}
	t->h = y;
}

/* ---- grids --------------------------------------------------------------- */

static void stretch(blk *b, float h)
{
	if (b->h >= h)
		return;
	if (b->kind == B_VBOX && b->u.vbox.n == 1) {
		vchild *k = &b->u.vbox.kids[0];
		if (k->b->kind == B_BOX)
			k->b->h = h - k->y;
	}
	b->h = h;
}

static int build_grid(builder *b, const lnode *n, const bctx *c)
{
	lrun *r = b->r;
	int cols = atoi(lattr_get(n, "cols"));
	float gap = layout_length(lattr_get(n, "gap"), 5 * PT_PER_MM);
	float cw = (b->width - gap * (cols - 1)) / cols;
	/* Build every child into its own vbox, then group them into rows. */
	blk *tmp = new_vbox(r, cw);
	if (!tmp)
		return -1;
	builder sub = {r, cw, tmp, false, NULL, NULL};
	if (build_flow(&sub, n->first, c) && r->err)
		return -1;
	size_t nk = tmp->u.vbox.n;
	for (size_t i = 0; i < nk; i += (size_t)cols) {
		blk *cells[6];
		float w[6];
		size_t k;
		for (k = 0; k < (size_t)cols; k++) {
			cells[k] = new_vbox(r, cw);
			w[k] = cw + (k + 1 < (size_t)cols ? gap : 0);
			if (!cells[k])
				return -1;
			if (i + k < nk && !vbox_add(r, cells[k], tmp->u.vbox.kids[i + k].b, 0))
				return -1;
		}
		blk *row = make_row(r, cells, w, k, b->width, 0);
		if (!row)
			return -1;
		for (k = 0; k < (size_t)cols; k++)
			stretch(cells[k], row->h);
		row->keep_together = true;
		if (!vbox_add(r, b->out, row, i ? gap : 0.8f * base(r, c)))
			return -1;
	}
	return 0;
}

/* ---- images, rules, custom ------------------------------------------------ */

/* An image read in this run: each file is read once per document. */
typedef struct image_file {
	struct image_file *next;
	const char *base, *rel;
	unsigned char *data;       /* in the run's arena */
	size_t len;
	int w, h;
} image_file;

/* Images a document may read together, a hostile layout's repeats aside. */
#define IMAGE_BYTES_MAX (64u << 20)

/* Reads image rel beneath folder base (safe_path.h), once per run; NULL
 * with a diag record at file:line when it may not or cannot be read. */
static const image_file *read_image(lrun *r, const char *base, const char *rel,
                                    const char *file, int line)
{
	for (image_file *f = r->images; f; f = f->next)
		if (strcmp(f->rel, rel) == 0 && strcmp(f->base, base ? base : "") == 0)
			return f;
	image_file *f = arena_alloc(r->a, sizeof *f);
	unsigned char *buf = NULL;
	int oom = 0;
	const char *why = f ? safe_read(base, rel, SAFE_IMAGE_MAX, &buf, &f->len, &oom) : NULL;
	if (!f || oom) {
		fail(r);
		return NULL;
	}
	if (!why)
		why = safe_image_size(buf, f->len, &f->w, &f->h);
	if (!why && (f->len > IMAGE_BYTES_MAX - r->image_bytes))
		why = "et billede for meget: dokumentets billeder fylder over 64 MiB tilsammen";
	if (!why && !(f->data = arena_alloc(r->a, f->len + 1)))
		oom = 1;
	if (!why && !oom)
		memcpy(f->data, buf, f->len);
	free(buf);
	if (oom) {
		fail(r);
		return NULL;
	}
	if (why) {
		diag_error(r->d, file, line, "billedet '%s': %s", rel, why);
		r->err = AM_EINPUT;
		return NULL;
	}
	f->base = arena_strdup(r->a, base ? base : "");
	f->rel = arena_strdup(r->a, rel);
	if (!f->base || !f->rel) {
		fail(r);
		return NULL;
	}
	r->image_bytes += f->len;
	f->next = r->images;
	r->images = f;
	return f;
}

/* The folder of the file at path ("." for a bare name), in a. */
static const char *folder_of(arena *a, const char *path)
{
	const char *slash = strrchr(path, '/');
	return !slash ? "." : slash == path ? "/" : arena_strndup(a, path, (size_t)(slash - path));
}

/* An image: src, beneath the layout's folder, or the data's path (the
 * workplace's <logo>), beneath the folder of the workplace file. */
static int build_image(builder *b, const lnode *n, const bctx *c)
{
	lrun *r = b->r;
	const char *src = lattr_get(n, "src"), *rel, *folder, *file;
	int line;
	if (src) {
		rel = src;
		folder = folder_of(r->a, r->file);
		file = r->file;
		line = n->line;
	} else {
		const dnode *dn = data_find(c->data, lattr_get(n, "path"));
		if (!dn || !dn->text)
			return 0;       /* no logo: nothing to print */
		rel = dn->text;
		folder = r->env->image_dir ? r->env->image_dir : ".";
		file = r->env->data_file ? r->env->data_file : "workplace";
		line = dn->line;
	}
	if (!folder)
		return fail(r);
	const image_file *img = read_image(r, folder, rel, file, line);
	if (!img)
		return -1;
	int pw = img->w, ph = img->h;
	float w = layout_length(lattr_get(n, "width"), 0);
	float h = layout_length(lattr_get(n, "height"), 0);
	if (!w && !h)
		w = pw * 0.75f;
	if (!w)
		w = h * pw / ph;
	if (!h)
		h = w * ph / pw;
	if (w > b->width) {
		h *= b->width / w;
		w = b->width;
	}
	blk *im = new_blk(r, B_IMAGE, b->width);
	if (!im)
		return -1;
	im->h = h;
	im->u.image.file = rel;
	im->u.image.alt = lattr_get(n, "alt");
	im->role = im->u.image.alt ? ROLE_FIGURE : ROLE_NONE;
	im->u.image.data = img->data;
	im->u.image.len = img->len;
	im->u.image.w = w;
	const char *al = lattr_get(n, "align");
	im->u.image.x = al && strcmp(al, "right") == 0 ? b->width - w
	              : al && strcmp(al, "center") == 0 ? (b->width - w) / 2 : 0;
	return vbox_add(r, b->out, im, 0.5f * base(r, c)) ? 0 : -1;
}

static int build_simple(builder *b, const lnode *n, const bctx *c)
{
	lrun *r = b->r;
	blk *x = NULL;
	float gap = 0.5f * base(r, c);
	if (n->kind == L_RULE) {
		x = new_blk(r, B_RULE, b->width);
		if (!x)
			return -1;
		x->u.rule.width = layout_length(lattr_get(n, "width"), 0.6f);
		x->u.rule.colour = layout_colour(lattr_get(n, "colour"), (rgb){0.7f, 0.72f, 0.75f});
		x->h = 0.6f * base(r, c);
	} else if (n->kind == L_SPACER) {
		x = new_blk(r, B_SPACE, b->width);
		if (!x)
			return -1;
		x->h = layout_length(lattr_get(n, "height"), 0);
		gap = 0;
	} else {
		x = new_blk(r, B_CUSTOM, b->width);
		if (!x)
			return -1;
		const char *hs = lattr_get(n, "height");
		x->fill = !hs || strcmp(hs, "fill") == 0;
		x->h = x->fill ? 100 : layout_length(hs, 100);
		x->u.custom.kind = lattr_get(n, "kind");
		x->u.custom.data = c->data;
	}
	vchild *k = vbox_add(r, b->out, x, gap);
	if (k && x->fill)
		k->break_after = true;
	return k ? 0 : -1;
}

/* ---- sections and control ----------------------------------------------- */

static int new_section(builder *b, const lnode *n)
{
	lrun *r = b->r;
	lsection *cur = &(*b->secs)[*b->n_secs - 1];
	lsection *grown = arena_array(r->a, *b->n_secs + 1, sizeof *grown);
	if (!grown)
		return fail(r);
	memcpy(grown, *b->secs, *b->n_secs * sizeof *grown);
	lpage pg = cur->page;
	const char *size = lattr_get(n, "size");
	float w = pg.w, h = pg.h;
	if (size)
		layout_paper_size(size, &w, &h);
	else if (w > h) {
		float t = w;
		w = h;
		h = t;
	}
	const char *o = lattr_get(n, "orientation");
	bool landscape = o ? strcmp(o, "landscape") == 0 : pg.w > pg.h;
	if ((landscape && w < h) || (!landscape && w > h)) {
		float t = w;
		w = h;
		h = t;
	}
	pg.w = w;
	pg.h = h;
	lsection *s = &grown[*b->n_secs];
	s->page = pg;
	s->body = new_vbox(r, pg.w - pg.ml - pg.mr);
	if (!s->body)
		return -1;
	*b->secs = grown;
	(*b->n_secs)++;
	b->out = s->body;
	b->width = s->body->w;
	return 0;
}

static int page_break(builder *b, const lnode *n)
{
	vchild *last = vbox_last(b->out);
	b->r->n_terms = 0;         /* a new sheet */
	bool new_paper = lattr_get(n, "size") || lattr_get(n, "orientation");
	if (new_paper && b->secs)
		return new_section(b, n);
	if (last)
		last->break_after = true;
	return 0;
}

typedef struct flow_arg {
	builder *b;
	bool page_each;
	bool own_numbers;          /* each item's pages are numbered on their own */
	bool spilled;              /* the item before needed its appendix */
	const char *lang;          /* the path of each item's language code, or NULL */
} flow_arg;

/* Builds one sheet with its boxes' content spilled to an appendix; the
 * appendix is left in r->appendix, and r->spill_gain says how much taller
 * the sheet would be with the content in its boxes. */
static int build_spilled(lrun *r, builder *b, const lnode *body, const bctx *c)
{
	bctx sub = *c;
	sub.spill = true;
	r->appendix = NULL;
	r->spill_gain = 0;
	return build_flow(b, body, &sub);
}

/* Ends the sheet just built with its appendix, on the pages after it. */
static int add_appendix(lrun *r, blk *out)
{
	vchild *last = vbox_last(out);
	if (!r->appendix || !r->appendix->u.vbox.n || !last)
		return 0;
	last->break_after = true;
	vchild *k = vbox_add(r, out, r->appendix, 0);
	r->appendix = NULL;
	return k ? 0 : -1;
}

/* Whether b fills a section's body (not a box, a cell or a kept group). */
static bool at_top(const builder *b)
{
	return b->secs && b->out == (*b->secs)[*b->n_secs - 1].body;
}

static int flow_sheet(lrun *r, const lnode *body, const bctx *c, flow_arg *fa, int i);

/* One item of a block repeat, in the item's language when the repeat
 * names one (lang="path") and there is a catalog for it; the blocks it
 * adds carry that language for their pages' header and footer. */
static int flow_item(lrun *r, const lnode *body, const bctx *c, int i, void *arg)
{
	flow_arg *fa = arg;
	/* Items numbered on their own at the top of the body end a group of
	 * pages: the items before are drawn and freed before this is built. */
	if (fa->page_each && fa->own_numbers && i > 1 && at_top(fa->b) && layout_can_group(r)) {
		if (layout_next_group(r, fa->b->secs, fa->b->n_secs))
			return -1;
		fa->b->out = (*fa->b->secs)->body;
		fa->b->width = fa->b->out->w;
	}
	const layout_lang *doc_lang = r->lang, *item_lang = NULL;
	const char *code = fa->lang ? data_text(c->data, fa->lang) : NULL;
	if (code && r->env->lang_for)
		item_lang = r->env->lang_for(r->env->lang_ctx, code);
	blk *out = fa->b->out;
	size_t n0 = out->u.vbox.n;
	if (item_lang)
		r->lang = item_lang;
	int rc = flow_sheet(r, body, c, fa, i);
	r->lang = doc_lang;
	if (rc || !item_lang || n0 == out->u.vbox.n)
		return rc;
	if (r->n_langs == r->cap_langs) {
		size_t cap = r->cap_langs ? 2 * r->cap_langs : 8;
		struct lang_span *v = arena_array(r->a, cap, sizeof *v);
		if (!v)
			return fail(r);
		if (r->n_langs)
			memcpy(v, r->langs, r->n_langs * sizeof *v);
		r->langs = v;
		r->cap_langs = cap;
	}
	r->langs[r->n_langs++] = (struct lang_span){out, n0, out->u.vbox.n, item_lang};
	return 0;
}

static int flow_sheet(lrun *r, const lnode *body, const bctx *c, flow_arg *fa, int i)
{
	blk *out = fa->b->out;
	vchild *last = vbox_last(out);
	if (fa->page_each && i > 1 && last) {
		last->break_after = true;
		last->restart_numbering = fa->own_numbers;
	}
	size_t n0 = out->u.vbox.n;
	float h0 = out->h;
	/* A sheet of its own that does not fit its page is built with the long
	 * pre-filled content of its boxes moved to an appendix ("Bilag") on
	 * the pages after it, so its writing room stays. When the sheet before
	 * needed that, this one is built so first, and kept when it would not
	 * have fitted with its content either (the sheets of a repeat are much
	 * alike: one build instead of two). */
	float avail = r->l->page.h - r->l->page.mt - r->l->page.mb;
	if (fa->page_each)
		r->n_terms = 0;    /* each item is a sheet of its own */
	if (fa->page_each && fa->spilled) {
		if (build_spilled(r, fa->b, body, c))
			return -1;
		if (r->appendix && n0 < out->u.vbox.n &&
		    out->h - out->u.vbox.kids[n0].y + r->spill_gain > avail + 1)
			return add_appendix(r, out);
		out->u.vbox.n = n0;
		out->h = h0;
		r->appendix = NULL;
	}
	fa->spilled = false;
	if (fa->page_each)
		r->n_terms = 0;
	if (build_flow(fa->b, body, c))
		return -1;
	if (!fa->page_each || n0 == out->u.vbox.n || out->h - out->u.vbox.kids[n0].y <= avail)
		return 0;
	out->u.vbox.n = n0;
	out->h = h0;
	r->n_terms = 0;
	if (build_spilled(r, fa->b, body, c))
		return -1;
	fa->spilled = r->appendix != NULL;
	return add_appendix(r, out);
}

static int build_keep(builder *b, const lnode *n, const bctx *c)
{
	lrun *r = b->r;
	blk *v = new_vbox(r, b->width);
	if (!v)
		return -1;
	builder sub = *b;
	sub.out = v;
	sub.secs = NULL;
	if (build_flow(&sub, n->first, c))
		return -1;
	v->keep_together = true;
	/* The kept group keeps the distance its first block asked for. */
	return v->u.vbox.n ? (vbox_add(r, b->out, v, v->u.vbox.lead_gap) ? 0 : -1) : 0;
}

static int build_node(builder *b, const lnode *n, const bctx *c)
{
	switch (n->kind) {
	case L_H1: case L_H2: case L_H3:
		return build_heading(b, n, c);
	case L_P:
		return build_p(b, n, c);
	case L_UL: case L_OL:
		return build_list(b, n, c);
	case L_BOX:
		return build_box(b, n, c);
	case L_TABLE: {
		if (build_table(b, n, c))
			return -1;
		table_fix_offsets(vbox_last(b->out)->b);
		blk *v = b->out;
		v->h = vbox_last(v)->y + vbox_last(v)->b->h;
		return 0;
	}
	case L_GRID:
		return build_grid(b, n, c);
	case L_IMAGE:
		return build_image(b, n, c);
	case L_RULE: case L_SPACER: case L_CUSTOM:
		return build_simple(b, n, c);
	case L_PAGE_BREAK:
		return page_break(b, n);
	case L_KEEP:
		return build_keep(b, n, c);
	case L_IF:
		return test_holds(n, c) ? build_flow(b, n->first, c) : 0;
	case L_CHOOSE: {
		const lnode *br = choose_branch(n, c);
		return br ? build_flow(b, br->first, c) : 0;
	}
	case L_REPEAT: {
		const char *brk = lattr_get(n, "break");
		const char *pn = lattr_get(n, "page-numbers");
		flow_arg fa = {b, brk && strcmp(brk, "page") == 0, pn && strcmp(pn, "each") == 0, false,
		               lattr_get(n, "lang")};
		return repeat_each(b->r, n, c, flow_item, &fa) < 0 ? -1 : 0;
	}
	default:
		return 0;          /* inline content at block level: ignored by the schema */
	}
}

static int build_flow(builder *b, const lnode *first, const bctx *c)
{
	for (const lnode *n = first; n; n = n->next) {
		if (b->cell_mode && is_inline(n, true))
			continue;      /* handled by build_cell */
		if (build_node(b, n, c))
			return -1;
		if (b->cell_mode)
			break;         /* build_cell feeds block nodes one at a time */
	}
	return 0;
}

bool layout_can_group(const lrun *r)
{
	return r->doc && r->doc->sink;
}

int layout_next_group(lrun *r, lsection **secs, size_t *n)
{
	if (paginate(r, *secs, *n, r->doc))
		return -1;
	/* The pages may point into the arena about to be emptied. */
	int rc = draw_flush(r->doc);
	if (rc)
		return r->err = rc, -1;
	lpage pg = (*secs)[*n - 1].page;
	if (!r->group) {
		/* What the first group made stays for the others. */
		if (!(r->group = arena_new()))
			return fail(r);
		r->memo_kept = r->memo;
		r->images_kept = r->images;
		r->image_bytes_kept = r->image_bytes;
		r->joints_kept = r->joints;
	} else {
		arena_reset(r->group);
	}
	r->a = r->group;
	r->memo = NULL;
	r->images = r->images_kept;
	r->image_bytes = r->image_bytes_kept;
	r->joints = r->joints_kept;
	r->appendix = NULL;
	r->spill_gain = 0;
	r->langs = NULL;           /* the drawn group's language spans, in its arena */
	r->n_langs = r->cap_langs = 0;
	lsection *s = arena_alloc(r->a, sizeof *s);
	if (!s)
		return fail(r);
	s->page = pg;
	if (!(s->body = new_vbox(r, pg.w - pg.ml - pg.mr)))
		return -1;
	*secs = s;
	*n = 1;
	return 0;
}

int layout_build(lrun *r, lsection **sections, size_t *n)
{
	lsection *secs = arena_alloc(r->a, sizeof *secs);
	if (!secs)
		return fail(r);
	secs->page = r->l->page;
	float pw, ph;
	if (r->env->paper && layout_paper_size(r->env->paper, &pw, &ph)) {
		/* A poster printed larger keeps its proportions: margins scale too. */
		float k = (pw < ph ? pw : ph) / (secs->page.w < secs->page.h ? secs->page.w : secs->page.h);
		secs->page = (lpage){r->env->landscape ? ph : pw, r->env->landscape ? pw : ph,
		                     secs->page.mt * k, secs->page.mb * k, secs->page.ml * k, secs->page.mr * k};
	}
	secs->body = new_vbox(r, secs->page.w - secs->page.ml - secs->page.mr);
	if (!secs->body)
		return -1;
	*n = 1;
	r->body_w = secs->body->w;
	builder b = {r, secs->body->w, secs->body, false, &secs, n};
	bctx c = {r->env->data, 0, 1, 0, 0, false};
	if (build_flow(&b, r->l->body->first, &c))
		return -1;
	*sections = secs;
	return 0;
}
