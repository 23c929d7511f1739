/* rules.h: what the rules derive from the workplace data.
 *
 * Who takes part in the annual discussion (by head count, or under a
 * MED-aftale as the data says), which competence point applies, and a
 * compliance check: for each legally required point and each group that
 * must take part, an answer that the data proves ("yes"), that the data
 * contradicts ("no"), or that the data does not state ("unknown"), with
 * what is missing. Never "yes" or "no" by default. The check is data, an
 * array of items with stable keys and gap tokens, so the CLI can print it
 * as warnings and the minutes can print it as a page. */
#ifndef AMOKIT_RULES_H
#define AMOKIT_RULES_H

#include <stdbool.h>
#include <stddef.h>
#include "arena.h"
#include "model.h"

typedef enum rules_band {
	BAND_SMALL,    /* 1-9: the employer and all employees, no AMO */
	BAND_MEDIUM,   /* 10-34: the employer with the AMO's representatives */
	BAND_LARGE,    /* 35+: the arbejdsmiljøudvalg */
	BAND_MED       /* a MED-aftale applies: as the agreement (the data) says */
} rules_band;

typedef enum rules_competence {
	COMPETENCE_KNOWLEDGE,  /* under 10: is new knowledge needed? */
	COMPETENCE_PLAN        /* 10 or more: a kompetenceudviklingsplan */
} rules_competence;

typedef enum rules_answer {
	ANSWER_YES,      /* the data proves it */
	ANSWER_NO,       /* the data proves otherwise */
	ANSWER_UNKNOWN   /* the data does not say: "Ikke oplyst" */
} rules_answer;

/* One thing missing or contradicting: a stable token (the layouts
 * translate it; see RULES_GAPS in rules.c) and what it concerns. */
typedef struct rules_gap {
	const char *what;
	const char *subject;   /* a person's name, a goal's title; NULL for the point */
	int line;
} rules_gap;

/* One required point or group, with its answer. */
typedef struct rules_item {
	const char *key;       /* stable: see rules_evaluate */
	rules_answer answer;
	int line;              /* where the data is (or the <workplace> line) */
	const char *message;   /* the CLI's text (Danish), set unless the answer is yes */
	rules_gap *gaps;       /* why not yes, in file order */
	size_t n_gaps;
} rules_item;

typedef struct rules_result {
	rules_band band;
	rules_competence competence;
	const am_person **participants;   /* invited, file order */
	size_t n_participants;
	const am_committee **committees;  /* holding the discussion (35+, MED) */
	size_t n_committees;
	rules_item *items;                /* in the order below */
	size_t n_items;
} rules_result;

/* The band for a head count and MED flag. */
rules_band rules_band_of(int headcount, bool med_agreement);
/* "small", "medium", "large", "med" (the data tree's tokens). */
const char *rules_band_name(rules_band b);
/* "knowledge" or "plan". */
const char *rules_competence_name(rules_competence c);
/* "yes", "no", "unknown". */
const char *rules_answer_name(rules_answer a);

/* Evaluates the rules for wp into *out, allocated in a. previous, when not
 * NULL, is last year's file: its goals are the ones to evaluate when wp
 * lists none. Returns AM_OK or AM_EINTERNAL when out of memory (*out is
 * then NULL). The item keys, in order:
 *   present-employer                    the employer or a deputy took part
 *   present-employees                   1-9: employees took part
 *   present-amr, present-leaders        10-34, and 35+ without committees
 *   present-committee-management,
 *   present-committee-employees         35+ with committees, MED
 *   last-year-goals, focus-actions, cooperation, goals, competence,
 *   training                            (training from 10 employees) */
int rules_evaluate(arena *a, const am_workplace *wp, const am_workplace *previous,
                   rules_result **out);

/* The item with key, or NULL. */
const rules_item *rules_find(const rules_result *r, const char *key);
/* Is p among r's participants? */
bool rules_is_invited(const rules_result *r, const am_person *p);
/* True when every item's answer is yes. */
bool rules_all_yes(const rules_result *r);

#endif
