/* sha256.c: SHA-256 digests as hex, from nettle's sha256; see sha256.h. */
#include "sha256.h"

#include <nettle/sha2.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static void to_hex(struct sha256_ctx *c, char hex[SHA256_HEX_SIZE])
{
	static const char digits[] = "0123456789abcdef";
	uint8_t d[SHA256_DIGEST_SIZE];
	sha256_digest(c, sizeof d, d);
	for (size_t i = 0; i < sizeof d; i++) {
		hex[2 * i] = digits[d[i] >> 4];
		hex[2 * i + 1] = digits[d[i] & 15];
	}
	hex[2 * sizeof d] = '\0';
}

void sha256_of(const void *data, size_t len, char hex[SHA256_HEX_SIZE])
{
	struct sha256_ctx c;
	sha256_init(&c);
	if (len)
		sha256_update(&c, len, data);
	to_hex(&c, hex);
}

struct sha256_state {
	struct sha256_ctx c;
};

sha256_state *sha256_begin(void)
{
	sha256_state *s = malloc(sizeof *s);
	if (s)
		sha256_init(&s->c);
	return s;
}

void sha256_add(sha256_state *s, const void *data, size_t len)
{
	if (len)
		sha256_update(&s->c, len, data);
}

void sha256_end(sha256_state *s, char hex[SHA256_HEX_SIZE])
{
	if (s && hex)
		to_hex(&s->c, hex);
	free(s);
}

int sha256_file(const char *path, char hex[SHA256_HEX_SIZE])
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return -1;
	struct sha256_ctx c;
	sha256_init(&c);
	uint8_t buf[16384];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		sha256_update(&c, n, buf);
	int failed = ferror(f);
	fclose(f);
	if (failed)
		return -1;
	to_hex(&c, hex);
	return 0;
}
