/* test_lib: the public library (include/extract.h) as another program
 * uses it: options as command-line words, errors as one line naming the
 * file, a buffer read as its file is, and one context shared by threads
 * giving what it gives alone. */
#include "testutil.h"

#include <pthread.h>

#include "../include/extract.h"
#include "../output/out.h"

#define PDF "corpus/seed000_tertialrapport.pdf"

static char *slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	char *buf = malloc(4 << 20);

	assert_non_null(f);
	assert_non_null(buf);
	*n = fread(buf, 1, 4 << 20, f);
	fclose(f);
	return buf;
}

static void options_as_words(void **state)
{
	const char *never[] = { "--ocr", "never", "--compact", NULL };
	const char *bad[] = { "--ocr", "sometimes", NULL };
	const char *fmt[] = { "--format=csv", NULL };
	const char *file[] = { PDF, NULL };
	char *err = NULL, *json;
	extract_ctx *ctx;

	ctx = extract_ctx_new(never, &err);
	assert_non_null(ctx);
	assert_null(err);
	json = extract_file_json(ctx, PDF, &err);
	assert_non_null(json);
	/* --compact: one line, ended as the command line ends it */
	assert_non_null(strstr(json, "\"schema\":\"extract/1\""));
	assert_ptr_equal(strchr(json, '\n'), json + strlen(json) - 1);
	extract_free(json);
	extract_ctx_free(ctx);

	assert_null(extract_ctx_new(bad, &err));
	assert_non_null(strstr(err, "--ocr wants auto, always or never"));
	extract_free(err);
	assert_null(extract_ctx_new(fmt, &err));
	assert_non_null(strstr(err, "--format"));
	extract_free(err);
	assert_null(extract_ctx_new(file, &err));
	assert_non_null(strstr(err, "file names are not options"));
	extract_free(err);
	assert_string_equal(extract_version(), EX_VERSION);
}

static void errors_name_the_file(void **state)
{
	extract_ctx *ctx = extract_ctx_new(NULL, NULL);
	char *err = NULL;

	assert_non_null(ctx);
	assert_null(extract_file_json(ctx, "tests/no/such.pdf", &err));
	assert_string_equal(err, "tests/no/such.pdf: No such file or directory");
	extract_free(err);
	assert_null(extract_buffer_json(ctx, "%PDF-1.4\nbroken", 15, "cut.pdf", &err));
	assert_non_null(err);
	assert_int_equal(strncmp(err, "cut.pdf: broken PDF", 19), 0);
	assert_null(strchr(err, '\n'));
	extract_free(err);
	assert_null(extract_file_json(ctx, "tests/no/such.pdf", NULL));   /* err may be NULL */
	extract_ctx_free(ctx);
}

static void buffer_as_file(void **state)
{
	extract_ctx *ctx = extract_ctx_new(NULL, NULL);
	size_t n;
	char *buf = slurp(PDF, &n), *a, *b;

	a = extract_file_json(ctx, PDF, NULL);
	b = extract_buffer_json(ctx, buf, n, PDF, NULL);
	assert_non_null(a);
	assert_string_equal(a, b);
	extract_free(a);
	extract_free(b);
	free(buf);
	extract_ctx_free(ctx);
}

struct job {
	extract_ctx *ctx;
	const char *path;
	char *json;
};

static void *run(void *arg)
{
	struct job *j = arg;

	for (int i = 0; i < 2; i++) {
		extract_free(j->json);
		j->json = extract_file_json(j->ctx, j->path, NULL);
	}
	return NULL;
}

static void one_context_many_threads(void **state)
{
	static const char *const files[] = {
		PDF, "corpus/seed001_memo.odt", "corpus/seed004_protokoll.fodt", "corpus/seed002_rapport.pdf",
	};
	extract_ctx *ctx = extract_ctx_new(NULL, NULL);
	struct job jobs[N_ELEMS(files)] = { 0 };
	pthread_t th[N_ELEMS(files)];

	for (size_t i = 0; i < N_ELEMS(files); i++) {
		jobs[i] = (struct job){ ctx, files[i], NULL };
		assert_int_equal(pthread_create(&th[i], NULL, run, &jobs[i]), 0);
	}
	for (size_t i = 0; i < N_ELEMS(files); i++) {
		char *alone;

		assert_int_equal(pthread_join(th[i], NULL), 0);
		alone = extract_file_json(ctx, files[i], NULL);
		assert_non_null(jobs[i].json);
		assert_string_equal(jobs[i].json, alone);
		extract_free(alone);
		extract_free(jobs[i].json);
	}
	extract_ctx_free(ctx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(options_as_words),
		cmocka_unit_test(errors_name_the_file),
		cmocka_unit_test(buffer_as_file),
		cmocka_unit_test(one_context_many_threads),
	};

	return cmocka_run_group_tests_name("lib", tests, NULL, NULL);
}
