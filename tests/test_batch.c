/* test_batch.c: batch_run over a temporary directory of workplace files.
 *
 * Three good workplaces and one broken one, two workers: the good ones get
 * all their documents, the broken one none, the summary names it with its
 * line, and the batch returns AM_EINPUT. Also: two inputs with the same
 * output name, output names, and an unusable kit. Run from the repository
 * root (the kit's layouts and fonts are taken from ./layouts and ./fonts). */
#include "testutil.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "batch.h"

static const char good[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<workplace xmlns=\"urn:amokit:workplace:2\" version=\"2\">\n"
	"  <name>%s</name>\n"
	"  <headcount>%d</headcount>\n"
	"  <meeting><date>2026-03-%02d</date></meeting>\n"
	"</workplace>\n";

/* The broken one: a date that does not exist, on line 5. */
static const char broken[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<workplace xmlns=\"urn:amokit:workplace:2\" version=\"2\">\n"
	"  <name>Brudt ApS</name>\n"
	"  <headcount>12</headcount>\n"
	"  <meeting><date>2026-02-30</date></meeting>\n"
	"</workplace>\n";

typedef struct fixture {
	char root[64];
	char in[96];
	char out[96];
	char report_path[96];
} fixture;

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

static void write_good(const fixture *fx, const char *file, const char *name, int heads, int day)
{
	char path[160], text[512];
	snprintf(path, sizeof path, "%s/%s", fx->in, file);
	snprintf(text, sizeof text, good, name, heads, day);
	write_file(path, text);
}

static int setup(void **state)
{
	fixture *fx = calloc(1, sizeof *fx);
	if (!fx)
		return -1;
	snprintf(fx->root, sizeof fx->root, "/tmp/amokit-batch-XXXXXX");
	if (!mkdtemp(fx->root))
		return -1;
	snprintf(fx->in, sizeof fx->in, "%s/in", fx->root);
	snprintf(fx->out, sizeof fx->out, "%s/out", fx->root);
	snprintf(fx->report_path, sizeof fx->report_path, "%s/report.txt", fx->root);
	if (mkdir(fx->in, 0777) != 0)
		return -1;
	*state = fx;
	return 0;
}

static int teardown(void **state)
{
	fixture *fx = *state;
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", fx->root);
	int rc = system(cmd);
	free(fx);
	return rc == 0 ? 0 : -1;
}

static bool exists(const char *dir, const char *sub, const char *file)
{
	char path[256];
	struct stat st;
	snprintf(path, sizeof path, "%s/%s%s%s", dir, sub, file ? "/" : "", file ? file : "");
	return stat(path, &st) == 0;
}

/* Number of entries in dir besides . and .. (-1 when it cannot be read). */
static int count_entries(const char *dir)
{
	DIR *dp = opendir(dir);
	if (!dp)
		return -1;
	int n = 0;
	struct dirent *e;
	while ((e = readdir(dp)))
		n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
	closedir(dp);
	return n;
}

/* Reads the whole report into buf. */
static void read_report(const fixture *fx, char *buf, size_t n)
{
	FILE *f = fopen(fx->report_path, "r");
	assert_non_null(f);
	size_t len = fread(buf, 1, n - 1, f);
	buf[len] = '\0';
	fclose(f);
}

static int run_batch(const fixture *fx, const char *const *inputs, size_t n_inputs, unsigned docs,
                     diag *d)
{
	FILE *report = fopen(fx->report_path, "w");
	assert_non_null(report);
	batch_opts o = {0};
	o.inputs = inputs;
	o.n_inputs = n_inputs;
	o.outdir = fx->out;
	o.jobs = 2;
	o.job.docs = docs;
	o.kit.layouts_dir = "layouts";
	o.kit.fonts_dir = "fonts";
	o.report = report;
	diag_init(d);
	int rc = batch_run(&o, d);
	assert_int_equal(fclose(report), 0);
	return rc;
}

static void a_broken_file_is_skipped_and_named_while_the_rest_is_written(void **state)
{
	fixture *fx = *state;
	write_good(fx, "alfa.xml", "Alfa A/S", 6, 2);
	write_good(fx, "bravo.xml", "Bravo ApS", 27, 3);
	write_good(fx, "charlie.xml", "Charlie I/S", 45, 4);
	char path[160];
	snprintf(path, sizeof path, "%s/broken.xml", fx->in);
	write_file(path, broken);
	snprintf(path, sizeof path, "%s/notes.txt", fx->in);   /* not *.xml: ignored */
	write_file(path, "not a workplace");

	const char *inputs[] = {fx->in};
	diag d;
	int rc = run_batch(fx, inputs, 1, KIT_ALL, &d);
	assert_int_equal(rc, AM_EINPUT);
	assert_int_equal(d.errors, 0);

	const char *names[] = {"alfa", "bravo", "charlie"};
	const char *docs[] = {"forberedelsesark.pdf", "arbejdsark.pdf", "informationsark.pdf",
	                      "dagsorden.pdf", "aarshjul.pdf", "referat.pdf"};
	size_t n_docs = sizeof docs / sizeof docs[0];
	for (size_t i = 0; i < 3; i++) {
		for (size_t j = 0; j < n_docs; j++)
			assert_true(exists(fx->out, names[i], docs[j]));
		char sub[160];
		snprintf(sub, sizeof sub, "%s/%s", fx->out, names[i]);
		assert_int_equal(count_entries(sub), (int)n_docs);
	}
	assert_false(exists(fx->out, "broken", NULL));
	assert_false(exists(fx->out, "notes", NULL));
	/* Three workplace directories, SHA256SUMS and no staging leftovers. */
	assert_int_equal(count_entries(fx->out), 4);
	assert_true(exists(fx->out, "SHA256SUMS", NULL));

	char report[4096];
	read_report(fx, report, sizeof report);
	assert_non_null(strstr(report, "4 arbejdspladser: 3 skrevet, 1 fejlede"));
	char where[200];
	snprintf(where, sizeof where, "%s/broken.xml:5: ", fx->in);
	assert_non_null(strstr(report, where));
	assert_null(strstr(report, "alfa.xml:"));
}

static void all_good_files_return_ok_and_only_the_asked_documents(void **state)
{
	fixture *fx = *state;
	write_good(fx, "delta.xml", "Delta A/S", 8, 5);
	char path[160];
	snprintf(path, sizeof path, "%s/delta.xml", fx->in);
	const char *inputs[] = {path};
	diag d;
	assert_int_equal(run_batch(fx, inputs, 1, KIT_DAGSORDEN, &d), AM_OK);
	assert_true(exists(fx->out, "delta", "dagsorden.pdf"));
	assert_false(exists(fx->out, "delta", "aarshjul.pdf"));
	char report[1024];
	read_report(fx, report, sizeof report);
	assert_non_null(strstr(report, "1 arbejdsplads: 1 skrevet, 0 fejlede (1 dokumenter"));
}

static void a_second_file_with_the_same_name_is_refused(void **state)
{
	fixture *fx = *state;
	char sub[160];
	snprintf(sub, sizeof sub, "%s/other", fx->in);
	assert_int_equal(mkdir(sub, 0777), 0);
	write_good(fx, "echo.xml", "Echo A/S", 8, 6);
	write_good(fx, "other/echo.xml", "Another Echo A/S", 9, 7);
	char first[160], second[160];
	snprintf(first, sizeof first, "%s/echo.xml", fx->in);
	snprintf(second, sizeof second, "%s/other/echo.xml", fx->in);
	const char *inputs[] = {first, second};
	diag d;
	assert_int_equal(run_batch(fx, inputs, 2, KIT_DAGSORDEN, &d), AM_EINPUT);
	char report[2048];
	read_report(fx, report, sizeof report);
	assert_non_null(strstr(report, "2 arbejdspladser: 1 skrevet, 1 fejlede"));
	assert_non_null(strstr(report, "mappen 'echo' bruges allerede af"));
	char named[200];
	snprintf(named, sizeof named, "%s: mappen 'echo'", second);
	assert_non_null(strstr(report, named));
	assert_true(exists(fx->out, "echo", "dagsorden.pdf"));
}

static void a_missing_file_fails_alone(void **state)
{
	fixture *fx = *state;
	write_good(fx, "foxtrot.xml", "Foxtrot A/S", 8, 9);
	char good_path[160], missing[160];
	snprintf(good_path, sizeof good_path, "%s/foxtrot.xml", fx->in);
	snprintf(missing, sizeof missing, "%s/nowhere.xml", fx->in);
	const char *inputs[] = {missing, good_path};
	diag d;
	assert_int_equal(run_batch(fx, inputs, 2, KIT_DAGSORDEN, &d), AM_EINPUT);
	assert_true(exists(fx->out, "foxtrot", "dagsorden.pdf"));
	assert_false(exists(fx->out, "nowhere", NULL));
}

static void an_unusable_kit_stops_the_batch_with_its_reason(void **state)
{
	fixture *fx = *state;
	write_good(fx, "golf.xml", "Golf A/S", 8, 10);
	const char *inputs[] = {fx->in};
	FILE *report = fopen(fx->report_path, "w");
	assert_non_null(report);
	batch_opts o = {0};
	o.inputs = inputs;
	o.n_inputs = 1;
	o.outdir = fx->out;
	o.jobs = 2;
	o.kit.layouts_dir = "/nonexistent/layouts";
	o.kit.fonts_dir = "fonts";
	o.report = report;
	diag d;
	diag_init(&d);
	assert_int_equal(batch_run(&o, &d), AM_EUSAGE);
	fclose(report);
	assert_true(d.errors > 0);
	assert_non_null(strstr(d.entries[0].file, "/nonexistent/layouts"));
	assert_false(exists(fx->out, "golf", NULL));
}

static void no_input_is_a_usage_error(void **state)
{
	fixture *fx = *state;
	const char *inputs[] = {fx->in};   /* an empty directory */
	diag d;
	assert_int_equal(run_batch(fx, inputs, 1, KIT_ALL, &d), AM_EUSAGE);
	assert_true(d.errors > 0);
}

static void output_names_drop_the_directory_and_xml(void **state)
{
	(void)state;
	char buf[64];
	assert_true(batch_output_name("a/b/kontor-27.xml", buf, sizeof buf));
	assert_string_equal(buf, "kontor-27");
	assert_true(batch_output_name("plain", buf, sizeof buf));
	assert_string_equal(buf, "plain");
	assert_false(batch_output_name("dir/.xml", buf, sizeof buf));
	assert_false(batch_output_name("dir/.hidden.xml", buf, sizeof buf));
	assert_false(batch_output_name("dir/", buf, sizeof buf));
	assert_false(batch_output_name("a-name-longer-than-the-buffer.xml", buf, 8));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(a_broken_file_is_skipped_and_named_while_the_rest_is_written,
		                                setup, teardown),
		cmocka_unit_test_setup_teardown(all_good_files_return_ok_and_only_the_asked_documents, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(a_second_file_with_the_same_name_is_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(a_missing_file_fails_alone, setup, teardown),
		cmocka_unit_test_setup_teardown(an_unusable_kit_stops_the_batch_with_its_reason, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(no_input_is_a_usage_error, setup, teardown),
		cmocka_unit_test(output_names_drop_the_directory_and_xml),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
