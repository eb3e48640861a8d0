/* records.c - the records beside figures.csv: parcels.csv (spec/records.md
 * section 2, fixed columns, append only), tables.csv (doc,page,table,row,
 * col,text) and documents.csv (which file and bytes each document was,
 * what kind of report: what the store needs to load a directory later).
 * Each record's row becomes cells in one place, which the CSV writer of
 * csv.c, the JSON Lines writer of json.c and the store share. */
#include <stdio.h>
#include <string.h>

#include "common/contract.h"
#include "export/export.h"

/* Column names: common/contract.c; their types here. */
#define I GF_COL_INT

static const unsigned char parcel_types[GF_PARCEL_COL_N] = {0, I};

static const unsigned char table_types[GF_TABLE_COL_N] = {0, I, I, I, I, 0};

static const unsigned char document_types[GF_DOCUMENT_COL_N] = {0, 0, I,
                                                                  0, I, I};
#define D GF_COL_DEC
static const unsigned char track_types[GF_TRACK_COL_N] = {
    0, I, I, I, 0, 0, I, 0, D, D, 0, 0, 0, I, I, I, 0, D, 0, 0, 0, 0, 0};
#undef D
#undef I

static const gf_record parcel_record = {"parcels", GF_PARCEL_COLUMNS,
                                        parcel_types, GF_PARCEL_COL_N};
static const gf_record table_record = {"table_cells", GF_TABLE_COLUMNS,
                                       table_types, GF_TABLE_COL_N};
static const gf_record document_record = {
    "documents", GF_DOCUMENT_COLUMNS, document_types, GF_DOCUMENT_COL_N};

/* track.csv's record lives here, beside the others, so that the store
 * (store.c) and track's writers (track/write.c) share it without a call
 * cycle between export/ and track/. */
static const gf_record track_record = {"track", GF_TRACK_COLUMNS,
                                       track_types, GF_TRACK_COL_N};

const char *const *gf_parcels_columns(void) { return GF_PARCEL_COLUMNS; }
const gf_record *gf_record_track(void) { return &track_record; }
const char *const *gf_tables_columns(void) { return GF_TABLE_COLUMNS; }
const char *const *gf_documents_columns(void) { return GF_DOCUMENT_COLUMNS; }
const gf_record *gf_record_parcels(void) { return &parcel_record; }
const gf_record *gf_record_tables(void) { return &table_record; }
const gf_record *gf_record_documents(void) { return &document_record; }

static const char *fmt_int(char *buf, size_t cap, int v) {
  snprintf(buf, cap, "%d", v);
  return buf;
}

/* A year 0 is unknown: an empty cell. */
static const char *fmt_year(char *buf, size_t cap, int v) {
  return v ? fmt_int(buf, cap, v) : "";
}

void gf_parcel_cells(const gf_parcel *p, gf_cellbuf *b, const char **cells) {
  const char *v[GF_PARCEL_COL_N] = {
      p->doc,  fmt_int(b->num[0], sizeof b->num[0], p->page),
      p->project_no, p->project, p->parcel, p->east, p->west, p->south,
      p->north, p->land_use, p->raw};
  memcpy(cells, v, sizeof v);
}

void gf_table_cells(const gf_table_cell *c, gf_cellbuf *b,
                    const char **cells) {
  const char *v[GF_TABLE_COL_N] = {
      c->doc, fmt_int(b->num[0], sizeof b->num[0], c->page),
      fmt_int(b->num[1], sizeof b->num[1], c->table),
      fmt_int(b->num[2], sizeof b->num[2], c->row),
      fmt_int(b->num[3], sizeof b->num[3], c->col), c->text};
  memcpy(cells, v, sizeof v);
}

/* n as text, or "" where there is none (an absent actual's page). */
static const char *fmt_size(char *buf, size_t cap, size_t n, int present) {
  if (!present) return "";
  snprintf(buf, cap, "%zu", n);
  return buf;
}

