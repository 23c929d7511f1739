/* render_image.c: images for the renderer, PNG or JPEG, each written once.
 *
 * A PNG is decoded with libpng (palette and bit depths expanded to 8-bit
 * grey or RGB, a transparent colour or an alpha channel turned into a soft
 * mask) and written as deflated samples. A JPEG goes into the file as it
 * is (DCTDecode); only its frame header is read, for size and colours.
 * The bytes come with the draw command: the layout read the file (only
 * beneath the folder of the file that names it, safe_path.h), so no file
 * is read here. A missing, damaged or unsupported image is an input error
 * naming the file; PDF/A-1 allows no transparency and no CMYK beside an sRGB output
 * intent, so such images are refused for the archive copy. */
#include "render_priv.h"

#include <png.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jpeg.h"

#define MAX_PIXELS (40L * 1000 * 1000)   /* a 40-megapixel logo is plenty */

/* An image decoded or parsed, ready to be written. */
typedef struct image {
	unsigned width, height;
	int components;                /* 1 grey, 3 RGB, 4 CMYK (JPEG only) */
	bool jpeg;
	const unsigned char *data;     /* the JPEG file, or the colour samples */
	size_t n;
	unsigned char *alpha;          /* the soft mask's samples, or NULL */
	const char *why;               /* the problem, when not loaded */
	bool oom;
} image;

/* ---- PNG ------------------------------------------------------------- */

typedef struct png_src {
	const unsigned char *p;
	size_t n, at;
	bool oom;
	jmp_buf jump;
} png_src;

static void png_read_mem(png_structp png, png_bytep out, size_t n)
{
	png_src *s = png_get_io_ptr(png);
	if (s->n - s->at < n)
		png_error(png, "truncated");
	memcpy(out, s->p + s->at, n);
	s->at += n;
}

static void png_fail(png_structp png, png_const_charp msg)
{
	(void)msg;
	png_src *s = png_get_error_ptr(png);
	longjmp(s->jump, 1);
}

static void png_quiet(png_structp png, png_const_charp msg) { (void)png, (void)msg; }

static png_voidp png_alloc(png_structp png, png_alloc_size_t n)
{
	void *p = malloc(n);
	if (!p)
		((png_src *)png_get_error_ptr(png))->oom = true;
	return p;
}

static void png_dealloc(png_structp png, png_voidp p) { (void)png, free(p); }

/* Expands every PNG to 8-bit grey or RGB, with alpha when it has any. */
static void png_normalise(png_structp png, png_infop info)
{
	int type = png_get_color_type(png, info);
	png_set_strip_16(png);
	png_set_packing(png);
	if (type == PNG_COLOR_TYPE_PALETTE)
		png_set_palette_to_rgb(png);
	if (type == PNG_COLOR_TYPE_GRAY && png_get_bit_depth(png, info) < 8)
		png_set_expand_gray_1_2_4_to_8(png);
	if (png_get_valid(png, info, PNG_INFO_tRNS))
		png_set_tRNS_to_alpha(png);
	png_set_interlace_handling(png);
	png_read_update_info(png, info);
}

/* Splits rows of colour + alpha samples into img's data and alpha. */
static bool split_alpha(image *img, unsigned char *rows, int channels)
{
	size_t px = (size_t)img->width * img->height;
	int colour = channels - (channels == 2 || channels == 4);
	img->components = colour;
	if (colour == channels)
		return true;
	img->alpha = malloc(px);
	if (!img->alpha)
		return false;
	for (size_t i = 0; i < px; i++) {
		memmove(rows + i * (size_t)colour, rows + i * (size_t)channels, (size_t)colour);
		img->alpha[i] = rows[i * (size_t)channels + colour];
	}
	img->n = px * (size_t)colour;
	return true;
}

static void decode_rows(png_structp png, png_infop info, image *img, unsigned char **out)
{
	png_read_info(png, info);
	img->width = png_get_image_width(png, info);
	img->height = png_get_image_height(png, info);
	if ((uint64_t)img->width * img->height > MAX_PIXELS) {
		img->why = "image too large (more than 40 megapixels)";
		return;
	}
	png_normalise(png, info);
	int channels = png_get_channels(png, info);
	size_t stride = png_get_rowbytes(png, info);
	*out = malloc(stride * img->height + 1);
	png_bytep *rows = malloc(img->height * sizeof *rows + 1);
	if (!*out || !rows) {
		free(rows);
		img->oom = true;
		return;
	}
	for (unsigned y = 0; y < img->height; y++)
		rows[y] = *out + stride * y;
	png_read_image(png, rows);
	free(rows);
	img->n = stride * img->height;
	if (!split_alpha(img, *out, channels))
		img->oom = true;
	img->data = *out;
}

