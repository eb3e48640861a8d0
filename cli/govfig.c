/* govfig.c - the command-line tool, a thin layer over include/govfig.h:
 * dispatch, options and help.  Each command's options are parsed here
 * into its options struct and handed to the command's file (extract.c,
 * text.c, check.c, tables.c, view.c), which calls the library and writes through
 * cli/out.h; messages are `govfig: FILE: reason` lines and every status
 * is one of cli/cli.h's gf_exit.  Commands live in a table so that a new
 * one is one entry, one parser and one file. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/check.h"
#include "cli/cli.h"
#include "cli/extract.h"
#include "cli/indicators.h"
#include "cli/store.h"
#include "cli/tables.h"
#include "cli/text.h"
#include "cli/track.h"
#include "cli/view.h"
#include "include/govfig.h"

#define PROG GF_PROG

/* ------------------------------------------------------------- help */

static const char *const help_text[] = {
    "usage: govfig COMMAND [OPTION]... [ARG]...",
    "Extracts the figures of Chinese government report PDFs.",
    "",
    "Commands:",
    "  govfig extract [-o DIR] [--db FILE] [--format csv|jsonl] [--bom]",
    "                 [--tables] [--password PW] [-j N] [-q] [-v]",
    "                 [--max-glyphs N] [--max-page-time S] FILE...",
    "      Extracts the figures of every FILE (a PDF, or UTF-8 text with",
    "      form feeds between pages when the name ends in .txt; a directory",
    "      stands for its *.pdf files, recursively, in name order) into",
    "      DIR/figures.csv (columns of spec/records.md, RFC 4180, UTF-8,",
    "      CRLF line ends): one header, then the rows of the files in the",
    "      order given.  DIR/parcels.csv beside it has one row per land",
    "      parcel described by its four boundaries (四至), from tables and",
    "      prose (columns of spec/records.md section 2; only the header",
    "      when there are none).  Both are written under temporary names in",
    "      DIR and renamed together once both are complete: a failure or an",
    "      interruption anywhere leaves DIR as it was, and two runs into one",
    "      DIR leave one run's files, never a mix.  A FILE that cannot be",
    "      read is reported and skipped; when no FILE can be read, nothing",
    "      is written at all.  DIR/documents.csv names each document read:",
    "      doc,sha256,pages,report,year_actual,year_target (what `govfig",
    "      load` needs to store the directory later).",
    "      -o, --output DIR    directory for figures.csv (default: ., or",
    "                          none with --db; created when missing); every",
    "                          {name} in DIR is replaced by each FILE's name",
    "                          without .pdf/.txt: a directory per FILE",
    "      --db FILE           also stores every document in the SQLite",
    "                          store FILE (created when missing): one",
    "                          transaction per document, replacing the",
    "                          stored one with the same sha256 or name",
    "      --format jsonl      JSON Lines (figures.jsonl, parcels.jsonl,",
    "                          documents.jsonl) instead of CSV",
    "      --bom               CSV with a UTF-8 byte-order mark (Excel)",
    "      --tables            also DIR/tables.csv, the cells of the tables",
    "                          (what --db stores as table_cells)",
    "      -p, --password PW   password for encrypted PDFs",
    "      -j, --jobs N        threads (1-64; default: the online cores):",
    "                          files are read in parallel, a lone long",
    "                          report's pages too; the output is the same",
    "                          for any N.  On a terminal, a progress line",
    "                          (files done, pages per second) on stderr",
    "      -q, --quiet         no warnings and no progress line (errors are",
    "                          still reported)",
    "      -v, --verbose       also say what --db stored; warn of parcels",
    "                          lacking a boundary",
    "                          (\"govfig: FILE: warning: page N: parcel",
    "                          NAME: no 北至 (north) boundary\"); the field",
    "                          is left empty, never guessed; and, once",
    "                          per file, of invisible format characters",
    "                          removed from its text (\"govfig: FILE:",
    "                          warning: N invisible format characters",
    "                          ... removed from the text\")",
    "      --max-glyphs N      skip a page whose text has more than N",
    "                          glyphs (default 50000), with a warning",
    "                          (\"govfig: FILE: warning: page P skipped:",
    "                          ...\"); the rest of the file and batch goes on",
    "      --max-page-time S   skip a page whose text Poppler has not built",
    "                          within S seconds (default 5), the same way:",
    "                          a page of 100,000 tiny glyphs would take",
    "                          minutes, and later files are not held back",
    "      --indicators FILE   adds FILE's lines (the format of",
    "                          `govfig indicators`) to the vocabulary that",
    "                          gives indicator_key",
    "  govfig track [-o DIR] [--format csv|jsonl|text] [--indicators FILE]",
    "               [--db FILE] [--password PW] [-j N] [-q] [FILE...]",
    "      Each year's targets against that year's actuals in the other",
    "      reports: FILE are PDFs, .txt reports, directories (their *.pdf",
    "      files) or figures.csv files (a name ending in .csv), in any order.",
    "      One row per target (kind target): the actual of the same",
    "      indicator_key, period, measure, scope and comparable unit chosen",
    "      (the review part of the report that reviews the year preferred),",
    "      outcome met, missed or unknown, and a plain reason.  To standard",
    "      output, or with -o to DIR/track.csv (.jsonl, .txt), written",
    "      under a temporary name and renamed when complete.  A summary per",
    "      target year (targets, met, missed, unknown) on stderr, and as the",
    "      last lines of --format text.",
    "      -f, --format FMT    csv (default: records.md section 3's columns,",
    "                          then target_raw,actual_raw), jsonl (the same",
    "                          rows as JSON Lines) or text",
    "      -q, --quiet         no summary, warnings or progress line",
    "      --db FILE           also every document of the store FILE (then",
    "                          FILE arguments are optional), and the rows",
    "                          replace the store's track table",
    "  govfig indicators [--indicators FILE]",
    "      Prints the indicator vocabulary in use (built in, plus FILE's",
    "      lines): KEY<TAB>up|down|-<TAB>VARIANT..., one indicator a line.",
    "  govfig text [--page N] [--password PW] FILE",
    "      Prints the text of every page as the library extracts it (what the",
    "      start and end columns count bytes of), a form feed between pages;",
    "      only page N (1-based) with --page.",
    "  govfig numbers",
    "      Reads UTF-8 text on standard input and prints every number in it,",
    "      figure or not, one per line: RAW<TAB>VALUE<TAB>UNIT<TAB>BOUND,",
    "      where RAW is the input text of the number (format characters and",
    "      line breaks left out), VALUE its exact decimal value (magnitudes",
    "      applied), UNIT %, ‰, ‱, 个百分点 or empty, and BOUND exact, over",
    "      (500余万, 十多万) or about (十来个).",
    "      Ordinals (第一百零一) and dates (2023年, 3月15日) are left out; a",
    "      number that does not fit exactly (over 63 digits) is left out",
    "      with a warning on standard error, never rounded.",
    "  govfig tables [-o DIR] [--format csv|jsonl] [--bom] [--password PW]",
    "                FILE...",
    "      Writes the tables found in every FILE (rebuilt from the glyph",
    "      positions: columns from white corridors, rows from white bands and",
    "      the first column's entries, wrapped cells joined, tables going on",
    "      over a page break joined) as tables.csv: doc,page,table,row,col,",
    "      text, one row per cell (empty cells too), to standard output, or",
    "      with -o to DIR/tables.csv (written under a temporary name and",
    "      renamed when complete); tables.jsonl with --format jsonl; a",
    "      UTF-8 byte-order mark first with --bom.",
    "  govfig load --db FILE [-q] [-v] DIR...",
    "      Stores the documents of every DIR that `govfig extract -o DIR`",
    "      wrote (documents.csv, figures.csv, parcels.csv; tables.csv when",
    "      `govfig tables -o DIR` wrote one) in the SQLite store FILE,",
    "      created when missing: one transaction per document, replacing",
    "      the stored one with the same sha256 or name.  A BOM, CRLF and",
    "      columns in any order are read.  -v says what was loaded.",
    "  govfig schema [--postgres]",
    "      Prints the store's schema as SQL: SQLite's (what --db creates),",
    "      or with --postgres the same tables and series view for",
    "      PostgreSQL, to load the CSVs with \\copy.",
    "  govfig check [--password PW] [--consistency] [--verbose] PDF CSV",
    "  govfig check [--password PW] PDF... TRACK.CSV",
    "      Checks a figures.csv (CSV; - for standard input) against the PDF",
    "      it came from: each row's raw stands on its page at start..end (or,",
    "      when start/end are empty, on that page or the next or previous",
    "      one), and reading it again gives value, unit, base_value; a",
    "      box x0,y0,x1,y1, when filled in, holds the glyphs of raw.",
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
    "      With a track.csv (its header starts target_doc) and the PDFs its",
    "      rows name: both ends of every row are checked the same way (the",
    "      target's and the actual's raw at their page/start..end, read",
    "      again as their value and unit), one \"CSV:LINE: target: reason\"",
    "      or \"CSV:LINE: actual: reason\" per failing end; an end whose PDF",
    "      was not given fails as not checked.",
    "  govfig view [-o DIR] [--dpi N] [--csv FIGURES.csv] [-p PW] [-j N]",
    "              [-q] PDF",
    "      Writes a folder to check the figures by eye: DIR/index.html and",
    "      one image per page (page-0001.png, ...).  Each page is drawn at",
    "      --dpi with every figure boxed over its glyphs (blue: actual,",
    "      orange: target; the measure in the tooltip), parcels (green) and",
    "      tables (purple) too; beside the pages, the figures table (page,",
    "      indicator, value, unit, kind, period, raw).  Clicking a box",
    "      selects its row and the other way round; a filter by text, kind",
    "      and page.  Self-contained: it opens from file:// without",
    "      network.  The files are written under temporary names and",
    "      renamed together once all are complete (as for extract).",
    "      -o, --output DIR    the folder (default: NAME.view, NAME being",
    "                          the PDF's name without .pdf; created when",
    "                          missing)",
    "      --dpi N             resolution of the page images (1-1200;",
    "                          default 96)",
    "      --csv FILE          show the rows of FILE, a figures.csv perhaps",
    "                          edited in a spreadsheet, instead of",
    "                          extracting them; rows that govfig check",
    "                          rejects are marked red with the reason",
    "      -p, --password PW   password for encrypted PDFs",
    "      -j, --jobs N        threads drawing pages (1-64; default: the",
    "                          online cores)",
    "      -q, --quiet         no warnings",
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
    "     files are removed, older output files are left as they were",
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
    "  govfig: DB: not a govfig store (a database of another program)",
    "  govfig: DB: made by a newer govfig (a later schema version); use",
    "     that govfig or another file",
    "  govfig: DB: database is busy: another process kept it locked too long",
    "  govfig: DIR: no documents.csv: not a directory govfig extract wrote",
    "  govfig: FILE: warning: damaged, extracted what could be read",
    "     (exit 0: the PDF reader had to repair the file or skip parts)",
    NULL};

