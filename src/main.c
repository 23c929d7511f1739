/* main.c: the amokit command line.
 *
 * A table of commands, each a static function taking its own argv (argv[0]
 * is the command's name) and returning an exit code: 0 ok, 1 input rejected
 * (or warnings under --strict), 2 usage or I/O error, 3 internal error or out
 * of memory. Only this file prints or exits. */
#define _DEFAULT_SOURCE            /* madvise */
#include <getopt.h>
#include <pthread.h>
#include <signal.h>
#include <libxml/parser.h>
#include <libxml/xmlmemory.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "arena.h"
#include "batch.h"
#include "diag.h"
#include "ics.h"
#include "kit.h"
#include "layout.h"
#include "reader.h"
#include "render.h"
#include "rules.h"

typedef struct command {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *usage;     /* arguments after the command's name */
	const char *summary;   /* one line for the overall usage */
	const char *help;      /* the options, for --help */
} command;

static const command commands[];
static const command *find_command(const char *name);

static void print_usage(FILE *out)
{
	fprintf(out, "usage: amokit COMMAND [OPTION]... [ARG]...\n\ncommands:\n");
	for (const command *c = commands; c->name; c++)
		fprintf(out, "  %-8s %s\n", c->name, c->summary);
	fprintf(out, "\n  amokit COMMAND --help   options of a command\n"
	             "  amokit --version        the version\n");
}

static void print_command_help(const command *c, FILE *out)
{
	fprintf(out, "usage: amokit %s %s\n%s\n\n%s", c->name, c->usage, c->summary, c->help);
}

/* Reports "what 'arg'" (or just what, when arg is NULL) as a usage error of
 * command c (NULL: the program) and returns 2. */
static int usage_error(const command *c, const char *what, const char *arg)
{
	if (arg)
		fprintf(stderr, "amokit: %s '%s'\n", what, arg);
	else
		fprintf(stderr, "amokit: %s\n", what);
	if (c)
		fprintf(stderr, "usage: amokit %s %s\n(amokit %s --help for more)\n", c->name, c->usage, c->name);
	else
		print_usage(stderr);
	return AM_EUSAGE;
}

/* Parses the options shared by every command that has no others:
 * --help. Returns -1 to go on, or an exit code. */
static int common_options(const command *c, int argc, char **argv, const struct option *extra,
                          int (*on_extra)(int opt, void *ctx), void *ctx);

/* ---- check -------------------------------------------------------------- */

typedef struct check_opts {
	int strict;
	long max_bytes;
} check_opts;

enum {
	OPT_STRICT = 1000, OPT_MAX_SIZE, OPT_HELP, OPT_ONLY, OPT_LAYOUTS, OPT_POSTER,
	OPT_LANDSCAPE, OPT_TILE, OPT_RHYTHM, OPT_PREVIOUS
};

static int check_option(int opt, void *ctx)
{
	check_opts *o = ctx;
	if (opt == OPT_STRICT) {
		o->strict = 1;
		return -1;
	}
	if (opt == OPT_MAX_SIZE) {
		char *end;
		o->max_bytes = strtol(optarg, &end, 10);
		if (*end || o->max_bytes <= 0)
			return usage_error(&commands[0], "--max-size wants a positive number of bytes, not", optarg);
		return -1;
	}
	return AM_EUSAGE;
}

/* Adds the compliance summary of wp to d as warnings. */
static int add_compliance(const am_workplace *wp, arena *a, diag *d)
{
	rules_result *res;
	if (rules_evaluate(a, wp, &res) != AM_OK)
		return diag_oom(d, wp->file);
	for (size_t i = 0; i < res->n_items; i++) {
		const rules_item *it = &res->items[i];
		if (!it->covered)
			diag_warning(d, wp->file, it->line, "%s", it->message);
	}
	return AM_OK;
}

/* Checks one file: prints its records and returns its exit code. */
static int check_file(const char *path, int strict)
{
	diag d;
	diag_init(&d);
	arena *a = arena_new();
	if (!a) {
		fprintf(stderr, "%s: ikke nok hukommelse\n", path);
		return AM_EINTERNAL;
	}
	am_workplace *wp;
	int r = reader_load(a, path, &wp, &d);
	if (r == AM_OK)
		r = add_compliance(wp, a, &d);
	diag_print(&d, stderr);
	if (r == AM_OK && strict && d.warnings > 0)
		r = AM_EINPUT;
	arena_free(a);
	return r;
}

