/* store.c - the SQLite store: the only file that includes sqlite3.h.
 *
 * Why SQLite rather than a file format of our own: a store that many runs
 * add to over the years needs atomic commits that survive kill -9 and power
 * loss, two writers at once, indexes and ad-hoc queries across documents
 * ("GDP of every district, 2014-2026").  SQLite gives all of that in one
 * file that every language reads, with decades of testing; hand-written
 * code would redo a journal and a query language, worse.
 *
 * The schema comes from schema.c (the records' columns, typed) and is
 * versioned with PRAGMA user_version under our PRAGMA application_id, so a
 * database of another program or of a newer govfig is refused, an older
 * one migrated.  WAL mode and a busy timeout let a second load wait for
 * the first; each document is one IMMEDIATE transaction - delete the
 * document it replaces (same sha256, or same name), insert its rows - so a
 * load killed at any moment leaves the database as before that document.
 * Statements are prepared once per store. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "export/export.h"
#include "extract/extract.h"
#include "normalize/normalize.h"

/* 'GFIG': marks a database as a govfig store (PRAGMA application_id). */
#define APP_ID 0x47464947
#define BUSY_MS 60000 /* how long a load waits for another one's document */

struct gf_store {
  sqlite3 *db;
  sqlite3_stmt *ins[GF_STORE_RECORDS];
  sqlite3_stmt *del[GF_STORE_RECORDS];
  sqlite3_stmt *find; /* the stored documents a new one replaces */
  sqlite3_stmt *begin, *commit, *rollback;
  int in_doc;
};

static int set_code(gf_error *err, int code, int page, size_t off) {
  return gf_error_set(err, code, code ? gf_strerror(code) : NULL, page, off);
}

/* An SQLite failure in our words: the message is constant, as gf_error's
 * must be; the code is GF_ESTORE (GF_ENOMEM for SQLite's out of memory). */
static int fail(gf_error *err, int lite, const char *what) {
  int code = GF_ESTORE;
  const char *msg = what;
  switch (lite & 0xff) {
  case SQLITE_NOMEM: code = GF_ENOMEM; msg = "out of memory"; break;
  case SQLITE_BUSY:
  case SQLITE_LOCKED:
    msg = "database is busy: another process kept it locked too long";
    break;
  case SQLITE_NOTADB: msg = "not an SQLite database"; break;
  case SQLITE_CORRUPT: msg = "database file is damaged"; break;
  case SQLITE_FULL: msg = "disk full"; break;
  case SQLITE_CANTOPEN: msg = "cannot open the database file"; break;
  case SQLITE_READONLY: msg = "database is read-only"; break;
  case SQLITE_IOERR: msg = "input/output error on the database"; break;
  case SQLITE_PERM:
  case SQLITE_AUTH: msg = "permission denied"; break;
  }
  gf_error_set(err, code, msg, 0, 0);
  return code;
}

static int exec(gf_store *st, const char *sql, gf_error *err,
                const char *what) {
  int rc = sqlite3_exec(st->db, sql, NULL, NULL, NULL);
  return rc == SQLITE_OK ? GF_OK : fail(err, rc, what);
}

/* One integer from a PRAGMA or a query; -1 when it cannot be read. */
static int query_int(gf_store *st, const char *sql, long long *v) {
  sqlite3_stmt *s = NULL;
  int rc = sqlite3_prepare_v2(st->db, sql, -1, &s, NULL);
  if (rc == SQLITE_OK) {
    rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) *v = sqlite3_column_int64(s, 0);
    if (rc == SQLITE_ROW || rc == SQLITE_DONE) rc = SQLITE_OK;
  }
  sqlite3_finalize(s);
  return rc;
}

/* Schema upgrades: step v turns a version-v store into version v+1, run
 * in the same transaction as the version bump.
 *   1 -> 2: the track table (govfig track --db), from its record. */
