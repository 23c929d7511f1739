/* occur.c: the occurrences of årshjul activities and the Danish days off;
 * see occur.h.
 *
 * A series is walked from its first occurrence by its step, in days for the
 * weekly repeats and in months for the others. The walk begins a step
 * before the window (so that an occurrence moved forward into the window
 * off a day off is met), never before the series' first occurrence: its
 * cost is the occurrences near the window, not the years since the first. */
#include "occur.h"
#include "cal.h"

#include <assert.h>
#include <limits.h>

/* --- days off ------------------------------------------------------------ */

long occur_easter(int y)
{
	/* the anonymous Gregorian algorithm (Meeus, Jones, Butcher) */
	int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4;
	int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
	int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
	int m = (a + 11 * h + 22 * l) / 451, x = h + l - 7 * m + 114;
	return cal_serial(y, x / 31, x % 31 + 1);
}

occur_day_off occur_day_off_on(long s)
{
	int y, m, d;
	cal_civil(s, &y, &m, &d);
	switch (m * 100 + d) {
	case 101: return DAY_NEW_YEAR;
	case 605: return DAY_CONSTITUTION;
	case 1224: return DAY_CHRISTMAS_EVE;
	case 1225: return DAY_CHRISTMAS;
	case 1226: return DAY_BOXING;
	case 1231: return DAY_NEW_YEARS_EVE;
	default: break;
	}
	if (m < 3 || m > 6)
		return DAY_WORKING;
	switch (s - occur_easter(y)) {
	case -3: return DAY_MAUNDY_THURSDAY;
	case -2: return DAY_GOOD_FRIDAY;
	case 0: return DAY_EASTER;
	case 1: return DAY_EASTER_MONDAY;
	case 26: return y <= 2023 ? DAY_PRAYER : DAY_WORKING;
	case 39: return DAY_ASCENSION;
	case 49: return DAY_WHITSUN;
	case 50: return DAY_WHIT_MONDAY;
	default: return DAY_WORKING;
	}
}

const char *occur_day_off_key(occur_day_off k)
{
	static const char *const keys[DAY_OFF_KINDS] = {
		"", "new-year", "maundy-thursday", "good-friday", "easter", "easter-monday", "prayer-day",
		"ascension", "whitsun", "whit-monday", "constitution-day", "christmas-eve", "christmas",
		"boxing-day", "new-years-eve"};
	return (unsigned)k < DAY_OFF_KINDS ? keys[k] : "";
}

bool occur_is_workday(long s)
{
	return cal_weekday_of_serial(s) <= 5 && occur_day_off_on(s) == DAY_WORKING;
}

long occur_next_workday(long s)
{
	while (!occur_is_workday(s))
		s++;
	return s;
}

/* --- the first occurrence ------------------------------------------------ */

static int start_month(const am_wheel *w)
{
	return w->start_month >= 1 && w->start_month <= 12 ? w->start_month : 1;
}

void occur_window(const am_wheel *w, long *first, long *last)
{
	*first = cal_serial(w->year, start_month(w), 1);
	*last = cal_serial(w->year + 1, start_month(w), 1) - 1;
}

/* An activity's first occurrence: its first day and length, or (months > 0)
 * the whole months it covers from its first day, a month's first. */
typedef struct first_occ {
	long start, days;
	int months;
} first_occ;

static first_occ first_of(const am_activity *a, const am_wheel *w)
{
	first_occ f = {0, 1, 0};
	switch (a->when) {
	case WHEN_PERIOD: {
		f.start = cal_serial(a->from.y, a->from.m, a->from.d);
		f.days = cal_serial(a->to.y, a->to.m, a->to.d) - f.start + 1;
		if (a->from.d == 1 && a->to.d == cal_days_in_month(a->to.y, a->to.m))
			f.months = (a->to.y - a->from.y) * 12 + a->to.m - a->from.m + 1;
		break;
	}
	case WHEN_MONTH: {
		assert(a->month >= 1 && a->month <= 12);
		int y = a->month >= start_month(w) ? w->year : w->year + 1;
		f.start = cal_serial(y, a->month, 1);
		f.days = cal_days_in_month(y, a->month);
		f.months = 1;
		break;
	}
	case WHEN_WEEK: {
		assert(a->week >= 1 && a->week <= 53);
		long wf, wl;
		occur_window(w, &wf, &wl);
		f.start = cal_iso_week_monday(w->year, a->week);
		if (f.start + 6 < wf)   /* a wheel from August: its January is next year's */
			f.start = cal_iso_week_monday(w->year + 1, a->week);
		f.days = 7;
		break;
	}
	case WHEN_DATE:
	default:
		f.start = cal_serial(a->from.y, a->from.m, a->from.d);
		break;
	}
	if (f.days < 1)
		f.days = 1;
	return f;
}

/* Only whole periods that repeat by months keep to whole months. */
static bool by_months(am_repeat r)
{
	return r == REPEAT_MONTHLY || r == REPEAT_QUARTERLY || r == REPEAT_YEARLY || r == REPEAT_BIENNIAL;
}

static int month_step(am_repeat r)
{
	switch (r) {
	case REPEAT_QUARTERLY: return 3;
	case REPEAT_YEARLY: return 12;
	case REPEAT_BIENNIAL: return 24;
	default: return 1;
	}
}

