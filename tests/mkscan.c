/* mkscan: an image-only PDF from PNGs, as a scanner makes them: one A4
 * page for each picture (landscape for a picture wider than high),
 * holding it and no text at all.
 *   mkscan IN.png [IN.png ...] OUT.pdf */
#include <cairo-pdf.h>
#include <cairo.h>
#include <stdio.h>

int main(int argc, char **argv)
{
	cairo_surface_t *pdf;
	cairo_t *cr;
	double w = 595.28, h = 841.89;

	if (argc < 3) {
		fprintf(stderr, "usage: mkscan IN.png [IN.png ...] OUT.pdf\n");
		return 2;
	}
	pdf = cairo_pdf_surface_create(argv[argc - 1], w, h);
	cr = cairo_create(pdf);
	for (int i = 1; i < argc - 1; i++) {
		cairo_surface_t *img = cairo_image_surface_create_from_png(argv[i]);

		if (cairo_surface_status(img) != CAIRO_STATUS_SUCCESS) {
			fprintf(stderr, "mkscan: %s: cannot read\n", argv[i]);
			cairo_surface_destroy(img);
			cairo_destroy(cr);
			cairo_surface_destroy(pdf);
			return 1;
		}
		int iw = cairo_image_surface_get_width(img), ih = cairo_image_surface_get_height(img);
		double pw = iw > ih ? h : w, ph = iw > ih ? w : h;

		cairo_pdf_surface_set_size(pdf, pw, ph);
		cairo_save(cr);
		cairo_scale(cr, pw / iw, ph / ih);
		cairo_set_source_surface(cr, img, 0, 0);
		cairo_paint(cr);
		cairo_restore(cr);
		cairo_show_page(cr);
		cairo_surface_destroy(img);
	}
	cairo_destroy(cr);
	cairo_surface_finish(pdf);
	cairo_surface_destroy(pdf);
	return 0;
}
