/* test_track.c - target tracking (track/): exact decimal comparison, the
 * outcome rules (each bound, each direction, magnitudes, ranges, a decline,
 * an actual stated as a bound), comparability, scope and span words, and
 * the matching of gf_track on small figures.csv inputs (review part
 * preferred, disagreeing actuals, two targets under one name, another
 * scope, another period, the report's own figures), NULL arguments and
 * every allocation failing in turn. */
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
#include "track/track.h"

/* ------------------------------------------------------------ decimals */

static void test_decimal_cmp(void **state) {
  (void)state;
  static const struct {
    const char *a, *b;
    int want;
  } rows[] = {
      {"7.5", "7.5", 0},    {"7.50", "7.5", 0},   {"7.8", "7.5", 1},
      {"-3", "-3.5", 1},    {"-0", "0", 0},       {"0.05", "0.5", -1},
      {"1327.8", "999", 1}, {"+2", "2", 0},       {"10", "9.99", 1},
      {"-10", "2", -1},     {"007", "7", 0},      {".5", "0.5", 0},
  };
  for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
    int r = 99;
    assert_int_equal(gf_decimal_cmp(rows[i].a, rows[i].b, &r), 0);
    if (r != rows[i].want) fail_msg("row %zu: %s vs %s", i, rows[i].a,
                                    rows[i].b);
  }
  int r;
  assert_int_equal(gf_decimal_cmp("abc", "1", &r), -1);
  assert_int_equal(gf_decimal_cmp("1", "", &r), -1);
  assert_int_equal(gf_decimal_cmp("1.2.3", "1", &r), -1);
}

static void test_decimal_sub(void **state) {
  (void)state;
  static const struct {
    const char *a, *b, *want;
  } rows[] = {
      {"7.8", "7.5", "0.3"},  {"7.5", "7.8", "-0.3"}, {"8", "8", "0"},
      {"-3.5", "-3", "-0.5"}, {"-3", "2", "-5"},       {"2", "-3", "5"},
      {"100", "0.01", "99.99"}, {"0.1", "0.25", "-0.15"},
      {"999.9", "-0.1", "1000"},
  };
  for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
    char out[80];
    assert_int_equal(gf_decimal_sub(rows[i].a, rows[i].b, out, sizeof out),
                     0);
    if (strcmp(out, rows[i].want) != 0)
      fail_msg("row %zu: %s - %s = %s, want %s", i, rows[i].a, rows[i].b,
               out, rows[i].want);
  }
  char small[3];
  assert_int_equal(gf_decimal_sub("1000", "1", small, sizeof small), -1);
  assert_int_equal(gf_decimal_sub("x", "1", small, sizeof small), -1);
}

/* ------------------------------------------------------------ outcomes */

typedef struct rule_row {
  const char *measure, *value, *value_max, *unit, *base_value, *base_unit;
  const char *bound;
  int direction;
  const char *a_value, *a_unit, *a_base_value, *a_base_unit, *a_bound;
  int want;
  const char *reason; /* a substring of the reason */
} rule_row;

#define UP GF_DIRECTION_UP
#define DOWN GF_DIRECTION_DOWN
#define MET GF_TRACK_MET
#define MISSED GF_TRACK_MISSED
#define UNKNOWN GF_TRACK_UNKNOWN

