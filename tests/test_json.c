/* test_json.c - export/json.c: numbers written from their exact decimal
 * text (never through a double), what is not a JSON number kept a string,
 * empty cells as null, string escapes (quote, backslash, every control
 * character, U+2028 and U+2029, UTF-8 passed through), the figure, parcel,
 * table and document writers (one line per row, the CSV's column names in
 * order) and write errors (/dev/full). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "export/export.h"
#include "include/govfig.h"

#define COUNT(a) (sizeof(a) / sizeof *(a))

static char *row_json(const char *name, int type, const char *cell) {
  const char *const cols[] = {name, NULL};
  const unsigned char types[] = {(unsigned char)type};
  const gf_record rec = {"t", cols, types, 1};
  char *p = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&p, &len);
  assert_non_null(f);
  const char *cells[] = {cell};
  assert_int_equal(gf_jsonl_write_row(f, &rec, cells), GF_OK);
  assert_int_equal(fclose(f), 0);
  return p;
}

typedef struct json_case {
  int type;
  const char *cell;
  const char *want; /* the object written, without its "\n" */
} json_case;

static void test_json_cells(void **state) {
  (void)state;
  static const json_case cases[] = {
      {GF_COL_DEC, "1640000000", "{\"v\":1640000000}"},
      {GF_COL_DEC, "132780000000", "{\"v\":132780000000}"},
      {GF_COL_DEC, "0.1", "{\"v\":0.1}"},
      {GF_COL_DEC, "-3", "{\"v\":-3}"},
      {GF_COL_DEC, "1327.80", "{\"v\":1327.80}"},
      {GF_COL_DEC, "123456789012345678901234567890.5",
       "{\"v\":123456789012345678901234567890.5}"},
      {GF_COL_INT, "0", "{\"v\":0}"},
      {GF_COL_REAL, "616.38", "{\"v\":616.38}"},
      /* not JSON numbers: kept as strings */
      {GF_COL_DEC, "05", "{\"v\":\"05\"}"},
      {GF_COL_DEC, "1e3", "{\"v\":\"1e3\"}"},
      {GF_COL_DEC, "1.", "{\"v\":\"1.\"}"},
      {GF_COL_DEC, "-", "{\"v\":\"-\"}"},
      {GF_COL_INT, "abc", "{\"v\":\"abc\"}"},
      /* empty: null, whatever the type */
      {GF_COL_DEC, "", "{\"v\":null}"},
      {GF_COL_TEXT, "", "{\"v\":null}"},
      {GF_COL_TEXT, NULL, "{\"v\":null}"},
      /* a number in a text column stays text */
      {GF_COL_TEXT, "2023", "{\"v\":\"2023\"}"},
      {GF_COL_TEXT, "地区生产总值", "{\"v\":\"地区生产总值\"}"},
      {GF_COL_TEXT, "say \"hi\" \\ bye", "{\"v\":\"say \\\"hi\\\" \\\\ bye\"}"},
      {GF_COL_TEXT, "a\nb\rc\td\be\ff", "{\"v\":\"a\\nb\\rc\\td\\be\\ff\"}"},
      {GF_COL_TEXT, "\x01\x1f\x7f", "{\"v\":\"\\u0001\\u001f\x7f\"}"},
      {GF_COL_TEXT, "x\xE2\x80\xA8y\xE2\x80\xA9z",
       "{\"v\":\"x\\u2028y\\u2029z\"}"},
      {GF_COL_TEXT, "=SUM(A1)", "{\"v\":\"=SUM(A1)\"}"}, /* no guard */
      {GF_COL_TEXT, "bad\xFF" "byte", "{\"v\":\"bad\\ufffdbyte\"}"},
  };
  for (size_t i = 0; i < COUNT(cases); i++) {
    char *got = row_json("v", cases[i].type, cases[i].cell);
    size_t n = strlen(got);
    assert_true(n > 0 && got[n - 1] == '\n');
    got[n - 1] = '\0';
    if (strcmp(got, cases[i].want) != 0)
      fail_msg("case %zu: got %s, want %s", i, got, cases[i].want);
    free(got);
  }
}

