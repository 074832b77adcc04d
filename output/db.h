/* db.h: the archive database (--db FILE: SQLite, embedded, no server;
 * --db postgresql://...: a shared PostgreSQL, through libpq).
 * Documents are stored once by sha256 with everything the model holds
 * (pages, blocks, tables and cells, values, ratings, meetings, items,
 * decisions, attendees, surveys, warnings); every path a document was
 * seen at is a row of `paths` with its manifest fields. Block text has a
 * full-text index (FTS5) in which å, ä and ö are letters of their own.
 * sqlite3.h lives only in db.c. */
#ifndef EX_DB_H
#define EX_DB_H

#include "../model/doc.h"

struct out_db;

/* The record of one input: what a manifest line holds. */
struct out_db_path {
	const char *path, *output;
	const char *sha256;         /* NULL when the input could not be read */
	const char *error_code, *error_msg;   /* NULL: done */
	double seconds;
	const char *started;        /* ISO 8601, UTC */
	const char *tool_version, *options_digest;
};

/* Opens (creating the schema where it is missing) the database at path;
 * NULL with why set. Waits up to ten minutes for a writer in another
 * process. */
struct out_db *out_db_open(const char *path, char *why, size_t whyn);
/* Whether path names a server (postgresql://...), which several runs
 * write at once, rather than a file one run writes at a time. */
int out_db_is_shared(const char *path);
void out_db_close(struct out_db *db);

/* Stores d (unless the same bytes are stored by the same tool version
 * and options) and its path, in one transaction. 0, or -1 with why. */
int out_db_store(struct out_db *db, const struct doc *d, const struct out_db_path *p, char *why, size_t whyn);

/* The path of an input that was not read (or failed), in one transaction. */
int out_db_store_path(struct out_db *db, const struct out_db_path *p, char *why, size_t whyn);

/* How path is stored with this sha256, tool version and options digest
 * (--resume from the database): 1 done, 2 failed, 0 not. */
int out_db_seen(struct out_db *db, const char *path, const char *sha256, const char *version, const char *digest);

/* Full-text search: each hit to fn (path, sha256, page, block, snippet
 * with the matched words in [ ]), best first. The query is FTS5's
 * syntax; one it cannot parse is searched as a phrase. Hits, or -1. */
int out_db_search(struct out_db *db, const char *query, int limit,
		  void (*fn)(void *arg, const char *path, const char *sha256, int page, int block, const char *snippet),
		  void *arg, char *why, size_t whyn);

/* The extract/1 JSON (compact, malloc'd) of the document stored at key:
 * a path as it was imported, or a sha256; NULL with why when it is not
 * there or was stored by a version that kept no JSON. */
char *out_db_json(struct out_db *db, const char *key, char *why, size_t whyn);

/* The JSON of every stored document, or of those whose organisation is
 * organisation (letters' case aside) when it is not NULL, oldest year
 * first: a malloc'd array of *n malloc'd strings; NULL with why when
 * there are none. */
char **out_db_jsons(struct out_db *db, const char *organisation, size_t *n, char *why, size_t whyn);

#endif
