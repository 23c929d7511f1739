/* cal.h: the calendar, once: leap years, serial day numbers, weekdays and
 * ISO 8601 weeks (proleptic Gregorian).
 *
 * A serial day number counts days since 1970-01-01 (negative before), so
 * spans across a year boundary need no special case and a weekday is a
 * remainder. Every date computation of amokit goes through here. */
#ifndef AMOKIT_CAL_H
#define AMOKIT_CAL_H

#include <stdbool.h>

bool cal_is_leap(int year);
int cal_days_in_year(int year);
/* month 1..12 */
int cal_days_in_month(int year, int month);
/* Whether y-m-d is a real date of a year from 1 on (30 February is not). */
bool cal_date_exists(int year, int month, int day);
/* 1-based day of the year. */
int cal_day_of_year(int year, int month, int day);
/* Serial day number of a date: days since 1970-01-01 (negative before). */
long cal_serial(int year, int month, int day);
/* The date of a serial day number. */
void cal_civil(long serial, int *year, int *month, int *day);
/* ISO weekday of a serial day: 1 = Monday … 7 = Sunday. */
int cal_weekday_of_serial(long serial);
/* ISO weekday of a date. */
int cal_weekday(int year, int month, int day);
/* ISO 8601 week (1..53) of a date; *iso_year (may be NULL) receives the
 * week-numbering year, which differs from year around New Year. */
int cal_iso_week(int year, int month, int day, int *iso_year);
/* Number of ISO weeks in an ISO year: 52 or 53. */
int cal_iso_weeks_in_year(int iso_year);
/* Serial day of the Monday of ISO week `week` of `iso_year`. */
long cal_iso_week_monday(int iso_year, int week);

#endif
