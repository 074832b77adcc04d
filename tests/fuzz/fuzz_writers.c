/* fuzz_writers: bytes read as a document (text above all), then every
 * writer: JSON (checked to parse and to be extract/1), text, markdown,
 * CSV, the manifest's part; and extract diff and series of the document
 * against itself, in every format. */
#include "invariants.h"

#include <jansson.h>

#include "../../extract/pipeline.h"
#include "../../output/diff.h"

static void diff_all(const char *json)
{
	static const enum out_diff_format fmts[] = { OUT_DIFF_JSON, OUT_DIFF_TEXT, OUT_DIFF_CSV, OUT_DIFF_HTML };
	const char *two[2] = { json, json };
	char why[256], *s;

	for (size_t i = 0; i < sizeof(fmts) / sizeof(fmts[0]); i++) {
		INV((s = out_diff(json, json, fmts[i], why, sizeof(why))) != NULL);
		free(s);
		INV((s = out_series(two, 2, i == 1 ? "a|e" : NULL, fmts[i] == OUT_DIFF_TEXT ? OUT_DIFF_JSON : fmts[i], why,
				    sizeof(why))) != NULL);
		free(s);
	}
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	struct doc_read_opts o = { .last_page = 5, .ocr = -1 };
	struct out_opts oo = { .compact = 0 };
	struct ex_error e = { 0 };
	struct doc *d = doc_new();
	char *s;

	if (!d)
		return 0;
	if (ex_process_buffer(d, data, size, &o, &e) == 0) {
		json_t *j;

		check_invariants(d);
		INV((s = out_json(d, &oo)) != NULL);
		INV((j = json_loads(s, 0, NULL)) != NULL);
		INV(!strcmp(json_string_value(json_object_get(j, "schema")), "extract/1"));
		json_decref(j);
		diff_all(s);
		free(s);
		INV((s = out_text(d, &oo)) != NULL);
		free(s);
		INV((s = out_markdown(d, &oo)) != NULL);
		free(s);
		INV((s = out_csv(d, &oo)) != NULL);
		free(s);
		INV((s = out_manifest_doc(d, "tesseract", "swe")) != NULL);
		free(s);
	}
	doc_free(d);
	return 0;
}
