/* paginate_draw.c: a slice of a section's body drawn on a page: lines of
 * text (with their links), boxes, rows and tables, each block with a role
 * inside its structure element (in its sheet's language), frames, rules
 * and repeated headers as artifacts. See paginate.c. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "paginate_int.h"

static const rgb RULE_GREY = {0.55f, 0.58f, 0.62f};

static int tag_begin(dctx *d, const blk *b);

int pg_artifact(dctx *d, draw_artifact kind) { return draw_artifact_begin(d->doc, d->page, kind); }
int pg_artifact_end(dctx *d) { return draw_artifact_end(d->doc, d->page); }

/* A line or a rectangle that is decoration. */
static int deco_line(dctx *d, float x1, float y1, float x2, float y2, float w, rgb c)
{
	return pg_artifact(d, ARTIFACT_LAYOUT) || draw_line(d->doc, d->page, x1, y1, x2, y2, w, c) || pg_artifact_end(d);
}

static int deco_rect(dctx *d, rect r, float w, rgb stroke, const rgb *fill)
{
	return pg_artifact(d, ARTIFACT_LAYOUT) || draw_rect(d->doc, d->page, r, w, stroke, fill) || pg_artifact_end(d);
}

static const char URL_END[] = " \t\n\"<>";

static bool url_start(const char *p)
{
	return strncmp(p, "https://", 8) == 0 || strncmp(p, "http://", 7) == 0;
}

static const text_frag *last_frag(const line_item *li)
{
	return li->line.n ? &li->line.frags[li->line.n - 1] : NULL;
}

/* The URL that begins at p (in line i's fragment) and, when it reaches the
 * end of an open-ended line, goes on at the start of the next lines: the
 * whole address, without sentence punctuation after it. */
static const char *whole_url(dctx *d, const blk *b, size_t i, const char *p)
{
	char buf[2048];
	size_t n = 0, len = strcspn(p, URL_END);
	for (;;) {
		if (n + len >= sizeof buf)
			break;
		memcpy(buf + n, p, len);
		n += len;
		const line_item *li = &b->u.lines.lines[i];
		bool at_end = p[len] == '\0' && last_frag(li) && p + len == last_frag(li)->utf8 + strlen(last_frag(li)->utf8);
		if (!at_end || !li->line.open_end || i + 1 >= b->u.lines.n || !b->u.lines.lines[i + 1].line.n)
			break;
		p = b->u.lines.lines[++i].line.frags[0].utf8;
		len = strcspn(p, URL_END);
	}
	while (n && strchr(".,;:)!?", buf[n - 1]))
		n--;          /* sentence punctuation after a URL is not part of it */
	return arena_strndup(d->doc->arena, buf, n);
}

/* Where the URL that line i starts with began: its first line and the byte
 * in that line's last fragment; false when line i does not continue one. */
static bool url_carried(const blk *b, size_t i, size_t *from, const char **at)
{
	while (i > 0 && b->u.lines.lines[i - 1].line.open_end) {
		const text_frag *f = last_frag(&b->u.lines.lines[i - 1]);
		if (!f)
			return false;
		const char *w = strrchr(f->utf8, ' ');
		w = w ? w + 1 : f->utf8;
		for (const char *q = w; (q = strstr(q, "http")) != NULL; q++)
			if (url_start(q)) {
				*from = i - 1;
				*at = q;
				return true;
			}
		if (w != f->utf8 || b->u.lines.lines[i - 1].line.n > 1)
			return false;   /* the word began on that line, without a URL */
		i--;
	}
	return false;
}

static int push_link(dctx *d, float x0, float base, float w, float size, const char *uri)
{
	const text_measurer *m = d->r->env->measurer;
	draw_cmd c = {.kind = DRAW_LINK};
	c.u.link.r = (rect){x0, base - m->ascent * size, w, (m->ascent + m->descent) * size};
	c.u.link.uri = uri;
	return uri && draw_push(d->doc, d->page, &c) ? 0 : -1;
}

/* Draws s[from, at) of fragment f at x (where f begins) on baseline base;
 * with space, a space after it. */
