/* render.h: draw list → PDF, written by amokit itself (pdf.h).
 *
 * Text is set in the family's faces as Type0 fonts, each cut to the glyphs
 * the document uses, with a ToUnicode map, so every character extracts. A
 * character a face lacks prints as a replacement mark and extracts as
 * itself (/ActualText). The output is deterministic: dates come from
 * doc->meta.timestamp, never the clock. The file is written as its pages
 * come, through output.h (into a set of files, or on its own), which
 * publishes it only when it is complete: no partial file is ever left. */
#ifndef AMOKIT_RENDER_H
#define AMOKIT_RENDER_H

#include "draw.h"
#include "diag.h"
#include "font.h"
#include "output.h"

#ifndef AMOKIT_TILE_PLAN_DECLARED
#define AMOKIT_TILE_PLAN_DECLARED
typedef struct tile_plan tile_plan;
#endif

typedef struct render_opts {
	const font_family *fonts;
	/* Tiling: when not NULL, the page tile->page is printed as the plan
	 * says (tile.h): an assembly page, then its sheets; the other pages as
	 * they are. */
	const tile_plan *tile;
	/* Where the file goes: into this set, under path's last component;
	 * NULL: to path on its own (output_file). */
	output_set *out;
	/* Compute the SHA-256 of the bytes written, for render_close. */
	bool digest;
	/* No structure tree and no marks, nothing else changed: for measuring
	 * what tagging costs (tests/untagged_render.c). Such a file still
	 * claims PDF/UA-1 (the referat PDF/A-1a) in its metadata: it is never
	 * one for a reader. */
	bool untagged;
} render_opts;

/* A document being written as its pages come (draw_stream): render_open
 * begins the file at path (only doc->meta.pdfa is read yet: the rest of
 * the metadata when the first page comes and at the end); render_page is
 * the draw_sink that writes each page (ctx: the job); render_close writes
 * the end and publishes the file (with keep; else it discards it), puts
 * its SHA-256 into sha256_hex (o->digest set) when not NULL, and frees
 * the job. Each
 * returns AM_OK, or an AM_E* code with a diag record. */
typedef struct render_ctx render_job;
int render_open(const draw_doc *doc, const render_opts *o, const char *path, render_job **job,
                diag *d);
int render_page(void *job, const draw_page *pg, size_t index, bool last);
int render_close(render_job *job, bool keep, char *sha256_hex);

/* Writes the whole of doc to path (its pages held in memory). Returns
 * AM_OK, or an AM_E* code with a diag record. */
int render_pdf(const draw_doc *doc, const render_opts *o, const char *path, diag *d);
/* render_pdf, and when sha256_hex is not NULL it receives (SHA256_HEX_SIZE
 * bytes, sha256.h) the SHA-256 of exactly the bytes written, as lower-case
 * hex, computed from memory rather than by reading the file back. */
int render_pdf_digest(const draw_doc *doc, const render_opts *o, const char *path,
                      char *sha256_hex, diag *d);

#endif
