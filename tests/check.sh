#!/bin/sh
# check.sh - end-to-end tests of `govfig check` (spec/records.md section
# 3): govfig's own figures.csv of samples/licheng-2023.pdf holds; a copy
# with five rows altered (three values, one page, one raw) fails on exactly
# those five lines, also after a spreadsheet-like re-save (BOM, CRLF, an
# extra column, a value written 1,758.90, a row deleted, two rows swapped);
# a row without start/end is located; --consistency --verbose finds the
# tax share holding and warns when it is broken; unreadable input exits 2.
# POSIX sh.
#
#   sh tests/check.sh          run; the last line is "N passed, M failed"
#
# GOVFIG names the binary (default ./govfig, relative to the current
# directory); data paths are relative to this script's directory.

suite=check
. "$(dirname "$0")/lib.sh"

# run ARGS...: govfig in $tmp (so that CSV names carry no directory), its
# status in $rc, its output in $tmp/out and $tmp/err.
run() {
  (cd "$tmp" && "$GOVFIG" "$@") >"$tmp/out" 2>"$tmp/err"
  rc=$?
}
# The CSV line numbers of the failure lines of $tmp/out ("CSV:LINE: ..."),
# sorted, one space between; lines starting with note:, warning: or
# verbose: are not failures.
failure_lines() {
  grep -v '^\(note\|warning\|verbose\): ' "$tmp/out" |
    sed -n 's/^[^:]*:\([0-9][0-9]*\): .*/\1/p' | sort -n | uniq |
    tr '\n' ' ' | sed 's/ $//'
}
# line_of FILE PATTERN: the line numbers where the basic regular expression
# matches, space-separated.
line_of() { grep -n -- "$2" "$1" | cut -d: -f1 | tr '\n' ' ' | sed 's/ $//'; }
sorted() { printf '%s\n' "$@" | sort -n | tr '\n' ' ' | sed 's/ $//'; }
# A record on one physical line: it starts a row and the next line starts
# the next one (raw may hold a line end inside quotes).
one_line() {
  n=$(line_of "$1" "$2")
  next=$(sed -n "$((n + 1))p" "$1")
  case $next in
  x,licheng-2023.pdf,* | licheng-2023.pdf,* | '') return 0 ;;
  *) return 1 ;;
  esac
}

pdf=$root/samples/licheng-2023.pdf
cp "$pdf" "$tmp/licheng-2023.pdf"
pdf=licheng-2023.pdf
"$GOVFIG" extract -q -o "$tmp" "$tmp/$pdf" 2>"$tmp/err"
check "extract licheng for the check tests" [ -s "$tmp/figures.csv" ]
cr=$(printf '\r')

# ---------------------------------------------------------------- own output
run check "$pdf" figures.csv
check "own output: exit 0 (got $rc)" is_eq "$rc" 0
check "own output: nothing on stdout" [ ! -s "$tmp/out" ]
check "own output: summary on stderr" grep -q 'rows checked, 0 failed' \
  "$tmp/err"

# ---------------------------------------------------------------- five rows
# Each pattern picks one row by its value and unit columns; it must match
# exactly one line, else the extractor's output changed under the test.
for p in ',1327\.8,亿元,132780000000,' ',740\.7,亿元,' ',181,个,181,个,' \
  ',917,亿元,' ',247,家,247,家,' ',1758\.9,亿元,'; do
  check "pattern $p: one row" is_eq "$(grep -c -- "$p" "$tmp/figures.csv")" 1
done
sed -e 's/,1327\.8,亿元,132780000000,/,1372.8,亿元,132780000000,/' \
  -e 's/,740\.7,亿元,/,704.7,亿元,/' \
  -e 's/,181,个,181,个,/,118,个,181,个,/' \
  -e '/,917,亿元,/s/^licheng-2023\.pdf,4,/licheng-2023.pdf,7,/' \
  -e '/,247,家,247,家,/s/,247 家,/,274 家,/' \
  "$tmp/figures.csv" >"$tmp/altered.csv"
