/* aarshjul_int.h: what the årshjul's modules share; private to them.
 *
 *   aarshjul.c     the poster: activities in the year, the wheel's bands
 *                  and rings, the order of the passes
 *   wheel_style.c  texts, colours and sizes read from the layout; contrast
 *   wheel_place.c  which activities are named on the wheel, and where
 *   wheel_margin.c labels beside the wheel, in the page's corners
 *   wheel_taken.c  what is taken there: boxes of labels, leaders, marks,
 *                  and of the words as a text extractor reads them
 *   wheel_paint.c  the wheel as draw commands, text set along arcs
 *   wheel_centre.c the disc in the middle: title, name, or fields
 *   wheel_panel.c  legend, key, goals and focus areas beside the wheel
 *   wheel_list.c   the dated list on A4 pages
 *   wheel_alt.c    the poster in words, for readers who do not see it
 *   wheel_text.c   measuring, wrapping, turning and pushing texts, which
 *                  all of the above use (and which uses none of them)
 *
 * Wheel angles "t" run from 0 at the span's first day, clockwise, to 2π
 * at its end; clock angles (wheel.h) add the start angle. Radii are in
 * points from the wheel's centre. */
#ifndef AMOKIT_AARSHJUL_INT_H
#define AMOKIT_AARSHJUL_INT_H

#include "aarshjul.h"
#include "occur.h"
#include "cal.h"
#include "wheel.h"

/* Paper formats, by the page's shorter side. */
enum { FMT_A3, FMT_A2, FMT_A1, FMT_A0, FMTS };

/* The look, from the layout's style keys (wheel_style.c). */
typedef struct wstyle {
	rgb month_a, month_b;       /* the month band, alternating */
	rgb month_text, week_band, week_text, ink, muted, accent, centre, paper;
	float tint;                 /* a ring's background: its colour mixed this far towards the paper */
	float label[FMTS];          /* label size per format, pt */
	float month_scale, title_scale, week_scale, panel_scale;  /* times the label size */
	float list_size;            /* body text of the A4 list, pt */
	int max_labels;             /* activities named on the wheel at most */
	int blank_rings;            /* rings of a blank wheel */
} wstyle;

/* The words, from the layout's text keys. */
typedef struct wtexts {
	const char *title, *legend, *week, *quarter, *goals, *focus;
	const char *key, *key_day, *key_period, *key_series, *key_continues;
	const char *list_note, *list, *list_continued, *page, *page_of;
	const char *moved, *from, *to, *and_, *responsible;
	const char *blank_year, *blank_workplace;
	const char *repeat[7];      /* by am_repeat; [REPEAT_NONE] unused */
	const char *nth[5];         /* "1." … "4.", then the last */
	const char *weekdays[7], *weekdays_short[7];   /* Monday first */
	const char *months_short[12];
} wtexts;

/* Reads style and texts through o->text; a missing or unreadable key is
 * AM_EINPUT with a diag record naming it. Strings live in a. */
int wheel_read_layout(const aarshjul_opts *o, arena *a, wstyle *st, wtexts *tx, diag *d);

rgb wheel_mix(rgb a, rgb b, float t);
rgb wheel_hex(unsigned v);
/* WCAG 2 contrast ratio of two colours, 1..21. */
double wheel_contrast(rgb a, rgb b);
/* fg, darkened (or, on a dark bg, lightened) in small steps until its
 * contrast with bg reaches ratio. */
rgb wheel_readable(rgb fg, rgb bg, double ratio);

/* A label in lines (wheel_label_lines). */
typedef struct wlines {
	int n;
	const char *s[3];
	size_t len[3];
	float w;                    /* the widest line */
} wlines;

