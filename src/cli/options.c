/* options.c: what every command of the command line shares: a command's
 * usage and help texts, the common options, SOURCE_DATE_EPOCH, and making
 * the folders output goes to. It knows no table of commands (main.c
 * does): each command passes its own entry. See cli.h. */
#include "cli.h"

#include <assert.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "diag.h"
#include "reader.h"

void cli_print_help(const command *c, FILE *out)
{
	fprintf(out, "brug: amokit %s %s\n%s\n\n%s", c->name, c->usage, c->summary, c->help);
}

void cli_print_error(const char *what, const char *arg)
{
	fprintf(stderr, "amokit: %s", what);
	if (arg) {
		fputs(" '", stderr);
		diag_put_escaped(stderr, arg);
		fputs("'", stderr);
	}
	fputs("\n", stderr);
}

int cli_usage_error(const command *c, const char *what, const char *arg)
{
	assert(c);
	cli_print_error(what, arg);
	fprintf(stderr, "brug: amokit %s %s\n(amokit %s --help fortæller mere)\n", c->name, c->usage, c->name);
	return AM_EUSAGE;
}

/* SOURCE_DATE_EPOCH (reproducible-builds.org): the seconds since 1970 that
 * date the documents and the calendar instead of the meeting day. Unset or
 * empty: *has is false. Anything but a whole number from 0 to the last
 * second of year 9999 (as far as PDF and iCalendar dates reach) is a usage
 * error: false, with the message printed. */
#define MAX_SOURCE_DATE 253402300799LL

bool cli_source_date(bool *has, long long *t)
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

/* Standard input can be read once: refuses "-" named twice. */
int cli_one_stdin(const command *c, int argc, char **argv)
{
	int n = 0;
	for (int i = optind; i < argc; i++)
		n += strcmp(argv[i], "-") == 0;
	return n > 1 ? cli_usage_error(c, "standard-input (-) kan kun læses én gang", NULL) : -1;
}

/* Sets the size cap of workplace files from --max-size's argument: a
 * positive number of bytes. -1 to go on, or the exit code. */
int cli_max_size_option(const command *c, const char *arg)
{
	char *end;
	errno = 0;
	long v = strtol(arg, &end, 10);
	if (*arg == '\0' || *end || v <= 0 || errno)
		return cli_usage_error(c, "--max-size skal have et positivt antal byte, ikke", arg);
	reader_set_max_bytes((size_t)v);
	return -1;
}

/* Creates the folder path and the folders above it that are missing (as
 * mkdir -p). AM_OK, or AM_EUSAGE with the reason printed. */
int cli_make_dirs(const char *path)
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

/* The folder above the output file path ("." for a bare name), made as
 * cli_make_dirs; nothing for "-", standard output. */
int cli_make_parent_dirs(const char *path)
{
	if (strcmp(path, "-") == 0)
		return AM_OK;
	const char *slash = strrchr(path, '/');
	if (!slash || slash == path)
		return AM_OK;
	char dir[4096];
	size_t n = (size_t)(slash - path);
	if (n >= sizeof dir)
		return cli_make_dirs(path);   /* too long: reported there */
	memcpy(dir, path, n);
	dir[n] = '\0';
	return cli_make_dirs(dir);
}

/* Commands that take exactly one FILE after their options: checks that it
 * is there and makes the arena for reading it. -1 to go on, else the exit code. */
int cli_one_file(const command *c, int argc, arena **a)
{
	*a = NULL;
	if (optind + 1 != argc) {
		char what[64];
		snprintf(what, sizeof what, "%s: %s", c->name,
		         optind >= argc ? "ingen FIL angivet" : "én FIL ad gangen");
		return cli_usage_error(c, what, NULL);
	}
	if (!(*a = arena_new())) {
		fprintf(stderr, "amokit: ikke nok hukommelse\n");
		return AM_EINTERNAL;
	}
	return -1;
}

int cli_options(const command *c, int argc, char **argv, const char *shorts, const struct option *opts,
                int (*on_opt)(const command *c, int opt, void *ctx), void *ctx)
{
	optind = 1;
	opterr = 0;
	int opt, r;
	while ((opt = getopt_long(argc, argv, shorts, opts, NULL)) != -1) {
		if (opt == OPT_HELP) {
			cli_print_help(c, stdout);
			return AM_OK;
		}
		if (opt == OPT_MAX_SIZE)
			r = cli_max_size_option(c, optarg);
		else if (opt == '?' || opt == ':' || (r = on_opt(c, opt, ctx)) == -2)
			return cli_usage_error(c, "ukendt eller ufuldstændigt tilvalg", argv[optind - 1]);
		if (r >= 0)
			return r;
	}
	return -1;
}
