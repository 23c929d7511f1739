/* output.c: files published as a set, all at once or not at all; see output.h.
 *
 * POSIX has no call that replaces several files at once, so a set is made
 * in a staging folder, ".amokit-tmp.<pid>.<n>", in the folder it is
 * published into, and published as follows.
 *
 * Files into a folder: the staging folder is renamed ".amokit-commit.<...>"
 * (the set is complete: from here on it is to be published, not
 * discarded), then each file is renamed over its namesake, then the empty
 * folder is removed. Only a SIGKILL (or a crash of the machine) in the few
 * renames between can leave some files new and some old; the next run into
 * that folder finds the ".amokit-commit" folder and completes it before
 * anything else. Every other signal is held back while this runs.
 *
 * A folder of its own (DIR/<name>): the staging folder gets hard links to
 * the old folder's other regular files and is exchanged with it in one
 * renameat2(RENAME_EXCHANGE); the old folder, now under the staging name,
 * is then removed. Readers see the old set or the new one, never a mix.
 * Where the exchange cannot work (a file system without it, an old folder
 * holding more than regular files) the set is published into the folder
 * file by file as above.
 *
 * Who may remove what: the process that made a staging folder holds a lock
 * on it (flock) for as long as it lives, so a staging folder nobody holds
 * is a killed run's leftover, removed (or completed) by the next run into
 * that folder. Staging folders are made, and leftovers removed, only under
 * a lock on the folder itself, which also makes runs publishing into one
 * folder take turns. Where the file system has no locks, nothing of other
 * runs is ever removed. Leftovers are only ever folders named as above,
 * and only their files are removed, never anything below a subfolder.
 *
 * Files are not fsync'ed: the promise is about processes that fail or are
 * killed, not about power failures (as before this module).
 *
 * Signals: a process that a signal ends calls output_on_signal() from its
 * handler. It finds this process's sets in fixed slots and uses only
 * async-signal-safe calls (the folder listings use getdents64 on a file
 * descriptor, not readdir), so no staging folder outlives an interrupted
 * run, and a publication under way is completed rather than cut. That
 * part, and the leftovers of killed runs, is output_stage.c's. */
#define _GNU_SOURCE                /* renameat2, getdents64 */
#include "output.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "bytes.h"
#include "output_int.h"

/* ---- locks, messages ---------------------------------------------------- */

static void sleep_ms(long ms)
{
	struct timespec t = {ms / 1000, (ms % 1000) * 1000000L};
	while (nanosleep(&t, &t) != 0 && errno == EINTR)
		;
}

/* Takes the lock on folder fd, waiting up to LOCK_WAIT_MS. *held is false
 * where the file system has no locks: then nothing is locked (and the
 * caller removes nothing of other runs). */
static int lock_folder(int fd, const char *shown, bool *held, diag *d)
{
	*held = false;
	long waited = 0;
	for (;;) {
		if (flock(fd, LOCK_EX | LOCK_NB) == 0) {
			*held = true;
			return AM_OK;
		}
		if (errno == EINTR)
			continue;
		if (errno != EWOULDBLOCK)
			return AM_OK;
		if (waited >= LOCK_WAIT_MS) {
			diag_error(d, shown, 0, "en anden kørsel af amokit har skrevet her i %d s; "
			           "prøv igen, når den er færdig", LOCK_WAIT_MS / 1000);
			return AM_EUSAGE;
		}
		long ms = waited < 50 ? 1 : 10;
		sleep_ms(ms);
		waited += ms;
	}
}

static void unlock_folder(int fd, bool held)
{
	if (held)
		flock(fd, LOCK_UN);
}

static const char *kind_of(mode_t m)
{
	return S_ISLNK(m) ? "et symbolsk link" : S_ISDIR(m) ? "en mappe" : S_ISFIFO(m) ? "en FIFO (et navngivet rør)"
	     : S_ISSOCK(m) ? "en socket" : S_ISCHR(m) ? "en tegnenhed (character device)"
	     : S_ISBLK(m) ? "en blokenhed (block device)" : "noget andet end en almindelig fil";
}

