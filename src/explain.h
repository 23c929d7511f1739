/* explain.h: libxml2's errors about a workplace file, said in Danish for
 * people who do not write XML every day (private to the reader).
 *
 * libxml2 reports "xmlParseEntityRef: no name" for a bare '&' and
 * "[facet 'pattern'] The value '24-03-2026' is not accepted by the pattern
 * '[0-9]{4}-[0-9]{2}-[0-9]{2}'" for a Danish date. This module turns each
 * error into what is wrong and what to write instead, using the schema's
 * own declarations (xsdinfo.h) and the part of the document already read:
 * the nearest valid name for an unknown element, which required element is
 * missing and where it goes, the right order, the Danish forms of dates,
 * times and numbers. */
#ifndef AMOKIT_EXPLAIN_H
#define AMOKIT_EXPLAIN_H

#include <stdbool.h>
#include <stddef.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

/* Where the parser was when err was raised: the element it opened last
 * (may be NULL) and the element it closed last, if nothing was opened
 * since (may be NULL). */
typedef struct explain_where {
	xmlNodePtr opened;
	xmlNodePtr closed;
} explain_where;

/* Writes the message for err into out (size bytes). */
void explain_error(const xmlError *err, const explain_where *at, char *out, size_t size);

#endif
