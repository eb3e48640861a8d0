/* govfig.h - the public API of libgovfig.
 *
 * libgovfig turns Chinese government report PDFs (计划执行情况与计划草案的报告,
 * 政府工作报告, 统计公报) into figure and parcel records whose every row points
 * back to its page and byte span (see spec/records.md).
 *
 * Conventions: text is UTF-8, passed as pointer plus byte length; returned
 * text is NUL-terminated.  Functions that can fail return GF_OK (0) or a
 * negative GF_E* code and hand objects back through out-parameters, which are
 * set to NULL/0 on entry.  Objects made by _open/_new/_extract are released by
 * the matching _free, which accepts NULL.  const results are borrowed from
 * their owner; non-const char * results belong to the caller (gf_free).
 * Only standard headers are used: no glib, PCRE2 or utf8proc types leak here.
 */
#ifndef GOVFIG_H
#define GOVFIG_H

#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__) && __GNUC__ >= 4
#define GF_API __attribute__((visibility("default")))
#else
#define GF_API
#endif

#define GF_VERSION_MAJOR 0
#define GF_VERSION_MINOR 1
#define GF_VERSION_PATCH 0
#define GF_VERSION_STRING "0.1.0"

/* Error codes.  Every failing call returns one of these (negative). */
enum {
  GF_OK = 0,
  GF_EINVAL = -1,     /* an argument is invalid (NULL where not allowed) */
  GF_ENOMEM = -2,     /* out of memory */
  GF_EIO = -3,        /* a file could not be read or written */
  GF_EPDF = -4,       /* the file is a PDF that Poppler cannot open: damaged */
  GF_EUTF8 = -5,      /* text input is not valid UTF-8 */
  GF_ELIMIT = -6,     /* a regular expression hit its match limit */
  GF_EENCRYPTED = -7, /* encrypted PDF and no (or a wrong) password */
  GF_ENOTPDF = -8,    /* the file has no %PDF header */
  GF_EEMPTY = -9,     /* the file is empty (zero bytes) */
  GF_ENOTEXT = -10,   /* the PDF has no text layer (a scan: needs OCR) */
  GF_ENOPAGES = -11,  /* the PDF has no pages */
  GF_ECSV = -12,      /* a CSV input is malformed or lacks a needed column */
  GF_EBLANK = -13,    /* the PDF has no text and no images (blank pages) */
  GF_ESTORE = -14     /* the database cannot be used (err->message: why) */
};

/* Details of a failure; every field is optional to read.  message is a
 * constant string (never freed); page is 1-based or 0; offset is a byte
 * offset in the input or 0; line is the 1-based line of a text input (a
 * CSV file) holding offset, or 0. */
typedef struct gf_error {
  int code;
  const char *message;
  int page;
  size_t offset;
  size_t line;
} gf_error;

/* Fixed English text for an error code; never NULL. */
GF_API const char *gf_strerror(int code);
/* The library version, "MAJOR.MINOR.PATCH". */
GF_API const char *gf_version(void);
/* Releases memory that the library handed to the caller (non-const char *).
 * NULL is allowed. */
GF_API void gf_free(void *p);

/* ---------------------------------------------------------------- options */
#define GF_OPT_NO_HEADER 0x1u  /* CSV writers: omit the header row */
#define GF_OPT_NO_GUARD 0x2u   /* CSV writers: no formula guard on text */
#define GF_OPT_BOM 0x4u        /* CSV writers: a UTF-8 byte-order mark
                                  (EF BB BF) before the header, for Excel;
                                  none with GF_OPT_NO_HEADER */
#define GF_OPT_CONSISTENCY 0x100u /* gf_figures_check: relations between
                                     rows too (shares, growth, magnitudes) */

/* ---------------------------------------------------------------- documents
 * A gf_doc is a report as pages of extracted text.  Page text is what
 * figure rows' start/end refer to. */
typedef struct gf_doc gf_doc;

/* gf_doc_open: read the pages with up to n threads (n 0 or 1: the calling
 * thread only; at most 64), each opening the file again with its own
 * Poppler document and reading a range of at least 8 pages.  The document
 * is the same for any n; only the time differs.  Bits 16-23 of opts. */
#define GF_OPT_THREADS(n) ((((unsigned)(n)) & 0xffu) << 16)
#define GF_OPT_THREADS_OF(opts) (((unsigned)(opts) >> 16) & 0xffu)

/* Opens the PDF at path.  password may be NULL.  opts: 0 or
 * GF_OPT_THREADS(n).  The default cost limits apply (gf_doc_limits).  On failure *out is NULL and the code says why
 * (GF_EIO, GF_EEMPTY, GF_ENOTPDF, GF_EENCRYPTED, GF_EPDF, GF_ENOPAGES,
 * GF_ENOTEXT for a scan - images but no text -, GF_EBLANK for no text and
 * no images).  A file that Poppler opens only after repairing it, or whose
 * pages it reads with errors, is opened: gf_doc_damaged tells.  Poppler's
 * messages about such files are not printed (the library installs a GLib
 * log handler for the "Poppler" domain that passes on the messages of
 * threads other than its readers').  err may be NULL. */
GF_API int gf_doc_open(const char *path, const char *password, unsigned opts,
                       gf_doc **out, gf_error *err);
/* Cost limits per page (issue 16: one hostile page must not stall a
 * batch).  Poppler's cost of building a page's text grows faster than its
 * glyphs (a page of 100,000 scattered tiny glyphs takes minutes), and
 * nothing cheaper counts them, so the text is built in a thread of its
 * own: a page whose text is not there within page_ms milliseconds is
 * skipped (the thread is abandoned - it ends by itself, using its own
 * reference to the document; see gf_doc_abandoned), and a page whose text
 * has more than max_glyphs characters is skipped too.  A skipped page is
 * kept with empty text: gf_doc_page_skipped says which and why. */
