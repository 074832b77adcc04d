/* lib.c: the public library (include/extract.h) over the pipeline. */
#include "../include/extract.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../output/out.h"
#include "../parsers/ocr.h"
#include "../patterns/pat.h"
#include "options.h"
#include "pipeline.h"

struct extract_ctx {
	struct ex_options o;
	char **words;              /* the options' words, copied: o points into them */
	struct pat_set *patterns;
	struct ocr_service *ocr;
};

/* *err = the message, malloc'd (when err is given and memory allows). */
static void *fail(char **err, const char *fmt, ...)
{
	va_list ap;

	if (err) {
		va_start(ap, fmt);
		if (vasprintf(err, fmt, ap) < 0)
			*err = NULL;
		va_end(ap);
	}
	return NULL;
}

void extract_ctx_free(extract_ctx *ctx)
{
	if (!ctx)
		return;
	ocr_service_free(ctx->ocr);
	pat_set_free(ctx->patterns);
	for (size_t i = 0; ctx->words && ctx->words[i]; i++)
		free(ctx->words[i]);
	free(ctx->words);
	free(ctx->o.inputs);
	free(ctx);
}

/* The options' words copied, so that the caller's may go. */
static int copy_words(extract_ctx *ctx, const char *const *options, int *n)
{
	for (*n = 0; options && options[*n]; (*n)++)
		;
	if (!(ctx->words = calloc((size_t)*n + 1, sizeof(*ctx->words))) ||
	    !(ctx->o.inputs = calloc((size_t)*n + 1, sizeof(*ctx->o.inputs))))
		return -1;
	for (int i = 0; i < *n; i++)
		if (!(ctx->words[i] = strdup(options[i])))
			return -1;
	return 0;
}

/* Options that make no sense for a function that returns JSON. */
static const char *refused(const struct ex_options *o)
{
	if (o->ninputs)
		return "file names are not options: give them to extract_file_json";
	if (o->out)
		return "-o: the library returns the JSON";
	if (o->format != EX_FMT_JSON)
		return "--format: the library returns JSON";
	if (o->help || o->version || o->furniture || o->tables_only)
		return "--help, --version, --furniture and --tables are for the command line";
	if (o->timeout >= 0 || o->max_memory >= 0 || o->memory_budget >= 0 || o->nlists || o->nul || o->progress || o->quiet || o->resume ||
	    o->in_process || o->db || o->shard_n)
		return "--timeout, --max-memory, --memory-budget, --files-from, --progress, --quiet, --resume, "
		       "--in-process, --db and --shard are for the command line's batch";
	return NULL;
}

extract_ctx *extract_ctx_new(const char *const *options, char **err)
{
	extract_ctx *ctx = calloc(1, sizeof(*ctx));
	struct ex_error e = { 0 };
	const char *no;
	char why[300];
	int n;

	if (!ctx || copy_words(ctx, options, &n) < 0) {
		extract_ctx_free(ctx);
		return fail(err, "out of memory");
	}
	ctx->o.format = EX_FMT_JSON;
	if (ex_options_parse(n, (const char *const *)ctx->words, ctx->o.inputs, &ctx->o, why, sizeof(why)) < 0) {
		extract_ctx_free(ctx);
		return fail(err, "%s", why);
	}
	if ((no = refused(&ctx->o))) {
		extract_ctx_free(ctx);
		return fail(err, "%s", no);
	}
	if (!(ctx->patterns = ex_options_patterns(&ctx->o, &e))) {
		extract_ctx_free(ctx);
		return fail(err, "%s", e.msg);
	}
	ctx->ocr = ocr_service_new(ctx->o.ro.lang, ctx->o.ro.no_correct);
	if (!ctx->ocr) {
		extract_ctx_free(ctx);
		return fail(err, "out of memory");
	}
	ctx->o.ro.patterns = ctx->patterns;
	ctx->o.ro.ocr_service = ctx->ocr;
	ctx->o.ro.ocr_workers = ctx->o.jobs > 0 ? ctx->o.jobs : 1;
	return ctx;
}

/* The document read (from path, or from buf when path is NULL) and
 * written as the command line writes it. */
static char *run(extract_ctx *ctx, const char *path, const void *buf, size_t n, const char *name,
		 char **err)
{
	struct out_opts oo = { .compact = ctx ? ctx->o.compact : 0 };
	struct ex_error e = { 0 };
	const char *who = path ? path : name;
	struct doc *d;
	char *json, *out;
	size_t len;
	int rc;

	if (err)
		*err = NULL;
	if (!ctx)
		return fail(err, "%s: no context", who);
	if (!(d = doc_new()))
		return fail(err, "%s: out of memory", who);
	rc = path ? ex_process_file(d, path, &ctx->o.ro, &e) : ex_process_named(d, name, buf, n, &ctx->o.ro, &e);
	if (rc < 0) {
		doc_free(d);
		if (ctx->o.debug && e.src)
			return fail(err, "%s: %s (%s:%d)", who, e.msg, e.src, e.line);
		return fail(err, "%s: %s", who, e.msg);
	}
	json = out_json(d, &oo);
	doc_free(d);
	/* The command line ends the document with a newline: added in place. */
	if (!json || !(out = realloc(json, (len = strlen(json)) + 2))) {
		free(json);
		return fail(err, "%s: out of memory while writing", who);
	}
	out[len] = '\n';
	out[len + 1] = '\0';
	return out;
}

char *extract_file_json(extract_ctx *ctx, const char *path, char **err)
{
	if (!path)
		return fail(err, "no path");
	return run(ctx, path, NULL, 0, NULL, err);
}

char *extract_buffer_json(extract_ctx *ctx, const void *buf, size_t n, const char *name, char **err)
{
	if (!buf && n)
		return fail(err, "%s: no buffer", name ? name : "-");
	return run(ctx, NULL, buf ? buf : "", n, name ? name : "-", err);
}

void extract_free(void *p)
{
	free(p);
}

const char *extract_version(void)
{
	return EX_VERSION;
}
