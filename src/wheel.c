/* wheel.c: date ↔ angle, arcs as Béziers; see wheel.h. The calendar
 * itself (serial days, ISO weeks) is cal.c's. */
#include "wheel.h"

#include "cal.h"

#include <assert.h>
#include <math.h>

/* --- the wheel: dates ↔ angles ------------------------------------------- */

void wheel_init(wheel_geom *g, int year, int start_month, double start_angle)
{
	if (start_month < 1 || start_month > 12)
		start_month = 1;
	g->year = year;
	g->start_month = start_month;
	g->start_angle = wheel_norm(start_angle);
	g->first = cal_serial(year, start_month, 1);
	g->days = (int)(cal_serial(year + 1, start_month, 1) - g->first);
}

bool wheel_contains(const wheel_geom *g, long serial)
{
	return serial >= g->first && serial < g->first + g->days;
}

/* The year in which month falls inside the span. */
static int span_year(const wheel_geom *g, int month)
{
	return month >= g->start_month ? g->year : g->year + 1;
}

double wheel_frac_of_serial(const wheel_geom *g, long serial)
{
	if (!wheel_contains(g, serial)) {
		int y, m, d;
		cal_civil(serial, &y, &m, &d);
		y = span_year(g, m);
		if (d > cal_days_in_month(y, m))
			d = cal_days_in_month(y, m);
		serial = cal_serial(y, m, d);
	}
	return (double)(serial - g->first) / g->days;
}

double wheel_frac_of_date(const wheel_geom *g, int year, int month, int day)
{
	return wheel_frac_of_serial(g, cal_serial(year, month, day));
}

double wheel_norm(double a)
{
	a = fmod(a, WHEEL_TAU);
	if (a < 0)
		a += WHEEL_TAU;
	if (a >= WHEEL_TAU)   /* fmod of a tiny negative can round up to 2π */
		a = 0;
	return a;
}

double wheel_angle_of_frac(const wheel_geom *g, double frac)
{
	return wheel_norm(g->start_angle + frac * WHEEL_TAU);
}

double wheel_angle_of_date(const wheel_geom *g, int year, int month, int day)
{
	return wheel_angle_of_frac(g, wheel_frac_of_date(g, year, month, day));
}

long wheel_serial_of_angle(const wheel_geom *g, double a)
{
	double frac = wheel_norm(a - g->start_angle) / WHEEL_TAU;
	long i = (long)floor(frac * g->days);
	if (i >= g->days)
		i = g->days - 1;
	return g->first + i;
}

static double frac_of_index(const wheel_geom *g, long serial)
{
	return (double)(serial - g->first) / g->days;
}

void wheel_months(const wheel_geom *g, wheel_sector out[12])
{
	for (int i = 0; i < 12; i++) {
		int m = (g->start_month - 1 + i) % 12 + 1;
		int y = span_year(g, m);
		long s0 = cal_serial(y, m, 1);
		int n = cal_days_in_month(y, m);
		out[i] = (wheel_sector){.year = y, .month = m, .days = n,
		                        .f0 = frac_of_index(g, s0),
		                        .f1 = frac_of_index(g, s0 + n)};
	}
}

size_t wheel_weeks(const wheel_geom *g, wheel_sector *out, size_t max)
{
	size_t n = 0;
	long end = g->first + g->days;
	for (long s = g->first; s < end && n < max; n++) {
		int y, m, d, iy;
		cal_civil(s, &y, &m, &d);
		int w = cal_iso_week(y, m, d, &iy);
		long next = s - (cal_weekday_of_serial(s) - 1) + 7;
		if (next > end)
			next = end;
		out[n] = (wheel_sector){.year = y, .month = m, .week = w, .iso_year = iy,
		                        .days = (int)(next - s),
		                        .f0 = frac_of_index(g, s),
		                        .f1 = frac_of_index(g, next)};
		s = next;
	}
	return n;
}

void wheel_quarters(const wheel_geom *g, double frac[4], int quarter[4])
{
	/* Quarter q starts in month 3q+1; list them from the span's start on. */
	int first_q = (g->start_month - 1 + 2) / 3;   /* first quarter starting at or after start */
	for (int i = 0; i < 4; i++) {
		int q = (first_q + i) % 4;
		int m = 3 * q + 1;
		quarter[i] = q + 1;
		frac[i] = frac_of_index(g, cal_serial(span_year(g, m), m, 1));
	}
}

/* --- circle geometry ------------------------------------------------------ */

point wheel_point(point c, double r, double a)
{
	return (point){(float)(c.x + r * sin(a)), (float)(c.y - r * cos(a))};
}

void wheel_polar(point c, point p, double *r, double *a)
{
	double dx = p.x - c.x, dy = c.y - p.y;
	*r = sqrt(dx * dx + dy * dy);
	*a = wheel_norm(atan2(dx, dy));
}

size_t wheel_arc_max(double a0, double a1)
{
	double span = fabs(a1 - a0);
	if (span > WHEEL_TAU)
		span = WHEEL_TAU;
	size_t segs = (size_t)ceil(span / (WHEEL_PI / 2) - 1e-9);
	return 1 + (segs ? segs : 1);
}

