/* test_occur.c: the one occurrence generator the poster, its list and the
 * .ics share, and the Danish days off it moves activities away from. */
#include "testutil.h"

#include <string.h>
#include "occur.h"
#include "cal.h"

static long day(int y, int m, int d) { return cal_serial(y, m, d); }

/* yyyymmdd of a serial day, for readable assertions. */
static int ymd(long s)
{
	int y, m, d;
	cal_civil(s, &y, &m, &d);
	return y * 10000 + m * 100 + d;
}

static am_wheel wheel_of(int year, int start_month)
{
	return (am_wheel){.line = 1, .year = year, .start_month = start_month};
}

static am_activity on(int y, int m, int d, am_repeat r)
{
	return (am_activity){.title = "x", .when = WHEN_DATE, .from = {y, m, d}, .repeat = r, .start = -1, .end = -1};
}

/* The occurrences of a in w's year. */
static size_t expand(const am_activity *a, const am_wheel *w, occur *out)
{
	long first, last;
	occur_window(w, &first, &last);
	size_t n = occur_expand(a, w, first, last, out, OCCUR_MAX);
	for (size_t i = 0; i < n; i++) {
		assert_true(out[i].start <= out[i].first && out[i].first <= out[i].last && out[i].last <= out[i].end);
		assert_true(out[i].first >= first && out[i].last <= last);
		if (i)
			assert_true(out[i].start > out[i - 1].start);
	}
	return n;
}

static void easter_and_the_days_off_of_2026(void **state)
{
	(void)state;
	assert_int_equal(ymd(occur_easter(2024)), 20240331);
	assert_int_equal(ymd(occur_easter(2025)), 20250420);
	assert_int_equal(ymd(occur_easter(2026)), 20260405);
	assert_int_equal(ymd(occur_easter(2027)), 20270328);
	assert_int_equal(ymd(occur_easter(2038)), 20380425);   /* the latest possible */
	assert_int_equal(ymd(occur_easter(2285)), 22850322);   /* the earliest possible */
	static const struct { int ymd; occur_day_off k; } off[] = {
		{20260101, DAY_NEW_YEAR}, {20260402, DAY_MAUNDY_THURSDAY}, {20260403, DAY_GOOD_FRIDAY},
		{20260405, DAY_EASTER}, {20260406, DAY_EASTER_MONDAY}, {20260514, DAY_ASCENSION},
		{20260524, DAY_WHITSUN}, {20260525, DAY_WHIT_MONDAY}, {20260605, DAY_CONSTITUTION},
		{20261224, DAY_CHRISTMAS_EVE}, {20261225, DAY_CHRISTMAS}, {20261226, DAY_BOXING},
		{20261231, DAY_NEW_YEARS_EVE}};
	size_t n = 0;
	for (long s = day(2026, 1, 1); s <= day(2026, 12, 31); s++) {
		occur_day_off k = occur_day_off_on(s);
		if (k == DAY_WORKING)
			continue;
		assert_true(n < sizeof off / sizeof off[0]);
		assert_int_equal(ymd(s), off[n].ymd);
		assert_int_equal(k, off[n].k);
		assert_true(*occur_day_off_key(k));
		n++;
	}
	assert_int_equal(n, sizeof off / sizeof off[0]);
	/* store bededag was a holiday until 2023 */
	assert_int_equal(occur_day_off_on(day(2023, 5, 5)), DAY_PRAYER);
	assert_int_equal(occur_day_off_on(day(2024, 4, 26)), DAY_WORKING);
}

static void the_next_working_day_skips_weekends_and_days_off(void **state)
{
	(void)state;
	assert_int_equal(ymd(occur_next_workday(day(2026, 3, 10))), 20260310);   /* a Tuesday */
	assert_int_equal(ymd(occur_next_workday(day(2026, 3, 14))), 20260316);   /* Saturday → Monday */
	assert_int_equal(ymd(occur_next_workday(day(2026, 4, 2))), 20260407);    /* Easter → Tuesday */
	assert_int_equal(ymd(occur_next_workday(day(2026, 12, 24))), 20261228);  /* Christmas → Monday */
	assert_int_equal(ymd(occur_next_workday(day(2026, 12, 31))), 20270104);  /* New Year → Monday */
	assert_false(occur_is_workday(day(2026, 5, 14)));
	assert_true(occur_is_workday(day(2026, 5, 15)));
}

