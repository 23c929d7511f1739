/* layout_build_blocks.c: the blocks a layout builds besides text and tables:
 * lists, boxes (writing boxes among them), grids, images, rules and the
 * custom drawings. See layout_build.h. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "layout_build.h"
#include "safe_path.h"

/* ---- lists -------------------------------------------------------------- */

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
	if (lay_span_add(r, &ms, FONT_REGULAR, mt, mt ? strlen(mt) : 0))
		return -1;
	blk *cells[2];
	float w[2] = {indent, b->width - indent};
	cells[0] = new_vbox(r, indent);
	blk *mb = lay_lines_block(r, &ms, indent, la->size, la->size * 1.3f, r->l->accent, ALIGN_LEFT);
	if (!cells[0] || !mb || !lay_vbox_add(r, cells[0], mb, 0))
		return -1;
	cells[1] = lay_build_cell(r, li->first, c, w[1], la->size, FONT_REGULAR, BLACK, lay_no_hyphenation(li));
	if (!cells[1])
		return -1;
	if (!cells[1]->h)
		return 0;
	blk *row = lay_make_row(r, cells, w, 2, b->width, 0);
	if (!row || lay_add_item(b, &la->list, row, la->gap))
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
			if (lay_test_holds(n, c) && list_children(r, n->first, c, 0, la))
				return -1;
		} else if (n->kind == L_REPEAT) {
			if (lay_repeat_each(r, n, c, list_children, la) < 0)
				return -1;
		}
	}
	return 0;
}

