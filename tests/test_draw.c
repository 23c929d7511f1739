/* test_draw.c: the draw list: texts lose their soft hyphens when pushed; a
 * streamed document hands each page over, in order, when the next begins
 * (the last at draw_end), holds one page, and stops at a sink's failure. */
#include "testutil.h"

#include <stdbool.h>
#include <string.h>

#include "diag.h"
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

typedef struct seen {
	size_t pages, last_index;
	bool last;
	size_t held;               /* the most pages the document held at once */
	const draw_doc *doc;
	int fail_at;               /* fail on this page (1-based), 0: never */
} seen;

static int sink(void *ctx, const draw_page *pg, size_t index, bool last)
{
	seen *s = ctx;
	assert_int_equal(index, s->pages);
	assert_false(s->last);
	assert_int_equal(pg->n, 1);
	assert_string_equal(pg->cmds[0].u.text.utf8, index % 2 ? "odd" : "even");
	s->held = s->doc->n_pages > s->held ? s->doc->n_pages : s->held;
	s->pages++;
	s->last = last;
	return (int)s->pages == s->fail_at ? AM_EUSAGE : AM_OK;
}

static void streamed_pages_go_one_at_a_time(void **state)
{
	(void)state;
	arena *a = arena_new(), *pa = arena_new();
	draw_doc doc;
	draw_init(&doc, a);
	seen s = {.doc = &doc};
	draw_stream(&doc, pa, sink, &s);
	rgb black = {0, 0, 0};
	size_t used = 0;
	for (int i = 0; i < 1000; i++) {
		draw_page *pg = draw_add_page(&doc, 100, 100);
		assert_non_null(pg);
		assert_int_equal(draw_page_count(&doc), (size_t)i + 1);
		const char *t = i % 2 ? "odd" : "even";
		assert_int_equal(draw_text(&doc, pg, 0, 0, 10, FONT_REGULAR, black, t, strlen(t)), 0);
		if (i == 10)
			used = arena_used(a);
	}
	assert_int_equal(s.pages, 999);
	assert_int_equal(draw_end(&doc), AM_OK);
	assert_int_equal(s.pages, 1000);
	assert_true(s.last);
	assert_int_equal(s.held, 1);
	/* The document's own arena does not grow with its pages. */
	assert_int_equal(arena_used(a), used);
	arena_free(a);
	arena_free(pa);
}

static void a_failing_sink_stops_the_document(void **state)
{
	(void)state;
	arena *a = arena_new(), *pa = arena_new();
	draw_doc doc;
	draw_init(&doc, a);
	seen s = {.doc = &doc, .fail_at = 3};
	draw_stream(&doc, pa, sink, &s);
	rgb black = {0, 0, 0};
	int made = 0;
	for (int i = 0; i < 10; i++) {
		draw_page *pg = draw_add_page(&doc, 100, 100);
		if (!pg)
			break;
		made++;
		const char *t = i % 2 ? "odd" : "even";
		assert_int_equal(draw_text(&doc, pg, 0, 0, 10, FONT_REGULAR, black, t, strlen(t)), 0);
	}
	assert_int_equal(made, 3);
	assert_int_equal(doc.sink_rc, AM_EUSAGE);
	assert_int_equal(draw_end(&doc), AM_EUSAGE);
	assert_int_equal(s.pages, 3);
	arena_free(a);
	arena_free(pa);
}

/* A segment meets a rect when any of it lies inside or on an edge. */
static void a_segment_meets_a_rect_it_enters(void **state)
{
	(void)state;
	rect r = {10, 10, 20, 10};
	assert_true(draw_segment_meets((point){0, 15}, (point){40, 15}, r));     /* through */
	assert_true(draw_segment_meets((point){12, 12}, (point){14, 14}, r));    /* inside */
	assert_true(draw_segment_meets((point){0, 0}, (point){10, 10}, r));      /* to a corner */
	assert_true(draw_segment_meets((point){15, 15}, (point){15, 15}, r));    /* a point inside */
	assert_false(draw_segment_meets((point){0, 0}, (point){40, 5}, r));      /* above */
	assert_false(draw_segment_meets((point){0, 12}, (point){9, 30}, r));     /* beside */
	assert_false(draw_segment_meets((point){0, 30}, (point){40, 30}, r));    /* parallel, below */
	assert_false(draw_segment_meets((point){0, 21}, (point){11, 40}, r));    /* past the corner */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(soft_hyphens_are_never_drawn),
		cmocka_unit_test(a_segment_meets_a_rect_it_enters),
		cmocka_unit_test(streamed_pages_go_one_at_a_time),
		cmocka_unit_test(a_failing_sink_stops_the_document),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
