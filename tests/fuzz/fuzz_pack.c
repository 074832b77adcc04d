/* fuzz_pack: bytes as a pattern pack (--patterns FILE), then, when it
 * loads, its patterns run over a document that has something of
 * everything they look at. A bad pack must be a one-line error naming
 * its line; a good one must never break the passes. */
#include "invariants.h"

#include <stdio.h>
#include <unistd.h>

#include "../../extract/pipeline.h"
#include "../../patterns/pat.h"

static const char sample[] =
	"Protokoll fört vid styrelsemöte 2021-03-04\n\nNärvarande: Anna Lind, Erik Berg\n\n"
	"§ 1 Mötets öppnande\nOrdföranden öppnade mötet.\n\n§ 2 Ekonomi\nStyrelsen beslutade att anta budgeten "
	"på 1 200 tkr för 2021. Soliditeten var 45 % och 312 medlemmar svarade (svarsfrekvens 62 %).\n";

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	char path[] = "/tmp/fuzz_packXXXXXX";
	struct ex_error e = { 0 };
	struct pat_set *ps;
	int fd = mkstemp(path);
	FILE *f;

	if (fd < 0 || !(f = fdopen(fd, "wb")))
		return 0;
	fwrite(data, 1, size, f);
	fclose(f);
	if ((ps = pat_set_new(&e)) && pat_pack_load(ps, path, &e) == 0) {
		struct doc_read_opts o = { .patterns = ps, .ocr = -1 };
		struct doc *d = doc_new();

		if (d && ex_process_buffer(d, sample, sizeof(sample) - 1, &o, &e) == 0)
			check_invariants(d);
		doc_free(d);
	} else if (ps) {
		INV(e.msg[0] != '\0' && !strchr(e.msg, '\n'));
	}
	pat_set_free(ps);
	unlink(path);
	return 0;
}
