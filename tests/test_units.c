/* test_units.c - units.c: the unit vocabulary.  Magnitude prefixes, base
 * units, longest match, base units that start with 千/百 (千米 千瓦时
 * 百分点), and bare magnitudes.  A failing row prints its index. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "normalize/normalize.h"

#define N_ROWS(t) (sizeof(t) / sizeof((t)[0]))


enum {
  PCT = GF_UNITF_PERCENT,
  PP = GF_UNITF_PP,
  TM = GF_UNITF_TIME,
  MN = GF_UNITF_MONEY,
  RK = GF_UNITF_RANK
};

/* base NULL: no unit.  rest: what follows the unit. */
typedef struct unit_row {
  const char *in;
  int bare;
  int mag;
  const char *base;
  unsigned flags;
  const char *rest;
} unit_row;

static void check_units(const unit_row *rows, size_t n) {
  for (size_t i = 0; i < n; i++) {
    const unit_row *r = &rows[i];
    gf_unit_match u;
    size_t len = strlen(r->in);
    int ok = gf_unit_read(r->in, len, r->bare, &u);
    int good;
    if (!r->base)
      good = ok == 0 && u.len == 0 && u.base && u.base[0] == '\0';
    else
      good = ok == 1 && u.mag_exp == r->mag &&
             strcmp(u.base, r->base) == 0 && u.flags == r->flags &&
             u.len <= len && strcmp(r->in + u.len, r->rest) == 0;
    if (!good)
      fail_msg("row %zu \"%s\": ok %d mag %d base \"%s\" flags %u rest "
               "\"%s\"",
               i, r->in, ok, u.mag_exp, u.base ? u.base : "(null)", u.flags,
               u.len <= len ? r->in + u.len : "?");
  }
}

static void test_unit_base(void **state) {
  (void)state;
  static const unit_row rows[] = {
      {"元", 0, 0, "元", MN, ""},
      {"美元", 0, 0, "美元", MN, ""},
      {"港元以上", 0, 0, "港元", MN, "以上"},
      {"%", 0, 0, "%", PCT, ""},
      {"‰", 0, 0, "‰", PCT, ""},
      {"个百分点", 0, 0, "个百分点", PP, ""},
      {"百分点", 0, 0, "百分点", PP, ""},
      {"个", 0, 0, "个", 0, ""},
      {"个月", 0, 0, "个月", TM, ""},
      {"个村", 0, 0, "个", 0, "村"},
      {"人次", 0, 0, "人次", 0, ""},
      {"人", 0, 0, "人", 0, ""},
      {"年", 0, 0, "年", TM, ""},
      {"小时", 0, 0, "小时", TM, ""},
      {"位", 0, 0, "位", RK, ""},
      {"名", 0, 0, "名", RK, ""},
      {"张床", 0, 0, "张床", 0, ""},
      {"平方公里", 0, 0, "平方公里", 0, ""},
      {"平方米", 0, 0, "平方米", 0, ""},
      {"立方米", 0, 0, "立方米", 0, ""},
      {"微克/立方米", 0, 0, "微克/立方米", 0, ""},
      {"标准箱", 0, 0, "标准箱", 0, ""},
      {"吨公里", 0, 0, "吨公里", 0, ""},
      {"吨", 0, 0, "吨", 0, ""},
      {"辆次", 0, 0, "辆次", 0, ""},
      {"倍", 0, 0, "倍", 0, ""},
      {"亩", 0, 0, "亩", 0, ""},
      {"MW", 0, 0, "MW", 0, ""},
      {"km2", 0, 0, "km2", 0, ""},
      {"kms", 0, 0, NULL, 0, ""},
      {"增长", 0, 0, NULL, 0, ""},
      {"", 0, 0, NULL, 0, ""},
  };
  check_units(rows, N_ROWS(rows));
}

static void test_unit_magnitude(void **state) {
  (void)state;
  static const unit_row rows[] = {
      {"万元", 0, 4, "元", MN, ""},
      {"亿元", 0, 8, "元", MN, ""},
      {"万亿元", 0, 12, "元", MN, ""},
      {"千亿元", 0, 11, "元", MN, ""},
      {"百亿元", 0, 10, "元", MN, ""},
      {"十亿元", 0, 9, "元", MN, ""},
      {"千万元", 0, 7, "元", MN, ""},
      {"百万吨", 0, 6, "吨", 0, ""},
      {"十万人", 0, 5, "人", 0, ""},
      {"万人次", 0, 4, "人次", 0, ""},
      {"千人", 0, 3, "人", 0, ""},
      {"百户", 0, 2, "户", 0, ""},
      {"十年", 0, 1, "年", TM, ""},
      {"亿美元", 0, 8, "美元", MN, ""},
      {"万平方米", 0, 4, "平方米", 0, ""},
      {"万标准箱", 0, 4, "标准箱", 0, ""},
  };
  check_units(rows, N_ROWS(rows));
}