#define GF_MAX_GLYPHS_DEFAULT 50000
#define GF_PAGE_MS_DEFAULT 5000
typedef struct gf_doc_limits {
  size_t max_glyphs;  /* 0: GF_MAX_GLYPHS_DEFAULT; (size_t)-1: no limit */
  unsigned page_ms;   /* 0: GF_PAGE_MS_DEFAULT; (unsigned)-1: no limit
                         (the text is then built in the calling thread) */
} gf_doc_limits;
/* Why a page was skipped (gf_doc_page_skipped). */
enum { GF_SKIP_GLYPHS = 1, GF_SKIP_TIME = 2 };

/* gf_doc_open with cost limits (NULL: the defaults, as gf_doc_open). */
GF_API int gf_doc_open_limited(const char *path, const char *password,
                               unsigned opts, const gf_doc_limits *limits,
                               gf_doc **out, gf_error *err);
/* How many pages were skipped for a cost limit; 0 for NULL. */
GF_API size_t gf_doc_skipped_count(const gf_doc *doc);
/* 0, or why 1-based page was skipped: GF_SKIP_GLYPHS (*glyphs, NULL
 * allowed, gets the count) or GF_SKIP_TIME. */
GF_API int gf_doc_page_skipped(const gf_doc *doc, size_t page,
                               size_t *glyphs);
/* How many page-text threads of doc were abandoned (GF_SKIP_TIME) and may
 * still be running; they free what they hold when they end.  A program
 * that exits while one runs should leave with _exit() once its output is
 * flushed, so that no exit handler pulls shared state from under it. */
GF_API int gf_doc_abandoned(const gf_doc *doc);

/* Makes a document from plain UTF-8 text, pages split at form feeds.  name is
 * the doc column (may be NULL: "-"); text is copied, format characters
 * removed as from a PDF's text (gf_doc_page_text).  GF_EUTF8 (err->offset
 * the byte) for invalid UTF-8 or a NUL byte: a NUL means binary data or
 * UTF-16, not text, and the whole input is refused (err->message says "a
 * NUL byte") rather than read around. */
GF_API int gf_doc_open_text(const char *name, const char *text, size_t len,
                            gf_doc **out, gf_error *err);
/* Reads path as UTF-8 text (pages split at form feeds).  name as above. */
GF_API int gf_doc_open_text_file(const char *path, gf_doc **out,
                                 gf_error *err);
GF_API void gf_doc_free(gf_doc *doc);
/* The file name without directory, as the doc column shows it: valid
 * UTF-8 without controls or format characters (a byte that is not UTF-8
 * and a control character such as a newline become U+FFFD, format
 * characters are dropped). */
GF_API const char *gf_doc_name(const gf_doc *doc);
GF_API size_t gf_doc_page_count(const gf_doc *doc);
/* Text of 1-based page; *len receives its byte length (len may be NULL).
 * NULL when page is out of range.  Lives as long as doc.  Page text never
 * holds a format character: Unicode category Cf (bidi controls
 * U+202A-202E, U+2066-2069, U+200E/200F, U+061C, zero-width spaces and
 * joiners, BOM, soft hyphen, word joiner) and the controls U+0000-U+001F
 * other than '\n' and '\r' are removed as the page is read (tab, vertical
 * tab and form feed become a space), so a number split by one is one
 * number and every row's raw is page text at start..end. */
GF_API const char *gf_doc_page_text(const gf_doc *doc, size_t page,
                                    size_t *len);
/* The size of 1-based page in PDF points (as Poppler reports it, page
 * rotation applied).  Returns 1, or 0 with *width and *height 0 (either may
 * be NULL) for a text document or a page out of range. */
GF_API int gf_doc_page_size(const gf_doc *doc, size_t page, double *width,
                            double *height);
/* The box of the glyphs of bytes start..end (end exclusive) of 1-based
 * page's text, whitespace left out: box[0..3] = x0, y0, x1, y1 in PDF
 * points with the origin at the page's top-left (pdfplumber's x0, top,
 * x1, bottom); a span crossing a line break gets the union of its lines'
 * boxes.  Returns 1, or 0 with box all zero when the span holds no glyph
 * (a text document, an empty span, a page out of range); GF_EINVAL when
 * doc or box is NULL.  The x0..y1 of figure rows come from here. */
GF_API int gf_doc_text_box(const gf_doc *doc, size_t page, size_t start,
                           size_t end, double box[4]);
/* How many pages (plus one for the file itself when it had to be repaired)
 * the PDF reader reported errors on; 0 for sound files.  Nonzero means the
 * text is what could be read.  The count may vary with GF_OPT_THREADS
 * (an object shared by pages is parsed, and complained about, once per
 * reader); whether it is zero does not. */
GF_API int gf_doc_damaged(const gf_doc *doc);
/* SHA-256 of the PDF file's bytes (of the text for a text document), 64
 * lowercase hex digits: the identity the store recognises a report by,
 * whatever its name.  Lives as long as doc; NULL for NULL. */
GF_API const char *gf_doc_sha256(const gf_doc *doc);
/* How many format characters were removed from the page text of doc (see
 * gf_doc_page_text); 0 for NULL. */
GF_API size_t gf_doc_format_removed(const gf_doc *doc);

/* ---------------------------------------------------------------- pages
 * Pages drawn as images (govfig view).  A gf_render holds the PDF open for
 * drawing; like a Poppler document it serves one thread at a time: threads
 * that draw in parallel open one each. */
typedef struct gf_render gf_render;
#define GF_RENDER_MAX_DPI 1200

