/* test_rules.c: who is invited and what the compliance check answers.
 *
 * The participation matrix: head counts 1, 9, 10, 34, 35, 140 × MED-aftale
 * or not × the employer present, absent, or absent with a deputy present ×
 * the AMR as listed, recoded to a leader, or recoded to an employee. The
 * workplace is tests/data/participation.xml.in, the expectations (who is
 * invited, each participation answer, the exit of check --strict) are the
 * rows of tests/data/participation.tsv; tests/e2e/participation.sh runs the
 * same rows through `amokit check --strict`. Then the content points: yes
 * only when proven, unknown (never no, never yes) when the data is silent. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture_workplace.h"
#include "reader.h"
#include "rules.h"

#define TEMPLATE "tests/data/participation.xml.in"
#define TABLE "tests/data/participation.tsv"

static am_workplace *load_text(arena *a, const char *text)
{
	am_workplace *wp;
	diag d;
	diag_init(&d);
	int r = reader_load_mem(a, "t.xml", text, strlen(text), &wp, &d);
	if (r != AM_OK)
		fail_msg("%s:%d: %s", d.entries[0].file, d.entries[0].line, d.entries[0].msg);
	return wp;
}

static rules_result *evaluate(arena *a, const am_workplace *wp)
{
	rules_result *r;
	assert_int_equal(rules_evaluate(a, wp, NULL, &r), AM_OK);
	return r;
}

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	static char buf[16384];
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	return buf;
}

/* Replaces every @KEY@ of tmpl by its value into out. */
static void fill(char *out, size_t size, const char *tmpl, const char *const *kv)
{
	size_t n = 0;
	for (const char *p = tmpl; *p && n + 1 < size;) {
		const char *v = NULL;
		size_t klen = 0;
		for (size_t i = 0; *p == '@' && kv[i]; i += 2) {
			klen = strlen(kv[i]);
			if (strncmp(p + 1, kv[i], klen) == 0 && p[1 + klen] == '@') {
				v = kv[i + 1];
				break;
			}
		}
		if (v) {
			n += (size_t)snprintf(out + n, size - n, "%s", v);
			p += klen + 2;
		} else {
			out[n++] = *p++;
		}
	}
	out[n < size ? n : size - 1] = '\0';
}

/* The ids of the invited, comma-separated. */
static void invited_ids(const rules_result *r, char *out, size_t size)
{
	size_t n = 0;
	out[0] = '\0';
	for (size_t i = 0; i < r->n_participants && n < size; i++)
		n += (size_t)snprintf(out + n, size - n, "%s%s", i ? "," : "", r->participants[i]->id);
}

static void one_row(const char *tmpl, char *line)
{
	char *f[7];
	int nf = 0;
	for (char *tok = strtok(line, "\t\n"); tok && nf < 7; tok = strtok(NULL, "\t\n"))
		f[nf++] = tok;
	assert_int_equal(nf, 7);
	const char *employer = f[2], *recode = f[3];
	const char *amr_role = strcmp(recode, "amr-as-leader") == 0 ? "leader"
	                     : strcmp(recode, "amr-as-employee") == 0 ? "employee" : "amr";
	const char *deputy = strcmp(employer, "deputy") == 0
		? "<person id=\"dep\" role=\"employee\" deputy=\"true\" attendance=\"present\"><name>Dan Stedfortræder</name></person>"
		: "";
	const char *kv[] = {"HEADCOUNT", f[0], "MED", f[1], "BOSS", strcmp(employer, "present") == 0 ? "present" : "absent",
	                    "LEA", "leader", "AMR", amr_role, "DEPUTY", deputy, NULL};
	static char doc[16384];
	fill(doc, sizeof doc, tmpl, kv);

	arena *a = arena_new();
	rules_result *r = evaluate(a, load_text(a, doc));
	char row[160];
	snprintf(row, sizeof row, "%s %s %s %s", f[0], f[1], f[2], f[3]);
	char ids[256];
	invited_ids(r, ids, sizeof ids);
	if (strcmp(ids, f[4]) != 0)
		fail_msg("%s: invited %s, expected %s", row, ids, f[4]);
	/* Each participation answer as the table says. */
	size_t checked = 0;
	for (char *save = NULL, *tok = strtok_r(f[5], " ", &save); tok; tok = strtok_r(NULL, " ", &save)) {
		char *eq = strchr(tok, '=');
		assert_non_null(eq);
		*eq = '\0';
		const rules_item *it = rules_find(r, tok);
		if (!it)
			fail_msg("%s: no item %s", row, tok);
		if (strcmp(rules_answer_name(it->answer), eq + 1) != 0)
			fail_msg("%s: %s is %s, expected %s (%s)", row, tok, rules_answer_name(it->answer), eq + 1,
			         it->message ? it->message : "");
		checked++;
	}
	/* Every other item is a content point, covered in the template. */
	for (size_t i = 0; i < r->n_items; i++)
		if (strncmp(r->items[i].key, "present-", 8) != 0 && r->items[i].answer != ANSWER_YES)
			fail_msg("%s: %s: %s", row, r->items[i].key, r->items[i].message);
	size_t present_items = 0;
	for (size_t i = 0; i < r->n_items; i++)
		present_items += strncmp(r->items[i].key, "present-", 8) == 0;
	if (present_items != checked)
		fail_msg("%s: %zu participation items, the table names %zu", row, present_items, checked);
	if (rules_all_yes(r) != (strcmp(f[6], "0") == 0))
		fail_msg("%s: all yes is %d, the table expects check --strict to exit %s", row, rules_all_yes(r), f[6]);
	/* A "no" or "unknown" always says why. */
	for (size_t i = 0; i < r->n_items; i++)
		if (r->items[i].answer != ANSWER_YES && (!r->items[i].message || !r->items[i].n_gaps))
			fail_msg("%s: %s without a reason", row, r->items[i].key);
	arena_free(a);
}

