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

/* The cell as the export wrote it before the formula guard: cell + 1 when
 * cell starts with ' followed by one of = + - @ TAB CR ', else cell itself.
 * Borrowed pointer into cell; NULL gives NULL. */
const char *gf_csv_unguard(const char *cell);

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
