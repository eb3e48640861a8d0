/* figures.c - number + unit + bound/comparison -> figure rows
 * (records.md section 1).
 *
 * Per paragraph: normalize (keeping the offset map back to the page text),
 * update the heading path, then scan numbers with a PCRE2 pattern, read
 * each exactly (normalize/numerals.c) with its unit (extract/amount.c) and
 * decide from the words around it whether it is a figure (read_figure),
 * what it measures and how it is bounded (emit), and what it is a figure
 * of (extract/indicator.c).  Rows go to the row store (extract/rows.c);
 * the kind and period of a sentence come from extract/sections.c. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/scan.h"
#include "extract/figures.h"
#include "extract/vocab.h"
#include "normalize/normalize.h"

/* Where a number may start: a digit, a Chinese numeral (traditional and
 * 大写 too), a percent form (百分之 千分之 万分之), a bare unit with 余
 * (百余 万余), a sign the numeral reader reads (负 負 −; an ASCII - is
 * looked back for, it also joins ranges and dates). */
static const char NUM_START[] =
    "[0-9零〇○一二两兩三四五六七八九十百千万萬亿億廿卅壹贰貳貮叁參叄肆伍陆陸"
    "柒捌玖拾佰仟负負−]";



/* ------------------------------------------------------------ clauses */

/* Clause starts of the sentence being read, found once per sentence
 * (numbers ask for theirs many times). */
static void find_clauses(gf_finder *f) {
  size_t n = 0;
  f->clauses[n++] = f->sent_a;
  for (size_t i = f->sent_a; i < f->sent_b;
       i += gf_char_len((unsigned char)f->t[i])) {
    size_t w = gf_clause_mark(f->t, f->sent_b, i);
    if (!w) continue;
    if (n == GF_MAX_CLAUSES) {
      f->n_clauses = 0;
      return;
    }
    f->clauses[n++] = i + w;
    i += w - gf_char_len((unsigned char)f->t[i]);
  }
  f->n_clauses = n;
}

