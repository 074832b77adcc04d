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

/* cairo's ARGB32 (0xAARRGGBB) into a 32-bit leptonica image
 * (0xRRGGBB00). */
static PIX *pix_from_raster(const struct tbl_raster *r)
{
	PIX *p = pixCreate(r->width, r->height, 32);
	l_uint32 *data;
	int wpl;

	if (!p)
		return NULL;
	data = pixGetData(p);
	wpl = pixGetWpl(p);
	for (int y = 0; y < r->height; y++) {
		const uint32_t *row = (const uint32_t *)(r->data + (size_t)y * (size_t)r->stride);
		l_uint32 *line = data + (size_t)y * (size_t)wpl;

		for (int x = 0; x < r->width; x++)
			line[x] = row[x] << 8;
	}
	pixSetResolution(p, (l_int32)(r->scale * 72 + 0.5), (l_int32)(r->scale * 72 + 0.5));
	return p;
}

/* The ARGB32 raster tables.c reads, from the upright page img (grey or
 * colour) and its flattened grey: coloured pixels (a rating's fill) as
 * they are, the rest from the flattened page, where a grey fill is
 * white and no longer hides the rules around it. Free r->data. */
static int table_raster(PIX *img, PIX *flat, double scale, struct tbl_raster *r)
{
	PIX *c = pixGetDepth(img) == 32 ? pixClone(img) : NULL;
	int w = pixGetWidth(flat), h = pixGetHeight(flat), fwpl = pixGetWpl(flat);
	int cwpl = c ? pixGetWpl(c) : 0;
	l_uint32 *fd = pixGetData(flat), *cd = c ? pixGetData(c) : NULL;
	uint32_t *out = malloc(sizeof(*out) * (size_t)w * (size_t)h);

	if (!out) {
		pixDestroy(&c);
		return -1;
	}
	for (int y = 0; y < h; y++) {
		const l_uint32 *fl = fd + (size_t)y * (size_t)fwpl;
		const l_uint32 *cl = cd ? cd + (size_t)y * (size_t)cwpl : NULL;
		uint32_t *o = out + (size_t)y * (size_t)w;

		for (int x = 0; x < w; x++) {
			uint32_t g = GET_DATA_BYTE(fl, x);

			if (cl) {
				uint32_t v = cl[x] >> 8;
				int R = (v >> 16) & 0xFF, G = (v >> 8) & 0xFF, B = v & 0xFF;
				int mx = R > G ? (R > B ? R : B) : (G > B ? G : B);
				int mn = R < G ? (R < B ? R : B) : (G < B ? G : B);

				if (mx - mn >= 60) {
					o[x] = 0xFF000000u | v;
					continue;
				}
			}
			o[x] = 0xFF000000u | g << 16 | g << 8 | g;
		}
	}
	pixDestroy(&c);
	*r = (struct tbl_raster){ .data = (const unsigned char *)out, .width = w, .height = h,
				  .stride = w * 4, .scale = scale };
	return 0;
}

static int cmp_float(const void *a, const void *b)
{
	float x = *(const float *)a, y = *(const float *)b;

	return (x > y) - (x < y);
}

/* Tesseract runs a text line across table cells and columns; a gap
 * between words much wider than the line's word space (twice its median,
 * and over 0.8 of the words' height; a whole height where the line has
 * too few gaps to tell) splits it into segments, as the PDF reader
 * does with the text layer, so cells stay apart for tables and layout. */
