/* db.c: the archive database, in SQLite or PostgreSQL; see db.h.
 *
 * One set of statements serves both: parameters as $1..$n (SQLite reads
 * them as named parameters numbered in order), upserts as ON CONFLICT.
 * What differs is the schema's types, the full-text index (FTS5; a
 * tsvector with the swedish configuration and a GIN index) and the
 * search. libpq is opened with dlopen at the first postgresql:// URI,
 * as Tesseract and libxml2 are: linked, it and its libraries would load
 * with every process. */
#include "db.h"
#include "out.h"

#include <dlfcn.h>
#include <glib.h>
#include <libpq-fe.h>
#include <pthread.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PG_FUNCS(X) \
	X(PQconnectdb) X(PQstatus) X(PQerrorMessage) X(PQexec) X(PQexecParams) X(PQresultStatus) X(PQclear) \
	X(PQfinish) X(PQntuples) X(PQgetvalue) X(PQgetisnull) X(PQresultErrorMessage) X(PQsetNoticeProcessor)

static struct {
#define PG_PTR(f) __typeof__(f) *f;
	PG_FUNCS(PG_PTR)
#undef PG_PTR
	void *handle;
} pq;
static pthread_once_t pq_once = PTHREAD_ONCE_INIT;

static void pq_load(void)
{
	void *h = dlopen(PQ_SONAME, RTLD_NOW | RTLD_LOCAL);

	if (!h)
		return;
#define PG_SYM(f) \
	if (!(*(void **)&pq.f = dlsym(h, #f))) { \
		dlclose(h); \
		return; \
	}
	PG_FUNCS(PG_SYM)
#undef PG_SYM
	pq.handle = h;
}

#define DB_SCHEMA_VERSION "1"
#define DB_BUSY_MS (10 * 60 * 1000)   /* another process writing: wait this long before failing */

/* The tables, in SQL both take: SQLite reads BIGINT as INTEGER and
 * DOUBLE PRECISION as REAL (the same 64-bit storage PostgreSQL gives
 * them). */
#define DB_TABLES \
	"CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);" \
	"INSERT INTO meta VALUES ('schema', '" DB_SCHEMA_VERSION "') ON CONFLICT DO NOTHING;" \
	"CREATE TABLE IF NOT EXISTS documents (sha256 TEXT PRIMARY KEY, bytes BIGINT, format TEXT," \
	" format_version TEXT, pronom TEXT, pages INTEGER, type TEXT, title TEXT, organisation TEXT," \
	" year INTEGER, date TEXT, period_label TEXT, period_start TEXT, period_end TEXT, producer TEXT," \
	" creator TEXT, created TEXT, modified TEXT, tool_version TEXT, options_digest TEXT);" \
	"CREATE TABLE IF NOT EXISTS paths (path TEXT PRIMARY KEY, sha256 TEXT, output TEXT, status TEXT NOT NULL," \
	" error_code TEXT, error_message TEXT, seconds DOUBLE PRECISION, started TEXT, tool_version TEXT," \
	" options_digest TEXT);" \
	"CREATE INDEX IF NOT EXISTS paths_sha256 ON paths (sha256);" \
	"CREATE TABLE IF NOT EXISTS pages (sha256 TEXT, page INTEGER, width DOUBLE PRECISION, height DOUBLE PRECISION," \
	" source TEXT, rotation INTEGER, ocr_reason TEXT, ocr_confidence DOUBLE PRECISION, PRIMARY KEY (sha256, page));" \
	"CREATE TABLE IF NOT EXISTS blocks (sha256 TEXT, block INTEGER, type TEXT, level INTEGER, page INTEGER," \
	" furniture TEXT, text TEXT, x0 DOUBLE PRECISION, y0 DOUBLE PRECISION, x1 DOUBLE PRECISION," \
	" y1 DOUBLE PRECISION, path TEXT, PRIMARY KEY (sha256, block));" \
	"CREATE TABLE IF NOT EXISTS tables (sha256 TEXT, tbl INTEGER, method TEXT, caption TEXT, page_first INTEGER," \
	" page_last INTEGER, nrows INTEGER, ncols INTEGER, header_rows INTEGER, PRIMARY KEY (sha256, tbl));" \
	"CREATE TABLE IF NOT EXISTS cells (sha256 TEXT, tbl INTEGER, row INTEGER, col INTEGER, rowspan INTEGER," \
	" colspan INTEGER, text TEXT, background TEXT, PRIMARY KEY (sha256, tbl, row, col));" \
	"CREATE TABLE IF NOT EXISTS \"values\" (sha256 TEXT, idx INTEGER, label TEXT, grp TEXT, section TEXT," \
	" period_label TEXT, period_start TEXT, period_end TEXT, measure TEXT, value DOUBLE PRECISION," \
	" missing INTEGER, unit TEXT, scale DOUBLE PRECISION, note INTEGER, qualifier TEXT, text TEXT, context TEXT," \
	" method TEXT, page INTEGER, block INTEGER, tbl INTEGER, row INTEGER, col INTEGER," \
	" confidence DOUBLE PRECISION, PRIMARY KEY (sha256, idx));" \
	"CREATE TABLE IF NOT EXISTS ratings (sha256 TEXT, idx INTEGER, goal TEXT, title TEXT, dimension TEXT," \
	" colour TEXT, evidence TEXT, page INTEGER, PRIMARY KEY (sha256, idx));" \
	"CREATE TABLE IF NOT EXISTS meetings (sha256 TEXT PRIMARY KEY, date TEXT, time TEXT, place TEXT," \
	" chair TEXT, secretary TEXT, adjusters TEXT, next_meeting TEXT, opened TEXT, closed TEXT);" \
	"CREATE TABLE IF NOT EXISTS attendees (sha256 TEXT, idx INTEGER, name TEXT, role TEXT," \
	" organisation TEXT, status TEXT, PRIMARY KEY (sha256, idx));" \
	"CREATE TABLE IF NOT EXISTS items (sha256 TEXT, item INTEGER, number TEXT, title TEXT, text TEXT," \
	" noted INTEGER, PRIMARY KEY (sha256, item));" \
	"CREATE TABLE IF NOT EXISTS decisions (sha256 TEXT, item INTEGER, idx INTEGER, kind TEXT, text TEXT," \
	" PRIMARY KEY (sha256, item, idx));" \
	"CREATE TABLE IF NOT EXISTS surveys (sha256 TEXT PRIMARY KEY, population DOUBLE PRECISION," \
	" responses DOUBLE PRECISION, response_rate DOUBLE PRECISION, text TEXT);" \
	"CREATE TABLE IF NOT EXISTS survey_answers (sha256 TEXT, figure INTEGER, idx INTEGER, label TEXT," \
	" question TEXT, answer TEXT, percent DOUBLE PRECISION, PRIMARY KEY (sha256, figure, idx));" \
	"CREATE TABLE IF NOT EXISTS survey_means (sha256 TEXT, idx INTEGER, k INTEGER, question TEXT, col TEXT," \
	" value DOUBLE PRECISION, PRIMARY KEY (sha256, idx, k));" \
	"CREATE TABLE IF NOT EXISTS notices (sha256 TEXT PRIMARY KEY, date TEXT, time TEXT, place TEXT," \
	" postal_vote INTEGER);" \
	"CREATE TABLE IF NOT EXISTS notice_agenda (sha256 TEXT, idx INTEGER, number TEXT, title TEXT," \
	" PRIMARY KEY (sha256, idx));" \
	"CREATE TABLE IF NOT EXISTS warnings (sha256 TEXT, idx INTEGER, code TEXT, message TEXT, page INTEGER," \
	" PRIMARY KEY (sha256, idx));"

/* For analysts: each value with its document, a path it was seen at,
 * its period, and money in kronor. */
#define DB_VIEW_BODY \
	" v_values AS SELECT v.sha256, (SELECT min(p.path) FROM paths p WHERE" \
	" p.sha256 = v.sha256) AS path, d.title, d.organisation, d.year, v.label, v.grp, v.section," \
	" v.period_label, v.period_start, v.period_end, v.measure, v.value, v.unit," \
	" CASE WHEN v.unit IN ('SEK', 'TSEK', 'MSEK', 'GSEK') THEN v.value * v.scale END AS value_sek," \
	" v.page FROM \"values\" v JOIN documents d ON d.sha256 = v.sha256;"

static const char schema_sql[] =
	"PRAGMA journal_mode = WAL;" DB_TABLES
	/* unicode61 folds case but, told so, not diacritics: å, ä, ö stay letters of their own. */
	"CREATE VIRTUAL TABLE IF NOT EXISTS blocks_fts USING fts5(text, sha256 UNINDEXED, page UNINDEXED,"
	" block UNINDEXED, tokenize = 'unicode61 remove_diacritics 0');"
	"CREATE VIEW IF NOT EXISTS" DB_VIEW_BODY;

static const char pg_schema_sql[] =
	"SET client_min_messages = warning;" DB_TABLES
	"CREATE TABLE IF NOT EXISTS blocks_fts (text TEXT, sha256 TEXT, page INTEGER, block INTEGER,"
	" tsv tsvector GENERATED ALWAYS AS (to_tsvector('swedish', coalesce(text, ''))) STORED);"
	"CREATE INDEX IF NOT EXISTS blocks_fts_tsv ON blocks_fts USING gin (tsv);"
	"CREATE INDEX IF NOT EXISTS blocks_fts_sha256 ON blocks_fts (sha256);"
	"CREATE OR REPLACE VIEW" DB_VIEW_BODY;

struct out_db {
	sqlite3 *db;         /* SQLite, or */
	PGconn *pg;          /* PostgreSQL */
	GHashTable *stmts;   /* SQLite: SQL text (static) -> prepared statement */
	char why[256];
};

/* The last error, one line. */
static void failed(struct out_db *db, const char *msg)
{
	char *nl;

	snprintf(db->why, sizeof(db->why), "%s", msg ? msg : "error");
	if ((nl = strchr(db->why, '\n')))
		*nl = '\0';
}

enum { V_NULL, V_TEXT, V_INT, V_REAL };

struct v {
	int t;
	const char *s;
	long long i;
	double d;
};

static struct v txt(const char *s)
{
	return (struct v){ .t = s ? V_TEXT : V_NULL, .s = s };
}

static struct v num_i(long long i)
{
	return (struct v){ .t = V_INT, .i = i };
}

static struct v num_d(double d)
{
	return (struct v){ .t = V_REAL, .d = d };
}

static struct v num_or_null(double d)   /* < 0: not printed */
{
	return d < 0 ? (struct v){ .t = V_NULL } : num_d(d);
}

static void finalize(gpointer p)
{
	sqlite3_finalize(p);
}

/* PostgreSQL: sql with n values as text; the result (PQclear it), or NULL. */
static PGresult *pg_run(struct out_db *db, const char *sql, int n, const struct v *v)
{
	char buf[32][32];
	const char *vals[32];
	PGresult *r;
	ExecStatusType st;

	for (int i = 0; i < n && i < 32; i++) {
		vals[i] = v[i].t == V_TEXT ? v[i].s : NULL;
		if (v[i].t == V_INT)
			snprintf(buf[i], sizeof(buf[i]), "%lld", v[i].i), vals[i] = buf[i];
		else if (v[i].t == V_REAL)
			snprintf(buf[i], sizeof(buf[i]), "%.17g", v[i].d), vals[i] = buf[i];
	}
	r = pq.PQexecParams(db->pg, sql, n, NULL, vals, NULL, NULL, 0);
	st = r ? pq.PQresultStatus(r) : PGRES_FATAL_ERROR;
	if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK)
		return r;
	failed(db, r ? pq.PQresultErrorMessage(r) : pq.PQerrorMessage(db->pg));
	pq.PQclear(r);
	return NULL;
}

/* Runs sql (a static string: statements are prepared once) with n values. */
static int row(struct out_db *db, const char *sql, int n, const struct v *v)
{
	sqlite3_stmt *st;
	int rc;

	if (db->pg) {
		PGresult *r = pg_run(db, sql, n, v);

		pq.PQclear(r);
		return r ? 0 : -1;
	}
	st = g_hash_table_lookup(db->stmts, sql);
	if (!st) {
		if (sqlite3_prepare_v2(db->db, sql, -1, &st, NULL) != SQLITE_OK)
			goto bad;
		g_hash_table_insert(db->stmts, (gpointer)sql, st);
	}
	sqlite3_reset(st);
	for (int i = 0; i < n; i++) {
		switch (v[i].t) {
		case V_TEXT: sqlite3_bind_text(st, i + 1, v[i].s, -1, SQLITE_STATIC); break;
		case V_INT: sqlite3_bind_int64(st, i + 1, v[i].i); break;
		case V_REAL: sqlite3_bind_double(st, i + 1, v[i].d); break;
		default: sqlite3_bind_null(st, i + 1); break;
		}
	}
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc == SQLITE_DONE || rc == SQLITE_ROW)
		return 0;
bad:
	failed(db, sqlite3_errmsg(db->db));
	return -1;
}

