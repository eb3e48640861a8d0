/* test_check.c - check/check.c, gf_figures_check (spec/records.md section
 * 3) on small synthetic documents made with gf_doc_open_text: a sheet that
 * holds; each kind of failure (value, page, raw, unit, base_value, doc,
 * value_max, unreadable cells); rows without start/end located by raw, on a
 * neighbouring page, by their number, or not at all; a sheet as a
 * spreadsheet leaves it (BOM, CRLF, reordered rows, extra column, 1,327.80,
 * formula guard, empty rows); a figure split by a page break; the
 * consistency relations (share vs part and whole, growth vs levels, share
 * above 100%, magnitude); input errors and out-of-memory at every
 * allocation. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "include/govfig.h"
#include "normalize/normalize.h"

#define COUNT(a) (sizeof(a) / sizeof *(a))

/* ------------------------------------------------------------- fixture */

static const char *const pages[] = {
    "一、经济运行\n实现地区生产总值达到1327.8亿元，同比增长6%。"
    "新增市场主体3.7万户，连续两年保持增长。\n",
    "一般公共预算收入完成140.12亿元；税收收入完成115.31亿元，"
    "税收占比82.29%。固定资产投资下降3%，出口增长-3%。\n",
    "2022年地区生产总值1200亿元，财政收入100亿元。2023年财政收入110亿元，"
    "增长10%。粮食产量增长5%—6%。\n"};

typedef struct spec {
  size_t page;
  const char *indicator, *measure, *value, *unit, *base, *base_unit, *cmp;
  const char *raw;        /* located on the page for start/end */
  const char *period, *sentence, *value_max;
} spec;

/* The rows of the fixture, CSV lines 2..15 in this order. */
static const spec rows[] = {
    {1, "地区生产总值", "level", "1327.8", "亿元", "132780000000", "元", "",
     "1327.8亿元", "2023", "实现地区生产总值达到1327.8亿元", ""},
    {1, "地区生产总值", "growth", "6", "%", "6", "%", "同比增长", "6%",
     "2023", "实现地区生产总值达到1327.8亿元", ""},
    {1, "新增市场主体", "level", "3.7", "万户", "37000", "户", "",
     "3.7万户", "2023", "新增市场主体3.7万户", ""},
    {1, "连续", "duration", "2", "年", "2", "年", "", "两年", "2023",
     "新增市场主体3.7万户", ""},
    {2, "一般公共预算收入", "level", "140.12", "亿元", "14012000000", "元",
     "", "140.12亿元", "2023", "一般公共预算收入完成140.12亿元", ""},
    {2, "税收收入", "level", "115.31", "亿元", "11531000000", "元", "",
     "115.31亿元", "2023", "税收收入完成115.31亿元，税收占比82.29%", ""},
    {2, "税收占比", "share", "82.29", "%", "82.29", "%", "", "82.29%",
     "2023", "税收收入完成115.31亿元，税收占比82.29%", ""},
    {2, "固定资产投资", "growth", "-3", "%", "-3", "%", "下降", "3%", "2023",
     "固定资产投资下降3%，出口增长-3%", ""},
    {2, "出口", "growth", "-3", "%", "-3", "%", "增长", "-3%", "2023",
     "固定资产投资下降3%，出口增长-3%", ""},
    {3, "地区生产总值", "level", "1200", "亿元", "120000000000", "元", "",
     "1200亿元", "2022", "2022年地区生产总值1200亿元，财政收入100亿元", ""},
    {3, "财政收入", "level", "100", "亿元", "10000000000", "元", "",
     "100亿元", "2022", "2022年地区生产总值1200亿元，财政收入100亿元", ""},
    {3, "财政收入", "level", "110", "亿元", "11000000000", "元", "",
     "110亿元", "2023", "2023年财政收入110亿元，增长10%", ""},
    {3, "财政收入", "growth", "10", "%", "10", "%", "增长", "10%", "2023",
     "2023年财政收入110亿元，增长10%", ""},
    {3, "粮食产量", "growth", "5", "%", "5", "%", "增长", "5%—6%", "2023",
     "粮食产量增长5%—6%", "6"}};

/* Columns in an order of their own, with an extra one: the check finds
 * them by name. */
#define HEADER                                                              \
  "indicator,doc,page,measure,value,unit,base_value,base_unit,comparison," \
  "raw,start,end,sentence,period,value_max,remark\n"

