/* check.h - `govfig check` (cli/check.c) and what it borrows from
 * cli/govfig.c: the message helpers and document opening every command
 * shares, so that its messages read like the other commands'. */
#ifndef GF_CLI_CHECK_H
#define GF_CLI_CHECK_H

#include "include/govfig.h"

/* check.c: `govfig check`; argv[0] is "check".  Returns the exit status:
 * 0 every row holds, 1 a row does not, 2 bad command line or unreadable
 * input (see --help). */
int gf_cli_check(int argc, char **argv);

/* govfig.c: prints `govfig: CMD: WHAT 'ARG'` and the --help hint; returns
 * the usage exit status (2).  arg may be NULL. */
int gf_cli_usage_error(const char *cmd, const char *what, const char *arg);
/* govfig.c: getopt_long's complaint (c is '?' or ':') in our words; 2. */
int gf_cli_option_error(const char *cmd, int c, char **argv);
/* govfig.c: opens path as text (.txt) or PDF, reporting a failure on
 * stderr as `govfig: FILE: reason`; returns the GF_* code. */
int gf_cli_open_doc(const char *path, const char *password, gf_doc **doc);
/* check.c: reads all of path ("-": standard input) into *data (free());
 * 0, or -1 with errno set. */
int gf_cli_read_all(const char *path, char **data, size_t *len);
/* indicators.c: `govfig indicators [--indicators FILE]`. */
int gf_cli_indicators(int argc, char **argv);
/* indicators.c: the built-in vocabulary plus path's lines (path NULL: the
 * built-in one only) in *out; a failure is reported on stderr as
 * `govfig: FILE:LINE: reason` and gives -1. */
int gf_cli_vocabulary(const char *path, gf_indicators **out);
/* govfig.c: prints --help on stdout; returns 0. */
int gf_cli_help(void);

#endif
