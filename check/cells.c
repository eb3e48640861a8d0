/* cells.c - the verifier's findings and cells (spec/records.md section 3):
 * the store of findings, white space as the check ignores it, how a cell
 * is shown in a message, cells read as trimmed text, page numbers and exact
 * decimals, and units compared as the extractor writes them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/check.h"
#include "common/scan.h"

/* Stores a finding; the message is taken from c->msg (emptied). */
void gf_chk_add_item(gf_chk_ctx *c, int severity, int kind, const size_t *lines,
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

void gf_chk_row_item(gf_chk_ctx *c, gf_chk_row *r, int severity, int kind) {
  if (severity == GF_CHECK_FAILED) r->failed = 1;
  gf_chk_add_item(c, severity, kind, &r->line, 1);
}

/* ------------------------------------------------------------- text */

/* Byte length of a whitespace character at s: ASCII spaces and line ends,
 * NO-BREAK SPACE and the ideographic space U+3000 that reports indent
 * with; 0 for anything else. */
size_t gf_chk_space_at(const char *s, size_t len) {
  if (len == 0) return 0;
  if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f' ||
      *s == '\v')
    return 1;
  size_t n = gf_lit(s, len, "\xC2\xA0");
  return n ? n : gf_lit(s, len, "\xE3\x80\x80");
}

/* s without whitespace into out; map (may be NULL) gets for every kept
 * byte its offset in s. */
void gf_chk_squeeze(const char *s, size_t len, gf_buf *out, gf_offs *map) {
  for (size_t i = 0; i < len;) {
    size_t w = gf_chk_space_at(s + i, len - i);
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
int gf_chk_same_but_space(const char *a, size_t na, const char *b,
                          size_t nb) {
  size_t i = 0, j = 0;
  for (;;) {
    size_t w;
    while ((w = gf_chk_space_at(a + i, na - i)) != 0) i += w;
    while ((w = gf_chk_space_at(b + j, nb - j)) != 0) j += w;
    if (i == na || j == nb) return i == na && j == nb;
    if (a[i] != b[j]) return 0;
    i++;
    j++;
  }
}

/* Appends s with every whitespace run shown as one space, trimmed, and at
 * most max bytes (cut at a character boundary, then "…"). */
void gf_chk_put_shown(gf_buf *b, const char *s, size_t len, size_t max) {
  int pend = 0, any = 0;
  size_t shown = 0;
  for (size_t i = 0; i < len;) {
    size_t w = gf_chk_space_at(s + i, len - i);
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
int gf_chk_trimmed(const char *cell, char *out, size_t cap) {
  size_t a = 0, b = cell ? strlen(cell) : 0, w;
  while (a < b && (w = gf_chk_space_at(cell + a, b - a)) != 0) a += w;
  while (b > a && (cell[b - 1] == ' ' || cell[b - 1] == '\t' ||
                   cell[b - 1] == '\r' || cell[b - 1] == '\n'))
    b--;
  if (b - a >= cap) return 0;
  memcpy(out, cell + a, b - a);
  out[b - a] = '\0';
  return 1;
}

int gf_chk_is_blank(const char *cell) {
  for (size_t i = 0, n = cell ? strlen(cell) : 0, w; i < n; i += w)
    if ((w = gf_chk_space_at(cell + i, n - i)) == 0) return 0;
  return 1;
}

/* A number cell as a spreadsheet may leave it: spaces around, a sign (- + or
 * U+2212), thousands separators (1,327.8), trailing zeros (1327.80).  out
 * gets the canonical decimal.  0 when it is no number. */
int gf_chk_cell_decimal(const char *cell, char *out, size_t cap) {
  char t[GF_NUM_MAX];
  if (!gf_chk_trimmed(cell, t, sizeof t)) return 0;
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
int gf_chk_same_abs(const char *a, const char *b) {
  if (*a == '-') a++;
  if (*b == '-') b++;
  return strcmp(a, b) == 0;
}

/* Digits after the point: how precisely the report states a number. */
int gf_chk_decimals(const char *v) {
  const char *p = strchr(v, '.');
  return p ? (int)strlen(p + 1) : 0;
}

/* A canonical decimal as a double (no locale, no libm). */
double gf_chk_to_double(const char *v) {
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

double gf_chk_half_unit(int d) {  /* 0.5 * 10^-d: rounding of d decimals */
  double h = 0.5;
  while (d-- > 0) h /= 10;
  return h;
}

double gf_chk_abs(double x) { return x < 0 ? -x : x; }

/* ------------------------------------------------------------- one row */

const char *gf_chk_cell(const gf_chk_row *r, int col) {
  return r->cell[col] ? r->cell[col] : "";
}

int gf_chk_parse_size(const char *s, size_t *out) {
  char t[32];
  if (!gf_chk_trimmed(s, t, sizeof t) || !t[0]) return 0;
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
int gf_chk_same_unit(const char *stated, const char *source) {
  if (strcmp(stated, source) == 0) return 1;
  return strcmp(source, "个") == 0 &&
         (strcmp(stated, "个百分点") == 0 || strcmp(stated, "百分点") == 0);
}

/* The unit cell as the extractor writes units: NFKC, no spaces. */
void gf_chk_norm_cell(gf_chk_ctx *c, const char *s, char *out, size_t cap) {
  char *n = NULL;
  size_t len = 0;
  out[0] = '\0';
  int rc = gf_text_normalize(s, strlen(s), &n, &len, NULL);
  if (rc == GF_ENOMEM) c->oom = 1;
  if (rc == GF_OK) {
    gf_buf b = {0};
    gf_chk_squeeze(n, len, &b, NULL);
    if (b.p && b.len < cap) memcpy(out, b.p, b.len + 1);
    if (b.oom) c->oom = 1;
    gf_buf_free(&b);
  }
  gf_free(n);
}
