/* extract.c - `govfig extract`: reads every input in worker threads
 * (cli/batch.c), writes each one's figures (spec/records.md section 1) and
 * parcels (section 2) in input order into one output set (cli/out.h), so
 * that figures.csv and parcels.csv are replaced together or not at all.
 * One `govfig: FILE: reason` line per failed input. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/batch.h"
#include "cli/cli.h"
#include "cli/extract.h"
#include "cli/indicators.h"
#include "cli/out.h"
#include "include/govfig.h"

/* One input's result, from a worker to the writer. */
typedef struct extracted {
  gf_figures *figs;    /* NULL when the input failed (reported) */
  gf_parcels *parcels; /* NULL when none could be read (reported) */
} extracted;

typedef struct extract_ctx {
  const gf_extract_opts *o;
  const gf_indicators *vocab;
  gf_out *set;
  FILE *figs_out, *pars_out;
  size_t n_good;  /* inputs whose figures were written */
  size_t n_pars;  /* inputs whose parcels were written */
  int input_failed, output_failed;
} extract_ctx;

/* In a worker thread: reads one input and finds its figures and parcels;
 * the doc is released here, so only the rows wait for their turn. */
static void *extract_work(void *arg, const char *file, unsigned threads,
                          FILE *msgs, size_t *pages) {
  char shown[GF_SHOWN_MAX];
  const char *path = gf_cli_shown(file, shown, sizeof shown);
  const extract_ctx *x = arg;
  *pages = 0;
  extracted *r = calloc(1, sizeof *r);
  if (!r) {
    fprintf(msgs, GF_PROG ": %s: %s\n", path, gf_strerror(GF_ENOMEM));
    return NULL;
  }
  gf_doc *doc = NULL;
  if (gf_cli_open_doc_limited(msgs, file, x->o->password,
                              GF_OPT_THREADS(threads), &x->o->limits,
                              &doc) != GF_OK)
    return r;
  *pages = gf_doc_page_count(doc);
  if (gf_doc_damaged(doc) > 0 && !x->o->quiet)
    fprintf(msgs, GF_PROG ": %s: warning: damaged, extracted what could be "
                  "read\n", path);
  size_t n_format = gf_doc_format_removed(doc);
  if (n_format && x->o->verbose && !x->o->quiet)
    fprintf(msgs, GF_PROG ": %s: warning: %zu invisible format character%s"
                  " (bidi controls, zero-width spaces, controls) removed "
                  "from the text\n", path, n_format, n_format == 1 ? "" : "s");
  gf_error err = {0};
  /* figures and parcels in one pass: tables and paragraphs built once */
  int rc = gf_doc_extract(doc, 0, x->vocab, &r->figs, &r->parcels, &err);
  if (rc != GF_OK)
    fprintf(msgs, GF_PROG ": %s: cannot extract figures: %s\n", path,
            err.message ? err.message : gf_strerror(rc));
  gf_doc_free(doc);
  return r;
}

/* In the calling thread, in input order: appends the rows (the headers
 * with the first input that has any) and releases them. */
static int extract_emit(void *arg, const char *file, void *result) {
  extract_ctx *x = arg;
  char shown[GF_SHOWN_MAX];
  const char *path = file ? gf_cli_shown(file, shown, sizeof shown) : NULL;
  extracted *r = result;
  if (path && !x->output_failed) {
    if (!r || !r->figs) {
      x->input_failed = 1;
    } else if (gf_figures_write_csv(r->figs, x->figs_out,
                                    x->n_good ? GF_OPT_NO_HEADER : 0) !=
               GF_OK) {
      gf_out_fail(x->set, x->figs_out);
      x->output_failed = 1;
    } else {
      x->n_good++;
      if (r->parcels) {
        for (size_t i = 0; x->o->verbose && !x->o->quiet &&
                           i < gf_parcels_warning_count(r->parcels); i++)
          fprintf(stderr, GF_PROG ": %s: warning: %s\n", path,
                  gf_parcels_warning_at(r->parcels, i)->message);
        if (gf_parcels_write_csv(r->parcels, x->pars_out,
                                 x->n_pars ? GF_OPT_NO_HEADER : 0) !=
            GF_OK) {
          gf_out_fail(x->set, x->pars_out);
          x->output_failed = 1;
        }
        x->n_pars++;
      }
    }
  }
  if (r) gf_parcels_free(r->parcels);
  if (r) gf_figures_free(r->figs);
  free(r);
  return x->output_failed;
}

gf_exit gf_cli_extract(const gf_extract_opts *o) {
  extract_ctx x;
  memset(&x, 0, sizeof x);
  x.o = o;
  char **paths = NULL;
  size_t n_paths = 0;
  int bad_dirs = gf_cli_inputs(o->inputs, o->n_inputs, &paths, &n_paths);
  if (bad_dirs < 0) return GF_EXIT_INPUT;
  x.input_failed = bad_dirs > 0;
  if (n_paths == 0) return GF_EXIT_INPUT; /* only empty directories */
  gf_indicators *vocab = NULL;
  if (gf_cli_vocabulary(o->vocab_path, &vocab) != 0) {
    gf_cli_inputs_free(paths, n_paths);
    return GF_EXIT_USAGE;
  }
  x.vocab = vocab;
  if (!(x.set = gf_out_begin(o->dir)) ||
      !(x.figs_out = gf_out_file(x.set, "figures.csv")) ||
      !(x.pars_out = gf_out_file(x.set, "parcels.csv"))) {
    gf_out_abort(x.set);
    gf_cli_inputs_free(paths, n_paths);
    gf_indicators_free(vocab);
    return GF_EXIT_OUTPUT;
  }
  gf_cli_batch b = {paths, n_paths, o->jobs, !o->quiet, extract_work,
                    extract_emit, &x};
  if (gf_cli_batch_run(&b) < 0) x.input_failed = 1;
  gf_cli_inputs_free(paths, n_paths);
  gf_indicators_free(vocab);

  /* Inputs whose parcels could not be read still get the header. */
  if (!x.output_failed && x.n_pars == 0 &&
      gf_parcels_write_header(x.pars_out) != GF_OK) {
    gf_out_fail(x.set, x.pars_out);
    x.output_failed = 1;
  }
  if (x.n_good == 0 && !x.output_failed) { /* keep the older files */
    gf_out_abort(x.set);
    return GF_EXIT_INPUT;
  }
  if (gf_out_commit(x.set) != 0) return GF_EXIT_OUTPUT;
  return x.input_failed ? GF_EXIT_INPUT : GF_EXIT_OK;
}
