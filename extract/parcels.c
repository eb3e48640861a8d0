/* parcels.c - 四至 descriptions -> parcel rows (parcels.csv, records.md
 * section 2).
 *
 * A description is cut into parcels at top-level "；" and "。" (never
 * inside brackets), each named by its "…：" prefix, and each parcel into
 * its four boundaries at 东至/西至/南至/北至 - but only where such a word
 * follows the start, a comma, a semicolon, a colon or a space outside
 * brackets, so "南至全福河与二环东路交叉口" or "北至规划横一路（胶济铁路）"
 * stay whole.  The directions come in any order; one that is missing
 * stays empty and is reported, never guessed.  Descriptions come from
 * table cells (tables.c) - with the project number, name and land use from
 * the same row, the columns found by generic header words or else by
 * their content and order - and from prose paragraphs outside tables. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/contract.h"
#include "common/scan.h"
#include "extract/vocab.h"
#include "extract/extract.h"
#include "normalize/normalize.h"

enum { P_DOC, P_NO, P_PROJECT, P_PARCEL, P_EAST, P_WEST, P_SOUTH, P_NORTH,
       P_USE, P_RAW, P_N };

typedef struct prow {
  gf_parcel pub;
  char *s[P_N];
} prow;

typedef struct pwarn {
  gf_parcel_warning pub;
  char *msg;
} pwarn;

struct gf_parcels {
  prow *rows;
  size_t n, cap;
  pwarn *warns;
  size_t n_warns, cap_warns;
};


/* ------------------------------------------------------------- text */

/* Bracket depth change of the character at s[i]: +1 opening, -1 closing. */
static int bracket(const char *s, size_t len, size_t i) {
  for (size_t k = 0; GF_OPEN_BRACKETS[k]; k++) {
    if (gf_lit_at(s, len, i, GF_OPEN_BRACKETS[k])) return 1;
    if (gf_lit_at(s, len, i, GF_CLOSE_BRACKETS[k])) return -1;
  }
  return 0;
}


static size_t match_any(const char *s, size_t len, size_t i,
                        const char *const *words) {
  for (size_t k = 0; words[k]; k++)
    if (gf_lit_at(s, len, i, words[k])) return strlen(words[k]);
  return 0;
}

/* Trims GF_PARCEL_TRIM characters from both ends of s[*a..*b). */
static void trim(const char *s, size_t *a, size_t *b) {
  for (;;) {
    size_t n = *a < *b ? match_any(s, *b, *a, GF_PARCEL_TRIM) : 0;
    if (!n) break;
    *a += n;
  }
  for (int again = 1; again && *b > *a;) {
    again = 0;
    for (size_t k = 0; GF_PARCEL_TRIM[k]; k++) {
      size_t n = strlen(GF_PARCEL_TRIM[k]);
      if (*b - *a >= n && memcmp(s + *b - n, GF_PARCEL_TRIM[k], n) == 0) {
        *b -= n;
        again = 1;
        break;
      }
    }
  }
}

/* Which direction word starts at s[i] (0..3), or -1; only where it may
 * start a boundary: after the start of the text or a separator. */
static int dir_at(const char *s, size_t len, size_t i, size_t start) {
  int d = -1;
  for (int k = 0; k < 4; k++)
    if (gf_lit_at(s, len, i, GF_DIR_WORDS[k])) d = k;
  if (d < 0) return -1;
  if (i == start) return d;
  for (size_t k = 0; GF_BEFORE_DIR[k]; k++) {
    size_t n = strlen(GF_BEFORE_DIR[k]);
    if (i >= start + n && memcmp(s + i - n, GF_BEFORE_DIR[k], n) == 0) return d;
  }
  return -1;
}

/* ------------------------------------------------------------- parsing */

/* One parcel found in a description: byte spans into the text. */
typedef struct found {
  size_t a, b;            /* raw */
  size_t na, nb;          /* name (na == nb: none) */
  size_t da[4], db[4];    /* boundaries; da[d] == (size_t)-1: missing */
  int n_dirs;
} found;

#define NONE ((size_t)-1)


/* The name in s[a..b) before the first boundary: "邮局地块：" -> 邮局地块;
 * "…，A地块四至范围为：" -> A地块; a pronoun (该地块) gives none. */
