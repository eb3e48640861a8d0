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
	GOVFIG=$(GOVFIG) sh tests/regress.sh || fail=1; \
	d=$$(mktemp -d) && $(MAKE) -s install DESTDIR=$$d >/dev/null && \
	  [ -x $$d$(PREFIX)/bin/govfig ] && $(MAKE) -s uninstall DESTDIR=$$d && \
	  [ -z "$$(find $$d ! -type d)" ] && echo "install: 1 passed, 0 failed" || \
	  { echo "install: 0 passed, 1 failed"; fail=1; }; rm -rf $$d; exit $$fail

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

# make install: PREFIX (default /usr/local) under DESTDIR; uninstall
# removes exactly what install put there.
LIBDIR := $(PREFIX)/lib
INSTALLED := $(PREFIX)/include/govfig.h $(LIBDIR)/libgovfig.a \
  $(LIBDIR)/libgovfig.so.0 $(LIBDIR)/libgovfig.so $(PREFIX)/bin/govfig \
  $(PREFIX)/share/man/man1/govfig.1 $(LIBDIR)/pkgconfig/govfig.pc

install: $(GOVFIG) $(BUILDDIR)/libgovfig.a $(BUILDDIR)/libgovfig.so.0
	install -d $(DESTDIR)$(PREFIX)/include $(DESTDIR)$(LIBDIR)/pkgconfig \
	  $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 644 include/govfig.h $(DESTDIR)$(PREFIX)/include/
	install -m 644 $(BUILDDIR)/libgovfig.a $(DESTDIR)$(LIBDIR)/
	install -m 755 $(BUILDDIR)/libgovfig.so.0 $(DESTDIR)$(LIBDIR)/
	ln -sf libgovfig.so.0 $(DESTDIR)$(LIBDIR)/libgovfig.so
	install -m 755 $(GOVFIG) $(DESTDIR)$(PREFIX)/bin/govfig
	install -m 644 cli/govfig.1 $(DESTDIR)$(PREFIX)/share/man/man1/
	printf '%s\n' 'prefix=$(PREFIX)' 'Name: govfig' \
	  'Description: figures from Chinese government report PDFs' \
	  'Version: 0.1.0' 'Cflags: -I$${prefix}/include' \
	  'Libs: -L$(LIBDIR) -lgovfig' 'Requires.private: $(PKGS)' \
	  'Libs.private: -lpthread -lm' >$(DESTDIR)$(LIBDIR)/pkgconfig/govfig.pc

uninstall:
	rm -f $(addprefix $(DESTDIR),$(INSTALLED))

clean:
	rm -rf build build-san build-fuzz govfig

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(TEST_BIN:=.d)
