/* ocrline.c: when a line OCR read again replaces the first reading; see
 * ocrline.h. */
#include "ocrline.h"

#include "numcut.h"
#include "ocrfix.h"

#include <math.h>
#include <glib.h>
#include <stdlib.h>
#include <string.h>

/* Thresholds, and why (shares of confidence, characters or widths). */
#define OCR_LINE_DOUBT 0.60f      /* a word under this confidence: the line is doubted (Tesseract's
				   * misread lines hold words at 0-0.5; its sure digits 0.7-0.97) */
#define OCR_LINE_GAIN 0.10f       /* the second reading surer by this on the whole */
#define OCR_LINE_KEEP 0.6f        /* ... keeping this share of the first's characters */
#define OCR_LINE_COVER 0.5f       /* a word half under the other reading's is there */
#define OCR_MINUS_FLAT 0.25f      /* a minus's bar at most this of a digit's height (seen 0.14) */
#define OCR_MINUS_HIGH 0.30f      /* ... its middle this far down the digit at least (seen 0.5) */
#define OCR_MINUS_LOW 0.80f       /* ... and at most */
#define OCR_LOST_TALL 0.5f        /* a lost minus's digit: at least this of the word's height */
#define OCR_LOST_NARROW 0.25f     /* ... its bar at least this of the digit's height wide (a hyphen
				   * 0.45, a minus 0.7) ... */
#define OCR_LOST_WIDE 1.2f        /* ... at most this (an em dash 1.4) ... */
#define OCR_LOST_GAP 0.5f         /* ... and at most this before the digit (seen 0.1) */
#define OCR_LOST_UNDER 0.15f      /* ... its end at most this under the digit (a 1's flag over it) */
#define OCR_LOST_SPECK 0.1f       /* ink within this of the digit's height both ways is a speck */
#define OCR_LOST_DIGIT 1.0f       /* a digit at most this of its height wide ("+5" run together is
				   * 1.4; DejaVu's 4 is 0.87) ... */
#define OCR_LOST_RUN 2.4f         /* digits a blur ran together that a bar touches: at most this of
				   * their height wide (two 4s of a bold face 1.5) ... */
#define OCR_LOST_JOINED 0.45f     /* ... the bar at least this (a minus 0.7; the arm of a '+' run
				   * into its digit, which is all of it that stands before, 0.3) */
#define OCR_LOST_THIN 0.45f       /* ... and at least this (digits seen 0.61-0.76; a 4 whose thin
				   * diagonal a scan lost leaves its stem, 0.35, and its crossbar's
				   * end apart as a bar; a 1 is never taken) */
#define OCR_JUNK_RULE 0.3f        /* a rule through marks before a number: at most this of a digit's
				   * height thick */
#define OCR_SEVEN_BAND 0.15f      /* a digit's top and bottom bands: this of its height */
#define OCR_SEVEN_BAR 0.5f        /* a 7's top bar at least this of its height wide (seen 0.58-0.70;
				   * a 1's top 0.18-0.43) */
#define OCR_SEVEN_FOOT 0.5f       /* ... its foot at most this of the bar */
#define OCR_SEVEN_WIDE 0.85f      /* a digit's piece at most this of its height wide */
#define OCR_SEVEN_MIN_PX 8        /* ... and this many pixels high at least */
#define OCR_MONO_SPREAD 0.15f     /* words' widths per letter this close (of their median): monospaced */
#define OCR_JOIN_OVERLAP 0.6f     /* lines on one row overlap by this of the lower's height ... */
#define OCR_JOIN_GAP 1.5f         /* ... and one starts within this of it after the other's end */
#define OCR_UPRIGHT 4.0f          /* a sign drawn across boxed this many times as high as wide */
#define OCRLINE_STACK_MAX 64      /* pieces of a word's box looked at for rows */

int ocrline_doubted(const struct ocr_word *w, size_t n)
{
	int digit = 0, doubt = 0;

	for (size_t i = 0; i < n; i++) {
		digit |= strpbrk(w[i].text, "0123456789") != NULL;
		doubt |= w[i].conf < OCR_LINE_DOUBT;
	}
	return digit && doubt;
}

/* The words' confidence weighted by their characters; their characters
 * in *chars. */