static void name_of(const char *s, size_t a, size_t b, size_t *na,
                    size_t *nb) {
  *na = *nb = a;
  trim(s, &a, &b);
  for (size_t k = 0; GF_PARCEL_LEAD_IN[k]; k++) {
    size_t n = strlen(GF_PARCEL_LEAD_IN[k]);
    if (b - a >= n && memcmp(s + b - n, GF_PARCEL_LEAD_IN[k], n) == 0) {
      b -= n;
      trim(s, &a, &b);
      break;
    }
  }
  /* the last clause only: after the last top-level comma or colon */
  int depth = 0;
  size_t start = a;
  for (size_t i = a; i < b; i += gf_char_len((unsigned char)s[i])) {
    depth += bracket(s, b, i);
    if (depth < 0) depth = 0;
    if (depth == 0 && (gf_lit_at(s, b, i, "，") || gf_lit_at(s, b, i, ",") ||
                       gf_lit_at(s, b, i, "：") || gf_lit_at(s, b, i, ":") ||
                       gf_lit_at(s, b, i, "。")))
      start = i + gf_char_len((unsigned char)s[i]);
  }
  a = start;
  trim(s, &a, &b);
  if (gf_lit_at(s, b, a, "其中")) a += strlen("其中");
  for (size_t k = 0; GF_PARCEL_PRONOUNS[k]; k++)
    if (b - a == strlen(GF_PARCEL_PRONOUNS[k]) &&
        memcmp(s + a, GF_PARCEL_PRONOUNS[k], b - a) == 0)
      return;
  /* prose: only a name that says it is a parcel; a cell's prefix before
   * its colon is always one */
  *na = a;
  *nb = b;
}

/* Splits s[0..len) into parcels (at most cap); returns the count. */
static size_t parse_desc(const char *s, size_t len, found *out, size_t cap) {
  size_t n = 0;
  size_t i = 0;
  while (i < len && n < cap) {
    /* one top-level piece up to ； or 。 */
    size_t a = i, b = len;
    int depth = 0;
    size_t first = NONE;
    found f;
    memset(&f, 0, sizeof f);
    for (int d = 0; d < 4; d++) f.da[d] = f.db[d] = NONE;
    int cur = -1;
    size_t k = a;
    while (k < len) {
      size_t cl = gf_char_len((unsigned char)s[k]);
      depth += bracket(s, len, k);
      if (depth < 0) depth = 0;
      if (depth == 0) {
        size_t e = match_any(s, len, k, GF_PARCEL_END);
        if (e) {
          b = k;
          k += e;
          break;
        }
        /* a boundary ends at a top-level comma: what follows (用地面积…)
         * is no longer the boundary */
        if (cur >= 0 &&
            (gf_lit_at(s, len, k, "，") || gf_lit_at(s, len, k, ","))) {
          f.db[cur] = k;
          cur = -1;
        }
        int d = dir_at(s, len, k, a);
        if (d >= 0) {
          if (cur >= 0 && f.db[cur] == NONE) f.db[cur] = k;
          if (first == NONE) first = k;
          if (f.da[d] == NONE) {
            f.da[d] = k + strlen(GF_DIR_WORDS[d]);
            cur = d;
            f.n_dirs++;
          } else {
            cur = -1;  /* a repeated direction: keep the first */
          }
          k += strlen(GF_DIR_WORDS[d]);
          continue;
        }
      }
      k += cl;
    }
    if (cur >= 0 && f.db[cur] == NONE) f.db[cur] = b;
    i = k;
    if (first == NONE) continue;
    for (int d = 0; d < 4; d++)
      if (f.da[d] != NONE) trim(s, &f.da[d], &f.db[d]);
    name_of(s, a, first, &f.na, &f.nb);
    f.a = f.na < f.nb ? f.na : first;
    f.b = first;
    for (int d = 0; d < 4; d++)
      if (f.da[d] != NONE && f.db[d] > f.b) f.b = f.db[d];
    trim(s, &f.a, &f.b);
    /* A piece without a name whose directions the piece before lacks
     * goes on from it ("东至A；西至B；…"). */
    if (n > 0 && f.na == f.nb) {
      found *p = &out[n - 1];
      int clash = 0;
      for (int d = 0; d < 4; d++)
        if (f.da[d] != NONE && p->da[d] != NONE) clash = 1;
      if (!clash && p->n_dirs < 4) {
        for (int d = 0; d < 4; d++)
          if (f.da[d] != NONE) {
            p->da[d] = f.da[d];
            p->db[d] = f.db[d];
            p->n_dirs++;
          }
        p->b = f.b;
        continue;
      }
    }
    out[n++] = f;
  }
  /* A lone direction word is no description (向东至…): need two. */
  size_t m = 0;
  for (size_t k = 0; k < n; k++)
    if (out[k].n_dirs >= 2) out[m++] = out[k];
  return m;
}

