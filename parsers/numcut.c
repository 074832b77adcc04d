/* numcut.c: numbers side by side on a line parted by the Swedish number
 * grammar; see numcut.h. The text layer's lines (pdf.c) and OCR's
 * (ocr.c) are cut by the same rules. */
#include "numcut.h"

#include <glib.h>
#include <math.h>
#include <string.h>

/* Thresholds, and why (shares of a glyph's height h). */
#define NUM_ROW_LABEL_WORDS 6     /* numbers are parted only after a label this short */
#define NUM_NUMBER_GAP 0.5f       /* numbers whose groups could be one part at a gap over this
				   * of the height (a thousands space is a quarter of it) */
#define NUM_COLUMN_GAP 1.5f       /* ... and at a gap over this of it whatever the run's other
				   * gaps: no thousands space is that wide (a monospaced
				   * font's is 0.8); columns set evenly ("995 313 417 788",
				   * every gap a column's) part there */

/* A unit word that ends a number: "kr", "tkr", "%", "st", a rate
 * ("kr/kvm"). A short list
 * of its own: parsers sit below patterns/ and may not call its unit
 * matcher; this one only keeps "12 kr" from being cut as two cells. */
static int unit_word(const char *t)
{
	static const char *const units[] = { "kr", "kr.", "tkr", "mkr", "sek", "tsek", "msek", "%", "st", "st.",
					     "kr/kvm", "kr/m2", "kr/m\xC2\xB2", "kr/mån" };

	for (size_t i = 0; i < sizeof(units) / sizeof(units[0]); i++)
		if (!g_ascii_strcasecmp(t, units[i]))
			return 1;
	return 0;
}

/* A word's part in a Swedish number: a digit group ("458"), one with a
 * sign or an accounts' opening bracket first ("-1", "−6", "(91"), or one
 * that ends the number last, with decimals, a closing bracket or the
 * rest of its groups ("178,5", "454)", "1,716,390"): its digits before
 * any comma or point, or 0 when it is none of these. */
static int digit_group(const char *t, int *sign, int *ends)
{
	int n = 0, open = *t == '(', close = 0, dec = 0;

	*sign = *ends = 0;
	if (*t == '-' || *t == '+' || open)
		t++, *sign = 1;
	else if (!strncmp(t, "\xE2\x88\x92", 3) || !strncmp(t, "\xE2\x80\x93", 3) || !strncmp(t, "\xE2\x80\x94", 3))
		t += 3, *sign = 1;
	while (t[n] >= '0' && t[n] <= '9')
		n++;
	if (!n)
		return 0;
	t += n;
	/* decimals, or the rest of a number grouped in English or with dots
	 * ("178,5", "1,716,390", "1.234.567", "1,234.50"): whole in the word */
	while ((*t == ',' || *t == '.') && t[1] >= '0' && t[1] <= '9') {
		*ends = dec = 1;
		for (t++; *t >= '0' && *t <= '9'; t++)
			;
	}
	if (*t == ')')
		*ends = close = 1, t++;
	if (*t)
		return 0;
	/* "(1)", "(13)": a note or a page count ("1 (13)"), not an amount */
	return open && close && n <= 2 && !dec ? 0 : n;
}

/* A one-group part that may be an amount: no leading zero ("0001",
 * "-01" are codes), or a dash. */
static int amount(const char *t)
{
	t += *t == '-' || *t == '+' || *t == '(';
	return *t != '0' || t[1] < '0' || t[1] > '9' || !strncmp(t, "\xE2", 1) || *t == '\0';
}

/* A cell that says no value: "-", "–", "—". */
static int missing_mark(const char *t)
{
	return !strcmp(t, "-") || !strcmp(t, "\xE2\x80\x93") || !strcmp(t, "\xE2\x80\x94");
}

int numcut_year_word(const char *t)
{
	return strlen(t) == 4 && (!strncmp(t, "19", 2) || !strncmp(t, "20", 2)) && strspn(t, "0123456789") == 4;
}

/* A period as a column heading prints it, whole in one word: a year
 * ("2023"), a date ("2022-12-31"), a year's range of dates with no
 * space ("2022-01-01-2022-12-31", with an en dash too) or a split year
 * ("2022/2023", "2022/23"). A word that starts with a dash
 * ("-2022-12-31", a range's second half) is none. */
int numcut_period_word(const char *t)
{
	size_t n = strlen(t), digits = 0, seps = 0;

	if (n < 4 || !numcut_year_word((char[5]){ t[0], t[1], t[2], t[3], 0 }))
		return 0;
	for (const char *p = t; *p; p++) {
		if (*p >= '0' && *p <= '9') {
			digits++;
			continue;
		}
		if (!strncmp(p, "\xE2\x80\x93", 3))
			p += 2;
		else if (*p != '-' && *p != '/')
			return 0;
		if (p[1] < '0' || p[1] > '9')
			return 0;   /* a separator between digits only */
		seps++;
	}
	if (digits == 4)
		return seps == 0;
	if (strchr(t, '/'))
		return seps == 1 && (digits == 6 || digits == 8);
	return (digits == 8 && seps == 2) || (digits == 16 && seps == 5);
}

/* Where numbers side by side on a line part (columns set closer than
 * the line's word gaps show): in Swedish every group after a number's
 * first has exactly three digits and no sign, and a number ends at its
 * decimals or closing bracket, so "6 178 6 262" is two numbers, "19 980
 * 19 500" two, "1 298 300 kr 1 204 500 kr" two (a unit word ends one),
 * "(91 454) 74 369" two, "6,7 1,7 - 6,7" four (a dash is a cell of its
 * own), "2023 2022" two, "38869 46968" two. Where the groups could be one number, a gap
 * twice the run's narrowest and wider than NUM_NUMBER_GAP of the height
 * parts them ("247 218 204   192 368 450"). A part must be a number in
 * thousands groups (two groups at least), unless both its ends are sure
 * (a sign, bracket, decimals, dash or year on either side of the cut, or
 * the label and the line's end): "3975 82 69658" (an account) stays
 * whole. Only numbers that end the line after a label of
 * NUM_ROW_LABEL_WORDS words at most; where they part, the label before
 * them is parted from them too. Marks cut[i] after word i. */
/* The parts of the run of numbers w[a..b] (narrow: its narrowest gap),
 * by the grammar and, with by_gap, by wide gaps: mine[k] set after word
 * k where a part ends. 1 when they part into numbers, each a number in
 * thousands groups or sure at both ends; 0 when they are one number or
 * cannot part with confidence. */
static int run_parts(const struct doc_word *w, size_t a, size_t b, float narrow, int by_gap, unsigned char *mine)
{
	int groups = 1, ok = 1, any = 0, sure_left = 1, s0, e0, prev = digit_group(w[a].text, &s0, &e0);
	int s1, e1, g;
	size_t inner = 0, second = 0;

	/* each word read once: this one's group is the next one's prev */
	for (size_t k = a + 1; k <= b; prev = g, e0 = e1, k++) {
		g = digit_group(w[k].text, &s1, &e1);
		int dash = missing_mark(w[k].text) || missing_mark(w[k - 1].text);
		float gap = w[k].box.x0 - w[k - 1].box.x1, h = w[k].box.y1 - w[k].box.y0;
		/* sure: a sign, a bracket, decimals, a dash, a unit word, years, two
		 * numbers of four digits or more side by side (no group of a
		 * number has more than three), or, after a row's label, a gap
		 * no thousands space is (numbers alone on a line, a chart's
		 * axis, stay one line) */
		int sure = s1 || e0 || dash ||
			   (numcut_year_word(w[k].text) && numcut_year_word(w[k - 1].text)) || (prev >= 4 && g >= 4) || (a > 0 && gap > NUM_COLUMN_GAP * h) ||
			   (g && unit_word(w[k - 1].text));   /* its unit ended the number before */

		if (!g && !dash)
			continue;   /* a unit word: the number after it starts anew */
		if (dash || !prev || sure || g != 3 || (groups == 1 && prev > 3) ||
		    (by_gap && gap >= 2 * narrow && gap > NUM_NUMBER_GAP * h)) {
			ok &= groups >= 2 || (sure_left && sure && amount(w[k - 1].text));
			mine[k - 1] = any = 1;
			groups = 1;
			sure_left = sure;
		} else {
			groups++;
		}
	}
	ok &= groups >= 2 || (sure_left && amount(w[b].text));   /* the last part ends the line */
	for (size_t k = a + 1; k < b; k++)
		if (mine[k] && !inner++)
			second = k + 1;
	/* a dash before one number is a dash in the text ("Chennai –
	 * 600035"), not an empty cell; nor is one between two numbers alone
	 * ("2020 - 2021", "3 - 1"): a range or a score */
	if (missing_mark(w[a].text) && !inner)
		return 0;
	if (inner == 1 && mine[a] && missing_mark(w[second - 1].text) && second - 1 == a + 1)
		return 0;
	return ok && any;
}

/* Periods side by side that end a line, a table's column headings
 * ("2022-01-01-2022-12-31 2021-01-01-2021-12-31", "2022-12-31
 * 2021-12-31", "2022/2023 2021/2022"; a typesetter leaves one space
 * between headings wider than their columns' numbers): two or more
 * after a label of NUM_ROW_LABEL_WORDS words at most, each a cell, the
 * label one too. 1 when the line parts so. */
static int period_cut(const struct doc_word *w, size_t n, unsigned char *cut)
{
	size_t a = n;

	while (a > 0 && numcut_period_word(w[a - 1].text) && (a == n || w[a - 1].space_after))
		a--;
	if (n - a < 2 || a > NUM_ROW_LABEL_WORDS)
		return 0;
	for (size_t k = a > 0 ? a - 1 : 0; k + 1 < n; k++)
		cut[k] = 1;
	return 1;
}

void numcut_line(const struct doc_word *w, size_t n, unsigned char *cut)
{
	int sign, ends;

	if (period_cut(w, n, cut))
		return;

	for (size_t a = 0; a < n;) {
		size_t b = a;
		float narrow = 1e9f;

		if (!digit_group(w[a].text, &sign, &ends) && !missing_mark(w[a].text)) {
			a++;
			continue;
		}
		/* the run: groups joined by spaces, a unit word after a number, dashes */
		while (b + 1 < n && w[b].space_after &&
		       (digit_group(w[b + 1].text, &sign, &ends) || unit_word(w[b + 1].text) ||
			missing_mark(w[b + 1].text)))
			b++;
		/* only where the numbers end the line after a short label, as
		 * in a table's row ("SUMMA TILLGÅNGAR 247 218 204 192 368 450");
		 * prose ("ring 08 123 45 67 i dag") is left whole */
		if (b + 1 != n || a > NUM_ROW_LABEL_WORDS || a == b) {
			a = b + 1;
			continue;
		}
		for (size_t k = a; k < b; k++)
			narrow = fminf(narrow, w[k + 1].box.x0 - w[k].box.x1);
		/* With the gaps first; then, where a gap would leave a part that
		 * is no number (a column gap narrower than a thousands space, as
		 * a monospaced font sets it), by the grammar alone. */
		for (int by_gap = 1; by_gap >= 0; by_gap--) {
			unsigned char mine[256] = { 0 };

			if (!run_parts(w, a, b, narrow, by_gap, mine))
				continue;
			for (size_t k = a; k <= b; k++)
				cut[k] |= mine[k];
			/* numbers that part are cells: the label before them is
			 * a cell of its own too, however close */
			if (a > 0)
				cut[a - 1] = 1;
			break;
		}
		a = b + 1;
	}
}

size_t numcut_minus(const char *t)
{
	if (*t == '-')
		return 1;
	return !strncmp(t, "\xE2\x80\x93", 3) || !strncmp(t, "\xE2\x88\x92", 3) ? 3 : 0;   /* en dash, minus */
}

/* Whether t is a number written with commas between thousands up to
 * a comma at its end ("80,", "-80,584,"): sign, one to three digits,
 * groups of three. */
static int comma_grouped_head(const char *t)
{
	size_t n;

	t += numcut_minus(t);
	n = strspn(t, "0123456789");
	if (n < 1 || n > 3)
		return 0;
	for (t += n; t[0] == ',' && t[1]; t += 4)
		if (strspn(t + 1, "0123456789") != 3)
			return 0;
	return t[0] == ',' && !t[1];
}

/* Whether t is a whole number with commas between thousands
 * ("74,933,170", "-80,105"). */
static int comma_grouped(const char *t)
{
	size_t n = strlen(t);
	char head[64];

	if (n < 5 || n + 2 > sizeof(head))
		return 0;
	memcpy(head, t, n);
	head[n] = ',', head[n + 1] = '\0';
	return strchr(t, ',') && comma_grouped_head(head);
}

/* A number with commas between thousands that OCR read with a space
 * after each ("80, 584, 237" for 80,584,237): its pieces joined, on a
 * line that writes another number so ("74,933,170") and where the space
 * is under 0.7 of the words' height; prose's "1, 234" stays. */
int numcut_join_comma_groups(struct arena *a, struct doc_line *l)
{
	int evidence = 0;

	for (size_t k = 0; k < l->nwords && !evidence; k++)
		evidence = comma_grouped(l->words[k].text);
	for (size_t k = 0; evidence && k + 1 < l->nwords; k++) {
		struct doc_word *w = &l->words[k], *x = &l->words[k + 1];
		float h = w->box.y1 - w->box.y0, gap = x->box.x0 - w->box.x1;
		size_t d = strspn(x->text, "0123456789");

		if (!comma_grouped_head(w->text) || d != 3 || (x->text[3] && x->text[3] != ',') ||
		    (x->text[3] == ',' && x->text[4] && !comma_grouped_head(x->text)) || gap > 0.7f * h)
			continue;
		const char *t = arena_printf(a, "%s%s", w->text, x->text);

		if (!t)
			return EX_ENOMEM;
		w->text = t;
		w->box.x1 = x->box.x1;
		w->box.y0 = w->box.y0 < x->box.y0 ? w->box.y0 : x->box.y0;
		w->box.y1 = w->box.y1 > x->box.y1 ? w->box.y1 : x->box.y1;
		w->conf = w->conf < x->conf ? w->conf : x->conf;
		w->space_after = x->space_after;
		memmove(x, x + 1, (l->nwords - k - 2) * sizeof(*x));
		l->nwords--;
		k--;   /* "80,584," may take "237" next */
	}
	return 0;
}

#define NUMCUT_SPLIT_WORDS 2.5f   /* a line of two or three words parts between words at this many heights */

static int has_digit(const char *t)
{
	return strpbrk(t, "0123456789") != NULL;
}

#define NUMCUT_MONO_SPACE 1.25f   /* a gap this many of its words' letters wide at most is a space */

float numcut_letter_width(const struct doc_word *w)
{
	glong n = g_utf8_strlen(w->text, -1);

	return n >= 3 ? (w->box.x1 - w->box.x0) / (float)n : -1;
}

/* Whether a line of two or three words parts after word w, gap points
 * before the next, its words h high: at a gap over a height beside a
 * number ("Resultat 337"), but between words only at NUMCUT_SPLIT_WORDS
 * heights: a label wrapped in a narrow justified cell stretches its
 * spaces ("kvm,   kr/kvm" is one cell). A gap about a letter of the words
 * beside it wide is a space whatever the height: a monospaced font's
 * space is a letter wide, more than an OCR'd word's ink is high (a
 * Courier title's "Sjöbotten 4", the gap 10.3 points, the letters 9.4,
 * the words' ink 10.3 high). */
int numcut_short_line_cut(const struct doc_word *w, float gap, float h)
{
	float letter = fmaxf(numcut_letter_width(&w[0]), numcut_letter_width(&w[1]));

	return gap > h && gap > NUMCUT_MONO_SPACE * letter &&
	       (has_digit(w[0].text) || has_digit(w[1].text) || gap > NUMCUT_SPLIT_WORDS * h);
}

#define NUM_SAME_GAP 0.15f   /* two gaps this close (of the wider) are alike */

int numcut_spaced_number(const struct doc_word *w, size_t n, float h)
{
	int s, e, lead;
	float wide = 0, narrow = 1e30f;

	if (n < 2 || n > 3 || h <= 0)
		return 0;
	lead = digit_group(w[0].text, &s, &e);
	if (lead < 1 || lead > 3 || e)
		return 0;
	for (size_t k = 1; k < n; k++) {
		float gap = w[k].box.x0 - w[k - 1].box.x1;

		if (digit_group(w[k].text, &s, &e) != 3 || s || (e && k + 1 < n) || gap <= 0)
			return 0;
		wide = fmaxf(wide, gap);
		narrow = fminf(narrow, gap);
	}
	return wide - narrow <= NUM_SAME_GAP * wide && wide <= NUM_COLUMN_GAP * h;
}
