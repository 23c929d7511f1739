/* fuzz_reader.c: libFuzzer harness for the workplace reader and the model.
 *
 * Bytes → reader_load_mem (parse, schema, semantic checks) → when accepted,
 * bind_workplace (data tree) and rules_evaluate (compliance). Everything a
 * run allocates lives in one arena freed at the end, so LeakSanitizer sees
 * any leak of libxml2 objects the reader forgets to free. */
#include "fuzz_common.h"

#include <libxml/parser.h>

#include "bind.h"
#include "reader.h"
#include "rules.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	xmlInitParser();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	arena *a = arena_new();
	fuzz_require(a != NULL, "arena_new");
	diag d;
	diag_init(&d);
	am_workplace *wp = NULL;
	int rc = reader_load_mem(a, FUZZ_ROOT "/examples/fuzz.xml", (const char *)data, size, &wp, &d);
	if (rc == AM_OK) {
		fuzz_require(wp != NULL, "reader_load_mem returned AM_OK without a model");
		dnode *root = NULL;
		fuzz_require(bind_workplace(a, wp, &root) == AM_OK && root, "bind_workplace");
		rules_result *r = NULL;
		fuzz_require(rules_evaluate(a, wp, NULL, &r) == AM_OK && r, "rules_evaluate");
		/* Touch what the CLI prints, so a dangling pointer shows up here. */
		for (size_t i = 0; i < r->n_items; i++) {
			const rules_item *it = &r->items[i];
			fuzz_require((it->answer == ANSWER_YES) == (it->message == NULL),
			             "an answer other than yes without a message");
			fuzz_require(rules_find(r, it->key) != NULL, "an item not found by its key");
			for (size_t g = 0; g < it->n_gaps; g++)
				fuzz_require(it->gaps[g].what != NULL, "a gap without its token");
		}
	} else {
		fuzz_require(wp == NULL, "rejected input left a model");
		fuzz_require(rc == AM_EINPUT || rc == AM_EUSAGE, "unexpected reader code");
		fuzz_require(d.errors > 0, "rejected input without a diag record");
	}
	arena_free(a);
	return 0;
}
