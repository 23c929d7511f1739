/* render_tag.c: the draw list's structure marks → tagged PDF.
 *
 * ISO 32000-1 §14.7–14.8 (logical structure, tagged PDF) and PDF/UA-1:
 * every piece of content is either marked content with an MCID that a
 * structure element owns, or an artifact. The marks are drawn lazily:
 * before anything is painted, render_tag_content() makes the marked
 * content open in the stream the one the drawing belongs to (the
 * innermost open element, or the artifact), closing the one before; so
 * an element gets a new MCID only where its content is actually drawn,
 * runs of content of one element share one MCID, and an element with
 * nothing drawn costs no mark in the stream. Marked content for text
 * begins inside the text object (render_tag_text), so that the lines of
 * consecutive elements share one BT/ET; marked content never straddles
 * BT or ET (ISO 32000-1 §14.6).
 *
 * The structure tree is built as the pages are drawn. Each element's
 * object number is reserved when it is begun; it is written as soon as
 * it is ended for good (DRAW_TAG_END without `more`), and its memory
 * reused; only the elements still open are kept. Each page's part of the
 * parent tree (the element of each MCID) is written with the page, and
 * each link annotation's entry when it is made; the parent tree itself
 * is a flat number tree of those, written at the end with the document
 * element and the structure tree root. So memory grows with the depth of
 * the structure and the elements cut open over pages, not with the pages
 * (issue 24). */
#include "render_priv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A kid of an element: marked content on a page, an element, or an
 * annotation. Eight bytes: the document element of a long document holds
 * tens of thousands until the end (issue 24). An object number needs far
 * fewer than 30 bits (one takes some ten bytes of the file, which
 * cannot grow past 4 GiB: pdf.c). */
enum { KID_MCID, KID_ELEM, KID_OBJR };

struct tag_kid {
	unsigned kind : 2;
	unsigned page : 30;        /* KID_MCID, KID_OBJR: the page object */
	unsigned id;               /* KID_MCID: the MCID; KID_ELEM: the element;
	                              KID_OBJR: the annotation */
};

static tag_kid kid(unsigned kind, unsigned id, unsigned page)
{
	return (tag_kid){.kind = kind & 3u, .page = page & 0x3FFFFFFFu, .id = id};
}

struct tag_node {
	const void *key;           /* continues when begun again with it; NULL: never */
	unsigned obj;
	unsigned parent;           /* the parent element's object */
	draw_role role;
	int scope;
	const char *alt;           /* in the draw list's arena */
	const char *lang;          /* in the draw list's arena; NULL: its parent's */
	tag_kid *kids;
	size_t n, cap;
	long next_free;            /* a free slot: the next free one, -1 at the end */
	bool alive;
};

/* ---- elements ----------------------------------------------------------- */

static int add_kid(render_ctx *c, tag_node *e, tag_kid k)
{
	if (heap_grow((void **)&e->kids, &e->cap, e->n + 1, sizeof *e->kids, 4))
		return render_oom(c);
	e->kids[e->n++] = k;
	return AM_OK;
}

/* A new element of role under the element parent (a node index); its
 * index, or -1 when out of memory. */
static long new_node(render_ctx *c, long parent, draw_role role, const void *key)
{
	render_tags *t = &c->tags;
	long i = t->free_slot;
	if (i >= 0) {
		t->free_slot = t->nodes[i].next_free;
	} else {
		if (heap_grow((void **)&t->nodes, &t->cap_nodes, t->n_nodes + 1, sizeof *t->nodes, 32))
			return render_oom(c), -1;
		i = (long)t->n_nodes++;
	}
	tag_node *e = &t->nodes[i];
	memset(e, 0, sizeof *e);
	e->key = key;
	e->role = role;
	e->alive = true;
	e->obj = pdf_reserve(c->w);
	e->parent = parent >= 0 ? t->nodes[parent].obj : t->root;
	if (parent >= 0 && add_kid(c, &t->nodes[parent], kid(KID_ELEM, e->obj, 0)))
		return -1;
	return i;
}

