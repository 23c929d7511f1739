/* batch_inputs.c: what a batch reads: the workplace files named, and the
 * *.xml files under the folders named with their subfolders, each with the
 * name its documents get under -o and last year's file beside it
 * (--previous-dir). See batch.h. */
#include "batch_int.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "arena.h"
#include "bytes.h"

/* ---- inputs ------------------------------------------------------------- */

/* The messages of d as text in the arena; entries without a file name the input. */
const char *batch_errtext(batch *b, const diag *d, const char *path)
{
	diag copy = *d;
	for (int i = 0; i < copy.n; i++)
		if (!copy.entries[i].file[0])
			snprintf(copy.entries[i].file, sizeof copy.entries[i].file, "%s", path);
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	if (!f)
		return "ikke nok hukommelse";
	diag_print(&copy, f);
	fclose(f);
	const char *text = buf ? arena_strndup(b->a, buf, len < ERRTEXT_MAX ? len : ERRTEXT_MAX) : NULL;
	free(buf);
	return text ? text : "ikke nok hukommelse";
}

bool batch_output_name(const char *path, char *buf, size_t n)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	size_t len = strlen(base);
	if (len > 4 && strcmp(base + len - 4, ".xml") == 0)
		len -= 4;
	if (len == 0 || len >= n || len > NAME_LEN || base[0] == '.')
		return false;
	memcpy(buf, base, len);
	buf[len] = '\0';
	return true;
}

static int add_input(batch *b, const char *path, const char *sub)
{
	if (heap_grow((void **)&b->in, &b->cap, b->n + 1, sizeof *b->in, 64))
		return diag_oom(b->d, NULL);
	input *in = &b->in[b->n];
	memset(in, 0, sizeof *in);
	if (!(in->path = arena_strdup(b->a, path)) || !(in->sub = arena_strdup(b->a, sub)))
		return diag_oom(b->d, NULL);
	b->n++;
	return AM_OK;
}

static int by_path(const void *x, const void *y)
{
	return strcmp(((const input *)x)->path, ((const input *)y)->path);
}

static bool is_xml_file(const char *path)
{
	size_t len = strlen(path);
	struct stat st;
	return len > 4 && strcmp(path + len - 4, ".xml") == 0 && stat(path, &st) == 0 &&
	       S_ISREG(st.st_mode);
}

/* Adds the *.xml files of root/sub and, recursively, of its folders (not
 * following symbolic links, nor hidden names), sorted by path. */
static int add_dir(batch *b, const char *root, const char *sub, int depth)
{
	const char *dir = sub[0] ? arena_printf(b->a, "%s/%s", root, sub) : root;
	DIR *dp = dir ? opendir(dir) : NULL;
	if (!dp) {
		diag_error(b->d, dir, 0, "mappen kan ikke læses: %s", diag_errno(errno));
		return AM_EUSAGE;
	}
	size_t first = b->n;
	int rc = AM_OK;
	struct dirent *e;
	while (!rc && (e = readdir(dp))) {
		if (e->d_name[0] == '.')
			continue;
		char *path = arena_printf(b->a, "%s/%s", dir, e->d_name);
		struct stat st;
		if (!path)
			rc = diag_oom(b->d, NULL);
		else if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode) && depth < MAX_DEPTH)
			rc = add_dir(b, root, arena_printf(b->a, "%s%s%s", sub, sub[0] ? "/" : "", e->d_name), depth + 1);
		else if (is_xml_file(path))
			rc = add_input(b, path, sub);
	}
	closedir(dp);
	if (!rc && b->n > first)
		qsort(b->in + first, b->n - first, sizeof *b->in, by_path);
	return rc;
}

/* Gives every input its output name; a name already taken fails the later file. */
static int assign_names(batch *b)
{
	char name[NAME_LEN + 1];
	for (size_t i = 0; i < b->n; i++) {
		input *in = &b->in[i];
		diag d;
		diag_init(&d);
		if (!batch_output_name(in->path, name, sizeof name))
			diag_error(&d, in->path, 0, "filnavnet kan ikke bruges som mappenavn (tomt, skjult eller for langt)");
		for (size_t j = 0; j < i && !d.n; j++)
			if (b->in[j].name && strcmp(b->in[j].name, name) == 0 && strcmp(b->in[j].sub, in->sub) == 0)
				diag_error(&d, in->path, 0, "mappen '%s' bruges allerede af %s; springes over",
				           name, b->in[j].path);
		if (d.n) {
			in->st = IN_FAILED;
			in->errors = batch_errtext(b, &d, in->path);
			b->failed++;
		} else if (!(in->name = arena_strdup(b->a, name))) {
			return diag_oom(b->d, NULL);
		}
	}
	return AM_OK;
}

int batch_collect_inputs(batch *b)
{
	const batch_opts *o = b->o;
	for (size_t i = 0; i < o->n_inputs; i++) {
		struct stat st;
		int rc = stat(o->inputs[i], &st) == 0 && S_ISDIR(st.st_mode) ? add_dir(b, o->inputs[i], "", 0)
		                                                              : add_input(b, o->inputs[i], "");
		if (rc)
			return rc;
	}
	if (b->n == 0) {
		diag_error(b->d, NULL, 0, "batch: ingen arbejdspladsfiler (FIL.xml eller en mappe med dem)");
		return AM_EUSAGE;
	}
	if (b->n > UINT32_MAX) {
		diag_error(b->d, NULL, 0, "batch: for mange filer");
		return AM_EUSAGE;
	}
	return assign_names(b);
}

int batch_make_outdir(const char *dir, diag *d)
{
	struct stat st;
	if (mkdir(dir, 0777) == 0)
		return AM_OK;
	if (errno == EEXIST && stat(dir, &st) == 0 && S_ISDIR(st.st_mode))
		return AM_OK;
	diag_error(d, dir, 0, "mappen til dokumenterne kan ikke oprettes: %s",
	           errno == EEXIST ? "der findes en fil med det navn" : diag_errno(errno));
	return AM_EUSAGE;
}

/* The output folders of the subfolders found, made before the workers
 * start (so that two of them never race to make one). */
int batch_make_subdirs(batch *b)
{
	for (size_t i = 0; i < b->n; i++) {
		const char *sub = b->in[i].sub;
		size_t n = strlen(sub);
		for (size_t k = 1; k <= n; k++) {
			if (k < n && sub[k] != '/')
				continue;
			const char *dir = arena_printf(b->a, "%s/%.*s", b->o->outdir, (int)k, sub);
			int rc = dir ? batch_make_outdir(dir, b->d) : diag_oom(b->d, NULL);
			if (rc)
				return rc;
		}
	}
	return AM_OK;
}