static const rule_row rule_rows[] = {
    /* exact: at or above */
    {"growth", "7.5", "", "%", "7.5", "%", "exact", 0,
     "7.8", "%", "7.8", "%", "exact", MET, "7.8% >= 7.5%"},
    {"growth", "7.5", "", "%", "7.5", "%", "exact", UP,
     "7.5", "%", "7.5", "%", "exact", MET, "7.5% >= 7.5%"},
    {"growth", "11", "", "%", "11", "%", "exact", 0,
     "9.1", "%", "9.1", "%", "exact", MISSED, "9.1% < 11%"},
    /* magnitudes: 万元 against 亿元 */
    {"level", "1.2", "", "亿元", "120000000", "元", "exact", UP,
     "9800", "万元", "98000000", "元", "exact", MISSED, "9800万元 < 1.2亿元"},
    {"level", "1.2", "", "亿元", "120000000", "元", "exact", UP,
     "12500", "万元", "125000000", "元", "exact", MET, ">= 1.2亿元"},
    /* at_least / at_most whatever the direction */
    {"share", "72", "", "%", "72", "%", "at_least", 0,
     "71.9", "%", "71.9", "%", "exact", MISSED, "71.9% < 72%"},
    {"share", "4", "", "%", "4", "%", "at_most", 0,
     "3.79", "%", "3.79", "%", "exact", MET, "3.79% <= 4% (lower is better)"},
    {"share", "4", "", "%", "4", "%", "at_most", 0,
     "4.1", "%", "4.1", "%", "exact", MISSED, "4.1% > 4%"},
    /* lower is better for an exact target of a down indicator */
    {"share", "3", "", "%", "3", "%", "exact", DOWN,
     "2.5", "%", "2.5", "%", "exact", MET, "(lower is better)"},
    {"share", "3", "", "%", "3", "%", "exact", DOWN,
     "3.2", "%", "3.2", "%", "exact", MISSED, "3.2% > 3%"},
    /* a decline target (下降 3%): more of a decline is better */
    {"growth", "-3", "", "%", "-3", "%", "exact", 0,
     "-3.5", "%", "-3.5", "%", "exact", MET, "-3.5% <= -3%"},
    {"growth", "-3", "", "%", "-3", "%", "at_least", DOWN,
     "-2", "%", "-2", "%", "exact", MISSED, "-2% > -3%"},
    /* about: within half a point of a percent target */
    {"growth", "7.5", "", "%", "7.5", "%", "about", 0,
     "7.1", "%", "7.1", "%", "exact", MET, "within 0.5 of 7.5%"},
    {"growth", "7.5", "", "%", "7.5", "%", "about", 0,
     "7", "%", "7", "%", "exact", MET, "within 0.5"},
    {"growth", "7.5", "", "%", "7.5", "%", "about", 0,
     "6.9", "%", "6.9", "%", "exact", MISSED, "6.9% < 7.5%"},
    {"growth", "7.5", "", "%", "7.5", "%", "about", 0,
     "9", "%", "9", "%", "exact", MET, "9% > 7.5%"},
    /* about, lower is better: below is met, far above is missed */
    {"growth", "3", "", "%", "3", "%", "about", DOWN,
     "3.4", "%", "3.4", "%", "exact", MET, "within 0.5"},
    {"growth", "3", "", "%", "3", "%", "about", DOWN,
     "3.6", "%", "3.6", "%", "exact", MISSED, "3.6% > 3%"},
    {"growth", "3", "", "%", "3", "%", "about", DOWN,
     "1", "%", "1", "%", "exact", MET, "1% < 3%"},
    /* about a level: within 1% */
    {"level", "300", "", "亿元", "30000000000", "元", "about", UP,
     "297", "亿元", "29700000000", "元", "exact", MET, "within 1% of 300亿元"},
    {"level", "300", "", "亿元", "30000000000", "元", "about", UP,
     "296.9", "亿元", "29690000000", "元", "exact", MISSED, "< 300亿元"},
    /* a range: inside or on the good side */
    {"growth", "7", "7.5", "%", "7", "%", "exact", 0,
     "7.2", "%", "7.2", "%", "exact", MET, "7.2% in 7-7.5%"},
    {"growth", "7", "7.5", "%", "7", "%", "exact", 0,
     "8", "%", "8", "%", "exact", MET, "above"},
    {"growth", "7", "7.5", "%", "7", "%", "exact", 0,
     "6.9", "%", "6.9", "%", "exact", MISSED, "below"},
    {"growth", "2", "3", "%", "2", "%", "exact", DOWN,
     "3.1", "%", "3.1", "%", "exact", MISSED, "above"},
    {"level", "5", "6", "万人", "50000", "人", "exact", UP,
     "5.5", "万人", "55000", "人", "exact", MET, "in 5-6万人"},
    /* strict bounds: equal decides nothing */
    {"level", "100", "", "亿元", "10000000000", "元", "over", 0,
     "100", "亿元", "10000000000", "元", "exact", UNKNOWN, "asks for more"},
    {"level", "100", "", "亿元", "10000000000", "元", "over", 0,
     "101", "亿元", "10100000000", "元", "exact", MET, ">= 100亿元"},
    /* an actual stated as a bound */
    {"level", "120", "", "亿元", "12000000000", "元", "exact", 0,
     "100", "亿元", "10000000000", "元", "over", UNKNOWN, "more than"},
    {"level", "80", "", "亿元", "8000000000", "元", "exact", 0,
     "100", "亿元", "10000000000", "元", "over", MET, ">= 80亿元"},
    /* a rank: lower is better */
    {"rank", "3", "", "位", "3", "位", "exact", 0,
     "1", "位", "1", "位", "exact", MET, "(lower is better)"},
    /* not comparable */
    {"growth", "8", "", "%", "8", "%", "exact", 0,
     "296", "亿元", "29600000000", "元", "exact", UNKNOWN,
     "actual in 亿元, target in %"},
    {"level", "2", "", "万吨", "20000", "吨", "exact", 0,
     "2", "万元", "20000", "元", "exact", UNKNOWN,
     "actual in 万元, target in 万吨"},
    {"change_pp", "1", "", "个百分点", "1", "个百分点", "exact", 0,
     "1.2", "百分点", "1.2", "百分点", "exact", MET, ">= 1个百分点"},
};

