/* fuzz_image: bytes as an image (PNG, JPEG, TIFF, whatever leptonica
 * reads) through the size guards, leptonica's readers, OCR and the
 * layout, at a small render size with one OCR service for the run. */
#include "invariants.h"

#include "../../extract/pipeline.h"
#include "../../parsers/image.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	struct doc_read_opts o = { .last_page = 2, .dpi = FUZZ_DPI, .ocr_service = fuzz_ocr_service() };
	struct ex_error e = { 0 };
	struct doc *d = doc_new();

	if (!d)
		return 0;
	if (image_read(d, data, size, &o, &e) == 0)
		check_invariants(d);
	else
		INV(e.msg[0] != '\0' && !strchr(e.msg, '\n'));
	doc_free(d);
	return 0;
}
