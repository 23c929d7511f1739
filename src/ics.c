/* ics.c: the årshjul as an iCalendar file; see ics.h.
 *
 * libical builds and serialises the component tree. Its text then goes
 * through one pass of our own, refold(): libical 3 leaves ',' and ';' raw
 * in CATEGORIES and in X- properties (it takes a comma there for a list
 * separator), so those are escaped there, and every line is folded again
 * so that the 75-octet limit and whole UTF-8 characters are guaranteed by
 * this file rather than assumed of the library. The dates are occur.h's,
 * the poster's own; calendar arithmetic comes from cal.h (serial day
 * numbers since 1970-01-01).
 *
 * libical is linked like any other library (Debian package libical3), so
 * dpkg-shlibdeps sees it; its caches are freed after each calendar.
 * libical 3.0 does not check its own allocations: when memory runs out it
 * writes through NULL (icaltimezone_get_utc_timezone, icalproperty_new_impl,
 * icalmemory_append_char, icalmemory_free_ring). So only amokit-ics, a
 * process of its own that amokit waits for, calls this module (src/cli/cmd_ics.c). */
#include "ics.h"

#include <assert.h>
#include <errno.h>
#include <libical/ical.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bytes.h"
#include "cal.h"
#include "fnv.h"
#include "occur.h"
#include "output.h"

#define ICS_TZID "Europe/Copenhagen"
#define ICS_PRODID "-//amokit//amokit " AMOKIT_VERSION "//DA"
#define ICS_LINE_MAX 75           /* octets per physical line, CRLF excluded */
#define ICS_MAX_STAMP 253402300799LL  /* 9999-12-31T23:59:59Z */

/* Central European time with the EU rules in force since 1996: summer time
 * from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last
 * Sunday of October. */
static const char copenhagen_vtimezone[] =
	"BEGIN:VTIMEZONE\r\n"
	"TZID:" ICS_TZID "\r\n"
	"BEGIN:DAYLIGHT\r\n"
	"TZOFFSETFROM:+0100\r\n"
	"TZOFFSETTO:+0200\r\n"
	"TZNAME:CEST\r\n"
	"DTSTART:19700329T020000\r\n"
	"RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n"
	"END:DAYLIGHT\r\n"
	"BEGIN:STANDARD\r\n"
	"TZOFFSETFROM:+0200\r\n"
	"TZOFFSETTO:+0100\r\n"
	"TZNAME:CET\r\n"
	"DTSTART:19701025T030000\r\n"
	"RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n"
	"END:STANDARD\r\n"
	"END:VTIMEZONE\r\n";

/* ---- libical's caches ------------------------------------------------ */

/* What libical keeps after a calendar: the time zones that
 * icaltime_from_timet_with_zone loads and the ring of scratch buffers.
 * Freed after each calendar, so a long-lived caller does not hold them. */
static void ical_forget_caches(void)
{
	icaltimezone_free_builtin_timezones();
	icalmemory_free_ring();
}

/* ---- calendar arithmetic ------------------------------------------------ */

static long wheel_first_day(const am_wheel *w)
{
	long first, last;
	occur_window(w, &first, &last);
	return first;
}

static long last_sunday(int y, int m)
{
	int last = cal_days_in_month(y, m);
	return cal_serial(y, m, last) - cal_weekday(y, m, last) % 7;
}

/* Seconds east of UTC in Copenhagen at the end of the local day `serial`. */
static long copenhagen_offset_at_midnight(long serial)
{
	int y, m, d;
	cal_civil(serial, &y, &m, &d);
	return serial >= last_sunday(y, 3) && serial < last_sunday(y, 10) ? 7200 : 3600;
}

/* ---- libical values ----------------------------------------------------- */

static struct icaltimetype date_value(long serial)
{
	struct icaltimetype t = icaltime_null_date();
	cal_civil(serial, &t.year, &t.month, &t.day);
	return t;
}

/* A local date and time of day (minutes), to be tagged with TZID. */
static struct icaltimetype local_value(long serial, int minutes)
{
	struct icaltimetype t = icaltime_null_time();
	serial += minutes / 1440;
	minutes %= 1440;
	cal_civil(serial, &t.year, &t.month, &t.day);
	t.hour = minutes / 60;
	t.minute = minutes % 60;
	return t;
}

static struct icaltimetype utc_value(long long seconds)
{
	return icaltime_from_timet_with_zone((time_t)seconds, 0, icaltimezone_get_utc_timezone());
}

