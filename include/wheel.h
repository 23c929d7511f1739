/* wheel.h: the circle geometry of the årshjul, in plain math.
 *
 * Dates become angles and angles become points; nothing here draws. Angles
 * are "clock angles" in radians: 0 is 12 o'clock and they grow clockwise as
 * seen on paper. Points use the draw list's frame: top-left origin, y down.
 * Days are counted as cal.h's serial day numbers, so spans across a year
 * boundary (a wheel starting in August) need no special case. */
#ifndef AMOKIT_WHEEL_H
#define AMOKIT_WHEEL_H

#include <stdbool.h>
#include <stddef.h>
#include "draw.h"

#define WHEEL_PI 3.14159265358979323846
#define WHEEL_TAU (2 * WHEEL_PI)

/* --- the wheel: dates ↔ angles ------------------------------------------- */

/* One wheel covers twelve months starting on the first of start_month in
 * year (so start_month 8 runs August year … July year+1). start_angle is the
 * clock angle where that first day begins; the months run clockwise. */
typedef struct wheel_geom {
	int year, start_month;
	double start_angle;
	long first;           /* serial day of the first day */
	int days;             /* days in the span: 365 or 366 */
} wheel_geom;

/* start_month outside 1..12 is taken as 1. */
void wheel_init(wheel_geom *g, int year, int start_month, double start_angle);
/* Position of a serial day's start within the span, 0..1. A day outside the
 * span is mapped by its month and day into it (29 February onto 28th when
 * the span has none), so nothing is ever off the wheel. */
double wheel_frac_of_serial(const wheel_geom *g, long serial);
double wheel_frac_of_date(const wheel_geom *g, int year, int month, int day);
/* Clock angle of a fraction of the span, normalised to [0, 2π). */
double wheel_angle_of_frac(const wheel_geom *g, double frac);
double wheel_angle_of_date(const wheel_geom *g, int year, int month, int day);
/* The serial day whose span covers clock angle a. */
long wheel_serial_of_angle(const wheel_geom *g, double a);
/* Whether the serial day lies within the span. */
bool wheel_contains(const wheel_geom *g, long serial);

/* A part of the wheel between two fractions of the span (f0 < f1). */
typedef struct wheel_sector {
	int year, month;      /* the month (for month sectors) */
	int week, iso_year;   /* the ISO week (for week segments) */
	double f0, f1;        /* 0 ≤ f0 < f1 ≤ 1 */
	int days;             /* days of the sector inside the span */
} wheel_sector;

/* The twelve month sectors in wheel order; out must hold 12. */
void wheel_months(const wheel_geom *g, wheel_sector out[12]);
/* The ISO weeks met by the span, in order, clipped to it (the first and the
 * last may be partial). Returns how many were written (at most max; 54
 * always suffices). */
size_t wheel_weeks(const wheel_geom *g, wheel_sector *out, size_t max);
/* Fractions where calendar quarters begin (1 January, 1 April, 1 July,
 * 1 October) inside the span, in wheel order, with their quarter (1..4).
 * Always four. */
void wheel_quarters(const wheel_geom *g, double frac[4], int quarter[4]);

/* --- circle geometry ------------------------------------------------------ */

/* The point at radius r and clock angle a around c. */
point wheel_point(point c, double r, double a);
/* Radius and clock angle (in [0, 2π)) of p around c. */
void wheel_polar(point c, point p, double *r, double *a);
/* Normalises a clock angle to [0, 2π). */
double wheel_norm(double a);

/* Appends to out the elements of a circular arc around c at radius r from
 * clock angle a0 clockwise to a1 (a1 ≥ a0; a span ≥ 2π is a full circle),
 * as cubic Béziers of at most 90° each. With move true the first element is
 * a PATH_MOVE to the arc's start, else a PATH_LINE to it. Returns the
 * number of elements written; max must be at least wheel_arc_max(). */
size_t wheel_arc(point c, double r, double a0, double a1, bool move,
                 path_el *out, size_t max);
/* Elements wheel_arc() needs at most: 1 + 4 * ceil(span / 90°). */
size_t wheel_arc_max(double a0, double a1);
/* A closed annular sector between radii r0 < r1 and clock angles a0 ≤ a1:
 * outer arc clockwise, inner arc back, closed. Returns the count written;
 * max must be at least 2 * wheel_arc_max(a0, a1) + 1. */
size_t wheel_annulus(point c, double r0, double r1, double a0, double a1,
                     path_el *out, size_t max);

/* --- text on the wheel ---------------------------------------------------- */

/* Angle (counter-clockwise on paper, as draw.h's text angle) for text set
 * tangentially at clock angle a, reading clockwise in the upper half and
 * flipped in the lower half so it is never upside down: the result is in
 * (-π/2, π/2]. *flipped (may be NULL) tells whether it was turned. */
double wheel_tangent_text_angle(double a, bool *flipped);
/* Same for text set along the radius, reading outward on the right half
 * and inward on the left: result in (-π/2, π/2]. */
double wheel_radial_text_angle(double a, bool *flipped);

/* The box a PDF text extractor (poppler's pdftotext) reports for the part
 * of a text run from s0 to s1 points along its baseline: every glyph's box
 * is set upright in the nearest right-angle orientation at the glyph's
 * origin, ascent asc above and descent desc below (both in points), and
 * the part's box is their union. Contains the rotated glyphs and more, so
 * keeping these boxes apart keeps text apart both on paper and for the
 * extractor. origin is the run's baseline start, angle as draw.h's. */
rect wheel_text_part_box(point origin, double angle, double s0, double s1, double asc, double desc);

#endif
