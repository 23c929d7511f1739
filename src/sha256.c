/* sha256.c: SHA-256 as FIPS 180-4 describes it; see sha256.h.
 *
 * The message is processed in 64-byte blocks: each block is expanded into a
 * 64-word schedule W, and 64 rounds mix it into the eight working words.
 * The padding appends 0x80, zeros, and the bit length as a big-endian
 * 64-bit number so that the total is a multiple of 64 bytes. */
#include "sha256.h"

#include <stdatomic.h>
#include <stdio.h>
#include <string.h>

/* The first 32 bits of the fractional parts of the cube roots of the
 * first 64 primes (FIPS 180-4, 4.2.2). */
static const uint32_t K[64] = {
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
	0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
	0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
	0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
	0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
	0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static uint32_t rotr(uint32_t x, int n)
{
	return (x >> n) | (x << (32 - n));
}

/* Compilers turn these byte shifts into one load and a byte swap. */
static uint32_t load_be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static void store_be32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)(v >> 24);
	p[1] = (unsigned char)(v >> 16);
	p[2] = (unsigned char)(v >> 8);
	p[3] = (unsigned char)v;
}

/* ---- plain C ---------------------------------------------------------------
 * FIPS 180-4, 6.2.2, with the rounds unrolled eight at a time so the eight
 * working words are renamed instead of moved, and the schedule kept as a
 * ring of 16 words. Ch(e,f,g) = g ^ (e & (f ^ g)) and Maj(a,b,c) =
 * b ^ ((a ^ b) & (b ^ c)) use one operation less than the textbook forms. */

#define S0(a) (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22))
#define S1(e) (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25))
#define s0(w) (rotr(w, 7) ^ rotr(w, 18) ^ ((w) >> 3))
#define s1(w) (rotr(w, 17) ^ rotr(w, 19) ^ ((w) >> 10))

/* Word t of the schedule, t ≥ 16, computed in place in the ring w. */
#define SCHEDULE(t) \
	(w[(t) & 15] += s1(w[((t) - 2) & 15]) + w[((t) - 7) & 15] + s0(w[((t) - 15) & 15]))

/* Round t with the working words named a..h for it: d and h change. */
#define ROUND(a, b, c, d, e, f, g, h, t, wt) \
	do { \
		uint32_t t1 = h + S1(e) + (g ^ (e & (f ^ g))) + K[t] + (wt); \
		d += t1; \
		h = t1 + S0(a) + (b ^ ((a ^ b) & (b ^ c))); \
	} while (0)

#define EIGHT(t, W) \
	do { \
		ROUND(a, b, c, d, e, f, g, k, (t) + 0, W((t) + 0)); \
		ROUND(k, a, b, c, d, e, f, g, (t) + 1, W((t) + 1)); \
		ROUND(g, k, a, b, c, d, e, f, (t) + 2, W((t) + 2)); \
		ROUND(f, g, k, a, b, c, d, e, (t) + 3, W((t) + 3)); \
		ROUND(e, f, g, k, a, b, c, d, (t) + 4, W((t) + 4)); \
		ROUND(d, e, f, g, k, a, b, c, (t) + 5, W((t) + 5)); \
		ROUND(c, d, e, f, g, k, a, b, (t) + 6, W((t) + 6)); \
		ROUND(b, c, d, e, f, g, k, a, (t) + 7, W((t) + 7)); \
	} while (0)

#define LOADED(t) w[t]

/* n blocks of 64 bytes into the hash value. Inlined into each variant. */
static inline __attribute__((always_inline))
void compress_c(uint32_t h[8], const unsigned char *p, size_t n)
{
	for (; n > 0; n--, p += 64) {
		uint32_t w[16];
		for (int t = 0; t < 16; t++)
			w[t] = load_be32(p + 4 * t);
		uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], k = h[7];
		EIGHT(0, LOADED);
		EIGHT(8, LOADED);
		for (int t = 16; t < 64; t += 16) {
			EIGHT(t, SCHEDULE);
			EIGHT(t + 8, SCHEDULE);
		}
		h[0] += a;
		h[1] += b;
		h[2] += c;
		h[3] += d;
		h[4] += e;
		h[5] += f;
		h[6] += g;
		h[7] += k;
	}
}