/* kontor-27: a monthly activity from 5 March is never drawn in February. */
static void a_repeat_never_starts_before_its_first_date(void **state)
{
	(void)state;
	am_wheel w = wheel_of(2026, 1);
	am_activity a = on(2026, 3, 5, REPEAT_MONTHLY);
	occur o[OCCUR_MAX];
	size_t n = expand(&a, &w, o);
	assert_int_equal(n, 10);
	assert_int_equal(ymd(o[0].start), 20260305);
	assert_int_equal(ymd(o[9].start), 20261205);
	assert_int_equal(o[0].n, 0);
	assert_int_equal(o[9].n, 9);
	/* quarterly from 10 February */
	a = on(2026, 2, 10, REPEAT_QUARTERLY);
	n = expand(&a, &w, o);
	assert_int_equal(n, 4);
	assert_int_equal(ymd(o[3].start), 20261110);
	/* the 31st stays at the end of shorter months */
	a = on(2026, 1, 31, REPEAT_MONTHLY);
	n = expand(&a, &w, o);
	assert_int_equal(n, 12);
	assert_int_equal(ymd(o[1].start), 20260228);
	assert_int_equal(ymd(o[3].start), 20260430);
	assert_int_equal(ymd(o[11].start), 20261231);
}

/* A month-long activity repeated monthly covers each whole month. */
static void a_repeated_month_covers_each_whole_month(void **state)
{
	(void)state;
	am_wheel w = wheel_of(2026, 1);
	am_activity a = {.title = "x", .when = WHEN_MONTH, .month = 3, .repeat = REPEAT_MONTHLY, .start = -1};
	occur o[OCCUR_MAX];
	size_t n = expand(&a, &w, o);
	assert_int_equal(n, 10);
	assert_int_equal(ymd(o[0].start), 20260301);
	assert_int_equal(ymd(o[0].end), 20260331);
	assert_int_equal(ymd(o[1].start), 20260401);
	assert_int_equal(ymd(o[1].end), 20260430);
	assert_int_equal(ymd(o[9].end), 20261231);
	assert_false(occur_regular(&a, o, n));
	/* a period of whole months too */
	a = (am_activity){.title = "x", .when = WHEN_PERIOD, .from = {2026, 1, 1}, .to = {2026, 2, 28},
	                  .repeat = REPEAT_QUARTERLY, .start = -1};
	n = expand(&a, &w, o);
	assert_int_equal(n, 4);
	assert_int_equal(ymd(o[1].start), 20260401);
	assert_int_equal(ymd(o[1].end), 20260531);
	assert_int_equal(ymd(o[3].end), 20261130);
}

static void weekly_and_every_second_week(void **state)
{
	(void)state;
	am_wheel w = wheel_of(2026, 1);
	am_activity a = on(2026, 1, 7, REPEAT_WEEKLY);
	occur o[OCCUR_MAX];
	assert_int_equal(expand(&a, &w, o), 52);
	assert_int_equal(ymd(o[51].start), 20261230);
	assert_true(occur_regular(&a, o, 52));
	a.repeat = REPEAT_FORTNIGHTLY;
	assert_int_equal(expand(&a, &w, o), 26);
	assert_int_equal(ymd(o[1].start), 20260121);
	/* a series begun years ago: only this year's, counted from its start */
	a = on(2020, 1, 1, REPEAT_WEEKLY);
	size_t n = expand(&a, &w, o);
	assert_int_equal(ymd(o[0].start), 20260107);
	assert_int_equal(ymd(o[n - 1].start), 20261230);
	assert_int_equal(o[0].n, (int)((day(2026, 1, 7) - day(2020, 1, 1)) / 7));
	/* every ISO week from week 10, each a whole week */
	a = (am_activity){.title = "x", .when = WHEN_WEEK, .week = 10, .repeat = REPEAT_WEEKLY, .start = -1};
	n = expand(&a, &w, o);
	assert_int_equal(n, 44);
	assert_int_equal(ymd(o[0].start), 20260302);
	assert_int_equal(ymd(o[0].end), 20260308);
	/* week 53 of 2026 runs into 2027: shown to 31 December, marked as going on */
	assert_int_equal(ymd(o[43].start), 20261228);
	assert_int_equal(ymd(o[43].last), 20261231);
	assert_int_equal(ymd(o[43].end), 20270103);
}

