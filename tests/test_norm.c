/* test_norm: Unicode normalisation and line-end hyphenation. */
#include "testutil.h"

#include "../model/norm.h"

static void normalise(void **state)
{
	static const struct { const char *in, *out; } rows[] = {
		{ "o\xCC\x88versikt", "översikt" },           /* NFD -> NFC */
		{ "A\xCC\x8A" "ngermanland", "Ångermanland" },
		{ "\xEF\xAC\x81nansiering", "finansiering" },  /* ﬁ */
		{ "\xEF\xAC\x82" "ex", "flex" },                /* ﬂ */
		{ "e\xEF\xAC\x80" "ekt", "effekt" },            /* ﬀ */
		{ "verksam\xC2\xADhets\xC2\xADplan", "verksamhetsplan" }, /* soft hyphens */
		{ "52\xC2\xA0" "491", "52\xC2\xA0" "491" },     /* NBSP kept */
		{ "18\xE2\x80\x89" "509", "18\xE2\x80\x89" "509" }, /* thin space kept */
		{ "1\xE2\x80\xAF" "000", "1\xE2\x80\xAF" "000" }, /* narrow NBSP kept */
		{ "\xE2\x88\x92" "3,5", "\xE2\x88\x92" "3,5" },  /* U+2212 kept */
		{ "rad\r\nrad", "rad\nrad" },
		{ "rad\rrad", "rad\nrad" },
		{ "a\x01" "b\x7f" "c", "abc" },               /* controls dropped */
		{ "\xEF\xBB\xBFTill", "Till" },               /* BOM dropped */
		{ "tab\there", "tab\there" },
		{ "bad \xFF byte", "bad \xEF\xBF\xBD byte" },   /* invalid -> U+FFFD */
		{ "zero\xE2\x80\x8Bwidth", "zerowidth" },
	};
	struct arena *a = arena_new(4096);

	for (size_t i = 0; i < N_ELEMS(rows); i++) {
		char *o = norm_text(a, rows[i].in, strlen(rows[i].in));

		if (strcmp(o, rows[i].out))
			fail_msg("row %zu: \"%s\" gave \"%s\", want \"%s\"", i, rows[i].in, o, rows[i].out);
	}
	arena_free(a);
}

static void hyphenation(void **state)
{
	static const struct { const char *left, *right; int want; } rows[] = {
		{ "enligt verksamhets-", "plan", 1 },
		{ "inom rättighets-", "området", 1 },
		{ "svenska sek-", "tionen", 1 },
		{ "det nya MR-", "teamet", 0 },      /* acronym keeps its hyphen */
		{ "ökat stöd till IT-", "avdelningen", 0 },
		{ "kvinno-", "och mansdominerade", 2 }, /* suspended compound */
		{ "Amnesty-", "eller", 2 },
		{ "yttrande-,", "mötes-", -1 },        /* no hyphen at the end */
		{ "mellan 2020-", "2021", 0 },          /* digits */
		{ "Amnesty Sverige-", "Sektionen", 0 }, /* capital after */
		{ "peer-to-", "peer", 0 },              /* inner hyphens */
		{ "utan bindestreck", "här", -1 },
		{ "under T1 -", "inom skolan", -1 },     /* a dash, not a hyphen */
		{ "-", "x", -1 },
	};

	for (size_t i = 0; i < N_ELEMS(rows); i++) {
		int got = norm_hyphen_join(rows[i].left, rows[i].right);

		if (got != rows[i].want)
			fail_msg("row %zu: \"%s\" + \"%s\" gave %d, want %d", i, rows[i].left,
				 rows[i].right, got, rows[i].want);
	}
}

static void join_lines(void **state)
{
	struct arena *a = arena_new(4096);
	const char *l1[] = { "Sekretariatet har tagit fram en verksamhets-", "plan för MR-",
			     "teamet och kvinno-", "och mansdominerade yrken." };
	const char *l2[] = { "", "ensam rad", NULL };

	assert_string_equal(norm_join_lines(a, l1, 4),
			    "Sekretariatet har tagit fram en verksamhetsplan för MR-teamet och "
			    "kvinno- och mansdominerade yrken.");
	assert_string_equal(norm_join_lines(a, l2, 3), "ensam rad");
	arena_free(a);
}

static void squeeze(void **state)
{
	char s[] = "  Påverkansarbetet \t och\n vårt   arbete  ";
	char t[] = "52\xC2\xA0" "491  kr";

	norm_squeeze(s);
	assert_string_equal(s, "Påverkansarbetet och vårt arbete");
	norm_squeeze(t);
	assert_string_equal(t, "52\xC2\xA0" "491 kr");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(normalise),
		cmocka_unit_test(hyphenation),
		cmocka_unit_test(join_lines),
		cmocka_unit_test(squeeze),
	};

	return cmocka_run_group_tests_name("normalisation", tests, NULL, NULL);
}
