/* batch.c: the kit for many workplaces, in forked worker processes.
 *
 * The parent collects the input files (directories are scanned for *.xml,
 * sorted by name), gives each an output name, and forks up to N workers. Each
 * worker opens the kit once, then loops: read a file index from its task pipe,
 * read and render that workplace, write the result (return code and diag
 * records) to its result pipe. The parent hands a worker its next file as
 * soon as its last result arrives, so the load balances by itself; a worker
 * that dies costs only the file it held (marked failed) and is replaced.
 *
 * A workplace's documents are a set of output.h: DIR/<name>/ is exchanged
 * for a complete new one, or left as it was when the workplace fails or
 * the batch is interrupted. Ctrl-C reaches the workers too; a signal that
 * ends only the parent is passed on to them (and a parent killed outright
 * takes its workers with it), and the parent waits for them, so no staging
 * folder outlives the batch. A worker killed outright leaves its staging
 * folder, which the parent removes before it returns. Each workplace's
 * model lives in its own arena, freed after the file, so a worker's memory
 * does not grow with the batch. */
#include "batch.h"

#include <dirent.h>
#include <errno.h>
#include <stdatomic.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "arena.h"
#include "bytes.h"
#include "infile.h"
#include "output.h"
#include "reader.h"
#include "batch_int.h"
#include "sha256.h"
#ifdef __linux__
#include <sys/prctl.h>
#endif


/* The worker's answer for one file (or a fatal kit failure), followed by
 * n diag entries. */
enum { MSG_RESULT, MSG_FATAL };
typedef struct msg_head {
	uint32_t kind;
	uint32_t index;
	int32_t rc;
	int32_t n, errors, warnings, oom;
} msg_head;

/* ---- pipes -------------------------------------------------------------- */

/* Reads exactly len bytes: 1 when done, 0 at end of file before any byte,
 * -1 on error or a short message. */
static int read_all(int fd, void *buf, size_t len)
{
	long got = infile_read_fd(fd, buf, len);
	return got == (long)len ? 1 : got == 0 ? 0 : -1;
}

static int send_msg(int fd, uint32_t kind, uint32_t index, int rc, const diag *d)
{
	msg_head h = {kind, index, rc, d->n, d->errors, d->warnings, d->oom};
	if (output_write_fd(fd, &h, sizeof h))
		return -1;
	return output_write_fd(fd, d->entries, (size_t)d->n * sizeof d->entries[0]);
}

/* ---- signals -------------------------------------------------------------- */

/* The running batch's workers, for batch_on_signal: written by the parent
 * only, read by its signal handler. */
static atomic_int worker_pid[BATCH_MAX_JOBS];
static atomic_int parent_pid;

void batch_on_signal(int sig)
{
	if (atomic_load(&parent_pid) != getpid())
		return;
	for (int i = 0; i < BATCH_MAX_JOBS; i++) {
		pid_t pid = atomic_load(&worker_pid[i]);
		if (pid > 0)
			kill(pid, sig);
	}
	/* Each worker discards its staging folder and ends; up to 5 s. */
	for (int ms = 0; ms < 5000; ms++) {
		int left = 0;
		for (int i = 0; i < BATCH_MAX_JOBS; i++) {
			pid_t pid = atomic_load(&worker_pid[i]);
			if (pid > 0 && waitpid(pid, NULL, WNOHANG) == 0)
				left++;
			else if (pid > 0)
				atomic_store(&worker_pid[i], 0);
		}
		if (!left)
			return;
		nanosleep(&(struct timespec){0, 1000000}, NULL);
	}
}

/* ---- the worker's side -------------------------------------------------- */

