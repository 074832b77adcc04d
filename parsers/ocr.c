/* ocr.c: Tesseract into the document model. */
#include "ocr.h"

#include <glib.h>
#include <leptonica/allheaders.h>
#include <limits.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dlfcn.h>
#include <tesseract/capi.h>

#include "../extract/norm.h"
#include "ocrfix.h"

#define OCR_WORDLIST "/usr/share/dict/swedish"   /* Debian's wswedish */
#define OCR_MAX_WORKERS 8

/* A word as a worker read it, before it goes into the document's arena
 * (which only the reading thread touches). */
struct ocr_word {
	char *text;         /* malloc'd, as Tesseract gave it */
	struct box box;     /* points, on the upright, level page */
	float conf;         /* 0..1 */
	float rise;         /* points the word rises above its line's baseline */
	float stroke;       /* points: the word's mean horizontal stroke width */
	int line_start;     /* the first word of a Tesseract text line */
};

/* One page through the pool: queued, recognised by a worker, taken. */
struct ocr_job {
	int ticket;
	PIX *pix;           /* the page as submitted; freed once read */
	double scale;       /* pixels per point */
	int done, failed;
	PIX *img, *flat;    /* upright, level page and its flattened grey */
	struct ocr_word *words;
	size_t nwords;
	int turns;          /* quarter turns clockwise the scan was at */
	float skew, conf;
	struct ocr_job *next;
};

/* Tesseract is loaded when the first page needs OCR, not at start: it
 * and the libraries it pulls in (libstdc++, libarchive, libcurl with
 * its TLS and Kerberos stack: 56 in all) cost every process about 18 ms
 * of symbol binding, more than reading a short PDF takes. */
#define TESS_FUNCS(X) \
	X(TessBaseAPIClear) \
	X(TessBaseAPICreate) \
	X(TessBaseAPIDelete) \
	X(TessBaseAPIEnd) \
	X(TessBaseAPIGetIterator) \
	X(TessBaseAPIInit3) \
	X(TessBaseAPIRecognize) \
	X(TessBaseAPISetImage2) \
	X(TessBaseAPISetPageSegMode) \
	X(TessBaseAPISetVariable) \
	X(TessDeleteText) \
	X(TessPageIteratorBaseline) \
	X(TessPageIteratorBoundingBox) \
	X(TessPageIteratorIsAtBeginningOf) \
	X(TessResultIteratorConfidence) \
	X(TessResultIteratorDelete) \
	X(TessResultIteratorGetPageIteratorConst) \
	X(TessResultIteratorGetUTF8Text) \
	X(TessResultIteratorNext)

static struct {
#define TESS_PTR(f) __typeof__(f) *f;
	TESS_FUNCS(TESS_PTR)
#undef TESS_PTR
	void (*omp_set_max_active_levels)(int);   /* libgomp, which it links */
	void *handle;
	char error[200];
} tess;
static pthread_once_t tess_once = PTHREAD_ONCE_INIT;