/* Opens the PDF at path for drawing.  password may be NULL.  Fails as
 * gf_doc_open does (GF_EIO, GF_EEMPTY, GF_ENOTPDF, GF_EENCRYPTED, GF_EPDF,
 * GF_ENOPAGES), but a scan or blank pages open: they draw.  *out (free
 * with gf_render_free) is NULL on failure.  err may be NULL. */
GF_API int gf_render_open(const char *path, const char *password,
                          gf_render **out, gf_error *err);
GF_API size_t gf_render_page_count(const gf_render *r);
/* Draws 1-based page at dpi (1 to GF_RENDER_MAX_DPI) over white and writes
 * it to f as a PNG (8-bit RGB) of round(width * dpi / 72) by
 * round(height * dpi / 72) pixels, width and height being the page's size
 * in points (gf_doc_page_size).  f is not closed or flushed.  GF_EINVAL
 * (r or f NULL, page or dpi out of range, an image over 32767 pixels a
 * side), GF_EPDF (Poppler cannot give the page), GF_ENOMEM, GF_EIO (a
 * write to f failed).  Poppler's complaints about a damaged page are not
 * printed. */
GF_API int gf_render_page_png(gf_render *r, size_t page, double dpi, FILE *f,
                              gf_error *err);
GF_API void gf_render_free(gf_render *r);

/* ---------------------------------------------------------------- figures */
/* One row of figures.csv (spec/records.md section 1).  All strings are
 * non-NULL ("" when empty) and live as long as the owning gf_figures. */
typedef struct gf_figure {
  const char *doc;
  int page;           /* 1-based */
  const char *section;
  const char *kind;   /* "actual" or "target" */
  int period;         /* year, 0 when unknown */
  const char *indicator;
  const char *measure; /* level growth change_pp share rank duration */
  const char *value;   /* exact decimal */
  const char *unit;
  const char *base_value;
  const char *base_unit;
  const char *bound;   /* exact over at_least about under at_most */
  const char *comparison;
  const char *raw;     /* page text bytes start..end */
  size_t start, end;
  const char *sentence;
  const char *value_max; /* "" unless a range */
  const char *indicator_key; /* same for the same indicator in every report */
  /* The box of raw's glyphs on page, PDF points, origin top-left
   * (records.md x0,y0,x1,y1); has_box is 0 for text input. */
  double x0, y0, x1, y1;
  int has_box;
} gf_figure;

typedef struct gf_figures gf_figures;

/* Finds every figure of doc.  opts: 0. */
GF_API int gf_figures_extract(const gf_doc *doc, unsigned opts,
                              gf_figures **out, gf_error *err);
GF_API size_t gf_figures_count(const gf_figures *figs);
/* Row i (0-based) or NULL when out of range. */
GF_API const gf_figure *gf_figures_at(const gf_figures *figs, size_t i);
GF_API void gf_figures_free(gf_figures *figs);
/* Writes the rows as RFC 4180 CSV with the columns of records.md, header
 * first unless GF_OPT_NO_HEADER.  Returns GF_EIO when writing fails. */
GF_API int gf_figures_write_csv(const gf_figures *figs, FILE *f,
                                unsigned opts);
/* The figures.csv header line's column names, in order, NULL-terminated. */
GF_API const char *const *gf_figures_columns(void);
/* The kind of report, as read from its title: "plan" (计划执行情况与计划
 * 草案的报告), "work" (政府工作报告), "stats" (统计公报), "budget" (预算) or
 * "other" (also for NULL).  *year_actual and *year_target (each may be
 * NULL) get the year its actuals and its targets refer to, 0 when the
 * title names none. */
GF_API const char *gf_figures_report(const gf_figures *figs,
                                     int *year_actual, int *year_target);

/* ------------------------------------------------------------- indicators
 * The vocabulary that gives every figure its indicator_key: the standard
 * statistical indicators and the variants governments write for each
 * (extract/indicators.tsv, built in; the README documents its format).  A
 * variant matches the indicator after normalization (NFKC, no spaces, no
 * region prefix such as 全区/我市, no leading 完成/实现/达到, no trailing
 * 增速/增幅); an indicator matching none is its own key, normalized the
 * same way.  A vocabulary is read-only once built and may be shared by
 * threads. */
typedef struct gf_indicators gf_indicators;

/* What a higher value means for an indicator (gf_indicators_direction). */
enum {
  GF_DIRECTION_NONE = 0,  /* unknown or neither */
  GF_DIRECTION_UP = 1,    /* higher is better (地区生产总值) */
  GF_DIRECTION_DOWN = -1  /* lower is better (能耗, 失业率, PM2.5) */
};

/* The built-in vocabulary in *out (caller frees with gf_indicators_free).
 * GF_ENOMEM only. */
GF_API int gf_indicators_new(gf_indicators **out, gf_error *err);
/* Adds the lines of text (len bytes, the format of indicators.tsv) to v;
 * a user's line wins over a built-in one for the same key or variant.  name
 * (NULL allowed) names the source in errors: GF_EINVAL with err->line set
 * for a malformed line, GF_EUTF8 for invalid UTF-8; v is unchanged then. */
GF_API int gf_indicators_add(gf_indicators *v, const char *text, size_t len,
                             const char *name, gf_error *err);
/* The key of indicator (len bytes) into buf (cap bytes, NUL-terminated);
 * returns buf, or NULL when cap is too small or the text is not UTF-8.
 * v NULL means the built-in vocabulary is not consulted (normalized only). */
GF_API const char *gf_indicators_key(const gf_indicators *v,
                                     const char *indicator, size_t len,
                                     char *buf, size_t cap);
/* GF_DIRECTION_* of key (as gf_indicators_key returns it). */
GF_API int gf_indicators_direction(const gf_indicators *v, const char *key);
/* Writes the vocabulary in use in its file format, one key a line in the
 * order the keys were added, each with its variants as compared
 * (normalized).  GF_EIO when writing fails. */