/* The page of an element's first marked content, or 0. */
static unsigned first_page(const tag_node *e)
{
	for (size_t i = 0; i < e->n; i++)
		if (e->kids[i].kind == KID_MCID)
			return e->kids[i].page;
	return 0;
}

static void write_kid(pdf *w, const tag_kid *k, unsigned pg)
{
	switch (k->kind) {
	case KID_ELEM:
		pdf_ref(w, k->id);
		break;
	case KID_MCID:
		if (k->page == pg) {
			pdf_int(w, k->id);
			break;
		}
		pdf_dict(w);
		pdf_key_name(w, "Type", "MCR");
		pdf_key_ref(w, "Pg", k->page);
		pdf_key_int(w, "MCID", k->id);
		pdf_dict_end(w);
		break;
	default:
		pdf_dict(w);
		pdf_key_name(w, "Type", "OBJR");
		pdf_key_ref(w, "Pg", k->page);
		pdf_key_ref(w, "Obj", k->id);
		pdf_dict_end(w);
		break;
	}
}

/* Writes element i and frees its slot. */
static void write_node(render_ctx *c, long i)
{
	render_tags *t = &c->tags;
	tag_node *e = &t->nodes[i];
	pdf *w = c->w;
	unsigned pg = first_page(e);
	pdf_begin(w, e->obj);
	pdf_dict(w);
	/* /Type is optional in PDF (ISO 32000-1 Table 323) and left out,
	 * 11 bytes an element, except in PDF/A-1a, whose §6.8.3.3 requires
	 * it of every structure element (veraPDF's rule 6.8.3-2). */
	if (c->doc->meta.pdfa)
		pdf_key_name(w, "Type", "StructElem");
	pdf_key_name(w, "S", i == 0 ? "Document" : draw_role_name(e->role));
	pdf_key_ref(w, "P", e->parent);
	if (pg)
		pdf_key_ref(w, "Pg", pg);
	if (e->role == ROLE_TH) {   /* one attribute object per scope, shared */
		unsigned *a = &t->scope[e->scope == SCOPE_ROW];
		if (!*a)
			*a = pdf_reserve(w);
		pdf_key_ref(w, "A", *a);
	}
	if (e->lang)
		pdf_key_text(w, "Lang", e->lang);
	if (e->role == ROLE_FIGURE || e->alt)
		pdf_key_text(w, "Alt", e->alt ? e->alt : "");
	if (e->n) {
		pdf_name(w, "K");
		if (e->n > 1)
			pdf_array(w);
		for (size_t k = 0; k < e->n; k++)
			write_kid(w, &e->kids[k], pg);
		if (e->n > 1)
			pdf_array_end(w);
	}
	pdf_dict_end(w);
	pdf_end(w);
	free(e->kids);
	e->kids = NULL;
	e->alive = false;
	if (i > 0) {   /* the document's slot stays */
		e->next_free = t->free_slot;
		t->free_slot = i;
	}
}

/* The open element a key continues, or -1. */
static long find_key(const render_tags *t, const void *key)
{
	if (!key)
		return -1;
	for (size_t i = 0; i < t->n_open; i++) {
		long k = t->open[i];
		if (t->nodes[k].alive && t->nodes[k].key == key)
			return k;
	}
	return -1;
}

/* Appends element i to the array *v of *n (capacity *cap). */
static int append(render_ctx *c, long **v, size_t *n, size_t *cap, long i)
{
	if (heap_grow((void **)v, cap, *n + 1, sizeof **v, 16))
		return render_oom(c);
	(*v)[(*n)++] = i;
	return AM_OK;
}

/* Keeps elements begun with a key in t->open until they end for good. */
static int remember(render_ctx *c, long i)
{
	render_tags *t = &c->tags;
	return append(c, &t->open, &t->n_open, &t->cap_open, i);
}

