#!/bin/sh
# view.sh - `govfig view` end to end, in a real browser (Debian's chromium,
# headless): the folder (index.html and one PNG per page, nothing else
# left), the page's own self-test (#selftest: each box drawn at its
# coordinates, clicks from box to row and back, the filter), its markup
# against figures.csv (tests/view_dom.py: one .fig per row with the row's
# page and x0..y1), the boxes over their text (tests/boxes.py: pdftotext
# -bbox words, on the sample and the series), a screenshot, an edited sheet
# (--csv) with its rejected rows in red, and failures that leave the folder
# as it was.  POSIX sh.
suite=view
. "$(dirname "$0")/lib.sh"

sample=$root/samples/licheng-2023.pdf
CHROMIUM=${CHROMIUM:-chromium}
run() {
  "$GOVFIG" "$@" >"$tmp/out" 2>"$tmp/err"
  rc=$?
}
# browser URL OPTION...: headless chromium, as root too (--no-sandbox),
# without network side trips; the DOM or the screenshot as asked.
browser() {
  url=$1
  shift
  timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu \
    --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync \
    --user-data-dir="$tmp/chrome" "$@" "$url" 2>>"$tmp/chrome.log"
}
no_leftovers() { [ -z "$(ls -A "$1" | grep '^\.')" ]; }
snap() {
  (cd "$1" && for f in $(ls -A); do
    printf '%s %s\n' "$f" "$(cksum <"$f")"
  done)
}

# ---------------------------------------------------------------- folder
run extract -q -o "$tmp/x" "$sample"
run view -o "$tmp/v" "$sample"
check "view: exit 0 (got $rc: $(cat "$tmp/err"))" is_eq "$rc" 0
check "view: index.html and 29 page images" is_eq \
  "$(ls "$tmp/v" | tr '\n' ' ')" \
  "index.html $(i=1; while [ $i -le 29 ]; do printf 'page-%04d.png ' $i;
    i=$((i + 1)); done)"
check "view: no temporary file left" no_leftovers "$tmp/v"
# PNG signature and IHDR size: 595.3 x 841.9 points at 96 dpi
check "view: page 1 is a 794 x 1123 PNG" is_eq \
  "$(od -An -tx1 -j 0 -N 24 "$tmp/v/page-0001.png" | tr -d ' \n')" \
  "89504e470d0a1a0a0000000d494844520000031a00000463"
check "view: self-contained (no http: or https: reference)" \
  sh -c "! grep -qE '(src|href)=\"(https?:)?//' '$tmp/v/index.html'"
run view --dpi 36 -j 1 -o "$tmp/v36" "$sample"
check "view --dpi 36 -j 1: page 1 is 298 x 421" is_eq \
  "$(od -An -tx1 -j 16 -N 8 "$tmp/v36/page-0001.png" | tr -d ' \n')" \
  "0000012a000001a5"
check "view --dpi 36: the same page, the boxes' coordinates unchanged" is_eq \
  "$(grep -o 'data-x0="[0-9.]*"' "$tmp/v36/index.html" | cksum)" \
  "$(grep -o 'data-x0="[0-9.]*"' "$tmp/v/index.html" | cksum)"

# ---------------------------------------------------------------- browser
if ! command -v "$CHROMIUM" >/dev/null 2>&1; then
  skip "no $CHROMIUM: the browser checks"
