/* kit.c: generating the kit's documents for one workplace, or blank.
 *
 * Ties the stages together: model → data tree (bind) → layout (layouts/) →
 * draw list → PDF (render). Costly things (fonts, hyphenation patterns,
 * parsed layouts) are loaded once per kit and reused for every workplace.
 * This file holds the kit and the making of one document; kit_run.c, above
 * it, runs the kit for a workplace and shares its documents out among
 * threads. */
#include "kit.h"

#include <assert.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "aarshjul.h"
#include "bind.h"
#include "cal.h"
#include "font.h"
#include "layout.h"
#include "output.h"
#include "reader.h"
#include "render.h"
#include "rhythm.h"
#include "tile.h"
#include "text.h"
#include "kit_int.h"

#define HYPH_DIR "/usr/share/hyphen/"
#define MAX_LANGS 32

/* Each language's hyphenation patterns, from Debian's hyphen-* packages
 * (read when amokit runs; a language without them is set unhyphenated). */
static const struct { const char *code, *file; } hyph_files[] = {
	{"da", "hyph_da_DK.dic"}, {"en", "hyph_en_US.dic"}, {"de", "hyph_de_DE.dic"},
	{"pl", "hyph_pl_PL.dic"}, {"ro", "hyph_ro_RO.dic"}, {"lt", "hyph_lt_LT.dic"},
	{"uk", "hyph_uk_UA.dic"},
};

static text_hyph *hyph_open(const char *code)
{
	char path[64];
	for (size_t i = 0; i < sizeof hyph_files / sizeof hyph_files[0]; i++)
		if (strcmp(hyph_files[i].code, code) == 0) {
			snprintf(path, sizeof path, "%s%s", HYPH_DIR, hyph_files[i].file);
			return text_hyph_open(path);
		}
	return NULL;
}

const kit_doc kit_docs[KIT_N_DOCS] = {
	{KIT_FORBEREDELSESARK, "forberedelsesark", false},
	{KIT_ARBEJDSARK, "arbejdsark", false},
	{KIT_INFORMATIONSARK, "informationsark", false},
	{KIT_DAGSORDEN, "dagsorden", false},
	{KIT_AARSHJUL, "aarshjul", false},
	{KIT_REFERAT, "referat", true},
};

/* A language the kit has loaded: its catalog and hyphenation. */
typedef struct kit_lang {
	char code[4];
	layout_lang ll;
} kit_lang;

struct kit {
	arena *a;                  /* layouts, paths and catalogs */
	font_family *fonts;
	text_measurer measurer;
	text_hyph *hyph;
	const char *layouts_dir;
	kit_lang langs[MAX_LANGS]; /* langs[0] is Danish, loaded with the kit;
	                              the others when a job first needs them,
	                              before its documents start */
	size_t n_langs;
	layout *layouts[KIT_N_DOCS];   /* loaded on first use, each in its own arena
	                              (documents load theirs in parallel) */
	arena *layout_arenas[KIT_N_DOCS];
};

unsigned kit_parse_only(const char *list, diag *d)
{
	unsigned mask = 0;
	const char *p = list;
	while (*p) {
		size_t len = strcspn(p, ",");
		bool found = false;
		for (size_t i = 0; i < KIT_N_DOCS; i++)
			if (strlen(kit_docs[i].name) == len && strncmp(p, kit_docs[i].name, len) == 0) {
				mask |= kit_docs[i].bit;
				found = true;
			}
		if (!found && len) {
			diag_error(d, NULL, 0, "unknown document '%.*s' in --only (known: forberedelsesark, "
			           "arbejdsark, informationsark, dagsorden, aarshjul, referat)", (int)len, p);
			return 0;
		}
		p += len;
		if (*p == ',')
			p++;
	}
	return mask;
}

