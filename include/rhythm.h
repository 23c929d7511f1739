/* rhythm.h: the legal rhythm: activities the rules drive, added to the wheel.
 *
 * From the workplace's data: the annual discussion (at the meeting's date,
 * else in a default month), the kompetenceudviklingsplan (at the
 * discussion; only with an AMO: 10+ employees or a MED-aftale), the yearly
 * accident overview (the month before it), the supplementary training of
 * the AMO's AMRs and leaders (the month after it; only with an AMO), and
 * the next APV when it falls due in the wheel's span
 * (three years after the last APV; overdue shows in the first month).
 * Titles come from the caller (layouts/). Derived activities are marked
 * am_activity.derived and sit in a ring of their own. */
#ifndef AMOKIT_RHYTHM_H
#define AMOKIT_RHYTHM_H

#include <stdbool.h>
#include "arena.h"
#include "diag.h"
#include "model.h"

typedef struct rhythm_texts {
	const char *ring;               /* name of the ring they are put in */
	const char *discussion;
	const char *competence_plan;
	const char *apv;
	const char *accident_overview;
	const char *amr_training;
	int default_month;              /* of the discussion when no date: 1..12 */
} rhythm_texts;

/* Adds the derived activities to wp->wheel when wp->wheel.rhythm or force
 * is set (otherwise does nothing). The wheel's rings and activities are
 * copied into a (a ring is added; activities keep pointing at their rings).
 * Returns AM_OK, AM_EINPUT when the wheel has no room for another ring (12)
 * or no year, or AM_EINTERNAL when out of memory (with a diag record). */
int rhythm_apply(arena *a, am_workplace *wp, const rhythm_texts *t, bool force, diag *d);

#endif