else
  browser "file://$tmp/v/index.html#selftest" --dump-dom >"$tmp/dom.html"
  check "browser: the page ran its self-test ($(grep -o 'selftest: [0-9]* passed, [0-9]* failed' "$tmp/dom.html"))" \
    grep -q 'data-failed="0"' "$tmp/dom.html"
  check "browser: markup against figures.csv, boxes over their text" \
    python3 "$here/view_dom.py" "$tmp/dom.html" "$tmp/x/figures.csv" \
    "$tmp/dom-boxes.csv"
  check "browser: boxes contain their raw's characters (pdftotext -bbox)" \
    python3 "$here/boxes.py" "$sample" "$tmp/dom-boxes.csv"
  browser "file://$tmp/v/index.html#row=1" --screenshot="$tmp/shot.png" \
    --window-size=1280,800 --hide-scrollbars >/dev/null
  check "browser: a screenshot" is_eq \
    "$(od -An -tx1 -N 8 "$tmp/shot.png" 2>/dev/null | tr -d ' \n')" \
    "89504e470d0a1a0a"

  # The series: every row boxed, the boxes over their text; one of them
  # in the browser too (small images: the boxes do not depend on them).
  for pdf in "$root"/samples/series/*.pdf; do
    name=$(basename "$pdf" .pdf)
    run extract -q -o "$tmp/x-$name" "$pdf"
    b=$tmp/x-$name/figures.csv
    if [ "$name" = hailar-2016 ]; then
      run view -q --dpi 24 -o "$tmp/v-$name" "$pdf"
      check "$name: view exit 0 (got $rc)" is_eq "$rc" 0
      browser "file://$tmp/v-$name/index.html#selftest" --dump-dom \
        >"$tmp/dom-$name.html"
      check "$name: markup and self-test" python3 "$here/view_dom.py" \
        "$tmp/dom-$name.html" "$b" "$tmp/b-$name.csv"
      b=$tmp/b-$name.csv
    fi
    check "$name: boxes over their text" python3 "$here/boxes.py" "$pdf" "$b"
  done

  # An edited sheet: a value changed (row 3), a box moved off its glyphs
  # (row 4); those two rows, and only they, are marked with the reason.
  python3 - "$tmp/x/figures.csv" "$tmp/edited.csv" <<'EOF'
import csv, sys
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    rows = list(csv.reader(f))
h = rows[0]
rows[3][h.index("value")] = "999.5"
rows[4][h.index("x0")] = "%.2f" % (float(rows[4][h.index("x0")]) + 9)
with open(sys.argv[2], "w", newline="", encoding="utf-8") as f:
    csv.writer(f, lineterminator="\r\n").writerows(rows)
EOF
  run view --csv "$tmp/edited.csv" -o "$tmp/ve" "$sample"
  check "--csv: exit 0 (got $rc: $(cat "$tmp/err"))" is_eq "$rc" 0
  browser "file://$tmp/ve/index.html#selftest" --dump-dom >"$tmp/dom-e.html"
  check "--csv: markup of the edited sheet, self-test" python3 \
    "$here/view_dom.py" "$tmp/dom-e.html" "$tmp/edited.csv"
  check "--csv: two rows marked rejected" is_eq \
    "$(grep -o '<tr class="[a-z]* bad" data-row="[0-9]*"' "$tmp/dom-e.html" |
      grep -o 'data-row="[0-9]*"' | tr '\n' ' ')" \
    'data-row="3" data-row="4" '
  check "--csv: the reasons shown" sh -c \
    "grep -q 'value 999.5 but the source says' '$tmp/dom-e.html' &&
     grep -q 'does not hold the glyphs of raw' '$tmp/dom-e.html'"
  check "--csv: the moved box drawn where the sheet says, in red" \
    grep -q "class=\"fig [a-z]* bad\" data-row=\"4\"" "$tmp/dom-e.html"
fi

# ---------------------------------------------------------------- failures
# The folder stays as it was when the command fails.
before=$(snap "$tmp/v")
printf 'doc,page,value\nlicheng-2023.pdf,1,3\n' >"$tmp/bad.csv"
run view --csv "$tmp/bad.csv" -o "$tmp/v" "$sample"
check "--csv without raw: exit 1 (got $rc)" is_eq "$rc" 1
check "--csv without raw: says so ($(cat "$tmp/err"))" \
  grep -qF "$tmp/bad.csv:1: the CSV header has no unit column" "$tmp/err"
check "--csv without raw: the older view untouched" is_eq \
  "$(snap "$tmp/v")" "$before"
printf 'not a pdf\n' >"$tmp/n.pdf"
run view -o "$tmp/vn" "$tmp/n.pdf"
check "not a PDF: exit 1 (got $rc)" is_eq "$rc" 1
check "not a PDF: message" grep -qF "govfig: $tmp/n.pdf: not a PDF" "$tmp/err"
check "not a PDF: no folder" [ ! -e "$tmp/vn" ]
printf '1327.8亿元\n' >"$tmp/t.txt"
run view -o "$tmp/vt" "$tmp/t.txt"
check "text input: exit 1 (got $rc)" is_eq "$rc" 1
check "text input: no folder" [ ! -e "$tmp/vt" ]
run view --dpi 0 "$sample"
check "--dpi 0: usage error (got $rc)" is_eq "$rc" 2
run view
check "no PDF: usage error (got $rc)" is_eq "$rc" 2
# A file system that holds some of the images only: exit 3, as before.
mnt=$tmp/full
mkdir -p "$mnt"
if mount -t tmpfs -o size=1m govfig-view "$mnt" 2>/dev/null; then
  printf 'older\n' >"$mnt/index.html"
  before=$(snap "$mnt")
  run view -o "$mnt" "$sample"
  after=$(snap "$mnt")
  check "full disk: exit 3 (got $rc)" is_eq "$rc" 3
  check "full disk: says so ($(head -1 "$tmp/err"))" \
    grep -q "No space left on device" "$tmp/err"
  check "full disk: folder exactly as before" is_eq "$after" "$before"
  umount "$mnt"
else
  skip "full file system (cannot mount a tmpfs here)"
fi

finish