GF_API int gf_indicators_write(const gf_indicators *v, FILE *f);
GF_API void gf_indicators_free(gf_indicators *v);
/* As gf_figures_extract, with the indicator keys from vocabulary v (NULL:
 * the built-in one). */
GF_API int gf_figures_extract_with(const gf_doc *doc, unsigned opts,
                                   const gf_indicators *v, gf_figures **out,
                                   gf_error *err);

/* ---------------------------------------------------------------- checking
 * Does a figures.csv, perhaps edited in a spreadsheet, still agree with its
 * source (spec/records.md section 3)?  For every row: doc is the document's
 * name; at page, the page text holds raw at start..end (or, when start/end
 * are empty, raw is found on that page or a neighbour, or failing that its
 * number); reading that source text again gives value, unit, base_value,
 * base_unit and value_max; when the box columns x0,y0,x1,y1 are filled
 * in, they hold the glyphs of raw on page (a PDF's: a text document has no
 * geometry).  Numbers compare as exact decimals ("1,327.80"
 * equals 1327.8) and by absolute value, since a 下降 growth is stored
 * negative while its source states no sign.  Columns are found by header
 * name, in any order, extra ones ignored; doc, page, value, unit and raw are
 * needed, the others are checked when present.  A UTF-8 BOM, CRLF or LF,
 * the export's formula guard (a leading ') and rows of empty cells are all
 * accepted. */
typedef struct gf_check gf_check;

/* What an item says about its rows (gf_check_item.severity). */
enum {
  GF_CHECK_FAILED = 1,  /* the row does not hold against the source */
  GF_CHECK_WARNING = 2, /* rows disagree with each other (consistency) */
  GF_CHECK_NOTE = 3,    /* where a row without start/end was found */
  GF_CHECK_HOLDS = 4    /* a relation between rows that was verified */
};
/* What was compared (gf_check_item.kind). */
enum {
  GF_CHECK_CELL = 1,     /* a cell cannot be read (page "x", value "abc") */
  GF_CHECK_DOC,          /* doc names another file */
  GF_CHECK_PAGE,         /* raw is not on page but on another one */
  GF_CHECK_SPAN,         /* raw is not at start..end of page */
  GF_CHECK_NOT_FOUND,    /* raw (and its number) found nowhere near page */
  GF_CHECK_LOCATED,      /* no start/end: where raw was found (a note) */
  GF_CHECK_VALUE,        /* value differs from the source */
  GF_CHECK_VALUE_MAX,    /* value_max differs from the source's range */
  GF_CHECK_UNIT,         /* unit differs from the source */
  GF_CHECK_BASE_VALUE,   /* base_value differs from the source */
  GF_CHECK_BASE_UNIT,    /* base_unit differs from the source */
  GF_CHECK_SHARE_PARTS,  /* share vs the part and whole it names */
  GF_CHECK_GROWTH_LEVELS, /* growth vs this and last year's levels */
  GF_CHECK_SHARE_RANGE,  /* a share above 100% */
  GF_CHECK_MAGNITUDE,    /* base_value/base_unit vs value and unit */
  GF_CHECK_BOX           /* the box x0..y1 does not hold raw's glyphs */
};
/* One finding.  Every pointer lives as long as the owning gf_check. */
typedef struct gf_check_item {
  int severity;          /* GF_CHECK_FAILED ... GF_CHECK_HOLDS */
  int kind;              /* GF_CHECK_CELL ... GF_CHECK_MAGNITUDE */
  size_t line;           /* 1-based CSV line where the (first) row starts;
                            the header is line 1 */
  const size_t *lines;   /* every row named, as CSV lines (n_lines >= 1):
                            one row, or for a relation its rows in the
                            order the message names them */
  size_t n_lines;
  const char *message;   /* one line of UTF-8 without a line end or a
                            location prefix, in plain words */
} gf_check_item;

/* Checks the figures.csv held in csv (len bytes, need not be
 * NUL-terminated) against doc.  opts: 0 or GF_OPT_CONSISTENCY.  On success
 * *out (free with gf_check_free) holds the findings: first each row's
 * (failures and notes) in file order, then the relations between rows.  A
 * failing row is data, not an error.  Errors: GF_EINVAL (doc, out NULL or
 * csv NULL with len > 0), GF_EUTF8 (csv not UTF-8), GF_ECSV (malformed CSV,
 * no header, or a needed column missing; err->message names the problem and
 * err->offset/err->line where), GF_ENOMEM.  err may be NULL. */
GF_API int gf_figures_check(const gf_doc *doc, const char *csv, size_t len,
                            unsigned opts, gf_check **out, gf_error *err);
/* Number of findings; gf_check_at gives item i (0-based), NULL when i is
 * out of range.  The item lives as long as chk. */
GF_API size_t gf_check_count(const gf_check *chk);
GF_API const gf_check_item *gf_check_at(const gf_check *chk, size_t i);
/* Rows checked (data rows, not counting the header and empty rows) and
 * rows with at least one GF_CHECK_FAILED item. */
GF_API size_t gf_check_rows(const gf_check *chk);
GF_API size_t gf_check_failed_rows(const gf_check *chk);
GF_API void gf_check_free(gf_check *chk);

/* ---------------------------------------------------------------- tables
 * Tables rebuilt from glyph positions (PDF input only; a text document has
 * none): columns from vertical white corridors, rows from horizontal white
 * bands and from the first column's entries, wrapped cell text joined in
 * reading order, running headers and footers left out, a table going on
 * over a page break joined to its first part (a repeated header row
 * dropped, a row cut at the page foot finished).  Every cell of the grid is
 * a row of tables.csv, empty cells included. */
