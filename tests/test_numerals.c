/* test_numerals.c - numerals.c and numbers.c: reading one number (Arabic,
 * Chinese, 大写, percent forms), exact decimal shifting, and scanning a
 * text for every number with its span.  Tables of {input, expected}; a
 * failing row prints its index. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "include/govfig.h"
#include "normalize/normalize.h"

#define N_ROWS(t) (sizeof(t) / sizeof((t)[0]))

enum {
  CH = GF_NUMF_CHINESE,
  PC = GF_NUMF_PERCENT,
  PM = GF_NUMF_PERMILLE,
  GR = GF_NUMF_GROUPED,
  DX = GF_NUMF_DAXIE,
  PY = GF_NUMF_PERMYRIAD,
  DW = GF_NUMF_DIGITWISE
};

/* value NULL: no number.  core NULL: same as value.  rest: what is left
 * after the number. */
typedef struct read_row {
  const char *in;
  const char *value;
  const char *core;
  int mag;
  const char *rest;
  unsigned flags;
} read_row;

static void check_read(const read_row *rows, size_t n) {
  for (size_t i = 0; i < n; i++) {
    const read_row *r = &rows[i];
    gf_numeral g;
    size_t len = strlen(r->in);
    int ok = gf_numeral_read(r->in, len, &g);
    int good;
    if (!r->value) {
      good = ok == 0 && g.len == 0;
    } else {
      const char *core = r->core ? r->core : r->value;
      good = ok == 1 && strcmp(g.value, r->value) == 0 &&
             strcmp(g.core, core) == 0 && g.mag_exp == r->mag &&
             g.len <= len && strcmp(r->in + g.len, r->rest) == 0 &&
             g.flags == r->flags &&
             (r->mag ? g.mag_off < g.len : g.mag_off == g.len);
    }
    if (!good)
      fail_msg("row %zu \"%s\": ok %d value \"%s\" core \"%s\" mag %d "
               "rest \"%s\" flags %u",
               i, r->in, ok, g.value, g.core, g.mag_exp,
               g.len <= len ? r->in + g.len : "?", g.flags);
  }
}

static void test_numeral_arabic(void **state) {
  (void)state;
  static const read_row rows[] = {
      {"1327.8", "1327.8", NULL, 0, "", 0},
      {"0.57", "0.57", NULL, 0, "", 0},
      {"1,100.9", "1100.9", NULL, 0, "", GR},
      {"189,767,551", "189767551", NULL, 0, "", GR},
      {"3,15", "3", NULL, 0, ",15", 0},
      {"1234,567", "1234", NULL, 0, ",567", 0},
      {"1,2345", "1", NULL, 0, ",2345", 0},
      {"12,345,67", "12345", NULL, 0, ",67", GR},
      {"007", "7", NULL, 0, "", 0},
      {"0", "0", NULL, 0, "", 0},
      {"3.50%", "3.5", NULL, 0, "%", 0},
      {"3.", "3", NULL, 0, ".", 0},
      {"2023年", "2023", NULL, 0, "年", 0},
      {"3.7万", "37000", "3.7", 4, "", 0},
      {"1.2万亿", "1200000000000", "1.2", 12, "", 0},
      {"16.4亿", "1640000000", "16.4", 8, "", 0},
      {"3万人", "30000", "3", 4, "人", 0},
      {"5千米", "5", NULL, 0, "千米", 0},
      {"5千克", "5", NULL, 0, "千克", 0},
      {"5千万元", "5", NULL, 0, "千万元", 0},
      {"200万千瓦", "2000000", "200", 4, "千瓦", 0},
      {"0.0001亿", "10000", "0.0001", 8, "", 0},
      {"1,234.5万", "12345000", "1234.5", 4, "", GR},
      {"abc", NULL, NULL, 0, "", 0},
      {".5", NULL, NULL, 0, "", 0},
      {"", NULL, NULL, 0, "", 0},
  };
  check_read(rows, N_ROWS(rows));
}

static void test_numeral_chinese(void **state) {
  (void)state;
  static const read_row rows[] = {
      {"一千三百二十七点八", "1327.8", NULL, 0, "", CH},
      {"两千零五", "2005", NULL, 0, "", CH},
      {"一百二十六万零五百八十二", "1260582", NULL, 0, "", CH},
      {"一百零一万一千", "1011000", NULL, 0, "", CH},
      {"十五", "15", NULL, 0, "", CH},
      {"一十五", "15", NULL, 0, "", CH},
      {"二十", "20", NULL, 0, "", CH},
      {"十", "10", NULL, 0, "", CH},
      {"三百五", "350", NULL, 0, "", CH},
      {"两万五", "25000", NULL, 0, "", CH},
      {"一千二", "1200", NULL, 0, "", CH},
      {"二〇二三", "2023", NULL, 0, "", CH | DW},
      {"二零二三年", "2023", NULL, 0, "年", CH | DW},
      {"一九九八", "1998", NULL, 0, "", CH | DW},
      {"二○二三", "2023", NULL, 0, "", CH | DW},
      {"一亿零一百万零一千零一", "101001001", NULL, 0, "", CH},
      {"三万", "30000", "3", 4, "", CH},
      {"三千万", "30000000", "3000", 4, "", CH},
      {"五亿", "500000000", "5", 8, "", CH},
      {"一万亿", "1000000000000", "1", 12, "", CH},
      {"一千二百万亿", "1200000000000000", "1200", 12, "", CH},
      {"三亿五千万", "350000000", "35000", 4, "", CH},
      {"三点五亿", "350000000", "3.5", 8, "", CH},
      {"十二点五万", "125000", "12.5", 4, "", CH},
      {"零点五", "0.5", NULL, 0, "", CH},
      {"零", "0", NULL, 0, "", CH},
      {"三点一四", "3.14", NULL, 0, "", CH},
      {"一百", "100", NULL, 0, "", CH},
      {"一百一十", "110", NULL, 0, "", CH},
      {"九千九百九十九", "9999", NULL, 0, "", CH},
      {"五千米", "5000", NULL, 0, "米", CH},
      {"三千万元", "30000000", "3000", 4, "元", CH},
      {"一千零", "1000", NULL, 0, "零", CH},
      {"三点", "3", NULL, 0, "点", CH},
      {"两个", "2", NULL, 0, "个", CH},
      {"一亿", "100000000", "1", 8, "", CH},
  };
  check_read(rows, N_ROWS(rows));
}