static void forget(render_tags *t, long i)
{
	for (size_t k = 0; k < t->n_open; k++)
		if (t->open[k] == i) {
			t->open[k] = t->open[--t->n_open];
			return;
		}
}

static int push(render_ctx *c, long i)
{
	render_tags *t = &c->tags;
	return append(c, &t->stack, &t->depth, &t->cap_stack, i);
}

static long top(const render_tags *t) { return t->depth ? t->stack[t->depth - 1] : 0; }

static void tag_begin(render_ctx *c, const draw_cmd *cmd)
{
	render_tags *t = &c->tags;
	if (t->artifact) {       /* nothing inside an artifact is content */
		t->artifact++;
		return;
	}
	long i = find_key(t, cmd->u.tag.key);
	if (i < 0) {
		i = new_node(c, top(t), cmd->u.tag.role, cmd->u.tag.key);
		if (i < 0)
			return;
		t->nodes[i].scope = cmd->u.tag.scope;
		t->nodes[i].alt = cmd->u.tag.alt;
		t->nodes[i].lang = cmd->u.tag.lang;
		if (cmd->u.tag.key && remember(c, i))
			return;
	}
	push(c, i);
}

/* Ends element i: for good unless more (and it has a key). */
static void end_node(render_ctx *c, long i, bool more)
{
	render_tags *t = &c->tags;
	if (i <= 0 || (more && t->nodes[i].key))
		return;
	if (t->nodes[i].key)
		forget(t, i);
	if (t->cur == t->nodes[i].obj)
		render_tag_close(c);   /* its slot may be taken by the next element */
	write_node(c, i);
}

static void tag_end(render_ctx *c, bool more)
{
	render_tags *t = &c->tags;
	if (t->artifact > 1) {
		t->artifact--;
		return;
	}
	if (t->artifact == 1)      /* an element ended inside an artifact it began in: ignore */
		return;
	if (!t->depth)
		return;
	end_node(c, t->stack[--t->depth], more);
}

/* ---- marked content ------------------------------------------------------ */

void render_tag_close(render_ctx *c)
{
	render_tags *t = &c->tags;
	if (!t->cur)
		return;
	if (!t->cur_in_text)
		render_end_text(c);
	render_ops(c, "EMC\n");
	t->cur = 0;
}

static int record_mcid(render_ctx *c, unsigned obj)
{
	render_tags *t = &c->tags;
	return render_append_obj(c, &t->mcid_owner, &t->n_mcid, &t->cap_mcid, obj);
}

/* The marked content of artifacts: a property list only where it says
 * more than "an artifact" (PDF 1.7 §14.8.2.2.2). */
static const char *artifact_mark(draw_artifact kind)
{
	switch (kind) {
	case ARTIFACT_HEADER:
		return "/Artifact<</Type/Pagination/Subtype/Header>>BDC\n";
	case ARTIFACT_FOOTER:
		return "/Artifact<</Type/Pagination/Subtype/Footer>>BDC\n";
	case ARTIFACT_PAGINATION:
		return "/Artifact<</Type/Pagination>>BDC\n";
	default:
		return "/Artifact BMC\n";
	}
}

/* Artifacts are told apart in t->cur by these (never object numbers). */
#define CUR_ARTIFACT(kind) (0xFFFFFF00u + (unsigned)(kind))

/* Opens the marked content the next drawing belongs to; text: inside a
 * text object, begun if none is open, so that a run of text of several
 * elements is one text object. */