typedef struct gf_table_cell {
  const char *doc;    /* file name, as gf_doc_name */
  int page;           /* 1-based page where the cell's text starts (for an
                         empty cell, its row's page) */
  int table;          /* 1-based, in document order */
  int row, col;       /* 1-based; row 1 is the table's first (header) row */
  const char *text;   /* the cell's text, lines joined; "" when empty */
  size_t start;       /* byte offset in the page text of the cell's first
                         character (0 for an empty cell) */
  size_t split;       /* a cell going on over a page break: byte offset in
                         text where the next page's part starts; else the
                         length of text */
  /* The box of the cell's glyphs on page, as gf_figure's (PDF points,
   * origin top-left; a cell going on over a page break: its part on
   * page); has_box is 0 for an empty cell. */
  double x0, y0, x1, y1;
  int has_box;
} gf_table_cell;

typedef struct gf_tables gf_tables;

/* Finds the tables of doc.  opts: 0.  *out (free with gf_tables_free) holds
 * their cells ordered by table, row, col.  GF_EINVAL, GF_ENOMEM. */
GF_API int gf_tables_extract(const gf_doc *doc, unsigned opts,
                             gf_tables **out, gf_error *err);
/* Number of cells (0 for NULL). */
GF_API size_t gf_tables_count(const gf_tables *tables);
/* Cell i (0-based) or NULL when out of range; lives as long as tables. */
GF_API const gf_table_cell *gf_tables_at(const gf_tables *tables, size_t i);
GF_API void gf_tables_free(gf_tables *tables);
/* Writes tables.csv (doc,page,table,row,col,text), header first unless
 * GF_OPT_NO_HEADER.  GF_EINVAL for NULL arguments, GF_EIO when writing
 * fails. */
GF_API int gf_tables_write_csv(const gf_tables *tables, FILE *f,
                               unsigned opts);
/* Writes only the tables.csv header line (opts: 0 or GF_OPT_BOM), for a
 * run that found no tables.  GF_EINVAL, GF_EIO. */
GF_API int gf_tables_write_header(FILE *f, unsigned opts);
/* The tables.csv column names, in order, NULL-terminated. */
GF_API const char *const *gf_tables_columns(void);

/* ---------------------------------------------------------------- parcels
 * One row of parcels.csv (spec/records.md section 2): a land parcel with
 * its four boundaries (四至), from table cells or from prose.  All strings
 * are non-NULL ("" when empty) and live as long as the owning gf_parcels. */
typedef struct gf_parcel {
  const char *doc;
  int page;             /* 1-based page where the description starts */
  const char *project_no; /* 项目序号 from the table row, "" if none */
  const char *project;  /* 项目名称 */
  const char *parcel;   /* the parcel's own name (…地块), "" if none */
  const char *east, *west, *south, *north; /* "" when not stated */
  const char *land_use; /* 规划用地性质 from the table row, "" if none */
  const char *raw;      /* the description as found in the source */
  /* Where the description is on page, as gf_figure's box (PDF points,
   * origin top-left): its table cell, or its glyphs in prose up to the
   * page's end; has_box is 0 for text input.  Not a parcels.csv column. */
  double x0, y0, x1, y1;
  int has_box;
} gf_parcel;

/* Something a reader should check: a parcel without one of its four
 * boundaries (the field is left empty, never guessed). */
typedef struct gf_parcel_warning {
  int page;             /* 1-based */
  size_t parcel;        /* index of the parcel row (gf_parcels_at) */
  const char *message;  /* e.g. "parcel 邮局地块: no 北至 (north)" */
} gf_parcel_warning;

typedef struct gf_parcels gf_parcels;

/* Finds every parcel of doc: in table rows whose cells describe 四至 and
 * in prose ("该地块四至范围为：东至…，西至…，南至…，北至…").  opts: 0.
 * *out is freed with gf_parcels_free.  GF_EINVAL, GF_ENOMEM. */
GF_API int gf_parcels_extract(const gf_doc *doc, unsigned opts,
                              gf_parcels **out, gf_error *err);
/* As gf_figures_extract_with, and also the document's land parcels as
 * gf_parcels_extract finds them, in one pass: the tables and paragraphs are
 * built once for both.  parcels (NULL allowed: figures only) gets a
 * gf_parcels the caller frees with gf_parcels_free.  On failure neither is
 * set (both NULL).  Errors as gf_figures_extract. */
GF_API int gf_doc_extract(const gf_doc *doc, unsigned opts,
                          const gf_indicators *v, gf_figures **figs,
                          gf_parcels **parcels, gf_error *err);
GF_API size_t gf_parcels_count(const gf_parcels *parcels);
/* Row i (0-based) or NULL when out of range. */
GF_API const gf_parcel *gf_parcels_at(const gf_parcels *parcels, size_t i);
/* Warnings (see gf_parcel_warning); NULL when i is out of range. */
GF_API size_t gf_parcels_warning_count(const gf_parcels *parcels);
GF_API const gf_parcel_warning *gf_parcels_warning_at(
    const gf_parcels *parcels, size_t i);
GF_API void gf_parcels_free(gf_parcels *parcels);
/* Writes parcels.csv with the columns of records.md section 2, header
 * first unless GF_OPT_NO_HEADER.  GF_EINVAL, GF_EIO when writing fails. */
GF_API int gf_parcels_write_csv(const gf_parcels *parcels, FILE *f,
                                unsigned opts);
/* Writes only the parcels.csv header line, as gf_parcels_write_csv writes
 * it: for a parcels.csv of a run that found no parcel object to write.
 * opts: 0 or GF_OPT_BOM.  GF_EINVAL for NULL, GF_EIO when writing fails. */
GF_API int gf_parcels_write_header(FILE *f, unsigned opts);
/* The parcels.csv column names, in order, NULL-terminated. */
GF_API const char *const *gf_parcels_columns(void);

