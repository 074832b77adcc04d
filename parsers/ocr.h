/* ocr.h: Tesseract through its C API, the only file that includes it:
 * a page's pixels in, words with boxes and confidences out.
 *
 * An ocr_service is made once per run and shared by every document and
 * thread: Tesseract loaded at the first page that needs it, engines kept
 * for the next page or document once made (an engine takes a fifth of a
 * second to load its language data), the Swedish word list read once.
 * Each document borrows engines through an ocr_pool: pages recognised
 * by its workers and taken back in the order the reader wants them, so
 * the output is the same whatever the number of workers. */
#ifndef EX_OCR_H
#define EX_OCR_H

#include <stddef.h>

#include "page.h"

struct ocr_service;
struct ocr_pool;
struct ocr_page;
struct Pix;

/* A service for lang ("swe+eng" when NULL), correcting OCR's Swedish
 * with the word list unless no_correct. Makes nothing yet; NULL when out
 * of memory. Free it after the last document that used it. */
struct ocr_service *ocr_service_new(const char *lang, int no_correct);
void ocr_service_free(struct ocr_service *s);

/* Fuzz builds: a page's readings by s (the page, lines doubted, ink
 * left over) stop together after n of Tesseract's words (its lines,
 * mostly), what was read kept; 0: no cap, as by default. A page's cost
 * is then bounded whatever its text. */
void ocr_service_cap_words(struct ocr_service *s, int n);

/* A pool of opts->ocr_workers workers (1: pages are read in the calling
 * thread, at ocr_pool_take) on opts->ocr_service, or on a service of its
 * own when there is none. NULL with err set when Tesseract or the
 * language data is missing. Its first engine is made beside the caller
 * when there are workers (the first page can be rendered meanwhile),
 * else at once: ocr_pool_ready waits for it and says whether it was, and
 * is called before the first submit; when it fails (its data could not
 * be loaded: err set), free the pool. */
struct ocr_pool *ocr_pool_new(const struct doc_read_opts *opts, struct ex_error *err);
int ocr_pool_ready(struct ocr_pool *p, struct ex_error *err);
void ocr_pool_free(struct ocr_pool *p);
int ocr_pool_workers(const struct ocr_pool *p);

/* At most pages pages will come: as many workers as may get one (and
 * have no engine) make their engines now, while the first are rendered,
 * not when their first page is queued. A hint; output does not change. */
void ocr_pool_expect(struct ocr_pool *p, int pages);

/* Queues a page: a rendered one (r->scale pixels per point; copied, so r
 * may be freed on return), or an image (taken) with its scale. Returns
 * its ticket, or -1 when out of memory. */
int ocr_pool_submit(struct ocr_pool *p, const struct page_raster *r);
int ocr_pool_submit_image(struct ocr_pool *p, struct Pix *pix, double scale);

/* Waits for the ticket's page and puts what OCR read into the model:
 * lp->lines (upright and level, corrected), dp's OCR fields (confidence,
 * rotation, deskew, size when turned), warnings. With layer (a text
 * layer that looked like garbage), returns 1 and changes nothing when
 * OCR reads the page as the layer does. On 0, *page is the page as it
 * was read, for ocr_page_raster, until ocr_page_free. */
int ocr_pool_take(struct ocr_pool *p, int ticket, struct doc *doc,
		  const struct layout_page *layer, struct layout_page *lp, struct doc_page *dp,
		  struct ocr_page **page, struct ex_error *err);

/* The upright, level page OCR read, as a raster for the table finder;
 * owned by the page. NULL when out of memory or it was not read. */
const struct page_raster *ocr_page_raster(struct ocr_page *pg);
void ocr_page_free(struct ocr_page *pg);

/* An OCR'd page through the page stage: tables from its raster, blocks;
 * a page OCR read nothing on is said (ocr_blank). Frees pg. */
int ocr_page_analyse(struct doc *doc, struct page_input *in, struct ocr_page *pg);

/* "tesseract 5.3.0": the engine OCR runs (loading it if need be), or
 * NULL when it cannot be loaded. */
const char *ocr_engine_version(void);

#endif
