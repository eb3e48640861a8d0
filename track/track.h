/* track.h - what other modules (and the unit tests) may call in track/:
 * the outcome rules of one target against one actual (outcome.c) and the
 * word tables that say a figure's scope and span (words.c).  The matching
 * of targets with actuals across reports is track.c; the writers write.c. */
#ifndef GF_TRACK_H
#define GF_TRACK_H

#include <stddef.h>

#include "include/govfig.h"
#include "normalize/normalize.h"

/* One end of a comparison: the columns of a figure row that the rules
 * read.  Every field non-NULL ("" when empty). */
typedef struct gf_track_side {
  const char *measure, *value, *value_max, *unit, *base_value, *base_unit;
  const char *bound;
} gf_track_side;

/* Whether actual a can decide target t: the same measure and units that
 * compare after magnitudes (base_unit for levels; % with %, 个百分点 with
 * 百分点).  Returns 1, or 0 with why (may be NULL) given a plain phrase
 * ("actual is a level, target a growth"). */
int gf_track_comparable(const gf_track_side *t, const gf_track_side *a,
                        gf_buf *why);

/* Judges t against a (comparable): GF_TRACK_MET, GF_TRACK_MISSED or
 * GF_TRACK_UNKNOWN, with the comparison appended to reason ("9.1% < 11%").
 * direction: GF_DIRECTION_UP, GF_DIRECTION_DOWN or 0 (unknown) for the
 * indicator.  Exact decimals throughout. */
int gf_track_judge(const gf_track_side *t, const gf_track_side *a,
                   int direction, gf_buf *reason);

/* ---- words.c */
/* Bit set of the scope words (区本级, 全社会, 规模以上 ...) that text holds;
 * gf_track_scope_name(bit index) gives the word. */
unsigned gf_track_scope(const char *text);
const char *gf_track_scope_name(unsigned mask);

/* What span a figure covers: 0 one year, GF_SPAN_AVERAGE a yearly average
 * over several years (年均增长), GF_SPAN_TOTAL a sum over several years
 * (累计, 五年共).  Read from the indicator, the comparison word and the
 * words right before this figure's comparison (cmp then raw) in the
 * sentence. */
enum { GF_SPAN_YEAR = 0, GF_SPAN_AVERAGE = 1, GF_SPAN_TOTAL = 2 };
int gf_track_span(const char *indicator, const char *comparison,
                  const char *sentence, const char *raw);
/* The article-and-noun for a measure in a reason: "a growth", "a level". */
const char *gf_track_measure_words(const char *measure);

#endif
