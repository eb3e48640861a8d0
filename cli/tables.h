/* tables.h - `govfig tables` (cli/tables.c) and the output helpers of
 * cli/govfig.c it shares with `govfig extract`: a temporary file in the
 * output directory, removed on a signal, renamed into place when done. */
#ifndef GF_CLI_TABLES_H
#define GF_CLI_TABLES_H

#include <stdio.h>

/* tables.c: `govfig tables`; argv[0] is "tables".  Returns the exit
 * status (0, 1 an input failed, 2 usage, 3 output failed). */
int gf_cli_tables(int argc, char **argv);

/* govfig.c: mkdir -p; 0 or -1 (errno). */
int gf_cli_make_dirs(const char *dir);
/* govfig.c: creates DIR/.NAME.XXXXXX (one at a time), removed on SIGINT,
 * SIGTERM, SIGHUP; NULL on failure (errno). */
FILE *gf_cli_open_temp(const char *dir, const char *name);
/* govfig.c: renames the temporary file to final; 0 or -1 (errno; the
 * temporary file is then removed). */
int gf_cli_commit_temp(const char *final);
/* govfig.c: removes the temporary file, if any. */
void gf_cli_drop_temp(void);

#endif
