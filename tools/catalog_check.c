/* catalog_check.c: are the message catalogs complete and used? (make catalogs)
 *
 *   catalog_check LAYOUTS_DIR
 *
 * Loads every layout of LAYOUTS_DIR and every catalog of its messages/
 * folder with amokit's own loaders, and prints, per language:
 *   missing KEY        a key the Danish catalog has and this one lacks
 *                      (amokit prints it in Danish)
 *   unused KEY         a key no layout names and the program never asks for
 *   undefined KEY      a key a layout names that Danish lacks (an error at
 *                      run time)
 *   missing map NAME/ENTRY, unused map NAME/ENTRY   the same for maps
 *   placeholder KEY {x}  a text asks for {x}, which a layout naming KEY
 *                      does not give
 *   term KEY {term:t}  a text names a term the glossary lacks
 *   glossary TERM      a glossary term without this language's wording
 * and a count per language. Exit status 0 when there is nothing to
 * report, 1 when there is, 2 when something does not load. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "catalog.h"
#include "diag.h"
#include "layout_int.h"

typedef struct strset {
	const char **v;
	size_t n, cap;
} strset;

static void add(strset *s, const char *x)
{
	for (size_t i = 0; i < s->n; i++)
		if (strcmp(s->v[i], x) == 0)
			return;
	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 256;
		s->v = realloc(s->v, s->cap * sizeof *s->v);
		if (!s->v) {
			fprintf(stderr, "catalog_check: out of memory\n");
			exit(2);
		}
	}
	s->v[s->n++] = x;
}

static bool has(const strset *s, const char *x)
{
	for (size_t i = 0; i < s->n; i++)
		if (strcmp(s->v[i], x) == 0)
			return true;
	return false;
}

/* What the layouts ask for: keys, and for each <msg> reference the
 * arguments it gives (as "key\tname"). */
static strset keys, refs, args;

static void walk(const lnode *n)
{
	static const char *const key_attrs[] = {"title-key", "default-key", "separator-key", NULL};
	for (; n; n = n->next) {
		for (size_t i = 0; key_attrs[i]; i++) {
			const char *k = lattr_get(n, key_attrs[i]);
			if (k)
				add(&keys, k);
		}
		if (n->kind == L_MSG) {
			const char *k = lattr_get(n, "key");
			add(&keys, k);
			add(&refs, k);
			for (const lnode *a = n->first; a; a = a->next)
				if (a->kind == L_ARG) {
					char *t = malloc(strlen(k) + strlen(lattr_get(a, "name")) + 2);
					if (!t)
						exit(2);
					sprintf(t, "%s\t%s", k, lattr_get(a, "name"));
					if (has(&args, t))
						free(t);
					else
						add(&args, t);
				}
		}
		walk(n->first);
	}
}

static bool ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), t = strlen(tail);
	return n >= t && strcmp(s + n - t, tail) == 0;
}

/* The files of dir ending in .xml, sorted. */
static size_t xml_files(const char *dir, char ***out)
{
	DIR *d = opendir(dir);
	size_t n = 0, cap = 0;
	char **v = NULL;
	for (struct dirent *e; d && (e = readdir(d));) {
		if (!ends_with(e->d_name, ".xml"))
			continue;
		if (n == cap && !(v = realloc(v, (cap = cap ? 2 * cap : 32) * sizeof *v)))
			exit(2);
		v[n++] = strdup(e->d_name);
	}
	if (d)
		closedir(d);
	for (size_t i = 1; i < n; i++)
		for (size_t j = i; j > 0 && strcmp(v[j], v[j - 1]) < 0; j--) {
			char *t = v[j];
			v[j] = v[j - 1];
			v[j - 1] = t;
		}
	*out = v;
	return n;
}

static int problems;

static void report(const char *lang, const char *what, const char *a, const char *b)
{
	printf("%s: %s %s%s%s\n", lang, what, a, b ? " " : "", b ? b : "");
	problems++;
}

/* The params ({x}) and terms ({term:t}) of message m, checked. */
static void check_placeholders(const char *lang, const catalog *c, const lnode *n, const char *key)
{
	for (; n; n = n->next) {
		if (n->kind == L_PARAM) {
			char probe[512];
			snprintf(probe, sizeof probe, "%s\t%s", key, n->text);
			if (has(&refs, key) && !has(&args, probe))
				report(lang, "placeholder", key, n->text);
		} else if (n->kind == L_TERM) {
			const char *local, *danish;
			if (!catalog_term(c, n->text, &local, &danish))
				report(lang, "term", key, n->text);
		}
		check_placeholders(lang, c, n->first, key);
	}
}

static const lmap *find_map(const layout *l, const char *name)
{
	for (const lmap *m = l->maps; m; m = m->next)
		if (strcmp(m->name, name) == 0)
			return m;
	return NULL;
}

static bool map_has(const lmap *m, const char *key)
{
	for (size_t i = 0; m && i < m->n; i++)
		if (strcmp(m->keys[i], key) == 0)
			return true;
	return false;
}

