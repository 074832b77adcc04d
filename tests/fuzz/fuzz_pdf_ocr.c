/* fuzz_pdf_ocr: bytes into the PDF reader with OCR as the command line
 * has it (pages with no text layer or a poor one), rendered small
 * (FUZZ_DPI) and read by one OCR service for the run (invariants.h):
 * render, scan preparation, Tesseract's words and everything after them.
 * Its corpus is fuzz_pdf's. */
#include "invariants.h"

#include "../../parsers/pdf.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	struct doc_read_opts o = { .last_page = 20, .dpi = FUZZ_DPI, .ocr_service = fuzz_ocr_service(),
				   .image_budget = FUZZ_IMAGE_BUDGET };
	struct ex_error e = { 0 };
	struct doc *d = doc_new();

	if (!d)
		return 0;
	if (pdf_read(d, data, size, &o, &e) == 0)
		check_invariants(d);
	else
		INV(e.msg[0] != '\0' && !strchr(e.msg, '\n'));
	doc_free(d);
	return 0;
}
