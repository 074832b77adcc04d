/* layout.c: lines into blocks, then document-wide classification.
 *
 * Blocks: consecutive lines (in the text layer's reading order) stay in
 * one block while they sit close below each other, overlap horizontally
 * and share font size and weight. A list marker starts a new block.
 * Headings are decided after all pages, against the body font size. */
#include "layout.h"

#include <ctype.h>
#include <glib.h>
#include <sys/types.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../model/norm.h"
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

char *layout_line_text(struct arena *a, const struct doc_line *l)
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
		if (i + 1 < l->nwords && l->words[i].space_after)
			*p++ = ' ';
	}
	*p = '\0';
	return s;
}

/* Thresholds. Lengths in points; ratios of a line's height (h), of its
 * font size, or of the body text's size, as each says. */
#define LAY_SIZE_OF_HEIGHT 1.3f   /* a line's height over its font size, where no size is known */
#define LAY_OVERLAP 0.3f          /* a line may overlap the one above by this of h */
#define LAY_GAP 0.6f              /* ... and stand below it by this of h at most */
#define LAY_PITCH_SLACK 0.2f      /* a pitch wider than the block's by this of the size is a
				   * paragraph break */
#define LAY_PITCH_FIRST 1.35f     /* before the block has a pitch: wider than this of the size */
#define LAY_PITCH_BINS 50         /* page pitches counted in twentieths of the size, to 2.5 */
#define LAY_SIDE_PT 1.0f          /* a line this far past the block's side is beside it */
#define LAY_SIZE_STEP 0.1f        /* sizes further apart than this share are two blocks */
#define LAY_LIST_INDENT_PT 2.0f   /* a list item's continuation starts at its text, this close */
#define LAY_OUTDENT 0.5f          /* a paragraph's line starts left of it by this of h at most */
#define LAY_SHORT_LAST 0.25f      /* a last line short by this of the block's width ends it */
#define LAY_CAPTION_PT 30.0f      /* a caption stands this close above its table */
#define LAY_NOTE_MARK 0.85f       /* a footnote number is set this much smaller than its text */
#define LAY_SPACE 0.2f            /* a word space, in font sizes (narrow: a tight line) */
#define LAY_CAPTION 2              /* continues(): the block is a caption */
#define LAY_LEVEL_PT 2.0f         /* blocks whose tops agree within this are one row */
#define LAY_HEADING_SIZE 1.15f    /* a heading is this much larger than the body */
#define LAY_BOLD_HEADING_SIZE 0.95f  /* a bold heading is at least about the body's size */
#define LAY_HEADING_CHARS 200     /* a heading is no longer than this */
#define LAY_BOLD_HEADING_CHARS 120   /* ... a bold one of body size no longer than this */
#define LAY_NUMBERED_HEADING_CHARS 100   /* ... a numbered bold one no longer than this */
#define LAY_FURNITURE_BAND 0.1f   /* running headers sit in the top tenth of the page */
#define LAY_FOOTER_BAND 0.9f      /* ... footers below nine tenths */
#define LAY_NOTE_BAND 0.6f        /* footnotes sit below this of the page's height */
#define LAY_NOTE_DIGITS 2         /* a note's number has at most this many digits */
#define LAY_NOTE_SIZE 0.9f        /* ... set this much smaller than the body at least */
#define LAY_SAME_SIZE_PT 0.5f     /* a paragraph goes on across a break in a size this close */

static int line_italic(const struct doc_line *l)
{
	for (size_t i = 0; i < l->nwords; i++)
		if (!(l->words[i].flags & DOC_WORD_ITALIC))
			return 0;
	return l->nwords > 0;
}

/* The number a line starts with as an item's ("§ 2", "§2", "2 §", or
 * "2" before a capitalised word), with its form; -1 if none. */
