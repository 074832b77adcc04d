/* test_classify: list markers, heading numbers, captions, field lines. */
#include "testutil.h"

#include "../parsers/classify.h"

static void list_markers(void **state)
{
	static const struct { const char *in; size_t len; int numbered; } rows[] = {
		{ "- Aktionerna avseende", 1, 0 },
		{ "\xE2\x80\xA2 Amnesty International", 3, 0 },  /* • */
		{ "\xE2\x80\xBA Flera AIS-rapporter", 3, 0 },     /* › */
		{ "\xE2\x80\x93 Ledarskapsprogrammet", 3, 0 },    /* – */
		{ "* stjärna", 1, 0 },
		{ "1. Öka volymen", 2, 1 },
		{ "12) Stärka stödet", 3, 1 },
		{ "a) kopplingen till", 2, 1 },
		{ "(b) att arbete", 3, 1 },
		{ "-16 % jämfört", 0, 0 },        /* a negative number */
		{ "2021-05-28 beslut", 0, 0 },     /* a date */
		{ "1.1 Amnesty Sverige", 0, 0 },   /* a goal number, not a list */
		{ "Text utan markör", 0, 0 },
		{ "-", 0, 0 },
		{ "1.", 0, 0 },
		{ "", 0, 0 },
	};

	for (size_t i = 0; i < N_ELEMS(rows); i++) {
		int numbered = -1;
		size_t got = cls_list_marker(rows[i].in, &numbered);

		if (got != rows[i].len || (got && numbered != rows[i].numbered))
			fail_msg("row %zu \"%s\": got %zu/%d, want %zu/%d", i, rows[i].in, got,
				 numbered, rows[i].len, rows[i].numbered);
	}
}

static void heading_numbers(void **state)
{
	static const struct { const char *in; size_t len; int depth; } rows[] = {
		{ "1. ÄNDAMÅL", 2, 1 },
		{ "1.1 Amnesty Sverige bidrar", 3, 2 },
		{ "2.2. Öka insamlade medel", 4, 2 },
		{ "3.4.1 Underavsnitt", 5, 3 },
		{ "Kapitel 3. Upplägg för arbetet", 10, 1 },
		{ "Kapitel 12 Avslutning", 10, 1 },
		{ "2021 var ett bra år", 0, 0 },    /* a year and lower case: prose */
		{ "52 491 kr", 0, 0 },
		{ "1.1", 0, 0 },                    /* nothing after it */
		{ "1,5 miljoner", 0, 0 },
		{ "Kapitel utan nummer", 0, 0 },
	};

	for (size_t i = 0; i < N_ELEMS(rows); i++) {
		int depth = -1;
		size_t got = cls_heading_number(rows[i].in, &depth);

		if (got != rows[i].len || depth != rows[i].depth)
			fail_msg("row %zu \"%s\": got %zu/%d, want %zu/%d", i, rows[i].in, got, depth,
				 rows[i].len, rows[i].depth);
	}
}

static void captions_fields_caps(void **state)
{
	assert_true(cls_caption("Tabell 3: Resultat (Tkr)"));
	assert_true(cls_caption("Figur 10: Hur nöjd är du"));
	assert_true(cls_caption("Diagram 2 Utfall"));
	assert_false(cls_caption("Tabellen nedan visar"));
	assert_false(cls_caption("Figur: utan nummer"));

	assert_true(cls_field_line("Till: Styrelsen"));
	assert_true(cls_field_line("Från: Sekretariatet"));
	assert_true(cls_field_line("Datum: 2021-05-28"));
	assert_true(cls_field_line("DATUM: 2 december 2019 kl 10-15"));
	assert_true(cls_field_line("Ärende: Verksamhetsplan"));
	assert_false(cls_field_line("Svaren visar följande: de flesta"));  /* too many words */
	assert_false(cls_field_line("kl. 13.00: start"));
	assert_false(cls_field_line("Till:"));
	assert_false(cls_field_line("http://example.se"));

	assert_true(cls_all_caps("TERTIALRAPPORT 2021"));
	assert_true(cls_all_caps("1. ÄNDAMÅL"));
	assert_false(cls_all_caps("Övergripande kommentarer"));
	assert_false(cls_all_caps("T1"));
	assert_true(cls_ends_sentence("slut."));
	assert_true(cls_ends_sentence("enligt nedanstående:  "));
	assert_false(cls_ends_sentence("Signifikanta resultat"));
	assert_int_equal(cls_chars("Ödmjuk"), 6);
	assert_true(cls_contents_line("Sammanfattning ..... 3"));
	assert_true(cls_contents_line("Kapitel 1. Några ord från RWI ..... 5"));
	assert_true(cls_contents_line("Figur 10: Hur nöjd är du? .....\t13"));
	assert_true(cls_contents_line("Förord \xE2\x80\xA6 3"));
	assert_false(cls_contents_line("Ökning med 3,5 procent."));
	assert_false(cls_contents_line("Tabell 3"));
	assert_false(cls_contents_line("..... 3"));
	assert_false(cls_contents_line("Sammanfattning ..... 12345"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(list_markers),
		cmocka_unit_test(heading_numbers),
		cmocka_unit_test(captions_fields_caps),
	};

	return cmocka_run_group_tests_name("classifiers", tests, NULL, NULL);
}
