/* sections.c - heading path (一、 （一） 1. （1）), the report's type from
 * its title, and kind/period per part (records.md "Kind and period"):
 * a plan report's execution part is year N actuals, its plan part year N+1
 * targets; a 政府工作报告's review is the previous year, its plan the
 * report's year; a 统计公报 is actuals of its year. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/scan.h"
#include "extract/sections.h"
#include "extract/vocab.h"
#include "normalize/normalize.h"

/* Heading levels, outermost first.  Groups 1..4 tell the level. */
static const char HEADING[] =
    "^(?:([一二三四五六七八九十]{1,3}、|第[一二三四五六七八九十]{1,3}[章部篇])"
    "|([（(][一二三四五六七八九十]{1,3}[）)])"
    "|([0-9]{1,2}[.．、](?![0-9]))"
    "|([（(][0-9]{1,2}[）)]))";


static const char *find(const char *s, size_t len, const char *w) {
  size_t wl = strlen(w);
  if (wl == 0) return s;
  for (const char *p = s, *e = s + len;
       (p = memchr(p, w[0], (size_t)(e - p))) != NULL; p++)
    if ((size_t)(e - p) >= wl && memcmp(p, w, wl) == 0) return p;
  return NULL;
}

/* Where the first 。 ； or ： is, or len.  Each search stops where an
 * earlier stop was found: run-in headings open long paragraphs. */
static size_t first_stop(const char *t, size_t len) {
  size_t end = len;
  for (size_t k = 0; GF_HEADING_STOPS[k]; k++) {
    size_t wl = strlen(GF_HEADING_STOPS[k]);
    size_t lim = end + wl - 1 < len ? end + wl - 1 : len;
    const char *p = find(t, lim, GF_HEADING_STOPS[k]);
    if (p) end = (size_t)(p - t);
  }
  return end;
}

static int contains(const char *s, size_t len, const char *w) {
  return find(s, len, w) != NULL;
}

int gf_sections_init(gf_sections *s) {
  memset(s, 0, sizeof *s);
  if (gf_re_new(HEADING, &s->re_heading) ||
      gf_re_new("((?:19|20)[0-9]{2})年(?![0-9]{1,2}月)", &s->re_year) ||
      gf_re_new("((?:19|20)[0-9]{2})年[0-9]{1,2}月", &s->re_date)) {
    gf_sections_free(s);
    return GF_ENOMEM;
  }
  return GF_OK;
}

void gf_sections_free(gf_sections *s) {
  for (int i = 0; i < GF_SECT_LEVELS; i++) free(s->path[i]);
  gf_re_free(s->re_heading);
  gf_re_free(s->re_year);
  gf_re_free(s->re_date);
  memset(s, 0, sizeof *s);
}

/* The years "NNNN年" in text, in order (at most max). */
static int years(gf_sections *s, const char *t, size_t len, int *out,
                 int max) {
  size_t ov[4], at = 0;
  int n = 0;
  while (n < max && gf_re_find(s->re_year, t, len, at, ov, 2) == 1) {
    out[n++] = atoi(t + ov[2]);
    at = ov[1];
  }
  return n;
}

