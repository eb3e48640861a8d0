/* text.c - canonical text with provenance: per-character NFKC through
 * utf8proc (full-width digits, letters and ％ ＋ － ． ／ to ASCII, Kangxi
 * radicals to ideographs), CJK Radicals Supplement look-alikes to the
 * ideographs they stand for, whitespace dropped or folded, and for every
 * output byte the source byte offset it came from, so that figure rows'
 * start/end always point into the page text as extracted (STYLE.md §1). */
#include <stdint.h>
#include <string.h>

#include <utf8proc.h>

#include "normalize/normalize.h"

/* Longest NFKC expansion of one code point is 18 (U+FDFA); keep headroom. */
#define NFKC_MAX 32

typedef struct state {
  gf_buf b;
  gf_offs m;
  int want_map;
  int pend;          /* a whitespace run is waiting to be dropped or folded */
  size_t pend_at;    /* source offset of the run's first character */
  int last_alnum;    /* last output byte is an ASCII letter or digit */
} state;

size_t gf_utf8_decode(const char *s, size_t len, int32_t *cp) {
  const unsigned char *u = (const unsigned char *)s;
  if (!s || len == 0) return 0;
  unsigned c = u[0];
  if (c < 0x80) {
    if (cp) *cp = (int32_t)c;
    return 1;
  }
  /* Lead byte: length, payload bits, smallest value that needs them.
   * Three bytes first: that is every Han character. */
  size_t n;
  uint32_t v, min;
  if ((c & 0xF0) == 0xE0) {
    n = 3;
    v = c & 0x0F;
    min = 0x800;
  } else if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
    v = c & 0x1F;
    min = 0x80;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    v = c & 0x07;
    min = 0x10000;
  } else {
    return 0;
  }
  if (len < n) return 0;
  for (size_t i = 1; i < n; i++) {
    if ((u[i] & 0xC0) != 0x80) return 0;
    v = v << 6 | (u[i] & 0x3F);
  }
  /* Overlong forms, surrogates and values past U+10FFFF are not UTF-8. */
  if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0;
  if (cp) *cp = (int32_t)v;
  return n;
}

int gf_is_han(int32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF)      /* URO */
         || (cp >= 0x3400 && cp <= 0x4DBF)   /* ext A */
         || (cp >= 0x20000 && cp <= 0x2EBEF) /* ext B-F, I */
         || (cp >= 0x30000 && cp <= 0x323AF) /* ext G, H */
         || (cp >= 0xF900 && cp <= 0xFAFF)   /* compatibility */
         || (cp >= 0x2F800 && cp <= 0x2FA1F) /* compatibility suppl. */
         || cp == 0x3007;                    /* 〇, read as a digit */
}

int gf_is_han_at(const char *t, size_t len, size_t at) {
  int32_t cp;
  return at < len && gf_utf8_decode(t + at, len - at, &cp) && gf_is_han(cp);
}

size_t gf_han_count(const char *t, size_t a, size_t b) {
  size_t n = 0;
  for (size_t i = a; i < b;) {
    int32_t cp;
    size_t w = gf_utf8_decode(t + i, b - i, &cp);
    if (w && gf_is_han(cp)) n++;
    unsigned char c = (unsigned char)t[i];
    i += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  }
  return n;
}

/* CJK punctuation that sentence and heading patterns split on: NFKC would
 * make it ASCII, so it is kept full-width.  ～ is kept too: ranges
 * (3～5年) are written with it and ASCII ~ is not used in the reports. */
static int is_kept(int32_t cp) {
  switch (cp) {
  case 0xFF01: /* ！ */
  case 0xFF08: /* （ */
  case 0xFF09: /* ） */
  case 0xFF0C: /* ， */
  case 0xFF1A: /* ： */
  case 0xFF1B: /* ； */
  case 0xFF1F: /* ？ */
  case 0xFF5E: /* ～ */
    return 1;
  default:
    return 0;
  }
}

/* CJK Radicals Supplement (U+2E80..U+2EF3): NFKC maps only ⺟ and ⻳, yet
 * PDFs with broken font maps emit ⻓ for 长, ⻔ for 门 and so on.  Mapped
 * are the radicals named C-/J-SIMPLIFIED X that are whole characters and the
 * radicals whose glyph is a whole common character; component-only forms
 * (⻈ 讠, ⻐ 钅, ⻌ 辶, ⺾ 艹, ...) stay, as they never stand for a word. */
