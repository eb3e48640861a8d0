/* test_indicators.c - indicators.c: the vocabulary behind indicator_key.
 * Variants of one standard indicator give one key; different statistics
 * (农民人均纯收入 against 农村居民人均可支配收入) and scopes (全社会 against
 * 区本级) give different keys; names outside the vocabulary are their own
 * key, normalized; a user's lines win; a bad file changes nothing.  A
 * failing row prints its index. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "include/govfig.h"

#define N_ROWS(t) (sizeof(t) / sizeof((t)[0]))

typedef struct key_row {
  const char *in, *key;
} key_row;

static void check_keys(const gf_indicators *v, const key_row *rows,
                       size_t n) {
  for (size_t i = 0; i < n; i++) {
    char buf[256];
    const char *k =
        gf_indicators_key(v, rows[i].in, strlen(rows[i].in), buf, sizeof buf);
    if (!k || strcmp(k, rows[i].key) != 0)
      fail_msg("row %zu: %s -> %s, want %s", i, rows[i].in, k ? k : "NULL",
               rows[i].key);
  }
}

static int setup(void **state) {
  gf_indicators *v = NULL;
  if (gf_indicators_new(&v, NULL) != GF_OK) return -1;
  *state = v;
  return 0;
}

static int teardown(void **state) {
  gf_indicators_free(*state);
  return 0;
}

static void test_indicators_variants(void **state) {
  static const key_row rows[] = {
      {"地区生产总值", "地区生产总值"},
      {"全区地区生产总值", "地区生产总值"},
      {"全市生产总值", "地区生产总值"},
      {"GDP", "地区生产总值"},
      {"gdp", "地区生产总值"},
      {"经济总量", "地区生产总值"},
      {"地区生产总值增速", "地区生产总值"},
      {"实现地区生产总值", "地区生产总值"},
      {"一般公共预算收入", "一般公共预算收入"},
      {"公共财政预算收入", "一般公共预算收入"},
      {"一般公共财政预算收入", "一般公共预算收入"},
      {"全区公共财政预算收入", "一般公共预算收入"},
      {"城镇居民人均可支配收入", "城镇居民人均可支配收入"},
      {"城镇常住居民人均可支配收入", "城镇居民人均可支配收入"},
      {"农村常住居民人均可支配收入", "农村居民人均可支配收入"},
      {"农村牧区常住居民人均可支配收入", "农村居民人均可支配收入"},
      {"农村(牧区)常住居民人均可支配收入", "农村居民人均可支配收入"},
      {"农村（牧区）常住居民人均可支配收入", "农村居民人均可支配收入"},
      {"农民人均纯收入", "农民人均纯收入"},
      {"农牧民人均纯收入", "农民人均纯收入"},
      {"社会消费品零售总额", "社会消费品零售总额"},
      {"社会消费品零售额", "社会消费品零售总额"},
      {"全社会固定资产投资", "全社会固定资产投资"},
      {"区本级固定资产投资", "区本级固定资产投资"},
      {"固定资产投资", "固定资产投资"},
      {"单位GDP能耗", "单位地区生产总值能耗"},
      {"单位ＧＤＰ能耗", "单位地区生产总值能耗"},
      {"万元GDP能耗", "单位地区生产总值能耗"},
      {"细颗粒物（PM2.5）平均浓度", "PM2.5平均浓度"},
      {"PM2.5 平均浓度", "PM2.5平均浓度"},
      {"居民消费价格涨幅", "居民消费价格"},
      {"城镇调查失业率", "城镇调查失业率"},
      {"城镇登记失业率", "城镇登记失业率"},
      {"城镇新增就业", "城镇新增就业"},
      {"新增城镇就业人数", "城镇新增就业"},
      {"粮食总产量", "粮食产量"},
      {"外贸进出口总额", "进出口总额"},
  };
  check_keys(*state, rows, N_ROWS(rows));
}

/* Outside the vocabulary: the name itself, normalized the same way. */
static void test_indicators_unknown_normalized(void **state) {
  static const key_row rows[] = {
      {"旧城改造任务", "旧城改造任务"},
      {"全区旧城改造任务", "旧城改造任务"},
      {"完成旧城改造任务", "旧城改造任务"},
      {"新建５Ｇ基站", "新建5G基站"},
      {"新建 5G 基站", "新建5G基站"},
      {"公共财政预算收入增长", "一般公共预算收入"},
      {"全区", "全区"}, /* never stripped to nothing */
      {"", ""},
  };
  check_keys(*state, rows, N_ROWS(rows));
  check_keys(NULL, (const key_row[]){{"全区固定资产投资", "固定资产投资"}}, 1);
}

/* The two incomes and 农民人均纯收入: three statistics, three keys. */
static void test_indicators_distinct_statistics(void **state) {
  const char *names[] = {"城镇居民人均可支配收入", "农村居民人均可支配收入",
                         "农民人均纯收入", "全社会固定资产投资",
                         "区本级固定资产投资", "居民人均可支配收入"};
  char keys[N_ROWS(names)][128];
  for (size_t i = 0; i < N_ROWS(names); i++) {
    assert_non_null(gf_indicators_key(*state, names[i], strlen(names[i]),
                                      keys[i], sizeof keys[i]));
    for (size_t j = 0; j < i; j++)
      if (strcmp(keys[i], keys[j]) == 0)
        fail_msg("%s and %s share the key %s", names[i], names[j], keys[i]);
  }
}

