/* layout_build.h: what the files that build a layout's blocks share.
 * The builder proper is one module in three files, which recurse into
 * each other as the template nests (layout_build.c: the flow, paragraphs,
 * headings, control, cells; layout_build_blocks.c: lists, boxes, grids,
 * images and rules; layout_build_table.c: tables). Below it, each calling
 * none of the builder: layout_text.c (inline content into spans, spans
 * into lines), layout_blk.c (blocks, vboxes, rows), layout_bind.c (data
 * binding). Private to those files. */
#ifndef AMOKIT_LAYOUT_BUILD_H
#define AMOKIT_LAYOUT_BUILD_H

#include "layout_int.h"

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

typedef int (*item_fn)(lrun *r, const lnode *body, const bctx *c, int i, void *arg);

typedef struct spanbuf {
	text_span *v;
	size_t n, cap;
	bool keep;                 /* the spans added now are never hyphenated */
} spanbuf;

typedef struct builder {
	lrun *r;
	float width;
	blk *out;                  /* the vbox being filled */
	bool cell_mode;            /* inside a cell or list item: control nodes are inline */
	/* Top level only: sections, for page breaks that change the paper. */
	lsection **secs;
	size_t *n_secs;
} builder;

/* The block kinds' helpers and the builders, one per element kind. */
int lay_add_item(builder *b, blk **list, blk *row, float gap);
const char *lay_attr_text(lrun *r, const lnode *n, const char *name);
int lay_build_box(builder *b, const lnode *n, const bctx *c);
blk *lay_build_cell(lrun *r, const lnode *first, const bctx *c, float width,
                    float size, font_style st, rgb colour, bool keep);
int lay_build_flow(builder *b, const lnode *first, const bctx *c);
int lay_build_grid(builder *b, const lnode *n, const bctx *c);
int lay_build_image(builder *b, const lnode *n, const bctx *c);
int lay_build_list(builder *b, const lnode *n, const bctx *c);
int lay_build_simple(builder *b, const lnode *n, const bctx *c);
int lay_build_table(builder *b, const lnode *n, const bctx *c);
const lnode *lay_choose_branch(const lnode *n, const bctx *c);
int lay_collect_inline(lrun *r, const lnode *first, const bctx *c, font_style st, spanbuf *s);
int lay_collect_key(lrun *r, const char *key, const lnode *call, int line, const bctx *c,
                    font_style st, spanbuf *s);
int lay_collect_one(lrun *r, const lnode *n, const bctx *c, font_style st, spanbuf *s);
int lay_fail(lrun *r);
const char *lay_field_text(lrun *r, const lnode *n, const bctx *c);
blk *lay_lines_block(lrun *r, const spanbuf *s, float width, float size,
                     float leading, rgb colour, int align);
blk *lay_make_row(lrun *r, blk **cells, const float *w, size_t n, float width, float pad);
blk *lay_new_blk(lrun *r, bkind kind, float w);
bool lay_no_hyphenation(const lnode *n);
float lay_para_size(const lrun *r, const lnode *n, const bctx *c);
int lay_repeat_each(lrun *r, const lnode *n, const bctx *c, item_fn fn, void *arg);
const char *lay_run_text(const lrun *r, const char *key, const char *def);
const lnode *lay_skip_space(const lnode *n);
int lay_span_add(lrun *r, spanbuf *s, font_style st, const char *t, size_t len);
const char *lay_spans_text(lrun *r, const spanbuf *s);
void lay_table_fix_offsets(blk *t);
bool lay_test_holds(const lnode *n, const bctx *c);
vchild *lay_vbox_add(lrun *r, blk *v, blk *child, float gap);

static inline float base(const lrun *r, const bctx *c) { return r->l->base_size * c->scale; }
static inline const catalog *cat(const lrun *r) { return r->lang ? r->lang->cat : NULL; }
static inline blk *new_vbox(lrun *r, float w) { return lay_new_blk(r, B_VBOX, w); }
static inline vchild *vbox_last(blk *v) { return v->u.vbox.n ? &v->u.vbox.kids[v->u.vbox.n - 1] : NULL; }

#endif
