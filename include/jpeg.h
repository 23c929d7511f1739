/* jpeg.h: where a JPEG's frame header is.
 *
 * Two stages read a JPEG's frame header: the layout for the image's size
 * (safe_image_size, safe_path.h) and the renderer for its size and colours,
 * as it embeds the file as it is. The walk over the markers before it is
 * here once, bounds-checked, so both agree on which files are JPEGs. */
#ifndef AMOKIT_JPEG_H
#define AMOKIT_JPEG_H

#include <stdbool.h>
#include <stddef.h>

/* A JPEG's frame header as read from it. */
typedef struct jpeg_frame {
	unsigned width, height;
	int precision;       /* bits a sample */
	int components;      /* 1 grey, 3 YCbCr/RGB, 4 CMYK */
} jpeg_frame;

/* Reads the frame header (SOF0..SOF15 but DHT, JPG, DAC) of the JPEG
 * p[0..n), which begins with its SOI marker (FF D8), into *f: true when
 * it is there whole before the first scan, false when the bytes end, a
 * segment's length lies or a scan comes first. Reads nothing past p[n-1]. */
bool jpeg_read_frame(const unsigned char *p, size_t n, jpeg_frame *f);

#endif
