/* figures.c - number + unit + bound/comparison -> figure rows
 * (records.md section 1).
 *
 * Per paragraph: normalize (keeping the offset map back to the page text),
 * update the heading path, then scan numbers with a PCRE2 pattern, read
 * each exactly (normalize/numerals.c) with its unit (normalize/units.c) and
 * decide from the words around it whether it is a figure, what it measures
 * and what it is a figure of.  Word lists live in vocab.c. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/extract.h"
#include "extract/regex.h"
#include "extract/sections.h"
#include "extract/vocab.h"
#include "normalize/normalize.h"

/* Where a number may start: a digit, a Chinese numeral, a percent form. */
static const char NUM_START[] =
    "[0-9零〇○一二两兩三四五六七八九十百千壹贰叁肆伍陆柒捌玖拾]";
/* Range connectors between two numbers: 5%—6%, 5 至 6 万人. */
static const char *const RANGE_WORDS[] = {"—", "–", "-", "~", "～", "至",
                                          "到", "―", "－", NULL};
/* After a number, words that make it a date, an ordinal or a name. */
static const char *const NOT_AFTER[] = {
    "月", "日", "号", "时", "届", "强", "+", "大", "点", "季度", "周年",
    "次会议", "型", "后", "代", "线", "路", "中", "岁", "周岁", NULL};

/* Before a number, words that make it a reference, not an amount. */
static const char *const NOT_BEFORE[] = {"表", "图", "附件", "附表", "附图",
                                         "编号", "注", "国道", "省道", NULL};

/* Names too generic to stand alone: 增速 is the rate of the subject. */
static const char *const GENERIC_NAMES[] = {"增速", "增幅", "比重", "占比",
                                            "总量", "增长率", NULL};

/* After a Chinese numeral, measure words that name things (二期 三区). */
static const char *const NAME_SUFFIX[] = {
    "期", "级", "队", "区", "港", "园", "院", "村", "镇", "届", "批", "类",
    "种", "代", "部", "线", "号", "核", "心", "力", "朵", "星", "次产业",
    "倍子", NULL};

static const char *const MEASURES[] = {"level", "growth", "change_pp",
                                       "share", "rank", "duration"};
enum { M_LEVEL, M_GROWTH, M_PP, M_SHARE, M_RANK, M_DURATION };
static const char *const BOUNDS[] = {"exact", "over",  "at_least",
                                     "about", "under", "at_most"};

/* Row strings live in blocks owned by the gf_figures: one allocation per
 * many rows instead of eleven per row. */
typedef struct block {
  struct block *next;
  size_t used, cap;
  char data[];
} block;

struct gf_figures {
  gf_figure *rows;
  size_t n, cap;
  char *doc;
  block *blocks;
};

/* Copies s[0..n) into the arena, NUL-terminated; NULL when out of memory. */
static const char *keep(gf_figures *o, const char *s, size_t n) {
  block *b = o->blocks;
  if (!b || b->cap - b->used < n + 1) {
    size_t cap = n + 1 > 16384 ? n + 1 : 16384;
    block *nb = gf_malloc(sizeof *nb + cap);
    if (!nb) return NULL;
    nb->next = b;
    nb->used = 0;
    nb->cap = cap;
    o->blocks = b = nb;
  }
  char *d = b->data + b->used;
  memcpy(d, s, n);
  d[n] = '\0';
  b->used += n + 1;
  return d;
}

static const char *keep_str(gf_figures *o, const char *s) {
  return keep(o, s, strlen(s));
}

/* One number as read, with what surrounds it. */
typedef struct cand {
  size_t a, b;          /* raw span in the normalized text */
  char value[GF_NUM_MAX], value_max[GF_NUM_MAX];
  char unit[64], base_unit[64];
  int mag_exp;
  unsigned unit_flags;
  int measure, bound, negative;
  char comparison[96];
} cand;

#define MAX_CLAUSES 128 /* clause starts remembered per sentence */

typedef struct finder {
  const struct gf_doc *doc;
  gf_figures *out;
  gf_sections sect;
  gf_re *re_num;
  gf_re *re_cmp;
  /* the paragraph being read */
  const gf_para *para;
  const char *t;  /* normalized text */
  size_t len;
  size_t *map;    /* normalized byte -> paragraph byte */
  char *section;
  /* the sentence being read */
  size_t sent_a, sent_b;
  const char *section_kept; /* section in the arena, shared by its rows */
  const char *sentence_kept;
  int sent_kind, sent_period; /* of the sentence; kind -1: not yet known */
  int section_plan;           /* five-year plan the headings name, or -1 */
  const gf_tables *tables;    /* their glyphs are read as tables, not prose */
  gf_page_context *pages;     /* per page, for the figures of tables */
  size_t pages_done;
  char subject[192];  /* last explicit indicator in the sentence */
  char last_ind[192]; /* indicator of the sentence's previous row */
  struct cand last;   /* the previous figure in the sentence */
  size_t clauses[MAX_CLAUSES]; /* clause starts of the sentence, ascending */
  size_t n_clauses;           /* 0: too many, clause_start walks back */
  int err;
} finder;


/* ---------------------------------------------------------------- helpers */

/* dst = src, cut to cap - 1 bytes like snprintf "%s" but without the
 * formatting machinery (it runs several times for every figure). */
static void copy_str(char *dst, size_t cap, const char *src) {
  size_t n = strlen(src);
  if (n >= cap) n = cap - 1;
  memcpy(dst, src, n);
  dst[n] = '\0';
}

/* Whether word w stands at t+at (t has len bytes).  Compared byte by byte:
 * most calls fail on the first or second byte, so no strlen up front. */
static int starts(const char *t, size_t len, size_t at, const char *w) {
  for (size_t i = 0; w[i]; i++)
    if (at + i >= len || t[at + i] != w[i]) return 0;
  return 1;
}

static int ends(const char *t, size_t at, size_t from, const char *w) {
  if (at <= from) return 0;
  size_t wl = strlen(w);
  if (w[wl - 1] != t[at - 1]) return 0; /* cheap last-byte filter */
  return at >= from + wl && memcmp(t + at - wl, w, wl) == 0;
}

/* Longest word of a table that starts at t+at; returns its length. */
static size_t word_at(const char *t, size_t len, size_t at,
                      const char *const *words) {
  size_t best = 0;
  for (size_t i = 0; words[i]; i++)
    if (starts(t, len, at, words[i]) && strlen(words[i]) > best)
      best = strlen(words[i]);
  return best;
}

static size_t kind_at(const char *t, size_t len, size_t at,
                      const gf_word_kind *words, int *kind) {
  size_t best = 0;
  for (size_t i = 0; words[i].word; i++) {
    size_t wl = words[i].len;
    if (wl <= best || at + wl > len || t[at] != words[i].word[0] ||
        memcmp(t + at, words[i].word, wl) != 0)
      continue;
    best = wl;
    *kind = words[i].kind;
  }
  return best;
}

static size_t kind_before(const char *t, size_t from, size_t at,
                          const gf_word_kind *words, int *kind) {
  size_t best = 0;
  for (size_t i = 0; words[i].word; i++) {
    size_t wl = words[i].len;
    if (wl <= best || at < from + wl || t[at - 1] != words[i].word[wl - 1] ||
        memcmp(t + at - wl, words[i].word, wl) != 0)
      continue;
    best = wl;
    *kind = words[i].kind;
  }
  return best;
}

