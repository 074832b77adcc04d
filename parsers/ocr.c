/* ocr.c: Tesseract into the document model. */
#include "ocr.h"

#include <leptonica/allheaders.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <tesseract/capi.h>

void omp_set_max_active_levels(int levels);   /* libgomp */

#include "../extract/norm.h"
#include "ocrfix.h"

struct ocr_engine {
	TessBaseAPI *api;
	struct ocr_dict *dict;   /* Swedish words; NULL: no correction */
};

#define OCR_WORDLIST "/usr/share/dict/swedish"   /* Debian's wswedish */


struct ocr_engine *ocr_new(const char *lang, int correct, struct ex_error *err)
{
	struct ocr_engine *e = calloc(1, sizeof(*e));

	if (!e) {
		EX_FAIL(err, EX_ENOMEM, "out of memory");
		return NULL;
	}
	/* One thread an engine: parallelism comes from pages. Debian's
	 * Tesseract is built with OpenMP, whose default of a thread a core
	 * made one page take 20 s instead of 2.5 s here. Its parallel
	 * regions name their own thread counts, so only no active levels
	 * at all keeps them to the calling thread. */
	omp_set_max_active_levels(0);
	tbl_init();
	e->api = TessBaseAPICreate();
	if (!e->api || TessBaseAPIInit3(e->api, NULL, lang ? lang : "swe+eng") != 0) {
		EX_FAIL(err, EX_EIO, "OCR language data \"%s\" is not installed (tesseract-ocr-swe, "
			"tesseract-ocr-eng)", lang ? lang : "swe+eng");
		ocr_free(e);
		return NULL;
	}
	TessBaseAPISetVariable(e->api, "debug_file", "/dev/null");
	TessBaseAPISetPageSegMode(e->api, PSM_AUTO);
	if (correct) {
		const char *path = getenv("EXTRACT_WORDLIST");

		e->dict = ocr_dict_load(path ? path : OCR_WORDLIST);
	}
	return e;
}

void ocr_free(struct ocr_engine *e)
{
	if (!e)
		return;
	if (e->api) {
		TessBaseAPIEnd(e->api);
		TessBaseAPIDelete(e->api);
	}
	ocr_dict_free(e->dict);
	free(e);
}

/* ARGB32 to 8-bit grey, which Tesseract reads best. */
static PIX *grey(const struct tbl_raster *r)
{
	PIX *p = pixCreate(r->width, r->height, 8);
	l_uint32 *data;
	int wpl;

	if (!p)
		return NULL;
	data = pixGetData(p);
	wpl = pixGetWpl(p);
	for (int y = 0; y < r->height; y++) {
		const uint32_t *row = (const uint32_t *)(r->data + (size_t)y * (size_t)r->stride);
		l_uint32 *line = data + (size_t)y * (size_t)wpl;

		for (int x = 0; x < r->width; x++) {
			uint32_t c = row[x];

			SET_DATA_BYTE(line, x, (((c >> 16) & 0xFF) * 299 + ((c >> 8) & 0xFF) * 587 +
						(c & 0xFF) * 114) / 1000);
		}
	}
	pixSetResolution(p, (l_int32)(r->scale * 72 + 0.5), (l_int32)(r->scale * 72 + 0.5));
	return p;
}

