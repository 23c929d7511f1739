/* render_page.c: one page's objects, written as soon as it is drawn: its
 * content stream, its link annotations and its page dictionary, with its
 * part of the structure's parent tree (render_tag.c). render.c draws into
 * a page between render_page_begin and render_page_end, as does tiling
 * (render_tile.c). */
#include "render_priv.h"

#include <stdlib.h>
#include <string.h>

#define MIN_PAGE 3          /* points; PDF 1.7 Annex C */
#define MAX_PAGE 14400

int render_page_begin(render_ctx *c, float w, float h)
{
	if (!(w >= MIN_PAGE && w <= MAX_PAGE && h >= MIN_PAGE && h <= MAX_PAGE)) {
		diag_error(c->d, c->path, 0, "page size %g x %g out of range (%d to %d points)",
		           w, h, MIN_PAGE, MAX_PAGE);
		return c->fail = AM_EINTERNAL;
	}
	c->ops.n = 0;
	c->n_links = 0;
	c->clip_x0 = 0, c->clip_y0 = 0, c->clip_x1 = w, c->clip_y1 = h;
	c->page_w = w, c->page_h = h;
	c->page_obj = pdf_reserve(c->w);
	return AM_OK;
}

/* Each link an annotation of its own: no border, printable (PDF/A), its
 * address as its description (PDF/UA-1 §7.18.1), in the structure tree
 * (§7.18.5). */
static void write_links(render_ctx *c)
{
	pdf *w = c->w;
	for (size_t i = 0; i < c->n_links; i++) {
		const render_link *l = &c->links[i];
		pdf_begin(w, l->obj);
		pdf_dict(w);
		pdf_key_name(w, "Type", "Annot");
		pdf_key_name(w, "Subtype", "Link");
		pdf_key_text(w, "Contents", l->uri);
		if (l->struct_parent)
			pdf_key_int(w, "StructParent", l->struct_parent - 1);
		pdf_name(w, "Rect");
		pdf_array(w);
		pdf_num(w, l->x0), pdf_num(w, l->y0), pdf_num(w, l->x1), pdf_num(w, l->y1);
		pdf_array_end(w);
		pdf_name(w, "Border");
		pdf_raw(w, "[0 0 0]");
		pdf_key_int(w, "F", 4);
		pdf_name(w, "A");
		pdf_dict(w);
		pdf_key_name(w, "S", "URI");
		pdf_name(w, "URI");
		pdf_string(w, l->uri, strlen(l->uri));
		pdf_dict_end(w);
		pdf_dict_end(w);
		pdf_end(w);
	}
}

int render_page_end(render_ctx *c, unsigned *obj)
{
	long key = render_tag_page_end(c);
	render_end_text(c);
	if (c->ops.oom)
		return render_oom(c);
	pdf *w = c->w;
	unsigned contents = pdf_begin(w, 0);
	pdf_dict(w);
	pdf_stream(w, c->ops.p, c->ops.n, true);
	pdf_end(w);
	write_links(c);
	*obj = pdf_begin(w, c->page_obj);
	pdf_dict(w);
	pdf_key_name(w, "Type", "Page");
	pdf_key_ref(w, "Parent", c->pages);
	pdf_name(w, "MediaBox");
	pdf_array(w);
	pdf_int(w, 0), pdf_int(w, 0), pdf_real(w, c->page_w, 5), pdf_real(w, c->page_h, 5);
	pdf_array_end(w);
	pdf_key_ref(w, "Resources", c->resources);
	pdf_key_ref(w, "Contents", contents);
	if (key >= 0)
		pdf_key_int(w, "StructParents", key);
	if (c->n_links) {
		pdf_name(w, "Annots");
		pdf_array(w);
		for (size_t i = 0; i < c->n_links; i++)
			pdf_ref(w, c->links[i].obj);
		pdf_array_end(w);
		pdf_key_name(w, "Tabs", "S");   /* links in the order of the structure */
	}
	pdf_dict_end(w);
	pdf_end(w);
	c->ops.n = 0;
	if (c->ops.cap > 256 * 1024)   /* a poster's page: not kept for the list's */
		bytes_free(&c->ops);
	c->n_links = 0;
	int rc = render_status(c);
	return rc ? rc : render_append_obj(c, &c->kids, &c->n_kids, &c->cap_kids, *obj);
}
