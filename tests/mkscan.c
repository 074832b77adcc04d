/* mkscan: an image-only PDF from a PNG, as a scanner makes them: one A4
 * page holding the picture and no text at all.
 *   mkscan IN.png OUT.pdf */
#include <cairo-pdf.h>
#include <cairo.h>
#include <stdio.h>

int main(int argc, char **argv)
{
	cairo_surface_t *img, *pdf;
	cairo_t *cr;
	double w = 595.28, h = 841.89;

	if (argc != 3) {
		fprintf(stderr, "usage: mkscan IN.png OUT.pdf\n");
		return 2;
	}
	img = cairo_image_surface_create_from_png(argv[1]);
	if (cairo_surface_status(img) != CAIRO_STATUS_SUCCESS) {
		fprintf(stderr, "mkscan: %s: cannot read\n", argv[1]);
		return 1;
	}
	pdf = cairo_pdf_surface_create(argv[2], w, h);
	cr = cairo_create(pdf);
	cairo_scale(cr, w / cairo_image_surface_get_width(img), h / cairo_image_surface_get_height(img));
	cairo_set_source_surface(cr, img, 0, 0);
	cairo_paint(cr);
	cairo_destroy(cr);
	cairo_surface_finish(pdf);
	cairo_surface_destroy(pdf);
	cairo_surface_destroy(img);
	return 0;
}
