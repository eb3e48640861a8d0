/* numerals.c - the plain number at the start of normalized text, as an
 * exact decimal string: Arabic (1327.8, 1,100.9, ４，５６５, 3.7万,
 * 1.2万亿), Chinese positional numerals with 十 百 千 under 万 亿 兆 in any
 * mix with Arabic digits (一千三百二十七点八, 5万4千6百, 两千三点一,
 * 八亿3000万, 四万万), Chinese digits read one by one (二〇二三), 大写
 * simple and traditional (壹贰叁, 貳參陸), and 余 多 几 来 between a
 * number and its magnitude (500余万, 一千多万, 十几万).  The forms around a
 * plain number (signs, percent, 成, 折, fractions, 1.5e6, 3.2k) are in
 * numforms.c.  This is the value/base_value arithmetic of the figure record
 * contract: integers in 128 bits, fractions as digits, never binary
 * floating point; what does not fit is reported, never rounded. */
#include <stdint.h>
#include <string.h>

#include "common/scan.h"
#include "normalize/normalize.h"

__extension__ typedef unsigned __int128 u128;

/* ---------------------------------------------------------------- tokens */

/* T_TENS is a digit and 十 in one character: 廿 (20), 卅 (30).  T_AINT is
 * a run of Arabic digits; T_BOUND is 余 多 几 来. */
enum { T_NONE, T_DIGIT, T_UNIT, T_BIG, T_POINT, T_TENS, T_AINT, T_BOUND };

typedef struct tok {
  int kind;
  int val;   /* digit value, exponent of a unit, or GF_NUMB_* of a bound */
  int daxie;
  size_t len;
  u128 big;  /* T_AINT: its value */
  int ndig;  /* T_AINT: its digit count (0 when too long) */
} tok;

/* The numeral characters: character, kind, value (the digit, or the
 * exponent of a unit) and 大写.  貳 參 陸 are the traditional 大写; 兩 is
 * the traditional 两, 萬 億 the traditional 万 亿.  next_tok's switch is
 * generated from this list, so a character listed twice does not compile.
 * 几 reads as "over" (十几, 二十几: ten and some). */
/* clang-format off */
#define NUMERAL_CHARS(X, a)                                                  \
  X(a, U'零', T_DIGIT, 0, 0) X(a, U'〇', T_DIGIT, 0, 0) X(a, U'○', T_DIGIT, 0, 0)  \
  X(a, U'一', T_DIGIT, 1, 0) X(a, U'二', T_DIGIT, 2, 0) X(a, U'两', T_DIGIT, 2, 0)  \
  X(a, U'兩', T_DIGIT, 2, 0) X(a, U'三', T_DIGIT, 3, 0) X(a, U'四', T_DIGIT, 4, 0)  \
  X(a, U'五', T_DIGIT, 5, 0) X(a, U'六', T_DIGIT, 6, 0) X(a, U'七', T_DIGIT, 7, 0)  \
  X(a, U'八', T_DIGIT, 8, 0) X(a, U'九', T_DIGIT, 9, 0) X(a, U'壹', T_DIGIT, 1, 1)  \
  X(a, U'贰', T_DIGIT, 2, 1) X(a, U'貳', T_DIGIT, 2, 1) X(a, U'貮', T_DIGIT, 2, 1)  \
  X(a, U'叁', T_DIGIT, 3, 1) X(a, U'參', T_DIGIT, 3, 1) X(a, U'叄', T_DIGIT, 3, 1)  \
  X(a, U'肆', T_DIGIT, 4, 1) X(a, U'伍', T_DIGIT, 5, 1) X(a, U'陆', T_DIGIT, 6, 1)  \
  X(a, U'陸', T_DIGIT, 6, 1) X(a, U'柒', T_DIGIT, 7, 1) X(a, U'捌', T_DIGIT, 8, 1)  \
  X(a, U'玖', T_DIGIT, 9, 1) X(a, U'十', T_UNIT, 1, 0)  X(a, U'拾', T_UNIT, 1, 1)   \
  X(a, U'百', T_UNIT, 2, 0)  X(a, U'佰', T_UNIT, 2, 1)  X(a, U'千', T_UNIT, 3, 0)   \
  X(a, U'仟', T_UNIT, 3, 1)  X(a, U'万', T_BIG, 4, 0)   X(a, U'萬', T_BIG, 4, 0)    \
  X(a, U'亿', T_BIG, 8, 0)   X(a, U'億', T_BIG, 8, 0)   X(a, U'兆', T_BIG, 12, 0)   \
  X(a, U'点', T_POINT, 0, 0) X(a, U'點', T_POINT, 0, 0) X(a, U'廿', T_TENS, 2, 0)   \
  X(a, U'卅', T_TENS, 3, 0)  X(a, U'余', T_BOUND, GF_NUMB_OVER, 0)               \
  X(a, U'多', T_BOUND, GF_NUMB_OVER, 0) X(a, U'几', T_BOUND, GF_NUMB_OVER, 0)   \
  X(a, U'来', T_BOUND, GF_NUMB_ABOUT, 0)
