/* danish.c: dates, times and numbers as people in Denmark write them; see
 * danish.h. Hand-written scanners rather than sscanf, so that trailing
 * garbage, signs and overlong fields are refused exactly. */
#include "danish.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cal.h"

static const char *skip_space(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	return s;
}

/* Reads 1..max digits at *s into *v; advances *s. The number of digits
 * read, 0 when none. */
static int digits(const char **s, int max, int *v)
{
	int n = 0;
	*v = 0;
	while (n < max && **s >= '0' && **s <= '9') {
		*v = *v * 10 + (**s - '0');
		(*s)++;
		n++;
	}
	if (n == max && **s >= '0' && **s <= '9')
		return 0;   /* more digits than the field allows */
	return n;
}

static bool at_end(const char *s) { return *skip_space(s) == '\0'; }

bool da_parse_date(const char *s, int *y, int *m, int *d, bool *iso_order)
{
	const char *p = skip_space(s);
	int a, b, c, na, nb, nc;
	if (!(na = digits(&p, 4, &a)))
		return false;
	char sep = *p;
	if (sep != '-' && sep != '.' && sep != '/')
		return false;
	p++;
	if (!(nb = digits(&p, 2, &b)) || *p != sep)
		return false;
	p++;
	if (!(nc = digits(&p, 4, &c)))
		return false;
	if (sep == '.' && *p == '.')
		p++;   /* "24.03.2026." */
	if (!at_end(p))
		return false;
	bool iso = na == 4 && sep == '-' && nb == 2 && nc == 2;
	if (iso) {
		*y = a, *m = b, *d = c;
	} else {
		if (na > 2 || (nc != 4 && nc != 2))
			return false;
		*d = a, *m = b, *y = nc == 2 ? 2000 + c : c;
	}
	if (iso_order)
		*iso_order = iso;
	return cal_date_exists(*y, *m, *d);
}

bool da_parse_time(const char *s, int *minutes)
{
	const char *p = skip_space(s);
	if (strncmp(p, "kl.", 3) == 0 || strncmp(p, "Kl.", 3) == 0)
		p = skip_space(p + 3);
	int h, m = 0, sec = 0;
	if (!digits(&p, 2, &h))
		return false;
	if (*p == ':' || *p == '.' || *p == ',') {
		p++;
		if (digits(&p, 2, &m) != 2)
			return false;
		if (*p == ':') {   /* Excel's time cells: 14:00:00; only 00 seconds fit */
			p++;
			if (digits(&p, 2, &sec) != 2 || sec != 0)
				return false;
		}
	}
	if (!at_end(p) || h > 23 || m > 59)
		return false;
	*minutes = h * 60 + m;
	return true;
}

bool da_parse_whole(const char *s, long *v)
{
	const char *p = skip_space(s);
	int n;
	if (!digits(&p, 6, &n))
		return false;
	if (*p == ',' || *p == '.') {
		const char *q = ++p;
		while (*p == '0')
			p++;
		if (p == q)
			return false;   /* "11," */
	}
	if (!at_end(p))
		return false;
	*v = n;
	return true;
}

/* Reads the integer part of a number, with or without thousands separators
 * `thousands` (groups of exactly three digits after the first). */
static bool integer_part(const char **s, char thousands, double *v)
{
	const char *p = *s;
	int n = 0;
	double x = 0;
	while (*p >= '0' && *p <= '9' && n < 16) {
		x = x * 10 + (*p++ - '0');
		n++;
	}
	if (n == 0 || n > 15)
		return false;
	while (thousands && *p == thousands && n <= 3) {
		int g = 0;
		const char *q = p + 1;
		while (g < 3 && *q >= '0' && *q <= '9')
			x = x * 10 + (*q++ - '0'), g++;
		if (g != 3 || (*q >= '0' && *q <= '9'))
			return false;
		p = q;
	}
	*s = p;
	*v = x;
	return true;
}

bool da_parse_decimal(const char *s, double *v)
{
	const char *p = skip_space(s);
	bool comma = strchr(p, ',') != NULL;
	double x;
	/* With a comma, a point can only group thousands (1.234,5); without
	 * one, a point is the decimal point (22.5). */
	if (!integer_part(&p, comma ? '.' : 0, &x))
		return false;
	char dec = comma ? ',' : '.';
	if (*p == dec) {
		p++;
		double scale = 0.1;
		int n = 0;
		while (*p >= '0' && *p <= '9' && n < 9) {
			x += (*p++ - '0') * scale;
			scale /= 10;
			n++;
		}
		if (n == 0)
			return false;
	}
	if (!at_end(p))
		return false;
	*v = x;
	return true;
}

void da_format_decimal(double v, char *out, size_t size)
{
	long hundredths = lround(v * 100);
	long whole = hundredths / 100, frac = hundredths % 100;
	if (frac == 0)
		snprintf(out, size, "%ld", whole);
	else if (frac % 10 == 0)
		snprintf(out, size, "%ld.%ld", whole, frac / 10);
	else
		snprintf(out, size, "%ld.%02ld", whole, frac);
}
