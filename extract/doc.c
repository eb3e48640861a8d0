/* doc.c - the gf_doc handle: opening a PDF (through pdf.c) or plain text
 * (pages split at form feeds, as pdftotext writes them; lines.c splits
 * pages into lines), and the accessors of include/govfig.h.  Page text is kept
 * exactly as extracted: every record's start/end points into it. */
#include <stdio.h>
#include <string.h>

#include "extract/extract.h"
#include "normalize/normalize.h"

/* The doc column: the file name without directory, as text a cell can
 * hold - a byte that is not UTF-8 and a control character (a newline in
 * the name) become U+FFFD, format characters (a bidi override that would
 * show "report.exe" as "exe.troper") are dropped.  NULL when out of
 * memory. */
static char *doc_name(const char *path) {
  const char *slash = strrchr(path, '/');
  const char *s = slash ? slash + 1 : path;
  size_t len = strlen(s);
  gf_buf b = {0};
  for (size_t i = 0; i < len;) {
    int32_t cp = 0;
    size_t k = gf_utf8_decode(s + i, len - i, &cp);
    int f = k ? gf_format_char(cp) : GF_FMT_KEEP;
    if (k == 0 || (f != GF_FMT_KEEP && cp < 0xA0) || cp == '\n' ||
        cp == '\r')
      gf_buf_put(&b, "\xEF\xBF\xBD", 3); /* U+FFFD */
    else if (f == GF_FMT_KEEP)
      gf_buf_put(&b, s + i, k);
    i += k ? k : 1;
  }
  return gf_buf_detach(&b, NULL);
}

void gf_doc_free(gf_doc *doc) {
  if (!doc) return;
  for (size_t i = 0; i < doc->n_pages; i++) {
    gf_free(doc->pages[i].text);
    gf_free(doc->pages[i].glyphs);
  }
  gf_free(doc->pages);
  if (doc->cap_lines) gf_free(doc->lines);
  gf_free(doc->name);
  gf_free(doc);
}

int gf_doc_open(const char *path, const char *password, unsigned opts,
                gf_doc **out, gf_error *err) {
  return gf_doc_open_limited(path, password, opts, NULL, out, err);
}

int gf_doc_open_limited(const char *path, const char *password, unsigned opts,
                        const gf_doc_limits *limits, gf_doc **out,
                        gf_error *err) {
  gf_error_fill(err, GF_OK, 0, 0);
  if (out) *out = NULL;
  if (!path || !out) return gf_error_fill(err, GF_EINVAL, 0, 0);
  gf_doc *doc = gf_calloc(1, sizeof *doc);
  if (!doc) return gf_error_fill(err, GF_ENOMEM, 0, 0);
  size_t glyphs = limits ? limits->max_glyphs : 0;
  unsigned ms = limits ? limits->page_ms : 0;
  doc->max_glyphs = glyphs == 0 ? GF_MAX_GLYPHS_DEFAULT
                    : glyphs == (size_t)-1 ? 0 : glyphs;
  doc->page_ms = ms == 0 ? GF_PAGE_MS_DEFAULT : ms == (unsigned)-1 ? 0 : ms;
  int rc = GF_ENOMEM;
  doc->name = doc_name(path);
  if (!doc->name) goto fail;
  rc = gf_pdf_load(doc, path, password, GF_OPT_THREADS_OF(opts), err);
  if (rc) goto fail;
  /* The bytes Poppler just read, so in the page cache: a few ms. */
  rc = gf_sha256_file(path, doc->sha256);
  if (rc) goto fail;
  rc = gf_layout_mark_furniture(doc);
  if (rc) goto fail;
  *out = doc;
  return GF_OK;
fail:
  gf_doc_free(doc);
  if (!err || err->code != rc) gf_error_fill(err, rc, 0, 0);
  return rc;
}

/* Page text is valid UTF-8 without NUL bytes: a NUL would cut the C
 * strings (raw, page text) that rows and callers see.  *bad gets the offset
 * of the first invalid byte. */
static int valid_utf8(const char *s, size_t len, size_t *bad) {
  const unsigned char *u = (const unsigned char *)s;
  size_t i = 0;
  while (i < len) {
    unsigned char c = u[i];
    if (c && c < 0x80) { /* ASCII */
      i++;
      continue;
    }
    /* Han and CJK punctuation, most of the rest: a lead byte E1..EF but
     * not ED (E0 and ED restrict their second byte) and two continuation
     * bytes. */
    if (c >= 0xE1 && c <= 0xEF && c != 0xED && len - i >= 3 &&
        (u[i + 1] & 0xC0) == 0x80 && (u[i + 2] & 0xC0) == 0x80) {
      i += 3;
      continue;
    }
    int32_t cp;
    size_t n = c ? gf_utf8_decode(s + i, len - i, &cp) : 0;
    if (n == 0) {
      *bad = i;
      return 0;
    }
    i += n;
  }
  return 1;
}

