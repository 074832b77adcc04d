/* ocr.h: Tesseract through its C API, the only file that includes it.
 * An engine is made once (per document now; per worker thread when
 * pages run in parallel) and reused for every page it recognises; it is
 * single-threaded. Words come back with their boxes in the page's points
 * and their confidence, as lines ready for layout.c. */
#ifndef EX_OCR_H
#define EX_OCR_H

#include <stddef.h>

#include "layout.h"
#include "tables.h"

struct ocr_engine;

/* lang: Tesseract languages, "swe+eng" by default. correct: undo OCR's
 * confusions of Swedish letters with the word list (ocrfix.h) when it is
 * installed. NULL with err set when the language data is missing. */
struct ocr_engine *ocr_new(const char *lang, int correct, struct ex_error *err);
void ocr_free(struct ocr_engine *e);

/* Recognises a rendered page (r->scale pixels per point) into lp->lines,
 * turned upright and level first, and with tables finds its tables on
 * the same image. dp gets the mean word confidence (0..1), and the
 * rotation and skew the scan was turned by. */
int ocr_page(struct ocr_engine *e, struct doc *doc, const struct tbl_raster *r, int tables,
	     struct layout_page *lp, struct doc_page *dp, struct ex_error *err);

/* An image file (PNG, JPEG, TIFF with any number of pages) into doc. */
int ocr_read_image(struct doc *doc, const void *buf, size_t n,
		   const struct doc_read_opts *opts, struct ex_error *err);

#endif
