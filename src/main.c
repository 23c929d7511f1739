/* main.c: the amokit command line.
 *
 * A table of commands, each a static function taking its own argv (argv[0]
 * is the command's name) and returning an exit code: 0 ok, 1 input rejected
 * (or warnings under --strict), 2 usage or I/O error, 3 internal error or out
 * of memory. Only this file prints or exits. What it prints is Danish, as
 * are the library's messages: the people who read it made the input.
 * Conventions for every command: options before or after the files;
 * "-" for a workplace file is standard input; --version anywhere;
 * --max-size wherever a workplace is read; -o creates its folder. */
#define _DEFAULT_SOURCE            /* madvise */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
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
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "arena.h"
#include "batch.h"
#include "coverage.h"
#include "diag.h"
#include "ics.h"
#include "import.h"
#include "infile.h"
#include "kit.h"
#include "layout.h"
#include "nextyear.h"
#include "output.h"
#include "reader.h"
#include "rules.h"
#include "starter.h"

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
	fprintf(out, "brug: amokit KOMMANDO [TILVALG]... [ARGUMENT]...\n\nkommandoer:\n");
	for (const command *c = commands; c->name; c++)
		fprintf(out, "  %-10s %s\n", c->name, c->summary);
	fprintf(out, "\n  amokit KOMMANDO --help   kommandoens tilvalg\n"
	             "  amokit --version         versionen\n");
}

static void print_command_help(const command *c, FILE *out)
{
	fprintf(out, "brug: amokit %s %s\n%s\n\n%s", c->name, c->usage, c->summary, c->help);
}

/* Reports "what 'arg'" (or just what, when arg is NULL) as a usage error of
 * command c (NULL: the program) and returns 2. */
static int usage_error(const command *c, const char *what, const char *arg)
{
	fprintf(stderr, "amokit: %s", what);
	if (arg) {
		fputs(" '", stderr);
		diag_put_escaped(stderr, arg);
		fputs("'", stderr);
	}
	fputs("\n", stderr);
	if (c)
		fprintf(stderr, "brug: amokit %s %s\n(amokit %s --help fortæller mere)\n", c->name, c->usage, c->name);
	else
		print_usage(stderr);
	return AM_EUSAGE;
}

/* SOURCE_DATE_EPOCH (reproducible-builds.org): the seconds since 1970 that
 * date the documents and the calendar instead of the meeting day. Unset or
 * empty: *has is false. Anything but a whole number from 0 to the last
 * second of year 9999 (as far as PDF and iCalendar dates reach) is a usage
 * error: false, with the message printed. */
#define MAX_SOURCE_DATE 253402300799LL

static bool source_date(bool *has, long long *t)
{
	const char *s = getenv("SOURCE_DATE_EPOCH");
	*has = false;
	*t = 0;
	if (!s || !*s)
		return true;
	char *end;
	errno = 0;
	long long v = strtoll(s, &end, 10);
	if (errno || *end || end == s || v < 0 || v > MAX_SOURCE_DATE || s[0] == '+' || s[0] == ' ') {
		fputs("amokit: SOURCE_DATE_EPOCH='", stderr);
		diag_put_escaped(stderr, s);
		fprintf(stderr, "' er ikke et helt antal sekunder fra 0 til %lld (udgangen af år 9999)\n",
		        MAX_SOURCE_DATE);
		return false;
	}
	*has = true;
	*t = v;
	return true;
}

/* Parses a command's options (extra, handled by on_extra) and --help, in
 * any order with the files. Returns -1 to go on, or an exit code. */
static int common_options(const command *c, int argc, char **argv, const struct option *extra,
                          int (*on_extra)(int opt, void *ctx), void *ctx);

/* ---- check -------------------------------------------------------------- */