/* Words of the recognised page into lines of lp. */
static int collect(struct ocr_engine *e, struct doc *doc, double scale, struct layout_page *lp,
		   float *conf)
{
	TessResultIterator *it = TessBaseAPIGetIterator(e->api);
	struct doc_line *lines = NULL;
	size_t nlines = 0, cap = 0, nwords_all = 0;
	struct doc_word *words = NULL;
	size_t nw = 0, capw = 0;
	double confsum = 0;
	int rc = 0, baseline = 0;

	if (!it)
		goto out;
	do {
		const TessPageIterator *pi = TessResultIteratorGetPageIteratorConst(it);
		char *text = TessResultIteratorGetUTF8Text(it, RIL_WORD);
		int x0, y0, x1, y1;
		struct doc_word *w;

		if (!text)
			continue;
		if (TessPageIteratorIsAtBeginningOf(pi, RIL_TEXTLINE)) {
			int bx0, by0, bx1, by1;

			if (nw) {
				struct doc_line *l = ARENA_PUSH(doc->arena, lines, nlines, cap);

				if (!l) {
					TessDeleteText(text);
					rc = EX_ENOMEM;
					break;
				}
				l->words = words;
				l->nwords = nw;
				words = NULL;
				nw = capw = 0;
			}
			if (TessPageIteratorBaseline(pi, RIL_TEXTLINE, &bx0, &by0, &bx1, &by1))
				baseline = (by0 + by1) / 2;
		}
		TessPageIteratorBoundingBox(pi, RIL_WORD, &x0, &y0, &x1, &y1);
		w = ARENA_PUSH(doc->arena, words, nw, capw);
		if (!w) {
			TessDeleteText(text);
			rc = EX_ENOMEM;
			break;
		}
		w->text = norm_text(doc->arena, text, strlen(text));
		w->box = (struct box){ (float)(x0 / scale), (float)(y0 / scale), (float)(x1 / scale),
				       (float)(y1 / scale) };
		w->conf = TessResultIteratorConfidence(it, RIL_WORD) / 100.0f;
		/* A scan has no font size: the height a word rises above the
		 * line's baseline stands in (set for the whole line below). */
		w->size = (float)((baseline - y0) / scale);
		w->space_after = 1;
		confsum += w->conf;
		nwords_all++;
		TessDeleteText(text);
	} while (TessResultIteratorNext(it, RIL_WORD));
	if (rc == 0 && nw) {
		struct doc_line *l = ARENA_PUSH(doc->arena, lines, nlines, cap);

		if (!l)
			rc = EX_ENOMEM;
		else {
			l->words = words;
			l->nwords = nw;
		}
	}
	TessResultIteratorDelete(it);
out:
	for (size_t i = 0; i < nlines; i++) {
		struct doc_line *l = &lines[i];
		float rise = 0;

		memset(&l->box, 0, sizeof(l->box));
		for (size_t k = 0; k < l->nwords; k++) {
			l->box = box_union(l->box, l->words[k].box);
			if (l->words[k].size > rise)
				rise = l->words[k].size;
		}
		/* The tallest rise in a line is a capital's or an ascender's,
		 * about 0.72 of the font size; the whole line shares it. */
		for (size_t k = 0; k < l->nwords; k++)
			l->words[k].size = roundf(rise / 0.72f * 2) / 2;
		if (l->nwords)
			l->words[l->nwords - 1].space_after = 0;
	}
	lp->lines = lines;
	lp->nlines = nlines;
	*conf = nwords_all ? (float)(confsum / (double)nwords_all) : 0;
	return rc;
}

/* The page with its background flattened to white: coloured table
 * cells (a rating's green or red is mid-grey in a scan) otherwise read to
 * Tesseract as pictures, and their text is lost. The background is the
 * page closed with a square of 1/20 inch, wider than any stroke of body
 * text (so it keeps a cell's edge sharp, where a tiled estimate smears
 * it); each pixel is divided by it. Where the closing stays darker than
 * 60 (a large dark glyph, white text on a dark fill) the page is left as
 * it is. NULL when leptonica cannot (then the page goes as it is). */
static PIX *flatten(PIX *p, double scale)
{
	int k = (int)(scale * 72 / 20) | 1;
	PIX *bg = pixCloseGray(p, k < 5 ? 5 : k, k < 5 ? 5 : k), *out;
	l_uint32 *od, *bd;
	int w, h, wpl, bwpl;

	if (!bg)
		return NULL;
	out = pixCopy(NULL, p);
	if (!out) {
		pixDestroy(&bg);
		return NULL;
	}
	w = pixGetWidth(out);
	h = pixGetHeight(out);
	wpl = pixGetWpl(out);
	bwpl = pixGetWpl(bg);
	od = pixGetData(out);
	bd = pixGetData(bg);
	for (int y = 0; y < h; y++) {
		l_uint32 *ol = od + (size_t)y * (size_t)wpl, *bl = bd + (size_t)y * (size_t)bwpl;

		for (int x = 0; x < w; x++) {
			int b = GET_DATA_BYTE(bl, x);

			if (b >= 60 && b < 255) {
				int v = GET_DATA_BYTE(ol, x) * 255 / b;

				SET_DATA_BYTE(ol, x, v > 255 ? 255 : v);
			}
		}
	}
	pixDestroy(&bg);
	return out;
}

/* Recognises an 8-bit grey page image at scale pixels per point into
 * lp->lines, corrected, and warns when the page reads poorly. */
static int recognise(struct ocr_engine *e, struct doc *doc, PIX *p, double scale,
		     struct layout_page *lp, float *conf, struct ex_error *err)
{
	PIX *flat = flatten(p, scale);
	int rc;

	TessBaseAPISetImage2(e->api, flat ? flat : p);
	if (TessBaseAPIRecognize(e->api, NULL) != 0) {
		doc_warn(doc, lp->page, "ocr", "page %d: recognition failed", lp->page);
		pixDestroy(&flat);
		lp->nlines = 0;
		*conf = 0;
		return 0;
	}
	rc = collect(e, doc, scale, lp, conf);
	pixDestroy(&flat);
	if (rc == 0 && e->dict)
		rc = ocr_fix_page(e->dict, doc, lp);
	TessBaseAPIClear(e->api);
	if (rc == 0 && *conf < 0.6f && lp->nlines)
		doc_warn(doc, lp->page, "low_confidence", "page %d: OCR confidence %.0f %%", lp->page,
			 *conf * 100);
	return rc < 0 ? EX_FAIL(err, rc, "out of memory") : 0;
}