static int cmd_check(int argc, char **argv)
{
	static const struct option opts[] = {
		{"strict", no_argument, NULL, OPT_STRICT},
		{"max-size", required_argument, NULL, OPT_MAX_SIZE},
		{NULL, 0, NULL, 0},
	};
	check_opts o = {0, 0};
	int r = common_options(&commands[0], argc, argv, opts, check_option, &o);
	if (r >= 0)
		return r;
	if (optind >= argc)
		return usage_error(&commands[0], "check: no FILE given", NULL);
	if (o.max_bytes > 0)
		reader_set_max_bytes((size_t)o.max_bytes);
	int worst = AM_OK;
	for (int i = optind; i < argc; i++) {
		int fr = check_file(argv[i], o.strict);
		if (fr > worst)
			worst = fr;
	}
	return worst;
}

/* ---- render and blank ---------------------------------------------------- */

/* Commands that take exactly one FILE after their options: checks that it
 * is there and makes the arena for reading it. -1 to go on, else the exit code. */
static int one_file(const command *c, int argc, arena **a)
{
	if (optind + 1 != argc) {
		char what[64];
		snprintf(what, sizeof what, "%s: %s", c->name,
		         optind >= argc ? "no FILE given" : "one FILE at a time");
		return usage_error(c, what, NULL);
	}
	if (!(*a = arena_new())) {
		fprintf(stderr, "amokit: ikke nok hukommelse\n");
		return AM_EINTERNAL;
	}
	return -1;
}

typedef struct kit_cli {
	kit_job job;
	kit_opts ko;
	const char *previous;      /* --previous: last year's workplace file */
} kit_cli;

static bool paper_ok(const char *p, const char *const *allowed)
{
	for (; *allowed; allowed++)
		if (strcmp(p, *allowed) == 0)
			return true;
	return false;
}

/* Parses the options of render, blank and batch (jobs non-NULL: -j is
 * allowed); returns -1 to go on, or an exit code. */
static bool parse_jobs(const char *s, int *jobs);

static int kit_options(const command *c, int argc, char **argv, kit_cli *k, int *jobs)
{
	static const struct option opts[] = {
		{"output", required_argument, NULL, 'o'},
		{"jobs", required_argument, NULL, 'j'},
		{"only", required_argument, NULL, OPT_ONLY},
		{"layouts", required_argument, NULL, OPT_LAYOUTS},
		{"poster", required_argument, NULL, OPT_POSTER},
		{"landscape", no_argument, NULL, OPT_LANDSCAPE},
		{"tile", required_argument, NULL, OPT_TILE},
		{"with-rhythm", no_argument, NULL, OPT_RHYTHM},
		{"previous", required_argument, NULL, OPT_PREVIOUS},
		{"help", no_argument, NULL, OPT_HELP},
		{NULL, 0, NULL, 0},
	};
	static const char *const posters[] = {"A3", "A2", "A1", "A0", NULL};
	static const char *const tiles[] = {"A4", "A3", NULL};
	memset(k, 0, sizeof *k);
	k->job.outdir = ".";
	k->job.docs = KIT_ALL;
	optind = 1;
	opterr = 0;
	int opt;
	diag d;
	diag_init(&d);
	while ((opt = getopt_long(argc, argv, jobs ? "o:j:" : "o:", opts, NULL)) != -1) {
		if (opt == 'j' && !jobs)
			opt = '?';
		switch (opt) {
		case 'o': k->job.outdir = optarg; break;
		case 'j':
			if (!parse_jobs(optarg, jobs))
				return usage_error(c, "-j wants a number of processes from 1 to 64, not", optarg);
			break;
		case OPT_LAYOUTS: k->ko.layouts_dir = optarg; break;
		case OPT_LANDSCAPE: k->job.landscape = true; break;
		case OPT_RHYTHM: k->job.rhythm = true; break;
		case OPT_PREVIOUS: k->previous = optarg; break;
		case OPT_HELP:
			print_command_help(c, stdout);
			return AM_OK;
		case OPT_ONLY:
			if (!(k->job.docs = kit_parse_only(optarg, &d))) {
				diag_print(&d, stderr);
				return usage_error(c, "--only wants a list of documents, not", optarg);
			}
			break;
		case OPT_POSTER:
			if (!paper_ok(optarg, posters))
				return usage_error(c, "--poster wants A3, A2, A1 or A0, not", optarg);
			k->job.poster = optarg;
			break;
		case OPT_TILE:
			if (!paper_ok(optarg, tiles))
				return usage_error(c, "--tile wants A4 or A3, not", optarg);
			k->job.tile = optarg;
			break;
		default:
			return usage_error(c, "unknown or incomplete option", argv[optind - 1]);
		}
	}
	return -1;
}

