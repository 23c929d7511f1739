/* model.h: the validated workplace model, as plain C structs.
 *
 * The reader (reader.h) fills one `am_workplace` from a workplace XML file.
 * Every pointer inside it, strings and arrays alike, lives in the arena that
 * was passed to the reader; freeing that arena frees the whole model.
 * Optional strings are NULL when absent; lists are (pointer, count) pairs with
 * count 0 when absent. Every element keeps the source line it came from, so
 * later stages can blame the input precisely. */
#ifndef AMOKIT_MODEL_H
#define AMOKIT_MODEL_H

#include <stdbool.h>
#include <stddef.h>

/* A calendar date; y == 0 means "not given". */
typedef struct am_date { int y, m, d; } am_date;

/* Minutes since midnight; -1 means "not given". */
typedef int am_time;

/* A person's place in the working-environment work (format 2). The AMO's
 * members are its leader members (in AMO usage the leader member is the
 * arbejdsleder: one role) and its AMRs. */
typedef enum am_role {
	ROLE_EMPLOYER,    /* arbejdsgiver: the owner or top manager */
	ROLE_LEADER,      /* leader member of the AMO (arbejdsleder); in MED a management member */
	ROLE_AMR,         /* arbejdsmiljørepræsentant */
	ROLE_EMPLOYEE,    /* employee, not in the AMO */
	ROLE_ADVISER      /* external adviser, guest */
} am_role;

typedef enum am_attendance { ATT_UNKNOWN, ATT_PRESENT, ATT_ABSENT } am_attendance;

typedef enum am_tristate { TRI_UNSET, TRI_NO, TRI_YES } am_tristate;

struct am_group;

typedef struct am_person {
	int line;
	const char *id;        /* unique within the file */
	const char *name;
	const char *title;     /* job title, optional */
	const struct am_group *group;  /* the arbejdsmiljøgruppe they work under, optional */
	am_role role;
	am_attendance attendance;
	bool new_in_amo;       /* joined the AMO since last year's discussion */
	bool deputy;           /* can decide on the employer's behalf */
	bool tr;               /* tillidsrepræsentant */
	const char *lang;      /* the language of their preparation sheet
	                          ("pl"); NULL: the workplace's */
} am_person;

/* An arbejdsmiljøgruppe of the AMO with its leader member(s) and AMR(s). */
typedef struct am_group {
	int line;
	const char *id, *name;
	const am_person **leaders;     size_t n_leaders;
	const am_person **amrs;        size_t n_amrs;
} am_group;

typedef enum am_committee_level { LEVEL_UNSET, LEVEL_MAIN, LEVEL_AREA, LEVEL_LOCAL } am_committee_level;
typedef enum am_committee_function { FUNCTION_NONE, FUNCTION_CHAIR, FUNCTION_VICE_CHAIR } am_committee_function;

typedef struct am_committee_member {
	int line;
	const am_person *person;       /* never NULL in a model the reader accepted */
	am_committee_function function;
} am_committee_member;

/* The arbejdsmiljøudvalg, or under a MED-aftale a MED committee. A
 * member's side follows from their role (employer, leader: management). */
typedef struct am_committee {
	int line;
	const char *id, *name;
	am_committee_level level;
	am_committee_member *members;  size_t n_members;
} am_committee;

typedef enum am_goal_status { GOAL_UNSET, GOAL_REACHED, GOAL_PARTLY, GOAL_NOT_REACHED } am_goal_status;

typedef struct am_last_goal {
	int line;
	const char *title;
	const char *comment;   /* why, how it went */
	am_goal_status status;
	am_tristate carried_over;  /* TRI_UNSET: not decided (not in the file) */
} am_last_goal;

/* How last year's cooperation went (good practice, seed 000). */
typedef struct am_cooperation_eval {
	int line;              /* 0 when the section is absent */
	const char *summary, *time, *money, *problems, *effectiveness;
} am_cooperation_eval;

typedef enum am_done_status { DONE_UNSET, DONE_DONE, DONE_PARTLY, DONE_NOT_DONE } am_done_status;

/* One item of last year's kompetenceudviklingsplan, followed up. */
typedef struct am_competence_done {
	int line;
	const char *topic, *comment;
	const char *who;       /* the person's name: from ref, or <who> */
	const am_person *person;       /* NULL when not in <people> */
	am_done_status status;
	double planned_hours, hours;   /* -1 when not given */
} am_competence_done;

