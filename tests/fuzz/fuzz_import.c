/* fuzz_import.c: libFuzzer harness for `amokit import` (import.h).
 *
 * Any bytes, as a sheet, imported into a copy of examples/toemrer-6.xml
 * (people, an årshjul, a handleplan and an APV already there). Whatever
 * the importer accepts must give a file the reader accepts; a sheet it
 * refuses must say why; "the result would not validate" (AM_EINTERNAL) is
 * a bug in the importer. The sheet's kind is chosen by its headings, so the
 * seed corpus (the CSV files in examples/import/) leads into all four. */
#include "fuzz_common.h"

#include <libxml/parser.h>
#include <string.h>

#include "arena.h"
#include "import.h"
#include "reader.h"

static char *workplace;
static size_t workplace_len;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	xmlInitParser();
	FILE *f = fopen(FUZZ_ROOT "/examples/toemrer-6.xml", "rb");
	fuzz_require(f != NULL, "examples/toemrer-6.xml");
	static char buf[1 << 20];
	workplace_len = fread(buf, 1, sizeof buf, f);
	fclose(f);
	workplace = buf;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	diag d;
	diag_init(&d);
	char *out = NULL;
	size_t len = 0;
	int rc = import_mem(workplace, workplace_len, "fuzz.csv", (const char *)data, size, 0, &out, &len, &d);
	if (rc == AM_OK) {
		fuzz_require(out != NULL, "import accepted without a result");
		arena *a = arena_new();
		am_workplace *wp;
		diag again;
		diag_init(&again);
		fuzz_require(reader_load_mem(a, "again.xml", out, len, &wp, &again) == AM_OK,
		             "the imported file is refused by the reader");
		arena_free(a);
	} else {
		fuzz_require(rc == AM_EINPUT, "import gave neither ok nor input rejected (an invalid result?)");
		fuzz_require(d.errors > 0 && out == NULL, "rejected sheet without a message, or with a result");
	}
	free(out);
	return 0;
}
