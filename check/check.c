/* check.c - `govfig check`: does a figures.csv still agree with its source
 * document?  This is section 3 of spec/records.md (provenance and
 * checking): every row's raw is found at page, start..end of the page text
 * (or searched for when a spreadsheet lost start/end), and reading that
 * source again gives the row's value, unit, base_value, base_unit and
 * value_max.  With GF_OPT_CONSISTENCY the rows are also weighed against
 * each other: a share against the part and whole it names, a growth
 * against this and last year's levels, shares above 100% and base_value
 * against value times the unit's magnitude.  Numbers compare as exact
 * decimal strings; only the relations between rows use floating point,
 * with a tolerance derived from the decimals the report states. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/check.h"
#include "common/contract.h"
#include "common/scan.h"
#include "export/export.h"
#include "extract/amount.h"
#include "extract/vocab.h"
#include "extract/extract.h"
#include "normalize/normalize.h"

/* ------------------------------------------------------------- columns */

/* The figures.csv columns (common/contract.h) are found by header name, so
 * that reordered and extra columns do not matter. */
/* Without these a row cannot be checked at all; constant messages for
 * gf_error. */
static const struct {
  int col;
  const char *message;
} needed[] = {
    {GF_FIG_DOC, "the CSV header has no doc column"},
    {GF_FIG_PAGE, "the CSV header has no page column"},
    {GF_FIG_VALUE, "the CSV header has no value column"},
    {GF_FIG_UNIT, "the CSV header has no unit column"},
    {GF_FIG_RAW, "the CSV header has no raw column"},
};

/* ------------------------------------------------------------- reading
 * The source text of a figure is read again by the extractor's own amount
 * reader (extract/amount.c): an optional 第 (rank), a sign, a number (Arabic,
 * Chinese, 百分之…), a trailing 万/亿 of the number plus the unit after it,
 * 余/多 between number and unit, a short parenthetical before the unit,
 * and a range (5%—6%, 5—6万人) whose upper end is value_max. */

typedef struct reading {
  size_t used;               /* bytes of the normalized text read */
  gf_amount m;               /* value, unit, base_unit, value_max */
  char base[GF_NUM_MAX];
  unsigned num_flags;        /* GF_NUMF_* of the number */
} reading;

/* Reads the figure at the start of normalized text t with the extractor's
 * amount reader (extract/amount.c); 0 when it starts with no number. */
static int read_source(const char *t, size_t len, reading *o) {
  memset(o, 0, sizeof *o);
  size_t i = gf_lit_at(t, len, 0, "第");
  int rank = i > 0;
  if (i < len && (t[i] == '-' || t[i] == '+'))
    i++;
  else if (gf_lit_at(t, len, i, "\xE2\x88\x92"))
    i += 3;
  gf_numeral nr;
  if (i >= len || !gf_numeral_read(t + i, len - i, &nr)) return 0;
  o->num_flags = nr.flags;
  size_t e;
  if (rank) {
    /* 第1位, but 第1个: the extractor keeps only 位/名 after a rank, and a
     * rank has no range */
    gf_copy_str(o->m.value, sizeof o->m.value, nr.core);
    e = gf_amount_unit(t, len, i, &nr, &o->m);
    if (!(o->m.unit_flags & GF_UNITF_RANK)) {
      memset(&o->m, 0, sizeof o->m);
      gf_copy_str(o->m.value, sizeof o->m.value, nr.core);
      e = 0;
    }
  } else {
    e = gf_amount_read(t, len, i, &nr, &o->m);
  }
  if (!e) e = i + nr.len; /* a number alone: its unit is the row's */
  gf_decimal_canon(o->m.value);
  gf_decimal_canon(o->m.value_max);
  if (gf_decimal_shift(o->m.value, o->m.mag_exp, o->base, sizeof o->base))
    gf_copy_str(o->base, sizeof o->base, o->m.value);
  o->used = e;
  return 1;
}

/* ------------------------------------------------------------- pages */

static int line_has_text(const gf_doc *d, const gf_line *l, size_t from) {
  const gf_page *pg = &d->pages[l->page];
  size_t a = l->off > from ? l->off : from, b = l->off + l->len, w;
  if (b > pg->len) b = pg->len;
  for (size_t i = a; i < b; i += w ? w : 1)
    if ((w = gf_chk_space_at(pg->text + i, b - i)) == 0) return 1;
  return 0;
}

