/* replay.c: runs a libFuzzer harness without libFuzzer, over its seeds.
 *
 * `make test` links each harness in tests/fuzz/ with this main, built by
 * the ordinary compiler, so a harness that no longer compiles against
 * today's headers fails the suite instead of rotting until someone runs
 * `make fuzz` (which needs clang's libFuzzer runtime). Without arguments it
 * replays the harness's seed corpus as tests/fuzz/run.sh gathers it: the
 * files of each seed directory named by REPLAY_SEEDS (colon-separated,
 * relative to FUZZ_ROOT), and tests/fuzz/regressions/KIND-*; with arguments
 * it replays those files. Under `make asan` the harnesses' own checks and
 * the sanitizers judge every input. Exit 0 when every input ran. */
#include "fuzz_common.h"

#include <dirent.h>
#include <string.h>

#ifndef REPLAY_KIND
#error "REPLAY_KIND (reader, layout, render, csv, import) must be defined"
#endif
#ifndef REPLAY_SEEDS
#error "REPLAY_SEEDS (seed directories under FUZZ_ROOT) must be defined"
#endif

#define MAX_INPUT (1L << 20)   /* libFuzzer's -max_len in run.sh is 64 KiB */

static int replay_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		fprintf(stderr, "replay: cannot open %s\n", path);
		return -1;
	}
	uint8_t *buf = malloc(MAX_INPUT);
	size_t n = buf ? fread(buf, 1, MAX_INPUT, f) : 0;
	int bad = !buf || ferror(f);
	fclose(f);
	if (!bad)
		LLVMFuzzerTestOneInput(buf, n);
	free(buf);
	if (bad)
		fprintf(stderr, "replay: cannot read %s\n", path);
	return bad ? -1 : 0;
}

/* Replays the regular files of dir whose names start with prefix (all when
 * prefix is empty) and end with suffix, in name order for stable output.
 * Returns how many ran, or -1 on an error. */
static int replay_dir(const char *dir, const char *prefix, const char *suffix)
{
	struct dirent **names;
	int n = scandir(dir, &names, NULL, alphasort);
	if (n < 0) {
		fprintf(stderr, "replay: cannot list %s\n", dir);
		return -1;
	}
	int ran = 0;
	for (int i = 0; i < n; i++) {
		const char *nm = names[i]->d_name;
		size_t len = strlen(nm), sl = strlen(suffix);
		if (nm[0] != '.' && strncmp(nm, prefix, strlen(prefix)) == 0 &&
		    len >= sl && strcmp(nm + len - sl, suffix) == 0 && ran >= 0) {
			char path[4096];
			snprintf(path, sizeof path, "%s/%s", dir, nm);
			ran = replay_file(path) == 0 ? ran + 1 : -1;
		}
		free(names[i]);
	}
	free(names);
	return ran;
}

int main(int argc, char **argv)
{
	LLVMFuzzerInitialize(&argc, &argv);
	int total = 0;
	if (argc > 1) {
		for (int i = 1; i < argc; i++)
			if (replay_file(argv[i]) != 0)
				return 1;
		total = argc - 1;
	} else {
		char seeds[] = REPLAY_SEEDS;
		char *save = NULL;
		for (char *s = strtok_r(seeds, ":", &save); s; s = strtok_r(NULL, ":", &save)) {
			char dir[4096];
			const char *suffix = strstr(s, "import") ? ".csv" : ".xml";
			snprintf(dir, sizeof dir, "%s/%s", FUZZ_ROOT, s);
			int ran = replay_dir(dir, "", suffix);
			if (ran < 0)
				return 1;
			total += ran;
		}
		int ran = replay_dir(FUZZ_ROOT "/tests/fuzz/regressions", REPLAY_KIND "-", "");
		if (ran < 0)
			return 1;
		total += ran;
	}
	if (total == 0) {
		fprintf(stderr, "replay: no inputs for the %s harness\n", REPLAY_KIND);
		return 1;
	}
	printf("replay %s: %d inputs\n", REPLAY_KIND, total);
	return 0;
}
