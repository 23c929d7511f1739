/* layout_image.c: the layouts that ship with amokit, as compiled in when it
 * was built (layout_int.h): finding a file among them by its bytes, and
 * making a template from its image without parsing it, while the strings
 * files it read are unchanged. layout_load.c parses every other file. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "layout_int.h"
#include "sha256.h"

/* The entry of layout_shipped (layout_int.h) with exactly xml's bytes, or
 * NULL. Such a file matched the layout schema when amokit was built:
 * validating it again would give the same answer. Only a file with the
 * size of a shipped one is compared. */
const layout_digest *layout_find_shipped(const char *xml, size_t len)
{
	for (const layout_digest *e = layout_shipped; e->file; e++)
		if (e->size == len && memcmp(e->bytes, xml, len) == 0)
			return e;
	return NULL;
}

/* True when the file at href, next to the layout at path, has the size and
 * bytes it had when amokit was built. */
static bool dep_unchanged(const char *path, const layout_dep *dep)
{
	const char *slash = strrchr(path, '/');
	size_t dir = slash ? (size_t)(slash - path) + 1 : 0, n = strlen(dep->href);
	char *file = malloc(dir + n + 1);
	if (!file)
		return false;
	memcpy(file, path, dir);
	memcpy(file + dir, dep->href, n + 1);
	struct stat st;
	char hex[SHA256_HEX_SIZE];
	bool same = stat(file, &st) == 0 && S_ISREG(st.st_mode) && (size_t)st.st_size == dep->size &&
	            sha256_file(file, hex) == 0 && memcmp(hex, dep->sha256, SHA256_HEX_SIZE) == 0;
	free(file);
	return same;
}

/* The image compiled in for a file with e's bytes, when there is one and
 * the strings files it read are unchanged; else NULL (then it is parsed). */
const layout_image *layout_compiled_image(const layout_digest *e, const char *path)
{
	if (!e || !e->image)
		return NULL;
	for (const layout_dep *dep = e->deps; dep->href; dep++)
		if (!dep_unchanged(path, dep))
			return NULL;
	return e->image;
}

/* The template of image im, in a: nodes, attributes and maps with their
 * pointers set; the texts stay in the image's pool. NULL: out of memory. */
layout *layout_from_image(arena *a, const layout_image *im)
{
	layout *l = arena_alloc(a, sizeof *l);
	lnode *n = arena_array(a, im->n_nodes, sizeof *n);
	lattr *at = arena_array(a, im->n_attrs, sizeof *at);
	lmap *m = arena_array(a, im->n_maps, sizeof *m);
	if (!l || (im->n_nodes && !n) || (im->n_attrs && !at) || (im->n_maps && !m))
		return NULL;
#define STR(r) ((r) ? im->strs + (r) - 1 : NULL)
#define AT(arr, r) ((r) ? &(arr)[(r) - 1] : NULL)
	for (size_t i = 0; i < im->n_nodes; i++) {
		const limage_node *x = &im->nodes[i];
		n[i] = (lnode){(lkind)x->kind, (int)x->line, STR(x->text), AT(at, x->attrs),
		               AT(n, x->first), AT(n, x->next)};
	}
	for (size_t i = 0; i < im->n_attrs; i++) {
		const limage_attr *x = &im->attrs[i];
		at[i].name = STR(x->name);   /* the rest is zeroed */
		at[i].value = STR(x->value);
		at[i].next = AT(at, x->next);
		if (x->type != LA_TEXT && !lattr_parse_as(a, &at[i], (lattr_type)x->type))
			return NULL;
	}
	for (size_t i = 0; i < im->n_maps; i++) {
		const limage_map *x = &im->maps[i];
		const char **kv = arena_array(a, 2 * x->n, sizeof *kv);
		if (x->n && !kv)
			return NULL;
		for (size_t k = 0; k < 2 * x->n; k++)
			kv[k] = STR(im->strs_of[x->keys - 1 + k]);
		m[i] = (lmap){STR(x->name), kv, kv + x->n, x->n, AT(m, x->next)};
	}
	*l = (layout){.title = STR(im->title), .subject = STR(im->subject), .keywords = STR(im->keywords),
	              .title_key = STR(im->title_key), .subject_key = STR(im->subject_key),
	              .keywords_key = STR(im->keywords_key),
	              .page = im->page, .base_size = im->base_size, .accent = im->accent,
	              .maps = AT(m, im->maps_head), .texts = AT(at, im->texts_head),
	              .header = AT(n, im->header), .header_right = AT(n, im->header_right),
	              .footer = AT(n, im->footer), .footer_right = AT(n, im->footer_right),
	              .body = AT(n, im->body)};
	for (int k = 0; k < 12; k++)
		l->months[k] = STR(im->months[k]);
#undef STR
#undef AT
	return l;
}
