/* view.c - the page of `govfig view` (gf_view_write_html): the template
 * export/view.html, compiled in by the Makefile, filled in with the pages,
 * one box per figure row with the row's x0,y0,x1,y1 (records.md section
 * 1, data-row counting figures.csv's data rows from 1), the parcels' and
 * tables' boxes and the figures table.  All markup and script live in the
 * template; this file only finds its parts, puts HTML-escaped values into
 * their {{name}} slots and says which part comes when.  An edited sheet's
 * rows come from its cells, checked with gf_figures_check. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export/export.h"
#include "extract/extract.h"
#include "normalize/normalize.h"

/* ------------------------------------------------------------- template */

/* A part of the template: what follows its marker <!--gf:NAME--> and a
 * line end, up to the next marker. */
typedef struct part {
  const char *p;
  size_t len;
} part;

enum {
  P_HEAD, P_PAGE, P_FIG, P_PIECE, P_FIG_END, P_PARCEL, P_TABLE, P_PAGE_END,
  P_SIDE, P_ROW, P_PARCELS, P_PROW, P_TAIL, P_N
};
static const char *const part_names[P_N] = {
    "head",     "page", "fig", "piece",   "fig_end", "parcel", "table",
    "page_end", "side", "row", "parcels", "prow",    "tail"};

static int find_parts(part *parts) {
  const char *t = (const char *)gf_view_template;
  const char *end = t + gf_view_template_len;
  static const char open[] = "<!--gf:";
  for (int k = 0; k < P_N; k++) {
    char marker[32];
    snprintf(marker, sizeof marker, "%s%s-->", open, part_names[k]);
    const char *at = strstr(t, marker);
    if (!at) return GF_EINVAL; /* the template lacks a part */
    parts[k].p = at + strlen(marker);
    if (*parts[k].p == '\n') parts[k].p++;
  }
  for (int k = 0; k < P_N; k++) {
    const char *next = strstr(parts[k].p, open);
    parts[k].len = (size_t)((next ? next : end) - parts[k].p);
  }
  return GF_OK;
}

/* One {{name}} value. */
typedef struct kv {
  const char *k, *v;
} kv;

static void put_escaped(FILE *f, const char *s) {
  const char *run = s;
  for (; *s; s++) {
    const char *e = *s == '&'   ? "&amp;"
                    : *s == '<' ? "&lt;"
                    : *s == '>' ? "&gt;"
                    : *s == '"' ? "&quot;"
                    : *s == '\'' ? "&#39;"
                                 : NULL;
    if (!e) continue;
    fwrite(run, 1, (size_t)(s - run), f);
    fputs(e, f);
    run = s + 1;
  }
  fputs(run, f);
}

/* Writes a part with its slots filled from vals (a slot without a value
 * is a bug in this file: the test writes every part). */
static void put_part(FILE *f, const part *p, const kv *vals, size_t n) {
  const char *s = p->p, *end = p->p + p->len;
  while (s < end) {
    const char *open = strstr(s, "{{");
    if (!open || open >= end) open = end;
    fwrite(s, 1, (size_t)(open - s), f);
    if (open == end) break;
    const char *name = open + 2, *close = strstr(name, "}}");
    size_t nl = close ? (size_t)(close - name) : 0;
    for (size_t i = 0; i < n; i++)
      if (strlen(vals[i].k) == nl && memcmp(vals[i].k, name, nl) == 0) {
        put_escaped(f, vals[i].v);
        break;
      }
    s = close ? close + 2 : end;
  }
}

/* ------------------------------------------------------------- rows */

/* A figure row as the page shows it; strings are borrowed from the
 * figures or the parsed CSV. */
typedef struct vrow {
  size_t row;             /* 1-based data row of figures.csv */
  size_t line;            /* CSV line where it starts (CSV input) */
  size_t page;            /* 0: unreadable */
  const char *indicator, *value, *unit, *kind, *period, *raw, *measure;
  char period_buf[24];
  double box[4];
  int has_box;
  size_t start, end;      /* raw in the page text, when known */
  int has_span;
  gf_buf why;             /* the check's reasons, "; " between */
} vrow;