typedef struct kit_cli {
	kit_job job;
	kit_opts ko;
	const char *previous;      /* --previous: last year's workplace file */
	const char *previous_dir;  /* --previous-dir: last year's files (batch) */
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

/* Standard input can be read once: refuses "-" named twice. */
static int one_stdin(const command *c, int argc, char **argv)
{
	int n = 0;
	for (int i = optind; i < argc; i++)
		n += strcmp(argv[i], "-") == 0;
	return n > 1 ? usage_error(c, "standard-input (-) kan kun læses én gang", NULL) : -1;
}

enum {
	OPT_STRICT = 1000, OPT_MAX_SIZE, OPT_HELP, OPT_ONLY, OPT_LAYOUTS, OPT_POSTER,
	OPT_LANDSCAPE, OPT_TILE, OPT_RHYTHM, OPT_PREVIOUS, OPT_YEAR, OPT_FORCE, OPT_NAME,
	OPT_HEADCOUNT, OPT_MED, OPT_PREVIOUS_DIR, OPT_LANG
};

/* Sets the size cap of workplace files from --max-size's argument: a
 * positive number of bytes. -1 to go on, or the exit code. */
static int max_size_option(const command *c, const char *arg)
{
	char *end;
	errno = 0;
	long v = strtol(arg, &end, 10);
	if (*arg == '\0' || *end || v <= 0 || errno)
		return usage_error(c, "--max-size skal have et positivt antal byte, ikke", arg);
	reader_set_max_bytes((size_t)v);
	return -1;
}

/* Creates the folder path and the folders above it that are missing (as
 * mkdir -p). AM_OK, or AM_EUSAGE with the reason printed. */
static int make_dirs(const char *path)
{
	char buf[4096];
	size_t n = strlen(path);
	if (n == 0 || n >= sizeof buf) {
		fprintf(stderr, "amokit: mappen '%s' kan ikke oprettes: navnet er for langt\n", path);
		return AM_EUSAGE;
	}
	memcpy(buf, path, n + 1);
	for (size_t i = 1; i <= n; i++) {
		if (buf[i] != '/' && buf[i] != '\0')
			continue;
		char c = buf[i];
		buf[i] = '\0';
		struct stat st;
		if (mkdir(buf, 0777) != 0 && errno != EEXIST) {
			fprintf(stderr, "%s: mappen kan ikke oprettes: %s\n", buf, diag_errno(errno));
			return AM_EUSAGE;
		}
		if (stat(buf, &st) != 0 || !S_ISDIR(st.st_mode)) {
			fprintf(stderr, "%s: findes, men er ikke en mappe\n", buf);
			return AM_EUSAGE;
		}
		buf[i] = c;
	}
	return AM_OK;
}

/* The folder above the file path ("." for a bare name), made as make_dirs. */
static int make_parent_dirs(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash || slash == path)
		return AM_OK;
	char dir[4096];
	size_t n = (size_t)(slash - path);
	if (n >= sizeof dir)
		return make_dirs(path);   /* too long: reported there */
	memcpy(dir, path, n);
	dir[n] = '\0';
	return make_dirs(dir);
}

static int check_option(int opt, void *ctx)
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
	if (opt == OPT_MAX_SIZE)
		return max_size_option(&commands[0], optarg);
	int r = doc_option(&commands[0], opt, &o->k);
	return r == -2 ? AM_EUSAGE : r;
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

