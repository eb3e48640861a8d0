/* govfig.c - the command-line tool, a thin layer over include/govfig.h:
 * parses arguments, opens inputs, hands them to the library, writes
 * figures.csv and parcels.csv (spec/records.md sections 1, 2) atomically,
 * prints one `govfig: FILE: reason` line per failed input and maps the
 * outcome to an exit status.  Commands live in a table so that later ones
 * (check, tables) are one entry each. */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "cli/batch.h"
#include "cli/check.h"
#include "cli/tables.h"
#include "include/govfig.h"

/* Exit statuses; repeated in --help and govfig.1. */
enum {
  EXIT_OK = 0,     /* every input was read and every output written */
  EXIT_INPUT = 1,  /* an input could not be read (the others were done) */
  EXIT_USAGE = 2,  /* bad command line */
  EXIT_OUTPUT = 3  /* an output could not be written */
};

#define PROG "govfig"

/* ------------------------------------------------------------- help */

static const char *const help_text[] = {
    "usage: govfig COMMAND [OPTION]... [ARG]...",
    "Extracts the figures of Chinese government report PDFs.",
    "",
    "Commands:",
    "  govfig extract [-o DIR] [--password PW] [-j N] [-q] [-v] FILE...",
    "      Extracts the figures of every FILE (a PDF, or UTF-8 text with",
    "      form feeds between pages when the name ends in .txt; a directory",
    "      stands for its *.pdf files, recursively, in name order) into",
    "      DIR/figures.csv (columns of spec/records.md, RFC 4180, UTF-8,",
    "      CRLF line ends): one header, then the rows of the files in the",
    "      order given.  The file is written under a temporary name in DIR",
    "      and renamed when complete, so an interrupted run leaves any older",
    "      figures.csv as it was.  A FILE that cannot be read is reported",
    "      and skipped; when no FILE can be read, figures.csv is not written",
    "      at all.  DIR/parcels.csv is written the same way beside it: one",
    "      row per land parcel described by its four boundaries (四至), from",
    "      tables and prose (columns of spec/records.md section 2; only the",
    "      header when there are none).",
    "      -o, --output DIR    directory for figures.csv (default: .; created",
    "                          when missing)",
    "      -p, --password PW   password for encrypted PDFs",
    "      -j, --jobs N        threads (1-64; default: the online cores):",
    "                          files are read in parallel, a lone long",
    "                          report's pages too; the output is the same",
    "                          for any N.  On a terminal, a progress line",
    "                          (files done, pages per second) on stderr",
    "      -q, --quiet         no warnings and no progress line (errors are",
    "                          still reported)",
    "      -v, --verbose       also warn of parcels lacking a boundary",
    "                          (\"govfig: FILE: warning: page N: parcel",
    "                          NAME: no 北至 (north) boundary\"); the field",
    "                          is left empty, never guessed",
    "      --indicators FILE   adds FILE's lines (the format of",
    "                          `govfig indicators`) to the vocabulary that",
    "                          gives indicator_key",
    "  govfig indicators [--indicators FILE]",
    "      Prints the indicator vocabulary in use (built in, plus FILE's",
    "      lines): KEY<TAB>up|down|-<TAB>VARIANT..., one indicator a line.",
    "  govfig text [--page N] [--password PW] FILE",
    "      Prints the text of every page as the library extracts it (what the",
    "      start and end columns count bytes of), a form feed between pages;",
    "      only page N (1-based) with --page.",
    "  govfig numbers",
    "      Reads UTF-8 text on standard input and prints every number in it,",
    "      figure or not, one per line: RAW<TAB>VALUE<TAB>UNIT, where RAW is",
    "      the input text of the number and VALUE its exact decimal value.",
    "  govfig tables [-o DIR] [--password PW] FILE...",
    "      Writes the tables found in every FILE (rebuilt from the glyph",
    "      positions: columns from white corridors, rows from white bands and",
    "      the first column's entries, wrapped cells joined, tables going on",
    "      over a page break joined) as tables.csv: doc,page,table,row,col,",
    "      text, one row per cell (empty cells too), to standard output, or",
    "      with -o to DIR/tables.csv (written under a temporary name and",
    "      renamed when complete).",
    "  govfig check [--password PW] [--consistency] [--verbose] PDF CSV",
    "      Checks a figures.csv (CSV; - for standard input) against the PDF",
    "      it came from: each row's raw stands on its page at start..end (or,",
    "      when start/end are empty, on that page or the next or previous",
    "      one), and reading it again gives value, unit, base_value.",
    "      Columns are found by name; a BOM, CRLF, reordered rows, extra",
    "      columns, 1,327.80 for 1327.8 and a leading ' are fine.  One line",
    "      per failing row on stdout, \"CSV:LINE: reason\" (LINE is where the",
    "      row starts in the file, the header being line 1); a summary on",
    "      stderr.  Exit 0 when every row holds, 1 when one does not, 2 for",
    "      a bad command line or input that cannot be read.",
    "      -p, --password PW   password for encrypted PDFs",
    "      -c, --consistency   also weigh rows against each other, printed",
    "                          as \"warning: CSV:L1,L2,...: reason\": a share",
    "                          against the part and whole it names, a growth",
    "                          against this and last year's levels, a share",
    "                          above 100%, base_value against value and unit",
    "      -v, --verbose       also \"note: CSV:LINE:\" where rows without",
    "                          start/end were found, and \"verbose: ...\" for",
    "                          each relation between rows that holds",
    "  govfig help, govfig --help, govfig -h",
    "      This text.",
    "  govfig --version, govfig -V",
    "      The version.",
    "",
    "Exit status:",
    "  0  success",
    "  1  an input failed (the other inputs were still processed)",
    "  2  usage error",
    "  3  output write failed (nothing is left half-written)",
    "  128+N  killed by signal N (130 SIGINT, 143 SIGTERM): the temporary",
    "     file is removed, older output files are left as they were",
    "",
    "Messages on standard error, one line per failed input, in input order:",
    "  govfig: FILE: empty file (0 bytes)",
    "  govfig: FILE: not a PDF (no %PDF header)",
    "  govfig: FILE: encrypted PDF; give the password with --password",
    "  govfig: FILE: encrypted PDF; wrong password",
    "  govfig: FILE: damaged PDF: the reader cannot open it",
    "  govfig: FILE: PDF has no pages",
    "  govfig: FILE: no text layer (a scanned PDF?); run OCR first",
    "  govfig: FILE: no text at all (blank pages, no images)",
    "  govfig: FILE: cannot read: REASON",
    "  govfig: FILE: not valid UTF-8 text (byte N)",
    "  govfig: DIR: cannot read directory: REASON",
    "  govfig: DIR: no PDF files in this directory",
    "  govfig: FILE: warning: damaged, extracted what could be read",
    "     (exit 0: the PDF reader had to repair the file or skip parts)",
    NULL};