/* clang-format on */

/* next_tok reads three bytes of UTF-8: U+0800 to U+FFFF. */
#define IS_3BYTE(a, c, kind, val, daxie) && (c) >= 0x800 && (c) <= 0xFFFF
_Static_assert(1 NUMERAL_CHARS(IS_3BYTE, 0), "a numeral character is 3 bytes");
#undef IS_3BYTE

/* A 1024-bit filter of the numeral characters (bit cp % 1024), built from
 * the same list: most characters of a text fail it and skip the switch.
 * Word k holds the bits 64k..64k+63. */
#define BIT(k, c, kind, val, daxie) \
  | ((c) % 1024u / 64u == (k) ? 1ull << ((c) % 64u) : 0)
static const uint64_t numeral_filter[16] = {
    0 NUMERAL_CHARS(BIT, 0),  0 NUMERAL_CHARS(BIT, 1),
    0 NUMERAL_CHARS(BIT, 2),  0 NUMERAL_CHARS(BIT, 3),
    0 NUMERAL_CHARS(BIT, 4),  0 NUMERAL_CHARS(BIT, 5),
    0 NUMERAL_CHARS(BIT, 6),  0 NUMERAL_CHARS(BIT, 7),
    0 NUMERAL_CHARS(BIT, 8),  0 NUMERAL_CHARS(BIT, 9),
    0 NUMERAL_CHARS(BIT, 10), 0 NUMERAL_CHARS(BIT, 11),
    0 NUMERAL_CHARS(BIT, 12), 0 NUMERAL_CHARS(BIT, 13),
    0 NUMERAL_CHARS(BIT, 14), 0 NUMERAL_CHARS(BIT, 15)};
#undef BIT

static int is_digit(char c) { return c >= '0' && c <= '9'; }

static int is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* The numeral character at s: decoded once, then one switch.  A 兆 of a
 * unit (兆瓦) is none; 余 多 几 来 are bound tokens even in 余额 (see
 * chinese_tok). */