static void test_numeral_daxie(void **state) {
  (void)state;
  static const read_row rows[] = {
      {"肆拾肆", "44", NULL, 0, "", CH | DX},
      {"贰", "2", NULL, 0, "", CH | DX},
      {"壹佰贰拾叁", "123", NULL, 0, "", CH | DX},
      {"叁仟零伍", "3005", NULL, 0, "", CH | DX},
      {"壹萬", "10000", "1", 4, "", CH | DX},
      {"伍億", "500000000", "5", 8, "", CH | DX},
      {"陆点伍", "6.5", NULL, 0, "", CH | DX},
      {"兩千", "2000", NULL, 0, "", CH},
      {"玖拾", "90", NULL, 0, "", CH | DX},
  };
  check_read(rows, N_ROWS(rows));
}

static void test_numeral_percent_forms(void **state) {
  (void)state;
  static const read_row rows[] = {
      {"百分之六", "6", NULL, 0, "", CH | PC},
      {"百分之三点五", "3.5", NULL, 0, "", CH | PC},
      {"百分之十二点五", "12.5", NULL, 0, "", CH | PC},
      {"百分之百", "100", NULL, 0, "", CH | PC},
      {"百分之一百", "100", NULL, 0, "", CH | PC},
      {"百分之5", "5", NULL, 0, "", CH | PC},
      {"千分之五", "5", NULL, 0, "", CH | PM},
      {"九成", "90", NULL, 0, "", CH | PC},
      {"七成五", "75", NULL, 0, "", CH | PC},
      {"三成", "30", NULL, 0, "", CH | PC},
      {"九成以上", "90", NULL, 0, "以上", CH | PC},
      {"一成不变", "1", NULL, 0, "成不变", CH},
      {"三成本", "3", NULL, 0, "成本", CH},
      {"百分之", NULL, NULL, 0, "", 0},
      {"百分比", NULL, NULL, 0, "", 0},
  };
  check_read(rows, N_ROWS(rows));
}

/* Words and fragments that must not become a longer number. */
static void test_numeral_traps(void **state) {
  (void)state;
  static const read_row rows[] = {
      {"十四五", "14", NULL, 0, "五", CH},
      {"十三五时期", "13", NULL, 0, "五时期", CH},
      {"二十大", "20", NULL, 0, "大", CH},
      {"一些", "1", NULL, 0, "些", CH},
      {"万", NULL, NULL, 0, "", 0},
      {"万一", NULL, NULL, 0, "", 0},
      {"亿万", NULL, NULL, 0, "", 0},
      {"千万", NULL, NULL, 0, "", 0},
      {"百姓", NULL, NULL, 0, "", 0},
      {"点五", NULL, NULL, 0, "", 0},
      {"七八个", "7", NULL, 0, "八个", CH},
      {"三五万", "3", NULL, 0, "五万", CH},
      {"一一对应", "1", NULL, 0, "一对应", CH},
      {"三百五六", "350", NULL, 0, "六", CH},
      {"一百十", "100", NULL, 0, "十", CH},
      {"一万万", "100000000", "1", 8, "", CH},
      {"一十百", "10", NULL, 0, "百", CH},
      {"三万点五", "30000.5", NULL, 0, "", CH},
      {"一万一万", "10000", "1", 4, "一万", CH},
      {"一百二百", "100", NULL, 0, "二百", CH},
      {"一亿二亿", "100000000", "1", 8, "二亿", CH},
  };
  check_read(rows, N_ROWS(rows));
}

/* 廿 卅, Arabic and Chinese in one number, Arabic after 点, a sign inside
 * a percent form. */
