/* test_render.c: the renderer on hand-built draw lists, written to files in
 * a temporary directory: a complete PDF, the same bytes twice, dates and IDs
 * from the content, link flags, tiling, PDF/A parts, and failures that never
 * leave a partial or damaged file (missing directory, /dev/full, a missing
 * image, an oversized font). */
#include "testutil.h"

#include <dirent.h>
#include <libdeflate.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "render.h"
#include "sha256.h"
#include "tile.h"

static char dir[64];
static font_family *fonts;

static char *path_in(const char *name)
{
	static char buf[384];
	snprintf(buf, sizeof buf, "%s/%s", dir, name);
	return buf;
}

/* The file's bytes (NUL-terminated, caller frees) and its size in *n. */
static char *slurp_raw(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	long len = ftell(f);
	rewind(f);
	char *p = malloc((size_t)len + 1);
	assert_non_null(p);
	assert_int_equal(fread(p, 1, (size_t)len, f), (size_t)len);
	p[len] = '\0';
	fclose(f);
	*n = (size_t)len;
	return p;
}

/* A PDF's bytes as slurp_raw gives them, followed by the objects its
 * compressed object streams hold, inflated: the tests look for objects
 * wherever the writer put them. */
static char *slurp(const char *path, size_t *n)
{
	char *p = slurp_raw(path, n);
	if (!p)
		return NULL;
	struct libdeflate_decompressor *z = libdeflate_alloc_decompressor();
	assert_non_null(z);
	size_t raw = *n;
	for (size_t i = 0; i + 12 <= raw; i++) {
		if (memcmp(p + i, "/Type/ObjStm", 12))
			continue;
		const char *at = p + i, *len = strstr(at, "/Length "), *data = strstr(at, "stream\n");
		assert_non_null(len);
		assert_non_null(data);
		size_t in = strtoul(len + 8, NULL, 10), cap = 64 * in + 4096, out = 0, off = (size_t)(data - p);
		char *q = realloc(p, *n + cap + 2);
		assert_non_null(q);
		p = q, data = q + off;
		assert_int_equal(libdeflate_zlib_decompress(z, data + 7, in, p + *n + 1, cap, &out), LIBDEFLATE_SUCCESS);
		p[*n] = '\n';
		*n += out + 1;
		p[*n] = '\0';
	}
	libdeflate_free_decompressor(z);
	return p;
}

static void spit(const char *path, const char *text)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

/* Occurrences of s in p[0..n), binary-safe. */
static int count(const char *p, size_t n, const char *s)
{
	int k = 0;
	size_t m = strlen(s);
	for (size_t i = 0; i + m <= n; i++)
		k += !memcmp(p + i, s, m);
	return k;
}

/* The first occurrence of s in p[0..n), binary-safe, or NULL. */
static const char *find(const char *p, size_t n, const char *s)
{
	size_t m = strlen(s);
	for (size_t i = 0; i + m <= n; i++)
		if (!memcmp(p + i, s, m))
			return p + i;
	return NULL;
}

static int n_tmp_files(void)
{
	DIR *d = opendir(dir);
	int k = 0;
	for (struct dirent *e; (e = readdir(d));)
		k += strstr(e->d_name, ".tmp") != NULL || strncmp(e->d_name, ".amokit-", 8) == 0;
	closedir(d);
	return k;
}