/* Memory a document frees stays in the heap for the next one instead of
 * going back to the kernel: a page given back costs a page fault when it is
 * touched again, and on a virtual machine a fault costs about 10 µs — in a
 * batch that was a third of the time. */
static void keep_freed_memory(void)
{
#ifdef __GLIBC__
	mallopt(M_MMAP_THRESHOLD, 32 << 20);
	mallopt(M_TRIM_THRESHOLD, 64 << 20);
	mallopt(M_ARENA_MAX, 1);   /* threads share the heap (and warm_heap's pages) */
#endif
}

/* The heap a workplace's documents need, made present in one system call
 * rather than one page fault per page as it is first touched (about 10 µs
 * each on a virtual machine, a fifth of a render). The threads that share
 * the documents use this same heap. Without MADV_POPULATE_WRITE (Linux
 * before 5.14) nothing happens and pages fault in as usual. */
#define WARM_HEAP (3u << 20)

static void warm_heap(void)
{
#if defined(__GLIBC__) && defined(MADV_POPULATE_WRITE)
	char *p = malloc(WARM_HEAP);
	if (!p)
		return;
	uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE);
	uintptr_t start = ((uintptr_t)p + page - 1) & ~(page - 1);
	uintptr_t end = ((uintptr_t)p + WARM_HEAP) & ~(page - 1);
	if (end > start)
		madvise((void *)start, end - start, MADV_POPULATE_WRITE);
	free(p);
#endif
}

/* Opening the kit (fonts, hyphenation patterns) does not depend on the
 * workplace file, so render does it in a second thread while the file is
 * read and validated. Not the layouts: loading them there as well made the
 * two threads wait for each other's malloc, which cost more than it saved
 * (plejecenter-140: 33.2 → 30.5 ms, medians of 30 interleaved runs); they
 * load in the documents' threads. */
typedef struct kit_opening {
	const kit_opts *opts;
	pthread_t thread;
	bool started;
	kit *k;
	diag d;
} kit_opening;

static void *open_kit(void *arg)
{
	kit_opening *o = arg;
	warm_heap();
	o->k = kit_open(o->opts, &o->d);
	return NULL;
}

static void start_kit(kit_opening *o, const kit_opts *opts)
{
	o->opts = opts;
	o->k = NULL;
	diag_init(&o->d);
	xmlInitParser();   /* once, before two threads use libxml2 */
	o->started = pthread_create(&o->thread, NULL, open_kit, o) == 0;
}

/* The opened kit, or NULL; the reasons are added to d (if not NULL). */
static kit *finish_kit(kit_opening *o, diag *d)
{
	if (o->started)
		pthread_join(o->thread, NULL);
	else
		open_kit(o);
	if (d)
		diag_merge(d, &o->d);
	return o->k;
}

/* Runs the kit for wp (NULL: blank), with last year's file prev (may be
 * NULL), and prints what it wrote. */
static int run_kit(kit_cli *k, kit *kt, const am_workplace *wp, const am_workplace *prev, diag *d)
{
	if (!kt)
		return d->oom ? AM_EINTERNAL : AM_EUSAGE;
	k->job.wp = wp;
	k->job.log = stdout;
	k->job.previous = prev;
	return kit_run(kt, &k->job, d);
}

