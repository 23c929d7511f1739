/* explain_values.c: a value the schema refused, said in Danish: the
 * pattern it breaks (a Danish date, time or number written the Danish
 * way), the values allowed, the type or range it is outside. See
 * explain.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "danish.h"
#include "explain_int.h"

/* Writes the subject of a value message: "<el>: " or "<el attr="…">: ". */
static void put_subject(out *o, const char *el, const char *attr)
{
	if (attr[0])
		ex_put(o, "<%s %s=\"…\">: ", el, attr);
	else
		ex_put(o, "<%s>: ", el);
}

/* Is pattern made of digit classes only ("[1-9][0-9]{0,5}", "[0-9]{8}")?
 * *exact is the fixed count of "[0-9]{N}" (0 when not fixed). */
static bool digits_only(const char *pattern, int *exact)
{
	*exact = 0;
	if (!pattern)
		return false;
	if (sscanf(pattern, "[0-9]{%d}", exact) == 1 && strchr(pattern, '}')[1] == '\0')
		return true;
	*exact = 0;
	for (const char *p = pattern; *p; p++)
		if (!strchr("[]0123456789-{},", *p))
			return false;
	return true;
}

static void explain_pattern(out *o, const xsd_type *t, const char *value, const char *doc)
{
	const char *name = t && t->name ? t->name : "";
	if (strncmp(name, "maybe-", 6) == 0)
		name += 6;   /* the same, where it may be left empty */
	int y, m, d, minutes, exact;
	bool iso;
	if (strcmp(name, "date") == 0) {
		if (da_parse_date(value, &y, &m, &d, &iso) && !iso)
			ex_put(o, "\"%s\" er skrevet som en dansk dato; skriv den som %04d-%02d-%02d (år-måned-dag)",
			    value, y, m, d);
		else
			ex_put(o, "\"%s\" er ikke en dato; skriv år-måned-dag, fx 2026-03-24", value);
	} else if (strcmp(name, "time") == 0) {
		if (da_parse_time(value, &minutes))
			ex_put(o, "\"%s\": skriv klokkeslættet som %02d:%02d (timer:minutter)", value,
			    minutes / 60, minutes % 60);
		else
			ex_put(o, "\"%s\" er ikke et klokkeslæt; skriv timer og minutter med kolon, fx 14:00", value);
	} else if (strcmp(name, "id") == 0) {
		ex_put(o, "\"%s\" kan ikke bruges som id; et id begynder med et bogstav (a-z) og har kun "
		    "bogstaver a-z, tal, _, - og ., fx jens eller amr-1", value);
	} else if (strcmp(name, "colour") == 0) {
		ex_put(o, "\"%s\" er ikke en farve; skriv # og seks hexcifre, fx #1F5C7A", value);
	} else if (digits_only(t ? t->pattern : NULL, &exact)) {
		if (exact)
			ex_put(o, "\"%s\" skal være præcis %d cifre", value, exact);
		else if (value[0] && strspn(value, "0123456789") == strlen(value))
			ex_put(o, "\"%s\" kan ikke bruges; skriv et helt tal%s uden nuller foran", value,
			    t->pattern[0] == '[' && t->pattern[1] == '1' ? " større end 0" : "");
		else
			ex_put(o, "\"%s\" er ikke et tal; skriv kun cifre, fx 7", value);
	} else {
		ex_put(o, "\"%s\" har ikke den form, feltet skal have", value);
		ex_put_summary(o, doc);
	}
}

/* Is value a Danish yes or no? */
static const char *danish_bool(const char *value)
{
	static const char *const yes[] = {"ja", "Ja", "JA", "j", "sand", NULL};
	static const char *const no[] = {"nej", "Nej", "NEJ", "n", "falsk", NULL};
	for (int i = 0; yes[i]; i++)
		if (strcmp(value, yes[i]) == 0)
			return "true";
	for (int i = 0; no[i]; i++)
		if (strcmp(value, no[i]) == 0)
			return "false";
	return NULL;
}