static int cmd_help(int argc, char **argv) {
  (void)argc;
  (void)argv;
  for (size_t i = 0; help_text[i]; i++) puts(help_text[i]);
  return GF_EXIT_OK;
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
  return GF_EXIT_USAGE;
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

/* ------------------------------------------------------------- values */

/* -j's value: 1 to 64 threads. */
static int parse_jobs(const char *s, unsigned *jobs) {
  char *end;
  errno = 0;
  unsigned long v = strtoul(s, &end, 10);
  if (*s < '0' || *s > '9' || *end || errno || v < 1 || v > 64) return -1;
  *jobs = (unsigned)v;
  return 0;
}

/* --max-glyphs: a count from 1 (decimal digits only). */
static int parse_count(const char *s, size_t *n) {
  char *end;
  errno = 0;
  unsigned long long v = strtoull(s, &end, 10);
  if (*s < '0' || *s > '9' || *end || errno || v < 1 || v >= (size_t)-1)
    return -1;
  *n = (size_t)v;
  return 0;
}

/* --max-page-time: seconds, decimals allowed, 0.001 to 3600, as ms. */
static int parse_seconds(const char *s, unsigned *ms) {
  char *end;
  errno = 0;
  double v = strtod(s, &end);
  if (*s < '0' || *s > '9' || *end || errno || !(v >= 0.001 && v <= 3600))
    return -1;
  *ms = (unsigned)(v * 1000 + 0.5);
  return 0;
}

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

/* --format's value: csv (0) or jsonl (1). */
static int parse_format(const char *s, int *jsonl) {
  if (strcmp(s, "csv") == 0) *jsonl = 0;
  else if (strcmp(s, "jsonl") == 0) *jsonl = 1;
  else return -1;
  return 0;
}

/* ------------------------------------------------------------- commands */

static int cmd_extract(int argc, char **argv) {
  static const struct option longopts[] = {
      {"output", required_argument, NULL, 'o'},
      {"password", required_argument, NULL, 'p'},
      {"jobs", required_argument, NULL, 'j'},
      {"quiet", no_argument, NULL, 'q'},
      {"verbose", no_argument, NULL, 'v'},
      {"indicators", required_argument, NULL, 'I'},
      {"max-glyphs", required_argument, NULL, 'G'},
      {"max-page-time", required_argument, NULL, 'T'},
      {"db", required_argument, NULL, 'D'},
      {"format", required_argument, NULL, 'F'},
      {"bom", no_argument, NULL, 'B'},
      {"tables", no_argument, NULL, 'K'},
      {"help", no_argument, NULL, 'h'},
      {NULL, 0, NULL, 0}};
  gf_extract_opts o;
  memset(&o, 0, sizeof o);
  long cores = sysconf(_SC_NPROCESSORS_ONLN);
  o.jobs = cores < 1 ? 1 : cores > 64 ? 64 : (unsigned)cores;
  int c;
  while ((c = getopt_long(argc, argv, ":o:p:j:qvh", longopts, NULL)) !=
         -1) {
    switch (c) {
    case 'o': o.dir = optarg; break;
    case 'p': o.password = optarg; break;
    case 'j':
      if (parse_jobs(optarg, &o.jobs) != 0)
        return usage_error("extract", "-j wants a thread count from 1 to 64, "
                                      "not", optarg);
      break;
    case 'q': o.quiet = 1; break;
    case 'v': o.verbose = 1; break;
    case 'I': o.vocab_path = optarg; break;
    case 'G':
      if (parse_count(optarg, &o.limits.max_glyphs) != 0)
        return usage_error("extract", "--max-glyphs wants a count from 1, "
                                      "not", optarg);
      break;
    case 'T':
      if (parse_seconds(optarg, &o.limits.page_ms) != 0)
        return usage_error("extract", "--max-page-time wants seconds "
                                      "(0.001 to 3600), not", optarg);
      break;
    case 'D': o.db = optarg; break;
    case 'F':
      if (parse_format(optarg, &o.jsonl) != 0)
        return usage_error("extract", "--format wants csv or jsonl, not",
                           optarg);
      break;
    case 'B': o.bom = 1; break;
    case 'K': o.tables = 1; break;
    case 'h': return cmd_help(0, NULL);
    default: return option_error("extract", c, argv);
    }
  }
  if (optind >= argc) return usage_error("extract", "no input FILE", NULL);
  if (!o.dir && !o.db) o.dir = "."; /* --db alone writes no files */
  if (o.dir && !*o.dir)
    return usage_error("extract", "empty output directory", NULL);
  if (o.db && !*o.db) return usage_error("extract", "empty --db", NULL);
  if (o.bom && o.jsonl)
    return usage_error("extract", "--bom is for CSV, not with", "--format "
                                                                "jsonl");
  o.inputs = argv + optind;
  o.n_inputs = (size_t)(argc - optind);
  return gf_cli_extract(&o);
}

static int cmd_text(int argc, char **argv) {
  static const struct option longopts[] = {
      {"page", required_argument, NULL, 'n'},
      {"password", required_argument, NULL, 'p'},
      {"help", no_argument, NULL, 'h'},
      {NULL, 0, NULL, 0}};
  gf_text_opts o;
  memset(&o, 0, sizeof o);
  int c;
  while ((c = getopt_long(argc, argv, ":n:p:h", longopts, NULL)) != -1) {
    switch (c) {
    case 'n':
      if (parse_page(optarg, &o.page) != 0)
        return usage_error("text", "--page wants a page number from 1, not",
                           optarg);
      break;
    case 'p': o.password = optarg; break;
    case 'h': return cmd_help(0, NULL);
    default: return option_error("text", c, argv);
    }
  }
  if (optind >= argc) return usage_error("text", "no input FILE", NULL);
  if (argc - optind > 1)
    return usage_error("text", "one FILE only, got also", argv[optind + 1]);
  o.path = argv[optind];
  return gf_cli_text(&o);
}

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
  return gf_cli_numbers();
}