static void test_numeral_mixed_styles(void **state) {
  (void)state;
  static const read_row rows[] = {
      {"廿三", "23", NULL, 0, "", CH},
      {"卅", "30", NULL, 0, "", CH},
      {"廿", "20", NULL, 0, "", CH},
      {"卅五万", "350000", "35", 4, "", CH},
      {"一百廿", "120", NULL, 0, "", CH},
      {"廿三日", "23", NULL, 0, "日", CH},
      {"五卅运动", "5", NULL, 0, "卅运动", CH},
      {"十廿", "10", NULL, 0, "廿", CH},
      {"300万五千", "3005000", NULL, 0, "", CH},
      {"5亿零二千", "500002000", NULL, 0, "", CH},
      {"5亿三千万", "530000000", "53000", 4, "", CH},
      {"300万零五", "3000005", NULL, 0, "", CH},
      {"3万五千人", "35000", NULL, 0, "人", CH},
      {"1万亿五千亿", "1500000000000", "15000", 8, "", CH},
      {"3万贰仟", "32000", NULL, 0, "", CH | DX},
      {"3万人", "30000", "3", 4, "人", 0},
      {"3万五年", "30000", "3", 4, "五年", 0},
      {"300万五", "3000000", "300", 4, "五", 0},
      {"3万五千万", "30000", "3", 4, "五千万", 0},
      {"1.5万五千", "15000", "1.5", 4, "五千", 0},
      {"3万二〇二三", "30000", "3", 4, "二〇二三", 0},
      {"八亿零三千120", "800003120", NULL, 0, "", CH},
      {"两千零25", "2025", NULL, 0, "", CH},
      {"三千25", "3025", NULL, 0, "", CH},
      {"三万2500", "32500", NULL, 0, "", CH},
      {"八亿3000万", "830000000", "83000", 4, "", CH},
      {"三千25%", "3025", NULL, 0, "%", CH},
      {"一万2千", "12000", NULL, 0, "", CH},
      {"三千25.5", "3000", NULL, 0, "25.5", CH},
      {"三千2500", "3000", NULL, 0, "2500", CH},
      {"三万2023年", "30000", "3", 4, "2023年", CH},
      {"二十5", "25", NULL, 0, "", CH},
      {"三千25G", "3000", NULL, 0, "25G", CH},
      {"二十点75", "20.75", NULL, 0, "", CH},
      {"一千三百二十七点1八", "1327", NULL, 0, "点1八", CH},
      {"一九九八点5", "1998.5", NULL, 0, "", CH | DW},
      {"零点05", "0.05", NULL, 0, "", CH},
      {"三点五亿", "350000000", "3.5", 8, "", CH},
      {"三点30分", "3", NULL, 0, "点30分", CH},
      {"三点5.2", "3", NULL, 0, "点5.2", CH},
      {"百分之负二点五", "-2.5", NULL, 0, "", CH | PC},
      {"千分之负一", "-1", NULL, 0, "", CH | PM},
      {"百分之-3", "-3", NULL, 0, "", CH | PC},
      {"百分之负百", "-100", NULL, 0, "", CH | PC},
      {"百分之负", NULL, NULL, 0, "", 0},
      {"负三", "-3", NULL, 0, "", CH},
  };
  check_read(rows, N_ROWS(rows));
}

/* X分之Y: exact when the quotient terminates, else 10 significant digits
 * rounded half up. */
static void test_numeral_fractions(void **state) {
  (void)state;
  static const read_row rows[] = {
      {"四分之一", "0.25", NULL, 0, "", CH},
      {"五分之二", "0.4", NULL, 0, "", CH},
      {"二分之一", "0.5", NULL, 0, "", CH},
      {"八分之三", "0.375", NULL, 0, "", CH},
      {"一百二十八分之一", "0.0078125", NULL, 0, "", CH},
      {"1024分之1", "0.0009765625", NULL, 0, "", CH},
      {"三分之一", "0.3333333333", NULL, 0, "", CH},
      {"三分之二", "0.6666666667", NULL, 0, "", CH},
      {"六分之一", "0.1666666667", NULL, 0, "", CH},
      {"七分之一", "0.1428571429", NULL, 0, "", CH},
      {"十一分之一", "0.09090909091", NULL, 0, "", CH},
      {"三分之四", "1.333333333", NULL, 0, "", CH},
      {"三分之一百亿", "3333333333", NULL, 0, "", CH},
      {"三分之十亿", "333333333.3", NULL, 0, "", CH},
      {"3分之0.0000002", "0.00000006666666667", NULL, 0, "", CH},
      {"9分之8.99999999999", "1", NULL, 0, "", CH},
      {"7分之0.07", "0.01", NULL, 0, "", CH},
      {"1分之1.5", "1.5", NULL, 0, "", CH},
      {"999999999999999999分之1", "0.000000000000000001", NULL, 0, "", CH},
      {"1844674407370955161分之1", "1844674407370955161", NULL, 0, "分之1",
       0},
      {"100000000001分之100000000000", "1", NULL, 0, "", CH},
      {"三分之三", "1", NULL, 0, "", CH},
      {"九分之九十九万", "110000", NULL, 0, "", CH},
      {"四分之一点五", "0.375", NULL, 0, "", CH},
      {"三分之一以上", "0.3333333333", NULL, 0, "以上", CH},
      {"四分之零", "0", NULL, 0, "", CH},
      {"万分之五", "5", NULL, 0, "", CH | PY},
      {"叁分之壹", "0.3333333333", NULL, 0, "", CH | DX},
      {"零分之一", "0", NULL, 0, "分之一", CH},
      {"十分之", "10", NULL, 0, "分之", CH},
      {"三万分之一", "0.00003333333333", NULL, 0, "", CH},
      {"万分之", NULL, NULL, 0, "", 0},
  };
  check_read(rows, N_ROWS(rows));
}

