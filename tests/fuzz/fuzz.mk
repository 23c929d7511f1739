# tests/fuzz/fuzz.mk: libFuzzer harnesses (issue 8), included by the main
# Makefile. Needs clang and its libFuzzer runtime (Debian: clang-14,
# libclang-rt-14-dev).
#
#   make fuzz                  build every harness, then run each one for
#                              FUZZ_SECONDS (default 60) and print the totals
#   make fuzz-build            only build them into $(FUZZ_B)/
#   make fuzz FUZZ_SECONDS=600 FUZZ_HARNESSES="fuzz_reader"
#   make fuzz FUZZ_B=build-fuzz-x FUZZ_SAN_EXTRA=-fno-sanitize=nonnull-attribute
#                              to fuzz past a known report until it is fixed
#
# Each harness links the library (src/*.c, not src/cli/), and the schemas generated as
# the main build does, compiled with -fsanitize=fuzzer-no-link,address,
# undefined; the harness itself with -fsanitize=fuzzer,address,undefined.
# Seed corpora are made at run time from examples/, tests/bad/, layouts/,
# tests/fuzz/seeds/, tests/data/ and tests/fuzz/regressions/ (see
# tests/fuzz/run.sh); crashes land in
# $(FUZZ_B)/artifacts/ and the run fails.

FUZZ_B        ?= build-fuzz
FUZZ_CC       ?= clang
FUZZ_SECONDS  ?= 60
FUZZ_HARNESSES ?= fuzz_reader fuzz_layout fuzz_render fuzz_csv fuzz_import
FUZZ_SAN      := -fsanitize=address,undefined -fno-sanitize-recover=undefined \
                 -fno-omit-frame-pointer $(FUZZ_SAN_EXTRA)
FUZZ_CPPFLAGS := -Iinclude -Itests/fuzz -D_POSIX_C_SOURCE=200809L \
                 -DAMOKIT_VERSION='"$(VERSION)"' -DAMOKIT_DATADIR='"$(CURDIR)"' \
                 -DFUZZ_ROOT='"$(CURDIR)"' $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
FUZZ_CFLAGS   := -std=c11 -g -O1 $(filter-out -Werror,$(WARN)) -Wno-format-nonliteral
FUZZ_LDLIBS    = $(AM_LDLIBS) $(LDLIBS)
FUZZ_LIBOBJ   := $(patsubst src/%.c,$(FUZZ_B)/obj/%.o,$(wildcard src/*.c)) \
                 $(FUZZ_B)/obj/schemas.o $(FUZZ_B)/obj/layout_digests.o
FUZZ_BINS     := $(addprefix $(FUZZ_B)/,$(FUZZ_HARNESSES))

.PHONY: fuzz fuzz-build fuzz-check-tools
.SECONDARY: $(FUZZ_LIBOBJ) $(FUZZ_B)/gen/schemas.c $(FUZZ_B)/gen/layout_digests.c

fuzz-check-tools:
	@command -v $(FUZZ_CC) >/dev/null || { echo "make fuzz needs clang: apt-get install clang-14 libclang-rt-14-dev"; exit 2; }
	@echo 'int LLVMFuzzerTestOneInput(const char *d, long n) { (void)d; (void)n; return 0; }' | \
	  $(FUZZ_CC) -x c -fsanitize=fuzzer -o /dev/null - 2>/dev/null || \
	  { echo "make fuzz needs the libFuzzer runtime: apt-get install libclang-rt-14-dev"; exit 2; }

fuzz-build: fuzz-check-tools $(FUZZ_BINS)

fuzz: fuzz-build
	@sh tests/fuzz/run.sh $(FUZZ_B) $(FUZZ_SECONDS) $(FUZZ_HARNESSES)

$(FUZZ_B)/gen/schemas.c: schema/workplace.xsd schema/layout.xsd tools/embed.sh
	@mkdir -p $(@D)
	tools/embed.sh schema/workplace.xsd schema_workplace schema/workplace.xsd schema_workplace_doc \
	               schema/layout.xsd schema_layout > $@.tmp && mv $@.tmp $@

$(FUZZ_B)/obj/schemas.o: $(FUZZ_B)/gen/schemas.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CPPFLAGS) $(FUZZ_CFLAGS) -Wno-missing-prototypes -fsanitize=fuzzer-no-link $(FUZZ_SAN) -c -o $@ $<

# The shipped layouts' digests, as the main build makes them (a harness
# given exactly a shipped layout's bytes skips the schema, as amokit does).
$(FUZZ_B)/tools/layout_digests: tools/layout_digests.c src/layout_load.c src/layout_image.c src/layout_msg.c src/layout_query.c src/catalog.c src/arena.c src/diag.c src/norm.c src/utf8.c \
                                src/sha256.c $(FUZZ_B)/gen/schemas.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CPPFLAGS) -Isrc $(FUZZ_CFLAGS) -Wno-missing-prototypes $(FUZZ_SAN) -o $@ $^ $(FUZZ_LDLIBS)

$(FUZZ_B)/gen/layout_digests.c: $(FUZZ_B)/tools/layout_digests $(wildcard layouts/*.xml)
	@mkdir -p $(@D)
	$(FUZZ_B)/tools/layout_digests $(sort $(wildcard layouts/*.xml)) > $@.tmp && mv $@.tmp $@

$(FUZZ_B)/obj/layout_digests.o: $(FUZZ_B)/gen/layout_digests.c src/layout_int.h
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CPPFLAGS) -Isrc $(FUZZ_CFLAGS) -Wno-missing-prototypes -fsanitize=fuzzer-no-link $(FUZZ_SAN) -c -o $@ $<

$(FUZZ_B)/obj/%.o: src/%.c $(wildcard include/*.h src/*.h)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CPPFLAGS) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link $(FUZZ_SAN) -c -o $@ $<

$(FUZZ_B)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz_common.h $(FUZZ_LIBOBJ)
	$(FUZZ_CC) $(FUZZ_CPPFLAGS) $(FUZZ_CFLAGS) -fsanitize=fuzzer $(FUZZ_SAN) -o $@ $< $(FUZZ_LIBOBJ) $(FUZZ_LDLIBS)
