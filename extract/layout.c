/* layout.c - page furniture and paragraphs.  Running headers, footers and
 * page numbers are found from where a line sits (first or last lines, top
 * or bottom band of the page) and from repetition across pages, never from
 * a report's wording.  Paragraphs are rebuilt from the remaining lines,
 * across line and page breaks, keeping for every byte its position in the
 * page text so that records point back to what was extracted. */
#include <stdlib.h>
#include <string.h>

#include "common/scan.h"
#include "extract/extract.h"
#include "normalize/normalize.h"

/* ------------------------------------------------------------ characters */

/* Page text is valid UTF-8 (checked on entry, repaired from Poppler) and
 * mostly ASCII and three-byte Han, so those two forms are read inline
 * here; the others, and any invalid byte, go to the normalizer's checking
 * decoder. */
static int32_t decode_other(const char *s, size_t len, size_t *n) {
  int32_t cp = 0;
  size_t k = gf_utf8_decode(s, len, &cp);
  if (k == 0) { /* page text is validated on entry; be safe anyway */
    k = 1;
    cp = 0xFFFD;
  }
  *n = k;
  return cp;
}

static inline int32_t decode(const char *s, size_t len, size_t *n) {
  const unsigned char *u = (const unsigned char *)s;
  if (u[0] < 0x80) {
    *n = 1;
    return u[0];
  }
  if (len >= 3 && (u[0] & 0xF0) == 0xE0 && (u[1] & 0xC0) == 0x80 &&
      (u[2] & 0xC0) == 0x80) {
    int32_t cp = (u[0] & 0x0F) << 12 | (u[1] & 0x3F) << 6 | (u[2] & 0x3F);
    if (cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) {
      *n = 3;
      return cp;
    }
  }
  return decode_other(s, len, n);
}

static int is_digit(int32_t c) {
  return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19);
}

/* Chinese numerals as they appear in page numbers and heading markers. */
static int is_cn_digit(int32_t c) {
  static const int32_t cn[] = {0x3007, 0x96F6, 0x4E00, 0x4E8C, 0x4E09,
                               0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B,
                               0x4E5D, 0x5341, 0x767E, 0x4E24};
  /* 〇 零 一 二 三 四 五 六 七 八 九 十 百 两 */
  for (size_t i = 0; i < sizeof cn / sizeof cn[0]; i++)
    if (c == cn[i]) return 1;
  return 0;
}

