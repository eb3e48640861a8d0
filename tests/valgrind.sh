#!/bin/sh
# valgrind.sh - run by hand: tests/hard.sh's bad inputs and small batches
# (-j 2: worker and page threads) under valgrind's memcheck.  A memory
# error or a definite leak prints valgrind's report on stderr, which breaks
# hard.sh's "one line on stderr" checks, and exits 99.  Poppler's and
# GLib's one-time allocations are still reachable at exit, not leaks.
#   sh tests/valgrind.sh            (GOVFIG as for hard.sh)
set -u
here=$(cd "$(dirname "$0")" && pwd)
if ! command -v valgrind >/dev/null 2>&1; then
  echo "valgrind.sh: valgrind not found" >&2
  exit 2
fi
WRAP="valgrind -q --error-exitcode=99 --leak-check=full"
WRAP="$WRAP --suppressions=$here/valgrind.supp"
WRAP="$WRAP --errors-for-leak-kinds=definite --show-leak-kinds=definite"
export WRAP
exec sh "$here/hard.sh"