/* The text of page (1-based) bytes a..b as the extractor saw it: lines of
 * running headers, footers and page numbers after the first are left out,
 * and when the figure runs to the end of the page's body its first body
 * line on the next page follows (a figure split by a page break, such as
 * "4" + "—4—" (a page number) + "个"). */
static void source_text(gf_chk_ctx *c, size_t page, size_t a, size_t b,
                        gf_buf *w) {
  const gf_doc *d = c->doc;
  const gf_page *pg = &d->pages[page - 1];
  if (!c->first_line || d->n_lines == 0) {
    gf_buf_put(w, pg->text + a, b - a);
    return;
  }
  size_t o = a, l0 = c->first_line[page - 1], l1 = c->first_line[page];
  int at_end = 1;
  for (size_t k = l0; k < l1; k++) {
    const gf_line *l = &d->lines[k];
    size_t lo = l->off, hi = l->off + l->len;
    if (hi > b && !(l->flags & GF_LINE_FURNITURE) && line_has_text(d, l, b))
      at_end = 0;
    if (hi <= a || lo >= b || lo <= a || !(l->flags & GF_LINE_FURNITURE))
      continue;
    if (lo > o) gf_buf_put(w, pg->text + o, lo - o);
    if (hi > o) o = hi < b ? hi : b;
  }
  if (o < b) gf_buf_put(w, pg->text + o, b - o);
  if (!at_end || page >= d->n_pages) return;
  for (size_t k = c->first_line[page]; k < c->first_line[page + 1]; k++) {
    const gf_line *l = &d->lines[k];
    if ((l->flags & GF_LINE_FURNITURE) || !line_has_text(d, l, 0)) continue;
    gf_buf_putc(w, '\n');
    gf_buf_put(w, d->pages[page].text + l->off, l->len);
    break;
  }
}

static gf_chk_page *page_compact(gf_chk_ctx *c, size_t page) {
  gf_chk_page *k = &c->pages[page - 1];
  if (!k->done) {
    const gf_page *pg = &c->doc->pages[page - 1];
    gf_chk_squeeze(pg->text, pg->len, &k->t, &k->map);
    gf_buf_putc(&k->t, '\0');  /* so that an empty page has p != NULL */
    k->t.len--;
    k->done = 1;
    if (k->t.oom || k->map.oom) c->oom = 1;
  }
  return c->oom ? NULL : k;
}

/* Finds squeezed raw r (n bytes) on page; the occurrence nearest to byte
 * near wins.  *a, *b get its span in the page text.  0 when absent. */
static int find_on_page(gf_chk_ctx *c, size_t page, const char *r, size_t n,
                        size_t near, size_t *a, size_t *b) {
  gf_chk_page *k = page_compact(c, page);
  if (!k || n == 0 || k->t.len < n) return 0;
  int found = 0;
  size_t best = 0;
  for (size_t i = 0; i + n <= k->t.len; i++) {
    if (k->t.p[i] != r[0] || memcmp(k->t.p + i, r, n) != 0) continue;
    size_t s = k->map.v[i];
    size_t dist = s > near ? s - near : near - s;
    if (!found || dist < best) {
      found = 1;
      best = dist;
      *a = s;
      *b = k->map.v[i + n - 1] + 1;
    }
  }
  return found;
}

/* Looks for raw on page, then page-1, page+1, and with wide set on every
 * other page, nearest first.  *at gets the page. */
static int find_raw(gf_chk_ctx *c, size_t page, const char *r, size_t n,
                    size_t near, int wide, size_t *at, size_t *a,
                    size_t *b) {
  size_t n_pages = c->doc->n_pages;
  size_t span = wide ? n_pages : 1;
  for (size_t d = 0; d <= span; d++) {
    for (int side = 0; side < (d ? 2 : 1); side++) {
      if (side == 0 && d >= page) continue;
      size_t p = side == 0 ? page - d : page + d;
      if (p < 1 || p > n_pages) continue;
      if (find_on_page(c, p, r, n, p == page ? near : 0, a, b)) {
        *at = p;
        return 1;
      }
    }
  }
  return 0;
}

/* The first number on page, page-1 or page+1 whose value is |v| or |bv|
 * (bv may be ""). */
