/* test_csv.c - export/csv.c: the RFC 4180 row writer (quoting, CRLF, the
 * formula guard on text but never on numbers), the figures.csv columns of
 * spec/records.md, the CSV reader used by `govfig check` (BOM, CRLF, quoted
 * line ends and the line numbers they shift) and write errors (/dev/full). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "export/export.h"
#include "include/govfig.h"

#define COUNT(a) (sizeof(a) / sizeof *(a))
#define MAX_CELLS 4

/* Writes one row with gf_csv_write_row into memory; returns the bytes
 * (free()) and the status in *rc. */
static char *write_row(const char *const *cells, size_t n,
                       const unsigned char *numeric, unsigned opts, int *rc) {
  char *p = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&p, &len);
  assert_non_null(f);
  *rc = gf_csv_write_row(f, cells, n, numeric, opts);
  assert_int_equal(fclose(f), 0);
  return p;
}

/* ------------------------------------------------------------- writer */

typedef struct row_case {
  const char *cells[MAX_CELLS];
  size_t n;
  unsigned char numeric[MAX_CELLS];
  unsigned opts;
  const char *want;
} row_case;

static void run_row_cases(const row_case *cases, size_t n_cases) {
  for (size_t i = 0; i < n_cases; i++) {
    const row_case *c = &cases[i];
    int rc;
    char *got = write_row(c->cells, c->n, c->numeric, c->opts, &rc);
    if (rc != GF_OK || strcmp(got, c->want) != 0)
      fail_msg("row case %zu: got rc %d \"%s\", want \"%s\"", i, rc, got,
               c->want);
    free(got);
  }
}

static void test_csv_quoting(void **state) {
  (void)state;
  static const row_case cases[] = {
      {{"a", "b", "c"}, 3, {0}, 0, "a,b,c\r\n"},
      {{"地区生产总值", "1327.8 亿元"}, 2, {0}, 0,
       "地区生产总值,1327.8 亿元\r\n"},
      {{"a,b"}, 1, {0}, 0, "\"a,b\"\r\n"},
      {{"a\rb"}, 1, {0}, 0, "\"a\rb\"\r\n"},
      {{" a"}, 1, {0}, 0, "\" a\"\r\n"},
      {{"a "}, 1, {0}, 0, "\"a \"\r\n"},
      {{"a\t"}, 1, {0}, 0, "\"a\t\"\r\n"},
      {{"", ""}, 2, {0}, 0, ",\r\n"},
      {{NULL, "x"}, 2, {0}, 0, ",x\r\n"},
      {{""}, 1, {0}, 0, "\r\n"},
      {{"x"}, 0, {0}, 0, "\r\n"},
  };
  run_row_cases(cases, COUNT(cases));
}

static void test_csv_embedded_quote(void **state) {
  (void)state;
  static const row_case cases[] = {
      {{"say \"hi\""}, 1, {0}, 0, "\"say \"\"hi\"\"\"\r\n"},
      {{"\""}, 1, {0}, 0, "\"\"\"\"\r\n"},
      {{"“项目落地”三大", "\"\"x"}, 2, {0}, 0,
       "“项目落地”三大,\"\"\"\"\"x\"\r\n"},
  };
  run_row_cases(cases, COUNT(cases));
}

static void test_csv_embedded_newline_comma(void **state) {
  (void)state;
  static const row_case cases[] = {
      {{"l1\nl2", "z"}, 2, {0}, 0, "\"l1\nl2\",z\r\n"},
      {{"l1\r\nl2"}, 1, {0}, 0, "\"l1\r\nl2\"\r\n"},
      {{"增长5%，6%", "a\n,\"b"}, 2, {0}, 0,
       "增长5%，6%,\"a\n,\"\"b\"\r\n"},
  };
  run_row_cases(cases, COUNT(cases));
}

