/* main.c: the extract command line. */
#include <errno.h>
#include <getopt.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../output/out.h"
#include "../patterns/pat.h"
#include "doc.h"
#include "pipeline.h"

enum cli_format { CLI_JSON, CLI_NDJSON, CLI_TEXT, CLI_MARKDOWN, CLI_CSV };

struct cli {
	enum cli_format format;
	const char *out;      /* -o: file or directory */
	int out_dir;
	int compact, debug, furniture, tables_only;
	struct doc_read_opts ro;
};

static void usage(FILE *f)
{
	fputs("usage: extract [options] FILE...\n"
	      "Reads PDF, ODT, flat ODT and UTF-8 text documents and writes structured JSON.\n"
	      "\n"
	      "  -o, --output FILE|DIR   write to FILE (one input) or into DIR (one file per input)\n"
	      "  -f, --format FMT        json (default), ndjson, text, markdown, or csv (the tables)\n"
	      "      --tables            with text or markdown: only the tables\n"
	      "      --no-tables         do not look for tables in PDF layout (faster)\n"
	      "      --ocr MODE          auto (pages without a text layer; images), always, never\n"
	      "      --lang LANGS        OCR languages (default swe+eng)\n"
	      "      --dpi N             OCR rendering resolution (default 300)\n"
	      "      --no-correct        keep OCR's words as Tesseract read them\n"
	      "  -j, --jobs N            read N inputs at a time (default: the cores, at most 8), or\n"
	      "                          the pages OCR reads of fewer inputs;\n"
	      "                          output comes in input order whatever N is\n"
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
	      "Exit status: 0 all inputs done, 1 some inputs failed, 2 usage error.\n", f);
}

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

static const char *ext_for(enum cli_format f)
{
	return f == CLI_TEXT ? ".txt" : f == CLI_MARKDOWN ? ".md" : f == CLI_CSV ? ".csv" : ".json";
}

static char *render(const struct doc *d, const struct cli *c)
{
	struct out_opts o = { .compact = c->compact || c->format == CLI_NDJSON,
			      .furniture = c->furniture, .tables_only = c->tables_only };

	switch (c->format) {
	case CLI_CSV: return out_csv(d, &o);
	case CLI_TEXT: return out_text(d, &o);
	case CLI_MARKDOWN: return out_markdown(d, &o);
	default: return out_json(d, &o);
	}
}

static int ends_line(const char *s)
{
	size_t n = strlen(s);

	return n == 0 || s[n - 1] == '\n';
}

/* Writes s to path through a temporary file and rename, so that a
 * reader never sees half a document. */
static int write_atomic(const char *path, const char *s, char *why, size_t whyn)
{
	size_t n = strlen(path) + 16;
	char *tmp = malloc(n);
	FILE *f;
	int ok;

	if (!tmp)
		return -1;
	snprintf(tmp, n, "%s.tmp%ld", path, (long)getpid());
	f = fopen(tmp, "wb");
	if (!f) {
		snprintf(why, whyn, "%s: %s", path, strerror(errno));
		free(tmp);
		return -1;
	}
	ok = fputs(s, f) >= 0 && (ends_line(s) || fputc('\n', f) != EOF);
	ok = fclose(f) == 0 && ok;
	if (!ok || rename(tmp, path) < 0) {
		snprintf(why, whyn, "%s: %s", path, strerror(errno));
		remove(tmp);
		free(tmp);
		return -1;
	}
	free(tmp);
	return 0;
}

static const char *base_name(const char *path)
{
	const char *b = strrchr(path, '/');

	return b ? b + 1 : path;
}

/* DIR/NAME.json for an input; NAME keeps the input's extension so that
 * report.pdf and report.odt do not overwrite each other. */
static char *out_path(const struct cli *c, const char *input)
{
	const char *b = base_name(input);
	size_t n = strlen(c->out) + strlen(b) + 16;
	char *p = malloc(n);

	if (p)
		snprintf(p, n, "%s/%s%s", c->out, b, ext_for(c->format));
	return p;
}

