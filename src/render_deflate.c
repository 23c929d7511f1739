/* render_deflate.c: compresses a document's streams with libdeflate just
 * before libharu writes them.
 *
 * libharu 2.3.0 deflates every stream marked FlateDecode itself, through
 * zlib at its default level, in 4 KB pieces; that was a quarter of all the
 * instructions of a full set of documents (issue 7). libdeflate compresses
 * a whole buffer in one call, faster at every level. Each stream libharu
 * would deflate is compressed here instead and handed back as raw bytes;
 * the dictionary's write callback then names the filter that libharu no
 * longer knows about. */
#include <libdeflate.h>
#include <stdlib.h>
#include <string.h>

#include "render_priv.h"

/* Measured on plejecenter-140's six documents (60 streams, 419 KB before
 * compression): zlib's level 6 through libharu took 51 M instructions for
 * 255.6 KB of PDF; libdeflate's level 6 takes 33 M for 253.5 KB, level 3
 * 27 M for 257.0 KB, level 1 17 M for 260.2 KB. Two per cent of size is
 * worth less than a sixth of a full set's time. */
#define DEFLATE_LEVEL 1

/* Writes the Filter entry of a stream this file compressed: libharu writes
 * a dictionary's entries, then calls this just before ">>". */
static HPDF_STATUS write_filter(HPDF_Dict dict, HPDF_Stream out)
{
	(void)dict;
	return HPDF_Stream_WriteStr(out, "/Filter /FlateDecode\012");
}

/* The bytes behind stream s: borrowed from a render_buf stream, otherwise
 * read into *copy (which the caller frees). NULL on failure. */
static const unsigned char *stream_bytes(HPDF_Stream s, size_t *n, unsigned char **copy)
{
	*copy = NULL;
	*n = HPDF_Stream_Size(s);
	if (render_is_buf_stream(s))
		return ((const render_buf *)s->attr)->p;
	HPDF_UINT got = (HPDF_UINT)*n;
	*copy = malloc(*n ? *n : 1);
	if (!*copy || HPDF_Stream_Seek(s, 0, HPDF_SEEK_SET) != HPDF_OK ||
	    (HPDF_Stream_Read(s, *copy, &got), got != *n)) {
		free(*copy);
		*copy = NULL;
		return NULL;
	}
	return *copy;
}

/* Compresses the stream of dict in place; leaves it to libharu when the
 * dictionary already has a write callback. AM_OK or an AM_E* code. */
static int compress_one(render_ctx *c, struct libdeflate_compressor *z, HPDF_Dict dict)
{
	if (dict->write_fn)
		return AM_OK;
	size_t n;
	unsigned char *copy;
	const unsigned char *in = stream_bytes(dict->stream, &n, &copy);
	if (!in)
		return c->fail ? c->fail : (c->fail = diag_oom(c->d, c->path));
	size_t cap = libdeflate_zlib_compress_bound(z, n);
	unsigned char *out = malloc(cap);
	size_t m = out ? libdeflate_zlib_compress(z, in, n, out, cap) : 0;
	free(copy);
	HPDF_Stream s = m ? render_buf_stream(dict->mmgr, out, m, true) : NULL;
	if (!s) {
		if (!m)
			free(out);
		return c->fail ? c->fail : (c->fail = diag_oom(c->d, c->path));
	}
	render_set_stream(dict, s);
	dict->filter = HPDF_STREAM_FILTER_NONE;
	dict->write_fn = write_filter;
	return AM_OK;
}

static bool wants_deflate(const void *obj)
{
	const HPDF_Obj_Header *h = obj;
	if (!obj || (h->obj_class & HPDF_OCLASS_ANY) != HPDF_OCLASS_DICT)
		return false;
	const HPDF_Dict_Rec *dict = obj;
	return dict->stream && dict->filter == HPDF_STREAM_FILTER_FLATE_DECODE &&
	       HPDF_Stream_Size(dict->stream) > 0;
}

int render_deflate_streams(render_ctx *c)
{
	struct libdeflate_compressor *z = libdeflate_alloc_compressor(DEFLATE_LEVEL);
	if (!z)
		return c->fail = diag_oom(c->d, c->path);
	int rc = AM_OK;
	for (HPDF_Xref x = c->pdf->xref; x && !rc; x = x->prev) {
		for (HPDF_UINT i = 0; i < x->entries->count && !rc; i++) {
			HPDF_XrefEntry e = HPDF_List_ItemAt(x->entries, i);
			if (wants_deflate(e->obj))
				rc = compress_one(c, z, e->obj);
		}
	}
	libdeflate_free_compressor(z);
	return rc;
}