static void test_csv_formula_guard(void **state) {
  (void)state;
  static const row_case cases[] = {
      {{"=SUM(A1)"}, 1, {0}, 0, "'=SUM(A1)\r\n"},
      {{"+1", "-x", "@a"}, 3, {0}, 0, "'+1,'-x,'@a\r\n"},
      {{"\tx"}, 1, {0}, 0, "'\tx\r\n"},
      {{"\rx"}, 1, {0}, 0, "\"'\rx\"\r\n"},
      {{"=a,b"}, 1, {0}, 0, "\"'=a,b\"\r\n"},
      {{"-3"}, 1, {0}, 0, "'-3\r\n"},          /* text: guarded */
      {{"'abc", "'"}, 2, {0}, 0, "''abc,''\r\n"}, /* the guard char itself */
      {{"a=b", "x-"}, 2, {0}, 0, "a=b,x-\r\n"},
      /* numeric columns: decimals are never guarded */
      {{"-3", "1327.8", "-0.5", "132780000000"}, 4, {1, 1, 1, 1}, 0,
       "-3,1327.8,-0.5,132780000000\r\n"},
      {{"-3", "-3"}, 2, {1, 0}, 0, "-3,'-3\r\n"},
      {{"", "2023"}, 2, {1, 1}, 0, ",2023\r\n"},
      /* ... but a numeric column holding something else is text */
      {{"=1+1", "-", "-1.", "+3"}, 4, {1, 1, 1, 1}, 0,
       "'=1+1,'-,'-1.,'+3\r\n"},
  };
  run_row_cases(cases, COUNT(cases));
}

static void test_csv_guard_disabled(void **state) {
  (void)state;
  static const row_case cases[] = {
      {{"=SUM(A1)", "-3"}, 2, {0}, GF_OPT_NO_GUARD, "=SUM(A1),-3\r\n"},
      {{"'abc", "@a"}, 2, {0}, GF_OPT_NO_GUARD, "'abc,@a\r\n"},
      {{"=a,b"}, 1, {0}, GF_OPT_NO_GUARD, "\"=a,b\"\r\n"},
      {{"\tx"}, 1, {0}, GF_OPT_NO_GUARD, "\"\tx\"\r\n"},
  };
  run_row_cases(cases, COUNT(cases));
}

static void test_csv_write_row_invalid(void **state) {
  (void)state;
  const char *cells[] = {"a"};
  assert_int_equal(gf_csv_write_row(NULL, cells, 1, NULL, 0), GF_EINVAL);
  FILE *f = fopen("/dev/null", "w");
  assert_non_null(f);
  assert_int_equal(gf_csv_write_row(f, NULL, 1, NULL, 0), GF_EINVAL);
  assert_int_equal(gf_csv_write_row(f, NULL, 0, NULL, 0), GF_OK);
  fclose(f);
}

static void test_csv_columns_order(void **state) {
  (void)state;
  static const char *const want[] = {
      "doc",       "page",      "section",    "kind",  "period", "indicator",
      "measure",   "value",     "unit",       "base_value",      "base_unit",
      "bound",     "comparison", "raw",       "start", "end",    "sentence",
      "value_max", "indicator_key", "x0",  "y0",    "x1",     "y1"};
  const char *const *cols = gf_figures_columns();
  assert_non_null(cols);
  for (size_t i = 0; i < COUNT(want); i++) {
    if (!cols[i] || strcmp(cols[i], want[i]) != 0)
      fail_msg("column %zu: got %s, want %s", i, cols[i] ? cols[i] : "NULL",
               want[i]);
  }
  assert_null(cols[COUNT(want)]);
  int rc;
  char *got = write_row(cols, COUNT(want), NULL, 0, &rc);
  assert_int_equal(rc, GF_OK);
  assert_string_equal(got,
                      "doc,page,section,kind,period,indicator,measure,value,"
                      "unit,base_value,base_unit,bound,comparison,raw,start,"
                      "end,sentence,value_max,indicator_key,x0,y0,x1,y1\r\n");
  free(got);
}

/* /dev/full accepts the open and fails every write: with a small buffer the
 * row overflows it and the error must come back as GF_EIO. */
static void test_csv_write_dev_full(void **state) {
  (void)state;
  FILE *f = fopen("/dev/full", "w");
  if (!f) skip();
  static char vbuf[8];
  assert_int_equal(setvbuf(f, vbuf, _IOFBF, sizeof vbuf), 0);
  const char *cells[] = {"地区生产总值", "1327.8 亿元", "a longer cell"};
  assert_int_equal(gf_csv_write_row(f, cells, 3, NULL, 0), GF_EIO);
  fclose(f);
}

/* ------------------------------------------------------------- unguard */

