/* image.h: image files (PNG, JPEG, TIFF of any number of pages), read
 * by OCR a page at a time. */
#ifndef EX_IMAGE_H
#define EX_IMAGE_H

#include <stddef.h>

#include "../model/doc.h"

int image_read(struct doc *doc, const void *buf, size_t n,
	       const struct doc_read_opts *opts, struct ex_error *err);

#endif
