/* test_parcels.c - extract/parcels.c: 四至 descriptions in prose (a table
 * of {input, expected rows}: orders, brackets, 与, commas inside brackets,
 * a missing direction reported and left empty, several parcels in one
 * description, lone direction words that are no description), in table
 * cells built from glyph boxes (columns found by header words and without
 * headers), the annex variant PDF, the CSV writer, API errors, allocation
 * failures and a pathological input's time. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "extract/extract.h"
#include "include/govfig.h"
#include "normalize/normalize.h"
#include "tests/glyph_doc.h"

#define DATA GF_SRCDIR "/tests/data/"

static gf_parcels *from_text(const char *text) {
  gf_doc *doc = NULL;
  assert_int_equal(gf_doc_open_text("p.txt", text, strlen(text), &doc, NULL),
                   GF_OK);
  gf_parcels *ps = NULL;
  assert_int_equal(gf_parcels_extract(doc, 0, &ps, NULL), GF_OK);
  gf_doc_free(doc);
  return ps;
}

/* One expected row: parcel, east, west, south, north (NULL ends). */
typedef struct want {
  const char *parcel, *e, *w, *s, *n;
} want;

typedef struct prose_case {
  const char *text;
  want rows[4];
  size_t n_warnings;
} prose_case;

static const prose_case prose_cases[] = {
    /* 0: the usual order */
    {"该地块四至范围为：东至洪家楼北路，西至海蔚路，南至花园路，北至花洪路。",
     {{"", "洪家楼北路", "海蔚路", "花园路", "花洪路"}},
     0},
    /* 1: 北至 first */
    {"该地块四至为北至花园路，南至宋刘村，西至宋刘村，东至华山信用社宿舍。",
     {{"", "华山信用社宿舍", "宋刘村", "宋刘村", "花园路"}},
     0},
    /* 2: 南 西 北 东 */
    {"四至范围：南至飞跃大道，西至龙凤山路，北至规划横一路，东至围子山路。",
     {{"", "围子山路", "龙凤山路", "飞跃大道", "规划横一路"}},
     0},
    /* 3: brackets in a boundary */
    {"该地块北至规划横一路（胶济铁路），东至围子山路，南至飞跃大道，"
     "西至龙凤山路。",
     {{"", "围子山路", "龙凤山路", "飞跃大道", "规划横一路（胶济铁路）"}},
     0},
    /* 4: 与 in a boundary */
    {"该地块东至二环东路，西至全福河，南至全福河与二环东路交叉口，"
     "北至花园路。",
     {{"", "二环东路", "全福河", "全福河与二环东路交叉口", "花园路"}},
     0},
    /* 5: a comma and a direction word inside brackets */
    {"该地块东至纺织路（含辅路，东至路沿石），西至工人新村，南至第三中学，"
     "北至铁路货场。",
     {{"", "纺织路（含辅路，东至路沿石）", "工人新村", "第三中学",
       "铁路货场"}},
     0},
    /* 6: numbers in a boundary */
    {"该地块东至规划路12号，西至G104国道，南至3号楼，北至2024-01地块。",
     {{"", "规划路12号", "G104国道", "3号楼", "2024-01地块"}},
     0},
    /* 7: a named parcel */
    {"邮局地块：东至洪腾路，西至洪家楼南路，南至历城区中医医院，"
     "北至花园路。",
     {{"邮局地块", "洪腾路", "洪家楼南路", "历城区中医医院", "花园路"}},
     0},
    /* 8: several parcels in one description, split at ； */
    {"甲地块：东至一路，西至二路，南至三路，北至四路；乙地块：东至五路，"
     "西至六路，南至七路，北至八路。",
     {{"甲地块", "一路", "二路", "三路", "四路"},
      {"乙地块", "五路", "六路", "七路", "八路"}},
     0},
    /* 9: three parcels, a space after ； and mixed orders */
    {"甲地块：东至一路，西至二路，南至三路，北至四路； 乙地块：北至八路，"
     "南至七路，西至六路，东至五路； 丙地块：西至十路，东至九路，北至十二路，"
     "南至十一路。",
     {{"甲地块", "一路", "二路", "三路", "四路"},
      {"乙地块", "五路", "六路", "七路", "八路"},
      {"丙地块", "九路", "十路", "十一路", "十二路"}},
     0},
    /* 10: a missing direction: empty, reported */
    {"该地块东至滨河路，西至松柏巷，北至明德街。",
     {{"", "滨河路", "松柏巷", "", "明德街"}},
     1},
    /* 11: two missing */
    {"该地块东至滨河路，西至松柏巷。",
     {{"", "滨河路", "松柏巷", "", ""}},
     2},
    /* 12: a lone direction word is no description */
    {"道路向东至滨河路延伸三公里。", {{NULL, NULL, NULL, NULL, NULL}}, 0},
    /* 13: 东至 inside a word (not after a separator) is not a direction */
    {"该地块东至华东至西物流园，西至松柏巷，南至明德街，北至青云路。",
     {{"", "华东至西物流园", "松柏巷", "明德街", "青云路"}},
     0},
    /* 14: what follows the last boundary after a comma is not part of it */
    {"项目位于真金路与交通路路口，东至真金路，南至规划公共绿地，"
     "西至规划住宅地块，北至万里雅筑小区，用地面积约为4000.6平方米。",
     {{"", "真金路", "规划住宅地块", "规划公共绿地", "万里雅筑小区"}},
     0},
    /* 15: ASCII commas and semicolons */
    {"A地块:东至一路,西至二路,南至三路,北至四路;B地块:东至五路,西至六路,"
     "南至七路,北至八路。",
     {{"A地块", "一路", "二路", "三路", "四路"},
      {"B地块", "五路", "六路", "七路", "八路"}},
     0},
    /* 16: directions separated by ； go on as one parcel */
    {"该地块东至一路；西至二路；南至三路；北至四路。",
     {{"", "一路", "二路", "三路", "四路"}},
     0},
    /* 17: a named parcel in prose (…地块四至范围为) */
    {"其中全福河东侧地块四至范围为：东至二环东路，西至全福河，南至花园路，"
     "北至山大北路。",
     {{"全福河东侧地块", "二环东路", "全福河", "花园路", "山大北路"}},
     0},
    /* 18: a description over a line break */
    {"该地块四至范围为：东至洪家楼北路，西\n至海蔚路，南至花园路，北至花洪路。",
     {{"", "洪家楼北路", "海蔚路", "花园路", "花洪路"}},
     0},
    /* 19: nested brackets and 、 */
    {"该地块东至（规划（一期）道路）、绿地，西至河道，南至A区（含1、2号楼），"
     "北至B区。",
     {{"", "（规划（一期）道路）、绿地", "河道", "A区（含1、2号楼）", "B区"}},
     0},
    /* 20: full-width space as a separator */
    {"该地块东至一路　西至二路　南至三路　北至四路。",
     {{"", "一路", "二路", "三路", "四路"}},
     0},
    /* 21: a repeated direction keeps the first, the missing one reported */
    {"该地块东至一路，东至二路，南至三路，北至四路。",
     {{"", "一路", "", "三路", "四路"}},
     1},
    /* 22: two sentences, two parcels */
    {"该地块东至一路，西至二路，南至三路，北至四路。另一地块东至五路，"
     "西至六路，南至七路，北至八路。",
     {{"", "一路", "二路", "三路", "四路"},
      {"", "五路", "六路", "七路", "八路"}},
     0},
    /* 23: no 四至 at all */
    {"全年实现地区生产总值1327.8亿元，同比增长6%。",
     {{NULL, NULL, NULL, NULL, NULL}},
     0},
};

