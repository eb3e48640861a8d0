/* check.c - `govfig check`: does a figures.csv still agree with its source
 * document?  This is section 3 of spec/records.md (provenance and
 * checking): every row's raw is found at page, start..end of the page text
 * (or searched for when a spreadsheet lost start/end), and reading that
 * source again gives the row's value, unit, base_value, base_unit and
 * value_max.  With GF_OPT_CONSISTENCY the rows are also weighed against
 * each other: a share against the part and whole it names, a growth
 * against this and last year's levels, shares above 100% and base_value
 * against value times the unit's magnitude.  Numbers compare as exact
 * decimal strings; only the relations between rows use floating point,
 * with a tolerance derived from the decimals the report states. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/contract.h"
#include "common/scan.h"
#include "export/export.h"
#include "extract/amount.h"
#include "extract/vocab.h"
#include "extract/extract.h"
#include "normalize/normalize.h"

/* ------------------------------------------------------------- columns */

/* The figures.csv columns (common/contract.h) are found by header name, so
 * that reordered and extra columns do not matter. */
/* Without these a row cannot be checked at all; constant messages for
 * gf_error. */
static const struct {
  int col;
  const char *message;
} needed[] = {
    {GF_FIG_DOC, "the CSV header has no doc column"},
    {GF_FIG_PAGE, "the CSV header has no page column"},
    {GF_FIG_VALUE, "the CSV header has no value column"},
    {GF_FIG_UNIT, "the CSV header has no unit column"},
    {GF_FIG_RAW, "the CSV header has no raw column"},
};

/* ------------------------------------------------------------- results */

struct gf_check {
  gf_check_item *items;
  size_t n, cap;
  size_t n_rows, n_failed;
};

/* One data row as the check sees it. */
typedef struct rowinfo {
  size_t line;
  const char *cell[GF_FIG_N];   /* unguarded; NULL when the column is missing */
  int usable;              /* doc and page right, value a number */
  int failed;
  size_t page;             /* stated page (1-based), 0 when unreadable */
  size_t at_page, at;      /* where the figure was found (page, byte) */
  char val[GF_NUM_MAX];    /* value as a canonical decimal */
  char base[GF_NUM_MAX];   /* base_value, "" when empty or unreadable */
  char unit[64];           /* unit cell, normalized */
  double v, b;             /* val and base as numbers */
  int period;
  size_t sent;             /* order number of its sentence in the doc */
} rowinfo;

/* A page's text without whitespace, and where each byte came from. */
typedef struct compact {
  int done;
  gf_buf t;
  gf_offs map;
} compact;

typedef struct ctx {
  const gf_doc *doc;
  gf_check *chk;
  const gf_csv *csv;
  int col[GF_FIG_N];
  rowinfo *rows;
  size_t n_rows;
  size_t *first_line;      /* per page, n_pages + 1: index into doc->lines */
  compact *pages;          /* per page, built on first use */
  gf_buf msg;
  int oom;
} ctx;

/* Stores a finding; the message is taken from c->msg (emptied). */
static void add_item(ctx *c, int severity, int kind, const size_t *lines,
                     size_t n_lines) {
  gf_check *k = c->chk;
  size_t len = 0;
  char *m = gf_buf_detach(&c->msg, &len);
  size_t *ls = gf_malloc(n_lines * sizeof *ls);
  if (k->n == k->cap) {
    size_t cap = k->cap ? 2 * k->cap : 32;
    gf_check_item *p = gf_realloc(k->items, cap * sizeof *p);
    if (p) {
      k->items = p;
      k->cap = cap;
    }
  }
  if (!m || !ls || k->n == k->cap) {
    gf_free(m);
    gf_free(ls);
    c->oom = 1;
    return;
  }
  memcpy(ls, lines, n_lines * sizeof *ls);
  gf_check_item *it = &k->items[k->n++];
  it->severity = severity;
  it->kind = kind;
  it->line = ls[0];
  it->lines = ls;
  it->n_lines = n_lines;
  it->message = m;
}

static void row_item(ctx *c, rowinfo *r, int severity, int kind) {
  if (severity == GF_CHECK_FAILED) r->failed = 1;
  add_item(c, severity, kind, &r->line, 1);
}

/* ------------------------------------------------------------- text */

/* Byte length of a whitespace character at s: ASCII spaces and line ends,
 * NO-BREAK SPACE and the ideographic space U+3000 that reports indent
 * with; 0 for anything else. */
static size_t space_at(const char *s, size_t len) {
  if (len == 0) return 0;
  if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f' ||
      *s == '\v')
    return 1;
  size_t n = gf_lit(s, len, "\xC2\xA0");
  return n ? n : gf_lit(s, len, "\xE3\x80\x80");
}

/* s without whitespace into out; map (may be NULL) gets for every kept
 * byte its offset in s. */
static void squeeze(const char *s, size_t len, gf_buf *out, gf_offs *map) {
  for (size_t i = 0; i < len;) {
    size_t w = space_at(s + i, len - i);
    if (w) {
      i += w;
      continue;
    }
    gf_buf_putc(out, s[i]);
    if (map) gf_offs_push(map, i);
    i++;
  }
}

/* Equal except for whitespace (a spreadsheet that re-saved line ends
 * inside raw, or joined its lines). */
static int same_but_space(const char *a, size_t na, const char *b,
                          size_t nb) {
  size_t i = 0, j = 0;
  for (;;) {
    size_t w;
    while ((w = space_at(a + i, na - i)) != 0) i += w;
    while ((w = space_at(b + j, nb - j)) != 0) j += w;
    if (i == na || j == nb) return i == na && j == nb;
    if (a[i] != b[j]) return 0;
    i++;
    j++;
  }
}

/* Appends s with every whitespace run shown as one space, trimmed, and at
 * most max bytes (cut at a character boundary, then "…"). */
static void put_shown(gf_buf *b, const char *s, size_t len, size_t max) {
  int pend = 0, any = 0;
  size_t shown = 0;
  for (size_t i = 0; i < len;) {
    size_t w = space_at(s + i, len - i);
    if (w) {
      pend = any;
      i += w;
      continue;
    }
    size_t n = 1;
    while (i + n < len && ((unsigned char)s[i + n] & 0xC0) == 0x80) n++;
    if (shown + n > max) {
      gf_buf_puts(b, "…");
      return;
    }
    if (pend) gf_buf_putc(b, ' ');
    pend = 0;
    any = 1;
    gf_buf_put(b, s + i, n);
    shown += n;
    i += n;
  }
}

/* Copies cell without surrounding whitespace into out (cap bytes); 0 when
 * it does not fit. */
static int trimmed(const char *cell, char *out, size_t cap) {
  size_t a = 0, b = cell ? strlen(cell) : 0, w;
  while (a < b && (w = space_at(cell + a, b - a)) != 0) a += w;
  while (b > a && (cell[b - 1] == ' ' || cell[b - 1] == '\t' ||
                   cell[b - 1] == '\r' || cell[b - 1] == '\n'))
    b--;
  if (b - a >= cap) return 0;
  memcpy(out, cell + a, b - a);
  out[b - a] = '\0';
  return 1;
}

