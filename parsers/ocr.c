/* ocr.c: Tesseract, as a service shared by documents; see ocr.h. */
#include "ocr.h"

#include <glib.h>
#include <limits.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dlfcn.h>
#include <unistd.h>
#include <tesseract/capi.h>

#include "../model/norm.h"
#include "numcut.h"
#include "ocrfix.h"
#include "ocrline.h"
#include "scan.h"
#include "tessguard.h"

#define OCR_WORDLIST "/usr/share/dict/swedish"   /* Debian's wswedish */
#define OCR_ENGLISH "/usr/share/dict/american-english"   /* Debian's wamerican */
#define OCR_MAX_WORKERS 8
#define TESS_DATADIR "/usr/share/tesseract-ocr/5/tessdata"   /* Debian 12's libtesseract5 */

enum { OCR_FAILED = 1, OCR_NOMEM = 2 };

/* A word as a worker read it, before it goes into the document's arena
 * (which only the reading thread touches). */
/* Thresholds, and why (lengths in points, or shares as each says). */
#define OCR_SPLIT_GAP 2.0f        /* a gap over this many of the line's median word spaces ... */
#define OCR_SPLIT_HEIGHT 0.8f     /* ... and over this of its words' height splits a line */
#define OCR_SPLIT_PUNCT 1.25f     /* ... times this after a stop or colon in a monospaced font:
				   * a typewriter sets two spaces there ("Närvarande:  Fatima"),
				   * as the text layer's reader allows (PDF_SPLIT_PUNCT) */
#define OCR_HAND_MIN_WORDS 5   /* words a page needs for its print's height to tell strokes by hand */
#define OCR_BOLD_STROKE 1.4f      /* bold: strokes this much wider than the page's median word's
				   * for their size (bold runs 1.6-2.3, digits up to 1.5) */
#define OCR_BOLD_MIN_WORDS 20     /* fewer words than this give no median to go by */
#define OCR_HIGH_MARK 0.865f      /* å's ring and capital accents rise above the ascenders: a
				   * word with one counts this of its rise (7.7 for 8.9 points) */
#define OCR_CAP_HEIGHT 0.72f      /* a capital or ascender rises about this of the font size */
#define OCR_AGREE_WORDS 10        /* a layer is judged against OCR on this many words at least */
#define OCR_AGREE_TENTHS 6        /* ... and agrees when this many tenths of OCR's are its */
#define OCR_LOW_CONF 0.6f         /* a page read under this confidence gets a warning */


