# amokit: workplace XML → the printable PDFs of the annual
# working-environment discussion. Plain make; see README.md.
#
#   make          build build/amokit, nothing else (no package installed, no
#                 test tool needed: `make deps` says what the build needs)
#   make demo     install what it needs (as root), build, write the example
#                 kit into out/
#   make test     install what it needs (as root), build, run every test
#                 (unit, end-to-end, PDF checks)
#   make asan     the whole suite under AddressSanitizer + UBSan (clang)
#   make tsan     the threaded commands under ThreadSanitizer
#   make valgrind the whole suite under valgrind memcheck
#   make bench    the benchmark, default and STATIC=yes builds
#   make install  binary, data, man page and bash completion into
#                 $(DESTDIR)$(PREFIX); make uninstall removes them
#   make dist     amokit-VERSION.tar.gz of the committed tree (git archive);
#                 make distcheck also unpacks it, builds it and renders
#   make catalogs list, per language, the message catalogs' missing and
#                 unused keys (layouts/messages/; exit 1 when there are any)
#   make deps     install the Debian packages (as root) or print the line
#   make format   clang-format the sources
#
# Variables, from the command line or the environment:
#   PREFIX     where make install puts amokit (default /usr/local); the
#              binary looks for its data in $(PREFIX)/share/amokit (DATADIR)
#   DESTDIR    a staging directory for make install (packaging)
#   CC CPPFLAGS CFLAGS LDFLAGS LDLIBS   honoured, and placed after amokit's own
#              flags so that they win (dpkg-buildflags' hardening applies)
#   OPT        optimisation and debugging flags (default -O2 -g)
#   WERROR=1   warnings are errors: the default of test, asan, tsan and
#              valgrind (so of CI), not of a plain make or a release build
#   STATIC=yes link libxml2 (with ICU and lzma), libical, libdeflate,
#              libhyphen, nettle, libutf8proc, libpng and the C++ runtime statically: a larger
#              binary, kept for the benchmark; the default links them as a
#              distribution does, dynamically

VERSION := 0.1.0
PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
LIBEXECDIR ?= $(PREFIX)/libexec/amokit
DATADIR ?= $(PREFIX)/share/amokit
MANDIR  ?= $(PREFIX)/share/man
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
# The sRGB profile of PDF/A output intents, read at run time (icc.h).
ICC_SRGB ?= /usr/share/color/icc/sRGB.icc

B ?= build
CC ?= cc
OPT ?= -O2 -g
DEV_GOALS := test asan tsan valgrind
WERROR ?= $(if $(filter $(DEV_GOALS),$(MAKECMDGOALS)),1,0)
STATIC ?= no
# Warnings, each on purpose:
#   -Wall -Wextra              the baseline (-Werror with WERROR=1)
#   -Wshadow                   a local hiding another name is a bug waiting
#   -Wmissing-prototypes       every non-static function is declared in a header
#   -Wstrict-prototypes        no K&R-style `f()` declarations
#   -Wpointer-arith            no arithmetic on void *
#   -Wformat=2                 printf-style calls are checked, formats are literals
#   -Wundef                    an undefined macro in #if is a typo
#   -Wvla                      no variable-length arrays: stack use stays bounded
WARN := -Wall -Wextra $(if $(filter 1 yes,$(WERROR)),-Werror) -Wshadow -Wmissing-prototypes \
        -Wstrict-prototypes -Wpointer-arith -Wformat=2 -Wundef -Wvla

# --- libraries ------------------------------------------------------------
# One line per library or group, so that adding one is a one-line change.
# Those with a pkg-config file go in PKGS; the others in LIBS.
PKGS := libxml-2.0 libical libdeflate nettle libutf8proc libpng
LIBS := -lhyphen
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
ifeq ($(STATIC),yes)
# The benchmark's second build: every process maps seven shared libraries
# fewer and runs no C++ start-up code, at the price of a binary of ~35 MB
# (ICU's data tables, never read: amokit takes UTF-8 only).
PKG_LIBS := -Wl,-Bstatic -lical -lxml2 -licui18n -licuuc -licudata -llzma -ldeflate \
            -lhyphen -lnettle -lutf8proc -lpng16 -lstdc++ -Wl,-Bdynamic -lz