static size_t word_before(const char *t, size_t from, size_t at,
                          const char *const *words) {
  size_t best = 0;
  for (size_t i = 0; words[i]; i++)
    if (ends(t, at, from, words[i]) && strlen(words[i]) > best)
      best = strlen(words[i]);
  return best;
}

/* word_at / word_before for lists whose byte lengths are known (vocab.c's
 * X-macro lists): no strlen, and the last or first byte is checked first. */
static size_t word_at_n(const char *t, size_t len, size_t at,
                        const char *const *words, const unsigned char *lens) {
  size_t best = 0;
  for (size_t i = 0; words[i]; i++) {
    size_t wl = lens[i];
    if (wl > best && at + wl <= len && t[at] == words[i][0] &&
        memcmp(t + at, words[i], wl) == 0)
      best = wl;
  }
  return best;
}

static size_t word_before_n(const char *t, size_t from, size_t at,
                            const char *const *words,
                            const unsigned char *lens) {
  size_t best = 0;
  for (size_t i = 0; words[i]; i++) {
    size_t wl = lens[i];
    if (wl > best && at >= from + wl && t[at - 1] == words[i][wl - 1] &&
        memcmp(t + at - wl, words[i], wl) == 0)
      best = wl;
  }
  return best;
}

static int has_word(const char *t, size_t a, size_t b,
                    const char *const *words) {
  for (size_t i = a; i < b; i++)
    if (word_at(t, b, i, words)) return 1;
  return 0;
}

static size_t char_len(unsigned char c) {
  return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

static size_t prev_char(const char *t, size_t at) {
  if (at == 0) return 0;
  do at--;
  while (at > 0 && ((unsigned char)t[at] & 0xC0) == 0x80);
  return at;
}

static int is_ascii_alnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
         (c >= 'A' && c <= 'Z');
}

static int is_han_at(const char *t, size_t len, size_t at) {
  int32_t cp;
  return at < len && gf_utf8_decode(t + at, len - at, &cp) && gf_is_han(cp);
}

/* Clause and sentence marks, read straight from their bytes (every
 * character is tested, so no table walk): ，：, : end a clause; 。；！？;
 * end a sentence and a clause. */
enum { MARK_CLAUSE = 1, MARK_SENTENCE = 2 };

static int mark_at(const char *t, size_t len, size_t i, size_t *mlen) {
  const unsigned char *u = (const unsigned char *)t + i;
  *mlen = 1;
  switch (u[0]) {
  case ',':
  case ':':
    return MARK_CLAUSE;
  case ';':
    return MARK_CLAUSE | MARK_SENTENCE;
  case 0xE3: /* 。 E3 80 82 */
    *mlen = 3;
    return i + 3 <= len && u[1] == 0x80 && u[2] == 0x82
               ? MARK_CLAUSE | MARK_SENTENCE
               : 0;
  case 0xEF: /* full-width forms EF BC xx */
    *mlen = 3;
    if (i + 3 > len || u[1] != 0xBC) return 0;
    switch (u[2]) {
    case 0x8C: /* ， */
    case 0x9A: /* ： */
      return MARK_CLAUSE;
    case 0x9B: /* ； */
    case 0x81: /* ！ */
    case 0x9F: /* ？ */
      return MARK_CLAUSE | MARK_SENTENCE;
    }
    return 0;
  }
  return 0;
}

/* The byte length of the clause mark at t+i, or 0. */
static size_t clause_mark(const char *t, size_t len, size_t i) {
  size_t n;
  return mark_at(t, len, i, &n) ? n : 0;
}

/* The byte length of the sentence mark at t+i, or 0. */
static size_t sentence_mark(const char *t, size_t len, size_t i) {
  size_t n;
  return mark_at(t, len, i, &n) & MARK_SENTENCE ? n : 0;
}

static size_t clause_start(const char *t, size_t from, size_t at) {
  size_t i = at;
  while (i > from) {
    size_t p = prev_char(t, i);
    if (clause_mark(t, i, p)) return i;
    i = p;
  }
  return from;
}

/* Clause starts of the sentence being read, found once per sentence
 * (numbers ask for theirs many times). */
static void find_clauses(struct finder *f);
static size_t clause_of(const struct finder *f, size_t at);

static size_t clause_end(const char *t, size_t len, size_t at) {
  for (size_t i = at; i < len; i += char_len((unsigned char)t[i]))
    if (clause_mark(t, len, i)) return i;
  return len;
}

/* ------------------------------------------------------------- indicator */

static size_t han_count(const char *t, size_t a, size_t b);

/* Trims lead and trail words, brackets and list marks from t[*a..*b). */
static void trim(const char *t, size_t *a, size_t *b) {
  /* text flattened from a table or glued to a title: keep what follows
   * the last number */
  for (size_t i = *b; i > *a;) {
    i--;
    if (t[i] >= '0' && t[i] <= '9') {
      int name = i + 1 < *b && is_ascii_alnum(t[i + 1]); /* 5G基站 */
      if (!name && han_count(t, i + 1, *b) >= 2) *a = i + 1;
      break;
    }
  }
  for (int changed = 1; changed && *a < *b;) {
    changed = 0;
    size_t w = word_before_n(t, *a, *b, GF_TRAIL_WORDS, GF_TRAIL_LENS);
    if (!w) w = word_before(t, *a, *b, (const char *const[]){
                                          "、", "和", "及", "与", "或", " ",
                                          "（", "(", "“", NULL});
    if (w && *b - w >= *a) {
      *b -= w;
      changed = 1;
    }
    w = word_at_n(t, *b, *a, GF_LEAD_WORDS, GF_LEAD_LENS);
    if (!w) w = word_at(t, *b, *a, (const char *const[]){
                                       "、", "”", "）", ")", " ", NULL});
    if (w && *a + w <= *b) {
      *a += w;
      changed = 1;
    }
  }
}

static size_t han_count(const char *t, size_t a, size_t b) {
  size_t n = 0;
  for (size_t i = a; i < b; i += char_len((unsigned char)t[i]))
    if (is_han_at(t, b, i)) n++;
  return n;
}

/* Keeps at most max characters from the end of t[a..b). */
static size_t keep_tail(const char *t, size_t a, size_t b, size_t max) {
  size_t n = 0, i = b;
  while (i > a && n < max) {
    i = prev_char(t, i);
    n++;
  }
  return i < a ? a : i;
}

static void set_text(char *dst, size_t cap, const char *t, size_t a,
                     size_t b) {
  size_t n = b > a ? b - a : 0;
  if (n >= cap) { /* cut on a character boundary */
    n = cap - 1;
    while (n > 0 && ((unsigned char)t[a + n] & 0xC0) == 0x80) n--;
  }
  memcpy(dst, t + a, n);
  dst[n] = '\0';
}

/* Drops footnote markers ("生产总值[2]") from an indicator, in place. */
static void drop_notes(char *s) {
  char *w = s;
  for (char *r = s; *r;) {
    if (*r == '[') {
      char *q = r + 1;
      while (*q >= '0' && *q <= '9') q++;
      if (q > r + 1 && *q == ']') {
        r = q + 1;
        continue;
      }
    }
    *w++ = *r++;
  }
  *w = '\0';
}

/* The phrase a figure measures: the clause text before the number with
 * verbs and comparison words trimmed; when that is empty or ends in 等
 * ("…等 181 个重点项目开工建设") the noun after the unit; else the
 * sentence's last subject. */