static void test_csv_unguard(void **state) {
  (void)state;
  static const struct {
    const char *in, *want;
  } cases[] = {
      {"'=x", "=x"}, {"'+1", "+1"}, {"'-3", "-3"},   {"'@a", "@a"},
      {"'\tx", "\tx"}, {"'\rx", "\rx"}, {"''a", "'a"}, {"'", "'"},
      {"'a", "'a"},  {"-3", "-3"},   {"", ""},       {"a'=", "a'="},
  };
  for (size_t i = 0; i < COUNT(cases); i++) {
    const char *got = gf_csv_unguard(cases[i].in);
    if (strcmp(got, cases[i].want) != 0)
      fail_msg("unguard case %zu: got \"%s\", want \"%s\"", i, got,
               cases[i].want);
  }
  assert_null(gf_csv_unguard(NULL));
}

/* ------------------------------------------------------------- reader */

#define MAX_ROWS 4
typedef struct read_case {
  const char *in;
  size_t len;            /* 0: strlen(in) */
  size_t n_rows;
  size_t n_cols[MAX_ROWS];
  size_t line[MAX_ROWS];
  const char *fields[MAX_ROWS][MAX_CELLS];
} read_case;

static void test_csv_read(void **state) {
  (void)state;
  static const read_case cases[] = {
      /* 0: LF, trailing newline */
      {"a,b\nc,d\n", 0, 2, {2, 2}, {1, 2}, {{"a", "b"}, {"c", "d"}}},
      /* 1: BOM and CRLF */
      {"\xEF\xBB\xBF" "doc,page\r\nx.pdf,1\r\n", 0, 2, {2, 2}, {1, 2},
       {{"doc", "page"}, {"x.pdf", "1"}}},
      /* 2: quoted LF: the next record starts two lines on */
      {"a,\"x\ny\"\nb,c\n", 0, 2, {2, 2}, {1, 3}, {{"a", "x\ny"}, {"b", "c"}}},
      /* 3: quoted CRLF kept verbatim and counted once */
      {"\"x\r\ny\r\nz\",1\r\nb,2\r\n", 0, 2, {2, 2}, {1, 4},
       {{"x\r\ny\r\nz", "1"}, {"b", "2"}}},
      /* 4: empty fields */
      {",,\n\"\",x,\n", 0, 2, {3, 3}, {1, 2}, {{"", "", ""}, {"", "x", ""}}},
      /* 5: last record without a line end */
      {"a,b\nc,\"d,e\"", 0, 2, {2, 2}, {1, 2}, {{"a", "b"}, {"c", "d,e"}}},
      /* 6: doubled quotes */
      {"\"a\"\"b\",\"\"\"\"\n", 0, 1, {2}, {1}, {{"a\"b", "\""}}},
      /* 7: blank lines are skipped but counted */
      {"a\n\n\r\nb\r\rc", 0, 3, {1, 1, 1}, {1, 4, 6}, {{"a"}, {"b"}, {"c"}}},
      /* 8: nothing at all, or only a BOM */
      {"", 0, 0, {0}, {0}, {{NULL}}},
      {"\xEF\xBB\xBF", 0, 0, {0}, {0}, {{NULL}}},
      /* 10: guarded cells come back with the guard (see unguard) */
      {"'=x,\"'-a,b\",-3\n", 0, 1, {3}, {1}, {{"'=x", "'-a,b", "-3"}}},
      /* 11: UTF-8 content and a trailing comma at the end of input */
      {"地区生产总值,", 0, 1, {2}, {1}, {{"地区生产总值", ""}}},
      /* 12: a lone CR ends a record */
      {"a\rb", 0, 2, {1, 1}, {1, 2}, {{"a"}, {"b"}}},
  };
  for (size_t i = 0; i < COUNT(cases); i++) {
    const read_case *c = &cases[i];
    size_t len = c->len ? c->len : strlen(c->in);
    gf_csv *csv = NULL;
    gf_error err = {0};
    int rc = gf_csv_parse(c->in, len, &csv, &err);
    if (rc != GF_OK) fail_msg("read case %zu: rc %d (%s)", i, rc, err.message);
    if (gf_csv_rows(csv) != c->n_rows)
      fail_msg("read case %zu: %zu rows, want %zu", i, gf_csv_rows(csv),
               c->n_rows);
    for (size_t r = 0; r < c->n_rows; r++) {
      if (gf_csv_cols(csv, r) != c->n_cols[r])
        fail_msg("read case %zu row %zu: %zu fields, want %zu", i, r,
                 gf_csv_cols(csv, r), c->n_cols[r]);
      if (gf_csv_line(csv, r) != c->line[r])
        fail_msg("read case %zu row %zu: line %zu, want %zu", i, r,
                 gf_csv_line(csv, r), c->line[r]);
      for (size_t k = 0; k < c->n_cols[r]; k++) {
        size_t flen;
        const char *fv = gf_csv_field(csv, r, k, &flen);
        if (!fv || strcmp(fv, c->fields[r][k]) != 0 ||
            flen != strlen(c->fields[r][k]))
          fail_msg("read case %zu row %zu field %zu: got \"%s\", want \"%s\"",
                   i, r, k, fv ? fv : "NULL", c->fields[r][k]);
      }
      assert_null(gf_csv_field(csv, r, c->n_cols[r], NULL));
    }
    assert_null(gf_csv_field(csv, c->n_rows, 0, NULL));
    assert_int_equal(gf_csv_line(csv, c->n_rows), 0);
    assert_int_equal(gf_csv_cols(csv, c->n_rows), 0);
    gf_csv_free(csv);
  }
}

