/* test_cal.c: the calendar (cal.h): leap years, serial days, ISO weeks. */
#include "testutil.h"

#include "cal.h"

static void days_per_year_follow_the_leap_rule(void **state)
{
	(void)state;
	assert_int_equal(cal_days_in_year(2025), 365);
	assert_int_equal(cal_days_in_year(2028), 366);
	assert_int_equal(cal_days_in_year(1900), 365);
	assert_int_equal(cal_days_in_year(2000), 366);
	assert_int_equal(cal_days_in_month(2028, 2), 29);
	assert_int_equal(cal_days_in_month(2026, 2), 28);
	assert_int_equal(cal_day_of_year(2026, 12, 31), 365);
	assert_int_equal(cal_day_of_year(2028, 12, 31), 366);
	assert_int_equal(cal_day_of_year(2028, 3, 1), 61);
}

static void serial_days_round_trip(void **state)
{
	(void)state;
	assert_int_equal(cal_serial(1970, 1, 1), 0);
	assert_int_equal(cal_serial(2000, 3, 1), 11017);
	for (long s = -800000; s < 800000; s += 997) {
		int y, m, d;
		cal_civil(s, &y, &m, &d);
		assert_int_equal(cal_serial(y, m, d), s);
	}
	assert_int_equal(cal_weekday(2026, 1, 1), 4);   /* Thursday */
	assert_int_equal(cal_weekday(2028, 2, 29), 2);  /* Tuesday */
}

static void iso_weeks_2025_to_2028(void **state)
{
	(void)state;
	int iy;
	assert_int_equal(cal_iso_week(2025, 1, 1, &iy), 1);
	assert_int_equal(iy, 2025);
	assert_int_equal(cal_iso_week(2024, 12, 30, &iy), 1);
	assert_int_equal(iy, 2025);
	assert_int_equal(cal_iso_week(2025, 12, 28, &iy), 52);
	assert_int_equal(cal_iso_week(2025, 12, 29, &iy), 1);
	assert_int_equal(iy, 2026);
	assert_int_equal(cal_iso_week(2026, 1, 1, &iy), 1);
	assert_int_equal(cal_iso_week(2026, 6, 15, &iy), 25);
	assert_int_equal(cal_iso_week(2026, 12, 31, &iy), 53);
	assert_int_equal(iy, 2026);
	assert_int_equal(cal_iso_week(2027, 1, 1, &iy), 53);
	assert_int_equal(iy, 2026);
	assert_int_equal(cal_iso_week(2027, 1, 3, &iy), 53);
	assert_int_equal(cal_iso_week(2027, 1, 4, &iy), 1);
	assert_int_equal(iy, 2027);
	assert_int_equal(cal_iso_week(2027, 12, 31, &iy), 52);
	assert_int_equal(cal_iso_week(2028, 1, 1, &iy), 52);
	assert_int_equal(iy, 2027);
	assert_int_equal(cal_iso_week(2028, 1, 3, &iy), 1);
	assert_int_equal(cal_iso_week(2028, 2, 29, &iy), 9);
	assert_int_equal(iy, 2028);
	assert_int_equal(cal_iso_week(2028, 12, 31, &iy), 52);

	assert_int_equal(cal_iso_weeks_in_year(2025), 52);
	assert_int_equal(cal_iso_weeks_in_year(2026), 53);
	assert_int_equal(cal_iso_weeks_in_year(2027), 52);
	assert_int_equal(cal_iso_weeks_in_year(2028), 52);
	assert_int_equal(cal_iso_weeks_in_year(2020), 53);
	assert_int_equal(cal_iso_week_monday(2026, 53), cal_serial(2026, 12, 28));
	assert_int_equal(cal_iso_week_monday(2026, 1), cal_serial(2025, 12, 29));
}

static void dates_exist_and_years_have_52_or_53_iso_weeks(void **state)
{
	(void)state;
	assert_true(cal_date_exists(2024, 2, 29));
	assert_false(cal_date_exists(2025, 2, 29));
	assert_false(cal_date_exists(2100, 2, 29));
	assert_true(cal_date_exists(2000, 2, 29));
	assert_false(cal_date_exists(2025, 4, 31));
	assert_false(cal_date_exists(2025, 13, 1));
	assert_int_equal(cal_iso_weeks_in_year(2020), 53);
	assert_int_equal(cal_iso_weeks_in_year(2025), 52);
	assert_int_equal(cal_iso_weeks_in_year(2026), 53);
	assert_int_equal(cal_iso_weeks_in_year(2027), 52);
	assert_int_equal(cal_iso_weeks_in_year(2032), 53);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(days_per_year_follow_the_leap_rule),
		cmocka_unit_test(serial_days_round_trip),
		cmocka_unit_test(iso_weeks_2025_to_2028),
		cmocka_unit_test(dates_exist_and_years_have_52_or_53_iso_weeks),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
