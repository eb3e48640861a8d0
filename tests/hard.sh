#!/bin/sh
# hard.sh - govfig extract against bad and awkward inputs, each made here:
# an encrypted copy of a sample (qpdf), a scan (pdftoppm's picture of a
# page in an image-only PDF written by hand), a blank PDF, truncated and
# repaired copies, random bytes, an empty file, paths that cannot be read;
# then batches (-j 1 and -j 2 byte-identical, bad files reported and
# skipped, directories walked) and interruption (older output kept, no
# temporary file).  Every bad input must give one `govfig: FILE: cause`
# line, an exit status from 1 to 127 and no output file.  POSIX sh; the
# last line is "N passed, M failed".  GOVFIG names the binary (default
# ./govfig).  WRAP, when set, is a command put before it (tests/valgrind.sh
# sets a valgrind command line); the slow batches are then left out.
suite=hard
. "$(dirname "$0")/lib.sh"

have() { command -v "$1" >/dev/null 2>&1; }
WRAP=${WRAP:-}
# run ARGS...: govfig with status in $rc, output in $tmp/out, $tmp/err.
run() {
  # shellcheck disable=SC2086 # WRAP is a command line
  $WRAP "$GOVFIG" "$@" </dev/null >"$tmp/out" 2>"$tmp/err"
  rc=$?
}
failure_status() { [ "$rc" -ge 1 ] && [ "$rc" -lt 128 ]; }
no_leftovers() { [ -z "$(ls -A "$1" 2>/dev/null | grep '^\.')" ]; }
# bad_input NAME FILE CAUSE [OPTION...]: extract FILE alone must fail with
# one line `govfig: FILE: CAUSE...`, leaving no output at all.
bad_input() {
  name=$1 file=$2 cause=$3
  shift 3
  dir=$tmp/out-$name
  run extract "$@" -o "$dir" "$file"
  check "$name: exit status 1..127 (got $rc)" failure_status
  check "$name: one line on stderr (got $(lines "$tmp/err"))" \
    is_eq "$(lines "$tmp/err")" 1
  check "$name: says '$cause' ($(cat "$tmp/err"))" \
    grep -qF -- "govfig: $file: $cause" "$tmp/err"
  check "$name: no figures.csv" [ ! -e "$dir/figures.csv" ]
  check "$name: no parcels.csv" [ ! -e "$dir/parcels.csv" ]
  check "$name: no temporary file" no_leftovers "$dir"
}

sample=$root/samples/licheng-2023.pdf
small=$root/samples/qiandongnan-2016.pdf

# A hand-made PDF: pdf_begin FILE; pdf_obj FILE, then the object's body
# appended to FILE, then pdf_end FILE; pdf_finish FILE writes the xref
# table (offsets measured with wc -c) and the trailer.
pdf_begin() {
  printf '%%PDF-1.4\n' >"$1"
  pdf_offs=
  pdf_n=0
}
pdf_obj() {
  pdf_n=$((pdf_n + 1))
  pdf_offs="$pdf_offs $(($(wc -c <"$1")))"
  printf '%d 0 obj\n' "$pdf_n" >>"$1"
}
pdf_end() { printf '\nendobj\n' >>"$1"; }
pdf_finish() {
  xref=$(($(wc -c <"$1")))
  {
    printf 'xref\n0 %d\n0000000000 65535 f \n' $((pdf_n + 1))
    for off in $pdf_offs; do printf '%010d 00000 n \n' "$off"; done
    printf 'trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n' \
      $((pdf_n + 1)) "$xref"
  } >>"$1"
}
# A one-page PDF whose page draws content stream $2 with resources $3.
one_page_pdf() {
  pdf_begin "$1"
  pdf_obj "$1"
  printf '<< /Type /Catalog /Pages 2 0 R >>' >>"$1"
  pdf_end "$1"
  pdf_obj "$1"
  printf '<< /Type /Pages /Kids [3 0 R] /Count 1 >>' >>"$1"
  pdf_end "$1"
  pdf_obj "$1"
  printf '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] ' >>"$1"
  printf '/Contents 4 0 R /Resources << %s >> >>' "$3" >>"$1"
  pdf_end "$1"
  pdf_obj "$1"
  printf '<< /Length %d >>\nstream\n%s\nendstream' \
    $(($(printf '%s' "$2" | wc -c) + 1)) "$2" >>"$1"
  pdf_end "$1"
  pdf_finish "$1"
}

# snap DIR: every entry of DIR (hidden ones too) with its mode, size and
# checksum, to compare a directory before and after a run.
snap() {
  (cd "$1" && for f in $(ls -A); do
    printf '%s %s %s\n' "$f" "$(ls -ld "$f" | cut -c1-10)" \
      "$(cksum <"$f" 2>/dev/null)"
  done)
}

