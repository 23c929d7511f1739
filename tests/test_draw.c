/* test_draw.c: the draw list: texts lose their soft hyphens when pushed. */
#include "testutil.h"

#include <string.h>

#include "draw.h"

static void soft_hyphens_are_never_drawn(void **state)
{
	(void)state;
	arena *a = arena_new();
	draw_doc doc;
	draw_init(&doc, a);
	draw_page *pg = draw_add_page(&doc, 100, 100);
	assert_non_null(pg);
	rgb black = { 0, 0, 0 };
	const char *in[] = { "Ole\xC2\xADsen", "\xC2\xAD" "a\xC2\xAD\xC2\xAD" "b\xC2\xAD", "J\xC3\xADr\xC3\xAD", "plain" };
	const char *out[] = { "Olesen", "ab", "J\xC3\xADr\xC3\xAD", "plain" };
	for (size_t i = 0; i < sizeof in / sizeof in[0]; i++) {
		assert_int_equal(draw_text(&doc, pg, 0, 0, 10, FONT_REGULAR, black, in[i], strlen(in[i])), 0);
		assert_string_equal(pg->cmds[i].u.text.utf8, out[i]);
	}
	/* other commands are copied as they are */
	draw_cmd line = { .kind = DRAW_LINE };
	line.u.line.x2 = 5;
	assert_non_null(draw_push(&doc, pg, &line));
	assert_float_equal(pg->cmds[pg->n - 1].u.line.x2, 5, 0);
	arena_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(soft_hyphens_are_never_drawn),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
