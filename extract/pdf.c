/* pdf.c - PDF pages to text and line geometry through poppler-glib: the
 * only file that includes poppler or glib.  Each page's text is fetched
 * once, copied into our memory and released; its character boxes give
 * every line a box and a typical glyph width, which layout.c uses to find
 * running headers and footers and to rebuild paragraphs.
 *
 * A long report can be read by several threads (GF_OPT_THREADS): each
 * opens its own PopplerDocument - Poppler documents are not to be shared
 * between threads - and reads a contiguous range of pages into the shared
 * page array; the lines are then joined in page order, so the result does
 * not depend on the number of threads.  Poppler's complaints about a
 * damaged file reach us through GLib's log (domain "Poppler"): they are
 * counted as damage instead of being printed.
 *
 * It also renders pages to PNG for `govfig view` (gf_render_*), through
 * poppler-glib's cairo drawing: cairo is Poppler's drawing library here,
 * touched in this file only. */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cairo.h>
#include <poppler.h>

#include "extract/extract.h"
#include "normalize/normalize.h"

/* Checks the file before Poppler sees it, so that the common failures get
 * their own codes instead of one "damaged". */
static int check_file(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) return GF_EIO;
  char head[1024];
  size_t n = fread(head, 1, sizeof head, f);
  int bad = ferror(f);
  fclose(f);
  if (bad) return GF_EIO;
  if (n == 0) return GF_EEMPTY;
  static const char magic[] = "%PDF-";
  for (size_t i = 0; i + 5 <= n; i++)
    if (memcmp(head + i, magic, 5) == 0) return GF_OK;
  return GF_ENOTPDF;
}

static int cmp_float(const void *a, const void *b) {
  float x = *(const float *)a, y = *(const float *)b;
  return (x > y) - (x < y);
}

static float median(float *v, size_t n) {
  if (n == 0) return 0;
  qsort(v, n, sizeof *v, cmp_float);
  return v[n / 2];
}

static int is_blank(gunichar c) {
  return g_unichar_isspace(c) || c == 0xFEFF || c == 0x200B;
}

/* Gives the lines of page p (doc->lines[first..]) the union of their
 * glyph boxes.  Poppler hands one rectangle per character of the page
 * text, '\n' included; whitespace boxes are skipped because a justified
 * line's trailing spaces would otherwise reach the margin. */
static void line_geometry(struct gf_doc *doc, size_t first, const char *text,
                          const PopplerRectangle *r, guint n_r, float *han,
                          float *all) {
  const char *s = text;
  size_t ci = 0; /* index of the character at s */
  for (size_t k = first; k < doc->n_lines; k++) {
    gf_line *l = &doc->lines[k];
    const char *start = text + l->off, *end = start + l->len;
    for (; s < start; s = g_utf8_next_char(s)) ci++;
    size_t n_han = 0, n_all = 0;
    int have = 0;
    for (; s < end; s = g_utf8_next_char(s), ci++) {
      gunichar c = g_utf8_get_char(s);
      if (is_blank(c) || ci >= n_r) continue;
      float x0 = (float)MIN(r[ci].x1, r[ci].x2);
      float x1 = (float)MAX(r[ci].x1, r[ci].x2);
      float y0 = (float)MIN(r[ci].y1, r[ci].y2);
      float y1 = (float)MAX(r[ci].y1, r[ci].y2);
      if (!have || x0 < l->x0) l->x0 = x0;
      if (!have || x1 > l->x1) l->x1 = x1;
      if (!have || y0 < l->y0) l->y0 = y0;
      if (!have || y1 > l->y1) l->y1 = y1;
      have = 1;
      all[n_all++] = x1 - x0;
      if (g_unichar_get_script(c) == G_UNICODE_SCRIPT_HAN)
        han[n_han++] = x1 - x0;
    }
    l->ch = n_han ? median(han, n_han) : median(all, n_all);
  }
}

