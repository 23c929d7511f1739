/* test_ics.c: the årshjul as iCalendar, read back with libical's parser
 * (the library amokit writes them with). */
#include "testutil.h"

#include <dirent.h>
#include <math.h>
#include <libical/ical.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "aarshjul.h"
#include "arena.h"
#include "cal.h"
#include "catalog.h"
#include "font.h"
#include "ics.h"
#include "layout.h"
#include "occur.h"
#include "reader.h"
#include "stress_plan.h"

#define JAN_1_2026 1767225600LL

static const ics_opts opts = {"Årshjul", "Ansvarlig", JAN_1_2026};

/* ---- models built by hand ---------------------------------------------- */

typedef struct model {
	arena *a;
	am_workplace wp;
	am_ring rings[2];
	am_activity acts[16];
} model;

static model *model_new(void)
{
	arena *a = arena_new();
	assert_non_null(a);
	model *m = arena_alloc(a, sizeof *m);
	assert_non_null(m);
	m->a = a;
	m->wp.file = "test.xml";
	m->wp.name = "Plejecenter Solsikken, Vest";
	m->wp.meeting.date = (am_date){2026, 3, 10};
	m->rings[0] = (am_ring){1, "med", "MED og arbejdsmiljøgrupper", 0x141B3C};
	m->rings[1] = (am_ring){2, "apv", "APV, trivsel; måling", 0x9C1F3F};
	m->wp.wheel = (am_wheel){1, 2026, 1, false, m->rings, 2, m->acts, 0};
	return m;
}

static void model_free(model *m) { arena_free(m->a); }

static am_activity *add(model *m, const char *title, am_when_kind when)
{
	assert_true(m->wp.wheel.n_activities < 16);
	am_activity *a = &m->acts[m->wp.wheel.n_activities++];
	*a = (am_activity){0};
	a->line = (int)m->wp.wheel.n_activities + 10;
	a->title = title;
	a->ring = &m->rings[0];
	a->when = when;
	a->start = a->end = -1;
	return a;
}

static am_activity *on_date(model *m, const char *title, int y, int mo, int d)
{
	am_activity *a = add(m, title, WHEN_DATE);
	a->from = (am_date){y, mo, d};
	return a;
}

static char *export(model *m, const ics_opts *o, size_t *len)
{
	diag d;
	diag_init(&d);
	char *out;
	size_t n;
	assert_int_equal(ics_write_mem(&m->wp, o, &out, &n, &d), AM_OK);
	assert_int_equal(d.errors, 0);
	assert_non_null(out);
	assert_int_equal(strlen(out), n);
	if (len)
		*len = n;
	return out;
}

/* ---- reading back ------------------------------------------------------- */

static icalcomponent *parse(const char *text)
{
	icalcomponent *cal = icalparser_parse_string(text);
	assert_non_null(cal);
	assert_int_equal(icalcomponent_isa(cal), ICAL_VCALENDAR_COMPONENT);
	return cal;
}

static int count(icalcomponent *cal, icalcomponent_kind kind)
{
	return icalcomponent_count_components(cal, kind);
}

/* The n-th VEVENT (0-based). */
static icalcomponent *event(icalcomponent *cal, int n)
{
	icalcomponent *ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
	while (ev && n-- > 0)
		ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT);
	assert_non_null(ev);
	return ev;
}

static void assert_date(struct icaltimetype t, int y, int m, int d)
{
	assert_true(t.is_date);
	assert_int_equal(t.year, y);
	assert_int_equal(t.month, m);
	assert_int_equal(t.day, d);
}

/* Every occurrence of ev's RRULE from its DTSTART, as yyyymmdd, into out. */
static int occurrences(icalcomponent *ev, int *out, int max)
{
	icalproperty *p = icalcomponent_get_first_property(ev, ICAL_RRULE_PROPERTY);
	assert_non_null(p);
	struct icalrecurrencetype r = icalproperty_get_rrule(p);
	icalrecur_iterator *it = icalrecur_iterator_new(r, icalcomponent_get_dtstart(ev));
	assert_non_null(it);
	int n = 0;
	for (struct icaltimetype t = icalrecur_iterator_next(it); !icaltime_is_null_time(t) && n < max;
	     t = icalrecur_iterator_next(it))
		out[n++] = t.year * 10000 + t.month * 100 + t.day;
	icalrecur_iterator_free(it);
	return n;
}

/* The unfolded content line starting with prefix, copied into line. */
static bool find_line(const char *text, const char *prefix, char *line, size_t max)
{
	for (const char *p = text; *p;) {
		size_t n = 0;
		const char *s = p;
		for (;;) {
			const char *e = strstr(s, "\r\n");
			assert_non_null(e);
			size_t k = (size_t)(e - s);
			assert_true(n + k < max);
			memcpy(line + n, s, k);
			n += k;
			s = e + 2;
			if (*s != ' ')
				break;
			s++;
		}
		line[n] = '\0';
		if (strncmp(line, prefix, strlen(prefix)) == 0)
			return true;
		p = s;
	}
	return false;
}

/* ---- the calendar agrees with the poster's generator -------------------- */

typedef struct dated {
	const char *title;
	int ymd, days;
} dated;

static int by_title_then_date(const void *x, const void *y)
{
	const dated *a = x, *b = y;
	int c = strcmp(a->title, b->title);
	return c ? c : a->ymd != b->ymd ? (a->ymd < b->ymd ? -1 : 1) : a->days - b->days;
}

static int ymd_of(long s)
{
	int y, m, d;
	cal_civil(s, &y, &m, &d);
	return y * 10000 + m * 100 + d;
}

