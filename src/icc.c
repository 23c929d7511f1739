/* icc.c: the system's sRGB profile, read and checked; see icc.h. */
#include "icc.h"

#include "bytes.h"
#include "infile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef AMOKIT_SRGB_ICC
#define AMOKIT_SRGB_ICC "/usr/share/color/icc/sRGB.icc"
#endif

#define ICC_HEADER 128
#define ICC_MAX (1 << 20)      /* an sRGB profile is a few kilobytes */

const char *icc_srgb_path(void) { return AMOKIT_SRGB_ICC; }

/* True when p[0..n) starts like a profile PDF/A-1 accepts as an RGB
 * output intent: the header's own size, the 'acsp' signature, version
 * 2.x, the display or output class, RGB data. */
static int is_v2_rgb_profile(const unsigned char *p, size_t n)
{
	return n >= ICC_HEADER + 4 && bytes_get32(p) == n && memcmp(p + 36, "acsp", 4) == 0 && p[8] == 2 &&
	       (memcmp(p + 12, "mntr", 4) == 0 || memcmp(p + 12, "prtr", 4) == 0) &&
	       memcmp(p + 16, "RGB ", 4) == 0;
}

/* Reads n bytes from fd into p. -1 with errno set, or with errno 0 when
 * the file ends sooner. */
static int read_exactly(int fd, unsigned char *p, size_t n)
{
	long got = infile_read_fd(fd, p, n);
	if (got >= 0 && got < (long)n)
		errno = 0;
	return got == (long)n ? 0 : -1;
}

static int cannot_read(diag *d, const char *path, const char *why)
{
	diag_error(d, path, 0, "sRGB-farveprofilen kan ikke læses (%s); referatet (PDF/A) skal bruge "
	           "den: installér Debian-pakken icc-profiles-free", why);
	return AM_EUSAGE;
}

int icc_srgb(arena *a, const char *path, const unsigned char **profile, size_t *len, diag *d)
{
	*profile = NULL;
	*len = 0;
	if (!path)
		path = icc_srgb_path();
	int fd = open(path, O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return cannot_read(d, path, strerror(errno));
	struct stat st;
	int r = AM_OK;
	unsigned char *p = NULL;
	if (fstat(fd, &st) != 0)
		r = cannot_read(d, path, strerror(errno));
	else if (!S_ISREG(st.st_mode) || st.st_size > ICC_MAX)
		r = cannot_read(d, path, "ikke en almindelig fil på højst 1 MiB");
	else if (!(p = arena_alloc(a, (size_t)st.st_size + 1)))
		r = diag_oom(d, path);
	else if (read_exactly(fd, p, (size_t)st.st_size) != 0)
		r = cannot_read(d, path, errno ? strerror(errno) : "filen blev kortere under læsningen");
	else if (!is_v2_rgb_profile(p, (size_t)st.st_size)) {
		diag_error(d, path, 0, "er ikke en RGB-farveprofil i ICC-version 2, som PDF/A-1 kræver; "
		           "installér Debian-pakken icc-profiles-free");
		r = AM_EUSAGE;
	}
	close(fd);
	if (r == AM_OK) {
		*profile = p;
		*len = (size_t)st.st_size;
	}
	return r;
}