int occur_nth_weekday(const am_activity *a, int *weekday)
{
	long s = cal_serial(a->from.y, a->from.m, a->from.d);
	*weekday = cal_weekday_of_serial(s);
	int n = (a->from.d - 1) / 7 + 1;
	return a->on == ON_LAST_WEEKDAY || n == 5 ? -1 : n;
}

/* The day of month index mi (year * 12 + month - 1) that occurrence of a
 * month-based series of `from` falls on, by its `on`. */
static long day_in_month(const am_activity *a, am_date from, long mi)
{
	int y = (int)(mi / 12), m = (int)(mi % 12) + 1, dim = cal_days_in_month(y, m);
	if (a->on == ON_DAY || a->when != WHEN_DATE)
		return cal_serial(y, m, from.d < dim ? from.d : dim);
	int wd;
	int n = occur_nth_weekday(a, &wd);
	if (n < 0) {
		long last = cal_serial(y, m, dim);
		return last - (cal_weekday_of_serial(last) - wd + 7) % 7;
	}
	long first = cal_serial(y, m, 1);
	return first + (wd - cal_weekday_of_serial(first) + 7) % 7 + 7L * (n - 1);
}

/* --- the walk ------------------------------------------------------------ */

typedef struct walk {
	const am_activity *a;
	first_occ f;
	am_date from;            /* civil date of f.start */
	long win_first, win_last, until;
	occur *out;
	size_t n, max;
} walk;

/* Records occurrence k of the series planned from start to end, moved off
 * a day off when asked, cut at `until`, clipped to the window. Returns
 * false once the series has passed the window or its end. */
static bool emit(walk *wk, int k, long start, long end)
{
	long planned = start;
	if (wk->a->next_workday && !wk->f.months) {
		start = occur_next_workday(start);
		end += start - planned;
	}
	if (planned > wk->win_last || planned > wk->until || wk->n == wk->max)
		return false;
	if (start > wk->until)
		return true;
	if (end > wk->until)
		end = wk->until;
	if (end < wk->win_first || start > wk->win_last)
		return true;
	if (wk->n && start <= wk->out[wk->n - 1].start)
		return true;   /* moved onto the next one */
	occur *o = &wk->out[wk->n++];
	o->start = start;
	o->end = end;
	o->first = start > wk->win_first ? start : wk->win_first;
	o->last = end < wk->win_last ? end : wk->win_last;
	o->planned = planned;
	o->n = k;
	return true;
}

static void walk_days(walk *wk, long step)
{
	long s0 = wk->f.start, k = 0;
	/* the first k whose occurrence may end in the window, one step early */
	if (s0 + wk->f.days - 1 < wk->win_first)
		k = (wk->win_first - (s0 + wk->f.days - 1)) / step - 1;
	for (k = k < 0 ? 0 : k; k <= INT_MAX; k++) {
		long s = s0 + k * step;
		if (!emit(wk, (int)k, s, s + wk->f.days - 1))
			break;
	}
}

static void walk_months(walk *wk, int step)
{
	long m0 = wk->from.y * 12L + wk->from.m - 1;
	int wy, wm, wd;
	cal_civil(wk->win_first, &wy, &wm, &wd);
	long span = wk->f.months ? wk->f.months : wk->f.days / 28 + 1;
	long k = (wy * 12L + wm - 1 - m0 - span) / step - 1;
	for (k = k < 0 ? 0 : k; k <= INT_MAX; k++) {
		long mi = m0 + k * step, s, e;
		if (wk->f.months) {
			long mj = mi + wk->f.months;
			s = cal_serial((int)(mi / 12), (int)(mi % 12) + 1, 1);
			e = cal_serial((int)(mj / 12), (int)(mj % 12) + 1, 1) - 1;
		} else {
			s = day_in_month(wk->a, wk->from, mi);
			e = s + wk->f.days - 1;
		}
		if (!emit(wk, (int)k, s, e))
			break;
	}
}

size_t occur_expand(const am_activity *a, const am_wheel *w, long win_first, long win_last,
                    occur *out, size_t max)
{
	walk wk = {a, first_of(a, w), {0, 0, 0}, win_first, win_last, LONG_MAX, out, 0, max};
	if (!by_months(a->repeat))
		wk.f.months = 0;   /* a whole month repeated weekly is a period of days */
	cal_civil(wk.f.start, &wk.from.y, &wk.from.m, &wk.from.d);
	if (a->until.y)
		wk.until = cal_serial(a->until.y, a->until.m, a->until.d);
	switch (a->repeat) {
	case REPEAT_NONE:
		emit(&wk, 0, wk.f.start, wk.f.start + wk.f.days - 1);
		break;
	case REPEAT_WEEKLY:
		walk_days(&wk, 7);
		break;
	case REPEAT_FORTNIGHTLY:
		walk_days(&wk, 14);
		break;
	default:
		walk_months(&wk, month_step(a->repeat));
		break;
	}
	return wk.n;
}

bool occur_regular(const am_activity *a, const occur *occ, size_t n)
{
	if (n > 1 && by_months(a->repeat) && a->when == WHEN_MONTH)
		return false;
	if (n > 1 && a->when == WHEN_PERIOD && by_months(a->repeat) && a->from.d == 1 &&
	    a->to.d == cal_days_in_month(a->to.y, a->to.m))
		return false;
	for (size_t i = 0; i < n; i++)
		if (occ[i].planned != occ[i].start || occ[i].end - occ[i].start != occ[0].end - occ[0].start)
			return false;
	return true;
}
