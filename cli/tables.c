/* tables.c - `govfig tables [-o DIR] [--password PW] FILE...`: a thin
 * layer over gf_tables_extract.  Writes tables.csv (doc,page,table,row,
 * col,text; one row per cell, RFC 4180) to standard output, or to
 * DIR/tables.csv through a temporary file renamed when complete. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/check.h"
#include "cli/tables.h"
#include "include/govfig.h"

#define PROG "govfig"

/* Exit statuses (cli/govfig.c's enum, --help and govfig.1). */
enum { T_OK = 0, T_INPUT = 1, T_USAGE = 2, T_OUTPUT = 3 };

int gf_cli_tables(int argc, char **argv) {
  static const struct option longopts[] = {
      {"output", required_argument, NULL, 'o'},
      {"password", required_argument, NULL, 'p'},
      {"help", no_argument, NULL, 'h'},
      {NULL, 0, NULL, 0}};
  const char *dir = NULL, *password = NULL;
  int c;
  while ((c = getopt_long(argc, argv, ":o:p:h", longopts, NULL)) != -1) {
    switch (c) {
    case 'o': dir = optarg; break;
    case 'p': password = optarg; break;
    case 'h': return gf_cli_help();
    default: return gf_cli_option_error("tables", c, argv);
    }
  }
  if (optind >= argc) return gf_cli_usage_error("tables", "no input FILE",
                                                NULL);
  if (dir && !*dir)
    return gf_cli_usage_error("tables", "empty output directory", NULL);

  char final[4096];
  FILE *out = stdout;
  if (dir) {
    int n = snprintf(final, sizeof final, "%s/tables.csv", dir);
    if (n < 0 || (size_t)n >= sizeof final) {
      fprintf(stderr, PROG ": %s: %s\n", dir, strerror(ENAMETOOLONG));
      return T_OUTPUT;
    }
    if (gf_cli_make_dirs(dir) != 0) {
      fprintf(stderr, PROG ": %s: cannot create directory: %s\n", dir,
              strerror(errno));
      return T_OUTPUT;
    }
    out = gf_cli_open_temp(dir, "tables.csv");
    if (!out) {
      fprintf(stderr, PROG ": %s: cannot create output file: %s\n", dir,
              strerror(errno));
      return T_OUTPUT;
    }
  }

  int input_failed = 0, output_failed = 0;
  size_t n_good = 0;
  for (int i = optind; i < argc && !output_failed; i++) {
    gf_doc *doc = NULL;
    gf_tables *tabs = NULL;
    if (gf_cli_open_doc(argv[i], password, &doc) != GF_OK) {
      input_failed = 1;
      continue;
    }
    int rc = gf_tables_extract(doc, 0, &tabs, NULL);
    if (rc != GF_OK) {
      fprintf(stderr, PROG ": %s: cannot extract tables: %s\n", argv[i],
              gf_strerror(rc));
      input_failed = 1;
    } else if (gf_tables_write_csv(tabs, out,
                                   n_good ? GF_OPT_NO_HEADER : 0) != GF_OK) {
      output_failed = 1;
    } else {
      n_good++;
    }
    gf_tables_free(tabs);
    gf_doc_free(doc);
  }
  if (!dir) {  /* main closes stdout and reports a failure there */
    if (output_failed) return T_OUTPUT;
    return input_failed ? T_INPUT : T_OK;
  }
  errno = 0;
  if (fflush(out) != 0 || ferror(out)) output_failed = 1;
  int e = errno;
  if (fclose(out) != 0 && !output_failed) {
    output_failed = 1;
    e = errno;
  }
  if (output_failed) {
    fprintf(stderr, PROG ": %s: write failed: %s\n", final,
            e ? strerror(e) : "input/output error");
    gf_cli_drop_temp();
    return T_OUTPUT;
  }
  if (n_good == 0) {
    gf_cli_drop_temp();
    return T_INPUT;
  }
  if (gf_cli_commit_temp(final) != 0) {
    fprintf(stderr, PROG ": %s: cannot rename output into place: %s\n",
            final, strerror(errno));
    return T_OUTPUT;
  }
  return input_failed ? T_INPUT : T_OK;
}