void gf_sections_title(gf_sections *s, const char *t, size_t len) {
  int y[4];
  int ny = years(s, t, len, y, 4);
  /* The date line (2024年3月5日) when the title names no year: a work
   * report is dated in its own year, a communique in the year after. */
  size_t ov[4];
  int date = gf_re_find(s->re_date, t, len, 0, ov, 2) == 1 ? atoi(t + ov[2])
                                                           : 0;
  int plan = contains(t, len, "执行情况") && contains(t, len, "计划");
  /* Without the words 政府工作报告, a work report shows itself by what it
   * is: a speech dated at a congress session that presents the work */
  int work =
      !plan && (gf_has_word(t, 0, len, GF_WORK_REPORT_WORDS) ||
                (date && gf_has_word(t, 0, len, GF_CONGRESS_WORDS) &&
                 gf_has_word(t, 0, len, GF_SPEECH_WORDS) &&
                 !contains(t, len, "预算") && !contains(t, len, "公报")));
  if (!ny && date) {
    y[0] = work ? date : date - 1;
    ny = 1;
  }
  if (plan) {
    s->type = GF_REPORT_PLAN;
    s->year_actual = ny ? y[0] : 0;
    s->year_target = ny > 1 ? y[1] : (ny ? y[0] + 1 : 0);
  } else if (work) {
    s->type = GF_REPORT_WORK;
    s->year_target = ny ? y[ny - 1] : 0;
    s->year_actual = s->year_target ? s->year_target - 1 : 0;
  } else if (contains(t, len, "统计公报")) {
    s->type = GF_REPORT_STATS;
    s->year_actual = s->year_target = ny ? y[0] : 0;
  } else if (contains(t, len, "预算") && !contains(t, len, "决算")) {
    s->type = GF_REPORT_BUDGET;
    s->year_actual = s->year_target = ny ? y[0] : 0;
  } else {
    s->type = GF_REPORT_OTHER;
    s->year_actual = s->year_target = ny ? y[0] : 0;
  }
  s->kind = s->type == GF_REPORT_BUDGET ? GF_KIND_TARGET : GF_KIND_ACTUAL;
  s->period = s->kind == GF_KIND_TARGET ? s->year_target : s->year_actual;
}

int gf_sections_is_heading(gf_sections *s, const char *t, size_t len) {
  size_t ov[2];
  return gf_re_at(s->re_heading, t, len, 0, ov, 1) == 1;
}

/* When the title names no kind of report, the top-level headings that
 * carry a year say what a part holds: "一、2013年工作回顾" (回顾, 完成情况,
 * 执行情况) is the actual part of 2013, "二、2014年工作安排" (安排, 预期目标,
 * 计划, 主要任务) the target part of 2014.  A heading with neither keeps the
 * part as it was. */
static void structural(gf_sections *s, const char *h, size_t len,
                       const int *y, int ny) {
  if (!ny) return;
  int kind = gf_has_word(h, 0, len, GF_PAST_WORDS)   ? GF_KIND_ACTUAL
             : gf_has_word(h, 0, len, GF_PLAN_WORDS) ? GF_KIND_TARGET
                                                     : -1;
  if (kind < 0) return;
  s->kind = kind;
  s->period = y[0];
}

/* A top-level heading switches between the looking-back and planning parts
 * of plan reports and government work reports. */
static void top_level(gf_sections *s, const char *h, size_t len) {
  int y[2];
  int ny = years(s, h, len, y, 2);
  /* a report the title does not name, or does not date */
  if (s->type == GF_REPORT_OTHER ||
      ((s->type == GF_REPORT_PLAN || s->type == GF_REPORT_WORK) &&
       !s->year_actual && !s->year_target)) {
    structural(s, h, len, y, ny);
    return;
  }
  if (s->type != GF_REPORT_PLAN && s->type != GF_REPORT_WORK) return;
  int kind = -1;
  if (ny && s->year_target && y[0] == s->year_target &&
      s->year_target != s->year_actual)
    kind = GF_KIND_TARGET;
  else if (ny && y[0] == s->year_actual)
    kind = GF_KIND_ACTUAL;
  else if (gf_has_word(h, 0, len, GF_PAST_WORDS))
    kind = GF_KIND_ACTUAL;
  else if (gf_has_word(h, 0, len, GF_PLAN_WORDS))
    kind = GF_KIND_TARGET;
  if (kind < 0) return;
  s->kind = kind;
  s->period = kind == GF_KIND_TARGET ? s->year_target : s->year_actual;
}