/* One activity with occurrences in the year. */
typedef struct witem {
	const am_activity *act;
	size_t ring;
	const occur *occ;           /* in date order */
	size_t n;
	const char *label;          /* as the wheel names it: the title, a series with its rhythm */
	const char *rhythm;         /* "hver måned, 1. fredag"; NULL when it does not repeat */
	bool period;                /* its occurrences last more than a day */
	bool key;                   /* named first: one of the law's fixed points, or the day of the
	                             * annual discussion itself (the activity on the meeting's date) */
	int rank;                   /* the order in which labels are tried */
	/* the label, when placed */
	bool placed, inside;        /* inside: set in its arc, which widens to a band */
	bool span;                  /* marked as one text for extraction */
	size_t at;                  /* the occurrence it names */
	double anchor, tc, ri;      /* the occurrence's angle, the label's centre angle and inner radius */
	bool straight;              /* set straight, tangent at its middle: along the arc it would turn
	                             * across 45° (where text extractors change how they read it) */
	int lines;                  /* 1 to 3 */
	const char *line[3];        /* the lines in reading order (a hyphen added where a word breaks) */
	size_t line_len[3];
	float w;                    /* the widest line */
	const wlines *forms;        /* its label in 1, 2, 3 lines, made when first tried */
	int n_forms;
	bool lead;                  /* a leader joins marker and label */
	double foot;                /* the angle where the leader meets the label */
	bool outside;               /* beside the wheel (wheel_margin.c): */
	rect box;                   /* its lines' box, level */
	point lead_a, lead_b, lead_e;   /* its leader: from the marker to the rim, then to the label */
} witem;

typedef struct wring {
	const char *name;           /* "" for a blank ring */
	rgb colour, tint, ink, mark;/* ink: text on the tint; mark: markers and arcs */
	int shape;                  /* the marker's shape, one per ring */
	char letter[4];
	double r0, r1;              /* the ring */
	double rm;                  /* its marker line */
	double t0;                  /* inner radius of its first label track */
	int tracks;                 /* label tracks */
	size_t items, keys;         /* its activities, and how many of them are key */
	int misses;                 /* labels in a row that found no place */
	double letter_t, letter_hw; /* where its letter stands, and half its angle */
	float letter_size;          /* the label size, or less in a ring too thin for it */
	bool no_letter;             /* marks take every place its letter could stand */
} wring;

/* A box in polar form: radii r0 < r1, wheel angles t0 < t1 (they may pass
 * 2π or fall below 0; the wheel wraps). A mark's box names its item. */
typedef struct pbox { double r0, r1, t0, t1; int kind; size_t item; } pbox;
enum { BOX_LABEL, BOX_LEADER, BOX_OBSTACLE, BOX_QUARTER, BOX_MARK };

#define WHEEL_BUCKETS 64

/* Boxes filed by angle: WHEEL_BUCKETS sectors, each a chain of entries
 * naming a box that reaches into it. */
typedef struct pfile {
	pbox *boxes;
	size_t n, cap;
	int bucket[WHEEL_BUCKETS];
	int *next;
	size_t *box;
	size_t n_ent, cap_ent, cap_next;
	bool past_quarters;         /* wheel_free and wheel_edges let quarter lines pass */
} pfile;

/* One run of text as it is set. */
typedef struct wrun {
	const char *s;
	size_t len;
	float x, y, size, w;        /* baseline start, size, width */
	double angle;               /* as draw.h's */
	font_style st;
	bool joined;                /* continues the run before it within a word */
} wrun;

#define WHEEL_RUNS 96           /* runs of one label at most */
#define WHEEL_OUTSIDE 32        /* labels beside the wheel at most */