/* Renders wp as the set DIR/<name>: all its documents, or none. */
static int render_set(const batch *b, kit *k, const input *in, const am_workplace *wp,
                      const am_workplace *prev, diag *d)
{
	const batch_opts *o = b->o;
	char dir[PATH_MAX], shown[PATH_MAX];   /* the set's parent and folder, as messages name them */
	if ((size_t)snprintf(dir, sizeof dir, "%s%s%s", o->outdir, in->sub[0] ? "/" : "", in->sub) >= sizeof dir ||
	    (size_t)snprintf(shown, sizeof shown, "%s/%s", dir, in->name) >= sizeof shown) {
		diag_error(d, in->path, 0, "stien til dokumenterne bliver for lang");
		return AM_EUSAGE;
	}
	output_set *set;
	int rc = output_begin(dir, in->name, &set, d);
	if (rc)
		return rc;
	kit_job job = o->job;
	job.wp = wp;
	job.outdir = shown;
	job.docs = job.docs ? job.docs : KIT_ALL;
	job.log = NULL;
	job.jobs = 1;                  /* the batch is parallel over workplaces */
	job.out = set;
	job.previous = prev;
	rc = kit_run(k, &job, d);
	if (!rc)
		rc = output_commit(set, d);
	output_end(set);
	return rc;
}

/* Last year's file of in: the file of the same name in the same subfolder
 * of --previous-dir, when there is one; NULL otherwise. */
static const char *previous_of(const batch *b, const input *in, arena *a)
{
	const char *base = strrchr(in->path, '/');
	base = base ? base + 1 : in->path;
	const char *path = arena_printf(a, "%s/%s%s%s", b->o->previous_dir, in->sub, in->sub[0] ? "/" : "", base);
	struct stat st;
	return path && stat(path, &st) == 0 && S_ISREG(st.st_mode) ? path : NULL;
}

static int process_file(const batch *b, kit *k, const input *in, diag *d)
{
	arena *a = arena_new();
	if (!a)
		return diag_oom(d, in->path);
	am_workplace *wp, *prev = NULL;
	int rc = reader_load(a, in->path, &wp, d);
	const char *last = b->o->previous_dir ? previous_of(b, in, a) : NULL;
	if (!rc && last)
		rc = reader_load(a, last, &prev, d);
	if (!rc)
		rc = render_set(b, k, in, wp, prev, d);
	arena_free(a);
	return rc;
}

/* The worker process: never returns. */
static void worker_main(const batch *b, int task_fd, int result_fd)
{
	diag d;
	diag_init(&d);
	kit *k = kit_open(&b->o->kit, &d);
	if (!k) {
		send_msg(result_fd, MSG_FATAL, 0, d.oom ? AM_EINTERNAL : AM_EUSAGE, &d);
		exit(0);
	}
	uint32_t index;
	while (read_all(task_fd, &index, sizeof index) == 1 && index < b->n) {
		diag_init(&d);
		int rc = process_file(b, k, &b->in[index], &d);
		if (send_msg(result_fd, MSG_RESULT, index, rc, &d))
			break;
	}
	kit_close(k);
	reader_cleanup();
	close(task_fd);
	close(result_fd);
	/* exit, not _exit: stdio was flushed before the fork, and a leak checker
	 * in a sanitizer build gets to look at the worker too. */
	exit(0);
}

/* ---- the manifest ----------------------------------------------------------- */

typedef struct manifest {
	batch *b;
	char **paths;          /* relative to the output folder */
	size_t n, cap;
} manifest;

/* Collects the regular, not hidden files below dir (rel: its path below
 * the output folder), not following symbolic links. */
static int collect_files(manifest *m, const char *dir, const char *rel, int depth)
{
	DIR *dp = opendir(dir);
	if (!dp)
		return AM_OK;
	int rc = AM_OK;
	struct dirent *e;
	while (!rc && (e = readdir(dp))) {
		if (e->d_name[0] == '.' || (!rel[0] && strcmp(e->d_name, "SHA256SUMS") == 0))
			continue;
		const char *path = arena_printf(m->b->a, "%s/%s", dir, e->d_name);
		const char *r = arena_printf(m->b->a, "%s%s%s", rel, rel[0] ? "/" : "", e->d_name);
		struct stat st;
		if (!path || !r) {
			rc = diag_oom(m->b->d, NULL);
		} else if (lstat(path, &st) != 0) {
			continue;
		} else if (S_ISDIR(st.st_mode) && depth < MAX_DEPTH + 1) {
			rc = collect_files(m, path, r, depth + 1);
		} else if (S_ISREG(st.st_mode)) {
			if (heap_grow((void **)&m->paths, &m->cap, m->n + 1, sizeof *m->paths, 256)) {
				rc = diag_oom(m->b->d, NULL);
				break;
			}
			m->paths[m->n++] = (char *)r;
		}
	}
	closedir(dp);
	return rc;
}

