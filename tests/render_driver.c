/* render_driver.c: renders a hand-built specimen draw list, for
 * tests/e2e/render_specimen.sh (which builds this file against the
 * library). It uses every command kind, the European names the layout
 * issue requires to round-trip, Danish text and quotes, two pages and
 * bookmarks. usage: render_driver OUT.pdf plain|tile|pdfa IMAGE.png
 *
 * render_driver OUT.pdf lines TEXT.txt instead sets each line of TEXT.txt
 * (UTF-8) on a page of its own, upright in the regular face, and once more
 * turned by 30° inside a span that carries the line (as the årshjul's
 * labels are), for tests/e2e/text_extract.sh. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render.h"
#include "tile.h"

static const char *const names =
	"Łukasz Wiśniewski, Dóra Kovács, Ştefan Ţurcanu, Rūta Žemaitė, Çağla Öztürk, Ævar Þórsson, Jürgen Groß";
static const char *const danish = "æøå ÆØÅ – “citat”";
static const rgb black = {0, 0, 0}, blue = {0, .2f, .6f};

static void text(draw_doc *doc, draw_page *pg, float x, float y, float size, font_style st, const char *s)
{
	draw_text(doc, pg, x, y, size, st, black, s, strlen(s));
}

/* The image file's bytes (the layout reads them in amokit; here the
 * caller's file is trusted); NULL when it cannot be read. */
static unsigned char *slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	unsigned char *p = NULL;
	long len = f && fseek(f, 0, SEEK_END) == 0 ? ftell(f) : -1;
	if (len >= 0 && fseek(f, 0, SEEK_SET) == 0 && (p = malloc((size_t)len + 1)) &&
	    fread(p, 1, (size_t)len, f) != (size_t)len) {
		free(p);
		p = NULL;
	}
	if (f)
		fclose(f);
	*n = len > 0 ? (size_t)len : 0;
	return p;
}

static void first_page(draw_doc *doc, const char *image, const unsigned char *data, size_t len)
{
	static const path_el wave[] = {{PATH_MOVE, {{60, 470}}},
	                               {PATH_CURVE, {{160, 400}, {260, 540}, {360, 470}}},
	                               {PATH_LINE, {{360, 520}}},
	                               {PATH_LINE, {{60, 520}}},
	                               {PATH_CLOSE, {{0, 0}}}};
	draw_page *pg = draw_add_page(doc, 595.28f, 841.89f);
	text(doc, pg, 60, 80, 20, FONT_BOLD, "Arbejdsmiljøorganisationen");
	text(doc, pg, 60, 110, 9, FONT_REGULAR, names);
	text(doc, pg, 60, 130, 12, FONT_ITALIC, danish);
	text(doc, pg, 60, 150, 11, FONT_BOLDITALIC, "kompetenceudviklingsplan");
	draw_rect(doc, pg, (rect){60, 170, 240, 120}, 1, black, &(rgb){.92f, .95f, 1});
	text(doc, pg, 70, 190, 11, FONT_BOLD, "Boks med tekst");
	for (int i = 0; i < 4; i++)
		draw_line(doc, pg, 70, 215 + 22.0f * i, 290, 215 + 22.0f * i, .4f, (rgb){.5f, .5f, .5f});
	draw_cmd dash = {.kind = DRAW_LINE};
	dash.u.line.x1 = 60, dash.u.line.y1 = 320, dash.u.line.x2 = 535, dash.u.line.y2 = 320;
	dash.u.line.width = 1, dash.u.line.dash = 4, dash.u.line.colour = blue;
	draw_push(doc, pg, &dash);
	draw_cmd rot = {.kind = DRAW_TEXT};
	rot.u.text.x = 480, rot.u.text.y = 300, rot.u.text.size = 14, rot.u.text.angle = 1.5708f;
	rot.u.text.style = FONT_REGULAR, rot.u.text.colour = blue, rot.u.text.utf8 = "Lodret";
	draw_push(doc, pg, &rot);
	draw_cmd p = {.kind = DRAW_PATH};
	p.u.path.els = wave, p.u.path.n = 5, p.u.path.width = 1.5f, p.u.path.fill = true;
	p.u.path.fill_colour = (rgb){1, .85f, .7f}, p.u.path.stroke_colour = (rgb){.7f, .3f, 0};
	draw_push(doc, pg, &p);
	draw_cmd img = {.kind = DRAW_IMAGE};
	img.u.image.r = (rect){400, 170, 120, 60}, img.u.image.file = image;
	img.u.image.data = data, img.u.image.len = len;
	draw_push(doc, pg, &img);
	text(doc, pg, 60, 580, 11, FONT_REGULAR, "https://at.dk/");
	draw_cmd link = {.kind = DRAW_LINK};
	link.u.link.r = (rect){58, 568, 90, 16}, link.u.link.uri = "https://at.dk/";
	draw_push(doc, pg, &link);
	draw_bookmark_add(doc, "Forside – Ævar", 0, 80, 0);
	draw_bookmark_add(doc, "Boks", 0, 170, 1);
}

