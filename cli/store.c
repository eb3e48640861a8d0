/* store.c - `govfig load --db FILE DIR...` and `govfig schema
 * [--postgres]`, thin layers over gf_store_load_dir and gf_store_schema,
 * and the opening of a store that `govfig extract --db` shares.  The
 * database is not an output set (cli/out.h): it is changed in place, one
 * transaction per document, which is what makes a killed run harmless. */
#include <stdio.h>

#include "cli/cli.h"
#include "cli/store.h"
#include "include/govfig.h"

int gf_cli_store_open(const char *path, gf_store **st) {
  gf_error err = {0};
  if (gf_store_open(path, 0, st, &err) == GF_OK) return 0;
  fprintf(stderr, GF_PROG ": %s: %s\n", path,
          err.message ? err.message : gf_strerror(err.code));
  return -1;
}

typedef struct load_ctx {
  const gf_load_opts *o;
  const char *dir;
  size_t n_docs;
} load_ctx;

static void loaded(void *arg, const char *doc, size_t n_figures,
                   int replaced) {
  load_ctx *c = arg;
  c->n_docs++;
  if (c->o->verbose && !c->o->quiet)
    fprintf(stderr, GF_PROG ": %s: loaded %s from %s (%zu figures%s)\n",
            c->o->db, doc, c->dir, n_figures,
            replaced ? ", replacing the one stored before" : "");
}

gf_exit gf_cli_load(const gf_load_opts *o) {
  gf_store *st = NULL;
  if (gf_cli_store_open(o->db, &st) != 0) return GF_EXIT_OUTPUT;
  gf_exit status = GF_EXIT_OK;
  for (size_t i = 0; i < o->n_dirs && status != GF_EXIT_OUTPUT; i++) {
    load_ctx c = {o, o->dirs[i], 0};
    gf_error err = {0};
    int rc = gf_store_load_dir(st, o->dirs[i], loaded, &c, &err);
    const char *msg = err.message ? err.message : gf_strerror(rc);
    if (rc == GF_ESTORE || rc == GF_ENOMEM) {
      fprintf(stderr, GF_PROG ": %s: %s (loading %s)\n", o->db, msg,
              o->dirs[i]);
      status = GF_EXIT_OUTPUT;
    } else if (rc == GF_ECSV && err.line) {
      fprintf(stderr, GF_PROG ": %s: %s (line %zu)\n", o->dirs[i], msg,
              err.line);
      status = GF_EXIT_INPUT;
    } else if (rc != GF_OK) {
      fprintf(stderr, GF_PROG ": %s: %s\n", o->dirs[i], msg);
      status = GF_EXIT_INPUT;
    }
  }
  gf_store_free(st);
  return status;
}

gf_exit gf_cli_schema(int dialect) {
  char *sql = NULL;
  if (gf_store_schema(dialect, &sql) != GF_OK) {
    fprintf(stderr, GF_PROG ": schema: %s\n", gf_strerror(GF_ENOMEM));
    return GF_EXIT_OUTPUT;
  }
  fputs(sql, stdout);
  gf_free(sql);
  return GF_EXIT_OK; /* main closes stdout and reports a failure there */
}