static const struct {
  uint16_t radical;
  uint16_t han;
} supplement[] = {
    {0x2E9F, 0x6BCD}, /* ⺟ MOTHER -> 母 */
    {0x2EA0, 0x6C11}, /* ⺠ CIVILIAN -> 民 */
    {0x2EA9, 0x738B}, /* ⺩ JADE -> 王 */
    {0x2EC1, 0x864E}, /* ⻁ TIGER -> 虎 */
    {0x2EC4, 0x897F}, /* ⻄ WEST TWO -> 西 */
    {0x2EC5, 0x89C1}, /* ⻅ C-SIMPLIFIED SEE -> 见 */
    {0x2EC6, 0x89D2}, /* ⻆ SIMPLIFIED HORN -> 角 */
    {0x2EC7, 0x89D2}, /* ⻇ HORN -> 角 */
    {0x2EC9, 0x8D1D}, /* ⻉ C-SIMPLIFIED SHELL -> 贝 */
    {0x2ECB, 0x8F66}, /* ⻋ C-SIMPLIFIED CART -> 车 */
    {0x2ED1, 0x9577}, /* ⻑ LONG ONE -> 長 */
    {0x2ED3, 0x957F}, /* ⻓ C-SIMPLIFIED LONG -> 长 */
    {0x2ED4, 0x95E8}, /* ⻔ C-SIMPLIFIED GATE -> 门 */
    {0x2ED8, 0x9752}, /* ⻘ BLUE -> 青 */
    {0x2ED9, 0x97E6}, /* ⻙ C-SIMPLIFIED TANNED LEATHER -> 韦 */
    {0x2EDA, 0x9875}, /* ⻚ C-SIMPLIFIED LEAF -> 页 */
    {0x2EDB, 0x98CE}, /* ⻛ C-SIMPLIFIED WIND -> 风 */
    {0x2EDC, 0x98DE}, /* ⻜ C-SIMPLIFIED FLY -> 飞 */
    {0x2EDD, 0x98DF}, /* ⻝ EAT ONE -> 食 */
    {0x2EE1, 0x9996}, /* ⻡ HEAD -> 首 */
    {0x2EE2, 0x9A6C}, /* ⻢ C-SIMPLIFIED HORSE -> 马 */
    {0x2EE3, 0x9AA8}, /* ⻣ BONE -> 骨 */
    {0x2EE4, 0x9B3C}, /* ⻤ GHOST -> 鬼 */
    {0x2EE5, 0x9C7C}, /* ⻥ C-SIMPLIFIED FISH -> 鱼 */
    {0x2EE6, 0x9E1F}, /* ⻦ C-SIMPLIFIED BIRD -> 鸟 */
    {0x2EE7, 0x5364}, /* ⻧ C-SIMPLIFIED SALT -> 卤 */
    {0x2EE8, 0x9EA6}, /* ⻨ SIMPLIFIED WHEAT -> 麦 */
    {0x2EE9, 0x9EC4}, /* ⻩ SIMPLIFIED YELLOW -> 黄 */
    {0x2EEA, 0x9EFE}, /* ⻪ C-SIMPLIFIED FROG -> 黾 */
    {0x2EEB, 0x6589}, /* ⻫ J-SIMPLIFIED EVEN -> 斉 */
    {0x2EEC, 0x9F50}, /* ⻬ C-SIMPLIFIED EVEN -> 齐 */
    {0x2EED, 0x6B6F}, /* ⻭ J-SIMPLIFIED TOOTH -> 歯 */
    {0x2EEE, 0x9F7F}, /* ⻮ C-SIMPLIFIED TOOTH -> 齿 */
    {0x2EEF, 0x7ADC}, /* ⻯ J-SIMPLIFIED DRAGON -> 竜 */
    {0x2EF0, 0x9F99}, /* ⻰ C-SIMPLIFIED DRAGON -> 龙 */
    {0x2EF1, 0x9F9C}, /* ⻱ TURTLE -> 龜 */
    {0x2EF2, 0x4E80}, /* ⻲ J-SIMPLIFIED TURTLE -> 亀 */
    {0x2EF3, 0x9F9F}, /* ⻳ C-SIMPLIFIED TURTLE -> 龟 */
};