static gf_doc *open_fixture(void) {
  char text[2048] = "";
  for (size_t i = 0; i < COUNT(pages); i++) {
    if (i) strcat(text, "\f");
    strcat(text, pages[i]);
  }
  gf_doc *doc = NULL;
  assert_int_equal(gf_doc_open_text("report.pdf", text, strlen(text), &doc,
                                    NULL),
                   GF_OK);
  return doc;
}

/* The fixture's figures.csv, as govfig would write it (start/end found in
 * the page text; a raw starting with - gets the formula guard). */
static char *fixture_csv(void) {
  size_t cap = 8192, len = 0;
  char *csv = malloc(cap);
  assert_non_null(csv);
  len += (size_t)snprintf(csv + len, cap - len, "%s", HEADER);
  for (size_t i = 0; i < COUNT(rows); i++) {
    const spec *r = &rows[i];
    const char *hit = strstr(pages[r->page - 1], r->raw);
    assert_non_null(hit);
    size_t start = (size_t)(hit - pages[r->page - 1]);
    len += (size_t)snprintf(
        csv + len, cap - len, "%s,report.pdf,%zu,%s,%s,%s,%s,%s,%s,%s%s,%zu,"
                              "%zu,\"%s\",%s,%s,\n",
        r->indicator, r->page, r->measure, r->value, r->unit, r->base,
        r->base_unit, r->cmp, r->raw[0] == '-' ? "'" : "", r->raw, start,
        start + strlen(r->raw), r->sentence, r->period, r->value_max);
    assert_true(len < cap);
  }
  return csv;
}

/* s with the first `from` replaced by `to` (free()). */
static char *replace(const char *s, const char *from, const char *to) {
  const char *at = strstr(s, from);
  if (!at) fail_msg("replace: \"%s\" not in the CSV", from);
  size_t n = strlen(s) - strlen(from) + strlen(to) + 1;
  char *out = malloc(n);
  assert_non_null(out);
  memcpy(out, s, (size_t)(at - s));
  strcpy(out + (at - s), to);
  strcat(out, at + strlen(from));
  return out;
}

static gf_check *check_csv(const gf_doc *doc, const char *csv,
                           unsigned opts) {
  gf_check *chk = NULL;
  gf_error err = {0};
  int rc = gf_figures_check(doc, csv, strlen(csv), opts, &chk, &err);
  if (rc != GF_OK)
    fail_msg("gf_figures_check: %d %s (line %zu)", rc,
             err.message ? err.message : "", err.line);
  return chk;
}

static size_t count_sev(const gf_check *chk, int severity) {
  size_t n = 0;
  for (size_t i = 0; i < gf_check_count(chk); i++)
    n += gf_check_at(chk, i)->severity == severity;
  return n;
}

/* The item of that severity and kind on line, or NULL. */
static const gf_check_item *find(const gf_check *chk, int severity, int kind,
                                 size_t line) {
  for (size_t i = 0; i < gf_check_count(chk); i++) {
    const gf_check_item *it = gf_check_at(chk, i);
    if (it->severity == severity && it->kind == kind && it->line == line)
      return it;
  }
  return NULL;
}

static void dump(const gf_check *chk) {
  for (size_t i = 0; i < gf_check_count(chk); i++) {
    const gf_check_item *it = gf_check_at(chk, i);
    print_message("  item %zu: severity %d kind %d line %zu: %s\n", i,
                  it->severity, it->kind, it->line, it->message);
  }
}

/* ------------------------------------------------------------- tests */

static void test_check_fixture_holds(void **state) {
  (void)state;
  gf_doc *doc = open_fixture();
  char *csv = fixture_csv();
  gf_check *chk = check_csv(doc, csv, 0);
  if (gf_check_count(chk) != 0) dump(chk);
  assert_int_equal(gf_check_count(chk), 0);
  assert_int_equal(gf_check_rows(chk), COUNT(rows));
  assert_int_equal(gf_check_failed_rows(chk), 0);
  gf_check_free(chk);
  free(csv);
  gf_doc_free(doc);
}

/* ------------------------------------------------------------- edits
 * Each case edits the fixture sheet (at most two replacements) and says
 * what the check must then report. */

