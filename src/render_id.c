/* render_id.c: the document ID, derived from the content.
 *
 * PDF/A wants an ID, and one derived from the content keeps the output a
 * function of the input. It needs to tell documents apart, not to resist
 * an attacker, so a 128-bit multiply-and-rotate hash over 8-byte words
 * does (two independent 64-bit lanes, finished with splitmix64), at a
 * fraction of MD5's cost over thousands of small pieces (bench/NOTES.md).
 * It is taken page by page as the pages are written: the metadata, each
 * page, then the bookmarks' titles. */
#include "render_priv.h"

#include <stdint.h>
#include <string.h>

static uint64_t rotl64(uint64_t x, int r) { return x << r | x >> (64 - r); }

static void id_mix(idhash *h, uint64_t w)
{
	h->a = rotl64((h->a ^ w) * 0x9E3779B97F4A7C15u, 31);
	h->b = rotl64(h->b + w, 27) * 0xC2B2AE3D27D4EB4Fu + 0x165667B19E3779F9u;
}

static void id_flush(idhash *h)
{
	size_t i = 0;
	for (; i + 8 <= h->n; i += 8) {
		uint64_t w;
		memcpy(&w, h->buf + i, 8);
		id_mix(h, w);
	}
	memmove(h->buf, h->buf + i, h->n - i);
	h->n -= i;
}

static void id_put_more(idhash *h, const unsigned char *s, size_t n)
{
	while (n) {
		size_t k = sizeof h->buf - h->n < n ? sizeof h->buf - h->n : n;
		memcpy(h->buf + h->n, s, k);
		h->n += k, s += k, n -= k;
		if (h->n == sizeof h->buf)
			id_flush(h);
	}
}

/* Inline, for the pieces of fixed size (a command's kind, its numbers)
 * are then copied without a call: this runs several times for every
 * command of every page. */
static inline void id_put(idhash *h, const void *p, size_t n)
{
	h->len += n;
	if (n < sizeof h->buf - h->n) {
		memcpy(h->buf + h->n, p, n);
		h->n += n;
	} else {
		id_put_more(h, p, n);
	}
}

static uint64_t splitmix(uint64_t z)
{
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
	return z ^ (z >> 31);
}

static void id_final(idhash *h, unsigned char id[16])
{
	id_flush(h);
	uint64_t w = 0;
	memcpy(&w, h->buf, h->n);   /* fewer than 8 left */
	id_mix(h, w);
	id_mix(h, h->len);
	uint64_t x = splitmix(h->a ^ rotl64(h->b, 17)), y = splitmix(h->b + x);
	for (int i = 0; i < 8; i++) {
		id[i] = (unsigned char)(x >> (8 * i));
		id[8 + i] = (unsigned char)(y >> (8 * i));
	}
}

static void id_str(idhash *h, const char *s)
{
	id_put(h, s ? s : "", s ? strlen(s) + 1 : 1);
}

static void id_floats(idhash *h, const float *v, size_t n) { id_put(h, v, n * sizeof *v); }

static void id_cmd(idhash *h, const draw_cmd *cmd)
{
	const unsigned char kind = (unsigned char)cmd->kind;
	id_put(h, &kind, 1);
	switch (cmd->kind) {
	case DRAW_TEXT: {
		const float v[] = {cmd->u.text.x, cmd->u.text.y, cmd->u.text.size, cmd->u.text.angle,
		                   (float)cmd->u.text.style, cmd->u.text.colour.r,
		                   cmd->u.text.colour.g, cmd->u.text.colour.b};
		id_floats(h, v, 8);
		id_str(h, cmd->u.text.utf8);
		break;
	}
	case DRAW_LINE:
		id_floats(h, &cmd->u.line.x1, 5);
		break;
	case DRAW_RECT:
		id_floats(h, &cmd->u.rect.r.x, 4);
		break;
	case DRAW_PATH:
		for (size_t i = 0; i < cmd->u.path.n; i++)
			id_floats(h, &cmd->u.path.els[i].p[0].x, 6);
		break;
	case DRAW_IMAGE:
		id_floats(h, &cmd->u.image.r.x, 4);
		id_str(h, cmd->u.image.file);
		break;
	case DRAW_LINK:
		id_floats(h, &cmd->u.link.r.x, 4);
		id_str(h, cmd->u.link.uri);
		break;
	case DRAW_SPAN_BEGIN:
		id_str(h, cmd->u.span.utf8);
		break;
	case DRAW_SPAN_END:
	case DRAW_ARTIFACT_END:
		break;
	case DRAW_TAG_BEGIN: {
		const unsigned char v[2] = {(unsigned char)cmd->u.tag.role, (unsigned char)cmd->u.tag.scope};
		id_put(h, v, 2);
		id_str(h, cmd->u.tag.alt);
		break;
	}
	case DRAW_TAG_END: {
		const unsigned char more = cmd->u.tag.more;
		id_put(h, &more, 1);
		break;
	}
	case DRAW_ARTIFACT_BEGIN: {
		const unsigned char k = (unsigned char)cmd->u.artifact.kind;
		id_put(h, &k, 1);
		break;
	}
	}
}

void render_id_begin(idhash *h, const draw_meta *me)
{
	*h = (idhash){.a = 0x243F6A8885A308D3u, .b = 0x13198A2E03707344u};
	id_str(h, me->title), id_str(h, me->author), id_str(h, me->subject);
	id_str(h, me->keywords), id_str(h, me->creator), id_str(h, me->lang);
	id_put(h, &me->timestamp, sizeof me->timestamp);
}

void render_id_page(idhash *h, const draw_page *pg)
{
	id_floats(h, &pg->width, 2);
	for (size_t k = 0; k < pg->n; k++)
		id_cmd(h, &pg->cmds[k]);
}

void render_id_end(idhash *h, const draw_doc *doc, unsigned char id[16])
{
	for (size_t i = 0; i < doc->n_marks; i++)
		id_str(h, doc->marks[i].title);
	id_final(h, id);
}
