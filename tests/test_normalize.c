/* test_normalize.c - normalize/text.c: NFKC with the kept CJK punctuation,
 * radical look-alikes, whitespace rules, invalid UTF-8 and the offset map
 * that lets every record point back into the page text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "include/govfig.h"
#include "normalize/normalize.h"

typedef struct norm_row {
  const char *in;
  size_t len;       /* 0: strlen(in) */
  const char *want;
} norm_row;

static const norm_row norm_rows[] = {
    /* full-width digits, letters and the punctuation that becomes ASCII */
    {"１３２７．８", 0, "1327.8"},
    {"增长４．８％", 0, "增长4.8%"},
    {"ＧＤＰ", 0, "GDP"},
    {"ａｂｃ", 0, "abc"},
    {"＋５．２％", 0, "+5.2%"},
    {"－３", 0, "-3"},
    {"１／２", 0, "1/2"},
    /* CJK punctuation stays full-width: sentences and headings split on it */
    {"一、（一）总体要求", 0, "一、（一）总体要求"},
    {"经济，社会：发展；好！是吗？。", 0, "经济，社会：发展；好！是吗？。"},
    {"３～５年", 0, "3～5年"},
    /* Kangxi radicals (NFKC) */
    {"⼀⼈⼤", 0, "一人大"},
    {"⼯业⽣产", 0, "工业生产"},
    /* CJK Radicals Supplement look-alikes (our table) */
    {"⻓江", 0, "长江"},
    {"⻔户", 0, "门户"},
    {"⻋⻅⻛⻚⻢", 0, "车见风页马"},
    {"⻩⻨⻜⻥⻦⻧⻮⻬⻰⻳", 0, "黄麦飞鱼鸟卤齿齐龙龟"},
    {"⺠⻘⻝⻣⻆⻉⺟", 0, "民青食骨角贝母"},
    {"⻈", 0, "⻈"}, /* component only: kept */
    /* whitespace next to non-alphanumerics is layout: removed */
    {"２０２３　年", 0, "2023年"},
    {"2023 年", 0, "2023年"},
    {"增长 4.8%", 0, "增长4.8%"},
    {"社\n会", 0, "社会"},
    {"第 二 产 业", 0, "第二产业"},
    {"1.5 万亿元", 0, "1.5万亿元"},
    {"（ 一 ）", 0, "（一）"},
    {"年\xC2\xA0增长", 0, "年增长"},
    {"社\xE2\x80\xA8会", 0, "社会"},
    {"4.8 %", 0, "4.8%"},
    {"增长\xE2\x80\x83" "4.8%", 0, "增长4.8%"}, /* em space */
    {"a\xC2\x85" "b", 0, "a b"},                 /* NEL */
    /* ... and between ASCII letters/digits folded to one space */
    {"ABC class", 0, "ABC class"},
    {"3 15", 0, "3 15"},
    {"3  \t\n 15", 0, "3 15"},
    {"a\r\nb", 0, "a b"},
    {"A\xE3\x80\x80" "B", 0, "A B"},
    {"1\xC2\xA0" "2", 0, "1 2"},
    {"ｘ　ｙ", 0, "x y"},
    /* leading and trailing whitespace, empty input */
    {"  前后  ", 0, "前后"},
    {"\n\n\t ", 0, ""},
    {"", 0, ""},
    /* invisible characters */
    {"社\xE2\x80\x8B会", 0, "社会"},
    {"\xEF\xBB\xBF报告", 0, "报告"},
    {"A\xC2\xAD" "B", 0, "AB"},
    {"A\xE2\x80\x8B B", 0, "A B"},
    {"葛\xF3\xA0\x84\x80城", 0, "葛城"},
    /* zero forms and dashes that readers rely on are kept */
    {"二○二三年", 0, "二○二三年"},
    {"二〇二三年", 0, "二〇二三年"},
    {"2020—2025年", 0, "2020—2025年"},
    {"2020–2025", 0, "2020–2025"},
    {"3―5", 0, "3―5"},
    {"3〜5", 0, "3〜5"},
    /* CJK presentation forms go to the full-width form, not ASCII */
    {"㈠", 0, "（一）"},
    {"﹐", 0, "，"},
    {"︵", 0, "（"},
    /* other NFKC */
    {"豈", 0, "豈"},
    {"①", 0, "1"},
    {"ｶ", 0, "カ"},
    {"㎡", 0, "m2"},
    {"´", 0, "´"}, /* spacing accent: no space from a non-space */
    {"한국", 0, "한국"},
    {"\xF0\xA0\x80\x80\xE3\x90\x80", 0, "\xF0\xA0\x80\x80\xE3\x90\x80"},
    {"café", 0, "café"},
    /* format characters and controls are neither text nor a word break
     * (issue 16): 13<NUL>27.8 is one number */
    {"a\0b", 3, "ab"},
    {"13\x00" "27.8", 7, "1327.8"},
    {"6\xE2\x80\x8E%", 0, "6%"},                      /* LRM */
    {"3\xE2\x80\x8B" "4%", 0, "34%"},                 /* ZWSP */
    {"\xE2\x81\xA6\xEF\xBC\x91\xEF\xBC\x92\xE2\x81\xA9%", 0,
     "12%"},                                          /* LRI １２ PDI */
    {"\xE2\x80\xAE" "abc\xE2\x80\xAC", 0, "abc"},    /* RLO PDF */
    {"\xD8\x9C" "5", 0, "5"},                          /* ALM */
    {"a\x01\x1F\x7F" "b", 0, "ab"},                   /* C0, DEL */
    {"a\xC2\x9B" "b", 0, "ab"},                        /* C1 CSI */
    {"a\tb", 0, "a b"},
};