/* A one-page document with every command kind but images. */
static draw_doc *sample(arena *a)
{
	static const rgb black = {0, 0, 0};
	static path_el els[] = {{PATH_MOVE, {{100, 400}}},
	                        {PATH_CURVE, {{150, 350}, {250, 450}, {300, 400}}},
	                        {PATH_LINE, {{300, 500}}},
	                        {PATH_CLOSE, {{0, 0}}}};
	draw_doc *doc = arena_alloc(a, sizeof *doc);
	draw_init(doc, a);
	draw_page *pg = draw_add_page(doc, 595.28f, 841.89f);
	const char *t = "Arbejdsmiljøorganisationen – Łukasz Wiśniewski";
	assert_int_equal(draw_text(doc, pg, 56, 80, 11, FONT_REGULAR, black, t, strlen(t)), 0);
	assert_int_equal(draw_rect(doc, pg, (rect){56, 100, 200, 40}, 1, black, &(rgb){.9f, .9f, 1}), 0);
	assert_int_equal(draw_line(doc, pg, 56, 160, 500, 160, .5f, black), 0);
	draw_cmd p = {.kind = DRAW_PATH};
	p.u.path.els = els, p.u.path.n = 4, p.u.path.width = 1, p.u.path.fill = true, p.u.path.dash = 3;
	assert_non_null(draw_push(doc, pg, &p));
	draw_cmd r = {.kind = DRAW_TEXT};
	r.u.text.x = 300, r.u.text.y = 600, r.u.text.size = 12, r.u.text.angle = 1.5708f;
	r.u.text.style = FONT_BOLDITALIC, r.u.text.utf8 = "lodret";
	assert_non_null(draw_push(doc, pg, &r));
	draw_cmd k = {.kind = DRAW_LINK};
	k.u.link.r = (rect){56, 700, 100, 14}, k.u.link.uri = "https://example.org/";
	assert_non_null(draw_push(doc, pg, &k));
	assert_int_equal(draw_bookmark_add(doc, "Første afsnit", 0, 80, 0), 0);
	assert_int_equal(draw_bookmark_add(doc, "Under", 0, 100, 1), 0);
	doc->meta.title = "Referat – årlig drøftelse";
	doc->meta.author = "Bager & Søn";
	doc->meta.creator = "amokit test";
	doc->meta.timestamp = 1714557600;   /* 2024-05-01 10:00:00 UTC */
	return doc;
}

static int render(const draw_doc *doc, const char *path, diag *d)
{
	render_opts o = {.fonts = fonts};
	diag_init(d);
	return render_pdf(doc, &o, path, d);
}

static void writes_a_complete_pdf(void **state)
{
	(void)state;
	arena *a = arena_new();
	diag d;
	assert_int_equal(render(sample(a), path_in("a.pdf"), &d), AM_OK);
	size_t n;
	char *p = slurp_raw(path_in("a.pdf"), &n);
	assert_non_null(p);
	assert_memory_equal(p, "%PDF-1.", 7);
	assert_true(n > 100 && !memcmp(p + n - 6, "%%EOF", 5));
	assert_int_equal(count(p, n, "/FlateDecode") > 0, 1);
	assert_int_equal(n_tmp_files(), 0);
	free(p);
	arena_free(a);
}

static void same_list_gives_same_bytes(void **state)
{
	(void)state;
	arena *a = arena_new();
	diag d;
	draw_doc *doc = sample(a);
	assert_int_equal(render(doc, path_in("x1.pdf"), &d), AM_OK);
	sleep(1);   /* nothing may depend on the clock */
	assert_int_equal(render(doc, path_in("x2.pdf"), &d), AM_OK);
	size_t n1, n2;
	char *p1 = slurp(path_in("x1.pdf"), &n1), *p2 = slurp(path_in("x2.pdf"), &n2);
	assert_int_equal(n1, n2);
	assert_memory_equal(p1, p2, n1);
	free(p1), free(p2);
	arena_free(a);
}

/* A document written as its pages come (draw_stream into render_page) is
 * the same file, byte for byte, as the whole document rendered at once. */
