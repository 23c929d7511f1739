/* test_aarshjul.c: the poster's draw list: no label boxes intersect, none
 * leaves the area, every activity is shown, no text is upside down. */
#include "testutil.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "aarshjul.h"
#include "font.h"
#include "reader.h"
#include "rhythm.h"
#include "wheel.h"

static const char *MONTHS[12] = {"januar", "februar", "marts", "april", "maj", "juni", "juli",
                                 "august", "september", "oktober", "november", "december"};
static const char *WORDS[] = {"møde", "APV", "runde", "kursus", "opfølgning", "trivsel",
                              "brandøvelse", "kemi", "evaluering", "sikkerhed", "ergonomi"};

typedef struct quad { double x[4], y[4]; } quad;

/* The box of a DRAW_TEXT from its baseline start, angle, width and the
 * measurer's ascent and descent. */
static quad text_box(const draw_cmd *c, const text_measurer *m)
{
	double size = c->u.text.size, th = c->u.text.angle;
	double w = m->fn(m->ctx, c->u.text.style, (float)size, c->u.text.utf8, strlen(c->u.text.utf8));
	double dx = cos(th), dy = -sin(th), ux = -sin(th), uy = -cos(th);
	double a = m->ascent * size, d = -m->descent * size;
	double us[4] = {0, w, w, 0}, vs[4] = {d, d, a, a};
	quad q;
	for (int i = 0; i < 4; i++) {
		q.x[i] = c->u.text.x + us[i] * dx + vs[i] * ux;
		q.y[i] = c->u.text.y + us[i] * dy + vs[i] * uy;
	}
	return q;
}

/* Separating-axis test for two convex quadrilaterals; a touch of eps is
 * allowed. */
static bool separated_on(const quad *a, const quad *b, const quad *edges, double eps)
{
	for (int i = 0; i < 4; i++) {
		double ex = edges->x[(i + 1) % 4] - edges->x[i], ey = edges->y[(i + 1) % 4] - edges->y[i];
		double nx = -ey, ny = ex, len = sqrt(nx * nx + ny * ny);
		if (len < 1e-9)
			continue;
		nx /= len;
		ny /= len;
		double amin = 1e30, amax = -1e30, bmin = 1e30, bmax = -1e30;
		for (int k = 0; k < 4; k++) {
			double pa = a->x[k] * nx + a->y[k] * ny, pb = b->x[k] * nx + b->y[k] * ny;
			amin = fmin(amin, pa);
			amax = fmax(amax, pa);
			bmin = fmin(bmin, pb);
			bmax = fmax(bmax, pb);
		}
		if (amax <= bmin + eps || bmax <= amin + eps)
			return true;
	}
	return false;
}

static bool intersect(const quad *a, const quad *b)
{
	return !separated_on(a, b, a, 0.01) && !separated_on(a, b, b, 0.01);
}

typedef struct plan {
	am_workplace wp;
	am_ring rings[5];
	am_activity *acts;
	char (*titles)[128];
} plan;

/* 300 activities: 40 in ISO week 23, every tenth with an 80-character
 * title, some periods, months and recurrences. */