static void test_track_rules(void **state) {
  (void)state;
  for (size_t i = 0; i < sizeof rule_rows / sizeof *rule_rows; i++) {
    const rule_row *r = &rule_rows[i];
    gf_track_side t = {r->measure, r->value, r->value_max, r->unit,
                       r->base_value, r->base_unit, r->bound};
    gf_track_side a = {r->measure, r->a_value, "", r->a_unit,
                       r->a_base_value, r->a_base_unit, r->a_bound};
    gf_buf why = {0};
    int got = gf_track_judge(&t, &a, r->direction, &why);
    if (got != r->want || !why.p || !strstr(why.p, r->reason))
      fail_msg("row %zu: outcome %d (want %d), reason '%s' (want '%s')", i,
               got, r->want, why.p ? why.p : "", r->reason);
    gf_buf_free(&why);
  }
}

static void test_track_measure_mismatch(void **state) {
  (void)state;
  gf_track_side t = {"growth", "8", "", "%", "8", "%", "exact"};
  gf_track_side a = {"level", "296", "", "亿元", "29600000000", "元",
                     "exact"};
  gf_buf why = {0};
  assert_int_equal(gf_track_comparable(&t, &a, &why), 0);
  assert_string_equal(why.p, "actual is a level, target a growth");
  gf_buf_free(&why);
  assert_int_equal(gf_track_judge(&t, &a, 0, &why), GF_TRACK_UNKNOWN);
  gf_buf_free(&why);
  gf_track_side bad = {"growth", "x", "", "%", "x", "%", "exact"};
  assert_int_equal(gf_track_comparable(&t, &bad, NULL), 0);
}

static void test_track_words(void **state) {
  (void)state;
  assert_int_equal(gf_track_scope("区本级固定资产投资") ==
                       gf_track_scope("固定资产投资"),
                   0);
  assert_int_not_equal(gf_track_scope("区本级固定资产投资"),
                       gf_track_scope("全社会固定资产投资"));
  assert_string_equal(gf_track_scope_name(gf_track_scope("区本级固定资产投资")),
                      "区本级");
  assert_int_equal(gf_track_scope("地区生产总值"), 0);
  assert_int_equal(gf_track_span("社会消费品零售总额", "增长",
                                 "社会消费品零售总额由2010年的68亿元增加到"
                                 "2015年的136.3亿元，年均增长14.9%",
                                 "14.9%"),
                   GF_SPAN_AVERAGE);
  assert_int_equal(gf_track_span("x", "年均增长", "", "5%"), GF_SPAN_AVERAGE);
  /* 均 = both: 城镇…、农村…均增长8% is one year's growth */
  assert_int_equal(gf_track_span("农村常住居民人均可支配收入", "增长",
                                 "城镇常住居民人均可支配收入、农村常住居民人均"
                                 "可支配收入均增长8%",
                                 "8%"),
                   GF_SPAN_YEAR);
  /* the average of another figure in the sentence is not this one's */
  assert_int_equal(gf_track_span("地区生产总值", "增长",
                                 "五年年均增长9%，地区生产总值增长8%", "8%"),
                   GF_SPAN_YEAR);
  assert_int_equal(gf_track_span("累计完成投资", "", "", "615亿元"),
                   GF_SPAN_TOTAL);
}

