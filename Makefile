# brief -- news articles to a one-page briefing (Markdown + PDF).
#
#   make brief        build, then write out/brief.md and out/brief.pdf
#   make test         build and run every test (unit + end to end +
#                     golden outputs)
#   make regress-update  accept a change of the golden outputs
#   make check-asan   the tests under AddressSanitizer + UBSan
#   make check-valgrind  the tests with every run under valgrind
#   make fuzz         the libFuzzer targets, FUZZ_TIME seconds each
#   make install      PREFIX=/usr/local DESTDIR=
#
# Missing Debian packages are installed with apt-get when run as root;
# otherwise the exact apt-get line is printed.

CC      ?= cc
PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
DATADIR ?= $(PREFIX)/share/brief
MANDIR  ?= $(PREFIX)/share/man
BUILD   ?= build
VERSION := 0.1.0

# Debian packages: build, run (fonts, hyphenation) and test tools.
DEPS_BUILD = pkg-config libhpdf-dev libcmark-dev libicu-dev libyaml-dev \
	libfontconfig-dev libstemmer-dev libhyphen-dev libharfbuzz-dev \
	libjansson-dev libgumbo-dev zlib1g-dev check
DEPS_RUN   = fonts-noto-core fonts-dejavu-core fonts-dejavu-extra hyphen-en-us
DEPS_TEST  = poppler-utils qpdf cmark mupdf-tools chromium clang \
	libfuzzer-14-dev valgrind
DEPS = $(DEPS_BUILD) $(DEPS_RUN) $(DEPS_TEST)

PKGS = libcmark icu-uc yaml-0.1 fontconfig harfbuzz harfbuzz-subset jansson \
	gumbo zlib
PKG_CFLAGS = $$(pkg-config --cflags $(PKGS))
PKG_LIBS   = $$(pkg-config --libs $(PKGS)) -lhpdf -lstemmer -lhyphen -lm -pthread

WARN    = -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
	-Wmissing-prototypes -Wno-unused-parameter
CFLAGS  ?= -O2 -g
ALL_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -pthread $(WARN) -Iinclude \
	-DBRIEF_VERSION='"$(VERSION)"' -DBRIEF_DATADIR='"$(DATADIR)"' \
	-DBRIEF_DEFAULT_TEMPLATE='"$(DEFAULT_TEMPLATE)"' $(CFLAGS)

SRC     = $(wildcard src/*.c)
LIBSRC  = $(filter-out src/main.c,$(SRC))
OBJ     = $(LIBSRC:src/%.c=$(BUILD)/%.o)
TSRC    = $(wildcard tests/test_*.c)
TOBJ    = $(TSRC:tests/%.c=$(BUILD)/%.o)
HDR     = $(wildcard include/brief/*.h)
SUITES  = $(TSRC:tests/test_%.c=%)

DEFAULT_TEMPLATE ?= relos.yaml
TEMPLATE = templates/$(DEFAULT_TEMPLATE)

.PHONY: all brief test unit e2e check-asan install uninstall clean deps fuzz bench eval \
	regress regress-update fuzz-smoke check-valgrind

all: $(BUILD)/brief

$(BUILD)/.deps: tools/deps.sh Makefile
	@mkdir -p $(BUILD)
	@tools/deps.sh $(DEPS)
	@touch $@

deps: $(BUILD)/.deps

$(BUILD)/%.o: src/%.c $(HDR) $(BUILD)/.deps
	$(CC) $(ALL_CFLAGS) $(PKG_CFLAGS) -c -o $@ $<

# main.o bakes in DATADIR: rebuild it when PREFIX/DATADIR change, so
# `make install PREFIX=/usr` installs a binary that finds its templates.
$(BUILD)/.datadir: FORCE
	@mkdir -p $(BUILD)
	@echo '$(DATADIR)' | cmp -s - $@ || echo '$(DATADIR)' > $@

$(BUILD)/main.o: $(BUILD)/.datadir

.PHONY: FORCE
FORCE:

$(BUILD)/libbrief.a: $(OBJ)
	rm -f $@
	ar rcs $@ $(OBJ)

$(BUILD)/brief: $(BUILD)/main.o $(BUILD)/libbrief.a
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $(BUILD)/main.o $(BUILD)/libbrief.a $(PKG_LIBS)

# The evaluation: briefs on the test corpora scored against checklists
# of what an analyst would put in them (tests/eval.c).
$(BUILD)/eval: tests/eval.c $(BUILD)/libbrief.a $(HDR) $(BUILD)/.deps
	$(CC) $(ALL_CFLAGS) $(PKG_CFLAGS) $(LDFLAGS) -o $@ tests/eval.c \
		$(BUILD)/libbrief.a $(PKG_LIBS)

eval: $(BUILD)/eval $(BUILD)/brief
	$(BUILD)/eval $(EVAL_FLAGS) $(BUILD)/brief $(sort $(dir $(wildcard tests/corpora/*/checklist.txt)))

