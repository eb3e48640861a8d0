#!/bin/sh
# track.sh - end-to-end tests of `govfig track` on samples/series: the
# hand-checked gold (tests/data/track/series.gold.csv, scored by
# tests/track_score.py: every gold target present, no met/missed swapped,
# agreement not below its floor), the same rows from PDFs, texts and a
# figures.csv in any order, the summary, the outputs and bad inputs.
# Prints "N passed, M failed".
suite=track
. "$(dirname "$0")/lib.sh"

series=$root/samples/series
gold=$root/tests/data/track/series.gold.csv
# Pairs of the gold (targets with a next report) that agree today; a drop
# means an outcome changed.
FLOOR=18

"$GOVFIG" track -o "$tmp/pdf" "$series"/hailar-2014.pdf \
  "$series"/hailar-2015.pdf "$series"/hailar-2016.pdf 2>"$tmp/pdf.err"
check "track on the series PDFs exits 0" is_eq $? 0
check "track.csv written" test -s "$tmp/pdf/track.csv"
check "no temporary file left" is_eq "$(ls -A "$tmp/pdf")" track.csv
if python3 "$here/track_score.py" "$gold" "$tmp/pdf/track.csv" $FLOOR \
  >"$tmp/score"; then
  pass
else
  fail "gold score: $(cat "$tmp/score")"
fi
check "summary per target year on stderr" \
  grep -q '^targets of 2014: [0-9]*, met [0-9]*, missed [0-9]*, unknown' \
  "$tmp/pdf.err"
check "header: records.md's columns then the raws" is_eq \
  "$(head -1 "$tmp/pdf/track.csv" | tr -d '\r')" \
  "target_doc,target_page,target_start,target_end,indicator,indicator_key,period,measure,target_value,target_value_max,target_unit,target_bound,actual_doc,actual_page,actual_start,actual_end,actual_indicator,actual_value,actual_unit,outcome,reason,target_raw,actual_raw"

# Any order of inputs, and a figures.csv (with a BOM) instead of the PDFs.
"$GOVFIG" track -q "$series"/hailar-2016.pdf "$series"/hailar-2014.pdf \
  "$series"/hailar-2015.pdf >"$tmp/rev.csv"
check "rows do not depend on the order of the inputs" \
  cmp -s "$tmp/rev.csv" "$tmp/pdf/track.csv"
"$GOVFIG" extract -q -o "$tmp/ex" "$series"/hailar-201[456].pdf
printf '\357\273\277' >"$tmp/bom.csv"
cat "$tmp/ex/figures.csv" >>"$tmp/bom.csv"
"$GOVFIG" track -q "$tmp/bom.csv" >"$tmp/fromcsv.csv"
check "a figures.csv (BOM) gives the rows the PDFs give" \
  cmp -s "$tmp/fromcsv.csv" "$tmp/pdf/track.csv"
"$GOVFIG" track -q "$tmp/ex/figures.csv" "$series"/hailar-2015.pdf \
  >"$tmp/dup.csv"
check "a report given twice counts once" \
  cmp -s "$tmp/dup.csv" "$tmp/pdf/track.csv"