static int find_number(gf_chk_ctx *c, size_t page, const char *v,
                       const char *bv, size_t *at, size_t *a, size_t *b) {
  const size_t order[3] = {page, page - 1, page + 1};
  for (int k = 0; k < 3; k++) {
    size_t p = order[k];
    if (p < 1 || p > c->doc->n_pages) continue;
    const gf_page *pg = &c->doc->pages[p - 1];
    gf_numbers *nums = NULL;
    int rc = gf_numbers_scan(pg->text, pg->len, 0, &nums, NULL);
    if (rc == GF_ENOMEM) c->oom = 1;
    if (rc != GF_OK) continue;
    int found = 0;
    for (size_t i = 0; i < gf_numbers_count(nums) && !found; i++) {
      const gf_number *num = gf_numbers_at(nums, i);
      char nv[GF_NUM_MAX];
      snprintf(nv, sizeof nv, "%s", num->value);
      gf_decimal_canon(nv);
      if (gf_chk_same_abs(nv, v) || (*bv && gf_chk_same_abs(nv, bv))) {
        found = 1;
        *at = p;
        *a = num->start;
        *b = num->end;
      }
    }
    gf_numbers_free(nums);
    if (found) return 1;
  }
  return 0;
}

static void say_source(gf_buf *m, const char *text, const reading *rd,
                       size_t page) {
  gf_buf_put(m, text, rd->used);
  if (rd->num_flags & (GF_NUMF_CHINESE | GF_NUMF_PER | GF_NUMF_SCALED))
    gf_buf_printf(m, ", that is %s%s%s", rd->m.value,
                  rd->m.unit[0] && strcmp(rd->m.unit, "%") &&
                          strcmp(rd->m.unit, "‰") && strcmp(rd->m.unit, "‱")
                      ? " "
                      : "",
                  rd->m.unit);
  gf_buf_printf(m, " (page %zu)", page);
}

/* A raw cell that states only a number ("866.60", "-2.5"): a table cell
 * whose unit, if any, the table's header gives. */
static int bare_number(const char *raw) {
  if (!raw) return 0;
  int digits = 0;
  for (const char *p = raw; *p; p++) {
    if (*p >= '0' && *p <= '9')
      digits++;
    else if (!strchr("+-.,", *p))
      return 0;
  }
  return digits > 0;
}