int lay_build_list(builder *b, const lnode *n, const bctx *c)
{
	lrun *r = b->r;
	const lattr *st = lattr_find(n, "start");
	int counter = st ? st->v.integer - 1 : 0;
	list_arg la = {b, &counter, n->kind == L_OL, lay_para_size(r, n, c), NULL, 0};
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
	blk *bx = lay_new_blk(r, B_BOX, width);
	if (!bx)
		return NULL;
	float pad = box_pad(r, &c);
	float size = base(r, &c);
	bx->u.box.pad = pad;
	bx->u.box.size = size;
	bx->u.box.accent = r->l->accent;
	bx->u.box.tinted = lattr_find(n, "tint") != NULL;
	bx->u.box.tint = lattr_colour(n, "tint", WHITE);
	/* Title: the attribute, or the <title> child's inline content. */
	spanbuf s = {.keep = true};   /* a box's title is a heading */
	const char *ta = lattr_get(n, "title"), *tk = lattr_get(n, "title-key");
	const lnode *body = lay_skip_space(n->first);
	if (body && body->kind == L_TITLE) {
		if (lay_collect_inline(r, body->first, &c, FONT_BOLD, &s))
			return NULL;
		body = body->next;
	} else if (ta && lay_span_add(r, &s, FONT_BOLD, ta, strlen(ta))) {
		return NULL;
	} else if (!ta && tk && lay_collect_key(r, tk, NULL, n->line, &c, FONT_BOLD, &s)) {
		return NULL;
	}
	if (content)
		body = content;
	float tsize = size * 1.0f;
	blk *title = lay_lines_block(r, &s, width - 2 * pad, tsize, tsize * 1.3f, r->l->accent, ALIGN_LEFT);
	if (!title)
		return NULL;
	bx->u.box.title = title->u.lines.n ? lay_spans_text(r, &s) : NULL;
	bx->u.box.cont_mark = lay_run_text(r, "continued", "(…)");
	bx->u.box.title_h = title->u.lines.n ? title->h + 0.5f * pad : 0;
	bx->u.box.content = new_vbox(r, width - 2 * pad);
	if (!bx->u.box.content)
		return NULL;
	/* The title is the first child of the content so it breaks like text.
	 * It heads the box's section, a level below the heading the box
	 * stands under; headings inside the box stay inside it. */
	int outer = r->section_level;
	title->role = ROLE_H1 + (outer < 5 ? outer : 5);
	if (title->u.lines.n && !lay_vbox_add(r, bx->u.box.content, title, 0))
		return NULL;
	builder sub = {r, width - 2 * pad, bx->u.box.content, false, NULL, NULL};
	if (lay_build_flow(&sub, body, &c) && r->err)
		return NULL;
	r->section_level = outer;
	if (bx->u.box.content->u.vbox.n)
		bx->role = ROLE_SECT;   /* a box with nothing in it is only room to write */
	float pitch = lattr_length(n, "pitch", 9 * PT_PER_MM);
	if (pitch < 8 * PT_PER_MM)
		pitch = 8 * PT_PER_MM;
	const lattr *lines = lattr_find(n, "lines");
	bx->u.box.pitch = pitch;
	bx->u.box.lines = lines ? lines->v.integer : 0;
	if (lattr_word(n, "fill", false) && bx->u.box.lines < MIN_WRITING_LINES)
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
	const lnode *body = lay_skip_space(n->first);
	const char *title = lay_attr_text(r, n, "title");
	if (!title && r->err)
		return NULL;
	if (body && body->kind == L_TITLE)
		body = body->next;
	const char *head = arena_printf(r->a, "%s: %s", lay_run_text(r, "appendix", "Bilag"),
	                                title ? title : "");
	spanbuf s = {.keep = true};
	if (!head || lay_span_add(r, &s, FONT_BOLD, head, strlen(head)))
		return NULL;
	float size = base(r, c) * 1.4f;
	blk *h = lay_lines_block(r, &s, r->body_w, size, size * 1.22f, r->l->accent, ALIGN_LEFT);
	if (h)
		h->role = ROLE_H2;   /* set as an h2, after the sheet's sections */
	vchild *k = h ? lay_vbox_add(r, r->appendix, h, 1.5f * base(r, c)) : NULL;
	if (!k)
		return NULL;
	k->keep_with_next = true;
	/* built at the box's inner width: the very blocks the box would hold */
	blk *cv = new_vbox(r, inner);
	builder sub = {r, inner, cv, false, NULL, NULL};
	if (!cv || lay_build_flow(&sub, body, &plain) || (cv->u.vbox.n && !lay_vbox_add(r, r->appendix, cv, 0)))
		return NULL;
	*moved = cv;
	lnode *text = arena_alloc(r->a, sizeof *text), *p = arena_alloc(r->a, sizeof *p);
	if (!text || !p)
		return NULL;
	*text = (lnode){.kind = L_TEXT, .text = lay_run_text(r, "appendix-note", "Se bilaget.")};
	*p = (lnode){.kind = L_P, .first = text};
	return p;
}

