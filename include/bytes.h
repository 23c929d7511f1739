/* bytes.h: memory on the heap that grows: a byte buffer that remembers
 * running out of memory, and arrays (heap_grow).
 *
 * The PDF writer, the content streams, the font subsetter and the PDF/A
 * parts all build bytes piece by piece. Appending never fails loudly: a
 * failed allocation sets `oom`, later appends do nothing, and the owner
 * checks `oom` once when the buffer is complete. Freed with bytes_free.
 * Arrays that outlive a stage's arena (or are made over and over while
 * one lives) grow with heap_grow, the heap's counterpart of arena_grow,
 * and are freed with free(). */
#ifndef AMOKIT_BYTES_H
#define AMOKIT_BYTES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef struct bytes {
	unsigned char *p;
	size_t n, cap;
	bool oom;
} bytes;

/* Makes room for `more` bytes after the n already held; false (and oom
 * set) when memory runs out. */
bool bytes_grow(bytes *b, size_t more);

static inline void bytes_put(bytes *b, const void *src, size_t n)
{
	if (b->cap - b->n < n && !bytes_grow(b, n))
		return;
	if (n)
		memcpy(b->p + b->n, src, n);
	b->n += n;
}

static inline void bytes_puts(bytes *b, const char *s) { bytes_put(b, s, strlen(s)); }

static inline void bytes_putc(bytes *b, unsigned char c)
{
	if (b->cap == b->n && !bytes_grow(b, 1))
		return;
	b->p[b->n++] = c;
}

/* Reads the big-endian 16- and 32-bit value at p (font tables, ICC
 * profiles, PNG and JPEG headers); the caller has checked the length. */
static inline unsigned bytes_get16(const unsigned char *p)
{
	return (unsigned)p[0] << 8 | p[1];
}

static inline uint32_t bytes_get32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* Big-endian 16- and 32-bit values (font tables, ICC profiles). */
void bytes_put16(bytes *b, unsigned v);
void bytes_put32(bytes *b, uint32_t v);
/* Overwrites the big-endian value at off, when those bytes are held. */
void bytes_set16(bytes *b, size_t off, unsigned v);
void bytes_set32(bytes *b, size_t off, uint32_t v);
/* Appends zeros up to a multiple of 4 bytes. */
void bytes_pad4(bytes *b);
/* Frees the memory and empties b (oom cleared). */
void bytes_free(bytes *b);

/* Makes the heap array *arr (capacity *cap elements of size sz) hold at
 * least need elements. When it is too small it grows by realloc to twice
 * its capacity (first elements at first), or to need when that is more;
 * the new elements are not initialised. Returns 0, or -1 when out of
 * memory or the size does not fit in a size_t (then *arr and *cap are
 * unchanged). */
static inline int heap_grow(void **arr, size_t *cap, size_t need, size_t sz, size_t first);
int heap_grow_to(void **arr, size_t *cap, size_t need, size_t sz, size_t first);

static inline int heap_grow(void **arr, size_t *cap, size_t need, size_t sz, size_t first)
{
	return need <= *cap ? 0 : heap_grow_to(arr, cap, need, sz, first);
}

#endif
