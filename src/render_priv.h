/* render_priv.h: state shared by the renderer's files (render.c, the
 * tiling in render_tile.c, PDF/A in render_pdfa.c). Private to them: the
 * only place besides those files that sees hpdf.h is nowhere. */
#ifndef AMOKIT_RENDER_PRIV_H
#define AMOKIT_RENDER_PRIV_H

#include <hpdf.h>

#include "codepage.h"
#include "render.h"

/* Bytes in memory behind a libharu stream (render_buf_stream): libharu's
 * own memory streams copy byte by byte and in 4 KB pieces. */
typedef struct render_buf {
	unsigned char *p;
	size_t n, cap;
	size_t pos;                /* where the next read starts */
	bool borrowed;             /* p belongs to someone else: read only */
} render_buf;

/* A loaded image, kept so a logo on every page is embedded once. */
typedef struct render_image_entry {
	const char *file;
	HPDF_Image img;
} render_image_entry;

typedef struct render_ctx {
	HPDF_Doc pdf;
	const draw_doc *doc;
	const render_opts *opts;
	diag *d;
	const char *path;          /* the target, for messages */
	char *sha256_hex;          /* receives the digest of the bytes written, or NULL */
	HPDF_STATUS err, err_detail;   /* first libharu error, 0 when none */
	int fail;                  /* AM_E* code of the first failure we reported */

	const char *font_names[FONT_STYLES];      /* libharu names, loaded lazily */
	HPDF_Font fonts[FONT_STYLES][CP_COUNT];   /* per style and encoding */
	render_image_entry *images;
	size_t n_images, cap_images;
	char *ops;                 /* content operators not yet on the page */
	size_t n_ops, cap_ops;

	/* The page being drawn, and how its commands map to PDF space:
	 * command (x, y) → PDF (scale * x + tx, ty - scale * y). */
	HPDF_Page page;
	float scale, tx, ty;
	bool links;                /* false: DRAW_LINK is skipped (assembly map) */
	float clip_x0, clip_y0, clip_x1, clip_y1;   /* PDF space; links are clipped to it */

	/* Graphics state already set on the page, to skip repeats. */
	bool in_text, state_known;
	rgb fill, stroke;
	float width, dash;
	HPDF_Font cur_font;
	float cur_size;
	/* Inside BT: whether the text matrix is unrotated, and its origin in
	 * hundredths of a point, so the next line moves there with Td. */
	bool tm_plain;
	long long tm_x, tm_y;
	/* The text command being encoded (for the per-run callback). */
	const draw_cmd *run;
	float run_size;            /* its size in PDF space */
} render_ctx;

/* Starts drawing on page: command coordinates map to PDF space through
 * scale, tx, ty (see render_ctx). Forgets the known graphics state. */
void render_begin(render_ctx *c, HPDF_Page page, float scale, float tx, float ty);
/* Forgets the known graphics state (after GRestore). */
void render_forget_state(render_ctx *c);
/* Draws the commands of one draw page. Returns AM_OK or an AM_E* code. */
int render_cmds(render_ctx *c, const draw_page *pg);
/* Ends an open text object and hands the operators written so far to the
 * page, so libharu's own operators may follow. */
void render_end_text(render_ctx *c);
/* Hands the operators written so far to the page (render_end_text does). */
void render_flush(render_ctx *c);
/* A new PDF page of w × h points, or NULL (error recorded). */
HPDF_Page render_new_page(render_ctx *c, float w, float h);
/* Draws utf8 at PDF point (x, y) (bottom-left origin, no mapping) in style
 * and size, centred on x when centre is set. Returns AM_OK or AM_E*. */
int render_label(render_ctx *c, float x, float y, font_style style, float size,
                 bool centre, rgb colour, const char *utf8);
/* A stream over a render_buf of its own (stream->attr), freed with the
 * stream. With data, the buffer starts with those len bytes: taken over
 * (freed with the stream) when own is set, else only read. NULL when out
 * of memory (with own set, data is freed then too). */
HPDF_Stream render_buf_stream(HPDF_MMgr mm, unsigned char *data, size_t len, bool own);
/* Replaces the stream of a stream dictionary (a page's contents, a font
 * file) by s. */
void render_set_stream(HPDF_Dict dict, HPDF_Stream s);
/* Whether s is a render_buf_stream (its attr is a render_buf). */
bool render_is_buf_stream(HPDF_Stream s);
/* Compresses every stream libharu would deflate, with libdeflate, just
 * before the document is saved (render_deflate.c). AM_OK or AM_E*. */
int render_deflate_streams(render_ctx *c);
/* Returns c->fail, or a code derived from a pending libharu error. */
int render_status(render_ctx *c);

/* The image in file (PNG or JPEG, told by its first bytes), loaded once
 * per document (render_image.c). NULL with a diag record (AM_EINPUT naming
 * the file) when it is missing or damaged. */
HPDF_Image render_image(render_ctx *c, const char *file);

/* Tiling (render_tile.c): writes every page as an assembly map followed by
 * its sheets. Returns AM_OK or an AM_E* code. */
int render_tiled(render_ctx *c, HPDF_Page *first_sheet_of_page);

/* Loads the face for style into the document from the family's bytes in
 * memory (render_font.c); libharu's name for it, or NULL. */
const char *render_load_face(render_ctx *c, font_style st);
/* Embeds every face the document used, cut to the glyphs it used
 * (render_font.c); call once, after the last text. Returns AM_OK or an
 * AM_E* code. */
int render_embed_fonts(render_ctx *c);

/* PDF/A-1b (render_pdfa.c): XMP metadata, output intent. id is the
 * document ID is set by render.c. Returns AM_OK or an AM_E* code. */
int render_pdfa(render_ctx *c);
/* Writes utf8 as a PDF text string into dict[key]: literal when ASCII,
 * UTF-16BE with a byte order mark otherwise. */
HPDF_STATUS render_text_string(render_ctx *c, HPDF_Dict dict, const char *key, const char *utf8);

#endif
