/* fuzz_pdf: bytes into the PDF reader with OCR off: poppler, the page's
 * drawing (rules, fills), layout, tables and the invariants, at the speed
 * a coverage-guided fuzzer needs (a page OCR'd costs a hundred times
 * more: Tesseract's LSTM reads each line whatever the resolution).
 * fuzz_pdf_ocr is this file with OCR on (FUZZ_PDF_OPTS). */
#include "invariants.h"

#include "../../parsers/pdf.h"

#ifndef FUZZ_PDF_OPTS
#define FUZZ_PDF_OPTS { .last_page = 20, .ocr = -1, .image_budget = FUZZ_IMAGE_BUDGET }
#endif

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	struct doc_read_opts o = FUZZ_PDF_OPTS;
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
