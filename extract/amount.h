/* amount.h - the amount reader (extract/amount.c): a number with its unit
 * at a position of normalized text, as the figure readers and the
 * verifier read it, so that they can never disagree. */
#ifndef GF_AMOUNT_H
#define GF_AMOUNT_H

#include <stddef.h>

#include "normalize/normalize.h"

typedef struct gf_amount {
  char value[GF_NUM_MAX];     /* the number before its magnitude (3.7 of
                                 3.7万户), or the percent of 百分之五 */
  char value_max[GF_NUM_MAX]; /* a range's upper end (5%—6%), else "" */
  char unit[64];              /* as written, magnitude included: 万户 */
  char base_unit[64];         /* without magnitude: 户; "" for a bare 5亿 */
  int mag_exp;                /* the magnitude's exponent: 万 = 4 */
  unsigned unit_flags;        /* GF_UNITF_* of the base unit */
  int bound;                  /* GF_BOUND_OVER for 余/多 inside (11万余人),
                                 else GF_BOUND_EXACT (0) */
} gf_amount;

/* Reads the unit of the number nr that starts at t+s (t has len bytes):
 * a magnitude of the number plus a unit after it (3.7万户), 余/多 between
 * number and unit (180余人), a short parenthetical before the unit
 * (10.72（含南山、高新）万吨).  Fills a's unit fields and bound; returns
 * the end of the unit, or 0 when the number has none. */
size_t gf_amount_unit(const char *t, size_t len, size_t s,
                      const gf_numeral *nr, gf_amount *a);

/* Reads the whole amount of the number nr at t+s: a percent form
 * (百分之五, 5%), else the number with its unit (gf_amount_unit), then a
 * range (5%—6%, 5—6%, 5至6万人) whose upper end sets value_max.  a is
 * cleared first.  Returns the end of the amount, or 0 when the number has
 * no unit (then a->value is still set). */
size_t gf_amount_read(const char *t, size_t len, size_t s,
                      const gf_numeral *nr, gf_amount *a);

/* "分别高于…16.4 个、1.3 个百分点": a 个 before a list shares the list's
 * last unit; when a's unit is 个 and a 个百分点 closes the clause after t+e,
 * makes a a change in percentage points. */
void gf_amount_list_unit(const char *t, size_t len, size_t e, gf_amount *a);

#endif
