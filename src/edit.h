/* edit.h: changing a workplace file as the document its author wrote
 * (private to the editing commands: nextyear.c, import.c).
 *
 * A file is read through the reader (the same limits and validation as
 * check), kept as libxml2's tree with its comments and layout, changed
 * element by element, and written back whole. New elements go where the
 * schema's order puts them (xsdinfo.h) and take the indentation of their
 * neighbours, so the file still reads as if typed. Before anything is
 * written, the result is read again as check would read it. */
#ifndef AMOKIT_EDIT_H
#define AMOKIT_EDIT_H

#include <stdbool.h>
#include <libxml/tree.h>

#include "arena.h"
#include "diag.h"
#include "model.h"
#include "xsdinfo.h"

typedef struct edit_doc {
	const char *file;         /* the name in messages */
	xmlDocPtr doc;
	xmlNodePtr root;          /* <workplace> */
	const xsd_elem *schema;   /* its declaration */
	am_workplace *wp;         /* the model as read */
} edit_doc;

/* Reads the workplace file at path ("-": standard input) for editing.
 * AM_OK, or the reader's code with the reasons in d. */
int edit_open(arena *a, const char *path, edit_doc *e, diag *d);
/* The same for a text in memory (a starting file made by `new`). */
int edit_open_mem(arena *a, const char *name, const char *buf, size_t len, edit_doc *e, diag *d);
void edit_close(edit_doc *e);

/* Checks the changed document as `check` would, then writes it to path
 * ("-": standard output; keep: never replace an existing file). */
int edit_save(edit_doc *e, const char *path, bool keep, diag *d);
/* The changed document as text (malloc'd, the caller frees it), checked as
 * edit_save checks it; name is used in messages. */
int edit_dump(edit_doc *e, const char *name, char **text, size_t *len, diag *d);

/* The first element child of parent named name (NULL: any), or NULL. */
xmlNodePtr edit_child(xmlNodePtr parent, const char *name);
/* The next element sibling of node named name (NULL: any), or NULL. */
xmlNodePtr edit_next(xmlNodePtr node, const char *name);
/* The declaration of element el in the schema, or NULL. */
const xsd_elem *edit_decl(const edit_doc *e, xmlNodePtr el);
/* Does the schema allow a child named name in el? */
bool edit_allows(const edit_doc *e, xmlNodePtr el, const char *name);

/* A new element name (with text, when not NULL) in parent, placed where
 * the schema's order wants it: after the last child that comes before it
 * or is the same. NULL when out of memory. */
xmlNodePtr edit_add(edit_doc *e, xmlNodePtr parent, const char *name, const char *text);
/* parent's child name, added (empty) when it has none. */
xmlNodePtr edit_ensure(edit_doc *e, xmlNodePtr parent, const char *name);
/* Removes el (and the indentation before it) from the document. */
void edit_remove(xmlNodePtr el);
/* Removes el when it has no element children left. */
void edit_remove_if_empty(xmlNodePtr el);
/* Sets (value NULL: removes) el's attribute name. */
void edit_set_attr(xmlNodePtr el, const char *name, const char *value);
/* el's attribute name, copied into a, or NULL. */
const char *edit_attr(arena *a, xmlNodePtr el, const char *name);
/* The text of el, whitespace runs made one space, copied into a; NULL
 * when el is NULL or holds no text. */
const char *edit_text(arena *a, xmlNodePtr el);
/* Writes text as an XML comment on its own line before el. */
void edit_comment_before(edit_doc *e, xmlNodePtr el, const char *text);

#endif
