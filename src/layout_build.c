/* layout_build.c: template + data → formatted blocks, at a known width.
 *
 * One walk over the template per run: control nodes (if, choose, repeat)
 * are evaluated against the data tree as they are met, inline content is
 * gathered into styled spans and broken into lines at once (text.h), and
 * every block knows its height when it is made. Pagination (paginate.c)
 * then only chooses where to cut.
 *
 * The builder is one module in three files, split by element kind: this
 * one (the flow, paragraphs and headings, control nodes, cells, sections
 * and the run), layout_build_blocks.c (lists, boxes, grids, images, rules)
 * and layout_build_table.c. They call each other in a circle because the
 * template's grammar is recursive: a flow holds boxes, lists and tables,
 * and a box, a list item or a cell holds a flow. Below the builder, and
 * calling none of it: layout_text.c (spans, lines), layout_blk.c (blocks,
 * vboxes, rows), layout_bind.c (data). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "layout_build.h"
#include "safe_path.h"


/* ---- paragraphs ----------------------------------------------------------- */

/* One piece of structured text: a paragraph, or a list item (bullet) of
 * the list *list (a paragraph ends it). */
static int add_piece(builder *b, const spanbuf *s, float size, float leading, rgb colour,
                     int align, float gap, bool item, blk **list)
{
	lrun *r = b->r;
	if (!item) {
		*list = NULL;
		blk *p = lay_lines_block(r, s, b->width, size, leading, colour, align);
		if (p)
			p->role = ROLE_P;
		return p && (!p->u.lines.n || lay_vbox_add(r, b->out, p, gap)) ? 0 : -1;
	}
	float indent = size * 1.3f;
	spanbuf ms = {0};
	blk *cells[2];
	float w[2] = {indent, b->width - indent};
	if (lay_span_add(r, &ms, FONT_REGULAR, "\xE2\x80\xA2", 3) || !(cells[0] = new_vbox(r, indent)))
		return -1;
	blk *mb = lay_lines_block(r, &ms, indent, size, leading, r->l->accent, ALIGN_LEFT);
	blk *tb = lay_lines_block(r, s, w[1], size, leading, colour, ALIGN_LEFT);
	if (!mb || !tb || !lay_vbox_add(r, cells[0], mb, 0) || !(cells[1] = new_vbox(r, w[1])) ||
	    !lay_vbox_add(r, cells[1], tb, 0))
		return -1;
	blk *row = lay_make_row(r, cells, w, 2, b->width, 0);
	return row ? lay_add_item(b, list, row, gap) : -1;
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
				if (lay_span_add(r, &cur, sp->style, sp->utf8 + from, k - from))
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
	blk *p = lay_lines_block(b->r, s, b->width, size, size * 1.38f, colour, align);
	if (!p)
		return -1;
	p->role = ROLE_P;
	return !p->u.lines.n || lay_vbox_add(b->r, b->out, p, gap) ? 0 : -1;
}

float lay_para_size(const lrun *r, const lnode *n, const bctx *c)
{
	const lattr *sz = lattr_find(n, "size");
	float size = sz ? sz->v.number * c->scale : base(r, c);
	int style = lattr_word(n, "style", -1);
	if (style == STYLE_SMALL)
		size *= 0.85f;
	if (style == STYLE_LEAD)
		size *= 1.12f;
	return size;
}

static int build_p(builder *b, const lnode *n, const bctx *c)
{
	lrun *r = b->r;
	spanbuf s = {.keep = lay_no_hyphenation(n)};
	if (lay_collect_inline(r, n->first, c, FONT_REGULAR, &s))
		return -1;
	float size = lay_para_size(r, n, c);
	rgb colour = lattr_word(n, "style", -1) == STYLE_MUTED ? MUTED : BLACK;
	colour = lattr_colour(n, "colour", colour);
	int align = lattr_word(n, "align", ALIGN_LEFT);
	float gap = lattr_length(n, "space-before", 0.55f * base(r, c));
	return add_para(b, &s, size, colour, align, gap);
}

