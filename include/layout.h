/* layout.h: declarative layouts (one XML file per document in layouts/) → pages of draw commands.
 *
 * A layout file describes one document: page, header and footer, and a body
 * of headings, paragraphs, lists, boxes, tables, grids, images, rules,
 * spacers, page breaks and custom graphics, bound to the data tree (data.h)
 * with fields, repeats and conditions. layout_load() parses and validates a
 * file (against the compiled-in layout schema); layout_run() instantiates it
 * for one data tree, breaks text, paginates and appends pages to a draw_doc.
 * Text is measured only through env->measurer. */
#ifndef AMOKIT_LAYOUT_H
#define AMOKIT_LAYOUT_H

#include "arena.h"
#include "data.h"
#include "diag.h"
#include "draw.h"
#include "text.h"

typedef struct layout layout;

/* A module that draws a custom node (<custom kind="...">) into area on page.
 * Returns 0, or an AM_E* code with a diag record. */
typedef int (*layout_custom_fn)(void *ctx, const char *kind, draw_doc *doc,
                                draw_page *page, rect area, const dnode *data,
                                diag *d);

typedef struct layout_env {
	const dnode *data;            /* root of the data tree; may be an empty root */
	const text_measurer *measurer;
	text_hyph *hyph;              /* may be NULL */
	layout_custom_fn custom;      /* may be NULL */
	void *custom_ctx;
	const char *image_dir;        /* base for relative image paths */
} layout_env;

/* Parses the layout at path into a (arena-owned). Returns AM_OK, or
 * AM_EINPUT with `FILE:LINE: ...` records in d. */
int layout_load(arena *a, const char *path, layout **out, diag *d);
/* Same from memory; name is used in messages. */
int layout_load_mem(arena *a, const char *name, const char *xml, size_t len,
                    layout **out, diag *d);
/* The document title declared by the layout (for metadata), never NULL. */
const char *layout_title(const layout *l);
/* Lays out l for env and appends the pages to doc. */
int layout_run(const layout *l, const layout_env *env, draw_doc *doc, diag *d);

#endif
