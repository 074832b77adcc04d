/* fuzz_cli: bytes as command-line words (split at newlines) through the
 * one option parser the program and the library share: 0, or -1 with a
 * one-line reason; every value it keeps in range. */
#include <stdlib.h>
#include <string.h>

#include "../../extract/options.h"

#define INV(c) do { if (!(c)) abort(); } while (0)

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	char *text = malloc(size + 1), *save = NULL;
	const char **argv = calloc(size + 2, sizeof(*argv)), **inputs = calloc(size + 2, sizeof(*inputs));
	struct ex_options o = { .format = EX_FMT_JSON };
	char why[300] = "";
	int argc = 0;

	if (!text || !argv || !inputs)
		goto out;
	memcpy(text, data, size);
	text[size] = '\0';
	for (char *w = strtok_r(text, "\n", &save); w; w = strtok_r(NULL, "\n", &save))
		argv[argc++] = w;
	if (ex_options_parse(argc, argv, inputs, &o, why, sizeof(why)) < 0) {
		INV(why[0] && !strchr(why, '\n'));
	} else {
		INV(o.ninputs <= argc && o.npacks <= EX_MAX_PACKS && o.nlists <= EX_MAX_LISTS);
		INV(o.jobs >= 0 && o.jobs <= 64 && o.ro.dpi >= 0 && o.ro.dpi <= 1200);
		INV(o.shard_n == 0 || (o.shard_k >= 0 && o.shard_k < o.shard_n));
		INV(o.timeout >= -1 && o.max_memory >= -1);
	}
out:
	free(text);
	free(argv);
	free(inputs);
	return 0;
}
