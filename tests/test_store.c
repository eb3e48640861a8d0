/* test_store.c - export/store.c, load.c, schema.c: a document stored with
 * all its rows, stored again (replaced, nothing else changes), the same
 * bytes under another name (recognised by sha256), a directory of CSVs
 * loaded equal to the documents added directly, databases refused (not
 * SQLite, another program's, a newer govfig's), a failed load leaving the
 * store as it was, and both dialects of the schema.  The text inputs are
 * the series samples' texts (samples/series/hailar-*.txt). */
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

#define SERIES GF_SRCDIR "/samples/series/"

typedef struct fixture {
  char dir[64];   /* scratch directory */
  char db[96];    /* dir/store.sqlite */
} fixture;

static int setup(void **state) {
  fixture *f = calloc(1, sizeof *f);
  if (!f) return -1;
  strcpy(f->dir, "/tmp/gf_test_store_XXXXXX");
  if (!mkdtemp(f->dir)) return -1;
  snprintf(f->db, sizeof f->db, "%s/store.sqlite", f->dir);
  *state = f;
  return 0;
}

static int teardown(void **state) {
  fixture *f = *state;
  char cmd[128];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
  int rc = system(cmd);
  free(f);
  return rc == 0 ? 0 : -1;
}

/* One report's text opened as a document named name, its figures. */
typedef struct report {
  gf_doc *doc;
  gf_figures *figs;
  gf_parcels *pars;
  gf_document d;
} report;

static char *slurp(const char *path, size_t *len) {
  FILE *fp = fopen(path, "rb");
  assert_non_null(fp);
  char *p = NULL;
  size_t cap = 0;
  *len = 0;
  for (;;) {
    if (cap - *len < 4096) {
      cap = cap ? 2 * cap : 65536;
      p = realloc(p, cap);
      assert_non_null(p);
    }
    size_t got = fread(p + *len, 1, cap - *len, fp);
    if (got == 0) break;
    *len += got;
  }
  fclose(fp);
  return p;
}

static void open_report(report *r, const char *file, const char *name) {
  size_t len;
  char *text = slurp(file, &len);
  assert_int_equal(gf_doc_open_text(name, text, len, &r->doc, NULL), GF_OK);
  free(text);
  assert_int_equal(gf_figures_extract(r->doc, 0, &r->figs, NULL), GF_OK);
  assert_int_equal(gf_parcels_extract(r->doc, 0, &r->pars, NULL), GF_OK);
  gf_document_of(r->doc, r->figs, &r->d);
  assert_true(gf_figures_count(r->figs) > 50);
}

static void close_report(report *r) {
  gf_parcels_free(r->pars);
  gf_figures_free(r->figs);
  gf_doc_free(r->doc);
}

static long long count(gf_store *st, const char *sql) {
  long long v;
  assert_int_equal(gf_store_query_int(st, sql, &v), GF_OK);
  return v;
}

static void test_store_add_then_again_changes_nothing(void **state) {
  fixture *f = *state;
  report r;
  open_report(&r, SERIES "hailar-2015.txt", "hailar-2015.txt");
  gf_store *st = NULL;
  gf_error err = {0};
  assert_int_equal(gf_store_open(f->db, 0, &st, &err), GF_OK);
  int replaced = -1;
  assert_int_equal(gf_store_add(st, &r.d, r.figs, r.pars, NULL, &replaced,
                                &err), GF_OK);
  assert_int_equal(replaced, 0);
  assert_int_equal(count(st, "SELECT count(*) FROM documents"), 1);
  assert_int_equal(count(st, "SELECT count(*) FROM figures"),
                   (long long)gf_figures_count(r.figs));
  assert_int_equal(count(st, "SELECT pages FROM documents"),
                   (long long)gf_doc_page_count(r.doc));
  char sum1[65], sum2[65];
  assert_int_equal(gf_store_checksum(st, sum1), GF_OK);
  assert_int_equal(gf_store_add(st, &r.d, r.figs, r.pars, NULL, &replaced,
                                &err), GF_OK);
  assert_int_equal(replaced, 1);
  assert_int_equal(count(st, "SELECT count(*) FROM documents"), 1);
  assert_int_equal(count(st, "SELECT count(*) FROM figures"),
                   (long long)gf_figures_count(r.figs));
  assert_int_equal(gf_store_checksum(st, sum2), GF_OK);
  assert_string_equal(sum1, sum2);
  /* typed columns: integers as integers, decimals as their text, and the
   * generated REAL copy of value */
  assert_int_equal(count(st, "SELECT count(*) FROM figures "
                             "WHERE typeof(page) <> 'integer'"), 0);
  assert_int_equal(count(st, "SELECT count(*) FROM figures "
                             "WHERE typeof(value) <> 'text'"), 0);
  assert_int_equal(count(st, "SELECT count(*) FROM figures "
                             "WHERE typeof(value_num) <> 'real'"), 0);
  assert_int_equal(count(st, "SELECT count(*) FROM figures "
                             "WHERE comparison = ''"), 0); /* NULL */
  gf_store_free(st);
  /* and it is all there after closing */
  assert_int_equal(gf_store_open(f->db, 0, &st, &err), GF_OK);
  assert_int_equal(gf_store_checksum(st, sum2), GF_OK);
  assert_string_equal(sum1, sum2);
  gf_store_free(st);
  close_report(&r);
}

