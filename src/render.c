/* render.c: draw list → PDF; see render.h.
 *
 * amokit writes its PDFs itself (pdf.h, the object writer; pdf_font.h, the
 * Type0 fonts; render_content.c, the content streams). This file lays out
 * the document: each page is written as soon as it is drawn (contents,
 * link annotations, page dictionary) and its bytes go to the output file
 * (through output.h, which publishes it with the rest of its set or not
 * at all), hashed on the way; at the end come the fonts, cut to the
 * glyphs used, the shared resources, the page tree, the outline, the
 * document information, PDF/A's parts for the archive copy, and the
 * catalog. What is kept from page to page is a few numbers per page.
 * A page's own objects are render_page.c's; errors and the shared
 * resources every part adds to are render_device.c's. */
#include "render_priv.h"

#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "sha256.h"

#define PRODUCER "amokit " AMOKIT_VERSION

/* ---- shared resources ------------------------------------------------ */

/* Every page and form shares this dictionary: the faces used (/F0../F3 by
 * style) and the XObjects (/X0, /X1, ...). */
static void write_resources(render_ctx *c)
{
	pdf *w = c->w;
	pdf_begin(w, c->resources);
	pdf_dict(w);
	pdf_name(w, "ProcSet");
	pdf_array(w);
	pdf_name(w, "PDF");
	pdf_name(w, "Text");
	pdf_name(w, "ImageB");
	pdf_name(w, "ImageC");
	pdf_array_end(w);
	pdf_name(w, "Font");
	pdf_dict(w);
	for (int st = 0; st < FONT_STYLES; st++) {
		char name[4] = {'F', (char)('0' + st), '\0'};
		if (c->fonts[st])
			pdf_key_ref(w, name, c->font_obj[st]);
	}
	pdf_dict_end(w);
	if (c->n_xobjects) {
		pdf_name(w, "XObject");
		pdf_dict(w);
		for (size_t i = 0; i < c->n_xobjects; i++) {
			char name[32];
			snprintf(name, sizeof name, "X%zu", i);
			pdf_key_ref(w, name, c->xobjects[i].obj);
		}
		pdf_dict_end(w);
	}
	pdf_dict_end(w);
	pdf_end(w);
}

static int write_fonts(render_ctx *c)
{
	unsigned encoding = 0;   /* one for all faces */
	for (int st = 0; st < FONT_STYLES; st++) {
		if (!c->fonts[st])
			continue;
		int rc = pdf_font_write(c->fonts[st], c->w, c->font_obj[st], c->doc->meta.pdfa, &encoding);
		if (rc == -2)
			return render_oom(c);
		if (rc == -1) {
			diag_error(c->d, font_path(c->opts->fonts, (font_style)st), 0,
			           "cannot cut the font to the glyphs used (not a TrueType font amokit can read)");
			return c->fail = AM_EINPUT;
		}
	}
	return render_status(c);
}

/* ---- pages ----------------------------------------------------------- */

/* Room for draw page `index` in the per-page arrays. */
static int note_page(render_ctx *c, size_t index, float height)
{
	if (index >= c->cap_drawn) {
		/* two arrays of one capacity: each grows from a copy of it */
		size_t cap_dest = c->cap_drawn, cap_height = c->cap_drawn;
		if (heap_grow((void **)&c->dest, &cap_dest, index + 1, sizeof *c->dest, 16) ||
		    heap_grow((void **)&c->height, &cap_height, index + 1, sizeof *c->height, 16))
			return render_oom(c);
		c->cap_drawn = cap_height;
	}
	c->height[index] = height;
	return AM_OK;
}

int render_page(void *job, const draw_page *pg, size_t index, bool last)
{
	(void)last;
	render_ctx *c = job;
	if (c->fail)
		return c->fail;
	if (index != c->n_drawn) {
		diag_error(c->d, c->path, 0, "internal error: page %zu out of order", index + 1);
		return c->fail = AM_EINTERNAL;
	}
	if (index == 0)
		render_id_begin(&c->id, &c->doc->meta);
	render_id_page(&c->id, pg);
	int rc = note_page(c, index, pg->height);
	const tile_plan *t = c->opts->tile;
	if (!rc && t && t->page == index) {
		rc = render_tiled(c, t, pg, &c->dest[index]);
	} else if (!rc) {
		c->want_links = true;
		rc = render_page_begin(c, pg->width, pg->height);
		if (!rc) {
			render_begin(c, 1, 0, pg->height);
			rc = render_cmds(c, pg);
		}
		if (!rc)
			rc = render_page_end(c, &c->dest[index]);
	}
	c->n_drawn = index + 1;
	return rc;
}

