/* rating.c: traffic-light ratings of goals on GENOMFÖRANDE and EFFEKT. */
#include "internal.h"

#include <ctype.h>
#include <glib.h>
#include <stdio.h>
#include <string.h>

const char *pat_colour_name(uint32_t rgb)
{
	double r = ((rgb >> 16) & 0xFF) / 255.0, g = ((rgb >> 8) & 0xFF) / 255.0, b = (rgb & 0xFF) / 255.0;
	double mx = r > g ? (r > b ? r : b) : (g > b ? g : b);
	double mn = r < g ? (r < b ? r : b) : (g < b ? g : b);
	double d = mx - mn, h;

	/* White, grey, black and pale tints carry no rating. */
	if (mx < 0.25 || d / mx < 0.35)
		return NULL;
	if (mx == r)
		h = 60 * ((g - b) / d);
	else if (mx == g)
		h = 60 * ((b - r) / d + 2);
	else
		h = 60 * ((r - g) / d + 4);
	if (h < 0)
		h += 360;
	if (h < 18 || h >= 330)
		return "red";
	if (h < 70)
		return "yellow";   /* yellow and amber: #ffc000 is 45° */
	if (h < 170)
		return "green";
	return NULL;
}

static const char *colour_word(const char *s)
{
	gchar *low = g_utf8_strdown(s, -1);
	const char *c = NULL;

	static const struct { const char *word, *colour; } words[] = {
		/* in any inflection: "grönt", "röda", "rött" */
		{ "grön", "green" }, { "grönt", "green" }, { "gröna", "green" }, { "gron", "green" }, { "gront", "green" },
		{ "gul", "yellow" }, { "gult", "yellow" }, { "gula", "yellow" },
		{ "röd", "red" }, { "rött", "red" }, { "röda", "red" }, { "rod", "red" }, { "rott", "red" },
	};

	g_strstrip(low);
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]) && !c; i++)
		if (!strcmp(low, words[i].word))
			c = words[i].colour;
	g_free(low);
	return c;
}

/* Whether a cell holds nothing to read: no text, or only spaces (a
 * no-break space keeps a coloured cell from collapsing). */
static int blank(const char *s)
{
	for (; *s; s = g_utf8_next_char(s)) {
		gunichar c = g_utf8_get_char(s);

		if (!g_unichar_isspace(c) && c != 0xA0 && c != 0x202F && c != 0x2009)
			return 0;
	}
	return 1;
}

static const char *dimension(const char *s)
{
	gchar *low = g_utf8_strdown(s, -1);
	const char *d = NULL;

	g_strstrip(low);
	if (!strcmp(low, "genomförande"))
		d = "genomforande";
	else if (!strcmp(low, "effekt"))
		d = "effekt";
	g_free(low);
	return d;
}

#define GOAL_LINE_MAX 100   /* bytes: a goal's heading is a short line */

/* A paragraph that reads as a goal's heading: "4.1 Bredare finansiering",
 * one short line without a sentence's full stop. OCR'd pages give such a
 * heading as a paragraph when the scan kept neither its size nor its
 * weight; a numbered sentence ("2.1 Styrelsen har beslutat att … .") is
 * none. */
static int goal_line(const struct doc_block *b)
{
	const char *s = b->text;
	size_t n = strlen(s);

	return b->type == DOC_BLK_PARAGRAPH && n <= GOAL_LINE_MAX && !strchr(s, '\n') && n && s[n - 1] != '.' &&
	       s[n - 1] != ':' && isdigit((unsigned char)s[0]);
}

/* The goal heading a block sits under: "1.1 Amnesty Sverige bidrar …"
 * gives goal "1.1" and its title; a main section's heading ("2. FINANSIERING")
 * ends the search. The line just above (a paragraph that reads as a
 * goal's heading) counts as one too. */