static void report(const struct cli *c, const char *path, const struct ex_error *e)
{
	if (c->debug && e->src)
		fprintf(stderr, "extract: %s: %s (%s:%d)\n", path, e->msg, e->src, e->line);
	else
		fprintf(stderr, "extract: %s: %s\n", path, e->msg);
	if (c->format == CLI_NDJSON && !c->out) {
		char *s = out_json_error(path, out_error_code_name(e->code), e->msg, 1);

		if (s) {
			fputs(s, stdout);
			fputc('\n', stdout);
			free(s);
		}
	}
}

static int emit(const struct cli *c, const char *input, const char *s, struct ex_error *e)
{
	char why[512];

	if (c->out) {
		char *p = c->out_dir ? out_path(c, input) : strdup(c->out);
		int rc;

		if (!p)
			return EX_FAIL(e, EX_ENOMEM, "out of memory");
		rc = write_atomic(p, s, why, sizeof(why));
		free(p);
		if (rc < 0)
			return EX_FAIL(e, EX_EIO, "cannot write output %s", why);
		return 0;
	}
	fputs(s, stdout);
	if (!ends_line(s))
		fputc('\n', stdout);
	if (fflush(stdout) != 0)
		return EX_FAIL(e, EX_EIO, "cannot write to standard output: %s", strerror(errno));
	return 0;
}

/* One input read and rendered: the output or the error. Threads make
 * these; the main thread hands them out in input order. */
struct job {
	const char *path;
	char *out;
	struct ex_error e;
	int rc;
	int done;
};

static void produce(const struct cli *c, struct job *j)
{
	struct doc *d = doc_new();

	if (!d) {
		j->rc = EX_FAIL(&j->e, EX_ENOMEM, "out of memory");
		return;
	}
	j->rc = ex_process_file(d, j->path, &c->ro, &j->e);
	if (j->rc == 0) {
		j->out = render(d, c);
		if (!j->out)
			j->rc = EX_FAIL(&j->e, EX_ENOMEM, "out of memory while writing");
	}
	doc_free(d);
}

/* Writes a finished job; returns -1 if it failed. */
static int deliver(const struct cli *c, struct job *j)
{
	if (j->rc == 0)
		j->rc = emit(c, j->path, j->out, &j->e);
	if (j->rc < 0)
		report(c, j->path, &j->e);
	free(j->out);
	j->out = NULL;
	return j->rc < 0 ? -1 : 0;
}

/* Inputs read by njobs threads, results written in input order: the
 * output is the same whatever njobs is. At most 2 * njobs results wait
 * to be written, so memory stays bounded in a long batch. */
struct pool {
	const struct cli *c;
	struct job *jobs;
	int n, next, delivered, window;
	pthread_mutex_t mu;
	pthread_cond_t cv;
};

static void *worker(void *arg)
{
	struct pool *p = arg;

	for (;;) {
		int i;

		pthread_mutex_lock(&p->mu);
		while (p->next < p->n && p->next >= p->delivered + p->window)
			pthread_cond_wait(&p->cv, &p->mu);
		i = p->next < p->n ? p->next++ : -1;
		pthread_mutex_unlock(&p->mu);
		if (i < 0)
			return NULL;
		produce(p->c, &p->jobs[i]);
		pthread_mutex_lock(&p->mu);
		p->jobs[i].done = 1;
		pthread_cond_broadcast(&p->cv);
		pthread_mutex_unlock(&p->mu);
	}
}

