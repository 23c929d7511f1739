/* reader_model.c: a schema-valid libxml2 tree → the am_workplace model.
 *
 * The schema has already fixed the structure, so this walk only converts
 * values and checks what the schema cannot: real calendar dates in
 * READER_MIN_YEAR..READER_MAX_YEAR, the wheel's activities inside its year,
 * references to people and rings, duplicate ids, time order, agenda points
 * given once, ISO week numbers the year has. Text is
 * read only from text nodes (never xmlNodeGetContent), whitespace runs
 * collapsed to one space and trimmed, then normalised (norm.h: NFC, no
 * invisible characters). Every error names the element, the bad value and
 * what was expected. */
#include "reader_model.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "norm.h"
#include "safe_path.h"
#include "text.h"
#include "cal.h"
#include "xsdinfo.h"
#include "utf8.h"
#include "reader_model_int.h"


/* ---- the workplace ------------------------------------------------------ */

/* The logo's path as written: relative to the workplace file's folder,
 * and read (by a layout that shows it) only beneath it (safe_path.h); a
 * path that could not be is refused here already. */
static const char *logo_path(rm *r, xmlNodePtr root, int *line)
{
	xmlNodePtr el = rm_child(root, "logo");
	const char *logo = el ? rm_text_of(r, el) : NULL;
	const char *why = logo ? safe_path_problem(logo) : NULL;
	*line = el ? line_of(el) : 0;
	if (why)
		rm_error_at(r, *line, "<logo>: '%s' er %s", logo, why);
	return logo;
}

static void read_head(rm *r, xmlNodePtr root)
{
	am_workplace *wp = r->wp;
	wp->line = line_of(root);
	rm_read_fields(r, root, wp, am_workplace_fields);
	wp->lang = rm_attr_of(r, root, "lang");
	wp->logo = logo_path(r, root, &wp->logo_line);
	xmlNodePtr med = rm_child(root, "med-agreement");
	if (med) {
		wp->med_agreement = parse_bool(rm_attr_of(r, med, "applies"));
		wp->med_note = rm_text_of(r, med);
	}
	if (!wp->name)
		rm_error_at(r, wp->line, "<name>: arbejdspladsens navn er tomt; skriv navnet");
}

int reader_model_build(arena *a, const char *file, xmlNodePtr root, am_workplace **out, diag *d)
{
	rm r = {.a = a, .d = d};
	*out = NULL;
	r.file = arena_strdup(a, file);
	r.wp = arena_alloc(a, sizeof *r.wp);
	if (!r.file || !r.wp)
		return diag_oom(d, file);
	r.wp->file = r.file;
	read_head(&r, root);
	rm_read_people(&r, rm_child(root, "people"));
	rm_read_amo(&r, rm_child(root, "amo"));
	rm_read_committees(&r, rm_child(root, "committees"));
	rm_read_meeting(&r, rm_child(root, "meeting"));
	rm_read_first_discussion(&r, rm_child(root, "first-discussion"), rm_child(root, "last-year-goals"));
	rm_read_last_goals(&r, rm_child(root, "last-year-goals"));
	rm_read_cooperation_eval(&r, rm_child(root, "cooperation-evaluation"));
	rm_read_competence_done(&r, rm_child(root, "competence-follow-up"));
	rm_read_apv(&r, rm_child(root, "apv"));
	rm_read_focus(&r, rm_child(root, "focus-areas"));
	rm_read_goals(&r, rm_child(root, "goals"));
	rm_read_actions(&r, rm_child(root, "action-plan"));
	rm_read_cooperation(&r, rm_child(root, "cooperation"));
	rm_read_competence(&r, rm_child(root, "competence-plan"));
	rm_read_accidents(&r, rm_child(root, "accidents"));
	rm_read_announcements(&r, rm_child(root, "announcements"));
	rm_read_agenda(&r, rm_child(root, "agenda"));
	rm_read_follow_up(&r, rm_child(root, "follow-up"));
	rm_read_wheel(&r, rm_child(root, "wheel"));
	if (r.oom)
		return diag_oom(d, file);
	*out = r.wp;
	return AM_OK;
}

