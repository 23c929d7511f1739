/* explain_int.h: what explain.c, explain_values.c and explain_out.c share.
 * Private to them. */
#ifndef AMOKIT_EXPLAIN_INT_H
#define AMOKIT_EXPLAIN_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "explain.h"
#include "xsdinfo.h"

#define MAX_LISTED 12

/* A message being written: at most size - 1 bytes of p, always ended. */
typedef struct out {
	char *p;
	size_t size, n;
} out;

void ex_put(out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Writes names[0..n) as "<a>, <b> og <c>" (conj: "og" or "eller"); more
 * than MAX_LISTED end in ", …". brackets: as element names. */
void ex_put_list(out *o, const char *const *names, size_t n, const char *conj, bool brackets);
/* " (summary of doc)" when the declaration has documentation. */
void ex_put_summary(out *o, const char *doc);

/* The declaration of element n, found by its path from the root. */
const xsd_elem *ex_decl_of(xmlNodePtr n);
/* The typo distance allowed for a name of len bytes. */
int ex_typo_limit(size_t len);
/* The name among cands nearest to name, if near enough to be a typo;
 * its distance in *dist (may be NULL). */
const char *ex_nearest_d(const char *name, const char *const *cands, size_t n, int *dist);
const char *ex_nearest(const char *name, const char *const *cands, size_t n);
/* Does doc use word (ASCII letters compared without case) as a word of
 * its own? For Danish names typed instead of the format's: <navn>. */
bool ex_doc_has_word(const char *doc, const char *word);

/* explain_values.c: the value of element el (or its attribute attr) that
 * err refused. */
void explain_value(out *o, const xmlError *err, const char *el, const char *attr, xmlNodePtr node);

#endif