static int run_all(const struct cli *c, char **paths, int n, int njobs)
{
	struct pool p = { .c = c, .n = n, .window = 2 * njobs };
	pthread_t th[64];
	int failed = 0, started = 0;

	p.jobs = calloc((size_t)n, sizeof(*p.jobs));
	if (!p.jobs) {
		fprintf(stderr, "extract: out of memory\n");
		return n;
	}
	for (int i = 0; i < n; i++)
		p.jobs[i].path = paths[i];
	if (njobs <= 1) {
		for (int i = 0; i < n; i++) {
			produce(c, &p.jobs[i]);
			failed += deliver(c, &p.jobs[i]) < 0;
		}
		free(p.jobs);
		return failed;
	}
	pthread_mutex_init(&p.mu, NULL);
	pthread_cond_init(&p.cv, NULL);
	for (int t = 0; t < njobs && t < 64; t++)
		started += pthread_create(&th[started], NULL, worker, &p) == 0;
	for (int i = 0; i < n; i++) {
		pthread_mutex_lock(&p.mu);
		while (!p.jobs[i].done && started)
			pthread_cond_wait(&p.cv, &p.mu);
		pthread_mutex_unlock(&p.mu);
		if (!started)
			produce(c, &p.jobs[i]);   /* no thread could start: do it here */
		failed += deliver(c, &p.jobs[i]) < 0;
		pthread_mutex_lock(&p.mu);
		p.delivered = i + 1;
		pthread_cond_broadcast(&p.cv);
		pthread_mutex_unlock(&p.mu);
	}
	for (int t = 0; t < started; t++)
		pthread_join(th[t], NULL);
	pthread_mutex_destroy(&p.mu);
	pthread_cond_destroy(&p.cv);
	free(p.jobs);
	return failed;
}

static int parse_format(const char *s, enum cli_format *f)
{
	static const struct { const char *name; enum cli_format f; } tab[] = {
		{ "json", CLI_JSON }, { "ndjson", CLI_NDJSON },
		{ "text", CLI_TEXT }, { "markdown", CLI_MARKDOWN }, { "md", CLI_MARKDOWN },
		{ "csv", CLI_CSV },
	};

	for (size_t i = 0; i < sizeof(tab) / sizeof(tab[0]); i++)
		if (strcmp(s, tab[i].name) == 0) {
			*f = tab[i].f;
			return 0;
		}
	return -1;
}

static int is_dir(const char *p)
{
	struct stat sb;

	return stat(p, &sb) == 0 && S_ISDIR(sb.st_mode);
}