static int is_blank(const char *cell) {
  for (size_t i = 0, n = cell ? strlen(cell) : 0, w; i < n; i += w)
    if ((w = space_at(cell + i, n - i)) == 0) return 0;
  return 1;
}

/* A number cell as a spreadsheet may leave it: spaces around, a sign (- + or
 * U+2212), thousands separators (1,327.8), trailing zeros (1327.80).  out
 * gets the canonical decimal.  0 when it is no number. */
static int cell_decimal(const char *cell, char *out, size_t cap) {
  char t[GF_NUM_MAX];
  if (!trimmed(cell, t, sizeof t)) return 0;
  const char *s = t;
  size_t o = 0;
  int neg = 0, digits = 0;
  if (*s == '-' || *s == '+') {
    neg = *s == '-';
    s++;
  } else if (gf_lit(s, strlen(s), "\xE2\x88\x92")) {
    neg = 1;
    s += 3;
  }
  if (o + 1 < cap && neg) out[o++] = '-';
  for (; *s >= '0' && *s <= '9'; s++) {
    if (o + 1 >= cap) return 0;
    out[o++] = *s;
    digits = 1;
    if (s[1] == ',' && s[2] >= '0' && s[2] <= '9') s++;
  }
  if (*s == '.') {
    if (o + 1 >= cap) return 0;
    out[o++] = *s++;
    for (; *s >= '0' && *s <= '9'; s++) {
      if (o + 1 >= cap) return 0;
      out[o++] = *s;
      digits = 1;
    }
  }
  out[o] = '\0';
  if (*s || !digits) return 0;
  gf_decimal_canon(out);
  return 1;
}

/* |a| == |b| for canonical decimals. */
static int same_abs(const char *a, const char *b) {
  if (*a == '-') a++;
  if (*b == '-') b++;
  return strcmp(a, b) == 0;
}

/* Digits after the point: how precisely the report states a number. */
static int decimals(const char *v) {
  const char *p = strchr(v, '.');
  return p ? (int)strlen(p + 1) : 0;
}

/* A canonical decimal as a double (no locale, no libm). */
static double to_double(const char *v) {
  double x = 0, scale = 1;
  int neg = *v == '-', frac = 0;
  for (const char *s = v + neg; *s; s++) {
    if (*s == '.') {
      frac = 1;
      continue;
    }
    x = x * 10 + (*s - '0');
    if (frac) scale *= 10;
  }
  return (neg ? -x : x) / scale;
}

static double half_unit(int d) {  /* 0.5 * 10^-d: rounding of d decimals */
  double h = 0.5;
  while (d-- > 0) h /= 10;
  return h;
}

static double dabs(double x) { return x < 0 ? -x : x; }

/* ------------------------------------------------------------- reading
 * The source text of a figure is read again by the extractor's own amount
 * reader (extract/amount.c): an optional 第 (rank), a sign, a number (Arabic,
 * Chinese, 百分之…), a trailing 万/亿 of the number plus the unit after it,
 * 余/多 between number and unit, a short parenthetical before the unit,
 * and a range (5%—6%, 5—6万人) whose upper end is value_max. */

typedef struct reading {
  size_t used;               /* bytes of the normalized text read */
  gf_amount m;               /* value, unit, base_unit, value_max */
  char base[GF_NUM_MAX];
  unsigned num_flags;        /* GF_NUMF_* of the number */
} reading;

/* Reads the figure at the start of normalized text t with the extractor's
 * amount reader (extract/amount.c); 0 when it starts with no number. */
static int read_source(const char *t, size_t len, reading *o) {
  memset(o, 0, sizeof *o);
  size_t i = gf_lit_at(t, len, 0, "第");
  int rank = i > 0;
  if (i < len && (t[i] == '-' || t[i] == '+'))
    i++;
  else if (gf_lit_at(t, len, i, "\xE2\x88\x92"))
    i += 3;
  gf_numeral nr;
  if (i >= len || !gf_numeral_read(t + i, len - i, &nr)) return 0;
  o->num_flags = nr.flags;
  size_t e;
  if (rank) {
    /* 第1位, but 第1个: the extractor keeps only 位/名 after a rank, and a
     * rank has no range */
    gf_copy_str(o->m.value, sizeof o->m.value, nr.core);
    e = gf_amount_unit(t, len, i, &nr, &o->m);
    if (!(o->m.unit_flags & GF_UNITF_RANK)) {
      memset(&o->m, 0, sizeof o->m);
      gf_copy_str(o->m.value, sizeof o->m.value, nr.core);
      e = 0;
    }
  } else {
    e = gf_amount_read(t, len, i, &nr, &o->m);
  }
  if (!e) e = i + nr.len; /* a number alone: its unit is the row's */
  gf_decimal_canon(o->m.value);
  gf_decimal_canon(o->m.value_max);
  if (gf_decimal_shift(o->m.value, o->m.mag_exp, o->base, sizeof o->base))
    gf_copy_str(o->base, sizeof o->base, o->m.value);
  o->used = e;
  return 1;
}

/* ------------------------------------------------------------- pages */

static int line_has_text(const gf_doc *d, const gf_line *l, size_t from) {
  const gf_page *pg = &d->pages[l->page];
  size_t a = l->off > from ? l->off : from, b = l->off + l->len, w;
  if (b > pg->len) b = pg->len;
  for (size_t i = a; i < b; i += w ? w : 1)
    if ((w = space_at(pg->text + i, b - i)) == 0) return 1;
  return 0;
}

/* The text of page (1-based) bytes a..b as the extractor saw it: lines of
 * running headers, footers and page numbers after the first are left out,
 * and when the figure runs to the end of the page's body its first body
 * line on the next page follows (a figure split by a page break, such as
 * "4" + "—4—" (a page number) + "个"). */
static void source_text(ctx *c, size_t page, size_t a, size_t b,
                        gf_buf *w) {
  const gf_doc *d = c->doc;
  const gf_page *pg = &d->pages[page - 1];
  if (!c->first_line || d->n_lines == 0) {
    gf_buf_put(w, pg->text + a, b - a);
    return;
  }
  size_t o = a, l0 = c->first_line[page - 1], l1 = c->first_line[page];
  int at_end = 1;
  for (size_t k = l0; k < l1; k++) {
    const gf_line *l = &d->lines[k];
    size_t lo = l->off, hi = l->off + l->len;
    if (hi > b && !(l->flags & GF_LINE_FURNITURE) && line_has_text(d, l, b))
      at_end = 0;
    if (hi <= a || lo >= b || lo <= a || !(l->flags & GF_LINE_FURNITURE))
      continue;
    if (lo > o) gf_buf_put(w, pg->text + o, lo - o);
    if (hi > o) o = hi < b ? hi : b;
  }
  if (o < b) gf_buf_put(w, pg->text + o, b - o);
  if (!at_end || page >= d->n_pages) return;
  for (size_t k = c->first_line[page]; k < c->first_line[page + 1]; k++) {
    const gf_line *l = &d->lines[k];
    if ((l->flags & GF_LINE_FURNITURE) || !line_has_text(d, l, 0)) continue;
    gf_buf_putc(w, '\n');
    gf_buf_put(w, d->pages[page].text + l->off, l->len);
    break;
  }
}

