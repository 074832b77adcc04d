/* fuzz_txt: bytes through the whole pipeline: format detection, then
 * whichever reader it picks (text above all), then the patterns. */
#include "invariants.h"

#include "../../extract/pipeline.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	/* No OCR here: an engine a second per input would starve the
	 * fuzzer; images reach leptonica and Tesseract through fuzz_image. */
	struct doc_read_opts o = { .last_page = 20, .ocr = -1 };
	struct ex_error e = { 0 };
	struct doc *d = doc_new();

	if (!d)
		return 0;
	if (ex_process_buffer(d, data, size, &o, &e) == 0)
		check_invariants(d);
	else
		INV(e.msg[0] != '\0' && !strchr(e.msg, '\n'));
	doc_free(d);
	return 0;
}