enum {
  ONE_FAILURE = 1, /* exactly one failure: that kind, line and message */
  HAS_FAILURE,     /* a failure of that kind, line and message */
  ONLY_NOTE,       /* one item, a note of that kind, line and message */
  NOTE,            /* a note of that kind, line and message; no failure */
  NOTHING          /* no item at all */
};

/* One replacement: the first from becomes to.  With raw set, from is that
 * fixture row's ",raw,start,end," (raw on page), and to, when NULL, is the
 * same with start moved by shift bytes. */
typedef struct edit {
  const char *from, *to;
  const char *raw;
  size_t page;
  int shift;
} edit;

typedef struct edit_case {
  edit e[2];
  int expect, kind;
  size_t line;
  const char *want; /* in the item's message; %zu..%zu: the raw's span */
} edit_case;

static const edit_case EDITS[] = {
    {{{",1327.8,亿元,", ",1372.8,亿元,", NULL, 0, 0}},
     ONE_FAILURE, GF_CHECK_VALUE, 2,
     "value 1372.8 but the source says 1327.8亿元 (page 1)"},
    {{{"report.pdf,1,level,1327.8", "report.pdf,2,level,1327.8", NULL, 0, 0}},
     ONE_FAILURE, GF_CHECK_PAGE, 2, "it is on page 1"},
    {{{"税收收入,report.pdf,2,level,115.31,亿元,11531000000,元,,115.31亿元",
       "税收收入,report.pdf,2,level,115.31,亿元,11531000000,元,,151.31亿元",
       NULL, 0, 0}},
     ONE_FAILURE, GF_CHECK_SPAN, 7, "is nowhere in the document"},
    /* start/end off by some bytes: raw is elsewhere on the same page */
    {{{NULL, NULL, "140.12亿元", 2, 3}},
     ONE_FAILURE, GF_CHECK_SPAN, 6, "it is at bytes"},
    {{{",1327.8,亿元,", ",1327.8,万元,", NULL, 0, 0}},
     ONE_FAILURE, GF_CHECK_UNIT, 2, "unit 万元 but the source says 1327.8亿元"},
    {{{",37000,户,", ",3700,户,", NULL, 0, 0}},
     ONE_FAILURE, GF_CHECK_BASE_VALUE, 4,
     "base_value 3700 but 3.7万户 is 37000 户"},
    {{{",37000,户,", ",37000,人,", NULL, 0, 0}},
     ONE_FAILURE, GF_CHECK_BASE_UNIT, 4, "base_unit 人 but 3.7万户 counts 户"},
    {{{",2023,6,", ",2023,7,", NULL, 0, 0}},
     ONE_FAILURE, GF_CHECK_VALUE_MAX, 15, "value_max 7"},
    {{{"新增市场主体,report.pdf,", "新增市场主体,other.pdf,", NULL, 0, 0}},
     ONE_FAILURE, GF_CHECK_DOC, 4,
     "doc other.pdf but the document checked is report.pdf"},
    /* unreadable cells */
    {{{",1327.8,亿元,", ",abc,亿元,", NULL, 0, 0}},
     ONE_FAILURE, GF_CHECK_CELL, 2, "value \"abc\" is not a number"},
    {{{"新增市场主体,report.pdf,1,", "新增市场主体,report.pdf,x,", NULL, 0, 0}},
     ONE_FAILURE, GF_CHECK_CELL, 4, "page \"x\" is not a page number"},
    {{{"新增市场主体,report.pdf,1,", "新增市场主体,report.pdf,9,", NULL, 0, 0}},
     ONE_FAILURE, GF_CHECK_PAGE, 4, "page 9 but report.pdf has 3 pages"},
    /* a 下降 growth stored positive, its source without a sign: holds */
    {{{",-3,%,-3,%,下降,", ",3,%,3,%,下降,", NULL, 0, 0}}, NOTHING, 0, 0, ""},
    /* a value the source gives in Chinese numerals (两年) */
    {{{",2,年,2,年,", ",3,年,3,年,", NULL, 0, 0}},
     HAS_FAILURE, GF_CHECK_VALUE, 5, "两年, that is 2 年"},
    /* start/end emptied: found by raw (a note, no failure) */
    {{{NULL, ",3.7万户,,,", "3.7万户", 1, 0}},
     ONLY_NOTE, GF_CHECK_LOCATED, 4, "found at page 1 bytes %zu..%zu"},
    /* start/end emptied and the page off by one: found on the neighbour */
    {{{"report.pdf,2,level,140.12", "report.pdf,3,level,140.12", NULL, 0, 0},
      {NULL, ",140.12 亿元,,,", "140.12亿元", 2, 0}},
     NOTE, GF_CHECK_LOCATED, 6, "found at page 2"},
    /* neither start/end nor a raw that is in the text: found by its number */
    {{{NULL, ",GDP 1327.8亿,,,", "1327.8亿元", 1, 0}},
     NOTE, GF_CHECK_LOCATED, 2, "its number 1327.8 found at page 1"},
    {{{NULL, ",9999亿元,,,", "1327.8亿元", 1, 0},
      {",1327.8,亿元,132780000000,", ",9999,亿元,,", NULL, 0, 0}},
     ONE_FAILURE, GF_CHECK_NOT_FOUND, 2,
     "raw \"9999亿元\" is not on page 1 or the pages beside it, nor is its "
     "number 9999"},
};

