/* testutil.h: shared by the cmocka unit tests. */
#ifndef EX_TESTUTIL_H
#define EX_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../model/doc.h"
#include "../extract/pipeline.h"

#define N_ELEMS(a) (sizeof(a) / sizeof((a)[0]))

/* Reads a whole file (tests run from the repository root). */
static inline char *tu_slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long len;

	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	len = ftell(f);
	rewind(f);
	buf = malloc((size_t)len + 1);
	if (buf && fread(buf, 1, (size_t)len, f) != (size_t)len) {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	if (buf) {
		buf[len] = '\0';
		*n = (size_t)len;
	}
	return buf;
}

/* The first block of the given type whose text contains s, or NULL. */
static inline const struct doc_block *tu_find(const struct doc *d, enum doc_block_type t,
					      const char *s)
{
	for (size_t i = 0; i < d->nblocks; i++)
		if (d->blocks[i].type == t && strstr(d->blocks[i].text, s))
			return &d->blocks[i];
	return NULL;
}

/* Reads a file through the whole pipeline; fails the test on error. */
static inline struct doc *tu_read(const char *path)
{
	struct ex_error e = { 0 };
	struct doc *d = doc_new();

	assert_non_null(d);
	if (ex_process_file(d, path, NULL, &e) < 0)
		fail_msg("%s: %s", path, e.msg);
	return d;
}

/* The namespaces of a flat ODT written in a test. */
#define TU_ODF_NS "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" " \
	"xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" " \
	"xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" " \
	"xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" " \
	"xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\" " \
	"xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\" " \
	"xmlns:dc=\"http://purl.org/dc/elements/1.1/\" " \
	"xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\""

/* Reads an in-memory buffer through the pipeline. */
static inline struct doc *tu_read_buf(const char *buf, size_t n, struct ex_error *e)
{
	struct doc *d = doc_new();

	assert_non_null(d);
	if (ex_process_buffer(d, buf, n, NULL, e) < 0) {
		doc_free(d);
		return NULL;
	}
	return d;
}

#endif
