/* test_rules.c: participation bands, the competence rule and the
 * compliance summary for 6, 27, 140 (MED) and 45 employees. */
#include "testutil.h"

#include <stdio.h>
#include <string.h>

#include "fixture_workplace.h"
#include "reader.h"
#include "rules.h"

static char doc_buf[16384];

static am_workplace *load_text(arena *a, const char *text)
{
	am_workplace *wp;
	diag d;
	diag_init(&d);
	assert_int_equal(reader_load_mem(a, "t.xml", text, strlen(text), &wp, &d), AM_OK);
	return wp;
}

static am_workplace *load_full(arena *a, const char *headcount, const char *med)
{
	snprintf(doc_buf, sizeof doc_buf, FIXTURE_FULL_FMT, headcount, med);
	return load_text(a, doc_buf);
}

static rules_result *evaluate(arena *a, const am_workplace *wp)
{
	rules_result *r;
	assert_int_equal(rules_evaluate(a, wp, &r), AM_OK);
	assert_int_equal(r->n_items, 6);
	return r;
}

static bool invited(const rules_result *r, const char *id)
{
	for (size_t i = 0; i < r->n_participants; i++)
		if (strcmp(r->participants[i]->id, id) == 0)
			return true;
	return false;
}

static void bands_follow_the_head_count(void **state)
{
	(void)state;
	assert_int_equal(rules_band_of(1, false), BAND_SMALL);
	assert_int_equal(rules_band_of(9, false), BAND_SMALL);
	assert_int_equal(rules_band_of(10, false), BAND_MEDIUM);
	assert_int_equal(rules_band_of(34, false), BAND_MEDIUM);
	assert_int_equal(rules_band_of(35, false), BAND_LARGE);
	assert_int_equal(rules_band_of(6, true), BAND_MED);
	assert_string_equal(rules_band_name(BAND_MEDIUM), "medium");
	assert_string_equal(rules_competence_name(COMPETENCE_PLAN), "plan");
}

static void six_employees_invite_everyone_but_advisers(void **state)
{
	(void)state;
	arena *a = arena_new();
	rules_result *r = evaluate(a, load_full(a, "6", FIXTURE_NO_MED));
	assert_int_equal(r->band, BAND_SMALL);
	assert_int_equal(r->competence, COMPETENCE_KNOWLEDGE);
	assert_int_equal(r->n_participants, 4);
	assert_true(invited(r, "emp"));
	assert_false(invited(r, "adv"));
	assert_true(rules_find(r, "competence")->covered);  /* <knowledge present="true"> */
	assert_true(rules_find(r, "participants")->covered);
	arena_free(a);
}

static void twenty_seven_employees_invite_the_amo(void **state)
{
	(void)state;
	arena *a = arena_new();
	rules_result *r = evaluate(a, load_full(a, "27", FIXTURE_NO_MED));
	assert_int_equal(r->band, BAND_MEDIUM);
	assert_int_equal(r->competence, COMPETENCE_PLAN);
	assert_int_equal(r->n_participants, 3);
	assert_true(invited(r, "boss") && invited(r, "lea") && invited(r, "amr"));
	assert_false(invited(r, "emp"));
	for (size_t i = 0; i < r->n_items; i++)
		if (!r->items[i].covered)
			fail_msg("%s not covered: %s", r->items[i].key, r->items[i].message);
	static const char *const keys[] = {"last-year-goals", "focus-actions", "cooperation",
	                                   "goals", "competence", "participants"};
	for (size_t i = 0; i < 6; i++)
		assert_string_equal(r->items[i].key, keys[i]);
	arena_free(a);
}

static void a_med_agreement_decides_for_140(void **state)
{
	(void)state;
	arena *a = arena_new();
	rules_result *r = evaluate(a, load_full(a, "140", FIXTURE_MED));
	assert_int_equal(r->band, BAND_MED);
	assert_int_equal(r->competence, COMPETENCE_PLAN);
	assert_true(invited(r, "lea"));
	assert_false(invited(r, "emp"));
	arena_free(a);
}

static void forty_five_without_plan_warns(void **state)
{
	(void)state;
	arena *a = arena_new();
	const char *text = FIXTURE_HEAD "<name>X</name><headcount>45</headcount>\n"
		"<people><person id=\"b\" role=\"employer\" attendance=\"present\"><name>B</name></person>\n"
		"<person id=\"r\" role=\"amr\" attendance=\"absent\"><name>R</name></person></people>\n"
		"</workplace>";
	rules_result *r = evaluate(a, load_text(a, text));
	assert_int_equal(r->band, BAND_LARGE);
	const rules_item *c = rules_find(r, "competence");
	assert_false(c->covered);
	assert_string_equal(c->message, "competence plan missing (required at 10+ employees)");
	const rules_item *p = rules_find(r, "participants");
	assert_false(p->covered);  /* the AMR is absent */
	assert_non_null(strstr(p->message, "no AMO representative"));
	assert_false(rules_find(r, "last-year-goals")->covered);
	assert_false(rules_find(r, "cooperation")->covered);
	assert_int_equal(rules_find(r, "goals")->line, 2);
	arena_free(a);
}

static void agenda_notes_cover_a_point(void **state)
{
	(void)state;
	arena *a = arena_new();
	const char *text = FIXTURE_HEAD "<name>X</name><headcount>5</headcount>\n"
		"<agenda><point n=\"7\"><decision>Målene er nået</decision></point>\n"
		"<point n=\"9\"><notes>Vi mødes hver måned</notes></point></agenda></workplace>";
	rules_result *r = evaluate(a, load_text(a, text));
	assert_true(rules_find(r, "last-year-goals")->covered);
	assert_true(rules_find(r, "cooperation")->covered);
	assert_int_equal(rules_find(r, "cooperation")->line, 5);
	assert_false(rules_find(r, "competence")->covered);
	assert_non_null(strstr(rules_find(r, "competence")->message, "knowledge"));
	assert_null(rules_find(r, "no-such-key"));
	arena_free(a);
}

static void an_amo_member_without_a_plan_is_counted(void **state)
{
	(void)state;
	arena *a = arena_new();
	const char *text = FIXTURE_HEAD "<name>X</name><headcount>20</headcount>\n"
		"<people><person id=\"l\" role=\"leader\"><name>L</name></person>"
		"<person id=\"r\" role=\"amr\"><name>R</name></person>"
		"<person id=\"s\" role=\"amr\"><name>S</name></person></people>\n"
		"<competence-plan><member ref=\"r\"><item form=\"training\"><topic>T</topic></item></member></competence-plan>"
		"</workplace>";
	rules_result *r = evaluate(a, load_text(a, text));
	const rules_item *c = rules_find(r, "competence");
	assert_false(c->covered);
	assert_non_null(strstr(c->message, "2 AMO members"));
	arena_free(a);
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
		cmocka_unit_test(bands_follow_the_head_count),
		cmocka_unit_test(six_employees_invite_everyone_but_advisers),
		cmocka_unit_test(twenty_seven_employees_invite_the_amo),
		cmocka_unit_test(a_med_agreement_decides_for_140),
		cmocka_unit_test(forty_five_without_plan_warns),
		cmocka_unit_test(agenda_notes_cover_a_point),
		cmocka_unit_test(an_amo_member_without_a_plan_is_counted),
	};
	return cmocka_run_group_tests(tests, NULL, teardown);
}