static int32_t supplement_han(int32_t cp) {
  size_t lo = 0, hi = sizeof supplement / sizeof supplement[0];
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (supplement[mid].radical == cp) return supplement[mid].han;
    if (supplement[mid].radical < cp) lo = mid + 1;
    else hi = mid;
  }
  return 0;
}

int gf_format_char(int32_t cp) {
  if (cp < 0x20)
    return cp == '\n' || cp == '\r' ? GF_FMT_KEEP
           : cp == '\t' || cp == '\v' || cp == '\f' ? GF_FMT_SPACE
                                                   : GF_FMT_DROP;
  if (cp < 0x7F) return GF_FMT_KEEP;
  if (cp < 0xA0) /* DEL and the C1 controls; NEL is a line break */
    return cp == 0x85 ? GF_FMT_SPACE : GF_FMT_DROP;
  /* Every Cf character lies in one of these blocks (Unicode 15): ask
   * utf8proc only there, not for every ideograph. */
  if (cp == 0xAD || (cp >= 0x600 && cp < 0x900) || cp == 0x180E ||
      (cp >= 0x2000 && cp < 0x2070) || cp == 0xFEFF ||
      (cp >= 0xFFF0 && cp < 0x10000) || cp >= 0x11000)
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_CF ? GF_FMT_DROP
                                                         : GF_FMT_KEEP;
  return GF_FMT_KEEP;
}

size_t gf_format_strip(char *s, size_t len, unsigned char *kept,
                       size_t *n_removed) {
  size_t r = 0, w = 0, ci = 0, removed = 0;
  while (r < len) {
    unsigned char c = (unsigned char)s[r];
    size_t k = 1;
    int f = GF_FMT_KEEP;
    if (c < 0x20 || c >= 0x7F) {
      int32_t cp;
      k = gf_utf8_decode(s + r, len - r, &cp);
      if (k == 0) k = 1; /* not UTF-8: kept, the caller's to judge */
      else f = gf_format_char(cp);
    }
    if (kept) kept[ci] = f != GF_FMT_DROP;
    if (f == GF_FMT_DROP) {
      removed++;
    } else if (f == GF_FMT_SPACE) {
      s[w++] = ' ';
    } else {
      memmove(s + w, s + r, k);
      w += k;
    }
    r += k;
    ci++;
  }
  if (w < len) s[w] = '\0';
  if (n_removed) *n_removed = removed;
  return w;
}

/* Invisible characters that PDF text layers scatter inside words: format
 * characters and variation selectors. */
static int is_removed(int32_t cp) {
  return gf_format_char(cp) == GF_FMT_DROP ||
         (cp >= 0xFE00 && cp <= 0xFE0F) ||
         (cp >= 0xE0100 && cp <= 0xE01EF);
}

/* An ASCII control other than whitespace: removed like a format
 * character (the ASCII path of gf_text_normalize). */
static int is_ascii_control(unsigned char c) {
  return (c < 0x20 && !(c >= '\t' && c <= '\r')) || c == 0x7F;
}

static int is_ascii_space(unsigned char c) {
  return c == ' ' || (c >= '\t' && c <= '\r');
}

/* White_Space characters past ASCII: NEL and the Zs, Zl, Zp categories
 * (stable since Unicode 6.3 took U+180E out).  Listed rather than asked of
 * utf8proc: this runs for every character. */
static int is_space(int32_t cp) {
  if (cp < 0x2000)
    return cp == 0x85 || cp == 0xA0 || cp == 0x1680;
  return cp <= 0x200A || cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
         cp == 0x205F || cp == 0x3000;
}

static int is_alnum(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
         (c >= 'a' && c <= 'z');
}

/* Room for n more map entries, or NULL (no map wanted, or out of memory):
 * entries are written in place rather than pushed one by one, as the map
 * is the hot path (8 bytes per output byte).  This and the writers below
 * run per character: inline, not a call each. */
static inline size_t *map_room(state *st, size_t n) {
  gf_offs *m = &st->m;
  if (!st->want_map || m->oom) return NULL;
  if (m->cap - m->len < n) {
    size_t cap = m->cap ? m->cap : 64;
    while (cap - m->len < n) cap *= 2;
    size_t *v = gf_realloc(m->v, cap * sizeof *v);
    if (!v) {
      m->oom = 1;
      return NULL;
    }
    m->v = v;
    m->cap = cap;
  }
  size_t *w = m->v + m->len;
  m->len += n;
  return w;
}

