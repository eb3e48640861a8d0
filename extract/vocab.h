/* vocab.h - the word tables of figure finding (extract/vocab.c). */
#ifndef GF_VOCAB_H
#define GF_VOCAB_H

#include "common/contract.h"
#include "common/scan.h"

enum { GF_CMP_UP = 1, GF_CMP_DOWN = 2 };

extern const gf_word_kind GF_BOUND_BEFORE[];
extern const gf_word_kind GF_BOUND_AFTER[];
extern const gf_word_kind GF_BOUND_INSIDE[];
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

#endif