static int cmd_render(int argc, char **argv)
{
	const command *c = find_command("render");
	kit_cli k;
	int r = kit_options(c, argc, argv, &k, &k.job.jobs);
	if (r >= 0)
		return r;
	arena *a;
	if ((r = one_file(c, argc, &a)) >= 0)
		return r;
	diag d;
	diag_init(&d);
	kit_opening opening;
	start_kit(&opening, &k.ko);
	am_workplace *wp, *prev = NULL;
	r = reader_load(a, argv[optind], &wp, &d);
	if (r == AM_OK && k.previous)
		r = reader_load(a, k.previous, &prev, &d);
	reader_forget_schema();   /* its memory goes to the documents */
	kit *kt = finish_kit(&opening, r == AM_OK ? &d : NULL);
	if (r == AM_OK)
		r = run_kit(&k, kt, wp, prev, &d);
	kit_close(kt);
	diag_print(&d, stderr);
	arena_free(a);
	return r;
}

static int cmd_blank(int argc, char **argv)
{
	const command *c = find_command("blank");
	kit_cli k;
	int r = kit_options(c, argc, argv, &k, &k.job.jobs);
	if (r >= 0)
		return r;
	if (optind != argc)
		return usage_error(c, "blank takes no FILE, only options; unexpected", argv[optind]);
	if (k.previous)
		return usage_error(c, "blank prints no data, so it takes no", "--previous");
	warm_heap();
	diag d;
	diag_init(&d);
	kit *kt = kit_open(&k.ko, &d);
	r = run_kit(&k, kt, NULL, NULL, &d);
	kit_close(kt);
	diag_print(&d, stderr);
	return r;
}

/* ---- ics ----------------------------------------------------------------- */

typedef struct ics_cli {
	const char *output;        /* "-": standard output */
	const char *layouts_dir;   /* NULL: the installed layouts */
	bool rhythm;
} ics_cli;

static int ics_options(const command *c, int argc, char **argv, ics_cli *o)
{
	static const struct option opts[] = {
		{"output", required_argument, NULL, 'o'},
		{"layouts", required_argument, NULL, OPT_LAYOUTS},
		{"with-rhythm", no_argument, NULL, OPT_RHYTHM},
		{"help", no_argument, NULL, OPT_HELP},
		{NULL, 0, NULL, 0},
	};
	*o = (ics_cli){"-", NULL, false};
	optind = 1;
	opterr = 0;
	int opt;
	while ((opt = getopt_long(argc, argv, "o:", opts, NULL)) != -1) {
		switch (opt) {
		case 'o': o->output = optarg; break;
		case OPT_LAYOUTS: o->layouts_dir = optarg; break;
		case OPT_RHYTHM: o->rhythm = true; break;
		case OPT_HELP:
			print_command_help(c, stdout);
			return AM_OK;
		default:
			return usage_error(c, "unknown or incomplete option", argv[optind - 1]);
		}
	}
	return -1;
}

/* The årshjul layout: its texts label the calendar and name the legal
 * rhythm's activities. NULL with *rc set when it cannot be loaded. */
static layout *ics_texts(arena *a, const char *layouts_dir, diag *d, int *rc)
{
	const char *dir = layouts_dir ? layouts_dir : arena_printf(a, "%s/layouts", kit_data_dir(a));
	const char *path = dir ? arena_printf(a, "%s/aarshjul.xml", dir) : NULL;
	layout *l = NULL;
	*rc = path ? layout_load(a, path, &l, d) : diag_oom(d, NULL);
	return *rc == AM_OK ? l : NULL;
}

static int cmd_ics(int argc, char **argv)
{
	const command *c = find_command("ics");
	ics_cli o;
	int r = ics_options(c, argc, argv, &o);
	if (r >= 0)
		return r;
	arena *a;
	if ((r = one_file(c, argc, &a)) >= 0)
		return r;
	diag d;
	diag_init(&d);
	am_workplace *wp;
	layout *l = NULL;
	r = reader_load(a, argv[optind], &wp, &d);
	if (r == AM_OK)
		l = ics_texts(a, o.layouts_dir, &d, &r);
	if (r == AM_OK && (o.rhythm || wp->wheel.rhythm))
		r = kit_apply_rhythm(a, wp, l, o.rhythm, &d);
	if (r == AM_OK) {
		/* The labels are product text: from the layouts. */
		ics_opts io = {layout_text(l, "wheel-title", "Årshjul"),
		               layout_text(l, "ics-responsible", "Ansvarlig"), -1};
		r = ics_write(wp, &io, o.output, &d);
	}
	diag_print(&d, stderr);
	arena_free(a);
	return r;
}

