/* test_tables.c - extract/tables.c on synthetic glyph grids (glyph_doc.h):
 * ruled-looking tables with vertically centred cells, unruled top-aligned
 * tables with empty cells, wrapped cells joined in reading order whatever
 * the page text's order, running footers left out, a table split over two
 * pages (header repeated, a row cut at the page foot), prose that is no
 * table, the annex variant PDF, and the API's errors and allocation
 * failures. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "extract/extract.h"
#include "include/govfig.h"
#include "normalize/normalize.h"
#include "tests/glyph_doc.h"

#define DATA GF_SRCDIR "/tests/data/"

static gd_doc *new_gd(float w) {
  gd_doc *d = calloc(1, sizeof *d);
  assert_non_null(d);
  d->w = w;
  return d;
}

static gf_tables *extract(const gf_doc *doc) {
  gf_tables *t = NULL;
  assert_int_equal(gf_tables_extract(doc, 0, &t, NULL), GF_OK);
  assert_non_null(t);
  return t;
}

/* The cell at table, row, col (1-based), or fails. */
static const gf_table_cell *cell(const gf_tables *t, int table, int row,
                                 int col) {
  for (size_t i = 0; i < gf_tables_count(t); i++) {
    const gf_table_cell *c = gf_tables_at(t, i);
    if (c->table == table && c->row == row && c->col == col) return c;
  }
  fail_msg("no cell t%d r%d c%d", table, row, col);
  return NULL;
}

static int max_of(const gf_tables *t, int what) {
  int m = 0;
  for (size_t i = 0; i < gf_tables_count(t); i++) {
    const gf_table_cell *c = gf_tables_at(t, i);
    int v = what == 0 ? c->table : what == 1 ? c->row : c->col;
    if (v > m) m = v;
  }
  return m;
}

static void assert_cell(const gf_tables *t, int table, int row, int col,
                        const char *text) {
  const gf_table_cell *c = cell(t, table, row, col);
  if (strcmp(c->text, text) != 0)
    fail_msg("t%d r%d c%d: \"%s\", want \"%s\"", table, row, col, c->text,
             text);
}

/* A title, a table of three columns whose cells wrap and whose first two
 * columns are centred in their rows (as in a ruled Word table), then a
 * note in prose; the page text lists the third column first. */
static void centred_table(gd_doc *d, size_t page, float y) {
  float w = d->w, lh = 1.3f * w, pitch = lh + 3;
  gd_put(d, page, 150, y, "附表 某某项目计划表");
  y += 3 * pitch;
  /* header */
  gd_put(d, page, 60, y, "序号");
  gd_put(d, page, 120, y, "名称");
  gd_put(d, page, 260, y, "说明");
  y += pitch + 10;
  /* row 1: three lines in column 3, the others centred */
  gd_put(d, page, 200, y, "第一行说明文字很长的一段内容");
  gd_put(d, page, 200, y + pitch, "接着第二行也是很长的内容呀");
  gd_put(d, page, 200, y + 2 * pitch, "到此为止。");
  gd_put(d, page, 60, y + pitch, "1");
  gd_put(d, page, 100, y + pitch / 2, "甲项目");
  gd_put(d, page, 100, y + 1.5f * pitch, "一期");
  y += 3 * pitch + 10;
  /* row 2: one line */
  gd_put(d, page, 200, y, "短说明");
  gd_put(d, page, 60, y, "2");
  gd_put(d, page, 100, y, "乙项目");
  y += pitch + 10;
  gd_put(d, page, 40, y + 20,
         "备注：以上内容仅为测试所用，这一行是正文，横跨整个版心的宽度。");
}

static void test_tables_centred_wrapped(void **state) {
  (void)state;
  gd_doc *d = new_gd(12);
  centred_table(d, 0, 100);
  gd_put_furniture(d, 0, 280, 800, "- 1 -");
  gf_doc *doc = gd_make(d, "t.pdf");
  gf_tables *t = extract(doc);
  assert_int_equal(max_of(t, 0), 1);
  assert_int_equal(max_of(t, 1), 3);
  assert_int_equal(max_of(t, 2), 3);
  assert_cell(t, 1, 1, 1, "序号");
  assert_cell(t, 1, 1, 3, "说明");
  assert_cell(t, 1, 2, 1, "1");
  assert_cell(t, 1, 2, 2, "甲项目一期");
  assert_cell(t, 1, 2, 3,
              "第一行说明文字很长的一段内容"
              "接着第二行也是很长的内容呀到此为止。");
  assert_cell(t, 1, 3, 2, "乙项目");
  assert_cell(t, 1, 3, 3, "短说明");
  const gf_table_cell *c = cell(t, 1, 2, 3);
  assert_int_equal(c->page, 1);
  assert_string_equal(c->doc, "t.pdf");
  /* start points at the cell's first character in the page text */
  assert_memory_equal(doc->pages[0].text + c->start, "第一行", 9);
  /* the title and the note are not table text */
  for (size_t i = 0; i < gf_tables_count(t); i++) {
    assert_null(strstr(gf_tables_at(t, i)->text, "备注"));
    assert_null(strstr(gf_tables_at(t, i)->text, "附表"));
    assert_null(strstr(gf_tables_at(t, i)->text, "- 1 -"));
  }
  gf_tables_free(t);
  gf_doc_free(doc);
  free(d);
}

