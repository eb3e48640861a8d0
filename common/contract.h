/* contract.h - the names the record contract fixes (spec/records.md): the
 * columns of figures.csv, parcels.csv and tables.csv in their order, and
 * the words of the measure, kind and bound columns.  Every writer and the
 * verifier take them from here (common/contract.c), so a name is spelled
 * once. */
#ifndef GF_CONTRACT_H
#define GF_CONTRACT_H

/* figures.csv columns, in order (records.md section 1; append only). */
enum {
  GF_FIG_DOC, GF_FIG_PAGE, GF_FIG_SECTION, GF_FIG_KIND, GF_FIG_PERIOD,
  GF_FIG_INDICATOR, GF_FIG_MEASURE, GF_FIG_VALUE, GF_FIG_UNIT,
  GF_FIG_BASE_VALUE, GF_FIG_BASE_UNIT, GF_FIG_BOUND, GF_FIG_COMPARISON,
  GF_FIG_RAW, GF_FIG_START, GF_FIG_END, GF_FIG_SENTENCE, GF_FIG_VALUE_MAX,
  GF_FIG_INDICATOR_KEY, GF_FIG_X0, GF_FIG_Y0, GF_FIG_X1, GF_FIG_Y1,
  GF_FIG_N
};
/* The column names of each record, NULL-ended: figures.csv (GF_FIG_N
 * names), parcels.csv (section 2), tables.csv and documents.csv. */
enum {
  GF_PAR_DOC,
  GF_PAR_PAGE,
  GF_PAR_PROJECT_NO,
  GF_PAR_PROJECT,
  GF_PAR_PARCEL,
  GF_PAR_EAST,
  GF_PAR_WEST,
  GF_PAR_SOUTH,
  GF_PAR_NORTH, /* 东 西 南 北 */
  GF_PAR_LAND_USE,
  GF_PAR_RAW,
  GF_PARCEL_COL_N
};
enum { GF_TABLE_COL_N = 6, GF_DOCUMENT_COL_N = 6, GF_TRACK_COL_N = 23 };
extern const char *const GF_FIGURE_COLUMNS[];
extern const char *const GF_PARCEL_COLUMNS[];
extern const char *const GF_TABLE_COLUMNS[];
extern const char *const GF_DOCUMENT_COLUMNS[];
extern const char *const GF_TRACK_COLUMNS[]; /* track.csv (section 3) */

/* The measure column: what a figure measures. */
enum {
  GF_MEASURE_LEVEL = 0,
  GF_MEASURE_GROWTH,
  GF_MEASURE_PP,
  GF_MEASURE_SHARE,
  GF_MEASURE_RANK,
  GF_MEASURE_DURATION,
  GF_MEASURE_N
};
extern const char *const GF_MEASURE_NAMES[]; /* by GF_MEASURE_* */

/* The bound column. */
enum {
  GF_BOUND_EXACT = 0,
  GF_BOUND_OVER,
  GF_BOUND_AT_LEAST,
  GF_BOUND_ABOUT,
  GF_BOUND_UNDER,
  GF_BOUND_AT_MOST,
  GF_BOUND_N
};
extern const char *const GF_BOUND_NAMES[]; /* by GF_BOUND_* */

/* The report column of documents.csv, by sections.h's GF_REPORT_*. */
enum { GF_REPORT_NAME_N = 5 };
extern const char *const GF_REPORT_NAMES[];

/* The kind column. */
enum { GF_KIND_ACTUAL = 0, GF_KIND_TARGET = 1, GF_KIND_N };
extern const char *const GF_KIND_NAMES[]; /* by GF_KIND_* */

#endif
