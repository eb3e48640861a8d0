/* test_doc.c - opening documents: the PDF samples (pages, text, running
 * footers), every error code of gf_doc_open on a crafted or damaged file,
 * plain-text input split at form feeds, and the fixed error texts. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "extract/extract.h"
#include "include/govfig.h"
#include "normalize/normalize.h"

#define LICHENG GF_SRCDIR "/samples/licheng-2023.pdf"
#define QDN2016 GF_SRCDIR "/samples/qiandongnan-2016.pdf"

/* Writes len bytes to a new file under /tmp; the caller unlinks path. */
static void temp_file(char path[64], const void *data, size_t len) {
  strcpy(path, "/tmp/gf_test_doc_XXXXXX");
  int fd = mkstemp(path);
  assert_true(fd >= 0);
  FILE *f = fdopen(fd, "wb");
  assert_non_null(f);
  if (len) assert_int_equal(fwrite(data, 1, len, f), len);
  assert_int_equal(fclose(f), 0);
}

static char *read_all(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  assert_non_null(f);
  assert_int_equal(fseek(f, 0, SEEK_END), 0);
  long n = ftell(f);
  assert_true(n > 0);
  rewind(f);
  char *p = malloc((size_t)n);
  assert_non_null(p);
  assert_int_equal(fread(p, 1, (size_t)n, f), (size_t)n);
  fclose(f);
  *len = (size_t)n;
  return p;
}

/* FIPS 180-4 / NIST CAVP examples, fed whole and in uneven pieces (the
 * block buffer's edges: 55, 56, 63, 64 bytes). */
