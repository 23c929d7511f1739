/* jpeg.c: the walk over a JPEG's markers to its frame header; see jpeg.h. */
#include "jpeg.h"

#include "bytes.h"

#include <stdbool.h>

bool jpeg_read_frame(const unsigned char *p, size_t n, jpeg_frame *f)
{
	size_t at = 2;   /* after SOI */
	while (at + 2 <= n) {
		if (p[at] != 0xFF)
			return false;
		unsigned char m = p[at + 1];
		if (m == 0xFF) {   /* a fill byte */
			at++;
			continue;
		}
		if (m == 0xD8 || (m >= 0xD0 && m <= 0xD7) || m == 0x01) {
			at += 2;       /* markers without a length */
			continue;
		}
		if (m == 0xD9 || m == 0xDA)   /* the end, or a scan before a frame */
			return false;
		if (at + 4 > n)
			return false;
		size_t len = bytes_get16(p + at + 2);
		if (len < 2 || len > n - at - 2)
			return false;
		if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC) {
			if (len < 8)
				return false;
			f->precision = p[at + 4];
			f->height = bytes_get16(p + at + 5);
			f->width = bytes_get16(p + at + 7);
			f->components = p[at + 9];
			return true;
		}
		at += 2 + len;
	}
	return false;
}