static long item_number(const struct doc_line *l, int *form)
{
	const char *w0 = l->nwords ? l->words[0].text : "", *w1 = l->nwords > 1 ? l->words[1].text : "";
	const char *digits = w0;
	size_t n;

	*form = 0;
	if (!strcmp(w0, "\xC2\xA7")) {        /* "§ 2" */
		digits = w1;
		*form = 1;
	} else if (!strncmp(w0, "\xC2\xA7", 2)) {   /* "§2" */
		digits = w0 + 2;
		*form = 2;
	}
	n = strspn(digits, "0123456789");
	if (n == 0 || n > 3 || digits[n])
		return -1;
	if (!*form && !strcmp(w1, "\xC2\xA7"))
		*form = 3;
	else if (!*form && g_unichar_isupper(g_utf8_get_char(w1)))
		*form = 4;
	return *form ? strtol(digits, NULL, 10) : -1;
}

/* The width of line b's first word: what would have had to fit after
 * a line for b not to start a line of its own. */
static float first_word(const struct doc_line *b)
{
	return b->nwords ? b->words[0].box.x1 - b->words[0].box.x0 : 0;
}

/* Whether b's first word would have fit after line a within right (one
 * word space, narrow, between them): then a did not wrap into b. */
static int fits_after(const struct doc_line *a, const struct doc_line *b, float size, float right)
{
	return a->box.x1 + LAY_SPACE * size + first_word(b) < right;
}

/* Does line b continue the block whose last line is a and whose box is
 * blk? */
static int continues(const struct doc_line *a, const struct doc_line *b,
		     const struct box *blk, int in_list, int item, float pitch_ref, float first)
{
	float ha = a->box.y1 - a->box.y0, hb = b->box.y1 - b->box.y0;
	float h = ha > hb ? ha : hb;
	float gap = b->box.y0 - a->box.y1;
	float pitch = b->box.y1 - a->box.y1;
	float sa = line_size(a), sb = line_size(b);
	float size = sa > 0 ? sa : h / LAY_SIZE_OF_HEIGHT;

	if (h <= 0)
		return 0;
	if (gap < -LAY_OVERLAP * h || gap > LAY_GAP * h)
		return 0;
	/* Paragraph spacing: a line pitch wider than the block's own, or,
	 * before the block has one, wider than the page's (page_pitch). */
	if (pitch_ref > 0 ? pitch > pitch_ref + LAY_PITCH_SLACK * size : pitch > first * size)
		return 0;
	if (b->box.x0 >= blk->x1 - LAY_SIDE_PT || b->box.x1 <= blk->x0 + LAY_SIDE_PT)
		return 0;
	if (sa > 0 && sb > 0 && fabsf(sa - sb) > LAY_SIZE_STEP * (sa > sb ? sa : sb))
		return 0;
	if (line_bold(a) != line_bold(b) || line_italic(a) != line_italic(b))
		return 0;
	/* A list item's continuation is indented to its text, not its bullet;
	 * a paragraph's lines start at its left edge (give or take an indent). */
	if (in_list && b->box.x0 < blk->x0 - LAY_LIST_INDENT_PT)
		return 0;
	if (b->box.x0 < blk->x0 - LAY_OUTDENT * h)
		return 0;
	/* An item's or a caption's line that was not wrapped ends it: the
	 * next line's first word would have fit after it ("7 Val av
	 * revisorer" over a paragraph set without spacing). */
	if (item && b->nwords && a->nwords && !g_str_has_suffix(a->words[a->nwords - 1].text, "-") &&
	    fits_after(a, b, size, b->box.x1 - LAY_SIDE_PT))
		return 0;
	/* A caption's line that ends a sentence ends the caption: "Figur 2:
	 * Har du deltagit?" over the answers. */
	if (item == LAY_CAPTION && a->nwords && cls_ends_sentence(a->words[a->nwords - 1].text))
		return 0;
	/* A short last line that ends a sentence ends the paragraph. */
	if (!in_list && a->box.x1 < blk->x1 - LAY_SHORT_LAST * (blk->x1 - blk->x0) &&
	    a->nwords && cls_ends_sentence(a->words[a->nwords - 1].text))
		return 0;
	return 1;
}

/* A block being gathered: the indexes of its lines in the page. */
struct gather {
	size_t *idx;
	size_t n, cap;
	struct box box;
	float pitch;        /* baseline distance of its first two lines */
	int in_list;
	int caption;        /* its first line starts "Figur 2", "Tabell 1" */
	long item;          /* the item number its first line starts with (item_number), or -1 */
	int item_form;
	int closed;
};

