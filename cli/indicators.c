/* indicators.c - `govfig indicators`: prints the indicator vocabulary in
 * use (the built-in extract/indicators.tsv plus a user's --indicators
 * file), and the loading of that vocabulary for the other commands. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/indicators.h"
#include "include/govfig.h"

int gf_cli_vocabulary(const char *path, gf_indicators **out) {
  gf_error err = {0};
  *out = NULL;
  if (gf_indicators_new(out, &err) != GF_OK) {
    fprintf(stderr, GF_PROG ": %s\n", gf_strerror(err.code));
    return -1;
  }
  if (!path) return 0;
  char *text = NULL;
  size_t len = 0;
  if (gf_cli_read_all(path, &text, &len) != 0) {
    fprintf(stderr, GF_PROG ": %s: cannot read: %s\n", path, strerror(errno));
    free(text);
    gf_indicators_free(*out);
    *out = NULL;
    return -1;
  }
  int rc = gf_indicators_add(*out, text, len, path, &err);
  free(text);
  if (rc != GF_OK) {
    fprintf(stderr, GF_PROG ": %s:%zu: %s\n", path, err.line,
            err.message ? err.message : gf_strerror(rc));
    gf_indicators_free(*out);
    *out = NULL;
    return -1;
  }
  return 0;
}

gf_exit gf_cli_indicators(const char *vocab_path) {
  gf_indicators *v = NULL;
  if (gf_cli_vocabulary(vocab_path, &v) != 0) return GF_EXIT_USAGE;
  int rc = gf_indicators_write(v, stdout);
  gf_indicators_free(v);
  return rc == GF_OK ? GF_EXIT_OK : GF_EXIT_OUTPUT;
}
