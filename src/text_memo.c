/* text_memo.c: the words a dictionary has hyphenated, with their breaks.
 *
 * A kit hyphenates the same words again and again: a workplace's goals
 * and plans appear in several of its documents, the layouts' and
 * catalogs' texts in every workplace of a batch, and a word that does not
 * fit a narrow column is asked for its breaks in each. Asking libhyphen
 * is some 5,000 instructions a word (it allocates its answers); four of
 * five words a batch worker hyphenates it has hyphenated before
 * (bench/NOTES.md). The memo belongs to one text_hyph, whose documents'
 * threads share it under its lock; it holds at most MEMO_WORDS words,
 * after which new words are hyphenated each time. */
#include "text_int.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"

#define MEMO_FIRST_SLOTS 512      /* a power of two */
#define MEMO_WORDS 12288          /* at most; at 3/4 of 16,384 slots */

typedef struct memo_entry {
	uint64_t hash;
	const char *word;            /* NULL: the slot is free */
	const unsigned char *at;     /* the breaks, byte offsets (words < 256 bytes) */
	unsigned char len, n;
} memo_entry;

struct text_memo {
	pthread_mutex_t lock;
	arena *mem;                  /* the words and their breaks */
	memo_entry *slot;
	size_t n_slots, n;
};

text_memo *text_memo_new(void)
{
	text_memo *m = calloc(1, sizeof *m);
	if (m && !(m->mem = arena_new())) {
		free(m);
		return NULL;
	}
	if (m)
		pthread_mutex_init(&m->lock, NULL);
	return m;
}

void text_memo_free(text_memo *m)
{
	if (!m)
		return;
	pthread_mutex_destroy(&m->lock);
	arena_free(m->mem);
	free(m->slot);
	free(m);
}

uint64_t text_memo_hash(const char *word, size_t len)
{
	uint64_t h = 0xcbf29ce484222325u;   /* FNV-1a */
	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)word[i]) * 0x100000001b3u;
	return h;
}

/* The slot that holds word, or the free slot where it would go. */
static memo_entry *probe(memo_entry *slot, size_t n_slots, uint64_t hash, const char *word, size_t len)
{
	for (size_t i = (size_t)hash & (n_slots - 1);; i = (i + 1) & (n_slots - 1)) {
		memo_entry *e = &slot[i];
		if (!e->word || (e->hash == hash && e->len == len && memcmp(e->word, word, len) == 0))
			return e;
	}
}

bool text_memo_find(text_memo *m, const char *word, size_t len, uint64_t hash, size_t *breaks,
                    size_t max, size_t *count)
{
	bool found = false;
	pthread_mutex_lock(&m->lock);
	memo_entry *e = m->slot ? probe(m->slot, m->n_slots, hash, word, len) : NULL;
	if (e && e->word) {
		size_t n = e->n < max ? e->n : max;
		for (size_t i = 0; i < n; i++)
			breaks[i] = e->at[i];
		*count = n;
		found = true;
	}
	pthread_mutex_unlock(&m->lock);
	return found;
}

/* Twice the slots, the words moved over; false when out of memory. */
static bool grow(text_memo *m)
{
	size_t n_slots = m->n_slots ? 2 * m->n_slots : MEMO_FIRST_SLOTS;
	memo_entry *slot = calloc(n_slots, sizeof *slot);
	if (!slot)
		return false;
	for (size_t i = 0; i < m->n_slots; i++)
		if (m->slot[i].word)
			*probe(slot, n_slots, m->slot[i].hash, m->slot[i].word, m->slot[i].len) = m->slot[i];
	free(m->slot);
	m->slot = slot;
	m->n_slots = n_slots;
	return true;
}

void text_memo_add(text_memo *m, const char *word, size_t len, uint64_t hash, const size_t *breaks,
                   size_t n)
{
	if (len > TEXT_MEMO_MAX_LEN || n > len)
		return;
	pthread_mutex_lock(&m->lock);
	if (m->n < MEMO_WORDS && (4 * (m->n + 1) <= 3 * m->n_slots || grow(m))) {
		memo_entry *e = probe(m->slot, m->n_slots, hash, word, len);
		char *w = e->word ? NULL : arena_strndup(m->mem, word, len);
		unsigned char *at = w ? arena_alloc(m->mem, n ? n : 1) : NULL;
		if (at) {
			for (size_t i = 0; i < n; i++)
				at[i] = (unsigned char)breaks[i];
			*e = (memo_entry){hash, w, at, (unsigned char)len, (unsigned char)n};
			m->n++;
		}
	}
	pthread_mutex_unlock(&m->lock);
}
