/* draw.c: building and dumping the draw list; see draw.h. */
#include "draw.h"

#include <assert.h>
#include <math.h>
#include <string.h>

#include "diag.h"

void draw_init(draw_doc *doc, arena *a)
{
	memset(doc, 0, sizeof *doc);
	doc->arena = a;
	doc->meta.lang = "da-DK";
}

void draw_stream(draw_doc *doc, arena *page_arena, draw_sink sink, void *ctx)
{
	doc->page_arena = page_arena;
	doc->sink = sink;
	doc->sink_ctx = ctx;
}

size_t draw_page_count(const draw_doc *doc) { return doc->n_sent + doc->n_pages; }

/* Where the pages' commands and copied strings go. */
static arena *page_mem(const draw_doc *doc) { return doc->sink ? doc->page_arena : doc->arena; }

arena *draw_page_arena(const draw_doc *doc) { return page_mem(doc); }

/* Hands the pages held to the sink and frees them. */
static int send_pages(draw_doc *doc, bool last)
{
	for (size_t i = 0; i < doc->n_pages && !doc->sink_rc; i++)
		doc->sink_rc = doc->sink(doc->sink_ctx, &doc->pages[i], doc->n_sent + i,
		                         last && i + 1 == doc->n_pages);
	doc->n_sent += doc->n_pages;
	doc->n_pages = 0;
	arena_reset(doc->page_arena);
	return doc->sink_rc;
}

int draw_flush(draw_doc *doc)
{
	return doc->sink ? send_pages(doc, false) : AM_OK;
}

int draw_end(draw_doc *doc)
{
	return doc->sink ? send_pages(doc, true) : AM_OK;
}

draw_page *draw_add_page(draw_doc *doc, float width, float height)
{
	if (doc->sink && send_pages(doc, false))
		return NULL;
	if (arena_grow(doc->arena, (void **)&doc->pages, &doc->cap_pages, doc->n_pages, doc->n_pages + 1, sizeof *doc->pages))
		return NULL;
	draw_page *p = &doc->pages[doc->n_pages++];
	memset(p, 0, sizeof *p);
	p->width = width;
	p->height = height;
	return p;
}

/* s without its soft hyphens (U+00AD): s itself when it has none, else a
 * copy in a, or NULL when out of memory. A soft hyphen only marks where a
 * word may break (text.h); it is never drawn, and measures nothing
 * (font.c), wherever the text was set. */
static const char *without_soft_hyphens(arena *a, const char *s)
{
	const char *shy = strstr(s, "\xC2\xAD");
	if (!shy)
		return s;
	char *out = arena_alloc(a, strlen(s) + 1), *o = out;
	if (!out)
		return NULL;
	for (; shy; shy = strstr(s, "\xC2\xAD")) {
		memcpy(o, s, (size_t)(shy - s));
		o += shy - s;
		s = shy + 2;
	}
	strcpy(o, s);
	return out;
}

draw_cmd *draw_push(draw_doc *doc, draw_page *page, const draw_cmd *cmd)
{
	assert(doc && doc->arena && page && cmd);
	if (arena_grow(page_mem(doc), (void **)&page->cmds, &page->cap, page->n, page->n + 1, sizeof *page->cmds))
		return NULL;
	draw_cmd *c = &page->cmds[page->n];
	*c = *cmd;
	if (c->kind == DRAW_TEXT && !(c->u.text.utf8 = without_soft_hyphens(page_mem(doc), c->u.text.utf8)))
		return NULL;
	page->n++;
	return c;
}

/* Liang-Barsky: the part of a-b inside each of r's four edges, in t. */
bool draw_segment_meets(point a, point b, rect r)
{
	double t0 = 0, t1 = 1, dx = (double)b.x - a.x, dy = (double)b.y - a.y;
	double pq[4][2] = {{-dx, a.x - r.x}, {dx, r.x + r.w - a.x}, {-dy, a.y - r.y}, {dy, r.y + r.h - a.y}};
	for (int i = 0; i < 4; i++) {
		double q = pq[i][0], v = pq[i][1];
		if (q == 0) {
			if (v < 0)
				return false;
			continue;
		}
		double t = v / q;
		if (q < 0)
			t0 = fmax(t0, t);
		else
			t1 = fmin(t1, t);
		if (t0 > t1)
			return false;
	}
	return true;
}

int draw_text(draw_doc *doc, draw_page *pg, float x, float y, float size, font_style st, rgb c, const char *utf8, size_t len)
{
	draw_cmd cmd = {.kind = DRAW_TEXT,
	                .u.text = {.x = x, .y = y, .size = size, .style = st, .colour = c,
	                           .utf8 = arena_strndup(page_mem(doc), utf8, len)}};
	return cmd.u.text.utf8 && draw_push(doc, pg, &cmd) ? 0 : -1;
}