static void test_numeral_long_runs(void **state) {
  (void)state;
  char buf[1024];
  gf_numeral g;
  memset(buf, '9', 200);
  buf[200] = '\0';
  assert_int_equal(gf_numeral_read(buf, 200, &g), 0);
  assert_int_equal(g.len, 0);
  strcpy(buf + 200, "万亿");
  assert_int_equal(gf_numeral_read(buf, strlen(buf), &g), 0);
  /* 60 digits fit; with 万亿 the value no longer does */
  memset(buf, '1', 60);
  strcpy(buf + 60, "万亿");
  assert_int_equal(gf_numeral_read(buf, 60, &g), 1);
  assert_int_equal(strlen(g.value), 60);
  assert_int_equal(gf_numeral_read(buf, strlen(buf), &g), 0);
  strcpy(buf, "0.");
  memset(buf + 2, '0', 300);
  buf[302] = '1';
  buf[303] = '\0';
  assert_int_equal(gf_numeral_read(buf, strlen(buf), &g), 0);
  buf[0] = '\0';
  for (int i = 0; i < 200; i++) strcat(buf, "九");
  assert_int_equal(gf_numeral_read(buf, strlen(buf), &g), 0);
  /* a Chinese value beyond 64 bits */
  const char *big = "九千九百九十九万九千九百九十九亿九千九百九十九万亿";
  assert_true(gf_numeral_read(big, strlen(big), &g) <= 1);
  /* a number never reads past len */
  assert_int_equal(gf_numeral_read("123", 2, &g), 1);
  assert_string_equal(g.value, "12");
  assert_int_equal(gf_numeral_read("一千", 3, &g), 1);
  assert_string_equal(g.value, "1");
  assert_int_equal(gf_numeral_read("一千", 4, &g), 1);
  assert_string_equal(g.value, "1");
  assert_int_equal(gf_numeral_read(NULL, 3, &g), 0);
  assert_int_equal(gf_numeral_read("1", 1, NULL), 0);
}

/* ---------------------------------------------------------------- parse */

typedef struct parse_row {
  const char *in;
  const char *value; /* NULL: no number */
  const char *unit;
  const char *rest;
} parse_row;

static void test_numeral_parse_table(void **state) {
  (void)state;
  static const parse_row rows[] = {
      {"16.4亿元", "1640000000", "", "元"},
      {"3.5%左右", "3.5", "%", "左右"},
      {"2‰", "2", "‰", ""},
      {"百分之六以上", "6", "%", "以上"},
      {"千分之五", "5", "‰", ""},
      {"九成", "90", "%", ""},
      {"一千三百二十七点八", "1327.8", "", ""},
      {"1.2万亿", "1200000000000", "", ""},
      {"两万五%", "25000", "%", ""},
      {"百分之负二点五", "-2.5", "%", ""},
      {"千分之负一以内", "-1", "‰", "以内"},
      {"三分之一", "0.3333333333", "", ""},
      {"300万五千人", "3005000", "", "人"},
      {"增长", NULL, "", "增长"},
      {"", NULL, "", ""},
  };
  for (size_t i = 0; i < N_ROWS(rows); i++) {
    const parse_row *r = &rows[i];
    size_t used = 99, len = strlen(r->in);
    char *v = (char *)1;
    const char *u = NULL;
    int rc = gf_numeral_parse(r->in, len, &used, &v, &u);
    int good = rc == GF_OK && u && strcmp(u, r->unit) == 0 && used <= len &&
               strcmp(r->in + used, r->rest) == 0 &&
               (r->value ? v && strcmp(v, r->value) == 0 : v == NULL);
    if (!good)
      fail_msg("row %zu \"%s\": rc %d value \"%s\" unit \"%s\"", i, r->in, rc,
               v ? v : "(null)", u ? u : "(null)");
    gf_free(v);
  }
}

static void test_numeral_parse_errors(void **state) {
  (void)state;
  size_t used;
  char *v;
  const char *u;
  assert_int_equal(gf_numeral_parse(NULL, 0, &used, &v, &u), GF_EINVAL);
  assert_int_equal(gf_numeral_parse("1", 1, NULL, &v, &u), GF_EINVAL);
  assert_null(v);
  assert_int_equal(gf_numeral_parse("1", 1, &used, NULL, &u), GF_EINVAL);
  assert_int_equal(used, 0);
  assert_int_equal(gf_numeral_parse("12", 2, &used, &v, NULL), GF_OK);
  assert_string_equal(v, "12");
  gf_free(v);
  gf_alloc_fail_at(1);
  assert_int_equal(gf_numeral_parse("12", 2, &used, &v, &u), GF_ENOMEM);
  assert_null(v);
  assert_int_equal(used, 0);
  gf_alloc_fail_at(0);
}

/* ---------------------------------------------------------------- decimals */

typedef struct shift_row {
  const char *v;
  int exp;
  size_t cap;
  const char *out; /* NULL: -1 */
} shift_row;

