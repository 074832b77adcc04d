/* pdf.h: PDF reader through poppler-glib, the only file that includes
 * poppler. Words with boxes and font attributes come from the text
 * layer; layout.c groups them. Owns nothing after return. */
#ifndef EX_PDF_H
#define EX_PDF_H

#include <stddef.h>

#include "../model/doc.h"

int pdf_read(struct doc *doc, const void *buf, size_t n,
	     const struct doc_read_opts *opts, struct ex_error *err);

#endif
