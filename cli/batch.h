/* batch.h - many inputs over the cores for `govfig extract -j N`
 * (cli/batch.c): the inputs expanded from the command line, and a batch
 * that reads them in worker threads and hands the results on in order. */
#ifndef GF_CLI_BATCH_H
#define GF_CLI_BATCH_H

#include <stddef.h>
#include <stdio.h>

/* Expands the command line's inputs: a directory gives its *.pdf files,
 * recursively, sorted by name; anything else is kept as given (a missing
 * file is reported when it is read).  *paths (free with
 * gf_cli_inputs_free) holds *n_paths copies.  Returns how many directories
 * could not be read or held no PDF (each reported on stderr), or -1 when
 * out of memory (reported; *paths NULL). */
int gf_cli_inputs(char *const *args, size_t n_args, char ***paths,
                  size_t *n_paths);
void gf_cli_inputs_free(char **paths, size_t n);

typedef struct gf_cli_batch {
  char *const *paths;     /* the inputs, in output order */
  size_t n;
  unsigned jobs;          /* threads in all (-j), shared between inputs
                             and the page ranges of a long one */
  int progress;           /* show a progress line when stderr is a tty */
  /* Reads one input in a worker thread, with up to threads page threads
   * (for GF_OPT_THREADS).  Its messages go to msgs (printed later, in
   * input order); *pages gets the pages read.  Returns what emit gets. */
  void *(*work)(void *ctx, const char *path, unsigned threads, FILE *msgs,
                size_t *pages);
  /* Called in the calling thread, in input order, with work's result,
   * which it releases.  Returns nonzero to stop the batch (an output
   * failed): no further input is started, and the results already read
   * are then handed to emit with path NULL, to be released only. */
  int (*emit)(void *ctx, const char *path, void *result);
  void *ctx;
} gf_cli_batch;

/* Runs the batch; returns 0, 1 when emit stopped it, -1 when out of memory
 * (reported; nothing was run). */
int gf_cli_batch_run(const gf_cli_batch *b);

#endif