static void test_store_same_bytes_other_name(void **state) {
  fixture *f = *state;
  report a, b;
  open_report(&a, SERIES "hailar-2014.txt", "hailar-2014.txt");
  open_report(&b, SERIES "hailar-2014.txt", "copy-of-2014.txt");
  assert_string_equal(a.d.sha256, b.d.sha256);
  gf_store *st = NULL;
  assert_int_equal(gf_store_open(f->db, 0, &st, NULL), GF_OK);
  assert_int_equal(gf_store_add(st, &a.d, a.figs, NULL, NULL, NULL, NULL),
                   GF_OK);
  int replaced = 0;
  assert_int_equal(gf_store_add(st, &b.d, b.figs, NULL, NULL, &replaced,
                                NULL), GF_OK);
  assert_int_equal(replaced, 1);
  assert_int_equal(count(st, "SELECT count(*) FROM documents"), 1);
  assert_int_equal(count(st, "SELECT count(*) FROM documents "
                             "WHERE doc = 'copy-of-2014.txt'"), 1);
  assert_int_equal(count(st, "SELECT count(*) FROM figures "
                             "WHERE doc <> 'copy-of-2014.txt'"), 0);
  gf_store_free(st);
  close_report(&a);
  close_report(&b);
}

/* Writes the CSVs of reports into dir as `govfig extract -o` does. */
static void write_dir(const char *dir, report *r, size_t n, unsigned opts) {
  static const char *const names[] = {"documents.csv", "figures.csv",
                                      "parcels.csv"};
  for (size_t k = 0; k < 3; k++) {
    char path[160];
    snprintf(path, sizeof path, "%s/%s", dir, names[k]);
    FILE *fp = fopen(path, "wb");
    assert_non_null(fp);
    for (size_t i = 0; i < n; i++) {
      unsigned o = i ? opts | GF_OPT_NO_HEADER : opts;
      int rc = k == 0   ? gf_documents_write_csv(&r[i].d, 1, fp, o)
               : k == 1 ? gf_figures_write_csv(r[i].figs, fp, o)
                        : gf_parcels_write_csv(r[i].pars, fp, o);
      assert_int_equal(rc, GF_OK);
    }
    assert_int_equal(fclose(fp), 0);
  }
}

static void loaded(void *ctx, const char *doc, size_t n_figures,
                   int replaced) {
  size_t *n = ctx;
  (void)doc;
  (void)replaced;
  assert_true(n_figures > 0);
  (*n)++;
}

static void test_store_load_dir_equals_add(void **state) {
  fixture *f = *state;
  report r[3];
  open_report(&r[0], SERIES "hailar-2014.txt", "hailar-2014.txt");
  open_report(&r[1], SERIES "hailar-2015.txt", "hailar-2015.txt");
  open_report(&r[2], SERIES "hailar-2016.txt", "hailar-2016.txt");
  gf_store *st = NULL;
  assert_int_equal(gf_store_open(f->db, 0, &st, NULL), GF_OK);
  for (size_t i = 0; i < 3; i++)
    assert_int_equal(gf_store_add(st, &r[i].d, r[i].figs, r[i].pars, NULL,
                                  NULL, NULL), GF_OK);
  char want[65], got[65];
  assert_int_equal(gf_store_checksum(st, want), GF_OK);
  gf_store_free(st);

  /* with a BOM and the formula guard, as a spreadsheet user would have */
  write_dir(f->dir, r, 3, GF_OPT_BOM);
  char db2[128];
  snprintf(db2, sizeof db2, "%s/loaded.sqlite", f->dir);
  assert_int_equal(gf_store_open(db2, 0, &st, NULL), GF_OK);
  size_t n = 0;
  gf_error err = {0};
  assert_int_equal(gf_store_load_dir(st, f->dir, loaded, &n, &err), GF_OK);
  assert_int_equal(n, 3);
  assert_int_equal(gf_store_checksum(st, got), GF_OK);
  assert_string_equal(want, got);
  /* the series view: one query across the three years */
  assert_int_equal(count(st, "SELECT count(DISTINCT doc) FROM series "
                             "WHERE indicator_key = '地区生产总值' "
                             "AND kind = 'actual' AND measure = 'level'"),
                   3);
  gf_store_free(st);
  for (size_t i = 0; i < 3; i++) close_report(&r[i]);
}