static int migrate(gf_store *st, long long v, gf_error *err) {
  gf_buf b = {0};
  switch (v) {
  case 1: gf_schema_table(GF_SCHEMA_SQLITE, gf_record_track(), &b); break;
  default:
    return gf_error_set(err, GF_ESTORE, "schema version too old to migrate",
                        0, 0);
  }
  int rc = b.oom ? set_code(err, GF_ENOMEM, 0, 0)
                 : exec(st, b.p, err, "cannot migrate the schema");
  gf_buf_free(&b);
  return rc;
}

static int create_schema(gf_store *st, gf_error *err) {
  gf_buf b = {0};
  int rc = gf_schema_build(GF_SCHEMA_SQLITE, &b);
  gf_buf_printf(&b, "PRAGMA application_id = %d; PRAGMA user_version = %d;",
                APP_ID, GF_STORE_VERSION);
  if (rc == GF_OK && b.oom) rc = GF_ENOMEM;
  if (rc == GF_OK) rc = exec(st, b.p, err, "cannot create the schema");
  else set_code(err, rc, 0, 0);
  gf_buf_free(&b);
  return rc;
}

/* Inside an IMMEDIATE transaction, so that two loads opening a new file
 * at once do not both create it: checks what the file is and makes it a
 * store of this version. */
static int settle_schema(gf_store *st, gf_error *err) {
  long long app = 0, ver = 0, n_objects = 0;
  int rc = query_int(st, "PRAGMA application_id", &app);
  if (rc == SQLITE_OK) rc = query_int(st, "PRAGMA user_version", &ver);
  if (rc == SQLITE_OK)
    rc = query_int(st, "SELECT count(*) FROM sqlite_schema", &n_objects);
  if (rc != SQLITE_OK) return fail(err, rc, "cannot read the database");
  if (app == 0 && ver == 0 && n_objects == 0) return create_schema(st, err);
  if (app != APP_ID)
    return gf_error_set(err, GF_ESTORE,
                        "not a govfig store (a database of another program)",
                        0, 0);
  if (ver > GF_STORE_VERSION)
    return gf_error_set(err, GF_ESTORE,
                        "made by a newer govfig (a later schema version); "
                        "use that govfig or another file",
                        0, 0);
  for (long long v = ver; v < GF_STORE_VERSION; v++)
    if ((rc = migrate(st, v, err))) return rc;
  if (ver != GF_STORE_VERSION) {
    char sql[64];
    snprintf(sql, sizeof sql, "PRAGMA user_version = %d", GF_STORE_VERSION);
    return exec(st, sql, err, "cannot migrate the schema");
  }
  return GF_OK;
}

static int prepare(gf_store *st, const char *sql, sqlite3_stmt **s,
                   gf_error *err) {
  int rc = sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT, s,
                              NULL);
  return rc == SQLITE_OK ? GF_OK : fail(err, rc, "cannot prepare a statement");
}

/* INSERT INTO t ("a", "b", ...) VALUES (?1, ?2, ...) and
 * DELETE FROM t WHERE "doc" = ?1 for every record's table. */
static int prepare_all(gf_store *st, gf_error *err) {
  int rc = GF_OK;
  for (size_t i = 0; i < GF_STORE_RECORDS && rc == GF_OK; i++) {
    const gf_record *r = gf_store_record(i);
    gf_buf b = {0};
    gf_buf_printf(&b, "INSERT INTO \"%s\" (", r->table);
    for (size_t c = 0; c < r->n; c++)
      gf_buf_printf(&b, "%s\"%s\"", c ? ", " : "", r->columns[c]);
    gf_buf_puts(&b, ") VALUES (");
    for (size_t c = 0; c < r->n; c++)
      gf_buf_printf(&b, "%s?%zu", c ? ", " : "", c + 1);
    gf_buf_puts(&b, ")");
    gf_buf_printf(&b, "%cDELETE FROM \"%s\" WHERE \"doc\" = ?1", '\0',
                  r->table);
    if (b.oom) rc = set_code(err, GF_ENOMEM, 0, 0);
    else rc = prepare(st, b.p, &st->ins[i], err);
    if (rc == GF_OK)
      rc = prepare(st, b.p + strlen(b.p) + 1, &st->del[i], err);
    gf_buf_free(&b);
  }
  if (rc == GF_OK)
    rc = prepare(st,
                 "SELECT \"doc\" FROM \"documents\" "
                 "WHERE \"sha256\" = ?1 OR \"doc\" = ?2",
                 &st->find, err);
  if (rc == GF_OK) rc = prepare(st, "BEGIN IMMEDIATE", &st->begin, err);
  if (rc == GF_OK) rc = prepare(st, "COMMIT", &st->commit, err);
  if (rc == GF_OK) rc = prepare(st, "ROLLBACK", &st->rollback, err);
  return rc;
}

