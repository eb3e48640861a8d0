/* view.c - `govfig view [-o DIR] [--dpi N] [--csv FIGURES.csv] PDF`: a
 * thin layer over the library's view (gf_view_write_html) and page
 * drawing (gf_render_page_png).  DIR gets index.html and one PNG per page
 * (gf_view_image_name), all through one output set (cli/out.h): written
 * under temporary names and renamed together once every one is complete,
 * so a failure or an interruption leaves DIR as it was.  Pages are drawn
 * by -j threads, each with its own gf_render (a Poppler document serves
 * one thread), while this thread finds the figures and writes the page. */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/out.h"
#include "cli/view.h"
#include "include/govfig.h"

/* The pages' drawing, shared by the threads. */
typedef struct drawing {
  const gf_view_opts *o;
  const char **paths;     /* per page (0-based): its temporary file */
  size_t n_pages;
  unsigned n_threads;
  pthread_mutex_t mu;
  size_t next;            /* next page to draw (0-based) */
  int rc;                 /* the first failure */
  size_t bad_page;        /* its page (1-based) */
  int bad_errno;
} drawing;

typedef struct drawer {
  drawing *d;
  gf_render *r;           /* NULL: opens its own */
  pthread_t tid;
} drawer;

/* Draws page i into its file; GF_OK or the failure (errno kept). */
static int draw_page(const drawing *d, gf_render *r, size_t i) {
  FILE *f = fopen(d->paths[i], "wb");
  if (!f) return GF_EIO;
  int rc = gf_render_page_png(r, i + 1, d->o->dpi, f, NULL);
  int e = errno;
  if (fclose(f) != 0 && rc == GF_OK) {
    rc = GF_EIO;
    e = errno;
  }
  errno = e;
  return rc;
}

/* Draws pages until none is left or one fails. */
static void draw_loop(drawer *w) {
  drawing *d = w->d;
  gf_render *r = w->r;
  int rc = r ? GF_OK : gf_render_open(d->o->pdf, d->o->password, &r, NULL);
  for (;;) {
    pthread_mutex_lock(&d->mu);
    size_t i = d->next;
    int stop = d->rc != GF_OK || i >= d->n_pages;
    if (!stop && rc != GF_OK) { /* the file changed under us */
      d->rc = rc;
      d->bad_page = i + 1;
      d->bad_errno = 0;
      stop = 1;
    }
    d->next++;
    pthread_mutex_unlock(&d->mu);
    if (stop) break;
    errno = 0;
    rc = draw_page(d, r, i);
    if (rc == GF_OK) continue;
    pthread_mutex_lock(&d->mu);
    if (d->rc == GF_OK) {
      d->rc = rc;
      d->bad_page = i + 1;
      d->bad_errno = errno;
    }
    pthread_mutex_unlock(&d->mu);
    break;
  }
  if (r != w->r) gf_render_free(r);
}

static void *draw_pages(void *arg) {
  /* Signals are for the thread that made the output set (cli/out.h). */
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGHUP);
  pthread_sigmask(SIG_BLOCK, &set, NULL);
  draw_loop(arg);
  return NULL;
}

/* Starts the drawers (the first with main's gf_render); those that cannot
 * start leave their share to the others. */
static unsigned start_drawing(drawing *d, drawer *ws, gf_render *r) {
  unsigned n = 0;
  for (unsigned k = 0; k < d->n_threads; k++) {
    ws[n].d = d;
    ws[n].r = k == 0 ? r : NULL;
    if (pthread_create(&ws[n].tid, NULL, draw_pages, &ws[n]) == 0) n++;
  }
  return n;
}

/* The default output directory: the PDF's name without directory and
 * .pdf, plus .view ("licheng-2023.view"); NULL when out of memory. */
