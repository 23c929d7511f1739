/* model.c: the tokens of the workplace format's enumerated values and the
 * tables of the records' plain fields; see model.h. One table per enum and
 * per record, so the reader and bind cannot disagree. */
#include "model.h"

#include <assert.h>
#include <stddef.h>
#include <string.h>

const char *const am_role_tokens[] = {"employer", "leader", "amr", "employee", "adviser", NULL};
const char *const am_attendance_tokens[] = {"", "present", "absent", NULL};
const char *const am_item_status_tokens[] = {"", "open", "in-progress", "done", NULL};
const char *const am_goal_status_tokens[] = {"", "reached", "partly", "not-reached", NULL};
const char *const am_done_tokens[] = {"", "done", "partly", "not-done", NULL};
const char *const am_form_tokens[] = {"training", "internal", "external", NULL};
const char *const am_incident_tokens[] = {"accident", "poisoning", "health-damage", "near-miss", NULL};
const char *const am_level_tokens[] = {"", "main", "area", "local", NULL};
const char *const am_function_tokens[] = {"", "chair", "vice-chair", NULL};
const char *const am_training_tokens[] = {"", "meeting", "apv", NULL};
const char *const am_repeat_tokens[] = {"", "monthly", "quarterly", "weekly", "every-2-weeks",
                                        "yearly", "every-2-years", NULL};
const char *const am_repeat_on_tokens[] = {"day", "weekday", "last-weekday", NULL};

int am_token_value(const char *const *tokens, const char *s, int fallback)
{
	for (int i = 0; s && tokens[i]; i++)
		if (strcmp(s, tokens[i]) == 0)
			return i;
	return fallback;
}

const char *am_token(const char *const *tokens, int v)
{
	assert(v >= 0);
	for (int i = 0; i < v; i++)
		assert(tokens[i]);
	assert(tokens[v]);
	return tokens[v][0] ? tokens[v] : NULL;
}

/* ---- fields -------------------------------------------------------------- */

#define TEXT(T, name, m) {name, AM_TEXT, offsetof(T, m), NULL, 0}
#define FIELD(T, name, kind, m) {name, kind, offsetof(T, m), NULL, 0}
#define TOKEN(T, name, m, tokens, unset) {name, AM_TOKEN, offsetof(T, m), tokens, unset}
#define NUMBER(T, name, m, unset) {name, AM_NUMBER, offsetof(T, m), NULL, unset}
#define COUNT(T, name, m, unset) {name, AM_COUNT, offsetof(T, m), NULL, unset}
#define TOKEN_OPT(T, name, m, tokens, unset) {name, AM_TOKEN_OPT, offsetof(T, m), tokens, unset}
#define END {NULL, AM_TEXT, 0, NULL, 0}

/* In the order bind writes them (the data tree's order). */
const am_field am_last_goal_fields[] = {
	TOKEN(am_last_goal, "status", status, am_goal_status_tokens, GOAL_UNSET),
	FIELD(am_last_goal, "carried-over", AM_TRISTATE, carried_over),
	TEXT(am_last_goal, "title", title),
	TEXT(am_last_goal, "comment", comment),
	END,
};

const am_field am_cooperation_eval_fields[] = {
	TEXT(am_cooperation_eval, "summary", summary),
	TEXT(am_cooperation_eval, "time", time),
	TEXT(am_cooperation_eval, "money", money),
	TEXT(am_cooperation_eval, "problems", problems),
	TEXT(am_cooperation_eval, "effectiveness", effectiveness),
	END,
};

const am_field am_competence_done_fields[] = {
	TOKEN(am_competence_done, "status", status, am_done_tokens, DONE_UNSET),
	FIELD(am_competence_done, "planned-hours", AM_HOURS, planned_hours),
	FIELD(am_competence_done, "hours", AM_HOURS, hours),
	TEXT(am_competence_done, "topic", topic),
	TEXT(am_competence_done, "comment", comment),
	END,
};