static void test_json_key_escaped(void **state) {
  (void)state;
  char *got = row_json("a\"b", GF_COL_TEXT, "x");
  assert_string_equal(got, "{\"a\\\"b\":\"x\"}\n");
  free(got);
}

static size_t count_lines(const char *p) {
  size_t n = 0;
  for (; *p; p++) n += *p == '\n';
  return n;
}

static void test_json_figures_rows(void **state) {
  (void)state;
  static const char text[] =
      "2023年国民经济和社会发展计划执行情况与2024年计划草案的报告\n"
      "一、2023年计划执行情况\n"
      "全区实现地区生产总值1327.8亿元，同比增长6%，"
      "新增市场主体22.3万户。\n";
  gf_doc *doc = NULL;
  gf_figures *figs = NULL;
  assert_int_equal(gf_doc_open_text("t.txt", text, strlen(text), &doc, NULL),
                   GF_OK);
  assert_int_equal(gf_figures_extract(doc, 0, &figs, NULL), GF_OK);
  assert_true(gf_figures_count(figs) >= 3);
  char *p = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&p, &len);
  assert_non_null(f);
  assert_int_equal(gf_figures_write_jsonl(figs, f), GF_OK);
  assert_int_equal(fclose(f), 0);
  assert_int_equal(count_lines(p), gf_figures_count(figs));
  /* every column, in the CSV's order, in the first object */
  const char *const *cols = gf_figures_columns();
  const char *at = p;
  for (size_t i = 0; cols[i]; i++) {
    char key[40];
    snprintf(key, sizeof key, "%s\"%s\":", i ? "," : "{", cols[i]);
    const char *k = strstr(at, key);
    if (!k || k > strchr(p, '\n')) fail_msg("column %s missing", cols[i]);
    at = k;
  }
  assert_non_null(strstr(p, "\"value\":1327.8,"));
  assert_non_null(strstr(p, "\"base_value\":132780000000,"));
  assert_non_null(strstr(p, "\"comparison\":null,"));
  assert_non_null(strstr(p, "\"x0\":null,")); /* text: no box */
  free(p);

  gf_document d;
  gf_document_of(doc, figs, &d);
  assert_string_equal(d.report, "plan");
  assert_int_equal(d.year_actual, 2023);
  assert_int_equal(d.year_target, 2024);
  assert_int_equal(strlen(d.sha256), 64);
  f = open_memstream(&p, &len);
  assert_non_null(f);
  assert_int_equal(gf_documents_write_jsonl(&d, 1, f), GF_OK);
  assert_int_equal(fclose(f), 0);
  char want[256];
  snprintf(want, sizeof want,
           "{\"doc\":\"t.txt\",\"sha256\":\"%s\",\"pages\":1,"
           "\"report\":\"plan\",\"year_actual\":2023,"
           "\"year_target\":2024}\n",
           d.sha256);
  assert_string_equal(p, want);
  free(p);

  FILE *full = fopen("/dev/full", "w");
  if (full) {
    assert_int_equal(gf_figures_write_jsonl(figs, full), GF_EIO);
    fclose(full);
  }
  assert_int_equal(gf_figures_write_jsonl(NULL, stdout), GF_EINVAL);
  assert_int_equal(gf_parcels_write_jsonl(NULL, stdout), GF_EINVAL);
  assert_int_equal(gf_tables_write_jsonl(NULL, stdout), GF_EINVAL);
  gf_figures_free(figs);
  gf_doc_free(doc);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_json_cells),
      cmocka_unit_test(test_json_key_escaped),
      cmocka_unit_test(test_json_figures_rows),
  };
  return cmocka_run_group_tests_name("json", tests, NULL, NULL);
}