int ocr_page(struct ocr_engine *e, struct doc *doc, const struct tbl_raster *r,
	     struct layout_page *lp, float *conf, struct ex_error *err)
{
	PIX *p = grey(r);
	int rc;

	if (!p)
		return EX_FAIL(err, EX_ENOMEM, "out of memory");
	rc = recognise(e, doc, p, r->scale, lp, conf, err);
	pixDestroy(&p);
	return rc;
}

/* One image page through OCR and layout: the image goes to Tesseract
 * as grey pixels directly. */
static int image_page(struct ocr_engine *e, struct doc *doc, PIX *pix, int number, struct ex_error *err)
{
	PIX *g = pixConvertTo8(pix, 0);
	l_int32 xres = 0, yres = 0;
	struct layout_page lp = { 0 };
	struct doc_page *dp = doc_add_page(doc);
	double scale;
	float conf = 0;
	int rc;

	if (!g || !dp) {
		pixDestroy(&g);
		return EX_FAIL(err, EX_ENOMEM, "out of memory");
	}
	pixGetResolution(pix, &xres, &yres);
	if (xres < 50 || xres > 2400)
		xres = 300;   /* an image that does not say: assume a 300 dpi scan */
	scale = xres / 72.0;
	dp->number = number;
	dp->width = (float)(pixGetWidth(g) / scale);
	dp->height = (float)(pixGetHeight(g) / scale);
	dp->source = DOC_SRC_OCR;
	lp.page = number;
	lp.width = dp->width;
	lp.height = dp->height;
	rc = recognise(e, doc, g, scale, &lp, &conf, err);
	if (rc == 0) {
		dp->ocr_reason = "image";
		dp->ocr_conf = conf;
		if (tbl_page_candidate(&lp, NULL) && (lp.used = arena_alloc(doc->arena, lp.nlines + 1)))
			rc = tbl_find_stream(doc, &lp);
		if (rc == 0)
			rc = layout_page_blocks(doc, &lp);
		if (rc < 0)
			EX_FAIL(err, rc, "out of memory");
	}
	pixDestroy(&g);
	return rc;
}

int ocr_read_image(struct doc *doc, const void *buf, size_t n,
		   const struct doc_read_opts *opts, struct ex_error *err)
{
	struct ocr_engine *e;
	PIXA *pages = NULL;
	PIX *one = NULL;
	int count, rc = 0;

	tbl_init();
	/* A cut-off image makes libpng and libjpeg write on stderr as they
	 * fail; their end markers say so first, in one clear line. */
	if (n >= 8 && !memcmp(buf, "\x89PNG", 4) &&
	    (n < 12 || memcmp((const char *)buf + n - 8, "IEND", 4)))
		return EX_FAIL(err, EX_EFORMAT, "a PNG image cut short (no IEND chunk)");
	if (n >= 3 && !memcmp(buf, "\xFF\xD8\xFF", 3) &&
	    (n < 4 || memcmp((const char *)buf + n - 2, "\xFF\xD9", 2)))
		return EX_FAIL(err, EX_EFORMAT, "a JPEG image cut short (no end marker)");
	/* A header that claims a vast image must not make us allocate it. */
	{
		l_int32 fmt, w = 0, h = 0, bps, spp, iscmap;

		if (pixReadHeaderMem(buf, n, &fmt, &w, &h, &bps, &spp, &iscmap) == 0 &&
		    ((double)w * h > 300e6 || w > 40000 || h > 40000))
			return EX_FAIL(err, EX_ELIMIT, "an image of %d x %d pixels, larger than extract reads",
				       w, h);
	}
	if (n >= 4 && (!memcmp(buf, "II*\0", 4) || !memcmp(buf, "MM\0*", 4)))
		pages = pixaReadMemMultipageTiff(buf, n);
	else
		one = pixReadMem(buf, n);
	if (!pages && !one)
		return EX_FAIL(err, EX_EFORMAT, "an image leptonica cannot read (broken or unsupported)");
	e = ocr_new(opts ? opts->lang : NULL, !(opts && opts->no_correct), err);
	if (!e) {
		pixaDestroy(&pages);
		pixDestroy(&one);
		return err->code;
	}
	count = pages ? pixaGetCount(pages) : 1;
	for (int i = 0; i < count && rc == 0; i++) {
		PIX *p = pages ? pixaGetPix(pages, i, L_CLONE) : pixClone(one);

		if (opts && opts->first_page && i + 1 < opts->first_page) {
			pixDestroy(&p);
			continue;
		}
		if (opts && opts->last_page && i + 1 > opts->last_page) {
			pixDestroy(&p);
			break;
		}
		rc = image_page(e, doc, p, i + 1, err);
		pixDestroy(&p);
	}
	ocr_free(e);
	pixaDestroy(&pages);
	pixDestroy(&one);
	if (rc == 0 && layout_finish(doc) < 0)
		rc = EX_FAIL(err, EX_ENOMEM, "out of memory");
	return rc;
}
