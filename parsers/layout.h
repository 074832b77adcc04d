/* layout.h: from words with boxes to blocks in reading order, for the
 * page stage (page.c): a PDF's text layer and OCR alike have only words
 * with boxes and font attributes. Works on struct doc alone. */
#ifndef EX_LAYOUT_H
#define EX_LAYOUT_H

#include "../model/doc.h"

/* Lines of one page, in the order the text layer gives them. */
struct layout_page {
	int page;
	float width, height;
	struct doc_line *lines;
	size_t nlines;
	unsigned char *used;   /* per line: taken by a table (may be NULL) */
	int *tables;           /* indexes into doc->tables of this page's tables */
	size_t ntables, cap_tables;
};

/* The text of a line: its words, with a space where one was printed. */
char *layout_line_text(struct arena *a, const struct doc_line *l);

/* Whether a line starts as a table's or a figure's caption: "Tabell 3",
 * "Figur 2:". */
int layout_caption_line(const struct doc_line *l);

/* Groups the page's lines into blocks and appends them to doc. */
int layout_page_blocks(struct doc *doc, const struct layout_page *lp);

/* After all pages: headings by relative size and weight, footnotes,
 * captions, and running headers, footers and page numbers marked as
 * furniture. */
int layout_finish(struct doc *doc);

#endif
