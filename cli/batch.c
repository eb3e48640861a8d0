/* batch.c - many inputs over the cores for `govfig extract`: the FILE and
 * DIRECTORY arguments expanded to a sorted list of inputs, a pool of
 * worker threads that read them, and a writer - the calling thread - that
 * hands each input's result on in the order given, so that the output is
 * the same for any number of threads.  At most a few more inputs than
 * there are workers are in flight: one input's result is released as soon
 * as it and every earlier input have been written, so memory does not
 * grow with the number of files.  Messages of a worker are collected per
 * input and printed by the writer, in input order too. */
#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli/batch.h"
#include "cli/cli.h"

#define PROG GF_PROG

/* ------------------------------------------------------------- inputs */

typedef struct list {
  char **v;
  size_t n, cap;
} list;

static int push(list *l, const char *s) {
  if (l->n == l->cap) {
    size_t cap = l->cap ? 2 * l->cap : 16;
    char **v = realloc(l->v, cap * sizeof *v);
    if (!v) return -1;
    l->v = v;
    l->cap = cap;
  }
  if (!(l->v[l->n] = strdup(s))) return -1;
  l->n++;
  return 0;
}

static void list_free(list *l) {
  for (size_t i = 0; i < l->n; i++) free(l->v[i]);
  free(l->v);
  l->v = NULL;
  l->n = l->cap = 0;
}

static int cmp_name(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static int has_pdf_suffix(const char *name) {
  size_t n = strlen(name);
  if (n < 4) return 0;
  const char *s = name + n - 4;
  return s[0] == '.' && (s[1] | 0x20) == 'p' && (s[2] | 0x20) == 'd' &&
         (s[3] | 0x20) == 'f';
}

/* Appends the *.pdf files under dir (recursively; names sorted byte-wise in
 * each directory, hidden entries and symbolic links to directories
 * skipped, so that a link loop cannot trap the walk).  Returns the number
 * of directories that could not be read, each reported on stderr, or -1
 * when out of memory. */
static int walk(const char *dir, list *out) {
  DIR *d = opendir(dir);
  if (!d) {
    fprintf(stderr, PROG ": %s: cannot read directory: %s\n", dir,
            strerror(errno));
    return 1;
  }
  list names = {0};
  struct dirent *e;
  int bad = 0;
  size_t dlen = strlen(dir);
  while ((e = readdir(d)) != NULL) {
    if (e->d_name[0] == '.') continue;
    size_t len = dlen + strlen(e->d_name) + 2;
    char *path = malloc(len);
    if (!path) {
      bad = -1;
      break;
    }
    snprintf(path, len, "%s%s%s", dir,
             dlen && dir[dlen - 1] == '/' ? "" : "/", e->d_name);
    int rc = push(&names, path);
    free(path);
    if (rc) {
      bad = -1;
      break;
    }
  }
  closedir(d);
  if (names.n) qsort(names.v, names.n, sizeof *names.v, cmp_name);
  for (size_t i = 0; i < names.n && bad >= 0; i++) {
    struct stat lst, st;
    if (lstat(names.v[i], &lst) != 0) continue; /* gone meanwhile */
    if (S_ISDIR(lst.st_mode)) {
      int rc = walk(names.v[i], out);
      bad = rc < 0 ? -1 : bad + rc;
    } else if (has_pdf_suffix(names.v[i]) && stat(names.v[i], &st) == 0 &&
               S_ISREG(st.st_mode)) {
      if (push(out, names.v[i])) bad = -1;
    }
  }
  list_free(&names);
  return bad;
}

int gf_cli_inputs(char *const *args, size_t n_args, char ***paths,
                  size_t *n_paths) {
  list out = {0};
  int failed = 0;
  *paths = NULL;
  *n_paths = 0;
  for (size_t i = 0; i < n_args; i++) {
    struct stat st;
    if (stat(args[i], &st) == 0 && S_ISDIR(st.st_mode)) {
      size_t before = out.n;
      int rc = walk(args[i], &out);
      if (rc < 0) goto oom;
      failed += rc;
      if (rc == 0 && out.n == before) {
        fprintf(stderr, PROG ": %s: no PDF files in this directory\n",
                args[i]);
        failed++;
      }
    } else if (push(&out, args[i])) {
      goto oom; /* a missing file is reported when it is read */
    }
  }
  *paths = out.v;
  *n_paths = out.n;
  return failed;
oom:
  fprintf(stderr, PROG ": %s\n", strerror(ENOMEM));
  list_free(&out);
  return -1;
}

void gf_cli_inputs_free(char **paths, size_t n) {
  for (size_t i = 0; i < n; i++) free(paths[i]);
  free(paths);
}

/* ------------------------------------------------------------- batch */

typedef struct job {
  void *result;
  char *msgs; /* what the worker had to say, printed by the writer */
  size_t msgs_len;
  size_t pages;
  int done;
} job;

typedef struct pool {
  const gf_cli_batch *b;
  job *jobs;
  size_t next;    /* next input to start */
  size_t written; /* inputs handed to emit */
  size_t window;  /* most inputs started and not yet written */
  unsigned workers;
  int stop;
  pthread_mutex_t mu;
  pthread_cond_t can_start, can_write;
} pool;

/* Page threads for one input: the -j budget shared among the inputs that
 * can still run at the same time (a lone long report gets them all). */
static unsigned page_threads(const pool *p, size_t i) {
  size_t left = p->b->n - i;
  size_t busy = left < p->workers ? left : p->workers;
  unsigned t = busy ? (unsigned)(p->b->jobs / busy) : 1;
  return t ? t : 1;
}

static void run_one(pool *p, size_t i, unsigned threads) {
  job *j = &p->jobs[i];
  FILE *msgs = open_memstream(&j->msgs, &j->msgs_len);
  j->result = p->b->work(p->b->ctx, p->b->paths[i], threads,
                         msgs ? msgs : stderr, &j->pages);
  if (msgs) fclose(msgs);
}

static void *worker(void *arg) {
  pool *p = arg;
  /* Signals are for the writer: its handler removes the temporary
   * output. */
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGHUP);
  pthread_sigmask(SIG_BLOCK, &set, NULL);
  pthread_mutex_lock(&p->mu);
  for (;;) {
    while (!p->stop && p->next < p->b->n &&
           p->next >= p->written + p->window)
      pthread_cond_wait(&p->can_start, &p->mu);
    if (p->stop || p->next >= p->b->n) break;
    size_t i = p->next++;
    unsigned threads = page_threads(p, i);
    pthread_mutex_unlock(&p->mu);
    run_one(p, i, threads);
    pthread_mutex_lock(&p->mu);
    p->jobs[i].done = 1;
    pthread_cond_broadcast(&p->can_write);
  }
  pthread_mutex_unlock(&p->mu);
  return NULL;
}

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The progress line, rewritten in place ("\r"); only on a terminal. */
static void progress(const pool *p, size_t pages, double t0, int clear) {
  if (clear) {
    fputs("\r\033[K", stderr);
    return;
  }
  double dt = now() - t0;
  fprintf(stderr, "\r\033[K" PROG ": %zu/%zu files, %zu pages, %.0f pages/s",
          p->written, p->b->n, pages, dt > 0 ? (double)pages / dt : 0.0);
  fflush(stderr);
}