static int refuse(diag *d, const char *path, mode_t m)
{
	diag_error(d, path, 0, "er %s, ikke en almindelig fil: amokit skriver hverken igennem den "
	           "eller erstatter den (fjern den, eller skriv et andet sted)", kind_of(m));
	return AM_EUSAGE;
}

static int io_error(diag *d, const char *path, const char *what, int err)
{
	diag_error(d, path, 0, "kan ikke %s: %s", what, diag_errno(err));
	return err == ENOMEM ? AM_EINTERNAL : AM_EUSAGE;
}

/* AM_OK when name in folder fd is a regular file or nothing. */
static int check_target(int fd, const char *name, const char *path, diag *d)
{
	struct stat st;
	if (fstatat(fd, name, &st, AT_SYMLINK_NOFOLLOW) != 0)
		return errno == ENOENT ? AM_OK : io_error(d, path, "undersøge filen", errno);
	return S_ISREG(st.st_mode) ? AM_OK : refuse(d, path, st.st_mode);
}

/* A name a set may hold: one component, not ours. */
static bool valid_name(const char *n)
{
	return n[0] && !strchr(n, '/') && !stage_is_dot(n) && !stage_has_prefix(n, OWN_PREFIX);
}

/* ---- sets --------------------------------------------------------------- */

struct output_set {
	bool discard;
	slot *sl;
	int dirfd;
	char *dir;                 /* as given, for messages; NULL: names alone */
	char *folder;              /* a folder of its own: its name in dir */
	bool locks;                /* the file system locks */
	pthread_mutex_t mu;        /* guards names */
	char **names;
	size_t n, cap;
	bool committed;
};

static output_set discard_set = {.discard = true};

output_set *output_discard(void) { return &discard_set; }

/* "dir/folder/name" as the user would write it, into buf. */
static const char *shown(const output_set *s, const char *name, char *buf, size_t size)
{
	const char *dir = s->dir ? s->dir : "";
	const char *sep = s->dir ? "/" : "";
	if (s->folder)
		snprintf(buf, size, "%s%s%s%s%s", dir, sep, s->folder, name ? "/" : "", name ? name : "");
	else
		snprintf(buf, size, "%s%s%s", dir, name ? sep : "", name ? name : "");
	return buf;
}

/* The folders this process has tidied, so that a batch worker looks at
 * DIR once, not before every workplace. */
static struct {
	pthread_mutex_t mu;
	pid_t pid;
	dev_t dev;
	ino_t ino;
} tidied = {PTHREAD_MUTEX_INITIALIZER, 0, 0, 0};

static bool first_tidy(int fd)
{
	struct stat st;
	if (fstat(fd, &st) != 0)
		return false;
	pthread_mutex_lock(&tidied.mu);
	bool first = tidied.pid != getpid() || tidied.dev != st.st_dev || tidied.ino != st.st_ino;
	tidied.pid = getpid();
	tidied.dev = st.st_dev;
	tidied.ino = st.st_ino;
	pthread_mutex_unlock(&tidied.mu);
	return first;
}

/* Makes the staging folder in s->dirfd (whose lock the caller holds). */
static int make_stage(output_set *s, const char *where, diag *d)
{
	slot *sl = s->sl;
	sl->dirfd = s->dirfd;
	mode_t mode = s->folder ? 0777 : 0700;   /* the folder's becomes the set's */
	for (int tries = 0;; tries++) {
		unsigned n = stage_next_number();
		snprintf(sl->stage, sizeof sl->stage, STAGE_PREFIX "%ld.%u", (long)sl->pid, n);
		snprintf(sl->commit, sizeof sl->commit, COMMIT_PREFIX "%ld.%u", (long)sl->pid, n);
		atomic_store(&sl->state, SLOT_STAGING);   /* before it exists: a signal removes it */
		if (stage_ending()) {
			atomic_store(&sl->state, SLOT_RESERVED);
			diag_error(d, where, 0, "afbrudt");
			return AM_EUSAGE;
		}
		if (mkdirat(s->dirfd, sl->stage, mode) == 0)
			break;
		int e = errno;
		atomic_store(&sl->state, SLOT_RESERVED);
		if (e != EEXIST || tries > 100)
			return io_error(d, where, "oprette en midlertidig mappe her", e);
	}
	int fd = openat(s->dirfd, sl->stage, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0) {
		int e = errno;
		unlinkat(s->dirfd, sl->stage, AT_REMOVEDIR);
		atomic_store(&sl->state, SLOT_RESERVED);
		return io_error(d, where, "åbne den midlertidige mappe", e);
	}
	if (s->locks)
		flock(fd, LOCK_EX | LOCK_NB);   /* new: nobody else holds it */
	atomic_store(&sl->stagefd, fd);
	return AM_OK;
}

