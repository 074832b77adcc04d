# extract: build, test, bench. `make help` lists the targets.
CC      ?= cc
PKGS     = poppler-glib poppler gio-2.0 cairo lept tesseract libxml-2.0 libzip jansson glib-2.0 libpcre2-8 sqlite3
CFLAGS  ?= -O2 -g
# The library's ABI version: libextract.so.$(SOVERSION).
SOVERSION = 1
VERSION := $(shell sed -n 's/^\#define EX_VERSION "\(.*\)"/\1/p' output/out.h)
# Kept apart from CFLAGS, which `make asan` and `make tsan` replace on
# their command lines (where a += here would be ignored).
# -fPIC: the same objects make the static and the shared library.
XCFLAGS  = -std=c11 -D_GNU_SOURCE -fPIC -Wall -Wextra -Werror -Wno-unused-parameter
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS))
# Tesseract is opened with dlopen at the first OCR page (parsers/ocr.c):
# its headers at build time, its library by the name it was built with.
# libxml2 and libzip too, at the first ODT (parsers/odt.c).
LINK_PKGS  = $(filter-out tesseract libxml-2.0 libzip,$(PKGS))
# Tests that build ODT packages themselves link libzip.
TEST_LIBS  = $(shell pkg-config --libs libzip libxml-2.0)
PKG_LIBS   = $(shell pkg-config --libs $(LINK_PKGS)) -lstdc++ -ldl -lm
TESS_SONAME := $(shell objdump -p $$(pkg-config --variable=libdir tesseract)/libtesseract.so 2>/dev/null | sed -n 's/^ *SONAME *//p')
PKG_CFLAGS += -DTESS_SONAME='"$(or $(TESS_SONAME),libtesseract.so.5)"'
soname = $(shell objdump -p $$(pkg-config --variable=libdir $(1))/$(2) 2>/dev/null | sed -n 's/^ *SONAME *//p')
XML2_SONAME := $(call soname,libxml-2.0,libxml2.so)
ZIP_SONAME := $(call soname,libzip,libzip.so)
PQ_SONAME := $(call soname,libpq,libpq.so)
PKG_CFLAGS += -DPQ_SONAME='"$(or $(PQ_SONAME),libpq.so.5)"' $(shell pkg-config --cflags libpq)
PKG_CFLAGS += -DXML2_SONAME='"$(or $(XML2_SONAME),libxml2.so.2)"' -DZIP_SONAME='"$(or $(ZIP_SONAME),libzip.so.4)"'

PREFIX  ?= /usr/local
BUILD   ?= build

LIB_SRC = model/arena.c model/error.c model/doc.c model/norm.c \
          extract/pipeline.c extract/options.c extract/lib.c parsers/classify.c parsers/layout.c parsers/page.c parsers/tables.c parsers/scan.c parsers/ocr.c parsers/ocrline.c parsers/image.c parsers/ocrfix.c parsers/numcut.c parsers/pdfahead.c parsers/pdf.c \
          parsers/odt.c parsers/txt.c patterns/set.c patterns/header.c patterns/quantity.c patterns/values.c patterns/rating.c patterns/doctype.c patterns/protocol.c patterns/survey.c patterns/pack.c patterns/contents.c output/json.c output/text.c output/csv.c output/db.c output/diff.c output/series.c
# The one C++ file: poppler's core interpreter for what a page draws.
LIB_CXX = parsers/pdfdraw.cc parsers/tessguard.cc
LIB_OBJ = $(LIB_SRC:%.c=$(BUILD)/obj/%.o) $(LIB_CXX:%.cc=$(BUILD)/obj/%.o)
TESTS   = test_lib test_arena test_norm test_classify test_txt test_odt test_pdf test_json test_sniff test_header test_threads test_quantity test_values test_pack test_ocrfix test_ocrline test_scan
TEST_BIN = $(TESTS:%=$(BUILD)/tests/%)
FUZZ    = fuzz_pdf fuzz_pdf_ocr fuzz_odt fuzz_txt fuzz_image fuzz_pack fuzz_writers fuzz_diff fuzz_cli

