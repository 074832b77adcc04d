/* main.c: the extract command line. */
#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <inttypes.h>
#include <malloc.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../output/db.h"
#include "../output/diff.h"
#include "../output/out.h"
#include "../parsers/ocr.h"
#include "../patterns/pat.h"
#include "../model/doc.h"
#include "options.h"
#include "batch.h"
#include "pipeline.h"

static void usage(FILE *f)
{
	fputs("usage: extract [options] FILE|FOLDER|- ...\n"
	      "Reads PDF, ODT, flat ODT, images and UTF-8 text documents and writes structured JSON.\n"
	      "A folder is read with everything below it (sorted; hidden files skipped); - is standard input.\n"
	      "\n"
	      "  -o, --output FILE|DIR   write to FILE (one input) or into DIR, mirroring each input's\n"
	      "                          path below its folder or list (DIR/2019/a.pdf.json), with\n"
	      "                          DIR/manifest.ndjson: a line per input; - is standard output\n"
	      "  -f, --format FMT        json (default), ndjson, text, markdown, or csv (the tables)\n"
	      "      --tables            with text or markdown: only the tables\n"
	      "      --no-tables         do not look for tables in PDF layout (faster)\n"
	      "      --ocr MODE          auto (pages without a text layer; images), always, never\n"
	      "      --lang LANGS        OCR languages (default swe+eng)\n"
	      "      --dpi N             OCR rendering resolution (default 300)\n"
	      "      --no-correct        keep OCR's words as Tesseract read them\n"
	      "  -j, --jobs N            read N inputs at a time (default: the cores, at most 8), or\n"
	      "                          the pages OCR reads of fewer inputs\n"
	      "      --files-from FILE   read the paths listed in FILE (- for standard input), one a line\n"
	      "  -0, --null              the lists are NUL-separated (find -print0)\n"
	      "      --timeout S         stop a document after S seconds: its error is timeout (default 300;\n"
	      "                          0: none)\n"
	      "      --max-memory MIB    a document's worker may take MIB of address space (default 2048;\n"
	      "                          0: none); past it the document's error is out_of_memory\n"
	      "      --memory-budget MIB the workers' limits together fit in MIB (default 3/4 of the\n"
	      "                          machine's memory; 0: none): fewer documents at a time if need be\n"
	      "      --in-process        read documents in this process's threads, not in workers\n"
	      "      --db FILE           also store every document in the SQLite archive FILE\n"
	      "      --shard K/N         only the inputs whose relative path hashes to K (0..N-1) of N\n"
	      "      --resume            with -o DIR: leave inputs the manifest says were done with the same\n"
	      "                          bytes, version and options (and whose output is there)\n"
	      "      --retry-failed      --resume, and read again the inputs that failed\n"
	      "      --progress, --no-progress  a progress line on standard error (default: on a terminal)\n"
	      "  -q, --quiet             no progress and no summary line (errors are still said)\n"
	      "      --ndjson            same as --format ndjson: one JSON object per line\n"
	      "      --compact           JSON on one line\n"
	      "      --pages A-B         only pages A to B of a PDF (\"3\", \"3-7\", \"3-\")\n"
	      "      --password PW       password of an encrypted PDF\n"
	      "      --patterns FILE     load a pattern pack (repeatable); default packs come from\n"
	      "                          $EXTRACT_PATTERNS or ~/.config/extract/patterns/*.pat\n"
	      "      --no-default-patterns  do not load the default packs\n"
	      "      --furniture         text/markdown: keep running headers, footers, page numbers\n"
	      "      --debug             add the source location to error messages\n"
	      "  -h, --help              this help\n"
	      "  -V, --version           the version\n"
	      "\n"
	      "Standard output takes documents in input order; a folder's files are written as they finish.\n"
	      "Exit status: 0 all inputs done, 1 some inputs failed, 2 usage error, 130 interrupted.\n", f);
}

