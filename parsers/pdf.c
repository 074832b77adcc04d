/* pdf.c: poppler-glib into the document model. */
#include "pdf.h"

#include <limits.h>
#include <math.h>
#include <pthread.h>
#include <gio/gio.h>
#include <poppler.h>
#include <stdlib.h>
#include <string.h>

#include "../model/norm.h"
#include "layout.h"
#include "ocr.h"
#include "scan.h"
#include "page.h"
#include "numcut.h"
#include "pdfahead.h"
#include "pdfdraw.h"

/* Thresholds, and why. Lengths in points or pixels, or shares of a
 * glyph's height (h) or font size, as each says. */
#define PDF_SPLIT_GAP 2.0f        /* a line splits at a gap over this many median word spaces ... */
#define PDF_SPLIT_HEIGHT 0.4f     /* ... and over this of the glyphs' height */
#define PDF_SPLIT_PUNCT 1.25f     /* ... times this after a stop or colon in a monospaced
				   * font: TeX sets two spaces there ("5.  Val av justerare") */
#define PDF_MONO_SPREAD 0.04f     /* a line's words this close in width per letter: monospaced */
#define PDF_WORD_GAP 0.7          /* letters this far apart (of h) are two words, or a new line */
#define PDF_CELL_GAP 1.5          /* ... and this many of the letter before's width: in a
				   * monospaced font a space is one letter's cell, wider
				   * than 0.7 of its glyphs' height */
#define PDF_PUNCT_GAP 2.0         /* ... times this after a colon or a stop */
#define PDF_WORD_BACK 1.0         /* ... or this far back */
#define PDF_LINE_DROP 0.6         /* ... or this far down */
#define PDF_SPACE_GAP 0.2         /* a gap over this of h is a space */
#define PDF_GLUED_MAX 80          /* headings run into one word have at most these bytes */
#define PDF_SIZE_STEP 0.1         /* a font size changing by this of itself starts a word */
#define PDF_TURN_MIN 30           /* a page turned sideways shows this many vertical advances */
#define PDF_TURN_TENTHS 7         /* ... this many tenths of all its advances */
#define PDF_TURN_SHIFT 0.5        /* a turned line's letters: each beside the last by under this
				   * of their height ... */
#define PDF_TURN_GAP 0.5          /* ... and apart by under this of it (a space's room) */
#define PDF_MAX_RENDER_PX 20000   /* a render wider or higher than this is not made */
#define PDF_OCR_MAX_PIXELS 64e6   /* an OCR render of more pixels (256 MB of ARGB; A4 at 300 dpi is
				   * 8.7 M) is made at the resolution that fits, and said */
#define PDF_IMAGE_MAX_PIXELS 150e6 /* an image of more pixels is not decoded whole (600 MB of ARGB;
				    * an A4 scan at 1200 dpi is 140 Mpx) ... */
#define PDF_STREAM_MAX_PIXELS 1e9 /* ... nor one of more read a row at a time (a 1-bit 30000 x
				   * 30000 image: 1.3 s) */
#define PDF_TABLE_DPI 100.0       /* tables' fallback render: hairlines still show */
#define PDF_OCR_DPI 300           /* OCR renders at this unless --dpi says */
#define PDF_GARBAGE_WORDS 300     /* the garbage test reads this many words: a garbage layer is
				   * garbage throughout */
#define PDF_GARBAGE_CHARS 40      /* ... needs this many characters to judge */
#define PDF_LITTLE_TEXT 200       /* a picture with fewer characters than this ... */
#define PDF_OUTLINE_LETTERS 300   /* a page filling this many letter-sized outlines has text drawn
				   * as paths (a line of text is some 80) */
#define PDF_PICTURE_SHARE 0.5     /* ... covering this share of the page is a scan with a stamp */

/* What reading one PDF needs across its pages. */
struct pdf_ctx {
	const struct doc_read_opts *opts;
	struct ex_error *err;
	struct ocr_pool *ocr;       /* made when the first page needs it */
	const char *ocr_failed;     /* arena: why there is no OCR; NULL if not known */
	int ocr_warned;
	const void *buf;            /* the PDF, for the drawing reader */
	size_t n;
	struct pdf_draw *draw;      /* poppler's core: core() opens it at the first page */
	struct pdf_ahead *ahead;    /* helpers reading pages' text ahead; NULL: none */
	const char *password;       /* the one that opened it, or NULL */
	int draw_tried;
	int last;                   /* the last page read */
};

/* A page read from its text layer, waiting for its turn (pages go into
 * the model in page order) and, with a ticket, for its OCR. Nothing here
 * has touched the model's blocks, tables or warnings yet, so the output
 * does not depend on how many pages are in flight. */
struct pdf_pending {
	PopplerPage *page;          /* NULL: it could not be loaded */
	struct layout_page lp;
	size_t dp;                  /* index in doc->pages */
	int ticket;                 /* OCR ticket; -1: none */
	const char *reason;         /* why OCR was asked for */
	int render_failed;          /* OCR wanted, the page not rendered */
};

#define PDF_WINDOW 16               /* pages in flight at most */

/* Words and lines of one page under construction. */
struct pdf_page_build {
	struct doc *doc;
	struct doc_line *lines;
	size_t nlines, cap_lines;
	struct doc_word *words;     /* current line's words */
	size_t nwords, cap_words;
	GString *word;              /* current word's bytes */
	struct box wbox;
	const struct pdf_text_attr *attr;
	/* What attr says, worked out once for the run of words it covers. */
	const struct pdf_text_attr *seen_attr;
	const char *font;
	unsigned flags;
	size_t glued_at;            /* the current word's bytes up to its first heading, or 0 */
	int turned;                 /* the current line runs up or down the page */
};

static int push_word(struct pdf_page_build *pb, int space_after)
{
	struct doc_word *w;
	const struct pdf_text_attr *at = pb->attr;

	if (pb->word->len == 0)
		return 0;
	w = ARENA_PUSH(pb->doc->arena, pb->words, pb->nwords, pb->cap_words);
	if (!w)
		return EX_ENOMEM;
	w->text = norm_text(pb->doc->arena, pb->word->str, pb->word->len);
	w->box = pb->wbox;
	w->conf = 1.0f;
	w->space_after = space_after != 0;
	if (at && at != pb->seen_attr) {
		const char *f = at->font ? at->font : "";

		pb->seen_attr = at;
		pb->font = arena_strdup(pb->doc->arena, f);
		pb->flags = DOC_WORD_HAS_COLOR;
		if (strstr(f, "Bold") || strstr(f, "bold") || strstr(f, "Black") ||
		    strstr(f, "Heavy") || strstr(f, "Semibold"))
			pb->flags |= DOC_WORD_BOLD;
		if (strstr(f, "Italic") || strstr(f, "Oblique") || strstr(f, "italic"))
			pb->flags |= DOC_WORD_ITALIC;
	}
	if (at) {
		w->font = pb->font;
		w->size = (float)at->size;
		w->flags |= pb->flags;
		w->color = (uint32_t)(at->r >> 8) << 16 | (uint32_t)(at->g >> 8) << 8 | (at->b >> 8);
	}
	if (pb->turned)
		w->flags |= DOC_WORD_TURNED;
	g_string_truncate(pb->word, 0);
	memset(&pb->wbox, 0, sizeof(pb->wbox));
	return w->text ? 0 : EX_ENOMEM;
}

