#!/bin/sh
# cli.sh - end-to-end tests of the govfig command line: extract on the
# samples (header, rows, golden files), text, numbers, bad inputs (one
# stderr line each, exit 1, no output when nothing could be read), usage
# errors (exit 2), output failures (exit 3) and interruption (no temporary
# file left).  POSIX sh.
#
#   sh tests/cli.sh            run; the last line is "N passed, M failed"
#   sh tests/cli.sh --update   rewrite tests/golden/<sample>.{figures,parcels}.csv
#
# GOVFIG names the binary (default ./govfig, relative to the current
# directory); data paths are relative to this script's directory.

update=0
case ${1:-} in
--update) update=1 ;;
'') ;;
*) echo "usage: sh tests/cli.sh [--update]" >&2; exit 2 ;;
esac
suite=cli
. "$(dirname "$0")/lib.sh"

# run [STDIN] -- ARGS...: runs govfig, leaving its status in $rc and its
# output in $tmp/out and $tmp/err.
run() {
  input=/dev/null
  if [ "$1" != -- ]; then input=$1; shift; fi
  shift
  "$GOVFIG" "$@" <"$input" >"$tmp/out" 2>"$tmp/err"
  rc=$?
}
form_feeds() { echo $(($(tr -cd '\f' <"$1" | wc -c))); }
# One line on stderr, naming the file and saying what (fixed text).
one_error() {
  [ "$(lines "$tmp/err")" = 1 ] && grep -qF -- "govfig: $1: $2" "$tmp/err"
}
no_leftovers() {
  [ -z "$(ls -A "$1" 2>/dev/null | grep '^\.figures\.csv\.')" ]
}

header=doc,page,section,kind,period,indicator,measure,value,unit
header=$header,base_value,base_unit,bound,comparison,raw,start,end,sentence
header=$header,value_max,indicator_key,x0,y0,x1,y1
cr=$(printf '\r')
licheng=$root/samples/licheng-2023.pdf

# ---------------------------------------------------------------- indicators
run -- indicators
check "indicators: exit 0 (got $rc)" is_eq "$rc" 0
check "indicators: GDP is a variant of 地区生产总值 (up)" \
  grep -q "^地区生产总值	up	.*GDP" "$tmp/out"
check "indicators: 失业率 is lower-is-better" \
  grep -q "^城镇调查失业率	down" "$tmp/out"
printf '# mine\n旧城改造\tup\t旧城改造任务\n' >"$tmp/vocab.tsv"
run -- indicators --indicators "$tmp/vocab.tsv"
check "indicators --indicators: the user's line is in the table" \
  grep -q "^旧城改造	up	旧城改造任务" "$tmp/out"
printf 'no direction here\n' >"$tmp/bad.tsv"
run -- indicators --indicators "$tmp/bad.tsv"
check "indicators: a bad vocabulary line is a usage error (got $rc)" is_eq "$rc" 2
check "indicators: names the file and line" one_error "$tmp/bad.tsv:1" \
  "indicator vocabulary: a line needs KEY"
printf '旅游业\t-\t旅游收入\n' >"$tmp/vocab2.tsv"
run -- extract -q --indicators "$tmp/vocab2.tsv" -o "$tmp/voc" \
  "$root/samples/series/hailar-2015.pdf"
check "extract --indicators: exit 0 (got $rc)" is_eq "$rc" 0
check "extract --indicators: the user's key is used" \
  grep -q ',旅游业,' "$tmp/voc/figures.csv"
run -- extract -q --indicators "$tmp/bad.tsv" -o "$tmp/voc2" \
  "$root/samples/series/hailar-2015.pdf"
check "extract: a bad vocabulary is a usage error (got $rc)" is_eq "$rc" 2
check "extract: a bad vocabulary writes nothing" [ ! -e "$tmp/voc2/figures.csv" ]

# ---------------------------------------------------------------- extract
out=$tmp/extract
run -- extract -o "$out" "$licheng"
check "extract licheng: exit 0 (got $rc)" is_eq "$rc" 0
check "extract licheng: nothing on stderr" is_eq "$(cat "$tmp/err")" ""
check "extract licheng: exact header" \
  is_eq "$(head -n 1 "$out/figures.csv")" "$header$cr"
n=$(lines "$out/figures.csv")
check "extract licheng: more than 100 rows (got $((n - 1)))" [ "$n" -gt 101 ]
check "extract licheng: a row with 1327.8 亿元" \
  grep -q ',1327\.8,亿元,' "$out/figures.csv"
check "extract licheng: doc column is the file name" \
  grep -q '^licheng-2023\.pdf,1,' "$out/figures.csv"
check "extract licheng: no temporary file left" no_leftovers "$out"
check "extract: output mode like any new file" \
  is_eq "$(ls -l "$out/figures.csv" | cut -c1-10)" \
  "$(touch "$tmp/mode"; ls -l "$tmp/mode" | cut -c1-10)"

