/* text.h - `govfig text` and `govfig numbers` (cli/text.c): the page text
 * that start/end count bytes of, and every number of a text. */
#ifndef GF_CLI_TEXT_H
#define GF_CLI_TEXT_H

#include <stddef.h>

#include "cli/cli.h"

/* The parsed command line of `text` (cli/govfig.c). */
typedef struct gf_text_opts {
  const char *path;
  const char *password; /* NULL when not given */
  size_t page;          /* 1-based; 0 for every page */
} gf_text_opts;

/* `govfig text`: the pages, a form feed between them, on stdout.  Returns
 * GF_EXIT_OK, or GF_EXIT_INPUT (unreadable input, no such page). */
gf_exit gf_cli_text(const gf_text_opts *o);

/* `govfig numbers`: every number of standard input's UTF-8 text, one per
 * line as RAW<TAB>VALUE<TAB>UNIT.  GF_EXIT_OK or GF_EXIT_INPUT. */
gf_exit gf_cli_numbers(void);

#endif