static float line_conf(const struct ocr_word *w, size_t n, size_t *chars)
{
	double sum = 0;

	*chars = 0;
	for (size_t i = 0; i < n; i++) {
		size_t k = strlen(w[i].text);

		sum += w[i].conf * (double)k;
		*chars += k;
	}
	return *chars ? (float)(sum / (double)*chars) : 0;
}

/* Whether every word of w lies for the most part under words of again,
 * words less than the line's height apart taken as one stretch. */
static int covers(const struct ocr_word *w, size_t n, const struct ocr_word *again, size_t m)
{
	float h = 0;

	for (size_t i = 0; i < n; i++)
		h = fmaxf(h, w[i].box.y1 - w[i].box.y0);
	for (size_t i = 0; i < n; i++) {
		float under = 0, width = w[i].box.x1 - w[i].box.x0;

		for (size_t k = 0; k < m;) {
			float x0 = again[k].box.x0, x1 = again[k].box.x1, l, r;

			for (k++; k < m && again[k].box.x0 - x1 < h && again[k].box.x0 >= x0; k++)
				x1 = fmaxf(x1, again[k].box.x1);
			l = fmaxf(w[i].box.x0, x0), r = fminf(w[i].box.x1, x1);
			under += r > l ? r - l : 0;
		}
		if (under < OCR_LINE_COVER * width)
			return 0;
	}
	return 1;
}

/* Whether two words lie over the same ink: Tesseract, reading a line
 * alone between a table's rules, now and then reads part of it twice
 * ("2104835 1266782 2104835 1266782"). */
static int read_twice(const struct ocr_word *w, size_t n)
{
	for (size_t i = 0; i < n; i++)
		for (size_t k = i + 1; k < n; k++) {
			float l = fmaxf(w[i].box.x0, w[k].box.x0), r = fminf(w[i].box.x1, w[k].box.x1);
			float narrow = fminf(w[i].box.x1 - w[i].box.x0, w[k].box.x1 - w[k].box.x0);

			if (r - l > OCR_LINE_COVER * narrow)
				return 1;
		}
	return 0;
}

int ocrline_better(const struct ocr_word *first, size_t n, const struct ocr_word *again, size_t m)
{
	size_t c0, c1;
	float before = line_conf(first, n, &c0), after = line_conf(again, m, &c1);

	return m && after > before + OCR_LINE_GAIN && (float)c1 >= OCR_LINE_KEEP * (float)c0 &&
	       covers(first, n, again, m) && !read_twice(again, m);
}

static struct box words_box(const struct doc_line *l)
{
	struct box b = l->words[0].box;

	for (size_t k = 1; k < l->nwords; k++)
		b = box_union(b, l->words[k].box);
	return b;
}

void ocrline_join_rows(struct doc_line *lines, size_t *nlines)
{
	size_t n = 0;

	for (size_t i = 0; i < *nlines; i++) {
		struct box b;
		struct doc_line *to = NULL;
		int before = 0;

		if (!lines[i].nwords)
			continue;
		b = words_box(&lines[i]);
		for (size_t k = 0; k < n; k++) {
			struct box p = words_box(&lines[k]);
			float h = fminf(b.y1 - b.y0, p.y1 - p.y0);
			float over = fminf(b.y1, p.y1) - fmaxf(b.y0, p.y0), gap = b.x0 - p.x1, ahead = p.x0 - b.x1;

			if (over >= OCR_JOIN_OVERLAP * h && ((gap >= 0 && gap < OCR_JOIN_GAP * h) ||
							     (ahead >= 0 && ahead < OCR_JOIN_GAP * h)))
				to = &lines[k], before = gap < 0;
		}
		if (!to) {
			lines[n++] = lines[i];
			continue;
		}
		/* (a line read after the one it stands before goes first) */
		if (before)
			memmove(to->words + lines[i].nwords, to->words, to->nwords * sizeof(*to->words));
		memcpy(to->words + (before ? 0 : to->nwords), lines[i].words, lines[i].nwords * sizeof(*to->words));
		to->nwords += lines[i].nwords;
	}
	*nlines = n;
}


