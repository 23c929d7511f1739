/* batch_int.h: what batch.c and batch_inputs.c share. Private to them. */
#ifndef AMOKIT_BATCH_INT_H
#define AMOKIT_BATCH_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "batch.h"

#define MAX_DEPTH 16      /* folders below a folder given, at most */
#define NAME_LEN 200       /* longest output name; leaves room for staging */
#define ERRTEXT_MAX 4096   /* the part of a failed file's messages kept */

typedef enum in_state { IN_PENDING, IN_RUNNING, IN_DONE, IN_FAILED } in_state;

typedef struct input {
	const char *path;
	const char *sub;       /* its folder below the folder it was found in ("" for none) */
	const char *name;      /* output name; NULL when it has none */
	in_state st;
	const char *errors;    /* the failure's messages, one per line */
} input;

typedef struct worker {
	pid_t pid;             /* 0: not running */
	int task_fd;           /* parent → worker: file indexes; -1 once closed */
	int result_fd;         /* worker → parent: results */
	long task;             /* the file it holds, or -1 */
} worker;

typedef struct batch {
	const batch_opts *o;
	arena *a;              /* paths, names and failure texts */
	input *in;
	size_t n, cap;
	size_t next;           /* the next input to hand out */
	size_t done, failed;
	worker w[BATCH_MAX_JOBS];
	int n_workers;
	int fatal;             /* a worker could not open the kit: its code */
	int worker_trouble;    /* a worker ended abnormally after its work */
	bool killed;           /* a worker was killed: it may have left a staging folder */
	bool tty;
	diag *d;
} batch;

int batch_collect_inputs(batch *b);
const char *batch_errtext(batch *b, const diag *d, const char *path);
int batch_make_outdir(const char *dir, diag *d);
int batch_make_subdirs(batch *b);

#endif