static compact *page_compact(ctx *c, size_t page) {
  compact *k = &c->pages[page - 1];
  if (!k->done) {
    const gf_page *pg = &c->doc->pages[page - 1];
    squeeze(pg->text, pg->len, &k->t, &k->map);
    gf_buf_putc(&k->t, '\0');  /* so that an empty page has p != NULL */
    k->t.len--;
    k->done = 1;
    if (k->t.oom || k->map.oom) c->oom = 1;
  }
  return c->oom ? NULL : k;
}

/* Finds squeezed raw r (n bytes) on page; the occurrence nearest to byte
 * near wins.  *a, *b get its span in the page text.  0 when absent. */
static int find_on_page(ctx *c, size_t page, const char *r, size_t n,
                        size_t near, size_t *a, size_t *b) {
  compact *k = page_compact(c, page);
  if (!k || n == 0 || k->t.len < n) return 0;
  int found = 0;
  size_t best = 0;
  for (size_t i = 0; i + n <= k->t.len; i++) {
    if (k->t.p[i] != r[0] || memcmp(k->t.p + i, r, n) != 0) continue;
    size_t s = k->map.v[i];
    size_t dist = s > near ? s - near : near - s;
    if (!found || dist < best) {
      found = 1;
      best = dist;
      *a = s;
      *b = k->map.v[i + n - 1] + 1;
    }
  }
  return found;
}

/* Looks for raw on page, then page-1, page+1, and with wide set on every
 * other page, nearest first.  *at gets the page. */
static int find_raw(ctx *c, size_t page, const char *r, size_t n,
                    size_t near, int wide, size_t *at, size_t *a,
                    size_t *b) {
  size_t n_pages = c->doc->n_pages;
  size_t span = wide ? n_pages : 1;
  for (size_t d = 0; d <= span; d++) {
    for (int side = 0; side < (d ? 2 : 1); side++) {
      if (side == 0 && d >= page) continue;
      size_t p = side == 0 ? page - d : page + d;
      if (p < 1 || p > n_pages) continue;
      if (find_on_page(c, p, r, n, p == page ? near : 0, a, b)) {
        *at = p;
        return 1;
      }
    }
  }
  return 0;
}

/* The first number on page, page-1 or page+1 whose value is |v| or |bv|
 * (bv may be ""). */
static int find_number(ctx *c, size_t page, const char *v, const char *bv,
                       size_t *at, size_t *a, size_t *b) {
  const size_t order[3] = {page, page - 1, page + 1};
  for (int k = 0; k < 3; k++) {
    size_t p = order[k];
    if (p < 1 || p > c->doc->n_pages) continue;
    const gf_page *pg = &c->doc->pages[p - 1];
    gf_numbers *nums = NULL;
    int rc = gf_numbers_scan(pg->text, pg->len, 0, &nums, NULL);
    if (rc == GF_ENOMEM) c->oom = 1;
    if (rc != GF_OK) continue;
    int found = 0;
    for (size_t i = 0; i < gf_numbers_count(nums) && !found; i++) {
      const gf_number *num = gf_numbers_at(nums, i);
      char nv[GF_NUM_MAX];
      snprintf(nv, sizeof nv, "%s", num->value);
      gf_decimal_canon(nv);
      if (same_abs(nv, v) || (*bv && same_abs(nv, bv))) {
        found = 1;
        *at = p;
        *a = num->start;
        *b = num->end;
      }
    }
    gf_numbers_free(nums);
    if (found) return 1;
  }
  return 0;
}

/* ------------------------------------------------------------- one row */

static const char *cell(const rowinfo *r, int col) {
  return r->cell[col] ? r->cell[col] : "";
}

static int parse_size(const char *s, size_t *out) {
  char t[32];
  if (!trimmed(s, t, sizeof t) || !t[0]) return 0;
  size_t v = 0;
  for (const char *p = t; *p; p++) {
    if (*p < '0' || *p > '9' || v > ((size_t)-1 - 9) / 10) return 0;
    v = v * 10 + (size_t)(*p - '0');
  }
  *out = v;
  return 1;
}

/* Units that agree: the extractor gives "16.4 个、1.3 个百分点" the list's
 * last unit, so a raw "16.4 个" stands for 个百分点. */
static int same_unit(const char *stated, const char *source) {
  if (strcmp(stated, source) == 0) return 1;
  return strcmp(source, "个") == 0 &&
         (strcmp(stated, "个百分点") == 0 || strcmp(stated, "百分点") == 0);
}

/* The unit cell as the extractor writes units: NFKC, no spaces. */
static void norm_cell(ctx *c, const char *s, char *out, size_t cap) {
  char *n = NULL;
  size_t len = 0;
  out[0] = '\0';
  int rc = gf_text_normalize(s, strlen(s), &n, &len, NULL);
  if (rc == GF_ENOMEM) c->oom = 1;
  if (rc == GF_OK) {
    gf_buf b = {0};
    squeeze(n, len, &b, NULL);
    if (b.p && b.len < cap) memcpy(out, b.p, b.len + 1);
    if (b.oom) c->oom = 1;
    gf_buf_free(&b);
  }
  gf_free(n);
}

static void say_source(gf_buf *m, const char *text, const reading *rd,
                       size_t page) {
  gf_buf_put(m, text, rd->used);
  if (rd->num_flags & (GF_NUMF_CHINESE | GF_NUMF_PER | GF_NUMF_SCALED))
    gf_buf_printf(m, ", that is %s%s%s", rd->m.value,
                  rd->m.unit[0] && strcmp(rd->m.unit, "%") &&
                          strcmp(rd->m.unit, "‰") && strcmp(rd->m.unit, "‱")
                      ? " "
                      : "",
                  rd->m.unit);
  gf_buf_printf(m, " (page %zu)", page);
}

/* A raw cell that states only a number ("866.60", "-2.5"): a table cell
 * whose unit, if any, the table's header gives. */
static int bare_number(const char *raw) {
  if (!raw) return 0;
  int digits = 0;
  for (const char *p = raw; *p; p++) {
    if (*p >= '0' && *p <= '9')
      digits++;
    else if (!strchr("+-.,", *p))
      return 0;
  }
  return digits > 0;
}

