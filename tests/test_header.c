/* test_header: header fields, dates, title. */
#include "testutil.h"

#include "../patterns/pat.h"

static void dates(void **state)
{
	static const struct { const char *in, *iso; } rows[] = {
		{ "2021-05-28", "2021-05-28" },
		{ "2016\xE2\x80\x93" "05\xE2\x80\x93" "25", "2016-05-25" },  /* en dashes */
		{ "17 september 2010", "2010-09-17" },
		{ "2 december 2019 kl 10-15", "2019-12-02" },
		{ "den 9 december 2020", "2020-12-09" },
		{ "1 Januari 2021", "2021-01-01" },
		{ "2021-13-01", NULL },          /* no month 13 */
		{ "32 maj 2020", NULL },
		{ "17 septembre 2010", NULL },
		{ "2021", NULL },               /* a year is no date */
		{ "T1 2021", NULL },
		{ "1.1 Amnesty", NULL },
		{ "", NULL },
	};
	struct ex_error e = { 0 };
	struct pat_set *ps = pat_set_new(&e);

	assert_non_null(ps);
	for (size_t i = 0; i < N_ELEMS(rows); i++) {
		char iso[11] = "";
		int ok = pat_date(ps, rows[i].in, iso);

		if (rows[i].iso ? (!ok || strcmp(iso, rows[i].iso)) : ok)
			fail_msg("row %zu \"%s\": %s", i, rows[i].in, ok ? iso : "no date");
	}
	pat_set_free(ps);
}

static void fields(void **state)
{
	static const char memo[] =
		"Till: Styrelsen\nFRÅN: Sekretariatet\nDatum: 17 september 2010\n"
		"Dnr: 2021/123\nDiarienummer: 999\n\n"
		"RUBRIK\n\nEtt långt stycke brödtext som inte är något fält alls, utan en vanlig mening.\n\n"
		"Punkt: detta kommer för sent men är ändå med.\n";
	struct ex_error e = { 0 };
	struct doc *d = tu_read_buf(memo, sizeof(memo) - 1, &e);
	static const struct { const char *name, *value; } want[] = {
		{ "till", "Styrelsen" }, { "fran", "Sekretariatet" },
		{ "datum", "17 september 2010" }, { "dnr", "2021/123" },
		{ "punkt", "detta kommer för sent men är ändå med." },
	};

	assert_non_null(d);
	assert_int_equal(d->nfields, N_ELEMS(want));   /* the second dnr is not kept */
	for (size_t i = 0; i < N_ELEMS(want); i++) {
		assert_string_equal(d->fields[i].name, want[i].name);
		assert_string_equal(d->fields[i].value, want[i].value);
	}
	assert_string_equal(d->date, "2010-09-17");
	assert_string_equal(d->title, "RUBRIK");
	doc_free(d);
}

static void pdf_title_from_metadata(void **state)
{
	struct doc *d = tu_read("corpus/seed000_tertialrapport.pdf");

	assert_string_equal(d->title, "Tertialrapport T1 2021");
	assert_string_equal(d->date, "2021-05-28");
	assert_int_equal(d->nfields, 4);
	doc_free(d);
}

/* No Datum field: a date on a line of its own under the title is the
 * document's; a date inside a sentence, or far down, is not. */
static void date_under_title(void **state)
{
	static const struct { const char *text, *date; } rows[] = {
		{ "Budgetförslag för IX 2021\n\n2021-03-01\n\nInkomster\n", "2021-03-01" },
		{ "Mötesprotokoll\n\nLiTHe kod\n\n2016\u201305\u201325\n\nNärvarande: A\n", "2016-05-25" },
		{ "Inbjudan\n\nden 17 september 2010\n\nVälkommen.\n", "2010-09-17" },
		{ "Rapport\n\n2021-03-01 höll styrelsen ett möte om budgeten och lokalen.\n", NULL },
		{ "Rapport\n\nEtt\n\nTvå\n\nTre\n\nFyra\n\n2021-03-01\n", NULL },
	};

	for (size_t i = 0; i < N_ELEMS(rows); i++) {
		struct ex_error e = { 0 };
		struct doc *d = tu_read_buf(rows[i].text, strlen(rows[i].text), &e);

		assert_non_null(d);
		if (rows[i].date ? !d->date || strcmp(d->date, rows[i].date) : d->date != NULL)
			fail_msg("date row %zu: %s", i, d->date ? d->date : "none");
		doc_free(d);
	}
}

/* A title broken over lines where a word joins them; a title that ends
 * whole stays as it is. And the document types: an annual report, a
 * notice of a meeting. */
static void titles_and_types(void **state)
{
	static const struct { const char *fodt_body, *title, *type; } rows[] = {
		{ "<text:h text:outline-level=\"1\">Årsredovisning</text:h><text:h text:outline-level=\"3\">för</text:h>"
		  "<text:h text:outline-level=\"1\">Brf Doktor Lindh</text:h><text:p>Förvaltningsberättelse och "
		  "resultaträkning följer.</text:p>",
		  "Årsredovisning för Brf Doktor Lindh", "annual_report" },
		{ "<text:h text:outline-level=\"1\">Årsredovisning för</text:h><text:h text:outline-level=\"1\">Brf Ek"
		  "</text:h><text:h text:outline-level=\"2\">Balansräkning</text:h>",
		  "Årsredovisning för Brf Ek", "annual_report" },
		{ "<text:h text:outline-level=\"1\">Kallelse till föreningsstämma</text:h>"
		  "<text:h text:outline-level=\"2\">Dagordning</text:h><text:p>Varmt välkommen!</text:p>",
		  "Kallelse till föreningsstämma", "notice" },
		/* must not: a title that ends whole takes no next heading */
		{ "<text:h text:outline-level=\"1\">Verksamhetsberättelse 2021</text:h>"
		  "<text:h text:outline-level=\"2\">Styrelsen</text:h><text:p>Styrelsen har haft tio möten.</text:p>",
		  "Verksamhetsberättelse 2021", "board_report" },
	};

	for (size_t i = 0; i < N_ELEMS(rows); i++) {
		char buf[2048];
		struct ex_error e = { 0 };
		int n = snprintf(buf, sizeof(buf),
				 "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document " TU_ODF_NS
				 " office:version=\"1.2\" office:mimetype=\"application/vnd.oasis.opendocument.text\">"
				 "<office:body><office:text>%s</office:text></office:body></office:document>\n",
				 rows[i].fodt_body);
		struct doc *d = tu_read_buf(buf, (size_t)n, &e);

		assert_non_null(d);
		if (strcmp(d->title, rows[i].title) || strcmp(d->type, rows[i].type))
			fail_msg("title row %zu: \"%s\" %s", i, d->title, d->type);
		doc_free(d);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(dates),
		cmocka_unit_test(fields),
		cmocka_unit_test(pdf_title_from_metadata),
		cmocka_unit_test(date_under_title),
		cmocka_unit_test(titles_and_types),
	};

	return cmocka_run_group_tests_name("header patterns", tests, NULL, NULL);
}
