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

void pdf_draw_close(struct pdf_draw *d);

#ifdef __cplusplus
}
#endif

#endif
