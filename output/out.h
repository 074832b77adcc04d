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

/* Stable name of an error code for JSON: "io", "format", ... */
const char *out_error_code_name(int code);

#endif