static int by_string(const void *x, const void *y)
{
	return strcmp(*(char *const *)x, *(char *const *)y);
}

/* Writes DIR/SHA256SUMS: every file under the output folder with its
 * SHA-256, as sha256sum writes them (so `sha256sum -c SHA256SUMS` checks
 * an archive), sorted by path. */
static int write_manifest(batch *b)
{
	manifest m = {.b = b};
	int rc = collect_files(&m, b->o->outdir, "", 0);
	char *text = NULL;
	size_t len = 0;
	FILE *f = rc ? NULL : open_memstream(&text, &len);
	if (!rc && !f)
		rc = diag_oom(b->d, NULL);
	if (f) {
		qsort(m.paths, m.n, sizeof *m.paths, by_string);
		for (size_t i = 0; i < m.n && !rc; i++) {
			char hex[SHA256_HEX_SIZE];
			const char *path = arena_printf(b->a, "%s/%s", b->o->outdir, m.paths[i]);
			if (path && sha256_file(path, hex) == 0)
				fprintf(f, "%s  %s\n", hex, m.paths[i]);
			else if (path)
				diag_error(b->d, path, 0, "kan ikke læses til SHA256SUMS: %s", diag_errno(errno));
			else
				rc = diag_oom(b->d, NULL);
		}
		fclose(f);
	}
	if (!rc && text) {
		const char *target = arena_printf(b->a, "%s/SHA256SUMS", b->o->outdir);
		rc = target ? output_file(target, text, len, b->d) : diag_oom(b->d, NULL);
	}
	free(text);
	free(m.paths);
	return rc;
}

/* ---- the parent's side -------------------------------------------------- */

static void progress(const batch *b)
{
	if (!b->tty)
		return;
	enum { WIDTH = 30 };
	size_t finished = b->done + b->failed;
	size_t fill = b->n ? finished * WIDTH / b->n : WIDTH;
	char bar[WIDTH + 1];
	memset(bar, '#', fill);
	memset(bar + fill, '.', WIDTH - fill);
	bar[WIDTH] = '\0';
	fprintf(b->o->report, "\r[%s] %zu/%zu", bar, finished, b->n);
	if (b->failed)
		fprintf(b->o->report, ", %zu fejlede", b->failed);
	fflush(b->o->report);
}

static void close_fd(int *fd)
{
	if (*fd >= 0)
		close(*fd);
	*fd = -1;
}

/* Hands w the next pending file, or closes its task pipe when none is left. */
static void dispatch(batch *b, worker *w)
{
	w->task = -1;
	while (b->next < b->n && b->in[b->next].st != IN_PENDING)
		b->next++;
	if (b->next >= b->n || b->fatal) {
		close_fd(&w->task_fd);
		return;
	}
	uint32_t index = (uint32_t)b->next;
	if (output_write_fd(w->task_fd, &index, sizeof index) != 0) {
		close_fd(&w->task_fd);   /* it died; its result pipe tells the rest */
		return;
	}
	b->in[index].st = IN_RUNNING;
	w->task = index;
	b->next++;
}

/* In a child just forked: a parent killed outright takes its children
 * with it (Linux), and one already gone ends the child at once. */
static void die_with_parent(void)
{
#ifdef __linux__
	prctl(PR_SET_PDEATHSIG, SIGTERM);
	if (getppid() != atomic_load(&parent_pid))
		_exit(0);
#endif
}

