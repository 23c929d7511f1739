/* stress_plan.h: generated årshjul plans for the tests: any number of
 * rings (up to the schema's 12) and activities (up to its 5,000), every
 * kind of timing and repeat the schema allows, moves to working days,
 * series that end early or began years ago, periods across the year's
 * ends, and titles from one word to 80 characters. Deterministic: a seed
 * gives the same plan. Only what the reader would accept is made. */
#ifndef AMOKIT_STRESS_PLAN_H
#define AMOKIT_STRESS_PLAN_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "model.h"
#include "cal.h"

typedef struct stress_plan {
	am_workplace wp;
	am_ring rings[12];
	char ring_names[12][40];
	am_activity *acts;
	char (*titles)[96];
} stress_plan;

static const char *const STRESS_WORDS[] = {
	"Møde", "APV", "runde", "kursus", "opfølgning", "trivsel", "brandøvelse", "kemi", "evaluering",
	"sikkerhed", "ergonomi", "arbejdsmiljøgruppen", "førstehjælp", "stiger", "værnemidler", "på", "og"};
static const unsigned STRESS_COLOURS[12] = {0x1F2A5C, 0xB0306A, 0xE07B39, 0xF5D04A, 0x2E8B57, 0x4FA3D9,
                                            0x7D5BA6, 0x9C9C2E, 0xC06090, 0x3C7D5A, 0x8C6E3C, 0x555555};

static unsigned stress_next(unsigned *s)
{
	*s = *s * 1103515245u + 12345u;
	return (*s >> 8) & 0xFFFFFF;
}

/* A date of `year` (day 1..28, so every month has it). */
static am_date stress_date(unsigned *s, int year)
{
	return (am_date){year, 1 + (int)(stress_next(s) % 12), 1 + (int)(stress_next(s) % 28)};
}

static void stress_timing(am_activity *a, unsigned *s, int year, size_t i)
{
	unsigned k = stress_next(s) % 20;
	a->when = WHEN_DATE;
	a->from = stress_date(s, year);
	if (k < 6)
		return;   /* a single day */
	if (k < 9) {   /* a period, some across the year's ends */
		a->when = WHEN_PERIOD;
		int len = 1 + (int)(stress_next(s) % 40);
		if (k == 8 && i % 2)
			a->from = (am_date){year, 12, 10 + (int)(stress_next(s) % 15)};
		else if (k == 8)
			a->from = (am_date){year - 1, 12, 10 + (int)(stress_next(s) % 15)};
		long f = cal_serial(a->from.y, a->from.m, a->from.d), t = f + len;
		if (k == 8 && !(i % 2))
			t = f + 25 + len % 10;
		cal_civil(t, &a->to.y, &a->to.m, &a->to.d);
		return;
	}
	if (k < 11) {
		a->when = WHEN_MONTH;
		a->month = 1 + (int)(stress_next(s) % 12);
		a->repeat = k == 10 ? (stress_next(s) % 2 ? REPEAT_MONTHLY : REPEAT_QUARTERLY) : REPEAT_NONE;
		return;
	}
	if (k < 13) {
		a->when = WHEN_WEEK;
		a->week = 1 + (int)(stress_next(s) % 52);
		a->repeat = k == 12 ? (stress_next(s) % 2 ? REPEAT_WEEKLY : REPEAT_FORTNIGHTLY) : REPEAT_NONE;
		return;
	}
	static const am_repeat kinds[6] = {REPEAT_WEEKLY, REPEAT_FORTNIGHTLY, REPEAT_MONTHLY,
	                                   REPEAT_QUARTERLY, REPEAT_YEARLY, REPEAT_BIENNIAL};
	a->repeat = kinds[stress_next(s) % 6];
	if (stress_next(s) % 4 == 0)   /* begun years ago */
		a->from.y = year - 1 - (int)(stress_next(s) % 5);
	if (a->repeat != REPEAT_WEEKLY && a->repeat != REPEAT_FORTNIGHTLY && stress_next(s) % 3 == 0)
		a->on = stress_next(s) % 2 ? ON_WEEKDAY : ON_LAST_WEEKDAY;
	if (stress_next(s) % 3 == 0)
		a->next_workday = true;
	am_date until = {year, 6 + (int)(stress_next(s) % 6), 15};
	if (stress_next(s) % 5 == 0 && until.y * 10000 + until.m * 100 + until.d >=
	                                   a->from.y * 10000 + a->from.m * 100 + a->from.d)
		a->until = until;
}

static void stress_title(char *t, unsigned *s, size_t i)
{
	size_t want = i % 10 == 0 ? 80 : 4 + stress_next(s) % 30;
	snprintf(t, 96, "S%zu", i);
	while (strlen(t) < want) {
		strcat(t, " ");
		strcat(t, STRESS_WORDS[stress_next(s) % (sizeof STRESS_WORDS / sizeof STRESS_WORDS[0])]);
	}
	t[want] = '\0';
	while (strlen(t) && t[strlen(t) - 1] == ' ')
		t[strlen(t) - 1] = '\0';
	/* never end inside a UTF-8 sequence */
	size_t n = strlen(t);
	while (n && ((unsigned char)t[n - 1] & 0xC0) == 0x80)
		n--;
	if (n && (unsigned char)t[n - 1] >= 0xC0)
		n--;
	t[n] = '\0';
}

/* A plan of n activities over `rings` rings (1..12) in `year`. */
static void stress_make(stress_plan *p, size_t n, size_t rings, int year, unsigned seed)
{
	memset(p, 0, sizeof *p);
	unsigned s = seed;
	for (size_t r = 0; r < rings; r++) {
		snprintf(p->ring_names[r], sizeof p->ring_names[r], "Ring %zu %s", r + 1, STRESS_WORDS[r]);
		p->rings[r] = (am_ring){(int)r + 2, p->ring_names[r], p->ring_names[r], STRESS_COLOURS[r]};
	}
	p->acts = calloc(n ? n : 1, sizeof *p->acts);
	p->titles = calloc(n ? n : 1, sizeof *p->titles);
	for (size_t i = 0; i < n; i++) {
		am_activity *a = &p->acts[i];
		a->line = (int)i + 20;
		a->start = a->end = -1;
		stress_title(p->titles[i], &s, i);
		a->title = p->titles[i];
		a->ring = &p->rings[stress_next(&s) % rings];
		a->responsible = i % 3 == 0 ? "AMR Ane" : NULL;
		stress_timing(a, &s, year, i);
		if (i % 11 == 0) {
			a->start = 8 * 60 + (int)(stress_next(&s) % 10) * 60;
			a->end = i % 2 ? a->start + 90 : -1;
		}
	}
	p->wp.file = "stress.xml";
	p->wp.name = "Stress Plejecenter Solbakken";
	p->wp.wheel = (am_wheel){.line = 1, .year = year, .start_month = 1, .rings = p->rings,
	                         .n_rings = rings, .activities = p->acts, .n_activities = n};
}

static void stress_free(stress_plan *p)
{
	free(p->acts);
	free(p->titles);
}

#endif