static void write_page_tree(render_ctx *c)
{
	pdf *w = c->w;
	pdf_begin(w, c->pages);
	pdf_dict(w);
	pdf_key_name(w, "Type", "Pages");
	pdf_name(w, "Kids");
	pdf_array(w);
	for (size_t i = 0; i < c->n_kids; i++)
		pdf_ref(w, c->kids[i]);
	pdf_array_end(w);
	pdf_key_int(w, "Count", (long long)c->n_kids);
	pdf_dict_end(w);
	pdf_end(w);
}

/* ---- outline --------------------------------------------------------- */

/* The outline items' tree, as parent, first and last child, siblings and
 * visible descendants per bookmark (index into doc->marks, -1 for none). */
typedef struct outline_item {
	long parent, first, last, prev, next;
	long count;
} outline_item;

/* Links each valid bookmark under the nearest one of a lower level before
 * it; first and last receive the top level's ends. */
static void link_outline(const draw_doc *doc, size_t n_pages, outline_item *it, long *first,
                         long *last)
{
	enum { DEPTH = 8 };
	long parents[DEPTH];
	for (int k = 0; k < DEPTH; k++)
		parents[k] = -1;
	*first = *last = -1;
	for (size_t i = 0; i < doc->n_marks; i++) {
		const draw_bookmark *m = &doc->marks[i];
		it[i] = (outline_item){-1, -1, -1, -1, -1, 0};
		if (m->page < 0 || (size_t)m->page >= n_pages)
			continue;
		int level = m->level < 0 ? 0 : m->level >= DEPTH ? DEPTH - 1 : m->level;
		while (level > 0 && parents[level - 1] < 0)
			level--;
		long up = level ? parents[level - 1] : -1;
		long *head = up >= 0 ? &it[up].first : first, *tail = up >= 0 ? &it[up].last : last;
		it[i].parent = up;
		it[i].prev = *tail;
		if (*tail >= 0)
			it[*tail].next = (long)i;
		else
			*head = (long)i;
		*tail = (long)i;
		for (long p = up; p >= 0; p = it[p].parent)
			it[p].count++;
		parents[level] = (long)i;
		for (int k = level + 1; k < DEPTH; k++)
			parents[k] = -1;
	}
}

static void outline_ref(pdf *w, const char *key, long i, unsigned base)
{
	if (i >= 0)
		pdf_key_ref(w, key, base + (unsigned)i);
}

/* Writes the outline; its root object, or 0 when there are no bookmarks. */
static unsigned write_outline(render_ctx *c)
{
	const draw_doc *doc = c->doc;
	pdf *w = c->w;
	if (!doc->n_marks)
		return 0;
	outline_item *it = malloc(doc->n_marks * sizeof *it);
	if (!it) {
		render_oom(c);
		return 0;
	}
	long first, last;
	link_outline(doc, c->n_drawn, it, &first, &last);
	unsigned root = pdf_reserve(w), base = pdf_reserve(w);
	for (size_t i = 1; i < doc->n_marks; i++)
		pdf_reserve(w);
	long total = 0;   /* every item is open: all are visible */
	for (size_t i = 0; i < doc->n_marks; i++)
		total += doc->marks[i].page >= 0 && (size_t)doc->marks[i].page < c->n_drawn;
	for (size_t i = 0; i < doc->n_marks; i++) {
		const draw_bookmark *m = &doc->marks[i];
		pdf_begin(w, base + (unsigned)i);
		pdf_dict(w);
		pdf_key_text(w, "Title", m->title);
		if (it[i].parent >= 0)
			outline_ref(w, "Parent", it[i].parent, base);
		else
			pdf_key_ref(w, "Parent", root);
		outline_ref(w, "Prev", it[i].prev, base);
		outline_ref(w, "Next", it[i].next, base);
		outline_ref(w, "First", it[i].first, base);
		outline_ref(w, "Last", it[i].last, base);
		if (it[i].count)
			pdf_key_int(w, "Count", it[i].count);
		/* [page /XYZ null top null]: scrolls to the heading, keeping the
		 * reader's zoom; written directly, as PDF/A wants it. */
		bool valid = m->page >= 0 && (size_t)m->page < c->n_drawn;
		const tile_plan *t = c->opts->tile;
		bool tiled = valid && t && t->page == (size_t)m->page;
		pdf_name(w, "Dest");
		pdf_array(w);
		pdf_ref(w, valid ? c->dest[m->page] : c->kids[0]);
		pdf_name(w, "XYZ");
		pdf_raw(w, "null");
		pdf_num(w, !valid ? 0 : tiled ? t->h : c->height[m->page] - m->y);
		pdf_raw(w, "null");
		pdf_array_end(w);
		pdf_dict_end(w);
		pdf_end(w);
	}
	pdf_begin(w, root);
	pdf_dict(w);
	pdf_key_name(w, "Type", "Outlines");
	outline_ref(w, "First", first, base);
	outline_ref(w, "Last", last, base);
	pdf_key_int(w, "Count", total);
	pdf_dict_end(w);
	pdf_end(w);
	free(it);
	return root;
}