static int emit_block(struct doc *doc, const struct layout_page *lp, const struct gather *g)
{
	struct doc_block *b = doc_add_block(doc, DOC_BLK_PARAGRAPH, lp->page);
	const char **texts;
	int numbered;
	size_t m;

	if (!b)
		return EX_ENOMEM;
	b->lines = arena_alloc(doc->arena, sizeof(*b->lines) * g->n);
	texts = arena_alloc(doc->arena, sizeof(*texts) * g->n);
	if (!b->lines || !texts)
		return EX_ENOMEM;
	b->nlines = g->n;
	b->has_box = 1;
	for (size_t i = 0; i < g->n; i++) {
		b->lines[i] = lp->lines[g->idx[i]];
		b->box = box_union(b->box, b->lines[i].box);
		texts[i] = layout_line_text(doc->arena, &b->lines[i]);
		if (!texts[i])
			return EX_ENOMEM;
	}
	m = cls_list_marker(texts[0], &numbered);
	if (m && strlen(texts[0]) > m + 1) {
		b->type = DOC_BLK_LIST_ITEM;
		b->level = 1;
		b->marker = arena_strndup(doc->arena, texts[0], m);
		texts[0] += m + 1;
	}
	b->text = norm_join_lines(doc->arena, texts, g->n);
	return b->text ? 0 : EX_ENOMEM;
}

static int emit_table_block(struct doc *doc, const struct layout_page *lp, int ti)
{
	struct doc_block *b = doc_add_block(doc, DOC_BLK_TABLE, lp->page);
	struct doc_table *t = &doc->tables[ti];

	if (!b)
		return EX_ENOMEM;
	b->table = ti;
	b->text = "";
	b->box = t->box;
	b->has_box = 1;
	/* A caption just above the table is its caption. */
	if (doc->nblocks >= 2 && b[-1].type == DOC_BLK_PARAGRAPH && b[-1].page == lp->page &&
	    cls_caption(b[-1].text) && t->box.y0 - b[-1].box.y1 < LAY_CAPTION_PT) {
		b[-1].type = DOC_BLK_CAPTION;
		t->caption = b[-1].text;
	}
	return 0;
}

static int gather_add(struct arena *a, struct gather *g, size_t line, struct box box)
{
	size_t *p = ARENA_PUSH(a, g->idx, g->n, g->cap);

	if (!p)
		return EX_ENOMEM;
	*p = line;
	g->box = g->n == 1 ? box : box_union(g->box, box);
	return 0;
}

/* A footnote line: a number set smaller than the text after it. */
static int note_marker(const struct doc_line *l)
{
	const struct doc_word *w = l->words;

	return l->nwords > 1 && w[0].size > 0 && w[0].size < w[1].size * LAY_NOTE_MARK &&
	       strspn(w[0].text, "0123456789") == strlen(w[0].text);
}

int layout_caption_line(const struct doc_line *l)
{
	char first[96];

	if (l->nwords < 2)
		return 0;
	snprintf(first, sizeof(first), "%s %s", l->words[0].text, l->words[1].text);
	return cls_caption(first);
}

/* Lines that always start a block of their own. */
static int starts_block(const struct doc_line *l, int *marker)
{
	char first[96];
	int numbered;

	*marker = 0;
	if (!l->nwords)
		return 0;
	snprintf(first, sizeof(first), "%s %s", l->words[0].text,
		 l->nwords > 1 ? l->words[1].text : "");
	*marker = l->nwords > 1 && cls_list_marker(first, &numbered);
	if (*marker || cls_caption(first) || cls_field_line(first) || note_marker(l))
		return 1;
	/* a label of two words: "Antal tillfrågade: 158" */
	snprintf(first, sizeof(first), "%s %s %s", l->words[0].text, l->nwords > 1 ? l->words[1].text : "",
		 l->nwords > 2 ? l->words[2].text : "");
	return l->nwords > 2 && cls_field_line(first);
}

static int same_row(const struct box *a, const struct box *b)
{
	return fabsf(a->y0 - b->y0) <= LAY_LEVEL_PT && (a->x1 <= b->x0 || b->x1 <= a->x0);
}

/* Blocks whose tops align and which sit side by side are cells of one
 * row: they read left to right, whatever order the text layer gave. A
 * block moves back before a same-row block to its right only when
 * everything between them belongs to that row or below. */
