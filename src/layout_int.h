/* layout_int.h: private structures shared by the layout engine's files.
 *
 *   layout_load.c    layout XML → template tree (lnode), strings and maps
 *   layout_build*.c  template + data → formatted blocks (blk), at a width
 *   paginate*.c      blocks → break points → pages → draw commands
 *
 * A template is immutable once loaded and may be run many times. Blocks are
 * built per run in the run's arena. Vertical offsets inside a block are
 * measured from its top; a block never knows where it sits on the page. */
#ifndef AMOKIT_LAYOUT_INT_H
#define AMOKIT_LAYOUT_INT_H

#include <stdbool.h>
#include <stdint.h>
#include "layout.h"
#include "sha256.h"

/* ---- template --------------------------------------------------------- */

typedef enum lkind {
	/* blocks */
	L_H1, L_H2, L_H3, L_P, L_UL, L_OL, L_LI, L_BOX, L_TITLE, L_TABLE,
	L_HEADER, L_ROW, L_CELL, L_EMPTY_ROWS, L_GRID, L_IMAGE, L_RULE,
	L_SPACER, L_PAGE_BREAK, L_KEEP, L_CUSTOM,
	/* control */
	L_IF, L_CHOOSE, L_WHEN, L_OTHERWISE, L_REPEAT,
	/* inline */
	L_TEXT, L_B, L_I, L_BR, L_PAGE_NUMBER, L_PAGE_COUNT, L_NUMBER, L_FIELD,
	/* messages: a layout's <msg key> with its <arg name> children; in a
	 * catalog, <msg key> holds text, b, i, br and, parsed from the text's
	 * {name} and {term:key} placeholders, L_PARAM (text: the name) and
	 * L_TERM (text: the key; attribute "form": the wording to print) */
	L_MSG, L_ARG, L_PARAM, L_TERM,
	L_UNKNOWN
} lkind;

/* What an attribute's value is, by the attribute's name, parsed once when
 * its layout loads (lattr_parse): a length in points (height, width, gap,
 * pitch, space-before), a colour (colour, tint, header-fill), a number
 * (size, min-size), a whole number (cols, count, lines, max, start), one
 * word of the attribute's vocabulary (LA_BOOL and the types after it: the
 * word's place in the vocabulary, below) or a table's column widths.
 * LA_TEXT: any other attribute, or a value that does not parse
 * (height="fill"); value is always the text. The values are stored in
 * compiled-in layout images (layout_digests.c): new types go at the end. */
typedef enum lattr_type {
	LA_TEXT, LA_LENGTH, LA_COLOUR, LA_NUMBER, LA_INT,
	LA_BOOL,                   /* bookmark, fill, hyphenate, checkbox: false, true */
	LA_ALIGN,                  /* align: ALIGN_* */
	LA_STYLE,                  /* style: STYLE_* */
	LA_ORIENTATION,            /* orientation: ORIENT_* */
	LA_BREAK,                  /* break: BREAK_PAGE */
	LA_PAGE_NUMBERS,           /* page-numbers: NUMBERS_EACH */
	LA_OVERFLOW,               /* overflow: OVERFLOW_APPENDIX */
	LA_RULES,                  /* rules: RULES_* */
	LA_FORMAT,                 /* a field's format: FORMAT_* */
	LA_WIDTHS,                 /* a table's widths: lwidths */
} lattr_type;

/* The words of the word-valued attributes, in their vocabularies' order. */
enum { ALIGN_LEFT, ALIGN_CENTER, ALIGN_RIGHT };
enum { STYLE_MUTED, STYLE_SMALL, STYLE_LEAD };
enum { ORIENT_PORTRAIT, ORIENT_LANDSCAPE };
enum { BREAK_PAGE };
enum { NUMBERS_EACH };
enum { OVERFLOW_APPENDIX };
enum { RULES_GRID, RULES_ROWS };
enum { FORMAT_DATE, FORMAT_DATE_SHORT, FORMAT_MONTH, FORMAT_UPPER, FORMAT_TIME, FORMAT_DECIMAL };