/* Keeps every character's box (tables are rebuilt from them). */
static int keep_glyphs(gf_page *pg, const PopplerRectangle *r, guint n_r) {
  pg->glyphs = gf_malloc(n_r * sizeof *pg->glyphs);
  if (!pg->glyphs) return GF_ENOMEM;
  const char *s = pg->text, *end = pg->text + pg->len;
  size_t n = 0;
  for (; s < end && n < n_r; s = g_utf8_next_char(s), n++) {
    gf_glyph *g = &pg->glyphs[n];
    g->off = (uint32_t)(s - pg->text);
    gf_glyph_set(g, MIN(r[n].x1, r[n].x2), MIN(r[n].y1, r[n].y2),
                 MAX(r[n].x1, r[n].x2), MAX(r[n].y1, r[n].y2));
  }
  pg->n_glyphs = n;
  return GF_OK;
}

/* Poppler's page text wraps a run of right-to-left characters (a U+200F
 * or U+202E drawn in a Chinese line is one) in U+202A/U+202B ... U+202C
 * marks that have no box in its text layout, so the boxes after them no
 * longer line up with the characters.  When the missing boxes are exactly
 * those marks, each mark gets an empty box (they are format characters,
 * removed next with their boxes).  When the page also drew such marks of
 * its own, which ones Poppler added cannot be told: the page keeps its
 * text but no geometry (no tables, no boxes), rather than wrong boxes.
 * Returns GF_OK or GF_ENOMEM. */
static int align_bidi_marks(const char *text, size_t len, size_t n_chars,
                            PopplerRectangle **rects, guint *n_rects) {
  size_t marks = 0;
  for (const char *s = text; s < text + len; s = g_utf8_next_char(s)) {
    gunichar c = g_utf8_get_char(s);
    marks += c >= 0x202A && c <= 0x202C;
  }
  if (*n_rects + marks != n_chars) {
    g_free(*rects);
    *rects = NULL;
    *n_rects = 0;
    return GF_OK;
  }
  PopplerRectangle *r = g_try_new0(PopplerRectangle, n_chars);
  if (!r) return GF_ENOMEM;
  size_t ci = 0, ri = 0;
  for (const char *s = text; s < text + len; s = g_utf8_next_char(s), ci++) {
    gunichar c = g_utf8_get_char(s);
    if (!(c >= 0x202A && c <= 0x202C)) r[ci] = (*rects)[ri++];
  }
  g_free(*rects);
  *rects = r;
  *n_rects = (guint)n_chars;
  return GF_OK;
}

/* Where this thread counts Poppler's complaints (see on_poppler_log). */
static _Thread_local int *poppler_errors;

/* ---- a page's text under a time limit.  Poppler builds a page's text
 * (its words, lines and blocks) at a cost that grows faster than the
 * glyphs: a page of 100,000 scattered tiny glyphs takes minutes.  Nothing
 * in poppler-glib counts glyphs more cheaply than building that text, so
 * it is built in a thread of its own that the reader waits for at most
 * page_ms.  A worker that is late is abandoned: it finishes on its own
 * with its own reference to the page (and so to the Poppler document,
 * which the reader then stops using) and frees what it built.  Its result
 * is shared under a mutex; whoever comes last frees it. */
typedef struct text_job {
  pthread_mutex_t mu;
  pthread_cond_t cv;
  PopplerPage *page;        /* the worker's reference */
  char *text;               /* poppler_page_get_text, g_free */
  PopplerRectangle *rects;  /* its layout, g_free; NULL when none */
  guint n_rects;
  int errs;                 /* Poppler's complaints meanwhile */
  int done, abandoned;
} text_job;

static void job_free(text_job *j) {
  pthread_cond_destroy(&j->cv);
  pthread_mutex_destroy(&j->mu);
  g_free(j->text);
  g_free(j->rects);
  if (j->page) g_object_unref(j->page);
  free(j);
}

/* Builds the page's text and layout (text_job), the reading thread's
 * share of the job. */
static void build_text(text_job *j) {
  j->text = poppler_page_get_text(j->page);
  if (j->text && g_utf8_validate(j->text, -1, NULL) &&
      !poppler_page_get_text_layout(j->page, &j->rects, &j->n_rects)) {
    j->rects = NULL;
    j->n_rects = 0;
  }
}

