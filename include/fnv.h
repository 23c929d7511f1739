/* fnv.h: FNV-1a, the one hash of bytes the memos and the calendar's UIDs
 * use: short keys, looked up in the same process (or, for a UID, kept
 * stable from run to run), never against an adversary's collisions.
 * Start with FNV1A_BASIS; a hash of several parts feeds them in turn. */
#ifndef AMOKIT_FNV_H
#define AMOKIT_FNV_H

#include <stddef.h>
#include <stdint.h>

#define FNV1A_BASIS 0xcbf29ce484222325u
#define FNV1A_PRIME 0x100000001b3u

static inline uint64_t fnv1a(uint64_t h, const void *p, size_t n)
{
	const unsigned char *s = p;
	for (size_t i = 0; i < n; i++)
		h = (h ^ s[i]) * FNV1A_PRIME;
	return h;
}

#endif
