/* ics.h: the årshjul's activities as an RFC 5545 calendar (iCalendar).
 *
 * The events are the occurrences occur.h gives the poster and its list, in
 * the wheel's year, activity by activity in file order (derived ones
 * included). Dates, periods, months and ISO weeks become all-day events
 * (DTEND is the day after the last day); an activity with a time of day
 * becomes a timed event in Europe/Copenhagen, and the calendar then
 * carries a VTIMEZONE with the EU summer-time rules. A series that a rule
 * describes exactly (occur_regular) is one event with an RRULE ending at
 * its last occurrence; any other series (moved off days off, whole months,
 * cut short) is one event per occurrence. An activity with no occurrence
 * in the year is left out. The output is a pure
 * function of the model and the options: UIDs are hashes of the workplace,
 * the activity and its position (and an occurrence's number), DTSTAMP is never the clock, so the same
 * input gives the same bytes. Lines end in CRLF and are folded at 75 octets
 * between whole UTF-8 characters. Built with libical, which only ics.c
 * includes. */
#ifndef AMOKIT_ICS_H
#define AMOKIT_ICS_H

#include <stddef.h>
#include "diag.h"
#include "model.h"

typedef struct ics_opts {
	/* X-WR-CALNAME is "<calendar_label> <year> – <workplace name>";
	 * NULL leaves the label out. Product text: the caller supplies it. */
	const char *calendar_label;
	/* DESCRIPTION is "<responsible_label>: <responsible>" for activities
	 * with someone responsible; NULL gives the name alone. */
	const char *responsible_label;
	/* DTSTAMP in seconds since 1970 (UTC). Negative: SOURCE_DATE_EPOCH from
	 * the environment when set, else midnight UTC of the meeting date, else
	 * of the first day of the wheel's year. */
	long long timestamp;
} ics_opts;

/* Writes the calendar of wp to path ("-" is standard output), as a set of
 * one file (output.h): whole or not at all, never through a link or into a
 * device. o may be NULL (no labels,
 * timestamp as for a negative value). Returns AM_OK, AM_EINPUT (wp has no
 * <wheel>), AM_EUSAGE (cannot write) or AM_EINTERNAL (out of memory), with
 * a diag record on failure. */
int ics_write(const am_workplace *wp, const ics_opts *o, const char *path, diag *d);

/* The same calendar in memory: on AM_OK *out holds *len bytes plus a
 * terminating NUL, allocated with malloc; the caller frees it. On failure
 * *out is NULL. Calls from several threads take turns with libical.
 * libical does not survive its own failed allocations (ics.c): a process
 * that must end cleanly when memory runs out calls ics_write and
 * ics_write_mem in a child of its own, as amokit runs amokit-ics. */
int ics_write_mem(const am_workplace *wp, const ics_opts *o, char **out, size_t *len, diag *d);

#endif
