#!/usr/bin/env python3
"""boxes.py - are the figure boxes of a figures.csv over their text?

usage: boxes.py [--min RATIO] [--verbose] PDF CSV

The boxes (columns x0,y0,x1,y1, PDF points, origin top-left) are weighed
against Poppler's pdftotext -bbox word boxes, which come from the PDF
independently of govfig's own glyph boxes.  pdftotext words are runs of
characters between spaces: in Chinese text a word often holds more than
raw ("6%，较上年提升" for raw "6%"), so the comparison is character-wise:

  * raw's characters (whitespace left out) are found in the page's words
    (concatenated in pdftotext's order); of several occurrences, the one
    whose characters' bounding box best matches the box (intersection
    over union) is taken;
  * each character's box is cut from its word's box: a character
    advances by 1 em (a wide character - CJK, full-width, or of ambiguous
    width like “) or half an em (any other), the em being 0.77 of the
    word's height, plus an equal share of the word's remaining width (a
    justified line's slack).  Edges that are word edges, and the top and
    bottom, are exact; an edge inside a word is an estimate, allowed 0.3
    of the word's height (about a third of a character) either way, and
    when even that fails, pdftotext's own crop of the box (-x -y -W -H,
    which keeps the characters whose centre lies inside) must hold raw;
  * a row CONTAINS when the box holds every character's box (exact edges
    within 0.1 pt) and is NO WIDER and NOT TALLER than the pdftotext
    lines (words sharing a baseline) that raw touches, taken together (0.3 pt allowed: govfig keeps glyph boxes in 1/8 pt units and
    rounds a box outwards);
  * a row whose raw is not on its page at all, or whose box does not
    overlap raw's characters there, points to the wrong text.

Prints one line per failing row with --verbose and a summary; exits 1 when
fewer than RATIO (default 0.99) of the rows contain, or a row has no box,
or a box points to the wrong text.
"""
import csv
import html
import re
import subprocess
import sys
import unicodedata

EXACT = 0.1   # containment at exact edges (govfig rounds outwards)
SLACK = 0.3   # widths and heights: govfig keeps glyph boxes in 1/8 pt
INNER = 0.3

WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                  r'yMax="([\d.]+)">(.*?)</word>')


def page_words(pdf, page, cache={}):
    key = (pdf, page)
    if key not in cache:
        out = subprocess.run(
            ["pdftotext", "-f", str(page), "-l", str(page), "-bbox", pdf, "-"],
            check=True, capture_output=True, text=True).stdout
        cache[key] = [(float(a), float(b), float(c), float(d), html.unescape(t))
                      for a, b, c, d, t in WORD.findall(out)]
    return cache[key]


def weight(ch):
    return 1.0 if unicodedata.east_asian_width(ch) in "WFA" else 0.5


def char_stream(words):
    """Every character of the page's words with its estimated box and
    whether its left/right edges are exact (word edges).  A character
    advances by its width class times the em (0.77 of the word's height,
    as for the CJK fonts of these reports) plus an equal share of what is
    left of the word's width: justified lines spread their slack evenly."""
    chars = []
    for wi, (x0, y0, x1, y1, t) in enumerate(words):
        ws = [weight(c) for c in t]
        em = 0.77 * (y1 - y0)
        natural = em * sum(ws)
        if natural <= 0 or natural > x1 - x0:  # narrower font: scale down
            em = (x1 - x0) / (sum(ws) or 1.0)
            natural = x1 - x0
        gap = (x1 - x0 - natural) / len(t) if t else 0.0
        a = x0
        for k, c in enumerate(t):
            b = a + em * ws[k] + gap
            chars.append((c, a, y0, b if k < len(t) - 1 else x1, y1, k == 0,
                          k == len(t) - 1, wi))
            a = b
    return chars


def lines_of(words):
    """Line index per word: words whose vertical extents overlap by more
    than half share a line."""
    line, boxes = [], []
    for x0, y0, x1, y1, _ in words:
        for i, (a, b, c, d) in enumerate(boxes):
            ov = min(d, y1) - max(b, y0)
            if ov > 0.5 * min(d - b, y1 - y0):
                boxes[i] = (min(a, x0), min(b, y0), max(c, x1), max(d, y1))
                line.append(i)
                break
        else:
            boxes.append((x0, y0, x1, y1))
            line.append(len(boxes) - 1)
    return line, boxes


