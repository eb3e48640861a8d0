/* relations.c - `govfig check --consistency`: rows weighed against each
 * other (spec/records.md section 3): a share against the part and whole it
 * names, a growth against this and last year's levels, shares above 100%
 * and base_value against value times the unit's magnitude.  Only these use
 * floating point, with a tolerance derived from the decimals the report
 * states. */
#include <stdlib.h>
#include <string.h>

#include "check/check.h"
#include "extract/vocab.h"

/* ------------------------------------------------------------- relations
 * Only rows whose doc, page and value could be read take part. */

static int is_measure(const gf_chk_row *r, int measure) {
  char t[32];
  return gf_chk_trimmed(gf_chk_cell(r, GF_FIG_MEASURE), t, sizeof t) &&
         strcmp(t, GF_MEASURE_NAMES[measure]) == 0;
}

/* "税收收入 115.31 亿元", "税收占比 82.29%" */
static void say_row(gf_buf *m, const gf_chk_row *r) {
  gf_chk_put_shown(m, gf_chk_cell(r, GF_FIG_INDICATOR),
                   strlen(gf_chk_cell(r, GF_FIG_INDICATOR)), 80);
  if (r->cell[GF_FIG_INDICATOR] && !gf_chk_is_blank(r->cell[GF_FIG_INDICATOR]))
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
static int near_level(const gf_chk_row *s, const gf_chk_row *l) {
  if (!l->usable || l == s || !is_measure(l, GF_MEASURE_LEVEL) || !l->base[0])
    return 0;
  if (l->at_page + 1 < s->at_page || s->at_page + 1 < l->at_page) return 0;
  if (l->sent + 1 < s->sent || l->sent > s->sent) return 0;
  const char *bu = gf_chk_cell(l, GF_FIG_BASE_UNIT);
  return strcmp(bu, "%") != 0 && strcmp(bu, "‰") != 0;
}

/* Tolerance of ratio p/w*100 against stated share s: the rounding of s's
 * last decimal plus what rounding p and w to their decimals can move the
 * ratio. */
static double share_tol(const gf_chk_row *s, const gf_chk_row *p,
                        const gf_chk_row *w, double ratio) {
  double rp = gf_chk_half_unit(gf_chk_decimals(p->val)) / gf_chk_abs(p->v);
  double rw = gf_chk_half_unit(gf_chk_decimals(w->val)) / gf_chk_abs(w->v);
  return gf_chk_half_unit(gf_chk_decimals(s->val)) +
         gf_chk_abs(ratio) * (rp + rw) + 1e-9;
}

static void check_share(gf_chk_ctx *c, gf_chk_row *s) {
  const gf_chk_row *hp = NULL, *hw = NULL, *bp = NULL, *bw = NULL;
  double h_diff = 0, h_ratio = 0, b_diff = 0, b_ratio = 0;
  int h_named = 0;
  double stated = gf_chk_abs(s->v);
  const char *sind = gf_chk_cell(s, GF_FIG_INDICATOR);
  if (stated == 0) return;  /* any small part would "hold" */
  for (size_t i = 0; i < c->n_rows; i++) {
    const gf_chk_row *p = &c->rows[i];
    if (!near_level(s, p) || p->b == 0) continue;
    int named = shared_start(sind, gf_chk_cell(p, GF_FIG_INDICATOR)) >= 2;
    for (size_t j = 0; j < c->n_rows; j++) {
      const gf_chk_row *w = &c->rows[j];
      if (!near_level(s, w) || w == p || gf_chk_abs(w->b) <= gf_chk_abs(p->b) ||
          strcmp(gf_chk_cell(p, GF_FIG_BASE_UNIT),
                 gf_chk_cell(w, GF_FIG_BASE_UNIT)) != 0)
        continue;
      double ratio = gf_chk_abs(p->b) / gf_chk_abs(w->b) * 100;
      double diff = gf_chk_abs(ratio - stated);
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
  const gf_chk_row *p = hp ? hp : bp, *w = hp ? hw : bw;
  double ratio = hp ? h_ratio : b_ratio;
  /* A named part whose best whole is off by more than a quarter of the
   * share was probably measured against a whole that is not in reach
   * (stated elsewhere, or not a row): no relation, rather than a warning. */
  if (!hp && (!bp || b_diff > stated / 4)) return;
  size_t lines[3] = {p->line, w->line, s->line};
  say_row(m, p);
  gf_buf_puts(m, " / ");
  say_row(m, w);
  gf_buf_printf(m, " = %.*f%%", gf_chk_decimals(s->val), ratio);
  if (hp) {
    gf_buf_puts(m, ", as stated");
    gf_chk_add_item(c, GF_CHECK_HOLDS, GF_CHECK_SHARE_PARTS, lines, 3);
  } else {
    gf_buf_puts(m, ", but ");
    say_row(m, s);
    gf_buf_puts(m, " is stated: more apart than rounding explains");
    gf_chk_add_item(c, GF_CHECK_WARNING, GF_CHECK_SHARE_PARTS, lines, 3);
  }
}

/* 下降 3% may be stored as -3 or as 3 with the comparison word. */
static int says_down(const gf_chk_row *g) {
  const char *cmp = gf_chk_cell(g, GF_FIG_COMPARISON);
  for (size_t i = 0; GF_DOWN_WORDS[i]; i++)
    if (strstr(cmp, GF_DOWN_WORDS[i])) return 1;
  return 0;
}

static void check_growth(gf_chk_ctx *c, gf_chk_row *g) {
  if (!g->period || strcmp(g->unit, "%") != 0) return;
  const gf_chk_row *bn = NULL, *bp = NULL;
  double b_diff = 0, b_rate = 0, b_tol = 0;
  double stated = g->v < 0 || says_down(g) ? -gf_chk_abs(g->v) : g->v;
  for (size_t i = 0; i < c->n_rows; i++) {
    const gf_chk_row *now = &c->rows[i];
    if (!now->usable || !is_measure(now, GF_MEASURE_LEVEL) ||
        now->period != g->period || !now->base[0] ||
        strcmp(gf_chk_cell(now, GF_FIG_INDICATOR),
               gf_chk_cell(g, GF_FIG_INDICATOR)) != 0)
      continue;
    for (size_t j = 0; j < c->n_rows; j++) {
      const gf_chk_row *prev = &c->rows[j];
      if (!prev->usable || !is_measure(prev, GF_MEASURE_LEVEL) ||
          prev->period != g->period - 1 || !prev->base[0] || prev->b == 0 ||
          strcmp(gf_chk_cell(prev, GF_FIG_INDICATOR),
                 gf_chk_cell(g, GF_FIG_INDICATOR)) != 0 ||
          strcmp(gf_chk_cell(prev, GF_FIG_BASE_UNIT),
                 gf_chk_cell(now, GF_FIG_BASE_UNIT)) != 0)
        continue;
      double rate = (now->b / prev->b - 1) * 100;
      double q = now->b / prev->b;
      double tol = gf_chk_half_unit(gf_chk_decimals(g->val)) +
                   100 * gf_chk_abs(q) *
                       (gf_chk_half_unit(gf_chk_decimals(now->val)) /
                            gf_chk_abs(now->v) +
                        gf_chk_half_unit(gf_chk_decimals(prev->val)) /
                            gf_chk_abs(prev->v)) +
                   1e-9;
      double diff = gf_chk_abs(rate - stated);
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
  int d = gf_chk_decimals(g->val) > 2 ? gf_chk_decimals(g->val) : 2;
  gf_buf_printf(m, " (%d) to %s%s%s (%d) is a change of %.*f%%", bp->period,
                bn->val, bn->unit[0] ? " " : "", bn->unit, bn->period, d,
                b_rate);
  if (b_diff <= b_tol) {
    gf_buf_puts(m, ", as stated");
    gf_chk_add_item(c, GF_CHECK_HOLDS, GF_CHECK_GROWTH_LEVELS, lines, 3);
  } else {
    gf_buf_puts(m, ", but the growth row says ");
    gf_buf_printf(m, "%s%%", g->val);
    if (g->v >= 0 && says_down(g)) gf_buf_printf(m, " (%s)", "down");
    gf_buf_puts(m, ": more apart than rounding explains");
    gf_chk_add_item(c, GF_CHECK_WARNING, GF_CHECK_GROWTH_LEVELS, lines, 3);
  }
}

/* base_value is value times the magnitude of the unit (亿 = 10^8) and
 * base_unit the unit without it; both from the row's own cells. */
static void check_magnitude(gf_chk_ctx *c, gf_chk_row *r) {
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
      !gf_chk_same_abs(want, r->base)) {
    gf_buf_printf(m, "%s%s%s is %s%s%s, but base_value says %s", r->val,
                  ul ? " " : "", r->unit, want, bu[0] ? " " : "", bu,
                  r->base);
    gf_chk_add_item(c, GF_CHECK_WARNING, GF_CHECK_MAGNITUDE, &r->line, 1);
  }
  if (r->cell[GF_FIG_BASE_UNIT]) {
    char have[64];
    gf_chk_norm_cell(c, r->cell[GF_FIG_BASE_UNIT], have, sizeof have);
    if (!gf_chk_same_unit(have, bu)) {
      if (ul)
        gf_buf_printf(m, "the unit %s counts %s%s, but base_unit says %s",
                      r->unit, bu[0] ? "" : "no base unit", bu,
                      have[0] ? have : "nothing");
      else
        gf_buf_printf(m, "there is no unit, but base_unit says %s", have);
      gf_chk_add_item(c, GF_CHECK_WARNING, GF_CHECK_MAGNITUDE, &r->line, 1);
    }
  }
}

static void check_share_range(gf_chk_ctx *c, gf_chk_row *r) {
  int pm = strcmp(r->unit, "‰") == 0;
  if (!pm && strcmp(r->unit, "%") != 0) return;
  if (r->v <= (pm ? 1000 : 100)) return;
  gf_buf *m = &c->msg;
  say_row(m, r);
  gf_buf_puts(m, " is a share above the whole: a part of something is at "
                 "most 100%");
  gf_chk_add_item(c, GF_CHECK_WARNING, GF_CHECK_SHARE_RANGE, &r->line, 1);
}

/* Document order (page, byte, line) for telling sentences apart. */
static int by_place(const void *x, const void *y) {
  const gf_chk_row *a = *(const gf_chk_row *const *)x;
  const gf_chk_row *b = *(const gf_chk_row *const *)y;
  if (a->at_page != b->at_page) return a->at_page < b->at_page ? -1 : 1;
  if (a->at != b->at) return a->at < b->at ? -1 : 1;
  return a->line < b->line ? -1 : a->line > b->line;
}

static int by_line(const void *x, const void *y) {
  const gf_check_item *a = x, *b = y;
  if (a->line != b->line) return a->line < b->line ? -1 : 1;
  return a->kind < b->kind ? -1 : a->kind > b->kind;
}

void gf_chk_relations(gf_chk_ctx *c) {
  gf_chk_row **order = gf_malloc(c->n_rows * sizeof *order);
  if (!order) {
    c->oom = 1;
    return;
  }
  for (size_t i = 0; i < c->n_rows; i++) {
    gf_chk_row *r = &c->rows[i];
    order[i] = r;
    r->v = r->usable ? gf_chk_to_double(r->val) : 0;
    r->b = r->base[0] ? gf_chk_to_double(r->base) : 0;
    size_t y = 0;
    r->period =
        gf_chk_parse_size(gf_chk_cell(r, GF_FIG_PERIOD), &y) && y < 100000
            ? (int)y
            : 0;
  }
  qsort(order, c->n_rows, sizeof *order, by_place);
  /* Without a sentence column each page counts as one sentence. */
  size_t sent = 0;
  for (size_t i = 1; i < c->n_rows; i++) {
    const gf_chk_row *a = order[i - 1], *b = order[i];
    if (c->col[GF_FIG_SENTENCE] >= 0 ? strcmp(gf_chk_cell(a, GF_FIG_SENTENCE),
                                         gf_chk_cell(b, GF_FIG_SENTENCE)) != 0
                                : a->at_page != b->at_page)
      sent++;
    order[i]->sent = sent;
  }
  if (c->n_rows) order[0]->sent = 0;
  gf_free(order);

  size_t first = c->chk->n;
  for (size_t i = 0; i < c->n_rows && !c->oom; i++) {
    gf_chk_row *r = &c->rows[i];
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
