/* track.c - `govfig track`: each year's targets against the next year's
 * actuals across reports (records.md section 3).  Inputs are read as
 * `extract` reads them - the same input listing and worker batch of
 * cli/batch.c - or, for a name ending in .csv, as a figures.csv already
 * extracted; the library (track/) matches and judges. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/batch.h"
#include "cli/cli.h"
#include "cli/indicators.h"
#include "cli/out.h"
#include "cli/store.h"
#include "cli/track.h"
#include "include/govfig.h"

#define PROG GF_PROG

static int has_csv_suffix(const char *path) {
  size_t n = strlen(path);
  if (n < 4) return 0;
  const char *s = path + n - 4;
  return s[0] == '.' && (s[1] | 0x20) == 'c' && (s[2] | 0x20) == 's' &&
         (s[3] | 0x20) == 'v';
}

/* One input's result, from a worker to the caller. */
typedef struct tracked {
  gf_figures *figs; /* a report read and extracted */
  char *csv;        /* or a figures.csv's bytes */
  size_t len;
  int failed;       /* reported */
} tracked;

typedef struct track_ctx {
  const char *password;
  const gf_indicators *vocab;
  gf_track *track;
  int quiet, input_failed, out_of_memory;
  size_t n_good;
} track_ctx;

static void *track_work(void *arg, const char *path, unsigned threads,
                        FILE *msgs, size_t *pages) {
  const track_ctx *x = arg;
  *pages = 0;
  tracked *r = calloc(1, sizeof *r);
  if (!r) {
    fprintf(msgs, PROG ": %s: %s\n", path, gf_strerror(GF_ENOMEM));
    return NULL;
  }
  if (has_csv_suffix(path)) {
    if (gf_cli_read_all(path, &r->csv, &r->len) != 0) {
      fprintf(msgs, PROG ": %s: cannot read: %s\n", path, strerror(errno));
      r->failed = 1;
    }
    return r;
  }
  gf_doc *doc = NULL;
  if (gf_cli_open_doc(msgs, path, x->password, GF_OPT_THREADS(threads),
                      &doc) != GF_OK) {
    r->failed = 1;
    return r;
  }
  *pages = gf_doc_page_count(doc);
  if (gf_doc_damaged(doc) > 0 && !x->quiet)
    fprintf(msgs, PROG ": %s: warning: damaged, extracted what could be "
                  "read\n", path);
  gf_error err = {0};
  int rc = gf_figures_extract_with(doc, 0, x->vocab, &r->figs, &err);
  if (rc != GF_OK) {
    fprintf(msgs, PROG ": %s: cannot extract figures: %s\n", path,
            err.message ? err.message : gf_strerror(rc));
    r->figs = NULL;
    r->failed = 1;
  }
  gf_doc_free(doc);
  return r;
}

/* In input order: the rows join the set. */
static int track_emit(void *arg, const char *path, void *result) {
  track_ctx *x = arg;
  tracked *r = result;
  if (path && !x->out_of_memory) {
    gf_error err = {0};
    int rc = GF_OK;
    if (!r || r->failed) {
      x->input_failed = 1;
    } else if (r->figs) {
      rc = gf_track_add_figures(x->track, r->figs, &err);
    } else {
      rc = gf_track_add_csv(x->track, r->csv, r->len, &err);
    }
    if (rc == GF_ENOMEM) {
      fprintf(stderr, PROG ": %s\n", gf_strerror(rc));
      x->out_of_memory = 1;
    } else if (rc != GF_OK) {
      if (err.line)
        fprintf(stderr, PROG ": %s:%zu: %s\n", path, err.line,
                err.message ? err.message : gf_strerror(rc));
      else
        fprintf(stderr, PROG ": %s: %s\n", path,
                err.message ? err.message : gf_strerror(rc));
      x->input_failed = 1;
    } else if (r && !r->failed) {
      x->n_good++;
    }
  }
  if (r) {
    gf_figures_free(r->figs);
    free(r->csv);
  }
  free(r);
  return x->out_of_memory;
}