static void test_parcels_prose_table(void **state) {
  (void)state;
  for (size_t i = 0; i < sizeof prose_cases / sizeof *prose_cases; i++) {
    const prose_case *pc = &prose_cases[i];
    gf_parcels *ps = from_text(pc->text);
    size_t n_want = 0;
    while (n_want < 4 && pc->rows[n_want].e) n_want++;
    if (gf_parcels_count(ps) != n_want)
      fail_msg("case %zu: %zu rows, want %zu", i, gf_parcels_count(ps),
               n_want);
    for (size_t k = 0; k < n_want; k++) {
      const gf_parcel *p = gf_parcels_at(ps, k);
      const want *w = &pc->rows[k];
      const char *got[5] = {p->parcel, p->east, p->west, p->south,
                            p->north};
      const char *exp[5] = {w->parcel, w->e, w->w, w->s, w->n};
      for (int f = 0; f < 5; f++)
        if (strcmp(got[f], exp[f]) != 0)
          fail_msg("case %zu row %zu field %d: \"%s\", want \"%s\"", i, k, f,
                   got[f], exp[f]);
      assert_int_equal(p->page, 1);
      assert_string_equal(p->doc, "p.txt");
      assert_non_null(strstr(p->raw, "至"));
    }
    if (gf_parcels_warning_count(ps) != pc->n_warnings)
      fail_msg("case %zu: %zu warnings, want %zu", i,
               gf_parcels_warning_count(ps), pc->n_warnings);
    gf_parcels_free(ps);
  }
}