static int spawn(batch *b, worker *w)
{
	int task[2], result[2];
	if (pipe(task) != 0)
		return -1;
	if (pipe(result) != 0) {
		close(task[0]);
		close(task[1]);
		return -1;
	}
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0) {
		close(task[0]);
		close(task[1]);
		close(result[0]);
		close(result[1]);
		return -1;
	}
	if (pid == 0) {
		die_with_parent();
		/* Other workers' pipe ends would keep their pipes open: close them. */
		for (int i = 0; i < b->n_workers; i++) {
			if (b->w[i].pid && &b->w[i] != w) {
				close_fd(&b->w[i].task_fd);
				close_fd(&b->w[i].result_fd);
			}
		}
		close(task[1]);
		close(result[0]);
		worker_main(b, task[0], result[1]);
	}
	close(task[0]);
	close(result[1]);
	atomic_store(&worker_pid[w - b->w], pid);
	w->pid = pid;
	w->task_fd = task[1];
	w->result_fd = result[0];
	w->task = -1;
	dispatch(b, w);
	return 0;
}

static void finish(batch *b, size_t index, int rc, const diag *d)
{
	input *in = &b->in[index];
	if (rc == AM_OK) {
		in->st = IN_DONE;
		b->done++;
	} else {
		in->st = IN_FAILED;
		in->errors = batch_errtext(b, d, in->path);
		b->failed++;
	}
	progress(b);
}

/* The worker's result pipe ended: reap it, fail the file it held, and
 * replace it while files remain. */
/* A worker ended by a signal may have left its staging folder beside the
 * workplace's folder (no process holds it any more): removed at once. */
static void tidy_after(batch *b, const input *in)
{
	char dir[PATH_MAX];
	if ((size_t)snprintf(dir, sizeof dir, "%s%s%s", b->o->outdir, in->sub[0] ? "/" : "", in->sub) < sizeof dir)
		output_tidy(dir, b->d);
}

static void reap(batch *b, worker *w)
{
	int status = 0;
	close_fd(&w->task_fd);
	close_fd(&w->result_fd);
	while (waitpid(w->pid, &status, 0) < 0 && errno == EINTR)
		;
	atomic_store(&worker_pid[w - b->w], 0);
	w->pid = 0;
	bool clean = WIFEXITED(status) && WEXITSTATUS(status) == 0;
	b->killed |= WIFSIGNALED(status);
	if (WIFSIGNALED(status) && w->task >= 0)
		tidy_after(b, &b->in[w->task]);
	if (w->task >= 0) {
		diag d;
		diag_init(&d);
		if (WIFSIGNALED(status))
			diag_error(&d, NULL, 0, "arbejdsprocessen blev stoppet af signal %d", WTERMSIG(status));
		else
			diag_error(&d, NULL, 0, "arbejdsprocessen sluttede med status %d", WEXITSTATUS(status));
		finish(b, (size_t)w->task, AM_EINTERNAL, &d);
		w->task = -1;
	} else if (!clean) {
		b->worker_trouble = WIFSIGNALED(status) ? 128 + WTERMSIG(status) : WEXITSTATUS(status);
	}
	if (!b->fatal && b->next < b->n && spawn(b, w) != 0)
		diag_error(b->d, NULL, 0, "batch: kan ikke starte en arbejdsproces: %s", diag_errno(errno));
}

/* Reads one message from w; false when its pipe has ended. */
/* Reads one message (its head and diag entries) from fd. */
static bool read_msg(int fd, msg_head *h, diag *d)
{
	diag_init(d);
	if (read_all(fd, h, sizeof *h) != 1 || h->n < 0 || h->n > DIAG_MAX ||
	    (h->n && read_all(fd, d->entries, (size_t)h->n * sizeof d->entries[0]) != 1))
		return false;
	d->n = h->n;
	d->errors = h->errors;
	d->warnings = h->warnings;
	d->oom = h->oom;
	for (int i = 0; i < d->n; i++) {   /* never trust a string across a pipe */
		d->entries[i].file[sizeof d->entries[i].file - 1] = '\0';
		d->entries[i].msg[sizeof d->entries[i].msg - 1] = '\0';
	}
	return true;
}

