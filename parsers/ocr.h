/* ocr.h: Tesseract through its C API, the only file that includes it.
 * Words come back with their boxes in the page's points and their
 * confidence, as lines ready for layout.c. */
#ifndef EX_OCR_H
#define EX_OCR_H

#include <stddef.h>

#include "layout.h"
#include "tables.h"

/* Pages are recognised by a pool of workers, each with its own engine
 * (made at its first page, reused for the rest, single-threaded), and
 * taken back in the order the reader wants them, so the output is the
 * same whatever the number of workers. Only ocr_pool_take touches the
 * document. */
struct ocr_pool;

/* opts->ocr_workers workers (1: pages are read in the calling thread, at
 * ocr_pool_take). NULL with err set when the language data is missing. */
struct ocr_pool *ocr_pool_new(const struct doc_read_opts *opts, struct ex_error *err);
void ocr_pool_free(struct ocr_pool *p);
int ocr_pool_workers(const struct ocr_pool *p);

/* Queues a rendered page (r->scale pixels per point; copied, so r may be
 * freed on return) and returns its ticket, or -1 when out of memory. */
int ocr_pool_submit(struct ocr_pool *p, const struct tbl_raster *r);

/* Waits for the ticket's page and puts it into the model: lp->lines
 * (upright and level, corrected), dp's OCR fields (confidence, rotation,
 * deskew), warnings, and with tables its tables found on the same image.
 * With layer (a text layer that looked like garbage), returns 1 and
 * changes nothing when OCR reads the page as the layer does. */
int ocr_pool_take(struct ocr_pool *p, int ticket, struct doc *doc, int tables,
		  const struct layout_page *layer, struct layout_page *lp, struct doc_page *dp,
		  struct ex_error *err);

/* An image file (PNG, JPEG, TIFF with any number of pages) into doc. */
int ocr_read_image(struct doc *doc, const void *buf, size_t n,
		   const struct doc_read_opts *opts, struct ex_error *err);

#endif