static size_t clause_of(const gf_finder *f, size_t at) {
  if (!f->n_clauses) return gf_clause_start(f->t, f->sent_a, at);
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

/* ------------------------------------------------------------ comparison */


/* A quick test before the pattern runs: whether, glue words aside, a
 * growth verb or a 高于… phrase ends right before the number. */
static int comparison_may_end(const char *t, size_t from, size_t at) {
  for (;;) {
    int k;
    if (gf_kind_before(t, from, at, GF_GROWTH_VERBS, &k) ||
        gf_word_before(t, from, at, GF_ABOVE_REGIONS) ||
        gf_word_before(t, from, at, GF_ABOVE_AVERAGE))
      return 1;
    size_t w = gf_word_before(t, from, at, GF_CMP_GLUE);
    if (!w) return 0;
    at -= w;
  }
}

/* The comparison phrase ending right before the number (or before its
 * bound word) at at: sets the sign and the comparison text of c; returns
 * where the phrase starts, at when there is none. */
static size_t comparison(gf_finder *f, size_t from, size_t at, gf_cand *c) {
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
  for (size_t w; gap < at && (w = gf_word_at(f->t, at, gap, GF_CMP_GLUE)) != 0;)
    gap += w;
  if (gap < at) return at;
  int kind = 0;
  for (size_t i = best_a; i < best_b;
       i += gf_char_len((unsigned char)f->t[i])) {
    int k = 0;
    if (gf_kind_at(f->t, best_b, i, GF_GROWTH_VERBS, &k)) kind = k;
  }
  c->negative = kind == GF_CMP_DOWN;
  /* comparison text without 分别 */
  size_t n = 0;
  for (size_t i = best_a; i < best_b && n + 4 < sizeof c->comparison;) {
    if (gf_lit_at(f->t, best_b, i, "分别")) {
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
         gf_word_at(t, len, after, GF_YEAR_NEXT);
}


/* ------------------------------------------------------------- is it one */

/* Names and codes: PM2.5, 5G, G20, “4433”, [2], 1+2. */
static int is_name_or_code(const gf_finder *f, size_t s,
                           const gf_numeral *nr) {
  const char *t = f->t;
  size_t len = f->sent_b, after = s + nr->len;
  char before = s > 0 ? t[s - 1] : ' ';
  if (gf_is_ascii_alnum(before) || before == '.' || before == '+' ||
      before == '[' || before == '/')
    return 1;
  if (after < len && (gf_is_ascii_alnum(t[after]) || t[after] == ']' ||
                      t[after] == '/' || t[after] == '.'))
    return 1;
  if (gf_lit_before(t, f->sent_a, s, "“") && !(nr->flags & GF_NUMF_CHINESE)) {
    gf_unit_match um;
    if (!gf_unit_read(t + after, len - after, 1, &um)) return 1;
  }
  return 0;
}

/* Chinese numerals that are words: 一 (一批 一个 统一), 十四五, 二十大, 二期
 * 三队 二级 陆港 (phases, names and 大写 look-alikes), 前三 后两 近五. */
static int is_numeral_word(const gf_finder *f, size_t s,
                           const gf_numeral *nr) {
  const char *t = f->t;
  size_t len = f->sent_b, after = s + nr->len;
  if (!(nr->flags & GF_NUMF_CHINESE)) return 0;
  if (!(nr->flags & GF_NUMF_PER) && nr->len <= 3 &&
      strcmp(nr->value, "1") == 0 && !gf_lit_before(t, f->sent_a, s, "第"))
    return 1;
  gf_numeral next;
  if (gf_numeral_read(t + after, len - after, &next)) return 1;
  if ((nr->flags & GF_NUMF_DAXIE) && nr->len <= 3) return 1;
  if (gf_word_at(t, len, after, GF_NAME_SUFFIX)) return 1;
  return gf_word_before(t, f->sent_a, s, GF_SPAN_BEFORE) != 0;
}

/* A rank, 第N after a rank cue (排名全市第3位): 1 with c filled, 0 when
 * the 第N is an ordinal (第一产业, 第二次会议). */
static int read_rank(gf_finder *f, size_t s, const gf_numeral *nr,
                     gf_cand *c) {
  const char *t = f->t;
  size_t len = f->sent_b, after = s + nr->len;
  size_t cs = clause_of(f, s);
  size_t pre = s - strlen("第");
  int cue = gf_has_word(t, cs, pre, GF_RANK_CUES);
  gf_unit_match um;
  int has_unit = gf_unit_read(t + after, len - after, 0, &um);
  int rank_unit = has_unit && (um.flags & GF_UNITF_RANK);
  if (!cue || (has_unit && !rank_unit)) return 0;
  size_t e = after;
  if (rank_unit) {
    gf_copy_span(c->m.unit, sizeof c->m.unit, t, after, after + um.len);
    gf_copy_str(c->m.base_unit, sizeof c->m.base_unit, um.base);
    e += um.len;
  } else if (gf_word_at(t, len, after, GF_NOT_AFTER) ||
             gf_is_han_at(t, len, after)) {
    if (!gf_clause_mark(t, len, after) &&
        !gf_word_at(t, len, after, GF_RANK_NEXT))
      return 0;
  }
  c->a = pre;
  c->b = e;
  c->measure = GF_MEASURE_RANK;
  return 1;
}

/* What follows an amount ending at e that makes it no figure: 2000 吨级 (a
 * class), 16-59 岁 (an age bracket), a day of the calendar, a threshold
 * that qualifies a noun ("30户以上自然村寨", "500万元及以上固定资产投资":
 * a class of things), a Chinese-numeral span of time that is no duration
 * (九年一贯制, 两年平均; 连续三年 is one).  Sets the bound after the
 * amount. */
static int is_qualifier(const gf_finder *f, size_t s, const gf_numeral *nr,
                        size_t e, gf_cand *c) {
  const char *t = f->t;
  size_t len = f->sent_b;
  if (gf_lit_at(t, len, e, "级") || strcmp(c->m.base_unit, "岁") == 0)
    return 1;
  gf_amount_list_unit(t, len, e, &c->m);
  /* a year as a duration ("2 年") is fine; "年" after 4 digits was a date */
  if ((c->m.unit_flags & GF_UNITF_TIME) && strcmp(c->m.base_unit, "日") == 0)
    return 1;
  int bk = 0;
  size_t ji = gf_lit_at(t, len, e, "及") ? strlen("及") : 0;
  size_t bw = gf_kind_at(t, len, e + ji, GF_BOUND_AFTER, &bk);
  if (bw && (bk == GF_BOUND_AT_LEAST || bk == GF_BOUND_AT_MOST) &&
      gf_is_han_at(t, len, e + ji + bw) &&
      !gf_lit_at(t, len, e + ji + bw, "的"))
    return 1;
  if (bw && !c->m.bound) c->m.bound = bk;
  return (nr->flags & GF_NUMF_CHINESE) && (c->m.unit_flags & GF_UNITF_TIME) &&
         !gf_word_before(t, f->sent_a, s, GF_DURATION_BEFORE);
}

/* Is the number at s (already read as nr) a figure?  Fills c. */
static int read_figure(gf_finder *f, size_t s, const gf_numeral *nr,
                       gf_cand *c) {
  const char *t = f->t;
  size_t len = f->sent_b;
  size_t after = s + nr->len;
  memset(c, 0, sizeof *c);
  c->a = s;
  gf_copy_str(c->m.value, sizeof c->m.value, nr->core);
  if (is_name_or_code(f, s, nr) || is_numeral_word(f, s, nr) ||
      is_date_year(nr, t, len, after))
    return 0;
  /* list markers: 1. 1、 （1） at a clause start */
  if (gf_word_at(t, len, after, GF_LIST_MARK_ENDS))
    if (nr->mag_exp == 0) return 0;
  /* 表2 图1 附件3: captions and references */
  if (gf_word_before(t, f->sent_a, s, GF_NOT_BEFORE)) return 0;
  if (gf_lit_before(t, f->sent_a, s, "第")) return read_rank(f, s, nr, c);
  if (gf_word_at(t, len, after, GF_NOT_AFTER) && nr->mag_exp == 0 &&
      !(nr->flags & GF_NUMF_PER))
    return 0;
  size_t e = gf_amount_read(t, len, s, nr, &c->m);
  if (!e || is_qualifier(f, s, nr, e, c)) return 0;
  c->b = e;
  return 1;
}

/* ------------------------------------------------------------ rows */

/* dst = "-" (when neg) + src; dst has room for src and the sign. */
static void signed_copy(char *dst, const char *src, int neg) {
  if (neg) *dst++ = '-';
  memcpy(dst, src, strlen(src) + 1);
}

/* Adds the row of figure c with indicator ind_in to the store. */
static int add_row(gf_finder *f, const gf_cand *c, const char *ind_in) {
  gf_figures *o = f->out;
  char ind[192];
  gf_copy_str(ind, sizeof ind, ind_in);
  gf_indicator_drop_notes(ind);
  gf_figure *r = gf_figures_slot(o);
  if (!r) return GF_ENOMEM;
  uint32_t page;
  size_t start, end;
  gf_figures_source(f->doc, f->para, f->map, f->t, c->a, c->b, &page, &start,
                    &end);
  const gf_page *pg = &f->doc->pages[page];
  char base[GF_NUM_MAX + 16];
  if (gf_decimal_shift(c->m.value, c->m.mag_exp, base, sizeof base))
    gf_copy_str(base, sizeof base, c->m.value);
  char value[GF_NUM_MAX + 2], vmax[GF_NUM_MAX + 2], bv[GF_NUM_MAX + 18];
  int neg = c->negative && c->m.value[0] != '-' &&
            (c->measure == GF_MEASURE_GROWTH || c->measure == GF_MEASURE_PP);
  signed_copy(value, c->m.value, neg);
  signed_copy(bv, base, neg);
  signed_copy(vmax, c->m.value_max, neg && c->m.value_max[0]);
  if (!f->section_kept)
    f->section_kept = gf_figures_keep_str(o, f->section ? f->section : "");
  if (!f->sentence_kept)
    f->sentence_kept =
        gf_figures_keep(o, f->t + f->sent_a, f->sent_b - f->sent_a);
  if (f->sent_kind < 0)
    gf_sections_sentence(&f->sect, f->section_plan, f->t, f->sent_a,
                         f->sent_b, &f->sent_kind, &f->sent_period);
  r->page = (int)page + 1;
  r->section = f->section_kept;
  int kind = f->sent_kind, period = f->sent_period;
  gf_sections_figure(&f->sect, f->t, f->sent_a, c->a, &kind, &period);
  r->kind = GF_KIND_NAMES[kind == GF_KIND_TARGET];
  r->period = period;
  r->indicator = gf_figures_keep_str(o, ind);
  r->measure = GF_MEASURE_NAMES[c->measure];
  r->value = gf_figures_keep_str(o, value);
  r->unit = gf_figures_keep_str(o, c->m.unit);
  r->base_value = gf_figures_keep_str(o, bv);
  r->base_unit = gf_figures_keep_str(o, c->m.base_unit);
  r->bound = GF_BOUND_NAMES[c->m.bound];
  /* growth and change rows name their comparison; so does a level that
   * states a change (比年初增加 586.96 亿元) */
  r->comparison = gf_figures_keep_str(
      o, c->measure == GF_MEASURE_GROWTH || c->measure == GF_MEASURE_PP ||
                 c->measure == GF_MEASURE_LEVEL
             ? c->comparison
             : "");
  r->raw = gf_figures_keep(o, pg->text + start, end - start);
  r->start = start;
  r->end = end;
  r->sentence = f->sentence_kept;
  r->value_max = gf_figures_keep_str(o, vmax);
  r->indicator_key = r->indicator;
  gf_doc_figure_box(f->doc, r);
  return gf_figures_commit(o);
}

/* Records the kind, period and section in force for the pages up to and
 * including page (table figures take them from their page). */
static int note_pages(gf_finder *f, size_t page) {
  if (!f->section_kept)
    f->section_kept = gf_figures_keep_str(f->out, f->section ? f->section : "");
  if (!f->section_kept) return GF_ENOMEM;
  for (; f->pages_done <= page && f->pages_done < f->doc->n_pages;
       f->pages_done++) {
    gf_page_context *c = &f->pages[f->pages_done];
    c->kind = GF_KIND_NAMES[f->sect.kind == GF_KIND_TARGET];
    c->period = f->sect.period;
    c->section = f->section_kept;
  }
  return GF_OK;
}

/* ------------------------------------------------------------ emit */

/* The bound word right before the number at num_at (超 22.3, also with
 * 达/达到 between: 达到超过…); sets c's bound; returns its length. */
static size_t bound_before(const gf_finder *f, gf_cand *c, size_t seg,
                           size_t num_at) {
  const char *t = f->t;
  int bk = 0;
  size_t bw = gf_kind_before(t, seg, num_at, GF_BOUND_BEFORE, &bk);
  /* 签约7个项目: the 约 of a word is no "about" */
  if (bw && gf_word_before(t, seg, num_at, GF_YUE_WORDS) > bw) bw = 0;
  if (!bw) {
    size_t w = gf_word_before(t, seg, num_at, GF_BOUND_GLUE);
    if (w) bw = gf_kind_before(t, seg, num_at - w, GF_BOUND_BEFORE, &bk);
  }
  if (bw && c->m.bound == GF_BOUND_EXACT && c->measure != GF_MEASURE_RANK)
    c->m.bound = bk;
  return bw;
}

/* What c measures, from its unit and the words before it (cs: its clause
 * start; cmp_a < num_at when a comparison ends right before it). */
static void measure_of(const gf_finder *f, gf_cand *c, size_t seg, size_t cs,
                       size_t num_at, size_t cmp_a) {
  const char *t = f->t;
  int has_cmp = cmp_a < num_at;
  if (c->measure == GF_MEASURE_RANK) {
    /* a rank stays one */
  } else if (c->m.unit_flags & GF_UNITF_PP) {
    c->measure = GF_MEASURE_PP;
  } else if (c->m.unit_flags & GF_UNITF_PERCENT) {
    /* the cue closest to the number decides: 占…比重 vs 增长 */
    size_t share_at = 0;
    for (size_t i = seg; i < num_at; i += gf_char_len((unsigned char)t[i]))
      if (gf_word_at(t, num_at, i, GF_SHARE_CUES)) share_at = i + 1;
    c->measure = has_cmp && cmp_a + 1 > share_at ? GF_MEASURE_GROWTH
                                                 : GF_MEASURE_SHARE;
  } else if ((c->m.unit_flags & GF_UNITF_TIME) &&
             (gf_word_before(t, seg, num_at, GF_DURATION_BEFORE) ||
              gf_has_word(t, cs, num_at, GF_DURATION_BEFORE) ||
              gf_word_at(t, f->sent_b, c->b, GF_DURATION_AFTER))) {
    c->measure = GF_MEASURE_DURATION;
  } else {
    c->measure = GF_MEASURE_LEVEL;
  }
  if (!has_cmp) c->comparison[0] = '\0';
  if (c->measure == GF_MEASURE_LEVEL || c->measure == GF_MEASURE_SHARE)
    c->negative = 0;
}

/* Whether c continues a list of numbers of its clause ("21.3%、56.7%" or
 * "19.6%、27.8%和52.6%"): only list words between the previous figure
 * (seg_a) and it.  A continued percentage takes the list's measure and
 * comparison. */
static int continues_list(gf_finder *f, gf_cand *c, size_t seg_a, size_t cs,
                          size_t seg, size_t num_at) {
  size_t k = seg;
  for (size_t w; k < num_at && (w = gf_word_at(f->t, num_at, k, GF_LIST_GLUE));)
    k += w;
  int continued = seg_a > cs && k == num_at;
  if (continued && f->last.measure != GF_MEASURE_RANK &&
      c->measure != GF_MEASURE_RANK && (c->m.unit_flags & GF_UNITF_PERCENT) &&
      (f->last.m.unit_flags & GF_UNITF_PERCENT)) {
    c->measure = f->last.measure;
    c->negative = f->last.negative;
    memcpy(c->comparison, f->last.comparison, sizeof c->comparison);
  }
  f->last = *c;
  return continued;
}

/* The subjects of a 分别 list, as read for the sentence so far. */
typedef struct subjects {
  char name[GF_MAX_PARTS][GF_PART_NAME];
  int n;    /* parts of the list being read; 0: none */
  int at;   /* index of the last number given a part */
} subjects;

/* Decides measure, bound before the number and the indicator, then adds the
 * row(s).  seg_a: end of the previous figure in this clause (or the
 * clause start); sub: the 分别 list the sentence reads. */
static int emit(gf_finder *f, gf_cand *c, size_t seg_a, subjects *sub) {
  size_t cs = clause_of(f, c->a);
  size_t seg = seg_a > cs ? seg_a : cs;
  size_t num_at = c->a;
  size_t bw = bound_before(f, c, seg, num_at);
  size_t cmp_a = comparison(f, seg, num_at, c);
  measure_of(f, c, seg, cs, num_at, cmp_a);
  char ind[192];
  if (continues_list(f, c, seg_a, cs, seg, num_at)) {
    if (sub->n > 1) {
      sub->at++;
      int i = sub->at < sub->n ? sub->at : sub->n - 1;
      gf_copy_str(ind, sizeof ind, sub->name[i]);
    } else {
      gf_copy_str(ind, sizeof ind, f->subject);
    }
    return add_row(f, c, ind);
  }
  int each = 0;
  sub->at = 0;
  sub->n = gf_indicator_list(f, c, seg, num_at, sub->name, &each);
  if (sub->n) {
    gf_copy_str(ind, sizeof ind, sub->name[0]);
    gf_copy_str(f->subject, sizeof f->subject, ind);
    if (!each) return add_row(f, c, ind);
    for (int i = 0; i < sub->n; i++) { /* 均: one number, every subject */
      gf_copy_str(ind, sizeof ind, sub->name[i]);
      int rc = add_row(f, c, ind);
      if (rc) return rc;
    }
    sub->n = 0;
    return GF_OK;
  }
  gf_indicator_of(f, c, seg, cmp_a < num_at ? cmp_a : num_at - bw, ind,
                  sizeof ind);
  int rc = gf_indicator_carry(f, c, ind, sizeof ind);
  return rc ? rc : add_row(f, c, ind);
}

static int scan_sentence(gf_finder *f) {
  size_t pos = f->sent_a, prev_end = f->sent_a;
  subjects sub = {{{0}}, 0, 0};
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
      pos = s + gf_char_len((unsigned char)f->t[s]);
      continue;
    }
    /* a table's numbers are read from its cells (table_figures.c) */
    uint64_t at = f->para->pos[f->map[s]];
    if (gf_tables_covers(f->tables, GF_POS_PAGE(at), GF_POS_OFF(at))) {
      pos = s + nr.len;
      continue;
    }
    /* a sign: -0.57‰ */
    gf_cand c;
    if (read_figure(f, s, &nr, &c)) {
      if (s > f->sent_a && f->t[s - 1] == '-' &&
          (s < 2 || !gf_is_ascii_alnum(f->t[s - 2]))) {
        c.a = s - 1;
        if (c.m.value[0] != '-') {
          memmove(c.m.value + 1, c.m.value, strlen(c.m.value) + 1);
          c.m.value[0] = '-';
        }
      }
      size_t cs = clause_of(f, c.a);
      if (cs > prev_end) {
        prev_end = cs;
        sub.n = 0;
      }
      int err = emit(f, &c, prev_end, &sub);
      if (err) return err;
      prev_end = c.b;
      pos = c.b > s ? c.b : s + nr.len;
    } else {
      pos = s + nr.len;
    }
  }
  return rc < 0 ? rc : GF_OK;
}

static int scan_para(gf_finder *f, size_t from) {
  size_t a = from;
  while (a < f->len) {
    size_t b = a;
    while (b < f->len && !gf_sentence_mark(f->t, f->len, b))
      b += gf_char_len((unsigned char)f->t[b]);
    f->sent_a = a;
    f->sent_b = b;
    int rc = scan_sentence(f);
    if (rc) return rc;
    a = b < f->len ? b + gf_sentence_mark(f->t, f->len, b) : b;
  }
  return GF_OK;
}

/* Figures are read from just after a heading's marker (1. 一、), so that
 * a run-in heading's own sentence and anything glued to it are read too. */
static size_t heading_marker_len(const char *t, size_t len, size_t hl) {
  if (!hl) return 0;
  size_t i = 0;
  while (i < len && i < hl && !gf_word_at(t, len, i, GF_HEADING_MARK_ENDS))
    i += gf_char_len((unsigned char)t[i]);
  return i < len ? i + gf_word_at(t, len, i, GF_HEADING_MARK_ENDS) : 0;
}

/* The opening text before the first heading names the report. */
static int read_title(gf_finder *f, gf_para_iter *it) {
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

/* The number scanner, and the comparison pattern built from the word
 * tables: an average comparison (高于全市平均水平) or a base and a verb
 * (同比增长, 比上年分别下降). */
static int build_patterns(gf_finder *f) {
  int rc = gf_re_new(NUM_START, &f->re_num);
  if (rc) return rc;
  const char *verbs[64];
  size_t n = 0;
  for (; GF_GROWTH_VERBS[n].word && n < 63; n++)
    verbs[n] = GF_GROWTH_VERBS[n].word;
  verbs[n] = NULL;
  char *alt[5] = {gf_re_alternation(GF_ABOVE_VERBS),
                  gf_re_alternation(GF_ABOVE_REGIONS),
                  gf_re_alternation(GF_ABOVE_AVERAGE),
                  gf_re_alternation(GF_CMP_BASES), gf_re_alternation(verbs)};
  gf_buf p = {0};
  if (alt[0] && alt[1] && alt[2] && alt[3] && alt[4])
    gf_buf_printf(&p, "(?:%s(?:%s%s?|%s)|%s?(?:分别|均)?%s)", alt[0], alt[1],
                  alt[2], alt[2], alt[3], alt[4]);
  else
    p.oom = 1;
  for (int i = 0; i < 5; i++) free(alt[i]);
  if (p.oom) {
    gf_buf_free(&p);
    return GF_ENOMEM;
  }
  rc = gf_re_new(p.p, &f->re_cmp);
  gf_buf_free(&p);
  return rc;
}

int gf_figures_extract(const gf_doc *doc, unsigned opts, gf_figures **out,
                       gf_error *err) {
  return gf_figures_extract_with(doc, opts, NULL, out, err);
}

int gf_figures_extract_with(const gf_doc *doc, unsigned opts,
                            const gf_indicators *vocab, gf_figures **out,
                            gf_error *err) {
  return gf_doc_extract(doc, opts, vocab, out, NULL, err);
}

/* One pass over the document: its tables built once, its paragraphs read
 * once, each paragraph given to the figure reader and (when parcels are
 * wanted) to the parcel reader.  Over 80 lines: the pass with its one
 * cleanup path reads best whole. */
int gf_doc_extract(const gf_doc *doc, unsigned opts,
                   const gf_indicators *vocab, gf_figures **out,
                   gf_parcels **parcels, gf_error *err) {
  (void)opts;
  if (out) *out = NULL;
  if (parcels) *parcels = NULL;
  if (!doc || !out) return GF_EINVAL;
  gf_parcels *ps = NULL;
  gf_finder f;
  memset(&f, 0, sizeof f);
  f.doc = doc;
  f.section_plan = -1;
  gf_para_iter *it = NULL;
  gf_tables *tabs = NULL;
  const gf_para *para;
  int rc = GF_ENOMEM;
  if (!(f.out = gf_figures_new(doc->name ? doc->name : "-"))) goto done;
  f.pages = gf_calloc(doc->n_pages + 1, sizeof *f.pages);
  if (!f.pages) goto done;
  if ((rc = gf_sections_init(&f.sect)) || (rc = build_patterns(&f)) ||
      (rc = gf_para_iter_new(doc, &it)) || (rc = read_title(&f, it)))
    goto done;
  gf_figures_set_report(f.out, f.sect.type, f.sect.year_actual,
                        f.sect.year_target);
  if (doc->has_geom && (rc = gf_tables_extract(doc, 0, &tabs, NULL)))
    goto done;
  f.tables = tabs;
  if (parcels && (rc = gf_parcels_begin(doc, tabs, &ps))) goto done;
  while ((rc = gf_para_iter_next(it, &para)) == 1) {
    if (ps && (rc = gf_parcels_para(ps, doc, tabs, para))) goto done;
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
          f.section
              ? gf_sections_plan_named(f.section, 0, strlen(f.section), 0)
              : -1;
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
      (rc = gf_figures_set_keys(f.out, vocab)))
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
    gf_parcels_free(ps);
    gf_figures_free(f.out);
    return gf_error_fill(err, rc, 0, 0);
  }
  *out = f.out;
  if (parcels) *parcels = ps;
  return GF_OK;
}