int lay_build_box(builder *b, const lnode *n, const bctx *c)
{
	lrun *r = b->r;
	const char *hs = lattr_get(n, "height");
	const lnode *content = NULL;
	blk *moved = NULL;
	if (c->spill && lattr_word(n, "overflow", -1) == OVERFLOW_APPENDIX &&
	    !(content = spill_box(r, n, c, b->width - 2 * box_pad(r, c), &moved)))
		return lay_fail(r);
	blk *bx = box_at_scale(r, n, content, c, b->width, c->scale);
	if (bx && moved && vbox_last(bx->u.box.content))
		r->spill_gain += moved->h - vbox_last(bx->u.box.content)->b->h;   /* what the note saved */
	if (!bx)
		return -1;
	if (hs) {
		/* Fixed height: shrink the text down to min-size, then let it grow
		 * and continue on the next page with a continuation title. */
		float h = lattr_length(n, "height", 0);
		const lattr *ms = lattr_find(n, "min-size");
		float min_scale = (ms ? ms->v.number : 7.0f) / r->l->base_size;
		for (float s = c->scale - 0.05f; bx->h > h && s >= min_scale - 1e-4f; s -= 0.05f)
			if (!(bx = box_at_scale(r, n, content, c, b->width, s)))
				return -1;
		if (bx->h < h)
			bx->h = h;
	}
	bx->fill = lattr_word(n, "fill", false);
	vchild *k = lay_vbox_add(r, b->out, bx, 0.8f * base(r, c));
	if (k && bx->fill)
		k->break_after = true;
	return k ? 0 : -1;
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

int lay_build_grid(builder *b, const lnode *n, const bctx *c)
{
	lrun *r = b->r;
	int cols = lattr_find(n, "cols")->v.integer;   /* required */
	float gap = lattr_length(n, "gap", 5 * PT_PER_MM);
	float cw = (b->width - gap * (cols - 1)) / cols;
	/* Build every child into its own vbox, then group them into rows. */
	blk *tmp = new_vbox(r, cw);
	if (!tmp)
		return -1;
	builder sub = {r, cw, tmp, false, NULL, NULL};
	if (lay_build_flow(&sub, n->first, c) && r->err)
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
			if (i + k < nk && !lay_vbox_add(r, cells[k], tmp->u.vbox.kids[i + k].b, 0))
				return -1;
		}
		blk *row = lay_make_row(r, cells, w, k, b->width, 0);
		if (!row)
			return -1;
		for (k = 0; k < (size_t)cols; k++)
			stretch(cells[k], row->h);
		row->keep_together = true;
		if (!lay_vbox_add(r, b->out, row, i ? gap : 0.8f * base(r, c)))
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
		lay_fail(r);
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
		lay_fail(r);
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
		lay_fail(r);
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
int lay_build_image(builder *b, const lnode *n, const bctx *c)
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
		return lay_fail(r);
	const image_file *img = read_image(r, folder, rel, file, line);
	if (!img)
		return -1;
	int pw = img->w, ph = img->h;
	float w = lattr_length(n, "width", 0);
	float h = lattr_length(n, "height", 0);
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
	blk *im = lay_new_blk(r, B_IMAGE, b->width);
	if (!im)
		return -1;
	im->h = h;
	im->u.image.file = rel;
	im->u.image.alt = lattr_get(n, "alt");
	im->role = im->u.image.alt ? ROLE_FIGURE : ROLE_NONE;
	im->u.image.data = img->data;
	im->u.image.len = img->len;
	im->u.image.w = w;
	int align = lattr_word(n, "align", ALIGN_LEFT);
	im->u.image.x = align == ALIGN_RIGHT ? b->width - w : align == ALIGN_CENTER ? (b->width - w) / 2 : 0;
	return lay_vbox_add(r, b->out, im, 0.5f * base(r, c)) ? 0 : -1;
}

int lay_build_simple(builder *b, const lnode *n, const bctx *c)
{
	lrun *r = b->r;
	blk *x = NULL;
	float gap = 0.5f * base(r, c);
	if (n->kind == L_RULE) {
		x = lay_new_blk(r, B_RULE, b->width);
		if (!x)
			return -1;
		x->u.rule.width = lattr_length(n, "width", 0.6f);
		x->u.rule.colour = lattr_colour(n, "colour", (rgb){0.7f, 0.72f, 0.75f});
		x->h = 0.6f * base(r, c);
	} else if (n->kind == L_SPACER) {
		x = lay_new_blk(r, B_SPACE, b->width);
		if (!x)
			return -1;
		x->h = lattr_length(n, "height", 0);
		gap = 0;
	} else {
		x = lay_new_blk(r, B_CUSTOM, b->width);
		if (!x)
			return -1;
		const char *hs = lattr_get(n, "height");
		x->fill = !hs || strcmp(hs, "fill") == 0;
		x->h = x->fill ? 100 : lattr_length(n, "height", 100);
		x->u.custom.kind = lattr_get(n, "kind");
		x->u.custom.data = c->data;
	}
	vchild *k = lay_vbox_add(r, b->out, x, gap);
	if (k && x->fill)
		k->break_after = true;
	return k ? 0 : -1;
}