/* ---- document information and catalog ---------------------------------- */

static unsigned write_info(render_ctx *c)
{
	const draw_meta *m = &c->doc->meta;
	pdf *w = c->w;
	unsigned info = pdf_begin(w, 0);
	pdf_dict(w);
	const char *keys[] = {"Title", "Author", "Subject", "Keywords", "Creator"};
	const char *vals[] = {m->title, m->author, m->subject, m->keywords, m->creator};
	for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
		if (vals[i] && vals[i][0])
			pdf_key_text(w, keys[i], vals[i]);
	pdf_key_text(w, "Producer", PRODUCER);
	pdf_name(w, "CreationDate");
	pdf_date(w, m->timestamp);
	pdf_name(w, "ModDate");
	pdf_date(w, m->timestamp);
	pdf_dict_end(w);
	pdf_end(w);
	return info;
}

static unsigned write_catalog(render_ctx *c, unsigned outline, unsigned metadata, unsigned intent,
                              unsigned structure)
{
	pdf *w = c->w;
	unsigned cat = pdf_begin(w, 0);
	pdf_dict(w);
	pdf_key_name(w, "Type", "Catalog");
	pdf_key_ref(w, "Pages", c->pages);
	/* Tagged (PDF 1.7 §14.8; PDF/UA-1 §7.1), titled in the viewer's title
	 * bar rather than by the file's name (PDF/UA-1 §7.1). */
	if (structure) {
		pdf_key_ref(w, "StructTreeRoot", structure);
		pdf_raw(w, "/MarkInfo<</Marked true>>");
	}
	pdf_raw(w, "/ViewerPreferences<</DisplayDocTitle true>>");
	if (outline) {
		pdf_key_ref(w, "Outlines", outline);
		pdf_key_name(w, "PageMode", "UseOutlines");
	}
	if (c->doc->meta.lang && c->doc->meta.lang[0])
		pdf_key_text(w, "Lang", c->doc->meta.lang);
	if (metadata)
		pdf_key_ref(w, "Metadata", metadata);
	if (intent) {
		pdf_name(w, "OutputIntents");
		pdf_array(w);
		pdf_ref(w, intent);
		pdf_array_end(w);
	}
	pdf_dict_end(w);
	pdf_end(w);
	return cat;
}

/* ---- the document ---------------------------------------------------- */

/* The pdf writer's sink: the output file, and the digest on the way. */
static int to_file(void *ctx, const unsigned char *p, size_t n)
{
	render_ctx *c = ctx;
	if (c->sha)
		sha256_add(c->sha, p, n);
	int rc = output_stream_write(c->file, p, n, c->d);
	if (rc && !c->fail)
		c->fail = rc;
	return rc ? -1 : 0;
}