def fit(box, chars):
    """How well the box matches the characters' union: intersection over
    union of the two rectangles."""
    x0, y0, x1, y1 = box
    a = min(c[1] for c in chars)
    b = min(c[2] for c in chars)
    c_ = max(c[3] for c in chars)
    d = max(c[4] for c in chars)
    w = min(x1, c_) - max(x0, a)
    h = min(y1, d) - max(y0, b)
    if w <= 0 or h <= 0:
        return 0.0
    inter = w * h
    return inter / ((x1 - x0) * (y1 - y0) + (c_ - a) * (d - b) - inter)


def cropped(pdf, page, box):
    """pdftotext's text of the box, rounded outwards to whole points (its
    crop options take integers), whitespace left out.  Poppler keeps a
    character whose centre lies in the crop area."""
    x0, y0 = int(box[0]), int(box[1])
    w, h = int(box[2] + 0.999) - x0, int(box[3] + 0.999) - y0
    out = subprocess.run(
        ["pdftotext", "-f", str(page), "-l", str(page), "-x", str(x0), "-y",
         str(y0), "-W", str(w), "-H", str(h), pdf, "-"],
        check=True, capture_output=True, text=True).stdout
    return "".join(c for c in out if not c.isspace())


def judge(box, chars, words, crop):
    """None when the box contains chars, else the reason.  crop() gives
    pdftotext's text of the box, asked for only when an estimated edge
    inside a word fails."""
    x0, y0, x1, y1 = box
    inner = None
    for c, a, b, cc, d, left_exact, right_exact, wi in chars:
        if (left_exact and x0 > a + EXACT) or (right_exact and x1 < cc - EXACT) \
                or y0 > b + EXACT or y1 < d - EXACT:
            return "character %s (%.1f,%.1f,%.1f,%.1f) outside" % (c, a, b, cc, d)
        h = words[wi][3] - words[wi][1]
        if (not left_exact and x0 > a + INNER * h) or \
                (not right_exact and x1 < cc - INNER * h):
            inner = inner or c
    if inner and "".join(c[0] for c in chars) not in crop():
        return "character %s outside (estimated, and not in the crop)" % inner
    line, lboxes = lines_of(words)
    touched = sorted({line[wi] for *_, wi in chars})
    left = min(lboxes[i][0] for i in touched)
    right = max(lboxes[i][2] for i in touched)
    if x1 - x0 > right - left + SLACK:
        return "box %.1f wide, its lines %.1f" % (x1 - x0, right - left)
    top = min(lboxes[i][1] for i in touched)
    bottom = max(lboxes[i][3] for i in touched)
    if y1 - y0 > bottom - top + SLACK:
        return "box %.1f tall, its lines %.1f" % (y1 - y0, bottom - top)
    return None


def main(argv):
    ratio, verbose, args = 0.99, False, []
    it = iter(argv)
    for a in it:
        if a == "--min":
            ratio = float(next(it))
        elif a == "--verbose":
            verbose = True
        else:
            args.append(a)
    pdf, path = args
    with open(path, newline="", encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    n = contain = nobox = wrong = 0
    for i, r in enumerate(rows, 1):
        n += 1
        raw = "".join(c for c in r["raw"] if not c.isspace())
        cells = [r.get(k, "") for k in ("x0", "y0", "x1", "y1")]
        if not all(cells):
            nobox += 1
            if verbose:
                print("row %d: no box (raw %s)" % (i, r["raw"]))
            continue
        box = tuple(float(v) for v in cells)
        words = page_words(pdf, int(r["page"]))
        stream = char_stream(words)
        text = "".join(c[0] for c in stream)
        best, best_ov = None, 0.0
        for m in re.finditer("(?=%s)" % re.escape(raw), text):
            cand = stream[m.start():m.start() + len(raw)]
            ov = fit(box, cand)
            if best is None or ov > best_ov:
                best, best_ov = cand, ov
        if not best or best_ov <= 0:
            wrong += 1
            if verbose:
                print("row %d: page %s: box over other text than raw %s" %
                      (i, r["page"], r["raw"]))
            continue
        why = judge(box, best, words,
                    lambda: cropped(pdf, int(r["page"]), box))
        if why is None:
            contain += 1
        elif verbose:
            print("row %d: page %s raw %s: %s" % (i, r["page"], r["raw"], why))
    share = contain / n if n else 1.0
    print("boxes: %s: %d rows, %d with a box, %d contain their raw's "
          "characters and fit their line (%.1f%%), %d over other text" %
          (path, n, n - nobox, contain, 100 * share, wrong))
    return 0 if share >= ratio and not nobox and not wrong else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