/* A table's widths="40mm 1fr 2fr": each column's fixed width in points, or
 * its share of what the fixed ones leave (fr > 0, w 0). At most
 * LWIDTHS_MAX columns. */
#define LWIDTHS_MAX 32
typedef struct lwidths {
	size_t n;
	float w[LWIDTHS_MAX], fr[LWIDTHS_MAX];
} lwidths;

typedef struct lattr {
	const char *name, *value;
	struct lattr *next;
	lattr_type type;
	union {
		float number;          /* LA_LENGTH (points), LA_NUMBER */
		int integer;           /* LA_INT; a word: its place in the vocabulary */
		unsigned colour;       /* LA_COLOUR: 0xRRGGBB */
		const lwidths *widths; /* LA_WIDTHS, in the layout's arena */
	} v;
} lattr;

typedef struct lnode {
	lkind kind;
	int line;
	const char *text;          /* L_TEXT: whitespace folded to single spaces */
	lattr *attrs;
	struct lnode *first, *next;
} lnode;

typedef struct lmap {
	const char *name;
	const char **keys, **values;
	size_t n;
	struct lmap *next;
} lmap;

typedef struct lpage {
	float w, h;                /* points, already oriented */
	float mt, mb, ml, mr;      /* margins */
} lpage;

struct layout {
	const char *file;
	const char *title, *subject, *keywords;
	const char *title_key, *subject_key, *keywords_key;   /* the same from the catalog */
	lpage page;
	float base_size;
	rgb accent;
	const char *months[12];
	lmap *maps;
	lattr *texts;              /* <text key="...">value</text>; a catalog's
	                              settings (catalog.c) */
	lnode *header, *header_right, *footer, *footer_right, *body;
	/* A catalog (<messages>): body holds its <msg> nodes, sorted by key. */
};

/* ---- the shipped layouts, compiled when amokit is built ---------------
 *
 * tools/layout_digests.c validates each shipped file against the layout
 * schema, loads each <layout> with layout_load_mem, and prints this table:
 * the digest of every file, and for a layout an image of its loaded
 * template, with the strings files it read. layout_load makes a file with
 * one of these digests from its image, when the strings files next to it
 * still have the bytes recorded here; any other file is parsed.
 *
 * An image holds no pointers, only offsets into its string pool and
 * indices into its arrays (0: NULL, else index + 1): a pointer in static
 * data is a relocation that the dynamic linker applies, page by page, in
 * every process, --version included, whether the layout is used or not. */
typedef struct layout_dep {
	const char *href;              /* as the layout names it */
	size_t size;
	char sha256[SHA256_HEX_SIZE];
} layout_dep;

typedef uint32_t lref;             /* 0: NULL; else a string offset or an index, plus 1 */

typedef struct limage_node { lref kind, line, text, attrs, first, next; } limage_node;
typedef struct limage_attr { lref name, value, next, type; } limage_attr;   /* type: lattr_type */
typedef struct limage_map { lref name, keys, n, next; } limage_map;   /* keys: n keys, then n values, in strs_of */

typedef struct layout_image {
	const char *strs;              /* the string pool, NUL-separated */
	size_t strs_len;
	const limage_node *nodes;
	const limage_attr *attrs;
	const limage_map *maps;
	const lref *strs_of;           /* the maps' keys and values */
	size_t n_nodes, n_attrs, n_maps;
	lref title, subject, keywords, months[12];
	lpage page;
	float base_size;
	rgb accent;
	lref maps_head, texts_head, header, header_right, footer, footer_right, body;
	lref title_key, subject_key, keywords_key;
	lref root;                     /* the layout_root it was loaded as */
} layout_image;