static int add_line(struct pdf_page_build *pb, struct doc_word *w, size_t n)
{
	struct doc_line *l = ARENA_PUSH(pb->doc->arena, pb->lines, pb->nlines, pb->cap_lines);

	if (!l)
		return EX_ENOMEM;
	l->words = w;
	l->nwords = n;
	for (size_t i = 0; i < n; i++)
		l->box = box_union(l->box, w[i].box);
	return 0;
}

static int cmp_float(const void *a, const void *b)
{
	float x = *(const float *)a, y = *(const float *)b;

	return (x > y) - (x < y);
}

/* Whether a line's words are set in a monospaced font: every word of
 * two letters or more as wide per letter, within PDF_MONO_SPREAD. */
static int monospaced(const struct doc_word *w, size_t n)
{
	float lo = 0, hi = 0;
	size_t k = 0;

	for (size_t i = 0; i < n; i++) {
		glong len = g_utf8_strlen(w[i].text, -1);
		float per;

		if (len < 2)
			continue;
		per = (w[i].box.x1 - w[i].box.x0) / (float)len;
		lo = k ? fminf(lo, per) : per;
		hi = k ? fmaxf(hi, per) : per;
		k++;
	}
	return k >= 2 && hi <= lo * (1 + PDF_MONO_SPREAD);
}

/* Ends the current line. A gap between words much wider than the line's
 * usual word space (twice the median, and over 0.4 glyph heights) is a
 * column or cell boundary the text layer ran over: the line is split
 * there into segments. Justified text stretches every space alike, so
 * its lines stay whole. */
static int push_line(struct pdf_page_build *pb)
{
	struct doc_word *w = pb->words;
	size_t n = pb->nwords, start = 0;
	float gaps[256], median = 0;
	unsigned char cut[256] = { 0 };
	int rc = 0, mono;

	if (n == 0)
		return 0;
	if (n <= sizeof(cut))
		numcut_line(w, n, cut);
	mono = monospaced(w, n);
	if (n >= 4 && n - 1 <= sizeof(gaps) / sizeof(gaps[0])) {
		for (size_t i = 0; i + 1 < n; i++)
			gaps[i] = w[i + 1].box.x0 - w[i].box.x1;
		qsort(gaps, n - 1, sizeof(gaps[0]), cmp_float);
		median = gaps[(n - 1) / 2];
	}
	for (size_t i = 0; i + 1 < n && rc == 0; i++) {
		float h = w[i].box.y1 - w[i].box.y0;
		float gap = w[i + 1].box.x0 - w[i].box.x1;
		size_t len = strlen(w[i].text);
		float wide = mono && len && strchr(".:!?", w[i].text[len - 1]) ? PDF_SPLIT_PUNCT : 1.0f;

		if (w[i].space_after && ((median > 0 && gap > PDF_SPLIT_GAP * wide * median && gap > PDF_SPLIT_HEIGHT * h) ||
					 (i < sizeof(cut) && cut[i]))) {
			w[i].space_after = 0;
			rc = add_line(pb, w + start, i + 1 - start);
			start = i + 1;
		}
	}
	if (rc == 0)
		rc = add_line(pb, w + start, n - start);
	pb->words = NULL;
	pb->nwords = pb->cap_words = 0;
	pb->turned = 0;
	return rc;
}

/* Whether c parts words in the text layer: ASCII tested without glib's
 * tables; a no-break, narrow no-break or thin space keeps a number whole. */
static int layer_space(gunichar c)
{
	return c < 0x80 ? c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\n'
			: g_unichar_isspace(c) && c != 0xA0 && c != 0x202F && c != 0x2009;
}

/* Column headings the text layer ran into one word, set with no room
 * between them as headings wider than their columns' numbers are
 * ("2020-12-312019-12-31", "Not2017-01-01–2017-12-312016-01-01–2016-12-31",
 * "Budget 2025Utfall 2024"): the word is read as a chain of headings,
 * each a period (numcut_period_word) or a word of a capital and small
 * letters, with a period among them, no two words or bare years side by
 * side (two years may be one number: "20202021"; "Almedalen2025" is a
 * name), and no word before a bare year. 1 when s is such a chain after
 * a heading of kind prev (periods: one was a period); from the start of
 * the word (prev HEAD_NONE), *cut gets where its first heading ends. */
enum { HEAD_NONE, HEAD_YEAR, HEAD_PERIOD, HEAD_WORD };

static int heading_chain(const char *s, int prev, int periods, size_t *cut)
{
	static const size_t lens[] = { 23, 21, 10, 9, 7, 4 };   /* ranges, dates, split years, years */
	size_t n = strlen(s);
	char buf[24];

	if (!n)
		return periods;
	for (size_t i = 0; i < sizeof(lens) / sizeof(lens[0]); i++) {
		int kind = lens[i] == 4 ? HEAD_YEAR : HEAD_PERIOD;

		if (n < lens[i] || (kind == HEAD_YEAR && (prev == HEAD_YEAR || prev == HEAD_WORD)))
			continue;
		memcpy(buf, s, lens[i]);
		buf[lens[i]] = 0;
		if (numcut_period_word(buf) && heading_chain(s + lens[i], kind, 1, cut)) {
			if (prev == HEAD_NONE)
				*cut = lens[i];
			return 1;
		}
	}
	const char *p = s;
	size_t lower = 0;

	if (prev == HEAD_WORD || !g_unichar_isupper(g_utf8_get_char(p)))
		return 0;
	for (p = g_utf8_next_char(p); *p && g_unichar_islower(g_utf8_get_char(p)); p = g_utf8_next_char(p))
		lower++;
	if (lower < 2 || !heading_chain(p, HEAD_WORD, periods, cut))
		return 0;
	if (prev == HEAD_NONE)
		*cut = (size_t)(p - s);
	return 1;
}

/* Where the word starting at t->c[i] parts as column headings run
 * together: the offset in bytes of its first cut, or 0. */
static size_t glued_at(const struct pdf_text *t, size_t i)
{
	char word[PDF_GLUED_MAX + 1];
	size_t n = 0, cut = 0;

	/* (a chain starts with a year's digit or a word's capital: most
	 * words are passed over here, on every word's way) */
	if ((t->c[i].u < '0' || t->c[i].u > '9') && !g_unichar_isupper(t->c[i].u))
		return 0;
	for (size_t k = i; k < t->n && !layer_space(t->c[k].u); k++) {
		if (n + 6 >= sizeof(word))
			return 0;   /* longer than any headings run together */
		n += (size_t)g_unichar_to_utf8(t->c[k].u, word + n);
	}
	word[n] = 0;
	return n >= 8 && heading_chain(word, HEAD_NONE, 0, &cut) ? cut : 0;
}

