/* test_layout.c: the layout engine with the fixed-width fake measurer:
 * loading and its errors, bindings, pagination, keep rules, tables whose
 * header repeats, boxes with writing lines, and a golden draw-list dump;
 * and that the shipped layouts, validated when amokit was built, are not
 * validated again while any other bytes are, and load from the images
 * compiled in exactly as they parse. */
#include "testutil.h"

#include <libxml/xmlmemory.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "catalog.h"
#include "data.h"
#include "draw.h"
#include "layout.h"
#include "../src/layout_int.h"   /* the compiled templates, to compare */

#define HEAD "<layout xmlns='urn:amokit:layout:1' version='1' title='T'>" \
             "<page size='A4' margin='20mm'/>"
#define MM (72.0f / 25.4f)

typedef struct fixture {
	arena *a;
	diag d;
	draw_doc doc;
	dnode *root;
} fixture;

static int setup(void **state)
{
	fixture *f = calloc(1, sizeof *f);
	f->a = arena_new();
	diag_init(&f->d);
	draw_init(&f->doc, f->a);
	f->root = data_add(f->a, NULL, "workplace", NULL, 1);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	fixture *f = *state;
	arena_free(f->a);
	free(f);
	return 0;
}

/* Loads xml and runs it against f->root; returns the layout code. */
static int run(fixture *f, const char *xml)
{
	layout *l;
	int rc = layout_load_mem(f->a, "test.xml", xml, strlen(xml), &l, &f->d);
	if (rc)
		return rc;
	layout_env env = {f->root, &text_fake_measurer, NULL, NULL, NULL, NULL, NULL, false, NULL, NULL, NULL, NULL};
	return layout_run(l, &env, &f->doc, &f->d);
}

static void add_leaf(fixture *f, dnode *parent, const char *name, const char *text)
{
	assert_non_null(data_add(f->a, parent, name, text, 0));
}

/* Counts text commands on page p whose text equals s (NULL: all). */
static size_t count_text(const draw_page *p, const char *s)
{
	size_t k = 0;
	for (size_t i = 0; i < p->n; i++)
		if (p->cmds[i].kind == DRAW_TEXT && (!s || strcmp(p->cmds[i].u.text.utf8, s) == 0))
			k++;
	return k;
}

/* Every text baseline lies inside the page's body or its margins' furniture. */
static void assert_text_inside(const draw_doc *doc, float top, float bottom)
{
	for (size_t i = 0; i < doc->n_pages; i++)
		for (size_t k = 0; k < doc->pages[i].n; k++) {
			const draw_cmd *c = &doc->pages[i].cmds[k];
			if (c->kind != DRAW_TEXT)
				continue;
			assert_true(c->u.text.y > 0 && c->u.text.y < doc->pages[i].height);
			assert_true(c->u.text.x >= 0 && c->u.text.x < doc->pages[i].width);
			(void)top;
			(void)bottom;
		}
}

static void a_malformed_layout_is_rejected_with_its_line(void **state)
{
	fixture *f = *state;
	int rc = run(f, HEAD "<body>\n<p>ok</p>\n<bogus/>\n</body></layout>");
	assert_int_equal(rc, AM_EINPUT);
	assert_true(f->d.n > 0);
	assert_int_equal(f->d.entries[0].line, 3);
}

/* Word-valued attributes and a table's widths are parsed when the layout
 * loads: the word's place in its vocabulary, the columns' points and
 * shares; a word outside the vocabulary is left as text. */
static void word_attributes_and_widths_are_parsed_when_a_layout_loads(void **state)
{
	fixture *f = *state;
	const char *xml = HEAD "<body><p align='right' style='small' hyphenate='false'>x</p>"
	                  "<table widths='20mm 1fr 2.5cm 3fr 12pt' rules='rows'><row><cell checkbox='true'>a</cell>"
	                  "</row></table><h1 bookmark='false'>t</h1></body></layout>";
	layout *l;
	assert_int_equal(layout_load_mem(f->a, "test.xml", xml, strlen(xml), &l, &f->d), AM_OK);
	const lnode *p = l->body->first, *t = p->next, *h = t->next;
	assert_int_equal(lattr_word(p, "align", ALIGN_LEFT), ALIGN_RIGHT);
	assert_int_equal(lattr_word(p, "style", -1), STYLE_SMALL);
	assert_int_equal(lattr_word(p, "hyphenate", true), false);
	assert_int_equal(lattr_word(p, "colour", 7), 7);   /* not a word */
	assert_int_equal(lattr_word(t, "rules", RULES_GRID), RULES_ROWS);
	assert_int_equal(lattr_word(t->first->first, "checkbox", false), true);
	assert_int_equal(lattr_word(h, "bookmark", true), false);
	assert_int_equal(lattr_word(h, "align", ALIGN_CENTER), ALIGN_CENTER);   /* absent */
	const lwidths *w = lattr_widths(t, "widths");
	assert_non_null(w);
	assert_int_equal(w->n, 5);
	const float mm = 72.0f / 25.4f;
	assert_true(w->w[0] == 20 * mm && w->fr[0] == 0);
	assert_true(w->w[1] == 0 && w->fr[1] == 1);
	assert_true(w->w[2] == 2.5f * (10 * mm) && w->fr[2] == 0);
	assert_true(w->w[3] == 0 && w->fr[3] == 3);
	assert_true(w->w[4] == 12 && w->fr[4] == 0);
	lattr odd = {"align", "justify", NULL, LA_TEXT, {0}};
	assert_true(lattr_parse(f->a, &odd));
	assert_int_equal(odd.type, LA_TEXT);
}