/* Compares the row's numbers with what the source text says. */
static void compare(ctx *c, rowinfo *r, size_t page, size_t a, size_t b) {
  gf_buf w = {0};
  char *t = NULL;
  size_t len = 0;
  source_text(c, page, a, b, &w);
  int rc = w.oom ? GF_ENOMEM
                 : gf_text_normalize(w.p ? w.p : "", w.len, &t, &len, NULL);
  gf_buf_free(&w);
  if (rc != GF_OK) {
    if (rc == GF_ENOMEM) c->oom = 1;
    gf_free(t);
    return;
  }
  reading rd;
  gf_buf *m = &c->msg;
  if (!read_source(t, len, &rd)) {
    gf_buf_puts(m, "the source at page ");
    gf_buf_printf(m, "%zu bytes %zu..%zu (\"", page, a, b);
    put_shown(m, t, len, 60);
    gf_buf_puts(m, "\") states no number");
    row_item(c, r, GF_CHECK_FAILED, GF_CHECK_VALUE);
    gf_free(t);
    return;
  }
  if (r->val[0] && !same_abs(r->val, rd.m.value)) {
    gf_buf_printf(m, "value %s but the source says ", r->val);
    say_source(m, t, &rd, page);
    row_item(c, r, GF_CHECK_FAILED, GF_CHECK_VALUE);
  }
  if (r->cell[GF_FIG_VALUE_MAX]) {
    char vm[GF_NUM_MAX];
    int blank = is_blank(r->cell[GF_FIG_VALUE_MAX]);
    int ok = blank ? !rd.m.value_max[0]
                   : cell_decimal(r->cell[GF_FIG_VALUE_MAX], vm, sizeof vm) &&
                         rd.m.value_max[0] && same_abs(vm, rd.m.value_max);
    if (!ok) {
      if (blank)
        gf_buf_puts(m, "value_max is empty but the source states a range ");
      else
        gf_buf_printf(m, "value_max %s but the source says ",
                      r->cell[GF_FIG_VALUE_MAX]);
      say_source(m, t, &rd, page);
      row_item(c, r, GF_CHECK_FAILED, GF_CHECK_VALUE_MAX);
    }
  }
  /* A bare number whose unit the row gives (a table cell under
   * "年末数（万人）", a row with a 单位 column): the unit comes from the
   * table, so value × the unit's magnitude must give base_value. */
  if (bare_number(cell(r, GF_FIG_RAW)) || (!rd.m.unit[0] && r->unit[0])) {
    gf_unit_match um;
    size_t ul = strlen(r->unit);
    int known = gf_unit_read(r->unit, ul, 1, &um) && um.len == ul;
    char want[GF_NUM_MAX + 16];
    const char *v = r->val[0] == '-' ? r->val + 1 : r->val;
    if (r->unit[0] && r->base[0] && known &&
        gf_decimal_shift(v, um.mag_exp, want, sizeof want) == 0 &&
        !same_abs(r->base, want)) {
      gf_buf_printf(m, "base_value %s but %s %s is %s (page %zu)", r->base,
                    r->val, r->unit, want, page);
      row_item(c, r, GF_CHECK_FAILED, GF_CHECK_BASE_VALUE);
    }
    gf_free(t);
    return;
  }
  if (!same_unit(r->unit, rd.m.unit)) {
    if (r->unit[0])
      gf_buf_printf(m, "unit %s but the source says ", r->unit);
    else
      gf_buf_puts(m, "unit is empty but the source says ");
    say_source(m, t, &rd, page);
    row_item(c, r, GF_CHECK_FAILED, GF_CHECK_UNIT);
  }
  if (r->base[0] && !same_abs(r->base, rd.base)) {
    gf_buf_printf(m, "base_value %s but ", r->base);
    gf_buf_put(m, t, rd.used);
    gf_buf_printf(m, " is %s%s%s (page %zu)", rd.base,
                  rd.m.base_unit[0] && strcmp(rd.m.base_unit, "%") &&
                          strcmp(rd.m.base_unit, "‰")
                      ? " "
                      : "",
                  rd.m.base_unit, page);
    row_item(c, r, GF_CHECK_FAILED, GF_CHECK_BASE_VALUE);
  }
  if (r->cell[GF_FIG_BASE_UNIT]) {
    char bu[64];
    norm_cell(c, r->cell[GF_FIG_BASE_UNIT], bu, sizeof bu);
    if (!same_unit(bu, rd.m.base_unit)) {
      gf_buf_printf(m, "base_unit %s but ", bu[0] ? bu : "is empty");
      gf_buf_put(m, t, rd.used);
      if (rd.m.base_unit[0])
        gf_buf_printf(m, " counts %s (page %zu)", rd.m.base_unit, page);
      else
        gf_buf_printf(m, " has no base unit (page %zu)", page);
      row_item(c, r, GF_CHECK_FAILED, GF_CHECK_BASE_UNIT);
    }
  }
  gf_free(t);
}

/* The box columns x0..y1 (records.md): all four empty, or four numbers
 * whose rectangle holds the glyphs of raw, found at page bytes a..b, and
 * lies on the page.  The export writes two decimals, rounded, of a box
 * that encloses the glyphs; BOX_TOL allows for that rounding. */
#define BOX_TOL 0.011
static void check_box(ctx *c, rowinfo *r, size_t a, size_t b) {
  double v[4];
  int n_blank = 0;
  for (int k = 0; k < 4; k++) {
    if (!r->cell[GF_FIG_X0 + k]) return;  /* no box columns: nothing to check */
    n_blank += is_blank(r->cell[GF_FIG_X0 + k]);
  }
  if (n_blank == 4) return;
  gf_buf *m = &c->msg;
  for (int k = 0; k < 4; k++) {
    char d[GF_NUM_MAX];
    if (!is_blank(r->cell[GF_FIG_X0 + k]) &&
        cell_decimal(r->cell[GF_FIG_X0 + k], d, sizeof d)) {
      v[k] = to_double(d);
      continue;
    }
    gf_buf_printf(m, "%s \"", GF_FIGURE_COLUMNS[GF_FIG_X0 + k]);
    put_shown(m, r->cell[GF_FIG_X0 + k], strlen(r->cell[GF_FIG_X0 + k]), 20);
    gf_buf_puts(m, "\" is not a number (the box x0,y0,x1,y1 is four numbers "
                   "or four empty cells)");
    row_item(c, r, GF_CHECK_FAILED, GF_CHECK_CELL);
    return;
  }
  double g[4], w = 0, h = 0;
  if (!gf_doc_page_size(c->doc, r->page, &w, &h) ||
      !gf_doc_box(c->doc, r->page - 1, a, b, g))
    return;  /* a text document: no geometry to hold the box against */
  if (v[0] <= g[0] + BOX_TOL && v[1] <= g[1] + BOX_TOL &&
      v[2] >= g[2] - BOX_TOL && v[3] >= g[3] - BOX_TOL && v[0] >= -BOX_TOL &&
      v[1] >= -BOX_TOL && v[2] <= w + BOX_TOL && v[3] <= h + BOX_TOL)
    return;
  gf_buf_printf(m, "box %s,%s,%s,%s does not hold the glyphs of raw \"",
                r->cell[GF_FIG_X0], r->cell[GF_FIG_Y0], r->cell[GF_FIG_X1],
                r->cell[GF_FIG_Y1]);
  put_shown(m, cell(r, GF_FIG_RAW), strlen(cell(r, GF_FIG_RAW)), 40);
  gf_buf_printf(m, "\", which lie in %.2f,%.2f,%.2f,%.2f on page %zu "
                   "(%.2f x %.2f points)", g[0], g[1], g[2], g[3], r->page,
                w, h);
  row_item(c, r, GF_CHECK_FAILED, GF_CHECK_BOX);
}