static void indicator(finder *f, const cand *c, size_t seg_a, size_t cmp_a,
                      char *out, size_t cap) {
  const char *t = f->t;
  size_t a = seg_a, b = cmp_a;
  /* a rank's cue words (排名全市) are no part of the name */
  if (c->measure == M_RANK) {
    for (size_t w; (w = word_before(t, a, b, GF_RANK_CUES)) != 0 &&
                   b - w > a;)
      b -= w;
    for (size_t w; (w = word_before(t, a, b, (const char *const[]){
                                                 "均", "总量", NULL})) != 0 &&
                   b - w > a;)
      b -= w;
  }
  trim(t, &a, &b);
  int ends_deng = ends(t, b, a, "等") || ends(t, b, a, "等等");
  if (ends_deng) {
    b -= strlen("等");
    trim(t, &a, &b);
  }
  /* "…、国联股份等龙头企业 18 家": the noun after the last 等 */
  for (size_t i = b; i > a;) {
    i = prev_char(t, i);
    if (starts(t, b, i, "等") && han_count(t, i + 3, b) >= 2) {
      a = i + 3;
      break;
    }
  }
  int listy = 0; /* a list of names before the number: 朱家村、甄家村两个… */
  for (size_t i = a; i < b; i += char_len((unsigned char)t[i]))
    if (starts(t, b, i, "、")) listy = 1;
  if (c->measure == M_RANK && f->subject[0] &&
      (han_count(t, a, b) < 3 || word_at(t, b, a, (const char *const[]){
                                             "总量", "增速", "总数", NULL}))) {
    copy_str(out, cap, f->subject);
    return;
  }
  /* the noun after the unit */
  size_t x = c->b, y = clause_end(t, f->sent_b, c->b);
  static const char *const AFTER_STOP[] = {"、", "（", NULL};
  size_t n_after = 0; /* only the first 16 characters are ever kept */
  for (size_t i = x; i < y; i += char_len((unsigned char)t[i]), n_after++)
    if (n_after == 16 || word_at(t, y, i, AFTER_STOP) ||
        (t[i] >= '0' && t[i] <= '9') || gf_numeral_char(t + i, y - i)) {
      y = i;
      break;
    }
  while (x < y && word_at(t, y, x, (const char *const[]){"的", NULL})) x += 3;
  int has_after = han_count(t, x, y) >= 2 &&
                  (c->measure == M_LEVEL || c->measure == M_DURATION);
  size_t nb = han_count(t, a, b);
  int verb_end = word_before(t, a, b, GF_COUNT_VERBS) != 0;
  if (nb >= 2 && !ends_deng &&
      !(has_after && (listy || nb <= 2 || verb_end))) {
    a = keep_tail(t, a, b, 24);
    set_text(out, cap, t, a, b);
    return;
  }
  if (has_after) {
    size_t e = x, n = 0;
    while (e < y && n < 16) {
      e += char_len((unsigned char)t[e]);
      n++;
    }
    set_text(out, cap, t, x, e);
    return;
  }
  if (han_count(t, a, b) >= 2) {
    set_text(out, cap, t, a, b);
    return;
  }
  /* "…比重达到18.5%，比上年提高1.3个百分点": a change without a subject
   * is a change of the figure before it */
  int change = c->measure == M_GROWTH || c->measure == M_PP;
  copy_str(out, cap, change && f->last_ind[0] ? f->last_ind
                                                    : f->subject);
}

/* ------------------------------------------------------------ the number */

/* The comparison phrase ending right before the number (or before its
 * bound word): sets measure cues, sign and the comparison text. */
/* Words between a comparison's verb and the number that keep the verb's
 * sense: 了 达 为 到 分别 均 (增长速度为 4.5%). */
static const char *const GLUE[] = {"了", "达到", "达", "为", "到", "分别",
                                   "均", "在", "约", "近", "超过", "超",
                                   "幅度", "速度", "率", NULL};
/* How a 高于全市平均水平 phrase may end. */
static const char *const ABOVE_END[] = {"平均水平", "平均", "全市", "全省",
                                        "全国", "全州", "全区", "全县", NULL};

/* A quick test before the pattern runs: whether, glue words aside, a
 * growth verb or a 高于… phrase ends right before the number. */
static int comparison_may_end(const char *t, size_t from, size_t at) {
  for (;;) {
    int k;
    if (kind_before(t, from, at, GF_GROWTH_VERBS, &k) ||
        word_before(t, from, at, ABOVE_END))
      return 1;
    size_t w = word_before(t, from, at, GLUE);
    if (!w) return 0;
    at -= w;
  }
}

static size_t comparison(finder *f, size_t from, size_t at, cand *c) {
  if (!comparison_may_end(f->t, from, at)) return at;
  size_t ov[2], pos = from, best_a = SIZE_MAX, best_b = 0;
  while (gf_re_find(f->re_cmp, f->t, at, pos, ov, 1) == 1) {
    best_a = ov[0];
    best_b = ov[1];
    pos = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
    if (pos >= at) break;
  }
  if (best_a == SIZE_MAX) return at;
  /* only words between the verb and the number that keep the verb's sense:
   * 了 达 为 到 分别 均 (增长速度为 4.5%) */
  size_t gap = best_b;
  for (size_t w; gap < at && (w = word_at(f->t, at, gap, GLUE)) != 0;)
    gap += w;
  if (gap < at) return at;
  int kind = 0;
  for (size_t i = best_a; i < best_b; i += char_len((unsigned char)f->t[i])) {
    int k = 0;
    if (kind_at(f->t, best_b, i, GF_GROWTH_VERBS, &k)) kind = k;
  }
  c->negative = kind == GF_CMP_DOWN;
  /* comparison text without 分别 */
  size_t n = 0;
  for (size_t i = best_a; i < best_b && n + 4 < sizeof c->comparison;) {
    if (starts(f->t, best_b, i, "分别")) {
      i += strlen("分别");
      continue;
    }
    c->comparison[n++] = f->t[i++];
  }
  c->comparison[n] = '\0';
  return best_a;
}

static int is_date_year(const gf_numeral *nr, const char *t, size_t len,
                        size_t after) {
  size_t n = strlen(nr->value);
  return n == 4 && !strchr(nr->value, '.') &&
         (nr->value[0] == '1' || nr->value[0] == '2') &&
         (starts(t, len, after, "年") || starts(t, len, after, "-") ||
          starts(t, len, after, "—") || starts(t, len, after, "～") ||
          starts(t, len, after, "至"));
}

/* Reads the unit (with 余/多 and a parenthetical allowed before it) at
 * position p of the number nr that started at s; fills c. */