# ---------------------------------------------------------------- files
: >"$tmp/empty.pdf"
bad_input empty "$tmp/empty.pdf" "empty file (0 bytes)"

printf 'hello, not a PDF\n' >"$tmp/hello.pdf"
bad_input not-pdf "$tmp/hello.pdf" "not a PDF (no %PDF header)"

{ printf 'x'; head -c 8191 /dev/urandom; } >"$tmp/random.pdf"
bad_input random "$tmp/random.pdf" "not a PDF (no %PDF header)"

bad_input missing "$tmp/no-such.pdf" "cannot read: No such file or directory"
bad_input not-dir "$tmp/hello.pdf/x.pdf" "cannot read: Not a directory"
long=$tmp/$(printf '%0300d' 0)/$(printf '%0300d' 0).pdf
bad_input too-long "$long" "cannot read: File name too long"
if [ "$(id -u)" != 0 ]; then # root reads anything
  cp "$small" "$tmp/locked.pdf" && chmod 000 "$tmp/locked.pdf"
  bad_input unreadable "$tmp/locked.pdf" "cannot read: Permission denied"
else
  skip "unreadable file (running as root)"
fi

# ---------------------------------------------------------------- damage
size=$(($(wc -c <"$sample")))
for cut in 9 1000 $((size / 3)) $((size - 200)); do
  head -c "$cut" "$sample" >"$tmp/cut-$cut.pdf"
  bad_input "truncated at $cut" "$tmp/cut-$cut.pdf" "damaged PDF"
done
# A startxref that points into a content stream: Poppler complains, then
# rebuilds the cross-reference table; the text is all there and govfig
# says the file was damaged.  (Poppler repairs a startxref of 0 or past the
# end without a word: such a file cannot be told from a sound one.)
{
  head -c $((size - $(tail -n 3 "$sample" | wc -c))) "$sample"
  printf 'startxref\n100\n%%%%EOF\n'
} >"$tmp/repaired.pdf"
run extract -o "$tmp/out-repaired" "$tmp/repaired.pdf"
check "repaired: exit 0 (got $rc)" is_eq "$rc" 0
check "repaired: one warning line ($(cat "$tmp/err"))" \
  grep -qF "govfig: $tmp/repaired.pdf: warning: damaged, extracted what" \
  "$tmp/err"
check "repaired: nothing else on stderr" is_eq "$(lines "$tmp/err")" 1
check "repaired: rows extracted" \
  [ "$(lines "$tmp/out-repaired/figures.csv")" -gt 100 ]
run extract -q -o "$tmp/out-repaired-q" "$tmp/repaired.pdf"
check "repaired, --quiet: no warning" [ ! -s "$tmp/err" ]
G_MESSAGES_DEBUG=all "$GOVFIG" extract -q -o "$tmp/out-chatter" \
  "$tmp/repaired.pdf" "$tmp/cut-1000.pdf" 2>"$tmp/err" >/dev/null
check "Poppler's own messages are not printed ($(head -n 1 "$tmp/err"))" \
  is_eq "$(grep -c -v '^govfig: ' "$tmp/err")" 0

