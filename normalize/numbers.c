/* numbers.c - every number in a text (gf_numbers_scan), figure or not: the
 * value, a percent-like unit, the bound a 余 多 几 来 gives it and the byte
 * span in the caller's text.  Ordinals (第一百零一) and dates (2023年,
 * 3月15日, 2023-12-01) are left out, and a number that does not fit
 * exactly is listed apart, never rounded.  The text is normalized first
 * and spans go back through the offset map, so start/end point into the
 * input as given (records.md: raw, start, end). */
#include <stdlib.h>
#include <string.h>

#include "common/scan.h"
#include "normalize/normalize.h"

typedef struct row {
  gf_number pub;
  char val[GF_NUM_MAX + 2]; /* room for a sign */
} row;

struct gf_numbers {
  row *v;
  size_t n, cap;
  gf_number *bad; /* numbers that do not fit exactly */
  size_t n_bad, cap_bad;
};

/* Signs before a number; the last two are plus signs. */
static const char *const signs[] = {"-", "\xE2\x88\x92" /* − */, "负", "負",
                                    "+", "正"};
#define N_MINUS 4
static const char *const BOUNDS[] = {"exact", "over", "about"};

static int is_digit(char c) { return c >= '0' && c <= '9'; }

static int is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Start of the character before offset i (i > 0). */
static size_t prev_start(const char *t, size_t i) {
  size_t k = i - 1;
  while (k > 0 && i - k < 4 && ((unsigned char)t[k] & 0xC0) == 0x80) k--;
  return k;
}

/* Code point before offset i, or -1 at the start. */
static int32_t cp_before(const char *t, size_t i) {
  if (i == 0) return -1;
  size_t k = prev_start(t, i);
  int32_t cp;
  if (!gf_utf8_decode(t + k, i - k, &cp)) return -1;
  return cp;
}

static int32_t cp_at(const char *t, size_t n, size_t i) {
  int32_t cp;
  if (i >= n || !gf_utf8_decode(t + i, n - i, &cp)) return -1;
  return cp;
}

static int is_ascii_alnum(int32_t cp) {
  return cp >= 0 && cp < 0x80 && (is_digit((char)cp) || is_alpha((char)cp));
}

/* End of a run of Arabic (digits . ,) or Chinese numeral characters. */
static size_t skip_run(const char *t, size_t n, size_t i) {
  if (is_digit(t[i])) {
    while (i < n && (is_digit(t[i]) || t[i] == '.' || t[i] == ',')) i++;
    return i;
  }
  size_t k, j = i;
  while (j < n && (k = gf_numeral_char(t + j, n - j)) != 0) j += k;
  return j > i ? j : i + 1;
}

static int push(gf_numbers *ns, const char *text, size_t start, size_t end,
                const char *val, int neg, const char *unit, int bound) {
  if (ns->n == ns->cap) {
    size_t cap = ns->cap ? ns->cap * 2 : 16;
    row *v = gf_realloc(ns->v, cap * sizeof *v);
    if (!v) return GF_ENOMEM;
    ns->v = v;
    ns->cap = cap;
  }
  /* raw without format characters and line breaks: one field of one
   * line, as a person reads it. */
  char *raw = gf_strndup(text + start, end - start);
  if (!raw) return GF_ENOMEM;
  size_t len = gf_format_strip(raw, end - start, NULL, NULL), w = 0;
  for (size_t k = 0; k < len; k++)
    if (raw[k] != '\n' && raw[k] != '\r') raw[w++] = raw[k];
  raw[w] = '\0';
  row *r = &ns->v[ns->n++];
  memset(r, 0, sizeof *r);
  r->pub.raw = raw;
  r->pub.start = start;
  r->pub.end = end;
  r->pub.unit = unit;
  r->pub.bound = BOUNDS[bound];
  memcpy(r->val, val, strlen(val) + 1);
  if (neg && gf_decimal_negate(r->val, sizeof r->val)) return GF_ENOMEM;
  return GF_OK;
}

