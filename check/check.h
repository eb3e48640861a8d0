/* check.h - what the verifier's files share (check/): the state of one
 * check, the row as it sees it, the findings' store and the cell helpers
 * of cells.c, the relations of relations.c.  Private to check/. */
#ifndef GF_CHECK_H
#define GF_CHECK_H

#include <stddef.h>

#include "common/contract.h"
#include "export/export.h"
#include "include/govfig.h"
#include "normalize/normalize.h"

struct gf_check {
  gf_check_item *items;
  size_t n, cap;
  size_t n_rows, n_failed;
};

/* One data row as the check sees it. */
typedef struct gf_chk_row {
  size_t line;
  const char *cell[GF_FIG_N]; /* unguarded; NULL when the column is missing */
  int usable;                 /* doc and page right, value a number */
  int failed;
  size_t page;           /* stated page (1-based), 0 when unreadable */
  size_t at_page, at;    /* where the figure was found (page, byte) */
  char val[GF_NUM_MAX];  /* value as a canonical decimal */
  char base[GF_NUM_MAX]; /* base_value, "" when empty or unreadable */
  char unit[64];         /* unit cell, normalized */
  double v, b;           /* val and base as numbers */
  int period;
  size_t sent; /* order number of its sentence in the doc */
} gf_chk_row;

/* A page's text without whitespace, and where each byte came from. */
typedef struct gf_chk_page {
  int done;
  gf_buf t;
  gf_offs map;
} gf_chk_page;

typedef struct gf_chk_ctx {
  const gf_doc *doc;
  gf_check *chk;
  const gf_csv *csv;
  int col[GF_FIG_N];
  gf_chk_row *rows;
  size_t n_rows;
  size_t *first_line; /* per page, n_pages + 1: index into doc->lines */
  gf_chk_page *pages; /* per page, built on first use */
  gf_buf msg;
  int oom;
} gf_chk_ctx;

/* ---- cells.c: findings, cells and numbers as text */
/* Stores a finding; the message is taken from c->msg (emptied). */
void gf_chk_add_item(gf_chk_ctx *c, int severity, int kind, const size_t *lines,
                     size_t n_lines);
/* A finding about row r (its line); a failure marks the row failed. */
void gf_chk_row_item(gf_chk_ctx *c, gf_chk_row *r, int severity, int kind);
/* White space as the check ignores it (a byte length at s, or 0), text
 * squeezed without it (with a map back), and compared without it. */
size_t gf_chk_space_at(const char *s, size_t len);
void gf_chk_squeeze(const char *s, size_t len, gf_buf *out, gf_offs *map);
int gf_chk_same_but_space(const char *a, size_t na, const char *b, size_t nb);
/* s[0..len) into a message, at most max bytes, quoted as needed. */
void gf_chk_put_shown(gf_buf *b, const char *s, size_t len, size_t max);
/* Cells: trimmed text (0 when it does not fit), blank, an exact decimal
 * (1,327.80 -> 1327.8), equal in absolute value; decimals stated, as a
 * double, half a unit of the last decimal; a row's cell ("" when missing);
 * a page or offset number; units that agree; a unit cell normalized as the
 * extractor writes units. */
int gf_chk_trimmed(const char *cell, char *out, size_t cap);
int gf_chk_is_blank(const char *cell);
int gf_chk_cell_decimal(const char *cell, char *out, size_t cap);
int gf_chk_same_abs(const char *a, const char *b);
int gf_chk_decimals(const char *v);
double gf_chk_to_double(const char *v);
double gf_chk_half_unit(int d);
double gf_chk_abs(double x);
const char *gf_chk_cell(const gf_chk_row *r, int col);
int gf_chk_parse_size(const char *s, size_t *out);
int gf_chk_same_unit(const char *stated, const char *source);
void gf_chk_norm_cell(gf_chk_ctx *c, const char *s, char *out, size_t cap);

/* ---- relations.c: with GF_OPT_CONSISTENCY, the rows weighed against
 * each other (share vs part and whole, growth vs levels, magnitude, shares
 * above 100%). */
void gf_chk_relations(gf_chk_ctx *c);

#endif