static int cmd_check(int argc, char **argv) {
  static const struct option longopts[] = {
      {"password", required_argument, NULL, 'p'},
      {"consistency", no_argument, NULL, 'c'},
      {"verbose", no_argument, NULL, 'v'},
      {"help", no_argument, NULL, 'h'},
      {NULL, 0, NULL, 0}};
  gf_check_opts o;
  memset(&o, 0, sizeof o);
  int c;
  while ((c = getopt_long(argc, argv, ":p:cvh", longopts, NULL)) != -1) {
    switch (c) {
    case 'p': o.password = optarg; break;
    case 'c': o.consistency = 1; break;
    case 'v': o.verbose = 1; break;
    case 'h': return cmd_help(0, NULL);
    default: return option_error("check", c, argv);
    }
  }
  if (argc - optind < 2)
    return usage_error("check", "wants a PDF and a CSV", NULL);
  o.pdf = argv[optind];
  o.pdfs = argv + optind;
  o.n_pdfs = (size_t)(argc - optind - 1);
  o.csv = argv[argc - 1];
  return gf_cli_check(&o);
}

static int cmd_tables(int argc, char **argv) {
  static const struct option longopts[] = {
      {"output", required_argument, NULL, 'o'},
      {"password", required_argument, NULL, 'p'},
      {"format", required_argument, NULL, 'F'},
      {"bom", no_argument, NULL, 'B'},
      {"help", no_argument, NULL, 'h'},
      {NULL, 0, NULL, 0}};
  gf_tables_opts o;
  memset(&o, 0, sizeof o);
  int c;
  while ((c = getopt_long(argc, argv, ":o:p:h", longopts, NULL)) != -1) {
    switch (c) {
    case 'o': o.dir = optarg; break;
    case 'p': o.password = optarg; break;
    case 'F':
      if (parse_format(optarg, &o.jsonl) != 0)
        return usage_error("tables", "--format wants csv or jsonl, not",
                           optarg);
      break;
    case 'B': o.bom = 1; break;
    case 'h': return cmd_help(0, NULL);
    default: return option_error("tables", c, argv);
    }
  }
  if (optind >= argc) return usage_error("tables", "no input FILE", NULL);
  if (o.dir && !*o.dir)
    return usage_error("tables", "empty output directory", NULL);
  if (o.bom && o.jsonl)
    return usage_error("tables", "--bom is for CSV, not with", "--format "
                                                               "jsonl");
  o.inputs = argv + optind;
  o.n_inputs = (size_t)(argc - optind);
  return gf_cli_tables(&o);
}