static void test_csv_read_errors(void **state) {
  (void)state;
  static const struct {
    const char *in;
    size_t len;          /* 0: strlen(in) */
    int code;
    size_t offset, line;
  } cases[] = {
      {"a,b\n\"open,x\n", 0, GF_EINVAL, 4, 2},     /* unterminated */
      {"a\r\n\"x\"y,z\r\n", 0, GF_EINVAL, 6, 2},   /* after closing quote */
      {"a,b\nc,d\"e\n", 0, GF_EINVAL, 7, 2},       /* quote in unquoted */
      {"ok\n\xff\n", 0, GF_EUTF8, 3, 2},           /* invalid UTF-8 */
      {"ok\n\xe5\x9c\n", 0, GF_EUTF8, 3, 2},       /* truncated sequence */
      {"a\n\"x\ny\",z\nb\0c\n", 14, GF_EINVAL, 11, 4}, /* NUL byte */
  };
  for (size_t i = 0; i < COUNT(cases); i++) {
    size_t len = cases[i].len ? cases[i].len : strlen(cases[i].in);
    gf_csv *csv = (gf_csv *)&csv; /* must be reset to NULL */
    gf_error err = {0};
    int rc = gf_csv_parse(cases[i].in, len, &csv, &err);
    if (rc != cases[i].code || csv != NULL || err.code != rc ||
        !err.message || err.offset != cases[i].offset)
      fail_msg("error case %zu: rc %d, err.code %d, offset %zu (want %d %zu)",
               i, rc, err.code, err.offset, cases[i].code, cases[i].offset);
    size_t line = gf_csv_offset_line(cases[i].in, len, err.offset);
    if (line != cases[i].line)
      fail_msg("error case %zu: line %zu, want %zu", i, line, cases[i].line);
  }
  gf_csv *csv;
  assert_int_equal(gf_csv_parse(NULL, 1, &csv, NULL), GF_EINVAL);
  assert_int_equal(gf_csv_parse("a", 1, NULL, NULL), GF_EINVAL);
  assert_int_equal(gf_csv_parse(NULL, 0, &csv, NULL), GF_OK);
  assert_int_equal(gf_csv_rows(csv), 0);
  gf_csv_free(csv);
  gf_csv_free(NULL);
  assert_int_equal(gf_csv_rows(NULL), 0);
  assert_null(gf_csv_field(NULL, 0, 0, NULL));
}

static void test_csv_read_file(void **state) {
  (void)state;
  gf_csv *csv = NULL;
  assert_int_equal(
      gf_csv_read_file(GF_SRCDIR "/tests/data/no-such-file.csv", &csv, NULL),
      GF_EIO);
  assert_null(csv);
  char path[] = "/tmp/test_csv.XXXXXX";
  int fd = mkstemp(path);
  assert_true(fd >= 0);
  FILE *f = fdopen(fd, "w");
  assert_non_null(f);
  fputs("\xEF\xBB\xBF" "doc,raw\r\nx.pdf,\"1,5\r\n亿元\"\r\ny.pdf,2\r\n", f);
  assert_int_equal(fclose(f), 0);
  gf_error err = {0};
  assert_int_equal(gf_csv_read_file(path, &csv, &err), GF_OK);
  unlink(path);
  assert_int_equal(gf_csv_rows(csv), 3);
  assert_string_equal(gf_csv_field(csv, 1, 1, NULL), "1,5\r\n亿元");
  assert_int_equal(gf_csv_line(csv, 2), 4);
  gf_csv_free(csv);
}

