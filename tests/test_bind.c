/* test_bind.c: the data tree mirrors the workplace XML and adds /derived. */
#include "testutil.h"

#include <stdio.h>
#include <string.h>

#include "bind.h"
#include "fixture_workplace.h"
#include "reader.h"

static char doc_buf[16384];

static const dnode *bind_full(arena *a, const char *headcount, const char *med)
{
	snprintf(doc_buf, sizeof doc_buf, FIXTURE_FULL_FMT, headcount, med);
	am_workplace *wp;
	diag d;
	diag_init(&d);
	assert_int_equal(reader_load_mem(a, "t.xml", doc_buf, strlen(doc_buf), &wp, &d), AM_OK);
	dnode *root;
	assert_int_equal(bind_workplace(a, wp, &root), AM_OK);
	return root;
}

static void paths_mirror_the_xml(void **state)
{
	(void)state;
	arena *a = arena_new();
	const dnode *t = bind_full(a, "12", FIXTURE_NO_MED);
	assert_string_equal(data_text(t, "/name"), "Værksted Nord ApS");
	assert_string_equal(data_text(t, "headcount"), "12");
	assert_string_equal(data_text(t, "version"), "1");
	assert_string_equal(data_text(t, "med-agreement/applies"), "false");
	assert_int_equal(data_count(data_find(t, "people"), "person"), 5);
	const dnode *p = data_find(t, "people/person");
	assert_string_equal(data_text(p, "id"), "boss");
	assert_string_equal(data_text(p, "role"), "employer");
	assert_string_equal(data_text(p, "attendance"), "present");
	assert_int_equal(p->line, 10);
	assert_string_equal(data_text(t, "meeting/date"), "2026-02-03");
	assert_string_equal(data_text(t, "meeting/start"), "13:00");
	assert_string_equal(data_text(t, "meeting/chair/ref"), "lea");
	assert_string_equal(data_text(t, "meeting/chair/name"), "Lea Leder");
	assert_string_equal(data_text(t, "meeting/minute-taker/name"), "Eva Ansat");
	assert_string_equal(data_text(t, "meeting/covers-year"), "2026");
	assert_string_equal(data_text(t, "last-year-goals/goal/status"), "partly");
	assert_string_equal(data_text(t, "last-year-goals/goal/carried-over"), "true");
	assert_string_equal(data_text(t, "apv/last-date"), "2024-02-29");
	assert_string_equal(data_text(t, "apv/item/status"), "open");
	assert_string_equal(data_text(t, "apv/item/deadline"), "2026-06-30");
	assert_string_equal(data_text(t, "focus-areas/area/title"), "Ergonomi");
	assert_string_equal(data_text(t, "goals/goal/deadline"), "2026-12-31");
	assert_string_equal(data_text(t, "action-plan/action/status"), "in-progress");
	assert_string_equal(data_text(t, "action-plan/action/who"), "Bo");
	assert_string_equal(data_text(t, "cooperation/frequency"), "Hver måned");
	assert_string_equal(data_text(t, "competence-plan/knowledge/present"), "true");
	assert_string_equal(data_text(t, "competence-plan/knowledge"), "Vi ved nok");
	assert_string_equal(data_text(t, "competence-plan/member/ref"), "amr");
	assert_string_equal(data_text(t, "competence-plan/member/name"), "Ali Rep");
	assert_string_equal(data_text(t, "competence-plan/member/item/form"), "training");
	assert_string_equal(data_text(t, "competence-plan/member/item/hours"), "14.5");
	assert_string_equal(data_text(t, "accidents/count"), "2");
	assert_string_equal(data_text(t, "accidents/near-misses"), "0");
	assert_string_equal(data_text(t, "accidents/incident/kind"), "accident");
	assert_string_equal(data_text(t, "announcements/announcement"), "Nyt lager");
	assert_string_equal(data_text(t, "agenda/point/n"), "3");
	assert_string_equal(data_text(t, "agenda/point/decision"), "Godkendt");
	assert_string_equal(data_text(t, "wheel/year"), "2026");
	assert_string_equal(data_text(t, "wheel/ring"), "Møder");
	assert_string_equal(data_text(t, "wheel/ring/colour"), "#112233");
	assert_string_equal(data_text(t, "wheel/activity/repeat"), "monthly");
	assert_string_equal(data_text(t, "wheel/activity/time/end"), "10:00");
	const dnode *second = data_find(t, "wheel/activity")->next;
	assert_string_equal(data_text(second, "period/from"), "2026-03-01");
	assert_string_equal(data_text(second->next, "week"), "53");
	assert_null(data_find(t, "cvr"));  /* absent values make no node */
	arena_free(a);
}

