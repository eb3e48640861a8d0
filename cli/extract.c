/* extract.c - `govfig extract`: reads every input in worker threads
 * (cli/batch.c) and hands each one's records on in input order: figures
 * (spec/records.md section 1), parcels (section 2) and documents (which
 * file, which bytes, what report: what `govfig load` needs later) into one
 * output set (cli/out.h), so that figures.csv, parcels.csv and
 * documents.csv are replaced together or not at all - or, when DIR holds
 * {name}, one set per input in its own directory - and, with --db, each
 * document into the store, one transaction per document.  One
 * `govfig: FILE: reason` line per failed input. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/batch.h"
#include "cli/cli.h"
#include "cli/extract.h"
#include "cli/indicators.h"
#include "cli/out.h"
#include "cli/store.h"
#include "include/govfig.h"

/* One input's result, from a worker to the writer. */
typedef struct extracted {
  gf_figures *figs;    /* NULL when the input failed (reported) */
  gf_parcels *parcels; /* NULL when none could be read (reported) */
  gf_tables *tables;   /* only for the store */
  char *name;          /* the document's name, for doc.doc */
  gf_document doc;
} extracted;

/* The files of one output set. */
typedef struct outputs {
  gf_out *set;
  FILE *figs, *pars, *docs, *tabs; /* tabs: --tables only */
  size_t n_figs, n_pars, n_docs, n_tabs; /* inputs written into each */
} outputs;

typedef struct extract_ctx {
  const gf_extract_opts *o;
  const gf_indicators *vocab;
  outputs out;     /* the one set (no {name} in DIR) */
  int per_input;   /* DIR holds {name}: a set per input */
  gf_store *store; /* --db, or NULL */
  int store_failed; /* reported; the CSVs are then not written either */
  size_t n_good;   /* inputs whose records were written */
  int input_failed, output_failed;
} extract_ctx;

/* In a worker thread: reads one input and finds its figures and parcels
 * (and tables for the store); the doc is released here, so only the rows
 * wait for their turn. */
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
  if (r->figs && (x->store || x->o->tables) &&
      (rc = gf_tables_extract(doc, 0, &r->tables, NULL)) != GF_OK)
    fprintf(msgs, GF_PROG ": %s: cannot extract tables: %s\n", path,
            gf_strerror(rc));
  if (r->figs && !(r->name = strdup(gf_doc_name(doc)))) {
    fprintf(msgs, GF_PROG ": %s: %s\n", path, gf_strerror(GF_ENOMEM));
    gf_figures_free(r->figs);
    r->figs = NULL;
  }
  gf_document_of(doc, r->figs, &r->doc);
  r->doc.doc = r->name;
  gf_doc_free(doc);
  return r;
}

/* Opens the files of a set (figures.EXT, parcels.EXT, documents.EXT and
 * with --tables tables.EXT); 0, or -1 (reported, the set aborted). */
static int open_outputs(outputs *w, const char *dir, const gf_extract_opts *o) {
  memset(w, 0, sizeof *w);
  const char *ext = o->jsonl ? "jsonl" : "csv";
  char name[4][32];
  snprintf(name[0], sizeof name[0], "figures.%s", ext);
  snprintf(name[1], sizeof name[1], "parcels.%s", ext);
  snprintf(name[2], sizeof name[2], "documents.%s", ext);
  snprintf(name[3], sizeof name[3], "tables.%s", ext);
  if (!(w->set = gf_out_begin(dir)) ||
      !(w->figs = gf_out_file(w->set, name[0])) ||
      !(w->pars = gf_out_file(w->set, name[1])) ||
      !(w->docs = gf_out_file(w->set, name[2])) ||
      (o->tables && !(w->tabs = gf_out_file(w->set, name[3])))) {
    gf_out_abort(w->set);
    w->set = NULL;
    return -1;
  }
  return 0;
}