/* ------------------------------------------------------------ matching */

#define HEAD "doc,page,section,kind,period,indicator,measure,value,unit," \
             "base_value,base_unit,bound,comparison,raw,start,end,sentence," \
             "value_max,indicator_key\n"

/* Runs gf_track on csv (one or more parts, each added as one input) and
 * returns the row of the first target whose indicator is ind and value
 * value. */
static const gf_track_row *run(gf_track **t, const char *const *parts,
                               size_t n, const char *ind, const char *value) {
  assert_int_equal(gf_track_new(NULL, t, NULL), GF_OK);
  for (size_t i = 0; i < n; i++)
    assert_int_equal(gf_track_add_csv(*t, parts[i], strlen(parts[i]), NULL),
                     GF_OK);
  assert_int_equal(gf_track_run(*t, NULL), GF_OK);
  for (size_t i = 0; i < gf_track_count(*t); i++) {
    const gf_track_row *r = gf_track_at(*t, i);
    if (strcmp(r->indicator, ind) == 0 && strcmp(r->target_value, value) == 0)
      return r;
  }
  fail_msg("no row for %s %s", ind, value);
  return NULL;
}

static const char plan_2015[] = HEAD
    "a-2015.pdf,7,二、2015年工作安排,target,2015,地区生产总值,growth,8,%,8,%,"
    "exact,增长,8%,10,12,地区生产总值增长8%,,地区生产总值\n"
    "a-2015.pdf,7,二、2015年工作安排,target,2015,区本级固定资产投资,growth,"
    "12,%,12,%,exact,增长,12%,20,23,区本级固定资产投资增长12%,,固定资产投资\n"
    "a-2015.pdf,8,二、2015年工作安排,target,2015,投资,level,2.5,亿元,"
    "250000000,元,exact,,2.5亿元,1,8,投资2.5亿元,,投资\n"
    "a-2015.pdf,8,二、2015年工作安排,target,2015,投资,level,1.3,亿元,"
    "130000000,元,exact,,1.3亿元,30,37,投资1.3亿元,,投资\n"
    "a-2015.pdf,1,一、2014年工作回顾,actual,2015,地区生产总值,growth,9,%,9,%,"
    "exact,增长,9%,40,42,x,,地区生产总值\n";

static const char review_2016[] = HEAD
    "a-2016.pdf,1,一、2015年工作回顾,actual,2015,地区生产总值,growth,8.9,%,"
    "8.9,%,exact,同比增长,8.9%,5,9,地区生产总值增长8.9%,,地区生产总值\n"
    "a-2016.pdf,1,一、2015年工作回顾,actual,2015,全社会固定资产投资,growth,"
    "30,%,30,%,exact,增长,30%,50,53,全社会固定资产投资增长30%,,固定资产投资\n"
    "a-2016.pdf,2,一、2015年工作回顾,actual,2015,投资,level,5,亿元,"
    "500000000,元,exact,,5亿元,60,64,投资5亿元,,投资\n"
    "a-2016.pdf,2,一、2015年工作回顾,actual,2015,规模以上工业增加值,growth,"
    "6,%,6,%,exact,增长,6%,70,72,x,,规模以上工业增加值\n"
    "a-2016.pdf,9,二、2016年工作安排,actual,2015,地区生产总值,growth,7,%,"
    "7,%,exact,增长,7%,80,82,去年增长7%,,地区生产总值\n"
    "a-2016.pdf,9,二、2016年工作安排,target,2016,x,growth,7,%,7,%,exact,"
    "增长,7%,90,92,x,,x\n";