static int begin_set(const char *dir, bool show_dir, const char *folder, const char *where,
                     output_set **out, diag *d)
{
	*out = NULL;
	output_set *s = calloc(1, sizeof *s);
	if (!s)
		return diag_oom(d, where);
	s->dirfd = -1;
	pthread_mutex_init(&s->mu, NULL);
	if ((show_dir && !(s->dir = strdup(dir))) || (folder && !(s->folder = strdup(folder)))) {
		output_end(s);
		return diag_oom(d, where);
	}
	s->dirfd = open(dir, O_RDONLY | O_DIRECTORY | O_NONBLOCK | O_CLOEXEC);
	if (s->dirfd < 0) {
		int e = errno;
		output_end(s);
		if (e == ENOENT)
			diag_error(d, where, 0, "uddatamappen findes ikke");
		else if (e == ENOTDIR)
			diag_error(d, where, 0, "er ikke en mappe");
		else
			return io_error(d, where, "åbne uddatamappen", e);
		return AM_EUSAGE;
	}
	if (!(s->sl = stage_claim_slot())) {
		output_end(s);
		diag_error(d, where, 0, "for mange filsæt åbne på én gang");
		return AM_EINTERNAL;
	}
	bool held;
	int rc = lock_folder(s->dirfd, where, &held, d);
	s->locks = held;
	if (!rc && held && first_tidy(s->dirfd))
		stage_tidy(s->dirfd);
	if (!rc)
		rc = make_stage(s, where, d);
	unlock_folder(s->dirfd, held);
	if (rc) {
		output_end(s);
		return rc;
	}
	*out = s;
	return AM_OK;
}

int output_begin(const char *dir, const char *folder, output_set **out, diag *d)
{
	char where[PATH_MAX];
	snprintf(where, sizeof where, "%s%s%s", dir, folder ? "/" : "", folder ? folder : "");
	if (folder && !valid_name(folder)) {
		diag_error(d, where, 0, "kan ikke bruges som mappenavn");
		return AM_EUSAGE;
	}
	return begin_set(dir, true, folder, where, out, d);
}

/* Notes name as one of s's files; false when out of memory or a second time. */
static bool note_name(output_set *s, const char *name, diag *d, const char *path, int *rc)
{
	bool ok = true;
	pthread_mutex_lock(&s->mu);
	for (size_t i = 0; i < s->n && ok; i++)
		ok = strcmp(s->names[i], name) != 0;
	if (!ok) {
		diag_error(d, path, 0, "skrevet to gange i samme sæt");
		*rc = AM_EINTERNAL;
	} else {
		(void)heap_grow((void **)&s->names, &s->cap, s->n + 1, sizeof *s->names, 8);   /* checked below */
	}
	char *copy = ok && s->n < s->cap ? strdup(name) : NULL;
	if (ok && !copy) {
		*rc = diag_oom(d, path);
		ok = false;
	}
	if (copy)
		s->names[s->n++] = copy;
	pthread_mutex_unlock(&s->mu);
	return ok;
}

/* Takes name off s's files (a file discarded before the commit). */
static void forget_name(output_set *s, const char *name)
{
	pthread_mutex_lock(&s->mu);
	for (size_t i = 0; i < s->n; i++)
		if (strcmp(s->names[i], name) == 0) {
			free(s->names[i]);
			memmove(s->names + i, s->names + i + 1, (s->n - i - 1) * sizeof *s->names);
			s->n--;
			break;
		}
	pthread_mutex_unlock(&s->mu);
}

