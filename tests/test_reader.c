/* test_reader.c: the safe workplace reader and the model it fills. */
#include "testutil.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <stdlib.h>

#include "fixture_workplace.h"
#include "reader.h"

static char doc_buf[16384];

/* The full fixture with the given head count and MED line. */
static const char *full(const char *headcount, const char *med)
{
	snprintf(doc_buf, sizeof doc_buf, FIXTURE_FULL_FMT, headcount, med);
	return doc_buf;
}

/* Loads text; returns the reader's code, the model in *wp. */
static int load(arena *a, const char *text, am_workplace **wp, diag *d)
{
	diag_init(d);
	return reader_load_mem(a, "dir/t.xml", text, strlen(text), wp, d);
}

/* Loads a minimal document with `extra` after the head count and expects
 * it to be rejected at line with exactly the message want (the first one). */
static void expect_rejected(const char *extra, int line, const char *want)
{
	char text[4096];
	snprintf(text, sizeof text, FIXTURE_HEAD "  <name>X</name>\n  <headcount>7</headcount>\n%s</workplace>\n", extra);
	arena *a = arena_new();
	am_workplace *wp;
	diag d;
	assert_int_equal(load(a, text, &wp, &d), AM_EINPUT);
	assert_null(wp);
	assert_true(d.n >= 1);
	if (d.entries[0].line != line || strcmp(d.entries[0].msg, want) != 0)
		fail_msg("got line %d '%s', expected line %d with '%s'", d.entries[0].line,
		         d.entries[0].msg, line, want);
	arena_free(a);
}

/* The same, with a message that contains needle. */
static void expect_rejected_part(const char *extra, int line, const char *needle)
{
	char text[4096];
	snprintf(text, sizeof text, FIXTURE_HEAD "  <name>X</name>\n  <headcount>7</headcount>\n%s</workplace>\n", extra);
	arena *a = arena_new();
	am_workplace *wp;
	diag d;
	assert_int_equal(load(a, text, &wp, &d), AM_EINPUT);
	assert_true(d.n >= 1);
	if (d.entries[0].line != line || !strstr(d.entries[0].msg, needle))
		fail_msg("got line %d '%s', expected line %d with '%s'", d.entries[0].line,
		         d.entries[0].msg, line, needle);
	arena_free(a);
}

/* The same for a whole text: the first message, printed as FILE:LINE:. */
static void expect_message(const char *text, const char *want)
{
	arena *a = arena_new();
	am_workplace *wp;
	diag d;
	assert_int_equal(load(a, text, &wp, &d), AM_EINPUT);
	assert_true(d.n >= 1);
	char got[1000];
	snprintf(got, sizeof got, "%s:%d: %s", d.entries[0].file, d.entries[0].line, d.entries[0].msg);
	if (strcmp(got, want) != 0)
		fail_msg("got      '%s'\nexpected '%s'", got, want);
	arena_free(a);
}

static void full_document_fills_every_section(void **state)
{
	(void)state;
	arena *a = arena_new();
	am_workplace *wp;
	diag d;
	assert_int_equal(load(a, full("12", FIXTURE_NO_MED), &wp, &d), AM_OK);
	assert_int_equal(d.errors, 0);
	assert_string_equal(wp->name, "Værksted Nord ApS");  /* whitespace collapsed and trimmed */
	assert_int_equal(wp->headcount, 12);
	assert_false(wp->med_agreement);
	assert_string_equal(wp->logo, "logo.png");   /* as written: read beneath dir/ (safe_path.h) */
	assert_int_equal(wp->n_people, 5);
	assert_int_equal(wp->people[0].line, 10);
	assert_int_equal(wp->people[1].attendance, ATT_ABSENT);
	assert_true(wp->people[2].new_in_amo);
	assert_int_equal(wp->people[2].role, ROLE_AMR);
	assert_non_null(wp->people[3].group);
	assert_string_equal(wp->people[3].group->name, "Lager");
	assert_int_equal(wp->n_groups, 1);
	assert_ptr_equal(wp->groups[0].leaders[0], &wp->people[1]);
	assert_ptr_equal(wp->groups[0].amrs[0], &wp->people[2]);
	assert_int_equal(wp->people[4].attendance, ATT_UNKNOWN);
	assert_int_equal(wp->meeting.line, 16);
	assert_int_equal(wp->meeting.date.y, 2026);
	assert_int_equal(wp->meeting.start, 13 * 60);
	assert_int_equal(wp->meeting.end, 15 * 60 + 30);
	assert_ptr_equal(wp->meeting.chair, &wp->people[1]);
	assert_ptr_equal(wp->meeting.minute_taker, &wp->people[3]);
	assert_int_equal(wp->meeting.year, 2026);
	assert_int_equal(wp->last_goals[0].status, GOAL_PARTLY);
	assert_int_equal(wp->last_goals[0].carried_over, TRI_YES);
	assert_int_equal(wp->apv_date.d, 29);
	assert_int_equal(wp->apv_items[0].deadline.m, 6);
	assert_int_equal(wp->apv_items[0].status, ITEM_OPEN);
	assert_string_equal(wp->focus[0].title, "Ergonomi");
	assert_int_equal(wp->goals[0].deadline.d, 31);
	assert_int_equal(wp->actions[0].status, ITEM_IN_PROGRESS);
	assert_string_equal(wp->cooperation.frequency, "Hver måned");
	assert_int_equal(wp->competence.knowledge_present, TRI_YES);
	assert_int_equal(wp->competence.n_members, 2);
	assert_ptr_equal(wp->competence.members[0].person, &wp->people[2]);
	assert_true(wp->competence.members[0].items[0].hours > 14.49);
	assert_int_equal(wp->competence.members[1].items[0].form, FORM_EXTERNAL);
	assert_int_equal(wp->accidents.year, 2025);
	assert_int_equal(wp->accidents.accidents, 2);
	assert_int_equal(wp->accidents.poisonings, -1);  /* not given: not stated */
	assert_int_equal(wp->accidents.near_misses, 0);
	assert_int_equal(wp->accidents.incidents[0].date.m, 3);
	assert_string_equal(wp->announcements[0], "Nyt lager");
	assert_int_equal(wp->agenda[0].number, 3);
	assert_int_equal(wp->agenda[0].start, 13 * 60 + 10);
	assert_int_equal(wp->agenda[0].minutes, 15);
	assert_int_equal(wp->wheel.year, 2026);
	assert_int_equal(wp->wheel.n_rings, 2);
	assert_int_equal(wp->wheel.rings[0].colour, 0x112233);
	assert_int_not_equal(wp->wheel.rings[1].colour, 0);  /* a default colour */
	assert_int_equal(wp->wheel.n_activities, 3);
	assert_ptr_equal(wp->wheel.activities[0].ring, &wp->wheel.rings[0]);
	assert_int_equal(wp->wheel.activities[0].repeat, REPEAT_MONTHLY);
	assert_int_equal(wp->wheel.activities[0].end, 10 * 60);
	assert_int_equal(wp->wheel.activities[1].when, WHEN_PERIOD);
	assert_int_equal(wp->wheel.activities[1].to.d, 30);
	assert_int_equal(wp->wheel.activities[2].week, 53);  /* 2026 has 53 ISO weeks */
	arena_free(a);
}