/* The fixture sheet with edit e applied (free()); *a, *b get the span of
 * e->raw when set. */
static char *apply_edit(char *csv, const edit *e, size_t *a, size_t *b) {
  if (!e->from && !e->raw) return csv;
  char from[128], to[128];
  const char *f = e->from, *t = e->to;
  if (e->raw) {
    const char *hit = strstr(pages[e->page - 1], e->raw);
    assert_non_null(hit);
    *a = (size_t)(hit - pages[e->page - 1]);
    *b = *a + strlen(e->raw);
    snprintf(from, sizeof from, ",%s,%zu,%zu,", e->raw, *a, *b);
    f = from;
    if (!t) {
      snprintf(to, sizeof to, ",%s,%zu,%zu,", e->raw, *a + e->shift, *b);
      t = to;
    }
  }
  char *out = replace(csv, f, t);
  free(csv);
  return out;
}

static void test_check_edits(void **state) {
  (void)state;
  gf_doc *doc = open_fixture();
  for (size_t i = 0; i < COUNT(EDITS); i++) {
    const edit_case *c = &EDITS[i];
    size_t a = 0, b = 0;
    char *csv = fixture_csv();
    for (int k = 0; k < 2; k++) csv = apply_edit(csv, &c->e[k], &a, &b);
    char want[256];
    snprintf(want, sizeof want, c->want, a, b);
    gf_check *chk = check_csv(doc, csv, 0);
    int sev = c->expect <= HAS_FAILURE ? GF_CHECK_FAILED : GF_CHECK_NOTE;
    const gf_check_item *it = find(chk, sev, c->kind, c->line);
    size_t failed = count_sev(chk, GF_CHECK_FAILED);
    int ok = c->expect == NOTHING ? gf_check_count(chk) == 0
                                  : it && strstr(it->message, want);
    if (c->expect == ONE_FAILURE)
      ok = ok && failed == 1 && gf_check_failed_rows(chk) == 1 &&
           it->n_lines == 1 && it->lines[0] == c->line;
    if (c->expect == ONLY_NOTE) ok = ok && gf_check_count(chk) == 1;
    if (c->expect == ONLY_NOTE || c->expect == NOTE)
      ok = ok && gf_check_failed_rows(chk) == 0;
    if (!ok) {
      dump(chk);
      fail_msg("edit %zu: want %s of kind %d on line %zu saying \"%s\"", i,
               c->expect == NOTHING ? "no item" : "an item", c->kind, c->line,
               want);
    }
    gf_check_free(chk);
    free(csv);
  }
  gf_doc_free(doc);
}

/* As a spreadsheet leaves it: BOM, CRLF, a value "1,327.80", the formula
 * guard, an empty row, rows reordered and a line end inside a quoted raw
 * that moves the lines of every later row. */