typedef struct layout_digest {
	const char *file;              /* name in layouts/, for the reader */
	size_t size;
	char sha256[SHA256_HEX_SIZE];  /* of the file's bytes */
	const layout_image *image;     /* NULL: a strings file, or not loaded */
	const layout_dep *deps;        /* ended by a NULL href */
	const char *bytes;             /* the file's bytes: a file is the shipped
	                                  one when its bytes are these (a compare
	                                  costs a hundredth of hashing them) */
} layout_digest;

extern const layout_digest layout_shipped[];   /* ended by a NULL file */

/* layout_image.c: the entry of layout_shipped with exactly xml's bytes, or
 * NULL; the image compiled in for e, when there is one and the strings
 * files it read next to path are unchanged, else NULL; and the template of
 * an image in a (NULL: out of memory). */
const layout_digest *layout_find_shipped(const char *xml, size_t len);
const layout_image *layout_compiled_image(const layout_digest *e, const char *path);
layout *layout_from_image(arena *a, const layout_image *im);

/* What a file holds: its root element. */
typedef enum layout_root { ROOT_LAYOUT, ROOT_STRINGS, ROOT_MESSAGES, ROOT_GLOSSARY } layout_root;
/* layout_load and layout_load_mem for a file with the given root. */
int layout_load_as(arena *a, const char *path, layout_root root, layout **out, diag *d);
int layout_load_mem_as(arena *a, const char *name, const char *xml, size_t len, layout_root root,
                       layout **out, diag *d);

/* ---- loading (layout_load.c, layout_msg.c) ---------------------------- */
/* One file being loaded into a template. */
typedef struct loader {
	arena *a;
	diag *d;
	const char *file;
	int oom;
	bool in_msg;               /* inside a catalog's <msg>: {placeholders} are parsed */
} loader;

/* A new node in ld's arena; NULL when memory ran out (ld->oom). */
lnode *layout_new_node(loader *ld, lkind kind, int line, const char *text);
/* A catalog text cut at its placeholders: L_TEXT pieces, L_PARAM for
 * {name}, L_TERM for {term:key} or {term:key|wording}; "{{" and "}}" are
 * braces. The first node (*last: the last), or NULL when nothing is left,
 * on an error (reported) or out of memory (ld->oom). */
lnode *layout_placeholders(loader *ld, const char *text, int line, lnode **last);

const char *lattr_get(const lnode *n, const char *name);
/* n's attribute name, or NULL. */
const lattr *lattr_find(const lnode *n, const char *name);
/* Sets at's type and value from its name and text, as a layout loads
 * (layout_load.c); lattr_parse_as with the type a compiled-in image
 * recorded (layout_image.c), which leaves the names unread. What a value
 * needs beyond the attribute (a table's widths) goes in a; false when out
 * of memory. */
bool lattr_parse(arena *a, lattr *at);
bool lattr_parse_as(arena *a, lattr *at, lattr_type type);
/* The place of the word a layout gave n's attribute name in its
 * vocabulary (ALIGN_*, STYLE_*, ...; false 0, true 1); def when it has
 * none. */
int lattr_word(const lnode *n, const char *name, int def);
/* The column widths a layout gave n's attribute name; NULL when none. */
const lwidths *lattr_widths(const lnode *n, const char *name);
/* The length or colour a layout gave n's attribute name; def when it has
 * none or it did not parse. */
float lattr_length(const lnode *n, const char *name, float def);
rgb lattr_colour(const lnode *n, const char *name, rgb def);
/* Parses a length ("12mm", "1.5cm", "14pt", "14") in points; def when NULL. */
float layout_length(const char *s, float def);
/* Parses "#RRGGBB"; def when NULL or malformed. */
rgb layout_colour(const char *s, rgb def);
/* The value of key in the map called name among maps; NULL when there is
 * none. */
const char *lmap_find(const lmap *maps, const char *name, const char *key);
/* Translates value through the map called name; value itself when absent. */
const char *layout_map(const layout *l, const char *name, const char *value);