static size_t read_unit(finder *f, const gf_numeral *nr, size_t s, cand *c) {
  const char *t = f->t;
  size_t len = f->sent_b;
  size_t p = s + nr->mag_off;
  gf_unit_match um;
  int bk = 0;
  /* 10.72（含南山、高新）万吨: a short parenthetical before the unit */
  if (nr->mag_exp == 0 && starts(t, len, p, "（")) {
    size_t q = p;
    while (q < len && q - p < 90 && !starts(t, len, q, "）"))
      q += char_len((unsigned char)t[q]);
    if (starts(t, len, q, "）") &&
        gf_unit_read(t + q + 3, len - q - 3, 0, &um) && um.mag_exp >= 0) {
      size_t ul = um.len;
      set_text(c->unit, sizeof c->unit, t, q + 3, q + 3 + ul);
      copy_str(c->base_unit, sizeof c->base_unit, um.base);
      c->mag_exp = um.mag_exp;
      c->unit_flags = um.flags;
      return q + 3 + ul;
    }
  }
  size_t inside = kind_at(t, len, p, GF_BOUND_INSIDE, &bk);
  if (nr->mag_exp) {
    /* 3.7万户, 11万余人次, 5亿 */
    size_t ml = nr->len - nr->mag_off;
    size_t q = p + ml;
    size_t in2 = kind_at(t, len, q, GF_BOUND_INSIDE, &bk);
    if (gf_unit_read(t + q + in2, len - q - in2, 0, &um) && um.mag_exp == 0) {
      gf_buf u = {0};
      gf_buf_put(&u, t + p, ml);
      gf_buf_put(&u, t + q + in2, um.len);
      set_text(c->unit, sizeof c->unit, u.p ? u.p : "", 0, u.len);
      gf_buf_free(&u);
      copy_str(c->base_unit, sizeof c->base_unit, um.base);
      c->mag_exp = nr->mag_exp;
      c->unit_flags = um.flags;
      if (in2) c->bound = bk;
      return q + in2 + um.len;
    }
    /* bare magnitude: 5亿 */
    set_text(c->unit, sizeof c->unit, t, p, q);
    c->base_unit[0] = '\0';
    c->mag_exp = nr->mag_exp;
    if (in2) c->bound = bk;
    return q + in2;
  }
  if (gf_unit_read(t + p + inside, len - p - inside, 1, &um)) {
    set_text(c->unit, sizeof c->unit, t, p + inside, p + inside + um.len);
    copy_str(c->base_unit, sizeof c->base_unit, um.base);
    c->mag_exp = um.mag_exp;
    c->unit_flags = um.flags;
    if (inside) c->bound = bk;
    return p + inside + um.len;
  }
  return 0;
}

/* Is the number at s (already read as nr) a figure?  Fills c. */
static int read_figure(finder *f, size_t s, const gf_numeral *nr, cand *c) {
  const char *t = f->t;
  size_t len = f->sent_b;
  size_t after = s + nr->len;
  memset(c, 0, sizeof *c);
  c->a = s;
  copy_str(c->value, sizeof c->value, nr->core);

  /* names and codes: PM2.5, 5G, G20, “4433”, [2], 1+2 */
  char before = s > 0 ? t[s - 1] : ' ';
  if (is_ascii_alnum(before) || before == '.' || before == '+' ||
      before == '[' || before == '/')
    return 0;
  if (after < len && (is_ascii_alnum(t[after]) || t[after] == ']' ||
                      t[after] == '/' || t[after] == '.'))
    return 0;
  if (ends(t, s, f->sent_a, "“") && !(nr->flags & GF_NUMF_CHINESE)) {
    gf_unit_match um;
    if (!gf_unit_read(t + after, len - after, 1, &um)) return 0;
  }
  /* Chinese numerals that are words: 一 (一批 一个 统一), 十四五, 二十大 */
  if (nr->flags & GF_NUMF_CHINESE) {
    if (!(nr->flags & (GF_NUMF_PERCENT | GF_NUMF_PERMILLE)) &&
        strcmp(nr->value, "1") == 0 && !ends(t, s, f->sent_a, "第"))
      return 0;
    gf_numeral next;
    if (gf_numeral_read(t + after, len - after, &next)) return 0;
    /* 二期 三队 二级 陆港: phases, names and 大写 look-alikes */
    if ((nr->flags & GF_NUMF_DAXIE) && nr->len <= 3) return 0;
    if (word_at(t, len, after, NAME_SUFFIX)) return 0;
    if (ends(t, s, f->sent_a, "前") || ends(t, s, f->sent_a, "后") ||
        ends(t, s, f->sent_a, "近"))
      return 0;
  }
  if (is_date_year(nr, t, len, after)) return 0;
  /* list markers: 1. 1、 （1） at a clause start */
  if (starts(t, len, after, "、") || starts(t, len, after, "）") ||
      starts(t, len, after, ")"))
    if (nr->mag_exp == 0) return 0;

  /* 表2 图1 附件3: captions and references */
  if (word_before(t, f->sent_a, s, NOT_BEFORE)) return 0;
  int is_rank = ends(t, s, f->sent_a, "第");
  if (is_rank) {
    size_t cs = clause_of(f, s);
    size_t pre = s - strlen("第");
    int cue = has_word(t, cs, pre, GF_RANK_CUES);
    gf_unit_match um;
    int has_unit = gf_unit_read(t + after, len - after, 0, &um);
    int rank_unit = has_unit && (um.flags & GF_UNITF_RANK);
    if (!cue || (has_unit && !rank_unit)) return 0;
    size_t e = after;
    if (rank_unit) {
      set_text(c->unit, sizeof c->unit, t, after, after + um.len);
      copy_str(c->base_unit, sizeof c->base_unit, um.base);
      e += um.len;
    } else if (word_at(t, len, after, NOT_AFTER) ||
               is_han_at(t, len, after)) {
      /* 第一产业, 第二次会议: ordinals */
      if (!clause_mark(t, len, after) &&
          !starts(t, len, after, "、") && !starts(t, len, after, "和") &&
          !starts(t, len, after, "的") && !starts(t, len, after, "位"))
        return 0;
    }
    c->a = pre;
    c->b = e;
    c->measure = M_RANK;
    return 1;
  }

  if (word_at(t, len, after, NOT_AFTER) && nr->mag_exp == 0 &&
      !(nr->flags & (GF_NUMF_PERCENT | GF_NUMF_PERMILLE)))
    return 0;

  size_t e;
  if (nr->flags & (GF_NUMF_PERCENT | GF_NUMF_PERMILLE)) {
    copy_str(c->value, sizeof c->value, nr->value);
    copy_str(c->unit, sizeof c->unit, nr->flags & GF_NUMF_PERCENT ? "%" : "‰");
    copy_str(c->base_unit, sizeof c->base_unit, c->unit);
    c->unit_flags = GF_UNITF_PERCENT;
    e = after;
  } else {
    e = read_unit(f, nr, s, c);
  }
  /* ranges: 5%—6%, 5—6%, 5至6万人 */
  size_t rw = word_at(t, len, e ? e : after, RANGE_WORDS);
  if (rw) {
    size_t q = (e ? e : after) + rw;
    gf_numeral n2;
    if (q < len && gf_numeral_read(t + q, len - q, &n2)) {
      cand c2;
      memset(&c2, 0, sizeof c2);
      size_t e2 = 0;
      if (n2.flags & (GF_NUMF_PERCENT | GF_NUMF_PERMILLE))
        e2 = 0;
      else
        e2 = read_unit(f, &n2, q, &c2);
      if (e2 && (!e || strcmp(c2.unit, c->unit) == 0)) {
        if (!e) {
          copy_str(c->unit, sizeof c->unit, c2.unit);
          copy_str(c->base_unit, sizeof c->base_unit, c2.base_unit);
          c->mag_exp = c2.mag_exp;
          c->unit_flags = c2.unit_flags;
        }
        copy_str(c->value_max, sizeof c->value_max, n2.core);
        e = e2;
      } else if (!e && !e2 && q + n2.len <= len && n2.len &&
                 starts(t, len, q + n2.len, "%")) {
        snprintf(c->unit, sizeof c->unit, "%%");
        snprintf(c->base_unit, sizeof c->base_unit, "%%");
        c->unit_flags = GF_UNITF_PERCENT;
        copy_str(c->value_max, sizeof c->value_max, n2.core);
        e = q + n2.len + 1;
      }
    }
  }
  if (!e) return 0;
  /* 2000 吨级 (a class), 16-59 岁 (an age bracket): names, not amounts */
  if (starts(t, len, e, "级") || strcmp(c->base_unit, "岁") == 0) return 0;
  /* "分别高于…16.4 个、1.3 个百分点": the list shares its last unit */
  if (strcmp(c->unit, "个") == 0 &&
      (starts(t, len, e, "、") || starts(t, len, e, "和"))) {
    size_t ce = clause_end(t, len, e);
    for (size_t i = e; i + strlen("个百分点") <= ce;
         i += char_len((unsigned char)t[i]))
      if (starts(t, ce, i, "个百分点")) {
        snprintf(c->unit, sizeof c->unit, "个百分点");
        snprintf(c->base_unit, sizeof c->base_unit, "个百分点");
        c->unit_flags = GF_UNITF_PP;
        break;
      }
  }
  /* a year as a duration ("2 年") is fine; "年" after 4 digits was a date */
  if ((c->unit_flags & GF_UNITF_TIME) && strcmp(c->base_unit, "日") == 0)
    return 0;
  int bk = 0;
  size_t ji = starts(t, len, e, "及") ? strlen("及") : 0;
  size_t bw = kind_at(t, len, e + ji, GF_BOUND_AFTER, &bk);
  /* "30户以上自然村寨", "500万元及以上固定资产投资": a threshold that
   * qualifies a noun names a class of things, it is no figure */
  if (bw && (bk == GF_BOUND_AT_LEAST || bk == GF_BOUND_AT_MOST) &&
      is_han_at(t, len, e + ji + bw) && !starts(t, len, e + ji + bw, "的"))
    return 0;
  if (ji && !bw) ji = 0;
  if (bw && !c->bound) c->bound = bk;
  /* 九年一贯制, 两年平均: a Chinese-numeral span of time is a figure only
   * as a duration (连续三年) */
  if ((nr->flags & GF_NUMF_CHINESE) && (c->unit_flags & GF_UNITF_TIME) &&
      !word_before(t, f->sent_a, s, GF_DURATION_BEFORE))
    return 0;
  c->b = e;
  return 1;
}

