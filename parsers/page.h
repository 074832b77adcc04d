/* page.h: the page stage, one for every source of pages. A reader (a
 * PDF's text layer, OCR of a rendered PDF page or of an image file)
 * fills a page_input: the page's words in lines, and for ruled tables
 * either what the page draws (rules and fills, in points) or a raster
 * with its scale. page_analyse finds the page's tables and lays out its
 * blocks; page_finish_doc runs once after the last page.
 *
 *   reader ──> page_input ──> page_wants_rules? ──> reader adds drawn
 *                                                   or raster
 *                        └──> page_analyse: tables (ruled, borderless),
 *                             blocks ──> ... ──> page_finish_doc
 */
#ifndef EX_PAGE_H
#define EX_PAGE_H

#include <stddef.h>

#include "drawn.h"
#include "layout.h"

/* A rendered page, or a band of it: 32-bit pixels as cairo's ARGB32
 * (native-endian 0xAARRGGBB), scale pixels per point; pixel (0, 0) is
 * the page's pixel (x0, y0) (both 0 for a whole page). */
struct page_raster {
	const unsigned char *data;
	int width, height, stride;
	int x0, y0;
	double scale;
};

struct page_input {
	struct layout_page lp;        /* the page's words in lines, boxes in points */
	int tables;                   /* look for tables (no --no-tables) */
	/* Set by page_wants_rules. */
	int candidate;                /* the lines look as if they might hold a table */
	struct box region;            /* the part worth drawing or rendering, points */
	/* For ruled tables, one of these (or neither: borderless only). */
	const struct page_drawn *drawn;   /* what the page draws, in points */
	size_t ndrawn;
	int has_drawn;                /* drawn is given (it may hold nothing) */
	const struct page_raster *raster;
};

/* Whether the reader should give the page's drawing or a raster: tables
 * are wanted and the lines look like one (rows of segments side by side).
 * Sets in->candidate and in->region. Pages that do not are never drawn
 * or rendered. */
int page_wants_rules(struct page_input *in);

/* Tables (ruled from in's drawing or raster, then borderless from the
 * lines they leave) and then blocks in reading order, appended to doc. */
int page_analyse(struct doc *doc, struct page_input *in);

/* After the last page: headings, footnotes, captions and furniture
 * across the document, and tables across page breaks joined. */
int page_finish_doc(struct doc *doc);

#endif
