/* indicator.c - what a figure is a figure of (records.md indicator
 * column): the phrase before the number with its lead and trail words
 * trimmed, the noun after the unit, the sentence's subject carried to the
 * rates and changes that name none, and the subjects of 分别 / 均 lists. */
#include <stdint.h>
#include <string.h>

#include "common/scan.h"
#include "extract/figures.h"
#include "extract/sections.h"
#include "extract/vocab.h"
#include "normalize/normalize.h"


/* The same for a date that opens t[a..b): "2015年城镇…". */
static size_t date_at(const char *t, size_t a, size_t b) {
  size_t i = a;
  while (i < b && i - a < 4 && t[i] >= '0' && t[i] <= '9') i++;
  if (i - a != 4 || !gf_lit_at(t, b, i, "年")) return 0;
  i += strlen("年");
  i += gf_word_at(t, b, i, GF_DATE_TAILS);
  return i - a;
}

/* "以二十大精神推动解决…": a manner phrase opening a name, up to its
 * closing word (GF_MANNER_ENDS), is no part of it; returns its length. */
static size_t manner_at(const char *t, size_t a, size_t b) {
  if (!gf_lit_at(t, b, a, "以")) return 0;
  for (size_t i = a + 3; i < b; i += gf_char_len((unsigned char)t[i])) {
    size_t w = gf_word_at(t, b, i, GF_MANNER_ENDS);
    if (w) return i + w - a;
  }
  return 0;
}

void gf_indicator_trim(const char *t, size_t *a, size_t *b) {
  /* dates at either end: 由2010年的68亿元, 2015年城镇居民… */
  for (size_t w; (w = gf_sections_date_before(t, *a, *b, NULL)) != 0;)
    *b -= w;
  for (size_t w; (w = date_at(t, *a, *b)) != 0;) *a += w;
  /* text flattened from a table or glued to a title: keep what follows
   * the last number */
  for (size_t i = *b; i > *a;) {
    i--;
    if (t[i] >= '0' && t[i] <= '9') {
      int name = i + 1 < *b && gf_is_ascii_alnum(t[i + 1]); /* 5G基站 */
      if (!name && gf_han_count(t, i + 1, *b) >= 2) *a = i + 1;
      break;
    }
  }
  for (int changed = 1; changed && *a < *b;) {
    changed = 0;
    size_t w = gf_word_before_n(t, *a, *b, GF_TRAIL_WORDS, GF_TRAIL_LENS);
    if (!w) w = gf_word_before(t, *a, *b, GF_TRAIL_MARKS);
    if (w && *b - w >= *a) {
      *b -= w;
      changed = 1;
    }
    w = gf_word_at_n(t, *b, *a, GF_LEAD_WORDS, GF_LEAD_LENS);
    if (!w) w = manner_at(t, *a, *b);
    /* "全州有卫生机构3710个": 有 that says "there are" */
    if (!w && gf_lit_at(t, *b, *a, "有") &&
        !gf_word_at(t, *b, *a, GF_YOU_WORDS) &&
        gf_han_count(t, *a + 3, *b) >= 2)
      w = 3;
    if (!w) w = gf_word_at(t, *b, *a, GF_LEAD_MARKS);
    if (w && *a + w <= *b) {
      *a += w;
      changed = 1;
    }
  }
}

/* Keeps at most max characters from the end of t[a..b). */
static size_t keep_tail(const char *t, size_t a, size_t b, size_t max) {
  size_t n = 0, i = b;
  while (i > a && n < max) {
    i = gf_prev_char(t, i);
    n++;
  }
  return i < a ? a : i;
}