int gf_cli_batch_run(const gf_cli_batch *b) {
  if (b->n == 0) return 0;
  pool p;
  memset(&p, 0, sizeof p);
  p.b = b;
  p.workers = b->jobs < 1 ? 1 : b->jobs;
  if (p.workers > b->n) p.workers = (unsigned)b->n;
  p.window = (size_t)p.workers + 2;
  p.jobs = calloc(b->n, sizeof *p.jobs);
  if (!p.jobs) {
    fprintf(stderr, PROG ": %s\n", strerror(ENOMEM));
    return -1;
  }
  pthread_mutex_init(&p.mu, NULL);
  pthread_cond_init(&p.can_start, NULL);
  pthread_cond_init(&p.can_write, NULL);
  pthread_t *tids = calloc(p.workers, sizeof *tids);
  unsigned started = 0;
  if (p.workers > 1 && tids)
    while (started < p.workers &&
           pthread_create(&tids[started], NULL, worker, &p) == 0)
      started++;
  int show = b->progress && isatty(STDERR_FILENO);
  double t0 = now();
  size_t pages = 0;
  int stopped = 0;
  for (size_t i = 0; i < b->n && !stopped; i++) {
    job *j = &p.jobs[i];
    if (started == 0) { /* no threads: read each input here */
      p.next = i + 1;
      run_one(&p, i, page_threads(&p, i));
    } else {
      pthread_mutex_lock(&p.mu);
      while (!j->done) pthread_cond_wait(&p.can_write, &p.mu);
      pthread_mutex_unlock(&p.mu);
    }
    if (show) progress(&p, pages, t0, 1); /* emit may print too */
    if (j->msgs_len) fwrite(j->msgs, 1, j->msgs_len, stderr);
    free(j->msgs);
    j->msgs = NULL;
    pages += j->pages;
    stopped = b->emit(b->ctx, b->paths[i], j->result) != 0;
    j->result = NULL;
    pthread_mutex_lock(&p.mu);
    p.written = i + 1;
    p.stop = stopped;
    pthread_cond_broadcast(&p.can_start);
    pthread_mutex_unlock(&p.mu);
    if (show && !stopped) progress(&p, pages, t0, 0);
  }
  for (unsigned k = 0; k < started; k++) pthread_join(tids[k], NULL);
  if (show) progress(&p, pages, t0, 1);
  /* After a stop, inputs read but never written are released unseen. */
  for (size_t i = 0; i < b->n; i++) {
    if (p.jobs[i].result) b->emit(b->ctx, NULL, p.jobs[i].result);
    free(p.jobs[i].msgs);
  }
  free(tids);
  free(p.jobs);
  pthread_cond_destroy(&p.can_write);
  pthread_cond_destroy(&p.can_start);
  pthread_mutex_destroy(&p.mu);
  return stopped;
}