static void minimal_document_leaves_sections_absent(void **state)
{
	(void)state;
	arena *a = arena_new();
	am_workplace *wp;
	diag d;
	assert_int_equal(load(a, FIXTURE_HEAD "<name>X</name><headcount>3</headcount></workplace>", &wp, &d), AM_OK);
	assert_int_equal(wp->n_people, 0);
	assert_int_equal(wp->meeting.line, 0);
	assert_int_equal(wp->meeting.start, -1);
	assert_int_equal(wp->accidents.accidents, -1);
	assert_int_equal(wp->wheel.line, 0);
	assert_null(wp->address);
	arena_free(a);
}

static void prose_keeps_its_paragraphs_and_lists(void **state)
{
	(void)state;
	arena *a = arena_new();
	am_workplace *wp;
	diag d;
	assert_int_equal(load(a, FIXTURE_HEAD "<name>X\n\n  Y</name><headcount>3</headcount>"
	                         "<accidents year=\"2025\"><summary>  To ulykker,\n  begge i lageret.\n \n"
	                         "Det gjorde vi:\n  - nye sko\n  \xE2\x80\xA2 kursus\n- mere\n</summary></accidents></workplace>",
	                      &wp, &d), AM_OK);
	assert_string_equal(wp->name, "X Y");                   /* not prose: one line */
	assert_string_equal(wp->accidents.summary,
	                    "To ulykker, begge i lageret.\n\nDet gjorde vi:\n- nye sko\n\xE2\x80\xA2 kursus\n- mere");
	arena_free(a);
}

/* Format 2's own parts: deputy, TR, groups, committees, the first
 * discussion, last year's cooperation and competence plan followed up,
 * focus and group links, no need, the supplementary training, typed
 * accidents, the follow-up after the meeting. */