/* One page through the pool: queued, recognised by a worker, taken. */
struct ocr_job {
	int ticket;
	struct ocr_service *s;
	struct Pix *pix;    /* the page as submitted; taken by scan_prepare */
	double scale;       /* pixels per point */
	int done;
	int failed;         /* 0, OCR_FAILED, or OCR_NOMEM: memory ran out, the document fails */
	struct scan_page sp;   /* upright, level page and its flattened grey */
	struct page_raster raster;   /* sp for the table finder, made when asked */
	struct Pix *pic;    /* what Tesseract read: sp.flat without its rules (scan_unruled), or NULL:
			     * sp.flat */
	struct Pix *bin;    /* sp.flat binarised (stroke widths), made once when first asked; or NULL */
	struct ocr_word *words;
	size_t nwords;
	float conf;
	int words_left;     /* under the service's word cap: Tesseract's words the page may still read */
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
	X(TessBaseAPISetRectangle) \
	X(TessBaseAPISetVariable) \
	X(TessDeleteText) \
	X(TessMonitorCreate) \
	X(TessMonitorDelete) \
	X(TessMonitorSetCancelFunc) \
	X(TessMonitorSetCancelThis) \
	X(TessPageIteratorBaseline) \
	X(TessPageIteratorBoundingBox) \
	X(TessPageIteratorIsAtBeginningOf) \
	X(TessPageIteratorIsAtFinalElement) \
	X(TessPageIteratorNext) \
	X(TessResultIteratorConfidence) \
	X(TessResultIteratorCopy) \
	X(TessResultIteratorDelete) \
	X(TessResultIteratorGetPageIterator) \
	X(TessResultIteratorGetPageIteratorConst) \
	X(TessResultIteratorGetUTF8Text) \
	X(TessResultIteratorNext) \
	X(TessResultIteratorWordRecognitionLanguage) \
	X(TessVersion)

static struct {
#define TESS_PTR(f) __typeof__(f) *f;
	TESS_FUNCS(TESS_PTR)
#undef TESS_PTR
	void (*omp_set_max_active_levels)(int);   /* libgomp, which it links */
	void *handle;
	char error[200];
	int nomem;          /* it could not be loaded for want of memory */
} tess;
static pthread_once_t tess_once = PTHREAD_ONCE_INIT;

static void tess_load(void)
{
	void *h = dlopen(TESS_SONAME, RTLD_NOW | RTLD_LOCAL);

	if (!h) {
		const char *why = dlerror();

		/* Under a memory limit the loader cannot map it: not a missing package. */
		tess.nomem = why && (strstr(why, "map") || strstr(why, "allocate"));
		if (tess.nomem)
			snprintf(tess.error, sizeof(tess.error), "out of memory loading %s", TESS_SONAME);
		else
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

static char engine_version[64];

static void version_once(void)
{
	snprintf(engine_version, sizeof(engine_version), "tesseract %s", tess.TessVersion());
}

/* The engines a service makes: of all its languages ("swe+eng"), of
 * the first alone ("swe"), of the others alone ("eng"). */
enum engine_kind { ENGINE_ALL, ENGINE_FIRST, ENGINE_REST, ENGINE_KINDS };

struct idle_engines {
	TessBaseAPI **v;         /* engines made and not in use */
	size_t n, cap;
};

struct ocr_service {
	char *lang;
	int no_correct;
	pthread_mutex_t mu;
	struct ocr_dict *dict;   /* Swedish words; NULL: no correction */
	int dict_read;
	char *first_lang;        /* "swe" of "swe+eng"; NULL for one language */
	char *rest_lang;         /* "eng" of "swe+eng"; NULL for one language */
	struct idle_engines idle[ENGINE_KINDS];
	int word_cap;            /* Tesseract's words a page's readings read at most; 0: all */
};

struct ocr_pool {
	struct ocr_service *s;
	struct ocr_service *own;  /* the pool's own service, when opts gave none */
	TessBaseAPI *first;      /* made by the maker as the pool starts; to one reader */
	int made, first_ok;      /* the maker is done; it made first */
	int claimed;             /* a worker has taken (or waits for) first */
	int maker_running;       /* the maker is to be joined */
	pthread_t maker;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	struct ocr_job *jobs;    /* every job not yet taken, in ticket order */
	struct ocr_job *queue;   /* the next job no worker has started */
	int next_ticket, stop, nthreads;
	int eager;               /* workers to make their engines before a page comes */
	pthread_t th[OCR_MAX_WORKERS];
};

/* Engines are made one at a time in the process: Tesseract's Init sets
 * its global parameters (ThreadSanitizer: two documents starting OCR at
 * once wrote them together). Engines are made rarely (they are kept). */
static pthread_mutex_t engine_lock = PTHREAD_MUTEX_INITIALIZER;

static TessBaseAPI *engine_new(const char *lang)
{
	TessBaseAPI *api;

	pthread_mutex_lock(&engine_lock);
	api = tess.TessBaseAPICreate();
	if (api && tg_init(tess.TessBaseAPIInit3, api, lang) != TG_OK) {
		tess.TessBaseAPIDelete(api);
		api = NULL;
	}
	if (api) {
		tess.TessBaseAPISetVariable(api, "debug_file", "/dev/null");
		tess.TessBaseAPISetPageSegMode(api, PSM_AUTO);
	}
	pthread_mutex_unlock(&engine_lock);
	return api;
}

static void engine_free(TessBaseAPI *api)
{
	if (api) {
		pthread_mutex_lock(&engine_lock);
		tess.TessBaseAPIEnd(api);
		tess.TessBaseAPIDelete(api);
		pthread_mutex_unlock(&engine_lock);
	}
}

struct ocr_service *ocr_service_new(const char *lang, int no_correct)
{
	struct ocr_service *s = calloc(1, sizeof(*s));

	if (!s || !(s->lang = strdup(lang ? lang : "swe+eng"))) {
		free(s);
		return NULL;
	}
	s->no_correct = no_correct;
	if (strchr(s->lang, '+') && (!(s->first_lang = strndup(s->lang, strcspn(s->lang, "+"))) ||
				     !(s->rest_lang = strdup(s->lang + strcspn(s->lang, "+") + 1)))) {
		free(s->first_lang);
		free(s->lang);
		free(s);
		return NULL;
	}
	pthread_mutex_init(&s->mu, NULL);
	return s;
}

void ocr_service_cap_words(struct ocr_service *s, int n)
{
	s->word_cap = n > 0 ? n : 0;
}

void ocr_service_free(struct ocr_service *s)
{
	if (!s)
		return;
	for (int k = 0; k < ENGINE_KINDS; k++) {
		for (size_t i = 0; i < s->idle[k].n; i++)
			engine_free(s->idle[k].v[i]);
		free(s->idle[k].v);
	}
	free(s->first_lang);
	free(s->rest_lang);
	ocr_dict_free(s->dict);
	pthread_mutex_destroy(&s->mu);
	free(s->lang);
	free(s);
}

/* Whether every language of "swe+eng" has its traineddata where
 * Tesseract looks ($TESSDATA_PREFIX, else Debian's folder). */
static int lang_installed(const char *langs)
{
	const char *dir = getenv("TESSDATA_PREFIX");
	gchar **each = g_strsplit(langs, "+", -1);
	int ok = 1;

	if (!dir || !*dir)
		dir = TESS_DATADIR;
	for (int i = 0; ok && each[i]; i++) {
		gchar *f = g_strdup_printf("%s/%s.traineddata", dir, each[i]);

		ok = access(f, R_OK) == 0;
		g_free(f);
	}
	g_strfreev(each);
	return ok;
}

/* An engine of kind for one thread's use: one kept from an earlier page
 * or document, or a new one; NULL when the language data is missing
 * (or, for ENGINE_FIRST and ENGINE_REST, the service has one language). */
static TessBaseAPI *engine_take(struct ocr_service *s, enum engine_kind kind)
{
	const char *lang = kind == ENGINE_ALL ? s->lang : kind == ENGINE_FIRST ? s->first_lang : s->rest_lang;
	struct idle_engines *idle = &s->idle[kind];
	TessBaseAPI *api = NULL;

	if (!lang || !*lang)
		return NULL;
	pthread_mutex_lock(&s->mu);
	if (idle->n)
		api = idle->v[--idle->n];
	pthread_mutex_unlock(&s->mu);
	return api ? api : engine_new(lang);
}

static TessBaseAPI *engine_get(struct ocr_service *s)
{
	return engine_take(s, ENGINE_ALL);
}

/* An engine given back, kept for the next page that needs one. */
static void engine_give(struct ocr_service *s, TessBaseAPI *api, enum engine_kind kind)
{
	struct idle_engines *idle = &s->idle[kind];

	if (!api)
		return;
	pthread_mutex_lock(&s->mu);
	if (idle->n == idle->cap) {
		size_t ncap = idle->cap ? 2 * idle->cap : 4;
		TessBaseAPI **v = realloc(idle->v, ncap * sizeof(*v));

		if (v) {
			idle->v = v;
			idle->cap = ncap;
		}
	}
	if (idle->n < idle->cap) {
		idle->v[idle->n++] = api;
		api = NULL;
	}
	pthread_mutex_unlock(&s->mu);
	engine_free(api);   /* no room to keep it */
}

static void engine_put(struct ocr_service *s, TessBaseAPI *api)
{
	engine_give(s, api, ENGINE_ALL);
}

/* The word list, read at the first document that needs it. */
static const struct ocr_dict *service_dict(struct ocr_service *s)
{
	pthread_mutex_lock(&s->mu);
	if (!s->dict_read) {
		const char *path = getenv("EXTRACT_WORDLIST");

		s->dict = ocr_dict_load(path ? path : OCR_WORDLIST, OCR_ENGLISH);
	}
	s->dict_read = 1;
	pthread_mutex_unlock(&s->mu);
	return s->dict;
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
 * does with the text layer, so cells stay apart for tables and layout;
 * a row Tesseract parted is joined first (ocrline_join_rows). */
static int split_lines(struct arena *a, struct doc_line **lines, size_t *nlines)
{
	struct doc_line *out = NULL;
	size_t nout = 0, cap = 0;

	ocrline_join_rows(*lines, nlines);   /* each line's words have room for every word after its first */
	for (size_t i = 0; i < *nlines; i++) {
		struct doc_word *w = (*lines)[i].words;
		size_t n = (*lines)[i].nwords, start = 0;
		float gaps[256], hs[256], median = 0, h;
		unsigned char parts[256] = { 0 };
		int mono, spaced;

		if (numcut_join_comma_groups(a, &(*lines)[i]) < 0)
			return EX_ENOMEM;
		n = (*lines)[i].nwords;
		if (n > sizeof(gaps) / sizeof(gaps[0]))
			n = sizeof(gaps) / sizeof(gaps[0]);
		numcut_line(w, n, parts);   /* numbers set side by side, as the text layer's */
		for (size_t k = 0; k < n; k++)
			hs[k] = w[k].box.y1 - w[k].box.y0;
		qsort(hs, n, sizeof(hs[0]), cmp_float);
		h = n ? hs[n / 2] : 0;
		for (size_t k = 0; k + 1 < n; k++)
			gaps[k] = w[k + 1].box.x0 - w[k].box.x1;
		if (n >= 4) {
			qsort(gaps, n - 1, sizeof(gaps[0]), cmp_float);
			median = gaps[(n - 1) / 4];   /* the lower quartile: a row of evenly set columns has as many column gaps as word spaces */
		}
		mono = ocrline_monospaced(w, n);
		spaced = numcut_spaced_number(w, n, h);
		for (size_t k = 0; k <= n; k++) {
			float gap = k + 1 < n ? w[k + 1].box.x0 - w[k].box.x1 : 0;
			size_t len = k < n ? strlen(w[k].text) : 0;
			float wide = mono && len && strchr(".:!?", w[k].text[len - 1]) ? OCR_SPLIT_PUNCT : 1.0f;
			int cut = k == n || (k + 1 < n && (parts[k] || (h > 0 && (n >= 4 ? gap > OCR_SPLIT_GAP * wide * median &&
										     gap > OCR_SPLIT_HEIGHT * h
									  : !spaced && numcut_short_line_cut(&w[k], gap, h)))));
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

#define OCR_THIN_SPACE 0.18f   /* a thousands space: the digits' pitch widens by this of their height */
#define OCR_MAX_GROUPS 6

/* The boxes of the symbols of the word at it (left, top, right, bottom,
 * pixels), up to max into box, and the word's box into word (NULL: not
 * wanted): how many; 0 when the iterator cannot be copied. */
static int symbol_boxes(const TessResultIterator *it, int (*box)[4], int max, int word[4])
{
	TessResultIterator *c = NULL;
	TessPageIterator *pi;
	int ns = 0;

	if (tg_copy(tess.TessResultIteratorCopy, it, &c) != TG_OK || !c)
		return 0;
	pi = tess.TessResultIteratorGetPageIterator(c);
	if (word)
		tess.TessPageIteratorBoundingBox(pi, RIL_WORD, &word[0], &word[1], &word[2], &word[3]);
	while (ns < max &&
	       tess.TessPageIteratorBoundingBox(pi, RIL_SYMBOL, &box[ns][0], &box[ns][1], &box[ns][2], &box[ns][3])) {
		ns++;
		if (tess.TessPageIteratorIsAtFinalElement(pi, RIL_WORD, RIL_SYMBOL) || !tess.TessPageIteratorNext(pi, RIL_SYMBOL))
			break;
	}
	tess.TessResultIteratorDelete(c);
	return ns;
}

/* Where a number Tesseract read as one word is printed with spaces
 * between its thousands ("8602" for "8 602": a thin space is narrower
 * than Tesseract's word space). The pitch from each digit's middle to the
 * next is read from the symbols' boxes; where it widens by over
 * OCR_THIN_SPACE of the digits' height at every thousands boundary (and
 * nowhere else: tabular figures keep one pitch, so "1999" stays), the
 * number is its groups: their byte lengths in len[], their left and right
 * edges (pixels) in x0[], x1[]. Returns how many groups, 0 when the word
 * stays as read. */
static size_t thousands_groups(const TessResultIterator *it, const char *t, size_t n, size_t *len, int *x0,
			       int *x1)
{
	size_t sign = numcut_minus(t);
	size_t digits = n - sign, ns, off = sign ? 1 : 0, ng = 0;
	int sym[20][4], l[20], r[20], h = 0, boundary = INT_MAX, other = INT_MIN;

	if (digits < 4 || digits > 15 || strspn(t + sign, "0123456789") != digits)
		return 0;
	ns = (size_t)symbol_boxes(it, sym, 20, NULL);
	if (ns != off + digits)
		return 0;
	for (size_t i = 0; i < ns; i++) {
		l[i] = sym[i][0], r[i] = sym[i][2];
		h = sym[i][3] - sym[i][1] > h ? sym[i][3] - sym[i][1] : h;
	}
	for (size_t i = 0; i + 1 < digits; i++) {
		int pitch = (l[off + i + 1] + r[off + i + 1] - l[off + i] - r[off + i]) / 2;

		if ((digits - 1 - i) % 3 == 0)
			boundary = pitch < boundary ? pitch : boundary;
		else
			other = pitch > other ? pitch : other;
	}
	if (other == INT_MIN || boundary - other < (int)(OCR_THIN_SPACE * (float)h))
		return 0;
	for (size_t i = 0, start = 0; i < digits; i++)
		if (i + 1 == digits || (digits - 1 - i) % 3 == 0) {
			len[ng] = i + 1 - start + (ng ? 0 : sign);
			x0[ng] = l[ng ? off + start : 0];
			x1[ng] = r[off + i];
			ng++;
			start = i + 1;
		}
	return ng;
}

#define OCR_PIECES_MAX 64   /* pieces of ink looked at round a number */
#define OCR_SEVEN_DIGITS 15   /* digits of a number looked at for a 1 that is a 7 */
#define OCR_OVERRUN_PIECES 512   /* ... in a word's box that runs on (letters, specks) */

/* The bytes of a dash at t: a minus as numbers take it (numcut_minus:
 * "-", "–", "−") or an em dash "—"; 0 for none. */
static size_t dash(const char *t)
{
	size_t n = numcut_minus(t);

	return n ? n : !strncmp(t, "\xE2\x80\x94", 3) ? 3 : 0;
}

/* The lone flat bar before the first digit of the word at box (pixels)
 * in bin, as ocrline_lost_minus finds it among the pieces of ink round
 * the word (into comp): its index in comp, or -1. */
static int bar_before_digit(struct Pix *bin, const int box[4], int (*comp)[4])
{
	int h = box[3] - box[1];
	const int rect[4] = { box[0] - h, box[1] - h / 4, box[0] + 3 * h, box[3] + h / 4 };

	return ocrline_lost_minus(box, (const int(*)[4])comp, scan_pieces(bin, rect, comp, OCR_PIECES_MAX));
}

/* Whether the ink of the word at it is such a bar (bar_before_digit):
 * Tesseract's boxes of a word's symbols are not always theirs (on a
 * bilevel scan, "~921562" with its sign's box 48 pixels high, over the
 * digit's). */
static int ink_minus(const TessResultIterator *it, struct Pix *bin)
{
	const TessPageIterator *pi = tess.TessResultIteratorGetPageIteratorConst(it);
	int w[4], comp[OCR_PIECES_MAX][4];

	return bin && tess.TessPageIteratorBoundingBox(pi, RIL_WORD, &w[0], &w[1], &w[2], &w[3]) &&
	       bar_before_digit(bin, w, comp) >= 0;
}

/* A minus sign Tesseract misread at the start of a number's word t: as
 * "~" or "=" (ocrline_minus_bar on the symbols' boxes, else
 * ink_minus), or as two dashes ("-—603 358" for
 * "–603 358") that are one bar of ink in bin (ocrline_one_bar). The
 * bytes of t the minus stands for; 0 when t starts with none. */
static size_t minus_sign(const TessResultIterator *it, struct Pix *bin, const char *t)
{
	size_t a = dash(t), b = a ? dash(t + a) : 0, n = (*t == '~' || *t == '=') ? 1 : b ? a + b : 0;
	int box[3][4], k, ok = 0;

	if (!n || t[n] < '0' || t[n] > '9')
		return 0;
	k = symbol_boxes(it, box, b ? 3 : 2, NULL);
	if (!b && k == 2)
		ok = ocrline_minus_bar(box[0], box[1]) || ink_minus(it, bin);
	else if (b && k == 3 && bin) {
		int h = box[2][3] - box[2][1], comp[OCR_PIECES_MAX][4];
		const int rect[4] = { box[0][0] - 2, box[2][1] - h / 4, box[2][0], box[2][3] + h / 4 };

		ok = ocrline_one_bar(box[0], box[1], box[2], (const int(*)[4])comp,
				     scan_pieces(bin, rect, comp, OCR_PIECES_MAX));
	}
	return ok ? n : 0;
}

#define OCR_MARKS_MAX 6   /* marks before a number looked at */

/* The bytes of a mark OCR may make of a rule or a minus before a number
 * at t: a dash (dash()), one of ~ = + # * < > |, or a guillemet; 0 for
 * none. */
static size_t mark(const char *t)
{
	size_t d = dash(t);

	if (d)
		return d;
	if (*t && strchr("~=+#*<>|", *t))
		return 1;
	return !strncmp(t, "\xC2\xAB", 2) || !strncmp(t, "\xC2\xBB", 2) ? 2 : 0;
}

/* Marks Tesseract read before the first digit of the number t that its
 * ink says are a minus (ocrline_marks_minus over the stretch from the
 * word's left to the digit, in bin): their bytes, 0 when t starts with
 * no marks, with a sign as printed (one dash or '+'), or the ink says
 * other (a stretch narrower than half a digit's height says only that
 * the symbols' boxes are not where the ink is). */
static size_t marks_minus(const TessResultIterator *it, struct Pix *bin, const char *t)
{
	size_t p = 0, k = 0, m;
	int box[OCR_MARKS_MAX + 1][4], word[4] = { 0 }, comp[OCR_PIECES_MAX][4];

	while (k < OCR_MARKS_MAX && (m = mark(t + p)))
		p += m, k++;
	if (!k || t[p] < '0' || t[p] > '9' || !bin || (k == 1 && (dash(t) == p || *t == '+')) ||
	    symbol_boxes(it, box, (int)k + 1, word) != (int)k + 1)
		return 0;
	const int *digit = box[k];
	int h = digit[3] - digit[1];
	const int rect[4] = { word[0] - 2, digit[1] - h / 2, digit[0], digit[3] + h / 2 };

	return rect[2] - rect[0] >= h / 2 &&
			       ocrline_marks_minus(rect, digit, (const int(*)[4])comp,
						   scan_pieces(bin, rect, comp, OCR_PIECES_MAX))
		       ? p
		       : 0;
}

/* The digits read '1' in the number t (n bytes: digits after a minus
 * (numcut_minus) or a bracket, a bracket after them as a negative's) whose
 * ink is a 7's (ocrline_seven: the ink under the symbol's box, its top
 * and bottom bands measured in bin): Tesseract's LSTM model reads a 7 of
 * a grey or JPEG scan at 200 dpi as 1 now and then, its top bar plain in
 * the ink. A copy of t with each such 1 a 7 into *out (malloc'd; NULL
 * when none is). -1 when out of memory. */
static int ink_sevens(const TessResultIterator *it, struct Pix *bin, const char *t, size_t n, char **out)
{
	int sym[OCR_SEVEN_DIGITS + 2][4], comp[OCR_PIECES_MAX][4], ns, word[4] = { 0 };
	size_t sign = numcut_minus(t), lead = sign ? sign : n && t[0] == '(', trail = n > lead && t[n - 1] == ')', digits = n - lead - trail;
	size_t np;

	*out = NULL;
	if (!bin || !digits || digits > OCR_SEVEN_DIGITS || strspn(t + lead, "0123456789") != digits ||
	    !memchr(t + lead, '1', digits))
		return 0;
	ns = symbol_boxes(it, sym, OCR_SEVEN_DIGITS + 2, word);
	if ((size_t)ns != (lead != 0) + digits + trail)
		return 0;   /* symbols that are not the bytes */
	const int rect[4] = { word[0] - 2, word[1] - 2, word[2] + 2, word[3] + 2 };

	np = scan_pieces(bin, rect, comp, OCR_PIECES_MAX);
	for (size_t i = lead; i < lead + digits; i++) {
		int q[4], band, top, bot;

		if (t[i] != '1' || ocrline_digit_ink((const int(*)[4])sym, (size_t)ns, i - lead + (lead != 0),
						     (const int(*)[4])comp, np, q) < 0)
			continue;
		band = ocrline_seven_band(q);
		top = scan_row_run(bin, q[0], q[1], q[2], q[1] + band);
		bot = scan_row_run(bin, q[0], q[3] - band, q[2], q[3]);
		if (!ocrline_seven(q, top, bot))
			continue;
		if (!*out && !(*out = strndup(t, n)))
			return -1;
		(*out)[i] = '7';
	}
	return 0;
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

/* Where a walk over Tesseract's words is. */
struct word_walk {
	size_t cap;          /* job->words' room */
	double confsum;
	int baseline;        /* the text line's, in pixels */
	int newline;         /* the next word starts a text line */
	struct Pix *bin;     /* the binarised page, for stroke widths */
};

/* The number just taken (job's last word, t as read) parted into its
 * thousands groups where it is printed so (thousands_groups): each group
 * a word, as the text layer has them. -1 when out of memory. */
static int part_thousands(const TessResultIterator *it, struct ocr_job *job, struct word_walk *ww,
			  const char *t, size_t n)
{
	size_t len[OCR_MAX_GROUPS], ng;
	int x0[OCR_MAX_GROUPS], x1[OCR_MAX_GROUPS];

	if (!(ng = thousands_groups(it, t, n, len, x0, x1)) || ng > OCR_MAX_GROUPS)
		return 0;
	if (job->nwords + ng - 1 > ww->cap) {
		struct ocr_word *nw = realloc(job->words, (ww->cap + ng) * sizeof(*nw));

		if (!nw)
			return -1;
		job->words = nw;
		ww->cap += ng;
	}
	struct ocr_word *first = &job->words[job->nwords - 1];
	char *whole = first->first_read;   /* the word as first read, when mended */
	size_t shift;   /* the bytes of a misread sign the minus stands for, less one */
	int rc = 0;

	if (whole && strlen(whole) < n)
		return 0;   /* (a mending adds no bytes) */
	shift = whole ? strlen(whole) - n : 0;

	for (size_t g = 0, at = 0; g < ng; at += len[g], g++) {
		struct ocr_word *w = first + g;
		char *piece = strndup(t + at, len[g]);

		if (!piece)
			return -1;
		if (g) {
			*w = *first;
			w->line_start = 0;
			job->nwords++;
			ww->confsum += w->conf;
		} else if (w->text != t) {
			free(w->text);
		}
		w->text = piece;
		w->first_read = NULL;
		w->box.x0 = (float)(x0[g] / job->scale);
		w->box.x1 = (float)(x1[g] / job->scale);
	}
	/* a mending is said of the groups it changed, each with the bytes
	 * first read for it ("~51" -> "-51" of "-51 558") */
	for (size_t g = 0, at = 0; whole && g < ng && rc == 0; at += len[g], g++) {
		size_t o0 = g ? at + shift : 0, o1 = at + len[g] + shift;

		if (o1 - o0 != len[g] || memcmp(whole + o0, first[g].text, len[g]) != 0)
			rc = (first[g].first_read = strndup(whole + o0, o1 - o0)) ? 0 : -1;
		else
			first[g].why = NULL;
	}
	free(whole);
	return rc;
}

/* The word w just taken (t as read, *n bytes) mended where its ink says
 * Tesseract misread a number: a minus at its start (minus_sign, else
 * marks_minus), else a 7 read as 1 (ink_sevens; a word whose sign was
 * misread keeps its digits as read). The mended text into *mended and
 * w->text, the reading it replaced kept in w->first_read with the
 * reason, *n its length; *mended NULL when nothing is mended. -1 when
 * out of memory. */
static int mend_number(const TessResultIterator *it, struct Pix *bin, struct ocr_word *w, const char *t,
		       size_t *n, char **mended)
{
	size_t sign = minus_sign(it, bin, t);

	*mended = NULL;
	if (!sign)
		sign = marks_minus(it, bin, t);
	if (sign && (*mended = malloc(*n - sign + 2))) {
		(*mended)[0] = '-';
		memcpy(*mended + 1, t + sign, *n - sign);
		(*mended)[*n - sign + 1] = '\0';
		*n = *n - sign + 1;
		w->why = "minus";
	} else if (!sign && ink_sevens(it, bin, t, *n, mended) < 0) {
		return -1;
	} else if (*mended) {
		w->why = "glyph";
	}
	if (*mended) {
		w->first_read = w->text;
		w->text = *mended;
	}
	return 0;
}

/* The word at it into job, unless it is blank (a table's vertical rule
 * read as a pipe beside a word or alone, a rule or speck read as a
 * blank "word"); -1 when out of memory. */
static int take_word(TessResultIterator *it, struct ocr_job *job, struct word_walk *ww)
{
	const TessPageIterator *pi = tess.TessResultIteratorGetPageIteratorConst(it);
	char *text, *t0, *mended = NULL;
	double scale = job->scale;
	int x0, y0, x1, y1, bx0, by0, bx1, by1, rc;
	struct ocr_word *w;
	size_t tn, at;

	if ((rc = tg_word_text(tess.TessResultIteratorGetUTF8Text, it, RIL_WORD, &text)) != TG_OK)
		return rc == TG_NOMEM ? -1 : 0;
	if (!text)
		return 0;
	if (tess.TessPageIteratorIsAtBeginningOf(pi, RIL_TEXTLINE)) {
		ww->newline = 1;
		if (tess.TessPageIteratorBaseline(pi, RIL_TEXTLINE, &bx0, &by0, &bx1, &by1))
			ww->baseline = (by0 + by1) / 2;
	}
	t0 = text + strspn(text, "| \t\r\n");
	tn = strlen(t0);
	while (tn && strchr("| \t\r\n", t0[tn - 1]))
		tn--;
	if (!tn)
		goto out;
	if (job->nwords == ww->cap) {
		size_t ncap = ww->cap ? 2 * ww->cap : 256;
		struct ocr_word *nw = realloc(job->words, ncap * sizeof(*nw));

		if (!nw) {
			rc = -1;
			goto out;
		}
		job->words = nw;
		ww->cap = ncap;
	}
	tess.TessPageIteratorBoundingBox(pi, RIL_WORD, &x0, &y0, &x1, &y1);
	w = &job->words[job->nwords];
	if (ww->newline && bullet(t0, tn))
		t0 = "•", tn = strlen("•");
	if (!(w->text = strndup(t0, tn))) {
		rc = -1;
		goto out;
	}
	job->nwords++;
	w->box = (struct box){ (float)(x0 / scale), (float)(y0 / scale), (float)(x1 / scale), (float)(y1 / scale) };
	w->conf = tess.TessResultIteratorConfidence(it, RIL_WORD) / 100.0f;
	w->rise = (float)((ww->baseline - y0) / scale);
	w->stroke = (float)(scan_stroke_width(ww->bin, x0, y0, x1, y1) / scale);
	w->inked = scan_inked_rows(ww->bin, x0, y0, x1, y1);
	w->line_start = ww->newline;   /* also after a blank first word */
	w->first_read = NULL;
	w->why = NULL;
	w->other_lang = 0;
	if (job->s && job->s->first_lang) {
		const char *lang = tess.TessResultIteratorWordRecognitionLanguage(it);

		w->other_lang = lang && strcmp(lang, job->s->first_lang) != 0;
	}
	ww->newline = 0;
	ww->confsum += w->conf;
	if (mend_number(it, ww->bin, w, t0, &tn, &mended) < 0) {
		rc = -1;
		goto out;
	}
	at = job->nwords - 1;
	if (part_thousands(it, job, ww, mended ? mended : t0, tn) < 0)
		rc = -1;
	if (mended && job->words[at].text != mended)
		free(mended);   /* parted into its groups, each a copy */
out:
	tess.TessDeleteText(text);
	return rc;
}

/* Counts the words Tesseract's recognition has come to (it asks before
 * each: a line, as its LSTM engine reads lines whole) and stops it past
 * the cap. */
struct word_count {
	int seen, cap;
};

static bool past_cap(void *arg, int words)
{
	struct word_count *c = arg;

	(void)words;   /* (the words found so far, not the ones read) */
	return ++c->seen > c->cap;
}

/* Recognises the picture set in api for job's page: TG_OK, TG_FAIL or
 * TG_NOMEM. Under its service's word cap Tesseract stops when the page's
 * words are spent (all its readings together), the rest of its words
 * left empty, and what it read stands (TG_OK). */
static int recognize_capped(TessBaseAPI *api, struct ocr_job *job)
{
	struct word_count c = { 0, job->words_left > 0 ? job->words_left : 0 };
	ETEXT_DESC *m;
	int rc;

	if (!job->s || job->s->word_cap <= 0)
		return tg_recognize(tess.TessBaseAPIRecognize, api, NULL);
	if (!(m = tess.TessMonitorCreate()))
		return TG_NOMEM;
	tess.TessMonitorSetCancelFunc(m, past_cap);
	tess.TessMonitorSetCancelThis(m, &c);
	rc = tg_recognize(tess.TessBaseAPIRecognize, api, m);
	tess.TessMonitorDelete(m);
	job->words_left -= c.seen > c.cap ? c.cap : c.seen;
	return rc == TG_FAIL && c.seen > c.cap ? TG_OK : rc;
}

/* The page recognised by api: turned upright and level, its background
 * flattened (scan.h); its words into job. Runs in a worker: touches
 * nothing but the job. */
/* Reads job->sp.flat into job->words (from none) and job->conf: 0, or
 * OCR_FAILED when Tesseract fails, OCR_NOMEM when memory runs out (in
 * Tesseract or here). */
/* The job's page binarised, made at the first asking (each pass of the
 * page reads stroke widths off it); NULL when leptonica cannot. */
static struct Pix *job_binary(struct ocr_job *job)
{
	if (!job->bin)
		job->bin = scan_binary(&job->sp);
	return job->bin;
}

static int recognize(TessBaseAPI *api, struct ocr_job *job)
{
	struct word_walk ww = { .newline = 1 };
	TessResultIterator *it = NULL;
	int rc;

	scan_free(job->pic);
	scan_memory_short();
	job->pic = scan_unruled(&job->sp);
	if ((rc = tg_set_image(tess.TessBaseAPISetImage2, api, job->pic ? job->pic : job->sp.flat)) == TG_OK)
		rc = recognize_capped(api, job);
	if (rc == TG_OK)
		rc = tg_iterator(tess.TessBaseAPIGetIterator, api, &it);
	if (rc != TG_OK) {   /* a picture leptonica had no memory for fails Tesseract too */
		tess.TessBaseAPIClear(api);
		return rc == TG_NOMEM || scan_memory_short() ? OCR_NOMEM : OCR_FAILED;
	}
	ww.bin = job_binary(job);
	if (it) {
		int more;

		do {
			if (take_word(it, job, &ww) < 0) {
				rc = OCR_NOMEM;
				break;
			}
			more = tg_next(tess.TessResultIteratorNext, it, RIL_WORD);
			if (more < 0)
				rc = more == TG_NOMEM ? OCR_NOMEM : OCR_FAILED;
		} while (more > 0);
		tess.TessResultIteratorDelete(it);
	}
	tess.TessBaseAPIClear(api);
	job->conf = job->nwords ? (float)(ww.confsum / (double)job->nwords) : 0;
	return rc;
}

static void free_words(struct ocr_word *w, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(w[i].text), free(w[i].first_read);
	free(w);
}

/* A page leptonica turned and Tesseract then read with little confidence
 * is read as it came too, and the surer reading kept: leptonica's count of
 * ascenders and descenders is fooled by text unlike prose (codes, keyboard
 * mash), and an upright page must never be read upside down. */
#define OCR_TURN_SURE 0.80f   /* a turned page read at least this surely is not read again */
static void second_opinion(TessBaseAPI *api, struct ocr_job *job)
{
	struct ocr_word *words = job->words;
	size_t nwords = job->nwords;
	float conf = job->conf;
	struct Pix *img = job->sp.img, *flat = job->sp.flat, *pic = job->pic, *bin = job->bin, *img0, *flat0;

	if (scan_unturned(&job->sp, &img0, &flat0) < 0)
		return;   /* no memory for a second look: the first reading stands */
	job->pic = NULL;
	job->bin = NULL;
	job->words = NULL;
	job->nwords = 0;
	job->sp.img = img0;
	job->sp.flat = flat0;
	if (recognize(api, job) == 0 && job->conf > conf) {
		job->sp.turns = 0;
		free_words(words, nwords);
		scan_free(img);
		scan_free(flat);
		scan_free(pic);
		scan_free(bin);
		return;
	}
	free_words(job->words, job->nwords);
	scan_free(job->pic);
	scan_free(job->bin);
	job->pic = pic;
	job->bin = bin;
	job->words = words;
	job->nwords = nwords;
	job->conf = conf;
	job->sp.img = img;
	job->sp.flat = flat;
	scan_free(img0);
	scan_free(flat0);
}

static int reread_candidate(const struct ocr_dict *d, const struct ocr_job *job, size_t i)
{
	return ocrline_reread_candidate(d, job->words, job->nwords, i);
}

#define OCR_REREAD_MAX 64   /* words read again at once, in one picture */

/* The readings of the n words whose boxes (pixels) are in box, by api
 * (the first language alone): the words cut out and set one under the
 * other in one picture, read at once as a block of lines (one
 * recognition for them all: a word at a time cost 60 ms a word). lines
 * gets a malloc'd reading a word, spaces taken out; 0, or -1 when the
 * picture's lines are not one a word (nothing is then taken). */
static int reread_stack(TessBaseAPI *api, struct ocr_job *job, const int *box, size_t n, char **lines)
{
	struct Pix *pic = scan_stack(job->sp.flat, box, n);
	TessResultIterator *it = NULL;
	size_t got = 0;
	int rc = pic ? tg_set_image(tess.TessBaseAPISetImage2, api, pic) : TG_FAIL;

	if (rc == TG_OK)
		rc = recognize_capped(api, job);
	if (rc == TG_OK)
		rc = tg_iterator(tess.TessBaseAPIGetIterator, api, &it);
	for (int more = it ? 1 : 0; rc == TG_OK && more > 0;
	     more = tg_next(tess.TessResultIteratorNext, it, RIL_TEXTLINE)) {
		char *t = NULL, *q = NULL;

		if (tg_word_text(tess.TessResultIteratorGetUTF8Text, it, RIL_TEXTLINE, &t) != TG_OK || !t)
			break;
		if (got < n && (q = malloc(strlen(t) + 1))) {
			size_t k = 0;

			for (const char *p = t; *p; p++)
				if (!strchr(" \t\r\n", *p))
					q[k++] = *p;
			q[k] = '\0';
		}
		tess.TessDeleteText(t);
		if (!q)
			break;
		lines[got++] = q;
	}
	if (it)
		tess.TessResultIteratorDelete(it);
	tess.TessBaseAPIClear(api);
	scan_free(pic);
	if (got == n)
		return 0;
	for (size_t i = 0; i < got; i++)
		free(lines[i]);
	return -1;
}

/* The boxes (pixels, padded by a fifth of the word's height) of the
 * words i of job that take(d, job, i) takes, OCR_REREAD_MAX at most,
 * into box; their indexes into which. The number taken. */
static size_t reread_boxes(const struct ocr_dict *d, const struct ocr_job *job,
			   int (*take)(const struct ocr_dict *, const struct ocr_job *, size_t), int *box,
			   size_t *which)
{
	int width = 0, height = 0;
	size_t n = 0;

	scan_size(job->sp.flat, &width, &height);
	for (size_t i = 0; i < job->nwords && n < OCR_REREAD_MAX; i++) {
		const struct ocr_word *w = &job->words[i];
		double pad = 0.2 * (w->box.y1 - w->box.y0) * job->scale;
		int x0 = (int)(w->box.x0 * job->scale - pad), y0 = (int)(w->box.y0 * job->scale - pad);
		int x1 = (int)(w->box.x1 * job->scale + pad), y1 = (int)(w->box.y1 * job->scale + pad);

		if (!take(d, job, i))
			continue;
		x0 = x0 < 0 ? 0 : x0, y0 = y0 < 0 ? 0 : y0, x1 = x1 > width ? width : x1, y1 = y1 > height ? height : y1;
		if (x1 - x0 < 4 || y1 - y0 < 4)
			continue;
		box[4 * n] = x0, box[4 * n + 1] = y0, box[4 * n + 2] = x1 - x0, box[4 * n + 3] = y1 - y0;
		which[n++] = i;
	}
	return n;
}

/* The words of job that take(d, job, i) takes (reread_boxes), read
 * again by an engine of kind; each reading that keeps(d, first, again)
 * approves replaces the word, its first reading kept (ocr_corrections,
 * reason why, or "reread" for NULL). */
static void reread_take(const struct ocr_dict *d, struct ocr_job *job, enum engine_kind kind,
			int (*take)(const struct ocr_dict *, const struct ocr_job *, size_t),
			int (*keeps)(const struct ocr_dict *, const char *, const char *), const char *why)
{
	int box[4 * OCR_REREAD_MAX];
	size_t which[OCR_REREAD_MAX], n = reread_boxes(d, job, take, box, which);
	char *lines[OCR_REREAD_MAX];
	TessBaseAPI *api;

	if (!n || !(api = engine_take(job->s, kind)))
		return;
	tess.TessBaseAPISetPageSegMode(api, PSM_SINGLE_BLOCK);
	if (reread_stack(api, job, box, n, lines) == 0)
		for (size_t k = 0; k < n; k++) {
			struct ocr_word *w = &job->words[which[k]];

			if (keeps(d, w->text, lines[k])) {
				w->first_read = w->text;
				w->text = lines[k];
				w->why = why;
			} else {
				free(lines[k]);
			}
		}
	tess.TessBaseAPISetPageSegMode(api, PSM_AUTO);
	engine_give(job->s, api, kind);
}

/* Tesseract runs its languages by turns and keeps to the last that read
 * a word well: after the numbers of a table, "swe+eng" reads on in
 * English, and Swedish words lose their marks ("Rantekanslighet",
 * "Arsavgift", "underhallsplanen"). Each word a later language read that
 * may be such a word is read again by the first language's model alone
 * (reread_stack), and that reading kept when it differs only by Swedish
 * marks and is a Swedish word or a compound of Swedish words; the first
 * reading is kept in first_read (ocr_corrections, reason "reread").
 * Nothing changes without the word list. */
static void reread_words(struct ocr_job *job)
{
	const struct ocr_dict *d = job->s && job->s->first_lang && !job->s->no_correct ? service_dict(job->s) : NULL;

	if (d && job->sp.flat)
		reread_take(d, job, ENGINE_FIRST, reread_candidate, ocr_dict_reread_takes, NULL);
}

static int percent_candidate(const struct ocr_dict *d, const struct ocr_job *job, size_t i)
{
	(void)d;
	return ocrline_percent_place(job->words, job->nwords, i);
}

static int percent_takes(const struct ocr_dict *d, const char *first, const char *again)
{
	(void)d;
	return ocrline_percent_read(first, again);
}

/* A row label's '%' the first language's model read as digits is read
 * again by the other languages' model alone, and taken when that reads
 * '%' there (ocr_corrections, reason "percent"): no '%' is put where no
 * model read one. */
static void reread_percent(struct ocr_job *job)
{
	if (job->s && job->s->rest_lang && job->sp.flat)
		reread_take(NULL, job, ENGINE_REST, percent_candidate, percent_takes, "percent");
}

/* A line Tesseract doubts, read again alone (ocrline.h says when and
 * which reading stays). */
#define OCR_LINE_MAX 40           /* lines read again on a page at most */
#define OCR_LINE_PAD 0.3f         /* a line's box padded by this of its height */

/* The words in rect (x, y, w, h in pixels) of the picture set in api,
 * read anew for job's page, into t (t->words malloc'd, from ww's room);
 * -1 when out of memory, 0 otherwise (none read when Tesseract fails
 * there). */
static int read_rect(TessBaseAPI *api, const int rect[4], struct ocr_job *job, struct ocr_job *t,
		     struct word_walk *ww)
{
	TessResultIterator *it = NULL;
	int rc = 0, more;

	tess.TessBaseAPISetRectangle(api, rect[0], rect[1], rect[2], rect[3]);
	if (recognize_capped(api, job) != TG_OK ||
	    tg_iterator(tess.TessBaseAPIGetIterator, api, &it) != TG_OK || !it)
		return 0;
	ww->newline = 1;
	do {
		if (take_word(it, t, ww) < 0) {
			rc = -1;
			break;
		}
		more = tg_next(tess.TessResultIteratorNext, it, RIL_WORD);
	} while (more > 0);
	tess.TessResultIteratorDelete(it);
	return rc;
}

/* The words of the line a..b-1 of job read again alone into t (t->words
 * malloc'd); -1 when out of memory, 0 otherwise (t may hold none). */
static int read_line(TessBaseAPI *api, struct ocr_job *job, size_t a, size_t b, struct word_walk *ww,
		     struct ocr_job *t)
{
	const struct ocr_word *w = job->words;
	float x0 = w[a].box.x0, y0 = w[a].box.y0, x1 = w[a].box.x1, y1 = w[a].box.y1, pad;
	int width = 0, height = 0, l, tp, r, bt;

	for (size_t i = a + 1; i < b; i++) {
		x0 = fminf(x0, w[i].box.x0), y0 = fminf(y0, w[i].box.y0);
		x1 = fmaxf(x1, w[i].box.x1), y1 = fmaxf(y1, w[i].box.y1);
	}
	pad = OCR_LINE_PAD * (y1 - y0);
	scan_size(job->sp.flat, &width, &height);
	l = (int)((x0 - pad) * job->scale), tp = (int)((y0 - pad) * job->scale);
	r = (int)((x1 + pad) * job->scale), bt = (int)((y1 + pad) * job->scale);
	l = l < 0 ? 0 : l, tp = tp < 0 ? 0 : tp, r = r > width ? width : r, bt = bt > height ? height : bt;
	if (r - l < 8 || bt - tp < 8)
		return 0;
	return read_rect(api, (const int[4]){ l, tp, r - l, bt - tp }, job, t, ww);
}

/* A line read again: its words a..b-1 on the page, its new words. */
struct reread {
	size_t a, b;
	struct ocr_word *words;
	size_t nwords;
};

/* job's words with each line of r[0..n-1] (in page order) given its new
 * words; r's words are taken. -1 when out of memory (job as it was). */
static int splice_lines(struct ocr_job *job, struct reread *r, size_t n)
{
	size_t total = job->nwords, k = 0, m = 0;
	struct ocr_word *out;

	for (size_t i = 0; i < n; i++)
		total += r[i].nwords - (r[i].b - r[i].a);
	if (!(out = malloc((total ? total : 1) * sizeof(*out))))
		return -1;
	for (size_t i = 0; i < job->nwords;) {
		if (k < n && i == r[k].a) {
			for (; i < r[k].b; i++)
				free(job->words[i].text), free(job->words[i].first_read);
			memcpy(out + m, r[k].words, r[k].nwords * sizeof(*out));
			m += r[k].nwords;
			free(r[k].words);
			r[k++].words = NULL;
			continue;
		}
		out[m++] = job->words[i++];
	}
	free(job->words);
	job->words = out;
	job->nwords = m;
	return 0;
}

/* Doubted lines read again (see above); -1 when memory ran out. */
static int reread_lines(TessBaseAPI *api, struct ocr_job *job)
{
	struct word_walk ww = { 0 };
	struct reread r[OCR_LINE_MAX];
	size_t n = 0, tries = 0;
	int rc = 0, set = 0;
	double confsum = 0;

	for (size_t a = 0, b; a < job->nwords && rc == 0 && tries < OCR_LINE_MAX; a = b) {
		struct ocr_job t = { .s = job->s, .scale = job->scale, .sp = job->sp };

		for (b = a + 1; b < job->nwords && !job->words[b].line_start; b++)
			;
		if (!ocrline_doubted(job->words + a, b - a))
			continue;
		tries++;
		if (!set) {
			set = 1;
			ww.bin = job_binary(job);
			if (tg_set_image(tess.TessBaseAPISetImage2, api, job->pic ? job->pic : job->sp.flat) != TG_OK)
				break;
			tess.TessBaseAPISetPageSegMode(api, PSM_SINGLE_LINE);
		}
		ww.cap = 0;
		rc = read_line(api, job, a, b, &ww, &t);
		if (rc == 0 && ocrline_better(job->words + a, b - a, t.words, t.nwords))
			r[n++] = (struct reread){ a, b, t.words, t.nwords };
		else
			free_words(t.words, t.nwords);
	}
	if (set) {
		tess.TessBaseAPISetPageSegMode(api, PSM_AUTO);
		tess.TessBaseAPIClear(api);
	}
	if (rc == 0 && n && splice_lines(job, r, n) < 0)
		rc = -1;
	for (size_t i = 0; i < n; i++)
		free_words(r[i].words, r[i].words ? r[i].nwords : 0);
	for (size_t i = 0; i < job->nwords; i++)
		confsum += job->words[i].conf;
	job->conf = job->nwords ? (float)(confsum / (double)job->nwords) : 0;
	return rc;
}

/* The median height of job's words' boxes (points) into *h; -1 when
 * out of memory. */
static int median_height(const struct ocr_job *job, float *h)
{
	float *hs = malloc((job->nwords ? job->nwords : 1) * sizeof(*hs));

	if (!hs)
		return -1;
	for (size_t i = 0; i < job->nwords; i++)
		hs[i] = job->words[i].box.y1 - job->words[i].box.y0;
	qsort(hs, job->nwords, sizeof(*hs), cmp_float);
	*h = job->nwords ? hs[job->nwords / 2] : 0;
	free(hs);
	return 0;
}

/* Ink no word covers, read again: Tesseract's page layout now and then
 * leaves a whole column out (numbers set far apart on a landscape page
 * once its rules are gone: "2020 692 43 2 235" lost between two columns it
 * read). Each stretch scan_uncovered finds is read alone as a block; its
 * words that are read with OCR_FOUND_CONF at least, hold a letter or a
 * digit, and lie over no word already read join the page's words. */
#define OCR_FOUND_CONF 0.60f
#define OCR_FOUND_MAX 16          /* stretches read again on a page at most */
#define OCR_FOUND_PAD 0.5f        /* a stretch read with this much of a line's height round it */

static int overlaps_read(const struct ocr_job *job, size_t n, const struct box *b)
{
	for (size_t i = 0; i < n; i++) {
		const struct box *p = &job->words[i].box;
		float w = fminf(b->x1, p->x1) - fmaxf(b->x0, p->x0), h = fminf(b->y1, p->y1) - fmaxf(b->y0, p->y0);

		if (w > 0 && h > 0 && w * h > 0.3f * (b->x1 - b->x0) * (b->y1 - b->y0))
			return 1;
	}
	return 0;
}

static int kept_found(const struct ocr_word *w)
{
	for (const char *p = w->text; *p; p = g_utf8_next_char(p))
		if (g_unichar_isalnum(g_utf8_get_char(p)))
			return w->conf >= OCR_FOUND_CONF;
	return 0;
}

/* The end of the line of w[0..n-1] that starts at word i: the next
 * line's first word, or n. */
static size_t line_end(const struct ocr_word *w, size_t n, size_t i)
{
	while (++i < n && !w[i].line_start)
		;
	return i;
}

/* The m found words w (theirs moved, w keeps none) put into job's words
 * at position at: a line of their own at job's end; else, into the line
 * read there, after a word of it, or before its first word when start
 * (which then starts the line no more); -1 when out of memory. */
static int put_found(struct ocr_job *job, struct ocr_word *w, size_t m, size_t at, int start)
{
	struct ocr_word *nw = realloc(job->words, (job->nwords + m) * sizeof(*nw));

	if (!nw)
		return -1;
	job->words = nw;
	memmove(&nw[at + m], &nw[at], (job->nwords - at) * sizeof(*nw));
	memcpy(&nw[at], w, m * sizeof(*nw));
	nw[at].line_start = start;
	if (start && at < job->nwords)
		nw[at + m].line_start = 0;
	job->nwords += m;
	for (size_t k = 0; k < m; k++)
		w[k].text = NULL, w[k].first_read = NULL;
	return 0;
}

/* The words of t worth keeping (kept_found, over no word of job's first
 * *n0, inside the stretch ink they were found in, each line's first
 * marked) added to job's, their boxes cut to it (ocrline_clip_found): a
 * line that joins a line read (ocrline_joins) at its place in it
 * (counted among the *n0 read), the others at job's end unless together
 * they hold too little to be text (ocrline_found_speck); -1 when out of
 * memory. */
static int add_found(struct ocr_job *job, size_t *n0, struct ocr_job *t, const struct box *ink)
{
	size_t nk = 0;
	int start = 1;

	for (size_t i = 0; i < t->nwords; i++) {   /* the words kept, moved to t's front */
		struct ocr_word w = t->words[i];

		start |= w.line_start;
		if (!kept_found(&w) || overlaps_read(job, *n0, &w.box) || !ocrline_clip_found(&w, ink))
			continue;
		t->words[i] = t->words[nk];
		w.line_start = start;
		t->words[nk++] = w;
		start = 0;
	}
	int speck = ocrline_found_speck(t->words, nk);

	for (size_t i = 0, end; i < nk; i = end) {
		int first = 0;
		long at = ocrline_joins(job->words, *n0, &t->words[i], &first);

		end = line_end(t->words, nk, i);
		if (at < 0 && speck)
			continue;   /* a speck's reading: left out (freed with t) */
		if (put_found(job, &t->words[i], end - i, at < 0 ? job->nwords : (size_t)at, at < 0 || first) < 0)
			return -1;
		if (at >= 0)
			*n0 += end - i;
	}
	return 0;
}

/* rect (x, y, w, h) grown by pad pixels on each side, within pic. */
static void pad_rect(int rect[4], int pad, struct Pix *pic)
{
	int width = 0, height = 0, x0, y0, x1, y1;

	scan_size(pic, &width, &height);
	x0 = rect[0] - pad < 0 ? 0 : rect[0] - pad;
	y0 = rect[1] - pad < 0 ? 0 : rect[1] - pad;
	x1 = rect[0] + rect[2] + pad > width ? width : rect[0] + rect[2] + pad;
	y1 = rect[1] + rect[3] + pad > height ? height : rect[1] + rect[3] + pad;
	rect[0] = x0, rect[1] = y0, rect[2] = x1 - x0, rect[3] = y1 - y0;
}

static int read_uncovered(TessBaseAPI *api, struct ocr_job *job)
{
	struct Pix *pic = job->pic ? job->pic : job->sp.flat;
	int *boxes, region[4 * OCR_FOUND_MAX], rc = 0, pad, h;
	float mh;
	size_t n0 = job->nwords, nr;
	struct word_walk ww = { 0 };

	if (!n0 || !pic)
		return 0;
	if (median_height(job, &mh) < 0 || !(boxes = malloc(n0 * 4 * sizeof(*boxes))))
		return -1;
	for (size_t i = 0; i < n0; i++) {
		const struct box *b = &job->words[i].box;

		boxes[4 * i] = (int)(b->x0 * job->scale), boxes[4 * i + 1] = (int)(b->y0 * job->scale);
		boxes[4 * i + 2] = (int)((b->x1 - b->x0) * job->scale) + 1;
		boxes[4 * i + 3] = (int)((b->y1 - b->y0) * job->scale) + 1;
	}
	h = (int)(mh * job->scale) + 1;   /* as the boxes' heights */
	nr = scan_uncovered(pic, boxes, n0, h, region, OCR_FOUND_MAX);
	pad = (int)(OCR_FOUND_PAD * (float)h);
	free(boxes);
	if (!nr || tg_set_image(tess.TessBaseAPISetImage2, api, pic) != TG_OK)
		return 0;
	tess.TessBaseAPISetPageSegMode(api, PSM_SINGLE_BLOCK);
	ww.bin = job_binary(job);
	for (size_t k = 0; k < nr && rc == 0; k++) {
		struct ocr_job t = { .s = job->s, .scale = job->scale, .sp = job->sp };
		int *r = &region[4 * k];
		const struct box ink = { r[0] / job->scale, r[1] / job->scale, (r[0] + r[2]) / job->scale,
					 (r[1] + r[3]) / job->scale };

		ww.cap = 0;
		pad_rect(r, pad, pic);
		rc = read_rect(api, r, job, &t, &ww);
		rc = rc == 0 ? add_found(job, &n0, &t, &ink) : rc;
		free_words(t.words, t.nwords);
	}
	tess.TessBaseAPISetPageSegMode(api, PSM_AUTO);
	tess.TessBaseAPIClear(api);
	return rc;
}

/* Words Tesseract boxed over glyphs of two lines or more, one above the
 * other (ocrline_stacked; only a word over OCR_STACKED_TALL times the
 * page's median word height is looked at): left out, their line's other
 * words kept, so read_uncovered reads their ink again, a line at a time.
 * Such a box drew the numbers of two rows into one line, and a row of
 * the table took the next row's. */
#define OCR_STACKED_TALL 1.5f

static int drop_stacked(struct ocr_job *job)
{
	struct Pix *bin = job_binary(job);
	int comp[OCR_PIECES_MAX][4], h;
	float mh;
	size_t m = 0;

	if (!bin || job->nwords < 3)
		return 0;
	if (median_height(job, &mh) < 0)
		return -1;
	h = (int)(mh * job->scale);
	for (size_t i = 0; i < job->nwords; i++) {
		struct ocr_word *w = &job->words[i];
		const int rect[4] = { (int)(w->box.x0 * job->scale), (int)(w->box.y0 * job->scale),
				      (int)(w->box.x1 * job->scale), (int)(w->box.y1 * job->scale) };

		if (rect[3] - rect[1] > OCR_STACKED_TALL * h &&
		    ocrline_stacked((const int(*)[4])comp, scan_pieces(bin, rect, comp, OCR_PIECES_MAX), h)) {
			if (w->line_start && i + 1 < job->nwords && !job->words[i + 1].line_start)
				job->words[i + 1].line_start = 1;
			free(w->text), free(w->first_read);
			continue;
		}
		job->words[m++] = *w;
	}
	job->nwords = m;
	return 0;
}

/* Whether box a and box b (points) overlap. */
static int overlap(const struct box *a, const struct box *b)
{
	return a->x0 < b->x1 && b->x0 < a->x1 && a->y0 < b->y1 && b->y0 < a->y1;
}

/* Minus signs Tesseract left out ("−594 377" read "594377" on a scan of a
 * groff statement): a number's word with a lone flat bar just before its
 * first digit (ocrline_lost_minus) that no word holds takes a "-" (its
 * reading kept: ocr_corrections, reason "minus"); -1 when out of memory. */
static int lost_minus(struct ocr_job *job)
{
	struct Pix *bin = job_binary(job);
	int comp[OCR_PIECES_MAX][4];

	for (size_t i = 0; bin && i < job->nwords; i++) {
		struct ocr_word *w = &job->words[i];
		const char *t = w->text;
		int box[4] = { (int)(w->box.x0 * job->scale), (int)(w->box.y0 * job->scale),
			       (int)(w->box.x1 * job->scale), (int)(w->box.y1 * job->scale) };
		int h = box[3] - box[1], k;
		char *minus;

		if (w->first_read || t[0] < '0' || t[0] > '9' || strspn(t, "0123456789,.") != strlen(t) || h < 6)
			continue;
		if ((k = bar_before_digit(bin, box, comp)) < 0)
			continue;
		struct box bar = { (float)(comp[k][0] / job->scale), (float)(comp[k][1] / job->scale),
				   (float)(comp[k][2] / job->scale), (float)(comp[k][3] / job->scale) };
		size_t j = 0;

		while (j < job->nwords && (j == i || !overlap(&job->words[j].box, &bar)))
			j++;
		if (j < job->nwords)
			continue;   /* a word holds the bar: read as it is */
		if (!(minus = malloc(strlen(t) + 2)))
			return -1;
		minus[0] = '-';
		strcpy(minus + 1, t);
		w->first_read = w->text;
		w->why = "minus";
		w->text = minus;
	}
	return 0;
}

/* Words whose box runs over the next word of their line
 * (ocrline_overruns) end where their own ink does: at the rightmost
 * piece of ink in the box left of the next word. */
static void cut_overruns(struct ocr_job *job)
{
	struct Pix *bin = job_binary(job);
	int comp[OCR_OVERRUN_PIECES][4];

	for (size_t i = 0; bin && i + 1 < job->nwords; i++) {
		struct ocr_word *w = &job->words[i];

		if (!ocrline_overruns(w, &job->words[i + 1]))
			continue;
		const int rect[4] = { (int)(w->box.x0 * job->scale), (int)(w->box.y0 * job->scale),
				      (int)(job->words[i + 1].box.x0 * job->scale) - 1, (int)(w->box.y1 * job->scale) };
		size_t n = scan_pieces(bin, rect, comp, OCR_OVERRUN_PIECES);
		int right = -1;

		for (size_t k = 0; k < n; k++)
			right = comp[k][2] > right ? comp[k][2] : right;
		if (right > rect[0])
			w->box.x1 = (float)(right / job->scale);
	}
}

static void read_page(TessBaseAPI *api, struct ocr_job *job)
{
	int rc;

	if (scan_prepare(job->pix, job->scale, &job->sp) < 0) {   /* leptonica short of memory */
		job->pix = NULL;
		job->failed = OCR_NOMEM;
		return;
	}
	job->pix = NULL;
	if ((job->failed = recognize(api, job)) != 0)
		return;
	if (job->sp.turns && job->conf < OCR_TURN_SURE)
		second_opinion(api, job);
	rc = reread_lines(api, job);
	cut_overruns(job);
	if (rc == 0)
		rc = drop_stacked(job);
	if (rc == 0)
		rc = read_uncovered(api, job);
	if (rc == 0)
		rc = lost_minus(job);
	scan_free(job->pic);
	scan_free(job->bin);
	job->pic = NULL;
	job->bin = NULL;
	if (rc < 0) {
		job->failed = OCR_NOMEM;
		return;
	}
	reread_words(job);
	reread_percent(job);
}

/* The pool's first engine, made beside the caller (when the pool has
 * workers), which renders the first page meanwhile (loading the
 * language data takes a tenth of a page's time or more). */
static void *make_first(void *arg)
{
	struct ocr_pool *p = arg;
	TessBaseAPI *api = engine_get(p->s);

	pthread_mutex_lock(&p->mu);
	p->first = api;
	p->first_ok = api != NULL;
	p->made = 1;
	pthread_cond_broadcast(&p->cv);
	pthread_mutex_unlock(&p->mu);
	return NULL;
}

/* The pool's first engine once made (NULL if it could not be), taken
 * from the pool. Called locked. */
static TessBaseAPI *claim_first(struct ocr_pool *p)
{
	TessBaseAPI *api;

	while (!p->made)
		pthread_cond_wait(&p->cv, &p->mu);
	api = p->first;
	p->first = NULL;
	return api;
}

/* A worker: an engine borrowed from the service (the pool's first goes
 * to the first worker that wants one) and kept for the rest,
 * made at its first page or, while the pool expects more pages than
 * workers have engines (ocr_pool_expect), at once, so that it is ready
 * when a page comes; pages from the queue until the pool stops. */
static void *worker(void *arg)
{
	struct ocr_pool *p = arg;
	TessBaseAPI *api = NULL;
	int armed = 0;   /* has asked for its engine */

	tess.omp_set_max_active_levels(0);
	for (;;) {
		struct ocr_job *job;

		pthread_mutex_lock(&p->mu);
		while (!p->queue && !p->stop && (armed || p->eager <= 0))
			pthread_cond_wait(&p->cv, &p->mu);
		job = p->queue;
		if (!job && p->stop) {
			pthread_mutex_unlock(&p->mu);
			break;
		}
		if (job)
			p->queue = job->next;
		if (!armed) {
			armed = 1;
			p->eager--;
		}
		if (!api && !p->claimed) {
			p->claimed = 1;
			api = claim_first(p);
		}
		pthread_mutex_unlock(&p->mu);
		if (!api)
			api = engine_get(p->s);
		if (!job)
			continue;
		if (api)
			read_page(api, job);
		else   /* its data loaded for the pool's first engine: memory ran out */
			job->failed = OCR_NOMEM;
		pthread_mutex_lock(&p->mu);
		job->done = 1;
		pthread_cond_broadcast(&p->cv);
		pthread_mutex_unlock(&p->mu);
	}
	engine_put(p->s, api);
	return NULL;
}

struct ocr_pool *ocr_pool_new(const struct doc_read_opts *opts, struct ex_error *err)
{
	int n = opts && opts->ocr_workers > 0 ? opts->ocr_workers : 1;
	struct ocr_pool *p = calloc(1, sizeof(*p));

	if (!p) {
		EX_FAIL(err, EX_ENOMEM, "out of memory");
		return NULL;
	}
	p->s = opts ? opts->ocr_service : NULL;
	if (!p->s && !(p->s = p->own = ocr_service_new(opts ? opts->lang : NULL, opts && opts->no_correct))) {
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
		EX_FAIL(err, tess.nomem ? EX_ENOMEM : EX_EIO, "%s", tess.error);
		ocr_service_free(p->own);
		free(p);
		return NULL;
	}
	tess.omp_set_max_active_levels(0);
	scan_init();
	if (!lang_installed(p->s->lang)) {
		EX_FAIL(err, EX_EIO, "OCR language data \"%s\" is not installed (tesseract-ocr-swe, "
			"tesseract-ocr-eng)", p->s->lang);
		ocr_service_free(p->own);
		free(p);
		return NULL;
	}
	pthread_mutex_init(&p->mu, NULL);
	pthread_cond_init(&p->cv, NULL);
	/* With workers, the first engine is made in a thread of its own;
	 * with one, here: a process of one thread pays less for unmapping
	 * memory than one of two (stop 34: 6 % more CPU a page, 4 % less
	 * wall time). */
	p->maker_running = n > 1 && pthread_create(&p->maker, NULL, make_first, p) == 0;
	if (!p->maker_running)
		make_first(p);
	if (n > OCR_MAX_WORKERS)
		n = OCR_MAX_WORKERS;
	/* With one worker the pages are read in the calling thread. */
	for (int i = 0; n > 1 && i < n; i++)
		p->nthreads += pthread_create(&p->th[p->nthreads], NULL, worker, p) == 0;
	return p;
}

/* Waits for the maker, once. */
static void join_maker(struct ocr_pool *p)
{
	if (p->maker_running) {
		pthread_join(p->maker, NULL);
		p->maker_running = 0;
	}
}

int ocr_pool_ready(struct ocr_pool *p, struct ex_error *err)
{
	join_maker(p);
	if (p->first_ok)
		return 0;
	return EX_FAIL(err, EX_EIO, "OCR language data \"%s\" could not be loaded (a damaged traineddata file, "
		       "or out of memory)", p->s->lang);
}

void ocr_pool_expect(struct ocr_pool *p, int pages)
{
	pthread_mutex_lock(&p->mu);
	p->eager = pages < p->nthreads ? pages : p->nthreads;
	pthread_cond_broadcast(&p->cv);
	pthread_mutex_unlock(&p->mu);
}

int ocr_pool_workers(const struct ocr_pool *p)
{
	return p->nthreads > 1 ? p->nthreads : 1;
}

static void job_free(struct ocr_job *job)
{
	for (size_t i = 0; i < job->nwords; i++)
		free(job->words[i].text), free(job->words[i].first_read);
	free(job->words);
	scan_free(job->pix);
	scan_free(job->pic);
	scan_free(job->bin);
	scan_page_free(&job->sp);
	free((void *)job->raster.data);
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
	join_maker(p);
	while (p->jobs) {
		struct ocr_job *next = p->jobs->next;

		job_free(p->jobs);
		p->jobs = next;
	}
	engine_put(p->s, p->first);
	ocr_service_free(p->own);
	pthread_mutex_destroy(&p->mu);
	pthread_cond_destroy(&p->cv);
	free(p);
}

int ocr_pool_submit_image(struct ocr_pool *p, struct Pix *pix, double scale)
{
	struct ocr_job *job = calloc(1, sizeof(*job)), **tail;

	if (!job) {
		scan_free(pix);
		return -1;
	}
	job->pix = pix;
	job->scale = scale;
	pthread_mutex_lock(&p->mu);
	job->ticket = p->next_ticket++;
	job->s = p->s;
	job->words_left = p->s->word_cap;
	for (tail = &p->jobs; *tail; tail = &(*tail)->next)
		;
	*tail = job;
	if (!p->queue)
		p->queue = job;
	pthread_cond_broadcast(&p->cv);
	pthread_mutex_unlock(&p->mu);
	return job->ticket;
}

int ocr_pool_submit(struct ocr_pool *p, const struct page_raster *r)
{
	struct Pix *pix = scan_from_raster(r);

	return pix ? ocr_pool_submit_image(p, pix, r->scale) : -1;
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
	float *ratio = job->nwords >= OCR_BOLD_MIN_WORDS ? malloc(sizeof(*ratio) * job->nwords * 2) : NULL;
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
	if (n >= OCR_BOLD_MIN_WORDS) {
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
					if (ratio[idx] > OCR_BOLD_STROKE * median)
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

/* A correction of page's word at box said (original as OCR read it,
 * normalised here). */
static int said(struct doc *doc, int page, const char *original, const char *corrected, const char *reason,
		struct box box)
{
	struct doc_correction *c = ARENA_PUSH(doc->arena, doc->corrections, doc->ncorrections, doc->cap_corrections);
	const char *t = c ? norm_text(doc->arena, original, strlen(original)) : NULL;

	if (!t)
		return EX_ENOMEM;
	*c = (struct doc_correction){ .page = page, .original = t, .corrected = corrected, .reason = reason,
				      .box = box };
	return 0;
}

/* The median height of job's words' boxes, points; 0 with fewer than
 * OCR_HAND_MIN_WORDS (a page of a signature and little else: its words
 * say nothing of print's height) or out of memory. */
static float median_word_height(const struct ocr_job *job)
{
	float *h, m;

	if (job->nwords < OCR_HAND_MIN_WORDS || !(h = malloc(sizeof(*h) * job->nwords)))
		return 0;
	for (size_t i = 0; i < job->nwords; i++)
		h[i] = job->words[i].box.y1 - job->words[i].box.y0;
	qsort(h, job->nwords, sizeof(*h), cmp_float);
	m = h[job->nwords / 2];
	free(h);
	return m;
}

/* The segments of lines (split at cell-wide gaps) that are one speck
 * named as a mark (ocrline_speck) left out, said as corrections to
 * nothing (reason "fragment"). */
static int drop_specks(struct doc *doc, int page, struct doc_line *lines, size_t *nlines, float median_h)
{
	size_t k = 0;

	for (size_t i = 0; i < *nlines; i++) {
		const struct doc_word *w = lines[i].words;

		if (lines[i].nwords == 1 && ocrline_speck(w, median_h)) {
			if (said(doc, page, w->text, "", "fragment", w->box) < 0)
				return EX_ENOMEM;
			continue;
		}
		lines[k++] = lines[i];
	}
	*nlines = k;
	return 0;
}

/* The words of a read page into lp->lines in doc's arena, split at
 * cell-wide gaps, each line's words sized alike. A piece of a glyph read
 * apart (ocrline_glyph_piece), a sign standing upright
 * (ocrline_upright_sign) or a segment that is a speck named as a mark
 * (drop_specks) is left out, said as a correction to nothing (reason
 * "fragment"); a word read again is said with its first
 * reading; a word read from strokes by hand (ocrline_by_hand) is
 * flagged DOC_WORD_HAND. */
static int to_lines(struct doc *doc, const struct ocr_job *job, struct layout_page *lp)
{
	struct doc_line *lines = NULL;
	size_t nlines = 0, cap = 0;
	float median_h = median_word_height(job);
	int rc = 0;

	for (size_t i = 0; i < job->nwords && rc == 0; i++) {
		const struct ocr_word *ow = &job->words[i];
		struct doc_line *l;
		struct doc_word *w;

		if (ocrline_glyph_piece(job->words, job->nwords, i, OCR_FOUND_CONF) || ocrline_upright_sign(ow)) {
			rc = said(doc, lp->page, ow->text, "", "fragment", ow->box);
			continue;
		}
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
		if (ocrline_by_hand(ow, median_h))
			w->flags |= DOC_WORD_HAND;
		if (ow->other_lang)
			w->flags |= DOC_WORD_OTHER_LANG;
		if (ow->first_read && rc == 0)
			rc = said(doc, lp->page, ow->first_read, w->text, ow->why ? ow->why : "reread", w->box);
		/* A scan has no font size: the height a word rises above the
		 * line's baseline stands in (set for the whole line below). */
		w->size = ow->rise;
		w->space_after = 1;
	}
	if (rc == 0)
		rc = split_lines(doc->arena, &lines, &nlines);
	if (rc == 0)
		rc = drop_specks(doc, lp->page, lines, &nlines, median_h);
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
				r *= OCR_HIGH_MARK;
			if (r > rise)
				rise = r;
		}
		/* The tallest rise in a line is a capital's or an ascender's,
		 * about 0.72 of the font size; the whole line shares it. */
		for (size_t k = 0; k < l->nwords; k++)
			l->words[k].size = roundf(rise / OCR_CAP_HEIGHT * 2) / 2;
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
	return words >= OCR_AGREE_WORDS && hits * 10 >= words * OCR_AGREE_TENTHS;
}

static size_t layer_words(const struct layout_page *layer)
{
	size_t n = 0;

	for (size_t i = 0; i < layer->nlines; i++)
		n += layer->lines[i].nwords;
	return n;
}

/* How many words of the layer, or of what OCR read, are in the word
 * lists (Swedish, compounds of Swedish words, English); 0 without them. */
static size_t dict_words_layer(const struct ocr_dict *d, const struct layout_page *layer)
{
	size_t n = 0;

	for (size_t i = 0; d && i < layer->nlines; i++)
		for (size_t k = 0; k < layer->lines[i].nwords; k++)
			n += ocr_dict_word(d, layer->lines[i].words[k].text);
	return n;
}

static size_t dict_words_job(const struct ocr_dict *d, const struct ocr_job *job)
{
	size_t n = 0;

	for (size_t i = 0; d && i < job->nwords; i++)
		n += ocr_dict_word(d, job->words[i].text);
	return n;
}

/* Whether a text layer that looked poor (garbage, or little text over
 * pictures) is kept: OCR read the page as it does (agrees), or read no
 * more words of the word lists than it has. A survey's cover whose title
 * OCR read as "ReqimonGgemcnoalmenkaul" keeps its layer; a scan with a
 * stamp (the stamp's few words against a page of them) and a layer of
 * garbage (none) go to OCR, and a layer replaced is said, with both
 * counts. When OCR read nothing the reader keeps the layer (ocr_empty). */
static int keep_layer(struct doc *doc, int page, const struct ocr_dict *d, const struct ocr_job *job,
		      const struct layout_page *layer)
{
	size_t mine, theirs;

	if (job->failed)
		return 0;
	if (agrees(job, layer))
		return 1;
	mine = dict_words_layer(d, layer);
	theirs = dict_words_job(d, job);
	if (d && job->nwords && mine > 0 && mine >= theirs)
		return 1;
	if (layer->nlines)
		doc_warn(doc, page, "layer_replaced", "page %d: its text layer (%zu words, %zu in the word lists) "
			 "was replaced by what OCR read (%zu in the word lists)", page, layer_words(layer), mine, theirs);
	return 0;
}

int ocr_pool_take(struct ocr_pool *p, int ticket, struct doc *doc,
		  const struct layout_page *layer, struct layout_page *lp, struct doc_page *dp,
		  struct ocr_page **page, struct ex_error *err)
{
	const struct ocr_dict *dict;
	struct ocr_job *job, **link;
	int rc = 0, w, h;

	*page = NULL;
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
		return EX_FAIL(err, EX_EUSAGE, "OCR ticket %d was never submitted", ticket);
	if (!job->done) {
		/* No workers: read it here, with the pool's first engine. */
		join_maker(p);
		if (!p->first)
			p->first = engine_get(p->s);
		if (p->first)
			read_page(p->first, job);
		else
			job->failed = OCR_FAILED;
	}
	if (job->failed == OCR_NOMEM) {   /* never a page left short without a word */
		job_free(job);
		return EX_FAIL(err, EX_ENOMEM, "page %d: out of memory in OCR", lp->page);
	}
	dict = service_dict(p->s);
	if (layer && keep_layer(doc, lp->page, dict, job, layer)) {
		job_free(job);
		return 1;
	}
	dp->source = DOC_SRC_OCR;
	if (job->failed && !job->sp.img) {
		doc_warn(doc, lp->page, "ocr", "page %d: recognition failed", lp->page);
		lp->nlines = 0;
		job_free(job);
		return 0;
	}
	if (job->sp.turns) {
		scan_size(job->sp.img, &w, &h);
		dp->rotation = job->sp.turns * 90;
		lp->width = dp->width = (float)(w / job->scale);
		lp->height = dp->height = (float)(h / job->scale);
	}
	dp->ocr_skew = job->sp.skew;
	dp->ocr_conf = job->conf;
	if (job->failed)
		doc_warn(doc, lp->page, "ocr", "page %d: recognition failed", lp->page);
	rc = to_lines(doc, job, lp);
	if (rc == 0 && dict && !p->s->no_correct)
		rc = ocr_fix_page(dict, doc, lp);
	if (rc == 0 && job->conf < OCR_LOW_CONF && lp->nlines)
		doc_warn(doc, lp->page, "low_confidence", "page %d: OCR confidence %.0f %%", lp->page,
			 job->conf * 100);
	if (rc < 0) {
		job_free(job);
		return EX_FAIL_CODE(err, rc);
	}
	*page = (struct ocr_page *)job;
	return 0;
}

const struct page_raster *ocr_page_raster(struct ocr_page *pg)
{
	struct ocr_job *job = (struct ocr_job *)pg;

	if (!job->raster.data && (!job->sp.img || scan_table_raster(&job->sp, &job->raster) < 0))
		return NULL;
	return &job->raster;
}

void ocr_page_free(struct ocr_page *pg)
{
	if (pg)
		job_free((struct ocr_job *)pg);
}

int ocr_page_analyse(struct doc *doc, struct page_input *in, struct ocr_page *pg)
{
	int rc = 0;

	if (page_wants_rules(in) && !(in->raster = ocr_page_raster(pg)))
		rc = EX_ENOMEM;
	if (rc == 0)
		rc = page_analyse(doc, in);
	in->raster = NULL;
	ocr_page_free(pg);
	if (rc == 0 && in->lp.nlines == 0)   /* no page ends empty unsaid */
		doc_warn(doc, in->lp.page, "ocr_blank", "page %d: OCR read no text on it (a blank page, or none it can read)",
			 in->lp.page);
	return rc;
}

const char *ocr_engine_version(void)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;

	pthread_once(&tess_once, tess_load);
	if (!tess.handle)
		return NULL;
	pthread_once(&once, version_once);
	return engine_version;
}
