/* buf.c - the one allocation wrapper and growable buffers of libgovfig.
 * Allocation failures become GF_ENOMEM upstream; tests can make the Nth
 * allocation fail to prove every path frees what it took. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/common.h"

/* Test-only countdown; a process-wide counter is acceptable here because it
 * is only ever set by single-threaded tests. */
static unsigned long fail_at;

void gf_alloc_fail_at(unsigned long nth) { fail_at = nth; }

static int should_fail(void) {
  if (fail_at == 0) return 0;
  if (--fail_at == 0) return 1;
  return 0;
}

void *gf_malloc(size_t n) {
  if (should_fail()) return NULL;
  return malloc(n ? n : 1);
}

void *gf_calloc(size_t n, size_t size) {
  if (should_fail()) return NULL;
  return calloc(n ? n : 1, size ? size : 1);
}

void *gf_realloc(void *p, size_t n) {
  if (should_fail()) return NULL;
  return realloc(p, n ? n : 1);
}

char *gf_strndup(const char *s, size_t n) {
  char *d = gf_malloc(n + 1);
  if (!d) return NULL;
  if (n) memcpy(d, s, n);
  d[n] = '\0';
  return d;
}

char *gf_strdup(const char *s) { return gf_strndup(s, strlen(s)); }

void gf_free(void *p) { free(p); }

static int grow(gf_buf *b, size_t extra) {
  if (b->oom) return -1;
  if (b->len + extra + 1 <= b->cap) return 0;
  size_t cap = b->cap ? b->cap : 64;
  while (cap < b->len + extra + 1) cap *= 2;
  char *p = gf_realloc(b->p, cap);
  if (!p) {
    b->oom = 1;
    return -1;
  }
  b->p = p;
  b->cap = cap;
  return 0;
}

void gf_buf_put(gf_buf *b, const char *s, size_t n) {
  if (grow(b, n)) return;
  if (n) memcpy(b->p + b->len, s, n);
  b->len += n;
  b->p[b->len] = '\0';
}

void gf_buf_puts(gf_buf *b, const char *s) { gf_buf_put(b, s, strlen(s)); }

void gf_buf_putc(gf_buf *b, char c) { gf_buf_put(b, &c, 1); }

void gf_buf_printf(gf_buf *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (n < 0 || grow(b, (size_t)n)) return;
  va_start(ap, fmt);
  vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
  va_end(ap);
  b->len += (size_t)n;
}

char *gf_buf_detach(gf_buf *b, size_t *len) {
  char *p = NULL;
  if (!b->oom) {
    p = b->p ? b->p : gf_strndup("", 0);
    if (len) *len = p ? b->len : 0;
    b->p = NULL;
  } else if (len) {
    *len = 0;
  }
  gf_buf_free(b);
  return p;
}

void gf_buf_free(gf_buf *b) {
  free(b->p);
  b->p = NULL;
  b->len = b->cap = 0;
  b->oom = 0;
}

void gf_offs_push(gf_offs *o, size_t x) {
  if (o->oom) return;
  if (o->len == o->cap) {
    size_t cap = o->cap ? o->cap * 2 : 64;
    size_t *v = gf_realloc(o->v, cap * sizeof *v);
    if (!v) {
      o->oom = 1;
      return;
    }
    o->v = v;
    o->cap = cap;
  }
  o->v[o->len++] = x;
}

void gf_offs_free(gf_offs *o) {
  free(o->v);
  o->v = NULL;
  o->len = o->cap = 0;
  o->oom = 0;
}