static void format_2_parts_are_read(void **state)
{
	(void)state;
	const char *text = FIXTURE_HEAD "<name>X</name><headcount>40</headcount>\n"
		"<people><person id=\"e\" role=\"employer\" attendance=\"absent\"><name>E</name></person>\n"   /* 4 */
		"<person id=\"d\" role=\"leader\" deputy=\"true\" attendance=\"present\" group=\"g\"><name>D</name></person>\n"
		"<person id=\"r\" role=\"amr\" group=\"g\"><name>R</name></person>\n"
		"<person id=\"t\" role=\"employee\" tr=\"true\"><name>T</name></person></people>\n"
		"<amo><group id=\"g\"><name>Hal 1</name><leader ref=\"d\"/><amr ref=\"r\"/></group></amo>\n"   /* 8 */
		"<committees><committee id=\"c\" level=\"local\"><name>Udvalget</name>"
		"<member ref=\"d\" function=\"chair\"/><member ref=\"r\" function=\"vice-chair\"/><member ref=\"t\"/></committee></committees>\n"
		"<meeting><committee ref=\"c\"/></meeting>\n"
		"<first-discussion>Ny virksomhed</first-discussion>\n"
		"<cooperation-evaluation><time>For lidt</time><money>Nok</money></cooperation-evaluation>\n"
		"<competence-follow-up><item ref=\"r\" status=\"partly\" planned-hours=\"7.5\" hours=\"4\"><topic>Kursus</topic></item>"
		"<item status=\"done\"><topic>Andet</topic><who>Tidligere AMR</who></item></competence-follow-up>\n"
		"<apv><item group=\"g\"><problem>P</problem></item></apv>\n"
		"<focus-areas><area id=\"f\"><title>F</title></area></focus-areas>\n"
		"<goals><goal focus=\"f\" group=\"g\"><title>G</title><conditions>Tid</conditions></goal></goals>\n"
		"<action-plan><action focus=\"f\"><what>W</what></action></action-plan>\n"
		"<cooperation><participants>Alle</participants></cooperation>\n"
		"<competence-plan><member ref=\"r\"><no-need>Nyuddannet</no-need></member>"
		"<supplementary-training handled=\"apv\">I APV-processen</supplementary-training></competence-plan>\n"
		"<accidents year=\"2025\" poisonings=\"1\" absence-days=\"3\"><incident kind=\"poisoning\" absence-days=\"3\">"
		"<description>Opløsningsmiddel</description></incident></accidents>\n"
		"<follow-up><responsible ref=\"e\"/><how>H</how><inform-employees>På mødet</inform-employees></follow-up>\n"
		"</workplace>";
	arena *a = arena_new();
	am_workplace *wp;
	diag d;
	assert_int_equal(load(a, text, &wp, &d), AM_OK);
	assert_true(wp->people[1].deputy);
	assert_true(wp->people[3].tr);
	assert_ptr_equal(wp->people[1].group, &wp->groups[0]);
	assert_int_equal(wp->groups[0].line, 8);
	assert_int_equal(wp->n_committees, 1);
	assert_int_equal(wp->committees[0].level, LEVEL_LOCAL);
	assert_int_equal(wp->committees[0].n_members, 3);
	assert_int_equal(wp->committees[0].members[0].function, FUNCTION_CHAIR);
	assert_ptr_equal(wp->committees[0].members[2].person, &wp->people[3]);
	assert_ptr_equal(wp->meeting.committee, &wp->committees[0]);
	assert_true(wp->first_discussion);
	assert_string_equal(wp->first_note, "Ny virksomhed");
	assert_string_equal(wp->cooperation_eval.time, "For lidt");
	assert_null(wp->cooperation_eval.summary);
	assert_int_equal(wp->n_competence_done, 2);
	assert_int_equal(wp->competence_done[0].status, DONE_PARTLY);
	assert_true(wp->competence_done[0].planned_hours > 7.49 && wp->competence_done[0].hours < 4.01);
	assert_string_equal(wp->competence_done[0].who, "R");
	assert_string_equal(wp->competence_done[1].who, "Tidligere AMR");
	assert_true(wp->competence_done[1].hours < 0);  /* not given */
	assert_ptr_equal(wp->apv_items[0].group, &wp->groups[0]);
	assert_ptr_equal(wp->goals[0].focus, &wp->focus[0]);
	assert_string_equal(wp->goals[0].conditions, "Tid");
	assert_ptr_equal(wp->actions[0].focus, &wp->focus[0]);
	assert_null(wp->actions[0].group);
	assert_string_equal(wp->cooperation.participants, "Alle");
	assert_true(wp->competence.members[0].no_need);
	assert_int_equal(wp->competence.members[0].n_items, 0);
	assert_int_equal(wp->competence.training, TRAINING_APV);
	assert_int_equal(wp->accidents.poisonings, 1);
	assert_int_equal(wp->accidents.accidents, -1);
	assert_int_equal(wp->accidents.incidents[0].kind, INCIDENT_POISONING);
	assert_int_equal(wp->accidents.incidents[0].absence_days, 3);
	assert_ptr_equal(wp->follow_up.responsible, &wp->people[0]);
	assert_string_equal(wp->follow_up.inform_employees, "På mødet");
	assert_null(wp->follow_up.where);
	arena_free(a);
}

/* A format 1 file is refused with what changed, at its lines. */
static void format_1_is_refused_with_what_changed(void **state)
{
	(void)state;
	const char *text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<workplace xmlns=\"urn:amokit:workplace:1\" version=\"1\">\n"
		"<name>X</name><headcount>40</headcount>\n"
		"<people><person id=\"a\" role=\"supervisor\"><name>A</name><group>Hal 1</group></person>\n"  /* 4 */
		"<person id=\"b\" role=\"amo-member\"><name>B</name></person>\n"
		"<person id=\"c\" role=\"supervisor\"><name>C</name></person></people>\n"
		"<last-year-goals><goal status=\"reached\"><title>G</title></goal></last-year-goals>\n"   /* 7 */
		"<accidents count=\"2\"><incident kind=\"illness\"><description>D</description></incident></accidents>\n"
		"</workplace>\n";
	arena *a = arena_new();
	am_workplace *wp;
	diag d;
	assert_int_equal(load(a, text, &wp, &d), AM_EINPUT);
	assert_null(wp);
	static const struct { int line; const char *needle; } want[] = {
		{2, "format 1"}, {4, "role=\"supervisor\" (arbejdsleder) er slået sammen med \"leader\""},
		{4, "<group> inde i <person>"}, {5, "role=\"amo-member\" findes ikke i format 2"}, {7, "carried-over"},
		{8, "accidents=\"N\""}, {8, "year=\"ÅÅÅÅ\""}, {8, "kind=\"illness\" hedder kind=\"health-damage\""},
	};
	assert_int_equal(d.n, (int)(sizeof want / sizeof want[0]));
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
		if (d.entries[i].line != want[i].line || !strstr(d.entries[i].msg, want[i].needle))
			fail_msg("record %zu: got line %d '%s', expected line %d with '%s'", i, d.entries[i].line,
			         d.entries[i].msg, want[i].line, want[i].needle);
	assert_non_null(strstr(d.entries[1].msg, "(også linje 6)"));
	arena_free(a);
}