/* catalog.c: the <msg> node of key in c or its fallback, or NULL. */
const lnode *catalog_msg(const catalog *c, const char *key);
/* The catalog's own file as loaded: its messages (body's children, by
 * key), maps and settings; for tools/catalog_check.c. */
const layout *catalog_file(const catalog *c);
/* The keys the program itself asks for (kit.c, the årshjul), NULL-ended. */
extern const char *const catalog_program_keys[];

/* ---- formatted blocks -------------------------------------------------- */

typedef enum bkind {
	B_LINES,     /* lines of text (paragraph, heading, cell text) */
	B_VBOX,      /* children stacked vertically */
	B_ROW,       /* cells side by side (table row, grid row, list item) */
	B_BOX,       /* framed, titled vbox with optional writing lines */
	B_TABLE,     /* vbox of rows with a repeated header row */
	B_RULE,      /* a horizontal line */
	B_SPACE,     /* vertical space */
	B_IMAGE,
	B_CUSTOM,
	B_CHECK      /* an empty square to tick, as tall as the text beside it */
} bkind;

typedef struct blk blk;

typedef struct vchild {
	blk *b;
	float y;                   /* offset of the child's top in the vbox */
	bool keep_with_next;       /* no break between this child and the next */
	bool break_after;          /* forced page break after this child */
	bool restart_numbering;    /* with break_after: page numbers start again */
} vchild;

typedef struct line_item {
	text_line line;
	float x;                   /* alignment offset */
} line_item;

struct blk {
	bkind kind;
	draw_role role;            /* the structure element it is, ROLE_NONE for none:
	                              paginate.c wraps its commands in tags */
	int scope;                 /* ROLE_TH: SCOPE_COLUMN or SCOPE_ROW */
	float w;                   /* width it was laid out at */
	float h;                   /* natural height */
	float cont_h;              /* extra height drawn when continued on a new page */
	bool keep_together;        /* avoid breaking inside */
	bool fill;                 /* B_CUSTOM / B_BOX: takes the rest of the page */
	union {
		struct {               /* B_LINES */
			line_item *lines;
			size_t n;
			float size, leading;
			rgb colour;
			int bookmark;      /* -1 none, else level */
			const char *bookmark_title;
		} lines;
		struct {               /* B_VBOX, B_TABLE (children = rows) */
			vchild *kids;
			size_t n, cap;
			blk *header;       /* B_TABLE: the header row, or NULL */
			float lead_gap;    /* the gap its first child asked for */
			/* Set by pagination (paginate.c, collect): the children's
			 * tops and bottoms never decrease, so the child at an
			 * offset is found by bisection. */
			bool ordered;
		} vbox;
		struct {               /* B_ROW */
			blk **cells;       /* each a B_VBOX */
			float *x, *w;      /* cell positions relative to the row */
			size_t n;
			float pad;         /* vertical padding inside each cell */
			bool framed;       /* draw a grid around cells */
			bool ruled;        /* draw a rule above and below (table rules="rows") */
			rgb *tint;         /* per-cell background, NULL for none */
			bool *tinted;
			rgb rule_colour;
			/* A table row continued on a new page repeats its first
			 * cell's text, marked "(fortsat)": made when first needed. */
			const lnode *label_cell;
			const dnode *label_data;
			float label_size;
			blk *label;
		} row;
		struct {               /* B_BOX */
			blk *content;      /* B_VBOX */
			const char *title;
			const char *cont_mark; /* after the title of a continued box: "(fortsat)" */
			float title_h, pad, size;
			rgb accent, tint;
			bool tinted;
			float pitch;       /* writing line pitch */
			int lines;         /* writing lines after the content */
		} box;
		struct { float width; rgb colour; } rule;
		struct {
			const char *file;
			const unsigned char *data;
			size_t len;
			float w, x;
			const char *alt;   /* what it shows; NULL: a decoration */
		} image;
		struct { const char *kind; const dnode *data; } custom;
	} u;
};