static void check_catalog(const catalog *c, const catalog *da, const layout *glossary)
{
	const char *lang = catalog_code(c);
	int before = problems;
	const layout *f = catalog_file(c), *ref = catalog_file(da);
	strset own = {0};
	for (const lnode *m = f->body->first; m; m = m->next) {
		const char *key = lattr_get(m, "key");
		add(&own, key);
		bool program = false;
		for (size_t i = 0; catalog_program_keys[i]; i++)
			program |= strcmp(catalog_program_keys[i], key) == 0;
		if (!has(&keys, key) && !program)
			report(lang, "unused", key, NULL);
		if (c != da && !catalog_msg(da, key))
			report(lang, "unused", key, "(not in da.xml)");
		check_placeholders(lang, c, m->first, key);
	}
	for (const lnode *m = ref->body->first; m && c != da; m = m->next)
		if (!has(&own, lattr_get(m, "key")))
			report(lang, "missing", lattr_get(m, "key"), NULL);
	if (c == da)
		for (size_t i = 0; i < keys.n; i++)
			if (!has(&own, keys.v[i]))
				report(lang, "undefined", keys.v[i], NULL);
	for (size_t i = 0; catalog_program_keys[i]; i++)
		if (c == da && !has(&own, catalog_program_keys[i]))
			report(lang, "undefined", catalog_program_keys[i], "(asked for by the program)");
	for (const lmap *m = ref->maps; m && c != da; m = m->next) {
		const lmap *mine = find_map(f, m->name);
		for (size_t i = 0; i < m->n; i++)
			if (!map_has(mine, m->keys[i]))
				report(lang, "missing map", m->name, m->keys[i]);
	}
	for (const lmap *m = f->maps; m && c != da; m = m->next) {
		const lmap *theirs = find_map(ref, m->name);
		for (size_t i = 0; i < m->n; i++)
			if (!map_has(theirs, m->keys[i]))
				report(lang, "unused map", m->name, m->keys[i]);
	}
	for (const lmap *t = glossary ? glossary->maps : NULL; t; t = t->next)
		if (!map_has(t, lang))
			report(lang, "glossary", t->name, "(no wording)");
	printf("%s (%s): %zu texts, %d problems\n", lang, catalog_name(c), own.n, problems - before);
	free(own.v);
}

/* What main allocates, freed on every way out (LeakSanitizer runs the
 * tool in make asan). */
typedef struct run {
	arena *a;
	diag *d;
	char **files, **langs;
	size_t n_files, n_langs;
} run;

static void free_names(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static void run_free(run *r)
{
	free_names(r->files, r->n_files);
	free_names(r->langs, r->n_langs);
	for (size_t i = 0; i < args.n; i++)
		free((char *)args.v[i]);
	free(keys.v);
	free(refs.v);
	free(args.v);
	free(r->d);
	arena_free(r->a);
}

static int check_dir(run *r, const char *dir)
{
	arena *a = r->a;
	diag *d = r->d;
	char path[4096];
	size_t n = r->n_files = xml_files(dir, &r->files);
	char **files = r->files;
	for (size_t i = 0; i < n; i++) {
		snprintf(path, sizeof path, "%s/%s", dir, files[i]);
		layout *l = NULL;
		if (layout_load(a, path, &l, d) != AM_OK) {
			/* strings files are read by the layouts that name them */
			if (strstr(d->n ? d->entries[d->n - 1].msg : "", "found <strings>")) {
				diag_init(d);
				continue;
			}
			diag_print(d, stderr);
			return 2;
		}
		const char *meta[] = {l->title_key, l->subject_key, l->keywords_key};
		for (size_t k = 0; k < 3; k++)
			if (meta[k])
				add(&keys, meta[k]);
		walk(l->header);
		walk(l->header_right);
		walk(l->footer);
		walk(l->footer_right);
		walk(l->body);
	}
	catalog *da = NULL;
	if (catalog_load(a, dir, CATALOG_REFERENCE, NULL, &da, d) != AM_OK) {
		diag_print(d, stderr);
		return 2;
	}
	snprintf(path, sizeof path, "%s/messages", dir);
	size_t nl = r->n_langs = xml_files(path, &r->langs);
	char **langs = r->langs;
	layout *glossary = NULL;
	snprintf(path, sizeof path, "%s/messages/glossary.xml", dir);
	FILE *g = fopen(path, "rb");
	if (g) {
		fclose(g);
		if (layout_load_as(a, path, ROOT_GLOSSARY, &glossary, d) != AM_OK) {
			diag_print(d, stderr);
			return 2;
		}
	}
	check_catalog(da, da, glossary);
	for (size_t i = 0; i < nl; i++) {
		char code[16];
		size_t len = strlen(langs[i]) - 4;
		if (strcmp(langs[i], "glossary.xml") == 0 || len >= sizeof code)
			continue;
		memcpy(code, langs[i], len);
		code[len] = '\0';
		if (strcmp(code, CATALOG_REFERENCE) == 0)
			continue;
		catalog *c = NULL;
		if (catalog_load(a, dir, code, da, &c, d) != AM_OK) {
			diag_print(d, stderr);
			return 2;
		}
		check_catalog(c, da, glossary);
	}
	printf("%d problems\n", problems);
	return problems ? 1 : 0;
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: catalog_check LAYOUTS_DIR\n");
		return 2;
	}
	run r = {arena_new(), malloc(sizeof(diag)), NULL, NULL, 0, 0};
	int rc = 2;
	if (r.a && r.d) {
		diag_init(r.d);
		rc = check_dir(&r, argv[1]);
	}
	run_free(&r);
	return rc;
}