# The brief is remade when the binary, a template or the sources change,
# an article added or removed included (the directory changes then),
# and not otherwise. SEEDS_DIR and OUT name other folders.
SEEDS_DIR ?= seeds
OUT       ?= out
BRIEF_IN   = $(BUILD)/brief $(wildcard templates/*) $(SEEDS_DIR) \
	$(wildcard $(SEEDS_DIR)/*)

brief: $(OUT)/brief.md $(OUT)/brief.pdf

$(OUT)/brief.md $(OUT)/brief.pdf &: $(BRIEF_IN)
	@mkdir -p $(OUT)
	$(BUILD)/brief -t $(TEMPLATE) -o $(OUT) $(SEEDS_DIR)

# Tests: every tests/test_NAME.c defines Suite *NAME_suite(void); the
# runner's list is generated from the file names.
$(BUILD)/suites.inc: $(TSRC) Makefile
	@mkdir -p $(BUILD)
	@printf 'SUITE(%s)\n' $(SUITES) > $@

$(BUILD)/test_%.o: tests/test_%.c tests/testutil.h $(HDR) $(BUILD)/.deps
	$(CC) $(ALL_CFLAGS) $(PKG_CFLAGS) -Itests -c -o $@ $<

$(BUILD)/run_tests.o: tests/run_tests.c $(BUILD)/suites.inc $(BUILD)/.deps
	$(CC) $(ALL_CFLAGS) $(PKG_CFLAGS) -I$(BUILD) -Itests -c -o $@ $<

$(BUILD)/testutil.o: tests/testutil.c tests/testutil.h $(HDR) $(BUILD)/.deps
	$(CC) $(ALL_CFLAGS) $(PKG_CFLAGS) -Itests -c -o $@ $<

# The fuzz targets, each entry point renamed, for test_fuzz.c.
FOBJ = $(patsubst fuzz/fuzz_%.c,$(BUILD)/fuzz_%.o,$(wildcard fuzz/fuzz_*.c))

$(BUILD)/fuzz_%.o: fuzz/fuzz_%.c $(HDR) $(BUILD)/.deps
	$(CC) $(ALL_CFLAGS) $(PKG_CFLAGS) -DLLVMFuzzerTestOneInput=fuzz_$*_one \
		-c -o $@ $<

$(BUILD)/run_tests: $(BUILD)/run_tests.o $(BUILD)/testutil.o $(TOBJ) $(FOBJ) \
		$(BUILD)/libbrief.a
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(PKG_LIBS) \
		$$(pkg-config --libs check)

unit: $(BUILD)/run_tests $(BUILD)/brief
	BRIEF_BIN=$(BUILD)/brief BRIEF_TOP=$(CURDIR) $(BUILD)/run_tests

# Golden outputs (tools/regress.sh): every stage's dump, --explain,
# brief.md and brief.json for the seeds and each test topic, compared
# with tests/regress. After an intended change: make regress-update,
# then read the diff before committing it.
regress: $(BUILD)/brief
	@rm -rf $(BUILD)/regress
	@tools/regress.sh $(BUILD)/brief $(BUILD)/regress
	@diff -ru tests/regress $(BUILD)/regress && \
		echo "regress: $$(find tests/regress -type f | wc -l) golden files match"

regress-update: $(BUILD)/brief
	@rm -rf $(BUILD)/regress
	@tools/regress.sh $(BUILD)/brief $(BUILD)/regress
	@rm -rf tests/regress && cp -r $(BUILD)/regress tests/regress
	@git status --short tests/regress | head -20

# A short fuzz of every target (make fuzz runs them longer).
fuzz-smoke:
	@$(MAKE) --no-print-directory fuzz FUZZ_TIME=$(FUZZ_SMOKE_TIME)
FUZZ_SMOKE_TIME ?= 10

test: unit regress fuzz-smoke

ASAN_FLAGS = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
	-fno-sanitize-recover=undefined
check-asan:
	$(MAKE) BUILD=build-asan CFLAGS="$(ASAN_FLAGS)" LDFLAGS="-fsanitize=address,undefined" \
		ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=$(CURDIR)/fuzz/lsan.supp \
		BRIEF_NO_TIMING=1 unit regress

# Fuzzing (libFuzzer, clang): fuzz/fuzz_NAME.c for each target, the
# library built with clang under ASan + UBSan into build-fuzz. Each
# runs FUZZ_TIME seconds from its seeds (the articles, templates and
# pages of the repository) and the regression inputs in fuzz/regress/
# (every crash input found); new crash inputs land in
# build-fuzz/crashes/. make fuzz-regress runs the regression inputs
# only, with the plain build.
FUZZ_TARGETS = ingest template dates render
FUZZ_TIME ?= 60
FUZZ_SAN   = -fsanitize=address,undefined -fno-sanitize-recover=undefined
FUZZ_SEEDS_ingest   = seeds tests/corpora/*/articles tests/corpora/raa/early tests/html
FUZZ_SEEDS_template = templates tests/corpora/acsa tests/corpora/raa
FUZZ_SEEDS_dates    = seeds tests/corpora/acsa/articles
FUZZ_SEEDS_render   = fuzz/regress/render

fuzz: $(BUILD)/.deps
	@tools/deps.sh clang libfuzzer-14-dev
	$(MAKE) BUILD=build-fuzz CC=clang \
		CFLAGS="-g -O1 -fsanitize=fuzzer-no-link $(FUZZ_SAN)" build-fuzz/libbrief.a
	@mkdir -p build-fuzz/crashes
	@for t in $(FUZZ_TARGETS); do \
		clang $(ALL_CFLAGS) $(PKG_CFLAGS) -g -O1 -fsanitize=fuzzer $(FUZZ_SAN) \
			-o build-fuzz/fuzz_$$t fuzz/fuzz_$$t.c build-fuzz/libbrief.a \
			$(PKG_LIBS) -lstdc++ || exit 1; \
	done
	@for t in $(FUZZ_TARGETS); do \
		mkdir -p build-fuzz/corpus/$$t fuzz/regress/$$t; \
		echo "fuzz: $$t for $(FUZZ_TIME) s"; \
		case $$t in ingest) s="$(FUZZ_SEEDS_ingest)";; \
		template) s="$(FUZZ_SEEDS_template)";; dates) s="$(FUZZ_SEEDS_dates)";; \
		*) s="$(FUZZ_SEEDS_render)";; esac; \
		ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=fuzz/lsan.supp \
		build-fuzz/fuzz_$$t -max_total_time=$(FUZZ_TIME) \
			-max_len=65536 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
			-artifact_prefix=build-fuzz/crashes/$$t- \
			build-fuzz/corpus/$$t fuzz/regress/$$t $$s \
			2>build-fuzz/$$t.log || { tail -40 build-fuzz/$$t.log; exit 1; }; \
		grep -E 'stat::number_of_executed_units|stat::average_exec_per_sec' \
			build-fuzz/$$t.log | tr '\n' ' '; echo; \
	done

