/* tables.c - tables rebuilt from glyph positions (tables.csv: doc, page,
 * table, row, col, text; parcels.c reads the same cells).
 *
 * Text order scrambles table cells (a line of page text may run across
 * three cells), so only the glyph boxes are trusted.  Per page, glyphs off
 * the running headers and footers are grouped into text lines, lines that
 * overlap vertically into line groups, and a table region is a run of
 * groups whose joint x-coverage keeps at least one vertical white corridor:
 * a prose line, which covers the corridors, ends it.  Columns lie between
 * the corridors; rows are split where a horizontal white band is clearly
 * taller than the leading inside cells, and where the first column starts a
 * new entry.  A table ending at the page foot and one at the top of the
 * next page with the same columns are one table: a repeated header row is
 * dropped and a row without a first-column entry continues the last row.
 * Nothing here knows any column name or width. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "extract/extract.h"
#include "normalize/normalize.h"

/* ------------------------------------------------------------- types */

typedef struct item {     /* one visible glyph */
  float x0, y0, x1, y1;
  uint32_t off;
  uint32_t len;           /* UTF-8 bytes */
  int32_t cp;
  int col;
} item;

typedef struct tline {    /* a text line: items [a, b) sorted by x */
  size_t a, b;
  float x0, y0, x1, y1;
} tline;

typedef struct group {    /* text lines [a, b) overlapping vertically */
  size_t a, b;
  float y0, y1;
} group;

typedef struct iv {
  float a, b;
} iv;

typedef struct frag {     /* the items of one text line in one column */
  size_t a, b;            /* into the line-sorted item array */
  int col;
  float x0, y0, x1, y1;
  size_t row;
  size_t band, slot;      /* white-stripe band; chain of overlapping lines */
  unsigned char fills;    /* reaches the right edge of its column */
  unsigned char is_new;   /* starts with a list marker or is a number */
  unsigned char entry;    /* first column: starts a new entry */
  unsigned char cont;     /* continues the wrapped line above it */
  unsigned char clash;    /* is_new under a line of its column */
} frag;

typedef struct cellb {    /* a cell being built */
  gf_buf text;
  int page;               /* 1-based; 0 while empty */
  uint32_t start;
  size_t split;           /* where the next page's text starts; 0: none */
  float x0, y0, x1, y1;   /* its glyphs on its first page */
  float nx0, ny0, nx1, ny1; /* and on the next one, when split */
} cellb;

typedef struct ttab {     /* a table being built */
  int page;               /* 1-based page of its first row */
  int last_page;          /* 1-based page of its last part */
  size_t n_cols, n_rows, cap_rows;
  cellb *cells;           /* n_rows * n_cols */
  float *bounds;          /* n_cols - 1 column boundaries */
  float ch;
  int at_top, at_foot;
  int dead;               /* merged into the previous table */
} ttab;

struct gf_tables {
  gf_table_cell *cells;
  float (*next)[4];       /* per cell: the box of its part on the next
                             page (all 0: none) */
  size_t n, cap;
  uint64_t *covered;      /* GF_POS of every glyph inside a table, sorted */
  size_t n_covered, cap_covered;
  char *doc;
};

/* ------------------------------------------------------------- helpers */

static int is_blank_cp(int32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == 0xA0 || c == 0x3000 || c == 0xFEFF || c == 0x200B ||
         (c >= 0x2000 && c <= 0x200A);
}

static float em(const item *it) { return (it->y1 - it->y0) * 0.77f; }

static int cmp_float(const void *a, const void *b) {
  float x = *(const float *)a, y = *(const float *)b;
  return (x > y) - (x < y);
}

static int cmp_item_yc(const void *a, const void *b) {
  const item *p = a, *q = b;
  float u = p->y0 + p->y1, v = q->y0 + q->y1;
  if (u != v) return (u > v) - (u < v);
  return (p->x0 > q->x0) - (p->x0 < q->x0);
}

static int cmp_item_x(const void *a, const void *b) {
  const item *p = a, *q = b;
  return (p->x0 > q->x0) - (p->x0 < q->x0);
}

static int cmp_line_y(const void *a, const void *b) {
  const tline *p = a, *q = b;
  if (p->y0 != q->y0) return (p->y0 > q->y0) - (p->y0 < q->y0);
  return (p->x0 > q->x0) - (p->x0 < q->x0);
}

static int cmp_iv(const void *a, const void *b) {
  const iv *p = a, *q = b;
  return (p->a > q->a) - (p->a < q->a);
}

static int cmp_frag(const void *a, const void *b) {
  const frag *p = a, *q = b;
  if (p->y0 != q->y0) return (p->y0 > q->y0) - (p->y0 < q->y0);
  return (p->x0 > q->x0) - (p->x0 < q->x0);
}

static int cmp_u64(const void *a, const void *b) {
  uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
  return (x > y) - (x < y);
}

