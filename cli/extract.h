/* extract.h - `govfig extract` (cli/extract.c): the figures and parcels
 * of every input into DIR/figures.csv and DIR/parcels.csv, replaced
 * together (cli/out.h). */
#ifndef GF_CLI_EXTRACT_H
#define GF_CLI_EXTRACT_H

#include <stddef.h>

#include "cli/cli.h"

/* The parsed command line (cli/govfig.c). */
typedef struct gf_extract_opts {
  const char *dir;       /* output directory, non-empty */
  const char *password;  /* NULL when not given */
  const char *vocab_path; /* --indicators FILE, NULL when not given */
  unsigned jobs;         /* threads, 1-64 */
  gf_doc_limits limits;  /* cost limits per page (0: the defaults) */
  int quiet, verbose;
  char *const *inputs;   /* FILE and DIRECTORY arguments, n_inputs >= 1 */
  size_t n_inputs;
} gf_extract_opts;

/* Runs the command; returns the exit status. */
gf_exit gf_cli_extract(const gf_extract_opts *o);

#endif
