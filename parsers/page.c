/* page.c: the page stage; see page.h. */
#include "page.h"

#include "tables.h"

int page_wants_rules(struct page_input *in)
{
	in->candidate = in->tables && tbl_page_candidate(&in->lp, &in->region);
	return in->candidate;
}

int page_analyse(struct doc *doc, struct page_input *in)
{
	struct layout_page *lp = &in->lp;
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
	return rc ? rc : layout_page_blocks(doc, lp);
}

int page_finish_doc(struct doc *doc)
{
	int rc = layout_finish(doc);

	return rc ? rc : tbl_merge_across_pages(doc);
}
