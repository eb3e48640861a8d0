/* extract.h - what other modules may call in extract/: the page model
 * (pages, lines with positions), layout (running headers and footers,
 * paragraphs), sections, the PCRE2 wrapper, figures. */
#ifndef GF_EXTRACT_H
#define GF_EXTRACT_H

#include <stddef.h>
#include <stdint.h>

#include "common/common.h"
#include "include/govfig.h"

/* One line of a page's text, as the PDF reader laid it out.  off/len are
 * bytes in the page text, without the '\n'.  Geometry is in PDF points with
 * y growing down the page; has_geom is 0 for plain-text input. */
enum {
  GF_LINE_FURNITURE = 1u  /* running header, footer or page number: dropped */
};
typedef struct gf_line {
  uint32_t page;          /* 0-based */
  size_t off, len;
  float x0, x1, y0, y1;   /* box of the line's glyphs */
  float ch;               /* typical glyph width (points) */
  unsigned flags;
} gf_line;

/* One character's box on the page, for table reconstruction: off is the
 * byte offset of the character in the page text. */
typedef struct gf_glyph {
  uint32_t off;
  uint16_t x0, y0, x1, y1; /* in 1/GF_GLYPH_UNITS points: 12 bytes a
                              character instead of 20, for long reports */
} gf_glyph;
#define GF_GLYPH_UNITS 8.0f

/* Sets a glyph's box from points (clamped to 0..8191 pt, which any page
 * size fits) and reads it back. */
static inline uint16_t gf_glyph_units(double pt) {
  double u = pt * GF_GLYPH_UNITS + 0.5;
  return u <= 0 || u != u ? 0 : u >= 65535 ? 65535 : (uint16_t)u;
}
static inline void gf_glyph_set(gf_glyph *g, double x0, double y0, double x1,
                                double y1) {
  g->x0 = gf_glyph_units(x0);
  g->y0 = gf_glyph_units(y0);
  g->x1 = gf_glyph_units(x1);
  g->y1 = gf_glyph_units(y1);
}
static inline float gf_glyph_pt(uint16_t u) { return u / GF_GLYPH_UNITS; }

typedef struct gf_page {
  char *text;             /* extracted page text, NUL-terminated, without
                             format characters (gf_format_strip) */
  size_t len;
  float width, height;    /* 0 for plain text */
  gf_glyph *glyphs;       /* one per character of text; NULL for plain text */
  size_t n_glyphs;
  int skipped;            /* GF_SKIP_GLYPHS or GF_SKIP_TIME: the page's text
                             is left empty (a cost limit); else 0 */
  size_t n_seen;          /* GF_SKIP_GLYPHS: the glyphs the page has */
} gf_page;

struct gf_doc {
  char *name;             /* file name without directory */
  gf_page *pages;
  size_t n_pages;
  gf_line *lines;         /* all lines of all pages, in page order */
  size_t n_lines;
  int has_geom;
  int damaged;            /* pages where Poppler reported trouble */
  size_t max_glyphs;      /* cost limits per page (gf_doc_limits), 0: none */
  unsigned page_ms;
  int abandoned;          /* pages whose text worker was left running */
  size_t n_format;        /* format characters removed from the page text
                             (gf_format_strip) */
  size_t cap_lines;       /* allocated entries of lines (0 when lines is
                             NULL or not owned by doc.c's growth) */
  char sha256[65];        /* of the file's (or the text's) bytes, hex */
};

/* lines.c: builds lines for pages whose text is already set (used by both the
 * PDF and the text readers).  Geometry, when given, is filled in by pdf.c. */
int gf_doc_split_lines(struct gf_doc *doc);
/* lines.c: appends the lines of page (0-based, text already set) to
 * doc->lines, geometry zero.  Lines split at '\n'; a '\r' before it is not
 * part of the line.  GF_OK or GF_ENOMEM (doc unchanged). */
int gf_doc_add_page_lines(struct gf_doc *doc, size_t page);

