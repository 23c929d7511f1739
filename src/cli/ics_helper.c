/* ics_helper.c: the ics command of amokit-ics, the calendar export that
 * amokit runs as a program of its own (cmd_ics.c says why): it reads the
 * workplace file and writes its årshjul as an iCalendar file. */
#include "cli.h"

#include <string.h>

#include "arena.h"
#include "catalog.h"
#include "diag.h"
#include "ics.h"
#include "layout.h"
#include "reader.h"

typedef struct ics_cli {
	const char *output;        /* "-": standard output */
	const char *layouts_dir;   /* NULL: the installed layouts */
	bool rhythm;
	bool has_stamp;            /* SOURCE_DATE_EPOCH, else the meeting day */
	long long stamp;
} ics_cli;

static int ics_option(const command *c, int opt, void *ctx)
{
	(void)c;
	ics_cli *o = ctx;
	switch (opt) {
	case 'o': o->output = optarg; return -1;
	case OPT_LAYOUTS: o->layouts_dir = optarg; return -1;
	case OPT_RHYTHM: o->rhythm = true; return -1;
	default: return -2;
	}
}

static int ics_options(const command *c, int argc, char **argv, ics_cli *o)
{
	static const struct option opts[] = {
		{"output", required_argument, NULL, 'o'},
		{"layouts", required_argument, NULL, OPT_LAYOUTS},
		{"with-rhythm", no_argument, NULL, OPT_RHYTHM},
		{"max-size", required_argument, NULL, OPT_MAX_SIZE},
		{"help", no_argument, NULL, OPT_HELP},
		{NULL, 0, NULL, 0},
	};
	*o = (ics_cli){"-", NULL, false, false, 0};
	int r = cli_options(c, argc, argv, "o:", opts, ics_option, o);
	if (r >= 0)
		return r;
	return cli_source_date(&o->has_stamp, &o->stamp) ? -1 : AM_EUSAGE;
}

/* The Danish catalog: its texts label the calendar and name the legal
 * rhythm's activities. NULL with *rc set when it cannot be loaded. */
static catalog *ics_texts(arena *a, const char *layouts_dir, diag *d, int *rc)
{
	const char *dir = layouts_dir ? layouts_dir : arena_printf(a, "%s/layouts", kit_data_dir(a));
	catalog *c = NULL;
	*rc = dir ? catalog_load(a, dir, CATALOG_REFERENCE, NULL, &c, d) : diag_oom(d, NULL);
	return *rc == AM_OK ? c : NULL;
}

int cmd_ics(const command *c, int argc, char **argv)
{
	ics_cli o;
	int r = ics_options(c, argc, argv, &o);
	if (r >= 0)
		return r;
	arena *a;
	if ((r = cli_one_file(c, argc, &a)) >= 0)
		return r;
	diag d;
	diag_init(&d);
	am_workplace *wp;
	catalog *l = NULL;
	r = reader_load(a, argv[optind], &wp, &d);
	if (r == AM_OK)
		l = ics_texts(a, o.layouts_dir, &d, &r);
	if (r == AM_OK && (o.rhythm || wp->wheel.rhythm))
		r = kit_apply_rhythm(a, wp, l, o.rhythm, &d);
	if (r == AM_OK && cli_make_parent_dirs(o.output) != AM_OK)
		r = AM_EUSAGE;
	if (r == AM_OK) {
		/* The labels are product text: from the layouts. */
		ics_opts io = {catalog_text(l, "wheel-title", "Årshjul"),
		               catalog_text(l, "ics-responsible", "Ansvarlig"), o.has_stamp ? o.stamp : -1};
		r = ics_write(wp, &io, o.output, &d);
	}
	diag_print(&d, stderr);
	arena_free(a);
	return r;
}
