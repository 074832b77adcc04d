/* test_ocrfix: Swedish post-correction against Debian's word list. */
#include "testutil.h"

#include "../parsers/ocrfix.h"

static struct ocr_dict *dict;

static int setup(void **state)
{
	dict = ocr_dict_load("/usr/share/dict/swedish", "/usr/share/dict/american-english");
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
		{ "6kning", "ökning" },
		{ "6VRIGT", "ÖVRIGT" },
		{ "spontangavor", "spontangåvor" },
		{ "engangsgivare", "engångsgivare" }, /* en|gångs|givare */
		/* a compound of fewer parts; the linking form of a word in -a */
		{ "bostadsrattsyta", "bostadsrättsyta" },   /* bostads|ratt|s|yta */
		{ "Rantekanslighet", "Räntekänslighet" },   /* ränte (ränta)|känslighet */
		/* no compound starts with the area unit "ar" */
		{ "Arsavgifter", "Årsavgifter" }, { "arsredovisningen", "årsredovisningen" },
		/* a word's first letter a capital Å whose ring was read as two
		 * dots; "är" starts no compound ("Är|s|avgifter"); any other ä,
		 * and words right as read, stay */
		{ "Ärsavgifter", "Årsavgifter" }, { "Ärsstämma", "Årsstämma" }, { "ÄTGÄRDER", "ÅTGÄRDER" },
		{ "Äterbetalning", "Återbetalning" },
		{ "Är", NULL }, { "Ärligt", NULL }, { "Ärende", NULL }, { "Ängelholm", NULL },
		{ "MÄLARDALEN", NULL }, { "Mälardalen", NULL }, { "motionärens", NULL }, { "MOTIONÄRENS", NULL },
		/* a word in -e drops it before a linking s: a compound as read */
		{ "arbetsordningen", NULL }, { "samhallsfragor", "samhällsfrågor" },
		/* a compound of known words is a word: it changes only to a
		 * listed word or a compound of fewer parts */
		{ "manadsgivare", NULL }, { "förskott", NULL }, { "Elkostnad", NULL },
		/* three parts only after a two-letter prefix: no mig|ränt|arbetares */
		{ "migrantarbetares", NULL },
		/* left alone: known words, compounds of known words, numbers,
		 * names and words no swap makes Swedish */
		{ "mot", NULL }, { "bada", NULL }, { "Stockholm", NULL },
		{ "samverkanskulturen", NULL }, { "2019", NULL }, { "16e", NULL },
		{ "Haapala", NULL }, { "x", NULL }, { "CRM", NULL }, { "Amnesty", NULL },
		/* one glyph read twice, a capital beside its small letter:
		 * the capital goes when a word is left; a capital inside a
		 * word that is no doubled glyph, or whose word is none, stays */
		{ "resuLltatposter", "resultatposter" }, { "kosTtnader", "kostnader" },
		{ "ÅrsredovisNning", "Årsredovisning" },
		{ "McLlewellyn", NULL }, { "iPhone", NULL }, { "LoL", NULL }, { "vilLkor", NULL },
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

/* A word as read and as it should come out after the word before. */
struct fix_row {
	const char *in, *out;
};

/* Each row's word after before, through fix_line, as the row wants it. */
static void fix_rows(struct doc *doc, const char *before, const struct fix_row *rows, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const char *line[] = { before, rows[i].in };
		const char *got = fix_line(doc, line, 2, 1);

		if (strcmp(got, rows[i].out))
			fail_msg("row %zu: \"%s\" read \"%s\", want \"%s\"", i, rows[i].in, got, rows[i].out);
	}
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
	static const char *const per[] = { "gånger", "per", "ar", "och", "månad" };
	static const char *const cap[] = { "For", "att" };
	static const char *const cap_en[] = { "For", "the", "Future" };
	static const char *const punct[] = { "spontangåvor", "(Maltal:", "x", "procent" };
	/* a compound joined by a hyphen: its parts, each as a word */
	static const char *const joined[] = { "Om", "MR-natverket", "och", "EU-atgarder", "via", "e-post",
					      "till", "Anna-Karin", "om", "COVID-19", "i", "VGR-samordnare" };
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
	/* "ar" that counts years is "år" */
	assert_string_equal(fix_line(doc, per, N_ELEMS(per), 2), "år");
	doc->ncorrections--;
	/* with its capital, at a sentence's start */
	assert_string_equal(fix_line(doc, cap, N_ELEMS(cap), 0), "För");
	assert_string_equal(fix_line(doc, cap_en, N_ELEMS(cap_en), 0), "For");
	assert_int_equal(doc->ncorrections, 3);
	/* inside its punctuation */
	assert_string_equal(fix_line(doc, punct, N_ELEMS(punct), 1), "(Måltal:");
	size_t before = doc->ncorrections;

	assert_string_equal(fix_line(doc, joined, N_ELEMS(joined), 1), "MR-nätverket");
	assert_string_equal(doc->corrections[before].original, "MR-natverket");
	assert_string_equal(doc->corrections[before + 1].corrected, "EU-åtgärder");
	assert_int_equal(doc->ncorrections, before + 2);   /* e-post, Anna-Karin, COVID-19 stay */
	doc_free(doc);
}