static int cmd_check(int argc, char **argv)
{
	static const struct option opts[] = {
		{"strict", no_argument, NULL, OPT_STRICT},
		{"max-size", required_argument, NULL, OPT_MAX_SIZE},
		{"only", required_argument, NULL, OPT_ONLY},
		{"layouts", required_argument, NULL, OPT_LAYOUTS},
		{"poster", required_argument, NULL, OPT_POSTER},
		{"landscape", no_argument, NULL, OPT_LANDSCAPE},
		{"tile", required_argument, NULL, OPT_TILE},
		{"lang", required_argument, NULL, OPT_LANG},
		{"with-rhythm", no_argument, NULL, OPT_RHYTHM},
		{"previous", required_argument, NULL, OPT_PREVIOUS},
		{NULL, 0, NULL, 0},
	};
	check_opts o;
	memset(&o, 0, sizeof o);
	o.k.job.outdir = ".";      /* named in messages as render's default */
	o.k.job.docs = KIT_ALL;
	int r = common_options(&commands[0], argc, argv, opts, check_option, &o);
	if (r >= 0)
		return r;
	if (!source_date(&o.k.job.has_timestamp, &o.k.job.timestamp))
		return AM_EUSAGE;
	if (optind >= argc)
		return usage_error(&commands[0], "check: ingen FIL angivet", NULL);
	if ((r = one_stdin(&commands[0], argc, argv)) >= 0)
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

/* ---- render and blank ---------------------------------------------------- */

/* Commands that take exactly one FILE after their options: checks that it
 * is there and makes the arena for reading it. -1 to go on, else the exit code. */
static int one_file(const command *c, int argc, arena **a)
{
	*a = NULL;
	if (optind + 1 != argc) {
		char what[64];
		snprintf(what, sizeof what, "%s: %s", c->name,
		         optind >= argc ? "ingen FIL angivet" : "én FIL ad gangen");
		return usage_error(c, what, NULL);
	}
	if (!(*a = arena_new())) {
		fprintf(stderr, "amokit: ikke nok hukommelse\n");
		return AM_EINTERNAL;
	}
	return -1;
}

static bool paper_ok(const char *p, const char *const *allowed)
{
	for (; *allowed; allowed++)
		if (strcmp(p, *allowed) == 0)
			return true;
	return false;
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
			return usage_error(c, "--only skal have en liste af dokumenter, ikke", optarg);
		}
		return -1;
	case OPT_POSTER:
		if (!paper_ok(optarg, posters))
			return usage_error(c, "--poster skal have A3, A2, A1 eller A0, ikke", optarg);
		k->job.poster = optarg;
		return -1;
	case OPT_LANG:
		if (!catalog_code_valid(optarg))
			return usage_error(c, "--lang skal have et sprog: " KIT_LANGS ", ikke", optarg);
		k->job.lang = strcmp(optarg, CATALOG_REFERENCE) == 0 ? NULL : optarg;
		return -1;
	case OPT_TILE:
		if (!paper_ok(optarg, tiles))
			return usage_error(c, "--tile skal have A4 eller A3, ikke", optarg);
		k->job.tile = optarg;
		return -1;
	default:
		return -2;
	}
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
		{"lang", required_argument, NULL, OPT_LANG},
		{"with-rhythm", no_argument, NULL, OPT_RHYTHM},
		{"previous", required_argument, NULL, OPT_PREVIOUS},
		{"previous-dir", required_argument, NULL, OPT_PREVIOUS_DIR},
		{"max-size", required_argument, NULL, OPT_MAX_SIZE},
		{"help", no_argument, NULL, OPT_HELP},
		{NULL, 0, NULL, 0},
	};
	memset(k, 0, sizeof *k);
	k->job.outdir = ".";
	k->job.docs = KIT_ALL;
	optind = 1;
	opterr = 0;
	int opt, r;
	while ((opt = getopt_long(argc, argv, jobs ? "o:j:" : "o:", opts, NULL)) != -1) {
		if (opt == 'j' && !jobs)
			opt = '?';
		switch (opt) {
		case 'o': k->job.outdir = optarg; break;
		case 'j':
			if (!parse_jobs(optarg, jobs))
				return usage_error(c, "-j skal have et antal fra 1 til 64, ikke", optarg);
			break;
		case OPT_MAX_SIZE:
			if ((r = max_size_option(c, optarg)) >= 0)
				return r;
			break;
		case OPT_PREVIOUS: k->previous = optarg; break;
		case OPT_PREVIOUS_DIR: k->previous_dir = optarg; break;
		case OPT_HELP:
			print_command_help(c, stdout);
			return AM_OK;
		default:
			if ((r = doc_option(c, opt, k)) == -2)
				return usage_error(c, "ukendt eller ufuldstændigt tilvalg", argv[optind - 1]);
			if (r >= 0)
				return r;
		}
	}
	if (!source_date(&k->job.has_timestamp, &k->job.timestamp))
		return AM_EUSAGE;
	return -1;
}

/* Memory a document frees stays in the heap for the next one instead of
 * going back to the kernel: a page given back costs a page fault when it is
 * touched again, which on a virtual machine is dear (bench/NOTES.md). */
static void keep_freed_memory(void)
{
#ifdef __GLIBC__
	mallopt(M_MMAP_THRESHOLD, 32 << 20);
	mallopt(M_TRIM_THRESHOLD, 64 << 20);
	mallopt(M_ARENA_MAX, 1);   /* threads share the heap (and warm_heap's pages) */
#endif
}

/* The heap a workplace's documents need, made present in one system call
 * rather than one page fault per page as it is first touched (on a virtual
 * machine a large part of a render: bench/NOTES.md). The threads that share
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
	if (make_dirs(k->job.outdir) != AM_OK)
		return AM_EUSAGE;
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
	if (k.previous && strcmp(k.previous, "-") == 0 && strcmp(argv[argc - 1], "-") == 0)
		return usage_error(c, "standard-input (-) kan kun læses én gang", NULL);
	if (k.previous_dir)
		return usage_error(c, "--previous-dir er til batch; render tager sidste års fil med", "--previous FIL");
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
		return usage_error(c, "blank tager ingen FIL, kun tilvalg; uventet", argv[optind]);
	if (k.previous || k.previous_dir)
		return usage_error(c, "blank skriver ingen data ud, så den tager ikke",
		                   k.previous ? "--previous" : "--previous-dir");
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

#ifndef AMOKIT_ICS_HELPER
/* The calendar export is a program of its own, amokit-ics: this file built
 * with AMOKIT_ICS_HELPER, which has the ics command only and links libical.
 * Every other command then runs without libical and ICU's i18n library,
 * which cost each process memory and start-up time (bench/NOTES.md), while
 * the packaging tools still see libical as an ordinary dependency. It is
 * also where libical is kept apart: libical 3.0 writes through NULL when
 * an allocation fails (ics.c), so amokit starts the helper as a child and
 * waits for it, and a helper that dies of that is an error message and
 * exit 3 here, never a crash of amokit. */
/* The helper: beside this binary (the build tree), in ../libexec/amokit
 * beside its directory (an installation, moved or not), or where it was
 * built to be installed. NULL when none is there. */