/* The warning names the parcel and the direction, and its row. */
static void test_parcels_missing_reported(void **state) {
  (void)state;
  gf_parcels *ps = from_text("前文。\f甲地块：东至一路，西至二路，南至三路；"
                             "乙地块：东至五路，西至六路，南至七路，"
                             "北至八路。");
  assert_int_equal(gf_parcels_count(ps), 2);
  assert_int_equal(gf_parcels_warning_count(ps), 1);
  const gf_parcel_warning *w = gf_parcels_warning_at(ps, 0);
  assert_int_equal(w->page, 2);
  assert_int_equal(w->parcel, 0);
  assert_non_null(strstr(w->message, "甲地块"));
  assert_non_null(strstr(w->message, "北至"));
  assert_non_null(strstr(w->message, "north"));
  assert_string_equal(gf_parcels_at(ps, 0)->north, "");
  assert_int_equal(gf_parcels_at(ps, 0)->page, 2);
  assert_null(gf_parcels_warning_at(ps, 1));
  gf_parcels_free(ps);
}

/* Prose project: the 项目/工程 clause before the description. */
static void test_parcels_prose_project(void **state) {
  (void)state;
  gf_parcels *ps = from_text(
      "由某街道办事处建设的社区服务中心新建工程，位于真金路与交通路路口，"
      "东至真金路，南至规划公共绿地，西至规划住宅地块，北至万里雅筑小区。");
  assert_int_equal(gf_parcels_count(ps), 1);
  assert_string_equal(gf_parcels_at(ps, 0)->project, "社区服务中心新建工程");
  assert_string_equal(gf_parcels_at(ps, 0)->project_no, "");
  assert_string_equal(gf_parcels_at(ps, 0)->land_use, "");
  gf_parcels_free(ps);
}

/* A table built from glyph boxes: 序号, 名称, 四至, 用地性质 with header
 * words, or without any header (columns by content and order). */
static gf_doc *grid_doc(int with_header, int scramble) {
  gd_doc *d = calloc(1, sizeof *d);
  assert_non_null(d);
  d->w = 10;
  float y = 100, pitch = 14;
  if (with_header) {
    gd_put(d, 0, 40, y, "编号");
    gd_put(d, 0, 80, y, "项目名称");
    gd_put(d, 0, 200, y, "地块四至");
    gd_put(d, 0, 460, y, "用地性质");
    y += 2 * pitch;
  }
  /* row 1: two parcels over three lines of the 四至 column */
  const char *l1[] = {"北区地块：东至一路，西至二路，南至",
                      "三路，北至四路；南区地块：南至七路",
                      "，北至八路，东至五路，西至六路。"};
  if (scramble) {  /* the page text lists the last column first */
    gd_put(d, 0, 460, y, "居住、商业");
    for (int i = 2; i >= 0; i--) gd_put(d, 0, 200, y + pitch * i, l1[i]);
    gd_put(d, 0, 80, y, "甲改造项目");
    gd_put(d, 0, 40, y, "1");
  } else {
    gd_put(d, 0, 40, y, "1");
    gd_put(d, 0, 80, y, "甲改造项目");
    for (int i = 0; i < 3; i++) gd_put(d, 0, 200, y + pitch * i, l1[i]);
    gd_put(d, 0, 460, y, "居住、商业");
  }
  y += 4 * pitch;
  gd_put(d, 0, 40, y, "2");
  gd_put(d, 0, 80, y, "乙更新项目");
  gd_put(d, 0, 200, y, "东至九路，西至十路，北至十二路。");
  gd_put(d, 0, 460, y, "教育");
  gd_put(d, 0, 40, y + 4 * pitch,
         "备注：以上四至以规划部门审批为准，这一行是横跨版心的正文内容的呀。");
  gf_doc *doc = gd_make(d, "grid.pdf");
  free(d);
  return doc;
}