/* Sorts v and merges intervals closer than gap; returns the new count. */
static size_t merge_ivs(iv *v, size_t n, float gap) {
  if (n == 0) return 0;
  qsort(v, n, sizeof *v, cmp_iv);
  size_t k = 0;
  for (size_t i = 1; i < n; i++) {
    if (v[i].a - v[k].b < gap) {
      if (v[i].b > v[k].b) v[k].b = v[i].b;
    } else {
      v[++k] = v[i];
    }
  }
  return k + 1;
}

/* ------------------------------------------------------------- page */

/* Everything found on one page, in scratch arrays. */
typedef struct page_ctx {
  const gf_doc *doc;
  size_t page;            /* 0-based */
  item *it;
  size_t n_it;
  tline *ln;
  size_t n_ln;
  group *gr;
  size_t n_gr;
  float ch, gmin;
  iv *cov, *tmp;          /* coverage scratch, n_it entries each */
  size_t *end;            /* region end per group (exclusive) */
  size_t *n_col;          /* columns of that region */
} page_ctx;

/* Glyphs of the page that show something and are not furniture. */
static int collect_items(page_ctx *pc) {
  const gf_doc *doc = pc->doc;
  const gf_page *pg = &doc->pages[pc->page];
  pc->it = gf_malloc((pg->n_glyphs + 1) * sizeof *pc->it);
  if (!pc->it) return GF_ENOMEM;
  /* The page's lines, for their furniture flags (doc->lines is in page
   * order, each page's lines in text order). */
  size_t l0 = 0, l1;
  while (l0 < doc->n_lines && doc->lines[l0].page < pc->page) l0++;
  l1 = l0;
  while (l1 < doc->n_lines && doc->lines[l1].page == pc->page) l1++;
  size_t li = l0;
  for (size_t i = 0; i < pg->n_glyphs; i++) {
    const gf_glyph *g = &pg->glyphs[i];
    if (g->off >= pg->len) continue;
    int32_t cp = 0;
    size_t n = gf_utf8_decode(pg->text + g->off, pg->len - g->off, &cp);
    if (n == 0 || is_blank_cp(cp)) continue;
    if (!(g->x1 > g->x0) || !(g->y1 > g->y0)) continue;
    while (li < l1 && doc->lines[li].off + doc->lines[li].len <= g->off) li++;
    if (li < l1 && doc->lines[li].off <= g->off &&
        (doc->lines[li].flags & GF_LINE_FURNITURE))
      continue;
    item *it = &pc->it[pc->n_it++];
    it->x0 = gf_glyph_pt(g->x0);
    it->x1 = gf_glyph_pt(g->x1);
    it->y0 = gf_glyph_pt(g->y0);
    it->y1 = gf_glyph_pt(g->y1);
    it->off = g->off;
    it->len = (uint32_t)n;
    it->cp = cp;
    it->col = -1;
  }
  return GF_OK;
}

/* Typical character size: the median width of ideographs, else of the
 * glyph heights scaled to an em. */
static float char_size(const page_ctx *pc) {
  float *v = gf_malloc((pc->n_it + 1) * sizeof *v);
  if (!v) return 10;
  size_t n = 0;
  for (size_t i = 0; i < pc->n_it; i++)
    if (gf_is_han(pc->it[i].cp)) v[n++] = pc->it[i].x1 - pc->it[i].x0;
  if (n < 3) {
    n = 0;
    for (size_t i = 0; i < pc->n_it; i++) v[n++] = em(&pc->it[i]);
  }
  qsort(v, n, sizeof *v, cmp_float);
  float c = n ? v[n / 2] : 10;
  free(v);
  return c > 0.5f ? c : 10;
}

/* Text lines: items sorted by vertical centre join the open line while
 * they overlap it by half a glyph; then each line is sorted by x. */
static int build_lines(page_ctx *pc) {
  qsort(pc->it, pc->n_it, sizeof *pc->it, cmp_item_yc);
  pc->ln = gf_malloc((pc->n_it + 1) * sizeof *pc->ln);
  if (!pc->ln) return GF_ENOMEM;
  for (size_t i = 0; i < pc->n_it; i++) {
    const item *it = &pc->it[i];
    tline *l = pc->n_ln ? &pc->ln[pc->n_ln - 1] : NULL;
    if (l) {
      float ov = fminf(l->y1, it->y1) - fmaxf(l->y0, it->y0);
      float h = fminf(l->y1 - l->y0, it->y1 - it->y0);
      if (ov >= 0.5f * h) {
        l->b = i + 1;
        l->x0 = fminf(l->x0, it->x0);
        l->x1 = fmaxf(l->x1, it->x1);
        l->y0 = fminf(l->y0, it->y0);
        l->y1 = fmaxf(l->y1, it->y1);
        continue;
      }
    }
    l = &pc->ln[pc->n_ln++];
    l->a = i;
    l->b = i + 1;
    l->x0 = it->x0;
    l->x1 = it->x1;
    l->y0 = it->y0;
    l->y1 = it->y1;
  }
  for (size_t k = 0; k < pc->n_ln; k++)
    qsort(pc->it + pc->ln[k].a, pc->ln[k].b - pc->ln[k].a, sizeof(item),
          cmp_item_x);
  qsort(pc->ln, pc->n_ln, sizeof *pc->ln, cmp_line_y);
  /* Groups: lines chained by a real vertical overlap (cells centred in
   * their row sit half a line off their neighbours). */
  pc->gr = gf_malloc((pc->n_ln + 1) * sizeof *pc->gr);
  if (!pc->gr) return GF_ENOMEM;
  for (size_t k = 0; k < pc->n_ln; k++) {
    const tline *l = &pc->ln[k];
    group *g = pc->n_gr ? &pc->gr[pc->n_gr - 1] : NULL;
    if (g && l->y0 < g->y1 - 0.1f * (l->y1 - l->y0)) {
      g->b = k + 1;
      g->y1 = fmaxf(g->y1, l->y1);
      continue;
    }
    g = &pc->gr[pc->n_gr++];
    g->a = k;
    g->b = k + 1;
    g->y0 = l->y0;
    g->y1 = l->y1;
  }
  return GF_OK;
}

