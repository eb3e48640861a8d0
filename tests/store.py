#!/usr/bin/env python3
"""store.py - what tests/store.sh and tests/postgres.sh ask of a govfig
store (SQLite, through Python's own sqlite3 module) and of the CSV and
JSON Lines files beside it.

  store.py sum DB                 row counts and a SHA-256 of every table
                                  (rows sorted, loaded_at left out)
  store.py integrity DB           PRAGMA integrity_check's answer
  store.py equals-csv DB DIR      the rows of DIR's CSVs are the store's rows
                                  of those documents, cell for cell
  store.py jsonl-equals-csv J C   J (JSON Lines) holds C's rows in order, the
                                  same names and cells (null for empty)
  store.py prefix DB DIR          the store's documents are the first k of
                                  DIR/documents.csv, each with all its
                                  figures; prints k
  store.py make-big SRC DIR N K   DIR gets N documents, each SRC's figures
                                  repeated K times (for the kill test)
  store.py rows CSV               the number of data rows of CSV
  store.py pragma DB SQL          runs one statement (PRAGMA user_version=9)
  store.py series DB              the series view's rows for 地区生产总值,
                                  actual, sorted, one per line
"""
import csv
import hashlib
import io
import json
import sqlite3
import sys

TABLES = ["documents", "figures", "parcels", "table_cells"]
FILES = {"documents": "documents.csv", "figures": "figures.csv",
         "parcels": "parcels.csv", "table_cells": "tables.csv"}
GUARDED = "=+-@\t\r'"


def connect(path):
    return sqlite3.connect("file:%s?mode=ro" % path, uri=True)


def columns(db, table):
    cols = [r[1] for r in db.execute('PRAGMA table_xinfo("%s")' % table)
            if r[6] == 0]  # hidden 0: not a generated column
    return [c for c in cols if c != "loaded_at"]


def cmd_sum(path):
    db = connect(path)
    h = hashlib.sha256()
    counts = []
    for t in TABLES:
        cols = columns(db, t)
        q = 'SELECT %s FROM "%s" ORDER BY %s' % (
            ", ".join('"%s"' % c for c in cols), t,
            ", ".join(str(i + 1) for i in range(len(cols))))
        n = 0
        for row in db.execute(q):
            h.update(repr(row).encode())
            n += 1
        counts.append("%s=%d" % (t, n))
    print(" ".join(counts), "sum=" + h.hexdigest())


def cmd_integrity(path):
    print(connect(path).execute("PRAGMA integrity_check").fetchone()[0])


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    return rows[0], rows[1:]


def unguard(cell):
    if len(cell) > 1 and cell[0] == "'" and cell[1] in GUARDED:
        return cell[1:]
    return cell


def as_text(v):
    if v is None:
        return ""
    if isinstance(v, float):
        return repr(v)
    return str(v)


def cmd_equals_csv(path, d):
    import os
    db = connect(path)
    _, docs = read_csv(os.path.join(d, "documents.csv"))
    names = [r[0] for r in docs]
    bad = 0
    for t in TABLES:
        f = os.path.join(d, FILES[t])
        if not os.path.exists(f):
            continue
        header, rows = read_csv(f)
        types = {r[1]: r[2] for r in db.execute('PRAGMA table_info("%s")' % t)}
        want = []
        for r in rows:
            cells = []
            for c, v in zip(header, r):
                v = unguard(v) if types[c] == "TEXT" else v
                if types[c] == "REAL" and v:
                    v = repr(float(v))
                cells.append(v)
            want.append(tuple(cells))
        q = 'SELECT %s FROM "%s" WHERE doc IN (%s)' % (
            ", ".join('"%s"' % c for c in header), t,
            ", ".join("?" for _ in names))
        got = [tuple(as_text(v) for v in r) for r in db.execute(q, names)]
        if sorted(want) != sorted(got):
            missing = set(want) - set(got)
            extra = set(got) - set(want)
            print("%s: %d CSV rows, %d stored; %d not stored, %d extra; e.g. %s"
                  % (t, len(want), len(got), len(missing), len(extra),
                     (sorted(missing) or sorted(extra))[:1]))
            bad += 1
    if bad:
        sys.exit(1)


