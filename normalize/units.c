/* units.c - the unit vocabulary of the figure record contract: the unit
 * and base_unit columns.  A unit is an optional magnitude prefix (十 … 万亿)
 * and a base unit (元, 人次, 千瓦时, 个百分点 …).  Both are plain tables:
 * add a row to teach the extractor a new unit. */
#include <string.h>

#include "common/scan.h"
#include "normalize/normalize.h"

/* Short names for the flags in the table below. */
enum {
  PCT = GF_UNITF_PERCENT,
  PP = GF_UNITF_PP,
  TIME = GF_UNITF_TIME,
  MONEY = GF_UNITF_MONEY,
  RANK = GF_UNITF_RANK
};

/* Base units: measure words and physical units seen in the reports.  The
 * longest match wins.  ASCII units only match when no ASCII letter or
 * digit follows them.  Rows are in byte order (strcmp: ASCII first, then
 * by code point), so the units sharing a first character are neighbours
 * and base_at bisects to them instead of trying every row; add a row in
 * its place (gf_unit_table_check, run by test_units, names a misplaced
 * one). */
static const struct {
  const char *text;
  unsigned flags;
} bases[] = {
    {"%", PCT}, {"GW", 0}, {"GWh", 0}, {"MVA", 0}, {"MW", 0}, {"MWh", 0},
    {"TEU", 0},
    {"kV", 0}, {"kVA", 0}, {"kW", 0}, {"kWh", 0}, {"kg", 0}, {"km", 0},
    {"km2", 0}, {"m2", 0}, {"m3", 0}, {"mg", 0}, {"‰", PCT}, {"‱", PCT},
    {"个", 0}, {"个工作日", TIME}, {"个月", TIME}, {"个百分点", PP}, {"亩", 0},
    {"人", 0}, {"人公里", 0}, {"人次", 0}, {"件", 0}, {"份", 0}, {"位", RANK},
    {"例", 0}, {"倍", 0}, {"元", MONEY}, {"兆瓦", 0}, {"兆瓦时", 0}, {"克", 0},
    {"公斤", 0}, {"公里", 0}, {"公顷", 0}, {"册", 0}, {"分钟", TIME}, {"列", 0},
    {"匹", 0}, {"区", 0},
    {"千伏", 0}, {"千伏安", 0}, {"千克", 0}, {"千升", 0}, {"千瓦", 0},
    {"千瓦时", 0}, {"千米", 0},
    {"升", 0}, {"单", 0}, {"厘米", 0}, {"只", 0}, {"台", 0}, {"名", RANK},
    {"吨", 0}, {"吨公里", 0}, {"吨标准煤", 0}, {"周", TIME}, {"园", 0},
    {"场", 0}, {"块", 0}, {"处", 0}, {"天", TIME}, {"头", 0}, {"套", 0},
    {"宗", 0}, {"家", 0}, {"家次", 0}, {"小时", TIME}, {"岁", 0},
    {"工作日", TIME}, {"幢", 0},
    {"平方公里", 0}, {"平方千米", 0}, {"平方米", 0}, {"年", TIME}, {"床", 0},
    {"座", 0}, {"张", 0}, {"张床", 0}, {"微克/立方米", 0},
    {"户", 0}, {"户次", 0}, {"所", 0}, {"批", 0}, {"支", 0}, {"斤", 0},
    {"日", TIME}, {"日元", MONEY}, {"期", 0}, {"本", 0}, {"村", 0}, {"条", 0},
    {"枚", 0}, {"架", 0}, {"架次", 0}, {"标准箱", 0}, {"标箱", 0}, {"栋", 0},
    {"株", 0}, {"棵", 0}, {"次", 0}, {"欧元", MONEY},
    {"毫克/立方米", 0}, {"毫米", 0}, {"港", 0}, {"港元", MONEY}, {"百分点", PP},
    {"盏", 0}, {"种", 0}, {"立方米", 0}, {"笔", 0}, {"篇", 0}, {"米", 0},
    {"类", 0}, {"级", 0}, {"美元", MONEY}, {"航次", 0}, {"艘", 0},
    {"英镑", MONEY}, {"起", 0}, {"辆", 0}, {"辆次", 0}, {"部", 0},
    {"重量箱", 0}, {"镇", 0}, {"门", 0}, {"间", 0}, {"队", 0}, {"院", 0},
    {"项", 0}, {"首", 0},
};
#define N_BASES (sizeof bases / sizeof bases[0])

