/* text_break.c: breaking paragraphs into lines (text_break).
 *
 * Three passes: the spans are cut into words (runs of non-space
 * characters, possibly in several styles) separated by collapsed spaces
 * and forced breaks; words are placed greedily into lines of items (text
 * slices, spaces, added hyphens), breaking a word that does not fit at its
 * last explicit hyphen or hyphenation point that fits, or between
 * characters when nothing else fits an empty line; finally the widow rule
 * is applied and each line's items are merged into fragments. All memory
 * comes from the caller's arena. */
#include "text_int.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

/* --- line breaking -------------------------------------------------------- */

typedef enum item_kind { ITEM_TEXT, ITEM_SPACE, ITEM_HYPHEN } item_kind;

/* One placed piece of a line before merging. */
typedef struct item {
	item_kind kind;
	font_style style;
	const char *s;
	size_t len;
	float w;
	long units;                  /* w in 1/1000 em, with a measurer that sums units */
	size_t word;                 /* index of the word it belongs to */
} item;

typedef struct line_rec {
	size_t first, n;             /* items */
	bool forced;                 /* ended by "\n" */
	bool open_end;               /* ended inside a word */
} line_rec;

/* A style run inside a word: bytes [start, end) of the word's text. */
typedef struct run { font_style style; size_t start, end; } run;

typedef struct word {
	char *text;
	size_t len, cap;
	run *runs;
	size_t n_runs, cap_runs;
	size_t *shy;                 /* where soft hyphens were, ascending byte offsets */
	size_t n_shy, cap_shy;
	int32_t *sum;                /* the running sums of its advances, each run in its
	                              * style (see word_sums), or NULL */
	font_style space_style;
	bool keep;                   /* a span of it must not be hyphenated */
} word;

typedef struct breaker {
	arena *a;                    /* scratch: words, items, lines, candidates */
	arena *out;                  /* the paragraph returned */
	const text_measurer *m;
	text_hyph *h;
	const text_joints *joints;   /* may be NULL */
	float size, width;
	item *items;
	size_t n_items, cap_items;
	line_rec *lines;
	size_t n_lines, cap_lines;
	size_t line_first;           /* first item of the line being filled */
	float x;                     /* its width so far */
	size_t n_words;
	/* With a measurer that sums units (text.h), a width is its units at
	 * the size: the same float as measuring, and the units of pieces add
	 * up, so a line's fragment is not measured again, nor the space and
	 * hyphen each time. */
	bool summed;
	long mark_units[2][FONT_STYLES];   /* ' ' and '-' in each style, once known */
	bool mark_known[2][FONT_STYLES];
} breaker;

static float measure(const breaker *b, font_style style, const char *s, size_t len)
{
	return len ? b->m->fn(b->m->ctx, style, b->size, s, len) : 0.0f;
}

/* The units of s[0..len) in style; 0 without a summing measurer. */
static long units_of(const breaker *b, font_style style, const char *s, size_t len)
{
	return b->summed && len ? b->m->units(b->m->ctx, style, s, len, NULL) : 0;
}

static float width_of(const breaker *b, font_style style, const char *s, size_t len, long units)
{
	return b->summed ? text_units_width(units, b->size) : measure(b, style, s, len);
}

/* A space (mark 0) or a hyphen (mark 1) in style: its units and width. */
static float mark_width(breaker *b, int mark, font_style style, long *units)
{
	const char *s = mark ? "-" : " ";
	if (!b->summed) {
		*units = 0;
		return measure(b, style, s, 1);
	}
	if (!b->mark_known[mark][style]) {
		b->mark_units[mark][style] = units_of(b, style, s, 1);
		b->mark_known[mark][style] = true;
	}
	*units = b->mark_units[mark][style];
	return text_units_width(*units, b->size);
}

static int push_item(breaker *b, item_kind kind, font_style style, const char *s, size_t len, float w,
                     long units)
{
	if (arena_grow(b->a, (void **)&b->items, &b->cap_items, b->n_items, b->n_items + 1, sizeof *b->items))
		return -1;
	b->items[b->n_items++] = (item){ kind, style, s, len, w, units, b->n_words };
	b->x += w;
	return 0;
}