/* The first format character (gf_format_char) of a cell, or -1: a cell
 * that shows one thing and holds another (a bidi override in an
 * indicator, a zero-width space in a value) fails.  raw may hold the line
 * breaks of the page text it is. */
static int32_t format_char_in(const char *s, int line_breaks) {
  size_t len = strlen(s);
  for (size_t i = 0; i < len;) {
    int32_t cp;
    size_t k = gf_utf8_decode(s + i, len - i, &cp);
    if (k == 0) return -1; /* the CSV was checked to be UTF-8 */
    if (gf_format_char(cp) != GF_FMT_KEEP ||
        (!line_breaks && (cp == '\n' || cp == '\r')))
      return cp;
    i += k;
  }
  return -1;
}

static void check_format_chars(ctx *c, rowinfo *r) {
  for (int k = 0; k < GF_FIG_N; k++) {
    int32_t cp;
    if (!r->cell[k] || (cp = format_char_in(r->cell[k], k == GF_FIG_RAW)) < 0)
      continue;
    gf_buf_printf(&c->msg,
                  "%s holds an invisible character (U+%04X): the cell does "
                  "not show what it holds",
                  GF_FIGURE_COLUMNS[k], (unsigned)cp);
    row_item(c, r, GF_CHECK_FAILED, GF_CHECK_CELL);
  }
}

static void check_row(ctx *c, rowinfo *r) {
  gf_buf *m = &c->msg;
  const gf_doc *d = c->doc;
  char doc[1024];
  check_format_chars(c, r);
  if (!trimmed(cell(r, GF_FIG_DOC), doc, sizeof doc) ||
      strcmp(doc, d->name) != 0) {
    gf_buf_puts(m, "doc ");
    put_shown(m, cell(r, GF_FIG_DOC), strlen(cell(r, GF_FIG_DOC)), 200);
    gf_buf_printf(m, " but the document checked is %s", d->name);
    row_item(c, r, GF_CHECK_FAILED, GF_CHECK_DOC);
    return;
  }
  if (!parse_size(cell(r, GF_FIG_PAGE), &r->page) || r->page == 0) {
    r->page = 0;
    gf_buf_puts(m, "page \"");
    put_shown(m, cell(r, GF_FIG_PAGE), strlen(cell(r, GF_FIG_PAGE)), 40);
    gf_buf_puts(m, "\" is not a page number");
    row_item(c, r, GF_CHECK_FAILED, GF_CHECK_CELL);
    return;
  }
  if (r->page > d->n_pages) {
    gf_buf_printf(m, "page %zu but %s has %zu page%s", r->page, d->name,
                  d->n_pages, d->n_pages == 1 ? "" : "s");
    row_item(c, r, GF_CHECK_FAILED, GF_CHECK_PAGE);
    return;
  }
  r->at_page = r->page;
  if (!cell_decimal(cell(r, GF_FIG_VALUE), r->val, sizeof r->val)) {
    r->val[0] = '\0';
    gf_buf_puts(m, "value \"");
    put_shown(m, cell(r, GF_FIG_VALUE), strlen(cell(r, GF_FIG_VALUE)), 40);
    gf_buf_puts(m, "\" is not a number");
    row_item(c, r, GF_CHECK_FAILED, GF_CHECK_CELL);
  }
  if (r->cell[GF_FIG_BASE_VALUE] && !is_blank(r->cell[GF_FIG_BASE_VALUE]) &&
      !cell_decimal(r->cell[GF_FIG_BASE_VALUE], r->base, sizeof r->base)) {
    r->base[0] = '\0';
    gf_buf_puts(m, "base_value \"");
    put_shown(m, r->cell[GF_FIG_BASE_VALUE], strlen(r->cell[GF_FIG_BASE_VALUE]),
              40);
    gf_buf_puts(m, "\" is not a number");
    row_item(c, r, GF_CHECK_FAILED, GF_CHECK_CELL);
  }
  norm_cell(c, cell(r, GF_FIG_UNIT), r->unit, sizeof r->unit);
  r->usable = r->val[0] != '\0';

  const char *raw = cell(r, GF_FIG_RAW);
  size_t raw_len = strlen(raw);
  gf_buf sq = {0};
  squeeze(raw, raw_len, &sq, NULL);
  if (sq.oom) c->oom = 1;
  size_t start = 0, end = 0, page = r->page, a = 0, b = 0, at = 0;
  int blank_span =
      is_blank(cell(r, GF_FIG_START)) && is_blank(cell(r, GF_FIG_END));
  int has_span = !blank_span && parse_size(cell(r, GF_FIG_START), &start) &&
                 parse_size(cell(r, GF_FIG_END), &end);
  int found = 0, raw_at = 0;  /* raw itself stands at a..b of page at */
  if (!blank_span && !has_span) {
    gf_buf_puts(m, "start \"");
    put_shown(m, cell(r, GF_FIG_START), strlen(cell(r, GF_FIG_START)), 20);
    gf_buf_puts(m, "\" and end \"");
    put_shown(m, cell(r, GF_FIG_END), strlen(cell(r, GF_FIG_END)), 20);
    gf_buf_puts(m, "\" are not byte offsets");
    row_item(c, r, GF_CHECK_FAILED, GF_CHECK_CELL);
  } else if (has_span) {
    const gf_page *pg = &d->pages[page - 1];
    if (start < end && end <= pg->len &&
        same_but_space(pg->text + start, end - start, raw, raw_len) &&
        sq.len > 0) {
      a = start;
      b = end;
      at = page;
      found = raw_at = 1;
    } else {
      gf_buf_puts(m, "raw \"");
      put_shown(m, raw, raw_len, 80);
      gf_buf_printf(m, "\" is not at page %zu bytes %zu..%zu", page, start,
                    end);
      if (start < end && end <= pg->len) {
        size_t s = start, e = end;
        while (s < e && ((unsigned char)pg->text[s] & 0xC0) == 0x80) s++;
        while (e < pg->len && ((unsigned char)pg->text[e] & 0xC0) == 0x80)
          e++;
        gf_buf_puts(m, " (the page has \"");
        put_shown(m, pg->text + s, e - s, 80);
        gf_buf_puts(m, "\" there)");
      } else {
        gf_buf_printf(m, " (the page has %zu bytes)", pg->len);
      }
      found = raw_at = sq.len > 0 &&
              find_raw(c, page, sq.p, sq.len, start, 1, &at, &a, &b);
      int kind = GF_CHECK_SPAN;
      if (found && at != page) {
        kind = GF_CHECK_PAGE;
        gf_buf_printf(m, "; it is on page %zu, bytes %zu..%zu", at, a, b);
      } else if (found) {
        gf_buf_printf(m, "; it is at bytes %zu..%zu", a, b);
      } else {
        gf_buf_puts(m, "; it is nowhere in the document");
      }
      row_item(c, r, GF_CHECK_FAILED, kind);
    }
  } else {  /* no start/end: search */
    if (sq.len > 0 && find_raw(c, page, sq.p, sq.len, 0, 0, &at, &a, &b)) {
      found = raw_at = 1;
      gf_buf_puts(m, "no start/end; raw \"");
      put_shown(m, raw, raw_len, 80);
      gf_buf_printf(m, "\" found at page %zu bytes %zu..%zu", at, a, b);
      row_item(c, r, GF_CHECK_NOTE, GF_CHECK_LOCATED);
    } else if (r->val[0] &&
               find_number(c, page, r->val, r->base, &at, &a, &b)) {
      found = 1;
      gf_buf_puts(m, "no start/end and raw \"");
      put_shown(m, raw, raw_len, 80);
      gf_buf_printf(m, "\" is not in the text; its number %s found at page "
                       "%zu bytes %zu..%zu", r->val, at, a, b);
      row_item(c, r, GF_CHECK_NOTE, GF_CHECK_LOCATED);
      b = d->pages[at - 1].len;  /* read on from the number */
    } else {
      gf_buf_puts(m, "raw \"");
      put_shown(m, raw, raw_len, 80);
      gf_buf_printf(m, "\" is not on page %zu or the pages beside it", page);
      if (r->val[0])
        gf_buf_printf(m, ", nor is its number %s", r->val);
      row_item(c, r, GF_CHECK_FAILED, GF_CHECK_NOT_FOUND);
    }
  }
  gf_buf_free(&sq);
  if (!found) return;
  r->at_page = at;
  r->at = a;
  compare(c, r, at, a, b);
  if (raw_at && at == page) check_box(c, r, a, b);
}