/* Appends the x-intervals of group g to v; returns the new count. */
static size_t add_group(const page_ctx *pc, size_t g, iv *v, size_t n) {
  for (size_t k = pc->gr[g].a; k < pc->gr[g].b; k++)
    for (size_t i = pc->ln[k].a; i < pc->ln[k].b; i++) {
      v[n].a = pc->it[i].x0;
      v[n].b = pc->it[i].x1;
      n++;
    }
  return n;
}

static size_t group_segs(const page_ctx *pc, size_t g, iv *v) {
  return merge_ivs(v, add_group(pc, g, v, 0), pc->gmin);
}

/* Grows a region from group i while a corridor survives; returns its end
 * (exclusive), i when no table starts here.  The final coverage is left in
 * pc->cov, its count in *n_cov. */
static size_t grow(page_ctx *pc, size_t i, size_t *n_cov) {
  size_t nc = group_segs(pc, i, pc->cov);
  *n_cov = nc;
  if (nc < 2) return i;
  size_t n_multi = 1, j = i + 1;
  float last = pc->gr[i].y1;
  for (; j < pc->n_gr; j++) {
    if (pc->gr[j].y0 - last > 4 * pc->ch) break;
    size_t ns = group_segs(pc, j, pc->tmp);
    memcpy(pc->tmp + ns, pc->cov, nc * sizeof *pc->cov);
    size_t nn = merge_ivs(pc->tmp, ns + nc, pc->gmin);
    /* A group that closes a corridor must look tabular itself. */
    if (nn < 2 || (nn < nc && ns < 2)) break;
    memcpy(pc->cov, pc->tmp, nn * sizeof *pc->cov);
    nc = nn;
    if (ns >= 2) n_multi++;
    last = fmaxf(last, pc->gr[j].y1);
  }
  *n_cov = nc;
  if (j - i < 2 || n_multi < 2) return i;
  return j;
}

/* ------------------------------------------------------------- tables */

static void ttab_free(ttab *t) {
  for (size_t i = 0; i < t->n_rows * t->n_cols; i++)
    gf_buf_free(&t->cells[i].text);
  free(t->cells);
  free(t->bounds);
  memset(t, 0, sizeof *t);
}

static int ttab_add_rows(ttab *t, size_t n) {
  if (t->n_rows + n > t->cap_rows) {
    size_t cap = t->cap_rows ? t->cap_rows : 8;
    while (cap < t->n_rows + n) cap *= 2;
    cellb *c = gf_realloc(t->cells, cap * t->n_cols * sizeof *c);
    if (!c) return GF_ENOMEM;
    t->cells = c;
    t->cap_rows = cap;
  }
  memset(t->cells + t->n_rows * t->n_cols, 0,
         n * t->n_cols * sizeof *t->cells);
  t->n_rows += n;
  return GF_OK;
}

static int is_ascii_alnum(int c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
         (c >= 'A' && c <= 'Z');
}

/* Appends a line of a cell: wrapped lines join without a space unless a
 * Latin word or a number was broken between them. */
static void cell_append(cellb *c, const char *s, size_t len) {
  if (len == 0) return;
  if (c->text.len > 0 && is_ascii_alnum((unsigned char)c->text.p[c->text.len
                                                                  - 1]) &&
      is_ascii_alnum((unsigned char)s[0]))
    gf_buf_putc(&c->text, ' ');
  gf_buf_put(&c->text, s, len);
}

/* The text of a fragment: its glyphs left to right, with one space where
 * the page text had one or the gap is wider than half an em. */
static void frag_text(const page_ctx *pc, const item *its, const frag *f,
                      gf_buf *out) {
  const char *text = pc->doc->pages[pc->page].text;
  for (size_t i = f->a; i < f->b; i++) {
    const item *it = &its[i];
    if (i > f->a) {
      const item *pv = &its[i - 1];
      int space = it->x0 - pv->x1 > 0.5f * fmaxf(em(it), em(pv));
      if (!space && it->off > pv->off + pv->len) {
        space = 1;
        for (uint32_t k = pv->off + pv->len; k < it->off; k++)
          if (text[k] != ' ') space = 0;
      }
      if (space) gf_buf_putc(out, ' ');
    }
    gf_buf_put(out, text + it->off, it->len);
  }
}