/* A word's last l read as '!': "mede!" (three scans of one producer's
 * "Likvida medel") and "Kapita!" take it. Not: a word before its '!'
 * ("Hej!", "Tack!", "medel!"), letters that make no word with an l
 * ("Xyzq!"), a capital before it ("MEDE!"), a '!' inside a word. */
static void bang_for_l(void **state)
{
	static const struct fix_row rows[] = {
		{ "mede!", "medel" }, { "Kapita!", "Kapital" },
		{ "Hej!", "Hej!" }, { "Tack!", "Tack!" }, { "medel!", "medel!" }, { "Xyzq!", "Xyzq!" },
		{ "MEDE!", "MEDE!" }, { "me!de", "me!de" }, { "!", "!" },
	};
	struct doc *doc = doc_new();

	fix_rows(doc, "Likvida", rows, N_ELEMS(rows));
	assert_int_equal(doc->ncorrections, 2);
	assert_string_equal(doc->corrections[0].original, "mede!");
	assert_string_equal(doc->corrections[0].reason, "dictionary");
	doc_free(doc);
}

/* A rate's slash read as a letter: "krikvm" is kr/kvm again. */
static void rate_slash(void **state)
{
	static const struct fix_row rows[] = {
		{ "krikvm", "kr/kvm" }, { "krlkvm,", "kr/kvm," }, { "(kr1m2)", "(kr/m2)" }, { "kr|mån", "kr/mån" },
		{ "krIm²", "kr/m²" },
		{ "kr/kvm", "kr/kvm" }, { "krikvmx", "krikvmx" }, { "kritik", "kritik" }, { "kr", "kr" },
		{ "krikv", "krikv" }, { "Krikvm", "Krikvm" }, { "kraftkvm", "kraftkvm" }, { "krikvm2", "krikvm2" },
	};
	struct doc *doc = doc_new();

	(void)state;
	fix_rows(doc, "Avgift", rows, N_ELEMS(rows));
	assert_int_equal(doc->ncorrections, 5);
	assert_string_equal(doc->corrections[0].original, "krikvm");
	assert_string_equal(doc->corrections[0].reason, "dictionary");
	doc_free(doc);
}

/* Words on lines of a page (NULL between lines), through ocr_fix_page;
 * each line one below the other, at the same left edge. */
static struct doc_word *fix_lines(struct doc *doc, const char *const *in, size_t n)
{
	struct doc_word *w = arena_alloc(doc->arena, sizeof(*w) * n);
	struct doc_line *l = arena_alloc(doc->arena, sizeof(*l) * n);
	struct layout_page lp = { .page = 1, .lines = l };

	memset(w, 0, sizeof(*w) * n);
	memset(l, 0, sizeof(*l) * n);
	for (size_t i = 0; i < n; i++) {
		struct doc_line *cur = &l[lp.nlines];

		if (!in[i]) {
			lp.nlines++;
			continue;
		}
		if (!cur->words)
			cur->words = &w[i];
		cur->nwords++;
		w[i].text = in[i];
		cur->box = (struct box){ 50, 100 + 14 * (float)lp.nlines, 300, 110 + 14 * (float)lp.nlines };
	}
	lp.nlines++;
	assert_int_equal(ocr_fix_page(dict, doc, &lp), 0);
	return w;
}

/* What is around a word is evidence too: a unit after a number, a
 * name, an English run stay as read; a word broken at a line's end is
 * corrected whole and parted again. */