static int step_reset(sqlite3_stmt *s) {
  int rc = sqlite3_step(s);
  sqlite3_reset(s);
  sqlite3_clear_bindings(s);
  return rc == SQLITE_DONE || rc == SQLITE_ROW ? SQLITE_OK : rc;
}

int gf_store_open(const char *path, unsigned opts, gf_store **out,
                  gf_error *err) {
  (void)opts;
  set_code(err, GF_OK, 0, 0);
  if (out) *out = NULL;
  if (!path || !out) return set_code(err, GF_EINVAL, 0, 0);
  gf_store *st = gf_calloc(1, sizeof *st);
  if (!st) return set_code(err, GF_ENOMEM, 0, 0);
  int lite = sqlite3_open_v2(path, &st->db,
                             SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
                                 SQLITE_OPEN_NOMUTEX,
                             NULL);
  int rc = GF_OK;
  if (lite != SQLITE_OK) {
    rc = fail(err, lite, "cannot open the database file");
    goto done;
  }
  sqlite3_extended_result_codes(st->db, 1);
  sqlite3_busy_timeout(st->db, BUSY_MS);
  /* WAL: readers never block the writer, a commit is one append; NORMAL
   * sync is durable against a killed process, and a power cut may lose
   * the last commits but never corrupts the file.  A 64 MB page cache
   * keeps a long document's pages in memory until its commit, and a
   * checkpoint every 64 MB of WAL instead of 4 MB fsyncs less often. */
  if ((rc = exec(st,
                 "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; "
                 "PRAGMA cache_size = -65536; "
                 "PRAGMA wal_autocheckpoint = 16384",
                 err, "cannot open the database")))
    goto done;
  if ((rc = exec(st, "BEGIN IMMEDIATE", err, "cannot lock the database")))
    goto done;
  rc = settle_schema(st, err);
  if (rc == GF_OK) rc = exec(st, "COMMIT", err, "cannot create the schema");
  else sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
  if (rc == GF_OK) rc = prepare_all(st, err);
done:
  if (rc) {
    gf_store_free(st);
    return rc;
  }
  *out = st;
  return GF_OK;
}

void gf_store_free(gf_store *st) {
  if (!st) return;
  if (st->in_doc) sqlite3_step(st->rollback);
  for (size_t i = 0; i < GF_STORE_RECORDS; i++) {
    sqlite3_finalize(st->ins[i]);
    sqlite3_finalize(st->del[i]);
  }
  sqlite3_finalize(st->find);
  sqlite3_finalize(st->begin);
  sqlite3_finalize(st->commit);
  sqlite3_finalize(st->rollback);
  sqlite3_close(st->db); /* the last connection checkpoints the WAL */
  gf_free(st);
}

/* A cell as its column's type: "" is NULL; an integer or a real that does
 * not read as one is kept as text (data, not an error); exact decimals are
 * text (schema.c says why).  From a CSV (unguard), text cells lose the
 * export's formula guard.  Strings are bound static: cells outlive the
 * step. */
static int bind_cell(sqlite3_stmt *s, int i, int type, const char *v,
                     int unguard) {
  if (!v || !*v) return sqlite3_bind_null(s, i);
  char *end;
  if (type == GF_COL_INT) {
    errno = 0;
    long long n = strtoll(v, &end, 10);
    if (!*end && !errno) return sqlite3_bind_int64(s, i, n);
  } else if (type == GF_COL_REAL) {
    double d = strtod(v, &end);
    if (!*end) return sqlite3_bind_double(s, i, d);
  } else if (type == GF_COL_TEXT && unguard) {
    v = gf_csv_unguard(v);
  }
  return sqlite3_bind_text(s, i, v, -1, SQLITE_STATIC);
}