/* ------------------------------------------------------------ rows */

/* Five-year plans name their last year (records.md: 十四五 -> 2025). */
static const struct {
  const char *name;
  int last_year;
} PLANS[] = {{"十一五", 2010}, {"十二五", 2015}, {"十三五", 2020},
             {"十四五", 2025}, {"十五五", 2030}, {"十六五", 2035}};
static const char *const PLAN_SPAN[] = {"期间", "时期", "末", "以来", NULL};

/* The five-year plan a text names as a span ("十四五"期间), or -1. */
static int plan_named(const char *t, size_t a, size_t b, int as_span) {
  /* every name starts with 十 (E5 8D 81): jump from one E5 byte to the next
   * (UTF-8 lead bytes never occur inside a character) */
  for (size_t j = a; j + 9 <= b; j++) {
    const char *e5 = memchr(t + j, 0xE5, b - j);
    if (!e5) break;
    j = (size_t)(e5 - t);
    if (!starts(t, b, j, "十")) continue;
    for (size_t i = 0; i < sizeof PLANS / sizeof PLANS[0]; i++) {
      if (!starts(t, b, j, PLANS[i].name)) continue;
      size_t k = j + strlen(PLANS[i].name);
      if (starts(t, b, k, "”")) k += strlen("”");
      if (!as_span || word_at(t, b, k, PLAN_SPAN)) return (int)i;
    }
  }
  return -1;
}

/* A sentence may override its part's kind and period: a five-year span's
 * figures belong to its last year; in a plan part, a sentence opening with
 * the past year's name ("2023年完成…") states an actual. */
static void sentence_period(const finder *f, int *kind, int *period) {
  *kind = f->sect.kind;
  *period = f->sect.period;
  const char *t = f->t;
  size_t a = f->sent_a, b = f->sent_b;
  int plan = f->section_plan >= 0 ? f->section_plan
                                  : plan_named(t, a, b, 1);
  if (plan >= 0) {
    *period = PLANS[plan].last_year;
    int past = f->sect.year_actual &&
               PLANS[plan].last_year <= f->sect.year_actual;
    *kind = past ? GF_KIND_ACTUAL : GF_KIND_TARGET;
    return;
  }
  if (*kind == GF_KIND_TARGET && f->sect.year_actual &&
      f->sect.year_actual != f->sect.year_target) {
    char y[16];
    snprintf(y, sizeof y, "%d年", f->sect.year_actual);
    if (starts(t, b, a, y)) {
      *kind = GF_KIND_ACTUAL;
      *period = f->sect.year_actual;
    }
  }
}

/* Makes room for one more row; -1 when out of memory. */
static int room_for_row(gf_figures *o) {
  if (o->n < o->cap) return 0;
  size_t cap = o->cap ? o->cap * 2 : 64;
  gf_figure *rows = gf_realloc(o->rows, cap * sizeof *rows);
  if (!rows) return -1;
  o->rows = rows;
  o->cap = cap;
  return 0;
}

/* Whether every string of a row made it into the arena. */
static int row_complete(const gf_figure *r) {
  return r->section && r->indicator && r->value && r->unit &&
         r->base_value && r->base_unit && r->comparison && r->raw &&
         r->sentence && r->value_max && r->indicator_key;
}

/* dst = "-" (when neg) + src; dst has room for src and the sign. */
static void signed_copy(char *dst, const char *src, int neg) {
  if (neg) *dst++ = '-';
  memcpy(dst, src, strlen(src) + 1);
}

static int add_row(finder *f, const cand *c, const char *ind_in) {
  gf_figures *o = f->out;
  char ind[192];
  copy_str(ind, sizeof ind, ind_in);
  drop_notes(ind);
  if (room_for_row(o)) return GF_ENOMEM;
  /* provenance: normalized span -> paragraph bytes -> page text */
  const gf_para *p = f->para;
  uint64_t pa = p->pos[f->map[c->a]];
  size_t last = prev_char(f->t, c->b);
  size_t pb_para = f->map[last] + char_len((unsigned char)f->t[last]);
  /* the source char that produced the last byte may be longer (NFKC) */
  size_t nxt = f->map[c->b];
  if (nxt > pb_para) pb_para = nxt;
  uint64_t pb = p->pos[pb_para];
  uint32_t page = GF_POS_PAGE(pa);
  size_t start = GF_POS_OFF(pa), end = GF_POS_OFF(pb);
  const gf_page *pg = &f->doc->pages[page];
  if (GF_POS_PAGE(pb) != page || end > pg->len) end = pg->len;
  while (end > start && (pg->text[end - 1] == ' ' ||
                         pg->text[end - 1] == '\n' ||
                         pg->text[end - 1] == '\t'))
    end--;
  char base[GF_NUM_MAX + 16];
  if (gf_decimal_shift(c->value, c->mag_exp, base, sizeof base))
    copy_str(base, sizeof base, c->value);
  char value[GF_NUM_MAX + 2], vmax[GF_NUM_MAX + 2], bv[GF_NUM_MAX + 18];
  int neg = c->negative && c->value[0] != '-' &&
            (c->measure == M_GROWTH || c->measure == M_PP);
  signed_copy(value, c->value, neg);
  signed_copy(bv, base, neg);
  signed_copy(vmax, c->value_max, neg && c->value_max[0]);
  if (!f->section_kept)
    f->section_kept = keep_str(o, f->section ? f->section : "");
  if (!f->sentence_kept)
    f->sentence_kept = keep(o, f->t + f->sent_a, f->sent_b - f->sent_a);
  if (f->sent_kind < 0) sentence_period(f, &f->sent_kind, &f->sent_period);
  gf_figure *r = &o->rows[o->n];
  r->doc = o->doc;
  r->page = (int)page + 1;
  r->section = f->section_kept;
  r->kind = f->sent_kind == GF_KIND_TARGET ? "target" : "actual";
  r->period = f->sent_period;
  r->indicator = keep_str(o, ind);
  r->measure = MEASURES[c->measure];
  r->value = keep_str(o, value);
  r->unit = keep_str(o, c->unit);
  r->base_value = keep_str(o, bv);
  r->base_unit = keep_str(o, c->base_unit);
  r->bound = BOUNDS[c->bound];
  /* growth and change rows name their comparison; so does a level that
   * states a change (比年初增加 586.96 亿元) */
  r->comparison = keep_str(
      o, c->measure == M_GROWTH || c->measure == M_PP || c->measure == M_LEVEL
             ? c->comparison
             : "");
  r->raw = keep(o, pg->text + start, end - start);
  r->start = start;
  r->end = end;
  r->sentence = f->sentence_kept;
  r->value_max = keep_str(o, vmax);
  r->indicator_key = r->indicator;
  r->x0 = r->y0 = r->x1 = r->y1 = 0;
  r->has_box = 0;
  if (!row_complete(r)) return GF_ENOMEM;
  o->n++;
  return GF_OK;
}