typedef enum am_item_status { ITEM_UNSET, ITEM_OPEN, ITEM_IN_PROGRESS, ITEM_DONE } am_item_status;

typedef struct am_apv_item {
	int line;
	const char *problem, *action, *owner;
	am_date deadline;
	am_item_status status;
	const am_group *group;
} am_apv_item;

typedef struct am_focus_area {
	int line;
	const char *id;        /* optional: goals and actions refer to it */
	const char *title, *description;
} am_focus_area;

typedef struct am_goal {
	int line;
	const char *title, *success, *owner;
	const char *conditions;        /* what it takes to reach it */
	am_date deadline;
	const am_focus_area *focus;
	const am_group *group;
} am_goal;

/* One row of the handleplan: Hvad? Hvorfor? Hvordan? Hvornår? Hvem? Opfølgning? */
typedef struct am_action {
	int line;
	const char *what, *why, *how, *when, *who, *follow_up;
	am_item_status status;
	const am_focus_area *focus;
	const am_group *group;
} am_action;

typedef struct am_cooperation {
	int line;              /* 0 when the section is absent */
	const char *frequency, *participants, *convenes, *acute, *accidents, *information;
} am_cooperation;

typedef enum am_competence_form { FORM_TRAINING, FORM_INTERNAL, FORM_EXTERNAL } am_competence_form;

typedef struct am_competence_item {
	int line;
	const char *topic, *when;
	am_competence_form form;
	double hours;          /* 0 when not given */
} am_competence_item;

typedef struct am_competence_member {
	int line;
	const am_person *person;
	am_competence_item *items;
	size_t n_items;
	bool no_need;          /* <no-need>: no need stated for this year */
	const char *no_need_note;
} am_competence_member;

typedef enum am_training_handled { TRAINING_UNSET, TRAINING_MEETING, TRAINING_APV } am_training_handled;

typedef struct am_competence {
	int line;              /* 0 when the section is absent */
	am_competence_member *members;
	size_t n_members;
	am_tristate knowledge_present;  /* the under-10 question */
	const char *knowledge_note;
	am_training_handled training;   /* AMR and leaders' supplementary training */
	const char *training_note;
	int training_line;
} am_competence;

typedef enum am_incident_kind {
	INCIDENT_ACCIDENT, INCIDENT_POISONING, INCIDENT_HEALTH_DAMAGE, INCIDENT_NEAR_MISS
} am_incident_kind;

typedef struct am_incident {
	int line;
	am_incident_kind kind;
	am_date date;
	int absence_days;      /* -1 when not given */
	const char *description, *follow_up;
} am_incident;

/* The yearly overview of ulykker, forgiftninger og sundhedsskader. */
typedef struct am_accidents {
	int line;              /* 0 when the section is absent */
	int year;              /* the year the overview covers */
	/* totals for the year; -1 when not given */
	int accidents, poisonings, health_damage, near_misses, absence_days;
	am_incident *incidents;
	size_t n_incidents;
	const char *summary;
} am_accidents;

/* After the meeting: the employer's follow-up and information. */
typedef struct am_follow_up {
	int line;              /* 0 when the section is absent */
	const am_person *responsible;
	const char *how, *where, *inform_management, *inform_employees, *goal_evaluation;
} am_follow_up;

/* Notes, decision and time slot for one of the eleven agenda points. */
typedef struct am_agenda_point {
	int line;
	int number;            /* 1..11 */
	am_time start;
	int minutes;           /* planned duration, 0 when not given */
	const char *notes, *decision;
} am_agenda_point;

typedef struct am_meeting {
	int line;              /* 0 when the section is absent */
	am_date date;
	am_time start, end;
	const char *place;
	const am_person *chair, *minute_taker;
	int year;              /* the year it covers; 0 when not given */
	const am_committee *committee;  /* the one holding it; NULL: all */
} am_meeting;

typedef enum am_when_kind { WHEN_DATE, WHEN_PERIOD, WHEN_MONTH, WHEN_WEEK } am_when_kind;
/* How an activity repeats (occur.h says exactly how). New kinds are added
 * at the end: the values index token tables. */
