/* scan.h - the text primitives every reader uses: a literal or the longest
 * word of a table at (or ending at) a byte position, UTF-8 character steps,
 * clause and sentence marks, bounded copies.  Text is UTF-8 given as
 * pointer plus byte length; positions are byte offsets.  Everything here is
 * static inline: these run for every character the readers look at. */
#ifndef GF_SCAN_H
#define GF_SCAN_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* A word with its byte length and what it means (a GF_BOUND_*, a
 * GF_CMP_*): the vocabulary's keyed lists (extract/vocab.c). */
typedef struct gf_word_kind {
  const char *word;
  unsigned char len;      /* bytes of word */
  int kind;
} gf_word_kind;

/* The byte length of literal w when it stands at t+at (t has len bytes),
 * else 0.  Compared byte by byte: most calls fail on the first or second
 * byte, so no strlen up front. */
static inline size_t gf_lit_at(const char *t, size_t len, size_t at,
                               const char *w) {
  size_t i = 0;
  for (; w[i]; i++)
    if (at + i >= len || t[at + i] != w[i]) return 0;
  return i;
}

/* gf_lit_at at the start of s: the byte length of w when s (len bytes)
 * starts with it, else 0. */
static inline size_t gf_lit(const char *s, size_t len, const char *w) {
  return gf_lit_at(s, len, 0, w);
}

/* The byte length of literal w when it ends right before t+at, not
 * reaching before t+from; else 0. */
static inline size_t gf_lit_before(const char *t, size_t from, size_t at,
                                   const char *w) {
  if (at <= from) return 0;
  size_t wl = strlen(w);
  if (w[wl - 1] != t[at - 1]) return 0; /* cheap last-byte filter */
  return at >= from + wl && memcmp(t + at - wl, w, wl) == 0 ? wl : 0;
}

/* The byte length of the longest word of the NULL-ended list words that
 * stands at t+at, or 0. */
static inline size_t gf_word_at(const char *t, size_t len, size_t at,
                                const char *const *words) {
  size_t best = 0;
  for (size_t i = 0; words[i]; i++) {
    size_t wl = gf_lit_at(t, len, at, words[i]);
    if (wl > best) best = wl;
  }
  return best;
}

/* The byte length of the longest word of words ending right before t+at
 * (not before t+from), or 0. */
static inline size_t gf_word_before(const char *t, size_t from, size_t at,
                                    const char *const *words) {
  size_t best = 0;
  for (size_t i = 0; words[i]; i++) {
    size_t wl = gf_lit_before(t, from, at, words[i]);
    if (wl > best) best = wl;
  }
  return best;
}

/* gf_word_at / gf_word_before for lists whose byte lengths are known
 * (vocab.c's X-macro lists): no strlen, and the first or last byte is
 * checked first. */
static inline size_t gf_word_at_n(const char *t, size_t len, size_t at,
                                  const char *const *words,
                                  const unsigned char *lens) {
  size_t best = 0;
  for (size_t i = 0; words[i]; i++) {
    size_t wl = lens[i];
    if (wl > best && at + wl <= len && t[at] == words[i][0] &&
        memcmp(t + at, words[i], wl) == 0)
      best = wl;
  }
  return best;
}

static inline size_t gf_word_before_n(const char *t, size_t from, size_t at,
                                      const char *const *words,
                                      const unsigned char *lens) {
  size_t best = 0;
  for (size_t i = 0; words[i]; i++) {
    size_t wl = lens[i];
    if (wl > best && at >= from + wl && t[at - 1] == words[i][wl - 1] &&
        memcmp(t + at - wl, words[i], wl) == 0)
      best = wl;
  }
  return best;
}

/* The longest keyed word at t+at: its length, and its kind in *kind
 * (untouched when none). */
static inline size_t gf_kind_at(const char *t, size_t len, size_t at,
                                const gf_word_kind *words, int *kind) {
  size_t best = 0;
  for (size_t i = 0; words[i].word; i++) {
    size_t wl = words[i].len;
    if (wl <= best || at + wl > len || t[at] != words[i].word[0] ||
        memcmp(t + at, words[i].word, wl) != 0)
      continue;
    best = wl;
    *kind = words[i].kind;
  }
  return best;
}

/* The longest keyed word ending right before t+at (not before t+from). */
static inline size_t gf_kind_before(const char *t, size_t from, size_t at,
                                    const gf_word_kind *words, int *kind) {
  size_t best = 0;
  for (size_t i = 0; words[i].word; i++) {
    size_t wl = words[i].len;
    if (wl <= best || at < from + wl || t[at - 1] != words[i].word[wl - 1] ||
        memcmp(t + at - wl, words[i].word, wl) != 0)
      continue;
    best = wl;
    *kind = words[i].kind;
  }
  return best;
}