int ocrline_minus_bar(const int sign[4], const int digit[4])
{
	float h = (float)(digit[3] - digit[1]), bar = (float)(sign[3] - sign[1]);
	float mid = (float)(sign[1] + sign[3]) / 2 - (float)digit[1];

	return h > 0 && bar <= OCR_MINUS_FLAT * h && (float)(sign[2] - sign[0]) >= 2 * bar && mid >= OCR_MINUS_HIGH * h &&
	       mid <= OCR_MINUS_LOW * h;
}

int ocrline_one_bar(const int a[4], const int b[4], const int digit[4], const int (*comp)[4], size_t n)
{
	float speck = OCR_LOST_SPECK * (float)(digit[3] - digit[1]);
	int bar = -1;

	for (size_t i = 0; i < n; i++) {
		const int *c = comp[i];

		if ((float)(c[2] - c[0]) <= speck && (float)(c[3] - c[1]) <= speck)
			continue;
		if (bar >= 0)
			return 0;   /* two pieces of ink: two signs as printed, or a sign and more */
		bar = (int)i;
	}
	return bar >= 0 && comp[bar][0] <= (a[0] + a[2]) / 2 && comp[bar][2] >= (b[0] + b[2]) / 2 &&
	       ocrline_minus_bar(comp[bar], digit);
}

int ocrline_lost_minus(const int word[4], const int (*comp)[4], size_t n)
{
	int h = word[3] - word[1], d = -1, bar = -1;

	/* the first digit: the leftmost tall ink starting in the word */
	for (size_t i = 0; i < n; i++)
		if (comp[i][3] - comp[i][1] >= OCR_LOST_TALL * (float)h && comp[i][0] >= word[0] - 2 &&
		    (d < 0 || comp[i][0] < comp[d][0]))
			d = (int)i;
	if (d < 0 || comp[d][2] - comp[d][0] > OCR_LOST_RUN * (float)(comp[d][3] - comp[d][1]) ||
	    comp[d][2] - comp[d][0] < OCR_LOST_THIN * (float)(comp[d][3] - comp[d][1]))
		return -1;   /* none, more than digits run together, or a piece of one */
	float dh = (float)(comp[d][3] - comp[d][1]), speck = OCR_LOST_SPECK * dh;
	int run = (float)(comp[d][2] - comp[d][0]) > OCR_LOST_DIGIT * dh;

	for (size_t i = 0; i < n; i++) {
		const int *c = comp[i];
		float w = (float)(c[2] - c[0]), ch = (float)(c[3] - c[1]);

		if ((int)i == d || c[0] >= comp[d][0] || c[2] > comp[d][0] + 1 + (int)(OCR_LOST_UNDER * dh) ||
		    (w <= speck && ch <= speck))
			continue;   /* the digit, ink not left of it, a speck */
		if (w < OCR_LOST_NARROW * dh || w > OCR_LOST_WIDE * dh ||
		    (float)(comp[d][0] - c[2]) > OCR_LOST_GAP * dh || !ocrline_minus_bar(c, comp[d]))
			return -1;   /* other ink before the number, or no minus's bar */
		bar = (int)i;
	}
	if (bar >= 0 && run && (comp[d][0] - comp[bar][2] > 1 || (float)(comp[bar][2] - comp[bar][0]) < OCR_LOST_JOINED * dh))
		return -1;   /* more than a digit after a bar that does not touch it, or is a '+''s arm */
	return bar;
}

static int cmp_float(const void *a, const void *b)
{
	float x = *(const float *)a, y = *(const float *)b;

	return (x > y) - (x < y);
}

int ocrline_monospaced(const struct doc_word *w, size_t n)
{
	float per[256], med;
	size_t k = 0;

	for (size_t i = 0; i < n && k < sizeof(per) / sizeof(per[0]); i++) {
		float letter = numcut_letter_width(&w[i]);

		if (letter >= 0)
			per[k++] = letter;
	}
	if (k < 3)
		return 0;
	qsort(per, k, sizeof(per[0]), cmp_float);
	med = per[k / 2];
	return med > 0 && per[k - 1] - per[0] <= OCR_MONO_SPREAD * med;
}

#define OCR_PITCH_AGREE 0.03f   /* a monospaced line's word starts agree on its pitch this closely */

