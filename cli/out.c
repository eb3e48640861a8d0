/* out.c - the output files of one run, replaced together (cli/out.h):
 * temporary files beside their final names, fsynced, renamed into place
 * all together under an exclusive lock on the directory, rolled back when
 * any step fails, and removed by a signal handler when the run is
 * interrupted.  File operations go through a descriptor of the output
 * directory (openat, renameat, linkat), so a long directory path or a
 * change of the working directory cannot break a commit half-way. */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/out.h"

typedef struct entry {
  char *name;  /* final name, relative to the directory */
  char *tmp;   /* temporary name, relative to the directory */
  char *full;  /* "DIR/NAME" for messages (and gf_out_path) */
  char *full_tmp; /* "DIR/TMP", what gf_out_path hands out */
  char *old;   /* during a commit: a hard link to the replaced file */
  FILE *f;     /* NULL for gf_out_path entries */
  int err;     /* errno of the first write error, 0 */
  int failed;  /* a write error was seen */
  volatile sig_atomic_t armed;   /* tmp exists and is ours to remove */
  volatile sig_atomic_t renamed; /* tmp is now at name (during a commit) */
} entry;

/* A directory the set made, removed again on abort when empty. */
typedef struct made {
  char *path;  /* relative to the directory when sub, else as given */
  int sub;
} made;

struct gf_out {
  char *dir;
  int dirfd;
  entry *v;
  size_t n, cap;
  made *dirs;
  size_t n_dirs, cap_dirs;
};

/* The set the signal handler cleans up: the one mutable global of the
 * CLI, since a handler can reach nothing else.  Changed only with the
 * signals blocked. */
static gf_out *volatile active;
static int handlers_installed;

static const int caught[] = {SIGINT, SIGTERM, SIGHUP};
#define N_CAUGHT (sizeof caught / sizeof *caught)

/* Removes what the set made; async-signal-safe (unlinkat, rmdir). */
static void remove_made(gf_out *s) {
  for (size_t i = 0; i < s->n; i++)
    if (s->v[i].armed) unlinkat(s->dirfd, s->v[i].tmp, 0);
  for (size_t i = s->n_dirs; i-- > 0;) {
    if (s->dirs[i].sub)
      unlinkat(s->dirfd, s->dirs[i].path, AT_REMOVEDIR);
    else
      rmdir(s->dirs[i].path);
  }
}

static void on_signal(int sig) {
  gf_out *s = active;
  if (s) remove_made(s);
  _exit(128 + sig);
}

/* Catches SIGINT, SIGTERM and SIGHUP, except signals the caller chose to
 * ignore (nohup, background jobs of a non-interactive shell). */