# Golden files: the output of every sample, byte for byte.
for pdf in "$root"/samples/*.pdf; do
  name=$(basename "$pdf" .pdf)
  dir=$tmp/golden-$name
  run -- extract -q -o "$dir" "$pdf"
  check "extract $name: exit 0 (got $rc)" is_eq "$rc" 0
  for rec in figures parcels; do
    golden=$root/tests/golden/$name.$rec.csv
    if [ "$update" = 1 ]; then
      mkdir -p "$root/tests/golden" && cp "$dir/$rec.csv" "$golden"
      check "update $golden" [ -f "$golden" ]
      echo "updated $golden"
    elif [ -f "$golden" ]; then
      check "extract $name: equals tests/golden/$name.$rec.csv" \
        cmp -s "$dir/$rec.csv" "$golden"
    fi
  done
done

# Plain text input (.txt, pages split at form feeds).
printf '%s\f%s\n' '实现地区生产总值达到1327.8亿元，同比增长6%。' \
  '固定资产投资下降3%。' >"$tmp/report.txt"
run -- extract -o "$tmp/txt" "$tmp/report.txt"
check "extract .txt: exit 0 (got $rc)" is_eq "$rc" 0
check "extract .txt: doc column is the file name" \
  grep -q '^report\.txt,1,' "$tmp/txt/figures.csv"

# ---------------------------------------------------------------- text
run -- text --page 1 "$licheng"
check "text --page 1: exit 0 (got $rc)" is_eq "$rc" 0
check "text --page 1: contains 1327.8" grep -q '1327\.8' "$tmp/out"
check "text --page 1: one page, no form feed" \
  is_eq "$(form_feeds "$tmp/out")" 0
run -- text "$tmp/report.txt"
check "text: pages joined by one form feed" \
  is_eq "$(form_feeds "$tmp/out")" 1
run -- text --page 3 "$tmp/report.txt"
check "text --page beyond the last page: exit 1 (got $rc)" is_eq "$rc" 1
run -- text --page 0 "$licheng"
check "text --page 0: exit 2 (got $rc)" is_eq "$rc" 2
run -- text --page x "$licheng"
check "text --page x: exit 2 (got $rc)" is_eq "$rc" 2

# ---------------------------------------------------------------- numbers
printf '一千三百二十七点八\n' >"$tmp/in"
run "$tmp/in" -- numbers
check "numbers: exit 0 (got $rc)" is_eq "$rc" 0
check "numbers: 一千三百二十七点八 is 1327.8" \
  is_eq "$(cat "$tmp/out")" "$(printf '一千三百二十七点八\t1327.8\t\texact')"
printf 'ok \377\n' >"$tmp/in"
run "$tmp/in" -- numbers
check "numbers: invalid UTF-8: exit 1 (got $rc)" is_eq "$rc" 1
check "numbers: invalid UTF-8: one message" one_error - "not valid UTF-8"

# ---------------------------------------------------------------- bad inputs
: >"$tmp/empty.pdf"
printf 'hello, not a PDF\n' >"$tmp/notpdf.pdf"
for case in "empty.pdf:empty file (0 bytes)" \
  "notpdf.pdf:not a PDF (no %PDF header)" \
  "missing.pdf:cannot read: No such file or directory"; do
  file=${case%%:*}
  why=${case#*:}
  dir=$tmp/bad-$file
  run -- extract -o "$dir" "$tmp/$file"
  check "extract $file: exit 1 (got $rc)" is_eq "$rc" 1
  check "extract $file: one stderr line naming it" \
    one_error "$tmp/$file" "$why"
  check "extract $file: no figures.csv when no input could be read" \
    [ ! -e "$dir/figures.csv" ]
  check "extract $file: no temporary file left" no_leftovers "$dir"
done
# An older figures.csv stays as it was when nothing could be read.
mkdir -p "$tmp/keep" && printf 'old\n' >"$tmp/keep/figures.csv"
run -- extract -o "$tmp/keep" "$tmp/empty.pdf"
check "extract, all inputs bad: older figures.csv kept" \
  is_eq "$(cat "$tmp/keep/figures.csv")" old

# A batch: bad inputs are skipped, the good one is extracted.
run -- extract -o "$tmp/batch" "$tmp/notpdf.pdf" "$licheng" "$tmp/missing.pdf"
check "batch good+bad: exit 1 (got $rc)" is_eq "$rc" 1
check "batch good+bad: one stderr line per bad input" \
  is_eq "$(lines "$tmp/err")" 2
check "batch good+bad: names the non-PDF" grep -q 'notpdf\.pdf: not a PDF' \
  "$tmp/err"
check "batch good+bad: good rows present" \
  grep -q '^licheng-2023\.pdf,.*,1327\.8,亿元,' "$tmp/batch/figures.csv"
check "batch good+bad: header once" \
  is_eq "$(grep -c '^doc,page,' "$tmp/batch/figures.csv")" 1
# Two good inputs: one header, the rows of both in order.
run -- extract -o "$tmp/two" "$tmp/report.txt" "$licheng"
check "two inputs: exit 0 (got $rc)" is_eq "$rc" 0
check "two inputs: header once" \
  is_eq "$(grep -c '^doc,page,' "$tmp/two/figures.csv")" 1
check "two inputs: rows in the order given" \
  is_eq "$(sed -n '2s/,.*//p' "$tmp/two/figures.csv")" report.txt