/* RRULE's UNTIL for a series whose last occurrence starts on day `last`:
 * a date for all-day events, the last local second of that day in UTC for
 * timed ones (RFC 5545 3.3.10); the next occurrence is days later. */
static struct icaltimetype until_value(long last, bool timed)
{
	if (!timed)
		return date_value(last);
	return utc_value((long long)last * 86400 + 86399 - copenhagen_offset_at_midnight(last));
}

/* The rule of a regular series (occur_regular) from its first occurrence in
 * the wheel's year (first) to its last (last), as occur.c walks it. By
 * weeks: every one or two weeks on the first's weekday. By months: a day
 * past the 28th stays on the last possible day in shorter months (the
 * 31st becomes the last day, the 30th the 30th or the end of February),
 * instead of RFC 5545's skipping the month; a weekday by its number in the
 * month ("1FR") or as the month's last ("-1FR"). */
static struct icalrecurrencetype repeat_rule(const am_activity *a, long first, long last)
{
	struct icalrecurrencetype r;
	icalrecurrencetype_clear(&r);
	r.until = until_value(last, a->start >= 0);
	if (a->repeat == REPEAT_WEEKLY || a->repeat == REPEAT_FORTNIGHTLY) {
		r.freq = ICAL_WEEKLY_RECURRENCE;
		r.interval = a->repeat == REPEAT_FORTNIGHTLY ? 2 : 1;
		return r;
	}
	r.freq = ICAL_MONTHLY_RECURRENCE;
	r.interval = a->repeat == REPEAT_QUARTERLY ? 3 : a->repeat == REPEAT_YEARLY ? 12
	           : a->repeat == REPEAT_BIENNIAL ? 24 : 1;
	if (a->when == WHEN_DATE && a->on != ON_DAY) {
		int wd, n = occur_nth_weekday(a, &wd);
		/* libical's encoding: the position times 8 plus the weekday (Sunday 1) */
		short day = (short)((n < 0 ? 1 : n) * 8 + wd % 7 + 1);
		r.by_day[0] = n < 0 ? (short)-day : day;
		r.by_day[1] = ICAL_RECURRENCE_ARRAY_MAX;
		return r;
	}
	int y, m, d;
	cal_civil(first, &y, &m, &d);
	if (a->when == WHEN_DATE || a->when == WHEN_PERIOD)
		d = a->from.d;
	if (d == 31) {
		r.by_month_day[0] = -1;
		r.by_month_day[1] = ICAL_RECURRENCE_ARRAY_MAX;
	} else if (d > 28) {
		int n = 0;
		for (int k = 28; k <= d; k++)
			r.by_month_day[n++] = (short)k;
		r.by_month_day[n] = ICAL_RECURRENCE_ARRAY_MAX;
		r.by_set_pos[0] = -1;
		r.by_set_pos[1] = ICAL_RECURRENCE_ARRAY_MAX;
	}
	return r;
}

/* ---- UIDs --------------------------------------------------------------- */

/* A UID from the workplace's name, the activity's title, its timing and
 * its index, and for an occurrence written as an event of its own its
 * number in the series (occ >= 0): the same activity in the same place
 * keeps its UIDs from run to run, so a calendar program updates events on
 * a new import. */
static void make_uid(const am_workplace *wp, const am_activity *a, size_t index, int occ, char uid[64])
{
	char timing[224];
	int n = snprintf(timing, sizeof timing, "%d|%d-%d-%d|%d-%d-%d|%d|%d|%d|%d|%d|%zu", (int)a->when,
	                 a->from.y, a->from.m, a->from.d, a->to.y, a->to.m, a->to.d, a->month, a->week,
	                 a->start, a->end, (int)a->repeat, index);
	if (occ >= 0 && n > 0 && (size_t)n < sizeof timing)
		n += snprintf(timing + n, sizeof timing - (size_t)n, "|%d|%d|%d-%d-%d|%d", occ, (int)a->on,
		              a->until.y, a->until.m, a->until.d, (int)a->next_workday);
	const char *name = wp->name ? wp->name : "", *title = a->title ? a->title : "";
	/* Each part ends in its NUL, so "ab"+"c" and "a"+"bc" differ. */
	uint64_t h = FNV1A_BASIS;
	h = fnv1a(h, name, strlen(name) + 1);
	h = fnv1a(h, title, strlen(title) + 1);
	h = fnv1a(h, timing, (size_t)n);
	uint64_t h2 = fnv1a(h ^ 0x9e3779b97f4a7c15ULL, timing, (size_t)n);
	h2 = fnv1a(h2, title, strlen(title) + 1);
	h2 = fnv1a(h2, name, strlen(name) + 1);
	snprintf(uid, 64, "%016llx%016llx@amokit", (unsigned long long)h, (unsigned long long)h2);
}

