/* extract.h: the extract library. Reads documents of Swedish
 * organisations (PDF, ODT, flat ODT, plain text, scans) and gives the
 * same JSON as the extract command line (schema "extract/1",
 * share/extract/schema.json).
 *
 *   extract_ctx *ctx = extract_ctx_new(NULL, &err);
 *   char *json = extract_file_json(ctx, "rapport.pdf", &err);
 *
 * A context holds what is made once: the compiled patterns and pattern
 * packs, and the OCR engines and word list once a page needs them. It
 * may be used from several threads at once, and contexts are
 * independent of each other.
 *
 * On failure a function returns NULL and sets *err (when err is not
 * NULL) to a one-line message, which the caller frees with
 * extract_free. */
#ifndef EXTRACT_H
#define EXTRACT_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct extract_ctx extract_ctx;

/* A context for options given as the command line's words, ending with
 * NULL: e.g. {"--ocr", "never", NULL}; NULL for the defaults. Those that
 * shape the JSON are taken (--compact, --pages, --password, --no-tables,
 * --ocr, --lang, --dpi, --no-correct, -j for the pages of one document
 * OCR reads at a time, --patterns, --no-default-patterns, --debug);
 * output formats, -o and file names are refused. */
extract_ctx *extract_ctx_new(const char *const *options, char **err);

/* The document at path as JSON: the same bytes as `extract PATH`
 * prints, final newline included. Free with extract_free. */
char *extract_file_json(extract_ctx *ctx, const char *path, char **err);

/* The same for a document in memory (n bytes); name stands for its path
 * in the JSON's source.path and in messages (NULL: "-"). */
char *extract_buffer_json(extract_ctx *ctx, const void *buf, size_t n, const char *name, char **err);

void extract_free(void *p);
void extract_ctx_free(extract_ctx *ctx);

/* The library's version, e.g. "0.1.0". */
const char *extract_version(void);

#ifdef __cplusplus
}
#endif

#endif
