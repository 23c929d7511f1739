/* test_bytes.c: memory on the heap that grows (bytes.h): the byte buffer,
 * which remembers running out of memory, and heap_grow's arrays, which
 * keep their elements, double, and refuse a size that does not fit. */
#include "testutil.h"

#include <stdint.h>
#include <stdlib.h>

#include "bytes.h"

static void the_buffer_holds_what_was_put(void **state)
{
	(void)state;
	bytes b = {0};
	for (int i = 0; i < 3000; i++)
		bytes_putc(&b, (unsigned char)i);
	bytes_put16(&b, 0x1234);
	bytes_put32(&b, 0x89ABCDEFu);
	bytes_set16(&b, 0, 0xFFFE);
	bytes_pad4(&b);
	assert_false(b.oom);
	assert_int_equal(b.n, 3008);
	assert_int_equal(b.p[0], 0xFF);
	assert_int_equal(b.p[1], 0xFE);
	assert_int_equal(b.p[2999], (unsigned char)2999);
	assert_memory_equal(b.p + 3000, "\x12\x34\x89\xAB\xCD\xEF\0\0", 8);
	bytes_free(&b);
	assert_null(b.p);
	assert_int_equal(b.n + b.cap, 0);
}

static void a_heap_array_keeps_its_elements_and_doubles(void **state)
{
	(void)state;
	long *v = NULL;
	size_t cap = 0;
	for (size_t i = 0; i < 1000; i++) {
		size_t before = cap;
		assert_int_equal(heap_grow((void **)&v, &cap, i + 1, sizeof *v, 4), 0);
		assert_true(cap >= i + 1);
		if (before != cap)
			assert_int_equal(cap, before ? 2 * before : 4);
		v[i] = (long)i;
	}
	for (size_t i = 0; i < 1000; i++)
		assert_int_equal(v[i], (long)i);
	/* a need beyond twice the capacity is met at once */
	assert_int_equal(heap_grow((void **)&v, &cap, 10 * cap, sizeof *v, 4), 0);
	assert_int_equal(cap, 10240);
	assert_int_equal(v[999], 999);
	free(v);
}

static void a_size_that_does_not_fit_is_refused(void **state)
{
	(void)state;
	long *v = NULL;
	size_t cap = 0;
	assert_int_equal(heap_grow((void **)&v, &cap, SIZE_MAX / 4, sizeof *v, 4), -1);
	assert_null(v);
	assert_int_equal(cap, 0);
	assert_int_equal(heap_grow((void **)&v, &cap, 3, sizeof *v, 4), 0);
	size_t held = cap;
	long *before = v;
	assert_int_equal(heap_grow((void **)&v, &cap, SIZE_MAX, sizeof *v, 4), -1);
	assert_ptr_equal(v, before);
	assert_int_equal(cap, held);
	free(v);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(the_buffer_holds_what_was_put),
		cmocka_unit_test(a_heap_array_keeps_its_elements_and_doubles),
		cmocka_unit_test(a_size_that_does_not_fit_is_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
