/* arena.h: bump allocator that owns every object of one stage.
 *
 * Allocation is O(1) and never frees individually; arena_free() releases all
 * at once. Allocation failure returns NULL (never aborts); callers propagate
 * it as an out-of-memory error. Memory is zeroed. */
#ifndef AMOKIT_ARENA_H
#define AMOKIT_ARENA_H

#include <stddef.h>

typedef struct arena arena;

/* A new, empty arena, or NULL when out of memory. */
arena *arena_new(void);
/* Frees the arena and everything allocated in it. NULL is allowed. */
void arena_free(arena *a);
/* Frees everything allocated in a, keeping one block for what comes next. */
void arena_reset(arena *a);
/* n zeroed bytes aligned for any type amokit keeps in an arena (8 bytes:
 * pointers, doubles; no long double), or NULL. */
void *arena_alloc(arena *a, size_t n);
/* n elements of size sz, zeroed, or NULL (also on overflow). */
void *arena_array(arena *a, size_t n, size_t sz);
/* A copy of s (len bytes) with a terminating NUL, or NULL. */
char *arena_strndup(arena *a, const char *s, size_t len);
char *arena_strdup(arena *a, const char *s);
/* printf into the arena, or NULL. */
char *arena_printf(arena *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Total bytes handed out since the arena was made or reset (for tests
 * and statistics). */
size_t arena_used(const arena *a);
/* Makes the arena array *arr (capacity *cap elements of size sz, the first
 * used of them in use) hold at least need elements. When it is too small,
 * it grows to at least twice the capacity (16 at first), the new elements
 * zeroed: a large array (over a quarter of a block) where it lies, moving
 * as realloc moves it; a small one by moving the used elements to a new
 * array, the old one staying in the arena until arena_free(). Returns 0,
 * or -1 when out of memory (then *arr and *cap are unchanged). */
static inline int arena_grow(arena *a, void **arr, size_t *cap, size_t used, size_t need, size_t sz);
/* arena_grow, but first elements at first, for arrays that mostly stay
 * smaller than 16 (a cell's blocks, a paragraph's spans). */
int arena_grow_from(arena *a, void **arr, size_t *cap, size_t used, size_t need, size_t sz, size_t first);

static inline int arena_grow(arena *a, void **arr, size_t *cap, size_t used, size_t need, size_t sz)
{
	return need <= *cap ? 0 : arena_grow_from(a, arr, cap, used, need, sz, 16);
}

/* Test hook: the allocation after `n` more calls to the underlying malloc
 * fails (n < 0 turns it off). Used by the fault-injection tests. */
void arena_fail_after(long n);

#endif