static void evidence(void **state)
{
	static const char *const unit[] = { "Lägenhet", "om", "1", "rok", "och", "kök" };
	static const char *const name[] = { "Ordförande", "Dennis", "Svensson" };
	static const char *const english[] = { "Amnesty", "International", "Sverige" };
	static const char *const name_inside[] = { "Mötet", "valde", "Bostadsrattsyta", "till", "ordförande" };
	static const char *const word_inside[] = { "enligt", "beslut", "i", "Overgripande", "plan" };
	static const char *const hyphen_ok[] = { "enligt", "stadgar-", NULL, "na", "ska", "styrelsen" };
	static const char *const hyphen_fix[] = { "mänskliga", "rat-", NULL, "tigheter", "och", "plikter" };
	struct doc *doc = doc_new();
	struct doc_word *w;

	assert_string_equal(fix_lines(doc, unit, N_ELEMS(unit))[3].text, "rok");
	assert_string_equal(fix_lines(doc, name, N_ELEMS(name))[1].text, "Dennis");
	assert_string_equal(fix_lines(doc, english, N_ELEMS(english))[1].text, "International");
	/* a capital inside a sentence: a listed word only, no compound */
	assert_string_equal(fix_lines(doc, name_inside, N_ELEMS(name_inside))[2].text, "Bostadsrattsyta");
	assert_string_equal(fix_lines(doc, word_inside, N_ELEMS(word_inside))[3].text, "Övergripande");
	assert_int_equal(doc->ncorrections, 1);
	w = fix_lines(doc, hyphen_ok, N_ELEMS(hyphen_ok));
	assert_string_equal(w[1].text, "stadgar-");
	assert_string_equal(w[3].text, "na");
	assert_int_equal(doc->ncorrections, 1);
	w = fix_lines(doc, hyphen_fix, N_ELEMS(hyphen_fix));
	assert_string_equal(w[1].text, "rät-");
	assert_string_equal(w[3].text, "tigheter");
	assert_int_equal(doc->ncorrections, 2);   /* the half that changed */
	assert_string_equal(doc->corrections[1].original, "rat-");
	/* on a Swedish page, "ar" between a column's words for a period */
	static const char *const year[] = { "Föreningen", "har", "en", "plan", "och", "det", "är", "bra", "att",
					    "vi", "har", "den", NULL, "Resultat", "Utf", "T1", "Fg", "ar", "T1" };
	assert_string_equal(fix_lines(doc, year, N_ELEMS(year))[17].text, "år");
	doc->ncorrections--;
	/* a statement's row on a Swedish page: "årets" with its capital;
	 * "arets" among English words stays */
	static const char *const row[] = { "Föreningen", "har", "en", "plan", "och", "det", "är", "bra", NULL,
					   "Arets", "resultat", "-102", "169", NULL, "the", "arets", "of" };
	w = fix_lines(doc, row, N_ELEMS(row));
	assert_string_equal(w[9].text, "Årets");
	assert_string_equal(w[15].text, "arets");
	doc->ncorrections--;
	/* the same words with no number, name or English around them */
	static const char *const bare[] = { "en", "rok", "Dennis", "Internationell" };
	w = fix_lines(doc, bare, N_ELEMS(bare));
	assert_string_equal(w[1].text, "rök");
	doc_free(doc);
}

/* Which words OCR read in English may be Swedish words without their
 * marks, to be read again by the Swedish model: a mark or more makes a
 * Swedish word or compound of them; not of words no mark makes Swedish. */
/* Words on one line at 10 points, each gap before a word given. */
static struct doc_line *spaced_line(struct doc *doc, const char *const *in, const float *gap, size_t n)
{
	struct doc_word *w = arena_alloc(doc->arena, sizeof(*w) * n);
	struct doc_line *l = arena_alloc(doc->arena, sizeof(*l));
	struct layout_page lp = { .page = 1, .lines = l, .nlines = 1 };
	float x = 50;

	memset(w, 0, sizeof(*w) * n);
	for (size_t i = 0; i < n; i++) {
		x += gap[i];
		w[i] = (struct doc_word){ .text = in[i], .conf = 0.9f,
					  .box = { x, 100, x + 6 * (float)strlen(in[i]), 110 } };
		x = w[i].box.x1;
	}
	*l = (struct doc_line){ .words = w, .nwords = n, .box = { 50, 100, x, 110 } };
	assert_int_equal(ocr_fix_page(dict, doc, &lp), 0);
	return l;
}

/* A word Tesseract parted at a gap narrower than a space is made one
 * when neither half is a word and the whole is (corrected if need be);
 * words as written stay apart: a wide gap, a half that is a word or a
 * word's head (written apart by its author), a name, a capital after. */