/* The first column of sql's first row as an integer; 0 when none. */
static int query_int(struct out_db *db, const char *sql, int n, const struct v *v)
{
	sqlite3_stmt *st = NULL;
	int x = 0;

	if (db->pg) {
		PGresult *r = pg_run(db, sql, n, v);

		if (r && pq.PQntuples(r) > 0 && !pq.PQgetisnull(r, 0, 0))
			x = atoi(pq.PQgetvalue(r, 0, 0));
		pq.PQclear(r);
		return x;
	}
	if (sqlite3_prepare_v2(db->db, sql, -1, &st, NULL) != SQLITE_OK)
		return 0;
	for (int i = 0; i < n; i++)
		sqlite3_bind_text(st, i + 1, v[i].s, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		x = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return x;
}

#define QUERY_INT(db, sql, ...) query_int((db), (sql), (int)(sizeof((struct v[]){ __VA_ARGS__ }) / sizeof(struct v)), \
					  (struct v[]){ __VA_ARGS__ })

#define ROW(db, sql, ...) row((db), (sql), (int)(sizeof((struct v[]){ __VA_ARGS__ }) / sizeof(struct v)), \
			      (struct v[]){ __VA_ARGS__ })

static int is_pg(const char *path)
{
	return !strncmp(path, "postgresql://", 13) || !strncmp(path, "postgres://", 11);
}

