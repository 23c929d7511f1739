# amokit: workplace XML → the printable PDFs of the annual
# working-environment discussion. Plain make; see README.md.
#
#   make          build build/amokit
#   make demo     build, then write the example kit into out/
#   make test     build and run every test (unit, end-to-end, PDF checks)
#   make asan     the whole suite under AddressSanitizer + UBSan
#   make tsan     the threaded commands under ThreadSanitizer
#   make valgrind the whole suite under valgrind memcheck
#   make deps     install the Debian packages (as root) or print the line
#   make format   clang-format the sources

VERSION := 0.1.0
PREFIX  ?= /usr/local
DATADIR ?= $(PREFIX)/share/amokit

CC ?= cc
# Warnings, each on purpose:
#   -Wall -Wextra -Werror      the baseline, and warnings are errors
#   -Wshadow                   a local hiding another name is a bug waiting
#   -Wmissing-prototypes       every non-static function is declared in a header
#   -Wstrict-prototypes        no K&R-style `f()` declarations
#   -Wpointer-arith            no arithmetic on void *
#   -Wformat=2                 printf-style calls are checked, formats are literals
#   -Wundef                    an undefined macro in #if is a typo
#   -Wvla                      no variable-length arrays: stack use stays bounded
WARN := -Wall -Wextra -Werror -Wshadow -Wmissing-prototypes -Wstrict-prototypes \
        -Wpointer-arith -Wformat=2 -Wundef -Wvla
OPT    ?= -O2 -g
PKGS   := libxml-2.0 libical
CPPFLAGS += -Iinclude -I$(B)/gen -D_POSIX_C_SOURCE=200809L \
            -DAMOKIT_VERSION='"$(VERSION)"' -DAMOKIT_DATADIR='"$(DATADIR)"'
CFLAGS ?=
CFLAGS += -std=c11 $(WARN) $(OPT) $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
# libical is not linked: src/ics.c loads it at run time (dlopen), so that
# ICU's i18n library stays out of every other command; only test_ics, which
# reads the calendars back with libical's parser, links it.
# libxml2, and the ICU and lzma libraries it depends on, are linked
# statically when their archives are installed (libxml2-dev brings them,
# build-essential libstdc++.a): every process then maps five shared
# libraries fewer and runs no C++ start-up code, which saved ~6 ms and
# ~2 MiB per run (issue 7). The binary carries ICU's data tables on disk
# (~33 MB, never read: amokit takes UTF-8 only). STATIC_XML=no links them
# dynamically.
STATIC_XML ?= $(if $(shell for l in libxml2.a libicuuc.a libicudata.a liblzma.a libstdc++.a; do \
                 [ -f "$$($(CC) -print-file-name=$$l)" ] || echo no; done),no,yes)
ifeq ($(STATIC_XML),yes)
XML_LIBS := -Wl,-Bstatic -lxml2 -licuuc -licudata -llzma -lstdc++ -Wl,-Bdynamic -lz -lpthread
else
XML_LIBS := $(shell pkg-config --libs libxml-2.0 2>/dev/null)
endif
# libdeflate compresses the PDF streams (src/render_deflate.c); its archive
# is linked when installed, one shared library fewer to map at start-up.
DEFLATE_A   := $(filter /%,$(shell $(CC) -print-file-name=libdeflate.a))
DEFLATE_LIB := $(if $(DEFLATE_A),$(DEFLATE_A),-ldeflate)
# libhyphen likewise, and libgcc (which the static libstdc++ would otherwise
# bring in as libgcc_s.so): two shared libraries fewer to map at start-up.
HYPHEN_A   := $(filter /%,$(shell $(CC) -print-file-name=libhyphen.a))
HYPHEN_LIB := $(if $(HYPHEN_A),$(HYPHEN_A),-lhyphen)
LDLIBS += $(XML_LIBS) -lhpdf $(DEFLATE_LIB) $(HYPHEN_LIB) -lm
# The Danish hyphenation patterns, compiled in when present (hyph_image.h).
HYPH_DA ?= /usr/share/hyphen/hyph_da_DK.dic
LDFLAGS += -static-libgcc

