/* danish.h: values as people in Denmark write them.
 *
 * A spreadsheet saved by Danish Excel, or a workplace file typed by hand,
 * holds dates as 24-03-2026, times as 14.00 and numbers with a decimal
 * comma (22,5). The workplace format wants 2026-03-24, 14:00 and 22.5. These
 * functions read the Danish forms (and the format's own), so that the
 * importer can convert them and the reader can say what to write instead.
 * Pure functions, no allocation. */
#ifndef AMOKIT_DANISH_H
#define AMOKIT_DANISH_H

#include <stdbool.h>
#include <stddef.h>

/* Reads a date written as 24-03-2026, 24.03.2026, 24/03/2026 (one or two
 * digits for day and month; a two-digit year is 20yy) or as 2026-03-24,
 * surrounding spaces allowed. True when s is one of those forms and the day
 * exists; *iso_order tells which form it was (may be NULL). */
bool da_parse_date(const char *s, int *y, int *m, int *d, bool *iso_order);

/* Reads a time of day written as 14:00, 14.00, 14,00, 9.30, 14, "kl. 14.00"
 * or, as Excel saves a time cell, 14:00:00 (seconds 00 only), surrounding
 * spaces allowed, into minutes since midnight. True when s is one of those
 * forms and names a time from 00:00 to 23:59. */
bool da_parse_time(const char *s, int *minutes);

/* Reads a number written with a decimal comma (22,5 or 1.234,5) or a
 * decimal point (22.5), surrounding spaces allowed. True when the whole of
 * s is such a number. */
bool da_parse_decimal(const char *s, double *v);

/* Reads a whole number as a spreadsheet may save it: 11, 11,0 or 11.00
 * (a decimal comma or point with zeros only), surrounding spaces allowed.
 * True when s is such a number from 0 to 999999. */
bool da_parse_whole(const char *s, long *v);

/* Writes v with a decimal point and at most two decimals, no trailing
 * zeros ("22.5", "3"), as the workplace format wants; out holds size bytes. */
void da_format_decimal(double v, char *out, size_t size);

#endif
