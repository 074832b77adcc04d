/* test_txt: plain text into the model. */
#include "testutil.h"

static const char memo[] =
	"Till: styrelsen\n"
	"Från: sekretariatet\n"
	"Datum: 17 september 2010\n"
	"\n"
	"SEKRETARIATETS ARBETE MED AKTIVISM\n"
	"\n"
	"1.2 Bakgrund till arbetet\n"
	"\n"
	"Organisationsöversynen väckte många frågor om verksamhets-\n"
	"planen och MR-\n"
	"teamet.\n"
	"\n"
	"- Aktivism är en central del.\n"
	"- Det finns ett behov av en\n"
	"  långsiktig färdriktning.\n"
	"\n"
	"Resultat\tUtf T1\tBud T1\n"
	"Intäkter\t52 491\t56 027\n"
	"\n"
	"## Nästa sida\n"
	"\f"
	"Text på sidan två.\n";

static void structure(void **state)
{
	struct ex_error e = { 0 };
	struct doc *d = tu_read_buf(memo, sizeof(memo) - 1, &e);
	const struct doc_block *b;

	assert_non_null(d);
	assert_int_equal(d->src.format, DOC_FMT_TEXT);
	assert_int_equal(d->npages, 2);
	assert_int_equal(d->pages[1].source, DOC_SRC_TEXT);
	/* Header fields stay one block each. */
	assert_non_null(tu_find(d, DOC_BLK_PARAGRAPH, "Till: styrelsen"));
	assert_null(tu_find(d, DOC_BLK_PARAGRAPH, "styrelsen Från"));
	b = tu_find(d, DOC_BLK_HEADING, "SEKRETARIATETS");
	assert_non_null(b);
	assert_int_equal(b->level, 1);
	b = tu_find(d, DOC_BLK_HEADING, "Bakgrund");
	assert_non_null(b);
	assert_int_equal(b->level, 2);
	assert_string_equal(b->text, "1.2 Bakgrund till arbetet");
	b = tu_find(d, DOC_BLK_PARAGRAPH, "Organisations");
	assert_string_equal(b->text, "Organisationsöversynen väckte många frågor om "
				     "verksamhetsplanen och MR-teamet.");
	b = tu_find(d, DOC_BLK_LIST_ITEM, "behov");
	assert_non_null(b);
	assert_string_equal(b->text, "Det finns ett behov av en långsiktig färdriktning.");
	assert_string_equal(b->marker, "-");
	b = tu_find(d, DOC_BLK_HEADING, "Nästa sida");
	assert_non_null(b);
	assert_string_equal(b->text, "Nästa sida");
	assert_int_equal(b->level, 2);
	b = tu_find(d, DOC_BLK_PARAGRAPH, "sidan två");
	assert_int_equal(b->page, 2);
	/* Every block has a path, for provenance. */
	for (size_t i = 0; i < d->nblocks; i++)
		assert_non_null(d->blocks[i].path);
	doc_free(d);
}

static void tab_table(void **state)
{
	struct ex_error e = { 0 };
	struct doc *d = tu_read_buf(memo, sizeof(memo) - 1, &e);
	const struct doc_table *t;

	assert_int_equal(d->ntables, 1);
	t = &d->tables[0];
	assert_string_equal(t->method, "text");
	assert_int_equal(t->nrows, 2);
	assert_int_equal(t->ncols, 3);
	assert_int_equal(t->header_rows, 1);
	assert_string_equal(t->cells[4].text, "52 491");
	assert_non_null(tu_find(d, DOC_BLK_TABLE, ""));
	doc_free(d);
}

static void crlf_and_bom(void **state)
{
	static const char s[] = "\xEF\xBB\xBFRubrik\r\n\r\nEtt stycke\r\nsom fortsätter.\r\n";
	struct ex_error e = { 0 };
	struct doc *d = tu_read_buf(s, sizeof(s) - 1, &e);

	assert_non_null(d);
	assert_non_null(tu_find(d, DOC_BLK_PARAGRAPH, "Ett stycke som fortsätter."));
	doc_free(d);
}

static void table_rows_apart_and_caption(void **state)
{
	static const char s[] = "Figur 1: Hur nöjd är du?\n\nSvar\tAndel\n\nMycket nöjd\t43 %\n\n"
				"Inte nöjd\t7 %\n\nEtt stycke.\n\nA\tB\tC\n";
	struct ex_error e = { 0 };
	struct doc *d = tu_read_buf(s, sizeof(s) - 1, &e);

	assert_non_null(tu_find(d, DOC_BLK_CAPTION, "Figur 1"));
	assert_int_equal(d->ntables, 2);              /* three cells: another table */
	assert_int_equal(d->tables[0].nrows, 3);
	assert_string_equal(d->tables[0].caption, "Figur 1: Hur nöjd är du?");
	assert_null(d->tables[1].caption);
	doc_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(structure),
		cmocka_unit_test(tab_table),
		cmocka_unit_test(crlf_and_bom),
		cmocka_unit_test(table_rows_apart_and_caption),
	};

	return cmocka_run_group_tests_name("text reader", tests, NULL, NULL);
}