static void test_track_prefers_review(void **state) {
  (void)state;
  gf_track *t = NULL;
  const char *parts[] = {plan_2015, review_2016};
  const gf_track_row *r = run(&t, parts, 2, "地区生产总值", "8");
  /* the 2016 report's review (8.9%) over its plan part's 7%, and never
   * the 2015 report's own figure */
  assert_string_equal(r->outcome, "met");
  assert_string_equal(r->actual_value, "8.9");
  assert_string_equal(r->actual_doc, "a-2016.pdf");
  assert_int_equal(r->actual_page, 1);
  assert_int_equal(r->actual_start, 5);
  assert_non_null(strstr(r->reason, "the review of a-2016.pdf preferred "
                                    "over 1 other statement"));
  gf_track_free(t);
}

static void test_track_scope_and_names(void **state) {
  (void)state;
  gf_track *t = NULL;
  const char *parts[] = {review_2016, plan_2015};
  const gf_track_row *r = run(&t, parts, 2, "区本级固定资产投资", "12");
  assert_string_equal(r->outcome, "unknown");
  assert_string_equal(r->reason,
                      "actual of another scope (全社会), target 区本级");
  assert_string_equal(r->actual_doc, "");
  gf_track_free(t);
}

static void test_track_ambiguous_and_absent(void **state) {
  (void)state;
  gf_track *t = NULL;
  const char *parts[] = {plan_2015, review_2016};
  const gf_track_row *r = run(&t, parts, 2, "投资", "2.5");
  assert_string_equal(r->outcome, "unknown");
  assert_non_null(strstr(r->reason, "2 targets of 2015 in a-2015.pdf share"));
  gf_track_free(t);
  /* the 2016 target: no report of 2017 */
  const char *one[] = {review_2016};
  r = run(&t, one, 1, "x", "7");
  assert_string_equal(r->outcome, "unknown");
  assert_string_equal(r->reason, "no actual of 2016 for this indicator");
  assert_int_equal(gf_track_year_count(t), 1);
  const gf_track_year *y = gf_track_year_at(t, 0);
  assert_int_equal(y->period, 2016);
  assert_int_equal(y->targets, 1);
  assert_int_equal(y->unknown, 1);
  gf_track_free(t);
}

static void test_track_disagreeing_actuals(void **state) {
  (void)state;
  static const char two[] = HEAD
      "b-2016.pdf,1,一、回顾,actual,2015,地区生产总值,growth,8.9,%,8.9,%,"
      "exact,增长,8.9%,5,9,s,,地区生产总值\n"
      "b-2016.pdf,2,一、回顾,actual,2015,地区生产总值,growth,7.9,%,7.9,%,"
      "exact,增长,7.9%,15,19,s,,地区生产总值\n";
  gf_track *t = NULL;
  const char *parts[] = {plan_2015, two};
  const gf_track_row *r = run(&t, parts, 2, "地区生产总值", "8");
  assert_string_equal(r->outcome, "unknown");
  assert_string_equal(r->reason, "actuals of 2015 differ: 8.9% (b-2016.pdf "
                                 "p1), 7.9% (b-2016.pdf p2)");
  gf_track_free(t);
}

static void test_track_level_against_growth(void **state) {
  (void)state;
  static const char lvl[] = HEAD
      "c-2016.pdf,1,一、回顾,actual,2015,地区生产总值,level,287.9,亿元,"
      "28790000000,元,exact,,287.9亿元,5,15,s,,地区生产总值\n";
  gf_track *t = NULL;
  const char *parts[] = {plan_2015, lvl};
  const gf_track_row *r = run(&t, parts, 2, "地区生产总值", "8");
  assert_string_equal(r->outcome, "unknown");
  assert_string_equal(r->reason, "actual is a level, target a growth");
  gf_track_free(t);
}