/* What occur.c gives for every activity of wp in its year. */
static size_t generated(const am_workplace *wp, dated *out, size_t max)
{
	size_t n = 0;
	long first, last;
	occur_window(&wp->wheel, &first, &last);
	for (size_t i = 0; i < wp->wheel.n_activities; i++) {
		const am_activity *a = &wp->wheel.activities[i];
		occur o[OCCUR_MAX];
		size_t k = occur_expand(a, &wp->wheel, first, last, o, OCCUR_MAX);
		for (size_t j = 0; j < k; j++) {
			assert_true(n < max);
			out[n++] = (dated){a->title, ymd_of(o[j].start), (int)(o[j].end - o[j].start + 1)};
		}
	}
	return n;
}

static long serial_of(struct icaltimetype t) { return cal_serial(t.year, t.month, t.day); }

/* What a calendar program reads from the file: every event, its rule's
 * occurrences each as long as the first. */
static size_t exported(icalcomponent *cal, dated *out, size_t max)
{
	size_t n = 0;
	for (icalcomponent *ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); ev;
	     ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT)) {
		struct icaltimetype s = icalcomponent_get_dtstart(ev);
		icalproperty *endp = icalcomponent_get_first_property(ev, ICAL_DTEND_PROPERTY);
		int days = 1;
		if (endp) {
			struct icaltimetype e = icalproperty_get_dtend(endp);
			days = (int)(serial_of(e) - serial_of(s)) + !(e.is_date || (e.hour == 0 && e.minute == 0));
		}
		const char *title = icalcomponent_get_summary(ev);
		int dates[OCCUR_MAX];
		int k = 1;
		dates[0] = s.year * 10000 + s.month * 100 + s.day;
		if (icalcomponent_get_first_property(ev, ICAL_RRULE_PROPERTY))
			k = occurrences(ev, dates, OCCUR_MAX);
		for (int j = 0; j < k; j++) {
			assert_true(n < max);
			out[n++] = (dated){title, dates[j], days};
		}
	}
	return n;
}

static void assert_agree(const am_workplace *wp)
{
	size_t max = wp->wheel.n_activities * OCCUR_MAX + 1;
	dated *g = calloc(max, sizeof *g), *x = calloc(max, sizeof *x);
	diag d;
	diag_init(&d);
	char *text;
	size_t len;
	assert_int_equal(ics_write_mem(wp, &opts, &text, &len, &d), AM_OK);
	icalcomponent *cal = parse(text);
	size_t ng = generated(wp, g, max), nx = exported(cal, x, max);
	qsort(g, ng, sizeof *g, by_title_then_date);
	qsort(x, nx, sizeof *x, by_title_then_date);
	size_t bad = ng != nx;
	for (size_t i = 0; i < ng && i < nx; i++)
		if (strcmp(g[i].title, x[i].title) || g[i].ymd != x[i].ymd || g[i].days != x[i].days) {
			if (bad++ < 5)
				print_message("%s: %s %d+%d vs %s %d+%d\n", wp->file, g[i].title, g[i].ymd, g[i].days,
				              x[i].title, x[i].ymd, x[i].days);
		}
	print_message("%s: %zu occurrences, %zu in the calendar\n", wp->file, ng, nx);
	assert_int_equal(bad, 0);
	icalcomponent_free(cal);
	free(text);
	free(g);
	free(x);
}

/* Every example and generated plans of every kind of timing: the
 * calendar holds exactly the occurrences the poster draws and lists. */
static void the_calendar_gives_the_posters_dates(void **state)
{
	(void)state;
	static const char *const examples[] = {"examples/kontor-27.xml", "examples/plejecenter-140.xml",
	                                       "examples/produktion-45.xml", "examples/toemrer-6.xml"};
	for (size_t i = 0; i < sizeof examples / sizeof examples[0]; i++) {
		arena *a = arena_new();
		am_workplace *wp = NULL;
		diag d;
		diag_init(&d);
		assert_int_equal(reader_load(a, examples[i], &wp, &d), AM_OK);
		assert_agree(wp);
		arena_free(a);
	}
	for (unsigned seed = 1; seed <= 3; seed++) {
		stress_plan p;
		stress_make(&p, seed == 3 ? 5000 : 800, seed == 1 ? 12 : 5, 2025 + (int)seed, seed);
		assert_agree(&p.wp);
		stress_free(&p);
	}
}

/* ---- the poster's dated list agrees with the calendar -------------------- */

static catalog *C;   /* the shipped Danish catalog: the poster's texts and months */

/* The poster's texts from the catalog, its style from the layout. */
static const char *layout_lookup(void *ctx, const char *key)
{
	const char *t = catalog_text(C, key, NULL);
	return t ? t : layout_text(ctx, key, NULL);
}

/* Reads "5.3.", "5." (month from `month`), "5.3.2027" at *s; the year
 * from the text, else the wheel's (its start month on). */
static bool read_day(const char **s, const am_wheel *w, int *month, int *ymd)
{
	int d = 0, m = 0, y = 0, k = 0;
	if (sscanf(*s, "%d.%n", &d, &k) != 1)
		return false;
	*s += k;
	if (sscanf(*s, "%d.%n", &m, &k) == 1) {
		*s += k;
		if (sscanf(*s, "%4d%n", &y, &k) == 1 && y > 1000)
			*s += k;
		else
			y = 0;
	}
	if (m)
		*month = m;
	if (!y)
		y = *month >= w->start_month ? w->year : w->year + 1;
	*ymd = y * 10000 + *month * 100 + d;
	return true;
}

/* The dates of one row's date text: "tor 5.3.", "15.3.–2.4.",
 * "5., 12. og 19.3.", each occurrence as (start, days). Months missing in
 * the text come from the next date that has one. Returns how many. */
