/* catalog.h: the message catalogs, one per language (layouts/messages/).
 *
 * Every text amokit prints comes from a catalog: the layouts name their
 * texts by key (<msg key="…"/>), and a catalog gives each key its wording
 * in one language, with the names the workplace file's tokens print by
 * (maps), the month names and how dates, times and numbers are written.
 * Danish (da.xml) is the reference: a key another catalog lacks is printed
 * from it. A catalog's {term:key} placeholders print a Danish term of art
 * in the catalog's language, from the glossary (glossary.xml), keeping the
 * Danish word in parentheses where the page first uses it.
 *
 * Catalogs load like layouts: the shipped files were validated and loaded
 * when amokit was built, and one with their bytes loads from that image;
 * an edited copy (--layouts DIR) is parsed and validated. A loaded catalog
 * is only read, so threads may share it. */
#ifndef AMOKIT_CATALOG_H
#define AMOKIT_CATALOG_H

#include <stdbool.h>
#include "arena.h"
#include "diag.h"

typedef struct catalog catalog;

/* The reference language, whose catalog every other falls back to. */
#define CATALOG_REFERENCE "da"

/* Is code a language code as catalogs are named (2 or 3 lower-case
 * ASCII letters)? */
bool catalog_code_valid(const char *code);
/* Loads layouts_dir/messages/CODE.xml into a; fallback is the catalog a
 * missing key is taken from (the Danish one; NULL for Danish itself).
 * AM_OK, or an AM_E* code with a diag record (AM_EUSAGE: no such file). */
int catalog_load(arena *a, const char *layouts_dir, const char *code, const catalog *fallback,
                 catalog **out, diag *d);

/* The catalog's language code ("pl") and its BCP 47 tag for /Lang ("pl-PL"). */
const char *catalog_code(const catalog *c);
const char *catalog_tag(const catalog *c);
/* The language's own name ("Polski"). */
const char *catalog_name(const catalog *c);
/* The plain text of message key (markup and placeholders' values left
 * out, terms as "wording (dansk)"), from c or its fallback; def when
 * neither has it. */
const char *catalog_text(const catalog *c, const char *key, const char *def);
/* The same with its placeholders kept as "{name}", for C code that fills
 * them in itself. */
const char *catalog_template(const catalog *c, const char *key, const char *def);
/* value translated through the map called map; NULL when neither c nor
 * its fallback has it. */
const char *catalog_map(const catalog *c, const char *map, const char *value);
/* Month m (1..12) standing alone ("marzec"), and as a date writes it
 * ("12 marca 2026": "marca"); "" when m is out of range. */
const char *catalog_month(const catalog *c, int m);
const char *catalog_month_in_date(const catalog *c, int m);
/* The date written out ("12. marts 2026") or short ("12.03.2026"), in a;
 * NULL when out of memory. */
const char *catalog_date(arena *a, const catalog *c, int y, int m, int d, bool shortform);
/* A time "13:00" and a decimal "7.5" as the language writes them, in a. */
const char *catalog_time(arena *a, const catalog *c, const char *hhmm);
const char *catalog_decimal(arena *a, const catalog *c, const char *number);
/* The compound joints of the language's hyphenation (text.h's list; ""
 * for a language without). */
const char *catalog_joints(const catalog *c);
/* A glossary term's wording in c's language and in Danish; false when the
 * glossary has no such term. */
bool catalog_term(const catalog *c, const char *key, const char **local, const char **danish);

#endif
