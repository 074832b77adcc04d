/* test_arena: the per-document arena and the model's growing arrays. */
#include "testutil.h"

static void alloc_is_zeroed_and_aligned(void **state)
{
	struct arena *a = arena_new(256);

	for (int i = 1; i < 2000; i += 7) {
		unsigned char *p = arena_alloc(a, (size_t)i);

		assert_non_null(p);
		assert_int_equal((uintptr_t)p % 16, 0);
		for (int k = 0; k < i; k++)
			assert_int_equal(p[k], 0);
		memset(p, 0xAB, (size_t)i);
	}
	arena_free(a);
}

static void big_objects_and_strings(void **state)
{
	struct arena *a = arena_new(256);
	char *big = arena_alloc(a, 1 << 20);
	char *s = arena_strdup(a, "Södra Dalarna");
	char *n = arena_strndup(a, "52 491 kr", 6);
	char *f = arena_printf(a, "%s/%d", "body", 12);

	assert_non_null(big);
	big[(1 << 20) - 1] = 'x';
	assert_string_equal(s, "Södra Dalarna");
	assert_string_equal(n, "52 491");
	assert_string_equal(f, "body/12");
	assert_null(arena_strdup(a, NULL));
	assert_true(arena_used(a) >= (1 << 20));
	arena_free(a);
}

static void grow_keeps_contents(void **state)
{
	struct arena *a = arena_new(256);
	int *v = NULL;
	size_t n = 0;

	for (size_t cap = 1; cap <= 4096; cap *= 2) {
		v = arena_grow(a, v, n, cap, sizeof(*v));
		assert_non_null(v);
		for (; n < cap; n++)
			v[n] = (int)n * 3;
	}
	for (size_t i = 0; i < n; i++)
		assert_int_equal(v[i], (int)i * 3);
	arena_free(a);
}

static void push_appends_zeroed(void **state)
{
	struct arena *a = arena_new(256);
	struct box *v = NULL;
	size_t n = 0, cap = 0;

	for (int i = 0; i < 100; i++) {
		struct box *b = ARENA_PUSH(a, v, n, cap);

		assert_non_null(b);
		assert_true(b->x0 == 0 && b->y1 == 0);
		b->x0 = (float)i;
	}
	assert_int_equal(n, 100);
	assert_true(cap >= 100);
	for (int i = 0; i < 100; i++)
		assert_true(v[i].x0 == (float)i);
	arena_free(a);
}

static void doc_arrays_grow(void **state)
{
	struct doc *d = doc_new();
	struct doc_table *t;

	for (int i = 0; i < 1000; i++) {
		struct doc_block *b = doc_add_block(d, DOC_BLK_PARAGRAPH, 1);

		assert_non_null(b);
		b->text = arena_printf(d->arena, "stycke %d", i);
		assert_int_equal(b->table, -1);
	}
	assert_int_equal(d->nblocks, 1000);
	assert_string_equal(d->blocks[999].text, "stycke 999");
	t = doc_add_table(d, "odt");
	assert_int_equal(t->id, 1);
	for (int r = 0; r < 30; r++)
		for (int c = 0; c < 4; c++)
			assert_non_null(doc_table_add_cell(d, t, r, c, "x"));
	assert_int_equal(t->nrows, 30);
	assert_int_equal(t->ncols, 4);
	assert_int_equal(t->ncells, 120);
	for (int i = 0; i < 1200; i++)
		doc_warn(d, 1, "test", "varning %d", i);
	assert_int_equal(d->nwarnings, 1000); /* capped */
	doc_free(d);
}

static void pronom_ids(void **state)
{
	static const struct { enum doc_format f; const char *v, *conf, *id; } rows[] = {
		{ DOC_FMT_PDF, "1.4", NULL, "fmt/18" },
		{ DOC_FMT_PDF, "1.5", NULL, "fmt/19" },
		{ DOC_FMT_PDF, "1.6", NULL, "fmt/20" },
		{ DOC_FMT_PDF, "1.7", NULL, "fmt/276" },
		{ DOC_FMT_PDF, "2.0", NULL, "fmt/1129" },
		{ DOC_FMT_PDF, "1.4", "PDF/A-1a", "fmt/95" },
		{ DOC_FMT_PDF, "1.4", "PDF/A-1b", "fmt/354" },
		{ DOC_FMT_PDF, "1.7", "PDF/A-2a", "fmt/476" },
		{ DOC_FMT_PDF, "1.7", "PDF/A-2b", "fmt/477" },
		{ DOC_FMT_PDF, "1.7", "PDF/A-2u", "fmt/478" },
		{ DOC_FMT_ODT, "1.0", NULL, "fmt/136" },
		{ DOC_FMT_ODT, "1.1", NULL, "fmt/290" },
		{ DOC_FMT_ODT, "1.2", NULL, "fmt/291" },
		{ DOC_FMT_ODT, "1.3", NULL, "fmt/1756" },
		{ DOC_FMT_FODT, "1.3", NULL, "fmt/1756" },
		{ DOC_FMT_ODT, "1.4", NULL, NULL },  /* no id we know */
		{ DOC_FMT_TEXT, NULL, NULL, NULL },
		{ DOC_FMT_PDF, "9.9", NULL, NULL },
	};

	for (size_t i = 0; i < N_ELEMS(rows); i++) {
		struct doc *d = doc_new();
		const char *id;

		d->src.format = rows[i].f;
		d->meta.format_version = rows[i].v;
		d->meta.conformance = rows[i].conf;
		id = doc_pronom(d);
		if (rows[i].id == NULL ? id != NULL : (id == NULL || strcmp(id, rows[i].id)))
			fail_msg("row %zu: %s %s %s gave %s", i, doc_format_name(rows[i].f),
				 rows[i].v ? rows[i].v : "-", rows[i].conf ? rows[i].conf : "-",
				 id ? id : "NULL");
		doc_free(d);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(alloc_is_zeroed_and_aligned),
		cmocka_unit_test(big_objects_and_strings),
		cmocka_unit_test(grow_keeps_contents),
		cmocka_unit_test(push_appends_zeroed),
		cmocka_unit_test(doc_arrays_grow),
		cmocka_unit_test(pronom_ids),
	};

	return cmocka_run_group_tests_name("arena and model", tests, NULL, NULL);
}