static void bad_values_are_reported_with_their_line(void **state)
{
	(void)state;
	expect_rejected("<meeting><date>2025-02-30</date></meeting>\n", 5,
	                "<date>: \"2025-02-30\" er ikke en dato, der findes; skriv år-måned-dag, fx 2026-03-24");
	expect_rejected("<meeting><date>2101-01-01</date></meeting>\n", 5,
	                "<date>: året 2101 i \"2101-01-01\" ligger uden for det mulige; skriv et år fra 1990 til 2100");
	expect_rejected("<meeting>\n<date>01-06-2025</date></meeting>\n", 6,
	                "<date>: \"01-06-2025\" er skrevet som en dansk dato; skriv den som 2025-06-01 (år-måned-dag)");
	expect_rejected("<meeting><start>10:00</start><end>10:00</end></meeting>\n", 5,
	                "<end>: 10:00 er ikke efter starten 10:00; skriv et senere klokkeslæt");
	expect_rejected("<meeting><chair ref=\"x\"/></meeting>\n", 5,
	                "<chair ref=\"x\">: der er ingen <person id=\"x\"> i <people>");
	expect_rejected("<people><person id=\"a\" role=\"amr\"><name>A</name></person>\n"
	                "<person id=\"a\" role=\"amr\"><name>B</name></person></people>\n", 6,
	                "<person id=\"a\">: id'et bruges allerede på linje 5; hver person skal have sit eget id");
	expect_rejected("<people><person id=\"jens\" role=\"amr\"><name>A</name></person></people>\n"
	                "<competence-plan><member ref=\"jnes\"><item form=\"training\"><topic>T</topic></item></member></competence-plan>\n",
	                6, "<member ref=\"jnes\">: der er ingen <person id=\"jnes\"> i <people>; mente du \"jens\"?");
	expect_rejected("<agenda><point n=\"2\"/>\n<point n=\"2\"/></agenda>\n", 6,
	                "<point n=\"2\">: punktet står allerede på linje 5; hvert punkt må kun stå én gang");
	expect_rejected("<wheel year=\"2025\"><ring id=\"r\">R</ring><ring id=\"r\">S</ring></wheel>\n", 5,
	                "<ring id=\"r\">: id'et bruges allerede på linje 5; hver ring skal have sit eget id");
	expect_rejected("<wheel year=\"2025\"><ring id=\"r\">R</ring>\n<activity ring=\"q\"><title>T</title><month>2</month></activity></wheel>\n",
	                6, "<activity ring=\"q\">: der er ingen <ring id=\"q\"> i <wheel>; mente du \"r\"?");
	expect_rejected("<wheel year=\"2025\"><ring id=\"r\">R</ring>\n<activity ring=\"r\"><title>T</title><week>53</week></activity></wheel>\n",
	                6, "<week>: uge 53 findes ikke i 2025; skriv en uge fra 1 til 52");
	expect_rejected("<wheel year=\"2025\" start-month=\"8\"><ring id=\"r\">R</ring>\n<activity ring=\"r\"><title>T</title><date>2025-07-31</date></activity></wheel>\n",
	                6, "<date>: \"2025-07-31\" ligger uden for årshjulets år; skriv en dato fra 2025-08-01 og før 2026-08-01");
	expect_rejected("<wheel year=\"2025\"><ring id=\"r\">R</ring>\n<activity ring=\"r\"><title>T</title><period from=\"2025-03-02\" to=\"2025-03-01\"/></activity></wheel>\n",
	                6, "<period>: to=\"2025-03-01\" ligger før from=\"2025-03-02\"; from skal være den første dato");
	/* format 2's references */
	expect_rejected_part("<people><person id=\"a\" role=\"amr\" group=\"nope\"><name>A</name></person></people>\n", 5,
	                "<person group=\"nope\">: der er ingen <group id=\"nope\"> i <amo>");
	expect_rejected_part("<people><person id=\"a\" role=\"employee\"><name>A</name></person></people>\n"
	                "<amo><group id=\"g\"><name>G</name><amr ref=\"a\"/></group></amo>\n", 6,
	                "<amr ref=\"a\">: personen har role=\"employee\"; her skal stå en arbejdsmiljørepræsentant");
	expect_rejected_part("<people><person id=\"a\" role=\"amr\"><name>A</name></person></people>\n"
	                "<amo><group id=\"g\"><name>G</name><leader ref=\"a\"/></group></amo>\n", 6,
	                "her skal stå en leder i AMO");
	expect_rejected_part("<amo><group id=\"g\"><name>G</name></group>\n<group id=\"g\"><name>H</name></group></amo>\n", 6,
	                "<group id=\"g\">: id'et bruges allerede på linje 5");
	expect_rejected_part("<people><person id=\"a\" role=\"employer\" deputy=\"true\"><name>A</name></person></people>\n", 5,
	                "kan ikke være sin egen stedfortræder");
	expect_rejected_part("<people><person id=\"a\" role=\"adviser\"><name>A</name></person></people>\n"
	                "<committees><committee id=\"c\"><name>C</name><member ref=\"a\"/></committee></committees>\n", 6,
	                "<member ref=\"a\">: en rådgiver er ikke medlem af udvalget");
	expect_rejected_part("<people><person id=\"a\" role=\"amr\"><name>A</name></person></people>\n"
	                "<committees><committee id=\"c\"><name>C</name><member ref=\"a\"/>\n<member ref=\"a\"/></committee></committees>\n", 7,
	                "er allerede medlem på linje 6");
	expect_rejected_part("<meeting><committee ref=\"c\"/></meeting>\n", 5, "<committee ref=\"c\">: der er ingen <committee id=\"c\">");
	expect_rejected_part("<first-discussion/>\n<last-year-goals><goal><title>G</title></goal></last-year-goals>\n", 6,
	                "<first-discussion> på linje 5");
	expect_rejected_part("<focus-areas><area><title>A</title></area></focus-areas>\n<goals><goal focus=\"x\"><title>G</title></goal></goals>\n", 6,
	                "<goal focus=\"x\">: der er intet <area id=\"x\">");
	expect_rejected_part("<people><person id=\"a\" role=\"amr\"><name>A</name></person></people>\n<competence-plan>"
	                "<member ref=\"a\"><no-need/></member>\n<member ref=\"a\"><no-need/></member></competence-plan>\n", 7,
	                "har allerede en plan på linje 6");
}