/* ------------------------------------------------------------- rows */

static int add_warning(gf_parcels *ps, int page, size_t row, char *msg) {
  if (!msg) return GF_ENOMEM;
  if (ps->n_warns == ps->cap_warns) {
    size_t cap = ps->cap_warns ? 2 * ps->cap_warns : 8;
    pwarn *v = gf_realloc(ps->warns, cap * sizeof *v);
    if (!v) {
      free(msg);
      return GF_ENOMEM;
    }
    ps->warns = v;
    ps->cap_warns = cap;
  }
  pwarn *w = &ps->warns[ps->n_warns++];
  w->msg = msg;
  w->pub.page = page;
  w->pub.parcel = row;
  w->pub.message = msg;
  return GF_OK;
}

/* Context of a description: where it is and what its table row says. */
typedef struct ctx {
  const char *doc;
  int page;
  const char *no, *project, *use;
  double box[4];          /* the description on page (gf_parcel's) */
  int has_box;
  double next[4];         /* its part on the next page, if any */
  int has_next;
} ctx;

static int add_parcel(gf_parcels *ps, const ctx *c, const char *s,
                      const found *f) {
  if (ps->n == ps->cap) {
    size_t cap = ps->cap ? 2 * ps->cap : 16;
    prow *v = gf_realloc(ps->rows, cap * sizeof *v);
    if (!v) return GF_ENOMEM;
    ps->rows = v;
    ps->cap = cap;
  }
  prow *r = &ps->rows[ps->n];
  memset(r, 0, sizeof *r);
  r->s[P_DOC] = gf_strdup(c->doc);
  r->s[P_NO] = gf_strdup(c->no ? c->no : "");
  r->s[P_PROJECT] = gf_strdup(c->project ? c->project : "");
  r->s[P_PARCEL] = gf_strndup(s + f->na, f->nb - f->na);
  for (int d = 0; d < 4; d++)
    r->s[P_EAST + d] = f->da[d] == NONE
                           ? gf_strdup("")
                           : gf_strndup(s + f->da[d], f->db[d] - f->da[d]);
  r->s[P_USE] = gf_strdup(c->use ? c->use : "");
  r->s[P_RAW] = gf_strndup(s + f->a, f->b - f->a);
  for (int k = 0; k < P_N; k++)
    if (!r->s[k]) {
      for (int j = 0; j < P_N; j++) free(r->s[j]);
      return GF_ENOMEM;
    }
  gf_parcel *p = &r->pub;
  p->doc = r->s[P_DOC];
  p->page = c->page;
  p->project_no = r->s[P_NO];
  p->project = r->s[P_PROJECT];
  p->parcel = r->s[P_PARCEL];
  p->east = r->s[P_EAST];
  p->west = r->s[P_WEST];
  p->south = r->s[P_SOUTH];
  p->north = r->s[P_NORTH];
  p->land_use = r->s[P_USE];
  p->raw = r->s[P_RAW];
  p->has_box = c->has_box;
  p->x0 = c->box[0];
  p->y0 = c->box[1];
  p->x1 = c->box[2];
  p->y1 = c->box[3];
  size_t row = ps->n++;
  for (int d = 0; d < 4; d++) {
    if (f->da[d] != NONE && f->db[d] > f->da[d]) continue;
    gf_buf b = {0};
    if (*p->parcel)
      gf_buf_printf(&b, "page %d: parcel %s", c->page, p->parcel);
    else
      gf_buf_printf(&b, "page %d: parcel \"%s\"", c->page, p->raw);
    gf_buf_printf(&b, ": no %s (%s) boundary", GF_DIR_WORDS[d],
                  GF_PARCEL_COLUMNS[GF_PAR_EAST + d]);
    if (*p->project) gf_buf_printf(&b, " (project %s)", p->project);
    if (b.oom) {
      gf_buf_free(&b);
      return GF_ENOMEM;
    }
    if (add_warning(ps, c->page, row, gf_buf_detach(&b, NULL)))
      return GF_ENOMEM;
  }
  return GF_OK;
}

/* Parses one description and adds its parcels; those starting at split or
 * later are on the page after c->page. */