/* ---------------------------------------------------------------- JSON Lines
 * One JSON object per row and line (LF), with the CSV's column names as
 * keys in the CSV's order: numbers as JSON numbers written from their exact
 * decimal text (1640000000, never 1.64e9), empty fields as null, strings
 * as JSON strings (no formula guard).  Row for row the same as the CSV.
 * GF_EINVAL for NULL arguments, GF_EIO when writing fails. */
GF_API int gf_figures_write_jsonl(const gf_figures *figs, FILE *f);
GF_API int gf_parcels_write_jsonl(const gf_parcels *parcels, FILE *f);
GF_API int gf_tables_write_jsonl(const gf_tables *tables, FILE *f);

/* ---------------------------------------------------------------- documents
 * One row of documents.csv, which `govfig extract` writes beside
 * figures.csv so that a directory of outputs can be loaded into the store
 * later: which file, which bytes, what kind of report. */
typedef struct gf_document {
  const char *doc;      /* file name, as gf_doc_name (borrowed) */
  char sha256[65];      /* gf_doc_sha256 */
  int pages;
  const char *report;   /* gf_figures_report (a constant string) */
  int year_actual, year_target; /* 0 when unknown */
} gf_document;

/* Fills *out from an open doc and its figures (figs may be NULL: report
 * "other", years 0).  out->doc borrows doc's name. */
GF_API void gf_document_of(const gf_doc *doc, const gf_figures *figs,
                           gf_document *out);
/* The documents.csv column names, in order, NULL-terminated. */
GF_API const char *const *gf_documents_columns(void);
/* Writes n rows of documents.csv (header first unless GF_OPT_NO_HEADER;
 * GF_OPT_BOM, GF_OPT_NO_GUARD as for figures), or with _jsonl as JSON
 * Lines.  GF_EINVAL, GF_EIO. */
GF_API int gf_documents_write_csv(const gf_document *docs, size_t n, FILE *f,
                                  unsigned opts);
GF_API int gf_documents_write_jsonl(const gf_document *docs, size_t n,
                                    FILE *f);

/* ---------------------------------------------------------------- store
 * An SQLite database that accumulates every report loaded into it: tables
 * documents, figures, parcels, table_cells (every column of the CSVs,
 * typed) and the view series.  Each document is one transaction: a load
 * killed at any moment leaves the database as it was before that
 * document.  A document replaces the stored one with the same sha256 (the
 * same file under any name) or the same name.  WAL mode with a busy
 * timeout, so that two loads at once take turns.  A gf_store is used by
 * one thread at a time. */
typedef struct gf_store gf_store;

/* What a database looks like to gf_store_open (the schema, versioned with
 * PRAGMA user_version). */
#define GF_STORE_VERSION 2 /* 1: the first; 2: + track */

/* Opens (creating when missing) the store at path.  opts: 0.  A database
 * of another program, or of a newer govfig, is refused: GF_ESTORE with a
 * constant message saying which; an older govfig store is migrated.
 * GF_EINVAL, GF_ENOMEM, GF_ESTORE. */
GF_API int gf_store_open(const char *path, unsigned opts, gf_store **out,
                         gf_error *err);
/* Closes the database (a checkpoint of the WAL).  NULL allowed. */
GF_API void gf_store_free(gf_store *st);
/* Stores one document with its rows in one transaction, replacing any
 * stored document with the same sha256 or name.  figs must be non-NULL;
 * parcels and tables may be NULL (none).  *replaced (may be NULL) gets how
 * many stored documents it replaced.  GF_EINVAL, GF_ESTORE (nothing
 * stored: the database is as before). */
GF_API int gf_store_add(gf_store *st, const gf_document *d,
                        const gf_figures *figs, const gf_parcels *parcels,
                        const gf_tables *tables, int *replaced,
                        gf_error *err);
/* Called by gf_store_load_dir after each document's commit. */
typedef void (*gf_store_loaded_fn)(void *ctx, const char *doc,
                                   size_t n_figures, int replaced);
/* Loads a directory that `govfig extract -o DIR` wrote: documents.csv
 * names the documents, whose rows come from figures.csv, parcels.csv and
 * tables.csv (the last two may be missing; a BOM, CRLF, the formula guard
 * and columns in any order are read).  One transaction per document, in
 * documents.csv's order; loaded (may be NULL) is called after each.
 * GF_EIO (a file cannot be read; err->message says which), GF_ECSV (a
 * malformed file or a missing doc/sha256 column: err->line), GF_ESTORE.
 * Documents committed before a failure stay. */
GF_API int gf_store_load_dir(gf_store *st, const char *dir,
                             gf_store_loaded_fn loaded, void *ctx,
                             gf_error *err);

/* The store's schema as SQL DDL: GF_SCHEMA_SQLITE (what gf_store_open
 * creates) or GF_SCHEMA_POSTGRES (the same tables, columns and view for
 * PostgreSQL, to load the CSVs with \copy).  *out (gf_free) is
 * NUL-terminated.  GF_EINVAL, GF_ENOMEM. */
enum { GF_SCHEMA_SQLITE = 0, GF_SCHEMA_POSTGRES = 1 };
GF_API int gf_store_schema(int dialect, char **out);

/* ---------------------------------------------------------------- tracking
 * Each year's targets against the next year's actuals (records.md section
 * 3, track.csv): figures of several reports are added, then every figure
 * of kind target and period Y is matched with the actual figures of period
 * Y in the other reports - same indicator_key, same measure, units
 * comparable after magnitudes, same scope (本级 / 全社会 / 规模以上 ...),
 * neither a multi-year average nor a cumulative figure against a year's -
 * and judged met, missed or unknown by its bound and the indicator's
 * direction (README "Tracking targets" states every rule).  Where several
 * actuals qualify, the one in the review part of the report that reviews Y
 * is preferred; when those disagree, or none qualifies, the outcome is
 * unknown: never a guess. */