/* Whether character b follows a in a line turned up or down the page (a
 * chart's axis title, a header set sideways over a narrow column), with
 * no line break between them: b's middle above or below a's, not beside
 * it, close to it (a space's room at most), and both boxes lying on
 * their side, wider than high (an upright letter's box is as high as the
 * font, a turned one's as wide). Letters of one column's cells set one
 * under the other ("B" over "B") are upright and a line's height apart. */
static int along_turned(const struct pdf_text_char *a, const struct pdf_text_char *b)
{
	double aw = a->x1 - a->x0, ah = a->y1 - a->y0, bw = b->x1 - b->x0, bh = b->y1 - b->y0;
	double dx = ((b->x0 + b->x1) - (a->x0 + a->x1)) / 2, dy = ((b->y0 + b->y1) - (a->y0 + a->y1)) / 2;
	double gap = dy > 0 ? b->y0 - a->y1 : a->y0 - b->y1;

	if (aw < ah || bw < bh || fabs(dy) <= fabs(dx))
		return 0;
	return fabs(dx) < PDF_TURN_SHIFT * MIN(aw, bw) && fabs(gap) < PDF_TURN_GAP * MIN(aw, bw);
}


/* Walks the page text and its per-character rectangles together. The
 * text layer's own spaces and newlines split words and lines; so do
 * gaps in the geometry, which the layer often leaves without a space:
 * a gap of a fifth of the glyph height splits a word, one wider than
 * 0.7 of the glyph height splits the line into segments (table cells, columns). */
static int pdf_page_words(struct pdf_page_build *pb, const struct pdf_text *t)
{
	const struct pdf_text_char *prev = NULL;
	int rc = 0;

	for (size_t i = 0; i < t->n && rc == 0; i++) {
		const struct pdf_text_char *r = t->c[i].boxed ? &t->c[i] : NULL;
		const struct pdf_text_attr *attr = t->c[i].attr >= 0 ? &t->attrs[t->c[i].attr] : NULL;
		gunichar c = t->c[i].u;
		int space = layer_space(c);

		if (c == '\n') {
			rc = push_word(pb, 0);
			if (rc == 0)
				rc = push_line(pb);
			prev = NULL;
			continue;
		}
		if (space) {
			rc = push_word(pb, 1);
			continue;
		}
		if (r && prev && along_turned(prev, r)) {
			pb->turned = 1;   /* the line goes on up or down the page */
		} else if (r && prev && pb->turned) {
			rc = push_word(pb, 0);   /* upright again: a line of its own */
			if (rc == 0)
				rc = push_line(pb);
		} else if (r && prev) {
			double h = MAX(r->y1 - r->y0, prev->y1 - prev->y0);
			double gap = r->x0 - prev->x1;
			double dy = fabs((r->y0 + r->y1) - (prev->y0 + prev->y1)) / 2;

			double split = MAX(PDF_WORD_GAP * h, PDF_CELL_GAP * (prev->x1 - prev->x0));

			/* TeX widens the space after a colon or a full stop (its
			 * space factor): "Datum:  2022-12-23" in a monospaced
			 * font is still one line of words */
			if (prev->u == ':' || prev->u == '.' || prev->u == '!' || prev->u == '?')
				split *= PDF_PUNCT_GAP;

			if (h > 0 && (gap > split || gap < -PDF_WORD_BACK * h || dy > PDF_LINE_DROP * h)) {
				rc = push_word(pb, 0);
				if (rc == 0)
					rc = push_line(pb);
			} else if (h > 0 && gap > PDF_SPACE_GAP * h) {
				rc = push_word(pb, 1);
			}
		}
		/* A change of font size inside a word (a superscript note
		 * number) splits it, without a space. */
		if (pb->word->len && pb->attr && attr && attr != pb->attr &&
		    fabs(attr->size - pb->attr->size) > PDF_SIZE_STEP * pb->attr->size)
			rc = push_word(pb, 0);
		if (rc == 0 && pb->word->len && pb->word->len == pb->glued_at)
			rc = push_word(pb, 1);   /* headings run together part here */
		if (pb->word->len == 0) {
			pb->attr = attr;
			pb->glued_at = glued_at(t, i);
		}
		g_string_append_unichar(pb->word, c);
		if (r) {
			/* a glyph drawn right to left (a negative advance or
			 * horizontal scale) has its edges the other way round */
			struct box b = { (float)MIN(r->x0, r->x1), (float)MIN(r->y0, r->y1), (float)MAX(r->x0, r->x1),
					 (float)MAX(r->y0, r->y1) };

			pb->wbox = box_union(pb->wbox, b);
			prev = r;
		}
	}
	if (rc == 0)
		rc = push_word(pb, 0);
	if (rc == 0)
		rc = push_line(pb);
	return rc;
}

/* How far a page's text is turned, clockwise, in quarter turns: 1 when
 * most of its letters follow each other down the page (a table set
 * sideways, read with the head tilted right), 3 when up it, else 0. */
static int text_turns(const struct pdf_text *t)
{
	size_t across = 0, down = 0, up = 0;
	const struct pdf_text_char *prev = NULL;

	for (size_t i = 0; i < t->n && t->c[i].boxed; i++) {
		const struct pdf_text_char *r = &t->c[i];
		gunichar c = r->u;

		if (c == '\n' || g_unichar_isspace(c)) {
			prev = c == '\n' ? NULL : prev;
			continue;
		}
		if (prev) {
			double dx = (r->x0 + r->x1 - prev->x0 - prev->x1) / 2;
			double dy = (r->y0 + r->y1 - prev->y0 - prev->y1) / 2;

			if (fabs(dx) >= fabs(dy))
				across++;
			else if (dy > 0)
				down++;
			else
				up++;
		}
		prev = r;
	}
	if (down + up < PDF_TURN_MIN || (down + up) * 10 < (across + down + up) * PDF_TURN_TENTHS)
		return 0;
	return down >= up ? 1 : 3;
}

/* A box on a page of width w and height h, in the frame of the page
 * turned upright (turns as text_turns gives). */
static struct box upright(struct box b, int turns, float w, float h)
{
	if (turns == 1)   /* turned back a quarter anticlockwise */
		return (struct box){ b.y0, w - b.x1, b.y1, w - b.x0 };
	if (turns == 3)   /* a quarter clockwise */
		return (struct box){ h - b.y1, b.x0, h - b.y0, b.x1 };
	return b;
}

static pthread_mutex_t render_lock = PTHREAD_MUTEX_INITIALIZER;

/* The part clip of the page (in points; NULL: all of it) rendered on
 * white at scale pixels per point; NULL when it cannot be (too large, no
 * memory). Free with pdf_render_free. */
/* The pixels of a render of the part clip (NULL: all) of a page of
 * width x height points at scale pixels a point: its first pixel
 * (*x0, *y0) on the page's and its size; -1 when it is empty or larger
 * than a render is made. Worked in doubles until the size is known to
 * fit (a page 3e10 pixels high overflowed an int); NaN fails every test. */