static int cmd_help(int argc, char **argv) {
  (void)argc;
  (void)argv;
  for (size_t i = 0; help_text[i]; i++) puts(help_text[i]);
  return EXIT_OK;
}

/* ------------------------------------------------------------- messages */

static int usage_error(const char *cmd, const char *what, const char *arg) {
  if (cmd)
    fprintf(stderr, PROG ": %s: %s%s%s%s\n", cmd, what, arg ? " '" : "",
            arg ? arg : "", arg ? "'" : "");
  else
    fprintf(stderr, PROG ": %s%s%s%s\n", what, arg ? " '" : "", arg ? arg : "",
            arg ? "'" : "");
  fprintf(stderr, "Try '" PROG " --help' for more information.\n");
  return EXIT_USAGE;
}

/* getopt's complaint in our own words (opterr is 0). */
static int option_error(const char *cmd, int c, char **argv) {
  char opt[3] = {'-', (char)optopt, '\0'};
  const char *last = optind > 0 ? argv[optind - 1] : NULL;
  const char *name = last && strncmp(last, "--", 2) == 0 ? last : opt;
  return usage_error(cmd,
                     c == ':' ? "option needs an argument:"
                              : "unknown option",
                     name);
}

/* Why a document could not be opened, in words that say what to do. */
static void report_open_error(FILE *to, const char *path, int rc,
                              const gf_error *err, int saved_errno,
                              const char *password) {
  const char *msg = err->message;
  if (msg && strcmp(msg, gf_strerror(rc)) == 0) msg = NULL;
  switch (rc) {
  case GF_EENCRYPTED:
    fprintf(to, PROG ": %s: %s\n", path,
            password ? "encrypted PDF; wrong password"
                     : "encrypted PDF; give the password with --password");
    break;
  case GF_ENOTEXT:
    fprintf(to,
            PROG ": %s: no text layer (a scanned PDF?); run OCR first\n",
            path);
    break;
  case GF_EBLANK:
    fprintf(to, PROG ": %s: no text at all (blank pages, no images)\n",
            path);
    break;
  case GF_EEMPTY:
    fprintf(to, PROG ": %s: empty file (0 bytes)\n", path);
    break;
  case GF_ENOTPDF:
    fprintf(to, PROG ": %s: not a PDF (no %%PDF header)\n", path);
    break;
  case GF_EPDF:
    if (msg)
      fprintf(to, PROG ": %s: damaged PDF: %s\n", path, msg);
    else
      fprintf(to, PROG ": %s: %s\n", path, gf_strerror(rc));
    break;
  case GF_EIO:
    fprintf(to, PROG ": %s: cannot read: %s\n", path,
            saved_errno ? strerror(saved_errno) : gf_strerror(rc));
    break;
  case GF_ENOPAGES:
    fprintf(to, PROG ": %s: PDF has no pages\n", path);
    break;
  case GF_EUTF8:
    fprintf(to, PROG ": %s: not valid UTF-8 text (byte %zu)\n", path,
            err->offset);
    break;
  default:
    fprintf(to, PROG ": %s: %s\n", path, msg ? msg : gf_strerror(rc));
    break;
  }
}

