#!/usr/bin/env python3
"""hostile.py - makes hostile PDFs at test time (tests/hard.sh), so that
no large or odd binary is committed.

  python3 tests/hostile.py text OUT.pdf TEXT [TEXT...]
      one page per TEXT (\\n starts a new line, \\t a column 150 pt to
      the right: a table); every character is one
      glyph of a font whose ToUnicode map gives that very character, so
      the page text holds exactly TEXT: invisible characters (U+0000,
      bidi controls, zero-width spaces, a BOM) included.
  python3 tests/hostile.py cells CSV...
      exit 1, naming each, when a cell holds a Cf character or a control
      (a raw cell may hold the line breaks of the page text it is).
  python3 tests/hostile.py glyphs OUT.pdf N
      one page of N tiny glyphs (0.5 pt, one text-showing operator each,
      scattered over the page) between two normal pages; the cost of
      building the text of such a page is what a per-page limit stops.

Standard library only; the PDFs are written by hand (xref offsets
counted), fonts are not embedded (text extraction needs only ToUnicode).
"""
import random
import re
import sys
import unicodedata
import zlib


def pdf(objects):
    """objects: list of bytes bodies, object i+1; 1 is the catalog."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offs = []
    for i, body in enumerate(objects):
        offs.append(len(out))
        out += b"%d 0 obj\n" % (i + 1) + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for o in offs:
        out += b"%010d 00000 n \n" % o
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return bytes(out)


def stream(data, compress=False):
    if compress:
        data = zlib.compress(data)
        return b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(
            data) + data + b"\nendstream"
    return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def tounicode(chars):
    """A ToUnicode CMap: two-byte code i+1 -> chars[i] (UTF-16BE)."""
    lines = [b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
             b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) "
             b"/Supplement 0 >> def /CMapName /Adobe-Identity-UCS def "
             b"/CMapType 2 def",
             b"1 begincodespacerange <0000> <FFFF> endcodespacerange"]
    items = list(enumerate(chars))
    for k in range(0, len(items), 100):
        part = items[k:k + 100]
        lines.append(b"%d beginbfchar" % len(part))
        for i, ch in part:
            u = ch.encode("utf-16-be").hex().upper().encode()
            lines.append(b"<%04X> <%s>" % (i + 1, u))
        lines.append(b"endbfchar")
    lines.append(b"endcmap CMapName currentdict /CMap defineresource pop "
                 b"end end")
    return b"\n".join(lines)


def invisible(c):
    """Format characters and controls: drawn with no width, as a text
    with such characters is typeset."""
    return unicodedata.category(c) in ("Cf", "Cc")


def font_objects(first, chars):
    """A Type0 font (Identity-H) whose code i+1 is chars[i]; objects
    first..first+3; invisible characters have no width.  Returns (bodies,
    font reference)."""
    f, cid, desc, cmap = first, first + 1, first + 2, first + 3
    zero = b" ".join(b"%d [0]" % (i + 1) for i, c in enumerate(chars)
                     if invisible(c))
    bodies = [
        b"<< /Type /Font /Subtype /Type0 /BaseFont /GovfigTest "
        b"/Encoding /Identity-H /DescendantFonts [%d 0 R] "
        b"/ToUnicode %d 0 R >>" % (cid, cmap),
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /GovfigTest "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) "
        b"/Supplement 0 >> /FontDescriptor %d 0 R /DW 1000 /W [%s] "
        b"/CIDToGIDMap /Identity >>" % (desc, zero),
        b"<< /Type /FontDescriptor /FontName /GovfigTest /Flags 4 "
        b"/FontBBox [0 -200 1000 800] /ItalicAngle 0 /Ascent 800 "
        b"/Descent -200 /CapHeight 700 /StemV 80 >>",
        stream(tounicode(chars)),
    ]
    return bodies, f


def cmd_text(out, texts):
    chars = sorted({c for t in texts for c in t if c not in "\n\t"})
    code = {c: i + 1 for i, c in enumerate(chars)}
    n_pages = len(texts)
    # 1 catalog, 2 pages, 3.. page and content pairs, then the font.
    font_first = 3 + 2 * n_pages
    fbodies, fref = font_objects(font_first, chars)
    kids = b" ".join(b"%d 0 R" % (3 + 2 * i) for i in range(n_pages))
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, n_pages)]
    for i, t in enumerate(texts):
        ops = [b"BT /F1 12 Tf"]
        for n, line in enumerate(t.split("\n")):
            # a TAB starts a column 150 pt further right (a table)
            for col, piece in enumerate(line.split("\t")):
                hexs = "".join("%04X" % code[c] for c in piece)
                ops.append(b"1 0 0 1 %d %d Tm <%s> Tj" %
                           (72 + 150 * col, 770 - 18 * n, hexs.encode()))
        ops.append(b"ET")
        objs.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                    b"/Contents %d 0 R /Resources << /Font << /F1 %d 0 R >> "
                    b">> >>" % (4 + 2 * i, fref))
        objs.append(stream(b"\n".join(ops)))
    objs += fbodies
    with open(out, "wb") as f:
        f.write(pdf(objs))


def cmd_glyphs(out, n):
    rnd = random.Random(16)
    chars = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "%", "亿", "元"]
    first = "实现地区生产总值达到1327.8亿元，同比增长6%。"
    last = "固定资产投资增长7.5%。"
    chars = sorted(set(chars) | set(first) | set(last))
    code = {c: i + 1 for i, c in enumerate(chars)}
    fbodies, fref = font_objects(9, chars)
    page1 = b"BT /F1 12 Tf 72 770 Td <%s> Tj ET" % "".join(
        "%04X" % code[c] for c in first).encode()
    page3 = b"BT /F1 12 Tf 72 770 Td <%s> Tj ET" % "".join(
        "%04X" % code[c] for c in last).encode()
    ops = [b"BT /F1 0.5 Tf"]
    digits = [code[c] for c in "1234567890"]
    for _ in range(n):
        x = rnd.uniform(10, 585)
        y = rnd.uniform(10, 832)
        ops.append(b"1 0 0 1 %.2f %.2f Tm <%04X> Tj" %
                   (x, y, rnd.choice(digits)))
    ops.append(b"ET")
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R 5 0 R 7 0 R] /Count 3 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Contents 4 0 R /Resources << /Font << /F1 %d 0 R >> >> >>"
            % fref,
            stream(page1),
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Contents 6 0 R /Resources << /Font << /F1 %d 0 R >> >> >>"
            % fref,
            stream(b"\n".join(ops), compress=True),
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Contents 8 0 R /Resources << /Font << /F1 %d 0 R >> >> >>"
            % fref,
            stream(page3)]
    objs += fbodies
    with open(out, "wb") as f:
        f.write(pdf(objs))


def cmd_cells(paths):
    """Every cell of every CSV: no Cf character and no control, except the
    line breaks of a raw cell (raw is page text, which keeps them).
    Prints each offending cell; exit status 1 when there is one."""
    import csv
    bad = 0
    for path in paths:
        with open(path, encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f))
        head = rows[0] if rows else []
        for n, row in enumerate(rows):
            for k, cell in enumerate(row):
                col = head[k] if k < len(head) else str(k)
                for c in cell:
                    if c == "\n" and col == "raw":
                        continue
                    if unicodedata.category(c) in ("Cf", "Cc"):
                        print("%s: row %d, %s: U+%04X in %r" %
                              (path, n + 1, col, ord(c), cell[:40]))
                        bad += 1
                        break
    return 1 if bad else 0


def unescape(s):
    """\\uXXXX, \\UXXXXXXXX, \\n and \\\\ in a command-line TEXT."""
    def one(m):
        e = m.group(1)
        if e == "n":
            return "\n"
        if e == "t":
            return "\t"
        if e == "\\":
            return "\\"
        return chr(int(e[1:], 16))
    return re.sub(r"\\(n|t|\\|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8})", one, s)


def main(argv):
    if len(argv) >= 4 and argv[1] == "text":
        cmd_text(argv[2], [unescape(a) for a in argv[3:]])
    elif len(argv) >= 3 and argv[1] == "cells":
        return cmd_cells(argv[2:])
    elif len(argv) == 4 and argv[1] == "glyphs":
        cmd_glyphs(argv[2], int(argv[3]))
    else:
        sys.stderr.write(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