static void *text_worker(void *arg) {
  text_job *j = arg;
  /* The process's signals are for its own threads, not for this one. */
  sigset_t set;
  sigfillset(&set);
  pthread_sigmask(SIG_BLOCK, &set, NULL);
  int errs = 0;
  poppler_errors = &errs;
  build_text(j);
  poppler_errors = NULL;
  pthread_mutex_lock(&j->mu);
  j->errs = errs;
  j->done = 1;
  int gone = j->abandoned;
  pthread_cond_signal(&j->cv);
  pthread_mutex_unlock(&j->mu);
  if (gone) job_free(j);
  return NULL;
}

/* Text and layout of page within ms milliseconds (0: no limit, built
 * here).  Returns the job (free with job_free), or NULL with *late set
 * when the worker was abandoned, or NULL for out of memory. */
static text_job *page_text(PopplerPage *page, unsigned ms, int *late) {
  *late = 0;
  text_job *j = calloc(1, sizeof *j);
  if (!j) return NULL;
  j->page = g_object_ref(page);
  pthread_condattr_t ca;
  pthread_condattr_init(&ca);
  pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
  pthread_mutex_init(&j->mu, NULL);
  pthread_cond_init(&j->cv, &ca);
  pthread_condattr_destroy(&ca);
  pthread_attr_t attr;
  pthread_t tid;
  int started = 0;
  if (ms && pthread_attr_init(&attr) == 0) {
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    started = pthread_create(&tid, &attr, text_worker, j) == 0;
    pthread_attr_destroy(&attr);
  }
  if (!started) { /* no limit, or no thread: read here, without one */
    build_text(j);
    return j;
  }
  struct timespec until;
  clock_gettime(CLOCK_MONOTONIC, &until);
  until.tv_sec += ms / 1000;
  until.tv_nsec += (long)(ms % 1000) * 1000000L;
  if (until.tv_nsec >= 1000000000L) {
    until.tv_sec++;
    until.tv_nsec -= 1000000000L;
  }
  pthread_mutex_lock(&j->mu);
  int rc = 0;
  while (!j->done && rc != ETIMEDOUT)
    rc = pthread_cond_timedwait(&j->cv, &j->mu, &until);
  int done = j->done;
  if (!done) j->abandoned = 1;
  pthread_mutex_unlock(&j->mu);
  if (done) return j;
  *late = 1; /* the worker frees j */
  return NULL;
}

/* Loads page i: text copied into doc->pages[i], lines appended with their
 * geometry.  A page Poppler cannot give counts as damaged and stays
 * empty. */