static int render_box(float width, float height, double scale, const struct box *clip, int *x0, int *y0, int *w,
		      int *h)
{
	double fx0 = 0, fy0 = 0, fx1 = ceil(width * scale), fy1 = ceil(height * scale);

	if (clip) {
		fx0 = fmax(0, floor(clip->x0 * scale));
		fy0 = fmax(0, floor(clip->y0 * scale));
		fx1 = fmin(fx1, ceil(clip->x1 * scale));
		fy1 = fmin(fy1, ceil(clip->y1 * scale));
	}
	if (!(fx1 - fx0 > 0 && fy1 - fy0 > 0 && fx1 - fx0 <= PDF_MAX_RENDER_PX && fy1 - fy0 <= PDF_MAX_RENDER_PX &&
	      fx1 <= INT_MAX && fy1 <= INT_MAX))
		return -1;
	*x0 = (int)fx0, *y0 = (int)fy0, *w = (int)(fx1 - fx0), *h = (int)(fy1 - fy0);
	return 0;
}

static cairo_surface_t *pdf_render(PopplerPage *page, float width, float height, double scale,
				   const struct box *clip, struct page_raster *r)
{
	cairo_surface_t *surf;
	cairo_t *cr;
	int x0, y0, w, h;

	if (render_box(width, height, scale, clip, &x0, &y0, &w, &h) < 0)
		return NULL;
	/* cairo in one thread at a time: with documents read in parallel
	 * (--jobs), ThreadSanitizer sees cairo's shared caches and pools
	 * written by one render and read by another. Rendering is a small
	 * part of the work; text, tables and OCR still run in parallel. */
	pthread_mutex_lock(&render_lock);
	surf = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
	if (cairo_surface_status(surf) != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(surf);
		pthread_mutex_unlock(&render_lock);
		return NULL;
	}
	cr = cairo_create(surf);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	cairo_translate(cr, -x0, -y0);
	cairo_scale(cr, scale, scale);
	poppler_page_render(page, cr);
	cairo_destroy(cr);
	cairo_surface_flush(surf);
	pthread_mutex_unlock(&render_lock);
	r->data = cairo_image_surface_get_data(surf);
	r->width = w;
	r->height = h;
	r->stride = cairo_image_surface_get_stride(surf);
	r->x0 = x0;
	r->y0 = y0;
	r->scale = scale;
	return surf;
}

static void pdf_render_free(cairo_surface_t *surf)
{
	pthread_mutex_lock(&render_lock);
	cairo_surface_destroy(surf);
	pthread_mutex_unlock(&render_lock);
}

/* The document as poppler's core reads it (pdfdraw.h), opened at the
 * first page that asks (its text or its rules); NULL when the core
 * cannot read what poppler-glib could. */
static struct pdf_draw *core(struct pdf_ctx *ctx)
{
	if (!ctx->draw_tried) {
		ctx->draw_tried = 1;
		ctx->draw = pdf_draw_open(ctx->buf, ctx->n, ctx->password);
	}
	return ctx->draw;
}

/* What the page draws, for its ruled tables (pdfdraw.h), when poppler's
 * core reads the document; else the region rendered at 100 dpi
 * (hairline rules come out as grey pixels; at 72 dpi the peer suites'
 * hairlines fade: Tabula's ruled cases fell from cell F1 0.80 to 0.53),
 * into *r with the surface returned (free it with pdf_render_free after
 * the page stage). Neither, when a sideways page cannot be drawn or the
 * render fails (a warning): the page then gets borderless tables only. */
static cairo_surface_t *pdf_page_rules(struct pdf_ctx *ctx, struct doc *doc, PopplerPage *page,
				       struct page_input *in, int turns, struct page_drawn **v,
				       struct page_raster *r)
{
	struct layout_page *lp = &in->lp;
	cairo_surface_t *surf;
	size_t nv;

	if (core(ctx) && pdf_draw_page(ctx->draw, poppler_page_get_index(page), v, &nv) == 0) {
		for (size_t k = 0; turns && k < nv; k++) {
			struct page_drawn *d = &(*v)[k];
			struct box b = upright((struct box){ d->x0, d->y0, d->x1, d->y1 }, turns,
					       lp->height, lp->width);   /* the page's own size */

			d->x0 = b.x0, d->y0 = b.y0, d->x1 = b.x1, d->y1 = b.y1;
		}
		in->drawn = *v;
		in->ndrawn = nv;
		in->has_drawn = 1;
		return NULL;
	}
	if (turns)
		return NULL;   /* the render is of the page as it lies */
	surf = pdf_render(page, lp->width, lp->height, PDF_TABLE_DPI / 72.0, &in->region, r);
	if (!surf)
		doc_warn(doc, lp->page, "render", "page %d could not be rendered for tables", lp->page);
	else
		in->raster = r;
	return surf;
}

/* Whether a text layer is garbage (fonts without a usable ToUnicode
 * map, an earlier OCR gone wrong): many replacement, private-use or
 * control characters, or most longer words in Latin letters without a
 * vowel (other scripts are no garbage for that). */
static int garbage_text(const struct layout_page *lp)
{
	size_t chars = 0, bad = 0, words = 0, novowel = 0, seen = 0;

	/* The first 300 words tell: a garbage layer is garbage throughout. */
	for (size_t i = 0; i < lp->nlines && seen < PDF_GARBAGE_WORDS; i++)
		for (size_t k = 0; k < lp->lines[i].nwords && seen < PDF_GARBAGE_WORDS; k++, seen++) {
			const char *t = lp->lines[i].words[k].text;
			size_t letters = 0;
			int vowel = 0, latin = 1;

			for (const char *q = t; q && *q; q = g_utf8_next_char(q)) {
				gunichar c = g_utf8_get_char(q);

				chars++;
				if (c == 0xFFFD || (c >= 0xE000 && c <= 0xF8FF) || (c < 0x20 && c != '\t'))
					bad++;
				if (g_unichar_isalpha(c)) {
					gunichar l = g_unichar_tolower(c);

					letters++;
					latin &= c < 0x250;
					vowel |= l < 128 ? strchr("aeiouy", (int)l) != NULL
							 : l == 0xE5 || l == 0xE4 || l == 0xF6 || l == 0xE9 || l == 0xFC;
				}
			}
			if (letters >= 4 && latin) {
				words++;
				novowel += !vowel;
			}
		}
	return chars >= PDF_GARBAGE_CHARS && (bad * 10 >= chars || (words >= 10 && novowel * 2 >= words));
}

/* Whether a page is a picture with a little text on it: a scan with a
 * stamp, a page number or a caption added as text. Under 200 characters
 * of text, and images over half the page. */
static int little_text(PopplerPage *page, const struct layout_page *lp, size_t chars)
{
	double area = 0, w = lp->width, h = lp->height;
	GList *maps;

	if (chars >= PDF_LITTLE_TEXT || w <= 0 || h <= 0)
		return 0;
	maps = poppler_page_get_image_mapping(page);
	for (GList *l = maps; l; l = l->next) {
		const PopplerImageMapping *m = l->data;
		double x0 = fmax(0, fmin(m->area.x1, m->area.x2)), x1 = fmin(w, fmax(m->area.x1, m->area.x2));
		double y0 = fmax(0, fmin(m->area.y1, m->area.y2)), y1 = fmin(h, fmax(m->area.y1, m->area.y2));

		if (x1 > x0 && y1 > y0)
			area += (x1 - x0) * (y1 - y0);
	}
	poppler_page_free_image_mapping(maps);
	return area >= PDF_PICTURE_SHARE * w * h;
}