/* ---- the component tree ------------------------------------------------- */

typedef struct builder {
	const am_workplace *wp;
	const ics_opts *o;
	icalcomponent *cal;
	struct icaltimetype stamp;
	bool oom;
} builder;

/* Adds p to c; a NULL p (libical out of memory) marks the build failed. */
static void add(builder *b, icalcomponent *c, icalproperty *p)
{
	if (!p) {
		b->oom = true;
		return;
	}
	icalcomponent_add_property(c, p);
}

static icalproperty *in_copenhagen(builder *b, icalproperty *p)
{
	icalparameter *tz = p ? icalparameter_new_tzid(ICS_TZID) : NULL;
	if (!tz) {
		if (p)
			icalproperty_free(p);
		b->oom = true;
		return NULL;
	}
	icalproperty_add_parameter(p, tz);
	return p;
}

/* "<a><sep><b>", or b alone when a is NULL; malloc'd, NULL when out of memory. */
static char *joined(const char *a, const char *sep, const char *b)
{
	size_t n = (a ? strlen(a) + strlen(sep) : 0) + strlen(b) + 1;
	char *s = malloc(n);
	if (s)
		snprintf(s, n, "%s%s%s", a ? a : "", a ? sep : "", b);
	return s;
}

/* Adds a TEXT property made by make from "<label><sep><text>". */
static void add_text(builder *b, icalcomponent *c, icalproperty *(*make)(const char *),
                     const char *label, const char *sep, const char *text)
{
	char *s = joined(label, sep, text);
	if (!s) {
		b->oom = true;
		return;
	}
	add(b, c, make(s));
	free(s);
}

/* DTSTART and DTEND of the occurrence from `first` to `last`: all-day
 * (DTEND the day after the last), or, with a time of day, from the start
 * on the first day to the end on the last. An event with a start only
 * ends at its start on a single day (RFC 5545 3.6.1), at the end of its
 * last day otherwise. */
static void add_times(builder *b, icalcomponent *ev, const am_activity *a, long first, long last)
{
	if (a->start < 0) {
		add(b, ev, icalproperty_new_dtstart(date_value(first)));
		add(b, ev, icalproperty_new_dtend(date_value(last + 1)));
		return;
	}
	add(b, ev, in_copenhagen(b, icalproperty_new_dtstart(local_value(first, a->start))));
	if (a->end >= 0)
		add(b, ev, in_copenhagen(b, icalproperty_new_dtend(local_value(last, a->end))));
	else if (last > first)
		add(b, ev, in_copenhagen(b, icalproperty_new_dtend(local_value(last + 1, 0))));
}

/* One VEVENT: the occurrence o, and with until (the start of the series'
 * last occurrence) > o->start, a rule repeating it to then. occ_n as
 * make_uid's occ. */
static void add_one(builder *b, const am_activity *a, size_t index, int occ_n, const occur *o, long until)
{
	icalcomponent *ev = icalcomponent_new_vevent();
	if (!ev) {
		b->oom = true;
		return;
	}
	icalcomponent_add_component(b->cal, ev);
	char uid[64];
	make_uid(b->wp, a, index, occ_n, uid);
	add(b, ev, icalproperty_new_uid(uid));
	add(b, ev, icalproperty_new_dtstamp(b->stamp));
	add_times(b, ev, a, o->start, o->end);
	if (until > o->start)
		add(b, ev, icalproperty_new_rrule(repeat_rule(a, o->start, until)));
	add(b, ev, icalproperty_new_summary(a->title ? a->title : ""));
	if (a->responsible && *a->responsible)
		add_text(b, ev, icalproperty_new_description, b->o->responsible_label, ": ", a->responsible);
	if (a->ring && a->ring->name && *a->ring->name)
		add(b, ev, icalproperty_new_categories(a->ring->name));
}

/* The activity's occurrences in the wheel's year, as occur.c gives them to
 * the poster too: one event with a rule when the rule says exactly that,
 * else one event per occurrence. None when it has none that year. */
