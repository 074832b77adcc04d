/* batch.h: a run over its inputs. Each document is read in a worker
 * process (--timeout, --max-memory), so a crash, a hang or memory run out
 * is that document's error and the run goes on; or, with --in-process,
 * in this process's threads. Outputs into a folder are written as they
 * finish, with a manifest line each (--resume reads it); to standard
 * output they come in input order. */
#ifndef EX_BATCH_H
#define EX_BATCH_H

#include "inputs.h"
#include "options.h"

struct ex_run {
	struct ex_options *o;
	struct ex_inputs in;
	int out_dir;          /* -o names a folder */
	const char *ext;      /* ".json", ".txt", ... */
	int njobs;            /* documents at a time */
	char digest[65];      /* of the options that shape an output */
};

/* Reads every input; returns the exit status (0 all done, 1 some
 * failed, 130 interrupted). */
int ex_run_batch(struct ex_run *r);
/* The heap in transparent huge pages (batch.c); the program calls it
 * once at start, after its mallopt. */
void ex_heap_huge(void);

/* sha256 of the options that change what a document's output is. */
void ex_options_digest(const struct ex_options *o, char out[65]);

#endif
