/* hyph_image.h: libhyphen's loaded Danish patterns, compiled into amokit.
 *
 * Loading hyph_da_DK.dic with hnj_hyphen_load builds a state machine of
 * some 1,700 states through thousands of mallocs: 4.3 M instructions,
 * ~0.7 ms inside a render (2.5 ms in a fresh process), on the way of the
 * first documents; from the image, 0.33 M and ~0.1 ms. tools/hyph_snapshot.c loads the
 * file when amokit is built and prints the result as an image without
 * pointers (offsets into a string pool, indices into arrays: static
 * pointers would be relocations paid by every process); hyph_image_dict
 * makes a HyphenDict from it, in one block, when a file has the bytes the
 * image was made from. Private to text.c, the tool and the tests. */
#ifndef AMOKIT_HYPH_IMAGE_H
#define AMOKIT_HYPH_IMAGE_H

#include <stddef.h>
#include <stdint.h>
#include <hyphen.h>
#include "sha256.h"

typedef struct hyph_image_state {
	uint32_t match, repl;          /* 0: NULL, else offset in strs + 1 */
	int32_t fallback_state;
	uint32_t num_trans, trans;     /* trans: the first in trans[] */
	signed char replindex, replcut;
} hyph_image_state;

typedef struct hyph_image_trans { int32_t new_state; char ch; } hyph_image_trans;

typedef struct hyph_image_level {
	char lhmin, rhmin, clhmin, crhmin;
	uint32_t nohyphen;             /* as match */
	int32_t nohyphenl, num_states, utf8;
	char cset[MAX_NAME];
	uint32_t states;               /* the first in states[] */
} hyph_image_level;

typedef struct hyph_image {
	size_t size;                   /* of the file it was made from; 0: none */
	char sha256[SHA256_HEX_SIZE];
	const char *strs;
	const hyph_image_level *levels;
	const hyph_image_state *states;
	const hyph_image_trans *trans;
	size_t n_levels, n_states, n_trans;
} hyph_image;

extern const hyph_image hyph_shipped;

/* The patterns of the file at path from hyph_shipped, when the file has
 * its bytes; else NULL. Free with hyph_image_free, not hnj_hyphen_free. */
HyphenDict *hyph_image_dict(const char *path);
void hyph_image_free(HyphenDict *d);

#endif
