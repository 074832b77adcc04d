/* scan.c: a scanned page made ready for OCR, and image files decoded,
 * through leptonica; see scan.h. */
#include "scan.h"

#include <limits.h>

#include <leptonica/allheaders.h>
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "tables.h"

/* Thresholds, and why. Sizes in pixels are derived from the scale. */
#define SCAN_BIN_TEXT 160          /* grey level: ink for skew and orientation */
#define SCAN_BIN_STROKE 140        /* grey level: ink for stroke widths (darker) */
#define SCAN_CLOSE_INCH 40.0       /* background closing: 1/40 inch on the page halved
				    * (1/20 inch on the page), wider than any stroke of
				    * body text */
#define SCAN_BG_DARKEST 60         /* a background darker than this is a dark fill or a
				    * large glyph: left as it is */
#define SCAN_SKEW_MAX_DEG 7.0f     /* skew searched within this, either way */
#define SCAN_SKEW_MIN_DEG 0.1f     /* under this a page is level */
#define SCAN_SKEW_CONF 3.0f        /* leptonica's confidence needed to level a page */
#define SCAN_ORIENT_DPI 250        /* above this the page is halved for orientation
				    * (leptonica's counts want about 150 dpi) */
#define SCAN_MAX_PIXELS 300e6      /* an image file larger than this is refused */
#define SCAN_MAX_SIDE 40000        /* ... and one wider or higher */
#define SCAN_RULE_INCH 0.4         /* ink running straight this far across or down is a rule
				    * (no letter of text is so long; a 36-point capital I is
				    * 0.35 inch) */
#define SCAN_BIN_RULE 220          /* grey level: ink of a rule, its light edge too */
#define SCAN_RULE_EDGE 5           /* a rule whitened this square round each of its pixels */
#define SCAN_DEFAULT_DPI 300       /* an image file that does not say */
#define SCAN_TINTED_INK 170        /* a coloured pixel whose brightest channel is under
				    * this share of 255 of its surroundings' is ink: a
				    * rule beside a fill takes the fill's hue (JPEG keeps
				    * colour at half the resolution, and blur mixes them),
				    * a red fill is as dark as grey ink but is its own
				    * brightness, a rule over it some 0.6 of it */

/* Whether leptonica said, in this thread, that memory it asked for was
 * not there (Tesseract then fails as if the page were bad). */
static __thread int short_of_memory;

/* Leptonica's errors are not printed; one that an allocation failed
 * ("pixdata_malloc fail for data", "failed to allocate pixd",
 * "reallocation of data failed") is kept for scan_memory_short. */
static void lept_error(const char *msg)
{
	if (strstr(msg, "alloc") && strstr(msg, "fail"))
		short_of_memory = 1;
}

static void quiet(void)
{
	setMsgSeverity(L_SEVERITY_ERROR);
	leptSetStderrHandler(lept_error);
}

int scan_memory_short(void)
{
	int was = short_of_memory;

	short_of_memory = 0;
	return was;
}

void scan_init(void)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;

	pthread_once(&once, quiet);
}

/* cairo's ARGB32 (0xAARRGGBB) into a 32-bit leptonica image
 * (0xRRGGBB00). */
struct Pix *scan_from_raster(const struct page_raster *r)
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

