/* test_bind.c: the data tree mirrors the workplace XML and adds /derived
 * (with the compliance items), and /previous for last year's file. */
#include "testutil.h"

#include <stdio.h>
#include <string.h>

#include "bind.h"
#include "fixture_workplace.h"
#include "reader.h"
#include "rules.h"

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
	assert_string_equal(data_text(t, "version"), "2");
	assert_string_equal(data_text(t, "med-agreement/applies"), "false");
	assert_int_equal(data_count(data_find(t, "people"), "person"), 5);
	const dnode *p = data_find(t, "people/person");
	assert_string_equal(data_text(p, "id"), "boss");
	assert_string_equal(data_text(p, "role"), "employer");
	assert_string_equal(data_text(p, "role-label"), "employer");
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
	assert_string_equal(data_text(t, "competence-plan/member/item/hours"), "14,5");   /* Danish decimal comma */
	assert_string_equal(data_text(t, "accidents/year"), "2025");
	assert_string_equal(data_text(t, "accidents/accidents"), "2");
	assert_null(data_find(t, "accidents/poisonings"));   /* not given: no node, never 0 */
	assert_string_equal(data_text(data_find(t, "people")->first->next->next->next, "group-name"), "Lager");
	assert_string_equal(data_text(t, "amo/group/name"), "Lager");
	assert_string_equal(data_text(t, "amo/group/leader/name"), "Lea Leder");
	assert_string_equal(data_text(t, "amo/group/amr/name"), "Ali Rep");
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