static int cmd_track(int argc, char **argv) {
  static const struct option longopts[] = {
      {"output", required_argument, NULL, 'o'},
      {"format", required_argument, NULL, 'f'},
      {"password", required_argument, NULL, 'p'},
      {"jobs", required_argument, NULL, 'j'},
      {"indicators", required_argument, NULL, 'I'},
      {"quiet", no_argument, NULL, 'q'},
      {"db", required_argument, NULL, 'D'},
      {"help", no_argument, NULL, 'h'},
      {NULL, 0, NULL, 0}};
  gf_track_opts o;
  memset(&o, 0, sizeof o);
  long cores = sysconf(_SC_NPROCESSORS_ONLN);
  o.jobs = cores < 1 ? 1 : cores > 64 ? 64 : (unsigned)cores;
  int c;
  while ((c = getopt_long(argc, argv, ":o:f:p:j:qh", longopts, NULL)) !=
         -1) {
    switch (c) {
    case 'o': o.dir = optarg; break;
    case 'f':
      if (strcmp(optarg, "csv") == 0) o.format = GF_TRACK_FMT_CSV;
      else if (strcmp(optarg, "text") == 0) o.format = GF_TRACK_FMT_TEXT;
      else if (strcmp(optarg, "jsonl") == 0) o.format = GF_TRACK_FMT_JSONL;
      else return usage_error("track", "--format is csv, jsonl or text, not",
                              optarg);
      break;
    case 'p': o.password = optarg; break;
    case 'j':
      if (parse_jobs(optarg, &o.jobs) != 0)
        return usage_error("track", "-j wants a thread count from 1 to 64, "
                                    "not", optarg);
      break;
    case 'I': o.vocab_path = optarg; break;
    case 'q': o.quiet = 1; break;
    case 'D': o.db = optarg; break;
    case 'h': return cmd_help(0, NULL);
    default: return option_error("track", c, argv);
    }
  }
  if (optind >= argc && !o.db)
    return usage_error("track", "no input FILE (or --db FILE)", NULL);
  if (o.db && !*o.db) return usage_error("track", "empty --db", NULL);
  if (o.dir && !*o.dir)
    return usage_error("track", "empty output directory", NULL);
  o.inputs = argv + optind;
  o.n_inputs = (size_t)(argc - optind);
  return gf_cli_track(&o);
}