/* ------------------------------------------------------------- inputs */

static int has_txt_suffix(const char *path) {
  size_t n = strlen(path);
  if (n < 4) return 0;
  const char *s = path + n - 4;
  return s[0] == '.' && (s[1] | 0x20) == 't' && (s[2] | 0x20) == 'x' &&
         (s[3] | 0x20) == 't';
}

/* Opens path as text (.txt) or PDF (gf_doc_open's opts); reports a
 * failure on to. */
static int open_doc(FILE *to, const char *path, const char *password,
                    unsigned opts, gf_doc **doc) {
  gf_error err = {0};
  errno = 0;
  int rc = has_txt_suffix(path)
               ? gf_doc_open_text_file(path, doc, &err)
               : gf_doc_open(path, password, opts, doc, &err);
  int saved_errno = errno;
  if (rc != GF_OK)
    report_open_error(to, path, rc, &err, saved_errno, password);
  return rc;
}

/* ------------------------------------------------------------- outputs */

/* The temporary output file, for the signal handler: the one place a
 * mutable global is needed, since a handler can reach nothing else. */
static char tmp_path[4096];
static volatile sig_atomic_t tmp_armed;

static void on_signal(int sig) {
  if (tmp_armed) unlink(tmp_path);  /* async-signal-safe */
  _exit(128 + sig);
}

/* Removes the temporary file on SIGINT, SIGTERM and SIGHUP, except for
 * signals the caller chose to ignore (nohup, background jobs). */
static void install_handlers(void) {
  static const int sigs[] = {SIGINT, SIGTERM, SIGHUP};
  struct sigaction sa, old;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_signal;
  sigemptyset(&sa.sa_mask);
  for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++)
    sigaddset(&sa.sa_mask, sigs[i]);
  for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++) {
    if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
      continue;
    sigaction(sigs[i], &sa, NULL);
  }
}