static void test_decimal_shift_table(void **state) {
  (void)state;
  static const shift_row rows[] = {
      {"16.4", 8, 64, "1640000000"},
      {"1.2", 12, 64, "1200000000000"},
      {"3.7", 4, 64, "37000"},
      {"0.0001", 4, 64, "1"},
      {"0.00001", 4, 64, "0.1"},
      {"12.345", 2, 64, "1234.5"},
      {"12.345", 3, 64, "12345"},
      {"12.340", 0, 64, "12.34"},
      {"007.50", 0, 64, "7.5"},
      {"0", 8, 64, "0"},
      {"0.000", 3, 64, "0"},
      {"-2.5", 1, 64, "-25"},
      {"-0.0", 4, 64, "0"},
      {".5", 1, 64, "5"},
      {".05", 0, 64, "0.05"},
      {"5.", 2, 64, "500"},
      {"100", 0, 64, "100"},
      {"1", 3, 5, "1000"},
      {"1", 4, 5, NULL},
      {"1", 1, 0, NULL},
      {"1", -1, 64, NULL},
      {"", 1, 64, NULL},
      {".", 1, 64, NULL},
      {"1.2.3", 1, 64, NULL},
      {"1e5", 1, 64, NULL},
      {"--1", 1, 64, NULL},
      {"1", 200, 64, NULL},
  };
  for (size_t i = 0; i < N_ROWS(rows); i++) {
    const shift_row *r = &rows[i];
    char out[64] = "x";
    int rc = gf_decimal_shift(r->v, r->exp, out, r->cap);
    int good = r->out ? rc == 0 && strcmp(out, r->out) == 0 : rc == -1;
    if (!good)
      fail_msg("row %zu \"%s\" e%d: rc %d out \"%s\"", i, r->v, r->exp, rc,
               rc == 0 ? out : "-");
  }
  assert_int_equal(gf_decimal_shift(NULL, 1, (char[8]){0}, 8), -1);
  assert_int_equal(gf_decimal_shift("1", 1, NULL, 8), -1);
}

static void test_decimal_canon_table(void **state) {
  (void)state;
  static const char *const rows[][2] = {
      {"007", "7"},       {"0.500", "0.5"},  {"3.", "3"},
      {"-0", "0"},        {"-0.00", "0"},    {"000", "0"},
      {"00.5", "0.5"},    {"-01.10", "-1.1"}, {"1200", "1200"},
      {"12.0", "12"},     {".5", ".5"},      {"x1", "x1"},
      {"", ""},           {"-", "-"},
  };
  for (size_t i = 0; i < N_ROWS(rows); i++) {
    char v[32];
    strcpy(v, rows[i][0]);
    gf_decimal_canon(v);
    if (strcmp(v, rows[i][1]) != 0)
      fail_msg("row %zu \"%s\": got \"%s\"", i, rows[i][0], v);
  }
  gf_decimal_canon(NULL);
}

/* ---------------------------------------------------------------- scan */

/* expected: "value unit raw" items joined by "; ", unit "-" when empty. */
typedef struct scan_row {
  const char *in;
  const char *expected;
} scan_row;

static void describe(const char *text, const gf_numbers *ns, char *out,
                     size_t cap) {
  out[0] = '\0';
  for (size_t i = 0; i < gf_numbers_count(ns); i++) {
    const gf_number *n = gf_numbers_at(ns, i);
    size_t o = strlen(out);
    snprintf(out + o, cap - o, "%s%s %s %.*s", i ? "; " : "", n->value,
             n->unit[0] ? n->unit : "-", (int)(n->end - n->start),
             text + n->start);
  }
}

static void test_numbers_scan_table(void **state) {
  (void)state;
  static const scan_row rows[] = {
      {"GDP增长5.2%", "5.2 % 5.2%"},
      {"增长-2.3%", "-2.3 % -2.3%"},
      {"下降−1.5个百分点", "-1.5 个百分点 −1.5个百分点"},
      {"增速负0.5%", "-0.5 % 负0.5%"},
      {"提高0.8百分点", "0.8 个百分点 0.8百分点"},
      {"出生率8.5‰", "8.5 ‰ 8.5‰"},
      {"2020-2023年", ""},
      {"总额1.2万亿元", "1200000000000 - 1.2万亿"},
      {"投资5千万元", "50000000 - 5千万"},
      {"招聘3千人", "3000 - 3千"},
      {"长5千米", "5 - 5"},
      {"百分之六以上", "6 % 百分之六"},
      {"九成以上", "90 % 九成"},
      {"一百二十六万零五百八十二人", "1260582 - 一百二十六万零五百八十二"},
      {"新建一批项目", "1 - 一"},
      {"一些，一起，统一，万一，十分，一直，一体，唯一，一般", ""},
      {"“十四五”规划", ""},
      {"党的二十大", "20 - 二十"},
      {"七八个", ""},
      {"（一）总体要求", "1 - 一"},
      {"一、总体", "1 - 一"},
      {"第3,15条", "15 - 15"},
      {"共189,767,551人", "189767551 - 189,767,551"},
      {"PM2.5浓度", ""},
      {"5G基站", ""},
      {"COVID-19", ""},
      {"装机100MW", "100 - 100"},
      {"面积3km2", "3 - 3"},
      {"1.2.3节", ""},
      {"两千零五年", ""},
      {"一百万千瓦", "1000000 - 一百万"},
      {"万众一心", ""},
      {"一村一品", ""},
      {"增长１２．５％", "12.5 % １２．５％"},
      {"增长 3.5 %", "3.5 % 3.5 %"},
      {"3.5% 以上", "3.5 % 3.5%"},
      {"济南国际陆港贸易", ""},
      {"队伍建设", ""},
      {"二、三次产业", "2 - 二"},
      {"计划投资壹佰贰拾叁万元", "1230000 - 壹佰贰拾叁万"},
      {"22.3万户", "223000 - 22.3万"},
      {"1327.8 亿元", "132780000000 - 1327.8 亿"},
      {"41.58-1.2", "41.58 - 41.58; 1.2 - 1.2"},
      {"1-11月", ""},
      /* fuzz: NFKC of ㍢ is "10点"; the span takes the whole ㍢ */
      {"G點伍二㍢", "10 - ㍢"},
      {"0", "0 - 0"},
      {"-0", "0 - -0"},
      {"", ""},
  };
  char got[1024];
  for (size_t i = 0; i < N_ROWS(rows); i++) {
    gf_numbers *ns = NULL;
    int rc = gf_numbers_scan(rows[i].in, strlen(rows[i].in), 0, &ns, NULL);
    if (rc != GF_OK) fail_msg("row %zu \"%s\": rc %d", i, rows[i].in, rc);
    describe(rows[i].in, ns, got, sizeof got);
    if (strcmp(got, rows[i].expected) != 0)
      fail_msg("row %zu \"%s\": got \"%s\" want \"%s\"", i, rows[i].in, got,
               rows[i].expected);
    gf_numbers_free(ns);
  }
}

