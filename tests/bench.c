/* bench.c - `make bench`: govfig against pdftotext on the same long report,
 * and the text-only path (normalize + figures + CSV) in MB/s.
 *
 * usage: bench GOVFIG LONG.pdf SHORT.pdf TEXT.txt [PAIRS]
 * Runs the two programs alternately PAIRS times (default 5) on LONG.pdf,
 * reports the median of the per-pair CPU and wall ratios, each side's
 * median seconds and peak resident memory (wait4's rusage), the same for
 * `govfig extract -j 2`, govfig's peak memory on SHORT.pdf, and the
 * text-only throughput on TEXT.txt repeated to at least 50 MB in this
 * process, single thread.  With BATCH_DIR (a directory of PDFs, e.g. 20
 * copies of a sample): the batch with -j 1 and -j 2 (speedup of the
 * medians) and the peak memory of -j 2 on 1, 5, 20 and 60 inputs (the
 * directory's files repeated), which should not grow with the count.
 * The numeral reader alone (gf_numbers_scan, what `govfig numbers` runs)
 * on TEXT.txt page by page, repeated to at least 20 MB, in MB/s; with
 * `bench --numbers TEXT.txt` only that (`bench --text TEXT.txt`: only the
 * text-only path).
 * A benchmark, not a test: it asserts nothing. */
#define _DEFAULT_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "include/govfig.h"