static void block_signals(int block, sigset_t *saved) {
  if (block) {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGHUP);
    sigprocmask(SIG_BLOCK, &set, saved);
  } else {
    sigprocmask(SIG_SETMASK, saved, NULL);
  }
}

/* mkdir -p: creates dir and its missing parents. */
static int make_dirs(const char *dir) {
  char buf[sizeof tmp_path];
  size_t n = strlen(dir);
  if (n >= sizeof buf) {
    errno = ENAMETOOLONG;
    return -1;
  }
  memcpy(buf, dir, n + 1);
  for (size_t i = 1; i <= n; i++) {
    if (buf[i] != '/' && buf[i] != '\0') continue;
    if (buf[i - 1] == '/') continue;
    char c = buf[i];
    buf[i] = '\0';
    if (mkdir(buf, 0777) != 0 && errno != EEXIST) return -1;
    buf[i] = c;
  }
  struct stat st;
  if (stat(dir, &st) != 0) return -1;
  if (!S_ISDIR(st.st_mode)) {
    errno = ENOTDIR;
    return -1;
  }
  return 0;
}

/* Creates DIR/.NAME.XXXXXX, armed for removal by the signal handler, with
 * the permissions an ordinary new file would get.  NULL on failure (errno). */
static FILE *open_temp(const char *dir, const char *name) {
  int n = snprintf(tmp_path, sizeof tmp_path, "%s/.%s.XXXXXX", dir, name);
  if (n < 0 || (size_t)n >= sizeof tmp_path) {
    errno = ENAMETOOLONG;
    return NULL;
  }
  sigset_t saved;
  block_signals(1, &saved);
  int fd = mkstemp(tmp_path);
  if (fd >= 0) tmp_armed = 1;
  block_signals(0, &saved);
  if (fd < 0) return NULL;
  mode_t mask = umask(0);
  umask(mask);
  if (fchmod(fd, 0666 & ~mask) != 0) {
    int e = errno;
    close(fd);
    errno = e;
    return NULL;
  }
  FILE *f = fdopen(fd, "w");
  if (!f) {
    int e = errno;
    close(fd);
    errno = e;
  }
  return f;
}

static void drop_temp(void) {
  if (tmp_armed) unlink(tmp_path);
  tmp_armed = 0;
}

/* Flushes stdout and closes it; a full disk or a closed pipe is a failure,
 * not a silent truncation. */
static int close_stdout(void) {
  int bad = fflush(stdout) != 0 || ferror(stdout);
  int e = errno;
  if (fclose(stdout) != 0 && !bad) {
    bad = 1;
    e = errno;
  }
  if (bad) {
    fprintf(stderr, PROG ": standard output: write failed: %s\n",
            e ? strerror(e) : "input/output error");
    return EXIT_OUTPUT;
  }
  return EXIT_OK;
}

/* ------------------------------------------------------------- extract */

/* One input's result, from a worker to the writer. */
typedef struct extracted {
  gf_figures *figs; /* NULL when the input failed (reported) */
  gf_parcels *parcels; /* NULL when none could be read (reported) */
} extracted;

typedef struct extract_ctx {
  const char *password;
  const gf_indicators *vocab;
  int quiet, verbose;
  FILE *out;
  gf_parcels **pars;  /* kept for parcels.csv, in input order */
  size_t n_pars;
  size_t n_good;
  int input_failed, output_failed, write_errno;
} extract_ctx;

/* In a worker thread: reads one input and finds its figures; the doc is
 * released here, so only the rows wait for their turn to be written. */
static void *extract_work(void *arg, const char *path, unsigned threads,
                          FILE *msgs, size_t *pages) {
  const extract_ctx *x = arg;
  *pages = 0;
  extracted *r = calloc(1, sizeof *r);
  if (!r) {
    fprintf(msgs, PROG ": %s: %s\n", path, gf_strerror(GF_ENOMEM));
    return NULL;
  }
  gf_doc *doc = NULL;
  if (open_doc(msgs, path, x->password, GF_OPT_THREADS(threads), &doc) !=
      GF_OK)
    return r;
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
  } else if ((rc = gf_parcels_extract(doc, 0, &r->parcels, NULL)) != GF_OK) {
    fprintf(msgs, PROG ": %s: cannot extract parcels: %s\n", path,
            gf_strerror(rc));
  }
  gf_doc_free(doc);
  return r;
}