static void the_nth_and_the_last_weekday_of_the_month(void **state)
{
	(void)state;
	am_wheel w = wheel_of(2026, 1);
	am_activity a = on(2026, 1, 2, REPEAT_MONTHLY);   /* a Friday, the first */
	a.on = ON_WEEKDAY;
	occur o[OCCUR_MAX];
	assert_int_equal(expand(&a, &w, o), 12);
	static const int first_fridays[12] = {20260102, 20260206, 20260306, 20260403, 20260501, 20260605,
	                                      20260703, 20260807, 20260904, 20261002, 20261106, 20261204};
	for (int i = 0; i < 12; i++)
		assert_int_equal(ymd(o[i].start), first_fridays[i]);
	a = on(2026, 1, 29, REPEAT_MONTHLY);   /* the fifth Thursday: the last */
	a.on = ON_WEEKDAY;
	assert_int_equal(expand(&a, &w, o), 12);
	assert_int_equal(ymd(o[1].start), 20260226);
	assert_int_equal(ymd(o[3].start), 20260430);
	a = on(2026, 1, 14, REPEAT_QUARTERLY);   /* the second Wednesday, by quarters */
	a.on = ON_WEEKDAY;
	assert_int_equal(expand(&a, &w, o), 4);
	assert_int_equal(ymd(o[1].start), 20260408);
	assert_int_equal(ymd(o[2].start), 20260708);
	a = on(2026, 1, 12, REPEAT_MONTHLY);   /* a Monday, asked as the last */
	a.on = ON_LAST_WEEKDAY;
	assert_int_equal(expand(&a, &w, o), 12);
	assert_int_equal(ymd(o[0].start), 20260126);   /* the series' first is its rule's */
	assert_int_equal(ymd(o[2].start), 20260330);
}

/* A repeat that lands on Easter Monday or Christmas Day moves to the next
 * working day when asked, and only then. */
static void occurrences_move_off_days_off_when_asked(void **state)
{
	(void)state;
	am_wheel w = wheel_of(2026, 1);
	am_activity a = on(2026, 1, 6, REPEAT_MONTHLY);
	occur o[OCCUR_MAX];
	assert_int_equal(expand(&a, &w, o), 12);
	assert_int_equal(ymd(o[3].start), 20260406);   /* Easter Monday, as planned */
	assert_true(occur_regular(&a, o, 12));
	a.next_workday = true;
	assert_int_equal(expand(&a, &w, o), 12);
	assert_int_equal(ymd(o[3].start), 20260407);
	assert_int_equal(ymd(o[3].planned), 20260406);
	assert_int_equal(ymd(o[5].start), 20260608);   /* 6 June is a Saturday */
	assert_false(occur_regular(&a, o, 12));
	a = on(2026, 1, 25, REPEAT_MONTHLY);
	a.next_workday = true;
	assert_int_equal(expand(&a, &w, o), 12);
	assert_int_equal(ymd(o[11].start), 20261228);
	for (int i = 0; i < 12; i++)
		assert_true(occur_is_workday(o[i].start));
	/* a period keeps its length when it moves */
	a = (am_activity){.title = "x", .when = WHEN_PERIOD, .from = {2026, 4, 3}, .to = {2026, 4, 4},
	                  .next_workday = true, .start = -1};
	assert_int_equal(expand(&a, &w, o), 1);
	assert_int_equal(ymd(o[0].start), 20260407);
	assert_int_equal(ymd(o[0].end), 20260408);
}