/* --dpi's value: a number from 1 to GF_RENDER_MAX_DPI. */
static int parse_dpi(const char *s, double *dpi) {
  char *end;
  errno = 0;
  double v = strtod(s, &end);
  if (*s < '0' || *s > '9' || *end || errno || !(v >= 1) ||
      v > GF_RENDER_MAX_DPI)
    return -1;
  *dpi = v;
  return 0;
}

static int cmd_view(int argc, char **argv) {
  static const struct option longopts[] = {
      {"output", required_argument, NULL, 'o'},
      {"dpi", required_argument, NULL, 'd'},
      {"csv", required_argument, NULL, 'c'},
      {"password", required_argument, NULL, 'p'},
      {"jobs", required_argument, NULL, 'j'},
      {"quiet", no_argument, NULL, 'q'},
      {"help", no_argument, NULL, 'h'},
      {NULL, 0, NULL, 0}};
  gf_view_opts o;
  memset(&o, 0, sizeof o);
  o.dpi = 96;
  long cores = sysconf(_SC_NPROCESSORS_ONLN);
  o.jobs = cores < 1 ? 1 : cores > 64 ? 64 : (unsigned)cores;
  int c;
  while ((c = getopt_long(argc, argv, ":o:p:j:qh", longopts, NULL)) != -1) {
    switch (c) {
    case 'o': o.dir = optarg; break;
    case 'd':
      if (parse_dpi(optarg, &o.dpi) != 0)
        return usage_error("view", "--dpi wants a resolution from 1 to 1200, "
                                   "not", optarg);
      break;
    case 'c': o.csv = optarg; break;
    case 'p': o.password = optarg; break;
    case 'j':
      if (parse_jobs(optarg, &o.jobs) != 0)
        return usage_error("view", "-j wants a thread count from 1 to 64, "
                                   "not", optarg);
      break;
    case 'q': o.quiet = 1; break;
    case 'h': return cmd_help(0, NULL);
    default: return option_error("view", c, argv);
    }
  }
  if (optind >= argc) return usage_error("view", "no input PDF", NULL);
  if (argc - optind > 1)
    return usage_error("view", "one PDF only, got also", argv[optind + 1]);
  if (o.dir && !*o.dir)
    return usage_error("view", "empty output directory", NULL);
  if (o.csv && !*o.csv) return usage_error("view", "empty --csv", NULL);
  o.pdf = argv[optind];
  return gf_cli_view(&o);
}