static const char *ext_for(enum ex_format f)
{
	return f == EX_FMT_TEXT ? ".txt" : f == EX_FMT_MARKDOWN ? ".md" : f == EX_FMT_CSV ? ".csv" : ".json";
}

static int is_dir(const char *p)
{
	struct stat sb;

	return stat(p, &sb) == 0 && S_ISDIR(sb.st_mode);
}

/* The patterns the options name: NULL, said on stderr, when a pack is bad. */
static struct pat_set *patterns(const struct ex_options *o)
{
	struct ex_error e = { 0 };
	struct pat_set *ps = ex_options_patterns(o, &e);

	if (!ps)
		fprintf(stderr, "extract: %s\n", e.msg);
	return ps;
}

/* Whether -o is usable for the run's inputs (a directory is made when it
 * ends with '/', or when a folder or list is read); says why not on stderr. */
static int check_output(struct ex_run *r, int many)
{
	struct ex_options *o = r->o;
	size_t n = r->in.n;

	if (o->out) {
		size_t l = strlen(o->out);

		r->out_dir = is_dir(o->out) || (l && o->out[l - 1] == '/') || many;
		if (r->out_dir && !is_dir(o->out) && mkdir(o->out, 0777) < 0) {
			fprintf(stderr, "extract: %s: cannot create directory: %s\n", o->out, strerror(errno));
			return -1;
		}
		if (!r->out_dir && n > 1) {
			fprintf(stderr, "extract: -o %s names a file, but there are %zu inputs: give a directory\n",
				o->out, n);
			return -1;
		}
		/* Found now, not after every input has been read. */
		if (r->out_dir && access(o->out, W_OK | X_OK) < 0) {
			fprintf(stderr, "extract: %s: cannot write there: %s\n", o->out, strerror(errno));
			return -1;
		}
	} else if (o->format == EX_FMT_JSON && (n > 1 || many)) {
		fprintf(stderr, "extract: %zu inputs: use --ndjson for one JSON object per line, or -o DIR\n", n);
		return -1;
	}
	if (o->resume && !r->out_dir && !o->db) {
		fprintf(stderr, "extract: --resume reads the manifest of -o DIR or the --db database: give one\n");
		return -1;
	}
	return 0;
}

/* The inputs the words and lists name; -1, said, on a usage error. */
static int gather(struct ex_run *r, int *many)
{
	struct ex_options *o = r->o;
	char why[600];
	int stdin_used = 0;

	*many = o->nlists > 0;
	if (o->out)
		ex_inputs_skip(&r->in, o->out);   /* our outputs are never inputs */
	for (int i = 0; i < o->ninputs; i++) {
		size_t before = r->in.n;

		*many |= is_dir(o->inputs[i]);
		stdin_used += !strcmp(o->inputs[i], "-");
		if (ex_inputs_add_arg(&r->in, o->inputs[i], why, sizeof(why)) < 0)
			goto bad;
		if (r->in.n == before)
			fprintf(stderr, "extract: %s: a folder with no files to read\n", o->inputs[i]);
	}
	for (int i = 0; i < o->nlists; i++) {
		stdin_used += !strcmp(o->lists[i], "-");
		if (ex_inputs_add_list(&r->in, o->lists[i], o->nul, why, sizeof(why)) < 0)
			goto bad;
	}
	if (stdin_used > 1) {
		snprintf(why, sizeof(why), "standard input (-) can be read once");
		goto bad;
	}
	if (o->shard_n)
		ex_inputs_shard(&r->in, o->shard_k, o->shard_n);
	return 0;
bad:
	fprintf(stderr, "extract: %s\n", why);
	return -1;
}

/* The memory budget the workers share (--memory-budget, by default
 * three quarters of the machine's memory): no more documents are read at
 * a time than their workers' --max-memory fits in it, and a budget under
 * one worker's limit is that worker's limit (OCR's threads for a
 * document's pages live in its worker, inside its limit). Said once when
 * it cuts a -j given. */