static void the_participation_matrix(void **state)
{
	(void)state;
	static char tmpl[16384];
	snprintf(tmpl, sizeof tmpl, "%s", slurp(TEMPLATE));
	FILE *t = fopen(TABLE, "r");
	assert_non_null(t);
	char line[1024];
	int rows = 0;
	while (fgets(line, sizeof line, t)) {
		if (line[0] == '#' || line[0] == '\n')
			continue;
		one_row(tmpl, line);
		rows++;
	}
	fclose(t);
	assert_int_equal(rows, 6 * 2 * 3 * 3);
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
	assert_string_equal(rules_answer_name(ANSWER_UNKNOWN), "unknown");
}

/* A file with a name and a head count states nothing: every answer is
 * unknown, none is yes or no, and each names what is missing. */
static void silence_is_never_yes_or_no(void **state)
{
	(void)state;
	static const char *const counts[] = {"5", "27", "45"};
	for (size_t k = 0; k < 3; k++) {
		char text[512];
		snprintf(text, sizeof text, FIXTURE_HEAD "<name>X</name><headcount>%s</headcount></workplace>", counts[k]);
		arena *a = arena_new();
		rules_result *r = evaluate(a, load_text(a, text));
		assert_true(r->n_items >= 7);
		for (size_t i = 0; i < r->n_items; i++) {
			if (r->items[i].answer != ANSWER_UNKNOWN)
				fail_msg("%s employees: %s is %s", counts[k], r->items[i].key, rules_answer_name(r->items[i].answer));
			assert_true(r->items[i].n_gaps > 0);
			assert_int_equal(r->items[i].line, 2);   /* the <workplace> line */
		}
		assert_non_null(strstr(rules_find(r, "present-employer")->message, "ingen arbejdsgiver"));
		assert_int_equal(r->n_participants, 0);
		arena_free(a);
	}
}

/* Attendance not recorded is unknown, not no; recorded absence is no. */
static void attendance_not_recorded_is_unknown(void **state)
{
	(void)state;
	arena *a = arena_new();
	const char *text = FIXTURE_HEAD "<name>X</name><headcount>20</headcount>\n"
		"<people><person id=\"b\" role=\"employer\"><name>B</name></person>\n"
		"<person id=\"l\" role=\"leader\" attendance=\"absent\"><name>L</name></person>\n"
		"<person id=\"r\" role=\"amr\"><name>R</name></person>\n"
		"<person id=\"s\" role=\"amr\" attendance=\"absent\"><name>S</name></person></people></workplace>";
	rules_result *r = evaluate(a, load_text(a, text));
	const rules_item *e = rules_find(r, "present-employer");
	assert_int_equal(e->answer, ANSWER_UNKNOWN);
	assert_string_equal(e->gaps[0].what, "not-recorded");
	assert_string_equal(e->gaps[0].subject, "B");
	assert_int_equal(e->gaps[0].line, 4);
	const rules_item *l = rules_find(r, "present-leaders");
	assert_int_equal(l->answer, ANSWER_NO);
	assert_string_equal(l->gaps[0].what, "absent");
	const rules_item *m = rules_find(r, "present-amr");
	assert_int_equal(m->answer, ANSWER_UNKNOWN);
	assert_int_equal(m->n_gaps, 2);
	assert_non_null(strstr(m->message, "fremmødet er ikke registreret for R (attendance); afbud fra S"));
	arena_free(a);
}

