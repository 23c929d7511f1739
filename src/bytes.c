/* bytes.c: the growable byte buffer and heap arrays; see bytes.h. */
#include "bytes.h"

#include <assert.h>
#include <stdlib.h>

bool bytes_grow(bytes *b, size_t more)
{
	if (b->oom)
		return false;
	if (b->cap - b->n >= more)
		return true;
	size_t cap = b->cap ? b->cap : 1024;
	while (cap - b->n < more) {
		if (cap > SIZE_MAX / 2) {
			b->oom = true;
			return false;
		}
		cap *= 2;
	}
	unsigned char *p = realloc(b->p, cap);
	if (!p) {
		b->oom = true;
		return false;
	}
	b->p = p;
	b->cap = cap;
	return true;
}

void bytes_put16(bytes *b, unsigned v)
{
	unsigned char x[2] = {(unsigned char)(v >> 8), (unsigned char)v};
	bytes_put(b, x, 2);
}

void bytes_put32(bytes *b, uint32_t v)
{
	unsigned char x[4] = {(unsigned char)(v >> 24), (unsigned char)(v >> 16),
	                      (unsigned char)(v >> 8), (unsigned char)v};
	bytes_put(b, x, 4);
}

void bytes_set16(bytes *b, size_t off, unsigned v)
{
	if (!b->oom && off <= b->n && b->n - off >= 2) {
		b->p[off] = (unsigned char)(v >> 8);
		b->p[off + 1] = (unsigned char)v;
	}
}

void bytes_set32(bytes *b, size_t off, uint32_t v)
{
	bytes_set16(b, off, v >> 16);
	bytes_set16(b, off + 2, v & 0xFFFF);
}

void bytes_pad4(bytes *b)
{
	static const unsigned char zero[3] = {0};
	bytes_put(b, zero, (4 - b->n % 4) % 4);
}

void bytes_free(bytes *b)
{
	free(b->p);
	*b = (bytes){0};
}

int heap_grow_to(void **arr, size_t *cap, size_t need, size_t sz, size_t first)
{
	assert(sz > 0 && first > 0);
	if (need <= *cap)
		return 0;
	if (*cap > SIZE_MAX / 2)
		return -1;
	size_t ncap = *cap ? *cap * 2 : first;
	if (ncap < need)
		ncap = need;
	if (ncap > SIZE_MAX / sz)
		return -1;
	void *p = realloc(*arr, ncap * sz);
	if (!p)
		return -1;
	*arr = p;
	*cap = ncap;
	return 0;
}
