/* pipeline.h: one input, from bytes to a finished document model.
 * Detects the format from the content (never the file name), calls the
 * reader, then the document-wide passes. */
#ifndef EX_PIPELINE_H
#define EX_PIPELINE_H

#include <stddef.h>

#include "../model/doc.h"

#define EX_MAX_INPUT ((size_t)2 << 30)   /* 2 GiB */

/* The format of buf, from its first bytes. */
enum doc_format ex_sniff(const unsigned char *buf, size_t n);

/* Reads buf (already in memory) into doc. src fields must be set. */
int ex_process_buffer(struct doc *doc, const void *buf, size_t n,
		      const struct doc_read_opts *opts, struct ex_error *err);

/* Reads buf as the input called name (its source path): size, sha256,
 * format, content. */
int ex_process_named(struct doc *doc, const char *name, const void *buf, size_t n,
		     const struct doc_read_opts *opts, struct ex_error *err);

/* Reads the file at path ("-": standard input) into doc: size, sha256,
 * format, content. */
int ex_process_file(struct doc *doc, const char *path,
		    const struct doc_read_opts *opts, struct ex_error *err);

#endif
