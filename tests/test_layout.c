/* test_layout.c - extract/layout.c on synthetic documents: page numbers in
 * their usual dresses, repeated running headers, paragraphs rebuilt across
 * line and page breaks (from text and from hand-set geometry), heading
 * markers and the position map back into the page text. */
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

static gf_doc *open_text(const char *text) {
  gf_doc *doc = NULL;
  assert_int_equal(gf_doc_open_text("t", text, strlen(text), &doc, NULL),
                   GF_OK);
  assert_non_null(doc);
  return doc;
}

static const char *line_text(const gf_doc *doc, size_t i, size_t *len) {
  const gf_line *l = &doc->lines[i];
  *len = l->len;
  return doc->pages[l->page].text + l->off;
}

/* Index of the line of page (0-based) whose text is s, or fails. */
static size_t find_line(const gf_doc *doc, uint32_t page, const char *s) {
  for (size_t i = 0; i < doc->n_lines; i++) {
    size_t len;
    const char *t = line_text(doc, i, &len);
    if (doc->lines[i].page == page && len == strlen(s) &&
        memcmp(t, s, len) == 0)
      return i;
  }
  fail_msg("no line \"%s\" on page %u", s, (unsigned)page + 1);
  return 0;
}

static int is_furniture(const gf_doc *doc, uint32_t page, const char *s) {
  return (doc->lines[find_line(doc, page, s)].flags & GF_LINE_FURNITURE) != 0;
}

/* ------------------------------------------------------------ furniture */

/* printf format of a footer, with %d the page number */
typedef struct footer_row {
  const char *fmt;
  int furniture;
} footer_row;

static const footer_row footer_rows[] = {
    {"— %d —", 1},
    {"—%d—", 1},
    {"- %d -", 1},
    {"－%d－", 1},
    {"·%d·", 1},
    {"第 %d 页 共 20 页", 1},
    {"第%d页", 1},
    {"%d/20", 1},
    {"Page %d", 1},
    {"%d", 1},
    {"  %d  ", 1},
    /* numbers that are data, not page numbers */
    {"%d327.8", 0},
    {"增长%d%%", 0},
};

static void test_layout_page_number_styles(void **state) {
  (void)state;
  for (size_t r = 0; r < sizeof footer_rows / sizeof footer_rows[0]; r++) {
    static const char *const body[] = {"甲乙丙", "丁戊己", "庚辛壬"};
    char text[1024] = "", foot[64];
    for (int p = 1; p <= 3; p++) {
      char page[256];
      snprintf(foot, sizeof foot, footer_rows[r].fmt, p);
      snprintf(page, sizeof page, "正文第一行，%s。\n正文第二行%s。\n%s\f",
               body[p - 1], body[p - 1], foot);
      strcat(text, page);
    }
    gf_doc *doc = open_text(text);
    assert_int_equal(gf_doc_page_count(doc), 3);
    for (uint32_t p = 0; p < 3; p++) {
      snprintf(foot, sizeof foot, footer_rows[r].fmt, (int)p + 1);
      if (is_furniture(doc, p, foot) != footer_rows[r].furniture)
        fail_msg("row %zu (%s) page %u", r, footer_rows[r].fmt, p + 1);
      char line[64];
      snprintf(line, sizeof line, "正文第二行%s。", body[p]);
      if (is_furniture(doc, p, line)) fail_msg("row %zu: body marked", r);
    }
    gf_doc_free(doc);
  }
}

static void test_layout_page_number_chinese(void **state) {
  (void)state;
  gf_doc *doc = open_text("甲。\n乙。\n— 三 —\f丙。\n丁。\n— 四 —\f");
  assert_true(is_furniture(doc, 0, "— 三 —"));
  assert_true(is_furniture(doc, 1, "— 四 —"));
  assert_false(is_furniture(doc, 0, "甲。"));
  gf_doc_free(doc);
  /* a bare Chinese numeral may be a table cell: only dressed ones count */
  doc = open_text("甲。\n乙。\n三\f");
  assert_false(is_furniture(doc, 0, "三"));
  gf_doc_free(doc);
}