/* Compares the row's numbers with what the source text says. */
static void compare(gf_chk_ctx *c, gf_chk_row *r, size_t page, size_t a,
                    size_t b) {
  gf_buf w = {0};
  char *t = NULL;
  size_t len = 0;
  source_text(c, page, a, b, &w);
  int rc = w.oom ? GF_ENOMEM
                 : gf_text_normalize(w.p ? w.p : "", w.len, &t, &len, NULL);
  gf_buf_free(&w);
  if (rc != GF_OK) {
    if (rc == GF_ENOMEM) c->oom = 1;
    gf_free(t);
    return;
  }
  reading rd;
  gf_buf *m = &c->msg;
  if (!read_source(t, len, &rd)) {
    gf_buf_puts(m, "the source at page ");
    gf_buf_printf(m, "%zu bytes %zu..%zu (\"", page, a, b);
    gf_chk_put_shown(m, t, len, 60);
    gf_buf_puts(m, "\") states no number");
    gf_chk_row_item(c, r, GF_CHECK_FAILED, GF_CHECK_VALUE);
    gf_free(t);
    return;
  }
  if (r->val[0] && !gf_chk_same_abs(r->val, rd.m.value)) {
    gf_buf_printf(m, "value %s but the source says ", r->val);
    say_source(m, t, &rd, page);
    gf_chk_row_item(c, r, GF_CHECK_FAILED, GF_CHECK_VALUE);
  }
  if (r->cell[GF_FIG_VALUE_MAX]) {
    char vm[GF_NUM_MAX];
    int blank = gf_chk_is_blank(r->cell[GF_FIG_VALUE_MAX]);
    int ok =
        blank ? !rd.m.value_max[0]
              : gf_chk_cell_decimal(r->cell[GF_FIG_VALUE_MAX], vm, sizeof vm) &&
                    rd.m.value_max[0] && gf_chk_same_abs(vm, rd.m.value_max);
    if (!ok) {
      if (blank)
        gf_buf_puts(m, "value_max is empty but the source states a range ");
      else
        gf_buf_printf(m, "value_max %s but the source says ",
                      r->cell[GF_FIG_VALUE_MAX]);
      say_source(m, t, &rd, page);
      gf_chk_row_item(c, r, GF_CHECK_FAILED, GF_CHECK_VALUE_MAX);
    }
  }
  /* A bare number whose unit the row gives (a table cell under
   * "年末数（万人）", a row with a 单位 column): the unit comes from the
   * table, so value × the unit's magnitude must give base_value. */
  if (bare_number(gf_chk_cell(r, GF_FIG_RAW)) ||
      (!rd.m.unit[0] && r->unit[0])) {
    gf_unit_match um;
    size_t ul = strlen(r->unit);
    int known = gf_unit_read(r->unit, ul, 1, &um) && um.len == ul;
    char want[GF_NUM_MAX + 16];
    const char *v = r->val[0] == '-' ? r->val + 1 : r->val;
    if (r->unit[0] && r->base[0] && known &&
        gf_decimal_shift(v, um.mag_exp, want, sizeof want) == 0 &&
        !gf_chk_same_abs(r->base, want)) {
      gf_buf_printf(m, "base_value %s but %s %s is %s (page %zu)", r->base,
                    r->val, r->unit, want, page);
      gf_chk_row_item(c, r, GF_CHECK_FAILED, GF_CHECK_BASE_VALUE);
    }
    gf_free(t);
    return;
  }
  if (!gf_chk_same_unit(r->unit, rd.m.unit)) {
    if (r->unit[0])
      gf_buf_printf(m, "unit %s but the source says ", r->unit);
    else
      gf_buf_puts(m, "unit is empty but the source says ");
    say_source(m, t, &rd, page);
    gf_chk_row_item(c, r, GF_CHECK_FAILED, GF_CHECK_UNIT);
  }
  if (r->base[0] && !gf_chk_same_abs(r->base, rd.base)) {
    gf_buf_printf(m, "base_value %s but ", r->base);
    gf_buf_put(m, t, rd.used);
    gf_buf_printf(m, " is %s%s%s (page %zu)", rd.base,
                  rd.m.base_unit[0] && strcmp(rd.m.base_unit, "%") &&
                          strcmp(rd.m.base_unit, "‰")
                      ? " "
                      : "",
                  rd.m.base_unit, page);
    gf_chk_row_item(c, r, GF_CHECK_FAILED, GF_CHECK_BASE_VALUE);
  }
  if (r->cell[GF_FIG_BASE_UNIT]) {
    char bu[64];
    gf_chk_norm_cell(c, r->cell[GF_FIG_BASE_UNIT], bu, sizeof bu);
    if (!gf_chk_same_unit(bu, rd.m.base_unit)) {
      gf_buf_printf(m, "base_unit %s but ", bu[0] ? bu : "is empty");
      gf_buf_put(m, t, rd.used);
      if (rd.m.base_unit[0])
        gf_buf_printf(m, " counts %s (page %zu)", rd.m.base_unit, page);
      else
        gf_buf_printf(m, " has no base unit (page %zu)", page);
      gf_chk_row_item(c, r, GF_CHECK_FAILED, GF_CHECK_BASE_UNIT);
    }
  }
  gf_free(t);
}

/* The box columns x0..y1 (records.md): all four empty, or four numbers
 * whose rectangle holds the glyphs of raw, found at page bytes a..b, and
 * lies on the page.  The export writes two decimals, rounded, of a box
 * that encloses the glyphs; BOX_TOL allows for that rounding. */
