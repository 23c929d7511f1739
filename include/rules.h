/* rules.h: what the law derives from the workplace data.
 *
 * Who takes part in the annual discussion (by head count, or the MED-aftale),
 * which competence point applies, and a compliance summary: for each legally
 * required point, whether the data (or the minutes' agenda notes) covers it.
 * The summary is data, an array of items with stable keys, so the CLI can
 * print it as warnings and the minutes can print it as a page. */
#ifndef AMOKIT_RULES_H
#define AMOKIT_RULES_H

#include <stdbool.h>
#include <stddef.h>
#include "arena.h"
#include "model.h"

typedef enum rules_band {
	BAND_SMALL,    /* 1-9: the employer and all employees */
	BAND_MEDIUM,   /* 10-34: the employer with the AMO's representatives */
	BAND_LARGE,    /* 35+: the arbejdsmiljøudvalg */
	BAND_MED       /* a MED-aftale applies: as the agreement says */
} rules_band;

typedef enum rules_competence {
	COMPETENCE_KNOWLEDGE,  /* under 10: is the needed knowledge present? */
	COMPETENCE_PLAN        /* 10 or more: a kompetenceudviklingsplan */
} rules_competence;

/* One legally required point, or the participants check. */
typedef struct rules_item {
	const char *key;       /* stable: see RULES_KEYS in rules.c */
	bool covered;
	int line;              /* where the data is (or the <workplace> line) */
	const char *message;   /* English CLI text, set when not covered */
} rules_item;

typedef struct rules_result {
	rules_band band;
	rules_competence competence;
	const am_person **participants;  /* invited under the rule, file order */
	size_t n_participants;
	rules_item *items;               /* in the order of the law's points */
	size_t n_items;
} rules_result;

/* The band for a head count and MED flag. */
rules_band rules_band_of(int headcount, bool med_agreement);
/* "small", "medium", "large", "med" (the data tree's tokens). */
const char *rules_band_name(rules_band b);
/* "knowledge" or "plan". */
const char *rules_competence_name(rules_competence c);
/* True when a person with role r is invited under band b. */
bool rules_invites(rules_band b, am_role r);

/* Evaluates the rules for wp into *out, allocated in a. Returns AM_OK or
 * AM_EINTERNAL when out of memory (*out is then NULL). The item keys, in
 * order: last-year-goals, focus-actions, cooperation, goals, competence,
 * participants. */
int rules_evaluate(arena *a, const am_workplace *wp, rules_result **out);

/* The item with key, or NULL. */
const rules_item *rules_find(const rules_result *r, const char *key);

#endif