static int cover_add(gf_tables *t, uint64_t pos) {
  if (t->n_covered == t->cap_covered) {
    size_t cap = t->cap_covered ? 2 * t->cap_covered : 256;
    uint64_t *v = gf_realloc(t->covered, cap * sizeof *v);
    if (!v) return GF_ENOMEM;
    t->covered = v;
    t->cap_covered = cap;
  }
  t->covered[t->n_covered++] = pos;
  return GF_OK;
}

/* ------------------------------------------------------------- rows */

static int is_cn_digit(int32_t c) {
  static const int32_t cn[] = {0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94,
                               0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341,
                               0x767E, 0x96F6, 0x3007};  /* 一…十百零〇 */
  for (size_t i = 0; i < sizeof cn / sizeof *cn; i++)
    if (c == cn[i]) return 1;
  return 0;
}

/* Whether the glyphs of f are a number alone or start with a list marker
 * (一、 （三） 2. (4) 5、): such a line starts a cell, it never goes on
 * from a wrapped line above. */
static int starts_new(const item *its, const frag *f) {
  size_t n = f->b - f->a, i = 0;
  int numeric = 1, any = 0;
  for (size_t k = f->a; k < f->b; k++) {
    int32_t c = its[k].cp;
    if (c >= '0' && c <= '9')
      any = 1;
    else if (c != '.' && c != ',' && c != '%' && c != '-' && c != '+')
      numeric = 0;
  }
  if (numeric && any) return 1;
  int open = i < n && (its[f->a].cp == 0xFF08 || its[f->a].cp == '(');
  i += (size_t)open;
  size_t d = i;
  int arabic = i < n && its[f->a + i].cp >= '0' && its[f->a + i].cp <= '9';
  while (i < n && (arabic ? its[f->a + i].cp >= '0' && its[f->a + i].cp <= '9'
                          : is_cn_digit(its[f->a + i].cp)))
    i++;
  if (i == d || i >= n || i - d > 3) return 0;
  int32_t c = its[f->a + i].cp;
  if (c == ')' || c == 0xFF09) return 1;
  if (open) return 0;
  if (c == 0x3001) return 1;                         /* 、 */
  if (arabic && (c == '.' || c == 0xFF0E))           /* 2. but not 2.5 */
    return !(i + 1 < n && its[f->a + i + 1].cp >= '0' &&
             its[f->a + i + 1].cp <= '9');
  return 0;
}

/* Per fragment: does it fill its column, start anew, start an entry of
 * the first column, continue the line above; and which slot (lines
 * chained by vertical overlap) of its band it is in. */
static void mark_fragments(const page_ctx *pc, frag *fr, size_t n_fr,
                           size_t n_cols, float *colmax,
                           const frag **last) {
  for (size_t c = 0; c < n_cols; c++) colmax[c] = -1e30f;
  for (size_t k = 0; k < n_fr; k++)
    colmax[fr[k].col] = fmaxf(colmax[fr[k].col], fr[k].x1);
  size_t slot = 0;
  float sy1 = 0;
  for (size_t k = 0; k < n_fr; k++) {
    frag *f = &fr[k];
    const item *li = &pc->it[f->b - 1];
    /* a line ending a sentence does not wrap on, however long */
    f->fills = f->x1 >= colmax[f->col] - 1.5f * em(li) && li->cp != 0x3002;
    f->is_new = (unsigned char)starts_new(pc->it, f);
    if (k == 0 || f->band != fr[k - 1].band) {
      for (size_t c = 0; c < n_cols; c++) last[c] = NULL;
      slot++;
      sy1 = f->y1;
    } else if (f->y0 >= sy1 - 0.1f * (f->y1 - f->y0)) {
      slot++;
      sy1 = f->y1;
    } else {
      sy1 = fmaxf(sy1, f->y1);
    }
    f->slot = slot;
    const frag *p = last[f->col];
    /* wrapped text goes on in the very next line of its column */
    f->cont = p && p->fills && !f->is_new && p->slot + 1 >= slot;
    /* A number or marker under a line of the slot above: a new row. */
    f->clash = f->is_new && p && p->slot + 1 == slot;
    last[f->col] = f;
  }
  /* An entry: a first-column line that goes on from nothing, or that
   * shares its slot with a clash. */
  for (size_t k = 0; k < n_fr;) {
    size_t e = k;
    int clash = 0;
    while (e < n_fr && fr[e].slot == fr[k].slot) clash |= fr[e++].clash;
    for (size_t m = k; m < e; m++) {
      if (clash) fr[m].cont = 0;
      fr[m].entry = fr[m].col == 0 && !fr[m].cont;
    }
    k = e;
  }
}