typedef struct para_memo para_memo;
typedef struct lsection lsection;

/* A run of the layout engine over one document. */
typedef struct lrun {
	const layout *l;
	const layout_env *env;
	const layout_lang *lang;   /* the language being printed (a repeat may
	                              switch it), or NULL: no catalog */
	arena *a;
	diag *d;
	const char *file;          /* layout file, for messages */
	int err;                   /* first error code, AM_OK when none */
	para_memo *memo;           /* paragraphs already broken (layout_text.c) */
	struct image_file *images; /* images read in this run (layout_build_blocks.c) */
	size_t image_bytes;        /* their bytes together */
	/* Each language's compound joints, with the workplace's names, parsed
	 * when the language first breaks a paragraph (a sheet in Polish
	 * beside Danish ones has Polish joints, the Danish ones Danish); in
	 * the document's arena, so that every group of pages has them. */
	struct lang_joints { const layout_lang *lang; text_joints *j; } joints[8];
	size_t n_joints;
	/* The glossary terms printed with their Danish word since the sheet
	 * began (a forced page break or a repeat's page begins one): a term
	 * keeps the Danish word in parentheses only where the sheet first
	 * uses it. A use is told by its term node, its message's call and its
	 * data, so that a text collected twice (measured, then set) prints the
	 * same both times. */
	struct term_use { const char *key; const void *node, *call, *data; } terms[24];
	size_t n_terms;
	bool furniture;            /* setting a header or footer: terms without the Danish */
	/* The children [from, to) of vbox body a repeat printed in another
	 * language: their pages' header and footer follow it. */
	struct lang_span { const blk *body; size_t from, to; const layout_lang *lang; } *langs;
	size_t n_langs, cap_langs;
	float body_w;              /* width of the first section's body */
	blk *appendix;             /* content spilled from boxes (layout_build.c), or NULL */
	int section_level;         /* the level of the last heading built (1..3), 0 before one */
	float spill_gain;          /* how much taller the spilled boxes would be whole */
	/* A streamed document is drawn a group of pages numbered on their own
	 * at a time (layout_next_group): the first group is built in the
	 * document's arena, every later one in `group`, emptied after it is
	 * drawn. What later groups reuse is what the first left: */
	draw_doc *doc;             /* where the pages go */
	/* How a finished group is drawn: paginate, which layout_run sets, so
	 * that the builder hands its pages on without using the paginator
	 * (which uses the builder's pieces for headers and footers). */
	int (*draw_group)(struct lrun *r, const lsection *secs, size_t n, draw_doc *doc);
	arena *group;              /* NULL until a second group begins */
	para_memo *memo_kept;      /* the first group's broken paragraphs */
	struct image_file *images_kept;
	size_t image_bytes_kept;
} lrun;

/* A page body: width, and the sections' root blocks built by layout_build.c. */
struct lsection {
	lpage page;
	blk *body;                 /* B_VBOX */
};

/* layout_build.c, layout_text.c, layout_build_table.c */
int layout_build(lrun *r, lsection **sections, size_t *n);
/* Builds a B_LINES for inline content (header/footer use), with page numbers. */
blk *layout_inline_block(lrun *r, const lnode *first, const dnode *ctx, float width,
                         float size, font_style st, rgb colour, int align,
                         int page, int pages);

/* The continuation label of a table row (B_LINES), or NULL when the row
 * has none or out of memory (r->err then set). */
blk *layout_row_label(lrun *r, blk *row);

/* paginate.c */
int paginate(lrun *r, const lsection *secs, size_t n, draw_doc *doc);
/* Draws the sections built so far, a group of pages numbered on their own,
 * frees them, and starts *secs afresh (one section on the paper of the
 * last): for a document of any number of groups, memory holds one. Only
 * when the document is streamed (layout_can_group). 0, or -1 (r->err). */
bool layout_can_group(const lrun *r);
int layout_next_group(lrun *r, lsection **secs, size_t *n);

#endif