static int end_line(breaker *b, bool forced, bool open_end)
{
	if (arena_grow(b->a, (void **)&b->lines, &b->cap_lines, b->n_lines, b->n_lines + 1, sizeof *b->lines))
		return -1;
	b->lines[b->n_lines++] = (line_rec){ b->line_first, b->n_items - b->line_first, forced, open_end };
	b->line_first = b->n_items;
	b->x = 0;
	return 0;
}

static bool line_empty(const breaker *b)
{
	return b->n_items == b->line_first;
}

/* Width of the word's bytes [from, to), measured run by run (from the
 * word's running sums when it has them: the same floats). */
static float word_width(const breaker *b, const word *w, size_t from, size_t to)
{
	float sum = 0;
	for (size_t i = 0; i < w->n_runs; i++) {
		size_t s = w->runs[i].start > from ? w->runs[i].start : from;
		size_t e = w->runs[i].end < to ? w->runs[i].end : to;
		if (s < e)
			sum += w->sum ? text_units_width((long)w->sum[e] - w->sum[s], b->size)
			              : measure(b, w->runs[i].style, w->text + s, e - s);
	}
	return sum;
}

/* The running sums of a word that is to be broken, whose pieces are
 * measured again for every place it may break at: each run's sums in its
 * style, carried on from the run before, so that the units of bytes
 * [s, e) of one run are sum[e] - sum[s]. Left NULL without a summing
 * measurer, for a word too long, or when memory runs out (then measured
 * piece by piece). */
static void word_sums(breaker *b, word *w)
{
	if (!b->summed || w->len >= TEXT_UNITS_MAX_LEN || !(w->sum = arena_array(b->a, w->len + 1, sizeof *w->sum)))
		return;
	w->sum[0] = 0;
	for (size_t i = 0; i < w->n_runs; i++) {
		const run *r = &w->runs[i];
		int32_t before = w->sum[r->start];
		b->m->units(b->m->ctx, r->style, w->text + r->start, r->end - r->start, w->sum + r->start);
		for (size_t k = r->start; k <= r->end; k++)
			w->sum[k] += before;
	}
}

static font_style style_at(const word *w, size_t at)
{
	for (size_t i = 0; i < w->n_runs; i++)
		if (at < w->runs[i].end)
			return w->runs[i].style;
	return w->n_runs ? w->runs[w->n_runs - 1].style : FONT_REGULAR;
}

/* Places the word's bytes [from, to), preceded by a space when the line
 * already holds something, and followed by a hyphen when hyphen is set. */
static int place(breaker *b, const word *w, size_t from, size_t to, bool hyphen)
{
	long u;
	if (!line_empty(b)) {
		float sw = mark_width(b, 0, w->space_style, &u);
		if (push_item(b, ITEM_SPACE, w->space_style, " ", 1, sw, u))
			return -1;
	}
	for (size_t i = 0; i < w->n_runs; i++) {
		size_t s = w->runs[i].start > from ? w->runs[i].start : from;
		size_t e = w->runs[i].end < to ? w->runs[i].end : to;
		if (s >= e)
			continue;
		font_style st = w->runs[i].style;
		u = w->sum ? (long)w->sum[e] - w->sum[s] : units_of(b, st, w->text + s, e - s);
		if (push_item(b, ITEM_TEXT, st, w->text + s, e - s, width_of(b, st, w->text + s, e - s, u), u))
			return -1;
	}
	if (hyphen) {
		font_style st = style_at(w, to - 1);
		float hw = mark_width(b, 1, st, &u);
		if (push_item(b, ITEM_HYPHEN, st, "-", 1, hw, u))
			return -1;
	}
	return 0;
}

/* A break candidate inside a word: after byte at, adding a hyphen or not;
 * preferred: at an explicit hyphen or a compound joint. */
typedef struct cand { size_t at; bool hyphen, preferred; } cand;

/* Characters of the alphanumeric run that ends (dir < 0) or starts at i. */
static size_t alnum_chars(const word *w, size_t i, int dir)
{
	size_t n = 0;
	if (dir < 0) {
		for (; i > 0 && text_is_alnum_at(w->text, i - 1); i--)
			n += ((unsigned char)w->text[i - 1] & 0xC0) != 0x80;
	} else {
		for (; i < w->len && text_is_alnum_at(w->text, i); i++)
			n += ((unsigned char)w->text[i] & 0xC0) != 0x80;
	}
	return n;
}

