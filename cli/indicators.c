/* indicators.c - `govfig indicators`: prints the indicator vocabulary in
 * use (the built-in extract/indicators.tsv plus a user's --indicators
 * file), and the loading of that vocabulary for the other commands. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/check.h"
#include "include/govfig.h"

int gf_cli_vocabulary(const char *path, gf_indicators **out) {
  gf_error err = {0};
  *out = NULL;
  if (gf_indicators_new(out, &err) != GF_OK) {
    fprintf(stderr, "govfig: %s\n", gf_strerror(err.code));
    return -1;
  }
  if (!path) return 0;
  char *text = NULL;
  size_t len = 0;
  if (gf_cli_read_all(path, &text, &len) != 0) {
    fprintf(stderr, "govfig: %s: cannot read: %s\n", path, strerror(errno));
    free(text);
    gf_indicators_free(*out);
    *out = NULL;
    return -1;
  }
  int rc = gf_indicators_add(*out, text, len, path, &err);
  free(text);
  if (rc != GF_OK) {
    fprintf(stderr, "govfig: %s:%zu: %s\n", path, err.line,
            err.message ? err.message : gf_strerror(rc));
    gf_indicators_free(*out);
    *out = NULL;
    return -1;
  }
  return 0;
}

int gf_cli_indicators(int argc, char **argv) {
  static const struct option longopts[] = {
      {"indicators", required_argument, NULL, 'I'},
      {"help", no_argument, NULL, 'h'},
      {NULL, 0, NULL, 0}};
  const char *user = NULL;
  int c;
  while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
    switch (c) {
    case 'I': user = optarg; break;
    case 'h': return gf_cli_help();
    default: return gf_cli_option_error("indicators", c, argv);
    }
  }
  if (optind < argc)
    return gf_cli_usage_error("indicators", "takes no FILE; use --indicators",
                              argv[optind]);
  gf_indicators *v = NULL;
  if (gf_cli_vocabulary(user, &v) != 0) return 1;
  int rc = gf_indicators_write(v, stdout);
  gf_indicators_free(v);
  return rc == GF_OK ? 0 : 3;
}