/* Takes ownership of the name (gf_malloc'd); text is copied page by
 * page. */
static int open_text(char *name, const char *text, size_t len, gf_doc **out,
                     gf_error *err) {
  size_t bad = 0;
  gf_sha256 sha;
  if (!valid_utf8(text, len, &bad)) {
    gf_free(name);
    /* A NUL byte means binary data or UTF-16, not UTF-8 text: refused
     * as a whole rather than read around (a PDF's U+0000, which Poppler
     * never hands on, is another matter). */
    if (bad < len && text[bad] == '\0')
      return gf_error_set(err, GF_EUTF8, "a NUL byte: not UTF-8 text", 0,
                          bad);
    return gf_error_fill(err, GF_EUTF8, 0, bad);
  }
  gf_doc *doc = gf_calloc(1, sizeof *doc);
  if (!doc) {
    gf_free(name);
    return gf_error_fill(err, GF_ENOMEM, 0, 0);
  }
  doc->name = name;
  gf_sha256_init(&sha);
  gf_sha256_update(&sha, text, len);
  gf_sha256_hex(&sha, doc->sha256);
  /* pdftotext ends every page with '\f': the last one opens no page. */
  const char *last = text + len;
  size_t n = 1;
  for (const char *f = text;
       (f = memchr(f, '\f', (size_t)(last - f))) && f + 1 < last; f++)
    n++;
  doc->pages = gf_calloc(n, sizeof *doc->pages);
  if (!doc->pages) goto fail;
  size_t start = 0;
  for (size_t p = 0; p < n; p++) {
    const char *f = memchr(text + start, '\f', len - start);
    size_t end = f ? (size_t)(f - text) : len, removed = 0;
    doc->pages[p].text = gf_strndup(text + start, end - start);
    if (!doc->pages[p].text) goto fail;
    doc->pages[p].len =
        gf_format_strip(doc->pages[p].text, end - start, NULL, &removed);
    doc->n_format += removed;
    doc->n_pages = p + 1;
    start = end + 1;
  }
  if (gf_doc_split_lines(doc) || gf_layout_mark_furniture(doc)) goto fail;
  *out = doc;
  return GF_OK;
fail:
  gf_doc_free(doc);
  return gf_error_fill(err, GF_ENOMEM, 0, 0);
}

int gf_doc_open_text(const char *name, const char *text, size_t len,
                     gf_doc **out, gf_error *err) {
  gf_error_fill(err, GF_OK, 0, 0);
  if (out) *out = NULL;
  if (!out || (!text && len)) return gf_error_fill(err, GF_EINVAL, 0, 0);
  char *nm = gf_strdup(name ? name : "-");
  if (!nm) return gf_error_fill(err, GF_ENOMEM, 0, 0);
  return open_text(nm, text ? text : "", len, out, err);
}

int gf_doc_open_text_file(const char *path, gf_doc **out, gf_error *err) {
  gf_error_fill(err, GF_OK, 0, 0);
  if (out) *out = NULL;
  if (!path || !out) return gf_error_fill(err, GF_EINVAL, 0, 0);
  FILE *f = fopen(path, "rb");
  if (!f) return gf_error_fill(err, GF_EIO, 0, 0);
  gf_buf b = {0};
  char chunk[65536];
  size_t got;
  while ((got = fread(chunk, 1, sizeof chunk, f)) > 0)
    gf_buf_put(&b, chunk, got);
  int io_bad = ferror(f);
  fclose(f);
  if (io_bad) {
    gf_buf_free(&b);
    return gf_error_fill(err, GF_EIO, 0, 0);
  }
  size_t len = 0;
  char *text = gf_buf_detach(&b, &len);
  if (!text) return gf_error_fill(err, GF_ENOMEM, 0, 0);
  char *nm = doc_name(path);
  if (!nm) {
    gf_free(text);
    return gf_error_fill(err, GF_ENOMEM, 0, 0);
  }
  int rc = open_text(nm, text, len, out, err);
  gf_free(text);
  return rc;
}

/* ------------------------------------------------------------ boxes */

/* Whitespace has a box of its own in Poppler's layout ('\n' at the line's
 * end, a justified line's spaces): those are no part of a figure's box. */
static int is_blank_at(const char *s, size_t len) {
  unsigned char c = (unsigned char)s[0];
  if (c < 0x80) return c == ' ' || (c >= '\t' && c <= '\r');
  int32_t cp = 0;
  if (gf_utf8_decode(s, len, &cp) == 0) return 0;
  return cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x3000 ||
         cp == 0x202F || cp == 0x205F || cp == 0xFEFF;
}

