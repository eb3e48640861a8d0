/* outcome.c - is a target met?  The rules of records.md section 3 and the
 * README's "Tracking targets", one target against one actual, in exact
 * decimals (normalize/decimal.c):
 *   sense: which way is better.  以上/不低于/超过 ask for more, 以内/不超过/
 *     以下 for less; a decline target (下降 3%, stored -3) asks for more of a
 *     decline, so the sense of its bound turns; exact and 左右 targets take
 *     the indicator's direction (lower is better for 能耗, 失业率, prices,
 *     a rank), higher is better when it is unknown.
 *   exact / at_least / at_most: met when the actual is on the good side or
 *     equal; over / under (strict): equal decides nothing (unknown).
 *   about (左右): met within half a point of a percent target, within 1% of
 *     a level, or on the good side.
 *   range: met inside it or on the good side.
 *   an actual stated as a bound (超过 100 亿元, 以上) decides only when its
 *     bound points the way that settles the outcome. */
#include <string.h>

#include "track/track.h"

static int is_pp(const char *u) {
  return strcmp(u, "个百分点") == 0 || strcmp(u, "百分点") == 0;
}

/* Percent-like: compared by value in points, not scaled by magnitude. */
static int is_rate(const gf_track_side *s) {
  return strcmp(s->unit, "%") == 0 || strcmp(s->unit, "‰") == 0 ||
         is_pp(s->unit);
}

/* The number compared: base_value for amounts (万元 against 亿元), the
 * stated value for rates. */
static const char *cmp_value(const gf_track_side *s) {
  if (!is_rate(s) && s->base_value[0]) return s->base_value;
  return s->value;
}

static const char *cmp_unit(const gf_track_side *s) {
  if (is_pp(s->unit)) return "百分点";
  if (!is_rate(s) && s->base_value[0]) return s->base_unit;
  return s->unit;
}

int gf_track_comparable(const gf_track_side *t, const gf_track_side *a,
                        gf_buf *why) {
  if (strcmp(t->measure, a->measure) != 0) {
    if (why)
      gf_buf_printf(why, "actual is %s, target %s",
                    gf_track_measure_words(a->measure),
                    gf_track_measure_words(t->measure));
    return 0;
  }
  if (is_rate(t) != is_rate(a) || strcmp(cmp_unit(t), cmp_unit(a)) != 0) {
    if (why)
      gf_buf_printf(why, "actual in %s, target in %s",
                    a->unit[0] ? a->unit : "no unit",
                    t->unit[0] ? t->unit : "no unit");
    return 0;
  }
  int r;
  if (strlen(cmp_value(t)) > GF_NUM_MAX || strlen(cmp_value(a)) > GF_NUM_MAX ||
      strlen(t->value_max) > GF_NUM_MAX || strlen(t->value) > GF_NUM_MAX ||
      gf_decimal_cmp(cmp_value(t), "0", &r) != 0 ||
      gf_decimal_cmp(cmp_value(a), "0", &r) != 0 ||
      (t->value_max[0] && gf_decimal_cmp(t->value_max, "0", &r) != 0)) {
    if (why) gf_buf_puts(why, "a value is not a number");
    return 0;
  }
  return 1;
}

static int is_decline(const gf_track_side *t) {
  int r;
  return strcmp(t->measure, "level") != 0 &&
         gf_decimal_cmp(t->value, "0", &r) == 0 && r < 0;
}

/* +1 when more is better, -1 when less is. */
static int sense_of(const gf_track_side *t, int direction) {
  int down = is_decline(t);
  const char *b = t->bound;
  if (strcmp(b, "at_least") == 0 || strcmp(b, "over") == 0)
    return down ? -1 : 1;
  if (strcmp(b, "at_most") == 0 || strcmp(b, "under") == 0)
    return down ? 1 : -1;
  if (down || strcmp(t->measure, "rank") == 0 ||
      direction == GF_DIRECTION_DOWN)
    return -1;
  return 1;
}

/* A target's value with its range's upper end scaled like cmp_value. */
static int scaled_max(const gf_track_side *t, char *out, size_t cap) {
  if (is_rate(t) || !t->base_value[0]) {
    if (strlen(t->value_max) >= cap) return -1;
    strcpy(out, t->value_max);
    return 0;
  }
  /* base_value / value is the magnitude: 10^k for 万 (4), 亿 (8) ... */
  char probe[GF_NUM_MAX * 2];
  for (int k = 0; k <= 16; k++) {
    int r;
    if (gf_decimal_shift(t->value, k, probe, sizeof probe) == 0 &&
        gf_decimal_cmp(probe, t->base_value, &r) == 0 && r == 0)
      return gf_decimal_shift(t->value_max, k, out, cap);
  }
  return -1;
}

static void say(gf_buf *b, const gf_track_side *s) {
  gf_buf_puts(b, s->value);
  gf_buf_puts(b, s->unit);
}