/* Whether a word of words starts anywhere in t[a..b) (and fits in it). */
static inline int gf_has_word(const char *t, size_t a, size_t b,
                              const char *const *words) {
  for (size_t i = a; i < b; i++)
    if (gf_word_at(t, b, i, words)) return 1;
  return 0;
}

/* Byte length of the UTF-8 character whose lead byte is c (1 for a stray
 * continuation byte, so that scans always advance). */
static inline size_t gf_char_len(unsigned char c) {
  return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

/* Start of the character before t+at (0 at the start). */
static inline size_t gf_prev_char(const char *t, size_t at) {
  if (at == 0) return 0;
  do at--;
  while (at > 0 && ((unsigned char)t[at] & 0xC0) == 0x80);
  return at;
}

static inline int gf_is_ascii_alnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
         (c >= 'A' && c <= 'Z');
}

/* A code point that lays out as white space in a report's text: ASCII
 * space, tab and line ends, NO-BREAK SPACE, the spaces U+2000..U+200B,
 * U+202F, U+205F, the ideographic space U+3000 and U+FEFF (a stray BOM). */
static inline int gf_is_space_cp(int32_t c) {
  if (c < 0x2000) return c == ' ' || (c >= '\t' && c <= '\r') || c == 0xA0;
  return c <= 0x200B || c == 0x3000 || c == 0x202F || c == 0x205F ||
         c == 0xFEFF;
}

/* dst = src, cut to cap - 1 bytes like snprintf "%s" but without the
 * formatting machinery (it runs several times for every figure). */
static inline void gf_copy_str(char *dst, size_t cap, const char *src) {
  size_t n = strlen(src);
  if (n >= cap) n = cap - 1;
  memcpy(dst, src, n);
  dst[n] = '\0';
}

/* dst = t[a..b), cut on a character boundary to fit cap bytes. */
static inline void gf_copy_span(char *dst, size_t cap, const char *t,
                                size_t a, size_t b) {
  size_t n = b > a ? b - a : 0;
  if (n >= cap) {
    n = cap - 1;
    while (n > 0 && ((unsigned char)t[a + n] & 0xC0) == 0x80) n--;
  }
  memcpy(dst, t + a, n);
  dst[n] = '\0';
}

/* ---- clause and sentence marks, read straight from their bytes (every
 * character is tested, so no table walk): ，：, : end a clause; 。；！？;
 * end a sentence and a clause. */
enum { GF_MARK_CLAUSE = 1, GF_MARK_SENTENCE = 2 };

/* The GF_MARK_* bits of the character at t+i (0: no mark); *mlen gets its
 * byte length. */
static inline int gf_mark_at(const char *t, size_t len, size_t i,
                             size_t *mlen) {
  const unsigned char *u = (const unsigned char *)t + i;
  *mlen = 1;
  switch (u[0]) {
  case ',':
  case ':':
    return GF_MARK_CLAUSE;
  case ';':
    return GF_MARK_CLAUSE | GF_MARK_SENTENCE;
  case 0xE3: /* 。 E3 80 82 */
    *mlen = 3;
    return i + 3 <= len && u[1] == 0x80 && u[2] == 0x82
               ? GF_MARK_CLAUSE | GF_MARK_SENTENCE
               : 0;
  case 0xEF: /* full-width forms EF BC xx */
    *mlen = 3;
    if (i + 3 > len || u[1] != 0xBC) return 0;
    switch (u[2]) {
    case 0x8C: /* ， */
    case 0x9A: /* ： */
      return GF_MARK_CLAUSE;
    case 0x9B: /* ； */
    case 0x81: /* ！ */
    case 0x9F: /* ？ */
      return GF_MARK_CLAUSE | GF_MARK_SENTENCE;
    }
    return 0;
  }
  return 0;
}

/* The byte length of the clause mark at t+i, or 0. */
static inline size_t gf_clause_mark(const char *t, size_t len, size_t i) {
  size_t n;
  return gf_mark_at(t, len, i, &n) ? n : 0;
}

/* The byte length of the sentence mark at t+i, or 0. */
static inline size_t gf_sentence_mark(const char *t, size_t len, size_t i) {
  size_t n;
  return gf_mark_at(t, len, i, &n) & GF_MARK_SENTENCE ? n : 0;
}

/* Where the clause holding t+at starts (not before from). */
static inline size_t gf_clause_start(const char *t, size_t from, size_t at) {
  size_t i = at;
  while (i > from) {
    size_t p = gf_prev_char(t, i);
    if (gf_clause_mark(t, i, p)) return i;
    i = p;
  }
  return from;
}

/* Where the clause holding t+at ends: its mark, or len. */
static inline size_t gf_clause_end(const char *t, size_t len, size_t at) {
  for (size_t i = at; i < len; i += gf_char_len((unsigned char)t[i]))
    if (gf_clause_mark(t, len, i)) return i;
  return len;
}

#endif
