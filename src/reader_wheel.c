/* reader_wheel.c: the årshjul in the workplace file: rings, activities
 * with their dates, periods, months, weeks and repeats, each checked to
 * lie in the wheel's year. See reader_model_int.h. */
#include "reader_model.h"
#include "reader.h"
#include <stdarg.h>
#include <stddef.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "norm.h"
#include "safe_path.h"
#include "text.h"
#include "cal.h"
#include "xsdinfo.h"
#include "utf8.h"
#include "reader_model_int.h"

/* ---- the wheel ---------------------------------------------------------- */

/* The repeats in words, for messages (in the order of am_repeat_tokens). */
static const char *const repeat_words[] = {"", "hver måned", "hvert kvartal", "hver uge", "hver anden uge",
                                           "hvert år", "hvert andet år", NULL};

/* Default ring colours when a <ring> gives none: distinct, print-friendly. */
static const unsigned ring_palette[12] = {
	0x1F5C7A, 0xC0504D, 0x4F8A3C, 0xE0A030, 0x7D5BA6, 0x2E9C9C,
	0xB5654A, 0x5A6F8C, 0x9C9C2E, 0xC06090, 0x3C7D5A, 0x8C6E3C,
};

static void read_rings(rm *r, xmlNodePtr sec, am_wheel *w)
{
	w->n_rings = rm_count_children(sec, "ring");
	w->rings = rm_alloc_array(r, w->n_rings, sizeof *w->rings);
	size_t i = 0;
	for (xmlNodePtr el = rm_child(sec, "ring"); el && w->rings; el = rm_next_child(sec, el, "ring"), i++) {
		am_ring *g = &w->rings[i];
		g->line = line_of(el);
		g->id = rm_attr_of(r, el, "id");
		g->name = rm_text_of(r, el);
		const char *col = rm_attr_of(r, el, "colour");
		g->colour = col ? (unsigned)strtoul(col + 1, NULL, 16) : ring_palette[i % 12];
		for (size_t j = 0; j < i && g->id; j++)
			if (w->rings[j].id && strcmp(w->rings[j].id, g->id) == 0)
				rm_error_at(r, g->line, "<ring id=\"%s\">: id'et bruges allerede på linje %d; "
				         "hver ring skal have sit eget id",
				         g->id, w->rings[j].line);
	}
}

static const am_ring *ring_ref(rm *r, const am_wheel *w, xmlNodePtr el)
{
	const char *id = rm_attr_of(r, el, "ring");
	for (size_t i = 0; id && i < w->n_rings; i++)
		if (w->rings[i].id && strcmp(w->rings[i].id, id) == 0)
			return &w->rings[i];
	char msg[400];
	snprintf(msg, sizeof msg, "<activity ring=\"%s\">: der er ingen <ring id=\"%s\"> i <wheel>",
	         id ? id : "", id ? id : "");
	const char *ids[12];
	size_t n = 0;
	for (size_t i = 0; i < w->n_rings && n < 12; i++)
		ids[n++] = w->rings[i].id;
	rm_suggest_id(msg, sizeof msg, id ? id : "", ids, n);
	rm_error_at(r, line_of(el), "%s", msg);
	return NULL;
}

/* The date keys of the wheel's first day and of the first day after it. */
static void wheel_keys(const am_wheel *w, int *from, int *to)
{
	*from = w->year * 10000 + w->start_month * 100 + 1;
	*to = (w->year + 1) * 10000 + w->start_month * 100 + 1;
}

/* "en dato i 2026", or "en dato fra 2026-08-01 og før 2027-08-01". */
static const char *wheel_span_text(rm *r, const am_wheel *w, const char *what)
{
	const char *s = w->start_month == 1
	                        ? arena_printf(r->a, "%s i %d", what, w->year)
	                        : arena_printf(r->a, "%s fra %d-%02d-01 og før %d-%02d-01", what, w->year,
	                                       w->start_month, w->year + 1, w->start_month);
	return s ? s : what;
}

/* A date must lie in the wheel's year; the first date of a repeat may lie
 * before it (the series began earlier), never after it. */
static void check_date(rm *r, const am_wheel *w, const am_activity *ac, const char *value, int line)
{
	int from, to, k = date_key(ac->from);
	wheel_keys(w, &from, &to);
	if (!ac->from.y || (k >= from && k < to) || (ac->repeat != REPEAT_NONE && k < from))
		return;
	rm_error_at(r, line, "<date>: \"%s\" ligger uden for årshjulets år; skriv %s", value,
	         wheel_span_text(r, w, ac->repeat != REPEAT_NONE ? "en dato før årets slutning" : "en dato"));
}

/* A period must meet the wheel's year (a part that lies outside is shown
 * as continuing); a repeated one may begin before it. */
static void check_period(rm *r, const am_wheel *w, const am_activity *ac, const char *f, const char *t,
                         int line)
{
	int from, to;
	wheel_keys(w, &from, &to);
	if (!ac->from.y || !ac->to.y || date_key(ac->to) < date_key(ac->from))
		return;
	bool meets = date_key(ac->from) < to && (ac->repeat != REPEAT_NONE || date_key(ac->to) >= from);
	if (!meets)
		rm_error_at(r, line, "<period>: %s til %s ligger uden for årshjulets år; skriv %s", f, t,
		         wheel_span_text(r, w, "en periode, der når ind i året"));
}

