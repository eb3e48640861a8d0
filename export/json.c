/* json.c - JSON Lines (one object per line, RFC 8259 values) for every
 * record type: the same cells as the CSV (export/export.h's gf_*_cells),
 * under the CSV's column names, in the CSV's order.  Number columns are
 * written as JSON numbers straight from their exact decimal text - never
 * through a double, so 1640000000 stays 1640000000 and 0.1 stays 0.1 -,
 * empty cells as null, and strings escaped so that any JSON parser, and a
 * JavaScript <script> block, reads them back: quote, backslash, control
 * characters, U+2028 and U+2029.  No formula guard: JSON is not opened by
 * spreadsheets. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "export/export.h"
#include "normalize/normalize.h"

/* Rows are built here and handed to stdio in blocks, as csv.c does. */
typedef struct sink {
  FILE *f;
  size_t n;
  char buf[8192];
} sink;

static void flush(sink *o) {
  if (o->n) fwrite(o->buf, 1, o->n, o->f);
  o->n = 0;
}

static void put(sink *o, const char *s, size_t n) {
  if (n > sizeof o->buf - o->n) {
    flush(o);
    if (n > sizeof o->buf) {
      fwrite(s, 1, n, o->f);
      return;
    }
  }
  memcpy(o->buf + o->n, s, n);
  o->n += n;
}

static void putch(sink *o, char c) {
  if (o->n == sizeof o->buf) flush(o);
  o->buf[o->n++] = c;
}

/* -?(0|[1-9][0-9]*)(\.[0-9]+)? : a JSON number (RFC 8259 section 6)
 * without exponent, which is all our exact decimals ever are.  Anything
 * else in a number column (05, 1e3, abc) is written as a string. */
static int is_json_number(const char *s) {
  if (*s == '-') s++;
  if (*s == '0') s++;
  else if (*s >= '1' && *s <= '9')
    while (*s >= '0' && *s <= '9') s++;
  else
    return 0;
  if (*s == '.') {
    s++;
    if (*s < '0' || *s > '9') return 0;
    while (*s >= '0' && *s <= '9') s++;
  }
  return *s == '\0';
}

static void put_u(sink *o, unsigned cp) {
  static const char hex[] = "0123456789abcdef";
  char e[6] = {'\\', 'u', hex[(cp >> 12) & 15], hex[(cp >> 8) & 15],
               hex[(cp >> 4) & 15], hex[cp & 15]};
  put(o, e, sizeof e);
}

/* A JSON string: the runs that need no escape are copied whole. */
static void put_string(sink *o, const char *s) {
  putch(o, '"');
  const unsigned char *p = (const unsigned char *)s, *run = p;
  while (*p) {
    unsigned char c = *p;
    if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
      p++;
      continue;
    }
    if (c >= 0x80) {
      int32_t cp;
      size_t n = gf_utf8_decode((const char *)p, strlen((const char *)p),
                                &cp);
      if (n && cp != 0x2028 && cp != 0x2029) {
        p += n;
        continue;
      }
      put(o, (const char *)run, (size_t)(p - run));
      /* U+2028/2029 end a line in JavaScript; an invalid byte (never in
       * the library's text, which is checked UTF-8) becomes U+FFFD. */
      put_u(o, n ? (unsigned)cp : 0xFFFDu);
      p += n ? n : 1;
      run = p;
      continue;
    }
    put(o, (const char *)run, (size_t)(p - run));
    switch (c) {
    case '"': put(o, "\\\"", 2); break;
    case '\\': put(o, "\\\\", 2); break;
    case '\n': put(o, "\\n", 2); break;
    case '\r': put(o, "\\r", 2); break;
    case '\t': put(o, "\\t", 2); break;
    case '\b': put(o, "\\b", 2); break;
    case '\f': put(o, "\\f", 2); break;
    default: put_u(o, c); break;
    }
    run = ++p;
  }
  put(o, (const char *)run, (size_t)(p - run));
  putch(o, '"');
}

static void put_row(sink *o, const gf_record *rec, const char *const *cells) {
  putch(o, '{');
  for (size_t i = 0; i < rec->n; i++) {
    const char *v = cells[i] ? cells[i] : "";
    if (i) putch(o, ',');
    put_string(o, rec->columns[i]);
    putch(o, ':');
    if (!*v)
      put(o, "null", 4);
    else if (rec->types[i] != GF_COL_TEXT && is_json_number(v))
      put(o, v, strlen(v));
    else
      put_string(o, v);
  }
  put(o, "}\n", 2);
}

int gf_jsonl_write_row(FILE *f, const gf_record *rec,
                       const char *const *cells) {
  if (!f || !rec || !cells) return GF_EINVAL;
  sink o;
  o.f = f;
  o.n = 0;
  put_row(&o, rec, cells);
  flush(&o);
  return ferror(f) ? GF_EIO : GF_OK;
}

static int finish(sink *o) {
  flush(o);
  /* Flush so that a full disk is reported here, not lost in a buffer. */
  return fflush(o->f) != 0 || ferror(o->f) ? GF_EIO : GF_OK;
}

int gf_figures_write_jsonl(const gf_figures *figs, FILE *f) {
  if (!figs || !f) return GF_EINVAL;
  const gf_record *rec = gf_record_figures();
  sink o;
  o.f = f;
  o.n = 0;
  size_t n = gf_figures_count(figs);
  for (size_t i = 0; i < n && !ferror(f); i++) {
    gf_cellbuf b;
    const char *cells[GF_CELLS_MAX];
    gf_figure_cells(gf_figures_at(figs, i), &b, cells);
    put_row(&o, rec, cells);
  }
  return finish(&o);
}

int gf_parcels_write_jsonl(const gf_parcels *parcels, FILE *f) {
  if (!parcels || !f) return GF_EINVAL;
  const gf_record *rec = gf_record_parcels();
  sink o;
  o.f = f;
  o.n = 0;
  size_t n = gf_parcels_count(parcels);
  for (size_t i = 0; i < n && !ferror(f); i++) {
    gf_cellbuf b;
    const char *cells[GF_CELLS_MAX];
    gf_parcel_cells(gf_parcels_at(parcels, i), &b, cells);
    put_row(&o, rec, cells);
  }
  return finish(&o);
}

int gf_tables_write_jsonl(const gf_tables *tables, FILE *f) {
  if (!tables || !f) return GF_EINVAL;
  const gf_record *rec = gf_record_tables();
  sink o;
  o.f = f;
  o.n = 0;
  size_t n = gf_tables_count(tables);
  for (size_t i = 0; i < n && !ferror(f); i++) {
    gf_cellbuf b;
    const char *cells[GF_CELLS_MAX];
    gf_table_cells(gf_tables_at(tables, i), &b, cells);
    put_row(&o, rec, cells);
  }
  return finish(&o);
}

int gf_documents_write_jsonl(const gf_document *docs, size_t n, FILE *f) {
  if ((!docs && n) || !f) return GF_EINVAL;
  const gf_record *rec = gf_record_documents();
  sink o;
  o.f = f;
  o.n = 0;
  for (size_t i = 0; i < n && !ferror(f); i++) {
    gf_cellbuf b;
    const char *cells[GF_CELLS_MAX];
    gf_document_cells(&docs[i], &b, cells);
    put_row(&o, rec, cells);
  }
  return finish(&o);
}