static size_t read_dates(const char *text, const am_wheel *w, int *start, int *days, size_t max)
{
	char buf[512];
	snprintf(buf, sizeof buf, "%s", text);
	const char *s = buf;
	while (*s && !(*s >= '0' && *s <= '9'))
		s++;   /* a weekday first */
	size_t n = 0;
	int a[64], b[64], month = 0;
	bool has_month[64];
	while (*s && n < 64) {
		const char *before = s;
		int m0 = month;
		month = 0;
		if (!read_day(&s, w, &month, &a[n]))
			break;
		has_month[n] = month != 0;
		if (!month)
			month = m0;
		b[n] = a[n];
		if (strncmp(s, "\xE2\x80\x93", 3) == 0) {
			s += 3;
			read_day(&s, w, &month, &b[n]);
		}
		n++;
		while (*s == ',' || *s == ' ' || (*s >= 'a' && *s <= 'z'))
			s++;
		if (s == before)
			break;
	}
	/* a day without its month takes the month written after it */
	for (size_t i = n; i-- > 0;)
		if (!has_month[i] && i + 1 < n) {
			bool one_day = b[i] == a[i];
			a[i] = a[i + 1] / 100 * 100 + a[i] % 100;
			if (one_day)
				b[i] = a[i];
		}
	for (size_t i = 0; i < n && i < max; i++) {
		start[i] = a[i];
		long s0 = cal_serial(a[i] / 10000, a[i] / 100 % 100, a[i] % 100);
		long s1 = cal_serial(b[i] / 10000, b[i] / 100 % 100, b[i] % 100);
		days[i] = (int)(s1 - s0 + 1);
	}
	return n < max ? n : max;
}

/* Appends a line's text to buf, a space between: a line that broke
 * between words carries that space at its end already. */
static void append_words(char *buf, size_t cap, const char *s)
{
	size_t n = strlen(buf);
	snprintf(buf + n, cap - n, "%s%s", n && buf[n - 1] != ' ' ? " " : "", s);
	for (n = strlen(buf); n && buf[n - 1] == ' ';)
		buf[--n] = '\0';
}

/* Every row of the list pages (doc's pages from `from` on): the text at
 * the left margin is a row's dates, the bold text right of it its title. */
static size_t listed(const draw_doc *doc, size_t from, const am_wheel *w, arena *a, dated *out, size_t max)
{
	size_t n = 0;
	char date[512] = "", title[512] = "";
	float margin = 1e9f, title_x = 0;   /* the dates' column, the titles' */
	for (size_t k = from; k < doc->n_pages; k++)
		for (size_t i = 0; i < doc->pages[k].n; i++)
			if (doc->pages[k].cmds[i].kind == DRAW_TEXT) {
				const draw_cmd *c = &doc->pages[k].cmds[i];
				margin = fminf(margin, c->u.text.x);
				if (c->u.text.style == FONT_BOLD)
					title_x = fmaxf(title_x, c->u.text.x);
			}
	for (size_t k = from; k <= doc->n_pages; k++)
		for (size_t i = 0; k < doc->n_pages ? i <= doc->pages[k].n : i == 0; i++) {
			const draw_cmd *c = k < doc->n_pages && i < doc->pages[k].n ? &doc->pages[k].cmds[i] : NULL;
			if (c && c->kind != DRAW_TEXT)
				continue;
			bool is_date = c && c->u.text.x < margin + 0.5f && c->u.text.style == FONT_REGULAR &&
			               c->u.text.utf8[0] != 'A' && strchr(c->u.text.utf8, '.');
			bool is_title = c && c->u.text.style == FONT_BOLD && c->u.text.x > title_x - 0.5f;
			if ((!c || is_date) && *title) {   /* a row ends where the next begins */
				int st[64], ds[64];
				size_t m = read_dates(date, w, st, ds, 64);
				for (size_t j = 0; j < m && n < max; j++)
					out[n++] = (dated){arena_strdup(a, title), st[j], ds[j]};
				*date = *title = '\0';
			}
			if (is_date && !*title)
				append_words(date, sizeof date, c->u.text.utf8);
			else if (is_title)
				append_words(title, sizeof title, c->u.text.utf8);
			else if (c && c->u.text.style == FONT_BOLD && *title == '\0' && c->u.text.x <= margin + 0.5f)
				*date = '\0';   /* a heading */
		}
	return n;
}

static void assert_list_agrees(const am_workplace *wp, const text_measurer *m, layout *l)
{
	size_t max = wp->wheel.n_activities * OCCUR_MAX + 1;
	dated *x = calloc(max, sizeof *x), *y = calloc(max, sizeof *y);
	arena *a = arena_new();
	draw_doc doc;
	draw_init(&doc, a);
	aarshjul_opts o = {.measurer = m, .text = layout_lookup, .text_ctx = l, .year = wp->wheel.year};
	for (int i = 0; i < 12; i++)
		o.months[i] = catalog_month(C, i + 1);
	diag d;
	diag_init(&d);
	assert_int_equal(aarshjul_draw_list(&doc, wp, &o, &d), AM_OK);
	char *text;
	size_t len;
	assert_int_equal(ics_write_mem(wp, &opts, &text, &len, &d), AM_OK);
	icalcomponent *cal = parse(text);
	size_t nx = exported(cal, x, max), ny = listed(&doc, 0, &wp->wheel, a, y, max);
	qsort(x, nx, sizeof *x, by_title_then_date);
	qsort(y, ny, sizeof *y, by_title_then_date);
	size_t bad = nx != ny;
	for (size_t i = 0; i < nx && i < ny; i++)
		if (strcmp(x[i].title, y[i].title) || x[i].ymd != y[i].ymd || x[i].days != y[i].days) {
			if (bad++ < 5)
				print_message("%s: calendar %s %d+%d, list %s %d+%d\n", wp->file, x[i].title, x[i].ymd, x[i].days,
				              y[i].title, y[i].ymd, y[i].days);
		}
	print_message("%s: %zu dates in the calendar, %zu in the list on %zu pages\n", wp->file, nx, ny, doc.n_pages);
	assert_int_equal(bad, 0);
	icalcomponent_free(cal);
	free(text);
	free(x);
	free(y);
	arena_free(a);
}