static const char *ics_helper(char *path, size_t size)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	char *slash = NULL;
	if (n > 0) {
		exe[n] = '\0';
		slash = strrchr(exe, '/');
	}
	if (slash) {
		*slash = '\0';
		if (snprintf(path, size, "%s/amokit-ics", exe) < (int)size && access(path, X_OK) == 0)
			return path;
		if (snprintf(path, size, "%s/../libexec/amokit/amokit-ics", exe) < (int)size &&
		    access(path, X_OK) == 0)
			return path;
	}
	return AMOKIT_LIBEXECDIR "/amokit-ics";
}

/* Waits for the helper pid and returns its exit code; a helper that dies
 * of a signal libical's failed allocations raise is reported, and any
 * other signal (an interrupt) ends amokit alike. */
static int wait_helper(pid_t pid)
{
	int status;
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR) {
			fprintf(stderr, "amokit: kalendereksporten forsvandt (%s)\n", strerror(errno));
			return AM_EINTERNAL;
		}
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	int sig = WTERMSIG(status);
	if (sig != SIGSEGV && sig != SIGBUS && sig != SIGABRT) {
		signal(sig, SIG_DFL);
		raise(sig);
	}
	fprintf(stderr, "amokit: libical, som laver kalenderen, gik ned (signal %d); det gør den, "
	        "når der ikke er hukommelse nok\n", sig);
	return AM_EINTERNAL;
}

static int cmd_ics(int argc, char **argv)
{
	char buf[PATH_MAX];
	const char *helper = ics_helper(buf, sizeof buf);
	char **args = calloc((size_t)argc + 2, sizeof *args);
	if (!args) {
		fprintf(stderr, "amokit: ikke nok hukommelse\n");
		return AM_EINTERNAL;
	}
	args[0] = (char *)helper;
	for (int i = 0; i < argc; i++)
		args[i + 1] = argv[i];
	/* The helper uses the data directory this binary found (it lives a
	 * level deeper, in libexec/amokit/). */
	arena *a = arena_new();
	const char *data = a ? kit_data_dir(a) : NULL;
	if (data)
		setenv("AMOKIT_DATADIR", data, 1);
	arena_free(a);
	fflush(stdout);
	fflush(stderr);
	pid_t pid = fork();
	if (pid == 0) {
		execv(helper, args);
		fprintf(stderr, "amokit: kalendereksporten %s kan ikke startes (%s); installér amokit igen\n",
		        helper, strerror(errno));
		_exit(AM_EUSAGE);
	}
	int e = errno;
	free(args);
	if (pid < 0) {
		bool oom = e == ENOMEM || e == EAGAIN;
		fprintf(stderr, "amokit: kalendereksporten kan ikke startes (%s)\n",
		        oom ? "ikke nok hukommelse" : strerror(e));
		return AM_EINTERNAL;
	}
	return wait_helper(pid);
}

#else

typedef struct ics_cli {
	const char *output;        /* "-": standard output */
	const char *layouts_dir;   /* NULL: the installed layouts */
	bool rhythm;
	bool has_stamp;            /* SOURCE_DATE_EPOCH, else the meeting day */
	long long stamp;
} ics_cli;

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
	optind = 1;
	opterr = 0;
	int opt, r;
	while ((opt = getopt_long(argc, argv, "o:", opts, NULL)) != -1) {
		switch (opt) {
		case 'o': o->output = optarg; break;
		case OPT_MAX_SIZE:
			if ((r = max_size_option(c, optarg)) >= 0)
				return r;
			break;
		case OPT_LAYOUTS: o->layouts_dir = optarg; break;
		case OPT_RHYTHM: o->rhythm = true; break;
		case OPT_HELP:
			print_command_help(c, stdout);
			return AM_OK;
		default:
			return usage_error(c, "ukendt eller ufuldstændigt tilvalg", argv[optind - 1]);
		}
	}
	return source_date(&o->has_stamp, &o->stamp) ? -1 : AM_EUSAGE;
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
	catalog *l = NULL;
	r = reader_load(a, argv[optind], &wp, &d);
	if (r == AM_OK)
		l = ics_texts(a, o.layouts_dir, &d, &r);
	if (r == AM_OK && (o.rhythm || wp->wheel.rhythm))
		r = kit_apply_rhythm(a, wp, l, o.rhythm, &d);
	if (r == AM_OK && strcmp(o.output, "-") != 0 && make_parent_dirs(o.output) != AM_OK)
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
#endif

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
		return usage_error(c, "batch tager sidste års filer fra en mappe:", "--previous-dir MAPPE");
	if (optind >= argc)
		return usage_error(c, "batch: ingen FIL eller MAPPE angivet", NULL);
	for (int i = optind; i < argc; i++)
		if (strcmp(argv[i], "-") == 0)
			return usage_error(c, "batch læser filer og mapper, ikke standard-input", "-");
	if (make_dirs(k.job.outdir) != AM_OK)
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

