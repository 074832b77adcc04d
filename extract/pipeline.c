/* pipeline.c: load, identify, read, finish. */
#include "pipeline.h"

#include <errno.h>
#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <pthread.h>
#include <time.h>

#include "../parsers/image.h"
#include "../parsers/odt.h"
#include "../parsers/pdf.h"
#include "../parsers/txt.h"
#include "../patterns/pat.h"
#include "../model/norm.h"

static int has_prefix(const unsigned char *b, size_t n, const char *p, size_t pn)
{
	return n >= pn && memcmp(b, p, pn) == 0;
}

/* Plain text: no NUL in the first 64 KiB and valid UTF-8 there, allowing
 * a character cut at the window's end. */
static int looks_text(const unsigned char *b, size_t n)
{
	size_t m = n < 65536 ? n : 65536;

	if (memchr(b, 0, m))
		return 0;
	/* Cut the window at a character boundary. */
	while (m > 0 && m < n && (b[m] & 0xC0) == 0x80)
		m--;
	return norm_valid_utf8((const char *)b, m);
}

static int headerless_pdf(const unsigned char *b, size_t n)
{
	size_t i = 0;

	while (i < n && b[i] >= '0' && b[i] <= '9')
		i++;
	if (i == 0 || i >= n || b[i++] != ' ')
		return 0;
	while (i < n && b[i] >= '0' && b[i] <= '9')
		i++;
	return n - i >= 5 && memcmp(b + i, " obj", 4) == 0;
}

enum doc_format ex_sniff(const unsigned char *b, size_t n)
{
	size_t head = n < 1024 ? n : 1024;
	const unsigned char *x = b;
	size_t xn;

	/* %PDF- may follow some junk, as readers allow, within 1 KiB. */
	for (size_t i = 0; i + 5 <= head; i++)
		if (memcmp(b + i, "%PDF-", 5) == 0)
			return DOC_FMT_PDF;
	if (has_prefix(b, n, "PK\x03\x04", 4))
		return DOC_FMT_ODT;
	/* A PDF that lost its header still has "N G obj" at a line start. */
	for (size_t i = 0; i < head; i++)
		if ((i == 0 || b[i - 1] == '\n' || b[i - 1] == '\r') && headerless_pdf(b + i, head - i))
			return DOC_FMT_PDF;
	if (has_prefix(b, n, "\x89PNG", 4) || has_prefix(b, n, "\xFF\xD8\xFF", 3) ||
	    has_prefix(b, n, "II*\0", 4) || has_prefix(b, n, "MM\0*", 4))
		return DOC_FMT_IMAGE;
	if (has_prefix(b, n, "\xEF\xBB\xBF", 3))
		x += 3;
	xn = (size_t)(b + n - x);
	while (xn && (*x == ' ' || *x == '\n' || *x == '\r' || *x == '\t'))
		x++, xn--;
	if (has_prefix(x, xn, "<?xml", 5) || has_prefix(x, xn, "<office:document", 16)) {
		size_t m = xn < 8192 ? xn : 8192;

		if (g_strstr_len((const char *)x, (gssize)m, "<office:document"))
			return DOC_FMT_FODT;
	}
	/* Markup that is not ODF is not plain text either. */
	if (has_prefix(x, xn, "<?xml", 5) || g_ascii_strncasecmp((const char *)x, "<!doctype", xn < 9 ? xn : 9) == 0 ||
	    g_ascii_strncasecmp((const char *)x, "<html", xn < 5 ? xn : 5) == 0)
		return DOC_FMT_UNKNOWN;
	if (looks_text(b, n))
		return DOC_FMT_TEXT;
	return DOC_FMT_UNKNOWN;
}