B ?= build
SRC   := $(sort $(wildcard src/*.c))
LIBSRC := $(filter-out src/main.c,$(SRC))
GEN   := $(B)/gen/schemas.c
OBJ   := $(patsubst src/%.c,$(B)/obj/%.o,$(LIBSRC)) $(B)/obj/schemas.o
TESTS := $(patsubst tests/%.c,$(B)/tests/%,$(sort $(wildcard tests/test_*.c)))
LAYOUTS := $(sort $(wildcard layouts/*.xml))
OBJ   += $(B)/obj/layout_digests.o $(B)/obj/hyph_shipped.o
$(B)/tests/test_ics: LDLIBS += $(shell pkg-config --libs libical 2>/dev/null)

.DEFAULT_GOAL := all
include tests/fuzz/fuzz.mk

.PHONY: all demo test asan tsan valgrind deps deps-check clean format bench bench-peers

all: deps-check $(B)/amokit

# --- dependencies ---------------------------------------------------------
# Debian packages the build and the tests need. `make deps` installs them
# when run as root; otherwise it prints the exact line and stops.
DEB_BUILD := build-essential pkg-config libhpdf-dev libxml2-dev libical-dev libcmocka-dev \
             libhyphen-dev hyphen-da libdeflate-dev
DEB_TEST  := poppler-utils qpdf mupdf-tools libxml2-utils python3 time valgrind strace
DEB_ALL   := $(DEB_BUILD) $(DEB_TEST)

deps:
	@tools/deps.sh $(DEB_ALL)

deps-check:
	@tools/deps.sh $(DEB_ALL)

# --- build ----------------------------------------------------------------
$(B)/gen/schemas.c: schema/workplace.xsd schema/layout.xsd tools/embed.sh
	@mkdir -p $(@D)
	tools/embed.sh schema/workplace.xsd schema_workplace schema/layout.xsd schema_layout > $@.tmp && mv $@.tmp $@

$(B)/obj/schemas.o: $(B)/gen/schemas.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -Wno-missing-prototypes -c -o $@ $<

# The shipped layouts are validated against the layout schema here, once
# (a layout that fails fails the build), and the digest of each is compiled
# in: layout_load does not validate those exact bytes again. Each layout is
# also loaded here, by layout_load.c itself, and its template compiled in:
# layout_load does not parse those exact bytes again either.
LAYOUT_TOOL_OBJ := $(addprefix $(B)/obj/,layout_load.o arena.o diag.o sha256.o schemas.o)
$(B)/tools/layout_digests: tools/layout_digests.c $(LAYOUT_TOOL_OBJ)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) -Isrc $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(B)/gen/layout_digests.c: $(B)/tools/layout_digests $(LAYOUTS)
	@mkdir -p $(@D)
	$(B)/tools/layout_digests $(LAYOUTS) > $@.tmp && mv $@.tmp $@

$(B)/obj/layout_digests.o: $(B)/gen/layout_digests.c src/layout_int.h
	$(CC) $(CPPFLAGS) -Isrc $(CFLAGS) -Wno-missing-prototypes -c -o $@ $<

# The Danish hyphenation patterns, loaded by libhyphen here once and
# compiled in as an image (src/hyph_image.h): amokit does not load a file
# with those exact bytes again. Without hyphen-da the image is empty. The
# stamp's name follows whether the file exists, so installing it later
# remakes the image.
HYPH_STAMP := $(B)/gen/hyph_da.$(if $(wildcard $(HYPH_DA)),found,missing)
$(HYPH_STAMP):
	@mkdir -p $(@D)
	@rm -f $(B)/gen/hyph_da.found $(B)/gen/hyph_da.missing
	@touch $@

$(B)/tools/hyph_snapshot: tools/hyph_snapshot.c src/hyph_image.h $(B)/obj/sha256.o
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) -Isrc $(CFLAGS) $(LDFLAGS) -o $@ $< $(B)/obj/sha256.o $(HYPHEN_LIB)

$(B)/gen/hyph_shipped.c: $(B)/tools/hyph_snapshot $(HYPH_STAMP) $(wildcard $(HYPH_DA))
	@mkdir -p $(@D)
	$(B)/tools/hyph_snapshot $(wildcard $(HYPH_DA)) > $@.tmp && mv $@.tmp $@

$(B)/obj/hyph_shipped.o: $(B)/gen/hyph_shipped.c src/hyph_image.h
	$(CC) $(CPPFLAGS) -Isrc $(CFLAGS) -Wno-missing-prototypes -c -o $@ $<

$(B)/obj/%.o: src/%.c $(wildcard include/*.h src/*.h) | $(GEN)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(B)/libamokit.a: $(OBJ)
	rm -f $@
	ar rcs $@ $^

$(B)/amokit: $(B)/obj/main.o $(B)/libamokit.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(B)/tests/%: tests/%.c $(wildcard tests/*.h) $(B)/libamokit.a
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -Itests $(shell pkg-config --cflags cmocka) -o $@ $< $(B)/libamokit.a $(LDLIBS) $(shell pkg-config --libs cmocka)

# --- running --------------------------------------------------------------
demo: all
	tools/demo.sh $(B)/amokit out

test: all $(TESTS) $(B)/tests/render_driver
	@tools/runtests.sh $(B) $(TESTS)

ASAN_B ?= build-asan
asan:
	$(MAKE) B=$(ASAN_B) OPT="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
	        LDFLAGS="-fsanitize=address,undefined" test

# ThreadSanitizer over the commands that share documents among threads:
# any race report ends the run with exit 66, which threads.sh counts as a
# failure (its -j 1 and -j 4 exit codes then differ).
TSAN_B ?= build-tsan
tsan:
	$(MAKE) B=$(TSAN_B) OPT="-O1 -g -fsanitize=thread" LDFLAGS="-fsanitize=thread" $(TSAN_B)/amokit
	TSAN_OPTIONS="halt_on_error=1 exitcode=66" AMOKIT=$(TSAN_B)/amokit sh tests/e2e/threads.sh

valgrind: all $(TESTS) $(B)/tests/render_driver
	@VALGRIND="valgrind -q --leak-check=full --errors-for-leak-kinds=definite --error-exitcode=99" tools/runtests.sh $(B) $(TESTS)

# The benchmark of issue 7: an optimised build, medians of whole-process
# runs, peak memory, PDF sizes, instruction counts; one table.
bench:
	$(MAKE) B=build-bench OPT="-O2 -g -DNDEBUG" build-bench/amokit
	bench/run.sh build-bench/amokit

bench-peers:
	$(MAKE) B=build-bench OPT="-O2 -g -DNDEBUG" build-bench/amokit
	bench/peers.sh build-bench/amokit

format:
	clang-format -i src/*.c include/*.h tests/*.c

clean:
	rm -rf build build-asan build-tsan build-bench build-fuzz out