size_t gf_sections_feed(gf_sections *s, const char *t, size_t len) {
  size_t ov[10];
  if (gf_re_at(s->re_heading, t, len, 0, ov, 5) != 1) return 0;
  int level = 0;
  for (int i = 1; i <= 4; i++)
    if (ov[2 * i] != SIZE_MAX) level = i - 1;
  /* A run-in heading ends at the first 。 (or ；：); a plain one is the
   * whole paragraph, capped so a stray long paragraph stays readable. */
  size_t end = first_stop(t, len);
  size_t cap = end;
  if (cap > 150) { /* 50 Han characters, cut on a character boundary */
    cap = 150;
    while (cap > 0 && ((unsigned char)t[cap] & 0xC0) == 0x80) cap--;
  }
  for (int i = level; i < GF_SECT_LEVELS; i++) {
    free(s->path[i]);
    s->path[i] = NULL;
  }
  s->path[level] = gf_strndup(t, cap);
  if (level == 0) top_level(s, t, end);
  return end;
}

char *gf_sections_path(const gf_sections *s) {
  gf_buf b = {0};
  for (int i = 0; i < GF_SECT_LEVELS; i++) {
    if (!s->path[i]) continue;
    if (b.len) gf_buf_puts(&b, " > ");
    gf_buf_puts(&b, s->path[i]);
  }
  return gf_buf_detach(&b, NULL);
}

/* ------------------------------------------------------ five-year plans */


int gf_sections_plan_named(const char *t, size_t a, size_t b, int as_span) {
  /* every name starts with 十 (E5 8D 81): jump from one E5 byte to the next
   * (UTF-8 lead bytes never occur inside a character) */
  for (size_t j = a; j + 9 <= b; j++) {
    const char *e5 = memchr(t + j, 0xE5, b - j);
    if (!e5) break;
    j = (size_t)(e5 - t);
    if (!gf_lit_at(t, b, j, "十")) continue;
    for (size_t i = 0; GF_FIVE_YEAR_PLANS[i].word; i++) {
      if (!gf_lit_at(t, b, j, GF_FIVE_YEAR_PLANS[i].word)) continue;
      size_t k = j + strlen(GF_FIVE_YEAR_PLANS[i].word);
      if (gf_lit_at(t, b, k, "”")) k += strlen("”");
      if (!as_span || gf_word_at(t, b, k, GF_PLAN_SPAN)) return (int)i;
    }
  }
  return -1;
}

size_t gf_sections_date_before(const char *t, size_t a, size_t b, int *year) {
  size_t e = b;
  e -= gf_word_before(t, a, e, GF_DATE_TAILS);
  if (!gf_lit_before(t, a, e, "年")) return 0;
  e -= strlen("年");
  size_t d = e;
  while (d > a && t[d - 1] >= '0' && t[d - 1] <= '9') d--;
  if (e - d != 4 || (d > a && gf_is_ascii_alnum(t[d - 1]))) return 0;
  if (year) *year = atoi(t + d);
  return b - d;
}

void gf_sections_figure(const gf_sections *s, const char *t, size_t from,
                        size_t at, int *kind, int *period) {
  int y = 0;
  if (!gf_sections_date_before(t, from, at, &y) || !*period) return;
  if (y < *period) { /* 由2010年的68亿元: a past level is an actual */
    *kind = GF_KIND_ACTUAL;
    *period = y;
  } else if (y > *period && *kind == GF_KIND_TARGET) {
    *period = y; /* 到2025年的…: a goal of a later year */
  }
  (void)s;
}

void gf_sections_sentence(const gf_sections *s, int plan, const char *t,
                          size_t a, size_t b, int *kind, int *period) {
  *kind = s->kind;
  *period = s->period;
  if (plan < 0) plan = gf_sections_plan_named(t, a, b, 1);
  if (plan >= 0) {
    *period = GF_FIVE_YEAR_PLANS[plan].kind;
    int past =
        s->year_actual && GF_FIVE_YEAR_PLANS[plan].kind <= s->year_actual;
    *kind = past ? GF_KIND_ACTUAL : GF_KIND_TARGET;
    return;
  }
  if (*kind == GF_KIND_TARGET && s->year_actual &&
      s->year_actual != s->year_target) {
    char y[16];
    snprintf(y, sizeof y, "%d年", s->year_actual);
    if (gf_lit_at(t, b, a, y)) {
      *kind = GF_KIND_ACTUAL;
      *period = s->year_actual;
    }
  }
}