static void explain_enumeration(out *o, const xsd_type *t, const char *value)
{
	if (!t || !t->n_values) {
		ex_put(o, "\"%s\" er ikke en af de mulige værdier", value);
		return;
	}
	const char *vals[64];
	size_t n = t->n_values < 64 ? t->n_values : 64;
	for (size_t i = 0; i < n; i++)
		vals[i] = t->values[i].value;
	const char *b = n == 2 && strcmp(vals[0], "true") == 0 ? danish_bool(value) : NULL;
	if (b) {
		ex_put(o, "skriv %s (%s), ikke \"%s\"", b, strcmp(b, "true") == 0 ? "ja" : "nej", value);
		return;
	}
	const char *near = ex_nearest(value, vals, n);
	for (size_t i = 0; i < n && !near; i++)
		if (ex_doc_has_word(t->values[i].doc, value))
			near = vals[i];
	if (n == 1) {
		ex_put(o, "\"%s\" kan ikke bruges; skriv %s", value, vals[0]);
		return;
	}
	ex_put(o, "\"%s\" kan ikke bruges", value);
	if (near)
		ex_put(o, "; mente du %s? Mulige værdier: ", near);
	else
		ex_put(o, "; mulige værdier: ");
	for (size_t i = 0; i < n; i++) {
		ex_put(o, "%s%s", i ? ", " : "", vals[i]);
		const char *doc = t->values[i].doc;
		if (doc) {   /* its meaning, up to the first explanation */
			size_t len = strcspn(doc, ":;(");
			while (len > 0 && doc[len - 1] == ' ')
				len--;
			if (len > 0 && len < 80)
				ex_put(o, " (%.*s)", (int)len, doc);
		}
	}
}

static void explain_datatype(out *o, const xsd_type *t, const char *value)
{
	const char *base = t && t->base ? t->base : "";
	double v;
	if (strcmp(base, "decimal") == 0) {
		if (strchr(value, ',') && da_parse_decimal(value, &v)) {
			char dot[40];
			da_format_decimal(v, dot, sizeof dot);
			ex_put(o, "\"%s\": skriv tallet med punktum, ikke komma: %s", value, dot);
		} else {
			ex_put(o, "\"%s\" er ikke et tal; skriv fx 7.5", value);
		}
	} else if (strcmp(base, "integer") == 0) {
		ex_put(o, "\"%s\" er ikke et helt tal", value);
		if (t->min && t->max)
			ex_put(o, "; skriv et tal fra %s til %s", t->min, t->max);
	} else {
		ex_put(o, "\"%s\" er ikke en gyldig værdi", value);
	}
}

static void explain_range(out *o, const xsd_type *t, const char *value, bool too_big, const char *limit)
{
	if (t && t->min && t->max)
		ex_put(o, "\"%s\" ligger ikke mellem %s og %s", value, t->min, t->max);
	else
		ex_put(o, "\"%s\" er for %s; %s %s", value, too_big ? "stort" : "lille", too_big ? "højst" : "mindst", limit);
}

/* The type of the value an error is about: attr's, or the element's text. */
static const xsd_type *value_type(const xsd_elem *d, const char *attr, const char **doc)
{
	if (!d)
		return NULL;
	if (attr[0]) {
		const xsd_attr *a = xsd_attr_of(d, attr);
		*doc = a ? a->doc : NULL;
		return a ? a->type : NULL;
	}
	*doc = d->doc;
	return d->text;
}

void explain_value(out *o, const xmlError *err, const char *el, const char *attr, xmlNodePtr node)
{
	const char *doc = NULL;
	const xsd_type *t = value_type(ex_decl_of(node), attr, &doc);
	const char *value = err->str1 ? err->str1 : "";
	if (err->code == XML_SCHEMAV_CVC_MINLENGTH_VALID && strcmp(value, "0") == 0) {
		const xsd_elem *d = ex_decl_of(node);
		if (attr[0])
			ex_put(o, "<%s %s=\"\">: værdien er tom; skriv en værdi", el, attr);
		else if (d && d->min_occurs >= 1)
			ex_put(o, "<%s> er tom; skriv en tekst", el);
		else
			ex_put(o, "<%s> er tom; skriv en tekst eller fjern elementet", el);
		return;
	}
	put_subject(o, el, attr);
	switch (err->code) {
	case XML_SCHEMAV_CVC_PATTERN_VALID:
		explain_pattern(o, t, value, doc);
		break;
	case XML_SCHEMAV_CVC_ENUMERATION_VALID:
		explain_enumeration(o, t, value);
		break;
	case XML_SCHEMAV_CVC_MINLENGTH_VALID:
		ex_put(o, "teksten er for kort (%s tegn; mindst %s)", value, err->str2 ? err->str2 : "?");
		break;
	case XML_SCHEMAV_CVC_MAXLENGTH_VALID:
		ex_put(o, "teksten er %s tegn lang; der er plads til højst %s tegn", value, err->str2 ? err->str2 : "?");
		break;
	case XML_SCHEMAV_CVC_MININCLUSIVE_VALID:
		explain_range(o, t, value, false, err->str2 ? err->str2 : "?");
		break;
	case XML_SCHEMAV_CVC_MAXINCLUSIVE_VALID:
		explain_range(o, t, value, true, err->str2 ? err->str2 : "?");
		break;
	case XML_SCHEMAV_CVC_FRACTIONDIGITS_VALID:
		ex_put(o, "\"%s\" har for mange decimaler; højst %s", value, err->str2 ? err->str2 : "2");
		break;
	default:
		explain_datatype(o, t, value);
		break;
	}
}