#define RUN_BUDGET_SHARE 0.75
static void share_memory(struct ex_run *r)
{
	struct ex_options *o = r->o;
	long pages = sysconf(_SC_PHYS_PAGES), size = sysconf(_SC_PAGESIZE);
	long long budget = o->memory_budget;

	if (o->max_memory < 0)
		o->max_memory = RUN_MEMORY;
	if (budget < 0)
		budget = pages > 0 && size > 0 ? (long long)((double)pages * size * RUN_BUDGET_SHARE) >> 20 : 0;
	if (budget <= 0 || o->in_process || o->max_memory == 0)
		return;   /* (documents in threads, or workers asked to have no limit: none holds) */
	if (o->max_memory > budget)
		o->max_memory = (int)budget;
	if ((long long)r->njobs * o->max_memory > budget) {
		int fit = (int)(budget / o->max_memory);

		if (o->jobs > 0 && !o->quiet)
			fprintf(stderr, "extract: %d workers of %d MiB pass the memory budget of %lld MiB: %d at a time\n",
				r->njobs, o->max_memory, budget, fit);
		r->njobs = fit;
	}
}

/* How many documents at a time, and OCR pages a document: inputs first;
 * what inputs leave over goes to the pages of each document that OCR
 * reads (one scan: its pages N at a time). */
static void share_cores(struct ex_run *r)
{
	int njobs = r->o->jobs;

	if (njobs <= 0) {
		long cores = sysconf(_SC_NPROCESSORS_ONLN);

		njobs = cores > 0 ? (int)(cores < 8 ? cores : 8) : 1;
	}
	r->o->ro.ocr_workers = (size_t)njobs > r->in.n ? njobs / (int)(r->in.n ? r->in.n : 1) : 1;
	r->njobs = (size_t)njobs > r->in.n ? (int)(r->in.n ? r->in.n : 1) : njobs;
	share_memory(r);
}

static int run(struct ex_options *o)
{
	struct ex_run r = { .o = o, .ext = ext_for(o->format) };
	struct pat_set *ps = NULL;
	int many, rc = 2;

	if (gather(&r, &many) < 0 || check_output(&r, many) < 0)
		goto out;
	if (r.in.n == 0 && o->shard_n) {   /* a shard may well be empty */
		rc = 0;
		goto out;
	}
	if (r.in.n == 0) {
		fprintf(stderr, "extract: no inputs: the folders and lists named hold no files to read\n");
		goto out;
	}
	/* Text, markdown and CSV write blocks and tables alone: what the
	 * patterns find, and the source's digest, would go unwritten. */
	o->ro.blocks_only = o->format == EX_FMT_TEXT || o->format == EX_FMT_MARKDOWN || o->format == EX_FMT_CSV;
	if (!o->ro.blocks_only && !(ps = patterns(o)))
		goto out;
	o->ro.patterns = ps;
	/* OCR engines and the word list, made when a page first needs them,
	 * kept by each worker (or this process) for every input it reads. */
	if (!(o->ro.ocr_service = ocr_service_new(o->ro.lang, o->ro.no_correct))) {
		fprintf(stderr, "extract: out of memory\n");
		goto out;
	}
	ex_inputs_refuse_clashes(&r.in, o->out, r.out_dir, r.ext);
	ex_options_digest(o, r.digest);
	share_cores(&r);
	rc = ex_run_batch(&r);
	ocr_service_free(o->ro.ocr_service);
out:
	pat_set_free(ps);
	ex_inputs_free(&r.in);
	return rc;
}

/* One hit of extract search. */
static void hit(void *arg, const char *path, const char *sha256, int page, int block, const char *snippet)
{
	if (*(int *)arg) {
		char *j = out_search_hit_json(path, sha256, page, block, snippet);

		if (j)
			puts(j);
		free(j);
		return;
	}
	char *p = strdup(path ? path : sha256), *t = strdup(snippet ? snippet : "");

	for (char *c = t; c && *c; c++)   /* one line a hit */
		if ((unsigned char)*c < 0x20)
			*c = ' ';
	printf("%s:%d: %s\n", p ? p : "", page, t ? t : "");
	free(p);
	free(t);
}

