/* test_pack: pattern packs load, apply, and fail with file and line. */
#include "testutil.h"

#include "../patterns/pat.h"

static void good_pack(void **state)
{
	static const char t[] = "Rapport\n\nGäller projekt nr P-4711 i Malmö.\n\n"
				"Under året deltog 1 250 volontärer. Hyra 120,5 tkr och löner 3 400 kr.\n";
	struct ex_error e = { 0 };
	struct pat_set *ps = pat_set_new(&e);
	struct doc_read_opts o = { .patterns = ps };
	struct doc *d = doc_new();
	int found = 0;

	assert_int_equal(pat_pack_load(ps, "tests/data/packs/good.pat", &e), 0);
	assert_int_equal(ex_process_buffer(d, t, sizeof(t) - 1, &o, &e), 0);
	for (size_t i = 0; i < d->nfields; i++)
		if (!strcmp(d->fields[i].name, "projekt")) {
			assert_string_equal(d->fields[i].value, "P-4711");
			found |= 1;
		}
	for (size_t i = 0; i < d->nvalues; i++) {
		const struct doc_value *v = &d->values[i];

		if (v->label && !strcmp(v->label, "Antal volontärer")) {
			assert_true(v->value == 1250);
			assert_string_equal(v->unit, "count");
			assert_string_equal(v->method, "pattern:volontarer");
			found |= 2;
		}
		if (v->label && !strcmp(v->label, "Hyra")) {
			assert_true(v->value == 120.5);
			assert_string_equal(v->unit, "TSEK");
			assert_true(v->scale == 1000);
			found |= 4;
		}
	}
	assert_int_equal(found, 7);
	doc_free(d);
	pat_set_free(ps);
}

static void bad_packs(void **state)
{
	static const struct { const char *path, *msg; } rows[] = {
		{ "tests/data/packs/bad-regex.pat", "bad-regex.pat:2: pattern [bad]: missing closing parenthesis" },
		{ "tests/data/packs/no-section.pat", "no-section.pat:2: a line before the first [name]" },
		{ "tests/data/packs/bad-key.pat", "bad-key.pat:3: unknown key \"colour\"" },
		{ "tests/data/packs/no-regex.pat", "no-regex.pat:1: pattern [p] has no regex" },
		{ "tests/data/packs/missing.pat", "missing.pat: No such file" },
	};

	for (size_t i = 0; i < N_ELEMS(rows); i++) {
		struct ex_error e = { 0 };
		struct pat_set *ps = pat_set_new(&e);

		assert_true(pat_pack_load(ps, rows[i].path, &e) < 0);
		if (!strstr(e.msg, rows[i].msg))
			fail_msg("row %zu: \"%s\", want \"%s\"", i, e.msg, rows[i].msg);
		pat_set_free(ps);
	}
}

static void shipped_pack(void **state)
{
	static const char t[] = "Tjänsteskrivelse\n\nÄrende KS 2021/123 om budget.\n";
	struct ex_error e = { 0 };
	struct pat_set *ps = pat_set_new(&e);
	struct doc_read_opts o = { .patterns = ps };
	struct doc *d = doc_new();

	assert_int_equal(pat_pack_load(ps, "patterns/packs/diarienummer.pat", &e), 0);
	assert_int_equal(ex_process_buffer(d, t, sizeof(t) - 1, &o, &e), 0);
	/* "Ärende …" is a built-in header field; the pack adds dnr. */
	assert_int_equal(d->nfields, 2);
	assert_string_equal(d->fields[0].name, "arende");
	assert_string_equal(d->fields[1].name, "dnr");
	assert_string_equal(d->fields[1].value, "KS 2021/123");
	doc_free(d);
	pat_set_free(ps);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(good_pack),
		cmocka_unit_test(bad_packs),
		cmocka_unit_test(shipped_pack),
	};

	return cmocka_run_group_tests_name("pattern packs", tests, NULL, NULL);
}
