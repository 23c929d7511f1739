/* fuzz_render.c: libFuzzer harness for the whole path, workplace XML → PDF.
 *
 * Bytes → reader_load_mem → bind_workplace → layout_run of the real agenda
 * (layouts/dagsorden.xml, loaded once) measured with the real font metrics,
 * plus the årshjul drawn on an A2 page from the same model → render_pdf into
 * a private temporary directory (removed at exit). The kit (kit.h) is not
 * used because it writes a whole set of files per workplace; this is the
 * same chain for one document, in memory up to the renderer.
 *
 * render_pdf embeds the fonts and costs far more than everything before it,
 * so only every FUZZ_RENDER_EVERY-th accepted input (environment; default
 * 1: every one) goes through the renderer; the others stop at the draw list. */
#include "fuzz_common.h"

#include <libxml/parser.h>
#include <string.h>
#include <unistd.h>

#include "aarshjul.h"
#include "bind.h"
#include "catalog.h"
#include "font.h"
#include "layout.h"
#include "reader.h"
#include "render.h"
#include "text.h"

static arena *fixture;          /* the layout, for the whole run */
static layout *agenda;
static layout *wheel;            /* the årshjul's texts, colours and sizes */
static font_family *fonts;
static text_measurer measurer;
static text_hyph *hyph;
static layout_lang danish;      /* the shipped Danish catalog */
static char tmpdir[] = "/tmp/amokit-fuzz-render-XXXXXX";
static char pdf_path[sizeof tmpdir + 16];
static unsigned long render_every = 1, accepted, rendered;

static void release(void)
{
	fprintf(stderr, "fuzz_render: %lu inputs accepted, %lu rendered to PDF\n", accepted, rendered);
	unlink(pdf_path);
	rmdir(tmpdir);
	font_free(fonts);
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
	fuzz_require(layout_load(fixture, FUZZ_ROOT "/layouts/dagsorden.xml", &agenda, &d) == AM_OK,
	             "loading layouts/dagsorden.xml");
	fuzz_require(layout_load(fixture, FUZZ_ROOT "/layouts/aarshjul.xml", &wheel, &d) == AM_OK,
	             "loading layouts/aarshjul.xml");
	fuzz_require((fonts = font_load(FUZZ_ROOT "/fonts", &d)) != NULL, "loading fonts/");
	measurer = font_measurer(fonts);
	hyph = fuzz_hyph_open();
	catalog *da = NULL;
	fuzz_require(catalog_load(fixture, FUZZ_ROOT "/layouts", "da", NULL, &da, &d) == AM_OK,
	             "loading layouts/messages/da.xml");
	danish = (layout_lang){da, hyph};
	fuzz_require(mkdtemp(tmpdir) != NULL, "mkdtemp");
	snprintf(pdf_path, sizeof pdf_path, "%s/out.pdf", tmpdir);
	const char *every = getenv("FUZZ_RENDER_EVERY");
	if (every && atol(every) > 0)
		render_every = (unsigned long)atol(every);
	atexit(release);
	return 0;
}

/* The poster's texts, colours and sizes by key, as kit.c looks them up. */
/* The poster's texts from the Danish catalog, its style from the layout. */
static const char *wheel_text(void *ctx, const char *key)
{
	const char *t = catalog_text(danish.cat, key, NULL);
	return t ? t : layout_text(ctx, key, NULL);
}

/* The årshjul of wp on an A2 page of its own, with the årshjul layout's
 * texts, then its dated list on A4 pages. */
static int draw_wheel(draw_doc *doc, const am_workplace *wp, diag *d)
{
	draw_page *pg = draw_add_page(doc, 1190.55f, 1683.78f);
	if (!pg)
		return AM_EINTERNAL;
	aarshjul_opts o;
	memset(&o, 0, sizeof o);
	o.measurer = &measurer;
	for (int m = 0; m < 12; m++)
		o.months[m] = catalog_month(danish.cat, m + 1);
	o.text = wheel_text;
	o.text_ctx = wheel;
	o.footer = "fuzz";
	o.year = 2026;
	rect area = {40, 40, pg->width - 80, pg->height - 80};
	int rc = aarshjul_draw(doc, pg, area, wp, &o, d);
	return rc == AM_OK ? aarshjul_draw_list(doc, wp, &o, d) : rc;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	arena *a = arena_new();
	fuzz_require(a != NULL, "arena_new");
	diag d;
	diag_init(&d);
	am_workplace *wp = NULL;
	int rc = reader_load_mem(a, FUZZ_ROOT "/examples/fuzz.xml", (const char *)data, size, &wp, &d);
	if (rc == AM_OK) {
		dnode *root = NULL;
		fuzz_require(bind_workplace(a, wp, &root) == AM_OK, "bind_workplace");
		draw_doc doc;
		draw_init(&doc, a);
		layout_env env = {root, &measurer, hyph, NULL, NULL, NULL, NULL, false, NULL, &danish, NULL, NULL};
		rc = layout_run(agenda, &env, &doc, &d);
		fuzz_require(rc == AM_OK || d.errors > 0, "layout_run failed without a diag record");
		if (rc == AM_OK) {
			rc = draw_wheel(&doc, wp, &d);
			fuzz_require(rc == AM_OK || rc == AM_EINPUT, "aarshjul_draw");
		}
		if (rc == AM_OK && accepted++ % render_every == 0) {
			doc.meta.title = layout_title_in(agenda, danish.cat);
			doc.meta.author = wp->name;
			doc.meta.timestamp = 1767225600;  /* 2026-01-01 */
			doc.meta.pdfa = (size & 1) != 0;
			render_opts ro = {.fonts = fonts};
			rc = render_pdf(&doc, &ro, pdf_path, &d);
			rendered++;
			fuzz_require(rc == AM_OK || d.errors > 0, "render_pdf failed without a diag record");
		}
	}
	arena_free(a);
	return 0;
}