static void check_grid(gf_parcels *ps) {
  assert_int_equal(gf_parcels_count(ps), 3);
  const gf_parcel *p = gf_parcels_at(ps, 0);
  assert_string_equal(p->project_no, "1");
  assert_string_equal(p->project, "甲改造项目");
  assert_string_equal(p->parcel, "北区地块");
  assert_string_equal(p->east, "一路");
  assert_string_equal(p->south, "三路");
  assert_string_equal(p->land_use, "居住、商业");
  assert_string_equal(p->raw, "北区地块：东至一路，西至二路，南至三路，北至四路");
  p = gf_parcels_at(ps, 1);
  assert_string_equal(p->parcel, "南区地块");
  assert_string_equal(p->east, "五路");
  assert_string_equal(p->west, "六路");
  assert_string_equal(p->south, "七路");
  assert_string_equal(p->north, "八路");
  p = gf_parcels_at(ps, 2);
  assert_string_equal(p->project_no, "2");
  assert_string_equal(p->project, "乙更新项目");
  assert_string_equal(p->parcel, "");
  assert_string_equal(p->south, "");
  assert_string_equal(p->land_use, "教育");
  assert_int_equal(gf_parcels_warning_count(ps), 1);
  assert_int_equal(gf_parcels_warning_at(ps, 0)->parcel, 2);
}

static void test_parcels_table_with_header(void **state) {
  (void)state;
  gf_doc *doc = grid_doc(1, 0);
  gf_parcels *ps = NULL;
  assert_int_equal(gf_parcels_extract(doc, 0, &ps, NULL), GF_OK);
  check_grid(ps);
  gf_parcels_free(ps);
  gf_doc_free(doc);
}

static void test_parcels_table_without_header(void **state) {
  (void)state;
  gf_doc *doc = grid_doc(0, 1);
  gf_parcels *ps = NULL;
  assert_int_equal(gf_parcels_extract(doc, 0, &ps, NULL), GF_OK);
  check_grid(ps);
  gf_parcels_free(ps);
  gf_doc_free(doc);
}

/* tests/data/annex-variant.pdf (see annex-variant.c): 10 parcels, the
 * ones of row 3 that start on page 2 placed there. */
static void test_parcels_annex_variant(void **state) {
  (void)state;
  gf_doc *doc = NULL;
  assert_int_equal(gf_doc_open(DATA "annex-variant.pdf", NULL, 0, &doc, NULL),
                   GF_OK);
  gf_parcels *ps = NULL;
  assert_int_equal(gf_parcels_extract(doc, 0, &ps, NULL), GF_OK);
  assert_int_equal(gf_parcels_count(ps), 10);
  assert_int_equal(gf_parcels_warning_count(ps), 0);
  static const struct {
    const char *no, *parcel, *e, *w, *s, *n;
    int page;
  } rows[] = {
      {"1", "东湖北地块", "东湖公园", "松柏巷", "明德街（含人行道）", "青云路",
       1},
      {"1", "东湖南地块", "滨河路", "松柏巷", "和平里小区与明德街交叉口",
       "明德街", 1},
      {"2", "", "纺织路", "工人新村", "第三中学", "铁路货场（编号1、2号库）",
       1},
      {"3", "西关三组地块", "规划支路", "西环路", "环城南路", "西关农贸市场",
       1},
      {"3", "西关四组地块", "西环路", "规划绿地", "环城南路", "西关四组村委会",
       2},
      {"4", "", "南山公园", "物流园三号路", "南山大道", "物流园一号路", 2},
  };
  static const size_t at[] = {0, 1, 2, 5, 6, 9};
  for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
    const gf_parcel *p = gf_parcels_at(ps, at[i]);
    assert_string_equal(p->project_no, rows[i].no);
    assert_string_equal(p->parcel, rows[i].parcel);
    assert_string_equal(p->east, rows[i].e);
    assert_string_equal(p->west, rows[i].w);
    assert_string_equal(p->south, rows[i].s);
    assert_string_equal(p->north, rows[i].n);
    assert_int_equal(p->page, rows[i].page);
  }
  assert_string_equal(gf_parcels_at(ps, 3)->land_use, "居住、教育、市政道路");
  assert_string_equal(gf_parcels_at(ps, 3)->project, "西关旧村改造项目");
  gf_parcels_free(ps);
  gf_doc_free(doc);
}