int draw_line(draw_doc *doc, draw_page *pg, float x1, float y1, float x2, float y2, float width, rgb c)
{
	draw_cmd cmd = {.kind = DRAW_LINE, .u.line = {.x1 = x1, .y1 = y1, .x2 = x2, .y2 = y2, .width = width, .colour = c}};
	return draw_push(doc, pg, &cmd) ? 0 : -1;
}

int draw_rect(draw_doc *doc, draw_page *pg, rect r, float width, rgb stroke, const rgb *fill)
{
	draw_cmd cmd = {.kind = DRAW_RECT,
	                .u.rect = {.r = r, .width = width, .fill = fill != NULL,
	                           .fill_colour = fill ? *fill : (rgb){0, 0, 0}, .stroke_colour = stroke}};
	return draw_push(doc, pg, &cmd) ? 0 : -1;
}

int draw_path(draw_doc *doc, draw_page *pg, const path_el *els, size_t n, float width, rgb stroke,
              const rgb *fill, float dash)
{
	draw_cmd cmd = {.kind = DRAW_PATH,
	                .u.path = {.els = els, .n = n, .width = width, .fill = fill != NULL,
	                           .fill_colour = fill ? *fill : (rgb){0, 0, 0}, .stroke_colour = stroke, .dash = dash}};
	return draw_push(doc, pg, &cmd) ? 0 : -1;
}

int draw_bookmark_add(draw_doc *doc, const char *title, int page, float y, int level)
{
	if (arena_grow(doc->arena, (void **)&doc->marks, &doc->cap_marks, doc->n_marks, doc->n_marks + 1, sizeof *doc->marks))
		return -1;
	draw_bookmark *m = &doc->marks[doc->n_marks++];
	m->title = arena_strdup(doc->arena, title);
	m->page = page;
	m->y = y;
	m->level = level;
	return m->title ? 0 : -1;
}

int draw_span_begin(draw_doc *doc, draw_page *pg, const char *utf8, size_t len)
{
	draw_cmd cmd = {.kind = DRAW_SPAN_BEGIN};
	cmd.u.span.utf8 = arena_strndup(page_mem(doc), utf8, len);
	return cmd.u.span.utf8 && draw_push(doc, pg, &cmd) ? 0 : -1;
}

int draw_span_end(draw_doc *doc, draw_page *pg)
{
	draw_cmd cmd = {.kind = DRAW_SPAN_END};
	return draw_push(doc, pg, &cmd) ? 0 : -1;
}

int draw_tag_begin(draw_doc *doc, draw_page *pg, draw_role role, const void *key)
{
	draw_cmd cmd = {.kind = DRAW_TAG_BEGIN};
	cmd.u.tag.role = role;
	cmd.u.tag.key = key;
	cmd.u.tag.scope = role == ROLE_TH ? SCOPE_COLUMN : 0;
	return role == ROLE_NONE || draw_push(doc, pg, &cmd) ? 0 : -1;
}

int draw_th_begin(draw_doc *doc, draw_page *pg, const void *key, int scope)
{
	draw_cmd cmd = {.kind = DRAW_TAG_BEGIN};
	cmd.u.tag.role = ROLE_TH;
	cmd.u.tag.key = key;
	cmd.u.tag.scope = scope == SCOPE_ROW ? SCOPE_ROW : SCOPE_COLUMN;
	return draw_push(doc, pg, &cmd) ? 0 : -1;
}

int draw_tag_end(draw_doc *doc, draw_page *pg, bool more)
{
	draw_cmd cmd = {.kind = DRAW_TAG_END};
	cmd.u.tag.more = more;
	return draw_push(doc, pg, &cmd) ? 0 : -1;
}

int draw_figure_begin(draw_doc *doc, draw_page *pg, const void *key, const char *alt)
{
	draw_cmd cmd = {.kind = DRAW_TAG_BEGIN};
	cmd.u.tag.role = ROLE_FIGURE;
	cmd.u.tag.key = key;
	cmd.u.tag.alt = arena_strdup(doc->arena, alt ? alt : "");
	return cmd.u.tag.alt && draw_push(doc, pg, &cmd) ? 0 : -1;
}

int draw_tag_lang(draw_doc *doc, draw_page *pg, const char *lang)
{
	draw_cmd *c = pg->n ? &pg->cmds[pg->n - 1] : NULL;
	if (!c || c->kind != DRAW_TAG_BEGIN)
		return 0;
	c->u.tag.lang = arena_strdup(doc->arena, lang);
	return c->u.tag.lang ? 0 : -1;
}

int draw_artifact_begin(draw_doc *doc, draw_page *pg, draw_artifact kind)
{
	draw_cmd cmd = {.kind = DRAW_ARTIFACT_BEGIN};
	cmd.u.artifact.kind = kind;
	return draw_push(doc, pg, &cmd) ? 0 : -1;
}