/* doc.c: the box of the glyphs of bytes [start, end) of 0-based page,
 * whitespace left out, in PDF points with the origin at the top-left
 * (x0, y0, x1, y1), half a glyph unit wider on each side than the stored
 * boxes so that it encloses the glyphs as Poppler placed them.  A span
 * crossing lines gets the union of its lines' boxes.  Returns 1 and fills
 * box, or 0 (box untouched) when no glyph is there: text input, an empty
 * span, a page without a text layer. */
int gf_doc_box(const struct gf_doc *doc, size_t page, size_t start,
               size_t end, double box[4]);
/* Sets r->x0..y1 and r->has_box from r->page, r->start and r->end (the
 * row's raw): called once for every figure row as it is made. */
void gf_doc_figure_box(const struct gf_doc *doc, gf_figure *r);

/* sha256.c: SHA-256 (FIPS 180-4), for the store's document identity. */
#define GF_SHA256_HEX 65 /* 64 hex digits and a NUL */
typedef struct gf_sha256 {
  uint32_t h[8];
  uint64_t len;           /* bytes hashed so far */
  unsigned char buf[64];
  size_t n;               /* bytes waiting in buf */
} gf_sha256;
void gf_sha256_init(gf_sha256 *s);
void gf_sha256_update(gf_sha256 *s, const void *data, size_t len);
/* Finishes the hash (s is spent) and writes it as lowercase hex. */
void gf_sha256_hex(gf_sha256 *s, char out[GF_SHA256_HEX]);
/* The hash of the file at path; GF_EIO when it cannot be read. */
int gf_sha256_file(const char *path, char out[GF_SHA256_HEX]);


/* pdf.c: the only file that includes poppler/glib.  Fills doc->pages and
 * doc->lines (with geometry) from the PDF at path, reading page ranges in
 * up to threads threads (0 or 1: this one only); the result is the same
 * for any count. */
int gf_pdf_load(struct gf_doc *doc, const char *path, const char *password,
                unsigned threads, gf_error *err);

/* The pixel size of a page side of pt points at dpi, as gf_render_page_png
 * makes its images (and the view's markup states them). */
static inline int gf_render_pixels(double pt, double dpi) {
  double px = pt * dpi / 72.0 + 0.5;
  return px < 1 ? 1 : px > 1e6 ? 1000000 : (int)px;
}

/* layout.c */
/* Marks running headers, footers and page numbers with GF_LINE_FURNITURE,
 * from position (top/bottom band of the page or first/last lines) and
 * repetition across pages - never from a report's wording.  Returns GF_OK
 * or GF_ENOMEM (then no line is marked). */
int gf_layout_mark_furniture(struct gf_doc *doc);

/* A paragraph rebuilt from lines (joined across line and page breaks).
 * text holds the line contents separated by '\n' (for the normalizer to
 * drop); pos[i] is the document position of byte i (pos[len] one past the
 * last byte): position = page_index << 32 | byte offset in page text. */
typedef struct gf_para {
  char *text;
  size_t len;
  uint64_t *pos;
  int is_heading;         /* starts with a heading marker (一、 （一） 1.) */
} gf_para;
#define GF_POS(page, off) (((uint64_t)(page) << 32) | (uint64_t)(off))
#define GF_POS_PAGE(p) ((uint32_t)((p) >> 32))
#define GF_POS_OFF(p) ((size_t)((p) & 0xffffffffu))

/* Rebuilds paragraphs from the lines not marked furniture.  *out is an
 * array of *n paragraphs; free with gf_paras_free. */
int gf_layout_paragraphs(const struct gf_doc *doc, gf_para **out, size_t *n);
void gf_paras_free(gf_para *p, size_t n);

/* The same paragraphs one at a time, so that a long document never holds
 * them all (pos costs 8 bytes per byte of text).  gf_para_iter_new finds
 * the paragraph breaks of doc (GF_OK, GF_EINVAL or GF_ENOMEM; *out NULL on
 * failure); doc must outlive the iterator. */
