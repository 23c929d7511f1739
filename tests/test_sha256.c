/* test_sha256.c: the SHA-256 digests amokit prints and compares (nettle
 * computes them; src/sha256.c makes them hex): the FIPS 180-4 / NIST
 * example vectors, the padding boundaries, and files. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sha256.h"

static void expect(const char *msg, size_t len, const char *want)
{
	char hex[SHA256_HEX_SIZE];
	sha256_of(msg, len, hex);
	assert_string_equal(hex, want);
}

static void nist_vectors_match(void **state)
{
	(void)state;
	expect("", 0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	expect("abc", 3, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	const char *two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
	expect(two, strlen(two), "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
	const char *four = "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmn"
	                   "hijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu";
	expect(four, strlen(four), "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
}

static void a_million_a_matches(void **state)
{
	(void)state;
	char *m = malloc(1000000);
	assert_non_null(m);
	memset(m, 'a', 1000000);
	expect(m, 1000000, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
	free(m);
}

/* Lengths around the 56-byte padding limit and the 64-byte block. */
static void padding_boundaries_match(void **state)
{
	(void)state;
	static const struct { size_t n; const char *hex; } v[] = {
		{55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"},
		{56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"},
		{63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"},
		{64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"},
		{65, "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0"},
		{119, "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb"},
		{120, "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c"},
	};
	char buf[128];
	memset(buf, 'a', sizeof buf);
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
		expect(buf, v[i].n, v[i].hex);
}

static void a_file_is_read_back(void **state)
{
	(void)state;
	char path[] = "/tmp/amokit-sha256-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	FILE *f = fdopen(fd, "wb");
	assert_non_null(f);
	for (int i = 0; i < 40000; i++)   /* several read buffers' worth */
		fputc("abc"[i % 3], f);
	fclose(f);
	char *m = malloc(40000);
	assert_non_null(m);
	for (int i = 0; i < 40000; i++)
		m[i] = "abc"[i % 3];
	char want[SHA256_HEX_SIZE], got[SHA256_HEX_SIZE];
	sha256_of(m, 40000, want);
	assert_int_equal(sha256_file(path, got), 0);
	assert_string_equal(got, want);
	free(m);
	unlink(path);
	assert_int_equal(sha256_file(path, got), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(nist_vectors_match),
		cmocka_unit_test(a_million_a_matches),
		cmocka_unit_test(padding_boundaries_match),
		cmocka_unit_test(a_file_is_read_back),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
