/* vocab.h - the word tables of figure finding (extract/vocab.c). */
#ifndef GF_VOCAB_H
#define GF_VOCAB_H

#include "common/contract.h"
#include "common/scan.h"

enum { GF_CMP_UP = 1, GF_CMP_DOWN = 2 };

extern const gf_word_kind GF_BOUND_BEFORE[];
extern const gf_word_kind GF_BOUND_AFTER[];
extern const gf_word_kind GF_GROWTH_VERBS[];
extern const char *const GF_RANGE_WORDS[];
extern const char *const GF_CMP_BASES[];
extern const char *const GF_SHARE_CUES[];
extern const char *const GF_RANK_CUES[];
extern const char *const GF_DURATION_BEFORE[];
extern const char *const GF_DURATION_AFTER[];
extern const char *const GF_LEAD_WORDS[];
extern const unsigned char GF_LEAD_LENS[];  /* byte length of each */
extern const char *const GF_TRAIL_WORDS[];
extern const unsigned char GF_TRAIL_LENS[];
extern const char *const GF_COUNT_VERBS[];
extern const char *const GF_KEY_PREFIXES[];
extern const char *const GF_DATE_TAILS[];
extern const char *const GF_AFTER_CUT[];
extern const char *const GF_LOCATIVES[];
extern const char *const GF_YOU_WORDS[];
extern const char *const GF_MANNER_ENDS[];
extern const char *const GF_YUE_WORDS[];
extern const char *const GF_LEAD_VERBS[];
extern const char *const GF_LIST_QUALIFIERS[];
typedef struct gf_contraction {
  const char *word, *first, *second;
} gf_contraction;
extern const gf_contraction GF_CONTRACTIONS[];
extern const char *const GF_KEY_SUFFIXES[];

/* extract/figures.c */
extern const char *const GF_YEAR_NEXT[];
extern const char *const GF_SPAN_BEFORE[];
extern const char *const GF_RANK_NEXT[];
extern const char *const GF_LIST_MARK_ENDS[];
extern const char *const GF_UNIT_LIST_SEPS[];
extern const char *const GF_BOUND_GLUE[];
extern const char *const GF_HEADING_MARK_ENDS[];
extern const char *const GF_NOT_AFTER[];
extern const char *const GF_NOT_BEFORE[];
extern const char *const GF_NAME_SUFFIX[];
extern const char *const GF_CMP_GLUE[];
extern const char *const GF_ABOVE_VERBS[];
extern const char *const GF_ABOVE_REGIONS[];
extern const char *const GF_ABOVE_AVERAGE[];
extern const char *const GF_LIST_GLUE[];

/* extract/indicator.c */
extern const char *const GF_TRAIL_MARKS[];
extern const char *const GF_LEAD_MARKS[];
extern const char *const GF_RANK_TAILS[];
extern const char *const GF_RANK_SUBJECT_WORDS[];
extern const char *const GF_LIST_CMP_BASES[];
extern const char *const GF_GENERIC_NAMES[];
extern const char *const GF_AFTER_STOP[];
extern const char *const GF_JUN_NEXT[];
extern const char *const GF_NUMBER_LIST_SEPS[];
extern const char *const GF_SUBJECT_SEPS_FIRST[];
extern const char *const GF_SUBJECT_SEPS[];

/* extract/parcels.c */
extern const char *const GF_DIR_WORDS[];
extern const char *const GF_OPEN_BRACKETS[];
extern const char *const GF_CLOSE_BRACKETS[];
extern const char *const GF_BEFORE_DIR[];
extern const char *const GF_PARCEL_END[];
extern const char *const GF_PARCEL_TRIM[];
extern const char *const GF_PARCEL_PRONOUNS[];
extern const char *const GF_PARCEL_LEAD_IN[];
extern const char *const GF_HEAD_NO[];
extern const char *const GF_HEAD_NAME[];
extern const char *const GF_HEAD_USE[];

/* extract/table_figures.c */
extern const char *const GF_HEAD_GROWTH[];
extern const char *const GF_HEAD_SHARE[];
extern const char *const GF_LABEL_LEAD[];
extern const char *const GF_HEAD_TARGET[];
extern const char *const GF_HEAD_ACTUAL[];

/* extract/sections.c */
extern const char *const GF_HEADING_STOPS[];
extern const gf_word_kind GF_FIVE_YEAR_PLANS[];
extern const char *const GF_PAST_WORDS[];
extern const char *const GF_PLAN_WORDS[];
extern const char *const GF_WORK_REPORT_WORDS[];
extern const char *const GF_CONGRESS_WORDS[];
extern const char *const GF_SPEECH_WORDS[];
extern const char *const GF_PLAN_SPAN[];

/* check/check.c */
extern const char *const GF_DOWN_WORDS[];

#endif