static void make_plan(plan *p, size_t n)
{
	memset(p, 0, sizeof *p);
	static const char *names[5] = {"Møder", "APV", "Uddannelse", "Runderinger", "Drøftelse"};
	for (int i = 0; i < 5; i++)
		p->rings[i] = (am_ring){.id = names[i], .name = names[i], .colour = 0};
	p->acts = calloc(n, sizeof *p->acts);
	p->titles = calloc(n, sizeof *p->titles);
	srand(12345);
	for (size_t i = 0; i < n; i++) {
		am_activity *a = &p->acts[i];
		char *t = p->titles[i];
		snprintf(t, 128, "A%zu", i);
		size_t want = i % 10 == 0 ? 80 : 6 + (size_t)(rand() % 24);
		while (strlen(t) < want) {
			strcat(t, " ");
			strcat(t, WORDS[rand() % 11]);
		}
		t[want] = '\0';
		if (t[want - 1] == ' ')
			t[want - 1] = 'x';
		a->title = t;
		a->line = (int)i + 1;
		a->ring = &p->rings[i % 5];
		a->responsible = i % 4 == 0 ? "AMR" : NULL;
		a->start = a->end = -1;
		if (i < 40) {
			a->when = WHEN_DATE;
			a->from = (am_date){2026, 6, 1 + (int)(i % 7)};   /* week 23 */
		} else if (i % 9 == 0) {
			a->when = WHEN_PERIOD;
			a->from = (am_date){2026, 1 + rand() % 11, 1 + rand() % 20};
			a->to = (am_date){a->from.y, a->from.m + 1, a->from.d};
		} else if (i % 13 == 0) {
			a->when = WHEN_MONTH;
			a->month = 1 + rand() % 12;
		} else if (i % 17 == 0) {
			a->when = WHEN_WEEK;
			a->week = 1 + rand() % 53;
		} else {
			a->when = WHEN_DATE;
			a->from = (am_date){2026, 1 + rand() % 12, 1 + rand() % 28};
			a->repeat = i % 31 == 0 ? REPEAT_QUARTERLY : i % 47 == 0 ? REPEAT_MONTHLY : REPEAT_NONE;
		}
	}
	p->wp.name = "Plejecenter Solbakken";
	p->wp.wheel = (am_wheel){.line = 1, .year = 2026, .start_month = 1, .rings = p->rings,
	                         .n_rings = 5, .activities = p->acts, .n_activities = n};
}

static void free_plan(plan *p)
{
	free(p->acts);
	free(p->titles);
}

static aarshjul_opts make_opts(aarshjul_stats *st)
{
	aarshjul_opts o = {.measurer = &text_fake_measurer, .year = 2026, .stats = st};
	for (int i = 0; i < 12; i++)
		o.texts.months[i] = MONTHS[i];
	o.texts.title = "Årshjul";
	o.texts.legend_title = "Ringe";
	o.texts.week_label = "Uge";
	o.texts.list_title = "Aktiviteter";
	o.texts.goals_title = "Mål";
	o.texts.focus_title = "Fokus";
	o.texts.footer = "Udarbejdet 1. marts 2026";
	return o;
}

/* Every text of the page joined by spaces, for finding wrapped list entries. */
static char *all_text(const draw_page *pg)
{
	size_t len = 1;
	for (size_t i = 0; i < pg->n; i++)
		if (pg->cmds[i].kind == DRAW_TEXT)
			len += strlen(pg->cmds[i].u.text.utf8) + 1;
	char *s = calloc(1, len);
	for (size_t i = 0; i < pg->n; i++)
		if (pg->cmds[i].kind == DRAW_TEXT) {
			strcat(s, pg->cmds[i].u.text.utf8);
			strcat(s, " ");
		}
	return s;
}

/* The measurer the checks use: the one the poster was drawn with. */
static const text_measurer *checked_with = &text_fake_measurer;

static void check_page(const draw_page *pg, rect area, const plan *p, size_t n, const aarshjul_stats *st)
{
	const text_measurer *m = checked_with;
	size_t nt = 0;
	quad *q = calloc(pg->n, sizeof *q);
	for (size_t i = 0; i < pg->n; i++) {
		const draw_cmd *c = &pg->cmds[i];
		if (c->kind != DRAW_TEXT)
			continue;
		/* never upside down */
		assert_true(c->u.text.angle > -WHEEL_PI / 2 + 1e-6 && c->u.text.angle <= WHEEL_PI / 2 + 1e-6);
		q[nt] = text_box(c, m);
		for (int k = 0; k < 4; k++) {
			assert_true(q[nt].x[k] >= area.x - 0.01 && q[nt].x[k] <= area.x + area.w + 0.01);
			assert_true(q[nt].y[k] >= area.y - 0.01 && q[nt].y[k] <= area.y + area.h + 0.01);
		}
		nt++;
	}
	size_t clashes = 0;
	for (size_t i = 0; i < nt; i++)
		for (size_t j = i + 1; j < nt; j++)
			if (intersect(&q[i], &q[j])) {
				if (clashes++ < 5)
					print_message("clash: text %zu and %zu\n", i, j);
			}
	assert_int_equal(clashes, 0);
	free(q);

	char *text = all_text(pg);
	for (size_t i = 0; i < n; i++)
		if (!strstr(text, p->wp.wheel.activities[i].title)) {
			print_message("missing: %s\n", p->wp.wheel.activities[i].title);
			fail();
		}
	free(text);
	assert_int_equal(st->labelled + st->numbered, st->occurrences);
}

