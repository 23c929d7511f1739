/* draw.h: the flat list of draw commands per page, layout's output.
 *
 * Geometry is in PDF points (1/72 in) with a top-left origin: y grows down.
 * Only the renderer (render.c) flips to PDF's bottom-left origin. Text
 * positions are the left end of the baseline. Every string and array lives in
 * the document's arena. draw_dump() prints the list as text for golden tests.
 *
 * Besides what is drawn, the list says what it means, for readers that do
 * not see the page (a screen reader, text reflow): DRAW_TAG_BEGIN/END put the
 * commands between them into an element of the document's logical structure
 * (a heading, a paragraph, a table cell, ...), nested as the elements are;
 * DRAW_ARTIFACT_BEGIN/END mark what is there only for the eye or the paper
 * (a frame, a rule, writing lines, running headers and footers). Elements
 * follow the reading order. An element cut over pages (a paragraph, a table
 * and the cells of its rows) is begun again on each page with the same key
 * and ended with `more` set until its last page; an element still open when
 * a page ends goes on on the next one. Text outside every element belongs to
 * the document itself.
 *
 * A document may also be streamed (draw_stream): each page goes to a sink
 * (the renderer) as soon as the next one begins, and its commands are freed
 * then, so a document of any length holds one page. Its commands and the
 * strings draw.c copies live in a page arena; whatever a producer puts in
 * the document's arena lives to the end. A page is finished when the next
 * one is added: producers never go back to an earlier page. */
#ifndef AMOKIT_DRAW_H
#define AMOKIT_DRAW_H

#include <stdio.h>
#include <stdbool.h>
#include <stddef.h>
#include "arena.h"

typedef enum font_style { FONT_REGULAR, FONT_BOLD, FONT_ITALIC, FONT_BOLDITALIC, FONT_STYLES } font_style;

typedef struct rgb { float r, g, b; } rgb;   /* 0..1 each */

typedef struct point { float x, y; } point;
typedef struct rect { float x, y, w, h; } rect;

typedef enum draw_kind {
	DRAW_TEXT,      /* one run of text in one font */
	DRAW_LINE,      /* a straight line */
	DRAW_RECT,      /* a rectangle, filled and/or stroked */
	DRAW_PATH,      /* a path of move/line/curve/close ops, filled and/or stroked */
	DRAW_IMAGE,     /* a PNG or JPEG file scaled into a rect */
	DRAW_LINK,      /* a URI link annotation over a rect */
	DRAW_SPAN_BEGIN,/* the commands up to the matching DRAW_SPAN_END show one
	                   piece of text (a label set along a curve, letter by
	                   letter or line by line): text extraction gives that
	                   text whole, in place of what the commands show */
	DRAW_SPAN_END,
	DRAW_TAG_BEGIN, /* the commands up to the matching DRAW_TAG_END form (part
	                   of) a structure element, inside the one open before */
	DRAW_TAG_END,
	DRAW_ARTIFACT_BEGIN,/* the commands up to DRAW_ARTIFACT_END are no content:
	                   decoration, or furniture of the page */
	DRAW_ARTIFACT_END
} draw_kind;

/* The roles of structure elements (the standard structure types of tagged
 * PDF, ISO 32000-1 §14.8.4, which readers know). */
typedef enum draw_role {
	ROLE_NONE,       /* no element (a block that only groups or places) */
	ROLE_SECT,       /* a section: a box of the form, with its heading */
	ROLE_H1, ROLE_H2, ROLE_H3, ROLE_H4, ROLE_H5, ROLE_H6,
	ROLE_P,
	ROLE_L, ROLE_LI, ROLE_LBL, ROLE_LBODY,      /* list, item, its mark, its text */
	ROLE_TABLE, ROLE_THEAD, ROLE_TBODY, ROLE_TR, ROLE_TH, ROLE_TD,
	ROLE_FIGURE,     /* a picture: alt says what it shows */
	ROLE_LINK,       /* a link's text; the renderer adds its annotation */
	ROLE_COUNT
} draw_role;