/* Decodes the PNG in p[0..n) into img; samples into *pixels (caller frees). */
static void load_png(const unsigned char *p, size_t n, image *img, unsigned char **pixels)
{
	png_src src = {.p = p, .n = n};
	png_structp png = png_create_read_struct_2(PNG_LIBPNG_VER_STRING, &src, png_fail, png_quiet, NULL,
	                                           png_alloc, png_dealloc);
	png_infop info = png ? png_create_info_struct(png) : NULL;
	*pixels = NULL;
	if (!info) {
		img->oom = true;
		png_destroy_read_struct(png ? &png : NULL, NULL, NULL);
		return;
	}
	if (setjmp(src.jump)) {
		img->why = "damaged PNG image";
		img->oom |= src.oom;
		free(img->alpha);
		img->alpha = NULL;
		png_destroy_read_struct(&png, &info, NULL);
		return;
	}
	png_set_read_fn(png, &src, png_read_mem);
	png_set_crc_action(png, PNG_CRC_ERROR_QUIT, PNG_CRC_ERROR_QUIT);
	decode_rows(png, info, img, pixels);
	png_destroy_read_struct(&png, &info, NULL);
}

/* ---- JPEG ------------------------------------------------------------ */

/* Reads the frame header of the JPEG in p[0..n) (jpeg.h) into img. */
static void load_jpeg(const unsigned char *p, size_t n, image *img)
{
	jpeg_frame f;
	img->why = "damaged JPEG image";
	/* Only 8-bit samples are in PDF's DCTDecode. */
	if (!jpeg_read_frame(p, n, &f) || f.precision != 8 || !f.width || !f.height ||
	    (f.components != 1 && f.components != 3 && f.components != 4))
		return;
	img->width = f.width;
	img->height = f.height;
	img->components = f.components;
	img->jpeg = true;
	img->data = p;
	img->n = n;
	img->why = NULL;
}

/* ---- writing --------------------------------------------------------- */

static const char *colour_space(int components)
{
	return components == 1 ? "DeviceGray" : components == 3 ? "DeviceRGB" : "DeviceCMYK";
}

static void image_head(pdf *w, unsigned width, unsigned height, int components)
{
	pdf_dict(w);
	pdf_key_name(w, "Type", "XObject");
	pdf_key_name(w, "Subtype", "Image");
	pdf_key_int(w, "Width", width);
	pdf_key_int(w, "Height", height);
	pdf_key_name(w, "ColorSpace", colour_space(components));
	pdf_key_int(w, "BitsPerComponent", 8);
}

static unsigned write_image(render_ctx *c, const image *img)
{
	pdf *w = c->w;
	unsigned mask = 0;
	if (img->alpha) {
		mask = pdf_begin(w, 0);
		image_head(w, img->width, img->height, 1);
		pdf_stream(w, img->alpha, (size_t)img->width * img->height, true);
		pdf_end(w);
	}
	unsigned obj = pdf_begin(w, 0);
	image_head(w, img->width, img->height, img->components);
	if (mask)
		pdf_key_ref(w, "SMask", mask);
	if (img->jpeg && img->components == 4) {
		/* Adobe's CMYK JPEGs store inverted samples. */
		pdf_name(w, "Decode");
		pdf_raw(w, "[1 0 1 0 1 0 1 0]");
	}
	if (img->jpeg)
		pdf_key_name(w, "Filter", "DCTDecode");
	pdf_stream(w, img->data, img->n, !img->jpeg);
	pdf_end(w);
	return obj;
}

/* Why img cannot go into the file, or NULL. */
static const char *unfit(const render_ctx *c, const image *img)
{
	if (img->why)
		return img->why;
	if (c->doc->meta.pdfa && img->alpha)
		return "a transparent PNG cannot go into an archive (PDF/A) file; save it without transparency";
	if (c->doc->meta.pdfa && img->components == 4)
		return "a CMYK JPEG cannot go into an archive (PDF/A) file; save it as RGB";
	return NULL;
}

static long load(render_ctx *c, const char *file, const unsigned char *p, size_t n)
{
	unsigned char *pixels = NULL;
	image img = {.why = "no image data"};
	if (p && n >= 8 && !memcmp(p, "\x89PNG\r\n\x1a\n", 8)) {
		img.why = NULL;
		load_png(p, n, &img, &pixels);
	} else if (p && n >= 3 && !memcmp(p, "\xff\xd8\xff", 3)) {
		load_jpeg(p, n, &img);
	} else if (p) {
		img.why = "not a PNG or JPEG image";
	}
	long x = -1;
	const char *why = unfit(c, &img);
	if (img.oom) {
		render_oom(c);
	} else if (why) {
		diag_error(c->d, file, 0, "%s", why);
		c->fail = AM_EINPUT;
	} else {
		x = render_add_xobject(c, file, write_image(c, &img));
	}
	free(img.alpha);
	free(pixels);
	return render_status(c) ? -1 : x;
}

long render_image(render_ctx *c, const char *file, const unsigned char *data, size_t len)
{
	for (size_t i = 0; i < c->n_xobjects; i++)
		if (c->xobjects[i].file && !strcmp(c->xobjects[i].file, file))
			return (long)i;
	return load(c, file, data, len);
}