struct output_stream {
	output_set *set;
	output_set *own;           /* a set of its own, published at the end */
	int fd;                    /* -1: nothing written (the discard set) */
	char *name;                /* in the staging folder */
	char path[PATH_MAX];       /* as shown in messages */
	int rc;                    /* the first failure */
};

/* Begins the file called name in s. */
static int stream_open(output_set *s, const char *name, output_stream **out, diag *d)
{
	*out = NULL;
	output_stream *f = calloc(1, sizeof *f);
	if (!f)
		return diag_oom(d, name);
	f->set = s;
	f->fd = -1;
	*out = f;
	if (s->discard)
		return AM_OK;
	shown(s, name, f->path, sizeof f->path);
	if (!valid_name(name)) {
		diag_error(d, f->path, 0, "kan ikke bruges som filnavn");
		return f->rc = AM_EUSAGE;
	}
	if (!(f->name = strdup(name)))
		return f->rc = diag_oom(d, f->path);
	int rc = AM_OK;
	if (!s->folder && (rc = check_target(s->dirfd, name, f->path, d)))
		return f->rc = rc;
	if (!note_name(s, name, d, f->path, &rc))
		return f->rc = rc;
	if (stage_ending()) {
		diag_error(d, f->path, 0, "afbrudt");
		return f->rc = AM_EUSAGE;
	}
	int stagefd = atomic_load(&s->sl->stagefd);
	f->fd = openat(stagefd, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
	if (f->fd < 0)
		return f->rc = io_error(d, f->path, "oprette filen", errno);
	return AM_OK;
}

int output_stream_write(output_stream *f, const void *p, size_t n, diag *d)
{
	if (f->rc || f->fd < 0)
		return f->rc;
	if (output_write_fd(f->fd, p, n) != 0)
		f->rc = io_error(d, f->path, "skrive filen", errno);
	return f->rc;
}

int output_stream_end(output_stream *f, bool keep, diag *d)
{
	if (!f)
		return AM_OK;
	int rc = f->rc;
	if (f->fd >= 0) {
		if (close(f->fd) != 0 && !rc && keep)
			rc = io_error(d, f->path, "skrive filen", errno);
		if (rc || !keep) {
			unlinkat(atomic_load(&f->set->sl->stagefd), f->name, 0);
			forget_name(f->set, f->name);
		}
	}
	if (f->own) {
		if (!rc && keep)
			rc = output_commit(f->own, d);
		output_end(f->own);
	}
	free(f->name);
	free(f);
	return rc;
}

/* Writes p[0..n) to the stream f just opened (rc: how opening went) and
 * ends it, kept when all went well: the first failure's code, or AM_OK. */
static int write_whole(output_stream *f, int rc, const void *p, size_t n, diag *d)
{
	if (!rc)
		rc = output_stream_write(f, p, n, d);
	int end = output_stream_end(f, !rc, d);
	return rc ? rc : end;
}

int output_add(output_set *s, const char *name, const void *p, size_t n, diag *d)
{
	output_stream *f;
	int rc = stream_open(s, name, &f, d);
	return write_whole(f, rc, p, n, d);
}

/* ---- publishing ----------------------------------------------------------- */

/* Publishes s's files into folder tfd, where the staging folder now is:
 * the commit mark, then one rename per file. The caller holds tfd's lock
 * and has tidied it. */
static int publish_files(output_set *s, int tfd, diag *d)
{
	slot *sl = s->sl;
	char path[PATH_MAX];
	for (size_t i = 0; i < s->n; i++) {
		int rc = check_target(tfd, s->names[i], shown(s, s->names[i], path, sizeof path), d);
		if (rc)
			return rc;
	}
	atomic_store(&sl->state, SLOT_PUBLISHING);
	if (renameat(tfd, sl->stage, tfd, sl->commit) != 0) {
		int e = errno;
		atomic_store(&sl->state, SLOT_STAGING);
		return io_error(d, shown(s, NULL, path, sizeof path), "lægge filerne på plads her", e);
	}
	int stagefd = atomic_load(&sl->stagefd), rc = AM_OK;
	for (size_t i = 0; i < s->n; i++) {
		if (renameat(stagefd, s->names[i], tfd, s->names[i]) != 0 && !rc) {
			int e = errno;
			diag_error(d, shown(s, s->names[i], path, sizeof path), 0, "kan ikke lægges på plads: %s; "
			           "sættets andre filer er lagt på plads, og næste kørsel her gør det færdigt",
			           diag_errno(e));
			rc = AM_EUSAGE;
		}
	}
	if (!rc)
		unlinkat(tfd, sl->commit, AT_REMOVEDIR);
	atomic_store(&sl->state, SLOT_RESERVED);   /* published, or left to the next run */
	return rc;
}

static int commit_files(output_set *s, diag *d)
{
	char where[PATH_MAX];
	bool held;
	int rc = lock_folder(s->dirfd, shown(s, NULL, where, sizeof where), &held, d);
	if (rc)
		return rc;
	if (held)
		stage_tidy(s->dirfd);
	rc = publish_files(s, s->dirfd, d);
	unlock_folder(s->dirfd, held);
	return rc;
}

static bool is_staged(const output_set *s, const char *name)
{
	for (size_t i = 0; i < s->n; i++)
		if (strcmp(s->names[i], name) == 0)
			return true;
	return false;
}

/* What the old folder holds, seen before the exchange. */
typedef struct survey {
	output_set *s;
	bool swappable;            /* only regular files besides ours */
	int rc;                    /* a target of ours that is not a regular file */
	diag *d;
} survey;

static void survey_entry(int fd, const char *name, void *ctx)
{
	survey *v = ctx;
	struct stat st;
	if (fstatat(fd, name, &st, AT_SYMLINK_NOFOLLOW) != 0)
		return;
	if (is_staged(v->s, name) && !S_ISREG(st.st_mode) && !v->rc) {
		char path[PATH_MAX];
		v->rc = refuse(v->d, shown(v->s, name, path, sizeof path), st.st_mode);
	}
	v->swappable &= S_ISREG(st.st_mode);
}

typedef struct carry {
	output_set *s;
	int to;
	bool ok;
} carry;

/* Hard-links an old file that is not one of ours into the new folder. */
static void carry_entry(int fd, const char *name, void *ctx)
{
	carry *c = ctx;
	if (c->ok && !is_staged(c->s, name) && linkat(fd, name, c->to, name, 0) != 0)
		c->ok = false;
}

static void uncarry_entry(int fd, const char *name, void *ctx)
{
	output_set *s = ctx;
	if (!is_staged(s, name))
		unlinkat(fd, name, 0);
}

/* After the exchange: every entry of the old folder is in the new one
 * (ours replaced it, or it was carried over) and goes; one that came in
 * since the survey is carried over first. A subfolder that came in stays,
 * and so does the old folder then. */
static void clear_entry(int fd, const char *name, void *ctx)
{
	int to = *(const int *)ctx;
	struct stat st;
	if (fstatat(to, name, &st, AT_SYMLINK_NOFOLLOW) == 0 || linkat(fd, name, to, name, 0) == 0)
		unlinkat(fd, name, 0);
}

/* Exchanges the staging folder with the old folder oldfd (locked, tidied,
 * surveyed as swappable). AM_OK; -1 when the file system cannot exchange
 * (nothing changed); else an error code. */
static int swap_folder(output_set *s, int oldfd, diag *d)
{
	slot *sl = s->sl;
	int stagefd = atomic_load(&sl->stagefd);
	carry c = {s, stagefd, true};
	stage_each_entry(oldfd, carry_entry, &c);
	struct stat st;
	if (c.ok && fstat(oldfd, &st) == 0) {
		fchmod(stagefd, st.st_mode & 07777);
		if (fchown(stagefd, st.st_uid, st.st_gid) != 0) {
			/* only root may give it away: it stays the runner's */
		}
	}
	atomic_store(&sl->state, SLOT_SWAPPING);
	if (c.ok && renameat2(s->dirfd, sl->stage, s->dirfd, s->folder, RENAME_EXCHANGE) == 0) {
		/* The staging name now holds the old folder. */
		atomic_store(&sl->stagefd, oldfd);
		atomic_store(&sl->state, SLOT_STAGING);
		stage_each_entry(oldfd, clear_entry, &stagefd);
		atomic_store(&sl->state, SLOT_RESERVED);
		unlinkat(s->dirfd, sl->stage, AT_REMOVEDIR);
		atomic_store(&sl->stagefd, stagefd);
		return AM_OK;
	}
	int e = errno;
	atomic_store(&sl->state, SLOT_STAGING);
	stage_each_entry(stagefd, uncarry_entry, s);
	if (!c.ok || e == EINVAL || e == ENOSYS || e == EOPNOTSUPP)
		return -1;
	char path[PATH_MAX];
	return io_error(d, shown(s, NULL, path, sizeof path), "udskifte mappen", e);
}

/* Publishes the set as the folder dir/folder, whose parent's lock is held. */
static int commit_into_folder(output_set *s, diag *d)
{
	slot *sl = s->sl;
	char where[PATH_MAX];
	shown(s, NULL, where, sizeof where);
	int oldfd = openat(s->dirfd, s->folder, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	if (oldfd < 0 && errno == ENOENT) {
		/* None yet: the staging folder becomes it. */
		if (renameat2(s->dirfd, sl->stage, s->dirfd, s->folder, RENAME_NOREPLACE) != 0 &&
		    (errno != EINVAL || renameat(s->dirfd, sl->stage, s->dirfd, s->folder) != 0))
			return io_error(d, where, "oprette mappen", errno);
		atomic_store(&sl->state, SLOT_RESERVED);
		return AM_OK;
	}
	if (oldfd < 0) {
		struct stat st;
		int e = errno;
		if (fstatat(s->dirfd, s->folder, &st, AT_SYMLINK_NOFOLLOW) == 0 && !S_ISDIR(st.st_mode))
			return refuse(d, where, st.st_mode);
		return io_error(d, where, "åbne mappen", e);
	}
	bool held;
	int rc = lock_folder(oldfd, where, &held, d);
	if (!rc && held)
		stage_tidy(oldfd);
	survey v = {s, true, AM_OK, d};
	if (!rc)
		stage_each_entry(oldfd, survey_entry, &v);
	rc = rc ? rc : v.rc;
	int swapped = rc ? rc : v.swappable ? swap_folder(s, oldfd, d) : -1;
	if (swapped < 0) {
		/* File by file into the old folder, the staging folder moved there. */
		if (renameat(s->dirfd, sl->stage, oldfd, sl->stage) != 0) {
			rc = io_error(d, where, "flytte den midlertidige mappe", errno);
		} else {
			sl->dirfd = oldfd;
			rc = publish_files(s, oldfd, d);
			if (rc && atomic_load(&sl->state) == SLOT_STAGING)
				stage_remove(oldfd, atomic_load(&sl->stagefd), sl->stage, NULL);
			atomic_store(&sl->state, SLOT_RESERVED);
			sl->dirfd = s->dirfd;
		}
	} else {
		rc = swapped;
	}
	unlock_folder(oldfd, held);
	close(oldfd);
	return rc;
}

static int commit_folder(output_set *s, diag *d)
{
	char where[PATH_MAX];
	bool held;
	int rc = lock_folder(s->dirfd, shown(s, NULL, where, sizeof where), &held, d);
	if (!rc)
		rc = commit_into_folder(s, d);
	unlock_folder(s->dirfd, held);
	return rc;
}

int output_commit(output_set *s, diag *d)
{
	if (s->discard)
		return AM_OK;
	/* Every signal that can end the process is held back while the set is
	 * published; the handler then finds it published. */
	sigset_t hold, old;
	sigfillset(&hold);
	static const int sync_signals[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGTRAP, SIGABRT, SIGSYS};
	for (size_t i = 0; i < sizeof sync_signals / sizeof *sync_signals; i++)
		sigdelset(&hold, sync_signals[i]);
	pthread_sigmask(SIG_BLOCK, &hold, &old);
	int rc;
	if (stage_ending()) {
		char where[PATH_MAX];
		diag_error(d, shown(s, NULL, where, sizeof where), 0, "afbrudt");
		rc = AM_EUSAGE;
	} else {
		rc = s->folder ? commit_folder(s, d) : commit_files(s, d);
	}
	if (!rc)
		s->committed = true;
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	return rc;
}

void output_end(output_set *s)
{
	if (!s || s->discard)
		return;
	slot *sl = s->sl;
	if (sl) {
		int fd = atomic_load(&sl->stagefd);
		if (atomic_load(&sl->state) == SLOT_STAGING)
			stage_remove(sl->dirfd, fd, sl->stage, NULL);
		atomic_store(&sl->stagefd, -1);
		atomic_store(&sl->state, SLOT_FREE);
		if (fd >= 0)
			close(fd);
	}
	if (s->dirfd >= 0)
		close(s->dirfd);
	for (size_t i = 0; i < s->n; i++)
		free(s->names[i]);
	free(s->names);
	free(s->dir);
	free(s->folder);
	pthread_mutex_destroy(&s->mu);
	free(s);
}

/* ---- single files, tidying, writing -------------------------------------- */

int output_put(output_set *s, const char *path, const void *p, size_t n, diag *d)
{
	if (!s)
		return output_file(path, p, n, d);
	const char *slash = strrchr(path, '/');
	return output_add(s, slash ? slash + 1 : path, p, n, d);
}

int output_stream_begin(output_set *s, const char *path, output_stream **f, diag *d)
{
	*f = NULL;
	const char *slash = strrchr(path, '/');
	const char *name = slash ? slash + 1 : path;
	if (s)
		return stream_open(s, name, f, d);
	if (!valid_name(name)) {
		diag_error(d, path, 0, "kan ikke bruges som filnavn");
		return AM_EUSAGE;
	}
	char *dir = slash ? strndup(path, slash == path ? 1 : (size_t)(slash - path)) : strdup(".");
	if (!dir)
		return diag_oom(d, path);
	output_set *own;
	int rc = begin_set(dir, slash != NULL, NULL, path, &own, d);
	free(dir);
	if (rc)
		return rc;
	rc = stream_open(own, name, f, d);
	if (*f)
		(*f)->own = own;
	else
		output_end(own);
	return rc;
}

int output_file(const char *path, const void *p, size_t n, diag *d)
{
	output_stream *f;
	int rc = output_stream_begin(NULL, path, &f, d);
	return write_whole(f, rc, p, n, d);
}

int output_refuse_existing(const char *path, diag *d)
{
	struct stat st;
	if (strcmp(path, "-") == 0 || lstat(path, &st) != 0)
		return AM_OK;
	diag_error(d, path, 0, "findes allerede; vælg et andet navn, eller skriv --force for at erstatte den");
	return AM_EUSAGE;
}

int output_file_or_stdout(const char *path, const void *p, size_t n, diag *d)
{
	if (strcmp(path, "-") != 0)
		return output_file(path, p, n, d);
	if (fflush(stdout) != 0 || output_write_fd(STDOUT_FILENO, p, n) != 0) {
		diag_error(d, "stdout", 0, "kan ikke skrive: %s", diag_errno(errno));
		return AM_EUSAGE;
	}
	return AM_OK;
}

int output_tidy(const char *dir, diag *d)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return io_error(d, dir, "åbne uddatamappen", errno);
	bool held;
	int rc = lock_folder(fd, dir, &held, d);
	if (!rc && held)
		stage_tidy(fd);
	unlock_folder(fd, held);
	close(fd);
	return rc;
}

int output_write_fd(int fd, const void *p, size_t n)
{
	const char *s = p;
	while (n) {
		ssize_t k = write(fd, s, n);
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0)
			return -1;
		if (k == 0) {
			errno = EIO;
			return -1;
		}
		s += k;
		n -= (size_t)k;
	}
	return 0;
}