/* No ruling, no extra space between rows, cells top-aligned, some empty;
 * numbers in the last column. */
static void test_tables_unruled_empty_cells(void **state) {
  (void)state;
  gd_doc *d = new_gd(10);
  float y = 200, pitch = 15;
  gd_put(d, 0, 50, y, "指标");
  gd_put(d, 0, 250, y, "单位");
  gd_put(d, 0, 330, y, "数值");
  y += pitch;
  static const char *const rows[][3] = {
      {"一、地区生产总值", "亿元", "1327.8"},
      {"二、固定资产投资", "", "6.0"},
      {"其中：工业投资", "", ""},
      {"三、社会消费品零售总额", "亿元", "512.3"},
      {"四、进出口总额", "亿元", ""},
  };
  for (size_t r = 0; r < sizeof rows / sizeof *rows; r++, y += pitch)
    for (int c = 0; c < 3; c++)
      if (*rows[r][c])
        gd_put(d, 0, c == 0 ? 50 : c == 1 ? 250 : 330, y, rows[r][c]);
  gf_doc *doc = gd_make(d, "u.pdf");
  gf_tables *t = extract(doc);
  assert_int_equal(max_of(t, 0), 1);
  assert_int_equal(max_of(t, 1), 6);
  assert_int_equal(max_of(t, 2), 3);
  assert_int_equal(gf_tables_count(t), 18);  /* empty cells are rows too */
  for (size_t r = 0; r < sizeof rows / sizeof *rows; r++)
    for (int c = 0; c < 3; c++)
      assert_cell(t, 1, (int)r + 2, c + 1, rows[r][c]);
  gf_tables_free(t);
  gf_doc_free(doc);
  free(d);
}

/* A table's number cells become figures: the row's label is the
 * indicator, the header's bracketed unit or the row's 单位 cell the unit,
 * the header's words the measure; prose reading skips the table. */
static void test_tables_cells_are_figures(void **state) {
  (void)state;
  gd_doc *d = new_gd(10);
  float y = 100, pitch = 15;
  gd_put(d, 0, 50, y, "2023年某市国民经济和社会发展统计公报");
  y += 3 * pitch;
  gd_put(d, 0, 50, y, "指标");
  gd_put(d, 0, 200, y, "单位");
  gd_put(d, 0, 280, y, "年末数（万人）");
  gd_put(d, 0, 420, y, "比上年增长（%）");
  y += pitch;
  static const char *const rows[][4] = {
      {"其中：城镇人口", "", "392.66", "1.5"},
      {"乡村人口", "", "473.94", "-2.0"},
      {"粮食产量", "万吨", "", "3.1"},
  };
  for (size_t r = 0; r < sizeof rows / sizeof *rows; r++, y += pitch)
    for (int c = 0; c < 4; c++)
      if (*rows[r][c])
        gd_put(d, 0, c == 0 ? 50 : c == 1 ? 200 : c == 2 ? 280 : 420, y,
               rows[r][c]);
  gf_doc *doc = gd_make(d, "f.pdf");
  gf_figures *figs = NULL;
  assert_int_equal(gf_figures_extract(doc, 0, &figs, NULL), GF_OK);
  assert_int_equal(gf_figures_count(figs), 5);
  static const char *const want[][5] = {
      /* indicator, measure, value, unit, base_value */
      {"城镇人口", "level", "392.66", "万人", "3926600"},
      {"城镇人口", "growth", "1.5", "%", "1.5"},
      {"乡村人口", "level", "473.94", "万人", "4739400"},
      {"乡村人口", "growth", "-2", "%", "-2"},
      {"粮食产量", "growth", "3.1", "%", "3.1"},
  };
  for (size_t i = 0; i < 5; i++) {
    const gf_figure *f = gf_figures_at(figs, i);
    size_t len;
    const char *page = gf_doc_page_text(doc, 1, &len);
    if (strcmp(f->indicator, want[i][0]) || strcmp(f->measure, want[i][1]) ||
        strcmp(f->value, want[i][2]) || strcmp(f->unit, want[i][3]) ||
        strcmp(f->base_value, want[i][4]) || f->end > len ||
        memcmp(page + f->start, f->raw, f->end - f->start) != 0) {
      print_error("row %zu: %s %s %s %s %s\n", i, f->indicator, f->measure,
                  f->value, f->unit, f->base_value);
      fail();
    }
    assert_string_equal(f->kind, "actual");
    assert_int_equal(f->period, 2023);
  }
  gf_figures_free(figs);
  gf_doc_free(doc);
  free(d);
}