/* Row numbers for the fragments (sorted by y).  Two layouts: cells
 * top-aligned (an entry shares its line with the first lines of the other
 * cells: every line that continues nothing starts a row) or vertically
 * centred (entries sit between the lines of their row: rows split halfway
 * between entries).  The entries vote; a tie goes to top.  Returns the
 * number of rows. */
static size_t assign_rows(frag *fr, size_t n_fr) {
  size_t top = 0, centred = 0;
  for (size_t k = 0; k < n_fr; k++) {
    if (!fr[k].entry) continue;
    int aligned = 0, cont = 0;
    for (size_t m = 0; m < n_fr; m++) {
      if (m == k || fr[m].col == 0 || fr[m].slot != fr[k].slot) continue;
      float ov = fminf(fr[m].y1, fr[k].y1) - fmaxf(fr[m].y0, fr[k].y0);
      if (ov < 0.5f * (fr[k].y1 - fr[k].y0)) continue;
      aligned = 1;
      cont |= fr[m].cont;
    }
    if (aligned && !cont)
      top++;
    else
      centred++;
  }
  size_t row = 0;
  for (size_t i = 0; i < n_fr;) {
    size_t j = i;
    while (j < n_fr && fr[j].band == fr[i].band) j++;
    if (top >= centred) {
      int has_entry = 0;
      size_t r = row;
      for (size_t k = i; k < j;) {
        size_t e = k;
        int entry = 0, cont = 0;
        while (e < j && fr[e].slot == fr[k].slot) {
          entry |= fr[e].entry;
          cont |= fr[e].cont;
          e++;
        }
        /* an entry below a line that wraps on is that row's (centred) */
        if (k > i && ((entry && has_entry) || !cont)) {
          r++;
          has_entry = 0;
        }
        has_entry |= entry;
        for (size_t m = k; m < e; m++) fr[m].row = r;
        k = e;
      }
      row = r + 1;
    } else {
      /* centres of the entries; a fragment goes to the nearest one */
      size_t r = row, n_e = 0;
      float prev_c = 0;
      for (size_t k = i; k < j; k++) {
        if (!fr[k].entry) continue;
        float c = (fr[k].y0 + fr[k].y1) / 2;
        for (size_t m = i; m < j; m++) {
          float yc = (fr[m].y0 + fr[m].y1) / 2;
          if (n_e == 0 || yc >= (prev_c + c) / 2) fr[m].row = r;
        }
        if (n_e) fr[k].row = r;
        prev_c = c;
        n_e++;
        r++;
      }
      if (n_e == 0) {
        for (size_t m = i; m < j; m++) fr[m].row = row;
        r = row + 1;
      }
      row = r;
    }
    i = j;
  }
  return row;
}

