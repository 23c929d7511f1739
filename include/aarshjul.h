/* aarshjul.h: the årshjul poster: the wheel, its activities and what stands
 * beside it, placed into one rectangle of a page as draw commands.
 *
 * Geometry comes from wheel.h; text is measured only through the caller's
 * text_measurer, and every word printed comes from the caller (layouts/).
 * Label placement is deterministic: activities are swept in angle order per
 * ring and each label takes the first free slot (innermost track, then a
 * small slide along the arc, then a smaller size); a label that finds none
 * becomes a number at its marker, listed with its full text beside the
 * wheel. Nothing is dropped, nothing overlaps, no text is upside down.
 * When the numbered list is longer than the poster holds, the poster takes
 * what fits and aarshjul_draw_list() sets the rest on further pages. */
#ifndef AMOKIT_AARSHJUL_H
#define AMOKIT_AARSHJUL_H

#include <stdbool.h>
#include <stddef.h>
#include "diag.h"
#include "draw.h"
#include "model.h"
#include "text.h"

/* Every text the poster prints, supplied by the caller. NULL hides the
 * item where that makes sense (footer, quarters, headings). */
typedef struct aarshjul_texts {
	const char *months[12];        /* full month names, January first */
	const char *months_short[12];  /* used where a full name does not fit; may be NULL */
	const char *title;             /* centre title; the year follows it */
	const char *legend_title;      /* heading of the legend */
	const char *week_label;        /* legend entry for the ISO-week ring */
	const char *list_title;        /* heading of the numbered list */
	const char *list_continued;    /* its heading on further pages; NULL: list_title */
	const char *quarter_prefix;    /* quarter marks read prefix + 1..4 ("K1"); NULL: none */
	const char *goals_title;       /* heading of this year's goals */
	const char *focus_title;       /* heading of the focus areas */
	const char *footer;            /* a finished line, e.g. the date it was made */
	const char *const *blank_rings;/* ring names when the plan has no rings */
	size_t n_blank_rings;
} aarshjul_texts;

/* One entry of the numbered list: number, ring colour, full text. */
typedef struct aarshjul_item {
	int number;
	rgb ink;
	const char *text;     /* "d.m. title (responsible)" */
} aarshjul_item;

/* What a drawn poster holds (for tests, statistics and further pages). */
typedef struct aarshjul_stats {
	size_t occurrences;   /* activities after expanding recurrence */
	size_t labelled;      /* labelled on the wheel */
	size_t numbered;      /* shown by number, listed beside the wheel */
	float radius;         /* of the wheel, in points */
	const aarshjul_item *list;  /* the numbered list (numbered items, in doc->arena) */
	size_t list_drawn;    /* the first list_drawn items stand on the poster */
	float list_size;      /* type size of the list */
	bool name_shortened;  /* the workplace name in the centre ends in an ellipsis */
} aarshjul_stats;

typedef struct aarshjul_opts {
	const text_measurer *measurer;
	aarshjul_texts texts;
	float scale;    /* font unit; 0: aarshjul_scale(area) */
	bool blank;     /* empty rings and writing lines, no activities */
	int year;       /* used when wp has no wheel (or wp is NULL) */
	aarshjul_stats *stats;  /* filled in when not NULL */
} aarshjul_opts;

/* The font unit for an area: 1 at A1 (its shorter side 594 mm), in
 * proportion elsewhere. At 1, month names are ≥ 28 pt, labels ≥ 12 pt. */
float aarshjul_scale(rect area);

/* Draws the poster into area on page. wp may be NULL in blank mode.
 * Returns AM_OK; AM_EUSAGE when the options lack a measurer or a month
 * name; AM_EINPUT when the rings themselves cannot fit the area (with a
 * diag record); AM_EINTERNAL when out of memory. A long plan is never
 * refused: the numbered list continues (stats: list_drawn < numbered).
 * Temporary memory comes from doc->arena. */
int aarshjul_draw(draw_doc *doc, draw_page *page, rect area,
                  const am_workplace *wp, const aarshjul_opts *o, diag *d);

/* Fills area on a further page with the numbered list of a drawn poster
 * (st as aarshjul_draw left it, same doc), from item `first` on, under the
 * list_continued heading, with the footer. *next receives the index after
 * the last item set; call again while it is below st->numbered. Returns
 * AM_OK, AM_EINPUT when not one item fits the area, AM_EINTERNAL when out
 * of memory. */
int aarshjul_draw_list(draw_doc *doc, draw_page *page, rect area, const aarshjul_opts *o,
                       const aarshjul_stats *st, size_t first, size_t *next, diag *d);

#endif