static char *default_dir(const char *pdf) {
  const char *base = strrchr(pdf, '/');
  base = base ? base + 1 : pdf;
  size_t n = strlen(base);
  if (n > 4 && base[n - 4] == '.' && (base[n - 3] | 0x20) == 'p' &&
      (base[n - 2] | 0x20) == 'd' && (base[n - 1] | 0x20) == 'f')
    n -= 4;
  char *dir = malloc(n + 6);
  if (dir) snprintf(dir, n + 6, "%.*s.view", (int)n, base);
  return dir;
}

/* What index.html shows, found by this thread while the pages are drawn:
 * the figures (or the edited sheet), parcels and tables.  A failure is
 * reported; returns the exit status. */
static gf_exit write_page(const gf_view_opts *o, const gf_doc *doc,
                          const char *csv, size_t csv_len, gf_out *set,
                          FILE *html) {
  gf_figures *figs = NULL;
  gf_parcels *parcels = NULL;
  gf_tables *tables = NULL;
  gf_error err = {0};
  gf_exit status = GF_EXIT_INPUT;
  int rc = csv ? GF_OK : gf_figures_extract(doc, 0, &figs, &err);
  if (rc != GF_OK) {
    fprintf(stderr, GF_PROG ": %s: cannot extract figures: %s\n", o->pdf,
            gf_strerror(rc));
    goto done;
  }
  /* parcels and tables are extras: without them the view still shows */
  if (gf_parcels_extract(doc, 0, &parcels, NULL) != GF_OK) parcels = NULL;
  if (gf_tables_extract(doc, 0, &tables, NULL) != GF_OK) tables = NULL;
  gf_view_source src = {doc,  figs,    csv,    csv_len, o->csv,
                        parcels, tables, o->dpi};
  errno = 0;
  rc = gf_view_write_html(&src, html, &err);
  status = GF_EXIT_OK;
  if (rc == GF_EIO) {
    gf_out_fail(set, html); /* the set reports it at commit */
    status = GF_EXIT_OUTPUT;
  } else if (rc != GF_OK && err.line) {
    fprintf(stderr, GF_PROG ": %s:%zu: %s\n", o->csv, err.line,
            err.message ? err.message : gf_strerror(rc));
    status = GF_EXIT_INPUT;
  } else if (rc != GF_OK) {
    fprintf(stderr, GF_PROG ": %s: %s\n", csv ? o->csv : o->pdf,
            err.message ? err.message : gf_strerror(rc));
    status = GF_EXIT_INPUT;
  }
done:
  gf_tables_free(tables);
  gf_parcels_free(parcels);
  gf_figures_free(figs);
  return status;
}

/* Temporary files for index.html and every page's image; NULL when one
 * cannot be made (reported by the set). */
static FILE *make_outputs(gf_out *set, size_t n_pages, const char **paths) {
  for (size_t i = 0; i < n_pages; i++) {
    char name[32];
    if (gf_view_image_name(i + 1, name, sizeof name) != GF_OK) return NULL;
    if (!(paths[i] = gf_out_path(set, name))) return NULL;
  }
  return gf_out_file(set, "index.html");
}

/* Reports a page that could not be drawn; returns the exit status. */
static gf_exit draw_failed(const gf_view_opts *o, const char *dir,
                           const drawing *d) {
  char name[32];
  gf_view_image_name(d->bad_page, name, sizeof name);
  if (d->rc == GF_EIO) {
    fprintf(stderr, GF_PROG ": %s/%s: write failed: %s\n", dir, name,
            d->bad_errno ? strerror(d->bad_errno) : "input/output error");
    return GF_EXIT_OUTPUT;
  }
  fprintf(stderr, GF_PROG ": %s: page %zu: cannot draw: %s\n", o->pdf,
          d->bad_page, gf_strerror(d->rc));
  return GF_EXIT_INPUT;
}

