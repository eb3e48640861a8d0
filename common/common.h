/* common.h - what every module of libgovfig uses: the one allocation
 * wrapper (test builds can fail its Nth call), growable byte and offset
 * buffers, and the helpers that fill a caller's gf_error.  Text primitives
 * are in common/scan.h, the record contract's names in common/contract.h. */
#ifndef GF_COMMON_H
#define GF_COMMON_H

#include <stddef.h>
#include <stdint.h>

#include "include/govfig.h"

/* ---- allocation (buf.c): every library allocation goes through these so that
 * test builds can fail the Nth call (gf_alloc_fail_at). */
void *gf_malloc(size_t n);
void *gf_calloc(size_t n, size_t size);
void *gf_realloc(void *p, size_t n);
char *gf_strndup(const char *s, size_t n);
char *gf_strdup(const char *s);
/* Test hook: make the nth allocation from now fail (0 = never). */
void gf_alloc_fail_at(unsigned long nth);

/* ---- errors (error.c): fills *err (NULL allowed) with code, a constant
 * message, page and byte offset; line is reset.  Returns code. */
int gf_error_set(gf_error *err, int code, const char *msg, int page,
                 size_t offset);
/* Fills err (NULL allowed) with code, gf_strerror(code) as the message,
 * page (1-based or 0) and offset; returns code. */
int gf_error_fill(gf_error *err, int code, int page, size_t offset);

/* ---- growable byte buffer; always NUL-terminated when p != NULL.  Errors
 * are sticky: after a failed append, oom is set and further appends are
 * ignored, so callers check once at the end. */
typedef struct gf_buf {
  char *p;
  size_t len, cap;
  int oom;
} gf_buf;
void gf_buf_put(gf_buf *b, const char *s, size_t n);
void gf_buf_puts(gf_buf *b, const char *s);
void gf_buf_putc(gf_buf *b, char c);
void gf_buf_printf(gf_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Hands the bytes to the caller (gf_free) and empties b; "" when empty,
 * NULL when out of memory. */
char *gf_buf_detach(gf_buf *b, size_t *len);
void gf_buf_free(gf_buf *b);

/* Growable array of size_t (offset maps). */
typedef struct gf_offs {
  size_t *v;
  size_t len, cap;
  int oom;
} gf_offs;
void gf_offs_push(gf_offs *o, size_t x);
void gf_offs_free(gf_offs *o);

#endif