typedef struct run {
  double wall, cpu;
  long rss_kb;
} run;

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static run spawn(char *const argv[]) {
  run r = {0, 0, 0};
  double t0 = now();
  pid_t pid = fork();
  if (pid == 0) {
    int fd = open("/dev/null", O_WRONLY);
    if (fd >= 0) {
      dup2(fd, 1);
      dup2(fd, 2);
    }
    execvp(argv[0], argv);
    _exit(127);
  }
  int st;
  struct rusage ru;
  if (pid < 0 || wait4(pid, &st, 0, &ru) < 0) return r;
  r.wall = now() - t0;
  r.cpu = (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
          (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
  r.rss_kb = ru.ru_maxrss;
  if (!WIFEXITED(st) || WEXITSTATUS(st) != 0)
    fprintf(stderr, "bench: %s exited abnormally\n", argv[0]);
  return r;
}

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

static double median(double *v, int n) {
  qsort(v, (size_t)n, sizeof *v, cmp_double);
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static long max_rss(const run *r, int n) {
  long m = 0;
  for (int i = 0; i < n; i++)
    if (r[i].rss_kb > m) m = r[i].rss_kb;
  return m;
}

static void compare(const char *label, char *const a[], char *const b[],
                    int pairs) {
  run ra[32], rb[32];
  double cpu_ratio[32], wall_ratio[32], ca[32], cb[32], wa[32], wb[32];
  for (int i = 0; i < pairs; i++) {
    ra[i] = spawn(a);
    rb[i] = spawn(b);
    cpu_ratio[i] = rb[i].cpu > 0 ? ra[i].cpu / rb[i].cpu : 0;
    wall_ratio[i] = rb[i].wall > 0 ? ra[i].wall / rb[i].wall : 0;
    ca[i] = ra[i].cpu;
    cb[i] = rb[i].cpu;
    wa[i] = ra[i].wall;
    wb[i] = rb[i].wall;
  }
  printf("%-26s %7.3f %7.3f %9.3f %9.3f %9.3f %9.3f %8ld %8ld\n", label,
         median(cpu_ratio, pairs), median(wall_ratio, pairs),
         median(ca, pairs), median(wa, pairs), median(cb, pairs),
         median(wb, pairs), max_rss(ra, pairs) / 1024,
         max_rss(rb, pairs) / 1024);
}

static char *slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *p = malloc((size_t)n + 1);
  if (p && fread(p, 1, (size_t)n, f) != (size_t)n) {
    free(p);
    p = NULL;
  }
  fclose(f);
  if (p) p[n] = '\0';
  *len = p ? (size_t)n : 0;
  return p;
}

/* Text-only path: the sample text repeated to >= 50 MB as one document
 * of many pages, normalized, scanned for figures and written as CSV. */
static void text_path(const char *path) {
  size_t n;
  char *one = slurp(path, &n);
  if (!one || n == 0) {
    fprintf(stderr, "bench: cannot read %s\n", path);
    free(one);
    return;
  }
  size_t want = 50u << 20, reps = want / (n + 1) + 1, total = reps * (n + 1);
  char *big = malloc(total);
  if (!big) {
    free(one);
    return;
  }
  for (size_t i = 0; i < reps; i++) {
    memcpy(big + i * (n + 1), one, n);
    big[i * (n + 1) + n] = '\f';
  }
  free(one);
  FILE *sink = fopen("/dev/null", "w");
  double t0 = now();
  gf_doc *doc = NULL;
  gf_figures *figs = NULL;
  size_t rows = 0;
  if (gf_doc_open_text("bench.txt", big, total, &doc, NULL) == GF_OK &&
      gf_figures_extract(doc, 0, &figs, NULL) == GF_OK) {
    rows = gf_figures_count(figs);
    if (sink) gf_figures_write_csv(figs, sink, 0);
  }
  double dt = now() - t0;
  gf_figures_free(figs);
  gf_doc_free(doc);
  free(big);
  if (sink) fclose(sink);
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  printf("text-only path: %.1f MB in %.2f s = %.1f MB/s (%zu rows), "
         "peak RSS %ld MB\n",
         (double)total / 1e6, dt, (double)total / 1e6 / dt, rows,
         ru.ru_maxrss / 1024);
}

/* The numeral reader: every page (form feed separated) of the text scanned
 * by gf_numbers_scan, the whole text again and again until 20 MB went
 * through; the best of three rounds. */
static void numbers_path(const char *path) {
  size_t n;
  char *one = slurp(path, &n);
  if (!one || n == 0) {
    fprintf(stderr, "bench: cannot read %s\n", path);
    free(one);
    return;
  }
  size_t reps = (20u << 20) / n + 1, found = 0;
  double best = 0;
  for (int round = 0; round < 3; round++) {
    double t0 = now();
    found = 0;
    for (size_t r = 0; r < reps; r++) {
      for (size_t a = 0; a < n;) {
        const char *ff = memchr(one + a, '\f', n - a);
        size_t b = ff ? (size_t)(ff - one) : n;
        gf_numbers *ns = NULL;
        if (gf_numbers_scan(one + a, b - a, 0, &ns, NULL) == GF_OK)
          found += gf_numbers_count(ns);
        gf_numbers_free(ns);
        a = b + 1;
      }
    }
    double mbs = (double)(reps * n) / 1e6 / (now() - t0);
    if (mbs > best) best = mbs;
  }
  printf("numeral reader (gf_numbers_scan): %.1f MB of text, %.1f MB/s "
         "(%zu numbers a round)\n",
         (double)(reps * n) / 1e6, best, found);
  free(one);
}

static double cpu_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The store: the long report extracted once (figures, parcels, tables:
 * what extract --db stores), then stored as many documents - each its
 * own transaction with prepared statements - until 200,000 figure rows;
 * rows per second, and one document's storing against its extraction. */
static void store_path(const char *pdf, const char *dir) {
  double w0 = now(), c0 = cpu_now();
  gf_doc *doc = NULL;
  gf_figures *figs = NULL;
  gf_parcels *pars = NULL;
  gf_tables *tabs = NULL;
  if (gf_doc_open(pdf, NULL, 0, &doc, NULL) != GF_OK ||
      gf_figures_extract(doc, 0, &figs, NULL) != GF_OK ||
      gf_parcels_extract(doc, 0, &pars, NULL) != GF_OK ||
      gf_tables_extract(doc, 0, &tabs, NULL) != GF_OK) {
    fprintf(stderr, "bench: %s: cannot extract\n", pdf);
    goto done;
  }
  double ext_wall = now() - w0, ext_cpu = cpu_now() - c0;
  char path[256];
  snprintf(path, sizeof path, "%s/bench.sqlite", dir);
  gf_store *st = NULL;
  gf_error err = {0};
  if (gf_store_open(path, 0, &st, &err) != GF_OK) {
    fprintf(stderr, "bench: %s: %s\n", path, err.message);
    goto done;
  }
  gf_document d;
  gf_document_of(doc, figs, &d);
  size_t per = gf_figures_count(figs), rows = 0, n_docs = 0;
  w0 = now();
  c0 = cpu_now();
  while (rows < 200000 && per > 0) {
    char name[64];
    snprintf(name, sizeof name, "copy-%zu.pdf", n_docs);
    d.doc = name;
    snprintf(d.sha256, sizeof d.sha256, "%064zx", n_docs);
    if (gf_store_add(st, &d, figs, pars, tabs, NULL, &err) != GF_OK) {
      fprintf(stderr, "bench: store: %s\n", err.message);
      break;
    }
    rows += per;
    n_docs++;
  }
  double st_wall = now() - w0, st_cpu = cpu_now() - c0;
  gf_store_free(st);
  printf("store: %zu figure rows (%zu documents of %zu rows, with their "
         "parcels and %zu table cells) in %.2f s wall, %.2f s CPU = "
         "%.0f rows/s wall, %.0f rows/s CPU\n",
         rows, n_docs, per, gf_tables_count(tabs), st_wall, st_cpu,
         rows / st_wall, rows / st_cpu);
  printf("store: one document stored in %.3f s wall (%.3f s CPU) against "
         "%.3f s wall (%.3f s CPU) to extract it: %.1f%% of extraction\n",
         st_wall / (double)n_docs, st_cpu / (double)n_docs, ext_wall,
         ext_cpu, 100.0 * st_cpu / (double)n_docs / ext_cpu);
done:
  gf_tables_free(tabs);
  gf_parcels_free(pars);
  gf_figures_free(figs);
  gf_doc_free(doc);
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A batch: -j 1 against -j 2 on the PDFs of dir, then -j 2's peak memory
 * as the number of inputs grows. */
static void batch(const char *govfig, const char *dir, const char *out,
                  int pairs) {
  enum { MAX_FILES = 64, MAX_INPUTS = 60 };
  char *files[MAX_FILES];
  int n = 0;
  DIR *d = opendir(dir);
  struct dirent *e;
  while (d && n < MAX_FILES && (e = readdir(d)) != NULL) {
    size_t len = strlen(e->d_name);
    if (len < 5 || strcmp(e->d_name + len - 4, ".pdf") != 0) continue;
    size_t size = strlen(dir) + len + 2;
    if (!(files[n] = malloc(size))) break;
    snprintf(files[n++], size, "%s/%s", dir, e->d_name);
  }
  if (d) closedir(d);
  if (n == 0) {
    fprintf(stderr, "bench: %s: no PDF files\n", dir);
    return;
  }
  qsort(files, (size_t)n, sizeof *files, cmp_str);
  char *argv[8 + MAX_INPUTS];
  int head = 0;
  argv[head++] = (char *)govfig;
  argv[head++] = "extract";
  argv[head++] = "-q";
  argv[head++] = "-o";
  argv[head++] = (char *)out;
  argv[head++] = "-j";
  int jpos = head++;
  for (int i = 0; i < n; i++) argv[head + i] = files[i];
  argv[head + n] = NULL;
  double w1[32], w2[32];
  long rss1 = 0, rss2 = 0;
  for (int i = 0; i < pairs; i++) {
    argv[jpos] = "1";
    run r1 = spawn(argv);
    argv[jpos] = "2";
    run r2 = spawn(argv);
    w1[i] = r1.wall;
    w2[i] = r2.wall;
    if (r1.rss_kb > rss1) rss1 = r1.rss_kb;
    if (r2.rss_kb > rss2) rss2 = r2.rss_kb;
  }
  double m1 = median(w1, pairs), m2 = median(w2, pairs);
  printf("batch of %d files: -j 1 %.3f s (%ld MB), -j 2 %.3f s (%ld MB): "
         "speedup %.2fx\n",
         n, m1, rss1 / 1024, m2, rss2 / 1024, m2 > 0 ? m1 / m2 : 0.0);
  static const int counts[] = {1, 5, 20, 60};
  printf("peak RSS of -j 2 by number of inputs:");
  for (size_t c = 0; c < sizeof counts / sizeof *counts; c++) {
    for (int i = 0; i < counts[c]; i++) argv[head + i] = files[i % n];
    argv[head + counts[c]] = NULL;
    argv[jpos] = "2";
    run r = spawn(argv);
    printf(" %d: %ld MB%s", counts[c], r.rss_kb / 1024,
           c + 1 < sizeof counts / sizeof *counts ? "," : "\n");
  }
  for (int i = 0; i < n; i++) free(files[i]);
}

int main(int argc, char **argv) {
  if (argc == 3 && strcmp(argv[1], "--numbers") == 0) {
    numbers_path(argv[2]);
    return 0;
  }
  if (argc == 3 && strcmp(argv[1], "--text") == 0) {
    text_path(argv[2]);
    return 0;
  }
  if (argc < 5) {
    fprintf(stderr, "usage: bench GOVFIG LONG.pdf SHORT.pdf TEXT.txt "
                    "[PAIRS [BATCH_DIR]]\n");
    return 2;
  }
  int pairs = argc > 5 ? atoi(argv[5]) : 5;
  if (pairs < 1 || pairs > 32) pairs = 5;
  char out[] = "/tmp/govfig-bench-XXXXXX";
  if (!mkdtemp(out)) return 1;
  char cores[16];
  snprintf(cores, sizeof cores, "%ld", sysconf(_SC_NPROCESSORS_ONLN));
  char *const gv1[] = {argv[1], "extract", "-q", "-j", "1", "-o", out,
                       argv[2], NULL};
  char *const gv2[] = {argv[1], "extract", "-q", "-j", "2", "-o", out,
                       argv[2], NULL};
  char *const gvs[] = {argv[1], "extract", "-q", "-j", "1", "-o", out,
                       argv[3], NULL};
  char *const pt[] = {"pdftotext", argv[2], "/dev/null", NULL};
  char *const pts[] = {"pdftotext", argv[3], "/dev/null", NULL};
  printf("machine: %s cores; %d alternating pairs; medians\n", cores, pairs);
  printf("%-26s %7s %7s %9s %9s %9s %9s %8s %8s\n", "govfig vs pdftotext",
         "cpu x", "wall x", "gf cpu s", "gf wall s", "pt cpu s",
         "pt wall s", "gf MB", "pt MB");
  compare("long report, -j 1", gv1, pt, pairs);
  compare("long report, -j 2", gv2, pt, pairs);
  compare("short report, -j 1", gvs, pts, pairs);
  /* Before the text-only path: a forked child's peak RSS includes what
   * this process held before the exec. */
  if (argc > 6) batch(argv[1], argv[6], out, pairs);
  text_path(argv[4]);
  numbers_path(argv[4]);
  store_path(argv[2], out);
  char *const rm[] = {"rm", "-rf", out, NULL};
  spawn(rm);
  return 0;
}