static int split_lines(struct arena *a, struct doc_line **lines, size_t *nlines)
{
	struct doc_line *out = NULL;
	size_t nout = 0, cap = 0;

	for (size_t i = 0; i < *nlines; i++) {
		struct doc_word *w = (*lines)[i].words;
		size_t n = (*lines)[i].nwords, start = 0;
		float gaps[256], hs[256], median = 0, h;

		if (n > sizeof(gaps) / sizeof(gaps[0]))
			n = sizeof(gaps) / sizeof(gaps[0]);
		for (size_t k = 0; k < n; k++)
			hs[k] = w[k].box.y1 - w[k].box.y0;
		qsort(hs, n, sizeof(hs[0]), cmp_float);
		h = n ? hs[n / 2] : 0;
		for (size_t k = 0; k + 1 < n; k++)
			gaps[k] = w[k + 1].box.x0 - w[k].box.x1;
		if (n >= 4) {
			qsort(gaps, n - 1, sizeof(gaps[0]), cmp_float);
			median = gaps[(n - 1) / 2];
		}
		for (size_t k = 0; k <= n; k++) {
			float gap = k + 1 < n ? w[k + 1].box.x0 - w[k].box.x1 : 0;
			int cut = k == n || (k + 1 < n && h > 0 &&
					     (n >= 4 ? gap > 2.0f * median && gap > 0.8f * h : gap > h));
			struct doc_line *l;

			if (!cut)
				continue;
			if (k == n && start == n)
				break;
			l = ARENA_PUSH(a, out, nout, cap);
			if (!l)
				return EX_ENOMEM;
			memset(l, 0, sizeof(*l));
			l->words = w + start;
			l->nwords = (k == n ? n : k + 1) - start;
			start = k + 1;
			if (k == n)
				break;
		}
		/* Words past the 256th stay on the last segment. */
		if ((*lines)[i].nwords > n && nout)
			out[nout - 1].nwords += (*lines)[i].nwords - n;
	}
	*lines = out;
	*nlines = nout;
	return 0;
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
		if (!text[strspn(text, " \t\r\n")]) {
			/* A rule or speck read as a blank "word". */
			TessDeleteText(text);
			continue;
		}
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
	if (rc == 0)
		rc = split_lines(doc->arena, &lines, &nlines);
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

/* The angle in degrees to turn the page by to level its lines (a page
 * fed askew): found on the binarised page reduced 2x within 7 degrees,
 * kept when leptonica is confident and it is over 0.1 degrees. 0: the
 * page is level. */
static float skew_of(PIX *grey)
{
	l_float32 angle = 0, conf = 0;
	PIX *b = pixConvertTo1(grey, 160);
	int ok;

	if (!b)
		return 0;
	ok = pixFindSkewSweepAndSearch(b, &angle, &conf, 2, 2, 7.0f, 1.0f, 0.01f) == 0 &&
	     conf >= 3.0f && fabsf(angle) >= 0.1f && fabsf(angle) <= 7.0f;
	pixDestroy(&b);
	return ok ? roundf(angle * 100) / 100 : 0;
}

/* How far the page's text is turned, clockwise, in quarter turns (a page
 * scanned sideways or upside down): leptonica's count of ascenders and
 * descenders on the binarised page at about 150 dpi, decided only when
 * it is clear. */
static int quarter_turns(PIX *grey, double scale)
{
	l_float32 up = 0, left = 0;
	l_int32 orient = L_TEXT_ORIENT_UNKNOWN;
	PIX *b = pixConvertTo1(grey, 160), *r;

	if (!b)
		return 0;
	r = scale * 72 >= 250 ? pixReduceRankBinary2(b, 1, NULL) : pixClone(b);
	pixDestroy(&b);
	if (!r)
		return 0;
	if (pixOrientDetect(r, &up, &left, 0, 0) != 0 ||
	    makeOrientDecision(up, left, 0, 0, &orient, 0) != 0)
		orient = L_TEXT_ORIENT_UNKNOWN;
	pixDestroy(&r);
	/* Text turned a quarter to the left reads up the page: the page
	 * was turned 270 degrees clockwise. */
	return orient == L_TEXT_ORIENT_LEFT ? 3 : orient == L_TEXT_ORIENT_DOWN ? 2 :
	       orient == L_TEXT_ORIENT_RIGHT ? 1 : 0;
}

/* One page image (8-bit grey or 32-bit colour, scale pixels per point)
 * into lp->lines: turned upright and level, its background flattened,
 * recognised, corrected; then, with tables, its tables found on the same
 * upright image. dp gets the confidence and what was done. Warns when
 * the page reads poorly. */
static int recognise(struct ocr_engine *e, struct doc *doc, PIX *page, double scale, int tables,
		     struct layout_page *lp, struct doc_page *dp, struct ex_error *err)
{
	PIX *img = pixClone(page), *grey = NULL, *flat = NULL;
	float *conf = &dp->ocr_conf;
	int turns, rc = 0;
	float angle;

	grey = pixConvertTo8(img, 0);
	if (!grey)
		goto nomem;
	turns = quarter_turns(grey, scale);
	if (turns) {
		/* Turning the text back by the rest of a full turn. */
		PIX *t = pixRotateOrth(img, 4 - turns);

		if (!t)
			goto nomem;
		pixDestroy(&img);
		img = t;
		pixDestroy(&grey);
		if (!(grey = pixConvertTo8(img, 0)))
			goto nomem;
		dp->rotation = turns * 90;
		lp->width = dp->width = (float)(pixGetWidth(img) / scale);
		lp->height = dp->height = (float)(pixGetHeight(img) / scale);
	}
	angle = skew_of(grey);
	if (angle != 0) {
		PIX *t = pixRotate(img, (l_float32)(angle * M_PI / 180), L_ROTATE_AREA_MAP,
				   L_BRING_IN_WHITE, 0, 0);

		if (!t)
			goto nomem;
		pixDestroy(&img);
		img = t;
		pixDestroy(&grey);
		if (!(grey = pixConvertTo8(img, 0)))
			goto nomem;
		dp->ocr_skew = angle;
	}
	flat = flatten(grey, scale);
	TessBaseAPISetImage2(e->api, flat ? flat : grey);
	if (TessBaseAPIRecognize(e->api, NULL) != 0) {
		doc_warn(doc, lp->page, "ocr", "page %d: recognition failed", lp->page);
		lp->nlines = 0;
		*conf = 0;
		goto out;
	}
	rc = collect(e, doc, scale, lp, conf);
	if (rc == 0 && e->dict)
		rc = ocr_fix_page(e->dict, doc, lp);
	TessBaseAPIClear(e->api);
	if (rc == 0 && *conf < 0.6f && lp->nlines)
		doc_warn(doc, lp->page, "low_confidence", "page %d: OCR confidence %.0f %%", lp->page,
			 *conf * 100);
	if (rc == 0 && tables && tbl_page_candidate(lp, NULL)) {
		struct tbl_raster r;

		if (!lp->used && !(lp->used = arena_alloc(doc->arena, lp->nlines + 1)))
			goto nomem;
		if (table_raster(img, flat ? flat : grey, scale, &r) < 0)
			goto nomem;
		rc = tbl_find_ruled(doc, lp, &r);
		free((void *)r.data);
		if (rc == 0)
			rc = tbl_find_stream(doc, lp);
		if (rc == 0)
			tbl_sort(doc, lp);
	}
out:
	pixDestroy(&flat);
	pixDestroy(&grey);
	pixDestroy(&img);
	return rc < 0 ? EX_FAIL(err, rc, "out of memory") : 0;
nomem:
	rc = EX_ENOMEM;
	goto out;
}

int ocr_page(struct ocr_engine *e, struct doc *doc, const struct tbl_raster *r, int tables,
	     struct layout_page *lp, struct doc_page *dp, struct ex_error *err)
{
	PIX *p = pix_from_raster(r);
	int rc;

	if (!p)
		return EX_FAIL(err, EX_ENOMEM, "out of memory");
	rc = recognise(e, doc, p, r->scale, tables, lp, dp, err);
	pixDestroy(&p);
	return rc;
}

/* One image page through OCR, tables and layout. */
static int image_page(struct ocr_engine *e, struct doc *doc, PIX *pix, int number, int tables,
		      struct ex_error *err)
{
	l_int32 xres = 0, yres = 0;
	struct layout_page lp = { 0 };
	struct doc_page *dp = doc_add_page(doc);
	double scale;
	int rc;

	if (!dp)
		return EX_FAIL(err, EX_ENOMEM, "out of memory");
	pixGetResolution(pix, &xres, &yres);
	if (xres < 50 || xres > 2400)
		xres = 300;   /* an image that does not say: assume a 300 dpi scan */
	scale = xres / 72.0;
	dp->number = number;
	dp->width = (float)(pixGetWidth(pix) / scale);
	dp->height = (float)(pixGetHeight(pix) / scale);
	dp->source = DOC_SRC_OCR;
	lp.page = number;
	lp.width = dp->width;
	lp.height = dp->height;
	dp->ocr_reason = "image";
	rc = recognise(e, doc, pix, scale, tables, &lp, dp, err);
	if (rc == 0 && (rc = layout_page_blocks(doc, &lp)) < 0)
		EX_FAIL(err, rc, "out of memory");
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
		rc = image_page(e, doc, p, i + 1, !(opts && opts->no_tables), err);
		pixDestroy(&p);
	}
	ocr_free(e);
	pixaDestroy(&pages);
	pixDestroy(&one);
	if (rc == 0 && layout_finish(doc) < 0)
		rc = EX_FAIL(err, EX_ENOMEM, "out of memory");
	return rc;
}