static void quiet(void *arg, const char *msg)
{
	(void)arg;
	(void)msg;   /* NOTICEs ("relation exists, skipping") are no news */
}

/* Columns added since a database was first made: an archive made by an
 * earlier version gets them (empty for what it stored then). */
static const char *const added_columns[][3] = {
	{ "meetings", "opened", "TEXT" },  { "meetings", "closed", "TEXT" },	       { "documents", "json", "TEXT" },
	{ "meetings", "excerpt", "INTEGER" }, { "meetings", "certified_by", "TEXT" },
};

/* Whether added column i is there. */
static int has_column(struct out_db *db, size_t i)
{
	return QUERY_INT(db, db->pg ? "SELECT count(*) FROM information_schema.columns WHERE table_name = $1"
				      " AND column_name = $2 AND table_schema = current_schema()"
				    : "SELECT count(*) FROM pragma_table_info(?1) WHERE name = ?2",
			 txt(added_columns[i][0]), txt(added_columns[i][1]));
}

/* Whether every added column is there. */
static int columns_current(struct out_db *db)
{
	for (size_t i = 0; i < sizeof(added_columns) / sizeof(added_columns[0]); i++)
		if (!has_column(db, i))
			return 0;
	return 1;
}

/* The added columns that are missing, added; -1 with db->why set. */
static int add_columns(struct out_db *db)
{
	for (size_t i = 0; i < sizeof(added_columns) / sizeof(added_columns[0]); i++) {
		char sql[160];

		if (has_column(db, i))
			continue;
		snprintf(sql, sizeof(sql), "ALTER TABLE %s ADD COLUMN %s%s %s", added_columns[i][0],
			 db->pg ? "IF NOT EXISTS " : "", added_columns[i][1], added_columns[i][2]);
		if (db->pg) {
			PGresult *r = pq.PQexec(db->pg, sql);
			int ok = r && pq.PQresultStatus(r) == PGRES_COMMAND_OK;

			if (!ok)
				failed(db, r ? pq.PQresultErrorMessage(r) : pq.PQerrorMessage(db->pg));
			pq.PQclear(r);
			if (!ok)
				return -1;
		} else if (sqlite3_exec(db->db, sql, NULL, NULL, NULL) != SQLITE_OK) {
			failed(db, sqlite3_errmsg(db->db));
			return -1;
		}
	}
	return 0;
}

