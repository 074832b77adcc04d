/* options.c: the command line's words; see options.h. */
#include "options.h"
#include "../patterns/pat.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum opt_id {
	O_OUTPUT, O_FORMAT, O_NDJSON, O_COMPACT, O_PAGES, O_PASSWORD, O_FURNITURE, O_TABLES,
	O_NO_TABLES, O_OCR, O_LANG, O_DPI, O_NO_CORRECT, O_JOBS, O_PATTERNS, O_NO_DEFAULT,
	O_DEBUG, O_HELP, O_VERSION, O_TIMEOUT, O_MAX_MEMORY, O_MEMORY_BUDGET, O_FILES_FROM, O_NUL, O_PROGRESS,
	O_NO_PROGRESS, O_QUIET, O_RESUME, O_RETRY_FAILED, O_IN_PROCESS, O_DB, O_SHARD,
};

static const struct opt {
	const char *name;
	char short_name;
	int arg;
	enum opt_id id;
} opts[] = {
	{ "output", 'o', 1, O_OUTPUT },
	{ "format", 'f', 1, O_FORMAT },
	{ "ndjson", 0, 0, O_NDJSON },
	{ "compact", 0, 0, O_COMPACT },
	{ "pages", 0, 1, O_PAGES },
	{ "password", 0, 1, O_PASSWORD },
	{ "furniture", 0, 0, O_FURNITURE },
	{ "tables", 0, 0, O_TABLES },
	{ "no-tables", 0, 0, O_NO_TABLES },
	{ "ocr", 0, 1, O_OCR },
	{ "lang", 0, 1, O_LANG },
	{ "dpi", 0, 1, O_DPI },
	{ "no-correct", 0, 0, O_NO_CORRECT },
	{ "jobs", 'j', 1, O_JOBS },
	{ "patterns", 0, 1, O_PATTERNS },
	{ "no-default-patterns", 0, 0, O_NO_DEFAULT },
	{ "debug", 0, 0, O_DEBUG },
	{ "help", 'h', 0, O_HELP },
	{ "version", 'V', 0, O_VERSION },
	{ "timeout", 0, 1, O_TIMEOUT },
	{ "max-memory", 0, 1, O_MAX_MEMORY },
	{ "memory-budget", 0, 1, O_MEMORY_BUDGET },
	{ "files-from", 0, 1, O_FILES_FROM },
	{ "null", '0', 0, O_NUL },
	{ "progress", 0, 0, O_PROGRESS },
	{ "no-progress", 0, 0, O_NO_PROGRESS },
	{ "quiet", 'q', 0, O_QUIET },
	{ "resume", 0, 0, O_RESUME },
	{ "retry-failed", 0, 0, O_RETRY_FAILED },
	{ "in-process", 0, 0, O_IN_PROCESS },
	{ "db", 0, 1, O_DB },
	{ "shard", 0, 1, O_SHARD },
};

#define NOPTS (sizeof(opts) / sizeof(opts[0]))

static int parse_pages(const char *s, struct doc_read_opts *ro)
{
	char *end;
	long a = strtol(s, &end, 10), b;

	if (end == s || a < 1 || a > 1000000)
		return -1;
	if (*end == '\0') {
		ro->first_page = ro->last_page = (int)a;
		return 0;
	}
	if (*end != '-')
		return -1;
	s = end + 1;
	if (*s == '\0') {
		ro->first_page = (int)a;
		return 0;
	}
	b = strtol(s, &end, 10);
	if (*end || b < a || b > 1000000)
		return -1;
	ro->first_page = (int)a;
	ro->last_page = (int)b;
	return 0;
}

static int parse_format(const char *s, enum ex_format *f)
{
	static const struct { const char *name; enum ex_format f; } tab[] = {
		{ "json", EX_FMT_JSON }, { "ndjson", EX_FMT_NDJSON },
		{ "text", EX_FMT_TEXT }, { "markdown", EX_FMT_MARKDOWN }, { "md", EX_FMT_MARKDOWN },
		{ "csv", EX_FMT_CSV },
	};

	for (size_t i = 0; i < sizeof(tab) / sizeof(tab[0]); i++)
		if (strcmp(s, tab[i].name) == 0) {
			*f = tab[i].f;
			return 0;
		}
	return -1;
}