static void add_event(builder *b, const am_activity *a, size_t index)
{
	const am_wheel *w = &b->wp->wheel;
	occur occ[OCCUR_MAX];
	long first, last;
	occur_window(w, &first, &last);
	size_t n = occur_expand(a, w, first, last, occ, OCCUR_MAX);
	if (occur_regular(a, occ, n)) {
		if (n)
			add_one(b, a, index, -1, &occ[0], occ[n - 1].start);
		return;
	}
	for (size_t i = 0; i < n && !b->oom; i++)
		add_one(b, a, index, occ[i].n, &occ[i], 0);
}

static bool any_timed(const am_wheel *w)
{
	for (size_t i = 0; i < w->n_activities; i++)
		if (w->activities[i].start >= 0)
			return true;
	return false;
}

static void add_header(builder *b)
{
	const am_wheel *w = &b->wp->wheel;
	add(b, b->cal, icalproperty_new_prodid(ICS_PRODID));
	add(b, b->cal, icalproperty_new_version("2.0"));
	add(b, b->cal, icalproperty_new_calscale("GREGORIAN"));
	char year[32];
	snprintf(year, sizeof year, "%d", w->year);
	char *label = joined(b->o->calendar_label, " ", year);
	char *name = label && b->wp->name ? joined(label, " – ", b->wp->name) : NULL;
	icalproperty *p = icalproperty_new_x(name ? name : label ? label : "");
	if (p)
		icalproperty_set_x_name(p, "X-WR-CALNAME");
	add(b, b->cal, p);
	b->oom |= !label || (b->wp->name && !name);
	free(name);
	free(label);
	if (any_timed(w)) {
		icalcomponent *tz = icalcomponent_new_from_string(copenhagen_vtimezone);
		if (tz)
			icalcomponent_add_component(b->cal, tz);
		else
			b->oom = true;
	}
}

/* DTSTAMP: as ics_opts.timestamp says; never the clock. */
static long long stamp_seconds(const am_workplace *wp, const ics_opts *o)
{
	if (o->timestamp >= 0)
		return o->timestamp < ICS_MAX_STAMP ? o->timestamp : ICS_MAX_STAMP;
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	if (sde && *sde) {
		char *end;
		errno = 0;
		long long v = strtoll(sde, &end, 10);
		if (!*end && !errno && v >= 0 && v <= ICS_MAX_STAMP)
			return v;
	}
	const am_date *m = &wp->meeting.date;
	long day = m->y ? cal_serial(m->y, m->m, m->d) : wheel_first_day(&wp->wheel);
	return (long long)day * 86400;
}

static icalcomponent *build(const am_workplace *wp, const ics_opts *o)
{
	builder b = {wp, o, icalcomponent_new_vcalendar(), icaltime_null_time(), false};
	if (!b.cal)
		return NULL;
	b.stamp = utc_value(stamp_seconds(wp, o));
	add_header(&b);
	for (size_t i = 0; i < wp->wheel.n_activities && !b.oom; i++)
		add_event(&b, &wp->wheel.activities[i], i);
	if (b.oom) {
		icalcomponent_free(b.cal);
		return NULL;
	}
	return b.cal;
}

/* ---- escaping and folding ---------------------------------------------- */

/* Appends s[0..n) to b, whose bytes stay a C string: a NUL follows them,
 * not counted in b->n. */
static void put(bytes *b, const char *s, size_t n)
{
	bytes_put(b, s, n);
	bytes_putc(b, '\0');
	if (!b->oom)
		b->n--;
}

/* b's bytes as the C string they are kept as. */
static const char *str(const bytes *b) { return (const char *)b->p; }

/* Whether libical left ',' and ';' raw in this content line's value. */
static bool needs_list_escapes(const char *line, size_t n)
{
	size_t name = strcspn(line, ";:");
	if (name > n)
		name = n;
	return (name == 10 && strncmp(line, "CATEGORIES", 10) == 0) ||
	       (name > 2 && strncmp(line, "X-", 2) == 0);
}

/* Escapes the raw ',' and ';' in the value of line[0..n) (its name has no
 * parameters). Every backslash there already starts an escape pair, since
 * libical escaped backslashes, so pairs are copied whole. */
static void escape_list_value(bytes *out, const char *line, size_t n)
{
	size_t colon = strcspn(line, ":");
	size_t i = colon < n ? colon + 1 : n;
	put(out, line, i);
	for (; i < n; i++) {
		if (line[i] == '\\' && i + 1 < n) {
			put(out, line + i, 2);
			i++;
		} else if (line[i] == ',' || line[i] == ';') {
			put(out, "\\", 1);
			put(out, line + i, 1);
		} else {
			put(out, line + i, 1);
		}
	}
}

