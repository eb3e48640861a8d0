/* numerals.c - one number at the start of normalized text, as an exact
 * decimal string: Arabic (1327.8, 1,100.9, 3.7万, 1.2万亿), Chinese
 * (一千三百二十七点八, 两千零五, 二〇二三, 大写 壹贰叁), percent forms
 * (百分之六, 千分之五, 九成).  This is the value/base_value arithmetic of the
 * figure record contract: never through binary floating point, so 16.4亿
 * is 1640000000 exactly. */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "normalize/normalize.h"

/* ---------------------------------------------------------------- decimals */

/* Splits a decimal string into sign, integer digits [*a,*b) and fraction
 * digits [*c,*d); 0 when v is not -?D*(.D*)? with at least one digit. */
static int split(const char *v, int *neg, size_t *a, size_t *b, size_t *c,
                 size_t *d) {
  size_t i = 0;
  *neg = 0;
  if (v[i] == '-') {
    *neg = 1;
    i++;
  }
  *a = i;
  while (v[i] >= '0' && v[i] <= '9') i++;
  *b = i;
  *c = *d = i;
  if (v[i] == '.') {
    *c = ++i;
    while (v[i] >= '0' && v[i] <= '9') i++;
    *d = i;
  }
  if (v[i] != '\0') return 0;
  return *b > *a || *d > *c;
}

/* Shift by any exponent, negative included (core = value / 10^mag). */
static int shift(const char *v, long exp, char *out, size_t cap) {
  int neg;
  size_t a, b, c, d;
  if (!v || !out || cap == 0 || !split(v, &neg, &a, &b, &c, &d)) return -1;
  if (exp > (long)cap || exp < -(long)cap) return -1;
  while (a < b && v[a] == '0') a++;
  while (d > c && v[d - 1] == '0') d--;
  size_t n_int = b - a, nd = n_int + (d - c), k0 = 0;
  /* digit k of the run made of the integer digits then the fraction ones */
#define DIG(k) ((k) < n_int ? v[a + (k)] : v[c + (k) - n_int])
  long p = (long)n_int + exp;
  while (k0 < nd && DIG(k0) == '0') {
    k0++;
    p--;
  }
  while (nd > k0 && (long)(nd - k0) > p && DIG(nd - 1) == '0') nd--;
  size_t o = 0;
  if (k0 == nd) {
    if (cap < 2) return -1;
    memcpy(out, "0", 2);
    return 0;
  }
  long n = (long)(nd - k0);
  long need = (neg ? 1 : 0) +
              (p >= n ? p : p <= 0 ? 2 - p + n : n + 1);
  if (need + 1 > (long)cap) return -1;
  if (neg) out[o++] = '-';
  if (p <= 0) {
    out[o++] = '0';
    out[o++] = '.';
    for (long z = 0; z < -p; z++) out[o++] = '0';
    for (size_t k = k0; k < nd; k++) out[o++] = DIG(k);
  } else {
    for (size_t k = k0; k < nd; k++) {
      if ((long)(k - k0) == p) out[o++] = '.';
      out[o++] = DIG(k);
    }
    for (long z = n; z < p; z++) out[o++] = '0';
  }
#undef DIG
  out[o] = '\0';
  return 0;
}

int gf_decimal_shift(const char *v, int exp, char *out, size_t cap) {
  if (exp < 0) return -1;
  return shift(v, exp, out, cap);
}

void gf_decimal_canon(char *v) {
  int neg;
  size_t a, b, c, d;
  if (!v || !split(v, &neg, &a, &b, &c, &d)) return;
  /* Never grows: a missing integer digit (".5") stays missing. */
  size_t z = a;
  while (z + 1 < b && v[z] == '0') z++;
  while (d > c && v[d - 1] == '0') d--;
  size_t o = 0;
  if (neg) v[o++] = '-';
  memmove(v + o, v + z, b - z);
  o += b - z;
  if (d > c) {
    v[o++] = '.';
    memmove(v + o, v + c, d - c);
    o += d - c;
  }
  v[o] = '\0';
  if (o == 0 || (neg && o == 1) || strcmp(v, "-0") == 0) strcpy(v, "0");
}

/* ---------------------------------------------------------------- tokens */

/* T_ZERO is only a state: a 零 between units (两千零五).  T_TENS is a
 * digit and 十 in one character: 廿 (20), 卅 (30). */
