/* track.c - targets of one year against the actuals of that year in the
 * other reports (records.md section 3, track.csv).  Figures of several
 * reports are copied in (from gf_figures or a figures.csv), then for every
 * target the actuals of the same indicator_key and period are found by
 * bisection in one sorted index, filtered by the comparability rules
 * (measure, units, scope, span), ranked (the report that reviews the year,
 * its review part), and the best judged by outcome.c.  Anything unsure -
 * two targets under one name, actuals that disagree - is unknown. */
#include <stdlib.h>
#include <string.h>

#include "export/export.h"
#include "track/track.h"

typedef struct topcount { /* a top-level section of a doc */
  const char *top;
  size_t actual, target;
} topcount;

typedef struct tdoc {
  char *name;
  unsigned call;        /* the add call that brought it */
  int main_period;      /* the year most of its actuals are of */
  topcount *tops;
  size_t n_tops, cap_tops;
} tdoc;

typedef struct tfig {
  size_t idx, doc, rank; /* rank: of the doc's name among all docs */
  int page, period, kind; /* kind: 1 actual, 2 target, 0 other */
  size_t start, end;
  unsigned scope;
  int span, in_review, ambiguous;
  gf_track_side side;
  const char *top, *indicator, *key, *comparison, *raw;
  char *mem;            /* one block holding every string above */
} tfig;

struct gf_track {
  const gf_indicators *vocab;
  unsigned calls;
  tdoc *docs;
  size_t n_docs, cap_docs;
  tfig **figs;
  size_t n_figs, cap_figs;
  gf_track_row *rows;
  char **reasons;
  size_t n_rows;
  gf_track_year *years;
  size_t n_years;
};

enum { K_OTHER = 0, K_ACTUAL = 1, K_TARGET = 2 };

/* The fields of one incoming row, every string non-NULL. */
typedef struct src {
  const char *doc, *section, *kind, *indicator, *key, *measure, *value;
  const char *value_max, *unit, *base_value, *base_unit, *bound, *comparison;
  const char *raw, *sentence;
  int page, period;
  size_t start, end;
} src;

int gf_track_new(const gf_indicators *vocab, gf_track **out, gf_error *err) {
  if (!out) return gf_error_set(err, GF_EINVAL, "out is NULL", 0, 0);
  *out = gf_calloc(1, sizeof **out);
  if (!*out) return gf_error_set(err, GF_ENOMEM, NULL, 0, 0);
  (*out)->vocab = vocab;
  return GF_OK;
}

static void free_rows(gf_track *t) {
  for (size_t i = 0; i < t->n_rows; i++) gf_free(t->reasons[i]);
  gf_free(t->reasons);
  gf_free(t->rows);
  gf_free(t->years);
  t->reasons = NULL;
  t->rows = NULL;
  t->years = NULL;
  t->n_rows = t->n_years = 0;
}

void gf_track_free(gf_track *t) {
  if (!t) return;
  free_rows(t);
  for (size_t i = 0; i < t->n_figs; i++) {
    gf_free(t->figs[i]->mem);
    gf_free(t->figs[i]);
  }
  gf_free(t->figs);
  for (size_t i = 0; i < t->n_docs; i++) {
    gf_free(t->docs[i].name);
    gf_free(t->docs[i].tops);
  }
  gf_free(t->docs);
  gf_free(t);
}

/* The doc named name: an existing one of this call, a new one, or
 * (size_t)-1 for a doc of an earlier call (ignored) or -2 out of memory. */
static size_t doc_of(gf_track *t, const char *name, size_t *cache) {
  if (*cache < t->n_docs && strcmp(t->docs[*cache].name, name) == 0)
    return t->docs[*cache].call == t->calls ? *cache : (size_t)-1;
  for (size_t i = 0; i < t->n_docs; i++)
    if (strcmp(t->docs[i].name, name) == 0) {
      *cache = i;
      return t->docs[i].call == t->calls ? i : (size_t)-1;
    }
  if (t->n_docs == t->cap_docs) {
    size_t cap = t->cap_docs ? t->cap_docs * 2 : 8;
    tdoc *d = gf_realloc(t->docs, cap * sizeof *d);
    if (!d) return (size_t)-2;
    t->docs = d;
    t->cap_docs = cap;
  }
  tdoc *d = &t->docs[t->n_docs];
  memset(d, 0, sizeof *d);
  if (!(d->name = gf_strdup(name))) return (size_t)-2;
  d->call = t->calls;
  *cache = t->n_docs;
  return t->n_docs++;
}

