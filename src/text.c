/* text.c: Danish typesetting of paragraphs: UTF-8 decoding, a fake
 * measurer for tests, hyphenation (libhyphen) and greedy line breaking. */
#include "text.h"

/* Counts code points; invalid bytes count one each. */
static size_t count_code_points(const char *s, size_t len)
{
	size_t n = 0;
	for (size_t i = 0; i < len; n++) {
		unsigned cp;
		size_t step = text_utf8_decode(s + i, len - i, &cp);
		i += step ? step : 1;
	}
	return n;
}

static float fake_measure(void *ctx, font_style style, float size, const char *utf8, size_t len)
{
	(void)ctx;
	(void)style;
	return 0.5f * size * (float)count_code_points(utf8, len);
}

const text_measurer text_fake_measurer = { fake_measure, NULL, 0.8f, 0.2f };

size_t text_utf8_decode(const char *s, size_t len, unsigned *cp)
{
	const unsigned char *p = (const unsigned char *)s;
	static const unsigned min_of[5] = { 0, 0, 0x80, 0x800, 0x10000 };
	unsigned c;
	size_t n;

	if (len == 0)
		return 0;
	if (p[0] < 0x80) {
		*cp = p[0];
		return 1;
	}
	if (p[0] >= 0xC2 && p[0] <= 0xDF)
		n = 2, c = p[0] & 0x1F;
	else if (p[0] >= 0xE0 && p[0] <= 0xEF)
		n = 3, c = p[0] & 0x0F;
	else if (p[0] >= 0xF0 && p[0] <= 0xF4)
		n = 4, c = p[0] & 0x07;
	else
		return 0;   /* continuation byte, C0/C1 overlong lead, or > U+10FFFF */
	if (len < n)
		return 0;
	for (size_t i = 1; i < n; i++) {
		if ((p[i] & 0xC0) != 0x80)
			return 0;
		c = c << 6 | (p[i] & 0x3F);
	}
	if (c < min_of[n] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return n;
}