static void streamed_pages_give_the_same_bytes(void **state)
{
	(void)state;
	arena *a = arena_new(), *pa = arena_new();
	diag d;
	draw_doc *whole = sample(a);
	draw_page *pg2 = draw_add_page(whole, 420, 595);
	assert_int_equal(draw_text(whole, pg2, 40, 60, 10, FONT_BOLD, (rgb){0, 0, 0}, "Side to", 7), 0);
	assert_int_equal(draw_bookmark_add(whole, "Anden side", 1, 60, 0), 0);
	assert_int_equal(render(whole, path_in("whole.pdf"), &d), AM_OK);
	draw_doc doc;
	draw_init(&doc, a);
	doc.meta = whole->meta;
	render_opts o = {.fonts = fonts, .digest = true};
	render_job *job;
	diag_init(&d);
	assert_int_equal(render_open(&doc, &o, path_in("streamed.pdf"), &job, &d), AM_OK);
	draw_stream(&doc, pa, render_page, job);
	for (size_t i = 0; i < whole->n_pages; i++) {
		draw_page *pg = draw_add_page(&doc, whole->pages[i].width, whole->pages[i].height);
		assert_non_null(pg);
		for (size_t k = 0; k < whole->pages[i].n; k++)
			assert_non_null(draw_push(&doc, pg, &whole->pages[i].cmds[k]));
	}
	for (size_t i = 0; i < whole->n_marks; i++) {
		const draw_bookmark *m = &whole->marks[i];
		assert_int_equal(draw_bookmark_add(&doc, m->title, m->page, m->y, m->level), 0);
	}
	assert_int_equal(draw_end(&doc), AM_OK);
	char hex[SHA256_HEX_SIZE], file_hex[SHA256_HEX_SIZE];
	assert_int_equal(render_close(job, true, hex), AM_OK);
	size_t n1, n2;
	char *p1 = slurp(path_in("whole.pdf"), &n1), *p2 = slurp(path_in("streamed.pdf"), &n2);
	assert_int_equal(n1, n2);
	assert_memory_equal(p1, p2, n1);
	assert_int_equal(sha256_file(path_in("streamed.pdf"), file_hex), 0);
	assert_string_equal(hex, file_hex);
	assert_int_equal(n_tmp_files(), 0);
	free(p1);
	free(p2);
	arena_free(a);
	arena_free(pa);
}

static void dates_and_id_come_from_the_content(void **state)
{
	(void)state;
	arena *a = arena_new();
	diag d;
	draw_doc *doc = sample(a);
	doc->meta.subject = "Șantier";   /* not in PDFDocEncoding */
	assert_int_equal(render(doc, path_in("m1.pdf"), &d), AM_OK);
	size_t n1, n2;
	char *p1 = slurp(path_in("m1.pdf"), &n1);
	assert_int_equal(count(p1, n1, "/CreationDate(D:20240501100000+00'00')"), 1);
	assert_int_equal(count(p1, n1, "/ModDate(D:20240501100000+00'00')"), 1);
	assert_int_equal(count(p1, n1, "/Creator(amokit test)"), 1);
	/* PDFDocEncoding where it holds the text (– is 0x85), else UTF-16BE. */
	assert_int_equal(count(p1, n1, "/Title(Referat \x85 \xe5" "rlig dr\xf8" "ftelse)"), 1);
	assert_int_equal(count(p1, n1, "/Subject<FEFF0218"), 1);
	assert_int_equal(count(p1, n1, "/Lang(da-DK)"), 1);
	const char *id = find(p1, n1, "/ID[<");
	assert_non_null(id);
	char first[40] = "";
	memcpy(first, id, 39);
	doc->pages[0].cmds[0].u.text.x += 1;
	assert_int_equal(render(doc, path_in("m2.pdf"), &d), AM_OK);
	char *p2 = slurp(path_in("m2.pdf"), &n2);
	assert_non_null(find(p2, n2, "/ID[<"));
	assert_null(find(p2, n2, first));   /* other content, other ID */
	free(p1), free(p2);
	arena_free(a);
}

static void links_are_borderless_and_printable(void **state)
{
	(void)state;
	arena *a = arena_new();
	diag d;
	assert_int_equal(render(sample(a), path_in("l.pdf"), &d), AM_OK);
	size_t n;
	char *p = slurp(path_in("l.pdf"), &n);
	assert_int_equal(count(p, n, "/Subtype/Link"), 1);
	assert_int_equal(count(p, n, "/F 4"), 1);
	assert_int_equal(count(p, n, "/URI(https://example.org/)"), 1);
	assert_int_equal(count(p, n, "/PageMode/UseOutlines"), 1);
	assert_int_equal(count(p, n, "/XYZ null"), 2);
	free(p);
	arena_free(a);
}

static void missing_directory_is_a_usage_error(void **state)
{
	(void)state;
	arena *a = arena_new();
	diag d;
	assert_int_equal(render(sample(a), path_in("nodir/a.pdf"), &d), AM_EUSAGE);
	assert_int_equal(d.errors, 1);
	assert_non_null(strstr(d.entries[0].file, "nodir/a.pdf"));
	assert_int_equal(access(path_in("nodir"), F_OK), -1);
	arena_free(a);
}

