/* test_arena.c: the bump allocator (arena.h): alignment, and growable
 * arrays, which keep their elements and zero the new ones, a large one
 * growing where it lies instead of leaving its smaller copies behind. */
#include "testutil.h"

#include <string.h>

#include "arena.h"

static void allocations_are_aligned_and_zeroed(void **state)
{
	(void)state;
	arena *a = arena_new();
	assert_non_null(a);
	for (size_t n = 1; n < 100; n += 7) {
		unsigned char *p = arena_alloc(a, n);
		assert_non_null(p);
		assert_int_equal((uintptr_t)p % _Alignof(double), 0);
		assert_int_equal((uintptr_t)p % _Alignof(void *), 0);
		for (size_t i = 0; i < n; i++)
			assert_int_equal(p[i], 0);
		memset(p, 0xAB, n);
	}
	arena_free(a);
}

/* Grows an array of longs one element at a time to n, each element its
 * index; checks them and the zeroed spare capacity. */
static void grow_to(arena *a, size_t n)
{
	long *v = NULL;
	size_t cap = 0;
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(arena_grow(a, (void **)&v, &cap, i, i + 1, sizeof *v), 0);
		v[i] = (long)i;
	}
	for (size_t i = 0; i < n; i++)
		assert_int_equal(v[i], (long)i);
	for (size_t i = n; i < cap; i++)
		assert_int_equal(v[i], 0);
}

static void a_grown_array_keeps_its_elements(void **state)
{
	(void)state;
	arena *a = arena_new();
	assert_non_null(a);
	grow_to(a, 10);        /* small: moves */
	grow_to(a, 100000);    /* large: grows where it lies */
	arena_free(a);
}

static void a_large_array_leaves_no_copies_behind(void **state)
{
	(void)state;
	arena *a = arena_new();
	assert_non_null(a);
	size_t n = 200000;
	grow_to(a, n);
	/* The array's final capacity is below 2n; with every smaller copy
	 * kept the arena would hold about twice that. */
	assert_true(arena_used(a) < 2 * n * sizeof(long) + 65536);
	arena_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(allocations_are_aligned_and_zeroed),
		cmocka_unit_test(a_grown_array_keeps_its_elements),
		cmocka_unit_test(a_large_array_leaves_no_copies_behind),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
