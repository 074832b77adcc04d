/* fuzz_diff: bytes as JSON given to extract diff and series (a file that
 * claims to be extract/1 may be anything): a clean refusal or a result in
 * every format, never a crash. The input is split at its first NUL into
 * OLD and NEW (no NUL: the same bytes twice). */
#include <stdlib.h>
#include <string.h>

#include "../../output/diff.h"

#define INV(c) do { if (!(c)) abort(); } while (0)

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	static const enum out_diff_format fmts[] = { OUT_DIFF_JSON, OUT_DIFF_TEXT, OUT_DIFF_CSV, OUT_DIFF_HTML };
	char *text = malloc(size + 2), *old, *new, why[256], *s;
	const char *two[2];

	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = text[size + 1] = '\0';
	old = text;
	new = memchr(text, '\0', size) ? text + strlen(text) + 1 : text;
	two[0] = old;
	two[1] = new;
	for (size_t i = 0; i < sizeof(fmts) / sizeof(fmts[0]); i++) {
		s = out_diff(old, new, fmts[i], why, sizeof(why));
		INV(s || (why[0] && !strchr(why, '\n')));
		free(s);
		s = out_series(two, 2, NULL, fmts[i] == OUT_DIFF_TEXT ? OUT_DIFF_JSON : fmts[i], why, sizeof(why));
		free(s);
	}
	free(text);
	return 0;
}