/* Styles that are numbers when they stand apart from Han text (a whole
 * line, between punctuation) but words or names inside it. */
static void test_numbers_scan_apart(void **state) {
  (void)state;
  static const scan_row rows[] = {
      {"壹", "1 - 壹"},
      {"贰", "2 - 贰"},
      {"拾", "10 - 拾"},
      {"叁", "3 - 叁"},
      {"（伍）", "5 - 伍"},
      {"合计：贰", "2 - 贰"},
      {"壹元整", "1 - 壹"},
      {"壹佰元整", "100 - 壹佰"},
      {"人民币叁仟零伍圆整", "3005 - 叁仟零伍"},
      {"大陆", ""},
      {"陆港", ""},
      {"大陆元首", ""},
      {"拾金不昧", ""},
      {"8拾", "8 - 8"},
      {"000伍000", "0 - 000; 0 - 000"},
      {"姓陆，", ""},
      {"负三", "-3 - 负三"},
      {"负十", "-10 - 负十"},
      {"（负一）", "-1 - 负一"},
      {"负贰", "-2 - 负贰"},
      {"正负三", ""},
      {"胜负三局", ""},
      {"三-〇", "3 - 三; 0 - 〇"},
      {"廿三", "23 - 廿三"},
      {"卅", "30 - 卅"},
      {"廿", "20 - 廿"},
      {"五卅运动", ""},
      {"三三", "33 - 三三"},
      {"七七", "77 - 七七"},
      {"七八", "78 - 七八"},
      {"负三三", "-33 - 负三三"},
      {"三三，四四", "33 - 三三; 44 - 四四"},
      {"五\n一\n", ""},
      {"五 一", ""},
      {"（三三）", "33 - 三三"},
      {"三五年", ""},
      {"他三三", ""},
      {"三三制", ""},
      {"“八五”普法", ""},
      {"两两", ""},
      {"一一", "11 - 一一"},
      {"贰叁", ""},
      {"三三3", "3 - 3"},
      {"A三三", ""},
      {"300万五千", "3005000 - 300万五千"},
      {"5亿零二千", "500002000 - 5亿零二千"},
      {"八亿零三千120", "800003120 - 八亿零三千120"},
      {"两千零25", "2025 - 两千零25"},
      {"三千25", "3025 - 三千25"},
      {"二十点75", "20.75 - 二十点75"},
      {"投资300万五千元", "3005000 - 300万五千"},
      {"百分之负二点五", "-2.5 % 百分之负二点五"},
      {"千分之负一", "-1 ‰ 千分之负一"},
      {"增速为百分之负二点五", "-2.5 % 百分之负二点五"},
      {"四分之一", "0.25 - 四分之一"},
      {"五分之二", "0.4 - 五分之二"},
      {"三分之一", "0.3333333333 - 三分之一"},
      {"约占三分之二以上", "0.6666666667 - 三分之二"},
      {"负四分之一", "-0.25 - 负四分之一"},
      {"万分之五", "5 ‱ 万分之五"},
      {"负零点五", "-0.5 - 负零点五"},
      {"负一九九八点五", "-1998.5 - 负一九九八点五"},
      {"下降负零点五个百分点", "-0.5 个百分点 负零点五个百分点"},
  };
  char got[1024];
  for (size_t i = 0; i < N_ROWS(rows); i++) {
    gf_numbers *ns = NULL;
    int rc = gf_numbers_scan(rows[i].in, strlen(rows[i].in), 0, &ns, NULL);
    if (rc != GF_OK) fail_msg("row %zu \"%s\": rc %d", i, rows[i].in, rc);
    describe(rows[i].in, ns, got, sizeof got);
    if (strcmp(got, rows[i].expected) != 0)
      fail_msg("row %zu \"%s\": got \"%s\" want \"%s\"", i, rows[i].in,
               got, rows[i].expected);
    gf_numbers_free(ns);
  }
}

