/* bind_int.h: what bind.c and bind_derived.c share. Private to them. */
#ifndef AMOKIT_BIND_INT_H
#define AMOKIT_BIND_INT_H

#include <stdbool.h>

#include "bind.h"

typedef struct binder {
	arena *a;
	bool oom;
	const am_workplace *wp;   /* the one being bound (for role labels) */
} binder;

void bind_action(binder *b, dnode *sec, const am_action *ac);
void bind_agenda_points(binder *b, dnode *derived, const am_workplace *wp);
void bind_committee(binder *b, dnode *parent, const am_committee *c);
void bind_derived(binder *b, dnode *root, const am_workplace *wp, const am_workplace *previous);
void bind_person(binder *b, dnode *parent, const am_person *p, const am_workplace *wp);
void bind_point(binder *b, dnode *parent, int n, const am_agenda_point *p);
void bind_previous_open(binder *b, dnode *root, const am_workplace *wp, const am_workplace *prev);
void bind_leaf(binder *b, dnode *parent, const char *name, const char *text, int line);
void bind_leaf_bool(binder *b, dnode *parent, const char *name, bool v, int line);
void bind_leaf_hours(binder *b, dnode *parent, const char *name, double v, int line);
void bind_leaf_int(binder *b, dnode *parent, const char *name, int v, int line);
dnode *bind_node(binder *b, dnode *parent, const char *name, const char *text, int line);

#endif
