/* contract.c - the names of the record contract (spec/records.md), in one
 * place: see contract.h. */
#include <stddef.h>

#include "common/contract.h"

const char *const GF_FIGURE_COLUMNS[] = {
    "doc",        "page",      "section", "kind",  "period", "indicator",
    "measure",    "value",     "unit",    "base_value",      "base_unit",
    "bound",      "comparison", "raw",    "start", "end",    "sentence",
    "value_max",  "indicator_key", "x0", "y0", "x1", "y1", NULL};

/* records.md section 3, then target_raw,actual_raw appended. */
const char *const GF_TRACK_COLUMNS[] = {
    "target_doc",   "target_page",   "target_start",     "target_end",
    "indicator",    "indicator_key", "period",           "measure",
    "target_value", "target_value_max", "target_unit",   "target_bound",
    "actual_doc",   "actual_page",   "actual_start",     "actual_end",
    "actual_indicator", "actual_value", "actual_unit",   "outcome",
    "reason",       "target_raw",    "actual_raw",       NULL};

const char *const GF_PARCEL_COLUMNS[] = {
    "doc",  "page", "project_no", "project", "parcel", "east",
    "west", "south", "north",     "land_use", "raw",   NULL};

const char *const GF_TABLE_COLUMNS[] = {"doc", "page", "table", "row",
                                        "col", "text", NULL};
const char *const GF_DOCUMENT_COLUMNS[] = {
    "doc", "sha256", "pages", "report", "year_actual", "year_target", NULL};

const char *const GF_MEASURE_NAMES[] = {"level", "growth", "change_pp",
                                        "share", "rank",   "duration"};
const char *const GF_BOUND_NAMES[] = {"exact", "over",  "at_least",
                                      "about", "under", "at_most"};
const char *const GF_KIND_NAMES[] = {"actual", "target"};
const char *const GF_REPORT_NAMES[] = {"other", "plan", "work", "stats",
                                       "budget"};

/* The enums and the tables must agree. */
_Static_assert(sizeof GF_FIGURE_COLUMNS / sizeof *GF_FIGURE_COLUMNS ==
                   GF_FIG_N + 1, "figure columns");
_Static_assert(sizeof GF_PARCEL_COLUMNS / sizeof *GF_PARCEL_COLUMNS ==
                   GF_PARCEL_COL_N + 1, "parcel columns");
_Static_assert(sizeof GF_TABLE_COLUMNS / sizeof *GF_TABLE_COLUMNS ==
                   GF_TABLE_COL_N + 1, "table columns");
_Static_assert(sizeof GF_DOCUMENT_COLUMNS / sizeof *GF_DOCUMENT_COLUMNS ==
                   GF_DOCUMENT_COL_N + 1, "document columns");
_Static_assert(sizeof GF_MEASURE_NAMES / sizeof *GF_MEASURE_NAMES ==
                   GF_MEASURE_N, "measures");
_Static_assert(sizeof GF_BOUND_NAMES / sizeof *GF_BOUND_NAMES == GF_BOUND_N,
               "bounds");
_Static_assert(sizeof GF_REPORT_NAMES / sizeof *GF_REPORT_NAMES ==
                   GF_REPORT_NAME_N,
               "reports");
_Static_assert(sizeof GF_KIND_NAMES / sizeof *GF_KIND_NAMES == GF_KIND_N,
               "kinds");