#define BOX_TOL 0.011
static void check_box(gf_chk_ctx *c, gf_chk_row *r, size_t a, size_t b) {
  double v[4];
  int n_blank = 0;
  for (int k = 0; k < 4; k++) {
    if (!r->cell[GF_FIG_X0 + k]) return;  /* no box columns: nothing to check */
    n_blank += gf_chk_is_blank(r->cell[GF_FIG_X0 + k]);
  }
  if (n_blank == 4) return;
  gf_buf *m = &c->msg;
  for (int k = 0; k < 4; k++) {
    char d[GF_NUM_MAX];
    if (!gf_chk_is_blank(r->cell[GF_FIG_X0 + k]) &&
        gf_chk_cell_decimal(r->cell[GF_FIG_X0 + k], d, sizeof d)) {
      v[k] = gf_chk_to_double(d);
      continue;
    }
    gf_buf_printf(m, "%s \"", GF_FIGURE_COLUMNS[GF_FIG_X0 + k]);
    gf_chk_put_shown(m, r->cell[GF_FIG_X0 + k], strlen(r->cell[GF_FIG_X0 + k]),
                     20);
    gf_buf_puts(m, "\" is not a number (the box x0,y0,x1,y1 is four numbers "
                   "or four empty cells)");
    gf_chk_row_item(c, r, GF_CHECK_FAILED, GF_CHECK_CELL);
    return;
  }
  double g[4], w = 0, h = 0;
  if (!gf_doc_page_size(c->doc, r->page, &w, &h) ||
      !gf_doc_box(c->doc, r->page - 1, a, b, g))
    return;  /* a text document: no geometry to hold the box against */
  if (v[0] <= g[0] + BOX_TOL && v[1] <= g[1] + BOX_TOL &&
      v[2] >= g[2] - BOX_TOL && v[3] >= g[3] - BOX_TOL && v[0] >= -BOX_TOL &&
      v[1] >= -BOX_TOL && v[2] <= w + BOX_TOL && v[3] <= h + BOX_TOL)
    return;
  gf_buf_printf(m, "box %s,%s,%s,%s does not hold the glyphs of raw \"",
                r->cell[GF_FIG_X0], r->cell[GF_FIG_Y0], r->cell[GF_FIG_X1],
                r->cell[GF_FIG_Y1]);
  gf_chk_put_shown(m, gf_chk_cell(r, GF_FIG_RAW),
                   strlen(gf_chk_cell(r, GF_FIG_RAW)), 40);
  gf_buf_printf(m, "\", which lie in %.2f,%.2f,%.2f,%.2f on page %zu "
                   "(%.2f x %.2f points)", g[0], g[1], g[2], g[3], r->page,
                w, h);
  gf_chk_row_item(c, r, GF_CHECK_FAILED, GF_CHECK_BOX);
}

/* The first format character (gf_format_char) of a cell, or -1: a cell
 * that shows one thing and holds another (a bidi override in an
 * indicator, a zero-width space in a value) fails.  raw may hold the line
 * breaks of the page text it is. */
static int32_t format_char_in(const char *s, int line_breaks) {
  size_t len = strlen(s);
  for (size_t i = 0; i < len;) {
    int32_t cp;
    size_t k = gf_utf8_decode(s + i, len - i, &cp);
    if (k == 0) return -1; /* the CSV was checked to be UTF-8 */
    if (gf_format_char(cp) != GF_FMT_KEEP ||
        (!line_breaks && (cp == '\n' || cp == '\r')))
      return cp;
    i += k;
  }
  return -1;
}

static void check_format_chars(gf_chk_ctx *c, gf_chk_row *r) {
  for (int k = 0; k < GF_FIG_N; k++) {
    int32_t cp;
    if (!r->cell[k] || (cp = format_char_in(r->cell[k], k == GF_FIG_RAW)) < 0)
      continue;
    gf_buf_printf(&c->msg,
                  "%s holds an invisible character (U+%04X): the cell does "
                  "not show what it holds",
                  GF_FIGURE_COLUMNS[k], (unsigned)cp);
    gf_chk_row_item(c, r, GF_CHECK_FAILED, GF_CHECK_CELL);
  }
}

/* A cell shown in a message: what, its text (at most max bytes), why. */
static void say_cell(gf_buf *m, const char *what, const char *cell,
                     size_t max, const char *why) {
  gf_buf_printf(m, "%s \"", what);
  gf_chk_put_shown(m, cell, strlen(cell), max);
  gf_buf_printf(m, "\" %s", why);
}

/* The row's own cells: doc, page, value, base_value, unit.  0 when the
 * row cannot be located (doc or page wrong). */