want=$(sorted $(line_of "$tmp/altered.csv" ',1372\.8,亿元,') \
  $(line_of "$tmp/altered.csv" ',704\.7,亿元,') \
  $(line_of "$tmp/altered.csv" ',118,个,181,个,') \
  $(line_of "$tmp/altered.csv" '^licheng-2023\.pdf,7,.*,917,亿元,') \
  $(line_of "$tmp/altered.csv" ',274 家,'))
check "five alterations made (lines: $want)" \
  is_eq "$(echo "$want" | wc -w | tr -d ' ')" 5
run check "$pdf" altered.csv
check "five altered rows: exit 1 (got $rc)" is_eq "$rc" 1
got=$(failure_lines)
check "five altered rows: exactly lines $want (got $got)" is_eq "$got" "$want"
check "five altered rows: value line says what the source says" \
  grep -q '^altered\.csv:[0-9]*: value 1372\.8 but the source says 1327\.8' \
  "$tmp/out"
check "five altered rows: summary counts 5 failed rows" \
  grep -q '5 failed' "$tmp/err"

# ---------------------------------------------------------------- re-saved
# As a spreadsheet may leave it: BOM, CRLF for every line end (inside
# quoted raw cells too), an extra first column, 1758.9 written "1,758.90",
# an unaltered one-line row deleted and two rows swapped.
del=$(line_of "$tmp/altered.csv" ',3\.7,万户,')
check "a row to delete ($del)" [ -n "$del" ]
check "the row to delete is one line" one_line "$tmp/altered.csv" \
  ',3\.7,万户,'
printf '\357\273\277' >"$tmp/touched.csv"
tr -d '\r' <"$tmp/altered.csv" |
  sed -e "${del:-0}d" -e 's/^doc,/extra,doc,/' \
    -e 's/^licheng-2023\.pdf,/x,licheng-2023.pdf,/' \
    -e 's/,1758\.9,亿元,/,"1,758.90",亿元,/' -e "s/\$/$cr/" \
    >>"$tmp/touched.csv"
# an altered row swaps places with an unaltered one
a=$(line_of "$tmp/touched.csv" ',274 家,')
b=$(line_of "$tmp/touched.csv" ',5,处,5,处,')
check "rows to swap are one line each" one_line "$tmp/touched.csv" \
  ',274 家,'
check "rows to swap are one line each (2)" one_line "$tmp/touched.csv" \
  ',5,处,5,处,'
awk -v a="$a" -v b="$b" 'NR == FNR { l[NR] = $0; next }
  FNR == a { print l[b]; next } FNR == b { print l[a]; next } { print }' \
  "$tmp/touched.csv" "$tmp/touched.csv" >"$tmp/swapped.csv"
want=$(sorted $(line_of "$tmp/swapped.csv" ',1372\.8,亿元,') \
  $(line_of "$tmp/swapped.csv" ',704\.7,亿元,') \
  $(line_of "$tmp/swapped.csv" ',118,个,181,个,') \
  $(line_of "$tmp/swapped.csv" '^x,licheng-2023\.pdf,7,.*,917,亿元,') \
  $(line_of "$tmp/swapped.csv" ',274 家,'))
check "swapped: the rows moved" [ "$(line_of "$tmp/swapped.csv" \
  ',274 家,')" = "$b" ]
run check "$pdf" swapped.csv
check "re-saved sheet: exit 1 (got $rc)" is_eq "$rc" 1
got=$(failure_lines)
check "re-saved sheet: exactly lines $want (got $got)" is_eq "$got" "$want"

# ---------------------------------------------------------------- located
# start/end emptied: the row is found by its raw, a note with --verbose.
sed 's/,1327\.8 亿元,[0-9]*,[0-9]*,/,1327.8 亿元,,,/' "$tmp/figures.csv" \
  >"$tmp/nospan.csv"
n=$(line_of "$tmp/nospan.csv" ',1327\.8 亿元,,,')
run check "$pdf" nospan.csv
check "no start/end: exit 0 (got $rc)" is_eq "$rc" 0
check "no start/end: nothing on stdout without --verbose" \
  [ ! -s "$tmp/out" ]
