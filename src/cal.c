/* cal.c: the calendar; see cal.h.
 *
 * Serial days use Howard Hinnant's days_from_civil algorithm and its
 * inverse (proleptic Gregorian, exact for every long). ISO weeks follow
 * ISO 8601: weeks start on Monday and week 1 is the one holding the year's
 * first Thursday. */
#include "cal.h"

#include <assert.h>

bool cal_is_leap(int year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int cal_days_in_year(int year) { return cal_is_leap(year) ? 366 : 365; }

int cal_days_in_month(int year, int month)
{
	static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	assert(month >= 1 && month <= 12);
	return month == 2 && cal_is_leap(year) ? 29 : days[month - 1];
}

long cal_serial(int year, int month, int day)
{
	long y = year - (month <= 2);
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void cal_civil(long serial, int *year, int *month, int *day)
{
	long z = serial + 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	long d = doy - (153 * mp + 2) / 5 + 1;
	long m = mp < 10 ? mp + 3 : mp - 9;
	*year = (int)(yoe + era * 400 + (m <= 2));
	*month = (int)m;
	*day = (int)d;
}

bool cal_date_exists(int year, int month, int day)
{
	return year >= 1 && month >= 1 && month <= 12 && day >= 1 &&
	       day <= cal_days_in_month(year, month);
}

int cal_day_of_year(int year, int month, int day)
{
	return (int)(cal_serial(year, month, day) - cal_serial(year, 1, 1)) + 1;
}

/* 1970-01-01 was a Thursday (ISO weekday 4). */
int cal_weekday_of_serial(long s)
{
	long w = (s + 3) % 7;
	if (w < 0)
		w += 7;
	return (int)w + 1;
}

int cal_weekday(int year, int month, int day)
{
	return cal_weekday_of_serial(cal_serial(year, month, day));
}

long cal_iso_week_monday(int iso_year, int week)
{
	/* 4 January is always in week 1. */
	long jan4 = cal_serial(iso_year, 1, 4);
	long monday1 = jan4 - (cal_weekday_of_serial(jan4) - 1);
	return monday1 + 7L * (week - 1);
}

int cal_iso_weeks_in_year(int iso_year)
{
	/* 28 December is always in the year's last week. */
	int y;
	return cal_iso_week(iso_year, 12, 28, &y);
}

int cal_iso_week(int year, int month, int day, int *iso_year)
{
	long s = cal_serial(year, month, day);
	/* The week's Thursday decides the week-numbering year. */
	long thursday = s - cal_weekday_of_serial(s) + 4;
	int ty, tm, td;
	cal_civil(thursday, &ty, &tm, &td);
	if (iso_year)
		*iso_year = ty;
	return (int)((thursday - cal_serial(ty, 1, 1)) / 7) + 1;
}
