/* layout_build_table.c: tables: column widths from their content, rows from the
 * data, cells that span, and the offsets pagination cuts at. See
 * layout_build.h. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "layout_build.h"

/* ---- tables -------------------------------------------------------------- */

typedef struct table_ctx {
	builder *b;
	blk *table;
	float *w;                  /* column widths */
	size_t cols;
	float size, pad;
	bool grid;
	bool row_headers;          /* no header row: each row's first cell heads it */
	/* First pass (want != NULL): per column, the widest cell on one line
	 * and the widest word (a kept text, e.g. a name: all of it; in loose,
	 * a kept text's widest word); in hard, the widest word that may not be
	 * hyphenated (a header's, a name's), which no column is narrower than. */
	float *want, *least, *loose, *hard;
} table_ctx;

/* The columns' widths at a table width of total into w, and their shares
 * into fr (0 for a fixed width), from the widths the layout gave (parsed
 * when it loaded); returns the count. */
static size_t column_widths(const lwidths *ws, float total, float *w, float *fr)
{
	float fixed = 0, frs = 0;
	size_t n = ws ? ws->n : 0;
	for (size_t i = 0; i < n; i++) {
		w[i] = ws->w[i];
		fr[i] = ws->fr[i];
		frs += fr[i];              /* 0 for a fixed width */
		fixed += w[i];             /* 0 for a share */
	}
	float rest = total - fixed;
	for (size_t i = 0; i < n; i++)
		if (fr[i] > 0)
			w[i] = frs > 0 && rest > 0 ? rest * fr[i] / frs : 0;
	return n;
}

/* Puts an empty square to tick at the top of a cell, before its text. */
static int add_checkbox(lrun *r, blk *cell, float size)
{
	blk *box = lay_new_blk(r, B_CHECK, size * 1.1f);
	if (!box)
		return -1;
	box->h = size * 1.3f;
	size_t n = cell->u.vbox.n;
	cell->u.vbox.n = 0;
	cell->h = 0;
	vchild *kids = cell->u.vbox.kids;
	if (!lay_vbox_add(r, cell, box, 0))
		return -1;
	for (size_t i = 0; i < n; i++) {
		vchild *k = lay_vbox_add(r, cell, kids[i].b, 0.3f * size);
		if (!k)
			return -1;
	}
	return 0;
}

static blk *table_row(table_ctx *t, const lnode *row, const bctx *c, bool header)
{
	lrun *r = t->b->r;
	blk *cells[32];
	size_t i = 0;
	rgb colour = header ? WHITE : BLACK;
	for (const lnode *cell = row->first; cell && i < t->cols; cell = cell->next) {
		if (cell->kind != L_CELL)
			continue;
		float inner = t->w[i] - 2 * t->pad;
		cells[i] = lay_build_cell(r, cell->first, c, inner > 4 ? inner : 4, t->size,
		                      header ? FONT_BOLD : FONT_REGULAR, colour,
		                      header || lay_no_hyphenation(cell));
		if (!cells[i])
			return NULL;
		if (lattr_word(cell, "checkbox", false) && add_checkbox(r, cells[i], t->size))
			return NULL;
		i++;
	}
	for (; i < t->cols; i++)
		if (!(cells[i] = new_vbox(r, t->w[i] - 2 * t->pad)))
			return NULL;
	for (i = 0; i < t->cols; i++) {
		bool head = header || (t->row_headers && i == 0);
		cells[i]->role = head ? ROLE_TH : ROLE_TD;
		cells[i]->scope = head ? (header ? SCOPE_COLUMN : SCOPE_ROW) : 0;
	}
	blk *rb = lay_make_row(r, cells, t->w, t->cols, t->table->w, t->pad * 0.8f);
	if (!rb)
		return NULL;
	rb->role = ROLE_TR;
	float minh = lattr_length(row, "height", 0);
	if (rb->h < minh)
		rb->h = minh;
	rb->u.row.framed = t->grid;
	rb->u.row.ruled = !t->grid && !header;
	rb->u.row.rule_colour = t->grid ? (rgb){0.55f, 0.58f, 0.62f} : (rgb){0.72f, 0.74f, 0.77f};
	/* A row splits only when it alone is taller than a page. */
	rb->keep_together = true;
	if (!header) {
		const lnode *first = row->first;
		while (first && first->kind != L_CELL)
			first = first->next;
		rb->u.row.label_cell = first;
		rb->u.row.label_data = c->data;
		rb->u.row.label_size = t->size;
	}
	return rb;
}

