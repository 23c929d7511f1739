/* kit.h: the documents of the kit, generated for one workplace (or blank).
 *
 * A kit holds what every document needs and what is costly to load: the
 * font family and its metrics, the Danish hyphenation patterns and the
 * parsed layouts. Open it once, then run it for as many workplaces as you
 * like (batch mode does exactly that). Each run writes one PDF per
 * requested document into the output directory, atomically. */
#ifndef AMOKIT_KIT_H
#define AMOKIT_KIT_H

#include <stdbool.h>
#include <stdio.h>
#include "arena.h"
#include "catalog.h"
#include "diag.h"
#include "font.h"
#include "layout.h"
#include "model.h"
#include "output.h"

/* The documents, as bits of a mask. */
enum {
	KIT_FORBEREDELSESARK = 1 << 0,
	KIT_ARBEJDSARK = 1 << 1,
	KIT_INFORMATIONSARK = 1 << 2,
	KIT_DAGSORDEN = 1 << 3,
	KIT_AARSHJUL = 1 << 4,
	KIT_REFERAT = 1 << 5,
	KIT_ALL = (1 << 6) - 1
};

typedef struct kit kit;

/* The languages amokit has texts in (layouts/messages/), for messages. */
#define KIT_LANGS "da, en, de, pl, ro, lt og uk"

typedef struct kit_opts {
	const char *layouts_dir;   /* NULL: the installed data directory's layouts/ */
	const char *fonts_dir;     /* NULL: the installed data directory's fonts/ */
} kit_opts;

typedef struct kit_job {
	const am_workplace *wp;    /* NULL: the blank documents */
	const char *outdir;        /* existing directory */
	unsigned docs;             /* KIT_* mask */
	const char *poster;        /* årshjul paper: "A3".."A0"; NULL = A2 */
	bool landscape;            /* årshjul orientation */
	const char *tile;          /* "A4" or "A3" to tile the poster; NULL = no tiling */
	const char *lang;          /* the documents' language ("pl", --lang); NULL:
	                              Danish. The referat stays Danish (the record);
	                              each participant's forberedelsesark is in the
	                              person's language, else the workplace's,
	                              else this one */
	bool rhythm;               /* add the legally driven activities to the wheel */
	const am_workplace *previous; /* last year's file (--previous); may be NULL */
	int jobs;                  /* processes sharing the documents: 0 = one
	                              per CPU, 1 = this process only */
	FILE *log;                 /* each written file is named here, after its
	                              SHA-256 as sha256sum prints it, once all
	                              are published; may be NULL */
	bool has_timestamp;        /* the documents' date is timestamp (seconds
	                              since 1970, UTC), not the meeting day */
	long long timestamp;
	output_set *out;           /* the set the documents go into, published by
	                              the caller; NULL: a set of the job's own on
	                              outdir, published by kit_run (log needs it) */
	bool untagged;             /* render_opts.untagged: for measuring only */
} kit_job;

/* Opens the kit: fonts, hyphenation, layouts. NULL with a diag on failure. */
kit *kit_open(const kit_opts *o, diag *d);
/* Loads the Danish hyphenation patterns now; kit_open leaves them to the
 * first word a document hyphenates. */
void kit_load_hyphenation(kit *k);
void kit_close(kit *k);
/* The font family the kit measures and prints with. */
const font_family *kit_fonts(const kit *k);
/* Writes the requested documents, all of them or none (output.h).
 * Returns AM_OK or an AM_E* code. */
int kit_run(kit *k, const kit_job *job, diag *d);
/* Parses "--only" lists like "dagsorden,aarshjul" into a mask; 0 on error
 * (with a diag naming the unknown document). */
unsigned kit_parse_only(const char *list, diag *d);
/* The data directory holding layouts/ and fonts/: $AMOKIT_DATADIR,
 * share/amokit beside the binary's directory, the source tree the binary
 * was built in, or the one it was built to be installed in. */
const char *kit_data_dir(arena *a);
/* The directory of the running program (from /proc/self/exe) into dir,
 * which holds size bytes; false when it cannot be told. */
bool kit_exe_dir(char *dir, size_t size);
/* Adds the legally driven activities (the rhythm) to wp's wheel, titled
 * with the texts of catalog c. Memory comes from a. */
int kit_apply_rhythm(arena *a, am_workplace *wp, const catalog *c, bool force, diag *d);
/* The kit's Danish catalog. */
const catalog *kit_catalog(const kit *k);

#endif
