/* occur.h: when an årshjul activity happens, the one answer the poster, its
 * dated list and the .ics export share; and the Danish days off it moves
 * activities away from.
 *
 * An activity has a first occurrence (a date, a period, a month or an ISO
 * week) and may repeat (model.h's am_repeat): every week or second week,
 * every month, quarter, year or second year; a month-based repeat keeps the
 * day of the month (the 31st becomes the last day of a shorter month), or
 * the nth weekday ("første fredag"), or the month's last such weekday. A
 * repeated month covers each whole month, a repeated ISO week each whole
 * week. Occurrences never start before the first date nor run after
 * `until`. An activity may ask to move an occurrence that starts on a
 * weekend or a day off (occur_day_off) to the next working day.
 *
 * Days are serial day numbers (wheel.h: days since 1970-01-01). */
#ifndef AMOKIT_OCCUR_H
#define AMOKIT_OCCUR_H

#include <stdbool.h>
#include <stddef.h>
#include "model.h"

/* Occurrences one activity can have in a window of one year, at most:
 * 53 weeks and one begun before the window. */
#define OCCUR_MAX 56

/* The Danish days off known to amokit. The public holidays of the
 * helligdagsloven (store bededag until 2023, when it was abolished), and
 * three days most workplaces close or close early: grundlovsdag,
 * juleaftensdag and nytårsaftensdag. Names are product texts: the caller
 * maps these keys to words (occur_day_off_key). */
typedef enum occur_day_off {
	DAY_WORKING,            /* not a day off (a weekend is not one either) */
	DAY_NEW_YEAR,           /* 1 January */
	DAY_MAUNDY_THURSDAY,    /* skærtorsdag, Easter − 3 */
	DAY_GOOD_FRIDAY,        /* langfredag, Easter − 2 */
	DAY_EASTER,             /* påskedag */
	DAY_EASTER_MONDAY,      /* 2. påskedag */
	DAY_PRAYER,             /* store bededag, Easter + 26, until 2023 */
	DAY_ASCENSION,          /* Kristi himmelfartsdag, Easter + 39 */
	DAY_WHITSUN,            /* pinsedag, Easter + 49 */
	DAY_WHIT_MONDAY,        /* 2. pinsedag, Easter + 50 */
	DAY_CONSTITUTION,       /* grundlovsdag, 5 June (customary) */
	DAY_CHRISTMAS_EVE,      /* 24 December (customary) */
	DAY_CHRISTMAS,          /* 25 December */
	DAY_BOXING,             /* 26 December */
	DAY_NEW_YEARS_EVE,      /* 31 December (customary) */
	DAY_OFF_KINDS
} occur_day_off;

/* Easter Sunday of a Gregorian year, as a serial day. */
long occur_easter(int year);
/* The day off that serial day s is, or DAY_WORKING. */
occur_day_off occur_day_off_on(long s);
/* A stable English key for a day off ("easter-monday"), for a layout's map
 * of names; "" for DAY_WORKING. */
const char *occur_day_off_key(occur_day_off k);
/* Whether s is a working day: Monday to Friday and not a day off. */
bool occur_is_workday(long s);
/* s, or the first working day after it. */
long occur_next_workday(long s);

/* One occurrence. start..end are the days it covers; first..last the part
 * of them inside the window it was asked for (never empty). */
typedef struct occur {
	long start, end;       /* inclusive */
	long first, last;      /* inclusive, start <= first <= last <= end */
	long planned;          /* the start before a move to a working day; == start when not moved */
	int n;                 /* 0 for the series' first occurrence, counting on */
} occur;

/* The window of w: its first and last day (the twelve months from the first
 * of its start month). */
void occur_window(const am_wheel *w, long *first, long *last);

/* Writes into out, in date order, the occurrences of a (an activity of w)
 * that meet the days win_first..win_last, at most max; returns how many.
 * A window of at most 366 days never needs more than OCCUR_MAX.
 * Preconditions (the reader guarantees them): the activity's dates exist,
 * a month is 1..12, a week 1..53. */
size_t occur_expand(const am_activity *a, const am_wheel *w, long win_first, long win_last,
                    occur *out, size_t max);

/* For a repeat on the nth weekday (a <date> with on="weekday" or
 * "last-weekday"): *weekday receives its ISO weekday (1 = Monday) and the
 * result is n, 1..4, or -1 for the month's last such weekday (the first
 * date's fifth weekday is the last one). */
int occur_nth_weekday(const am_activity *a, int *weekday);

/* Whether every occurrence of a repeats the first exactly by the rule (none
 * moved to a working day, none cut short by `until`, all of one length in
 * days, the repeat not one of whole months): then an RFC 5545 rule (RRULE)
 * describes the series, else its occurrences must be listed one by one.
 * occ as occur_expand wrote it. */
bool occur_regular(const am_activity *a, const occur *occ, size_t n);

#endif
