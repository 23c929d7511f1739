/* text.c: typesetting of words: a fake measurer for tests, hyphenation
 * with libhyphen (Danish first, and each language's patterns in their
 * own encoding) and the compound joints a typesetter knows; breaking
 * paragraphs into lines is text_break.c's. */
#include "text.h"
#include "utf8.h"

#include <hyphen.h>
#include <stdio.h>
#include <pthread.h>
#include <utf8proc.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "text_int.h"

/* --- UTF-8 ------------------------------------------------------------ */

/* Counts code points; an invalid byte counts as one. */
size_t text_count_code_points(const char *s, size_t len)
{
	size_t n = 0;
	for (size_t i = 0; i < len; n++) {
		unsigned cp;
		size_t step = utf8_decode(s + i, len - i, &cp);
		i += step ? step : 1;
	}
	return n;
}

/* Length of the code point at s (1 for an invalid byte). */
size_t text_char_len(const char *s, size_t len)
{
	unsigned cp;
	size_t step = utf8_decode(s, len, &cp);
	return step ? step : 1;
}

static float fake_measure(void *ctx, font_style style, float size, const char *utf8, size_t len)
{
	(void)ctx;
	(void)style;
	return 0.5f * size * (float)text_count_code_points(utf8, len);
}

const text_measurer text_fake_measurer = { fake_measure, NULL, 0.8f, 0.2f, NULL };

