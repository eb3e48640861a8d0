/* tables.c - `govfig tables [-o DIR] [--password PW] FILE...`: a thin
 * layer over gf_tables_extract.  Writes tables.csv (doc,page,table,row,
 * col,text; one row per cell, RFC 4180; or tables.jsonl with --format
 * jsonl) to standard output, or to DIR/tables.csv through an output set
 * (cli/out.h). */
#include <stdio.h>

#include "cli/cli.h"
#include "cli/out.h"
#include "cli/tables.h"
#include "include/govfig.h"

gf_exit gf_cli_tables(const gf_tables_opts *o) {
  gf_out *set = NULL;
  FILE *out = stdout;
  if (o->dir) {
    if (!(set = gf_out_begin(o->dir)) ||
        !(out = gf_out_file(set, o->jsonl ? "tables.jsonl" : "tables.csv"))) {
      gf_out_abort(set);
      return GF_EXIT_OUTPUT;
    }
  }
  int input_failed = 0, output_failed = 0;
  size_t n_good = 0;
  for (size_t i = 0; i < o->n_inputs && !output_failed; i++) {
    const char *path = o->inputs[i];
    gf_doc *doc = NULL;
    gf_tables *tabs = NULL;
    if (gf_cli_open_doc(stderr, path, o->password, 0, &doc) != GF_OK) {
      input_failed = 1;
      continue;
    }
    int rc = gf_tables_extract(doc, 0, &tabs, NULL);
    if (rc != GF_OK) {
      fprintf(stderr, GF_PROG ": %s: cannot extract tables: %s\n", path,
              gf_strerror(rc));
      input_failed = 1;
    } else if ((o->jsonl ? gf_tables_write_jsonl(tabs, out)
                         : gf_tables_write_csv(
                               tabs, out,
                               n_good ? GF_OPT_NO_HEADER
                                      : o->bom ? GF_OPT_BOM : 0)) != GF_OK) {
      if (set) gf_out_fail(set, out);
      output_failed = 1;
    } else {
      n_good++;
    }
    gf_tables_free(tabs);
    gf_doc_free(doc);
  }
  if (!set) { /* main closes stdout and reports a failure there */
    if (output_failed) return GF_EXIT_OUTPUT;
    return input_failed ? GF_EXIT_INPUT : GF_EXIT_OK;
  }
  if (n_good == 0 && !output_failed) {
    gf_out_abort(set);
    return GF_EXIT_INPUT;
  }
  if (gf_out_commit(set) != 0) return GF_EXIT_OUTPUT;
  return input_failed ? GF_EXIT_INPUT : GF_EXIT_OK;
}
