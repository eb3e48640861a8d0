/* numbers.c - every number in a text (gf_numbers_scan), figure or not: the
 * value, a percent-like unit and the byte span in the caller's text.  The
 * text is normalized first and spans go back through the offset map, so
 * start/end point into the input as given (records.md: raw, start, end). */
#include <string.h>

#include "normalize/normalize.h"

typedef struct row {
  gf_number pub;
  char val[GF_NUM_MAX + 2]; /* room for a sign */
} row;

struct gf_numbers {
  row *v;
  size_t n, cap;
};

static const char *const minus_signs[] = {"-", "\xE2\x88\x92" /* − */, "负"};

/* Words that begin with a one-character numeral and a unit but are not a
 * count: 一起 (together), 一次性 (one-off), 一条龙 (one-stop) … */
static const char *const idioms[] = {
    "一起", "一次性", "一条龙", "一部分", "一站式", "一把手", "一家人",
    "一日游", "一头雾水", "一体", "一批批", "三次产业",
};

static int is_digit(char c) { return c >= '0' && c <= '9'; }

static int is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static size_t lit(const char *s, size_t len, const char *t) {
  size_t n = strlen(t);
  return n <= len && memcmp(s, t, n) == 0 ? n : 0;
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

static int push(gf_numbers *ns, size_t start, size_t end, const char *val,
                int neg, const char *unit) {
  if (ns->n == ns->cap) {
    size_t cap = ns->cap ? ns->cap * 2 : 16;
    row *v = gf_realloc(ns->v, cap * sizeof *v);
    if (!v) return GF_ENOMEM;
    ns->v = v;
    ns->cap = cap;
  }
  row *r = &ns->v[ns->n++];
  memset(r, 0, sizeof *r);
  r->pub.start = start;
  r->pub.end = end;
  r->pub.unit = unit;
  if (neg && strcmp(val, "0") != 0) r->val[0] = '-';
  strcat(r->val, val);
  return GF_OK;
}

static int is_space_cp(int32_t cp) {
  return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || cp == 0xA0 ||
         (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x205F ||
         cp == 0x3000;
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
        !is_space_cp(cp))
      break;
    end = k;
  }
  return end;
}

static size_t sign_before(const char *t, size_t i);

