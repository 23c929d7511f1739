/* test_wheel.c: date ↔ angle on the wheel, its week ring and arcs. */
#include "testutil.h"

#include <math.h>
#include "cal.h"
#include "wheel.h"

#define DEG (WHEEL_PI / 180)

static void week_ring_of_2026_has_week_53(void **state)
{
	(void)state;
	wheel_geom g;
	wheel_init(&g, 2026, 1, 0);
	wheel_sector w[60];
	size_t n = wheel_weeks(&g, w, 60);
	assert_int_equal(n, 53);
	assert_int_equal(w[0].week, 1);
	assert_int_equal(w[0].days, 4);          /* Thu 1 – Sun 4 January */
	assert_int_equal(w[52].week, 53);
	assert_int_equal(w[52].days, 4);         /* Mon 28 – Thu 31 December */
	assert_true(fabs(w[52].f1 - 1.0) < 1e-12);
	int days = 0;
	for (size_t i = 0; i < n; i++) {
		days += w[i].days;
		if (i)
			assert_true(fabs(w[i].f0 - w[i - 1].f1) < 1e-12);
	}
	assert_int_equal(days, 365);

	/* 2027 opens in week 53 of 2026 and has 52 weeks of its own. */
	wheel_init(&g, 2027, 1, 0);
	n = wheel_weeks(&g, w, 60);
	assert_int_equal(w[0].week, 53);
	assert_int_equal(w[0].iso_year, 2026);
	assert_int_equal(w[0].days, 3);
	assert_int_equal(w[1].week, 1);
	assert_int_equal(w[n - 1].week, 52);
	assert_int_equal(n, 53);
}

static void january_first_sits_at_the_start_angle(void **state)
{
	(void)state;
	wheel_geom g;
	wheel_init(&g, 2026, 1, 0);
	assert_true(fabs(wheel_angle_of_date(&g, 2026, 1, 1)) < 1e-12);
	/* 1 July in a non-leap year: 181 of 365 days, just short of half. */
	double jul = wheel_angle_of_date(&g, 2026, 7, 1);
	assert_true(fabs(jul - 181.0 / 365 * WHEEL_TAU) < 1e-12);
	assert_true(fabs(jul - WHEEL_PI) < 2 * DEG);
	/* leap year: 182 of 366 */
	wheel_init(&g, 2028, 1, 0);
	assert_true(fabs(wheel_angle_of_date(&g, 2028, 7, 1) - 182.0 / 366 * WHEEL_TAU) < 1e-12);
	assert_true(fabs(wheel_angle_of_date(&g, 2028, 3, 1) - wheel_angle_of_date(&g, 2028, 2, 29)
	                 - WHEEL_TAU / 366) < 1e-12);
	/* a start angle elsewhere moves everything with it */
	wheel_init(&g, 2026, 1, WHEEL_PI / 2);
	assert_true(fabs(wheel_angle_of_date(&g, 2026, 1, 1) - WHEEL_PI / 2) < 1e-12);
	assert_true(fabs(wheel_angle_of_date(&g, 2026, 7, 1) - wheel_norm(WHEEL_PI / 2 + 181.0 / 365 * WHEEL_TAU)) < 1e-12);
	/* the inverse */
	wheel_init(&g, 2026, 1, 0);
	assert_int_equal(wheel_serial_of_angle(&g, wheel_angle_of_date(&g, 2026, 9, 17) + 0.001),
	                 cal_serial(2026, 9, 17));
}

static void start_month_eight_runs_august_to_july(void **state)
{
	(void)state;
	wheel_geom g;
	wheel_init(&g, 2026, 8, 0);
	assert_int_equal(g.days, 365);
	assert_true(fabs(wheel_angle_of_date(&g, 2026, 8, 1)) < 1e-12);
	double jan = wheel_angle_of_date(&g, 2027, 1, 1);
	assert_true(fabs(jan - 153.0 / 365 * WHEEL_TAU) < 1e-12);
	/* a date outside the span is mapped by month and day into it */
	assert_true(fabs(wheel_angle_of_date(&g, 2026, 1, 1) - jan) < 1e-12);
	wheel_sector m[12];
	wheel_months(&g, m);
	assert_int_equal(m[0].month, 8);
	assert_int_equal(m[0].year, 2026);
	assert_int_equal(m[5].month, 1);
	assert_int_equal(m[5].year, 2027);
	assert_int_equal(m[11].month, 7);
	assert_true(fabs(m[11].f1 - 1.0) < 1e-12);
	double q[4];
	int qn[4];
	wheel_quarters(&g, q, qn);
	assert_int_equal(qn[0], 4);
	assert_int_equal(qn[1], 1);
	assert_true(fabs(q[1] - 153.0 / 365) < 1e-12);
	/* a span across a leap day has 366 days */
	wheel_init(&g, 2027, 8, 0);
	assert_int_equal(g.days, 366);
}

