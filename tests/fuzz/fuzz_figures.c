/* fuzz_figures.c - libFuzzer harness for the whole text path: the input as
 * a report's text (pages split at form feeds) through gf_doc_open_text,
 * gf_figures_extract and the CSV writer.  Every row's raw must equal its
 * page text at start..end (records.md provenance rule). */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "include/govfig.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  gf_doc *doc = NULL;
  gf_figures *figs = NULL;
  if (gf_doc_open_text("fuzz.txt", (const char *)data, size, &doc, NULL) !=
      GF_OK)
    return 0;
  if (gf_figures_extract(doc, 0, &figs, NULL) == GF_OK) {
    size_t n = gf_figures_count(figs);
    for (size_t i = 0; i < n; i++) {
      const gf_figure *f = gf_figures_at(figs, i);
      size_t len = 0;
      const char *page = gf_doc_page_text(doc, (size_t)f->page, &len);
      if (!page || f->start > f->end || f->end > len ||
          strlen(f->raw) != f->end - f->start ||
          memcmp(f->raw, page + f->start, f->end - f->start) != 0)
        __builtin_trap();
    }
    FILE *sink = fopen("/dev/null", "w");
    if (sink) {
      gf_figures_write_csv(figs, sink, 0);
      fclose(sink);
    }
  }
  gf_figures_free(figs);
  gf_doc_free(doc);
  return 0;
}