/* Column headers that name a year and a part ("2024年目标") give their
 * figures that kind and period, whatever the text around the table. */
static void test_tables_header_kind_period(void **state) {
  (void)state;
  gd_doc *d = new_gd(10);
  float y = 100, pitch = 15;
  gd_put(d, 0, 50, y, "2023年某市国民经济和社会发展统计公报");
  y += 3 * pitch;
  gd_put(d, 0, 50, y, "指标");
  gd_put(d, 0, 250, y, "2023年完成（亿元）");
  gd_put(d, 0, 420, y, "2024年目标（亿元）");
  y += pitch;
  gd_put(d, 0, 50, y, "地区生产总值");
  gd_put(d, 0, 250, y, "1327.8");
  gd_put(d, 0, 420, y, "1400");
  y += pitch;
  gd_put(d, 0, 50, y, "一般公共预算收入");
  gd_put(d, 0, 250, y, "140.12");
  gd_put(d, 0, 420, y, "148.5");
  gf_doc *doc = gd_make(d, "k.pdf");
  gf_figures *figs = NULL;
  assert_int_equal(gf_figures_extract(doc, 0, &figs, NULL), GF_OK);
  assert_int_equal(gf_figures_count(figs), 4);
  for (size_t i = 0; i < 4; i++) {
    const gf_figure *f = gf_figures_at(figs, i);
    assert_string_equal(f->unit, "亿元");
    assert_string_equal(f->kind, i % 2 ? "target" : "actual");
    assert_int_equal(f->period, i % 2 ? 2024 : 2023);
  }
  assert_string_equal(gf_figures_at(figs, 1)->base_value, "140000000000");
  gf_figures_free(figs);
  gf_doc_free(doc);
  free(d);
}

/* A first-column entry that wraps (fills its column) stays one entry; a
 * list marker after a full line starts a new one. */
static void test_tables_wrapped_first_column(void **state) {
  (void)state;
  gd_doc *d = new_gd(10);
  float y = 100, pitch = 14;
  gd_put(d, 0, 50, y, "项目");
  gd_put(d, 0, 200, y, "金额");
  y += pitch;
  gd_put(d, 0, 50, y, "一、很长的项目名称写满了");
  gd_put(d, 0, 200, y, "100");
  gd_put(d, 0, 50, y + pitch, "这一格");
  gd_put(d, 0, 50, y + 2 * pitch, "二、另一个很长的名称写满");
  gd_put(d, 0, 200, y + 2 * pitch, "200");
  gd_put(d, 0, 50, y + 3 * pitch, "三、短名");
  gd_put(d, 0, 200, y + 3 * pitch, "300");
  gf_doc *doc = gd_make(d, "w.pdf");
  gf_tables *t = extract(doc);
  assert_int_equal(max_of(t, 1), 4);
  assert_cell(t, 1, 2, 1, "一、很长的项目名称写满了这一格");
  assert_cell(t, 1, 2, 2, "100");
  assert_cell(t, 1, 3, 1, "二、另一个很长的名称写满");
  assert_cell(t, 1, 4, 1, "三、短名");
  assert_cell(t, 1, 4, 2, "300");
  gf_tables_free(t);
  gf_doc_free(doc);
  free(d);
}

/* Page 1 ends inside row 2; page 2 repeats the header and goes on with
 * row 2's text (no entry in the first column), then row 3. */
