/* test_view.c - what `govfig view` is made of: pages drawn as PNG
 * (gf_render_*, extract/pdf.c), the boxes of table cells and parcels, and
 * the view page (gf_view_write_html, export/view.c): one box per figure row
 * with the coordinates of figures.csv, the markup contract, escaping, an
 * edited sheet's rows and their check failures, and its errors. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "include/govfig.h"
#include "normalize/normalize.h"

#define LICHENG GF_SRCDIR "/samples/licheng-2023.pdf"
#define ANNEX GF_SRCDIR "/tests/data/annex-variant.pdf"

/* ------------------------------------------------------------- helpers */

static uint32_t be32(const unsigned char *p) {
  return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 |
         p[3];
}

/* Renders page at dpi into memory; returns the bytes (free()). */
static unsigned char *render(gf_render *r, size_t page, double dpi,
                             size_t *len) {
  char *buf = NULL;
  FILE *f = open_memstream(&buf, len);
  assert_non_null(f);
  assert_int_equal(gf_render_page_png(r, page, dpi, f, NULL), GF_OK);
  assert_int_equal(fclose(f), 0);
  return (unsigned char *)buf;
}

/* ------------------------------------------------------------- render */

/* A page as PNG: the signature, then IHDR with the page's size at the
 * resolution asked for (595.3 x 841.9 pt: 794 x 1123 at 96 dpi), 8-bit
 * RGB; more ink than a blank page would compress to. */
static void test_view_render_png(void **state) {
  (void)state;
  gf_render *r = (gf_render *)&r;
  gf_error err;
  assert_int_equal(gf_render_open(LICHENG, NULL, &r, &err), GF_OK);
  assert_int_equal(err.code, GF_OK);
  assert_int_equal(gf_render_page_count(r), 29);
  static const struct {
    double dpi;
    uint32_t w, h;
  } rows[] = {{96, 794, 1123}, {72, 595, 842}, {36, 298, 421}};
  for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
    size_t len = 0;
    unsigned char *png = render(r, 1, rows[i].dpi, &len);
    assert_true(len > 33);
    assert_memory_equal(png, "\x89PNG\r\n\x1a\n", 8);
    assert_memory_equal(png + 12, "IHDR", 4);
    if (be32(png + 16) != rows[i].w || be32(png + 20) != rows[i].h)
      fail_msg("row %zu: %u x %u", i, be32(png + 16), be32(png + 20));
    assert_int_equal(png[24], 8); /* bit depth */
    assert_int_equal(png[25], 2); /* colour type: RGB */
    if (rows[i].dpi == 96) assert_true(len > 20000);
    free(png);
  }
  /* the last page too, and the same bytes twice */
  size_t a_len, b_len;
  unsigned char *a = render(r, 29, 50, &a_len);
  unsigned char *b = render(r, 29, 50, &b_len);
  assert_int_equal(a_len, b_len);
  assert_memory_equal(a, b, a_len);
  free(a);
  free(b);
  gf_render_free(r);
  gf_render_free(NULL);
}

