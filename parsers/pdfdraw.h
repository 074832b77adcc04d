/* pdfdraw.h: what a PDF page draws, as axis-aligned boxes: the straight
 * lines it strokes and the rectangles it fills, each with its colour,
 * in paint order. For ruled tables on born-digital pages, which then
 * need no render: poppler's own interpreter (its core C++ API) runs the
 * page into an output device that keeps these and draws nothing, so no
 * font is loaded and no glyph or pixel is made.
 *
 * The only C++ in the project (pdfdraw.cc); a C interface. */
#ifndef EX_PDFDRAW_H
#define EX_PDFDRAW_H

#include <stddef.h>
#include <stdint.h>

#include "drawn.h"

#ifdef __cplusplus
extern "C" {
#endif


struct pdf_draw;

/* Opens the PDF in buf (n bytes, kept by the caller while it is open)
 * with password (or NULL); NULL if poppler cannot. */
struct pdf_draw *pdf_draw_open(const void *buf, size_t n, const char *password);

/* The boxes page (0-based) draws, clipped to what shows: *out is
 * malloc'd (free it), *n its count. Annotations are left out. -1 if the
 * page cannot be read or memory runs out. */
int pdf_draw_page(struct pdf_draw *d, int page, struct page_drawn **out, size_t *n);

/* What a page's ink is beside its text: the pixels (width times height)
 * of its largest image and of its largest image a render decodes whole
 * (JPEG, JPEG 2000 and JBIG2 streams, images with a stencil mask),
 * counted by its memory as pixels of ARGB (a JBIG2 image, one bit a
 * pixel held twice, as a sixteenth of its pixels), no image decoded (a
 * guard before a render: poppler-glib's cairo render decodes every image
 * whole at any scale, Splash (pdf_draw_render) only those), and how many
 * letter-sized outlines it fills (text flattened to paths reads as none
 * in the text layer). */
struct pdf_ink {
	double image_pixels;
	double whole_pixels;
	size_t outlines;
};

/* The ink of page (0-based) into *ink; -1 if the page cannot be read. */
int pdf_draw_ink(struct pdf_draw *d, int page, struct pdf_ink *ink);

/* A page that draws one JPEG or JPEG 2000 image and nothing else (a
 * scanned page), upright: the image's bytes as its DCT or JPX filter
 * reads them (*data malloc'd, *n bytes; free it), whether it is JPEG 2000
 * (*jpx), and the box it fills (points: x0, y0, x1, y1 from the page's
 * top left, as shown). -1 when the page draws more, or other, or it
 * cannot be read. */
int pdf_draw_lone_image(struct pdf_draw *d, int page, unsigned char **data, size_t *n, double box[4], int *jpx);

void pdf_draw_close(struct pdf_draw *d);

/* A page rendered by poppler's Splash device, which scales an image
 * down a row at a time as it decodes it (cairo's makes it whole first):
 * argb is malloc'd (free it), width times height pixels as cairo's
 * ARGB32 (0xffRRGGBB), rows one after the other, on white, scale pixels
 * a point, annotations drawn as poppler-glib draws them. */
struct pdf_pixels {
	uint32_t *argb;
	int width, height;
};

/* Page (0-based) into *px; -1 if the page cannot be read or memory runs
 * out (*px then holds nothing). */
int pdf_draw_render(struct pdf_draw *d, int page, double scale, struct pdf_pixels *px);

/* Page's (0-based) width and height in points as it is shown (its crop
 * box, turned by its /Rotate), as poppler_page_get_size gives them; -1
 * if the page cannot be read. */
int pdf_draw_size(struct pdf_draw *d, int page, double *w, double *h);

/* A page's text as poppler lays it out (its text page, read in the order
 * poppler-glib's text, layout and attributes give it, in one pass): each
 * character with its box in points and its attributes; ' ' after a word
 * poppler spaces, '\n' between lines (their boxes as poppler-glib gives
 * them). */
struct pdf_text_attr {
	char *font;              /* without a subset prefix; "Default" if none */
	double size;
	unsigned short r, g, b;  /* 0..65535 */
};

struct pdf_text_char {
	uint32_t u;              /* Unicode */
	double x0, y0, x1, y1;
	int attr;                /* index into attrs; -1: none */
	int boxed;               /* it has a box (always, from the core) */
};

struct pdf_text {
	struct pdf_text_char *c;
	size_t n;
	struct pdf_text_attr *attrs;
	size_t nattrs;
};

/* Page (0-based) of width w and height h (points, as it is shown) into
 * *t (free with pdf_text_free). -1 if the page cannot be read or memory
 * runs out (*t then holds nothing). */
int pdf_draw_text(struct pdf_draw *d, int page, double w, double h, struct pdf_text *t);
void pdf_text_free(struct pdf_text *t);

#ifdef __cplusplus
}
#endif

#endif
