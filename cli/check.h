/* check.h - `govfig check` (cli/check.c): a figures.csv checked against
 * the PDF it came from (spec/records.md section 3). */
#ifndef GF_CLI_CHECK_H
#define GF_CLI_CHECK_H

#include "cli/cli.h"

/* The parsed command line (cli/govfig.c). */
typedef struct gf_check_opts {
  const char *pdf, *csv; /* csv "-": standard input */
  char *const *pdfs;     /* every PDF given (pdfs[0] == pdf); more than one
                            only for a track.csv */
  size_t n_pdfs;
  const char *password;  /* NULL when not given */
  int consistency, verbose;
} gf_check_opts;

/* Runs the command; returns the exit status: GF_EXIT_OK every row holds,
 * GF_EXIT_INPUT (1) a row does not, GF_EXIT_USAGE (2) an input that
 * cannot be read at all (see --help). */
gf_exit gf_cli_check(const gf_check_opts *o);

#endif