static void test_layout_repeated_header(void **state) {
  (void)state;
  const char *hdr[] = {"历城区2023年计划执行情况报告",
                       "历城区2024年计划执行情况报告"};
  static const char *const body[] = {"甲乙", "丙丁", "戊己", "庚辛"};
  char text[2048] = "";
  for (int p = 0; p < 4; p++) {
    char page[512];
    snprintf(page, sizeof page, "%s\n正文%s在这里。\n中间%s一行。\n"
             "还有%s正文。\n最后%s正文。\f", hdr[p % 2], body[p], body[p],
             body[p], body[p]);
    strcat(text, page);
  }
  gf_doc *doc = open_text(text);
  for (uint32_t p = 0; p < 4; p++) {
    char line[64];
    assert_true(is_furniture(doc, p, hdr[p % 2]));
    snprintf(line, sizeof line, "正文%s在这里。", body[p]);
    assert_false(is_furniture(doc, p, line));
  }
  gf_doc_free(doc);
  /* with two pages, repetition proves nothing */
  doc = open_text("共同标题行\n正文一。\n正文二。\f"
                  "共同标题行\n正文三。\n正文四。");
  assert_false(is_furniture(doc, 0, "共同标题行"));
  gf_doc_free(doc);
}

static void test_layout_repeated_data_kept(void **state) {
  (void)state;
  /* a table's total row on every page is data: big numbers, no words */
  char text[2048] = "";
  for (int p = 0; p < 4; p++) {
    char page[512];
    snprintf(page, sizeof page, "表%d\n项目一 12\n合计 189,767,55%d\f", p, p);
    strcat(text, page);
  }
  gf_doc *doc = open_text(text);
  assert_false(is_furniture(doc, 1, "合计 189,767,551"));
  gf_doc_free(doc);
}

static void test_layout_only_text_kept(void **state) {
  (void)state;
  gf_doc *doc = open_text("正文。\n正文。\n3\f7\f");
  assert_true(is_furniture(doc, 0, "3"));
  assert_false(is_furniture(doc, 1, "7"));
  gf_doc_free(doc);
}

static void test_layout_middle_line_not_candidate(void **state) {
  (void)state;
  gf_doc *doc = open_text("一行。\n二行。\n5\n四行。\n五行。\n六行。");
  assert_false(is_furniture(doc, 0, "5"));
  gf_doc_free(doc);
}

/* ------------------------------------------------------------ paragraphs */

static void paras(const gf_doc *doc, gf_para **p, size_t *n) {
  assert_int_equal(gf_layout_paragraphs(doc, p, n), GF_OK);
}

/* Every byte's position points at the same byte in the page text, and
 * every joining '\n' at the end of the line before it. */
static void check_pos(const gf_doc *doc, const gf_para *p) {
  for (size_t i = 0; i < p->len; i++) {
    uint32_t pg = GF_POS_PAGE(p->pos[i]);
    size_t off = GF_POS_OFF(p->pos[i]);
    assert_true(pg < doc->n_pages);
    assert_true(off <= doc->pages[pg].len);
    if (p->text[i] == '\n')
      assert_true(off == doc->pages[pg].len || doc->pages[pg].text[off] == '\n'
                  || doc->pages[pg].text[off] == '\r');
    else
      assert_int_equal(doc->pages[pg].text[off], p->text[i]);
  }
}

typedef struct para_row {
  const char *in;
  const char *want[8]; /* NULL-terminated */
} para_row;

static const para_row para_rows[] = {
    /* lines of a long sentence join; a short line ending with 。 ends it */
    {"今年全区经济运行总体平稳，地区生产总值达到\n"
     "1327.8亿元，同比增长6%，较上年提升2.4个百分\n"
     "点。\n"
     "新增市场主体3.7万户、累计超22.3万户，新增和总\n"
     "量均排名全市第1。",
     {"今年全区经济运行总体平稳，地区生产总值达到\n"
      "1327.8亿元，同比增长6%，较上年提升2.4个百分\n点。",
      "新增市场主体3.7万户、累计超22.3万户，新增和总\n量均排名全市第1。",
      NULL}},
    /* heading markers start paragraphs */
    {"一、总体情况\n（一）经济运行\n1. 经济回暖。产值增长，实现新的突破和发\n"
     "展。\n(2)投资增长\n第三章 附则\n2、其他\n十一、结语",
     {"一、总体情况", "（一）经济运行",
      "1. 经济回暖。产值增长，实现新的突破和发\n展。", "(2)投资增长",
      "第三章 附则", "2、其他", "十一、结语", NULL}},
    /* a number starting a line is no heading marker */
    {"全区生产总值达到一千三百二十七点八亿元，增长幅度为\n"
     "1.2万亿元以上，远超预期目标水平线以上的程度水平。",
     {"全区生产总值达到一千三百二十七点八亿元，增长幅度为\n"
      "1.2万亿元以上，远超预期目标水平线以上的程度水平。",
      NULL}},
    /* blank lines break */
    {"甲乙丙丁戊己庚辛壬癸\n\n子丑寅卯辰巳午未申酉", {"甲乙丙丁戊己庚辛壬癸",
                                                   "子丑寅卯辰巳午未申酉",
                                                   NULL}},
    /* closing quote after a stop ends a sentence */
    {"他说：“好。”\n下一段开始了这里很长很长很长很长\n"
     "继续写很长很长很长很长很长很长",
     {"他说：“好。”",
      "下一段开始了这里很长很长很长很长\n继续写很长很长很长很长很长很长",
      NULL}},
};