/* In the calling thread, in input order: appends the rows (the header
 * with the first input that has any) and releases them. */
static int extract_emit(void *arg, const char *path, void *result) {
  extract_ctx *x = arg;
  extracted *r = result;
  if (path && !x->output_failed) {
    if (!r || !r->figs) {
      x->input_failed = 1;
    } else {
      errno = 0;
      int rc = gf_figures_write_csv(r->figs, x->out,
                                    x->n_good ? GF_OPT_NO_HEADER : 0);
      if (rc != GF_OK) {
        x->output_failed = 1;
        x->write_errno = errno;
      } else {
        x->n_good++;
      }
    }
    /* pars has room for every input (cmd_extract) */
    if (r && r->figs && r->parcels && !x->output_failed) {
      for (size_t i = 0; x->verbose && !x->quiet &&
                         i < gf_parcels_warning_count(r->parcels); i++)
        fprintf(stderr, PROG ": %s: warning: %s\n", path,
                gf_parcels_warning_at(r->parcels, i)->message);
      x->pars[x->n_pars++] = r->parcels;
      r->parcels = NULL;
    }
  }
  if (r) gf_parcels_free(r->parcels);
  if (r) gf_figures_free(r->figs);
  free(r);
  return x->output_failed;
}

/* Writes DIR/parcels.csv as figures.csv is written: a temporary file
 * renamed when complete; only the header when there are no parcels.
 * Returns 0 or -1 (reported). */
static int write_parcels(const char *dir, gf_parcels *const *pars,
                         size_t n) {
  char final[sizeof tmp_path];
  int len = snprintf(final, sizeof final, "%s/parcels.csv", dir);
  FILE *out = NULL;
  int rc = GF_EIO, e = 0;
  if (len < 0 || (size_t)len >= sizeof final) {
    e = ENAMETOOLONG;
    goto fail;
  }
  out = open_temp(dir, "parcels.csv");
  if (!out) {
    e = errno;
    goto fail;
  }
  errno = 0;
  rc = GF_OK;
  if (n == 0) {
    const char *const *cols = gf_parcels_columns();
    for (size_t i = 0; cols[i]; i++)
      fprintf(out, "%s%s", i ? "," : "", cols[i]);
    fputs("\r\n", out);
  }
  for (size_t i = 0; i < n && rc == GF_OK; i++)
    rc = gf_parcels_write_csv(pars[i], out, i ? GF_OPT_NO_HEADER : 0);
  if (rc != GF_OK || fflush(out) != 0 || ferror(out) ||
      fsync(fileno(out)) != 0)
    rc = GF_EIO;
  e = errno;
  if (fclose(out) != 0 && rc == GF_OK) {
    rc = GF_EIO;
    e = errno;
  }
  if (rc == GF_OK && rename(tmp_path, final) == 0) {
    tmp_armed = 0;
    return 0;
  }
  if (rc == GF_OK) e = errno;
fail:
  fprintf(stderr, PROG ": %s: write failed: %s\n", len > 0 ? final : dir,
          e ? strerror(e) : "input/output error");
  drop_temp();
  return -1;
}

/* -j's value: 1 to 64 threads. */
static int parse_jobs(const char *s, unsigned *jobs) {
  char *end;
  errno = 0;
  unsigned long v = strtoul(s, &end, 10);
  if (*s < '0' || *s > '9' || *end || errno || v < 1 || v > 64) return -1;
  *jobs = (unsigned)v;
  return 0;
}