/* Base units that start with a magnitude character stay whole. */
static void test_unit_qian_bai_bases(void **state) {
  (void)state;
  static const unit_row rows[] = {
      {"千米", 0, 0, "千米", 0, ""},
      {"千克", 0, 0, "千克", 0, ""},
      {"千瓦", 0, 0, "千瓦", 0, ""},
      {"千瓦时", 0, 0, "千瓦时", 0, ""},
      {"千升", 0, 0, "千升", 0, ""},
      {"千伏安", 0, 0, "千伏安", 0, ""},
      {"百分点", 0, 0, "百分点", PP, ""},
      {"万千瓦", 0, 4, "千瓦", 0, ""},
      {"亿千瓦时", 0, 8, "千瓦时", 0, ""},
      {"万千瓦时以上", 0, 4, "千瓦时", 0, "以上"},
      {"万千伏安", 0, 4, "千伏安", 0, ""},
      {"百万千瓦", 0, 6, "千瓦", 0, ""},
      {"平方千米", 0, 0, "平方千米", 0, ""},
      {"万平方千米", 0, 4, "平方千米", 0, ""},
      {"千米", 1, 0, "千米", 0, ""},
  };
  check_units(rows, N_ROWS(rows));
}

static void test_unit_bare_magnitude(void **state) {
  (void)state;
  static const unit_row rows[] = {
      {"万", 1, 4, "", 0, ""},
      {"亿", 1, 8, "", 0, ""},
      {"万亿", 1, 12, "", 0, ""},
      {"万多", 1, 4, "", 0, "多"},
      {"千万", 1, 7, "", 0, ""},
      {"百万", 1, 6, "", 0, ""},
      {"万", 0, 0, NULL, 0, ""},
      {"亿", 0, 0, NULL, 0, ""},
      {"千", 1, 0, NULL, 0, ""},
      {"百", 1, 0, NULL, 0, ""},
      {"十", 1, 0, NULL, 0, ""},
      {"千多", 1, 0, NULL, 0, ""},
      {"万元", 1, 4, "元", MN, ""},
  };
  check_units(rows, N_ROWS(rows));
}

static void test_unit_edge(void **state) {
  (void)state;
  gf_unit_match u;
  assert_int_equal(gf_unit_read(NULL, 3, 1, &u), 0);
  assert_int_equal(u.len, 0);
  assert_int_equal(gf_unit_read("元", 3, 1, NULL), 0);
  /* never past len: 万元 cut after 万 */
  assert_int_equal(gf_unit_read("万元", 3, 0, &u), 0);
  assert_int_equal(gf_unit_read("万元", 3, 1, &u), 1);
  assert_int_equal(u.len, 3);
  assert_int_equal(gf_unit_read("平方米", 5, 0, &u), 0);
}

/* The lookup only tries the rows that share the text's first character,
 * found by bisection: the table must stay in byte order. */
static void test_unit_table_order(void **state) {
  (void)state;
  const char *bad = NULL;
  size_t i = gf_unit_table_check(&bad);
  if (bad)
    fail_msg("base unit row %zu \"%s\" is out of byte order (or empty)", i,
             bad);
  assert_true(i > 100);
  /* the ends of the table and of a run of rows with one first character */
  static const unit_row rows[] = {
      {"%以上", 0, 0, "%", PCT, "以上"},
      {"首", 0, 0, "首", 0, ""},
      {"GWh", 0, 0, "GWh", 0, ""},
      {"kV", 0, 0, "kV", 0, ""},
      {"km2", 0, 0, "km2", 0, ""},
      {"kms", 0, 0, NULL, 0, ""},
      {"m3x", 0, 0, NULL, 0, ""},
      {"千伏", 0, 0, "千伏", 0, ""},
      {"千米长", 0, 0, "千米", 0, "长"},
      {"万千米", 0, 4, "千米", 0, ""},
      {"个工作日", 0, 0, "个工作日", TM, ""},
      {"个", 0, 0, "个", 0, ""},
      {"日元", 0, 0, "日元", MN, ""},
      {"\xE5\x8D", 1, 0, NULL, 0, ""},
      {"\xF0\x9F\x98\x80元", 1, 0, NULL, 0, ""},
      {"A", 1, 0, NULL, 0, ""},
  };
  check_units(rows, N_ROWS(rows));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_unit_base),
      cmocka_unit_test(test_unit_magnitude),
      cmocka_unit_test(test_unit_qian_bai_bases),
      cmocka_unit_test(test_unit_bare_magnitude),
      cmocka_unit_test(test_unit_edge),
      cmocka_unit_test(test_unit_table_order),
  };
  return cmocka_run_group_tests_name("units", tests, NULL, NULL);
}
