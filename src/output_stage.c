/* output_stage.c: the part of output.c's sets that must work from a signal
 * handler: the fixed slots where this process's sets are found, folder
 * listings through getdents64 (async-signal-safe, unlike readdir), removing
 * a staging folder, and completing or discarding the leftovers of killed
 * runs. See output.c for the protocol. */
#define _GNU_SOURCE                /* getdents64 */
#include "output.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <time.h>
#include <unistd.h>

#include "output_int.h"

static slot slots[MAX_SETS];
static atomic_bool ending;     /* a signal is ending the process */
static atomic_uint counter;    /* makes staging names unique in a process */

bool stage_ending(void) { return atomic_load(&ending); }

unsigned stage_next_number(void) { return atomic_fetch_add(&counter, 1); }

slot *stage_claim_slot(void)
{
	for (int i = 0; i < MAX_SETS; i++) {
		int free_state = SLOT_FREE;
		if (atomic_compare_exchange_strong(&slots[i].state, &free_state, SLOT_RESERVED)) {
			slots[i].pid = getpid();
			atomic_store(&slots[i].stagefd, -1);
			return &slots[i];
		}
	}
	return NULL;
}

/* ---- folder listings (async-signal-safe) -------------------------------- */

bool stage_is_dot(const char *n) { return n[0] == '.' && (!n[1] || (n[1] == '.' && !n[2])); }

bool stage_has_prefix(const char *s, const char *p) { return strncmp(s, p, strlen(p)) == 0; }

/* Calls fn(fd, name, ctx) for every entry of folder fd but . and ..; fn
 * may remove or move the entry. Reads through a descriptor of its own. */
void stage_each_entry(int fd, entry_fn fn, void *ctx)
{
	int lfd = openat(fd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (lfd < 0)
		return;
	_Alignas(struct dirent64) char buf[4096];
	ssize_t n;
	while ((n = getdents64(lfd, buf, sizeof buf)) > 0) {
		for (ssize_t at = 0; at < n;) {
			const struct dirent64 *e = (const struct dirent64 *)(buf + at);
			at += e->d_reclen;
			if (!stage_is_dot(e->d_name))
				fn(fd, e->d_name, ctx);
		}
	}
	close(lfd);
}

static void unlink_entry(int fd, const char *name, void *ctx)
{
	(void)ctx;
	unlinkat(fd, name, 0);     /* a subfolder stays (EISDIR) */
}

static void move_entry(int fd, const char *name, void *ctx)
{
	renameat(fd, name, *(const int *)ctx, name);
}

/* Removes the files of staging folder fd, then the folder (named stage or
 * commit in dirfd). Writers in other threads may still be creating files
 * for a moment: retried while the folder is not empty, up to ~100 ms. */
void stage_remove(int dirfd, int fd, const char *stage, const char *commit)
{
	for (int tries = 0; tries < 100; tries++) {
		if (fd >= 0)
			stage_each_entry(fd, unlink_entry, NULL);
		bool full = false;
		const char *names[2] = {stage, commit};
		for (int i = 0; i < 2; i++) {
			if (!names[i] || !names[i][0])
				continue;
			if (unlinkat(dirfd, names[i], AT_REMOVEDIR) == 0)
				return;
			full |= errno == ENOTEMPTY || errno == EEXIST;
		}
		if (!full || fd < 0)
			return;
		nanosleep(&(struct timespec){0, 1000000}, NULL);
	}
}

void output_on_signal(void)
{
	atomic_store(&ending, true);
	pid_t me = getpid();
	for (int i = 0; i < MAX_SETS; i++) {
		slot *sl = &slots[i];
		int st = atomic_load(&sl->state);
		if (sl->pid != me || (st != SLOT_STAGING && st != SLOT_PUBLISHING))
			continue;
		int fd = atomic_load(&sl->stagefd);
		if (st == SLOT_PUBLISHING && fd >= 0)
			stage_each_entry(fd, move_entry, &sl->dirfd);
		stage_remove(sl->dirfd, fd, sl->stage, sl->commit);
	}
}

/* ---- leftovers of killed runs ------------------------------------------- */

/* Our names only: the prefix, then digits, a dot and digits. */
static bool leftover_name(const char *n, bool *commit)
{
	*commit = stage_has_prefix(n, COMMIT_PREFIX);
	if (*commit)
		n += strlen(COMMIT_PREFIX);
	else if (stage_has_prefix(n, STAGE_PREFIX))
		n += strlen(STAGE_PREFIX);
	else
		return false;
	size_t a = strspn(n, "0123456789");
	return a && n[a] == '.' && n[a + 1] && strspn(n + a + 1, "0123456789") == strlen(n + a + 1);
}

/* A leftover no live process holds: completed (a commit) or discarded. */
static void tidy_entry(int fd, const char *name, void *ctx)
{
	(void)ctx;
	bool commit;
	if (!leftover_name(name, &commit))
		return;
	int sfd = openat(fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (sfd < 0)
		return;
	if (flock(sfd, LOCK_EX | LOCK_NB) == 0) {
		if (commit)
			stage_each_entry(sfd, move_entry, &fd);
		stage_remove(fd, sfd, name, NULL);
	}
	close(sfd);
}

/* Call with the folder's lock held. */
void stage_tidy(int fd) { stage_each_entry(fd, tidy_entry, NULL); }
