#!/usr/bin/env python3
"""view_dom.py - reads the DOM of a govfig view page (as a browser's
--dump-dom printed it) against its figures.csv.

usage: view_dom.py DOM CSV [BOXES_CSV]

Checks the markup contract: one element of class "fig" per row of the CSV
that has a box, its data-row the row's number (1 = first data row),
data-page its page and data-x0..data-y1 its x0..y1; one table row with
data-row per CSV row, showing its raw; the self-test's result
(<pre id="selftest" data-passed data-failed>) when the page ran it.  With
BOXES_CSV, writes page,raw,x0,y0,x1,y1 as the page has them, for
boxes.py to weigh against pdftotext.  Prints one line per problem and a
summary; exits 1 on any problem.
"""
import csv
import sys
from html.parser import HTMLParser


class Dom(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.figs, self.rows, self.selftest = [], {}, None
        self.cell = None      # [row number, cells so far] of the open <tr>
        self.text = None      # text of the open <td>, or of <pre>

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if "fig" in classes and tag != "tr":
            self.figs.append(a)
        elif tag == "tr" and "data-row" in a:
            self.cell = [a["data-row"], [], classes]
        elif tag == "td" and self.cell is not None:
            self.text = []
        elif tag == "pre" and a.get("id") == "selftest" and "data-failed" in a:
            self.selftest = (int(a["data-passed"]), int(a["data-failed"]))

    def handle_endtag(self, tag):
        if tag == "td" and self.cell is not None and self.text is not None:
            self.cell[1].append("".join(self.text))
            self.text = None
        elif tag == "tr" and self.cell is not None:
            self.rows[self.cell[0]] = (self.cell[1], self.cell[2])
            self.cell = None

    def handle_data(self, data):
        if self.text is not None:
            self.text.append(data)


def same(a, b):
    return abs(float(a) - float(b)) < 0.006


def main(argv):
    dom_path, csv_path = argv[0], argv[1]
    dom = Dom()
    with open(dom_path, encoding="utf-8") as f:
        dom.feed(f.read())
    with open(csv_path, newline="", encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    problems = []
    figs = {}
    for a in dom.figs:
        figs.setdefault(a.get("data-row"), []).append(a)
    boxed = 0
    for i, r in enumerate(rows, 1):
        n = str(i)
        has = all(r.get(k) for k in ("x0", "y0", "x1", "y1"))
        boxed += has
        got = figs.pop(n, [])
        if has and len(got) != 1:
            problems.append("row %s: %d boxes" % (n, len(got)))
        elif not has and got:
            problems.append("row %s: a box but no x0..y1" % n)
        for a in got:
            if a.get("data-page") != r["page"]:
                problems.append("row %s: box on page %s, row on %s" %
                                (n, a.get("data-page"), r["page"]))
            for k in ("x0", "y0", "x1", "y1"):
                if has and not same(a.get("data-" + k, "nan"), r[k]):
                    problems.append("row %s: data-%s %s, figures.csv %s" %
                                    (n, k, a.get("data-" + k), r[k]))
        tr = dom.rows.get(n)
        if tr is None:
            problems.append("row %s: no table row" % n)
        elif len(tr[0]) < 8 or tr[0][7].split() != r["raw"].split():
            problems.append("row %s: the table row does not show raw %r" %
                            (n, r["raw"]))
    for n in figs:
        problems.append("box of row %s, which figures.csv lacks" % n)
    if len(dom.rows) != len(rows):
        problems.append("%d table rows for %d CSV rows" % (len(dom.rows), len(rows)))
    if dom.selftest is not None and (dom.selftest[1] or not dom.selftest[0]):
        problems.append("the page's self-test: %d passed, %d failed" % dom.selftest)
    if len(argv) > 2:
        with open(argv[2], "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(["page", "raw", "x0", "y0", "x1", "y1"])
            for a in dom.figs:
                r = rows[int(a["data-row"]) - 1]
                w.writerow([a["data-page"], r["raw"]] +
                           [a["data-" + k] for k in ("x0", "y0", "x1", "y1")])
    for p in problems[:20]:
        print("view_dom: " + p)
    print("view_dom: %s: %d rows, %d boxes, %d table rows%s, %d problems" %
          (dom_path, len(rows), len(dom.figs), len(dom.rows),
           "" if dom.selftest is None else
           ", self-test %d passed %d failed" % dom.selftest, len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
