/* scan.h: a scanned page made ready for OCR, and image files decoded,
 * through leptonica (with tables.c, the only files that include it).
 * Pages are leptonica's images, opaque here (struct Pix). */
#ifndef EX_SCAN_H
#define EX_SCAN_H

#include <stddef.h>

#include "page.h"

struct Pix;

/* A page upright, level and flattened: what OCR reads and the table
 * finder looks at. */
struct scan_page {
	struct Pix *img;    /* upright, level page (grey or colour) */
	struct Pix *flat;   /* its grey with the background flattened to white */
	double scale;       /* pixels per point */
	int turns;          /* quarter turns clockwise the scan lay at */
	float skew;         /* degrees it was turned to level its lines */
};

/* Quiets leptonica's messages on stderr; once per process. */
void scan_init(void);

/* Whether leptonica said, in this thread since the last call, that an
 * allocation failed (its errors are not printed, but that one is kept:
 * Tesseract, short of a picture, fails as for a bad page). */
int scan_memory_short(void);

/* A rendered page (page.h) as a 32-bit image; NULL when out of memory. */
struct Pix *scan_from_raster(const struct page_raster *r);

/* A page of width x height points at scale pixels a point, white but
 * for the coded image data (n bytes: JPEG, or JPEG 2000 with jpx) set
 * into box (x0, y0, x1, y1 in points from the top left): decoded at a
 * half, a quarter or an eighth of its size as it is read (libjpeg's
 * scaling, openjpeg's resolution levels), the least that has at most
 * max_pixels, and scaled to the box. *factor: the eighth's 8, ...; NULL when
 * it cannot be decoded so (even an eighth is larger), or memory runs
 * out. */
struct Pix *scan_coded_page(const unsigned char *data, size_t n, int jpx, double max_pixels,
			    const double box[4], double width, double height, double scale, int *factor);

/* Turns pix (taken: freed here) upright and level and flattens its
 * background (a rating's coloured cell would otherwise read as a
 * picture). -1 when it cannot be made (out->img may hold the page). */
int scan_prepare(struct Pix *pix, double scale, struct scan_page *out);
void scan_page_free(struct scan_page *sp);

/* The pictures of sp turned back by the quarter turns scan_prepare gave
 * them (the page as it came, levelled) into *img and *flat; -1 when out
 * of memory (nothing made). */
int scan_unturned(const struct scan_page *sp, struct Pix **img, struct Pix **flat);

/* The flattened page with its rules (ink running straight across or
 * down SCAN_RULE_INCH or more: a table's grid, an underline) whitened,
 * for OCR: a digit touching a cell's edge reads as "8,037)" or "1,108]",
 * a rule under a row as noise. NULL when the page has none (or memory
 * ran out): read sp->flat. */
struct Pix *scan_unruled(const struct scan_page *sp);

/* Stretches of text on pic that no box of boxes[4 * i ...] (x, y, w, h
 * in pixels) covers: glyphs of about h's height (a speck, a rule or a
 * picture is none) a word space or a line apart joined, each stretch's
 * box into out[4 * k ...] (x, y, w, h), max at most. Tesseract's page
 * layout now and then leaves a column out (sparse numbers set far
 * apart); these are the places to read again. */
size_t scan_uncovered(struct Pix *pic, const int *boxes, size_t nboxes, int h, int *out, size_t max);

/* The pixels of pic in (x0, y0)-(x1, y1) dark enough to be ink; -1
 * when it cannot count. */
long scan_ink(struct Pix *pic, int x0, int y0, int x1, int y1);

/* The boxes (left, top, right, bottom, in bin's pixels) of the pieces of
 * ink of the binarised page bin inside rect (left, top, right, bottom;
 * a piece crossing its edge cut there), at most max into out; how many. */
size_t scan_pieces(struct Pix *bin, const int rect[4], int (*out)[4], size_t max);

/* The flattened page binarised, for stroke widths; NULL if it cannot. */
struct Pix *scan_binary(const struct scan_page *sp);

/* The mean width of the horizontal runs of ink in the box (x0, y0)-(x1,
 * y1) of a binary page, in pixels: a bold word's strokes are wider for
 * its size. 0 without ink. */
float scan_stroke_width(struct Pix *bin, int x0, int y0, int x1, int y1);

/* The longest run of ink along a row of the box (x0, y0)-(x1, y1) of a
 * binary page, in pixels; 0 without ink or page. A band of a glyph's
 * rows says its shape: a 7's top is a bar across it, a 1's its stem and
 * the start of its flag. */
int scan_row_run(struct Pix *bin, int x0, int y0, int x1, int y1);

/* The share of the rows of the box (x0, y0)-(x1, y1) of a binary page
 * that hold ink, columns inked down nine tenths of the box aside (a
 * table's rule that OCR took into a word's box): a word of print leaves
 * rows empty over and under its letters when a speck or a rule
 * stretched its box; a signature's loops fill them. 0 without ink or
 * page. */
float scan_inked_rows(struct Pix *bin, int x0, int y0, int x1, int y1);

/* The page as the raster the table finder reads: coloured pixels (a
 * rating's fill) as they are, the rest from the flattened grey, where a
 * grey fill is white and no longer hides the rules around it. A coloured
 * pixel much darker than the colour round it (a rule beside a fill,
 * tinted by it) is grey ink. r->data
 * is malloc'd: free it. -1 when out of memory. */
int scan_table_raster(const struct scan_page *sp, struct page_raster *r);

void scan_free(struct Pix *pix);

/* The n parts of pix at b[4 * i ...] (x, y, w, h in pixels, inside it)
 * set one under the other on white, left-aligned, half the tallest
 * part's height apart: a grey picture of its resolution, or NULL when
 * memory ran out. */
struct Pix *scan_stack(struct Pix *pix, const int *b, size_t n);
void scan_size(struct Pix *pix, int *width, int *height);

/* Image files (PNG, JPEG, TIFF of any number of pages). */
struct scan_file {
	const void *buf;
	size_t n;
	int tiff;           /* pages are read one at a time */
	int npages, page;   /* TIFF: its pages, and the next to read (0-based) */
	int cut;            /* TIFF: its chain of pages runs past the file's end */
	struct Pix *first;  /* the first page, read by scan_file_open (NULL: too large) */
};

/* Opens buf as an image file and reads its first page: 0, or an error
 * (a cut-off file, a header claiming too large an image, a file
 * leptonica cannot read). Close with scan_file_close. */
int scan_file_open(struct scan_file *f, const void *buf, size_t n, struct ex_error *err);
void scan_file_close(struct scan_file *f);

/* The next page of the file with its scale (pixels per point; 300 dpi
 * where the file does not say); NULL at the end, when the page cannot
 * be read (*broken set), or when its header says it is larger than
 * extract reads (*big_w x *big_h pixels: the page is passed over). */
struct Pix *scan_file_next(struct scan_file *f, double *scale, int *broken, int *big_w, int *big_h);

#endif
