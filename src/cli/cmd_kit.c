/* cmd_kit.c: the commands that make documents: check, render, blank and
 * batch. They share the options that choose the documents (doc_option,
 * kit_options); render opens the kit in a second thread while the
 * workplace file is read. */
#include "cli.h"

#include <errno.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "batch.h"
#include "coverage.h"
#include "diag.h"
#include "infile.h"
#include "output.h"
#include "reader.h"
#include "rules.h"

typedef struct kit_cli {
	kit_job job;
	kit_opts ko;
	const char *previous;      /* --previous: last year's workplace file */
	const char *previous_dir;  /* --previous-dir: last year's files (batch) */
	int *jobs;                 /* where -j goes */
} kit_cli;

/* check makes the documents it checks, as render would, and keeps none:
 * whatever render would refuse, check refuses first. */
typedef struct check_opts {
	int strict;
	kit_cli k;                 /* the documents' options, as render's */
	kit *kt;                   /* opened for the first file that reads */
	bool kit_tried;
} check_opts;

static int doc_option(const command *c, int opt, kit_cli *k);


static int check_option(const command *c, int opt, void *ctx)
{
	check_opts *o = ctx;
	if (opt == OPT_STRICT) {
		o->strict = 1;
		return -1;
	}
	if (opt == OPT_PREVIOUS) {
		o->k.previous = optarg;
		return -1;
	}
	return doc_option(c, opt, &o->k);
}

/* Adds the compliance check of wp to d as warnings: one for every point
 * whose answer is not yes ("no", or "not stated"). */
static int add_compliance(const am_workplace *wp, const am_workplace *previous, arena *a, diag *d)
{
	rules_result *res;
	if (rules_evaluate(a, wp, previous, &res) != AM_OK)
		return diag_oom(d, wp->file);
	for (size_t i = 0; i < res->n_items; i++) {
		const rules_item *it = &res->items[i];
		if (it->answer != ANSWER_YES)
			diag_warning(d, wp->file, it->line, "%s", it->message);
	}
	return AM_OK;
}

/* Makes wp's documents as render would with the same options, into a set
 * that keeps nothing; their refusals are added to d. */
static int check_documents(check_opts *o, const am_workplace *wp, const am_workplace *previous, diag *d)
{
	if (!o->kit_tried) {
		o->kit_tried = true;
		o->kt = kit_open(&o->k.ko, d);
		if (!o->kt)
			return d->oom ? AM_EINTERNAL : AM_EUSAGE;
	}
	if (!o->kt) {
		diag_error(d, wp->file, 0, "dokumenterne kan ikke kontrolleres (se ovenfor)");
		return AM_EUSAGE;
	}
	kit_job job = o->k.job;
	job.wp = wp;
	job.previous = previous;
	job.out = output_discard();
	job.log = NULL;
	return kit_run(o->kt, &job, d);
}

/* Checks one file: prints its records and returns its exit code. */
static int check_file(const char *path, check_opts *o)
{
	diag d;
	diag_init(&d);
	arena *a = arena_new();
	if (!a) {
		fprintf(stderr, "%s: ikke nok hukommelse\n", infile_name(path));
		return AM_EINTERNAL;
	}
	am_workplace *wp, *prev = NULL;
	int r = reader_load(a, path, &wp, &d);
	if (r == AM_OK && o->k.previous)
		r = reader_load(a, o->k.previous, &prev, &d);
	if (r == AM_OK)
		r = add_compliance(wp, prev, a, &d);
	if (r == AM_OK)
		r = check_documents(o, wp, prev, &d);
	if (r == AM_OK && o->kt)
		coverage_warn(kit_fonts(o->kt), wp, &d);
	diag_print(&d, stderr);
	if (r == AM_OK && o->strict && d.warnings > 0)
		r = AM_EINPUT;
	arena_free(a);
	return r;
}

/* The options that choose what the documents look like (doc_option), in
 * check's, render's, blank's and batch's tables. */
#define DOC_OPTIONS \
	{"only", required_argument, NULL, OPT_ONLY}, \
	{"layouts", required_argument, NULL, OPT_LAYOUTS}, \
	{"poster", required_argument, NULL, OPT_POSTER}, \
	{"landscape", no_argument, NULL, OPT_LANDSCAPE}, \
	{"tile", required_argument, NULL, OPT_TILE}, \
	{"lang", required_argument, NULL, OPT_LANG}, \
	{"with-rhythm", no_argument, NULL, OPT_RHYTHM}, \
	{"previous", required_argument, NULL, OPT_PREVIOUS}

