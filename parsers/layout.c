/* layout.c: lines into blocks, then document-wide classification.
 *
 * Blocks: consecutive lines (in the text layer's reading order) stay in
 * one block while they sit close below each other, overlap horizontally
 * and share font size and weight. A list marker starts a new block.
 * Headings are decided after all pages, against the body font size. */
#include "layout.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../extract/norm.h"
#include "classify.h"

static float line_size(const struct doc_line *l)
{
	float s = 0;
	size_t n = 0;

	for (size_t i = 0; i < l->nwords; i++) {
		size_t c = strlen(l->words[i].text);

		s += l->words[i].size * (float)c;
		n += c;
	}
	return n ? s / (float)n : 0;
}

static int line_bold(const struct doc_line *l)
{
	for (size_t i = 0; i < l->nwords; i++)
		if (!(l->words[i].flags & DOC_WORD_BOLD))
			return 0;
	return l->nwords > 0;
}

static char *line_text(struct arena *a, const struct doc_line *l)
{
	size_t n = 0;
	char *s, *p;

	for (size_t i = 0; i < l->nwords; i++)
		n += strlen(l->words[i].text) + 1;
	s = p = arena_alloc(a, n + 1);
	if (!s)
		return NULL;
	for (size_t i = 0; i < l->nwords; i++) {
		size_t w = strlen(l->words[i].text);

		memcpy(p, l->words[i].text, w);
		p += w;
		if (i + 1 < l->nwords)
			*p++ = ' ';
	}
	*p = '\0';
	return s;
}

/* Does line b continue the block whose last line is a? */
static int continues(const struct doc_line *a, const struct doc_line *b,
		     const struct box *blk, int in_list)
{
	float ha = a->box.y1 - a->box.y0, hb = b->box.y1 - b->box.y0;
	float h = ha > hb ? ha : hb;
	float gap = b->box.y0 - a->box.y1;
	float sa = line_size(a), sb = line_size(b);

	if (h <= 0)
		return 0;
	if (gap < -0.5f * h || gap > 0.6f * h)
		return 0;
	if (b->box.x0 > blk->x1 || b->box.x1 < blk->x0)
		return 0;
	if (sa > 0 && sb > 0 && fabsf(sa - sb) > 0.1f * (sa > sb ? sa : sb))
		return 0;
	if (line_bold(a) != line_bold(b))
		return 0;
	/* A list item's continuation is indented past its marker. */
	if (in_list && b->box.x0 < blk->x0 + 2.0f)
		return 0;
	/* A short last line that ends a sentence ends the paragraph. */
	if (!in_list && a->box.x1 < blk->x1 - 0.25f * (blk->x1 - blk->x0) &&
	    a->nwords && cls_ends_sentence(a->words[a->nwords - 1].text))
		return 0;
	return 1;
}

static int emit_block(struct doc *doc, const struct layout_page *lp,
		      size_t from, size_t to)
{
	struct doc_block *b = doc_add_block(doc, DOC_BLK_PARAGRAPH, lp->page);
	const char **texts;
	int numbered;

	if (!b)
		return EX_ENOMEM;
	b->lines = lp->lines + from;
	b->nlines = to - from;
	b->has_box = 1;
	texts = arena_alloc(doc->arena, sizeof(*texts) * (to - from));
	if (!texts)
		return EX_ENOMEM;
	for (size_t i = from; i < to; i++) {
		b->box = box_union(b->box, lp->lines[i].box);
		texts[i - from] = line_text(doc->arena, &lp->lines[i]);
		if (!texts[i - from])
			return EX_ENOMEM;
	}
	size_t m = cls_list_marker(texts[0], &numbered);
	if (m && to - from >= 1 && strlen(texts[0]) > m + 1) {
		b->type = DOC_BLK_LIST_ITEM;
		b->level = 1;
		b->marker = arena_strndup(doc->arena, texts[0], m);
		texts[0] += m + 1;
	}
	b->text = norm_join_lines(doc->arena, texts, to - from);
	return b->text ? 0 : EX_ENOMEM;
}