/* ------------------------------------------------------------- relations
 * Only rows whose doc, page and value could be read take part. */

static int is_measure(const rowinfo *r, int measure) {
  char t[32];
  return trimmed(cell(r, GF_FIG_MEASURE), t, sizeof t) &&
         strcmp(t, GF_MEASURE_NAMES[measure]) == 0;
}

/* "税收收入 115.31 亿元", "税收占比 82.29%" */
static void say_row(gf_buf *m, const rowinfo *r) {
  put_shown(m, cell(r, GF_FIG_INDICATOR), strlen(cell(r, GF_FIG_INDICATOR)),
            80);
  if (r->cell[GF_FIG_INDICATOR] && !is_blank(r->cell[GF_FIG_INDICATOR]))
    gf_buf_putc(m, ' ');
  gf_buf_printf(m, "%s%s%s", r->val,
                r->unit[0] && strcmp(r->unit, "%") && strcmp(r->unit, "‰")
                    ? " "
                    : "",
                r->unit);
}

/* Length of the common start of two indicators, in characters, when it
 * holds a Chinese character: 税收占比 and 税收收入 share 税收 (2). */
static size_t shared_start(const char *x, const char *y) {
  size_t i = 0, chars = 0;
  int han = 0;
  size_t nx = strlen(x), ny = strlen(y);
  while (i < nx && i < ny) {
    int32_t cp1, cp2;
    size_t n1 = gf_utf8_decode(x + i, nx - i, &cp1);
    size_t n2 = gf_utf8_decode(y + i, ny - i, &cp2);
    if (!n1 || n1 != n2 || cp1 != cp2) break;
    han |= gf_is_han(cp1);
    chars++;
    i += n1;
  }
  return han ? chars : 0;
}

/* The rows within reach of share s: levels of the same or the previous
 * sentence, at most a page away, counted in a base unit other than %. */
static int near_level(const rowinfo *s, const rowinfo *l) {
  if (!l->usable || l == s || !is_measure(l, GF_MEASURE_LEVEL) || !l->base[0])
    return 0;
  if (l->at_page + 1 < s->at_page || s->at_page + 1 < l->at_page) return 0;
  if (l->sent + 1 < s->sent || l->sent > s->sent) return 0;
  const char *bu = cell(l, GF_FIG_BASE_UNIT);
  return strcmp(bu, "%") != 0 && strcmp(bu, "‰") != 0;
}

/* Tolerance of ratio p/w*100 against stated share s: the rounding of s's
 * last decimal plus what rounding p and w to their decimals can move the
 * ratio. */
static double share_tol(const rowinfo *s, const rowinfo *p,
                        const rowinfo *w, double ratio) {
  double rp = half_unit(decimals(p->val)) / dabs(p->v);
  double rw = half_unit(decimals(w->val)) / dabs(w->v);
  return half_unit(decimals(s->val)) + dabs(ratio) * (rp + rw) + 1e-9;
}

static void check_share(ctx *c, rowinfo *s) {
  const rowinfo *hp = NULL, *hw = NULL, *bp = NULL, *bw = NULL;
  double h_diff = 0, h_ratio = 0, b_diff = 0, b_ratio = 0;
  int h_named = 0;
  double stated = dabs(s->v);
  const char *sind = cell(s, GF_FIG_INDICATOR);
  if (stated == 0) return;  /* any small part would "hold" */
  for (size_t i = 0; i < c->n_rows; i++) {
    const rowinfo *p = &c->rows[i];
    if (!near_level(s, p) || p->b == 0) continue;
    int named = shared_start(sind, cell(p, GF_FIG_INDICATOR)) >= 2;
    for (size_t j = 0; j < c->n_rows; j++) {
      const rowinfo *w = &c->rows[j];
      if (!near_level(s, w) || w == p || dabs(w->b) <= dabs(p->b) ||
          strcmp(cell(p, GF_FIG_BASE_UNIT), cell(w, GF_FIG_BASE_UNIT)) != 0)
        continue;
      double ratio = dabs(p->b) / dabs(w->b) * 100;
      double diff = dabs(ratio - stated);
      if (diff <= share_tol(s, p, w, ratio)) {
        if (!hp || (named && !h_named) ||
            (named == h_named && diff < h_diff)) {
          hp = p;
          hw = w;
          h_diff = diff;
          h_ratio = ratio;
          h_named = named;
        }
      } else if (named && (!bp || diff < b_diff)) {
        bp = p;
        bw = w;
        b_diff = diff;
        b_ratio = ratio;
      }
    }
  }
  gf_buf *m = &c->msg;
  const rowinfo *p = hp ? hp : bp, *w = hp ? hw : bw;
  double ratio = hp ? h_ratio : b_ratio;
  /* A named part whose best whole is off by more than a quarter of the
   * share was probably measured against a whole that is not in reach
   * (stated elsewhere, or not a row): no relation, rather than a warning. */
  if (!hp && (!bp || b_diff > stated / 4)) return;
  size_t lines[3] = {p->line, w->line, s->line};
  say_row(m, p);
  gf_buf_puts(m, " / ");
  say_row(m, w);
  gf_buf_printf(m, " = %.*f%%", decimals(s->val), ratio);
  if (hp) {
    gf_buf_puts(m, ", as stated");
    add_item(c, GF_CHECK_HOLDS, GF_CHECK_SHARE_PARTS, lines, 3);
  } else {
    gf_buf_puts(m, ", but ");
    say_row(m, s);
    gf_buf_puts(m, " is stated: more apart than rounding explains");
    add_item(c, GF_CHECK_WARNING, GF_CHECK_SHARE_PARTS, lines, 3);
  }
}