static const char *kind_class(const char *kind) {
  return strcmp(kind, "actual") == 0   ? "actual"
         : strcmp(kind, "target") == 0 ? "target"
                                       : "other";
}

static int rows_from_figures(const gf_figures *figs, vrow *rows) {
  for (size_t i = 0; i < gf_figures_count(figs); i++) {
    const gf_figure *g = gf_figures_at(figs, i);
    vrow *r = &rows[i];
    r->row = i + 1;
    r->page = g->page > 0 ? (size_t)g->page : 0;
    r->indicator = g->indicator;
    r->value = g->value;
    r->unit = g->unit;
    r->kind = g->kind;
    r->raw = g->raw;
    r->measure = g->measure;
    if (g->period) snprintf(r->period_buf, sizeof r->period_buf, "%d",
                            g->period);
    r->period = r->period_buf;
    r->has_box = g->has_box;
    r->box[0] = g->x0;
    r->box[1] = g->y0;
    r->box[2] = g->x1;
    r->box[3] = g->y1;
    r->start = g->start;
    r->end = g->end;
    r->has_span = 1;
  }
  return GF_OK;
}

/* The CSV columns the page shows, found by header name. */
enum {
  K_PAGE, K_INDICATOR, K_VALUE, K_UNIT, K_KIND, K_PERIOD, K_RAW, K_MEASURE,
  K_START, K_END, K_X0, K_Y0, K_X1, K_Y1, K_N
};
static const char *const csv_names[K_N] = {
    "page", "indicator", "value", "unit", "kind", "period", "raw",
    "measure", "start", "end", "x0", "y0", "x1", "y1"};

static int is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* A whole cell as a number: 0 when it is none (empty included). */
static int cell_number(const char *s, double *v) {
  while (is_space(*s)) s++;
  if (!*s) return 0;
  char *end;
  *v = strtod(s, &end);
  while (is_space(*end)) end++;
  return *end == '\0' && *v == *v && *v > -1e9 && *v < 1e9;
}

static int cell_size(const char *s, size_t *v) {
  double d;
  if (!cell_number(s, &d) || d < 0 || d != (double)(size_t)d) return 0;
  *v = (size_t)d;
  return 1;
}

/* The box of a CSV row: its four cells, else the glyphs of page bytes
 * start..end. */
static void csv_box(const gf_doc *doc, const char *const *c, vrow *r) {
  r->has_span = r->page >= 1 && cell_size(c[K_START], &r->start) &&
                cell_size(c[K_END], &r->end) && r->start < r->end &&
                r->end <= doc->pages[r->page - 1].len;
  r->has_box = 1;
  for (int k = 0; k < 4 && r->has_box; k++)
    r->has_box = cell_number(c[K_X0 + k], &r->box[k]);
  if (r->has_box && r->box[2] > r->box[0] && r->box[3] > r->box[1]) return;
  r->has_box = r->has_span &&
               gf_doc_box(doc, r->page - 1, r->start, r->end, r->box);
}

static void rows_from_csv(const gf_doc *doc, const gf_csv *t, vrow *rows,
                          size_t *n) {
  int col[K_N];
  for (int k = 0; k < K_N; k++) {
    col[k] = -1;
    for (size_t j = 0; j < gf_csv_cols(t, 0) && col[k] < 0; j++) {
      const char *h = gf_csv_unguard(gf_csv_field(t, 0, j, NULL));
      while (is_space(*h)) h++;
      size_t l = strlen(csv_names[k]);
      if (strncmp(h, csv_names[k], l) == 0 && (!h[l] || is_space(h[l])))
        col[k] = (int)j;
    }
  }
  *n = 0;
  for (size_t i = 1; i < gf_csv_rows(t); i++) {
    const char *c[K_N];
    int blank = 1;
    for (size_t j = 0; j < gf_csv_cols(t, i) && blank; j++)
      for (const char *s = gf_csv_field(t, i, j, NULL); *s && blank; s++)
        blank = is_space(*s);
    if (blank) continue; /* a spreadsheet's empty row, as the check skips */
    for (int k = 0; k < K_N; k++) {
      const char *f = col[k] >= 0 ? gf_csv_field(t, i, (size_t)col[k], NULL)
                                  : NULL;
      c[k] = gf_csv_unguard(f ? f : "");
    }
    vrow *r = &rows[(*n)++];
    r->row = i;
    r->line = gf_csv_line(t, i);
    size_t page = 0;
    r->page = cell_size(c[K_PAGE], &page) && page >= 1 &&
                      page <= doc->n_pages
                  ? page
                  : 0;
    r->indicator = c[K_INDICATOR];
    r->value = c[K_VALUE];
    r->unit = c[K_UNIT];
    r->kind = c[K_KIND];
    r->period = c[K_PERIOD];
    r->raw = c[K_RAW];
    r->measure = c[K_MEASURE];
    csv_box(doc, c, r);
  }
}