float ocrline_pitch(const struct doc_word *w, size_t n)
{
	float est[64], med;
	size_t m = 0, agree = 0;

	if (!ocrline_monospaced(w, n))
		return 0;
	for (size_t k = 0; k + 1 < n && m < sizeof(est) / sizeof(est[0]); k++) {
		glong len = g_utf8_strlen(w[k].text, -1);
		float d = w[k + 1].box.x0 - w[k].box.x0;

		if (len >= 2 && d > 0)
			est[m++] = d / (float)(len + 1);
	}
	if (m < 2)
		return 0;
	qsort(est, m, sizeof(est[0]), cmp_float);
	med = est[m / 2];
	for (size_t k = 0; k < m; k++)
		agree += fabsf(est[k] - med) <= OCR_PITCH_AGREE * med;
	return agree >= 2 && 2 * agree >= m ? med : 0;
}

/* The height of the Tesseract line word j of w is on: its tallest word's. */
static float line_height(const struct ocr_word *w, size_t n, size_t j)
{
	size_t a = j, b = j + 1;
	float h = 0;

	while (a > 0 && !w[a].line_start)
		a--;
	while (b < n && !w[b].line_start)
		b++;
	for (size_t k = a; k < b; k++)
		h = fmaxf(h, w[k].box.y1 - w[k].box.y0);
	return h;
}

int ocrline_glyph_piece(const struct ocr_word *w, size_t n, size_t i, float conf)
{
	const struct ocr_word *f = &w[i];
	float fw = f->box.x1 - f->box.x0, fh = f->box.y1 - f->box.y0;

	if (!f->line_start || (i + 1 < n && !w[i + 1].line_start) || f->conf >= conf || fw <= 0 || fh <= 0)
		return 0;
	for (size_t j = 0; j < n; j++) {
		const struct box *b = &w[j].box;
		float over = fminf(f->box.x1, b->x1) - fmaxf(f->box.x0, b->x0);

		if (j != i && over >= 0.5f * fw && f->box.y1 >= b->y0 && f->box.y0 <= b->y1 &&
		    line_height(w, n, j) >= 2 * fh)
			return 1;
	}
	return 0;
}

#define OCR_SPECK_LOW 0.4f   /* of the page's median word height */

int ocrline_speck(const struct doc_word *w, float median_h)
{
	const char *t = w->text;

	if (median_h <= 0 || w->box.y1 - w->box.y0 >= OCR_SPECK_LOW * median_h || !*t)
		return 0;
	for (; *t; t = g_utf8_next_char(t))
		if (!strchr(".,:;'`~=_^\"", *t) && !g_utf8_strchr("\xE2\x80\x98\xE2\x80\x99\xE2\x80\x9C\xE2\x80\x9D\xC2\xB4", -1,
									g_utf8_get_char(t)))
			return 0;
	return 1;
}

#define OCR_HAND_TALL 2.5f    /* of the page's median word height */
#define OCR_HAND_THIN 0.06f   /* stroke width over the box's height */
#define OCR_HAND_INKED 0.75f  /* of the box's rows */
#define OCR_HAND_CONF 0.90f

int ocrline_by_hand(const struct ocr_word *w, float median_h)
{
	float h = w->box.y1 - w->box.y0;

	return median_h > 0 && h >= OCR_HAND_TALL * median_h && w->stroke > 0 && w->stroke < OCR_HAND_THIN * h &&
	       w->inked >= OCR_HAND_INKED && w->conf < OCR_HAND_CONF;
}

int ocrline_upright_sign(const struct ocr_word *w)
{
	static const char *const across[] = { "=", "-", "\xE2\x80\x93", "\xE2\x80\x94", "~", "_" };
	float bw = w->box.x1 - w->box.x0, bh = w->box.y1 - w->box.y0;

	for (size_t i = 0; i < sizeof(across) / sizeof(across[0]); i++)
		if (!strcmp(w->text, across[i]))
			return bh > 0 && bw >= 0 && bh >= OCR_UPRIGHT * bw;
	return 0;
}

#define OCR_CONTINUE_GAP 1.5f   /* a found word this near a read word (of its height) may join its line */

/* Whether box f is level with box b (middles within half b's height)
 * and of b's height within a half. */