/* A whole number in [lo, hi], all of s. */
static int int_in(const char *s, int lo, int hi, int *v)
{
	char *end;
	long x = strtol(s, &end, 10);

	if (end == s || *end || x < lo || x > hi)
		return -1;
	*v = (int)x;
	return 0;
}

#define WHY(...) (snprintf(why, whyn, __VA_ARGS__), -1)

/* The batch's options: the program's alone. */
static int apply_batch(const struct opt *op, const char *v, struct ex_options *o, char *why, size_t whyn)
{
	switch (op->id) {
	case O_TIMEOUT:
		if (int_in(v, 0, 7 * 86400, &o->timeout) < 0)
			return WHY("--timeout wants seconds from 0 (none) to 604800, got '%s'", v);
		break;
	case O_MAX_MEMORY:
		if (int_in(v, 0, 1 << 22, &o->max_memory) < 0 || (o->max_memory > 0 && o->max_memory < 64))
			return WHY("--max-memory wants MiB from 64 (or 0: none), got '%s'", v);
		break;
	case O_MEMORY_BUDGET:
		if (int_in(v, 0, 1 << 24, &o->memory_budget) < 0 || (o->memory_budget > 0 && o->memory_budget < 64))
			return WHY("--memory-budget wants MiB from 64 (or 0: none), got '%s'", v);
		break;
	case O_FILES_FROM:
		if (o->nlists == EX_MAX_LISTS)
			return WHY("at most %d --files-from", EX_MAX_LISTS);
		o->lists[o->nlists++] = v;
		break;
	case O_NUL: o->nul = 1; break;
	case O_PROGRESS: o->progress = 1; break;
	case O_NO_PROGRESS: o->progress = -1; break;
	case O_QUIET: o->quiet = 1; break;
	case O_RESUME: o->resume = 1; break;
	case O_RETRY_FAILED: o->resume = o->retry_failed = 1; break;
	case O_IN_PROCESS: o->in_process = 1; break;
	case O_DB: o->db = v; break;
	case O_SHARD:
		if (sscanf(v, "%d/%d", &o->shard_k, &o->shard_n) != 2 || o->shard_n < 1 || o->shard_n > 1000000 ||
		    o->shard_k < 0 || o->shard_k >= o->shard_n)
			return WHY("--shard wants K/N with 0 <= K < N, got '%s'", v);
		break;
	default: break;
	}
	return 0;
}

/* One option with its value (NULL for none) into o. */
static int apply(const struct opt *op, const char *v, struct ex_options *o, char *why, size_t whyn)
{
	switch (op->id) {
	case O_OUTPUT: o->out = strcmp(v, "-") ? v : NULL; break;   /* "-": standard output, as without -o */
	case O_FORMAT:
		if (parse_format(v, &o->format) < 0)
			return WHY("unknown format '%s' (json, ndjson, text, markdown, csv)", v);
		break;
	case O_NDJSON: o->format = EX_FMT_NDJSON; break;
	case O_COMPACT: o->compact = 1; break;
	case O_PAGES:
		if (parse_pages(v, &o->ro) < 0)
			return WHY("--pages wants N, A-B or A-, got '%s'", v);
		break;
	case O_PASSWORD: o->ro.password = v; break;
	case O_FURNITURE: o->furniture = 1; break;
	case O_TABLES: o->tables_only = 1; break;
	case O_NO_TABLES: o->ro.no_tables = 1; break;
	case O_OCR:
		if (!strcmp(v, "auto"))
			o->ro.ocr = 0;
		else if (!strcmp(v, "always"))
			o->ro.ocr = 1;
		else if (!strcmp(v, "never"))
			o->ro.ocr = -1;
		else
			return WHY("--ocr wants auto, always or never, got '%s'", v);
		break;
	case O_LANG: o->ro.lang = v; break;
	case O_NO_CORRECT: o->ro.no_correct = 1; break;
	case O_JOBS:
		if (int_in(v, 1, 64, &o->jobs) < 0)
			return WHY("--jobs wants 1 to 64, got '%s'", v);
		break;
	case O_DPI:
		if (int_in(v, 72, 1200, &o->ro.dpi) < 0)
			return WHY("--dpi wants 72 to 1200, got '%s'", v);
		break;
	case O_PATTERNS:
		if (o->npacks == EX_MAX_PACKS)
			return WHY("at most %d --patterns", EX_MAX_PACKS);
		o->packs[o->npacks++] = v;
		break;
	case O_NO_DEFAULT: o->no_default_patterns = 1; break;
	case O_DEBUG: o->debug = 1; break;
	case O_HELP: o->help = 1; break;
	case O_VERSION: o->version = 1; break;
	default: return apply_batch(op, v, o, why, whyn);
	}
	return 0;
}