static int draw_part(dctx *d, const blk *b, const text_frag *f, size_t from, size_t at, float x, float base,
                     float size, bool space)
{
	const text_measurer *m = d->r->env->measurer;
	if (at <= from && !space)
		return 0;
	float x0 = x + (from ? m->fn(m->ctx, f->style, size, f->utf8, from) : 0);
	const char *s = f->utf8 + from;
	size_t len = at > from ? at - from : 0;
	if (space) {   /* the text and a space: run for every line that ends in one */
		char *t = arena_alloc(d->r->a, len + 2);
		if (!t)
			return -1;
		memcpy(t, s, len);
		t[len] = ' ';
		s = t;
	}
	return draw_text(d->doc, d->page, x0, base, size, f->style, b->u.lines.colour, s, len + space);
}

/* Draws s[at, at + len) of fragment f as a link to uri: a link element
 * holding the text, and the annotation over it. */
static int draw_link(dctx *d, const blk *b, const text_frag *f, size_t at, size_t len, const char *uri,
                     float x, float base, float size)
{
	const text_measurer *m = d->r->env->measurer;
	float x0 = x + (at ? m->fn(m->ctx, f->style, size, f->utf8, at) : 0);
	return draw_tag_begin(d->doc, d->page, ROLE_LINK, NULL) || draw_part(d, b, f, at, at + len, x, base, size, false) ||
	       push_link(d, x0, base, m->fn(m->ctx, f->style, size, f->utf8 + at, len), size, uri) ||
	       draw_tag_end(d->doc, d->page, false) ? -1 : 0;
}

/* Draws fragment k of line i at x on baseline base, every URL printed in
 * it as a link, so a reader can click what the paper shows. A URL wrapped
 * over lines is a link on each line, each to the whole address. The last
 * fragment of a line that broke between words ends in the space the break
 * took: text extraction and the structure's text keep the words apart
 * (ISO 32000-1 §14.8.2.5); a space draws nothing. */
static int draw_frag(dctx *d, const blk *b, size_t i, size_t k, float x, float base, float size)
{
	const text_line *line = &b->u.lines.lines[i].line;
	bool space = k + 1 == line->n && i + 1 < b->u.lines.n && !line->open_end;
	const text_frag *f = &b->u.lines.lines[i].line.frags[k];
	const char *s = f->utf8;
	size_t from, pos = 0;
	const char *start;
	if (k == 0 && url_carried(b, i, &from, &start)) {
		size_t len = strcspn(s, URL_END);
		const char *uri = whole_url(d, b, from, start);
		bool goes_on = s[len] == '\0' && b->u.lines.lines[i].line.open_end;
		while (!goes_on && len && strchr(".,;:)!?", s[len - 1]))
			len--;
		if (len && draw_link(d, b, f, 0, len, uri, x, base, size))
			return -1;
		pos = len;
	}
	for (const char *p = s + pos; (p = strstr(p, "http")) != NULL;) {
		if (!url_start(p)) {
			p += 4;
			continue;
		}
		size_t len = strcspn(p, URL_END), at = (size_t)(p - s);
		const char *uri = whole_url(d, b, i, p);
		if (p[len] != '\0' || !b->u.lines.lines[i].line.open_end)
			while (len && strchr(".,;:)!?", p[len - 1]))
				len--;
		if (draw_part(d, b, f, pos, at, x, base, size, false) ||
		    (len && draw_link(d, b, f, at, len, uri, x, base, size)))
			return -1;
		pos = at + len;
		p += len ? len : 1;
	}
	size_t end = strlen(s);
	if (k + 1 < line->n || !line->hyphen_added || !end || pos >= end)
		return draw_part(d, b, f, pos, end, x, base, size, space);
	/* The hyphen the break added is not part of the text but an incidental
	 * artifact of the layout (ISO 32000-1 §14.8.2): drawn as an artifact,
	 * the structure's text gives the word whole ("arbejdsmiljøuddannelse",
	 * not "arbejdsmiljø-uddannelse"), while an extractor that reads the page
	 * still finds "arbejdsmiljø-" at the line's end, where it is printed
	 * (pdftotext joins it with the next line). Not a span with an empty
	 * /ActualText inside the element's content: poppler (22.12) ends an
	 * element's text at the end of any marked content nested in it. */
	return draw_part(d, b, f, pos, end - 1, x, base, size, false) ||
	       draw_artifact_begin(d->doc, d->page, ARTIFACT_LAYOUT) ||
	       draw_part(d, b, f, end - 1, end, x, base, size, false) ||
	       draw_artifact_end(d->doc, d->page) ? -1 : 0;
}