struct Pix *scan_coded_page(const unsigned char *data, size_t n, int jpx, double max_pixels,
			    const double box[4], double width, double height, double scale, int *factor)
{
	l_int32 w = 0, h = 0, spp, ycck, cmyk, bps, codec, warn = 0;
	int pw = (int)ceil(width * scale), ph = (int)ceil(height * scale);
	int x0 = (int)floor(box[0] * scale), y0 = (int)floor(box[1] * scale);
	int bw = (int)ceil((box[2] - box[0]) * scale), bh = (int)ceil((box[3] - box[1]) * scale);
	PIX *img, *fit, *page = NULL;

	if ((jpx ? readHeaderMemJp2k(data, n, &w, &h, &bps, &spp, &codec)
		 : readHeaderMemJpeg(data, n, &w, &h, &spp, &ycck, &cmyk)) != 0 ||
	    w <= 0 || h <= 0 || bw <= 0 || bh <= 0 || pw <= 0 || ph <= 0)
		return NULL;
	for (*factor = 2; *factor <= 8 && (double)(w / *factor) * (double)(h / *factor) > max_pixels; *factor *= 2)
		;
	if (*factor > 8)
		return NULL;
	img = jpx ? pixReadMemJp2k(data, n, (l_uint32)*factor, NULL, 0, 0)
		  : pixReadMemJpeg(data, n, 0, *factor, &warn, 0);
	if (!img)
		return NULL;
	fit = pixScaleToSize(img, bw, bh);
	pixDestroy(&img);
	if (fit && (page = pixCreate(pw, ph, pixGetDepth(fit)))) {
		pixSetAll(page);   /* white */
		pixRasterop(page, x0, y0, bw, bh, PIX_SRC, fit, 0, 0);
		pixSetResolution(page, (l_int32)(scale * 72 + 0.5), (l_int32)(scale * 72 + 0.5));
	}
	pixDestroy(&fit);
	return page;
}

/* The page with its background flattened to white: coloured table
 * cells (a rating's green or red is mid-grey in a scan) otherwise read to
 * Tesseract as pictures, and their text is lost. The background is the
 * page closed with a square of 1/20 inch, wider than any stroke of body
 * text (so it keeps a cell's edge sharp, where a tiled estimate smears
 * it); each pixel is divided by it. Where the closing stays darker than
 * SCAN_BG_DARKEST (a large dark glyph, white text on a dark fill) the
 * page is left as it is. NULL when leptonica cannot (then the page goes
 * as it is). */
/* The background of a grey page at half its size: the closing is taken
 * on the page halved (each pixel the lightest of four, so thin strokes do
 * not darken it), in a quarter of the time; doubled back it moves by a
 * pixel at most. */
static PIX *background_half(PIX *p, double scale)
{
	int k = (int)(scale * 72 / SCAN_CLOSE_INCH) | 1;
	PIX *half = pixScaleGrayMinMax(p, 2, 2, L_CHOOSE_MAX), *small;

	if (!half)
		return NULL;
	small = pixCloseGray(half, k < 3 ? 3 : k, k < 3 ? 3 : k);
	pixDestroy(&half);
	return small;
}

static PIX *flatten(PIX *p, double scale)
{
	PIX *small = background_half(p, scale), *bg, *out;
	l_uint32 *od, *bd;
	int w, h, wpl, bwpl;

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
			if (b >= SCAN_BG_DARKEST && b < 255) {
				int v = GET_DATA_BYTE(ol, x) * 255 / b;

				SET_DATA_BYTE(ol, x, v > 255 ? 255 : v);
			}
		}
	}
	pixDestroy(&bg);
	return out;
}

