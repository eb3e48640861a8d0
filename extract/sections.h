/* sections.h - heading path, report type, and the kind/period each part of
 * a report gives its figures (records.md "Kind and period"). */
#ifndef GF_SECTIONS_H
#define GF_SECTIONS_H

#include <stddef.h>

#include "common/contract.h"
#include "extract/regex.h"

#define GF_SECT_LEVELS 4

enum {
  GF_REPORT_OTHER = 0,
  GF_REPORT_PLAN,   /* 计划执行情况与计划草案的报告 */
  GF_REPORT_WORK,   /* 政府工作报告 */
  GF_REPORT_STATS,  /* 统计公报 */
  GF_REPORT_BUDGET  /* 预算 (targets) */
};

typedef struct gf_sections {
  int type;
  int year_actual, year_target;
  int kind, period;           /* of the part being read */
  char *path[GF_SECT_LEVELS]; /* heading texts, NULL where none */
  gf_re *re_heading;
  gf_re *re_year;
  gf_re *re_date;
} gf_sections;

int gf_sections_init(gf_sections *s);
void gf_sections_free(gf_sections *s);
/* Reads the report's title from the opening text (normalized) to set the
 * report type, its years and the kind/period of the opening part. */
void gf_sections_title(gf_sections *s, const char *text, size_t len);
/* Feeds the next paragraph (normalized).  When it opens with a heading
 * marker, updates the path and, for top-level headings, the kind/period.
 * Returns the byte length of the heading (run-in headings end at 。), 0 if
 * the paragraph is no heading. */
size_t gf_sections_feed(gf_sections *s, const char *text, size_t len);
/* The heading path joined with " > " (caller frees with gf_free). */
char *gf_sections_path(const gf_sections *s);
/* True when text opens with a heading marker (一、 （一） 1. （1） 第一章). */
int gf_sections_is_heading(gf_sections *s, const char *text, size_t len);

/* The five-year plan text[a..b) names (十四五), as a span ("十四五"期间 末
 * 以来) when as_span: an index for gf_sections_sentence, or -1. */
int gf_sections_plan_named(const char *text, size_t a, size_t b,
                           int as_span);
/* The kind and period of the sentence text[a..b) of the part s reads: a
 * five-year span's figures belong to its last year (plan: the plan the
 * heading path names, or -1 to look in the sentence); in a plan part, a
 * sentence opening with the past year's name ("2023年完成…") states an
 * actual. */
/* The byte length of a date ("2015年", "2010年的", "2014年底") that ends
 * at text+b, not before text+a, or 0; *year (NULL allowed) its year. */
size_t gf_sections_date_before(const char *text, size_t a, size_t b,
                               int *year);
/* A figure's own date: a number right after "2010年的" is of 2010, an
 * actual when that is before the sentence's period, a later goal in a
 * target part.  Updates *kind and *period (the sentence's) for the number
 * at text+at whose clause starts at from. */
void gf_sections_figure(const gf_sections *s, const char *text, size_t from,
                        size_t at, int *kind, int *period);
void gf_sections_sentence(const gf_sections *s, int plan, const char *text,
                          size_t a, size_t b, int *kind, int *period);

#endif
