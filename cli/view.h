/* view.h - `govfig view` (cli/view.c): a folder with the PDF's pages as
 * PNG images and index.html showing every figure boxed on them beside the
 * figures table, written together (cli/out.h). */
#ifndef GF_CLI_VIEW_H
#define GF_CLI_VIEW_H

#include "cli/cli.h"

/* The parsed command line (cli/govfig.c). */
typedef struct gf_view_opts {
  const char *dir;       /* output directory; NULL: NAME.view, NAME being
                            the PDF's file name without .pdf */
  const char *password;  /* NULL when not given */
  const char *csv;       /* --csv FILE (an edited figures.csv) or NULL */
  const char *pdf;
  double dpi;            /* 1 to GF_RENDER_MAX_DPI */
  unsigned jobs;         /* threads drawing pages, 1-64 */
  int quiet;
} gf_view_opts;

/* Runs the command; returns the exit status (0, 1 an input failed, 3 an
 * output could not be written: nothing of the view is then left). */
gf_exit gf_cli_view(const gf_view_opts *o);

#endif