/* Repeats: their kinds, day, end and moves to working days, and the
 * combinations that make no sense are refused with their line. */
static void repeats_read_and_refuse_what_makes_no_sense(void **state)
{
	(void)state;
	const char *text = FIXTURE_HEAD "<name>X</name><headcount>3</headcount><wheel year=\"2026\"><ring id=\"r\">R</ring>\n"
		"<activity ring=\"r\" repeat=\"monthly\" on=\"weekday\" move-to-workday=\"true\" until=\"2026-10-31\">"
		"<title>Første fredag</title><date>2026-01-02</date></activity>\n"
		"<activity ring=\"r\" repeat=\"every-2-weeks\"><title>T</title><date>2024-03-04</date></activity>\n"
		"<activity ring=\"r\" repeat=\"every-2-years\"><title>T</title><date>2024-05-01</date></activity>\n"
		"<activity ring=\"r\"><title>Over nytår</title><period from=\"2026-12-20\" to=\"2027-01-06\"/></activity>\n"
		"<activity ring=\"r\" repeat=\"weekly\"><title>T</title><week>3</week></activity>\n"
		"</wheel></workplace>";
	arena *a = arena_new();
	am_workplace *wp;
	diag d;
	assert_int_equal(load(a, text, &wp, &d), AM_OK);
	const am_activity *x = wp->wheel.activities;
	assert_int_equal(x[0].repeat, REPEAT_MONTHLY);
	assert_int_equal(x[0].on, ON_WEEKDAY);
	assert_true(x[0].next_workday);
	assert_int_equal(x[0].until.m, 10);
	assert_int_equal(x[1].repeat, REPEAT_FORTNIGHTLY);
	assert_int_equal(x[1].from.y, 2024);   /* a series begun before the year */
	assert_int_equal(x[2].repeat, REPEAT_BIENNIAL);
	assert_int_equal(x[3].to.y, 2027);   /* runs on past the year's end */
	assert_int_equal(x[4].repeat, REPEAT_WEEKLY);
	arena_free(a);
	const char *w = "<wheel year=\"2026\"><ring id=\"r\">R</ring>\n";
	char buf[512];
#define REJECT(act, needle)                                                             \
	do {                                                                            \
		snprintf(buf, sizeof buf, "%s%s</wheel>\n", w, act);                   \
		expect_rejected_part(buf, 6, needle);                                        \
	} while (0)
	REJECT("<activity ring=\"r\" on=\"weekday\"><title>T</title><date>2026-01-02</date></activity>",
	       "kræver en <date> og en gentagelse hver måned");
	REJECT("<activity ring=\"r\" repeat=\"weekly\" on=\"weekday\"><title>T</title><date>2026-01-02</date></activity>",
	       "kræver en <date> og en gentagelse hver måned");
	REJECT("<activity ring=\"r\" repeat=\"weekly\"><title>T</title><month>2</month></activity>",
	       "en <month> kan ikke gentages ugevis");
	REJECT("<activity ring=\"r\" repeat=\"monthly\"><title>T</title><week>2</week></activity>",
	       "kan ikke gentages månedsvis");
	REJECT("<activity ring=\"r\" repeat=\"weekly\"><title>T</title><period from=\"2026-01-05\" to=\"2026-01-14\"/></activity>",
	       "en periode på 10 dage, der gentages hver uge, overlapper sig selv");
	REJECT("<activity ring=\"r\" until=\"2026-05-01\"><title>T</title><date>2026-01-02</date></activity>",
	       "kræver en gentagelse");
	REJECT("<activity ring=\"r\" repeat=\"monthly\" until=\"2025-12-01\"><title>T</title><date>2026-01-02</date></activity>",
	       "ligger før den første dato");
	REJECT("<activity ring=\"r\" repeat=\"monthly\"><title>T</title><date>2027-01-02</date></activity>",
	       "en dato før årets slutning i 2026");
	REJECT("<activity ring=\"r\"><title>T</title><date>2025-12-31</date></activity>", "ligger uden for årshjulets år");
	REJECT("<activity ring=\"r\"><title>T</title><period from=\"2025-12-01\" to=\"2025-12-31\"/></activity>",
	       "ligger uden for årshjulets år");
#undef REJECT
}
/* The mistakes people make when they write a workplace file by hand, each
 * answered with what is wrong and what to write instead (issue 18). */
