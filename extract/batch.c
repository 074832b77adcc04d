/* batch.c: a run over many inputs; see batch.h. */
#include "batch.h"

#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <malloc.h>
#include <math.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../output/db.h"
#include "../output/out.h"
#include "../parsers/ocr.h"
#include "../model/doc.h"
#include "pipeline.h"

#define BATCH_TIMEOUT 300       /* s a document may take unless --timeout says */
#define PROGRESS_EVERY 0.5      /* s between progress lines */
#define TAIL_BYTES 2048         /* of a worker's standard error kept to say why it died */

/* Codes past the model's: how a worker ended a document it never finished. */
enum { R_TIMEOUT = -100, R_CRASHED = -101, R_SKIPPED = -102 };

/* One input's outcome, made where the document was read (a thread, or a
 * worker process that sends it over a pipe). */
struct result {
	int rc;                 /* 0, an EX_E* code, or R_* */
	struct ex_error e;
	char *out;              /* the rendered output */
	char *man;              /* the document's part of its manifest line */
	int pages;
	double seconds;
	time_t started;
	int ready;              /* in, waiting to be delivered */
};

struct progress {
	double t0, last;
	size_t total, done, failed, skipped, pages;
	int on;                 /* lines on standard error */
	int tty;                /* one line rewritten in place */
};

/* Results are kept only while they wait: a ring of 2 * jobs + 2 for
 * output in input order (no input is read further ahead than that), none
 * for a folder's outputs, written as they come. Memory stays flat
 * however many inputs a run has. */
struct batch {
	struct ex_run *r;
	struct result *ring;
	size_t nring;
	unsigned char *skip;    /* an input --resume leaves as it was */
	struct out_db *db;      /* --db: for inputs that fail (a document read is stored where it is read) */
	int db_lock;            /* fd of DB.lock, held for the run */
	size_t delivered;       /* in input order: the results written so far */
	int manifest;           /* fd appended to, or -1 */
	char *lang_data;        /* JSON: OCR language -> its data package's version */
	struct progress pr;
	int failed;
};

static struct result *slot(struct batch *b, size_t i)
{
	return &b->ring[i % b->nring];
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static const char *code_name(int rc)
{
	switch (rc) {
	case R_TIMEOUT: return "timeout";
	case R_CRASHED: return "crashed";
	default: return out_error_code_name(rc);
	}
}

static void iso_time(time_t t, char out[32])
{
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* ---- the archive database ---- */

/* Each thread or worker writes through a connection of its own, opened
 * at its first document (SQLite connections never cross a fork). */
static _Thread_local struct out_db *thread_db;

static void thread_db_close(void)
{
	out_db_close(thread_db);
	thread_db = NULL;
}

/* Stores d with input i's record; 0, or the error of the input. */
static int db_store(const struct ex_run *r, size_t i, const struct doc *d, double t0, time_t started,
		    struct ex_error *e)
{
	const struct ex_input *x = &r->in.v[i];
	char why[512], when[32], *out = NULL;
	struct out_db_path p = { .path = x->path, .sha256 = d->src.sha256, .tool_version = EX_VERSION,
				 .options_digest = r->digest, .started = when };
	int rc;

	if (!thread_db && !(thread_db = out_db_open(r->o->db, why, sizeof(why))))
		return EX_FAIL(e, EX_EIO, "database %s", why);
	iso_time(started, when);
	p.seconds = now() - t0;
	if (r->out_dir && asprintf(&out, "%s%s", x->rel, r->ext) >= 0)
		p.output = out;
	else if (r->o->out && !r->out_dir)
		p.output = r->o->out;
	rc = out_db_store(thread_db, d, &p, why, sizeof(why));
	free(out);
	return rc < 0 ? EX_FAIL(e, EX_EIO, "%s", why) : 0;
}

/* ---- reading one document (in a thread or a worker) ---- */

static char *render(const struct doc *d, const struct ex_options *o)
{
	struct out_opts oo = { .compact = o->compact || o->format == EX_FMT_NDJSON,
			       .furniture = o->furniture, .tables_only = o->tables_only };

	switch (o->format) {
	case EX_FMT_CSV: return out_csv(d, &oo);
	case EX_FMT_TEXT: return out_text(d, &oo);
	case EX_FMT_MARKDOWN: return out_markdown(d, &oo);
	default: return out_json(d, &oo);
	}
}

/* The heap's huge pages (ex_heap_huge): where its marked part ends. */
static uintptr_t heap_marked;

#define HEAP_HUGE (2u << 20)
#define HEAP_PAD (256u << 20)

/* glibc's malloc asks the kernel for transparent huge pages
 * (MADV_HUGEPAGE, which Debian's setting "madvise" honours) only when
 * the glibc.malloc.hugetlb tunable is set as the program starts: a page
 * OCR'd in a fresh process faulted its memory in 21 500 small pages.
 * The heap keeps HEAP_PAD at its top (it grows and is trimmed in such
 * steps), and what it spans is marked so; what it grows past that is
 * marked as a worker starts each document. A program's choice, as mallopt is;
 * nothing is done where the tunable says otherwise. */
void ex_heap_huge(void)
{
	uintptr_t lo, hi = (uintptr_t)sbrk(0);

	if (!heap_marked) {   /* the first time: the tunable read once */
		const char *t = getenv("GLIBC_TUNABLES");
		void *p;

		if (t && strstr(t, "glibc.malloc.hugetlb"))
			return;
		mallopt(M_TOP_PAD, HEAP_PAD);
		lo = hi;
		if ((p = malloc(HEAP_HUGE)))   /* the heap grows by the pad */
			free(p);
		hi = (uintptr_t)sbrk(0);
	} else {
		lo = heap_marked;
	}
	lo = (lo + HEAP_HUGE - 1) & ~(uintptr_t)(HEAP_HUGE - 1);
	if (hi > lo && madvise((void *)lo, hi - lo, MADV_HUGEPAGE) == 0)
		heap_marked = hi;
}

static void produce(const struct ex_run *r, size_t i, struct result *res)
{
	const struct ex_input *x = &r->in.v[i];
	double t0 = now();
	struct doc *d;

	memset(res, 0, sizeof(*res));
	res->started = time(NULL);
	if (x->refused) {   /* never read: its output would overwrite a file we must keep */
		res->rc = EX_FAIL(&res->e, EX_EUSAGE, "%s", x->refused);
		return;
	}
	if (!(d = doc_new())) {
		res->rc = EX_FAIL(&res->e, EX_ENOMEM, "out of memory");
		return;
	}
	res->rc = ex_process_file(d, x->path, &r->o->ro, &res->e);
	if (res->rc == 0) {
		int ocr = 0;

		for (size_t p = 0; p < d->npages; p++)
			ocr |= d->pages[p].source == DOC_SRC_OCR;
		res->out = render(d, r->o);
		res->man = r->out_dir ? out_manifest_doc(d, ocr ? ocr_engine_version() : NULL,
							 r->o->ro.lang ? r->o->ro.lang : "swe+eng")
				      : NULL;
		res->pages = (int)d->npages;
		if (!res->out || (r->out_dir && !res->man))
			res->rc = EX_FAIL(&res->e, EX_ENOMEM, "out of memory while writing");
		else if (r->o->db)
			res->rc = db_store(r, i, d, t0, res->started, &res->e);
	}
	doc_free(d);
	res->seconds = now() - t0;
}

static void result_clear(struct result *res)
{
	free(res->out);
	free(res->man);
	res->out = res->man = NULL;
}

/* ---- writing ---- */

static int ends_line(const char *s)
{
	size_t n = strlen(s);

	return n == 0 || s[n - 1] == '\n';
}

/* The folders above path, made as needed (mkdir -p of its dirname). */
static int make_parents(const char *path)
{
	gchar *dir = g_path_get_dirname(path);
	int rc = g_mkdir_with_parents(dir, 0777);

	g_free(dir);
	return rc;
}

static int write_all(int fd, const void *p, size_t n);

/* Writes s into path, a character device or a pipe (-o /dev/null, a
 * FIFO a reader waits on): as it is, never replaced by a file. */
static int write_into(const char *path, const char *s, char *why, size_t whyn)
{
	int fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC), ok;
	size_t n = strlen(s);

	if (fd < 0) {
		snprintf(why, whyn, "%s: %s", path, strerror(errno));
		return -1;
	}
	ok = write_all(fd, s, n) == 0 && (ends_line(s) || write_all(fd, "\n", 1) == 0);
	if (!ok)
		snprintf(why, whyn, "%s: %s", path, strerror(errno));
	if (close(fd) < 0 && ok) {
		snprintf(why, whyn, "%s: %s", path, strerror(errno));
		ok = 0;
	}
	return ok ? 0 : -1;
}

/* Writes s to path through a temporary file made by us alone (O_EXCL:
 * a link planted under the name is never written through), flushed and
 * renamed, so that a reader never sees half a document. A path that is
 * a character device or a pipe itself (not a link to one) is written
 * into: renamed over, /dev/null would become a file. */
static int write_atomic(const char *path, const char *s, mode_t mode, char *why, size_t whyn)
{
	struct stat st;

	if (lstat(path, &st) == 0 && (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode)))
		return write_into(path, s, why, whyn);