enum { T_NONE, T_DIGIT, T_UNIT, T_BIG, T_POINT, T_ZERO, T_TENS };

typedef struct tok {
  int kind;
  int val;       /* digit value, or exponent of a unit */
  int daxie;
  size_t len;
} tok;

/* The Chinese numeral characters: character, kind, value (the digit, or
 * the exponent of a unit) and 大写.  兩 and the traditional 貳 陸 read as
 * 大写 because they only turn up in formal (cheque-style) amounts.
 * next_tok's switch is generated from this list, so a character listed
 * twice does not compile. */
/* clang-format off */
#define NUMERAL_CHARS(X)                                                  \
  X(U'零', T_DIGIT, 0, 0) X(U'〇', T_DIGIT, 0, 0) X(U'○', T_DIGIT, 0, 0)  \
  X(U'一', T_DIGIT, 1, 0) X(U'二', T_DIGIT, 2, 0) X(U'两', T_DIGIT, 2, 0)  \
  X(U'三', T_DIGIT, 3, 0) X(U'四', T_DIGIT, 4, 0) X(U'五', T_DIGIT, 5, 0)  \
  X(U'六', T_DIGIT, 6, 0) X(U'七', T_DIGIT, 7, 0) X(U'八', T_DIGIT, 8, 0)  \
  X(U'九', T_DIGIT, 9, 0) X(U'壹', T_DIGIT, 1, 1) X(U'贰', T_DIGIT, 2, 1)  \
  X(U'貳', T_DIGIT, 2, 1) X(U'兩', T_DIGIT, 2, 1) X(U'叁', T_DIGIT, 3, 1)  \
  X(U'肆', T_DIGIT, 4, 1) X(U'伍', T_DIGIT, 5, 1) X(U'陆', T_DIGIT, 6, 1)  \
  X(U'陸', T_DIGIT, 6, 1) X(U'柒', T_DIGIT, 7, 1) X(U'捌', T_DIGIT, 8, 1)  \
  X(U'玖', T_DIGIT, 9, 1) X(U'十', T_UNIT, 1, 0)  X(U'拾', T_UNIT, 1, 1)   \
  X(U'百', T_UNIT, 2, 0)  X(U'佰', T_UNIT, 2, 1)  X(U'千', T_UNIT, 3, 0)   \
  X(U'仟', T_UNIT, 3, 1)  X(U'万', T_BIG, 4, 0)   X(U'萬', T_BIG, 4, 1)    \
  X(U'亿', T_BIG, 8, 0)   X(U'億', T_BIG, 8, 1)   X(U'点', T_POINT, 0, 0)  \
  X(U'點', T_POINT, 0, 0) X(U'廿', T_TENS, 2, 0)  X(U'卅', T_TENS, 3, 0)
/* clang-format on */

/* next_tok reads three bytes of UTF-8: U+0800 to U+FFFF. */
#define IS_3BYTE(c, kind, val, daxie) && (c) >= 0x800 && (c) <= 0xFFFF
_Static_assert(1 NUMERAL_CHARS(IS_3BYTE), "a numeral character is 3 bytes");
#undef IS_3BYTE

/* Length of t when s starts with it, else 0; two cheap byte checks first,
 * as most Han characters share their lead byte. */
static size_t lit(const char *s, size_t len, const char *t) {
  if (len == 0 || s[0] != t[0]) return 0;
  if (t[1] != '\0' && (len < 2 || s[1] != t[1])) return 0;
  size_t n = strlen(t);
  return n <= len && memcmp(s, t, n) == 0 ? n : 0;
}

