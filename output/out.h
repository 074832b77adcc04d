/* out.h: writers. Each takes a finished document and returns a malloc'd
 * NUL-terminated string (free with free()), or NULL when memory runs
 * out, so a caller never writes half a document. jansson lives only in
 * json.c. */
#ifndef EX_OUT_H
#define EX_OUT_H

#include "../model/doc.h"

#define EX_SCHEMA "extract/1"
#define EX_VERSION "0.1.0"

struct out_opts {
	int compact;      /* one line */
	int furniture;    /* text/markdown: include page furniture */
	int tables_only;  /* text/markdown: only the tables */
};

char *out_json(const struct doc *doc, const struct out_opts *o);
/* {"schema":..., "error": {"path":..., "code":..., "message":...}} */
char *out_json_error(const char *path, const char *code, const char *msg, int compact);
char *out_text(const struct doc *doc, const struct out_opts *o);
char *out_markdown(const struct doc *doc, const struct out_opts *o);
/* Every table of the document as CSV, tables apart by a blank line. */
char *out_csv(const struct doc *doc, const struct out_opts *o);

/* Manifest (-o DIR/manifest.ndjson), a line per input. */
struct out_manifest {
	const char *path, *output;   /* input as given; output relative to the folder, or NULL */
	const char *doc_part;        /* out_manifest_doc's object, or NULL when no document was read */
	const char *sha256;          /* without a document: the input's digest, or NULL */
	long long bytes;             /* ... and size, or -1 */
	const char *lang_data;       /* JSON object: OCR language -> data package version, or NULL */
	const char *error_code, *error_msg;   /* NULL: done */
	double seconds;
	const char *started;         /* ISO 8601, UTC */
	const char *options_digest;
};

/* What a document tells its manifest line (compact JSON object): digest,
 * size, format, PRONOM id, pages and each page's source, the OCR engine
 * (engine, langs: NULL if not known) when a page was OCR'd. */
char *out_manifest_doc(const struct doc *d, const char *engine, const char *langs);
/* One manifest line (compact JSON, no newline). */
char *out_manifest_line(const struct out_manifest *m);

/* What --resume needs of a manifest line. */
struct out_manifest_entry {
	char *path, *sha256, *digest, *version, *output;
	int done;
};
/* 0 and e filled, or -1 for a line that is not a manifest line. */
int out_manifest_read(const char *line, struct out_manifest_entry *e);
void out_manifest_entry_free(struct out_manifest_entry *e);

/* A hit of extract search --json: {path, sha256, page, block, snippet}. */
char *out_search_hit_json(const char *path, const char *sha256, int page, int block, const char *snippet);

/* One CSV field (RFC 4180: quoted when it holds a comma, quote or line
 * break) appended to a GString; NULL is an empty field. */
struct _GString;
void out_csv_field(struct _GString *g, const char *s);

/* Stable name of an error code for JSON: "io", "format", ... */
const char *out_error_code_name(int code);

#endif
