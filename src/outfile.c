/* outfile.c: a text file written whole or not at all; see outfile.h. */
#include "outfile.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int write_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/* The process's umask (mkstemp makes files 0600; a workplace file gets the
 * permissions any new file would). Not thread-safe: the editing commands
 * run single-threaded. */
static mode_t umask_now(void)
{
	mode_t m = umask(022);
	umask(m);
	return m;
}

static int to_stdout(const char *buf, size_t len, diag *d)
{
	if (fwrite(buf, 1, len, stdout) != len || fflush(stdout) != 0) {
		diag_error(d, "stdout", 0, "kan ikke skrive: %s", diag_errno(errno));
		return AM_EUSAGE;
	}
	return AM_OK;
}

int outfile_write(const char *path, const char *buf, size_t len, bool keep, diag *d)
{
	if (strcmp(path, "-") == 0)
		return to_stdout(buf, len, d);
	struct stat st;
	if (keep && lstat(path, &st) == 0) {
		diag_error(d, path, 0, "findes allerede; vælg et andet navn, eller skriv --force for at erstatte den");
		return AM_EUSAGE;
	}
	size_t n = strlen(path);
	char *tmp = malloc(n + sizeof ".tmpXXXXXX");
	if (!tmp)
		return diag_oom(d, path);
	memcpy(tmp, path, n);
	memcpy(tmp + n, ".tmpXXXXXX", sizeof ".tmpXXXXXX");
	int fd = mkstemp(tmp);
	if (fd < 0) {
		diag_error(d, path, 0, "kan ikke oprettes: %s", diag_errno(errno));
		free(tmp);
		return AM_EUSAGE;
	}
	int err = 0;
	if (write_all(fd, buf, len) != 0 || fsync(fd) != 0)
		err = errno ? errno : EIO;
	if (fchmod(fd, 0666 & ~umask_now()) != 0 && !err)
		err = errno;
	if (close(fd) != 0 && !err)
		err = errno;
	if (!err && rename(tmp, path) != 0)
		err = errno;
	if (err) {
		unlink(tmp);
		diag_error(d, path, 0, "kan ikke skrives: %s", diag_errno(err));
	}
	free(tmp);
	return err ? AM_EUSAGE : AM_OK;
}