static void crowded_plan_has_no_overlaps_and_shows_everything(void **state)
{
	(void)state;
	plan p;
	make_plan(&p, 300);
	arena *a = arena_new();
	draw_doc doc;
	draw_init(&doc, a);
	draw_page *pg = draw_add_page(&doc, 1684, 2384);   /* A1 portrait */
	rect area = {40, 40, 1604, 2304};
	aarshjul_stats st;
	aarshjul_opts o = make_opts(&st);
	diag d;
	diag_init(&d);
	assert_int_equal(aarshjul_draw(&doc, pg, area, &p.wp, &o, &d), AM_OK);
	assert_true(st.occurrences > 300);
	assert_true(st.numbered > 0);        /* week 23 is crowded */
	print_message("labelled %zu of %zu, wheel radius %.0f\n", st.labelled, st.occurrences, st.radius);
	/* type at the A1 minimum (12 pt labels, scaled from the page, not the
	 * area inside its margins) and extractor-safe word boxes */
	assert_true(st.labelled > 60);
	check_page(pg, area, &p, 300, &st);
	arena_free(a);
	free_plan(&p);
}

/* A plan longer than any poster holds is never refused: the poster shows
 * what fits of the numbered list and further pages the rest, numbered on,
 * until every activity has been shown. */
static void long_list_continues_on_further_pages(void **state)
{
	(void)state;
	plan p;
	make_plan(&p, 2000);
	arena *a = arena_new();
	draw_doc doc;
	draw_init(&doc, a);
	rect area = {28, 28, 786, 1135};   /* A3 portrait */
	draw_page *pg = draw_add_page(&doc, 842, 1191);
	aarshjul_stats st;
	aarshjul_opts o = make_opts(&st);
	o.texts.list_continued = "Aktiviteter (fortsat)";
	diag d;
	diag_init(&d);
	assert_int_equal(aarshjul_draw(&doc, pg, area, &p.wp, &o, &d), AM_OK);
	assert_true(st.list_drawn < st.numbered);
	for (size_t i = 0; i < st.numbered; i++)
		assert_int_equal(st.list[i].number, (int)i + 1);
	size_t next = st.list_drawn, pages = 1;
	while (next < st.numbered) {
		size_t first = next;
		draw_page *more = draw_add_page(&doc, 842, 1191);
		assert_int_equal(aarshjul_draw_list(&doc, more, area, &o, &st, first, &next, &d), AM_OK);
		assert_true(next > first);
		char *text = all_text(more);
		assert_non_null(strstr(text, "Aktiviteter (fortsat)"));
		free(text);
		pages++;
	}
	assert_true(pages > 2);
	/* every activity by its title, on one page or another */
	size_t missing = 0;
	char **texts = calloc(doc.n_pages, sizeof *texts);
	for (size_t k = 0; k < doc.n_pages; k++)
		texts[k] = all_text(&doc.pages[k]);
	for (size_t i = 0; i < 2000; i++) {
		bool found = false;
		for (size_t k = 0; k < doc.n_pages && !found; k++)
			found = strstr(texts[k], p.acts[i].title) != NULL;
		missing += !found;
	}
	for (size_t k = 0; k < doc.n_pages; k++)
		free(texts[k]);
	free(texts);
	assert_int_equal(missing, 0);
	for (size_t k = 1; k < doc.n_pages; k++) {
		plan none;
		make_plan(&none, 0);
		check_page(&doc.pages[k], area, &none, 0, &st);
		free_plan(&none);
	}
	arena_free(a);
	free_plan(&p);
}

/* The same checks with the real font's widths, on the 300-activity plan
 * and on the care centre's own plan, at A1 and A3. */