/* Without the activities, the wheel keeps its other nodes. */
static void activities_are_bound_on_request(void **state)
{
	(void)state;
	arena *a = arena_new();
	snprintf(doc_buf, sizeof doc_buf, FIXTURE_FULL_FMT, "12", FIXTURE_NO_MED);
	am_workplace *wp;
	diag d;
	diag_init(&d);
	assert_int_equal(reader_load_mem(a, "t.xml", doc_buf, strlen(doc_buf), &wp, &d), AM_OK);
	assert_true(wp->wheel.n_activities > 0);
	dnode *lean, *full;
	assert_int_equal(bind_workplace_for(a, wp, wp, false, &lean), AM_OK);
	assert_int_equal(bind_workplace_for(a, wp, wp, true, &full), AM_OK);
	assert_null(data_find(lean, "wheel/activity"));
	assert_null(data_find(lean, "previous/wheel/activity"));
	assert_string_equal(data_text(lean, "wheel/year"), data_text(full, "wheel/year"));
	assert_non_null(data_find(lean, "wheel/ring"));
	assert_int_equal(data_count(data_find(full, "wheel"), "activity"), wp->wheel.n_activities);
	assert_int_equal(data_count(data_find(full, "previous/wheel"), "activity"), wp->wheel.n_activities);
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
	/* 27 employees: the employee and the adviser are not invited by the
	 * rule; only the employee's attendance is recorded. */
	assert_int_equal(data_count(data_find(t, "derived/others"), "person"), 1);
	assert_string_equal(data_text(t, "derived/others/person/name"), "Eva Ansat");
	/* A person under /derived is the one under /people once more: its own
	 * node (so its siblings and parent are the derived list's), the same
	 * children. */
	const dnode *absent = data_find(t, "derived/absent/person");
	const dnode *lea = data_find(t, "people/person");
	while (lea && strcmp(data_text(lea, "name"), "Lea Leder") != 0)
		lea = lea->next;
	assert_non_null(lea);
	assert_ptr_not_equal(absent, lea);
	assert_ptr_equal(absent->first, lea->first);
	assert_ptr_equal(absent->parent, data_find(t, "derived/absent"));
	assert_string_equal(data_text(absent, "../../band"), "medium");
	assert_null(data_find(t, "derived/unrecorded"));   /* every invited one is recorded */
	assert_null(data_find(t, "derived/actions-complete"));   /* the action has no when */
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
	assert_null(data_find(t, "derived/others"));   /* 1-9: everyone but the adviser is invited */
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

/* A workplace with only what the schema requires: every point is missing. */
static const char minimal_doc[] =
	FIXTURE_HEAD
	"  <name>Lille Værksted</name>\n"
	"  <headcount>12</headcount>\n"
	"</workplace>\n";

static const dnode *bind_doc(arena *a, const char *doc, am_workplace **wp_out)
{
	am_workplace *wp;
	diag d;
	diag_init(&d);
	assert_int_equal(reader_load_mem(a, "t.xml", doc, strlen(doc), &wp, &d), AM_OK);
	dnode *root;
	assert_int_equal(bind_workplace(a, wp, &root), AM_OK);
	if (wp_out)
		*wp_out = wp;
	return root;
}

/* Each item: key, answer and the gaps, runs of one token in one node. */
static void compliance_items_carry_answers_and_gaps(void **state)
{
	(void)state;
	static const struct { const char *key, *answer; } want[] = {
		{"present-employer", "yes"}, {"present-leaders", "no"}, {"present-amr", "yes"},
		{"last-year-goals", "unknown"}, {"focus-actions", "yes"}, {"cooperation", "unknown"},
		{"goals", "unknown"}, {"competence", "yes"}, {"training", "unknown"},
	};
	arena *a = arena_new();
	const dnode *t = bind_full(a, "27", FIXTURE_NO_MED);
	const dnode *sec = data_find(t, "derived/compliance");
	assert_non_null(sec);
	assert_int_equal(data_count(sec, "item"), 9);
	const dnode *it = data_find(sec, "item");
	for (size_t i = 0; i < 9; i++, it = it->next) {
		assert_string_equal(data_text(it, "key"), want[i].key);
		assert_string_equal(data_text(it, "answer"), want[i].answer);
	}
	const dnode *leaders = data_find(sec, "item")->next;
	assert_string_equal(data_text(leaders, "gap/what"), "absent");
	assert_string_equal(data_text(leaders, "gap/subject"), "Lea Leder");
	const dnode *coop = leaders->next->next->next->next;
	assert_int_equal(data_count(coop, "gap"), 3);   /* convenes, acute, information */
	assert_null(data_find(coop, "gap/subject"));
	assert_string_equal(data_text(sec, "all-yes"), "false");
	arena_free(a);
}

/* Gaps of one kind with several subjects make one node. */
static void gaps_of_one_kind_are_joined(void **state)
{
	(void)state;
	static const char doc[] =
		FIXTURE_HEAD
		"  <name>X</name><headcount>12</headcount>\n"
		"  <people><person id=\"a\" role=\"amr\"><name>A</name></person>"
		"<person id=\"b\" role=\"amr\"><name>B</name></person>"
		"<person id=\"l\" role=\"leader\" deputy=\"true\"><name>L</name></person></people>\n"
		"</workplace>\n";
	arena *a = arena_new();
	const dnode *t = bind_doc(a, doc, NULL);
	const dnode *it = data_find(t, "derived/compliance/item");
	while (it && strcmp(data_text(it, "key"), "present-amr") != 0)
		it = it->next;
	assert_non_null(it);
	assert_string_equal(data_text(it, "answer"), "unknown");
	assert_int_equal(data_count(it, "gap"), 1);
	assert_string_equal(data_text(it, "gap/what"), "not-recorded");
	assert_string_equal(data_text(it, "gap/subject"), "A, B");
	/* The invited without attendance are listed, the deputy marked. */
	assert_int_equal(data_count(data_find(t, "derived/unrecorded"), "person"), 3);
	assert_string_equal(data_text(data_find(t, "derived/participants")->last, "deputy"), "true");
	arena_free(a);
}

/* A small workplace has no AMO: a leader there is labelled a leader. */
static void a_leader_without_an_amo_is_a_leader(void **state)
{
	(void)state;
	arena *a = arena_new();
	const dnode *t = bind_full(a, "6", FIXTURE_NO_MED);
	const dnode *lea = data_find(t, "people/person")->next;
	assert_string_equal(data_text(lea, "role"), "leader");
	assert_string_equal(data_text(lea, "role-label"), "leader-no-amo");
	assert_string_equal(data_text(t, "meeting/chair/role-label"), "leader-no-amo");
	t = bind_full(a, "27", FIXTURE_NO_MED);
	assert_string_equal(data_text(data_find(t, "people/person")->next, "role-label"), "leader");
	arena_free(a);
}

static void compliance_names_what_is_missing(void **state)
{
	(void)state;
	arena *a = arena_new();
	am_workplace *wp;
	const dnode *t = bind_doc(a, minimal_doc, &wp);
	rules_result *res;
	assert_int_equal(rules_evaluate(a, wp, NULL, &res), AM_OK);
	const dnode *sec = data_find(t, "derived/compliance");
	assert_int_equal(data_count(sec, "item"), res->n_items);
	size_t i = 0;
	for (const dnode *it = sec->first; it; it = it->next) {
		if (strcmp(it->name, "item") != 0)
			continue;
		assert_string_equal(data_text(it, "key"), res->items[i].key);
		assert_string_equal(data_text(it, "answer"), rules_answer_name(res->items[i].answer));
		assert_string_equal(data_text(it, "answer"), "unknown");   /* nothing is stated */
		assert_non_null(data_find(it, "gap/what"));
		i++;
	}
	assert_string_equal(data_text(sec, "all-yes"), "false");
	arena_free(a);
}

static void an_agenda_note_covers_a_point(void **state)
{
	(void)state;
	static const char doc[] =
		FIXTURE_HEAD
		"  <name>Lille Værksted</name>\n"
		"  <headcount>12</headcount>\n"
		"  <agenda><point n=\"9\"><decision>Vi mødes hver måned.</decision></point></agenda>\n"
		"</workplace>\n";
	arena *a = arena_new();
	const dnode *t = bind_doc(a, doc, NULL);
	const dnode *it = data_find(t, "derived/compliance/item");
	while (it && strcmp(data_text(it, "key"), "cooperation") != 0)
		it = it->next;
	assert_non_null(it);
	assert_string_equal(data_text(it, "answer"), "yes");
	assert_null(data_find(it, "gap"));
	arena_free(a);
}

static void previous_year_is_bound_beside_this_one(void **state)
{
	(void)state;
	arena *a = arena_new();
	am_workplace *wp, *prev;
	bind_doc(a, minimal_doc, &wp);
	snprintf(doc_buf, sizeof doc_buf, FIXTURE_FULL_FMT, "27", FIXTURE_NO_MED);
	diag d;
	diag_init(&d);
	assert_int_equal(reader_load_mem(a, "last.xml", doc_buf, strlen(doc_buf), &prev, &d), AM_OK);
	dnode *t;
	assert_int_equal(bind_workplace_and_previous(a, wp, prev, &t), AM_OK);
	assert_string_equal(data_text(t, "/name"), "Lille Værksted");
	assert_string_equal(data_text(t, "previous/name"), "Værksted Nord ApS");
	assert_string_equal(data_text(t, "previous/goals/goal/title"), "Færre løft");
	assert_string_equal(data_text(t, "previous/derived/year"), "2026");
	assert_null(data_find(t, "previous/previous"));
	const dnode *open = data_find(t, "derived/previous-open");
	assert_int_equal(data_count(open, "action"), 1);
	assert_string_equal(data_text(open, "action/what"), "Løfteudstyr");
	assert_string_equal(data_text(open, "action/status"), "in-progress");
	assert_null(data_find(t, "last-year-goals"));   /* this year's own data is untouched */
	arena_free(a);
}

static void done_actions_are_not_followed_up(void **state)
{
	(void)state;
	arena *a = arena_new();
	snprintf(doc_buf, sizeof doc_buf, FIXTURE_FULL_FMT, "27", FIXTURE_NO_MED);
	char *st = strstr(doc_buf, "status=\"in-progress\"");
	assert_non_null(st);
	memcpy(st, "status=\"done\"       ", 20);   /* same length, still valid XML */
	am_workplace *wp, *prev;
	diag d;
	diag_init(&d);
	assert_int_equal(reader_load_mem(a, "last.xml", doc_buf, strlen(doc_buf), &prev, &d), AM_OK);
	bind_doc(a, minimal_doc, &wp);
	dnode *t;
	assert_int_equal(bind_workplace_and_previous(a, wp, prev, &t), AM_OK);
	assert_string_equal(data_text(t, "previous/action-plan/action/status"), "done");
	assert_null(data_find(t, "derived/previous-open"));
	arena_free(a);
}

static void without_previous_there_is_no_previous(void **state)
{
	(void)state;
	arena *a = arena_new();
	const dnode *t = bind_full(a, "27", FIXTURE_NO_MED);
	assert_null(data_find(t, "previous"));
	assert_null(data_find(t, "derived/previous-open"));
	arena_free(a);
}

static void out_of_memory_gives_an_error(void **state)
{
	(void)state;
	int ok = 0;
	for (long k = 0; k < 400 && !ok; k++) {
		arena *a = arena_new();
		snprintf(doc_buf, sizeof doc_buf, FIXTURE_FULL_FMT, "12", FIXTURE_NO_MED);
		am_workplace *wp;
		diag d;
		diag_init(&d);
		assert_int_equal(reader_load_mem(a, "t.xml", doc_buf, strlen(doc_buf), &wp, &d), AM_OK);
		arena *b = arena_new();
		dnode *t;
		arena_fail_after(k);
		int r = bind_workplace_and_previous(b, wp, wp, &t);
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
		cmocka_unit_test(activities_are_bound_on_request),
		cmocka_unit_test(derived_holds_the_rules),
		cmocka_unit_test(med_and_small_bands),
		cmocka_unit_test(blank_tree_has_only_the_agenda_numbers),
		cmocka_unit_test(compliance_items_carry_answers_and_gaps),
		cmocka_unit_test(gaps_of_one_kind_are_joined),
		cmocka_unit_test(a_leader_without_an_amo_is_a_leader),
		cmocka_unit_test(compliance_names_what_is_missing),
		cmocka_unit_test(an_agenda_note_covers_a_point),
		cmocka_unit_test(previous_year_is_bound_beside_this_one),
		cmocka_unit_test(done_actions_are_not_followed_up),
		cmocka_unit_test(without_previous_there_is_no_previous),
		cmocka_unit_test(out_of_memory_gives_an_error),
	};
	return cmocka_run_group_tests(tests, NULL, teardown);
}