/* Appends n map entries from, from + step, ... */
static void map_put(state *st, size_t from, size_t n, size_t step) {
  size_t *w = map_room(st, n);
  if (w)
    for (size_t k = 0; k < n; k++) w[k] = from + k * step;
}

/* Appends n bytes to the output.  reserve() made room for the whole input,
 * which the output rarely outgrows: the buffer's growth check is the
 * exception, not a call per character. */
static inline void put(state *st, const char *p, size_t n) {
  gf_buf *b = &st->b;
  if (b->oom || b->cap - b->len <= n) {
    gf_buf_put(b, p, n);
    return;
  }
  memcpy(b->p + b->len, p, n);
  b->len += n;
  b->p[b->len] = '\0';
}

/* Before the first byte of a character: a pending whitespace run survives as
 * one space only between two ASCII letters/digits ("3 15", "ABC class");
 * next to anything else ("2023 年", "社\n会") it was layout, not text. */
static inline void flush_space(state *st, unsigned char next) {
  if (!st->pend) return;
  st->pend = 0;
  if (st->b.len && st->last_alnum && is_alnum(next)) {
    put(st, " ", 1);
    map_put(st, st->pend_at, 1, 0);
  }
}

/* n output bytes; with step 0 they all come from the source character at
 * from, with step 1 byte k comes from from + k (ASCII copied as is). */
static inline void emit(state *st, const char *p, size_t n, size_t from,
                        size_t step) {
  flush_space(st, (unsigned char)p[0]);
  put(st, p, n);
  map_put(st, from, n, step);
  st->last_alnum = is_alnum((unsigned char)p[n - 1]);
}

/* A unified ideograph (U+4E00..U+9FFF) at p, three bytes available: lead
 * E4 (from B8 on) to E9 and two continuation bytes. */