static void test_layout_paragraph_rows(void **state) {
  (void)state;
  for (size_t r = 0; r < sizeof para_rows / sizeof para_rows[0]; r++) {
    gf_doc *doc = open_text(para_rows[r].in);
    gf_para *p;
    size_t n, k = 0;
    paras(doc, &p, &n);
    for (; para_rows[r].want[k]; k++) {
      if (k >= n) fail_msg("row %zu: only %zu paragraphs", r, n);
      if (strcmp(p[k].text, para_rows[r].want[k]) != 0)
        fail_msg("row %zu para %zu: got \"%s\"", r, k, p[k].text);
      assert_int_equal(p[k].len, strlen(p[k].text));
      check_pos(doc, &p[k]);
    }
    if (k != n) fail_msg("row %zu: %zu paragraphs, want %zu", r, n, k);
    gf_paras_free(p, n);
    gf_doc_free(doc);
  }
}

static void test_layout_heading_flag(void **state) {
  (void)state;
  gf_doc *doc = open_text("一、总体要求\n今年的工作要求如下所述。");
  gf_para *p;
  size_t n;
  paras(doc, &p, &n);
  assert_int_equal(n, 2);
  assert_true(p[0].is_heading);
  assert_false(p[1].is_heading);
  gf_paras_free(p, n);
  gf_doc_free(doc);
}

static void test_layout_join_across_page(void **state) {
  (void)state;
  /* licheng-2023 p1/p2: "…山东" / "省县域经济…", the footer between */
  const char *text =
      "成功获评赛迪2023年投资竞争力百强区、山东\n—1—\f"
      "省县域经济高质量发展先进区等荣誉称号都很好。\n—2—\f";
  gf_doc *doc = open_text(text);
  gf_para *p;
  size_t n;
  paras(doc, &p, &n);
  assert_int_equal(n, 1);
  assert_string_equal(p[0].text,
                      "成功获评赛迪2023年投资竞争力百强区、山东\n"
                      "省县域经济高质量发展先进区等荣誉称号都很好。");
  check_pos(doc, &p[0]);
  size_t nl = (size_t)(strchr(p[0].text, '\n') - p[0].text);
  assert_int_equal(GF_POS_PAGE(p[0].pos[nl]), 0);
  assert_int_equal(GF_POS_OFF(p[0].pos[nl]), nl);
  assert_int_equal(p[0].pos[nl + 1], GF_POS(1, 0));
  assert_int_equal(p[0].pos[p[0].len], GF_POS(1, p[0].len - nl - 1));
  gf_paras_free(p, n);
  gf_doc_free(doc);
}

static void test_layout_crlf(void **state) {
  (void)state;
  gf_doc *doc = open_text("第一行很长很长很长\r\n第二行。\r\n");
  gf_para *p;
  size_t n;
  paras(doc, &p, &n);
  assert_int_equal(n, 1);
  assert_string_equal(p[0].text, "第一行很长很长很长\n第二行。");
  check_pos(doc, &p[0]);
  gf_paras_free(p, n);
  gf_doc_free(doc);
}

static void test_layout_empty_doc(void **state) {
  (void)state;
  gf_doc *doc = open_text("");
  gf_para *p = (gf_para *)1;
  size_t n = 7;
  paras(doc, &p, &n);
  assert_int_equal(n, 0);
  gf_paras_free(p, n);
  gf_doc_free(doc);
  assert_int_equal(gf_layout_paragraphs(NULL, &p, &n), GF_EINVAL);
  assert_null(p);
}

/* ------------------------------------------------------------ geometry */

/* Gives line i the box [x0,x1] on row (y = 100 + 20 * row) with 16pt
 * glyphs, on an A4 page. */
static void set_geom(gf_doc *doc, size_t i, float x0, float x1, float y) {
  gf_line *l = &doc->lines[i];
  l->x0 = x0;
  l->x1 = x1;
  l->y0 = y;
  l->y1 = y + 16;
  l->ch = 16;
}