static int push_bad(gf_numbers *ns, size_t start, size_t end) {
  if (ns->n_bad == ns->cap_bad) {
    size_t cap = ns->cap_bad ? ns->cap_bad * 2 : 4;
    gf_number *v = gf_realloc(ns->bad, cap * sizeof *v);
    if (!v) return GF_ENOMEM;
    ns->bad = v;
    ns->cap_bad = cap;
  }
  gf_number *b = &ns->bad[ns->n_bad++];
  b->start = start;
  b->end = end;
  b->value = b->unit = b->raw = "";
  b->bound = BOUNDS[0];
  return GF_OK;
}

/* Source end of a normalized span ending at b (0 < b <= n): map[b] is
 * where the next character came from, less the whitespace the normalizer
 * dropped in between.  When b falls inside one source character's
 * expansion (NFKC of ㍢ is "2日"), the span takes that whole character. */
static size_t src_end(const char *src, const size_t *map, size_t n,
                      size_t b) {
  while (b < n && map[b] == map[b - 1]) b++;
  size_t end = map[b], floor = map[b - 1] + 1;
  while (end > floor) {
    size_t k = prev_start(src, end);
    int32_t cp;
    if (k < floor || !gf_utf8_decode(src + k, end - k, &cp) ||
        !gf_is_space_cp(cp))
      break;
    end = k;
  }
  return end;
}

static size_t sign_before(const char *t, size_t i);

/* Start of the number at i with a 负 before it (负三), else i. */
static size_t fu_start(const char *t, size_t i) {
  size_t sg = sign_before(t, i);
  return sg && (gf_lit(t + i - sg, sg, "负") || gf_lit(t + i - sg, sg, "負"))
             ? i - sg
             : i;
}

/* Does the number at [i, e) stand apart from Han text: no Han character
 * before it (or before its 负) nor after it? */
static int apart(const char *t, size_t n, size_t i, size_t e) {
  return !gf_is_han(cp_before(t, fu_start(t, i))) &&
         !gf_is_han(cp_at(t, n, e));
}

/* Is the one-character Chinese number at [i, e) a real count?  Only before
 * a unit (一个, 三次) outside idioms, or standing alone ((一), 一、, 负三). */
static int single_ok(const char *t, size_t n, size_t i, size_t e) {
  if (gf_word_at(t, n, i, GF_NUM_IDIOMS)) return 0;
  /* 三至五万人: the first end of a range */
  size_t m = gf_lit(t + e, n - e, "至");
  gf_numeral b;
  if (m && gf_numeral_read(t + e + m, n - e - m, &b) &&
      (b.flags & GF_NUMF_CHINESE))
    return 1;
  gf_unit_match u;
  if (gf_unit_read(t + e, n - e, 0, &u)) {
    /* 一村一品, 一户一档: slogans, not counts */
    if (gf_lit(t + e + u.len, n - e - u.len, "一")) return 0;
    if (i > 0) {
      size_t p1 = prev_start(t, i), p2 = p1 ? prev_start(t, p1) : p1;
      if (p2 < p1 && gf_lit(t + p2, p1 - p2, "一")) return 0;
    }
    return 1;
  }
  return apart(t, n, i, e);
}

/* One 大写 character is mostly a word (陆港, 大陆, 队伍): a number only
 * standing apart from Han text and Latin letters or digits (壹, 拾), or as
 * an amount in 元/圆 (壹元整). */
static int daxie_ok(const char *t, size_t n, size_t i, size_t e) {
  int32_t l = cp_before(t, fu_start(t, i));
  if (gf_is_han(l) || is_ascii_alnum(l)) return 0;
  if (gf_lit(t + e, n - e, "元") || gf_lit(t + e, n - e, "圆")) return 1;
  return apart(t, n, i, e) && !is_ascii_alnum(cp_at(t, n, e));
}

/* Quotes and title marks: “八五”普法 is a name, like “十四五”. */
static int is_quote(int32_t cp) {
  return cp == '"' || cp == '\'' || (cp >= 0x2018 && cp <= 0x201F) ||
         (cp >= 0x300A && cp <= 0x300F);
}

