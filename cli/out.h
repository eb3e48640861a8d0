/* out.h - the output files of one run, replaced together (cli/out.c).
 *
 * Every command that writes files (extract's figures.csv and parcels.csv,
 * tables' tables.csv, and new ones: track.csv, a store, view/index.html
 * with its PNGs, JSON Lines) writes them through one set:
 *
 *     gf_out *set = gf_out_begin(dir);          // mkdir -p dir
 *     if (!set) return GF_EXIT_OUTPUT;           // reported
 *     FILE *a = gf_out_file(set, "figures.csv");
 *     FILE *b = gf_out_file(set, "parcels.csv");
 *     const char *db = gf_out_path(set, "figures.db"); // SQLite, cairo...
 *     if (!a || !b || !db) { gf_out_abort(set); return GF_EXIT_OUTPUT; }
 *     ... write a and b (never fclose them), let SQLite write db ...
 *     if (gf_figures_write_csv(figs, a, 0) != GF_OK) {
 *       gf_out_fail(set, a);                     // errno kept for commit
 *       stop early; }
 *     if (nothing worth keeping) gf_out_abort(set);
 *     else if (gf_out_commit(set) != 0) return GF_EXIT_OUTPUT; // reported
 *
 * What it promises:
 * - Each output is written under a temporary name beside its final one
 *   (DIR/.NAME.XXXXXX, mode 0666 less the umask, like any new file).
 * - gf_out_commit flushes, fsyncs and closes every file; only when all of
 *   them were written does it rename them into place, all of them, then
 *   fsync the directory.  A failure anywhere (a full disk on the second
 *   file, a rename that fails) removes every temporary file and puts back
 *   what was replaced: the directory is exactly as it was before the run.
 * - Two runs committing into one directory at once take turns (an
 *   exclusive flock on the directory around the renames): the directory
 *   ends up with one run's files, all of them, never a mix.
 * - SIGINT, SIGTERM and SIGHUP (unless ignored when the set began) remove
 *   every temporary file and every directory the set made, then exit with
 *   128+N (130, 143, 129).  Signals are held off during the renames, so a
 *   commit is never cut in two.  Threads other than the one that made the
 *   set must block these signals (cli/batch.c's workers do).
 * - Failures are reported on stderr, one `govfig: PATH: reason` line each;
 *   the functions return NULL or -1 and the caller only maps that to
 *   GF_EXIT_OUTPUT.
 *
 * One set at a time per process.  NAME is a relative path without "." or
 * ".." components; it may name a subdirectory ("view/index.html"), made
 * when missing (and removed again on abort when it stays empty). */
#ifndef GF_CLI_OUT_H
#define GF_CLI_OUT_H

#include <stdio.h>

typedef struct gf_out gf_out;

/* Starts a set of outputs in dir ("" is not allowed), creating dir and its
 * missing parents.  NULL on failure, reported
 * (`govfig: DIR: cannot create directory: REASON`). */
gf_out *gf_out_begin(const char *dir);

/* Creates the temporary file for DIR/NAME and returns its stream, open for
 * writing; the set owns it (never fclose it).  NULL on failure, reported
 * (`govfig: DIR: cannot create output file: REASON`); the set is then good
 * only for gf_out_abort. */
FILE *gf_out_file(gf_out *set, const char *name);

/* For a writer that opens its file itself (SQLite, cairo's PNG writer):
 * creates an empty temporary file for DIR/NAME and returns its path, which
 * lives as long as the set.  The writer may replace or rewrite it, and
 * must have closed it before gf_out_commit, which fsyncs it.  NULL on
 * failure, as for gf_out_file. */
const char *gf_out_path(gf_out *set, const char *name);

/* Marks stream f of the set as failed, keeping errno as it is now (call
 * it right after the write that failed) for the message gf_out_commit
 * prints; the commit then fails, changing nothing.  A write error that
 * nobody marked is found by gf_out_commit all the same. */
void gf_out_fail(gf_out *set, FILE *f);

/* Finishes the set: every file flushed, fsynced and closed; if all were
 * written, all renamed into place and the directory fsynced.  Returns 0,
 * or -1 (reported; the directory as it was before).  Frees set. */
int gf_out_commit(gf_out *set);

/* Drops the set: every temporary file removed, nothing replaced, the
 * directories the set made removed when empty.  Frees set; NULL
 * allowed. */
void gf_out_abort(gf_out *set);

#endif
