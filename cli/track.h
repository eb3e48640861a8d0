/* track.h - `govfig track` (cli/track.c): each year's targets against
 * the next year's actuals across reports, as track.csv (or text) on
 * standard output or in DIR (cli/out.h). */
#ifndef GF_CLI_TRACK_H
#define GF_CLI_TRACK_H

#include <stddef.h>

#include "cli/cli.h"

enum { GF_TRACK_FMT_CSV = 0, GF_TRACK_FMT_TEXT = 1, GF_TRACK_FMT_JSONL = 2 };

/* The parsed command line (cli/govfig.c). */
typedef struct gf_track_opts {
  const char *dir;        /* NULL: standard output; else non-empty */
  const char *password;   /* NULL when not given */
  const char *vocab_path; /* --indicators FILE, NULL when not given */
  const char *db;         /* --db FILE: track the store's documents too and
                             keep the rows in its track table; NULL */
  int format;             /* GF_TRACK_FMT_* */
  unsigned jobs;          /* threads, 1-64 */
  int quiet;
  char *const *inputs;    /* FILE and DIRECTORY arguments, n_inputs >= 1
                             (>= 0 with db) */
  size_t n_inputs;
} gf_track_opts;

/* Runs the command; returns the exit status (0, 1 an input failed, 3
 * output failed). */
gf_exit gf_cli_track(const gf_track_opts *o);

#endif