int scan_table_raster(const struct scan_page *sp, struct page_raster *r)
{
	PIX *img = sp->img, *flat = sp->flat, *val = NULL, *bg = NULL;
	int colour = pixGetDepth(img) == 32;
	int w = pixGetWidth(flat), h = pixGetHeight(flat), fwpl = pixGetWpl(flat);
	int cwpl = colour ? pixGetWpl(img) : 0, bwpl = 0, bw = 0, bh = 0;
	l_uint32 *fd = pixGetData(flat), *cd = colour ? pixGetData(img) : NULL, *bd = NULL;
	uint32_t *out = NULL;

	/* A coloured pixel's brightest channel against its surroundings'. */
	if (colour && (!(val = pixConvertRGBToGrayMinMax(img, L_CHOOSE_MAX)) ||
		       !(bg = background_half(val, sp->scale))))
		goto out;
	if (bg) {
		bd = pixGetData(bg);
		bwpl = pixGetWpl(bg);
		bw = pixGetWidth(bg);
		bh = pixGetHeight(bg);
	}
	if (!(out = malloc(sizeof(*out) * (size_t)w * (size_t)h)))
		goto out;
	for (int y = 0; y < h; y++) {
		const l_uint32 *fl = fd + (size_t)y * (size_t)fwpl;
		const l_uint32 *cl = cd ? cd + (size_t)y * (size_t)cwpl : NULL;
		const l_uint32 *bl = bd ? bd + (size_t)L_MIN(y >> 1, bh - 1) * (size_t)bwpl : NULL;
		uint32_t *o = out + (size_t)y * (size_t)w;

		for (int x = 0; x < w; x++) {
			uint32_t g = GET_DATA_BYTE(fl, x), c = cl ? cl[x] >> 8 : 0;

			if (cl && tbl_coloured(c)) {
				int v = L_MAX(c >> 16, L_MAX(c >> 8 & 0xFF, c & 0xFF));
				int b = GET_DATA_BYTE(bl, L_MIN(x >> 1, bw - 1));

				if (b < SCAN_BG_DARKEST)
					b = 255;   /* a dark background: the pixel as it is */
				v = v * 255 / L_MAX(b, 1);
				if (v < SCAN_TINTED_INK)   /* a rule or a letter tinted by a fill */
					c = (uint32_t)v << 16 | (uint32_t)v << 8 | (uint32_t)v;
				o[x] = 0xFF000000u | c;
			} else {
				o[x] = 0xFF000000u | g << 16 | g << 8 | g;
			}
		}
	}
out:
	pixDestroy(&val);
	pixDestroy(&bg);
	if (!out)
		return -1;
	*r = (struct page_raster){ .data = (const unsigned char *)out, .width = w, .height = h,
				   .stride = w * 4, .scale = sp->scale };
	return 0;
}

/* The angle in degrees to turn the page by to level its lines (a page
 * fed askew): found on the binarised page reduced 2x within
 * SCAN_SKEW_MAX_DEG, kept when leptonica is confident and it is over
 * SCAN_SKEW_MIN_DEG. 0: the page is level. Ink touching the page's edge
 * is left out: a copier's dark border is level whatever the page
 * under it (a page fed 0.77 degrees askew was found level, at -0.03). */