static int read_cells(gf_chk_ctx *c, gf_chk_row *r) {
  gf_buf *m = &c->msg;
  const gf_doc *d = c->doc;
  const char *docc = gf_chk_cell(r, GF_FIG_DOC);
  const char *pagec = gf_chk_cell(r, GF_FIG_PAGE);
  const char *valc = gf_chk_cell(r, GF_FIG_VALUE);
  const char *basec = r->cell[GF_FIG_BASE_VALUE];
  char doc[1024];
  if (!gf_chk_trimmed(docc, doc, sizeof doc) || strcmp(doc, d->name) != 0) {
    gf_buf_puts(m, "doc ");
    gf_chk_put_shown(m, docc, strlen(docc), 200);
    gf_buf_printf(m, " but the document checked is %s", d->name);
    gf_chk_row_item(c, r, GF_CHECK_FAILED, GF_CHECK_DOC);
    return 0;
  }
  if (!gf_chk_parse_size(pagec, &r->page) || r->page == 0) {
    r->page = 0;
    say_cell(m, "page", pagec, 40, "is not a page number");
    gf_chk_row_item(c, r, GF_CHECK_FAILED, GF_CHECK_CELL);
    return 0;
  }
  if (r->page > d->n_pages) {
    gf_buf_printf(m, "page %zu but %s has %zu page%s", r->page, d->name,
                  d->n_pages, d->n_pages == 1 ? "" : "s");
    gf_chk_row_item(c, r, GF_CHECK_FAILED, GF_CHECK_PAGE);
    return 0;
  }
  r->at_page = r->page;
  if (!gf_chk_cell_decimal(valc, r->val, sizeof r->val)) {
    r->val[0] = '\0';
    say_cell(m, "value", valc, 40, "is not a number");
    gf_chk_row_item(c, r, GF_CHECK_FAILED, GF_CHECK_CELL);
  }
  if (basec && !gf_chk_is_blank(basec) &&
      !gf_chk_cell_decimal(basec, r->base, sizeof r->base)) {
    r->base[0] = '\0';
    say_cell(m, "base_value", basec, 40, "is not a number");
    gf_chk_row_item(c, r, GF_CHECK_FAILED, GF_CHECK_CELL);
  }
  gf_chk_norm_cell(c, gf_chk_cell(r, GF_FIG_UNIT), r->unit, sizeof r->unit);
  r->usable = r->val[0] != '\0';
  return 1;
}

/* raw is not at start..end of page: says so, what the page has there and
 * where raw is instead (found there: 1, with *at, *a, *b). */
static int not_at_span(gf_chk_ctx *c, gf_chk_row *r, const gf_buf *sq,
                       size_t start, size_t end, size_t *at, size_t *a,
                       size_t *b) {
  gf_buf *m = &c->msg;
  const char *raw = gf_chk_cell(r, GF_FIG_RAW);
  size_t page = r->page;
  const gf_page *pg = &c->doc->pages[page - 1];
  gf_buf_puts(m, "raw \"");
  gf_chk_put_shown(m, raw, strlen(raw), 80);
  gf_buf_printf(m, "\" is not at page %zu bytes %zu..%zu", page, start, end);
  if (start < end && end <= pg->len) {
    size_t s = start, e = end;
    while (s < e && ((unsigned char)pg->text[s] & 0xC0) == 0x80) s++;
    while (e < pg->len && ((unsigned char)pg->text[e] & 0xC0) == 0x80) e++;
    gf_buf_puts(m, " (the page has \"");
    gf_chk_put_shown(m, pg->text + s, e - s, 80);
    gf_buf_puts(m, "\" there)");
  } else {
    gf_buf_printf(m, " (the page has %zu bytes)", pg->len);
  }
  int found = sq->len > 0 && find_raw(c, page, sq->p, sq->len, start, 1, at,
                                      a, b);
  int kind = GF_CHECK_SPAN;
  if (found && *at != page) {
    kind = GF_CHECK_PAGE;
    gf_buf_printf(m, "; it is on page %zu, bytes %zu..%zu", *at, *a, *b);
  } else if (found) {
    gf_buf_printf(m, "; it is at bytes %zu..%zu", *a, *b);
  } else {
    gf_buf_puts(m, "; it is nowhere in the document");
  }
  gf_chk_row_item(c, r, GF_CHECK_FAILED, kind);
  return found;
}

/* No start/end: raw searched for on its page and beside it, else its
 * number.  2: raw found, 1: only its number (then *b is the page's end, to
 * read on from the number), 0: neither. */