/* Outcomes (gf_track_row.outcome_code). */
enum {
  GF_TRACK_UNKNOWN = 0,
  GF_TRACK_MET = 1,
  GF_TRACK_MISSED = 2
};

/* One row of track.csv.  Strings are non-NULL ("" when empty) and live as
 * long as the owning gf_track.  The actual_* fields are empty (page 0)
 * when no actual was chosen. */
typedef struct gf_track_row {
  const char *target_doc;
  int target_page;
  size_t target_start, target_end;  /* bytes of target_raw on the page */
  const char *indicator, *indicator_key;
  int period;                       /* the target's year (0 unknown) */
  const char *measure;
  const char *target_value, *target_value_max, *target_unit, *target_bound;
  const char *actual_doc;
  int actual_page;
  size_t actual_start, actual_end;
  const char *actual_indicator, *actual_value, *actual_unit;
  const char *outcome;              /* "met", "missed" or "unknown" */
  int outcome_code;                 /* GF_TRACK_* */
  const char *reason;               /* a short plain phrase */
  const char *target_raw, *actual_raw; /* the stated characters */
} gf_track_row;

/* The summary of one target year. */
typedef struct gf_track_year {
  int period;
  size_t targets, met, missed, unknown;
} gf_track_year;

typedef struct gf_track gf_track;

/* A new, empty set of reports.  vocab (may be NULL: no indicator has a
 * known direction) gives each indicator_key's direction; it is borrowed
 * and must outlive the gf_track.  *out is freed with gf_track_free.
 * GF_EINVAL (out NULL), GF_ENOMEM. */
GF_API int gf_track_new(const gf_indicators *vocab, gf_track **out,
                        gf_error *err);
/* Adds the rows of figs (copied: figs may be freed afterwards).  Rows of a
 * doc name already added by an earlier call are ignored (the first copy of
 * a report wins).  GF_EINVAL, GF_ENOMEM. */
GF_API int gf_track_add_figures(gf_track *t, const gf_figures *figs,
                                gf_error *err);
/* Adds the rows of a figures.csv held in csv (len bytes; a UTF-8 BOM,
 * CRLF or LF, the formula guard accepted).  Columns are found by header
 * name; doc, kind, period, indicator, measure, value and unit are needed.
 * An empty indicator_key cell (or no such column) takes the indicator.
 * Duplicated docs as for gf_track_add_figures.  GF_EINVAL, GF_EUTF8,
 * GF_ECSV (err->message and err->line say where), GF_ENOMEM. */
GF_API int gf_track_add_csv(gf_track *t, const char *csv, size_t len,
                            gf_error *err);
/* Matches and judges every target added so far (again after more adds).
 * Rows come ordered by period, target doc, page and offset, whatever the
 * order the reports were added in.  GF_EINVAL, GF_ENOMEM. */
GF_API int gf_track_run(gf_track *t, gf_error *err);
GF_API size_t gf_track_count(const gf_track *t);
/* Row i (0-based) of the last gf_track_run, NULL when out of range. */
GF_API const gf_track_row *gf_track_at(const gf_track *t, size_t i);
/* Per target year, ascending; NULL when out of range. */
GF_API size_t gf_track_year_count(const gf_track *t);
GF_API const gf_track_year *gf_track_year_at(const gf_track *t, size_t i);
/* Writes track.csv (records.md section 3, then target_raw,actual_raw),
 * header first unless GF_OPT_NO_HEADER (with GF_OPT_BOM a byte-order mark
 * before it).  GF_EINVAL, GF_EIO. */
GF_API int gf_track_write_csv(const gf_track *t, FILE *f, unsigned opts);
/* The same rows as JSON Lines (the CSV's column names as keys, numbers as
 * JSON numbers from their exact text, empty fields null).  GF_EINVAL,
 * GF_EIO. */
GF_API int gf_track_write_jsonl(const gf_track *t, FILE *f);
/* Writes one plain line per row, then one summary line per target year
 * (the summary alone: gf_track_write_summary).  GF_EINVAL, GF_EIO. */
GF_API int gf_track_write_text(const gf_track *t, FILE *f, unsigned opts);
GF_API int gf_track_write_summary(const gf_track *t, FILE *f);
/* For proving a track.csv against its PDFs with gf_figures_check: the
 * ends of its rows whose target_doc or actual_doc is doc (NULL: every end
 * with a doc) as a figures.csv of columns doc,page,start,end,value,
 * value_max,unit,raw, in *out (gf_free; *out_len bytes), one data row per
 * end.  (*ends)[L] (gf_free; L < *n_ends) tells where the row starting at
 * line L of *out comes from: its track.csv line times 2, plus 1 for the
 * actual end; 0 for the header and for lines where no row starts.  GF_EINVAL, GF_EUTF8, GF_ECSV (a
 * column missing; err->line), GF_ENOMEM. */
GF_API int gf_track_ends_csv(const char *csv, size_t len, const char *doc,
                             char **out, size_t *out_len, size_t **ends,
                             size_t *n_ends, gf_error *err);
/* The track.csv column names, in order, NULL-terminated. */
GF_API const char *const *gf_track_columns(void);
GF_API void gf_track_free(gf_track *t);

/* The store and tracking (`govfig track --db`): gf_store_add_to_track
 * adds every stored document's figures to t (as gf_track_add_csv does;
 * *n_docs, may be NULL, how many), in one read of the store;
 * gf_store_put_track replaces the store's track table with t's rows (after
 * gf_track_run), in one transaction.  GF_EINVAL, GF_ENOMEM, GF_ESTORE. */