/* 三三, 七七 standing apart: two plain digits (not 零, 两 or 大写) read
 * digit by digit.  In text (七八个, 三五年, “八五”) they stay a range, a
 * word or a name, and digits on two lines (五\n一) are two.  [i, e) is the
 * first digit, k the length of the second; writes val. */
static int pair_ok(const char *t, size_t n, const size_t *map, size_t i,
                   size_t e, size_t k, char *val) {
  gf_numeral a, b;
  size_t f = e + k;
  if (map[e] - map[i] != e - i) return 0;
  if (!gf_numeral_read(t + i, e - i, &a) || !gf_numeral_read(t + e, k, &b))
    return 0;
  if (a.flags != GF_NUMF_CHINESE || b.flags != GF_NUMF_CHINESE ||
      strlen(a.value) != 1 || strlen(b.value) != 1 || b.len != k ||
      a.value[0] == '0' || b.value[0] == '0' || gf_lit(t + i, e - i, "两") ||
      gf_lit(t + e, k, "两"))
    return 0;
  int32_t l = cp_before(t, fu_start(t, i)), r = cp_at(t, n, f);
  if (gf_numeral_char(t + f, n - f) || is_ascii_alnum(l) ||
      is_ascii_alnum(r) || is_quote(l) || is_quote(r) || !apart(t, n, i, f))
    return 0;
  val[0] = a.value[0];
  val[1] = b.value[0];
  val[2] = '\0';
  return 1;
}

/* The sign before a number at i, if any: its length, else 0; *neg says
 * whether it is a minus.  Not after a letter or digit (5-3, A-1), and 正
 * only before Arabic digits. */
static size_t sign_at_end(const char *t, size_t i, int *neg) {
  for (size_t k = 0; k < sizeof signs / sizeof signs[0]; k++) {
    size_t m = strlen(signs[k]);
    if (i < m || memcmp(t + i - m, signs[k], m) != 0) continue;
    if (is_ascii_alnum(cp_before(t, i - m))) return 0;
    if (gf_lit(signs[k], m, "正") && !is_digit(t[i])) return 0;
    if (neg) *neg = k < N_MINUS;
    return m;
  }
  return 0;
}

static size_t sign_before(const char *t, size_t i) {
  return sign_at_end(t, i, NULL);
}

/* Is the number num at [i, e) a date (2023年, 二〇二三年, 3月, 15日 after a
 * month, the first year of 2020-2023年, the first month of 1-11月) or the
 * start of 2023-12-01?  Returns the end of the date, else 0. */
static size_t date_end(const char *t, size_t n, size_t i, size_t e,
                       const gf_numeral *num) {
  const char *v = num->value;
  size_t nv = strlen(v);
  if (strchr(v, '.') || num->mag_exp || v[0] == '-' ||
      (num->flags & ~(GF_NUMF_CHINESE | GF_NUMF_DIGITWISE)))
    return 0;
  int chinese = (num->flags & GF_NUMF_CHINESE) != 0;
  int year = nv == 4 && (v[0] == '1' || v[0] == '2') &&
             (!chinese || (num->flags & GF_NUMF_DIGITWISE) ||
              (v[1] == '9' || (v[1] == '0' && strcmp(v + 2, "00") != 0)));
  long x = nv <= 2 ? strtol(v, NULL, 10) : 0;
  size_t k;
  if (year && (k = gf_lit(t + e, n - e, "年"))) return e + k;
  if (x >= 1 && x <= 12 && (k = gf_lit(t + e, n - e, "月"))) return e + k;
  if (x >= 1 && x <= 31 && i >= 3 && gf_lit(t + i - 3, 3, "月") &&
      ((k = gf_lit(t + e, n - e, "日")) || (k = gf_lit(t + e, n - e, "号"))))
    return e + k;
  if (!year && !(x >= 1 && x <= 12)) return 0;
  for (size_t r = 0; GF_NUM_RANGE_MARKS[r]; r++) {
    size_t m = gf_lit(t + e, n - e, GF_NUM_RANGE_MARKS[r]);
    gf_numeral b;
    if (!m || !gf_numeral_read(t + e + m, n - e - m, &b) ||
        b.value[0] == '-' || strchr(b.value, '.'))
      continue;
    size_t f = e + m + b.len;
    const char *w = year ? "年" : "月";
    if (strlen(b.value) == (year ? 4 : strlen(b.value)) && gf_lit(t + f, n - f, w))
      return e; /* 2020-2023年: the first end only */
  }
  /* 2023-12-01, 2023/12/01 */
  if (year && !chinese && e + 1 < n && (t[e] == '-' || t[e] == '/') &&
      is_digit(t[e + 1])) {
    size_t j = e + 1, d = 0;
    while (j < n && is_digit(t[j]) && d < 3) j++, d++;
    if (d >= 1 && d <= 2 && j + 1 < n && t[j] == t[e] && is_digit(t[j + 1])) {
      size_t q = j + 1;
      d = 0;
      while (q < n && is_digit(t[q]) && d < 3) q++, d++;
      if (d >= 1 && d <= 2) return q;
    }
  }
  return 0;
}

