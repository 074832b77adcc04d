/* odt.h: ODT and flat-ODT (.fodt) reader. The only file that includes
 * libzip and libxml2. meta.xml, styles.xml and content.xml (or the one
 * .fodt document) go through one streaming xmlTextReader walk: headings
 * with outline levels, paragraphs, lists, tables with spans and cell
 * backgrounds resolved through named and automatic styles, footnotes and
 * endnotes, frames and text boxes, soft page breaks. Limits against
 * hostile files: entry sizes, compression ratio, no network, no entity
 * expansion, bounded table repeats. Owns nothing after return. */
#ifndef EX_ODT_H
#define EX_ODT_H

#include <stddef.h>

#include "../model/doc.h"

/* buf is a zip package (ODT). */
int odt_read(struct doc *doc, const void *buf, size_t n, struct ex_error *err);
/* buf is a flat ODT XML document. */
int odt_read_flat(struct doc *doc, const void *buf, size_t n, struct ex_error *err);

#endif
