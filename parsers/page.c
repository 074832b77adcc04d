/* page.c: the page stage; see page.h. */
#include "page.h"

#include <string.h>

#include "tables.h"

int page_wants_rules(struct page_input *in)
{
	in->candidate = in->tables && tbl_page_candidate(&in->lp, &in->region);
	return in->candidate;
}

#define PAGE_HANDWRITING_CONF 0.40f   /* OCR's mean confidence under which a block is handwriting */

/* Whether half of b's characters at least are in words OCR read from
 * strokes by hand (DOC_WORD_HAND). */
static int mostly_by_hand(const struct doc_block *b)
{
	size_t hand = 0, all = 0;

	for (size_t i = 0; i < b->nlines; i++)
		for (size_t k = 0; k < b->lines[i].nwords; k++) {
			size_t n = strlen(b->lines[i].words[k].text);

			all += n;
			hand += b->lines[i].words[k].flags & DOC_WORD_HAND ? n : 0;
		}
	return hand && 2 * hand >= all;
}

/* The blocks from block from on that OCR read with little confidence
 * (under PAGE_HANDWRITING_CONF: print, even a poor scan's, reads at 0.6
 * and over; a signature or a note by hand reads as scattered letters at
 * 0.1-0.4), or whose words are mostly strokes by hand (a signature read
 * as a word at 0.5, "VANA", its loops far taller than the page's print
 * and its line far thinner than print's of that height), are
 * handwriting: kept with their text and confidence, read by no pattern.
 * A text layer's words are sure. */
static void mark_handwriting(struct doc *doc, size_t from)
{
	for (size_t i = from; i < doc->nblocks; i++) {
		struct doc_block *b = &doc->blocks[i];

		if (b->type != DOC_BLK_TABLE && b->nlines &&
		    (doc_block_confidence(b) < PAGE_HANDWRITING_CONF || mostly_by_hand(b)))
			b->type = DOC_BLK_HANDWRITING;
	}
}

int page_analyse(struct doc *doc, struct page_input *in)
{
	struct layout_page *lp = &in->lp;
	size_t first = doc->nblocks;
	int rc = 0;

	if (in->candidate) {
		if (!lp->used && !(lp->used = arena_alloc(doc->arena, lp->nlines + 1)))
			return EX_ENOMEM;
		if (in->has_drawn)
			rc = tbl_find_drawn(doc, lp, in->drawn, in->ndrawn, &in->region);
		else if (in->raster)
			rc = tbl_find_ruled(doc, lp, in->raster);
		if (rc == 0)
			rc = tbl_find_stream(doc, lp);
		if (rc == 0)
			tbl_sort(doc, lp);
	}
	if (rc == 0 && (rc = layout_page_blocks(doc, lp)) == 0)
		mark_handwriting(doc, first);
	return rc;
}

int page_finish_doc(struct doc *doc)
{
	int rc = layout_finish(doc);

	return rc ? rc : tbl_merge_across_pages(doc);
}
