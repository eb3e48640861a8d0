#!/bin/sh
# postgres.sh - the store's schema in PostgreSQL: a throwaway cluster
# (initdb + pg_ctl in a temporary directory, a Unix socket only, as an
# unprivileged user: nobody when run as root), `govfig schema --postgres`
# as its DDL, the CSVs of the series reports and the samples loaded with
# \copy as the README says, and the series view's rows compared with the
# SQLite store's of the same documents.  Skips, saying so, only when the
# PostgreSQL server binaries are not installed.
suite=postgres
. "$(dirname "$0")/lib.sh"

pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$pgbin" ] || [ ! -x "$pgbin/initdb" ] || [ ! -x "$pgbin/pg_ctl" ]; then
  skip "PostgreSQL server binaries not installed (/usr/lib/postgresql/*/bin)"
  finish
  exit
fi

# The cluster's directory: the server refuses to run as root, so as root
# everything PostgreSQL touches belongs to nobody.
pg=$(mktemp -d "${TMPDIR:-/tmp}/govfig-pg.XXXXXX") || exit 2
as() { "$@"; }
if [ "$(id -u)" = 0 ]; then
  chown nobody "$pg"
  as() { runuser -u nobody -- "$@"; }
fi
stop() {
  as "$pgbin/pg_ctl" -D "$pg/data" -m immediate stop >/dev/null 2>&1
  rm -rf "$pg"
}
trap 'stop; chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT

series=$root/samples/series
samples="$root/samples/licheng-2023.pdf $root/samples/qiandongnan-2016.pdf"
# shellcheck disable=SC2086
"$GOVFIG" extract -q --tables -o "$tmp/out" --db "$tmp/store.sqlite" \
  "$series" $samples
check "extract --db: exit 0" is_eq "$?" 0
"$GOVFIG" schema --postgres >"$tmp/schema.sql"
check "schema --postgres: exit 0" is_eq "$?" 0
# shellcheck disable=SC2086
"$GOVFIG" track -q "$series" $samples >"$tmp/out/track.csv"
check "track: exit 0" is_eq "$?" 0
cp "$tmp/schema.sql" "$tmp/out/"*.csv "$pg/"
chmod a+r "$pg"/*

as "$pgbin/initdb" -D "$pg/data" -U govfig --auth=trust -E UTF8 \
  --no-locale >"$tmp/initdb.log" 2>&1
check "initdb (see $tmp/initdb.log)" is_eq "$?" 0
as "$pgbin/pg_ctl" -D "$pg/data" -l "$pg/log" -w -t 60 \
  -o "-c listen_addresses='' -k $pg -c fsync=off" start >/dev/null 2>&1
check "pg_ctl start, a Unix socket only" is_eq "$?" 0

psql() {
  (cd "$pg" && as "$pgbin/psql" -X -q -v ON_ERROR_STOP=1 -h "$pg" \
    -U govfig -d postgres "$@")
}
psql -f schema.sql >"$tmp/psql.log" 2>&1
rc=$?
check "the DDL loads ($(head -n 3 "$tmp/psql.log"))" is_eq "$rc" 0
# The README's \copy lines: documents without loaded_at (a default),
# the others column for column (generated columns are skipped).
psql >>"$tmp/psql.log" 2>&1 <<'EOF'
\copy documents (doc, sha256, pages, report, year_actual, year_target) FROM 'documents.csv' CSV HEADER
\copy figures FROM 'figures.csv' CSV HEADER
\copy parcels FROM 'parcels.csv' CSV HEADER
\copy table_cells FROM 'tables.csv' CSV HEADER
\copy track FROM 'track.csv' CSV HEADER
EOF
rc=$?
check "\\copy of the five CSVs ($(tail -n 2 "$tmp/psql.log"))" is_eq "$rc" 0
n=$(psql -At -c "SELECT count(*) FROM track WHERE outcome IN ('met', 'missed')")
check "track.csv loads into the track table ($n met or missed)" [ "$n" -gt 0 ]

n=$(psql -At -c "SELECT count(*) FROM figures")
check "figures: as many rows as in SQLite ($n)" \
  is_eq "$n" "$(python3 "$here/store.py" rows "$tmp/out/figures.csv")"
q='SELECT indicator_key, period, kind, measure, value, unit, base_value, doc, page FROM series'
psql -At -F '|' -c "$q" >"$tmp/pg.rows"
check "series query in PostgreSQL" is_eq "$?" 0
python3 - "$tmp/store.sqlite" "$q" >"$tmp/lite.rows" <<'EOF'
import sqlite3, sys
for r in sqlite3.connect(sys.argv[1]).execute(sys.argv[2]):
    print("|".join("" if v is None else str(v) for v in r))
EOF
# numbers compared as numbers (numeric 132780000000 = REAL 132780000000.0),
# rows as sets (each database sorts text its own way)
python3 - "$tmp/pg.rows" "$tmp/lite.rows" >"$tmp/diff" <<'EOF'
import sys
from decimal import Decimal, InvalidOperation
def norm(line):
    out = []
    for f in line.rstrip("\n").split("|"):
        try:
            out.append(str(Decimal(f).normalize()) if f else f)
        except InvalidOperation:
            out.append(f)
    return tuple(out)
a, b = ([norm(l) for l in open(p, encoding="utf-8")] for p in sys.argv[1:])
print(len(a), len(b), "only pg:", sorted(set(a) - set(b))[:3],
      "only sqlite:", sorted(set(b) - set(a))[:3])
sys.exit(0 if sorted(a) == sorted(b) and len(a) > 100 else 1)
EOF
rc=$?
check "series: PostgreSQL's rows = SQLite's ($(cat "$tmp/diff"))" is_eq "$rc" 0
gdp=$(psql -At -F '|' -c "SELECT period, doc FROM series WHERE indicator_key = '地区生产总值' AND kind = 'actual' AND measure = 'level' AND period BETWEEN 2013 AND 2015 GROUP BY period, doc ORDER BY period")
check "series: 地区生产总值 of 2013-2015 from the three reports ($gdp)" \
  is_eq "$(echo $gdp)" \
  "2013|hailar-2014.pdf 2014|hailar-2015.pdf 2015|hailar-2016.pdf"
as "$pgbin/pg_ctl" -D "$pg/data" -w stop >/dev/null 2>&1
check "pg_ctl stop" is_eq "$?" 0
finish
