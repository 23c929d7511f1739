/* reader_legacy.c: a format 1 file (urn:amokit:workplace:1) is refused
 * with what changed in format 2, at the lines of the file that need it.
 *
 * The reader parses a format 1 file as safely as any other (no DTD, the
 * nesting limit) but does not validate it; this walk then names each
 * construct format 2 changed. One record per kind of change, at its first
 * line, listing the other lines, so a large file stays within DIAG_MAX. */
#include "reader_model.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

/* One kind of change: the lines where the file has it. */
typedef struct change {
	int first;
	int more[8];         /* further lines, the first few */
	int n_more;          /* all further lines */
} change;

enum {
	CH_SUPERVISOR, CH_AMO_MEMBER, CH_GROUP, CH_ACCIDENTS_COUNT, CH_ACCIDENTS_YEAR,
	CH_ILLNESS, CH_CARRIED_OVER, CH_COUNT
};

static const char *const messages[CH_COUNT] = {
	[CH_SUPERVISOR] = "role=\"supervisor\" (arbejdsleder) er slået sammen med \"leader\" (AMO's ledermedlem) "
	                  "i format 2: skriv role=\"leader\"",
	[CH_AMO_MEMBER] = "role=\"amo-member\" findes ikke i format 2: et medlem af AMO er en leder "
	                  "(role=\"leader\") eller en arbejdsmiljørepræsentant (role=\"amr\"); alle andre er "
	                  "role=\"employee\"",
	[CH_GROUP] = "<group> inde i <person> er i format 2 attributten group=\"ID\", som peger på en "
	             "arbejdsmiljøgruppe i <amo> (med dens leder og arbejdsmiljørepræsentant)",
	[CH_ACCIDENTS_COUNT] = "<accidents count=\"N\"> hedder accidents=\"N\" i format 2, ved siden af poisonings=, "
	                       "health-damage=, near-misses= og absence-days=",
	[CH_ACCIDENTS_YEAR] = "<accidents> skal have year=\"ÅÅÅÅ\" i format 2: det år, oversigten dækker",
	[CH_ILLNESS] = "kind=\"illness\" hedder kind=\"health-damage\" (sundhedsskade) i format 2; "
	               "\"poisoning\" (forgiftning) er ny",
	[CH_CARRIED_OVER] = "et <goal> i <last-year-goals> uden carried-over betyder nu \"ikke besluttet\" "
	                    "(format 1 læste det som \"false\"): skriv carried-over=\"false\", hvor det var besluttet",
};

static void note(change *ch, int line)
{
	if (!ch->first) {
		ch->first = line;
		return;
	}
	if (ch->n_more < (int)(sizeof ch->more / sizeof ch->more[0]))
		ch->more[ch->n_more] = line;
	ch->n_more++;
}

static bool is(xmlNodePtr n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

static bool attr_is(xmlNodePtr n, const char *name, const char *value)
{
	xmlChar *v = xmlGetNoNsProp(n, (const xmlChar *)name);
	bool eq = v && (!value || strcmp((const char *)v, value) == 0);
	xmlFree(v);
	return eq;
}

static bool parent_is(xmlNodePtr n, const char *name)
{
	return n->parent && n->parent->type == XML_ELEMENT_NODE && is(n->parent, name);
}

static void visit(xmlNodePtr n, change *ch)
{
	int line = (int)xmlGetLineNo(n);
	if (is(n, "person")) {
		if (attr_is(n, "role", "supervisor"))
			note(&ch[CH_SUPERVISOR], line);
		if (attr_is(n, "role", "amo-member"))
			note(&ch[CH_AMO_MEMBER], line);
	} else if (is(n, "group") && parent_is(n, "person")) {
		note(&ch[CH_GROUP], line);
	} else if (is(n, "accidents") && parent_is(n, "workplace")) {
		if (attr_is(n, "count", NULL))
			note(&ch[CH_ACCIDENTS_COUNT], line);
		if (!attr_is(n, "year", NULL))
			note(&ch[CH_ACCIDENTS_YEAR], line);
	} else if (is(n, "incident") && attr_is(n, "kind", "illness")) {
		note(&ch[CH_ILLNESS], line);
	} else if (is(n, "goal") && parent_is(n, "last-year-goals") && !attr_is(n, "carried-over", NULL)) {
		note(&ch[CH_CARRIED_OVER], line);
	}
}

static void walk(xmlNodePtr first, change *ch, int depth)
{
	for (xmlNodePtr n = first; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		visit(n, ch);
		if (depth < 8)   /* the changes sit at most four levels down */
			walk(n->children, ch, depth + 1);
	}
}

static void report(const char *file, const change *c, const char *message, diag *d)
{
	char also[160] = "";
	if (c->n_more > 0) {
		size_t len = (size_t)snprintf(also, sizeof also, " (også linje");
		int shown = c->n_more < 8 ? c->n_more : 8;
		for (int i = 0; i < shown && len < sizeof also; i++)
			len += (size_t)snprintf(also + len, sizeof also - len, "%s %d", i ? "," : "", c->more[i]);
		if (len < sizeof also)
			snprintf(also + len, sizeof also - len, c->n_more > shown ? " og %d flere)" : ")",
			         c->n_more - shown);
	}
	diag_error(d, file, c->first, "%s%s", message, also);
}

void reader_legacy_report(const char *file, xmlNodePtr root, diag *d)
{
	diag_error(d, file, (int)xmlGetLineNo(root),
	           "filen er i format 1 (urn:amokit:workplace:1), som amokit ikke længere læser; skriv format 2: "
	           "xmlns=\"urn:amokit:workplace:2\" version=\"2\" og ændringerne nedenfor (se examples/README.md)");
	change ch[CH_COUNT] = {{0}};
	walk(root->children, ch, 0);
	/* In the order of the file: the kind whose first line comes first. */
	for (;;) {
		int next = -1;
		for (int k = 0; k < CH_COUNT; k++)
			if (ch[k].first && (next < 0 || ch[k].first < ch[next].first))
				next = k;
		if (next < 0)
			break;
		report(file, &ch[next], messages[next], d);
		ch[next].first = 0;
	}
}
