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

#include "bytes.h"
#include "fnv.h"

#define MEMO_FIRST_SLOTS 256      /* a power of two */
#define MEMO_WORDS 6144           /* at most; at 3/4 of 8,192 slots */

/* A word kept: its bytes, then its breaks (byte offsets, words < 256
 * bytes), at off in the pool. len 0: the slot is free (words kept have
 * 6 bytes or more). */
typedef struct memo_entry {
	uint64_t hash;
	uint32_t off;
	unsigned char len, n;
} memo_entry;

/* Sized by what it holds (a full set keeps a few hundred words, a few
 * kilobytes; issue 20's 12 MiB): the pool grows by doubling from 1 KB,
 * the slots from 256. */
struct text_memo {
	pthread_mutex_t lock;
	bytes pool;
	memo_entry *slot;
	size_t n_slots, n;
};

text_memo *text_memo_new(void)
{
	text_memo *m = calloc(1, sizeof *m);
	if (m)
		pthread_mutex_init(&m->lock, NULL);
	return m;
}

void text_memo_free(text_memo *m)
{
	if (!m)
		return;
	pthread_mutex_destroy(&m->lock);
	bytes_free(&m->pool);
	free(m->slot);
	free(m);
}

uint64_t text_memo_hash(const char *word, size_t len)
{
	return fnv1a(FNV1A_BASIS, word, len);
}

/* The slot that holds word, or the free slot where it would go. */
static memo_entry *probe(const text_memo *m, memo_entry *slot, size_t n_slots, uint64_t hash,
                         const char *word, size_t len)
{
	for (size_t i = (size_t)hash & (n_slots - 1);; i = (i + 1) & (n_slots - 1)) {
		memo_entry *e = &slot[i];
		if (!e->len || (e->hash == hash && e->len == len && memcmp(m->pool.p + e->off, word, len) == 0))
			return e;
	}
}

bool text_memo_find(text_memo *m, const char *word, size_t len, uint64_t hash, size_t *breaks,
                    size_t max, size_t *count)
{
	bool found = false;
	pthread_mutex_lock(&m->lock);
	memo_entry *e = m->slot ? probe(m, m->slot, m->n_slots, hash, word, len) : NULL;
	if (e && e->len) {
		const unsigned char *at = m->pool.p + e->off + e->len;
		size_t n = e->n < max ? e->n : max;
		for (size_t i = 0; i < n; i++)
			breaks[i] = at[i];
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
		if (m->slot[i].len)
			*probe(m, slot, n_slots, m->slot[i].hash, (const char *)m->pool.p + m->slot[i].off,
			       m->slot[i].len) = m->slot[i];
	free(m->slot);
	m->slot = slot;
	m->n_slots = n_slots;
	return true;
}

void text_memo_add(text_memo *m, const char *word, size_t len, uint64_t hash, const size_t *breaks,
                   size_t n)
{
	if (len == 0 || len > TEXT_MEMO_MAX_LEN || n > len)
		return;
	pthread_mutex_lock(&m->lock);
	if (m->n < MEMO_WORDS && m->pool.n + len + n <= UINT32_MAX &&
	    (4 * (m->n + 1) <= 3 * m->n_slots || grow(m))) {
		memo_entry *e = probe(m, m->slot, m->n_slots, hash, word, len);
		size_t off = m->pool.n;
		if (!e->len && bytes_grow(&m->pool, len + n)) {
			bytes_put(&m->pool, word, len);
			for (size_t i = 0; i < n; i++)
				bytes_putc(&m->pool, (unsigned char)breaks[i]);
			*e = (memo_entry){hash, (uint32_t)off, (unsigned char)len, (unsigned char)n};
			m->n++;
		}
	}
	pthread_mutex_unlock(&m->lock);
}
