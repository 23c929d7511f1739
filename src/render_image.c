/* render_image.c: images for the renderer, PNG or JPEG, each loaded once.
 *
 * libharu 2.3.0 hands a PNG to libpng with an error callback that returns,
 * and libpng then aborts the process on a damaged file. So a PNG is read
 * and checked here first: the signature, then every chunk's length and
 * CRC-32, IHDR first, at least one IDAT, IEND last. That catches truncated
 * and corrupted files; a file with valid checksums around a broken zlib
 * stream still reaches libpng (see the report on hardening). JPEG is parsed
 * by libharu itself, which reports errors normally. */
#include "render_priv.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_IMAGE_FILE (64L << 20)

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static uint32_t crc32_of(const unsigned char *p, size_t n)
{
	static uint32_t table[256];
	if (!table[1])
		for (uint32_t i = 0; i < 256; i++) {
			uint32_t v = i;
			for (int k = 0; k < 8; k++)
				v = v & 1 ? 0xEDB88320u ^ (v >> 1) : v >> 1;
			table[i] = v;
		}
	uint32_t crc = 0xFFFFFFFFu;
	for (size_t i = 0; i < n; i++)
		crc = table[(crc ^ p[i]) & 0xFF] ^ (crc >> 8);
	return crc ^ 0xFFFFFFFFu;
}

/* NULL when p[0..n) is a PNG whose chunks are whole and intact and that
 * libharu can load into the file we write; else why not. libharu 2.3.0
 * crashes on a tRNS colour key in grey or RGB images, and PDF/A-1 allows
 * no transparency at all. */
static const char *png_problem(const unsigned char *p, size_t n, bool pdfa)
{
	size_t at = 8;
	int idat = 0, colour_type = -1;
	bool trns = false;
	for (int first = 1; at + 12 <= n; first = 0) {
		uint32_t len = be32(p + at);
		if (len > n - at - 12)
			return "damaged PNG image";
		const unsigned char *type = p + at + 4;
		if (crc32_of(type, len + 4) != be32(p + at + 8 + len))
			return "damaged PNG image";
		if (first != !memcmp(type, "IHDR", 4) || (first && len < 13))
			return "damaged PNG image";
		if (first)
			colour_type = p[at + 8 + 9];
		trns |= !memcmp(type, "tRNS", 4);
		idat += !memcmp(type, "IDAT", 4);
		at += 12 + len;
		if (!memcmp(type, "IEND", 4)) {
			if (!idat || at != n)
				return "damaged PNG image";
			if (trns && (colour_type == 0 || colour_type == 2))
				return "PNG with a transparent colour key is not supported; save it without transparency";
			if (pdfa && (trns || colour_type == 4 || colour_type == 6))
				return "a transparent PNG cannot go into an archive (PDF/A) file; save it without transparency";
			return NULL;
		}
	}
	return "damaged PNG image";
}

/* The whole file in a malloc'd buffer, or NULL. */
static unsigned char *read_file(const char *file, size_t *n)
{
	FILE *f = fopen(file, "rb");
	if (!f)
		return NULL;
	unsigned char *buf = NULL;
	long len = fseek(f, 0, SEEK_END) == 0 ? ftell(f) : -1;
	if (len >= 0 && len <= MAX_IMAGE_FILE && fseek(f, 0, SEEK_SET) == 0) {
		buf = malloc((size_t)len + 1);
		if (buf && fread(buf, 1, (size_t)len, f) != (size_t)len) {
			free(buf);
			buf = NULL;
		}
	}
	fclose(f);
	*n = (size_t)len;
	return buf;
}

static HPDF_Image load(render_ctx *c, const char *file)
{
	size_t n = 0;
	unsigned char *p = read_file(file, &n);
	HPDF_Image img = NULL;
	const char *why = "cannot read image";
	if (p && n >= 8 && !memcmp(p, "\x89PNG\r\n\x1a\n", 8)) {
		why = png_problem(p, n, c->doc->meta.pdfa);
		if (!why)
			img = HPDF_LoadPngImageFromMem(c->pdf, p, (HPDF_UINT)n);
	} else if (p && n >= 3 && !memcmp(p, "\xff\xd8\xff", 3)) {
		why = "damaged JPEG image";
		img = HPDF_LoadJpegImageFromMem(c->pdf, p, (HPDF_UINT)n);
	} else if (p) {
		why = "not a PNG or JPEG image";
	}
	free(p);
	if (!img || c->err) {
		c->err = 0;
		HPDF_ResetError(c->pdf);
		diag_error(c->d, file, 0, "%s", why);
		c->fail = AM_EINPUT;
		return NULL;
	}
	return img;
}

HPDF_Image render_image(render_ctx *c, const char *file)
{
	for (size_t i = 0; i < c->n_images; i++)
		if (!strcmp(c->images[i].file, file))
			return c->images[i].img;
	if (c->n_images == c->cap_images) {
		size_t cap = c->cap_images ? 2 * c->cap_images : 8;
		render_image_entry *p = realloc(c->images, cap * sizeof *p);
		if (!p) {
			c->fail = diag_oom(c->d, c->path);
			return NULL;
		}
		c->images = p;
		c->cap_images = cap;
	}
	HPDF_Image img = load(c, file);
	if (img)
		c->images[c->n_images++] = (render_image_entry){file, img};
	return img;
}
