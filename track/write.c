/* write.c - the outputs of target tracking: track.csv (records.md section
 * 3, fixed columns, then target_raw,actual_raw appended) through the shared
 * RFC 4180 row writer of export/csv.c, a plain text listing, and the
 * summary per target year. */
#include <stdio.h>

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
static const unsigned char numeric[N_COLS] = {
    [1] = 1, [2] = 1, [3] = 1, [6] = 1, [8] = 1, [9] = 1,
    [13] = 1, [14] = 1, [15] = 1, [17] = 1};

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

int gf_track_write_csv(const gf_track *t, FILE *f, unsigned opts) {
  if (!t || !f) return GF_EINVAL;
  int rc = GF_OK;
  if (!(opts & GF_OPT_NO_HEADER))
    rc = gf_csv_write_row(f, track_columns, N_COLS, NULL, opts);
  for (size_t i = 0; i < gf_track_count(t) && rc == GF_OK; i++) {
    const gf_track_row *r = gf_track_at(t, i);
    char tp[24], ts[24], te[24], per[24], ap[24], as[24], ae[24];
    int has = r->actual_page > 0;
    const char *cells[N_COLS] = {
        r->target_doc,
        num(tp, sizeof tp, (size_t)r->target_page, 1),
        num(ts, sizeof ts, r->target_start, 1),
        num(te, sizeof te, r->target_end, 1),
        r->indicator, r->indicator_key,
        num(per, sizeof per, (size_t)r->period, r->period > 0),
        r->measure, r->target_value, r->target_value_max, r->target_unit,
        r->target_bound, r->actual_doc,
        num(ap, sizeof ap, (size_t)r->actual_page, has),
        num(as, sizeof as, r->actual_start, has),
        num(ae, sizeof ae, r->actual_end, has),
        r->actual_indicator, r->actual_value, r->actual_unit, r->outcome,
        r->reason, r->target_raw, r->actual_raw};
    rc = gf_csv_write_row(f, cells, N_COLS, numeric, opts);
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
