/* test_threads: no global state: two documents read in two threads give
 * the same JSON as read one after the other, sharing one pattern set. */
#include "testutil.h"

#include <pthread.h>

#include "../output/out.h"
#include "../patterns/pat.h"

struct job {
	const char *path;
	const struct pat_set *ps;
	char *json;
};

static char *render(const char *path, const struct pat_set *ps)
{
	struct doc_read_opts o = { .patterns = ps };
	struct ex_error e = { 0 };
	struct out_opts oo = { 0 };
	struct doc *d = doc_new();
	char *s = NULL;

	if (ex_process_file(d, path, &o, &e) == 0)
		s = out_json(d, &oo);
	doc_free(d);
	return s;
}

static void *run(void *arg)
{
	struct job *j = arg;

	for (int i = 0; i < 3; i++) {
		free(j->json);
		j->json = render(j->path, j->ps);
	}
	return NULL;
}

static void two_threads(void **state)
{
	static const char *const files[] = {
		"corpus/seed000_tertialrapport.pdf", "corpus/seed000_tertialrapport.odt",
		"corpus/seed002_rapport.pdf", "corpus/seed004_protokoll.fodt",
	};
	struct ex_error e = { 0 };
	struct pat_set *ps = pat_set_new(&e);
	struct job jobs[N_ELEMS(files)] = { 0 };
	pthread_t th[N_ELEMS(files)];

	for (size_t i = 0; i < N_ELEMS(files); i++) {
		jobs[i].path = files[i];
		jobs[i].ps = ps;
		assert_int_equal(pthread_create(&th[i], NULL, run, &jobs[i]), 0);
	}
	for (size_t i = 0; i < N_ELEMS(files); i++) {
		char *alone;

		assert_int_equal(pthread_join(th[i], NULL), 0);
		alone = render(files[i], ps);
		assert_non_null(jobs[i].json);
		assert_string_equal(jobs[i].json, alone);
		free(alone);
		free(jobs[i].json);
	}
	pat_set_free(ps);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(two_threads),
	};

	return cmocka_run_group_tests_name("threads", tests, NULL, NULL);
}