/* A page per line of the file: upright, then turned inside a span. */
static int lines_doc(draw_doc *doc, const char *file)
{
	FILE *f = fopen(file, "r");
	if (!f)
		return -1;
	char line[1024];
	while (fgets(line, sizeof line, f)) {
		line[strcspn(line, "\n")] = '\0';
		if (!line[0])
			continue;
		draw_page *pg = draw_add_page(doc, 595.28f, 841.89f);
		text(doc, pg, 40, 100, 12, FONT_REGULAR, line);
		draw_span_begin(doc, pg, line, strlen(line));
		draw_cmd rot = {.kind = DRAW_TEXT};
		rot.u.text.x = 100, rot.u.text.y = 600, rot.u.text.size = 14, rot.u.text.angle = 0.5236f;
		rot.u.text.style = FONT_BOLD, rot.u.text.utf8 = arena_strdup(doc->arena, line);
		draw_push(doc, pg, &rot);
		draw_span_end(doc, pg);
	}
	fclose(f);
	return doc->n_pages ? 0 : -1;
}

int main(int argc, char **argv)
{
	if (argc != 4) {
		fputs("usage: render_driver OUT.pdf plain|tile|pdfa IMAGE.png | lines TEXT.txt\n", stderr);
		return 2;
	}
	diag d;
	diag_init(&d);
	font_family *fonts = font_load("fonts", &d);
	arena *a = arena_new();
	if (!fonts || !a) {
		diag_print(&d, stderr);
		return 3;
	}
	draw_doc doc;
	draw_init(&doc, a);
	if (!strcmp(argv[2], "lines")) {
		render_opts o = {.fonts = fonts};
		int rc = lines_doc(&doc, argv[3]) ? 2 : render_pdf(&doc, &o, argv[1], &d);
		diag_print(&d, stderr);
		arena_free(a);
		font_free(fonts);
		return rc;
	}
	size_t len;
	unsigned char *image = slurp(argv[3], &len);
	first_page(&doc, argv[3], image, len);
	draw_page *pg = draw_add_page(&doc, 595.28f, 841.89f);
	text(&doc, pg, 60, 80, 14, FONT_BOLD, "Side to");
	text(&doc, pg, 60, 110, 11, FONT_REGULAR, "Ærøskøbing, Åbenrå og Søgård");
	draw_bookmark_add(&doc, "Side to", 1, 80, 0);
	doc.meta.title = "Prøve – alle tegn";
	doc.meta.author = "Ævar Þórsson & Co.";
	doc.meta.subject = "Gengivelse";
	doc.meta.keywords = "arbejdsmiljø, prøve";
	doc.meta.creator = "amokit " AMOKIT_VERSION;
	doc.meta.timestamp = 1714557600;
	render_opts o = {.fonts = fonts};
	tile_plan plan;
	text_measurer m = font_measurer(fonts);
	static const tile_texts tx = {"Sådan samler du plakaten", {"Udskriv.", "Læg i orden.", "Klip.", "Lim."},
	                              "Ark", "række", "kolonne", "Lim her, og læg", "ovenpå", "klip", "Arkenes numre"};
	if (!strcmp(argv[2], "tile")) {   /* the first page over A5 sheets */
		int trc = tile_plan_make(&doc, 0, 420, 595, &tx, &m, &plan, &d);
		if (trc) {
			diag_print(&d, stderr);
			return trc;
		}
		o.tile = &plan;
	}
	doc.meta.pdfa = !strcmp(argv[2], "pdfa");
	int rc = render_pdf(&doc, &o, argv[1], &d);
	diag_print(&d, stderr);
	free(image);
	arena_free(a);
	font_free(fonts);
	return rc;
}