static void test_view_render_errors(void **state) {
  (void)state;
  gf_render *r = (gf_render *)&r;
  assert_int_equal(gf_render_open("/nonexistent/x.pdf", NULL, &r, NULL),
                   GF_EIO);
  assert_null(r);
  char path[] = "/tmp/gf_test_view_XXXXXX";
  int fd = mkstemp(path);
  assert_true(fd >= 0);
  assert_int_equal(write(fd, "not a pdf at all", 16), 16);
  close(fd);
  gf_error err;
  assert_int_equal(gf_render_open(path, NULL, &r, &err), GF_ENOTPDF);
  assert_int_equal(err.code, GF_ENOTPDF);
  unlink(path);
  assert_int_equal(gf_render_open(NULL, NULL, &r, NULL), GF_EINVAL);
  assert_int_equal(gf_render_open(LICHENG, NULL, NULL, NULL), GF_EINVAL);
  assert_int_equal(gf_render_page_count(NULL), 0);

  assert_int_equal(gf_render_open(LICHENG, NULL, &r, NULL), GF_OK);
  FILE *f = fopen("/dev/null", "wb");
  assert_non_null(f);
  assert_int_equal(gf_render_page_png(r, 0, 96, f, NULL), GF_EINVAL);
  assert_int_equal(gf_render_page_png(r, 30, 96, f, NULL), GF_EINVAL);
  assert_int_equal(gf_render_page_png(r, 1, 0, f, NULL), GF_EINVAL);
  assert_int_equal(gf_render_page_png(r, 1, 0.0 / 0.0, f, NULL), GF_EINVAL);
  assert_int_equal(gf_render_page_png(r, 1, GF_RENDER_MAX_DPI + 1, f, NULL),
                   GF_EINVAL);
  assert_int_equal(gf_render_page_png(r, 1, 96, NULL, NULL), GF_EINVAL);
  assert_int_equal(gf_render_page_png(NULL, 1, 96, f, NULL), GF_EINVAL);
  fclose(f);
  /* a full disk */
  f = fopen("/dev/full", "wb");
  if (f) {
    setvbuf(f, NULL, _IONBF, 0);
    assert_int_equal(gf_render_page_png(r, 1, 20, f, &err), GF_EIO);
    assert_int_equal(err.code, GF_EIO);
    assert_int_equal(err.page, 1);
    fclose(f);
  }
  gf_render_free(r);
}

/* ------------------------------------------------------------- boxes */

/* Table cells and parcels have boxes on their page: every filled cell of
 * the annex's table, every parcel of it, inside the page. */
static void test_view_cell_and_parcel_boxes(void **state) {
  (void)state;
  gf_doc *doc;
  assert_int_equal(gf_doc_open(ANNEX, NULL, 0, &doc, NULL), GF_OK);
  gf_tables *t;
  assert_int_equal(gf_tables_extract(doc, 0, &t, NULL), GF_OK);
  assert_true(gf_tables_count(t) > 4);
  for (size_t i = 0; i < gf_tables_count(t); i++) {
    const gf_table_cell *c = gf_tables_at(t, i);
    double w, h;
    assert_int_equal(gf_doc_page_size(doc, (size_t)c->page, &w, &h), 1);
    if (!c->text[0]) {
      assert_int_equal(c->has_box, 0);
      continue;
    }
    if (!c->has_box) fail_msg("cell %zu (%s) has no box", i, c->text);
    assert_true(0 <= c->x0 && c->x0 < c->x1 && c->x1 <= w);
    assert_true(0 <= c->y0 && c->y0 < c->y1 && c->y1 <= h);
    /* a one-line cell's text is its glyphs: the same box */
    double b[4];
    size_t n = strlen(c->text);
    if (!strchr(c->text, ' ') && c->split == n &&
        gf_doc_text_box(doc, (size_t)c->page, c->start, c->start + n, b) == 1 &&
        strncmp(gf_doc_page_text(doc, (size_t)c->page, NULL) + c->start,
                c->text, n) == 0) {
      assert_true(b[0] >= c->x0 - 0.01 && b[2] <= c->x1 + 0.01);
      assert_true(b[1] >= c->y0 - 0.01 && b[3] <= c->y1 + 0.01);
    }
  }
  gf_parcels *p;
  assert_int_equal(gf_parcels_extract(doc, 0, &p, NULL), GF_OK);
  assert_true(gf_parcels_count(p) > 0);
  for (size_t i = 0; i < gf_parcels_count(p); i++) {
    const gf_parcel *x = gf_parcels_at(p, i);
    if (!x->has_box) fail_msg("parcel %zu (%s) has no box", i, x->raw);
    assert_true(0 <= x->x0 && x->x0 < x->x1 && 0 <= x->y0 && x->y0 < x->y1);
  }
  gf_parcels_free(p);
  gf_tables_free(t);
  gf_doc_free(doc);
}

/* ------------------------------------------------------------- page */

/* The page written to memory (free()); rc is what the writer returned. */
static char *page_of(const gf_view_source *src, int *rc, gf_error *err) {
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  assert_non_null(f);
  *rc = gf_view_write_html(src, f, err);
  assert_int_equal(fclose(f), 0);
  return buf;
}

