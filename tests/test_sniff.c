/* test_sniff: the format comes from the content, never the name. */
#include "testutil.h"

static void formats(void **state)
{
	static const struct { const char *in; size_t n; enum doc_format f; } rows[] = {
		{ "%PDF-1.7\n", 9, DOC_FMT_PDF },
		{ "junk before\n%PDF-1.4\n", 21, DOC_FMT_PDF },
		{ "%\xE2\xE3\xCF\xD3\n1 0 obj\n<<>>", 18, DOC_FMT_PDF },   /* header lost */
		{ "PK\x03\x04rest", 8, DOC_FMT_ODT },
		{ "<?xml version=\"1.0\"?>\n<office:document xmlns:office=\"x\">", 56, DOC_FMT_FODT },
		{ "\xEF\xBB\xBF<office:document>", 20, DOC_FMT_FODT },
		{ "<?xml version=\"1.0\"?><svg/>", 27, DOC_FMT_UNKNOWN },
		{ "<!DOCTYPE html><html>", 21, DOC_FMT_UNKNOWN },
		{ "\x89PNG\r\n\x1a\n", 8, DOC_FMT_IMAGE },
		{ "\xFF\xD8\xFF\xE0", 4, DOC_FMT_IMAGE },
		{ "II*\0", 4, DOC_FMT_IMAGE },
		{ "MM\0*", 4, DOC_FMT_IMAGE },
		{ "Till: Styrelsen\nFrån: Sekretariatet\n", 37, DOC_FMT_TEXT },
		{ "2021 års rapport", 17, DOC_FMT_TEXT },
		{ "bin\0ary", 7, DOC_FMT_UNKNOWN },
		{ "latin1 \xE5\xE4\xF6", 10, DOC_FMT_UNKNOWN },  /* not UTF-8 */
		{ "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8, DOC_FMT_UNKNOWN },
	};

	for (size_t i = 0; i < N_ELEMS(rows); i++) {
		enum doc_format f = ex_sniff((const unsigned char *)rows[i].in, rows[i].n);

		if (f != rows[i].f)
			fail_msg("row %zu: %s, want %s", i, doc_format_name(f), doc_format_name(rows[i].f));
	}
}

static void empty_and_unknown(void **state)
{
	struct ex_error e = { 0 };

	assert_null(tu_read_buf("", 0, &e));
	assert_int_equal(e.code, EX_EEMPTY);
	assert_null(tu_read_buf("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8, &e));
	assert_int_equal(e.code, EX_EFORMAT);
	assert_non_null(strstr(e.msg, "OLE2"));
	assert_null(tu_read_buf("\x89PNG\r\n\x1a\n", 8, &e));
	assert_non_null(strstr(e.msg, "PNG image cut short"));
	/* The raise site is recorded for --debug. */
	assert_non_null(e.src);
	assert_true(e.line > 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(formats),
		cmocka_unit_test(empty_and_unknown),
	};

	return cmocka_run_group_tests_name("format detection", tests, NULL, NULL);
}
