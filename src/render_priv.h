/* render_priv.h: state shared by the renderer's files: the document in
 * render.c, a page's objects in render_page.c, content streams in
 * render_content.c, tiling in render_tile.c, images in render_image.c,
 * PDF/A in render_pdfa.c, the document ID in render_id.c, tags in
 * render_tag.c; beneath them all render_device.c, which holds the first
 * failure, the shared resources and the content buffer and uses none of
 * them. Each uses the ones below it only: render.c; render_tile.c;
 * render_page.c and render_content.c; render_tag.c, render_image.c,
 * render_pdfa.c, render_id.c; render_device.c. Private to them.
 *
 * Every page is written as soon as it is drawn: its content stream, its
 * link annotations and its page dictionary; the bytes go straight to the
 * output file. Fonts, images and tiled
 * posters are shared through one resource dictionary, written at the end
 * with the fonts (whose subsets are known only then) and the page tree. */
#ifndef AMOKIT_RENDER_PRIV_H
#define AMOKIT_RENDER_PRIV_H

#include <stdint.h>

#include "bytes.h"
#include "pdf.h"
#include "pdf_font.h"
#include "pdf_syntax.h"
#include "render.h"
#include "tile.h"
#include "sha256.h"

typedef struct render_ctx render_ctx;

/* A link waiting for its page to be written, in PDF space. */
typedef struct render_link {
	float x0, y0, x1, y1;
	const char *uri;
	unsigned obj;              /* its annotation's object */
	unsigned struct_parent;    /* its key in the parent tree, plus 1; 0: none */
} render_link;

/* The structure tree being built (render_tag.c). */
typedef struct tag_kid tag_kid;
typedef struct tag_node tag_node;
typedef struct render_tags {
	bool off;                  /* drawing a form: no marks */
	unsigned root;             /* the structure tree root's object */
	tag_node *nodes;           /* [0] is the document element */
	size_t n_nodes, cap_nodes;
	long free_slot;
	long *stack;               /* the open elements, innermost last */
	size_t depth, cap_stack;
	long *open;                /* elements with a key, not ended for good */
	size_t n_open, cap_open;
	int artifact;              /* depth of open artifacts */
	draw_artifact artifact_kind;
	unsigned cur;              /* what the open marked content belongs to: an
	                              element's object, an artifact, 0 for none */
	bool cur_in_text;          /* it began inside the open text object */
	unsigned *mcid_owner;      /* this page: the element of each MCID */
	size_t n_mcid, cap_mcid;
	unsigned *keys;            /* the parent tree: per key, an object */
	size_t n_keys, cap_keys;
	unsigned scope[2];         /* the header cells' shared attribute objects
	                              (column, row), reserved on first use */
} render_tags;

/* The first half of a span's first text, drawn when the span ends. */
typedef struct render_defer {
	const draw_cmd *cmd;       /* NULL: none */
	size_t len;                /* bytes of its text */
	float x, y, size;          /* PDF space */
} render_defer;

/* The document ID's hash, taken as the pages are written (render_id.c). */
typedef struct idhash {
	uint64_t a, b, len;
	unsigned char buf[256];
	size_t n;
} idhash;

/* A named XObject of the shared resources: an image or a tiled poster. */
typedef struct render_xobject {
	const char *file;          /* the image's file; NULL for a poster form */
	unsigned obj;
} render_xobject;

struct render_ctx {
	pdf *w;
	const draw_doc *doc;
	const render_opts *opts;
	diag *d;
	const char *path;          /* the target, for messages */
	int fail;                  /* AM_E* code of the first failure */
	output_stream *file;       /* where the bytes go, as they are written */
	sha256_state *sha;         /* their digest, when asked for */
	idhash id;

	/* Objects of the whole document. */
	unsigned pages, resources; /* reserved at the start */
	unsigned *kids;            /* the page objects, in order */
	size_t n_kids, cap_kids;
	size_t n_drawn, cap_drawn; /* draw pages written */
	unsigned *dest;            /* per draw page: the page its bookmarks go to */
	float *height;             /* per draw page: its height */
	pdf_font *fonts[FONT_STYLES];
	unsigned font_obj[FONT_STYLES];
	render_xobject *xobjects;
	size_t n_xobjects, cap_xobjects;

	render_tags tags;

	/* The page or form being drawn; command (x, y) maps to PDF space as
	 * (scale * x + tx, ty - scale * y). */
	unsigned page_obj;         /* the page's object, reserved when begun */
	bytes ops;
	float page_w, page_h;
	render_link *links;
	size_t n_links, cap_links;
	float scale, tx, ty;
	bool want_links;           /* false: DRAW_LINK is skipped (assembly map) */
	float clip_x0, clip_y0, clip_x1, clip_y1;   /* PDF space; links are clipped to it */

	/* Graphics state already set, to skip repeats. */
	bool in_text, state_known;
	rgb fill, stroke;
	float width, dash;
	int cur_font;              /* font_style selected, -1 for none */
	float cur_size;
	/* Inside BT: whether the text matrix is unrotated, and its origin in
	 * hundredths of a point, so the next line moves there with Td. */
	bool tm_plain;
	long long tm_x, tm_y;
	int spans;                 /* open DRAW_SPAN_BEGIN spans */
	bool span_fresh;           /* no text drawn in the open span yet */
	render_defer defer;
};

/* ---- render_device.c --------------------------------------------------- */

/* Records an out-of-memory failure; returns the code. */
int render_oom(render_ctx *c);
/* Appends the object number obj to the heap array *v of *n (capacity
 * *cap); AM_OK, or the failure (recorded) when memory runs out. */
