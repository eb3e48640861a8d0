# lib.sh - the harness the end-to-end shell tests share (cli.sh, check.sh,
# hard.sh): finds the govfig binary, makes a scratch directory removed on
# exit, counts checks and prints the closing "N passed, M failed" line.
# Sourced with $suite set to the script's name.  POSIX sh.

set -u

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
GOVFIG=${GOVFIG:-./govfig}
case $GOVFIG in
/*) ;;
*) GOVFIG=$(pwd)/$GOVFIG ;;
esac
if [ ! -x "$GOVFIG" ]; then
  echo "$suite.sh: $GOVFIG: not an executable (build it with make)" >&2
  exit 2
fi

# KEEP=1 leaves the scratch directory for a look after a failure.
tmp=$(mktemp -d "${TMPDIR:-/tmp}/govfig-$suite.XXXXXX") || exit 2
trap 'chmod -R u+rwx "$tmp" 2>/dev/null; [ -n "${KEEP:-}" ] || rm -rf "$tmp"' \
  EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

passed=0
failed=0
skipped=0
pass() { passed=$((passed + 1)); }
fail() {
  failed=$((failed + 1))
  printf 'FAIL: %s\n' "$*"
}
skip() {
  skipped=$((skipped + 1))
  printf 'skip: %s\n' "$*"
}
# check DESCRIPTION COMMAND...: passes when COMMAND succeeds.
check() {
  desc=$1
  shift
  if "$@"; then pass; else fail "$desc"; fi
}
is_eq() { [ "$1" = "$2" ]; }
# The number of lines of a file, 0 when it does not exist.
lines() { if [ -f "$1" ]; then echo $(($(wc -l <"$1"))); else echo 0; fi; }

# The closing line the CI reads, and the status.
finish() {
  echo "$passed passed, $failed failed"
  [ "$failed" = 0 ]
}
