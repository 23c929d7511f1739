/* test_output.c: sets of files published all at once or not at all.
 *
 * In a fresh temporary folder: a set into a folder replaces its files and
 * leaves others alone; an ended set that was not committed changes
 * nothing; a symbolic link, FIFO or directory where a file is to go
 * refuses the whole set; a folder of its own is exchanged whole, its other
 * regular files carried over, and published file by file when it holds a
 * subfolder; leftovers of killed runs are removed, a cut publication is
 * completed, and a staging folder a live process holds is left alone;
 * names that are not one plain component are refused. */
#define _GNU_SOURCE
#include "testutil.h"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "output.h"

static char root[64];

static const char *at(const char *rel)
{
	static char buf[4][256];
	static int k;
	k = (k + 1) % 4;
	snprintf(buf[k], sizeof buf[k], "%s/%s", root, rel);
	return buf[k];
}

static void spit(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

/* The file's text (up to 255 bytes), or "" when it cannot be read. */
static const char *slurp(const char *path)
{
	static char buf[256];
	buf[0] = '\0';
	FILE *f = fopen(path, "r");
	if (f) {
		size_t n = fread(buf, 1, sizeof buf - 1, f);
		buf[n] = '\0';
		fclose(f);
	}
	return buf;
}

/* Entries of dir named .amokit-* (staging folders left behind). */
static int leftovers(const char *dir)
{
	DIR *d = opendir(dir);
	assert_non_null(d);
	int n = 0;
	for (struct dirent *e; (e = readdir(d));)
		n += strncmp(e->d_name, ".amokit-", 8) == 0;
	closedir(d);
	return n;
}

static int setup(void **state)
{
	(void)state;
	snprintf(root, sizeof root, "/tmp/amokit-output.XXXXXX");
	if (!mkdtemp(root))
		return -1;
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
	return system(cmd) == 0 ? 0 : -1;
}

static void add(output_set *s, const char *name, const char *text)
{
	diag d;
	diag_init(&d);
	assert_int_equal(output_add(s, name, text, strlen(text), &d), AM_OK);
}

static void files_into_a_folder(void **state)
{
	(void)state;
	diag d;
	diag_init(&d);
	spit(at("a.pdf"), "old a");
	spit(at("notes.txt"), "mine");
	output_set *s;
	assert_int_equal(output_begin(root, NULL, &s, &d), AM_OK);
	add(s, "a.pdf", "new a");
	add(s, "b.pdf", "new b");
	/* Nothing is visible before the commit. */
	assert_string_equal(slurp(at("a.pdf")), "old a");
	assert_int_equal(access(at("b.pdf"), F_OK), -1);
	assert_int_equal(output_commit(s, &d), AM_OK);
	output_end(s);
	assert_string_equal(slurp(at("a.pdf")), "new a");
	assert_string_equal(slurp(at("b.pdf")), "new b");
	assert_string_equal(slurp(at("notes.txt")), "mine");
	assert_int_equal(leftovers(root), 0);
	/* An ended set that was not committed changes nothing. */
	assert_int_equal(output_begin(root, NULL, &s, &d), AM_OK);
	add(s, "a.pdf", "newer a");
	output_end(s);
	assert_string_equal(slurp(at("a.pdf")), "new a");
	assert_int_equal(leftovers(root), 0);
	assert_int_equal(d.n, 0);
}

/* A file written piece by piece: invisible until its set is committed;
 * ended without keep (a failed document), it is gone and the old file
 * stays; in a set of its own, it appears when it ends. */
static void files_written_piece_by_piece(void **state)
{
	(void)state;
	diag d;
	diag_init(&d);
	spit(at("a.pdf"), "old a");
	output_set *s;
	assert_int_equal(output_begin(root, NULL, &s, &d), AM_OK);
	output_stream *f, *g;
	assert_int_equal(output_stream_begin(s, at("a.pdf"), &f, &d), AM_OK);
	assert_int_equal(output_stream_begin(s, "b.pdf", &g, &d), AM_OK);
	assert_int_equal(output_stream_write(f, "new ", 4, &d), AM_OK);
	assert_int_equal(output_stream_write(g, "half", 4, &d), AM_OK);
	assert_int_equal(output_stream_write(f, "a", 1, &d), AM_OK);
	assert_int_equal(output_stream_end(f, true, &d), AM_OK);
	assert_int_equal(output_stream_end(g, false, &d), AM_OK);
	assert_string_equal(slurp(at("a.pdf")), "old a");
	assert_int_equal(output_commit(s, &d), AM_OK);
	output_end(s);
	assert_string_equal(slurp(at("a.pdf")), "new a");
	assert_int_equal(access(at("b.pdf"), F_OK), -1);
	assert_int_equal(output_stream_begin(NULL, at("c.pdf"), &f, &d), AM_OK);
	assert_int_equal(output_stream_write(f, "c", 1, &d), AM_OK);
	assert_int_equal(access(at("c.pdf"), F_OK), -1);
	assert_int_equal(output_stream_end(f, true, &d), AM_OK);
	assert_string_equal(slurp(at("c.pdf")), "c");
	assert_int_equal(output_stream_begin(NULL, at("c.pdf"), &f, &d), AM_OK);
	assert_int_equal(output_stream_write(f, "cut", 3, &d), AM_OK);
	assert_int_equal(output_stream_end(f, false, &d), AM_OK);
	assert_string_equal(slurp(at("c.pdf")), "c");
	assert_int_equal(leftovers(root), 0);
	assert_int_equal(d.errors, 0);
}

static void targets_that_are_not_files(void **state)
{
	(void)state;
	spit(at("outside.pdf"), "precious");
	assert_int_equal(symlink(at("outside.pdf"), at("link.pdf")), 0);
	assert_int_equal(mkfifo(at("fifo.pdf"), 0600), 0);
	assert_int_equal(mkdir(at("dir.pdf"), 0700), 0);
	spit(at("plain.pdf"), "old");
	const char *names[] = {"link.pdf", "fifo.pdf", "dir.pdf"};
	const char *kinds[] = {"symbolsk link", "FIFO", "mappe"};
	for (int i = 0; i < 3; i++) {
		diag d;
		diag_init(&d);
		output_set *s;
		assert_int_equal(output_begin(root, NULL, &s, &d), AM_OK);
		add(s, "plain.pdf", "new");
		assert_int_equal(output_add(s, names[i], "x", 1, &d), AM_EUSAGE);
		assert_non_null(strstr(d.entries[0].file, names[i]));
		assert_non_null(strstr(d.entries[0].msg, kinds[i]));
		output_end(s);
		/* Nothing of the set was published. */
		assert_string_equal(slurp(at("plain.pdf")), "old");
	}
	assert_string_equal(slurp(at("outside.pdf")), "precious");
	struct stat st;
	assert_int_equal(lstat(at("link.pdf"), &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	/* A link planted after the file was staged is caught at the commit
	 * and refuses the whole set. */
	diag d;
	diag_init(&d);
	output_set *s;
	assert_int_equal(output_begin(root, NULL, &s, &d), AM_OK);
	add(s, "plain.pdf", "new");
	add(s, "late.pdf", "new");
	assert_int_equal(symlink(at("outside.pdf"), at("late.pdf")), 0);
	assert_int_equal(output_commit(s, &d), AM_EUSAGE);
	output_end(s);
	assert_string_equal(slurp(at("plain.pdf")), "old");
	assert_string_equal(slurp(at("outside.pdf")), "precious");
	assert_int_equal(leftovers(root), 0);
}

static void a_folder_of_its_own(void **state)
{
	(void)state;
	diag d;
	diag_init(&d);
	output_set *s;
	/* Made when missing. */
	assert_int_equal(output_begin(root, "wp", &s, &d), AM_OK);
	add(s, "a.pdf", "a1");
	add(s, "b.pdf", "b1");
	assert_int_equal(access(at("wp"), F_OK), -1);
	assert_int_equal(output_commit(s, &d), AM_OK);
	output_end(s);
	assert_string_equal(slurp(at("wp/a.pdf")), "a1");
	/* Exchanged whole; a file of the user's is carried over. */
	spit(at("wp/signed.pdf"), "signed");
	struct stat before, after;
	assert_int_equal(stat(at("wp"), &before), 0);
	assert_int_equal(output_begin(root, "wp", &s, &d), AM_OK);
	add(s, "a.pdf", "a2");
	assert_int_equal(output_commit(s, &d), AM_OK);
	output_end(s);
	assert_int_equal(stat(at("wp"), &after), 0);
	assert_true(before.st_ino != after.st_ino);
	assert_string_equal(slurp(at("wp/a.pdf")), "a2");
	assert_string_equal(slurp(at("wp/b.pdf")), "b1");
	assert_string_equal(slurp(at("wp/signed.pdf")), "signed");
	assert_int_equal(leftovers(root), 0);
	/* With a subfolder in it, published file by file instead. */
	assert_int_equal(mkdir(at("wp/scans"), 0700), 0);
	spit(at("wp/scans/page1.png"), "scan");
	assert_int_equal(stat(at("wp"), &before), 0);
	assert_int_equal(output_begin(root, "wp", &s, &d), AM_OK);
	add(s, "b.pdf", "b3");
	assert_int_equal(output_commit(s, &d), AM_OK);
	output_end(s);
	assert_int_equal(stat(at("wp"), &after), 0);
	assert_true(before.st_ino == after.st_ino);
	assert_string_equal(slurp(at("wp/b.pdf")), "b3");
	assert_string_equal(slurp(at("wp/scans/page1.png")), "scan");
	assert_int_equal(leftovers(at("wp")), 0);
	assert_int_equal(leftovers(root), 0);
	assert_int_equal(d.n, 0);
	/* A link in its place refuses the set; the link's target is untouched. */
	assert_int_equal(mkdir(at("elsewhere"), 0700), 0);
	assert_int_equal(symlink(at("elsewhere"), at("linked")), 0);
	assert_int_equal(output_begin(root, "linked", &s, &d), AM_OK);
	add(s, "a.pdf", "a");
	assert_int_equal(output_commit(s, &d), AM_EUSAGE);
	output_end(s);
	assert_non_null(strstr(d.entries[0].msg, "symbolsk link"));
	assert_int_equal(access(at("elsewhere/a.pdf"), F_OK), -1);
	assert_int_equal(leftovers(root), 0);
}

/* What killed runs leave: a staging folder and a cut publication. */
static void leftovers_of_killed_runs(void **state)
{
	(void)state;
	diag d;
	diag_init(&d);
	spit(at("x.pdf"), "old x");
	spit(at("y.pdf"), "new y");   /* published before the kill */
	assert_int_equal(mkdir(at(".amokit-tmp.99999.1"), 0700), 0);
	spit(at(".amokit-tmp.99999.1/x.pdf"), "half");
	assert_int_equal(mkdir(at(".amokit-commit.99999.2"), 0700), 0);
	spit(at(".amokit-commit.99999.2/x.pdf"), "new x");
	/* Someone else's folder that only looks like ours is not touched. */
	assert_int_equal(mkdir(at(".amokit-tmp.mine"), 0700), 0);
	/* A staging folder whose process lives (holds its lock) stays. */
	assert_int_equal(mkdir(at(".amokit-tmp.99999.3"), 0700), 0);
	int live = open(at(".amokit-tmp.99999.3"), O_RDONLY | O_DIRECTORY), ready[2];
	assert_true(live >= 0);
	assert_int_equal(pipe(ready), 0);
	pid_t pid = fork();
	if (pid == 0) {   /* another process holds it */
		flock(live, LOCK_EX);
		if (write(ready[1], "x", 1) != 1)
			_exit(1);
		pause();
		_exit(0);
	}
	close(live);
	char c;
	assert_int_equal(read(ready[0], &c, 1), 1);
	close(ready[0]);
	close(ready[1]);
	assert_int_equal(output_tidy(root, &d), AM_OK);
	assert_string_equal(slurp(at("x.pdf")), "new x");
	assert_int_equal(access(at(".amokit-tmp.99999.1"), F_OK), -1);
	assert_int_equal(access(at(".amokit-commit.99999.2"), F_OK), -1);
	assert_int_equal(access(at(".amokit-tmp.mine"), F_OK), 0);
	assert_int_equal(access(at(".amokit-tmp.99999.3"), F_OK), 0);
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
	assert_int_equal(output_tidy(root, &d), AM_OK);
	assert_int_equal(access(at(".amokit-tmp.99999.3"), F_OK), -1);
	assert_int_equal(d.n, 0);
}

static void names(void **state)
{
	(void)state;
	diag d;
	diag_init(&d);
	output_set *s;
	assert_int_equal(output_begin(root, NULL, &s, &d), AM_OK);
	const char *bad[] = {"", ".", "..", "a/b", ".amokit-tmp.1.1"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		assert_int_equal(output_add(s, bad[i], "x", 1, &d), AM_EUSAGE);
	add(s, "twice.pdf", "1");
	assert_int_equal(output_add(s, "twice.pdf", "2", 1, &d), AM_EINTERNAL);
	output_end(s);
	diag_init(&d);
	assert_int_equal(output_begin(root, "../up", &s, &d), AM_EUSAGE);
	assert_int_equal(output_begin(at("no-such-dir"), NULL, &s, &d), AM_EUSAGE);
	assert_int_equal(output_file(at("no-such-dir/f.ics"), "x", 1, &d), AM_EUSAGE);
	assert_non_null(strstr(d.entries[2].file, "no-such-dir/f.ics"));
	assert_int_equal(leftovers(root), 0);
	/* The discarding set takes anything and keeps nothing. */
	assert_int_equal(output_put(output_discard(), at("gone.pdf"), "x", 1, &d), AM_OK);
	assert_int_equal(access(at("gone.pdf"), F_OK), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(files_into_a_folder, setup, teardown),
		cmocka_unit_test_setup_teardown(files_written_piece_by_piece, setup, teardown),
		cmocka_unit_test_setup_teardown(targets_that_are_not_files, setup, teardown),
		cmocka_unit_test_setup_teardown(a_folder_of_its_own, setup, teardown),
		cmocka_unit_test_setup_teardown(leftovers_of_killed_runs, setup, teardown),
		cmocka_unit_test_setup_teardown(names, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