/* The numeral character at s: decoded once, then one switch. */
static tok next_tok(const char *s, size_t len) {
  tok t = {T_NONE, 0, 0, 0};
  /* every numeral character is three bytes of UTF-8: ASCII never is one */
  if (len < 3) return t;
  unsigned b0 = (unsigned char)s[0], b1 = (unsigned char)s[1],
           b2 = (unsigned char)s[2];
  if ((b0 & 0xF0) != 0xE0 || (b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80)
    return t;
  switch ((b0 & 0x0F) << 12 | (b1 & 0x3F) << 6 | (b2 & 0x3F)) {
#define CASE(c, k, v, d) \
  case c:                \
    t.kind = k;          \
    t.val = v;           \
    t.daxie = d;         \
    t.len = 3;           \
    break;
    NUMERAL_CHARS(CASE)
#undef CASE
  }
  return t;
}

static int is_digit(char c) { return c >= '0' && c <= '9'; }

/* Trailing 万 / 亿 / 万亿 after a number; exponent or 0. */
static int trailing_mag(const char *s, size_t len, size_t *n) {
  if ((*n = lit(s, len, "万亿")) != 0) return 12;
  if ((*n = lit(s, len, "萬億")) != 0) return 12;
  if ((*n = lit(s, len, "万")) != 0 || (*n = lit(s, len, "萬")) != 0)
    return 4;
  if ((*n = lit(s, len, "亿")) != 0 || (*n = lit(s, len, "億")) != 0)
    return 8;
  return 0;
}

/* Fills value from core and mag_exp; 0 when it does not fit. */
static int finish(gf_numeral *out) {
  gf_decimal_canon(out->core);
  if (shift(out->core, out->mag_exp, out->value, sizeof out->value)) return 0;
  return 1;
}

/* ---------------------------------------------------------------- Arabic */

static int read_arabic(const char *s, size_t len, gf_numeral *out) {
  size_t i = 0, o = 0;
  char *core = out->core;
  while (i < len && is_digit(s[i])) i++;
  if (i == 0) return 0;
  size_t lead = i;
  /* Thousands groups: 1-3 leading digits, then ",ddd" not followed by a
   * digit; "3,15" and "1234,567" are a number and something else. */
  size_t end_int = i;
  if (lead <= 3) {
    while (end_int + 4 <= len && s[end_int] == ',' &&
           is_digit(s[end_int + 1]) && is_digit(s[end_int + 2]) &&
           is_digit(s[end_int + 3]) &&
           !(end_int + 4 < len && is_digit(s[end_int + 4])))
      end_int += 4;
  }
  if (end_int != lead) out->flags |= GF_NUMF_GROUPED;
  i = end_int;
  size_t end = i;
  if (i + 1 < len && s[i] == '.' && is_digit(s[i + 1])) {
    i++;
    while (i < len && is_digit(s[i])) i++;
    end = i;
  }
  for (size_t k = 0; k < end; k++) {
    if (s[k] == ',') continue;
    if (o + 1 >= sizeof out->core) return 0; /* too long: not a figure */
    core[o++] = s[k];
  }
  core[o] = '\0';
  size_t n = 0;
  out->mag_exp = trailing_mag(s + end, len - end, &n);
  out->mag_off = end;
  out->len = end + n;
  return finish(out);
}

/* ---------------------------------------------------------------- Chinese */

static int mul_ok(unsigned long long *v, unsigned long long m) {
  if (m && *v > ULLONG_MAX / m) return 0;
  *v *= m;
  return 1;
}

static int add_ok(unsigned long long *v, unsigned long long x) {
  if (*v > ULLONG_MAX - x) return 0;
  *v += x;
  return 1;
}

static unsigned long long pow10u(int e) {
  unsigned long long p = 1;
  while (e-- > 0) p *= 10;
  return p;
}

/* Digits after 点, one by one; appends to core at *o.  Returns bytes read,
 * 0 when no digit follows, or (size_t)-1 when too long. */
static size_t read_fraction(const char *s, size_t len, char *core, size_t *o,
                            unsigned *flags) {
  size_t i = 0;
  if (len && is_digit(s[0])) {
    /* 二十点75: Arabic digits after a Chinese 点; 三点30分 is a time */
    while (i < len && is_digit(s[i])) i++;
    if (lit(s + i, len - i, "分") || next_tok(s + i, len - i).kind != T_NONE ||
        (i < len && (s[i] == '.' || s[i] == ',')))
      return 0;
    if (*o + i + 2 >= GF_NUM_MAX) return (size_t)-1;
    core[(*o)++] = '.';
    memcpy(core + *o, s, i);
    *o += i;
    return i;
  }
  for (;;) {
    tok t = next_tok(s + i, len - i);
    if (t.kind != T_DIGIT) break;
    if (*o + 2 >= GF_NUM_MAX) return (size_t)-1;
    if (i == 0) core[(*o)++] = '.';
    core[(*o)++] = (char)('0' + t.val);
    if (t.daxie) *flags |= GF_NUMF_DAXIE;
    i += t.len;
  }
  return i;
}

/* 二〇二三: a run of digit characters with no unit, read digit by digit.
 * n is the byte length of the run. */
static int read_digitwise(const char *s, size_t len, size_t n,
                          gf_numeral *out) {
  size_t i = 0, o = 0;
  while (i < n) {
    tok t = next_tok(s + i, n - i);
    if (o + 1 >= sizeof out->core) return 0;
    out->core[o++] = (char)('0' + t.val);
    if (t.daxie) out->flags |= GF_NUMF_DAXIE;
    i += t.len;
  }
  out->core[o] = '\0';
  out->flags |= GF_NUMF_CHINESE;
  tok t = next_tok(s + i, len - i);
  if (t.kind == T_POINT) {
    size_t f = read_fraction(s + i + t.len, len - i - t.len, out->core, &o,
                             &out->flags);
    if (f == (size_t)-1) return 0;
    if (f) {
      i += t.len + f;
      out->core[o] = '\0';
    }
  }
  size_t m = 0;
  out->mag_exp = trailing_mag(s + i, len - i, &m);
  out->mag_off = i;
  out->len = i + m;
  return finish(out);
}

/* 两千零25, 三千25, 八亿3000万: an Arabic integer closing a Chinese number
 * after 零 or a unit, below 10^lim (the last unit).  Stores its value and
 * its own trailing 万/亿 (exponent, offset); returns its length or 0.
 * 一万2千, 三千25.5 and 三万2023年 (a line break before a date) are not
 * one number. */
static size_t arabic_lower(const char *s, size_t len, int lim,
                           unsigned long long *v, int *mag, size_t *mag_off) {
  gf_numeral a;
  memset(&a, 0, sizeof a);
  if (!len || !is_digit(s[0]) || !read_arabic(s, len, &a)) return 0;
  size_t nv = strlen(a.value);
  if ((a.flags & GF_NUMF_GROUPED) || strchr(a.value, '.') ||
      strcmp(a.value, "0") == 0 || nv > (size_t)lim)
    return 0;
  if (a.len < len) {
    char c = s[a.len];
    if (next_tok(s + a.len, len - a.len).kind != T_NONE || c == '.' ||
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
      return 0;
    static const char *const dates[] = {"年", "月", "日", "号", "时"};
    for (size_t k = 0; k < sizeof dates / sizeof dates[0]; k++)
      if (lit(s + a.len, len - a.len, dates[k])) return 0;
  }
  *v = 0;
  for (size_t k = 0; k < nv; k++) *v = *v * 10 + (unsigned)(a.value[k] - '0');
  *mag = a.mag_exp;
  *mag_off = a.mag_off;
  return a.len;
}

/* Positional Chinese numerals: sections of 十百千 under 万 and 亿. */
static int read_chinese(const char *s, size_t len, gf_numeral *out) {
  /* A leading run of plain digits decides the reading: 二〇二三 digit by
   * digit; 七八个, 三五万, 一一 are approximations or words, of which only
   * the first digit is a number. */
  size_t run = 0, n_run = 0;
  int has_zero = 0;
  for (;;) {
    tok t = next_tok(s + run, len - run);
    if (t.kind != T_DIGIT) break;
    if (t.val == 0) has_zero = 1;
    run += t.len;
    n_run++;
  }
  if (n_run >= 2) {
    tok after = next_tok(s + run, len - run);
    if (after.kind != T_UNIT && after.kind != T_BIG &&
        (n_run >= 3 || has_zero))
      return read_digitwise(s, len, run, out);
    tok t = next_tok(s, len);
    if (t.val == 0) return 0;
    out->core[0] = (char)('0' + t.val);
    out->core[1] = '\0';
    out->flags |= GF_NUMF_CHINESE | (t.daxie ? GF_NUMF_DAXIE : 0u);
    out->len = out->mag_off = t.len;
    return finish(out);
  }

  unsigned long long yi = 0, wan = 0, sec = 0, tail = 0;
  int num = -1;            /* pending digit */
  int prev = T_NONE, prev_exp = 0, last_small = 4, wan_in_group = 0;
  int zero_gap = 0, tail_done = 0, big_pair = 0, last_big = 0;
  size_t i = 0, end = 0, big_off = 0, prev_big_off = 0, digit_at = 0;
  int big_before_digit = 0;
  unsigned daxie = 0;
  while (i < len && !tail_done) {
    tok t = next_tok(s + i, len - i);
    if (t.kind == T_NONE) break;
    if (t.kind == T_DIGIT && t.val == 0) {
      if (end == 0 && prev == T_NONE) {
        num = 0;          /* 零点五, or 零 alone */
        prev = T_DIGIT;
      } else if (prev == T_DIGIT) {
        break;
      } else {
        zero_gap = 1;
        prev = T_ZERO;
        i += t.len;
        continue;
      }
    } else if (t.kind == T_DIGIT) {
      if (prev == T_DIGIT) break;
      if (!zero_gap && prev_exp >= 2 && (prev == T_UNIT || prev == T_BIG)) {
        tok nx = next_tok(s + i + t.len, len - i - t.len);
        if (nx.kind != T_UNIT && nx.kind != T_BIG) {
          /* 三百五, 两万五: the tail is one step below the last unit */
          tail = (unsigned long long)t.val * pow10u(prev_exp - 1);
          tail_done = 1;
        }
      }
      if (!tail_done) num = t.val;
      prev = T_DIGIT;
      digit_at = i;
      big_before_digit = last_big;
    } else if (t.kind == T_UNIT) {
      if (t.val >= last_small) goto unread_digit;
      if (num >= 0 && prev == T_DIGIT) {
        if (!add_ok(&sec, (unsigned long long)num * pow10u(t.val))) return 0;
        num = -1;
      } else if (t.val == 1 && prev != T_UNIT) {
        if (!add_ok(&sec, 10)) return 0; /* 十五, 一百零十 */
      } else {
        break;
      }
      last_small = t.val;
      prev = T_UNIT;
      prev_exp = t.val;
    } else if (t.kind == T_TENS) {
      /* 廿三, 一百廿: 廿 stands where a digit and 十 would */
      if (last_small <= 1 || prev == T_DIGIT) break;
      if (!add_ok(&sec, (unsigned long long)t.val * 10)) return 0;
      last_small = 1;
      prev = T_UNIT;
      prev_exp = 1;
    } else if (t.kind == T_BIG) {
      unsigned long long g = sec;
      if (num > 0 && prev == T_DIGIT) g += (unsigned long long)num;
      if (t.val == 4) {
        if (wan_in_group || g == 0) goto unread_digit;
        wan = g;
        if (!mul_ok(&wan, 10000)) return 0;
        wan_in_group = 1;
        big_pair = 0;
      } else {
        /* 万亿 multiplies the 万 group; a second 亿 group is not used */
        if (yi != 0) goto unread_digit;
        unsigned long long v = wan;
        if (!add_ok(&v, g) || v == 0) break;
        if (!mul_ok(&v, 100000000ULL)) return 0;
        yi = v;
        big_pair = prev == T_BIG && prev_exp == 4;
        wan = 0;
        wan_in_group = 0;
      }
      sec = 0;
      num = -1;
      last_small = 4;
      prev = T_BIG;
      prev_exp = t.val;
      prev_big_off = big_off;
      big_off = i;
      last_big = 1;
    } else { /* T_POINT */
      if (end == 0 || yi || wan || prev == T_BIG) break;
      char *core = out->core;
      unsigned long long ip = sec + (num > 0 ? (unsigned long long)num : 0);
      int w = snprintf(core, GF_NUM_MAX, "%llu", ip);
      size_t o = (size_t)w;
      size_t f = read_fraction(s + i + t.len, len - i - t.len, core, &o,
                               &out->flags);
      if (f == (size_t)-1) return 0;
      if (f == 0) break;
      core[o] = '\0';
      i += t.len + f;
      size_t m = 0;
      out->mag_exp = trailing_mag(s + i, len - i, &m);
      out->mag_off = i;
      out->len = i + m;
      out->flags |= GF_NUMF_CHINESE;
      if (daxie) out->flags |= GF_NUMF_DAXIE;
      return finish(out);
    }
    if (t.daxie) daxie = 1;
    if (t.kind != T_BIG) last_big = 0;
    zero_gap = 0;
    i += t.len;
    end = i;
    continue;
  unread_digit:
    /* 一百二百, 一万一万: the digit belonged to the unit we refuse */
    if (prev == T_DIGIT && num > 0) {
      end = digit_at;
      num = -1;
      last_big = big_before_digit;
    }
    break;
  }
  if (end == 0) return 0;
  unsigned long long v = yi, low = 0;
  if (!add_ok(&v, wan) || !add_ok(&v, sec) || !add_ok(&v, tail)) return 0;
  if (num > 0 && !add_ok(&v, (unsigned long long)num)) return 0;
  int low_mag = 0;
  size_t n_low = 0, low_off = 0;
  if (!tail_done && num < 0 && prev_exp >= 2 && i < len && is_digit(s[i]) &&
      (zero_gap || prev == T_UNIT || prev == T_BIG))
    n_low = arabic_lower(s + i, len - i, prev_exp, &low, &low_mag, &low_off);
  if (n_low) {
    if (!add_ok(&v, low)) return 0;
    end = i + n_low;
    last_big = 0;
  }
  out->flags |= GF_NUMF_CHINESE;
  if (daxie) out->flags |= GF_NUMF_DAXIE;
  out->len = end;
  out->mag_off = end;
  out->mag_exp = 0;
  snprintf(out->core, sizeof out->core, "%llu", v);
  if (n_low && low_mag) {
    out->mag_exp = low_mag; /* 八亿3000万: the Arabic part's own 万 */
    out->mag_off = i + low_off;
  }
  if (last_big) {
    /* nothing lower follows the last 万/亿: a trailing magnitude */
    out->mag_exp = big_pair ? 12 : prev_exp;
    out->mag_off = big_pair ? prev_big_off : big_off;
  }
  if (out->mag_exp) {
    char tmp[GF_NUM_MAX];
    if (shift(out->core, -out->mag_exp, tmp, sizeof tmp)) return 0;
    memcpy(out->core, tmp, sizeof tmp);
  }
  return finish(out);
}

/* ---------------------------------------------------------------- reading */

/* 300万五千, 5亿零二千: a Chinese lower part after an Arabic integer and
 * its 万/亿, below that magnitude.  Only 零 or a digit with its unit starts
 * one, so 3万人, 3万五年 and 200万千瓦 read as before.  Updates out (read
 * by read_arabic) when one is found. */
static void chinese_lower(const char *s, size_t len, gf_numeral *out) {
  size_t at = out->len, z = 0;
  tok t = next_tok(s + at, len - at);
  if (t.kind == T_DIGIT && t.val == 0 && !t.daxie) {
    z = t.len;
    t = next_tok(s + at + z, len - at - z);
  }
  if (t.kind != T_DIGIT || t.val == 0) return;
  size_t b = at + z + t.len;
  tok t1 = next_tok(s + b, len - b);
  if (t1.kind != T_UNIT && !(z && t1.kind == T_NONE)) return;
  gf_numeral lo;
  memset(&lo, 0, sizeof lo);
  gf_decimal_canon(out->core);
  if (strchr(out->core, '.') || strcmp(out->core, "0") == 0 ||
      !read_chinese(s + at + z, len - at - z, &lo) || strchr(lo.value, '.'))
    return;
  size_t nv = strlen(lo.value), nc = strlen(out->core);
  char v[GF_NUM_MAX], core[GF_NUM_MAX];
  if (nv > (size_t)out->mag_exp || nc + (size_t)out->mag_exp + 1 > sizeof v)
    return;
  memcpy(v, out->core, nc);
  memset(v + nc, '0', (size_t)out->mag_exp - nv);
  memcpy(v + nc + out->mag_exp - nv, lo.value, nv + 1);
  if (shift(v, -lo.mag_exp, core, sizeof core)) return;
  memcpy(out->core, core, sizeof core);
  out->flags |= GF_NUMF_CHINESE | (lo.flags & GF_NUMF_DAXIE);
  out->len = at + z + lo.len;
  out->mag_exp = lo.mag_exp;
  out->mag_off = lo.mag_exp ? at + z + lo.mag_off : out->len;
}

static int read_plain(const char *s, size_t len, gf_numeral *out) {
  if (len && is_digit(s[0])) {
    if (!read_arabic(s, len, out)) return 0;
    if (out->mag_exp == 0) return 1;
    size_t n = out->len;
    chinese_lower(s, len, out);
    return out->len == n || finish(out);
  }
  return read_chinese(s, len, out);
}

/* Words where 成 after a digit is not a tenth: 一成不变, 三成本 ... */
static const char *const cheng_words[] = {
    "不", "本", "员", "果", "效", "为", "立", "交", "都", "熟", "绩",
    "就", "功", "型", "品", "长", "套", "片", "材", "败", "像", "活",
};

/* 九成, 七成五: tenths, read as percent.  s points after the digit. */
static int read_cheng(const char *s, size_t len, int d, gf_numeral *out) {
  size_t n = lit(s, len, "成");
  if (!n) return 0;
  for (size_t k = 0; k < sizeof cheng_words / sizeof cheng_words[0]; k++)
    if (lit(s + n, len - n, cheng_words[k])) return 0;
  int v = d * 10;
  tok t = next_tok(s + n, len - n);
  if (t.kind == T_DIGIT && t.val > 0) {
    tok nx = next_tok(s + n + t.len, len - n - t.len);
    if (nx.kind == T_NONE) {
      v += t.val;
      n += t.len;
    }
  }
  snprintf(out->core, sizeof out->core, "%d", v);
  out->len = n;
  return 1;
}

/* y / x as a decimal string (y a canonical non-negative decimal, x > 0):
 * exact when the quotient terminates within the buffer, else rounded half
 * up to 10 significant digits (三分之一 is 0.3333333333, 三分之二
 * 0.6666666667), or to a whole number when the integer part already has
 * 10 digits or more.  0 when it does not fit. */
#define RATIO_SIG 10
static int divide(const char *y, unsigned long long x, char *out,
                  size_t cap) {
  int neg;
  size_t a, b, c, d;
  if (x == 0 || x > ULLONG_MAX / 10 || !split(y, &neg, &a, &b, &c, &d) ||
      neg)
    return 0;
  /* y = N / 10^k with N the digits of y; quotient digits of N / x */
  char dig[3 * GF_NUM_MAX];
  size_t n = 0, k = d - c;
  unsigned long long r = 0;
  for (size_t j = a; j < d; j++) {
    if (j == b) j = c;
    if (j >= d) break;
    r = r * 10 + (unsigned)(y[j] - '0');
    dig[n++] = (char)('0' + r / x);
    r %= x;
  }
  size_t n_int = n; /* digits before the point of N / x */
  /* Terminating: x / gcd(N, x) has no prime factor but 2 and 5. */
  unsigned long long g = x, h = r, q;
  while (h) {
    unsigned long long m = g % h;
    g = h;
    h = m;
  }
  q = x / g;
  while (q % 2 == 0) q /= 2;
  while (q % 5 == 0) q /= 5;
  int up = 0;
  if (q == 1) {
    while (r != 0) {
      if (n + 1 >= sizeof dig) return 0;
      r *= 10;
      dig[n++] = (char)('0' + r / x);
      r %= x;
    }
  } else {
    /* keep RATIO_SIG digits from the first non-zero one, and at least the
     * whole part of y / x (its first n_int - k digits); dig[keep] rounds */
    size_t fz = 0, keep;
    for (;;) {
      while (fz < n && dig[fz] == '0') fz++;
      keep = fz + RATIO_SIG;
      if (keep < n_int - k) keep = n_int - k;
      if (fz < n && n > keep) break;
      if (n + 1 >= sizeof dig) return 0;
      r *= 10;
      dig[n++] = (char)('0' + r / x);
      r %= x;
    }
    up = dig[keep] >= '5';
    n = keep;
    for (size_t j = n; up && j-- > 0;) {
      if (dig[j] < '9') {
        dig[j]++;
        up = 0;
      } else {
        dig[j] = '0';
      }
    }
    /* digits dropped inside N / x's whole part are fractions of y / x */
    for (; n < n_int; n++) dig[n] = '0';
  }
  char v[3 * GF_NUM_MAX + 4];
  size_t o = 0;
  if (up) v[o++] = '1'; /* 9.99999999995 -> 10 */
  memcpy(v + o, dig, n_int);
  o += n_int;
  if (o == 0) v[o++] = '0';
  if (n > n_int) {
    v[o++] = '.';
    memcpy(v + o, dig + n_int, n - n_int);
    o += n - n_int;
  }
  v[o] = '\0';
  return shift(v, -(long)k, out, cap) == 0;
}

/* X分之Y at s + at (after X, whose value is x): Y / X in out.  Returns 1
 * when read. */
static int read_ratio(const char *s, size_t len, size_t at,
                      unsigned long long x, gf_numeral *out) {
  size_t p = lit(s + at, len - at, "分之");
  if (!p) return 0;
  gf_numeral y;
  memset(&y, 0, sizeof y);
  p += at;
  if (!read_plain(s + p, len - p, &y)) return 0;
  gf_numeral r;
  memset(&r, 0, sizeof r);
  if (!divide(y.value, x, r.core, sizeof r.core)) return 0;
  r.len = r.mag_off = p + y.len;
  r.flags = GF_NUMF_CHINESE | (y.flags & GF_NUMF_DAXIE);
  if (!finish(&r)) return 0;
  *out = r;
  return 1;
}

/* The X of X分之Y: a whole number without magnitude, else 0. */
static unsigned long long ratio_base(const gf_numeral *r) {
  unsigned long long x = 0;
  if (r->mag_exp || strlen(r->value) > 18) return 0;
  for (const char *p = r->value; *p; p++) {
    if (!is_digit(*p)) return 0;
    x = x * 10 + (unsigned)(*p - '0');
  }
  return x;
}

/* A minus sign: 负 - −. */
static size_t minus_len(const char *s, size_t len) {
  size_t n;
  if ((n = lit(s, len, "负")) || (n = lit(s, len, "-")) ||
      (n = lit(s, len, "\xE2\x88\x92")))
    return n;
  return 0;
}

int gf_numeral_read(const char *s, size_t len, gf_numeral *out) {
  if (!out) return 0;
  memset(out, 0, sizeof *out);
  if (!s || len == 0) return 0;
  /* Every number starts with a digit or a numeral character (百分之,
   * 千分之 and 万分之 too): callers often ask where there is none. */
  if (!is_digit(s[0]) && next_tok(s, len).kind == T_NONE) return 0;
  gf_numeral r;
  memset(&r, 0, sizeof r);
  size_t p;
  if ((p = lit(s, len, "百分之")) || (p = lit(s, len, "千分之"))) {
    unsigned pf = lit(s, len, "百") ? GF_NUMF_PERCENT : GF_NUMF_PERMILLE;
    /* 百分之负二点五: the sign sits inside the percent form */
    size_t sg = minus_len(s + p, len - p);
    p += sg;
    size_t b = lit(s + p, len - p, "百");
    tok nx = next_tok(s + p + b, len - p - b);
    if (b && pf == GF_NUMF_PERCENT && nx.kind != T_DIGIT &&
        nx.kind != T_UNIT && nx.kind != T_POINT) {
      strcpy(r.value, "100"); /* 百分之百 */
      r.len = b;
    } else if (!read_plain(s + p, len - p, &r)) {
      return 0;
    }
    if (sg && strlen(r.value) + 2 > sizeof out->core) return 0;
    out->len = p + r.len;
    out->flags = r.flags | pf | GF_NUMF_CHINESE;
    if (sg) out->core[0] = '-';
    memcpy(out->core + (sg ? 1 : 0), r.value, strlen(r.value) + 1);
    out->mag_off = out->len;
    return finish(out);
  }
  /* 万分之五: parts per ten thousand, a plain fraction */
  if ((p = lit(s, len, "万分之")) != 0)
    return read_ratio(s, len, p - strlen("分之"), 10000, out);
  if (!read_plain(s, len, &r)) return 0;
  /* 四分之一, 三分之二: X分之Y */
  unsigned long long x = ratio_base(&r);
  if (x && read_ratio(s, len, r.len, x, out)) return 1;
  /* 九成 / 七成五: one plain Chinese digit before 成 */
  tok t = next_tok(s, len);
  if (t.kind == T_DIGIT && t.val > 0 && r.len == t.len && r.mag_exp == 0) {
    gf_numeral c;
    memset(&c, 0, sizeof c);
    if (read_cheng(s + t.len, len - t.len, t.val, &c)) {
      *out = c;
      out->len += t.len;
      out->mag_off = out->len;
      out->flags = r.flags | GF_NUMF_PERCENT;
      return finish(out);
    }
  }
  *out = r;
  return 1;
}

/* ---------------------------------------------------------------- public */

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
  if (n.flags & GF_NUMF_PERCENT) {
    u = "%";
  } else if (n.flags & GF_NUMF_PERMILLE) {
    u = "‰";
  } else if ((k = lit(text + used, len - used, "%")) != 0) {
    u = "%";
    used += k;
  } else if ((k = lit(text + used, len - used, "‰")) != 0) {
    u = "‰";
    used += k;
  }
  char *v = gf_strdup(n.value);
  if (!v) return GF_ENOMEM;
  *value = v;
  *consumed = used;
  if (unit) *unit = u;
  return GF_OK;
}

size_t gf_numeral_char(const char *s, size_t len) {
  if (!s) return 0;
  tok t = next_tok(s, len);
  return t.kind == T_POINT ? 0 : t.len;
}