# The test suite with every run of brief under valgrind (tools/vgbrief),
# then the in-process suites themselves under valgrind.
VG = valgrind -q --leak-check=full --errors-for-leak-kinds=definite \
	--show-leak-kinds=definite --error-exitcode=99
check-valgrind: $(BUILD)/run_tests $(BUILD)/brief
	@tools/deps.sh valgrind
	BRIEF_BIN=$(CURDIR)/tools/vgbrief BRIEF_REAL=$(CURDIR)/$(BUILD)/brief \
		BRIEF_TOP=$(CURDIR) CK_TIMEOUT_MULTIPLIER=30 BRIEF_NO_TIMING=1 \
		$(BUILD)/run_tests
	for s in cluster dates hyphen ingest lexicon linebreak meta quotes \
		render_md segment template text utf; do \
		CK_RUN_SUITE=$$s CK_FORK=no BRIEF_TOP=$(CURDIR) \
			$(VG) $(BUILD)/run_tests || exit 1; \
	done

install: $(BUILD)/brief
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/templates $(DESTDIR)$(MANDIR)/man1
	install -m 755 $(BUILD)/brief $(DESTDIR)$(BINDIR)/brief
	install -m 644 templates/* $(DESTDIR)$(DATADIR)/templates/
	install -m 644 docs/brief.1 $(DESTDIR)$(MANDIR)/man1/brief.1

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/brief $(DESTDIR)$(MANDIR)/man1/brief.1
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf build build-asan out/brief.md out/brief.pdf

# The benchmark (bench/README.md): brief on the seeds and on synthetic
# corpora of 100 to 50,000 articles written by bench/gen.c (cached in
# $(BUILD)/bench), stage times, MB/s and peak RSS; pandoc + pdflatex and
# ots on the same input for comparison. Writes bench/results.md.
BENCH_DEPS = time pandoc texlive-latex-base texlive-latex-recommended \
	lmodern ots

$(BUILD)/bench-gen: bench/gen.c
	@mkdir -p $(BUILD)
	$(CC) -std=c11 -Wall -Wextra -Wpedantic -O2 -o $@ bench/gen.c

bench: $(BUILD)/brief $(BUILD)/bench-gen
	@tools/deps.sh $(BENCH_DEPS)
	@BRIEF=$(BUILD)/brief GEN=$(BUILD)/bench-gen BENCH_DIR=$(BUILD)/bench \
		bench/bench.sh