static int pg_open(struct out_db *db, const char *uri, char *why, size_t whyn)
{
	PGresult *r;

	pthread_once(&pq_once, pq_load);
	if (!pq.handle) {
		snprintf(why, whyn, "%s: PostgreSQL's client library %s cannot be loaded (install libpq5)", uri, PQ_SONAME);
		return -1;
	}
	db->pg = pq.PQconnectdb(uri);
	if (!db->pg || pq.PQstatus(db->pg) != CONNECTION_OK) {
		failed(db, db->pg ? pq.PQerrorMessage(db->pg) : "cannot connect");
		snprintf(why, whyn, "%s: %s", uri, db->why);
		return -1;
	}
	pq.PQsetNoticeProcessor(db->pg, quiet, NULL);
	/* Made once: a schema in place is not touched again (its locks would
	 * wait on, and deadlock with, other runs' writes). */
	if (query_int(db, "SELECT CASE WHEN to_regclass('v_values') IS NULL THEN 0 ELSE 1 END", 0, NULL) &&
	    columns_current(db))
		return 0;
	/* Two runs making the schema at once: one at a time, under a lock
	 * held by the session, the check made again once it is held, each
	 * statement its own transaction. (Under a transaction's lock the
	 * check read the catalogue as it was when the wait began: the
	 * schema another run had just made looked missing, and its DDL
	 * then deadlocked with that run's writes.) */
	pq.PQclear(pq.PQexec(db->pg, "SELECT pg_advisory_lock(7305733)"));
	int rc = 0;

	if (!query_int(db, "SELECT CASE WHEN to_regclass('v_values') IS NULL THEN 0 ELSE 1 END", 0, NULL)) {
		pq.PQclear(pq.PQexec(db->pg, "BEGIN"));
		r = pq.PQexec(db->pg, pg_schema_sql);
		if (!r || pq.PQresultStatus(r) != PGRES_COMMAND_OK) {
			failed(db, r ? pq.PQresultErrorMessage(r) : pq.PQerrorMessage(db->pg));
			snprintf(why, whyn, "%s: %s", uri, db->why);
			rc = -1;
		}
		pq.PQclear(r);
		pq.PQclear(pq.PQexec(db->pg, rc ? "ROLLBACK" : "COMMIT"));
	}
	if (rc == 0 && add_columns(db) < 0) {
		snprintf(why, whyn, "%s: %s", uri, db->why);
		rc = -1;
	}
	pq.PQclear(pq.PQexec(db->pg, "SELECT pg_advisory_unlock(7305733)"));
	return rc;
}

/* SQLite's lower() folds ASCII only: "BRF MÅSEN 12" would not meet "Brf
 * Måsen 12". This one folds every letter, as PostgreSQL's does. */
static void utf8_lower(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const unsigned char *s = sqlite3_value_text(argv[0]);
	gchar *low;

	(void)argc;
	if (!s) {
		sqlite3_result_null(ctx);
		return;
	}
	if (!g_utf8_validate((const char *)s, -1, NULL) || !(low = g_utf8_strdown((const char *)s, -1))) {
		sqlite3_result_value(ctx, argv[0]);
		return;
	}
	sqlite3_result_text(ctx, low, -1, g_free);
}

static int sqlite_open(struct out_db *db, const char *path, char *why, size_t whyn)
{
	char *err = NULL;

	if (sqlite3_open_v2(path, &db->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL) !=
	    SQLITE_OK) {
		snprintf(why, whyn, "%s: %s", path, db->db ? sqlite3_errmsg(db->db) : "cannot open");
		return -1;
	}
	sqlite3_busy_timeout(db->db, DB_BUSY_MS);
	if (sqlite3_create_function_v2(db->db, "lower", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, utf8_lower, NULL,
				       NULL, NULL) != SQLITE_OK) {
		snprintf(why, whyn, "%s: %s", path, sqlite3_errmsg(db->db));
		return -1;
	}
	if (sqlite3_exec(db->db, schema_sql, NULL, NULL, &err) != SQLITE_OK) {
		snprintf(why, whyn, "%s: %s", path, err ? err : sqlite3_errmsg(db->db));
		sqlite3_free(err);
		return -1;
	}
	if (add_columns(db) < 0) {
		snprintf(why, whyn, "%s: %s", path, db->why);
		return -1;
	}
	return 0;
}

struct out_db *out_db_open(const char *path, char *why, size_t whyn)
{
	struct out_db *db = calloc(1, sizeof(*db));

	if (!db) {
		snprintf(why, whyn, "out of memory");
		return NULL;
	}
	db->stmts = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, finalize);
	if ((is_pg(path) ? pg_open(db, path, why, whyn) : sqlite_open(db, path, why, whyn)) < 0) {
		out_db_close(db);
		return NULL;
	}
	return db;
}

int out_db_is_shared(const char *path)
{
	return is_pg(path);
}

void out_db_close(struct out_db *db)
{
	if (!db)
		return;
	g_hash_table_destroy(db->stmts);
	if (db->pg)
		pq.PQfinish(db->pg);
	sqlite3_close(db->db);
	free(db);
}

/* The document's row, with its extract/1 JSON (compact): what extract
 * diff and series read back from the archive. */
static int store_document(struct out_db *db, const struct doc *d, const struct out_db_path *p)
{
	struct out_opts o = { .compact = 1 };
	char *json = out_json(d, &o);
	int rc;

	if (!json) {
		failed(db, "out of memory");
		return -1;
	}
	rc = ROW(db,
		 "INSERT INTO documents (sha256, bytes, format, format_version, pronom, pages, type, title,"
		 " organisation, year, date, period_label, period_start, period_end, producer, creator, created,"
		 " modified, tool_version, options_digest, json) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10,"
		 " $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21)",
		 txt(d->src.sha256), num_i((long long)d->src.bytes), txt(doc_format_name(d->src.format)),
		 txt(d->meta.format_version), txt(doc_pronom(d)), num_i((long long)d->npages), txt(d->type),
		 txt(d->title), txt(d->organisation), d->year ? num_i(d->year) : txt(NULL), txt(d->date),
		 txt(d->period.label), txt(d->period.start), txt(d->period.end), txt(d->meta.producer),
		 txt(d->meta.creator), txt(d->meta.created), txt(d->meta.modified), txt(p->tool_version),
		 txt(p->options_digest), txt(json));
	free(json);
	return rc;
}