/* Every example and generated plans: the dates the list prints are the
 * calendar's, one for one. */
static void the_posters_list_gives_the_calendars_dates(void **state)
{
	(void)state;
	diag d;
	diag_init(&d);
	font_family *f = font_load("fonts", &d);
	arena *la = arena_new();
	layout *l = NULL;
	assert_non_null(f);
	assert_int_equal(layout_load(la, "layouts/aarshjul.xml", &l, &d), AM_OK);
	assert_int_equal(catalog_load(la, "layouts", "da", NULL, &C, &d), AM_OK);
	text_measurer m = font_measurer(f);
	static const char *const examples[] = {"examples/kontor-27.xml", "examples/plejecenter-140.xml",
	                                       "examples/produktion-45.xml", "examples/toemrer-6.xml"};
	for (size_t i = 0; i < sizeof examples / sizeof examples[0]; i++) {
		arena *a = arena_new();
		am_workplace *wp = NULL;
		assert_int_equal(reader_load(a, examples[i], &wp, &d), AM_OK);
		assert_list_agrees(wp, &m, l);
		arena_free(a);
	}
	for (unsigned seed = 1; seed <= 3; seed++) {
		stress_plan p;
		stress_make(&p, seed == 3 ? 2000 : 600, seed == 1 ? 12 : 5, 2025 + (int)seed, seed + 10);
		assert_list_agrees(&p.wp, &m, l);
		stress_free(&p);
	}
	arena_free(la);
	font_free(f);
}

/* ---- the tests ---------------------------------------------------------- */

static void header_names_the_calendar(void **state)
{
	(void)state;
	model *m = model_new();
	on_date(m, "Lokal-MED", 2026, 2, 24);
	char *text = export(m, &opts, NULL);
	assert_true(strncmp(text, "BEGIN:VCALENDAR\r\n", 17) == 0);
	assert_non_null(strstr(text, "\r\nPRODID:-//amokit//amokit 0.1.0//DA\r\n"));
	assert_non_null(strstr(text, "\r\nVERSION:2.0\r\n"));
	assert_non_null(strstr(text, "\r\nCALSCALE:GREGORIAN\r\n"));
	char line[512];
	assert_true(find_line(text, "X-WR-CALNAME:", line, sizeof line));
	assert_string_equal(line, "X-WR-CALNAME:Årshjul 2026 – Plejecenter Solsikken\\, Vest");
	assert_non_null(strstr(text, "\r\nDTSTAMP:20260101T000000Z\r\n"));
	assert_null(strstr(text, "VTIMEZONE"));  /* no timed event, no time zone */
	size_t n = strlen(text);
	assert_true(n > 15 && strcmp(text + n - 15, "END:VCALENDAR\r\n") == 0);
	free(text);
	model_free(m);
}

static void danish_text_and_separators_round_trip(void **state)
{
	(void)state;
	model *m = model_new();
	static const char *titles[] = {
		"æøå – ÆØÅ",
		"Møde, kaffe; kage",
		"Sti C:\\amo\\plan og \"citat\"",
		"Første linje\nanden linje",
		("Ergonomisk vurdering af forflytninger i Søhuset, Engen og Skovbrynet; "
		 "også nattevagterne – særligt på værelserne med loftlift og på badeværelserne"),
	};
	for (size_t i = 0; i < 5; i++) {
		am_activity *a = on_date(m, titles[i], 2026, 5, (int)i + 1);
		a->responsible = "Søren Ågård, Ib; m.fl.";
		a->ring = &m->rings[i % 2];
	}
	char *text = export(m, &opts, NULL);
	icalcomponent *cal = parse(text);
	assert_int_equal(count(cal, ICAL_VEVENT_COMPONENT), 5);
	for (int i = 0; i < 5; i++) {
		icalcomponent *ev = event(cal, i);
		assert_string_equal(icalcomponent_get_summary(ev), titles[i]);
		assert_string_equal(icalcomponent_get_description(ev), "Ansvarlig: Søren Ågård, Ib; m.fl.");
		icalproperty *c = icalcomponent_get_first_property(ev, ICAL_CATEGORIES_PROPERTY);
		assert_non_null(c);
		assert_string_equal(icalproperty_get_categories(c), m->rings[i % 2].name);
		assert_null(icalcomponent_get_next_property(ev, ICAL_CATEGORIES_PROPERTY));
	}
	char line[512];
	assert_true(find_line(text, "CATEGORIES:APV", line, sizeof line));
	assert_string_equal(line, "CATEGORIES:APV\\, trivsel\\; måling");
	assert_true(find_line(text, "SUMMARY:Møde", line, sizeof line));
	assert_string_equal(line, "SUMMARY:Møde\\, kaffe\\; kage");
	icalcomponent_free(cal);
	free(text);
	model_free(m);
}

static void without_labels_the_name_stands_alone(void **state)
{
	(void)state;
	model *m = model_new();
	on_date(m, "Lokal-MED", 2026, 2, 24)->responsible = "Karen";
	ics_opts bare = {NULL, NULL, JAN_1_2026};
	char *text = export(m, &bare, NULL);
	char line[512];
	assert_true(find_line(text, "X-WR-CALNAME:", line, sizeof line));
	assert_string_equal(line, "X-WR-CALNAME:2026 – Plejecenter Solsikken\\, Vest");
	assert_true(find_line(text, "DESCRIPTION:", line, sizeof line));
	assert_string_equal(line, "DESCRIPTION:Karen");
	free(text);
	model_free(m);
}

