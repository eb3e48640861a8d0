#!/bin/sh
# make bench: builds a ~150-page report by repeating the sample five times
# (pdfunite, poppler-utils) and a batch of 20 copies of the sample, and runs
# tests/bench.c on them.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
BENCH=${BENCH:-$top/build/tests/bench}
GOVFIG=${GOVFIG:-$top/govfig}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
s=$top/samples/licheng-2023.pdf
pdfunite "$s" "$s" "$s" "$s" "$s" "$tmp/long.pdf"
pdftotext "$s" "$tmp/sample.txt"
echo "long report: $(pdfinfo "$tmp/long.pdf" | awk '/^Pages/ {print $2}') pages; short report: $(pdfinfo "$s" | awk '/^Pages/ {print $2}') pages"
mkdir "$tmp/batch"
i=10
while [ $i -lt 30 ]; do
  cp "$s" "$tmp/batch/r$i.pdf"
  i=$((i + 1))
done
"$BENCH" "$GOVFIG" "$tmp/long.pdf" "$s" "$tmp/sample.txt" "${PAIRS:-5}" \
  "$tmp/batch"