static size_t count(const char *s, const char *w) {
  size_t n = 0;
  for (const char *p = s; (p = strstr(p, w)) != NULL; p += strlen(w)) n++;
  return n;
}

/* The attribute name="..." of the element that starts at el. */
static void attr(const char *el, const char *name, char *out, size_t cap) {
  char key[32];
  snprintf(key, sizeof key, " %s=\"", name);
  const char *end = strchr(el, '>'), *a = strstr(el, key);
  out[0] = '\0';
  if (!a || (end && a > end)) return;
  a += strlen(key);
  const char *z = strchr(a, '"');
  snprintf(out, cap, "%.*s", (int)(z - a), a);
}

/* The sample's figures: one box per row, in its page's block, with the
 * row's number, page and x0..y1 as figures.csv writes them; a table row
 * per figure; nothing of the template left unfilled. */
static void test_view_page_figures(void **state) {
  (void)state;
  gf_doc *doc;
  assert_int_equal(gf_doc_open(LICHENG, NULL, 0, &doc, NULL), GF_OK);
  gf_figures *figs;
  gf_parcels *parcels;
  gf_tables *tables;
  assert_int_equal(gf_figures_extract(doc, 0, &figs, NULL), GF_OK);
  assert_int_equal(gf_parcels_extract(doc, 0, &parcels, NULL), GF_OK);
  assert_int_equal(gf_tables_extract(doc, 0, &tables, NULL), GF_OK);
  gf_view_source src = {doc, figs, NULL, 0, NULL, parcels, tables, 96};
  int rc;
  char *html = page_of(&src, &rc, NULL);
  assert_int_equal(rc, GF_OK);
  size_t n = gf_figures_count(figs);
  assert_int_equal(count(html, "<div class=\"fig "), n);
  assert_int_equal(count(html, "<tr class=\""), n);
  assert_int_equal(count(html, "<div class=\"page\""), 29);
  assert_int_equal(count(html, "<div class=\"parcel\""),
                   gf_parcels_count(parcels));
  assert_true(count(html, "<div class=\"table\"") >= 1);
  assert_int_equal(count(html, "{{"), 0);
  assert_non_null(strstr(html, "src=\"page-0001.png\" width=\"794\" "
                               "height=\"1123\""));
  /* each box: its row's number, page and coordinates, inside the block
   * of its page */
  for (size_t i = 0; i < n; i++) {
    const gf_figure *g = gf_figures_at(figs, i);
    char key[48], v[64], want[64];
    snprintf(key, sizeof key, "\" data-row=\"%zu\" data-page=", i + 1);
    const char *el = strstr(html, key);
    if (!el) fail_msg("row %zu: no box", i + 1);
    while (el > html && *el != '<') el--;
    snprintf(want, sizeof want, "<div class=\"fig %s", g->kind);
    assert_memory_equal(el, want, strlen(want));
    /* a raw over a line break: one part a line inside its box */
    const char *raw_nl = strchr(g->raw, '\n');
    const char *gt = strchr(el, '>');
    char tag[1024];
    snprintf(tag, sizeof tag, "%.*s", (int)(gt - el), el);
    assert_int_equal(raw_nl != NULL, strstr(tag, " multi\"") != NULL);
    if (raw_nl) assert_memory_equal(gt + 1, "\n<i style=", 10);
    attr(el, "data-page", v, sizeof v);
    snprintf(want, sizeof want, "%d", g->page);
    assert_string_equal(v, want);
    char pg[48];
    snprintf(pg, sizeof pg, "id=\"page-%d\"", g->page);
    const char *block = strstr(html, pg);
    assert_non_null(block);
    assert_true(block < el);
    snprintf(pg, sizeof pg, "id=\"page-%d\"", g->page + 1);
    const char *next = strstr(html, pg);
    assert_true(!next || el < next);
    const double b[4] = {g->x0, g->y0, g->x1, g->y1};
    const char *names[4] = {"data-x0", "data-y0", "data-x1", "data-y1"};
    for (int k = 0; k < 4; k++) {
      attr(el, names[k], v, sizeof v);
      double d = strtod(v, NULL);
      if (d < b[k] - 0.0051 || d > b[k] + 0.0051)
        fail_msg("row %zu: %s %s for %f", i + 1, names[k], v, b[k]);
    }
  }
  /* the same rows at another resolution: only the images' size changes */
  src.dpi = 48;
  char *small = page_of(&src, &rc, NULL);
  assert_int_equal(rc, GF_OK);
  assert_non_null(strstr(small, "width=\"397\" height=\"561\""));
  assert_int_equal(count(small, "<div class=\"fig "), n);
  free(small);
  free(html);
  gf_tables_free(tables);
  gf_parcels_free(parcels);
  gf_figures_free(figs);
  gf_doc_free(doc);
}

