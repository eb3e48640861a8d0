/* cli.c - what every govfig command shares (cli/cli.h): opening an input
 * with its failure in words that say what to do, reading a whole input,
 * closing standard output. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

/* Length of the UTF-8 character at s (n bytes left), 0 when not one. */
static size_t utf8_len(const unsigned char *s, size_t n) {
  size_t k = s[0] < 0x80 ? 1 : s[0] >= 0xC2 && s[0] <= 0xDF ? 2
             : s[0] >= 0xE0 && s[0] <= 0xEF ? 3
             : s[0] >= 0xF0 && s[0] <= 0xF4 ? 4 : 0;
  if (k == 0 || k > n) return 0;
  for (size_t i = 1; i < k; i++)
    if ((s[i] & 0xC0) != 0x80) return 0;
  return k;
}

const char *gf_cli_shown(const char *path, char *buf, size_t cap) {
  const unsigned char *s = (const unsigned char *)path;
  size_t n = strlen(path), w = 0;
  int clean = 1;
  for (size_t i = 0; i < n && clean;) {
    size_t k = utf8_len(s + i, n - i);
    clean = k && s[i] >= 0x20 && s[i] != 0x7F;
    i += k ? k : 1;
  }
  if (clean || cap < 8) return path;
  for (size_t i = 0; i < n && w + 5 < cap;) {
    size_t k = utf8_len(s + i, n - i);
    if (k && s[i] >= 0x20 && s[i] != 0x7F) {
      if (w + k >= cap) break;
      memcpy(buf + w, s + i, k);
      w += k;
      i += k;
      continue;
    }
    if (s[i] == '\n' || s[i] == '\t')
      w += (size_t)snprintf(buf + w, cap - w, "\\%c",
                            s[i] == '\n' ? 'n' : 't');
    else
      w += (size_t)snprintf(buf + w, cap - w, "\\x%02X", s[i]);
    i++;
  }
  buf[w] = '\0';
  return buf;
}

int gf_cli_is_text_path(const char *path) {
  size_t n = strlen(path);
  if (n < 4) return 0;
  const char *s = path + n - 4;
  return s[0] == '.' && (s[1] | 0x20) == 't' && (s[2] | 0x20) == 'x' &&
         (s[3] | 0x20) == 't';
}

/* Why a document could not be opened, in words that say what to do. */
static void report_open_error(FILE *to, const char *file, int rc,
                              const gf_error *err, int saved_errno,
                              const char *password) {
  char shown[GF_SHOWN_MAX];
  const char *path = gf_cli_shown(file, shown, sizeof shown);
  const char *msg = err->message;
  if (msg && strcmp(msg, gf_strerror(rc)) == 0) msg = NULL;
  switch (rc) {
  case GF_EENCRYPTED:
    fprintf(to, GF_PROG ": %s: %s\n", path,
            password ? "encrypted PDF; wrong password"
                     : "encrypted PDF; give the password with --password");
    break;
  case GF_ENOTEXT:
    fprintf(to,
            GF_PROG ": %s: no text layer (a scanned PDF?); run OCR first\n",
            path);
    break;
  case GF_EBLANK:
    fprintf(to, GF_PROG ": %s: no text at all (blank pages, no images)\n",
            path);
    break;
  case GF_EEMPTY:
    fprintf(to, GF_PROG ": %s: empty file (0 bytes)\n", path);
    break;
  case GF_ENOTPDF:
    fprintf(to, GF_PROG ": %s: not a PDF (no %%PDF header)\n", path);
    break;
  case GF_EPDF:
    if (msg)
      fprintf(to, GF_PROG ": %s: damaged PDF: %s\n", path, msg);
    else
      fprintf(to, GF_PROG ": %s: %s\n", path, gf_strerror(rc));
    break;
  case GF_EIO:
    fprintf(to, GF_PROG ": %s: cannot read: %s\n", path,
            saved_errno ? strerror(saved_errno) : gf_strerror(rc));
    break;
  case GF_ENOPAGES:
    fprintf(to, GF_PROG ": %s: PDF has no pages\n", path);
    break;
  case GF_EUTF8:
    if (msg) /* a NUL byte */
      fprintf(to, GF_PROG ": %s: not valid UTF-8 text (byte %zu: %s)\n", path,
              err->offset, msg);
    else
      fprintf(to, GF_PROG ": %s: not valid UTF-8 text (byte %zu)\n", path,
              err->offset);
    break;
  default:
    fprintf(to, GF_PROG ": %s: %s\n", path, msg ? msg : gf_strerror(rc));
    break;
  }
}