static int level_with(const struct box *b, const struct box *f)
{
	float h = b->y1 - b->y0;

	return h > 0 && fabsf((b->y0 + b->y1) / 2 - (f->y0 + f->y1) / 2) < h / 2 && fabsf((f->y1 - f->y0) - h) <= h / 2;
}

long ocrline_joins(const struct ocr_word *w, size_t n, const struct ocr_word *f, int *first)
{
	for (size_t k = 0; k < n; k++) {
		const struct box *b = &w[k].box;
		float h = b->y1 - b->y0, after = f->box.x0 - b->x1, before = b->x0 - f->box.x1;
		int last = k + 1 == n || w[k + 1].line_start;

		if (!level_with(b, &f->box))
			continue;
		if (after >= -h / 8 && after <= OCR_CONTINUE_GAP * h && (last || w[k + 1].box.x0 >= f->box.x1 - h / 8)) {
			*first = 0;
			return (long)k + 1;   /* after word k, before the next of its line */
		}
		if (w[k].line_start && before >= -h / 8 && before <= OCR_CONTINUE_GAP * h) {
			*first = 1;
			return (long)k;   /* before the line's first word */
		}
	}
	return -1;
}

int ocrline_found_speck(const struct ocr_word *f, size_t n)
{
	int alnum = 0;

	for (size_t i = 0; i < n && alnum < 2; i++)
		for (const char *p = f[i].text; *p && alnum < 2; p = g_utf8_next_char(p))
			alnum += g_unichar_isalnum(g_utf8_get_char(p)) != 0;
	return alnum < 2;
}

int ocrline_clip_found(struct ocr_word *w, const struct box *ink)
{
	if (w->box.x1 <= ink->x0 || w->box.x0 >= ink->x1 || w->box.y1 <= ink->y0 || w->box.y0 >= ink->y1)
		return 0;
	float top = fmaxf(w->box.y0, ink->y0);

	w->rise -= top - w->box.y0;
	w->box.y0 = top;
	w->box.x0 = fmaxf(w->box.x0, ink->x0);
	w->box.x1 = fminf(w->box.x1, ink->x1);
	w->box.y1 = fminf(w->box.y1, ink->y1);
	return 1;
}

int ocrline_overruns(const struct ocr_word *w, const struct ocr_word *next)
{
	return !next->line_start && next->box.x0 > w->box.x0 &&
	       w->box.x1 - next->box.x0 > (w->box.y1 - w->box.y0) / 2;
}

static int cmp_top(const void *a, const void *b)
{
	const int *x = a, *y = b;

	return (x[1] > y[1]) - (x[1] < y[1]);
}

int ocrline_stacked(const int (*p)[4], size_t n, int h)
{
	int top[OCRLINE_STACK_MAX][4], rows = 0, y0 = 0, y1 = -1;

	if (!n)
		return 0;
	n = n < OCRLINE_STACK_MAX ? n : OCRLINE_STACK_MAX;
	memcpy(top, p, n * sizeof(*top));
	qsort(top, n, sizeof(*top), cmp_top);
	for (size_t i = 0; i <= n; i++) {
		if (i < n && top[i][1] <= y1) {   /* overlaps the row: grows it */
			y1 = top[i][3] > y1 ? top[i][3] : y1;
			continue;
		}
		rows += y1 >= y0 && 2 * (y1 - y0 + 1) >= h;
		if (i < n)
			y0 = top[i][1], y1 = top[i][3];
	}
	return rows >= 2;
}

/* The length of a '%' group as the Swedish model misreads it, at the
 * start of t: one to three digits or '>' ("96", "3", "20", ">"); 0 for
 * none (none, or more). */
static size_t percent_misread(const char *t)
{
	size_t k = 0;

	while (k < 3 && (g_ascii_isdigit(t[k]) || t[k] == '>'))
		k++;
	return g_ascii_isdigit(t[k]) || t[k] == '>' ? 0 : k;
}