int gf_store_row(gf_store *st, size_t rec, const char *const *cells,
                 int from_csv, gf_error *err) {
  const gf_record *r = gf_store_record(rec);
  sqlite3_stmt *s = st->ins[rec];
  for (size_t c = 0; c < r->n; c++)
    bind_cell(s, (int)c + 1, r->types[c], cells[c], from_csv);
  int rc = step_reset(s);
  return rc == SQLITE_OK ? GF_OK : fail(err, rc, "cannot store a row");
}

/* Deletes every row of the stored document named name. */
static int drop_doc(gf_store *st, const char *name, gf_error *err) {
  for (size_t i = GF_STORE_RECORDS; i-- > 0;) {
    sqlite3_bind_text(st->del[i], 1, name, -1, SQLITE_TRANSIENT);
    int rc = step_reset(st->del[i]);
    if (rc != SQLITE_OK) return fail(err, rc, "cannot replace a document");
  }
  return GF_OK;
}

int gf_store_doc_begin(gf_store *st, const char *const *doc_cells,
                       int *replaced, gf_error *err) {
  *replaced = 0;
  int rc = step_reset(st->begin);
  if (rc != SQLITE_OK) return fail(err, rc, "cannot lock the database");
  st->in_doc = 1;
  /* documents' columns: doc, sha256, ... (records.c) */
  sqlite3_bind_text(st->find, 1, doc_cells[1], -1, SQLITE_STATIC);
  sqlite3_bind_text(st->find, 2, doc_cells[0], -1, SQLITE_STATIC);
  gf_buf names = {0};
  while ((rc = sqlite3_step(st->find)) == SQLITE_ROW) {
    const unsigned char *n = sqlite3_column_text(st->find, 0);
    gf_buf_puts(&names, n ? (const char *)n : "");
    gf_buf_putc(&names, '\0');
    (*replaced)++;
  }
  sqlite3_reset(st->find);
  sqlite3_clear_bindings(st->find);
  int out = rc == SQLITE_DONE ? GF_OK : fail(err, rc, "cannot read the store");
  if (out == GF_OK && names.oom) out = set_code(err, GF_ENOMEM, 0, 0);
  for (size_t off = 0; out == GF_OK && off < names.len;
       off += strlen(names.p + off) + 1)
    out = drop_doc(st, names.p + off, err);
  gf_buf_free(&names);
  if (out == GF_OK) out = gf_store_row(st, 0, doc_cells, 0, err);
  if (out) gf_store_doc_end(st, 0, NULL);
  return out;
}

int gf_store_doc_end(gf_store *st, int commit, gf_error *err) {
  if (!st->in_doc) return GF_OK;
  int rc = step_reset(commit ? st->commit : st->rollback);
  if (rc != SQLITE_OK && commit) {
    step_reset(st->rollback);
    st->in_doc = 0;
    return fail(err, rc, "cannot commit a document");
  }
  st->in_doc = 0;
  return GF_OK;
}

int gf_store_add(gf_store *st, const gf_document *d, const gf_figures *figs,
                 const gf_parcels *parcels, const gf_tables *tables,
                 int *replaced, gf_error *err) {
  int dummy;
  if (!replaced) replaced = &dummy;
  *replaced = 0;
  set_code(err, GF_OK, 0, 0);
  if (!st || !d || !d->doc || !figs)
    return set_code(err, GF_EINVAL, 0, 0);
  gf_cellbuf b;
  const char *cells[GF_CELLS_MAX];
  gf_document_cells(d, &b, cells);
  int rc = gf_store_doc_begin(st, cells, replaced, err);
  size_t n = gf_figures_count(figs);
  for (size_t i = 0; i < n && rc == GF_OK; i++) {
    gf_figure_cells(gf_figures_at(figs, i), &b, cells);
    rc = gf_store_row(st, 1, cells, 0, err);
  }
  n = gf_parcels_count(parcels);
  for (size_t i = 0; i < n && rc == GF_OK; i++) {
    gf_parcel_cells(gf_parcels_at(parcels, i), &b, cells);
    rc = gf_store_row(st, 2, cells, 0, err);
  }
  n = gf_tables_count(tables);
  for (size_t i = 0; i < n && rc == GF_OK; i++) {
    gf_table_cells(gf_tables_at(tables, i), &b, cells);
    rc = gf_store_row(st, 3, cells, 0, err);
  }
  if (rc == GF_OK) return gf_store_doc_end(st, 1, err);
  gf_store_doc_end(st, 0, NULL);
  return rc;
}

