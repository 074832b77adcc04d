/* options.h: the command line's words, parsed the same way for the
 * extract program and for the library's extract_ctx_new (no getopt: it
 * keeps global state, and contexts may be made in several threads). */
#ifndef EX_OPTIONS_H
#define EX_OPTIONS_H

#include "../model/doc.h"

enum ex_format { EX_FMT_JSON, EX_FMT_NDJSON, EX_FMT_TEXT, EX_FMT_MARKDOWN, EX_FMT_CSV };

#define EX_MAX_PACKS 64
#define EX_MAX_LISTS 16

#define RUN_MEMORY 2048   /* MiB of address space a worker may take unless --max-memory says */

struct ex_options {
	enum ex_format format;
	const char *out;                    /* -o: file or directory */
	int compact, debug, furniture, tables_only, no_default_patterns;
	int jobs;                           /* -j; 0: not given */
	int help, version;
	const char *packs[EX_MAX_PACKS];    /* --patterns, in order */
	int npacks;
	struct doc_read_opts ro;
	/* The program's batch (the library refuses them). */
	int timeout;          /* seconds a document may take; -1 not given (300); 0 no limit */
	int max_memory;       /* MiB of address space a worker may take; -1 not given (RUN_MEMORY); 0 none */
	int memory_budget;    /* MiB the workers may take together; -1 not given (3/4 of RAM); 0 none */
	const char *lists[EX_MAX_LISTS];   /* --files-from */
	int nlists;
	int nul;              /* -0: the lists are NUL-separated */
	int progress;         /* 1 --progress, -1 --no-progress, 0 only on a terminal */
	int quiet;            /* no progress, no summary */
	int resume, retry_failed;
	int in_process;       /* documents in this process's threads, not in workers */
	const char *db;       /* --db: the archive database (SQLite) */
	int shard_k, shard_n; /* --shard K/N: the inputs whose relative path hashes to K of N; n 0: all */
	const char **inputs;                /* the words that are not options */
	int ninputs;
};

/* Parses argv[0..argc) (no program name; NULL-terminated is not
 * needed): options anywhere, "--" ends them, "--name=value" and unique
 * prefixes of long names as getopt_long takes them. inputs must have
 * room for argc words. 0, or -1 with why (one line) set. */
int ex_options_parse(int argc, const char *const *argv, const char **inputs, struct ex_options *o,
		     char *why, size_t whyn);

struct pat_set;

/* The built-in patterns and the packs the options name, compiled as the
 * program and the library both run them; NULL with e set when a pack is
 * bad (its values would be missing from every document). */
struct pat_set *ex_options_patterns(const struct ex_options *o, struct ex_error *e);

#endif