/* What an artifact is, for readers that tell them apart. */
typedef enum draw_artifact {
	ARTIFACT_LAYOUT,      /* frames, rules, tints, writing lines, marks */
	ARTIFACT_HEADER,      /* the running header of a page */
	ARTIFACT_FOOTER,      /* the running footer, with the page number */
	ARTIFACT_PAGINATION   /* repeated on a new page: a table's header row, a
	                         continued title */
} draw_artifact;

/* A table header cell's scope: the cells of its column, or of its row. */
enum { SCOPE_COLUMN = 1, SCOPE_ROW = 2 };

typedef enum path_op { PATH_MOVE, PATH_LINE, PATH_CURVE, PATH_CLOSE } path_op;

/* One path element; PATH_CURVE uses p[0], p[1] as control points and p[2] as
 * the end point; MOVE and LINE use p[0]; CLOSE uses none. */
typedef struct path_el { path_op op; point p[3]; } path_el;

typedef struct draw_cmd {
	draw_kind kind;
	union {
		struct {
			float x, y;          /* baseline start */
			float size;          /* font size in points */
			float angle;         /* radians, counter-clockwise as seen on paper; 0 = upright */
			font_style style;
			rgb colour;
			const char *utf8;    /* the text, NUL-terminated */
		} text;
		struct {
			float x1, y1, x2, y2, width;
			rgb colour;
			float dash;          /* dash length, 0 = solid */
		} line;
		struct {
			rect r;
			float width;         /* stroke width; 0 = no stroke */
			bool fill;
			rgb fill_colour, stroke_colour;
		} rect;
		struct {
			const path_el *els;
			size_t n;
			float width;         /* stroke width; 0 = no stroke */
			bool fill;
			rgb fill_colour, stroke_colour;
			float dash;
		} path;
		struct {
			rect r;
			const char *file;            /* as named, for messages */
			const unsigned char *data;   /* the file's bytes, read by the layout */
			size_t len;
		} image;
		struct {
			rect r;
			const char *uri;
		} link;
		struct {
			const char *utf8;    /* DRAW_SPAN_BEGIN: the text as a reader should get it */
		} span;
		struct {
			draw_role role;      /* DRAW_TAG_BEGIN */
			const void *key;     /* BEGIN: the same key on a later page continues
			                        the element; NULL: a new element */
			const char *alt;     /* BEGIN, ROLE_FIGURE: what it shows, in words */
			int scope;           /* BEGIN, ROLE_TH: SCOPE_COLUMN or SCOPE_ROW */
			const char *lang;    /* BEGIN: the element's language (BCP 47) where it
			                        is not its parent's; NULL: the parent's */
			bool more;           /* DRAW_TAG_END: the element goes on on a later page */
		} tag;
		struct {
			draw_artifact kind;  /* DRAW_ARTIFACT_BEGIN */
		} artifact;
	} u;
} draw_cmd;

typedef struct draw_page {
	float width, height;
	draw_cmd *cmds;
	size_t n, cap;
} draw_page;

typedef struct draw_bookmark {
	const char *title;
	int page;               /* 0-based */
	float y;                /* top-left origin */
	int level;              /* 0 = top */
} draw_bookmark;

typedef struct draw_meta {
	const char *title, *author, *subject, *keywords, *creator;
	long long timestamp;    /* seconds since the epoch (UTC); from input or SOURCE_DATE_EPOCH */
	bool pdfa;              /* write PDF/A-1b */
	const char *lang;       /* the document's language (BCP 47), "da-DK" from draw_init */
} draw_meta;

/* Where a streamed document's pages go: page number `index` (0-based),
 * `last` when no page follows. Returns 0 (AM_OK) or an AM_E* code. */
typedef int (*draw_sink)(void *ctx, const draw_page *pg, size_t index, bool last);

typedef struct draw_doc {
	arena *arena;           /* owns everything below; not owned by the doc */
	draw_page *pages;       /* the pages not handed to a sink */
	size_t n_pages, cap_pages;
	size_t n_sent;          /* pages handed to the sink, before pages[0] */
	draw_bookmark *marks;   /* page: counted from the document's first */
	size_t n_marks, cap_marks;
	draw_meta meta;
	draw_sink sink;         /* draw_stream: */
	void *sink_ctx;
	arena *page_arena;      /* the commands of the page not yet handed over */
	int sink_rc;            /* the sink's first failure, AM_OK when none */
} draw_doc;

