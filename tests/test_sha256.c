/* test_sha256.c: SHA-256 against the FIPS 180-4 / NIST example vectors,
 * the padding boundaries, incremental feeding and files; and against a
 * textbook implementation kept here on long, odd-length and unaligned
 * inputs. Every test runs with each code path the processor has (plain C,
 * BMI2, the SHA extensions) and with the default choice. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sha256.h"

/* ---- a textbook reference: FIPS 180-4 6.2.2 written out plainly ------- */

static const uint32_t RK[64] = {
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
	0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
	0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
	0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
	0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
	0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static uint32_t ror(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

static void ref_block(uint32_t h[8], const unsigned char *p)
{
	uint32_t w[64], v[8];
	for (int t = 0; t < 16; t++)
		w[t] = (uint32_t)p[4 * t] << 24 | (uint32_t)p[4 * t + 1] << 16 | (uint32_t)p[4 * t + 2] << 8 | p[4 * t + 3];
	for (int t = 16; t < 64; t++)
		w[t] = (ror(w[t - 2], 17) ^ ror(w[t - 2], 19) ^ (w[t - 2] >> 10)) + w[t - 7] +
		       (ror(w[t - 15], 7) ^ ror(w[t - 15], 18) ^ (w[t - 15] >> 3)) + w[t - 16];
	memcpy(v, h, sizeof v);
	for (int t = 0; t < 64; t++) {
		uint32_t t1 = v[7] + (ror(v[4], 6) ^ ror(v[4], 11) ^ ror(v[4], 25)) +
		              ((v[4] & v[5]) ^ (~v[4] & v[6])) + RK[t] + w[t];
		uint32_t t2 = (ror(v[0], 2) ^ ror(v[0], 13) ^ ror(v[0], 22)) +
		              ((v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]));
		memmove(v + 1, v, 7 * sizeof *v);
		v[4] += t1;
		v[0] = t1 + t2;
	}
	for (int i = 0; i < 8; i++)
		h[i] += v[i];
}

static void ref_hex(const unsigned char *msg, size_t len, char hex[SHA256_HEX_SIZE])
{
	uint32_t h[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
	                 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
	size_t total = (len + 9 + 63) / 64 * 64;
	unsigned char *m = calloc(total, 1);
	assert_non_null(m);
	if (len)
		memcpy(m, msg, len);
	m[len] = 0x80;
	for (int i = 0; i < 8; i++)
		m[total - 1 - i] = (unsigned char)((uint64_t)len * 8 >> (8 * i));
	for (size_t at = 0; at < total; at += 64)
		ref_block(h, m + at);
	free(m);
	unsigned char d[SHA256_DIGEST_SIZE];
	for (int i = 0; i < 8; i++)
		for (int k = 0; k < 4; k++)
			d[4 * i + k] = (unsigned char)(h[i] >> (24 - 8 * k));
	sha256_hex(d, hex);
}

/* Pseudo-random bytes (xorshift), the same on every run. */
static void fill(unsigned char *p, size_t n, uint32_t seed)
{
	uint32_t x = seed | 1;
	for (size_t i = 0; i < n; i++) {
		x ^= x << 13, x ^= x >> 17, x ^= x << 5;
		p[i] = (unsigned char)(x >> 24);
	}
}

/* Every length up to 1100 and some long odd ones, at every alignment of
 * the start: whole, and fed in uneven pieces. */
static void matches_the_textbook_on_any_length_and_alignment(void **state)
{
	(void)state;
	enum { MAX = 70001 };
	unsigned char *buf = malloc(MAX + 8);
	assert_non_null(buf);
	fill(buf, MAX + 8, 12345);
	static const size_t longs[] = {4095, 4096, 4097, 65535, 65537, MAX};
	char want[SHA256_HEX_SIZE], got[SHA256_HEX_SIZE];
	for (size_t len = 0; len < 1100 + sizeof longs / sizeof *longs; len++) {
		size_t n = len < 1100 ? len : longs[len - 1100];
		size_t off = len % 8;
		ref_hex(buf + off, n, want);
		sha256_of(buf + off, n, got);
		assert_string_equal(got, want);
		sha256_ctx c;
		unsigned char d[SHA256_DIGEST_SIZE];
		sha256_init(&c);
		for (size_t at = 0, step = 1; at < n; at += step, step = step * 3 % 101 + 1)
			sha256_update(&c, buf + off + at, n - at < step ? n - at : step);
		sha256_final(&c, d);
		sha256_hex(d, got);
		assert_string_equal(got, want);
	}
	free(buf);
}

static int use_plain(void **state)
{
	(void)state;
	return sha256_use(SHA256_PLAIN) ? 0 : -1;
}

static int use_bmi2(void **state)
{
	(void)state;
	return sha256_use(SHA256_BMI2) ? 0 : -1;
}

static int use_shani(void **state)
{
	(void)state;
	return sha256_use(SHA256_SHANI) ? 0 : -1;
}

static int use_best(void **state)
{
	(void)state;
	return sha256_use(SHA256_BEST) ? 0 : -1;
}

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

static void feeding_in_pieces_gives_the_same_digest(void **state)
{
	(void)state;
	unsigned char msg[300];
	for (size_t i = 0; i < sizeof msg; i++)
		msg[i] = (unsigned char)(i * 7 + 3);
	char whole[SHA256_HEX_SIZE], pieces[SHA256_HEX_SIZE];
	sha256_of(msg, sizeof msg, whole);
	for (size_t step = 1; step <= 130; step++) {
		sha256_ctx c;
		unsigned char d[SHA256_DIGEST_SIZE];
		sha256_init(&c);
		for (size_t at = 0; at < sizeof msg; at += step)
			sha256_update(&c, msg + at, sizeof msg - at < step ? sizeof msg - at : step);
		sha256_update(&c, NULL, 0);
		sha256_final(&c, d);
		sha256_hex(d, pieces);
		assert_string_equal(pieces, whole);
	}
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
		cmocka_unit_test(feeding_in_pieces_gives_the_same_digest),
		cmocka_unit_test(a_file_is_read_back),
		cmocka_unit_test(matches_the_textbook_on_any_length_and_alignment),
	};
	/* Each path the processor has, then the one chosen by default. */
	static const char *const names[] = {"best", "plain C", "BMI2", "SHA extensions"};
	int failed = cmocka_run_group_tests_name("plain C", tests, use_plain, use_best);
	if (sha256_use(SHA256_BMI2))
		failed += cmocka_run_group_tests_name("BMI2", tests, use_bmi2, use_best);
	if (sha256_use(SHA256_SHANI))
		failed += cmocka_run_group_tests_name("SHA extensions", tests, use_shani, use_best);
	sha256_use(SHA256_BEST);
	fprintf(stderr, "sha256: the default path here is %s\n", names[sha256_in_use()]);
	return failed + cmocka_run_group_tests_name("default", tests, use_best, NULL);
}