/* Gives each row the reasons gf_figures_check fails it for. */
static void add_reasons(const gf_check *chk, vrow *rows, size_t n) {
  for (size_t i = 0; i < gf_check_count(chk); i++) {
    const gf_check_item *it = gf_check_at(chk, i);
    if (it->severity != GF_CHECK_FAILED) continue;
    size_t lo = 0, hi = n; /* rows are in line order */
    while (lo < hi) {
      size_t mid = lo + (hi - lo) / 2;
      if (rows[mid].line < it->line)
        lo = mid + 1;
      else
        hi = mid;
    }
    if (lo == n || rows[lo].line != it->line) continue;
    if (rows[lo].why.len) gf_buf_puts(&rows[lo].why, "; ");
    gf_buf_puts(&rows[lo].why, it->message);
  }
}

/* ------------------------------------------------------------- writing */

typedef struct view {
  const gf_view_source *src;
  FILE *f;
  part parts[P_N];
  vrow *rows;
  size_t n_rows, n_failed;
  size_t *by_page;        /* row indices in page order */
  int oom;
} view;

/* The coordinates of a box: as figures.csv has them, and as shares of the
 * page for the style. */
typedef struct coords {
  char x0[32], y0[32], x1[32], y1[32];
  char left[32], top[32], width[32], height[32];
} coords;

static void set_coords(coords *c, const double *b, double w, double h) {
  gf_csv_point(c->x0, sizeof c->x0, b[0], 1);
  gf_csv_point(c->y0, sizeof c->y0, b[1], 1);
  gf_csv_point(c->x1, sizeof c->x1, b[2], 1);
  gf_csv_point(c->y1, sizeof c->y1, b[3], 1);
  snprintf(c->left, sizeof c->left, "%.4f", 100 * b[0] / w);
  snprintf(c->top, sizeof c->top, "%.4f", 100 * b[1] / h);
  snprintf(c->width, sizeof c->width, "%.4f", 100 * (b[2] - b[0]) / w);
  snprintf(c->height, sizeof c->height, "%.4f", 100 * (b[3] - b[1]) / h);
}

#define COORD_KV(c)                                                         \
  {"x0", (c).x0}, {"y0", (c).y0}, {"x1", (c).x1}, {"y1", (c).y1},          \
      {"left", (c).left}, {"top", (c).top}, {"width", (c).width},          \
      {"height", (c).height}

/* Whether the row's raw crosses a line break on its page and its box is
 * the union of its lines' (an edited sheet's box may be another). */
static int is_multi(const view *v, const vrow *r) {
  const gf_page *pg = &v->src->doc->pages[r->page - 1];
  double b[4];
  if (!r->has_span || !memchr(pg->text + r->start, '\n', r->end - r->start) ||
      !gf_doc_box(v->src->doc, r->page - 1, r->start, r->end, b))
    return 0;
  for (int k = 0; k < 4; k++)
    if (b[k] < r->box[k] - 0.01 || b[k] > r->box[k] + 0.01) return 0;
  return 1;
}

/* The parts of a figure over a line break, one a line, positioned in its
 * box. */
