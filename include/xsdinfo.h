/* xsdinfo.h: what the workplace schema says, as a tree of declarations.
 *
 * libxml2 validates against the compiled schema but tells little about it
 * through its public API. This module reads the schema's own XML (the copy
 * compiled into amokit) into a small tree: each element declaration with
 * its children in sequence order, how often each may occur, its attributes,
 * the simple type of its text, enumerations, and the Danish xs:documentation.
 * The reader uses it to explain mistakes ("did you mean <address>?", where
 * a missing element goes), the editing commands to put elements where the
 * schema wants them, and tools/fieldref to write the field reference. The
 * subset of XSD it understands is the one schema/workplace.xsd uses:
 * global and local elements, refs, named and inline simple and complex
 * types, sequence, choice, simpleContent extensions, attributes. */
#ifndef AMOKIT_XSDINFO_H
#define AMOKIT_XSDINFO_H

#include <stdbool.h>
#include <stddef.h>
#include "arena.h"

typedef struct xsd_enum {
	const char *value;
	const char *doc;          /* Danish documentation, or NULL */
} xsd_enum;

/* A simple type: what text an element or attribute may hold. */
typedef struct xsd_type {
	const char *name;         /* the schema's name ("date"), NULL if anonymous */
	const char *base;         /* the built-in it derives from ("token", "integer", ...) */
	const char *doc;
	const xsd_enum *values;   /* an enumeration, n_values > 0 */
	size_t n_values;
	const char *pattern;      /* the xs:pattern, or NULL */
	const char *min, *max;    /* minInclusive / maxInclusive, or NULL */
	int min_length, max_length;  /* -1 when not restricted */
} xsd_type;

typedef struct xsd_attr {
	const char *name;
	const char *doc;
	bool required;
	const xsd_type *type;
} xsd_attr;

typedef struct xsd_elem xsd_elem;
struct xsd_elem {
	const char *name;
	const char *ns;           /* the schema's targetNamespace */
	const char *doc;          /* Danish documentation, or NULL */
	int min_occurs;
	int max_occurs;           /* -1: unbounded */
	int choice;               /* > 0: the xs:choice it is one branch of */
	const xsd_type *text;     /* the type of its text, NULL when it holds none */
	const xsd_elem *parent;   /* NULL for the root */
	const xsd_elem *const *children;   /* in the schema's order */
	size_t n_children;
	const xsd_attr *attrs;
	size_t n_attrs;
};

/* Reads the schema in buf[0..len) and returns the declaration of its global
 * element root_name, everything allocated in a; NULL when the schema cannot
 * be read or has no such element (or out of memory). */
const xsd_elem *xsd_load(arena *a, const char *buf, size_t len, const char *root_name);

/* <workplace> in the schema compiled into amokit, read on first use (once
 * per process, thread-safe); NULL when out of memory. */
const xsd_elem *xsd_workplace(void);
/* Frees what xsd_workplace read (at exit, when no other thread uses it). */
void xsd_forget(void);

/* The child declaration of e named name, or NULL. */
const xsd_elem *xsd_child(const xsd_elem *e, const char *name);
/* The attribute of e named name, or NULL. */
const xsd_attr *xsd_attr_of(const xsd_elem *e, const char *name);
/* The first sentence of doc (up to the first ". " or the end), copied into
 * out (size bytes); "" when doc is NULL. */
void xsd_summary(const char *doc, char *out, size_t size);
/* Copies in to out (which holds strlen(in) + 1 bytes) with every run of
 * XML white space made one space and none at either end; returns the
 * length written (a NUL follows). */
size_t xsd_collapse_space(const char *in, char *out);

/* Visits every element declaration under root, depth first in schema
 * order (root included). */
void xsd_walk(const xsd_elem *root, void (*visit)(const xsd_elem *e, void *ctx), void *ctx);

/* The edit distance between a and b (insertions, deletions, substitutions
 * and swaps of neighbours each count one), counted in bytes; strings longer
 * than 64 bytes count as far from everything. */
int xsd_distance(const char *a, const char *b);

#endif