static int kind_code(const char *k) {
  return strcmp(k, "actual") == 0 ? K_ACTUAL
         : strcmp(k, "target") == 0 ? K_TARGET : K_OTHER;
}

/* Copies the strings of s into one block. */
static int add_fig(gf_track *t, const src *s, size_t *cache) {
  int kind = kind_code(s->kind);
  if (kind == K_OTHER) return GF_OK;
  size_t d = doc_of(t, s->doc, cache);
  if (d == (size_t)-1) return GF_OK;
  if (d == (size_t)-2) return GF_ENOMEM;
  size_t top_len = strcspn(s->section, ">");
  while (top_len && s->section[top_len - 1] == ' ') top_len--;
  const char *key = s->key[0] ? s->key : s->indicator;
  const char *parts[] = {s->indicator, key, s->measure, s->value,
                         s->value_max, s->unit, s->base_value, s->base_unit,
                         s->bound, s->comparison, s->raw};
  enum { NP = sizeof parts / sizeof *parts };
  size_t total = top_len + 1;
  for (size_t i = 0; i < NP; i++) total += strlen(parts[i]) + 1;
  if (t->n_figs == t->cap_figs) {
    size_t cap = t->cap_figs ? t->cap_figs * 2 : 256;
    tfig **g = gf_realloc(t->figs, cap * sizeof *g);
    if (!g) return GF_ENOMEM;
    t->figs = g;
    t->cap_figs = cap;
  }
  tfig *f = gf_calloc(1, sizeof *f);
  char *m = f ? gf_malloc(total) : NULL;
  if (!m) {
    gf_free(f);
    return GF_ENOMEM;
  }
  f->mem = m;
  memcpy(m, s->section, top_len);
  m[top_len] = '\0';
  f->top = m;
  m += top_len + 1;
  const char *copy[NP];
  for (size_t i = 0; i < NP; i++) {
    size_t n = strlen(parts[i]);
    memcpy(m, parts[i], n + 1);
    copy[i] = m;
    m += n + 1;
  }
  f->indicator = copy[0];
  f->key = copy[1];
  f->side = (gf_track_side){copy[2], copy[3], copy[4], copy[5],
                            copy[6], copy[7], copy[8]};
  f->comparison = copy[9];
  f->raw = copy[10];
  f->idx = t->n_figs;
  f->doc = d;
  f->page = s->page;
  f->period = s->period;
  f->kind = kind;
  f->start = s->start;
  f->end = s->end;
  f->scope = gf_track_scope(s->indicator);
  f->span = gf_track_span(s->indicator, s->comparison, s->sentence, s->raw);
  t->figs[t->n_figs++] = f;
  return GF_OK;
}

/* Undoes an add call that failed: its rows and its new docs go. */
static void roll_back(gf_track *t, size_t n_figs, size_t n_docs) {
  while (t->n_figs > n_figs) {
    tfig *f = t->figs[--t->n_figs];
    gf_free(f->mem);
    gf_free(f);
  }
  while (t->n_docs > n_docs) {
    tdoc *d = &t->docs[--t->n_docs];
    gf_free(d->name);
    gf_free(d->tops);
  }
}

int gf_track_add_figures(gf_track *t, const gf_figures *figs,
                         gf_error *err) {
  if (!t || !figs) return gf_error_set(err, GF_EINVAL, "NULL argument", 0, 0);
  t->calls++;
  size_t cache = (size_t)-1, n_figs = t->n_figs, n_docs = t->n_docs;
  for (size_t i = 0; i < gf_figures_count(figs); i++) {
    const gf_figure *g = gf_figures_at(figs, i);
    src s = {g->doc, g->section, g->kind, g->indicator, g->indicator_key,
             g->measure, g->value, g->value_max, g->unit, g->base_value,
             g->base_unit, g->bound, g->comparison, g->raw, g->sentence,
             g->page, g->period, g->start, g->end};
    if (add_fig(t, &s, &cache) != GF_OK) {
      roll_back(t, n_figs, n_docs);
      return gf_error_set(err, GF_ENOMEM, NULL, 0, 0);
    }
  }
  return GF_OK;
}