static tok char_tok(const char *s, size_t len) {
  tok t = {T_NONE, 0, 0, 0, 0, 0};
  /* every numeral character is three bytes of UTF-8: ASCII never is one */
  if (len < 3) return t;
  unsigned b0 = (unsigned char)s[0], b1 = (unsigned char)s[1],
           b2 = (unsigned char)s[2];
  if ((b0 & 0xF0) != 0xE0 || (b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80)
    return t;
  unsigned cp = (b0 & 0x0F) << 12 | (b1 & 0x3F) << 6 | (b2 & 0x3F);
  if (!(numeral_filter[cp % 1024u / 64u] >> (cp % 64u) & 1u)) return t;
  switch (cp) {
#define CASE(a, c, k, v, d) \
  case c:                \
    t.kind = k;          \
    t.val = v;           \
    t.daxie = d;         \
    t.len = 3;           \
    break;
    NUMERAL_CHARS(CASE, 0)
#undef CASE
  }
  tok none = {T_NONE, 0, 0, 0, 0, 0};
  if (t.kind == T_BIG && t.val == 12 &&
      gf_word_at(s, len, 3, GF_NUM_MEGA_WORDS))
    return none;
  return t;
}

/* char_tok, and 余额 几乎 来自 … are no bound tokens.  Scanners stepping
 * over numeral characters (gf_numeral_char, on every character of a text)
 * need not ask: a bound token is never one. */
static tok chinese_tok(const char *s, size_t len) {
  tok t = char_tok(s, len);
  if (t.kind == T_BOUND && gf_word_at(s, len, 0, GF_NUM_NOT_BOUND)) {
    tok none = {T_NONE, 0, 0, 0, 0, 0};
    return none;
  }
  return t;
}

/* Numeral character or Arabic digit run at s. */
static tok next_tok(const char *s, size_t len) {
  if (len && is_digit(s[0])) {
    tok t = {T_AINT, 0, 0, 0, 0, 0};
    size_t i = 0;
    while (i < len && is_digit(s[i])) {
      if (i < 38) t.big = t.big * 10 + (unsigned)(s[i] - '0');
      i++;
    }
    t.len = i;
    t.ndig = i <= 38 ? (int)i : 0;
    return t;
  }
  return chinese_tok(s, len);
}

size_t gf_numeral_char(const char *s, size_t len) {
  if (!s || len < 3 || ((unsigned char)s[0] & 0xF0) != 0xE0) return 0;
  /* called on every character of a text: most fail the filter here,
   * before a token is built */
  unsigned cp = ((unsigned char)s[0] & 0x0Fu) << 12 |
                ((unsigned char)s[1] & 0x3Fu) << 6 |
                ((unsigned char)s[2] & 0x3Fu);
  if (!(numeral_filter[cp % 1024u / 64u] >> (cp % 64u) & 1u)) return 0;
  tok t = char_tok(s, len);
  return t.kind == T_POINT || t.kind == T_BOUND ? 0 : t.len;
}

/* ---------------------------------------------------------------- output */

static u128 pow10x(int e) {
  u128 p = 1;
  while (e-- > 0) p *= 10;
  return p;
}

/* v as decimal digits into out (at least 40 bytes). */
static void u128_str(u128 v, char *out) {
  char tmp[48];
  size_t n = 0;
  do {
    tmp[n++] = (char)('0' + (int)(v % 10));
    v /= 10;
  } while (v);
  for (size_t k = 0; k < n; k++) out[k] = tmp[n - 1 - k];
  out[n] = '\0';
}

/* Fills value from core and mag_exp, core from value when the magnitude
 * is split off; 0 when it does not fit. */
static int finish(gf_numeral *out) {
  gf_decimal_canon(out->core);
  return gf_decimal_shift(out->core, out->mag_exp, out->value,
                          sizeof out->value) == 0;
}

/* A trailing magnitude at s: 万 亿 兆 and the pairs 万亿 亿亿 (traditional
 * too); its exponent, 0 when none. */
static int trailing_mag(const char *s, size_t len, size_t *n) {
  *n = 0;
  tok t = chinese_tok(s, len);
  if (t.kind != T_BIG) return 0;
  tok u = chinese_tok(s + 3, len - 3);
  if (u.kind == T_BIG && u.val >= t.val) {
    *n = 6;
    return t.val + u.val;
  }
  *n = 3;
  return t.val;
}

/* ---------------------------------------------------------------- Arabic */

/* Digits with thousands groups (, or ，: 1,100.9, ４，５６５ as NFKC
 * leaves it) and a fraction.  Writes the digits to core; returns bytes
 * read, 0 when none or too long (*too_long set). */
static size_t arabic_run(const char *s, size_t len, gf_numeral *out,
                         int *has_frac, int *too_long) {
  size_t i = 0, o = 0;
  while (i < len && is_digit(s[i])) i++;
  if (i == 0) return 0;
  size_t lead = i, end_int = i;
  /* Thousands groups: 1-3 leading digits, then ",ddd" not followed by a
   * digit, the same separator throughout; "3,15" and "1234,567" are a
   * number and something else. */
  const char *sep = len > i && s[i] == ',' ? "," : "，";
  size_t sl = strlen(sep);
  if (lead <= 3) {
    while (end_int + sl + 3 <= len && memcmp(s + end_int, sep, sl) == 0 &&
           is_digit(s[end_int + sl]) && is_digit(s[end_int + sl + 1]) &&
           is_digit(s[end_int + sl + 2]) &&
           !(end_int + sl + 3 < len && is_digit(s[end_int + sl + 3])))
      end_int += sl + 3;
  }
  if (end_int != lead) out->flags |= GF_NUMF_GROUPED;
  i = end_int;
  *has_frac = 0;
  if (i + 1 < len && s[i] == '.' && is_digit(s[i + 1])) {
    i++;
    while (i < len && is_digit(s[i])) i++;
    *has_frac = 1;
  }
  for (size_t k = 0; k < i; k++) {
    if (!is_digit(s[k]) && s[k] != '.') continue;
    if (o + 1 >= sizeof out->core) {
      *too_long = 1;
      return 0;
    }
    out->core[o++] = s[k];
  }
  out->core[o] = '\0';
  return i;
}

/* ---------------------------------------------------------------- fraction */

/* Digits after 点, one by one, appended to core at *o.  Returns bytes
 * read, 0 when no digit follows or the digits are no fraction (三点30分,
 * 三点五十: a time), (size_t)-1 when too long. */
static size_t read_fraction(const char *s, size_t len, char *core, size_t *o,
                            unsigned *flags) {
  size_t i = 0;
  if (len && is_digit(s[0])) {
    /* 二十点75: Arabic digits after a Chinese 点; 三点30分 is a time */
    while (i < len && is_digit(s[i])) i++;
    tok nx = chinese_tok(s + i, len - i);
    if (gf_lit(s + i, len - i, "分") ||
        (nx.kind != T_NONE && nx.kind != T_BIG && nx.kind != T_BOUND) ||
        (i < len && (s[i] == '.' || s[i] == ',')))
      return 0;
    if (*o + i + 2 >= GF_NUM_MAX) return (size_t)-1;
    core[(*o)++] = '.';
    memcpy(core + *o, s, i);
    *o += i;
    return i;
  }
  size_t o0 = *o;
  for (;;) {
    tok t = chinese_tok(s + i, len - i);
    if (t.kind != T_DIGIT) break;
    if (*o + 2 >= GF_NUM_MAX) return (size_t)-1;
    if (i == 0) core[(*o)++] = '.';
    core[(*o)++] = (char)('0' + t.val);
    if (t.daxie) *flags |= GF_NUMF_DAXIE;
    i += t.len;
  }
  if (i && chinese_tok(s + i, len - i).kind == T_UNIT) {
    *o = o0; /* 三点五十分: not a decimal */
    return 0;
  }
  return i;
}

/* After the integer part at s + at (core holds its digits, *o their
 * count): 点 and a fraction, then a trailing magnitude when allowed.
 * Returns the new end, or at when there is none; (size_t)-1 when too
 * long. */
static size_t point_part(const char *s, size_t len, size_t at,
                         int allow_mag, gf_numeral *out, size_t *o) {
  tok t = chinese_tok(s + at, len - at);
  if (t.kind != T_POINT) return at;
  size_t f = read_fraction(s + at + t.len, len - at - t.len, out->core, o,
                           &out->flags);
  if (f == (size_t)-1) return f;
  if (f == 0) return at;
  out->core[*o] = '\0';
  size_t e = at + t.len + f, m = 0;
  out->mag_off = e;
  if (allow_mag) {
    out->mag_exp = trailing_mag(s + e, len - e, &m);
    out->mag_len = m;
  }
  out->flags |= GF_NUMF_CHINESE;
  return e + m;
}

/* 二〇二三: a run of digit characters with no unit, read digit by digit.
 * n is the byte length of the run. */
static int read_digitwise(const char *s, size_t len, size_t n,
                          gf_numeral *out) {
  size_t i = 0, o = 0;
  while (i < n) {
    tok t = chinese_tok(s + i, n - i);
    if (o + 1 >= sizeof out->core) return 0;
    out->core[o++] = (char)('0' + t.val);
    if (t.daxie) out->flags |= GF_NUMF_DAXIE;
    i += t.len;
  }
  out->core[o] = '\0';
  out->flags |= GF_NUMF_CHINESE | GF_NUMF_DIGITWISE;
  out->len = out->mag_off = i;
  size_t e = point_part(s, len, i, 1, out, &o);
  if (e == (size_t)-1) return 0;
  if (e == i) {
    size_t m = 0;
    out->mag_exp = trailing_mag(s + i, len - i, &m);
    out->mag_len = m;
    e = i + m;
  }
  out->len = e;
  out->bound_ok = out->mag_exp ? 1 : 0;
  return finish(out);
}

/* ---------------------------------------------------------------- positional */

typedef struct grp {
  u128 v;
  int level;  /* exponent of the 万/亿/兆 run that closed it */
} grp;

/* The state of read_positional.  A number is a sum of groups, each closed
 * by a run of 万 亿 兆, and the section below the last one (sec, and a
 * pending digit).  end is where what has been accepted ends. */
typedef struct pos {
  const char *s;
  size_t len, i, end, sec_start, big_off, big_end;
  grp g[8];
  int n_g;
  u128 sec, pend;
  int has_pend, pend_arabic, pend_ndig;
  size_t pend_at;
  int last_small;   /* exponent of the last 十百千 of the section, else 4 */
  int prev, prev_exp, zero_gap, all_chinese, tail, overflow, bound;
  size_t chinese_at, daxie_at;  /* first Chinese / 大写 token, else -1 */
} pos;

enum { P_STOP, P_GO };

static void mark(pos *p, const tok *t) {
  if (t->kind != T_AINT && t->kind != T_BIG && p->chinese_at == (size_t)-1)
    p->chinese_at = p->i;
  if (t->daxie && p->daxie_at == (size_t)-1) p->daxie_at = p->i;
  if (t->kind == T_AINT) p->all_chinese = 0;
}

static void unread_pend(pos *p) {
  if (p->has_pend) p->end = p->pend_at;
  p->has_pend = 0;
}

static int add(pos *p, u128 *v, u128 x) {
  if (*v > ~(u128)0 - x) p->overflow = 1;
  *v += x;
  return !p->overflow;
}

static int mul(pos *p, u128 *v, int exp) {
  u128 m = pow10x(exp);
  if (*v && m > ~(u128)0 / *v) p->overflow = 1;
  *v *= m;
  return !p->overflow;
}

/* Dates after an Arabic part: 三万2023年 (a line break before a date). */
static int date_after(const char *s, size_t len) {
  return gf_word_at(s, len, 0, GF_NUM_DATE_UNITS) != 0;
}

/* 三千25, 两千零25, 2千3百4十5: an Arabic integer ending the number after
 * 零 or a unit, below 10^prev_exp.  两万5 and 3千5 (one digit right after
 * 百 千 万: 2万5 may mean 25000) and 三千25.5 are not one number. */
static int remainder_ok(const pos *p, const tok *t) {
  size_t e = p->i + t->len;
  const char *s = p->s;
  if (!t->ndig || t->big == 0 || t->ndig > p->prev_exp) return 0;
  if (t->ndig == 1 && !p->zero_gap && p->prev_exp >= 2) return 0;
  if (e < p->len) {
    char c = s[e];
    if (next_tok(s + e, p->len - e).kind != T_NONE || c == '.' ||
        c == ',' || is_alpha(c) || gf_lit(s + e, p->len - e, "，") ||
        date_after(s + e, p->len - e))
      return 0;
  }
  return 1;
}

static int on_digit(pos *p, const tok *t) {
  if (p->has_pend || p->tail) return P_STOP;
  size_t e = p->i + t->len;
  tok nx = next_tok(p->s + e, p->len - e);
  int after_unit = p->prev == T_UNIT || p->prev == T_BIG;
  if (t->kind == T_DIGIT && after_unit && !p->zero_gap &&
      nx.kind != T_UNIT && nx.kind != T_BIG && p->prev_exp >= 2) {
    /* 三百五, 两万五: the tail is one step below the last unit; not after
     * Arabic digits (300万五, 3万五年: a number and a word) */
    if (!p->all_chinese) return P_STOP;
    mark(p, t);
    if (!add(p, &p->sec, (u128)t->val * pow10x(p->prev_exp - 1)))
      return P_STOP;
    p->tail = 1;
    p->end = e;
    return P_GO;
  }
  if (t->kind == T_AINT && (after_unit || p->zero_gap) &&
      nx.kind != T_UNIT && nx.kind != T_BIG) {
    if (!remainder_ok(p, t)) return P_STOP;
    mark(p, t);
    add(p, &p->sec, t->big);
    p->end = e;
    return P_STOP; /* nothing follows a remainder */
  }
  if (t->kind == T_AINT && !t->ndig) return P_STOP;
  mark(p, t);
  p->has_pend = 1;
  p->pend = t->kind == T_AINT ? t->big : (u128)t->val;
  p->pend_arabic = t->kind == T_AINT;
  p->pend_ndig = t->kind == T_AINT ? t->ndig : 1;
  p->pend_at = p->i;
  p->prev = T_DIGIT;
  p->zero_gap = 0;
  p->end = e;
  return P_GO;
}

static int on_unit(pos *p, const tok *t) {
  if (p->tail) return P_STOP;
  if (p->has_pend) {
    gf_unit_match um;
    if (p->pend == 0 || t->val >= p->last_small ||
        (p->pend_arabic &&
         (p->pend > 9 || (gf_unit_read(p->s + p->i, p->len - p->i, 0, &um) &&
                          um.mag_exp == 0)))) {
      unread_pend(p); /* 一百二百, 5千米 */
      return P_STOP;
    }
    if (!add(p, &p->sec, p->pend * pow10x(t->val))) return P_STOP;
    p->has_pend = 0;
  } else if (t->val == 1 && p->prev != T_UNIT && p->last_small > 1) {
    if (!add(p, &p->sec, 10)) return P_STOP; /* 十五, 一百零十 */
  } else {
    return P_STOP;
  }
  mark(p, t);
  p->last_small = t->val;
  p->prev = T_UNIT;
  p->prev_exp = t->val;
  p->zero_gap = 0;
  p->end = p->i + t->len;
  return P_GO;
}

/* 廿三, 一百廿: 廿 stands where a digit and 十 would. */
static int on_tens(pos *p, const tok *t) {
  if (p->tail || p->last_small <= 1 || p->has_pend) return P_STOP;
  if (!add(p, &p->sec, (u128)t->val * 10)) return P_STOP;
  mark(p, t);
  p->last_small = 1;
  p->prev = T_UNIT;
  p->prev_exp = 1;
  p->zero_gap = 0;
  p->end = p->i + t->len;
  return P_GO;
}

/* 万 亿 兆 close a group: the section (and the groups below this one: 万
 * before 亿) times the magnitude.  Right after another one it multiplies
 * that group: 万亿, 四万万. */
static int on_big(pos *p, const tok *t) {
  u128 g = p->sec;
  if (p->has_pend) g += p->pend;
  if (g == 0 && !p->tail) {
    if (p->prev != T_BIG || p->zero_gap || t->val < p->prev_exp ||
        p->n_g == 0)
      return P_STOP;
    grp *top = &p->g[p->n_g - 1];
    if (p->n_g > 1 && p->g[p->n_g - 2].level <= top->level + t->val)
      return P_STOP;
    if (!mul(p, &top->v, t->val)) return P_STOP;
    top->level += t->val;
  } else {
    u128 sum = g;
    int k = p->n_g;
    while (k > 0 && p->g[k - 1].level < t->val) add(p, &sum, p->g[--k].v);
    if ((k > 0 && p->g[k - 1].level <= t->val) || k >= 8) {
      p->end = p->sec_start; /* 一万一万, 3万五千万: not this section */
      p->has_pend = 0;
      p->sec = 0;
      return P_STOP;
    }
    if (!mul(p, &sum, t->val)) return P_STOP;
    p->n_g = k;
    p->g[p->n_g].v = sum;
    p->g[p->n_g++].level = t->val;
    p->big_off = p->i;
  }
  mark(p, t);
  p->sec = 0;
  p->has_pend = 0;
  p->tail = 0;
  p->last_small = 4;
  p->prev = T_BIG;
  p->prev_exp = t->val;
  p->zero_gap = 0;
  p->end = p->big_end = p->i + t->len;
  p->sec_start = p->end;
  return P_GO;
}

/* 余 多 几 来 inside a number: before its magnitude (500余万, 一千多万,
 * 十几万) or as a digit of a lower unit (一百几十).  One after the whole
 * number (3万余, 180余) is the caller's (gf_numeral_bound_after). */
static int on_bound(pos *p, const tok *t) {
  int round = (p->prev == T_UNIT && !p->has_pend) ||
              (p->has_pend && p->pend_arabic &&
               (t->val == GF_NUMB_OVER || p->pend % 10 == 0));
  if (!round || p->tail || p->zero_gap || p->bound) return P_STOP;
  size_t j = p->i + t->len;
  tok nx = next_tok(p->s + j, p->len - j);
  int lower_unit = nx.kind == T_UNIT && !p->has_pend && nx.val < p->last_small &&
                   gf_lit(p->s + p->i, t->len, "几");
  if (lower_unit) {
    j += nx.len;
    nx = next_tok(p->s + j, p->len - j);
  }
  if (nx.kind == T_BIG) {
    size_t i0 = p->i;
    p->i = j;
    if (on_big(p, &nx) == P_GO) {
      p->bound = t->val;
      return P_GO;
    }
    p->i = i0;
    return P_STOP;
  }
  if (!lower_unit) return P_STOP;
  p->bound = t->val;
  p->end = j;
  return P_STOP;
}

/* The integer part read so far. */
static u128 total(pos *p) {
  u128 v = p->sec;
  if (p->has_pend) add(p, &v, p->pend);
  for (int k = 0; k < p->n_g; k++) add(p, &v, p->g[k].v);
  return v;
}

/* Positional numerals from s + from; lead is a leading Arabic integer
 * already known to start one (5万, 5千6百, 500余万). */
static int read_positional(const char *s, size_t len, gf_numeral *out) {
  pos p;
  memset(&p, 0, sizeof p);
  p.s = s;
  p.len = len;
  p.last_small = 4;
  p.all_chinese = 1;
  p.chinese_at = p.daxie_at = (size_t)-1;
  tok t0 = next_tok(s, len);
  if ((t0.kind == T_BIG || (t0.kind == T_UNIT && t0.val >= 2)) &&
      chinese_tok(s + t0.len, len - t0.len).kind == T_BOUND) {
    p.has_pend = 1; /* 百余人, 千余家, 万余元: one of the unit, and more */
    p.pend = 1;
    p.pend_ndig = 1;
  }
  while (p.i < len) {
    tok t = next_tok(s + p.i, len - p.i);
    int go = P_STOP;
    if (t.kind == T_DIGIT && t.val == 0) {
      if (p.prev == T_NONE) {
        go = on_digit(&p, &t); /* 零点五, 零 alone */
      } else if (p.prev == T_UNIT || p.prev == T_BIG) {
        if (p.tail) break;
        p.zero_gap = 1; /* 两千零五: accepted with what follows it */
        mark(&p, &t);
        go = P_GO;
      }
    } else if (t.kind == T_DIGIT || t.kind == T_AINT) {
      go = on_digit(&p, &t);
    } else if (t.kind == T_UNIT) {
      go = on_unit(&p, &t);
    } else if (t.kind == T_TENS) {
      go = on_tens(&p, &t);
    } else if (t.kind == T_BIG) {
      go = on_big(&p, &t);
    } else if (t.kind == T_BOUND) {
      go = on_bound(&p, &t);
      if (p.bound) break;
    }
    if (go == P_STOP || p.overflow) break;
    p.i += t.len;
  }
  if (p.overflow || p.end == 0) {
    out->bad_len = p.overflow ? (p.i > p.end ? p.i : p.end) : 0;
    return 0;
  }
  u128 v = total(&p);
  if (p.overflow) return 0;
  char ip[48];
  u128_str(v, ip);
  size_t o = strlen(ip);
  memcpy(out->core, ip, o + 1);
  if (p.chinese_at < p.end) out->flags |= GF_NUMF_CHINESE;
  if (p.daxie_at < p.end) out->flags |= GF_NUMF_DAXIE;
  out->bound = p.bound;
  int ended_big = p.end == p.big_end && p.n_g > 0;
  if (!p.bound) {
    /* 八千三百八十五万二千三百二十六点三三, 两千三点一万, 一万点五
     * (10000.5, as 10000.5 is said) */
    size_t e = point_part(s, len, p.end, p.n_g == 0, out, &o);
    if (e == (size_t)-1) return 0;
    if (e != p.end) {
      out->len = e;
      out->bound_ok = out->mag_exp ? 1 : 0;
      return finish(out);
    }
  }
  out->len = out->mag_off = p.end;
  if (ended_big) {
    out->mag_exp = p.g[p.n_g - 1].level;
    out->mag_off = p.big_off;
    out->mag_len = p.big_end - p.big_off;
    char tmp[GF_NUM_MAX];
    if (gf_decimal_scale(out->core, -out->mag_exp, tmp, sizeof tmp)) return 0;
    memcpy(out->core, tmp, sizeof tmp);
  }
  out->bound_ok = p.bound ? 0 : (p.prev == T_UNIT || ended_big) ? 3 : 0;
  return finish(out);
}

/* ---------------------------------------------------------------- plain */

/* Chinese numerals at s: a leading run of plain digits decides the
 * reading: 二〇二三 digit by digit; 七八个, 三五万, 一一 are
 * approximations or words, of which only the first digit is a number. */
static int read_chinese(const char *s, size_t len, gf_numeral *out) {
  size_t run = 0, n_run = 0;
  int has_zero = 0;
  for (;;) {
    tok t = chinese_tok(s + run, len - run);
    if (t.kind != T_DIGIT) break;
    if (t.val == 0) has_zero = 1;
    run += t.len;
    n_run++;
  }
  if (n_run >= 2) {
    tok after = chinese_tok(s + run, len - run);
    if (after.kind != T_UNIT && after.kind != T_BIG &&
        (n_run >= 3 || has_zero))
      return read_digitwise(s, len, run, out);
    tok t = chinese_tok(s, len);
    if (t.val == 0) return 0;
    out->core[0] = (char)('0' + t.val);
    out->core[1] = '\0';
    out->flags |= GF_NUMF_CHINESE | (t.daxie ? GF_NUMF_DAXIE : 0u);
    out->len = out->mag_off = t.len;
    return finish(out);
  }
  return read_positional(s, len, out);
}

/* Does the Arabic integer at s (n bytes) start a positional number: 5万,
 * 300万五千, 5千6百, 500余万?  Not 5千米, 5千万元 or 3千人, where the
 * unit reader takes 千. */
static int arabic_starts_positional(const char *s, size_t len, size_t n) {
  tok t = chinese_tok(s + n, len - n);
  if (t.kind == T_BIG) return 1;
  if (t.kind == T_BOUND) {
    size_t j = n + t.len;
    tok u = chinese_tok(s + j, len - j);
    return u.kind == T_BIG;
  }
  if (t.kind != T_UNIT || n != 1 || s[0] == '0') return 0;
  size_t j = n + t.len;
  tok u = next_tok(s + j, len - j);
  gf_unit_match um;
  if (gf_unit_read(s + n, len - n, 0, &um) && um.mag_exp == 0) return 0;
  return u.kind == T_AINT || (u.kind == T_DIGIT);
}

int gf_numeral_read_plain(const char *s, size_t len, gf_numeral *out) {
  if (len && is_digit(s[0])) {
    int has_frac = 0, too_long = 0;
    size_t n = arabic_run(s, len, out, &has_frac, &too_long);
    if (!n) {
      if (too_long) {
        while (out->bad_len < len &&
               (is_digit(s[out->bad_len]) || s[out->bad_len] == '.' ||
                s[out->bad_len] == ','))
          out->bad_len++;
      }
      return 0;
    }
    if (!has_frac && !(out->flags & GF_NUMF_GROUPED) &&
        arabic_starts_positional(s, len, n)) {
      gf_numeral r;
      memset(&r, 0, sizeof r);
      if (read_positional(s, len, &r) && r.len > n) {
        *out = r;
        return 1;
      }
      if (r.bad_len) {
        out->bad_len = r.bad_len;
        return 0;
      }
    }
    size_t m = 0;
    out->mag_off = n;
    out->mag_exp = trailing_mag(s + n, len - n, &m);
    out->mag_len = m;
    out->len = n + m;
    out->bound_ok = m || !has_frac ? 1 : 0;
    if (!finish(out)) {
      out->bad_len = out->len;
      return 0;
    }
    return 1;
  }
  return read_chinese(s, len, out);
}

size_t gf_numeral_bound_after(const char *s, size_t len,
                              const gf_numeral *nr, int *bound) {
  if (bound) *bound = GF_NUMB_EXACT;
  if (!s || !nr || !nr->len || nr->len >= len || !nr->bound_ok) return 0;
  tok t = chinese_tok(s + nr->len, len - nr->len);
  if (t.kind != T_BOUND) return 0;
  int round = nr->bound_ok & 2;
  if (!round && nr->mag_exp == 0) {
    /* after Arabic digits: 180余, 20多 (and 20来, 20几 for a round one) */
    size_t n = strlen(nr->value);
    if (strchr(nr->value, '.') || !is_digit(s[0])) return 0;
    round = n >= 2 && nr->value[n - 1] == '0';
    if (t.val == GF_NUMB_ABOUT || gf_lit(s + nr->len, 3, "几"))
      if (!round) return 0;
  }
  if (bound) *bound = t.val;
  return t.len;
}

int gf_numeral_digit(const char *s, size_t len, size_t *n) {
  tok t = chinese_tok(s, len);
  if (t.kind != T_DIGIT) return -1;
  if (n) *n = t.len;
  return t.val;
}