/* ---- next-year ------------------------------------------------------------ */

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

static int cmd_next_year(int argc, char **argv)
{
	const command *c = find_command("next-year");
	static const struct option opts[] = {
		{"output", required_argument, NULL, 'o'},
		{"year", required_argument, NULL, OPT_YEAR},
		{"force", no_argument, NULL, OPT_FORCE},
		{"max-size", required_argument, NULL, OPT_MAX_SIZE},
		{"help", no_argument, NULL, OPT_HELP},
		{NULL, 0, NULL, 0},
	};
	nextyear_opts o = {NULL, "-", 0, false};
	optind = 1;
	opterr = 0;
	int opt, r;
	while ((opt = getopt_long(argc, argv, "o:", opts, NULL)) != -1) {
		switch (opt) {
		case 'o': o.output = optarg; break;
		case OPT_FORCE: o.force = true; break;
		case OPT_YEAR:
			if (!parse_year(optarg, &o.year))
				return usage_error(c, "--year skal have et år fra 1990 til 2100, ikke", optarg);
			break;
		case OPT_MAX_SIZE:
			if ((r = max_size_option(c, optarg)) >= 0)
				return r;
			break;
		case OPT_HELP:
			print_command_help(c, stdout);
			return AM_OK;
		default:
			return usage_error(c, "ukendt eller ufuldstændigt tilvalg", argv[optind - 1]);
		}
	}
	if (optind + 1 != argc)
		return usage_error(c, optind >= argc ? "next-year: ingen FIL angivet" : "next-year: én FIL ad gangen", NULL);
	o.input = argv[optind];
	if (strcmp(o.output, "-") != 0 && make_parent_dirs(o.output) != AM_OK)
		return AM_EUSAGE;
	diag d;
	diag_init(&d);
	r = nextyear_run(&o, &d);
	diag_print(&d, stderr);
	return r;
}

/* ---- new ------------------------------------------------------------------------ */

static bool parse_headcount(const char *arg, int *n);

/* The year a starting file plans when --year is not given: this year, or
 * from October the next (a discussion held late in a year plans the
 * coming one, and one early in a year is prepared in the autumn before),
 * by SOURCE_DATE_EPOCH when it is set, else by the clock; 0 when
 * SOURCE_DATE_EPOCH is not a time (said on stderr). */
static int this_year(void)
{
	bool has;
	long long t;
	if (!source_date(&has, &t))
		return 0;
	time_t now = has ? (time_t)t : time(NULL);
	struct tm tm;
	int y = gmtime_r(&now, &tm) ? tm.tm_year + 1900 + (tm.tm_mon >= 9) : READER_MIN_YEAR;
	return y < READER_MIN_YEAR ? READER_MIN_YEAR : y > READER_MAX_YEAR ? READER_MAX_YEAR : y;
}

static int cmd_new(int argc, char **argv)
{
	const command *c = find_command("new");
	static const struct option opts[] = {
		{"output", required_argument, NULL, 'o'},
		{"name", required_argument, NULL, OPT_NAME},
		{"headcount", required_argument, NULL, OPT_HEADCOUNT},
		{"med", no_argument, NULL, OPT_MED},
		{"year", required_argument, NULL, OPT_YEAR},
		{"force", no_argument, NULL, OPT_FORCE},
		{"help", no_argument, NULL, OPT_HELP},
		{NULL, 0, NULL, 0},
	};
	starter_opts o = {.output = NULL};
	optind = 1;
	opterr = 0;
	int opt;
	while ((opt = getopt_long(argc, argv, "o:", opts, NULL)) != -1) {
		switch (opt) {
		case 'o': o.output = optarg; break;
		case OPT_NAME: o.name = optarg; break;
		case OPT_MED: o.med = true; break;
		case OPT_FORCE: o.force = true; break;
		case OPT_HEADCOUNT:
			if (!parse_headcount(optarg, &o.headcount))
				return usage_error(c, "--headcount skal have et antal ansatte fra 1, ikke", optarg);
			break;
		case OPT_YEAR:
			if (!parse_year(optarg, &o.year))
				return usage_error(c, "--year skal have et år fra 1990 til 2100, ikke", optarg);
			break;
		case OPT_HELP:
			print_command_help(c, stdout);
			return AM_OK;
		default:
			return usage_error(c, "ukendt eller ufuldstændigt tilvalg", argv[optind - 1]);
		}
	}
	if (argc - optind > 1 || (argc - optind == 1 && o.output))
		return usage_error(c, "new: giv kun én FIL (eller -o FIL)", NULL);
	if (argc - optind == 1)
		o.output = argv[optind];
	if (!o.output)
		o.output = "-";
	if (!o.name || !*o.name || !o.headcount)
		return usage_error(c, "new: giv arbejdspladsens navn og antal ansatte, fx --name \"Holm & Søn ApS\" "
		                      "--headcount 6", NULL);
	if (!o.year && !(o.year = this_year()))
		return AM_EUSAGE;
	if (strcmp(o.output, "-") != 0 && make_parent_dirs(o.output) != AM_OK)
		return AM_EUSAGE;
	diag d;
	diag_init(&d);
	int r = starter_run(&o, &d);
	diag_print(&d, stderr);
	return r;
}