/* Set once a document left a page-text thread running (gf_doc_abandoned):
 * main then leaves with _exit.  A mutable global of the CLI, written only
 * by the thread that writes messages in order. */
static volatile int abandoned;

int gf_cli_abandoned(void) { return abandoned; }

/* One warning line per page skipped for a cost limit. */
static void report_skips(FILE *to, const char *file, const gf_doc *doc,
                         const gf_doc_limits *lim) {
  char shown[GF_SHOWN_MAX];
  const char *path = gf_cli_shown(file, shown, sizeof shown);
  size_t n = gf_doc_page_count(doc);
  for (size_t p = 1; p <= n && gf_doc_skipped_count(doc); p++) {
    size_t glyphs = 0;
    int why = gf_doc_page_skipped(doc, p, &glyphs);
    size_t max = lim && lim->max_glyphs ? lim->max_glyphs
                                        : GF_MAX_GLYPHS_DEFAULT;
    unsigned ms = lim && lim->page_ms ? lim->page_ms : GF_PAGE_MS_DEFAULT;
    if (why == GF_SKIP_GLYPHS)
      fprintf(to, GF_PROG ": %s: warning: page %zu skipped: %zu glyphs, "
                  "more than the limit of %zu (--max-glyphs)\n",
              path, p, glyphs, max);
    else if (why == GF_SKIP_TIME)
      fprintf(to, GF_PROG ": %s: warning: page %zu skipped: its text took "
                  "longer than %u.%03u s to read (--max-page-time)\n",
              path, p, ms / 1000, ms % 1000);
  }
  if (gf_doc_abandoned(doc)) abandoned = 1;
}

int gf_cli_open_doc_limited(FILE *to, const char *path, const char *password,
                            unsigned opts, const gf_doc_limits *lim,
                            gf_doc **doc) {
  gf_error err = {0};
  errno = 0;
  int rc = gf_cli_is_text_path(path)
               ? gf_doc_open_text_file(path, doc, &err)
               : gf_doc_open_limited(path, password, opts, lim, doc, &err);
  int saved_errno = errno;
  if (rc != GF_OK)
    report_open_error(to, path, rc, &err, saved_errno, password);
  else
    report_skips(to, path, *doc, lim);
  return rc;
}

int gf_cli_open_doc(FILE *to, const char *path, const char *password,
                    unsigned opts, gf_doc **doc) {
  return gf_cli_open_doc_limited(to, path, password, opts, NULL, doc);
}

int gf_cli_read_all(const char *path, char **data, size_t *len) {
  FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
  *data = NULL;
  *len = 0;
  if (!f) return -1;
  size_t cap = 0;
  int bad = 0;
  for (;;) {
    if (cap - *len < 4096) {
      size_t ncap = cap ? 2 * cap : 65536;
      char *p = ncap > cap ? realloc(*data, ncap) : NULL;
      if (!p) {
        errno = ENOMEM;
        bad = 1;
        break;
      }
      *data = p;
      cap = ncap;
    }
    size_t got = fread(*data + *len, 1, cap - *len, f);
    *len += got;
    if (got == 0) break;
  }
  if (!bad && ferror(f)) bad = 1;
  int e = errno;
  if (f != stdin) fclose(f);
  if (bad) {
    free(*data);
    *data = NULL;
    *len = 0;
  }
  errno = e;
  return bad ? -1 : 0;
}

gf_exit gf_cli_close_stdout(void) {
  int bad = fflush(stdout) != 0 || ferror(stdout);
  int e = errno;
  if (fclose(stdout) != 0 && !bad) {
    bad = 1;
    e = errno;
  }
  if (bad) {
    fprintf(stderr, GF_PROG ": standard output: write failed: %s\n",
            e ? strerror(e) : "input/output error");
    return GF_EXIT_OUTPUT;
  }
  return GF_EXIT_OK;
}