static void install_handlers(void) {
  if (handlers_installed) return;
  handlers_installed = 1;
  struct sigaction sa, old;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_signal;
  sigemptyset(&sa.sa_mask);
  for (size_t i = 0; i < N_CAUGHT; i++) sigaddset(&sa.sa_mask, caught[i]);
  for (size_t i = 0; i < N_CAUGHT; i++) {
    if (sigaction(caught[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
      continue;
    sigaction(caught[i], &sa, NULL);
  }
}

static void hold_signals(sigset_t *saved) {
  sigset_t set;
  sigemptyset(&set);
  for (size_t i = 0; i < N_CAUGHT; i++) sigaddset(&set, caught[i]);
  pthread_sigmask(SIG_BLOCK, &set, saved);
}

static void release_signals(const sigset_t *saved) {
  pthread_sigmask(SIG_SETMASK, saved, NULL);
}

static char *join(const char *a, const char *sep, const char *b) {
  size_t la = strlen(a), ls = strlen(sep), lb = strlen(b);
  char *s = malloc(la + ls + lb + 1);
  if (!s) return NULL;
  memcpy(s, a, la);
  memcpy(s + la, sep, ls);
  memcpy(s + la + ls, b, lb + 1);
  return s;
}

static void report(const char *file, const char *what, int e) {
  char shown[GF_SHOWN_MAX];
  const char *path = gf_cli_shown(file, shown, sizeof shown);
  fprintf(stderr, GF_PROG ": %s: %s: %s\n", path, what,
          e ? strerror(e) : "input/output error");
}

/* Records a directory the set made; with the signals held, since the
 * handler walks the list. */
static int note_made(gf_out *s, const char *path, int sub) {
  sigset_t saved;
  int rc = -1;
  hold_signals(&saved);
  if (s->n_dirs == s->cap_dirs) {
    size_t cap = s->cap_dirs ? 2 * s->cap_dirs : 4;
    made *d = realloc(s->dirs, cap * sizeof *d);
    if (!d) goto done;
    s->dirs = d;
    s->cap_dirs = cap;
  }
  if (!(s->dirs[s->n_dirs].path = strdup(path))) goto done;
  s->dirs[s->n_dirs++].sub = sub;
  rc = 0;
done:
  release_signals(&saved);
  if (rc) errno = ENOMEM;
  return rc;
}

/* mkdir -p of path, relative to dirfd when sub (else to the working
 * directory); every directory made is noted.  0 or -1 (errno). */
static int make_dirs(gf_out *s, const char *path, int sub) {
  char *buf = strdup(path);
  if (!buf) return -1;
  size_t n = strlen(buf);
  int rc = 0;
  for (size_t i = 1; i <= n && rc == 0; i++) {
    if (buf[i] != '/' && buf[i] != '\0') continue;
    if (buf[i - 1] == '/') continue;
    char c = buf[i];
    buf[i] = '\0';
    int r = sub ? mkdirat(s->dirfd, buf, 0777) : mkdir(buf, 0777);
    if (r == 0)
      rc = note_made(s, buf, sub);
    else if (errno != EEXIST)
      rc = -1;
    buf[i] = c;
  }
  int e = errno;
  free(buf);
  errno = e;
  return rc;
}

gf_out *gf_out_begin(const char *dir) {
  gf_out *s = calloc(1, sizeof *s);
  if (!s || !(s->dir = strdup(dir))) {
    free(s);
    report(dir, "cannot create directory", ENOMEM);
    return NULL;
  }
  s->dirfd = -1;
  install_handlers();
  sigset_t saved;
  hold_signals(&saved);
  int busy = active != NULL;
  if (!busy) active = s;
  release_signals(&saved);
  if (busy) { /* one set at a time: a bug in the caller */
    free(s->dir);
    free(s);
    report(dir, "cannot create directory", EBUSY);
    return NULL;
  }
  if (!*dir) errno = ENOENT;
  if (!*dir || make_dirs(s, dir, 0) != 0 ||
      (s->dirfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0) {
    report(dir, "cannot create directory", errno);
    gf_out_abort(s);
    return NULL;
  }
  return s;
}

/* Six random name characters: the time, the process and a counter mixed
 * (O_EXCL makes a clash harmless; the caller retries). */
static void random_tail(char *p) {
  static const char abc[] =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  static unsigned long counter;
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  unsigned long long x = (unsigned long long)ts.tv_nsec ^
                         ((unsigned long long)ts.tv_sec << 20) ^
                         ((unsigned long long)getpid() << 32) ^
                         (++counter * 0x9e3779b97f4a7c15ULL);
  x ^= x >> 29;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 32;
  for (int i = 0; i < 6; i++, x /= 62) p[i] = abc[x % 62];
  p[6] = '\0';
}

/* NAME's sibling ".BASE.WHAT" + six random characters, as a new string
 * (WHAT "" for the temporary file, "old." for a backup). */
static char *sibling(const char *name, const char *what) {
  const char *slash = strrchr(name, '/');
  size_t dlen = slash ? (size_t)(slash - name + 1) : 0;
  const char *base = name + dlen;
  size_t blen = strlen(base), wlen = strlen(what);
  char *s = malloc(dlen + 1 + blen + 1 + wlen + 7);
  if (!s) return NULL;
  memcpy(s, name, dlen);
  s[dlen] = '.';
  memcpy(s + dlen + 1, base, blen);
  s[dlen + 1 + blen] = '.';
  memcpy(s + dlen + 2 + blen, what, wlen);
  random_tail(s + dlen + 2 + blen + wlen);
  return s;
}

static int valid_name(const char *name) {
  if (!*name || *name == '/') return 0;
  for (const char *p = name; *p;) {
    const char *e = strchr(p, '/');
    size_t len = e ? (size_t)(e - p) : strlen(p);
    if (len == 0 || (len == 1 && p[0] == '.') ||
        (len == 2 && p[0] == '.' && p[1] == '.'))
      return 0;
    if (!e) break;
    p = e + 1;
  }
  return 1;
}

/* Makes the entry for NAME with its temporary file created; the index or
 * -1 (reported). */
static long add(gf_out *s, const char *name, int want_stream) {
  int e = EINVAL;
  if (!valid_name(name)) goto fail;
  for (size_t i = 0; i < s->n; i++)
    if (strcmp(s->v[i].name, name) == 0) {
      e = EEXIST;
      goto fail;
    }
  const char *slash = strrchr(name, '/');
  if (slash) {
    char *sub = strndup(name, (size_t)(slash - name));
    int r = sub ? make_dirs(s, sub, 1) : -1;
    e = sub ? errno : ENOMEM;
    free(sub);
    if (r != 0) goto fail;
  }
  e = ENOMEM;
  if (s->n == s->cap) {
    size_t cap = s->cap ? 2 * s->cap : 4;
    sigset_t saved;
    hold_signals(&saved);
    entry *v = realloc(s->v, cap * sizeof *v);
    if (v) {
      s->v = v;
      s->cap = cap;
    }
    release_signals(&saved);
    if (!v) goto fail;
  }
  entry *en = &s->v[s->n];
  memset(en, 0, sizeof *en);
  if (!(en->name = strdup(name)) || !(en->full = join(s->dir, "/", name)))
    goto fail_entry;
  int fd = -1;
  for (int tries = 0; fd < 0 && tries < 100; tries++) {
    free(en->tmp);
    if (!(en->tmp = sibling(name, ""))) goto fail_entry;
    sigset_t saved;
    hold_signals(&saved);
    fd = openat(s->dirfd, en->tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
                0666);
    e = errno;
    if (fd >= 0) {
      en->armed = 1;
      s->n++; /* the handler sees it from now on */
    }
    release_signals(&saved);
    if (fd < 0 && e != EEXIST) goto fail_entry;
  }
  if (fd < 0) goto fail_entry;
  if (want_stream) {
    if (!(en->f = fdopen(fd, "w"))) {
      e = errno;
      close(fd);
      goto fail;
    }
  } else {
    close(fd);
    if (!(en->full_tmp = join(s->dir, "/", en->tmp))) goto fail;
  }
  return (long)(s->n - 1);
fail_entry:
  free(en->name);
  free(en->full);
  free(en->tmp);
  memset(en, 0, sizeof *en);
fail:
  report(s->dir, "cannot create output file", e);
  return -1;
}

FILE *gf_out_file(gf_out *set, const char *name) {
  long i = add(set, name, 1);
  return i < 0 ? NULL : set->v[i].f;
}

const char *gf_out_path(gf_out *set, const char *name) {
  long i = add(set, name, 0);
  return i < 0 ? NULL : set->v[i].full_tmp;
}

static entry *find(gf_out *s, FILE *f) {
  for (size_t i = 0; i < s->n; i++)
    if (s->v[i].f == f) return &s->v[i];
  return NULL;
}

void gf_out_fail(gf_out *set, FILE *f) {
  int e = errno;
  entry *en = find(set, f);
  if (en && !en->failed) {
    en->failed = 1;
    en->err = e;
  }
}

/* Flushes, fsyncs and closes one file; 0 or -1 (reported). */
static int finish(entry *en, int dirfd) {
  int e = 0;
  if (en->f) {
    FILE *f = en->f;
    en->f = NULL;
    errno = 0;
    int bad = en->failed || fflush(f) != 0 || ferror(f) ||
              fsync(fileno(f)) != 0;
    e = en->failed ? en->err : errno;
    if (fclose(f) != 0 && !bad) {
      bad = 1;
      e = errno;
    }
    if (!bad) return 0;
  } else {
    int fd = openat(dirfd, en->tmp, O_RDONLY | O_CLOEXEC);
    if (fd >= 0 && fsync(fd) == 0) {
      close(fd);
      return 0;
    }
    e = errno;
    if (fd >= 0) close(fd);
  }
  report(en->full, "write failed", e);
  return -1;
}

/* Puts back what the renames of a failed commit replaced. */
static void roll_back(gf_out *s) {
  for (size_t i = 0; i < s->n; i++) {
    entry *en = &s->v[i];
    if (!en->renamed) continue;
    if (en->old) {
      if (renameat(s->dirfd, en->old, s->dirfd, en->name) == 0) {
        free(en->old);
        en->old = NULL;
      } else { /* kept, not removed by release */
        fprintf(stderr, GF_PROG ": %s: cannot put the older file back: %s;"
                        " it is kept as %s/%s\n", en->full, strerror(errno),
                s->dir, en->old);
      }
    } else {
      unlinkat(s->dirfd, en->name, 0);
    }
    en->renamed = 0;
  }
}

/* With the signals held and the directory locked: every temporary file
 * renamed to its name, the replaced files kept as hard links until all
 * renames succeeded.  0 or -1 (reported; rolled back). */
static int rename_all(gf_out *s) {
  for (size_t i = 0; i < s->n; i++) {
    entry *en = &s->v[i];
    for (int tries = 0; tries < 100; tries++) {
      free(en->old);
      if (!(en->old = sibling(en->name, "old."))) break;
      if (linkat(s->dirfd, en->name, s->dirfd, en->old, 0) == 0) break;
      int e = errno;
      free(en->old);
      en->old = NULL;
      /* nothing to keep (ENOENT), or a file system without hard links:
       * the rename still replaces the file in one step */
      if (e != EEXIST) break;
    }
    if (renameat(s->dirfd, en->tmp, s->dirfd, en->name) != 0) {
      report(en->full, "cannot rename output into place", errno);
      roll_back(s);
      return -1;
    }
    en->armed = 0;
    en->renamed = 1;
  }
  return 0;
}

/* fsyncs the directory and the subdirectories that received files. */
static void sync_dirs(gf_out *s) {
  fsync(s->dirfd);
  for (size_t i = 0; i < s->n; i++) {
    const char *slash = strrchr(s->v[i].name, '/');
    if (!slash) continue;
    char *sub = strndup(s->v[i].name, (size_t)(slash - s->v[i].name));
    int fd = sub ? openat(s->dirfd, sub, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
                 : -1;
    if (fd >= 0) {
      fsync(fd);
      close(fd);
    }
    free(sub);
  }
}

static void release(gf_out *s) {
  sigset_t saved;
  hold_signals(&saved);
  if (active == s) active = NULL;
  release_signals(&saved);
  for (size_t i = 0; i < s->n; i++) {
    entry *en = &s->v[i];
    if (en->f) fclose(en->f);
    free(en->name);
    free(en->tmp);
    free(en->full);
    free(en->full_tmp);
    free(en->old);
  }
  for (size_t i = 0; i < s->n_dirs; i++) free(s->dirs[i].path);
  if (s->dirfd >= 0) close(s->dirfd);
  free(s->dirs);
  free(s->v);
  free(s->dir);
  free(s);
}

int gf_out_commit(gf_out *set) {
  int rc = 0;
  for (size_t i = 0; i < set->n && rc == 0; i++)
    rc = finish(&set->v[i], set->dirfd);
  if (rc == 0) {
    /* Another run committing here waits (a signal meanwhile still
     * removes the temporary files); a file system without locks (flock
     * fails at once) still gets the renames. */
    int locked = flock(set->dirfd, LOCK_EX) == 0;
    sigset_t saved;
    hold_signals(&saved);
    rc = rename_all(set);
    for (size_t i = 0; rc == 0 && i < set->n; i++) {
      if (set->v[i].old) unlinkat(set->dirfd, set->v[i].old, 0);
      free(set->v[i].old);
      set->v[i].old = NULL;
    }
    if (rc == 0) sync_dirs(set);
    release_signals(&saved);
    if (locked) flock(set->dirfd, LOCK_UN);
  }
  if (rc != 0) {
    gf_out_abort(set);
    return -1;
  }
  release(set);
  return 0;
}

void gf_out_abort(gf_out *set) {
  if (!set) return;
  sigset_t saved;
  hold_signals(&saved);
  for (size_t i = 0; i < set->n; i++)
    if (set->v[i].f) {
      fclose(set->v[i].f);
      set->v[i].f = NULL;
    }
  remove_made(set);
  for (size_t i = 0; i < set->n; i++) set->v[i].armed = 0;
  release_signals(&saved);
  release(set);
}