static gf_doc *geom_doc(const char *text, const float (*box)[3]) {
  gf_doc *doc = open_text(text);
  doc->has_geom = 1;
  for (size_t p = 0; p < doc->n_pages; p++) {
    doc->pages[p].width = 595;
    doc->pages[p].height = 842;
  }
  for (size_t i = 0; i < doc->n_lines; i++)
    set_geom(doc, i, box[i][0], box[i][1], box[i][2]);
  assert_int_equal(gf_layout_mark_furniture(doc), GF_OK);
  return doc;
}

static void test_layout_geom_indent(void **state) {
  (void)state;
  /* two paragraphs whose first lines are indented by two characters; the
   * first ends on a full line, so only the indent tells */
  const char *text = "今年经济运行平稳向好，全年实现地区生产总值一千亿\n"
                     "元，同比增长百分之六，比上年提高二点四个百分点。\n"
                     "投资总量连续六年保持全市第一，新增市场主体三点七\n"
                     "万户，累计超过二十二万户，新增和总量均居第一位\n"
                     "全年规上工业增加值增长百分之十一点二，工业投资增\n"
                     "长。";
  static const float box[][3] = {
      {112, 520, 100}, {80, 520, 120}, {112, 520, 140},
      {80, 520, 160},  {80, 520, 180}, {80, 112, 200},
  };
  gf_doc *doc = geom_doc(text, box);
  gf_para *p;
  size_t n;
  paras(doc, &p, &n);
  assert_int_equal(n, 2);
  assert_int_equal(GF_POS_OFF(p[1].pos[0]),
                   doc->lines[2].off); /* starts at the indented line */
  for (size_t k = 0; k < n; k++) check_pos(doc, &p[k]);
  gf_paras_free(p, n);
  gf_doc_free(doc);
}

static void test_layout_geom_short_line(void **state) {
  (void)state;
  /* a terminated line well short of the margin ends its paragraph even
   * when the next one is not indented (block style) */
  const char *text = "第一段的第一行写得很长很长很长很长很长很长很长\n"
                     "第一段结束。\n"
                     "第二段的第一行写得很长很长很长很长很长很长很长\n"
                     "第二段第二行写得很长很长很长很长很长很长很长很\n"
                     "长。";
  static const float box[][3] = {
      {80, 520, 100}, {80, 176, 120}, {80, 520, 140}, {80, 520, 160},
      {80, 112, 180},
  };
  gf_doc *doc = geom_doc(text, box);
  gf_para *p;
  size_t n;
  paras(doc, &p, &n);
  assert_int_equal(n, 2);
  assert_non_null(strstr(p[0].text, "第一段结束。"));
  gf_paras_free(p, n);
  gf_doc_free(doc);
}

static void test_layout_geom_band(void **state) {
  (void)state;
  /* footers sit in the bottom band, a header in the top band; a number
   * low in the body (one of the two lowest lines) is kept */
  const char *text = "某某区政府工作报告\n"
                     "今年全区生产总值达到一千三百亿元，比上年增长百分\n"
                     "之六，高于\n"
                     "2\n"
                     "—1—\f"
                     "某某区政府工作报告\n"
                     "全市平均水平二点四个百分点，增速排名第一位的好成\n"
                     "绩。\n"
                     "—2—\f"
                     "某某区政府工作报告\n"
                     "第三页的内容写在这里很长很长很长很长很长很长很长\n"
                     "结束了。\n"
                     "—3—";
  static const float box[][3] = {
      {200, 400, 40}, {112, 520, 100}, {80, 520, 120}, {290, 300, 300},
      {280, 320, 780},
      {200, 400, 40}, {80, 520, 100}, {80, 112, 120}, {280, 320, 780},
      {200, 400, 40}, {112, 520, 100}, {80, 176, 120}, {280, 320, 780},
  };
  gf_doc *doc = geom_doc(text, box);
  assert_true(is_furniture(doc, 0, "—1—"));
  assert_true(is_furniture(doc, 1, "—2—"));
  assert_true(is_furniture(doc, 0, "某某区政府工作报告"));
  assert_false(is_furniture(doc, 0, "2"));
  gf_doc_free(doc);
}