static void months_of_a_calendar_year_tile_the_circle(void **state)
{
	(void)state;
	wheel_geom g;
	wheel_init(&g, 2026, 1, 0);
	wheel_sector m[12];
	wheel_months(&g, m);
	assert_true(m[0].f0 == 0);
	for (int i = 1; i < 12; i++)
		assert_true(fabs(m[i].f0 - m[i - 1].f1) < 1e-12);
	assert_true(fabs(m[3].f0 - 90.0 / 365) < 1e-12);
	double q[4];
	int qn[4];
	wheel_quarters(&g, q, qn);
	assert_int_equal(qn[0], 1);
	assert_true(q[0] == 0);
	assert_true(fabs(q[2] - 181.0 / 365) < 1e-12);
}

static void points_and_polar_agree(void **state)
{
	(void)state;
	point c = {100, 200};
	point top = wheel_point(c, 50, 0);
	assert_true(fabs(top.x - 100) < 1e-4 && fabs(top.y - 150) < 1e-4);
	point three = wheel_point(c, 50, WHEEL_PI / 2);
	assert_true(fabs(three.x - 150) < 1e-4 && fabs(three.y - 200) < 1e-4);
	double r, a;
	wheel_polar(c, (point){100, 260}, &r, &a);
	assert_true(fabs(r - 60) < 1e-4 && fabs(a - WHEEL_PI) < 1e-6);
	wheel_polar(c, (point){40, 200}, &r, &a);
	assert_true(fabs(a - 3 * WHEEL_PI / 2) < 1e-6);
}

/* A cubic Bézier's point at t. */
static point bezier(point p0, const path_el *e, double t)
{
	double u = 1 - t;
	return (point){(float)(u * u * u * p0.x + 3 * u * u * t * e->p[0].x + 3 * u * t * t * e->p[1].x + t * t * t * e->p[2].x),
	               (float)(u * u * u * p0.y + 3 * u * u * t * e->p[0].y + 3 * u * t * t * e->p[1].y + t * t * t * e->p[2].y)};
}

static void arcs_are_beziers_of_at_most_90_degrees_on_the_circle(void **state)
{
	(void)state;
	point c = {300, 300};
	path_el els[16];
	size_t n = wheel_arc(c, 100, 0.3, 0.3 + 250 * DEG, true, els, 16);
	assert_int_equal(n, 4);   /* move + three curves of 83.3° */
	assert_int_equal(els[0].op, PATH_MOVE);
	point prev = els[0].p[0];
	for (size_t i = 1; i < n; i++) {
		assert_int_equal(els[i].op, PATH_CURVE);
		for (double t = 0; t <= 1; t += 0.125) {
			double r, a;
			wheel_polar(c, bezier(prev, &els[i], t), &r, &a);
			assert_true(fabs(r - 100) < 0.05);
		}
		prev = els[i].p[2];
	}
	point end = wheel_point(c, 100, 0.3 + 250 * DEG);
	assert_true(fabs(prev.x - end.x) < 1e-3 && fabs(prev.y - end.y) < 1e-3);
	assert_int_equal(wheel_arc(c, 100, 0, WHEEL_TAU, true, els, 16), 5);
	assert_int_equal(wheel_arc(c, 100, 0, 0.01, false, els, 16), 2);
	assert_int_equal(els[0].op, PATH_LINE);
	assert_int_equal(wheel_arc(c, 100, 0, WHEEL_TAU, true, els, 3), 0);

	n = wheel_annulus(c, 50, 80, 0, WHEEL_PI, els, 16);
	assert_int_equal(n, 3 + 3 + 1);
	assert_int_equal(els[n - 1].op, PATH_CLOSE);
	assert_int_equal(els[3].op, PATH_LINE);
	assert_true(fabs(els[3].p[0].y - 350) < 1e-3);   /* inner arc starts at the bottom */
	point last = els[n - 2].p[2];
	assert_true(fabs(last.y - 250) < 1e-3);          /* and ends at the top */
}

static void text_angles_are_never_upside_down(void **state)
{
	(void)state;
	for (int deg = 0; deg < 360; deg++) {
		bool flip;
		double t = wheel_tangent_text_angle(deg * DEG, &flip);
		assert_true(t > -WHEEL_PI / 2 + 1e-9 && t <= WHEEL_PI / 2 + 1e-9);
		assert_int_equal(flip, deg >= 90 && deg < 270);
		double rad = wheel_radial_text_angle(deg * DEG, &flip);
		assert_true(rad > -WHEEL_PI / 2 + 1e-9 && rad <= WHEEL_PI / 2 + 1e-9);
		assert_int_equal(flip, deg >= 180);
	}
	assert_true(fabs(wheel_tangent_text_angle(0, NULL)) < 1e-12);
	assert_true(fabs(wheel_tangent_text_angle(WHEEL_PI, NULL)) < 1e-12);
	assert_true(fabs(wheel_radial_text_angle(WHEEL_PI / 2, NULL)) < 1e-12);
	assert_true(fabs(wheel_radial_text_angle(3 * WHEEL_PI / 2, NULL)) < 1e-12);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(week_ring_of_2026_has_week_53),
		cmocka_unit_test(january_first_sits_at_the_start_angle),
		cmocka_unit_test(start_month_eight_runs_august_to_july),
		cmocka_unit_test(months_of_a_calendar_year_tile_the_circle),
		cmocka_unit_test(points_and_polar_agree),
		cmocka_unit_test(arcs_are_beziers_of_at_most_90_degrees_on_the_circle),
		cmocka_unit_test(text_angles_are_never_upside_down),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