run check --verbose "$pdf" nospan.csv
check "no start/end --verbose: a note for line $n" \
  grep -q "^note: nospan\.csv:$n: no start/end; raw \"1327\.8 亿元\" found at \
page 1 bytes" "$tmp/out"

# ---------------------------------------------------------------- relations
tax=$(line_of "$tmp/figures.csv" ',115\.31,亿元,')
all=$(line_of "$tmp/figures.csv" ',140\.12,亿元,')
share=$(line_of "$tmp/figures.csv" ',82\.29,%,')
run check --consistency --verbose "$pdf" figures.csv
check "--consistency on own output: exit 0 (got $rc)" is_eq "$rc" 0
check "--consistency --verbose: tax share holds (lines $tax,$all,$share)" \
  grep -qF "verbose: figures.csv:$tax,$all,$share: 税收收入 115.31 亿元 / \
一般公共预算收入 140.12 亿元 = 82.29%, as stated" "$tmp/out"
check "--consistency: no failure lines" is_eq "$(failure_lines)" ""
run check --consistency "$pdf" figures.csv
check "--consistency without --verbose: no verbose lines" \
  eval '! grep -q "^verbose:" "$tmp/out"'
sed 's/,82\.29,%,82\.29,%,/,72.29,%,72.29,%,/' "$tmp/figures.csv" \
  >"$tmp/share.csv"
run check --consistency "$pdf" share.csv
check "broken share: exit 1 (its value no longer matches; got $rc)" \
  is_eq "$rc" 1
check "broken share: the value fails on line $share" \
  is_eq "$(failure_lines)" "$share"
check "broken share: a warning naming lines $tax,$all,$share" \
  grep -q "^warning: share\.csv:$tax,$all,$share: 税收收入 115\.31 亿元 / .*\
= 82\.29%, but 税收占比 72\.29% is stated" "$tmp/out"

# ---------------------------------------------------------------- bad input
run check "$pdf"
check "one argument: exit 2 (got $rc)" is_eq "$rc" 2
run check "$pdf" figures.csv extra.csv
check "three arguments: exit 2 (got $rc)" is_eq "$rc" 2
run check --nosuchoption "$pdf" figures.csv
check "unknown option: exit 2 (got $rc)" is_eq "$rc" 2
run check missing.pdf figures.csv
check "missing PDF: exit 2 (got $rc)" is_eq "$rc" 2
check "missing PDF: says so" grep -q 'missing\.pdf: cannot read' "$tmp/err"
run check "$pdf" missing.csv
check "missing CSV: exit 2 (got $rc)" is_eq "$rc" 2
check "missing CSV: says so" grep -q 'missing\.csv: cannot read' "$tmp/err"
sed '1s/,raw,/,source,/' "$tmp/figures.csv" >"$tmp/noraw.csv"
run check "$pdf" noraw.csv
check "no raw column: exit 2 (got $rc)" is_eq "$rc" 2
check "no raw column: says so" grep -q 'noraw\.csv:1: .*no raw column' \
  "$tmp/err"
{ head -n 3 "$tmp/figures.csv"; printf 'licheng-2023.pdf,"1\n'; } \
  >"$tmp/bad.csv"
run check "$pdf" bad.csv
check "unterminated quote: exit 2 (got $rc)" is_eq "$rc" 2
check "unterminated quote: names the line" \
  grep -q "bad\.csv:$(($(wc -l <"$tmp/bad.csv"))): unterminated" "$tmp/err"
printf 'doc,page,value,unit,raw\r\nlicheng-2023.pdf,1,\377,,\r\n' \
  >"$tmp/latin.csv"
run check "$pdf" latin.csv
check "invalid UTF-8: exit 2 (got $rc)" is_eq "$rc" 2
(cd "$tmp" && "$GOVFIG" check "$pdf" - <figures.csv) >"$tmp/out" \
  2>"$tmp/err"
rc=$?
check "CSV on standard input: exit 0 (got $rc)" is_eq "$rc" 0
run --help
check "--help documents check" grep -q 'govfig check' "$tmp/out"

finish