/* extract search --db FILE [--json] [--limit N] QUERY...: the archive's
 * blocks that match, best first. */
static int search_main(int argc, char **argv)
{
	const char *db = NULL;
	int json = 0, limit = 20, n;
	GString *q = g_string_new(NULL);
	char why[600];
	struct out_db *d;

	for (int i = 0; i < argc; i++) {
		if (!strcmp(argv[i], "--db") && i + 1 < argc)
			db = argv[++i];
		else if (!strncmp(argv[i], "--db=", 5))
			db = argv[i] + 5;
		else if (!strcmp(argv[i], "--json"))
			json = 1;
		else if (!strcmp(argv[i], "--limit") && i + 1 < argc)
			limit = atoi(argv[++i]);
		else
			g_string_append_printf(q, "%s%s", q->len ? " " : "", argv[i]);
	}
	if (!db || !q->len || limit <= 0) {
		fputs("usage: extract search --db FILE [--json] [--limit N] QUERY...\n", stderr);
		g_string_free(q, TRUE);
		return 2;
	}
	if ((!out_db_is_shared(db) && access(db, R_OK) < 0) || !(d = out_db_open(db, why, sizeof(why)))) {
		fprintf(stderr, "extract: search: %s\n", !out_db_is_shared(db) && access(db, R_OK) < 0 ? strerror(errno) : why);
		g_string_free(q, TRUE);
		return 2;
	}
	n = out_db_search(d, q->str, limit, hit, &json, why, sizeof(why));
	if (n < 0)
		fprintf(stderr, "extract: %s\n", why);
	out_db_close(d);
	g_string_free(q, TRUE);
	return n < 0 ? 2 : n > 0 ? 0 : 1;
}

/* An input of extract diff as extract/1 JSON: the file itself when it is
 * JSON, else the document read (the default options and packs). */
static char *diff_input(const char *path, struct pat_set **ps)
{
	gchar *text = NULL;
	gsize n = 0;
	struct ex_options o = { .format = EX_FMT_JSON };
	struct ex_error e = { 0 };
	struct out_opts oo = { 0 };
	struct doc *d;
	char *json = NULL;

	if (g_file_get_contents(path, &text, &n, NULL) && text[strspn(text, " \t\r\n")] == '{') {
		json = strdup(text);
		g_free(text);
		return json;
	}
	g_free(text);
	if (!*ps && !(*ps = ex_options_patterns(&o, &e))) {
		fprintf(stderr, "extract: %s\n", e.msg);
		return NULL;
	}
	o.ro.patterns = *ps;
	if (!(d = doc_new()))
		return NULL;
	if (ex_process_file(d, path, &o.ro, &e) == 0)
		json = out_json(d, &oo);
	else
		fprintf(stderr, "extract: %s: %s\n", path, e.msg);
	doc_free(d);
	return json;
}

/* The archive at path opened to read documents back (--db of diff and
 * series): an archive file must exist (none is made); NULL with the
 * reason said. */
static struct out_db *archive_open(const char *path)
{
	char why[300];
	struct out_db *db;

	if (!out_db_is_shared(path) && !g_file_test(path, G_FILE_TEST_IS_REGULAR)) {
		fprintf(stderr, "extract: %s: no such archive\n", path);
		return NULL;
	}
	if (!(db = out_db_open(path, why, sizeof(why))))
		fprintf(stderr, "extract: %s\n", why);
	return db;
}