.PHONY: all help deps demo test check unit golden badinput attack batch db diff pg robustness fidelity install-test \
        layering asan tsan bench bench-batch bench-archive bench-scale bench-diff bench-series bench-ocr bench-scan bench-sign bench-values bench-tables bench-vary corpus-holdout corpus-tables install clean corpus regolden fuzz fuzz-all fuzz-replay

all: $(BUILD)/extract $(BUILD)/libextract.so.$(SOVERSION)

help:
	@echo "make            build build/extract"
	@echo "make demo       install what is missing, build, run on the bundled sample"
	@echo "make test       install what is missing, build, run every test"
	@echo "make check      run every test (no installing)"
	@echo "make attack     hard inputs: memory limits, hostile names and outputs (in make check)"
	@echo "make batch      folders, lists, workers (timeout, crash, memory), manifest, resume (in make check)"
	@echo "make db         the archive database (--db) and extract search (in make check)"
	@echo "make diff       extract diff: pairing rules, restatements, ratings (in make check)"
	@echo "make pg         the archive in a throwaway PostgreSQL: the same rows as SQLite, shards (in make check)"
	@echo "make asan       build with ASan+UBSan and run the tests and fuzz replay"
	@echo "make tsan       documents in parallel threads under ThreadSanitizer (library and --jobs)"
	@echo "make bench      time extract against pdftotext on the 100+ page PDF"
	@echo "make bench-batch   20 one-page scans at -j 2 (REF=other/extract to compare)"
	@echo "make bench-archive 320 documents in year folders: workers, isolation cost, SIGKILL + resume, 10 000 small inputs"
	@echo "make bench-diff    extract diff on 25 generated year pairs (PDF, ODT, scanned) through 5 producers"
	@echo "make bench-series  extract series on 10 generated series of four reports (PDF, ODT; SERIES_ARGS=--scans)"
	@echo "make bench-values  precision and recall on held-out documents"
	@echo "make bench-tables  table detection and cells: own corpus and peer suites"
	@echo "make bench-scale   time and memory against one document's size: 25 000-200 000 rows and paragraphs"
	@echo "make bench-vary    300 documents through 5 producers: values, units, periods, cells, ratings"
	@echo "make bench-ocr     OCR character error rate and speed against the tesseract CLI"
	@echo "make bench-scan    the variation corpus scanned (150-300 dpi, colour/grey/bilevel, skew, JPEG): CER, values, cells"
	@echo "make bench-sign    its minutes scanned signed by hand and stamped: handwriting told from print, the minutes' fields"
	@echo "make corpus     rebuild corpus/ documents (needs LibreOffice)"
	@echo "make regolden   rewrite expected JSON from current output (review the diff!)"
	@echo "make install PREFIX=/usr/local"

deps:
	sh scripts/deps.sh

demo: deps
	$(MAKE) all
	$(BUILD)/extract --format markdown corpus/seed000_tertialrapport.pdf | head -n 60
	@echo "..."
	$(BUILD)/extract corpus/seed000_tertialrapport.pdf | head -n 40
	@echo "... (full JSON: $(BUILD)/extract corpus/seed000_tertialrapport.pdf)"

test:
	sh scripts/deps.sh --test
	$(MAKE) check

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(XCFLAGS) $(PKG_CFLAGS) -MMD -MP -c $< -o $@

# C++ as strict as the C; CXX follows CC (g++ with gcc, clang++ with clang).
CXX      = $(if $(findstring clang,$(CC)),clang++,g++)
XCXXFLAGS = -std=c++17 -fPIC -Wall -Wextra -Werror -Wno-unused-parameter

