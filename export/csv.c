/* csv.c - RFC 4180 CSV for the record files of spec/records.md: the
 * figures.csv columns in their fixed order, a row writer shared by every
 * record type (quoting, CRLF, the spreadsheet formula guard) and the reader
 * `govfig check` uses to map rows back to lines of a file. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/contract.h"
#include "export/export.h"
#include "normalize/normalize.h"

/* ------------------------------------------------------------- writing */

/* records.md section 1: the names and their order are the contract's
 * (common/contract.c). */
/* Which figure columns hold numbers: these are never formula-guarded, so a
 * growth of -3 stays -3 for the spreadsheet's arithmetic; JSON and SQL see
 * them as numbers. */
#define I GF_COL_INT
#define D GF_COL_DEC
#define R GF_COL_REAL
static const unsigned char figure_types[GF_FIG_N] = {
    0, I, 0, 0, I, 0, 0, D, 0, D, 0, 0, 0, 0, I, I, 0, D, 0, R, R, R, R};
#undef I
#undef D
#undef R

static const gf_record figure_record = {"figures", GF_FIGURE_COLUMNS,
                                        figure_types, GF_FIG_N};
const gf_record *gf_record_figures(void) { return &figure_record; }

const char *const *gf_figures_columns(void) { return GF_FIGURE_COLUMNS; }

/* Characters that make a spreadsheet read a cell as a formula (= + - @) or
 * that some of them strip before doing so (TAB, CR); OWASP "CSV injection". */
static int is_formula_start(char c) {
  return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' ||
         c == '\r';
}

/* -?[0-9]+(\.[0-9]+)? : what the library's exact decimals look like.
 * Returns the length of s when it is one, else 0. */
static size_t decimal_len(const char *s) {
  const char *p = s;
  if (*p == '-') p++;
  if (*p < '0' || *p > '9') return 0;
  while (*p >= '0' && *p <= '9') p++;
  if (*p == '.') {
    p++;
    if (*p < '0' || *p > '9') return 0;
    while (*p >= '0' && *p <= '9') p++;
  }
  return *p == '\0' ? (size_t)(p - s) : 0;
}

static int is_edge_space(char c) { return c == ' ' || c == '\t'; }

/* Rows are assembled here and handed to stdio in blocks: a putc or fwrite
 * per cell takes the FILE lock each time, which showed in profiles. */
typedef struct sink {
  FILE *f;
  size_t n;
  char buf[8192];
} sink;

static void out_flush(sink *o) {
  if (o->n) fwrite(o->buf, 1, o->n, o->f);
  o->n = 0;
}

static void out_put(sink *o, const char *s, size_t n) {
  if (n > sizeof o->buf - o->n) {
    out_flush(o);
    if (n > sizeof o->buf) {
      fwrite(s, 1, n, o->f);
      return;
    }
  }
  memcpy(o->buf + o->n, s, n);
  o->n += n;
}

static void out_putc(sink *o, char c) {
  if (o->n == sizeof o->buf) out_flush(o);
  o->buf[o->n++] = c;
}

static void write_cell(sink *o, const char *s, int guard) {
  /* One pass finds both the length and, mostly, that no quote is needed. */
  size_t plain = strcspn(s, ",\"\r\n");
  size_t len = s[plain] ? plain + strlen(s + plain) : plain;
  /* A cell that starts with the guard character is guarded too, so that
   * gf_csv_unguard can always tell a guard from data. */
  int guarded = guard && len > 0 && (is_formula_start(s[0]) || s[0] == '\'');
  int quoted = len > 0 && ((!guarded && is_edge_space(s[0])) ||
                           is_edge_space(s[len - 1]) || plain < len);
  if (quoted) out_putc(o, '"');
  if (guarded) out_putc(o, '\'');
  if (!quoted) {
    out_put(o, s, len);
    return;
  }
  for (const char *q; (q = strchr(s, '"')) != NULL; s = q + 1) {
    out_put(o, s, (size_t)(q - s) + 1);
    out_putc(o, '"');
  }
  out_put(o, s, strlen(s));
  out_putc(o, '"');
}

