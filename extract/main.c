/* main.c: the extract command line. */
#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <inttypes.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../output/out.h"
#include "../parsers/ocr.h"
#include "../patterns/pat.h"
#include "../model/doc.h"
#include "options.h"
#include "pipeline.h"

/* The command line: its options, and whether -o names a directory. */
struct cli {
	struct ex_options o;
	int out_dir;
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

static const char *ext_for(enum ex_format f)
{
	return f == EX_FMT_TEXT ? ".txt" : f == EX_FMT_MARKDOWN ? ".md" : f == EX_FMT_CSV ? ".csv" : ".json";
}

static char *render(const struct doc *d, const struct cli *c)
{
	struct out_opts o = { .compact = c->o.compact || c->o.format == EX_FMT_NDJSON,
			      .furniture = c->o.furniture, .tables_only = c->o.tables_only };

	switch (c->o.format) {
	case EX_FMT_CSV: return out_csv(d, &o);
	case EX_FMT_TEXT: return out_text(d, &o);
	case EX_FMT_MARKDOWN: return out_markdown(d, &o);
	default: return out_json(d, &o);
	}
}

static int ends_line(const char *s)
{
	size_t n = strlen(s);

	return n == 0 || s[n - 1] == '\n';
}

/* The process's umask, read in main before any thread starts (umask()
 * sets it as it reads it): mkstemp makes files 0600, outputs are 0666
 * less the umask as fopen would make them. */
static mode_t out_umask = 022;

/* Writes s to path through a temporary file and rename, so that a
 * reader never sees half a document. */
static int write_atomic(const char *path, const char *s, char *why, size_t whyn)
{
	size_t n = strlen(path) + 16;
	char *tmp = malloc(n);
	FILE *f = NULL;
	int ok, fd;

	if (!tmp)
		return -1;
	/* A name no one else has, made by us alone (O_EXCL): a file or a
	 * link planted under the name is never written through. */
	snprintf(tmp, n, "%s.tmpXXXXXX", path);
	fd = mkstemp(tmp);
	if (fd < 0 || !(f = fdopen(fd, "wb"))) {
		snprintf(why, whyn, "%s: %s", path, strerror(errno));
		if (fd >= 0) {
			close(fd);
			remove(tmp);
		}
		free(tmp);
		return -1;
	}
	fchmod(fd, 0666 & ~out_umask);
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
	size_t n = strlen(c->o.out) + strlen(b) + 16;
	char *p = malloc(n);

	if (p)
		snprintf(p, n, "%.*s/%s%s", (int)(strlen(c->o.out) - (c->o.out[0] && c->o.out[strlen(c->o.out) - 1] == '/')),
			 c->o.out, b, ext_for(c->o.format));
	return p;
}

/* s for a terminal line: control characters (an escape sequence, a
 * newline in a file name) as '?', so an error stays one harmless line. */
static char *printable(const char *s)
{
	char *t = strdup(s ? s : "");

	for (char *p = t; p && *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = '?';
	return t;
}

static void report(const struct cli *c, const char *path, const struct ex_error *e)
{
	char *p = printable(path), *m = printable(e->msg);

	if (p && m && c->o.debug && e->src)
		fprintf(stderr, "extract: %s: %s (%s:%d)\n", p, m, e->src, e->line);
	else if (p && m)
		fprintf(stderr, "extract: %s: %s\n", p, m);
	free(p);
	free(m);
	if (c->o.format == EX_FMT_NDJSON && !c->o.out) {
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

	if (c->o.out) {
		char *p = c->out_dir ? out_path(c, input) : strdup(c->o.out);
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
	const char *clash;   /* an earlier input that writes the same output, or "" for the input itself */
	char *out;
	struct ex_error e;
	int rc;
	int done;
};

static void produce(const struct cli *c, struct job *j)
{
	struct doc *d;

	if (j->clash) {   /* never read: its output would overwrite another file we must keep */
		j->rc = j->clash[0] ? EX_FAIL(&j->e, EX_EUSAGE, "its output %s would overwrite that of %s",
					      base_name(j->path), j->clash)
				    : EX_FAIL(&j->e, EX_EUSAGE, "its output would overwrite it");
		return;
	}
	d = doc_new();
	if (!d) {
		j->rc = EX_FAIL(&j->e, EX_ENOMEM, "out of memory");
		return;
	}
	j->rc = ex_process_file(d, j->path, &c->o.ro, &j->e);
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

/* The device and inode of an existing file as a key, or NULL. */
static char *file_id(const char *path)
{
	struct stat st;

	if (stat(path, &st) != 0)
		return NULL;
	return g_strdup_printf("%ju:%ju", (uintmax_t)st.st_dev, (uintmax_t)st.st_ino);
}

/* Marks the inputs that must not be read into their output: the output
 * is an input, by name or by inode ("" : -o X X), or an earlier input
 * writes the same output (its path). Two inputs never write one output.
 * One pass over the inputs, so a batch of many files stays linear. */
static void mark_clashes(const struct cli *c, struct job *jobs, int n)
{
	GHashTable *names, *ids, *outs;
	char *id;

	if (!c->o.out)
		return;
	names = g_hash_table_new(g_str_hash, g_str_equal);
	ids = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	outs = g_hash_table_new_full(g_str_hash, g_str_equal, free, NULL);
	for (int k = 0; k < c->o.ninputs; k++) {
		g_hash_table_add(names, (char *)c->o.inputs[k]);
		if ((id = file_id(c->o.inputs[k])))
			g_hash_table_add(ids, id);
	}
	for (int i = 0; i < n; i++) {
		char *mine = c->out_dir ? out_path(c, jobs[i].path) : strdup(c->o.out);
		const char *first;

		if (!mine)
			continue;
		id = file_id(mine);
		if (g_hash_table_contains(names, mine) || (id && g_hash_table_contains(ids, id)))
			jobs[i].clash = "";
		g_free(id);
		if (!c->out_dir) {
			free(mine);
			continue;
		}
		if (!(first = g_hash_table_lookup(outs, mine))) {
			g_hash_table_insert(outs, mine, (char *)jobs[i].path);
			continue;
		}
		if (!jobs[i].clash)
			jobs[i].clash = first;
		free(mine);
	}
	g_hash_table_destroy(names);
	g_hash_table_destroy(ids);
	g_hash_table_destroy(outs);
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

static int run_all(const struct cli *c, const char *const *paths, int n, int njobs)
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
	mark_clashes(c, p.jobs, n);
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

/* Whether -o is usable for n inputs (a directory is made when it ends
 * with '/'); says why not on stderr. */
static int check_output(struct cli *c, int n)
{
	if (c->o.out) {
		size_t l = strlen(c->o.out);

		c->out_dir = is_dir(c->o.out) || (l && c->o.out[l - 1] == '/');
		if (c->out_dir && !is_dir(c->o.out) && mkdir(c->o.out, 0777) < 0) {
			fprintf(stderr, "extract: %s: cannot create directory: %s\n", c->o.out, strerror(errno));
			return -1;
		}
		if (!c->out_dir && n > 1) {
			fprintf(stderr, "extract: -o %s names a file, but there are %d inputs: give a directory\n",
				c->o.out, n);
			return -1;
		}
		/* Found now, not after every input has been read. */
		if (c->out_dir && access(c->o.out, W_OK | X_OK) < 0) {
			fprintf(stderr, "extract: %s: cannot write there: %s\n", c->o.out, strerror(errno));
			return -1;
		}
	} else if (c->o.format == EX_FMT_JSON && n > 1) {
		fprintf(stderr, "extract: %d inputs: use --ndjson for one JSON object per line, or -o DIR\n", n);
		return -1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	struct cli c = { .o.format = EX_FMT_JSON };
	const char **inputs = calloc((size_t)argc + 1, sizeof(*inputs));
	struct pat_set *ps;
	char why[300];
	int njobs, failed;

	if (!inputs) {
		fprintf(stderr, "extract: out of memory\n");
		return 2;
	}
	out_umask = umask(0);
	umask(out_umask);
	/* A file size limit (ulimit -f) makes a write fail with EFBIG, said
	 * for the input it hit, instead of killing the batch. */
	signal(SIGXFSZ, SIG_IGN);
	if (ex_options_parse(argc - 1, (const char *const *)argv + 1, inputs, &c.o, why, sizeof(why)) < 0) {
		fprintf(stderr, "extract: %s\n", why);
		usage(stderr);
		free(inputs);
		return 2;
	}
	if (c.o.help || c.o.version) {
		if (c.o.help)
			usage(stdout);
		else
			printf("extract %s (schema %s)\n", EX_VERSION, EX_SCHEMA);
		free(inputs);
		return 0;
	}
	if (c.o.ninputs == 0) {
		usage(stderr);
		free(inputs);
		return 2;
	}
	/* Text, markdown and CSV write blocks and tables alone: what the
	 * patterns find, and the source's digest, would go unwritten. */
	c.o.ro.blocks_only = c.o.format == EX_FMT_TEXT || c.o.format == EX_FMT_MARKDOWN ||
			     c.o.format == EX_FMT_CSV;
	ps = NULL;
	if (check_output(&c, c.o.ninputs) < 0 || (!c.o.ro.blocks_only && !(ps = patterns(&c.o)))) {
		free(inputs);
		return 2;
	}
	c.o.ro.patterns = ps;
	/* OCR engines and the word list, made once for the run when a page
	 * first needs them, shared by every input. */
	c.o.ro.ocr_service = ocr_service_new(c.o.ro.lang, c.o.ro.no_correct);
	if (!c.o.ro.ocr_service) {
		fprintf(stderr, "extract: out of memory\n");
		pat_set_free(ps);
		free(inputs);
		return 2;
	}
	njobs = c.o.jobs;
	if (njobs <= 0) {
		long cores = sysconf(_SC_NPROCESSORS_ONLN);

		njobs = cores > 0 ? (int)(cores < 8 ? cores : 8) : 1;
	}
	/* N at a time: inputs first; what inputs leave over goes to the
	 * pages of each document that OCR reads (one scan: its pages N at a
	 * time). */
	c.o.ro.ocr_workers = njobs > c.o.ninputs ? njobs / c.o.ninputs : 1;
	if (njobs > c.o.ninputs)
		njobs = c.o.ninputs;
	failed = run_all(&c, c.o.inputs, c.o.ninputs, njobs);
	ocr_service_free(c.o.ro.ocr_service);
	pat_set_free(ps);
	free(inputs);
	return failed ? 1 : 0;
}
