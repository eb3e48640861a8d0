/* export.h - what other modules may call in export/: the RFC 4180 row
 * writer shared by every CSV record type (figures, parcels, tables), the
 * formula guard it applies, and a CSV reader for `govfig check`. */
#ifndef GF_EXPORT_H
#define GF_EXPORT_H

#include <stddef.h>
#include <stdio.h>

#include "include/govfig.h"

/* ---- writing.
 * Writes one record of n cells followed by CRLF (RFC 4180 section 2.1).
 * A cell is quoted when it contains , " CR or LF or starts or ends with a
 * space or tab (spreadsheets trim those); quotes inside are doubled.
 * Formula guard (unless opts has GF_OPT_NO_GUARD): a text cell starting with
 * = + - @ TAB CR, or with the guard character ' itself, is written with a
 * leading ' so that a spreadsheet shows it as text and never runs it; see
 * gf_csv_unguard for the way back.  is_numeric (may be NULL: all text)
 * marks cells that hold numbers; a numeric cell that looks like a decimal
 * (-3, 1327.8) is never guarded, anything else in it is treated as text.
 * A NULL cell is written as an empty field.  Output goes through f's stdio
 * buffer (no flush).  Returns GF_OK, GF_EINVAL (f NULL, or cells NULL with
 * n > 0) or GF_EIO when ferror(f) is set afterwards. */
int gf_csv_write_row(FILE *f, const char *const *cells, size_t n,
                     const unsigned char *is_numeric, unsigned opts);

/* Writes the UTF-8 byte-order mark when opts has GF_OPT_BOM and not
 * GF_OPT_NO_HEADER (for a header written with gf_csv_write_row). */
int gf_csv_write_bom(FILE *f, unsigned opts);
/* A box coordinate (figures.csv x0..y1) as the export writes it: points
 * with at most two decimals, no trailing zeros (148.8, 616.38), written
 * into buf (cap >= 32); "" when has is 0.  Returns buf or "". */
const char *gf_csv_point(char *buf, size_t cap, double v, int has);

/* The page of `govfig view` (export/view.html), compiled in by the
 * Makefile: gf_view_template_len bytes, NUL-terminated. */
extern const unsigned char gf_view_template[];
extern const size_t gf_view_template_len;

/* The cell as the export wrote it before the formula guard: cell + 1 when
 * cell starts with ' followed by one of = + - @ TAB CR ', else cell itself.
 * Borrowed pointer into cell; NULL gives NULL. */
const char *gf_csv_unguard(const char *cell);

/* ---- records as cells: the one place a row becomes text fields, shared
 * by the CSV and JSON Lines writers and the store, so that every output
 * holds the same text.  A column's type says how JSON and SQL see it;
 * nonzero means a number (the CSV writer's is_numeric). */
enum {
  GF_COL_TEXT = 0, /* a string; "" is null in JSON and SQL */
  GF_COL_INT = 1,  /* an integer (page, offsets, years) */
  GF_COL_DEC = 2,  /* an exact decimal (value, base_value): kept as text */
  GF_COL_REAL = 3  /* a measurement (box coordinates, points) */
};
typedef struct gf_record {
  const char *table;           /* SQL table and file stem: "figures" */
  const char *const *columns;  /* NULL-terminated, the CSV header */
  const unsigned char *types;  /* GF_COL_* per column */
  size_t n;                    /* number of columns */
} gf_record;
/* The record types: figures.csv, parcels.csv, tables.csv (table
 * table_cells) and documents.csv. */
const gf_record *gf_record_figures(void);
const gf_record *gf_record_parcels(void);
const gf_record *gf_record_tables(void);
const gf_record *gf_record_documents(void);
const gf_record *gf_record_track(void); /* track.csv, table track */

/* Room for the numbers of one row's cells. */
#define GF_CELLS_MAX 40
typedef struct gf_cellbuf {
  char num[8][32];
} gf_cellbuf;
/* cells[0 .. record's n) of the row, as figures.csv writes them; numbers
 * are formatted into b, strings borrowed from the row. */
void gf_figure_cells(const gf_figure *g, gf_cellbuf *b, const char **cells);
void gf_parcel_cells(const gf_parcel *p, gf_cellbuf *b, const char **cells);
void gf_table_cells(const gf_table_cell *c, gf_cellbuf *b,
                    const char **cells);
void gf_document_cells(const gf_document *d, gf_cellbuf *b,
                       const char **cells);
void gf_track_row_cells(const gf_track_row *r, gf_cellbuf *b,
                        const char **cells);