int gf_figures_push(gf_figures *o, const gf_figure *r, size_t raw_len) {
  if (room_for_row(o)) return GF_ENOMEM;
  gf_figure *d = &o->rows[o->n];
  *d = *r; /* kind, measure and bound are static strings */
  d->doc = o->doc;
  d->section = keep_str(o, r->section);
  d->indicator = keep_str(o, r->indicator);
  d->value = keep_str(o, r->value);
  d->unit = keep_str(o, r->unit);
  d->base_value = keep_str(o, r->base_value);
  d->base_unit = keep_str(o, r->base_unit);
  d->comparison = keep_str(o, r->comparison);
  d->raw = keep(o, r->raw, raw_len);
  d->sentence = keep_str(o, r->sentence);
  d->value_max = keep_str(o, r->value_max);
  d->indicator_key = r->indicator_key ? keep_str(o, r->indicator_key)
                                      : d->indicator;
  if (!row_complete(d)) return GF_ENOMEM;
  o->n++;
  return GF_OK;
}

/* Records the kind, period and section in force for the pages up to and
 * including page (table figures take them from their page). */
static int note_pages(finder *f, size_t page) {
  if (!f->section_kept)
    f->section_kept = keep_str(f->out, f->section ? f->section : "");
  if (!f->section_kept) return GF_ENOMEM;
  for (; f->pages_done <= page && f->pages_done < f->doc->n_pages;
       f->pages_done++) {
    gf_page_context *c = &f->pages[f->pages_done];
    c->kind = f->sect.kind == GF_KIND_TARGET ? "target" : "actual";
    c->period = f->sect.period;
    c->section = f->section_kept;
  }
  return GF_OK;
}

/* 均 meaning "each" (均排名, 均为), not part of 人均 or 平均. */
static int is_jun(const char *t, size_t from, size_t i, size_t end) {
  static const char *const NEXT[] = {"排名", "列", "为", "达", "居", "位",
                                     "在", "超", "保持", "实现", "增长",
                                     "同比", "比", "较", "高于", "有", NULL};
  return starts(t, end, i, "均") && !ends(t, i, from, "人") &&
         !ends(t, i, from, "平") && word_at(t, end, i + 3, NEXT);
}

/* How many numbers stand in the list that starts at at: "21.3%、56.7%". */
static int list_length(const char *t, size_t end, size_t at) {
  static const char *const SEP[] = {"、", "和", "及", ",", NULL};
  int n = 0;
  for (;;) {
    gf_numeral nr;
    if (at >= end || !gf_numeral_read(t + at, end - at, &nr) || !nr.len)
      break;
    n++;
    at += nr.len;
    gf_unit_match um;
    if (at < end && gf_unit_read(t + at, end - at, 1, &um)) at += um.len;
    size_t w = word_at(t, end, at, SEP);
    if (!w) break;
    at += w;
  }
  return n;
}

/* Splits "A、B和C" into parts; returns how many (at most max). */
static int split_parts(const char *t, size_t a, size_t b, size_t *pa,
                       size_t *pb, int max, const char *const *SEP) {
  int n = 0;
  size_t s = a;
  for (size_t i = a; i < b && n < max;) {
    size_t w = word_at(t, b, i, SEP);
    if (w) {
      pa[n] = s;
      pb[n++] = i;
      s = i + w;
      i += w;
    } else {
      i += char_len((unsigned char)t[i]);
    }
  }
  if (n < max) {
    pa[n] = s;
    pb[n++] = b;
  }
  return n;
}

/* Decides measure, bound before the number and the indicator, then adds the
 * row(s).  prev_end: end of the previous figure in this clause (or the
 * clause start); list_i: index of this number in a 分别 list. */
