/* data.h: the generic data tree that layouts bind to.
 *
 * bind.c turns the workplace model into this tree, mirroring the workplace
 * XML's element names (so a layout author can read the schema and know the
 * paths), plus a `derived` subtree with the rules' results. Attributes of the
 * XML become child nodes of the same name. All nodes live in one arena.
 *
 * Paths: "meeting/date" is relative to a context node, "/name" is from the
 * root; "." is the context itself and ".." its parent. A missing node is NULL;
 * a present node always has text (leaf) or children (container). */
#ifndef AMOKIT_DATA_H
#define AMOKIT_DATA_H

#include <stddef.h>
#include "arena.h"

typedef struct dnode {
	const char *name;
	const char *text;      /* leaf value (UTF-8, whitespace-normalised) or NULL */
	int line;              /* source line in the workplace file, 0 if derived */
	struct dnode *parent, *first, *last, *next;
} dnode;

/* A new node appended to parent (parent may be NULL for a root).
 * name and text are not copied: they must live as long as the arena. */
dnode *data_add(arena *a, dnode *parent, const char *name, const char *text, int line);

/* A new node appended to parent with of's name, text, line and children.
 * The children are shared, not copied (the same person under /people and
 * /derived/participants costs one node more, not a subtree), so a path
 * from inside them that climbs with ".." climbs through of. Nothing may be
 * added to of or to the alias afterwards. */
dnode *data_alias(arena *a, dnode *parent, const dnode *of);

/* The first node at path from ctx, or NULL. */
const dnode *data_find(const dnode *ctx, const char *path);
/* The text at path, or NULL when absent or a container. */
const char *data_text(const dnode *ctx, const char *path);
/* Number of children of ctx named name (name NULL: all children). */
size_t data_count(const dnode *ctx, const char *name);

#endif
