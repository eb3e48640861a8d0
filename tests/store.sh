#!/bin/sh
# store.sh - end-to-end tests of the store and the other output formats:
# extract --db over the three series reports then the two samples (one row
# per document, the same rows as the CSVs), again (nothing changes), the
# same file under another name, load of extracted directories equal to
# extract --db, a load killed with SIGKILL mid-document (integrity_check
# passes, exactly the documents committed before), two loads at once,
# refused databases, the series view across three years, --bom (EF BB BF,
# read by check and load), JSON Lines (parse with json.tool, equal the CSV
# row for row) and the GNU parallel scale-out recipe (equal to one extract
# --db run).  The databases are read with Python's sqlite3 (tests/store.py).
suite=store
. "$(dirname "$0")/lib.sh"

py() { python3 "$here/store.py" "$@"; }
series=$root/samples/series
samples="$root/samples/licheng-2023.pdf $root/samples/qiandongnan-2016.pdf"

# ---------------------------------------------------------------- extract --db
db=$tmp/store.sqlite
"$GOVFIG" extract -q --tables -o "$tmp/s1" --db "$db" "$series" 2>"$tmp/err"
check "extract --db series: exit 0 (got $?)" is_eq "$?" 0
# shellcheck disable=SC2086
"$GOVFIG" extract -q --tables -o "$tmp/s2" --db "$db" $samples 2>>"$tmp/err"
check "extract --db samples: exit 0 (got $?)" is_eq "$?" 0
check "extract --db: nothing on stderr" is_eq "$(cat "$tmp/err")" ""
sum1=$(py sum "$db")
check "five documents, one row each ($sum1)" \
  is_eq "$(echo "$sum1" | cut -d' ' -f1)" documents=5
nfig=$(($(py rows "$tmp/s1/figures.csv") + $(py rows "$tmp/s2/figures.csv")))
check "figure rows of the store = rows of the two figures.csv ($nfig)" \
  is_eq "$(echo "$sum1" | cut -d' ' -f2)" "figures=$nfig"
check "series rows equal their CSVs, cell for cell" py equals-csv "$db" "$tmp/s1"
check "sample rows equal their CSVs, cell for cell" py equals-csv "$db" "$tmp/s2"
want=$(sha256sum "$series/hailar-2015.pdf" | cut -d' ' -f1)
check "documents.csv: sha256 of the PDF as sha256sum has it" \
  grep -q "^hailar-2015.pdf,$want,18,work,2014,2015" "$tmp/s1/documents.csv"

# the same documents again: nothing changes
mkdir "$tmp/cwd"
# shellcheck disable=SC2086
(cd "$tmp/cwd" && "$GOVFIG" extract -q --db "$db" "$series" &&
  "$GOVFIG" extract -q --db "$db" $samples)
check "extract --db again: exit 0" is_eq "$?" 0
check "extract --db again: counts and checksum unchanged" \
  is_eq "$(py sum "$db")" "$sum1"
check "extract --db alone writes no files" is_eq "$(ls -A "$tmp/cwd")" ""

# one query across three years: 地区生产总值 of 2013, 2014 and 2015
py series "$db" >"$tmp/series"
for y in 2013:hailar-2014 2014:hailar-2015 2015:hailar-2016; do
  check "series: 地区生产总值 level of ${y%%:*} from ${y#*:}.pdf" \
    grep -q "^${y%%:*}|actual|level|[0-9.]*|亿元|[0-9.]*|${y#*:}\.pdf|" \
    "$tmp/series"
done

# the same bytes under another name replace the stored document
cp "$series/hailar-2014.pdf" "$tmp/renamed.pdf"
"$GOVFIG" extract -v --db "$db" "$tmp/renamed.pdf" 2>"$tmp/err"
check "renamed copy: said it replaced" grep -q "replacing" "$tmp/err"
check "renamed copy: still five documents" \
  is_eq "$(py sum "$db" | cut -d' ' -f1)" documents=5
python3 -c 'import sqlite3,sys; d=sqlite3.connect(sys.argv[1]); sys.exit(0 if [r[0] for r in d.execute("select doc from documents where doc like ? order by 1", ("%2014%",))] == [] and d.execute("select count(*) from figures where doc = ?", ("renamed.pdf",)).fetchone()[0] > 100 else 1)' "$db"
check "renamed copy: stored under its new name, the old one gone" is_eq "$?" 0