/* Draws the pages in threads while this one writes index.html. */
static gf_exit run(const gf_view_opts *o, const gf_doc *doc, gf_render *r,
                   const char *csv, size_t csv_len, const char *dir) {
  drawing d;
  memset(&d, 0, sizeof d);
  d.o = o;
  d.n_pages = gf_render_page_count(r);
  d.n_threads = o->jobs < d.n_pages ? o->jobs : (unsigned)d.n_pages;
  d.paths = calloc(d.n_pages, sizeof *d.paths);
  drawer *ws = calloc(d.n_threads, sizeof *ws);
  gf_out *set = NULL;
  gf_exit status = GF_EXIT_OUTPUT;
  if (!d.paths || !ws) {
    fprintf(stderr, GF_PROG ": %s\n", gf_strerror(GF_ENOMEM));
    goto done;
  }
  pthread_mutex_init(&d.mu, NULL);
  FILE *html = (set = gf_out_begin(dir)) ? make_outputs(set, d.n_pages,
                                                        d.paths)
                                         : NULL;
  if (!html) goto done;
  unsigned started = start_drawing(&d, ws, r);
  status = write_page(o, doc, csv, csv_len, set, html);
  if (started == 0 && status == GF_EXIT_OK) { /* no thread: draw here */
    drawer self = {&d, r, pthread_self()};
    draw_loop(&self);
  }
  if (status != GF_EXIT_OK) { /* stop drawing: nothing will be kept */
    pthread_mutex_lock(&d.mu);
    d.next = d.n_pages;
    pthread_mutex_unlock(&d.mu);
  }
  for (unsigned k = 0; k < started; k++) pthread_join(ws[k].tid, NULL);
  if (d.rc != GF_OK) { /* reported even when index.html failed too: the
                         * set, aborted below, would report neither */
    gf_exit s = draw_failed(o, dir, &d);
    if (status == GF_EXIT_OK) status = s;
  }
  if (status == GF_EXIT_INPUT || d.rc != GF_OK) {
    gf_out_abort(set);
  } else if (gf_out_commit(set) != 0) {
    status = GF_EXIT_OUTPUT;
  }
  set = NULL;
  pthread_mutex_destroy(&d.mu);
done:
  gf_out_abort(set);
  free(ws);
  free(d.paths);
  return status;
}

gf_exit gf_cli_view(const gf_view_opts *o) {
  if (gf_cli_is_text_path(o->pdf)) {
    fprintf(stderr, GF_PROG ": %s: view needs a PDF (a text input has no "
                    "pages to draw)\n", o->pdf);
    return GF_EXIT_INPUT;
  }
  gf_doc *doc = NULL;
  gf_render *r = NULL;
  char *csv = NULL, *dir = NULL;
  size_t csv_len = 0;
  gf_exit status = GF_EXIT_INPUT;
  if (gf_cli_open_doc(stderr, o->pdf, o->password, GF_OPT_THREADS(o->jobs),
                      &doc) != GF_OK)
    goto done;
  if (gf_doc_damaged(doc) > 0 && !o->quiet)
    fprintf(stderr, GF_PROG ": %s: warning: damaged, extracted what could "
                    "be read\n", o->pdf);
  int rc = gf_render_open(o->pdf, o->password, &r, NULL);
  if (rc != GF_OK) {
    fprintf(stderr, GF_PROG ": %s: cannot draw: %s\n", o->pdf,
            gf_strerror(rc));
    goto done;
  }
  if (o->csv && gf_cli_read_all(o->csv, &csv, &csv_len) != 0) {
    fprintf(stderr, GF_PROG ": %s: cannot read: %s\n", o->csv,
            strerror(errno));
    goto done;
  }
  dir = o->dir ? NULL : default_dir(o->pdf);
  if (!o->dir && !dir) {
    fprintf(stderr, GF_PROG ": %s\n", gf_strerror(GF_ENOMEM));
    goto done;
  }
  /* an empty CSV is still a CSV: gf_view_write_html says what it lacks */
  status = run(o, doc, r, csv ? csv : (o->csv ? "" : NULL), csv_len,
               o->dir ? o->dir : dir);
done:
  free(dir);
  free(csv);
  gf_render_free(r);
  gf_doc_free(doc);
  return status;
}