typedef enum am_repeat {
	REPEAT_NONE, REPEAT_MONTHLY, REPEAT_QUARTERLY,
	REPEAT_WEEKLY, REPEAT_FORTNIGHTLY, REPEAT_YEARLY, REPEAT_BIENNIAL
} am_repeat;
/* Which day of the month a month-based repeat keeps: the day of the month,
 * the nth weekday ("første fredag"), or the month's last such weekday. */
typedef enum am_repeat_on { ON_DAY, ON_WEEKDAY, ON_LAST_WEEKDAY } am_repeat_on;

typedef struct am_ring {
	int line;
	const char *id, *name;
	unsigned colour;       /* 0xRRGGBB */
} am_ring;

typedef struct am_activity {
	int line;
	const char *title, *responsible;
	const am_ring *ring;
	am_when_kind when;
	am_date from, to;      /* WHEN_DATE: from only; WHEN_PERIOD: both */
	int month;             /* WHEN_MONTH: 1..12 */
	int week;              /* WHEN_WEEK: ISO week 1..53 */
	am_time start, end;    /* optional time of day, -1 when not given */
	am_repeat repeat;
	am_repeat_on on;       /* for month-based repeats */
	am_date until;         /* the series' last day; y == 0: the wheel's end */
	bool next_workday;     /* an occurrence on a weekend or day off moves to the next working day */
	bool derived;          /* added by the legal rhythm, not in the file */
} am_activity;

typedef struct am_wheel {
	int line;              /* 0 when the section is absent */
	int year;
	int start_month;       /* 1..12, default 1 */
	bool rhythm;           /* add the legally driven activities */
	am_ring *rings;
	size_t n_rings;
	am_activity *activities;
	size_t n_activities;
} am_wheel;

/* A character above U+007F that the file's texts use, where it is first
 * used: its line and element (amokit check warns about the ones the fonts
 * lack; they print as a replacement mark). */
typedef struct am_char {
	unsigned cp;
	int line;
	const char *element;
} am_char;

typedef struct am_workplace {
	const char *file;      /* path it was read from */
	int line;
	int version;
	const char *name, *address, *cvr, *branch;
	const char *logo;      /* as written: relative to the workplace file's
	                          folder, read only beneath it (safe_path.h) */
	int logo_line;
	int headcount;
	bool med_agreement;
	const char *med_note;  /* what the MED-aftale says about participation */
	const char *lang;      /* the participants' language when a person
	                          names none; NULL: Danish */

	am_person *people;             size_t n_people;
	am_group *groups;              size_t n_groups;
	am_committee *committees;      size_t n_committees;
	am_meeting meeting;
	bool first_discussion;         /* no last year to evaluate */
	const char *first_note;
	int first_line;
	am_last_goal *last_goals;      size_t n_last_goals;
	am_cooperation_eval cooperation_eval;
	am_competence_done *competence_done;  size_t n_competence_done;
	am_date apv_date;              /* date of the last APV */
	am_apv_item *apv_items;        size_t n_apv_items;
	am_focus_area *focus;          size_t n_focus;
	am_goal *goals;                size_t n_goals;
	am_action *actions;            size_t n_actions;
	am_cooperation cooperation;
	am_competence competence;
	am_accidents accidents;
	const char **announcements;    size_t n_announcements;
	am_agenda_point *agenda;       size_t n_agenda;
	am_follow_up follow_up;
	am_wheel wheel;
	am_char *chars;                size_t n_chars;   /* each one once, in reading order */
} am_workplace;

/* --- tokens ------------------------------------------------------------ */

/* The workplace format's token of each value of an enum above, in the
 * enum's order and ended by NULL; "" for a value the format does not write
 * (unset). The reader parses with them, bind writes them for the layouts. */
extern const char *const am_role_tokens[];          /* am_role */
extern const char *const am_attendance_tokens[];    /* am_attendance */
extern const char *const am_item_status_tokens[];   /* am_item_status */
extern const char *const am_goal_status_tokens[];   /* am_goal_status */
extern const char *const am_done_tokens[];          /* am_done_status */
extern const char *const am_form_tokens[];          /* am_competence_form */
extern const char *const am_incident_tokens[];      /* am_incident_kind */
extern const char *const am_level_tokens[];         /* am_committee_level */
extern const char *const am_function_tokens[];      /* am_committee_function */
extern const char *const am_training_tokens[];      /* am_training_handled */
extern const char *const am_repeat_tokens[];        /* am_repeat */
extern const char *const am_repeat_on_tokens[];     /* am_repeat_on */