static void test_numbers_scan_spans(void **state) {
  (void)state;
  const char *t = "增长5.2%，达到16.4亿元";
  gf_numbers *ns = NULL;
  assert_int_equal(gf_numbers_scan(t, strlen(t), 0, &ns, NULL), GF_OK);
  assert_int_equal(gf_numbers_count(ns), 2);
  const gf_number *a = gf_numbers_at(ns, 0), *b = gf_numbers_at(ns, 1);
  assert_int_equal(a->start, 6);
  assert_int_equal(a->end, 10);
  assert_string_equal(a->value, "5.2");
  assert_string_equal(a->unit, "%");
  assert_int_equal(b->start, 19);
  assert_int_equal(b->end, 26);
  assert_string_equal(b->value, "1640000000");
  assert_string_equal(b->unit, "");
  assert_null(gf_numbers_at(ns, 2));
  gf_numbers_free(ns);
}

static void test_numbers_scan_errors(void **state) {
  (void)state;
  gf_numbers *ns = (gf_numbers *)1;
  gf_error err;
  assert_int_equal(gf_numbers_scan(NULL, 3, 0, &ns, &err), GF_EINVAL);
  assert_null(ns);
  assert_int_equal(err.code, GF_EINVAL);
  assert_int_equal(gf_numbers_scan("1", 1, 0, NULL, NULL), GF_EINVAL);
  assert_int_equal(gf_numbers_scan("ab\xff" "1", 4, 0, &ns, &err),
                   GF_EUTF8);
  assert_null(ns);
  assert_int_equal(err.code, GF_EUTF8);
  assert_int_equal(err.offset, 2);
  assert_int_equal(gf_numbers_scan(NULL, 0, 0, &ns, NULL), GF_OK);
  assert_int_equal(gf_numbers_count(ns), 0);
  gf_numbers_free(ns);
  gf_numbers_free(NULL);
  assert_int_equal(gf_numbers_count(NULL), 0);
  assert_null(gf_numbers_at(NULL, 0));
}

static void test_numbers_scan_enomem(void **state) {
  (void)state;
  const char *t = "一是增长5.2%；二是1.2万亿元；三是百分之六，共三十个项目。";
  int ok = 0;
  for (unsigned long nth = 1; nth < 200 && !ok; nth++) {
    gf_numbers *ns = NULL;
    gf_error err;
    gf_alloc_fail_at(nth);
    int rc = gf_numbers_scan(t, strlen(t), 0, &ns, &err);
    gf_alloc_fail_at(0);
    if (rc == GF_OK) {
      assert_true(gf_numbers_count(ns) >= 4);
      ok = 1;
    } else {
      assert_int_equal(rc, GF_ENOMEM);
      assert_null(ns);
    }
    gf_numbers_free(ns);
  }
  assert_true(ok);
}

/* Pathological inputs finish quickly and report nothing odd. */
static void test_numbers_scan_long_runs(void **state) {
  (void)state;
  static char buf[200000];
  size_t o = 0;
  while (o + 3 < 60000) buf[o++] = '9';
  while (o + 3 < 120000) {
    memcpy(buf + o, "九", 3);
    o += 3;
  }
  while (o + 6 < sizeof buf) {
    memcpy(buf + o, "1,", 2);
    o += 2;
  }
  buf[o] = '\0';
  clock_t c0 = clock();
  gf_numbers *ns = NULL;
  assert_int_equal(gf_numbers_scan(buf, o, 0, &ns, NULL), GF_OK);
  double secs = (double)(clock() - c0) / CLOCKS_PER_SEC;
  assert_true(secs < 2.0);
  for (size_t i = 0; i < gf_numbers_count(ns); i++)
    assert_true(strlen(gf_numbers_at(ns, i)->value) < GF_NUM_MAX);
  gf_numbers_free(ns);
}

/* ---------------------------------------------------------------- round trip */

/* n written as people write it: style 0 Chinese (一万零一十), 1 大写
 * (壹萬零壹拾), 2 Arabic digits with the units (5万4千6百, 2千3百4十5). */
