/* load.c - `govfig load`: a directory of outputs that `govfig extract -o
 * DIR` wrote (documents.csv, figures.csv, parcels.csv; tables.csv when
 * `govfig tables -o DIR` was run too) into the store, one transaction per
 * document (store.c).  The CSVs are read as `govfig check` reads them - a
 * BOM, CRLF or LF, columns found by name in any order, extra ones ignored,
 * a missing one NULL - so a directory written by any govfig since
 * documents.csv exists, or edited in a spreadsheet, loads.  Rows are
 * matched to their document by the doc column. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export/export.h"
#include "normalize/normalize.h"

/* One CSV of the directory, its columns mapped to a record's. */
typedef struct source {
  gf_csv *csv;
  size_t col[GF_CELLS_MAX]; /* CSV column of each record column, or -1 */
  size_t *order;            /* data rows (1..) sorted by doc, then row */
  size_t n_rows;
} source;

#define NO_COL ((size_t)-1)

static int set_code(gf_error *err, int code, const char *msg) {
  return gf_error_set(err, code, msg ? msg : gf_strerror(code), 0, 0);
}

/* For qsort: rows by their doc cell, then in file order. */
typedef struct keyed {
  const char *doc;
  size_t row;
} keyed;

static int cmp_keyed(const void *a, const void *b) {
  const keyed *x = a, *y = b;
  int c = strcmp(x->doc, y->doc);
  return c ? c : (x->row > y->row) - (x->row < y->row);
}

static const char *cell(const source *s, size_t row, size_t rc) {
  size_t c = s->col[rc];
  if (c == NO_COL) return "";
  const char *v = gf_csv_field(s->csv, row, c, NULL);
  return v ? v : "";
}

/* What went wrong with which file, as constant messages (gf_error's). */
enum { BAD_READ, BAD_CSV, BAD_COLUMN, N_BAD };
static const char *const bad_msg[GF_STORE_RECORDS][N_BAD] = {
    {"no documents.csv: not a directory govfig extract wrote",
     "documents.csv is not valid CSV (UTF-8, RFC 4180)",
     "documents.csv lacks a doc or sha256 column"},
    {"cannot read figures.csv",
     "figures.csv is not valid CSV (UTF-8, RFC 4180)",
     "figures.csv lacks a doc column"},
    {"cannot read parcels.csv",
     "parcels.csv is not valid CSV (UTF-8, RFC 4180)",
     "parcels.csv lacks a doc column"},
    {"cannot read tables.csv",
     "tables.csv is not valid CSV (UTF-8, RFC 4180)",
     "tables.csv lacks a doc column"}};

/* Reads dir/name, the CSV of record rec.  A missing optional file is an
 * empty source.  The header must name doc (and for documents.csv
 * sha256).  On a malformed file err->offset and err->line say where. */
static int open_source(const char *dir, const char *name, size_t rec,
                       int required, source *s, gf_error *err) {
  const gf_record *r = gf_store_record(rec);
  memset(s, 0, sizeof *s);
  gf_buf path = {0}, data = {0};
  gf_buf_printf(&path, "%s/%s", dir, name);
  if (path.oom) return set_code(err, GF_ENOMEM, NULL);
  FILE *f = fopen(path.p, "rb");
  gf_buf_free(&path);
  if (!f) return required ? set_code(err, GF_EIO, bad_msg[rec][BAD_READ])
                          : GF_OK;
  char chunk[65536];
  size_t got;
  while ((got = fread(chunk, 1, sizeof chunk, f)) > 0)
    gf_buf_put(&data, chunk, got);
  int io_bad = ferror(f);
  fclose(f);
  gf_error perr = {0};
  int rc = io_bad ? set_code(err, GF_EIO, bad_msg[rec][BAD_READ])
           : data.oom ? set_code(err, GF_ENOMEM, NULL)
                      : gf_csv_parse(data.p, data.len, &s->csv, &perr);
  if (rc == GF_EINVAL || rc == GF_EUTF8) {
    rc = gf_error_set(err, GF_ECSV, bad_msg[rec][BAD_CSV], 0, perr.offset);
    if (err) err->line = gf_csv_offset_line(data.p, data.len, perr.offset);
  } else if (rc == GF_ENOMEM) {
    set_code(err, GF_ENOMEM, NULL);
  }
  gf_buf_free(&data);
  if (rc) return rc;
  size_t nc = gf_csv_cols(s->csv, 0);
  for (size_t i = 0; i < r->n; i++) {
    s->col[i] = NO_COL;
    for (size_t c = 0; c < nc; c++)
      if (strcmp(gf_csv_unguard(gf_csv_field(s->csv, 0, c, NULL)),
                 r->columns[i]) == 0) {
        s->col[i] = c;
        break;
      }
  }
  if (gf_csv_rows(s->csv) == 0 || s->col[0] == NO_COL ||
      (r == gf_record_documents() && s->col[1] == NO_COL))
    return set_code(err, GF_ECSV, bad_msg[rec][BAD_COLUMN]);
  s->n_rows = gf_csv_rows(s->csv) - 1;
  keyed *k = gf_malloc((s->n_rows + 1) * sizeof *k);
  s->order = gf_malloc((s->n_rows + 1) * sizeof *s->order);
  if (!k || !s->order) {
    gf_free(k);
    return set_code(err, GF_ENOMEM, NULL);
  }
  for (size_t i = 0; i < s->n_rows; i++) {
    k[i].doc = cell(s, i + 1, 0);
    k[i].row = i + 1;
  }
  qsort(k, s->n_rows, sizeof *k, cmp_keyed);
  for (size_t i = 0; i < s->n_rows; i++) s->order[i] = k[i].row;
  gf_free(k);
  return GF_OK;
}

