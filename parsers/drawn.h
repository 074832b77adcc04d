/* drawn.h: what a page draws, as the page stage takes it: a box in
 * points in the page's frame (origin top left, y down), painted in rgb
 * (0xRRGGBB); stroke: a stroked line (its width is the box's
 * thickness), else a filled rectangle. Plain C, shared with the C++ of
 * pdfdraw.cc. */
#ifndef EX_DRAWN_H
#define EX_DRAWN_H

#include <stdint.h>

struct page_drawn {
	float x0, y0, x1, y1;
	uint32_t rgb;
	int stroke;
};

#endif
