/* untagged_render.c: a workplace file's documents as amokit renders them,
 * but without their structure trees (render_opts.untagged), for measuring
 * what tagging costs (issue 22): tests/e2e/sizes.sh compares their bytes
 * with amokit's. The files still claim PDF/UA-1 (the referat PDF/A-1a) in
 * their metadata: they are for measuring only. SOURCE_DATE_EPOCH dates
 * them, as it does amokit's. Run from the top of the tree (layouts/,
 * fonts/). usage: untagged_render WORKPLACE.xml|--blank OUTDIR */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "diag.h"
#include "kit.h"
#include "reader.h"

int main(int argc, char **argv)
{
	if (argc != 3) {
		fputs("usage: untagged_render WORKPLACE.xml|--blank OUTDIR\n", stderr);
		return 2;
	}
	diag d;
	diag_init(&d);
	reader_init_threads();
	arena *a = arena_new();
	am_workplace *wp = NULL;
	int rc = !a ? AM_EINTERNAL : strcmp(argv[1], "--blank") ? reader_load(a, argv[1], &wp, &d) : AM_OK;
	kit_opts ko = {"layouts", "fonts"};
	kit *k = rc ? NULL : kit_open(&ko, &d);
	if (!rc && !k)
		rc = AM_EINTERNAL;
	if (!rc) {
		kit_job job = {.wp = wp, .outdir = argv[2], .docs = KIT_ALL, .jobs = 1, .untagged = true};
		const char *s = getenv("SOURCE_DATE_EPOCH");
		if (s && *s) {
			job.has_timestamp = true;
			job.timestamp = strtoll(s, NULL, 10);
		}
		rc = kit_run(k, &job, &d);
	}
	diag_print(&d, stderr);
	kit_close(k);
	arena_free(a);
	reader_cleanup();
	return rc ? 1 : 0;
}