/* extract diff [--format text|json|csv|html] [--db ARCHIVE] OLD NEW. */
static int diff_main(int argc, char **argv)
{
	enum out_diff_format f = isatty(STDOUT_FILENO) ? OUT_DIFF_TEXT : OUT_DIFF_JSON;
	const char *in[2] = { NULL, NULL }, *archive = NULL;
	struct pat_set *ps = NULL;
	struct out_db *db = NULL;
	char *j[2] = { NULL, NULL }, *out = NULL, why[300];
	int n = 0;

	for (int i = 0; i < argc; i++) {
		const char *v = !strcmp(argv[i], "--format") && i + 1 < argc ? argv[++i]
				: !strncmp(argv[i], "--format=", 9) ? argv[i] + 9 : NULL;

		if (!v && !strcmp(argv[i], "--db") && i + 1 < argc)
			archive = argv[++i];
		else if (v && (!strcmp(v, "text") || !strcmp(v, "json") || !strcmp(v, "csv") || !strcmp(v, "html")))
			f = !strcmp(v, "text")	 ? OUT_DIFF_TEXT
			    : !strcmp(v, "csv")	 ? OUT_DIFF_CSV
			    : !strcmp(v, "html") ? OUT_DIFF_HTML
						 : OUT_DIFF_JSON;
		else if (!v && n < 2 && (argv[i][0] != '-' || !argv[i][1]))
			in[n++] = argv[i];
		else
			n = 3;
	}
	if (n != 2) {
		fputs("usage: extract diff [--format text|json|csv|html] [--db ARCHIVE] OLD NEW\n"
		      "OLD and NEW: documents, or their extract JSON; with --db, paths as imported into the\n"
		      "archive, or sha256s\n", stderr);
		return 2;
	}
	if (archive && !(db = archive_open(archive)))
		return 1;
	for (int k = 0; k < 2; k++)
		if (db && !(j[k] = out_db_json(db, in[k], why, sizeof(why))))
			fprintf(stderr, "extract: diff: %s\n", why);
		else if (!db)
			j[k] = diff_input(in[k], &ps);
	out_db_close(db);
	if (f == OUT_DIFF_TEXT && isatty(STDOUT_FILENO) && !getenv("NO_COLOR"))
		f = OUT_DIFF_TEXT_COLOUR;
	if (j[0] && j[1] && !(out = out_diff(j[0], j[1], f, why, sizeof(why))))
		fprintf(stderr, "extract: diff: %s\n", why);
	if (out) {
		fputs(out, stdout);
		if (!*out || out[strlen(out) - 1] != '\n')
			fputc('\n', stdout);
	}
	free(out);
	free(j[0]);
	free(j[1]);
	pat_set_free(ps);
	return out ? 0 : 1;
}

/* The documents of the archive at path (of one organisation when org is
 * not NULL), appended to docs (room for *n more than it holds grows);
 * 0, or -1 with the reason said. */
static int archive_docs(const char *path, const char *org, char ***docs, int *n)
{
	struct out_db *db = archive_open(path);
	char why[300], **v, **grown;
	size_t k = 0;

	if (!db)
		return -1;
	v = out_db_jsons(db, org, &k, why, sizeof(why));
	out_db_close(db);
	if (!v) {
		fprintf(stderr, "extract: series: %s\n", why);
		return -1;
	}
	if (!(grown = realloc(*docs, sizeof(**docs) * ((size_t)*n + k + 1)))) {
		for (size_t i = 0; i < k; i++)
			free(v[i]);
		free(v);
		return -1;
	}
	*docs = grown;
	memcpy(*docs + *n, v, sizeof(*v) * k);
	*n += (int)k;
	free(v);
	return 0;
}

/* extract series [--format json|csv|html] [--label REGEX] [--db ARCHIVE
 * [--organisation NAME]] FILE...: the reports' values as indicator x
 * period series. */