/* Start of the number at i with a 负 before it (负三), else i. */
static size_t fu_start(const char *t, size_t i) {
  size_t sg = sign_before(t, i);
  return sg && lit(t + i - sg, sg, "负") ? i - sg : i;
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
  for (size_t k = 0; k < sizeof idioms / sizeof idioms[0]; k++)
    if (lit(t + i, n - i, idioms[k])) return 0;
  gf_unit_match u;
  if (gf_unit_read(t + e, n - e, 0, &u)) {
    /* 一村一品, 一户一档: slogans, not counts */
    if (lit(t + e + u.len, n - e - u.len, "一")) return 0;
    if (i > 0) {
      size_t p1 = prev_start(t, i), p2 = p1 ? prev_start(t, p1) : p1;
      if (p2 < p1 && lit(t + p2, p1 - p2, "一")) return 0;
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
  if (lit(t + e, n - e, "元") || lit(t + e, n - e, "圆")) return 1;
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
      a.value[0] == '0' || b.value[0] == '0' || lit(t + i, e - i, "两") ||
      lit(t + e, k, "两"))
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

/* The sign before a number at i, if any: its length, else 0. */
static size_t sign_before(const char *t, size_t i) {
  for (size_t k = 0; k < sizeof minus_signs / sizeof minus_signs[0]; k++) {
    size_t m = strlen(minus_signs[k]);
    if (i < m || memcmp(t + i - m, minus_signs[k], m) != 0) continue;
    if (is_ascii_alnum(cp_before(t, i - m))) return 0;
    return m;
  }
  return 0;
}

/* One number at i (a digit or a numeral character).  Returns the end of
 * what the scan should skip; *ok says whether a number was reported. */
static size_t one(const char *t, size_t n, const size_t *map, size_t i,
                  int *ok, size_t *rs, size_t *re, char *val, int *neg,
                  const char **unit) {
  gf_numeral num;
  int arabic = is_digit(t[i]);
  *ok = 0;
  if (arabic) {
    /* PM2.5, G20, COVID-19: a number glued to a Latin word is a name */
    int32_t pc = cp_before(t, i);
    if ((pc > 0 && pc < 0x80 && is_alpha((char)pc)) ||
        (pc == '-' && i >= 2 && is_alpha(t[i - 2])))
      return skip_run(t, n, i);
  }
  if (!gf_numeral_read(t + i, n - i, &num)) return skip_run(t, n, i);
  size_t e = i + num.len;
  memcpy(val, num.value, GF_NUM_MAX);
  if (arabic) {
    if (e < n && t[e] == '.' && e + 1 < n && is_digit(t[e + 1]))
      return skip_run(t, n, i); /* 1.2.3: a section number */
    gf_unit_match u;
    int has_unit = gf_unit_read(t + e, n - e, 1, &u);
    if (e < n && is_alpha(t[e]) && !has_unit)
      return skip_run(t, n, i); /* 5G, 4A */
    if (has_unit && num.mag_exp == 0 && u.mag_exp > 0) {
      /* 5千万, 3千人: the magnitude of a unit belongs to the value */
      char tmp[GF_NUM_MAX];
      if (!gf_decimal_shift(num.value, u.mag_exp, tmp, sizeof tmp)) {
        memcpy(val, tmp, GF_NUM_MAX);
        e += u.len - strlen(u.base);
      }
    }
  } else {
    size_t k = gf_numeral_char(t + e, n - e);
    size_t one_len = gf_numeral_char(t + i, n - i);
    gf_unit_match u;
    if (k && num.len == one_len && pair_ok(t, n, map, i, e, k, val)) {
      e += k;
    } else {
      if (k && !gf_unit_read(t + e, n - e, 0, &u))
        return skip_run(t, n, i); /* 十四五, 三五年, 七八个 */
      if (num.len == one_len &&
          !((num.flags & GF_NUMF_DAXIE) ? daxie_ok(t, n, i, e)
                                        : single_ok(t, n, i, e)))
        return e;
    }
  }
  *unit = "";
  size_t m;
  if (num.flags & GF_NUMF_PERCENT) {
    *unit = "%";
  } else if (num.flags & GF_NUMF_PERMILLE) {
    *unit = "‰";
  } else if ((m = lit(t + e, n - e, "%")) != 0) {
    *unit = "%";
    e += m;
  } else if ((m = lit(t + e, n - e, "‰")) != 0) {
    *unit = "‰";
    e += m;
  } else if ((m = lit(t + e, n - e, "个百分点")) != 0 ||
             (m = lit(t + e, n - e, "百分点")) != 0) {
    *unit = "个百分点";
    e += m;
  }
  size_t sg = sign_before(t, i);
  *neg = sg != 0;
  *rs = i - sg;
  *re = e;
  *ok = 1;
  /* step over a unit so that 千瓦 or km2 does not start a number */
  gf_unit_match u;
  if (gf_unit_read(t + e, n - e, 0, &u)) e += u.len;
  return e;
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
  size_t i = 0;
  while (i < n) {
    if (!is_digit(t[i]) && !gf_numeral_char(t + i, n - i)) {
      int32_t cp;
      size_t k = gf_utf8_decode(t + i, n - i, &cp);
      i += k ? k : 1;
      continue;
    }
    int ok, neg;
    size_t rs, re;
    char val[GF_NUM_MAX];
    const char *unit;
    size_t next = one(t, n, map, i, &ok, &rs, &re, val, &neg, &unit);
    if (ok) {
      rc = push(ns, map[rs], src_end(text, map, n, re), val, neg, unit);
      if (rc) goto fail;
    }
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

void gf_numbers_free(gf_numbers *nums) {
  if (!nums) return;
  gf_free(nums->v);
  gf_free(nums);
}
