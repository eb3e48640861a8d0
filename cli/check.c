/* check.c - `govfig check [--password PW] [--consistency] [--verbose] PDF
 * CSV`: a thin layer over gf_figures_check (spec/records.md section 3).  It
 * reads the CSV, prints one line per finding on stdout and maps the outcome
 * to an exit status:
 *   CSV:LINE: REASON                     a row that does not hold (exit 1)
 *   warning: CSV:L1,L2,...: REASON       rows that disagree (--consistency)
 *   note: CSV:LINE: WHERE                a row without start/end, located
 *                                        (--verbose)
 *   verbose: CSV:L1,L2,...: RELATION     a relation that holds (--verbose)
 * so that every line not starting with note:, warning: or verbose: is a
 * failure.  A summary goes to stderr.  Exit 2 for a bad command line and
 * for input that cannot be read at all (PDF, CSV, a needed column). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/check.h"
#include "cli/cli.h"
#include "include/govfig.h"

static void print_lines(const char *csv, const gf_check_item *it) {
  printf("%s:", csv);
  for (size_t k = 0; k < it->n_lines; k++)
    printf("%s%zu", k ? "," : "", it->lines[k]);
  printf(": %s\n", it->message);
}

gf_exit gf_cli_check(const gf_check_opts *o) {
  const char *csv = o->csv;
  gf_doc *doc = NULL;
  gf_check *chk = NULL;
  char *data = NULL;
  size_t len = 0;
  gf_exit status = GF_EXIT_USAGE;
  if (gf_cli_open_doc(stderr, o->pdf, o->password, 0, &doc) != GF_OK)
    goto done;
  if (gf_cli_read_all(csv, &data, &len) != 0) {
    fprintf(stderr, GF_PROG ": %s: cannot read: %s\n", csv, strerror(errno));
    goto done;
  }
  gf_error err = {0};
  int rc = gf_figures_check(doc, data, len,
                            o->consistency ? GF_OPT_CONSISTENCY : 0, &chk,
                            &err);
  if (rc == GF_EUTF8) {
    fprintf(stderr, GF_PROG ": %s:%zu: not valid UTF-8 text (byte %zu)\n", csv,
            err.line, err.offset);
    goto done;
  }
  if (rc != GF_OK) {
    if (err.line)
      fprintf(stderr, GF_PROG ": %s:%zu: %s\n", csv, err.line,
              err.message ? err.message : gf_strerror(rc));
    else
      fprintf(stderr, GF_PROG ": %s: %s\n", csv,
              err.message ? err.message : gf_strerror(rc));
    goto done;
  }
  size_t n_warn = 0;
  for (size_t i = 0; i < gf_check_count(chk); i++) {
    const gf_check_item *it = gf_check_at(chk, i);
    switch (it->severity) {
    case GF_CHECK_FAILED: print_lines(csv, it); break;
    case GF_CHECK_WARNING:
      fputs("warning: ", stdout);
      print_lines(csv, it);
      n_warn++;
      break;
    case GF_CHECK_NOTE:
      if (o->verbose) {
        fputs("note: ", stdout);
        print_lines(csv, it);
      }
      break;
    case GF_CHECK_HOLDS:
      if (o->verbose) {
        fputs("verbose: ", stdout);
        print_lines(csv, it);
      }
      break;
    }
  }
  size_t n_rows = gf_check_rows(chk), n_bad = gf_check_failed_rows(chk);
  fprintf(stderr, GF_PROG ": %s: %zu row%s checked, %zu failed", csv, n_rows,
          n_rows == 1 ? "" : "s", n_bad);
  if (o->consistency)
    fprintf(stderr, ", %zu warning%s", n_warn, n_warn == 1 ? "" : "s");
  fputc('\n', stderr);
  status = n_bad ? GF_EXIT_INPUT : GF_EXIT_OK;
done:
  gf_check_free(chk);
  free(data);
  gf_doc_free(doc);
  return status;
}
