/* layout_text.c: a layout's text: inline content gathered into styled
 * spans, and spans broken into the lines of a text block, remembered per
 * run so that the same paragraph is broken once. See layout_build.h. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "fnv.h"
#include "layout_build.h"

/* ---- inline content → spans --------------------------------------------- */


int lay_span_add(lrun *r, spanbuf *s, font_style st, const char *t, size_t len)
{
	if (!t || !len)
		return t ? 0 : lay_fail(r);
	/* Most texts are one or two spans, and a paragraph's spans stay in the
	 * arena as long as its lines (the memo's key). */
	if (s->n == s->cap && arena_grow_from(r->a, (void **)&s->v, &s->cap, s->n, s->n + 1, sizeof *s->v, 2))
		return lay_fail(r);
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

/* hyphenate="false" on a text's element. */
bool lay_no_hyphenation(const lnode *n)
{
	return !lattr_word(n, "hyphenate", true);
}

typedef struct inline_arg {
	spanbuf *s;
	font_style st;
	const char *sep;
} inline_arg;

static int inline_item(lrun *r, const lnode *body, const bctx *c, int i, void *arg)
{
	inline_arg *ia = arg;
	if (i > 1 && ia->sep && lay_span_add(r, ia->s, ia->st, ia->sep, strlen(ia->sep)))
		return -1;
	return lay_collect_inline(r, body, c, ia->st, ia->s);
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
		return lay_span_add(r, s, st, w, strlen(w));
	const char *both = arena_printf(r->a, "%s (%s)", w, danish);
	return lay_span_add(r, s, st, both, both ? strlen(both) : 0);
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
			rc = lay_span_add(r, s, st, x->text, strlen(x->text));
			break;
		case L_B:
			rc = msg_inline(r, x->first, call, key, c, with_bold(st), s);
			break;
		case L_I:
			rc = msg_inline(r, x->first, call, key, c, with_italic(st), s);
			break;
		case L_BR:
			rc = lay_span_add(r, s, st, "\n", 1);
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
			rc = lay_collect_inline(r, arg->first, c, st, s);
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
int lay_collect_key(lrun *r, const char *key, const lnode *call, int line, const bctx *c,
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

int lay_collect_one(lrun *r, const lnode *n, const bctx *c, font_style st, spanbuf *s)
{
	const char *t;
	char num[24];
	switch (n->kind) {
	case L_TEXT:
		return lay_span_add(r, s, st, n->text, strlen(n->text));
	case L_B:
		return lay_collect_inline(r, n->first, c, with_bold(st), s);
	case L_I:
		return lay_collect_inline(r, n->first, c, with_italic(st), s);
	case L_BR:
		return lay_span_add(r, s, st, "\n", 1);
	case L_MSG:
		return lay_collect_key(r, lattr_get(n, "key"), n, n->line, c, st, s);
	case L_FIELD: {
		/* Names, addresses and URLs are marked hyphenate="false". */
		t = lay_field_text(r, n, c);
		if (!t && r->err)
			return -1;
		bool keep = s->keep;
		s->keep |= lay_no_hyphenation(n);
		int rc = t ? lay_span_add(r, s, st, t, strlen(t)) : 0;
		s->keep = keep;
		return rc;
	}
	case L_NUMBER:
	case L_PAGE_NUMBER:
	case L_PAGE_COUNT:
		snprintf(num, sizeof num, "%d",
		         n->kind == L_NUMBER ? c->index : n->kind == L_PAGE_NUMBER ? c->page : c->pages);
		t = arena_strdup(r->a, num);
		return lay_span_add(r, s, st, t, t ? strlen(t) : 0);
	case L_IF:
		return lay_test_holds(n, c) ? lay_collect_inline(r, n->first, c, st, s) : 0;
	case L_CHOOSE: {
		const lnode *b = lay_choose_branch(n, c);
		return b ? lay_collect_inline(r, b->first, c, st, s) : 0;
	}
	case L_REPEAT: {
		inline_arg ia = {s, st, lay_attr_text(r, n, "separator")};
		if (!ia.sep && r->err)
			return -1;
		return lay_repeat_each(r, n, c, inline_item, &ia) < 0 ? -1 : 0;
	}
	default:
		return 0;
	}
}

int lay_collect_inline(lrun *r, const lnode *first, const bctx *c, font_style st, spanbuf *s)
{
	for (const lnode *n = first; n; n = n->next)
		if (lay_collect_one(r, n, c, st, s))
			return -1;
	return 0;
}

/* Plain text of spans (for bookmarks). */
const char *lay_spans_text(lrun *r, const spanbuf *s)
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
	const text_joints *joints; /* and its compound joints */
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
	uint64_t h = FNV1A_BASIS;
	for (size_t i = 0; i < s->n; i++) {
		h = (h ^ (unsigned)s->v[i].style ^ (s->v[i].keep ? 0x80u : 0)) * FNV1A_PRIME;
		h = fnv1a(h, s->v[i].utf8, s->v[i].len);
		h = (h ^ 0xFF) * FNV1A_PRIME;   /* ends the span */
	}
	return h ^ float_bits(size) << 32 ^ float_bits(width);
}

static bool same_spans(const memo_entry *e, const spanbuf *s, float size, float width,
                       const text_hyph *hyph, const text_joints *joints)
{
	if (e->n_spans != s->n || e->size != size || e->width != width || e->hyph != hyph || e->joints != joints)
		return false;
	for (size_t i = 0; i < s->n; i++)
		if (e->spans[i].style != s->v[i].style || e->spans[i].len != s->v[i].len ||
		    e->spans[i].keep != s->v[i].keep ||
		    memcmp(e->spans[i].utf8, s->v[i].utf8, s->v[i].len) != 0)
			return false;
	return true;
}

/* Collects the names in the data tree (every node called "name"). */
static int add_names(arena *a, text_joints *j, const dnode *n)
{
	for (; n; n = n->next) {
		if (n->text && strcmp(n->name, "name") == 0 && text_joints_add_names(a, j, n->text))
			return -1;
		if (n->first && add_names(a, j, n->first))
			return -1;
	}
	return 0;
}

/* The compound joints of the language being printed (its catalog's, or
 * the layout's strings' "hyphenation" text), with the workplace's names,
 * which are never hyphenated: collected once, for the first language,
 * and shared with the others. NULL when out of memory. */
static const text_joints *joints(lrun *r)
{
	for (size_t i = 0; i < r->n_joints; i++)
		if (r->joints[i].lang == r->lang)
			return r->joints[i].j;
	arena *a = r->doc ? r->doc->arena : r->a;
	text_joints *j = text_joints_parse(a, cat(r) ? catalog_joints(cat(r)) : layout_text(r->l, "hyphenation", ""));
	if (!j)
		return NULL;
	if (r->n_joints)
		text_joints_share_names(j, r->joints[0].j);
	else if (r->env->data && add_names(a, j, r->env->data->first))
		return NULL;
	/* More languages than a document prints: parsed again each time. */
	if (r->n_joints < sizeof r->joints / sizeof r->joints[0])
		r->joints[r->n_joints++] = (struct lang_joints){r->lang, j};
	return j;
}

/* Breaks the spans, or finds them broken already. 0, or -1 (out of memory). */
static int break_para(lrun *r, const spanbuf *s, float size, float width, text_para *out)
{
	if (!r->memo && !(r->memo = arena_alloc(r->a, sizeof *r->memo)))
		return -1;
	const text_joints *j = joints(r);
	if (!j)
		return -1;
	unsigned long long h = memo_hash(s, size, width);
	memo_entry **slot = &r->memo->slot[h % MEMO_SLOTS];
	text_hyph *hyph = r->lang ? r->lang->hyph : r->env->hyph;
	for (const para_memo *m = r->memo; m; m = m == r->memo ? r->memo_kept : NULL)
		for (memo_entry *e = m->slot[h % MEMO_SLOTS]; e; e = e->next)
			if (e->hash == h && same_spans(e, s, size, width, hyph, j)) {
				*out = e->para;
				return 0;
			}
	memo_entry *e = arena_alloc(r->a, sizeof *e);
	if (!e || text_break_joints(r->a, r->env->measurer, hyph, j, s->v, s->n, size, width, out))
		return -1;
	*e = (memo_entry){*slot, h, s->v, s->n, size, width, hyph, j, *out};
	*slot = e;
	return 0;
}

blk *lay_lines_block(lrun *r, const spanbuf *s, float width, float size,
                     float leading, rgb colour, int align)
{
	blk *b = lay_new_blk(r, B_LINES, width);
	if (!b)
		return NULL;
	text_para para = {0};
	if (s->n && break_para(r, s, size, width, &para)) {
		lay_fail(r);
		return NULL;
	}
	b->u.lines.lines = arena_array(r->a, para.n ? para.n : 1, sizeof(line_item));
	if (!b->u.lines.lines) {
		lay_fail(r);
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
	if (lay_collect_inline(r, first, &c, st, &s))
		return NULL;
	return lay_lines_block(r, &s, width, size, size * 1.25f, colour, align);
}