int gf_store_query_int(gf_store *st, const char *sql, long long *v) {
  *v = -1;
  int rc = query_int(st, sql, v);
  return rc == SQLITE_OK ? GF_OK : GF_ESTORE;
}

/* Hashes every table's rows, each table's sorted by all its columns (rowids
 * and loaded_at left out: a load repeated must give the same sum). */
int gf_store_checksum(gf_store *st, char out[65]) {
  gf_sha256 h;
  gf_sha256_init(&h);
  int rc = GF_OK;
  for (size_t i = 0; i <= GF_STORE_TRACK && rc == GF_OK; i++) {
    const gf_record *r = gf_store_record(i);
    gf_buf q = {0};
    gf_buf_puts(&q, "SELECT ");
    for (size_t c = 0; c < r->n; c++)
      gf_buf_printf(&q, "%s\"%s\"", c ? ", " : "", r->columns[c]);
    gf_buf_printf(&q, " FROM \"%s\" ORDER BY ", r->table);
    for (size_t c = 0; c < r->n; c++)
      gf_buf_printf(&q, "%s%zu", c ? ", " : "", c + 1);
    sqlite3_stmt *s = NULL;
    rc = q.oom ? GF_ENOMEM
               : sqlite3_prepare_v2(st->db, q.p, -1, &s, NULL) == SQLITE_OK
                     ? GF_OK
                     : GF_ESTORE;
    gf_buf_free(&q);
    gf_sha256_update(&h, r->table, strlen(r->table) + 1);
    while (rc == GF_OK && sqlite3_step(s) == SQLITE_ROW)
      for (int c = 0; c < (int)r->n; c++) {
        char type = (char)('0' + sqlite3_column_type(s, c));
        const unsigned char *t = sqlite3_column_text(s, c);
        gf_sha256_update(&h, &type, 1);
        if (t) gf_sha256_update(&h, t, strlen((const char *)t) + 1);
      }
    sqlite3_finalize(s);
  }
  gf_sha256_hex(&h, out);
  return rc;
}

/* ---------------------------------------------------------------- track */

/* The stored figures of doc as a figures.csv in memory, as the track
 * module reads one (gf_track_add_csv). */
static int doc_csv(gf_store *st, sqlite3_stmt *q, const char *doc, char **csv,
                   size_t *len) {
  const gf_record *r = gf_record_figures();
  FILE *f = open_memstream(csv, len);
  if (!f) return GF_ENOMEM;
  int rc = gf_csv_write_row(f, r->columns, r->n, NULL, GF_OPT_NO_GUARD);
  sqlite3_bind_text(q, 1, doc, -1, SQLITE_TRANSIENT);
  int lite = SQLITE_DONE;
  while (rc == GF_OK && (lite = sqlite3_step(q)) == SQLITE_ROW) {
    const char *cells[GF_CELLS_MAX];
    for (int c = 0; c < (int)r->n; c++) {
      const unsigned char *t = sqlite3_column_text(q, c);
      cells[c] = t ? (const char *)t : "";
    }
    rc = gf_csv_write_row(f, cells, r->n, r->types, GF_OPT_NO_GUARD);
  }
  if (rc == GF_OK && lite != SQLITE_DONE) rc = GF_ESTORE;
  sqlite3_reset(q);
  (void)st;
  if (fclose(f) != 0 && rc == GF_OK) rc = GF_ENOMEM;
  return rc;
}