static void test_doc_sha256_vectors(void **state) {
  (void)state;
  static const struct {
    const char *msg;
    size_t repeat;
    const char *hex;
  } v[] = {
      {"", 1,
       "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
      {"abc", 1,
       "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
      {"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 1,
       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
      {"a", 1000000,
       "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"},
      {"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ#$", 1,
       NULL}, /* 64 bytes: compared between piece sizes only */
  };
  for (size_t i = 0; i < sizeof v / sizeof *v; i++) {
    char whole[GF_SHA256_HEX] = "";
    for (size_t piece = 1; piece <= 65; piece += 9) {
      gf_sha256 s;
      gf_sha256_init(&s);
      size_t len = strlen(v[i].msg);
      for (size_t r = 0; r < v[i].repeat; r++)
        for (size_t off = 0; off < len; off += piece)
          gf_sha256_update(&s, v[i].msg + off,
                           len - off < piece ? len - off : piece);
      char hex[GF_SHA256_HEX];
      gf_sha256_hex(&s, hex);
      if (v[i].hex && strcmp(hex, v[i].hex) != 0)
        fail_msg("vector %zu piece %zu: %s", i, piece, hex);
      if (!whole[0]) memcpy(whole, hex, sizeof hex);
      assert_string_equal(hex, whole);
      if (v[i].repeat > 1) break; /* the million a's: once is enough */
    }
  }
  for (size_t n = 54; n <= 66; n++) { /* padding around one block */
    char buf[70];
    memset(buf, 'x', n);
    gf_sha256 a, b;
    gf_sha256_init(&a);
    gf_sha256_update(&a, buf, n);
    gf_sha256_init(&b);
    for (size_t k = 0; k < n; k++) gf_sha256_update(&b, buf + k, 1);
    char ha[GF_SHA256_HEX], hb[GF_SHA256_HEX];
    gf_sha256_hex(&a, ha);
    gf_sha256_hex(&b, hb);
    assert_string_equal(ha, hb);
  }
}

/* A PDF's hash is its file's; a text document's, its text's. */
static void test_doc_sha256_of_documents(void **state) {
  (void)state;
  gf_doc *doc = NULL;
  assert_int_equal(gf_doc_open(QDN2016, NULL, 0, &doc, NULL), GF_OK);
  char want[GF_SHA256_HEX];
  assert_int_equal(gf_sha256_file(QDN2016, want), GF_OK);
  assert_string_equal(gf_doc_sha256(doc), want);
  gf_doc_free(doc);
  assert_int_equal(gf_doc_open_text("a", "abc", 3, &doc, NULL), GF_OK);
  assert_string_equal(
      gf_doc_sha256(doc),
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  gf_doc_free(doc);
  assert_null(gf_doc_sha256(NULL));
  assert_int_equal(gf_sha256_file("/nonexistent/file", want), GF_EIO);
}

/* Opens path expecting code; checks the out-parameter and err. */
static void expect_open(const char *path, const char *password, int code) {
  gf_doc *doc = (gf_doc *)&doc;
  gf_error err;
  memset(&err, 0x55, sizeof err);
  int rc = gf_doc_open(path, password, 0, &doc, &err);
  if (rc != code) fail_msg("%s: got %d, want %d", path, rc, code);
  assert_int_equal(err.code, code);
  if (code) {
    assert_null(doc);
    assert_non_null(err.message);
    assert_string_equal(err.message, gf_strerror(code));
  } else {
    assert_non_null(doc);
    gf_doc_free(doc);
  }
}

/* ------------------------------------------------------------ samples */

static int furniture_line(const gf_doc *doc, uint32_t page, const char *s) {
  for (size_t i = 0; i < doc->n_lines; i++) {
    const gf_line *l = &doc->lines[i];
    if (l->page == page && l->len == strlen(s) &&
        memcmp(doc->pages[page].text + l->off, s, l->len) == 0)
      return (l->flags & GF_LINE_FURNITURE) != 0;
  }
  return -1;
}

static void test_doc_licheng(void **state) {
  (void)state;
  gf_doc *doc;
  gf_error err;
  assert_int_equal(gf_doc_open(LICHENG, NULL, 0, &doc, &err), GF_OK);
  assert_int_equal(err.code, GF_OK);
  assert_string_equal(gf_doc_name(doc), "licheng-2023.pdf");
  assert_int_equal(gf_doc_page_count(doc), 29);
  assert_int_equal(gf_doc_damaged(doc), 0);
  size_t len;
  const char *p1 = gf_doc_page_text(doc, 1, &len);
  assert_non_null(p1);
  assert_int_equal(strlen(p1), len);
  assert_non_null(strstr(p1, "1327.8"));
  assert_null(gf_doc_page_text(doc, 0, &len));
  assert_int_equal(len, 0);
  assert_null(gf_doc_page_text(doc, 30, NULL));
  assert_non_null(gf_doc_page_text(doc, 29, NULL));
  /* the footer of every page, p28 included (its table comes after the
   * footer in Poppler's text order) */
  assert_int_equal(furniture_line(doc, 0, "—1—"), 1);
  assert_int_equal(furniture_line(doc, 9, "— 10 —"), 1);
  assert_int_equal(furniture_line(doc, 27, "— 28 —"), 1);
  size_t n_furn = 0;
  for (size_t i = 0; i < doc->n_lines; i++) {
    const gf_line *l = &doc->lines[i];
    n_furn += (l->flags & GF_LINE_FURNITURE) != 0;
    assert_true(l->off + l->len <= doc->pages[l->page].len);
  }
  assert_int_equal(n_furn, 29);
  assert_true(doc->has_geom);
  gf_doc_free(doc);
}

/* Offsets of text on a page, found rather than hard-coded. */
static size_t find_off(const gf_doc *doc, size_t page, const char *s) {
  const char *t = gf_doc_page_text(doc, page, NULL);
  const char *at = strstr(t, s);
  assert_non_null(at);
  return (size_t)(at - t);
}

/* Glyph boxes against pdftotext -bbox's words of the sample's first page
 * (Poppler's word boxes: "1327.8" is 148.8,616.4 - 197.088,637.2; the
 * word "亿元，同比增长" starts at 201.7, seven characters of one em). */
static void test_doc_text_box_licheng(void **state) {
  (void)state;
  gf_doc *doc;
  assert_int_equal(gf_doc_open(LICHENG, NULL, 0, &doc, NULL), GF_OK);
  double w, h, b[4];
  assert_int_equal(gf_doc_page_size(doc, 1, &w, &h), 1);
  assert_true(w > 595.2 && w < 595.4 && h > 841.8 && h < 842.0);
  assert_int_equal(gf_doc_page_size(doc, 30, &w, &h), 0);
  assert_true(w == 0 && h == 0);
  size_t a = find_off(doc, 1, "1327.8");
  /* the number alone: exactly its pdftotext word, 1/8 pt rounding aside */
  assert_int_equal(gf_doc_text_box(doc, 1, a, a + 6, b), 1);
  assert_true(b[0] <= 148.8 && b[0] > 148.6);
  assert_true(b[1] <= 616.41 && b[1] > 616.2);
  assert_true(b[2] >= 197.08 && b[2] < 197.3);
  assert_true(b[3] >= 637.2 && b[3] < 637.4);
  /* with its unit: the space between is no glyph, 亿元 two ems on */
  size_t u = find_off(doc, 1, "亿元");
  assert_int_equal(gf_doc_text_box(doc, 1, a, u + 6, b), 1);
  assert_true(b[0] <= 148.8 && b[2] > 233 && b[2] < 235.5);
  /* leading and trailing whitespace does not widen the box */
  double nb[4];
  assert_int_equal(gf_doc_text_box(doc, 1, a - 1, a + 7, nb), 1);
  assert_true(nb[0] == b[0] || nb[0] > 148.6);
  /* a span over a line break: the union of both lines' parts */
  size_t p = find_off(doc, 1, "2.4");
  size_t d = find_off(doc, 1, "点。");
  assert_true(d > p);
  assert_int_equal(gf_doc_text_box(doc, 1, p, d + 3, b), 1);
  assert_true(b[0] < 80 && b[2] > 520 && b[1] < 617 && b[3] > 665);
  /* nothing there: whitespace only, empty, out of range */
  const char *t = gf_doc_page_text(doc, 1, NULL);
  size_t nl = (size_t)(strchr(t, '\n') - t);
  assert_int_equal(gf_doc_text_box(doc, 1, nl, nl + 1, b), 0);
  assert_true(b[0] == 0 && b[1] == 0 && b[2] == 0 && b[3] == 0);
  assert_int_equal(gf_doc_text_box(doc, 1, a, a, b), 0);
  assert_int_equal(gf_doc_text_box(doc, 0, a, a + 6, b), 0);
  assert_int_equal(gf_doc_text_box(doc, 30, a, a + 6, b), 0);
  assert_int_equal(gf_doc_text_box(NULL, 1, a, a + 6, b), GF_EINVAL);
  assert_int_equal(gf_doc_text_box(doc, 1, a, a + 6, NULL), GF_EINVAL);
  /* every figure row of the sample has its box, on its own page */
  gf_figures *figs;
  assert_int_equal(gf_figures_extract(doc, 0, &figs, NULL), GF_OK);
  assert_true(gf_figures_count(figs) > 100);
  for (size_t i = 0; i < gf_figures_count(figs); i++) {
    const gf_figure *f = gf_figures_at(figs, i);
    if (!f->has_box) fail_msg("row %zu (%s) has no box", i, f->raw);
    assert_int_equal(gf_doc_page_size(doc, (size_t)f->page, &w, &h), 1);
    assert_true(0 <= f->x0 && f->x0 < f->x1 && f->x1 <= w);
    assert_true(0 <= f->y0 && f->y0 < f->y1 && f->y1 <= h);
    assert_int_equal(gf_doc_text_box(doc, (size_t)f->page, f->start, f->end,
                                     b), 1);
    assert_true(b[0] == f->x0 && b[1] == f->y0 && b[2] == f->x1 &&
                b[3] == f->y1);
  }
  gf_figures_free(figs);
  gf_doc_free(doc);
}

/* Text input has no geometry: no page size, no box, rows without one. */
static void test_doc_text_box_text_input(void **state) {
  (void)state;
  gf_doc *doc;
  const char *in = "全年地区生产总值达到1327.8亿元，同比增长6%。\f";
  assert_int_equal(gf_doc_open_text("t.txt", in, strlen(in), &doc, NULL),
                   GF_OK);
  double w = 1, h = 1, b[4] = {1, 1, 1, 1};
  assert_int_equal(gf_doc_page_size(doc, 1, &w, &h), 0);
  assert_true(w == 0 && h == 0);
  assert_int_equal(gf_doc_text_box(doc, 1, 0, strlen(in) - 1, b), 0);
  assert_true(b[0] == 0 && b[3] == 0);
  gf_figures *figs;
  assert_int_equal(gf_figures_extract(doc, 0, &figs, NULL), GF_OK);
  assert_true(gf_figures_count(figs) >= 2);
  for (size_t i = 0; i < gf_figures_count(figs); i++)
    assert_int_equal(gf_figures_at(figs, i)->has_box, 0);
  gf_figures_free(figs);
  gf_doc_free(doc);
}

static void test_doc_licheng_paragraph_across_pages(void **state) {
  (void)state;
  gf_doc *doc;
  assert_int_equal(gf_doc_open(LICHENG, NULL, 0, &doc, NULL), GF_OK);
  gf_para *p;
  size_t n;
  assert_int_equal(gf_layout_paragraphs(doc, &p, &n), GF_OK);
  int found = 0;
  for (size_t i = 0; i < n; i++) {
    assert_null(strstr(p[i].text, "—1—"));
    const char *hit = strstr(p[i].text, "山东\n省县域经济");
    if (!hit) continue;
    found = 1;
    size_t at = (size_t)(hit - p[i].text) + strlen("山东");
    assert_int_equal(GF_POS_PAGE(p[i].pos[at]), 0);
    assert_int_equal(p[i].pos[at + 1], GF_POS(1, 0));
    size_t len;
    const char *p2 = gf_doc_page_text(doc, 2, &len);
    assert_memory_equal(p2, "省县域经济", strlen("省县域经济"));
  }
  assert_true(found);
  gf_paras_free(p, n);
  gf_doc_free(doc);
}

/* Issue 15: a figure's raw, start and end never take in a running footer,
 * header or page number; one split by a page break (licheng page 4: "4"
 * | —4— | "个“金融管家”试点单位") is one row whose raw is its part on the
 * first page, with the unit read from the joined text. */
static void test_doc_figures_skip_furniture(void **state) {
  (void)state;
  static const char *const pdfs[] = {
      LICHENG, QDN2016, GF_SRCDIR "/samples/series/hailar-2014.pdf",
      GF_SRCDIR "/samples/series/hailar-2016.pdf"};
  int split_seen = 0;
  for (size_t d = 0; d < sizeof pdfs / sizeof pdfs[0]; d++) {
    gf_doc *doc;
    gf_figures *figs;
    assert_int_equal(gf_doc_open(pdfs[d], NULL, 0, &doc, NULL), GF_OK);
    assert_int_equal(gf_figures_extract(doc, 0, &figs, NULL), GF_OK);
    for (size_t i = 0; i < gf_figures_count(figs); i++) {
      const gf_figure *f = gf_figures_at(figs, i);
      uint32_t pg = (uint32_t)f->page - 1;
      for (size_t k = 0; k < doc->n_lines; k++) {
        const gf_line *l = &doc->lines[k];
        if (l->page != pg || !(l->flags & GF_LINE_FURNITURE)) continue;
        if (f->start < l->off + l->len && l->off < f->end)
          fail_msg("%s row %zu (page %d, %s): raw takes in the line \"%.*s\"",
                   pdfs[d], i, f->page, f->raw, (int)l->len,
                   doc->pages[pg].text + l->off);
      }
      if (d == 0 && strstr(f->sentence, "设立4个“金融管家”") &&
          strcmp(f->unit, "个") == 0) {
        assert_int_equal(f->page, 4);
        assert_string_equal(f->raw, "4");
        assert_string_equal(f->value, "4");
        split_seen = 1;
      }
    }
    gf_figures_free(figs);
    gf_doc_free(doc);
  }
  assert_true(split_seen);
}

static void test_doc_qiandongnan_footer(void **state) {
  (void)state;
  gf_doc *doc;
  assert_int_equal(gf_doc_open(QDN2016, NULL, 0, &doc, NULL), GF_OK);
  assert_int_equal(gf_doc_page_count(doc), 6);
  assert_int_equal(furniture_line(doc, 0, "第1页共6页"), 1);
  assert_int_equal(furniture_line(doc, 5, "第6页共6页"), 1);
  gf_doc_free(doc);
}

/* ------------------------------------------------------------ errors */

static void test_doc_missing_file(void **state) {
  (void)state;
  expect_open("/nonexistent/dir/x.pdf", NULL, GF_EIO);
  expect_open("/tmp", NULL, GF_EIO);
}

static void test_doc_empty_file(void **state) {
  (void)state;
  char path[64];
  temp_file(path, "", 0);
  expect_open(path, NULL, GF_EEMPTY);
  unlink(path);
}

static void test_doc_not_pdf(void **state) {
  (void)state;
  unsigned char junk[4096];
  unsigned x = 12345;
  for (size_t i = 0; i < sizeof junk; i++) {
    x = x * 1103515245u + 12345u;
    junk[i] = (unsigned char)(x >> 16);
  }
  junk[0] = 'x'; /* never "%PDF-" by chance */
  char path[64];
  temp_file(path, junk, sizeof junk);
  expect_open(path, NULL, GF_ENOTPDF);
  unlink(path);
  /* the header is searched in the first 1024 bytes only */
  memset(junk, ' ', sizeof junk);
  memcpy(junk + 2000, "%PDF-1.4", 8);
  temp_file(path, junk, sizeof junk);
  expect_open(path, NULL, GF_ENOTPDF);
  unlink(path);
}

static void test_doc_truncated_pdf(void **state) {
  (void)state;
  size_t len;
  char *pdf = read_all(LICHENG, &len);
  static const size_t cut[] = {9, 2000, 50000, 300000};
  for (size_t i = 0; i < sizeof cut / sizeof cut[0]; i++) {
    char path[64];
    temp_file(path, pdf, cut[i]);
    gf_doc *doc = NULL;
    gf_error err;
    int rc = gf_doc_open(path, NULL, 0, &doc, &err);
    if (rc == GF_OK) {
      assert_true(gf_doc_damaged(doc) > 0);
      gf_doc_free(doc);
    } else if (rc != GF_EPDF) {
      fail_msg("cut at %zu: %d", cut[i], rc);
    }
    unlink(path);
  }
  free(pdf);
}

/* A minimal PDF with the given objects (1 is the catalog). */
static void make_pdf(char path[64], const char *const *objs, size_t n) {
  char buf[4096];
  size_t offs[16], len = 0;
  len += (size_t)snprintf(buf, sizeof buf, "%%PDF-1.4\n");
  for (size_t i = 0; i < n; i++) {
    offs[i] = len;
    len += (size_t)snprintf(buf + len, sizeof buf - len,
                            "%zu 0 obj\n%s\nendobj\n", i + 1, objs[i]);
  }
  size_t xref = len;
  len += (size_t)snprintf(buf + len, sizeof buf - len,
                          "xref\n0 %zu\n0000000000 65535 f \n", n + 1);
  for (size_t i = 0; i < n; i++)
    len += (size_t)snprintf(buf + len, sizeof buf - len, "%010zu 00000 n \n",
                            offs[i]);
  len += (size_t)snprintf(buf + len, sizeof buf - len,
                          "trailer\n<< /Size %zu /Root 1 0 R >>\n"
                          "startxref\n%zu\n%%%%EOF\n",
                          n + 1, xref);
  temp_file(path, buf, len);
}

/* A page that only shows a picture: a scan, which needs OCR. */
static void test_doc_no_text_layer(void **state) {
  (void)state;
  static const char *const objs[] = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
      " /Resources << /XObject << /Im1 5 0 R >> >> >>",
      "<< /Length 30 >>\nstream\nq 595 0 0 842 0 0 cm /Im1 Do Q\n"
      "endstream",
      "<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace"
      " /DeviceGray /BitsPerComponent 8 /Filter /ASCIIHexDecode /Length 9 >>"
      "\nstream\n00FF00FF>\nendstream"};
  char path[64];
  make_pdf(path, objs, 5);
  for (unsigned threads = 1; threads <= 2; threads++) {
    expect_open(path, NULL, GF_ENOTEXT);
    gf_error err;
    gf_doc *doc;
    gf_doc_open(path, NULL, GF_OPT_THREADS(threads), &doc, &err);
    assert_non_null(strstr(err.message, "OCR"));
  }
  unlink(path);
}

/* No text and no picture: blank pages, a case of its own. */
static void test_doc_blank(void **state) {
  (void)state;
  static const char *const objs[] = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"};
  char path[64];
  make_pdf(path, objs, 3);
  expect_open(path, NULL, GF_EBLANK);
  unlink(path);
}

/* Page ranges read in several threads give the very same document. */
static void test_doc_threads_same_doc(void **state) {
  (void)state;
  gf_doc *one = NULL;
  assert_int_equal(gf_doc_open(LICHENG, NULL, 0, &one, NULL), GF_OK);
  for (unsigned threads = 2; threads <= 5; threads += 3) {
    gf_doc *many = NULL;
    assert_int_equal(
        gf_doc_open(LICHENG, NULL, GF_OPT_THREADS(threads), &many, NULL),
        GF_OK);
    assert_int_equal(many->n_pages, one->n_pages);
    for (size_t p = 0; p < one->n_pages; p++) {
      const gf_page *a = &one->pages[p], *b = &many->pages[p];
      assert_int_equal(a->len, b->len);
      assert_memory_equal(a->text, b->text, a->len);
      assert_int_equal(a->n_glyphs, b->n_glyphs);
      if (a->n_glyphs)
        assert_memory_equal(a->glyphs, b->glyphs,
                            a->n_glyphs * sizeof *a->glyphs);
    }
    assert_int_equal(many->n_lines, one->n_lines);
    assert_memory_equal(many->lines, one->lines,
                        one->n_lines * sizeof *one->lines);
    assert_int_equal(gf_doc_damaged(many), 0);
    gf_doc_free(many);
  }
  gf_doc_free(one);
}

static void test_doc_no_pages(void **state) {
  (void)state;
  static const char *const objs[] = {"<< /Type /Catalog /Pages 2 0 R >>",
                                     "<< /Type /Pages /Kids [] /Count 0 >>"};
  char path[64];
  make_pdf(path, objs, 2);
  expect_open(path, NULL, GF_ENOPAGES);
  unlink(path);
}

static void test_doc_encrypted(void **state) {
  (void)state;
  char path[64], cmd[512];
  temp_file(path, "", 0);
  snprintf(cmd, sizeof cmd,
           "qpdf --encrypt u o 256 -- '%s' '%s' >/dev/null 2>&1", QDN2016,
           path);
  if (system(cmd) != 0) {
    unlink(path);
    skip();
  }
  expect_open(path, NULL, GF_EENCRYPTED);
  expect_open(path, "wrong", GF_EENCRYPTED);
  gf_doc *doc;
  assert_int_equal(gf_doc_open(path, "u", 0, &doc, NULL), GF_OK);
  assert_int_equal(gf_doc_page_count(doc), 6);
  gf_doc_free(doc);
  assert_int_equal(gf_doc_open(path, "o", 0, &doc, NULL), GF_OK);
  gf_doc_free(doc);
  unlink(path);
}

static void test_doc_invalid_args(void **state) {
  (void)state;
  gf_doc *doc = (gf_doc *)&doc;
  gf_error err;
  assert_int_equal(gf_doc_open(NULL, NULL, 0, &doc, &err), GF_EINVAL);
  assert_null(doc);
  assert_int_equal(err.code, GF_EINVAL);
  assert_int_equal(gf_doc_open(LICHENG, NULL, 0, NULL, NULL), GF_EINVAL);
  assert_int_equal(gf_doc_open_text("x", NULL, 3, &doc, NULL), GF_EINVAL);
  assert_int_equal(gf_doc_open_text("x", "a", 1, NULL, NULL), GF_EINVAL);
  assert_int_equal(gf_doc_open_text_file(NULL, &doc, NULL), GF_EINVAL);
  gf_doc_free(NULL);
  assert_null(gf_doc_name(NULL));
  assert_int_equal(gf_doc_page_count(NULL), 0);
  assert_null(gf_doc_page_text(NULL, 1, NULL));
  assert_int_equal(gf_doc_damaged(NULL), 0);
}

static void test_doc_alloc_failures_pdf(void **state) {
  (void)state;
  int ok = 0;
  for (unsigned long nth = 1; nth < 1000 && !ok; nth++) {
    gf_doc *doc = NULL;
    gf_alloc_fail_at(nth);
    int rc = gf_doc_open(QDN2016, NULL, 0, &doc, NULL);
    gf_alloc_fail_at(0);
    if (rc == GF_OK) {
      ok = 1;
      assert_int_equal(gf_doc_page_count(doc), 6);
    } else {
      assert_int_equal(rc, GF_ENOMEM);
      assert_null(doc);
    }
    gf_doc_free(doc);
  }
  assert_true(ok);
}

/* ------------------------------------------------------------ text input */

typedef struct pages_row {
  const char *in;
  size_t n_pages;
  const char *page[4];
} pages_row;

static const pages_row pages_rows[] = {
    {"", 1, {""}},
    {"\f", 1, {""}},
    {"a", 1, {"a"}},
    {"a\f", 1, {"a"}},
    {"a\fb", 2, {"a", "b"}},
    {"a\fb\f", 2, {"a", "b"}},
    {"a\f\fb", 3, {"a", "", "b"}},
    {"a\f\f", 2, {"a", ""}},
    {"一\n二\f三\n", 2, {"一\n二", "三\n"}},
};

static void test_doc_text_pages(void **state) {
  (void)state;
  for (size_t r = 0; r < sizeof pages_rows / sizeof pages_rows[0]; r++) {
    const pages_row *row = &pages_rows[r];
    gf_doc *doc;
    assert_int_equal(gf_doc_open_text(NULL, row->in, strlen(row->in), &doc,
                                      NULL),
                     GF_OK);
    assert_string_equal(gf_doc_name(doc), "-");
    if (gf_doc_page_count(doc) != row->n_pages)
      fail_msg("row %zu: %zu pages", r, gf_doc_page_count(doc));
    for (size_t p = 0; p < row->n_pages; p++) {
      size_t len;
      const char *t = gf_doc_page_text(doc, p + 1, &len);
      if (strcmp(t, row->page[p]) != 0 || len != strlen(row->page[p]))
        fail_msg("row %zu page %zu: \"%s\"", r, p + 1, t);
    }
    assert_false(doc->has_geom);
    gf_doc_free(doc);
  }
}

static void test_doc_text_lines(void **state) {
  (void)state;
  gf_doc *doc;
  const char *in = "ab\r\ncd\n\nef\fgh";
  assert_int_equal(gf_doc_open_text("n", in, strlen(in), &doc, NULL), GF_OK);
  static const struct {
    uint32_t page;
    size_t off, len;
  } want[] = {{0, 0, 2}, {0, 4, 2}, {0, 7, 0}, {0, 8, 2}, {1, 0, 2}};
  assert_int_equal(doc->n_lines, 5);
  for (size_t i = 0; i < 5; i++) {
    assert_int_equal(doc->lines[i].page, want[i].page);
    assert_int_equal(doc->lines[i].off, want[i].off);
    assert_int_equal(doc->lines[i].len, want[i].len);
  }
  /* rebuilding gives the same lines */
  assert_int_equal(gf_doc_split_lines(doc), GF_OK);
  assert_int_equal(doc->n_lines, 5);
  gf_doc_free(doc);
}

static void test_doc_text_invalid_utf8(void **state) {
  (void)state;
  gf_doc *doc = (gf_doc *)&doc;
  gf_error err;
  const char bad[] = "增长\xff\xfe";
  assert_int_equal(gf_doc_open_text("x", bad, sizeof bad - 1, &doc, &err),
                   GF_EUTF8);
  assert_null(doc);
  assert_int_equal(err.code, GF_EUTF8);
  assert_int_equal(err.offset, 6);
  /* a truncated sequence at the end */
  assert_int_equal(gf_doc_open_text("x", "增", 2, &doc, NULL), GF_EUTF8);
  /* a NUL byte: page text is a C string (fuzz_figures regress input) */
  const char nul[] = "9%\n\0\0高于";
  assert_int_equal(gf_doc_open_text("x", nul, sizeof nul - 1, &doc, &err),
                   GF_EUTF8);
  assert_int_equal(err.offset, 3);
  assert_string_equal(err.message, "a NUL byte: not UTF-8 text");
}

/* Issue 16: page text holds no format character - the forms that hid or
 * changed a figure, each removed, counted, and the numbers whole. */
static void test_doc_text_format_chars(void **state) {
  (void)state;
  static const struct {
    const char *in, *want;
    size_t removed;
  } rows[] = {
      {"\xEF\xBB\xBF" "增长6\xE2\x80\x8E%", "增长6%", 2}, /* BOM, LRM */
      {"比重3\xE2\x80\x8B" "4%", "比重34%", 1},             /* ZWSP */
      {"\xE2\x81\xA6１２\xE2\x81\xA9%", "１２%", 2},       /* LRI PDI */
      {"地区\xE2\x80\xAE生产\xE2\x80\xAC总值", "地区生产总值", 2},
      {"a\x01\x7F\xC2\x9B" "b\tc\r\nd", "ab c\r\nd", 3},
      {"收\xC2\xAD入\xE2\x81\xA0万\xD8\x9C元", "收入万元", 3},
  };
  for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
    gf_doc *doc = NULL;
    assert_int_equal(
        gf_doc_open_text("t", rows[i].in, strlen(rows[i].in), &doc, NULL),
        GF_OK);
    size_t len = 0;
    const char *t = gf_doc_page_text(doc, 1, &len);
    if (strcmp(t, rows[i].want) != 0 || len != strlen(rows[i].want))
      fail_msg("row %zu: got \"%s\"", i, t);
    assert_int_equal(gf_doc_format_removed(doc), rows[i].removed);
    gf_doc_free(doc);
  }
  assert_int_equal(gf_doc_format_removed(NULL), 0);
}

/* Cost limits per page: a glyph limit skips pages (text empty, the
 * reason and count kept); no limit reads them all, as the default does. */
static void test_doc_limits(void **state) {
  (void)state;
  gf_doc *doc = NULL;
  gf_doc_limits few = {10, 0};
  assert_int_equal(gf_doc_open_limited(LICHENG, NULL, 0, &few, &doc, NULL),
                   GF_OK);
  size_t n = gf_doc_page_count(doc), glyphs = 0;
  assert_int_equal(gf_doc_skipped_count(doc), n);
  assert_int_equal(gf_doc_page_skipped(doc, 1, &glyphs), GF_SKIP_GLYPHS);
  assert_true(glyphs > 10);
  size_t len = 1;
  assert_string_equal(gf_doc_page_text(doc, 1, &len), "");
  assert_int_equal(len, 0);
  assert_int_equal(gf_doc_abandoned(doc), 0);
  gf_doc_free(doc);
  gf_doc_limits none = {(size_t)-1, (unsigned)-1};
  assert_int_equal(gf_doc_open_limited(LICHENG, NULL, GF_OPT_THREADS(2),
                                       &none, &doc, NULL),
                   GF_OK);
  assert_int_equal(gf_doc_skipped_count(doc), 0);
  assert_int_equal(gf_doc_page_skipped(doc, 1, NULL), 0);
  assert_int_equal(gf_doc_page_skipped(doc, 0, NULL), 0);
  gf_doc *dflt = NULL;
  assert_int_equal(gf_doc_open(LICHENG, NULL, 0, &dflt, NULL), GF_OK);
  for (size_t p = 1; p <= gf_doc_page_count(doc); p++)
    assert_string_equal(gf_doc_page_text(doc, p, NULL),
                        gf_doc_page_text(dflt, p, NULL));
  gf_doc_free(dflt);
  gf_doc_free(doc);
  assert_int_equal(gf_doc_skipped_count(NULL), 0);
  assert_int_equal(gf_doc_abandoned(NULL), 0);
}

/* The doc column stays one clean cell whatever the file is called. */
static void test_doc_name_cell_safe(void **state) {
  (void)state;
  char dir[] = "/tmp/govfig-name.XXXXXX";
  assert_non_null(mkdtemp(dir));
  static const struct {
    const char *file, *want;
  } rows[] = {
      {"a b.txt", "a b.txt"},
      {"line\nbreak.txt", "line\xEF\xBF\xBD" "break.txt"},
      {"bad\xFF.txt", "bad\xEF\xBF\xBD.txt"},
      {"rep\xE2\x80\xAEtxt.exe.txt", "reptxt.exe.txt"}, /* RLO */
      {"-lead.txt", "-lead.txt"},
  };
  for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, rows[i].file);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("增长6%。", f);
    fclose(f);
    gf_doc *doc = NULL;
    assert_int_equal(gf_doc_open_text_file(path, &doc, NULL), GF_OK);
    if (strcmp(gf_doc_name(doc), rows[i].want) != 0)
      fail_msg("row %zu: got \"%s\"", i, gf_doc_name(doc));
    gf_doc_free(doc);
    unlink(path);
  }
  rmdir(dir);
}