static void full_device_fails_cleanly(void **state)
{
	(void)state;
	if (access("/dev/full", W_OK) != 0)
		skip();
	arena *a = arena_new();
	diag d;
	assert_int_equal(render(sample(a), "/dev/full", &d), AM_EUSAGE);
	assert_string_equal(d.entries[0].file, "/dev/full");
	arena_free(a);
}

static void failure_keeps_the_old_file(void **state)
{
	(void)state;
	arena *a = arena_new();
	diag d;
	const char *target = arena_strdup(a, path_in("keep.pdf"));
	spit(target, "old content");
	draw_doc *doc = sample(a);
	draw_cmd img = {.kind = DRAW_IMAGE};
	img.u.image.r = (rect){10, 10, 50, 50};
	img.u.image.file = "no-such-logo.png";   /* no bytes: the layout did not read it */
	assert_non_null(draw_push(doc, &doc->pages[0], &img));
	assert_int_equal(render(doc, target, &d), AM_EINPUT);
	assert_non_null(strstr(d.entries[0].file, "no-such-logo.png"));
	size_t n;
	char *p = slurp(target, &n);
	assert_string_equal(p, "old content");
	free(p);
	/* Bytes that claim to be a PNG but are not one. */
	static const char bad[] = "\x89PNG\r\n\x1a\nthis is no image";
	draw_cmd *c = &doc->pages[0].cmds[doc->pages[0].n - 1];
	c->u.image.file = "bad.png";
	c->u.image.data = (const unsigned char *)bad;
	c->u.image.len = sizeof bad - 1;
	assert_int_equal(render(doc, target, &d), AM_EINPUT);
	assert_non_null(strstr(d.entries[0].file, "bad.png"));
	p = slurp(target, &n);
	assert_string_equal(p, "old content");
	free(p);
	assert_int_equal(n_tmp_files(), 0);
	/* Success replaces it. */
	doc->pages[0].n--;
	assert_int_equal(render(doc, target, &d), AM_OK);
	p = slurp(target, &n);
	assert_memory_equal(p, "%PDF-", 5);
	free(p);
	arena_free(a);
}

static void bad_text_is_refused_without_a_file(void **state)
{
	(void)state;
	arena *a = arena_new();
	diag d;
	draw_doc *doc = sample(a);
	doc->pages[0].cmds[0].u.text.size = 20000;
	assert_int_equal(render(doc, path_in("big.pdf"), &d), AM_EINPUT);
	assert_non_null(strstr(d.entries[0].msg, "font size"));
	assert_int_equal(access(path_in("big.pdf"), F_OK), -1);
	arena_free(a);
}

static void tiles_a_poster_over_sheets(void **state)
{
	(void)state;
	arena *a = arena_new();
	diag d;
	draw_doc *doc = sample(a);
	doc->pages[0].width = 1190, doc->pages[0].height = 1684;   /* A2 */
	static const tile_texts tx = {"Samling", {"1", "2", "3", "4"}, "Ark", "række", "kolonne", "Lim", "her", "klip", "Numre"};
	text_measurer m = font_measurer(fonts);
	tile_plan plan;
	diag_init(&d);
	assert_int_equal(tile_plan_make(doc, 0, 595.28f, 841.89f, &tx, &m, &plan, &d), AM_OK);
	render_opts o = {.fonts = fonts, .tile = &plan};
	assert_int_equal(render_pdf(doc, &o, path_in("t.pdf"), &d), AM_OK);
	size_t n;
	char *p = slurp(path_in("t.pdf"), &n);
	/* the assembly page and the sheets that show some of the drawing */
	assert_int_equal(count(p, n, "/Type/Page/"), (int)(1 + plan.n));
	assert_true(plan.n >= 1 && plan.n < 9);
	assert_int_equal(count(p, n, "/Subtype/Form"), 1);   /* the poster, drawn once */
	free(p);
	assert_int_equal(tile_plan_make(doc, 0, 80, 80, &tx, &m, &plan, &d), AM_EUSAGE);
	arena_free(a);
}