static void placement_with_the_real_font(void **state)
{
	(void)state;
	diag d;
	diag_init(&d);
	font_family *f = font_load("fonts", &d);
	assert_non_null(f);
	text_measurer fm = font_measurer(f);
	checked_with = &fm;
	arena *ra = arena_new();
	am_workplace *care = NULL;
	assert_int_equal(reader_load(ra, "examples/plejecenter-140.xml", &care, &d), AM_OK);
	plan p;
	make_plan(&p, 300);
	plan cp;
	memset(&cp, 0, sizeof cp);
	cp.wp = *care;
	const struct { plan *pl; float w, h; } cases[] = {
		{&p, 1684, 2384}, {&cp, 1684, 2384}, {&cp, 842, 1191}, {&cp, 1191, 842}};
	for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
		arena *a = arena_new();
		draw_doc doc;
		draw_init(&doc, a);
		draw_page *pg = draw_add_page(&doc, cases[k].w, cases[k].h);
		float mg = cases[k].w / 42;
		rect area = {mg, mg, cases[k].w - 2 * mg, cases[k].h - 2 * mg};
		aarshjul_stats st;
		aarshjul_opts o = make_opts(&st);
		o.measurer = &fm;
		assert_int_equal(aarshjul_draw(&doc, pg, area, &cases[k].pl->wp, &o, &d), AM_OK);
		print_message("real font, case %zu: labelled %zu of %zu\n", k, st.labelled, st.occurrences);
		assert_int_equal(st.list_drawn, st.numbered);   /* these fit one poster */
		assert_false(st.name_shortened);
		check_page(pg, area, cases[k].pl, cases[k].pl->wp.wheel.n_activities, &st);
		if (k == 0)
			assert_true(st.labelled > 60);
		arena_free(a);
	}
	checked_with = &text_fake_measurer;
	free_plan(&p);
	arena_free(ra);
	font_free(f);
}

/* A long workplace name wraps and shrinks inside the centre, whole; only
 * one that cannot fit at all ends in an ellipsis, and says so. */
static void long_names_fit_the_centre(void **state)
{
	(void)state;
	plan p;
	make_plan(&p, 300);
	static const char *names[2] = {
		"Plejecenter Solbakkens afdeling for rehabilitering og midlertidige ophold "
		"med tilhørende aktivitetscenter og hjemmeplejegruppe Nord i Region Hovedstaden",
		NULL};
	static char huge[1400];
	huge[0] = '\0';
	while (strlen(huge) < 1300)
		strcat(huge, "Arbejdsmiljøorganisationen ");
	names[1] = huge;
	for (int k = 0; k < 2; k++) {
		p.wp.name = names[k];
		arena *a = arena_new();
		draw_doc doc;
		draw_init(&doc, a);
		draw_page *pg = draw_add_page(&doc, 842, 1191);
		rect area = {20, 20, 802, 1151};
		aarshjul_stats st;
		aarshjul_opts o = make_opts(&st);
		diag d;
		diag_init(&d);
		assert_int_equal(aarshjul_draw(&doc, pg, area, &p.wp, &o, &d), AM_OK);
		check_page(pg, area, &p, 300, &st);
		char *text = all_text(pg);
		if (k == 0) {
			assert_false(st.name_shortened);
			assert_non_null(strstr(text, "Hovedstaden"));
			assert_non_null(strstr(text, "Plejecenter Solbakkens"));
		} else {
			assert_true(st.name_shortened);
			assert_non_null(strstr(text, "\xE2\x80\xA6"));
		}
		free(text);
		arena_free(a);
	}
	free_plan(&p);
}

/* A blank wheel without a year prints no week numbers: they would belong
 * to no year. */
static void blank_wheel_without_year_has_no_week_numbers(void **state)
{
	(void)state;
	arena *a = arena_new();
	draw_doc doc;
	draw_init(&doc, a);
	draw_page *pg = draw_add_page(&doc, 1191, 1684);
	aarshjul_stats st;
	aarshjul_opts o = make_opts(&st);
	o.blank = true;
	o.year = 0;
	o.texts.footer = NULL;
	o.texts.quarter_prefix = "K";
	diag d;
	diag_init(&d);
	assert_int_equal(aarshjul_draw(&doc, pg, (rect){30, 30, 1131, 1624}, NULL, &o, &d), AM_OK);
	size_t numbers = 0;
	for (size_t i = 0; i < pg->n; i++) {
		const draw_cmd *c = &pg->cmds[i];
		if (c->kind == DRAW_TEXT && strspn(c->u.text.utf8, "0123456789") == strlen(c->u.text.utf8))
			numbers++;
	}
	assert_int_equal(numbers, 0);
	char *text = all_text(pg);
	assert_non_null(strstr(text, "januar"));
	assert_non_null(strstr(text, "K4"));
	assert_null(strstr(text, "Uge "));
	free(text);
	arena_free(a);
}