/* Appends one input's records to w, the headers with the first. */
static int write_records(const extract_ctx *x, outputs *w, extracted *r) {
  int jsonl = x->o->jsonl;
  unsigned bom = x->o->bom ? GF_OPT_BOM : 0;
  FILE *bad = NULL;
  if ((jsonl ? gf_figures_write_jsonl(r->figs, w->figs)
             : gf_figures_write_csv(r->figs, w->figs,
                                    w->n_figs ? GF_OPT_NO_HEADER : bom)))
    bad = w->figs;
  else if (r->parcels &&
           (jsonl ? gf_parcels_write_jsonl(r->parcels, w->pars)
                  : gf_parcels_write_csv(r->parcels, w->pars,
                                         w->n_pars ? GF_OPT_NO_HEADER : bom)))
    bad = w->pars;
  else if (jsonl ? gf_documents_write_jsonl(&r->doc, 1, w->docs)
                 : gf_documents_write_csv(&r->doc, 1, w->docs,
                                          w->n_docs ? GF_OPT_NO_HEADER : bom))
    bad = w->docs;
  else if (w->tabs && r->tables &&
           (jsonl ? gf_tables_write_jsonl(r->tables, w->tabs)
                  : gf_tables_write_csv(r->tables, w->tabs,
                                        w->n_tabs ? GF_OPT_NO_HEADER : bom)))
    bad = w->tabs;
  if (bad) {
    gf_out_fail(w->set, bad);
    return -1;
  }
  w->n_figs++;
  w->n_docs++;
  if (r->parcels) w->n_pars++;
  if (r->tables) w->n_tabs++;
  return 0;
}

/* Inputs whose parcels could not be read still get the CSV header. */
static int finish_outputs(const extract_ctx *x, outputs *w) {
  if (w->n_pars == 0 && !x->o->jsonl &&
      gf_parcels_write_header(w->pars, x->o->bom ? GF_OPT_BOM : 0) !=
          GF_OK) {
    gf_out_fail(w->set, w->pars);
    return -1;
  }
  if (w->tabs && w->n_tabs == 0 && !x->o->jsonl &&
      gf_tables_write_header(w->tabs, x->o->bom ? GF_OPT_BOM : 0) != GF_OK) {
    gf_out_fail(w->set, w->tabs);
    return -1;
  }
  return 0;
}

/* DIR with every {name} replaced by the input's file name without its
 * directory and its .pdf or .txt ending (malloc'd; NULL when out of
 * memory). */
static char *expand_dir(const char *dir, const char *path) {
  const char *base = strrchr(path, '/');
  base = base ? base + 1 : path;
  size_t blen = strlen(base);
  if (blen > 4 && base[blen - 4] == '.' &&
      (gf_cli_is_text_path(base) ||
       strcmp(base + blen - 4, ".pdf") == 0 ||
       strcmp(base + blen - 4, ".PDF") == 0))
    blen -= 4;
  size_t cap = strlen(dir) + 1, n = 0;
  for (const char *p = dir; (p = strstr(p, "{name}")); p += 6) n++;
  cap += n * blen;
  char *out = malloc(cap), *o = out;
  if (!out) return NULL;
  for (const char *p = dir; *p;) {
    if (strncmp(p, "{name}", 6) == 0) {
      memcpy(o, base, blen);
      o += blen;
      p += 6;
    } else {
      *o++ = *p++;
    }
  }
  *o = '\0';
  return out;
}

/* One input's own set: DIR/{name}/figures.csv and the others. */
static int write_own_set(extract_ctx *x, const char *file, const char *path,
                         extracted *r) {
  char *dir = expand_dir(x->o->dir, file);
  if (!dir) {
    fprintf(stderr, GF_PROG ": %s: %s\n", path, gf_strerror(GF_ENOMEM));
    return -1;
  }
  outputs w;
  int rc = open_outputs(&w, dir, x->o);
  free(dir);
  if (rc) return -1;
  if (write_records(x, &w, r) != 0 || finish_outputs(x, &w) != 0) {
    gf_out_commit(w.set); /* fails, reported, and leaves the dir as was */
    return -1;
  }
  return gf_out_commit(w.set);
}

static int store_one(extract_ctx *x, const char *path, extracted *r) {
  gf_error err = {0};
  int replaced = 0;
  if (gf_store_add(x->store, &r->doc, r->figs, r->parcels, r->tables,
                   &replaced, &err) != GF_OK) {
    fprintf(stderr, GF_PROG ": %s: %s: cannot store %s\n", x->o->db,
            err.message ? err.message : gf_strerror(err.code), path);
    return -1;
  }
  if (x->o->verbose && !x->o->quiet)
    fprintf(stderr, GF_PROG ": %s: stored %s (%zu figures%s)\n", x->o->db,
            r->doc.doc, gf_figures_count(r->figs),
            replaced ? ", replacing the one stored before" : "");
  return 0;
}

