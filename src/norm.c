/* norm.c: NFC and the invisible characters dropped, with libutf8proc.
 *
 * Most texts need nothing: a Danish workplace file is ASCII with æ, ø, å
 * and some punctuation. So norm_text first walks the string and asks of
 * each code point whether it can change under NFC at all, the way Unicode's
 * NFC_Quick_Check does, from utf8proc's properties (combining class,
 * canonical decomposition, composition role); only a string where one may
 * change, or one that holds a character to drop, is normalised by utf8proc.
 * Measured on plejecenter-140: see the commit that added this file. */
#include "norm.h"

#include <stdint.h>
#include <string.h>
#include <utf8proc.h>

#define NFC_OPTIONS (UTF8PROC_STABLE | UTF8PROC_COMPOSE)

bool norm_drops(unsigned cp)
{
	return cp >= 0x80 && cp <= 0x10FFFF && cp != 0xAD &&
	       utf8proc_get_property((utf8proc_int32_t)cp)->ignorable;
}

/* True when cp stays as it is under NFC whatever surrounds it: no
 * combining class (nothing to reorder), no canonical decomposition (a
 * compatibility one does not count) and no part as the second of a
 * composing pair (utf8proc flags those with bit 15 of comb_index). Every
 * code point below U+0300 qualifies. Hangul jamo compose by formula, not
 * by table, so they never qualify. */
static bool nfc_inert(unsigned cp)
{
	if (cp < 0x300)
		return true;
	if (cp >= 0x1100 && cp <= 0x11FF)
		return false;
	const utf8proc_property_t *p = utf8proc_get_property((utf8proc_int32_t)cp);
	return p->combining_class == 0 &&
	       (p->decomp_seqindex == UINT16_MAX || p->decomp_type != 0) &&
	       (p->comb_index == UINT16_MAX || p->comb_index < 0x8000);
}

/* The slow path: s without the dropped characters, then NFC. */
static const char *normalise(arena *a, const char *s, size_t len, size_t *out_len)
{
	const utf8proc_uint8_t *in = (const utf8proc_uint8_t *)s;
	utf8proc_uint8_t *kept = arena_alloc(a, len + 1);
	if (!kept)
		return NULL;
	size_t n = 0;
	for (size_t i = 0; i < len;) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t step = utf8proc_iterate(in + i, (utf8proc_ssize_t)(len - i), &cp);
		if (step <= 0)
			return *out_len = len, s;
		if (!norm_drops((unsigned)cp)) {
			memcpy(kept + n, in + i, (size_t)step);
			n += (size_t)step;
		}
		i += (size_t)step;
	}
	utf8proc_ssize_t need = utf8proc_decompose(kept, (utf8proc_ssize_t)n, NULL, 0, NFC_OPTIONS);
	if (need < 0)
		return *out_len = len, s;
	/* the code points, then in place their UTF-8 and a NUL: at most 4
	 * bytes each, plus one */
	utf8proc_int32_t *buf = arena_array(a, (size_t)need + 1, sizeof *buf);
	if (!buf)
		return NULL;
	utf8proc_ssize_t got = utf8proc_decompose(kept, (utf8proc_ssize_t)n, buf, need, NFC_OPTIONS);
	if (got != need)
		return *out_len = len, s;
	utf8proc_ssize_t bytes = utf8proc_reencode(buf, got, NFC_OPTIONS);
	if (bytes < 0)
		return *out_len = len, s;
	*out_len = (size_t)bytes;
	return (const char *)buf;
}

const char *norm_text(arena *a, const char *s, size_t len, size_t *out_len)
{
	const unsigned char *p = (const unsigned char *)s;
	for (size_t i = 0; i < len;) {
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		/* U+0080..U+02FF (æ ø å, Latin Extended-A and -B): inert, and
		 * none is dropped (U+00AD stays) */
		if (p[i] >= 0xC2 && p[i] <= 0xCB && i + 1 < len && (p[i + 1] & 0xC0) == 0x80) {
			i += 2;
			continue;
		}
		utf8proc_int32_t cp;
		utf8proc_ssize_t step = utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i), &cp);
		if (step <= 0)
			break;   /* not UTF-8: left as it is */
		if (norm_drops((unsigned)cp) || !nfc_inert((unsigned)cp))
			return normalise(a, s, len, out_len);
		i += (size_t)step;
	}
	*out_len = len;
	return s;
}