/* ------------------------------------------------------------ csv input */

enum { C_DOC, C_PAGE, C_SECTION, C_KIND, C_PERIOD, C_INDICATOR, C_MEASURE,
       C_VALUE, C_UNIT, C_BASE_VALUE, C_BASE_UNIT, C_BOUND, C_COMPARISON,
       C_RAW, C_START, C_END, C_SENTENCE, C_VALUE_MAX, C_KEY, N_COLS };
static const char *const col_names[N_COLS] = {
    "doc", "page", "section", "kind", "period", "indicator", "measure",
    "value", "unit", "base_value", "base_unit", "bound", "comparison", "raw",
    "start", "end", "sentence", "value_max", "indicator_key"};
static const unsigned char col_needed[N_COLS] = {
    [C_DOC] = 1, [C_KIND] = 1, [C_PERIOD] = 1, [C_INDICATOR] = 1,
    [C_MEASURE] = 1, [C_VALUE] = 1, [C_UNIT] = 1};

/* A whole number cell, or 0 when empty or not one. */
static size_t cell_size(const char *s) {
  size_t v = 0;
  for (; *s >= '0' && *s <= '9'; s++) {
    if (v > ((size_t)-1 - 9) / 10) return 0;
    v = v * 10 + (size_t)(*s - '0');
  }
  return *s ? 0 : v;
}

int gf_track_add_csv(gf_track *t, const char *csv, size_t len,
                     gf_error *err) {
  if (!t || (!csv && len))
    return gf_error_set(err, GF_EINVAL, "NULL argument", 0, 0);
  gf_csv *c = NULL;
  int rc = gf_csv_parse(csv, len, &c, err);
  if (rc != GF_OK) {
    if (err) err->line = gf_csv_offset_line(csv, len, err->offset);
    return rc;
  }
  int col[N_COLS];
  for (size_t k = 0; k < N_COLS; k++) col[k] = -1;
  for (size_t j = 0; j < gf_csv_cols(c, 0); j++) {
    const char *name = gf_csv_field(c, 0, j, NULL);
    for (size_t k = 0; k < N_COLS; k++)
      if (col[k] < 0 && strcmp(name, col_names[k]) == 0) col[k] = (int)j;
  }
  for (size_t k = 0; k < N_COLS; k++)
    if (col_needed[k] && col[k] < 0) {
      gf_csv_free(c);
      gf_error_set(err, GF_ECSV, "a figures.csv column is missing (doc, "
                   "kind, period, indicator, measure, value, unit)", 0, 0);
      if (err) err->line = 1;
      return GF_ECSV;
    }
  t->calls++;
  size_t cache = (size_t)-1, n_figs = t->n_figs, n_docs = t->n_docs;
  for (size_t r = 1; r < gf_csv_rows(c) && rc == GF_OK; r++) {
    const char *v[N_COLS];
    for (size_t k = 0; k < N_COLS; k++) {
      const char *f = col[k] >= 0 ? gf_csv_field(c, r, (size_t)col[k], NULL)
                                  : NULL;
      v[k] = f ? gf_csv_unguard(f) : "";
    }
    if (!v[C_DOC][0]) continue; /* a row of empty cells */
    size_t page = cell_size(v[C_PAGE]), period = cell_size(v[C_PERIOD]);
    src s = {v[C_DOC], v[C_SECTION], v[C_KIND], v[C_INDICATOR], v[C_KEY],
             v[C_MEASURE], v[C_VALUE], v[C_VALUE_MAX], v[C_UNIT],
             v[C_BASE_VALUE], v[C_BASE_UNIT], v[C_BOUND][0] ? v[C_BOUND]
                                                            : "exact",
             v[C_COMPARISON], v[C_RAW], v[C_SENTENCE],
             page > 1000000 ? 0 : (int)page,
             period > 9999 ? 0 : (int)period, cell_size(v[C_START]),
             cell_size(v[C_END])};
    rc = add_fig(t, &s, &cache);
  }
  gf_csv_free(c);
  if (rc != GF_OK) {
    roll_back(t, n_figs, n_docs);
    return gf_error_set(err, rc, NULL, 0, 0);
  }
  return GF_OK;
}