static void row_major(struct gather *g, size_t n)
{
	for (size_t j = 1; j < n; j++) {
		for (size_t i = 0; i < j; i++) {
			int ok = same_row(&g[i].box, &g[j].box) && g[j].box.x1 <= g[i].box.x0;

			for (size_t k = i + 1; ok && k < j; k++)
				ok = g[k].box.y0 >= g[i].box.y0 - LAY_LEVEL_PT;
			if (ok) {
				struct gather t = g[j];

				memmove(&g[i + 1], &g[i], (j - i) * sizeof(*g));
				g[i] = t;
				break;
			}
		}
	}
}

/* The right side of the page's lines set in size (within a size step). */
static float right_side(const struct layout_page *lp, float size)
{
	float right = 0;

	for (size_t i = 0; i < lp->nlines; i++) {
		float s = line_size(&lp->lines[i]);

		if (s > 0 && fabsf(s - size) <= LAY_SIZE_STEP * size)
			right = fmaxf(right, lp->lines[i].box.x1);
	}
	return right;
}

struct right_cache { float size, right; };   /* right_side() of the last size asked */

/* Whether line a is prose that wrapped into b: it ends in a letter, a
 * comma or a hyphen (no sentence's end, no number), and b's first word
 * would not have fit after it within the right side of lines of its
 * size. */

static int wrapped_into(const struct layout_page *lp, const struct doc_line *a, const struct doc_line *b, float size,
			struct right_cache *rc)
{
	const char *end = a->nwords ? a->words[a->nwords - 1].text : "";
	gunichar last;

	if (!*end || !b->nwords)
		return 0;
	last = g_utf8_get_char(g_utf8_prev_char(end + strlen(end)));
	if (!(g_unichar_isalpha(last) || (last < 0x80 && strchr(",;-", (int)last))))
		return 0;
	if (rc->size != size) {   /* a page's lines come in a few sizes */
		rc->size = size;
		rc->right = right_side(lp, size);
	}
	return !fits_after(a, b, size, rc->right + LAY_SIDE_PT);
}

/* The widest line pitch, in font sizes, that still joins a block's
 * first two lines: 1.35, or above the page's own line spacing where most
 * lines stand further apart (a page set at 1.5 lines, paragraphs with no
 * space between them). The pitch of lines one under the other in one
 * size, the most common in twentieths (one such line is evidence: it
 * runs on into the next by its making). */
static float page_pitch(const struct layout_page *lp)
{
	unsigned short count[LAY_PITCH_BINS] = { 0 };
	struct right_cache rc = { 0, 0 };
	int best = 0;

	for (size_t i = 1; i < lp->nlines; i++) {
		const struct doc_line *a = &lp->lines[i - 1], *b = &lp->lines[i];
		float sa = line_size(a), sb = line_size(b), r;
		int bin;

		if (sa <= 0 || fabsf(sa - sb) > LAY_SIZE_STEP * sa || b->box.x0 >= a->box.x1 || b->box.x1 <= a->box.x0 ||
		    !wrapped_into(lp, a, b, sa, &rc))
			continue;
		r = (b->box.y1 - a->box.y1) / sa;
		bin = r >= 1.0f && r < LAY_PITCH_BINS / 20.0f ? (int)(r * 20 + 0.5f) : -1;   /* rounded: 2.49 is bin 50 */
		if (bin >= 0 && bin < LAY_PITCH_BINS && count[bin] < USHRT_MAX)
			count[bin]++;
	}
	for (int k = 1; k < LAY_PITCH_BINS; k++)
		if (count[k] > count[best])
			best = k;
	return count[best] >= 1 && best / 20.0f + LAY_PITCH_SLACK > LAY_PITCH_FIRST ? best / 20.0f + LAY_PITCH_SLACK
										  : LAY_PITCH_FIRST;
}

static int in_column(const struct box *b, const struct box *tb)
{
	return b->x0 < tb->x1 && b->x1 > tb->x0;
}

/* The index among the n blocks g before which a table with box tb goes
 * in (from, the place of the table before it, at least): before the
 * first block whose top is at or below the table's. A block beside the
 * table (over none of its width) is passed over when a block of the
 * table's column standing wholly above the table comes after it: an
 * OCR'd page's blocks come in the engine's order, which can put a speck
 * in the margin low on the page before the page's own title. */