static int cmd_extract(int argc, char **argv) {
  static const struct option longopts[] = {
      {"output", required_argument, NULL, 'o'},
      {"password", required_argument, NULL, 'p'},
      {"jobs", required_argument, NULL, 'j'},
      {"quiet", no_argument, NULL, 'q'},
      {"verbose", no_argument, NULL, 'v'},
      {"indicators", required_argument, NULL, 'I'},
      {"help", no_argument, NULL, 'h'},
      {NULL, 0, NULL, 0}};
  const char *dir = ".", *vocab_path = NULL;
  extract_ctx x;
  memset(&x, 0, sizeof x);
  long cores = sysconf(_SC_NPROCESSORS_ONLN);
  unsigned jobs = cores < 1 ? 1 : cores > 64 ? 64 : (unsigned)cores;
  int c;
  while ((c = getopt_long(argc, argv, ":o:p:j:qvh", longopts, NULL)) !=
         -1) {
    switch (c) {
    case 'o': dir = optarg; break;
    case 'p': x.password = optarg; break;
    case 'j':
      if (parse_jobs(optarg, &jobs) != 0)
        return usage_error("extract", "-j wants a thread count from 1 to 64, "
                                      "not", optarg);
      break;
    case 'q': x.quiet = 1; break;
    case 'v': x.verbose = 1; break;
    case 'I': vocab_path = optarg; break;
    case 'h': return cmd_help(0, NULL);
    default: return option_error("extract", c, argv);
    }
  }
  if (optind >= argc) return usage_error("extract", "no input FILE", NULL);
  if (!*dir) return usage_error("extract", "empty output directory", NULL);

  char final[sizeof tmp_path];
  int n = snprintf(final, sizeof final, "%s/figures.csv", dir);
  if (n < 0 || (size_t)n >= sizeof final) {
    fprintf(stderr, PROG ": %s: %s\n", dir, strerror(ENAMETOOLONG));
    return EXIT_OUTPUT;
  }
  char **paths = NULL;
  size_t n_paths = 0;
  int bad_dirs = gf_cli_inputs(argv + optind, (size_t)(argc - optind), &paths,
                               &n_paths);
  if (bad_dirs < 0) return EXIT_INPUT;
  x.input_failed = bad_dirs > 0;
  if (n_paths == 0) return EXIT_INPUT; /* only empty directories */
  if (make_dirs(dir) != 0) {
    fprintf(stderr, PROG ": %s: cannot create directory: %s\n", dir,
            strerror(errno));
    gf_cli_inputs_free(paths, n_paths);
    return EXIT_OUTPUT;
  }
  gf_indicators *vocab = NULL;
  if (gf_cli_vocabulary(vocab_path, &vocab) != 0) {
    gf_cli_inputs_free(paths, n_paths);
    return EXIT_USAGE;
  }
  x.vocab = vocab;
  install_handlers();
  x.out = open_temp(dir, "figures.csv");
  if (!x.out) {
    fprintf(stderr, PROG ": %s: cannot create output file: %s\n", dir,
            strerror(errno));
    drop_temp();
    gf_cli_inputs_free(paths, n_paths);
    gf_indicators_free(vocab);
    return EXIT_OUTPUT;
  }

  x.pars = calloc(n_paths, sizeof *x.pars);
  gf_cli_batch b = {paths, n_paths, jobs, !x.quiet, extract_work,
                    extract_emit, &x};
  if (!x.pars) {
    fprintf(stderr, PROG ": %s\n", gf_strerror(GF_ENOMEM));
    x.output_failed = 1;
  } else if (gf_cli_batch_run(&b) < 0) {
    x.input_failed = 1;
  }
  gf_cli_inputs_free(paths, n_paths);
  FILE *out = x.out;
  int output_failed = x.output_failed, write_errno = x.write_errno;

  errno = 0;
  if (!output_failed && (fflush(out) != 0 || ferror(out) ||
                         fsync(fileno(out)) != 0)) {
    output_failed = 1;
    write_errno = errno;
  }
  if (fclose(out) != 0 && !output_failed) {
    output_failed = 1;
    write_errno = errno;
  }
  int status = x.input_failed ? EXIT_INPUT : EXIT_OK;
  if (output_failed) {
    fprintf(stderr, PROG ": %s: write failed: %s\n", final,
            write_errno ? strerror(write_errno) : "input/output error");
    drop_temp();
    status = EXIT_OUTPUT;
  } else if (x.n_good == 0) { /* nothing to show: keep the older files */
    drop_temp();
    status = EXIT_INPUT;
  } else if (rename(tmp_path, final) != 0) {
    fprintf(stderr, PROG ": %s: cannot rename output into place: %s\n",
            final, strerror(errno));
    drop_temp();
    status = EXIT_OUTPUT;
  } else {
    tmp_armed = 0;
    if (write_parcels(dir, x.pars, x.n_pars) != 0) status = EXIT_OUTPUT;
  }
  for (size_t i = 0; i < x.n_pars; i++) gf_parcels_free(x.pars[i]);
  free(x.pars);
  gf_indicators_free(vocab);
  return status;
}

