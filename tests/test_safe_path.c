/* test_safe_path.c: reading only beneath a folder (safe_path.h).
 *
 * In a fresh folder: a file there and below is read; an empty, absolute or
 * '..' path is refused by its spelling alone; a symbolic link (as the file
 * or on the way), a FIFO, a folder and a file over the cap are refused
 * with their reasons, and a FIFO does not block; the image probe reads the
 * size of a PNG and a JPEG and refuses damaged or foreign bytes, however
 * their lengths lie, without reading past the end. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "safe_path.h"

static char root[64];

static const char *at(const char *rel)
{
	static char buf[4][256];
	static int k;
	k = (k + 1) % 4;
	snprintf(buf[k], sizeof buf[k], "%s/%s", root, rel);
	return buf[k];
}

static void spit(const char *path, const char *text, size_t n)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(text, 1, n, f), n);
	assert_int_equal(fclose(f), 0);
}

static int setup(void **state)
{
	(void)state;
	snprintf(root, sizeof root, "/tmp/amokit-safe.XXXXXX");
	return mkdtemp(root) ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
	return system(cmd) == 0 ? 0 : -1;
}

/* The reason safe_read gives for rel beneath the folder "in" (NULL: read). */
static const char *why(const char *rel, size_t max)
{
	unsigned char *buf;
	size_t n;
	int oom;
	const char *w = safe_read(at("in"), rel, max, &buf, &n, &oom);
	assert_int_equal(oom, 0);
	if (!w) {
		assert_non_null(buf);
		assert_int_equal(buf[n], '\0');
		free(buf);
	} else {
		assert_null(buf);
	}
	return w;
}

static void reads_only_beneath(void **state)
{
	(void)state;
	assert_int_equal(mkdir(at("in"), 0700), 0);
	assert_int_equal(mkdir(at("in/sub"), 0700), 0);
	assert_int_equal(mkdir(at("out"), 0700), 0);
	spit(at("in/a.png"), "aaaa", 4);
	spit(at("in/sub/b.png"), "bb", 2);
	spit(at("out/secret.png"), "secret", 6);
	assert_null(why("a.png", 100));
	assert_null(why("sub/b.png", 100));
	assert_null(why("./sub//b.png", 100));
	/* By the spelling alone: nothing is looked at. */
	assert_non_null(strstr(why("", 100), "tom sti"));
	assert_non_null(strstr(why(at("out/secret.png"), 100), "absolut"));
	assert_non_null(strstr(why("../out/secret.png", 100), "'..'"));
	assert_non_null(strstr(why("sub/../../out/secret.png", 100), "'..'"));
	assert_non_null(strstr(why("sub/", 100), "mappe"));
	assert_null(safe_path_problem("sub/b.png"));
	assert_non_null(safe_path_problem("/etc/shadow"));
	/* Links are not followed, neither as the file nor on the way. */
	assert_int_equal(symlink("../out/secret.png", at("in/link.png")), 0);
	assert_int_equal(symlink("../out", at("in/linked")), 0);
	assert_non_null(strstr(why("link.png", 100), "symbolsk link"));
	assert_non_null(strstr(why("linked/secret.png", 100), "symbolsk link"));
	/* Not a regular file; a FIFO neither blocks nor is opened. */
	assert_int_equal(mkfifo(at("in/fifo.png"), 0600), 0);
	assert_non_null(strstr(why("fifo.png", 100), "almindelig fil"));
	assert_non_null(strstr(why("sub", 100), "almindelig fil"));
	assert_non_null(strstr(why("missing.png", 100), "findes ikke"));
	assert_non_null(strstr(why("a.png/x", 100), "ikke en mappe"));
	/* The cap: the file's size, and what is read. */
	assert_null(why("a.png", 4));
	assert_non_null(strstr(why("a.png", 3), "for stor"));
}

static void image_sizes(void **state)
{
	(void)state;
	int w = 0, h = 0;
	static const unsigned char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x30\0\0\0\x18\x08\x02\0\0\0";
	assert_null(safe_image_size(png, sizeof png - 1, &w, &h));
	assert_int_equal(w, 48);
	assert_int_equal(h, 24);
	/* A JPEG: SOI, an APP0 segment, then the frame header SOF0 (17 bytes:
	 * three components). */
	static const unsigned char jpg[] = "\xff\xd8\xff\xe0\0\x04xx\xff\xc0\0\x11\x08\0\x20\0\x40\x03"
	                                   "\x01\x22\0\x02\x11\x01\x03\x11\x01";
	assert_null(safe_image_size(jpg, sizeof jpg - 1, &w, &h));
	assert_int_equal(w, 64);
	assert_int_equal(h, 32);
	/* Lengths that lie, fill bytes, a missing frame, foreign bytes. */
	static const unsigned char liar[] = "\xff\xd8\xff\xe0\xff\xff";
	assert_non_null(safe_image_size(liar, sizeof liar - 1, &w, &h));
	static const unsigned char zero[] = "\xff\xd8\xff\xe0\0\0\xff\xe1\0\0\xff\xe2\0\0\0\0";
	assert_non_null(safe_image_size(zero, sizeof zero - 1, &w, &h));
	/* A frame header cut short: its length says more than is there. */
	assert_non_null(safe_image_size(jpg, 20, &w, &h));
	static const unsigned char fill[] = "\xff\xd8\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff";
	assert_non_null(safe_image_size(fill, sizeof fill - 1, &w, &h));
	static const unsigned char nosize[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\0\0\0\0\x18";
	assert_non_null(safe_image_size(nosize, sizeof nosize - 1, &w, &h));
	assert_non_null(strstr(safe_image_size((const unsigned char *)"GIF89a", 6, &w, &h), "PNG"));
	/* Every prefix of both: refused or read, never past the end. */
	for (size_t n = 0; n < sizeof jpg - 1; n++) {
		unsigned char *p = malloc(n + 1);
		memcpy(p, jpg, n);
		safe_image_size(p, n, &w, &h);
		free(p);
	}
	for (size_t n = 0; n < sizeof png - 1; n++) {
		unsigned char *p = malloc(n + 1);
		memcpy(p, png, n);
		const char *r = safe_image_size(p, n, &w, &h);
		if (n < 24)   /* the size is in bytes 16..23 */
			assert_non_null(r);
		free(p);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(reads_only_beneath, setup, teardown),
		cmocka_unit_test(image_sizes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