static size_t row_len(const norm_row *r) {
  return r->len ? r->len : strlen(r->in);
}

static size_t want_len(const norm_row *r) { return strlen(r->want); }

static int is_cont(unsigned char c) { return (c & 0xC0) == 0x80; }

/* The provenance contract for one normalization: map has out_len + 1
 * entries ending in len, never decreases, points at character starts, and
 * re-normalizing the source span of any output character gives it back. */
static void check_map(size_t row, const char *src, size_t len,
                      const char *out, size_t out_len,
                      const size_t *map) {
  if (map[out_len] != len) fail_msg("row %zu: map[out_len] != len", row);
  for (size_t i = 0; i < out_len; i++) {
    if (map[i] > map[i + 1]) fail_msg("row %zu: map decreases at %zu", row, i);
    if (map[i] >= len) fail_msg("row %zu: map[%zu] past the end", row, i);
    if (is_cont((unsigned char)src[map[i]]))
      fail_msg("row %zu: map[%zu] inside a character", row, i);
  }
  size_t a = 0;
  while (a < out_len) {
    size_t b = a + 1;
    while (b < out_len && is_cont((unsigned char)out[b])) b++;
    for (size_t k = a; k < b; k++)
      if (map[k] != map[a])
        fail_msg("row %zu: bytes of output char at %zu differ", row, a);
    /* One source character may give several output characters (㈠). */
    while (b < out_len && map[b] == map[a]) b++;
    if (out[a] != ' ') {
      char *o2;
      size_t n2;
      int rc = gf_text_normalize(src + map[a], map[b] - map[a], &o2, &n2,
                                 NULL);
      if (rc != GF_OK || n2 != b - a || memcmp(o2, out + a, n2) != 0)
        fail_msg("row %zu: source span of output [%zu,%zu) does not "
                 "normalize back", row, a, b);
      gf_free(o2);
    }
    a = b;
  }
}

/* gf_format_strip: in place, one kept flag per source character (glyph
 * boxes follow them), the count of characters dropped. */
static void test_normalize_format_strip(void **state) {
  (void)state;
  char s[] = "1\xE2\x80\x8E" "2\x00" "3\t\xE6\x88\x90\xEF\xBB\xBF\n";
  size_t len = sizeof s - 1, removed = 9;
  unsigned char kept[sizeof s];
  size_t n = gf_format_strip(s, len, kept, &removed);
  assert_int_equal(n, 8);
  assert_memory_equal(s, "123 \xE6\x88\x90\n", 9);
  assert_int_equal(removed, 3);
  static const unsigned char want[] = {1, 0, 1, 0, 1, 1, 1, 0, 1};
  assert_memory_equal(kept, want, sizeof want);
  /* not UTF-8: left for the caller */
  char bad[] = "a\xFF" "b";
  assert_int_equal(gf_format_strip(bad, 3, NULL, NULL), 3);
  assert_int_equal(gf_format_char(0x202E), GF_FMT_DROP);
  assert_int_equal(gf_format_char(0x2066), GF_FMT_DROP);
  assert_int_equal(gf_format_char(0x061C), GF_FMT_DROP);
  assert_int_equal(gf_format_char(0xE0001), GF_FMT_DROP); /* tag */
  assert_int_equal(gf_format_char(0x2028), GF_FMT_KEEP);  /* Zl */
  assert_int_equal(gf_format_char(0x4E00), GF_FMT_KEEP);
  assert_int_equal(gf_format_char('\n'), GF_FMT_KEEP);
  assert_int_equal(gf_format_char(0x85), GF_FMT_SPACE);
}