static void pdfa_adds_metadata_and_output_intent(void **state)
{
	(void)state;
	arena *a = arena_new();
	diag d;
	draw_doc *doc = sample(a);
	doc->meta.pdfa = true;
	assert_int_equal(render(doc, path_in("pa.pdf"), &d), AM_OK);
	size_t n;
	char *p = slurp(path_in("pa.pdf"), &n);
	assert_memory_equal(p, "%PDF-1.4", 8);
	assert_int_equal(count(p, n, "<pdfaid:part>1</pdfaid:part>"), 1);
	assert_int_equal(count(p, n, "Bager &amp; S\xc3\xb8n"), 1);   /* escaped, UTF-8 */
	assert_int_equal(count(p, n, "<xmp:CreateDate>2024-05-01T10:00:00+00:00</xmp:CreateDate>"), 1);
	assert_int_equal(count(p, n, "/CIDSet "), 2);   /* PDF/A-1 asks it of CID subsets */
	assert_int_equal(count(p, n, "/S/GTS_PDFA1"), 1);
	assert_int_equal(count(p, n, "/DestOutputProfile "), 1);
	free(p);
	arena_free(a);
}

/* ---- tiny PNG writer: 1×1 pixel, stored (uncompressed) deflate ---------- */

static uint32_t crc_png(const unsigned char *p, size_t n)
{
	uint32_t c = 0xFFFFFFFFu;
	for (size_t i = 0; i < n; i++) {
		c ^= p[i];
		for (int k = 0; k < 8; k++)
			c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
	}
	return c ^ 0xFFFFFFFFu;
}

static void put32(FILE *f, uint32_t v)
{
	unsigned char b[4] = {v >> 24, v >> 16, v >> 8, v};
	fwrite(b, 1, 4, f);
}

static void chunk(FILE *f, const char *type, const unsigned char *data, uint32_t n)
{
	unsigned char buf[64];
	memcpy(buf, type, 4);
	if (n)
		memcpy(buf + 4, data, n);
	put32(f, n);
	fwrite(buf, 1, n + 4, f);
	put32(f, crc_png(buf, n + 4));
}

/* Writes a 1×1 PNG of the given colour type, with a tRNS chunk when asked. */
static void make_png(const char *path, int colour_type, bool trns)
{
	static const int bpp[] = {1, 0, 3, 1, 2, 0, 4};
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	fwrite("\x89PNG\r\n\x1a\n", 1, 8, f);
	unsigned char ihdr[13] = {0, 0, 0, 1, 0, 0, 0, 1, 8, (unsigned char)colour_type, 0, 0, 0};
	chunk(f, "IHDR", ihdr, 13);
	if (colour_type == 3) {
		unsigned char plte[3] = {200, 40, 40};
		chunk(f, "PLTE", plte, 3);
	}
	if (trns) {
		unsigned char t[6] = {0, 0, 0, 0, 0, 0};
		chunk(f, "tRNS", t, colour_type == 0 ? 2 : colour_type == 2 ? 6 : 1);
	}
	unsigned char raw[5] = {0, 120, 130, 140, 150};
	uint32_t n = 1 + (uint32_t)bpp[colour_type];
	unsigned char z[32] = {0x78, 0x01, 0x01, (unsigned char)n, 0, (unsigned char)~n, 0xFF};
	memcpy(z + 7, raw, n);
	uint32_t a = 1, b = 0;
	for (uint32_t i = 0; i < n; i++) {
		a = (a + raw[i]) % 65521;
		b = (b + a) % 65521;
	}
	uint32_t ad = b << 16 | a;
	unsigned char adl[4] = {ad >> 24, ad >> 16, ad >> 8, ad};
	memcpy(z + 7 + n, adl, 4);
	chunk(f, "IDAT", z, 11 + n);
	chunk(f, "IEND", NULL, 0);
	fclose(f);
}