static void landscape_a3_also_fits(void **state)
{
	(void)state;
	plan p;
	make_plan(&p, 120);
	arena *a = arena_new();
	draw_doc doc;
	draw_init(&doc, a);
	draw_page *pg = draw_add_page(&doc, 1191, 842);   /* A3 landscape */
	rect area = {28, 28, 1135, 786};
	aarshjul_stats st;
	aarshjul_opts o = make_opts(&st);
	diag d;
	diag_init(&d);
	assert_int_equal(aarshjul_draw(&doc, pg, area, &p.wp, &o, &d), AM_OK);
	check_page(pg, area, &p, 120, &st);
	arena_free(a);
	free_plan(&p);
}

/* Labels in the lower half are turned: their angle as seen on paper stays
 * within (-90°, 90°], and some labels there are not horizontal. */
static void lower_half_labels_are_flipped(void **state)
{
	(void)state;
	plan p;
	make_plan(&p, 60);
	arena *a = arena_new();
	draw_doc doc;
	draw_init(&doc, a);
	draw_page *pg = draw_add_page(&doc, 1684, 2384);
	aarshjul_stats st;
	aarshjul_opts o = make_opts(&st);
	diag d;
	diag_init(&d);
	assert_int_equal(aarshjul_draw(&doc, pg, (rect){40, 40, 1604, 2304}, &p.wp, &o, &d), AM_OK);
	double cy = 40 + st.radius;   /* the wheel sits at the top, centred */
	size_t lower = 0;
	for (size_t i = 0; i < pg->n; i++) {
		const draw_cmd *c = &pg->cmds[i];
		if (c->kind != DRAW_TEXT || c->u.text.y < cy + 0.2 * st.radius || c->u.text.y > cy + st.radius)
			continue;
		if (fabs(c->u.text.angle) > 0.05) {
			lower++;
			assert_true(c->u.text.angle > -WHEEL_PI / 2 && c->u.text.angle <= WHEEL_PI / 2);
		}
	}
	assert_true(lower > 5);
	arena_free(a);
	free_plan(&p);
}

static void blank_wheel_has_months_and_no_activities(void **state)
{
	(void)state;
	arena *a = arena_new();
	draw_doc doc;
	draw_init(&doc, a);
	draw_page *pg = draw_add_page(&doc, 1191, 1684);   /* A2 */
	static const char *rings[] = {"Møder", "APV", "Uddannelse"};
	aarshjul_stats st;
	aarshjul_opts o = make_opts(&st);
	o.blank = true;
	o.texts.blank_rings = rings;
	o.texts.n_blank_rings = 3;
	diag d;
	diag_init(&d);
	rect area = {30, 30, 1131, 1624};
	assert_int_equal(aarshjul_draw(&doc, pg, area, NULL, &o, &d), AM_OK);
	assert_int_equal(st.occurrences, 0);
	char *text = all_text(pg);
	assert_non_null(strstr(text, "september"));
	assert_non_null(strstr(text, "Uddannelse"));
	assert_non_null(strstr(text, "Årshjul 2026"));
	assert_non_null(strstr(text, " 53 "));   /* 2026 has an ISO week 53 */
	free(text);
	plan empty;
	make_plan(&empty, 0);
	check_page(pg, area, &empty, 0, &st);
	free_plan(&empty);
	arena_free(a);
}

static void missing_month_names_are_a_usage_error(void **state)
{
	(void)state;
	arena *a = arena_new();
	draw_doc doc;
	draw_init(&doc, a);
	draw_page *pg = draw_add_page(&doc, 842, 1191);
	aarshjul_opts o = make_opts(NULL);
	o.texts.months[4] = NULL;
	diag d;
	diag_init(&d);
	assert_int_equal(aarshjul_draw(&doc, pg, (rect){20, 20, 800, 1150}, NULL, &o, &d), AM_EUSAGE);
	assert_int_equal(d.errors, 1);
	arena_free(a);
}

static void scale_is_one_at_a1(void **state)
{
	(void)state;
	assert_true(fabsf(aarshjul_scale((rect){0, 0, 1683.78f, 2383.94f}) - 1) < 1e-4f);
	assert_true(fabsf(aarshjul_scale((rect){0, 0, 1190.55f, 841.89f}) - 0.5f) < 0.01f);
}

static const rhythm_texts RT = {"Lovens rytme", "Drøftelse", "Kompetenceplan", "APV", "Ulykkesoversigt",
                                "AMR-uddannelse", 3};