mkdir -p "$tmp/dir" && cp "$series"/*.pdf "$tmp/dir/"
"$GOVFIG" track -q "$tmp/dir" >"$tmp/dir.csv"
check "a directory stands for its PDFs" \
  cmp -s "$tmp/dir.csv" "$tmp/pdf/track.csv"

# Texts give the same outcomes.
"$GOVFIG" track -q "$series"/hailar-201[456].txt >"$tmp/txt.csv"
sed 's/\.pdf,/.txt,/g' "$gold" >"$tmp/gold-txt.csv"
check "the texts score as the PDFs" sh -c "python3 '$here/track_score.py' \
  '$tmp/gold-txt.csv' '$tmp/txt.csv' $FLOOR >/dev/null"

# --format text: one line a row, the summary last.
"$GOVFIG" track -q --format text "$series"/hailar-2014.pdf \
  "$series"/hailar-2015.pdf >"$tmp/t.txt"
check "text: a row line says the outcome and reason" \
  grep -q '^2014 地区生产总值 growth 11% (hailar-2014.pdf p[0-9]*): missed, 9.1% < 11%' \
  "$tmp/t.txt"
check "text: the summary is the last lines" \
  grep -q '^targets of 2015: ' "$tmp/t.txt"
check "text: last line is a summary line" \
  sh -c "tail -1 '$tmp/t.txt' | grep -q '^targets of '"
"$GOVFIG" track -q -f text -o "$tmp/tx" "$series"/hailar-2014.pdf
check "text with -o writes DIR/track.txt" test -s "$tmp/tx/track.txt"

# --format jsonl: the same rows as JSON objects.
"$GOVFIG" track -q -f jsonl "$series"/hailar-201[456].pdf >"$tmp/t.jsonl"
check "jsonl: one object per track.csv row, same outcomes" python3 -c '
import csv, json, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8", newline="")))
objs = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8")]
assert len(rows) == len(objs) > 0
for r, o in zip(rows, objs):
    assert r["outcome"] == o["outcome"] and r["reason"] == o["reason"]
    assert o["target_page"] == int(r["target_page"])
' "$tmp/pdf/track.csv" "$tmp/t.jsonl"
"$GOVFIG" track -q -f jsonl -o "$tmp/tj" "$series"/hailar-2014.pdf
check "jsonl with -o writes DIR/track.jsonl" test -s "$tmp/tj/track.jsonl"

# A lone report: its targets are all unknown, with the plain reason.
"$GOVFIG" track -q "$series"/hailar-2016.pdf >"$tmp/one.csv"
check "a lone report: no met or missed" \
  sh -c "! grep -q ',met,\|,missed,' '$tmp/one.csv'"
check "a lone report: the reason says no actual" \
  grep -q 'no actual of 2016 for this indicator' "$tmp/one.csv"

# govfig check proves both ends of every row against the PDFs.
"$GOVFIG" check "$series"/hailar-2014.pdf "$series"/hailar-2015.pdf \
  "$series"/hailar-2016.pdf "$tmp/pdf/track.csv" >"$tmp/chk" 2>"$tmp/chk.err"
check "check: every end of track.csv holds (exit 0)" is_eq $? 0
check "check: the summary counts the ends" \
  grep -q 'ends checked, 0 failed' "$tmp/chk.err"
check "check: nothing printed when all hold" is_eq "$(lines "$tmp/chk")" 0
awk -F, 'BEGIN{OFS=","} NR>1 && $20=="missed" && !done {$18=$18+1; done=1} {print}' \
  "$tmp/pdf/track.csv" >"$tmp/edited.csv"
"$GOVFIG" check "$series"/hailar-201[456].pdf "$tmp/edited.csv" >"$tmp/chk2" \
  2>/dev/null
check "check: an edited actual value fails (exit 1)" is_eq $? 1
check "check: the failing end is named with its line" \
  grep -q "^$tmp/edited.csv:[0-9]*: actual: value" "$tmp/chk2"
"$GOVFIG" check "$series"/hailar-2014.pdf "$tmp/pdf/track.csv" >"$tmp/chk3" \
  2>/dev/null
check "check: an end whose PDF is not given fails" is_eq $? 1
check "check: it says so" grep -q ': not checked: its doc is none of the PDFs' \
  "$tmp/chk3"
"$GOVFIG" check "$series"/hailar-2014.pdf "$series"/hailar-2015.pdf \
  "$tmp/ex/figures.csv" >/dev/null 2>&1
check "check: several PDFs with a figures.csv is refused (exit 2)" is_eq $? 2

# Bad inputs: one line, non-zero status, no output file.
"$GOVFIG" track -o "$tmp/bad" "$tmp/missing.pdf" 2>"$tmp/e1"
check "missing input: exit 1" is_eq $? 1
check "missing input: message" grep -q "^govfig: $tmp/missing.pdf: cannot read" \
  "$tmp/e1"
check "missing input: no output" test ! -e "$tmp/bad/track.csv"
printf 'doc,kind\nx.pdf,target\n' >"$tmp/cols.csv"
"$GOVFIG" track "$tmp/cols.csv" >/dev/null 2>"$tmp/e2"
check "csv without needed columns: exit 1" is_eq $? 1
check "csv without needed columns: message" \
  grep -q "^govfig: $tmp/cols.csv:1: a figures.csv column is missing" "$tmp/e2"
printf 'doc,kind,"period\n' >"$tmp/broken.csv"
"$GOVFIG" track "$tmp/broken.csv" >/dev/null 2>"$tmp/e3"
check "malformed csv: exit 1" is_eq $? 1
check "malformed csv: one message line" is_eq "$(lines "$tmp/e3")" 1
"$GOVFIG" track "$series"/hailar-2014.pdf "$tmp/missing.pdf" \
  >"$tmp/part.csv" 2>/dev/null
check "one bad input of two: exit 1, rows of the good one" \
  sh -c "[ $? = 1 ] && grep -q hailar-2014.pdf '$tmp/part.csv'"
"$GOVFIG" track >/dev/null 2>&1
check "no input: usage error 2" is_eq $? 2
"$GOVFIG" track --format xml "$series"/hailar-2014.pdf >/dev/null 2>&1
check "unknown format: usage error 2" is_eq $? 2
if [ -w /dev/full ]; then
  "$GOVFIG" track -q "$series"/hailar-2014.pdf >/dev/full 2>"$tmp/e4"
  check "full disk: exit 3" is_eq $? 3
else
  skip "no /dev/full"
fi

finish
