/* write.c - the outputs of target tracking: track.csv (records.md section
 * 3, fixed columns, then target_raw,actual_raw appended) through the shared
 * RFC 4180 row writer of export/csv.c, the same cells as JSON Lines
 * through export/json.c, a plain text listing, and the summary per target
 * year. */
#include <stdio.h>

#include "common/contract.h"
#include "export/export.h"
#include "track/track.h"

/* The columns, their types and a row's cells: export/records.c, shared
 * with the store. */
const char *const *gf_track_columns(void) { return GF_TRACK_COLUMNS; }

static int finish(FILE *f, int rc) {
  if (rc == GF_OK && (fflush(f) != 0 || ferror(f))) rc = GF_EIO;
  return rc;
}

int gf_track_write_csv(const gf_track *t, FILE *f, unsigned opts) {
  if (!t || !f) return GF_EINVAL;
  int rc = GF_OK;
  if (!(opts & GF_OPT_NO_HEADER)) {
    rc = gf_csv_write_bom(f, opts);
    if (rc == GF_OK)
      rc = gf_csv_write_row(f, GF_TRACK_COLUMNS, GF_TRACK_COL_N, NULL, opts);
  }
  for (size_t i = 0; i < gf_track_count(t) && rc == GF_OK; i++) {
    gf_cellbuf b;
    const char *cells[GF_CELLS_MAX];
    gf_track_row_cells(gf_track_at(t, i), &b, cells);
    rc = gf_csv_write_row(f, cells, GF_TRACK_COL_N, gf_record_track()->types,
                          opts);
  }
  return finish(f, rc);
}

int gf_track_write_jsonl(const gf_track *t, FILE *f) {
  if (!t || !f) return GF_EINVAL;
  int rc = GF_OK;
  for (size_t i = 0; i < gf_track_count(t) && rc == GF_OK; i++) {
    gf_cellbuf b;
    const char *cells[GF_CELLS_MAX];
    gf_track_row_cells(gf_track_at(t, i), &b, cells);
    rc = gf_jsonl_write_row(f, gf_record_track(), cells);
  }
  return finish(f, rc);
}

int gf_track_write_summary(const gf_track *t, FILE *f) {
  if (!t || !f) return GF_EINVAL;
  for (size_t i = 0; i < gf_track_year_count(t); i++) {
    const gf_track_year *y = gf_track_year_at(t, i);
    char year[24];
    snprintf(year, sizeof year, "%d", y->period);
    fprintf(f, "targets of %s: %zu, met %zu, missed %zu, unknown %zu\n",
            y->period ? year : "no year", y->targets, y->met, y->missed,
            y->unknown);
  }
  if (gf_track_year_count(t) == 0) fputs("no targets\n", f);
  return finish(f, GF_OK);
}

/* One line a row: "2014 地区生产总值 growth 11% (hailar-2014.pdf p7):
 * missed, 9.1% < 11% [hailar-2015.pdf p1]". */
int gf_track_write_text(const gf_track *t, FILE *f, unsigned opts) {
  (void)opts;
  if (!t || !f) return GF_EINVAL;
  for (size_t i = 0; i < gf_track_count(t); i++) {
    const gf_track_row *r = gf_track_at(t, i);
    fprintf(f, "%d %s %s %s%s%s%s (%s p%d): %s, %s", r->period,
            r->indicator_key, r->measure, r->target_value,
            r->target_value_max[0] ? "-" : "", r->target_value_max,
            r->target_unit, r->target_doc, r->target_page, r->outcome,
            r->reason);
    if (r->actual_page > 0)
      fprintf(f, " [%s p%d]", r->actual_doc, r->actual_page);
    fputc('\n', f);
  }
  return gf_track_write_summary(t, f);
}