/* ------------------------------------------------------------ accessors */

size_t gf_track_count(const gf_track *t) { return t ? t->n_rows : 0; }

const gf_track_row *gf_track_at(const gf_track *t, size_t i) {
  return t && i < t->n_rows ? &t->rows[i] : NULL;
}

size_t gf_track_year_count(const gf_track *t) { return t ? t->n_years : 0; }

const gf_track_year *gf_track_year_at(const gf_track *t, size_t i) {
  return t && i < t->n_years ? &t->years[i] : NULL;
}

/* ------------------------------------------------------------ documents */

/* Per doc: its top-level sections with their counts of actuals and
 * targets (a review part is one where actuals outnumber targets), and the
 * year most of its actuals are of (the year the report reviews). */
static int doc_info(gf_track *t) {
  for (size_t i = 0; i < t->n_figs; i++) {
    tfig *f = t->figs[i];
    tdoc *d = &t->docs[f->doc];
    topcount *tc = NULL;
    for (size_t j = d->n_tops; j-- > 0 && !tc;)
      if (strcmp(d->tops[j].top, f->top) == 0) tc = &d->tops[j];
    if (!tc) {
      if (d->n_tops == d->cap_tops) {
        size_t cap = d->cap_tops ? d->cap_tops * 2 : 8;
        topcount *n = gf_realloc(d->tops, cap * sizeof *n);
        if (!n) return GF_ENOMEM;
        d->tops = n;
        d->cap_tops = cap;
      }
      tc = &d->tops[d->n_tops++];
      *tc = (topcount){f->top, 0, 0};
    }
    if (f->kind == K_ACTUAL) tc->actual++;
    else tc->target++;
  }
  return GF_OK;
}

static int by_doc_period(const void *x, const void *y) {
  const tfig *a = *(tfig *const *)x, *b = *(tfig *const *)y;
  if (a->doc != b->doc) return a->doc < b->doc ? -1 : 1;
  if (a->period != b->period) return a->period < b->period ? -1 : 1;
  return a->idx < b->idx ? -1 : a->idx > b->idx;
}

/* main_period of every doc: the most frequent period of its actuals (ties:
 * the later year).  a holds the actuals; it is sorted here. */
static void main_periods(gf_track *t, tfig **a, size_t n) {
  qsort(a, n, sizeof *a, by_doc_period);
  size_t best = 0;
  for (size_t i = 0; i < n;) {
    size_t j = i;
    while (j < n && a[j]->doc == a[i]->doc && a[j]->period == a[i]->period)
      j++;
    tdoc *d = &t->docs[a[i]->doc];
    if (i == 0 || a[i - 1]->doc != a[i]->doc) best = 0;
    if (j - i >= best && a[i]->period) {
      best = j - i;
      d->main_period = a[i]->period;
    }
    i = j;
  }
}

static int in_review(const gf_track *t, const tfig *f) {
  const tdoc *d = &t->docs[f->doc];
  for (size_t j = 0; j < d->n_tops; j++)
    if (strcmp(d->tops[j].top, f->top) == 0)
      return d->tops[j].actual > d->tops[j].target;
  return 0;
}

/* ------------------------------------------------------------ ordering */

static int by_key_period(const void *x, const void *y) {
  const tfig *a = *(tfig *const *)x, *b = *(tfig *const *)y;
  int c = strcmp(a->key, b->key);
  if (c) return c;
  if (a->period != b->period) return a->period < b->period ? -1 : 1;
  return a->idx < b->idx ? -1 : a->idx > b->idx;
}