int pg_draw_lines(dctx *d, const blk *b, float x, float y, float o0, float o1)
{
	const text_measurer *m = d->r->env->measurer;
	float lead = b->u.lines.leading, size = b->u.lines.size;
	float asc = m->ascent * size, desc = m->descent * size;
	for (size_t i = 0; i < b->u.lines.n; i++) {
		float top = i * lead;
		if (top < o0 - EPS || top + lead > o1 + EPS)
			continue;
		const line_item *li = &b->u.lines.lines[i];
		float base = y + (top - o0) + (lead - asc - desc) / 2 + asc;
		if (i == 0 && b->u.lines.bookmark >= 0 &&
		    draw_bookmark_add(d->doc, b->u.lines.bookmark_title, d->page_index,
		                      y + top - o0, b->u.lines.bookmark))
			return -1;
		for (size_t k = 0; k < li->line.n; k++) {
			const text_frag *f = &li->line.frags[k];
			if (draw_frag(d, b, i, k, x + li->x + f->x, base, size))
				return -1;
		}
	}
	return 0;
}

/* The language of kid i of vbox b when it is not the document's: a sheet
 * in its participant's language (flow_item), or NULL. */
static const char *kid_lang(const lrun *r, const blk *b, size_t i)
{
	for (size_t k = 0; k < r->n_langs; k++)
		if (r->langs[k].body == b && r->langs[k].from <= i && i < r->langs[k].to)
			return r->langs[k].lang->cat ? catalog_tag(r->langs[k].lang->cat) : NULL;
	return NULL;
}

static int draw_vbox(dctx *d, const blk *b, float x, float y, float o0, float o1)
{
	float shift = 0;
	for (size_t i = pg_first_below(b, o0, ends_below_top); i < b->u.vbox.n; i++) {
		const vchild *k = &b->u.vbox.kids[i];
		float top = k->y, bot = k->y + k->b->h;
		if (b->u.vbox.ordered && top >= o1 - EPS)
			break;    /* and so are all after it */
		if (bot <= o0 + EPS || top >= o1 - EPS)
			continue;
		float l0 = (top > o0 ? top : o0) - top;
		float l1 = (bot < o1 ? bot : o1) - top;
		float cy = y + shift + (top > o0 ? top - o0 : 0);
		const char *outer = d->lang, *lang = kid_lang(d->r, b, i);
		if (lang)
			d->lang = lang;
		int rc = pg_draw_blk(d, k->b, x, cy, l0, l1);
		d->lang = outer;
		if (rc)
			return -1;
		if (l0 > EPS)
			shift += pg_cont_at(d->r, k->b, l0);
	}
	return 0;
}