typedef struct gf_para_iter gf_para_iter;
int gf_para_iter_new(const struct gf_doc *doc, gf_para_iter **out);
/* Builds the next paragraph: returns 1 and sets *para (owned by it, valid
 * until the next call, rewind or free), 0 after the last one, or
 * GF_ENOMEM/GF_EINVAL (*para NULL). */
int gf_para_iter_next(gf_para_iter *it, const gf_para **para);
/* Starts again from the first paragraph. */
void gf_para_iter_rewind(gf_para_iter *it);
void gf_para_iter_free(gf_para_iter *it);

/* tables.c: whether byte off of 0-based page belongs to a table cell's
 * glyphs (prose readers skip those, the cells are read from the table). */
int gf_tables_covers(const gf_tables *t, size_t page, size_t off);
/* tables.c: for cell c of t going on over a page break, the box of its
 * part on the next page (as gf_table_cell's box is of its first part):
 * returns 1 and fills box, else 0. */
int gf_tables_next_box(const gf_tables *t, const gf_table_cell *c,
                       double box[4]);

/* figures.c: what a page's figures inherit from the text around them. */
typedef struct gf_page_context {
  const char *kind;       /* "actual" or "target" */
  int period;
  const char *section;
} gf_page_context;

/* rows.c: the figure row store. */
/* The report's type (sections.h GF_REPORT_*) and years, for
 * gf_figures_report. */
void gf_figures_set_report(gf_figures *o, int type, int year_actual,
                           int year_target);
/* An empty store for the rows of the document named doc_name (copied);
 * NULL when out of memory.  Freed with gf_figures_free. */
gf_figures *gf_figures_new(const char *doc_name);
/* Copies s[0..n) into the store's arena, NUL-terminated; the copy lives as
 * long as o.  NULL when out of memory. */
const char *gf_figures_keep(gf_figures *o, const char *s, size_t n);
const char *gf_figures_keep_str(gf_figures *o, const char *s);
/* Room for one more row: the row after the last (doc already set), which
 * the caller fills and then adds with gf_figures_commit.  NULL when out of
 * memory. */
gf_figure *gf_figures_slot(gf_figures *o);
/* Adds the row gf_figures_slot gave: GF_OK, or GF_ENOMEM (not added) when
 * one of its strings is NULL (an arena copy failed). */
int gf_figures_commit(gf_figures *o);
/* Appends a copy of row r to o (raw is r->raw[0..raw_len)). */
int gf_figures_push(gf_figures *o, const gf_figure *r, size_t raw_len);
/* Sets every row's indicator_key from vocabulary v (the built-in one when
 * NULL): GF_OK, or an error of gf_indicators_new, or GF_ENOMEM. */
int gf_figures_set_keys(gf_figures *o, const gf_indicators *v);
/* Provenance: where bytes a..b of t, the normalized text of paragraph p
 * (map: normalized byte -> paragraph byte), stand in doc's page text:
 * the 0-based *page and *start..*end there, trailing white space left
 * out, end cut to the page. */
void gf_figures_source(const struct gf_doc *doc, const gf_para *p,
                       const size_t *map, const char *t, size_t a, size_t b,
                       uint32_t *page, size_t *start, size_t *end);

/* parcels.c: parcels read along with the figures, so that a document's
 * tables and paragraphs are built once (gf_doc_extract).  gf_parcels_begin
 * makes a gf_parcels holding the parcels of tables tabs (NULL allowed: none);
 * gf_parcels_para adds those described in paragraph p outside tabs' cells.
 * GF_OK or GF_ENOMEM (*out NULL; ps unchanged but for whole rows). */
int gf_parcels_begin(const struct gf_doc *doc, const gf_tables *tabs,
                     gf_parcels **out);
int gf_parcels_para(gf_parcels *ps, const struct gf_doc *doc,
                    const gf_tables *tabs, const gf_para *p);

/* table_figures.c: the number cells of tables as figure rows. ctx has one
 * entry per page. */
int gf_table_figures(const struct gf_doc *doc, const gf_tables *tabs,
                     const gf_page_context *ctx, gf_figures *out);

#endif
