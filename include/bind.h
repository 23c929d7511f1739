/* bind.h: the workplace model → the data tree that layouts read.
 *
 * The tree mirrors the workplace XML (schema/workplace.xsd): each element and
 * attribute becomes a node of the same name, with values as the XML writes
 * them (ISO dates, HH:MM times, status tokens, true/false). A <ref> also gets
 * the person's `name` beside its `ref`, and a <ring> its `name`. Under
 * /derived are the rules' results (layouts/README.md, "Data binding"):
 * band, competence-rule, participants/person, present/person,
 * absent/person, others/person (attendance recorded but not invited by the
 * rule), agenda/point (always eleven, with n), year, and
 * compliance: one item per legally required point and the participants
 * check (key as in rules.h, covered true/false) plus all-covered.
 *
 * With last year's file, /previous holds its whole tree in the same shape
 * (its own /previous/derived included), and /derived/previous-open/action
 * its handleplan rows whose status is not done, to be followed up. */
#ifndef AMOKIT_BIND_H
#define AMOKIT_BIND_H

#include "arena.h"
#include "data.h"
#include "model.h"

/* Builds the tree for wp into *root. Nodes and formatted values live in a;
 * the model's strings are shared, not copied, so wp's arena must outlive the
 * tree. Returns AM_OK, or AM_EINTERNAL when out of memory (*root NULL). */
int bind_workplace(arena *a, const am_workplace *wp, dnode **root);

/* bind_workplace, plus /previous and /derived/previous-open from previous
 * (last year's workplace file; NULL: none, the same as bind_workplace).
 * previous's arena must outlive the tree too. */
int bind_workplace_and_previous(arena *a, const am_workplace *wp, const am_workplace *previous,
                                dnode **root);

/* The tree for blank sheets: no workplace data; only /derived/agenda with the
 * eleven points (each just its n), so a blank agenda still lists them. */
int bind_blank(arena *a, dnode **root);

#endif
