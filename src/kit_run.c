#define _GNU_SOURCE                /* sched_getaffinity, CPU_COUNT */
/* kit_run.c: the kit run for one workplace (kit_run, kit.h): the plan with
 * the legally driven activities, the data tree, the languages, then the
 * documents, made one after another or side by side in threads and
 * reported and logged in document order, whichever thread made them.
 * kit.c, below it, makes each document (kit_int.h). */
#include "kit_int.h"

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>
#include <sched.h>

#include "bind.h"
#include "sha256.h"

/* ---- running the documents, one after another or side by side ---------
 *
 * The documents of one workplace are independent once the model is bound,
 * so on a machine with several cores they are shared out among threads.
 * Each thread takes the next document from an atomic counter (the heaviest
 * first), loads its layout, writes it and leaves the result in the
 * document's own slot. The results are reported in document order, so the
 * log and the messages read the same however the work was shared. Threads,
 * not processes: the pages a forked child would copy cost more than the
 * work they would share. */

typedef struct doc_result {
	atomic_bool done;
	int rc;
	char hex[SHA256_HEX_SIZE];
	char copy_hex[SHA256_HEX_SIZE];   /* the referat's reading copy's, with --lang */
	diag d;
} doc_result;

typedef struct run_state {
	kit *k;
	const kit_job *job;
	output_set *out;
	const am_workplace *wp;
	const dnode *root;
	size_t order[KIT_N_DOCS];      /* requested documents, heaviest first */
	size_t n;
	atomic_uint next;          /* the next order[] to take */
	doc_result res[KIT_N_DOCS];
} run_state;

static void run_one(run_state *s, size_t i)
{
	doc_result *r = &s->res[i];
	diag_init(&r->d);
	r->rc = kit_write_doc(s->k, i, s->job, s->out, s->wp, s->root, s->job->log ? r->hex : NULL,
	                  s->job->log ? r->copy_hex : NULL, &r->d);
	atomic_store(&r->done, true);
}

static void take_work(run_state *s)
{
	for (;;) {
		unsigned next = atomic_fetch_add(&s->next, 1);
		if (next >= s->n)
			return;
		run_one(s, s->order[next]);
	}
}

/* The expected work for document i, in millions of instructions of its
 * own (without the hyphenation patterns and SHA-256): a line in its people
 * and activities fitted to the examples (bench/NOTES.md), so that threads
 * start the heaviest first. */
static double doc_cost(size_t i, const am_workplace *wp)
{
	double people = wp ? (double)wp->n_people : 3, acts = wp ? (double)wp->wheel.n_activities : 0;
	switch (kit_docs[i].bit) {
	case KIT_FORBEREDELSESARK: return 1.7 + 0.55 * people;
	case KIT_ARBEJDSARK: return 3.3 + 0.085 * people;
	case KIT_INFORMATIONSARK: return 5.5 + 0.14 * people;
	case KIT_DAGSORDEN: return 6 + 0.3 * people;
	case KIT_AARSHJUL: return 5 + 0.33 * acts;
	default: return 10 + 0.3 * people;
	}
}

/* Orders n document indices by falling cost (insertion sort: n ≤ 6). */
static void heaviest_first(size_t *order, size_t n, const am_workplace *wp)
{
	for (size_t i = 1; i < n; i++)
		for (size_t j = i; j > 0 && doc_cost(order[j], wp) > doc_cost(order[j - 1], wp); j--) {
			size_t t = order[j];
			order[j] = order[j - 1];
			order[j - 1] = t;
		}
}

static void *worker(void *arg)
{
	take_work(arg);
	return NULL;
}

/* Starts up to jobs - 1 threads and works alongside them; false when no
 * thread could be started (then nothing was done). */
static bool run_threaded(run_state *s, int jobs)
{
	pthread_t threads[KIT_N_DOCS];
	int n = 0;
	for (int j = 1; j < jobs; j++) {
		if (pthread_create(&threads[n], NULL, worker, s) != 0)
			break;
		n++;
	}
	if (n == 0)
		return false;
	take_work(s);
	for (int j = 0; j < n; j++)
		pthread_join(threads[j], NULL);
	return true;
}

/* The CPUs this process may run on (taskset and cgroups included), read
 * without opening any file. */
static long usable_cpus(void)
{
	cpu_set_t set;
	if (sched_getaffinity(0, sizeof set, &set) != 0)
		return 1;
	return CPU_COUNT(&set);
}

static int threads_for(const kit_job *job, size_t n)
{
	long jobs = job->jobs > 0 ? job->jobs : usable_cpus();
	return (int)(jobs < 1 ? 1 : (size_t)jobs > n ? (long)n : jobs);
}