def cmd_jsonl_equals_csv(jpath, cpath):
    header, rows = read_csv(cpath)
    with open(jpath, encoding="utf-8") as f:
        lines = f.read().split("\n")
    if lines[-1] != "":
        sys.exit("no line end after the last object")
    lines = lines[:-1]
    if len(lines) != len(rows):
        sys.exit("%d objects, %d CSV rows" % (len(lines), len(rows)))
    for i, (line, row) in enumerate(zip(lines, rows)):
        # numbers as their text: 1640000000 must be written as such
        obj = json.loads(line, parse_float=str, parse_int=str,
                         object_pairs_hook=list)
        if [k for k, _ in obj] != header:
            sys.exit("line %d: keys %s" % (i + 1, [k for k, _ in obj]))
        for (k, v), cell in zip(obj, row):
            want = unguard(cell)
            if (v is None and want != "") or (v is not None and v != want):
                sys.exit("line %d %s: json %r, csv %r" % (i + 1, k, v, cell))


def cmd_prefix(path, d):
    import os
    db = connect(path)
    _, docs = read_csv(os.path.join(d, "documents.csv"))
    header, figs = read_csv(os.path.join(d, "figures.csv"))
    per_doc = {}
    for r in figs:
        per_doc[r[0]] = per_doc.get(r[0], 0) + 1
    stored = {r[0]: r[1] for r in db.execute(
        "SELECT d.doc, (SELECT count(*) FROM figures f WHERE f.doc = d.doc)"
        " FROM documents d")}
    k = 0
    while k < len(docs) and docs[k][0] in stored:
        k += 1
    if set(stored) != set(r[0] for r in docs[:k]):
        sys.exit("stored %s is not a prefix of %s" % (sorted(stored),
                                                      [r[0] for r in docs]))
    for name, n in stored.items():
        if n != per_doc.get(name, 0):
            sys.exit("%s: %d figures stored, %d in the CSV" %
                     (name, n, per_doc.get(name, 0)))
    print(k)


def cmd_make_big(src, d, n, k):
    import os
    header, rows = read_csv(os.path.join(src, "figures.csv"))
    dh, docs = read_csv(os.path.join(src, "documents.csv"))
    with open(os.path.join(d, "figures.csv"), "w", newline="",
              encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(header)
        for i in range(int(n)):
            for _ in range(int(k)):
                for r in rows:
                    w.writerow(["big-%d.pdf" % i] + r[1:])
    with open(os.path.join(d, "documents.csv"), "w", newline="",
              encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(dh)
        for i in range(int(n)):
            sha = hashlib.sha256(b"big-%d" % i).hexdigest()
            w.writerow(["big-%d.pdf" % i, sha] + docs[0][2:])


def cmd_rows(path):
    print(len(read_csv(path)[1]))


def cmd_pragma(path, sql):
    db = sqlite3.connect(path)
    db.execute(sql)
    db.commit()
    db.close()


def cmd_series(path):
    db = connect(path)
    for r in db.execute(
            "SELECT period, kind, measure, value, unit, base_value, doc, page"
            " FROM series WHERE indicator_key = '地区生产总值'"
            " AND kind = 'actual' ORDER BY period, measure, doc, page, value"):
        print("|".join(as_text(v) for v in r))


def main(argv):
    cmds = {"sum": (cmd_sum, 1), "integrity": (cmd_integrity, 1),
            "equals-csv": (cmd_equals_csv, 2),
            "jsonl-equals-csv": (cmd_jsonl_equals_csv, 2),
            "prefix": (cmd_prefix, 2), "make-big": (cmd_make_big, 4),
            "pragma": (cmd_pragma, 2), "rows": (cmd_rows, 1), "series": (cmd_series, 1)}
    if len(argv) < 2 or argv[1] not in cmds or len(argv) != cmds[argv[1]][1] + 2:
        sys.exit(__doc__)
    cmds[argv[1]][0](*argv[2:])


if __name__ == "__main__":
    sys.stdout = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8")
    main(sys.argv)
