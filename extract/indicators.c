/* indicators.c - the indicator vocabulary behind figures.csv's
 * indicator_key (records.md section 1): the same key for the same
 * indicator in every report.  The built-in table is extract/indicators.tsv,
 * compiled in by the Makefile; users add lines in the same format.
 *
 * Names are compared after normalization: NFKC, no spaces or round
 * brackets (农村(牧区)居民 is 农村牧区居民), ASCII letters
 * upper-cased, region prefixes, leading verbs and trailing growth words
 * stripped (the word tables GF_KEY_PREFIXES / GF_KEY_SUFFIXES of vocab.c).
 * Variants sit in an open-addressing hash table keyed by their normalized
 * form; a later line wins, so a user's file overrides the built-in one. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/extract.h"
#include "extract/vocab.h"
#include "normalize/normalize.h"

/* build/gen/indicators_tsv.c, generated from extract/indicators.tsv */
extern const unsigned char gf_indicators_tsv[];
extern const size_t gf_indicators_tsv_len;

#define NAME_MAX_BYTES 512 /* longer names are their own key, unmatched */

typedef struct entry {
  char *key;
  int dir;
} entry;

typedef struct slot {
  char *name;   /* normalized variant; NULL: empty slot */
  size_t entry; /* index into entries */
} slot;

struct gf_indicators {
  entry *e;
  size_t n_e, cap_e;
  slot *s;
  size_t n_s, cap_s; /* cap_s a power of two, at most half full */
};

/* ------------------------------------------------------------ names */

static size_t strip_prefix(const char *s, size_t len, size_t *at) {
  for (const char *const *w = GF_KEY_PREFIXES; *w; w++) {
    size_t n = strlen(*w);
    if (n < len - *at && memcmp(s + *at, *w, n) == 0) return n;
  }
  return 0;
}

static size_t strip_suffix(const char *s, size_t from, size_t len) {
  for (const char *const *w = GF_KEY_SUFFIXES; *w; w++) {
    size_t n = strlen(*w);
    if (n < len - from && memcmp(s + len - n, *w, n) == 0) return n;
  }
  return 0;
}

/* The comparable form of name into buf (cap bytes): returns its length, or
 * (size_t)-1 when name is not UTF-8 or does not fit. */
static size_t norm_name(const char *name, size_t len, char *buf, size_t cap) {
  char *t = NULL;
  size_t tlen = 0;
  if (gf_text_normalize(name, len, &t, &tlen, NULL)) return (size_t)-1;
  size_t n = 0;
  for (size_t i = 0; i < tlen; i++) {
    char c = t[i];
    /* 农村(牧区)居民 = 农村牧区居民: brackets are how a name is written */
    if (c == ' ' || c == '\t' || c == '\n' || c == '(' || c == ')') continue;
    if (i + 2 < tlen && memcmp(t + i, "\xEF\xBC", 2) == 0 &&
        (t[i + 2] == '\x88' || t[i + 2] == '\x89')) { /* （ ） kept by NFKC */
      i += 2;
      continue;
    }
    if (c >= 'a' && c <= 'z') c = (char)(c - 'a' + 'A');
    if (n + 1 >= cap) {
      gf_free(t);
      return (size_t)-1;
    }
    buf[n++] = c;
  }
  gf_free(t);
  buf[n] = '\0';
  /* strip from both ends while something is left */
  size_t a = 0, b = n, k;
  for (int again = 1; again;) {
    again = 0;
    if ((k = strip_prefix(buf, b, &a)) != 0) a += k, again = 1;
    if ((k = strip_suffix(buf, a, b)) != 0) b -= k, again = 1;
  }
  memmove(buf, buf + a, b - a);
  buf[b - a] = '\0';
  return b - a;
}

/* ------------------------------------------------------------ table */

static size_t hash(const char *s) {
  size_t h = 2166136261u; /* FNV-1a */
  for (; *s; s++) h = (h ^ (unsigned char)*s) * 16777619u;
  return h;
}

static slot *find_slot(const gf_indicators *v, const char *name) {
  size_t mask = v->cap_s - 1;
  for (size_t i = hash(name) & mask;; i = (i + 1) & mask)
    if (!v->s[i].name || strcmp(v->s[i].name, name) == 0) return &v->s[i];
}

