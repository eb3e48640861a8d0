/* pdf.c - PDF pages to text and line geometry through poppler-glib: the
 * only file that includes poppler or glib.  Each page's text is fetched
 * once, copied into our memory and released; its character boxes give
 * every line a box and a typical glyph width, which layout.c uses to find
 * running headers and footers and to rebuild paragraphs. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <poppler.h>

#include "extract/extract.h"
#include "normalize/normalize.h"

/* Checks the file before Poppler sees it, so that the common failures get
 * their own codes instead of one "damaged". */
static int check_file(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) return GF_EIO;
  char head[1024];
  size_t n = fread(head, 1, sizeof head, f);
  int bad = ferror(f);
  fclose(f);
  if (bad) return GF_EIO;
  if (n == 0) return GF_EEMPTY;
  static const char magic[] = "%PDF-";
  for (size_t i = 0; i + 5 <= n; i++)
    if (memcmp(head + i, magic, 5) == 0) return GF_OK;
  return GF_ENOTPDF;
}

static int cmp_float(const void *a, const void *b) {
  float x = *(const float *)a, y = *(const float *)b;
  return (x > y) - (x < y);
}

static float median(float *v, size_t n) {
  if (n == 0) return 0;
  qsort(v, n, sizeof *v, cmp_float);
  return v[n / 2];
}

static int is_blank(gunichar c) {
  return g_unichar_isspace(c) || c == 0xFEFF || c == 0x200B;
}

/* Gives the lines of page p (doc->lines[first..]) the union of their
 * glyph boxes.  Poppler hands one rectangle per character of the page
 * text, '\n' included; whitespace boxes are skipped because a justified
 * line's trailing spaces would otherwise reach the margin. */
static void line_geometry(struct gf_doc *doc, size_t first, const char *text,
                          const PopplerRectangle *r, guint n_r, float *han,
                          float *all) {
  const char *s = text;
  size_t ci = 0; /* index of the character at s */
  for (size_t k = first; k < doc->n_lines; k++) {
    gf_line *l = &doc->lines[k];
    const char *start = text + l->off, *end = start + l->len;
    for (; s < start; s = g_utf8_next_char(s)) ci++;
    size_t n_han = 0, n_all = 0;
    int have = 0;
    for (; s < end; s = g_utf8_next_char(s), ci++) {
      gunichar c = g_utf8_get_char(s);
      if (is_blank(c) || ci >= n_r) continue;
      float x0 = (float)MIN(r[ci].x1, r[ci].x2);
      float x1 = (float)MAX(r[ci].x1, r[ci].x2);
      float y0 = (float)MIN(r[ci].y1, r[ci].y2);
      float y1 = (float)MAX(r[ci].y1, r[ci].y2);
      if (!have || x0 < l->x0) l->x0 = x0;
      if (!have || x1 > l->x1) l->x1 = x1;
      if (!have || y0 < l->y0) l->y0 = y0;
      if (!have || y1 > l->y1) l->y1 = y1;
      have = 1;
      all[n_all++] = x1 - x0;
      if (g_unichar_get_script(c) == G_UNICODE_SCRIPT_HAN)
        han[n_han++] = x1 - x0;
    }
    l->ch = n_han ? median(han, n_han) : median(all, n_all);
  }
}

/* Keeps every character's box (tables are rebuilt from them). */
static int keep_glyphs(gf_page *pg, const PopplerRectangle *r, guint n_r) {
  pg->glyphs = gf_malloc(n_r * sizeof *pg->glyphs);
  if (!pg->glyphs) return GF_ENOMEM;
  const char *s = pg->text, *end = pg->text + pg->len;
  size_t n = 0;
  for (; s < end && n < n_r; s = g_utf8_next_char(s), n++) {
    gf_glyph *g = &pg->glyphs[n];
    g->off = (uint32_t)(s - pg->text);
    g->x0 = (float)MIN(r[n].x1, r[n].x2);
    g->x1 = (float)MAX(r[n].x1, r[n].x2);
    g->y0 = (float)MIN(r[n].y1, r[n].y2);
    g->y1 = (float)MAX(r[n].y1, r[n].y2);
  }
  pg->n_glyphs = n;
  return GF_OK;
}