static void test_store_load_dir_failures(void **state) {
  fixture *f = *state;
  gf_store *st = NULL;
  assert_int_equal(gf_store_open(f->db, 0, &st, NULL), GF_OK);
  gf_error err = {0};
  /* no documents.csv */
  assert_int_equal(gf_store_load_dir(st, f->dir, NULL, NULL, &err), GF_EIO);
  assert_non_null(strstr(err.message, "documents.csv"));
  char path[160];
  snprintf(path, sizeof path, "%s/documents.csv", f->dir);
  FILE *fp = fopen(path, "wb");
  assert_non_null(fp);
  fputs("doc,sha256\r\na.pdf,\"x\"y\r\n", fp);
  assert_int_equal(fclose(fp), 0);
  assert_int_equal(gf_store_load_dir(st, f->dir, NULL, NULL, &err), GF_ECSV);
  assert_int_equal(err.line, 2);
  fp = fopen(path, "wb");
  assert_non_null(fp);
  fputs("doc,pages\r\na.pdf,3\r\n", fp);
  assert_int_equal(fclose(fp), 0);
  assert_int_equal(gf_store_load_dir(st, f->dir, NULL, NULL, &err), GF_ECSV);
  assert_non_null(strstr(err.message, "sha256"));
  assert_int_equal(count(st, "SELECT count(*) FROM documents"), 0);
  gf_store_free(st);
}

static void expect_refused(const char *path, const char *words) {
  gf_store *st = (gf_store *)&st;
  gf_error err = {0};
  assert_int_equal(gf_store_open(path, 0, &st, &err), GF_ESTORE);
  assert_null(st);
  if (!strstr(err.message, words))
    fail_msg("%s: message '%s' lacks '%s'", path, err.message, words);
}

static void test_store_refuses_other_databases(void **state) {
  fixture *f = *state;
  char path[128];
  snprintf(path, sizeof path, "%s/text.sqlite", f->dir);
  FILE *fp = fopen(path, "wb");
  assert_non_null(fp);
  for (int i = 0; i < 100; i++) fputs("this is not a database\n", fp);
  assert_int_equal(fclose(fp), 0);
  expect_refused(path, "not an SQLite database");

  gf_store *st = NULL;
  long long v;
  assert_int_equal(gf_store_open(f->db, 0, &st, NULL), GF_OK);
  assert_int_equal(gf_store_query_int(st, "PRAGMA user_version", &v), GF_OK);
  assert_int_equal(v, GF_STORE_VERSION);
  assert_int_equal(gf_store_query_int(st, "PRAGMA user_version = 99", &v),
                   GF_OK);
  gf_store_free(st);
  expect_refused(f->db, "newer govfig");
  /* refused, not changed: the version is still 99 */
  expect_refused(f->db, "newer govfig");

  snprintf(path, sizeof path, "%s/other.sqlite", f->dir);
  assert_int_equal(gf_store_open(path, 0, &st, NULL), GF_OK);
  assert_int_equal(gf_store_query_int(st, "PRAGMA application_id = 7", &v),
                   GF_OK);
  gf_store_free(st);
  expect_refused(path, "another program");

  assert_int_equal(gf_store_open(f->dir, 0, &st, NULL), GF_ESTORE);
  assert_int_equal(gf_store_open(NULL, 0, &st, NULL), GF_EINVAL);
  assert_int_equal(gf_store_add(NULL, NULL, NULL, NULL, NULL, NULL, NULL),
                   GF_EINVAL);
  gf_store_free(NULL);
}