/* Builds the table of region [g0, g1) with coverage cov[0..nc). */
static int build_table(page_ctx *pc, size_t g0, size_t g1, const iv *cov,
                       size_t nc, gf_tables *out, ttab *t) {
  int rc = GF_ENOMEM;
  size_t n_cols = nc;
  frag *fr = NULL;
  size_t n_fr = 0;
  float *gaps = NULL, *tops = NULL;
  const frag **last = NULL;
  gf_buf tb = {0};
  memset(t, 0, sizeof *t);
  t->n_cols = n_cols;
  t->ch = pc->ch;
  t->page = (int)pc->page + 1;
  t->last_page = t->page;
  t->bounds = gf_malloc(n_cols * sizeof *t->bounds);
  if (!t->bounds) goto done;
  for (size_t c = 0; c + 1 < n_cols; c++)
    t->bounds[c] = (cov[c].b + cov[c + 1].a) / 2;

  /* Fragments: each text line cut at the column boundaries. */
  size_t la = pc->gr[g0].a, lb = pc->gr[g1 - 1].b;
  size_t n_items = 0;
  for (size_t k = la; k < lb; k++) n_items += pc->ln[k].b - pc->ln[k].a;
  fr = gf_malloc((n_items + 1) * sizeof *fr);
  gaps = gf_malloc((n_items + 1) * sizeof *gaps);
  tops = gf_malloc((n_cols + 1) * sizeof *tops);
  last = gf_malloc((n_cols + 1) * sizeof *last);
  if (!fr || !gaps || !tops || !last) goto done;
  for (size_t k = la; k < lb; k++) {
    const tline *l = &pc->ln[k];
    for (size_t i = l->a; i < l->b; i++) {
      item *it = &pc->it[i];
      float xc = (it->x0 + it->x1) / 2;
      int col = 0;
      while ((size_t)col + 1 < n_cols && xc > t->bounds[col]) col++;
      it->col = col;
      frag *f = n_fr ? &fr[n_fr - 1] : NULL;
      if (f && i > l->a && f->col == col && f->b == i) {
        f->b = i + 1;
        f->x1 = fmaxf(f->x1, it->x1);
        f->y0 = fminf(f->y0, it->y0);
        f->y1 = fmaxf(f->y1, it->y1);
        continue;
      }
      f = &fr[n_fr++];
      f->a = i;
      f->b = i + 1;
      f->col = col;
      f->x0 = it->x0;
      f->x1 = it->x1;
      f->y0 = it->y0;
      f->y1 = it->y1;
      f->row = 0;
    }
  }
  qsort(fr, n_fr, sizeof *fr, cmp_frag);

  /* Leading inside cells: gaps between successive lines of a column. */
  size_t n_gaps = 0;
  for (size_t c = 0; c < n_cols; c++) {
    const frag *prev = NULL;
    for (size_t i = 0; i < n_fr; i++) {
      if ((size_t)fr[i].col != c) continue;
      if (prev) {
        float g = fr[i].y0 - prev->y1;
        if (g >= 0 && g < 1.5f * pc->ch) gaps[n_gaps++] = g;
      }
      prev = &fr[i];
    }
  }
  qsort(gaps, n_gaps, sizeof *gaps, cmp_float);
  float lead = n_gaps ? gaps[n_gaps / 2] : 0.2f * pc->ch;
  float band_gap = lead + 0.35f * pc->ch;

  /* Bands: split at white stripes clearly taller than the leading. */
  size_t n_bands = 0;
  for (size_t i = 0; i < n_fr;) {
    float y1 = fr[i].y1;
    size_t j = i;
    while (j < n_fr && (j == i || fr[j].y0 <= y1 + band_gap)) {
      y1 = fmaxf(y1, fr[j].y1);
      fr[j].band = n_bands;
      j++;
    }
    n_bands++;
    i = j;
  }
  mark_fragments(pc, fr, n_fr, n_cols, tops, last);
  size_t row = assign_rows(fr, n_fr);
  if (ttab_add_rows(t, row)) goto done;

  /* Cells: fragments in reading order (rows were assigned in y order). */
  for (size_t k = 0; k < n_fr; k++) {
    cellb *c = &t->cells[fr[k].row * n_cols + (size_t)fr[k].col];
    tb.len = 0;
    frag_text(pc, pc->it, &fr[k], &tb);
    if (tb.oom) goto done;
    if (!c->page) {
      c->page = (int)pc->page + 1;
      c->start = pc->it[fr[k].a].off;
      for (size_t m = fr[k].a; m < fr[k].b; m++)
        if (pc->it[m].off < c->start) c->start = pc->it[m].off;
      c->x0 = fr[k].x0;
      c->y0 = fr[k].y0;
      c->x1 = fr[k].x1;
      c->y1 = fr[k].y1;
    }
    c->x0 = fminf(c->x0, fr[k].x0);
    c->y0 = fminf(c->y0, fr[k].y0);
    c->x1 = fmaxf(c->x1, fr[k].x1);
    c->y1 = fmaxf(c->y1, fr[k].y1);
    cell_append(c, tb.p ? tb.p : "", tb.len);
    if (c->text.oom) goto done;
    for (size_t m = fr[k].a; m < fr[k].b; m++)
      if (cover_add(out, GF_POS(pc->page, pc->it[m].off))) goto done;
  }

  /* Where the table sits on the page: at its foot, at its top. */
  float ty0 = pc->gr[g0].y0, ty1 = pc->gr[g1 - 1].y1;
  t->at_top = 1;
  t->at_foot = 1;
  for (size_t g = 0; g < pc->n_gr; g++) {
    if (g >= g0 && g < g1) continue;
    if (pc->gr[g].y1 <= ty0) t->at_top = 0;
    if (pc->gr[g].y0 >= ty1) t->at_foot = 0;
  }
  rc = GF_OK;
done:
  gf_buf_free(&tb);
  free(fr);
  free(gaps);
  free(tops);
  free(last);
  if (rc) ttab_free(t);
  return rc;
}

/* Finds the tables of one page and appends them to *tabs. */
static int page_tables(const gf_doc *doc, size_t page, gf_tables *out,
                       ttab **tabs, size_t *n_tabs, size_t *cap_tabs) {
  page_ctx pc;
  memset(&pc, 0, sizeof pc);
  pc.doc = doc;
  pc.page = page;
  int rc = collect_items(&pc);
  if (rc || pc.n_it < 4) goto done;
  pc.ch = char_size(&pc);
  pc.gmin = 0.7f * pc.ch;
  rc = build_lines(&pc);
  if (rc) goto done;
  rc = GF_ENOMEM;
  pc.cov = gf_malloc(2 * (pc.n_it + 1) * sizeof *pc.cov);
  pc.tmp = gf_malloc(2 * (pc.n_it + 1) * sizeof *pc.tmp);
  pc.end = gf_malloc((pc.n_gr + 1) * sizeof *pc.end);
  pc.n_col = gf_malloc((pc.n_gr + 1) * sizeof *pc.n_col);
  if (!pc.cov || !pc.tmp || !pc.end || !pc.n_col) goto done;
  size_t nc = 0;
  for (size_t g = 0; g < pc.n_gr; g++) {
    pc.end[g] = grow(&pc, g, &nc);
    pc.n_col[g] = nc;
  }
  /* A region that a later start outgrows is a false start (a title line
   * with a gap that the table's header happens to leave open); so is a
   * first line that closes a corridor the rest keeps open (a title
   * spanning columns). */
  size_t g = 0;
  while (g < pc.n_gr) {
    size_t e = pc.end[g];
    if (e == g) {
      g++;
      continue;
    }
    size_t better = g;
    for (size_t k = g + 1; k < e; k++)
      if ((pc.end[k] > e && pc.end[k] - k > e - g) ||
          (k == g + 1 && pc.end[k] == e && pc.n_col[k] > pc.n_col[g])) {
        better = k;
        break;
      }
    if (better != g) {
      g = better;
      continue;
    }
    grow(&pc, g, &nc);
    if (*n_tabs == *cap_tabs) {
      size_t cap = *cap_tabs ? 2 * *cap_tabs : 8;
      ttab *v = gf_realloc(*tabs, cap * sizeof *v);
      if (!v) goto done;
      *tabs = v;
      *cap_tabs = cap;
    }
    rc = build_table(&pc, g, e, pc.cov, nc, out, &(*tabs)[*n_tabs]);
    if (rc) goto done;
    rc = GF_ENOMEM;
    (*n_tabs)++;
    g = e;
  }
  rc = GF_OK;
done:
  free(pc.it);
  free(pc.ln);
  free(pc.gr);
  free(pc.cov);
  free(pc.tmp);
  free(pc.end);
  free(pc.n_col);
  return rc;
}