const am_field am_apv_item_fields[] = {
	TOKEN(am_apv_item, "status", status, am_item_status_tokens, ITEM_UNSET),
	TEXT(am_apv_item, "problem", problem),
	TEXT(am_apv_item, "action", action),
	TEXT(am_apv_item, "owner", owner),
	FIELD(am_apv_item, "deadline", AM_DATE, deadline),
	FIELD(am_apv_item, "group", AM_GROUP, group),
	END,
};

const am_field am_focus_area_fields[] = {
	FIELD(am_focus_area, "id", AM_ATTR, id),
	TEXT(am_focus_area, "title", title),
	TEXT(am_focus_area, "description", description),
	END,
};

const am_field am_goal_fields[] = {
	TEXT(am_goal, "title", title),
	TEXT(am_goal, "success", success),
	TEXT(am_goal, "conditions", conditions),
	FIELD(am_goal, "deadline", AM_DATE, deadline),
	TEXT(am_goal, "owner", owner),
	FIELD(am_goal, "focus", AM_FOCUS, focus),
	FIELD(am_goal, "group", AM_GROUP, group),
	END,
};

const am_field am_action_fields[] = {
	TOKEN(am_action, "status", status, am_item_status_tokens, ITEM_UNSET),
	TEXT(am_action, "what", what),
	TEXT(am_action, "why", why),
	TEXT(am_action, "how", how),
	TEXT(am_action, "when", when),
	TEXT(am_action, "who", who),
	TEXT(am_action, "follow-up", follow_up),
	FIELD(am_action, "focus", AM_FOCUS, focus),
	FIELD(am_action, "group", AM_GROUP, group),
	END,
};

const am_field am_cooperation_fields[] = {
	TEXT(am_cooperation, "frequency", frequency),
	TEXT(am_cooperation, "participants", participants),
	TEXT(am_cooperation, "convenes", convenes),
	TEXT(am_cooperation, "acute", acute),
	TEXT(am_cooperation, "accidents", accidents),
	TEXT(am_cooperation, "information", information),
	END,
};

const am_field am_incident_fields[] = {
	TOKEN(am_incident, "kind", kind, am_incident_tokens, INCIDENT_ACCIDENT),
	FIELD(am_incident, "date", AM_DATE_ATTR, date),
	NUMBER(am_incident, "absence-days", absence_days, -1),
	TEXT(am_incident, "description", description),
	TEXT(am_incident, "follow-up", follow_up),
	END,
};

const am_field am_accidents_fields[] = {
	NUMBER(am_accidents, "year", year, 0),
	NUMBER(am_accidents, "accidents", accidents, -1),
	NUMBER(am_accidents, "poisonings", poisonings, -1),
	NUMBER(am_accidents, "health-damage", health_damage, -1),
	NUMBER(am_accidents, "near-misses", near_misses, -1),
	NUMBER(am_accidents, "absence-days", absence_days, -1),
	TEXT(am_accidents, "summary", summary),
	END,
};

const am_field am_follow_up_fields[] = {
	TEXT(am_follow_up, "how", how),
	TEXT(am_follow_up, "where", where),
	TEXT(am_follow_up, "inform-management", inform_management),
	TEXT(am_follow_up, "inform-employees", inform_employees),
	TEXT(am_follow_up, "goal-evaluation", goal_evaluation),
	END,
};

const am_field am_agenda_point_fields[] = {
	FIELD(am_agenda_point, "start", AM_TIME_ATTR, start),
	NUMBER(am_agenda_point, "minutes", minutes, 0),
	TEXT(am_agenda_point, "notes", notes),
	TEXT(am_agenda_point, "decision", decision),
	END,
};

const am_field am_meeting_fields[] = {
	FIELD(am_meeting, "date", AM_DATE, date),
	FIELD(am_meeting, "start", AM_TIME, start),
	FIELD(am_meeting, "end", AM_TIME, end),
	TEXT(am_meeting, "place", place),
	END,
};

const am_field am_workplace_fields[] = {
	NUMBER(am_workplace, "version", version, 1),
	TEXT(am_workplace, "name", name),
	TEXT(am_workplace, "address", address),
	TEXT(am_workplace, "cvr", cvr),
	COUNT(am_workplace, "headcount", headcount, 0),
	TEXT(am_workplace, "branch", branch),
	END,
};

