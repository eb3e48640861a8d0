/* tables.h - `govfig tables` (cli/tables.c): the tables of every input as
 * tables.csv, on standard output or in DIR (cli/out.h). */
#ifndef GF_CLI_TABLES_H
#define GF_CLI_TABLES_H

#include <stddef.h>

#include "cli/cli.h"

/* The parsed command line (cli/govfig.c). */
typedef struct gf_tables_opts {
  const char *dir;      /* NULL: standard output; else non-empty */
  const char *password; /* NULL when not given */
  int jsonl;            /* --format jsonl: tables.jsonl */
  int bom;              /* --bom: CSV with a UTF-8 byte-order mark */
  char *const *inputs;  /* n_inputs >= 1 */
  size_t n_inputs;
} gf_tables_opts;

/* Runs the command; returns the exit status (0, 1 an input failed, 3
 * output failed). */
gf_exit gf_cli_tables(const gf_tables_opts *o);

#endif
