/* regex.h - the PCRE2 wrapper (extract/regex.c is the only PCRE2 user). */
#ifndef GF_REGEX_H
#define GF_REGEX_H

#include <stddef.h>

typedef struct gf_re gf_re;

/* Compiles a UTF-8 pattern (PCRE2 syntax, UTF mode) and JIT-compiles it.
 * A gf_re owns its match data: use one gf_re from one thread at a time. */
int gf_re_new(const char *pattern, gf_re **out);
void gf_re_free(gf_re *re);
/* Finds the first match in s[0..len) at or after start (s must be valid
 * UTF-8, start on a character boundary).  On a match returns 1 and stores
 * up to n_pairs (start, end) offset pairs in ov (unset groups: SIZE_MAX);
 * 0 for no match; GF_ELIMIT when the match limit was hit. */
int gf_re_find(gf_re *re, const char *s, size_t len, size_t start, size_t *ov,
               int n_pairs);
/* Same, but the match must start exactly at start. */
int gf_re_at(gf_re *re, const char *s, size_t len, size_t start, size_t *ov,
             int n_pairs);
/* Builds "(?:w1|w2|...)" from a NULL-terminated word table, longest words
 * first so that alternation prefers them; words are literal (quoted). */
char *gf_re_alternation(const char *const *words);

#endif