static bool receive(batch *b, worker *w)
{
	msg_head h;
	diag d;
	if (!read_msg(w->result_fd, &h, &d))
		return false;
	if (h.kind == MSG_FATAL) {
		for (int i = 0; i < d.n; i++)
			diag_error(b->d, d.entries[i].file[0] ? d.entries[i].file : NULL, d.entries[i].line,
			           "%s", d.entries[i].msg);
		if (!b->fatal)
			b->fatal = h.rc > 0 ? h.rc : AM_EUSAGE;
		if (w->task >= 0)
			b->in[w->task].st = IN_PENDING;
		w->task = -1;
		close_fd(&w->task_fd);
		return true;
	}
	if (w->task < 0 || h.index != (uint32_t)w->task)
		return false;   /* a confused worker: treat as dead */
	finish(b, h.index, h.rc, &d);
	dispatch(b, w);
	return true;
}

static int live_workers(const batch *b)
{
	int n = 0;
	for (int i = 0; i < b->n_workers; i++)
		n += b->w[i].pid != 0;
	return n;
}

/* Waits for results until every worker has ended. */
static void run_workers(batch *b)
{
	struct pollfd fds[BATCH_MAX_JOBS];
	int who[BATCH_MAX_JOBS];
	while (live_workers(b) > 0) {
		int n = 0;
		for (int i = 0; i < b->n_workers; i++) {
			if (b->w[i].pid) {
				fds[n] = (struct pollfd){b->w[i].result_fd, POLLIN, 0};
				who[n++] = i;
			}
		}
		if (poll(fds, (nfds_t)n, -1) < 0) {
			if (errno == EINTR)
				continue;
			diag_error(b->d, NULL, 0, "batch: poll: %s", diag_errno(errno));
			for (int i = 0; i < n; i++)
				kill(b->w[who[i]].pid, SIGTERM);
		}
		for (int i = 0; i < n; i++)
			if (fds[i].revents && !receive(b, &b->w[who[i]]))
				reap(b, &b->w[who[i]]);
	}
}

static int default_jobs(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n > 0 ? (int)n : 1;
}

static size_t popcount(unsigned m)
{
	size_t n = 0;
	for (; m; m &= m - 1)
		n++;
	return n;
}

