/* fuzz_odt: bytes into the ODT package reader and, as XML, into the
 * flat ODT reader (libzip, libxml2, the style and table walk). */
#include "invariants.h"

#include "../../parsers/odt.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	int (*readers[2])(struct doc *, const void *, size_t, struct ex_error *) = {
		odt_read, odt_read_flat
	};

	for (int i = 0; i < 2; i++) {
		struct ex_error e = { 0 };
		struct doc *d = doc_new();

		if (!d)
			return 0;
		if (readers[i](d, data, size, &e) == 0)
			check_invariants(d);
		else
			INV(e.msg[0] != '\0' && !strchr(e.msg, '\n'));
		doc_free(d);
	}
	return 0;
}
