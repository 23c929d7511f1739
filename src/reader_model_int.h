/* reader_model_int.h: what the files of the model builder share (reader_model.c:
 * the whole; reader_nodes.c: elements, text, values, references and
 * records by their tables; reader_people.c:
 * people, groups and committees; reader_sections.c: the sections of the
 * discussion; reader_wheel.c: the årshjul). Private to those files. */
#ifndef AMOKIT_READER_MODEL_INT_H
#define AMOKIT_READER_MODEL_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "reader_model.h"

typedef struct rm {
	arena *a;
	diag *d;
	const char *file;
	bool oom;
	am_workplace *wp;
	const am_person **by_id;  /* people sorted by id, for lookups */
	const char **person_group;  /* each person's group attribute, resolved after <amo> */
	unsigned char *seen;      /* a bit per BMP character noted in wp->chars */
	void *records;            /* the array rm_fill_records fills: a record's
	                             checks look back at the ones before it */
	size_t cap_chars;
} rm;

void *rm_alloc_array(rm *r, size_t n, size_t size);
const char *rm_attr_of(rm *r, xmlNodePtr el, const char *name);
xmlNodePtr rm_child(xmlNodePtr parent, const char *name);
const char *rm_child_text(rm *r, xmlNodePtr parent, const char *name);
const am_committee *rm_committee_ref(rm *r, xmlNodePtr el);
size_t rm_count_children(xmlNodePtr parent, const char *name);
am_date rm_date_of(rm *r, xmlNodePtr el);
void rm_error_at(rm *r, int line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
const am_focus_area *rm_focus_attr(rm *r, xmlNodePtr el);
const am_group *rm_group_attr(rm *r, xmlNodePtr el);
/* The group with id, or NULL (an unknown one reported at line, as what's). */
const am_group *rm_group_by_id(rm *r, const char *id, const char *what, int line);
/* Orders pointers to people by id (rm->by_id). */
int rm_by_id_cmp(const void *x, const void *y);
xmlNodePtr rm_next_child(xmlNodePtr parent, xmlNodePtr after, const char *name);
bool rm_parse_date(rm *r, const char *what, const char *s, int line, am_date *out);
double rm_parse_hours(const char *s);
long rm_parse_long(const char *s, long absent);
am_time rm_parse_time(const char *s);
am_tristate rm_parse_tristate(const char *s);
const am_person *rm_person_ref(rm *r, xmlNodePtr el);
/* Reads the fields of table f (model.h) of element el into the record rec. */
void rm_read_fields(rm *r, xmlNodePtr el, void *rec, const am_field *f);
/* Reads each child element `name` of sec into a new array of records of
 * `size` bytes (NULL when there are none, or memory ran out): the record's
 * line, the fields of table f, then more(r, el, record) unless NULL. *n gets
 * the count. */
typedef void (*rm_more_fn)(rm *r, xmlNodePtr el, void *rec);
void *rm_read_records(rm *r, xmlNodePtr sec, const char *name, size_t size, const am_field *f,
                      rm_more_fn more, size_t *n);
/* rm_read_records into v, an array the caller made for every element
 * `name` of sec (nothing when v is NULL). */
void rm_fill_records(rm *r, xmlNodePtr sec, const char *name, void *v, size_t size, const am_field *f,
                     rm_more_fn more);
void rm_read_accidents(rm *r, xmlNodePtr sec);
void rm_read_actions(rm *r, xmlNodePtr sec);
void rm_read_agenda(rm *r, xmlNodePtr sec);
void rm_read_amo(rm *r, xmlNodePtr sec);
void rm_read_announcements(rm *r, xmlNodePtr sec);
void rm_read_apv(rm *r, xmlNodePtr sec);
void rm_read_committees(rm *r, xmlNodePtr sec);
void rm_read_competence(rm *r, xmlNodePtr sec);
void rm_read_competence_done(rm *r, xmlNodePtr sec);
void rm_read_cooperation(rm *r, xmlNodePtr el);
void rm_read_cooperation_eval(rm *r, xmlNodePtr el);
void rm_read_first_discussion(rm *r, xmlNodePtr el, xmlNodePtr last_goals);
void rm_read_focus(rm *r, xmlNodePtr sec);
void rm_read_follow_up(rm *r, xmlNodePtr el);
void rm_read_goals(rm *r, xmlNodePtr sec);
void rm_read_last_goals(rm *r, xmlNodePtr sec);
void rm_read_meeting(rm *r, xmlNodePtr el);
void rm_read_people(rm *r, xmlNodePtr people);
void rm_read_wheel(rm *r, xmlNodePtr sec);
void rm_suggest_id(char *msg, size_t size, const char *id, const char *const *ids, size_t n);
const char *rm_text_of(rm *r, xmlNodePtr el);
void rm_unique_ids(rm *r, const char *what, const void *items, size_t n, size_t size,
                   size_t id_offset, size_t line_offset);

static inline int date_key(am_date d) { return d.y * 10000 + d.m * 100 + d.d; }
static inline int line_of(xmlNodePtr n) { return (int)xmlGetLineNo(n); }
static inline bool parse_bool(const char *s) { return s && strcmp(s, "true") == 0; }

#endif
