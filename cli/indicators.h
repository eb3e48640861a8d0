/* indicators.h - `govfig indicators` (cli/indicators.c) and the loading
 * of the indicator vocabulary for the commands that take --indicators. */
#ifndef GF_CLI_INDICATORS_H
#define GF_CLI_INDICATORS_H

#include "cli/cli.h"

/* The built-in vocabulary plus path's lines (path NULL: the built-in one
 * only) in *out (gf_indicators_free).  A failure is reported on stderr as
 * `govfig: FILE:LINE: reason` and gives -1 (*out NULL). */
int gf_cli_vocabulary(const char *path, gf_indicators **out);

/* `govfig indicators [--indicators FILE]`: prints the vocabulary in use.
 * vocab_path may be NULL.  GF_EXIT_OK, GF_EXIT_INPUT (a bad vocabulary),
 * GF_EXIT_OUTPUT. */
gf_exit gf_cli_indicators(const char *vocab_path);

#endif