static void read_when(rm *r, const am_wheel *w, xmlNodePtr el, am_activity *ac)
{
	xmlNodePtr x;
	if ((x = rm_child(el, "date"))) {
		ac->when = WHEN_DATE;
		ac->from = rm_date_of(r, x);
		check_date(r, w, ac, rm_text_of(r, x), line_of(x));
	} else if ((x = rm_child(el, "period"))) {
		const char *f = rm_attr_of(r, x, "from"), *t = rm_attr_of(r, x, "to");
		int line = line_of(x);
		ac->when = WHEN_PERIOD;
		bool ok = rm_parse_date(r, "period from=\"…\"", f, line, &ac->from);
		ok = rm_parse_date(r, "period to=\"…\"", t, line, &ac->to) && ok;
		if (ok && date_key(ac->to) < date_key(ac->from))
			rm_error_at(r, line, "<period>: to=\"%s\" ligger før from=\"%s\"; from skal være den første dato", t, f);
		check_period(r, w, ac, f, t, line);
	} else if ((x = rm_child(el, "month"))) {
		ac->when = WHEN_MONTH;
		ac->month = (int)rm_parse_long(rm_text_of(r, x), 1);
	} else if ((x = rm_child(el, "week"))) {
		ac->when = WHEN_WEEK;
		ac->week = (int)rm_parse_long(rm_text_of(r, x), 1);
		if (ac->week > cal_iso_weeks_in_year(w->year))
			rm_error_at(r, line_of(x), "<week>: uge %d findes ikke i %d; skriv en uge fra 1 til %d",
			         ac->week, w->year, cal_iso_weeks_in_year(w->year));
	}
}

static bool by_months(am_repeat k)
{
	return k == REPEAT_MONTHLY || k == REPEAT_QUARTERLY || k == REPEAT_YEARLY || k == REPEAT_BIENNIAL;
}

/* The repeat's day and its end, checked against what the activity's
 * timing allows. */
static void read_repeat_rest(rm *r, xmlNodePtr el, am_activity *ac)
{
	int line = line_of(el);
	const char *until = rm_attr_of(r, el, "until");
	bool weeks = ac->repeat == REPEAT_WEEKLY || ac->repeat == REPEAT_FORTNIGHTLY;
	if (ac->on != ON_DAY && (ac->when != WHEN_DATE || !by_months(ac->repeat)))
		rm_error_at(r, line, "<activity on=\"%s\">: kræver en <date> og en gentagelse hver måned, hvert "
		         "kvartal, hvert år eller hvert andet år", am_token(am_repeat_on_tokens, ac->on));
	if (weeks && ac->when == WHEN_MONTH)
		rm_error_at(r, line, "<activity>: en <month> kan ikke gentages ugevis; brug en gentagelse hver "
		         "måned, hvert kvartal, hvert år eller hvert andet år");
	if (by_months(ac->repeat) && ac->when == WHEN_WEEK)
		rm_error_at(r, line, "<activity>: en <week> kan ikke gentages månedsvis; brug en gentagelse hver "
		         "uge eller hver anden uge");
	if (weeks && ac->when == WHEN_PERIOD && ac->from.y && ac->to.y) {
		long days = (long)(date_key(ac->to) >= date_key(ac->from)) *
		            (cal_serial(ac->to.y, ac->to.m, ac->to.d) - cal_serial(ac->from.y, ac->from.m, ac->from.d) + 1);
		int most = ac->repeat == REPEAT_WEEKLY ? 7 : 14;
		if (days > most)
			rm_error_at(r, line, "<activity>: en periode på %ld dage, der gentages %s, overlapper sig selv; "
			         "den må højst vare %d dage", days, repeat_words[ac->repeat], most);
	}
	if (!until)
		return;
	if (ac->repeat == REPEAT_NONE)
		rm_error_at(r, line, "<activity until=\"%s\">: kræver en gentagelse; tilføj attributten repeat", until);
	else if (rm_parse_date(r, "activity until=\"…\"", until, line, &ac->until) && ac->from.y &&
	         date_key(ac->until) < date_key(ac->from))
		rm_error_at(r, line, "<activity until=\"%s\">: ligger før den første dato; skriv en senere dato", until);
}

/* What an activity needs beyond the table: its ring, its timing, its
 * repeat's day and end, its time of day, each checked. */
static void read_activity(rm *r, xmlNodePtr el, void *rec)
{
	const am_wheel *w = &r->wp->wheel;
	am_activity *ac = rec;
	ac->ring = ring_ref(r, w, el);
	ac->start = ac->end = -1;
	read_when(r, w, el, ac);
	read_repeat_rest(r, el, ac);
	xmlNodePtr t = rm_child(el, "time");
	if (t) {
		const char *s = rm_attr_of(r, t, "start"), *e = rm_attr_of(r, t, "end");
		ac->start = rm_parse_time(s);
		ac->end = rm_parse_time(e);
		if (ac->end >= 0 && ac->end <= ac->start)
			rm_error_at(r, line_of(t), "<time>: end=\"%s\" er ikke efter start=\"%s\"; skriv et senere klokkeslæt", e, s);
	}
}

void rm_read_wheel(rm *r, xmlNodePtr sec)
{
	am_wheel *w = &r->wp->wheel;
	w->start_month = 1;
	if (!sec)
		return;
	w->line = line_of(sec);
	w->year = (int)rm_parse_long(rm_attr_of(r, sec, "year"), 0);
	w->start_month = (int)rm_parse_long(rm_attr_of(r, sec, "start-month"), 1);
	w->rhythm = parse_bool(rm_attr_of(r, sec, "rhythm"));
	read_rings(r, sec, w);
	w->activities = rm_read_records(r, sec, "activity", sizeof *w->activities, am_activity_fields, read_activity,
	                                &w->n_activities);
}