STATIC_LDFLAGS := -static-libgcc
else
PKG_LIBS := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
endif

# amokit's own flags first, the caller's after them.
AM_CPPFLAGS = -Iinclude -I$(B)/gen -D_POSIX_C_SOURCE=200809L -DAMOKIT_SRGB_ICC='"$(ICC_SRGB)"' \
              -DAMOKIT_VERSION='"$(VERSION)"' -DAMOKIT_DATADIR='"$(DATADIR)"' \
              -DAMOKIT_LIBEXECDIR='"$(LIBEXECDIR)"'
AM_CFLAGS   = -std=c11 $(WARN) $(OPT) $(PKG_CFLAGS)
AM_LDFLAGS  = -Wl,--as-needed $(STATIC_LDFLAGS)
AM_LDLIBS   = $(PKG_LIBS) $(LIBS) -lm -lpthread
ALL_CPPFLAGS = $(AM_CPPFLAGS) $(CPPFLAGS)
ALL_CFLAGS   = $(AM_CFLAGS) $(CFLAGS)
ALL_LDFLAGS  = $(AM_LDFLAGS) $(LDFLAGS)
ALL_LDLIBS   = $(AM_LDLIBS) $(LDLIBS)

# The library is src/*.c; the command line is src/cli/ (cli.h says where
# the line between them runs).
SRC   := $(sort $(wildcard src/*.c))
LIBSRC := $(SRC)
CLISRC := $(sort $(wildcard src/cli/*.c))
GEN   := $(B)/gen/schemas.c
OBJ   := $(patsubst src/%.c,$(B)/obj/%.o,$(LIBSRC)) $(B)/obj/schemas.o
TESTS := $(patsubst tests/%.c,$(B)/tests/%,$(sort $(wildcard tests/test_*.c)))
# Each fuzz harness, linked with tests/fuzz/replay.c instead of libFuzzer,
# replays its seeds and regressions in the suite (and under asan), so a
# harness cannot silently stop compiling.
REPLAY_KINDS := reader layout render csv import
TESTS += $(addprefix $(B)/tests/replay_,$(REPLAY_KINDS))
replay_seeds = $(if $(filter layout,$1),layouts,$(if $(filter csv import,$1),examples/import,examples:tests/bad))
LAYOUTS := $(sort $(wildcard layouts/*.xml))
CATALOGS := $(sort $(wildcard layouts/messages/*.xml))
OBJ   += $(B)/obj/layout_digests.o

.DEFAULT_GOAL := all
include tests/fuzz/fuzz.mk

.PHONY: all demo test asan tsan valgrind deps clean format bench bench-peers bench-typst catalogs \
        install uninstall dist distcheck FORCE

all: $(B)/amokit $(B)/amokit-ics $(B)/amokit.1 $(B)/felter.html

# --- dependencies ---------------------------------------------------------
# Debian packages the build, the run and the tests need. A plain make
# installs nothing; `make deps`, `make demo` and `make test` install them
# when run as root, otherwise they print the exact line and stop.
DEB_BUILD := build-essential pkg-config libpng-dev libxml2-dev libical-dev \
             libhyphen-dev libdeflate-dev nettle-dev libutf8proc-dev
DEB_RUN   := hyphen-da hyphen-en-us hyphen-de hyphen-pl hyphen-ro hyphen-lt hyphen-uk icc-profiles-free
DEB_TEST  := libcmocka-dev poppler-utils qpdf mupdf-tools libxml2-utils python3 time valgrind strace \
             groff-base bash-completion \
             default-jre-headless libpdfbox2-java libactivation-java libjaxb-api-java
DEB_ALL   := $(DEB_BUILD) $(DEB_RUN) $(DEB_TEST)
# make asan (and make fuzz) build with clang and its sanitizer runtimes.
DEB_ASAN  := clang libclang-rt-dev

deps:
	@tools/deps.sh $(DEB_ALL)

# --- build ----------------------------------------------------------------
# The workplace schema goes in twice: without its documentation (made by
# fieldref --strip), which the validator compiles for every file, and as
# written, which amokit reads only to explain a mistake or edit a file.
$(B)/gen/workplace-plain.xsd: $(B)/tools/fieldref schema/workplace.xsd
	@mkdir -p $(@D)
	$(B)/tools/fieldref --strip schema/workplace.xsd > $@.tmp && mv $@.tmp $@

$(B)/gen/schemas.c: $(B)/gen/workplace-plain.xsd schema/workplace.xsd schema/layout.xsd tools/embed.sh
	@mkdir -p $(@D)
	tools/embed.sh $(B)/gen/workplace-plain.xsd schema_workplace schema/workplace.xsd schema_workplace_doc \
	               schema/layout.xsd schema_layout > $@.tmp && mv $@.tmp $@

$(B)/obj/schemas.o: $(B)/gen/schemas.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -Wno-missing-prototypes -c -o $@ $<

# The shipped layouts are validated against the layout schema here, once
# (a layout that fails fails the build), and the digest of each is compiled
# in: layout_load does not validate those exact bytes again. Each layout is
# also loaded here, by layout_load.c itself (with layout_image.c,
# layout_msg.c and layout_query.c, which it uses), and its template compiled in:
# layout_load does not parse those exact bytes again either.
LAYOUT_TOOL_OBJ := $(addprefix $(B)/obj/,layout_load.o layout_image.o layout_msg.o layout_query.o catalog.o arena.o diag.o norm.o sha256.o utf8.o schemas.o)
$(B)/tools/layout_digests: tools/layout_digests.c $(LAYOUT_TOOL_OBJ)
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) -Isrc $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $^ $(ALL_LDLIBS)

$(B)/gen/layout_digests.c: $(B)/tools/layout_digests $(LAYOUTS) $(CATALOGS)
	@mkdir -p $(@D)
	$(B)/tools/layout_digests $(LAYOUTS) $(CATALOGS) > $@.tmp && mv $@.tmp $@

# The field reference of the workplace format (felter.html, Danish), made
# from the schema's own declarations and documentation: never by hand.
$(B)/tools/fieldref: tools/fieldref.c src/xsdinfo.c src/arena.c include/xsdinfo.h include/arena.h
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ tools/fieldref.c src/xsdinfo.c src/arena.c $(ALL_LDLIBS)

$(B)/felter.html: $(B)/tools/fieldref schema/workplace.xsd
	$(B)/tools/fieldref schema/workplace.xsd > $@.tmp && mv $@.tmp $@

$(B)/obj/layout_digests.o: $(B)/gen/layout_digests.c src/layout_int.h
	$(CC) $(ALL_CPPFLAGS) -Isrc $(ALL_CFLAGS) -Wno-missing-prototypes -c -o $@ $<

$(B)/obj/%.o: src/%.c $(wildcard include/*.h src/*.h) | $(GEN)
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -c -o $@ $<

$(B)/libamokit.a: $(OBJ)
	rm -f $@
	ar rcs $@ $^

# The command line: each program is main.o with its table of commands and
# the files only it has; what both share, and batch, is an archive.
CLI_OWN := main commands commands_ics cmd_ics ics_helper
CLI_OBJ := $(patsubst src/cli/%.c,$(B)/obj/cli/%.o,$(filter-out $(CLI_OWN:%=src/cli/%.c),$(CLISRC)))
AMOKIT_OBJ := $(addprefix $(B)/obj/cli/,main.o commands.o cmd_ics.o)
AMOKIT_ICS_OBJ := $(addprefix $(B)/obj/cli/,main.o commands_ics.o ics_helper.o)

$(B)/obj/cli/%.o: src/cli/%.c $(wildcard include/*.h src/*.h src/cli/*.h) | $(GEN)
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) -Isrc/cli $(ALL_CFLAGS) -c -o $@ $<

$(B)/libamokit-cli.a: $(CLI_OBJ)
	rm -f $@
	ar rcs $@ $^

# The paths compiled in (kit.c: DATADIR; icc.c: ICC_SRGB; cli/cmd_ics.c:
# LIBEXECDIR), recorded so that changing them (make install PREFIX=/usr
# after a plain make) rebuilds what uses them.
PATHS := $(VERSION) $(DATADIR) $(ICC_SRGB) $(LIBEXECDIR)
$(B)/gen/paths: FORCE
	@mkdir -p $(@D)
	@[ "$$(cat $@ 2>/dev/null)" = '$(PATHS)' ] || echo '$(PATHS)' > $@
$(B)/obj/kit.o $(B)/obj/icc.o $(B)/obj/cli/main.o $(B)/obj/cli/cmd_ics.o: $(B)/gen/paths

$(B)/amokit.1: man/amokit.1.in $(B)/gen/paths
	sed -e 's|@VERSION@|$(VERSION)|g' -e 's|@DATADIR@|$(DATADIR)|g' \
	    -e 's|@ICC_SRGB@|$(ICC_SRGB)|g' -e 's|@LIBEXECDIR@|$(LIBEXECDIR)|g' $< > $@

# The catalogs' check (make catalogs, tests/e2e/catalogs.sh): amokit's own
# loaders over layouts/ and layouts/messages/.
$(B)/tools/catalog_check: tools/catalog_check.c $(B)/libamokit.a
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) -Isrc $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $< $(B)/libamokit.a $(ALL_LDLIBS)

catalogs: $(B)/tools/catalog_check
	$(B)/tools/catalog_check layouts

$(B)/amokit: $(AMOKIT_OBJ) $(B)/libamokit-cli.a $(B)/libamokit.a
	$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $^ $(ALL_LDLIBS)

# amokit-ics, the calendar export: the ics command only, the one that needs
# libical (src/cli/cmd_ics.c says why).
$(B)/amokit-ics: $(AMOKIT_ICS_OBJ) $(B)/libamokit-cli.a $(B)/libamokit.a
	$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $^ $(ALL_LDLIBS)

$(B)/tests/replay_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c tests/fuzz/fuzz_common.h $(B)/libamokit.a
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -Itests/fuzz -Wno-format-nonliteral -DFUZZ_ROOT='"$(CURDIR)"' \
	    -DREPLAY_KIND='"$*"' -DREPLAY_SEEDS='"$(call replay_seeds,$*)"' $(ALL_LDFLAGS) \
	    -o $@ $< tests/fuzz/replay.c $(B)/libamokit.a $(ALL_LDLIBS)

$(B)/tests/%: tests/%.c $(wildcard tests/*.h) $(B)/libamokit-cli.a $(B)/libamokit.a
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) -Isrc/cli $(ALL_CFLAGS) -Itests $(shell pkg-config --cflags cmocka) $(ALL_LDFLAGS) -o $@ $< $(B)/libamokit-cli.a $(B)/libamokit.a $(ALL_LDLIBS) $(shell pkg-config --libs cmocka)

# --- installing and distributing -------------------------------------------
INSTALL ?= install
DATA_FILES := $(LAYOUTS) $(CATALOGS) layouts/README.md fonts/*.ttf fonts/OFL.txt fonts/README.md \
              schema/workplace.xsd schema/layout.xsd

install: $(B)/amokit $(B)/amokit-ics $(B)/amokit.1 $(B)/felter.html
	$(INSTALL) -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBEXECDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(BASHCOMPDIR) \
	              $(DESTDIR)$(DATADIR)/layouts $(DESTDIR)$(DATADIR)/layouts/messages \
	              $(DESTDIR)$(DATADIR)/fonts $(DESTDIR)$(DATADIR)/schema
	$(INSTALL) -m 755 $(B)/amokit $(DESTDIR)$(BINDIR)/amokit
	$(INSTALL) -m 755 $(B)/amokit-ics $(DESTDIR)$(LIBEXECDIR)/amokit-ics
	$(INSTALL) -m 644 $(LAYOUTS) layouts/README.md $(DESTDIR)$(DATADIR)/layouts
	$(INSTALL) -m 644 $(CATALOGS) $(DESTDIR)$(DATADIR)/layouts/messages
	$(INSTALL) -m 644 fonts/*.ttf fonts/OFL.txt fonts/README.md $(DESTDIR)$(DATADIR)/fonts
	$(INSTALL) -m 644 schema/workplace.xsd schema/layout.xsd $(B)/felter.html $(DESTDIR)$(DATADIR)/schema
	$(INSTALL) -m 644 $(B)/amokit.1 $(DESTDIR)$(MANDIR)/man1/amokit.1
	$(INSTALL) -m 644 completion/amokit $(DESTDIR)$(BASHCOMPDIR)/amokit

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/amokit $(DESTDIR)$(LIBEXECDIR)/amokit-ics $(DESTDIR)$(MANDIR)/man1/amokit.1 \
	      $(DESTDIR)$(BASHCOMPDIR)/amokit
	rm -f $(addprefix $(DESTDIR)$(DATADIR)/,$(DATA_FILES)) $(DESTDIR)$(DATADIR)/schema/felter.html
	rmdir $(DESTDIR)$(DATADIR)/layouts/messages $(DESTDIR)$(DATADIR)/layouts $(DESTDIR)$(DATADIR)/fonts $(DESTDIR)$(DATADIR)/schema \
	      $(DESTDIR)$(DATADIR) $(DESTDIR)$(LIBEXECDIR) 2>/dev/null || true

# The tarball holds the committed tree (uncommitted changes are not
# released); it builds without git.
DIST := amokit-$(VERSION)
dist:
	git archive --format=tar --prefix=$(DIST)/ HEAD | gzip -9n > $(DIST).tar.gz
	@echo "wrote $(DIST).tar.gz"

distcheck: dist
	rm -rf $(B)/distcheck && mkdir -p $(B)/distcheck
	tar -C $(B)/distcheck -xzf $(DIST).tar.gz
	$(MAKE) -C $(B)/distcheck/$(DIST) WERROR=1
	$(MAKE) -C $(B)/distcheck/$(DIST) install DESTDIR=$(CURDIR)/$(B)/distcheck/stage PREFIX=/usr
	cd $(B)/distcheck && for x in $(DIST)/examples/*.xml; do \
	    AMOKIT_DATADIR=$(CURDIR)/$(B)/distcheck/stage/usr/share/amokit \
	    stage/usr/bin/amokit render "$$x" -o . > /dev/null || exit 1; done
	@echo "$(DIST).tar.gz builds, installs and renders every example"

# --- running --------------------------------------------------------------
# demo, test and valgrind install their packages first, then build in a
# second make: a parallel build must not start before the headers are there.
demo: deps
	@$(MAKE) --no-print-directory all
	tools/demo.sh $(B)/amokit out

test: deps
	@$(MAKE) --no-print-directory WERROR=$(WERROR) all $(TESTS) $(B)/tests/render_driver $(B)/tests/untagged_render $(B)/tools/catalog_check
	@tools/runtests.sh $(B) $(TESTS)

# The whole suite under AddressSanitizer and UndefinedBehaviorSanitizer,
# built with clang: gcc's -fsanitize=undefined leaves out
# float-cast-overflow (a float converted to an integer type that cannot
# hold it), which clang's includes; it is named here all the same.
ASAN_B  ?= build-asan
ASAN_CC ?= clang
ASAN_SAN := -fsanitize=address,undefined,float-cast-overflow -fno-sanitize-recover=all
# A sanitizer's report ends the process with exit 1 by default, which the
# tests cannot tell from "input rejected": 86 for a report, 87 for a leak.
ASAN_ENV := ASAN_OPTIONS=exitcode=86 UBSAN_OPTIONS=exitcode=86:print_stacktrace=1 \
            LSAN_OPTIONS=exitcode=87:suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0
asan:
	@tools/deps.sh $(DEB_ASAN)
	$(ASAN_ENV) $(MAKE) B=$(ASAN_B) CC=$(ASAN_CC) OPT="-O1 -g $(ASAN_SAN) -fno-omit-frame-pointer" \
	        LDFLAGS="$(ASAN_SAN)" test

# ThreadSanitizer over the commands that share documents among threads:
# any race report ends the run with exit 66, which threads.sh counts as a
# failure (its -j 1 and -j 4 exit codes then differ).
TSAN_B ?= build-tsan
tsan:
	$(MAKE) B=$(TSAN_B) WERROR=$(WERROR) OPT="-O1 -g -fsanitize=thread" LDFLAGS="-fsanitize=thread" $(TSAN_B)/amokit $(TSAN_B)/amokit-ics
	TSAN_OPTIONS="halt_on_error=1 exitcode=66" AMOKIT=$(TSAN_B)/amokit sh tests/e2e/threads.sh

valgrind: deps
	@$(MAKE) --no-print-directory WERROR=$(WERROR) all $(TESTS) $(B)/tests/render_driver $(B)/tests/untagged_render $(B)/tools/catalog_check
	@VALGRIND="valgrind -q --leak-check=full --errors-for-leak-kinds=definite --error-exitcode=99 --suppressions=$(CURDIR)/tests/valgrind.supp" tools/runtests.sh $(B) $(TESTS)

# The benchmark (issues 7, 20, 24): optimised builds; medians and minimums
# of whole-process runs with user and system time and page faults; peak
# memory; instruction counts under callgrind; native time shares from perf;
# large inputs and their scaling; bytes per page; Typst's warm batch as the
# peer; each figure with the command that reproduces it. The targets are
# the default (dynamic) build's; the STATIC=yes build is timed in the same
# runs, interleaved. It installs what it measures with (as root: valgrind,
# perf, GNU time; Typst's compiler from npm into build-bench/node_modules
# when npm is there) and says when the machine is too busy for wall clocks.
BENCH_OPT := OPT="-O2 -g -DNDEBUG"
DEB_BENCH := python3 time valgrind linux-perf
TYPST_NPM := @myriaddreamin/typst-ts-node-compiler@0.7.0
bench:
	@tools/deps.sh $(DEB_BENCH)
	$(MAKE) B=build-bench $(BENCH_OPT) build-bench/amokit build-bench/amokit-ics
	$(MAKE) B=build-bench-static STATIC=yes $(BENCH_OPT) build-bench-static/amokit build-bench-static/amokit-ics
	@$(MAKE) --no-print-directory bench-typst
	bench/run.sh default=build-bench/amokit static=build-bench-static/amokit

# Typst's compiler for node (Typst 0.14 inside), the peer of issue 24.
bench-typst:
	@if [ -d build-bench/node_modules/@myriaddreamin/typst-ts-node-compiler ]; then :; \
	elif command -v npm > /dev/null; then mkdir -p build-bench && \
	    npm install --silent --no-audit --no-fund --prefix build-bench $(TYPST_NPM) > /dev/null \
	    || echo "bench: npm could not install $(TYPST_NPM); Typst is left out"; \
	else echo "bench: no npm; Typst is left out (apt-get install npm)"; fi

bench-peers: bench-typst
	$(MAKE) B=build-bench OPT="-O2 -g -DNDEBUG" build-bench/amokit
	bench/peers.sh build-bench/amokit

format:
	clang-format -i src/*.c src/cli/*.c src/cli/*.h include/*.h tests/*.c

clean:
	rm -rf build build-asan build-tsan build-bench build-bench-static build-fuzz out amokit-*.tar.gz