static bool is_url(const word *w)
{
	const char *t = w->text;
	size_t n = w->len;
	for (size_t i = 0; i + 3 <= n; i++)
		if (memcmp(t + i, "://", 3) == 0)
			return true;
	if (n > 4 && memcmp(t, "www.", 4) == 0)
		return true;
	const char *at = memchr(t, '@', n);
	return at && at > t && memchr(at, '.', n - (size_t)(at - t)) != NULL;
}

/* A URL or an e-mail address breaks after '/' (not inside "//") and
 * before '.', '?', '&', '#' or '@', 3 characters from either end and never
 * inside its scheme; no hyphen is drawn. */
static size_t url_breaks(const word *w, cand *c)
{
	const char *t = w->text;
	size_t n = 0, from = 3;
	for (size_t i = 0; i + 3 <= w->len; i++)
		if (memcmp(t + i, "://", 3) == 0) {
			from = i + 3;
			break;
		}
	for (size_t i = from; i + 3 <= w->len; i++) {
		bool after_slash = t[i - 1] == '/' && t[i] != '/';
		bool before_mark = strchr(".?&#@", t[i]) != NULL && t[i - 1] != '/';
		if (after_slash || before_mark)
			c[n++] = (cand){ i, false, true };
	}
	return n;
}

/* Letters between byte offsets x and y of the word. */
static size_t chars_between(const word *w, size_t x, size_t y)
{
	size_t lo = x < y ? x : y, hi = x < y ? y : x;
	return text_count_code_points(w->text + lo, hi - lo);
}

/* Collects the word's break candidates, ascending: explicit hyphens with
 * 3 characters either side, compound joints, and the text_patterns' breaks
 * that keep 3 letters from any joint; none but hyphens in a kept word. A
 * word with soft hyphens breaks only there (and at explicit hyphens): its
 * author has said where, so neither the text_patterns nor the joints are asked. */
static size_t word_breaks(breaker *b, const word *w, cand **out)
{
	size_t max = w->len, n = 0, nh = 0, nj = 0;
	cand *c = arena_array(b->a, max + 1, sizeof *c);
	size_t *hy = w->n_shy ? w->shy : arena_array(b->a, max + 1, sizeof *hy);
	size_t *jt = arena_array(b->a, max + 1, sizeof *jt);
	if (!c || !hy || !jt)
		return (size_t)-1;
	*out = c;
	if (is_url(w))
		return url_breaks(w, c);
	bool keep = w->keep || (b->joints && text_holds_name(b->joints, w->text, w->len));
	if (w->n_shy)
		nh = w->n_shy;         /* the author's soft hyphens, and only those */
	else if (b->h && !keep)
		nh = text_hyphenate(b->h, w->text, w->len, hy, max);
	if (b->joints && b->joints->n && !keep && !w->n_shy)
		nj = text_each_run(w->text, w->len, text_joint_run, (void *)b->joints, jt, max);
	for (size_t i = 1; i + 1 < w->len; i++) {
		bool explicit_hyphen = w->text[i - 1] == '-' && w->text[i] != '-' &&
		                       alnum_chars(w, i - 1, -1) >= 3 && alnum_chars(w, i, 1) >= 3;
		bool joint = false, hyph = false;
		for (size_t k = 0; k < nj; k++)
			joint |= jt[k] == i;
		for (size_t k = 0; k < nh && !joint; k++) {
			if (hy[k] != i)
				continue;
			hyph = true;
			for (size_t q = 0; q < nj; q++)
				if (chars_between(w, i, jt[q]) < 3)
					hyph = false;
		}
		if (explicit_hyphen)
			c[n++] = (cand){ i, false, true };
		else if (joint || hyph)
			c[n++] = (cand){ i, true, joint };
	}
	return n;
}

/* The longest prefix [pos, p) of whole characters no wider than avail,
 * at least one character. */
static size_t char_break(const breaker *b, const word *w, size_t pos, float avail)
{
	size_t p = pos + text_char_len(w->text + pos, w->len - pos);
	while (p < w->len) {
		size_t next = p + text_char_len(w->text + p, w->len - p);
		if (word_width(b, w, pos, next) > avail)
			break;
		p = next;
	}
	return p;
}