static int load_page(struct gf_doc *doc, PopplerDocument *pd, int i,
                     int *late) {
  gf_page *pg = &doc->pages[i];
  PopplerPage *page = poppler_document_get_page(pd, i);
  text_job *job = page ? page_text(page, doc->page_ms, late) : NULL;
  char *text = job ? job->text : NULL;
  PopplerRectangle *rects = job ? job->rects : NULL;
  guint n_rects = job ? job->n_rects : 0;
  float *scratch = NULL;
  unsigned char *kept = NULL;
  int rc = GF_ENOMEM;
  if (page && !job && !*late) goto done;
  if (job) {
    job->text = NULL;
    job->rects = NULL;
    if (job->errs) doc->damaged++;
  }
  if (*late) {
    pg->skipped = GF_SKIP_TIME;
  } else if (doc->max_glyphs && n_rects > doc->max_glyphs) {
    pg->skipped = GF_SKIP_GLYPHS;
    pg->n_seen = n_rects;
  }
  if (pg->skipped) { /* the page stays, without text */
    g_free(text);
    g_free(rects);
    text = NULL;
    rects = NULL;
    n_rects = 0;
  } else if (!page || !text) {
    doc->damaged++;
  }
  if (text && !g_utf8_validate(text, -1, NULL)) {
    /* Never seen from Poppler, but page text must be valid UTF-8: repair
     * it and give up on geometry, which would no longer line up. */
    char *fixed = g_utf8_make_valid(text, -1);
    g_free(text);
    text = fixed;
    g_free(rects);
    rects = NULL;
    n_rects = 0;
    doc->damaged++;
  }
  size_t len = text ? strlen(text) : 0;
  pg->text = gf_strndup(text ? text : "", len);
  if (!pg->text) goto done;
  if (n_rects) {
    /* Format characters leave the text, and their boxes with them. */
    kept = gf_malloc(len + 1);
    if (!kept) goto done;
  }
  size_t n_chars = (size_t)g_utf8_strlen(pg->text, (gssize)len), removed = 0;
  if (n_rects && n_rects < n_chars &&
      align_bidi_marks(pg->text, len, n_chars, &rects, &n_rects))
    goto done;
  len = gf_format_strip(pg->text, len, kept, &removed);
  pg->len = len;
  doc->n_format += removed;
  if (kept && removed) {
    guint w = 0;
    for (guint ci = 0; ci < n_rects; ci++)
      if (ci >= n_chars || kept[ci]) rects[w++] = rects[ci];
    n_rects = w;
  }
  if (page) {
    double w = 0, h = 0;
    poppler_page_get_size(page, &w, &h);
    pg->width = (float)w;
    pg->height = (float)h;
  }
  size_t first = doc->n_lines;
  if (gf_doc_add_page_lines(doc, (size_t)i)) goto done;
  if (n_rects) {
    scratch = gf_malloc(2 * (len + 1) * sizeof *scratch);
    if (!scratch) goto done;
    line_geometry(doc, first, pg->text, rects, n_rects, scratch,
                  scratch + len + 1);
    if (keep_glyphs(pg, rects, n_rects)) goto done;
  }
  rc = GF_OK;
done:
  gf_free(kept);
  gf_free(scratch);
  g_free(rects);
  g_free(text);
  if (job) job_free(job);
  if (page) g_object_unref(page);
  return rc;
}

static int has_text(const gf_page *pg) {
  const char *s = pg->text, *end = pg->text + pg->len;
  for (; s < end; s = g_utf8_next_char(s))
    if (!is_blank(g_utf8_get_char(s))) return 1;
  return 0;
}

/* ---- Poppler's messages.  poppler-glib hands every complaint of the PDF
 * parser to g_log (domain "Poppler", level INFO) as "CATEGORY at position
 * N: TEXT".  While a thread of ours reads a PDF, its complaints are counted
 * in that thread's counter and not printed; other threads' messages (an
 * application that uses Poppler itself) go to GLib's default handler.  The
 * handler is process-wide by GLib's design; the counter is thread-local, so
 * that concurrent readers never mix their counts. */

static void on_poppler_log(const gchar *domain, GLogLevelFlags level,
                           const gchar *msg, gpointer data) {
  if (!poppler_errors) {
    g_log_default_handler(domain, level, msg, data);
    return;
  }
  /* Warnings ("Syntax warning", "Unimplemented feature") are common in
   * sound files; errors mean the file is damaged. */
  static const char *const errors[] = {"Syntax error", "I/O error",
                                       "Internal error"};
  for (size_t i = 0; msg && i < sizeof errors / sizeof *errors; i++)
    if (strncmp(msg, errors[i], strlen(errors[i])) == 0) {
      ++*poppler_errors;
      break;
    }
}

static void quiet_poppler(void) {
  static gsize once = 0;
  if (g_once_init_enter(&once)) {
    g_log_set_handler("Poppler",
                      G_LOG_LEVEL_MASK | G_LOG_FLAG_FATAL |
                          G_LOG_FLAG_RECURSION,
                      on_poppler_log, NULL);
    g_once_init_leave(&once, 1);
  }
}

/* ---- reading pages, possibly in several threads. */

/* Pages a thread should read at least: opening a document again costs
 * about what reading a few pages does. */
#define MIN_PAGES_PER_THREAD 8
#define MAX_THREADS 64

/* One thread's share: pages [first, end) of the document.  d shares the
 * page array of the final doc (each part writes only its own pages) and
 * collects its own lines, joined in page order afterwards. */