static int series_main(int argc, char **argv)
{
	enum out_diff_format f = OUT_DIFF_JSON;
	const char *label = NULL, *archive = NULL, *org = NULL;
	char **docs = calloc((size_t)argc + 1, sizeof(*docs)), *out = NULL, why[300];
	struct pat_set *ps = NULL;
	int n = 0, bad = !docs;

	for (int i = 0; !bad && i < argc; i++) {
		if (!strcmp(argv[i], "--db") && i + 1 < argc) {
			archive = argv[++i];
		} else if (!strcmp(argv[i], "--organisation") && i + 1 < argc) {
			org = argv[++i];
		} else if (!strcmp(argv[i], "--format") && i + 1 < argc) {
			const char *v = argv[++i];

			f = !strcmp(v, "csv") ? OUT_DIFF_CSV : !strcmp(v, "html") ? OUT_DIFF_HTML : OUT_DIFF_JSON;
			bad = strcmp(v, "csv") && strcmp(v, "html") && strcmp(v, "json");
		} else if (!strcmp(argv[i], "--label") && i + 1 < argc) {
			label = argv[++i];
		} else if (argv[i][0] == '-' && argv[i][1]) {
			bad = 1;
		} else if (!(docs[n++] = diff_input(argv[i], &ps))) {
			bad = 2;
		}
	}
	if (!bad && org && !archive)
		bad = 1;   /* --organisation picks from an archive */
	if (!bad && archive && archive_docs(archive, org, &docs, &n) < 0)
		bad = 2;
	if (bad == 1 || (!bad && n < 1))
		fputs("usage: extract series [--format json|csv|html] [--label REGEX] [--db ARCHIVE [--organisation NAME]]"
		      " FILE...\n", stderr);
	if (!bad && n >= 1 && !(out = out_series((const char *const *)docs, n, label, f, why, sizeof(why))))
		fprintf(stderr, "extract: series: %s\n", why);
	if (out) {
		fputs(out, stdout);
		if (!*out || out[strlen(out) - 1] != '\n')
			fputc('\n', stdout);
	}
	for (int i = 0; docs && i < n; i++)
		free(docs[i]);
	free(docs);
	free(out);
	pat_set_free(ps);
	return out ? 0 : bad == 1 || (!bad && n < 1) ? 2 : 1;
}

int main(int argc, char **argv)
{
	struct ex_options o = { .format = EX_FMT_JSON };
	const char **inputs = calloc((size_t)argc + 1, sizeof(*inputs));
	char why[300];
	int rc;

	/* glibc's malloc maps each block over 128 KB afresh and unmaps it
	 * when it is freed, raising that threshold only as such blocks come
	 * back (to 32 MB at most, trimming the heap's top past twice it). A
	 * page's pictures, a few MB each and several a page (its grey copy,
	 * background, flattened and unruled copies, Tesseract's own), were
	 * each faulted in anew: 27 100 page faults on a 150 dpi page against
	 * the tesseract CLI's 19 700, and 21 500 with malloc starting where
	 * it would end. A program's choice, not the library's. */
	mallopt(M_MMAP_THRESHOLD, 32 << 20);
	mallopt(M_TRIM_THRESHOLD, 64 << 20);
	ex_heap_huge();
	if (!inputs) {
		fprintf(stderr, "extract: out of memory\n");
		return 2;
	}
	if (argc > 1 && !strcmp(argv[1], "search")) {
		free(inputs);
		return search_main(argc - 2, argv + 2);
	}
	if (argc > 1 && !strcmp(argv[1], "diff")) {
		free(inputs);
		return diff_main(argc - 2, argv + 2);
	}
	if (argc > 1 && !strcmp(argv[1], "series")) {
		free(inputs);
		return series_main(argc - 2, argv + 2);
	}
	/* A file size limit (ulimit -f) makes a write fail with EFBIG, said
	 * for the input it hit, instead of killing the batch. */
	signal(SIGXFSZ, SIG_IGN);
	if (ex_options_parse(argc - 1, (const char *const *)argv + 1, inputs, &o, why, sizeof(why)) < 0) {
		fprintf(stderr, "extract: %s\n", why);
		usage(stderr);
		free(inputs);
		return 2;
	}
	if (o.help || o.version) {
		if (o.help)
			usage(stdout);
		else
			printf("extract %s (schema %s)\n", EX_VERSION, EX_SCHEMA);
		free(inputs);
		return 0;
	}
	if (o.ninputs == 0 && o.nlists == 0) {
		usage(stderr);
		free(inputs);
		return 2;
	}
	rc = run(&o);
	free(inputs);
	return rc;
}
