/* hyph_image.c: a HyphenDict from the image of the Danish patterns that
 * tools/hyph_snapshot.c compiled in (hyph_image.h says why). The dict's
 * levels, states and transitions are one malloc'd block; its strings stay
 * in the image's pool, which libhyphen only reads. */
#include "hyph_image.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* True when the file at path has the bytes the image was made from. */
static bool is_imaged(const char *path, const hyph_image *im)
{
	struct stat st;
	char hex[SHA256_HEX_SIZE];
	return im->size && stat(path, &st) == 0 && S_ISREG(st.st_mode) && (size_t)st.st_size == im->size &&
	       sha256_file(path, hex) == 0 && memcmp(hex, im->sha256, SHA256_HEX_SIZE) == 0;
}

static char *str(const hyph_image *im, uint32_t ref)
{
	return ref ? (char *)(im->strs + ref - 1) : NULL;
}

HyphenDict *hyph_image_dict(const char *path)
{
	const hyph_image *im = &hyph_shipped;
	if (!is_imaged(path, im))
		return NULL;
	HyphenDict *d = malloc(im->n_levels * sizeof *d + im->n_states * sizeof(HyphenState) +
	                       im->n_trans * sizeof(HyphenTrans));
	if (!d)
		return NULL;
	HyphenState *st = (HyphenState *)(d + im->n_levels);
	HyphenTrans *tr = (HyphenTrans *)(st + im->n_states);
	for (size_t i = 0; i < im->n_trans; i++)
		tr[i] = (HyphenTrans){im->trans[i].ch, im->trans[i].new_state};
	for (size_t i = 0; i < im->n_states; i++) {
		const hyph_image_state *s = &im->states[i];
		st[i] = (HyphenState){str(im, s->match), str(im, s->repl), s->replindex, s->replcut,
		                      s->fallback_state, (int)s->num_trans, s->num_trans ? tr + s->trans : NULL};
	}
	for (size_t l = 0; l < im->n_levels; l++) {
		const hyph_image_level *v = &im->levels[l];
		HyphenDict *x = &d[l];
		memset(x, 0, sizeof *x);
		x->lhmin = v->lhmin;
		x->rhmin = v->rhmin;
		x->clhmin = v->clhmin;
		x->crhmin = v->crhmin;
		x->nohyphen = str(im, v->nohyphen);
		x->nohyphenl = v->nohyphenl;
		x->num_states = v->num_states;
		memcpy(x->cset, v->cset, sizeof x->cset);
		x->utf8 = v->utf8;
		x->states = st + v->states;
		x->nextlevel = l + 1 < im->n_levels ? &d[l + 1] : NULL;
	}
	return d;
}

void hyph_image_free(HyphenDict *d)
{
	free(d);
}