int draw_artifact_end(draw_doc *doc, draw_page *pg)
{
	draw_cmd cmd = {.kind = DRAW_ARTIFACT_END};
	return draw_push(doc, pg, &cmd) ? 0 : -1;
}

const char *draw_role_name(draw_role role)
{
	static const char *const names[ROLE_COUNT] = {
		"", "Sect", "H1", "H2", "H3", "H4", "H5", "H6", "P", "L", "LI", "Lbl", "LBody",
		"Table", "THead", "TBody", "TR", "TH", "TD", "Figure", "Link"};
	return role > ROLE_NONE && role < ROLE_COUNT ? names[role] : "Span";
}

static const char *const style_names[FONT_STYLES] = {"regular", "bold", "italic", "bolditalic"};

static void dump_colour(FILE *out, rgb c)
{
	fprintf(out, " #%02X%02X%02X", (int)(c.r * 255 + .5f), (int)(c.g * 255 + .5f), (int)(c.b * 255 + .5f));
}

static void dump_cmd(const draw_cmd *c, FILE *out)
{
	switch (c->kind) {
	case DRAW_TEXT:
		fprintf(out, "  text %.1f %.1f %s %.1f", c->u.text.x, c->u.text.y,
		        style_names[c->u.text.style], c->u.text.size);
		if (c->u.text.angle != 0)
			fprintf(out, " angle=%.3f", c->u.text.angle);
		dump_colour(out, c->u.text.colour);
		fprintf(out, " \"%s\"\n", c->u.text.utf8);
		break;
	case DRAW_LINE:
		fprintf(out, "  line %.1f %.1f %.1f %.1f w=%.2f", c->u.line.x1, c->u.line.y1,
		        c->u.line.x2, c->u.line.y2, c->u.line.width);
		dump_colour(out, c->u.line.colour);
		if (c->u.line.dash > 0)
			fprintf(out, " dash=%.1f", c->u.line.dash);
		fputc('\n', out);
		break;
	case DRAW_RECT:
		fprintf(out, "  rect %.1f %.1f %.1f %.1f w=%.2f", c->u.rect.r.x, c->u.rect.r.y,
		        c->u.rect.r.w, c->u.rect.r.h, c->u.rect.width);
		dump_colour(out, c->u.rect.stroke_colour);
		if (c->u.rect.fill) {
			fputs(" fill", out);
			dump_colour(out, c->u.rect.fill_colour);
		}
		fputc('\n', out);
		break;
	case DRAW_PATH:
		fprintf(out, "  path n=%zu w=%.2f%s\n", c->u.path.n, c->u.path.width,
		        c->u.path.fill ? " fill" : "");
		break;
	case DRAW_IMAGE:
		fprintf(out, "  image %.1f %.1f %.1f %.1f \"%s\"\n", c->u.image.r.x, c->u.image.r.y,
		        c->u.image.r.w, c->u.image.r.h, c->u.image.file);
		break;
	case DRAW_LINK:
		fprintf(out, "  link %.1f %.1f %.1f %.1f \"%s\"\n", c->u.link.r.x, c->u.link.r.y,
		        c->u.link.r.w, c->u.link.r.h, c->u.link.uri);
		break;
	case DRAW_SPAN_BEGIN:
		fprintf(out, "  span \"%s\"\n", c->u.span.utf8);
		break;
	case DRAW_SPAN_END:
		fputs("  end span\n", out);
		break;
	case DRAW_TAG_BEGIN:
		fprintf(out, "  tag %s", draw_role_name(c->u.tag.role));
		if (c->u.tag.scope)
			fputs(c->u.tag.scope == SCOPE_ROW ? " scope=row" : " scope=column", out);
		if (c->u.tag.alt)
			fprintf(out, " alt=\"%s\"", c->u.tag.alt);
		fputc('\n', out);
		break;
	case DRAW_TAG_END:
		fputs(c->u.tag.more ? "  end tag, more\n" : "  end tag\n", out);
		break;
	case DRAW_ARTIFACT_BEGIN: {
		static const char *const kinds[] = {"layout", "header", "footer", "pagination"};
		fprintf(out, "  artifact %s\n", kinds[c->u.artifact.kind]);
		break;
	}
	case DRAW_ARTIFACT_END:
		fputs("  end artifact\n", out);
		break;
	}
}

void draw_dump(const draw_doc *doc, FILE *out)
{
	for (size_t i = 0; i < doc->n_pages; i++) {
		const draw_page *p = &doc->pages[i];
		fprintf(out, "page %zu %.1f x %.1f\n", i + 1, p->width, p->height);
		for (size_t k = 0; k < p->n; k++)
			dump_cmd(&p->cmds[k], out);
	}
	for (size_t i = 0; i < doc->n_marks; i++)
		fprintf(out, "bookmark %d page %d y=%.1f \"%s\"\n", doc->marks[i].level,
		        doc->marks[i].page + 1, doc->marks[i].y, doc->marks[i].title);
}