static int grow_slots(gf_indicators *v) {
  size_t cap = v->cap_s ? v->cap_s * 2 : 256;
  slot *old = v->s;
  size_t old_cap = v->cap_s;
  v->s = gf_calloc(cap, sizeof *v->s);
  if (!v->s) {
    v->s = old;
    return GF_ENOMEM;
  }
  v->cap_s = cap;
  for (size_t i = 0; i < old_cap; i++)
    if (old[i].name) *find_slot(v, old[i].name) = old[i];
  gf_free(old);
  return GF_OK;
}

/* Maps the normalized variant name to entry e (a later mapping wins). */
static int map_variant(gf_indicators *v, const char *name, size_t e) {
  if (!name[0]) return GF_OK;
  if ((v->n_s + 1) * 2 > v->cap_s && grow_slots(v)) return GF_ENOMEM;
  slot *s = find_slot(v, name);
  if (!s->name) {
    if (!(s->name = gf_strdup(name))) return GF_ENOMEM;
    v->n_s++;
  }
  s->entry = e;
  return GF_OK;
}

/* The entry of key, added when new (its direction set to dir). */
static int entry_for(gf_indicators *v, const char *key, size_t len, int dir,
                     size_t *out) {
  for (size_t i = 0; i < v->n_e; i++)
    if (strlen(v->e[i].key) == len && memcmp(v->e[i].key, key, len) == 0) {
      v->e[i].dir = dir;
      *out = i;
      return GF_OK;
    }
  if (v->n_e == v->cap_e) {
    size_t cap = v->cap_e ? v->cap_e * 2 : 128;
    entry *e = gf_realloc(v->e, cap * sizeof *e);
    if (!e) return GF_ENOMEM;
    v->e = e;
    v->cap_e = cap;
  }
  if (!(v->e[v->n_e].key = gf_strndup(key, len))) return GF_ENOMEM;
  v->e[v->n_e].dir = dir;
  *out = v->n_e++;
  return GF_OK;
}

/* ------------------------------------------------------------ file format */

static const char *const DIRECTIONS[] = {"-", "up", "down"};
static const int DIRECTION_VALUES[] = {GF_DIRECTION_NONE, GF_DIRECTION_UP,
                                       GF_DIRECTION_DOWN};

static int read_direction(const char *s, size_t n, int *dir) {
  for (size_t i = 0; i < sizeof DIRECTIONS / sizeof *DIRECTIONS; i++)
    if (strlen(DIRECTIONS[i]) == n && memcmp(DIRECTIONS[i], s, n) == 0) {
      *dir = DIRECTION_VALUES[i];
      return 1;
    }
  return 0;
}

static const char *direction_name(int dir) {
  for (size_t i = 0; i < sizeof DIRECTIONS / sizeof *DIRECTIONS; i++)
    if (DIRECTION_VALUES[i] == dir) return DIRECTIONS[i];
  return "-";
}

/* One line's fields: start and length of each TAB-separated field. */
typedef struct fields {
  size_t a[64], n[64];
  size_t count;
} fields;

static void split_line(const char *s, size_t len, fields *f) {
  f->count = 0;
  size_t a = 0;
  for (size_t i = 0; i <= len && f->count < 64; i++)
    if (i == len || s[i] == '\t') {
      f->a[f->count] = a;
      f->n[f->count++] = i - a;
      a = i + 1;
    }
}

/* Applies one line (apply 0: only checks it). */
static int add_line(gf_indicators *v, const char *s, size_t len, int apply) {
  fields f;
  split_line(s, len, &f);
  int dir;
  if (f.count < 2 || f.n[0] == 0 || f.n[0] > NAME_MAX_BYTES ||
      !read_direction(s + f.a[1], f.n[1], &dir))
    return GF_EINVAL;
  char name[NAME_MAX_BYTES * 2];
  for (size_t i = 0; i < len;) {
    int32_t cp;
    size_t n = gf_utf8_decode(s + i, len - i, &cp);
    if (!n) return GF_EUTF8;
    i += n;
  }
  if (!apply) return GF_OK;
  size_t e;
  int rc = entry_for(v, s + f.a[0], f.n[0], dir, &e);
  for (size_t i = 0; !rc && i < f.count; i++) {
    if (i == 1 || f.n[i] == 0) continue;
    size_t n = norm_name(s + f.a[i], f.n[i], name, sizeof name);
    if (n == (size_t)-1) return GF_EINVAL;
    rc = map_variant(v, name, e);
  }
  return rc;
}