int ocrline_percent_place(const struct ocr_word *w, size_t n, size_t i)
{
	const struct ocr_word *next = i + 1 < n ? &w[i + 1] : NULL;
	const char *t = w[i].text, *prev = i > 0 && !w[i].line_start ? w[i - 1].text : NULL;
	size_t pn = prev ? strlen(prev) : 0, k;
	int bracket = *t == '(';

	if (pn < 2 || !(k = percent_misread(t + bracket)) || strcmp(t + bracket + k, bracket ? ")" : ""))
		return 0;
	if (!bracket && prev[pn - 1] != ',')
		return 0;
	if (!g_unichar_isalpha(g_utf8_get_char(g_utf8_prev_char(prev + pn - !bracket))))
		return 0;
	return !next || next->line_start || g_ascii_isdigit(next->text[0]) ||
	       ((next->text[0] == '-' || next->text[0] == '(') && g_ascii_isdigit(next->text[1]));
}

int ocrline_percent_read(const char *first, const char *again)
{
	return !strcmp(again, *first == '(' ? "(%)" : "%");
}

int ocrline_reread_candidate(const struct ocr_dict *d, const struct ocr_word *w, size_t n, size_t i)
{
	const char *t = w[i].text;
	size_t len = strlen(t);
	int ao = 0;

	if (!w[i].other_lang || len < 3 || len > 60)
		return 0;
	for (const char *p = t; *p; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);

		if (!g_unichar_isalpha(c) && !strchr(",.;:()", (int)c))
			return 0;
		ao |= c == 'a' || c == 'o' || c == 'A' || c == 'O';
	}
	if (!ao || !ocr_dict_marked_variant(d, t))
		return 0;
	return !ocr_dict_english_only(d, t) || (i > 0 && !w[i].line_start && ocr_text_swedish(w[i - 1].text)) ||
	       (i + 1 < n && !w[i + 1].line_start && ocr_text_swedish(w[i + 1].text));
}

int ocrline_digit_ink(const int (*syms)[4], size_t ns, size_t at, const int (*comp)[4], size_t n, int out[4])
{
	const int *sym = syms[at];
	int found = 0;

	for (size_t i = 0; i < n; i++) {
		const int *c = comp[i];
		int mid = (c[0] + c[2]) / 2;

		if (mid < sym[0] || mid > sym[2])
			continue;
		for (size_t k = 0; k < ns; k++)
			if (k != at && mid >= syms[k][0] && mid <= syms[k][2])
				return -1;   /* ink two symbols were read from */
		if (!found++) {
			memcpy(out, c, 4 * sizeof(*out));
			continue;
		}
		out[0] = c[0] < out[0] ? c[0] : out[0], out[1] = c[1] < out[1] ? c[1] : out[1];
		out[2] = c[2] > out[2] ? c[2] : out[2], out[3] = c[3] > out[3] ? c[3] : out[3];
	}
	for (size_t k = 0; found && k < ns; k++) {
		int mid = (syms[k][0] + syms[k][2]) / 2;

		if (k != at && mid >= out[0] && mid <= out[2])
			return -1;   /* another symbol read over the same ink */
	}
	return found ? 0 : -1;
}

int ocrline_seven_band(const int q[4])
{
	int band = (int)(OCR_SEVEN_BAND * (float)(q[3] - q[1]) + 0.5f);

	return band > 0 ? band : 1;
}

int ocrline_seven(const int q[4], int top, int bottom)
{
	float w = (float)(q[2] - q[0]), h = (float)(q[3] - q[1]);

	return h >= OCR_SEVEN_MIN_PX && w <= OCR_SEVEN_WIDE * h && (float)top >= OCR_SEVEN_BAR * h &&
	       (float)bottom <= OCR_SEVEN_FOOT * (float)top;
}

int ocrline_marks_minus(const int rect[4], const int digit[4], const int (*comp)[4], size_t n)
{
	float h = (float)(digit[3] - digit[1]), speck = OCR_LOST_SPECK * h, rule = OCR_JUNK_RULE * h;
	int bars = 0;

	for (size_t i = 0; i < n; i++) {
		const int *c = comp[i];
		float w = (float)(c[2] - c[0]), ch = (float)(c[3] - c[1]);

		if (w <= speck && ch <= speck)
			continue;   /* a speck */
		if (ocrline_minus_bar(c, digit))
			bars++;
		else if (!(c[1] <= rect[1] + 1 && c[3] >= rect[3] - 1 && w <= rule) &&
			 !(c[0] <= rect[0] + 1 && c[2] >= rect[2] - 1 && ch <= rule))
			return 0;   /* neither a rule through the stretch, upright or across */
	}
	return bars == 1;
}