/* A page's text from poppler-glib (its text, the boxes of its
 * characters, their attributes), as pdf_draw_text gives it from poppler's
 * core: the way when the core cannot read a document poppler-glib could.
 * -1 when memory runs out. */
static int glib_text(PopplerPage *page, struct pdf_text *t)
{
	char *text = poppler_page_get_text(page);
	PopplerRectangle *rects = NULL;
	guint nrects = 0, idx = 0;
	GList *attrs = NULL, *a;
	size_t na = 0;
	int rc = 0;

	memset(t, 0, sizeof(*t));
	if (!text || !*text) {
		g_free(text);
		return 0;
	}
	if (!poppler_page_get_text_layout(page, &rects, &nrects))
		nrects = 0;
	attrs = poppler_page_get_text_attributes(page);
	t->c = malloc(sizeof(*t->c) * ((size_t)g_utf8_strlen(text, -1) + 1));
	t->attrs = malloc(sizeof(*t->attrs) * (g_list_length(attrs) + 1));
	if (!t->c || !t->attrs)
		rc = -1;
	for (a = attrs; rc == 0 && a; a = a->next, na++) {
		const PopplerTextAttributes *x = a->data;

		t->attrs[na] = (struct pdf_text_attr){ strdup(x->font_name ? x->font_name : ""), x->font_size,
						       x->color.red, x->color.green, x->color.blue };
		t->nattrs = na + 1;
		rc = t->attrs[na].font ? 0 : -1;
	}
	a = attrs;
	na = 0;
	for (const char *p = text; rc == 0 && *p; p = g_utf8_next_char(p), idx++) {
		struct pdf_text_char *c = &t->c[t->n++];

		while (a && ((PopplerTextAttributes *)a->data)->end_index < (gint)idx)
			a = a->next, na++;
		*c = (struct pdf_text_char){ g_utf8_get_char(p), 0, 0, 0, 0, a ? (int)na : -1, idx < nrects };
		if (c->boxed)
			c->x0 = rects[idx].x1, c->y0 = rects[idx].y1, c->x1 = rects[idx].x2, c->y1 = rects[idx].y2;
	}
	poppler_page_free_text_attributes(attrs);
	g_free(rects);
	g_free(text);
	if (rc < 0)
		pdf_text_free(t);
	return rc;
}

/* Whether a page's text has right-to-left letters (Hebrew, Arabic). */
static int right_to_left(const struct pdf_text *t)
{
	for (size_t i = 0; i < t->n; i++) {
		uint32_t u = t->c[i].u;

		if ((u >= 0x0590 && u <= 0x08FF) || (u >= 0xFB1D && u <= 0xFDFF) || (u >= 0xFE70 && u <= 0xFEFF))
			return 1;
	}
	return 0;
}

/* Page i's text (w by h points): from poppler's core, which lays it out
 * once for the text, its boxes and its attributes together (poppler-glib
 * makes each from the laid-out page in a pass of its own); from
 * poppler-glib where the core cannot. */
static int pdf_page_text(struct pdf_ctx *ctx, PopplerPage *page, int i, double w, double h, struct pdf_text *t)
{
	if (pdf_ahead_take(ctx->ahead, i, w, h, t) || (core(ctx) && pdf_draw_text(ctx->draw, i, w, h, t) == 0)) {
		if (!right_to_left(t))
			return 0;
		pdf_text_free(t);   /* poppler-glib puts right-to-left runs in reading order */
	}
	return glib_text(page, t);
}

/* Why a page needs OCR (mode: --ocr, 0 auto, 1 always): none (NULL)
 * with a usable text layer; always; no text layer, or a garbage one, or a
 * picture with a little text on it (auto). */
/* Whether a page's text is drawn as outlines (a document flattened to
 * paths, its fonts gone) beside a little text layer (a page number, a
 * stamp): under PDF_LITTLE_TEXT characters of text and PDF_OUTLINE_LETTERS
 * or more letter-sized outlines filled, more than its characters. */
static int outlined_text(struct pdf_ctx *ctx, PopplerPage *page, size_t chars)
{
	struct pdf_ink ink;

	return chars < PDF_LITTLE_TEXT && core(ctx) && pdf_draw_ink(ctx->draw, poppler_page_get_index(page), &ink) == 0 &&
	       ink.outlines >= PDF_OUTLINE_LETTERS && ink.outlines > chars;
}

static const char *ocr_reason(struct pdf_ctx *ctx, int mode, PopplerPage *page, const struct layout_page *lp)
{
	if (mode > 0)
		return "always";
	if (mode < 0)
		return NULL;
	if (lp->nlines == 0)
		return "no_text_layer";
	if (garbage_text(lp))
		return "garbage_text";
	size_t chars = 0;   /* the layer's characters, for the two tests after */

	for (size_t i = 0; i < lp->nlines; i++)
		for (size_t k = 0; k < lp->lines[i].nwords; k++)
			chars += g_utf8_strlen(lp->lines[i].words[k].text, -1);
	if (little_text(page, lp, chars))
		return "little_text";
	if (outlined_text(ctx, page, chars))
		return "vector_text";
	return NULL;
}

/* The page's text read again turned upright by turns quarter turns: its
 * boxes in that frame, its size that of the upright page. */
static int pdf_page_upright(struct pdf_page_build *pb, struct pdf_text *t, int turns, struct pdf_pending *pp,
			    struct doc_page *dp)
{
	float w = dp->width, h = dp->height;
	int rc;

	for (size_t k = 0; k < t->n && t->c[k].boxed; k++) {
		struct pdf_text_char *c = &t->c[k];
		struct box b = upright((struct box){ (float)c->x0, (float)c->y0, (float)c->x1, (float)c->y1 }, turns, w, h);

		c->x0 = b.x0, c->y0 = b.y0, c->x1 = b.x1, c->y1 = b.y1;
	}
	dp->rotation = turns * 90;
	pp->lp.width = dp->width = h;
	pp->lp.height = dp->height = w;
	pb->lines = NULL;   /* the first reading stays in the arena, unused */
	pb->nlines = pb->cap_lines = 0;
	rc = pdf_page_words(pb, t);
	pp->lp.lines = pb->lines;
	pp->lp.nlines = pb->nlines;
	return rc;
}

/* A page drawing an image over the budget that Splash reads a row at a
 * time (or holds whole within the budget: JBIG2 at a bit a pixel, a
 * stencil-masked image at a byte), rendered so at scale and handed to
 * OCR, said with a downscaled warning (its image is read at the
 * render's resolution, not its own). */