static void put_pieces(view *v, const vrow *r) {
  const gf_page *pg = &v->src->doc->pages[r->page - 1];
  const double *u = r->box;
  for (size_t a = r->start, e; a < r->end; a = e + 1) {
    const char *nl = memchr(pg->text + a, '\n', r->end - a);
    e = nl ? (size_t)(nl - pg->text) : r->end;
    double b[4], rel[4];
    if (!gf_doc_box(v->src->doc, r->page - 1, a, e, b)) continue;
    rel[0] = b[0] - u[0];
    rel[1] = b[1] - u[1];
    rel[2] = b[2] - u[0];
    rel[3] = b[3] - u[1];
    coords c;
    set_coords(&c, rel, u[2] - u[0], u[3] - u[1]);
    kv vals[] = {COORD_KV(c)};
    put_part(v->f, &v->parts[P_PIECE], vals, sizeof vals / sizeof *vals);
  }
}

static void put_fig(view *v, const vrow *r, double w, double h) {
  coords c;
  set_coords(&c, r->box, w, h);
  int multi = is_multi(v, r);
  char row[24], page[24];
  snprintf(row, sizeof row, "%zu", r->row);
  snprintf(page, sizeof page, "%zu", r->page);
  gf_buf tip = {0};
  if (r->why.len) {
    gf_buf_puts(&tip, " · ");
    gf_buf_puts(&tip, r->why.p);
  }
  if (tip.oom) v->oom = 1;
  kv vals[] = {{"row", row},
               {"page", page},
               COORD_KV(c),
               {"kind", r->kind},
               {"kclass", kind_class(r->kind)},
               {"bad", r->why.len ? " bad" : ""},
               {"measure", r->measure},
               {"indicator", r->indicator},
               {"value", r->value},
               {"unit", r->unit},
               {"period", r->period},
               {"why_tip", tip.p ? tip.p : ""},
               {"multi", multi ? " multi" : ""}};
  put_part(v->f, &v->parts[P_FIG], vals, sizeof vals / sizeof *vals);
  if (multi) put_pieces(v, r);
  put_part(v->f, &v->parts[P_FIG_END], NULL, 0);
  gf_buf_free(&tip);
}

static void put_parcel(view *v, size_t i, const gf_parcel *p, double w,
                       double h) {
  coords c;
  double b[4] = {p->x0, p->y0, p->x1, p->y1};
  set_coords(&c, b, w, h);
  char no[24], page[24];
  snprintf(no, sizeof no, "%zu", i + 1);
  snprintf(page, sizeof page, "%d", p->page);
  kv vals[] = {{"parcel", no},       {"page", page},
               COORD_KV(c),          {"name", p->parcel[0] ? p->parcel : p->project},
               {"east", p->east},    {"west", p->west},
               {"south", p->south},  {"north", p->north}};
  put_part(v->f, &v->parts[P_PARCEL], vals, sizeof vals / sizeof *vals);
}

/* Each table's box on page: the union of its cells' parts there. */
static void put_tables(view *v, size_t page, double w, double h) {
  const gf_tables *t = v->src->tables;
  size_t n = gf_tables_count(t);
  for (size_t a = 0, e; a < n; a = e) {
    int table = gf_tables_at(t, a)->table, have = 0;
    double u[4] = {0, 0, 0, 0};
    for (e = a; e < n && gf_tables_at(t, e)->table == table; e++) {
      const gf_table_cell *c = gf_tables_at(t, e);
      double b[4] = {c->x0, c->y0, c->x1, c->y1};
      int on = c->has_box && (size_t)c->page == page;
      if (!on && (size_t)c->page + 1 == page)
        on = gf_tables_next_box(t, c, b);
      if (!on) continue;
      for (int k = 0; k < 4; k++)
        if (!have || (k < 2 ? b[k] < u[k] : b[k] > u[k])) u[k] = b[k];
      have = 1;
    }
    if (!have) continue;
    coords c;
    set_coords(&c, u, w, h);
    char no[24], pg[24];
    snprintf(no, sizeof no, "%d", table);
    snprintf(pg, sizeof pg, "%zu", page);
    kv vals[] = {{"table", no}, {"page", pg}, COORD_KV(c)};
    put_part(v->f, &v->parts[P_TABLE], vals, sizeof vals / sizeof *vals);
  }
}