static bool is_dir(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* True when dir holds amokit's data: layouts/ and fonts/. */
static bool is_data_dir(const char *dir)
{
	char p[PATH_MAX];
	return dir && snprintf(p, sizeof p, "%s/layouts", dir) < (int)sizeof p && is_dir(p) &&
	       snprintf(p, sizeof p, "%s/fonts", dir) < (int)sizeof p && is_dir(p);
}

/* The data directory holding layouts/ and fonts/, the first of:
 * $AMOKIT_DATADIR; share/amokit beside the binary's directory (an
 * installation moved or staged elsewhere: bin/amokit finds
 * bin/../share/amokit); the source tree the binary was built in
 * (build/amokit finds build/../layouts); the directory it was built to be
 * installed in (AMOKIT_DATADIR, from make's PREFIX or DATADIR). */
bool kit_exe_dir(char *dir, size_t size)
{
	assert(size > 1);
	ssize_t n = readlink("/proc/self/exe", dir, size - 1);
	if (n <= 0)
		return false;
	dir[n] = '\0';
	char *slash = strrchr(dir, '/');
	if (!slash)
		return false;
	*slash = '\0';
	return true;
}

const char *kit_data_dir(arena *a)
{
	const char *env = getenv("AMOKIT_DATADIR");
	if (env && *env)
		return env;
	char exe[PATH_MAX];
	if (kit_exe_dir(exe, sizeof exe)) {
		const char *moved = arena_printf(a, "%s/../share/amokit", exe);
		if (is_data_dir(moved))
			return moved;
		const char *tree = arena_printf(a, "%s/..", exe);
		if (is_data_dir(tree))
			return tree;
	}
	return AMOKIT_DATADIR;
}

kit *kit_open(const kit_opts *o, diag *d)
{
	arena *a = arena_new();
	kit *k = a ? arena_alloc(a, sizeof *k) : NULL;
	if (!k) {
		arena_free(a);
		diag_oom(d, NULL);
		return NULL;
	}
	k->a = a;
	reader_init_threads();   /* libxml2, before layouts load in several threads */
	const char *dir = kit_data_dir(a);
	const char *fonts = o && o->fonts_dir ? o->fonts_dir : arena_printf(a, "%s/fonts", dir);
	k->layouts_dir = o && o->layouts_dir ? o->layouts_dir : arena_printf(a, "%s/layouts", dir);
	if (!fonts || !k->layouts_dir) {
		diag_oom(d, NULL);
		kit_close(k);
		return NULL;
	}
	if (!is_dir(k->layouts_dir)) {
		diag_error(d, k->layouts_dir, 0, "layouts directory not found");
		kit_close(k);
		return NULL;
	}
	if (!(k->fonts = font_load(fonts, d))) {
		kit_close(k);
		return NULL;
	}
	k->measurer = font_measurer(k->fonts);
	k->hyph = hyph_open(CATALOG_REFERENCE);   /* without it: no hyphenation, still correct */
	catalog *da = NULL;
	if (catalog_load(a, k->layouts_dir, CATALOG_REFERENCE, NULL, &da, d)) {
		kit_close(k);
		return NULL;
	}
	k->langs[0] = (kit_lang){CATALOG_REFERENCE, {da, k->hyph}};
	k->n_langs = 1;
	return k;
}

void kit_load_hyphenation(kit *k)
{
	text_hyph_load(k->hyph);
}

const font_family *kit_fonts(const kit *k)
{
	return k->fonts;
}

/* The language called code, loaded; NULL when there is no catalog for it. */
static const layout_lang *lang_of(const kit *k, const char *code)
{
	for (size_t i = 0; i < k->n_langs; i++)
		if (strcmp(k->langs[i].code, code) == 0)
			return &k->langs[i].ll;
	return NULL;
}

bool kit_has_lang(const kit *k, const char *code)
{
	return lang_of(k, code) != NULL;
}

/* The layout engine's question: a person's language (read-only, so the
 * documents' threads may ask at once). */
static const layout_lang *lang_for(void *ctx, const char *code)
{
	return lang_of(ctx, code);
}

/* Loads the language called code unless it is loaded: its catalog (Danish
 * where it lacks a text) and its hyphenation. file and line say who asks
 * for it (elem's lang: "person"), for the message; file NULL: --lang. Called
 * before the documents start, never from their threads. */
static int lang_load(kit *k, const char *code, const char *file, int line, const char *elem, diag *d)
{
	if (lang_of(k, code))
		return AM_OK;
	catalog *c = NULL;
	diag tmp;
	diag_init(&tmp);
	int rc = catalog_code_valid(code) && k->n_langs < MAX_LANGS
	       ? catalog_load(k->a, k->layouts_dir, code, k->langs[0].ll.cat, &c, &tmp) : AM_EUSAGE;
	if (rc == AM_EUSAGE) {
		if (file)
			diag_error(d, file, line, "<%s>: lang=\"%s\": amokit har ingen tekster på det sprog; "
			           "skriv et af disse: %s", elem, code, KIT_LANGS);
		else
			diag_error(d, NULL, 0, "--lang %s: amokit har ingen tekster på det sprog; skriv et af disse: %s",
			           code, KIT_LANGS);
		return file ? AM_EINPUT : AM_EUSAGE;
	}
	if (rc) {
		diag_merge(d, &tmp);
		return rc;
	}
	kit_lang *l = &k->langs[k->n_langs++];
	snprintf(l->code, sizeof l->code, "%s", code);
	l->ll = (layout_lang){c, hyph_open(code)};
	return AM_OK;
}

int kit_job_langs(kit *k, const kit_job *job, const am_workplace *wp, diag *d)
{
	int rc = job->lang ? lang_load(k, job->lang, NULL, 0, NULL, d) : AM_OK;
	if (rc || !wp || !(job->docs & KIT_FORBEREDELSESARK))
		return rc;
	if (wp->lang && (rc = lang_load(k, wp->lang, wp->file, wp->line, "workplace", d)))
		return rc;
	for (size_t i = 0; i < wp->n_people && !rc; i++)
		if (wp->people[i].lang)
			rc = lang_load(k, wp->people[i].lang, wp->file, wp->people[i].line, "person", d);
	return rc;
}

void kit_close(kit *k)
{
	if (!k)
		return;
	font_free(k->fonts);
	for (size_t i = 1; i < k->n_langs; i++)
		text_hyph_close(k->langs[i].ll.hyph);
	text_hyph_close(k->hyph);
	for (size_t i = 0; i < KIT_N_DOCS; i++)
		arena_free(k->layout_arenas[i]);
	arena_free(k->a);
}

/* Document i's layout, loaded on first use. Threads may load different
 * documents' layouts at once: each has its own slot and arena. */
static layout *kit_layout(kit *k, size_t i, diag *d, int *rc)
{
	*rc = AM_OK;
	if (!k->layouts[i]) {
		arena *a = arena_new();
		char *path = a ? arena_printf(a, "%s/%s.xml", k->layouts_dir, kit_docs[i].name) : NULL;
		if (!path) {
			arena_free(a);
			*rc = diag_oom(d, NULL);
			return NULL;
		}
		*rc = layout_load(a, path, &k->layouts[i], d);
		if (*rc) {
			arena_free(a);
			k->layouts[i] = NULL;
			return NULL;
		}
		k->layout_arenas[i] = a;
	}
	return k->layouts[i];
}

/* The timestamp of the documents: the job's (SOURCE_DATE_EPOCH), else the
 * meeting day. */
static long long doc_timestamp(const kit_job *job, const am_workplace *wp)
{
	if (job->has_timestamp)
		return job->timestamp;
	if (wp && wp->meeting.date.y) {
		/* UTC midnight of the meeting day */
		return cal_serial(wp->meeting.date.y, wp->meeting.date.m, wp->meeting.date.d) * 86400LL;
	}
	return 0;
}

typedef struct wheel_ctx {
	kit *k;
	const am_workplace *wp;
	const layout *l;
	const catalog *cat;       /* the poster's language */
	text_hyph *hyph;          /* and its hyphenation */
	long long timestamp;
	aarshjul_opts opts;       /* as the poster was drawn, for its list */
	bool drawn;
	float tile_w, tile_h;     /* > 0: the poster goes over sheets of this paper */
} wheel_ctx;

/* The civil date (UTC) of a timestamp. */
static void civil_date(long long ts, int *y, int *m, int *d)
{
	cal_civil((long)(ts / 86400), y, m, d);
}

/* The year of a timestamp; 0 when there is none (a blank wheel then
 * prints no week numbers). */
static int year_of(long long ts)
{
	int y = 0, m, d;
	if (ts > 0)
		civil_date(ts, &y, &m, &d);
	return y;
}

/* The date line under the poster: "Udskrevet 12. marts 2026". */
static const char *made_line(arena *a, const catalog *c, long long ts)
{
	if (ts <= 0)
		return NULL;
	int y, m, d;
	civil_date(ts, &y, &m, &d);
	const char *date = catalog_date(a, c, y, m, d, false);
	return date ? arena_printf(a, "%s %s", catalog_text(c, "wheel-made", ""), date) : NULL;
}

/* The poster's texts from its catalog (placeholders kept: the poster's
 * alternative text fills them in); its colours and sizes from the
 * layout's strings (aarshjul-style.xml), by key. */
static const char *wheel_text(void *ctx, const char *key)
{
	const wheel_ctx *w = ctx;
	const char *t = catalog_template(w->cat, key, NULL);
	return t ? t : layout_text(w->l, key, NULL);
}

static int draw_wheel(wheel_ctx *w, draw_doc *doc, draw_page *page, rect area, bool blank, diag *d)
{
	aarshjul_opts o = {0};
	o.measurer = &w->k->measurer;
	o.hyph = w->hyph;
	o.blank = blank;
	for (int m = 1; m <= 12; m++)
		o.months[m - 1] = catalog_month(w->cat, m);
	o.text = wheel_text;
	o.text_ctx = w;
	o.footer = made_line(doc->arena, w->cat, w->timestamp);
	if (!blank && w->wp && w->wp->wheel.year)
		o.year = w->wp->wheel.year;
	else if (w->wp && w->wp->meeting.year)
		o.year = w->wp->meeting.year;
	else
		o.year = year_of(w->timestamp);
	w->opts = o;
	w->drawn = true;
	if (w->tile_w > 0)   /* artwork that fills the sheets it needs */
		area = tile_fit(area, w->tile_w, w->tile_h);
	return aarshjul_draw(doc, page, area, blank ? NULL : w->wp, &o, d);
}

/* The words of the tiled poster's marks and assembly page. */
static tile_texts tile_texts_of(const catalog *c)
{
	tile_texts t = {catalog_text(c, "tile-title", ""), {NULL, NULL, NULL, NULL}, catalog_text(c, "tile-sheet", ""),
	                catalog_text(c, "tile-row", ""), catalog_text(c, "tile-col", ""), catalog_text(c, "tile-glue", ""),
	                catalog_text(c, "tile-glue-after", ""), catalog_text(c, "tile-cut", ""), catalog_text(c, "tile-map", "")};
	static const char *const keys[4] = {"tile-step-1", "tile-step-2", "tile-step-3", "tile-step-4"};
	for (int i = 0; i < 4; i++)
		t.steps[i] = catalog_text(c, keys[i], "");
	return t;
}

/* The dated list of every activity, on A4 pages after the poster. The
 * poster goes to the file first: its page's commands (an A1 poster of
 * 5,000 activities holds 30,000) are freed before the list's rows are
 * made. */
static int wheel_list_pages(wheel_ctx *w, draw_doc *doc, diag *d)
{
	if (!w->drawn)
		return AM_OK;
	int rc = draw_flush(doc);
	return rc ? rc : aarshjul_draw_list(doc, w->opts.blank ? NULL : w->wp, &w->opts, d);
}

static int draw_custom(void *ctx, const char *kind, draw_doc *doc, draw_page *page,
                       rect area, const dnode *data, diag *d)
{
	(void)data;
	wheel_ctx *w = ctx;
	if (strcmp(kind, "aarshjul") != 0) {
		diag_error(d, layout_title(w->l), 0, "unknown custom graphic '%s'", kind);
		return AM_EINPUT;
	}
	return draw_wheel(w, doc, page, area, w->wp == NULL, d);
}

int kit_apply_rhythm(arena *a, am_workplace *wp, const catalog *c, bool force, diag *d)
{
	rhythm_texts t = {catalog_text(c, "rhythm-ring", ""), catalog_text(c, "rhythm-discussion", ""),
	                  catalog_text(c, "rhythm-competence", ""), catalog_text(c, "rhythm-apv", ""),
	                  catalog_text(c, "rhythm-accidents", ""), catalog_text(c, "rhythm-amr", ""),
	                  atoi(catalog_text(c, "rhythm-default-month", "3"))};
	return rhythm_apply(a, wp, &t, force, d);
}

const catalog *kit_catalog(const kit *k) { return k->langs[0].ll.cat; }

/* A document's pages on their way to its file: a tiled poster's plan is
 * made from its page when that comes (tile.h), then every page is written
 * (render_page). */
typedef struct doc_out {
	render_job *job;
	render_opts *ro;           /* the job's: gets the plan */
	float tile_w, tile_h;      /* > 0: page 1 goes over sheets of this paper */
	tile_texts tx;
	const text_measurer *m;
	arena *a;                  /* the plan's memory, to the document's end */
	tile_plan plan;
	diag *d;
} doc_out;

static int doc_page(void *ctx, const draw_page *pg, size_t index, bool last)
{
	doc_out *o = ctx;
	if (index == 0 && o->tile_w > 0) {
		draw_doc one;              /* the page alone: the plan draws in o->a */
		draw_init(&one, o->a);
		one.pages = (draw_page *)pg;
		one.n_pages = one.cap_pages = 1;
		int rc = tile_plan_make(&one, 0, o->tile_w, o->tile_h, &o->tx, o->m, &o->plan, o->d);
		if (rc)
			return rc;
		o->ro->tile = &o->plan;
	}
	return render_page(o->job, pg, index, last);
}

/* Writes document i into set out; with hex non-NULL, also its SHA-256 for
 * the log. */
/* root with a leaf reading-copy (the language's code) first among its
 * children, for the referat's reading copy; root itself is left alone
 * (other documents' threads read it). NULL when out of memory. */
static const dnode *reading_copy_root(arena *a, const dnode *root, const char *code)
{
	dnode *r = arena_alloc(a, sizeof *r), *leaf = arena_alloc(a, sizeof *leaf);
	if (!r || !leaf)
		return NULL;
	*r = *root;
	*leaf = (dnode){"reading-copy", code, 0, r, NULL, NULL, root->first};
	r->first = leaf;
	if (!r->last)
		r->last = leaf;
	return r;
}

/* root, or for a layout that names the årshjul's activities, which the
 * shared tree leaves out (bind_workplace_for), a tree of its own with them
 * in a; NULL when out of memory. */
static const dnode *root_for(arena *a, const layout *l, const am_workplace *wp, const am_workplace *previous,
                             const dnode *root)
{
	bool any = wp && (wp->wheel.n_activities || (previous && previous->wheel.n_activities));
	if (!any || !layout_reads(l, "activity"))
		return root;
	dnode *full;
	return bind_workplace_for(a, wp, previous, true, &full) ? NULL : full;
}

/* Writes document i in language lang into set out; copy names the
 * language of a reading copy of the referat (written as referat-CODE.pdf
 * and marked as such), NULL for the document itself. */
static int write_one(kit *k, size_t i, const kit_job *job, output_set *out, const am_workplace *wp,
                     const dnode *root, const layout_lang *lang, const char *copy, char *hex, diag *d)
{
	int rc;
	layout *l = kit_layout(k, i, d, &rc);
	if (!l)
		return rc;
	arena *a = arena_new();
	if (!a)
		return diag_oom(d, NULL);
	draw_doc doc;
	draw_init(&doc, a);
	wheel_ctx wc = {.k = k, .wp = wp, .l = l, .timestamp = doc_timestamp(job, wp)};
	/* The workplace's <logo> is read only beneath the workplace file's folder. */
	const char *slash = wp && wp->file ? strrchr(wp->file, '/') : NULL;
	const char *wp_dir = !slash ? "." : slash == wp->file ? "/"
	                   : arena_strndup(a, wp->file, (size_t)(slash - wp->file));
	if (!wp_dir) {
		arena_free(a);
		return diag_oom(d, NULL);
	}
	if (!(root = root_for(a, l, wp, job->previous, root)) ||
	    (copy && !(root = reading_copy_root(a, root, copy)))) {
		arena_free(a);
		return diag_oom(d, NULL);
	}
	layout_env env = {root, &k->measurer, lang->hyph, draw_custom, &wc, wp_dir, NULL, false,
	                  wp ? wp->file : NULL, lang, lang_for, k};
	wc.cat = lang->cat;
	wc.hyph = lang->hyph;
	if (kit_docs[i].bit == KIT_AARSHJUL) {
		env.paper = job->poster ? job->poster : "A2";
		env.landscape = job->landscape;
	}
	doc.meta.author = job->wp ? job->wp->name : NULL;
	doc.meta.creator = "amokit " AMOKIT_VERSION;
	doc.meta.timestamp = wc.timestamp;
	doc.meta.pdfa = kit_docs[i].pdfa;
	if (job->wp)
		doc.meta.title = arena_printf(a, "%s – %s", layout_title_in(l, lang->cat), job->wp->name);
	render_opts ro = {k->fonts, NULL, out, hex != NULL, job->untagged};
	doc_out to = {.ro = &ro, .m = &k->measurer, .a = a, .d = d};
	rc = AM_OK;
	if (kit_docs[i].bit == KIT_AARSHJUL && job->tile) {   /* the poster, page 1, over office sheets */
		if (!layout_paper_size(job->tile, &to.tile_w, &to.tile_h)) {
			diag_error(d, NULL, 0, "unknown tile paper '%s' (use A4 or A3)", job->tile);
			rc = AM_EUSAGE;
		}
		to.tx = tile_texts_of(lang->cat);
		wc.tile_w = to.tile_w, wc.tile_h = to.tile_h;
	}
	/* The pages go to the file as they are made, one at a time. */
	char *path = copy ? arena_printf(a, "%s/%s-%s.pdf", job->outdir, kit_docs[i].name, copy)
	                  : arena_printf(a, "%s/%s.pdf", job->outdir, kit_docs[i].name);
	arena *pages = arena_new();
	if (!rc && (!path || !pages || (job->wp && !doc.meta.title)))
		rc = diag_oom(d, NULL);
	if (!rc)
		rc = render_open(&doc, &ro, path, &to.job, d);
	if (!rc) {
		draw_stream(&doc, pages, doc_page, &to);
		rc = layout_run(l, &env, &doc, d);
		if (!rc && kit_docs[i].bit == KIT_AARSHJUL)
			rc = wheel_list_pages(&wc, &doc, d);
		if (!rc)
			rc = draw_end(&doc);
		int end = render_close(to.job, rc == AM_OK, hex);
		rc = rc ? rc : end;
	}
	arena_free(pages);
	arena_free(a);
	return rc;
}

int kit_write_doc(kit *k, size_t i, const kit_job *job, output_set *out, const am_workplace *wp,
                     const dnode *root, char *hex, char *copy_hex, diag *d)
{
	const layout_lang *da = &k->langs[0].ll, *lang = job->lang ? lang_of(k, job->lang) : NULL;
	bool referat = kit_docs[i].bit == KIT_REFERAT;
	int rc = write_one(k, i, job, out, wp, root, referat || !lang ? da : lang, NULL, hex, d);
	if (!rc && referat && lang)
		rc = write_one(k, i, job, out, wp, root, lang, job->lang, copy_hex, d);
	return rc;
}
