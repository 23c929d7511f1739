/* xsdinfo_builtin.c: the declarations of the workplace schema compiled
 * into amokit, read once on first use (xsdinfo.h).
 *
 * amokit carries the schema twice: as the build wrote it without its
 * documentation, which the validator compiles for every file it reads
 * (reader.c; the xs:documentation doubled the time to compile it), and as
 * written, with the Danish documentation this module reads when a message
 * or an editing command needs it. Kept apart from xsdinfo.c so that the
 * build's own tools can read a schema file without the compiled-in one. */
#include "xsdinfo.h"

#include <pthread.h>
#include <stddef.h>

extern const char schema_workplace_doc[];
extern const size_t schema_workplace_doc_len;

static pthread_mutex_t cache_lock = PTHREAD_MUTEX_INITIALIZER;
static arena *cache_arena;
static const xsd_elem *cache;

const xsd_elem *xsd_workplace(void)
{
	pthread_mutex_lock(&cache_lock);
	if (!cache) {
		if (!cache_arena)
			cache_arena = arena_new();
		if (cache_arena)
			cache = xsd_load(cache_arena, schema_workplace_doc, schema_workplace_doc_len, "workplace");
	}
	const xsd_elem *e = cache;
	pthread_mutex_unlock(&cache_lock);
	return e;
}

void xsd_forget(void)
{
	pthread_mutex_lock(&cache_lock);
	arena_free(cache_arena);
	cache_arena = NULL;
	cache = NULL;
	pthread_mutex_unlock(&cache_lock);
}