static int search(gf_chk_ctx *c, gf_chk_row *r, const gf_buf *sq,
                  size_t *at, size_t *a, size_t *b) {
  gf_buf *m = &c->msg;
  const char *raw = gf_chk_cell(r, GF_FIG_RAW);
  size_t page = r->page, raw_len = strlen(raw);
  if (sq->len > 0 && find_raw(c, page, sq->p, sq->len, 0, 0, at, a, b)) {
    gf_buf_puts(m, "no start/end; raw \"");
    gf_chk_put_shown(m, raw, raw_len, 80);
    gf_buf_printf(m, "\" found at page %zu bytes %zu..%zu", *at, *a, *b);
    gf_chk_row_item(c, r, GF_CHECK_NOTE, GF_CHECK_LOCATED);
    return 2;
  }
  if (r->val[0] && find_number(c, page, r->val, r->base, at, a, b)) {
    gf_buf_puts(m, "no start/end and raw \"");
    gf_chk_put_shown(m, raw, raw_len, 80);
    gf_buf_printf(m, "\" is not in the text; its number %s found at page "
                     "%zu bytes %zu..%zu", r->val, *at, *a, *b);
    gf_chk_row_item(c, r, GF_CHECK_NOTE, GF_CHECK_LOCATED);
    *b = c->doc->pages[*at - 1].len; /* read on from the number */
    return 1;
  }
  gf_buf_puts(m, "raw \"");
  gf_chk_put_shown(m, raw, raw_len, 80);
  gf_buf_printf(m, "\" is not on page %zu or the pages beside it", page);
  if (r->val[0]) gf_buf_printf(m, ", nor is its number %s", r->val);
  gf_chk_row_item(c, r, GF_CHECK_FAILED, GF_CHECK_NOT_FOUND);
  return 0;
}

/* Where the row's figure stands: at start..end when raw is there, else
 * where it is found.  2: raw itself at *at, *a..*b; 1: only its number;
 * 0: not found (or start/end unreadable). */
static int locate(gf_chk_ctx *c, gf_chk_row *r, size_t *at, size_t *a,
                  size_t *b) {
  const char *raw = gf_chk_cell(r, GF_FIG_RAW);
  const char *startc = gf_chk_cell(r, GF_FIG_START);
  const char *endc = gf_chk_cell(r, GF_FIG_END);
  size_t raw_len = strlen(raw), start = 0, end = 0;
  gf_buf sq = {0};
  gf_chk_squeeze(raw, raw_len, &sq, NULL);
  if (sq.oom) c->oom = 1;
  int blank_span = gf_chk_is_blank(startc) && gf_chk_is_blank(endc);
  int has_span = !blank_span && gf_chk_parse_size(startc, &start) &&
                 gf_chk_parse_size(endc, &end);
  int found = 0;
  if (!blank_span && !has_span) {
    say_cell(&c->msg, "start", startc, 20, "and end \"");
    gf_chk_put_shown(&c->msg, endc, strlen(endc), 20);
    gf_buf_puts(&c->msg, "\" are not byte offsets");
    gf_chk_row_item(c, r, GF_CHECK_FAILED, GF_CHECK_CELL);
  } else if (has_span) {
    const gf_page *pg = &c->doc->pages[r->page - 1];
    if (start < end && end <= pg->len &&
        gf_chk_same_but_space(pg->text + start, end - start, raw, raw_len) &&
        sq.len > 0) {
      *a = start;
      *b = end;
      *at = r->page;
      found = 2;
    } else {
      found = 2 * not_at_span(c, r, &sq, start, end, at, a, b);
    }
  } else {
    found = search(c, r, &sq, at, a, b);
  }
  gf_buf_free(&sq);
  return found;
}

static void check_row(gf_chk_ctx *c, gf_chk_row *r) {
  check_format_chars(c, r);
  if (!read_cells(c, r)) return;
  size_t at = 0, a = 0, b = 0;
  int found = locate(c, r, &at, &a, &b);
  if (!found) return;
  r->at_page = at;
  r->at = a;
  compare(c, r, at, a, b);
  if (found == 2 && at == r->page) check_box(c, r, a, b);
}

/* ------------------------------------------------------------- the API */

static int fail_csv(gf_error *err, int code, const char *msg,
                    const char *csv, size_t len, size_t off) {
  if (err) {
    err->code = code;
    err->message = msg;
    err->page = 0;
    err->offset = off;
    err->line = csv ? gf_csv_offset_line(csv, len, off) : 0;
  }
  return code;
}