typedef struct poster {
	draw_doc *doc;
	draw_page *page;
	const aarshjul_opts *o;
	const text_measurer *m;
	const am_workplace *wp;
	diag *d;
	wstyle st;
	wtexts tx;
	int fmt;
	wheel_geom g;
	bool blank, no_year;        /* no_year: a blank wheel for any year */
	bool write_in;              /* rings to write in: a blank wheel, or a file whose
	                               wheel has neither rings nor activities */
	float L, Lmin, month, week, title;   /* type sizes: labels, the format's least, bands, title */
	rect area, panel;
	rect beside;                /* the wheel's part of the page: the wheel and the corners it leaves */
	point c;
	double R;                   /* outer radius */
	double month_r0, week_r0;   /* inner radii of the month and week bands */
	double rings_out, rc;       /* outer edge of the rings; the centre disc */
	wring *rings;
	size_t n_rings;
	witem *items;
	size_t n_items, n_occ;
	occur *occs;
	pfile taken;                /* labels, leaders, obstacles */
	pfile marks;                /* every occurrence's mark */
	pfile band;                 /* the month names in their band */
	/* boxes a text extractor reports for the glyphs on the wheel, filed
	 * in a grid of cells over the area */
	rect *words;
	size_t n_words, cap_words;
	int *cell;
	size_t gw, gh;
	float cell_size;
	size_t *went_word;
	int *went_next;
	size_t n_went, cap_went;
	size_t labelled;
	witem *outside[WHEEL_OUTSIDE];   /* the labels beside the wheel */
	size_t n_outside;
	bool name_shortened, panel_shortened, oom;
} poster;

/* wheel_text.c */
float wheel_text_h(const poster *p, float size);
float wheel_measure(const poster *p, font_style st, float size, const char *s, size_t len);
double wheel_clock(const poster *p, double t);
/* The wheel angle of an occurrence's middle (a day's middle for one day). */
double wheel_anchor(const poster *p, const occur *o);
/* Lines of s broken greedily at spaces (a word too long for a line
 * between characters) to width: their starts and lengths; returns how
 * many (at most max; *rest receives where the text not set begins). */
size_t wheel_wrap(const text_measurer *m, font_style st, float size, const char *s, float width,
                  size_t *starts, size_t *lens, size_t max, size_t *rest);
/* s in 1, 2, … up to `most` (3 at most) lines at the label size, into
 * out[0], out[1], …, the widest line of each as narrow as may be: broken
 * at spaces, after a hyphen within a word, and inside words at their
 * Danish hyphenation points (o->hyph; a hyphen added, which counts as a
 * little wider, so that a space is preferred). Returns how many it
 * made (fewer when s has too few places to break). */
int wheel_label_lines(poster *p, const char *s, int most, wlines *out);
/* Whether text set along the arc from wheel angle t0 to t1 reads one way
 * all along: not turned at 3 or 9 o'clock, nor turning across a multiple
 * of 45°, where a text extractor changes its reading direction and the
 * boxes it gives the pieces before and after overlap. */
bool wheel_one_way(const poster *p, double t0, double t1);
/* Whether text centred at wheel angle t is turned to read in the lower half. */
bool wheel_flipped(const poster *p, double t);
/* The centre's title: "Årshjul 2026", "Årshjul 2026/27" for a wheel from
 * another month than January, the title alone for a blank wheel without a
 * year; NULL when out of memory. */
const char *wheel_title(poster *p);
int wheel_push_run(poster *p, const wrun *r, rgb colour);
/* Pushes the n runs of one text (pieces of one string, in order) inside a
 * span that gives text extraction the text whole (draw.h): turned text,
 * or text over several lines, comes back in fragments otherwise. */
int wheel_push_span(poster *p, const wrun *r, size_t n, rgb colour);
/* The same for runs that show text (len bytes) in pieces or turned, marked
 * as one span when text is not NULL and there is more than one run or the
 * run is turned. */
int wheel_push_runs(poster *p, const char *text, size_t len, const wrun *r, size_t n, rgb colour);

/* aarshjul.c */
/* AM_EUSAGE (with a diag record) when o lacks what every call needs. */
int wheel_check_opts(const aarshjul_opts *o, diag *d);
/* The wheel's span, rings and activities for p->wp, p->o, p->blank.
 * Returns -1 when out of memory. */
int wheel_start(poster *p);
/* The activities of wp with occurrences in the wheel's span, in file
 * order, into p->items (none for a blank wheel). Returns -1 when out of
 * memory. */
int wheel_items(poster *p);