static int store_pages(struct out_db *db, const struct doc *d)
{
	for (size_t i = 0; i < d->npages; i++) {
		const struct doc_page *g = &d->pages[i];
		int ocr = g->source == DOC_SRC_OCR;

		if (ROW(db, "INSERT INTO pages VALUES ($1, $2, $3, $4, $5, $6, $7, $8)", txt(d->src.sha256),
			num_i(g->number), g->width > 0 ? num_d(g->width) : txt(NULL),
			g->height > 0 ? num_d(g->height) : txt(NULL), txt(doc_source_name(g->source)),
			num_i(g->rotation), txt(g->ocr_reason), ocr ? num_d(g->ocr_conf) : txt(NULL)) < 0)
			return -1;
	}
	return 0;
}

static int store_blocks(struct out_db *db, const struct doc *d)
{
	for (size_t i = 0; i < d->nblocks; i++) {
		const struct doc_block *b = &d->blocks[i];
		struct v box[4] = { txt(NULL), txt(NULL), txt(NULL), txt(NULL) };

		if (b->has_box) {
			box[0] = num_d(b->box.x0);
			box[1] = num_d(b->box.y0);
			box[2] = num_d(b->box.x1);
			box[3] = num_d(b->box.y1);
		}
		if (ROW(db, "INSERT INTO blocks VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
			txt(d->src.sha256), num_i((long long)i + 1), txt(doc_block_type_name(b->type)),
			num_i(b->level), num_i(b->page), txt(doc_furniture_name(b->furniture)), txt(b->text), box[0],
			box[1], box[2], box[3], txt(b->path)) < 0)
			return -1;
		/* Body text only: running heads and page numbers would match every query. */
		if (b->text && b->furniture == DOC_FURN_NONE && b->type != DOC_BLK_TABLE &&
		    ROW(db, "INSERT INTO blocks_fts (text, sha256, page, block) VALUES ($1, $2, $3, $4)", txt(b->text),
			txt(d->src.sha256), num_i(b->page), num_i((long long)i + 1)) < 0)
			return -1;
	}
	return 0;
}

static int store_tables(struct out_db *db, const struct doc *d)
{
	char bg[8];

	for (size_t i = 0; i < d->ntables; i++) {
		const struct doc_table *t = &d->tables[i];

		if (ROW(db, "INSERT INTO tables VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)", txt(d->src.sha256),
			num_i(t->id), txt(t->method), txt(t->caption), num_i(t->page_first), num_i(t->page_last),
			num_i(t->nrows), num_i(t->ncols), num_i(t->header_rows)) < 0)
			return -1;
		for (size_t k = 0; k < t->ncells; k++) {
			const struct doc_cell *c = &t->cells[k];

			snprintf(bg, sizeof(bg), "#%06x", (unsigned)(c->bg & 0xFFFFFF));
			if (ROW(db, "INSERT INTO cells VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING",
				txt(d->src.sha256), num_i(t->id), num_i(c->row), num_i(c->col), num_i(c->rowspan),
				num_i(c->colspan), txt(c->text), txt(c->has_bg ? bg : NULL)) < 0)
				return -1;
		}
	}
	return 0;
}

static int store_value(struct out_db *db, const struct doc *d, size_t i)
{
	const struct doc_value *v = &d->values[i];
	const struct doc_prov *p = &v->prov;

	return ROW(db,
		   "INSERT INTO \"values\" VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15,"
		   " $16, $17, $18, $19, $20, $21, $22, $23, $24)",
		   txt(d->src.sha256), num_i((long long)i + 1), txt(v->label), txt(v->group), txt(v->section),
		   txt(v->period.label), txt(v->period.start), txt(v->period.end), txt(v->measure),
		   v->missing ? txt(NULL) : num_d(v->value), num_i(v->missing), txt(v->unit),
		   v->unit ? num_d(v->scale) : txt(NULL), v->note ? num_i(v->note) : txt(NULL), txt(v->qualifier),
		   txt(v->text), txt(v->context), txt(v->method), num_i(p->page),
		   p->block >= 0 ? num_i(p->block + 1) : txt(NULL), p->table ? num_i(p->table) : txt(NULL),
		   p->table ? num_i(p->row) : txt(NULL), p->table ? num_i(p->col) : txt(NULL), num_d(v->confidence));
}

static int store_values(struct out_db *db, const struct doc *d)
{
	for (size_t i = 0; i < d->nvalues; i++)
		if (store_value(db, d, i) < 0)
			return -1;
	for (size_t i = 0; i < d->nratings; i++) {
		const struct doc_rating *r = &d->ratings[i];

		if (ROW(db, "INSERT INTO ratings VALUES ($1, $2, $3, $4, $5, $6, $7, $8)", txt(d->src.sha256),
			num_i((long long)i + 1), txt(r->goal), txt(r->title), txt(r->dimension), txt(r->colour),
			txt(r->evidence), num_i(r->prov.page)) < 0)
			return -1;
	}
	return 0;
}

static int store_items(struct out_db *db, const struct doc *d)
{
	const struct doc_protocol *m = &d->protocol;

	for (size_t i = 0; i < m->nitems; i++) {
		const struct doc_agenda_item *it = &m->items[i];

		if (ROW(db, "INSERT INTO items VALUES ($1, $2, $3, $4, $5, $6)", txt(d->src.sha256),
			num_i((long long)i + 1), txt(it->number), txt(it->title), txt(it->text), num_i(it->noted)) < 0)
			return -1;
		for (size_t k = 0; k < it->ndecisions; k++)
			if (ROW(db, "INSERT INTO decisions VALUES ($1, $2, $3, $4, $5)", txt(d->src.sha256),
				num_i((long long)i + 1), num_i((long long)k + 1), txt(it->decisions[k].kind),
				txt(it->decisions[k].text)) < 0)
				return -1;
	}
	return 0;
}