/* 下降 3% may be stored as -3 or as 3 with the comparison word. */
static int says_down(const rowinfo *g) {
  const char *cmp = cell(g, GF_FIG_COMPARISON);
  for (size_t i = 0; GF_DOWN_WORDS[i]; i++)
    if (strstr(cmp, GF_DOWN_WORDS[i])) return 1;
  return 0;
}

static void check_growth(ctx *c, rowinfo *g) {
  if (!g->period || strcmp(g->unit, "%") != 0) return;
  const rowinfo *bn = NULL, *bp = NULL;
  double b_diff = 0, b_rate = 0, b_tol = 0;
  double stated = g->v < 0 || says_down(g) ? -dabs(g->v) : g->v;
  for (size_t i = 0; i < c->n_rows; i++) {
    const rowinfo *now = &c->rows[i];
    if (!now->usable || !is_measure(now, GF_MEASURE_LEVEL) ||
        now->period != g->period || !now->base[0] ||
        strcmp(cell(now, GF_FIG_INDICATOR), cell(g, GF_FIG_INDICATOR)) != 0)
      continue;
    for (size_t j = 0; j < c->n_rows; j++) {
      const rowinfo *prev = &c->rows[j];
      if (!prev->usable || !is_measure(prev, GF_MEASURE_LEVEL) ||
          prev->period != g->period - 1 || !prev->base[0] || prev->b == 0 ||
          strcmp(cell(prev, GF_FIG_INDICATOR), cell(g, GF_FIG_INDICATOR)) !=
              0 ||
          strcmp(cell(prev, GF_FIG_BASE_UNIT), cell(now, GF_FIG_BASE_UNIT)) !=
              0)
        continue;
      double rate = (now->b / prev->b - 1) * 100;
      double q = now->b / prev->b;
      double tol = half_unit(decimals(g->val)) +
                   100 * dabs(q) *
                       (half_unit(decimals(now->val)) / dabs(now->v) +
                        half_unit(decimals(prev->val)) / dabs(prev->v)) +
                   1e-9;
      double diff = dabs(rate - stated);
      if (!bn || diff < b_diff) {
        bn = now;
        bp = prev;
        b_diff = diff;
        b_rate = rate;
        b_tol = tol;
      }
    }
  }
  if (!bn) return;
  gf_buf *m = &c->msg;
  size_t lines[3] = {bp->line, bn->line, g->line};
  gf_buf_puts(m, "from ");
  say_row(m, bp);
  int d = decimals(g->val) > 2 ? decimals(g->val) : 2;
  gf_buf_printf(m, " (%d) to %s%s%s (%d) is a change of %.*f%%", bp->period,
                bn->val, bn->unit[0] ? " " : "", bn->unit, bn->period, d,
                b_rate);
  if (b_diff <= b_tol) {
    gf_buf_puts(m, ", as stated");
    add_item(c, GF_CHECK_HOLDS, GF_CHECK_GROWTH_LEVELS, lines, 3);
  } else {
    gf_buf_puts(m, ", but the growth row says ");
    gf_buf_printf(m, "%s%%", g->val);
    if (g->v >= 0 && says_down(g)) gf_buf_printf(m, " (%s)", "down");
    gf_buf_puts(m, ": more apart than rounding explains");
    add_item(c, GF_CHECK_WARNING, GF_CHECK_GROWTH_LEVELS, lines, 3);
  }
}

/* base_value is value times the magnitude of the unit (亿 = 10^8) and
 * base_unit the unit without it; both from the row's own cells. */
static void check_magnitude(ctx *c, rowinfo *r) {
  gf_unit_match um;
  size_t ul = strlen(r->unit);
  int mag = 0;
  const char *bu = "";
  if (ul) {
    if (!gf_unit_read(r->unit, ul, 1, &um) || um.len != ul) return;
    mag = um.mag_exp;
    bu = um.base;
  }
  gf_buf *m = &c->msg;
  char want[GF_NUM_MAX];
  if (r->base[0] && gf_decimal_shift(r->val, mag, want, sizeof want) == 0 &&
      !same_abs(want, r->base)) {
    gf_buf_printf(m, "%s%s%s is %s%s%s, but base_value says %s", r->val,
                  ul ? " " : "", r->unit, want, bu[0] ? " " : "", bu,
                  r->base);
    add_item(c, GF_CHECK_WARNING, GF_CHECK_MAGNITUDE, &r->line, 1);
  }
  if (r->cell[GF_FIG_BASE_UNIT]) {
    char have[64];
    norm_cell(c, r->cell[GF_FIG_BASE_UNIT], have, sizeof have);
    if (!same_unit(have, bu)) {
      if (ul)
        gf_buf_printf(m, "the unit %s counts %s%s, but base_unit says %s",
                      r->unit, bu[0] ? "" : "no base unit", bu,
                      have[0] ? have : "nothing");
      else
        gf_buf_printf(m, "there is no unit, but base_unit says %s", have);
      add_item(c, GF_CHECK_WARNING, GF_CHECK_MAGNITUDE, &r->line, 1);
    }
  }
}

static void check_share_range(ctx *c, rowinfo *r) {
  int pm = strcmp(r->unit, "‰") == 0;
  if (!pm && strcmp(r->unit, "%") != 0) return;
  if (r->v <= (pm ? 1000 : 100)) return;
  gf_buf *m = &c->msg;
  say_row(m, r);
  gf_buf_puts(m, " is a share above the whole: a part of something is at "
                 "most 100%");
  add_item(c, GF_CHECK_WARNING, GF_CHECK_SHARE_RANGE, &r->line, 1);
}

/* Document order (page, byte, line) for telling sentences apart. */
static int by_place(const void *x, const void *y) {
  const rowinfo *a = *(const rowinfo *const *)x;
  const rowinfo *b = *(const rowinfo *const *)y;
  if (a->at_page != b->at_page) return a->at_page < b->at_page ? -1 : 1;
  if (a->at != b->at) return a->at < b->at ? -1 : 1;
  return a->line < b->line ? -1 : a->line > b->line;
}

static int by_line(const void *x, const void *y) {
  const gf_check_item *a = x, *b = y;
  if (a->line != b->line) return a->line < b->line ? -1 : 1;
  return a->kind < b->kind ? -1 : a->kind > b->kind;
}

