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
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/check.h"
#include "include/govfig.h"

#define PROG "govfig"

/* Exit statuses of check (cli/govfig.c's enum, --help and govfig.1). */
enum {
  CHECK_OK = 0,     /* every row holds */
  CHECK_FAILED = 1, /* a row does not hold against the document */
  CHECK_USAGE = 2   /* bad command line, or input that cannot be read */
};

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
      char *p = realloc(*data, ncap);
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
  if (ferror(f)) bad = 1;
  int e = errno;
  if (f != stdin) fclose(f);
  errno = e;
  return bad ? -1 : 0;
}

static void print_lines(const char *csv, const gf_check_item *it) {
  printf("%s:", csv);
  for (size_t k = 0; k < it->n_lines; k++)
    printf("%s%zu", k ? "," : "", it->lines[k]);
  printf(": %s\n", it->message);
}

int gf_cli_check(int argc, char **argv) {
  static const struct option longopts[] = {
      {"password", required_argument, NULL, 'p'},
      {"consistency", no_argument, NULL, 'c'},
      {"verbose", no_argument, NULL, 'v'},
      {"help", no_argument, NULL, 'h'},
      {NULL, 0, NULL, 0}};
  const char *password = NULL;
  int consistency = 0, verbose = 0, c;
  while ((c = getopt_long(argc, argv, ":p:cvh", longopts, NULL)) != -1) {
    switch (c) {
    case 'p': password = optarg; break;
    case 'c': consistency = 1; break;
    case 'v': verbose = 1; break;
    case 'h': return gf_cli_help();
    default: return gf_cli_option_error("check", c, argv);
    }
  }
  if (argc - optind < 2)
    return gf_cli_usage_error("check", "wants a PDF and a CSV", NULL);
  if (argc - optind > 2)
    return gf_cli_usage_error("check", "a PDF and a CSV only, got also",
                              argv[optind + 2]);
  const char *pdf = argv[optind], *csv = argv[optind + 1];

  gf_doc *doc = NULL;
  gf_check *chk = NULL;
  char *data = NULL;
  size_t len = 0;
  int status = CHECK_USAGE;
  if (gf_cli_open_doc(pdf, password, &doc) != GF_OK) goto done;
  if (gf_cli_read_all(csv, &data, &len) != 0) {
    fprintf(stderr, PROG ": %s: cannot read: %s\n", csv, strerror(errno));
    goto done;
  }
  gf_error err = {0};
  int rc = gf_figures_check(doc, data, len,
                            consistency ? GF_OPT_CONSISTENCY : 0, &chk, &err);
  if (rc == GF_EUTF8) {
    fprintf(stderr, PROG ": %s:%zu: not valid UTF-8 text (byte %zu)\n", csv,
            err.line, err.offset);
    goto done;
  }
  if (rc != GF_OK) {
    if (err.line)
      fprintf(stderr, PROG ": %s:%zu: %s\n", csv, err.line,
              err.message ? err.message : gf_strerror(rc));
    else
      fprintf(stderr, PROG ": %s: %s\n", csv,
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
      if (verbose) {
        fputs("note: ", stdout);
        print_lines(csv, it);
      }
      break;
    case GF_CHECK_HOLDS:
      if (verbose) {
        fputs("verbose: ", stdout);
        print_lines(csv, it);
      }
      break;
    }
  }
  size_t n_rows = gf_check_rows(chk), n_bad = gf_check_failed_rows(chk);
  fprintf(stderr, PROG ": %s: %zu row%s checked, %zu failed", csv, n_rows,
          n_rows == 1 ? "" : "s", n_bad);
  if (consistency)
    fprintf(stderr, ", %zu warning%s", n_warn, n_warn == 1 ? "" : "s");
  fputc('\n', stderr);
  status = n_bad ? CHECK_FAILED : CHECK_OK;
done:
  gf_check_free(chk);
  free(data);
  gf_doc_free(doc);
  return status;
}