static int emit(finder *f, cand *c, size_t seg_a, int *list_i,
                size_t *parts_a, size_t *parts_b, int *n_parts) {
  const char *t = f->t;
  size_t cs = clause_of(f, c->a);
  size_t seg = seg_a > cs ? seg_a : cs;
  /* the bound word right before the number */
  int bk = 0;
  size_t num_at = c->a;
  size_t bw = kind_before(t, seg, num_at, GF_BOUND_BEFORE, &bk);
  if (!bw) { /* 超 22.3: allow 达/达到 between (达到超过…) */
    size_t w = word_before(t, seg, num_at, (const char *const[]){"达", "达到",
                                                                 NULL});
    if (w) bw = kind_before(t, seg, num_at - w, GF_BOUND_BEFORE, &bk);
  }
  if (bw && c->bound == GF_BOUND_EXACT && c->measure != M_RANK)
    c->bound = bk;
  /* comparison words before it */
  size_t cmp_a = comparison(f, seg, num_at, c);
  int has_cmp = cmp_a < num_at;
  if (c->measure != M_RANK) {
    if (c->unit_flags & GF_UNITF_PP)
      c->measure = M_PP;
    else if (c->unit_flags & GF_UNITF_PERCENT) {
      /* the cue closest to the number decides: 占…比重 vs 增长 */
      size_t share_at = 0, i;
      for (i = seg; i < num_at; i += char_len((unsigned char)t[i]))
        if (word_at(t, num_at, i, GF_SHARE_CUES)) share_at = i + 1;
      if (has_cmp && cmp_a + 1 > share_at)
        c->measure = M_GROWTH;
      else if (share_at)
        c->measure = M_SHARE;
      else
        c->measure = M_SHARE;
    } else if ((c->unit_flags & GF_UNITF_TIME) &&
               (word_before(t, seg, num_at, GF_DURATION_BEFORE) ||
                has_word(t, cs, num_at, GF_DURATION_BEFORE) ||
                word_at(t, f->sent_b, c->b, GF_DURATION_AFTER)))
      c->measure = M_DURATION;
    else
      c->measure = M_LEVEL;
  }
  if (!has_cmp) c->comparison[0] = '\0';
  if (c->measure == M_LEVEL || c->measure == M_SHARE) c->negative = 0;

  char ind[192];
  size_t ind_end = has_cmp ? cmp_a : num_at - bw;
  /* a list continued: "21.3%、56.7%" or "19.6%、27.8%和52.6%" */
  size_t k = seg;
  while (k < num_at && word_at(t, num_at, k, (const char *const[]){
                                                 "、", "和", "及", " ", NULL}))
    k += word_at(t, num_at, k, (const char *const[]){"、", "和", "及", " ",
                                                     NULL});
  int continued = seg_a > cs && k == num_at;
  if (continued && f->last.measure != M_RANK && c->measure != M_RANK &&
      (c->unit_flags & GF_UNITF_PERCENT) &&
      (f->last.unit_flags & GF_UNITF_PERCENT)) {
    c->measure = f->last.measure;
    c->negative = f->last.negative;
    memcpy(c->comparison, f->last.comparison, sizeof c->comparison);
  }
  f->last = *c;
  if (continued && *n_parts > 1) {
    (*list_i)++;
    int i = *list_i < *n_parts ? *list_i : *n_parts - 1;
    set_text(ind, sizeof ind, t, parts_a[i], parts_b[i]);
    return add_row(f, c, ind);
  }
  if (continued) {
    copy_str(ind, sizeof ind, f->subject);
    return add_row(f, c, ind);
  }
  /* 分别 / 均: several subjects */
  size_t fb = SIZE_MAX;
  for (size_t i = seg; i + 3 <= num_at; i += char_len((unsigned char)t[i]))
    if (starts(t, num_at, i, "分别") || is_jun(t, seg, i, num_at)) {
      fb = i;
      break;
    }
  *n_parts = 0;
  *list_i = 0;
  if (fb != SIZE_MAX) {
    size_t a = seg, b = fb;
    if (c->measure == M_RANK) {
      for (size_t w; (w = word_before(t, a, b, GF_RANK_CUES)) != 0 &&
                     b - w > a;)
        b -= w;
    }
    size_t cb = word_before(t, a, b, (const char *const[]){"同比", "比上年",
                                                          "较上年", NULL});
    b -= cb;
    trim(t, &a, &b);
    /* "A和B、C分别…x、y": as many subjects as numbers.  、 separates
     * first; 和 及 与 only when that gives too few (酒饮料和精制茶制造业) */
    static const char *const DUN[] = {"、", NULL};
    static const char *const ALL[] = {"、", "和", "及", "与", "以及", NULL};
    int want = list_length(t, clause_end(t, f->sent_b, num_at), num_at);
    int n = split_parts(t, a, b, parts_a, parts_b, 8, DUN);
    if (n < want || (want <= 1 && n == 1))
      n = split_parts(t, a, b, parts_a, parts_b, 8, ALL);
    if (want > 1 && n > want) {
      memmove(parts_a, parts_a + (n - want), (size_t)want * sizeof *parts_a);
      memmove(parts_b, parts_b + (n - want), (size_t)want * sizeof *parts_b);
      parts_a[0] = a;
      n = want;
    }
    if (n > 1) {
      for (int i = 0; i < n; i++) trim(t, &parts_a[i], &parts_b[i]);
      *n_parts = n;
      set_text(ind, sizeof ind, t, parts_a[0], parts_b[0]);
      copy_str(f->subject, sizeof f->subject, ind);
      if (starts(t, num_at, fb, "均")) { /* one number, every subject */
        for (int i = 0; i < n; i++) {
          set_text(ind, sizeof ind, t, parts_a[i], parts_b[i]);
          int rc = add_row(f, c, ind);
          if (rc) return rc;
        }
        *n_parts = 0;
        return GF_OK;
      }
      return add_row(f, c, ind);
    }
  }
  indicator(f, c, seg, ind_end, ind, sizeof ind);
  /* a bare 增速 or 比重 is the rate of the sentence's subject */
  if (f->subject[0] && word_at(ind, strlen(ind), 0, GENERIC_NAMES) ==
                           strlen(ind)) {
    gf_buf whole = {0};
    gf_buf_puts(&whole, f->subject);
    gf_buf_puts(&whole, ind);
    if (whole.oom) return GF_ENOMEM;
    set_text(ind, sizeof ind, whole.p, 0, whole.len);
    gf_buf_free(&whole);
  }
  if (c->measure == M_LEVEL && ind[0]) {
    copy_str(f->subject, sizeof f->subject, ind);
  } else if (!f->subject[0] && ind[0]) {
    copy_str(f->subject, sizeof f->subject, ind);
  }
  memcpy(f->last_ind, ind, sizeof f->last_ind);
  return add_row(f, c, ind);
}

static void find_clauses(finder *f) {
  size_t n = 0;
  f->clauses[n++] = f->sent_a;
  for (size_t i = f->sent_a; i < f->sent_b;
       i += char_len((unsigned char)f->t[i])) {
    size_t w = clause_mark(f->t, f->sent_b, i);
    if (!w) continue;
    if (n == MAX_CLAUSES) {
      f->n_clauses = 0;
      return;
    }
    f->clauses[n++] = i + w;
    i += w - char_len((unsigned char)f->t[i]);
  }
  f->n_clauses = n;
}

static size_t clause_of(const finder *f, size_t at) {
  if (!f->n_clauses) return clause_start(f->t, f->sent_a, at);
  size_t lo = 0, hi = f->n_clauses; /* last start <= at */
  while (hi - lo > 1) {
    size_t mid = (lo + hi) / 2;
    if (f->clauses[mid] <= at)
      lo = mid;
    else
      hi = mid;
  }
  return f->clauses[lo];
}

static int scan_sentence(finder *f) {
  size_t pos = f->sent_a, prev_end = f->sent_a;
  size_t parts_a[8], parts_b[8];
  int n_parts = 0, list_i = 0;
  f->subject[0] = '\0';
  f->last_ind[0] = '\0';
  f->sentence_kept = NULL;
  f->sent_kind = -1;
  find_clauses(f);
  size_t ov[2];
  int rc;
  while ((rc = gf_re_find(f->re_num, f->t, f->sent_b, pos, ov, 1)) == 1) {
    size_t s = ov[0];
    gf_numeral nr;
    /* a number is read whole: skip starts inside the previous one */
    if (!gf_numeral_read(f->t + s, f->sent_b - s, &nr) || nr.len == 0) {
      pos = s + char_len((unsigned char)f->t[s]);
      continue;
    }
    /* a table's numbers are read from its cells (table_figures.c) */
    uint64_t at = f->para->pos[f->map[s]];
    if (gf_tables_covers(f->tables, GF_POS_PAGE(at), GF_POS_OFF(at))) {
      pos = s + nr.len;
      continue;
    }
    /* a sign: -0.57‰ */
    cand c;
    if (read_figure(f, s, &nr, &c)) {
      if (s > f->sent_a && f->t[s - 1] == '-' &&
          (s < 2 || !is_ascii_alnum(f->t[s - 2]))) {
        c.a = s - 1;
        if (c.value[0] != '-') {
          memmove(c.value + 1, c.value, strlen(c.value) + 1);
          c.value[0] = '-';
        }
      }
      size_t cs = clause_of(f, c.a);
      if (cs > prev_end) {
        prev_end = cs;
        n_parts = 0;
      }
      int err = emit(f, &c, prev_end, &list_i, parts_a, parts_b, &n_parts);
      if (err) return err;
      prev_end = c.b;
      pos = c.b > s ? c.b : s + nr.len;
    } else {
      pos = s + nr.len;
    }
  }
  return rc < 0 ? rc : GF_OK;
}

