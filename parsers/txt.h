/* txt.h: plain-text reader (UTF-8, or Latin-1 converted; .md as text).
 * Paragraphs from blank lines, headings from numbering, '#' or all-caps
 * lines, list items from bullets and numbers, tab-separated lines as
 * table rows, form feeds as page breaks. Owns nothing after return. */
#ifndef EX_TXT_H
#define EX_TXT_H

#include <stddef.h>

#include "../model/doc.h"

int txt_read(struct doc *doc, const char *buf, size_t n, struct ex_error *err);

#endif