static double seconds_since(const struct timespec *t0)
{
	struct timespec t1;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (double)(t1.tv_sec - t0->tv_sec) + (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
}

/* v with two decimals and a decimal comma, as Danes write it. */
static const char *decimal_comma(double v, char *buf, size_t n)
{
	snprintf(buf, n, "%.2f", v);
	char *dot = strchr(buf, '.');
	if (dot)
		*dot = ',';
	return buf;
}

static void summary(const batch *b, double secs)
{
	FILE *out = b->o->report;
	if (!out)
		return;
	if (b->tty)
		fprintf(out, "\r\033[K");
	size_t docs = b->done * popcount(b->o->job.docs ? b->o->job.docs : KIT_ALL);
	char s1[32], s2[32];
	fprintf(out, "%zu arbejdsplads%s: %zu skrevet, %zu fejlede (%zu dokumenter på %s s", b->n,
	        b->n == 1 ? "" : "er", b->done, b->failed, docs, decimal_comma(secs, s1, sizeof s1));
	if (docs)
		fprintf(out, ", %s ms pr. dokument", decimal_comma(secs * 1000 / (double)docs, s2, sizeof s2));
	fprintf(out, ")\n");
	for (size_t i = 0; i < b->n; i++)
		if (b->in[i].st == IN_FAILED)
			fprintf(out, "%s", b->in[i].errors);
	fflush(out);
}

/* Writes SHA256SUMS in a process of its own, as the workers write the
 * documents: a parent killed outright takes it along, and its signal
 * handler then discards the staged file (output.h), where the parent
 * itself would leave it behind. */
static int manifest_in_child(batch *b)
{
	int fd[2];
	if (pipe(fd) != 0) {
		diag_error(b->d, NULL, 0, "batch: kan ikke oprette et rør: %s", diag_errno(errno));
		return AM_EINTERNAL;
	}
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0) {
		close(fd[0]);
		close(fd[1]);
		diag_error(b->d, NULL, 0, "batch: kan ikke starte en proces: %s", diag_errno(errno));
		return AM_EINTERNAL;
	}
	if (pid == 0) {
		die_with_parent();
		close(fd[0]);
		diag d;
		diag_init(&d);
		b->d = &d;
		int rc = write_manifest(b);
		send_msg(fd[1], MSG_RESULT, 0, rc, &d);
		close(fd[1]);
		exit(0);
	}
	close(fd[1]);
	atomic_store(&worker_pid[0], pid);   /* the workers are done: signals go to it */
	msg_head h;
	diag d;
	bool got = read_msg(fd[0], &h, &d);
	close(fd[0]);
	int status;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	atomic_store(&worker_pid[0], 0);
	if (!got) {
		diag_error(b->d, NULL, 0, "batch: SHA256SUMS blev ikke skrevet: processen, der skrev den, sluttede uventet");
		return AM_EINTERNAL;
	}
	diag_merge(b->d, &d);
	return h.rc;
}

static int run(batch *b)
{
	int rc = batch_collect_inputs(b);
	if (!rc)
		rc = batch_make_outdir(b->o->outdir, b->d);
	if (!rc)
		rc = batch_make_subdirs(b);
	if (rc)
		return rc;
	int jobs = b->o->jobs > 0 ? b->o->jobs : default_jobs();
	size_t todo = b->n - b->failed;
	if ((size_t)jobs > todo)
		jobs = (int)todo;
	if (jobs > BATCH_MAX_JOBS)
		jobs = BATCH_MAX_JOBS;
	b->tty = b->o->report && isatty(fileno(b->o->report));
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (int i = 0; i < jobs; i++) {
		b->n_workers = i + 1;
		if (spawn(b, &b->w[i]) != 0) {
			b->n_workers = i;
			diag_error(b->d, NULL, 0, "batch: kan ikke starte en arbejdsproces: %s", diag_errno(errno));
			break;
		}
	}
	run_workers(b);
	if (b->killed)
		output_tidy(b->o->outdir, b->d);
	if (b->fatal) {
		if (b->tty)
			fprintf(b->o->report, "\r\033[K");
		return b->fatal;
	}
	if (b->done && (rc = manifest_in_child(b)) != AM_OK)
		return rc;
	summary(b, seconds_since(&t0));
	if (b->done + b->failed < b->n) {
		diag_error(b->d, NULL, 0, "batch: %zu filer blev ikke behandlet", b->n - b->done - b->failed);
		return AM_EINTERNAL;
	}
	if (b->worker_trouble) {
		diag_error(b->d, NULL, 0, "batch: en arbejdsproces sluttede med status %d", b->worker_trouble);
		return AM_EINTERNAL;
	}
	return b->failed ? AM_EINPUT : AM_OK;
}

int batch_run(const batch_opts *o, diag *d)
{
	batch b;
	memset(&b, 0, sizeof b);
	b.o = o;
	b.d = d;
	if (!(b.a = arena_new()))
		return diag_oom(d, NULL);
	atomic_store(&parent_pid, getpid());
	/* A worker that dies must not take the parent with it through SIGPIPE. */
	struct sigaction ign = {0}, old;
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	sigaction(SIGPIPE, &ign, &old);
	int rc = run(&b);
	sigaction(SIGPIPE, &old, NULL);
	atomic_store(&parent_pid, 0);
	free(b.in);
	arena_free(b.a);
	return rc;
}

