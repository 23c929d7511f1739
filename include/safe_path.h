/* safe_path.h: reading a file that untrusted input names, only beneath a
 * folder.
 *
 * A workplace file names its logo, a layout its images; neither name is
 * trusted. Such a file is read only when it lies in the folder of the file
 * that names it, or below: a relative path without "..", no symbolic link
 * anywhere on the way (each part opened with O_NOFOLLOW relative to the
 * one before, so a link swapped in meanwhile is not followed either), a
 * regular file (looked at before it is opened, opened without blocking,
 * and looked at again once open), of at most a given size. An image must
 * also be a PNG or JPEG by its content. A refusal says which rule the
 * path breaks; an absolute path or one with ".." is refused before
 * anything is looked at, so nothing about other paths is revealed. */
#ifndef AMOKIT_SAFE_PATH_H
#define AMOKIT_SAFE_PATH_H

#include <stddef.h>

#define SAFE_IMAGE_MAX (16u << 20)   /* bytes of one image file */

/* NULL when rel is a path safe_read could accept by its spelling alone;
 * else why not ("an absolute path", ...). Reads nothing. */
const char *safe_path_problem(const char *rel);

/* Reads the file rel beneath folder base (NULL: the current directory),
 * at most max bytes, into a malloc'd buffer (*buf, *n; NUL-terminated
 * past the end). Returns NULL, or why not (and *buf is NULL); *oom is set
 * when the reason is a failed allocation. */
const char *safe_read(const char *base, const char *rel, size_t max, unsigned char **buf,
                      size_t *n, int *oom);

/* A PNG or JPEG image's pixel size from its bytes; NULL, or why not. */
const char *safe_image_size(const unsigned char *p, size_t n, int *w, int *h);

#endif
