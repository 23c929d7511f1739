/* paginate.c: formatted blocks → pages of draw commands.
 *
 * A section's body is one tall vbox. Its break points (between blocks,
 * between lines of text, between rows, and between lines inside table rows
 * and boxes) are collected with a penalty each; every page takes the last
 * point that fits, preferring the cheapest penalty class, so text is never
 * cut and headings stay with what follows. A page then draws the slice
 * [resume of the previous cut, this cut) of the body; blocks cut open
 * repeat their header (table header row, box title with a continuation
 * mark) at the top of the next page Choosing the pages is
 * paginate_breaks.c's, drawing a page's slice paginate_draw.c's; this
 * file draws each page with its header and footer, and runs a layout.
 *
 * Every step is linear in the document: the break points come out of the
 * walk in order (only a row's cells, side by side, are merged), and a
 * page finds its first child, and the child cut open at its top, by
 * bisection over the children of each vbox, not by a scan.
 *
 * Drawing also says what the commands mean (draw.h): a block with a role
 * is drawn inside a structure element keyed by the block, so its slices
 * on several pages make one element; frames, rules, tints, writing lines
 * and the page's header and footer are artifacts, and so is what a page
 * repeats (a table's header row, a continued title). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "paginate_int.h"

/* ---- header and footer ------------------------------------------------ */

static int draw_margin_text(dctx *d, const lnode *n, float x, float base, float w,
                            int align, int page, int pages)
{
	if (!n)
		return 0;
	lrun *r = d->r;
	float size = r->l->base_size * 0.78f;
	blk *b = layout_inline_block(r, n->first, r->env->data, w, size, FONT_REGULAR,
	                             (rgb){0.42f, 0.42f, 0.46f}, align, page, pages);
	if (!b)
		return -1;
	if (!b->u.lines.n)
		return 0;
	const text_measurer *m = r->env->measurer;
	float top = base - m->ascent * size;
	/* A header or footer is one line: what does not fit ends in "…" after
	 * the last whole word that does, never cut silently or overlapping. */
	blk one = *b;
	one.u.lines.n = 1;
	one.h = b->u.lines.leading;
	float y = top - (one.u.lines.leading - (m->ascent + m->descent) * size) / 2;
	if (b->u.lines.n == 1)
		return pg_draw_lines(d, &one, x, y, 0, one.h);
	const text_line *l = &b->u.lines.lines[0].line;
	char *t = arena_printf(r->a, "%s", "");
	for (size_t i = 0; t && i < l->n; i++)
		t = arena_printf(r->a, "%s%s", t, l->frags[i].utf8);
	if (!t)
		return -1;
	size_t len = strlen(t);
	while (len && strchr(" ,;:-", t[len - 1]))
		len--;                  /* a hyphen the break added, or a comma before "…" */
	float base_y = y + (one.u.lines.leading - (m->ascent + m->descent) * size) / 2 + m->ascent * size;
	for (;;) {
		const char *s = arena_printf(r->a, "%.*s…", (int)len, t);
		if (!s)
			return -1;
		float sw = m->fn(m->ctx, l->frags[0].style, size, s, strlen(s));
		if (sw <= w || len == 0)
			return draw_text(d->doc, d->page, x + (align == 2 ? w - sw : 0), base_y, size,
			                 l->frags[0].style, b->u.lines.colour, s, strlen(s));
		while (len && t[len - 1] != ' ')
			len--;          /* the last whole word that fits */
		while (len && strchr(" ,;:-", t[len - 1]))
			len--;
	}
}

static int draw_furniture(dctx *d, const lpage *pg, int page, int pages)
{
	const layout *l = d->r->l;
	float w = pg->w - pg->ml - pg->mr;
	float hb = pg->mt * 0.5f, fb = pg->h - pg->mb * 0.42f;
	float half = w * 0.62f, rest = w - half - 12;
	bool head = l->header || l->header_right, foot = l->footer || l->footer_right;
	if ((head && pg_artifact(d, ARTIFACT_HEADER)) ||
	    draw_margin_text(d, l->header, pg->ml, hb, half, 0, page, pages) ||
	    draw_margin_text(d, l->header_right, pg->ml + half + 12, hb, rest, 2, page, pages))
		return -1;
	if (head) {
		float ly = pg->mt * 0.5f + l->base_size * 0.45f;
		if (draw_line(d->doc, d->page, pg->ml, ly, pg->w - pg->mr, ly, 0.4f, (rgb){0.75f, 0.76f, 0.8f}) ||
		    pg_artifact_end(d))
			return -1;
	}
	return (foot && pg_artifact(d, ARTIFACT_FOOTER)) ||
	       draw_margin_text(d, l->footer, pg->ml, fb, half, 0, page, pages) ||
	       draw_margin_text(d, l->footer_right, pg->ml + half + 12, fb, rest, 2, page, pages) ||
	       (foot && pg_artifact_end(d)) ? -1 : 0;
}