static void split_words(void **state)
{
	static const struct { const char *a, *b; float gap; const char *want; } rows[] = {
		{ "Räntekäns", "lighet,", 3, "Räntekänslighet," },
		{ "Arsredovi", "sning", 2, "Årsredovisning" },
		{ "Räntekäns", "lighet", 6, NULL },        /* a space's gap */
		{ "Räntekäns", "Lighet", 2, NULL },        /* a capital after */
		{ "Antal", "lägenheter", 2, NULL },        /* words both */
		{ "bostads", "rätt", 2, NULL },            /* särskrivning, as written */
		{ "Anna", "lindh", 2, NULL },              /* a name */
		{ "Räntekäns", "12", 2, NULL },            /* a number */
	};
	struct doc *doc = doc_new();

	for (size_t i = 0; i < N_ELEMS(rows); i++) {
		const char *in[] = { "Styrelsen", rows[i].a, rows[i].b, "ökade" };
		const float gap[] = { 0, 5, rows[i].gap, 5 };
		size_t before = doc->ncorrections;
		struct doc_line *l = spaced_line(doc, in, gap, 4);

		if (rows[i].want) {
			assert_int_equal(l->nwords, 3);
			assert_string_equal(l->words[1].text, rows[i].want);
			assert_string_equal(l->words[2].text, "ökade");
			assert_true(l->words[1].box.x1 > l->words[2].box.x0 - 6);
			assert_int_equal(doc->ncorrections, before + 1);
			assert_string_equal(doc->corrections[before].reason, "split");
			assert_non_null(strstr(doc->corrections[before].original, " "));
		} else if (l->nwords != 4) {
			fail_msg("row %zu \"%s %s\": joined as %s", i, rows[i].a, rows[i].b, l->words[1].text);
		}
	}
	doc_free(doc);
}

/* A line of a monospaced font at pitch: each word cells[i] letters wide
 * (its letters' count, or what the test says the print holds), the next
 * one space after it (or spaces[i]). */
static struct doc_line *mono_line(struct doc *doc, const char *const *in, const int *cells, const float *spaces,
				  size_t n, float pitch)
{
	struct doc_word *w = arena_alloc(doc->arena, sizeof(*w) * n);
	struct doc_line *l = arena_alloc(doc->arena, sizeof(*l));
	struct layout_page lp = { .page = 1, .lines = l, .nlines = 1 };
	float x = 60;

	for (size_t i = 0; i < n; i++) {
		/* ink: from the first letter's left to the last's right, a
		 * Courier letter's ink 0.8 of its cell */
		w[i] = (struct doc_word){ .text = in[i], .conf = 0.9f,
					  .box = { x + 0.1f * pitch, 100, x + ((float)cells[i] - 0.1f) * pitch, 110 } };
		x += ((float)cells[i] + (spaces ? spaces[i] : 1)) * pitch;
	}
	*l = (struct doc_line){ .words = w, .nwords = n, .box = { 60, 100, x, 110 } };
	assert_int_equal(ocr_fix_page(dict, doc, &lp), 0);
	return l;
}

/* A word of a monospaced line one cell narrower than the letters read
 * (a Courier 'ä' read as 'ad' or 'da') is the one word a letter left out,
 * or a pair read as one of å, ä, ö, makes; a word at its full width, a
 * word, a line whose words do not start at one pitch, and a reading
 * that two words could mend stay. */
static void pitch_words(void **state)
{
	static const struct { const char *w; int cells; float pitch; const char *want; } rows[] = {
		{ "hyresintadkter", 13, 6, "hyresintäkter" },
		{ "Ranteintdakter", 13, 6, "Ränteintäkter" },  /* then its a marked */
		{ "hyresintadkter,", 14, 6, "hyresintäkter," },
		{ "intadkter", 8, 6, NULL },                   /* "intäkter", or "intakter" (in+takter): two */
		{ "hyresintadkter", 14, 6, NULL },             /* as wide as read: no letter too many */
		{ "hyresintadkter", 12, 6, NULL },             /* two too many: no one letter */
		{ "Stadsen", 6, 6, NULL },                     /* a name-like non-word no dropped letter mends */
	};
	struct doc *doc = doc_new();

	for (size_t i = 0; i < N_ELEMS(rows); i++) {
		const char *in[] = { "Summa", "och", rows[i].w, "samt", "kostnader" };
		const int cells[] = { 5, 3, rows[i].cells, 4, 9 };
		size_t before = doc->ncorrections;
		struct doc_line *l = mono_line(doc, in, cells, NULL, 5, rows[i].pitch);

		if (rows[i].want) {
			assert_string_equal(l->words[2].text, rows[i].want);
			assert_int_equal(doc->ncorrections, before + 1);
			assert_string_equal(doc->corrections[before].reason, "pitch");
			assert_string_equal(doc->corrections[before].original, rows[i].w);
		} else if (strcmp(l->words[2].text, rows[i].w)) {
			fail_msg("row %zu \"%s\": changed to %s", i, rows[i].w, l->words[2].text);
		}
	}
	/* letters of one width, words set at uneven gaps: no one pitch */
	{
		const char *in[] = { "Summa", "och", "hyresintadkter", "samt", "kostnader" };
		const int cells[] = { 5, 3, 13, 4, 9 };
		const float spaces[] = { 1, 0.5f, 1, 2, 1 };
		struct doc_line *l = mono_line(doc, in, cells, spaces, 5, 6);

		assert_string_equal(l->words[2].text, "hyresintadkter");
	}
	doc_free(doc);
}