#define H FIXTURE_HEAD
#define NH "  <name>X</name>\n  <headcount>7</headcount>\n"
static void common_mistakes_are_explained(void **state)
{
	(void)state;
	/* A Danish date, as an element and as an attribute. */
	expect_message(H NH "  <meeting>\n    <date>24-03-2026</date>\n  </meeting>\n</workplace>\n",
	               "dir/t.xml:6: <date>: \"24-03-2026\" er skrevet som en dansk dato; skriv den som 2026-03-24 (år-måned-dag)");
	expect_message(H NH "  <wheel year=\"2026\"><ring id=\"r\">R</ring>\n"
	               "  <activity ring=\"r\"><title>T</title><period from=\"1.4.2026\" to=\"2026-04-30\"/></activity></wheel>\n</workplace>\n",
	               "dir/t.xml:6: <period from=\"…\">: \"1.4.2026\" er skrevet som en dansk dato; skriv den som 2026-04-01 (år-måned-dag)");
	expect_message(H NH "  <meeting><date>marts</date></meeting>\n</workplace>\n",
	               "dir/t.xml:5: <date>: \"marts\" er ikke en dato; skriv år-måned-dag, fx 2026-03-24");
	/* A bare &, and one inside a word. */
	expect_message(H "  <name>Holm & Søn</name>\n  <headcount>7</headcount>\n</workplace>\n",
	               "dir/t.xml:3: et & skal skrives som &amp; i XML, fx \"Holm &amp; Søn\"");
	expect_message(H "  <name>R&D</name>\n  <headcount>7</headcount>\n</workplace>\n",
	               "dir/t.xml:3: et & skal skrives som &amp; i XML, fx \"R&amp;D\"");
	expect_message(H "  <name>A&nbsp;B</name>\n  <headcount>7</headcount>\n</workplace>\n",
	               "dir/t.xml:3: &nbsp; kendes ikke i XML; skriv tegnet selv, og et & som &amp; "
	               "(kun &amp; &lt; &gt; &quot; og &apos; kan bruges)");
	/* A required element missing: which one, and where it goes. */
	expect_message(H "  <name>X</name>\n</workplace>\n",
	               "dir/t.xml:2: <workplace> mangler <headcount> (antal ansatte, fx 27); skriv den efter <name> (linje 3)");
	expect_message(H "  <name>X</name>\n  <branch>Byg</branch>\n</workplace>\n",
	               "dir/t.xml:4: <workplace> mangler <headcount> (antal ansatte, fx 27), som skal stå før <branch>");
	expect_message(H NH "  <people>\n    <person id=\"a\" role=\"amr\"><title>AMR</title></person>\n  </people>\n</workplace>\n",
	               "dir/t.xml:6: <person> mangler <name> (personens navn, fx Jens Holm), som skal stå før <title>");
	expect_message(H NH "  <wheel year=\"2026\"><ring id=\"r\">R</ring>\n  <activity ring=\"r\"><title>T</title></activity></wheel>\n</workplace>\n",
	               "dir/t.xml:6: <activity> mangler en af <date>, <period>, <month> eller <week>; skriv den efter <title> (linje 6)");
	/* 14.00 as a time. */
	expect_message(H NH "  <meeting>\n    <start>14.00</start>\n  </meeting>\n</workplace>\n",
	               "dir/t.xml:6: <start>: \"14.00\": skriv klokkeslættet som 14:00 (timer:minutter)");
	expect_message(H NH "  <wheel year=\"2026\"><ring id=\"r\">R</ring>\n"
	               "  <activity ring=\"r\"><title>T</title><month>3</month><time start=\"9.30\"/></activity></wheel>\n</workplace>\n",
	               "dir/t.xml:6: <time start=\"…\">: \"9.30\": skriv klokkeslættet som 09:30 (timer:minutter)");
	/* An unknown element: the nearest valid name, or where it belongs. */
	expect_message(H "  <name>X</name>\n  <adress>Vej 1</adress>\n  <headcount>7</headcount>\n</workplace>\n",
	               "dir/t.xml:4: <adress> findes ikke i <workplace>; mente du <address>?");
	expect_message(H NH "  <people>\n    <person id=\"a\" role=\"amr\"><name>A</name><titel>AMR</titel></person>\n  </people>\n</workplace>\n",
	               "dir/t.xml:6: <titel> findes ikke i <person>; mente du <title>?");
	expect_message(H NH "  <date>2026-03-24</date>\n</workplace>\n",
	               "dir/t.xml:5: <date> hører ikke til i <workplace>, men i <meeting> eller <activity>");
	expect_message(H NH "  <meeting><place>Kantinen</place><date>2026-03-24</date></meeting>\n</workplace>\n",
	               "dir/t.xml:5: <date> skal stå før <place> (linje 5); rækkefølgen i <meeting> er <date>, <start>, "
	               "<end>, <place>, <chair>, <minute-taker>, <covers-year> og <committee>");
	/* Attributes: a typo, a missing one, a value not on the list, Danish yes. */
	expect_message(H NH "  <people><person id=\"a\" rolle=\"amr\"><name>A</name></person></people>\n</workplace>\n",
	               "dir/t.xml:5: <person> har ingen attribut rolle; mente du role?");
	expect_message(H NH "  <people><person id=\"a\"><name>A</name></person></people>\n</workplace>\n",
	               "dir/t.xml:5: <person> mangler attributten role=\"…\" (personens rolle); mulige værdier: employer, leader, amr, "
	               "employee og adviser");
	expect_message(H NH "  <people><person id=\"a\" role=\"amo\"><name>A</name></person></people>\n</workplace>\n",
	               "dir/t.xml:5: <person role=\"…\">: \"amo\" kan ikke bruges; mente du amr? Mulige værdier: employer "
	               "(arbejdsgiveren), leader (leder i arbejdsmiljøorganisationen), amr (arbejdsmiljørepræsentant), "
	               "employee (ansat, som ikke er med i arbejdsmiljøorganisationen), adviser (rådgiver eller gæst udefra)");
	expect_message(H "  <name>X</name>\n  <headcount>7</headcount>\n  <med-agreement applies=\"ja\"/>\n</workplace>\n",
	               "dir/t.xml:5: <med-agreement applies=\"…\">: skriv true (ja), ikke \"ja\"");
	/* Numbers as Danes write them. */
	expect_message(H "  <name>X</name>\n  <headcount>27 ansatte</headcount>\n</workplace>\n",
	               "dir/t.xml:4: <headcount>: \"27 ansatte\" er ikke et tal; skriv kun cifre, fx 7");
	expect_message(H NH "  <people><person id=\"a\" role=\"amr\"><name>A</name></person></people>\n"
	               "  <competence-plan><member ref=\"a\"><item form=\"training\"><topic>T</topic>\n"
	               "    <hours>7,5</hours></item></member></competence-plan>\n</workplace>\n",
	               "dir/t.xml:7: <hours>: \"7,5\": skriv tallet med punktum, ikke komma: 7.5");
	/* Broken tags. */
	expect_message(H NH "  <meeting><date>2026-03-24</dato></meeting>\n</workplace>\n",
	               "dir/t.xml:5: <date> fra linje 5 lukkes med </dato>; skriv </date>");
	expect_message(H NH "  <branch>Byg\n</workplace>\n",
	               "dir/t.xml:6: <branch> fra linje 5 er ikke lukket; skriv </branch> før </workplace>");
	expect_message("<?xml version=\"1.0\"?>\n<workplace version=\"1\">\n" NH "</workplace>\n",
	               "dir/t.xml:2: <workplace> mangler sit navnerum; skriv <workplace xmlns=\"urn:amokit:workplace:2\" version=\"2\">");
}
#undef H
#undef NH

