/* sha256.h: SHA-256 digests, computed by nettle.
 *
 * `render` prints each written PDF's digest like sha256sum does, so an
 * archive can later show the file is the one amokit wrote; the layouts are
 * recognised by their digests. nettle (Debian package libnettle8) picks the
 * processor's SHA extensions at run time where it has them; this header
 * keeps nettle's names out of every file that needs a digest. */
#ifndef AMOKIT_SHA256_H
#define AMOKIT_SHA256_H

#include <stddef.h>

#define SHA256_HEX_SIZE 65         /* 64 hex digits and a NUL */

/* The digest of len bytes at data (data may be NULL when len is 0), as
 * lower-case hex, NUL-terminated. */
void sha256_of(const void *data, size_t len, char hex[SHA256_HEX_SIZE]);
/* A digest computed piece by piece (of a file as it is written): made
 * with sha256_begin (NULL when out of memory), fed with sha256_add,
 * finished and freed with sha256_end (hex may be NULL: freed only). */
typedef struct sha256_state sha256_state;
sha256_state *sha256_begin(void);
void sha256_add(sha256_state *s, const void *data, size_t len);
void sha256_end(sha256_state *s, char hex[SHA256_HEX_SIZE]);
/* The digest of the file at path, as hex. Returns 0, or -1 when the file
 * cannot be opened or read (errno tells why). */
int sha256_file(const char *path, char hex[SHA256_HEX_SIZE]);

#endif
