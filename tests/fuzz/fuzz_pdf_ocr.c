/* fuzz_pdf_ocr: bytes into the PDF reader with OCR as the command line
 * has it (pages with no text layer or a poor one), rendered small
 * (FUZZ_DPI) and read by one OCR service for the run (invariants.h):
 * render, scan preparation, Tesseract's words and everything after them.
 * Its corpus is fuzz_pdf's; its body is too. */
#include "invariants.h"

#define FUZZ_PDF_OPTS { .last_page = 20, .dpi = FUZZ_DPI, .ocr_service = fuzz_ocr_service(), \
			.image_budget = FUZZ_IMAGE_BUDGET }
#include "fuzz_pdf.c"
