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

/* A track.csv: its header starts with target_doc (a BOM allowed). */
static int is_track_csv(const char *data, size_t len) {
  static const char bom[] = "\xEF\xBB\xBF", head[] = "target_doc,";
  if (len >= 3 && memcmp(data, bom, 3) == 0) {
    data += 3;
    len -= 3;
  }
  return len >= sizeof head - 1 && memcmp(data, head, sizeof head - 1) == 0;
}

/* One PDF's ends of a track.csv: failures printed as CSV:LINE: END:
 * REASON.  covered[L] is set for each track.csv end (line * 2 + actual)
 * checked here.  Returns the failed ends, or -1 (reported). */
static long track_doc(const gf_check_opts *o, const char *pdf,
                      const char *data, size_t len, unsigned char *covered,
                      size_t n_covered) {
  gf_doc *doc = NULL;
  char *ends_csv = NULL;
  size_t ends_len = 0, *ends = NULL, n_ends = 0;
  gf_check *chk = NULL;
  long bad = -1;
  gf_error err = {0};
  if (gf_cli_open_doc(stderr, pdf, o->password, 0, &doc) != GF_OK) goto done;
  if (gf_track_ends_csv(data, len, gf_doc_name(doc), &ends_csv, &ends_len,
                        &ends, &n_ends, &err) != GF_OK ||
      gf_figures_check(doc, ends_csv, ends_len, 0, &chk, &err) != GF_OK) {
    fprintf(stderr, GF_PROG ": %s:%zu: %s\n", o->csv, err.line,
            err.message ? err.message : gf_strerror(err.code));
    goto done;
  }
  bad = 0;
  for (size_t l = 0; l < n_ends; l++)
    if (ends[l] && ends[l] < n_covered) covered[ends[l]] = 1;
  size_t last = 0;
  for (size_t i = 0; i < gf_check_count(chk); i++) {
    const gf_check_item *it = gf_check_at(chk, i);
    if (it->severity != GF_CHECK_FAILED || it->line >= n_ends ||
        !ends[it->line])
      continue;
    size_t code = ends[it->line];
    printf("%s:%zu: %s: %s\n", o->csv, code / 2,
           code % 2 ? "actual" : "target", it->message);
    if (code != last) bad++;
    last = code;
  }
done:
  gf_check_free(chk);
  gf_free(ends_csv);
  gf_free(ends);
  gf_doc_free(doc);
  return bad;
}

/* Both ends of every row of a track.csv against the PDFs given. */
static gf_exit check_track(const gf_check_opts *o, const char *data,
                           size_t len) {
  char *all = NULL;
  size_t all_len = 0, *ends = NULL, n_ends = 0, n_covered = 0;
  gf_error err = {0};
  if (gf_track_ends_csv(data, len, NULL, &all, &all_len, &ends, &n_ends,
                        &err) != GF_OK) {
    fprintf(stderr, GF_PROG ": %s:%zu: %s\n", o->csv, err.line,
            err.message ? err.message : gf_strerror(err.code));
    return GF_EXIT_USAGE;
  }
  for (size_t l = 0; l < n_ends; l++)
    if (ends[l] + 1 > n_covered) n_covered = ends[l] + 1;
  unsigned char *covered = calloc(n_covered ? n_covered : 1, 1);
  gf_exit status = GF_EXIT_USAGE;
  long bad = 0;
  for (size_t i = 0; covered && i < o->n_pdfs; i++) {
    long b = track_doc(o, o->pdfs[i], data, len, covered, n_covered);
    if (b < 0) goto done;
    bad += b;
  }
  size_t n = 0;
  for (size_t l = 0; covered && l < n_ends; l++) {
    if (!ends[l]) continue;
    n++;
    if (!covered[ends[l]]) {
      printf("%s:%zu: %s: not checked: its doc is none of the PDFs given\n",
             o->csv, ends[l] / 2, ends[l] % 2 ? "actual" : "target");
      bad++;
    }
  }
  fprintf(stderr, GF_PROG ": %s: %zu end%s checked, %ld failed\n", o->csv, n,
          n == 1 ? "" : "s", bad);
  status = bad ? GF_EXIT_INPUT : GF_EXIT_OK;
done:
  free(covered);
  gf_free(all);
  gf_free(ends);
  return status;
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
  if (is_track_csv(data, len)) {
    gf_doc_free(doc);
    doc = NULL;
    status = check_track(o, data, len);
    goto done;
  }
  if (o->n_pdfs > 1) {
    fprintf(stderr, GF_PROG ": %s: several PDFs only with a track.csv\n",
            csv);
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
