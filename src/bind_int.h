/* bind_int.h: what bind.c and bind_sections.c share. Private to them. */
#ifndef AMOKIT_BIND_INT_H
#define AMOKIT_BIND_INT_H

#include <stdbool.h>

#include "bind.h"

typedef struct binder {
	arena *a;
	bool oom;
	const am_workplace *wp;   /* the one being bound (for role labels) */
	dnode **people;           /* wp->people[i]'s node under /people, or NULL */
	bool activities;          /* bind /wheel/activity */
} binder;

void bind_accidents(binder *b, dnode *root, const am_accidents *ac);
void bind_action(binder *b, dnode *sec, const am_action *ac);
void bind_actions(binder *b, dnode *root, const am_workplace *wp);
void bind_agenda(binder *b, dnode *root, const am_workplace *wp);
void bind_amo(binder *b, dnode *root, const am_workplace *wp);
void bind_announcements(binder *b, dnode *root, const am_workplace *wp);
void bind_apv(binder *b, dnode *root, const am_workplace *wp);
void bind_committee(binder *b, dnode *parent, const am_committee *c);
void bind_committees(binder *b, dnode *root, const am_workplace *wp);
void bind_competence(binder *b, dnode *root, const am_competence *c);
void bind_competence_done(binder *b, dnode *root, const am_workplace *wp);
void bind_cooperation(binder *b, dnode *root, const am_cooperation *c);
void bind_cooperation_eval(binder *b, dnode *root, const am_cooperation_eval *c);
void bind_first_discussion(binder *b, dnode *root, const am_workplace *wp);
void bind_focus(binder *b, dnode *root, const am_workplace *wp);
void bind_follow_up(binder *b, dnode *root, const am_follow_up *f);
void bind_goals(binder *b, dnode *root, const am_workplace *wp);
void bind_last_goals(binder *b, dnode *root, const am_workplace *wp);
void bind_meeting(binder *b, dnode *root, const am_meeting *m);
void bind_people(binder *b, dnode *root, const am_workplace *wp);
void bind_person(binder *b, dnode *parent, const am_person *p);
void bind_person_again(binder *b, dnode *parent, const am_person *p);
void bind_point(binder *b, dnode *parent, int n, const am_agenda_point *p);
void bind_wheel(binder *b, dnode *root, const am_wheel *w);
/* The leaves of rec's fields (table f, model.h) under n, in the table's order. */
void bind_fields(binder *b, dnode *n, const void *rec, const am_field *f, int line);
void bind_leaf(binder *b, dnode *parent, const char *name, const char *text, int line);
void bind_leaf_bool(binder *b, dnode *parent, const char *name, bool v, int line);
void bind_leaf_hours(binder *b, dnode *parent, const char *name, double v, int line);
void bind_leaf_int(binder *b, dnode *parent, const char *name, int v, int line);
dnode *bind_node(binder *b, dnode *parent, const char *name, const char *text, int line);

#endif