/* Rows: period, target doc name (rank), page, offset. */
static int by_place(const void *x, const void *y) {
  const tfig *a = *(tfig *const *)x, *b = *(tfig *const *)y;
  if (a->period != b->period) return a->period < b->period ? -1 : 1;
  if (a->rank != b->rank) return a->rank < b->rank ? -1 : 1;
  if (a->page != b->page) return a->page < b->page ? -1 : 1;
  if (a->start != b->start) return a->start < b->start ? -1 : 1;
  return a->idx < b->idx ? -1 : a->idx > b->idx;
}

static int same_value(const tfig *a, const tfig *b) {
  int r;
  const gf_track_side *s = &a->side, *u = &b->side;
  const char *va = s->base_value[0] ? s->base_value : s->value;
  const char *vb = u->base_value[0] ? u->base_value : u->value;
  return gf_decimal_cmp(va, vb, &r) == 0 && r == 0 &&
         strcmp(s->value_max, u->value_max) == 0;
}

static int by_group(const void *x, const void *y) {
  const tfig *a = *(tfig *const *)x, *b = *(tfig *const *)y;
  if (a->doc != b->doc) return a->doc < b->doc ? -1 : 1;
  int c = strcmp(a->key, b->key);
  if (c) return c;
  if (a->period != b->period) return a->period < b->period ? -1 : 1;
  if ((c = strcmp(a->side.measure, b->side.measure))) return c;
  if ((c = strcmp(a->side.base_unit, b->side.base_unit))) return c;
  if (a->span != b->span) return a->span < b->span ? -1 : 1;
  return a->idx < b->idx ? -1 : a->idx > b->idx;
}

/* Two targets of one report and year under one key and measure with
 * different values are two things under one name (投资 of two projects):
 * no actual can be told to be either's. */
static void mark_ambiguous(tfig **g, size_t n) {
  qsort(g, n, sizeof *g, by_group);
  for (size_t i = 0; i < n;) {
    size_t j = i + 1;
    int differ = 0;
    while (j < n && g[j]->doc == g[i]->doc && g[j]->period == g[i]->period &&
           strcmp(g[j]->key, g[i]->key) == 0 &&
           strcmp(g[j]->side.measure, g[i]->side.measure) == 0 &&
           strcmp(g[j]->side.base_unit, g[i]->side.base_unit) == 0 &&
           g[j]->span == g[i]->span) {
      if (!same_value(g[j], g[i])) differ = 1;
      j++;
    }
    for (size_t k = i; k < j; k++) g[k]->ambiguous = differ ? (int)(j - i) : 0;
    i = j;
  }
}

/* ------------------------------------------------------------ matching */

static const char *span_words(int span) {
  return span == GF_SPAN_AVERAGE ? "a yearly average over several years"
         : span == GF_SPAN_TOTAL ? "a total over several years"
                                 : "one year's";
}

/* Whether actual a can decide target g; else why says what differs. */
static int qualifies(const tfig *g, const tfig *a, gf_buf *why) {
  if (!gf_track_comparable(&g->side, &a->side, why)) return 0;
  if (g->scope != a->scope) {
    const char *as = gf_track_scope_name(a->scope & ~g->scope);
    const char *gs = gf_track_scope_name(g->scope & ~a->scope);
    gf_buf_printf(why, "actual of another scope (%s), target %s",
                  as[0] ? as : "no scope word", gs[0] ? gs : "no scope word");
    return 0;
  }
  if (g->span != a->span) {
    gf_buf_printf(why, "actual is %s, target %s", span_words(a->span),
                  span_words(g->span));
    return 0;
  }
  return 1;
}

/* 0 best: the report reviewing the target's year, in its review part. */
static int tier_of(const gf_track *t, const tfig *g, const tfig *a) {
  return (t->docs[a->doc].main_period == g->period ? 0 : 2) +
         (a->in_review ? 0 : 1);
}

static void say_at(gf_buf *b, const gf_track *t, const tfig *f) {
  gf_buf_printf(b, "%s%s (%s p%d)", f->side.value, f->side.unit,
                t->docs[f->doc].name, f->page);
}