static int goal_of(struct doc *doc, size_t bi, const char **goal, const char **title)
{
	size_t seen = 0;

	while (bi-- > 0) {
		const struct doc_block *b = &doc->blocks[bi];
		const char *s = b->text;
		size_t n = 0;

		if (b->furniture)
			continue;
		if (b->type != DOC_BLK_HEADING && !(seen == 0 && goal_line(b))) {
			seen++;
			continue;
		}
		seen++;
		while (isdigit((unsigned char)s[n]))
			n++;
		if (n && s[n] == '.' && isdigit((unsigned char)s[n + 1])) {
			n++;
			while (isdigit((unsigned char)s[n]))
				n++;
			*goal = arena_strndup(doc->arena, s, n);
			if (s[n] == '.')
				n++;
			while (s[n] == ' ')
				n++;
			*title = s + n;
			return 1;
		}
		if (n && (s[n] == '.' || s[n] == ' '))
			return 0;   /* "2. FINANSIERING": a new main section */
	}
	return 0;
}

static const struct doc_cell *cell_at(const struct doc_table *t, int r, int c)
{
	for (size_t i = 0; i < t->ncells; i++)
		if (t->cells[i].row == r && t->cells[i].col == c)
			return &t->cells[i];
	return NULL;
}

/* The marks a small table's upright cell edge is read as: on a scan an
 * edge shorter than a rule is left in the picture OCR reads ("[Grön",
 * "(Gul", "IGENOMFÖRANDE", "JEFFEKT", "Röd|"), and a filled cell's edge
 * alone as its only word ("I"). */
#define EDGE_BEFORE "[(|!IlJ"
#define EDGE_AFTER "])|!"

/* A cell that is blank, or on a page OCR read holds one edge mark and
 * nothing else. */
static int bare(const char *s, int ocr)
{
	s += strspn(s, " ");
	if (ocr && *s && (strchr(EDGE_BEFORE, *s) || strchr(EDGE_AFTER, *s)))
		s++;
	return blank(s);
}

/* A cell's word with an edge mark before or after it: f of the word
 * without that one mark, on a page OCR read only (a text layer's "(Gul"
 * is what was printed). */
static const char *edged(const char *s, int ocr, const char *(*f)(const char *))
{
	const char *r = f(s);
	char buf[64];
	size_t n;

	if (r || !ocr)
		return r;
	s += strspn(s, " ");
	n = strlen(s);
	while (n && s[n - 1] == ' ')
		n--;
	if (n < 4 || n >= sizeof(buf))
		return NULL;
	if (strchr(EDGE_BEFORE, s[0]) && (snprintf(buf, sizeof(buf), "%.*s", (int)(n - 1), s + 1), (r = f(buf))))
		return r;
	if (strchr(EDGE_AFTER, s[n - 1]) && (snprintf(buf, sizeof(buf), "%.*s", (int)(n - 1), s), (r = f(buf))))
		return r;
	return NULL;
}

static int ocr_page(const struct doc *doc, int page)
{
	for (size_t i = 0; i < doc->npages; i++)
		if (doc->pages[i].number == page)
			return doc->pages[i].source == DOC_SRC_OCR;
	return 0;
}

/* The warning for a rating cell that gives no colour. */
static void unread(struct doc *doc, size_t bi, const char *goal, const char *dim, const struct doc_cell *x, int ocr)
{
	const char *name = !strcmp(dim, "effekt") ? "EFFEKT" : "GENOMFÖRANDE";
	int page = doc->blocks[bi].page;

	if (!blank(x->text))
		doc_warn(doc, page, "rating_unread", "page %d: goal %s %s: the rating cell holds no colour word (\"%s\"); "
			 "no rating taken", page, goal, name, x->text);
	else
		doc_warn(doc, page, "rating_unread", "page %d: goal %s %s: the rating cell is %s%s; no rating taken", page,
			 goal, name, x->has_bg ? "filled with no colour of a rating" : "blank",
			 ocr ? " (a scan in grey keeps no colour)" : "");
}

/* A table whose first row names GENOMFÖRANDE and EFFEKT; the row under
 * holds the ratings, as a cell colour or a colour word. A cell with
 * neither (blank, grey, another word) gives no rating and a warning:
 * a rating the reader sees on the page is not lost unsaid. */