static void test_track_csv_errors(void **state) {
  (void)state;
  gf_track *t = NULL;
  assert_int_equal(gf_track_new(NULL, &t, NULL), GF_OK);
  gf_error err = {0};
  static const char cols[] = "doc,kind\nx.pdf,target\n";
  assert_int_equal(gf_track_add_csv(t, cols, strlen(cols), &err), GF_ECSV);
  assert_int_equal(err.line, 1);
  static const char broken[] = "doc,\"kind\n";
  assert_int_not_equal(gf_track_add_csv(t, broken, strlen(broken), &err),
                       GF_OK);
  static const char bad_utf8[] = "doc,kind\n\xff\n";
  assert_int_equal(gf_track_add_csv(t, bad_utf8, strlen(bad_utf8), &err),
                   GF_EUTF8);
  assert_int_equal(gf_track_run(t, NULL), GF_OK);
  assert_int_equal(gf_track_count(t), 0);
  gf_track_free(t);
}

static void test_track_null_args(void **state) {
  (void)state;
  assert_int_equal(gf_track_new(NULL, NULL, NULL), GF_EINVAL);
  assert_int_equal(gf_track_add_csv(NULL, "", 0, NULL), GF_EINVAL);
  assert_int_equal(gf_track_add_figures(NULL, NULL, NULL), GF_EINVAL);
  assert_int_equal(gf_track_run(NULL, NULL), GF_EINVAL);
  assert_int_equal(gf_track_count(NULL), 0);
  assert_null(gf_track_at(NULL, 0));
  assert_null(gf_track_year_at(NULL, 0));
  assert_int_equal(gf_track_write_csv(NULL, stdout, 0), GF_EINVAL);
  assert_int_equal(gf_track_write_text(NULL, stdout, 0), GF_EINVAL);
  gf_track_free(NULL);
  assert_string_equal(gf_track_columns()[0], "target_doc");
}

static void test_track_write_full(void **state) {
  (void)state;
  FILE *f = fopen("/dev/full", "w");
  if (!f) skip();
  gf_track *t = NULL;
  const char *parts[] = {plan_2015, review_2016};
  run(&t, parts, 2, "地区生产总值", "8");
  assert_int_equal(gf_track_write_csv(t, f, 0), GF_EIO);
  fclose(f);
  gf_track_free(t);
}

static void test_track_alloc_failures(void **state) {
  (void)state;
  int ok = 0;
  for (unsigned long n = 1; n < 5000 && !ok; n++) {
    gf_track *t = NULL;
    gf_alloc_fail_at(n);
    int rc = gf_track_new(NULL, &t, NULL);
    if (rc == GF_OK) rc = gf_track_add_csv(t, plan_2015, strlen(plan_2015),
                                           NULL);
    if (rc == GF_OK) rc = gf_track_add_csv(t, review_2016,
                                           strlen(review_2016), NULL);
    if (rc == GF_OK) rc = gf_track_run(t, NULL);
    gf_alloc_fail_at(0);
    if (rc == GF_OK) {
      assert_int_equal(gf_track_count(t), 5);
      ok = 1;
    } else {
      assert_int_equal(rc, GF_ENOMEM);
      assert_int_equal(gf_track_count(t), 0);
    }
    gf_track_free(t);
  }
  assert_true(ok);
}