int cmd_check(const command *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{"strict", no_argument, NULL, OPT_STRICT},
		{"max-size", required_argument, NULL, OPT_MAX_SIZE},
		DOC_OPTIONS,
		{"help", no_argument, NULL, OPT_HELP},
		{NULL, 0, NULL, 0},
	};
	check_opts o;
	memset(&o, 0, sizeof o);
	o.k.job.outdir = ".";      /* named in messages as render's default */
	o.k.job.docs = KIT_ALL;
	int r = cli_options(c, argc, argv, "", opts, check_option, &o);
	if (r >= 0)
		return r;
	if (!cli_source_date(&o.k.job.has_timestamp, &o.k.job.timestamp))
		return AM_EUSAGE;
	if (optind >= argc)
		return cli_usage_error(c, "check: ingen FIL angivet", NULL);
	if ((r = cli_one_stdin(c, argc, argv)) >= 0)
		return r;
	int worst = AM_OK;
	for (int i = optind; i < argc; i++) {
		int fr = check_file(argv[i], &o);
		if (fr > worst)
			worst = fr;
	}
	kit_close(o.kt);
	return worst;
}

/* --poster's or --tile's argument: one of the paper sizes allowed into
 * *paper; -1 to go on, or the exit code of the usage error refusal. */
static int paper_option(const command *c, const char *const *allowed, const char *refusal, const char **paper)
{
	for (const char *const *a = allowed; *a; a++)
		if (strcmp(optarg, *a) == 0) {
			*paper = optarg;
			return -1;
		}
	return cli_usage_error(c, refusal, optarg);
}

/* An option that chooses what the documents look like (check, render,
 * blank, batch): -1 to go on, an exit code, or -2 when opt is none. */
static int doc_option(const command *c, int opt, kit_cli *k)
{
	static const char *const posters[] = {"A3", "A2", "A1", "A0", NULL};
	static const char *const tiles[] = {"A4", "A3", NULL};
	diag d;
	switch (opt) {
	case OPT_LAYOUTS: k->ko.layouts_dir = optarg; return -1;
	case OPT_LANDSCAPE: k->job.landscape = true; return -1;
	case OPT_RHYTHM: k->job.rhythm = true; return -1;
	case OPT_ONLY:
		diag_init(&d);
		if (!(k->job.docs = kit_parse_only(optarg, &d))) {
			diag_print(&d, stderr);
			return cli_usage_error(c, "--only skal have en liste af dokumenter, ikke", optarg);
		}
		return -1;
	case OPT_POSTER:
		return paper_option(c, posters, "--poster skal have A3, A2, A1 eller A0, ikke", &k->job.poster);
	case OPT_LANG:
		if (!catalog_code_valid(optarg))
			return cli_usage_error(c, "--lang skal have et sprog: " KIT_LANGS ", ikke", optarg);
		k->job.lang = strcmp(optarg, CATALOG_REFERENCE) == 0 ? NULL : optarg;
		return -1;
	case OPT_TILE:
		return paper_option(c, tiles, "--tile skal have A4 eller A3, ikke", &k->job.tile);
	default:
		return -2;
	}
}

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

static int kit_option(const command *c, int opt, void *ctx)
{
	kit_cli *k = ctx;
	switch (opt) {
	case 'o': k->job.outdir = optarg; return -1;
	case 'j':
		if (!parse_jobs(optarg, k->jobs))
			return cli_usage_error(c, "-j skal have et antal fra 1 til 64, ikke", optarg);
		return -1;
	case OPT_PREVIOUS: k->previous = optarg; return -1;
	case OPT_PREVIOUS_DIR: k->previous_dir = optarg; return -1;
	default: return doc_option(c, opt, k);
	}
}

/* Parses the options of render, blank and batch, -j's number into *jobs;
 * returns -1 to go on, or an exit code. */
static int kit_options(const command *c, int argc, char **argv, kit_cli *k, int *jobs)
{
	static const struct option opts[] = {
		{"output", required_argument, NULL, 'o'},
		{"jobs", required_argument, NULL, 'j'},
		DOC_OPTIONS,
		{"previous-dir", required_argument, NULL, OPT_PREVIOUS_DIR},
		{"max-size", required_argument, NULL, OPT_MAX_SIZE},
		{"help", no_argument, NULL, OPT_HELP},
		{NULL, 0, NULL, 0},
	};
	memset(k, 0, sizeof *k);
	k->job.outdir = ".";
	k->job.docs = KIT_ALL;
	k->jobs = jobs;
	int r = cli_options(c, argc, argv, "o:j:", opts, kit_option, k);
	if (r >= 0)
		return r;
	if (!cli_source_date(&k->job.has_timestamp, &k->job.timestamp))
		return AM_EUSAGE;
	return -1;
}