static void marked_variants(void **state)
{
	static const struct { const char *w; int yes; } rows[] = {
		{ "laget", 1 }, { "Rantekanslighet", 1 }, { "har", 1 }, { "Arsavgift,", 1 },
		{ "underhallsplanen", 1 }, { "och", 0 }, { "ekonomi", 0 }, { "Stockholm", 0 }, { "tkr", 0 },
	};

	for (size_t i = 0; i < N_ELEMS(rows); i++)
		if (ocr_dict_marked_variant(dict, rows[i].w) != rows[i].yes)
			fail_msg("row %zu \"%s\": want %d", i, rows[i].w, rows[i].yes);
}

/* Which second readings by the Swedish model replace a word a later
 * language read: marks put back on a word that is none (or only a
 * compound), or that make a listed word; not a compound where a listed
 * word stood. */
static void reread_takes(void **state)
{
	static const struct { const char *first, *again; int yes; } rows[] = {
		{ "Rantekanslighet", "Räntekänslighet", 1 }, { "laget", "läget", 1 }, { "Arsavgift,", "Årsavgift,", 1 },
		{ "Maluppfyllelse", "Måluppfyllelse", 1 },
		{ "fortsatt", "förtsatt", 0 }, { "och", "öch", 0 }, { "laget", "lagat", 0 }, { "laget", "laget", 0 },
	};

	for (size_t i = 0; i < N_ELEMS(rows); i++)
		if (ocr_dict_reread_takes(dict, rows[i].first, rows[i].again) != rows[i].yes)
			fail_msg("row %zu \"%s\" -> \"%s\": want %d", i, rows[i].first, rows[i].again, rows[i].yes);
}

/* The section sign read as 8 in an agenda's item lines: put back where
 * the page has two such lines, or one and a sign read right; one table
 * row of that shape stays. */
static void section_sign(void **state)
{
	static const char *const agenda[] = { "3", "8", "Val", "av", "sekreterare", NULL,
					      "8", "4", "Val", "av", "justerare" };
	static const char *const mixed[] = { "§", "3", "Val", "av", "sekreterare", NULL, "4", "8", "Val" };
	static const char *const row[] = { "8", "4", "Ökning", NULL, "Summa", "12", "16" };
	struct doc *doc = doc_new();
	struct doc_word *w;

	w = fix_lines(doc, agenda, N_ELEMS(agenda));
	assert_string_equal(w[1].text, "§");
	assert_string_equal(w[6].text, "§");
	assert_string_equal(w[7].text, "4");
	w = fix_lines(doc, mixed, N_ELEMS(mixed));
	assert_string_equal(w[7].text, "§");
	assert_int_equal(doc->ncorrections, 3);
	w = fix_lines(doc, row, N_ELEMS(row));
	assert_string_equal(w[0].text, "8");
	assert_int_equal(doc->ncorrections, 3);
	doc_free(doc);
}

struct tw {
	const char *text;
	float conf;
	unsigned flags;
};

#define ENG DOC_WORD_OTHER_LANG

/* One line of words read with their confidence and language, through
 * ocr_fix_page as page 2 of doc; word at's text after. */
static const char *fix_twins(struct doc *doc, const struct tw *in, size_t n, size_t at)
{
	struct doc_word *w = arena_alloc(doc->arena, sizeof(*w) * n);
	struct doc_line l = { .words = w, .nwords = n, .box = { 50, 100, 500, 110 } };
	struct layout_page lp = { .page = 2, .lines = &l, .nlines = 1 };

	memset(w, 0, sizeof(*w) * n);
	for (size_t i = 0; i < n; i++)
		w[i] = (struct doc_word){ .text = in[i].text, .conf = in[i].conf, .flags = in[i].flags,
					  .box = { 50 + 40 * (float)i, 100, 85 + 40 * (float)i, 110 } };
	assert_int_equal(ocr_fix_page(dict, doc, &lp), 0);
	return w[at].text;
}