typedef struct part {
  struct gf_doc d;
  const char *uri, *password;
  PopplerDocument *pd;  /* part 0: the caller's; others open their own */
  int n_pages;          /* the document's, to check the other opens */
  int first, end;
  int rc;
  pthread_t tid;
} part;

static void *load_part(void *arg) {
  part *p = arg;
  int errs = 0;
  poppler_errors = &errs;
  PopplerDocument *pd = p->pd;
  p->rc = GF_EPDF;
  if (!pd) {
    /* The file was opened once already: failures here mean it changed
     * under us.  Open-time complaints were counted by part 0. */
    pd = poppler_document_new_from_file(p->uri, p->password, NULL);
    if (!pd || poppler_document_get_n_pages(pd) != p->n_pages) goto done;
  }
  p->rc = GF_OK;
  for (int i = p->first; i < p->end; i++) {
    errs = 0;
    int late = 0;
    p->rc = load_page(&p->d, pd, i, &late);
    if (p->rc) break;
    if (errs) p->d.damaged++;
    if (late && i + 1 < p->end) {
      /* The abandoned worker still uses pd: the other pages are read
       * through a document of their own. */
      if (pd != p->pd) g_object_unref(pd);
      pd = poppler_document_new_from_file(p->uri, p->password, NULL);
      if (!pd || poppler_document_get_n_pages(pd) != p->n_pages) {
        p->rc = GF_EPDF;
        goto done;
      }
    }
    p->d.abandoned += late;
  }
done:
  if (pd && pd != p->pd) g_object_unref(pd);
  poppler_errors = NULL;
  return NULL;
}

/* Joins the parts' lines into doc, in page order, and frees theirs. */
static int join_lines(struct gf_doc *doc, part *parts, int n) {
  size_t total = 0;
  for (int i = 0; i < n; i++) total += parts[i].d.n_lines;
  if (n == 1) {
    doc->lines = parts[0].d.lines;
    doc->n_lines = parts[0].d.n_lines;
    doc->cap_lines = parts[0].d.cap_lines;
    parts[0].d.lines = NULL;
    parts[0].d.cap_lines = 0;
    return GF_OK;
  }
  doc->lines = gf_malloc((total ? total : 1) * sizeof *doc->lines);
  if (!doc->lines) return GF_ENOMEM;
  doc->cap_lines = total ? total : 1;
  for (int i = 0; i < n; i++) {
    if (parts[i].d.n_lines)
      memcpy(doc->lines + doc->n_lines, parts[i].d.lines,
             parts[i].d.n_lines * sizeof *doc->lines);
    doc->n_lines += parts[i].d.n_lines;
  }
  return GF_OK;
}

/* Does any page show an image?  Tells a scan (needs OCR) from a document
 * that has no text at all.  Only asked when no page had text. */
static int has_images(PopplerDocument *pd, int n) {
  for (int i = 0; i < n; i++) {
    PopplerPage *page = poppler_document_get_page(pd, i);
    if (!page) continue;
    GList *images = poppler_page_get_image_mapping(page);
    int any = images != NULL;
    poppler_page_free_image_mapping(images);
    g_object_unref(page);
    if (any) return 1;
  }
  return 0;
}

/* Opens the PDF at path for Poppler: *uri (g_free) is the file's URI,
 * which other threads open it again by; *errs counts Poppler's complaints
 * while opening (a repaired file).  GF_OK, or the code of
 * gf_doc_open's failures (*pd NULL). */
static int open_pdf(const char *path, const char *password,
                    PopplerDocument **pd, char **uri, int *errs) {
  *pd = NULL;
  *uri = NULL;
  *errs = 0;
  int rc = check_file(path);
  if (rc) return rc;
  quiet_poppler();
  GError *gerr = NULL;
  /* g_filename_to_uri wants an absolute path. */
  char *abs = g_canonicalize_filename(path, NULL);
  *uri = g_filename_to_uri(abs, NULL, &gerr);
  g_free(abs);
  if (!*uri) {
    if (gerr) g_error_free(gerr);
    return GF_EIO;
  }
  poppler_errors = errs;
  *pd = poppler_document_new_from_file(*uri, password, &gerr);
  poppler_errors = NULL;
  rc = GF_OK;
  if (!*pd)
    rc = gerr && gerr->domain == POPPLER_ERROR &&
                 gerr->code == POPPLER_ERROR_ENCRYPTED
             ? GF_EENCRYPTED
             : GF_EPDF;
  if (gerr) g_error_free(gerr);
  return rc;
}