static int store_protocol(struct out_db *db, const struct doc *d)
{
	const struct doc_protocol *m = &d->protocol;
	GString *adj;
	int rc;

	if (!m->present)
		return 0;
	adj = g_string_new(NULL);
	for (size_t i = 0; i < m->nadjusters; i++)
		g_string_append_printf(adj, "%s%s", i ? "; " : "", m->adjusters[i]);
	rc = ROW(db, "INSERT INTO meetings (sha256, date, time, place, chair, secretary, adjusters, next_meeting,"
		 " opened, closed, excerpt, certified_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
		 txt(d->src.sha256), txt(m->date), txt(m->time), txt(m->place), txt(m->chair), txt(m->secretary),
		 txt(adj->len ? adj->str : NULL), txt(m->next_meeting), txt(m->opened), txt(m->closed),
		 num_i(m->excerpt), txt(m->certified_by));
	g_string_free(adj, TRUE);
	for (size_t i = 0; rc == 0 && i < m->npeople; i++) {
		const struct doc_person *a = &m->people[i];

		rc = ROW(db, "INSERT INTO attendees VALUES ($1, $2, $3, $4, $5, $6)", txt(d->src.sha256),
			 num_i((long long)i + 1), txt(a->name), txt(a->role), txt(a->organisation), txt(a->status));
	}
	return rc < 0 ? -1 : store_items(db, d);
}

static int store_survey(struct out_db *db, const struct doc *d)
{
	const struct doc_survey *s = &d->survey;

	if (!s->present)
		return 0;
	if (ROW(db, "INSERT INTO surveys VALUES ($1, $2, $3, $4, $5)", txt(d->src.sha256), num_or_null(s->population),
		num_or_null(s->responses), num_or_null(s->rate), txt(s->text)) < 0)
		return -1;
	for (size_t f = 0; f < s->nfigures; f++)
		for (size_t k = 0; k < s->figures[f].nanswers; k++)
			if (ROW(db, "INSERT INTO survey_answers VALUES ($1, $2, $3, $4, $5, $6, $7)", txt(d->src.sha256),
				num_i((long long)f + 1), num_i((long long)k + 1), txt(s->figures[f].label),
				txt(s->figures[f].question), txt(s->figures[f].answers[k].answer),
				num_d(s->figures[f].answers[k].percent)) < 0)
				return -1;
	/* each question's means: k 0 its own, then those compared beside it */
	for (size_t i = 0; i < s->nmeans; i++) {
		const struct doc_mean *m = &s->means[i];

		for (size_t k = 0; k <= m->ncompare; k++)
			if (ROW(db, "INSERT INTO survey_means VALUES ($1, $2, $3, $4, $5, $6)", txt(d->src.sha256),
				num_i((long long)i + 1), num_i((long long)k), txt(m->question),
				txt(k ? m->compare[k - 1].column : m->column),
				num_d(k ? m->compare[k - 1].value : m->value)) < 0)
				return -1;
	}
	return 0;
}

static int store_notice(struct out_db *db, const struct doc *d)
{
	const struct doc_notice *n = &d->notice;

	if (!n->present)
		return 0;
	if (ROW(db, "INSERT INTO notices VALUES ($1, $2, $3, $4, $5)", txt(d->src.sha256), txt(n->date), txt(n->time),
		txt(n->place), num_i(n->postal_vote)) < 0)
		return -1;
	for (size_t i = 0; i < n->nagenda; i++)
		if (ROW(db, "INSERT INTO notice_agenda VALUES ($1, $2, $3, $4)", txt(d->src.sha256),
			num_i((long long)i + 1), txt(n->agenda[i].number), txt(n->agenda[i].title)) < 0)
			return -1;
	return 0;
}

static int store_warnings(struct out_db *db, const struct doc *d)
{
	for (size_t i = 0; i < d->nwarnings; i++)
		if (ROW(db, "INSERT INTO warnings VALUES ($1, $2, $3, $4, $5)", txt(d->src.sha256),
			num_i((long long)i + 1), txt(d->warnings[i].code), txt(d->warnings[i].msg),
			d->warnings[i].page > 0 ? num_i(d->warnings[i].page) : txt(NULL)) < 0)
			return -1;
	return 0;
}

static int put_path(struct out_db *db, const struct out_db_path *p)
{
	return ROW(db, "INSERT INTO paths VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (path) DO UPDATE"
		   " SET sha256 = excluded.sha256, output = excluded.output, status = excluded.status,"
		   " error_code = excluded.error_code, error_message = excluded.error_message, seconds = excluded.seconds,"
		   " started = excluded.started, tool_version = excluded.tool_version,"
		   " options_digest = excluded.options_digest", txt(p->path),
		   txt(p->sha256), txt(p->output), txt(p->error_code ? "failed" : "done"), txt(p->error_code),
		   txt(p->error_msg), num_d(p->seconds), txt(p->started), txt(p->tool_version),
		   txt(p->options_digest));
}

/* Whether the same bytes are stored by this tool version and options. */
static int stored(struct out_db *db, const struct doc *d, const struct out_db_path *p)
{
	return QUERY_INT(db, "SELECT 1 FROM documents WHERE sha256 = $1 AND tool_version = $2 AND options_digest = $3",
			 txt(d->src.sha256), txt(p->tool_version), txt(p->options_digest));
}