static int cmd_indicators(int argc, char **argv) {
  static const struct option longopts[] = {
      {"indicators", required_argument, NULL, 'I'},
      {"help", no_argument, NULL, 'h'},
      {NULL, 0, NULL, 0}};
  const char *vocab_path = NULL;
  int c;
  while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
    switch (c) {
    case 'I': vocab_path = optarg; break;
    case 'h': return cmd_help(0, NULL);
    default: return option_error("indicators", c, argv);
    }
  }
  if (optind < argc)
    return usage_error("indicators", "takes no FILE; use --indicators",
                       argv[optind]);
  return gf_cli_indicators(vocab_path);
}

static int cmd_load(int argc, char **argv) {
  static const struct option longopts[] = {
      {"db", required_argument, NULL, 'D'},
      {"quiet", no_argument, NULL, 'q'},
      {"verbose", no_argument, NULL, 'v'},
      {"help", no_argument, NULL, 'h'},
      {NULL, 0, NULL, 0}};
  gf_load_opts o;
  memset(&o, 0, sizeof o);
  int c;
  while ((c = getopt_long(argc, argv, ":qvh", longopts, NULL)) != -1) {
    switch (c) {
    case 'D': o.db = optarg; break;
    case 'q': o.quiet = 1; break;
    case 'v': o.verbose = 1; break;
    case 'h': return cmd_help(0, NULL);
    default: return option_error("load", c, argv);
    }
  }
  if (!o.db || !*o.db) return usage_error("load", "wants --db FILE", NULL);
  if (optind >= argc) return usage_error("load", "no DIR", NULL);
  o.dirs = argv + optind;
  o.n_dirs = (size_t)(argc - optind);
  return gf_cli_load(&o);
}