int gf_pdf_load(struct gf_doc *doc, const char *path, const char *password,
                unsigned threads, gf_error *err) {
  PopplerDocument *pd = NULL;
  char *uri = NULL;
  part *parts = NULL;
  int n_parts = 0, errs = 0;
  int rc = open_pdf(path, password, &pd, &uri, &errs);
  if (rc) goto done;
  if (errs) doc->damaged++; /* the reader had to repair the file */
  int n = poppler_document_get_n_pages(pd);
  if (n <= 0) {
    rc = GF_ENOPAGES;
    goto done;
  }
  rc = GF_ENOMEM;
  doc->pages = gf_calloc((size_t)n, sizeof *doc->pages);
  if (!doc->pages) goto done;
  doc->n_pages = (size_t)n; /* all zero: gf_doc_free copes with any */
  n_parts = threads < 1 ? 1 : threads > MAX_THREADS ? MAX_THREADS
                                                    : (int)threads;
  if (n_parts > n / MIN_PAGES_PER_THREAD)
    n_parts = n / MIN_PAGES_PER_THREAD > 1 ? n / MIN_PAGES_PER_THREAD : 1;
  parts = gf_calloc((size_t)n_parts, sizeof *parts);
  if (!parts) {
    n_parts = 0;
    goto done;
  }
  for (int i = 0; i < n_parts; i++) {
    part *p = &parts[i];
    p->d.pages = doc->pages;
    p->d.n_pages = doc->n_pages;
    p->d.max_glyphs = doc->max_glyphs;
    p->d.page_ms = doc->page_ms;
    p->uri = uri;
    p->password = password;
    p->pd = i == 0 ? pd : NULL;
    p->n_pages = n;
    p->first = (int)((long long)n * i / n_parts);
    p->end = (int)((long long)n * (i + 1) / n_parts);
  }
  /* Part 0 runs here, the others in their own threads; the parts of
   * threads that cannot start run here too, after part 0. */
  int started = 1;
  while (started < n_parts && pthread_create(&parts[started].tid, NULL,
                                             load_part, &parts[started]) == 0)
    started++;
  load_part(&parts[0]);
  for (int i = started; i < n_parts; i++) load_part(&parts[i]);
  for (int i = 1; i < started; i++) pthread_join(parts[i].tid, NULL);
  rc = GF_OK;
  for (int i = 0; i < n_parts && !rc; i++) rc = parts[i].rc;
  if (rc) goto done;
  for (int i = 0; i < n_parts; i++) {
    doc->damaged += parts[i].d.damaged;
    doc->n_format += parts[i].d.n_format;
    doc->abandoned += parts[i].d.abandoned;
  }
  rc = join_lines(doc, parts, n_parts);
  if (rc) goto done;
  doc->has_geom = 1;
  int any_text = 0;
  for (int i = 0; i < n && !any_text; i++)
    any_text = doc->pages[i].skipped || has_text(&doc->pages[i]);
  if (!any_text) {
    poppler_errors = &errs;
    PopplerDocument *img = pd;
    if (doc->abandoned) /* pd may still be in an abandoned worker's hands */
      img = poppler_document_new_from_file(uri, password, NULL);
    rc = img && has_images(img, n) ? GF_ENOTEXT : GF_EBLANK;
    if (img && img != pd) g_object_unref(img);
    poppler_errors = NULL;
  }
done:
  for (int i = 0; parts && i < n_parts; i++) gf_free(parts[i].d.lines);
  gf_free(parts);
  if (pd) g_object_unref(pd);
  g_free(uri);
  return gf_error_fill(err, rc, 0, 0);
}