static size_t table_place(const struct gather *g, size_t n, const struct box *tb, size_t from)
{
	size_t last_above = 0;   /* one past the last block of the table's column wholly above it */

	for (size_t j = from; j < n; j++)
		if (in_column(&g[j].box, tb) && g[j].box.y1 <= tb->y0)
			last_above = j + 1;
	for (size_t k = from; k < n; k++)
		if (tb->y0 <= g[k].box.y0 && (in_column(&g[k].box, tb) || last_above <= k))
			return k;
	return n;
}

/* Lines join the most recent open block they continue: table cells and
 * columns that the text layer interleaves line by line still come out
 * as one block each. Blocks keep the order of their first lines. */
int layout_page_blocks(struct doc *doc, const struct layout_page *lp)
{
	struct gather *g = NULL;
	size_t ng = 0, cap = 0;
	float first = page_pitch(lp);
	int rc = 0;

	for (size_t i = 0; i < lp->nlines && rc == 0; i++) {
		const struct doc_line *l = &lp->lines[i];
		struct gather *into = NULL;
		int marker, form;
		long item;

		if (lp->used && lp->used[i])
			continue;   /* a table's */
		item = item_number(l, &form);
		if (!starts_block(l, &marker)) {
			for (size_t k = ng; k-- > 0 && ng - k <= 16;) {
				struct gather *c = &g[k];

				if (c->closed)
					continue;
				const struct doc_line *last = &lp->lines[c->idx[c->n - 1]];

				/* items one a line ("1 Mötets öppnande" / "2 Val av
				 * ordförande"), set without spacing: line l numbering
				 * the item after c's, in its form at its left edge,
				 * starts a block of its own */
				if (c->item >= 0 && item == c->item + 1 && form == c->item_form &&
				    fabsf(lp->lines[c->idx[0]].box.x0 - l->box.x0) <= LAY_LEVEL_PT)
					break;
				if (continues(last, l, &c->box, c->in_list,
					      c->caption ? LAY_CAPTION : c->in_list || c->item >= 0, c->pitch, first)) {
					if (c->n == 1)
						c->pitch = l->box.y1 - last->box.y1;
					into = c;
					break;
				}
			}
		}
		if (!into) {
			into = ARENA_PUSH(doc->arena, g, ng, cap);
			if (!into)
				return EX_ENOMEM;
			into->in_list = marker;
			into->caption = layout_caption_line(l);
			into->item = item;
			into->item_form = form;
		}
		struct box bx = l->box;

		/* The item's text, not its bullet, sets a list item's indent. */
		if (into->n == 0 && marker && l->nwords > 1)
			bx.x0 = l->words[1].box.x0;
		rc = gather_add(doc->arena, into, i, bx);
	}
	if (rc == 0)
		row_major(g, ng);
	/* Tables go in where their top falls among the blocks. */
	size_t t = 0, at = 0;

	for (size_t k = 0; k <= ng && rc == 0; k++) {
		while (rc == 0 && t < lp->ntables && k >= (at = table_place(g, ng, &doc->tables[lp->tables[t]].box, at)))
			rc = emit_table_block(doc, lp, lp->tables[t++]);
		if (k < ng && rc == 0)
			rc = emit_block(doc, lp, &g[k]);
	}
	return rc;
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

static void classify_block(struct arena *arena, struct doc_block *b, float body)
{
	float size = block_size(b);
	size_t chars = cls_chars(b->text);
	int depth, bold = block_bold(b);
	/* "1. ÄNDAMÅL" set large or bold is a heading, not a list item. */
	if (b->type == DOC_BLK_LIST_ITEM && b->marker && b->nlines <= 2 &&
	    (size >= body * LAY_HEADING_SIZE || bold) && !cls_ends_sentence(b->text)) {
		const char *t = arena_printf(arena, "%s %s", b->marker, b->text);

		if (t && cls_heading_number(t, &depth)) {
			b->type = DOC_BLK_HEADING;
			b->level = depth;
			b->text = t;
			b->marker = NULL;
		}
		return;
	}
	if (b->type != DOC_BLK_PARAGRAPH)
		return;
	if (cls_caption(b->text)) {
		b->type = DOC_BLK_CAPTION;
		return;
	}
	if (chars == 0 || chars > LAY_HEADING_CHARS || b->nlines > 3 || cls_ends_sentence(b->text) ||
	    cls_contents_line(b->text))
		return;
	if (body > 0 && size >= body * LAY_HEADING_SIZE) {
		b->type = DOC_BLK_HEADING;
		b->level = 0; /* ranked below */
	} else if (bold && chars <= LAY_BOLD_HEADING_CHARS && body > 0 && size >= body * LAY_BOLD_HEADING_SIZE) {
		b->type = DOC_BLK_HEADING;
		b->level = 0;
	} else if (chars <= LAY_NUMBERED_HEADING_CHARS && cls_heading_number(b->text, &depth) && bold) {
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
	const struct doc_page *p = doc_page_numbered(doc, b->page);

	if (!p || !b->has_box || p->height <= 0 || b->nlines > 3)
		return 0;
	if (b->box.y1 <= p->height * LAY_FURNITURE_BAND)
		return 1;
	if (b->box.y0 >= p->height * LAY_FOOTER_BAND)
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
		const struct doc_page *p = doc_page_numbered(doc, b->page);

		if (!p || b->furniture || !b->has_box || b->type == DOC_BLK_HEADING)
			continue;
		if (b->box.y0 < p->height * LAY_NOTE_BAND || block_size(b) > body * LAY_NOTE_SIZE)
			continue;
		if (!isdigit((unsigned char)b->text[0]))
			continue;
		const char *rest = b->text + strspn(b->text, "0123456789");

		/* a block that is a number ("54 000", "0,50", a chart's "1997")
		 * is no note's number and text; a note's number set apart from
		 * its text is one or two digits alone */
		if (!b->text[strspn(b->text, "0123456789 ,.")] && (*rest || rest - b->text > LAY_NOTE_DIGITS))
			continue;
		rest += strspn(rest, " .)");
		b->type = DOC_BLK_FOOTNOTE;
		b->note = atoi(b->text);
		b->marker = NULL;
		b->text = rest;
	}
}

/* The last body block of a page and the first of the next are one
 * paragraph when the first breaks off mid-sentence and the second goes
 * on in lower case with the same font: joined, the second removed. */
static int join_across_pages(struct doc *doc)
{
	size_t w = 0;
	ssize_t last = -1;   /* last body block kept so far */

	for (size_t i = 0; i < doc->nblocks; i++) {
		struct doc_block *b = &doc->blocks[i];

		if (b->furniture) {
			doc->blocks[w++] = *b;
			continue;
		}
		if (last >= 0) {
			struct doc_block *a = &doc->blocks[last];
			gunichar first = g_utf8_get_char_validated(b->text, -1);

			/* The next page, or the top of the next column. */
			int next = a->page + 1 == b->page ||
				   (a->page == b->page && a->has_box && b->has_box &&
				    b->box.x0 >= a->box.x1 - LAY_LEVEL_PT && b->box.y0 < a->box.y1);

			if (next && a->type == DOC_BLK_PARAGRAPH &&
			    b->type == DOC_BLK_PARAGRAPH && !cls_ends_sentence(a->text) &&
			    first != (gunichar)-1 && first != (gunichar)-2 && g_unichar_islower(first) &&
			    fabsf(block_size(a) - block_size(b)) < LAY_SAME_SIZE_PT) {
				const char *parts[2] = { a->text, b->text };

				a->text = norm_join_lines(doc->arena, parts, 2);
				if (!a->text)
					return EX_ENOMEM;
				continue;
			}
		}
		doc->blocks[w] = *b;
		last = (ssize_t)w++;
	}
	doc->nblocks = w;
	return 0;
}

int layout_finish(struct doc *doc)
{
	float body = body_size(doc);

	mark_furniture(doc);
	for (size_t i = 0; i < doc->nblocks; i++)
		if (!doc->blocks[i].furniture && doc->blocks[i].has_box)
			classify_block(doc->arena, &doc->blocks[i], body);
	mark_footnotes(doc, body);
	rank_headings(doc);
	return join_across_pages(doc);
}