static void test_check_touched_sheet(void **state) {
  (void)state;
  gf_doc *doc = open_fixture();
  const char *hit = strstr(pages[0], "1327.8亿元");
  size_t s = (size_t)(hit - pages[0]);
  char csv[2048];
  snprintf(csv, sizeof csv,
           "\xEF\xBB\xBF" "remark,raw,value,doc,page,unit,start,end,"
           "base_value\r\n"
           "x,'-3%%,-3,report.pdf,2,%%,%zu,%zu,-3\r\n"
           ",,,,,,,,\r\n"
           "\"two\r\nlines\",1327.8亿元,\"1,327.80\",report.pdf,1,亿元,%zu,"
           "%zu,132780000000\r\n"
           "y,110亿元,1100,report.pdf,3,亿元,,,11000000000\r\n",
           (size_t)(strstr(pages[1], "-3%") - pages[1]),
           (size_t)(strstr(pages[1], "-3%") - pages[1]) + 3, s, s + 12);
  gf_check *chk = check_csv(doc, csv, 0);
  assert_int_equal(gf_check_rows(chk), 3);
  /* line 4 holds (1,327.80); the 110亿元 row starts on line 6 and fails */
  const gf_check_item *it = find(chk, GF_CHECK_FAILED, GF_CHECK_VALUE, 6);
  if (!it || gf_check_failed_rows(chk) != 1) dump(chk);
  assert_non_null(it);
  assert_int_equal(gf_check_failed_rows(chk), 1);
  assert_non_null(find(chk, GF_CHECK_NOTE, GF_CHECK_LOCATED, 6));
  gf_check_free(chk);
  gf_doc_free(doc);
}

/* A figure split by a page break: the page ends "4" and a page number
 * line, the unit is the next page's first character. */
static void test_check_page_break(void **state) {
  (void)state;
  static const char text[] =
      "第一行文字。\n设立试点单位4\n—4—\f"
      "个“金融管家”试点单位，发放贷款6.57亿元。\n";
  gf_doc *doc = NULL;
  assert_int_equal(gf_doc_open_text("b.pdf", text, strlen(text), &doc, NULL),
                   GF_OK);
  size_t len = 0;
  const char *p1 = gf_doc_page_text(doc, 1, &len);
  const char *hit = strstr(p1, "4\n—4—");
  assert_non_null(hit);
  size_t s = (size_t)(hit - p1);
  char csv[512];
  snprintf(csv, sizeof csv,
           "doc,page,value,unit,base_value,base_unit,raw,start,end\n"
           "b.pdf,1,4,个,4,个,\"4\n—4—\",%zu,%zu\n",
           s, s + strlen("4\n—4—"));
  gf_check *chk = check_csv(doc, csv, 0);
  if (gf_check_count(chk)) dump(chk);
  assert_int_equal(gf_check_failed_rows(chk), 0);
  gf_check_free(chk);
  gf_doc_free(doc);
}

/* ------------------------------------------------------------- relations */

static void test_check_consistency_fixture(void **state) {
  (void)state;
  gf_doc *doc = open_fixture();
  char *csv = fixture_csv();
  gf_check *chk = check_csv(doc, csv, GF_OPT_CONSISTENCY);
  /* 税收收入 / 一般公共预算收入 = 82.29% */
  const gf_check_item *it =
      find(chk, GF_CHECK_HOLDS, GF_CHECK_SHARE_PARTS, 7);
  if (!it) dump(chk);
  assert_non_null(it);
  assert_int_equal(it->n_lines, 3);
  assert_int_equal(it->lines[1], 6);
  assert_int_equal(it->lines[2], 8);
  assert_string_equal(it->message, "税收收入 115.31 亿元 / 一般公共预算收入 "
                                   "140.12 亿元 = 82.29%, as stated");
  /* 财政收入 100 -> 110 is 10% as stated */
  it = find(chk, GF_CHECK_HOLDS, GF_CHECK_GROWTH_LEVELS, 12);
  assert_non_null(it);
  assert_int_equal(it->lines[1], 13);
  assert_int_equal(it->lines[2], 14);
  /* 地区生产总值 1200 -> 1327.8 is 10.65%, but 6% is stated */
  it = find(chk, GF_CHECK_WARNING, GF_CHECK_GROWTH_LEVELS, 11);
  assert_non_null(it);
  assert_int_equal(it->lines[1], 2);
  assert_int_equal(it->lines[2], 3);
  assert_non_null(strstr(it->message, "is a change of 10.65%, but the "
                                      "growth row says 6%"));
  if (count_sev(chk, GF_CHECK_WARNING) != 1) dump(chk);
  assert_int_equal(count_sev(chk, GF_CHECK_WARNING), 1);
  assert_int_equal(gf_check_failed_rows(chk), 0);
  gf_check_free(chk);
  free(csv);
  gf_doc_free(doc);
}