static void test_doc_text_file(void **state) {
  (void)state;
  char path[64];
  const char *in = "第一页。\f第二页。\f";
  temp_file(path, in, strlen(in));
  gf_doc *doc;
  assert_int_equal(gf_doc_open_text_file(path, &doc, NULL), GF_OK);
  assert_int_equal(gf_doc_page_count(doc), 2);
  assert_string_equal(gf_doc_name(doc), strrchr(path, '/') + 1);
  assert_string_equal(gf_doc_page_text(doc, 2, NULL), "第二页。");
  gf_doc_free(doc);
  unlink(path);
  gf_error err;
  doc = (gf_doc *)&doc;
  assert_int_equal(gf_doc_open_text_file("/nonexistent/x.txt", &doc, &err),
                   GF_EIO);
  assert_null(doc);
  assert_int_equal(err.code, GF_EIO);
  assert_int_equal(gf_doc_open_text_file("/tmp", &doc, NULL), GF_EIO);
}

static void test_doc_strerror(void **state) {
  (void)state;
  for (int code = 0; code >= GF_EBLANK; code--) {
    const char *s = gf_strerror(code);
    assert_non_null(s);
    assert_true(strlen(s) > 0);
    assert_string_not_equal(s, "unknown error");
  }
  assert_string_equal(gf_strerror(-999), "unknown error");
  assert_string_equal(gf_strerror(1), "unknown error");
  assert_string_equal(gf_version(), GF_VERSION_STRING);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_doc_sha256_vectors),
      cmocka_unit_test(test_doc_sha256_of_documents),
      cmocka_unit_test(test_doc_licheng),
      cmocka_unit_test(test_doc_text_format_chars),
      cmocka_unit_test(test_doc_name_cell_safe),
      cmocka_unit_test(test_doc_limits),
      cmocka_unit_test(test_doc_text_box_licheng),
      cmocka_unit_test(test_doc_text_box_text_input),
      cmocka_unit_test(test_doc_licheng_paragraph_across_pages),
      cmocka_unit_test(test_doc_figures_skip_furniture),
      cmocka_unit_test(test_doc_qiandongnan_footer),
      cmocka_unit_test(test_doc_missing_file),
      cmocka_unit_test(test_doc_empty_file),
      cmocka_unit_test(test_doc_not_pdf),
      cmocka_unit_test(test_doc_truncated_pdf),
      cmocka_unit_test(test_doc_no_text_layer),
      cmocka_unit_test(test_doc_blank),
      cmocka_unit_test(test_doc_threads_same_doc),
      cmocka_unit_test(test_doc_no_pages),
      cmocka_unit_test(test_doc_encrypted),
      cmocka_unit_test(test_doc_invalid_args),
      cmocka_unit_test(test_doc_alloc_failures_pdf),
      cmocka_unit_test(test_doc_text_pages),
      cmocka_unit_test(test_doc_text_lines),
      cmocka_unit_test(test_doc_text_invalid_utf8),
      cmocka_unit_test(test_doc_text_file),
      cmocka_unit_test(test_doc_strerror),
  };
  return cmocka_run_group_tests_name("doc", tests, NULL, NULL);
}
