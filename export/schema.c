/* schema.c - the store's schema as SQL, for SQLite (what export/store.c
 * creates) and for PostgreSQL (`govfig schema --postgres`, to load the
 * CSVs with \copy): one table per record type with every CSV column in the
 * CSV's order, typed from the record's column types, so that a CSV loads
 * into its table column for column.  Column names come from the records
 * (export/export.h), never retyped here.
 *
 * Exact decimals (value, base_value, value_max): SQLite has no decimal
 * type - a NUMERIC column turns "0.1" into a double, keeping 15 digits - so
 * the SQLite table keeps the decimal text as written (TEXT, the same bytes
 * as the CSV) and adds a generated REAL copy, X_num, for arithmetic and
 * sorting; PostgreSQL's numeric is exact, so there the column itself is
 * numeric and X_num a generated double precision, the same columns in
 * both.  The series view gives the numbers: value_num in SQLite, the exact
 * numeric in PostgreSQL.
 *
 * Indexes: only doc, which replacing a document needs.  An index on
 * (indicator_key, period) would serve the series view, but it halves the
 * loading speed (measured: 250,000 -> 100,000 rows per CPU second), so it
 * is the user's one-line choice (README). */
#include <string.h>

#include "export/export.h"
#include "normalize/normalize.h"

const gf_record *gf_store_record(size_t i) {
  switch (i) {
  case 0: return gf_record_documents();
  case 1: return gf_record_figures();
  case 2: return gf_record_parcels();
  case 3: return gf_record_tables();
  case GF_STORE_TRACK: return gf_record_track();
  }
  return NULL;
}

/* SQL types by column type and dialect. */
static const char *sql_type(int type, int dialect) {
  static const char *const lite[] = {"TEXT", "INTEGER", "TEXT", "REAL"};
  static const char *const pg[] = {"text", "bigint", "numeric",
                                   "double precision"};
  return (dialect == GF_SCHEMA_POSTGRES ? pg : lite)[type & 3];
}

static void put_ident(gf_buf *b, const char *name) {
  gf_buf_printf(b, "\"%s\"", name);
}

void gf_schema_table(int dialect, const gf_record *r, gf_buf *b) {
  int pg = dialect == GF_SCHEMA_POSTGRES, is_doc = r == gf_record_documents();
  gf_buf_printf(b, "CREATE TABLE \"%s\" (\n", r->table);
  for (size_t i = 0; i < r->n; i++) {
    const char *c = r->columns[i];
    gf_buf_puts(b, "  ");
    put_ident(b, c);
    gf_buf_printf(b, " %s", sql_type(r->types[i], dialect));
    if (strcmp(c, "doc") == 0) {
      gf_buf_puts(b, " NOT NULL");
      if (is_doc) gf_buf_puts(b, " PRIMARY KEY");
      else gf_buf_puts(b, " REFERENCES \"documents\" (\"doc\")");
    } else if (is_doc && strcmp(c, "sha256") == 0) {
      gf_buf_puts(b, " NOT NULL UNIQUE");
    }
    gf_buf_puts(b, ",\n");
  }
  /* Generated columns come after the CSV's, so \copy without a column
   * list still matches (COPY skips generated columns). */
  for (size_t i = 0; i < r->n; i++) {
    if (r->types[i] != GF_COL_DEC) continue;
    gf_buf_printf(b, "  \"%s_num\" %s GENERATED ALWAYS AS (", r->columns[i],
                  sql_type(GF_COL_REAL, dialect));
    if (pg)
      gf_buf_printf(b, "\"%s\"::double precision) STORED,\n", r->columns[i]);
    else
      gf_buf_printf(b, "CAST(\"%s\" AS REAL)) VIRTUAL,\n", r->columns[i]);
  }
  if (is_doc)
    gf_buf_puts(b, pg ? "  \"loaded_at\" timestamptz NOT NULL DEFAULT "
                        "now(),\n"
                      : "  \"loaded_at\" TEXT NOT NULL DEFAULT "
                        "(strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),\n");
  b->len -= 2; /* the last ",\n" */
  gf_buf_puts(b, "\n);\n");
  if (!is_doc && strcmp(r->columns[0], "doc") == 0)
    gf_buf_printf(b, "CREATE INDEX \"%s_doc\" ON \"%s\" (\"doc\");\n",
                  r->table, r->table);
}

int gf_schema_build(int dialect, gf_buf *b) {
  if (dialect != GF_SCHEMA_SQLITE && dialect != GF_SCHEMA_POSTGRES)
    return GF_EINVAL;
  gf_buf_printf(b, "-- govfig store schema %d (%s)\n", GF_STORE_VERSION,
                dialect == GF_SCHEMA_POSTGRES ? "PostgreSQL" : "SQLite");
  for (size_t i = 0; i <= GF_STORE_TRACK; i++)
    gf_schema_table(dialect, gf_store_record(i), b);

  /* Across years in one SELECT: the numbers as numbers. */
  const char *num = dialect == GF_SCHEMA_POSTGRES ? "" : "_num";
  gf_buf_printf(b,
                "CREATE VIEW \"series\" AS\n"
                "  SELECT \"indicator_key\", \"period\", \"kind\", "
                "\"measure\",\n"
                "         \"value%s\" AS \"value\", \"unit\", "
                "\"base_value%s\" AS \"base_value\",\n"
                "         \"doc\", \"page\"\n"
                "  FROM \"figures\";\n",
                num, num);
  return b->oom ? GF_ENOMEM : GF_OK;
}

int gf_store_schema(int dialect, char **out) {
  if (out) *out = NULL;
  if (!out) return GF_EINVAL;
  gf_buf b = {0};
  int rc = gf_schema_build(dialect, &b);
  if (rc) {
    gf_buf_free(&b);
    return rc;
  }
  *out = gf_buf_detach(&b, NULL);
  return *out ? GF_OK : GF_ENOMEM;
}
