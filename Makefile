# govfig - the only build entry point.  See README.md.
CC ?= cc
CFLAGS ?= -O2 -g
PREFIX ?= /usr/local
BUILDDIR ?= build
PKGS := poppler-glib libpcre2-8 libutf8proc
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS))
PKG_LIBS := $(shell pkg-config --libs $(PKGS)) -lpthread
CMOCKA_LIBS := $(shell pkg-config --libs cmocka)
WARN := -std=c11 -Wall -Wextra -Werror -pedantic -Wstrict-prototypes -Wshadow
ALL_CPPFLAGS := -I. -D_POSIX_C_SOURCE=200809L -DGF_SRCDIR='"$(CURDIR)"' $(CPPFLAGS)
ALL_CFLAGS := $(WARN) -fPIC -fvisibility=hidden -MMD -MP $(CFLAGS)

LIB_SRC := $(sort $(wildcard extract/*.c normalize/*.c export/*.c))
LIB_OBJ := $(LIB_SRC:%.c=$(BUILDDIR)/%.o)
CLI_SRC := $(sort $(wildcard cli/*.c))
CLI_OBJ := $(CLI_SRC:%.c=$(BUILDDIR)/%.o)
TEST_SRC := $(sort $(wildcard tests/test_*.c))
TEST_BIN := $(TEST_SRC:tests/%.c=$(BUILDDIR)/tests/%)
FUZZ_NAMES := normalize numbers figures csv pdf
REPLAY_BIN := $(FUZZ_NAMES:%=$(BUILDDIR)/tests/replay_%)
FUZZ_BIN := $(FUZZ_NAMES:%=$(BUILDDIR)/fuzz/fuzz_%)
FUZZ_TIME ?= 60

GOVFIG := ./govfig
ifneq ($(BUILDDIR),build)
GOVFIG := $(BUILDDIR)/govfig
endif

.PHONY: all test check bench clean golden install uninstall fuzz fuzz-bins
all: $(GOVFIG)

$(BUILDDIR)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CPPFLAGS) $(PKG_CFLAGS) $(ALL_CFLAGS) -c $< -o $@

$(BUILDDIR)/libgovfig.a: $(LIB_OBJ)
	rm -f $@
	ar rcs $@ $^

$(BUILDDIR)/libgovfig.so.0: $(LIB_OBJ)
	$(CC) -shared -Wl,-soname,libgovfig.so.0 $(LDFLAGS) $(CFLAGS) -o $@ $^ $(PKG_LIBS)

$(GOVFIG): $(CLI_OBJ) $(BUILDDIR)/libgovfig.a
	$(CC) $(LDFLAGS) $(CFLAGS) -o $@ $(CLI_OBJ) $(BUILDDIR)/libgovfig.a $(PKG_LIBS) -lm

$(BUILDDIR)/tests/%: tests/%.c $(BUILDDIR)/libgovfig.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CPPFLAGS) $(PKG_CFLAGS) $(ALL_CFLAGS) -o $@ $< $(BUILDDIR)/libgovfig.a $(CMOCKA_LIBS) $(PKG_LIBS) -lm

# A fuzz harness without libFuzzer: replays files (tests/fuzz/replay.c).
$(BUILDDIR)/tests/replay_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c $(BUILDDIR)/libgovfig.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -o $@ $< tests/fuzz/replay.c $(BUILDDIR)/libgovfig.a $(PKG_LIBS) -lm

# Every cmocka binary, the fuzz crashers and seeds replayed, then the CLI
# end-to-end, bad-input and regression tests.
test: $(GOVFIG) $(TEST_BIN) $(REPLAY_BIN) $(BUILDDIR)/libgovfig.so.0
	@fail=0; for t in $(TEST_BIN); do echo "== $$t"; $$t || fail=1; done; \
	for n in $(FUZZ_NAMES); do \
	  $(BUILDDIR)/tests/replay_$$n tests/fuzz/corpus_$$n \
	    $$(ls -d tests/fuzz/regress/$$n 2>/dev/null) || fail=1; done; \
	GOVFIG=$(GOVFIG) sh tests/cli.sh || fail=1; \
	GOVFIG=$(GOVFIG) sh tests/check.sh || fail=1; \
	GOVFIG=$(GOVFIG) sh tests/hard.sh || fail=1; \
	GOVFIG=$(GOVFIG) sh tests/regress.sh || fail=1; exit $$fail

SAN := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all
# Leak reports name only third-party frames in tests/lsan.supp.
check:
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp \
	  $(MAKE) BUILDDIR=build-san CFLAGS="$(SAN)" \
	  LDFLAGS="-fsanitize=address,undefined" test

$(BUILDDIR)/tests/bench: tests/bench.c $(BUILDDIR)/libgovfig.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -o $@ $< $(BUILDDIR)/libgovfig.a $(PKG_LIBS) -lm

bench: $(GOVFIG) $(BUILDDIR)/tests/bench
	GOVFIG=$(GOVFIG) BENCH=$(BUILDDIR)/tests/bench sh tests/bench.sh

# make fuzz: libFuzzer harnesses (clang) over a sanitized library in
# build-fuzz/, each run for FUZZ_TIME seconds (tests/fuzz/run.sh).
FUZZ_CFLAGS := -O1 -g -fno-omit-frame-pointer -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all
fuzz:
	$(MAKE) BUILDDIR=build-fuzz CC=clang CFLAGS="$(FUZZ_CFLAGS)" fuzz-bins
	FUZZ_TIME=$(FUZZ_TIME) sh tests/fuzz/run.sh $(FUZZ_NAMES)

fuzz-bins: $(FUZZ_BIN)

$(BUILDDIR)/fuzz/fuzz_%: tests/fuzz/fuzz_%.c $(BUILDDIR)/libgovfig.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -fsanitize=fuzzer,address,undefined -o $@ $< $(BUILDDIR)/libgovfig.a $(PKG_LIBS) -lm

golden: $(GOVFIG)
	sh tests/cli.sh --update

clean:
	rm -rf build build-san build-fuzz govfig

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(TEST_BIN:=.d)