/* The long option name (before any '=', n bytes) names: exactly, or as
 * the unique prefix of one. */
static const struct opt *long_opt(const char *name, size_t n, char *why, size_t whyn)
{
	const struct opt *hit = NULL;
	int nhits = 0;

	for (size_t i = 0; i < NOPTS; i++) {
		if (strncmp(opts[i].name, name, n) != 0)
			continue;
		if (opts[i].name[n] == '\0')
			return &opts[i];
		hit = &opts[i];
		nhits++;
	}
	if (nhits == 1)
		return hit;
	snprintf(why, whyn, nhits ? "option '--%.*s' is ambiguous" : "unknown option '--%.*s'", (int)n, name);
	return NULL;
}

static const struct opt *short_opt(char c)
{
	for (size_t i = 0; i < NOPTS; i++)
		if (opts[i].short_name == c)
			return &opts[i];
	return NULL;
}

int ex_options_parse(int argc, const char *const *argv, const char **inputs, struct ex_options *o,
		     char *why, size_t whyn)
{
	int only_inputs = 0;

	o->inputs = inputs;
	o->timeout = o->max_memory = o->memory_budget = -1;
	for (int i = 0; i < argc; i++) {
		const char *a = argv[i], *v = NULL;
		const struct opt *op;

		if (only_inputs || a[0] != '-' || a[1] == '\0') {   /* "-" is an input */
			inputs[o->ninputs++] = a;
			continue;
		}
		if (!strcmp(a, "--")) {
			only_inputs = 1;
			continue;
		}
		if (a[1] == '-') {
			const char *eq = strchr(a + 2, '=');

			if (!(op = long_opt(a + 2, eq ? (size_t)(eq - a - 2) : strlen(a + 2), why, whyn)))
				return -1;
			if (eq && !op->arg)
				return WHY("option '--%s' takes no value", op->name);
			v = eq ? eq + 1 : NULL;
		} else {
			/* -jN, -j N; one short option a word */
			if (!(op = short_opt(a[1])))
				return WHY("unknown option '-%c'", a[1]);
			if (a[2] && !op->arg)
				return WHY("unknown option '%s'", a);
			v = a[2] ? a + 2 : NULL;
		}
		if (op->arg && !v) {
			if (i + 1 == argc)
				return WHY("option '%s' needs a value", a);
			v = argv[++i];
		}
		if (apply(op, v, o, why, whyn) < 0)
			return -1;
	}
	return 0;
}

struct pat_set *ex_options_patterns(const struct ex_options *o, struct ex_error *e)
{
	struct pat_set *ps = pat_set_new(e);

	for (int i = 0; ps && i < o->npacks; i++)
		if (pat_pack_load(ps, o->packs[i], e) < 0)
			goto bad;
	if (ps && !o->no_default_patterns && pat_pack_load_default(ps, e) < 0)
		goto bad;
	return ps;
bad:
	pat_set_free(ps);
	return NULL;
}
