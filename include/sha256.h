/* sha256.h: SHA-256 (FIPS 180-4), for the archive log's file digests.
 *
 * `render` prints each written PDF's digest like sha256sum does, so an
 * archive can later show the file is the one amokit wrote. Incremental:
 * init, update any number of times, final; or one call for a whole file.
 * On x86-64 the SHA extensions, or else BMI2, are used when the processor
 * has them, chosen at run time; plain C is the fallback. */
#ifndef AMOKIT_SHA256_H
#define AMOKIT_SHA256_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SHA256_DIGEST_SIZE 32
#define SHA256_HEX_SIZE 65         /* 64 hex digits and a NUL */

typedef struct sha256_ctx {
	uint32_t h[8];                 /* the running hash value */
	uint64_t bytes;                /* message length so far */
	unsigned char block[64];       /* pending input, fewer than 64 bytes */
	size_t used;
} sha256_ctx;

void sha256_init(sha256_ctx *c);
/* Feeds len bytes of data (data may be NULL when len is 0). */
void sha256_update(sha256_ctx *c, const void *data, size_t len);
/* Writes the digest; c must be initialised again before reuse. */
void sha256_final(sha256_ctx *c, unsigned char digest[SHA256_DIGEST_SIZE]);
/* The digest as lower-case hex, NUL-terminated. */
void sha256_hex(const unsigned char digest[SHA256_DIGEST_SIZE], char hex[SHA256_HEX_SIZE]);
/* The digest of len bytes at data, as hex. */
void sha256_of(const void *data, size_t len, char hex[SHA256_HEX_SIZE]);
/* The digest of the file at path, as hex. Returns 0, or -1 when the file
 * cannot be opened or read (errno tells why). */
int sha256_file(const char *path, char hex[SHA256_HEX_SIZE]);

/* The code that compresses the blocks: plain C; the same C compiled for
 * BMI2 (three-operand rotates); the SHA extensions. SHA256_BEST picks the
 * fastest the processor has, at run time (under valgrind, whose CPU hides
 * the SHA extensions, that is BMI2). */
typedef enum sha256_path { SHA256_BEST, SHA256_PLAIN, SHA256_BMI2, SHA256_SHANI } sha256_path;
/* Makes every later digest use path p: for tests, which check each path;
 * call before any thread hashes. Returns false (and changes nothing) when
 * the processor, or this build, lacks it. */
bool sha256_use(sha256_path p);
/* The path digests use now (never SHA256_BEST). */
sha256_path sha256_in_use(void);

#endif