/* Renders one image of the given kind; returns the renderer's code. */
static int render_png(int colour_type, bool trns, bool pdfa)
{
	arena *a = arena_new();
	draw_doc *doc = sample(a);
	doc->meta.pdfa = pdfa;
	char *png = path_in("t.png");
	make_png(png, colour_type, trns);
	draw_cmd img = {.kind = DRAW_IMAGE};
	img.u.image.r = (rect){50, 50, 40, 40};
	img.u.image.file = arena_strdup(a, png);
	size_t n;
	char *bytes = slurp(png, &n);   /* the layout's part: the renderer gets bytes */
	img.u.image.data = (const unsigned char *)bytes;
	img.u.image.len = n;
	assert_non_null(draw_push(doc, &doc->pages[0], &img));
	diag d;
	diag_init(&d);
	int rc = render(doc, path_in("img.pdf"), &d);
	free(bytes);
	arena_free(a);
	return rc;
}

static void png_images_load_or_are_refused_cleanly(void **state)
{
	(void)state;
	assert_int_equal(render_png(2, false, false), AM_OK);
	assert_int_equal(render_png(6, false, false), AM_OK);
	assert_int_equal(render_png(3, true, false), AM_OK);
	/* A colour key in an RGB or grey image becomes a soft mask. */
	assert_int_equal(render_png(2, true, false), AM_OK);
	assert_int_equal(render_png(0, true, false), AM_OK);
	/* PDF/A-1 allows no transparency. */
	assert_int_equal(render_png(2, false, true), AM_OK);
	assert_int_equal(render_png(6, false, true), AM_EINPUT);
	assert_int_equal(render_png(4, false, true), AM_EINPUT);
	assert_int_equal(render_png(3, true, true), AM_EINPUT);
}

/* Each face is embedded cut to the glyphs its text used: a three-letter
 * word (one of them a composite, å = a + ring) makes a font program of a
 * couple of kilobytes, where the whole face is 24 KB. */
static void fonts_are_cut_to_the_glyphs_used(void **state)
{
	(void)state;
	arena *a = arena_new();
	draw_doc doc;
	draw_init(&doc, a);
	draw_page *pg = draw_add_page(&doc, 595.28f, 841.89f);
	assert_int_equal(draw_text(&doc, pg, 56, 80, 11, FONT_REGULAR, (rgb){0, 0, 0}, "Håb", 4), 0);
	assert_int_equal(draw_text(&doc, pg, 56, 100, 11, FONT_REGULAR, (rgb){0, 0, 0}, "bHå", 4), 0);
	diag d;
	assert_int_equal(render(&doc, path_in("cut.pdf"), &d), AM_OK);
	size_t n;
	char *p = slurp(path_in("cut.pdf"), &n);
	assert_non_null(p);
	assert_int_equal(count(p, n, "/FontFile2"), 1);
	const char *l = find(p, n, "/Length1 ");
	assert_non_null(l);
	long len1 = strtol(l + 9, NULL, 10);
	assert_true(len1 > 500 && len1 < 4000);
	free(p);
	arena_free(a);
}

static int setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof dir, "/tmp/amokit-render-XXXXXX");
	if (!mkdtemp(dir))
		return -1;
	diag d;
	diag_init(&d);
	fonts = font_load("fonts", &d);
	return fonts ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	font_free(fonts);
	DIR *d = opendir(dir);
	for (struct dirent *e; d && (e = readdir(d));)
		if (e->d_name[0] != '.')
			unlink(path_in(e->d_name));
	if (d)
		closedir(d);
	rmdir(dir);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(writes_a_complete_pdf),
		cmocka_unit_test(same_list_gives_same_bytes),
		cmocka_unit_test(streamed_pages_give_the_same_bytes),
		cmocka_unit_test(dates_and_id_come_from_the_content),
		cmocka_unit_test(links_are_borderless_and_printable),
		cmocka_unit_test(missing_directory_is_a_usage_error),
		cmocka_unit_test(full_device_fails_cleanly),
		cmocka_unit_test(failure_keeps_the_old_file),
		cmocka_unit_test(bad_text_is_refused_without_a_file),
		cmocka_unit_test(tiles_a_poster_over_sheets),
		cmocka_unit_test(pdfa_adds_metadata_and_output_intent),
		cmocka_unit_test(png_images_load_or_are_refused_cleanly),
		cmocka_unit_test(fonts_are_cut_to_the_glyphs_used),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