# ---------------------------------------------------------------- track --db
# shellcheck disable=SC2086
"$GOVFIG" track -q --db "$db" >"$tmp/track-db.csv"
check "track --db: exit 0 (got $?)" is_eq "$?" 0
# shellcheck disable=SC2086
"$GOVFIG" track -q "$tmp/renamed.pdf" "$series/hailar-2015.pdf" \
  "$series/hailar-2016.pdf" $samples >"$tmp/track-pdf.csv"
check "track --db = track of the same PDFs, byte for byte" \
  cmp -s "$tmp/track-db.csv" "$tmp/track-pdf.csv"
n=$(py rows "$tmp/track-db.csv")
check "track --db: the store's track table holds its $n rows" \
  is_eq "$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("select count(*) from track").fetchone()[0])' "$db")" "$n"
"$GOVFIG" track -q --db "$db" >/dev/null
check "track --db again: replaced, not added" \
  is_eq "$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("select count(*) from track").fetchone()[0])' "$db")" "$n"

# ---------------------------------------------------------------- load
"$GOVFIG" load --db "$tmp/loaded.sqlite" "$tmp/s1" "$tmp/s2"
check "load: exit 0 (got $?)" is_eq "$?" 0
check "load of the extracted directories = extract --db" \
  is_eq "$(py sum "$tmp/loaded.sqlite")" "$sum1"
"$GOVFIG" load --db "$tmp/loaded.sqlite" "$tmp/s1" "$tmp/s2"
check "load again: counts and checksum unchanged" \
  is_eq "$(py sum "$tmp/loaded.sqlite")" "$sum1"

# two loads at once into a new file: both succeed (busy timeout), same sum
"$GOVFIG" load --db "$tmp/both.sqlite" "$tmp/s1" "$tmp/s2" 2>"$tmp/e1" &
p1=$!
"$GOVFIG" load --db "$tmp/both.sqlite" "$tmp/s2" "$tmp/s1" 2>"$tmp/e2"
r2=$?
wait $p1
r1=$?
check "two loads at once: both exit 0 ($r1, $r2: $(cat "$tmp/e1" "$tmp/e2"))" \
  is_eq "$r1$r2" 00
check "two loads at once: the same store as one" \
  is_eq "$(py sum "$tmp/both.sqlite")" "$sum1"

# ---------------------------------------------------------------- kill -9
mkdir "$tmp/big"
py make-big "$tmp/s1" "$tmp/big" 3 120
"$GOVFIG" load -v --db "$tmp/killed.sqlite" "$tmp/big" 2>"$tmp/kerr" &
pid=$!
i=0
while [ "$(lines "$tmp/kerr")" -lt 1 ] && [ $i -lt 1200 ] &&
  kill -0 $pid 2>/dev/null; do
  sleep 0.05
  i=$((i + 1))
done
kill -9 $pid 2>/dev/null
wait $pid 2>/dev/null
check "killed load: integrity_check ok" \
  is_eq "$(py integrity "$tmp/killed.sqlite")" ok
k=$(py prefix "$tmp/killed.sqlite" "$tmp/big")
check "killed load: the documents committed before, each whole ($k of 3)" \
  [ "$k" = "$(lines "$tmp/kerr")" ]
check "killed load: killed mid-document, not after the end ($k of 3)" \
  [ "$k" -ge 1 ] && [ "$k" -lt 3 ]
"$GOVFIG" load --db "$tmp/killed.sqlite" "$tmp/big"
check "killed load, loaded again: all three" \
  is_eq "$(py prefix "$tmp/killed.sqlite" "$tmp/big")" 3

# ---------------------------------------------------------------- refused
cp "$tmp/loaded.sqlite" "$tmp/newer.sqlite"
py pragma "$tmp/newer.sqlite" "PRAGMA user_version = 99"
"$GOVFIG" load --db "$tmp/newer.sqlite" "$tmp/s1" 2>"$tmp/err"
check "newer store: exit 3 (got $?)" is_eq "$?" 3
check "newer store: says so" grep -q "newer.sqlite: made by a newer govfig" \
  "$tmp/err"