/* ------------------------------------------------------------- joining */

static int same_text(const cellb *a, const cellb *b) {
  return a->text.len == b->text.len &&
         (a->text.len == 0 || memcmp(a->text.p, b->text.p, a->text.len) == 0);
}

static int row_empty(const ttab *t, size_t r) {
  for (size_t c = 0; c < t->n_cols; c++)
    if (t->cells[r * t->n_cols + c].text.len) return 0;
  return 1;
}

/* Whether u, at the top of the page after t, continues t. */
static int continues(const ttab *t, const ttab *u) {
  if (!t->at_foot || !u->at_top || t->n_cols != u->n_cols) return 0;
  if (u->page != t->last_page + 1) return 0;
  float tol = 2.5f * fmaxf(t->ch, u->ch);
  for (size_t c = 0; c + 1 < t->n_cols; c++)
    if (fabsf(t->bounds[c] - u->bounds[c]) > tol) return 0;
  return 1;
}

/* Moves u's rows under t: a repeated header goes, a first row without a
 * first-column entry finishes t's last row. */
static int join(ttab *t, ttab *u) {
  size_t nc = t->n_cols, r0 = 0;
  int header = u->n_rows > 0 && t->n_rows > 0;
  for (size_t c = 0; header && c < nc; c++)
    if (!same_text(&t->cells[c], &u->cells[c])) header = 0;
  if (header && !row_empty(u, 0)) r0 = 1;
  if (r0 < u->n_rows && t->n_rows > 0 && u->cells[r0 * nc].text.len == 0 &&
      !row_empty(u, r0)) {
    cellb *last = &t->cells[(t->n_rows - 1) * nc];
    for (size_t c = 0; c < nc; c++) {
      cellb *src = &u->cells[r0 * nc + c];
      if (!src->text.len) continue;
      if (!last[c].page) { /* its box is on that page then */
        last[c].page = src->page;
        last[c].start = src->start;
        last[c].x0 = src->x0;
        last[c].y0 = src->y0;
        last[c].x1 = src->x1;
        last[c].y1 = src->y1;
      } else if (!last[c].split) {
        last[c].split = last[c].text.len;
        last[c].nx0 = src->x0;
        last[c].ny0 = src->y0;
        last[c].nx1 = src->x1;
        last[c].ny1 = src->y1;
      }
      cell_append(&last[c], src->text.p, src->text.len);
      if (last[c].text.oom) return GF_ENOMEM;
    }
    r0++;
  }
  size_t base = t->n_rows;
  if (r0 < u->n_rows && ttab_add_rows(t, u->n_rows - r0)) return GF_ENOMEM;
  for (size_t r = r0; r < u->n_rows; r++)
    for (size_t c = 0; c < nc; c++) {
      t->cells[(base + r - r0) * nc + c] = u->cells[r * nc + c];
      memset(&u->cells[r * nc + c], 0, sizeof(cellb));
    }
  t->at_foot = u->at_foot;
  t->last_page = u->page;
  memcpy(t->bounds, u->bounds, (nc - 1) * sizeof *t->bounds);
  u->dead = 1;
  return GF_OK;
}