/* What one() found at a position. */
typedef struct found {
  size_t prev_end;       /* in: where the number before ends, unit and all */
  int ok;                /* 1: a number; 2: one that does not fit */
  size_t rs, re;         /* its span in the normalized text */
  char val[GF_NUM_MAX];
  int neg, bound;
  const char *unit;
} found;

/* The unit after a number at e (%, ‰, ‱, 个百分点) or the one its form
 * gives; returns the new end. */
static size_t pct_unit(const char *t, size_t n, size_t e,
                       const gf_numeral *num, const char **unit) {
  static const char *const after[][2] = {{"%", "%"},
                                         {"‰", "‰"},
                                         {"‱", "‱"},
                                         {"个百分点", "个百分点"},
                                         {"百分点", "个百分点"}};
  *unit = "";
  if (num->flags & GF_NUMF_PER) {
    *unit = gf_numeral_per_unit(num->flags);
  } else {
    for (size_t k = 0; k < sizeof after / sizeof after[0]; k++) {
      size_t m = gf_lit(t + e, n - e, after[k][0]);
      if (m) {
        *unit = after[k][1];
        return e + m;
      }
    }
  }
  return e;
}

/* The first end of a range takes the magnitude and percent unit of the
 * second: 3-5万 is 30000 to 50000, 三至五万人 too, 5-6% is 5 % to 6 %.
 * num (value in f) ends at e. */
static void range_start(const char *t, size_t n, const size_t *map,
                        size_t e, const gf_numeral *num, found *f) {
  size_t m = gf_word_at(t, n, e, GF_NUM_RANGE_MARKS);
  gf_numeral b;
  /* nothing between in the source either: no line or page break */
  if (!m || map[e + m] - map[e - 1] > m + 3 || num->mag_exp ||
      (num->flags & GF_NUMF_PER) ||
      !gf_numeral_read(t + e + m, n - e - m, &b) || b.value[0] == '-' ||
      (!b.mag_exp && !(b.flags & GF_NUMF_PER) &&
       !gf_lit(t + e + m + b.len, n - e - m - b.len, "%")))
    return;
  /* 2万-3万 and 5%-6% state both units; 3-5万 and 5-6% the second's */
  if (b.mag_exp && !f->unit[0]) {
    char v[GF_NUM_MAX];
    if (gf_decimal_shift(f->val, b.mag_exp, v, sizeof v) == 0)
      memcpy(f->val, v, sizeof v);
  } else if (!b.mag_exp && !f->unit[0]) {
    f->unit = "%";
    if (b.flags & GF_NUMF_PER) f->unit = gf_numeral_per_unit(b.flags);
  }
}