int gf_doc_box(const struct gf_doc *doc, size_t page, size_t start,
               size_t end, double box[4]) {
  if (page >= doc->n_pages) return 0;
  const gf_page *pg = &doc->pages[page];
  if (!pg->glyphs || end > pg->len) end = pg->len;
  if (!pg->glyphs || start >= end) return 0;
  /* glyphs are in text order: the first one at or after start */
  size_t lo = 0, hi = pg->n_glyphs;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (pg->glyphs[mid].off < start)
      lo = mid + 1;
    else
      hi = mid;
  }
  unsigned x0 = 65535, y0 = 65535, x1 = 0, y1 = 0;
  int any = 0;
  for (size_t i = lo; i < pg->n_glyphs && pg->glyphs[i].off < end; i++) {
    const gf_glyph *g = &pg->glyphs[i];
    if (g->x1 <= g->x0 || is_blank_at(pg->text + g->off, pg->len - g->off))
      continue;
    if (g->x0 < x0) x0 = g->x0;
    if (g->y0 < y0) y0 = g->y0;
    if (g->x1 > x1) x1 = g->x1;
    if (g->y1 > y1) y1 = g->y1;
    any = 1;
  }
  if (!any) return 0;
  /* Half a unit outwards: the stored boxes were rounded to the nearest
   * unit, so this one encloses the glyphs as Poppler placed them. */
  const double half = 0.5 / GF_GLYPH_UNITS;
  box[0] = x0 > 0 ? gf_glyph_pt((uint16_t)x0) - half : 0;
  box[1] = y0 > 0 ? gf_glyph_pt((uint16_t)y0) - half : 0;
  box[2] = gf_glyph_pt((uint16_t)x1) + half;
  box[3] = gf_glyph_pt((uint16_t)y1) + half;
  return 1;
}

void gf_doc_figure_box(const struct gf_doc *doc, gf_figure *r) {
  double b[4] = {0, 0, 0, 0};
  r->has_box = r->page >= 1 &&
               gf_doc_box(doc, (size_t)r->page - 1, r->start, r->end, b);
  r->x0 = b[0];
  r->y0 = b[1];
  r->x1 = b[2];
  r->y1 = b[3];
}

int gf_doc_text_box(const gf_doc *doc, size_t page, size_t start, size_t end,
                    double box[4]) {
  if (!doc || !box) return GF_EINVAL;
  box[0] = box[1] = box[2] = box[3] = 0;
  if (page < 1) return 0;
  return gf_doc_box(doc, page - 1, start, end, box);
}

int gf_doc_page_size(const gf_doc *doc, size_t page, double *width,
                     double *height) {
  if (width) *width = 0;
  if (height) *height = 0;
  if (!doc || page < 1 || page > doc->n_pages) return 0;
  const gf_page *pg = &doc->pages[page - 1];
  if (pg->width <= 0 || pg->height <= 0) return 0;
  if (width) *width = pg->width;
  if (height) *height = pg->height;
  return 1;
}

const char *gf_doc_name(const gf_doc *doc) { return doc ? doc->name : NULL; }

size_t gf_doc_page_count(const gf_doc *doc) { return doc ? doc->n_pages : 0; }

const char *gf_doc_page_text(const gf_doc *doc, size_t page, size_t *len) {
  if (len) *len = 0;
  if (!doc || page < 1 || page > doc->n_pages) return NULL;
  if (len) *len = doc->pages[page - 1].len;
  return doc->pages[page - 1].text;
}

int gf_doc_damaged(const gf_doc *doc) { return doc ? doc->damaged : 0; }

const char *gf_doc_sha256(const gf_doc *doc) {
  return doc ? doc->sha256 : NULL;
}

size_t gf_doc_skipped_count(const gf_doc *doc) {
  size_t n = 0;
  for (size_t i = 0; doc && i < doc->n_pages; i++) n += !!doc->pages[i].skipped;
  return n;
}

int gf_doc_page_skipped(const gf_doc *doc, size_t page, size_t *glyphs) {
  if (glyphs) *glyphs = 0;
  if (!doc || page < 1 || page > doc->n_pages) return 0;
  if (glyphs) *glyphs = doc->pages[page - 1].n_seen;
  return doc->pages[page - 1].skipped;
}

int gf_doc_abandoned(const gf_doc *doc) { return doc ? doc->abandoned : 0; }

size_t gf_doc_format_removed(const gf_doc *doc) {
  return doc ? doc->n_format : 0;
}