/* ---- json.c: one JSON object per line, {"name":cell,...}: a number cell
 * that reads as a JSON number is written as its exact decimal text (never
 * through a double), "" as null, strings escaped (control characters,
 * U+2028 and U+2029 as backslash-u escapes).  Returns GF_OK, GF_EINVAL or GF_EIO
 * when ferror(f) is set afterwards. */
int gf_jsonl_write_row(FILE *f, const gf_record *rec,
                       const char *const *cells);

/* ---- schema.c: the store's tables, one per record: documents, figures,
 * parcels, table_cells (gf_store_record(0 .. GF_STORE_RECORDS - 1): the
 * rows of one document each), and track (gf_store_record(GF_STORE_TRACK):
 * the outcome of `govfig track --db` over the whole store). */
#define GF_STORE_RECORDS 4
#define GF_STORE_TRACK 4
const gf_record *gf_store_record(size_t i);
/* Appends the DDL of dialect (GF_SCHEMA_*) to b: GF_OK, GF_EINVAL,
 * GF_ENOMEM. */
struct gf_buf;
int gf_schema_build(int dialect, struct gf_buf *b);
/* Appends CREATE TABLE (and the doc index) of record r: for migrations. */
void gf_schema_table(int dialect, const gf_record *r, struct gf_buf *b);

/* ---- store.c internals, for load.c: one document's transaction.
 * gf_store_doc_begin opens it, deletes the stored documents with the same
 * sha256 or name (*replaced: how many) and inserts the documents row
 * (doc_cells: documents.csv's cells); gf_store_row inserts one row of
 * record rec (gf_store_record) from cells (from_csv: text cells lose the
 * formula guard); gf_store_doc_end commits (commit != 0) or rolls back.
 * On a failure of begin or row the caller ends with commit 0. */
int gf_store_doc_begin(gf_store *st, const char *const *doc_cells,
                       int *replaced, gf_error *err);
int gf_store_row(gf_store *st, size_t rec, const char *const *cells,
                 int from_csv, gf_error *err);
int gf_store_doc_end(gf_store *st, int commit, gf_error *err);

/* For tests: the integer in the first column of sql's first row (*v -1
 * when none); a SHA-256 (hex) of every table's rows in a fixed order,
 * loaded_at left out, so that a repeated load can be shown to change
 * nothing.  GF_OK or GF_ESTORE. */
int gf_store_query_int(gf_store *st, const char *sql, long long *v);
int gf_store_checksum(gf_store *st, char out[65]);

/* ---- reading.
 * A whole CSV file parsed into rows of fields.  Accepts a UTF-8 BOM at the
 * start (skipped), records ending in CRLF, LF or a lone CR, a last record
 * without a line end, quoted fields holding , " CR and LF (kept verbatim,
 * "" read as ").  Blank lines (no character at all) are skipped, so they
 * are neither rows nor errors; every later row still knows its line.
 * Malformed input is refused: a quote inside an unquoted field, a character
 * other than , or a line end after a closing quote, an unterminated quoted
 * field (GF_EINVAL), a NUL byte (GF_EINVAL) or invalid UTF-8 (GF_EUTF8);
 * err (may be NULL) then gets a constant message and the byte offset, which
 * gf_csv_offset_line turns into a line number.  Fields are not unguarded. */
typedef struct gf_csv gf_csv;

/* Parses len bytes of data (need not be NUL-terminated; data may be NULL
 * when len is 0).  *out (free with gf_csv_free) is NULL on failure.
 * Returns GF_OK, GF_EINVAL, GF_EUTF8 or GF_ENOMEM. */
int gf_csv_parse(const char *data, size_t len, gf_csv **out, gf_error *err);
/* Reads the file at path and parses it as gf_csv_parse does.  GF_EIO when
 * it cannot be read (errno tells why). */
int gf_csv_read_file(const char *path, gf_csv **out, gf_error *err);
void gf_csv_free(gf_csv *csv);
/* Number of rows (the header, if any, is row 0). */
size_t gf_csv_rows(const gf_csv *csv);
/* Number of fields of row (0 when row is out of range). */
size_t gf_csv_cols(const gf_csv *csv, size_t row);
/* Field col of row, NUL-terminated, quotes removed; *len (may be NULL) gets
 * its byte length.  NULL when row or col is out of range.  Lives as long as
 * csv. */
const char *gf_csv_field(const gf_csv *csv, size_t row, size_t col,
                         size_t *len);
/* 1-based physical line of the input where row starts (0 when out of
 * range).  A quoted field spanning lines makes the next row's line jump. */
size_t gf_csv_line(const gf_csv *csv, size_t row);
/* 1-based line holding byte offset off of data, counting line ends as the
 * reader does (CRLF, LF, lone CR); a leading BOM does not matter. */
size_t gf_csv_offset_line(const char *data, size_t len, size_t off);

#endif
