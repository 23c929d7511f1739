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

#include <stdbool.h>
#include "arena.h"
#include "data.h"
#include "diag.h"
#include "draw.h"
#include "text.h"

typedef struct layout layout;
typedef struct catalog catalog;   /* catalog.h; not included: a catalog loads through layout_int.h */

/* A module that draws a custom node (<custom kind="...">) into area on page.
 * Returns 0, or an AM_E* code with a diag record. */
typedef int (*layout_custom_fn)(void *ctx, const char *kind, draw_doc *doc,
                                draw_page *page, rect area, const dnode *data,
                                diag *d);

/* A language as the engine prints it: its catalog and its hyphenation. */
typedef struct layout_lang {
	const catalog *cat;
	text_hyph *hyph;              /* may be NULL: no hyphenation */
} layout_lang;

/* The language called code (a person's lang), or NULL when there is none
 * (then the document's language is used). */
typedef const layout_lang *(*layout_lang_fn)(void *ctx, const char *code);

typedef struct layout_env {
	const dnode *data;            /* root of the data tree; may be an empty root */
	const text_measurer *measurer;
	text_hyph *hyph;              /* may be NULL */
	layout_custom_fn custom;      /* may be NULL */
	void *custom_ctx;
	const char *image_dir;        /* the folder the data's image paths (<logo>) are
	                                 relative to and must lie beneath (safe_path.h);
	                                 NULL: the current directory */
	const char *paper;            /* overrides the layout's paper size (e.g. "A1"); may be NULL */
	bool landscape;               /* with paper: landscape orientation */
	const char *data_file;        /* where the data came from, for messages; may be NULL */
	const layout_lang *lang;      /* the document's language; NULL: the layout's
	                                 own texts only, hyphenated with hyph */
	layout_lang_fn lang_for;      /* may be NULL: every text in lang */
	void *lang_ctx;
} layout_env;

/* Parses the layout at path into a (arena-owned). Returns AM_OK, or
 * AM_EINPUT with `FILE:LINE: ...` records in d. */
int layout_load(arena *a, const char *path, layout **out, diag *d);
/* Same from memory; name is used in messages. */
int layout_load_mem(arena *a, const char *name, const char *xml, size_t len,
                    layout **out, diag *d);
/* The document title declared by the layout (for metadata), in the
 * catalog's language (c may be NULL), never NULL. */
const char *layout_title(const layout *l);
const char *layout_title_in(const layout *l, const catalog *c);
/* The layout's shared text for key (from its strings files), or def. */
const char *layout_text(const layout *l, const char *key, const char *def);
/* The name of month m (1..12) from the layout's strings; "" when unknown. */
const char *layout_month(const layout *l, int m);
/* Whether l may read a data node called name: some attribute of l has it
 * as a step of its value ("wheel/activity", "activity"). */
bool layout_reads(const layout *l, const char *name);
/* A paper name (A0..A6, or WxH in mm) in portrait points; false when unknown. */
bool layout_paper_size(const char *name, float *w, float *h);
/* Lays out l for env and appends the pages to doc. */
int layout_run(const layout *l, const layout_env *env, draw_doc *doc, diag *d);

#endif