GF_API int gf_store_add_to_track(gf_store *st, gf_track *t, size_t *n_docs,
                                 gf_error *err);
GF_API int gf_store_put_track(gf_store *st, const gf_track *t,
                              gf_error *err);
/* ---------------------------------------------------------------- view
 * The page of `govfig view`: a self-contained HTML file (no network; it
 * works from file://) that shows every page's image with a box over each
 * figure's glyphs, coloured by kind (actual, target), beside the table of
 * figures (page, indicator, value, unit, kind, period, raw); clicking a
 * box selects its row and the other way round; a filter by text, kind and
 * page.  Parcels and tables get boxes in colours of their own.  Markup:
 * each figure box is an element of class "fig" with data-row (the row of
 * figures.csv, 1 = first data row), data-page and data-x0, data-y0,
 * data-x1, data-y1 in PDF points as in figures.csv; each row of the
 * figures table has data-row.  The page images are files beside it, named
 * by gf_view_image_name. */
typedef struct gf_view_source {
  const gf_doc *doc;          /* the PDF (required): page sizes, boxes */
  const gf_figures *figures;  /* the rows shown when csv is NULL */
  const char *csv;            /* or an edited figures.csv (csv_len bytes):
                                 its rows are shown, with their own boxes
                                 (computed from page, start and end when
                                 its x0..y1 cells are empty), and rows that
                                 gf_figures_check rejects are marked with
                                 the reason */
  size_t csv_len;
  const char *csv_name;       /* how the page names the CSV; NULL: "CSV" */
  const gf_parcels *parcels;  /* may be NULL */
  const gf_tables *tables;    /* may be NULL */
  double dpi;                 /* the images' resolution (1 to
                                 GF_RENDER_MAX_DPI): their size in pixels */
} gf_view_source;

/* Writes the view page of src to f.  GF_EINVAL (src, src->doc or f NULL,
 * neither figures nor csv, dpi out of range), GF_ECSV or GF_EUTF8 (the CSV
 * cannot be read: err as for gf_figures_check), GF_ENOMEM, GF_EIO (writing
 * to f failed).  err may be NULL. */
GF_API int gf_view_write_html(const gf_view_source *src, FILE *f,
                              gf_error *err);
/* The file name, relative to the view page, of 1-based page's image:
 * "page-0001.png" (at least four digits).  Writes it into buf (cap bytes);
 * GF_EINVAL when page is 0 or it does not fit. */
GF_API int gf_view_image_name(size_t page, char *buf, size_t cap);

/* ---------------------------------------------------------------- text only */
/* Normalizes UTF-8 text: NFKC, radical look-alikes, full-width forms, stray
 * spaces between CJK and digits removed.  *out (caller frees with gf_free)
 * is NUL-terminated; *out_len its length.  GF_EUTF8 on invalid input. */
GF_API int gf_normalize(const char *text, size_t len, char **out,
                        size_t *out_len);

/* Reads one number at the start of text, exactly: Arabic with separators
 * (1,100.9, ４，５６５), exponents and SI letters (1.5e6, 3.2k, 5M), Chinese
 * numerals with 十 百 千 万 亿 兆 (萬 億) in any mix with Arabic digits
 * (一千三百二十七点八, 5万4千6百, 两千三点一, 四万万, 300万五千), 大写
 * simple and traditional, 廿 卅, signs (负 負 - − +), percent forms
 * (百分之三点五, 千分之五, 万分之三, 九成, 三成半, 八折, 七五折), fractions
 * (四分之一, 一又二分之一; one that does not terminate, 三分之一, is
 * rounded half up to 10 significant digits).  On success *consumed is the
 * byte length read (0 = no number there, or one that does not fit exactly)
 * and *value an exact decimal with magnitudes applied (caller frees with
 * gf_free); *unit "%", "‰", "‱" or "". */
GF_API int gf_numeral_parse(const char *text, size_t len, size_t *consumed,
                            char **value, const char **unit);

/* Every number in a text, figure or not (gf_numbers_scan): ordinals
 * (第一百零一) and dates (2023年, 3月15日, 2023-12-01) are left out. */
typedef struct gf_number {
  size_t start, end;  /* byte span in the input text */
  const char *value;  /* exact decimal, magnitudes applied */
  const char *unit;   /* "%", "‰", "‱", "个百分点" or "" */
  const char *bound;  /* "exact", "over" (500余万, 十多万, 20余, 十几) or
                         "about" (十来个) */
  const char *raw;    /* the input text at start..end without format
                         characters and line breaks (gf_doc_page_text):
                         what a person reads, on one line; "" for a
                         skipped number */
} gf_number;
typedef struct gf_numbers gf_numbers;
/* Scans UTF-8 text (len bytes; NULL only with len 0).  *out (free with
 * gf_numbers_free) lists the numbers in text order.  GF_EINVAL, GF_EUTF8
 * (err->offset: the first bad byte), GF_ENOMEM. */
GF_API int gf_numbers_scan(const char *text, size_t len, unsigned opts,
                           gf_numbers **out, gf_error *err);
GF_API size_t gf_numbers_count(const gf_numbers *nums);
GF_API const gf_number *gf_numbers_at(const gf_numbers *nums, size_t i);
/* Numbers that were left out because their value does not fit exactly
 * (more than 63 digits, or a Chinese numeral beyond 128 bits): start and
 * end as above, value and unit "".  Never rounded, never truncated. */
GF_API size_t gf_numbers_skipped_count(const gf_numbers *nums);
GF_API const gf_number *gf_numbers_skipped_at(const gf_numbers *nums,
                                              size_t i);
GF_API void gf_numbers_free(gf_numbers *nums);

#ifdef __cplusplus
}
#endif
#endif /* GOVFIG_H */