blk *layout_row_label(lrun *r, blk *row)
{
	if (row->u.row.label || !row->u.row.label_cell)
		return row->u.row.label;
	bctx c = {row->u.row.label_data, 0, 1, 0, 0, false};
	spanbuf s = {.keep = true};
	if (lay_collect_inline(r, row->u.row.label_cell->first, &c, FONT_ITALIC, &s))
		return NULL;
	const char *text = lay_spans_text(r, &s);
	if (!text)
		return lay_fail(r), NULL;
	if (!*text) {
		row->u.row.label_cell = NULL;   /* an empty first cell: nothing to repeat */
		return NULL;
	}
	/* The label is the cell's first line, shortened with "…" when the
	 * cell holds more: a whole long cell repeated would fill the page. */
	const char *more = lay_run_text(r, "continued", "(…)");
	float size = row->u.row.label_size, pad = row->u.row.pad;
	float inner = row->u.row.w[0] - 2 * pad / 0.8f;
	inner = inner > 4 ? inner : 4;
	spanbuf ls = {.keep = true};
	if (lay_span_add(r, &ls, FONT_ITALIC, text, strlen(text)))
		return NULL;
	blk *whole = lay_lines_block(r, &ls, inner, size, size * 1.3f, MUTED, ALIGN_LEFT);
	if (!whole)
		return NULL;
	const char *t = text;
	if (whole->u.lines.n > 1) {
		/* the first line as printed, without a hyphen added at its end */
		const text_line *l = &whole->u.lines.lines[0].line;
		t = "";
		for (size_t i = 0; t && i < l->n; i++)
			t = arena_printf(r->a, "%s%s", t, l->frags[i].utf8);
		size_t len = t ? strlen(t) : 0;
		if (l->open_end && len && t[len - 1] == '-')
			len--;
		t = t ? arena_printf(r->a, "%.*s…", (int)len, t) : NULL;
	}
	t = t ? arena_printf(r->a, "%s %s", t, more) : NULL;
	ls = (spanbuf){.keep = true};
	if (!t || lay_span_add(r, &ls, FONT_ITALIC, t, strlen(t)))
		return lay_fail(r), NULL;
	blk *label = lay_lines_block(r, &ls, inner, size, size * 1.3f, MUTED, ALIGN_LEFT);
	return row->u.row.label = label;
}

static int table_rows(lrun *r, const lnode *first, const bctx *c, int i, void *arg);

/* The widest word of a kept span, were it allowed to wrap between words
 * (a kept text too long for its column's limit wraps there anyway). */
static float kept_word(const text_measurer *m, const text_span *sp, float size)
{
	float widest = 0;
	for (size_t a = 0; a < sp->len;) {
		size_t e = a;
		while (e < sp->len && sp->utf8[e] != ' ' && sp->utf8[e] != '\n')
			e++;
		float k = e > a ? m->fn(m->ctx, sp->style, size, sp->utf8 + a, e - a) : 0;
		if (k > widest)
			widest = k;
		a = e + 1;
	}
	return widest;
}

/* The width of the spans on one line, and of their widest word (of a
 * kept span: all of it, a name never wraps; of another word at most a
 * dozen letters' worth, the rest may be hyphenated); *loose is the widest
 * word were kept spans to wrap between their words. */
static void spans_widths(lrun *r, const spanbuf *s, float size, float *line, float *word,
                         float *loose, float *hard)
{
	const text_measurer *m = r->env->measurer;
	float cur = 0, w = 0;
	*line = *word = *loose = *hard = 0;
	for (size_t i = 0; i < s->n; i++) {
		const text_span *sp = &s->v[i];
		if (sp->keep) {
			float k = m->fn(m->ctx, sp->style, size, sp->utf8, sp->len);
			cur += k;
			if (k > *word)
				*word = k;
			k = kept_word(m, sp, size);
			if (k > *loose)
				*loose = k;
			if (k > *hard)
				*hard = k;
			continue;
		}
		for (size_t a = 0; a < sp->len;) {
			size_t e = a;
			while (e < sp->len && sp->utf8[e] != ' ' && sp->utf8[e] != '\n')
				e++;
			float k = e > a ? m->fn(m->ctx, sp->style, size, sp->utf8 + a, e - a) : 0;
			w += k;
			cur += k;
			/* a long word can be hyphenated: it asks for a dozen letters */
			if ((w < 6 * size ? w : 6 * size) > *word)
				*word = w < 6 * size ? w : 6 * size;
			if (*word > *loose)
				*loose = *word;
			if (e < sp->len && sp->utf8[e] == '\n') {
				if (cur > *line)
					*line = cur;
				cur = 0;
			} else if (e < sp->len) {
				cur += m->fn(m->ctx, sp->style, size, " ", 1);
			}
			if (e < sp->len)
				w = 0;
			a = e + 1;
		}
	}
	if (cur > *line)
		*line = cur;
}