static void rhythm_adds_the_legal_activities(void **state)
{
	(void)state;
	plan p;
	make_plan(&p, 20);
	am_person amr = {.name = "Ane", .role = ROLE_AMR};
	p.wp.people = &amr;
	p.wp.n_people = 1;
	p.wp.headcount = 20;   /* an AMO: the competence plan and its training */
	p.wp.meeting.date = (am_date){2026, 4, 14};
	p.wp.apv_date = (am_date){2023, 9, 1};
	p.wp.wheel.rhythm = true;
	arena *a = arena_new();
	diag d;
	diag_init(&d);
	assert_int_equal(rhythm_apply(a, &p.wp, &RT, false, &d), AM_OK);
	const am_wheel *w = &p.wp.wheel;
	assert_int_equal(w->n_rings, 6);
	assert_int_equal(w->n_activities, 25);
	for (size_t i = 0; i < 20; i++) {   /* the plan's own keep their rings */
		assert_false(w->activities[i].derived);
		assert_ptr_equal(w->activities[i].ring, &w->rings[i % 5]);
	}
	const am_activity *x = &w->activities[20];
	assert_true(x->derived);
	assert_string_equal(x->title, "Drøftelse");
	assert_int_equal(x->when, WHEN_DATE);
	assert_int_equal(x->from.m, 4);
	assert_ptr_equal(x->ring, &w->rings[5]);
	assert_int_equal(w->activities[22].month, 3);    /* accident overview: month before */
	assert_int_equal(w->activities[23].month, 5);    /* AMR training: month after */
	assert_string_equal(w->activities[24].title, "APV");
	assert_int_equal(w->activities[24].from.y, 2026);   /* 2023 + 3 */
	assert_int_equal(w->activities[24].from.m, 9);
	arena_free(a);
	free_plan(&p);
}

static void rhythm_without_date_uses_the_default_month_and_skips_a_distant_apv(void **state)
{
	(void)state;
	plan p;
	make_plan(&p, 0);
	p.wp.apv_date = (am_date){2025, 2, 1};   /* next due 2028 */
	arena *a = arena_new();
	diag d;
	diag_init(&d);
	assert_int_equal(rhythm_apply(a, &p.wp, &RT, false, &d), AM_OK);
	assert_int_equal(p.wp.wheel.n_activities, 0);   /* not asked for */
	assert_int_equal(rhythm_apply(a, &p.wp, &RT, true, &d), AM_OK);
	const am_wheel *w = &p.wp.wheel;
	/* A small workplace has no AMO: the discussion and the accident
	 * overview only (no competence plan, no AMR training); APV not due. */
	assert_int_equal(w->n_activities, 2);
	assert_int_equal(w->activities[0].when, WHEN_MONTH);
	assert_int_equal(w->activities[0].month, 3);
	assert_int_equal(w->activities[1].month, 2);
	/* an overdue APV is placed at the wheel's start */
	p.wp.apv_date = (am_date){2021, 6, 1};
	p.wp.wheel.n_rings = 5;
	p.wp.wheel.n_activities = 0;
	assert_int_equal(rhythm_apply(a, &p.wp, &RT, true, &d), AM_OK);
	assert_int_equal(w->n_activities, 3);
	assert_int_equal(w->activities[2].from.y, 2026);
	assert_int_equal(w->activities[2].from.m, 1);
	arena_free(a);
	free_plan(&p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(crowded_plan_has_no_overlaps_and_shows_everything),
		cmocka_unit_test(long_list_continues_on_further_pages),
		cmocka_unit_test(placement_with_the_real_font),
		cmocka_unit_test(long_names_fit_the_centre),
		cmocka_unit_test(blank_wheel_without_year_has_no_week_numbers),
		cmocka_unit_test(landscape_a3_also_fits),
		cmocka_unit_test(lower_half_labels_are_flipped),
		cmocka_unit_test(blank_wheel_has_months_and_no_activities),
		cmocka_unit_test(missing_month_names_are_a_usage_error),
		cmocka_unit_test(scale_is_one_at_a1),
		cmocka_unit_test(rhythm_adds_the_legal_activities),
		cmocka_unit_test(rhythm_without_date_uses_the_default_month_and_skips_a_distant_apv),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