/* The direction comes from the vocabulary: 城镇登记失业率 is down. */
static void test_track_vocabulary_direction(void **state) {
  (void)state;
  static const char plan[] = HEAD
      "u-2015.pdf,9,二、2015年工作安排,target,2015,城镇登记失业率,share,4,%,4,"
      "%,exact,,4%,1,3,x,,城镇登记失业率\n";
  static const char review[] = HEAD
      "u-2016.pdf,1,一、2015年工作回顾,actual,2015,城镇登记失业率,share,3.8,%,"
      "3.8,%,exact,,3.8%,1,5,x,,城镇登记失业率\n";
  gf_indicators *v = NULL;
  assert_int_equal(gf_indicators_new(&v, NULL), GF_OK);
  gf_track *t = NULL;
  assert_int_equal(gf_track_new(v, &t, NULL), GF_OK);
  assert_int_equal(gf_track_add_csv(t, plan, strlen(plan), NULL), GF_OK);
  assert_int_equal(gf_track_add_csv(t, review, strlen(review), NULL), GF_OK);
  assert_int_equal(gf_track_run(t, NULL), GF_OK);
  const gf_track_row *r = gf_track_at(t, 0);
  assert_non_null(r);
  assert_string_equal(r->outcome, "met");
  assert_string_equal(r->reason, "3.8% <= 4% (lower is better)");
  gf_track_free(t);
  /* without a vocabulary higher is better: 3.8% misses 4% */
  assert_int_equal(gf_track_new(NULL, &t, NULL), GF_OK);
  assert_int_equal(gf_track_add_csv(t, plan, strlen(plan), NULL), GF_OK);
  assert_int_equal(gf_track_add_csv(t, review, strlen(review), NULL), GF_OK);
  assert_int_equal(gf_track_run(t, NULL), GF_OK);
  assert_string_equal(gf_track_at(t, 0)->outcome, "missed");
  gf_track_free(t);
  gf_indicators_free(v);
}

static void test_track_ends_csv(void **state) {
  (void)state;
  /* a raw with a line end inside: the next row starts a line later */
  static const char tcsv[] =
      "target_doc,target_page,target_start,target_end,target_value,"
      "target_value_max,target_unit,target_raw,actual_doc,actual_page,"
      "actual_start,actual_end,actual_value,actual_unit,actual_raw\r\n"
      "a.pdf,7,10,17,2,,个,\"两\n个\",b.pdf,1,5,9,3,个,3个\r\n"
      "a.pdf,8,1,4,5,,%,5%,,,,,,,\r\n";
  char *out = NULL;
  size_t out_len = 0, *ends = NULL, n = 0;
  assert_int_equal(gf_track_ends_csv(tcsv, strlen(tcsv), "a.pdf", &out,
                                     &out_len, &ends, &n, NULL),
                   GF_OK);
  assert_non_null(strstr(out, "\"a.pdf\",\"7\",\"10\",\"17\",\"2\",\"\","
                              "\"个\",\"两\n个\""));
  assert_int_equal(n, 5); /* lines 0 and 1, row at 2 (two lines), row at 4 */
  assert_int_equal(ends[2], 2 * 2);
  assert_int_equal(ends[3], 0);
  assert_int_equal(ends[4], 4 * 2); /* its second row is at line 4 */
  gf_free(out);
  gf_free(ends);
  assert_int_equal(gf_track_ends_csv(tcsv, strlen(tcsv), NULL, &out,
                                     &out_len, &ends, &n, NULL),
                   GF_OK);
  assert_int_equal(ends[4], 2 * 2 + 1); /* b.pdf's actual end of line 2 */
  gf_free(out);
  gf_free(ends);
  gf_error err = {0};
  static const char bad[] = "target_doc,x\na,b\n";
  assert_int_equal(gf_track_ends_csv(bad, strlen(bad), NULL, &out, &out_len,
                                     &ends, &n, &err),
                   GF_ECSV);
  assert_null(out);
  assert_int_equal(err.line, 1);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_decimal_cmp),
      cmocka_unit_test(test_decimal_sub),
      cmocka_unit_test(test_track_rules),
      cmocka_unit_test(test_track_measure_mismatch),
      cmocka_unit_test(test_track_words),
      cmocka_unit_test(test_track_prefers_review),
      cmocka_unit_test(test_track_scope_and_names),
      cmocka_unit_test(test_track_ambiguous_and_absent),
      cmocka_unit_test(test_track_disagreeing_actuals),
      cmocka_unit_test(test_track_level_against_growth),
      cmocka_unit_test(test_track_csv_errors),
      cmocka_unit_test(test_track_null_args),
      cmocka_unit_test(test_track_write_full),
      cmocka_unit_test(test_track_alloc_failures),
      cmocka_unit_test(test_track_ends_csv),
      cmocka_unit_test(test_track_vocabulary_direction),
  };
  return cmocka_run_group_tests_name("track", tests, NULL, NULL);
}