/* wheel_place.c: names the activities it can (p->labelled of them).
 * Returns -1 when out of memory. */
int wheel_place(poster *p);

/* wheel_margin.c */
/* Names what it can of the activities still unnamed (in the order given)
 * beside the wheel, while fewer than style.max_labels are named. Returns
 * -1 when out of memory. */
int wheel_margin_place(poster *p, witem **order);
/* The labels beside the wheel and their leaders. */
int wheel_margin_paint(poster *p);

/* wheel_taken.c */
/* Empties the record of words set (its grid made at the first call).
 * Returns -1 when out of memory. */
int wheel_taken_start(poster *p);
/* Files b in f. Returns -1 when out of memory. */
int wheel_file(poster *p, pfile *f, pbox b);
/* The angles where the boxes of f that meet b begin and end (a box
 * twice when it meets b in two buckets), into out; at most max. */
size_t wheel_edges(const pfile *f, const pbox *b, double *out, size_t max);
/* Whether b meets a box of f (of another item than `own`, for marks). */
bool wheel_free(const pfile *f, const pbox *b, size_t own);
/* Whether a line of half width `clear` passing radius r at wheel angle t
 * keeps clear of every label, leader, letter, mark and word. */
bool wheel_spot_free(const poster *p, double t, double r, double clear);
/* Whether b meets no word recorded so far. */
bool wheel_rect_free(const poster *p, rect b);
/* Records the boxes a text extractor gives the words of runs (pieces, or
 * with lines > 0 one span of that many lines, when it may be one); with check, only when none meets a box recorded so far
 * (returns 0 then): text that does not touch as an extractor reads it is
 * not read as one word, nor as overlapping words. Returns 1 when
 * recorded, -1 when out of memory. */
int wheel_words(poster *p, const wrun *r, size_t n, bool check, int lines);
/* The same, checked, for a label's runs of `lines` lines (line k's
 * runs end at ends[k]), only when its lines keep apart as read: as one
 * span when that keeps clear (*span true), else as pieces. */
int wheel_label_words(poster *p, const wrun *r, const size_t *ends, int lines, bool *span);

/* wheel_paint.c */
/* Splits s into runs set along the arc of radius rb (the baseline) centred
 * on wheel angle tc, turned when flip; a run is a word or, in a long word,
 * as many characters as keep it close to the arc. Returns the count. */
size_t wheel_arc_runs(const poster *p, const char *s, size_t len, font_style st, float size,
                      double tc, double rb, bool flip, wrun *out, size_t max);
/* One straight run tangent at wheel angle t, its box's inner edge at ri. */
wrun wheel_tangent_run(const poster *p, const char *s, size_t len, font_style st, float size, double t,
                       double ri);
/* The baseline radius of text whose box's inner edge is ri. */
double wheel_baseline(const poster *p, float size, double ri, bool flip);
/* The runs of item it's label as placed, line by line; ends[k] receives
 * where the runs of line k end (3 at most). */
size_t wheel_label_runs(const poster *p, const witem *it, wrun *out, size_t max, size_t *ends);
/* Months, quarters, weeks and ring letters: drawn, or (draw false, before
 * labels are placed) their words recorded. */
int wheel_fixed(poster *p, bool draw);
int wheel_paint(poster *p);

/* wheel_centre.c: the centre disc, its title and name or fields. */
int wheel_centre(poster *p);

/* wheel_alt.c: the poster in words, its figure's alternative text; NULL
 * when out of memory, or with *rc AM_EINPUT (and a diag record) when the
 * layout lacks one of its texts. */
const char *wheel_alt(poster *p, int *rc);

/* wheel_panel.c: legend, key, goals and focus into p->panel. Returns 1
 * when they fit (drawn with draw), 0 when not, -1 when out of memory. */
int wheel_panel(poster *p, bool draw);
/* A ring's marker of radius r at at, filled with fill (hollow shapes
 * keep the paper inside). */
int wheel_marker(poster *p, int shape, point at, double r, rgb fill);

#endif