/* ------------------------------------------------------------- text */

/* A page number: decimal digits only, 1 or more. */
static int parse_page(const char *s, size_t *page) {
  if (!*s) return -1;
  size_t v = 0;
  for (; *s; s++) {
    if (*s < '0' || *s > '9' || v > ((size_t)-1 - 9) / 10) return -1;
    v = v * 10 + (size_t)(*s - '0');
  }
  if (v == 0) return -1;
  *page = v;
  return 0;
}

static int cmd_text(int argc, char **argv) {
  static const struct option longopts[] = {
      {"page", required_argument, NULL, 'n'},
      {"password", required_argument, NULL, 'p'},
      {"help", no_argument, NULL, 'h'},
      {NULL, 0, NULL, 0}};
  const char *password = NULL;
  size_t page = 0;
  int c;
  while ((c = getopt_long(argc, argv, ":n:p:h", longopts, NULL)) != -1) {
    switch (c) {
    case 'n':
      if (parse_page(optarg, &page) != 0)
        return usage_error("text", "--page wants a page number from 1, not",
                           optarg);
      break;
    case 'p': password = optarg; break;
    case 'h': return cmd_help(0, NULL);
    default: return option_error("text", c, argv);
    }
  }
  if (optind >= argc) return usage_error("text", "no input FILE", NULL);
  if (argc - optind > 1)
    return usage_error("text", "one FILE only, got also", argv[optind + 1]);
  const char *path = argv[optind];
  gf_doc *doc = NULL;
  if (open_doc(stderr, path, password, 0, &doc) != GF_OK) return EXIT_INPUT;
  size_t n_pages = gf_doc_page_count(doc);
  int status = EXIT_OK;
  if (page > n_pages) {
    fprintf(stderr, PROG ": %s: no page %zu (the document has %zu)\n", path,
            page, n_pages);
    status = EXIT_INPUT;
  } else {
    size_t first = page ? page : 1, last = page ? page : n_pages;
    for (size_t p = first; p <= last; p++) {
      size_t len = 0;
      const char *text = gf_doc_page_text(doc, p, &len);
      if (p > first) putchar('\f');
      if (text) fwrite(text, 1, len, stdout);
    }
  }
  gf_doc_free(doc);
  return status;
}

/* ------------------------------------------------------------- numbers */

