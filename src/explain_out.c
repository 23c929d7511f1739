/* explain_out.c: what the explaining modules (explain.c, explain_values.c)
 * share: writing a message into its buffer, and finding in the schema an
 * element's declaration and the names nearest to a typo. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "explain_int.h"

void ex_put(out *o, const char *fmt, ...)
{
	if (o->n + 1 >= o->size)
		return;
	va_list ap;
	va_start(ap, fmt);
	int k = vsnprintf(o->p + o->n, o->size - o->n, fmt, ap);
	va_end(ap);
	if (k > 0)
		o->n = o->n + (size_t)k < o->size ? o->n + (size_t)k : o->size - 1;
}

/* Writes names[0..n) as "<a>, <b> og <c>" (conj: "og" or "eller"); more
 * than MAX_LISTED end in ", …". brackets: as element names. */
void ex_put_list(out *o, const char *const *names, size_t n, const char *conj, bool brackets)
{
	size_t shown = n > MAX_LISTED ? MAX_LISTED : n;
	for (size_t i = 0; i < shown; i++) {
		if (i > 0 && i + 1 == n)
			ex_put(o, " %s ", conj);
		else if (i > 0)
			ex_put(o, ", ");
		ex_put(o, brackets ? "<%s>" : "%s", names[i]);
	}
	if (shown < n)
		ex_put(o, ", …");
}

/* " (summary of doc)" when the declaration has documentation. */
void ex_put_summary(out *o, const char *doc)
{
	char s[160];
	xsd_summary(doc, s, sizeof s);
	if (s[0]) {
		/* lower-case the first letter of an ASCII sentence: it follows a name */
		if (s[0] >= 'A' && s[0] <= 'Z')
			s[0] = (char)(s[0] + 32);
		ex_put(o, " (%s)", s);
	}
}

/* The declaration of element n, found by its path from the root. */
const xsd_elem *ex_decl_of(xmlNodePtr n)
{
	xmlNodePtr path[64];
	size_t depth = 0;
	for (xmlNodePtr p = n; p && p->type == XML_ELEMENT_NODE; p = p->parent) {
		if (depth == sizeof path / sizeof path[0])
			return NULL;
		path[depth++] = p;
	}
	const xsd_elem *d = xsd_workplace();
	if (!d || depth == 0 || strcmp(d->name, (const char *)path[depth - 1]->name) != 0)
		return NULL;
	for (size_t i = depth - 1; i-- > 0 && d;)
		d = xsd_child(d, (const char *)path[i]->name);
	return d;
}

/* The typo distance allowed for a name of len bytes. */
int ex_typo_limit(size_t len) { return len <= 4 ? 1 : len <= 8 ? 2 : 3; }

/* The name among cands nearest to name, if near enough to be a typo;
 * its distance in *dist (may be NULL). */
const char *ex_nearest_d(const char *name, const char *const *cands, size_t n, int *dist)
{
	int limit = ex_typo_limit(strlen(name));
	const char *best = NULL;
	int best_d = limit + 1;
	for (size_t i = 0; i < n; i++) {
		int d = xsd_distance(name, cands[i]);
		if (d < best_d)
			best = cands[i], best_d = d;
	}
	if (dist)
		*dist = best_d;
	return best;
}

const char *ex_nearest(const char *name, const char *const *cands, size_t n)
{
	return ex_nearest_d(name, cands, n, NULL);
}

/* Does doc use word (ASCII letters compared without case) as a word of
 * its own? For Danish names typed instead of the format's: <navn>. */
bool ex_doc_has_word(const char *doc, const char *word)
{
	size_t n = strlen(word);
	if (!doc || n < 3)
		return false;
	for (const char *p = doc; *p; p++) {
		if (p != doc && ((p[-1] | 32) >= 'a' && (p[-1] | 32) <= 'z'))
			continue;
		size_t i = 0;
		while (i < n && p[i] && (p[i] | 32) == (word[i] | 32))
			i++;
		if (i == n && !((p[n] | 32) >= 'a' && (p[n] | 32) <= 'z'))
			return true;
	}
	return false;
}
