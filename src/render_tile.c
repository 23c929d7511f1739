/* render_tile.c: a poster page printed over sheets as tile.h planned it.
 *
 * The poster page is drawn once, as a form XObject. The assembly page
 * shows it scaled, clipped to its picture, under the plan's own drawing
 * (title, steps, outlines, the map of numbers); each sheet shows its
 * window of it, clipped, under the sheet's marks (glue bands, cut lines,
 * its number). What the pages say and where is the plan's; this file only
 * places the poster. The poster's links are repeated on every sheet that
 * shows them.
 *
 * Tagged, the assembly page's poster is the poster: a figure whose
 * alternative text is the poster's (or, for a page of text, its text),
 * beside the plan's instructions; the sheets repeat it in pieces for the
 * printer, so they and their marks are artifacts. The form itself holds no
 * marked content of its own. */
#include "render_priv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Draws the form scaled by s with its bottom-left corner at (x, y),
 * clipped to the box (wx, wy, ww, wh), all in PDF space. */
static void show_form(render_ctx *c, long form, float s, float x, float y, float wx, float wy, float ww, float wh)
{
	render_end_text(c);
	render_ops(c, "q\n");
	render_op(c, (const double[]){wx, wy, ww, wh}, 4, "re W n");
	render_op(c, (const double[]){s, 0, 0, s, x, y}, 6, "cm");
	char name[32];
	snprintf(name, sizeof name, "/X%ld Do\nQ\n", form);
	render_ops(c, name);
	render_forget_state(c);
}

typedef struct poster_form {
	long form;
	render_link *links;      /* the poster's links, in its PDF space */
	size_t n_links;
} poster_form;

/* Draws poster page pg as a form XObject; its links go to f. */
static int write_form(render_ctx *c, const draw_page *pg, poster_form *f)
{
	c->ops.n = 0;
	c->n_links = 0;
	c->want_links = true;
	c->clip_x0 = 0, c->clip_y0 = 0, c->clip_x1 = pg->width, c->clip_y1 = pg->height;
	render_begin(c, 1, 0, pg->height);
	render_forget_state(c);   /* a form inherits the state of where it is shown */
	c->tags.off = true;
	int rc = render_cmds(c, pg);
	c->tags.off = false;
	if (rc)
		return rc;
	render_end_text(c);
	pdf *w = c->w;
	unsigned obj = pdf_begin(w, 0);
	pdf_dict(w);
	pdf_key_name(w, "Type", "XObject");
	pdf_key_name(w, "Subtype", "Form");
	pdf_name(w, "BBox");
	pdf_array(w);
	pdf_int(w, 0), pdf_int(w, 0), pdf_real(w, pg->width, 5), pdf_real(w, pg->height, 5);
	pdf_array_end(w);
	pdf_key_ref(w, "Resources", c->resources);
	pdf_stream(w, c->ops.p, c->ops.n, true);
	pdf_end(w);
	f->form = render_add_xobject(c, NULL, obj);
	f->links = c->n_links ? malloc(c->n_links * sizeof *f->links) : NULL;
	if (f->form < 0 || (c->n_links && !f->links))
		return render_oom(c);
	if (c->n_links)
		memcpy(f->links, c->links, c->n_links * sizeof *f->links);
	f->n_links = c->n_links;
	c->n_links = 0;
	c->ops.n = 0;
	return render_status(c);
}

/* One page of the plan, h high: the plan's first `head` commands, the
 * poster scaled by s with its PDF origin at (x, y), clipped to clip
 * (top-left origin), with links when asked, then the plan's other
 * commands. With alt, the poster is a figure and the plan's commands
 * content; without, all is an artifact. */
static int plan_page(render_ctx *c, float pw, float h, const poster_form *f, float s, float x, float y,
                     rect clip, bool links, const draw_page *marks, size_t head, const char *alt, unsigned *obj)
{
	int rc = render_page_begin(c, pw, h);
	if (rc)
		return rc;
	float cy = h - clip.y - clip.h;
	c->want_links = links;
	render_begin(c, 1, 0, h);
	draw_page before = *marks, after = *marks;
	before.n = head < marks->n ? head : marks->n;
	after.cmds += before.n, after.n -= before.n;
	if (before.n && (rc = render_cmds(c, &before)) != AM_OK)
		return rc;
	if (alt)
		render_tag_begin(c, ROLE_FIGURE, alt);
	else
		render_tag_artifact(c, true);
	render_tag_content(c);
	show_form(c, f->form, s, x, y, clip.x, cy, clip.w, clip.h);
	if (alt)
		render_tag_end(c);
	c->clip_x0 = clip.x, c->clip_y0 = cy, c->clip_x1 = clip.x + clip.w, c->clip_y1 = cy + clip.h;
	for (size_t i = 0; links && i < f->n_links; i++) {
		const render_link *l = &f->links[i];
		render_add_link(c, l->x0 + x, l->y0 + y, l->x1 + x, l->y1 + y, l->uri);
	}
	c->clip_x0 = 0, c->clip_y0 = 0, c->clip_x1 = pw, c->clip_y1 = h;
	rc = render_cmds(c, &after);
	if (!alt)
		render_tag_artifact(c, false);
	c->want_links = true;
	return rc ? rc : render_page_end(c, obj);
}

int render_tiled(render_ctx *c, const tile_plan *t, const draw_page *pg, unsigned *first)
{
	poster_form f = {0};
	char *alt = render_tag_page_alt(pg);
	if (!alt)
		return render_oom(c);
	int rc = write_form(c, pg, &f);
	if (!rc) {   /* the assembly page: the whole poster, scaled */
		float s = t->thumb.w / pg->width;
		rc = plan_page(c, t->w, t->h, &f, s, t->thumb.x, t->h - t->thumb.y - t->thumb.h, t->thumb_clip, false,
		               &t->assembly, t->assembly_head, alt, first);
	}
	free(alt);
	for (size_t i = 0; i < t->n && !rc; i++) {
		const tile_sheet *sh = &t->sheets[i];
		/* poster point (X, Y) in its PDF space lands on (X + dx, Y + dy) */
		float dx = sh->frame.x - sh->window.x, dy = t->h - sh->frame.y - pg->height + sh->window.y;
		unsigned obj;
		rc = plan_page(c, t->w, t->h, &f, 1, dx, dy, sh->frame, true, &sh->marks, 0, NULL, &obj);
	}
	free(f.links);
	return rc;
}