bool text_is_alnum_at(const char *s, size_t i)
{
	unsigned char c = (unsigned char)s[i];
	return c >= 0x80 || (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z');
}

/* --- hyphenation -------------------------------------------------------- */


#define MAX_HYPH_RUN 90          /* libhyphen handles words below 100 bytes */

/* The text_patterns load on the first word that needs them, not when the
 * dictionary is opened, so a kit whose documents break no word never pays
 * for them (loading hyph_da_DK.dic is a large part of a small document's
 * work: bench/NOTES.md).
 * They are hyphen-da's file, read when amokit runs: the text_patterns are
 * LGPL-licensed and stay a separate, replaceable work (README, Licence). */
struct text_hyph {
	pthread_mutex_t lock;
	atomic_bool loaded;
	HyphenDict *dict;          /* NULL until loaded, or when unreadable */
	int enc;                   /* its encoding (hyph_enc), set when loaded */
	text_memo *memo;           /* the words hyphenated so far; NULL: none kept */
	char path[];
};

text_hyph *text_hyph_open(const char *path)
{
	if (access(path, R_OK) != 0)
		return NULL;
	size_t len = strlen(path);
	text_hyph *h = malloc(sizeof *h + len + 1);
	if (!h)
		return NULL;
	pthread_mutex_init(&h->lock, NULL);
	atomic_init(&h->loaded, false);
	h->dict = NULL;
	h->memo = text_memo_new();
	memcpy(h->path, path, len + 1);
	return h;
}

typedef enum hyph_enc { ENC_LATIN1, ENC_LATIN2, ENC_LATIN7, ENC_UTF8, ENC_UNKNOWN } hyph_enc;

/* The encoding a pattern file declares on its first line ("ISO8859-2"),
 * read from the file: libhyphen keeps it in a structure of its own. */
static hyph_enc file_encoding(const char *path)
{
	char line[64] = "";
	FILE *f = fopen(path, "r");
	if (!f)
		return ENC_UNKNOWN;
	if (!fgets(line, sizeof line, f))
		line[0] = '\0';
	fclose(f);
	line[strcspn(line, " \t\r\n")] = '\0';
	return strcmp(line, "UTF-8") == 0 ? ENC_UTF8 : strcmp(line, "ISO8859-1") == 0 ? ENC_LATIN1
	     : strcmp(line, "ISO8859-2") == 0 ? ENC_LATIN2 : strcmp(line, "ISO8859-13") == 0 ? ENC_LATIN7
	     : ENC_UNKNOWN;
}

/* The patterns, loaded once by whichever thread asks first. */
HyphenDict *text_patterns(text_hyph *h)
{
	if (!atomic_load_explicit(&h->loaded, memory_order_acquire)) {
		pthread_mutex_lock(&h->lock);
		if (!atomic_load_explicit(&h->loaded, memory_order_relaxed)) {
			h->dict = hnj_hyphen_load(h->path);
			h->enc = h->dict ? (int)file_encoding(h->path) : 0;
			atomic_store_explicit(&h->loaded, true, memory_order_release);
		}
		pthread_mutex_unlock(&h->lock);
	}
	return h->dict;
}

void text_hyph_load(text_hyph *h)
{
	if (h)
		text_patterns(h);
}

void text_hyph_close(text_hyph *h)
{
	if (!h)
		return;
	if (h->dict)
		hnj_hyphen_free(h->dict);
	text_memo_free(h->memo);
	pthread_mutex_destroy(&h->lock);
	free(h);
}

/* Lowercase Latin-1 letter for c, or 0 when c is not a letter. */
static unsigned char latin1_letter(unsigned c)
{
	if (c >= 'a' && c <= 'z')
		return (unsigned char)c;
	if (c >= 'A' && c <= 'Z')
		return (unsigned char)(c + 32);
	if (c >= 0xDF && c <= 0xFF && c != 0xF7)
		return (unsigned char)c;
	if (c >= 0xC0 && c <= 0xDE && c != 0xD7)
		return (unsigned char)(c + 32);
	return 0;
}

/* Danish vowels, as latin1_letter gives them. */
static bool latin1_vowel(unsigned char c)
{
	return strchr("aeiouy", c) ? c != 0 : c >= 0xE0 && c != 0xE7 && c != 0xF0 && c != 0xF1 && c != 0xF7 && c != 0xFE;
}


/* The word is cut into runs of Latin-1 letters (punctuation, digits and
 * hyphens split runs) and fn is called for each run of at least 6 letters
 * (3 on each side of a break). A word with any character outside Latin-1
 * gets no breaks. */
size_t text_each_run(const char *word, size_t len, run_fn fn, void *ctx, size_t *breaks, size_t max)
{
	char buf[MAX_HYPH_RUN + 1];
	size_t ends[MAX_HYPH_RUN + 1];
	size_t count = 0;
	int n = 0;

	for (size_t i = 0; i < len;) {
		unsigned cp;
		size_t step = utf8_decode(word + i, len - i, &cp);
		if (step == 0 || cp > 0xFF)
			return 0;
		i += step;
		unsigned char letter = latin1_letter(cp);
		if (letter && n <= MAX_HYPH_RUN) {
			if (n < MAX_HYPH_RUN) {
				buf[n] = (char)letter;
				ends[n] = i;
			}
			n++;
		}
		if (!letter || i == len) {
			if (n >= 6 && n <= MAX_HYPH_RUN) {
				buf[n] = '\0';   /* libhyphen reads the word as a C string */
				letter_run run = { buf, ends, n };
				count = fn(&run, ctx, breaks, count, max);
			}
			n = letter ? n : 0;
		}
	}
	return count;
}

/* Frees what hnj_hyphen_hyphenate3 gave back for a word of n bytes. */
static void free_hyphenation(char **rep, int *pos, int *cut, int n)
{
	if (rep) {
		for (int i = 0; i < n; i++)
			free(rep[i]);
		free(rep);
	}
	free(pos);
	free(cut);
}

/* The text_patterns' breaks in one run: 3 letters either side, none between
 * two vowels. */
static size_t hyphenate_run(const letter_run *run, void *ctx, size_t *breaks, size_t count, size_t max)
{
	HyphenDict *dict = ctx;
	char hyphens[MAX_HYPH_RUN + 5];
	char **rep = NULL;
	int *pos = NULL, *cut = NULL, n = run->n;

	if (hnj_hyphen_hyphenate3(dict, run->buf, n, hyphens, NULL, &rep, &pos, &cut, 3, 3, 0, 0) == 0) {
		/* a break after letter i needs 3 letters before and 3 after */
		for (int i = 2; i <= n - 4 && count < max; i++)
			if ((hyphens[i] & 1) && !(rep && rep[i]) &&
			    !(latin1_vowel((unsigned char)run->buf[i]) && latin1_vowel((unsigned char)run->buf[i + 1])))
				breaks[count++] = run->ends[i];
	}
	free_hyphenation(rep, pos, cut, n);
	return count;
}

/* Dictionaries in other encodings than Danish's Latin-1 (Debian's
 * hyphen-pl is ISO 8859-2, hyphen-lt ISO 8859-13, hyphen-en-us, -ro and
 * -uk are UTF-8): a word's letters are written in the dictionary's
 * encoding, lower case, and the breaks libhyphen gives per character map
 * back to the word's bytes. Only Latin-1 runs keep the Danish rule against
 * a break between two vowels. */
/* Lower-case letters of ISO 8859-2 and ISO 8859-13 above ASCII, by code point. */
static const struct { unsigned short cp; unsigned char latin2, latin7; } iso_letters[] = {
	{0xE1, 0xE1, 0}, {0xE4, 0xE4, 0xE4}, {0xE9, 0xE9, 0xE9}, {0xED, 0xED, 0}, {0xF3, 0xF3, 0xF3},
	{0xF6, 0xF6, 0xF6}, {0xFA, 0xFA, 0}, {0xFC, 0xFC, 0xFC}, {0x101, 0, 0xE2}, {0x105, 0xB1, 0xE0},
	{0x107, 0xE6, 0xE3}, {0x10D, 0xE8, 0xE8}, {0x113, 0, 0xE7}, {0x117, 0, 0xEB}, {0x119, 0xEA, 0xE6},
	{0x12B, 0, 0xEE}, {0x12F, 0, 0xE1}, {0x142, 0xB3, 0xF9}, {0x144, 0xF1, 0xF1}, {0x15B, 0xB6, 0xFA},
	{0x161, 0xB9, 0xF0}, {0x16B, 0, 0xFB}, {0x173, 0, 0xF8}, {0x17A, 0xBC, 0xEA}, {0x17C, 0xBF, 0xFD},
	{0x17E, 0xBE, 0xFE},
};

/* Letter cp in encoding e, lower case, into out; its byte count, 0 when
 * cp is no letter, -1 when it is one the encoding cannot write. */
static int encode_letter(hyph_enc e, unsigned cp, char *out)
{
	utf8proc_category_t cat = utf8proc_category((utf8proc_int32_t)cp);
	if (cat != UTF8PROC_CATEGORY_LU && cat != UTF8PROC_CATEGORY_LL && cat != UTF8PROC_CATEGORY_LT &&
	    cat != UTF8PROC_CATEGORY_LO)
		return 0;
	unsigned lc = (unsigned)utf8proc_tolower((utf8proc_int32_t)cp);
	if (e == ENC_UTF8)
		return (int)utf8proc_encode_char((utf8proc_int32_t)lc, (utf8proc_uint8_t *)out);
	if (lc < 0x80) {
		out[0] = (char)lc;
		return 1;
	}
	for (size_t i = 0; i < sizeof iso_letters / sizeof iso_letters[0]; i++)
		if (iso_letters[i].cp == lc) {
			unsigned char b = e == ENC_LATIN2 ? iso_letters[i].latin2 : iso_letters[i].latin7;
			out[0] = (char)b;
			return b ? 1 : -1;
		}
	return -1;
}

/* The patterns' breaks in one run of n letters, bytes long in the
 * dictionary's encoding: 3 letters either side. */
static size_t hyphenate_encoded(HyphenDict *dict, const char *buf, int bytes, const size_t *ends, int n,
                                size_t *breaks, size_t count, size_t max)
{
	char hyphens[MAX_HYPH_RUN + 5];
	char **rep = NULL;
	int *pos = NULL, *cut = NULL;
	if (hnj_hyphen_hyphenate3(dict, buf, bytes, hyphens, NULL, &rep, &pos, &cut, 3, 3, 0, 0) == 0)
		for (int i = 2; i <= n - 4 && count < max; i++)
			if ((hyphens[i] & 1) && !(rep && rep[i]))
				breaks[count++] = ends[i];
	free_hyphenation(rep, pos, cut, bytes);
	return count;
}

/* each_run for a dictionary in encoding e: runs of letters (any script
 * the encoding writes), at least 6 letters and at most MAX_HYPH_RUN bytes;
 * a word with a letter the encoding cannot write gets no breaks. */
static size_t hyphenate_in(HyphenDict *dict, hyph_enc e, const char *word, size_t len, size_t *breaks,
                           size_t max)
{
	char buf[MAX_HYPH_RUN + 8];
	size_t ends[MAX_HYPH_RUN + 1];
	size_t count = 0;
	int n = 0, bytes = 0;
	bool too_long = false;

	for (size_t i = 0; i < len;) {
		unsigned cp;
		size_t step = utf8_decode(word + i, len - i, &cp);
		if (step == 0)
			return 0;
		i += step;
		char enc[4];
		int k = encode_letter(e, cp, enc);
		if (k < 0)
			return 0;
		if (k > 0) {
			if (bytes + k <= MAX_HYPH_RUN && n < MAX_HYPH_RUN) {
				memcpy(buf + bytes, enc, (size_t)k);
				ends[n] = i;
			} else {
				too_long = true;
			}
			bytes += k;
			n++;
		}
		if (k == 0 || i == len) {
			if (n >= 6 && !too_long) {
				buf[bytes] = '\0';
				count = hyphenate_encoded(dict, buf, bytes, ends, n, breaks, count, max);
			}
			n = bytes = 0;
			too_long = false;
		}
	}
	return count;
}

static size_t hyphenate(const text_hyph *h, const char *word, size_t len, size_t *breaks, size_t max)
{
	hyph_enc e = (hyph_enc)h->enc;
	if (e == ENC_LATIN1)
		return text_each_run(word, len, hyphenate_run, h->dict, breaks, max);
	return e == ENC_UNKNOWN ? 0 : hyphenate_in(h->dict, e, word, len, breaks, max);
}

/* A word is looked up in the memo before libhyphen is asked, except one
 * too short for a break (6 letters) or too long for the memo. The breaks
 * come in ascending order and stop at max, so the first max of all a
 * word's breaks are what asking with max gives. */
size_t text_hyphenate(text_hyph *h, const char *word, size_t len, size_t *breaks, size_t max)
{
	HyphenDict *dict = h ? text_patterns(h) : NULL;
	if (!dict)
		return 0;
	if (!h->memo || len < 6 || len > TEXT_MEMO_MAX_LEN)
		return hyphenate(h, word, len, breaks, max);
	uint64_t hash = text_memo_hash(word, len);
	size_t n;
	if (text_memo_find(h->memo, word, len, hash, breaks, max, &n))
		return n;
	size_t all[TEXT_MEMO_MAX_LEN];
	n = hyphenate(h, word, len, all, len);
	text_memo_add(h->memo, word, len, hash, all, n);
	n = n < max ? n : max;
	memcpy(breaks, all, n * sizeof *breaks);
	return n;
}

/* --- compound joints ------------------------------------------------------ */


/* Parses one entry; false when it holds anything but letters and '='. */
static bool parse_joint_word(arena *a, const char *s, size_t len, joint_word *out)
{
	char *letters = arena_alloc(a, len + 1);
	unsigned char *at = arena_alloc(a, len + 1);
	if (!letters || !at)
		return false;
	size_t n = 0, n_at = 0;
	for (size_t i = 0; i < len;) {
		unsigned cp;
		size_t step = utf8_decode(s + i, len - i, &cp);
		if (!step)
			return false;
		i += step;
		unsigned char l = cp <= 0xFF ? latin1_letter(cp) : 0;
		if (cp == '=' && n >= 3 && n < 255)
			at[n_at++] = (unsigned char)n;
		else if (l)
			letters[n++] = (char)l;
		else
			return false;
	}
	if (!n_at || n - at[n_at - 1] < 3)
		return false;
	*out = (joint_word){ letters, n, at, n_at };
	return true;
}

text_joints *text_joints_parse(arena *a, const char *list)
{
	text_joints *j = arena_alloc(a, sizeof *j);
	if (!j)
		return NULL;
	*j = (text_joints){ 0 };
	size_t cap = 0;
	for (const char *p = list ? list : ""; *p;) {
		size_t sp = strspn(p, " \t\r\n"), len;
		p += sp;
		if (!(len = strcspn(p, " \t\r\n")))
			break;
		joint_word w;
		if (parse_joint_word(a, p, len, &w)) {
			if (arena_grow(a, (void **)&j->v, &cap, j->n, j->n + 1, sizeof *j->v))
				return NULL;
			j->v[j->n++] = w;
		}
		p += len;
	}
	return j;
}

int text_joints_add_names(arena *a, text_joints *j, const char *text)
{
	size_t len = strlen(text);
	for (size_t i = 0; i < len;) {
		size_t e = i;
		while (e < len && text_is_alnum_at(text, e))
			e++;
		unsigned cp = 0;
		bool capital = e > i && utf8_decode(text + i, e - i, &cp) &&
		               ((cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp != 0xD7 && cp <= 0xDE) ||
		                (cp >= 0x100 && cp < 0x250 && (cp & 1) == 0) || cp >= 0x250);
		if (capital && text_count_code_points(text + i, e - i) >= 3) {
			if (arena_grow(a, (void **)&j->names, &j->cap_names, j->n_names, j->n_names + 1, sizeof *j->names))
				return -1;
			j->names[j->n_names++] = (name_word){ text + i, e - i };
		}
		i = e < len ? e + 1 : e;
	}
	return 0;
}

void text_joints_share_names(text_joints *j, const text_joints *from)
{
	j->names = from->names;
	j->n_names = from->n_names;
	j->cap_names = 0;   /* not j's to grow: it gets no names of its own */
}

/* Does the word hold one of the names, as a whole alphanumeric part? */
bool text_holds_name(const text_joints *j, const char *w, size_t len)
{
	for (size_t i = 0; i < len;) {
		size_t e = i;
		while (e < len && text_is_alnum_at(w, e))
			e++;
		for (size_t k = 0; k < j->n_names && e > i; k++)
			if (j->names[k].len == e - i && memcmp(j->names[k].s, w + i, e - i) == 0)
				return true;
		i = e < len ? e + 1 : e;
	}
	return false;
}

/* The joints of every text_listed word found in the run, 3 letters from its ends. */
size_t text_joint_run(const letter_run *run, void *ctx, size_t *breaks, size_t count, size_t max)
{
	const text_joints *j = ctx;
	size_t n = (size_t)run->n;
	for (size_t k = 0; k < j->n; k++) {
		const joint_word *w = &j->v[k];
		for (size_t off = 0; off + w->n <= n; off++) {
			/* The first letter tells most places apart without a call. */
			if (run->buf[off] != w->letters[0] || memcmp(run->buf + off, w->letters, w->n) != 0)
				continue;
			for (size_t i = 0; i < w->n_at && count < max; i++) {
				size_t at = off + w->at[i];
				if (at >= 3 && n - at >= 3)
					breaks[count++] = run->ends[at - 1];
			}
		}
	}
	return count;
}

