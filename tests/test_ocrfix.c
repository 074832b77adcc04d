/* test_ocrfix: Swedish post-correction against Debian's word list. */
#include "testutil.h"

#include "../parsers/ocrfix.h"

static struct ocr_dict *dict;

static int setup(void **state)
{
	dict = ocr_dict_load("/usr/share/dict/swedish");
	return dict ? 0 : -1;
}

static int teardown(void **state)
{
	ocr_dict_free(dict);
	return 0;
}

static void words(void **state)
{
	static const struct { const char *in, *out; } rows[] = {
		/* seed 004's damage (DOMAIN.md) */
		{ "S6dra", "Södra" },
		{ "Samordningsférbundet", "Samordningsförbundet" },
		{ "&r", "är" },
		{ "mdngfald", "mångfald" },
		{ "minskliga", "mänskliga" },
		{ "rittigheter", "rättigheter" },
		{ "Overgripande", "Övergripande" },
		{ "fortsatter", "fortsätter" },
		{ "paverka", "påverka" },
		{ "Narvarande", "Närvarande" },
		{ "Ovrigt", "Övrigt" },
		/* seed 000 scanned: an accidental compound gives way to a
		 * better one; a leading 6 before letters; */
		{ "manadsgivare", "månadsgivare" },
		{ "6kning", "ökning" },
		{ "6VRIGT", "ÖVRIGT" },
		{ "spontangavor", "spontangåvor" },
		{ "engangsgivare", "engångsgivare" }, /* en|gångs|givare */
		/* left alone: known words, compounds of known words, numbers,
		 * names and words no swap makes Swedish */
		{ "mot", NULL }, { "bada", NULL }, { "Stockholm", NULL },
		{ "samverkanskulturen", NULL }, { "2019", NULL }, { "16e", NULL },
		{ "Haapala", NULL }, { "x", NULL }, { "CRM", NULL }, { "Amnesty", NULL },
		/* a compound as good either way, digits before units */
		{ "Maltal", NULL }, { "6st", NULL }, { "6kr", NULL }, { "16kg", NULL }, { "6a", NULL },
	};
	struct arena *a = arena_new(4096);

	for (size_t i = 0; i < N_ELEMS(rows); i++) {
		const char *reason = NULL;
		const char *got = ocr_fix_word(dict, a, rows[i].in, &reason);

		if (rows[i].out ? !got || strcmp(got, rows[i].out) : got != NULL)
			fail_msg("row %zu \"%s\": %s, want %s", i, rows[i].in, got ? got : "unchanged",
				 rows[i].out ? rows[i].out : "unchanged");
	}
	arena_free(a);
}

/* Words on one line of a page, through ocr_fix_page. */
static const char *fix_line(struct doc *doc, const char *const *in, size_t n, size_t at)
{
	struct doc_word *w = arena_alloc(doc->arena, sizeof(*w) * n);
	struct doc_line *l = arena_alloc(doc->arena, sizeof(*l));
	struct layout_page lp = { .page = 1, .lines = l, .nlines = 1 };

	memset(w, 0, sizeof(*w) * n);
	memset(l, 0, sizeof(*l));
	for (size_t i = 0; i < n; i++)
		w[i].text = in[i];
	l->words = w;
	l->nwords = n;
	assert_int_equal(ocr_fix_page(dict, doc, &lp), 0);
	return w[at].text;
}

static void context(void **state)
{
	static const char *const sv[] = { "Amnesty", "och", "Sverige", "for", "UNHCR", "tilldelades",
					  "i", "mars", "27,9", "miljoner", "kronor", "av", "detta", "som",
					  "vi", "har" };
	static const char *const en[] = { "Fund", "for", "the", "Future" };
	static const char *const en_sv[] = { "Amnesty", "och", "detta", "som", "vi", "har", "stöd", "från",
					     "Fund", "for", "the", "Future" };
	static const char *const ar[] = { "Detta", "ar", "bra" };
	static const char *const cap[] = { "For", "att" };
	static const char *const cap_en[] = { "For", "the", "Future" };
	static const char *const punct[] = { "spontangåvor", "(Maltal:", "x", "procent" };
	struct doc *doc = doc_new();

	/* a Swedish page: the word between two names is Swedish too */
	assert_string_equal(fix_line(doc, sv, N_ELEMS(sv), 3), "för");
	assert_int_equal(doc->ncorrections, 1);
	assert_string_equal(doc->corrections[0].reason, "context");
	assert_string_equal(doc->corrections[0].original, "for");
	/* English around it, or no Swedish page and no Swedish neighbour */
	assert_string_equal(fix_line(doc, en, N_ELEMS(en), 1), "for");
	assert_string_equal(fix_line(doc, en_sv, N_ELEMS(en_sv), 9), "for");
	/* a Swedish neighbour is enough */
	assert_string_equal(fix_line(doc, ar, N_ELEMS(ar), 1), "är");
	/* with its capital, at a sentence's start */
	assert_string_equal(fix_line(doc, cap, N_ELEMS(cap), 0), "För");
	assert_string_equal(fix_line(doc, cap_en, N_ELEMS(cap_en), 0), "For");
	assert_int_equal(doc->ncorrections, 3);
	/* inside its punctuation */
	assert_string_equal(fix_line(doc, punct, N_ELEMS(punct), 1), "(Måltal:");
	doc_free(doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(words),
		cmocka_unit_test(context),
	};

	return cmocka_run_group_tests_name("OCR post-correction", tests, setup, teardown);
}