static void open_mark(render_ctx *c, bool text)
{
	render_tags *t = &c->tags;
	if (t->off || c->spans || !t->nodes)
		return;
	long i = top(t);
	unsigned want = t->artifact ? CUR_ARTIFACT(t->artifact_kind) : t->nodes[i].obj;
	if (t->cur == want)
		return;
	render_tag_close(c);
	if (text)
		render_begin_text(c);
	else
		render_end_text(c);
	t->cur_in_text = text;
	if (t->artifact) {
		render_ops(c, artifact_mark(t->artifact_kind));
	} else {
		tag_node *e = &t->nodes[i];
		int mcid = (int)t->n_mcid;
		if (record_mcid(c, e->obj) || add_kid(c, e, kid(KID_MCID, (unsigned)mcid, c->page_obj)))
			return;
		/* One tag for every element's marked content: what a sequence is
		 * comes from the element its MCID belongs to (the parent tree),
		 * not from the tag, which ISO 32000-1 §14.7.4.2 leaves free (krilla,
		 * Typst's PDF/UA-1 writer, tags all text /Span). The same few bytes
		 * before every MCID compress to less than the role names did. */
		char buf[32] = "/P<</MCID ";
		size_t n = 10;
		n += pdf_format_fixed(buf + n, mcid, 0);
		memcpy(buf + n, ">>BDC\n", 7);
		render_ops(c, buf);
	}
	t->cur = want;
}

void render_tag_content(render_ctx *c) { open_mark(c, false); }

void render_tag_text(render_ctx *c) { open_mark(c, true); }

void render_tag_cmd(render_ctx *c, const draw_cmd *cmd)
{
	render_tags *t = &c->tags;
	if (t->off || !t->nodes)
		return;
	switch (cmd->kind) {
	case DRAW_TAG_BEGIN:
		tag_begin(c, cmd);
		break;
	case DRAW_TAG_END:
		tag_end(c, cmd->u.tag.more);
		break;
	case DRAW_ARTIFACT_BEGIN:
		if (!t->artifact++)
			t->artifact_kind = cmd->u.artifact.kind;
		break;
	case DRAW_ARTIFACT_END:
		if (t->artifact)
			t->artifact--;
		break;
	default:
		break;
	}
}

void render_tag_begin(render_ctx *c, draw_role role, const char *alt)
{
	if (!c->tags.nodes)
		return;
	draw_cmd cmd = {.kind = DRAW_TAG_BEGIN};
	cmd.u.tag.role = role;
	cmd.u.tag.alt = alt;
	tag_begin(c, &cmd);
}

void render_tag_end(render_ctx *c) { tag_end(c, false); }

void render_tag_artifact(render_ctx *c, bool on)
{
	draw_cmd cmd = {.kind = on ? DRAW_ARTIFACT_BEGIN : DRAW_ARTIFACT_END};
	render_tag_cmd(c, &cmd);
}

/* Appends obj to the parent tree: its key is the count before. */
static int parent_entry(render_ctx *c, unsigned obj)
{
	render_tags *t = &c->tags;
	return render_append_obj(c, &t->keys, &t->n_keys, &t->cap_keys, obj);
}

/* ---- links ------------------------------------------------------------------ */

unsigned render_tag_link(render_ctx *c, unsigned annot)
{
	render_tags *t = &c->tags;
	if (t->off || !t->nodes)
		return 0;
	/* The link element the link's text is in, else one of its own under
	 * the element the link is in (the document's, for one in an artifact). */
	long in = t->artifact ? 0 : top(t);
	long i = in > 0 && t->nodes[in].role == ROLE_LINK ? in : new_node(c, in, ROLE_LINK, NULL);
	if (i < 0 || add_kid(c, &t->nodes[i], kid(KID_OBJR, annot, c->page_obj)))
		return 0;
	size_t key = t->n_keys;
	if (parent_entry(c, t->nodes[i].obj))
		return 0;
	if (i != in)
		write_node(c, i);
	return (unsigned)key + 1;
}

/* ---- pages and the document ------------------------------------------------ */

int render_tag_start(render_ctx *c)
{
	render_tags *t = &c->tags;
	t->root = pdf_reserve(c->w);
	t->free_slot = -1;
	return new_node(c, -1, ROLE_NONE, NULL) == 0 ? AM_OK : render_oom(c);
}