/* A version-1 store (before the track table) is migrated to this version
 * when opened, its rows kept; one that claims version 0 is refused. */
static void test_store_migrates_version_1(void **state) {
  fixture *f = *state;
  report r;
  open_report(&r, SERIES "hailar-2016.txt", "hailar-2016.txt");
  gf_store *st = NULL;
  long long v;
  assert_int_equal(gf_store_open(f->db, 0, &st, NULL), GF_OK);
  assert_int_equal(gf_store_add(st, &r.d, r.figs, r.pars, NULL, NULL, NULL),
                   GF_OK);
  /* what govfig 0.1's first store looked like */
  assert_int_equal(gf_store_query_int(st, "DROP TABLE track", &v), GF_OK);
  assert_int_equal(gf_store_query_int(st, "PRAGMA user_version = 1", &v),
                   GF_OK);
  gf_store_free(st);
  gf_error err = {0};
  assert_int_equal(gf_store_open(f->db, 0, &st, &err), GF_OK);
  assert_int_equal(count(st, "PRAGMA user_version"), GF_STORE_VERSION);
  assert_int_equal(count(st, "SELECT count(*) FROM track"), 0);
  assert_int_equal(count(st, "SELECT count(*) FROM figures"),
                   (long long)gf_figures_count(r.figs));
  /* the migrated table takes the tracking of the store */
  gf_track *t = NULL;
  size_t n_docs = 0;
  assert_int_equal(gf_track_new(NULL, &t, NULL), GF_OK);
  assert_int_equal(gf_store_add_to_track(st, t, &n_docs, &err), GF_OK);
  assert_int_equal(n_docs, 1);
  assert_int_equal(gf_track_run(t, NULL), GF_OK);
  assert_true(gf_track_count(t) > 0);
  assert_int_equal(gf_store_put_track(st, t, &err), GF_OK);
  assert_int_equal(gf_store_put_track(st, t, &err), GF_OK); /* replaced */
  assert_int_equal(count(st, "SELECT count(*) FROM track"),
                   (long long)gf_track_count(t));
  assert_int_equal(gf_store_query_int(st, "PRAGMA user_version = 0", &v),
                   GF_OK);
  gf_track_free(t);
  gf_store_free(st);
  expect_refused(f->db, "too old");
  close_report(&r);
}

static void test_store_schema_dialects(void **state) {
  (void)state;
  char *lite = NULL, *pg = NULL;
  assert_int_equal(gf_store_schema(GF_SCHEMA_SQLITE, &lite), GF_OK);
  assert_int_equal(gf_store_schema(7, &pg), GF_EINVAL);
  assert_null(pg);
  assert_int_equal(gf_store_schema(GF_SCHEMA_SQLITE, NULL), GF_EINVAL);
  assert_int_equal(gf_store_schema(GF_SCHEMA_POSTGRES, &pg), GF_OK);
  /* every column of every record, quoted, in both */
  for (size_t i = 0; i <= GF_STORE_TRACK; i++) {
    const gf_record *r = gf_store_record(i);
    for (size_t c = 0; c < r->n; c++) {
      char q[64];
      snprintf(q, sizeof q, "\"%s\" ", r->columns[c]);
      assert_non_null(strstr(lite, q));
      assert_non_null(strstr(pg, q));
    }
  }
  assert_non_null(strstr(lite, "CREATE VIEW \"series\""));
  assert_non_null(strstr(pg, "CREATE VIEW \"series\""));
  assert_non_null(strstr(pg, "\"value\" numeric"));
  assert_non_null(strstr(lite, "\"value\" TEXT"));
  assert_null(strstr(pg, "REAL"));
  gf_free(lite);
  gf_free(pg);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(
          test_store_add_then_again_changes_nothing, setup, teardown),
      cmocka_unit_test_setup_teardown(test_store_same_bytes_other_name,
                                      setup, teardown),
      cmocka_unit_test_setup_teardown(test_store_load_dir_equals_add, setup,
                                      teardown),
      cmocka_unit_test_setup_teardown(test_store_load_dir_failures, setup,
                                      teardown),
      cmocka_unit_test_setup_teardown(test_store_refuses_other_databases,
                                      setup, teardown),
      cmocka_unit_test_setup_teardown(test_store_migrates_version_1, setup,
                                      teardown),
      cmocka_unit_test(test_store_schema_dialects),
  };
  return cmocka_run_group_tests_name("store", tests, NULL, NULL);
}
