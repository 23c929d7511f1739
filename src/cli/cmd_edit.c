/* cmd_edit.c: the commands that write workplace files: new, next-year
 * and import. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "diag.h"
#include "import.h"
#include "nextyear.h"
#include "reader.h"
#include "starter.h"

/* Reads a year from 1990 to 2100 for --year; false when arg is not one. */
static bool parse_year(const char *arg, int *year)
{
	char *end;
	long v = strtol(arg, &end, 10);
	if (*arg == '\0' || *end || v < READER_MIN_YEAR || v > READER_MAX_YEAR)
		return false;
	*year = (int)v;
	return true;
}

static int next_year_option(const command *c, int opt, void *ctx)
{
	nextyear_opts *o = ctx;
	switch (opt) {
	case 'o': o->output = optarg; return -1;
	case OPT_FORCE: o->force = true; return -1;
	case OPT_YEAR:
		if (!parse_year(optarg, &o->year))
			return cli_usage_error(c, "--year skal have et år fra 1990 til 2100, ikke", optarg);
		return -1;
	default: return -2;
	}
}

int cmd_next_year(const command *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{"output", required_argument, NULL, 'o'},
		{"year", required_argument, NULL, OPT_YEAR},
		{"force", no_argument, NULL, OPT_FORCE},
		{"max-size", required_argument, NULL, OPT_MAX_SIZE},
		{"help", no_argument, NULL, OPT_HELP},
		{NULL, 0, NULL, 0},
	};
	nextyear_opts o = {NULL, "-", 0, false};
	int r = cli_options(c, argc, argv, "o:", opts, next_year_option, &o);
	if (r >= 0)
		return r;
	if (optind + 1 != argc)
		return cli_usage_error(c, optind >= argc ? "next-year: ingen FIL angivet" : "next-year: én FIL ad gangen", NULL);
	o.input = argv[optind];
	if (cli_make_parent_dirs(o.output) != AM_OK)
		return AM_EUSAGE;
	diag d;
	diag_init(&d);
	r = nextyear_run(&o, &d);
	diag_print(&d, stderr);
	return r;
}

/* Reads a head count for --headcount: 1 to 999999. */
static bool parse_headcount(const char *arg, int *n)
{
	char *end;
	long v = strtol(arg, &end, 10);
	if (*arg == '\0' || *end || v < 1 || v > 999999)
		return false;
	*n = (int)v;
	return true;
}

/* The options import and new share: what the workplace is (when there is
 * no file), -2 for another. */
static int workplace_option(const command *c, int opt, const char **output, const char **name,
                            int *headcount, bool *med, int *year)
{
	switch (opt) {
	case 'o': *output = optarg; return -1;
	case OPT_NAME: *name = optarg; return -1;
	case OPT_MED: *med = true; return -1;
	case OPT_HEADCOUNT:
		if (!parse_headcount(optarg, headcount))
			return cli_usage_error(c, "--headcount skal have et antal ansatte fra 1, ikke", optarg);
		return -1;
	case OPT_YEAR:
		if (!parse_year(optarg, year))
			return cli_usage_error(c, "--year skal have et år fra 1990 til 2100, ikke", optarg);
		return -1;
	default: return -2;
	}
}

/* The options of a command that writes a new workplace file
 * (workplace_option), in import's and new's tables. */
#define WORKPLACE_OPTIONS \
	{"output", required_argument, NULL, 'o'}, \
	{"name", required_argument, NULL, OPT_NAME}, \
	{"headcount", required_argument, NULL, OPT_HEADCOUNT}, \
	{"med", no_argument, NULL, OPT_MED}, \
	{"year", required_argument, NULL, OPT_YEAR}

static int import_option(const command *c, int opt, void *ctx)
{
	import_opts *o = ctx;
	return workplace_option(c, opt, &o->output, &o->name, &o->headcount, &o->med, &o->year);
}

int cmd_import(const command *c, int argc, char **argv)
{
	static const struct option opts[] = {
		WORKPLACE_OPTIONS,
		{"max-size", required_argument, NULL, OPT_MAX_SIZE},
		{"help", no_argument, NULL, OPT_HELP},
		{NULL, 0, NULL, 0},
	};
	import_opts o;
	memset(&o, 0, sizeof o);
	o.report = stderr;
	int r = cli_options(c, argc, argv, "o:", opts, import_option, &o);
	if (r >= 0)
		return r;
	if (argc - optind < 2)
		return cli_usage_error(c, "import: giv arbejdspladsfilen og mindst én CSV-fil", NULL);
	if ((r = cli_one_stdin(c, argc, argv)) >= 0)
		return r;
	o.workplace = argv[optind];
	o.sheets = (const char *const *)(argv + optind + 1);
	o.n_sheets = (size_t)(argc - optind - 1);
	if (strcmp(o.workplace, "-") == 0 && !o.output)
		o.output = "-";
	const char *out = o.output ? o.output : o.workplace;
	if (cli_make_parent_dirs(out) != AM_OK)
		return AM_EUSAGE;
	diag d;
	diag_init(&d);
	r = import_run(&o, &d);
	diag_print(&d, stderr);
	return r;
}

/* The year a starting file plans when --year is not given: this year, or
 * from October the next (a discussion held late in a year plans the
 * coming one, and one early in a year is prepared in the autumn before),
 * by SOURCE_DATE_EPOCH when it is set, else by the clock; 0 when
 * SOURCE_DATE_EPOCH is not a time (said on stderr). */
static int this_year(void)
{
	bool has;
	long long t;
	if (!cli_source_date(&has, &t))
		return 0;
	time_t now = has ? (time_t)t : time(NULL);
	struct tm tm;
	int y = gmtime_r(&now, &tm) ? tm.tm_year + 1900 + (tm.tm_mon >= 9) : READER_MIN_YEAR;
	return y < READER_MIN_YEAR ? READER_MIN_YEAR : y > READER_MAX_YEAR ? READER_MAX_YEAR : y;
}

static int new_option(const command *c, int opt, void *ctx)
{
	starter_opts *o = ctx;
	if (opt == OPT_FORCE) {
		o->force = true;
		return -1;
	}
	return workplace_option(c, opt, &o->output, &o->name, &o->headcount, &o->med, &o->year);
}

int cmd_new(const command *c, int argc, char **argv)
{
	static const struct option opts[] = {
		WORKPLACE_OPTIONS,
		{"force", no_argument, NULL, OPT_FORCE},
		{"help", no_argument, NULL, OPT_HELP},
		{NULL, 0, NULL, 0},
	};
	starter_opts o = {.output = NULL};
	int r = cli_options(c, argc, argv, "o:", opts, new_option, &o);
	if (r >= 0)
		return r;
	if (argc - optind > 1 || (argc - optind == 1 && o.output))
		return cli_usage_error(c, "new: giv kun én FIL (eller -o FIL)", NULL);
	if (argc - optind == 1)
		o.output = argv[optind];
	if (!o.output)
		o.output = "-";
	if (!o.name || !*o.name || !o.headcount)
		return cli_usage_error(c, "new: giv arbejdspladsens navn og antal ansatte, fx --name \"Holm & Søn ApS\" "
		                      "--headcount 6", NULL);
	if (!o.year && !(o.year = this_year()))
		return AM_EUSAGE;
	if (cli_make_parent_dirs(o.output) != AM_OK)
		return AM_EUSAGE;
	diag d;
	diag_init(&d);
	r = starter_run(&o, &d);
	diag_print(&d, stderr);
	return r;
}