static int build_heading(builder *b, const lnode *n, const bctx *c)
{
	lrun *r = b->r;
	spanbuf s = {.keep = true};   /* headings are never hyphenated */
	if (lay_collect_inline(r, n->first, c, FONT_BOLD, &s))
		return -1;
	int level = n->kind - L_H1;
	static const float scale[] = {2.0f, 1.4f, 1.1f};
	float size = base(r, c) * scale[level];
	rgb colour = lattr_colour(n, "colour", level == 2 ? BLACK : r->l->accent);
	blk *h = lay_lines_block(r, &s, b->width, size, size * 1.22f, colour, ALIGN_LEFT);
	if (!h)
		return -1;
	if (!h->u.lines.n)
		return 0;
	h->role = ROLE_H1 + level;
	r->section_level = level + 1;
	if (level < 2 && lattr_word(n, "bookmark", true)) {
		h->u.lines.bookmark = level;
		if (!(h->u.lines.bookmark_title = lay_spans_text(r, &s)))
			return lay_fail(r);
	}
	static const float before[] = {0.2f, 1.5f, 1.0f};
	vchild *k = lay_vbox_add(r, b->out, h, before[level] * base(r, c));
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
blk *lay_build_cell(lrun *r, const lnode *first, const bctx *c, float width,
                    float size, font_style st, rgb colour, bool keep)
{
	blk *v = new_vbox(r, width);
	if (!v)
		return NULL;
	builder sub = {r, width, v, true, NULL, NULL};
	const lnode *n = first;
	while (n) {
		if (!is_inline(n, true)) {
			if (lay_build_flow(&sub, n, c) && r->err)
				return NULL;
			n = n->next;
			continue;
		}
		spanbuf s = {.keep = keep};
		for (; n && is_inline(n, true); n = n->next)
			if (lay_collect_one(r, n, c, st, &s))
				return NULL;
		if (structured(&s)) {
			if (add_structured(&sub, &s, size, size * 1.3f, colour, ALIGN_LEFT, 0.3f * size))
				return NULL;
			continue;
		}
		blk *p = lay_lines_block(r, &s, width, size, size * 1.3f, colour, ALIGN_LEFT);
		if (!p || (p->u.lines.n && !lay_vbox_add(r, v, p, 0.3f * size)))
			return NULL;
	}
	return v;
}

/* ---- sections and control ----------------------------------------------- */

static int new_section(builder *b, const lnode *n)
{
	lrun *r = b->r;
	lsection *cur = &(*b->secs)[*b->n_secs - 1];
	lsection *grown = arena_array(r->a, *b->n_secs + 1, sizeof *grown);
	if (!grown)
		return lay_fail(r);
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
	int o = lattr_word(n, "orientation", -1);
	bool landscape = o >= 0 ? o == ORIENT_LANDSCAPE : pg.w > pg.h;
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
	return lay_build_flow(b, body, &sub);
}

/* Ends the sheet just built with its appendix, on the pages after it. */
static int add_appendix(lrun *r, blk *out)
{
	vchild *last = vbox_last(out);
	if (!r->appendix || !r->appendix->u.vbox.n || !last)
		return 0;
	last->break_after = true;
	vchild *k = lay_vbox_add(r, out, r->appendix, 0);
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
	if (arena_grow_from(r->a, (void **)&r->langs, &r->cap_langs, r->n_langs, r->n_langs + 1, sizeof *r->langs, 8))
		return lay_fail(r);
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
	if (lay_build_flow(fa->b, body, c))
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
	if (lay_build_flow(&sub, n->first, c))
		return -1;
	v->keep_together = true;
	/* The kept group keeps the distance its first block asked for. */
	return v->u.vbox.n ? (lay_vbox_add(r, b->out, v, v->u.vbox.lead_gap) ? 0 : -1) : 0;
}

static int build_node(builder *b, const lnode *n, const bctx *c)
{
	switch (n->kind) {
	case L_H1: case L_H2: case L_H3:
		return build_heading(b, n, c);
	case L_P:
		return build_p(b, n, c);
	case L_UL: case L_OL:
		return lay_build_list(b, n, c);
	case L_BOX:
		return lay_build_box(b, n, c);
	case L_TABLE: {
		if (lay_build_table(b, n, c))
			return -1;
		lay_table_fix_offsets(vbox_last(b->out)->b);
		blk *v = b->out;
		v->h = vbox_last(v)->y + vbox_last(v)->b->h;
		return 0;
	}
	case L_GRID:
		return lay_build_grid(b, n, c);
	case L_IMAGE:
		return lay_build_image(b, n, c);
	case L_RULE: case L_SPACER: case L_CUSTOM:
		return lay_build_simple(b, n, c);
	case L_PAGE_BREAK:
		return page_break(b, n);
	case L_KEEP:
		return build_keep(b, n, c);
	case L_IF:
		return lay_test_holds(n, c) ? lay_build_flow(b, n->first, c) : 0;
	case L_CHOOSE: {
		const lnode *br = lay_choose_branch(n, c);
		return br ? lay_build_flow(b, br->first, c) : 0;
	}
	case L_REPEAT: {
		flow_arg fa = {b, lattr_word(n, "break", -1) == BREAK_PAGE,
		               lattr_word(n, "page-numbers", -1) == NUMBERS_EACH, false, lattr_get(n, "lang")};
		return lay_repeat_each(b->r, n, c, flow_item, &fa) < 0 ? -1 : 0;
	}
	default:
		return 0;          /* inline content at block level: ignored by the schema */
	}
}

int lay_build_flow(builder *b, const lnode *first, const bctx *c)
{
	for (const lnode *n = first; n; n = n->next) {
		if (b->cell_mode && is_inline(n, true))
			continue;      /* handled by lay_build_cell */
		if (build_node(b, n, c))
			return -1;
		if (b->cell_mode)
			break;         /* lay_build_cell feeds block nodes one at a time */
	}
	return 0;
}

bool layout_can_group(const lrun *r)
{
	return r->doc && r->doc->sink;
}

int layout_next_group(lrun *r, lsection **secs, size_t *n)
{
	if (r->draw_group(r, *secs, *n, r->doc))
		return -1;
	/* The pages may point into the arena about to be emptied. */
	int rc = draw_flush(r->doc);
	if (rc)
		return r->err = rc, -1;
	lpage pg = (*secs)[*n - 1].page;
	if (!r->group) {
		/* What the first group made stays for the others. */
		if (!(r->group = arena_new()))
			return lay_fail(r);
		r->memo_kept = r->memo;
		r->images_kept = r->images;
		r->image_bytes_kept = r->image_bytes;
	} else {
		arena_reset(r->group);
	}
	r->a = r->group;
	r->memo = NULL;
	r->images = r->images_kept;
	r->image_bytes = r->image_bytes_kept;
	r->appendix = NULL;
	r->spill_gain = 0;
	r->langs = NULL;           /* the drawn group's language spans, in its arena */
	r->n_langs = r->cap_langs = 0;
	lsection *s = arena_alloc(r->a, sizeof *s);
	if (!s)
		return lay_fail(r);
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
		return lay_fail(r);
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
	if (lay_build_flow(&b, r->l->body->first, &c))
		return -1;
	*sections = secs;
	return 0;
}