static void write_row(sink *o, const char *const *cells, size_t n,
                      const unsigned char *is_numeric, unsigned opts) {
  for (size_t i = 0; i < n; i++) {
    const char *s = cells[i] ? cells[i] : "";
    size_t num_len = is_numeric && is_numeric[i] ? decimal_len(s) : 0;
    if (i > 0) out_putc(o, ',');
    if (num_len) /* needs neither quotes nor the guard */
      out_put(o, s, num_len);
    else
      write_cell(o, s, !(opts & GF_OPT_NO_GUARD));
  }
  /* RFC 4180 2.1: records end in CRLF. */
  out_put(o, "\r\n", 2);
}

int gf_csv_write_row(FILE *f, const char *const *cells, size_t n,
                     const unsigned char *is_numeric, unsigned opts) {
  if (!f || (!cells && n > 0)) return GF_EINVAL;
  sink o;
  o.f = f;
  o.n = 0;
  write_row(&o, cells, n, is_numeric, opts);
  out_flush(&o);
  return ferror(f) ? GF_EIO : GF_OK;
}

const char *gf_csv_unguard(const char *cell) {
  if (cell && cell[0] == '\'' &&
      (is_formula_start(cell[1]) || cell[1] == '\''))
    return cell + 1;
  return cell;
}

/* Decimal digits of u into buf (24 bytes), after a '-' when neg: what
 * printf would write, without its cost per call. */
static const char *fmt_num(char *buf, unsigned long long u, int neg) {
  char *p = buf + 23;
  *p = '\0';
  do *--p = (char)('0' + u % 10);
  while ((u /= 10) != 0);
  if (neg) *--p = '-';
  return p;
}

static const char *fmt_int(char *buf, int v) {
  return fmt_num(buf, v < 0 ? 0ULL - (unsigned long long)v
                            : (unsigned long long)v, v < 0);
}

/* A box coordinate in points, at most two decimals, no trailing zeros
 * (148.8, 616.38); empty when the row has no box. */
const char *gf_csv_point(char *buf, size_t cap, double v, int has) {
  if (!has) return "";
  snprintf(buf, cap, "%.2f", v);
  char *e = buf + strlen(buf);
  while (e > buf && e[-1] == '0') *--e = '\0';
  if (e > buf && e[-1] == '.') *--e = '\0';
  if (strcmp(buf, "-0") == 0) strcpy(buf, "0");
  return buf;
}

void gf_figure_cells(const gf_figure *g, gf_cellbuf *b, const char **cells) {
  const char *v[GF_FIG_N] = {
      g->doc, fmt_int(b->num[0], g->page), g->section, g->kind,
      /* period 0 means unknown: an empty cell, not a year 0. */
      g->period ? fmt_int(b->num[1], g->period) : "",
      g->indicator, g->measure, g->value, g->unit, g->base_value,
      g->base_unit, g->bound, g->comparison, g->raw,
      fmt_num(b->num[2], g->start, 0), fmt_num(b->num[3], g->end, 0),
      g->sentence, g->value_max, g->indicator_key,
      gf_csv_point(b->num[4], sizeof b->num[4], g->x0, g->has_box),
      gf_csv_point(b->num[5], sizeof b->num[5], g->y0, g->has_box),
      gf_csv_point(b->num[6], sizeof b->num[6], g->x1, g->has_box),
      gf_csv_point(b->num[7], sizeof b->num[7], g->y1, g->has_box)};
  memcpy(cells, v, sizeof v);
}

/* The byte-order mark goes with the header: a file appended to (no
 * header) must not get a second one in its middle. */
static void put_bom(sink *o, unsigned opts) {
  if ((opts & GF_OPT_BOM) && !(opts & GF_OPT_NO_HEADER))
    out_put(o, "\xEF\xBB\xBF", 3);
}

int gf_csv_write_bom(FILE *f, unsigned opts) {
  if (!f) return GF_EINVAL;
  sink o;
  o.f = f;
  o.n = 0;
  put_bom(&o, opts);
  out_flush(&o);
  return ferror(f) ? GF_EIO : GF_OK;
}

int gf_figures_write_csv(const gf_figures *figs, FILE *f, unsigned opts) {
  if (!figs || !f) return GF_EINVAL;
  sink o;
  o.f = f;
  o.n = 0;
  put_bom(&o, opts);
  if (!(opts & GF_OPT_NO_HEADER))
    write_row(&o, GF_FIGURE_COLUMNS, GF_FIG_N, NULL, opts);
  size_t n = gf_figures_count(figs);
  for (size_t i = 0; i < n; i++) {
    gf_cellbuf nb;
    const char *cells[GF_FIG_N];
    gf_figure_cells(gf_figures_at(figs, i), &nb, cells);
    write_row(&o, cells, GF_FIG_N, figure_types, opts);
    if (ferror(f)) break; /* the disk is full: stop writing */
  }
  out_flush(&o);
  /* Flush so that a full disk is reported here, not lost in a buffer. */
  if (fflush(f) != 0 || ferror(f)) return GF_EIO;
  return GF_OK;
}

