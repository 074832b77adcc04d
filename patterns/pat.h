/* pat.h: patterns over the document model. PCRE2 lives here only.
 * A pat_set holds the compiled patterns: built once (JIT where the
 * platform has it), then only read, so one set serves any number of
 * documents and threads. */
#ifndef EX_PAT_H
#define EX_PAT_H

#include <stddef.h>

#include "../extract/doc.h"

struct pat_set;

struct pat_set *pat_set_new(struct ex_error *err);
void pat_set_free(struct pat_set *ps);

/* A Swedish date at the start of s: "2021-05-28", "2016–05–25",
 * "17 september 2010", "den 9 december 2020". Writes "YYYY-MM-DD" into
 * iso[11] and returns 1, or returns 0. */
int pat_date(const struct pat_set *ps, const char *s, char iso[11]);

/* Header fields (Till, Från, Datum, Punkt, Ärende, Dnr/Diarienummer,
 * Bilaga) from "Label: value" blocks before the first body text of
 * length, into doc->fields; document title and date from them and the
 * metadata. */
int pat_header(const struct pat_set *ps, struct doc *doc);

#endif
