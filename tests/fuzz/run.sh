#!/bin/sh
# run.sh - `make fuzz`: runs each libFuzzer harness named on the command
# line (build-fuzz/fuzz/fuzz_NAME, built by make) for FUZZ_TIME seconds
# (default 60) with a length cap, a per-input timeout, the report-token
# dictionary and the seed corpus tests/fuzz/corpus_NAME.  New inputs go to
# build-fuzz/corpus/NAME (the seeds stay as they are); a crash leaves
# build-fuzz/crash-NAME-* - minimize it (-minimize_crash=1) and keep it in
# tests/fuzz/regress/NAME/, which `make test` replays.  POSIX sh.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out=${FUZZ_OUT:-$root/build-fuzz}
time=${FUZZ_TIME:-60}
status=0
for name in "$@"; do
  case $name in
  pdf) max_len=16384 timeout=10 ;;
  figures) max_len=8192 timeout=5 ;;
  *) max_len=4096 timeout=5 ;;
  esac
  mkdir -p "$out/corpus/$name"
  echo "== fuzz_$name: $time s, -max_len=$max_len"
  "$out/fuzz/fuzz_$name" -max_total_time="$time" -max_len="$max_len" \
    -timeout="$timeout" -rss_limit_mb=2048 -print_final_stats=1 \
    -dict="$here/govfig.dict" -artifact_prefix="$out/crash-$name-" \
    "$out/corpus/$name" "$here/corpus_$name" || status=1
done
exit $status