static void compress_plain(uint32_t h[8], const unsigned char *p, size_t n) { compress_c(h, p, n); }

/* ---- x86 SHA extensions ---------------------------------------------------
 * The hash value is kept as two vectors, ABEF and CDGH, the order
 * sha256rnds2 wants; each sha256rnds2 does two rounds, so four words of
 * the schedule (with their constants added) feed two of them. sha256msg1
 * and sha256msg2 compute the schedule four words at a time. */
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <cpuid.h>
#include <immintrin.h>
#define HAVE_X86 1

/* The plain code with BMI2's rorx: a rotate into another register saves
 * the copy before each of the many rotates. */
__attribute__((target("bmi2")))
static void compress_bmi2(uint32_t h[8], const unsigned char *p, size_t n) { compress_c(h, p, n); }

__attribute__((target("sha,sse4.1")))
static void compress_ni(uint32_t h[8], const unsigned char *p, size_t n)
{
	const __m128i bswap = _mm_set_epi64x(0x0c0d0e0f08090a0bLL, 0x0405060700010203LL);
	__m128i dcba = _mm_loadu_si128((const __m128i *)&h[0]);
	__m128i hgfe = _mm_loadu_si128((const __m128i *)&h[4]);
	__m128i cdab = _mm_shuffle_epi32(dcba, 0xB1);
	__m128i efgh = _mm_shuffle_epi32(hgfe, 0x1B);
	__m128i abef = _mm_alignr_epi8(cdab, efgh, 8);
	__m128i cdgh = _mm_blend_epi16(efgh, cdab, 0xF0);
	for (; n > 0; n--, p += 64) {
		__m128i abef0 = abef, cdgh0 = cdgh, m[4];
		for (int i = 0; i < 16; i++) {
			if (i < 4) {
				m[i] = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(p + 16 * i)), bswap);
			} else {
				__m128i x = _mm_sha256msg1_epu32(m[i & 3], m[(i + 1) & 3]);
				x = _mm_add_epi32(x, _mm_alignr_epi8(m[(i + 3) & 3], m[(i + 2) & 3], 4));
				m[i & 3] = _mm_sha256msg2_epu32(x, m[(i + 3) & 3]);
			}
			__m128i wk = _mm_add_epi32(m[i & 3], _mm_loadu_si128((const __m128i *)&K[4 * i]));
			cdgh = _mm_sha256rnds2_epu32(cdgh, abef, wk);
			abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_shuffle_epi32(wk, 0x0E));
		}
		abef = _mm_add_epi32(abef, abef0);
		cdgh = _mm_add_epi32(cdgh, cdgh0);
	}
	__m128i feba = _mm_shuffle_epi32(abef, 0x1B);
	__m128i dchg = _mm_shuffle_epi32(cdgh, 0xB1);
	_mm_storeu_si128((__m128i *)&h[0], _mm_blend_epi16(feba, dchg, 0xF0));
	_mm_storeu_si128((__m128i *)&h[4], _mm_alignr_epi8(dchg, feba, 8));
}
#endif

typedef void compress_fn(uint32_t h[8], const unsigned char *p, size_t n);

#ifdef HAVE_X86
/* CPUID leaf 7 EBX bit 29 (SHA), bit 8 (BMI2); leaf 1 ECX bit 19 (SSE4.1).
 * Asked directly: clang 14's __builtin_cpu_supports does not know "sha". */
static bool cpu_has(unsigned leaf, int reg, unsigned bit)
{
	unsigned r[4] = {0};
	if (!__get_cpuid_count(leaf, 0, &r[0], &r[1], &r[2], &r[3]))
		return false;
	return r[reg] >> bit & 1;
}
#endif

static bool has(sha256_path p)
{
	switch (p) {
	case SHA256_BEST:
	case SHA256_PLAIN:
		return true;
#ifdef HAVE_X86
	case SHA256_BMI2:
		return cpu_has(7, 1, 8);
	case SHA256_SHANI:
		return cpu_has(7, 1, 29) && cpu_has(1, 2, 19);
#else
	default:
		return false;
#endif
	}
	return false;
}

/* What sha256_use asked for; SHA256_BEST until then. */
static _Atomic sha256_path wanted = SHA256_BEST;

