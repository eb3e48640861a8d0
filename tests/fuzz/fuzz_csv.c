/* fuzz_csv.c - libFuzzer harness for the CSV reader of `govfig check`
 * (export/export.h): gf_csv_parse on any bytes, every field and line
 * looked at, the rows written back and parsed again to the same fields. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export/export.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Writes csv's rows with the writer (no guard) and parses them again. */
static void round_trip(const gf_csv *csv) {
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  if (!f) return;
  size_t rows = gf_csv_rows(csv);
  for (size_t r = 0; r < rows; r++) {
    size_t n = gf_csv_cols(csv, r);
    const char **cells = calloc(n ? n : 1, sizeof *cells);
    if (!cells) break;
    for (size_t c = 0; c < n; c++) cells[c] = gf_csv_field(csv, r, c, NULL);
    gf_csv_write_row(f, cells, n, NULL, GF_OPT_NO_GUARD);
    free(cells);
  }
  fclose(f);
  gf_csv *again = NULL;
  if (gf_csv_parse(buf, len, &again, NULL) == GF_OK) {
    /* A row of one empty field is written as a blank line, which the
     * reader skips, and a first field starting with U+FEFF comes back as
     * a BOM, which it drops: compare only when neither happens. */
    size_t l0 = 0;
    const char *f0 = rows ? gf_csv_field(csv, 0, 0, &l0) : NULL;
    int blank = f0 && l0 >= 3 && memcmp(f0, "\xEF\xBB\xBF", 3) == 0;
    for (size_t r = 0; r < rows; r++) {
      size_t flen = 0;
      if (gf_csv_cols(csv, r) == 1 && gf_csv_field(csv, r, 0, &flen) &&
          flen == 0)
        blank = 1;
    }
    if (!blank && gf_csv_rows(again) != rows) __builtin_trap();
    for (size_t r = 0; !blank && r < rows; r++) {
      size_t n = gf_csv_cols(csv, r);
      if (gf_csv_cols(again, r) != n) __builtin_trap();
      for (size_t c = 0; c < n; c++) {
        size_t la = 0, lb = 0;
        const char *a = gf_csv_field(csv, r, c, &la);
        const char *b = gf_csv_field(again, r, c, &lb);
        if (la != lb || memcmp(a, b, la) != 0) __builtin_trap();
      }
    }
  }
  gf_csv_free(again);
  free(buf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  gf_csv *csv = NULL;
  gf_error err;
  int rc = gf_csv_parse((const char *)data, size, &csv, &err);
  if (rc == GF_OK) {
    size_t rows = gf_csv_rows(csv);
    for (size_t r = 0; r < rows; r++) {
      size_t n = gf_csv_cols(csv, r);
      if (gf_csv_line(csv, r) == 0) __builtin_trap();
      for (size_t c = 0; c < n; c++) {
        size_t len = 0;
        const char *s = gf_csv_field(csv, r, c, &len);
        if (!s || s[len] != '\0') __builtin_trap();
        (void)gf_csv_unguard(s);
      }
    }
    round_trip(csv);
  } else {
    if (csv) __builtin_trap();
    if (err.offset > size) __builtin_trap();
    (void)gf_csv_offset_line((const char *)data, size, err.offset);
  }
  gf_csv_free(csv);
  return 0;
}
