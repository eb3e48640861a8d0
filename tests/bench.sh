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

# govfig track against govfig extract on 30 reports (ten copies of each
# series report under their own names), CPU time, alternating runs, the
# median of the per-pair ratios (issue: track <= 1.2x extract).
mkdir "$tmp/series"
for y in 2014 2015 2016; do
  i=10
  while [ $i -lt 20 ]; do
    cp "$top/samples/series/hailar-$y.pdf" "$tmp/series/s$i-$y.pdf"
    i=$((i + 1))
  done
done
python3 - "$GOVFIG" "$tmp/series" "$tmp/out" "${PAIRS:-5}" <<'PY'
import resource, subprocess, sys
govfig, inputs, out, pairs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
def cpu(cmd):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
ratios, ex, tr = [], [], []
for _ in range(pairs):
    e = cpu([govfig, "extract", "-q", "-j", "1", "-o", out, inputs])
    t = cpu([govfig, "track", "-q", "-j", "1", "-o", out, inputs])
    ex.append(e); tr.append(t); ratios.append(t / e)
med = lambda v: sorted(v)[len(v) // 2]
print(f"track / extract, 30 reports, -j 1, CPU time: {med(ratios):.2f}x "
      f"(track {med(tr):.2f} s, extract {med(ex):.2f} s)")
PY

# govfig view at 96 dpi against pdftoppm -r 96 -png on the same PDF (the
# sample, 29 pages), side by side: alternating runs, medians of the
# per-pair ratios of wall and CPU time (issue 14: view <= 1.3x pdftoppm).
# govfig also extracts the figures and writes index.html; -j 1 draws in
# one thread as pdftoppm does, the default in one per core.
python3 - "$GOVFIG" "$s" "$tmp/view" "${PAIRS:-5}" <<'PY'
import os, resource, subprocess, sys, time
govfig, pdf, out, pairs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
os.makedirs(out + "-ppm", exist_ok=True)
def run(cmd):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.monotonic()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    wall = time.monotonic() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
med = lambda v: sorted(v)[len(v) // 2]
cores = os.cpu_count()
for jobs in ("1", str(cores)):
    rw, rc, gw, pw = [], [], [], []
    for _ in range(pairs):
        g = run([govfig, "view", "-q", "-j", jobs, "--dpi", "96", "-o", out, pdf])
        p = run(["pdftoppm", "-r", "96", "-png", pdf, out + "-ppm/p"])
        rw.append(g[0] / p[0]); rc.append(g[1] / p[1]); gw.append(g[0]); pw.append(p[0])
    print(f"view / pdftoppm -r 96 -png, 29 pages, -j {jobs}: wall {med(rw):.2f}x, "
          f"CPU {med(rc):.2f}x (view {med(gw):.2f} s, pdftoppm {med(pw):.2f} s wall)")
PY