int gf_figures_check(const gf_doc *doc, const char *csv, size_t len,
                     unsigned opts, gf_check **out, gf_error *err) {
  if (out) *out = NULL;
  if (err) memset(err, 0, sizeof *err);
  if (!doc || !out || (!csv && len > 0))
    return fail_csv(err, GF_EINVAL, gf_strerror(GF_EINVAL), NULL, 0, 0);
  gf_chk_ctx c;
  memset(&c, 0, sizeof c);
  c.doc = doc;
  gf_csv *table = NULL;
  gf_error perr = {0};
  int rc = gf_csv_parse(csv, len, &table, &perr);
  if (rc == GF_EINVAL) rc = GF_ECSV;
  if (rc != GF_OK)
    return fail_csv(err, rc, perr.message ? perr.message : gf_strerror(rc),
                    csv, len, perr.offset);
  c.csv = table;
  rc = GF_ENOMEM;
  c.chk = gf_calloc(1, sizeof *c.chk);
  if (!c.chk) goto fail;

  size_t n_table = gf_csv_rows(table);
  if (n_table == 0) {
    rc = fail_csv(err, GF_ECSV, "the CSV is empty: no header row", csv, len,
                  0);
    goto fail;
  }
  for (int k = 0; k < GF_FIG_N; k++) {
    c.col[k] = -1;
    for (size_t j = 0; j < gf_csv_cols(table, 0) && c.col[k] < 0; j++) {
      char name[64];
      if (gf_chk_trimmed(gf_csv_unguard(gf_csv_field(table, 0, j, NULL)), name,
                  sizeof name) &&
          strcmp(name, GF_FIGURE_COLUMNS[k]) == 0)
        c.col[k] = (int)j;
    }
  }
  for (size_t k = 0; k < sizeof needed / sizeof *needed; k++)
    if (c.col[needed[k].col] < 0) {
      /* offset 0 with the BOM skipped is line 1, the header */
      rc = fail_csv(err, GF_ECSV, needed[k].message, csv, len, 0);
      goto fail;
    }

  c.rows = gf_calloc(n_table, sizeof *c.rows);
  c.first_line = gf_calloc(doc->n_pages + 1, sizeof *c.first_line);
  c.pages = gf_calloc(doc->n_pages ? doc->n_pages : 1, sizeof *c.pages);
  if (!c.rows || !c.first_line || !c.pages) goto fail;
  for (size_t k = 0, p = 0; p <= doc->n_pages; p++) {
    while (k < doc->n_lines && doc->lines[k].page < p) k++;
    c.first_line[p] = k;
  }
  for (size_t i = 1; i < n_table; i++) {
    gf_chk_row *r = &c.rows[c.n_rows];
    int blank = 1;
    for (size_t j = 0; j < gf_csv_cols(table, i) && blank; j++)
      blank = gf_chk_is_blank(gf_csv_field(table, i, j, NULL));
    if (blank) continue;  /* a spreadsheet's empty row ",,,," */
    r->line = gf_csv_line(table, i);
    for (int k = 0; k < GF_FIG_N; k++)
      if (c.col[k] >= 0) {
        const char *f = gf_csv_field(table, i, (size_t)c.col[k], NULL);
        r->cell[k] = gf_csv_unguard(f ? f : "");
      }
    c.n_rows++;
    check_row(&c, r);
    if (c.oom) goto fail;
  }
  if (opts & GF_OPT_CONSISTENCY) gf_chk_relations(&c);
  if (c.oom) goto fail;
  c.chk->n_rows = c.n_rows;
  for (size_t i = 0; i < c.n_rows; i++) c.chk->n_failed += c.rows[i].failed;
  *out = c.chk;
  c.chk = NULL;
  rc = GF_OK;
fail:
  if (rc == GF_ENOMEM) fail_csv(err, rc, gf_strerror(rc), NULL, 0, 0);
  if (c.pages)
    for (size_t p = 0; p < doc->n_pages; p++) {
      gf_buf_free(&c.pages[p].t);
      gf_offs_free(&c.pages[p].map);
    }
  gf_free(c.pages);
  gf_free(c.first_line);
  gf_free(c.rows);
  gf_buf_free(&c.msg);
  gf_check_free(c.chk);
  gf_csv_free(table);
  return rc;
}

size_t gf_check_count(const gf_check *chk) { return chk ? chk->n : 0; }

const gf_check_item *gf_check_at(const gf_check *chk, size_t i) {
  return chk && i < chk->n ? &chk->items[i] : NULL;
}

size_t gf_check_rows(const gf_check *chk) { return chk ? chk->n_rows : 0; }

size_t gf_check_failed_rows(const gf_check *chk) {
  return chk ? chk->n_failed : 0;
}

void gf_check_free(gf_check *chk) {
  if (!chk) return;
  for (size_t i = 0; i < chk->n; i++) {
    gf_free((void *)chk->items[i].message);
    gf_free((void *)chk->items[i].lines);
  }
  gf_free(chk->items);
  gf_free(chk);
}