$(BUILD)/obj/%.o: %.cc
	@mkdir -p $(dir $@)
	$(CXX) $(CFLAGS) $(XCXXFLAGS) $(PKG_CFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/libextract.a: $(LIB_OBJ)
	ar rcs $@ $^

# The shared library exports extract_* alone (extract/extract.map).
$(BUILD)/libextract.so.$(SOVERSION): $(LIB_OBJ) extract/extract.map
	$(CC) $(CFLAGS) -shared -Wl,-soname,libextract.so.$(SOVERSION) \
		-Wl,--version-script=extract/extract.map -Wl,--no-undefined -o $@ $(LIB_OBJ) $(PKG_LIBS)
	ln -sf libextract.so.$(SOVERSION) $(BUILD)/libextract.so

# The program links the static library (one file to install and copy).
PROG_OBJ = $(BUILD)/obj/extract/main.o $(BUILD)/obj/extract/batch.o $(BUILD)/obj/extract/inputs.o
$(BUILD)/extract: $(PROG_OBJ) $(BUILD)/libextract.a
	$(CC) $(CFLAGS) $(XCFLAGS) -o $@ $^ $(PKG_LIBS)

# extract.pc names the prefix it is installed under: made at install.
PC_SED = -e 's|@PREFIX@|$(PREFIX)|' -e 's|@VERSION@|$(VERSION)|' \
	 -e 's|@REQUIRES@|$(LINK_PKGS)|' -e 's|@LIBS@|-lstdc++ -ldl -lm|'

$(BUILD)/tests/%: tests/%.c $(BUILD)/libextract.a tests/testutil.h
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(XCFLAGS) $(PKG_CFLAGS) $(shell pkg-config --cflags cmocka) -o $@ $< \
		$(BUILD)/libextract.a $(PKG_LIBS) $(TEST_LIBS) $(shell pkg-config --libs cmocka)

$(BUILD)/tests/jsoncmp: tests/jsoncmp.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(XCFLAGS) $(shell pkg-config --cflags jansson) -o $@ $< $(shell pkg-config --libs jansson)

$(BUILD)/tests/mkscan: tests/mkscan.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(XCFLAGS) $(shell pkg-config --cflags cairo) -o $@ $< $(shell pkg-config --libs cairo)

$(BUILD)/tests/degrade: tests/degrade.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(XCFLAGS) $(shell pkg-config --cflags lept) -o $@ $< $(shell pkg-config --libs lept) -lm

$(BUILD)/tests/mkjbig2: tests/mkjbig2.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(XCFLAGS) $(shell pkg-config --cflags lept) -o $@ $< $(shell pkg-config --libs lept)

$(BUILD)/tests/cer: tests/cer.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(XCFLAGS) -o $@ $<

$(BUILD)/tests/fuzz/%: tests/fuzz/%.c tests/fuzz/replay.c $(BUILD)/libextract.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(XCFLAGS) $(PKG_CFLAGS) -o $@ $< tests/fuzz/replay.c $(BUILD)/libextract.a $(PKG_LIBS)

$(BUILD)/tests/fuzz/fuzz_pdf_ocr: tests/fuzz/fuzz_pdf.c   # its body

# Every test group; the last line is the total: "N passed, N failed".
check: $(BUILD)/extract $(BUILD)/libextract.so.$(SOVERSION) $(TEST_BIN) $(BUILD)/tests/jsoncmp $(BUILD)/tests/cer $(BUILD)/tests/mkscan \
       $(BUILD)/tests/degrade $(BUILD)/tests/mkjbig2 \
       $(FUZZ:%=$(BUILD)/tests/fuzz/%)
	@sh tests/check.sh $(BUILD)

unit: $(TEST_BIN)
	@sh tests/run_unit.sh $(TEST_BIN)

golden: $(BUILD)/extract $(BUILD)/tests/jsoncmp
	@sh tests/golden.sh $(BUILD)/extract

badinput: $(BUILD)/extract
	@sh tests/badinput.sh $(BUILD)/extract

attack: $(BUILD)/extract $(BUILD)/tests/mkjbig2
	@sh tests/attack.sh $(BUILD)/extract $(BUILD)/tests/mkjbig2

batch: $(BUILD)/extract $(BUILD)/tests/mkscan
	@sh tests/batch.sh $(BUILD)/extract $(BUILD)/tests/mkscan

db: $(BUILD)/extract
	@sh tests/db.sh $(BUILD)/extract

diff: $(BUILD)/extract
	@sh tests/diff.sh $(BUILD)/extract

pg: $(BUILD)/extract
	@sh tests/pg.sh $(BUILD)/extract

fidelity: $(BUILD)/extract $(BUILD)/tests/cer
	@sh tests/fidelity.sh $(BUILD)/extract $(BUILD)/tests/cer

robustness: $(BUILD)/extract
	@sh tests/robustness.sh $(BUILD)/extract

fuzz-replay: $(FUZZ:%=$(BUILD)/tests/fuzz/%)
	@sh tests/fuzz/replay.sh $(BUILD)/tests/fuzz

layering:
	@sh tests/layering.sh

asan:
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
	$(MAKE) BUILD=build-asan CC=gcc \
		CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined -DARENA_DEBUG" \
		check

# Every target in turn, MINUTES each: make fuzz-all MINUTES=10
MINUTES ?= 1
fuzz-all:
	for t in $(FUZZ); do $(MAKE) fuzz FUZZ_TARGET=$$t FUZZ_SECONDS=$$(($(MINUTES) * 60)) || exit 1; done

# Coverage-guided fuzzing with libFuzzer (clang): make fuzz FUZZ_TARGET=fuzz_pdf
# (ASan's quarantine of freed memory a quarter of its default, 64 MB, and
# allocation stacks 12 frames deep: the PDF target's pages drawn and
# OCR'd allocate much, and fresh pages faulted in cost a third of its time;
# set ASAN_OPTIONS to choose otherwise; Tesseract's OpenMP threads held to
# one: on two cores they cost a page's OCR 15 % in waking each other)
FUZZ_TARGET ?= fuzz_pdf
FUZZ_SECONDS ?= 60
# ThreadSanitizer on the two-threads test, a batch with --jobs 2, and a
# two-page scan whose pages OCR reads in two workers. glib's slice allocator is not
# instrumented and reads as races; plain malloc is.
tsan:
	$(MAKE) BUILD=build-tsan CFLAGS="-O1 -g -fsanitize=thread" build-tsan/tests/test_threads build-tsan/extract \
		build-tsan/tests/mkscan build-tsan/tests/test_lib
	G_SLICE=always-malloc TSAN_OPTIONS=halt_on_error=1 sh tests/run_unit.sh build-tsan/tests/test_threads \
		build-tsan/tests/test_lib
	# --in-process: documents in threads of one process (workers would
	# each read one at a time)
	G_SLICE=always-malloc TSAN_OPTIONS=halt_on_error=1 build-tsan/extract --in-process --ndjson -j 2 \
		corpus/seed000_tertialrapport.pdf corpus/seed001_memo.odt corpus/seed003_utvardering.pdf \
		corpus/seed004_protokoll.fodt corpus/seed002_rapport.pdf corpus/tables/ruled_1.pdf > /dev/null
	# one document, its pages' text read ahead by two helper threads
	G_SLICE=always-malloc TSAN_OPTIONS=halt_on_error=1 build-tsan/extract --in-process -j 3 --pages 1-14 \
		corpus/long_verksamhetsberattelse.pdf > /dev/null
	pdftoppm -r 100 -gray -png -f 1 -l 2 corpus/seed000_tertialrapport.pdf build-tsan/scan
	build-tsan/tests/mkscan build-tsan/scan-1.png build-tsan/scan-2.png build-tsan/scan.pdf
	# (a worker's report goes to a file, whole: the worker's error line keeps one line of it)
	rm -f build-tsan/tsan-worker.*
	G_SLICE=always-malloc TSAN_OPTIONS="halt_on_error=1 log_path=$(CURDIR)/build-tsan/tsan-worker" \
		build-tsan/extract -j 2 build-tsan/scan.pdf > /dev/null || { cat build-tsan/tsan-worker.* 2>/dev/null; exit 1; }
	# two scans, two documents at once: one OCR service, its engines handed between them
	G_SLICE=always-malloc TSAN_OPTIONS=halt_on_error=1 build-tsan/extract --in-process -j 2 --ndjson build-tsan/scan-1.png \
		build-tsan/scan-2.png build-tsan/scan-1.png > /dev/null

fuzz:
	$(MAKE) BUILD=build-fuzz CC=clang \
		CFLAGS="-O1 -g -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -DARENA_DEBUG" \
		build-fuzz/libextract.a
	clang -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined -fsanitize-link-c++-runtime $(PKG_CFLAGS) -o build-fuzz/$(FUZZ_TARGET) \
		tests/fuzz/$(FUZZ_TARGET).c build-fuzz/libextract.a $(PKG_LIBS)
	mkdir -p build-fuzz/corpus-$(FUZZ_TARGET)
	ASAN_OPTIONS=$${ASAN_OPTIONS:-quarantine_size_mb=64:malloc_context_size=12} \
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 OMP_THREAD_LIMIT=1 \
	build-fuzz/$(FUZZ_TARGET) -max_total_time=$(FUZZ_SECONDS) -timeout=20 -rss_limit_mb=4096 \
		build-fuzz/corpus-$(FUZZ_TARGET) tests/fuzz/corpus/$(patsubst %_ocr,%,$(subst fuzz_,,$(FUZZ_TARGET)))

bench: $(BUILD)/extract
	@sh tests/bench.sh $(BUILD)/extract

# REF=path/to/extract: an earlier build run in the same rounds.
bench-batch: $(BUILD)/extract
	@/usr/bin/python3 tests/bench_batch.py $(BUILD)/extract

bench-archive: $(BUILD)/extract $(BUILD)/tests/mkscan
	@/usr/bin/python3 tests/bench_archive.py $(BUILD)/extract

bench-tables: $(BUILD)/extract
	@/usr/bin/python3 tests/bench_tables.py $(BUILD)/extract

bench-scale: $(BUILD)/extract
	@/usr/bin/python3 tests/bench_scale.py $(BUILD)/extract

# The variation corpus is made once per generator version into
# $(BUILD)/vary (VARY_N documents, seed VARY_SEED), never committed.
VARY_N ?= 300
VARY_SEED ?= 2026
$(BUILD)/vary/.stamp-$(VARY_N)-$(VARY_SEED): corpus/gen_vary.py
	sh scripts/deps.sh --vary
	rm -rf $(BUILD)/vary
	/usr/bin/python3 corpus/gen_vary.py $(BUILD)/vary $(VARY_N) $(VARY_SEED)
	touch $@

# Year pairs for extract diff, made once into $(BUILD)/pairs.
PAIRS_N ?= 25
$(BUILD)/pairs/.stamp-$(PAIRS_N)-$(VARY_SEED): corpus/gen_pairs.py corpus/gen_vary.py
	sh scripts/deps.sh --vary
	rm -rf $(BUILD)/pairs
	/usr/bin/python3 corpus/gen_pairs.py $(BUILD)/pairs $(PAIRS_N) $(VARY_SEED)
	touch $@

bench-diff: $(BUILD)/extract $(BUILD)/tests/mkscan $(BUILD)/pairs/.stamp-$(PAIRS_N)-$(VARY_SEED)
	@/usr/bin/python3 tests/bench_diff.py $(BUILD)/extract $(BUILD)/pairs

# Report series for extract series, made once into $(BUILD)/series.
SERIES_N ?= 10
$(BUILD)/series/.stamp-$(SERIES_N)-$(VARY_SEED): corpus/gen_series.py corpus/gen_pairs.py corpus/gen_vary.py
	sh scripts/deps.sh --vary
	rm -rf $(BUILD)/series
	/usr/bin/python3 corpus/gen_series.py $(BUILD)/series $(SERIES_N) $(VARY_SEED)
	touch $@

bench-series: $(BUILD)/extract $(BUILD)/tests/mkscan $(BUILD)/series/.stamp-$(SERIES_N)-$(VARY_SEED)
	@/usr/bin/python3 tests/bench_series.py $(BUILD)/extract $(BUILD)/series $(SERIES_ARGS)

bench-vary: $(BUILD)/extract $(BUILD)/vary/.stamp-$(VARY_N)-$(VARY_SEED)
	@/usr/bin/python3 tests/bench_vary.py $(BUILD)/extract $(BUILD)/vary

bench-ocr: $(BUILD)/extract $(BUILD)/tests/cer $(BUILD)/tests/degrade $(BUILD)/tests/mkscan
	@/usr/bin/python3 tests/bench_ocr.py $(BUILD)/extract $(BUILD)/tests/cer $(BUILD)/tests/degrade \
		$(BUILD)/tests/mkscan

# SCAN_N documents of the variation corpus, scanned three ways.
SCAN_N ?= 40
bench-scan: $(BUILD)/extract $(BUILD)/tests/cer $(BUILD)/tests/degrade $(BUILD)/tests/mkscan \
	    $(BUILD)/vary/.stamp-$(VARY_N)-$(VARY_SEED)
	@/usr/bin/python3 tests/bench_scan.py $(BUILD)/extract $(BUILD)/tests/cer $(BUILD)/tests/degrade \
		$(BUILD)/tests/mkscan $(BUILD)/vary --n $(SCAN_N)

# SIGN_N sets of minutes of the variation corpus, scanned signed and unsigned.
SIGN_N ?= 30
bench-sign: $(BUILD)/extract $(BUILD)/tests/degrade $(BUILD)/tests/mkscan \
	    $(BUILD)/vary/.stamp-$(VARY_N)-$(VARY_SEED)
	@/usr/bin/python3 tests/bench_sign.py $(BUILD)/extract $(BUILD)/tests/degrade $(BUILD)/tests/mkscan \
		$(BUILD)/vary --n $(SIGN_N)

bench-values: $(BUILD)/extract
	@/usr/bin/python3 tests/bench_values.py $(BUILD)/extract

corpus:
	sh scripts/deps.sh --corpus
	/usr/bin/python3 corpus/gen.py

corpus-tables:
	sh scripts/deps.sh --corpus
	/usr/bin/python3 corpus/tables/gen_tables.py

corpus-holdout:
	sh scripts/deps.sh --corpus
	/usr/bin/python3 corpus/gen_holdout.py

regolden: $(BUILD)/extract $(BUILD)/tests/jsoncmp
	@sh tests/golden.sh $(BUILD)/extract --update

# Binary, libraries (shared with its soname link, static), header,
# extract.pc, man pages, schema and the shipped pattern packs.
install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib/pkgconfig $(DESTDIR)$(PREFIX)/include \
		$(DESTDIR)$(PREFIX)/share/extract/patterns $(DESTDIR)$(PREFIX)/share/man/man1 \
		$(DESTDIR)$(PREFIX)/share/man/man3
	install -m 755 $(BUILD)/extract $(DESTDIR)$(PREFIX)/bin/extract
	install -m 755 $(BUILD)/libextract.so.$(SOVERSION) $(DESTDIR)$(PREFIX)/lib/
	ln -sf libextract.so.$(SOVERSION) $(DESTDIR)$(PREFIX)/lib/libextract.so
	install -m 644 $(BUILD)/libextract.a $(DESTDIR)$(PREFIX)/lib/
	sed $(PC_SED) extract/extract.pc.in > $(DESTDIR)$(PREFIX)/lib/pkgconfig/extract.pc
	install -m 644 include/extract.h $(DESTDIR)$(PREFIX)/include/
	install -m 644 output/schema.json $(DESTDIR)$(PREFIX)/share/extract/schema.json
	install -m 644 patterns/packs/*.pat $(DESTDIR)$(PREFIX)/share/extract/patterns/
	install -m 644 extract/extract.1 $(DESTDIR)$(PREFIX)/share/man/man1/extract.1
	install -m 644 extract/extract.3 $(DESTDIR)$(PREFIX)/share/man/man3/extract.3

clean:
	rm -rf build build-asan build-fuzz build-tsan

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