/* A layout reads a data node when one of its paths names it as a step. */
static void a_layout_reads_the_nodes_its_paths_name(void **state)
{
	fixture *f = *state;
	const char *xml = HEAD "<body><repeat over='wheel/activity'><p><field path='title'/></p></repeat>"
	                  "<if present='/wheel/year'><p>y</p></if></body></layout>";
	layout *l;
	assert_int_equal(layout_load_mem(f->a, "test.xml", xml, strlen(xml), &l, &f->d), AM_OK);
	assert_true(layout_reads(l, "activity"));
	assert_true(layout_reads(l, "wheel"));
	assert_true(layout_reads(l, "year"));
	assert_true(layout_reads(l, "title"));
	assert_false(layout_reads(l, "activities"));
	assert_false(layout_reads(l, "act"));
	assert_false(layout_reads(l, "people"));
}

static void a_doctype_is_refused(void **state)
{
	fixture *f = *state;
	int rc = run(f, "<!DOCTYPE x [<!ENTITY a 'b'>]>" HEAD "<body/></layout>");
	assert_int_equal(rc, AM_EINPUT);
}

/* ---- shipped layouts, validated at build time ------------------------- */

#define SHIPPED "layouts/dagsorden.xml"

/* The whole file at path (malloc'd, NUL-terminated); fails the test if not. */
static char *read_all(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	assert_non_null(fp);
	char *buf = malloc(1 << 20);
	assert_non_null(buf);
	*len = fread(buf, 1, (1 << 20) - 1, fp);
	buf[*len] = '\0';
	fclose(fp);
	return buf;
}

static int line_at(const char *s, const char *at)
{
	int line = 1;
	for (; s < at; s++)
		line += *s == '\n';
	return line;
}

static int load_as_shipped(fixture *f, const char *xml, size_t len)
{
	layout *l;
	diag_init(&f->d);
	return layout_load_mem(f->a, SHIPPED, xml, len, &l, &f->d);
}

static void one_changed_byte_in_a_shipped_layout_is_validated(void **state)
{
	fixture *f = *state;
	size_t len;
	char *xml = read_all(SHIPPED, &len);
	assert_int_equal(load_as_shipped(f, xml, len), AM_OK);
	char *size = strstr(xml, "<page size=");
	assert_non_null(size);
	size[6] = 'z';                                /* <page zize=...: not in the schema */
	assert_int_equal(load_as_shipped(f, xml, len), AM_EINPUT);
	assert_true(f->d.n > 0);
	assert_string_equal(f->d.entries[0].file, SHIPPED);
	assert_int_equal(f->d.entries[0].line, line_at(xml, strchr(size, '>')));   /* libxml2: where the start tag ends */
	assert_non_null(strstr(f->d.entries[0].msg, "zize"));
	free(xml);
}

/* libxml2's allocations, counted through its own allocator hooks. */
static long xml_allocs;
static void *counting_malloc(size_t n) { xml_allocs++; return malloc(n); }
static void *counting_realloc(void *p, size_t n) { xml_allocs++; return realloc(p, n); }
static char *counting_strdup(const char *s) { xml_allocs++; return strdup(s); }

static long xml_allocs_of_loading(fixture *f, const char *xml, size_t len)
{
	xmlFreeFunc free_fn;
	xmlMallocFunc malloc_fn;
	xmlReallocFunc realloc_fn;
	xmlStrdupFunc strdup_fn;
	xmlMemGet(&free_fn, &malloc_fn, &realloc_fn, &strdup_fn);
	xmlMemSetup(free, counting_malloc, counting_realloc, counting_strdup);
	xml_allocs = 0;
	int rc = load_as_shipped(f, xml, len);
	xmlMemSetup(free_fn, malloc_fn, realloc_fn, strdup_fn);
	assert_int_equal(rc, AM_OK);
	return xml_allocs;
}

/* Validation is invisible in a layout that passes it, but it costs
 * libxml2 allocations: a copy that differs from the shipped file in one
 * byte of a comment (still valid) needs many more than the file itself. */
static void a_shipped_layout_is_not_validated_again(void **state)
{
	fixture *f = *state;
	size_t len;
	char *shipped = read_all(SHIPPED, &len);
	char *edited = malloc(len + 1);
	assert_non_null(edited);
	memcpy(edited, shipped, len + 1);
	char *comment = strstr(edited, "<!--");
	assert_non_null(comment);
	comment[5] ^= 0x20;                           /* a letter's case */
	/* Once each first: the strings files and the schema are kept after. */
	xml_allocs_of_loading(f, shipped, len);
	xml_allocs_of_loading(f, edited, len);
	long trusted = xml_allocs_of_loading(f, shipped, len);
	long validated = xml_allocs_of_loading(f, edited, len);
	printf("libxml2 allocations: shipped %ld, edited copy %ld\n", trusted, validated);
	assert_true(validated > trusted + trusted / 2);
	free(edited);
	free(shipped);
}

/* ---- shipped layouts, compiled at build time ---------------------------- */