static void write_numeral(unsigned long long n, int style, char *out) {
  static const char *const dig[3][10] = {
      {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"},
      {"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"},
      {"零", "1", "2", "3", "4", "5", "6", "7", "8", "9"}};
  static const char *const unit[3][4] = {
      {"", "十", "百", "千"}, {"", "拾", "佰", "仟"}, {"", "十", "百", "千"}};
  static const char *const big[3][4] = {{"", "万", "亿", "万亿"},
                                        {"", "萬", "億", "萬億"},
                                        {"", "万", "亿", "万亿"}};
  out[0] = '\0';
  if (n == 0) {
    strcpy(out, dig[style][0]);
    return;
  }
  unsigned g[4];
  int ng = 0, started = 0, zero = 0;
  while (n) {
    g[ng++] = (unsigned)(n % 10000);
    n /= 10000;
  }
  for (int k = ng - 1; k >= 0; k--) {
    unsigned v = g[k], p10 = 1000;
    if (v == 0) {
      zero = started;
      continue;
    }
    if (started && v < 1000) zero = 1;
    for (int p = 3; p >= 0; p--, p10 /= 10) {
      unsigned d = v / p10 % 10;
      if (d == 0) {
        if (started) zero = 1;
        continue;
      }
      if (zero) strcat(out, dig[style][0]);
      zero = 0;
      /* 十五 at the start, not 一十五 */
      if (!(d == 1 && p == 1 && !started && style != 2))
        strcat(out, dig[style][d]);
      strcat(out, unit[style][p]);
      started = 1;
    }
    strcat(out, big[style][k]);
  }
}

/* Every style of numeral reads back as the number it was written from:
 * all of 0..12000, then a sweep of larger ones up to 10^16. */
static void test_numeral_round_trip(void **state) {
  (void)state;
  char text[512];
  unsigned long long n = 0, step = 1, bad = 0, tried = 0;
  while (n < 10000000000000000ULL) {
    for (int style = 0; style < 3; style++) {
      write_numeral(n, style, text);
      /* 5十, 3百, 5千 alone: the unit reader's (5千米, 3千人, 5千万元) */
      if (style == 2 && n < 10000 && strlen(text) == 4) continue;
      gf_numeral g;
      char want[32];
      snprintf(want, sizeof want, "%llu", n);
      tried++;
      if (!gf_numeral_read(text, strlen(text), &g) || g.len != strlen(text) ||
          strcmp(g.value, want) != 0) {
        if (bad++ < 10)
          print_error("%s: read %s of %zu bytes, want %s\n", text, g.value,
                      g.len, want);
      }
    }
    if (n >= 12000) step = step * 3 + 7;
    n += step;
  }
  if (bad) fail_msg("%llu of %llu numerals read otherwise", bad, tried);
}

/* ---------------------------------------------------------------- table */

/* tests/data/numerals.tsv: input, value, unit, bound; "-" for none, "|"
 * between the numbers of one input.  Every failing row is named by its
 * line; the file must hold at least 300 cases. */
static void join_field(const char *text, const gf_numbers *ns, int field,
                       char *out, size_t cap) {
  size_t n = gf_numbers_count(ns), o = 0;
  out[0] = '\0';
  (void)text;
  if (n == 0) {
    snprintf(out, cap, "-");
    return;
  }
  for (size_t i = 0; i < n && o < cap; i++) {
    const gf_number *x = gf_numbers_at(ns, i);
    const char *v = field == 0 ? x->value : field == 1 ? x->unit : x->bound;
    o += (size_t)snprintf(out + o, cap - o, "%s%s", i ? "|" : "",
                          v[0] ? v : "-");
  }
}

static void test_numerals_table(void **state) {
  (void)state;
  const char *path = GF_SRCDIR "/tests/data/numerals.tsv";
  FILE *f = fopen(path, "r");
  if (!f) fail_msg("%s: cannot open", path);
  char line[2048];
  unsigned lineno = 0, cases = 0, bad = 0;
  while (fgets(line, sizeof line, f)) {
    lineno++;
    size_t len = strcspn(line, "\r\n");
    line[len] = '\0';
    if (len == 0 || line[0] == '#') continue;
    char *col[4] = {line, NULL, NULL, NULL};
    for (int k = 1; k < 4; k++) {
      char *tab = col[k - 1] ? strchr(col[k - 1], '\t') : NULL;
      if (!tab) break;
      *tab = '\0';
      col[k] = tab + 1;
    }
    if (!col[3]) {
      print_error("%s:%u: not 4 columns\n", path, lineno);
      bad++;
      continue;
    }
    cases++;
    gf_numbers *ns = NULL;
    if (gf_numbers_scan(col[0], strlen(col[0]), 0, &ns, NULL) != GF_OK) {
      print_error("%s:%u: %s: scan failed\n", path, lineno, col[0]);
      bad++;
      continue;
    }
    char got[3][512];
    for (int k = 0; k < 3; k++) join_field(col[0], ns, k, got[k], 512);
    /* with no number the unit and bound columns say "-" too */
    int none = strcmp(col[1], "-") == 0;
    if (strcmp(got[0], col[1]) != 0 ||
        (!none && (strcmp(got[1], col[2]) != 0 ||
                   strcmp(got[2], col[3]) != 0))) {
      print_error("%s:%u: %s: got %s %s %s, want %s %s %s\n", path, lineno,
                  col[0], got[0], got[1], got[2], col[1], col[2], col[3]);
      bad++;
    }
    gf_numbers_free(ns);
  }
  fclose(f);
  if (cases < 300) fail_msg("%s: %u cases, want at least 300", path, cases);
  if (bad) fail_msg("%s: %u of %u cases fail", path, bad, cases);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_numeral_arabic),
      cmocka_unit_test(test_numeral_chinese),
      cmocka_unit_test(test_numeral_daxie),
      cmocka_unit_test(test_numeral_percent_forms),
      cmocka_unit_test(test_numeral_traps),
      cmocka_unit_test(test_numeral_mixed_styles),
      cmocka_unit_test(test_numeral_fractions),
      cmocka_unit_test(test_numeral_long_runs),
      cmocka_unit_test(test_numeral_parse_table),
      cmocka_unit_test(test_numeral_parse_errors),
      cmocka_unit_test(test_decimal_shift_table),
      cmocka_unit_test(test_decimal_canon_table),
      cmocka_unit_test(test_numbers_scan_table),
      cmocka_unit_test(test_numbers_scan_apart),
      cmocka_unit_test(test_numbers_scan_spans),
      cmocka_unit_test(test_numbers_scan_errors),
      cmocka_unit_test(test_numbers_scan_enomem),
      cmocka_unit_test(test_numbers_scan_long_runs),
      cmocka_unit_test(test_numeral_round_trip),
      cmocka_unit_test(test_numerals_table),
  };
  return cmocka_run_group_tests_name("numerals", tests, NULL, NULL);
}