static int add_desc(gf_parcels *ps, const ctx *c, const char *s, size_t len,
                    size_t split) {
  size_t cap = 2 + len / 6;  /* a parcel takes two direction words */
  found *f = gf_malloc(cap * sizeof *f);
  if (!f) return GF_ENOMEM;
  size_t n = parse_desc(s, len, f, cap);
  int rc = GF_OK;
  for (size_t k = 0; k < n && rc == GF_OK; k++) {
    ctx ck = *c;
    if (f[k].a >= split) { /* on the next page: its part of the cell */
      ck.page++;
      ck.has_box = c->has_next;
      memcpy(ck.box, c->next, sizeof ck.box);
    }
    rc = add_parcel(ps, &ck, s, &f[k]);
  }
  free(f);
  return rc;
}

/* ------------------------------------------------------------- tables */

static int count_dirs(const char *s) {
  size_t len = strlen(s);
  int n = 0;
  for (size_t i = 0; i < len; i += gf_char_len((unsigned char)s[i]))
    if (dir_at(s, len, i, 0) >= 0) n++;
  return n;
}


/* A short integer, perhaps with a dot: a row number. */
static int is_row_number(const char *s) {
  size_t n = 0;
  while (*s == ' ') s++;
  for (; *s >= '0' && *s <= '9'; s++) n++;
  if (*s == '.' || *s == ')') s++;
  while (*s == ' ') s++;
  return n > 0 && n <= 4 && *s == '\0';
}

/* Reads the parcels of one table: cells[0..n) of one table, full grid. */
static int table_parcels(gf_parcels *ps, const gf_tables *tabs,
                         const gf_table_cell *const *cells,
                         size_t n, const char *doc) {
  int n_rows = 0, n_cols = 0;
  for (size_t i = 0; i < n; i++) {
    if (cells[i]->row > n_rows) n_rows = cells[i]->row;
    if (cells[i]->col > n_cols) n_cols = cells[i]->col;
  }
  if (n_cols < 1 || (size_t)n_rows * (size_t)n_cols != n) return GF_OK;
#define CELL(r, c) (cells[(size_t)(r) * (size_t)n_cols + (size_t)(c)])
  /* The description column: most cells with two directions or more. */
  int desc = -1, best = 0;
  for (int c = 0; c < n_cols; c++) {
    int k = 0;
    for (int r = 0; r < n_rows; r++) k += count_dirs(CELL(r, c)->text) >= 2;
    if (k > best) {
      best = k;
      desc = c;
    }
  }
  if (desc < 0) return GF_OK;
  /* A header row: the first row when it has no description itself. */
  int header = count_dirs(CELL(0, desc)->text) < 2;
  int no = -1, name = -1, use = -1;
  if (header)
    for (int c = 0; c < n_cols; c++) {
      const char *h = CELL(0, c)->text;
      size_t hl = strlen(h);
      if (c == desc) continue;
      if (no < 0 && gf_has_word(h, 0, hl, GF_HEAD_NO))
        no = c;
      else if (use < 0 && gf_has_word(h, 0, hl, GF_HEAD_USE))
        use = c;
      else if (name < 0 && c < desc && gf_has_word(h, 0, hl, GF_HEAD_NAME))
        name = c;
    }
  /* Without header words: the row numbers are the column of short
   * integers, the name the text column before the description, the land
   * use the text column after it. */
  int r0 = header ? 1 : 0;
  if (no < 0)
    for (int c = 0; c < desc && no < 0; c++) {
      int k = 0, filled = 0;
      for (int r = r0; r < n_rows; r++) {
        const char *t = CELL(r, c)->text;
        filled += *t != '\0';
        k += is_row_number(t);
      }
      if (filled && 2 * k >= filled) no = c;
    }
  if (name < 0)
    for (int c = desc - 1; c >= 0 && name < 0; c--)
      if (c != no && c != use) name = c;
  if (use < 0)
    for (int c = desc + 1; c < n_cols && use < 0; c++)
      if (c != no && c != name) use = c;
  for (int r = r0; r < n_rows; r++) {
    const gf_table_cell *d = CELL(r, desc);
    ctx c = {doc, d->page, no >= 0 ? CELL(r, no)->text : "",
             name >= 0 ? CELL(r, name)->text : "",
             use >= 0 ? CELL(r, use)->text : "",
             {d->x0, d->y0, d->x1, d->y1}, d->has_box, {0, 0, 0, 0}, 0};
    c.has_next = gf_tables_next_box(tabs, d, c.next);
    int rc = add_desc(ps, &c, d->text, strlen(d->text), d->split);
    if (rc) return rc;
  }
#undef CELL
  return GF_OK;
}