/* Initialises an empty document whose memory comes from a, in Danish. */
void draw_init(draw_doc *doc, arena *a);
/* Streams doc: every page goes to sink when the next one is added, or when
 * draw_end is called, and is freed; page_arena (the caller's, emptied
 * after each page) holds the commands meanwhile. The meta must be
 * complete before the first page goes. */
void draw_stream(draw_doc *doc, arena *page_arena, draw_sink sink, void *ctx);
/* Hands the pages held to the sink now, before the producer frees what
 * they point into; more pages follow (only draw_end tells the sink which
 * page is the last). AM_OK, or the sink's code. Nothing for a document
 * that is not streamed. */
int draw_flush(draw_doc *doc);
/* Hands the last page of a streamed document to its sink. AM_OK, or the
 * sink's code (also when an earlier page failed). */
int draw_end(draw_doc *doc);
/* The pages so far, handed over or not: the number the next page gets. */
size_t draw_page_count(const draw_doc *doc);
/* Where what the last page's commands point to belongs (a copied string,
 * a path's elements): the page arena of a streamed document, emptied when
 * the next page is added; else the document's arena. */
arena *draw_page_arena(const draw_doc *doc);
/* Appends a page and returns it, or NULL when out of memory or when the
 * sink failed on the page before (doc->sink_rc tells). */
draw_page *draw_add_page(draw_doc *doc, float width, float height);
/* Appends a command (copied) to page; returns the stored command or NULL.
 * A text loses its soft hyphens (U+00AD) here: they are never drawn. */
draw_cmd *draw_push(draw_doc *doc, draw_page *page, const draw_cmd *cmd);
/* Whether the segment a-b meets r (edges included). */
bool draw_segment_meets(point a, point b, rect r);
/* Convenience builders; each returns 0 or -1 when out of memory. */
int draw_text(draw_doc *doc, draw_page *pg, float x, float y, float size, font_style st, rgb c, const char *utf8, size_t len);
int draw_line(draw_doc *doc, draw_page *pg, float x1, float y1, float x2, float y2, float width, rgb c);
int draw_rect(draw_doc *doc, draw_page *pg, rect r, float width, rgb stroke, const rgb *fill);
/* The path of n elements els (kept, not copied: in the page's arena or the
 * document's), stroked width wide in stroke (width 0: not stroked) with
 * dashes of dash points (0: solid), filled with *fill unless fill is NULL. */
int draw_path(draw_doc *doc, draw_page *pg, const path_el *els, size_t n, float width, rgb stroke,
              const rgb *fill, float dash);
int draw_bookmark_add(draw_doc *doc, const char *title, int page, float y, int level);
/* Opens a span whose text a reader gets in place of what the commands up
 * to draw_span_end show (utf8 is copied); spans do not nest. */
int draw_span_begin(draw_doc *doc, draw_page *pg, const char *utf8, size_t len);
int draw_span_end(draw_doc *doc, draw_page *pg);
/* Opens an element of role (ROLE_NONE: nothing is pushed) with key (see
 * above; may be NULL); draw_tag_end closes the innermost one, `more` when
 * it goes on on a later page. */
int draw_tag_begin(draw_doc *doc, draw_page *pg, draw_role role, const void *key);
int draw_tag_end(draw_doc *doc, draw_page *pg, bool more);
/* Opens a table header cell (ROLE_TH) for the cells of its column or row. */
int draw_th_begin(draw_doc *doc, draw_page *pg, const void *key, int scope);
/* Opens a figure; alt (copied) says in words what it shows. */
int draw_figure_begin(draw_doc *doc, draw_page *pg, const void *key, const char *alt);
/* Gives the element just opened (the page's last command) the language
 * lang, a BCP 47 tag (copied), where it is not its parent's. */
int draw_tag_lang(draw_doc *doc, draw_page *pg, const char *lang);
int draw_artifact_begin(draw_doc *doc, draw_page *pg, draw_artifact kind);
int draw_artifact_end(draw_doc *doc, draw_page *pg);
/* The name of a role ("H1", "TD", ...), as tagged PDF has it. */
const char *draw_role_name(draw_role role);
/* Prints a stable, human-readable dump of every page and command. */
void draw_dump(const draw_doc *doc, FILE *out);

#endif