static int emit(gf_tables *out, const ttab *t, int number) {
  for (size_t r = 0; r < t->n_rows; r++) {
    int row_page = 0;
    for (size_t c = 0; c < t->n_cols && !row_page; c++)
      row_page = t->cells[r * t->n_cols + c].page;
    for (size_t c = 0; c < t->n_cols; c++) {
      const cellb *cb = &t->cells[r * t->n_cols + c];
      if (out->n == out->cap) {
        size_t cap = out->cap ? 2 * out->cap : 64;
        gf_table_cell *v = gf_realloc(out->cells, cap * sizeof *v);
        if (!v) return GF_ENOMEM;
        out->cells = v;
        float(*nv)[4] = gf_realloc(out->next, cap * sizeof *nv);
        if (!nv) return GF_ENOMEM;
        out->next = nv;
        out->cap = cap;
      }
      char *s = gf_strndup(cb->text.p ? cb->text.p : "", cb->text.len);
      if (!s) return GF_ENOMEM;
      gf_table_cell *cell = &out->cells[out->n++];
      cell->doc = out->doc;
      cell->page = cb->page ? cb->page : row_page ? row_page : t->page;
      cell->table = number;
      cell->row = (int)r + 1;
      cell->col = (int)c + 1;
      cell->text = s;
      cell->start = cb->start;
      cell->split = cb->split ? cb->split : cb->text.len;
      /* half a glyph unit outwards, as gf_doc_box: the glyph boxes were
       * rounded to the nearest unit */
      const double half = 0.5 / GF_GLYPH_UNITS;
      cell->has_box = cb->page != 0 && cb->x1 > cb->x0;
      cell->x0 = cell->has_box && cb->x0 > half ? cb->x0 - half : 0;
      cell->y0 = cell->has_box && cb->y0 > half ? cb->y0 - half : 0;
      cell->x1 = cell->has_box ? cb->x1 + half : 0;
      cell->y1 = cell->has_box ? cb->y1 + half : 0;
      float *nb = out->next[out->n - 1];
      int has_next = cb->split && cb->nx1 > cb->nx0;
      nb[0] = has_next && cb->nx0 > half ? cb->nx0 - (float)half : 0;
      nb[1] = has_next && cb->ny0 > half ? cb->ny0 - (float)half : 0;
      nb[2] = has_next ? cb->nx1 + (float)half : 0;
      nb[3] = has_next ? cb->ny1 + (float)half : 0;
    }
  }
  return GF_OK;
}

/* ------------------------------------------------------------- API */

void gf_tables_free(gf_tables *t) {
  if (!t) return;
  for (size_t i = 0; i < t->n; i++) free((char *)t->cells[i].text);
  free(t->cells);
  free(t->next);
  free(t->covered);
  free(t->doc);
  free(t);
}

int gf_tables_extract(const gf_doc *doc, unsigned opts, gf_tables **out,
                      gf_error *err) {
  (void)opts;
  gf_error_fill(err, GF_OK, 0, 0);
  if (out) *out = NULL;
  if (!doc || !out) return gf_error_fill(err, GF_EINVAL, 0, 0);
  int rc = GF_ENOMEM;
  ttab *tabs = NULL;
  size_t n_tabs = 0, cap_tabs = 0;
  gf_tables *t = gf_calloc(1, sizeof *t);
  if (!t) goto done;
  t->doc = gf_strdup(doc->name ? doc->name : "-");
  if (!t->doc) goto done;
  for (size_t p = 0; p < doc->n_pages; p++) {
    if (!doc->pages[p].glyphs || !doc->pages[p].n_glyphs) continue;
    rc = page_tables(doc, p, t, &tabs, &n_tabs, &cap_tabs);
    if (rc) goto done;
  }
  rc = GF_ENOMEM;
  /* Tables go on over page breaks: join each to the live one before. */
  size_t live = (size_t)-1;
  for (size_t k = 0; k < n_tabs; k++) {
    if (live != (size_t)-1 && continues(&tabs[live], &tabs[k])) {
      if (join(&tabs[live], &tabs[k])) goto done;
      continue;
    }
    live = k;
  }
  int number = 0;
  for (size_t k = 0; k < n_tabs; k++)
    if (!tabs[k].dead && emit(t, &tabs[k], ++number)) goto done;
  if (t->n_covered)
    qsort(t->covered, t->n_covered, sizeof *t->covered, cmp_u64);
  rc = GF_OK;
done:
  for (size_t k = 0; k < n_tabs; k++) ttab_free(&tabs[k]);
  free(tabs);
  if (rc) {
    gf_tables_free(t);
    return gf_error_fill(err, rc, 0, 0);
  }
  *out = t;
  return GF_OK;
}

size_t gf_tables_count(const gf_tables *t) { return t ? t->n : 0; }

const gf_table_cell *gf_tables_at(const gf_tables *t, size_t i) {
  return t && i < t->n ? &t->cells[i] : NULL;
}

int gf_tables_covers(const gf_tables *t, size_t page, size_t off) {
  if (!t || !t->n_covered) return 0;
  uint64_t key = GF_POS(page, off);
  size_t lo = 0, hi = t->n_covered;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (t->covered[mid] < key)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo < t->n_covered && t->covered[lo] == key;
}

int gf_tables_next_box(const gf_tables *t, const gf_table_cell *c,
                       double box[4]) {
  if (!t || !t->n || c < t->cells || c >= t->cells + t->n) return 0;
  const float *nb = t->next[c - t->cells];
  if (!(nb[2] > nb[0])) return 0;
  for (int k = 0; k < 4; k++) box[k] = nb[k];
  return 1;
}