/* Places one word, breaking it across lines as needed. */
static int place_word(breaker *b, word *w)
{
	cand *c = NULL;
	size_t nc = (size_t)-2, pos = 0;   /* candidates found lazily */

	long u;
	while (pos < w->len) {
		float sp = line_empty(b) ? 0.0f : mark_width(b, 0, w->space_style, &u);
		float avail = b->width - b->x - sp;
		if (word_width(b, w, pos, w->len) <= avail)
			return place(b, w, pos, w->len, false);
		if (nc == (size_t)-2) {
			if ((nc = word_breaks(b, w, &c)) == (size_t)-1)
				return -1;
			word_sums(b, w);
		}
		/* The last break that fits; a compound joint or an explicit
		 * hyphen that fits is preferred when the line stays half full. */
		size_t best = 0, pref = 0;
		bool hyphen = false, pref_hyphen = false;
		float pref_need = 0;
		for (size_t i = 0; i < nc; i++) {
			if (c[i].at <= pos)
				continue;
			float need = word_width(b, w, pos, c[i].at);
			if (c[i].hyphen)
				need += mark_width(b, 1, style_at(w, c[i].at - 1), &u);
			if (need > avail)
				break;
			best = c[i].at;
			hyphen = c[i].hyphen;
			if (c[i].preferred) {
				pref = c[i].at;
				pref_hyphen = c[i].hyphen;
				pref_need = need;
			}
		}
		if (pref && pref != best && b->x + sp + pref_need >= 0.5f * b->width) {
			best = pref;
			hyphen = pref_hyphen;
		}
		if (best == 0 && !line_empty(b)) {
			if (end_line(b, false, false))
				return -1;
			continue;
		}
		if (best == 0)
			best = char_break(b, w, pos, avail);
		if (place(b, w, pos, best, hyphen) || end_line(b, false, true))
			return -1;
		pos = best;
	}
	return 0;
}

/* --- words ----------------------------------------------------------------- */

static int append_bytes(arena *a, word *w, font_style style, const char *s, size_t len)
{
	if (w->len + len + 1 > w->cap) {
		size_t ncap = (w->len + len + 1) * 2;
		char *t = arena_alloc(a, ncap);
		if (!t)
			return -1;
		if (w->len)
			memcpy(t, w->text, w->len);
		w->text = t;
		w->cap = ncap;
	}
	memcpy(w->text + w->len, s, len);
	if (w->n_runs && w->runs[w->n_runs - 1].style == style && w->runs[w->n_runs - 1].end == w->len) {
		w->runs[w->n_runs - 1].end += len;
	} else {
		if (arena_grow(a, (void **)&w->runs, &w->cap_runs, w->n_runs, w->n_runs + 1, sizeof *w->runs))
			return -1;
		w->runs[w->n_runs++] = (run){ style, w->len, w->len + len };
	}
	w->len += len;
	return 0;
}

/* The first soft hyphen in s[0..len), or NULL. */
static const char *find_shy(const char *s, size_t len)
{
	for (const char *p = s, *end = s + len; (p = memchr(p, 0xC2, (size_t)(end - p))); p++)
		if (end - p >= 2 && (unsigned char)p[1] == 0xAD)
			return p;
	return NULL;
}

/* Appends s[0..len) to w, leaving out its soft hyphens (when shy says the
 * span has some): they are invisible and only mark where the word may
 * break, so their places go to w->shy. */
static int word_append(arena *a, word *w, font_style style, bool keep, const char *s, size_t len,
                       bool shy_in_span)
{
	const char *shy;
	w->keep |= keep;
	while (shy_in_span && (shy = find_shy(s, len))) {
		size_t piece = (size_t)(shy - s);
		if (piece && append_bytes(a, w, style, s, piece))
			return -1;
		if (arena_grow(a, (void **)&w->shy, &w->cap_shy, w->n_shy, w->n_shy + 1, sizeof *w->shy))
			return -1;
		if (w->n_shy == 0 || w->shy[w->n_shy - 1] != w->len)
			w->shy[w->n_shy++] = w->len;
		s += piece + 2;
		len -= piece + 2;
	}
	return len ? append_bytes(a, w, style, s, len) : 0;
}

/* An empty word that keeps w's arrays of runs and soft hyphens, which
 * nothing placed points into (the items point into the text). */
static word next_word(const word *w)
{
	return (word){ .runs = w->runs, .cap_runs = w->cap_runs, .shy = w->shy, .cap_shy = w->cap_shy };
}