static int forget(struct out_db *db, const char *sha256)
{
	static const char *const sql[] = {
		"DELETE FROM documents WHERE sha256 = $1", "DELETE FROM pages WHERE sha256 = $1",
		"DELETE FROM blocks WHERE sha256 = $1", "DELETE FROM blocks_fts WHERE sha256 = $1",
		"DELETE FROM tables WHERE sha256 = $1", "DELETE FROM cells WHERE sha256 = $1",
		"DELETE FROM \"values\" WHERE sha256 = $1", "DELETE FROM ratings WHERE sha256 = $1",
		"DELETE FROM meetings WHERE sha256 = $1", "DELETE FROM attendees WHERE sha256 = $1",
		"DELETE FROM items WHERE sha256 = $1", "DELETE FROM decisions WHERE sha256 = $1",
		"DELETE FROM surveys WHERE sha256 = $1", "DELETE FROM survey_answers WHERE sha256 = $1",
		"DELETE FROM survey_means WHERE sha256 = $1", "DELETE FROM notices WHERE sha256 = $1",
		"DELETE FROM notice_agenda WHERE sha256 = $1", "DELETE FROM warnings WHERE sha256 = $1",
	};

	for (size_t i = 0; i < sizeof(sql) / sizeof(sql[0]); i++)
		if (ROW(db, sql[i], txt(sha256)) < 0)
			return -1;
	return 0;
}

/* A transaction. SQLite: BEGIN IMMEDIATE, the write lock now (waiting
 * for another writer). PostgreSQL: runs write at once, so a document's
 * bytes are locked by their digest (key): two shards storing one
 * document take turns. */
static int begin(struct out_db *db, const char *key)
{
	if (db->pg) {
		if (ROW(db, "BEGIN") < 0)
			return -1;
		return key ? ROW(db, "SELECT pg_advisory_xact_lock(hashtext($1))", txt(key)) : 0;
	}
	if (sqlite3_exec(db->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) == SQLITE_OK)
		return 0;
	failed(db, sqlite3_errmsg(db->db));
	return -1;
}

static int end(struct out_db *db, int rc, char *why, size_t whyn)
{
	if (rc == 0 && db->pg && ROW(db, "COMMIT") == 0)
		return 0;
	if (rc == 0 && !db->pg && sqlite3_exec(db->db, "COMMIT", NULL, NULL, NULL) == SQLITE_OK)
		return 0;
	if (rc == 0 && !db->pg)
		failed(db, sqlite3_errmsg(db->db));
	if (db->pg)
		pq.PQclear(pq.PQexec(db->pg, "ROLLBACK"));
	else
		sqlite3_exec(db->db, "ROLLBACK", NULL, NULL, NULL);
	snprintf(why, whyn, "database: %s", db->why);
	return -1;
}

static int store_once(struct out_db *db, const struct doc *d, const struct out_db_path *p, char *why, size_t whyn)
{
	int rc = begin(db, d->src.sha256);

	static int (*const parts[])(struct out_db *, const struct doc *) = {
		store_pages, store_blocks, store_tables, store_values, store_protocol, store_survey, store_notice,
		store_warnings,
	};

	if (rc == 0 && !stored(db, d, p)) {
		rc = forget(db, d->src.sha256);
		if (rc == 0)
			rc = store_document(db, d, p);
		for (size_t i = 0; rc == 0 && i < sizeof(parts) / sizeof(parts[0]); i++)
			rc = parts[i](db, d);
	}
	if (rc == 0)
		rc = put_path(db, p);
	return end(db, rc, why, whyn);
}

/* PostgreSQL may end one of two transactions that wait on each other
 * (deadlock detected): that one is run again. */
int out_db_store(struct out_db *db, const struct doc *d, const struct out_db_path *p, char *why, size_t whyn)
{
	int rc = store_once(db, d, p, why, whyn);

	for (int tries = 1; rc < 0 && db->pg && strstr(db->why, "deadlock") && tries < 5; tries++)
		rc = store_once(db, d, p, why, whyn);
	return rc;
}

int out_db_store_path(struct out_db *db, const struct out_db_path *p, char *why, size_t whyn)
{
	int rc = begin(db, NULL);

	if (rc == 0)
		rc = put_path(db, p);
	return end(db, rc, why, whyn);
}

int out_db_seen(struct out_db *db, const char *path, const char *sha256, const char *version, const char *digest)
{
	return QUERY_INT(db, "SELECT CASE status WHEN 'done' THEN 1 ELSE 2 END FROM paths WHERE path = $1 AND sha256 = $2"
			 " AND tool_version = $3 AND options_digest = $4", txt(path), txt(sha256), txt(version), txt(digest));
}

/* Each row's first column of sql (text values v) to fn, NULL where it is
 * null; fn returns nonzero to stop. The rows given, or -1 with db->why. */
static int query_texts(struct out_db *db, const char *sql, int n, const struct v *v,
		       int (*fn)(void *, const char *), void *arg)
{
	sqlite3_stmt *st = NULL;
	int rows = 0, rc;

	if (db->pg) {
		PGresult *r = pg_run(db, sql, n, v);

		if (!r)
			return -1;
		for (int i = 0; i < pq.PQntuples(r) && !fn(arg, pq.PQgetisnull(r, i, 0) ? NULL : pq.PQgetvalue(r, i, 0));
		     i++)
			rows++;
		pq.PQclear(r);
		return rows;
	}
	if (sqlite3_prepare_v2(db->db, sql, -1, &st, NULL) != SQLITE_OK) {
		failed(db, sqlite3_errmsg(db->db));
		return -1;
	}
	for (int i = 0; i < n; i++)
		if (v[i].t == V_TEXT)
			sqlite3_bind_text(st, i + 1, v[i].s, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && !fn(arg, (const char *)sqlite3_column_text(st, 0)))
		rows++;
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		failed(db, sqlite3_errmsg(db->db));
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? rows : -1;
}

struct texts {
	char **v;
	size_t n, cap;
	int nulls;   /* rows stored without their JSON */
};

