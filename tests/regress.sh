#!/bin/sh
# Accuracy regression: extracts the sample reports and scores the CSV
# against the hand-checked gold (tests/data/gold, copied from shared/gold)
# with tests/score.py.  Fails when a score drops below its floor.
# Prints "N passed, M failed".
set -u
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
GOVFIG=${GOVFIG:-$top/govfig}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
pass=0
fail=0

# score NAME PDF MIN_RECALL MIN_PRECISION MIN_INDICATOR MIN_MEASURE MIN_KIND
#       MIN_PERIOD MIN_BOUND
score() {
  name=$1 pdf=$2
  mkdir -p "$tmp/$name"
  if ! "$GOVFIG" extract -q -o "$tmp/$name" "$pdf" 2>"$tmp/$name.err"; then
    echo "FAIL $name: extract failed: $(head -1 "$tmp/$name.err")"
    fail=$((fail + 1))
    return
  fi
  python3 "$here/score.py" figures "$here/data/gold/$name.figures.jsonl" \
    "$here/data/$name.pages.txt" "$tmp/$name/figures.csv" >"$tmp/$name.score"
  python3 - "$tmp/$name.score" "$name" "$3" "$4" "$5" "$6" "$7" "$8" "$9" \
    <<'PY'
import sys
got = {}
for line in open(sys.argv[1]):
    k, _, v = line.partition(":")
    try:
        got[k.strip()] = float(v)
    except ValueError:
        pass
floors = dict(zip(["recall", "precision", "indicator", "measure", "kind",
                   "period", "bound"], map(float, sys.argv[3:10])))
bad = [f"{k} {got.get(k, 0):.3f} < {v}" for k, v in floors.items()
       if got.get(k, 0) + 1e-9 < v]
print(sys.argv[2] + ": " + " ".join(f"{k} {got.get(k, 0):.3f}" for k in floors))
sys.exit(1 if bad else 0)
PY
  if [ $? -eq 0 ]; then pass=$((pass + 1)); else
    echo "FAIL $name: below the floor"; fail=$((fail + 1)); fi
}

# floors: recall precision indicator measure kind period bound
score licheng-2023 "$top/samples/licheng-2023.pdf" \
  0.99 0.99 0.975 0.99 0.99 0.99 0.99
score qiandongnan-2016 "$top/samples/qiandongnan-2016.pdf" 0.99 0.99 0.985 \
  0.99 0.99 0.99 0.99
score zhoukou-2023 "$here/data/wild/zhoukou-2023-communique.pdf" 0.99 0.99 \
  0.985 0.99 0.99 0.99 0.99

# The series: three yearly 政府工作报告 of one district (samples/series),
# hand-checked headline figures of each review and each 主要预期目标
# sentence (tests/data/gold/hailar-*.figures.jsonl, read off the texts):
# every one found with its kind, period and indicator, and the same
# indicator_key across the years (tests/keys.py).  Pages come from
# pdftotext, as the scorer expects.
for y in 2014 2015 2016; do
  name=hailar-$y
  pdftotext "$top/samples/series/$name.pdf" "$tmp/$name.pages.txt"
  mkdir -p "$tmp/$name"
  if "$GOVFIG" extract -q -o "$tmp/$name" "$top/samples/series/$name.pdf" &&
     python3 "$here/score.py" figures "$here/data/gold/$name.figures.jsonl" \
       "$tmp/$name.pages.txt" "$tmp/$name/figures.csv" >"$tmp/$name.score" &&
     awk -F': ' '($1 == "recall" || $1 == "kind" || $1 == "period" ||
                  $1 == "indicator") && $2 < 1 {bad = 1} END {exit bad}' \
       "$tmp/$name.score" &&
     python3 "$here/keys.py" "$here/data/gold/$name.figures.jsonl" \
       "$tmp/$name.pages.txt" "$tmp/$name/figures.csv" >"$tmp/$name.keys"
  then
    echo "$name: $(grep -E '^(recall|indicator|kind|period)' "$tmp/$name.score" | tr '\n' ' ')$(tail -1 "$tmp/$name.keys")"
    pass=$((pass + 1))
  else
    echo "FAIL $name: $(grep -E '^(recall|indicator|kind|period)' "$tmp/$name.score" | tr '\n' ' ')"
    cat "$tmp/$name.keys" 2>/dev/null
    fail=$((fail + 1))
  fi
