/* fuzz_layout.c: libFuzzer harness for layout files, end to end.
 *
 * Bytes → layout_load_mem (parse, layout schema, template tree) → when it
 * loads, layout_run against a real data tree (examples/kontor-27.xml, read
 * and bound once at start-up) with the fixed-width fake measurer and the
 * Danish hyphenation patterns, down to the draw list. Custom nodes go to a
 * callback that draws a frame, so layouts with <custom> still paginate.
 * The input is named as if it sat in layouts/, so <strings href> and image
 * paths resolve against the real folder. */
#include "fuzz_common.h"

#include <libxml/parser.h>

#include "bind.h"
#include "catalog.h"
#include "layout.h"
#include "reader.h"
#include "text.h"

static arena *fixture;        /* the model and its data tree, for the whole run */
static dnode *data_root;
static text_hyph *hyph;       /* NULL when hyphen-da is not installed */
static layout_lang danish;    /* the shipped Danish catalog, for <msg key> */

static void release(void)
{
	text_hyph_close(hyph);
	arena_free(fixture);
	reader_cleanup();
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	xmlInitParser();
	fixture = arena_new();
	fuzz_require(fixture != NULL, "arena_new");
	diag d;
	diag_init(&d);
	am_workplace *wp = NULL;
	fuzz_require(reader_load(fixture, FUZZ_ROOT "/examples/kontor-27.xml", &wp, &d) == AM_OK,
	             "reading examples/kontor-27.xml");
	fuzz_require(bind_workplace(fixture, wp, &data_root) == AM_OK, "bind_workplace");
	hyph = fuzz_hyph_open();
	catalog *da = NULL;
	fuzz_require(catalog_load(fixture, FUZZ_ROOT "/layouts", "da", NULL, &da, &d) == AM_OK,
	             "loading layouts/messages/da.xml");
	danish = (layout_lang){da, hyph};
	atexit(release);
	return 0;
}

/* Custom graphics: a stroked frame of the given area, like a module would
 * draw inside it; refuses areas that are not finite and positive. */
static int draw_custom(void *ctx, const char *kind, draw_doc *doc, draw_page *page,
                       rect area, const dnode *data, diag *d)
{
	(void)ctx;
	(void)data;
	if (!(area.w > 0 && area.h > 0 && area.w < 1e6f && area.h < 1e6f)) {
		diag_error(d, NULL, 0, "custom '%s': bad area", kind);
		return AM_EINPUT;
	}
	rgb black = {0, 0, 0};
	return draw_rect(doc, page, area, 1, black, NULL) ? AM_EINTERNAL : AM_OK;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	arena *a = arena_new();
	fuzz_require(a != NULL, "arena_new");
	diag d;
	diag_init(&d);
	layout *l = NULL;
	int rc = layout_load_mem(a, FUZZ_ROOT "/layouts/fuzz.xml", (const char *)data, size, &l, &d);
	if (rc == AM_OK) {
		fuzz_require(l != NULL, "layout_load_mem returned AM_OK without a layout");
		(void)layout_title(l);
		for (int m = 1; m <= 12; m++)
			fuzz_require(layout_month(l, m) != NULL, "layout_month");
		arena *da = arena_new();
		fuzz_require(da != NULL, "arena_new");
		draw_doc doc;
		draw_init(&doc, da);
		layout_env env = {data_root, &text_fake_measurer, hyph, draw_custom, NULL,
		                  FUZZ_ROOT "/layouts", NULL, false, NULL, &danish, NULL, NULL};
		diag rd;
		diag_init(&rd);
		rc = layout_run(l, &env, &doc, &rd);
		fuzz_require(rc == AM_OK || rd.errors > 0, "layout_run failed without a diag record");
		arena_free(da);
	} else {
		fuzz_require(d.errors > 0, "rejected layout without a diag record");
	}
	arena_free(a);
	return 0;
}