/* ---- import ------------------------------------------------------------------ */

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

static int cmd_import(int argc, char **argv)
{
	const command *c = find_command("import");
	static const struct option opts[] = {
		{"output", required_argument, NULL, 'o'},
		{"name", required_argument, NULL, OPT_NAME},
		{"headcount", required_argument, NULL, OPT_HEADCOUNT},
		{"med", no_argument, NULL, OPT_MED},
		{"year", required_argument, NULL, OPT_YEAR},
		{"max-size", required_argument, NULL, OPT_MAX_SIZE},
		{"help", no_argument, NULL, OPT_HELP},
		{NULL, 0, NULL, 0},
	};
	import_opts o;
	memset(&o, 0, sizeof o);
	o.report = stderr;
	optind = 1;
	opterr = 0;
	int opt, r;
	while ((opt = getopt_long(argc, argv, "o:", opts, NULL)) != -1) {
		switch (opt) {
		case 'o': o.output = optarg; break;
		case OPT_NAME: o.name = optarg; break;
		case OPT_MED: o.med = true; break;
		case OPT_HEADCOUNT:
			if (!parse_headcount(optarg, &o.headcount))
				return usage_error(c, "--headcount skal have et antal ansatte fra 1, ikke", optarg);
			break;
		case OPT_YEAR:
			if (!parse_year(optarg, &o.year))
				return usage_error(c, "--year skal have et år fra 1990 til 2100, ikke", optarg);
			break;
		case OPT_MAX_SIZE:
			if ((r = max_size_option(c, optarg)) >= 0)
				return r;
			break;
		case OPT_HELP:
			print_command_help(c, stdout);
			return AM_OK;
		default:
			return usage_error(c, "ukendt eller ufuldstændigt tilvalg", argv[optind - 1]);
		}
	}
	if (argc - optind < 2)
		return usage_error(c, "import: giv arbejdspladsfilen og mindst én CSV-fil", NULL);
	if ((r = one_stdin(c, argc, argv)) >= 0)
		return r;
	o.workplace = argv[optind];
	o.sheets = (const char *const *)(argv + optind + 1);
	o.n_sheets = (size_t)(argc - optind - 1);
	if (strcmp(o.workplace, "-") == 0 && !o.output)
		o.output = "-";
	const char *out = o.output ? o.output : o.workplace;
	if (strcmp(out, "-") != 0 && make_parent_dirs(out) != AM_OK)
		return AM_EUSAGE;
	diag d;
	diag_init(&d);
	r = import_run(&o, &d);
	diag_print(&d, stderr);
	return r;
}

#define HELP_EXIT \
	"afslutning: 0 ok, 1 inddata afvist, 2 forkert brug eller fejl ved læsning/skrivning,\n" \
	"3 intern fejl eller ikke nok hukommelse\n"

#define HELP_MAX_SIZE \
	"  --max-size BYTE   afvis arbejdspladsfiler større end BYTE (standard 1 MiB)\n"

#define HELP_STDIN "FIL kan være - for standard-input.\n"

#define KIT_OPTIONS_HELP_COMMON \
	"  --only LISTE      kun disse dokumenter, adskilt af komma: forberedelsesark,\n" \
	"                    arbejdsark, informationsark, dagsorden, aarshjul, referat\n" \
	"  --poster STR      årshjulets papir: A3, A2 (standard), A1 eller A0\n" \
	"  --landscape       årshjulet på tværs\n" \
	"  --tile STR        del årshjulet på A4- eller A3-ark til kontorprinteren\n" \
	"  --lang SPROG      skriv arkene, dagsordenen og årshjulet på SPROG: da, en, de,\n" \
	"                    pl, ro, lt eller uk. Referatet er altid dansk, med en læsekopi\n" \
	"                    på SPROG; hver deltager får sit forberedelsesark på sit eget\n" \
	"                    sprog (lang på <person>)\n" \
	"  --with-rhythm     tilføj de aktiviteter, reglerne kræver, til årshjulet\n" \
	"  --layouts MAPPE   brug layouterne i MAPPE i stedet for de installerede\n" \
	"  --help            denne hjælp\n"