static int pdf_page_submit_streamed(struct pdf_ctx *ctx, struct doc *doc, PopplerPage *page, struct pdf_pending *pp,
				    const struct pdf_ink *ink, double scale)
{
	struct pdf_pixels px;
	int rc, x0, y0, w, h;

	if (render_box(pp->lp.width, pp->lp.height, scale, NULL, &x0, &y0, &w, &h) < 0) {
		pp->render_failed = 1;
		return 0;
	}
	pthread_mutex_lock(&render_lock);
	rc = pdf_draw_render(ctx->draw, poppler_page_get_index(page), scale, &px);
	pthread_mutex_unlock(&render_lock);
	if (rc != 0) {
		pp->render_failed = 1;
		return 0;
	}
	doc_warn(doc, pp->lp.page, "downscaled",
		 "page %d draws an image of %.0f megapixels: scaled down as it is drawn into its OCR render at %.0f dpi",
		 pp->lp.page, ink->image_pixels / 1e6, scale * 72);

	struct page_raster r = { (const unsigned char *)px.argb, px.width, px.height, px.width * 4, 0, 0, scale };

	pp->ticket = ocr_pool_submit(ctx->ocr, &r);
	free(px.argb);
	return pp->ticket < 0 ? EX_ENOMEM : 0;
}

/* The scale (pixels a point) a page is rendered at for OCR: the OCR
 * resolution (*want), or less when the render would pass its budget. */
static double ocr_scale(const struct pdf_ctx *ctx, const struct pdf_pending *pp, double *want)
{
	*want = (ctx->opts && ctx->opts->dpi > 0 ? ctx->opts->dpi : PDF_OCR_DPI) / 72.0;
	if ((double)pp->lp.width * pp->lp.height * *want * *want > PDF_OCR_MAX_PIXELS)
		return sqrt(PDF_OCR_MAX_PIXELS / ((double)pp->lp.width * pp->lp.height));
	return *want;
}

/* A page read for OCR at scale, less than the resolution it wanted: said. */
static void say_scale(struct doc *doc, const struct pdf_pending *pp, double scale, double want)
{
	if (scale < want)
		doc_warn(doc, pp->lp.page, "downscaled", "page %d (%.0f x %.0f in) rendered for OCR at %.0f dpi, not %.0f",
			 pp->lp.page, pp->lp.width / 72.0, pp->lp.height / 72.0, scale * 72, want * 72);
}

/* A page that is one JPEG or JPEG 2000 image over the budget and
 * nothing else (a scan): decoded at a half, a quarter or an eighth of its
 * size as it is read (poppler's decoders make it whole), and that is the
 * page OCR reads, said with a downscaled warning. 0 when handed to OCR,
 * 1 when the page is no such page or its image too large even so (the
 * caller says why it is not read), EX_ENOMEM. */
static int pdf_page_submit_coded(struct pdf_ctx *ctx, struct doc *doc, PopplerPage *page, struct pdf_pending *pp,
				 const struct pdf_ink *ink, double budget)
{
	unsigned char *data;
	size_t n;
	double box[4], want, scale = ocr_scale(ctx, pp, &want);
	int by = 0, jpx = 0;
	struct Pix *pix;

	if (pdf_draw_lone_image(ctx->draw, poppler_page_get_index(page), &data, &n, box, &jpx) != 0)
		return 1;
	pix = scan_coded_page(data, n, jpx, budget, box, pp->lp.width, pp->lp.height, scale, &by);
	free(data);
	if (!pix)
		return 1;
	say_scale(doc, pp, scale, want);
	doc_warn(doc, pp->lp.page, "downscaled",
		 "page %d draws a %s image of %.0f megapixels: decoded at 1/%d of its size into its OCR render at %.0f dpi",
		 pp->lp.page, jpx ? "JPEG 2000" : "JPEG", ink->image_pixels / 1e6, by, scale * 72);
	pp->ticket = ocr_pool_submit_image(ctx->ocr, pix, scale);
	return pp->ticket < 0 ? EX_ENOMEM : 0;
}

/* Whether the OCR pool can read pages: once its first engine is made
 * (beside the first page's render). When that could not be loaded, the
 * document has no OCR, as when the pool could not be made: said once,
 * the text layer kept. 1, 0, or EX_ENOMEM. */
static int pdf_ocr_ready(struct pdf_ctx *ctx, struct doc *doc)
{
	if (ocr_pool_ready(ctx->ocr, ctx->err) == 0)
		return 1;
	ocr_pool_free(ctx->ocr);
	ctx->ocr = NULL;
	ctx->ocr_failed = arena_strdup(doc->arena, ctx->err->msg);
	ctx->err->code = 0;
	return ctx->ocr_failed ? 0 : EX_ENOMEM;
}

/* A page that needs OCR rendered at the OCR resolution and handed to the
 * OCR workers (the pool made at the first such page; without Tesseract
 * or its language data, said once and the text layer kept). */
static int pdf_page_submit(struct pdf_ctx *ctx, struct doc *doc, PopplerPage *page, struct pdf_pending *pp)
{
	struct page_raster r = { 0 };
	cairo_surface_t *surf;
	double scale, want;

	if (!ctx->ocr && !ctx->ocr_failed) {
		ctx->ocr = ocr_pool_new(ctx->opts, ctx->err);
		if (!ctx->ocr) {
			ctx->ocr_failed = arena_strdup(doc->arena, ctx->err->msg);
			ctx->err->code = 0;
			if (!ctx->ocr_failed)
				return EX_ENOMEM;
		} else {   /* the pages left may each need OCR */
			ocr_pool_expect(ctx->ocr, ctx->last - pp->lp.page + 1);
		}
	}
	if (!ctx->ocr)
		return 0;
	/* poppler-glib's cairo render decodes an image whole at any scale
	 * (a 30000 x 30000 image in a 110 KB file took 3.6 GB and 16 s): a
	 * page drawing one over the budget is rendered by Splash, which
	 * scales it down a row at a time, unless it holds it whole too past
	 * the budget (JPEG, JPEG 2000; JBIG2 at a bit a pixel and a stencil
	 * mask at a byte, by the memory they take) or it is past what is
	 * read in bounded time; then it is not rendered */
	struct pdf_ink ink;
	int streamed = 0, rc;
	double budget = ctx->opts && ctx->opts->image_budget > 0 ? ctx->opts->image_budget : PDF_IMAGE_MAX_PIXELS;

	if (core(ctx) && pdf_draw_ink(ctx->draw, poppler_page_get_index(page), &ink) == 0 &&
	    ink.image_pixels > budget) {
		int whole = ink.whole_pixels > budget;

		if ((rc = pdf_ocr_ready(ctx, doc)) <= 0)
			return rc;
		if (whole && (rc = pdf_page_submit_coded(ctx, doc, page, pp, &ink, budget)) <= 0)
			return rc;
		if (whole || ink.image_pixels > PDF_STREAM_MAX_PIXELS) {
			doc_warn(doc, pp->lp.page, "too_large",
				 "page %d draws an image of %.0f megapixels (at most %.0f are %s): not rendered for OCR",
				 pp->lp.page, ink.image_pixels / 1e6, (whole ? budget : PDF_STREAM_MAX_PIXELS) / 1e6,
				 whole ? "decoded whole, as its filter does" : "decoded a row at a time");
			return 0;
		}
		streamed = 1;
	}
	scale = ocr_scale(ctx, pp, &want);
	if (streamed) {
		say_scale(doc, pp, scale, want);
		return pdf_page_submit_streamed(ctx, doc, page, pp, &ink, scale);
	}
	surf = pdf_render(page, pp->lp.width, pp->lp.height, scale, NULL, &r);
	if (!surf) {
		say_scale(doc, pp, scale, want);
		pp->render_failed = 1;
		return 0;
	}
	if ((rc = pdf_ocr_ready(ctx, doc)) <= 0) {
		pdf_render_free(surf);
		return rc;
	}
	say_scale(doc, pp, scale, want);
	pp->ticket = ocr_pool_submit(ctx->ocr, &r);
	pdf_render_free(surf);
	return pp->ticket < 0 ? EX_ENOMEM : 0;
}