static int draw_row(dctx *d, const blk *b, float x, float y, float o0, float o1)
{
	float h = o1 - o0 + pg_cont_at(d->r, b, o0);
	float pad = b->u.row.pad;
	bool last = o1 >= b->h - EPS;
	blk *label = o0 > EPS ? layout_row_label(d->r, (blk *)b) : NULL;
	float inset = b->u.row.framed ? pad / 0.8f : 0;
	/* The tints of all cells first, then their contents: one artifact for
	 * the row's tints and one text object for its words, not one of each
	 * per cell (a header row's marks and BT/ET; the cells do not overlap,
	 * so the page looks the same). */
	if (b->u.row.tint) {
		if (pg_artifact(d, ARTIFACT_LAYOUT))
			return -1;
		for (size_t i = 0; i < b->u.row.n; i++)
			if (draw_rect(d->doc, d->page, (rect){x + b->u.row.x[i], y, b->u.row.w[i], h}, 0, RULE_GREY,
			              b->u.row.tint))
				return -1;
		if (pg_artifact_end(d))
			return -1;
	}
	for (size_t i = 0; i < b->u.row.n; i++) {
		float cx = x + b->u.row.x[i];
		/* The cell's own slice: from its resume point to its last break
		 * before o1, so every line is drawn on exactly one page. */
		const blk *c = b->u.row.cells[i];
		float c0 = pg_cell_resume(b, c, o0);
		float c1 = last ? c->h : pg_cell_resume(b, c, o1);
		float cy = o0 < pad ? y + (pad - o0) : y + (label ? pad + label->h : 0);
		if (c1 > c0 + EPS) {
			if (pg_draw_blk(d, c, cx + inset, cy, c0, c1))
				return -1;
		} else if (o0 <= EPS && c->role) {
			/* a cell with nothing on the row's first page is there all the
			 * same, in its place among the row's cells */
			if (tag_begin(d, c) || draw_tag_end(d->doc, d->page, c->h > EPS))
				return -1;
		}
	}
	/* Continued from the page before: the first cell's text, "(fortsat)". */
	if (label && (pg_artifact(d, ARTIFACT_PAGINATION) ||
	              pg_draw_blk(d, label, x + b->u.row.x[0] + inset, y + pad, 0, label->h) || pg_artifact_end(d)))
		return -1;
	if (!b->u.row.framed && !b->u.row.ruled)
		return 0;
	/* A row cut at the page's foot stays open there: no closing rule. */
	rgb g = b->u.row.rule_colour;
	float w = b->w, lw = 0.5f;
	if (pg_artifact(d, ARTIFACT_LAYOUT) || draw_line(d->doc, d->page, x, y, x + w, y, lw, g) ||
	    (last && draw_line(d->doc, d->page, x, y + h, x + w, y + h, lw, g)))
		return -1;
	for (size_t i = 0; b->u.row.framed && i <= b->u.row.n; i++) {
		float lx = i < b->u.row.n ? x + b->u.row.x[i] : x + w;
		if (draw_line(d->doc, d->page, lx, y, lx, y + h, lw, g))
			return -1;
	}
	return pg_artifact_end(d);
}

/* A table: its header row on every page, as the table's head on the
 * first and as a repeat after; its rows in its body (keyed by the
 * table's header field, an address no other block has). */
static int draw_table(dctx *d, const blk *b, float x, float y, float o0, float o1)
{
	const blk *hdr = b->u.vbox.header;
	float hh = hdr ? hdr->h : 0;
	bool again = o0 > EPS;
	if (hdr && ((again ? pg_artifact(d, ARTIFACT_PAGINATION) : draw_tag_begin(d->doc, d->page, ROLE_THEAD, NULL)) ||
	            pg_draw_blk(d, hdr, x, y, 0, hh) ||
	            (again ? pg_artifact_end(d) : draw_tag_end(d->doc, d->page, false))))
		return -1;
	float s0 = o0 > hh ? o0 : hh;
	if (o1 <= s0 + EPS)
		return 0;
	if (!hdr)
		return draw_vbox(d, b, x, y + hh, s0, o1);
	return draw_tag_begin(d->doc, d->page, ROLE_TBODY, &b->u.vbox.header) ||
	       draw_vbox(d, b, x, y + hh, s0, o1) || draw_tag_end(d->doc, d->page, o1 < b->h - EPS) ? -1 : 0;
}

static int draw_box(dctx *d, const blk *b, float x, float y, float o0, float o1)
{
	const text_measurer *m = d->r->env->measurer;
	float pad = b->u.box.pad, size = b->u.box.size;
	bool cont = o0 > EPS;
	float head = cont ? b->cont_h : 0;
	float bottom = b->fill ? d->bottom : y + head + (o1 - o0);
	rgb tint = b->u.box.tint;
	if (deco_rect(d, (rect){x, y, b->w, bottom - y}, 0.8f, b->u.box.accent, b->u.box.tinted ? &tint : NULL))
		return -1;
	if (cont && b->u.box.title) {
		/* A continued box repeats its title, marked as a continuation. */
		const char *more = b->u.box.cont_mark;
		const char *t = arena_printf(d->r->a, "%s %s", b->u.box.title, more);
		if (!t || pg_artifact(d, ARTIFACT_PAGINATION) ||
		    draw_text(d->doc, d->page, x + pad, y + pad + m->ascent * size, size,
		              FONT_BOLD, b->u.box.accent, t, strlen(t)) || pg_artifact_end(d))
			return -1;
	}
	const blk *c = b->u.box.content;
	float c0 = o0 - pad, c1 = o1 - pad;
	float cy = y + head + (c0 < 0 ? -c0 : 0);
	if (c0 < 0)
		c0 = 0;
	if (c1 > c->h)
		c1 = c->h;
	if (c1 > c0 && pg_draw_blk(d, c, x + pad, cy, c0, c1))
		return -1;
	/* Writing lines below the content, at the pitch, down to the frame. */
	float wl0 = pad + c->h, pitch = b->u.box.pitch;
	float eff_h = b->fill ? o0 + (bottom - y - head) : b->h;
	for (int i = 1; b->u.box.lines > 0 || b->fill; i++) {
		float off = wl0 + i * pitch;
		if (off > eff_h - pad * 0.5f + EPS || (!b->fill && off > o1 + EPS))
			break;
		if (off < o0 - EPS)
			continue;
		float ly = y + head + (off - o0);
		if (deco_line(d, x + pad, ly, x + b->w - pad, ly, 0.4f, (rgb){0.62f, 0.64f, 0.68f}))
			return -1;
	}
	return 0;
}

