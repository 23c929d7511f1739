/* infile.c: reading one input file whole, with a size cap; see infile.h. */
#include "infile.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

const char *infile_name(const char *path)
{
	return strcmp(path, "-") == 0 ? "stdin" : path;
}

/* Reads from fd into p until end of file or until *n reaches cap; *n counts
 * the bytes read so far (it may start above 0 when p continues a buffer).
 * Returns 0, or -1 with errno set. */
static int read_all(int fd, char *p, size_t cap, size_t *n)
{
	long r = infile_read_fd(fd, p + *n, cap - *n);
	if (r < 0)
		return -1;
	*n += (size_t)r;
	return 0;
}

long infile_read_fd(int fd, void *p, size_t n)
{
	char *s = p;
	size_t got = 0;
	while (got < n) {
		ssize_t r = read(fd, s + got, n - got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return -1;
		if (r == 0)
			break;
		got += (size_t)r;
	}
	return (long)got;
}

/* Opens path, refusing anything but a regular file; for "-", standard
 * input (whatever it is: a pipe is what `amokit new | amokit check -`
 * gives). *size is the size fstat saw (0 when unknown). -1 when refused. */
static int open_input(const char *path, size_t max_bytes, size_t *size, diag *d, int *rc)
{
	const char *name = infile_name(path);
	int fd = strcmp(path, "-") == 0 ? STDIN_FILENO : open(path, O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
	struct stat st;
	*size = 0;
	*rc = AM_EUSAGE;
	if (fd < 0) {
		diag_error(d, name, 0, "kan ikke åbnes: %s", diag_errno(errno));
		return -1;
	}
	if (fstat(fd, &st) != 0) {
		diag_error(d, name, 0, "kan ikke læses: %s", diag_errno(errno));
	} else if (fd != STDIN_FILENO && !S_ISREG(st.st_mode)) {
		diag_error(d, name, 0, "er ikke en almindelig fil%s",
		           S_ISDIR(st.st_mode) ? " (det er en mappe)" : "");
	} else if (S_ISREG(st.st_mode) && (size_t)st.st_size > max_bytes) {
		diag_error(d, name, 0, "filen fylder %lld byte; grænsen er %zu byte (--max-size)",
		           (long long)st.st_size, max_bytes);
		*rc = AM_EINPUT;
	} else {
		*size = S_ISREG(st.st_mode) ? (size_t)st.st_size : 0;
		return fd;
	}
	if (fd != STDIN_FILENO)
		close(fd);
	return -1;
}

int infile_read(arena *a, const char *path, size_t max_bytes, char **buf, size_t *len, diag *d)
{
	const char *name = infile_name(path);
	size_t size;
	int rc;
	int fd = open_input(path, max_bytes, &size, d, &rc);
	if (fd < 0)
		return rc;
	/* Room for the size fstat saw plus one byte to notice growth; a file
	 * that grew (or a pipe, which reports no size) continues in a buffer
	 * of the full cap. One byte more than the cap tells "too large". */
	size_t cap = size + 2 > max_bytes + 1 ? max_bytes + 1 : size + 2;
	char *p = arena_alloc(a, cap + 1);
	size_t n = 0;
	rc = p ? read_all(fd, p, cap, &n) : -1;
	if (rc == 0 && n == cap && cap < max_bytes + 1) {
		char *big = arena_alloc(a, max_bytes + 2);
		if (big)
			memcpy(big, p, n);
		p = big;
		rc = p ? read_all(fd, p, max_bytes + 1, &n) : -1;
	}
	int err = errno;
	if (fd != STDIN_FILENO)
		close(fd);
	if (!p)
		return diag_oom(d, name);
	if (rc != 0) {
		diag_error(d, name, 0, "kan ikke læses: %s", diag_errno(err));
		return AM_EUSAGE;
	}
	if (n > max_bytes) {
		diag_error(d, name, 0, "filen er større end grænsen på %zu byte (--max-size)", max_bytes);
		return AM_EINPUT;
	}
	p[n] = '\0';
	*buf = p;
	*len = n;
	return AM_OK;
}