done

# A variant nobody annotated by hand: the sample's text with full-width
# digits, %, . and Kangxi/supplement radical look-alikes (⼀ ⼈ ⼤ ⻓ ⻔), as
# broken PDF fonts give them, read as .txt: the same floors must hold.
python3 - "$here/data/licheng-2023.pages.txt" "$tmp/variant.txt" <<'PY'
import sys
s = open(sys.argv[1], encoding="utf-8").read()
s = "".join(chr(ord(c) + 0xFEE0) if c.isdigit() or c in ".%" else c for c in s)
for a, b in zip("一人大长门", "⼀⼈⼤⻓⻔"):
    s = s.replace(a, b)
open(sys.argv[2], "w", encoding="utf-8").write(s)
PY
if "$GOVFIG" extract -q -o "$tmp/variant" "$tmp/variant.txt" &&
   python3 "$here/score.py" figures "$here/data/gold/licheng-2023.figures.jsonl" \
     "$tmp/variant.txt" "$tmp/variant/figures.csv" >"$tmp/variant.score" &&
   awk -F': ' '$1 == "recall" && $2 < 0.97 {bad = 1}
               $1 == "precision" && $2 < 0.97 {bad = 1}
               $1 == "indicator" && $2 < 0.90 {bad = 1}
               END {exit bad}' "$tmp/variant.score"; then
  echo "licheng-2023 full-width/radical variant: $(grep -E '^(recall|precision|indicator)' "$tmp/variant.score" | tr '\n' ' ')"
  pass=$((pass + 1))
else
  echo "FAIL licheng-2023 full-width/radical variant: $(grep -E '^(recall|precision|indicator)' "$tmp/variant.score" | tr '\n' ' ')"
  fail=$((fail + 1))
fi

# Parcels of the sample's annex: every boundary, name and land use exact,
# no extra rows.
if python3 "$here/score.py" parcels "$here/data/gold/licheng-2023.parcels.jsonl" \
     "$tmp/licheng-2023/parcels.csv" >"$tmp/parcels.score" &&
   grep -qx 'exact_boundaries: 12' "$tmp/parcels.score" &&
   grep -qx 'names_and_use: 12' "$tmp/parcels.score" &&
   grep -qx 'extra_rows: 0' "$tmp/parcels.score"; then
  echo "licheng-2023 parcels: $(grep -E '^(exact|names|extra)' "$tmp/parcels.score" | tr '\n' ' ')"
  pass=$((pass + 1))
else
  echo "FAIL licheng-2023 parcels: $(tr '\n' ' ' <"$tmp/parcels.score")"
  fail=$((fail + 1))
fi

# Every real PDF as published: exit 0 and some figures.
for pdf in "$here"/data/wild/*.pdf; do
  n=$(basename "$pdf" .pdf)
  mkdir -p "$tmp/w-$n"
  # exit 0, some figures, and every row proved against the PDF
  if "$GOVFIG" extract -q -o "$tmp/w-$n" "$pdf" 2>/dev/null &&
     [ "$(wc -l <"$tmp/w-$n/figures.csv")" -gt 10 ] &&
     "$GOVFIG" check "$pdf" "$tmp/w-$n/figures.csv" >/dev/null 2>&1; then
    pass=$((pass + 1))
  else
    echo "FAIL wild $n: no figures, non-zero exit, or rows that check fails"; fail=$((fail + 1))
  fi
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