/* What the writer writes the reader reads back, the guard undone. */
static void test_csv_round_trip(void **state) {
  (void)state;
  static const char *const cells[] = {
      "plain",   "a,b",    "say \"hi\"", "l1\nl2",  "l1\r\nl2", " lead",
      "trail ",  "=SUM(1)", "-3",         "'quoted", "'",        "",
      "@x",      "\tt",    "1327.8 亿元", "“引号”", "+",        "\r"};
  for (unsigned opts = 0; opts <= GF_OPT_NO_GUARD; opts += GF_OPT_NO_GUARD) {
    char *p = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&p, &len);
    assert_non_null(f);
    for (int r = 0; r < 3; r++)
      assert_int_equal(gf_csv_write_row(f, cells, COUNT(cells), NULL, opts),
                       GF_OK);
    assert_int_equal(fclose(f), 0);
    gf_csv *csv = NULL;
    assert_int_equal(gf_csv_parse(p, len, &csv, NULL), GF_OK);
    assert_int_equal(gf_csv_rows(csv), 3);
    for (size_t r = 0; r < 3; r++) {
      assert_int_equal(gf_csv_cols(csv, r), COUNT(cells));
      for (size_t k = 0; k < COUNT(cells); k++) {
        const char *got = gf_csv_field(csv, r, k, NULL);
        if (!(opts & GF_OPT_NO_GUARD)) got = gf_csv_unguard(got);
        if (strcmp(got, cells[k]) != 0)
          fail_msg("opts %u row %zu cell %zu: got \"%s\", want \"%s\"", opts,
                   r, k, got, cells[k]);
      }
    }
    /* each row spans 4 lines: three quoted line ends plus its own */
    assert_int_equal(gf_csv_line(csv, 1), 5);
    assert_int_equal(gf_csv_line(csv, 2), 9);
    gf_csv_free(csv);
    free(p);
  }
}

/* ------------------------------------------------------------- figures */

static const char report[] =
    "厉城区2023年国民经济和社会发展计划执行情况\n"
    "一、2023年经济和社会发展规划执行情况\n"
    "实现地区生产总值达到1327.8亿元，同比增长6%，增速较上年提升2.4个百分点。"
    "\f"
    "固定资产投资下降3%。\n";

static gf_figures *extract(gf_doc **doc) {
  gf_figures *figs = NULL;
  assert_int_equal(
      gf_doc_open_text("report.txt", report, sizeof report - 1, doc, NULL),
      GF_OK);
  assert_int_equal(gf_figures_extract(*doc, 0, &figs, NULL), GF_OK);
  return figs;
}

/* Every row written by gf_figures_write_csv reads back as the gf_figure it
 * came from: 18 fields in the columns' order. */
static void test_csv_figures_write(void **state) {
  (void)state;
  gf_doc *doc = NULL;
  gf_figures *figs = extract(&doc);
  const char *const *cols = gf_figures_columns();
  for (unsigned opts = 0; opts < 4; opts++) {
    char *p = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&p, &len);
    assert_non_null(f);
    assert_int_equal(gf_figures_write_csv(figs, f, opts), GF_OK);
    assert_int_equal(fclose(f), 0);
    gf_csv *csv = NULL;
    assert_int_equal(gf_csv_parse(p, len, &csv, NULL), GF_OK);
    size_t n = gf_figures_count(figs), hdr = !(opts & GF_OPT_NO_HEADER);
    assert_int_equal(gf_csv_rows(csv), n + hdr);
    if (hdr)
      for (size_t k = 0; k < 23; k++)
        assert_string_equal(gf_csv_field(csv, 0, k, NULL), cols[k]);
    for (size_t i = 0; i < n; i++) {
      const gf_figure *g = gf_figures_at(figs, i);
      char page[24], period[24], start[24], end[24];
      snprintf(page, sizeof page, "%d", g->page);
      snprintf(period, sizeof period, "%d", g->period);
      snprintf(start, sizeof start, "%zu", g->start);
      snprintf(end, sizeof end, "%zu", g->end);
      const char *want[19] = {
          g->doc,       page,         g->section,   g->kind,
          g->period ? period : "",    g->indicator, g->measure,
          g->value,     g->unit,      g->base_value, g->base_unit,
          g->bound,     g->comparison, g->raw,      start,
          end,          g->sentence,  g->value_max, g->indicator_key};
      assert_int_equal(gf_csv_cols(csv, i + hdr), 23);
      for (size_t k = 0; k < 19; k++) {
        const char *got = gf_csv_field(csv, i + hdr, k, NULL);
        if (!(opts & GF_OPT_NO_GUARD)) got = gf_csv_unguard(got);
        if (strcmp(got, want[k]) != 0)
          fail_msg("opts %u figure %zu column %s: got \"%s\", want \"%s\"",
                   opts, i, cols[k], got, want[k]);
      }
      /* numbers are written as they are: a decline stays -3 */
      if (g->value[0] == '-')
        assert_string_equal(gf_csv_field(csv, i + hdr, 7, NULL), g->value);
    }
    gf_csv_free(csv);
    free(p);
  }
  assert_int_equal(gf_figures_write_csv(NULL, stdout, 0), GF_EINVAL);
  assert_int_equal(gf_figures_write_csv(figs, NULL, 0), GF_EINVAL);
  gf_figures_free(figs);
  gf_doc_free(doc);
}

