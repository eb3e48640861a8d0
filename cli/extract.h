/* extract.h - `govfig extract` (cli/extract.c): the figures, parcels and
 * documents of every input into DIR/figures.csv, DIR/parcels.csv and
 * DIR/documents.csv, replaced together (cli/out.h), and with --db into the
 * store. */
#ifndef GF_CLI_EXTRACT_H
#define GF_CLI_EXTRACT_H

#include <stddef.h>

#include "cli/cli.h"

/* The parsed command line (cli/govfig.c). */
typedef struct gf_extract_opts {
  const char *dir;       /* output directory, non-empty, may hold {name}
                            (a directory per input); NULL: none (--db
                            alone) */
  const char *db;        /* --db FILE, NULL when not given */
  int jsonl;             /* --format jsonl: .jsonl files, not .csv */
  int bom;               /* --bom: CSV with a UTF-8 byte-order mark */
  int tables;            /* --tables: DIR/tables.csv too */
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
