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

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_view_render_png),
      cmocka_unit_test(test_view_render_errors),
      cmocka_unit_test(test_view_cell_and_parcel_boxes),
  };
  return cmocka_run_group_tests_name("view", tests, NULL, NULL);
}