# ---------------------------------------------------------------- no text
one_page_pdf "$tmp/blank.pdf" "" ""
bad_input blank "$tmp/blank.pdf" "no text at all"
if have pdftoppm; then
  pdftoppm -r 30 -f 1 -l 1 -singlefile "$small" "$tmp/page"
  # pdftoppm writes a binary PPM: "P6\nW H\n255\n" then the RGB bytes.
  dims=$(sed -n 2p "$tmp/page.ppm")
  w=${dims% *}
  h=${dims#* }
  hlen=$(($(head -n 3 "$tmp/page.ppm" | wc -c)))
  f=$tmp/scan.pdf
  pdf_begin "$f"
  pdf_obj "$f"
  printf '<< /Type /Catalog /Pages 2 0 R >>' >>"$f"
  pdf_end "$f"
  pdf_obj "$f"
  printf '<< /Type /Pages /Kids [3 0 R] /Count 1 >>' >>"$f"
  pdf_end "$f"
  pdf_obj "$f"
  printf '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] ' >>"$f"
  printf '/Contents 4 0 R /Resources << /XObject << /Im1 5 0 R >> >> >>' >>"$f"
  pdf_end "$f"
  content='q 595 0 0 842 0 0 cm /Im1 Do Q'
  pdf_obj "$f"
  printf '<< /Length %d >>\nstream\n%s\nendstream' \
    $((${#content} + 1)) "$content" >>"$f"
  pdf_end "$f"
  pdf_obj "$f"
  printf '<< /Type /XObject /Subtype /Image /Width %d /Height %d ' \
    "$w" "$h" >>"$f"
  printf '/ColorSpace /DeviceRGB /BitsPerComponent 8 /Length %d >>\n' \
    $((w * h * 3)) >>"$f"
  printf 'stream\n' >>"$f"
  tail -c +$((hlen + 1)) "$tmp/page.ppm" >>"$f"
  printf '\nendstream' >>"$f"
  pdf_end "$f"
  pdf_finish "$f"
  bad_input scan "$f" "no text layer (a scanned PDF?); run OCR first"
else
  skip "scan (no pdftoppm)"
fi

# ---------------------------------------------------------------- passwords
if have qpdf; then
  mkdir -p "$tmp/enc"
  qpdf --encrypt secret owner 256 -- "$small" "$tmp/enc/$(basename "$small")"
  enc=$tmp/enc/$(basename "$small")
  bad_input encrypted "$enc" \
    "encrypted PDF; give the password with --password"
  bad_input "wrong password" "$enc" "encrypted PDF; wrong password" \
    --password nope
  run extract -o "$tmp/out-enc" --password secret "$enc"
  check "right password: exit 0 (got $rc)" is_eq "$rc" 0
  "$GOVFIG" extract -q -o "$tmp/out-plain" "$small" 2>/dev/null
  check "right password: the same figures as the plain file" \
    cmp -s "$tmp/out-enc/figures.csv" "$tmp/out-plain/figures.csv"
else
  skip "encrypted (no qpdf)"
fi

# ---------------------------------------------------------------- batches
"$GOVFIG" extract -q -o "$tmp/one" "$sample" 2>/dev/null
run extract -o "$tmp/mixed" "$sample" "$tmp/cut-1000.pdf"
check "sample + truncated: exit 1 (got $rc)" is_eq "$rc" 1
check "sample + truncated: names the truncated file" \
  grep -qF "govfig: $tmp/cut-1000.pdf: damaged PDF" "$tmp/err"
check "sample + truncated: one line on stderr" is_eq "$(lines "$tmp/err")" 1
check "sample + truncated: every row of the sample" \
  cmp -s "$tmp/mixed/figures.csv" "$tmp/one/figures.csv"
check "sample + truncated: parcels.csv written too" \
  [ -f "$tmp/mixed/parcels.csv" ]
run extract -j 2 -o "$tmp/mixed2" "$tmp/empty.pdf" "$sample" \
  "$tmp/hello.pdf" "$small" "$tmp/no-such.pdf"
check "mixed -j 2: exit 1 (got $rc)" is_eq "$rc" 1
check "mixed -j 2: messages in input order" is_eq \
  "$(sed 's/:.*//' "$tmp/err" | tr '\n' ' ')" \
  "govfig govfig govfig "
check "mixed -j 2: bad files named in order" is_eq \
  "$(cut -d: -f2 "$tmp/err" | tr '\n' ' ')" \
  " $tmp/empty.pdf  $tmp/hello.pdf  $tmp/no-such.pdf "

if [ -n "$WRAP" ]; then
  skip "batches of 20 files and the long report (WRAP is set)"
else
mkdir -p "$tmp/twenty"
i=10
while [ $i -lt 30 ]; do
  cp "$sample" "$tmp/twenty/r$i.pdf"
  i=$((i + 1))
done
run extract -j 1 -q -o "$tmp/b1" "$tmp/twenty"
check "20 files -j 1: exit 0 (got $rc)" is_eq "$rc" 0
run extract -j 2 -q -o "$tmp/b2" "$tmp"/twenty/*.pdf
check "20 files -j 2: exit 0 (got $rc)" is_eq "$rc" 0
check "20 files: -j 1 and -j 2 byte-identical" \
  cmp -s "$tmp/b1/figures.csv" "$tmp/b2/figures.csv"
check "20 files: parcels.csv byte-identical too" \
  cmp -s "$tmp/b1/parcels.csv" "$tmp/b2/parcels.csv"
run extract -j 7 -q -o "$tmp/b7" "$tmp/twenty"
check "20 files: -j 7 byte-identical too" \
  cmp -s "$tmp/b1/figures.csv" "$tmp/b7/figures.csv"
check "20 files: header once" \
  is_eq "$(grep -c '^doc,page,' "$tmp/b1/figures.csv")" 1
check "20 files: rows of all twenty" is_eq \
  "$(grep -c '^r[0-9][0-9]\.pdf,' "$tmp/b1/figures.csv")" \
  "$((20 * $(grep -c '^licheng-2023\.pdf,' "$tmp/one/figures.csv")))"
# One long report: page ranges in two threads, the same output.
if have pdfunite; then
  pdfunite "$sample" "$sample" "$sample" "$tmp/long.pdf"
  run extract -j 1 -q -o "$tmp/l1" "$tmp/long.pdf"
  run extract -j 2 -q -o "$tmp/l2" "$tmp/long.pdf"
  check "long report: -j 1 and -j 2 byte-identical" \
    cmp -s "$tmp/l1/figures.csv" "$tmp/l2/figures.csv"
fi
fi

# Directories: walked recursively for *.pdf, sorted by name.
mkdir -p "$tmp/tree/b" "$tmp/tree/a/deep" "$tmp/tree/.hidden" "$tmp/void"
cp "$small" "$tmp/tree/b/z.pdf"
cp "$small" "$tmp/tree/a/deep/y.PDF"
cp "$small" "$tmp/tree/a/x.pdf"
cp "$small" "$tmp/tree/.hidden/w.pdf"
printf 'not a pdf\n' >"$tmp/tree/a/notes.txt"
ln -s .. "$tmp/tree/a/loop" 2>/dev/null
run extract -o "$tmp/out-tree" "$tmp/tree"
check "directory: exit 0 (got $rc)" is_eq "$rc" 0
check "directory: files in path order, hidden and non-PDF skipped" is_eq \
  "$(grep -o '^[a-z]\.[pP][dD][fF],' "$tmp/out-tree/figures.csv" | uniq |
    tr '\n' ' ')" "y.PDF, x.pdf, z.pdf, "
run extract -o "$tmp/out-void" "$tmp/void"
check "empty directory: exit 1 (got $rc)" is_eq "$rc" 1
check "empty directory: says so" \
  grep -qF "govfig: $tmp/void: no PDF files" "$tmp/err"
check "empty directory: no figures.csv" [ ! -e "$tmp/out-void/figures.csv" ]

# ---------------------------------------------------------------- invisible
# Format characters inside numbers and names (issue 16): made by
# tests/hostile.py as glyphs whose ToUnicode gives U+0000, LRM, ZWSP,
# LRI/PDI, RLO and soft hyphens; the figure is the one a person sees and no
# cell of any output holds one.
if have python3; then
  hp=$tmp/invisible.pdf
  python3 "$here/hostile.py" text "$hp" \
    '地区生产总值达到13\u000027.8亿元，同比增长6\u200e%。\n占比3\u200b4%，增长\u2066１２\u2069%。\n地区\u202e生产\u202c总值1200亿元。' \
    '二、主要指标\n指标\u200b名称\t2022年\t2023年\n地区生产\u200d总值\t1200\u200e\t1327.8\n财政\u00ad收入\t30\t3\u200b4\n该地块四至范围为：东至\u200b洪腾路，西至洪家楼南路，南至\u2066中医医院\u2069，北至花园路。'
  run extract -v -o "$tmp/out-inv" "$hp"
  f=$tmp/out-inv/figures.csv
  check "invisible: exit 0 (got $rc)" is_eq "$rc" 0
  for want in ',1327\.8,亿元,' ',growth,6,%,' ',34,%,' ',12,%,'; do
    check "invisible: a row with $want" grep -q -- "$want" "$f"
  done
  check "invisible: 13<NUL>27.8 is not read as 27.8" \
    eval '! grep -q ",27\.8,亿元," "$f"'
  check "invisible: the bidi-spoofed indicator reads 地区生产总值" \
    grep -q '^invisible\.pdf,1,[^,]*,[^,]*,[^,]*,地区生产总值,level,1200,' "$f"
  check "invisible: -v warns once, with the count ($(cat "$tmp/err"))" \
    is_eq "$(grep -c 'warning: [0-9]* invisible format characters' \
      "$tmp/err")" 1
  "$GOVFIG" tables -o "$tmp/out-inv" "$hp" 2>/dev/null
  check "invisible: the table's cells are whole" \
    grep -q '^invisible\.pdf,2,1,2,3,1327\.8' "$tmp/out-inv/tables.csv"
  printf '占比3\342\200\2134%%，\342\200\216增长6\342\200\216%%\n' |
    "$GOVFIG" numbers >"$tmp/out-inv/numbers.txt"
  python3 -c 'import csv,sys
w=csv.writer(open(sys.argv[2],"w",newline=""))
w.writerow(["raw","value","unit"])
for l in open(sys.argv[1],encoding="utf-8"): w.writerow(l.rstrip("\n").split("\t"))' \
    "$tmp/out-inv/numbers.txt" "$tmp/out-inv/numbers.csv"
  python3 "$here/hostile.py" cells "$tmp"/out-inv/*.csv >"$tmp/cells" 2>&1
  cells_rc=$?
  check "invisible: no cell of any output holds a Cf or C0 character \
($(head -n 2 "$tmp/cells"))" is_eq "$cells_rc" 0
  run check "$hp" "$f"
  check "invisible: check proves every row (exit $rc)" is_eq "$rc" 0
  # An edited CSV with a bidi override in an indicator cell fails check.
  sed '2s/地区生产总值/地区\xe2\x80\xae生产总值/' "$f" >"$tmp/spoof.csv"
  run check "$hp" "$tmp/spoof.csv"
  check "invisible: check fails a cell holding U+202E (exit $rc)" is_eq "$rc" 1
  check "invisible: check names the character" \
    grep -q 'indicator holds an invisible character (U+202E)' "$tmp/out"
  # A NUL in a .txt is binary or UTF-16: refused, never read around.
  printf '地区生产总值13\00027.8亿元。\n' >"$tmp/nul.txt"
  bad_input nul-txt "$tmp/nul.txt" "not valid UTF-8 text (byte 20: a NUL byte"
else
  skip "invisible characters (no python3)"
fi

# ---------------------------------------------------------------- cost
# One page of 100,000 tiny glyphs between two normal ones (hostile.py):
# Poppler needs minutes for its text (2m41s before the limit).  It is
# skipped with one warning after --max-page-time (default 5 s), the other
# pages are read, and a batch with the samples is not held back.
if [ -n "$WRAP" ]; then
  skip "cost limits (WRAP is set)"
elif have python3; then
  heavy=$tmp/heavy/glyphs.pdf
  mkdir -p "$tmp/heavy"
  python3 "$here/hostile.py" glyphs "$heavy" 100000
  t0=$(date +%s)
  run extract -o "$tmp/out-heavy" "$heavy"
  t1=$(date +%s)
  check "100k glyphs: exit 0 (got $rc)" is_eq "$rc" 0
  check "100k glyphs: under 10 s (took $((t1 - t0)) s)" [ $((t1 - t0)) -lt 10 ]
  check "100k glyphs: one warning naming file and page ($(cat "$tmp/err"))" \
    is_eq "$(grep -c "^govfig: $heavy: warning: page 2 skipped: its text took longer than 5.000 s" "$tmp/err")/$(lines "$tmp/err")" 1/1
  check "100k glyphs: the pages around it are read" is_eq \
    "$(grep -o '^glyphs\.pdf,[0-9]' "$tmp/out-heavy/figures.csv" | uniq |
      tr '\n' ' ')" "glyphs.pdf,1 glyphs.pdf,3 "
  # A batch: the heavy file first, then the samples, two threads.
  cp "$sample" "$small" "$tmp/heavy/"
  "$GOVFIG" extract -q -o "$tmp/out-light" "$sample" "$small" 2>/dev/null
  t0=$(date +%s)
  run extract -j 2 -o "$tmp/out-batch" "$tmp/heavy"
  t1=$(date +%s)
  check "batch with the 100k page: exit 0 (got $rc)" is_eq "$rc" 0
  check "batch with the 100k page: under 10 s (took $((t1 - t0)) s)" \
    [ $((t1 - t0)) -lt 10 ]
  body=$(($(wc -c <"$tmp/out-light/figures.csv") -
    $(head -n 1 "$tmp/out-light/figures.csv" | wc -c)))
  check "batch with the 100k page: the samples' rows complete" is_eq \
    "$(tail -c "$body" "$tmp/out-batch/figures.csv" | cksum)" \
    "$(tail -n +2 "$tmp/out-light/figures.csv" | cksum)"
  # --max-glyphs: every page of the short sample has more than 100.
  run extract --max-glyphs 100 -o "$tmp/out-g100" "$small"
  check "--max-glyphs 100: a warning per page" is_eq \
    "$(grep -c 'skipped: [0-9]* glyphs, more than the limit of 100 (--max-glyphs)' "$tmp/err")" \
    "$(($(pdfinfo "$small" 2>/dev/null | sed -n 's/^Pages: *//p')))"
  run extract --max-glyphs x -o "$tmp/out-gx" "$small"
  check "--max-glyphs x: usage error (got $rc)" is_eq "$rc" 2
  run extract --max-page-time 0 -o "$tmp/out-t0" "$small"
  check "--max-page-time 0: usage error (got $rc)" is_eq "$rc" 2
else
  skip "cost limits (no python3)"
fi

# ---------------------------------------------------------------- attacks
# Names: spaces, a newline, a leading '-', a byte that is not UTF-8.  Every
# file is read, each doc cell is clean text, messages stay one line.
mkdir -p "$tmp/names"
nl='
'
for name in "a b.pdf" "new${nl}line.pdf" "-lead.pdf" "$(printf 'bad\377.pdf')"; do
  cp "$small" "$tmp/names/$name"
done
(cd "$tmp/names" && $WRAP "$GOVFIG" extract -q -o ../out-names -- "a b.pdf" \
  "new${nl}line.pdf" -lead.pdf "$(printf 'bad\377.pdf')") 2>"$tmp/err"
rc=$?
check "odd names: exit 0 (got $rc)" is_eq "$rc" 0
check "odd names: rows of all four files" is_eq \
  "$(grep -c '^[^,]*,1,.*,地区生产总值,level,' "$tmp/out-names/figures.csv")" \
  "$((4 * $(grep -c '^[^,]*,1,.*,地区生产总值,level,' \
    "$root/tests/golden/qiandongnan-2016.figures.csv")))"
if have python3; then
  python3 "$here/hostile.py" cells "$tmp/out-names/figures.csv" >"$tmp/cells"
  cells_rc=$?
  check "odd names: doc cells hold no control and are UTF-8 \
($(head -n 1 "$tmp/cells"))" is_eq "$cells_rc" 0
fi
"$GOVFIG" extract -q -o "$tmp/out-nl1" "$tmp/names/new${nl}line.pdf"
run check "$tmp/names/new${nl}line.pdf" "$tmp/out-nl1/figures.csv"
check "odd names: check proves the newline file's rows (exit $rc)" \
  is_eq "$rc" 0
run extract -o "$tmp/out-nl" "$tmp/names/no${nl}such.pdf"
check "a missing name with a newline: one line ($(cat "$tmp/err"))" \
  is_eq "$(lines "$tmp/err")" 1
check "a missing name with a newline: shown as \\n" grep -qF \
  "govfig: $tmp/names/no\\nsuch.pdf: cannot read" "$tmp/err"

# The output directory: a regular file, missing (made, parents too), and
# read-only for an unprivileged user (root writes anywhere).
printf 'x\n' >"$tmp/plain-file"
run extract -o "$tmp/plain-file" "$small"
check "-o a regular file: exit 3 (got $rc)" is_eq "$rc" 3
check "-o a regular file: says so ($(cat "$tmp/err"))" grep -q \
  "govfig: $tmp/plain-file: cannot create directory: Not a directory" \
  "$tmp/err"
check "-o a regular file: left as it was" is_eq "$(cat "$tmp/plain-file")" x
run extract -o "$tmp/made/deep/er" "$small"
check "-o missing: made with its parents (exit $rc)" \
  [ -s "$tmp/made/deep/er/figures.csv" ]
run extract -o "$tmp/never/made" "$tmp/empty.pdf"
check "-o missing, nothing read: no directory made" [ ! -e "$tmp/never" ]
ro=$(mktemp -d "${TMPDIR:-/tmp}/govfig-ro.XXXXXX")
chmod 755 "$ro" && mkdir "$ro/out" && cp "$small" "$ro/in.pdf" &&
  printf 'older\n' >"$ro/out/figures.csv" && chmod 555 "$ro/out" &&
  chmod 644 "$ro/in.pdf"
as_nobody=
if [ "$(id -u)" != 0 ]; then
  as_nobody=" "
elif have setpriv && setpriv --reuid=65534 --regid=65534 --clear-groups \
  true 2>/dev/null; then
  as_nobody="setpriv --reuid=65534 --regid=65534 --clear-groups"
fi
if [ -n "$as_nobody" ] && [ -x "$GOVFIG" ] &&
  $as_nobody test -r "$ro/in.pdf" -a -x "$GOVFIG" 2>/dev/null; then
  before=$(snap "$ro/out")
  # shellcheck disable=SC2086 # a command line
  $as_nobody "$GOVFIG" extract -o "$ro/out" "$ro/in.pdf" 2>"$tmp/err"
  rc=$?
  check "read-only -o, unprivileged: exit 3 (got $rc)" is_eq "$rc" 3
  check "read-only -o: says so ($(cat "$tmp/err"))" grep -q \
    "govfig: $ro/out: cannot create output file: Permission denied" \
    "$tmp/err"
  check "read-only -o: directory exactly as before" \
    is_eq "$(snap "$ro/out")" "$before"
else
  skip "read-only output directory (no unprivileged user to run as)"
fi
chmod -R u+w "$ro"; rm -rf "$ro"

# check against CSVs that are not figures.csv.
head -c 4096 /dev/urandom >"$tmp/garbage.csv"
printf 'doc,page,value,unit,raw\r\nx.pdf,1,\377\376,%%,6%%\r\n' \
  >"$tmp/notutf8.csv"
printf 'name,age\nAda,36\n' >"$tmp/columns.csv"
for c in garbage notutf8 columns; do
  run check "$small" "$tmp/$c.csv"
  check "check $c.csv: exit 2 (got $rc)" is_eq "$rc" 2
  check "check $c.csv: one line naming it ($(head -n 1 "$tmp/err"))" \
    is_eq "$(grep -c "^govfig: $tmp/$c\.csv" "$tmp/err")/$(lines "$tmp/err")" \
    1/1
done

# numbers and text on binary and on 50 MB.
head -c 1000000 /dev/urandom >"$tmp/binary.txt"
run numbers <"$tmp/binary.txt"
"$GOVFIG" numbers <"$tmp/binary.txt" >/dev/null 2>"$tmp/err"
rc=$?
check "numbers on binary: exit 1 (got $rc)" is_eq "$rc" 1
check "numbers on binary: one line" is_eq "$(lines "$tmp/err")" 1
run text "$tmp/binary.txt"
check "text on binary: exit 1, one line ($rc, $(lines "$tmp/err"))" \
  is_eq "$rc/$(lines "$tmp/err")" 1/1
if [ -z "$WRAP" ]; then
  "$GOVFIG" text "$sample" | tr '\f' '\n' >"$tmp/page.txt"
  : >"$tmp/big.txt"
  while [ "$(wc -c <"$tmp/big.txt")" -lt 52428800 ]; do
    cat "$tmp/page.txt" "$tmp/page.txt" "$tmp/page.txt" "$tmp/page.txt" \
      >>"$tmp/big.txt"
  done
  t0=$(date +%s)
  "$GOVFIG" numbers <"$tmp/big.txt" >"$tmp/big.numbers" 2>"$tmp/err"
  rc=$?
  t1=$(date +%s)
  check "numbers on 50 MB: exit 0 in under 60 s ($rc, $((t1 - t0)) s)" \
    [ "$rc" = 0 ] && [ $((t1 - t0)) -lt 60 ]
  check "numbers on 50 MB: every copy's numbers" [ \
    "$(lines "$tmp/big.numbers")" -gt 100000 ]
  "$GOVFIG" text "$tmp/big.txt" >"$tmp/big.out" 2>"$tmp/err"
  check "text on 50 MB: the text back (exit $?)" cmp -s "$tmp/big.txt" \
    "$tmp/big.out"
  rm -f "$tmp/big.txt" "$tmp/big.out" "$tmp/big.numbers"
else
  skip "50 MB inputs (WRAP is set)"
fi

# ---------------------------------------------------------------- outputs
# A full file system where figures.csv fits and parcels.csv does not: the
# second file fails, so neither is replaced (issue 16: both or neither).
mnt=$tmp/full
mkdir -p "$mnt"
fig_bytes=$(($(wc -c <"$root/tests/golden/licheng-2023.figures.csv")))
pages=$(((fig_bytes + 4095) / 4096 + 2))
if [ -n "$WRAP" ]; then
  skip "full file system (WRAP is set)"
elif mount -t tmpfs -o size=$((pages * 4))k govfig-test "$mnt" 2>/dev/null
then
  printf 'older\n' >"$mnt/figures.csv"
  printf 'older\n' >"$mnt/parcels.csv"
  before=$(snap "$mnt")
  run extract -o "$mnt" "$sample"
  after=$(snap "$mnt")
  check "full disk on the second file: exit 3 (got $rc)" is_eq "$rc" 3
  check "full disk on the second file: names parcels.csv ($(cat "$tmp/err"))" \
    grep -qF "govfig: $mnt/parcels.csv: write failed: No space left" \
    "$tmp/err"
  check "full disk on the second file: directory exactly as before" \
    is_eq "$after" "$before"
  umount "$mnt"
else
  skip "full file system (cannot mount a tmpfs here)"
fi
# Two runs into one directory: the renames of one wait for the other's
# (a lock on the directory), so the files always come from one run.
if have flock && [ -z "$WRAP" ]; then
  d=$tmp/locked-out
  mkdir -p "$d"
  flock "$d" sleep 2 &
  lock_pid=$!
  sleep 0.3
  "$GOVFIG" extract -q -o "$d" "$small" 2>/dev/null &
  run_pid=$!
  sleep 1
  check "a run waits for the directory lock before renaming" \
    [ ! -e "$d/figures.csv" ]
  wait "$run_pid"
  rc=$?
  wait "$lock_pid"
  check "the waiting run then finishes: exit 0 (got $rc)" is_eq "$rc" 0
  check "the waiting run then renames" [ -s "$d/figures.csv" ]
  check "the waiting run: no temporary file" no_leftovers "$d"
  # Two runs at once, ten times: figures.csv and parcels.csv of one run.
  printf '%s\n' '实现地区生产总值达到1327.8亿元。' \
    '该地块四至范围为：东至甲路，西至乙路，南至丙路，北至丁路。' >"$tmp/a.txt"
  printf '%s\n' '固定资产投资下降3%。' >"$tmp/b.txt"
  "$GOVFIG" extract -q -o "$tmp/ra" "$tmp/a.txt"
  "$GOVFIG" extract -q -o "$tmp/rb" "$tmp/b.txt"
  d=$tmp/race
  mixed=0
  i=0
  while [ $i -lt 10 ]; do
    "$GOVFIG" extract -q -o "$d" "$tmp/a.txt" &
    p1=$!
    "$GOVFIG" extract -q -o "$d" "$tmp/b.txt" &
    p2=$!
    wait "$p1"
    wait "$p2"
    if cmp -s "$d/figures.csv" "$tmp/ra/figures.csv"; then
      cmp -s "$d/parcels.csv" "$tmp/ra/parcels.csv" || mixed=$((mixed + 1))
    else
      cmp -s "$d/figures.csv" "$tmp/rb/figures.csv" &&
        cmp -s "$d/parcels.csv" "$tmp/rb/parcels.csv" ||
        mixed=$((mixed + 1))
    fi
    i=$((i + 1))
  done
  check "two runs at once, 10 times: never a mix ($mixed mixed)" \
    is_eq "$mixed" 0
  check "two runs at once: no temporary file" no_leftovers "$d"
else
  skip "two runs into one directory (no flock, or WRAP is set)"
fi

# ---------------------------------------------------------------- signals
# A FIFO input (.txt) blocks its worker until the signal comes; the rows
# of the sample before it are already in the temporary file by then.
# Non-interactive shells start background jobs with SIGINT ignored, which
# govfig then keeps ignoring: python3 restores the default to test it.
if [ -n "$WRAP" ]; then
  skip "signals (WRAP is set)"
elif mkfifo "$tmp/block.txt" 2>/dev/null && have python3; then
  for sig in INT TERM; do
    d=$tmp/sig-$sig
    mkdir -p "$d" && printf 'older\n' >"$d/figures.csv" &&
      printf 'older\n' >"$d/parcels.csv"
    python3 -c 'import os, signal, sys
signal.signal(signal.SIGINT, signal.SIG_DFL)
os.execv(sys.argv[1], sys.argv[1:])' "$GOVFIG" extract -j 2 -o "$d" \
      "$sample" "$tmp/block.txt" 2>/dev/null &
    pid=$!
    i=0
    while no_leftovers "$d" && [ $i -lt 100 ]; do
      sleep 0.1 2>/dev/null || sleep 1
      i=$((i + 1))
    done
    sleep 1 # let the sample's rows reach the temporary file
    kill -s "$sig" "$pid" 2>/dev/null
    wait "$pid"
    rc=$?
    want=$((128 + $(kill -l "$sig" 2>/dev/null || echo 0)))
    [ "$sig" = INT ] && want=130
    [ "$sig" = TERM ] && want=143
    check "SIG$sig: exit $want (got $rc)" is_eq "$rc" "$want"
    check "SIG$sig: older figures.csv kept" \
      is_eq "$(cat "$d/figures.csv")" older
    check "SIG$sig: older parcels.csv kept" \
      is_eq "$(cat "$d/parcels.csv")" older
    check "SIG$sig: no temporary file" no_leftovers "$d"
  done
  # During `extract -j2 DIR`: the directory holds a sample and the page of
  # 100,000 glyphs (5 s to its limit), so the signal finds work running.
  if [ -f "${heavy:-}" ]; then
    for sig in INT TERM; do
      d=$tmp/sigdir-$sig
      mkdir -p "$d" && printf 'older\n' >"$d/figures.csv"
      python3 -c 'import os, signal, sys
signal.signal(signal.SIGINT, signal.SIG_DFL)
os.execv(sys.argv[1], sys.argv[1:])' "$GOVFIG" extract -j2 -o "$d" \
        "$tmp/heavy" 2>/dev/null &
      pid=$!
      sleep 2
      kill -s "$sig" "$pid" 2>/dev/null
      wait "$pid"
      rc=$?
      want=130
      [ "$sig" = TERM ] && want=143
      check "SIG$sig during extract -j2 DIR: exit $want (got $rc)" \
        is_eq "$rc" "$want"
      check "SIG$sig during extract -j2 DIR: no temporary file" \
        no_leftovers "$d"
      check "SIG$sig during extract -j2 DIR: older figures.csv kept" \
        is_eq "$(cat "$d/figures.csv")" older
    done
  fi
else
  skip "signals (no mkfifo or python3)"
fi

finish