static void test_normalize_table(void **state) {
  (void)state;
  for (size_t r = 0; r < sizeof norm_rows / sizeof norm_rows[0]; r++) {
    const norm_row *row = &norm_rows[r];
    size_t len = row_len(row);
    char *out;
    size_t out_len;
    size_t *map;
    int rc = gf_text_normalize(row->in, len, &out, &out_len, &map);
    if (rc != GF_OK) fail_msg("row %zu: rc %d", r, rc);
    if (out_len != want_len(row) || memcmp(out, row->want, out_len) != 0)
      fail_msg("row %zu: got \"%s\" want \"%s\"", r, out, row->want);
    if (out[out_len] != '\0') fail_msg("row %zu: not NUL-terminated", r);
    check_map(r, row->in, len, out, out_len, map);
    gf_free(out);
    gf_free(map);
  }
}

/* Invalid UTF-8 is an error, with the out-parameters cleared. */
static const norm_row bad_rows[] = {
    {"\xC0\xAF", 0, NULL},         /* overlong '/' */
    {"\xE0\x80\xAF", 0, NULL},     /* overlong, 3 bytes */
    {"\xED\xA0\x80", 0, NULL},     /* surrogate */
    {"增\xE4\xB8", 0, NULL},       /* truncated at the end */
    {"\xE4\xB8" "a", 0, NULL},     /* truncated mid-text */
    {"\xF4\x90\x80\x80", 0, NULL}, /* past U+10FFFF */
    {"\xF5\x80\x80\x80", 0, NULL},
    {"abc\x80", 0, NULL},          /* stray continuation */
    {"\xFF", 0, NULL},
    {"  \xFE  ", 0, NULL},
};

static void test_normalize_invalid_utf8(void **state) {
  (void)state;
  for (size_t r = 0; r < sizeof bad_rows / sizeof bad_rows[0]; r++) {
    char *out = (char *)1;
    size_t out_len = 7;
    size_t *map = (size_t *)1;
    int rc = gf_text_normalize(bad_rows[r].in, row_len(&bad_rows[r]), &out,
                               &out_len, &map);
    if (rc != GF_EUTF8 || out || out_len || map)
      fail_msg("row %zu: rc %d, out-parameters not cleared", r, rc);
    out = (char *)1;
    rc = gf_normalize(bad_rows[r].in, row_len(&bad_rows[r]), &out, &out_len);
    if (rc != GF_EUTF8 || out) fail_msg("row %zu: gf_normalize rc %d", r, rc);
  }
}

/* Exact maps for a few inputs. */
typedef struct map_row {
  const char *in;
  const char *want;
  size_t map[16];
} map_row;

static const map_row map_rows[] = {
    {"２０２３ 年", "2023年", {0, 3, 6, 9, 13, 13, 13, 16}},
    {"a  b", "a b", {0, 1, 3, 4}},
    {"第 二", "第二", {0, 0, 0, 4, 4, 4, 7}},
    {"⻓江", "长江", {0, 0, 0, 3, 3, 3, 6}},
    {"㈠x", "（一）x", {0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 4}},
    {"\xE2\x80\x8B" "1", "1", {3, 4}},
    {" 4.8％ ", "4.8%", {1, 2, 3, 4, 8}},
    {"", "", {0}},
};

static void test_normalize_map_exact(void **state) {
  (void)state;
  for (size_t r = 0; r < sizeof map_rows / sizeof map_rows[0]; r++) {
    const map_row *row = &map_rows[r];
    char *out;
    size_t out_len;
    size_t *map;
    int rc = gf_text_normalize(row->in, strlen(row->in), &out, &out_len,
                               &map);
    if (rc != GF_OK || strcmp(out, row->want) != 0)
      fail_msg("row %zu: rc %d out \"%s\"", r, rc, out ? out : "");
    for (size_t i = 0; i <= out_len; i++)
      if (map[i] != row->map[i])
        fail_msg("row %zu: map[%zu] = %zu, want %zu", r, i, map[i],
                 row->map[i]);
    gf_free(out);
    gf_free(map);
  }
}

static void test_normalize_public_and_args(void **state) {
  (void)state;
  char *out;
  size_t out_len;
  assert_int_equal(gf_normalize("１３２７．８ 亿元", 25, &out, &out_len),
                   GF_OK);
  assert_string_equal(out, "1327.8亿元");
  assert_int_equal(out_len, 12);
  gf_free(out);
  assert_int_equal(gf_normalize(NULL, 0, &out, &out_len), GF_OK);
  assert_string_equal(out, "");
  gf_free(out);
  assert_int_equal(gf_normalize(NULL, 3, &out, &out_len), GF_EINVAL);
  assert_null(out);
  assert_int_equal(gf_normalize("a", 1, NULL, &out_len), GF_EINVAL);
  assert_int_equal(gf_normalize("a", 1, &out, NULL), GF_EINVAL);
  assert_null(out);
}

/* Every allocation failure is a clean GF_ENOMEM (leaks show under ASan).
 * ﷺ expands to 18 code points, so the buffers have to grow. */
