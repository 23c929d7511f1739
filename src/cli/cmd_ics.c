/* cmd_ics.c: amokit's ics command, which runs the calendar export
 * amokit-ics (ics_helper.c) and waits for it. */
#include "cli.h"

#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "arena.h"

/* The calendar export is a program of its own, amokit-ics: main.c with
 * commands_ics.c's table and ics_helper.c, the ics command only, linked
 * with libical. Every other command then runs without libical and ICU's i18n library,
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
	if (kit_exe_dir(exe, sizeof exe)) {
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

int cmd_ics(const command *c, int argc, char **argv)
{
	(void)c;   /* the helper parses the options */
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