static void tess_load(void)
{
	void *h = dlopen(TESS_SONAME, RTLD_NOW | RTLD_LOCAL);

	if (!h) {
		snprintf(tess.error, sizeof(tess.error), "OCR is not available: %s could not be loaded "
			 "(install libtesseract5 and tesseract-ocr)", TESS_SONAME);
		return;
	}
#define TESS_SYM(f) \
	if (!(*(void **)&tess.f = dlsym(h, #f))) \
		goto missing;
	TESS_FUNCS(TESS_SYM)
	TESS_SYM(omp_set_max_active_levels)
#undef TESS_SYM
	tess.handle = h;
	return;
missing:
	snprintf(tess.error, sizeof(tess.error), "OCR is not available: %s lacks %s", TESS_SONAME,
		 dlerror());
	dlclose(h);
}

struct ocr_pool {
	char *lang;
	struct ocr_dict *dict;   /* Swedish words; NULL: no correction */
	TessBaseAPI *first;      /* made by ocr_pool_new, so missing data shows at once */
	pthread_mutex_t mu;
	pthread_cond_t cv;
	struct ocr_job *jobs;    /* every job not yet taken, in ticket order */
	struct ocr_job *queue;   /* the next job no worker has started */
	int next_ticket, stop, nthreads;
	pthread_t th[OCR_MAX_WORKERS];
};

static TessBaseAPI *engine_new(const char *lang)
{
	TessBaseAPI *api = tess.TessBaseAPICreate();

	if (!api)
		return NULL;
	if (tess.TessBaseAPIInit3(api, NULL, lang) != 0) {
		tess.TessBaseAPIDelete(api);
		return NULL;
	}
	tess.TessBaseAPISetVariable(api, "debug_file", "/dev/null");
	tess.TessBaseAPISetPageSegMode(api, PSM_AUTO);
	return api;
}

static void engine_free(TessBaseAPI *api)
{
	if (api) {
		tess.TessBaseAPIEnd(api);
		tess.TessBaseAPIDelete(api);
	}
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
	int colour = pixGetDepth(img) == 32;
	int w = pixGetWidth(flat), h = pixGetHeight(flat), fwpl = pixGetWpl(flat);
	int cwpl = colour ? pixGetWpl(img) : 0;
	l_uint32 *fd = pixGetData(flat), *cd = colour ? pixGetData(img) : NULL;
	uint32_t *out = malloc(sizeof(*out) * (size_t)w * (size_t)h);

	if (!out)
		return -1;
	for (int y = 0; y < h; y++) {
		const l_uint32 *fl = fd + (size_t)y * (size_t)fwpl;
		const l_uint32 *cl = cd ? cd + (size_t)y * (size_t)cwpl : NULL;
		uint32_t *o = out + (size_t)y * (size_t)w;

		for (int x = 0; x < w; x++) {
			uint32_t g = GET_DATA_BYTE(fl, x);

			if (cl && tbl_coloured(cl[x] >> 8))
				o[x] = 0xFF000000u | cl[x] >> 8;
			else
				o[x] = 0xFF000000u | g << 16 | g << 8 | g;
		}
	}
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
	int k = (int)(scale * 72 / 40) | 1;
	/* The closing is taken on the page halved (each pixel the lightest
	 * of four, so thin strokes do not darken it) and doubled back: the
	 * background moves by a pixel at most, in a quarter of the time. */
	PIX *half = pixScaleGrayMinMax(p, 2, 2, L_CHOOSE_MAX), *small, *bg, *out;
	l_uint32 *od, *bd;
	int w, h, wpl, bwpl;

	if (!half)
		return NULL;
	small = pixCloseGray(half, k < 3 ? 3 : k, k < 3 ? 3 : k);
	pixDestroy(&half);
	bg = small ? pixExpandReplicate(small, 2) : NULL;
	pixDestroy(&small);
	if (!bg)
		return NULL;
	out = pixCopy(NULL, p);
	if (!out) {
		pixDestroy(&bg);
		return NULL;
	}
	w = L_MIN(pixGetWidth(out), pixGetWidth(bg));
	h = L_MIN(pixGetHeight(out), pixGetHeight(bg));
	wpl = pixGetWpl(out);
	bwpl = pixGetWpl(bg);
	od = pixGetData(out);
	bd = pixGetData(bg);
	for (int y = 0; y < h; y++) {
		l_uint32 *ol = od + (size_t)y * (size_t)wpl, *bl = bd + (size_t)y * (size_t)bwpl;

		for (int x = 0; x < w; x++) {
			int b;

			if ((x & 3) == 0 && bl[x >> 2] == 0xFFFFFFFFu && x + 4 <= w) {
				x += 3;   /* four pixels of white paper */
				continue;
			}
			b = GET_DATA_BYTE(bl, x);
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

/* The mean width of the horizontal runs of ink in the box (x0, y0)-(x1,
 * y1) of the binarised page b, in pixels: a bold word's strokes are
 * wider for its size. 0 without ink. */
static float stroke_width(PIX *b, int x0, int y0, int x1, int y1)
{
	l_uint32 *data;
	long ink = 0, runs = 0;
	int wpl;

	if (!b)
		return 0;
	x0 = L_MAX(x0, 0), y0 = L_MAX(y0, 0);
	x1 = L_MIN(x1, pixGetWidth(b)), y1 = L_MIN(y1, pixGetHeight(b));
	data = pixGetData(b);
	wpl = pixGetWpl(b);
	for (int y = y0; y < y1; y++) {
		const l_uint32 *line = data + (size_t)y * (size_t)wpl;
		int prev = 0;

		for (int x = x0; x < x1; x++) {
			int on = GET_DATA_BIT(line, x);

			ink += on;
			runs += on && !prev;
			prev = on;
		}
	}
	return runs ? (float)ink / (float)runs : 0;
}

/* The page *img replaced by t, its turned copy, and *grey by t's grey;
 * -1 (both NULL) when either could not be made. */
static int turned(PIX **img, PIX **grey, PIX *t)
{
	pixDestroy(img);
	pixDestroy(grey);
	*img = t;
	return t && (*grey = pixConvertTo8(t, 0)) ? 0 : -1;
}

/* How Tesseract reads a bullet first on its line. */
static int bullet(const char *t, size_t n)
{
	static const char *const as_read[] = { "»«", "«»", "«", "»", "·", "*", "°" };

	for (size_t i = 0; i < sizeof(as_read) / sizeof(as_read[0]); i++)
		if (n == strlen(as_read[i]) && !memcmp(t, as_read[i], n))
			return 1;
	return 0;
}

/* The page recognised by api: turned upright and level, its background
 * flattened; its words into job. Runs in a worker: touches nothing but
 * the job. */
static void read_page(TessBaseAPI *api, struct ocr_job *job)
{
	PIX *img = job->pix, *grey, *bin = NULL;
	double scale = job->scale;
	TessResultIterator *it;
	size_t cap = 0;
	double confsum = 0;
	int baseline = 0, newline = 1;
	float angle;

	job->pix = NULL;
	if (!(grey = pixConvertTo8(img, 0)))
		goto fail;
	job->turns = quarter_turns(grey, scale);
	/* Turned back by the rest of a full turn. */
	if (job->turns && turned(&img, &grey, pixRotateOrth(img, 4 - job->turns)) < 0)
		goto fail;
	angle = skew_of(grey);
	if (angle != 0 && turned(&img, &grey, pixRotate(img, (l_float32)(angle * M_PI / 180),
							 L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, 0, 0)) < 0)
		goto fail;
	job->skew = angle;
	job->flat = flatten(grey, scale);
	if (job->flat)
		pixDestroy(&grey);
	else
		job->flat = grey;
	job->img = img;
	tess.TessBaseAPISetImage2(api, job->flat);
	if (tess.TessBaseAPIRecognize(api, NULL) != 0) {
		tess.TessBaseAPIClear(api);
		job->failed = 1;
		return;
	}
	bin = pixConvertTo1(job->flat, 140);
	it = tess.TessBaseAPIGetIterator(api);
	if (it) {
		do {
			const TessPageIterator *pi = tess.TessResultIteratorGetPageIteratorConst(it);
			char *text = tess.TessResultIteratorGetUTF8Text(it, RIL_WORD);
			int x0, y0, x1, y1;
			struct ocr_word *w;

			if (!text)
				continue;
			if (tess.TessPageIteratorIsAtBeginningOf(pi, RIL_TEXTLINE)) {
				newline = 1;
				int bx0, by0, bx1, by1;

				if (tess.TessPageIteratorBaseline(pi, RIL_TEXTLINE, &bx0, &by0, &bx1, &by1))
					baseline = (by0 + by1) / 2;
			}
			/* A table's vertical rule read as a pipe beside a word,
			 * or alone; a rule or speck read as a blank "word". */
			char *t0 = text + strspn(text, "| \t\r\n");
			size_t tn = strlen(t0);

			while (tn && strchr("| \t\r\n", t0[tn - 1]))
				tn--;
			if (!tn) {
				tess.TessDeleteText(text);
				continue;
			}
			if (job->nwords == cap) {
				size_t ncap = cap ? 2 * cap : 256;
				struct ocr_word *nw = realloc(job->words, ncap * sizeof(*nw));

				if (!nw) {
					tess.TessDeleteText(text);
					job->failed = 1;
					break;
				}
				job->words = nw;
				cap = ncap;
			}
			tess.TessPageIteratorBoundingBox(pi, RIL_WORD, &x0, &y0, &x1, &y1);
			w = &job->words[job->nwords];
			if (newline && bullet(t0, tn))
				t0 = "•", tn = strlen("•");
			if (!(w->text = strndup(t0, tn))) {
				tess.TessDeleteText(text);
				job->failed = 1;
				break;
			}
			job->nwords++;
			w->box = (struct box){ (float)(x0 / scale), (float)(y0 / scale),
					       (float)(x1 / scale), (float)(y1 / scale) };
			w->conf = tess.TessResultIteratorConfidence(it, RIL_WORD) / 100.0f;
			w->rise = (float)((baseline - y0) / scale);
			w->stroke = (float)(stroke_width(bin, x0, y0, x1, y1) / scale);
			w->line_start = newline;   /* also after a blank first word */
			newline = 0;
			confsum += w->conf;
			tess.TessDeleteText(text);
		} while (tess.TessResultIteratorNext(it, RIL_WORD));
		tess.TessResultIteratorDelete(it);
	}
	tess.TessBaseAPIClear(api);
	pixDestroy(&bin);
	job->conf = job->nwords ? (float)(confsum / (double)job->nwords) : 0;
	return;
fail:
	pixDestroy(&img);
	pixDestroy(&grey);
	job->failed = 1;
}

/* A worker: its own engine, made at its first page and kept for the
 * rest; pages from the queue until the pool stops. */
static void *worker(void *arg)
{
	struct ocr_pool *p = arg;
	TessBaseAPI *api = NULL;

	tess.omp_set_max_active_levels(0);
	for (;;) {
		struct ocr_job *job;

		pthread_mutex_lock(&p->mu);
		while (!p->queue && !p->stop)
			pthread_cond_wait(&p->cv, &p->mu);
		job = p->queue;
		if (!job) {
			pthread_mutex_unlock(&p->mu);
			break;
		}
		p->queue = job->next;
		if (!api && p->first) {
			api = p->first;   /* the engine made up front goes to one worker */
			p->first = NULL;
		}
		pthread_mutex_unlock(&p->mu);
		if (!api)
			api = engine_new(p->lang);
		if (api)
			read_page(api, job);
		else
			job->failed = 1;
		pthread_mutex_lock(&p->mu);
		job->done = 1;
		pthread_cond_broadcast(&p->cv);
		pthread_mutex_unlock(&p->mu);
	}
	engine_free(api);
	return NULL;
}

struct ocr_pool *ocr_pool_new(const struct doc_read_opts *opts, struct ex_error *err)
{
	const char *lang = opts && opts->lang ? opts->lang : "swe+eng";
	int n = opts && opts->ocr_workers > 0 ? opts->ocr_workers : 1;
	struct ocr_pool *p = calloc(1, sizeof(*p));

	if (!p || !(p->lang = strdup(lang))) {
		free(p);
		EX_FAIL(err, EX_ENOMEM, "out of memory");
		return NULL;
	}
	/* One thread an engine: parallelism comes from pages. Debian's
	 * Tesseract is built with OpenMP, whose default of a thread a core
	 * made one page take 20 s instead of 2.5 s here. Its parallel
	 * regions name their own thread counts, so only no active levels
	 * at all keeps them to the calling thread (and to each worker). */
	pthread_once(&tess_once, tess_load);
	if (!tess.handle) {
		EX_FAIL(err, EX_EIO, "%s", tess.error);
		free(p->lang);
		free(p);
		return NULL;
	}
	tess.omp_set_max_active_levels(0);
	tbl_init();
	p->first = engine_new(lang);
	if (!p->first) {
		EX_FAIL(err, EX_EIO, "OCR language data \"%s\" is not installed (tesseract-ocr-swe, "
			"tesseract-ocr-eng)", lang);
		free(p->lang);
		free(p);
		return NULL;
	}
	if (!(opts && opts->no_correct)) {
		const char *path = getenv("EXTRACT_WORDLIST");

		p->dict = ocr_dict_load(path ? path : OCR_WORDLIST);
	}
	pthread_mutex_init(&p->mu, NULL);
	pthread_cond_init(&p->cv, NULL);
	if (n > OCR_MAX_WORKERS)
		n = OCR_MAX_WORKERS;
	/* With one worker the pages are read in the calling thread. */
	for (int i = 0; n > 1 && i < n; i++)
		p->nthreads += pthread_create(&p->th[p->nthreads], NULL, worker, p) == 0;
	return p;
}

int ocr_pool_workers(const struct ocr_pool *p)
{
	return p->nthreads > 1 ? p->nthreads : 1;
}

static void job_free(struct ocr_job *job)
{
	for (size_t i = 0; i < job->nwords; i++)
		free(job->words[i].text);
	free(job->words);
	pixDestroy(&job->pix);
	pixDestroy(&job->img);
	pixDestroy(&job->flat);
	free(job);
}

void ocr_pool_free(struct ocr_pool *p)
{
	if (!p)
		return;
	pthread_mutex_lock(&p->mu);
	p->stop = 1;
	p->queue = NULL;
	pthread_cond_broadcast(&p->cv);
	pthread_mutex_unlock(&p->mu);
	for (int i = 0; i < p->nthreads; i++)
		pthread_join(p->th[i], NULL);
	while (p->jobs) {
		struct ocr_job *next = p->jobs->next;

		job_free(p->jobs);
		p->jobs = next;
	}
	engine_free(p->first);
	ocr_dict_free(p->dict);
	pthread_mutex_destroy(&p->mu);
	pthread_cond_destroy(&p->cv);
	free(p->lang);
	free(p);
}

/* Queues pix (the pool owns it from here) and returns its ticket, or
 * -1 when out of memory. */
static int submit(struct ocr_pool *p, PIX *pix, double scale)
{
	struct ocr_job *job = calloc(1, sizeof(*job)), **tail;

	if (!job) {
		pixDestroy(&pix);
		return -1;
	}
	job->pix = pix;
	job->scale = scale;
	pthread_mutex_lock(&p->mu);
	job->ticket = p->next_ticket++;
	for (tail = &p->jobs; *tail; tail = &(*tail)->next)
		;
	*tail = job;
	if (!p->queue)
		p->queue = job;
	pthread_cond_broadcast(&p->cv);
	pthread_mutex_unlock(&p->mu);
	return job->ticket;
}

int ocr_pool_submit(struct ocr_pool *p, const struct tbl_raster *r)
{
	PIX *pix = pix_from_raster(r);

	return pix ? submit(p, pix, r->scale) : -1;
}

static int letters(const char *s)
{
	int n = 0;

	for (; *s; s = g_utf8_next_char(s))
		n += g_unichar_isalpha(g_utf8_get_char(s)) != 0;
	return n;
}

/* A scan says nothing of fonts: a word whose strokes are much wider for
 * its size than the page's usual word's (1.4 times the median; bold
 * runs 1.6-2.3 times, digits up to 1.5) is bold, if it has letters. lines hold job's words
 * in their order. */
static void mark_bold(const struct ocr_job *job, struct doc_line *lines, size_t nlines)
{
	float *ratio = job->nwords >= 20 ? malloc(sizeof(*ratio) * job->nwords * 2) : NULL;
	size_t idx = 0, n = 0;

	if (!ratio)
		return;
	for (size_t i = 0; i < nlines; i++)
		for (size_t k = 0; k < lines[i].nwords && idx < job->nwords; k++, idx++) {
			float size = lines[i].words[k].size;

			ratio[idx] = size > 0 ? job->words[idx].stroke / size : 0;
			if (ratio[idx] > 0)
				ratio[job->nwords + n++] = ratio[idx];
		}
	if (n >= 20) {
		float median;

		qsort(ratio + job->nwords, n, sizeof(*ratio), cmp_float);
		median = ratio[job->nwords + n / 2];
		/* A line is bold as a whole when most of its words of three
		 * letters or more are: its numbers and short words go with
		 * them ("1.1 Amnesty Sverige ..."). */
		idx = 0;
		for (size_t i = 0; i < nlines; i++) {
			int bold = 0, plain = 0;

			for (size_t k = 0; k < lines[i].nwords && idx < job->nwords; k++, idx++)
				if (letters(lines[i].words[k].text) >= 3) {
					if (ratio[idx] > 1.4f * median)
						bold++;
					else
						plain++;
				}
			for (size_t k = 0; bold > plain && k < lines[i].nwords; k++)
				lines[i].words[k].flags |= DOC_WORD_BOLD;
		}
	}
	free(ratio);
}

/* Whether s has a letter whose mark rises above the ascenders. */
static int high_mark(const char *s)
{
	for (; s && *s; s = g_utf8_next_char(s)) {
		gunichar c = g_utf8_get_char(s);

		if (c == 0xE5 || c == 0xC5 || c == 0xC4 || c == 0xD6 || c == 0xC9 || c == 0xDC)
			return 1;
	}
	return 0;
}

/* The words of a read page into lp->lines in doc's arena, split at
 * cell-wide gaps, each line's words sized alike. */
static int to_lines(struct doc *doc, const struct ocr_job *job, struct layout_page *lp)
{
	struct doc_line *lines = NULL;
	size_t nlines = 0, cap = 0;
	int rc = 0;

	for (size_t i = 0; i < job->nwords && rc == 0; i++) {
		const struct ocr_word *ow = &job->words[i];
		struct doc_line *l;
		struct doc_word *w;

		if (ow->line_start || !nlines) {
			if (!(l = ARENA_PUSH(doc->arena, lines, nlines, cap))) {
				rc = EX_ENOMEM;
				break;
			}
			memset(l, 0, sizeof(*l));
			l->words = arena_alloc(doc->arena, sizeof(*l->words) * (job->nwords - i));
			if (!l->words) {
				rc = EX_ENOMEM;
				break;
			}
		}
		l = &lines[nlines - 1];
		w = &l->words[l->nwords++];
		memset(w, 0, sizeof(*w));
		w->text = norm_text(doc->arena, ow->text, strlen(ow->text));
		if (!w->text)
			rc = EX_ENOMEM;
		w->box = ow->box;
		w->conf = ow->conf;
		/* A scan has no font size: the height a word rises above the
		 * line's baseline stands in (set for the whole line below). */
		w->size = ow->rise;
		w->space_after = 1;
	}
	if (rc == 0)
		rc = split_lines(doc->arena, &lines, &nlines);
	for (size_t i = 0; rc == 0 && i < nlines; i++) {
		struct doc_line *l = &lines[i];
		float rise = 0;

		memset(&l->box, 0, sizeof(l->box));
		for (size_t k = 0; k < l->nwords; k++) {
			float r = l->words[k].size;

			l->box = box_union(l->box, l->words[k].box);
			/* å's ring and a capital's accent stand above the
			 * ascenders (8.9 points where "Sekretariatet" rises 7.7):
			 * they would make a line with one look larger. */
			if (high_mark(l->words[k].text))
				r *= 0.865f;
			if (r > rise)
				rise = r;
		}
		/* The tallest rise in a line is a capital's or an ascender's,
		 * about 0.72 of the font size; the whole line shares it. */
		for (size_t k = 0; k < l->nwords; k++)
			l->words[k].size = roundf(rise / 0.72f * 2) / 2;
		if (l->nwords)
			l->words[l->nwords - 1].space_after = 0;
	}
	if (rc == 0)
		mark_bold(job, lines, nlines);
	lp->lines = rc == 0 ? lines : NULL;
	lp->nlines = rc == 0 ? nlines : 0;
	return rc;
}

/* A word folded for comparing: lower case, letters and digits only;
 * NULL when it has fewer than three. */
static gchar *fold(const char *w)
{
	GString *g = g_string_new(NULL);

	for (; *w; w = g_utf8_next_char(w)) {
		gunichar c = g_unichar_tolower(g_utf8_get_char(w));

		if (g_unichar_isalnum(c))
			g_string_append_unichar(g, c);
	}
	if (g_utf8_strlen(g->str, -1) < 3) {
		g_string_free(g, TRUE);
		return NULL;
	}
	return g_string_free(g, FALSE);
}

/* Whether what OCR read agrees with the text layer: 60 % or more of its
 * words (of three letters or more, ten at least) are the layer's too. A
 * layer that looked like garbage but reads as the page does is kept. */
static int agrees(const struct ocr_job *job, const struct layout_page *layer)
{
	GHashTable *seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	size_t words = 0, hits = 0;

	for (size_t i = 0; i < layer->nlines; i++)
		for (size_t k = 0; k < layer->lines[i].nwords; k++) {
			gchar *f = fold(layer->lines[i].words[k].text);

			if (f)
				g_hash_table_add(seen, f);
		}
	for (size_t i = 0; i < job->nwords; i++) {
		gchar *f = fold(job->words[i].text);

		if (!f)
			continue;
		words++;
		hits += g_hash_table_contains(seen, f);
		g_free(f);
	}
	g_hash_table_destroy(seen);
	return words >= 10 && hits * 10 >= words * 6;
}

int ocr_pool_take(struct ocr_pool *p, int ticket, struct doc *doc, int tables,
		  const struct layout_page *layer, struct layout_page *lp, struct doc_page *dp,
		  struct ex_error *err)
{
	struct ocr_job *job, **link;
	int rc = 0;

	pthread_mutex_lock(&p->mu);
	for (link = &p->jobs; *link && (*link)->ticket != ticket; link = &(*link)->next)
		;
	job = *link;
	if (job && p->nthreads > 1)
		while (!job->done)
			pthread_cond_wait(&p->cv, &p->mu);
	if (job) {
		if (p->queue == job)
			p->queue = job->next;
		*link = job->next;
	}
	pthread_mutex_unlock(&p->mu);
	if (!job)
		return EX_FAIL(err, EX_ENOMEM, "out of memory");
	if (!job->done) {
		/* No workers: read it here, with the engine made up front. */
		if (!p->first)
			p->first = engine_new(p->lang);
		if (p->first)
			read_page(p->first, job);
		else
			job->failed = 1;
	}
	if (layer && !job->failed && agrees(job, layer)) {
		job_free(job);
		return 1;
	}
	dp->source = DOC_SRC_OCR;
	if (job->failed && !job->img) {
		doc_warn(doc, lp->page, "ocr", "page %d: recognition failed", lp->page);
		lp->nlines = 0;
		job_free(job);
		return 0;
	}
	if (job->turns) {
		dp->rotation = job->turns * 90;
		lp->width = dp->width = (float)(pixGetWidth(job->img) / job->scale);
		lp->height = dp->height = (float)(pixGetHeight(job->img) / job->scale);
	}
	dp->ocr_skew = job->skew;
	dp->ocr_conf = job->conf;
	if (job->failed)
		doc_warn(doc, lp->page, "ocr", "page %d: recognition failed", lp->page);
	rc = to_lines(doc, job, lp);
	if (rc == 0 && p->dict)
		rc = ocr_fix_page(p->dict, doc, lp);
	if (rc == 0 && job->conf < 0.6f && lp->nlines)
		doc_warn(doc, lp->page, "low_confidence", "page %d: OCR confidence %.0f %%", lp->page,
			 job->conf * 100);
	if (rc == 0 && tables && tbl_page_candidate(lp, NULL)) {
		struct tbl_raster r = { 0 };

		if (!lp->used && !(lp->used = arena_alloc(doc->arena, lp->nlines + 1)))
			rc = EX_ENOMEM;
		else if (table_raster(job->img, job->flat, job->scale, &r) < 0)
			rc = EX_ENOMEM;
		else {
			rc = tbl_find_ruled(doc, lp, &r);
			free((void *)r.data);
			if (rc == 0)
				rc = tbl_find_stream(doc, lp);
			if (rc == 0)
				tbl_sort(doc, lp);
		}
	}
	job_free(job);
	return rc < 0 ? EX_FAIL(err, rc, "out of memory") : 0;
}

/* An image page taken from the pool into the model: OCR, tables and
 * layout. */
static int image_page(struct ocr_pool *pool, int ticket, struct doc *doc, int number, int width,
		      int height, double scale, int tables, struct ex_error *err)
{
	struct layout_page lp = { 0 };
	struct doc_page *dp = doc_add_page(doc);
	int rc;

	if (!dp)
		return EX_FAIL(err, EX_ENOMEM, "out of memory");
	dp->number = number;
	dp->width = (float)(width / scale);
	dp->height = (float)(height / scale);
	dp->ocr_reason = "image";
	lp.page = number;
	lp.width = dp->width;
	lp.height = dp->height;
	rc = ocr_pool_take(pool, ticket, doc, tables, NULL, &lp, dp, err);
	if (rc == 0 && (rc = layout_page_blocks(doc, &lp)) < 0)
		EX_FAIL(err, rc, "out of memory");
	return rc;
}

int ocr_read_image(struct doc *doc, const void *buf, size_t n,
		   const struct doc_read_opts *opts, struct ex_error *err)
{
	struct ocr_pool *pool;
	struct { int ticket, w, h; double scale; } info[16];
	PIX *one = NULL;
	size_t off = 0;
	int tiff, more, first, last, window, broken = 0, rc = 0;

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
	/* A TIFF's pages are read one at a time as they are wanted (a
	 * 300-page scan is gigabytes of pixels); any other image is one. */
	tiff = n >= 4 && (!memcmp(buf, "II*\0", 4) || !memcmp(buf, "MM\0*", 4));
	one = tiff ? pixReadMemFromMultipageTiff(buf, n, &off) : pixReadMem(buf, n);
	if (!one)
		return EX_FAIL(err, EX_EFORMAT, "an image leptonica cannot read (broken or unsupported)");
	more = tiff && off != 0;
	pool = ocr_pool_new(opts, err);
	if (!pool) {
		pixDestroy(&one);
		return err->code;
	}
	/* Pages go to the workers a window ahead of the one taken, and are
	 * taken in page order: the same output whatever the workers. */
	first = opts && opts->first_page > 0 ? opts->first_page - 1 : 0;
	last = opts && opts->last_page > 0 ? opts->last_page : INT_MAX;
	window = 2 * ocr_pool_workers(pool);
	for (int head = first, next = 0; rc == 0;) {
		while (rc == 0 && next < last && next - head < window && (one || more)) {
			PIX *p = one;
			l_int32 xres = 0, yres = 0;

			one = NULL;
			if (!p) {
				p = pixReadMemFromMultipageTiff(buf, n, &off);
				more = off != 0;
				if (!p) {
					broken = next + 1;   /* a broken page ends the file */
					more = 0;
					break;
				}
			}
			if (next++ < first) {
				pixDestroy(&p);
				continue;
			}
			pixGetResolution(p, &xres, &yres);
			if (xres < 50 || xres > 2400)
				xres = 300;   /* an image that does not say: assume a 300 dpi scan */
			info[(next - 1) % 16].scale = xres / 72.0;
			info[(next - 1) % 16].w = pixGetWidth(p);
			info[(next - 1) % 16].h = pixGetHeight(p);
			info[(next - 1) % 16].ticket = submit(pool, p, xres / 72.0);
			if (info[(next - 1) % 16].ticket < 0)
				rc = EX_FAIL(err, EX_ENOMEM, "out of memory");
		}
		if (rc || head >= next)
			break;
		rc = image_page(pool, info[head % 16].ticket, doc, head + 1, info[head % 16].w,
				info[head % 16].h, info[head % 16].scale, !(opts && opts->no_tables), err);
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
	pixDestroy(&one);
	if (rc == 0 && layout_finish(doc) < 0)
		rc = EX_FAIL(err, EX_ENOMEM, "out of memory");
	return rc;
}