/* The first half of a page, in page order as it is read: its text
 * layer, and whether it needs OCR; if so it is rendered at the OCR
 * resolution and handed to the OCR workers. */
static int pdf_page_start(struct pdf_ctx *ctx, struct doc *doc, PopplerDocument *pd, int i,
			  struct pdf_pending *pp)
{
	PopplerPage *page = poppler_document_get_page(pd, i);
	struct pdf_page_build pb = { .doc = doc };
	struct doc_page *dp;
	struct pdf_text t = { 0 };
	double w = 0, h = 0;
	int rc = 0, mode = ctx->opts ? ctx->opts->ocr : 0;

	memset(pp, 0, sizeof(*pp));
	pp->ticket = -1;
	pp->page = page;
	dp = doc_add_page(doc);
	if (!dp)
		return EX_ENOMEM;
	pp->dp = doc->npages - 1;
	dp->number = i + 1;
	dp->source = DOC_SRC_TEXT_LAYER;
	pp->lp.page = i + 1;
	if (!page)
		return 0;
	poppler_page_get_size(page, &w, &h);
	pp->lp.width = dp->width = (float)w;
	pp->lp.height = dp->height = (float)h;
	if (pdf_page_text(ctx, page, i, w, h, &t) < 0)
		return EX_ENOMEM;
	if (t.n) {
		pb.word = g_string_new(NULL);
		rc = pdf_page_words(&pb, &t);
	}
	pp->lp.lines = pb.lines;
	pp->lp.nlines = pb.nlines;
	if (rc == 0)
		pp->reason = ocr_reason(ctx, mode, page, &pp->lp);
	/* A page set sideways that keeps its layer is read again turned
	 * upright, as a sideways scan is: its boxes in that frame, its
	 * rotation recorded. (One OCR reads is turned by OCR.) */
	int turns = rc == 0 && !pp->reason ? text_turns(&t) : 0;

	if (turns)
		rc = pdf_page_upright(&pb, &t, turns, pp, dp);
	if (pb.word)
		g_string_free(pb.word, TRUE);
	pdf_text_free(&t);
	if (rc)
		return rc;
	return pp->reason ? pdf_page_submit(ctx, doc, page, pp) : 0;
}

/* The second half, in page order: OCR taken back, then the page stage
 * (tables, blocks). */
static int pdf_page_finish(struct pdf_ctx *ctx, struct doc *doc, struct pdf_pending *pp)
{
	struct page_input in = { .lp = pp->lp, .tables = !(ctx->opts && ctx->opts->no_tables) };
	struct doc_page *dp = &doc->pages[pp->dp];
	struct page_drawn *drawn = NULL;
	struct page_raster r = { 0 };
	cairo_surface_t *surf = NULL;
	int rc = 0;

	if (!pp->page) {
		doc_warn(doc, in.lp.page, "page", "page %d could not be loaded", in.lp.page);
		return 0;
	}
	if (pp->reason && ctx->ocr_failed && !ctx->ocr_warned) {
		ctx->ocr_warned = 1;
		doc_warn(doc, 0, "ocr", "%s", ctx->ocr_failed);
	}
	if (pp->render_failed)
		doc_warn(doc, in.lp.page, "render", "page %d could not be rendered for OCR", in.lp.page);
	if (pp->ticket >= 0) {
		/* a layer that looked poor is judged against what OCR read */
		int poor = !strcmp(pp->reason, "garbage_text") || !strcmp(pp->reason, "little_text") ||
			   !strcmp(pp->reason, "vector_text");
		struct doc_page before = *dp;
		struct ocr_page *pg;

		rc = ocr_pool_take(ctx->ocr, pp->ticket, doc, poor ? &pp->lp : NULL, &in.lp, dp, &pg, ctx->err);
		pp->ticket = -1;
		if (rc < 0)
			return rc;
		if (rc == 0 && in.lp.nlines == 0 && pp->lp.nlines > 0) {
			/* OCR read nothing where the layer has words (a 1-point
			 * layer judged garbage): nothing is lost, the layer is
			 * kept and it is said. */
			ocr_page_free(pg);
			*dp = before;
			in.lp = pp->lp;
			doc_warn(doc, in.lp.page, "ocr_empty",
				 "page %d: OCR (%s) read nothing; its text layer is kept", in.lp.page, pp->reason);
			rc = 1;
		}
		if (rc == 0) {
			dp->ocr_reason = pp->reason;
			return ocr_page_analyse(doc, &in, pg);   /* tables from what OCR read */
		}
		/* 1: the layer was no garbage after all */
	}
	if (page_wants_rules(&in))
		surf = pdf_page_rules(ctx, doc, pp->page, &in, dp->rotation / 90, &drawn, &r);
	rc = page_analyse(doc, &in);
	free(drawn);
	if (surf)
		pdf_render_free(surf);
	if (rc == 0 && in.lp.nlines == 0)
		doc_warn(doc, in.lp.page, "no_text", "page %d has no text layer and was not OCR'd", in.lp.page);
	return rc;
}

static const char *iso_date(struct arena *a, GDateTime *dt)
{
	const char *s = NULL;
	gchar *g;

	if (!dt)
		return NULL;
	g = g_date_time_format(dt, "%Y-%m-%dT%H:%M:%S%:z");
	if (g)
		s = arena_strdup(a, g);
	g_free(g);
	g_date_time_unref(dt);
	return s;
}

static const char *meta_str(struct arena *a, gchar *g)
{
	const char *s = NULL;

	if (g && *g)
		s = norm_text(a, g, strlen(g));
	g_free(g);
	return s;
}

static void pdf_read_meta(struct doc *doc, PopplerDocument *pd)
{
	struct arena *a = doc->arena;
	struct doc_meta *m = &doc->meta;
	guint major = 0, minor = 0;
	PopplerPDFPart part = poppler_document_get_pdf_part(pd);
	PopplerPDFConformance conf = poppler_document_get_pdf_conformance(pd);

	m->title = meta_str(a, poppler_document_get_title(pd));
	m->author = meta_str(a, poppler_document_get_author(pd));
	m->subject = meta_str(a, poppler_document_get_subject(pd));
	m->keywords = meta_str(a, poppler_document_get_keywords(pd));
	m->creator = meta_str(a, poppler_document_get_creator(pd));
	m->producer = meta_str(a, poppler_document_get_producer(pd));
	m->created = iso_date(a, poppler_document_get_creation_date_time(pd));
	m->modified = iso_date(a, poppler_document_get_modification_date_time(pd));
	poppler_document_get_pdf_version(pd, &major, &minor);
	if (major)
		m->format_version = arena_printf(a, "%u.%u", major, minor);
	if (poppler_document_get_pdf_subtype(pd) == POPPLER_PDF_SUBTYPE_PDF_A &&
	    part >= POPPLER_PDF_SUBTYPE_PART_1 && part <= POPPLER_PDF_SUBTYPE_PART_3) {
		const char *c = conf == POPPLER_PDF_SUBTYPE_CONF_A ? "a" :
				conf == POPPLER_PDF_SUBTYPE_CONF_B ? "b" :
				conf == POPPLER_PDF_SUBTYPE_CONF_U ? "u" : "";

		m->conformance = arena_printf(a, "PDF/A-%d%s",
					      (int)(part - POPPLER_PDF_SUBTYPE_PART_1) + 1, c);
	}
}

