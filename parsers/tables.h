/* tables.h: tables on a page of words with boxes, for the page stage
 * (page.c): ruled ones from what the page draws or from a raster (a scan,
 * a render), borderless ones from the words alone; the algorithm and its
 * thresholds are described at the top of tables.c. With scan.c, the only
 * file that includes leptonica. */
#ifndef EX_TABLES_H
#define EX_TABLES_H

#include <stdint.h>

#include "page.h"

/* Finds ruled tables on lp's page in r, adds them to doc->tables, and
 * marks the lines they take in lp->used so layout leaves them out.
 * lp->tables gets the indexes of the tables found. */
int tbl_find_ruled(struct doc *doc, struct layout_page *lp, const struct page_raster *r);

/* The same from what a born-digital page draws (pdfdraw.h), with no
 * render: its thin stroked lines and filled rectangles of ink are the
 * rules (pieces that touch joined, as their pixels would be), taken as
 * far as region (points; NULL: the page) reaches; the same grids, spans
 * and header rows follow, and cell backgrounds come from the fills. */
int tbl_find_drawn(struct doc *doc, struct layout_page *lp, const struct page_drawn *v, size_t n,
		   const struct box *region);

/* Finds borderless tables among the lines no ruled table took: rows of
 * two or more segments side by side whose columns line up, with a column
 * of numbers or three or more short columns. Prose in two columns, lists
 * and contents lists do not qualify. Uses only the words' boxes. */
int tbl_find_stream(struct doc *doc, struct layout_page *lp);

/* Orders lp->tables by their tops, as layout expects. */
void tbl_sort(const struct doc *doc, struct layout_page *lp);

/* Whether a page's lines look as if they might hold a table: rows with
 * two or more segments side by side in reading order, or three pairs of
 * short ones in any order. Pages that do not are never
 * rendered. With region, also the part of the page worth rendering to
 * look for rules: those rows with room around them for header rows and
 * the grid's outer rules, in points. */
int tbl_page_candidate(const struct layout_page *lp, struct box *region);

/* After the last page: a table that ends a page and one that starts the
 * next with the same columns are one table across the break (a repeated
 * header row is dropped), and a ruled grid and its rows set right under
 * its rules are one. Table ids are renumbered in document order. */
int tbl_merge_across_pages(struct doc *doc);

/* Whether a pixel (0xRRGGBB) is a colour, not a grey: one channel 60 or
 * more above another (a rating's fill; rules and text are grey). */
int tbl_coloured(uint32_t rgb);

#endif