int layout_page_blocks(struct doc *doc, const struct layout_page *lp)
{
	size_t start = 0;
	struct box blk = { 0 };
	int in_list = 0, numbered, rc;

	for (size_t i = 0; i < lp->nlines; i++) {
		const struct doc_line *l = &lp->lines[i];
		char first[64] = "";

		if (l->nwords)
			snprintf(first, sizeof(first), "%s ", l->words[0].text);
		int marker = l->nwords > 1 && cls_list_marker(first, &numbered);

		if (i > start && (marker || !continues(&lp->lines[i - 1], l, &blk, in_list))) {
			rc = emit_block(doc, lp, start, i);
			if (rc < 0)
				return rc;
			start = i;
		}
		if (i == start) {
			blk = l->box;
			in_list = marker;
			/* The item's text, not its bullet, sets the indent. */
			if (marker && l->nwords > 1)
				blk.x0 = l->words[1].box.x0;
		} else {
			blk = box_union(blk, l->box);
		}
	}
	if (start < lp->nlines)
		return emit_block(doc, lp, start, lp->nlines);
	return 0;
}

/* ---- document-wide passes ---- */

static float block_size(const struct doc_block *b)
{
	float s = 0;
	size_t n = 0;

	for (size_t i = 0; i < b->nlines; i++) {
		float ls = line_size(&b->lines[i]);

		s += ls;
		n += ls > 0;
	}
	return n ? s / (float)n : 0;
}

static int block_bold(const struct doc_block *b)
{
	for (size_t i = 0; i < b->nlines; i++)
		if (!line_bold(&b->lines[i]))
			return 0;
	return b->nlines > 0;
}

/* The body font size: the size carrying the most characters. */
static float body_size(const struct doc *doc)
{
	float sizes[64];
	size_t weight[64], n = 0, best = 0;

	for (size_t i = 0; i < doc->nblocks; i++) {
		const struct doc_block *b = &doc->blocks[i];

		for (size_t l = 0; l < b->nlines; l++)
			for (size_t w = 0; w < b->lines[l].nwords; w++) {
				float s = roundf(b->lines[l].words[w].size * 2) / 2;
				size_t k;

				for (k = 0; k < n && sizes[k] != s; k++)
					;
				if (k == n) {
					if (n == 64)
						continue;
					sizes[n] = s;
					weight[n++] = 0;
				}
				weight[k] += strlen(b->lines[l].words[w].text);
			}
	}
	for (size_t k = 1; k < n; k++)
		if (weight[k] > weight[best])
			best = k;
	return n ? sizes[best] : 0;
}

static int caption_start(const char *s)
{
	static const char *const words[] = { "Tabell ", "Figur ", "Diagram ", "Bild ",
					     "Table ", "Figure ", NULL };

	for (int i = 0; words[i]; i++) {
		size_t l = strlen(words[i]);

		if (strncmp(s, words[i], l) == 0 && isdigit((unsigned char)s[l]))
			return 1;
	}
	return 0;
}

static void classify_block(struct doc_block *b, float body)
{
	float size = block_size(b);
	size_t chars = cls_chars(b->text);
	int depth, bold = block_bold(b);
	if (b->type != DOC_BLK_PARAGRAPH)
		return;
	if (caption_start(b->text)) {
		b->type = DOC_BLK_CAPTION;
		return;
	}
	if (chars == 0 || chars > 200 || b->nlines > 3 || cls_ends_sentence(b->text))
		return;
	if (body > 0 && size >= body * 1.15f) {
		b->type = DOC_BLK_HEADING;
		b->level = 0; /* ranked below */
	} else if (bold && chars <= 120 && body > 0 && size >= body * 0.95f) {
		b->type = DOC_BLK_HEADING;
		b->level = 0;
	} else if (chars <= 100 && cls_heading_number(b->text, &depth) && bold) {
		b->type = DOC_BLK_HEADING;
		b->level = depth;
	}
}

/* Heading levels: numbering depth where printed, else the rank of the
 * heading's size among the document's heading sizes (bold body-size
 * headings rank below every larger one). */