static void test_normalize_enomem(void **state) {
  (void)state;
  const char *in = "增长 ﷺﷺﷺﷺﷺﷺﷺﷺ 4.8%";
  int saw_ok = 0;
  for (unsigned long n = 1; n < 20 && !saw_ok; n++) {
    char *out;
    size_t out_len;
    size_t *map;
    gf_alloc_fail_at(n);
    int rc = gf_text_normalize(in, strlen(in), &out, &out_len, &map);
    gf_alloc_fail_at(0);
    if (rc == GF_OK) {
      saw_ok = 1;
      gf_free(out);
      gf_free(map);
    } else {
      assert_int_equal(rc, GF_ENOMEM);
      assert_null(out);
      assert_null(map);
    }
  }
  assert_true(saw_ok);
}

/* Linear time on long whitespace and invisible runs, and a throughput floor
 * generous enough for sanitizer builds. */
static void test_normalize_long_input(void **state) {
  (void)state;
  const char *unit = "全年地区生产总值 １３２７．８ 亿元，增长 4.8%。\n"
                     "\xE2\x80\x8B   \xE3\x80\x80 ABC class ";
  size_t ul = strlen(unit), n = (4u << 20) / ul, len = n * ul + (1u << 20);
  char *src = malloc(len);
  assert_non_null(src);
  for (size_t i = 0; i < n; i++) memcpy(src + i * ul, unit, ul);
  memset(src + n * ul, ' ', 1u << 20);
  clock_t t0 = clock();
  char *out;
  size_t out_len;
  size_t *map;
  assert_int_equal(gf_text_normalize(src, len, &out, &out_len, &map), GF_OK);
  double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
  assert_true(secs < 5.0);
  assert_int_equal(map[out_len], len);
  gf_free(out);
  gf_free(map);
  free(src);
}

typedef struct dec_row {
  const char *s;
  size_t len;
  size_t want;     /* bytes, 0 = invalid */
  int32_t cp;
} dec_row;

static const dec_row dec_rows[] = {
    {"A", 1, 1, 'A'},
    {"\xC3\xA9", 2, 2, 0xE9},
    {"中", 3, 3, 0x4E2D},
    {"\xF0\xA0\x80\x80", 4, 4, 0x20000},
    {"\xF4\x8F\xBF\xBF", 4, 4, 0x10FFFF},
    {"中x", 4, 3, 0x4E2D},
    {"", 0, 0, 0},
    {"\xC0\x80", 2, 0, 0},
    {"\xE0\x9F\xBF", 3, 0, 0},
    {"\xED\xBF\xBF", 3, 0, 0},
    {"\xF4\x90\x80\x80", 4, 0, 0},
    {"\xE4\xB8\xAD", 2, 0, 0}, /* length says truncated */
    {"\x80", 1, 0, 0},
    {"\xE4\x41\xAD", 3, 0, 0},
};

static void test_normalize_utf8_decode(void **state) {
  (void)state;
  for (size_t r = 0; r < sizeof dec_rows / sizeof dec_rows[0]; r++) {
    int32_t cp = -1;
    size_t n = gf_utf8_decode(dec_rows[r].s, dec_rows[r].len, &cp);
    if (n != dec_rows[r].want || (n && cp != dec_rows[r].cp))
      fail_msg("row %zu: got %zu U+%04X", r, n, (unsigned)cp);
  }
}

static void test_normalize_is_han(void **state) {
  (void)state;
  static const struct {
    int32_t cp;
    int want;
  } rows[] = {
      {0x4E00, 1}, {0x9FFF, 1}, {0x957F, 1},  {0x3400, 1},  {0x20000, 1},
      {0x2A700, 1}, {0x30000, 1}, {0xF900, 1}, {0x2F800, 1}, {0x3007, 1},
      {'A', 0},    {0x3002, 0}, {0xFF10, 0},  {0x2F00, 0},  {0x2ED3, 0},
      {0x25CB, 0}, {0xAC00, 0}, {0x3000, 0},  {-1, 0},      {0x110000, 0},
  };
  for (size_t r = 0; r < sizeof rows / sizeof rows[0]; r++)
    if (!gf_is_han(rows[r].cp) != !rows[r].want)
      fail_msg("row %zu: U+%04X", r, (unsigned)rows[r].cp);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_normalize_table),
      cmocka_unit_test(test_normalize_format_strip),
      cmocka_unit_test(test_normalize_invalid_utf8),
      cmocka_unit_test(test_normalize_map_exact),
      cmocka_unit_test(test_normalize_public_and_args),
      cmocka_unit_test(test_normalize_enomem),
      cmocka_unit_test(test_normalize_long_input),
      cmocka_unit_test(test_normalize_utf8_decode),
      cmocka_unit_test(test_normalize_is_han),
  };
  return cmocka_run_group_tests_name("normalize", tests, NULL, NULL);
}