/* Loads page i: text copied into doc->pages[i], lines appended with their
 * geometry.  A page Poppler cannot give counts as damaged and stays
 * empty. */
static int load_page(struct gf_doc *doc, PopplerDocument *pd, int i) {
  gf_page *pg = &doc->pages[i];
  PopplerPage *page = poppler_document_get_page(pd, i);
  char *text = page ? poppler_page_get_text(page) : NULL;
  PopplerRectangle *rects = NULL;
  guint n_rects = 0;
  float *scratch = NULL;
  int rc = GF_ENOMEM;
  if (!page || !text) doc->damaged++;
  if (text && !g_utf8_validate(text, -1, NULL)) {
    /* Never seen from Poppler, but page text must be valid UTF-8: repair
     * it and give up on geometry, which would no longer line up. */
    char *fixed = g_utf8_make_valid(text, -1);
    g_free(text);
    text = fixed;
    doc->damaged++;
  } else if (text && !poppler_page_get_text_layout(page, &rects, &n_rects)) {
    rects = NULL;
    n_rects = 0;
  }
  size_t len = text ? strlen(text) : 0;
  pg->text = gf_strndup(text ? text : "", len);
  if (!pg->text) goto done;
  pg->len = len;
  if (page) {
    double w = 0, h = 0;
    poppler_page_get_size(page, &w, &h);
    pg->width = (float)w;
    pg->height = (float)h;
  }
  size_t first = doc->n_lines;
  if (gf_doc_add_page_lines(doc, (size_t)i)) goto done;
  if (n_rects) {
    scratch = gf_malloc(2 * (len + 1) * sizeof *scratch);
    if (!scratch) goto done;
    line_geometry(doc, first, pg->text, rects, n_rects, scratch,
                  scratch + len + 1);
    if (keep_glyphs(pg, rects, n_rects)) goto done;
  }
  rc = GF_OK;
done:
  gf_free(scratch);
  g_free(rects);
  g_free(text);
  if (page) g_object_unref(page);
  return rc;
}

static int has_text(const gf_page *pg) {
  const char *s = pg->text, *end = pg->text + pg->len;
  for (; s < end; s = g_utf8_next_char(s))
    if (!is_blank(g_utf8_get_char(s))) return 1;
  return 0;
}

int gf_pdf_load(struct gf_doc *doc, const char *path, const char *password,
                gf_error *err) {
  int rc = check_file(path);
  if (rc) return gf_error_fill(err, rc, 0, 0);
  GError *gerr = NULL;
  PopplerDocument *pd = NULL;
  /* g_filename_to_uri wants an absolute path. */
  char *abs = g_canonicalize_filename(path, NULL);
  char *uri = g_filename_to_uri(abs, NULL, &gerr);
  if (!uri) {
    rc = GF_EIO;
    goto done;
  }
  pd = poppler_document_new_from_file(uri, password, &gerr);
  if (!pd) {
    rc = gerr && gerr->domain == POPPLER_ERROR &&
                 gerr->code == POPPLER_ERROR_ENCRYPTED
             ? GF_EENCRYPTED
             : GF_EPDF;
    goto done;
  }
  int n = poppler_document_get_n_pages(pd);
  if (n <= 0) {
    rc = GF_ENOPAGES;
    goto done;
  }
  rc = GF_ENOMEM;
  doc->pages = gf_calloc((size_t)n, sizeof *doc->pages);
  if (!doc->pages) goto done;
  int any_text = 0;
  for (int i = 0; i < n; i++) {
    doc->n_pages = (size_t)i + 1; /* so that gf_doc_free sees its text */
    if (load_page(doc, pd, i)) goto done;
    any_text = any_text || has_text(&doc->pages[i]);
  }
  doc->has_geom = 1;
  rc = any_text ? GF_OK : GF_ENOTEXT;
done:
  if (pd) g_object_unref(pd);
  if (gerr) g_error_free(gerr);
  g_free(uri);
  g_free(abs);
  return gf_error_fill(err, rc, 0, 0);
}