/* An edited sheet: its own cells are shown (escaped), its boxes used or
 * found from start/end, and the rows the check rejects marked with the
 * reason; an unusable sheet is an error with its line. */
static void test_view_page_csv(void **state) {
  (void)state;
  gf_doc *doc;
  assert_int_equal(gf_doc_open(LICHENG, NULL, 0, &doc, NULL), GF_OK);
  const char *t = gf_doc_page_text(doc, 1, NULL);
  size_t a = (size_t)(strstr(t, "1327.8") - t);
  char csv[1024];
  snprintf(csv, sizeof csv,
           "doc,page,kind,indicator,value,unit,raw,start,end,x0,y0,x1,y1\r\n"
           "licheng-2023.pdf,1,actual,\"a<b>&'\"\"\",1327.8,亿元,1327.8 亿元,"
           "%zu,%zu,,,,\r\n"
           ",,,,,,,,,,,,\r\n"
           "licheng-2023.pdf,1,target,GDP,1372.8,亿元,1327.8 亿元,%zu,%zu,"
           "10,20,30,40\r\n",
           a, a + 13, a, a + 13);
  gf_view_source src = {doc, NULL, csv, strlen(csv), "edited.csv",
                        NULL, NULL, 96};
  int rc;
  char *html = page_of(&src, &rc, NULL);
  assert_int_equal(rc, GF_OK);
  assert_int_equal(count(html, "<div class=\"fig "), 2);
  /* row 1 boxed from start/end; the empty record is row 2, not shown */
  assert_non_null(strstr(html, "<div class=\"fig actual\" data-row=\"1\" "
                               "data-page=\"1\" data-x0=\"148.69\""));
  assert_int_equal(count(html, "<i style="), 0); /* one line each */
  assert_null(strstr(html, "data-row=\"2\""));
  assert_non_null(strstr(html, "<div class=\"fig target bad\" "
                               "data-row=\"3\" data-page=\"1\" "
                               "data-x0=\"10\" data-y0=\"20\""));
  assert_non_null(strstr(html, "a&lt;b&gt;&amp;&#39;&quot;"));
  assert_null(strstr(html, "a<b>"));
  assert_non_null(strstr(html, "<tr class=\"target bad\" data-row=\"3\""));
  assert_non_null(strstr(html, "value 1372.8 but the source says 1327.8"));
  assert_non_null(strstr(html, "does not hold the glyphs"));
  assert_non_null(strstr(html, "data-failed=\"1\""));
  assert_non_null(strstr(html, "edited.csv"));
  free(html);
  /* a sheet the check cannot read */
  const char *bad = "doc,page,value\nlicheng-2023.pdf,1,3\n";
  gf_view_source bsrc = {doc, NULL, bad, strlen(bad), NULL, NULL, NULL, 96};
  gf_error err;
  html = page_of(&bsrc, &rc, &err);
  assert_int_equal(rc, GF_ECSV);
  assert_int_equal(err.code, GF_ECSV);
  assert_int_equal(err.line, 1);
  assert_non_null(strstr(err.message, "no unit column"));
  free(html);
  gf_doc_free(doc);
}