/* Places the word collected so far (if any) and starts a new one. */
static int flush_word(breaker *b, word *w)
{
	if (w->len == 0) {
		*w = next_word(w);   /* soft hyphens alone are no word */
		return 0;
	}
	if (place_word(b, w))
		return -1;
	b->n_words++;
	*w = next_word(w);
	return 0;
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

/* Units a number is never parted from, and words that are never parted
 * from the number after them. */
static const char *const units[] = {
	"%", "\u2030", "kr.", "kr", "mm", "cm", "m", "km", "m\u00B2", "m2", "m\u00B3", "kg", "g",
	"l", "dB", "\u00B0C", "\u00B0", "t", "t.", "min", "min.", "sek.", "timer", "time",
	"minutter", "sekunder", "dage", "dag", "d\u00F8gn", "uger", "uge", "m\u00E5neder",
	"md.", "\u00E5r", "stk.", "pct.", "procent", NULL
};
static const char *const before_number[] = { "kl.", "Kl.", "nr.", "Nr.", "\u00A7", "\u00A7\u00A7", "pkt.", NULL };

bool text_listed(const char *const *list, const char *s, size_t len)
{
	for (size_t i = 0; list[i]; i++)
		if (len && list[i][0] == s[0] && strlen(list[i]) == len && memcmp(list[i], s, len) == 0)
			return true;
	return false;
}

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* Is the space after the word so far (its last part, after any glued
 * space) and before the token t[0..n) one that must not break? */
static bool glued(const word *w, const char *t, size_t n)
{
	size_t from = w->len;
	while (from > 0 && w->text[from - 1] != ' ')
		from--;
	const char *last = w->text + from;
	size_t ln = w->len - from;
	if (!ln || !n)
		return false;
	if (text_listed(before_number, last, ln))
		return is_digit(t[0]);
	if (!is_digit(last[ln - 1]) || !(is_digit(last[0]) || strchr("+-", last[0])))
		return false;
	size_t bare = n;
	while (bare > 0 && strchr(",;:)!?.", t[bare - 1]))
		bare--;
	return text_listed(units, t, n) || (bare && text_listed(units, t, bare));
}

/* Cuts the spans into words and feeds them to the line filler. */
static int fill_lines(breaker *b, const text_span *spans, size_t n_spans)
{
	word w = { 0 };
	bool space = false;
	font_style space_style = FONT_REGULAR;

	for (size_t i = 0; i < n_spans; i++) {
		const char *s = spans[i].utf8;
		size_t len = spans[i].len, start = 0;
		bool shy = find_shy(s, len) != NULL;
		for (size_t j = 0; j <= len; j++) {
			bool end = j == len;
			if (!end && !is_space(s[j]) && s[j] != '\n')
				continue;
			if (j > start) {
				if (w.len == 0) {
					w.space_style = space_style;
				}
				if (word_append(b->a, &w, spans[i].style, spans[i].keep, s + start, j - start, shy))
					return -1;
				space = false;
			}
			start = j + 1;
			if (end)
				break;
			if (s[j] != '\n' && w.len) {
				/* a number and its unit stay together: the space joins them */
				size_t k = j;
				while (k < len && is_space(s[k]))
					k++;
				size_t e = k;
				while (e < len && !is_space(s[e]) && s[e] != '\n')
					e++;
				if (glued(&w, s + k, e - k)) {
					if (word_append(b->a, &w, spans[i].style, spans[i].keep, " ", 1, false))
						return -1;
					start = k;
					j = k - 1;
					continue;
				}
			}
			if (flush_word(b, &w))
				return -1;
			if (s[j] == '\n') {
				if (end_line(b, true, false))
					return -1;
				space = false;
			} else if (!space && !line_empty(b)) {
				space = true;
				space_style = spans[i].style;
			}
		}
	}
	if (flush_word(b, &w))
		return -1;
	return line_empty(b) ? 0 : end_line(b, false, false);
}

/* --- widow rule and output ---------------------------------------------- */

/* True when line l holds exactly one word, whole, of fewer than 4 chars. */
static bool lone_short_word(const breaker *b, const line_rec *l)
{
	if (l->n == 0)
		return false;
	size_t wd = b->items[l->first].word, chars = 0;
	for (size_t i = l->first; i < l->first + l->n; i++) {
		if (b->items[i].kind != ITEM_TEXT || b->items[i].word != wd)
			return false;
		chars += text_count_code_points(b->items[i].s, b->items[i].len);
	}
	const line_rec *prev = l - 1;
	return chars < 4 && b->items[prev->first + prev->n - 1].word != wd;
}

/* Avoids a last line that holds one short word: when the line before it
 * wrapped and ends in a whole word after a space, that word moves down,
 * provided the new last line fits. Items are reordered in place. */
static void apply_widow_rule(breaker *b)
{
	if (b->n_lines < 2)
		return;
	line_rec *last = &b->lines[b->n_lines - 1], *prev = last - 1;
	if (prev->forced || !lone_short_word(b, last))
		return;
	size_t end = prev->first + prev->n, k = end;
	size_t wd = b->items[end - 1].word;
	if (b->items[end - 1].kind != ITEM_TEXT)
		return;
	while (k > prev->first && b->items[k - 1].word == wd && b->items[k - 1].kind == ITEM_TEXT)
		k--;
	/* k is the first item of the moving word; a space must precede it, and
	 * the word must not continue from the line before prev */
	if (k == prev->first || b->items[k - 1].kind != ITEM_SPACE)
		return;
	float moved = 0, rest = 0;
	for (size_t i = k - 1; i < end; i++)
		moved += b->items[i].w;
	for (size_t i = last->first; i < last->first + last->n; i++)
		rest += b->items[i].w;
	if (moved + rest > b->width)
		return;
	/* prev's tail [k-1, end) is "space word"; the last line becomes
	 * "word space short": rotate the space behind the word */
	item space = b->items[k - 1];
	memmove(&b->items[k - 1], &b->items[k], (end - k) * sizeof *b->items);
	b->items[end - 1] = space;
	prev->n = k - 1 - prev->first;
	last->first = k - 1;
	last->n += end - k + 1;
}

/* Merges a line's items into fragments of one style each. */
static int finish_line(breaker *b, const line_rec *l, text_line *out)
{
	out->frags = arena_array(b->out, l->n ? l->n : 1, sizeof *out->frags);
	if (!out->frags)
		return -1;
	float x = 0;
	for (size_t i = l->first; i < l->first + l->n;) {
		size_t j = i, bytes = 0;
		long sum_u = 0;
		for (; j < l->first + l->n && b->items[j].style == b->items[i].style; j++) {
			bytes += b->items[j].len;
			sum_u += b->items[j].units;
		}
		char *s = arena_alloc(b->out, bytes + 1), *p = s;
		if (!s)
			return -1;
		for (size_t k = i; k < j; k++) {
			memcpy(p, b->items[k].s, b->items[k].len);
			p += b->items[k].len;
		}
		*p = '\0';
		float w = width_of(b, b->items[i].style, s, bytes, sum_u);
		out->frags[out->n++] = (text_frag){ b->items[i].style, s, x, w };
		x += w;
		i = j;
	}
	out->width = x;
	out->open_end = l->open_end;
	out->hyphen_added = l->n && b->items[l->first + l->n - 1].kind == ITEM_HYPHEN;
	return 0;
}

/* The words, items and candidate breaks live in a scratch arena freed at
 * the end: growing arrays left behind in the caller's arena were a quarter
 * of a document's memory. Only the lines themselves go into a. */
int text_break(arena *a, const text_measurer *m, text_hyph *h,
               const text_span *spans, size_t n_spans,
               float size, float width, text_para *out)
{
	return text_break_joints(a, m, h, NULL, spans, n_spans, size, width, out);
}

int text_break_joints(arena *a, const text_measurer *m, text_hyph *h, const text_joints *j,
                      const text_span *spans, size_t n_spans,
                      float size, float width, text_para *out)
{
	breaker b = { .a = arena_new(), .out = a, .m = m, .h = h, .joints = j, .size = size, .width = width,
	              .summed = m->units != NULL };
	int rc = -1;

	*out = (text_para){ 0 };
	if (!b.a || fill_lines(&b, spans, n_spans))
		goto done;
	apply_widow_rule(&b);
	out->lines = arena_array(a, b.n_lines ? b.n_lines : 1, sizeof *out->lines);
	if (!out->lines)
		goto done;
	for (size_t i = 0; i < b.n_lines; i++) {
		if (finish_line(&b, &b.lines[i], &out->lines[i]))
			goto done;
		out->n++;
	}
	rc = 0;
done:
	arena_free(b.a);
	return rc;
}