long render_tag_page_end(render_ctx *c)
{
	render_tags *t = &c->tags;
	render_tag_close(c);
	if (!t->n_mcid)
		return -1;
	pdf *w = c->w;
	unsigned arr = pdf_begin(w, 0);
	pdf_array(w);
	for (size_t i = 0; i < t->n_mcid; i++)
		pdf_ref(w, t->mcid_owner[i]);
	pdf_array_end(w);
	pdf_end(w);
	t->n_mcid = 0;
	long key = (long)t->n_keys;
	return parent_entry(c, arr) ? -1 : key;
}

unsigned render_tag_finish(render_ctx *c)
{
	render_tags *t = &c->tags;
	if (!t->nodes)
		return 0;
	while (t->depth)
		end_node(c, t->stack[--t->depth], false);
	for (size_t i = t->n_nodes; i-- > 1;)   /* inner ones first: their kids are in them */
		if (t->nodes[i].alive)
			write_node(c, (long)i);
	write_node(c, 0);
	pdf *w = c->w;
	unsigned tree = pdf_begin(w, 0);
	pdf_dict(w);
	pdf_name(w, "Nums");
	pdf_array(w);
	for (size_t i = 0; i < t->n_keys; i++) {
		pdf_int(w, (long long)i);
		pdf_ref(w, t->keys[i]);
	}
	pdf_array_end(w);
	pdf_dict_end(w);
	pdf_end(w);
	for (int i = 0; i < 2; i++) {
		if (!t->scope[i])
			continue;
		pdf_begin(w, t->scope[i]);
		pdf_dict(w);
		pdf_key_name(w, "O", "Table");
		pdf_key_name(w, "Scope", i ? "Row" : "Column");
		pdf_dict_end(w);
		pdf_end(w);
	}
	pdf_begin(w, t->root);
	pdf_dict(w);
	pdf_key_name(w, "Type", "StructTreeRoot");
	pdf_key_ref(w, "K", t->nodes[0].obj);
	pdf_key_ref(w, "ParentTree", tree);
	pdf_key_int(w, "ParentTreeNextKey", (long long)t->n_keys);
	pdf_dict_end(w);
	pdf_end(w);
	return t->root;
}

void render_tag_free(render_tags *t)
{
	for (size_t i = 0; i < t->n_nodes; i++)
		if (t->nodes[i].alive)
			free(t->nodes[i].kids);
	free(t->nodes);
	free(t->stack);
	free(t->open);
	free(t->mcid_owner);
	free(t->keys);
}

/* ---- a page's text, for a figure that stands for it ------------------------ */

char *render_tag_page_alt(const draw_page *pg)
{
	for (size_t i = 0; i < pg->n; i++)
		if (pg->cmds[i].kind == DRAW_TAG_BEGIN && pg->cmds[i].u.tag.role == ROLE_FIGURE &&
		    pg->cmds[i].u.tag.alt && pg->cmds[i].u.tag.alt[0])
			return strdup(pg->cmds[i].u.tag.alt);
	/* no figure: the page's text, as extraction would give it */
	bytes b = {0};
	int spans = 0, artifact = 0;
	for (size_t i = 0; i < pg->n; i++) {
		const draw_cmd *k = &pg->cmds[i];
		const char *s = NULL;
		if (k->kind == DRAW_ARTIFACT_BEGIN)
			artifact++;
		else if (k->kind == DRAW_ARTIFACT_END && artifact)
			artifact--;
		else if (k->kind == DRAW_SPAN_BEGIN && !spans++)
			s = k->u.span.utf8;
		else if (k->kind == DRAW_SPAN_END && spans)
			spans--;
		else if (k->kind == DRAW_TEXT && !spans)
			s = k->u.text.utf8;
		if (s && !artifact) {
			if (b.n)
				bytes_putc(&b, ' ');
			bytes_puts(&b, s);
		}
	}
	bytes_putc(&b, '\0');
	if (b.oom) {
		bytes_free(&b);
		return NULL;
	}
	return (char *)b.p;
}
