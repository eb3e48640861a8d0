/* cli.h - what every govfig command shares (cli/cli.c): the exit
 * statuses, the program name of messages, opening an input document with
 * its failure reported in words that say what to do, reading a whole
 * input, and closing standard output with its failure reported.  It
 * depends on nothing in cli/ but include/govfig.h, so every command file
 * can use it without a cycle. */
#ifndef GF_CLI_CLI_H
#define GF_CLI_CLI_H

#include <stddef.h>
#include <stdio.h>

#include "include/govfig.h"

#define GF_PROG "govfig"

/* The exit statuses of every command; repeated in --help, govfig.1 and
 * README.md.  A signal ends a run with 128+N (130 SIGINT, 143 SIGTERM),
 * its temporary files removed (cli/out.h). */
typedef enum gf_exit {
  GF_EXIT_OK = 0,      /* every input was read and every output written;
                          check: every row holds */
  GF_EXIT_INPUT = 1,   /* an input could not be read (the others were
                          done); check: a row does not hold */
  GF_EXIT_USAGE = 2,   /* bad command line; check: an input that cannot
                          be read at all */
  GF_EXIT_OUTPUT = 3   /* an output could not be written (nothing is left
                          half-written) */
} gf_exit;

/* path as a message shows it on one line: control characters and bytes
 * that are not UTF-8 written as \n, \t, \xHH (a file called "a\nb.pdf"
 * stays one `govfig: FILE: reason` line).  Returns path itself when it
 * needs nothing, else buf (cap bytes; cut when longer). */
#define GF_SHOWN_MAX 4096
const char *gf_cli_shown(const char *path, char *buf, size_t cap);

/* Whether path names a text input (ends in .txt, any case). */
int gf_cli_is_text_path(const char *path);

/* Opens path as UTF-8 text (.txt) or PDF (password may be NULL; opts as
 * for gf_doc_open).  A failure is reported on to as one
 * `govfig: FILE: reason` line; returns the GF_* code (*doc NULL then).
 * Pages skipped for a cost limit (gf_doc_limits) get a warning line. */
int gf_cli_open_doc(FILE *to, const char *path, const char *password,
                    unsigned opts, gf_doc **doc);

/* gf_cli_open_doc with cost limits per page (NULL: the defaults); every
 * page skipped for one is reported on to as a warning line. */
int gf_cli_open_doc_limited(FILE *to, const char *path, const char *password,
                            unsigned opts, const gf_doc_limits *lim,
                            gf_doc **doc);

/* Whether a document opened here left a page-text thread running
 * (gf_doc_abandoned): main then ends with _exit once stdout is closed. */
int gf_cli_abandoned(void);

/* Reads all of path ("-": standard input) into *data (free() it; not
 * NUL-terminated) and *len.  0, or -1 with errno set (*data NULL). */
int gf_cli_read_all(const char *path, char **data, size_t *len);

/* Flushes and closes stdout; a full disk or a closed pipe is reported as
 * `govfig: standard output: write failed: REASON`.  Returns GF_EXIT_OK or
 * GF_EXIT_OUTPUT. */
gf_exit gf_cli_close_stdout(void);

#endif