void gf_indicator_drop_notes(char *s) {
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

/* Past a list of counts that share one noun: "完成3.2万户、150万平方米
 * 旧城改造任务" - from the end of the first, to the end of the last. */
static size_t past_counts(const char *t, size_t end, size_t at) {
  for (;;) {
    size_t w = gf_lit_at(t, end, at, "、");
    gf_numeral nr;
    gf_unit_match um;
    if (!w || !gf_numeral_read(t + at + w, end - at - w, &nr) || !nr.len)
      return at;
    size_t u = at + w + nr.len;
    if (!gf_unit_read(t + u, end - u, 1, &um) || !um.len) return at;
    at = u + um.len;
  }
}

/* The noun after the unit of c, within its clause: t[*x..*y), at most 16
 * characters, up to a 、 （ the next number, a 的 or a verb that starts
 * what is said of it (GF_AFTER_CUT: "450余家企业提供便利服务"); 的 and
 * list words at either end and a locative 中 dropped ("29个行业中"). */
static void noun_after(const gf_finder *f, const gf_cand *c, size_t *x,
                       size_t *y) {
  const char *t = f->t;
  *y = gf_clause_end(t, f->sent_b, c->b);
  *x = past_counts(t, *y, c->b);
  /* "70个以上": a bound after the unit is no noun */
  int bound;
  *x += gf_kind_at(t, *y, *x, GF_BOUND_AFTER, &bound);
  while (*x < *y && gf_lit_at(t, *y, *x, "的")) *x += 3;
  size_t n_after = 0; /* only the first 16 characters are ever kept */
  for (size_t i = *x; i < *y;
       i += gf_char_len((unsigned char)t[i]), n_after++)
    if (n_after == 16 || gf_word_at(t, *y, i, GF_AFTER_STOP) ||
        (t[i] >= '0' && t[i] <= '9') || gf_numeral_char(t + i, *y - i) ||
        (n_after > 0 &&
         (gf_lit_at(t, *y, i, "的") || gf_word_at(t, *y, i, GF_AFTER_CUT)))) {
      *y = i;
      break;
    }
  for (size_t w; (w = gf_word_before(t, *x, *y, GF_LOCATIVES)) != 0 &&
                 gf_han_count(t, *x, *y - w) >= 2;)
    *y -= w;
  gf_indicator_trim(t, x, y);
}

/* "推进闲置农房盘活利用，共完成80宗": a figure that names nothing in its
 * clause, in a sentence with no subject yet, is of the clause before it
 * (within the sentence: never across a 。 or ；). */
static void previous_clause(const gf_finder *f, size_t at, char *out,
                            size_t cap) {
  const char *t = f->t;
  size_t cs = gf_clause_start(t, f->sent_a, at);
  if (cs <= f->sent_a) return;
  size_t b = gf_prev_char(t, cs); /* the clause mark */
  size_t a = gf_clause_start(t, f->sent_a, b);
  gf_indicator_trim(t, &a, &b);
  if (gf_han_count(t, a, b) < 2) return;
  for (size_t i = a; i < b; i++)
    if (t[i] >= '0' && t[i] <= '9') return; /* a clause of figures */
  a = keep_tail(t, a, b, 24);
  gf_copy_span(out, cap, t, a, b);
}

/* Whether t[x..y) occurs within t[a..b). */
static int has_span(const char *t, size_t a, size_t b, size_t x, size_t y) {
  size_t n = y - x;
  for (size_t i = a; i + n <= b; i++)
    if (memcmp(t + i, t + x, n) == 0) return 1;
  return 0;
}

/* The phrase a figure measures: the clause text before the number with
 * verbs and comparison words trimmed; when that is empty or ends in 等
 * ("…等 181 个重点项目开工建设") the noun after the unit; else the
 * sentence's last subject. */
void gf_indicator_of(const gf_finder *f, const gf_cand *c, size_t seg_a,
                     size_t cmp_a, char *out, size_t cap) {
  const char *t = f->t;
  size_t a = seg_a, b = cmp_a;
  /* a rank's cue words (排名全市) are no part of the name */
  if (c->measure == GF_MEASURE_RANK) {
    for (size_t w; (w = gf_word_before(t, a, b, GF_RANK_CUES)) != 0 &&
                   b - w > a;)
      b -= w;
    for (size_t w;
         (w = gf_word_before(t, a, b, GF_RANK_TAILS)) != 0 && b - w > a;)
      b -= w;
  }
  gf_indicator_trim(t, &a, &b);
  int ends_deng = gf_lit_before(t, a, b, "等") || gf_lit_before(t, a, b, "等等");
  if (ends_deng) {
    b -= strlen("等");
    gf_indicator_trim(t, &a, &b);
  }
  /* "…、国联股份等龙头企业 18 家": the noun after the last 等 */
  for (size_t i = b; i > a;) {
    i = gf_prev_char(t, i);
    if (gf_lit_at(t, b, i, "等") && gf_han_count(t, i + 3, b) >= 2) {
      a = i + 3;
      break;
    }
  }
  int listy = 0; /* a list of names before the number: 朱家村、甄家村两个… */
  for (size_t i = a; i < b; i += gf_char_len((unsigned char)t[i]))
    if (gf_lit_at(t, b, i, "、")) listy = 1;
  if (c->measure == GF_MEASURE_RANK && f->subject[0] &&
      (gf_han_count(t, a, b) < 3 ||
       gf_word_at(t, b, a, GF_RANK_SUBJECT_WORDS))) {
    gf_copy_str(out, cap, f->subject);
    return;
  }
  /* "29个行业中20个…": among what, not what */
  for (size_t w; (w = gf_word_before(t, a, b, GF_LOCATIVES)) != 0 &&
                 gf_han_count(t, a, b - w) >= 2;)
    b -= w;
  size_t x, y;
  noun_after(f, c, &x, &y);
  size_t nb = gf_han_count(t, a, b);
  int counted = !(c->m.unit_flags & (GF_UNITF_MONEY | GF_UNITF_PERCENT |
                                     GF_UNITF_PP | GF_UNITF_TIME));
  /* "54个乡镇，100个村": a count alone in its clause names its noun, even
   * one of a single character */
  size_t na = gf_han_count(t, x, y);
  int has_after = (na >= 2 || (na == 1 && nb == 0 && counted)) &&
                  (c->measure == GF_MEASURE_LEVEL ||
                   c->measure == GF_MEASURE_DURATION);
  /* "雨污管道改造任务完成178个小区": a noun the phrase before already
   * names adds nothing to it */
  if (has_after && nb >= 2 && y > x && !listy &&
      has_span(t, a, b, x, y))
    has_after = 0;
  int verb_end = gf_word_before(t, a, b, GF_COUNT_VERBS) != 0 ||
                 gf_word_before(t, seg_a, cmp_a, GF_COUNT_VERBS) != 0;
  /* "新建6处公园游园、7处古树公园": the noun before is the last item's;
   * "制定…工作7个系列文件": a verb's object is counted after the number */
  int item = gf_lit_before(t, seg_a, cmp_a, "、") != 0;
  int verb_led = gf_word_at(t, cmp_a, seg_a, GF_COUNT_VERBS) != 0 ||
                 gf_word_at(t, cmp_a, seg_a, GF_LEAD_VERBS) != 0;
  if (nb >= 2 && !ends_deng &&
      !(has_after &&
        (listy || nb <= 2 || verb_end || (counted && (item || verb_led))))) {
    a = keep_tail(t, a, b, 24);
    gf_copy_span(out, cap, t, a, b);
    return;
  }
  if (has_after) {
    size_t e = x, n = 0;
    while (e < y && n < 16) {
      e += gf_char_len((unsigned char)t[e]);
      n++;
    }
    gf_copy_span(out, cap, t, x, e);
    return;
  }
  if (gf_han_count(t, a, b) >= 2) {
    gf_copy_span(out, cap, t, a, b);
    return;
  }
  /* "…比重达到18.5%，比上年提高1.3个百分点": a change without a subject
   * is a change of the figure before it */
  int change = c->measure == GF_MEASURE_GROWTH || c->measure == GF_MEASURE_PP;
  gf_copy_str(out, cap, change && f->last_ind[0] ? f->last_ind : f->subject);
  if (!out[0]) previous_clause(f, seg_a, out, cap);
}

/* ------------------------------------------------------- 分别 / 均 lists */

/* 均 meaning "each" (均排名, 均为), not part of 人均 or 平均. */
static int is_jun(const char *t, size_t from, size_t i, size_t end) {
  return gf_lit_at(t, end, i, "均") && !gf_lit_before(t, from, i, "人") &&
         !gf_lit_before(t, from, i, "平") &&
         gf_word_at(t, end, i + 3, GF_JUN_NEXT);
}

/* How many numbers stand in the list that starts at at: "21.3%、56.7%". */
static int list_length(const char *t, size_t end, size_t at) {
  int n = 0;
  for (;;) {
    gf_numeral nr;
    if (at >= end || !gf_numeral_read(t + at, end - at, &nr) || !nr.len)
      break;
    n++;
    at += nr.len;
    gf_unit_match um;
    if (at < end && gf_unit_read(t + at, end - at, 1, &um)) at += um.len;
    size_t w = gf_word_at(t, end, at, GF_NUMBER_LIST_SEPS);
    if (!w) break;
    at += w;
  }
  return n;
}

/* Splits "A、B和C" into parts; returns how many (at most max). */
static int split_parts(const char *t, size_t a, size_t b, size_t *pa,
                       size_t *pb, int max, const char *const *seps) {
  int n = 0;
  size_t s = a;
  for (size_t i = a; i < b && n < max;) {
    size_t w = gf_word_at(t, b, i, seps);
    if (w) {
      pa[n] = s;
      pb[n++] = i;
      s = i + w;
      i += w;
    } else {
      i += gf_char_len((unsigned char)t[i]);
    }
  }
  if (n < max) {
    pa[n] = s;
    pb[n++] = b;
  }
  return n;
}

/* "城镇和农村居民…": a qualifier of the vocabulary that stands alone in a
 * list takes the noun the list's last part has after its own qualifier. */
static void share_noun(const char *t, const size_t *pa, const size_t *pb,
                       int n, char (*names)[GF_PART_NAME]) {
  size_t la = pa[n - 1], lb = pb[n - 1];
  size_t q = gf_word_at(t, lb, la, GF_LIST_QUALIFIERS);
  if (!q || lb - la <= q) return;
  for (int i = 0; i < n - 1; i++)
    if (gf_word_at(t, pb[i], pa[i], GF_LIST_QUALIFIERS) == pb[i] - pa[i]) {
      gf_buf b = {0};
      gf_buf_put(&b, t + pa[i], pb[i] - pa[i]);
      gf_buf_put(&b, t + la + q, lb - la - q);
      if (!b.oom) gf_copy_span(names[i], GF_PART_NAME, b.p, 0, b.len);
      gf_buf_free(&b);
    }
}

/* "城乡居民人均可支配收入分别增长8.7%和8.6%": a contraction of the
 * vocabulary (城乡 = 城镇 + 农村) before as many numbers as it names. */
static int expand(const char *t, size_t a, size_t b, int want,
                  char (*names)[GF_PART_NAME]) {
  for (const gf_contraction *k = GF_CONTRACTIONS; k->word; k++) {
    size_t w = gf_lit_at(t, b, a, k->word);
    if (!w || want != 2 || b - a <= w) continue;
    const char *parts[2] = {k->first, k->second};
    for (int i = 0; i < 2; i++) {
      gf_buf nb = {0};
      gf_buf_puts(&nb, parts[i]);
      gf_buf_put(&nb, t + a + w, b - a - w);
      if (nb.oom) {
        gf_buf_free(&nb);
        return 0;
      }
      gf_copy_span(names[i], GF_PART_NAME, nb.p, 0, nb.len);
      gf_buf_free(&nb);
    }
    return 2;
  }
  return 0;
}

int gf_indicator_list(const gf_finder *f, const gf_cand *c, size_t seg,
                      size_t num_at, char (*names)[GF_PART_NAME],
                      int *each) {
  size_t pa[GF_MAX_PARTS], pb[GF_MAX_PARTS];
  const char *t = f->t;
  size_t fb = SIZE_MAX;
  for (size_t i = seg; i + 3 <= num_at; i += gf_char_len((unsigned char)t[i]))
    if (gf_lit_at(t, num_at, i, "分别") || is_jun(t, seg, i, num_at)) {
      fb = i;
      break;
    }
  if (fb == SIZE_MAX) return 0;
  size_t a = seg, b = fb;
  if (c->measure == GF_MEASURE_RANK) {
    for (size_t w; (w = gf_word_before(t, a, b, GF_RANK_CUES)) != 0 &&
                   b - w > a;)
      b -= w;
  }
  size_t cb = gf_word_before(t, a, b, GF_LIST_CMP_BASES);
  b -= cb;
  gf_indicator_trim(t, &a, &b);
  int want = list_length(t, gf_clause_end(t, f->sent_b, num_at), num_at);
  int n = split_parts(t, a, b, pa, pb, GF_MAX_PARTS, GF_SUBJECT_SEPS_FIRST);
  if (n < want || (want <= 1 && n == 1))
    n = split_parts(t, a, b, pa, pb, GF_MAX_PARTS, GF_SUBJECT_SEPS);
  if (want > 1 && n > want) {
    memmove(pa, pa + (n - want), (size_t)want * sizeof *pa);
    memmove(pb, pb + (n - want), (size_t)want * sizeof *pb);
    pa[0] = a;
    n = want;
  }
  *each = gf_lit_at(t, num_at, fb, "均") != 0;
  if (n == 1) {
    gf_indicator_trim(t, &pa[0], &pb[0]);
    return expand(t, pa[0], pb[0], want, names);
  }
  if (n <= 1) return 0;
  for (int i = 0; i < n; i++) {
    gf_indicator_trim(t, &pa[i], &pb[i]);
    gf_copy_span(names[i], GF_PART_NAME, t, pa[i], pb[i]);
  }
  share_noun(t, pa, pb, n, names);
  return n;
}

int gf_indicator_carry(gf_finder *f, const gf_cand *c, char *ind,
                       size_t cap) {
  /* a bare 增速 or 比重 is the rate of the sentence's subject */
  if (f->subject[0] &&
      gf_word_at(ind, strlen(ind), 0, GF_GENERIC_NAMES) == strlen(ind)) {
    gf_buf whole = {0};
    gf_buf_puts(&whole, f->subject);
    gf_buf_puts(&whole, ind);
    if (whole.oom) {
      gf_buf_free(&whole);
      return GF_ENOMEM;
    }
    gf_copy_span(ind, cap, whole.p, 0, whole.len);
    gf_buf_free(&whole);
  }
  if (c->measure == GF_MEASURE_LEVEL && ind[0]) {
    gf_copy_str(f->subject, sizeof f->subject, ind);
  } else if (!f->subject[0] && ind[0]) {
    gf_copy_str(f->subject, sizeof f->subject, ind);
  }
  gf_copy_str(f->last_ind, sizeof f->last_ind, ind);
  return GF_OK;
}