/* Dashes and dots that decorate page numbers: —3— -3- －3－ ·3· */
static int is_deco(int32_t c) {
  return c == '-' || c == '~' || c == '_' || c == '*' ||
         (c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0xFF0D ||
         c == 0x2500 || c == 0x2501 || c == 0x00B7 || c == 0x2022 ||
         c == 0x30FB || c == 0x2027 || c == 0x301C || c == 0xFF5E ||
         c == 0x2E3A || c == 0x2E3B;
}

static int is_roman(int32_t c) {
  return c == 'i' || c == 'v' || c == 'x' || c == 'I' || c == 'V' ||
         c == 'X' || c == 'l' || c == 'L' || c == 'c' || c == 'C';
}

enum { MAX_CPS = 48 };

/* The non-space code points of a line, at most MAX_CPS; returns their
 * count, or MAX_CPS + 1 when the line is longer. */
static size_t line_cps(const char *s, size_t len, int32_t *out) {
  size_t n = 0;
  for (size_t i = 0, k; i < len; i += k) {
    int32_t c = decode(s + i, len - i, &k);
    if (gf_is_space_cp(c)) continue;
    if (n == MAX_CPS) return MAX_CPS + 1;
    out[n++] = c;
  }
  return n;
}

static int is_blank_line(const char *s, size_t len) {
  for (size_t i = 0, k; i < len; i += k)
    if (!gf_is_space_cp(decode(s + i, len - i, &k))) return 0;
  return 1;
}

/* ------------------------------------------------------------ furniture */

/* Reads a run of numerals (Arabic, or Chinese when cn) at c[*i]. */
static size_t num_run(const int32_t *c, size_t n, size_t *i, int cn) {
  size_t start = *i;
  while (*i < n && (is_digit(c[*i]) || (cn && is_cn_digit(c[*i])))) (*i)++;
  return *i - start;
}

static int lower(int32_t c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

/* 第3页, 第3页共20页, 第3页/共20页 (spaces already removed). */
static int is_di_ye(const int32_t *c, size_t a, size_t b) {
  size_t i = a;
  if (i >= b || c[i++] != 0x7B2C) return 0;           /* 第 */
  if (!num_run(c, b, &i, 1) || i >= b || c[i++] != 0x9875) /* 页 */
    return 0;
  if (i == b) return 1;
  if (c[i] == ',' || c[i] == 0xFF0C || c[i] == '/' || c[i] == 0xFF0F ||
      c[i] == 0x3001)
    i++;
  if (i >= b || c[i++] != 0x5171) return 0;           /* 共 */
  if (!num_run(c, b, &i, 1) || i >= b || c[i++] != 0x9875) return 0;
  return i == b;
}

/* Page N, Page N of M */
static int is_page_word(const int32_t *c, size_t a, size_t b) {
  static const char word[] = "page";
  size_t i = a;
  for (size_t k = 0; k < 4; k++)
    if (i >= b || lower(c[i++]) != word[k]) return 0;
  if (!num_run(c, b, &i, 0)) return 0;
  if (i == b) return 1;
  if (i + 2 > b || lower(c[i]) != 'o' || lower(c[i + 1]) != 'f') return 0;
  i += 2;
  return num_run(c, b, &i, 0) && i == b;
}

/* A page number in one of the usual dresses, spaces removed: 3, —3—, -3-,
 * －3－, ·3·, — 三 —, 第3页, 第3页共20页, 3/20, Page 3. */
static int is_page_number(const int32_t *c, size_t n) {
  size_t a = 0, b = n;
  while (a < b && is_deco(c[a])) a++;
  while (b > a && is_deco(c[b - 1])) b--;
  if (a == b) return n > 0; /* the dash Poppler split off "— 1 —" */
  int dressed = a > 0 && b < n;
  size_t i = a, d = num_run(c, b, &i, 0);
  if (i == b) return d <= 4;
  if (d && d <= 4 && (c[i] == '/' || c[i] == 0xFF0F)) {
    i++;
    size_t m = num_run(c, b, &i, 0);
    if (m && m <= 4 && i == b) return 1;
  }
  if (dressed) {
    i = a;
    size_t k = num_run(c, b, &i, 1);
    if (i == b && k <= 4) return 1;
    for (i = a; i < b && is_roman(c[i]); i++) {}
    if (i == b && b - a <= 6) return 1;
  }
  return is_di_ye(c, a, b) || is_page_word(c, a, b);
}

/* A line may repeat as a header only when what is left without digits
 * says something (three Han characters or letters: not a stray "亿元")
 * and its numbers are small: a year, a page number.  Table rows
 * (合计 189,767,551) are data. */
static int repeat_key_ok(const int32_t *c, size_t n) {
  size_t n_word = 0;
  for (size_t i = 0; i < n;) {
    if (is_digit(c[i])) {
      size_t digits = 0;
      while (i < n) {
        if (is_digit(c[i])) {
          digits++;
          i++;
        } else if ((c[i] == '.' || c[i] == ',') && i + 1 < n &&
                   is_digit(c[i + 1])) {
          return 0;
        } else {
          break;
        }
      }
      if (digits > 4) return 0;
      continue;
    }
    if (gf_is_han(c[i]) || (lower(c[i]) >= 'a' && lower(c[i]) <= 'z'))
      n_word++;
    i++;
  }
  return n_word >= 3;
}

typedef struct cand {
  const char *key;      /* repetition key, once the key arena is complete */
  size_t key_off, key_len;
  size_t line;
  uint32_t page;
} cand;

/* A line's repetition key: its code points without spaces and digits, as
 * UTF-8 (a stray byte as U+FFFD), appended to keys.  Keys are built once
 * and compared bytewise, UTF-8 sorting like code points: decoding inside
 * the sort's comparator was the hot spot.  A character that decodes is
 * its own UTF-8, so runs of them are copied as they are. */
static void put_key(gf_buf *keys, const char *s, size_t len) {
  size_t run = 0; /* start of the bytes not yet copied */
  for (size_t i = 0, k; i < len; i += k) {
    int32_t c = decode(s + i, len - i, &k);
    int stray = c == 0xFFFD && k == 1;
    if (!stray && !gf_is_space_cp(c) && !is_digit(c)) continue;
    gf_buf_put(keys, s + run, i - run);
    if (stray) gf_buf_put(keys, "\xEF\xBF\xBD", 3);
    run = i + k;
  }
  gf_buf_put(keys, s + run, len - run);
}

static int same_key(const cand *a, const cand *b) {
  return a->key_len == b->key_len && !memcmp(a->key, b->key, a->key_len);
}

static int cmp_key(const void *pa, const void *pb) {
  const cand *a = pa, *b = pb;
  size_t n = a->key_len < b->key_len ? a->key_len : b->key_len;
  int d = memcmp(a->key, b->key, n);
  if (d) return d;
  if (a->key_len != b->key_len) return a->key_len < b->key_len ? -1 : 1;
  return (a->page > b->page) - (a->page < b->page);
}

/* Inside the top or bottom 12% of the page, when geometry is known. */
static int in_band(const struct gf_doc *doc, const gf_line *l) {
  float h = doc->pages[l->page].height;
  if (!doc->has_geom || h <= 0 || l->x1 <= l->x0) return 1;
  float y = (l->y0 + l->y1) / 2;
  return y < 0.12f * h || y > 0.88f * h;
}

/* The first two and last two non-empty lines of lines[s..e) in text
 * order, none twice; fewer than two when the page has fewer.  Only the
 * ends of the page are read. */
static size_t pick_by_order(const struct gf_doc *doc, size_t s, size_t e,
                            size_t pick[4]) {
  const char *text = doc->pages[doc->lines[s].page].text;
  size_t n_pick = 0, k;
  for (k = s; k < e && n_pick < 2; k++) {
    const gf_line *l = &doc->lines[k];
    if (!is_blank_line(text + l->off, l->len)) pick[n_pick++] = k;
  }
  size_t head = n_pick;
  for (size_t j = e; j > k && n_pick < head + 2; j--) { /* after those */
    const gf_line *l = &doc->lines[j - 1];
    if (!is_blank_line(text + l->off, l->len)) pick[n_pick++] = j - 1;
  }
  return n_pick;
}

static float ysum(const struct gf_doc *doc, size_t k) {
  return doc->lines[k].y0 + doc->lines[k].y1;
}

/* Inserts line k into best[0..m), which keeps the two highest lines (top)
 * or the two lowest ones. */
static void keep2(const struct gf_doc *doc, size_t best[2], size_t m,
                  size_t k, int top) {
  float y = ysum(doc, k);
  size_t i = m;
  while (i > 0 && (top ? ysum(doc, best[i - 1]) > y
                       : ysum(doc, best[i - 1]) <= y)) {
    if (i < 2) best[i] = best[i - 1];
    i--;
  }
  if (i < 2) best[i] = k;
}

/* With geometry the text order is not always the visual one (Poppler puts
 * a table's last column after the footer), so the two highest and the two
 * lowest lines on the page are the candidates, none twice. */
static size_t pick_by_y(const struct gf_doc *doc, size_t s, size_t e,
                        size_t pick[4]) {
  const char *text = doc->pages[doc->lines[s].page].text;
  size_t top[2], bot[2], n = 0;
  for (size_t k = s; k < e; k++) {
    const gf_line *l = &doc->lines[k];
    if (l->x1 <= l->x0 || is_blank_line(text + l->off, l->len)) continue;
    size_t m = n < 2 ? n : 2;
    keep2(doc, top, m, k, 1);
    keep2(doc, bot, m, k, 0);
    n++;
  }
  size_t n_pick = 0;
  for (size_t i = 0; i < n && i < 2; i++) pick[n_pick++] = top[i];
  for (size_t i = 0; i < n && i < 2; i++)
    if (n - i > 2) pick[n_pick++] = bot[i]; /* not already a top line */
  return n_pick;
}

/* Private mark: the line repeats on many pages (cleared before return). */
#define REPEATS 0x100u

/* Repetition alone never empties a page: a short page whose every line
 * recurs elsewhere (a form, a table page) keeps its text. */
static void keep_some_body(struct gf_doc *doc) {
  for (size_t s = 0, e; s < doc->n_lines; s = e) {
    uint32_t page = doc->lines[s].page;
    const char *text = doc->pages[page].text;
    int body = 0;
    for (e = s; e < doc->n_lines && doc->lines[e].page == page; e++) {
      const gf_line *l = &doc->lines[e];
      if (!body && !(l->flags & (GF_LINE_FURNITURE | REPEATS)) &&
          !is_blank_line(text + l->off, l->len))
        body = 1;
    }
    for (size_t k = s; k < e; k++) {
      gf_line *l = &doc->lines[k];
      if ((l->flags & REPEATS) && body) l->flags |= GF_LINE_FURNITURE;
      l->flags &= ~REPEATS;
    }
  }
}

int gf_layout_mark_furniture(struct gf_doc *doc) {
  for (size_t i = 0; i < doc->n_lines; i++)
    doc->lines[i].flags &= ~(unsigned)GF_LINE_FURNITURE;
  cand *cs = gf_malloc((4 * doc->n_pages + 1) * sizeof *cs);
  if (!cs) return GF_ENOMEM;
  size_t n_cs = 0;
  gf_buf keys = {0};
  int32_t cps[MAX_CPS + 1];
  for (size_t s = 0, e; s < doc->n_lines; s = e) {
    uint32_t page = doc->lines[s].page;
    for (e = s; e < doc->n_lines && doc->lines[e].page == page; e++) {}
    const char *text = doc->pages[page].text;
    size_t pick[4], n_pick = 0;
    if (doc->has_geom)
      n_pick = pick_by_y(doc, s, e, pick);
    else
      n_pick = pick_by_order(doc, s, e, pick);
    if (n_pick <= 1) continue; /* the only text of a page is its body */
    for (size_t p = 0; p < n_pick; p++) {
      gf_line *l = &doc->lines[pick[p]];
      if (!in_band(doc, l)) continue;
      size_t n = line_cps(text + l->off, l->len, cps);
      if (n > MAX_CPS) continue;
      if (is_page_number(cps, n))
        l->flags |= GF_LINE_FURNITURE;
      else if (doc->n_pages >= 3 && repeat_key_ok(cps, n)) {
        cand *c = &cs[n_cs++];
        c->key_off = keys.len;
        put_key(&keys, text + l->off, l->len);
        c->key_len = keys.len - c->key_off;
        c->line = pick[p];
        c->page = page;
      }
    }
  }
  if (keys.oom) {
    gf_buf_free(&keys);
    gf_free(cs);
    return GF_ENOMEM;
  }
  for (size_t i = 0; i < n_cs; i++) cs[i].key = keys.p + cs[i].key_off;
  qsort(cs, n_cs, sizeof *cs, cmp_key);
  for (size_t g = 0, h; g < n_cs; g = h) {
    size_t n_pages = 1;
    for (h = g + 1; h < n_cs && same_key(&cs[h - 1], &cs[h]); h++)
      if (cs[h].page != cs[h - 1].page) n_pages++;
    if (n_pages >= 2 && 3 * n_pages >= doc->n_pages)
      for (size_t k = g; k < h; k++) doc->lines[cs[k].line].flags |= REPEATS;
  }
  gf_buf_free(&keys);
  gf_free(cs);
  keep_some_body(doc);
  return GF_OK;
}

/* ------------------------------------------------------------ paragraphs */

/* The characters a heading marker can start with: numerals, brackets, 第. */
static int opens_heading(int32_t c) {
  return is_digit(c) || is_cn_digit(c) || c == '(' || c == 0xFF08 ||
         c == 0x7B2C;
}

/* 一、 十一、 （一） (一) 1. 1、 1． (1) （1） 第一章 第一节 第一条 第一部分 */
static int has_heading_marker(const char *s, size_t len) {
  int32_t c[8];
  size_t n = 0;
  for (size_t i = 0, k; i < len && n < 8; i += k) {
    int32_t cp = decode(s + i, len - i, &k);
    if (n == 0 && gf_is_space_cp(cp)) continue;
    if (n == 0 && !opens_heading(cp)) return 0;
    c[n++] = cp;
  }
  size_t i = 0;
  if (n == 0) return 0;
  if (is_cn_digit(c[0])) {
    while (i < n && is_cn_digit(c[i])) i++;
    return i <= 4 && i < n && c[i] == 0x3001; /* 、 */
  }
  if (c[0] == '(' || c[0] == 0xFF08) {
    i = 1;
    size_t k = num_run(c, n, &i, 1);
    return k && k <= 3 && i < n && (c[i] == ')' || c[i] == 0xFF09);
  }
  if (is_digit(c[0])) {
    size_t k = num_run(c, n, &i, 0);
    if (k > 3 || i >= n) return 0;
    if (c[i] == 0x3001) return 1;
    if (c[i] != '.' && c[i] != 0xFF0E) return 0;
    return i + 1 >= n || !is_digit(c[i + 1]); /* not 1.2万亿 */
  }
  if (c[0] == 0x7B2C) { /* 第 */
    i = 1;
    size_t k = num_run(c, n, &i, 1);
    if (!k || k > 4 || i >= n) return 0;
    return c[i] == 0x7AE0 || c[i] == 0x8282 || c[i] == 0x6761 || /* 章节条 */
           (c[i] == 0x90E8 && i + 1 < n && c[i + 1] == 0x5206);  /* 部分 */
  }
  return 0;
}

static int is_stop(int32_t c) {
  return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF1A ||
         c == 0xFF1B || c == '!' || c == '?' || c == ':' || c == ';';
  /* 。！？：； */
}

static int is_close_quote(int32_t c) {
  return c == 0x201D || c == 0x2019 || c == 0x300D || c == 0x300F ||
         c == '"' || c == '\'' || c == 0xFF09 || c == ')' || c == 0x300B;
  /* ” ’ 」 』 ） 》 */
}

/* Ends a sentence: 。！？：； or a closing quote right after one. */
static int ends_sentence_fwd(const char *s, size_t len) {
  int32_t last = -1, before = -1;
  for (size_t i = 0, k; i < len; i += k) {
    int32_t c = decode(s + i, len - i, &k);
    if (gf_is_space_cp(c)) continue;
    before = last;
    last = c;
  }
  return is_stop(last) || (is_close_quote(last) && is_stop(before));
}

/* The same, reading the last two characters from the end of the line.  A
 * character whose bytes do not decode to exactly that span (invalid
 * UTF-8) sends the line to the forward reader, which is the definition. */
static int ends_sentence(const char *s, size_t len) {
  int32_t c[2] = {-1, -1};
  size_t n = 0, e = len;
  while (e > 0 && n < 2) {
    size_t b = e - 1, k;
    while (b > 0 && e - b < 4 && ((unsigned char)s[b] & 0xC0) == 0x80) b--;
    int32_t cp = decode(s + b, e - b, &k);
    if (k != e - b) return ends_sentence_fwd(s, len);
    if (!gf_is_space_cp(cp)) c[n++] = cp;
    e = b;
  }
  return is_stop(c[0]) || (is_close_quote(c[0]) && is_stop(c[1]));
}

/* Display width in columns of whole characters: one from U+1100 on (Han,
 * full-width forms) is 2, others 1.  Read from the lead bytes, as text
 * input is valid UTF-8: U+1100 is E1 84 80. */
static size_t columns(const char *s, size_t len) {
  const unsigned char *u = (const unsigned char *)s;
  size_t n = 0;
  for (size_t i = 0; i < len; i++) {
    n += (u[i] & 0xC0) != 0x80;
    n += u[i] >= 0xE2 || (u[i] == 0xE1 && u[i + 1] >= 0x84);
  }
  return n;
}

/* Columns where the line's text starts and ends, spaces left out. */
static void text_columns(const char *s, size_t len, float *x0, float *x1) {
  size_t a = 0, b = len, k;
  while (a < len && gf_is_space_cp(decode(s + a, len - a, &k))) a += k;
  if (a == len) {
    *x0 = *x1 = 0;
    return;
  }
  for (;;) { /* a non-space character lies in a..b: drop trailing spaces */
    size_t c = b - 1;
    while (c > a && ((unsigned char)s[c] & 0xC0) == 0x80) c--;
    if (!gf_is_space_cp(decode(s + c, b - c, &k))) break;
    b = c;
  }
  size_t lead = columns(s, a);
  *x0 = (float)lead;
  *x1 = (float)(lead + columns(s + a, b - a));
}

static int cmp_float(const void *a, const void *b) {
  float x = *(const float *)a, y = *(const float *)b;
  return (x > y) - (x < y);
}

/* The p-th percentile: the value sorting would put at that index, found by
 * selection (three-way partitions, as margins repeat) in linear time; a
 * sort finishes the rare input that defeats the median of three. */
static float pct(float *v, size_t n, int p) {
  if (n == 0) return 0;
  size_t want = (size_t)((double)(n - 1) * p / 100.0 + 0.5);
  size_t lo = 0, hi = n; /* v[lo..hi) holds the wanted rank */
  for (int round = 0; hi - lo > 1; round++) {
    if (round == 64) {
      qsort(v + lo, hi - lo, sizeof *v, cmp_float);
      return v[want];
    }
    float a = v[lo], b = v[lo + (hi - lo) / 2], c = v[hi - 1];
    float piv = a < b ? (b < c ? b : a < c ? c : a)
                      : (a < c ? a : b < c ? c : b); /* median of three */
    size_t lt = lo, i = lo, gt = hi;
    while (i < gt) {
      float x = v[i];
      if (x < piv) {
        v[i++] = v[lt];
        v[lt++] = x;
      } else if (x > piv) {
        v[i] = v[--gt];
        v[gt] = x;
      } else {
        i++;
      }
    }
    if (want < lt) hi = lt;
    else if (want >= gt) lo = gt;
    else return piv;
  }
  return v[lo];
}

/* Margins of the body text: left edge, right edge and glyph width. */
typedef struct margins {
  float left, right, ch;
} margins;

typedef struct lgeo {
  float x0, x1, ch;
  int ok;               /* geometry usable */
} lgeo;

static int is_body(const struct gf_doc *doc, const gf_line *l) {
  return !(l->flags & GF_LINE_FURNITURE) &&
         !is_blank_line(doc->pages[l->page].text + l->off, l->len);
}

static margins stats(const lgeo *g, const size_t *idx, size_t n, float *tmp) {
  margins m;
  size_t k = 0;
  for (size_t i = 0; i < n; i++)
    if (g[idx[i]].ok) tmp[k++] = g[idx[i]].x0;
  m.left = pct(tmp, k, 10);
  k = 0;
  for (size_t i = 0; i < n; i++)
    if (g[idx[i]].ok) tmp[k++] = g[idx[i]].x1;
  m.right = pct(tmp, k, 90);
  k = 0;
  for (size_t i = 0; i < n; i++)
    if (g[idx[i]].ok && g[idx[i]].ch > 0) tmp[k++] = g[idx[i]].ch;
  m.ch = pct(tmp, k, 50);
  return m;
}

enum { MIN_PAGE_LINES = 5 };

/* The layout facts each break rule needs, for one walk over the lines. */
typedef struct walk {
  const struct gf_doc *doc;
  lgeo *g;              /* per line */
  margins *pm;          /* per page */
  float short_cols;     /* text input: a line narrower than this is short */
} walk;

static float ch_of(const walk *w, size_t i) {
  const gf_line *l = &w->doc->lines[i];
  float ch = w->g[i].ch > 0 ? w->g[i].ch : w->pm[l->page].ch;
  return ch > 0 ? ch : 10.0f;
}

static int is_short(const walk *w, size_t i) {
  const lgeo *g = &w->g[i];
  if (!g->ok) return 0;
  if (!w->doc->has_geom) return g->x1 < w->short_cols;
  const margins *m = &w->pm[w->doc->lines[i].page];
  return m->right - g->x1 > 2 * ch_of(w, i);
}

static int is_indented(const walk *w, size_t i) {
  const lgeo *g = &w->g[i];
  if (!g->ok) return 0;
  const margins *m = &w->pm[w->doc->lines[i].page];
  return g->x0 - m->left > 1.5f * ch_of(w, i);
}

/* A title set in several centred lines stays one paragraph. */
static int is_centred(const walk *w, size_t i) {
  const lgeo *g = &w->g[i];
  if (!w->doc->has_geom || !g->ok) return 0;
  const margins *m = &w->pm[w->doc->lines[i].page];
  float ch = ch_of(w, i), in = g->x0 - m->left, out = m->right - g->x1;
  float skew = in > out ? in - out : out - in;
  return in > 1.5f * ch && out > 1.5f * ch && skew < 2 * ch;
}

/* cur sits right below prev on the same page: no gap of a line or more. */
static int adjacent(const walk *w, size_t prev, size_t cur) {
  const gf_line *p = &w->doc->lines[prev], *c = &w->doc->lines[cur];
  if (!w->doc->has_geom || !w->g[prev].ok || !w->g[cur].ok ||
      p->page != c->page)
    return 0;
  return c->y0 > p->y0 && c->y0 - p->y1 < p->y1 - p->y0;
}

/* Both lines start at the same x and the second is no wider: the next line
 * of a table cell, whatever the page margin.  (A heading indented like a
 * paragraph's first line is followed by a wider line.) */
static int aligned(const walk *w, size_t prev, size_t cur) {
  float ch = ch_of(w, cur), d = w->g[cur].x0 - w->g[prev].x0;
  return adjacent(w, prev, cur) && d < 0.5f * ch && d > -0.5f * ch &&
         w->g[cur].x1 <= w->g[prev].x1 + ch;
}

/* cur continues prev's visual line to the right: the spaced heading
 * "一、综    合" comes out as two lines. */
static int same_row(const walk *w, size_t prev, size_t cur) {
  const gf_line *p = &w->doc->lines[prev], *c = &w->doc->lines[cur];
  if (!w->doc->has_geom || !w->g[prev].ok || !w->g[cur].ok ||
      p->page != c->page)
    return 0;
  float dy = c->y0 - p->y0;
  return dy < 0.3f * ch_of(w, cur) && dy > -0.3f * ch_of(w, cur) &&
         c->x0 >= p->x1;
}

/* A title in larger type than the page body, over several lines. */
static int same_large_type(const walk *w, size_t prev, size_t cur) {
  float a = w->g[prev].ch, b = w->g[cur].ch;
  float body = w->pm[w->doc->lines[cur].page].ch;
  float d = a > b ? a - b : b - a;
  return adjacent(w, prev, cur) && body > 0 && d < 0.1f * b &&
         b > 1.15f * body;
}

static int starts_para(const walk *w, size_t prev, size_t i) {
  const struct gf_doc *doc = w->doc;
  const gf_line *l = &doc->lines[i], *p = &doc->lines[prev];
  const char *pt = doc->pages[p->page].text + p->off;
  if (has_heading_marker(doc->pages[l->page].text + l->off, l->len)) return 1;
  int stop = ends_sentence(pt, p->len);
  if (same_row(w, prev, i) || aligned(w, prev, i)) return 0;
  if (stop && is_short(w, prev)) return 1;
  /* a short heading line stands alone: "一、总体要求" then its text */
  if (is_short(w, prev) && has_heading_marker(pt, p->len)) return 1;
  if (!stop && (same_large_type(w, prev, i) ||
                (adjacent(w, prev, i) && is_centred(w, prev) &&
                 is_centred(w, i))))
    return 0;
  return is_indented(w, i);
}

void gf_paras_free(gf_para *p, size_t n) {
  if (!p) return;
  for (size_t i = 0; i < n; i++) {
    gf_free(p[i].text);
    gf_free(p[i].pos);
  }
  gf_free(p);
}

struct gf_para_iter {
  const struct gf_doc *doc;
  size_t *body;           /* indices of the body lines */
  unsigned char *brk;     /* per body line: a paragraph starts there */
  size_t n_body;
  size_t next;            /* body line the next paragraph starts at */
  gf_para para;           /* the current paragraph; buffers are reused */
  size_t cap;             /* bytes allocated in para.text (pos: as many) */
};

/* Builds the paragraph of lines sel[0..n) into it->para, growing its
 * buffers when needed. */
static int build(gf_para_iter *it, const size_t *sel, size_t n) {
  const struct gf_doc *doc = it->doc;
  gf_para *out = &it->para;
  size_t len = n - 1;
  for (size_t k = 0; k < n; k++) len += doc->lines[sel[k]].len;
  if (len + 1 > it->cap) {
    size_t cap = it->cap ? it->cap : 256;
    while (cap < len + 1) cap *= 2;
    char *text = gf_malloc(cap);
    uint64_t *pos = gf_malloc(cap * sizeof *pos);
    if (!text || !pos) {
      gf_free(text);
      gf_free(pos);
      return GF_ENOMEM;
    }
    gf_free(out->text);
    gf_free(out->pos);
    out->text = text;
    out->pos = pos;
    it->cap = cap;
  }
  size_t o = 0;
  for (size_t k = 0; k < n; k++) {
    const gf_line *l = &doc->lines[sel[k]];
    if (k) {
      const gf_line *p = &doc->lines[sel[k - 1]];
      out->pos[o] = GF_POS(p->page, p->off + p->len);
      out->text[o++] = '\n';
    }
    size_t n_b = l->len; /* a local: pos[] might alias l for the compiler */
    memcpy(out->text + o, doc->pages[l->page].text + l->off, n_b);
    uint64_t *pos = out->pos + o, at = GF_POS(l->page, l->off);
    for (size_t b = 0; b < n_b; b++) pos[b] = at + b;
    o += n_b;
  }
  const gf_line *last = &doc->lines[sel[n - 1]];
  out->pos[o] = GF_POS(last->page, last->off + last->len);
  out->text[o] = '\0';
  out->len = len;
  const gf_line *first = &doc->lines[sel[0]];
  out->is_heading =
      has_heading_marker(doc->pages[first->page].text + first->off,
                         first->len);
  return GF_OK;
}

/* Per-line geometry (points, or columns for text input) and per-page
 * margins; pages with few body lines borrow the whole document's. */
static void measure(walk *w, const size_t *body, size_t n_body, float *tmp) {
  const struct gf_doc *doc = w->doc;
  for (size_t i = 0; i < doc->n_lines; i++) {
    const gf_line *l = &doc->lines[i];
    lgeo *g = &w->g[i];
    if (doc->has_geom) {
      g->x0 = l->x0;
      g->x1 = l->x1;
      g->ch = l->ch;
      g->ok = l->x1 > l->x0;
    } else {
      text_columns(doc->pages[l->page].text + l->off, l->len, &g->x0, &g->x1);
      g->ch = 2;
      g->ok = 1;
    }
  }
  margins all = stats(w->g, body, n_body, tmp);
  size_t k = 0;
  for (size_t i = 0; i < n_body; i++) tmp[k++] = w->g[body[i]].x1;
  w->short_cols = 0.85f * pct(tmp, k, 50);
  for (size_t s = 0, e; s < n_body; s = e) {
    uint32_t page = doc->lines[body[s]].page;
    size_t n_geo = 0;
    for (e = s; e < n_body && doc->lines[body[e]].page == page; e++)
      n_geo += w->g[body[e]].ok;
    w->pm[page] = all;
    if (doc->has_geom && n_geo >= MIN_PAGE_LINES) {
      margins m = stats(w->g, body + s, e - s, tmp);
      w->pm[page] = m;
      if (m.ch <= 0) w->pm[page].ch = all.ch;
    }
  }
  for (size_t p = 0; p < doc->n_pages; p++)
    if (!doc->has_geom) w->pm[p] = all;
}

void gf_para_iter_free(gf_para_iter *it) {
  if (!it) return;
  gf_free(it->para.text);
  gf_free(it->para.pos);
  gf_free(it->brk);
  gf_free(it->body);
  gf_free(it);
}

int gf_para_iter_new(const struct gf_doc *doc, gf_para_iter **out) {
  if (out) *out = NULL;
  if (!doc || !out) return GF_EINVAL;
  int rc = GF_ENOMEM;
  walk w = {doc, NULL, NULL, 0};
  gf_para_iter *it = gf_calloc(1, sizeof *it);
  float *tmp = gf_malloc((doc->n_lines + 1) * sizeof *tmp);
  w.g = gf_calloc(doc->n_lines + 1, sizeof *w.g);
  w.pm = gf_calloc(doc->n_pages + 1, sizeof *w.pm);
  if (!it || !tmp || !w.g || !w.pm) goto done;
  it->doc = doc;
  it->body = gf_malloc((doc->n_lines + 1) * sizeof *it->body);
  it->brk = gf_malloc(doc->n_lines + 1);
  if (!it->body || !it->brk) goto done;
  const size_t *body = it->body;
  size_t n_body = 0;
  for (size_t i = 0; i < doc->n_lines; i++)
    if (is_body(doc, &doc->lines[i])) it->body[n_body++] = i;
  it->n_body = n_body;
  measure(&w, body, n_body, tmp);
  /* Mark where paragraphs start.  A blank line breaks only between two
   * body lines of one page: pdftotext leaves blank lines around a footer,
   * and the sentence goes on over the page. */
  size_t k = 0;
  int blank = 0;
  for (size_t i = 0; i < doc->n_lines; i++) {
    const gf_line *l = &doc->lines[i];
    if (l->flags & GF_LINE_FURNITURE) continue;
    if (k < n_body && body[k] == i) {
      it->brk[k] = k == 0 ||
                   (blank && doc->lines[body[k - 1]].page == l->page) ||
                   starts_para(&w, body[k - 1], i);
      blank = 0;
      k++;
    } else if (k > 0 && doc->lines[body[k - 1]].page == l->page) {
      blank = 1;
    }
  }
  *out = it;
  it = NULL;
  rc = GF_OK;
done:
  gf_para_iter_free(it);
  gf_free(w.pm);
  gf_free(w.g);
  gf_free(tmp);
  return rc;
}

int gf_para_iter_next(gf_para_iter *it, const gf_para **para) {
  if (para) *para = NULL;
  if (!it || !para) return GF_EINVAL;
  size_t s = it->next, e;
  if (s >= it->n_body) return 0;
  for (e = s + 1; e < it->n_body && !it->brk[e]; e++) {}
  int rc = build(it, it->body + s, e - s);
  if (rc) return rc;
  it->next = e;
  *para = &it->para;
  return 1;
}

void gf_para_iter_rewind(gf_para_iter *it) {
  if (it) it->next = 0;
}

int gf_layout_paragraphs(const struct gf_doc *doc, gf_para **out,
                         size_t *n) {
  if (out) *out = NULL;
  if (n) *n = 0;
  if (!doc || !out || !n) return GF_EINVAL;
  gf_para_iter *it = NULL;
  gf_para *paras = NULL;
  size_t n_paras = 0, cap = 0;
  const gf_para *p;
  int rc = gf_para_iter_new(doc, &it);
  while (rc == GF_OK && (rc = gf_para_iter_next(it, &p)) == 1) {
    rc = GF_ENOMEM;
    if (n_paras == cap) {
      size_t c = cap ? 2 * cap : 16;
      gf_para *v = gf_realloc(paras, c * sizeof *v);
      if (!v) break;
      paras = v;
      cap = c;
    }
    gf_para *q = &paras[n_paras];
    q->text = gf_malloc(p->len + 1);
    q->pos = gf_malloc((p->len + 1) * sizeof *q->pos);
    q->len = p->len;
    q->is_heading = p->is_heading;
    n_paras++;
    if (!q->text || !q->pos) break;
    memcpy(q->text, p->text, p->len + 1);
    memcpy(q->pos, p->pos, (p->len + 1) * sizeof *q->pos);
    rc = GF_OK;
  }
  gf_para_iter_free(it);
  if (rc == GF_OK && !paras && !(paras = gf_calloc(1, sizeof *paras)))
    rc = GF_ENOMEM;
  if (rc) {
    gf_paras_free(paras, n_paras);
    return rc;
  }
  *out = paras;
  *n = n_paras;
  return GF_OK;
}
