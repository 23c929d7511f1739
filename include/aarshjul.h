/* aarshjul.h: the årshjul poster and its dated list, as draw commands.
 *
 * The poster is designed to be read from across the room: twelve month
 * sectors, ISO week numbers, one ring per kind of activity, each activity
 * marked at its dates (a marker for a day, an arc for a period, a tick per
 * occurrence for a series), and at most a few dozen labels in one type
 * size per format (A3 12 pt and up, A2 18, A1 and A0 24). Beside the
 * wheel stand the legend, a key to the marks, this year's goals and focus
 * areas. Every activity with every date goes to the list: A4 pages after
 * the poster, month by month. A plan the schema allows always renders;
 * when room is short, fewer activities are named on the wheel.
 *
 * Dates come from occur.h, the generator the .ics export uses too.
 * Geometry comes from wheel.h; text is measured only through the caller's
 * text_measurer. Every word printed, every colour and every size comes
 * from the caller's layout through opts.text (keys "wheel-…"; the shipped
 * ones are in layouts/aarshjul-texts.xml and layouts/aarshjul-style.xml).
 * Placement is deterministic. Temporary memory comes from doc->arena. */
#ifndef AMOKIT_AARSHJUL_H
#define AMOKIT_AARSHJUL_H

#include <stdbool.h>
#include <stddef.h>
#include "diag.h"
#include "draw.h"
#include "model.h"
#include "text.h"

/* The layout's text for key, or NULL when it has none. */
typedef const char *(*aarshjul_lookup)(void *ctx, const char *key);

/* What a drawn poster holds (for tests and statistics). */
typedef struct aarshjul_stats {
	size_t activities;    /* activities with an occurrence in the year */
	size_t occurrences;   /* their occurrences */
	size_t labelled;      /* activities named on the wheel */
	float radius;         /* of the wheel, in points */
	float label_size;     /* the type size of every label on the wheel */
	float min_label_size; /* the least the format allows */
	bool name_shortened;  /* the workplace name in the centre ends in an ellipsis */
	bool panel_shortened; /* goals or focus areas stand on the poster by their titles only */
} aarshjul_stats;

typedef struct aarshjul_opts {
	const text_measurer *measurer;
	text_hyph *hyph;              /* breaks a label's long words where room is narrow; may be NULL */
	const char *months[12];       /* full month names, January first */
	aarshjul_lookup text;         /* texts and style by key; required */
	void *text_ctx;
	const char *footer;           /* a finished line under the poster; may be NULL */
	bool blank;                   /* rings to fill in by hand, no activities */
	int year;                     /* used when wp has no wheel (or wp is NULL); 0: none known */
	aarshjul_stats *stats;        /* filled in when not NULL */
} aarshjul_opts;

/* Draws the poster into area on page; the page's size decides the format
 * (its shorter side: A3 and smaller, A2, A1, A0 and larger). wp may be
 * NULL in blank mode. Returns AM_OK; AM_EUSAGE when the options lack a
 * measurer, a lookup or a month name; AM_EINPUT when the layout lacks a
 * key or gives one a value that cannot be read (with a diag record);
 * AM_EINTERNAL when out of memory. Never refuses a plan. */
int aarshjul_draw(draw_doc *doc, draw_page *page, rect area, const am_workplace *wp,
                  const aarshjul_opts *o, diag *d);

/* Appends the dated list of wp's activities to doc as A4 pages: month by
 * month, each activity with every date it has in that month, its ring,
 * who is responsible, how it repeats, what was moved off a day off and
 * what runs on past the year; numbered "Side N af M" counting the pages
 * already in doc. Appends nothing for a blank poster or a plan without
 * activities in the year. Returns as aarshjul_draw. */
int aarshjul_draw_list(draw_doc *doc, const am_workplace *wp, const aarshjul_opts *o, diag *d);

#endif