/* Last year's goals: each needs a status; one not reached needs why and
 * whether it carries over. A first discussion has no last year. */
static void last_years_goals_are_judged_one_by_one(void **state)
{
	(void)state;
	arena *a = arena_new();
	const char *text = FIXTURE_HEAD "<name>X</name><headcount>5</headcount>\n"
		"<last-year-goals><goal status=\"reached\"><title>A</title></goal>\n"
		"<goal status=\"not-reached\"><title>B</title></goal>\n"
		"<goal><title>C</title></goal>\n"
		"<goal status=\"partly\" carried-over=\"false\"><title>D</title><comment>Tiden slap op</comment></goal>"
		"</last-year-goals>\n"
		"<agenda><point n=\"7\"><decision>Drøftet</decision></point></agenda></workplace>";
	const rules_item *g = rules_find(evaluate(a, load_text(a, text)), "last-year-goals");
	assert_int_equal(g->answer, ANSWER_UNKNOWN);   /* notes do not replace the goals' own status */
	assert_int_equal(g->n_gaps, 3);
	assert_string_equal(g->gaps[0].what, "goal-reason");
	assert_string_equal(g->gaps[0].subject, "B");
	assert_string_equal(g->gaps[1].what, "goal-carried-over");
	assert_string_equal(g->gaps[2].what, "goal-status");
	assert_string_equal(g->gaps[2].subject, "C");
	assert_int_equal(g->gaps[2].line, 6);

	const char *first = FIXTURE_HEAD "<name>X</name><headcount>5</headcount>\n"
		"<first-discussion>Firmaet er startet i år</first-discussion></workplace>";
	g = rules_find(evaluate(a, load_text(a, first)), "last-year-goals");
	assert_int_equal(g->answer, ANSWER_YES);
	assert_int_equal(g->line, 4);
	arena_free(a);
}

/* With last year's file and no evaluation in this one, last year's goals
 * are named as not evaluated. */
static void previous_goals_must_be_evaluated(void **state)
{
	(void)state;
	arena *a = arena_new();
	am_workplace *prev = load_text(a, FIXTURE_HEAD "<name>X</name><headcount>5</headcount>"
		"<goals><goal><title>Færre løft</title></goal></goals></workplace>");
	am_workplace *wp = load_text(a, FIXTURE_HEAD "<name>X</name><headcount>5</headcount>"
		"<agenda><point n=\"7\"><notes>Vi talte om det</notes></point></agenda></workplace>");
	rules_result *r;
	assert_int_equal(rules_evaluate(a, wp, NULL, &r), AM_OK);
	assert_int_equal(rules_find(r, "last-year-goals")->answer, ANSWER_YES);
	assert_int_equal(rules_evaluate(a, wp, prev, &r), AM_OK);
	const rules_item *g = rules_find(r, "last-year-goals");
	assert_int_equal(g->answer, ANSWER_UNKNOWN);
	assert_string_equal(g->gaps[0].subject, "Færre løft");
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
	assert_int_equal(rules_find(r, "last-year-goals")->answer, ANSWER_YES);
	assert_int_equal(rules_find(r, "cooperation")->answer, ANSWER_YES);
	assert_int_equal(rules_find(r, "cooperation")->line, 5);
	assert_int_equal(rules_find(r, "competence")->answer, ANSWER_UNKNOWN);
	assert_non_null(strstr(rules_find(r, "competence")->message, "ny viden"));
	assert_null(rules_find(r, "training"));   /* no AMO under 10 */
	assert_null(rules_find(r, "no-such-key"));
	arena_free(a);
}

/* The cooperation point names each part that is missing. */
static void cooperation_names_what_is_missing(void **state)
{
	(void)state;
	arena *a = arena_new();
	const char *text = FIXTURE_HEAD "<name>X</name><headcount>5</headcount>\n"
		"<cooperation><frequency>Hver måned</frequency><accidents>Meldes samme dag</accidents></cooperation></workplace>";
	const rules_item *c = rules_find(evaluate(a, load_text(a, text)), "cooperation");
	assert_int_equal(c->answer, ANSWER_UNKNOWN);
	assert_int_equal(c->n_gaps, 2);
	assert_string_equal(c->gaps[0].what, "cooperation-convenes");
	assert_string_equal(c->gaps[1].what, "cooperation-information");
	arena_free(a);
}