static void test_parcels_csv(void **state) {
  (void)state;
  gf_parcels *ps = from_text("邮局地块：东至洪腾路，西至洪家楼南路，"
                             "南至历城区中医医院，北至花园路。");
  char *buf = NULL;
  size_t len = 0;
  FILE *mem = open_memstream(&buf, &len);
  assert_int_equal(gf_parcels_write_csv(ps, mem, 0), GF_OK);
  fclose(mem);
  assert_string_equal(
      buf,
      "doc,page,project_no,project,parcel,east,west,south,north,land_use,"
      "raw\r\n"
      "p.txt,1,,,邮局地块,洪腾路,洪家楼南路,历城区中医医院,花园路,,"
      "邮局地块：东至洪腾路，西至洪家楼南路，南至历城区中医医院，"
      "北至花园路\r\n");
  free(buf);
  FILE *full = fopen("/dev/full", "w");
  if (full) {
    assert_int_equal(gf_parcels_write_csv(ps, full, 0), GF_EIO);
    fclose(full);
  }
  /* The header alone is the first line of a full write. */
  buf = NULL;
  mem = open_memstream(&buf, &len);
  assert_int_equal(gf_parcels_write_header(mem, 0), GF_OK);
  fclose(mem);
  assert_string_equal(buf, "doc,page,project_no,project,parcel,east,west,"
                           "south,north,land_use,raw\r\n");
  free(buf);
  full = fopen("/dev/full", "w");
  if (full) {
    assert_int_equal(gf_parcels_write_header(full, 0), GF_EIO);
    fclose(full);
  }
  const char *const *cols = gf_parcels_columns();
  assert_string_equal(cols[4], "parcel");
  assert_string_equal(cols[10], "raw");
  assert_null(cols[11]);
  gf_parcels_free(ps);
}

static void test_parcels_api_errors(void **state) {
  (void)state;
  gf_parcels *ps = (gf_parcels *)1;
  gf_error err = {0};
  assert_int_equal(gf_parcels_extract(NULL, 0, &ps, &err), GF_EINVAL);
  assert_null(ps);
  assert_int_equal(err.code, GF_EINVAL);
  assert_int_equal(gf_parcels_count(NULL), 0);
  assert_null(gf_parcels_at(NULL, 0));
  assert_int_equal(gf_parcels_warning_count(NULL), 0);
  assert_null(gf_parcels_warning_at(NULL, 0));
  assert_int_equal(gf_parcels_write_csv(NULL, stdout, 0), GF_EINVAL);
  assert_int_equal(gf_parcels_write_header(NULL, 0), GF_EINVAL);
  gf_parcels_free(NULL);
}

/* Every allocation failing in turn: a clean GF_ENOMEM, nothing leaked. */
static void test_parcels_enomem(void **state) {
  (void)state;
  gf_doc *doc = grid_doc(1, 0);
  int ok = 0;
  for (unsigned long n = 1; n < 20000 && !ok; n++) {
    gf_parcels *ps = NULL;
    gf_alloc_fail_at(n);
    int rc = gf_parcels_extract(doc, 0, &ps, NULL);
    gf_alloc_fail_at(0);
    if (rc == GF_OK) {
      ok = 1;
      assert_int_equal(gf_parcels_count(ps), 3);
    } else {
      assert_int_equal(rc, GF_ENOMEM);
      assert_null(ps);
    }
    gf_parcels_free(ps);
  }
  assert_true(ok);
  gf_doc_free(doc);
}

/* Thousands of 东至 without the other directions, and deep brackets:
 * linear enough to finish well within a second. */
static void test_parcels_pathological_time(void **state) {
  (void)state;
  gf_buf b = {0};
  for (int i = 0; i < 5000; i++) gf_buf_puts(&b, "东至一路，");
  for (int i = 0; i < 2000; i++) gf_buf_puts(&b, "（");
  gf_buf_puts(&b, "西至二路");
  assert_false(b.oom);
  clock_t t0 = clock();
  gf_parcels *ps = from_text(b.p);
  double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
  assert_true(secs < 5.0);
  assert_int_equal(gf_parcels_count(ps), 0);
  gf_parcels_free(ps);
  gf_buf_free(&b);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_parcels_prose_table),
      cmocka_unit_test(test_parcels_missing_reported),
      cmocka_unit_test(test_parcels_prose_project),
      cmocka_unit_test(test_parcels_table_with_header),
      cmocka_unit_test(test_parcels_table_without_header),
      cmocka_unit_test(test_parcels_annex_variant),
      cmocka_unit_test(test_parcels_csv),
      cmocka_unit_test(test_parcels_api_errors),
      cmocka_unit_test(test_parcels_enomem),
      cmocka_unit_test(test_parcels_pathological_time),
  };
  return cmocka_run_group_tests_name("parcels", tests, NULL, NULL);
}
