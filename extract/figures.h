/* figures.h - the prose figure reader's state, shared by figures.c (the
 * paragraph and sentence scan, what a number is, the rows) and
 * indicator.c (what a figure is a figure of).  Private to extract/. */
#ifndef GF_FIGURES_H
#define GF_FIGURES_H

#include <stddef.h>

#include "extract/amount.h"
#include "extract/extract.h"
#include "extract/regex.h"
#include "extract/sections.h"

/* One number as read, with what surrounds it. */
typedef struct gf_cand {
  size_t a, b;          /* raw span in the normalized text */
  gf_amount m;          /* value, unit, bound inside (amount.c) */
  int measure;          /* GF_MEASURE_* */
  int negative;         /* a decrease: growth and change values get a '-' */
  char comparison[96];
} gf_cand;

#define GF_MAX_CLAUSES 128 /* clause starts remembered per sentence */
#define GF_MAX_PARTS 8     /* subjects of one 分别 list */

typedef struct gf_finder {
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
  gf_cand last;       /* the previous figure in the sentence */
  size_t clauses[GF_MAX_CLAUSES]; /* clause starts of the sentence */
  size_t n_clauses;               /* 0: too many, clause_of walks back */
} gf_finder;

/* ---- indicator.c */

/* Trims lead and trail words, brackets and list marks from t[*a..*b). */
void gf_indicator_trim(const char *t, size_t *a, size_t *b);
/* Drops footnote markers ("生产总值[2]") from an indicator, in place. */
void gf_indicator_drop_notes(char *s);
/* The phrase the figure c measures, from the text t[seg_a..cmp_a) before
 * it (cmp_a: where its comparison or bound words start), the noun after its
 * unit, or the sentence's subject; into out (cap bytes). */
void gf_indicator_of(const gf_finder *f, const gf_cand *c, size_t seg_a,
                     size_t cmp_a, char *out, size_t cap);
/* The subjects of a 分别 / 均 list before the number at num_at in the
 * clause part starting at seg: "A和B、C分别…x、y".  Returns how many (at
 * most GF_MAX_PARTS, their names in names, trimmed, qualifiers given the
 * noun they share: 城镇和农村居民人均可支配收入 -> 城镇居民人均可支配收入,
 * 农村居民人均可支配收入; 城乡居民… before two numbers -> 城镇居民…,
 * 农村居民…), 0 when there is no
 * such list; *each is set for 均 (one number for every subject). */
#define GF_PART_NAME 96 /* bytes of one list subject's name */
int gf_indicator_list(const gf_finder *f, const gf_cand *c, size_t seg,
                      size_t num_at, char (*names)[GF_PART_NAME], int *each);
/* Carries the sentence's subject: a bare 增速 or 比重 in ind (cap bytes) is
 * the rate of the subject; a level's indicator becomes the subject.
 * GF_OK or GF_ENOMEM. */
int gf_indicator_carry(gf_finder *f, const gf_cand *c, char *ind,
                       size_t cap);

#endif