/* From 10 employees: one plan with each AMO member's need stated (an item
 * or <no-need>), and the supplementary training discussed. */
static void the_competence_plan_names_each_member(void **state)
{
	(void)state;
	arena *a = arena_new();
	const char *text = FIXTURE_HEAD "<name>X</name><headcount>20</headcount>\n"
		"<people><person id=\"l\" role=\"leader\"><name>L</name></person>"
		"<person id=\"r\" role=\"amr\"><name>R</name></person>"
		"<person id=\"s\" role=\"amr\"><name>S</name></person>"
		"<person id=\"t\" role=\"amr\"><name>T</name></person></people>\n"
		"<competence-plan><member ref=\"r\"><item form=\"training\"><topic>T</topic></item></member>"
		"<member ref=\"t\"><no-need/></member></competence-plan>"
		"</workplace>";
	rules_result *r = evaluate(a, load_text(a, text));
	const rules_item *c = rules_find(r, "competence");
	assert_int_equal(c->answer, ANSWER_UNKNOWN);
	assert_int_equal(c->n_gaps, 2);
	assert_string_equal(c->gaps[0].subject, "L");
	assert_string_equal(c->gaps[1].subject, "S");
	assert_non_null(strstr(c->message, "intet behov angivet for L, S i kompetenceudviklingsplanen"));
	assert_int_equal(rules_find(r, "training")->answer, ANSWER_UNKNOWN);
	arena_free(a);
}

/* Goals need the conditions for reaching them, or notes at point 8. */
static void goals_need_their_conditions(void **state)
{
	(void)state;
	arena *a = arena_new();
	const char *text = FIXTURE_HEAD "<name>X</name><headcount>5</headcount>\n"
		"<goals><goal><title>G</title></goal></goals></workplace>";
	const rules_item *g = rules_find(evaluate(a, load_text(a, text)), "goals");
	assert_int_equal(g->answer, ANSWER_UNKNOWN);
	assert_string_equal(g->gaps[0].what, "goal-conditions");
	const char *noted = FIXTURE_HEAD "<name>X</name><headcount>5</headcount>\n"
		"<goals><goal><title>G</title></goal></goals><agenda><point n=\"8\"><notes>Det kræver tid</notes></point></agenda></workplace>";
	assert_int_equal(rules_find(evaluate(a, load_text(a, noted)), "goals")->answer, ANSWER_YES);
	arena_free(a);
}

/* The meeting's committee decides who is invited, of several levels. */
static void the_meetings_committee_is_the_one_invited(void **state)
{
	(void)state;
	arena *a = arena_new();
	const char *text = FIXTURE_HEAD "<name>X</name><headcount>300</headcount><med-agreement applies=\"true\"/>\n"
		"<people><person id=\"b\" role=\"employer\"><name>B</name></person>"
		"<person id=\"h\" role=\"leader\"><name>H</name></person>"
		"<person id=\"l\" role=\"leader\"><name>L</name></person>"
		"<person id=\"t\" role=\"employee\" tr=\"true\"><name>T</name></person></people>\n"
		"<committees><committee id=\"hoved\" level=\"main\"><name>Hoved-MED</name><member ref=\"h\"/></committee>"
		"<committee id=\"lokal\" level=\"local\"><name>Lokal-MED</name><member ref=\"l\"/><member ref=\"t\"/></committee></committees>\n"
		"<meeting><committee ref=\"lokal\"/></meeting></workplace>";
	rules_result *r = evaluate(a, load_text(a, text));
	assert_int_equal(r->n_committees, 1);
	assert_int_equal(r->n_participants, 3);
	assert_string_equal(r->participants[0]->id, "b");
	assert_string_equal(r->participants[1]->id, "l");
	assert_string_equal(r->participants[2]->id, "t");
	/* Without the meeting's choice every committee takes part. */
	const char *all = FIXTURE_HEAD "<name>X</name><headcount>300</headcount><med-agreement applies=\"true\"/>\n"
		"<people><person id=\"h\" role=\"leader\"><name>H</name></person>"
		"<person id=\"l\" role=\"leader\"><name>L</name></person></people>\n"
		"<committees><committee id=\"hoved\"><name>Hoved-MED</name><member ref=\"h\"/></committee>"
		"<committee id=\"lokal\"><name>Lokal-MED</name><member ref=\"l\"/></committee></committees></workplace>";
	r = evaluate(a, load_text(a, all));
	assert_int_equal(r->n_committees, 2);
	assert_int_equal(r->n_participants, 2);
	/* MED without a committee: nobody but the employer's side is known. */
	const char *none = FIXTURE_HEAD "<name>X</name><headcount>300</headcount><med-agreement applies=\"true\"/>\n"
		"<people><person id=\"b\" role=\"employer\" attendance=\"present\"><name>B</name></person>"
		"<person id=\"l\" role=\"leader\" attendance=\"present\"><name>L</name></person></people></workplace>";
	r = evaluate(a, load_text(a, none));
	assert_int_equal(r->n_participants, 1);
	assert_int_equal(rules_find(r, "present-committee-employees")->answer, ANSWER_UNKNOWN);
	assert_string_equal(rules_find(r, "present-committee-employees")->gaps[0].what, "no-committee");
	arena_free(a);
}