int main(int argc, char **argv)
{
	enum { O_NDJSON = 256, O_COMPACT, O_PAGES, O_PASSWORD, O_DEBUG, O_FURNITURE, O_PATTERNS,
	       O_NO_DEFAULT, O_TABLES, O_NO_TABLES, O_OCR, O_LANG, O_DPI, O_NO_CORRECT, O_JOBS };
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "format", required_argument, NULL, 'f' },
		{ "ndjson", no_argument, NULL, O_NDJSON },
		{ "compact", no_argument, NULL, O_COMPACT },
		{ "pages", required_argument, NULL, O_PAGES },
		{ "password", required_argument, NULL, O_PASSWORD },
		{ "furniture", no_argument, NULL, O_FURNITURE },
		{ "tables", no_argument, NULL, O_TABLES },
		{ "no-tables", no_argument, NULL, O_NO_TABLES },
		{ "ocr", required_argument, NULL, O_OCR },
		{ "lang", required_argument, NULL, O_LANG },
		{ "dpi", required_argument, NULL, O_DPI },
		{ "no-correct", no_argument, NULL, O_NO_CORRECT },
		{ "jobs", required_argument, NULL, 'j' },
		{ "patterns", required_argument, NULL, O_PATTERNS },
		{ "no-default-patterns", no_argument, NULL, O_NO_DEFAULT },
		{ "debug", no_argument, NULL, O_DEBUG },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli c = { .format = CLI_JSON };
	const char *packs[64];

	int opt, failed = 0, ninputs, npacks = 0, no_default = 0, njobs = 0;

	while ((opt = getopt_long(argc, argv, "o:f:j:hV", longopts, NULL)) != -1) {
		switch (opt) {
		case 'o': c.out = optarg; break;
		case 'f':
			if (parse_format(optarg, &c.format) < 0) {
				fprintf(stderr, "extract: unknown format '%s' (json, ndjson, text, markdown, csv)\n", optarg);
				return 2;
			}
			break;
		case O_NDJSON: c.format = CLI_NDJSON; break;
		case O_COMPACT: c.compact = 1; break;
		case O_PAGES:
			if (parse_pages(optarg, &c.ro) < 0) {
				fprintf(stderr, "extract: --pages wants N, A-B or A-, got '%s'\n", optarg);
				return 2;
			}
			break;
		case O_PASSWORD: c.ro.password = optarg; break;
		case O_FURNITURE: c.furniture = 1; break;
		case O_TABLES: c.tables_only = 1; break;
		case O_NO_TABLES: c.ro.no_tables = 1; break;
		case O_OCR:
			if (!strcmp(optarg, "auto"))
				c.ro.ocr = 0;
			else if (!strcmp(optarg, "always"))
				c.ro.ocr = 1;
			else if (!strcmp(optarg, "never"))
				c.ro.ocr = -1;
			else {
				fprintf(stderr, "extract: --ocr wants auto, always or never, got '%s'\n", optarg);
				return 2;
			}
			break;
		case O_LANG: c.ro.lang = optarg; break;
		case O_NO_CORRECT: c.ro.no_correct = 1; break;
		case 'j':
			njobs = atoi(optarg);
			if (njobs < 1 || njobs > 64) {
				fprintf(stderr, "extract: --jobs wants 1 to 64, got '%s'\n", optarg);
				return 2;
			}
			break;
		case O_DPI:
			c.ro.dpi = atoi(optarg);
			if (c.ro.dpi < 72 || c.ro.dpi > 1200) {
				fprintf(stderr, "extract: --dpi wants 72 to 1200, got '%s'\n", optarg);
				return 2;
			}
			break;
		case O_PATTERNS:
			if (npacks == 64) {
				fprintf(stderr, "extract: at most 64 --patterns\n");
				return 2;
			}
			packs[npacks++] = optarg;
			break;
		case O_NO_DEFAULT: no_default = 1; break;
		case O_DEBUG: c.debug = 1; break;
		case 'h': usage(stdout); return 0;
		case 'V': printf("extract %s (schema %s)\n", EX_VERSION, EX_SCHEMA); return 0;
		default: usage(stderr); return 2;
		}
	}
	ninputs = argc - optind;
	if (ninputs == 0) {
		usage(stderr);
		return 2;
	}
	if (c.out) {
		size_t l = strlen(c.out);

		c.out_dir = is_dir(c.out) || (l && c.out[l - 1] == '/');
		if (c.out_dir && !is_dir(c.out) && mkdir(c.out, 0777) < 0) {
			fprintf(stderr, "extract: %s: cannot create directory: %s\n", c.out, strerror(errno));
			return 2;
		}
		if (!c.out_dir && ninputs > 1) {
			fprintf(stderr, "extract: -o %s names a file, but there are %d inputs: give a directory\n",
				c.out, ninputs);
			return 2;
		}
	} else if (c.format == CLI_JSON && ninputs > 1) {
		fprintf(stderr, "extract: %d inputs: use --ndjson for one JSON object per line, or -o DIR\n",
			ninputs);
		return 2;
	}
	{
		struct ex_error e = { 0 };
		struct pat_set *ps = pat_set_new(&e);

		if (!ps) {
			fprintf(stderr, "extract: %s\n", e.msg);
			return 2;
		}
		/* A bad pattern pack stops the run before any input: its
		 * values would be missing from every document. */
		for (int i = 0; i < npacks; i++)
			if (pat_pack_load(ps, packs[i], &e) < 0) {
				fprintf(stderr, "extract: %s\n", e.msg);
				pat_set_free(ps);
				return 2;
			}
		if (!no_default && pat_pack_load_default(ps, &e) < 0) {
			fprintf(stderr, "extract: %s\n", e.msg);
			pat_set_free(ps);
			return 2;
		}
		c.ro.patterns = ps;
		if (njobs <= 0) {
			long cores = sysconf(_SC_NPROCESSORS_ONLN);

			njobs = cores > 0 ? (int)(cores < 8 ? cores : 8) : 1;
		}
		/* N at a time: inputs first; what inputs leave over goes to
		 * the pages of each document that OCR reads (one scan: its
		 * pages N at a time). */
		c.ro.ocr_workers = njobs > ninputs ? njobs / ninputs : 1;
		if (njobs > ninputs)
			njobs = ninputs;
		failed = run_all(&c, argv + optind, ninputs, njobs);
		pat_set_free(ps);
	}
	return failed ? 1 : 0;
}