static void test_tables_split_over_pages(void **state) {
  (void)state;
  gd_doc *d = new_gd(12);
  float pitch = 18;
  gd_put(d, 0, 60, 40, "正文一段，说明下表的内容，这一行横跨整个版心宽度的");
  float y = 660;
  gd_put(d, 0, 60, y, "序号");
  gd_put(d, 0, 110, y, "名称");
  gd_put(d, 0, 250, y, "说明");
  y += pitch;
  gd_put(d, 0, 60, y, "1");
  gd_put(d, 0, 110, y, "甲项目");
  gd_put(d, 0, 250, y, "第一行的说明");
  y += pitch;
  gd_put(d, 0, 60, y, "2");
  gd_put(d, 0, 110, y, "乙项目");
  gd_put(d, 0, 250, y, "乙的说明写了很长一行");
  gd_put(d, 0, 250, y + pitch, "还没写完的第二行字");
  gd_put_furniture(d, 0, 280, 800, "- 1 -");
  y = 60;
  gd_put_furniture(d, 1, 60, 20, "某某报告");
  gd_put(d, 1, 60, y, "序号");
  gd_put(d, 1, 110, y, "名称");
  gd_put(d, 1, 250, y, "说明");
  y += pitch;
  gd_put(d, 1, 250, y, "第三行写到这里。");
  y += pitch;
  gd_put(d, 1, 60, y, "3");
  gd_put(d, 1, 110, y, "丙项目");
  gd_put(d, 1, 250, y, "丙的说明");
  gd_put(d, 1, 60, y + 3 * pitch,
         "正文又一段，在表格的下面，这一行也横跨了整个版心的宽度呀");
  gd_put_furniture(d, 1, 280, 800, "- 2 -");
  gf_doc *doc = gd_make(d, "s.pdf");
  gf_tables *t = extract(doc);
  assert_int_equal(max_of(t, 0), 1);
  assert_int_equal(max_of(t, 1), 4);
  assert_cell(t, 1, 1, 2, "名称");
  assert_cell(t, 1, 3, 2, "乙项目");
  assert_cell(t, 1, 3, 3,
              "乙的说明写了很长一行还没写完的第二行字第三行写到这里。");
  assert_int_equal(cell(t, 1, 3, 3)->page, 1);
  /* split: where page 2's part starts */
  const gf_table_cell *c = cell(t, 1, 3, 3);
  assert_string_equal(c->text + c->split, "第三行写到这里。");
  assert_cell(t, 1, 4, 1, "3");
  assert_cell(t, 1, 4, 3, "丙的说明");
  assert_int_equal(cell(t, 1, 4, 3)->page, 2);
  assert_int_equal(cell(t, 1, 2, 3)->split, strlen("第一行的说明"));
  gf_tables_free(t);
  gf_doc_free(doc);
  free(d);
}

/* Two tables on one page stay two; prose pages have none. */
static void test_tables_prose_is_no_table(void **state) {
  (void)state;
  gd_doc *d = new_gd(12);
  for (int i = 0; i < 20; i++)
    gd_put(d, 0, 60, 60 + 20 * (float)i,
           i % 5 == 4 ? "短的末行。"
                      : "这是正文段落的一行文字，没有任何表格在这里的。");
  gf_doc *doc = gd_make(d, "p.pdf");
  gf_tables *t = extract(doc);
  assert_int_equal(gf_tables_count(t), 0);
  gf_tables_free(t);
  gf_doc_free(doc);
  free(d);
}

static void test_tables_two_on_a_page(void **state) {
  (void)state;
  gd_doc *d = new_gd(12);
  centred_table(d, 0, 60);
  centred_table(d, 0, 400);
  gf_doc *doc = gd_make(d, "two.pdf");
  gf_tables *t = extract(doc);
  assert_int_equal(max_of(t, 0), 2);
  assert_cell(t, 2, 3, 2, "乙项目");
  gf_tables_free(t);
  gf_doc_free(doc);
  free(d);
}

/* The annex laid out differently (sans font, no rules, top-aligned cells,
 * a row over the page break): tests/data/annex-variant.c. */
static void test_tables_annex_variant_pdf(void **state) {
  (void)state;
  gf_doc *doc = NULL;
  assert_int_equal(gf_doc_open(DATA "annex-variant.pdf", NULL, 0, &doc, NULL),
                   GF_OK);
  gf_tables *t = extract(doc);
  assert_int_equal(max_of(t, 0), 1);
  assert_int_equal(max_of(t, 1), 5);
  assert_int_equal(max_of(t, 2), 4);
  assert_cell(t, 1, 1, 3, "四至范围");
  assert_cell(t, 1, 4, 1, "3");
  assert_cell(t, 1, 5, 2, "南山物流园地块改造项目");
  assert_cell(t, 1, 4, 4, "居住、教育、市政道路");
  const char *s = cell(t, 1, 4, 3)->text;
  assert_non_null(
      strstr(s, "西至规划支路；西关三组地块：东至规划支路，西至西环路"));
  assert_non_null(strstr(s, "北至六组水塘。"));
  gf_tables_free(t);
  gf_doc_free(doc);
}