int render_append_obj(render_ctx *c, unsigned **v, size_t *n, size_t *cap, unsigned obj);
/* The code of the first failure, taking the writer's errors in. */
int render_status(render_ctx *c);
/* The object of the face for style, made on first use, or NULL (recorded). */
pdf_font *render_font(render_ctx *c, font_style style);
/* Adds an XObject to the shared resources; its index (named /X<index>),
 * or -1 when out of memory (recorded). */
long render_add_xobject(render_ctx *c, const char *file, unsigned obj);
/* Appends content operators as they are. */
void render_ops(render_ctx *c, const char *s);
/* Begins a text object unless one is open; ends an open one (and the
 * marked content begun inside it). */
void render_begin_text(render_ctx *c);
void render_end_text(render_ctx *c);

/* ---- render_page.c ------------------------------------------------------ */

/* Starts a page of w × h points (size checked; AM_OK or AM_E*). */
int render_page_begin(render_ctx *c, float w, float h);
/* Writes the page begun: contents, annotations, dictionary; its object
 * number in *obj. AM_OK or AM_E*. */
int render_page_end(render_ctx *c, unsigned *obj);

/* ---- render_content.c ------------------------------------------------ */

/* Starts drawing a new page or form: command coordinates map to PDF space
 * through scale, tx, ty. Forgets the known graphics state. */
void render_begin(render_ctx *c, float scale, float tx, float ty);
/* Forgets the known graphics state (after Q). */
void render_forget_state(render_ctx *c);
/* Draws the commands of one draw page. Returns AM_OK or an AM_E* code. */
int render_cmds(render_ctx *c, const draw_page *pg);
/* Appends numbers (hundredths of a point) and then the operator op. */
void render_op(render_ctx *c, const double *v, int n, const char *op);
void render_set_fill(render_ctx *c, rgb k);
void render_set_stroke(render_ctx *c, rgb k, float width, float dash);
/* Draws utf8 at PDF point (x, y) (no mapping) in style and size, centred
 * on x when centre is set. Returns AM_OK or AM_E*. */
int render_label(render_ctx *c, float x, float y, font_style style, float size,
                 bool centre, rgb colour, const char *utf8);
/* Adds a link over the PDF-space box, clipped to the clip box; links
 * smaller than a point are dropped. */
void render_add_link(render_ctx *c, float x0, float y0, float x1, float y1, const char *uri);

/* ---- others ------------------------------------------------------------ */

/* The XObject index of the image file's bytes data[0..len) (PNG or JPEG,
 * told by its first bytes; read by the layout), written once per document
 * (render_image.c); -1 with a diag record (AM_EINPUT naming the file) when
 * it is missing or damaged. */
long render_image(render_ctx *c, const char *file, const unsigned char *data, size_t len);

/* Tiling (render_tile.c): writes page pg as plan t says, its assembly page
 * first (its object in *first), then its sheets. AM_OK or AM_E*. */
int render_tiled(render_ctx *c, const tile_plan *t, const draw_page *pg, unsigned *first);

/* Metadata (render_pdfa.c): writes the XMP metadata (PDF/UA-1, and
 * PDF/A-1a for an archive copy) and returns its object in *metadata;
 * render_pdfa writes PDF/A's output intent. AM_OK or AM_E*. */
int render_metadata(render_ctx *c, const char *producer, unsigned *metadata);
int render_pdfa(render_ctx *c, unsigned *intent);

/* Tagging (render_tag.c): the structure tree, built as pages are drawn.
 * render_tag_start begins it (the document element); render_tag_cmd
 * follows a draw list's structure and artifact marks; render_tag_content
 * opens the marked content the next drawing belongs to (call it before
 * painting anything); render_tag_close closes it; render_tag_page_end
 * closes it at the end of a page and writes the page's part of the parent
 * tree, returning its key (-1: the page has no marked content);
 * render_tag_link puts an annotation into the structure and returns its
 * parent tree key plus 1 (0: none); render_tag_finish writes what is
 * left, the parent tree and the root, and returns the root's object. */
int render_tag_start(render_ctx *c);
void render_tag_cmd(render_ctx *c, const draw_cmd *cmd);
void render_tag_content(render_ctx *c);
/* render_tag_content for text: leaves a text object open, the marked
 * content inside it when it begins one. */
void render_tag_text(render_ctx *c);
void render_tag_close(render_ctx *c);
long render_tag_page_end(render_ctx *c);
unsigned render_tag_link(render_ctx *c, unsigned annot);
unsigned render_tag_finish(render_ctx *c);
void render_tag_free(render_tags *t);
/* For tiling: an element of role (alt for a figure), ended by
 * render_tag_end; an artifact begun (on) or ended. */
void render_tag_begin(render_ctx *c, draw_role role, const char *alt);
void render_tag_end(render_ctx *c);
void render_tag_artifact(render_ctx *c, bool on);
/* What a page shows, in words, for a figure that stands for it: its
 * figure's alternative text, else its text (malloc'd; NULL when out of
 * memory). */
char *render_tag_page_alt(const draw_page *pg);

/* The document ID, derived from the content (render_id.c): begun with the
 * metadata, given every page in order, ended with the bookmarks. */
void render_id_begin(idhash *h, const draw_meta *meta);
void render_id_page(idhash *h, const draw_page *pg);
void render_id_end(idhash *h, const draw_doc *doc, unsigned char id[16]);

#endif
