/* data.c: the generic data tree that layouts bind to; see data.h. */
#include "data.h"

#include <assert.h>
#include <string.h>

dnode *data_add(arena *a, dnode *parent, const char *name, const char *text, int line)
{
	assert(a && name);
	dnode *n = arena_alloc(a, sizeof *n);
	if (!n)
		return NULL;
	n->name = name;
	n->text = text;
	n->line = line;
	n->parent = parent;
	if (parent) {
		if (parent->last)
			parent->last->next = n;
		else
			parent->first = n;
		parent->last = n;
	}
	return n;
}

dnode *data_alias(arena *a, dnode *parent, const dnode *of)
{
	assert(of);
	dnode *n = data_add(a, parent, of->name, of->text, of->line);
	if (n) {
		n->first = of->first;
		n->last = of->last;
	}
	return n;
}

/* The first child of ctx whose name is the len bytes at seg. */
static const dnode *child(const dnode *ctx, const char *seg, size_t len)
{
	for (const dnode *c = ctx->first; c; c = c->next)
		if (strlen(c->name) == len && memcmp(c->name, seg, len) == 0)
			return c;
	return NULL;
}

const dnode *data_find(const dnode *ctx, const char *path)
{
	if (!ctx || !path)
		return NULL;
	if (*path == '/') {
		while (ctx->parent)
			ctx = ctx->parent;
		path++;
	}
	while (ctx && *path) {
		const char *end = strchr(path, '/');
		size_t len = end ? (size_t)(end - path) : strlen(path);
		if (len == 1 && path[0] == '.')
			;
		else if (len == 2 && path[0] == '.' && path[1] == '.')
			ctx = ctx->parent;
		else if (len > 0)
			ctx = child(ctx, path, len);
		path += len;
		if (*path == '/')
			path++;
	}
	return ctx;
}

const char *data_text(const dnode *ctx, const char *path)
{
	const dnode *n = data_find(ctx, path);
	return n ? n->text : NULL;
}

size_t data_count(const dnode *ctx, const char *name)
{
	size_t k = 0;
	if (!ctx)
		return 0;
	for (const dnode *c = ctx->first; c; c = c->next)
		if (!name || strcmp(c->name, name) == 0)
			k++;
	return k;
}