static void test_view_page_errors(void **state) {
  (void)state;
  gf_doc *doc;
  assert_int_equal(gf_doc_open(LICHENG, NULL, 0, &doc, NULL), GF_OK);
  gf_figures *figs;
  assert_int_equal(gf_figures_extract(doc, 0, &figs, NULL), GF_OK);
  FILE *f = fopen("/dev/null", "w");
  assert_non_null(f);
  gf_view_source src = {doc, figs, NULL, 0, NULL, NULL, NULL, 96};
  assert_int_equal(gf_view_write_html(NULL, f, NULL), GF_EINVAL);
  assert_int_equal(gf_view_write_html(&src, NULL, NULL), GF_EINVAL);
  gf_view_source v = src;
  v.doc = NULL;
  assert_int_equal(gf_view_write_html(&v, f, NULL), GF_EINVAL);
  v = src;
  v.figures = NULL;
  assert_int_equal(gf_view_write_html(&v, f, NULL), GF_EINVAL);
  v = src;
  v.dpi = 0;
  assert_int_equal(gf_view_write_html(&v, f, NULL), GF_EINVAL);
  v.dpi = GF_RENDER_MAX_DPI + 1;
  assert_int_equal(gf_view_write_html(&v, f, NULL), GF_EINVAL);
  fclose(f);
  f = fopen("/dev/full", "w");
  if (f) {
    gf_error err;
    assert_int_equal(gf_view_write_html(&src, f, &err), GF_EIO);
    assert_int_equal(err.code, GF_EIO);
    fclose(f);
  }
  char name[32];
  assert_int_equal(gf_view_image_name(1, name, sizeof name), GF_OK);
  assert_string_equal(name, "page-0001.png");
  assert_int_equal(gf_view_image_name(12345, name, sizeof name), GF_OK);
  assert_string_equal(name, "page-12345.png");
  assert_int_equal(gf_view_image_name(0, name, sizeof name), GF_EINVAL);
  assert_int_equal(gf_view_image_name(1, name, 5), GF_EINVAL);
  assert_int_equal(gf_view_image_name(1, NULL, 5), GF_EINVAL);
  gf_figures_free(figs);
  gf_doc_free(doc);
}

/* Out of memory at every allocation in turn: GF_ENOMEM, nothing leaked
 * (make check), until the page is written whole. */
static void test_view_page_out_of_memory(void **state) {
  (void)state;
  gf_doc *doc;
  assert_int_equal(gf_doc_open(LICHENG, NULL, 0, &doc, NULL), GF_OK);
  const char *t = gf_doc_page_text(doc, 1, NULL);
  size_t a = (size_t)(strstr(t, "1327.8") - t);
  char csv[512];
  snprintf(csv, sizeof csv,
           "doc,page,value,unit,raw,start,end\n"
           "licheng-2023.pdf,1,1372.8,亿元,1327.8 亿元,%zu,%zu\n", a, a + 13);
  gf_view_source src = {doc, NULL, csv, strlen(csv), NULL, NULL, NULL, 96};
  int rc = GF_ENOMEM;
  unsigned long nth;
  for (nth = 1; nth < 100000 && rc == GF_ENOMEM; nth++) {
    FILE *f = fopen("/dev/null", "w");
    assert_non_null(f);
    gf_alloc_fail_at(nth);
    rc = gf_view_write_html(&src, f, NULL);
    gf_alloc_fail_at(0);
    fclose(f);
    if (rc != GF_OK && rc != GF_ENOMEM) fail_msg("nth %lu: %d", nth, rc);
  }
  assert_int_equal(rc, GF_OK);
  assert_true(nth > 3);
  gf_doc_free(doc);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_view_render_png),
      cmocka_unit_test(test_view_render_errors),
      cmocka_unit_test(test_view_cell_and_parcel_boxes),
      cmocka_unit_test(test_view_page_figures),
      cmocka_unit_test(test_view_page_csv),
      cmocka_unit_test(test_view_page_errors),
      cmocka_unit_test(test_view_page_out_of_memory),
  };
  return cmocka_run_group_tests_name("view", tests, NULL, NULL);
}
