/* safe_path.c: reading a file that untrusted input names, only beneath a
 * folder; see safe_path.h.
 *
 * The walk opens the base folder (named by the user, so followed as
 * given), then each part of the path relative to the last with
 * O_NOFOLLOW: no part can be a link, whatever is renamed meanwhile, and
 * ".." never appears, so every step stays below the base. The last part is
 * looked at (fstatat, not following) before it is opened, so a FIFO or a
 * device is never opened at all; it is opened with O_NONBLOCK, and fstat
 * on the open file must show the same regular file. */
#define _GNU_SOURCE
#include "safe_path.h"

#include "bytes.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "jpeg.h"

#define MAX_DEPTH 32               /* folders below the base */

const char *safe_path_problem(const char *rel)
{
	if (!rel || !rel[0])
		return "en tom sti";
	if (rel[0] == '/')
		return "en absolut sti: den skal regnes fra mappen med den fil, der nævner den";
	for (const char *p = rel; *p;) {
		size_t k = strcspn(p, "/");
		if (k == 2 && p[0] == '.' && p[1] == '.')
			return "en sti med '..': filen skal ligge i mappen med den fil, der nævner den, eller under den";
		p += k;
		while (*p == '/')
			p++;
	}
	if (rel[strlen(rel) - 1] == '/')
		return "en mappe, ikke en fil";
	return NULL;
}

/* Why a path is refused when a folder on the way, or the file itself, is
 * a symbolic link. */
#define LINK_ON_THE_WAY "nås gennem et symbolsk link, som amokit ikke følger"
#define LINK_AT_THE_END "et symbolsk link, som amokit ikke følger"

/* Looks at part in dfd without following a link: false with *why when it
 * is missing or a link (then link_why). */
static bool look_at(int dfd, const char *part, struct stat *st, const char *link_why, const char **why)
{
	if (fstatat(dfd, part, st, AT_SYMLINK_NOFOLLOW) != 0) {
		*why = errno == ENOENT ? "findes ikke" : "kan ikke undersøges";
		return false;
	}
	if (S_ISLNK(st->st_mode)) {
		*why = link_why;
		return false;
	}
	return true;
}

/* Opens folder part in dfd without following a link; -1 with *why. */
static int open_part(int dfd, const char *part, const char **why)
{
	struct stat st;
	if (!look_at(dfd, part, &st, LINK_ON_THE_WAY, why))
		return -1;
	if (!S_ISDIR(st.st_mode)) {
		*why = "findes ikke (en del af stien er ikke en mappe)";
		return -1;
	}
	int fd = openat(dfd, part, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		*why = errno == ELOOP ? LINK_ON_THE_WAY : "kan ikke åbnes";
	return fd;
}

/* Opens the file part in dfd: a regular file of at most max bytes. */
static int open_file(int dfd, const char *part, size_t max, const char **why)
{
	struct stat st, st2;
	if (!look_at(dfd, part, &st, LINK_AT_THE_END, why))
		return -1;
	if (!S_ISREG(st.st_mode)) {
		*why = "ikke en almindelig fil";
		return -1;
	}
	if ((uintmax_t)st.st_size > max) {
		*why = "for stor (højst 16 MiB)";
		return -1;
	}
	int fd = openat(dfd, part, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0) {
		*why = errno == ELOOP ? LINK_AT_THE_END : "kan ikke åbnes";
		return -1;
	}
	if (fstat(fd, &st2) != 0 || !S_ISREG(st2.st_mode) || st2.st_dev != st.st_dev || st2.st_ino != st.st_ino) {
		close(fd);
		*why = "ikke en almindelig fil";
		return -1;
	}
	return fd;
}

/* The whole open file fd, at most max bytes, into a malloc'd buffer. */
static const char *read_fd(int fd, size_t max, unsigned char **buf, size_t *n, int *oom)
{
	size_t cap = 0, len = 0;
	unsigned char *p = NULL;
	for (;;) {
		if (len == cap) {
			size_t want = cap ? 2 * cap : 64 << 10;
			if (want > max + 1)
				want = max + 1;
			if (want <= len) {
				free(p);
				return "for stor (højst 16 MiB)";
			}
			unsigned char *q = realloc(p, want + 1);
			if (!q) {
				free(p);
				*oom = 1;
				return "ikke nok hukommelse";
			}
			p = q;
			cap = want;
		}
		ssize_t k = read(fd, p + len, cap - len);
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0) {
			free(p);
			return "kan ikke læses";
		}
		if (k == 0)
			break;
		len += (size_t)k;
	}
	if (len > max) {
		free(p);
		return "for stor (højst 16 MiB)";
	}
	p[len] = '\0';
	*buf = p;
	*n = len;
	return NULL;
}

const char *safe_read(const char *base, const char *rel, size_t max, unsigned char **buf,
                      size_t *n, int *oom)
{
	*buf = NULL;
	*n = 0;
	*oom = 0;
	const char *why = safe_path_problem(rel);
	if (why)
		return why;
	char *path = strdup(rel);
	if (!path) {
		*oom = 1;
		return "ikke nok hukommelse";
	}
	int dfd = open(base && base[0] ? base : ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd < 0)
		why = "findes ikke (mappen kan ikke åbnes)";
	char *part = path;
	for (int depth = 0; !why; depth++) {
		while (*part == '/')
			part++;
		char *slash = strchr(part, '/');
		if (!slash) {
			int fd = open_file(dfd, part, max, &why);
			if (fd >= 0) {
				why = read_fd(fd, max, buf, n, oom);
				close(fd);
			}
			break;
		}
		*slash = '\0';
		if (strcmp(part, ".") != 0 && part[0]) {
			if (depth >= MAX_DEPTH) {
				why = "ligger for dybt under mappen";
				break;
			}
			int next = open_part(dfd, part, &why);
			close(dfd);
			dfd = next;
		}
		part = slash + 1;
	}
	if (dfd >= 0)
		close(dfd);
	free(path);
	return why;
}

const char *safe_image_size(const unsigned char *p, size_t n, int *w, int *h)
{
	if (n >= 24 && memcmp(p, "\x89PNG\r\n\x1a\n", 8) == 0 && memcmp(p + 12, "IHDR", 4) == 0) {
		uint32_t pw = bytes_get32(p + 16), ph = bytes_get32(p + 20);
		if (pw == 0 || ph == 0 || pw > 1000000 || ph > 1000000)
			return "et PNG-billede med en umulig størrelse";
		*w = (int)pw;
		*h = (int)ph;
		return NULL;
	}
	if (n >= 4 && p[0] == 0xFF && p[1] == 0xD8 && p[2] == 0xFF) {
		jpeg_frame f;
		if (!jpeg_read_frame(p, n, &f))
			return "et beskadiget JPEG-billede";
		*w = (int)f.width;
		*h = (int)f.height;
		return *w > 0 && *h > 0 ? NULL : "et JPEG-billede med en umulig størrelse";
	}
	return "hverken et PNG- eller et JPEG-billede (efter indholdet)";
}
