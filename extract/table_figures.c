/* table_figures.c - a table's numbers as figure rows (records.md section 1,
 * issue "tables and land parcels" item 3): every number cell is one figure
 * whose indicator is its row's label, whose unit comes from its column's
 * header ("年末数（万人）", "比重（%）") and whose measure follows the
 * header's words (比上年增长 -> growth, 比重 -> share).  The prose reader
 * skips the glyphs of tables (gf_tables_covers), so no number is read twice
 * and none is glued across columns. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/scan.h"
#include "common/contract.h"
#include "extract/vocab.h"
#include "extract/extract.h"
#include "normalize/normalize.h"


typedef struct column {
  char unit[32];
  char base_unit[32];
  int mag_exp;
  const char *measure;
  int is_unit;            /* a 单位 column: each row names its own unit */
  int period;             /* a year the header names (2024年目标), or 0 */
  const char *kind;       /* "target"/"actual" the header says, or NULL */
} column;


/* A cell that is one number: "866.60", "-2.5", "1,327.8". */
static int numeric(const char *s, char *value, size_t cap) {
  char *n = NULL;
  size_t len = 0;
  if (gf_normalize(s, strlen(s), &n, &len)) return 0;
  size_t i = 0, o = 0;
  int digits = 0, ok = 1;
  if (n[0] == '-' || n[0] == '+') {
    if (n[0] == '-') value[o++] = '-';
    i++;
  }
  for (; i < len && ok; i++) {
    char c = n[i];
    if (c >= '0' && c <= '9') {
      digits++;
      if (o + 1 < cap) value[o++] = c;
    } else if (c == '.') {
      if (o + 1 < cap) value[o++] = c;
    } else if (c != ',') {
      ok = 0;
    }
  }
  value[o] = '\0';
  free(n);
  if (!ok || !digits) return 0;
  gf_decimal_canon(value);
  return 1;
}

/* The unit a header cell names in brackets: 年末数（万人） -> 万人. */
static void header_unit(const char *h, column *c) {
  memset(c, 0, sizeof *c);
  char *n = NULL;
  size_t len = 0;
  if (gf_normalize(h, strlen(h), &n, &len)) return;
  c->measure = GF_MEASURE_NAMES[gf_has_word(n, 0, len, GF_HEAD_GROWTH)
                                    ? GF_MEASURE_GROWTH
                                : gf_has_word(n, 0, len, GF_HEAD_SHARE)
                                    ? GF_MEASURE_SHARE
                                    : GF_MEASURE_LEVEL];
  c->is_unit = strcmp(n, "单位") == 0 || strcmp(n, "计量单位") == 0;
  for (const char *y = n; (y = strstr(y, "年")) != NULL; y += 3)
    if (y - n >= 4 && strspn(y - 4, "0123456789") == 4) {
      c->period = atoi(y - 4);
      break;
    }
  c->kind =
      gf_has_word(n, 0, len, GF_HEAD_TARGET)   ? GF_KIND_NAMES[GF_KIND_TARGET]
      : gf_has_word(n, 0, len, GF_HEAD_ACTUAL) ? GF_KIND_NAMES[GF_KIND_ACTUAL]
                                               : NULL;
  /* 增长% or 比重(%) */
  const char *pct = strstr(n, "%") ? "%" : strstr(n, "‰") ? "‰" : NULL;
  if (pct) {
    snprintf(c->unit, sizeof c->unit, "%s", pct);
    snprintf(c->base_unit, sizeof c->base_unit, "%s", pct);
  }
  const char *open = strstr(n, "（");
  size_t skip = strlen("（");
  if (!open) {
    open = strchr(n, '(');
    skip = 1;
  }
  if (open) {
    const char *u = open + skip;
    size_t rest = len - (size_t)(u - n);
    gf_unit_match um;
    if (rest && gf_unit_read(u, rest, 1, &um) &&
        (u[um.len] == ')' || strncmp(u + um.len, "）", 3) == 0)) {
      snprintf(c->unit, sizeof c->unit, "%.*s", (int)um.len, u);
      snprintf(c->base_unit, sizeof c->base_unit, "%s", um.base);
      c->mag_exp = um.mag_exp;
    }
  }
  free(n);
}

/* The row's label, normalized, with 其中： and list numbers dropped. */
static void label_of(const char *s, char *out, size_t cap) {
  char *n = NULL;
  size_t len = 0;
  out[0] = '\0';
  if (gf_normalize(s, strlen(s), &n, &len)) return;
  const char *p = n;
  for (size_t i = 0; GF_LABEL_LEAD[i]; i++)
    if (strncmp(p, GF_LABEL_LEAD[i], strlen(GF_LABEL_LEAD[i])) == 0) {
      p += strlen(GF_LABEL_LEAD[i]);
      break;
    }
  while (*p >= '0' && *p <= '9') p++;
  if (*p == '.' || *p == ',') p++;
  snprintf(out, cap, "%s", p);
  free(n);
}