static void dates_periods_months_and_weeks_are_all_day(void **state)
{
	(void)state;
	model *m = model_new();
	on_date(m, "Dag", 2026, 12, 31);
	am_activity *p = add(m, "Periode", WHEN_PERIOD);
	p->from = (am_date){2026, 3, 2};
	p->to = (am_date){2026, 3, 20};
	add(m, "Februar", WHEN_MONTH)->month = 2;
	add(m, "Uge 53", WHEN_WEEK)->week = 53;
	add(m, "Uge 1", WHEN_WEEK)->week = 1;
	add(m, "Uge 7", WHEN_WEEK)->week = 7;
	char *text = export(m, &opts, NULL);
	icalcomponent *cal = parse(text);
	assert_int_equal(count(cal, ICAL_VEVENT_COMPONENT), 6);
	static const int want[6][6] = {
		{2026, 12, 31, 2027, 1, 1},
		{2026, 3, 2, 2026, 3, 21},
		{2026, 2, 1, 2026, 3, 1},
		{2026, 12, 28, 2027, 1, 4},   /* week 53: Monday 28 Dec .. Sunday 3 Jan */
		{2025, 12, 29, 2026, 1, 5},   /* week 1: Monday 29 Dec 2025 .. Sunday 4 Jan */
		{2026, 2, 9, 2026, 2, 16},
	};
	for (int i = 0; i < 6; i++) {
		icalcomponent *ev = event(cal, i);
		assert_date(icalcomponent_get_dtstart(ev), want[i][0], want[i][1], want[i][2]);
		assert_date(icalcomponent_get_dtend(ev), want[i][3], want[i][4], want[i][5]);
	}
	assert_non_null(strstr(text, "\r\nDTSTART;VALUE=DATE:20261228\r\nDTEND;VALUE=DATE:20270104\r\n"));
	icalcomponent_free(cal);
	free(text);
	model_free(m);
}

static void a_wheel_from_august_puts_early_months_and_weeks_in_the_next_year(void **state)
{
	(void)state;
	model *m = model_new();
	m->wp.wheel.start_month = 8;
	add(m, "Marts", WHEN_MONTH)->month = 3;
	add(m, "September", WHEN_MONTH)->month = 9;
	add(m, "Uge 5", WHEN_WEEK)->week = 5;
	add(m, "Uge 40", WHEN_WEEK)->week = 40;
	char *text = export(m, &opts, NULL);
	icalcomponent *cal = parse(text);
	assert_date(icalcomponent_get_dtstart(event(cal, 0)), 2027, 3, 1);
	assert_date(icalcomponent_get_dtend(event(cal, 0)), 2027, 4, 1);
	assert_date(icalcomponent_get_dtstart(event(cal, 1)), 2026, 9, 1);
	assert_date(icalcomponent_get_dtstart(event(cal, 2)), 2027, 2, 1);
	assert_date(icalcomponent_get_dtstart(event(cal, 3)), 2026, 9, 28);
	icalcomponent_free(cal);
	free(text);
	model_free(m);
}

static void repeats_become_monthly_rules_to_their_last_occurrence(void **state)
{
	(void)state;
	model *m = model_new();
	on_date(m, "Månedlig", 2026, 1, 7)->repeat = REPEAT_MONTHLY;
	on_date(m, "Kvartal", 2026, 2, 10)->repeat = REPEAT_QUARTERLY;
	on_date(m, "Ultimo", 2026, 3, 31)->repeat = REPEAT_QUARTERLY;
	on_date(m, "Den 30.", 2026, 1, 30)->repeat = REPEAT_MONTHLY;
	on_date(m, "Fra maj", 2026, 5, 15)->repeat = REPEAT_MONTHLY;
	char *text = export(m, &opts, NULL);
	icalcomponent *cal = parse(text);
	int occ[40];

	icalcomponent *ev = event(cal, 0);
	struct icalrecurrencetype r = icalproperty_get_rrule(icalcomponent_get_first_property(ev, ICAL_RRULE_PROPERTY));
	assert_int_equal(r.freq, ICAL_MONTHLY_RECURRENCE);
	assert_int_equal(r.interval, 1);
	assert_date(r.until, 2026, 12, 7);
	assert_int_equal(occurrences(ev, occ, 40), 12);
	assert_int_equal(occ[11], 20261207);

	ev = event(cal, 1);
	r = icalproperty_get_rrule(icalcomponent_get_first_property(ev, ICAL_RRULE_PROPERTY));
	assert_int_equal(r.interval, 3);
	assert_int_equal(occurrences(ev, occ, 40), 4);
	assert_int_equal(occ[0], 20260210);
	assert_int_equal(occ[1], 20260510);
	assert_int_equal(occ[3], 20261110);

	/* The 31st stays at the end of shorter months instead of skipping them. */
	assert_int_equal(occurrences(event(cal, 2), occ, 40), 4);
	assert_int_equal(occ[0], 20260331);
	assert_int_equal(occ[1], 20260630);
	assert_int_equal(occ[2], 20260930);
	assert_int_equal(occ[3], 20261231);

	assert_int_equal(occurrences(event(cal, 3), occ, 40), 12);
	assert_int_equal(occ[0], 20260130);
	assert_int_equal(occ[1], 20260228);
	assert_int_equal(occ[2], 20260330);

	assert_int_equal(occurrences(event(cal, 4), occ, 40), 8);
	assert_int_equal(occ[7], 20261215);

	assert_non_null(strstr(text, "\r\nRRULE:FREQ=MONTHLY;UNTIL=20261207\r\n"));
	assert_non_null(strstr(text, "\r\nRRULE:FREQ=MONTHLY;UNTIL=20261110;INTERVAL=3\r\n"));
	icalcomponent_free(cal);
	free(text);
	model_free(m);
}

/* The dates of every VEVENT of cal whose SUMMARY is title: its DTSTART and
 * its rule's occurrences, as yyyymmdd, in order; *days the length of the
 * first in days. */