void gf_track_row_cells(const gf_track_row *r, gf_cellbuf *b,
                        const char **cells) {
  int has = r->actual_page > 0;
  const char *v[GF_TRACK_COL_N] = {
      r->target_doc,
      fmt_size(b->num[0], sizeof b->num[0], (size_t)r->target_page, 1),
      fmt_size(b->num[1], sizeof b->num[1], r->target_start, 1),
      fmt_size(b->num[2], sizeof b->num[2], r->target_end, 1),
      r->indicator, r->indicator_key,
      fmt_size(b->num[3], sizeof b->num[3], (size_t)r->period,
               r->period > 0),
      r->measure, r->target_value, r->target_value_max, r->target_unit,
      r->target_bound, r->actual_doc,
      fmt_size(b->num[4], sizeof b->num[4], (size_t)r->actual_page, has),
      fmt_size(b->num[5], sizeof b->num[5], r->actual_start, has),
      fmt_size(b->num[6], sizeof b->num[6], r->actual_end, has),
      r->actual_indicator, r->actual_value, r->actual_unit, r->outcome,
      r->reason, r->target_raw, r->actual_raw};
  memcpy(cells, v, sizeof v);
}

void gf_document_cells(const gf_document *d, gf_cellbuf *b,
                       const char **cells) {
  const char *v[GF_DOCUMENT_COL_N] = {
      d->doc ? d->doc : "", d->sha256,
      fmt_int(b->num[0], sizeof b->num[0], d->pages),
      d->report ? d->report : "",
      fmt_year(b->num[1], sizeof b->num[1], d->year_actual),
      fmt_year(b->num[2], sizeof b->num[2], d->year_target)};
  memcpy(cells, v, sizeof v);
}

void gf_document_of(const gf_doc *doc, const gf_figures *figs,
                    gf_document *out) {
  if (!out) return;
  memset(out, 0, sizeof *out);
  if (doc) {
    out->doc = gf_doc_name(doc);
    snprintf(out->sha256, sizeof out->sha256, "%s", gf_doc_sha256(doc));
    out->pages = (int)gf_doc_page_count(doc);
  }
  out->report = gf_figures_report(figs, &out->year_actual, &out->year_target);
}

/* Flushes so that a full disk is reported here, not lost in a buffer. */
static int finish(FILE *f, int rc) {
  if (rc == GF_OK && (fflush(f) != 0 || ferror(f))) rc = GF_EIO;
  return rc;
}

static int write_header(const gf_record *r, FILE *f, unsigned opts) {
  if (opts & GF_OPT_NO_HEADER) return GF_OK;
  int rc = gf_csv_write_bom(f, opts);
  return rc ? rc : gf_csv_write_row(f, r->columns, r->n, NULL, opts);
}

int gf_parcels_write_csv(const gf_parcels *parcels, FILE *f, unsigned opts) {
  if (!parcels || !f) return GF_EINVAL;
  int rc = write_header(&parcel_record, f, opts);
  size_t n = gf_parcels_count(parcels);
  for (size_t i = 0; i < n && rc == GF_OK; i++) {
    gf_cellbuf b;
    const char *cells[GF_PARCEL_COL_N];
    gf_parcel_cells(gf_parcels_at(parcels, i), &b, cells);
    rc = gf_csv_write_row(f, cells, GF_PARCEL_COL_N, parcel_types, opts);
  }
  return finish(f, rc);
}

int gf_parcels_write_header(FILE *f, unsigned opts) {
  if (!f) return GF_EINVAL;
  return finish(f, write_header(&parcel_record, f, opts & ~GF_OPT_NO_HEADER));
}

int gf_tables_write_header(FILE *f, unsigned opts) {
  if (!f) return GF_EINVAL;
  return finish(f, write_header(&table_record, f, opts & ~GF_OPT_NO_HEADER));
}

int gf_tables_write_csv(const gf_tables *tables, FILE *f, unsigned opts) {
  if (!tables || !f) return GF_EINVAL;
  int rc = write_header(&table_record, f, opts);
  size_t n = gf_tables_count(tables);
  for (size_t i = 0; i < n && rc == GF_OK; i++) {
    gf_cellbuf b;
    const char *cells[GF_TABLE_COL_N];
    gf_table_cells(gf_tables_at(tables, i), &b, cells);
    rc = gf_csv_write_row(f, cells, GF_TABLE_COL_N, table_types, opts);
  }
  return finish(f, rc);
}

int gf_documents_write_csv(const gf_document *docs, size_t n, FILE *f,
                           unsigned opts) {
  if ((!docs && n) || !f) return GF_EINVAL;
  int rc = write_header(&document_record, f, opts);
  for (size_t i = 0; i < n && rc == GF_OK; i++) {
    gf_cellbuf b;
    const char *cells[GF_DOCUMENT_COL_N];
    gf_document_cells(&docs[i], &b, cells);
    rc = gf_csv_write_row(f, cells, GF_DOCUMENT_COL_N, document_types,
                          opts);
  }
  return finish(f, rc);
}