/* ------------------------------------------------------------- reading */

typedef struct csv_field {
  size_t off, len;   /* in gf_csv.text */
} csv_field;

typedef struct csv_row {
  size_t first, n;   /* fields[first .. first + n) */
  size_t line;       /* 1-based physical line where the record starts */
} csv_row;

struct gf_csv {
  char *text;        /* every field, each followed by a NUL */
  csv_field *fields;
  size_t n_fields, cap_fields;
  csv_row *rows;
  size_t n_rows, cap_rows;
};

static int push_field(gf_csv *c, size_t off, size_t len) {
  if (c->n_fields == c->cap_fields) {
    size_t cap = c->cap_fields ? 2 * c->cap_fields : 64;
    csv_field *p = gf_realloc(c->fields, cap * sizeof *p);
    if (!p) return GF_ENOMEM;
    c->fields = p;
    c->cap_fields = cap;
  }
  c->fields[c->n_fields].off = off;
  c->fields[c->n_fields].len = len;
  c->n_fields++;
  return GF_OK;
}

static int push_row(gf_csv *c, size_t first, size_t line) {
  if (c->n_rows == c->cap_rows) {
    size_t cap = c->cap_rows ? 2 * c->cap_rows : 64;
    csv_row *p = gf_realloc(c->rows, cap * sizeof *p);
    if (!p) return GF_ENOMEM;
    c->rows = p;
    c->cap_rows = cap;
  }
  c->rows[c->n_rows].first = first;
  c->rows[c->n_rows].n = c->n_fields - first;
  c->rows[c->n_rows].line = line;
  c->n_rows++;
  return GF_OK;
}

/* A line end is LF, CRLF (one line end) or a lone CR. */
static int ends_line(const char *d, size_t len, size_t i) {
  return d[i] == '\n' || (d[i] == '\r' && !(i + 1 < len && d[i + 1] == '\n'));
}

size_t gf_csv_offset_line(const char *data, size_t len, size_t off) {
  size_t line = 1;
  if (!data) return line;
  if (off > len) off = len;
  for (size_t i = 0; i < off; i++)
    if (ends_line(data, len, i)) line++;
  return line;
}

/* Whole-input checks first, so that the parser below only meets text. */
static int validate(const char *d, size_t len, size_t i, gf_error *err) {
  while (i < len) {
    if (d[i] == '\0') {
      gf_error_set(err, GF_EINVAL, "NUL byte in CSV text", 0, i);
      return GF_EINVAL;
    }
    if ((unsigned char)d[i] < 0x80) {
      i++;
      continue;
    }
    int32_t cp;
    size_t n = gf_utf8_decode(d + i, len - i, &cp);
    if (n == 0) {
      gf_error_set(err, GF_EUTF8, "invalid UTF-8 in CSV text", 0, i);
      return GF_EUTF8;
    }
    i += n;
  }
  return GF_OK;
}

/* Reads one field at d[*pi]; appends it to b.  Stops before the , or line
 * end that follows.  *line counts line ends inside quoted fields. */
static int read_field(const char *d, size_t len, size_t *pi, size_t *line,
                      gf_buf *b, gf_error *err) {
  size_t i = *pi;
  if (i < len && d[i] == '"') {
    size_t open = i++;
    for (;;) {
      if (i >= len) {
        gf_error_set(err, GF_EINVAL, "unterminated quoted field", 0, open);
        return GF_EINVAL;
      }
      if (d[i] == '"') {
        if (i + 1 < len && d[i + 1] == '"') {
          gf_buf_putc(b, '"');
          i += 2;
          continue;
        }
        i++;
        break;
      }
      if (ends_line(d, len, i)) (*line)++;
      gf_buf_putc(b, d[i++]);
    }
    if (i < len && d[i] != ',' && d[i] != '\r' && d[i] != '\n') {
      gf_error_set(err, GF_EINVAL, "character after a closing quote", 0, i);
      return GF_EINVAL;
    }
  } else {
    size_t from = i;
    while (i < len && d[i] != ',' && d[i] != '\r' && d[i] != '\n') {
      if (d[i] == '"') {
        gf_error_set(err, GF_EINVAL, "quote inside an unquoted field", 0, i);
        return GF_EINVAL;
      }
      i++;
    }
    gf_buf_put(b, d + from, i - from);
  }
  *pi = i;
  return GF_OK;
}