/* Every page with a size: its image, then its boxes. */
static void put_pages(view *v) {
  const gf_doc *doc = v->src->doc;
  size_t k = 0; /* into by_page */
  for (size_t page = 1; page <= doc->n_pages; page++) {
    double w, h;
    if (!gf_doc_page_size(doc, page, &w, &h)) continue;
    char no[24], img[32], wpt[32], hpt[32], wpx[24], hpx[24];
    snprintf(no, sizeof no, "%zu", page);
    gf_view_image_name(page, img, sizeof img);
    gf_csv_point(wpt, sizeof wpt, w, 1);
    gf_csv_point(hpt, sizeof hpt, h, 1);
    snprintf(wpx, sizeof wpx, "%d", gf_render_pixels(w, v->src->dpi));
    snprintf(hpx, sizeof hpx, "%d", gf_render_pixels(h, v->src->dpi));
    kv vals[] = {{"page", no}, {"img", img}, {"wpt", wpt},
                 {"hpt", hpt}, {"wpx", wpx}, {"hpx", hpx}};
    put_part(v->f, &v->parts[P_PAGE], vals, sizeof vals / sizeof *vals);
    put_tables(v, page, w, h);
    for (size_t i = 0; i < gf_parcels_count(v->src->parcels); i++) {
      const gf_parcel *p = gf_parcels_at(v->src->parcels, i);
      if (p->has_box && (size_t)p->page == page) put_parcel(v, i, p, w, h);
    }
    while (k < v->n_rows && v->rows[v->by_page[k]].page < page) k++;
    for (; k < v->n_rows && v->rows[v->by_page[k]].page == page; k++)
      if (v->rows[v->by_page[k]].has_box)
        put_fig(v, &v->rows[v->by_page[k]], w, h);
    put_part(v->f, &v->parts[P_PAGE_END], NULL, 0);
  }
}

static void put_rows(view *v) {
  for (size_t i = 0; i < v->n_rows; i++) {
    const vrow *r = &v->rows[i];
    char row[24], page[24] = "";
    snprintf(row, sizeof row, "%zu", r->row);
    if (r->page) snprintf(page, sizeof page, "%zu", r->page);
    kv vals[] = {{"row", row},
                 {"page", page},
                 {"kind", r->kind},
                 {"kclass", kind_class(r->kind)},
                 {"bad", r->why.len ? " bad" : ""},
                 {"measure", r->measure},
                 {"indicator", r->indicator},
                 {"value", r->value},
                 {"unit", r->unit},
                 {"period", r->period},
                 {"raw", r->raw},
                 {"why", r->why.p ? r->why.p : ""}};
    put_part(v->f, &v->parts[P_ROW], vals, sizeof vals / sizeof *vals);
  }
  put_part(v->f, &v->parts[P_PARCELS], NULL, 0);
  for (size_t i = 0; i < gf_parcels_count(v->src->parcels); i++) {
    const gf_parcel *p = gf_parcels_at(v->src->parcels, i);
    char no[24], page[24];
    snprintf(no, sizeof no, "%zu", i + 1);
    snprintf(page, sizeof page, "%d", p->page);
    kv vals[] = {{"parcel", no},      {"page", page},
                 {"name", p->parcel[0] ? p->parcel : p->project},
                 {"east", p->east},   {"west", p->west},
                 {"south", p->south}, {"north", p->north}};
    put_part(v->f, &v->parts[P_PROW], vals, sizeof vals / sizeof *vals);
  }
}

static void put_all(view *v) {
  char rows[24], failed[24], dpi[32];
  snprintf(rows, sizeof rows, "%zu", v->n_rows);
  snprintf(failed, sizeof failed, "%zu", v->n_failed);
  gf_csv_point(dpi, sizeof dpi, v->src->dpi, 1);
  const char *source = !v->src->csv     ? "govfig extract"
                       : v->src->csv_name ? v->src->csv_name
                                          : "CSV";
  kv head[] = {{"doc", gf_doc_name(v->src->doc)}, {"rows", rows},
               {"failed", failed},                {"dpi", dpi},
               {"source", source},                {"version", gf_version()}};
  size_t n_head = sizeof head / sizeof *head;
  put_part(v->f, &v->parts[P_HEAD], head, n_head);
  put_pages(v);
  put_part(v->f, &v->parts[P_SIDE], head, n_head);
  put_rows(v);
  put_part(v->f, &v->parts[P_TAIL], head, n_head);
}

