/* aarshjul.h: the årshjul poster: the wheel, its activities and what stands
 * beside it, placed into one rectangle of a page as draw commands.
 *
 * Geometry comes from wheel.h; text is measured only through the caller's
 * text_measurer, and every word printed comes from the caller (layouts/).
 * Label placement is deterministic: activities are swept in angle order per
 * ring and each label takes the first free slot (innermost track, then a
 * small slide along the arc, then a smaller size); a label that finds none
 * becomes a number at its marker, listed with its full text beside the
 * wheel. Nothing is dropped, nothing overlaps, no text is upside down. */
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
	const char *goals_title;       /* heading of this year's goals */
	const char *focus_title;       /* heading of the focus areas */
	const char *footer;            /* a finished line, e.g. the date it was made */
	const char *const *blank_rings;/* ring names when the plan has no rings */
	size_t n_blank_rings;
} aarshjul_texts;

/* What a drawn poster holds (for tests and statistics). */
typedef struct aarshjul_stats {
	size_t occurrences;   /* activities after expanding recurrence */
	size_t labelled;      /* labelled on the wheel */
	size_t numbered;      /* shown by number, listed beside the wheel */
	float radius;         /* of the wheel, in points */
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

/* Draws the poster into area on page. wp may be NULL in blank mode. Returns AM_OK; AM_EUSAGE when the options lack a measurer or a
 * month name; AM_EINPUT when the plan cannot fit the area (with a diag
 * record naming how many activities there are); AM_EINTERNAL when out of
 * memory. Temporary memory comes from doc->arena. */
int aarshjul_draw(draw_doc *doc, draw_page *page, rect area,
                  const am_workplace *wp, const aarshjul_opts *o, diag *d);

#endif
