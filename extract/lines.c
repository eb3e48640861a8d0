/* lines.c - a page's text split into lines (extract.h's gf_line): used by
 * the PDF reader (pdf.c, one page at a time as threads finish them) and by
 * the text reader (doc.c), apart from both so that neither calls the
 * other back. */
#include <stdint.h>
#include <string.h>

#include "extract/extract.h"
#include "normalize/normalize.h"

/* Room for one more line in doc->lines. */
static int grow_lines(struct gf_doc *doc) {
  if (doc->n_lines < doc->cap_lines) return GF_OK;
  size_t cap = doc->cap_lines ? 2 * doc->cap_lines : 64;
  gf_line *v = gf_realloc(doc->lines, cap * sizeof *v);
  if (!v) return GF_ENOMEM;
  doc->lines = v;
  doc->cap_lines = cap;
  return GF_OK;
}

int gf_doc_add_page_lines(struct gf_doc *doc, size_t page) {
  const gf_page *pg = &doc->pages[page];
  const char *text = pg->text, *end = text + pg->len;
  size_t first = doc->n_lines;
  for (const char *p = text;; p++) {
    if (grow_lines(doc)) {
      doc->n_lines = first;
      return GF_ENOMEM;
    }
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    const char *e = nl ? nl : end;
    size_t off = (size_t)(p - text), len = (size_t)(e - p);
    if (len && e[-1] == '\r') len--;
    doc->lines[doc->n_lines++] =
        (gf_line){.page = (uint32_t)page, .off = off, .len = len};
    if (!nl) break;
    p = nl;
  }
  return GF_OK;
}

int gf_doc_split_lines(struct gf_doc *doc) {
  if (doc->cap_lines == 0) doc->lines = NULL;
  doc->n_lines = 0;
  for (size_t p = 0; p < doc->n_pages; p++) {
    int rc = gf_doc_add_page_lines(doc, p);
    if (rc) return rc;
  }
  return GF_OK;
}