static int draw_blk_in(dctx *d, const blk *b, float x, float y, float o0, float o1)
{
	switch (b->kind) {
	case B_LINES:
		return pg_draw_lines(d, b, x, y, o0, o1);
	case B_VBOX:
		return draw_vbox(d, b, x, y, o0, o1);
	case B_TABLE:
		return draw_table(d, b, x, y, o0, o1);
	case B_ROW:
		return draw_row(d, b, x, y, o0, o1);
	case B_BOX:
		return draw_box(d, b, x, y, o0, o1);
	case B_RULE:
		return deco_line(d, x, y + b->h / 2, x + b->w, y + b->h / 2, b->u.rule.width, b->u.rule.colour);
	case B_CHECK: {
		float side = b->w;
		return deco_rect(d, (rect){x, y + (b->h - side) / 2, side, side}, 0.7f, (rgb){0.25f, 0.27f, 0.3f}, NULL);
	}
	case B_IMAGE: {
		draw_cmd c = {.kind = DRAW_IMAGE};
		c.u.image.r = (rect){x + b->u.image.x, y, b->u.image.w, b->h};
		c.u.image.file = b->u.image.file;
		c.u.image.data = b->u.image.data;
		c.u.image.len = b->u.image.len;
		bool deco = b->role == ROLE_NONE;   /* an image without words is a decoration */
		return (deco && pg_artifact(d, ARTIFACT_LAYOUT)) || !draw_push(d->doc, d->page, &c) ||
		       (deco && pg_artifact_end(d)) ? -1 : 0;
	}
	case B_CUSTOM: {
		const layout_env *env = d->r->env;
		float h = b->fill ? d->bottom - y : b->h;
		if (!env->custom)
			return 0;
		int rc = env->custom(env->custom_ctx, b->u.custom.kind, d->doc, d->page,
		                     (rect){x, y, b->w, h}, b->u.custom.data, d->r->d);
		if (rc)
			d->r->err = rc;
		return rc ? -1 : 0;
	}
	default:
		return 0;
	}
}

/* Opens the element block b is; its key is b. */
static int tag_begin(dctx *d, const blk *b)
{
	if (b->role == ROLE_TH)
		return draw_th_begin(d->doc, d->page, b, b->scope);
	if (b->role == ROLE_FIGURE)
		return draw_figure_begin(d->doc, d->page, b, b->u.image.alt);
	return draw_tag_begin(d->doc, d->page, b->role, b);
}

/* Draws the slice [o0, o1) of b at (x, y), inside its element when it is
 * one, which goes on when the slice ends before b does. */
int pg_draw_blk(dctx *d, const blk *b, float x, float y, float o0, float o1)
{
	if (!b->role)
		return draw_blk_in(d, b, x, y, o0, o1);
	/* an element in another language says so; what it holds inherits it */
	const char *lang = d->lang;
	d->lang = NULL;
	int rc = tag_begin(d, b) || (lang && draw_tag_lang(d->doc, d->page, lang)) ||
	         draw_blk_in(d, b, x, y, o0, o1) || draw_tag_end(d->doc, d->page, o1 < b->h - EPS);
	d->lang = lang;
	return rc ? -1 : 0;
}