/* The share row's value changed: its value fails, and the relation warns. */
static void test_check_consistency_share_broken(void **state) {
  (void)state;
  gf_doc *doc = open_fixture();
  char *csv = fixture_csv();
  char *bad = replace(csv, ",82.29,%,82.29,", ",72.29,%,72.29,");
  gf_check *chk = check_csv(doc, bad, GF_OPT_CONSISTENCY);
  assert_non_null(find(chk, GF_CHECK_FAILED, GF_CHECK_VALUE, 8));
  const gf_check_item *it =
      find(chk, GF_CHECK_WARNING, GF_CHECK_SHARE_PARTS, 7);
  if (!it) dump(chk);
  assert_non_null(it);
  assert_non_null(strstr(it->message, "= 82.29%, but 税收占比 72.29% is "
                                      "stated"));
  gf_check_free(chk);
  /* within rounding: 82.3 holds too (115.31/140.12 = 82.2937%) */
  char *near = replace(csv, ",82.29,%,82.29,", ",82.3,%,82.3,");
  chk = check_csv(doc, near, GF_OPT_CONSISTENCY);
  assert_non_null(find(chk, GF_CHECK_HOLDS, GF_CHECK_SHARE_PARTS, 7));
  gf_check_free(chk);
  free(near);
  free(bad);
  free(csv);
  gf_doc_free(doc);
}

static void test_check_consistency_share_over_100(void **state) {
  (void)state;
  static const char text[] = "城镇化率达到120%。\n";
  gf_doc *doc = NULL;
  assert_int_equal(gf_doc_open_text("c.pdf", text, strlen(text), &doc, NULL),
                   GF_OK);
  size_t s = (size_t)(strstr(text, "120%") - text);
  char csv[256];
  snprintf(csv, sizeof csv,
           "doc,page,indicator,measure,value,unit,raw,start,end\n"
           "c.pdf,1,城镇化率,share,120,%%,120%%,%zu,%zu\n",
           s, s + 4);
  gf_check *chk = check_csv(doc, csv, GF_OPT_CONSISTENCY);
  const gf_check_item *it =
      find(chk, GF_CHECK_WARNING, GF_CHECK_SHARE_RANGE, 2);
  assert_non_null(it);
  assert_non_null(strstr(it->message, "城镇化率 120% is a share above the "
                                      "whole"));
  assert_int_equal(gf_check_failed_rows(chk), 0);
  gf_check_free(chk);
  gf_doc_free(doc);
}

/* base_value against value x the unit's magnitude, from the cells alone:
 * a failure against the source, and a warning among the row's cells. */
static void test_check_consistency_magnitude(void **state) {
  (void)state;
  gf_doc *doc = open_fixture();
  char *csv = fixture_csv();
  char *bad = replace(csv, ",132780000000,元,", ",13278000000,元,");
  gf_check *chk = check_csv(doc, bad, GF_OPT_CONSISTENCY);
  assert_non_null(find(chk, GF_CHECK_FAILED, GF_CHECK_BASE_VALUE, 2));
  const gf_check_item *it = find(chk, GF_CHECK_WARNING, GF_CHECK_MAGNITUDE,
                                 2);
  if (!it) dump(chk);
  assert_non_null(it);
  assert_string_equal(it->message, "1327.8 亿元 is 132780000000 元, but "
                                   "base_value says 13278000000");
  gf_check_free(chk);
  char *bu = replace(csv, ",37000,户,", ",37000,人,");
  chk = check_csv(doc, bu, GF_OPT_CONSISTENCY);
  it = find(chk, GF_CHECK_WARNING, GF_CHECK_MAGNITUDE, 4);
  assert_non_null(it);
  assert_non_null(strstr(it->message, "the unit 万户 counts 户, but "
                                      "base_unit says 人"));
  gf_check_free(chk);
  free(bu);
  free(bad);
  free(csv);
  gf_doc_free(doc);
}

/* ------------------------------------------------------------- errors */

/* ------------------------------------------------------------- boxes */

#define LICHENG GF_SRCDIR "/samples/licheng-2023.pdf"

/* A sheet of rows of the sample's first page with the boxes given: each
 * row's raw and span are found on the page, its box cells are box[i]
 * (NULL: the box of its glyphs, from gf_doc_text_box). */