	char *tmp = g_strdup_printf("%s.tmpXXXXXX", path);
	FILE *f = NULL;
	int ok, fd = -1;

	if (make_parents(path) < 0 || (fd = mkstemp(tmp)) < 0 || !(f = fdopen(fd, "wb"))) {
		snprintf(why, whyn, "%s: %s", path, strerror(errno));
		if (f == NULL && fd >= 0) {
			close(fd);
			remove(tmp);
		}
		g_free(tmp);
		return -1;
	}
	fchmod(fd, mode);
	ok = fputs(s, f) >= 0 && (ends_line(s) || fputc('\n', f) != EOF);
	ok = fflush(f) == 0 && fdatasync(fd) == 0 && ok;
	ok = fclose(f) == 0 && ok;
	if (!ok || rename(tmp, path) < 0) {
		snprintf(why, whyn, "%s: %s", path, strerror(errno));
		remove(tmp);
		g_free(tmp);
		return -1;
	}
	g_free(tmp);
	return 0;
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

static void progress_clear(struct progress *pr)
{
	if (pr->on && pr->tty)
		fputs("\r\033[K", stderr);
}

static void report(struct batch *b, const char *path, const struct ex_error *e)
{
	const struct ex_options *o = b->r->o;
	char *p = printable(path), *m = printable(e->msg);

	progress_clear(&b->pr);
	if (p && m && o->debug && e->src)
		fprintf(stderr, "extract: %s: %s (%s:%d)\n", p, m, e->src, e->line);
	else if (p && m)
		fprintf(stderr, "extract: %s: %s\n", p, m);
	free(p);
	free(m);
	if (o->format == EX_FMT_NDJSON && !o->out) {
		char *s = out_json_error(path, code_name(e->code), e->msg, 1);

		if (s) {
			fputs(s, stdout);
			fputc('\n', stdout);
			free(s);
		}
	}
}

static mode_t out_mode;   /* 0666 less the umask, as fopen would make a file */

static int emit(const struct ex_run *r, size_t i, const char *s, struct ex_error *e)
{
	char why[512];

	if (r->o->out) {
		char *p = r->out_dir ? ex_output_path(r->o->out, &r->in.v[i], r->ext) : strdup(r->o->out);
		int rc;

		if (!p)
			return EX_FAIL(e, EX_ENOMEM, "out of memory");
		rc = write_atomic(p, s, out_mode, why, sizeof(why));
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

/* ---- the manifest ---- */

/* sha256 and size of a file, read in pieces; -1 if it cannot be read. */
static int file_digest(const char *path, char out[65], long long *bytes)
{
	GChecksum *ck;
	unsigned char buf[1 << 16];
	size_t n;
	FILE *f = strcmp(path, "-") ? fopen(path, "rb") : NULL;

	if (!f)
		return -1;
	ck = g_checksum_new(G_CHECKSUM_SHA256);
	*bytes = 0;
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0) {
		g_checksum_update(ck, buf, (gssize)n);
		*bytes += (long long)n;
	}
	if (ferror(f)) {
		fclose(f);
		g_checksum_free(ck);
		return -1;
	}
	fclose(f);
	g_strlcpy(out, g_checksum_get_string(ck), 65);
	g_checksum_free(ck);
	return 0;
}

/* The version Debian gives each OCR language's data package (the data
 * that read the pages), as a JSON object; once a run. */
static const char *lang_data(struct batch *b)
{
	const char *langs = b->r->o->ro.lang ? b->r->o->ro.lang : "swe+eng";
	gchar **each;
	GString *j;

	if (b->lang_data)
		return b->lang_data;
	each = g_strsplit(langs, "+", -1);
	j = g_string_new("{");
	for (int i = 0; each[i]; i++) {
		gchar *argv[] = { "dpkg-query", "-W", "-f", "${Version}", NULL, NULL }, *out = NULL;
		gchar *pkg = g_strdup_printf("tesseract-ocr-%s", each[i]);
		gint status = 1;

		argv[4] = pkg;
		if (!g_spawn_sync(NULL, argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out,
				  NULL, &status, NULL) || status != 0 || !out || !g_utf8_validate(out, -1, NULL) ||
		    strpbrk(out, "\"\\\n"))
			g_string_append_printf(j, "%s\"%s\": null", i ? ", " : "", each[i]);
		else
			g_string_append_printf(j, "%s\"%s\": \"%s\"", i ? ", " : "", each[i], out);
		g_free(out);
		g_free(pkg);
	}
	g_string_append_c(j, '}');
	g_strfreev(each);
	b->lang_data = g_string_free(j, FALSE);
	return b->lang_data;
}

/* The digest and size of an input, for the manifest line of one no
 * document was read from and the database row of one that failed: read
 * once for both, NULL when it cannot be read or nothing records it. */
struct digest {
	char sha[65];
	long long bytes;
};

static const char *failed_digest(const struct batch *b, size_t i, const struct result *res, struct digest *dg)
{
	dg->bytes = -1;
	if ((res->man || b->manifest < 0) && !(res->rc < 0 && b->db))
		return NULL;
	return file_digest(b->r->in.v[i].path, dg->sha, &dg->bytes) == 0 ? dg->sha : NULL;
}

/* Appends input i's line to the manifest, in one write; sha (and dg's
 * size) stand for the document when none was read. */
static void manifest_add(struct batch *b, size_t i, const struct result *res, const char *sha,
			 const struct digest *dg)
{
	const struct ex_input *x = &b->r->in.v[i];
	struct out_manifest m = { .path = x->path, .doc_part = res->man, .sha256 = sha,
				  .bytes = sha ? dg->bytes : -1, .seconds = res->seconds, .options_digest = b->r->digest };
	char started[32], *line, *out = NULL;

	if (b->manifest < 0)
		return;
	if (res->rc == 0 && asprintf(&out, "%s%s", x->rel, b->r->ext) >= 0)
		m.output = out;
	if (res->rc != 0) {
		m.error_code = code_name(res->rc);
		m.error_msg = res->e.msg;
	}
	if (res->man && strstr(res->man, "\"engine\""))
		m.lang_data = lang_data(b);
	iso_time(res->started, started);
	m.started = started;
	line = out_manifest_line(&m);
	if (line) {
		char *l = g_strdup_printf("%s\n", line);

		if (write(b->manifest, l, strlen(l)) < 0)
			fprintf(stderr, "extract: manifest: %s\n", strerror(errno));
		g_free(l);
	}
	free(line);
	free(out);
}

/* Whether input i can be left as a manifest line says it was done: the
 * same bytes, tool version and options, its output still there (a
 * failure is tried again only with --retry-failed). */
static int can_skip(struct batch *b, size_t i, const struct out_manifest_entry *e)
{
	const struct ex_run *r = b->r;
	char sha[65];
	long long bytes;

	if (!e || strcmp(e->version, EX_VERSION) || strcmp(e->digest, r->digest))
		return 0;
	if (!e->done && r->o->retry_failed)
		return 0;
	if (e->done) {
		char *out = ex_output_path(r->o->out, &r->in.v[i], r->ext);
		int there = out && access(out, F_OK) == 0;

		free(out);
		if (!there)
			return 0;
	}
	return file_digest(r->in.v[i].path, sha, &bytes) == 0 && !strcmp(sha, e->sha256);
}

static void entry_free(gpointer p)
{
	out_manifest_entry_free(p);
	g_free(p);
}

/* The manifest's lines: kept for inputs not in this run and for inputs
 * --resume leaves as they were; the rest are written again as their
 * inputs finish. A half line (the run before was killed) is dropped.
 * Written whole to a temporary file and renamed, then opened to append. */
static int manifest_open(struct batch *b)
{
	gchar *path = g_build_filename(b->r->o->out, "manifest.ndjson", NULL), *text = NULL;
	GHashTable *mine = g_hash_table_new(g_str_hash, g_str_equal);
	GString *keep = g_string_new(NULL);
	char why[512];
	int rc = 0;

	for (size_t i = 0; i < b->r->in.n; i++)
		g_hash_table_insert(mine, b->r->in.v[i].path, GSIZE_TO_POINTER(i + 1));
	if (g_file_get_contents(path, &text, NULL, NULL)) {
		for (char *line = text, *nl; (nl = strchr(line, '\n')); line = nl + 1) {
			struct out_manifest_entry *e = g_new0(struct out_manifest_entry, 1);
			size_t k;

			*nl = '\0';
			if (out_manifest_read(line, e) < 0) {
				g_free(e);
				continue;
			}
			k = GPOINTER_TO_SIZE(g_hash_table_lookup(mine, e->path));
			if (k && b->r->o->resume && !b->skip[k - 1] && can_skip(b, k - 1, e))
				b->skip[k - 1] = 1;
			if (!k || b->skip[k - 1])
				g_string_append_printf(keep, "%s\n", line);
			entry_free(e);
		}
	}
	if (write_atomic(path, keep->str, out_mode, why, sizeof(why)) < 0 ||
	    (b->manifest = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)) < 0) {
		fprintf(stderr, "extract: cannot write the manifest %s\n", why);
		rc = -1;
	}
	g_free(text);
	g_free(path);
	g_string_free(keep, TRUE);
	g_hash_table_destroy(mine);
	return rc;
}

/* The run's hold on the database: one run writes it at a time (a second
 * says so and waits); with --resume and no -o DIR, inputs it holds as
 * done with these bytes, version and options are left, and failed ones
 * too unless --retry-failed. */
static int db_begin(struct batch *b)
{
	const struct ex_run *r = b->r;
	gchar *lock = g_strdup_printf("%s.lock", r->o->db);
	char why[512], sha[65];
	long long bytes;

	/* A server takes several runs at once (shards); a file, one. */
	b->db_lock = out_db_is_shared(r->o->db) ? -1 : open(lock, O_RDWR | O_CREAT | O_CLOEXEC, 0666);
	if (b->db_lock >= 0 && flock(b->db_lock, LOCK_EX | LOCK_NB) < 0) {
		fprintf(stderr, "extract: %s: another run is writing to it; waiting\n", r->o->db);
		flock(b->db_lock, LOCK_EX);
	}
	g_free(lock);
	if (!(b->db = out_db_open(r->o->db, why, sizeof(why)))) {
		fprintf(stderr, "extract: database %s\n", why);
		return -1;
	}
	/* With -o DIR the manifest decides (manifest_open): a document can be
	 * in the database and not yet in the manifest when the run was
	 * killed between the two, and would then never get its line. */
	for (size_t i = 0; r->o->resume && !r->out_dir && i < r->in.n; i++) {
		int seen;

		if (b->skip[i] || file_digest(r->in.v[i].path, sha, &bytes) < 0)
			continue;
		seen = out_db_seen(b->db, r->in.v[i].path, sha, EX_VERSION, r->digest);
		b->skip[i] = seen == 1 || (seen == 2 && !r->o->retry_failed);
	}
	return 0;
}

/* ---- progress ---- */

static void hms(double s, char out[32])
{
	long t = isfinite(s) && s >= 0 && s < 1e7 ? (long)(s + 0.5) : -1;

	if (t < 0)
		snprintf(out, 32, "?");
	else
		snprintf(out, 32, "%ld:%02ld:%02ld", t / 3600, t / 60 % 60, t % 60);
}

static void progress_show(struct progress *pr, int force)
{
	double t = now(), el = t - pr->t0;
	char eta[32];

	if (!pr->on || (!force && t - pr->last < PROGRESS_EVERY))
		return;
	pr->last = t;
	hms(pr->done ? el / (double)pr->done * (double)(pr->total - pr->done) : NAN, eta);
	fprintf(stderr, "%sextract: %zu/%zu done, %zu failed, %zu pages, %.1f documents/s, %.1f pages/s, ETA %s%s",
		pr->tty ? "\r\033[K" : "", pr->done, pr->total, pr->failed, pr->pages,
		el > 0 ? (double)pr->done / el : 0.0, el > 0 ? (double)pr->pages / el : 0.0, eta, pr->tty ? "" : "\n");
	fflush(stderr);
}

/* A failed input's record in the database (it replaces a done one when
 * the output could not be written after the document was stored). */
static void db_failed(struct batch *b, size_t i, const struct result *res, const char *sha)
{
	const struct ex_input *x = &b->r->in.v[i];
	char when[32], why[512];
	struct out_db_path p = { .path = x->path, .sha256 = sha, .error_code = code_name(res->rc),
				 .error_msg = res->e.msg, .seconds = res->seconds, .started = when,
				 .tool_version = EX_VERSION, .options_digest = b->r->digest };

	if (!b->db)
		return;
	iso_time(res->started, when);
	if (out_db_store_path(b->db, &p, why, sizeof(why)) < 0)
		fprintf(stderr, "extract: %s\n", why);
}

/* Input i's outcome written (output, error line, manifest line). */
static void deliver(struct batch *b, size_t i, struct result *res)
{
	struct digest dg;
	const char *sha;

	b->pr.done++;
	if (res->rc == R_SKIPPED) {
		b->pr.skipped++;
		progress_show(&b->pr, 0);
		return;
	}
	if (res->rc == 0 && res->out)   /* a worker writes its own file outputs */
		res->rc = emit(b->r, i, res->out, &res->e);
	if (res->rc < 0) {
		res->e.code = res->rc;
		report(b, b->r->in.v[i].path, &res->e);
		b->failed++;
		b->pr.failed++;
	}
	sha = failed_digest(b, i, res, &dg);
	if (res->rc < 0)
		db_failed(b, i, res, sha);
	b->pr.pages += (size_t)res->pages;
	manifest_add(b, i, res, sha, &dg);
	result_clear(res);
	progress_show(&b->pr, 0);
}

/* Output in input order: the results that are in, up to the first that is not. */
static void deliver_in_order(struct batch *b)
{
	while (b->delivered < b->r->in.n) {
		struct result *res = slot(b, b->delivered);

		if (b->skip[b->delivered])
			res->rc = R_SKIPPED;
		else if (!res->ready)
			break;
		deliver(b, b->delivered++, res);
		res->ready = 0;
	}
}

/* A result in: written now (a folder's outputs from workers), or when
 * its turn comes. */
static void settle(struct batch *b, size_t i, struct result *res)
{
	if (b->r->o->out && !b->r->o->in_process) {
		deliver(b, i, res);
		return;
	}
	*slot(b, i) = *res;
	slot(b, i)->ready = 1;
	deliver_in_order(b);
}

/* ---- documents in this process's threads (--in-process) ---- */

struct pool {
	struct batch *b;
	size_t n, next, window;
	pthread_mutex_t mu;
	pthread_cond_t cv;
};

static void *thread_main(void *arg)
{
	struct pool *p = arg;

	for (;;) {
		size_t i;

		pthread_mutex_lock(&p->mu);
		while (p->next < p->n && p->next >= p->b->delivered + p->window)
			pthread_cond_wait(&p->cv, &p->mu);
		i = p->next < p->n ? p->next++ : SIZE_MAX;
		pthread_mutex_unlock(&p->mu);
		if (i == SIZE_MAX) {
			thread_db_close();
			return NULL;
		}
		if (!p->b->skip[i])
			produce(p->b->r, i, slot(p->b, i));
		pthread_mutex_lock(&p->mu);
		slot(p->b, i)->ready = 1;
		pthread_cond_broadcast(&p->cv);
		pthread_mutex_unlock(&p->mu);
	}
}

/* Inputs read by njobs threads, results written in input order: the
 * output is the same whatever njobs is. At most 2 * njobs results wait
 * to be written, so memory stays bounded in a long batch. */
static void run_threads(struct batch *b)
{
	struct pool p = { .b = b, .n = b->r->in.n, .window = 2 * (size_t)b->r->njobs };
	pthread_t th[64];
	int started = 0;

	pthread_mutex_init(&p.mu, NULL);
	pthread_cond_init(&p.cv, NULL);
	for (int t = 0; b->r->njobs > 1 && t < b->r->njobs && t < 64; t++)
		started += pthread_create(&th[started], NULL, thread_main, &p) == 0;
	for (size_t i = 0; i < p.n; i++) {
		pthread_mutex_lock(&p.mu);
		while (!slot(b, i)->ready && started)
			pthread_cond_wait(&p.cv, &p.mu);
		pthread_mutex_unlock(&p.mu);
		if (!slot(b, i)->ready && !b->skip[i])   /* one at a time, or no thread could start: here */
			produce(b->r, i, slot(b, i));
		if (b->skip[i])
			slot(b, i)->rc = R_SKIPPED;
		deliver(b, i, slot(b, i));
		slot(b, i)->ready = 0;
		pthread_mutex_lock(&p.mu);
		b->delivered = i + 1;
		pthread_cond_broadcast(&p.cv);
		pthread_mutex_unlock(&p.mu);
	}
	for (int t = 0; t < started; t++)
		pthread_join(th[t], NULL);
	thread_db_close();   /* this thread's, when it read documents itself */
	pthread_mutex_destroy(&p.mu);
	pthread_cond_destroy(&p.cv);
}

/* ---- documents in worker processes ---- */

/* An address-space limit cannot hold a sanitizer's runtime, which
 * reserves terabytes for its shadow memory. */
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define AS_LIMIT_WORKS 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || __has_feature(memory_sanitizer)
#define AS_LIMIT_WORKS 0
#endif
#endif
#ifndef AS_LIMIT_WORKS
#define AS_LIMIT_WORKS 1
#endif

/* A result on the wire: this, then the message, the raise site, the
 * manifest part and the output, each as long as it says. */
struct wire {
	int32_t rc, line, pages;
	uint32_t msg, src, man;
	uint64_t out;
	double seconds;
	int64_t started;
};

struct worker {
	pid_t pid;              /* 0: none running */
	int cmd, res, err;      /* our ends of its pipes */
	size_t idx;             /* the input it reads; SIZE_MAX when idle */
	double deadline;
	int killed;             /* stopped by us for its time */
	GByteArray *buf;        /* its result, as it comes */
	GString *tail;          /* its standard error while it reads a document */
};

static volatile sig_atomic_t interrupted;

static void on_signal(int sig)
{
	interrupted = sig;
}

static int write_all(int fd, const void *p, size_t n)
{
	const char *c = p;

	while (n) {
		ssize_t w = write(fd, c, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		c += w;
		n -= (size_t)w;
	}
	return 0;
}

static int send_result(int fd, const struct result *res)
{
	const char *src = res->e.src ? res->e.src : "";
	struct wire w = { .rc = res->rc, .line = res->e.line, .pages = res->pages,
			  .msg = (uint32_t)strlen(res->e.msg), .src = (uint32_t)strlen(src),
			  .man = res->man ? (uint32_t)strlen(res->man) : 0, .out = res->out ? strlen(res->out) : 0,
			  .seconds = res->seconds, .started = (int64_t)res->started };

	return write_all(fd, &w, sizeof(w)) < 0 || write_all(fd, res->e.msg, w.msg) < 0 ||
			       write_all(fd, src, w.src) < 0 || write_all(fd, res->man, w.man) < 0 ||
			       write_all(fd, res->out, w.out) < 0
		       ? -1
		       : 0;
}

/* A worker: inputs' numbers in, results out, until its pipe closes. */
static void worker_main(const struct ex_run *r, int cmd, int out, pid_t parent)
{
	uint64_t idx;
	struct rlimit rl;

	/* A run killed outright takes its workers with it: none is left
	 * reading (or hanging on) a document no one will take. */
	if (prctl(PR_SET_PDEATHSIG, SIGKILL) < 0 || getppid() != parent)
		_exit(1);

	signal(SIGINT, SIG_IGN);   /* Ctrl-C is the run's to handle: it stops us */
	signal(SIGTERM, SIG_DFL);
	signal(SIGHUP, SIG_DFL);
	signal(SIGPIPE, SIG_IGN);
	if (AS_LIMIT_WORKS && r->o->max_memory > 0) {
		rl.rlim_cur = rl.rlim_max = (rlim_t)r->o->max_memory << 20;
		setrlimit(RLIMIT_AS, &rl);
	}
	for (;;) {
		struct result res;
		ssize_t n = read(cmd, &idx, sizeof(idx));

		if (n < 0 && errno == EINTR)
			continue;
		if (n != sizeof(idx) || idx >= r->in.n) {
			thread_db_close();
			_exit(0);
		}
		if (heap_marked)   /* one thread here: what the heap grew by last time */
			ex_heap_huge();
		produce(r, (size_t)idx, &res);
		/* Files are written here, where the work is: several workers
		 * flush and sync at once, and what a worker sends back is small. */
		if (res.rc == 0 && r->o->out) {
			res.rc = emit(r, (size_t)idx, res.out, &res.e);
			free(res.out);
			res.out = NULL;
		}
		if (send_result(out, &res) < 0)
			_exit(1);
		result_clear(&res);
	}
}

static void close_worker_fds(struct worker *w)
{
	close(w->cmd);
	close(w->res);
	close(w->err);
	w->cmd = w->res = w->err = -1;
}

static int spawn(struct batch *b, struct worker *ws, int nw, int k)
{
	int cmd[2], res[2], err[2];
	struct worker *w = &ws[k];
	pid_t parent = getpid();

	if (pipe2(cmd, O_CLOEXEC) < 0)
		return -1;
	if (pipe2(res, O_CLOEXEC) < 0 || pipe2(err, O_CLOEXEC) < 0) {
		close(cmd[0]);
		close(cmd[1]);
		return -1;
	}
	fflush(stdout);
	fflush(stderr);
	w->pid = fork();
	if (w->pid == 0) {
		for (int j = 0; j < nw; j++)   /* the others' ends: their EOFs are theirs */
			if (ws[j].pid > 0 && j != k)
				close_worker_fds(&ws[j]);
		close(cmd[1]);
		close(res[0]);
		close(err[0]);
		dup2(err[1], STDERR_FILENO);
		worker_main(b->r, cmd[0], res[1], parent);
	}
	close(cmd[0]);
	close(res[1]);
	close(err[1]);
	if (w->pid < 0) {
		close(cmd[1]);
		close(res[0]);
		close(err[0]);
		w->pid = 0;
		return -1;
	}
	w->cmd = cmd[1];
	w->res = res[0];
	w->err = err[0];
	fcntl(w->res, F_SETFL, O_NONBLOCK);
	fcntl(w->err, F_SETFL, O_NONBLOCK);
	w->idx = SIZE_MAX;
	g_byte_array_set_size(w->buf, 0);
	g_string_truncate(w->tail, 0);
	return 0;
}

/* A whole result in w's buffer into res; 0 if not all of it is in.
 * to_file: the worker wrote the output itself. */
static int take_result(struct worker *w, struct result *res, int to_file)
{
	struct wire h;
	size_t need;
	const char *p;

	if (w->buf->len < sizeof(h))
		return 0;
	memcpy(&h, w->buf->data, sizeof(h));
	need = sizeof(h) + h.msg + h.src + h.man + h.out;
	if (w->buf->len < need)
		return 0;
	p = (const char *)w->buf->data + sizeof(h);
	memset(res, 0, sizeof(*res));
	res->rc = h.rc;
	res->e.code = h.rc;
	snprintf(res->e.msg, sizeof(res->e.msg), "%.*s", (int)h.msg, p);
	/* The raise site, for --debug: a name in our own sources, kept for the run. */
	if (h.src) {
		gchar *src = g_strndup(p + h.msg, h.src);

		res->e.src = g_intern_string(src);
		g_free(src);
	}
	res->e.line = h.line;
	p += h.msg + h.src;
	res->man = h.man ? g_strndup(p, h.man) : NULL;
	res->out = h.rc == 0 && !to_file ? g_strndup(p + h.man, h.out) : NULL;
	res->pages = h.pages;
	res->seconds = h.seconds;
	res->started = (time_t)h.started;
	g_byte_array_remove_range(w->buf, 0, (guint)need);
	return 1;
}

/* Why a worker ended without a result: its time, memory (its last words
 * say so, or the kernel killed it), or a crash. */
static void died(struct worker *w, int status, struct result *res)
{
	const char *t = w->tail->str;
	char last[160] = "";
	const char *nl;

	memset(res, 0, sizeof(*res));
	for (size_t n = w->tail->len; n > 0 && (t[n - 1] == '\n' || t[n - 1] == '\r'); n--)
		w->tail->str[n - 1] = '\0';
	nl = strrchr(t, '\n');
	snprintf(last, sizeof(last), "%s", nl ? nl + 1 : t);
	if (w->killed)
		res->rc = EX_FAIL(&res->e, R_TIMEOUT, "took longer than its time (--timeout): stopped");
	else if (strstr(t, "bad_alloc") || strstr(t, "failed to allocate") || strstr(t, "ut of memory") ||
		 strstr(t, "Cannot allocate memory") || (WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL))
		res->rc = EX_FAIL(&res->e, EX_ENOMEM, "out of memory (--max-memory): its worker stopped");
	else if (WIFSIGNALED(status))
		res->rc = EX_FAIL(&res->e, R_CRASHED, "crashed (%s)%s%s", strsignal(WTERMSIG(status)),
				  last[0] ? ": " : "", last);
	else
		res->rc = EX_FAIL(&res->e, R_CRASHED, "its worker ended (status %d)%s%s", WEXITSTATUS(status),
				  last[0] ? ": " : "", last);
}

/* What a worker wrote on standard error, kept while it reads a document. */
static void drain_err(struct worker *w)
{
	char buf[4096];
	ssize_t n;

	while ((n = read(w->err, buf, sizeof(buf))) > 0) {
		g_string_append_len(w->tail, buf, n);
		if (w->tail->len > 4 * TAIL_BYTES)
			g_string_erase(w->tail, 0, (gssize)(w->tail->len - TAIL_BYTES));
	}
}

/* The worker's chatter (a library's warnings: libjpeg's "Corrupt JPEG
 * data") passed on with its result, each line naming the input it came
 * from, as an error line does ("extract: FILE: ..."), its control
 * characters shown as '?'. */
static void relay_err(struct batch *b, struct worker *w)
{
	char *p;
	gchar **lines;

	if (!w->tail->len)
		return;
	p = printable(b->r->in.v[w->idx].path);
	lines = g_strsplit(w->tail->str, "\n", -1);
	progress_clear(&b->pr);
	for (size_t i = 0; p && lines && lines[i]; i++) {
		char *m = printable(lines[i]);

		if (m && m[strspn(m, " \t\r?")])
			fprintf(stderr, "extract: %s: %s\n", p, m);
		free(m);
	}
	g_strfreev(lines);
	free(p);
	g_string_truncate(w->tail, 0);
}

/* Reads what w sent; a result is stored, a death made that input's error. */
static void collect(struct batch *b, struct worker *w)
{
	unsigned char buf[65536];
	struct result res;
	ssize_t n;
	size_t i;
	int status = 0;

	while ((n = read(w->res, buf, sizeof(buf))) > 0)
		g_byte_array_append(w->buf, buf, (guint)n);
	drain_err(w);
	if (w->idx != SIZE_MAX && take_result(w, &res, b->r->o->out != NULL)) {
		relay_err(b, w);
		i = w->idx;
		w->idx = SIZE_MAX;
		settle(b, i, &res);
	}
	if (n != 0)   /* EAGAIN: more to come */
		return;
	close_worker_fds(w);
	waitpid(w->pid, &status, 0);
	w->pid = 0;
	if (w->idx != SIZE_MAX) {
		died(w, status, &res);
		i = w->idx;
		w->idx = SIZE_MAX;
		settle(b, i, &res);
	}
	w->killed = 0;
	g_byte_array_set_size(w->buf, 0);
	g_string_truncate(w->tail, 0);
}

/* The next input for a worker at or after *next, or SIZE_MAX. Inputs
 * that need no reading (refused, or left by --resume) are settled here.
 * Standard output holds at most window results ahead of the one it
 * waits for, so memory stays bounded in a long batch. */
static size_t next_input(struct batch *b, size_t *next, size_t window)
{
	while (*next < b->r->in.n) {
		size_t i = *next;

		if (!b->r->o->out && i >= b->delivered + window)
			return SIZE_MAX;
		(*next)++;
		if (b->skip[i]) {
			if (b->r->o->out) {   /* in order or not, nothing to wait for */
				struct result res = { .rc = R_SKIPPED };

				settle(b, i, &res);
			}
			continue;
		}
		if (b->r->in.v[i].refused) {
			struct result res;

			produce(b->r, i, &res);
			settle(b, i, &res);
			continue;
		}
		return i;
	}
	return SIZE_MAX;
}

/* An input's number to a worker. A worker that died since its last
 * document has closed its end: that write must fail (and be said as the
 * input's crash), not kill the run with SIGPIPE, which stays as it is
 * for standard output (extract ... | head ends quietly). */
static int send_index(int fd, uint64_t idx)
{
	struct sigaction ign = { .sa_handler = SIG_IGN }, old;
	int rc;

	sigemptyset(&ign.sa_mask);
	sigaction(SIGPIPE, &ign, &old);
	rc = write_all(fd, &idx, sizeof(idx));
	sigaction(SIGPIPE, &old, NULL);
	return rc;
}

/* Hands inputs to idle workers, starting workers as needed. */
static void dispatch(struct batch *b, struct worker *ws, int nw, size_t *next)
{
	for (int k = 0; k < nw; k++) {
		struct worker *w = &ws[k];
		uint64_t idx;
		size_t i;

		if (w->pid > 0 && w->idx != SIZE_MAX)
			continue;
		if ((i = next_input(b, next, 2 * (size_t)nw)) == SIZE_MAX)
			return;
		if (w->pid == 0 && spawn(b, ws, nw, k) < 0) {
			struct result res = { 0 };

			res.rc = EX_FAIL(&res.e, EX_EIO, "cannot start a worker: %s", strerror(errno));
			settle(b, i, &res);
			continue;
		}
		idx = i;
		w->idx = i;
		w->killed = 0;
		w->deadline = b->r->o->timeout > 0 ? now() + b->r->o->timeout : INFINITY;
		if (send_index(w->cmd, idx) < 0)
			kill(w->pid, SIGKILL);   /* said as its input's crash when its pipe closes */
	}
}

/* Waits for workers' words (or the time the next may run out, or the
 * next progress line) and reads them; stops workers out of time. */
static void await(struct batch *b, struct worker *ws, int nw)
{
	struct pollfd pf[128];
	int np = 0, ms = b->pr.on ? (int)(PROGRESS_EVERY * 1000) : -1;
	double t = now();

	for (int k = 0; k < nw; k++) {
		if (ws[k].pid <= 0)
			continue;
		if (ws[k].idx != SIZE_MAX && t >= ws[k].deadline && !ws[k].killed) {
			kill(ws[k].pid, SIGKILL);
			ws[k].killed = 1;
		}
		if (ws[k].idx != SIZE_MAX && isfinite(ws[k].deadline)) {
			double left = (ws[k].deadline - t) * 1000 + 1;
			int l = left < 0 ? 0 : left > 3600e3 ? 3600000 : (int)left;

			ms = ms < 0 || l < ms ? l : ms;
		}
		pf[np++] = (struct pollfd){ .fd = ws[k].res, .events = POLLIN };
		pf[np++] = (struct pollfd){ .fd = ws[k].err, .events = POLLIN };
	}
	if (poll(pf, (nfds_t)np, ms) <= 0)
		return;
	for (int k = 0; k < nw; k++)
		if (ws[k].pid > 0)
			collect(b, &ws[k]);
}

static int busy(const struct worker *ws, int nw)
{
	for (int k = 0; k < nw; k++)
		if (ws[k].pid > 0 && ws[k].idx != SIZE_MAX)
			return 1;
	return 0;
}

static void stop_workers(struct worker *ws, int nw, int sig)
{
	for (int k = 0; k < nw; k++) {
		if (ws[k].pid <= 0)
			continue;
		if (sig)
			kill(ws[k].pid, sig);
		close_worker_fds(&ws[k]);
		waitpid(ws[k].pid, NULL, 0);
		ws[k].pid = 0;
	}
}

static void run_workers(struct batch *b)
{
	int nw = b->r->njobs < 64 ? b->r->njobs : 64;
	struct worker ws[64];
	size_t next = 0;
	struct sigaction sa = { .sa_handler = on_signal }, old[3];

	for (int k = 0; k < nw; k++)
		ws[k] = (struct worker){ .idx = SIZE_MAX, .cmd = -1, .res = -1, .err = -1,
					 .buf = g_byte_array_new(), .tail = g_string_new(NULL) };
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, &old[0]);
	sigaction(SIGTERM, &sa, &old[1]);
	sigaction(SIGHUP, &sa, &old[2]);
	while (b->pr.done < b->r->in.n && !interrupted) {
		dispatch(b, ws, nw, &next);
		if (!b->r->o->out)
			deliver_in_order(b);   /* inputs --resume left are written as their turn comes */
		if (b->pr.done < b->r->in.n && busy(ws, nw))
			await(b, ws, nw);
		progress_show(&b->pr, 0);
	}
	stop_workers(ws, nw, interrupted ? SIGKILL : 0);
	for (int k = 0; k < nw; k++) {
		g_byte_array_free(ws[k].buf, TRUE);
		g_string_free(ws[k].tail, TRUE);
	}
	sigaction(SIGINT, &old[0], NULL);
	sigaction(SIGTERM, &old[1], NULL);
	sigaction(SIGHUP, &old[2], NULL);
}

/* ---- the run ---- */

void ex_options_digest(const struct ex_options *o, char out[65])
{
	const struct doc_read_opts *ro = &o->ro;
	const char *env = getenv("EXTRACT_PATTERNS");
	GString *s = g_string_new(NULL);
	GChecksum *ck = g_checksum_new(G_CHECKSUM_SHA256);

	g_string_append_printf(s, "format=%d compact=%d furniture=%d tables_only=%d no_tables=%d ocr=%d lang=%s "
			       "dpi=%d no_correct=%d pages=%d-%d no_default_patterns=%d patterns_env=%s",
			       (int)o->format, o->compact, o->furniture, o->tables_only, ro->no_tables, ro->ocr,
			       ro->lang ? ro->lang : "swe+eng", ro->dpi ? ro->dpi : 300, ro->no_correct,
			       ro->first_page, ro->last_page, o->no_default_patterns, env ? env : "");
	/* A pack counts by what it says, not by its name. */
	for (int i = 0; i < o->npacks; i++) {
		char sha[65] = "";
		long long n;

		file_digest(o->packs[i], sha, &n);
		g_string_append_printf(s, " pack=%s", sha);
	}
	g_checksum_update(ck, (const guchar *)s->str, (gssize)s->len);
	g_strlcpy(out, g_checksum_get_string(ck), 65);
	g_checksum_free(ck);
	g_string_free(s, TRUE);
}

/* The line that ends a batch, in every mode but --quiet. */
static void summary(struct batch *b, double secs)
{
	struct progress *pr = &b->pr;

	progress_clear(pr);
	if (b->r->o->quiet || pr->total < 2)
		return;
	fprintf(stderr, "extract: %zu inputs: %zu done, %zu failed, %zu skipped (done before)%s; %zu pages in %.1f s\n",
		pr->total, pr->done - pr->failed - pr->skipped, pr->failed, pr->skipped,
		interrupted ? ", then interrupted" : "", pr->pages, secs);
}

int ex_run_batch(struct ex_run *r)
{
	struct batch b = { .r = r, .manifest = -1 };
	mode_t um = umask(0);
	int rc;

	umask(um);
	out_mode = 0666 & ~um;
	b.nring = 2 * (size_t)r->njobs + 2;
	b.ring = calloc(b.nring, sizeof(*b.ring));
	b.skip = calloc(r->in.n ? r->in.n : 1, 1);
	if (!b.ring || !b.skip) {
		fprintf(stderr, "extract: out of memory\n");
		free(b.ring);
		free(b.skip);
		return 1;
	}
	if (r->o->timeout < 0)
		r->o->timeout = BATCH_TIMEOUT;
	if (r->o->max_memory < 0)
		r->o->max_memory = RUN_MEMORY;
	b.pr = (struct progress){ .t0 = now(), .total = r->in.n, .tty = isatty(STDERR_FILENO) };
	b.pr.on = !r->o->quiet && (r->o->progress > 0 || (r->o->progress == 0 && b.pr.tty));
	b.db_lock = -1;
	if (r->o->db && db_begin(&b) < 0) {
		free(b.ring);
		free(b.skip);
		return 1;
	}
	if (r->out_dir) {
		ex_sweep_temporaries(r->o->out, r->ext);
		if (manifest_open(&b) < 0) {
			free(b.ring);
			free(b.skip);
			return 1;
		}
	}
	if (r->o->in_process)
		run_threads(&b);
	else
		run_workers(&b);
	if (!b.pr.tty)
		progress_show(&b.pr, 1);   /* the last count, off a terminal */
	summary(&b, now() - b.pr.t0);
	rc = interrupted ? 128 + interrupted : b.failed ? 1 : 0;
	if (b.manifest >= 0)
		close(b.manifest);
	out_db_close(b.db);
	if (b.db_lock >= 0)
		close(b.db_lock);
	g_free(b.lang_data);
	for (size_t i = 0; i < b.nring; i++)   /* what an interruption left unwritten */
		result_clear(&b.ring[i]);
	free(b.ring);
	free(b.skip);
	return rc;
}