/* Every line of text, checked first (apply 0) so that a bad file changes
 * nothing, then applied. */
static int add_text(gf_indicators *v, const char *text, size_t len,
                    int apply, gf_error *err) {
  size_t line = 0;
  for (size_t a = 0; a < len;) {
    const char *nl = memchr(text + a, '\n', len - a);
    size_t b = nl ? (size_t)(nl - text) : len, e = b;
    line++;
    if (e > a && text[e - 1] == '\r') e--;
    size_t i = a;
    while (i < e && text[i] == ' ') i++;
    if (i < e && text[i] != '#') {
      int rc = add_line(v, text + a, e - a, apply);
      if (rc) {
        gf_error_set(err, rc,
                     rc == GF_EUTF8 ? "indicator vocabulary: invalid UTF-8"
                     : rc == GF_ENOMEM
                         ? "out of memory"
                         : "indicator vocabulary: a line needs KEY, TAB, "
                           "up|down|-, then TAB-separated variants",
                     0, a);
        if (err) err->line = line;
        return rc;
      }
    }
    a = b + 1;
  }
  return GF_OK;
}

/* ------------------------------------------------------------ public */

int gf_indicators_add(gf_indicators *v, const char *text, size_t len,
                      const char *name, gf_error *err) {
  (void)name;
  if (!v || (!text && len)) return gf_error_set(err, GF_EINVAL,
                                                "invalid argument", 0, 0);
  int rc = add_text(v, text, len, 0, err);
  if (!rc) rc = add_text(v, text, len, 1, err);
  return rc;
}

int gf_indicators_new(gf_indicators **out, gf_error *err) {
  if (!out) return gf_error_set(err, GF_EINVAL, "invalid argument", 0, 0);
  *out = NULL;
  gf_indicators *v = gf_calloc(1, sizeof *v);
  if (!v) return gf_error_set(err, GF_ENOMEM, "out of memory", 0, 0);
  int rc = add_text(v, (const char *)gf_indicators_tsv, gf_indicators_tsv_len,
                    1, err);
  if (rc) {
    gf_indicators_free(v);
    return rc;
  }
  *out = v;
  return GF_OK;
}

void gf_indicators_free(gf_indicators *v) {
  if (!v) return;
  for (size_t i = 0; i < v->n_e; i++) gf_free(v->e[i].key);
  for (size_t i = 0; i < v->cap_s; i++) gf_free(v->s[i].name);
  gf_free(v->e);
  gf_free(v->s);
  gf_free(v);
}

const char *gf_indicators_key(const gf_indicators *v, const char *indicator,
                              size_t len, char *buf, size_t cap) {
  if (!indicator || !buf || cap == 0) return NULL;
  size_t n = norm_name(indicator, len, buf, cap);
  if (n == (size_t)-1) return NULL;
  if (!v || !v->cap_s || !n) return buf;
  const slot *s = find_slot(v, buf);
  if (!s->name) return buf;
  const char *key = v->e[s->entry].key;
  size_t kl = strlen(key);
  if (kl + 1 > cap) return NULL;
  memcpy(buf, key, kl + 1);
  return buf;
}

int gf_indicators_direction(const gf_indicators *v, const char *key) {
  if (!v || !key || !v->cap_s) return GF_DIRECTION_NONE;
  char name[NAME_MAX_BYTES * 2];
  size_t n = norm_name(key, strlen(key), name, sizeof name);
  if (n == (size_t)-1 || n == 0) return GF_DIRECTION_NONE;
  const slot *s = find_slot(v, name);
  if (!s->name || strcmp(v->e[s->entry].key, key) != 0)
    return GF_DIRECTION_NONE;
  return v->e[s->entry].dir;
}

int gf_indicators_write(const gf_indicators *v, FILE *f) {
  if (!v || !f) return GF_EINVAL;
  fputs("# KEY\tDIRECTION\tVARIANT...\n", f);
  for (size_t i = 0; i < v->n_e; i++) {
    fprintf(f, "%s\t%s", v->e[i].key, direction_name(v->e[i].dir));
    for (size_t k = 0; k < v->cap_s; k++)
      if (v->s[k].name && v->s[k].entry == i) fprintf(f, "\t%s", v->s[k].name);
    fputc('\n', f);
  }
  return fflush(f) || ferror(f) ? GF_EIO : GF_OK;
}