/* A text document has no geometry, hence no tables. */
static void test_tables_text_doc(void **state) {
  (void)state;
  gf_doc *doc = NULL;
  const char *txt = "序号  名称\n1  甲\n";
  assert_int_equal(gf_doc_open_text("x.txt", txt, strlen(txt), &doc, NULL),
                   GF_OK);
  gf_tables *t = extract(doc);
  assert_int_equal(gf_tables_count(t), 0);
  assert_int_equal(gf_tables_write_csv(t, stdout, GF_OPT_NO_HEADER), GF_OK);
  gf_tables_free(t);
  gf_doc_free(doc);
}

static void test_tables_api_errors(void **state) {
  (void)state;
  gf_tables *t = (gf_tables *)1;
  gf_error err = {0};
  assert_int_equal(gf_tables_extract(NULL, 0, &t, &err), GF_EINVAL);
  assert_null(t);
  assert_int_equal(err.code, GF_EINVAL);
  assert_int_equal(gf_tables_count(NULL), 0);
  assert_null(gf_tables_at(NULL, 0));
  gf_tables_free(NULL);
  assert_int_equal(gf_tables_write_csv(NULL, stdout, 0), GF_EINVAL);
  const char *const *cols = gf_tables_columns();
  assert_string_equal(cols[0], "doc");
  assert_string_equal(cols[5], "text");
  assert_null(cols[6]);
  /* a full disk is an error */
  gd_doc *d = new_gd(12);
  centred_table(d, 0, 100);
  gf_doc *doc = gd_make(d, "t.pdf");
  t = extract(doc);
  assert_null(gf_tables_at(t, gf_tables_count(t)));
  FILE *full = fopen("/dev/full", "w");
  if (full) {
    assert_int_equal(gf_tables_write_csv(t, full, 0), GF_EIO);
    fclose(full);
  }
  /* CSV: one header, one row per cell */
  char *buf = NULL;
  size_t len = 0;
  FILE *mem = open_memstream(&buf, &len);
  assert_int_equal(gf_tables_write_csv(t, mem, 0), GF_OK);
  fclose(mem);
  assert_true(strncmp(buf, "doc,page,table,row,col,text\r\n", 29) == 0);
  assert_non_null(strstr(buf, "t.pdf,1,1,2,2,甲项目一期\r\n"));
  free(buf);
  gf_tables_free(t);
  gf_doc_free(doc);
  free(d);
}

/* Every allocation failing in turn: a clean GF_ENOMEM, nothing leaked. */
static void test_tables_enomem(void **state) {
  (void)state;
  gd_doc *d = new_gd(12);
  centred_table(d, 0, 600);
  centred_table(d, 1, 40);
  gf_doc *doc = gd_make(d, "m.pdf");
  int ok = 0;
  for (unsigned long n = 1; n < 10000 && !ok; n++) {
    gf_tables *t = NULL;
    gf_alloc_fail_at(n);
    int rc = gf_tables_extract(doc, 0, &t, NULL);
    gf_alloc_fail_at(0);
    if (rc == GF_OK) {
      ok = 1;
      assert_non_null(t);
    } else {
      assert_int_equal(rc, GF_ENOMEM);
      assert_null(t);
    }
    gf_tables_free(t);
  }
  assert_true(ok);
  gf_doc_free(doc);
  free(d);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_tables_centred_wrapped),
      cmocka_unit_test(test_tables_unruled_empty_cells),
      cmocka_unit_test(test_tables_cells_are_figures),
      cmocka_unit_test(test_tables_header_kind_period),
      cmocka_unit_test(test_tables_wrapped_first_column),
      cmocka_unit_test(test_tables_split_over_pages),
      cmocka_unit_test(test_tables_prose_is_no_table),
      cmocka_unit_test(test_tables_two_on_a_page),
      cmocka_unit_test(test_tables_annex_variant_pdf),
      cmocka_unit_test(test_tables_text_doc),
      cmocka_unit_test(test_tables_api_errors),
      cmocka_unit_test(test_tables_enomem),
  };
  return cmocka_run_group_tests_name("tables", tests, NULL, NULL);
}