/* An arc from a0 to a1 in either direction (a1 < a0 runs anticlockwise). */
static size_t arc_any(point c, double r, double a0, double a1, bool move,
                      path_el *out, size_t max)
{
	double span = a1 - a0;
	if (span > WHEEL_TAU)
		span = WHEEL_TAU;
	if (span < -WHEEL_TAU)
		span = -WHEEL_TAU;
	size_t segs = (size_t)ceil(fabs(span) / (WHEEL_PI / 2) - 1e-9);
	if (!segs)
		segs = 1;
	if (max < segs + 1)
		return 0;
	double step = span / (double)segs;
	double k = 4.0 / 3.0 * tan(step / 4) * r;
	out[0] = (path_el){.op = move ? PATH_MOVE : PATH_LINE, .p = {wheel_point(c, r, a0)}};
	for (size_t i = 0; i < segs; i++) {
		double s = a0 + step * (double)i, e = s + step;
		point p0 = wheel_point(c, r, s), p3 = wheel_point(c, r, e);
		/* d/da of (sin a, -cos a) is (cos a, sin a) */
		point c1 = {(float)(p0.x + k * cos(s)), (float)(p0.y + k * sin(s))};
		point c2 = {(float)(p3.x - k * cos(e)), (float)(p3.y - k * sin(e))};
		out[1 + i] = (path_el){.op = PATH_CURVE, .p = {c1, c2, p3}};
	}
	return segs + 1;
}

size_t wheel_arc(point c, double r, double a0, double a1, bool move,
                 path_el *out, size_t max)
{
	assert(a1 >= a0);
	return arc_any(c, r, a0, a1, move, out, max);
}

size_t wheel_annulus(point c, double r0, double r1, double a0, double a1,
                     path_el *out, size_t max)
{
	assert(r0 < r1 && a1 >= a0);
	size_t n = arc_any(c, r1, a0, a1, true, out, max);
	if (!n)
		return 0;
	size_t m = arc_any(c, r0, a1, a0, false, out + n, max - n);
	if (!m || n + m >= max)
		return 0;
	out[n + m] = (path_el){.op = PATH_CLOSE};
	return n + m + 1;
}

/* --- text on the wheel ---------------------------------------------------- */

double wheel_tangent_text_angle(double a, bool *flipped)
{
	a = wheel_norm(a);
	bool flip = a >= WHEEL_PI / 2 && a < 3 * WHEEL_PI / 2;
	if (flipped)
		*flipped = flip;
	if (flip)
		return WHEEL_PI - a;           /* (-π/2, π/2] */
	return a < WHEEL_PI ? -a : WHEEL_TAU - a;
}

double wheel_radial_text_angle(double a, bool *flipped)
{
	a = wheel_norm(a);
	bool flip = a >= WHEEL_PI;
	if (flipped)
		*flipped = flip;
	return flip ? 3 * WHEEL_PI / 2 - a : WHEEL_PI / 2 - a;
}

static rect part_box_in(point origin, double angle, int q, double s0, double s1, double asc, double desc)
{
	double dx = cos(angle), dy = -sin(angle);
	static const double ux[4] = {0, -1, 0, 1}, uy[4] = {-1, 0, 1, 0};
	double x0 = origin.x + s0 * dx, y0 = origin.y + s0 * dy;
	double x1 = origin.x + s1 * dx, y1 = origin.y + s1 * dy;
	double ax = ux[q] * asc, ay = uy[q] * asc, bx = -ux[q] * desc, by = -uy[q] * desc;
	double lx = fmin(x0, x1) + fmin(0, fmin(ax, bx)), hx = fmax(x0, x1) + fmax(0, fmax(ax, bx));
	double ly = fmin(y0, y1) + fmin(0, fmin(ay, by)), hy = fmax(y0, y1) + fmax(0, fmax(ay, by));
	return (rect){(float)lx, (float)ly, (float)(hx - lx), (float)(hy - ly)};
}

rect wheel_text_part_box(point origin, double angle, double s0, double s1, double asc, double desc)
{
	/* the up direction snapped to the nearest right angle; near 45° an
	 * extractor may take either, so the box covers both */
	double qf = wheel_norm(angle) / (WHEEL_PI / 2);
	int q = (int)lround(qf) % 4;
	rect b = part_box_in(origin, angle, q, s0, s1, asc, desc);
	if (fabs(qf - floor(qf) - 0.5) < 0.2) {
		int q2 = (int)(qf - floor(qf) < 0.5 ? q + 1 : q + 3) % 4;
		rect o = part_box_in(origin, angle, q2, s0, s1, asc, desc);
		double x1 = fmax(b.x + b.w, o.x + o.w), y1 = fmax(b.y + b.h, o.y + o.h);
		b.x = fminf(b.x, o.x);
		b.y = fminf(b.y, o.y);
		b.w = (float)(x1 - b.x);
		b.h = (float)(y1 - b.y);
	}
	return b;
}
