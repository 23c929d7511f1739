/* nextyear.h: a workplace file rolled into the next year (`amokit
 * next-year`).
 *
 * What the coming discussion follows up comes along; what it decides anew
 * is left to fill in. This year's goals become last year's goals, with
 * their status and whether they carry over left open; the handleplan's
 * and the APV's rows that are not done stay; the kompetenceudviklingsplan
 * stays, and its items come back as last year's plan to follow up; the
 * årshjul moves to the new year keeping its rules (a repeat keeps its first
 * date, so "first Friday of the month" stays the first Friday; a single
 * date moves a year); the meeting keeps its place and times but not its
 * date; attendance, minutes, accidents and announcements are this year's
 * and go. Comments and layout of the file are kept. */
#ifndef AMOKIT_NEXTYEAR_H
#define AMOKIT_NEXTYEAR_H

#include <stdbool.h>
#include "diag.h"

typedef struct nextyear_opts {
	const char *input;     /* the workplace file ("-": standard input) */
	const char *output;    /* where to write ("-": standard output) */
	int year;              /* the new year; 0: the file's year + 1 */
	bool force;            /* replace an existing output file */
} nextyear_opts;

/* Writes the next year's file. AM_OK, or an exit code with the reasons
 * in d; nothing is written unless the result passes `check`. */
int nextyear_run(const nextyear_opts *o, diag *d);

#endif
