/* tile.h: a poster page planned for office paper: which sheets to print,
 * what part of the poster each shows, and the marks that put them together.
 *
 * The plan takes the sheet's orientation and a grid that need the fewest
 * sheets, leaves out every sheet that would show nothing of the poster, and
 * numbers the rest in reading order ("Ark 3/6 · række 1, kolonne 3": never a
 * name like "A3" that reads as a paper size). Neighbours share a strip:
 * the earlier sheet carries a grey glue band there, printed over the
 * artwork with the number of the sheet that goes on it; the later sheet a
 * dashed cut line where it is trimmed. An assembly page comes first: a
 * title, the steps, the whole poster with the sheets' outlines, and beside
 * it a map of the sheet numbers, so that no number covers the picture.
 *
 * Everything the plan draws is draw commands (draw.h) in the draw_doc's
 * arena; the renderer draws the poster page itself through each sheet's
 * window and then the sheet's marks. Words come from the caller. */
#ifndef AMOKIT_TILE_H
#define AMOKIT_TILE_H

#include <stdbool.h>
#include <stddef.h>
#include "diag.h"
#include "draw.h"
#include "text.h"

typedef struct tile_texts {
	const char *title;       /* the assembly page's heading */
	const char *steps[4];    /* how to put the poster together, in order */
	const char *sheet;       /* "Ark" */
	const char *row, *col;   /* "række", "kolonne" */
	const char *glue;        /* "Lim her, og læg ark", then the number */
	const char *glue_after;  /* "ovenpå" */
	const char *cut;         /* "Klip her" */
	const char *map;         /* the sheet map's caption */
} tile_texts;

typedef struct tile_sheet {
	int number;              /* 1.. in reading order */
	int row, col;            /* 0-based, in the grid */
	rect window;             /* the part of the poster it shows (poster points, top-left origin) */
	rect frame;              /* where that part lands on the sheet */
	draw_page marks;         /* drawn over the poster: glue bands, cut lines, its number */
} tile_sheet;

struct tile_plan {
	size_t page;             /* the draw page tiled */
	float w, h;              /* a sheet as printed */
	int rows, cols;
	size_t n;                /* sheets printed */
	tile_sheet *sheets;      /* n of them, in reading order */
	draw_page assembly;      /* the assembly page */
	size_t assembly_head;    /* its first commands (title, steps), which come
	                            before the poster in reading order */
	rect thumb;              /* where the whole poster page lands on it, scaled */
	rect thumb_clip;         /* the part of that it shows */
};
#ifndef AMOKIT_TILE_PLAN_DECLARED
#define AMOKIT_TILE_PLAN_DECLARED
typedef struct tile_plan tile_plan;
#endif

/* Plans page `page` of doc over sheets of paper_w × paper_h points (either
 * orientation), measuring its words with m. Returns AM_OK; AM_EUSAGE when
 * the paper leaves no room (with a diag record); AM_EINTERNAL when out of
 * memory. */
int tile_plan_make(draw_doc *doc, size_t page, float paper_w, float paper_h, const tile_texts *tx,
                   const text_measurer *m, tile_plan *out, diag *d);

/* The part of area that a poster to be tiled on paper_w × paper_h sheets
 * should be drawn in: area itself, or up to a tenth less on a side, so
 * that the artwork fills whole sheets (an A1 poster on A4 becomes 3 × 3
 * full sheets, not 4 × 4 of which the last row holds its date line or a
 * sliver of its wheel). The sheets' orientation is the one needing the
 * fewest, the larger result on a tie; the part is centred in area. */
rect tile_fit(rect area, float paper_w, float paper_h);

/* Whether the command c, on a page, draws anything inside r (text
 * measured with m). */
bool tile_cmd_meets(const draw_cmd *c, rect r, const text_measurer *m);

#endif