static void until_ends_the_series(void **state)
{
	(void)state;
	am_wheel w = wheel_of(2026, 1);
	am_activity a = on(2026, 1, 7, REPEAT_WEEKLY);
	a.until = (am_date){2026, 3, 31};
	occur o[OCCUR_MAX];
	size_t n = expand(&a, &w, o);
	assert_int_equal(n, 12);
	assert_int_equal(ymd(o[11].start), 20260325);
	/* a whole month cut short by until stops there */
	a = (am_activity){.title = "x", .when = WHEN_MONTH, .month = 1, .repeat = REPEAT_MONTHLY,
	                  .until = {2026, 6, 15}, .start = -1};
	n = expand(&a, &w, o);
	assert_int_equal(n, 6);
	assert_int_equal(ymd(o[5].end), 20260615);
	/* a move past until drops the occurrence */
	a = on(2026, 1, 3, REPEAT_MONTHLY);   /* Saturdays and others */
	a.next_workday = true;
	a.until = (am_date){2026, 1, 3};
	assert_int_equal(expand(&a, &w, o), 0);
}

static void every_second_year_and_yearly(void **state)
{
	(void)state;
	am_wheel w = wheel_of(2026, 1);
	am_activity a = on(2024, 5, 1, REPEAT_BIENNIAL);
	occur o[OCCUR_MAX];
	assert_int_equal(expand(&a, &w, o), 1);
	assert_int_equal(ymd(o[0].start), 20260501);
	assert_int_equal(o[0].n, 1);
	a = on(2025, 5, 1, REPEAT_BIENNIAL);
	assert_int_equal(expand(&a, &w, o), 0);
	a = on(2019, 2, 28, REPEAT_YEARLY);
	assert_int_equal(expand(&a, &w, o), 1);
	assert_int_equal(ymd(o[0].start), 20260228);
	a = on(2024, 2, 29, REPEAT_YEARLY);   /* the leap day in a common year */
	assert_int_equal(expand(&a, &w, o), 1);
	assert_int_equal(ymd(o[0].start), 20260228);
}

/* A period across the wheel's year end shows its part inside, and says
 * how far it goes on. */
static void periods_across_the_year_end_are_clipped(void **state)
{
	(void)state;
	am_wheel w = wheel_of(2026, 1);
	am_activity a = {.title = "x", .when = WHEN_PERIOD, .from = {2026, 12, 15}, .to = {2027, 1, 10}, .start = -1};
	occur o[OCCUR_MAX];
	assert_int_equal(expand(&a, &w, o), 1);
	assert_int_equal(ymd(o[0].first), 20261215);
	assert_int_equal(ymd(o[0].last), 20261231);
	assert_int_equal(ymd(o[0].end), 20270110);
	a.from = (am_date){2025, 12, 20};
	a.to = (am_date){2026, 1, 5};
	assert_int_equal(expand(&a, &w, o), 1);
	assert_int_equal(ymd(o[0].start), 20251220);
	assert_int_equal(ymd(o[0].first), 20260101);
	/* ISO week 1 of 2026 begins on 29 December 2025 */
	a = (am_activity){.title = "x", .when = WHEN_WEEK, .week = 1, .start = -1};
	assert_int_equal(expand(&a, &w, o), 1);
	assert_int_equal(ymd(o[0].start), 20251229);
	assert_int_equal(ymd(o[0].first), 20260101);
	/* a wheel from August: February is next year's */
	w = wheel_of(2026, 8);
	a = (am_activity){.title = "x", .when = WHEN_MONTH, .month = 2, .start = -1};
	assert_int_equal(expand(&a, &w, o), 1);
	assert_int_equal(ymd(o[0].start), 20270201);
	a.repeat = REPEAT_MONTHLY;
	assert_int_equal(expand(&a, &w, o), 6);
	assert_int_equal(ymd(o[5].end), 20270731);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(easter_and_the_days_off_of_2026),
		cmocka_unit_test(the_next_working_day_skips_weekends_and_days_off),
		cmocka_unit_test(a_repeat_never_starts_before_its_first_date),
		cmocka_unit_test(a_repeated_month_covers_each_whole_month),
		cmocka_unit_test(weekly_and_every_second_week),
		cmocka_unit_test(the_nth_and_the_last_weekday_of_the_month),
		cmocka_unit_test(occurrences_move_off_days_off_when_asked),
		cmocka_unit_test(until_ends_the_series),
		cmocka_unit_test(every_second_year_and_yearly),
		cmocka_unit_test(periods_across_the_year_end_are_clipped),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