int gf_table_figures(const struct gf_doc *doc, const gf_tables *tabs,
                     const gf_page_context *ctx, gf_figures *out) {
  size_t n = gf_tables_count(tabs);
  for (size_t a = 0, b; a < n; a = b) {
    int table = gf_tables_at(tabs, a)->table;
    int max_col = 0;
    for (b = a; b < n && gf_tables_at(tabs, b)->table == table; b++)
      if (gf_tables_at(tabs, b)->col > max_col)
        max_col = gf_tables_at(tabs, b)->col;
    if (max_col < 2 || max_col > 64) continue;
    column cols[65];
    memset(cols, 0, sizeof cols);
    for (int c = 0; c <= max_col; c++)
      cols[c].measure = GF_MEASURE_NAMES[GF_MEASURE_LEVEL];
    int header_row = gf_tables_at(tabs, a)->row;
    for (size_t i = a; i < b; i++) {
      const gf_table_cell *cell = gf_tables_at(tabs, i);
      if (cell->row == header_row) header_unit(cell->text, &cols[cell->col]);
    }
    char label[128] = "";
    column row_unit; /* from the row's 单位 cell */
    int row = -1;
    for (size_t i = a; i < b; i++) {
      const gf_table_cell *cell = gf_tables_at(tabs, i);
      if (cell->row == header_row) continue;
      if (cell->row != row) {
        row = cell->row;
        label[0] = '\0';
        memset(&row_unit, 0, sizeof row_unit);
      }
      if (cols[cell->col].is_unit) {
        gf_unit_match um;
        size_t ul = strlen(cell->text);
        if (ul && ul < sizeof row_unit.unit) {
          /* a unit the vocabulary lacks (蒸发量吨) is taken as written */
          int known = gf_unit_read(cell->text, ul, 1, &um) && um.len == ul;
          snprintf(row_unit.unit, sizeof row_unit.unit, "%s", cell->text);
          snprintf(row_unit.base_unit, sizeof row_unit.base_unit, "%s",
                   known ? um.base : cell->text);
          row_unit.mag_exp = known ? um.mag_exp : 0;
        }
        continue;
      }
      char value[GF_NUM_MAX];
      if (!numeric(cell->text, value, sizeof value)) {
        if (!label[0] && cell->text[0]) label_of(cell->text, label,
                                                 sizeof label);
        continue;
      }
      /* the number's own bytes on the page */
      size_t page = (size_t)cell->page - 1;
      if (page >= doc->n_pages || !label[0]) continue;
      const gf_page *pg = &doc->pages[page];
      size_t len = strlen(cell->text);
      if (cell->split < len) len = cell->split;
      if (cell->start + len > pg->len ||
          memcmp(pg->text + cell->start, cell->text, len) != 0)
        continue; /* the cell's text is not one run of the page text */
      column merged = cols[cell->col];
      if (!merged.unit[0] && row_unit.unit[0]) {
        memcpy(merged.unit, row_unit.unit, sizeof merged.unit);
        memcpy(merged.base_unit, row_unit.base_unit, sizeof merged.base_unit);
        merged.mag_exp = row_unit.mag_exp;
      }
      const column *col = &merged;
      char base[GF_NUM_MAX + 16];
      const char *v = value[0] == '-' ? value + 1 : value;
      if (gf_decimal_shift(v, col->mag_exp, base + 1, sizeof base - 1))
        snprintf(base + 1, sizeof base - 1, "%s", v);
      base[0] = '-';
      const gf_page_context *pc = &ctx[page];
      gf_figure r;
      memset(&r, 0, sizeof r);
      r.doc = gf_doc_name(doc);
      r.page = (int)page + 1;
      r.section = pc->section ? pc->section : "";
      r.kind = col->kind ? col->kind : pc->kind;
      r.period = col->period ? col->period : pc->period;
      r.indicator = label;
      r.measure = col->measure;
      r.value = value;
      r.unit = col->unit;
      r.base_value = value[0] == '-' ? base : base + 1;
      r.base_unit = col->base_unit;
      r.bound = GF_BOUND_NAMES[GF_BOUND_EXACT];
      r.comparison = "";
      r.raw = cell->text;
      r.start = cell->start;
      r.end = cell->start + len;
      r.sentence = label;
      r.value_max = "";
      gf_doc_figure_box(doc, &r);
      int rc = gf_figures_push(out, &r, len);
      if (rc) return rc;
    }
  }
  return GF_OK;
}
