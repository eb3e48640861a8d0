/* units.c - the unit vocabulary of the figure record contract: the unit
 * and base_unit columns.  A unit is an optional magnitude prefix (十 … 万亿)
 * and a base unit (元, 人次, 千瓦时, 个百分点 …).  Both are plain tables:
 * add a row to teach the extractor a new unit. */
#include <string.h>

#include "normalize/normalize.h"

/* Base units: measure words and physical units seen in the reports.  Order
 * does not matter (the longest match wins).  ASCII units only match when no
 * ASCII letter or digit follows them. */
static const struct {
  const char *text;
  unsigned flags;
} bases[] = {
    /* rates and shares */
    {"%", GF_UNITF_PERCENT}, {"‰", GF_UNITF_PERCENT},
    {"个百分点", GF_UNITF_PP}, {"百分点", GF_UNITF_PP},
    /* money */
    {"元", GF_UNITF_MONEY}, {"美元", GF_UNITF_MONEY},
    {"欧元", GF_UNITF_MONEY}, {"港元", GF_UNITF_MONEY},
    {"日元", GF_UNITF_MONEY}, {"英镑", GF_UNITF_MONEY},
    /* time */
    {"年", GF_UNITF_TIME}, {"个月", GF_UNITF_TIME}, {"天", GF_UNITF_TIME},
    {"日", GF_UNITF_TIME}, {"小时", GF_UNITF_TIME},
    {"分钟", GF_UNITF_TIME}, {"周", GF_UNITF_TIME},
    {"个工作日", GF_UNITF_TIME}, {"工作日", GF_UNITF_TIME},
    /* rank */
    {"位", GF_UNITF_RANK}, {"名", GF_UNITF_RANK},
    /* counts */
    {"个", 0}, {"家", 0}, {"户", 0}, {"人", 0}, {"人次", 0}, {"项", 0},
    {"处", 0}, {"座", 0}, {"条", 0}, {"套", 0}, {"场", 0}, {"次", 0},
    {"台", 0}, {"辆", 0}, {"艘", 0}, {"架", 0}, {"件", 0}, {"张", 0},
    {"本", 0}, {"册", 0}, {"篇", 0}, {"部", 0}, {"所", 0}, {"栋", 0},
    {"幢", 0}, {"间", 0}, {"枚", 0}, {"只", 0}, {"头", 0}, {"匹", 0},
    {"株", 0}, {"棵", 0}, {"岁", 0}, {"级", 0}, {"批", 0}, {"期", 0},
    {"类", 0}, {"种", 0}, {"块", 0}, {"宗", 0}, {"笔", 0}, {"份", 0},
    {"支", 0}, {"队", 0}, {"村", 0}, {"区", 0}, {"镇", 0}, {"港", 0},
    {"列", 0}, {"园", 0}, {"院", 0}, {"床", 0}, {"张床", 0},
    {"例", 0}, {"起", 0}, {"单", 0}, {"首", 0}, {"门", 0},
    {"盏", 0}, {"辆次", 0}, {"架次", 0}, {"航次", 0}, {"户次", 0},
    {"家次", 0}, {"倍", 0},
    /* area, length, volume */
    {"亩", 0}, {"公顷", 0}, {"平方米", 0}, {"平方公里", 0},
    {"平方千米", 0}, {"立方米", 0}, {"公里", 0}, {"千米", 0}, {"米", 0},
    {"厘米", 0}, {"毫米", 0}, {"升", 0}, {"千升", 0},
    {"km", 0}, {"m2", 0}, {"m3", 0}, {"km2", 0},
    /* mass, energy, freight */
    {"吨", 0}, {"千克", 0}, {"公斤", 0}, {"斤", 0}, {"克", 0}, {"吨标准煤", 0},
    {"千瓦", 0}, {"千瓦时", 0}, {"兆瓦", 0}, {"兆瓦时", 0}, {"千伏安", 0},
    {"千伏", 0}, {"kW", 0}, {"kWh", 0}, {"MW", 0}, {"MWh", 0}, {"GW", 0},
    {"GWh", 0}, {"kV", 0}, {"kVA", 0}, {"MVA", 0},
    {"标准箱", 0}, {"标箱", 0}, {"TEU", 0}, {"重量箱", 0}, {"吨公里", 0},
    {"人公里", 0},
    /* concentrations */
    {"微克/立方米", 0}, {"毫克/立方米", 0},
};

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

/* The table scans call this for every entry: two cheap byte checks
 * first, as most Han characters share their lead byte. */
static size_t lit(const char *s, size_t len, const char *t) {
  if (len == 0 || s[0] != t[0]) return 0;
  if (t[1] != '\0' && (len < 2 || s[1] != t[1])) return 0;
  size_t n = strlen(t);
  return n <= len && memcmp(s, t, n) == 0 ? n : 0;
}

/* Longest base unit at s; its table index in *k.  0 when none. */
static size_t base_at(const char *s, size_t len, size_t *k) {
  size_t best = 0;
  for (size_t i = 0; i < sizeof bases / sizeof bases[0]; i++) {
    size_t n = lit(s, len, bases[i].text);
    if (n <= best) continue;
    if (is_ascii_alnum(s[n - 1]) && n < len && is_ascii_alnum(s[n]))
      continue; /* "km" in "kms" */
    best = n;
    *k = i;
  }
  return best;
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
    size_t m = lit(s, len, mags[i].text);
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
