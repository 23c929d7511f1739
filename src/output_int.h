/* output_int.h: what output.c (sets and their publication) and
 * output_stage.c (the slots a signal handler reads, async-signal-safe
 * folder listings, leftovers of killed runs) share. Private to them. */
#ifndef AMOKIT_OUTPUT_INT_H
#define AMOKIT_OUTPUT_INT_H

#include <stdatomic.h>
#include <stdbool.h>
#include <sys/types.h>

#define STAGE_PREFIX ".amokit-tmp."
#define COMMIT_PREFIX ".amokit-commit."
#define OWN_PREFIX ".amokit-"
#define LOCK_WAIT_MS 30000         /* then a run gives up on a busy folder */
#define MAX_SETS 8                 /* sets open at once in one process */

/* The slot of a set, which a signal handler reads. */
enum {
	SLOT_FREE,        /* unused */
	SLOT_RESERVED,    /* taken, nothing on disk yet */
	SLOT_STAGING,     /* the folder at stage holds the set: discard it */
	SLOT_PUBLISHING,  /* complete: move its files into dirfd */
	SLOT_SWAPPING     /* being exchanged: leave it to the next run */
};

typedef struct slot {
	atomic_int state;
	pid_t pid;                 /* the process whose set it is */
	int dirfd;                 /* the folder the staging folder is in */
	atomic_int stagefd;        /* the staging folder, -1 until it exists */
	char stage[64], commit[64];/* its names in dirfd */
} slot;

/* A free slot, taken for this process; NULL when all MAX_SETS are in use. */
slot *stage_claim_slot(void);
/* Whether a signal is ending the process (output_on_signal ran). */
bool stage_ending(void);
/* A number no other staging folder of this process has had. */
unsigned stage_next_number(void);

bool stage_is_dot(const char *n);
bool stage_has_prefix(const char *s, const char *p);
/* Calls fn(fd, name, ctx) for every entry of folder fd but . and ..; fn
 * may remove or move the entry. Reads through a descriptor of its own. */
typedef void (*entry_fn)(int fd, const char *name, void *ctx);
void stage_each_entry(int fd, entry_fn fn, void *ctx);
/* Removes the files of staging folder fd, then the folder (named stage or
 * commit in dirfd), retrying for a moment while other threads still write. */
void stage_remove(int dirfd, int fd, const char *stage, const char *commit);
/* Completes or discards the leftovers of killed runs in folder fd; call
 * with the folder's lock held. */
void stage_tidy(int fd);

#endif
