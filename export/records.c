/* records.c - CSV writers for the records beside figures.csv:
 * parcels.csv (spec/records.md section 2, fixed columns, append only) and
 * tables.csv (doc,page,table,row,col,text).  Both go through the shared
 * row writer of csv.c, so quoting and the formula guard are the same. */
#include <stdio.h>

#include "export/export.h"

static const char *const parcel_columns[] = {
    "doc",  "page", "project_no", "project", "parcel", "east",
    "west", "south", "north",     "land_use", "raw",   NULL};
#define N_PARCEL_COLUMNS (sizeof parcel_columns / sizeof *parcel_columns - 1)
static const unsigned char parcel_numeric[N_PARCEL_COLUMNS] = {0, 1};

static const char *const table_columns[] = {"doc", "page", "table", "row",
                                            "col", "text", NULL};
#define N_TABLE_COLUMNS (sizeof table_columns / sizeof *table_columns - 1)
static const unsigned char table_numeric[N_TABLE_COLUMNS] = {0, 1, 1, 1, 1,
                                                             0};

const char *const *gf_parcels_columns(void) { return parcel_columns; }
const char *const *gf_tables_columns(void) { return table_columns; }

/* Flushes so that a full disk is reported here, not lost in a buffer. */
static int finish(FILE *f, int rc) {
  if (rc == GF_OK && (fflush(f) != 0 || ferror(f))) rc = GF_EIO;
  return rc;
}

int gf_parcels_write_csv(const gf_parcels *parcels, FILE *f, unsigned opts) {
  if (!parcels || !f) return GF_EINVAL;
  int rc = GF_OK;
  if (!(opts & GF_OPT_NO_HEADER))
    rc = gf_csv_write_row(f, parcel_columns, N_PARCEL_COLUMNS, NULL, opts);
  size_t n = gf_parcels_count(parcels);
  for (size_t i = 0; i < n && rc == GF_OK; i++) {
    const gf_parcel *p = gf_parcels_at(parcels, i);
    char page[24];
    snprintf(page, sizeof page, "%d", p->page);
    const char *cells[N_PARCEL_COLUMNS] = {
        p->doc,  page,    p->project_no, p->project,  p->parcel, p->east,
        p->west, p->south, p->north,     p->land_use, p->raw};
    rc = gf_csv_write_row(f, cells, N_PARCEL_COLUMNS, parcel_numeric, opts);
  }
  return finish(f, rc);
}

int gf_parcels_write_header(FILE *f) {
  if (!f) return GF_EINVAL;
  return finish(f, gf_csv_write_row(f, parcel_columns, N_PARCEL_COLUMNS,
                                    NULL, 0));
}

int gf_tables_write_csv(const gf_tables *tables, FILE *f, unsigned opts) {
  if (!tables || !f) return GF_EINVAL;
  int rc = GF_OK;
  if (!(opts & GF_OPT_NO_HEADER))
    rc = gf_csv_write_row(f, table_columns, N_TABLE_COLUMNS, NULL, opts);
  size_t n = gf_tables_count(tables);
  for (size_t i = 0; i < n && rc == GF_OK; i++) {
    const gf_table_cell *c = gf_tables_at(tables, i);
    char page[24], table[24], row[24], col[24];
    snprintf(page, sizeof page, "%d", c->page);
    snprintf(table, sizeof table, "%d", c->table);
    snprintf(row, sizeof row, "%d", c->row);
    snprintf(col, sizeof col, "%d", c->col);
    const char *cells[N_TABLE_COLUMNS] = {c->doc, page, table,
                                          row,    col,  c->text};
    rc = gf_csv_write_row(f, cells, N_TABLE_COLUMNS, table_numeric, opts);
  }
  return finish(f, rc);
}