static void test_indicators_direction(void **state) {
  static const struct {
    const char *key;
    int dir;
  } rows[] = {
      {"地区生产总值", GF_DIRECTION_UP},
      {"城镇调查失业率", GF_DIRECTION_DOWN},
      {"居民消费价格", GF_DIRECTION_DOWN},
      {"单位地区生产总值能耗", GF_DIRECTION_DOWN},
      {"PM2.5平均浓度", GF_DIRECTION_DOWN},
      {"常住人口", GF_DIRECTION_NONE},
      {"旧城改造任务", GF_DIRECTION_NONE},
      {"GDP", GF_DIRECTION_NONE}, /* a variant, not a key */
  };
  for (size_t i = 0; i < N_ROWS(rows); i++)
    if (gf_indicators_direction(*state, rows[i].key) != rows[i].dir)
      fail_msg("row %zu: %s", i, rows[i].key);
}

/* Every name of the built-in table gives its own line's key: a variant
 * listed under two keys would silently take the later one. */
static void test_indicators_table_unambiguous(void **state) {
  char path[512];
  snprintf(path, sizeof path, "%s/extract/indicators.tsv", GF_SRCDIR);
  FILE *src = fopen(path, "rb");
  assert_non_null(src);
  char line[4096];
  size_t n_names = 0, lineno = 0;
  while (fgets(line, sizeof line, src)) {
    lineno++;
    line[strcspn(line, "\r\n")] = '\0';
    if (line[0] == '#' || line[0] == '\0') continue;
    char *save = NULL, *key = strtok_r(line, "\t", &save);
    assert_non_null(key);
    assert_non_null(strtok_r(NULL, "\t", &save)); /* direction */
    for (char *name = key; name; name = strtok_r(NULL, "\t", &save)) {
      char buf[512];
      const char *k =
          gf_indicators_key(*state, name, strlen(name), buf, sizeof buf);
      if (!k || strcmp(k, key) != 0)
        fail_msg("indicators.tsv:%zu: %s gives %s, not %s", lineno, name,
                 k ? k : "NULL", key);
      n_names++;
    }
  }
  fclose(src);
  assert_true(n_names > 200);
  /* the written table reads back as the same vocabulary */
  char *p = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&p, &len);
  assert_non_null(f);
  assert_int_equal(gf_indicators_write(*state, f), GF_OK);
  fclose(f);
  gf_indicators *v = NULL;
  assert_int_equal(gf_indicators_new(&v, NULL), GF_OK);
  assert_int_equal(gf_indicators_add(v, p, len, "written", NULL), GF_OK);
  char a[64], b2[64];
  assert_string_equal(gf_indicators_key(v, "GDP", 3, a, sizeof a),
                      gf_indicators_key(*state, "GDP", 3, b2, sizeof b2));
  gf_indicators_free(v);
  free(p);
}

static void test_indicators_user_lines(void **state) {
  (void)state;
  gf_indicators *v = NULL;
  assert_int_equal(gf_indicators_new(&v, NULL), GF_OK);
  const char user[] = "# mine\r\n"
                      "旧城改造\tup\t旧城改造任务\t棚户区改造\r\n"
                      "\n"
                      "GDP总量\t-\t经济总量\n";
  assert_int_equal(gf_indicators_add(v, user, sizeof user - 1, "u", NULL),
                   GF_OK);
  check_keys(v,
             (const key_row[]){{"旧城改造任务", "旧城改造"},
                               {"全区棚户区改造", "旧城改造"},
                               {"经济总量", "GDP总量"},
                               {"地区生产总值", "地区生产总值"}},
             4);
  assert_int_equal(gf_indicators_direction(v, "旧城改造"), GF_DIRECTION_UP);
  /* a bad line anywhere: nothing of the file is taken */
  const char bad[] = "新指标\tup\t新名字\n坏行没有方向\n";
  gf_error err;
  assert_int_equal(gf_indicators_add(v, bad, sizeof bad - 1, "b", &err),
                   GF_EINVAL);
  assert_int_equal(err.line, 2);
  check_keys(v, (const key_row[]){{"新名字", "新名字"}}, 1);
  const char badu[] = "x\tup\t\xff\n";
  assert_int_equal(gf_indicators_add(v, badu, sizeof badu - 1, "b", NULL),
                   GF_EUTF8);
  gf_indicators_free(v);
  gf_indicators_free(NULL);
}

static void test_indicators_small_buffer(void **state) {
  char buf[4];
  assert_null(gf_indicators_key(*state, "地区生产总值", 18, buf, sizeof buf));
  assert_null(gf_indicators_key(*state, "\xff", 1, buf, sizeof buf));
  assert_null(gf_indicators_key(*state, NULL, 0, buf, sizeof buf));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_indicators_variants),
      cmocka_unit_test(test_indicators_unknown_normalized),
      cmocka_unit_test(test_indicators_distinct_statistics),
      cmocka_unit_test(test_indicators_direction),
      cmocka_unit_test(test_indicators_table_unambiguous),
      cmocka_unit_test(test_indicators_user_lines),
      cmocka_unit_test(test_indicators_small_buffer),
  };
  return cmocka_run_group_tests_name("indicators", tests, setup, teardown);
}