static int write_out(const gf_track *t, FILE *f, int format) {
  switch (format) {
  case GF_TRACK_FMT_TEXT: return gf_track_write_text(t, f, 0);
  case GF_TRACK_FMT_JSONL: return gf_track_write_jsonl(t, f);
  }
  return gf_track_write_csv(t, f, 0);
}

static const char *file_name(int format) {
  switch (format) {
  case GF_TRACK_FMT_TEXT: return "track.txt";
  case GF_TRACK_FMT_JSONL: return "track.jsonl";
  }
  return "track.csv";
}

/* DIR/track.csv (track.txt, track.jsonl) through an output set. */
static gf_exit write_dir(const gf_track *t, const char *dir, int format) {
  gf_out *set = gf_out_begin(dir);
  FILE *out = set ? gf_out_file(set, file_name(format)) : NULL;
  if (!out) {
    gf_out_abort(set);
    return GF_EXIT_OUTPUT;
  }
  if (write_out(t, out, format) != GF_OK) gf_out_fail(set, out);
  return gf_out_commit(set) == 0 ? GF_EXIT_OK : GF_EXIT_OUTPUT;
}

gf_exit gf_cli_track(const gf_track_opts *o) {
  track_ctx x;
  memset(&x, 0, sizeof x);
  x.password = o->password;
  x.quiet = o->quiet;
  gf_indicators *vocab = NULL;
  if (gf_cli_vocabulary(o->vocab_path, &vocab) != 0) return GF_EXIT_USAGE;
  x.vocab = vocab;
  char **paths = NULL;
  size_t n_paths = 0;
  int bad_dirs = o->n_inputs ? gf_cli_inputs(o->inputs, o->n_inputs, &paths,
                                             &n_paths)
                             : 0;
  gf_exit status = GF_EXIT_INPUT;
  gf_error err = {0};
  gf_store *st = NULL;
  if (bad_dirs < 0 || (n_paths == 0 && !o->db)) goto done;
  x.input_failed = bad_dirs > 0;
  if (gf_track_new(vocab, &x.track, &err) != GF_OK) {
    fprintf(stderr, GF_PROG ": %s\n", gf_strerror(err.code));
    goto done;
  }
  /* --db: everything in the store first (a report given again as FILE is
   * then ignored: the first copy wins) */
  size_t n_stored = 0;
  if (o->db && (gf_cli_store_open(o->db, &st) != 0 ||
                gf_store_add_to_track(st, x.track, &n_stored, &err) !=
                    GF_OK)) {
    if (st)
      fprintf(stderr, GF_PROG ": %s: %s\n", o->db,
              err.message ? err.message : gf_strerror(err.code));
    status = GF_EXIT_OUTPUT;
    goto done;
  }
  x.n_good += n_stored;
  gf_cli_batch b = {paths, n_paths, o->jobs, !x.quiet, track_work,
                    track_emit, &x};
  if (n_paths && (gf_cli_batch_run(&b) < 0 || x.out_of_memory)) goto done;
  if (x.n_good == 0) goto done; /* nothing read: no output at all */
  if (gf_track_run(x.track, &err) != GF_OK) {
    fprintf(stderr, GF_PROG ": %s\n", gf_strerror(err.code));
    goto done;
  }
  if (o->dir)
    status = write_dir(x.track, o->dir, o->format);
  else /* main closes stdout and reports a failure there */
    status = write_out(x.track, stdout, o->format) == GF_OK ? GF_EXIT_OK
                                                            : GF_EXIT_OUTPUT;
  if (status == GF_EXIT_OK && st &&
      gf_store_put_track(st, x.track, &err) != GF_OK) {
    fprintf(stderr, GF_PROG ": %s: %s\n", o->db,
            err.message ? err.message : gf_strerror(err.code));
    status = GF_EXIT_OUTPUT;
  }
  if (status == GF_EXIT_OK && !x.quiet)
    gf_track_write_summary(x.track, stderr);
  if (status == GF_EXIT_OK && x.input_failed) status = GF_EXIT_INPUT;
done:
  gf_store_free(st);
  gf_track_free(x.track);
  gf_cli_inputs_free(paths, n_paths);
  gf_indicators_free(vocab);
  return status;
}