const am_field am_person_fields[] = {
	FIELD(am_person, "id", AM_ATTR, id),
	TOKEN(am_person, "role", role, am_role_tokens, ROLE_EMPLOYEE),
	TOKEN(am_person, "attendance", attendance, am_attendance_tokens, ATT_UNKNOWN),
	FIELD(am_person, "new-in-amo", AM_FLAG, new_in_amo),
	FIELD(am_person, "deputy", AM_FLAG, deputy),
	FIELD(am_person, "tr", AM_FLAG, tr),
	TEXT(am_person, "name", name),
	TEXT(am_person, "title", title),
	END,
};

const am_field am_group_fields[] = {
	FIELD(am_group, "id", AM_ATTR, id),
	TEXT(am_group, "name", name),
	END,
};

const am_field am_committee_fields[] = {
	FIELD(am_committee, "id", AM_ATTR, id),
	TEXT(am_committee, "name", name),
	TOKEN(am_committee, "level", level, am_level_tokens, LEVEL_UNSET),
	END,
};

const am_field am_committee_member_fields[] = {
	TOKEN(am_committee_member, "function", function, am_function_tokens, FUNCTION_NONE),
	END,
};

/* A member's plan is its person and its items (and no-need, an element
 * with a note): nothing plain. */
const am_field am_competence_member_fields[] = {
	END,
};

const am_field am_competence_item_fields[] = {
	TOKEN(am_competence_item, "form", form, am_form_tokens, FORM_TRAINING),
	TEXT(am_competence_item, "topic", topic),
	TEXT(am_competence_item, "when", when),
	FIELD(am_competence_item, "hours", AM_HOURS_TEXT, hours),
	END,
};

const am_field am_activity_fields[] = {
	TOKEN(am_activity, "repeat", repeat, am_repeat_tokens, REPEAT_NONE),
	TOKEN_OPT(am_activity, "on", on, am_repeat_on_tokens, ON_DAY),
	FIELD(am_activity, "move-to-workday", AM_FLAG, next_workday),
	TEXT(am_activity, "title", title),
	TEXT(am_activity, "responsible", responsible),
	END,
};

/* The tables write enums through int and read every record's line at its
 * start. */
_Static_assert(sizeof(am_goal_status) == sizeof(int) && sizeof(am_done_status) == sizeof(int) &&
               sizeof(am_item_status) == sizeof(int) && sizeof(am_incident_kind) == sizeof(int) &&
               sizeof(am_tristate) == sizeof(int) && sizeof(am_role) == sizeof(int) &&
               sizeof(am_attendance) == sizeof(int) && sizeof(am_committee_level) == sizeof(int) &&
               sizeof(am_committee_function) == sizeof(int) && sizeof(am_competence_form) == sizeof(int) &&
               sizeof(am_repeat) == sizeof(int) && sizeof(am_repeat_on) == sizeof(int), "enums are ints");
_Static_assert(offsetof(am_last_goal, line) == 0 && offsetof(am_competence_done, line) == 0 &&
               offsetof(am_apv_item, line) == 0 && offsetof(am_focus_area, line) == 0 &&
               offsetof(am_goal, line) == 0 && offsetof(am_action, line) == 0 &&
               offsetof(am_incident, line) == 0 && offsetof(am_agenda_point, line) == 0 &&
               offsetof(am_person, line) == 0 && offsetof(am_group, line) == 0 &&
               offsetof(am_committee, line) == 0 && offsetof(am_committee_member, line) == 0 &&
               offsetof(am_competence_member, line) == 0 && offsetof(am_competence_item, line) == 0 &&
               offsetof(am_activity, line) == 0 && offsetof(am_cooperation, line) == 0 &&
               offsetof(am_cooperation_eval, line) == 0,
               "records begin with their line");

bool am_fields_empty(const void *rec, const am_field *f)
{
	for (; f->name; f++)
		if (f->kind == AM_TEXT && *(const char *const *)((const char *)rec + f->offset))
			return false;
	return true;
}
