/* write.c - the outputs of target tracking: track.csv (records.md section
 * 3, fixed columns, then target_raw,actual_raw appended) through the shared
 * RFC 4180 row writer of export/csv.c, the same cells as JSON Lines
 * through export/json.c, a plain text listing, and the summary per target
 * year. */
#include <stdio.h>
#include <string.h>

#include "export/export.h"
#include "track/track.h"

static const char *const track_columns[] = {
    "target_doc",   "target_page",   "target_start",     "target_end",
    "indicator",    "indicator_key", "period",           "measure",
    "target_value", "target_value_max", "target_unit",   "target_bound",
    "actual_doc",   "actual_page",   "actual_start",     "actual_end",
    "actual_indicator", "actual_value", "actual_unit",   "outcome",
    "reason",       "target_raw",    "actual_raw",       NULL};
#define N_COLS (sizeof track_columns / sizeof *track_columns - 1)
static const unsigned char track_types[N_COLS] = {
    [1] = GF_COL_INT, [2] = GF_COL_INT, [3] = GF_COL_INT, [6] = GF_COL_INT,
    [8] = GF_COL_DEC, [9] = GF_COL_DEC, [13] = GF_COL_INT,
    [14] = GF_COL_INT, [15] = GF_COL_INT, [17] = GF_COL_DEC};
static const gf_record track_record = {"track", track_columns, track_types,
                                       N_COLS};

const char *const *gf_track_columns(void) { return track_columns; }

static int finish(FILE *f, int rc) {
  if (rc == GF_OK && (fflush(f) != 0 || ferror(f))) rc = GF_EIO;
  return rc;
}

/* n as text into buf, or "" for an absent actual's position. */
static const char *num(char *buf, size_t cap, size_t n, int present) {
  if (!present) return "";
  snprintf(buf, cap, "%zu", n);
  return buf;
}

/* The cells of row r, as track.csv and track.jsonl write them; numbers
 * formatted into b. */
static void row_cells(const gf_track_row *r, gf_cellbuf *b,
                      const char **cells) {
  int has = r->actual_page > 0;
  const char *c[N_COLS] = {
      r->target_doc,
      num(b->num[0], sizeof b->num[0], (size_t)r->target_page, 1),
      num(b->num[1], sizeof b->num[1], r->target_start, 1),
      num(b->num[2], sizeof b->num[2], r->target_end, 1),
      r->indicator, r->indicator_key,
      num(b->num[3], sizeof b->num[3], (size_t)r->period, r->period > 0),
      r->measure, r->target_value, r->target_value_max, r->target_unit,
      r->target_bound, r->actual_doc,
      num(b->num[4], sizeof b->num[4], (size_t)r->actual_page, has),
      num(b->num[5], sizeof b->num[5], r->actual_start, has),
      num(b->num[6], sizeof b->num[6], r->actual_end, has),
      r->actual_indicator, r->actual_value, r->actual_unit, r->outcome,
      r->reason, r->target_raw, r->actual_raw};
  memcpy(cells, c, sizeof c);
}

int gf_track_write_csv(const gf_track *t, FILE *f, unsigned opts) {
  if (!t || !f) return GF_EINVAL;
  int rc = GF_OK;
  if (!(opts & GF_OPT_NO_HEADER)) {
    rc = gf_csv_write_bom(f, opts);
    if (rc == GF_OK)
      rc = gf_csv_write_row(f, track_columns, N_COLS, NULL, opts);
  }
  for (size_t i = 0; i < gf_track_count(t) && rc == GF_OK; i++) {
    gf_cellbuf b;
    const char *cells[GF_CELLS_MAX];
    row_cells(gf_track_at(t, i), &b, cells);
    rc = gf_csv_write_row(f, cells, N_COLS, track_types, opts);
  }
  return finish(f, rc);
}

int gf_track_write_jsonl(const gf_track *t, FILE *f) {
  if (!t || !f) return GF_EINVAL;
  int rc = GF_OK;
  for (size_t i = 0; i < gf_track_count(t) && rc == GF_OK; i++) {
    gf_cellbuf b;
    const char *cells[GF_CELLS_MAX];
    row_cells(gf_track_at(t, i), &b, cells);
    rc = gf_jsonl_write_row(f, &track_record, cells);
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