/* Writes one content line folded at ICS_LINE_MAX octets (RFC 5545 3.1),
 * never inside a UTF-8 sequence, each physical line ending in CRLF. */
static void fold(bytes *out, const char *s, size_t n)
{
	size_t room = ICS_LINE_MAX;
	while (n > room) {
		size_t cut = room;
		while (cut > 1 && ((unsigned char)s[cut] & 0xC0) == 0x80)
			cut--;
		put(out, s, cut);
		put(out, "\r\n ", 3);
		s += cut;
		n -= cut;
		room = ICS_LINE_MAX - 1;
	}
	put(out, s, n);
	put(out, "\r\n", 2);
}

/* Reads the content line at *p (physical lines joined: a line break
 * followed by a space or tab continues it) into line; advances *p. */
static void unfold_next(const char **p, bytes *line)
{
	line->n = 0;
	const char *s = *p;
	for (;;) {
		const char *nl = strchr(s, '\n');
		size_t n = nl ? (size_t)(nl - s) : strlen(s);
		put(line, s, n && s[n - 1] == '\r' ? n - 1 : n);
		s += n + (nl ? 1 : 0);
		if (*s != ' ' && *s != '\t')
			break;
		s++;
	}
	*p = s;
}

/* libical's serialisation → our output: escaped and folded afresh. */
static int refold(const char *text, bytes *out)
{
	bytes line = {0}, fixed = {0};
	const char *p = text;
	while (*p && !out->oom) {
		unfold_next(&p, &line);
		if (line.oom || line.n == 0)
			continue;
		if (needs_list_escapes(str(&line), line.n)) {
			fixed.n = 0;
			escape_list_value(&fixed, str(&line), line.n);
			if (!fixed.oom)
				fold(out, str(&fixed), fixed.n);
		} else {
			fold(out, str(&line), line.n);
		}
	}
	bool oom = line.oom || fixed.oom || out->oom;
	bytes_free(&line);
	bytes_free(&fixed);
	return oom ? -1 : 0;
}

/* ---- output ------------------------------------------------------------- */

/* libical's text of the calendar, malloc'd; NULL with *rc and a diag record
 * on failure. libical's caches are process state: one calendar at a time. */
static char *ical_text(const am_workplace *wp, const ics_opts *o, diag *d, int *rc)
{
	static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
	pthread_mutex_lock(&lock);
	*rc = AM_OK;
	/* Some of libical's failed allocations only drop a part (a TZID
	 * parameter, a text value) and return as if all were well; icalerrno
	 * is cleared again by the next call. malloc's ENOMEM in errno stays:
	 * then the text is not used. */
	errno = 0;
	icalcomponent *cal = build(wp, o);
	char *text = cal ? icalcomponent_as_ical_string_r(cal) : NULL;
	if (cal)
		icalcomponent_free(cal);
	if (text && errno == ENOMEM) {
		free(text);
		text = NULL;
	}
	ical_forget_caches();
	if (!text)
		*rc = diag_oom(d, wp->file);
	pthread_mutex_unlock(&lock);
	return text;
}

int ics_write_mem(const am_workplace *wp, const ics_opts *o, char **out, size_t *len, diag *d)
{
	static const ics_opts defaults = {NULL, NULL, -1};
	*out = NULL;
	*len = 0;
	if (!o)
		o = &defaults;
	if (wp->wheel.year == 0) {
		diag_error(d, wp->file, wp->line, "no <wheel> to export: the calendar is the årshjul's activities");
		return AM_EINPUT;
	}
	int r;
	char *text = ical_text(wp, o, d, &r);
	if (!text)
		return r;
	bytes b = {0};
	int bad = refold(text, &b) != 0;
	free(text);
	if (bad) {
		bytes_free(&b);
		return diag_oom(d, wp->file);
	}
	*out = (char *)b.p;
	*len = b.n;
	return AM_OK;
}

int ics_write(const am_workplace *wp, const ics_opts *o, const char *path, diag *d)
{
	char *text;
	size_t len;
	int r = ics_write_mem(wp, o, &text, &len, d);
	if (r != AM_OK)
		return r;
	r = output_file_or_stdout(path, text, len, d);
	free(text);
	return r;
}