/* ---- batch --------------------------------------------------------------- */

/* Parses -j's argument: a number of worker processes, 1..BATCH_MAX_JOBS. */
static bool parse_jobs(const char *s, int *jobs)
{
	char *end;
	long v = strtol(s, &end, 10);
	if (*s == '\0' || *end || v < 1 || v > BATCH_MAX_JOBS)
		return false;
	*jobs = (int)v;
	return true;
}

static int cmd_batch(int argc, char **argv)
{
	const command *c = find_command("batch");
	kit_cli k;
	batch_opts o;
	memset(&o, 0, sizeof o);
	o.report = stderr;
	int r = kit_options(c, argc, argv, &k, &o.jobs);
	if (r >= 0)
		return r;
	if (k.previous)
		return usage_error(c, "batch takes no", "--previous");
	if (optind >= argc)
		return usage_error(c, "batch: no FILE or DIR given", NULL);
	o.outdir = k.job.outdir;
	o.job = k.job;
	o.kit = k.ko;
	o.inputs = (const char *const *)(argv + optind);
	o.n_inputs = (size_t)(argc - optind);
	diag d;
	diag_init(&d);
	r = batch_run(&o, &d);
	diag_print(&d, stderr);
	return r;
}

#define KIT_OPTIONS_HELP_COMMON \
	"  --only LIST       only these documents, comma-separated: forberedelsesark,\n" \
	"                    arbejdsark, informationsark, dagsorden, aarshjul, referat\n" \
	"  --poster SIZE     årshjul paper: A3, A2 (default), A1 or A0\n" \
	"  --landscape       årshjul in landscape\n" \
	"  --tile SIZE       split the årshjul over A4 or A3 sheets for office printers\n" \
	"  --with-rhythm     add the legally driven activities to the årshjul\n" \
	"  --layouts DIR     use the layouts in DIR instead of the installed ones\n" \
	"  --help            this help\n"

#define KIT_OPTIONS_HELP \
	"  -o, --output DIR  write the PDFs into DIR (default: the current directory)\n" \
	"  -j, --jobs N      share the documents among N processes (default: one per CPU)\n" \
	"  --previous FILE   last year's workplace file: its goals and open handleplan\n" \
	"                    rows come back to be followed up (render only)\n" \
	KIT_OPTIONS_HELP_COMMON \
	"exit: 0 ok, 1 input rejected, 2 usage or I/O error, 3 internal error\n"

static const command commands[] = {
	{"check", cmd_check, "[--strict] [--max-size BYTES] FILE...",
	 "validate workplace files and summarise what the annual discussion covers",
	 "  --strict          exit 1 when there are warnings (missing required points)\n"
	 "  --max-size BYTES  refuse files larger than BYTES (default 1 MiB)\n"
	 "  --help            this help\n"
	 "exit: 0 ok, 1 input rejected, 2 usage or I/O error, 3 internal error\n"},
	{"render", cmd_render, "[OPTION]... FILE", "print the documents of a workplace as PDF",
	 KIT_OPTIONS_HELP},
	{"blank", cmd_blank, "[OPTION]...", "print the blank sheets as PDF, for handwriting",
	 KIT_OPTIONS_HELP},
	{"batch", cmd_batch, "[OPTION]... FILE...|DIR...", "print the documents of many workplaces, in parallel",
	 "  -j, --jobs N      N worker processes (default: the number of CPUs)\n"
	 "  -o, --output DIR  write DIR/<name>/*.pdf, <name> being each file's name\n"
	 "                    without .xml (default: the current directory)\n"
	 KIT_OPTIONS_HELP_COMMON
	 "A DIR is scanned for *.xml. A progress bar is shown on a terminal, and a\n"
	 "summary at the end names every file that failed, with its reasons.\n"
	 "exit: 0 all written, 1 some files failed, 2 usage or I/O error, 3 internal error\n"},
	{"ics", cmd_ics, "[OPTION]... FILE", "export the årshjul as an iCalendar file",
	 "  -o, --output FILE write the calendar to FILE (default: standard output)\n"
	 "  --with-rhythm     add the legally driven activities to the calendar\n"
	 "  --layouts DIR     use the layouts in DIR instead of the installed ones\n"
	 "  --help            this help\n"
	 "environment: SOURCE_DATE_EPOCH sets DTSTAMP (default: the meeting date)\n"
	 "exit: 0 ok, 1 input rejected, 2 usage or I/O error, 3 internal error\n"},
	{NULL, NULL, NULL, NULL, NULL},
};

