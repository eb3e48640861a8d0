/* ends.c - both ends of a track.csv row as figure rows, so that `govfig
 * check` proves them with the very checker of figures.csv (check/): for
 * every row whose target_doc (or actual_doc) is the document, one row
 * doc,page,value,unit,raw,start,end,value_max of that end.  The checker
 * then finds raw at page/start..end and reads value, unit and value_max
 * again from the source (records.md section 4). */
#include <string.h>

#include "export/export.h"
#include "track/track.h"

enum { E_DOC, E_PAGE, E_START, E_END, E_VALUE, E_VALUE_MAX, E_UNIT, E_RAW,
       N_END_COLS };
static const char *const target_cols[N_END_COLS] = {
    "target_doc",   "target_page",      "target_start", "target_end",
    "target_value", "target_value_max", "target_unit",  "target_raw"};
static const char *const actual_cols[N_END_COLS] = {
    "actual_doc",   "actual_page", "actual_start", "actual_end",
    "actual_value", "",            "actual_unit",  "actual_raw"};
static const char *const out_cols[N_END_COLS] = {
    "doc", "page", "start", "end", "value", "value_max", "unit", "raw"};

/* Column indexes of one end's fields in the track.csv header (-1: none). */
static int find_cols(const gf_csv *c, const char *const *names, int *col) {
  for (size_t k = 0; k < N_END_COLS; k++) {
    col[k] = -1;
    for (size_t j = 0; j < gf_csv_cols(c, 0) && names[k][0]; j++)
      if (strcmp(gf_csv_field(c, 0, j, NULL), names[k]) == 0) col[k] = (int)j;
    if (col[k] < 0 && k != E_VALUE_MAX) return -1;
  }
  return 0;
}

static const char *field(const gf_csv *c, size_t r, int col) {
  const char *f = col >= 0 ? gf_csv_field(c, r, (size_t)col, NULL) : NULL;
  return f ? gf_csv_unguard(f) : "";
}

int gf_track_ends_csv(const char *csv, size_t len, const char *doc,
                      char **out, size_t *out_len, size_t **ends,
                      size_t *n_ends, gf_error *err) {
  if (out) *out = NULL;
  if (ends) *ends = NULL;
  if (n_ends) *n_ends = 0;
  if ((!csv && len) || !out || !ends || !n_ends)
    return gf_error_set(err, GF_EINVAL, "NULL argument", 0, 0);
  gf_csv *c = NULL;
  int rc = gf_csv_parse(csv, len, &c, err);
  if (rc != GF_OK) {
    if (err) err->line = gf_csv_offset_line(csv, len, err->offset);
    return rc;
  }
  int col[2][N_END_COLS];
  if (find_cols(c, target_cols, col[0]) != 0 ||
      find_cols(c, actual_cols, col[1]) != 0) {
    gf_csv_free(c);
    gf_error_set(err, GF_ECSV, "a track.csv column is missing (target_doc, "
                 "target_page, ..., actual_raw)", 0, 0);
    if (err) err->line = 1;
    return GF_ECSV;
  }
  gf_buf b = {0};
  gf_offs map = {0};
  for (size_t k = 0; k < N_END_COLS; k++)
    gf_buf_printf(&b, "%s%s", k ? "," : "", out_cols[k]);
  gf_buf_puts(&b, "\r\n");
  gf_offs_push(&map, 0); /* no line 0 */
  gf_offs_push(&map, 0); /* line 1: the header */
  for (size_t r = 1; r < gf_csv_rows(c); r++)
    for (int e = 0; e < 2; e++) {
      const char *d = field(c, r, col[e][E_DOC]);
      if (!d[0] || (doc && strcmp(d, doc) != 0)) continue;
      gf_offs_push(&map, gf_csv_line(c, r) * 2 + (size_t)e);
      for (size_t k = 0; k < N_END_COLS; k++) {
        const char *v = field(c, r, col[e][k]);
        if (k) gf_buf_putc(&b, ',');
        gf_buf_putc(&b, '"');
        for (const char *p = v; *p; p++) {
          if (*p == '"') gf_buf_putc(&b, '"');
          gf_buf_putc(&b, *p);
          /* a line end inside raw: the row goes on on the next line */
          if (*p == '\r' || (*p == '\n' && (p == v || p[-1] != '\r')))
            gf_offs_push(&map, 0);
        }
        gf_buf_putc(&b, '"');
      }
      gf_buf_puts(&b, "\r\n");
    }
  gf_csv_free(c);
  if (b.oom || map.oom) {
    gf_buf_free(&b);
    gf_offs_free(&map);
    return gf_error_set(err, GF_ENOMEM, NULL, 0, 0);
  }
  *n_ends = map.len;
  *ends = map.v ? map.v : gf_calloc(1, sizeof **ends);
  *out = gf_buf_detach(&b, out_len);
  if (!*out || !*ends) {
    gf_free(*out);
    gf_free(*ends);
    *out = NULL;
    *ends = NULL;
    *n_ends = 0;
    return gf_error_set(err, GF_ENOMEM, NULL, 0, 0);
  }
  return GF_OK;
}
