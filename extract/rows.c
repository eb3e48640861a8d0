/* rows.c - the figure row store (records.md section 1): the rows of a
 * gf_figures, the arena their strings live in, and where a row read from a
 * paragraph stands in its page (provenance: start, end, raw).  The prose
 * reader (figures.c) and the table reader (table_figures.c) both add rows
 * here. */
#include <stdlib.h>
#include <string.h>

#include "common/contract.h"
#include "common/scan.h"
#include "extract/extract.h"
#include "normalize/normalize.h"

/* Row strings live in blocks owned by the gf_figures: one allocation per
 * many rows instead of eleven per row. */
typedef struct block {
  struct block *next;
  size_t used, cap;
  char data[];
} block;

struct gf_figures {
  gf_figure *rows;
  size_t n, cap;
  char *doc;
  block *blocks;
  int report, year_actual, year_target; /* from the title (sections.c) */
};

gf_figures *gf_figures_new(const char *doc_name) {
  gf_figures *o = gf_calloc(1, sizeof *o);
  if (!o) return NULL;
  if (!(o->doc = gf_strdup(doc_name))) {
    free(o);
    return NULL;
  }
  return o;
}

const char *gf_figures_keep(gf_figures *o, const char *s, size_t n) {
  block *b = o->blocks;
  if (!b || b->cap - b->used < n + 1) {
    size_t cap = n + 1 > 16384 ? n + 1 : 16384;
    block *nb = gf_malloc(sizeof *nb + cap);
    if (!nb) return NULL;
    nb->next = b;
    nb->used = 0;
    nb->cap = cap;
    o->blocks = b = nb;
  }
  char *d = b->data + b->used;
  memcpy(d, s, n);
  d[n] = '\0';
  b->used += n + 1;
  return d;
}

const char *gf_figures_keep_str(gf_figures *o, const char *s) {
  return gf_figures_keep(o, s, strlen(s));
}

gf_figure *gf_figures_slot(gf_figures *o) {
  if (o->n == o->cap) {
    size_t cap = o->cap ? o->cap * 2 : 64;
    gf_figure *rows = gf_realloc(o->rows, cap * sizeof *rows);
    if (!rows) return NULL;
    o->rows = rows;
    o->cap = cap;
  }
  gf_figure *r = &o->rows[o->n];
  r->doc = o->doc;
  return r;
}

int gf_figures_commit(gf_figures *o) {
  const gf_figure *r = &o->rows[o->n];
  if (!(r->section && r->indicator && r->value && r->unit &&
        r->base_value && r->base_unit && r->comparison && r->raw &&
        r->sentence && r->value_max && r->indicator_key))
    return GF_ENOMEM;
  o->n++;
  return GF_OK;
}

int gf_figures_push(gf_figures *o, const gf_figure *r, size_t raw_len) {
  gf_figure *d = gf_figures_slot(o);
  if (!d) return GF_ENOMEM;
  const char *doc = d->doc;
  *d = *r; /* kind, measure and bound are static strings */
  d->doc = doc;
  d->section = gf_figures_keep_str(o, r->section);
  d->indicator = gf_figures_keep_str(o, r->indicator);
  d->value = gf_figures_keep_str(o, r->value);
  d->unit = gf_figures_keep_str(o, r->unit);
  d->base_value = gf_figures_keep_str(o, r->base_value);
  d->base_unit = gf_figures_keep_str(o, r->base_unit);
  d->comparison = gf_figures_keep_str(o, r->comparison);
  d->raw = gf_figures_keep(o, r->raw, raw_len);
  d->sentence = gf_figures_keep_str(o, r->sentence);
  d->value_max = gf_figures_keep_str(o, r->value_max);
  d->indicator_key = r->indicator_key ? gf_figures_keep_str(o, r->indicator_key)
                                      : d->indicator;
  return gf_figures_commit(o);
}

void gf_figures_source(const gf_doc *doc, const gf_para *p,
                       const size_t *map, const char *t, size_t a, size_t b,
                       uint32_t *page, size_t *start, size_t *end) {
  uint64_t pa = p->pos[map[a]];
  size_t last = gf_prev_char(t, b);
  size_t pb_para = map[last] + gf_char_len((unsigned char)t[last]);
  /* the source char that produced the last byte may be longer (NFKC) */
  size_t nxt = map[b];
  if (nxt > pb_para) pb_para = nxt;
  uint64_t pb = p->pos[pb_para];
  *page = GF_POS_PAGE(pa);
  *start = GF_POS_OFF(pa);
  *end = GF_POS_OFF(pb);
  const gf_page *pg = &doc->pages[*page];
  if (GF_POS_PAGE(pb) != *page) {
    /* a figure split by a page break ("4" | —4— | "个"): raw is its part
     * on the first page, up to the break, never the footer or header
     * between; value and unit come from the joined text */
    *end = *start;
    for (size_t k = last + 1; k-- > a;) {
      uint64_t pk = p->pos[map[k]];
      if (GF_POS_PAGE(pk) != *page) continue;
      size_t off = GF_POS_OFF(pk);
      *end = off + gf_char_len((unsigned char)pg->text[off]);
      break;
    }
  }
  if (*end > pg->len) *end = pg->len;
  while (*end > *start && (pg->text[*end - 1] == ' ' ||
                           pg->text[*end - 1] == '\n' ||
                           pg->text[*end - 1] == '\t'))
    (*end)--;
}

int gf_figures_set_keys(gf_figures *o, const gf_indicators *v) {
  gf_indicators *own = NULL;
  if (!v) {
    int rc = gf_indicators_new(&own, NULL);
    if (rc) return rc;
    v = own;
  }
  int rc = GF_OK;
  char key[1024];
  for (size_t i = 0; i < o->n && !rc; i++) {
    gf_figure *r = &o->rows[i];
    const char *k = gf_indicators_key(v, r->indicator, strlen(r->indicator),
                                      key, sizeof key);
    r->indicator_key = k ? gf_figures_keep_str(o, k) : r->indicator;
    if (!r->indicator_key) rc = GF_ENOMEM;
  }
  gf_indicators_free(own);
  return rc;
}

void gf_figures_free(gf_figures *figs) {
  if (!figs) return;
  for (block *b = figs->blocks, *next; b; b = next) {
    next = b->next;
    free(b);
  }
  free(figs->rows);
  free(figs->doc);
  free(figs);
}

size_t gf_figures_count(const gf_figures *figs) { return figs ? figs->n : 0; }

const gf_figure *gf_figures_at(const gf_figures *figs, size_t i) {
  return figs && i < figs->n ? &figs->rows[i] : NULL;
}

void gf_figures_set_report(gf_figures *o, int type, int year_actual,
                           int year_target) {
  o->report = type;
  o->year_actual = year_actual;
  o->year_target = year_target;
}

const char *gf_figures_report(const gf_figures *figs, int *year_actual,
                              int *year_target) {
  int t = figs ? figs->report : 0;
  if (year_actual) *year_actual = figs ? figs->year_actual : 0;
  if (year_target) *year_target = figs ? figs->year_target : 0;
  return GF_REPORT_NAMES[t >= 0 && t < GF_REPORT_NAME_N ? t : 0];
}