static const command *find_command(const char *name)
{
	for (const command *c = commands; c->name; c++)
		if (strcmp(c->name, name) == 0)
			return c;
	return NULL;
}

static int common_options(const command *c, int argc, char **argv, const struct option *extra,
                          int (*on_extra)(int opt, void *ctx), void *ctx)
{
	struct option opts[16];
	size_t n = 0;
	for (; extra && extra[n].name && n < 14; n++)
		opts[n] = extra[n];
	opts[n++] = (struct option){"help", no_argument, NULL, OPT_HELP};
	opts[n] = (struct option){NULL, 0, NULL, 0};
	if (!c)
		c = find_command(argv[0]);
	optind = 1;
	opterr = 0;
	int opt;
	while ((opt = getopt_long(argc, argv, "+", opts, NULL)) != -1) {
		if (opt == OPT_HELP) {
			print_command_help(c, stdout);
			return AM_OK;
		}
		if (opt == '?' || opt == ':' || !on_extra)
			return usage_error(c, "unknown or incomplete option", argv[optind - 1]);
		int r = on_extra(opt, ctx);
		if (r >= 0)
			return r;
	}
	return -1;
}

/* Ends the process for a library that ran out of memory: the temporary
 * files other threads may be writing go first. */
static _Noreturn void exit_out_of_memory(void)
{
	static const char msg[] = "amokit: ikke nok hukommelse\n";
	render_remove_temporaries();
	fwrite(msg, 1, sizeof msg - 1, stderr);
	_Exit(AM_EINTERNAL);
}

/* libxml2 2.9 does not survive every failed allocation of its own (it can
 * crash inside schema validation), so the command line ends the process
 * cleanly instead: "out of memory", exit 3. */
static void *xml_checked(void *p)
{
	if (!p)
		exit_out_of_memory();
	return p;
}

static void *xml_malloc(size_t n) { return xml_checked(malloc(n ? n : 1)); }
static void *xml_realloc(void *p, size_t n) { return xml_checked(realloc(p, n ? n : 1)); }
static char *xml_strdup(const char *s) { return xml_checked(strdup(s)); }

/* libhyphen ends the process with exit(1) when one of its allocations
 * fails (hnj_malloc). Any exit that does not come through main's return is
 * such a one: say so plainly and end with the out-of-memory code. Forked
 * batch workers end through exit() on purpose and are left alone. */
static bool main_returned;
static pid_t main_pid;

static void on_library_exit(void)
{
	if (!main_returned && getpid() == main_pid)
		exit_out_of_memory();
}

static int run(int argc, char **argv)
{
	if (argc < 2)
		return usage_error(NULL, "no command given", NULL);
	if (strcmp(argv[1], "--version") == 0) {
		printf("amokit %s\n", AMOKIT_VERSION);
		return AM_OK;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		print_usage(stdout);
		return AM_OK;
	}
	const command *c = find_command(argv[1]);
	if (!c)
		return usage_error(NULL, argv[1][0] == '-' ? "unknown option" : "unknown command", argv[1]);
	int r = c->run(argc - 1, argv + 1);
	reader_cleanup();
	return r;
}

/* Interrupted (Ctrl-C, kill): no temporary file is left behind; then the
 * signal takes its usual course. */
static void on_signal(int sig)
{
	render_remove_temporaries();
	signal(sig, SIG_DFL);
	raise(sig);
}

static void remove_temporaries_on_signals(void)
{
	static const int sigs[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
		struct sigaction sa = {0};
		sa.sa_handler = on_signal;
		sigemptyset(&sa.sa_mask);
		sigaction(sigs[i], &sa, NULL);
	}
}

int main(int argc, char **argv)
{
	remove_temporaries_on_signals();
	keep_freed_memory();
	xmlMemSetup(free, xml_malloc, xml_realloc, xml_strdup);
	main_pid = getpid();
	atexit(on_library_exit);
	int r = run(argc, argv);
	main_returned = true;
	return r;
}