/* The four examples: every answer yes (they pass check --strict). */
static void the_examples_are_complete(void **state)
{
	(void)state;
	static const char *const files[] = {"examples/toemrer-6.xml", "examples/kontor-27.xml",
	                                    "examples/produktion-45.xml", "examples/plejecenter-140.xml"};
	for (size_t k = 0; k < 4; k++) {
		arena *a = arena_new();
		am_workplace *wp;
		diag d;
		diag_init(&d);
		assert_int_equal(reader_load(a, files[k], &wp, &d), AM_OK);
		rules_result *r = evaluate(a, wp);
		for (size_t i = 0; i < r->n_items; i++)
			if (r->items[i].answer != ANSWER_YES)
				fail_msg("%s: %s", files[k], r->items[i].message);
		arena_free(a);
	}
}

/* The 45-person kit invites its arbejdsledere (the AMO's leader members). */
static void forty_five_invites_its_arbejdsledere(void **state)
{
	(void)state;
	arena *a = arena_new();
	am_workplace *wp;
	diag d;
	diag_init(&d);
	assert_int_equal(reader_load(a, "examples/produktion-45.xml", &wp, &d), AM_OK);
	rules_result *r = evaluate(a, wp);
	size_t leaders = 0;
	for (size_t i = 0; i < wp->n_people; i++)
		if (wp->people[i].role == ROLE_LEADER) {
			leaders++;
			if (!rules_is_invited(r, &wp->people[i]))
				fail_msg("%s is not invited", wp->people[i].name);
		}
	assert_true(leaders >= 3);
	arena_free(a);
}

/* Out of memory at any allocation: AM_EINTERNAL, never a crash. */
static void out_of_memory_is_an_error(void **state)
{
	(void)state;
	arena *ra = arena_new();
	am_workplace *wp;
	diag d;
	diag_init(&d);
	assert_int_equal(reader_load(ra, "examples/plejecenter-140.xml", &wp, &d), AM_OK);
	int ok = 0;
	for (long k = 0; k < 400 && !ok; k++) {
		arena *a = arena_new();
		rules_result *r;
		arena_fail_after(k);
		int rc = rules_evaluate(a, wp, NULL, &r);
		arena_fail_after(-1);
		if (rc == AM_OK)
			ok = 1;
		else
			assert_null(r);
		arena_free(a);
	}
	assert_true(ok);
	arena_free(ra);
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
		cmocka_unit_test(the_participation_matrix),
		cmocka_unit_test(bands_follow_the_head_count),
		cmocka_unit_test(silence_is_never_yes_or_no),
		cmocka_unit_test(attendance_not_recorded_is_unknown),
		cmocka_unit_test(last_years_goals_are_judged_one_by_one),
		cmocka_unit_test(previous_goals_must_be_evaluated),
		cmocka_unit_test(agenda_notes_cover_a_point),
		cmocka_unit_test(cooperation_names_what_is_missing),
		cmocka_unit_test(the_competence_plan_names_each_member),
		cmocka_unit_test(goals_need_their_conditions),
		cmocka_unit_test(the_meetings_committee_is_the_one_invited),
		cmocka_unit_test(the_examples_are_complete),
		cmocka_unit_test(forty_five_invites_its_arbejdsledere),
		cmocka_unit_test(out_of_memory_is_an_error),
	};
	return cmocka_run_group_tests(tests, NULL, teardown);
}
