/* bind.h: the workplace model → the data tree that layouts read.
 *
 * The tree mirrors the workplace XML (schema/workplace.xsd): each element and
 * attribute becomes a node of the same name, with values as the XML writes
 * them (ISO dates, HH:MM times, status tokens, true/false); an attribute
 * or a count the file leaves out makes no node (never a default). A <ref>
 * also gets the person's `name`, `role` and `role-label` beside its `ref`,
 * a person `role-label` (the token to print their role by: "leader-no-amo"
 * for a leader where there is no AMO) and `group-name`, an item naming a
 * group or focus area its `group-name` or `focus-title`, and a <ring> its
 * `name`. Under /derived are the rules' results (layouts/README.md, "Data
 * binding"): band, competence-rule, participants/person, present/person,
 * absent/person, unrecorded/person (invited, attendance not recorded),
 * others/person (attendance recorded but not invited), committee (those
 * holding the discussion), actions-complete, agenda/point (always eleven,
 * with n), year, and compliance: one item per required point or group
 * (key as in rules.h, answer yes/no/unknown, gap/what and gap/subject)
 * plus all-yes.
 *
 * With last year's file, /previous holds its whole tree in the same shape
 * (its own /previous/derived included), /derived/previous-open/action its
 * handleplan rows whose status is not done, to be followed up, and
 * /derived/previous-competence/item its kompetenceudviklingsplan, when
 * this year's file does not follow it up itself. */
#ifndef AMOKIT_BIND_H
#define AMOKIT_BIND_H

#include <stdbool.h>

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

/* bind_workplace_and_previous, with /wheel/activity (and
 * /previous/wheel/activity) only when activities is true: the shipped
 * layouts read the activities from the model, and 5,000 of them are 1.8 MB
 * of nodes. A layout that names them gets a tree with them
 * (layout_reads). */
int bind_workplace_for(arena *a, const am_workplace *wp, const am_workplace *previous, bool activities,
                       dnode **root);

/* The tree for blank sheets: no workplace data; only /derived/agenda with the
 * eleven points (each just its n), so a blank agenda still lists them. */
int bind_blank(arena *a, dnode **root);

#endif