static int keep_text(void *arg, const char *s)
{
	struct texts *t = arg;

	if (!s) {
		t->nulls++;
		return 0;
	}
	if (t->n == t->cap) {
		size_t cap = t->cap ? 2 * t->cap : 8;
		char **v = realloc(t->v, sizeof(*v) * cap);

		if (!v)
			return 1;
		t->v = v;
		t->cap = cap;
	}
	return !(t->v[t->n++] = strdup(s));
}

static void texts_free(struct texts *t)
{
	for (size_t i = 0; i < t->n; i++)
		free(t->v[i]);
	free(t->v);
}

char *out_db_json(struct out_db *db, const char *key, char *why, size_t whyn)
{
	struct texts t = { 0 };
	char *json = NULL;
	int rows = query_texts(db, "SELECT json FROM documents WHERE sha256 = $1 OR sha256 ="
				   " (SELECT sha256 FROM paths WHERE path = $1 AND status = 'done')",
			       1, (struct v[]){ txt(key) }, keep_text, &t);

	if (rows < 0)
		snprintf(why, whyn, "%s", db->why);
	else if (t.n == 1)
		json = t.v[0], t.n = 0;
	else if (t.nulls)
		snprintf(why, whyn, "%s: stored without its JSON, by an earlier version (import it again)", key);
	else
		snprintf(why, whyn, "%s: not in the archive (a path as imported, or a sha256)", key);
	texts_free(&t);
	return json;
}

char **out_db_jsons(struct out_db *db, const char *organisation, size_t *n, char *why, size_t whyn)
{
	struct texts t = { 0 };
	int rows = query_texts(db, "SELECT json FROM documents WHERE CAST($1 AS TEXT) IS NULL"
				   " OR lower(organisation) = lower(CAST($1 AS TEXT))"
				   " ORDER BY year IS NULL, year, date IS NULL, date, sha256",
			       1, (struct v[]){ txt(organisation) }, keep_text, &t);

	*n = 0;
	if (rows < 0 || (size_t)rows != t.n + (size_t)t.nulls) {
		snprintf(why, whyn, "%s", rows < 0 ? db->why : "out of memory");
		texts_free(&t);
		return NULL;
	}
	if (!t.n) {
		snprintf(why, whyn, t.nulls ? "the documents were stored without their JSON, by an earlier version"
					      " (import them again)" : "no document in the archive%s%s",
			 organisation && !t.nulls ? " of " : "", organisation && !t.nulls ? organisation : "");
		texts_free(&t);
		return NULL;
	}
	*n = t.n;
	return t.v;
}

static int search_once(struct out_db *db, const char *query, int limit,
		       void (*fn)(void *, const char *, const char *, int, int, const char *), void *arg)
{
	sqlite3_stmt *st = NULL;
	int n = 0, rc;

	rc = sqlite3_prepare_v2(db->db,
				"SELECT (SELECT min(p.path) FROM paths p WHERE p.sha256 = f.sha256), f.sha256, f.page,"
				" f.block, snippet(blocks_fts, 0, '[', ']', '…', 16) FROM blocks_fts f"
				" WHERE blocks_fts MATCH ?1 ORDER BY rank, f.sha256, f.block LIMIT ?2",
				-1, &st, NULL);
	if (rc != SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, query, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, limit);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		fn(arg, (const char *)sqlite3_column_text(st, 0), (const char *)sqlite3_column_text(st, 1),
		   sqlite3_column_int(st, 2), sqlite3_column_int(st, 3), (const char *)sqlite3_column_text(st, 4));
		n++;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? n : -1;
}

/* PostgreSQL: the swedish configuration's words (stemmed: "beslutade"
 * finds "besluta"), a web-search query (quotes, or, -). */
static int pg_search(struct out_db *db, const char *query, int limit,
		     void (*fn)(void *, const char *, const char *, int, int, const char *), void *arg)
{
	PGresult *r = pg_run(db,
			     "SELECT (SELECT min(p.path) FROM paths p WHERE p.sha256 = f.sha256), f.sha256, f.page, f.block,"
			     " ts_headline('swedish', f.text, q, 'StartSel=[, StopSel=], MaxWords=16, MinWords=6')"
			     " FROM blocks_fts f, websearch_to_tsquery('swedish', $1) q WHERE f.tsv @@ q"
			     " ORDER BY ts_rank(f.tsv, q) DESC, f.sha256, f.block LIMIT $2",
			     2, (struct v[]){ txt(query), num_i(limit) });
	int n;

	if (!r)
		return -1;
	n = pq.PQntuples(r);
	for (int i = 0; i < n; i++)
		fn(arg, pq.PQgetisnull(r, i, 0) ? NULL : pq.PQgetvalue(r, i, 0), pq.PQgetvalue(r, i, 1),
		   atoi(pq.PQgetvalue(r, i, 2)), atoi(pq.PQgetvalue(r, i, 3)), pq.PQgetvalue(r, i, 4));
	pq.PQclear(r);
	return n;
}

int out_db_search(struct out_db *db, const char *query, int limit,
		  void (*fn)(void *, const char *, const char *, int, int, const char *), void *arg, char *why,
		  size_t whyn)
{
	int n;

	if (db->pg) {
		if ((n = pg_search(db, query, limit, fn, arg)) < 0)
			snprintf(why, whyn, "search: %s", db->why);
		return n;
	}
	n = search_once(db, query, limit, fn, arg);

	if (n < 0) {   /* not FTS5's syntax: the words as one phrase */
		GString *q = g_string_new("\"");

		for (const char *c = query; *c; c++) {
			if (*c == '"')
				g_string_append_c(q, '"');
			g_string_append_c(q, *c);
		}
		g_string_append_c(q, '"');
		n = search_once(db, q->str, limit, fn, arg);
		g_string_free(q, TRUE);
	}
	if (n < 0)
		snprintf(why, whyn, "search: %s", sqlite3_errmsg(db->db));
	return n;
}
