/* fuzz_common.h: what the libFuzzer harnesses share.
 *
 * FUZZ_ROOT (set by tests/fuzz/fuzz.mk to the source tree) locates the
 * examples, layouts and fonts the harnesses load once at start-up, so the
 * binaries run from any directory. */
#ifndef AMOKIT_FUZZ_COMMON_H
#define AMOKIT_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "text.h"

#ifndef FUZZ_ROOT
#define FUZZ_ROOT "."
#endif

#define FUZZ_HYPH_DA "/usr/share/hyphen/hyph_da_DK.dic"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Set-up that cannot fail silently: a harness without its fixtures would
 * fuzz nothing, so it stops at once. */
static inline void fuzz_require(int ok, const char *what)
{
	if (!ok) {
		fprintf(stderr, "fuzz set-up failed: %s\n", what);
		abort();
	}
}

/* The Danish hyphenation patterns, or NULL when not installed or when
 * FUZZ_NO_HYPH is set (to fuzz past a known hyphenation bug). */
static inline struct text_hyph *fuzz_hyph_open(void)
{
	return getenv("FUZZ_NO_HYPH") ? NULL : text_hyph_open(FUZZ_HYPH_DA);
}

#endif