static void derived_holds_the_rules(void **state)
{
	(void)state;
	arena *a = arena_new();
	const dnode *t = bind_full(a, "27", FIXTURE_NO_MED);
	assert_string_equal(data_text(t, "derived/band"), "medium");
	assert_string_equal(data_text(t, "derived/competence-rule"), "plan");
	assert_string_equal(data_text(t, "derived/year"), "2026");
	assert_int_equal(data_count(data_find(t, "derived/participants"), "person"), 3);
	assert_int_equal(data_count(data_find(t, "derived/present"), "person"), 2);
	assert_int_equal(data_count(data_find(t, "derived/absent"), "person"), 1);
	assert_string_equal(data_text(t, "derived/absent/person/name"), "Lea Leder");
	const dnode *agenda = data_find(t, "derived/agenda");
	assert_int_equal(data_count(agenda, "point"), 11);
	const dnode *p = agenda->first;
	for (int n = 1; n <= 11; n++, p = p->next) {
		char want[4];
		snprintf(want, sizeof want, "%d", n);
		assert_string_equal(data_text(p, "n"), want);
		if (n == 3) {
			assert_string_equal(data_text(p, "start"), "13:10");
			assert_string_equal(data_text(p, "minutes"), "15");
			assert_string_equal(data_text(p, "decision"), "Godkendt");
		} else {
			assert_null(data_find(p, "decision"));
		}
	}
	arena_free(a);
}

static void med_and_small_bands(void **state)
{
	(void)state;
	arena *a = arena_new();
	const dnode *t = bind_full(a, "140", FIXTURE_MED);
	assert_string_equal(data_text(t, "derived/band"), "med");
	assert_string_equal(data_text(t, "med-agreement"), "MED-udvalget holder drøftelsen");
	t = bind_full(a, "6", FIXTURE_NO_MED);
	assert_string_equal(data_text(t, "derived/band"), "small");
	assert_string_equal(data_text(t, "derived/competence-rule"), "knowledge");
	arena_free(a);
}

static void blank_tree_has_only_the_agenda_numbers(void **state)
{
	(void)state;
	arena *a = arena_new();
	dnode *t;
	assert_int_equal(bind_blank(a, &t), AM_OK);
	assert_null(data_find(t, "name"));
	assert_null(data_find(t, "derived/band"));
	assert_int_equal(data_count(data_find(t, "derived/agenda"), "point"), 11);
	assert_string_equal(data_text(data_find(t, "derived/agenda")->last, "n"), "11");
	arena_free(a);
}

static void out_of_memory_gives_an_error(void **state)
{
	(void)state;
	int ok = 0;
	for (long k = 0; k < 100 && !ok; k++) {
		arena *a = arena_new();
		snprintf(doc_buf, sizeof doc_buf, FIXTURE_FULL_FMT, "12", FIXTURE_NO_MED);
		am_workplace *wp;
		diag d;
		diag_init(&d);
		assert_int_equal(reader_load_mem(a, "t.xml", doc_buf, strlen(doc_buf), &wp, &d), AM_OK);
		arena *b = arena_new();
		dnode *t;
		arena_fail_after(k);
		int r = bind_workplace(b, wp, &t);
		arena_fail_after(-1);
		if (r == AM_OK)
			ok = 1;
		else
			assert_null(t);
		arena_free(b);
		arena_free(a);
	}
	assert_true(ok);
}

static int teardown(void **state)
{
	(void)state;
	reader_cleanup();
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(paths_mirror_the_xml),
		cmocka_unit_test(derived_holds_the_rules),
		cmocka_unit_test(med_and_small_bands),
		cmocka_unit_test(blank_tree_has_only_the_agenda_numbers),
		cmocka_unit_test(out_of_memory_gives_an_error),
	};
	return cmocka_run_group_tests(tests, NULL, teardown);
}