/* A Chinese number of one or two characters: words (一些, 十四五, 七八个)
 * unless it stands as a count.  Returns 0 to report it (*e may grow by a
 * second digit: 三三), else where the scan goes on. */
static size_t chinese_word(const char *t, size_t n, const size_t *map,
                           size_t i, size_t *e, const gf_numeral *num,
                           char *val) {
  size_t k = gf_numeral_char(t + *e, n - *e);
  size_t one_len = gf_numeral_char(t + i, n - i);
  gf_unit_match u;
  if (k && num->len == one_len && pair_ok(t, n, map, i, *e, k, val)) {
    *e += k;
    return 0;
  }
  if (k && !gf_unit_read(t + *e, n - *e, 0, &u))
    return skip_run(t, n, i); /* 十四五, 三五年, 七八个 */
  if (num->len == one_len &&
      !((num->flags & GF_NUMF_DAXIE) ? daxie_ok(t, n, i, *e)
                                     : single_ok(t, n, i, *e)))
    return *e;
  return 0;
}

/* One number at i (a digit or a numeral character).  Returns the end of
 * what the scan should skip; f->ok says whether a number was found. */
static size_t one(const char *t, size_t n, const size_t *map, size_t i,
                  found *f) {
  gf_numeral num;
  int arabic = is_digit(t[i]);
  f->ok = 0;
  if (arabic) {
    /* PM2.5, G20, COVID-19: a number glued to a Latin word is a name */
    int32_t pc = cp_before(t, i);
    if ((pc > 0 && pc < 0x80 && is_alpha((char)pc)) ||
        (pc == '-' && i >= 2 && is_alpha(t[i - 2])))
      return skip_run(t, n, i);
  }
  if (!gf_numeral_read(t + i, n - i, &num)) {
    if (!num.bad_len) return skip_run(t, n, i);
    f->ok = 2; /* 70 digits, or beyond 128 bits: listed apart */
    f->rs = i - sign_before(t, i);
    f->re = i + num.bad_len;
    return f->re;
  }
  size_t e = i + num.len, d;
  memcpy(f->val, num.value, GF_NUM_MAX);
  /* 第一百零一: an ordinal; 2023年, 3月15日: dates */
  if (i >= 3 && gf_lit(t + i - 3, 3, "第")) return e;
  if ((d = date_end(t, n, i, e, &num)) != 0) return d;
  int b = num.bound, b2;
  size_t bl = gf_numeral_bound_after(t + i, n - i, &num, &b2);
  if (bl) {
    e += bl; /* 3万余, 一千多, 180余 */
    b = b2;
  } else if (arabic) {
    if (e < n && t[e] == '.' && e + 1 < n && is_digit(t[e + 1]))
      return skip_run(t, n, i); /* 1.2.3: a section number */
    gf_unit_match u;
    int has_unit = gf_unit_read(t + e, n - e, 1, &u);
    if (e < n && is_alpha(t[e]) && !has_unit)
      return skip_run(t, n, i); /* 5G, 4A */
    if (has_unit && num.mag_exp == 0 && u.mag_exp > 0 &&
        !(num.flags & GF_NUMF_SCALED)) {
      /* 5千万, 3千人: the magnitude of a unit belongs to the value */
      char tmp[GF_NUM_MAX];
      if (!gf_decimal_shift(num.value, u.mag_exp, tmp, sizeof tmp)) {
        memcpy(f->val, tmp, GF_NUM_MAX);
        e += u.len - strlen(u.base);
      }
    }
  } else if ((d = chinese_word(t, n, map, i, &e, &num, f->val)) != 0) {
    return d;
  }
  e = pct_unit(t, n, e, &num, &f->unit);
  range_start(t, n, map, e, &num, f);
  size_t sg = sign_at_end(t, i, &f->neg);
  /* 5%-6%, 2万-3万: a dash right after a number joins a range */
  if (sg && i - sg == f->prev_end && !gf_lit(t + i - sg, sg, "负") &&
      !gf_lit(t + i - sg, sg, "負"))
    sg = 0;
  if (!sg) f->neg = 0;
  f->bound = b;
  f->rs = i - sg;
  f->re = e;
  f->ok = 1;
  /* step over a unit so that 千瓦 or km2 does not start a number */
  gf_unit_match u;
  if (gf_unit_read(t + e, n - e, 0, &u)) e += u.len;
  return e;
}