static int is_uro(const unsigned char *p) {
  return (p[0] == 0xE4 ? p[1] >= 0xB8 : p[0] >= 0xE5 && p[0] <= 0xE9) &&
         (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80;
}

/* A run of n bytes of unified ideographs, copied as they are: every byte
 * maps to the start of its character. */
static void emit_han(state *st, const char *p, size_t n, size_t from) {
  flush_space(st, (unsigned char)p[0]);
  put(st, p, n);
  size_t *w = map_room(st, n);
  if (w)
    for (size_t k = 0; k < n; k += 3) w[k] = w[k + 1] = w[k + 2] = from + k;
  st->last_alnum = 0;
}

static int32_t fullwidth_punct(int32_t cp) {
  switch (cp) {
  case '!': return 0xFF01;
  case '(': return 0xFF08;
  case ')': return 0xFF09;
  case ',': return 0xFF0C;
  case ':': return 0xFF1A;
  case ';': return 0xFF1B;
  case '?': return 0xFF1F;
  default: return cp;
  }
}

/* NFKC of one code point into cps; returns the count, or 0 to keep cp as it
 * is.  Per character is enough here: the reports are CJK and precomposed,
 * and it keeps the offset map exact. */
static int nfkc(int32_t cp, int32_t *cps) {
  const utf8proc_property_t *prop = utf8proc_get_property(cp);
  if (prop->decomp_seqindex == UINT16_MAX) return 0;
  int bound = UTF8PROC_BOUNDCLASS_START;
  utf8proc_ssize_t n = utf8proc_decompose_char(
      cp, cps, NFKC_MAX, UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT, &bound);
  if (n <= 0 || n > NFKC_MAX) return 0;
  n = utf8proc_normalize_utf32(cps, n, UTF8PROC_COMPOSE | UTF8PROC_STABLE);
  if (n <= 0) return 0;
  /* Spacing accents (¨ ´ ¯ ...) would become space + combining mark: spaces
   * must only come from whitespace, so such characters are kept. */
  for (utf8proc_ssize_t k = 0; k < n; k++)
    if (cps[k] == ' ') return 0;
  /* Vertical, small and compatibility forms (︐ ﹐ ︵) and parenthesized
   * ideographs (㈠ -> （一）) are CJK punctuation: keep it full-width. */
  if ((cp >= 0xFE10 && cp <= 0xFE6F) || (cp >= 0x3220 && cp <= 0x3243))
    for (utf8proc_ssize_t k = 0; k < n; k++)
      cps[k] = fullwidth_punct(cps[k]);
  return (int)n;
}

/* One non-ASCII character cp of k bytes at src + i. */
static void put_char(state *st, const char *src, size_t i, size_t k,
                     int32_t cp) {
  int32_t cps[NFKC_MAX];
  unsigned char tmp[NFKC_MAX * 4];
  int n = 0;
  if (cp >= 0x2E80 && cp <= 0x2EFF && (cps[0] = supplement_han(cp)))
    n = 1;
  else if (!is_kept(cp))
    n = nfkc(cp, cps);
  if (n == 0) {
    emit(st, src + i, k, i, 0);
    return;
  }
  size_t len = 0;
  for (int j = 0; j < n; j++)
    len += (size_t)utf8proc_encode_char(cps[j], tmp + len);
  if (len) emit(st, (const char *)tmp, len, i, 0);
}

static void reserve(state *st, size_t len) {
  /* Output is rarely longer than the input: one allocation up front. */
  st->b.p = gf_malloc(len + 1);
  if (st->b.p) {
    st->b.cap = len + 1;
    st->b.p[0] = '\0';
  } else {
    st->b.oom = 1;
  }
  if (!st->want_map) return;
  st->m.v = gf_malloc((len + 1) * sizeof *st->m.v);
  if (st->m.v) st->m.cap = len + 1;
  else st->m.oom = 1;
}

int gf_text_normalize(const char *src, size_t len, char **out, size_t *out_len,
                      size_t **map) {
  if (out) *out = NULL;
  if (out_len) *out_len = 0;
  if (map) *map = NULL;
  if (!out || !out_len || (!src && len)) return GF_EINVAL;

  state st;
  memset(&st, 0, sizeof st);
  st.want_map = map != NULL;
  int rc = GF_OK;
  if (len >= SIZE_MAX / sizeof(size_t)) {
    rc = GF_ENOMEM;
    goto fail;
  }
  reserve(&st, len);
  if (st.b.oom || st.m.oom) {
    rc = GF_ENOMEM;
    goto fail;
  }

  size_t i = 0;
  while (i < len) {
    unsigned char c = (unsigned char)src[i];
    if (c < 0x80) {
      if (is_ascii_space(c)) {
        if (!st.pend) {
          st.pend = 1;
          st.pend_at = i;
        }
        i++;
        continue;
      }
      if (is_ascii_control(c)) { /* neither text nor a word break */
        i++;
        continue;
      }
      size_t j = i + 1;
      while (j < len && (unsigned char)src[j] < 0x80 &&
             !is_ascii_space((unsigned char)src[j]) &&
             !is_ascii_control((unsigned char)src[j]))
        j++;
      emit(&st, src + i, j - i, i, 1);
      i = j;
      continue;
    }
    if (len - i >= 3 && is_uro((const unsigned char *)src + i)) {
      /* Unified ideographs, most of the text, never change under NFKC:
       * a run of them is copied at once. */
      size_t j = i + 3;
      while (len - j >= 3 && is_uro((const unsigned char *)src + j)) j += 3;
      emit_han(&st, src + i, j - i, i);
      i = j;
      continue;
    }
    int32_t cp;
    size_t k = gf_utf8_decode(src + i, len - i, &cp);
    if (k == 0) {
      rc = GF_EUTF8;
      goto fail;
    }
    if (is_removed(cp)) {
      /* Nothing: neither text nor a word break. */
    } else if (is_space(cp)) {
      if (!st.pend) {
        st.pend = 1;
        st.pend_at = i;
      }
    } else {
      put_char(&st, src, i, k, cp);
    }
    i += k;
  }
  map_put(&st, len, 1, 0);
  if (st.b.oom || st.m.oom) {
    rc = GF_ENOMEM;
    goto fail;
  }
  *out = gf_buf_detach(&st.b, out_len);
  if (map) {
    *map = st.m.v;
    st.m.v = NULL;
  }
  return GF_OK;

fail:
  gf_offs_free(&st.m);
  gf_buf_free(&st.b);
  return rc;
}

int gf_normalize(const char *text, size_t len, char **out, size_t *out_len) {
  return gf_text_normalize(text, len, out, out_len, NULL);
}