static void relations(ctx *c) {
  rowinfo **order = gf_malloc(c->n_rows * sizeof *order);
  if (!order) {
    c->oom = 1;
    return;
  }
  for (size_t i = 0; i < c->n_rows; i++) {
    rowinfo *r = &c->rows[i];
    order[i] = r;
    r->v = r->usable ? to_double(r->val) : 0;
    r->b = r->base[0] ? to_double(r->base) : 0;
    size_t y = 0;
    r->period = parse_size(cell(r, GF_FIG_PERIOD), &y) && y < 100000 ? (int)y : 0;
  }
  qsort(order, c->n_rows, sizeof *order, by_place);
  /* Without a sentence column each page counts as one sentence. */
  size_t sent = 0;
  for (size_t i = 1; i < c->n_rows; i++) {
    const rowinfo *a = order[i - 1], *b = order[i];
    if (c->col[GF_FIG_SENTENCE] >= 0 ? strcmp(cell(a, GF_FIG_SENTENCE),
                                         cell(b, GF_FIG_SENTENCE)) != 0
                                : a->at_page != b->at_page)
      sent++;
    order[i]->sent = sent;
  }
  if (c->n_rows) order[0]->sent = 0;
  gf_free(order);

  size_t first = c->chk->n;
  for (size_t i = 0; i < c->n_rows && !c->oom; i++) {
    rowinfo *r = &c->rows[i];
    if (!r->usable) continue;
    check_magnitude(c, r);
    if (is_measure(r, GF_MEASURE_SHARE)) {
      check_share_range(c, r);
      if (strcmp(r->unit, "%") == 0) check_share(c, r);
    }
    if (is_measure(r, GF_MEASURE_GROWTH)) check_growth(c, r);
  }
  /* relations in the order of their first row */
  if (c->chk->n > first)
    qsort(c->chk->items + first, c->chk->n - first, sizeof *c->chk->items,
          by_line);
}

/* ------------------------------------------------------------- the API */

static int fail_csv(gf_error *err, int code, const char *msg,
                    const char *csv, size_t len, size_t off) {
  if (err) {
    err->code = code;
    err->message = msg;
    err->page = 0;
    err->offset = off;
    err->line = csv ? gf_csv_offset_line(csv, len, off) : 0;
  }
  return code;
}

int gf_figures_check(const gf_doc *doc, const char *csv, size_t len,
                     unsigned opts, gf_check **out, gf_error *err) {
  if (out) *out = NULL;
  if (err) memset(err, 0, sizeof *err);
  if (!doc || !out || (!csv && len > 0))
    return fail_csv(err, GF_EINVAL, gf_strerror(GF_EINVAL), NULL, 0, 0);
  ctx c;
  memset(&c, 0, sizeof c);
  c.doc = doc;
  gf_csv *table = NULL;
  gf_error perr = {0};
  int rc = gf_csv_parse(csv, len, &table, &perr);
  if (rc == GF_EINVAL) rc = GF_ECSV;
  if (rc != GF_OK)
    return fail_csv(err, rc, perr.message ? perr.message : gf_strerror(rc),
                    csv, len, perr.offset);
  c.csv = table;
  rc = GF_ENOMEM;
  c.chk = gf_calloc(1, sizeof *c.chk);
  if (!c.chk) goto fail;

  size_t n_table = gf_csv_rows(table);
  if (n_table == 0) {
    rc = fail_csv(err, GF_ECSV, "the CSV is empty: no header row", csv, len,
                  0);
    goto fail;
  }
  for (int k = 0; k < GF_FIG_N; k++) {
    c.col[k] = -1;
    for (size_t j = 0; j < gf_csv_cols(table, 0) && c.col[k] < 0; j++) {
      char name[64];
      if (trimmed(gf_csv_unguard(gf_csv_field(table, 0, j, NULL)), name,
                  sizeof name) &&
          strcmp(name, GF_FIGURE_COLUMNS[k]) == 0)
        c.col[k] = (int)j;
    }
  }
  for (size_t k = 0; k < sizeof needed / sizeof *needed; k++)
    if (c.col[needed[k].col] < 0) {
      /* offset 0 with the BOM skipped is line 1, the header */
      rc = fail_csv(err, GF_ECSV, needed[k].message, csv, len, 0);
      goto fail;
    }

  c.rows = gf_calloc(n_table, sizeof *c.rows);
  c.first_line = gf_calloc(doc->n_pages + 1, sizeof *c.first_line);
  c.pages = gf_calloc(doc->n_pages ? doc->n_pages : 1, sizeof *c.pages);
  if (!c.rows || !c.first_line || !c.pages) goto fail;
  for (size_t k = 0, p = 0; p <= doc->n_pages; p++) {
    while (k < doc->n_lines && doc->lines[k].page < p) k++;
    c.first_line[p] = k;
  }
  for (size_t i = 1; i < n_table; i++) {
    rowinfo *r = &c.rows[c.n_rows];
    int blank = 1;
    for (size_t j = 0; j < gf_csv_cols(table, i) && blank; j++)
      blank = is_blank(gf_csv_field(table, i, j, NULL));
    if (blank) continue;  /* a spreadsheet's empty row ",,,," */
    r->line = gf_csv_line(table, i);
    for (int k = 0; k < GF_FIG_N; k++)
      if (c.col[k] >= 0) {
        const char *f = gf_csv_field(table, i, (size_t)c.col[k], NULL);
        r->cell[k] = gf_csv_unguard(f ? f : "");
      }
    c.n_rows++;
    check_row(&c, r);
    if (c.oom) goto fail;
  }
  if (opts & GF_OPT_CONSISTENCY) relations(&c);
  if (c.oom) goto fail;
  c.chk->n_rows = c.n_rows;
  for (size_t i = 0; i < c.n_rows; i++) c.chk->n_failed += c.rows[i].failed;
  *out = c.chk;
  c.chk = NULL;
  rc = GF_OK;
fail:
  if (rc == GF_ENOMEM) fail_csv(err, rc, gf_strerror(rc), NULL, 0, 0);
  if (c.pages)
    for (size_t p = 0; p < doc->n_pages; p++) {
      gf_buf_free(&c.pages[p].t);
      gf_offs_free(&c.pages[p].map);
    }
  gf_free(c.pages);
  gf_free(c.first_line);
  gf_free(c.rows);
  gf_buf_free(&c.msg);
  gf_check_free(c.chk);
  gf_csv_free(table);
  return rc;
}

size_t gf_check_count(const gf_check *chk) { return chk ? chk->n : 0; }

const gf_check_item *gf_check_at(const gf_check *chk, size_t i) {
  return chk && i < chk->n ? &chk->items[i] : NULL;
}

size_t gf_check_rows(const gf_check *chk) { return chk ? chk->n_rows : 0; }

size_t gf_check_failed_rows(const gf_check *chk) {
  return chk ? chk->n_failed : 0;
}

void gf_check_free(gf_check *chk) {
  if (!chk) return;
  for (size_t i = 0; i < chk->n; i++) {
    gf_free((void *)chk->items[i].message);
    gf_free((void *)chk->items[i].lines);
  }
  gf_free(chk->items);
  gf_free(chk);
}
