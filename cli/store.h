/* store.h - the store on the command line (cli/store.c): opening it with
 * its refusal reported, `govfig load` and `govfig schema`. */
#ifndef GF_CLI_STORE_H
#define GF_CLI_STORE_H

#include <stddef.h>

#include "cli/cli.h"

/* Opens the store at path (created when missing); 0, or -1 with one
 * `govfig: FILE: reason` line on stderr. */
int gf_cli_store_open(const char *path, gf_store **st);

/* The parsed command line of `govfig load` (cli/govfig.c). */
typedef struct gf_load_opts {
  const char *db;       /* --db FILE, non-NULL */
  int quiet, verbose;
  char *const *dirs;    /* directories extract -o wrote, n_dirs >= 1 */
  size_t n_dirs;
} gf_load_opts;

/* Loads every directory into the store, in order; the exit status (1 when
 * a directory could not be loaded, its documents committed before the
 * failure kept; 3 when the store cannot be used). */
gf_exit gf_cli_load(const gf_load_opts *o);

/* Prints the store's schema (GF_SCHEMA_SQLITE or GF_SCHEMA_POSTGRES) on
 * standard output. */
gf_exit gf_cli_schema(int dialect);

#endif