static const char *unknown_reason(const unsigned char *b, size_t n)
{
	if (has_prefix(b, n, "\xD0\xCF\x11\xE0", 4))
		return "a Microsoft Office (OLE2) file, which extract does not read";
	if (has_prefix(b, n, "{\\rtf", 5))
		return "an RTF file, which extract does not read";
	size_t i = has_prefix(b, n, "\xEF\xBB\xBF", 3) ? 3 : 0;

	while (i < n && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t'))
		i++;
	if (i < n && b[i] == '<')
		return "XML or HTML, but not an ODF document";
	return "not a PDF, ODT, flat ODT or UTF-8 text file";
}

static int read_any(struct doc *doc, const void *buf, size_t n,
		    const struct doc_read_opts *opts, struct ex_error *err)
{
	enum doc_format f;

	if (n == 0)
		return EX_FAIL(err, EX_EEMPTY, "empty file");
	f = ex_sniff(buf, n);
	doc->src.format = f;
	switch (f) {
	case DOC_FMT_PDF:
		return pdf_read(doc, buf, n, opts, err);
	case DOC_FMT_ODT:
		return odt_read(doc, buf, n, err);
	case DOC_FMT_FODT:
		return odt_read_flat(doc, buf, n, err);
	case DOC_FMT_TEXT:
		return txt_read(doc, buf, n, err);
	case DOC_FMT_IMAGE:
		if (opts && opts->ocr < 0)
			return EX_FAIL(err, EX_EFORMAT, "an image, and --ocr never was given");
		return image_read(doc, buf, n, opts, err);
	default:
		return EX_FAIL(err, EX_EFORMAT, "%s", unknown_reason(buf, n));
	}
}

/* The pattern passes, in order: each may use what those before it
 * found (the period needs the header fields, values the period, the
 * protocol and survey the document type). */
static int (*const passes[])(const struct pat_set *, struct doc *) = {
	pat_header, pat_contents, pat_doc_period, pat_doc_type, pat_values,
	pat_ratings, pat_protocol, pat_notice, pat_survey, pat_pack_apply,
};

/* Patterns run on what the reader built. */
static int run_patterns(struct doc *doc, const struct doc_read_opts *opts, struct ex_error *err)
{
	const struct pat_set *ps = opts ? opts->patterns : NULL;
	struct pat_set *own = NULL;
	int rc;

	if (!ps) {
		own = pat_set_new(err);
		if (!own)
			return err->code;
		ps = own;
	}
	rc = 0;
	for (size_t i = 0; i < sizeof(passes) / sizeof(passes[0]) && rc == 0; i++)
		rc = passes[i](ps, doc);
	pat_set_free(own);
	return rc < 0 ? EX_FAIL_CODE(err, rc) : 0;
}

int ex_process_buffer(struct doc *doc, const void *buf, size_t n,
		      const struct doc_read_opts *opts, struct ex_error *err)
{
	int rc = read_any(doc, buf, n, opts, err);

	if (rc < 0 || (opts && opts->blocks_only))
		return rc;
	return run_patterns(doc, opts, err);
}

/* Standard input to its end, up to EX_MAX_INPUT. */
static char *read_stdin(size_t *n, struct ex_error *err)
{
	size_t cap = 1 << 16, got = 0, r;
	char *buf = malloc(cap + 1), *nb;

	while (buf && (r = fread(buf + got, 1, cap - got, stdin)) > 0) {
		if ((got += r) < cap)
			continue;
		if (cap >= EX_MAX_INPUT) {
			free(buf);
			EX_FAIL(err, EX_ELIMIT, "larger than %zu MiB", EX_MAX_INPUT >> 20);
			return NULL;
		}
		if (!(nb = realloc(buf, 2 * cap + 1)))
			free(buf);
		buf = nb;
		cap *= 2;
	}
	if (!buf) {
		EX_FAIL(err, EX_ENOMEM, "out of memory");
		return NULL;
	}
	if (ferror(stdin)) {
		free(buf);
		EX_FAIL(err, EX_EIO, "read error: %s", strerror(errno));
		return NULL;
	}
	buf[got] = '\0';
	*n = got;
	return buf;
}

static char *read_file(const char *path, size_t *n, struct ex_error *err)
{
	struct stat sb;
	FILE *f;
	char *buf;

	if (strcmp(path, "-") == 0)
		return read_stdin(n, err);
	if (stat(path, &sb) < 0) {
		EX_FAIL(err, EX_EIO, "%s", strerror(errno));
		return NULL;
	}
	if (S_ISDIR(sb.st_mode)) {
		EX_FAIL(err, EX_EIO, "is a directory");
		return NULL;
	}
	if (!S_ISREG(sb.st_mode)) {
		EX_FAIL(err, EX_EIO, "not a regular file");
		return NULL;
	}
	if ((size_t)sb.st_size > EX_MAX_INPUT) {
		EX_FAIL(err, EX_ELIMIT, "larger than %zu MiB", EX_MAX_INPUT >> 20);
		return NULL;
	}
	f = fopen(path, "rb");
	if (!f) {
		EX_FAIL(err, EX_EIO, "%s", strerror(errno));
		return NULL;
	}
	buf = malloc((size_t)sb.st_size + 1);
	if (!buf) {
		fclose(f);
		EX_FAIL(err, EX_ENOMEM, "out of memory");
		return NULL;
	}
	*n = fread(buf, 1, (size_t)sb.st_size, f);
	if (ferror(f)) {
		EX_FAIL(err, EX_EIO, "read error: %s", strerror(errno));
		fclose(f);
		free(buf);
		return NULL;
	}
	fclose(f);
	buf[*n] = '\0';
	return buf;
}

/* The time zone is read once, before any reader runs: libzip and glib
 * read it for file dates, and two threads reading it first at once race
 * inside glibc (ThreadSanitizer). */
static void tz_once(void)
{
	tzset();
}

int ex_process_named(struct doc *doc, const char *name, const void *buf, size_t n,
		     const struct doc_read_opts *opts, struct ex_error *err)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	gchar *sum;

	pthread_once(&once, tz_once);
	doc->src.path = norm_text(doc->arena, name, strlen(name));
	doc->src.bytes = n;
	/* The digest is the JSON's (text, markdown and CSV do not carry it). */
	if (!(opts && opts->blocks_only)) {
		sum = g_compute_checksum_for_data(G_CHECKSUM_SHA256, (const guchar *)buf, n);
		if (sum)
			snprintf(doc->src.sha256, sizeof(doc->src.sha256), "%s", sum);
		g_free(sum);
	}
	return ex_process_buffer(doc, buf, n, opts, err);
}

int ex_process_file(struct doc *doc, const char *path,
		    const struct doc_read_opts *opts, struct ex_error *err)
{
	size_t n = 0;
	char *buf = read_file(path, &n, err);
	int rc;

	if (!buf)
		return err->code;
	rc = ex_process_named(doc, path, buf, n, opts, err);
	free(buf);
	return rc;
}