static void close_source(source *s) {
  gf_csv_free(s->csv);
  gf_free(s->order);
  memset(s, 0, sizeof *s);
}

/* Index in s->order of the first row of doc (binary search). */
static size_t first_of(const source *s, const char *doc) {
  size_t lo = 0, hi = s->n_rows;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (strcmp(cell(s, s->order[mid], 0), doc) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/* Stores the rows of s whose doc is doc; *n counts them. */
static int put_rows(gf_store *st, size_t rec, const source *s,
                    const char *doc, size_t *n, gf_error *err) {
  const gf_record *r = gf_store_record(rec);
  *n = 0;
  if (!s->csv) return GF_OK;
  for (size_t i = first_of(s, doc); i < s->n_rows; i++) {
    size_t row = s->order[i];
    if (strcmp(cell(s, row, 0), doc) != 0) break;
    const char *cells[GF_CELLS_MAX];
    for (size_t c = 0; c < r->n; c++) cells[c] = cell(s, row, c);
    int rc = gf_store_row(st, rec, cells, 1, err);
    if (rc) return rc;
    (*n)++;
  }
  return GF_OK;
}

int gf_store_load_dir(gf_store *st, const char *dir,
                      gf_store_loaded_fn loaded, void *ctx, gf_error *err) {
  gf_error_set(err, GF_OK, NULL, 0, 0);
  if (!st || !dir) return set_code(err, GF_EINVAL, NULL);
  static const char *const files[GF_STORE_RECORDS] = {
      "documents.csv", "figures.csv", "parcels.csv", "tables.csv"};
  source src[GF_STORE_RECORDS];
  memset(src, 0, sizeof src);
  int rc = GF_OK;
  for (size_t i = 0; i < GF_STORE_RECORDS && rc == GF_OK; i++)
    rc = open_source(dir, files[i], i, i < 2, &src[i], err);
  const gf_record *dr = gf_record_documents();
  /* Documents in the file's order, not sorted: the order they were
   * extracted in, which a kill interrupts. */
  for (size_t row = 1; rc == GF_OK && row <= src[0].n_rows; row++) {
    const char *cells[GF_CELLS_MAX];
    for (size_t c = 0; c < dr->n; c++) cells[c] = cell(&src[0], row, c);
    if (!*cells[0]) continue; /* a row without a name names nothing */
    int replaced = 0;
    size_t n_figs = 0, n;
    rc = gf_store_doc_begin(st, cells, &replaced, err);
    for (size_t i = 1; i < GF_STORE_RECORDS && rc == GF_OK; i++)
      rc = put_rows(st, i, &src[i], cells[0], i == 1 ? &n_figs : &n, err);
    if (rc == GF_OK) rc = gf_store_doc_end(st, 1, err);
    else gf_store_doc_end(st, 0, NULL);
    if (rc == GF_OK && loaded) loaded(ctx, cells[0], n_figs, replaced);
  }
  for (size_t i = 0; i < GF_STORE_RECORDS; i++) close_source(&src[i]);
  return rc;
}