/* ------------------------------------------------------------- prose */

static int ends_with(const char *s, size_t a, size_t b, const char *w) {
  size_t n = strlen(w);
  return b - a >= n && memcmp(s + b - n, w, n) == 0;
}

/* In prose, the project a description belongs to: the nearest clause of
 * its sentence before it that names a 项目 or 工程, from after its last
 * 的 (由…建设的万里街道社区公共服务中心新建工程).  Caller frees. */
static char *prose_project(const char *s, size_t end) {
  size_t start = 0;
  int depth = 0;
  for (size_t i = 0; i < end; i += gf_char_len((unsigned char)s[i])) {
    depth += bracket(s, end, i);
    if (depth < 0) depth = 0;
    if (depth == 0 && (gf_lit_at(s, end, i, "。") || gf_lit_at(s, end, i, "；")))
      start = i + gf_char_len((unsigned char)s[i]);
  }
  size_t b = end;
  while (b > start) {
    size_t a = start;
    depth = 0;
    for (size_t i = start; i < b; i += gf_char_len((unsigned char)s[i])) {
      depth += bracket(s, b, i);
      if (depth < 0) depth = 0;
      if (depth == 0 && (gf_lit_at(s, b, i, "，") || gf_lit_at(s, b, i, ",") ||
                         gf_lit_at(s, b, i, "：") || gf_lit_at(s, b, i, ":")))
        a = i + gf_char_len((unsigned char)s[i]);
    }
    size_t ca = a, cb = b;
    trim(s, &ca, &cb);
    if (ends_with(s, ca, cb, "项目") || ends_with(s, ca, cb, "工程")) {
      for (size_t i = ca; i < cb; i += gf_char_len((unsigned char)s[i]))
        if (gf_lit_at(s, cb, i, "的")) ca = i + strlen("的");
      return gf_strndup(s + ca, cb - ca);
    }
    if (a == start) break;
    b = a - 1;
    while (b > start && ((unsigned char)s[b] & 0xC0) == 0x80) b--;
  }
  return gf_strdup("");
}

/* The box of a prose description: its glyphs from its first byte to its
 * last, on the page it starts on (to that page's end when it goes on). */
static void prose_box(const gf_doc *doc, const gf_para *p, const size_t *pos,
                      const found *f, ctx *c) {
  if (f->b <= f->a) return;
  uint64_t a = p->pos[pos[f->a]], z = p->pos[pos[f->b - 1]];
  size_t page = GF_POS_PAGE(a), end = doc->pages[page].len;
  if (GF_POS_PAGE(z) == page) {
    end = GF_POS_OFF(z) + 1; /* past the last character's lead byte */
    while (end < doc->pages[page].len &&
           ((unsigned char)doc->pages[page].text[end] & 0xC0) == 0x80)
      end++;
  }
  c->has_box = gf_doc_box(doc, page, GF_POS_OFF(a), end, c->box);
}

/* Parcels of a paragraph, without the bytes that tables hold. */
int gf_parcels_para(gf_parcels *ps, const gf_doc *doc,
                    const gf_tables *tabs, const gf_para *p) {
  if (!strstr(p->text, "至")) return GF_OK;
  int rc = GF_OK;
  gf_buf b = {0};
  size_t *pos = gf_malloc((p->len + 1) * sizeof *pos);
  if (!pos) return GF_ENOMEM;
  for (size_t k = 0; k < p->len;) {
    size_t cl = gf_char_len((unsigned char)p->text[k]);
    uint64_t at_pos = p->pos[k];
    if (p->text[k] != '\n' &&
        !gf_tables_covers(tabs, GF_POS_PAGE(at_pos), GF_POS_OFF(at_pos))) {
      pos[b.len] = k;
      gf_buf_put(&b, p->text + k, cl);
      for (size_t j = 1; j < cl; j++) pos[b.len - cl + j] = k;
    }
    k += cl;
  }
  if (b.oom) {
    rc = GF_ENOMEM;
    goto done;
  }
  if (b.len == 0 || count_dirs(b.p) < 2) goto done;
  size_t cap = 2 + b.len / 6;
  found *f = gf_malloc(cap * sizeof *f);
  if (!f) {
    rc = GF_ENOMEM;
    goto done;
  }
  size_t n = parse_desc(b.p, b.len, f, cap);
  for (size_t k = 0; k < n && rc == GF_OK; k++) {
    /* In prose only a name that says it is a parcel (…地块) is one;
     * otherwise raw starts at the first boundary. */
    size_t nl = f[k].nb - f[k].na, dl = strlen("地块");
    if (nl && (nl < dl || memcmp(b.p + f[k].nb - dl, "地块", dl) != 0)) {
      f[k].na = f[k].nb;
      size_t first = f[k].b;
      for (int d = 0; d < 4; d++)
        if (f[k].da[d] != NONE && f[k].da[d] - strlen("东至") < first)
          first = f[k].da[d] - strlen("东至");
      f[k].a = first;
    }
    char *project = prose_project(b.p, f[k].a);
    ctx c = {doc->name ? doc->name : "-",
             (int)GF_POS_PAGE(p->pos[pos[f[k].a]]) + 1, "",
             project, "", {0, 0, 0, 0}, 0, {0, 0, 0, 0}, 0};
    prose_box(doc, p, pos, &f[k], &c);
    rc = project ? add_parcel(ps, &c, b.p, &f[k]) : GF_ENOMEM;
    free(project);
  }
  free(f);
done:
  free(pos);
  gf_buf_free(&b);
  return rc;
}