int gf_csv_parse(const char *data, size_t len, gf_csv **out, gf_error *err) {
  if (out) *out = NULL;
  if (!out || (!data && len > 0)) {
    gf_error_set(err, GF_EINVAL, "invalid argument", 0, 0);
    return GF_EINVAL;
  }
  gf_buf b = {0};
  size_t i = 0, line = 1;
  gf_csv *c = gf_calloc(1, sizeof *c);
  int rc = GF_ENOMEM;
  if (!c) goto fail;
  if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) i = 3;
  rc = validate(data, len, i, err);
  if (rc) goto fail;
  while (i < len) {
    if (data[i] == '\r' || data[i] == '\n') {  /* a blank line */
      if (ends_line(data, len, i)) line++;
      i++;
      continue;
    }
    size_t first = c->n_fields, row_line = line;
    for (;;) {
      size_t off = b.len;
      rc = read_field(data, len, &i, &line, &b, err);
      if (rc) goto fail;
      gf_buf_putc(&b, '\0');
      rc = push_field(c, off, b.len - 1 - off);
      if (rc) goto fail;
      if (i < len && data[i] == ',') {
        i++;
        continue;
      }
      break;
    }
    if (i < len) {  /* at a line end: CRLF, LF or CR */
      if (data[i] == '\r' && i + 1 < len && data[i + 1] == '\n') i++;
      i++;
      line++;
    }
    rc = push_row(c, first, row_line);
    if (rc) goto fail;
  }
  rc = GF_ENOMEM;
  if (b.oom) goto fail;
  c->text = b.p;  /* NULL when there is no field at all */
  *out = c;
  return GF_OK;
fail:
  if (rc == GF_ENOMEM) gf_error_set(err, GF_ENOMEM, "out of memory", 0, 0);
  gf_buf_free(&b);
  gf_csv_free(c);
  return rc;
}

int gf_csv_read_file(const char *path, gf_csv **out, gf_error *err) {
  if (out) *out = NULL;
  if (!path || !out) {
    gf_error_set(err, GF_EINVAL, "invalid argument", 0, 0);
    return GF_EINVAL;
  }
  FILE *f = fopen(path, "rb");
  if (!f) {
    gf_error_set(err, GF_EIO, "cannot open file", 0, 0);
    return GF_EIO;
  }
  gf_buf b = {0};
  char chunk[65536];
  size_t n;
  while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) gf_buf_put(&b, chunk, n);
  int failed = ferror(f);
  int saved = errno;
  fclose(f);
  int rc;
  if (failed) {
    gf_error_set(err, GF_EIO, "cannot read file", 0, b.len);
    rc = GF_EIO;
  } else if (b.oom) {
    gf_error_set(err, GF_ENOMEM, "out of memory", 0, 0);
    rc = GF_ENOMEM;
  } else {
    rc = gf_csv_parse(b.p, b.len, out, err);
  }
  gf_buf_free(&b);
  errno = saved;
  return rc;
}

void gf_csv_free(gf_csv *csv) {
  if (!csv) return;
  gf_free(csv->text);
  gf_free(csv->rows);
  gf_free(csv->fields);
  gf_free(csv);
}

size_t gf_csv_rows(const gf_csv *csv) { return csv ? csv->n_rows : 0; }

size_t gf_csv_cols(const gf_csv *csv, size_t row) {
  return csv && row < csv->n_rows ? csv->rows[row].n : 0;
}

const char *gf_csv_field(const gf_csv *csv, size_t row, size_t col,
                         size_t *len) {
  if (len) *len = 0;
  if (!csv || row >= csv->n_rows || col >= csv->rows[row].n) return NULL;
  const csv_field *fl = &csv->fields[csv->rows[row].first + col];
  if (len) *len = fl->len;
  return csv->text + fl->off;
}

size_t gf_csv_line(const gf_csv *csv, size_t row) {
  return csv && row < csv->n_rows ? csv->rows[row].line : 0;
}