static void test_layout_geom_join_pages(void **state) {
  (void)state;
  const char *text = "今年全区生产总值达到一千三百亿元，比上年增长百分\n"
                     "之六，高于\n"
                     "—1—\f"
                     "全市平均水平二点四个百分点，增速排名第一位的好成\n"
                     "绩。\n"
                     "—2—\f"
                     "第三页的内容写在这里很长很长很长很长很长很长很长\n"
                     "结束了。\n"
                     "—3—";
  static const float box[][3] = {
      {112, 520, 100}, {80, 520, 120}, {280, 320, 780},
      {80, 520, 100},  {80, 112, 120}, {280, 320, 780},
      {112, 520, 100}, {80, 176, 120}, {280, 320, 780},
  };
  gf_doc *doc = geom_doc(text, box);
  gf_para *p;
  size_t n;
  paras(doc, &p, &n);
  assert_int_equal(n, 2);
  assert_string_equal(p[0].text,
                      "今年全区生产总值达到一千三百亿元，比上年增长百分\n"
                      "之六，高于\n"
                      "全市平均水平二点四个百分点，增速排名第一位的好成\n"
                      "绩。");
  check_pos(doc, &p[0]);
  gf_paras_free(p, n);
  gf_doc_free(doc);
}

static void test_layout_geom_footer_out_of_band(void **state) {
  (void)state;
  /* "—1—" as the last line, but in the middle of the page: not furniture */
  const char *text = "正文一行写在这里。\n正文二行也写好了。\n—1—";
  static const float box[][3] = {{80, 520, 100}, {80, 520, 120},
                                 {280, 320, 400}};
  gf_doc *doc = geom_doc(text, box);
  assert_false(is_furniture(doc, 0, "—1—"));
  gf_doc_free(doc);
}

static void test_layout_geom_spaced_heading(void **state) {
  (void)state;
  /* zhoukou-2023: "一、综    合" comes out as "一、综" and "合" */
  const char *text = "一、综\n合\n初步核算，全年全市地区生产总值同比增长\n"
                     "4.8%。分产业看，第一产业增加值增长2.0%。";
  static const float box[][3] = {{262, 305, 349}, {319, 333, 349},
                                 {122, 505, 378}, {90, 505, 396}};
  gf_doc *doc = geom_doc(text, box);
  gf_para *p;
  size_t n;
  paras(doc, &p, &n);
  assert_int_equal(n, 2);
  assert_string_equal(p[0].text, "一、综\n合");
  assert_true(p[0].is_heading);
  gf_paras_free(p, n);
  gf_doc_free(doc);
}

static void test_layout_alloc_failures(void **state) {
  (void)state;
  const char *text = "一、总体\n正文甲很长很长很长很长。\n—1—\f"
                     "一、总体\n正文乙很长很长很长很长。\n—2—\f"
                     "一、总体\n正文丙很长很长很长很长。\n—3—\f";
  gf_doc *ref = open_text(text);
  gf_para *want;
  size_t n_want;
  paras(ref, &want, &n_want);
  int ok = 0;
  for (unsigned long nth = 1; nth < 200 && !ok; nth++) {
    gf_doc *doc = NULL;
    gf_para *p = NULL;
    size_t n = 0;
    gf_alloc_fail_at(nth);
    int rc = gf_doc_open_text("t", text, strlen(text), &doc, NULL);
    if (rc == GF_OK) rc = gf_layout_paragraphs(doc, &p, &n);
    gf_alloc_fail_at(0);
    if (rc == GF_OK) {
      ok = 1;
      assert_int_equal(n, n_want);
      for (size_t k = 0; k < n; k++)
        assert_string_equal(p[k].text, want[k].text);
    } else {
      assert_int_equal(rc, GF_ENOMEM);
      assert_null(p);
    }
    gf_paras_free(p, n);
    gf_doc_free(doc);
  }
  assert_true(ok);
  gf_paras_free(want, n_want);
  gf_doc_free(ref);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_layout_page_number_styles),
      cmocka_unit_test(test_layout_page_number_chinese),
      cmocka_unit_test(test_layout_repeated_header),
      cmocka_unit_test(test_layout_repeated_data_kept),
      cmocka_unit_test(test_layout_only_text_kept),
      cmocka_unit_test(test_layout_middle_line_not_candidate),
      cmocka_unit_test(test_layout_paragraph_rows),
      cmocka_unit_test(test_layout_heading_flag),
      cmocka_unit_test(test_layout_join_across_page),
      cmocka_unit_test(test_layout_crlf),
      cmocka_unit_test(test_layout_empty_doc),
      cmocka_unit_test(test_layout_geom_indent),
      cmocka_unit_test(test_layout_geom_short_line),
      cmocka_unit_test(test_layout_geom_band),
      cmocka_unit_test(test_layout_geom_join_pages),
      cmocka_unit_test(test_layout_geom_footer_out_of_band),
      cmocka_unit_test(test_layout_geom_spaced_heading),
      cmocka_unit_test(test_layout_alloc_failures),
  };
  return cmocka_run_group_tests_name("layout", tests, NULL, NULL);
}