# ---------------------------------------------------------------- usage
for args in "" "nosuchcommand" "extract" "extract --nosuchoption $licheng" \
  "extract -o" "text" "numbers extra" "--nosuchoption"; do
  # shellcheck disable=SC2086 # split on purpose
  run -- $args
  check "usage error '$args': exit 2 (got $rc)" is_eq "$rc" 2
  check "usage error '$args': nothing on stdout" [ ! -s "$tmp/out" ]
done
for args in "--help" "help" "-h" "extract --help"; do
  # shellcheck disable=SC2086
  run -- $args
  check "'$args': exit 0 (got $rc)" is_eq "$rc" 0
  check "'$args': lists the exit statuses" grep -q 'output write failed' \
    "$tmp/out"
done
run -- --version
check "--version: exit 0 and the version" \
  grep -q '^govfig [0-9][0-9]*\.[0-9][0-9]*\.[0-9][0-9]*$' "$tmp/out"

# ---------------------------------------------------------------- outputs
printf 'x\n' >"$tmp/afile"
run -- extract -o "$tmp/afile/sub" "$licheng"
check "extract -o under a regular file: exit 3 (got $rc)" is_eq "$rc" 3
if [ "$(id -u)" != 0 ]; then  # root writes anywhere
  mkdir -p "$tmp/ro" && chmod 555 "$tmp/ro"
  run -- extract -o "$tmp/ro" "$licheng"
  check "extract -o non-writable dir: exit 3 (got $rc)" is_eq "$rc" 3
  chmod 755 "$tmp/ro"
fi
# A write that fails half-way (file size limit, SIGXFSZ ignored so that
# write() returns EFBIG): exit 3, nothing left behind.
(
  trap '' XFSZ
  ulimit -f 4 && exec "$GOVFIG" extract -o "$tmp/big" "$licheng"
) >/dev/null 2>"$tmp/err"
rc=$?
check "extract past the file size limit: exit 3 (got $rc)" is_eq "$rc" 3
check "extract past the file size limit: says so" \
  grep -q 'figures\.csv: write failed' "$tmp/err"
check "extract past the file size limit: no figures.csv" \
  [ ! -e "$tmp/big/figures.csv" ]
check "extract past the file size limit: no temporary file" \
  no_leftovers "$tmp/big"
if [ -w /dev/full ]; then
  "$GOVFIG" text "$licheng" >/dev/full 2>"$tmp/err"
  rc=$?
  check "text >/dev/full: exit 3 (got $rc)" is_eq "$rc" 3
  check "text >/dev/full: says so" grep -q 'write failed' "$tmp/err"
  printf '一千三百二十七点八\n' | "$GOVFIG" numbers >/dev/full 2>/dev/null
  rc=$?
  check "numbers >/dev/full: exit 3 (got $rc)" is_eq "$rc" 3
  "$GOVFIG" --help >/dev/full 2>/dev/null
  rc=$?
  check "--help >/dev/full: exit 3 (got $rc)" is_eq "$rc" 3
fi

# ---------------------------------------------------------------- signals
# A FIFO input blocks extract after it made its temporary file: SIGTERM
# then must remove that file and exit 143.
if mkfifo "$tmp/block.txt" 2>/dev/null; then
  mkdir -p "$tmp/sig"
  "$GOVFIG" extract -o "$tmp/sig" "$tmp/block.txt" 2>/dev/null &
  pid=$!
  i=0
  while no_leftovers "$tmp/sig" && [ $i -lt 100 ]; do
    sleep 0.1 2>/dev/null || sleep 1
    i=$((i + 1))
  done
  check "SIGTERM: temporary file made first" eval '! no_leftovers "$tmp/sig"'
  kill -TERM "$pid" 2>/dev/null
  wait "$pid"
  rc=$?
  check "SIGTERM: exit 143 (got $rc)" is_eq "$rc" 143
  check "SIGTERM: temporary file removed" no_leftovers "$tmp/sig"
  check "SIGTERM: no figures.csv" [ ! -e "$tmp/sig/figures.csv" ]
fi

finish