/* An idiom with a number form inside (一波三折) at i: its length. */
static size_t idiom_at(const char *t, size_t n, size_t i) {
  return gf_word_at(t, n, i, GF_NUM_IDIOMS_WHOLE);
}

static size_t first_bad_utf8(const char *s, size_t len) {
  size_t i = 0;
  int32_t cp;
  while (i < len) {
    size_t k = gf_utf8_decode(s + i, len - i, &cp);
    if (!k) return i;
    i += k;
  }
  return len;
}

int gf_numbers_scan(const char *text, size_t len, unsigned opts,
                    gf_numbers **out, gf_error *err) {
  (void)opts;
  if (out) *out = NULL;
  if (err) gf_error_set(err, GF_OK, "", 0, 0);
  if (!out || (!text && len)) {
    gf_error_set(err, GF_EINVAL, "invalid argument", 0, 0);
    return GF_EINVAL;
  }
  char *t = NULL;
  size_t n = 0, *map = NULL;
  gf_numbers *ns = gf_calloc(1, sizeof *ns);
  int rc = GF_ENOMEM;
  if (!ns) goto fail;
  rc = gf_text_normalize(text ? text : "", len, &t, &n, &map);
  if (rc == GF_EUTF8) {
    gf_error_set(err, rc, "invalid UTF-8", 0, first_bad_utf8(text, len));
    goto fail;
  }
  if (rc) goto fail;
  size_t i = 0, prev_end = (size_t)-1;
  while (i < n) {
    if (!is_digit(t[i]) && !gf_numeral_char(t + i, n - i)) {
      int32_t cp;
      size_t k = gf_utf8_decode(t + i, n - i, &cp);
      i += k ? k : 1;
      continue;
    }
    size_t w = idiom_at(t, n, i);
    if (w) {
      i += w;
      continue;
    }
    found f;
    f.prev_end = prev_end;
    size_t next = one(t, n, map, i, &f);
    if (f.ok == 1) prev_end = next;
    if (f.ok == 1)
      rc = push(ns, text, map[f.rs], src_end(text, map, n, f.re), f.val,
                f.neg, f.unit, f.bound);
    else if (f.ok == 2)
      rc = push_bad(ns, map[f.rs], src_end(text, map, n, f.re));
    if (rc) goto fail;
    i = next > i ? next : i + 1;
  }
  for (size_t k = 0; k < ns->n; k++) ns->v[k].pub.value = ns->v[k].val;
  gf_free(t);
  gf_free(map);
  *out = ns;
  return GF_OK;
fail:
  if (rc == GF_ENOMEM) gf_error_set(err, rc, "out of memory", 0, 0);
  gf_free(map);
  gf_free(t);
  gf_numbers_free(ns);
  return rc;
}

size_t gf_numbers_count(const gf_numbers *nums) {
  return nums ? nums->n : 0;
}

const gf_number *gf_numbers_at(const gf_numbers *nums, size_t i) {
  if (!nums || i >= nums->n) return NULL;
  return &nums->v[i].pub;
}

size_t gf_numbers_skipped_count(const gf_numbers *nums) {
  return nums ? nums->n_bad : 0;
}

const gf_number *gf_numbers_skipped_at(const gf_numbers *nums, size_t i) {
  if (!nums || i >= nums->n_bad) return NULL;
  return &nums->bad[i];
}

void gf_numbers_free(gf_numbers *nums) {
  if (!nums) return;
  for (size_t i = 0; i < nums->n; i++) gf_free((char *)nums->v[i].pub.raw);
  gf_free(nums->bad);
  gf_free(nums->v);
  gf_free(nums);
}