static char *box_sheet(const gf_doc *doc, const char *const *raws,
                       const char *const *values, const char *const *units,
                       const char *const *boxes, size_t n) {
  gf_buf b = {0};
  gf_buf_puts(&b, "doc,page,value,unit,raw,start,end,x0,y0,x1,y1\n");
  const char *t = gf_doc_page_text(doc, 1, NULL);
  for (size_t i = 0; i < n; i++) {
    const char *at = strstr(t, raws[i]);
    assert_non_null(at);
    size_t a = (size_t)(at - t), e = a + strlen(raws[i]);
    gf_buf_printf(&b, "licheng-2023.pdf,1,%s,%s,%s,%zu,%zu,", values[i],
                  units[i], raws[i], a, e);
    double g[4];
    if (boxes[i])
      gf_buf_puts(&b, boxes[i]);
    else if (gf_doc_text_box(doc, 1, a, e, g) == 1)
      gf_buf_printf(&b, "%.2f,%.2f,%.2f,%.2f", g[0], g[1], g[2], g[3]);
    gf_buf_putc(&b, '\n');
  }
  assert_false(b.oom);
  return gf_buf_detach(&b, NULL);
}

/* Boxes of a PDF's rows: the glyphs' box holds; a box moved off them, a
 * box partly filled in, or one past the page's edge fails; four empty
 * cells are no box at all. */
static void test_check_boxes(void **state) {
  (void)state;
  gf_doc *doc;
  assert_int_equal(gf_doc_open(LICHENG, NULL, 0, &doc, NULL), GF_OK);
  static const char *const raws[] = {"1327.8 亿元", "6%", "2.4", "3.7",
                                     "22.3", "2023"};
  static const char *const values[] = {"1327.8", "6", "2.4", "3.7", "22.3",
                                       "2023"};
  static const char *const units[] = {"亿元", "%", "", "", "", ""};
  const char *boxes[] = {NULL,
                         NULL,
                         "445.5,616.3,468.5,637.3", /* 2.4: x1 short */
                         "206.6,616.3,229.8,695.1", /* 3.7: taller, holds */
                         "337.4,674.1,369.6,",      /* 22.3: y1 missing */
                         "0,0,600,850"};            /* past the page */
  char *csv = box_sheet(doc, raws, values, units, boxes, COUNT(raws));
  gf_check *chk = check_csv(doc, csv, 0);
  const gf_check_item *it = find(chk, GF_CHECK_FAILED, GF_CHECK_BOX, 4);
  if (!it || gf_check_failed_rows(chk) != 3) dump(chk);
  assert_non_null(it);
  assert_non_null(strstr(it->message, "does not hold the glyphs of raw "
                                      "\"2.4\""));
  assert_non_null(find(chk, GF_CHECK_FAILED, GF_CHECK_CELL, 6));
  assert_non_null(strstr(find(chk, GF_CHECK_FAILED, GF_CHECK_CELL, 6)->message,
                         "y1 \"\" is not a number"));
  assert_non_null(find(chk, GF_CHECK_FAILED, GF_CHECK_BOX, 7));
  assert_int_equal(gf_check_failed_rows(chk), 3);
  gf_check_free(chk);
  free(csv);
  /* all the glyph boxes, or none, hold */
  const char *none[] = {",,,", ",,,", NULL, NULL, NULL, NULL};
  csv = box_sheet(doc, raws, values, units, none, COUNT(raws));
  chk = check_csv(doc, csv, 0);
  if (gf_check_count(chk)) dump(chk);
  assert_int_equal(gf_check_count(chk), 0);
  gf_check_free(chk);
  free(csv);
  gf_doc_free(doc);
  /* a text document has no geometry: a box cannot be held against it */
  doc = open_fixture();
  csv = fixture_csv();
  char *with = replace(csv, "remark\n", "remark,x0,y0,x1,y1\n");
  char *boxed = replace(with, ",6,\n", ",6,,1,2,3,4\n");
  free(with);
  chk = check_csv(doc, boxed, 0);
  assert_int_equal(gf_check_failed_rows(chk), 0);
  gf_check_free(chk);
  free(boxed);
  free(csv);
  gf_doc_free(doc);
}

