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
# the short report: the sample's first 15 pages (a tenth of the long one)
pdfseparate -f 1 -l 15 "$s" "$tmp/p%02d.pdf"
pdfunite "$tmp"/p[0-9][0-9].pdf "$tmp/short.pdf"
pdftotext "$s" "$tmp/sample.txt"
pages() { pdfinfo "$1" | awk '/^Pages/ {print $2}'; }
echo "long report: $(pages "$tmp/long.pdf") pages; short report: $(pages "$tmp/short.pdf") pages"
mkdir "$tmp/batch"
i=10
while [ $i -lt 30 ]; do
  cp "$s" "$tmp/batch/r$i.pdf"
  i=$((i + 1))
done
"$BENCH" "$GOVFIG" "$tmp/long.pdf" "$tmp/short.pdf" "$tmp/sample.txt" "${PAIRS:-5}" \
  "$tmp/batch"