static int dates_of(icalcomponent *cal, const char *title, int *out, int max, int *days)
{
	int n = 0;
	for (icalcomponent *ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); ev;
	     ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT)) {
		if (strcmp(icalcomponent_get_summary(ev), title) != 0)
			continue;
		struct icaltimetype s = icalcomponent_get_dtstart(ev), e = icalcomponent_get_dtend(ev);
		if (days && !n)
			*days = icaltime_day_of_year(e) - icaltime_day_of_year(s) + 365 * (e.year - s.year);
		if (icalcomponent_get_first_property(ev, ICAL_RRULE_PROPERTY))
			n += occurrences(ev, out + n, max - n);
		else if (n < max)
			out[n++] = s.year * 10000 + s.month * 100 + s.day;
	}
	return n;
}

static void weeks_and_nth_weekdays_become_rules(void **state)
{
	(void)state;
	model *m = model_new();
	on_date(m, "Ugentlig", 2026, 1, 7)->repeat = REPEAT_WEEKLY;
	on_date(m, "Hver anden uge", 2026, 1, 5)->repeat = REPEAT_FORTNIGHTLY;
	am_activity *a = on_date(m, "Første fredag", 2026, 1, 2);
	a->repeat = REPEAT_MONTHLY;
	a->on = ON_WEEKDAY;
	a = on_date(m, "Sidste torsdag", 2026, 1, 29);
	a->repeat = REPEAT_QUARTERLY;
	a->on = ON_LAST_WEEKDAY;
	char *text = export(m, &opts, NULL);
	icalcomponent *cal = parse(text);
	int d[60];
	assert_int_equal(count(cal, ICAL_VEVENT_COMPONENT), 4);
	assert_int_equal(dates_of(cal, "Ugentlig", d, 60, NULL), 52);
	assert_int_equal(d[51], 20261230);
	assert_int_equal(dates_of(cal, "Hver anden uge", d, 60, NULL), 26);
	assert_int_equal(d[25], 20261221);
	assert_int_equal(dates_of(cal, "Første fredag", d, 60, NULL), 12);
	assert_int_equal(d[3], 20260403);
	assert_int_equal(d[11], 20261204);
	assert_int_equal(dates_of(cal, "Sidste torsdag", d, 60, NULL), 4);
	assert_int_equal(d[1], 20260430);
	assert_int_equal(d[3], 20261029);
	assert_non_null(strstr(text, "\r\nRRULE:FREQ=WEEKLY;UNTIL=20261230\r\n"));
	assert_non_null(strstr(text, "BYDAY=1FR"));
	assert_non_null(strstr(text, "BYDAY=-1TH"));
	icalcomponent_free(cal);
	free(text);
	model_free(m);
}

/* Moved occurrences, whole months and series that begin late are written
 * one event each, with exactly the poster's dates; a series with none in
 * the year is not written. */
static void irregular_series_become_one_event_per_occurrence(void **state)
{
	(void)state;
	model *m = model_new();
	am_activity *a = on_date(m, "Flyttet", 2026, 1, 6);
	a->repeat = REPEAT_MONTHLY;
	a->next_workday = true;
	a = add(m, "Hele måneder", WHEN_MONTH);
	a->month = 3;
	a->repeat = REPEAT_MONTHLY;
	on_date(m, "Næste gang 2027", 2025, 5, 1)->repeat = REPEAT_BIENNIAL;
	char *text = export(m, &opts, NULL);
	icalcomponent *cal = parse(text);
	int d[60], days = 0;
	assert_int_equal(dates_of(cal, "Flyttet", d, 60, NULL), 12);
	assert_int_equal(d[3], 20260407);   /* not Easter Monday */
	assert_int_equal(d[5], 20260608);   /* not a Saturday */
	assert_int_equal(dates_of(cal, "Hele måneder", d, 60, &days), 10);
	assert_int_equal(d[0], 20260301);
	assert_int_equal(days, 31);
	assert_int_equal(d[1], 20260401);
	assert_int_equal(dates_of(cal, "Næste gang 2027", d, 60, NULL), 0);
	assert_int_equal(count(cal, ICAL_VEVENT_COMPONENT), 22);
	assert_null(strstr(text, "RRULE:FREQ=MONTHLY"));
	icalcomponent_free(cal);
	free(text);
	model_free(m);
}

static void a_time_of_day_makes_a_timed_event_in_copenhagen(void **state)
{
	(void)state;
	model *m = model_new();
	am_activity *a = on_date(m, "Lokal-MED", 2026, 2, 24);
	a->start = 13 * 60;
	a->end = 15 * 60;
	a = on_date(m, "Arbejdsmiljøgruppe", 2026, 1, 20);
	a->start = 21 * 60 + 30;
	a->repeat = REPEAT_MONTHLY;
	a = add(m, "Kursus", WHEN_PERIOD);
	a->from = (am_date){2026, 2, 16};
	a->to = (am_date){2026, 2, 18};
	a->start = 8 * 60;
	a->end = 16 * 60;
	char *text = export(m, &opts, NULL);
	icalcomponent *cal = parse(text);
	assert_int_equal(count(cal, ICAL_VTIMEZONE_COMPONENT), 1);
	assert_non_null(strstr(text, "\r\nBEGIN:VTIMEZONE\r\nTZID:Europe/Copenhagen\r\n"));
	/* libical writes the parts of a rule in its own order. */
	assert_non_null(strstr(text, "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\n"));
	assert_non_null(strstr(text, "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\n"));
	assert_non_null(strstr(text, "\r\nDTSTART;TZID=Europe/Copenhagen:20260224T130000\r\n"
	                             "DTEND;TZID=Europe/Copenhagen:20260224T150000\r\n"));
	/* A start alone on one day: no DTEND, so the event ends at its start. */
	icalcomponent *ev = event(cal, 1);
	assert_null(icalcomponent_get_first_property(ev, ICAL_DTEND_PROPERTY));
	/* UNTIL is UTC for a timed rule: 23:59:59 CET on the day of the last. */
	assert_non_null(strstr(text, "\r\nRRULE:FREQ=MONTHLY;UNTIL=20261220T225959Z\r\n"));
	int occ[20];
	assert_int_equal(occurrences(ev, occ, 20), 12);
	assert_non_null(strstr(text, "\r\nDTSTART;TZID=Europe/Copenhagen:20260216T080000\r\n"
	                             "DTEND;TZID=Europe/Copenhagen:20260218T160000\r\n"));
	icalcomponent_free(cal);
	free(text);
	model_free(m);
}