/* Magnitude prefixes.  bare: may stand without a base unit when the caller
 * allows it (3.7万, 5千万); a bare 千 百 十 is never a unit. */
static const struct {
  const char *text;
  int exp;
  int bare;
} mags[] = {
    {"万亿", 12, 1}, {"千亿", 11, 1}, {"百亿", 10, 1}, {"十亿", 9, 1},
    {"亿", 8, 1},    {"千万", 7, 1},  {"百万", 6, 1},  {"十万", 5, 1},
    {"万", 4, 1},    {"千", 3, 0},    {"百", 2, 0},    {"十", 1, 0},
};

static int is_ascii_alnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
         (c >= 'A' && c <= 'Z');
}

/* Byte length of the UTF-8 character that lead byte c starts (1 for ASCII
 * and for a byte that starts none). */
static size_t lead_len(unsigned char c) {
  return c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
}

/* Compares the first n bytes of row text t (fewer when t is shorter) with
 * key k[0..n) in byte order: < 0, 0 (t starts with k) or > 0. */
static int cmp_key(const char *t, const char *k, size_t n) {
  for (size_t i = 0; i < n; i++) {
    if (t[i] == '\0') return -1;
    if (t[i] != k[i])
      return (unsigned char)t[i] < (unsigned char)k[i] ? -1 : 1;
  }
  return 0;
}

/* Longest base unit at s; its table index in *k.  0 when none.  A row
 * that matches starts with the whole first character of s, so only the
 * run of rows beginning with it (the table is sorted) is tried. */
static size_t base_at(const char *s, size_t len, size_t *k) {
  if (len == 0) return 0;
  size_t c = lead_len((unsigned char)s[0]);
  if (c > len) c = len;
  size_t lo = 0, hi = N_BASES;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (cmp_key(bases[mid].text, s, c) < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  size_t best = 0;
  for (size_t i = lo; i < N_BASES; i++) {
    if (cmp_key(bases[i].text, s, c) != 0) break;
    size_t n = gf_lit(s, len, bases[i].text);
    if (n <= best) continue;
    if (is_ascii_alnum(s[n - 1]) && n < len && is_ascii_alnum(s[n]))
      continue; /* "km" in "kms" */
    best = n;
    *k = i;
  }
  return best;
}

/* Test hook (test_units): checks what base_at relies on.  Returns the
 * index of the first row that is empty, shorter than its lead byte says,
 * or not after the row before it in byte order; N_BASES when all are
 * fine.  *text (NULL allowed) gets that row's text. */
size_t gf_unit_table_check(const char **text) {
  for (size_t i = 0; i < N_BASES; i++) {
    const char *t = bases[i].text;
    size_t n = strlen(t);
    if (n == 0 || lead_len((unsigned char)t[0]) > n ||
        (i > 0 && strcmp(bases[i - 1].text, t) >= 0)) {
      if (text) *text = t;
      return i;
    }
  }
  if (text) *text = NULL;
  return N_BASES;
}

int gf_unit_read(const char *s, size_t len, int allow_bare_mag,
                 gf_unit_match *out) {
  if (!out) return 0;
  out->len = 0;
  out->mag_exp = 0;
  out->base = "";
  out->flags = 0;
  if (!s || len == 0) return 0;
  /* Candidates compare by total length, then by base length: 千米 is the
   * base unit 千米, not 千 + 米, and 万千瓦 is 万 + 千瓦. */
  size_t best = 0, best_base = 0, k = 0;
  size_t n = base_at(s, len, &k);
  if (n) {
    best = best_base = n;
    out->len = n;
    out->base = bases[k].text;
    out->flags = bases[k].flags;
  }
  for (size_t i = 0; i < sizeof mags / sizeof mags[0]; i++) {
    size_t m = gf_lit(s, len, mags[i].text);
    if (!m) continue;
    size_t b = base_at(s + m, len - m, &k);
    if (b && (m + b > best || (m + b == best && b > best_base))) {
      best = m + b;
      best_base = b;
      out->len = best;
      out->mag_exp = mags[i].exp;
      out->base = bases[k].text;
      out->flags = bases[k].flags;
    } else if (!b && allow_bare_mag && mags[i].bare && m > best) {
      best = m;
      best_base = 0;
      out->len = m;
      out->mag_exp = mags[i].exp;
      out->base = "";
      out->flags = 0;
    }
  }
  return out->len > 0;
}