static int scan_para(finder *f, size_t from) {
  size_t a = from;
  while (a < f->len) {
    size_t b = a;
    while (b < f->len && !sentence_mark(f->t, f->len, b))
      b += char_len((unsigned char)f->t[b]);
    f->sent_a = a;
    f->sent_b = b;
    int rc = scan_sentence(f);
    if (rc) return rc;
    a = b < f->len ? b + sentence_mark(f->t, f->len, b) : b;
  }
  return GF_OK;
}

/* Figures are read from just after a heading's marker (1. 一、), so that
 * a run-in heading's own sentence and anything glued to it are read too. */
static size_t heading_marker_len(const char *t, size_t len, size_t hl) {
  if (!hl) return 0;
  size_t i = 0;
  while (i < len && i < hl && !word_at(t, len, i, (const char *const[]){
                                         "、", ".", "．", "）", ")", NULL}))
    i += char_len((unsigned char)t[i]);
  return i < len ? i + word_at(t, len, i, (const char *const[]){
                                 "、", ".", "．", "）", ")", NULL})
                 : 0;
}

/* The opening text before the first heading names the report. */
static int read_title(finder *f, gf_para_iter *it) {
  gf_buf b = {0};
  const gf_para *p;
  int rc = GF_OK;
  for (size_t i = 0; i < 8 && b.len < 600; i++) {
    if ((rc = gf_para_iter_next(it, &p)) != 1) break;
    rc = GF_OK;
    char *t;
    size_t len;
    if (gf_text_normalize(p->text, p->len, &t, &len, NULL))
      continue;
    if (i > 0 && gf_sections_is_heading(&f->sect, t, len)) {
      free(t);
      break;
    }
    gf_buf_put(&b, t, len);
    free(t);
  }
  gf_para_iter_rewind(it);
  if (rc < 0 || b.oom) {
    gf_buf_free(&b);
    return rc < 0 ? rc : GF_ENOMEM;
  }
  gf_sections_title(&f->sect, b.p ? b.p : "", b.len);
  gf_buf_free(&b);
  return GF_OK;
}

static int build_patterns(finder *f) {
  int rc = gf_re_new(NUM_START, &f->re_num);
  if (rc) return rc;
  const char *verbs[64];
  size_t n = 0;
  for (; GF_GROWTH_VERBS[n].word && n < 63; n++)
    verbs[n] = GF_GROWTH_VERBS[n].word;
  verbs[n] = NULL;
  char *bases = gf_re_alternation(GF_CMP_BASES);
  char *vs = gf_re_alternation(verbs);
  if (!bases || !vs) {
    free(bases);
    free(vs);
    return GF_ENOMEM;
  }
  gf_buf p = {0};
  gf_buf_printf(&p,
                "(?:[高低快慢]于(?:全[市省国州区县]|全国)(?:平均(?:水平)?)?|"
                "[高低快慢]于平均(?:水平)?|%s?(?:分别|均)?%s)", bases, vs);
  free(bases);
  free(vs);
  if (p.oom) return GF_ENOMEM;
  rc = gf_re_new(p.p, &f->re_cmp);
  gf_buf_free(&p);
  return rc;
}

void gf_figures_free(gf_figures *figs) {
  if (!figs) return;
  for (block *b = figs->blocks, *next; b; b = next) {
    next = b->next;
    free(b);
  }
  free(figs->rows);
  free(figs->doc);
  free(figs);
}

/* indicator_key of every row, from vocabulary v (built-in when NULL). */
static int set_keys(gf_figures *o, const gf_indicators *v) {
  gf_indicators *own = NULL;
  if (!v) {
    int rc = gf_indicators_new(&own, NULL);
    if (rc) return rc;
    v = own;
  }
  int rc = GF_OK;
  char key[1024];
  for (size_t i = 0; i < o->n && !rc; i++) {
    gf_figure *r = &o->rows[i];
    const char *k = gf_indicators_key(v, r->indicator, strlen(r->indicator),
                                      key, sizeof key);
    r->indicator_key = k ? keep_str(o, k) : r->indicator;
    if (!r->indicator_key) rc = GF_ENOMEM;
  }
  gf_indicators_free(own);
  return rc;
}

int gf_figures_extract(const gf_doc *doc, unsigned opts, gf_figures **out,
                       gf_error *err) {
  return gf_figures_extract_with(doc, opts, NULL, out, err);
}

int gf_figures_extract_with(const gf_doc *doc, unsigned opts,
                            const gf_indicators *vocab, gf_figures **out,
                            gf_error *err) {
  (void)opts;
  if (out) *out = NULL;
  if (!doc || !out) return GF_EINVAL;
  finder f;
  memset(&f, 0, sizeof f);
  f.doc = doc;
  f.section_plan = -1;
  gf_para_iter *it = NULL;
  gf_tables *tabs = NULL;
  const gf_para *para;
  int rc = GF_ENOMEM;
  f.out = gf_calloc(1, sizeof *f.out);
  if (!f.out || !(f.out->doc = gf_strdup(doc->name ? doc->name : "-")))
    goto done;
  f.pages = gf_calloc(doc->n_pages + 1, sizeof *f.pages);
  if (!f.pages) goto done;
  if ((rc = gf_sections_init(&f.sect)) || (rc = build_patterns(&f)) ||
      (rc = gf_para_iter_new(doc, &it)) || (rc = read_title(&f, it)))
    goto done;
  if (doc->has_geom && (rc = gf_tables_extract(doc, 0, &tabs, NULL)))
    goto done;
  f.tables = tabs;
  while ((rc = gf_para_iter_next(it, &para)) == 1) {
    f.para = para;
    char *t = NULL;
    size_t len = 0, *map = NULL;
    rc = gf_text_normalize(para->text, para->len, &t, &len, &map);
    if (rc) goto done;
    f.t = t;
    f.len = len;
    f.map = map;
    size_t hl = gf_sections_feed(&f.sect, t, len);
    if (hl || !f.section) { /* the path changes only at a heading */
      free(f.section);
      f.section = gf_sections_path(&f.sect);
      f.section_kept = NULL;
      f.section_plan =
          f.section ? plan_named(f.section, 0, strlen(f.section), 0) : -1;
    }
    if (!f.section) rc = GF_ENOMEM;
    else if (!(rc = note_pages(&f, GF_POS_PAGE(para->pos[0]))))
      rc = scan_para(&f, heading_marker_len(t, len, hl));
    free(t);
    free(map);
    f.t = NULL;
    f.map = NULL;
    if (rc) goto done;
  }
  if (rc) goto done;
  if ((rc = note_pages(&f, doc->n_pages)) ||
      (tabs && (rc = gf_table_figures(doc, tabs, f.pages, f.out))) ||
      (rc = set_keys(f.out, vocab)))
    goto done;
  rc = GF_OK;
done:
  gf_tables_free(tabs);
  free(f.pages);
  free(f.section);
  gf_para_iter_free(it);
  gf_sections_free(&f.sect);
  gf_re_free(f.re_num);
  gf_re_free(f.re_cmp);
  if (rc) {
    gf_figures_free(f.out);
    return gf_error_fill(err, rc, 0, 0);
  }
  *out = f.out;
  return GF_OK;
}

size_t gf_figures_count(const gf_figures *figs) { return figs ? figs->n : 0; }

const gf_figure *gf_figures_at(const gf_figures *figs, size_t i) {
  return figs && i < figs->n ? &figs->rows[i] : NULL;
}