#define TWINS(doc, rows, at) fix_twins((doc), (rows), sizeof(rows) / sizeof((rows)[0]), (at))

/* A name the later language read without its marks is given them where
 * the document writes it with them, read surely: "Lena Ohman väljs"
 * read in English beside "Närvarande: Lena Öhman" (reason "document"),
 * punctuation kept; the evidence may be an earlier page's (a text
 * layer's word, "Åkesson"). Not: a name the Swedish model read bare,
 * evidence read unsurely, a name the document writes bare too (read by
 * the Swedish model), two marked forms ("Hägglund", "Hågglund"), a word
 * in small letters, a listed word ("Kalla" beside "Källa"). */
static void document_names(void **state)
{
	static const struct tw yes[] = {
		{ "Närvarande:", 0.95f, 0 }, { "Lena", 0.95f, 0 }, { "Öhman,", 0.95f, 0 },
		{ "Lena", 0.9f, ENG }, { "(Ohman),", 0.9f, ENG },
	}, swedish_bare[] = {
		{ "Lena", 0.95f, 0 }, { "Öhman", 0.95f, 0 }, { "Ohman", 0.8f, 0 },
	}, unsure[] = {
		{ "Lena", 0.95f, 0 }, { "Öhman", 0.6f, 0 }, { "Ohman", 0.9f, ENG },
	}, both[] = {
		{ "Öhlin", 0.95f, 0 }, { "Ohlin", 0.95f, 0 }, { "Ohlin", 0.9f, ENG },
	}, two[] = {
		{ "Hägglund", 0.95f, 0 }, { "Hågglund", 0.95f, 0 }, { "Hagglund", 0.9f, ENG },
	}, small[] = {
		{ "Öhrling", 0.95f, 0 }, { "ohrling", 0.9f, ENG },
	}, listed[] = {
		{ "Källa", 0.95f, 0 }, { "Kalla", 0.9f, ENG },
	}, later[] = {
		{ "Till", 0.95f, 0 }, { "justerare", 0.95f, 0 }, { "valdes", 0.95f, 0 }, { "Akesson.", 0.9f, ENG },
	};
	struct doc *doc = doc_new();
	struct doc_block *b;
	static struct doc_word layer[] = { { .text = "Karin", .conf = 1 }, { .text = "Åkesson", .conf = 1 } };
	static struct doc_line line = { .words = layer, .nwords = 2 };

	assert_string_equal(TWINS(doc, yes, 4), "(Öhman),");
	assert_string_equal(doc->corrections[doc->ncorrections - 1].reason, "document");
	assert_string_equal(doc->corrections[doc->ncorrections - 1].original, "(Ohman),");
	doc_free(doc);
	doc = doc_new();
	assert_string_equal(TWINS(doc, swedish_bare, 2), "Ohman");
	assert_string_equal(TWINS(doc, unsure, 2), "Ohman");
	assert_string_equal(TWINS(doc, both, 2), "Ohlin");
	assert_string_equal(TWINS(doc, two, 2), "Hagglund");
	assert_string_equal(TWINS(doc, small, 1), "ohrling");
	assert_string_equal(TWINS(doc, listed, 1), "Kalla");
	assert_int_equal(doc->ncorrections, 0);
	assert_string_equal(TWINS(doc, later, 3), "Akesson.");
	b = doc_add_block(doc, DOC_BLK_PARAGRAPH, 1);
	assert_non_null(b);
	b->lines = &line;
	b->nlines = 1;
	assert_string_equal(TWINS(doc, later, 3), "Åkesson.");
	doc_free(doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(words),
		cmocka_unit_test(context),
		cmocka_unit_test(bang_for_l),
		cmocka_unit_test(rate_slash),
		cmocka_unit_test(reread_takes),
		cmocka_unit_test(evidence),
		cmocka_unit_test(section_sign),
		cmocka_unit_test(marked_variants),
		cmocka_unit_test(split_words),
		cmocka_unit_test(pitch_words),
		cmocka_unit_test(document_names),
	};

	return cmocka_run_group_tests_name("OCR post-correction", tests, setup, teardown);
}
