#!/usr/bin/env python3
"""Scores figures.csv's indicator_key against gold rows that carry one.

usage: keys.py GOLD.jsonl PAGES.txt FIGURES.csv

Gold figures are matched to rows as tests/score.py matches them (value,
unit, page); for every matched gold row with an "indicator_key", prints a
line for a row whose key differs.  Prints "keys: N of M" and exits 1 when
any key differs or a gold row is not found."""
import importlib.util
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("score", os.path.join(here, "score.py"))
sc = importlib.util.module_from_spec(spec)
spec.loader.exec_module(sc)


def main():
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    gold = [g for g in sc.load_gold(sys.argv[1]) if "indicator_key" in g]
    sc.place_pages(gold, sys.argv[2])
    rows = sc.read_rows(sys.argv[3])
    used = [False] * len(rows)
    ok = bad = 0
    for g in gold:
        best = None
        for i, r in enumerate(rows):
            if used[i] or not sc.row_matches(g, r) or not sc.page_ok(g, r):
                continue
            rank = (str(g.get("_page")) == str(r.get("page")),
                    sc.norm(g["raw"]) in sc.norm(r.get("raw")),
                    r.get("indicator_key") == g["indicator_key"])
            if best is None or rank > best[0]:
                best = (rank, i)
        if best is None:
            print(f"not found: {g['context']}")
            bad += 1
            continue
        used[best[1]] = True
        r = rows[best[1]]
        if r.get("indicator_key") == g["indicator_key"]:
            ok += 1
        else:
            print(f"key {r.get('indicator_key')!r}, want {g['indicator_key']!r}: {g['context']}")
            bad += 1
    print(f"keys: {ok} of {ok + bad}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