/* Reports the results in document order; returns the first failure's code. */
static int report(run_state *s, diag *d)
{
	int rc = AM_OK;
	for (size_t i = 0; i < KIT_N_DOCS; i++) {
		doc_result *r = &s->res[i];
		if (!(s->job->docs & kit_docs[i].bit) || !atomic_load(&r->done))
			continue;
		diag_merge(d, &r->d);
		if (r->rc && !rc)
			rc = r->rc;
	}
	return rc;
}

/* One line of the log, as sha256sum writes it: a name holding a backslash,
 * newline or carriage return is escaped and its line starts with a backslash. */
static void log_line(FILE *f, const char *hex, const char *dir, const char *name, const char *copy)
{
	bool esc = strpbrk(dir, "\\\n\r") != NULL;
	fprintf(f, "%s%s  ", esc ? "\\" : "", hex);
	for (const char *p = dir; *p; p++) {
		if (esc && (*p == '\\' || *p == '\n' || *p == '\r'))
			fputs(*p == '\\' ? "\\\\" : *p == '\n' ? "\\n" : "\\r", f);
		else
			fputc(*p, f);
	}
	fprintf(f, copy ? "/%s-%s.pdf\n" : "/%s.pdf\n", name, copy);
}

/* Names each document written in the log, in document order. */
static void log_written(const run_state *s)
{
	for (size_t i = 0; i < KIT_N_DOCS; i++)
		if ((s->job->docs & kit_docs[i].bit) && atomic_load(&s->res[i].done) && !s->res[i].rc) {
			log_line(s->job->log, s->res[i].hex, s->job->outdir, kit_docs[i].name, NULL);
			if (kit_docs[i].bit == KIT_REFERAT && s->job->lang && kit_has_lang(s->k, s->job->lang))
				log_line(s->job->log, s->res[i].copy_hex, s->job->outdir, kit_docs[i].name, s->job->lang);
		}
}

/* Makes the documents into out; then, with own set, publishes them all or
 * none and logs them. */
static int run_docs(kit *k, const kit_job *job, output_set *out, bool own, const am_workplace *wp,
                    const dnode *root, diag *d)
{
	run_state *s = calloc(1, sizeof *s);   /* ~100 KB of diagnostics: not on a stack */
	if (!s)
		return diag_oom(d, NULL);
	s->k = k;
	s->job = job;
	s->out = out;
	s->wp = wp;
	s->root = root;
	for (size_t i = 0; i < KIT_N_DOCS; i++)
		if (job->docs & kit_docs[i].bit)
			s->order[s->n++] = i;
	heaviest_first(s->order, s->n, wp);
	atomic_init(&s->next, 0);
	int jobs = threads_for(job, s->n);
	if (jobs <= 1 || !run_threaded(s, jobs)) {
		/* One thread: in document order, stopping at the first failure. */
		for (size_t i = 0; i < KIT_N_DOCS; i++)
			if ((job->docs & kit_docs[i].bit) && (run_one(s, i), s->res[i].rc))
				break;
	}
	int rc = report(s, d);
	if (!rc && own)
		rc = output_commit(out, d);
	if (!rc && job->log)
		log_written(s);
	free(s);
	return rc;
}

/* ---- the run ------------------------------------------------------------ */

/* The plan with the legally driven activities added, when asked for. */
static const am_workplace *with_rhythm(kit *k, arena *a, const kit_job *job, diag *d, int *rc)
{
	const am_workplace *wp = job->wp;
	*rc = AM_OK;
	if (!wp || !(job->rhythm || wp->wheel.rhythm) || !(job->docs & KIT_AARSHJUL))
		return wp;
	am_workplace *copy = arena_alloc(a, sizeof *copy);
	if (!copy) {
		*rc = diag_oom(d, NULL);
		return NULL;
	}
	*copy = *wp;
	*rc = kit_apply_rhythm(a, copy, kit_catalog(k), job->rhythm, d);
	return *rc ? NULL : copy;
}

int kit_run(kit *k, const kit_job *job, diag *d)
{
	output_set *out = job->out;
	int rc = out ? AM_OK : output_begin(job->outdir, NULL, &out, d);
	if (rc)
		return rc;
	arena *a = arena_new();
	if (!a) {
		if (!job->out)
			output_end(out);
		return diag_oom(d, NULL);
	}
	dnode *root = NULL;
	const am_workplace *wp = with_rhythm(k, a, job, d, &rc);
	if (!rc && (wp ? bind_workplace_for(a, wp, job->previous, false, &root) : bind_blank(a, &root)))
		rc = diag_oom(d, NULL);
	if (!rc)
		rc = kit_job_langs(k, job, wp, d);
	if (!rc)
		rc = run_docs(k, job, out, !job->out, wp, root, d);
	if (!job->out)
		output_end(out);
	arena_free(a);
	return rc;
}
