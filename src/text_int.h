/* text_int.h: what text.c and text_break.c share. Private to them. */
#ifndef AMOKIT_TEXT_INT_H
#define AMOKIT_TEXT_INT_H

#include <hyphen.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "text.h"

/* One run of n Latin-1 letters (lowercase, in buf, NUL-ended) whose
 * characters end at byte offsets ends[] of the word. */
typedef struct letter_run {
	const char *buf;
	const size_t *ends;
	int n;
} letter_run;

typedef size_t (*run_fn)(const letter_run *run, void *ctx, size_t *breaks, size_t count, size_t max);

typedef struct joint_word {
	char *letters;               /* Latin-1, lower case */
	size_t n;
	unsigned char *at;           /* joints: a break after at[k] letters */
	size_t n_at;
} joint_word;

typedef struct name_word { const char *s; size_t len; } name_word;

struct text_joints {
	joint_word *v;
	size_t n;
	name_word *names;            /* words never hyphenated */
	size_t n_names, cap_names;
};

size_t text_char_len(const char *s, size_t len);
size_t text_count_code_points(const char *s, size_t len);
size_t text_each_run(const char *word, size_t len, run_fn fn, void *ctx, size_t *breaks, size_t max);
bool text_holds_name(const text_joints *j, const char *w, size_t len);
bool text_is_alnum_at(const char *s, size_t i);
size_t text_joint_run(const letter_run *run, void *ctx, size_t *breaks, size_t count, size_t max);
bool text_listed(const char *const *list, const char *s, size_t len);
HyphenDict *text_patterns(text_hyph *h);

/* A memo of hyphenated words (text_memo.c): a word of at most
 * TEXT_MEMO_MAX_LEN bytes and all its breaks, found by its hash. Safe to
 * share among threads. text_memo_new gives NULL when out of memory. */
#define TEXT_MEMO_MAX_LEN 255
typedef struct text_memo text_memo;
text_memo *text_memo_new(void);
void text_memo_free(text_memo *m);
uint64_t text_memo_hash(const char *word, size_t len);
/* Writes the first max breaks of word into breaks and their count into
 * *count, when the memo has it. */
bool text_memo_find(text_memo *m, const char *word, size_t len, uint64_t hash, size_t *breaks,
                    size_t max, size_t *count);
/* Keeps word's n breaks (all of them), while there is room. */
void text_memo_add(text_memo *m, const char *word, size_t len, uint64_t hash, const size_t *breaks,
                   size_t n);

#endif