/* First pass: how wide the row's cells would like to be. */
static int measure_row(table_ctx *t, const lnode *row, const bctx *c, bool header)
{
	lrun *r = t->b->r;
	size_t i = 0;
	float inset = 2 * t->pad / 0.8f + 1;
	for (const lnode *cell = row->first; cell && i < t->cols; cell = cell->next) {
		if (cell->kind != L_CELL)
			continue;
		spanbuf s = {.keep = header || lay_no_hyphenation(cell)};
		if (lay_collect_inline(r, cell->first, c, header ? FONT_BOLD : FONT_REGULAR, &s))
			return -1;
		float line, word, loose, hard;
		spans_widths(r, &s, t->size, &line, &word, &loose, &hard);
		if (line + inset > t->want[i])
			t->want[i] = line + inset;
		if (word + inset > t->least[i])
			t->least[i] = word + inset;
		if (loose + inset > t->loose[i])
			t->loose[i] = loose + inset;
		if (hard + inset > t->hard[i])
			t->hard[i] = hard + inset;
		i++;
	}
	return 0;
}

/* Column widths from content, within the layout's limits: every fraction
 * column gets at least 60 % of its share and its widest word (up to the
 * layout's limit of 1.6 shares; a word that may not be hyphenated, a
 * header's or a name's, beyond it), the columns whose content fits their
 * share give up the rest, and what is free goes first to the columns that
 * need least to fit on one line (a name, a short title), then to all in
 * proportion to their shares. */
static void fit_columns(table_ctx *t, const float *fr)
{
	float free = 0, *w = t->w;
	size_t n = t->cols;
	float lo[32], hi[32];
	for (size_t i = 0; i < n; i++) {
		if (fr[i] <= 0)
			continue;
		float share = w[i];
		/* a kept text wider than the layout's limit wraps between its
		 * words anyway: it asks only for its widest word */
		float least = t->least[i] > 1.6f * share ? t->loose[i] : t->least[i];
		lo[i] = least > 0.6f * share ? least : 0.6f * share;
		if (lo[i] > 1.6f * share)
			lo[i] = 1.6f * share;      /* the layout's limit */
		if (lo[i] < t->hard[i])
			lo[i] = t->hard[i];        /* but a word that may not break fits */
		hi[i] = t->want[i] > lo[i] ? t->want[i] : lo[i];
		float nw = hi[i] < share ? hi[i] : share;
		nw = nw > lo[i] ? nw : lo[i];
		free += share - nw;
		w[i] = nw;
	}
	while (free > 0.5f) {
		size_t best = n;
		for (size_t i = 0; i < n; i++)
			if (fr[i] > 0 && hi[i] - w[i] > 0.5f && (best == n || hi[i] - w[i] < hi[best] - w[best]))
				best = i;
		if (best == n)
			break;
		float give = hi[best] - w[best] < free ? hi[best] - w[best] : free;
		w[best] += give;
		free -= give;
	}
	if (free < 0) {
		/* over-full: taken first from what columns have above their least */
		float above = 0;
		for (size_t i = 0; i < n; i++)
			if (fr[i] > 0 && w[i] > lo[i])
				above += w[i] - lo[i];
		float take = -free < above ? -free : above;
		for (size_t i = 0; i < n && above > 0; i++)
			if (fr[i] > 0 && w[i] > lo[i])
				w[i] -= take * (w[i] - lo[i]) / above;
		free += take;
	}
	float frs = 0;
	for (size_t i = 0; i < n; i++)
		frs += fr[i];
	for (size_t i = 0; i < n && frs > 0; i++)
		if (fr[i] > 0)
			w[i] += free * fr[i] / frs;     /* what is left, or taken when negative */
}

