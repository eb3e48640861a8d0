/* fuzz_pdf.c - libFuzzer harness for gf_doc_open: the input is written to
 * a temporary file and opened as a PDF, then its figures are extracted.
 * Poppler itself is not our target; this checks our side of it - the
 * error mapping, page and glyph bookkeeping, the page-range threads (the
 * first byte's low bit asks for two) - on small, mostly broken PDFs. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "include/govfig.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static char path[64];
  if (!path[0])
    snprintf(path, sizeof path, "/tmp/govfig-fuzz-%ld.pdf", (long)getpid());
  if (size == 0) return 0;
  unsigned threads = (data[0] & 1u) ? 2u : 1u;
  FILE *f = fopen(path, "wb");
  if (!f) return 0;
  fwrite(data + 1, 1, size - 1, f);
  if (fclose(f) != 0) return 0;
  gf_doc *doc = NULL;
  gf_error err;
  int rc = gf_doc_open(path, NULL, GF_OPT_THREADS(threads), &doc, &err);
  if (rc == GF_OK) {
    size_t n = gf_doc_page_count(doc);
    for (size_t p = 1; p <= n; p++) {
      size_t len = 0;
      const char *t = gf_doc_page_text(doc, p, &len);
      if (!t || t[len] != '\0') __builtin_trap();
    }
    gf_figures *figs = NULL;
    gf_figures_extract(doc, 0, &figs, NULL);
    gf_figures_free(figs);
  } else if (doc || rc > 0) {
    __builtin_trap();
  }
  gf_doc_free(doc);
  unlink(path);
  return 0;
}