/* ------------------------------------------------------------- API */

/* Row indices ordered by page, then row (a counting sort by page). */
static size_t *order_by_page(const vrow *rows, size_t n, size_t n_pages) {
  size_t *count = gf_calloc(n_pages + 2, sizeof *count);
  size_t *out = gf_malloc((n + 1) * sizeof *out);
  if (!count || !out) {
    gf_free(count);
    gf_free(out);
    return NULL;
  }
  for (size_t i = 0; i < n; i++) count[rows[i].page + 1]++;
  for (size_t p = 1; p < n_pages + 2; p++) count[p] += count[p - 1];
  for (size_t i = 0; i < n; i++) out[count[rows[i].page]++] = i;
  gf_free(count);
  return out;
}

/* The rows to show: the figures, or the CSV's checked against the doc. */
static int load_rows(view *v, gf_csv **table, gf_check **chk,
                     gf_error *err) {
  const gf_view_source *s = v->src;
  if (!s->csv) {
    v->n_rows = gf_figures_count(s->figures);
    v->rows = gf_calloc(v->n_rows + 1, sizeof *v->rows);
    return v->rows ? rows_from_figures(s->figures, v->rows) : GF_ENOMEM;
  }
  int rc = gf_figures_check(s->doc, s->csv, s->csv_len, 0, chk, err);
  if (rc) return rc;
  rc = gf_csv_parse(s->csv, s->csv_len, table, NULL);
  if (rc) return gf_error_fill(err, rc == GF_EINVAL ? GF_ECSV : rc, 0, 0);
  v->rows = gf_calloc(gf_csv_rows(*table) + 1, sizeof *v->rows);
  if (!v->rows) return GF_ENOMEM;
  rows_from_csv(s->doc, *table, v->rows, &v->n_rows);
  add_reasons(*chk, v->rows, v->n_rows);
  v->n_failed = gf_check_failed_rows(*chk);
  for (size_t i = 0; i < v->n_rows; i++)
    if (v->rows[i].why.oom) return GF_ENOMEM;
  return GF_OK;
}

int gf_view_write_html(const gf_view_source *src, FILE *f, gf_error *err) {
  gf_error_fill(err, GF_OK, 0, 0);
  if (!src || !src->doc || !f || (!src->figures && !src->csv) ||
      !(src->dpi >= 1) || src->dpi > GF_RENDER_MAX_DPI)
    return gf_error_fill(err, GF_EINVAL, 0, 0);
  view v;
  memset(&v, 0, sizeof v);
  v.src = src;
  v.f = f;
  gf_csv *table = NULL;
  gf_check *chk = NULL;
  int rc = find_parts(v.parts);
  if (rc == GF_OK) rc = load_rows(&v, &table, &chk, err);
  if (rc == GF_OK) {
    v.by_page = order_by_page(v.rows, v.n_rows, src->doc->n_pages);
    rc = v.by_page ? GF_OK : GF_ENOMEM;
  }
  if (rc == GF_OK) {
    put_all(&v);
    rc = v.oom ? GF_ENOMEM : ferror(f) ? GF_EIO : GF_OK;
  }
  for (size_t i = 0; v.rows && i < v.n_rows; i++) gf_buf_free(&v.rows[i].why);
  gf_free(v.rows);
  gf_free(v.by_page);
  gf_check_free(chk);
  gf_csv_free(table);
  if (rc && (!err || err->code != rc)) gf_error_fill(err, rc, 0, 0);
  return rc;
}

int gf_view_image_name(size_t page, char *buf, size_t cap) {
  if (!buf || page == 0) return GF_EINVAL;
  int n = snprintf(buf, cap, "page-%04zu.png", page);
  return n > 0 && (size_t)n < cap ? GF_OK : GF_EINVAL;
}
