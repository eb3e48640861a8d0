/* amount.c - the amount reader: a number with its unit, 余/多, a
 * parenthetical before the unit and a range, at a position of normalized
 * text (records.md section 1: value, unit, base_unit, value_max).  The
 * prose figure reader (figures.c) and the verifier read amounts here, so
 * the rules a row was extracted by are the rules it is checked by. */
#include <string.h>

#include "common/scan.h"
#include "extract/amount.h"
#include "extract/vocab.h"

/* A short parenthetical before the unit: 10.72（含南山、高新）万吨. */
static size_t paren_unit(const char *t, size_t len, size_t p, gf_amount *a) {
  if (!gf_lit_at(t, len, p, "（")) return 0;
  size_t q = p;
  gf_unit_match um;
  while (q < len && q - p < 90 && !gf_lit_at(t, len, q, "）"))
    q += gf_char_len((unsigned char)t[q]);
  if (!gf_lit_at(t, len, q, "）") ||
      !gf_unit_read(t + q + 3, len - q - 3, 0, &um) || um.mag_exp < 0)
    return 0;
  gf_copy_span(a->unit, sizeof a->unit, t, q + 3, q + 3 + um.len);
  gf_copy_str(a->base_unit, sizeof a->base_unit, um.base);
  a->mag_exp = um.mag_exp;
  a->unit_flags = um.flags;
  return q + 3 + um.len;
}

/* 余 多 几 来 right after the number at t+s (11万余人次, 180余人, 二十几个,
 * 十来个): the numeral reader's rule, so that a figure and `govfig
 * numbers` agree.  Returns its length and sets *bk. */
static size_t bound_inside(const char *t, size_t len, size_t s,
                           const gf_numeral *nr, int *bk) {
  int b = 0;
  size_t n = gf_numeral_bound_after(t + s, len - s, nr, &b);
  if (n) *bk = b == GF_NUMB_ABOUT ? GF_BOUND_ABOUT : GF_BOUND_OVER;
  return n;
}

/* The number's own magnitude and the unit after it: 3.7万户, 11万余人次,
 * or a bare 5亿. */
static size_t magnitude_unit(const char *t, size_t len, size_t s,
                             const gf_numeral *nr, gf_amount *a) {
  size_t p = s + nr->mag_off, ml = nr->len - nr->mag_off;
  size_t q = p + ml;
  int bk = 0;
  gf_unit_match um;
  size_t in = bound_inside(t, len, s, nr, &bk);
  if (in) a->bound = bk;
  a->mag_exp = nr->mag_exp;
  if (gf_unit_read(t + q + in, len - q - in, 0, &um) && um.mag_exp == 0) {
    char u[2 * sizeof a->unit]; /* magnitude + unit, then cut to fit */
    size_t n = ml < sizeof a->unit ? ml : sizeof a->unit - 1;
    size_t m = um.len < sizeof a->unit ? um.len : sizeof a->unit - 1;
    memcpy(u, t + p, n);
    memcpy(u + n, t + q + in, m);
    gf_copy_span(a->unit, sizeof a->unit, u, 0, n + m);
    gf_copy_str(a->base_unit, sizeof a->base_unit, um.base);
    a->unit_flags = um.flags;
    return q + in + um.len;
  }
  gf_copy_span(a->unit, sizeof a->unit, t, p, q);
  a->base_unit[0] = '\0';
  return q + in;
}