#define HELP_OUTPUT_DIR \
	"  -o, --output MAPPE  skriv PDF-filerne i MAPPE, som oprettes, hvis den mangler\n" \
	"                    (standard: den aktuelle mappe)\n" \
	"  -j, --jobs N      fordel dokumenterne på N tråde (standard: én pr. CPU)\n"

static const command commands[] = {
#ifndef AMOKIT_ICS_HELPER   /* the calendar helper has the ics command only */
	{"check", cmd_check, "[TILVALG]... FIL...",
	 "kontrollér arbejdspladsfiler, og hvad den årlige drøftelse dækker",
	 "  --strict          afslut med 1, når et punkt eller en deltager ikke er\n"
	 "                    dokumenteret: svaret er \"nej\" eller \"ikke oplyst\"\n"
	 "  --previous FIL    sidste års arbejdspladsfil: dens mål skal vurderes,\n"
	 "                    når FIL ikke selv vurderer nogen\n"
	 HELP_MAX_SIZE
	 KIT_OPTIONS_HELP_COMMON
	 "Dokumenterne laves, som render ville lave dem med de samme tilvalg, men\n"
	 "gemmes ikke: hvad render ville afvise, afviser check også.\n"
	 HELP_STDIN HELP_EXIT},
	{"render", cmd_render, "[TILVALG]... FIL", "skriv en arbejdsplads' dokumenter som PDF",
	 HELP_OUTPUT_DIR
	 "  --previous FIL    sidste års arbejdspladsfil: dens mål og åbne rækker i\n"
	 "                    handleplanen kommer med til opfølgning\n"
	 HELP_MAX_SIZE
	 KIT_OPTIONS_HELP_COMMON
	 HELP_STDIN HELP_EXIT},
	{"blank", cmd_blank, "[TILVALG]...", "skriv de tomme ark som PDF, til at udfylde i hånden",
	 HELP_OUTPUT_DIR
	 KIT_OPTIONS_HELP_COMMON
	 HELP_EXIT},
	{"batch", cmd_batch, "[TILVALG]... FIL...|MAPPE...",
	 "skriv dokumenterne for mange arbejdspladser på én gang",
	 "  -j, --jobs N      N processer ad gangen (standard: antallet af CPU'er)\n"
	 "  -o, --output MAPPE  skriv MAPPE/<navn>/*.pdf, hvor <navn> er hver fils navn\n"
	 "                    uden .xml (standard: den aktuelle mappe), og MAPPE/SHA256SUMS\n"
	 "  --previous-dir MAPPE  sidste års filer: en fil med samme navn (og undermappe)\n"
	 "                    som en arbejdspladsfil kommer med til opfølgningen\n"
	 HELP_MAX_SIZE
	 KIT_OPTIONS_HELP_COMMON
	 "En MAPPE gennemsøges for *.xml med sine undermapper, hvis struktur gentages\n"
	 "under -o. På en terminal vises en statuslinje, og til\n"
	 "sidst nævnes hver fil, der ikke kunne skrives, med grunden.\n"
	 "afslutning: 0 alt skrevet, 1 nogle filer fejlede, 2 forkert brug eller fejl ved\n"
	 "læsning/skrivning, 3 intern fejl\n"},
#endif
	{"ics", cmd_ics, "[TILVALG]... FIL", "eksportér årshjulet som en kalenderfil (iCalendar)",
	 "  -o, --output FIL  skriv kalenderen i FIL (standard: standard-output)\n"
	 "  --with-rhythm     tilføj de aktiviteter, reglerne kræver, til kalenderen\n"
	 "  --layouts MAPPE   brug layouterne i MAPPE i stedet for de installerede\n"
	 HELP_MAX_SIZE
	 "  --help            denne hjælp\n"
	 "miljø: SOURCE_DATE_EPOCH bestemmer DTSTAMP (standard: mødedatoen)\n"
	 HELP_STDIN HELP_EXIT},
#ifndef AMOKIT_ICS_HELPER
	{"new", cmd_new, "[TILVALG]... [FIL]", "skriv en ny arbejdspladsfil med kommentarer, til at udfylde",
	 "  -o, --output FIL  skriv filen i FIL (eller giv FIL; standard: standard-output)\n"
	 "  --name NAVN       arbejdspladsens navn (skal gives)\n"
	 "  --headcount N     antal ansatte (skal gives); det afgør, hvem der deltager,\n"
	 "                    og hvilke dele filen har\n"
	 "  --med             arbejdspladsen har en MED-aftale\n"
	 "  --year ÅR         det år, drøftelsen planlægger (standard: i år, fra\n"
	 "                    oktober næste år)\n"
	 "  --force           erstat FIL, hvis den findes\n"
	 "  --help            denne hjælp\n"
	 "Filen har alle felter, der gælder for arbejdspladsen, med en kommentar og et\n"
	 "eksempel over hvert. Tomme felter står tomme på dokumenterne. Kontrollér den\n"
	 "med amokit check FIL.\n"
	 HELP_EXIT},
	{"next-year", cmd_next_year, "[TILVALG]... FIL", "gør en arbejdspladsfil klar til næste års drøftelse",
	 "  -o, --output FIL  skriv den nye fil i FIL (standard: standard-output)\n"
	 "  --year ÅR         det nye år (standard: filens år + 1)\n"
	 "  --force           erstat FIL, hvis den findes\n"
	 HELP_MAX_SIZE
	 "  --help            denne hjælp\n"
	 "Årets mål bliver sidste års mål med status til at udfylde; rækker i\n"
	 "handleplanen og APV'en, der ikke er udført, og kompetenceudviklingsplanen\n"
	 "kommer med; årshjulet flyttes et år frem med sine regler; mødedatoen,\n"
	 "fremmødet, referatet, ulykker og meddelelser tømmes.\n"
	 HELP_STDIN HELP_EXIT},
	{"import", cmd_import, "[TILVALG]... ARBEJDSPLADS.xml CSV...",
	 "hent personer, årshjul, handleplan og APV fra regneark (CSV) ind i en arbejdspladsfil",
	 "  -o, --output FIL  skriv resultatet i FIL (standard: ARBEJDSPLADS.xml selv)\n"
	 "  --name NAVN       arbejdspladsens navn, når ARBEJDSPLADS.xml ikke findes\n"
	 "  --headcount N     antal ansatte, når ARBEJDSPLADS.xml ikke findes\n"
	 "  --med             arbejdspladsen har en MED-aftale (når filen ikke findes)\n"
	 "  --year ÅR         årshjulets år, når filen ikke har et årshjul\n"
	 HELP_MAX_SIZE
	 "  --help            denne hjælp\n"
	 "Et arks overskrifter siger, hvad det indeholder: Navn og Rolle (personer),\n"
	 "Aktivitet (årshjul), Hvad (handleplan) eller Problem (APV); se skabelonerne\n"
	 "i examples/import/. Gem regnearket som CSV (semikolonsepareret eller CSV UTF-8).\n"
	 "Er en række forkert, skrives intet.\n"
	 HELP_EXIT},
#endif
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
	while ((opt = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (opt == OPT_HELP) {
			print_command_help(c, stdout);
			return AM_OK;
		}
		if (opt == '?' || opt == ':' || !on_extra)
			return usage_error(c, "ukendt eller ufuldstændigt tilvalg", argv[optind - 1]);
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
	output_on_signal();
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

/* --version anywhere before a "--" asks for the version, whatever else
 * the line says. */
static bool wants_version(int argc, char **argv)
{
	for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++)
		if (strcmp(argv[i], "--version") == 0)
			return true;
	return false;
}

static int run(int argc, char **argv)
{
	if (wants_version(argc, argv)) {
		printf("amokit %s\n", AMOKIT_VERSION);
		return AM_OK;
	}
	if (argc < 2)
		return usage_error(NULL, "ingen kommando angivet", NULL);
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		print_usage(stdout);
		return AM_OK;
	}
	const command *c = find_command(argv[1]);
	if (!c)
		return usage_error(NULL, argv[1][0] == '-' ? "ukendt tilvalg" : "ukendt kommando", argv[1]);
	int r = c->run(argc - 1, argv + 1);
	reader_cleanup();
	return r;
}

/* Interrupted (Ctrl-C, kill): a batch's workers end first, then nothing
 * half-written is left behind (a set being published is completed); then
 * the signal takes its usual course. */
static void on_signal(int sig)
{
	batch_on_signal(sig);
	output_on_signal();
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

/* Standard output is checked once everything is printed: a log lost on a
 * full device, or a closed pipe, is an I/O error like any other. */
static int finish_stdout(int r)
{
	errno = 0;
	bool bad = fflush(stdout) != 0;
	int e = errno;
	bad |= ferror(stdout) != 0;
	if (fclose(stdout) != 0 && !bad) {
		bad = true;
		e = errno;
	}
	if (!bad)
		return r;
	fprintf(stderr, "amokit: kan ikke skrive til standard-ud: %s\n", e ? diag_errno(e) : "skrivefejl");
	return r ? r : AM_EUSAGE;
}

int main(int argc, char **argv)
{
	remove_temporaries_on_signals();
	keep_freed_memory();
	xmlMemSetup(free, xml_malloc, xml_realloc, xml_strdup);
	main_pid = getpid();
	atexit(on_library_exit);
	int r = finish_stdout(run(argc, argv));
	main_returned = true;
	return r;
}