static int cmd_numbers(int argc, char **argv) {
  static const struct option longopts[] = {
      {"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0}};
  int c;
  while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
    if (c == 'h') return cmd_help(0, NULL);
    return option_error("numbers", c, argv);
  }
  if (optind < argc)
    return usage_error("numbers", "reads standard input; unexpected argument",
                       argv[optind]);

  char *text = NULL;
  size_t len = 0, cap = 0;
  int status = EXIT_OK;
  for (;;) {
    if (cap - len < 4096) {
      size_t ncap = cap ? 2 * cap : 65536;
      char *p = realloc(text, ncap);
      if (!p) {
        fprintf(stderr, PROG ": -: %s\n", gf_strerror(GF_ENOMEM));
        free(text);
        return EXIT_INPUT;
      }
      text = p;
      cap = ncap;
    }
    size_t got = fread(text + len, 1, cap - len, stdin);
    len += got;
    if (got == 0) break;
  }
  if (ferror(stdin)) {
    fprintf(stderr, PROG ": -: cannot read: %s\n", strerror(errno));
    free(text);
    return EXIT_INPUT;
  }
  gf_numbers *nums = NULL;
  gf_error err = {0};
  int rc = gf_numbers_scan(text, len, 0, &nums, &err);
  if (rc == GF_EUTF8) {
    fprintf(stderr, PROG ": -: not valid UTF-8 text (byte %zu)\n", err.offset);
    status = EXIT_INPUT;
  } else if (rc != GF_OK) {
    fprintf(stderr, PROG ": -: %s\n", gf_strerror(rc));
    status = EXIT_INPUT;
  } else {
    size_t n = gf_numbers_count(nums);
    for (size_t i = 0; i < n; i++) {
      const gf_number *num = gf_numbers_at(nums, i);
      fwrite(text + num->start, 1, num->end - num->start, stdout);
      printf("\t%s\t%s\n", num->value, num->unit);
    }
  }
  gf_numbers_free(nums);
  free(text);
  return status;
}

/* ------------------------------------------------------------- main */

typedef struct command {
  const char *name;
  int (*run)(int argc, char **argv);  /* argv[0] is the command's name */
} command;

static const command commands[] = {
    {"extract", cmd_extract},
    {"text", cmd_text},
    {"numbers", cmd_numbers},
    {"check", gf_cli_check},
    {"tables", gf_cli_tables},
    {"indicators", gf_cli_indicators},
    {"help", cmd_help},
};

int main(int argc, char **argv) {
  static const struct option longopts[] = {
      {"help", no_argument, NULL, 'h'},
      {"version", no_argument, NULL, 'V'},
      {NULL, 0, NULL, 0}};
  int status = EXIT_USAGE, c;
  opterr = 0;
  /* '+': stop at the command; its options are its own. */
  while ((c = getopt_long(argc, argv, "+:hV", longopts, NULL)) != -1) {
    switch (c) {
    case 'h': status = cmd_help(0, NULL); goto done;
    case 'V': printf(PROG " %s\n", gf_version()); status = EXIT_OK; goto done;
    default: status = option_error(NULL, c, argv); goto done;
    }
  }
  if (optind >= argc) {
    status = usage_error(
        NULL, "no command (extract, text, numbers, check, tables, indicators, help)",
        NULL);
    goto done;
  }
  const command *cmd = NULL;
  for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
    if (strcmp(argv[optind], commands[i].name) == 0) cmd = &commands[i];
  if (!cmd) {
    status = usage_error(NULL, "unknown command", argv[optind]);
    goto done;
  }
  int sub_argc = argc - optind;
  char **sub_argv = argv + optind;
  optind = 0;  /* glibc and musl: start a fresh scan, permuting again */
  status = cmd->run(sub_argc, sub_argv);
done:
  if (close_stdout() != EXIT_OK) status = EXIT_OUTPUT;
  return status;
}

/* ------------------------------------------------------------- shared
 * For the commands in files of their own (cli/check.h). */

int gf_cli_usage_error(const char *cmd, const char *what, const char *arg) {
  return usage_error(cmd, what, arg);
}

int gf_cli_option_error(const char *cmd, int c, char **argv) {
  return option_error(cmd, c, argv);
}

int gf_cli_open_doc(const char *path, const char *password, gf_doc **doc) {
  return open_doc(stderr, path, password, 0, doc);
}

int gf_cli_help(void) { return cmd_help(0, NULL); }

int gf_cli_make_dirs(const char *dir) { return make_dirs(dir); }

FILE *gf_cli_open_temp(const char *dir, const char *name) {
  install_handlers();
  return open_temp(dir, name);
}

int gf_cli_commit_temp(const char *final) {
  if (rename(tmp_path, final) != 0) {
    int e = errno;
    drop_temp();
    errno = e;
    return -1;
  }
  tmp_armed = 0;
  return 0;
}

void gf_cli_drop_temp(void) { drop_temp(); }