static void rank_headings(struct doc *doc)
{
	float sizes[16];
	size_t n = 0;

	for (size_t i = 0; i < doc->nblocks; i++) {
		struct doc_block *b = &doc->blocks[i];
		float s;
		size_t k;

		if (b->type != DOC_BLK_HEADING || b->level)
			continue;
		s = roundf(block_size(b) * 2) / 2;
		for (k = 0; k < n && sizes[k] != s; k++)
			;
		if (k == n && n < 16)
			sizes[n++] = s;
	}
	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n; j++)
			if (sizes[j] > sizes[i]) {
				float t = sizes[i];

				sizes[i] = sizes[j];
				sizes[j] = t;
			}
	for (size_t i = 0; i < doc->nblocks; i++) {
		struct doc_block *b = &doc->blocks[i];
		float s;
		int depth;

		if (b->type != DOC_BLK_HEADING || b->level)
			continue;
		if (cls_heading_number(b->text, &depth)) {
			b->level = depth;
			continue;
		}
		s = roundf(block_size(b) * 2) / 2;
		b->level = 1;
		for (size_t k = 0; k < n; k++)
			if (sizes[k] == s)
				b->level = (int)k + 1 > 6 ? 6 : (int)k + 1;
	}
}

/* "3", "- 3 -", "3(12)", "Sida 3 av 12", "3 / 12", "Page 3 of 12". */
static int is_page_number(const char *s)
{
	const char *p = s;
	int digits = 0;

	if (strncmp(p, "Sida ", 5) == 0)
		p += 5;
	else if (strncmp(p, "Page ", 5) == 0)
		p += 5;
	for (; *p; p++) {
		if (isdigit((unsigned char)*p))
			digits++;
		else if (!strchr(" ()/-", *p) && strncmp(p, "av ", 3) && strncmp(p, "of ", 3) &&
			 strncmp(p, "\xE2\x80\x93", 3))
			return 0;
		else if (*p == 'a' || *p == 'o')
			p += 1;
		else if ((unsigned char)*p == 0xE2)
			p += 2;
	}
	return digits > 0 && digits <= 8;
}

/* The text with digits folded, so "Sida 3" and "Sida 4" compare equal. */
static void furniture_key(char *out, size_t n, const char *s)
{
	size_t i = 0;

	for (; *s && i + 1 < n; s++)
		if (!isdigit((unsigned char)*s))
			out[i++] = *s;
		else if (i == 0 || out[i - 1] != '#')
			out[i++] = '#';
	out[i] = '\0';
}

static int band(const struct doc *doc, const struct doc_block *b)
{
	const struct doc_page *p = &doc->pages[b->page - 1];

	if (!b->has_box || p->height <= 0 || b->nlines > 3)
		return 0;
	if (b->box.y1 <= p->height * 0.1f)
		return 1;
	if (b->box.y0 >= p->height * 0.9f)
		return 2;
	return 0;
}

static void mark_furniture(struct doc *doc)
{
	char k1[128], k2[128];

	for (size_t i = 0; i < doc->nblocks; i++) {
		struct doc_block *b = &doc->blocks[i];
		int where = band(doc, b), pages = 1, lastpage = b->page;

		if (!where)
			continue;
		if (is_page_number(b->text)) {
			b->furniture = DOC_FURN_PAGE_NUMBER;
			continue;
		}
		furniture_key(k1, sizeof(k1), b->text);
		for (size_t j = 0; j < doc->nblocks; j++) {
			const struct doc_block *o = &doc->blocks[j];

			if (o->page == lastpage || band(doc, o) != where)
				continue;
			furniture_key(k2, sizeof(k2), o->text);
			if (strcmp(k1, k2) == 0) {
				pages++;
				lastpage = o->page;
			}
		}
		if (pages >= 2)
			b->furniture = where == 1 ? DOC_FURN_HEADER : DOC_FURN_FOOTER;
	}
}

/* Footnotes: small text in the page's lower part starting with a number. */
static void mark_footnotes(struct doc *doc, float body)
{
	for (size_t i = 0; i < doc->nblocks; i++) {
		struct doc_block *b = &doc->blocks[i];
		const struct doc_page *p = &doc->pages[b->page - 1];

		if (b->furniture || !b->has_box || b->type == DOC_BLK_HEADING)
			continue;
		if (b->box.y0 < p->height * 0.6f || block_size(b) > body * 0.9f)
			continue;
		if (!isdigit((unsigned char)b->text[0]))
			continue;
		b->type = DOC_BLK_FOOTNOTE;
		b->note = atoi(b->text);
		b->marker = NULL;
	}
}

int layout_finish(struct doc *doc)
{
	float body = body_size(doc);

	mark_furniture(doc);
	for (size_t i = 0; i < doc->nblocks; i++)
		if (!doc->blocks[i].furniture && doc->blocks[i].has_box)
			classify_block(&doc->blocks[i], body);
	mark_footnotes(doc, body);
	rank_headings(doc);
	return 0;
}