/* ------------------------------------------------------------- API */

void gf_parcels_free(gf_parcels *ps) {
  if (!ps) return;
  for (size_t i = 0; i < ps->n; i++)
    for (int k = 0; k < P_N; k++) free(ps->rows[i].s[k]);
  free(ps->rows);
  for (size_t i = 0; i < ps->n_warns; i++) free(ps->warns[i].msg);
  free(ps->warns);
  free(ps);
}

int gf_parcels_begin(const gf_doc *doc, const gf_tables *tabs,
                     gf_parcels **out) {
  *out = NULL;
  const gf_table_cell **cells = NULL;
  gf_parcels *ps = gf_calloc(1, sizeof *ps);
  size_t n = gf_tables_count(tabs);
  int rc = GF_ENOMEM;
  if (!ps || !(cells = gf_malloc((n + 1) * sizeof *cells))) goto done;
  rc = GF_OK;
  for (size_t i = 0; i < n; i++) cells[i] = gf_tables_at(tabs, i);
  for (size_t i = 0; i < n && rc == GF_OK;) {
    size_t j = i;
    while (j < n && cells[j]->table == cells[i]->table) j++;
    rc = table_parcels(ps, tabs, cells + i, j - i,
                       doc->name ? doc->name : "-");
    i = j;
  }
done:
  free(cells);
  if (rc) {
    gf_parcels_free(ps);
    return rc;
  }
  *out = ps;
  return GF_OK;
}

int gf_parcels_extract(const gf_doc *doc, unsigned opts, gf_parcels **out,
                       gf_error *err) {
  (void)opts;
  gf_error_fill(err, GF_OK, 0, 0);
  if (out) *out = NULL;
  if (!doc || !out) return gf_error_fill(err, GF_EINVAL, 0, 0);
  gf_tables *tabs = NULL;
  gf_parcels *ps = NULL;
  gf_para_iter *it = NULL;
  const gf_para *p;
  int rc = gf_tables_extract(doc, 0, &tabs, NULL);
  if (rc || (rc = gf_parcels_begin(doc, tabs, &ps)) ||
      (rc = gf_para_iter_new(doc, &it)))
    goto done;
  while ((rc = gf_para_iter_next(it, &p)) == 1)
    if ((rc = gf_parcels_para(ps, doc, tabs, p))) break;
done:
  gf_para_iter_free(it);
  gf_tables_free(tabs);
  if (rc) {
    gf_parcels_free(ps);
    return gf_error_fill(err, rc, 0, 0);
  }
  *out = ps;
  return GF_OK;
}

size_t gf_parcels_count(const gf_parcels *ps) { return ps ? ps->n : 0; }

const gf_parcel *gf_parcels_at(const gf_parcels *ps, size_t i) {
  return ps && i < ps->n ? &ps->rows[i].pub : NULL;
}

size_t gf_parcels_warning_count(const gf_parcels *ps) {
  return ps ? ps->n_warns : 0;
}

const gf_parcel_warning *gf_parcels_warning_at(const gf_parcels *ps,
                                               size_t i) {
  return ps && i < ps->n_warns ? &ps->warns[i].pub : NULL;
}
