/* glyph_doc.h - builds a gf_doc with hand-placed glyph boxes for the table
 * tests (test_tables.c, test_parcels.c): each put() writes a string at a
 * position, one box per character (an ideograph is W points wide, anything
 * else W/2), and a line of page text, so the page text's order can be as
 * scrambled as a real PDF's while the boxes say where things are. */
#ifndef GF_TEST_GLYPH_DOC_H
#define GF_TEST_GLYPH_DOC_H

#include <stdlib.h>
#include <string.h>

#include "extract/extract.h"
#include "normalize/normalize.h"

#define GD_MAX_PAGES 4
#define GD_MAX_TEXT 16384

typedef struct gd_page {
  char text[GD_MAX_TEXT];
  size_t len;
  gf_glyph glyphs[GD_MAX_TEXT];
  size_t n;
  int furniture[64];      /* byte offsets of lines to flag as furniture */
  size_t n_furniture;
} gd_page;

typedef struct gd_doc {
  gd_page pages[GD_MAX_PAGES];
  size_t n_pages;
  float w;                /* ideograph width; height is 1.3 w */
} gd_doc;

static inline size_t gd_char_len(const char *s) {
  unsigned char c = (unsigned char)*s;
  return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

/* Writes s on page (0-based) from (x, y), y the top of the glyph boxes. */
static inline void gd_put(gd_doc *d, size_t page, float x, float y,
                          const char *s) {
  gd_page *p = &d->pages[page];
  if (page + 1 > d->n_pages) d->n_pages = page + 1;
  for (const char *c = s; *c;) {
    size_t n = gd_char_len(c);
    float w = n > 1 ? d->w : d->w / 2;
    gf_glyph *g = &p->glyphs[p->n++];
    g->off = (uint32_t)p->len;
    gf_glyph_set(g, x, y, x + w, y + 1.3f * d->w);
    memcpy(p->text + p->len, c, n);
    p->len += n;
    x += w;
    c += n;
  }
  gf_glyph *g = &p->glyphs[p->n++];  /* the line end: an empty box */
  g->off = (uint32_t)p->len;
  gf_glyph_set(g, x, y + 1.3f * d->w, x, y + 1.3f * d->w);
  p->text[p->len++] = '\n';
}

/* Like gd_put, the line flagged as a running header or footer. */
static inline void gd_put_furniture(gd_doc *d, size_t page, float x, float y,
                                    const char *s) {
  gd_page *p = &d->pages[page];
  p->furniture[p->n_furniture++] = (int)p->len;
  gd_put(d, page, x, y, s);
}

/* The gf_doc (free with gf_doc_free). */
static inline gf_doc *gd_make(const gd_doc *d, const char *name) {
  gf_doc *doc = gf_calloc(1, sizeof *doc);
  doc->name = gf_strdup(name);
  doc->pages = gf_calloc(d->n_pages, sizeof *doc->pages);
  doc->n_pages = d->n_pages;
  doc->has_geom = 1;
  for (size_t i = 0; i < d->n_pages; i++) {
    const gd_page *p = &d->pages[i];
    gf_page *pg = &doc->pages[i];
    pg->text = gf_strndup(p->text, p->len);
    pg->len = p->len;
    pg->width = 595;
    pg->height = 842;
    pg->glyphs = gf_malloc((p->n + 1) * sizeof *pg->glyphs);
    memcpy(pg->glyphs, p->glyphs, p->n * sizeof *pg->glyphs);
    pg->n_glyphs = p->n;
  }
  gf_doc_split_lines(doc);
  for (size_t k = 0; k < doc->n_lines; k++) {
    gf_line *l = &doc->lines[k];
    const gd_page *p = &d->pages[l->page];
    for (size_t f = 0; f < p->n_furniture; f++)
      if ((size_t)p->furniture[f] == l->off) l->flags |= GF_LINE_FURNITURE;
  }
  return doc;
}

#endif
