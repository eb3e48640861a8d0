/* numforms.c - the forms written around a plain number (numerals.c): a
 * sign (负 負 - − +, 正), percent forms (百分之, 千分之, 万分之, N成 and
 * N成半, N折 and 七五折), fractions (N分之M, 一又二分之一), scientific and
 * SI notation (1.5e6, 2.5×10^3, 3.2k, 5M), and gf_numeral_parse.  The
 * value column of the figure record contract: 三成半 is 35 (%), 八折 is
 * 80 (%), exactly. */
#include <string.h>

#include "normalize/normalize.h"

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

__extension__ typedef unsigned __int128 u128;

static int is_digit(char c) { return c >= '0' && c <= '9'; }

static int is_alnum(char c) {
  return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* A minus sign at s: 负 負 - −; *neg 1.  A plus: + or 正, *neg 0.  Returns
 * its length, else 0.  正 only before Arabic digits (正三品 is a rank). */
static size_t sign_at(const char *s, size_t len, int *neg) {
  size_t n;
  *neg = 1;
  if ((n = gf_lit(s, len, "负")) || (n = gf_lit(s, len, "負")) ||
      (n = gf_lit(s, len, "-")) || (n = gf_lit(s, len, "\xE2\x88\x92")))
    return n;
  *neg = 0;
  if ((n = gf_lit(s, len, "+"))) return n;
  if ((n = gf_lit(s, len, "正")) && n < len && is_digit(s[n])) return n;
  return 0;
}

/* Integer value of a canonical decimal string of at most 18 digits, else
 * 0 (also for a fraction). */
static unsigned long long whole(const char *v) {
  unsigned long long x = 0;
  if (strlen(v) > 18) return 0;
  for (const char *p = v; *p; p++) {
    if (!is_digit(*p)) return 0;
    x = x * 10 + (unsigned)(*p - '0');
  }
  return x;
}

/* X分之Y at s + at (after X, whose value is x): Y / X in out.  Returns 1
 * when read. */
static int read_ratio(const char *s, size_t len, size_t at,
                      unsigned long long x, gf_numeral *out) {
  size_t p = gf_lit(s + at, len - at, "分之");
  if (!p || x == 0) return 0;
  gf_numeral y;
  memset(&y, 0, sizeof y);
  p += at;
  if (!gf_numeral_read_plain(s + p, len - p, &y)) return 0;
  gf_numeral r;
  memset(&r, 0, sizeof r);
  if (!gf_decimal_div(y.value, x, r.core, sizeof r.core)) return 0;
  r.len = r.mag_off = p + y.len;
  r.flags = GF_NUMF_CHINESE | (y.flags & GF_NUMF_DAXIE);
  if (gf_decimal_shift(r.core, 0, r.value, sizeof r.value)) return 0;
  *out = r;
  return 1;
}

/* N又X分之Y at s, the X at s + at: (N * X + Y) / X, so that 二又三分之二
 * rounds once (2.666666667).  Y must be a whole number. */
static int mixed_fraction(const char *s, size_t len, size_t at,
                          unsigned long long n, gf_numeral *out) {
  gf_numeral d, y;
  memset(&d, 0, sizeof d);
  memset(&y, 0, sizeof y);
  if (!gf_numeral_read_plain(s + at, len - at, &d) || d.mag_exp || d.bound)
    return 0;
  unsigned long long x = whole(d.value);
  size_t p = at + d.len, q = gf_lit(s + p, len - p, "分之");
  if (!x || !q || !gf_numeral_read_plain(s + p + q, len - p - q, &y))
    return 0;
  unsigned long long m = whole(y.value);
  if ((!m && strcmp(y.value, "0") != 0) || m >= x) return 0;
  u128 num = (u128)n * x + m;
  char v[48];
  size_t k = 0;
  char tmp[48];
  do {
    tmp[k++] = (char)('0' + (int)(num % 10));
    num /= 10;
  } while (num);
  for (size_t j = 0; j < k; j++) v[j] = tmp[k - 1 - j];
  v[k] = '\0';
  memset(out, 0, sizeof *out);
  if (!gf_decimal_div(v, x, out->core, sizeof out->core)) return 0;
  memcpy(out->value, out->core, sizeof out->value);
  out->len = out->mag_off = p + q + y.len;
  out->flags = GF_NUMF_CHINESE | (y.flags & GF_NUMF_DAXIE);
  return 1;
}

/* 百分之六, 千分之五, 万分之三, with a sign inside (百分之负二点五). */
static int read_per(const char *s, size_t len, gf_numeral *out) {
  static const struct {
    const char *word;
    unsigned flag;
  } per[] = {{"百分之", GF_NUMF_PERCENT},
             {"千分之", GF_NUMF_PERMILLE},
             {"万分之", GF_NUMF_PERMYRIAD},
             {"萬分之", GF_NUMF_PERMYRIAD}};
  size_t p = 0, k;
  for (k = 0; k < N_OF(per) && !p; k++) p = gf_lit(s, len, per[k].word);
  if (!p) return 0;
  unsigned pf = per[k - 1].flag;
  int neg = 0;
  size_t sg = sign_at(s + p, len - p, &neg);
  if (sg && !neg) sg = 0;
  p += sg;
  gf_numeral r;
  memset(&r, 0, sizeof r);
  size_t b = gf_lit(s + p, len - p, "百");
  gf_numeral probe;
  if (b && pf == GF_NUMF_PERCENT &&
      !gf_numeral_read_plain(s + p, len - p, &probe)) {
    strcpy(r.value, "100"); /* 百分之百 */
    r.len = b;
  } else if (!gf_numeral_read_plain(s + p, len - p, &r)) {
    out->bad_len = r.bad_len ? p + r.bad_len : 0;
    return 0;
  }
  out->len = out->mag_off = p + r.len;
  out->flags = (r.flags & ~GF_NUMF_DIGITWISE) | pf | GF_NUMF_CHINESE;
  out->bound = r.bound;
  out->bound_ok = r.mag_exp ? 0 : r.bound_ok;
  memcpy(out->core, r.value, sizeof out->core);
  if (neg && gf_decimal_negate(out->core, sizeof out->core)) return 0;
  return gf_decimal_shift(out->core, 0, out->value, sizeof out->value) == 0;
}

/* 八折 (80), 七五折 (75), 8.5折 and 八点五折 (85): a price as a percent of
 * the full one.  r is the plain number read at s. */
static int read_zhe(const char *s, size_t len, const gf_numeral *r,
                    gf_numeral *out) {
  size_t n1 = 0, n2 = 0, at;
  char v[GF_NUM_MAX];
  int d1 = gf_numeral_digit(s, len, &n1), d2 = -1;
  if (d1 > 0) d2 = gf_numeral_digit(s + n1, len - n1, &n2);
  if (d1 > 0 && d2 >= 0 && gf_lit(s + n1 + n2, len - n1 - n2, "折")) {
    v[0] = (char)('0' + d1); /* 七五折, 九八折 */
    v[1] = (char)('0' + d2);
    v[2] = '\0';
    at = n1 + n2;
  } else {
    at = r->len;
    if (!gf_lit(s + at, len - at, "折") || r->mag_exp || r->bound ||
        (r->flags & GF_NUMF_DIGITWISE))
      return 0;
    /* one digit, or one digit and one decimal: 8折, 8.5折, 八点五折 */
    const char *x = r->value;
    if (!(is_digit(x[0]) && x[0] != '0' &&
          (x[1] == '\0' || (x[1] == '.' && is_digit(x[2]) && !x[3]))))
      return 0;
    if (gf_decimal_shift(x, 1, v, sizeof v)) return 0;
  }
  size_t z = strlen("折");
  if (gf_word_at(s, len, at + z, GF_NUM_NOT_ZHE))
    return 0;
  memset(out, 0, sizeof *out);
  memcpy(out->core, v, strlen(v) + 1);
  memcpy(out->value, v, strlen(v) + 1);
  out->len = out->mag_off = at + z;
  out->flags = (r->flags & (GF_NUMF_CHINESE | GF_NUMF_DAXIE)) |
               GF_NUMF_PERCENT;
  return 1;
}

/* 九成, 七成五, 三成半, 3.5成: tenths, read as percent. */
static int read_cheng(const char *s, size_t len, const gf_numeral *r,
                      gf_numeral *out) {
  size_t at = r->len, n = gf_lit(s + at, len - at, "成");
  if (!n || r->mag_exp || r->bound || (r->flags & GF_NUMF_DIGITWISE))
    return 0;
  if (gf_word_at(s, len, at + n, GF_NUM_NOT_CHENG))
    return 0;
  const char *x = r->value;
  unsigned long long w = whole(x);
  int frac = strchr(x, '.') != NULL;
  if ((!frac && (w == 0 || w > 10)) || (frac && (x[0] == '0' || x[1] != '.')))
    return 0;
  char v[GF_NUM_MAX];
  if (gf_decimal_shift(x, 1, v, sizeof v)) return 0;
  size_t e = at + n, k = 0;
  int d = -1;
  if (!frac && w < 10) {
    /* 七成五 (75), 三成半 (35) */
    if ((k = gf_lit(s + e, len - e, "半")) != 0) {
      d = 5;
    } else if ((d = gf_numeral_digit(s + e, len - e, &k)) > 0) {
      size_t f = e + k;
      if (gf_numeral_char(s + f, len - f) || (f < len && is_digit(s[f])))
        d = -1;
    }
    if (d > 0) {
      v[1] = (char)('0' + d);
      e += k;
    }
  }
  memset(out, 0, sizeof *out);
  memcpy(out->core, v, sizeof v);
  memcpy(out->value, v, sizeof v);
  out->len = out->mag_off = e;
  out->flags = (r->flags & (GF_NUMF_CHINESE | GF_NUMF_DAXIE)) |
               GF_NUMF_PERCENT;
  return 1;
}

/* 1.5e6, 2.5E-3, 2.5×10^3, 3.2k, 5M after a plain Arabic number r at s:
 * updates r.  SI letters: k K (10^3), M (10^6); none is followed by a
 * letter or digit (3km, 5MW, 2kg are units). */
static void read_scaled(const char *s, size_t len, gf_numeral *r) {
  size_t i = r->len, j;
  long exp = 0;
  int ok = 0;
  if (r->mag_exp || (r->flags & GF_NUMF_CHINESE) || r->bound) return;
  j = i;
  if (j < len && (s[j] == 'e' || s[j] == 'E')) {
    j++;
  } else if ((j = i + gf_lit(s + i, len - i, "×")) > i ||
             (j = i + gf_lit(s + i, len - i, "x")) > i ||
             (j = i + gf_lit(s + i, len - i, "*")) > i) {
    if (!gf_lit(s + j, len - j, "10^")) j = 0;
    else j += 3;
  } else {
    j = 0;
  }
  if (j) {
    int neg = 0;
    if (j < len && (s[j] == '-' || s[j] == '+')) neg = s[j++] == '-';
    size_t d0 = j;
    while (j < len && is_digit(s[j]) && j - d0 < 3) exp = exp * 10 + (s[j++] - '0');
    ok = j > d0 && !(j < len && is_alnum(s[j]));
    if (neg) exp = -exp;
  } else if (i < len && (s[i] == 'k' || s[i] == 'K' || s[i] == 'M') &&
             !(i + 1 < len && is_alnum(s[i + 1]))) {
    for (size_t k = 0; GF_NUM_SI_NAMES[k]; k++)
      if (strlen(GF_NUM_SI_NAMES[k]) == i + 1 &&
          memcmp(s, GF_NUM_SI_NAMES[k], i + 1) == 0)
        return;
    exp = s[i] == 'M' ? 6 : 3;
    j = i + 1;
    ok = 1;
  }
  if (!ok) return;
  char v[GF_NUM_MAX];
  if (gf_decimal_scale(r->value, exp, v, sizeof v)) {
    r->bad_len = j;
    return;
  }
  memcpy(r->value, v, sizeof v);
  memcpy(r->core, v, sizeof v);
  r->len = r->mag_off = j;
  r->flags |= GF_NUMF_SCALED;
  r->bound_ok = 0;
}

/* The number at s without its sign. */
static int read_form(const char *s, size_t len, gf_numeral *out) {
  if (read_per(s, len, out)) return 1;
  if (out->bad_len) return 0;
  gf_numeral r, f;
  memset(&r, 0, sizeof r);
  memset(&f, 0, sizeof f);
  int plain = gf_numeral_read_plain(s, len, &r);
  /* 七五折 begins with two digits that alone read as 7 */
  if (read_zhe(s, len, &r, &f)) goto form;
  if (!plain) {
    out->bad_len = r.bad_len;
    return 0;
  }
  unsigned long long x = r.bound ? 0 : whole(r.value);
  /* 四分之一, 三分之二, 三万分之一 */
  if (x && read_ratio(s, len, r.len, x, &f)) goto form;
  /* 一又二分之一: a whole number and a fraction */
  size_t y = gf_lit(s + r.len, len - r.len, "又");
  if (x && !r.mag_exp && y && mixed_fraction(s, len, r.len + y, x, &f)) {
    f.flags |= r.flags & (GF_NUMF_CHINESE | GF_NUMF_DAXIE);
    goto form;
  }
  if (read_cheng(s, len, &r, &f)) goto form;
  read_scaled(s, len, &r);
  if (r.bad_len) {
    out->bad_len = r.bad_len;
    return 0;
  }
  *out = r;
  return 1;
form:
  *out = f;
  return 1;
}

int gf_numeral_read(const char *s, size_t len, gf_numeral *out) {
  if (!out) return 0;
  memset(out, 0, sizeof *out);
  if (!s || len == 0) return 0;
  /* Every number starts with a digit, a numeral character (百分之, 千分之
   * and 万分之 too) or a sign: callers often ask where there is none. */
  unsigned char c = (unsigned char)s[0];
  if (!is_digit((char)c) && c != '-' && c != '+' && c < 0xE2) return 0;
  int neg = 0;
  size_t sg = sign_at(s, len, &neg);
  if (!sg && !is_digit((char)c) && !gf_numeral_char(s, len)) return 0;
  if (!read_form(s + sg, len - sg, out)) {
    size_t bad = out->bad_len ? out->bad_len + sg : 0;
    memset(out, 0, sizeof *out);
    out->bad_len = bad;
    return 0;
  }
  if (!sg) return 1;
  out->len += sg;
  out->mag_off += sg;
  if (neg && (gf_decimal_negate(out->value, sizeof out->value) ||
              gf_decimal_negate(out->core, sizeof out->core))) {
    size_t bad = out->len;
    memset(out, 0, sizeof *out);
    out->bad_len = bad;
    return 0;
  }
  return 1;
}

/* ---------------------------------------------------------------- public */

const char *gf_numeral_per_unit(unsigned flags) {
  return flags & GF_NUMF_PERCENT     ? "%"
         : flags & GF_NUMF_PERMILLE  ? "‰"
         : flags & GF_NUMF_PERMYRIAD ? "‱"
                                     : "";
}

int gf_numeral_parse(const char *text, size_t len, size_t *consumed,
                     char **value, const char **unit) {
  if (consumed) *consumed = 0;
  if (value) *value = NULL;
  if (unit) *unit = "";
  if (!text || !consumed || !value) return GF_EINVAL;
  gf_numeral n;
  if (!gf_numeral_read(text, len, &n)) return GF_OK;
  const char *u = "";
  size_t used = n.len, k;
  static const char *const signs[] = {"%", "‰", "‱"};
  if (n.flags & GF_NUMF_PER) {
    u = gf_numeral_per_unit(n.flags);
  } else {
    for (size_t i = 0; i < N_OF(signs); i++)
      if ((k = gf_lit(text + used, len - used, signs[i])) != 0) {
        u = signs[i];
        used += k;
        break;
      }
  }
  char *v = gf_strdup(n.value);
  if (!v) return GF_ENOMEM;
  *value = v;
  *consumed = used;
  if (unit) *unit = u;
  return GF_OK;
}