static float skew_of(PIX *grey)
{
	l_float32 angle = 0, conf = 0;
	PIX *ink = pixConvertTo1(grey, SCAN_BIN_TEXT), *b = ink ? pixRemoveBorderConnComps(ink, 8) : NULL;
	int ok;

	pixDestroy(&ink);
	if (!b)
		return 0;
	ok = pixFindSkewSweepAndSearch(b, &angle, &conf, 2, 2, SCAN_SKEW_MAX_DEG, 1.0f, 0.01f) == 0 &&
	     conf >= SCAN_SKEW_CONF && fabsf(angle) >= SCAN_SKEW_MIN_DEG && fabsf(angle) <= SCAN_SKEW_MAX_DEG;
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
	PIX *b = pixConvertTo1(grey, SCAN_BIN_TEXT), *r;

	if (!b)
		return 0;
	r = scale * 72 >= SCAN_ORIENT_DPI ? pixReduceRankBinary2(b, 1, NULL) : pixClone(b);
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

/* The box (x0, y0)-(x1, y1) cut to the page b (which is there). */
static void clip_box(PIX *b, int *x0, int *y0, int *x1, int *y1)
{
	*x0 = L_MAX(*x0, 0), *y0 = L_MAX(*y0, 0);
	*x1 = L_MIN(*x1, pixGetWidth(b)), *y1 = L_MIN(*y1, pixGetHeight(b));
}

/* The pixels of row y of the binary page b. */
static const l_uint32 *row_of(PIX *b, int y)
{
	return pixGetData(b) + (size_t)y * (size_t)pixGetWpl(b);
}

float scan_stroke_width(struct Pix *b, int x0, int y0, int x1, int y1)
{
	long ink = 0, runs = 0;

	if (!b)
		return 0;
	clip_box(b, &x0, &y0, &x1, &y1);
	for (int y = y0; y < y1; y++) {
		const l_uint32 *line = row_of(b, y);
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

int scan_row_run(struct Pix *b, int x0, int y0, int x1, int y1)
{
	int best = 0;

	if (!b)
		return 0;
	clip_box(b, &x0, &y0, &x1, &y1);
	for (int y = y0; y < y1; y++) {
		const l_uint32 *line = row_of(b, y);

		for (int x = x0, run = 0; x < x1; x++) {
			run = GET_DATA_BIT(line, x) ? run + 1 : 0;
			best = L_MAX(best, run);
		}
	}
	return best;
}

#define SCAN_RULE_COLUMN 0.9   /* a column inked in this share of a box's rows is a rule's */

float scan_inked_rows(struct Pix *b, int x0, int y0, int x1, int y1)
{
	l_uint32 *data;
	int wpl, rows = 0, *col;

	if (!b)
		return 0;
	clip_box(b, &x0, &y0, &x1, &y1);
	if (y1 <= y0 || x1 <= x0 || !(col = calloc((size_t)(x1 - x0), sizeof(*col))))
		return 0;
	data = pixGetData(b);
	wpl = pixGetWpl(b);
	for (int y = y0; y < y1; y++)
		for (int x = x0; x < x1; x++)
			col[x - x0] += GET_DATA_BIT(data + (size_t)y * (size_t)wpl, x) != 0;
	for (int x = x0; x < x1; x++)   /* a rule down the box, or its edge, is no writing */
		col[x - x0] = col[x - x0] < SCAN_RULE_COLUMN * (y1 - y0);
	for (int y = y0; y < y1; y++) {
		const l_uint32 *line = data + (size_t)y * (size_t)wpl;
		int x = x0;

		while (x < x1 && !(col[x - x0] && GET_DATA_BIT(line, x)))
			x++;
		rows += x < x1;
	}
	free(col);
	return (float)rows / (float)(y1 - y0);
}

struct Pix *scan_binary(const struct scan_page *sp)
{
	return sp->flat ? pixConvertTo1(sp->flat, SCAN_BIN_STROKE) : NULL;
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

int scan_prepare(struct Pix *pix, double scale, struct scan_page *out)
{
	PIX *img = pix, *grey;
	float angle;

	memset(out, 0, sizeof(*out));
	out->scale = scale;
	if (!(grey = pixConvertTo8(img, 0)))
		goto fail;
	out->turns = quarter_turns(grey, scale);
	/* Turned back by the rest of a full turn. */
	if (out->turns && turned(&img, &grey, pixRotateOrth(img, 4 - out->turns)) < 0)
		goto fail;
	angle = skew_of(grey);
	if (angle != 0 && turned(&img, &grey, pixRotate(img, (l_float32)(angle * M_PI / 180),
							 L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, 0, 0)) < 0)
		goto fail;
	out->skew = angle;
	out->flat = flatten(grey, scale);
	if (out->flat)
		pixDestroy(&grey);
	else
		out->flat = grey;
	out->img = img;
	return 0;
fail:
	pixDestroy(&img);
	pixDestroy(&grey);
	return -1;
}

int scan_unturned(const struct scan_page *sp, struct Pix **img, struct Pix **flat)
{
	*img = pixRotateOrth(sp->img, sp->turns);
	*flat = pixRotateOrth(sp->flat, sp->turns);
	if (*img && *flat)
		return 0;
	pixDestroy(img);
	pixDestroy(flat);
	return -1;
}

struct Pix *scan_unruled(const struct scan_page *sp)
{
	int len = (int)(sp->scale * 72 * SCAN_RULE_INCH);
	PIX *b = sp->flat ? pixConvertTo1(sp->flat, SCAN_BIN_RULE) : NULL, *across = NULL, *down = NULL, *out = NULL;
	l_int32 empty = 1;

	if (!b || len < 8)
		goto out;
	across = pixOpenCompBrick(NULL, b, len, 1);
	down = across ? pixOpenCompBrick(NULL, b, 1, len) : NULL;
	if (!down || !pixOr(across, across, down) || pixZero(across, &empty) != 0 || empty)
		goto out;
	/* a pixel round the rule too: its grey edge, lighter than the
	 * threshold, would stay as a faint line */
	if (pixDilateBrick(down, across, SCAN_RULE_EDGE, SCAN_RULE_EDGE) && (out = pixCopy(NULL, sp->flat)) &&
	    pixSetMasked(out, down, 0xFFFFFFFF) != 0)
		pixDestroy(&out);
out:
	pixDestroy(&b);
	pixDestroy(&across);
	pixDestroy(&down);
	return out;
}

long scan_ink(struct Pix *pic, int x0, int y0, int x1, int y1)
{
	PIX *b = pic ? pixConvertTo1(pic, SCAN_BIN_TEXT) : NULL;
	BOX *bx = b ? boxCreate(x0, y0, x1 - x0, y1 - y0) : NULL;
	l_int32 count = -1;

	if (bx && pixCountPixelsInRect(b, bx, &count, NULL) != 0)
		count = -1;
	boxDestroy(&bx);
	pixDestroy(&b);
	return count;
}

/* Thresholds of ink no word covers (scan_uncovered), shares of the
 * page's median word height. */
#define SCAN_LOST_MIN 0.5f         /* a glyph is at least this high ... */
#define SCAN_LOST_MAX 2.0f         /* ... and at most this (a picture, a rule is none) */
#define SCAN_LOST_PAD 0.25f        /* a word's box padded by this */

#define SCAN_LOST_GLYPHS 4000      /* glyph boxes looked at on a page at most */

/* Whether boxes a and b (x, y, w, h) come within dx across and dy down
 * of each other. */
static int near_box(const l_int32 *a, const l_int32 *b, int dx, int dy)
{
	return a[0] - dx < b[0] + b[2] && b[0] - dx < a[0] + a[2] && a[1] - dy < b[1] + b[3] && b[1] - dy < a[1] + a[3];
}

static void merge_box(l_int32 *a, const l_int32 *b)
{
	l_int32 x1 = L_MAX(a[0] + a[2], b[0] + b[2]), y1 = L_MAX(a[1] + a[3], b[1] + b[3]);

	a[0] = L_MIN(a[0], b[0]), a[1] = L_MIN(a[1], b[1]);
	a[2] = x1 - a[0], a[3] = y1 - a[1];
}

size_t scan_uncovered(struct Pix *pic, const int *boxes, size_t nboxes, int h, int *out, size_t max)
{
	PIX *b = pic ? pixConvertTo1(pic, SCAN_BIN_TEXT) : NULL;
	BOXA *ba = NULL;
	l_int32 (*g)[4] = NULL;
	size_t n = 0, ng = 0;
	int pad = (int)(SCAN_LOST_PAD * (float)h);

	if (!b || h < 4)
		goto out;
	for (size_t i = 0; i < nboxes; i++) {
		BOX *bx = boxCreate(boxes[4 * i] - pad, boxes[4 * i + 1] - pad, boxes[4 * i + 2] + 2 * pad,
				    boxes[4 * i + 3] + 2 * pad);

		if (bx)
			pixClearInRect(b, bx);
		boxDestroy(&bx);
	}
	/* glyphs: components of a letter's height; a speck, a rule, a
	 * picture are none */
	if (!(ba = pixConnCompBB(b, 8)) || !(g = malloc(SCAN_LOST_GLYPHS * sizeof(*g))))
		goto out;
	for (l_int32 i = 0; i < boxaGetCount(ba) && ng < SCAN_LOST_GLYPHS; i++) {
		l_int32 *q = g[ng];

		if (boxaGetBoxGeometry(ba, i, &q[0], &q[1], &q[2], &q[3]) == 0 &&
		    q[3] >= (l_int32)(SCAN_LOST_MIN * (float)h) && q[3] <= (l_int32)(SCAN_LOST_MAX * (float)h))
			ng++;
	}
	/* glyphs a word space or a line apart make one stretch of text:
	 * each merged into the first stretch it comes near, until none
	 * moves */
	for (int moved = 1; moved;) {
		moved = 0;
		for (size_t i = 0; i < ng; i++)
			for (size_t k = i + 1; k < ng; k++)
				if (near_box(g[i], g[k], 2 * h, 3 * h / 2)) {
					merge_box(g[i], g[k]);
					memcpy(g[k], g[--ng], sizeof(g[k]));
					k = i, moved = 1;
				}
	}
	for (size_t i = 0; i < ng && n < max; i++, n++)
		out[4 * n] = g[i][0], out[4 * n + 1] = g[i][1], out[4 * n + 2] = g[i][2], out[4 * n + 3] = g[i][3];
out:
	free(g);
	boxaDestroy(&ba);
	pixDestroy(&b);
	return n;
}

#define SCAN_LEAD_FLAT 0.25f   /* a piece's first columns this flat (of its height) ... */
#define SCAN_LEAD_WIDE 0.25f   /* ... and this wide: a bar touching what follows */

/* How many of the first columns of the piece (x, y, w, h) of b hold ink
 * in one thin band (a minus touching the digit after it): *top and *bot
 * get the band's rows. */
static int flat_lead(PIX *b, l_int32 x, l_int32 y, l_int32 w, l_int32 h, int *top, int *bot)
{
	l_uint32 *data = pixGetData(b);
	int wpl = pixGetWpl(b), n = 0;

	*top = INT_MAX, *bot = -1;
	for (; n < w; n++) {
		int t = -1, u = -1;

		for (int r = y; r < y + h; r++)
			if (GET_DATA_BIT(data + (size_t)r * (size_t)wpl, x + n)) {
				t = t < 0 ? r : t;
				u = r;
			}
		if (t < 0 || u - t + 1 > (int)(SCAN_LEAD_FLAT * (float)h))
			break;
		*top = L_MIN(*top, t), *bot = L_MAX(*bot, u);
	}
	return n;
}

size_t scan_pieces(struct Pix *bin, const int rect[4], int (*out)[4], size_t max)
{
	int x0 = L_MAX(rect[0], 0), y0 = L_MAX(rect[1], 0);
	BOX *bx = bin ? boxCreate(x0, y0, rect[2] - x0, rect[3] - y0) : NULL;
	PIX *clip = bx ? pixClipRectangle(bin, bx, NULL) : NULL;
	BOXA *ba = clip ? pixConnCompBB(clip, 8) : NULL;
	size_t n = 0;

	for (l_int32 i = 0; ba && i < boxaGetCount(ba) && n < max; i++) {
		l_int32 x, y, w, h;
		int lead, top, bot;

		if (boxaGetBoxGeometry(ba, i, &x, &y, &w, &h) != 0)
			continue;
		/* a flat bar run into the tall ink after it: two pieces */
		lead = flat_lead(clip, x, y, w, h, &top, &bot);
		if (lead > 0 && lead >= (int)(SCAN_LEAD_WIDE * (float)h) && lead < w && n + 1 < max) {
			out[n][0] = x0 + x, out[n][1] = y0 + top, out[n][2] = x0 + x + lead, out[n][3] = y0 + bot + 1;
			n++;
			x += lead, w -= lead;
		}
		out[n][0] = x0 + x, out[n][1] = y0 + y, out[n][2] = x0 + x + w, out[n][3] = y0 + y + h;
		n++;
	}
	boxaDestroy(&ba);
	pixDestroy(&clip);
	boxDestroy(&bx);
	return n;
}

void scan_page_free(struct scan_page *sp)
{
	pixDestroy(&sp->img);
	pixDestroy(&sp->flat);
}

void scan_free(struct Pix *pix)
{
	pixDestroy(&pix);
}

void scan_size(struct Pix *pix, int *width, int *height)
{
	*width = pixGetWidth(pix);
	*height = pixGetHeight(pix);
}

/* Whether n bytes can be had now: leptonica says only "failed" when an
 * image that its header says is sound will not decode, so the memory it
 * needs is asked for once to tell memory run out from a broken file. */
static int probe_alloc(size_t n)
{
	void *p = malloc(n);

	free(p);
	return p != NULL;
}

static int too_large(int w, int h)
{
	return (double)w * h > SCAN_MAX_PIXELS || w > SCAN_MAX_SIDE || h > SCAN_MAX_SIDE;
}

static uint32_t tiff_u(const unsigned char *p, int big_endian, int bytes)
{
	uint32_t v = 0;

	for (int i = 0; i < bytes; i++)
		v |= (uint32_t)p[big_endian ? i : bytes - 1 - i] << (8 * (bytes - 1 - i));
	return v;
}

/* A TIFF's page count (libtiff's, through leptonica), and whether its
 * chain of page directories runs past the end of the file (*cut: a file
 * cut short after its last whole page). Only the chain's links are read
 * here: a directory's entry count and its link to the next. */
static int tiff_pages(const void *buf, size_t n, int *cut)
{
	const unsigned char *b = buf;
	FILE *fp = fmemopen((void *)buf, n, "rb");
	l_int32 count = 0;
	int big = n >= 2 && b[0] == 'M';
	uint64_t off = n >= 8 ? tiff_u(b + 4, big, 4) : 0;

	if (fp) {
		tiffGetCount(fp, &count);
		fclose(fp);
	}
	*cut = 0;
	for (int k = 0; off && k <= count; k++) {   /* count links are whole; one more is the cut */
		if (off + 2 > n || off + 2 + 12 * (uint64_t)tiff_u(b + off, big, 2) + 4 > n) {
			*cut = 1;
			break;
		}
		off = tiff_u(b + off + 2 + 12 * tiff_u(b + off, big, 2), big, 4);
	}
	return count;
}

/* Page k of a TIFF read by its index, after its header's size is
 * checked: a page too large is *big (not decoded; every page is
 * checked, not only the first); NULL and *broken when it cannot be read. */
static PIX *tiff_page(struct scan_file *f, int k, int *big_w, int *big_h, int *broken)
{
	l_int32 w = 0, h = 0, bps, spp, res, cmap, fmt;
	PIX *p;

	if (readHeaderMemTiff(f->buf, f->n, k, &w, &h, &bps, &spp, &res, &cmap, &fmt) != 0) {
		*broken = 1;
		return NULL;
	}
	if (too_large(w, h)) {
		*big_w = w;
		*big_h = h;
		return NULL;
	}
	if (!(p = pixReadMemTiff(f->buf, f->n, k)))
		*broken = 1;
	return p;
}

int scan_file_open(struct scan_file *f, const void *buf, size_t n, struct ex_error *err)
{
	l_int32 fmt, w = 0, h = 0, bps, spp, iscmap;

	memset(f, 0, sizeof(*f));
	scan_init();
	/* A cut-off image makes libpng and libjpeg write on stderr as they
	 * fail; their end markers say so first, in one clear line. */
	if (n >= 8 && !memcmp(buf, "\x89PNG", 4) &&
	    (n < 12 || memcmp((const char *)buf + n - 8, "IEND", 4)))
		return EX_FAIL(err, EX_EFORMAT, "a PNG image cut short (no IEND chunk)");
	if (n >= 3 && !memcmp(buf, "\xFF\xD8\xFF", 3) &&
	    (n < 4 || memcmp((const char *)buf + n - 2, "\xFF\xD9", 2)))
		return EX_FAIL(err, EX_EFORMAT, "a JPEG image cut short (no end marker)");
	f->buf = buf;
	f->n = n;
	/* A TIFF's pages are read one at a time as they are wanted (a
	 * 300-page scan is gigabytes of pixels); any other image is one. */
	f->tiff = n >= 4 && (!memcmp(buf, "II*\0", 4) || !memcmp(buf, "MM\0*", 4));
	f->npages = f->tiff ? tiff_pages(buf, n, &f->cut) : 1;
	/* A header that claims a vast image must not make us allocate it:
	 * the file is refused, or in a TIFF of several pages that page alone. */
	if (pixReadHeaderMem(buf, n, &fmt, &w, &h, &bps, &spp, &iscmap) == 0 && too_large(w, h)) {
		if (f->npages > 1)
			return 0;   /* scan_file_next says so for page 1 */
		return EX_FAIL(err, EX_ELIMIT, "an image of %d x %d pixels, larger than extract reads", w, h);
	}
	f->page = 1;
	f->first = f->tiff ? pixReadMemTiff(buf, n, 0) : pixReadMem(buf, n);
	if (!f->first && w > 0 && h > 0 && !probe_alloc((size_t)w * (size_t)h * 8))   /* its pixels twice over */
		return EX_FAIL(err, EX_ENOMEM, "out of memory decoding an image of %d x %d pixels", w, h);
	if (!f->first)
		return EX_FAIL(err, EX_EFORMAT, "an image leptonica cannot read (broken or unsupported)");
	return 0;
}

struct Pix *scan_file_next(struct scan_file *f, double *scale, int *broken, int *big_w, int *big_h)
{
	PIX *p = f->first;
	l_int32 xres = 0, yres = 0;

	*broken = *big_w = *big_h = 0;
	*scale = SCAN_DEFAULT_DPI / 72.0;
	if (p) {
		f->first = NULL;
	} else {
		if (!f->tiff || f->page >= f->npages) {
			*broken = f->tiff && f->cut && f->page == f->npages;   /* said once */
			f->page = f->npages + 1;
			return NULL;
		}
		if (!(p = tiff_page(f, f->page++, big_w, big_h, broken))) {
			if (*broken)
				f->page = f->npages;   /* a broken page ends the file */
			return NULL;
		}
	}
	pixGetResolution(p, &xres, &yres);
	if (xres < 50 || xres > 2400)
		xres = SCAN_DEFAULT_DPI;   /* an image that does not say: assume a 300 dpi scan */
	*scale = xres / 72.0;
	return p;
}

void scan_file_close(struct scan_file *f)
{
	pixDestroy(&f->first);
}

struct Pix *scan_stack(struct Pix *pix, const int *b, size_t n)
{
	PIX *g = pixGetDepth(pix) == 8 ? pixClone(pix) : pixConvertTo8(pix, 0), *out;
	int width = 0, tall = 0, height, at;

	if (!g)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		width = L_MAX(width, b[4 * i + 2]);
		tall = L_MAX(tall, b[4 * i + 3]);
	}
	int gap = tall / 2 + 4;

	height = gap;
	for (size_t i = 0; i < n; i++)
		height += b[4 * i + 3] + gap;
	if (!(out = pixCreate(width + 2 * gap, height, 8))) {
		pixDestroy(&g);
		return NULL;
	}
	pixSetAll(out);
	pixCopyResolution(out, g);
	at = gap;
	for (size_t i = 0; i < n; i++) {
		pixRasterop(out, gap, at, b[4 * i + 2], b[4 * i + 3], PIX_SRC, g, b[4 * i], b[4 * i + 1]);
		at += b[4 * i + 3] + gap;
	}
	pixDestroy(&g);
	return out;
}