static int cmd_schema(int argc, char **argv) {
  static const struct option longopts[] = {
      {"postgres", no_argument, NULL, 'P'},
      {"help", no_argument, NULL, 'h'},
      {NULL, 0, NULL, 0}};
  int dialect = GF_SCHEMA_SQLITE, c;
  while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
    switch (c) {
    case 'P': dialect = GF_SCHEMA_POSTGRES; break;
    case 'h': return cmd_help(0, NULL);
    default: return option_error("schema", c, argv);
    }
  }
  if (optind < argc)
    return usage_error("schema", "takes no argument; got", argv[optind]);
  return gf_cli_schema(dialect);
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
    {"check", cmd_check},
    {"tables", cmd_tables},
    {"indicators", cmd_indicators},
    {"track", cmd_track},
    {"view", cmd_view},
    {"load", cmd_load},
    {"schema", cmd_schema},
    {"help", cmd_help},
};

int main(int argc, char **argv) {
  static const struct option longopts[] = {
      {"help", no_argument, NULL, 'h'},
      {"version", no_argument, NULL, 'V'},
      {NULL, 0, NULL, 0}};
  int status = GF_EXIT_USAGE, c;
  opterr = 0;
  /* '+': stop at the command; its options are its own. */
  while ((c = getopt_long(argc, argv, "+:hV", longopts, NULL)) != -1) {
    switch (c) {
    case 'h': status = cmd_help(0, NULL); goto done;
    case 'V':
      printf(PROG " %s\n", gf_version());
      status = GF_EXIT_OK;
      goto done;
    default: status = option_error(NULL, c, argv); goto done;
    }
  }
  if (optind >= argc) {
    status = usage_error(NULL,
                         "no command (extract, text, numbers, check, tables, "
                         "indicators, track, view, load, schema, help)",
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
  if (gf_cli_close_stdout() != GF_EXIT_OK) status = GF_EXIT_OUTPUT;
  if (gf_cli_abandoned()) { /* a page's text is still being built */
    fflush(stderr);
    _exit(status);
  }
  return status;
}
