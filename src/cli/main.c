/* main.c: the amokit command line's entry: the process-wide settings
 * (signals, the heap, what ends libxml2 out of memory, standard output
 * checked at the end) and the dispatch to a command (cli.h). The calendar
 * helper amokit-ics is this same file with commands_ics.c's table. */
#include "cli.h"

#include <errno.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "batch.h"
#include "diag.h"
#include "output.h"
#include "reader.h"

/* Memory a document frees stays in the heap for the next one instead of
 * going back to the kernel: a page given back costs a page fault when it is
 * touched again, which on a virtual machine is dear (bench/NOTES.md).
 * Threads keep glibc's heap of their own: documents written side by side
 * on one shared heap queued for its lock (bench/NOTES.md). */
static void keep_freed_memory(void)
{
#ifdef __GLIBC__
	mallopt(M_MMAP_THRESHOLD, 32 << 20);
	mallopt(M_TRIM_THRESHOLD, 64 << 20);
#endif
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

/* The overall usage: every command of the program's table with its
 * summary. */
static void print_usage(FILE *out)
{
	fprintf(out, "brug: amokit KOMMANDO [TILVALG]... [ARGUMENT]...\n\nkommandoer:\n");
	for (const command *c = cli_commands; c->name; c++)
		fprintf(out, "  %-10s %s\n", c->name, c->summary);
	fprintf(out, "\n  amokit KOMMANDO --help   kommandoens tilvalg\n"
	             "  amokit --version         versionen\n");
}

/* A usage error of the program as a whole: the message and the overall
 * usage; returns 2. */
static int usage_error(const char *what, const char *arg)
{
	cli_print_error(what, arg);
	print_usage(stderr);
	return AM_EUSAGE;
}

/* The command called name in the program's table, or NULL. */
static const command *find_command(const char *name)
{
	for (const command *c = cli_commands; c->name; c++)
		if (strcmp(c->name, name) == 0)
			return c;
	return NULL;
}

static int run(int argc, char **argv)
{
	if (wants_version(argc, argv)) {
		printf("amokit %s\n", AMOKIT_VERSION);
		return AM_OK;
	}
	if (argc < 2)
		return usage_error("ingen kommando angivet", NULL);
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		print_usage(stdout);
		return AM_OK;
	}
	const command *c = find_command(argv[1]);
	if (!c)
		return usage_error(argv[1][0] == '-' ? "ukendt tilvalg" : "ukendt kommando", argv[1]);
	int r = c->run(c, argc - 1, argv + 1);
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
	reader_use_checked_memory(exit_out_of_memory);
	main_pid = getpid();
	atexit(on_library_exit);
	int r = finish_stdout(run(argc, argv));
	main_returned = true;
	return r;
}