static void test_check_input_errors(void **state) {
  (void)state;
  gf_doc *doc = open_fixture();
  gf_check *chk = (gf_check *)1;
  gf_error err = {0};
  static const struct {
    const char *csv;
    int rc;
    size_t line;
    const char *msg;
  } cases[] = {
      {"", GF_ECSV, 1, "empty"},
      {"doc,page,value,unit\nreport.pdf,1,1,个\n", GF_ECSV, 1,
       "no raw column"},
      {"doc,page,value,unit,raw\nreport.pdf,1,\"1,个,x\n", GF_ECSV, 2,
       "unterminated"},
      {"doc,page,value,unit,raw\n\nreport.pdf,1,1\"2,个,x\n", GF_ECSV, 3,
       "quote"},
      {"doc,page,value,unit,raw\nreport.pdf,1,\xff,个,x\n", GF_EUTF8, 2,
       "UTF-8"},
  };
  for (size_t i = 0; i < COUNT(cases); i++) {
    chk = (gf_check *)1;
    int rc = gf_figures_check(doc, cases[i].csv, strlen(cases[i].csv), 0,
                              &chk, &err);
    if (rc != cases[i].rc || chk != NULL || err.line != cases[i].line ||
        !err.message || !strstr(err.message, cases[i].msg))
      fail_msg("case %zu: rc %d line %zu message %s", i, rc, err.line,
               err.message ? err.message : "(null)");
  }
  assert_int_equal(gf_figures_check(NULL, "", 0, 0, &chk, NULL), GF_EINVAL);
  assert_int_equal(gf_figures_check(doc, "", 0, 0, NULL, NULL), GF_EINVAL);
  assert_int_equal(gf_figures_check(doc, NULL, 3, 0, &chk, NULL), GF_EINVAL);
  assert_null(chk);
  /* a header alone: nothing to check, nothing wrong */
  assert_int_equal(gf_figures_check(doc, "doc,page,value,unit,raw", 23, 0,
                                    &chk, NULL),
                   GF_OK);
  assert_int_equal(gf_check_rows(chk), 0);
  assert_int_equal(gf_check_count(chk), 0);
  assert_null(gf_check_at(chk, 0));
  gf_check_free(chk);
  assert_int_equal(gf_figures_check(doc, "doc,page,value,unit,raw", 23,
                                    GF_OPT_CONSISTENCY, &chk, NULL),
                   GF_OK);
  assert_int_equal(gf_check_count(chk), 0);
  gf_check_free(chk);
  gf_check_free(NULL);
  assert_int_equal(gf_check_count(NULL), 0);
  assert_string_equal(gf_strerror(GF_ECSV),
                      "malformed CSV or a needed column missing");
  gf_doc_free(doc);
}

/* Every allocation failing in turn: GF_ENOMEM and nothing half-built (the
 * sanitizer build checks for leaks), until the run succeeds. */
static void test_check_out_of_memory(void **state) {
  (void)state;
  gf_doc *doc = open_fixture();
  char *csv = fixture_csv();
  char *bad = replace(csv, ",1327.8,亿元,", ",1372.8,亿元,");
  int ok = 0;
  for (unsigned long n = 1; n < 100000 && !ok; n++) {
    gf_check *chk = (gf_check *)1;
    gf_alloc_fail_at(n);
    int rc = gf_figures_check(doc, bad, strlen(bad), GF_OPT_CONSISTENCY,
                              &chk, NULL);
    gf_alloc_fail_at(0);
    if (rc == GF_OK) {
      ok = 1;
      assert_int_equal(gf_check_failed_rows(chk), 1);
    } else if (rc != GF_ENOMEM || chk != NULL) {
      fail_msg("allocation %lu: rc %d", n, rc);
    }
    gf_check_free(chk);
  }
  assert_true(ok);
  free(bad);
  free(csv);
  gf_doc_free(doc);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_check_fixture_holds),
      cmocka_unit_test(test_check_edits),
      cmocka_unit_test(test_check_touched_sheet),
      cmocka_unit_test(test_check_page_break),
      cmocka_unit_test(test_check_consistency_fixture),
      cmocka_unit_test(test_check_consistency_share_broken),
      cmocka_unit_test(test_check_consistency_share_over_100),
      cmocka_unit_test(test_check_consistency_magnitude),
      cmocka_unit_test(test_check_boxes),
      cmocka_unit_test(test_check_input_errors),
      cmocka_unit_test(test_check_out_of_memory),
  };
  return cmocka_run_group_tests_name("check", tests, NULL, NULL);
}