/* First actual of key and period in acts (sorted by_key_period). */
static size_t lower_bound(tfig **acts, size_t n, const char *key,
                          int period) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    int c = strcmp(acts[mid]->key, key);
    if (c < 0 || (c == 0 && acts[mid]->period < period)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

typedef struct pick {
  const tfig *best, *other; /* other: one that disagrees with best */
  int tier;
  size_t n_same, n_ok, n_best;
  gf_buf first_why;         /* why the first unfit actual did not fit */
} pick;

static void choose(const gf_track *t, tfig **acts, size_t n_acts,
                   const tfig *g, pick *p) {
  p->tier = 4;
  for (size_t i = lower_bound(acts, n_acts, g->key, g->period);
       i < n_acts && acts[i]->period == g->period &&
       strcmp(acts[i]->key, g->key) == 0;
       i++) {
    const tfig *a = acts[i];
    if (a->doc == g->doc) continue;
    p->n_same++;
    gf_buf w = {0};
    if (!qualifies(g, a, &w)) {
      if (!p->first_why.len) {
        p->first_why = w;
        continue;
      }
      gf_buf_free(&w);
      continue;
    }
    gf_buf_free(&w);
    p->n_ok++;
    int tr = tier_of(t, g, a);
    if (tr < p->tier) {
      p->best = a;
      p->tier = tr;
      p->n_best = 1;
      p->other = NULL;
    } else if (tr == p->tier) {
      p->n_best++;
      if (!p->other && !same_value(a, p->best)) p->other = a;
    }
  }
}

static const char *const outcome_names[] = {"unknown", "met", "missed"};

/* Fills row and its reason for target g. */
static void judge_one(const gf_track *t, tfig **acts, size_t n_acts,
                      const tfig *g, gf_track_row *row, gf_buf *why) {
  *row = (gf_track_row){0};
  row->target_doc = t->docs[g->doc].name;
  row->target_page = g->page;
  row->target_start = g->start;
  row->target_end = g->end;
  row->indicator = g->indicator;
  row->indicator_key = g->key;
  row->period = g->period;
  row->measure = g->side.measure;
  row->target_value = g->side.value;
  row->target_value_max = g->side.value_max;
  row->target_unit = g->side.unit;
  row->target_bound = g->side.bound;
  row->target_raw = g->raw;
  row->actual_doc = row->actual_indicator = row->actual_value = "";
  row->actual_unit = row->actual_raw = "";
  int code = GF_TRACK_UNKNOWN;
  pick p = {0};
  if (!g->period) {
    gf_buf_puts(why, "the target has no year");
  } else if (!g->key[0]) {
    gf_buf_puts(why, "the target has no indicator");
  } else if (g->ambiguous) {
    gf_buf_printf(why, "%d targets of %d in %s share this indicator and "
                  "measure: which actual is whose cannot be told",
                  g->ambiguous, g->period, t->docs[g->doc].name);
  } else if (choose(t, acts, n_acts, g, &p), p.n_same == 0) {
    gf_buf_printf(why, "no actual of %d for this indicator", g->period);
  } else if (p.n_ok == 0) {
    gf_buf_put(why, p.first_why.p, p.first_why.len);
  } else if (p.other) {
    gf_buf_printf(why, "actuals of %d differ: ", g->period);
    say_at(why, t, p.best);
    gf_buf_puts(why, ", ");
    say_at(why, t, p.other);
  } else {
    const tfig *a = p.best;
    int dir = t->vocab ? gf_indicators_direction(t->vocab, g->key) : 0;
    code = gf_track_judge(&g->side, &a->side, dir, why);
    row->actual_doc = t->docs[a->doc].name;
    row->actual_page = a->page;
    row->actual_start = a->start;
    row->actual_end = a->end;
    row->actual_indicator = a->indicator;
    row->actual_value = a->side.value;
    row->actual_unit = a->side.unit;
    row->actual_raw = a->raw;
    size_t others = p.n_ok - 1;
    if (p.n_ok > p.n_best)
      gf_buf_printf(why, "; %s%s preferred over %zu other statement%s",
                    p.tier == 0 ? "the review of " : "",
                    row->actual_doc, others, others == 1 ? "" : "s");
    else if (p.n_best > 1)
      gf_buf_printf(why, "; %zu statements agree", p.n_best);
  }
  gf_buf_free(&p.first_why);
  row->outcome_code = code;
  row->outcome = outcome_names[code];
}

static int by_name(const void *x, const void *y) {
  const tdoc *a = *(tdoc *const *)x, *b = *(tdoc *const *)y;
  return strcmp(a->name, b->name);
}

/* Ranks docs by name; resets what a previous run computed. */
static int prepare(gf_track *t) {
  tdoc **order = gf_malloc((t->n_docs ? t->n_docs : 1) * sizeof *order);
  if (!order) return GF_ENOMEM;
  for (size_t i = 0; i < t->n_docs; i++) {
    t->docs[i].n_tops = 0;
    t->docs[i].main_period = 0;
    order[i] = &t->docs[i];
  }
  qsort(order, t->n_docs, sizeof *order, by_name);
  size_t *rank = gf_malloc((t->n_docs ? t->n_docs : 1) * sizeof *rank);
  if (!rank) {
    gf_free(order);
    return GF_ENOMEM;
  }
  for (size_t i = 0; i < t->n_docs; i++)
    rank[(size_t)(order[i] - t->docs)] = i;
  for (size_t i = 0; i < t->n_figs; i++)
    t->figs[i]->rank = rank[t->figs[i]->doc];
  gf_free(rank);
  gf_free(order);
  return doc_info(t);
}

static int summarize(gf_track *t) {
  for (size_t i = 0; i < t->n_rows; i++)
    if (i == 0 || t->rows[i].period != t->rows[i - 1].period) t->n_years++;
  t->years = gf_calloc(t->n_years ? t->n_years : 1, sizeof *t->years);
  if (!t->years) return GF_ENOMEM;
  size_t y = 0;
  for (size_t i = 0; i < t->n_rows; i++) {
    const gf_track_row *r = &t->rows[i];
    if (i > 0 && r->period != t->rows[i - 1].period) y++;
    gf_track_year *e = &t->years[y];
    e->period = r->period;
    e->targets++;
    if (r->outcome_code == GF_TRACK_MET) e->met++;
    else if (r->outcome_code == GF_TRACK_MISSED) e->missed++;
    else e->unknown++;
  }
  return GF_OK;
}

int gf_track_run(gf_track *t, gf_error *err) {
  if (!t) return gf_error_set(err, GF_EINVAL, "t is NULL", 0, 0);
  free_rows(t);
  size_t n = t->n_figs ? t->n_figs : 1, n_a = 0, n_g = 0;
  tfig **acts = gf_malloc(n * sizeof *acts);
  tfig **goals = gf_malloc(n * sizeof *goals);
  int rc = acts && goals ? prepare(t) : GF_ENOMEM;
  if (rc != GF_OK) goto done;
  for (size_t i = 0; i < t->n_figs; i++) {
    tfig *f = t->figs[i];
    if (f->kind == K_ACTUAL) {
      f->in_review = in_review(t, f);
      acts[n_a++] = f;
    } else {
      goals[n_g++] = f;
    }
  }
  main_periods(t, acts, n_a);
  qsort(acts, n_a, sizeof *acts, by_key_period);
  mark_ambiguous(goals, n_g);
  qsort(goals, n_g, sizeof *goals, by_place);
  t->rows = gf_calloc(n_g ? n_g : 1, sizeof *t->rows);
  t->reasons = gf_calloc(n_g ? n_g : 1, sizeof *t->reasons);
  if (!t->rows || !t->reasons) {
    rc = GF_ENOMEM;
    goto done;
  }
  for (size_t i = 0; i < n_g; i++) {
    gf_buf why = {0};
    judge_one(t, acts, n_a, goals[i], &t->rows[i], &why);
    t->reasons[i] = gf_buf_detach(&why, NULL);
    if (!t->reasons[i]) {
      rc = GF_ENOMEM;
      goto done;
    }
    t->rows[i].reason = t->reasons[i];
    t->n_rows = i + 1;
  }
  rc = summarize(t);
done:
  gf_free(acts);
  gf_free(goals);
  if (rc != GF_OK) {
    free_rows(t);
    return gf_error_set(err, rc, NULL, 0, 0);
  }
  return GF_OK;
}