static void say_target(gf_buf *b, const gf_track_side *t) {
  gf_buf_puts(b, t->value);
  if (t->value_max[0]) {
    gf_buf_puts(b, "-");
    gf_buf_puts(b, t->value_max);
  }
  gf_buf_puts(b, t->unit);
}

/* |x| <= tol for rates; 100 * |x| <= |t| for levels (within 1%). */
static int within(const gf_track_side *t, const char *diff) {
  char ad[GF_NUM_MAX * 2], at[GF_NUM_MAX * 2];
  int r;
  strcpy(ad, diff[0] == '-' ? diff + 1 : diff);
  if (is_rate(t)) return gf_decimal_cmp(ad, "0.5", &r) == 0 && r <= 0;
  const char *tv = cmp_value(t);
  strcpy(at, tv[0] == '-' ? tv + 1 : tv);
  char scaled[GF_NUM_MAX * 2];
  return gf_decimal_shift(ad, 2, scaled, sizeof scaled) == 0 &&
         gf_decimal_cmp(scaled, at, &r) == 0 && r <= 0;
}

/* The outcome by value alone: met, missed or unknown (a strict bound met
 * exactly), with the comparison said. */
static int by_value(const gf_track_side *t, const gf_track_side *a,
                    int sense, gf_buf *reason) {
  const char *tv = cmp_value(t), *av = cmp_value(a);
  int c;
  if (t->value_max[0]) {
    char hi[GF_NUM_MAX * 2];
    if (scaled_max(t, hi, sizeof hi) != 0) return GF_TRACK_UNKNOWN;
    int lo_hi, c_lo, c_hi;
    gf_decimal_cmp(tv, hi, &lo_hi);
    const char *lo = lo_hi <= 0 ? tv : hi, *up = lo_hi <= 0 ? hi : tv;
    gf_decimal_cmp(av, lo, &c_lo);
    gf_decimal_cmp(av, up, &c_hi);
    say(reason, a);
    int inside = c_lo >= 0 && c_hi <= 0;
    int met = inside || (sense > 0 ? c_hi > 0 : c_lo < 0);
    gf_buf_puts(reason, inside ? " in " : met ? (sense > 0 ? " above " :
                " below ") : (sense > 0 ? " below " : " above "));
    say_target(reason, t);
    return met ? GF_TRACK_MET : GF_TRACK_MISSED;
  }
  gf_decimal_cmp(av, tv, &c);
  if (strcmp(t->bound, "about") == 0) {
    char diff[GF_NUM_MAX * 2];
    if (gf_decimal_sub(av, tv, diff, sizeof diff) != 0)
      return GF_TRACK_UNKNOWN;
    int near = within(t, diff), met = near || c * sense > 0;
    say(reason, a);
    gf_buf_puts(reason, near ? (is_rate(t) ? " within 0.5 of "
                                           : " within 1% of ")
                             : c > 0 ? " > " : " < ");
    say_target(reason, t);
    gf_buf_puts(reason, " (about)");
    return met ? GF_TRACK_MET : GF_TRACK_MISSED;
  }
  int strict = strcmp(t->bound, "over") == 0 || strcmp(t->bound, "under") == 0;
  say(reason, a);
  gf_buf_puts(reason, c == 0 ? (strict ? " = " : sense > 0 ? " >= " : " <= ")
                  : c > 0 ? (sense > 0 ? " >= " : " > ")
                          : (sense > 0 ? " < " : " <= "));
  say_target(reason, t);
  if (c == 0 && strict) {
    gf_buf_puts(reason, ", but the target asks for more than that");
    return GF_TRACK_UNKNOWN;
  }
  return c * sense >= 0 ? GF_TRACK_MET : GF_TRACK_MISSED;
}

int gf_track_judge(const gf_track_side *t, const gf_track_side *a,
                   int direction, gf_buf *reason) {
  if (!gf_track_comparable(t, a, reason)) return GF_TRACK_UNKNOWN;
  int sense = sense_of(t, direction);
  int out = by_value(t, a, sense, reason);
  if (sense < 0) gf_buf_puts(reason, " (lower is better)");
  /* an actual that is itself a bound: 超过 120 亿元 may be far more */
  const char *ab = a->bound;
  int more = strcmp(ab, "over") == 0 || strcmp(ab, "at_least") == 0;
  int less = strcmp(ab, "under") == 0 || strcmp(ab, "at_most") == 0;
  if (is_decline(a)) {
    int m = more;
    more = less;
    less = m;
  }
  if ((more && (sense > 0) != (out == GF_TRACK_MET)) ||
      (less && (sense < 0) != (out == GF_TRACK_MET))) {
    if (out != GF_TRACK_UNKNOWN)
      gf_buf_printf(reason, ", but the actual is stated as %s that",
                    more ? "more than" : "less than");
    return GF_TRACK_UNKNOWN;
  }
  return out;
}