sha256_path sha256_in_use(void)
{
	sha256_path p = atomic_load_explicit(&wanted, memory_order_relaxed);
	if (p != SHA256_BEST)
		return p;
	/* CPUID is slow (a virtual machine traps it): ask once. Threads that
	 * race here compute the same answer. */
	static _Atomic int best = -1;
	int b = atomic_load_explicit(&best, memory_order_relaxed);
	if (b < 0) {
		b = has(SHA256_SHANI) ? SHA256_SHANI : has(SHA256_BMI2) ? SHA256_BMI2 : SHA256_PLAIN;
		atomic_store_explicit(&best, b, memory_order_relaxed);
	}
	return (sha256_path)b;
}

bool sha256_use(sha256_path p)
{
	if (!has(p))
		return false;
	atomic_store(&wanted, p);
	return true;
}

static void compress(uint32_t h[8], const unsigned char *p, size_t n)
{
	switch (sha256_in_use()) {
#ifdef HAVE_X86
	case SHA256_SHANI:
		compress_ni(h, p, n);
		return;
	case SHA256_BMI2:
		compress_bmi2(h, p, n);
		return;
#endif
	default:
		compress_plain(h, p, n);
		return;
	}
}

void sha256_init(sha256_ctx *c)
{
	/* The first 32 bits of the fractional parts of the square roots of
	 * the first eight primes (FIPS 180-4, 5.3.3). */
	static const uint32_t h0[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
	                               0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
	memcpy(c->h, h0, sizeof h0);
	c->bytes = 0;
	c->used = 0;
}

void sha256_update(sha256_ctx *c, const void *data, size_t len)
{
	const unsigned char *p = data;
	if (len == 0)
		return;   /* data may be NULL then, and memcpy must not see it */
	c->bytes += len;
	if (c->used > 0) {
		size_t take = 64 - c->used < len ? 64 - c->used : len;
		memcpy(c->block + c->used, p, take);
		c->used += take;
		p += take;
		len -= take;
		if (c->used < 64)
			return;
		compress(c->h, c->block, 1);
		c->used = 0;
	}
	if (len >= 64) {
		compress(c->h, p, len / 64);
		p += len / 64 * 64;
		len %= 64;
	}
	if (len > 0)
		memcpy(c->block, p, len);
	c->used = len;
}

void sha256_final(sha256_ctx *c, unsigned char digest[SHA256_DIGEST_SIZE])
{
	uint64_t bits = c->bytes * 8;
	c->block[c->used++] = 0x80;
	if (c->used > 56) {
		memset(c->block + c->used, 0, 64 - c->used);
		compress(c->h, c->block, 1);
		c->used = 0;
	}
	memset(c->block + c->used, 0, 56 - c->used);
	store_be32(c->block + 56, (uint32_t)(bits >> 32));
	store_be32(c->block + 60, (uint32_t)bits);
	compress(c->h, c->block, 1);
	for (int i = 0; i < 8; i++)
		store_be32(digest + 4 * i, c->h[i]);
}

void sha256_hex(const unsigned char digest[SHA256_DIGEST_SIZE], char hex[SHA256_HEX_SIZE])
{
	static const char digits[] = "0123456789abcdef";
	for (int i = 0; i < SHA256_DIGEST_SIZE; i++) {
		hex[2 * i] = digits[digest[i] >> 4];
		hex[2 * i + 1] = digits[digest[i] & 15];
	}
	hex[2 * SHA256_DIGEST_SIZE] = '\0';
}

void sha256_of(const void *data, size_t len, char hex[SHA256_HEX_SIZE])
{
	sha256_ctx c;
	unsigned char digest[SHA256_DIGEST_SIZE];
	sha256_init(&c);
	sha256_update(&c, data, len);
	sha256_final(&c, digest);
	sha256_hex(digest, hex);
}

int sha256_file(const char *path, char hex[SHA256_HEX_SIZE])
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return -1;
	sha256_ctx c;
	sha256_init(&c);
	unsigned char buf[16384];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		sha256_update(&c, buf, n);
	int failed = ferror(f);
	fclose(f);
	if (failed)
		return -1;
	unsigned char digest[SHA256_DIGEST_SIZE];
	sha256_final(&c, digest);
	sha256_hex(digest, hex);
	return 0;
}
