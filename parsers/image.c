/* image.c: image files through OCR and the page stage; see image.h. */
#include "image.h"

#include <limits.h>

#include "ocr.h"
#include "scan.h"

#define IMAGE_WINDOW 16   /* pages in flight at most */

/* A page queued for OCR, waiting for its turn (ticket -1: a page too
 * large to read, kept as an empty page with a warning). */
struct image_pending {
	int ticket, width, height;
	double scale;
};

/* An image page taken from the pool into the model: OCR, then the page
 * stage (tables, blocks). */
static int image_page(struct ocr_pool *pool, const struct image_pending *ip, struct doc *doc, int number,
		      int tables, struct ex_error *err)
{
	struct page_input in = { .tables = tables };
	struct doc_page *dp = doc_add_page(doc);
	struct ocr_page *pg;
	int rc;

	if (!dp)
		return EX_FAIL(err, EX_ENOMEM, "out of memory");
	dp->number = number;
	dp->width = (float)(ip->width / ip->scale);
	dp->height = (float)(ip->height / ip->scale);
	dp->ocr_reason = "image";
	in.lp.page = number;
	in.lp.width = dp->width;
	in.lp.height = dp->height;
	if (ip->ticket < 0) {   /* never decoded: nothing vanishes unsaid */
		dp->source = DOC_SRC_OCR;
		doc_warn(doc, number, "too_large", "page %d: an image of %d x %d pixels, larger than extract reads: not read",
			 number, ip->width, ip->height);
		return 0;
	}
	rc = ocr_pool_take(pool, ip->ticket, doc, NULL, &in.lp, dp, &pg, err);
	if (rc == 0 && (rc = ocr_page_analyse(doc, &in, pg)) < 0)
		EX_FAIL_CODE(err, rc);
	return rc;
}

int image_read(struct doc *doc, const void *buf, size_t n,
	       const struct doc_read_opts *opts, struct ex_error *err)
{
	struct image_pending info[IMAGE_WINDOW];
	struct scan_file f;
	struct ocr_pool *pool;
	struct ex_error pool_err = { 0 };
	int first, last, window, broken = 0, rc = 0;

	/* The pool's engine is made while the first page is decoded; the
	 * file's own error is said first. */
	pool = ocr_pool_new(opts, &pool_err);
	if ((rc = scan_file_open(&f, buf, n, err)) < 0) {
		ocr_pool_free(pool);
		return rc;
	}
	/* Pages go to the workers a window ahead of the one taken, and are
	 * taken in page order: the same output whatever the workers. */
	first = opts && opts->first_page > 0 ? opts->first_page - 1 : 0;
	last = opts && opts->last_page > 0 ? opts->last_page : INT_MAX;
	if (pool) {
		ocr_pool_expect(pool, (last < f.npages ? last : f.npages) - first);
		if (ocr_pool_ready(pool, &pool_err) < 0) {
			ocr_pool_free(pool);
			pool = NULL;
		}
	}
	if (!pool) {
		*err = pool_err;
		scan_file_close(&f);
		return err->code;
	}
	window = 2 * ocr_pool_workers(pool);
	if (window > IMAGE_WINDOW)
		window = IMAGE_WINDOW;
	for (int head = first, next = 0, end = 0; rc == 0;) {
		while (rc == 0 && !end && next < last && next - head < window) {
			struct image_pending *ip = &info[next % IMAGE_WINDOW];
			int big_w, big_h;
			struct Pix *p = scan_file_next(&f, &ip->scale, &broken, &big_w, &big_h);

			if (!p && big_w) {
				*ip = (struct image_pending){ .ticket = -1, .width = big_w, .height = big_h,
							     .scale = ip->scale };
				next++;
				continue;
			}
			if (!p) {
				broken = broken ? next + 1 : 0;
				end = 1;
				break;
			}
			if (next++ < first) {
				scan_free(p);
				continue;
			}
			scan_size(p, &ip->width, &ip->height);
			ip->ticket = ocr_pool_submit_image(pool, p, ip->scale);
			if (ip->ticket < 0)
				rc = EX_FAIL(err, EX_ENOMEM, "out of memory");
		}
		if (rc || head >= next)
			break;
		rc = image_page(pool, &info[head % IMAGE_WINDOW], doc, head + 1, !(opts && opts->no_tables), err);
		head++;
	}
	/* Said after the pages, so the warnings come in the same order
	 * whatever the workers. */
	if (rc == 0 && broken)
		doc_warn(doc, broken, "truncated", "page %d of the TIFF could not be read; the %d before it are kept",
			 broken, broken - 1);
	if (rc == 0 && first > 0 && doc->npages == 0)
		rc = EX_FAIL(err, EX_EUSAGE, "--pages starts at %d but the image has fewer pages", first + 1);
	ocr_pool_free(pool);
	scan_file_close(&f);
	if (rc == 0 && (rc = page_finish_doc(doc)) < 0)
		EX_FAIL_CODE(err, rc);
	return rc;
}