size_t gf_amount_unit(const char *t, size_t len, size_t s,
                      const gf_numeral *nr, gf_amount *a) {
  size_t p = s + nr->mag_off;
  /* 500余万, 一千多万, 十来万: the numeral reader's own bound */
  if (nr->bound)
    a->bound = nr->bound == GF_NUMB_ABOUT ? GF_BOUND_ABOUT : GF_BOUND_OVER;
  if (nr->mag_exp == 0) {
    size_t e = paren_unit(t, len, p, a);
    if (e) return e;
  }
  if (nr->mag_exp) return magnitude_unit(t, len, s, nr, a);
  int bk = 0;
  gf_unit_match um;
  size_t inside = bound_inside(t, len, s, nr, &bk);
  if (!gf_unit_read(t + p + inside, len - p - inside, 1, &um)) return 0;
  gf_copy_span(a->unit, sizeof a->unit, t, p + inside, p + inside + um.len);
  gf_copy_str(a->base_unit, sizeof a->base_unit, um.base);
  a->mag_exp = um.mag_exp;
  a->unit_flags = um.flags;
  if (inside) a->bound = bk;
  return p + inside + um.len;
}

/* A range after the amount ending at e (0: the first number had no unit,
 * it then stands right after the number at after): 5%—6%, 5—6%, 5至6万人.
 * Returns the new end, or e when no range follows. */
static size_t range(const char *t, size_t len, size_t after, size_t e,
                    gf_amount *a) {
  size_t rw = gf_word_at(t, len, e ? e : after, GF_RANGE_WORDS);
  if (!rw) return e;
  size_t q = (e ? e : after) + rw;
  gf_numeral n2;
  if (q >= len || !gf_numeral_read(t + q, len - q, &n2)) return e;
  gf_amount a2;
  memset(&a2, 0, sizeof a2);
  size_t e2 = n2.flags & GF_NUMF_PER
                  ? 0
                  : gf_amount_unit(t, len, q, &n2, &a2);
  if (e2 && (!e || strcmp(a2.unit, a->unit) == 0)) {
    if (!e) {
      gf_copy_str(a->unit, sizeof a->unit, a2.unit);
      gf_copy_str(a->base_unit, sizeof a->base_unit, a2.base_unit);
      a->mag_exp = a2.mag_exp;
      a->unit_flags = a2.unit_flags;
    }
    gf_copy_str(a->value_max, sizeof a->value_max, n2.core);
    return e2;
  }
  if (!e && !e2 && q + n2.len <= len && n2.len &&
      gf_lit_at(t, len, q + n2.len, "%")) {
    gf_copy_str(a->unit, sizeof a->unit, "%");
    gf_copy_str(a->base_unit, sizeof a->base_unit, "%");
    a->unit_flags = GF_UNITF_PERCENT;
    gf_copy_str(a->value_max, sizeof a->value_max, n2.core);
    return q + n2.len + 1;
  }
  return e;
}

size_t gf_amount_read(const char *t, size_t len, size_t s,
                      const gf_numeral *nr, gf_amount *a) {
  size_t after = s + nr->len, e;
  memset(a, 0, sizeof *a);
  if (nr->flags & GF_NUMF_PER) {
    gf_copy_str(a->value, sizeof a->value, nr->value);
    gf_copy_str(a->unit, sizeof a->unit, gf_numeral_per_unit(nr->flags));
    gf_copy_str(a->base_unit, sizeof a->base_unit, a->unit);
    a->unit_flags = GF_UNITF_PERCENT;
    e = after;
  } else {
    gf_copy_str(a->value, sizeof a->value, nr->core);
    e = gf_amount_unit(t, len, s, nr, a);
  }
  return range(t, len, after, e, a);
}

void gf_amount_list_unit(const char *t, size_t len, size_t e, gf_amount *a) {
  if (strcmp(a->unit, "个") != 0 || !gf_word_at(t, len, e, GF_UNIT_LIST_SEPS))
    return;
  size_t ce = gf_clause_end(t, len, e);
  for (size_t i = e; i + strlen("个百分点") <= ce;
       i += gf_char_len((unsigned char)t[i]))
    if (gf_lit_at(t, ce, i, "个百分点")) {
      gf_copy_str(a->unit, sizeof a->unit, "个百分点");
      gf_copy_str(a->base_unit, sizeof a->base_unit, "个百分点");
      a->unit_flags = GF_UNITF_PP;
      return;
    }
}