/* Texts are kept in NFC without invisible characters (norm.h). */
static void texts_are_normalised_when_read(void **state)
{
	(void)state;
	arena *a = arena_new();
	am_workplace *wp;
	diag d;
	const char *text = FIXTURE_HEAD
		"  <name>\xEF\xBB\xBF" "A\xCC\x8A" "se \xE2\x80\x8B Bo\xE2\x80\x8Cg</name>\n"   /* BOM, A + ring, ZWSP, ZWNJ */
		"  <headcount>7</headcount>\n"
		"  <people><person id=\"p1\" role=\"amr\"><name>Ole\xC2\xADsen</name></person></people>\n"
		"</workplace>\n";
	assert_int_equal(load(a, text, &wp, &d), AM_OK);
	assert_string_equal(wp->name, "\xC3\x85se Bog");        /* "Åse Bog": spaces squeezed again */
	assert_string_equal(wp->people[0].name, "Ole\xC2\xADsen");   /* the soft hyphen stays */
	arena_free(a);
	/* no character is refused: each one above U+007F is noted once, where
	 * it is first used (amokit check says which the fonts lack) */
	const char *chars = FIXTURE_HEAD
		"  <name>Sne \xe2\x98\x83 \xC3\xA6</name>\n"
		"  <headcount>7</headcount>\n"
		"  <announcements><announcement>\xC3\xA6 \xF0\x9F\x98\x80 \xe2\x98\x83 \xF0\x9F\x98\x80</announcement></announcements>\n"
		"</workplace>\n";
	a = arena_new();
	assert_int_equal(load(a, chars, &wp, &d), AM_OK);
	assert_int_equal(wp->n_chars, 3);
	assert_int_equal(wp->chars[0].cp, 0x2603);
	assert_int_equal(wp->chars[0].line, 3);
	assert_string_equal(wp->chars[0].element, "name");
	assert_int_equal(wp->chars[1].cp, 0xE6);
	assert_int_equal(wp->chars[2].cp, 0x1F600);
	assert_int_equal(wp->chars[2].line, 5);
	assert_string_equal(wp->chars[2].element, "announcement");
	arena_free(a);
	/* a name of invisible characters only is no name */
	expect_rejected("<people><person id=\"p\" role=\"amr\"><name>\xE2\x80\x8B</name></person></people>\n",
	                5, "<name>: teksten består kun af usynlige tegn (fx U+200B, mellemrum uden bredde); "
	                "skriv en tekst, der kan ses");
}

static void a_wheel_year_may_start_in_another_month(void **state)
{
	(void)state;
	const char *text = FIXTURE_HEAD "<name>X</name><headcount>3</headcount>"
		"<wheel year=\"2025\" start-month=\"8\"><ring id=\"r\">R</ring>"
		"<activity ring=\"r\"><title>T</title><date>2026-07-31</date></activity></wheel></workplace>";
	arena *a = arena_new();
	am_workplace *wp;
	diag d;
	assert_int_equal(load(a, text, &wp, &d), AM_OK);
	assert_int_equal(wp->wheel.start_month, 8);
	arena_free(a);
}

