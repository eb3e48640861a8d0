/* regex.c - the only PCRE2 user: compile once (UTF, JIT), match with a
 * bounded match limit, and build alternations from vocabulary tables so
 * that words live in tables, not inside patterns. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "extract/regex.h"
#include "normalize/normalize.h"

struct gf_re {
  pcre2_code *code;
  pcre2_match_data *md;
  pcre2_match_context *mc;
};

int gf_re_new(const char *pattern, gf_re **out) {
  *out = NULL;
  gf_re *re = gf_calloc(1, sizeof *re);
  if (!re) return GF_ENOMEM;
  int errcode;
  PCRE2_SIZE erroff;
  re->code = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
                           PCRE2_UTF | PCRE2_NO_UTF_CHECK, &errcode, &erroff,
                           NULL);
  if (!re->code) goto fail;
  /* JIT is an optimisation: without it matching still works. */
  (void)pcre2_jit_compile(re->code, PCRE2_JIT_COMPLETE);
  re->md = pcre2_match_data_create_from_pattern(re->code, NULL);
  re->mc = pcre2_match_context_create(NULL);
  if (!re->md || !re->mc) goto fail;
  pcre2_set_match_limit(re->mc, 1000000);
  *out = re;
  return GF_OK;
fail:;
  int rc = re->code ? GF_ENOMEM : GF_EINVAL;
  gf_re_free(re);
  return rc;
}

void gf_re_free(gf_re *re) {
  if (!re) return;
  pcre2_match_context_free(re->mc);
  pcre2_match_data_free(re->md);
  pcre2_code_free(re->code);
  free(re);
}

static int run(gf_re *re, const char *s, size_t len, size_t start,
               uint32_t opts, size_t *ov, int n_pairs) {
  int rc = pcre2_match(re->code, (PCRE2_SPTR)s, len, start,
                       opts | PCRE2_NO_UTF_CHECK, re->md, re->mc);
  if (rc == PCRE2_ERROR_NOMATCH) return 0;
  if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT)
    return GF_ELIMIT;
  if (rc < 0) return GF_EINVAL;
  PCRE2_SIZE *v = pcre2_get_ovector_pointer(re->md);
  uint32_t have = pcre2_get_ovector_count(re->md);
  for (int i = 0; i < n_pairs; i++) {
    if ((uint32_t)i < have && (uint32_t)i < (uint32_t)rc &&
        v[2 * i] != PCRE2_UNSET) {
      ov[2 * i] = v[2 * i];
      ov[2 * i + 1] = v[2 * i + 1];
    } else {
      ov[2 * i] = ov[2 * i + 1] = SIZE_MAX;
    }
  }
  return 1;
}

int gf_re_find(gf_re *re, const char *s, size_t len, size_t start, size_t *ov,
               int n_pairs) {
  return run(re, s, len, start, 0, ov, n_pairs);
}

int gf_re_at(gf_re *re, const char *s, size_t len, size_t start, size_t *ov,
             int n_pairs) {
  return run(re, s, len, start, PCRE2_ANCHORED, ov, n_pairs);
}

static int by_length_desc(const void *a, const void *b) {
  size_t la = strlen(*(const char *const *)a);
  size_t lb = strlen(*(const char *const *)b);
  return la < lb ? 1 : la > lb ? -1 : 0;
}

char *gf_re_alternation(const char *const *words) {
  size_t n = 0;
  while (words[n]) n++;
  const char **sorted = gf_malloc((n ? n : 1) * sizeof *sorted);
  if (!sorted) return NULL;
  memcpy(sorted, words, n * sizeof *sorted);
  qsort(sorted, n, sizeof *sorted, by_length_desc);
  gf_buf b = {0};
  gf_buf_puts(&b, "(?:");
  for (size_t i = 0; i < n; i++) {
    if (i) gf_buf_putc(&b, '|');
    for (const char *p = sorted[i]; *p; p++) {
      if (strchr("\\^$.|?*+()[]{}/", *p)) gf_buf_putc(&b, '\\');
      gf_buf_putc(&b, *p);
    }
  }
  gf_buf_putc(&b, ')');
  free(sorted);
  return gf_buf_detach(&b, NULL);
}
