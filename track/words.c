/* words.c - the word tables of target tracking (records.md section 3):
 * which words make a figure's scope (an amount of the district's own level,
 * of the whole society, of enterprises above a size) and which make it a
 * figure over several years rather than one.  Tables, not inline literals:
 * a new word is a new line. */
#include <string.h>

#include "track/track.h"

/* Scope words: two figures of one indicator with different scope words
 * are different statistics (区本级固定资产投资 is not 全社会固定资产投资).
 * Longer words first, so that 区本级 is read before 本级. */
static const char *const scope_words[] = {
    "区本级", "市本级", "县本级", "旗本级", "省本级", "镇本级", "本级",
    "全社会", "规模以上", "规上", "限额以上", "限上"
};
#define N_SCOPE (sizeof scope_words / sizeof *scope_words)

unsigned gf_track_scope(const char *text) {
  unsigned mask = 0;
  for (size_t i = 0; i < N_SCOPE; i++) {
    const char *p = strstr(text, scope_words[i]);
    if (!p) continue;
    /* 区本级 holds 本级: the longer word alone names the scope */
    int inside = 0;
    for (size_t j = 0; j < i && !inside; j++)
      if (mask & (1u << j)) {
        const char *q = strstr(text, scope_words[j]);
        inside = q && p >= q && p < q + strlen(scope_words[j]);
      }
    if (!inside) mask |= 1u << i;
  }
  return mask;
}

const char *gf_track_scope_name(unsigned mask) {
  for (size_t i = 0; i < N_SCOPE; i++)
    if (mask & (1u << i)) return scope_words[i];
  return "";
}

/* A yearly average over a span (年均增长 7.5%: 十三五 goals, five-year
 * reviews) and a total over a span (累计完成, 五年共). */
static const char *const average_words[] = {"年均", "平均每年", "每年平均",
                                             "年平均"};
static const char *const total_words[] = {"累计", "累积", "五年共", "五年来",
                                          "期间共"};

static int has_any(const char *text, const char *const *w, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (strstr(text, w[i])) return 1;
  return 0;
}

/* Does a word of w end inside or right before the comparison at p (nc
 * bytes) of sentence: "年均增长" when the comparison is 均增长 or 增长. */
static int word_before(const char *sentence, const char *p, size_t nc,
                       const char *const *w, size_t n) {
  for (size_t i = 0; i < n; i++) {
    size_t nw = strlen(w[i]);
    const char *from = (size_t)(p - sentence) >= nw ? p - nw : sentence;
    for (const char *q = from; q <= p; q++)
      if (strncmp(q, w[i], nw) == 0 && q + nw <= p + nc) return 1;
  }
  return 0;
}

/* The comparison of this figure in its sentence: cmp followed by raw when
 * the sentence holds them together, else every occurrence of cmp. */
static int before_comparison(const char *sentence, const char *cmp,
                             const char *raw, const char *const *w,
                             size_t n) {
  size_t nc = strlen(cmp), nr = strlen(raw);
  if (nc == 0) return 0;
  int found = 0;
  for (const char *p = strstr(sentence, cmp); p; p = strstr(p + 1, cmp)) {
    if (nr == 0 || strncmp(p + nc, raw, nr) != 0) continue;
    found = 1;
    if (word_before(sentence, p, nc, w, n)) return 1;
  }
  if (found) return 0;
  for (const char *p = strstr(sentence, cmp); p; p = strstr(p + 1, cmp))
    if (word_before(sentence, p, nc, w, n)) return 1;
  return 0;
}

int gf_track_span(const char *indicator, const char *comparison,
                  const char *sentence, const char *raw) {
  const size_t na = sizeof average_words / sizeof *average_words;
  const size_t nt = sizeof total_words / sizeof *total_words;
  if (has_any(indicator, average_words, na) ||
      has_any(comparison, average_words, na) ||
      before_comparison(sentence, comparison, raw, average_words, na))
    return GF_SPAN_AVERAGE;
  if (has_any(indicator, total_words, nt) ||
      has_any(comparison, total_words, nt))
    return GF_SPAN_TOTAL;
  return GF_SPAN_YEAR;
}

static const struct {
  const char *measure, *words;
} measure_words[] = {
    {"level", "a level"},        {"growth", "a growth"},
    {"change_pp", "a change in points"}, {"share", "a share"},
    {"rank", "a rank"},          {"duration", "a duration"},
};

const char *gf_track_measure_words(const char *measure) {
  for (size_t i = 0; i < sizeof measure_words / sizeof *measure_words; i++)
    if (strcmp(measure, measure_words[i].measure) == 0)
      return measure_words[i].words;
  return "another measure";
}