/* In the calling thread, in input order: writes and stores one input's
 * records and releases them. */
static int extract_emit(void *arg, const char *file, void *result) {
  extract_ctx *x = arg;
  char shown[GF_SHOWN_MAX];
  const char *path = file ? gf_cli_shown(file, shown, sizeof shown) : NULL;
  extracted *r = result;
  if (path && !x->output_failed) {
    if (!r || !r->figs) {
      x->input_failed = 1;
    } else {
      for (size_t i = 0; r->parcels && x->o->verbose && !x->o->quiet &&
                         i < gf_parcels_warning_count(r->parcels); i++)
        fprintf(stderr, GF_PROG ": %s: warning: %s\n", path,
                gf_parcels_warning_at(r->parcels, i)->message);
      int failed = 0;
      if (x->per_input) failed = write_own_set(x, file, path, r) != 0;
      else if (x->out.set) failed = write_records(x, &x->out, r) != 0;
      if (!failed && x->store && store_one(x, path, r) != 0)
        failed = x->store_failed = 1;
      if (failed) x->output_failed = 1;
      else x->n_good++;
    }
  }
  if (r) {
    gf_tables_free(r->tables);
    gf_parcels_free(r->parcels);
    gf_figures_free(r->figs);
    free(r->name);
  }
  free(r);
  return x->output_failed;
}

/* Ends the run's one set: committed when an input was written. */
static gf_exit end_outputs(extract_ctx *x) {
  if (!x->out.set) return GF_EXIT_OK;
  if (x->store_failed || (x->n_good == 0 && !x->output_failed)) {
    /* the older files stay: nothing new, or not all of it */
    gf_out_abort(x->out.set);
    return GF_EXIT_OK;
  }
  if (!x->output_failed && finish_outputs(x, &x->out) != 0)
    x->output_failed = 1;
  /* after a failure the commit reports it and changes nothing */
  return gf_out_commit(x->out.set) != 0 ? GF_EXIT_OUTPUT : GF_EXIT_OK;
}

gf_exit gf_cli_extract(const gf_extract_opts *o) {
  extract_ctx x;
  memset(&x, 0, sizeof x);
  x.o = o;
  x.per_input = o->dir && strstr(o->dir, "{name}") != NULL;
  char **paths = NULL;
  size_t n_paths = 0;
  int bad_dirs = gf_cli_inputs(o->inputs, o->n_inputs, &paths, &n_paths);
  if (bad_dirs < 0) return GF_EXIT_INPUT;
  x.input_failed = bad_dirs > 0;
  if (n_paths == 0) return GF_EXIT_INPUT; /* only empty directories */
  gf_indicators *vocab = NULL;
  gf_exit status = GF_EXIT_OK;
  if (gf_cli_vocabulary(o->vocab_path, &vocab) != 0) {
    status = GF_EXIT_USAGE;
    goto done;
  }
  x.vocab = vocab;
  if (o->db && gf_cli_store_open(o->db, &x.store) != 0) {
    status = GF_EXIT_OUTPUT;
    goto done;
  }
  if (o->dir && !x.per_input && open_outputs(&x.out, o->dir, o)) {
    status = GF_EXIT_OUTPUT;
    goto done;
  }
  gf_cli_batch b = {paths, n_paths, o->jobs, !o->quiet, extract_work,
                    extract_emit, &x};
  if (gf_cli_batch_run(&b) < 0) x.input_failed = 1;
  status = end_outputs(&x);
  if (status == GF_EXIT_OK && x.output_failed) status = GF_EXIT_OUTPUT;
  if (status == GF_EXIT_OK && (x.input_failed || x.n_good == 0))
    status = GF_EXIT_INPUT;
done:
  gf_store_free(x.store);
  gf_cli_inputs_free(paths, n_paths);
  gf_indicators_free(vocab);
  return status;
}