static bool same_str(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

/* The values two attributes were parsed into (layout_int.h), alike. */
static bool same_typed(const lattr *a, const lattr *b)
{
	if (a->type != b->type)
		return false;
	switch (a->type) {
	case LA_TEXT: return true;
	case LA_LENGTH: case LA_NUMBER: return a->v.number == b->v.number;
	case LA_COLOUR: return a->v.colour == b->v.colour;
	case LA_WIDTHS:
		return a->v.widths->n == b->v.widths->n &&
		       memcmp(a->v.widths->w, b->v.widths->w, a->v.widths->n * sizeof(float)) == 0 &&
		       memcmp(a->v.widths->fr, b->v.widths->fr, a->v.widths->n * sizeof(float)) == 0;
	default: return a->v.integer == b->v.integer;   /* LA_INT, a word */
	}
}

static bool same_attrs(const lattr *a, const lattr *b)
{
	for (; a && b; a = a->next, b = b->next)
		if (!same_str(a->name, b->name) || !same_str(a->value, b->value) || !same_typed(a, b))
			return false;
	return !a && !b;
}

static bool same_nodes(const lnode *a, const lnode *b)
{
	for (; a && b; a = a->next, b = b->next)
		if (a->kind != b->kind || a->line != b->line || !same_str(a->text, b->text) ||
		    !same_attrs(a->attrs, b->attrs) || !same_nodes(a->first, b->first))
			return false;
	return !a && !b;
}

static bool same_maps(const lmap *a, const lmap *b)
{
	for (; a && b; a = a->next, b = b->next) {
		if (!same_str(a->name, b->name) || a->n != b->n)
			return false;
		for (size_t i = 0; i < a->n; i++)
			if (!same_str(a->keys[i], b->keys[i]) || !same_str(a->values[i], b->values[i]))
				return false;
	}
	return !a && !b;
}

/* Every field of two loaded layouts, deeply. */
static void assert_same_layout(const layout *a, const layout *b)
{
	assert_string_equal(a->file, b->file);
	assert_true(same_str(a->title, b->title) && same_str(a->subject, b->subject) &&
	            same_str(a->keywords, b->keywords));
	assert_memory_equal(&a->page, &b->page, sizeof a->page);
	assert_true(a->base_size == b->base_size);
	assert_memory_equal(&a->accent, &b->accent, sizeof a->accent);
	for (int m = 0; m < 12; m++)
		assert_true(same_str(a->months[m], b->months[m]));
	assert_true(same_maps(a->maps, b->maps));
	assert_true(same_attrs(a->texts, b->texts));
	assert_true(same_nodes(a->header, b->header));
	assert_true(same_nodes(a->header_right, b->header_right));
	assert_true(same_nodes(a->footer, b->footer));
	assert_true(same_nodes(a->footer_right, b->footer_right));
	assert_true(same_nodes(a->body, b->body));
}

/* True when s lies in image im's string pool. */
static bool in_pool(const layout_image *im, const char *s)
{
	return s >= im->strs && s < im->strs + im->strs_len;
}

/* Each shipped layout loads from its compiled image (its texts are the
 * image's own), and that is deeply what parsing the file gives. */
static void shipped_layouts_load_from_their_templates_as_they_parse(void **state)
{
	fixture *f = *state;
	int templates = 0;
	for (const layout_digest *e = layout_shipped; e->file; e++) {
		if (!e->image)
			continue;
		char path[256];
		snprintf(path, sizeof path, "layouts/%s", e->file);
		if (e->image->root == ROOT_MESSAGES || e->image->root == ROOT_GLOSSARY)
			snprintf(path, sizeof path, "layouts/messages/%s", e->file);
		layout_root root = (layout_root)e->image->root;
		layout *compiled = NULL, *parsed = NULL;
		assert_int_equal(layout_load_as(f->a, path, root, &compiled, &f->d), AM_OK);
		assert_true(in_pool(e->image, compiled->title));
		size_t len;
		char *xml = read_all(path, &len);
		assert_int_equal(layout_load_mem_as(f->a, path, xml, len, root, &parsed, &f->d), AM_OK);
		assert_false(in_pool(e->image, parsed->title));
		assert_same_layout(compiled, parsed);
		free(xml);
		templates += root == ROOT_LAYOUT;
	}
	assert_int_equal(templates, 6);   /* one per document */
}

static void write_file(const char *path, const char *bytes, size_t len)
{
	FILE *fp = fopen(path, "wb");
	assert_non_null(fp);
	assert_int_equal(fwrite(bytes, 1, len, fp), len);
	assert_int_equal(fclose(fp), 0);
}

/* A shipped layout whose strings file next to it was edited is parsed, and
 * the edit shows; the unchanged copy next to the original still loads from
 * the template. */
static void an_edited_strings_file_makes_the_layout_parse(void **state)
{
	fixture *f = *state;
	char dir[] = "/tmp/amokit-test-layout-XXXXXX", path[128];
	assert_non_null(mkdtemp(dir));
	const char *files[] = {"aarshjul.xml", "aarshjul-style.xml"};
	for (size_t i = 0; i < 2; i++) {
		size_t len;
		char src[64];
		snprintf(src, sizeof src, "layouts/%s", files[i]);
		char *xml = read_all(src, &len);
		char *was = strstr(xml, "\"wheel-style-ink\">#");
		if (i == 1) {
			assert_non_null(was);
			memcpy(was + 18, "#123456", 7);   /* a strings value, as long as before */
		}
		snprintf(path, sizeof path, "%s/%s", dir, files[i]);
		write_file(path, xml, len);
		free(xml);
	}
	layout *edited = NULL, *shipped = NULL;
	snprintf(path, sizeof path, "%s/aarshjul.xml", dir);
	assert_int_equal(layout_load(f->a, path, &edited, &f->d), AM_OK);
	assert_int_equal(layout_load(f->a, "layouts/aarshjul.xml", &shipped, &f->d), AM_OK);
	assert_string_equal(layout_text(edited, "wheel-style-ink", NULL), "#123456");
	assert_string_not_equal(layout_text(shipped, "wheel-style-ink", NULL), "#123456");
	const layout_digest *e = layout_shipped;
	while (e->file && strcmp(e->file, "aarshjul.xml") != 0)
		e++;
	assert_non_null(e->image);
	assert_false(in_pool(e->image, edited->title));
	assert_true(in_pool(e->image, shipped->title));
	for (size_t i = 0; i < 2; i++) {
		snprintf(path, sizeof path, "%s/%s", dir, files[i]);
		assert_int_equal(remove(path), 0);
	}
	assert_int_equal(rmdir(dir), 0);
}

static void fields_and_conditions_follow_the_data(void **state)
{
	fixture *f = *state;
	add_leaf(f, f->root, "name", "Snedkeriet");
	const char *xml = HEAD "<strings href='none.xml'/><body/></layout>";
	assert_int_equal(run(f, xml), AM_EINPUT);   /* missing strings file */
	diag_init(&f->d);
	xml = HEAD "<body><p>Navn: <field path='/name'/></p>"
	      "<if present='/meeting'><p>MØDE</p></if>"
	      "<if absent='/meeting'><p>INTET</p></if></body></layout>";
	assert_int_equal(run(f, xml), AM_OK);
	assert_int_equal(f->doc.n_pages, 1);
	assert_int_equal(count_text(&f->doc.pages[0], "INTET"), 1);
	assert_int_equal(count_text(&f->doc.pages[0], "MØDE"), 0);
	assert_int_equal(count_text(&f->doc.pages[0], "Navn: Snedkeriet"), 1);
}

static void long_text_flows_over_pages_inside_the_margins(void **state)
{
	fixture *f = *state;
	char *xml = malloc(200000);
	strcpy(xml, HEAD "<footer-right>Side <page-number/> af <page-count/></footer-right><body>");
	for (int i = 0; i < 120; i++)
		strcat(xml, "<p>Arbejdsmiljøorganisationen drøfter hvert år samarbejdet og "
		            "kompetenceudviklingsplanen for det kommende år med alle.</p>");
	strcat(xml, "</body></layout>");
	assert_int_equal(run(f, xml), AM_OK);
	free(xml);
	assert_true(f->doc.n_pages >= 3);
	float top = 20 * MM, bottom = f->doc.pages[0].height - 20 * MM;
	for (size_t i = 0; i < f->doc.n_pages; i++) {
		const draw_page *p = &f->doc.pages[i];
		char want[64];
		snprintf(want, sizeof want, "Side %zu af %zu", i + 1, f->doc.n_pages);
		assert_int_equal(count_text(p, want), 1);
		for (size_t k = 0; k < p->n; k++) {
			const draw_cmd *c = &p->cmds[k];
			if (c->kind != DRAW_TEXT || strncmp(c->u.text.utf8, "Side", 4) == 0)
				continue;
			assert_true(c->u.text.y > top && c->u.text.y < bottom);
		}
	}
}

static void a_table_repeats_its_header_on_every_page(void **state)
{
	fixture *f = *state;
	dnode *plan = data_add(f->a, f->root, "action-plan", NULL, 0);
	for (int i = 0; i < 60; i++) {
		dnode *row = data_add(f->a, plan, "action", NULL, 0);
		add_leaf(f, row, "what", "Kemisk risikovurdering af rengøringsmidler i køkkenet");
		add_leaf(f, row, "who", "AMR");
	}
	const char *xml = HEAD "<body><h2>Handleplan</h2><table widths='2fr 1fr'>"
	                  "<header><cell>Hvad?</cell><cell>Hvem?</cell></header>"
	                  "<repeat over='action-plan/action'><row><cell><field path='what'/></cell>"
	                  "<cell><field path='who'/></cell></row></repeat></table></body></layout>";
	assert_int_equal(run(f, xml), AM_OK);
	assert_true(f->doc.n_pages >= 2);
	size_t whos = 0;
	for (size_t i = 0; i < f->doc.n_pages; i++) {
		assert_int_equal(count_text(&f->doc.pages[i], "Hvad?"), 1);
		whos += count_text(&f->doc.pages[i], "AMR");
	}
	assert_int_equal(whos, 60);
	assert_text_inside(&f->doc, 0, 0);
}

static void a_heading_is_never_last_on_a_page(void **state)
{
	fixture *f = *state;
	char xml[20000];
	strcpy(xml, HEAD "<body>");
	for (int i = 0; i < 30; i++)
		strcat(xml, "<h2>Overskrift</h2><p>En linje.</p><p>To linjer her, som fylder noget mere "
		            "end den første og derfor brydes over flere linjer i spalten.</p>");
	strcat(xml, "</body></layout>");
	assert_int_equal(run(f, xml), AM_OK);
	assert_true(f->doc.n_pages >= 2);
	for (size_t i = 0; i < f->doc.n_pages; i++) {
		const draw_page *p = &f->doc.pages[i];
		const draw_cmd *last = NULL;
		for (size_t k = 0; k < p->n; k++)
			if (p->cmds[k].kind == DRAW_TEXT)
				last = &p->cmds[k];
		assert_non_null(last);
		assert_string_not_equal(last->u.text.utf8, "Overskrift");
	}
}

static void a_box_draws_its_writing_lines_at_the_pitch(void **state)
{
	fixture *f = *state;
	const char *xml = HEAD "<body><box title='Noter' lines='6' pitch='9mm'/></body></layout>";
	assert_int_equal(run(f, xml), AM_OK);
	const draw_page *p = &f->doc.pages[0];
	float ys[16];
	size_t n = 0;
	for (size_t k = 0; k < p->n; k++)
		if (p->cmds[k].kind == DRAW_LINE && n < 16)
			ys[n++] = p->cmds[k].u.line.y1;
	assert_int_equal(n, 6);
	for (size_t i = 1; i < n; i++)
		assert_float_equal(ys[i] - ys[i - 1], 9 * MM, 0.01);
	assert_int_equal(count_text(p, "Noter"), 1);
}

static void a_pitch_below_8mm_is_raised(void **state)
{
	fixture *f = *state;
	const char *xml = HEAD "<body><box title='Noter' lines='3' pitch='4mm'/></body></layout>";
	assert_int_equal(run(f, xml), AM_OK);
	const draw_page *p = &f->doc.pages[0];
	float prev = -1;
	for (size_t k = 0; k < p->n; k++)
		if (p->cmds[k].kind == DRAW_LINE) {
			if (prev >= 0)
				assert_true(p->cmds[k].u.line.y1 - prev >= 8 * MM - 0.01);
			prev = p->cmds[k].u.line.y1;
		}
}

static void repeat_with_page_breaks_gives_one_page_per_item(void **state)
{
	fixture *f = *state;
	dnode *people = data_add(f->a, f->root, "people", NULL, 0);
	const char *names[] = {"Łukasz Wiśniewski", "Dóra Kovács", "Ævar Þórsson"};
	for (int i = 0; i < 3; i++) {
		dnode *p = data_add(f->a, people, "person", NULL, 0);
		add_leaf(f, p, "name", names[i]);
		add_leaf(f, p, "role", i ? "amr" : "employer");
	}
	const char *xml = HEAD "<body><repeat over='people/person' break='page'>"
	                  "<h1><field path='name'/></h1><box title='Noter' lines='3'/></repeat>"
	                  "<repeat over='people/person' where='role=amr'><p>AMR: <field path='name'/></p></repeat>"
	                  "</body></layout>";
	assert_int_equal(run(f, xml), AM_OK);
	assert_int_equal(f->doc.n_pages, 3);
	for (int i = 0; i < 3; i++)
		assert_int_equal(count_text(&f->doc.pages[i], names[i]), 1);
	assert_int_equal(count_text(&f->doc.pages[2], "AMR: Dóra Kovács"), 1);
	assert_int_equal(count_text(&f->doc.pages[2], "AMR: Ævar Þórsson"), 1);
	assert_int_equal(f->doc.n_marks, 3);
}

static void a_landscape_break_changes_the_paper(void **state)
{
	fixture *f = *state;
	const char *xml = HEAD "<body><p>Stående</p><page-break orientation='landscape'/>"
	                  "<p>Liggende</p></body></layout>";
	assert_int_equal(run(f, xml), AM_OK);
	assert_int_equal(f->doc.n_pages, 2);
	assert_true(f->doc.pages[0].width < f->doc.pages[0].height);
	assert_true(f->doc.pages[1].width > f->doc.pages[1].height);
}

/* Collects every word drawn in doc (split at spaces) into one string. */
static char *all_words(const draw_doc *doc)
{
	size_t cap = 1 << 20, len = 0;
	char *out = calloc(1, cap);
	for (size_t i = 0; i < doc->n_pages; i++)
		for (size_t k = 0; k < doc->pages[i].n; k++) {
			const draw_cmd *c = &doc->pages[i].cmds[k];
			if (c->kind == DRAW_TEXT && len + strlen(c->u.text.utf8) + 2 < cap)
				len += (size_t)sprintf(out + len, " %s", c->u.text.utf8);
		}
	out[len] = ' ';
	return out;
}

static void grid_cells_taller_than_a_page_split_without_losing_lines(void **state)
{
	fixture *f = *state;
	char *xml = malloc(400000);
	strcpy(xml, HEAD "<body><h2>Felter</h2><grid cols='2'><box title='Venstre'><p>");
	for (int i = 0; i < 700; i++)
		sprintf(xml + strlen(xml), "v%d ", i);
	strcat(xml, "</p></box><box title='Højre'><ul>");
	for (int i = 0; i < 60; i++) {
		strcat(xml, "<li>");
		for (int k = 0; k < 9; k++)
			sprintf(xml + strlen(xml), "h%d ", i * 9 + k);
		strcat(xml, "</li>");
	}
	strcat(xml, "</ul></box></grid></body></layout>");
	assert_int_equal(run(f, xml), AM_OK);
	free(xml);
	assert_true(f->doc.n_pages >= 3);
	float bottom = f->doc.pages[0].height - 20 * MM + 0.5f;
	for (size_t i = 0; i < f->doc.n_pages; i++)
		for (size_t k = 0; k < f->doc.pages[i].n; k++) {
			const draw_cmd *c = &f->doc.pages[i].cmds[k];
			if (c->kind == DRAW_TEXT)
				assert_true(c->u.text.y < bottom);
			if (c->kind == DRAW_LINE)
				assert_true(c->u.line.y1 <= bottom && c->u.line.y2 <= bottom);
		}
	/* Every word exactly once, in order, in each column. */
	char *words = all_words(&f->doc);
	const char *at = words;
	for (int i = 0; i < 700; i++) {
		char w[16];
		snprintf(w, sizeof w, " v%d ", i);
		const char *hit = strstr(at, w);
		assert_non_null(hit);
		at = hit + 1;
	}
	for (int i = 0; i < 540; i++) {
		char w[16];
		snprintf(w, sizeof w, " h%d ", i);
		const char *hit = strstr(words, w);
		assert_non_null(hit);
		assert_null(strstr(hit + 1, w));
	}
	free(words);
}

static void a_kept_group_keeps_its_distance(void **state)
{
	fixture *f = *state;
	const char *xml = HEAD "<body><p>Over</p><keep><h3>Holdt samlet</h3><p>Under</p></keep></body></layout>";
	assert_int_equal(run(f, xml), AM_OK);
	const draw_page *p = &f->doc.pages[0];
	float over = 0, head = 0;
	for (size_t k = 0; k < p->n; k++) {
		if (p->cmds[k].kind != DRAW_TEXT)
			continue;
		if (!strcmp(p->cmds[k].u.text.utf8, "Over"))
			over = p->cmds[k].u.text.y;
		if (!strcmp(p->cmds[k].u.text.utf8, "Holdt samlet"))
			head = p->cmds[k].u.text.y;
	}
	/* A line of text plus the heading's space before it (1 × base size). */
	assert_true(head - over > 10.5f * 1.38f + 10.5f - 0.5f);
}

static void a_printed_url_becomes_a_link(void **state)
{
	fixture *f = *state;
	const char *xml = HEAD "<body><p>Læs reglerne på https://at.dk/regler/arbejdsmiljoearbejde. "
	                  "Spørg AMR.</p></body></layout>";
	assert_int_equal(run(f, xml), AM_OK);
	const draw_page *p = &f->doc.pages[0];
	size_t links = 0;
	for (size_t k = 0; k < p->n; k++)
		if (p->cmds[k].kind == DRAW_LINK) {
			links++;
			assert_string_equal(p->cmds[k].u.link.uri, "https://at.dk/regler/arbejdsmiljoearbejde");
			assert_true(p->cmds[k].u.link.r.w > 0 && p->cmds[k].u.link.r.h > 0);
		}
	assert_int_equal(links, 1);
}

/* Counts text commands on all pages whose text ends in a hyphen. */
static size_t hyphenated_lines(const draw_doc *doc, float min_size)
{
	size_t n = 0;
	for (size_t i = 0; i < doc->n_pages; i++)
		for (size_t k = 0; k < doc->pages[i].n; k++) {
			const draw_cmd *c = &doc->pages[i].cmds[k];
			size_t len = c->kind == DRAW_TEXT ? strlen(c->u.text.utf8) : 0;
			n += len && c->u.text.utf8[len - 1] == '-' && c->u.text.size >= min_size;
		}
	return n;
}

static void headings_are_never_hyphenated_paragraphs_are(void **state)
{
	fixture *f = *state;
	text_hyph *h = text_hyph_open("/usr/share/hyphen/hyph_da_DK.dic");
	if (!h)
		skip();
	layout *l;
	const char *xml = "<layout xmlns='urn:amokit:layout:1' version='1' title='T'>"
	                  "<page size='60x200' margin='15mm'/><body>"
	                  "<h2>Opfølgning på arbejdspladsvurderingerne</h2>"
	                  "<p size='7'>Opfølgning på arbejdspladsvurderingerne og drøftelsen</p>"
	                  "</body></layout>";
	assert_int_equal(layout_load_mem(f->a, "t.xml", xml, strlen(xml), &l, &f->d), AM_OK);
	layout_env env = {f->root, &text_fake_measurer, h, NULL, NULL, NULL, NULL, false, NULL, NULL, NULL, NULL};
	assert_int_equal(layout_run(l, &env, &f->doc, &f->d), AM_OK);
	assert_int_equal(hyphenated_lines(&f->doc, 12), 0);   /* the heading, at 14.7 pt */
	assert_true(hyphenated_lines(&f->doc, 0) > 0);        /* the paragraph, at 7 pt */
	text_hyph_close(h);
}

/* Compound joints are the language's: a Danish sheet after a Polish one
 * breaks "arbejdsmiljø" at its joint as a Danish sheet alone does, though
 * the Polish catalog has no joints and the paragraph was broken for the
 * Polish sheet first (the run keeps broken paragraphs for reuse). No
 * hyphenation patterns: only the joints break a word here. */
static const layout_lang *polish_for(void *ctx, const char *code)
{
	return strcmp(code, "pl") == 0 ? ctx : NULL;
}

static size_t danish_sheet_breaks(fixture *f, bool polish_first)
{
	catalog *da, *pl;
	assert_int_equal(catalog_load(f->a, "layouts", "da", NULL, &da, &f->d), AM_OK);
	assert_int_equal(catalog_load(f->a, "layouts", "pl", da, &pl, &f->d), AM_OK);
	layout_lang da_lang = {da, NULL}, pl_lang = {pl, NULL};
	dnode *people = data_add(f->a, f->root, "people", NULL, 0);
	if (polish_first)
		add_leaf(f, data_add(f->a, people, "person", NULL, 0), "lang", "pl");
	data_add(f->a, people, "person", NULL, 0);
	layout *l;
	const char *xml = "<layout xmlns='urn:amokit:layout:1' version='1' title='T'>"
	                  "<page size='60x200' margin='15mm'/><body>"
	                  "<repeat over='people/person' lang='lang' break='page'>"
	                  "<p size='7'>Arbejdsmiljøorganisationen drøfter arbejdsmiljøarbejdet</p>"
	                  "</repeat></body></layout>";
	assert_int_equal(layout_load_mem(f->a, "t.xml", xml, strlen(xml), &l, &f->d), AM_OK);
	layout_env env = {f->root, &text_fake_measurer, NULL, NULL, NULL, NULL, NULL, false, NULL, &da_lang,
	                  polish_for, &pl_lang};
	assert_int_equal(layout_run(l, &env, &f->doc, &f->d), AM_OK);
	assert_int_equal(f->doc.n_pages, polish_first ? 2 : 1);
	draw_doc last = f->doc;
	last.pages += f->doc.n_pages - 1;
	last.n_pages = 1;
	return hyphenated_lines(&last, 0);
}

static void each_language_breaks_at_its_own_joints(void **state)
{
	fixture *f = *state;
	size_t alone = danish_sheet_breaks(f, false);
	assert_true(alone > 0);
	teardown(state);
	setup(state);
	assert_int_equal(danish_sheet_breaks(*state, true), alone);
}

/* A hyphen a line break added is drawn as an artifact; the paragraph's
 * own text gives every word whole. */
static void an_added_hyphen_is_an_artifact(void **state)
{
	fixture *f = *state;
	text_hyph *h = text_hyph_open("/usr/share/hyphen/hyph_da_DK.dic");
	if (!h)
		skip();
	layout *l;
	const char *para = "Opfølgning på arbejdspladsvurderingerne og arbejdsmiljødrøftelsen";
	char xml[512];
	snprintf(xml, sizeof xml,
	         "<layout xmlns='urn:amokit:layout:1' version='1' title='T'>"
	         "<page size='60x200' margin='15mm'/><body><p size='7'>%s</p></body></layout>", para);
	assert_int_equal(layout_load_mem(f->a, "t.xml", xml, strlen(xml), &l, &f->d), AM_OK);
	layout_env env = {f->root, &text_fake_measurer, h, NULL, NULL, NULL, NULL, false, NULL, NULL, NULL, NULL};
	assert_int_equal(layout_run(l, &env, &f->doc, &f->d), AM_OK);
	char text[512] = "";
	size_t hyphens = 0;
	int artifact = 0;
	for (size_t i = 0; i < f->doc.n_pages; i++)
		for (size_t k = 0; k < f->doc.pages[i].n; k++) {
			const draw_cmd *c = &f->doc.pages[i].cmds[k];
			artifact += c->kind == DRAW_ARTIFACT_BEGIN;
			artifact -= c->kind == DRAW_ARTIFACT_END;
			if (c->kind != DRAW_TEXT)
				continue;
			if (artifact) {
				assert_string_equal(c->u.text.utf8, "-");
				hyphens++;
			} else {
				assert_true(strlen(text) + strlen(c->u.text.utf8) < sizeof text);
				strcat(text, c->u.text.utf8);
			}
		}
	assert_true(hyphens > 0);             /* the paragraph was hyphenated */
	assert_string_equal(text, para);      /* and reads whole */
	text_hyph_close(h);
}

static void each_repetition_is_numbered_on_its_own(void **state)
{
	fixture *f = *state;
	dnode *people = data_add(f->a, f->root, "people", NULL, 0);
	for (int i = 0; i < 3; i++) {
		dnode *p = data_add(f->a, people, "person", NULL, 0);
		add_leaf(f, p, "name", i == 1 ? "Bo" : "Anne");
	}
	assert_int_equal(run(f, HEAD "<footer-right>Side <page-number/> af <page-count/></footer-right><body>"
	                        "<repeat over='people/person' break='page' page-numbers='each'>"
	                        "<h1><field path='name'/></h1><if path='name' equals='Bo'><page-break/>"
	                        "<p>Bilag</p></if></repeat></body></layout>"), AM_OK);
	assert_int_equal(f->doc.n_pages, 4);
	assert_int_equal(count_text(&f->doc.pages[0], "Side 1 af 1"), 1);
	assert_int_equal(count_text(&f->doc.pages[1], "Side 1 af 2"), 1);
	assert_int_equal(count_text(&f->doc.pages[2], "Side 2 af 2"), 1);
	assert_int_equal(count_text(&f->doc.pages[3], "Side 1 af 1"), 1);
}

/* A kept text too long for its column's limit wraps between its words and
 * leaves the room it cannot use to a short cell that then fits on a line. */
static void a_short_cell_keeps_its_line_beside_a_long_kept_one(void **state)
{
	fixture *f = *state;
	add_leaf(f, f->root, "name", "Plejecenter Ægir Ştefăneşti Олександрівка Αγία Ελένη og Omegn");
	add_leaf(f, f->root, "place", "Mødelokale Ålborg");
	assert_int_equal(run(f, HEAD "<body><table widths='5fr 4fr 3fr 4fr'>"
	                        "<header><cell>Arbejdsplads</cell><cell>Dato</cell>"
	                        "<cell>Tidspunkt</cell><cell>Sted</cell></header>"
	                        "<row><cell><field path='name' hyphenate='false'/></cell>"
	                        "<cell>12. marts 2026</cell><cell>Kl. 09.00–11.30</cell>"
	                        "<cell><field path='place' hyphenate='false'/></cell></row>"
	                        "</table></body></layout>"), AM_OK);
	assert_int_equal(count_text(&f->doc.pages[0], "Kl. 09.00–11.30"), 1);
	assert_int_equal(count_text(&f->doc.pages[0], "Mødelokale Ålborg"), 1);
}

/* A header's word may not be hyphenated: its column is at least as wide
 * as the word, even beyond the layout's limit for a narrow share, and the
 * other columns give way ("Fraværsdag" over "e" before). */
#define LONG "Klemskade på en finger i kantpressen under værktøjsskift, tre ugers fravær"
static void a_header_word_is_never_broken(void **state)
{
	fixture *f = *state;
	assert_int_equal(run(f, HEAD "<body><table widths='8fr 8fr 8fr 1fr'>"
	                        "<header><cell>Dato</cell><cell>Art</cell>"
	                        "<cell>Opfølgning</cell><cell>Fraværsdage</cell></header>"
	                        "<row><cell>" LONG "</cell><cell>" LONG "</cell>"
	                        "<cell>" LONG "</cell><cell>15</cell></row>"
	                        "</table></body></layout>"), AM_OK);
	assert_int_equal(count_text(&f->doc.pages[0], "Fraværsdage"), 1);
}
#undef LONG

/* A streamed document's pages, as its sink sees them: the page numbers
 * printed in the footer, in order, and the bytes the document's arena had
 * handed out when each page came. */
typedef struct footer_log {
	const arena *a;
	char seen[8][16];
	size_t used[512];
	size_t n;
} footer_log;

static int log_footer(void *ctx, const draw_page *pg, size_t index, bool last)
{
	(void)last;
	footer_log *log = ctx;
	assert_int_equal(index, log->n);
	assert_true(log->n < 512);
	for (size_t i = 0; i < pg->n; i++)
		if (pg->cmds[i].kind == DRAW_TEXT && strncmp(pg->cmds[i].u.text.utf8, "Side ", 5) == 0 &&
		    log->n < 8)
			snprintf(log->seen[log->n], sizeof log->seen[0], "%s", pg->cmds[i].u.text.utf8 + 5);
	log->used[log->n++] = arena_used(log->a);
	return AM_OK;
}

/* A streamed document is built and drawn a group of pages numbered on
 * their own at a time: its memory does not grow from one group to the
 * next, and the numbers are those of the whole document. */
static void a_streamed_repeat_holds_one_group(void **state)
{
	fixture *f = *state;
	dnode *people = data_add(f->a, f->root, "people", NULL, 0);
	for (int i = 0; i < 300; i++) {
		dnode *p = data_add(f->a, people, "person", NULL, 0);
		add_leaf(f, p, "name", i == 1 ? "Bo" : "Anne Hansen Bech");
	}
	const char *xml = HEAD "<footer-right>Side <page-number/> af <page-count/></footer-right><body>"
	                  "<repeat over='people/person' break='page' page-numbers='each'>"
	                  "<p>Navn: <field path='name'/></p><table widths='1fr 2fr'><row><cell>Rolle</cell>"
	                  "<cell>Leder</cell></row></table><if path='name' equals='Bo'><page-break/>"
	                  "<p>Bilag</p></if></repeat></body></layout>";
	layout *l;
	assert_int_equal(layout_load_mem(f->a, "test.xml", xml, strlen(xml), &l, &f->d), AM_OK);
	arena *pages = arena_new();
	footer_log log = {.a = f->a};
	draw_stream(&f->doc, pages, log_footer, &log);
	layout_env env = {f->root, &text_fake_measurer, NULL, NULL, NULL, NULL, NULL, false, NULL, NULL, NULL, NULL};
	assert_int_equal(layout_run(l, &env, &f->doc, &f->d), AM_OK);
	assert_int_equal(draw_end(&f->doc), AM_OK);
	arena_free(pages);
	assert_int_equal(log.n, 301);
	assert_string_equal(log.seen[0], "1 af 1");
	assert_string_equal(log.seen[1], "1 af 2");
	assert_string_equal(log.seen[2], "2 af 2");
	assert_string_equal(log.seen[3], "1 af 1");
	/* The last of 300 groups came with the memory of the third. */
	assert_int_equal(log.used[300], log.used[3]);
}

static void free_text_keeps_paragraphs_and_lists(void **state)
{
	fixture *f = *state;
	add_leaf(f, f->root, "notes", "Første afsnit.\n\nAndet afsnit:\n- et punkt\n- to punkter");
	assert_int_equal(run(f, HEAD "<body><p><b>Drøftet:</b> <field path='notes'/></p>"
	                        "<table widths='1fr'><row><cell><field path='notes'/></cell></row></table>"
	                        "</body></layout>"), AM_OK);
	const draw_page *p = &f->doc.pages[0];
	assert_int_equal(count_text(p, "\xE2\x80\xA2"), 4);       /* two items, twice */
	assert_int_equal(count_text(p, "Andet afsnit:"), 2);
	assert_int_equal(count_text(p, "et punkt"), 2);
	assert_int_equal(count_text(p, "to punkter"), 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(a_malformed_layout_is_rejected_with_its_line, setup, teardown),
		cmocka_unit_test_setup_teardown(a_doctype_is_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(a_layout_reads_the_nodes_its_paths_name, setup, teardown),
		cmocka_unit_test_setup_teardown(word_attributes_and_widths_are_parsed_when_a_layout_loads, setup, teardown),
		cmocka_unit_test_setup_teardown(one_changed_byte_in_a_shipped_layout_is_validated, setup, teardown),
		cmocka_unit_test_setup_teardown(a_shipped_layout_is_not_validated_again, setup, teardown),
		cmocka_unit_test_setup_teardown(shipped_layouts_load_from_their_templates_as_they_parse, setup, teardown),
		cmocka_unit_test_setup_teardown(an_edited_strings_file_makes_the_layout_parse, setup, teardown),
		cmocka_unit_test_setup_teardown(fields_and_conditions_follow_the_data, setup, teardown),
		cmocka_unit_test_setup_teardown(long_text_flows_over_pages_inside_the_margins, setup, teardown),
		cmocka_unit_test_setup_teardown(a_table_repeats_its_header_on_every_page, setup, teardown),
		cmocka_unit_test_setup_teardown(a_heading_is_never_last_on_a_page, setup, teardown),
		cmocka_unit_test_setup_teardown(a_box_draws_its_writing_lines_at_the_pitch, setup, teardown),
		cmocka_unit_test_setup_teardown(a_pitch_below_8mm_is_raised, setup, teardown),
		cmocka_unit_test_setup_teardown(repeat_with_page_breaks_gives_one_page_per_item, setup, teardown),
		cmocka_unit_test_setup_teardown(a_landscape_break_changes_the_paper, setup, teardown),
		cmocka_unit_test_setup_teardown(grid_cells_taller_than_a_page_split_without_losing_lines, setup, teardown),
		cmocka_unit_test_setup_teardown(a_kept_group_keeps_its_distance, setup, teardown),
		cmocka_unit_test_setup_teardown(a_printed_url_becomes_a_link, setup, teardown),
		cmocka_unit_test_setup_teardown(headings_are_never_hyphenated_paragraphs_are, setup, teardown),
		cmocka_unit_test_setup_teardown(each_language_breaks_at_its_own_joints, setup, teardown),
		cmocka_unit_test_setup_teardown(an_added_hyphen_is_an_artifact, setup, teardown),
		cmocka_unit_test_setup_teardown(each_repetition_is_numbered_on_its_own, setup, teardown),
		cmocka_unit_test_setup_teardown(a_streamed_repeat_holds_one_group, setup, teardown),
		cmocka_unit_test_setup_teardown(free_text_keeps_paragraphs_and_lists, setup, teardown),
		cmocka_unit_test_setup_teardown(a_short_cell_keeps_its_line_beside_a_long_kept_one, setup, teardown),
		cmocka_unit_test_setup_teardown(a_header_word_is_never_broken, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
