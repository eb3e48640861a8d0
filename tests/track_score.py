#!/usr/bin/env python3
"""Scores a track.csv against a hand-checked track gold (tests/data/track).

usage: track_score.py GOLD.csv TRACK.csv [MIN_AGREE]

Each gold row (a target of a 主要预期目标 sentence) is matched to the
track.csv row with the same target_doc, period, measure, target_value and
target_unit (the indicator decides between rows that share those).  Prints
one line per gold row that disagrees, then the counts; exits 1 when a gold
target is missing, when an outcome is met where the gold says missed or the
reverse, or when fewer than MIN_AGREE pairs with a next report agree.
"""
import csv
import sys
from decimal import Decimal


def rows(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def same_value(a, b):
    try:
        return Decimal(a) == Decimal(b)
    except Exception:
        return a == b


def find(g, track):
    cands = [r for r in track
             if r["target_doc"] == g["target_doc"]
             and r["period"] == g["period"] and r["measure"] == g["measure"]
             and same_value(r["target_value"], g["target_value"])
             and r["target_unit"] == g["target_unit"]]
    if len(cands) <= 1:
        return cands[0] if cands else None
    for test in (lambda r: g["indicator"] in (r["indicator"],
                                              r["indicator_key"]),
                 lambda r: g["indicator"] in r["indicator"]
                 or r["indicator"] in g["indicator"]):
        hit = [r for r in cands if test(r)]
        if len(hit) == 1:
            return hit[0]
    return None


def main():
    gold, track = rows(sys.argv[1]), rows(sys.argv[2])
    floor = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    missing = swapped = agree = pairs = 0
    for g in gold:
        r = find(g, track)
        judged = bool(g["actual_doc"]) or "no report of" not in g["why"]
        where = f'{g["target_doc"]} {g["period"]} {g["indicator"]} ' \
                f'{g["measure"]} {g["target_value"]}{g["target_unit"]}'
        if r is None:
            missing += 1
            print(f"missing: {where}")
            continue
        if judged:
            pairs += 1
        if r["outcome"] == g["outcome"]:
            agree += judged
            continue
        if {r["outcome"], g["outcome"]} == {"met", "missed"}:
            swapped += 1
            print(f"WRONG: {where}: {r['outcome']}, gold {g['outcome']} "
                  f"({g['why']})")
        else:
            print(f"differs: {where}: {r['outcome']} ({r['reason']}), gold "
                  f"{g['outcome']} ({g['why']})")
    print(f"targets: {len(gold)}, found {len(gold) - missing}")
    print(f"pairs with a next report: {pairs}, agree {agree} "
          f"({agree / pairs if pairs else 0:.3f})")
    print(f"met/missed swapped: {swapped}")
    bad = missing or swapped or agree < floor
    if agree < floor:
        print(f"agreement {agree} below its floor {floor}")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