int gf_store_add_to_track(gf_store *st, gf_track *t, size_t *n_docs,
                          gf_error *err) {
  if (n_docs) *n_docs = 0;
  set_code(err, GF_OK, 0, 0);
  if (!st || !t) return set_code(err, GF_EINVAL, 0, 0);
  const gf_record *r = gf_record_figures();
  gf_buf sql = {0};
  gf_buf_puts(&sql, "SELECT ");
  for (size_t c = 0; c < r->n; c++)
    gf_buf_printf(&sql, "%s\"%s\"", c ? ", " : "", r->columns[c]);
  gf_buf_puts(&sql, " FROM \"figures\" WHERE \"doc\" = ?1 ORDER BY rowid");
  sqlite3_stmt *docs = NULL, *q = NULL;
  int rc = sql.oom ? GF_ENOMEM : GF_OK, lite = SQLITE_OK;
  /* one read transaction: the documents and their rows as of one moment */
  if (rc == GF_OK &&
      ((lite = sqlite3_exec(st->db, "BEGIN", NULL, NULL, NULL)) ||
       (lite = sqlite3_prepare_v2(st->db,
                                  "SELECT \"doc\" FROM \"documents\" "
                                  "ORDER BY \"doc\"",
                                  -1, &docs, NULL)) ||
       (lite = sqlite3_prepare_v2(st->db, sql.p, -1, &q, NULL))))
    rc = GF_ESTORE;
  while (rc == GF_OK && (lite = sqlite3_step(docs)) == SQLITE_ROW) {
    const char *doc = (const char *)sqlite3_column_text(docs, 0);
    char *csv = NULL;
    size_t len = 0;
    rc = doc_csv(st, q, doc ? doc : "", &csv, &len);
    if (rc == GF_OK) rc = gf_track_add_csv(t, csv, len, err);
    free(csv); /* open_memstream's buffer */
    if (rc == GF_OK && n_docs) (*n_docs)++;
  }
  if (rc == GF_OK && lite != SQLITE_DONE) rc = GF_ESTORE;
  if (rc == GF_ESTORE) fail(err, lite, "cannot read the store");
  else if (rc == GF_ENOMEM) set_code(err, rc, 0, 0);
  sqlite3_finalize(q);
  sqlite3_finalize(docs);
  sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
  gf_buf_free(&sql);
  return rc;
}

int gf_store_put_track(gf_store *st, const gf_track *t, gf_error *err) {
  set_code(err, GF_OK, 0, 0);
  if (!st || !t) return set_code(err, GF_EINVAL, 0, 0);
  const gf_record *r = gf_record_track();
  gf_buf sql = {0};
  gf_buf_printf(&sql, "INSERT INTO \"%s\" VALUES (", r->table);
  for (size_t c = 0; c < r->n; c++)
    gf_buf_printf(&sql, "%s?%zu", c ? ", " : "", c + 1);
  gf_buf_puts(&sql, ")");
  if (sql.oom) return set_code(err, GF_ENOMEM, 0, 0);
  sqlite3_stmt *ins = NULL;
  int lite = sqlite3_prepare_v2(st->db, sql.p, -1, &ins, NULL);
  gf_buf_free(&sql);
  if (lite == SQLITE_OK) lite = step_reset(st->begin);
  if (lite != SQLITE_OK) {
    sqlite3_finalize(ins);
    return fail(err, lite, "cannot store the tracking");
  }
  /* the whole table is replaced in one transaction: it is the tracking of
   * the store as it is now */
  lite = sqlite3_exec(st->db, "DELETE FROM \"track\"", NULL, NULL, NULL);
  for (size_t i = 0; lite == SQLITE_OK && i < gf_track_count(t); i++) {
    gf_cellbuf b;
    const char *cells[GF_CELLS_MAX];
    gf_track_row_cells(gf_track_at(t, i), &b, cells);
    for (size_t c = 0; c < r->n; c++)
      bind_cell(ins, (int)c + 1, r->types[c], cells[c], 0);
    lite = step_reset(ins);
  }
  sqlite3_finalize(ins);
  if (lite == SQLITE_OK) lite = step_reset(st->commit);
  if (lite != SQLITE_OK) {
    step_reset(st->rollback);
    return fail(err, lite, "cannot store the tracking");
  }
  return GF_OK;
}
