/* text.c - `govfig text` (the page text as the library extracts it, what
 * start/end count bytes of) and `govfig numbers` (every number of a text
 * on standard input, with its exact value): thin layers over gf_doc and
 * gf_numbers_scan.  Output goes to stdout, which main closes and checks. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/text.h"
#include "include/govfig.h"

gf_exit gf_cli_text(const gf_text_opts *o) {
  gf_doc *doc = NULL;
  if (gf_cli_open_doc(stderr, o->path, o->password, 0, &doc) != GF_OK)
    return GF_EXIT_INPUT;
  size_t n_pages = gf_doc_page_count(doc);
  gf_exit status = GF_EXIT_OK;
  if (o->page > n_pages) {
    fprintf(stderr, GF_PROG ": %s: no page %zu (the document has %zu)\n",
            o->path, o->page, n_pages);
    status = GF_EXIT_INPUT;
  } else {
    size_t first = o->page ? o->page : 1, last = o->page ? o->page : n_pages;
    for (size_t p = first; p <= last; p++) {
      size_t len = 0;
      const char *text = gf_doc_page_text(doc, p, &len);
      if (p > first) putchar('\f');
      if (text) fwrite(text, 1, len, stdout);
    }
  }
  gf_doc_free(doc);
  return status;
}

gf_exit gf_cli_numbers(void) {
  char *text = NULL;
  size_t len = 0;
  if (gf_cli_read_all("-", &text, &len) != 0) {
    if (errno == ENOMEM)
      fprintf(stderr, GF_PROG ": -: %s\n", gf_strerror(GF_ENOMEM));
    else
      fprintf(stderr, GF_PROG ": -: cannot read: %s\n", strerror(errno));
    return GF_EXIT_INPUT;
  }
  gf_numbers *nums = NULL;
  gf_error err = {0};
  gf_exit status = GF_EXIT_OK;
  int rc = gf_numbers_scan(text, len, 0, &nums, &err);
  if (rc == GF_EUTF8) {
    fprintf(stderr, GF_PROG ": -: not valid UTF-8 text (byte %zu)\n",
            err.offset);
    status = GF_EXIT_INPUT;
  } else if (rc != GF_OK) {
    fprintf(stderr, GF_PROG ": -: %s\n", gf_strerror(rc));
    status = GF_EXIT_INPUT;
  } else {
    size_t n = gf_numbers_count(nums);
    for (size_t i = 0; i < n; i++) {
      const gf_number *num = gf_numbers_at(nums, i);
      printf("%s\t%s\t%s\t%s\n", num->raw, num->value, num->unit,
             num->bound);
    }
    /* never a rounded value: a number that does not fit is named */
    for (size_t i = 0; i < gf_numbers_skipped_count(nums); i++) {
      const gf_number *num = gf_numbers_skipped_at(nums, i);
      fprintf(stderr,
              GF_PROG ": -: warning: byte %zu: a number of %zu bytes does "
                      "not fit exactly; left out\n",
              num->start, num->end - num->start);
    }
  }
  gf_numbers_free(nums);
  free(text);
  return status;
}