check "newer store: left as it was" \
  is_eq "$(py sum "$tmp/newer.sqlite")" "$sum1"
printf 'not a database\n' >"$tmp/text.sqlite"
"$GOVFIG" extract -q --db "$tmp/text.sqlite" "$series/hailar-2014.pdf" \
  2>"$tmp/err"
check "not SQLite: exit 3" is_eq "$?" 3
check "not SQLite: one line" \
  is_eq "$(cat "$tmp/err")" "govfig: $tmp/text.sqlite: not an SQLite database"
"$GOVFIG" load --db "$tmp/x.sqlite" "$series" 2>"$tmp/err"
check "load of a directory extract did not write: exit 1" is_eq "$?" 1
check "load of a directory extract did not write: says so" \
  grep -q "no documents.csv" "$tmp/err"
"$GOVFIG" load "$tmp/s1" 2>/dev/null
check "load without --db: usage error" is_eq "$?" 2

# ---------------------------------------------------------------- --bom
# shellcheck disable=SC2086
"$GOVFIG" extract -q --bom --tables -o "$tmp/bom" $samples
check "--bom: figures.csv starts with EF BB BF" \
  is_eq "$(head -c 3 "$tmp/bom/figures.csv" | od -An -tx1 | tr -d ' ')" efbbbf
check "--bom: only there" \
  is_eq "$(tail -c +4 "$tmp/bom/figures.csv" | cmp - "$tmp/s2/figures.csv" &&
    echo same)" same
"$GOVFIG" extract -q --bom -o "$tmp/bom1" "$root/samples/licheng-2023.pdf"
"$GOVFIG" check "$root/samples/licheng-2023.pdf" "$tmp/bom1/figures.csv" \
  >/dev/null 2>&1
check "--bom: govfig check accepts it" is_eq "$?" 0
"$GOVFIG" load --db "$tmp/bom.sqlite" "$tmp/bom"
check "--bom: load reads it" py equals-csv "$tmp/bom.sqlite" "$tmp/s2"

# ---------------------------------------------------------------- JSON Lines
# shellcheck disable=SC2086
"$GOVFIG" extract -q --format jsonl -o "$tmp/j" $samples
for r in figures parcels documents; do
  check "jsonl: $r.jsonl parses with json.tool --json-lines" \
    python3 -m json.tool --json-lines "$tmp/j/$r.jsonl" /dev/null
  check "jsonl: $r.jsonl equals $r.csv row for row" \
    py jsonl-equals-csv "$tmp/j/$r.jsonl" "$tmp/s2/$r.csv"
done
check "jsonl: exact decimals (base_value 132780000000)" \
  grep -q '"base_value":132780000000,' "$tmp/j/figures.jsonl"
# shellcheck disable=SC2086
"$GOVFIG" tables --format jsonl $samples >"$tmp/tables.jsonl"
check "tables --format jsonl equals tables.csv" \
  py jsonl-equals-csv "$tmp/tables.jsonl" "$tmp/s2/tables.csv"
"$GOVFIG" extract --bom --format jsonl "$series" 2>/dev/null
check "--bom with jsonl: usage error" is_eq "$?" 2

# ---------------------------------------------------------------- scale-out
# The README's recipe: one directory per report, in parallel, then one load.
if command -v parallel >/dev/null 2>&1; then
  # shellcheck disable=SC2086
  parallel --will-cite -j 2 "$GOVFIG" extract -q --tables -o "$tmp/par/{name}" \
    ::: "$series"/*.pdf $samples
  check "parallel: a directory per report" \
    is_eq "$(ls "$tmp/par" | tr '\n' ' ')" \
    "hailar-2014 hailar-2015 hailar-2016 licheng-2023 qiandongnan-2016 "
  "$GOVFIG" load --db "$tmp/par.sqlite" "$tmp/par"/*/
  check "parallel + load = one extract --db run" \
    is_eq "$(py sum "$tmp/par.sqlite")" "$sum1"
else
  skip "GNU parallel not installed: the scale-out recipe is not run"
fi

finish
