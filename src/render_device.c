/* render_device.c: what every part of the renderer writes through: the
 * first failure (render_oom, render_status), the faces and XObjects of the
 * shared resource dictionary, and the page's content buffer at its
 * plainest (operators as they are, text objects begun and ended). It calls
 * nothing else of the renderer, so the content streams, tags, images,
 * PDF/A and tiles all build on it without using each other in a circle;
 * render.c, the document, is above them all. */
#include "render_priv.h"

#include <stdlib.h>

/* ---- errors ---------------------------------------------------------- */

int render_oom(render_ctx *c)
{
	if (!c->fail)
		c->fail = diag_oom(c->d, c->path);
	return c->fail;
}

int render_append_obj(render_ctx *c, unsigned **v, size_t *n, size_t *cap, unsigned obj)
{
	if (heap_grow((void **)v, cap, *n + 1, sizeof **v, 64))
		return render_oom(c);
	(*v)[(*n)++] = obj;
	return AM_OK;
}

int render_status(render_ctx *c)
{
	if (c->fail)
		return c->fail;
	switch (pdf_error(c->w)) {
	case PDF_OK:
		return AM_OK;
	case PDF_ENOMEM:
		return render_oom(c);
	default:
		diag_error(c->d, c->path, 0, "internal error writing the PDF");
		return c->fail = AM_EINTERNAL;
	}
}

/* ---- shared resources ------------------------------------------------ */

pdf_font *render_font(render_ctx *c, font_style style)
{
	if (c->fonts[style])
		return c->fonts[style];
	c->fonts[style] = pdf_font_new(c->opts->fonts, style);
	if (!c->fonts[style]) {
		render_oom(c);
		return NULL;
	}
	c->font_obj[style] = pdf_reserve(c->w);
	return c->fonts[style];
}

long render_add_xobject(render_ctx *c, const char *file, unsigned obj)
{
	if (heap_grow((void **)&c->xobjects, &c->cap_xobjects, c->n_xobjects + 1, sizeof *c->xobjects, 8)) {
		render_oom(c);
		return -1;
	}
	c->xobjects[c->n_xobjects] = (render_xobject){file, obj};
	return (long)c->n_xobjects++;
}

/* ---- the content buffer ----------------------------------------------- */

void render_ops(render_ctx *c, const char *s) { bytes_puts(&c->ops, s); }

void render_begin_text(render_ctx *c)
{
	if (c->in_text)
		return;
	bytes_puts(&c->ops, "BT\n");
	c->in_text = true;
	c->tm_plain = true;
	c->tm_x = c->tm_y = 0;
}

void render_end_text(render_ctx *c)
{
	if (!c->in_text)
		return;
	if (c->tags.cur && c->tags.cur_in_text) {   /* marked content never straddles ET */
		bytes_puts(&c->ops, "EMC\n");
		c->tags.cur = 0;
	}
	bytes_puts(&c->ops, "ET\n");
	c->in_text = false;
}