/* Opening the kit (fonts, hyphenation patterns) does not depend on the
 * workplace file, so render does it in a second thread while the file is
 * read and validated. The patterns load there too, which a document's
 * thread would otherwise do (and the other wait for) on the first word it
 * hyphenates. Not the layouts: loading them there as well made the two
 * threads wait for each other's malloc, which cost more than it saved
 * (bench/NOTES.md); they load in the documents' threads. */
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
	o->k = kit_open(o->opts, &o->d);
	if (o->k)
		kit_load_hyphenation(o->k);
	return NULL;
}

static void start_kit(kit_opening *o, const kit_opts *opts)
{
	o->opts = opts;
	o->k = NULL;
	diag_init(&o->d);
	reader_init_threads();   /* once, before two threads use libxml2 */
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

/* The memory the reader has freed (the parse tree, the compiled schema)
 * goes back to the kernel before the documents start: each thread has a
 * heap of its own (main.c), so a document's thread could not reuse it,
 * and it would only add to the peak (bench/NOTES.md). */
static void give_back_reader_memory(void)
{
#ifdef __GLIBC__
	malloc_trim(0);
#endif
}

/* Runs the kit for wp (NULL: blank), with last year's file prev (may be
 * NULL), and prints what it wrote. */
static int run_kit(kit_cli *k, kit *kt, const am_workplace *wp, const am_workplace *prev, diag *d)
{
	if (!kt)
		return d->oom ? AM_EINTERNAL : AM_EUSAGE;
	if (cli_make_dirs(k->job.outdir) != AM_OK)
		return AM_EUSAGE;
	k->job.wp = wp;
	k->job.log = stdout;
	k->job.previous = prev;
	return kit_run(kt, &k->job, d);
}

int cmd_render(const command *c, int argc, char **argv)
{
	kit_cli k;
	int r = kit_options(c, argc, argv, &k, &k.job.jobs);
	if (r >= 0)
		return r;
	if (k.previous && strcmp(k.previous, "-") == 0 && strcmp(argv[argc - 1], "-") == 0)
		return cli_usage_error(c, "standard-input (-) kan kun læses én gang", NULL);
	if (k.previous_dir)
		return cli_usage_error(c, "--previous-dir er til batch; render tager sidste års fil med", "--previous FIL");
	arena *a;
	if ((r = cli_one_file(c, argc, &a)) >= 0)
		return r;
	diag d;
	diag_init(&d);
	kit_opening opening;
	start_kit(&opening, &k.ko);
	am_workplace *wp, *prev = NULL;
	r = reader_load(a, argv[optind], &wp, &d);
	if (r == AM_OK && k.previous)
		r = reader_load(a, k.previous, &prev, &d);
	reader_forget_schema();
	give_back_reader_memory();
	kit *kt = finish_kit(&opening, r == AM_OK ? &d : NULL);
	if (r == AM_OK)
		r = run_kit(&k, kt, wp, prev, &d);
	kit_close(kt);
	diag_print(&d, stderr);
	arena_free(a);
	return r;
}

int cmd_blank(const command *c, int argc, char **argv)
{
	kit_cli k;
	int r = kit_options(c, argc, argv, &k, &k.job.jobs);
	if (r >= 0)
		return r;
	if (optind != argc)
		return cli_usage_error(c, "blank tager ingen FIL, kun tilvalg; uventet", argv[optind]);
	if (k.previous || k.previous_dir)
		return cli_usage_error(c, "blank skriver ingen data ud, så den tager ikke",
		                   k.previous ? "--previous" : "--previous-dir");
	diag d;
	diag_init(&d);
	kit *kt = kit_open(&k.ko, &d);
	r = run_kit(&k, kt, NULL, NULL, &d);
	kit_close(kt);
	diag_print(&d, stderr);
	return r;
}

int cmd_batch(const command *c, int argc, char **argv)
{
	kit_cli k;
	batch_opts o;
	memset(&o, 0, sizeof o);
	o.report = stderr;
	int r = kit_options(c, argc, argv, &k, &o.jobs);
	if (r >= 0)
		return r;
	if (k.previous)
		return cli_usage_error(c, "batch tager sidste års filer fra en mappe:", "--previous-dir MAPPE");
	if (optind >= argc)
		return cli_usage_error(c, "batch: ingen FIL eller MAPPE angivet", NULL);
	for (int i = optind; i < argc; i++)
		if (strcmp(argv[i], "-") == 0)
			return cli_usage_error(c, "batch læser filer og mapper, ikke standard-input", "-");
	if (cli_make_dirs(k.job.outdir) != AM_OK)
		return AM_EUSAGE;
	o.outdir = k.job.outdir;
	o.previous_dir = k.previous_dir;
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