/* Writes what follows the pages. */
static int finish(render_ctx *c)
{
	if (!c->n_drawn) {
		diag_error(c->d, c->path, 0, "document has no pages");
		return c->fail = AM_EINTERNAL;
	}
	int rc = write_fonts(c);
	if (rc)
		return rc;
	write_resources(c);
	write_page_tree(c);
	unsigned structure = render_tag_finish(c);
	unsigned outline = write_outline(c), metadata = 0, intent = 0;
	unsigned info = write_info(c);
	rc = render_metadata(c, PRODUCER, &metadata);
	if (!rc && c->doc->meta.pdfa)
		rc = render_pdfa(c, &intent);
	if (rc)
		return rc;
	unsigned catalog = write_catalog(c, outline, metadata, intent, structure);
	unsigned char id[16];
	render_id_end(&c->id, c->doc, id);
	pdf_finish(c->w, catalog, info, id);
	return render_status(c);
}

static void free_ctx(render_ctx *c)
{
	pdf_free(c->w);
	for (int st = 0; st < FONT_STYLES; st++)
		pdf_font_free(c->fonts[st]);
	sha256_end(c->sha, NULL);
	free(c->kids);
	free(c->dest);
	free(c->height);
	free(c->xobjects);
	free(c->links);
	render_tag_free(&c->tags);
	bytes_free(&c->ops);
	free(c);
}

int render_open(const draw_doc *doc, const render_opts *o, const char *path, render_job **job,
                diag *d)
{
	*job = NULL;
	render_ctx *c = calloc(1, sizeof *c);
	if (!c)
		return diag_oom(d, path);
	*c = (render_ctx){.doc = doc, .opts = o, .d = d, .path = path, .cur_font = -1};
	int rc = output_stream_begin(o->out, path, &c->file, d);
	if (!rc && o->digest && !(c->sha = sha256_begin()))
		rc = diag_oom(d, path);
	/* PDF/A-1 is PDF 1.4; elsewhere 1.7, the version PDF/UA-1 builds on
	 * (/ActualText on marked content is 1.5, artifacts' subtypes 1.7). */
	if (!rc && !(c->w = pdf_new(doc->meta.pdfa ? "1.4" : "1.7", to_file, c)))
		rc = diag_oom(d, path);
	/* Object streams (PDF 1.5) keep the structure tree's hundreds of small
	 * objects small; PDF/A-1 is built on PDF 1.4, which has none. */
	if (!rc)
		pdf_object_streams(c->w, !doc->meta.pdfa);
	if (!rc) {
		c->pages = pdf_reserve(c->w);
		c->resources = pdf_reserve(c->w);
		/* o->untagged, or -DAMOKIT_UNTAGGED (a build of amokit for
		 * measuring what tagging costs, bench/tagcost.sh): without a
		 * structure tree begun, the draw list's marks are ignored. */
#ifndef AMOKIT_UNTAGGED
		if (!o->untagged)
			rc = render_tag_start(c);
#endif
	}
	if (!rc)
		rc = render_status(c);
	if (rc) {
		output_stream_end(c->file, false, d);
		free_ctx(c);
		return rc;
	}
	*job = c;
	return AM_OK;
}

int render_close(render_job *c, bool keep, char *sha256_hex)
{
	if (!c)
		return AM_OK;
	int rc = keep ? c->fail : AM_OK;
	if (keep && !rc)
		rc = finish(c);
	int end = output_stream_end(c->file, keep && !rc, c->d);
	if (keep && !rc && !end && sha256_hex) {
		sha256_end(c->sha, sha256_hex);
		c->sha = NULL;
	}
	free_ctx(c);
	return rc ? rc : end;
}

int render_pdf_digest(const draw_doc *doc, const render_opts *o, const char *path,
                      char *sha256_hex, diag *d)
{
	render_opts with = *o;
	with.digest = sha256_hex != NULL;
	render_job *c;
	int rc = render_open(doc, &with, path, &c, d);
	if (rc)
		return rc;
	for (size_t i = 0; i < doc->n_pages && !rc; i++)
		rc = render_page(c, &doc->pages[i], i, i + 1 == doc->n_pages);
	int end = render_close(c, rc == AM_OK, sha256_hex);
	return rc ? rc : end;
}

int render_pdf(const draw_doc *doc, const render_opts *o, const char *path, diag *d)
{
	return render_pdf_digest(doc, o, path, NULL, d);
}