/* The language of the block a page starting at offset o0 begins with. */
static const layout_lang *page_lang(const lrun *r, const blk *body, float o0)
{
	if (!r->n_langs)
		return r->env->lang;
	size_t k = 0;
	while (k + 1 < body->u.vbox.n && body->u.vbox.kids[k].y + body->u.vbox.kids[k].b->h <= o0 + EPS)
		k++;
	for (size_t i = 0; i < r->n_langs; i++)
		if (r->langs[i].body == body && r->langs[i].from <= k && k < r->langs[i].to)
			return r->langs[i].lang;
	return r->env->lang;
}

int paginate(lrun *r, const lsection *secs, size_t n, draw_doc *doc)
{
	pslice *sl = NULL;
	size_t ns = 0, cap = 0;
	for (size_t i = 0; i < n; i++)
		if (pg_section(r, i, &secs[i], &sl, &ns, &cap))
			return -1;
	int first_page = (int)draw_page_count(doc);
	size_t group = 0, group_end = 0;   /* the pages numbered together */
	for (size_t i = 0; i < ns; i++) {
		if (i == group_end) {
			group = i;
			for (group_end = i + 1; group_end < ns && !sl[group_end].restart; group_end++)
				;
		}
		const lsection *s = &secs[sl[i].sec];
		draw_page *pg = draw_add_page(doc, s->page.w, s->page.h);
		if (!pg)   /* out of memory, or the renderer failed on the page before */
			return r->err = doc->sink_rc ? doc->sink_rc : diag_oom(r->d, r->file), -1;
		dctx d = {r, doc, pg, first_page + (int)i, s->page.h - s->page.mb, NULL};
		float top = s->page.mt;
		if (pg_draw_blk(&d, s->body, s->page.ml, top, sl[i].o0, sl[i].o1))
			return -1;
		/* The header and footer speak the language of the page's first
		 * block; their terms go without the Danish word (a running head). */
		r->lang = page_lang(r, s->body, sl[i].o0);
		r->furniture = true;
		int rc = draw_furniture(&d, &s->page, (int)(i - group) + 1, (int)(group_end - group));
		r->furniture = false;
		r->lang = r->env->lang;
		if (rc)
			return -1;
	}
	return 0;
}

int layout_run(const layout *l, const layout_env *env, draw_doc *doc, diag *d)
{
	lrun r = {.l = l, .env = env, .lang = env->lang, .a = doc->arena, .d = d, .file = l->file,
	          .err = AM_OK, .doc = doc, .draw_group = paginate};
	lsection *secs;
	size_t n;
	/* The metadata is complete before the first page goes (draw_stream). */
	const catalog *c = env->lang ? env->lang->cat : NULL;
	if (!doc->meta.title)
		doc->meta.title = layout_title_in(l, c);
	if (!doc->meta.subject)
		doc->meta.subject = l->subject_key && c ? catalog_text(c, l->subject_key, NULL) : l->subject;
	if (!doc->meta.keywords)
		doc->meta.keywords = l->keywords_key && c ? catalog_text(c, l->keywords_key, NULL) : l->keywords;
	if (c)
		doc->meta.lang = catalog_tag(c);
	int rc = layout_build(&r, &secs, &n) || paginate(&r, secs, n, doc) ? -1 : AM_OK;
	if (!rc && r.group)
		rc = r.err = draw_flush(doc);   /* the last pages point into r.group */
	arena_free(r.group);
	if (rc)
		return r.err ? r.err : diag_oom(d, l->file);  /* errors other than memory set r.err */
	return AM_OK;
}