static int table_node(table_ctx *t, const lnode *n, const bctx *c)
{
	lrun *r = t->b->r;
	switch (n->kind) {
	case L_ROW: {
		if (t->want)
			return measure_row(t, n, c, false);
		blk *rb = table_row(t, n, c, false);
		return rb && lay_vbox_add(r, t->table, rb, 0) ? 0 : -1;
	}
	case L_EMPTY_ROWS: {
		if (t->want)
			return 0;
		int count = lattr_find(n, "count")->v.integer;   /* required */
		float h = lattr_length(n, "height", 12 * PT_PER_MM);
		const lnode *tmpl = lay_skip_space(n->first);
		for (int k = 0; k < count; k++) {
			lnode empty = {.kind = L_ROW};
			blk *rb = table_row(t, tmpl && tmpl->kind == L_ROW ? tmpl : &empty, c, false);
			if (!rb)
				return -1;
			if (rb->h < h)
				rb->h = h;
			if (!lay_vbox_add(r, t->table, rb, 0))
				return -1;
		}
		return 0;
	}
	case L_IF:
		return lay_test_holds(n, c) ? table_rows(r, n->first, c, 0, t) : 0;
	case L_CHOOSE: {
		const lnode *br = lay_choose_branch(n, c);
		return br ? table_rows(r, br->first, c, 0, t) : 0;
	}
	case L_REPEAT:
		return lay_repeat_each(r, n, c, table_rows, t) < 0 ? -1 : 0;
	default:
		return 0;
	}
}

static int table_rows(lrun *r, const lnode *first, const bctx *c, int i, void *arg)
{
	(void)r;
	(void)i;
	for (const lnode *n = first; n; n = n->next)
		if (table_node(arg, n, c))
			return -1;
	return 0;
}

int lay_build_table(builder *b, const lnode *n, const bctx *c)
{
	lrun *r = b->r;
	float w[LWIDTHS_MAX], fr[LWIDTHS_MAX], want[LWIDTHS_MAX] = {0}, least[LWIDTHS_MAX] = {0},
	      loose[LWIDTHS_MAX] = {0}, hard[LWIDTHS_MAX] = {0};
	table_ctx t = {b, NULL, w, 0, 0, 0, true, false, NULL, NULL, NULL, NULL};
	t.cols = column_widths(lattr_widths(n, "widths"), b->width, w, fr);
	if (!t.cols)
		return 0;
	const lattr *sz = lattr_find(n, "size");
	t.size = sz ? sz->v.number * c->scale : base(r, c) * 0.92f;
	t.pad = 0.45f * t.size;
	/* Column widths from content: a first pass measures the cells. */
	const lnode *first = lay_skip_space(n->first);
	t.want = want;
	t.least = least;
	t.loose = loose;
	t.hard = hard;
	if ((first && first->kind == L_HEADER && measure_row(&t, first, c, true)) ||
	    table_rows(r, first && first->kind == L_HEADER ? first->next : first, c, 0, &t))
		return -1;
	fit_columns(&t, fr);
	t.want = t.least = t.loose = t.hard = NULL;
	t.grid = lattr_word(n, "rules", RULES_GRID) == RULES_GRID;
	if (!(t.table = lay_new_blk(r, B_TABLE, b->width)))
		return -1;
	t.table->role = ROLE_TABLE;
	const lnode *rows = lay_skip_space(n->first);
	t.row_headers = !rows || rows->kind != L_HEADER;
	if (rows && rows->kind == L_HEADER) {
		blk *hb = table_row(&t, rows, c, true);
		if (!hb)
			return -1;
		hb->u.row.framed = t.grid;
		rgb fillc = lattr_colour(n, "header-fill", r->l->accent);
		hb->u.row.tint = arena_alloc(r->a, sizeof(rgb));
		if (!hb->u.row.tint)
			return lay_fail(r);
		*hb->u.row.tint = fillc;
		t.table->u.vbox.header = hb;
		t.table->h = hb->h;
		t.table->cont_h = hb->h;
		rows = rows->next;
	}
	if (table_rows(r, rows, c, 0, &t))
		return -1;
	return lay_vbox_add(r, b->out, t.table, 0.8f * base(r, c)) ? 0 : -1;
}

/* lay_vbox_add places the first row at 0; rows of a table sit below the header. */
void lay_table_fix_offsets(blk *t)
{
	float off = t->u.vbox.header ? t->u.vbox.header->h : 0;
	float y = off;
	for (size_t i = 0; i < t->u.vbox.n; i++) {
		t->u.vbox.kids[i].y = y;
		y += t->u.vbox.kids[i].b->h;
	}
	t->h = y;
}