/* The value whose token is s, or fallback when s is NULL or no token. */
int am_token_value(const char *const *tokens, const char *s, int fallback);
/* The token of value v (which must be one of the enum's), or NULL where it
 * is "". */
const char *am_token(const char *const *tokens, int v);

/* ---- fields ----------------------------------------------------------------
 * The plain fields of a record, each once: its name in the workplace
 * format (a child element or an attribute, and the data tree's node of the
 * same name), its kind, and where it sits in the record. The reader fills a
 * record from a table (reader_model), bind writes the record's leaves from
 * the same table in the table's order, so a new field is one line here and
 * one in the schema; a reference to a focus area or a group is a field
 * too. What needs more than a value (references to people, which bind
 * writes out with their name and role; defaults taken from elsewhere;
 * checks across fields or records) stays beside the table, in the reader
 * and in bind, and so does a record's nested list, whose records have a
 * table of their own (rm_read_records, bind_records).
 * Every record in a list begins with `int line`. */
typedef enum am_field_kind {
	AM_TEXT,        /* const char *: a child element's text; NULL when absent */
	AM_ATTR,        /* const char *: an attribute's value; NULL when absent */
	AM_DATE,        /* am_date: a child element; y 0 when absent */
	AM_DATE_ATTR,   /* am_date: an attribute */
	AM_TIME,        /* am_time: a child element; -1 when absent */
	AM_TIME_ATTR,   /* am_time: an attribute */
	AM_TOKEN,       /* an enum: an attribute, one of tokens; unset when absent */
	AM_TRISTATE,    /* am_tristate: a true/false attribute */
	AM_NUMBER,      /* int: an attribute; unset when absent, and then not bound */
	AM_HOURS,       /* double: an attribute, in hours; -1 when absent */
	AM_HOURS_TEXT,  /* double: a child element, in hours; 0 when absent, bound when above 0 */
	AM_COUNT,       /* int: a child element's whole number; unset when absent, and then not bound */
	AM_FLAG,        /* bool: a true/false attribute; bound (as true) only when true */
	AM_TOKEN_OPT,   /* like AM_TOKEN, but the unset value (the format's default) is not bound */
	AM_FOCUS,       /* const am_focus_area *: an attribute naming an <area id>; bound as
	                   focus (the id) and focus-title */
	AM_GROUP,       /* const am_group *: an attribute naming a <group id> of the AMO;
	                   bound as group (the id) and group-name */
} am_field_kind;

typedef struct am_field {
	const char *name;
	am_field_kind kind;
	size_t offset;              /* of the value in the record */
	const char *const *tokens;  /* AM_TOKEN, AM_TOKEN_OPT: the enum's tokens */
	int unset;                  /* AM_TOKEN, AM_TOKEN_OPT, AM_NUMBER, AM_COUNT: the value when absent */
} am_field;

/* Each table ends with a field whose name is NULL. */
extern const am_field am_last_goal_fields[];
extern const am_field am_cooperation_eval_fields[];
extern const am_field am_competence_done_fields[];  /* after ref and who */
extern const am_field am_apv_item_fields[];
extern const am_field am_focus_area_fields[];
extern const am_field am_goal_fields[];
extern const am_field am_action_fields[];
extern const am_field am_cooperation_fields[];
extern const am_field am_incident_fields[];
extern const am_field am_accidents_fields[];        /* before the incidents */
extern const am_field am_follow_up_fields[];        /* after responsible */
extern const am_field am_agenda_point_fields[];     /* after n */
extern const am_field am_meeting_fields[];          /* before chair and the rest */
extern const am_field am_workplace_fields[];        /* the head; before med-agreement and logo */
extern const am_field am_person_fields[];           /* before role-label, lang and group */
extern const am_field am_group_fields[];            /* before leader and amr */
extern const am_field am_committee_fields[];        /* before the members */
extern const am_field am_committee_member_fields[]; /* after ref and side */
extern const am_field am_competence_member_fields[];  /* after ref, before the items */
extern const am_field am_competence_item_fields[];
extern const am_field am_activity_fields[];         /* after ring, before when */

/* Whether every AM_TEXT field of rec is NULL (a section written with all
 * its fields left empty reads as not there). */
bool am_fields_empty(const void *rec, const am_field *f);

#endif