static int table_ratings(struct doc *doc, size_t bi)
{
	const struct doc_table *t = &doc->tables[doc->blocks[bi].table];
	const char *goal, *title;
	int ocr = ocr_page(doc, doc->blocks[bi].page);

	if (t->nrows < 2 || !goal_of(doc, bi, &goal, &title))
		return 0;
	for (int c = 0; c < t->ncols; c++) {
		const struct doc_cell *h = cell_at(t, 0, c), *x = cell_at(t, 1, c);
		const char *dim = h ? edged(h->text, ocr, dimension) : NULL, *colour = NULL, *evidence = NULL;
		struct doc_rating *r;
		int empty;

		if (!dim || !x)
			continue;
		empty = bare(x->text, ocr);
		if (!empty && (colour = edged(x->text, ocr, colour_word)))
			evidence = arena_printf(doc->arena, "word %s", x->text);
		else if (empty && x->has_bg && (colour = pat_colour_name(x->bg)))
			evidence = arena_printf(doc->arena, "cell_background #%06x", (unsigned)x->bg);
		if (!colour) {   /* no colour, no invented rating: said */
			unread(doc, bi, goal, dim, x, ocr);
			continue;
		}
		r = doc_add_rating(doc);
		if (!r)
			return EX_ENOMEM;
		r->goal = goal;
		r->title = title;
		r->dimension = dim;
		r->colour = colour;
		r->evidence = evidence;
		r->prov.page = doc->blocks[bi].page;
		r->prov.path = doc->blocks[bi].path;
		r->prov.block = (int)bi;
		r->prov.table = t->id;
		r->prov.row = 1;
		r->prov.col = c;
		r->prov.has_box = x->has_box;
		r->prov.box = x->box;
	}
	return 0;
}

/* "GENOMFÖRANDE: GRÖN" written out in a paragraph under a goal. */
static int text_ratings(struct doc *doc, size_t bi)
{
	const char *s = doc->blocks[bi].text, *goal, *title;
	static const char *const dims[] = { "GENOMFÖRANDE", "EFFEKT" };
	int rc = 0;

	for (int d = 0; d < 2 && rc == 0; d++) {
		const char *p = strstr(s, dims[d]);
		char word[16];
		size_t n = 0;
		struct doc_rating *r;
		const char *colour;

		if (!p)
			continue;
		p += strlen(dims[d]);
		while (*p == ':' || *p == ' ' || *p == '-')
			p++;
		while (p[n] && p[n] != ' ' && p[n] != ',' && p[n] != '.' && n + 1 < sizeof(word))
			n++;
		snprintf(word, sizeof(word), "%.*s", (int)n, p);
		colour = colour_word(word);
		if (!colour || !goal_of(doc, bi, &goal, &title))
			continue;
		r = doc_add_rating(doc);
		if (!r)
			return EX_ENOMEM;
		r->goal = goal;
		r->title = title;
		r->dimension = d ? "effekt" : "genomforande";
		r->colour = colour;
		r->evidence = arena_printf(doc->arena, "word %s", word);
		r->prov.page = doc->blocks[bi].page;
		r->prov.path = doc->blocks[bi].path;
		r->prov.block = (int)bi;
		r->prov.has_box = doc->blocks[bi].has_box;
		r->prov.box = doc->blocks[bi].box;
	}
	return rc;
}

int pat_ratings(const struct pat_set *ps, struct doc *doc)
{
	int rc = 0;

	(void)ps;
	for (size_t i = 0; i < doc->nblocks && rc == 0; i++) {
		const struct doc_block *b = &doc->blocks[i];

		if (b->type == DOC_BLK_TABLE)
			rc = table_ratings(doc, i);
		else if ((b->type == DOC_BLK_PARAGRAPH || b->type == DOC_BLK_HEADING) && !b->furniture)
			rc = text_ratings(doc, i);
	}
	return rc;
}