/* poppler 22.12 sets up its shared sRGB colour profile lazily, without a
 * lock, the first time any thread builds a graphics state: two threads
 * doing that at once race (ThreadSanitizer shows lcms2 memory freed by
 * one and used by the other). So the first PDF read anywhere in the
 * process is a one-page blank document, once, under pthread_once. */
static void pdf_warm_up(void)
{
	static const char *const obj[] = {
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] /Contents 4 0 R >>",
		"<< /Length 0 >>\nstream\n\nendstream",
	};
	GString *g = g_string_new("%PDF-1.4\n");
	size_t off[4];
	GBytes *bytes;
	PopplerDocument *pd;

	for (int i = 0; i < 4; i++) {
		off[i] = g->len;
		g_string_append_printf(g, "%d 0 obj\n%s\nendobj\n", i + 1, obj[i]);
	}
	size_t xref = g->len;

	g_string_append(g, "xref\n0 5\n0000000000 65535 f \n");
	for (int i = 0; i < 4; i++)
		g_string_append_printf(g, "%010zu 00000 n \n", off[i]);
	g_string_append_printf(g, "trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n%zu\n%%%%EOF\n", xref);
	bytes = g_bytes_new(g->str, g->len);
	pd = poppler_document_new_from_bytes(bytes, NULL, NULL);
	if (pd) {
		PopplerPage *page = poppler_document_get_page(pd, 0);

		if (page) {
			g_free(poppler_page_get_text(page));
			g_object_unref(page);
		}
		g_object_unref(pd);
	}
	g_bytes_unref(bytes);
	g_string_free(g, TRUE);
}

/* The PDF in buf opened with password (or none); NULL with *ge set. */
static PopplerDocument *open_with(const void *buf, size_t n, const char *password, GError **ge)
{
	/* From a stream, not poppler_document_new_from_bytes: with a wrong
	 * password, poppler 22.12 retries on the bytes object it already
	 * freed and crashes. */
	GBytes *bytes = g_bytes_new_static(buf, n);
	GInputStream *in = g_memory_input_stream_new_from_bytes(bytes);
	PopplerDocument *pd = poppler_document_new_from_stream(in, (goffset)n, password, NULL, ge);

	g_object_unref(in);
	g_bytes_unref(bytes);
	return pd;
}

/* *password is set to NULL when the document opened without it. */
static PopplerDocument *pdf_open(const void *buf, size_t n, const char **password,
				 struct ex_error *err)
{
	GError *ge = NULL;
	PopplerDocument *pd = open_with(buf, n, *password, &ge);

	/* --password is for the batch: a PDF locked by an owner password
	 * alone opens without it, so try that before saying it is wrong. */
	if (!pd && *password && ge && ge->domain == POPPLER_ERROR && ge->code == POPPLER_ERROR_ENCRYPTED) {
		GError *ge2 = NULL;

		if ((pd = open_with(buf, n, NULL, &ge2))) {
			g_error_free(ge);
			*password = NULL;
			return pd;
		}
		g_clear_error(&ge2);
	}
	if (pd)
		return pd;
	if (ge && ge->domain == POPPLER_ERROR && ge->code == POPPLER_ERROR_ENCRYPTED)
		EX_FAIL(err, EX_EPASSWORD, *password ? "wrong password for encrypted PDF"
					     : "encrypted PDF needs a password (--password)");
	else
		EX_FAIL(err, EX_EFORMAT, "broken PDF: %s", ge ? ge->message : "cannot be opened");
	if (ge)
		g_error_free(ge);
	return NULL;
}

int pdf_read(struct doc *doc, const void *buf, size_t n,
	     const struct doc_read_opts *opts, struct ex_error *err)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	struct pdf_ctx ctx = { .opts = opts, .err = err, .buf = buf, .n = n };
	struct pdf_pending ring[PDF_WINDOW];
	PopplerDocument *pd;
	int npages, first, last, rc = 0;

	pthread_once(&once, pdf_warm_up);
	ctx.password = opts ? opts->password : NULL;
	pd = pdf_open(buf, n, &ctx.password, err);
	if (!pd)
		return err->code;
	pdf_read_meta(doc, pd);
	npages = poppler_document_get_n_pages(pd);
	if (npages <= 0) {
		rc = EX_FAIL(err, EX_EFORMAT, "broken PDF: no pages");
		goto out;
	}
	first = opts && opts->first_page > 0 ? opts->first_page : 1;
	last = opts && opts->last_page > 0 && opts->last_page < npages ? opts->last_page : npages;
	ctx.last = last;
	if (first > npages) {
		rc = EX_FAIL(err, EX_EUSAGE, "--pages starts at %d but the PDF has %d pages",
			     first, npages);
		goto out;
	}
	/* Pages start in order, up to a window ahead of the one that
	 * finishes: twice the OCR workers, so they always have a page. */
	int workers = opts && opts->ocr_workers > 1 ? opts->ocr_workers : 1;
	int window = 2 * workers;
	int head = first - 1, tail = first - 1;

	/* The document's other cores (workers - 1) read the text of pages ahead. */
	ctx.ahead = pdf_ahead_new(buf, n, ctx.password, first - 1, last, workers - 1);

	if (window > PDF_WINDOW)
		window = PDF_WINDOW;
	while (rc == 0 && head < last) {
		/* One page at a time until a page needs OCR. */
		if (tail < last && tail - head < (ctx.ocr ? window : 1)) {
			rc = pdf_page_start(&ctx, doc, pd, tail, &ring[tail % PDF_WINDOW]);
			tail++;
			continue;
		}
		rc = pdf_page_finish(&ctx, doc, &ring[head % PDF_WINDOW]);
		if (ring[head % PDF_WINDOW].page)
			g_object_unref(ring[head % PDF_WINDOW].page);
		head++;
	}
	for (; head < tail; head++)   /* after an error */
		if (ring[head % PDF_WINDOW].page)
			g_object_unref(ring[head % PDF_WINDOW].page);
	if (rc == 0)
		rc = page_finish_doc(doc);
	if (rc < 0)
		EX_FAIL_CODE(err, rc);
out:
	pdf_ahead_free(ctx.ahead);
	ocr_pool_free(ctx.ocr);
	pdf_draw_close(ctx.draw);
	g_object_unref(pd);
	return rc;
}
