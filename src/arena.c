/* arena.c: bump allocator; see arena.h. Blocks are chained and freed at once. */
#include "arena.h"

#include <assert.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_BLOCK 65536
/* Every allocation is aligned for any type amokit keeps in an arena (a
 * pointer, a double, a size_t; none needs 16, as a long double would).
 * At 16 the data tree's 56-byte nodes took 64 each: a tenth more of a
 * 2,500-participant workplace's memory (issue 24). */
#define ARENA_ALIGN 8
_Static_assert(_Alignof(double) <= ARENA_ALIGN && _Alignof(long long) <= ARENA_ALIGN &&
               _Alignof(void *) <= ARENA_ALIGN, "an arena allocation must suit these");

typedef struct block {
	struct block *next;
	size_t size, used;
	_Alignas(ARENA_ALIGN) unsigned char data[];
} block;

struct arena {
	block *head;
	size_t total;
};

static long fail_countdown = -1;

void arena_fail_after(long n) { fail_countdown = n; }

/* malloc that the fault-injection tests can make fail. */
static void *checked_malloc(size_t n)
{
	if (fail_countdown >= 0 && fail_countdown-- == 0)
		return NULL;
	return malloc(n);
}

arena *arena_new(void)
{
	arena *a = checked_malloc(sizeof *a);
	if (a) {
		a->head = NULL;
		a->total = 0;
	}
	return a;
}

void arena_free(arena *a)
{
	if (!a)
		return;
	block *b = a->head;
	while (b) {
		block *next = b->next;
		free(b);
		b = next;
	}
	free(a);
}

void arena_reset(arena *a)
{
	if (!a)
		return;
	block *keep = NULL, *b = a->head;
	while (b) {
		block *next = b->next;
		if (!keep && b->size == ARENA_BLOCK)
			keep = b;
		else
			free(b);
		b = next;
	}
	if (keep) {
		keep->next = NULL;
		keep->used = 0;
	}
	a->head = keep;
	a->total = 0;
}

/* n bytes, not zeroed: for a caller that writes them all. */
static void *alloc_raw(arena *a, size_t n)
{
	n = (n + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
	if (n == 0)
		n = ARENA_ALIGN;
	block *b = a->head;
	if (!b || b->size - b->used < n) {
		size_t size = n > ARENA_BLOCK / 4 ? n : ARENA_BLOCK;
		if (size > SIZE_MAX - sizeof(block))
			return NULL;
		b = checked_malloc(sizeof(block) + size);
		if (!b)
			return NULL;
		b->size = size;
		b->used = 0;
		/* A large one-off block goes behind the head, so the head's free
		 * space stays usable for small allocations. */
		if (a->head && size != ARENA_BLOCK) {
			b->next = a->head->next;
			a->head->next = b;
		} else {
			b->next = a->head;
			a->head = b;
		}
	}
	void *p = b->data + b->used;
	b->used += n;
	a->total += n;
	return p;
}

void *arena_alloc(arena *a, size_t n)
{
	void *p = alloc_raw(a, n);
	if (p)
		memset(p, 0, n);
	return p;
}

void *arena_array(arena *a, size_t n, size_t sz)
{
	if (sz && n > SIZE_MAX / sz)
		return NULL;
	return arena_alloc(a, n * sz);
}

char *arena_strndup(arena *a, const char *s, size_t len)
{
	if (len == SIZE_MAX)
		return NULL;
	char *p = alloc_raw(a, len + 1);
	if (p) {
		memcpy(p, s, len);
		p[len] = '\0';
	}
	return p;
}

char *arena_strdup(arena *a, const char *s) { return arena_strndup(a, s, strlen(s)); }

char *arena_printf(arena *a, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return NULL;
	char *p = arena_alloc(a, (size_t)n + 1);
	if (!p)
		return NULL;
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

size_t arena_used(const arena *a) { return a->total; }

/* The link to the block of its own that the large array p fills, or NULL
 * when p is not one. */
static block **own_block(arena *a, const void *p)
{
	for (block **l = &a->head; *l; l = &(*l)->next)
		if ((*l)->data == p && (*l)->size != ARENA_BLOCK && (*l)->used == (*l)->size)
			return l;
	return NULL;
}

/* Grows the large array *arr, alone in its block, to ncap elements where
 * it lies, instead of leaving a copy behind: a page of 30,000 draw
 * commands otherwise held twice their size (issue 24). The elements past
 * used are zeroed, as in a new array. 0; 1 when *arr is not such an
 * array; -1 when out of memory. */
static int grow_own(arena *a, void **arr, size_t cap, size_t used, size_t ncap, size_t sz)
{
	block **l = cap * sz > ARENA_BLOCK / 4 ? own_block(a, *arr) : NULL;
	if (!l)
		return 1;
	if (ncap > (SIZE_MAX - sizeof(block) - ARENA_ALIGN) / sz)
		return -1;
	size_t size = (ncap * sz + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
	block *b = fail_countdown >= 0 && fail_countdown-- == 0 ? NULL : realloc(*l, sizeof(block) + size);
	if (!b)
		return -1;
	memset(b->data + used * sz, 0, size - used * sz);
	a->total += size - b->size;
	b->size = b->used = size;
	*l = b;
	*arr = b->data;
	return 0;
}

int arena_grow_from(arena *a, void **arr, size_t *cap, size_t used, size_t need, size_t sz, size_t first)
{
	assert(used <= *cap && (used == 0 || *arr) && first > 0);
	if (need <= *cap)
		return 0;
	size_t ncap = *cap ? *cap * 2 : first;
	if (ncap < need)
		ncap = need * 2;
	int own = *arr ? grow_own(a, arr, *cap, used, ncap, sz) : 1;
	if (own <= 0) {
		if (own == 0)
			*cap = ncap;
		return own;
	}
	/* The used elements are copied, only the rest zeroed: a page's draw
	 * commands and a paragraph's bytes grow by doubling, and zeroing the
	 * whole new array was 2.6 % of a batch worker's instructions. */
	if (ncap > SIZE_MAX / sz)
		return -1;
	unsigned char *p = alloc_raw(a, ncap * sz);
	if (!p)
		return -1;
	if (used)
		memcpy(p, *arr, used * sz);
	memset(p + used * sz, 0, (ncap - used) * sz);
	*arr = p;
	*cap = ncap;
	return 0;
}