static void a_wheel_ending_in_summer_ends_its_rules_in_summer_time(void **state)
{
	(void)state;
	model *m = model_new();
	m->wp.wheel.start_month = 8;
	am_activity *a = on_date(m, "Møde", 2026, 8, 4);
	a->start = 9 * 60;
	a->repeat = REPEAT_MONTHLY;
	char *text = export(m, &opts, NULL);
	/* The last is on 4 July 2027: its day ends 23:59:59 CEST = 21:59:59 UTC. */
	assert_non_null(strstr(text, "\r\nRRULE:FREQ=MONTHLY;UNTIL=20270704T215959Z\r\n"));
	free(text);
	model_free(m);
}

/* Length of the UTF-8 sequence led by c; 0 for a continuation byte. */
static int utf8_len(unsigned char c)
{
	return c < 0x80 ? 1 : c < 0xC0 ? 0 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

static void lines_end_in_crlf_and_fold_between_characters(void **state)
{
	(void)state;
	model *m = model_new();
	on_date(m, "æøåÆØÅæøåÆØÅæøåÆØÅæøåÆØÅæøåÆØÅæøåÆØÅæøåÆØÅæøåÆØÅæøåÆØÅæøåÆØÅæøåÆØÅæøå"
	                "æøåÆØÅæøåÆØÅæøåÆØÅæøåÆØÅæøåÆØÅæøåÆØÅæøåÆØÅæøåÆØÅæøåÆØÅæøåÆØÅæøåÆØÅæøå", 2026, 4, 1);
	on_date(m, "a€b€c€d€e€f€g€h€i€j€k€l€m€n€o€p€q€r€s€t€u€v€w€x€y€z€a€b€c€d€e€f€g€h€", 2026, 4, 2);
	on_date(m, "x😀x😀x😀x😀x😀x😀x😀x😀x😀x😀x😀x😀x😀x😀x😀x😀x😀x😀x😀x😀x😀x😀x😀x😀x😀", 2026, 4, 3);
	on_date(m, "Kort", 2026, 4, 4)->responsible =
		"Mette Kjær, Birgitte Holm Nielsen, Hanne Lykke, Jesper Vang, Louise Winther, Ole Damgaard";
	size_t n;
	char *text = export(m, &opts, &n);
	int folded = 0;
	const char *line = text;
	for (size_t i = 0; i < n; i++) {
		if (text[i] == '\r') {
			assert_true(i + 1 < n && text[i + 1] == '\n');
			size_t len = (size_t)(text + i - line);
			assert_true(len <= 75);
			/* The physical line holds whole characters only. */
			size_t k = line[0] == ' ' && line != text ? 1 : 0;
			folded += (int)k;
			while (k < len) {
				int l = utf8_len((unsigned char)line[k]);
				assert_true(l > 0);
				for (int j = 1; j < l; j++)
					assert_int_equal((unsigned char)line[k + (size_t)j] & 0xC0, 0x80);
				k += (size_t)l;
			}
			assert_int_equal(k, len);
			line = text + i + 2;
			i++;
		} else {
			assert_true(text[i] != '\n');
		}
	}
	assert_ptr_equal(line, text + n);
	assert_true(folded >= 5);
	icalcomponent *cal = parse(text);
	for (int i = 0; i < 4; i++)
		assert_string_equal(icalcomponent_get_summary(event(cal, i)), m->acts[i].title);
	icalcomponent_free(cal);
	free(text);
	model_free(m);
}

static void the_same_input_gives_the_same_bytes(void **state)
{
	(void)state;
	model *m = model_new();
	on_date(m, "Lokal-MED", 2026, 2, 24)->start = 13 * 60;
	add(m, "Uge 53", WHEN_WEEK)->week = 53;
	size_t n1, n2;
	char *a = export(m, &opts, &n1);
	char *b = export(m, &opts, &n2);
	assert_int_equal(n1, n2);
	assert_memory_equal(a, b, n1);
	free(a);
	free(b);

	/* Without a timestamp: SOURCE_DATE_EPOCH, else the meeting date. */
	ics_opts from_env = {"Årshjul", "Ansvarlig", -1};
	setenv("SOURCE_DATE_EPOCH", "1780000000", 1);
	a = export(m, &from_env, NULL);
	assert_non_null(strstr(a, "\r\nDTSTAMP:20260528T202640Z\r\n"));
	unsetenv("SOURCE_DATE_EPOCH");
	b = export(m, &from_env, NULL);
	assert_non_null(strstr(b, "\r\nDTSTAMP:20260310T000000Z\r\n"));
	free(a);
	free(b);
	m->wp.meeting.date = (am_date){0, 0, 0};
	a = export(m, NULL, NULL);
	assert_non_null(strstr(a, "\r\nDTSTAMP:20260101T000000Z\r\n"));
	free(a);
	model_free(m);
}

static void uid_of(const char *text, int n, char *uid, size_t max)
{
	icalcomponent *cal = parse(text);
	const char *u = icalcomponent_get_uid(event(cal, n));
	assert_non_null(u);
	assert_true(strlen(u) < max);
	strcpy(uid, u);
	icalcomponent_free(cal);
}

static void uids_are_stable_and_distinct(void **state)
{
	(void)state;
	model *m = model_new();
	on_date(m, "Lokal-MED", 2026, 2, 24);
	on_date(m, "Lokal-MED", 2026, 2, 24);   /* same again: told apart by its index */
	on_date(m, "Lokal-MED", 2026, 4, 21);
	add(m, "Lokal-MED", WHEN_MONTH)->month = 2;
	char *text = export(m, &opts, NULL);
	char uids[4][80];
	for (int i = 0; i < 4; i++) {
		uid_of(text, i, uids[i], sizeof uids[i]);
		assert_int_equal(strlen(uids[i]), 32 + strlen("@amokit"));
		assert_int_equal(strspn(uids[i], "0123456789abcdef"), 32);
		for (int j = 0; j < i; j++)
			assert_string_not_equal(uids[i], uids[j]);
	}
	free(text);

	char uid[80];
	m->acts[0].responsible = "Karen";           /* not part of the identity */
	text = export(m, &opts, NULL);
	uid_of(text, 0, uid, sizeof uid);
	assert_string_equal(uid, uids[0]);
	free(text);

	m->acts[0].title = "Lokal-MED, ekstra";      /* another event */
	text = export(m, &opts, NULL);
	uid_of(text, 0, uid, sizeof uid);
	assert_string_not_equal(uid, uids[0]);
	uid_of(text, 2, uid, sizeof uid);
	assert_string_equal(uid, uids[2]);
	free(text);

	m->wp.name = "Et andet sted";                /* another workplace */
	text = export(m, &opts, NULL);
	uid_of(text, 2, uid, sizeof uid);
	assert_string_not_equal(uid, uids[2]);
	free(text);
	model_free(m);
}

static void derived_activities_are_included(void **state)
{
	(void)state;
	model *m = model_new();
	on_date(m, "Lokal-MED", 2026, 2, 24);
	am_activity *a = add(m, "Årlig arbejdsmiljødrøftelse", WHEN_MONTH);
	a->month = 3;
	a->derived = true;
	char *text = export(m, &opts, NULL);
	icalcomponent *cal = parse(text);
	assert_int_equal(count(cal, ICAL_VEVENT_COMPONENT), 2);
	assert_string_equal(icalcomponent_get_summary(event(cal, 1)), "Årlig arbejdsmiljødrøftelse");
	icalcomponent_free(cal);
	free(text);
	model_free(m);
}

static void a_workplace_without_a_wheel_is_refused(void **state)
{
	(void)state;
	model *m = model_new();
	m->wp.wheel = (am_wheel){0};
	diag d;
	diag_init(&d);
	char *out = (char *)"untouched";
	size_t n = 7;
	assert_int_equal(ics_write_mem(&m->wp, &opts, &out, &n, &d), AM_EINPUT);
	assert_null(out);
	assert_int_equal(n, 0);
	assert_int_equal(d.errors, 1);
	assert_string_equal(d.entries[0].file, "test.xml");
	model_free(m);
}

/* Entries in dir other than "." and "..". */
static int entries(const char *dir)
{
	DIR *dp = opendir(dir);
	assert_non_null(dp);
	int n = 0;
	for (struct dirent *e; (e = readdir(dp));)
		n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
	closedir(dp);
	return n;
}

static void files_are_written_whole_or_not_at_all(void **state)
{
	(void)state;
	model *m = model_new();
	on_date(m, "Lokal-MED", 2026, 2, 24);
	char dir[] = "/tmp/test_ics.XXXXXX";
	assert_non_null(mkdtemp(dir));
	char path[128], sub[128], missing[128];
	snprintf(path, sizeof path, "%s/x.ics", dir);
	snprintf(sub, sizeof sub, "%s/sub", dir);
	snprintf(missing, sizeof missing, "%s/no/x.ics", dir);
	diag d;
	diag_init(&d);
	assert_int_equal(ics_write(&m->wp, &opts, path, &d), AM_OK);
	assert_int_equal(entries(dir), 1);

	size_t n;
	char *want = export(m, &opts, &n);
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	char got[8192];
	size_t k = fread(got, 1, sizeof got, f);
	fclose(f);
	assert_int_equal(k, n);
	assert_memory_equal(got, want, n);
	free(want);

	/* Into a missing directory, or onto a directory: an I/O error, nothing left. */
	assert_int_equal(ics_write(&m->wp, &opts, missing, &d), AM_EUSAGE);
	assert_int_equal(mkdir(sub, 0700), 0);
	assert_int_equal(ics_write(&m->wp, &opts, sub, &d), AM_EUSAGE);
	assert_int_equal(d.errors, 2);
	assert_int_equal(entries(dir), 2);
	assert_int_equal(entries(sub), 0);

	assert_int_equal(rmdir(sub), 0);
	assert_int_equal(unlink(path), 0);
	assert_int_equal(rmdir(dir), 0);
	model_free(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(header_names_the_calendar),
		cmocka_unit_test(danish_text_and_separators_round_trip),
		cmocka_unit_test(without_labels_the_name_stands_alone),
		cmocka_unit_test(dates_periods_months_and_weeks_are_all_day),
		cmocka_unit_test(a_wheel_from_august_puts_early_months_and_weeks_in_the_next_year),
		cmocka_unit_test(repeats_become_monthly_rules_to_their_last_occurrence),
		cmocka_unit_test(weeks_and_nth_weekdays_become_rules),
		cmocka_unit_test(irregular_series_become_one_event_per_occurrence),
		cmocka_unit_test(a_time_of_day_makes_a_timed_event_in_copenhagen),
		cmocka_unit_test(a_wheel_ending_in_summer_ends_its_rules_in_summer_time),
		cmocka_unit_test(lines_end_in_crlf_and_fold_between_characters),
		cmocka_unit_test(the_same_input_gives_the_same_bytes),
		cmocka_unit_test(uids_are_stable_and_distinct),
		cmocka_unit_test(derived_activities_are_included),
		cmocka_unit_test(a_workplace_without_a_wheel_is_refused),
		cmocka_unit_test(files_are_written_whole_or_not_at_all),
		cmocka_unit_test(the_calendar_gives_the_posters_dates),
		cmocka_unit_test(the_posters_list_gives_the_calendars_dates),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