/* --bom: EF BB BF before the header only, for every record writer; the
 * reader skips it, so the rows read back the same. */
static void test_csv_bom(void **state) {
  (void)state;
  gf_doc *doc = NULL;
  gf_figures *figs = extract(&doc);
  gf_parcels *pars = NULL;
  assert_int_equal(gf_parcels_extract(doc, 0, &pars, NULL), GF_OK);
  gf_document d;
  gf_document_of(doc, figs, &d);
  for (int w = 0; w < 3; w++)
    for (unsigned opts = 0; opts <= GF_OPT_NO_HEADER; opts++) {
      char *p[2] = {NULL, NULL};
      size_t len[2] = {0, 0};
      for (int bom = 0; bom < 2; bom++) {
        FILE *f = open_memstream(&p[bom], &len[bom]);
        assert_non_null(f);
        unsigned o = opts | (bom ? GF_OPT_BOM : 0);
        int rc = w == 0   ? gf_figures_write_csv(figs, f, o)
                 : w == 1 ? gf_parcels_write_csv(pars, f, o)
                          : gf_documents_write_csv(&d, 1, f, o);
        assert_int_equal(rc, GF_OK);
        assert_int_equal(fclose(f), 0);
      }
      if (opts & GF_OPT_NO_HEADER) { /* appended: never a BOM */
        assert_int_equal(len[1], len[0]);
        assert_memory_equal(p[1], p[0], len[0]);
      } else {
        assert_int_equal(len[1], len[0] + 3);
        assert_memory_equal(p[1], "\xEF\xBB\xBF", 3);
        assert_memory_equal(p[1] + 3, p[0], len[0]);
        gf_csv *a = NULL, *b = NULL;
        assert_int_equal(gf_csv_parse(p[0], len[0], &a, NULL), GF_OK);
        assert_int_equal(gf_csv_parse(p[1], len[1], &b, NULL), GF_OK);
        assert_int_equal(gf_csv_rows(a), gf_csv_rows(b));
        assert_string_equal(gf_csv_field(b, 0, 0, NULL), "doc");
        gf_csv_free(a);
        gf_csv_free(b);
      }
      free(p[0]);
      free(p[1]);
    }
  gf_parcels_free(pars);
  gf_figures_free(figs);
  gf_doc_free(doc);
}

static void test_csv_figures_dev_full(void **state) {
  (void)state;
  FILE *f = fopen("/dev/full", "w");
  if (!f) skip();
  gf_doc *doc = NULL;
  gf_figures *figs = extract(&doc);
  /* the header alone is in the buffer: the final flush must report it */
  assert_int_equal(gf_figures_write_csv(figs, f, 0), GF_EIO);
  fclose(f);
  gf_figures_free(figs);
  gf_doc_free(doc);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_csv_quoting),
      cmocka_unit_test(test_csv_bom),
      cmocka_unit_test(test_csv_embedded_quote),
      cmocka_unit_test(test_csv_embedded_newline_comma),
      cmocka_unit_test(test_csv_formula_guard),
      cmocka_unit_test(test_csv_guard_disabled),
      cmocka_unit_test(test_csv_write_row_invalid),
      cmocka_unit_test(test_csv_columns_order),
      cmocka_unit_test(test_csv_write_dev_full),
      cmocka_unit_test(test_csv_unguard),
      cmocka_unit_test(test_csv_read),
      cmocka_unit_test(test_csv_read_errors),
      cmocka_unit_test(test_csv_read_file),
      cmocka_unit_test(test_csv_round_trip),
      cmocka_unit_test(test_csv_figures_write),
      cmocka_unit_test(test_csv_figures_dev_full),
  };
  return cmocka_run_group_tests_name("csv", tests, NULL, NULL);
}