/* ---- rendering pages (govfig view).  A gf_render holds one Poppler
 * document: like Poppler's documents it is for one thread at a time, and
 * threads that render in parallel open one each.  Pages are drawn by
 * poppler-glib onto a cairo image surface (cairo comes with poppler-glib
 * and is used nowhere else) over white, and written as PNG by cairo. */
struct gf_render {
  PopplerDocument *pd;
  size_t n_pages;
};

int gf_render_open(const char *path, const char *password, gf_render **out,
                   gf_error *err) {
  gf_error_fill(err, GF_OK, 0, 0);
  if (out) *out = NULL;
  if (!path || !out) return gf_error_fill(err, GF_EINVAL, 0, 0);
  PopplerDocument *pd = NULL;
  char *uri = NULL;
  int errs = 0;
  int rc = open_pdf(path, password, &pd, &uri, &errs);
  g_free(uri);
  int n = rc ? 0 : poppler_document_get_n_pages(pd);
  if (!rc && n <= 0) rc = GF_ENOPAGES;
  gf_render *r = rc ? NULL : gf_calloc(1, sizeof *r);
  if (!rc && !r) rc = GF_ENOMEM;
  if (rc) {
    if (pd) g_object_unref(pd);
    return gf_error_fill(err, rc, 0, 0);
  }
  r->pd = pd;
  r->n_pages = (size_t)n;
  *out = r;
  return GF_OK;
}

size_t gf_render_page_count(const gf_render *r) { return r ? r->n_pages : 0; }

void gf_render_free(gf_render *r) {
  if (!r) return;
  g_object_unref(r->pd);
  gf_free(r);
}

static cairo_status_t png_write(void *closure, const unsigned char *data,
                                unsigned int len) {
  return fwrite(data, 1, len, closure) == len ? CAIRO_STATUS_SUCCESS
                                              : CAIRO_STATUS_WRITE_ERROR;
}

static int cairo_code(cairo_status_t st) {
  return st == CAIRO_STATUS_SUCCESS     ? GF_OK
         : st == CAIRO_STATUS_NO_MEMORY ? GF_ENOMEM
                                        : GF_EIO;
}

int gf_render_page_png(gf_render *r, size_t page, double dpi, FILE *f,
                       gf_error *err) {
  gf_error_fill(err, GF_OK, 0, 0);
  if (!r || !f || page < 1 || page > r->n_pages || !(dpi >= 1) ||
      dpi > GF_RENDER_MAX_DPI)
    return gf_error_fill(err, GF_EINVAL, 0, 0);
  int errs = 0;
  poppler_errors = &errs; /* a damaged page's complaints are not printed */
  PopplerPage *pg = poppler_document_get_page(r->pd, (int)page - 1);
  int rc = GF_EPDF;
  cairo_surface_t *s = NULL;
  if (!pg) goto done;
  double w = 0, h = 0;
  poppler_page_get_size(pg, &w, &h);
  int wpx = gf_render_pixels(w, dpi), hpx = gf_render_pixels(h, dpi);
  rc = GF_EINVAL; /* cairo's surfaces stop at 32767 pixels a side */
  if (wpx < 1 || hpx < 1 || wpx > 32767 || hpx > 32767) goto done;
  s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, wpx, hpx);
  rc = cairo_code(cairo_surface_status(s));
  if (rc) goto done;
  cairo_t *cr = cairo_create(s);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  cairo_scale(cr, wpx / w, hpx / h);
  poppler_page_render(pg, cr);
  rc = cairo_code(cairo_status(cr));
  cairo_destroy(cr);
  if (rc) goto done;
  cairo_surface_flush(s);
  rc = cairo_code(cairo_surface_write_to_png_stream(s, png_write, f));
  if (rc == GF_OK && ferror(f)) rc = GF_EIO;
done:
  if (s) cairo_surface_destroy(s);
  if (pg) g_object_unref(pg);
  poppler_errors = NULL;
  return gf_error_fill(err, rc, (int)page, 0);
}