static void hostile_bytes_are_refused_before_parsing(void **state)
{
	(void)state;
	static const struct { const char *text; size_t len; int line; const char *needle; } cases[] = {
		{"", 0, 1, "filen er tom"},
		{"<?xml version=\"1.0\"?>\n<a>\xff</a>", 29, 2, "ugyldig UTF-8 (byte 0xFF)"},
		{"<?xml version=\"1.0\"?>\n\n<a>\0</a>", 31, 3, "NUL-byte"},
		{"<?xml version=\"1.0\"?>\n<a>\xc0\xaf</a>", 30, 2, "ugyldig UTF-8"},      /* overlong */
		{"<?xml version=\"1.0\"?>\n<a>\xed\xa0\x80</a>", 31, 2, "ugyldig UTF-8"},  /* surrogate */
		{"<?xml version=\"1.0\"?>\n<a>\x01</a>", 28, 2, "styretegnet U+0001"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		arena *a = arena_new();
		am_workplace *wp;
		diag d;
		diag_init(&d);
		assert_int_equal(reader_load_mem(a, "t.xml", cases[i].text, cases[i].len, &wp, &d), AM_EINPUT);
		assert_int_equal(d.entries[0].line, cases[i].line);
		assert_non_null(strstr(d.entries[0].msg, cases[i].needle));
		arena_free(a);
	}
}

static void any_doctype_is_refused_at_its_line(void **state)
{
	(void)state;
	const char *text = "<?xml version=\"1.0\"?>\n\n<!DOCTYPE workplace [\n"
		"<!ENTITY a \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\">\n"
		"<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n]>\n"
		"<workplace xmlns=\"urn:amokit:workplace:2\" version=\"2\"><name>&b;</name><headcount>1</headcount></workplace>";
	arena *a = arena_new();
	am_workplace *wp;
	diag d;
	assert_int_equal(load(a, text, &wp, &d), AM_EINPUT);
	assert_int_equal(d.n, 1);
	assert_int_equal(d.entries[0].line, 3);
	assert_non_null(strstr(d.entries[0].msg, "DOCTYPE"));
	arena_free(a);
}

static void nesting_is_limited(void **state)
{
	(void)state;
	static char text[8192];
	size_t n = (size_t)snprintf(text, sizeof text, FIXTURE_HEAD);
	for (int i = 0; i < 300; i++)
		n += (size_t)snprintf(text + n, sizeof text - n, "<x>");
	arena *a = arena_new();
	am_workplace *wp;
	diag d;
	assert_int_equal(load(a, text, &wp, &d), AM_EINPUT);
	/* The schema refuses <x> first; the depth limit still ends the parse. */
	bool found = false;
	for (int i = 0; i < d.n; i++)
		found |= strstr(d.entries[i].msg, "indlejret i mere end 256 niveauer") != NULL && d.entries[i].line == 3;
	assert_true(found);
	arena_free(a);
}

static void many_errors_stop_at_the_limit(void **state)
{
	(void)state;
	static char text[65536];
	size_t n = (size_t)snprintf(text, sizeof text, FIXTURE_HEAD "<name>X</name><headcount>3</headcount><wheel year=\"2025\"><ring id=\"r\">R</ring>\n");
	for (int i = 0; i < 100; i++)
		n += (size_t)snprintf(text + n, sizeof text - n,
		                      "<activity ring=\"r\"><title>T</title><date>2025-02-30</date></activity>\n");
	snprintf(text + n, sizeof text - n, "</wheel></workplace>\n");
	arena *a = arena_new();
	am_workplace *wp;
	diag d;
	assert_int_equal(load(a, text, &wp, &d), AM_EINPUT);
	assert_int_equal(d.n, DIAG_MAX);
	assert_int_equal(d.errors, 100);
	assert_int_equal(d.entries[0].line, 4);
	assert_int_equal(d.entries[DIAG_MAX - 1].line, 3 + DIAG_MAX);
	arena_free(a);
}

static void files_are_read_with_a_cap(void **state)
{
	(void)state;
	char path[] = "/tmp/amokit-test-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	const char *text = FIXTURE_HEAD "<name>X</name><headcount>3</headcount></workplace>\n";
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	arena *a = arena_new();
	am_workplace *wp;
	diag d;
	diag_init(&d);
	assert_int_equal(reader_load(a, path, &wp, &d), AM_OK);
	assert_string_equal(wp->file, path);
	reader_set_max_bytes(20);
	assert_int_equal(reader_load(a, path, &wp, &d), AM_EINPUT);
	char want[100];
	snprintf(want, sizeof want, "filen fylder %zu byte; grænsen er 20 byte (--max-size)", strlen(text));
	assert_string_equal(d.entries[0].msg, want);
	reader_set_max_bytes(0);
	assert_int_equal(reader_max_bytes(), READER_DEFAULT_MAX_BYTES);
	diag_init(&d);
	assert_int_equal(reader_load(a, "/tmp", &wp, &d), AM_EUSAGE);
	assert_int_equal(reader_load(a, "/dev/zero", &wp, &d), AM_EUSAGE);
	assert_int_equal(reader_load(a, "/nonexistent/x.xml", &wp, &d), AM_EUSAGE);
	unlink(path);
	arena_free(a);
}

/* Every allocation of the arena failing in turn gives AM_EINTERNAL (or
 * success once there are enough), never a crash or a leak. */
static void out_of_memory_is_reported_never_a_crash(void **state)
{
	(void)state;
	const char *text = full("12", FIXTURE_NO_MED);
	int ok = 0;
	for (long k = 0; k < 200 && !ok; k++) {
		arena *a = arena_new();
		assert_non_null(a);
		am_workplace *wp;
		diag d;
		diag_init(&d);
		arena_fail_after(k);
		int r = reader_load_mem(a, "t.xml", text, strlen(text), &wp, &d);
		arena_fail_after(-1);
		if (r == AM_OK) {
			ok = 1;
			assert_non_null(wp);
		} else {
			assert_int_equal(r, AM_EINTERNAL);
			assert_true(d.oom);
			assert_null(wp);
		}
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
		cmocka_unit_test(full_document_fills_every_section),
		cmocka_unit_test(minimal_document_leaves_sections_absent),
		cmocka_unit_test(format_2_parts_are_read),
		cmocka_unit_test(format_1_is_refused_with_what_changed),
		cmocka_unit_test(prose_keeps_its_paragraphs_and_lists),
		cmocka_unit_test(bad_values_are_reported_with_their_line),
		cmocka_unit_test(common_mistakes_are_explained),
		cmocka_unit_test(texts_are_normalised_when_read),
		cmocka_unit_test(a_wheel_year_may_start_in_another_month),
		cmocka_unit_test(repeats_read_and_refuse_what_makes_no_sense),
		cmocka_unit_test(hostile_bytes_are_refused_before_parsing),
		cmocka_unit_test(any_doctype_is_refused_at_its_line),
		cmocka_unit_test(nesting_is_limited),
		cmocka_unit_test(many_errors_stop_at_the_limit),
		cmocka_unit_test(files_are_read_with_a_cap),
		cmocka_unit_test(out_of_memory_is_reported_never_a_crash),
	};
	return cmocka_run_group_tests(tests, NULL, teardown);
}
