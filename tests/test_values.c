/* test_values: typed values, ratings, period and document type on the
 * seed-based corpus (ODT: exact tables and cell colours) and on text. */
#include "testutil.h"

#include <glib.h>

#include <math.h>

#include "../patterns/pat.h"

/* The value with this label, period label and measure (NULLs match any). */
static const struct doc_value *value(const struct doc *d, const char *label, const char *period,
				     const char *measure)
{
	for (size_t i = 0; i < d->nvalues; i++) {
		const struct doc_value *v = &d->values[i];

		if (v->label && !strcmp(v->label, label) &&
		    (!period || (v->period.label && !strcmp(v->period.label, period))) &&
		    (!measure || (v->measure && !strcmp(v->measure, measure))))
			return v;
	}
	return NULL;
}

static void seed000_indicators(void **state)
{
	struct doc *d = tu_read("corpus/seed000_tertialrapport.odt");
	const struct doc_value *v;

	assert_string_equal(d->type, "board_report");
	assert_string_equal(d->period.label, "T1 2021");
	assert_string_equal(d->period.end, "2021-04-30");
	/* Followers per channel: label from the row, group from the first
	 * column, period from the column header, change from "(+867)". */
	v = value(d, "Facebook", "2021-04", NULL);
	assert_non_null(v);
	assert_true(v->value == 95162);
	assert_true(v->has_change && v->change == 867);
	assert_string_equal(v->unit, "count");
	assert_string_equal(v->group, "Ökat antal följare i sociala medier (14)");
	assert_non_null(strstr(v->section, "1.5 Amnesty Sverige"));
	assert_int_equal(v->prov.row, 1);
	assert_int_equal(v->prov.col, 2);
	assert_true(v->prov.table > 0);
	assert_non_null(v->prov.path);
	v = value(d, "Instagram", "2020-12", NULL);
	assert_true(v && v->value == 25000);
	/* The Tkr table: unit from the header, measure and period from the
	 * columns, "Fg år T1" resolved to T1 2020. */
	v = value(d, "Intäkter", "T1 2021", "actual");
	assert_true(v && v->value == 52491);
	assert_string_equal(v->unit, "TSEK");
	assert_true(v->scale == 1000);
	v = value(d, "Intäkter", "T1 2021", "budget");
	assert_true(v && v->value == 56027);
	v = value(d, "Resultat", "T1 2020", "previous_year");
	assert_true(v && v->value == 4376);
	assert_string_equal(v->period.start, "2020-01-01");
	/* Money with its unit in the cell; a percentage; an empty cell is no value. */
	v = value(d, "Insamlade medel testamenten (nyckeltal 7)", "T1 2020", NULL);
	assert_true(v && v->value == 1496044 && !strcmp(v->unit, "SEK"));
	v = value(d, "Ökning intäkter från spontangåvor/engångsgåvor (Måltal: x procent ökning 2021)",
		  "T1 2021", NULL);
	assert_true(v && v->value == -16 && !strcmp(v->unit, "percent"));
	assert_null(value(d, "Ökning intäkter från spontangåvor/engångsgåvor (Måltal: x procent ökning 2021)",
			  "T1 2020", NULL));
	/* Prose: counted nouns and money. */
	v = value(d, "underskrifter", NULL, NULL);
	assert_true(v && v->value == 2500 && !strcmp(v->method, "prose"));
	assert_non_null(strstr(v->context, "2500 underskrifter"));
	v = value(d, "fall", NULL, NULL);
	assert_true(v && v->value == 31);
	/* No goal number, year or date became a value. */
	for (size_t i = 0; i < d->nvalues; i++) {
		double x = d->values[i].value;

		assert_false(x == 2021 || x == 2020 || x == 1.1 || x == 1.5 || x == 2.2);
	}
	doc_free(d);
}

static void seed000_ratings(void **state)
{
	struct doc *d = tu_read("corpus/seed000_tertialrapport.odt");
	static const struct { const char *goal, *dim, *colour; } want[] = {
		{ "1.1", "genomforande", "green" }, { "1.1", "effekt", "yellow" },
		{ "1.5", "genomforande", "yellow" }, { "1.5", "effekt", "green" },
		{ "2.2", "genomforande", "red" }, { "2.2", "effekt", "yellow" },
	};

	/* The legend table (GRÖN/GUL/RÖD with text) rates no goal. */
	assert_int_equal(d->nratings, N_ELEMS(want));
	for (size_t i = 0; i < N_ELEMS(want); i++) {
		assert_string_equal(d->ratings[i].goal, want[i].goal);
		assert_string_equal(d->ratings[i].dimension, want[i].dim);
		assert_string_equal(d->ratings[i].colour, want[i].colour);
		assert_non_null(strstr(d->ratings[i].evidence, "cell_background #"));
	}
	assert_non_null(strstr(d->ratings[0].title, "yttrande-, mötes- och föreningsfrihet"));
	doc_free(d);
}

static void ratings_from_words_and_none_invented(void **state)
{
	static const char s[] =
		"1. ÄNDAMÅL\n\n1.1 Yttrandefrihet\n\nGENOMFÖRANDE: GRÖN\n\nEFFEKT: RÖD\n\n"
		"1.2 Jämlikhet\n\nGENOMFÖRANDE\n\nEFFEKT\n";
	struct ex_error e = { 0 };
	struct doc *d = tu_read_buf(s, sizeof(s) - 1, &e);

	assert_int_equal(d->nratings, 2);
	assert_string_equal(d->ratings[0].goal, "1.1");
	assert_string_equal(d->ratings[0].colour, "green");
	assert_string_equal(d->ratings[1].dimension, "effekt");
	assert_string_equal(d->ratings[1].colour, "red");
	doc_free(d);
}

static void colour_names(void **state)
{
	static const struct { uint32_t rgb; const char *name; } rows[] = {
		{ 0x00b050, "green" }, { 0x92d050, "green" }, { 0x00ff00, "green" }, { 0x339933, "green" },
		{ 0xffc000, "yellow" }, { 0xffff00, "yellow" }, { 0xffd966, "yellow" },
		{ 0xff0000, "red" }, { 0xc00000, "red" }, { 0xe06666, "red" },
		{ 0xffffff, NULL }, { 0xf2f2f2, NULL }, { 0x808080, NULL }, { 0x000000, NULL },
		{ 0x0070c0, NULL }, { 0xdeeaf6, NULL },
	};

	for (size_t i = 0; i < N_ELEMS(rows); i++) {
		const char *n = pat_colour_name(rows[i].rgb);

		if (rows[i].name ? !n || strcmp(n, rows[i].name) : n != NULL)
			fail_msg("colour row %zu #%06x: %s", i, (unsigned)rows[i].rgb, n ? n : "none");
	}
}

static void document_types(void **state)
{
	static const struct { const char *path, *type; } rows[] = {
		{ "corpus/seed000_tertialrapport.odt", "board_report" },
		{ "corpus/seed001_memo.odt", "memo" },
		{ "corpus/seed002_rapport.odt", "report" },
		{ "corpus/seed003_utvardering.odt", "evaluation" },
		{ "corpus/seed004_protokoll.odt", "protocol" },
		{ "corpus/seed000_tertialrapport.pdf", "board_report" },
		{ "corpus/seed004_protokoll.pdf", "protocol" },
		{ "corpus/long_verksamhetsberattelse.pdf", "board_report" },
	};

	for (size_t i = 0; i < N_ELEMS(rows); i++) {
		struct doc *d = tu_read(rows[i].path);

		if (strcmp(d->type, rows[i].type))
			fail_msg("%s: %s, want %s", rows[i].path, d->type, rows[i].type);
		assert_true(d->ntype_evidence > 0);
		doc_free(d);
	}
}

static void seed004_protocol(void **state)
{
	static const char *const files[] = { "corpus/seed004_protokoll.odt", "corpus/seed004_protokoll.pdf" };

	for (size_t f = 0; f < N_ELEMS(files); f++) {
		struct doc *d = tu_read(files[f]);
		const struct doc_protocol *p = &d->protocol;
		const struct doc_agenda_item *it;

		assert_true(p->present);
		assert_string_equal(p->date, "2019-12-02");
		assert_string_equal(p->time, "10-15");
		assert_string_equal(p->place, "Samordningsförbundet Stockholm Stad");
		assert_int_equal(p->npeople, 4);
		assert_string_equal(p->people[0].name, "Jonas Wells");
		assert_string_equal(p->people[0].role, "verksamhetsledare Indikatorerna");
		assert_string_equal(p->people[0].organisation, "SF Södra Dalarna");
		assert_string_equal(p->people[2].organisation, "SF Gävleborg");
		assert_null(p->people[2].role);
		assert_string_equal(p->people[3].status, "present");
		assert_string_equal(p->secretary, "Elin Asplund");
		assert_int_equal(p->nadjusters, 1);
		assert_string_equal(p->adjusters[0], "Per Lundgren");
		assert_int_equal(p->nitems, 5);
		assert_true(p->items[2].noted);
		it = &p->items[3];
		assert_string_equal(it->number, "§ 4");
		assert_int_equal(it->ndecisions, 1);
		assert_non_null(strstr(it->decisions[0].text, "beslutar att föreslå NNS styrelse"));
		assert_int_equal(it->nassignments, 1);
		assert_string_equal(it->assignments[0].who, "En arbetsgrupp");
		assert_string_equal(it->assignments[0].task, "skriva ett förslag på förklarande text");
		assert_string_equal(p->next_meeting, "2020-02-04");
		doc_free(d);
	}
}

static void seed003_survey(void **state)
{
	static const char *const files[] = { "corpus/seed003_utvardering.odt", "corpus/seed003_utvardering.pdf" };
	static const int answers[10] = { 4, 4, 4, 3, 4, 3, 4, 3, 3, 3 };

	for (size_t f = 0; f < N_ELEMS(files); f++) {
		struct doc *d = tu_read(files[f]);
		const struct doc_survey *s = &d->survey;

		assert_true(s->present);
		assert_true(s->population == 39 && s->responses == 14 && s->rate == 36);
		assert_int_equal(d->nwarnings, 0);            /* 14 of 39 is 35.9 %: consistent */
		/* The ten figure questions, each with its answers, also where
		 * the PDF's table runs over a page break. */
		assert_int_equal(s->nfigures, 10);
		for (int k = 0; k < 10; k++) {
			char label[24];

			snprintf(label, sizeof(label), "Figur %d", k + 1);
			assert_string_equal(s->figures[k].label, label);
			if ((int)s->figures[k].nanswers != answers[k])
				fail_msg("%s %s: %zu answers, want %d", files[f], label, s->figures[k].nanswers,
					 answers[k]);
		}
		assert_non_null(strstr(s->figures[0].question, "implementera handlingsplanen"));
		assert_string_equal(s->figures[0].answers[1].answer, "Ganska bra");
		assert_true(s->figures[0].answers[1].percent == 57);
		assert_true(s->figures[5].answers[0].percent == 57);   /* "Drygt hälften (57 %)" */
		doc_free(d);
	}
}

static void seed002_publisher_contents_notes(void **state)
{
	static const char *const files[] = { "corpus/seed002_rapport.odt", "corpus/seed002_rapport.pdf" };

	for (size_t f = 0; f < N_ELEMS(files); f++) {
		struct doc *d = tu_read(files[f]);

		assert_string_equal(d->type, "report");
		assert_string_equal(d->title,
				    "Förstärkt styrning och uppföljning av mänskliga rättigheter i sex kommuner");
		assert_string_equal(d->organisation, "Sveriges Kommuner och Regioner");
		assert_int_equal(d->year, 2023);
		assert_int_equal(d->ncontents, 4);
		assert_string_equal(d->contents[1].title, "Kapitel 2. Om nätverket");
		assert_int_equal(d->contents[3].page, 8);
		assert_non_null(tu_find(d, DOC_BLK_FOOTNOTE, "Bland annat följeforskning"));
		assert_non_null(tu_find(d, DOC_BLK_FOOTNOTE, "Deltagarna utsågs"));
		doc_free(d);
	}
}

static void survey_mismatch_warns(void **state)
{
	static const char t[] =
		"UTVÄRDERING AV NÄTVERKET\n\nAv de 40 som enkäten gick ut till, valde 10 personer att "
		"svara, vilket ger en svarsfrekvens på 60 %.\n\nSvaren visar på en nöjdhetsskala från 7-1 "
		"att de flesta är nöjda.\n";
	struct ex_error e = { 0 };
	struct doc *d = tu_read_buf(t, sizeof(t) - 1, &e);

	assert_string_equal(d->type, "evaluation");
	assert_int_equal(d->nwarnings, 1);
	assert_string_equal(d->warnings[0].code, "survey_mismatch");
	assert_int_equal(d->survey.nscales, 1);
	assert_string_equal(d->survey.scales[0], "7-1");
	doc_free(d);
}

/* A multi-year overview and a statement as accounts print them, in flat
 * ODT: a title row over a row of years, units at the end of the labels
 * ("Tkr", ", %", "kr/kvm", a label per m²) before the table's "Belopp i
 * kr", a "Not" column, dates over two header rows, and a document that
 * says its amounts are in kronor. */
static const char accounts[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<office:document " TU_ODF_NS " office:version=\"1.2\" "
	"office:mimetype=\"application/vnd.oasis.opendocument.text\"><office:body><office:text>"
	"<text:p>Alla belopp redovisas i kronor om inget annat anges.</text:p>"
	"<table:table table:name=\"F\"><table:table-column table:number-columns-repeated=\"3\"/>"
	"<table:table-row><table:table-cell><text:p>Flerårsöversikt</text:p></table:table-cell><table:table-cell/>"
	"<table:table-cell><text:p>Belopp i kr</text:p></table:table-cell></table:table-row>"
	"<table:table-row><table:table-cell/><table:table-cell><text:p>2022</text:p></table:table-cell>"
	"<table:table-cell><text:p>2021</text:p></table:table-cell></table:table-row>"
	"<table:table-row><table:table-cell><text:p>Nettoomsättning Tkr</text:p></table:table-cell>"
	"<table:table-cell><text:p>3 561</text:p></table:table-cell><table:table-cell><text:p>3 402</text:p></table:table-cell></table:table-row>"
	"<table:table-row><table:table-cell><text:p>Soliditet, %</text:p></table:table-cell>"
	"<table:table-cell><text:p>75</text:p></table:table-cell><table:table-cell><text:p>74</text:p></table:table-cell></table:table-row>"
	"<table:table-row><table:table-cell><text:p>Årsavgift kr/kvm</text:p></table:table-cell>"
	"<table:table-cell><text:p>498</text:p></table:table-cell><table:table-cell><text:p>476</text:p></table:table-cell></table:table-row>"
	"<table:table-row><table:table-cell><text:p>Skuldsättning per kvm</text:p></table:table-cell>"
	"<table:table-cell><text:p>10 558</text:p></table:table-cell><table:table-cell><text:p>10 601</text:p></table:table-cell></table:table-row>"
	"<table:table-row><table:table-cell><text:p>Antal lägenheter</text:p></table:table-cell>"
	"<table:table-cell><text:p>24</text:p></table:table-cell><table:table-cell><text:p>24</text:p></table:table-cell></table:table-row>"
	"</table:table>"
	"<table:table table:name=\"R\"><table:table-column table:number-columns-repeated=\"4\"/>"
	"<table:table-row><table:table-cell><text:p>Resultaträkning</text:p></table:table-cell>"
	"<table:table-cell><text:p>Not</text:p></table:table-cell><table:table-cell><text:p>2022-01-01-</text:p></table:table-cell>"
	"<table:table-cell><text:p>2021-01-01-</text:p></table:table-cell></table:table-row>"
	"<table:table-row><table:table-cell/><table:table-cell/><table:table-cell><text:p>2022-12-31</text:p></table:table-cell>"
	"<table:table-cell><text:p>2021-12-31</text:p></table:table-cell></table:table-row>"
	"<table:table-row><table:table-cell><text:p>Driftskostnader</text:p></table:table-cell>"
	"<table:table-cell><text:p>2</text:p></table:table-cell><table:table-cell><text:p>-2 324 392</text:p></table:table-cell>"
	"<table:table-cell><text:p>-2 101 000</text:p></table:table-cell></table:table-row>"
	"</table:table>"
	"</office:text></office:body></office:document>\n";

static void accounts_units_periods_notes(void **state)
{
	struct ex_error e = { 0 };
	struct doc *d = tu_read_buf(accounts, sizeof(accounts) - 1, &e);
	const struct doc_value *v;

	assert_non_null(d);
	v = value(d, "Nettoomsättning", "2022", NULL);   /* the unit leaves the label */
	assert_true(v && v->value == 3561 && !strcmp(v->unit, "TSEK") && v->scale == 1000);
	v = value(d, "Soliditet", "2021", NULL);         /* the label's % before the table's kr */
	assert_true(v && v->value == 74 && !strcmp(v->unit, "percent"));
	v = value(d, "Årsavgift", "2022", NULL);
	assert_true(v && !strcmp(v->unit, "SEK/m2"));
	v = value(d, "Skuldsättning per kvm", "2022", NULL);   /* kr from the table, per m² from the label */
	assert_true(v && v->value == 10558 && !strcmp(v->unit, "SEK/m2"));
	v = value(d, "Antal lägenheter", "2022", NULL);  /* counted, not kronor */
	assert_true(v && !strcmp(v->unit, "count"));
	/* the years are headings, not values */
	assert_null(value(d, "", NULL, NULL));
	for (size_t i = 0; i < d->nvalues; i++)
		assert_false(d->values[i].value == 2022 || d->values[i].value == 2021);
	/* dates over two rows; the note column is the row's note */
	v = value(d, "Driftskostnader", "2022", NULL);
	assert_true(v && v->value == -2324392 && v->note == 2);
	assert_string_equal(v->period.start, "2022-01-01");
	assert_string_equal(v->unit, "SEK");   /* the document's kronor */
	v = value(d, "Driftskostnader", "2021", NULL);
	assert_true(v && v->value == -2101000);
	for (size_t i = 0; i < d->nvalues; i++)
		assert_false(d->values[i].value == 2 && !strcmp(d->values[i].label, "Driftskostnader"));
	doc_free(d);
}

/* A statement whose notes column OCR headed "Nol" (its t read as l): the
 * column holds note numbers only, so it is the notes column, and its
 * numbers are the rows' notes, no values. Not: a column so headed that
 * holds an amount, or a note of 100 or more; nor "Nod" or "Mot". */
#define NOTE_ROW(label, note, a) \
	"<table:table-row><table:table-cell><text:p>" label "</text:p></table:table-cell>" \
	"<table:table-cell>" note "</table:table-cell><table:table-cell><text:p>" a "</text:p></table:table-cell>" \
	"<table:table-cell><text:p>1 000</text:p></table:table-cell></table:table-row>"
#define NOTE_TABLE(head, n1, n2) \
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document " TU_ODF_NS " office:version=\"1.2\" " \
	"office:mimetype=\"application/vnd.oasis.opendocument.text\"><office:body><office:text>" \
	"<table:table table:name=\"R\"><table:table-column table:number-columns-repeated=\"4\"/>" \
	"<table:table-row><table:table-cell><text:p>Belopp i kr</text:p></table:table-cell>" \
	"<table:table-cell><text:p>" head "</text:p></table:table-cell><table:table-cell><text:p>2022</text:p></table:table-cell>" \
	"<table:table-cell><text:p>2021</text:p></table:table-cell></table:table-row>" \
	NOTE_ROW("Driftskostnader", n1, "-2 324 392") NOTE_ROW("Kortfristiga skulder", "", "9 439") \
	NOTE_ROW("Summa eget kapital", n2, "32 467") \
	"</table:table></office:text></office:body></office:document>\n"

static void note_column_misread(void **state)
{
	static const char *const yes[] = {
		NOTE_TABLE("Nol", "<text:p>3</text:p>", "<text:p>4</text:p>"),
		NOTE_TABLE("N0t", "<text:p>3</text:p>", ""),
		NOTE_TABLE("Not", "<text:p>3</text:p>", "<text:p>4</text:p>"),
	}, *const no[] = {
		NOTE_TABLE("Nol", "<text:p>3</text:p>", "<text:p>1 986</text:p>"),
		NOTE_TABLE("Nol", "<text:p>3</text:p>", "<text:p>120</text:p>"),
		NOTE_TABLE("Nod", "<text:p>3</text:p>", "<text:p>4</text:p>"),
		NOTE_TABLE("Mot", "<text:p>3</text:p>", "<text:p>4</text:p>"),
	};

	(void)state;
	for (size_t i = 0; i < N_ELEMS(yes) + N_ELEMS(no); i++) {
		const char *x = i < N_ELEMS(yes) ? yes[i] : no[i - N_ELEMS(yes)];
		struct ex_error e = { 0 };
		struct doc *d = tu_read_buf(x, strlen(x), &e);
		const struct doc_value *v;
		int noted = 0, as_value = 0;

		assert_non_null(d);
		v = value(d, "Driftskostnader", "2022", NULL);
		assert_true(v && v->value == -2324392);
		noted = v->note == 3;
		for (size_t k = 0; k < d->nvalues; k++)
			as_value |= d->values[k].value == 3 && !strcmp(d->values[k].label, "Driftskostnader");
		if (i < N_ELEMS(yes) && (!noted || as_value))
			fail_msg("row %zu: the notes column not taken (note %d)", i, v->note);
		if (i >= N_ELEMS(yes) && noted)
			fail_msg("row %zu: taken as the notes column", i);
		doc_free(d);
	}
}

/* A budget: its title names the measure and the period of columns that
 * say neither; spreadsheet decimals. A report's title names none. */
static void budget_by_title(void **state)
{
	static const char *const doc[] = {
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document " TU_ODF_NS " office:version=\"1.2\" "
		"office:mimetype=\"application/vnd.oasis.opendocument.text\"><office:body><office:text>"
		"<text:h text:outline-level=\"1\">%s</text:h>"
		"<table:table table:name=\"B\"><table:table-column table:number-columns-repeated=\"2\"/>"
		"<table:table-row><table:table-cell><text:p>Domän</text:p></table:table-cell>"
		"<table:table-cell><text:p>150.00</text:p></table:table-cell></table:table-row>"
		"<table:table-row><table:table-cell><text:p>Ingående balans</text:p></table:table-cell>"
		"<table:table-cell><text:p>45389.01</text:p></table:table-cell></table:table-row>"
		"</table:table></office:text></office:body></office:document>\n",
	};
	static const struct { const char *title, *measure, *period; } rows[] = {
		{ "Budgetförslag för IX 2021", "budget", "2021" },
		{ "Verksamhetsberättelse 2021", NULL, NULL },
	};

	for (size_t i = 0; i < N_ELEMS(rows); i++) {
		char buf[2048];
		struct ex_error e = { 0 };
		int n = snprintf(buf, sizeof(buf), doc[0], rows[i].title);
		struct doc *d = tu_read_buf(buf, (size_t)n, &e);
		const struct doc_value *v;

		assert_non_null(d);
		v = value(d, "Ingående balans", NULL, NULL);
		assert_true(v && fabs(v->value - 45389.01) < 1e-9);
		v = value(d, "Domän", NULL, NULL);
		assert_true(v && v->value == 150);
		if (rows[i].measure) {
			assert_string_equal(v->measure, rows[i].measure);
			assert_string_equal(v->period.label, rows[i].period);
		} else {
			assert_null(v->measure);
			assert_null(v->period.label);
		}
		doc_free(d);
	}
}

/* Minutes as people write them: the date under the title, a numbered
 * "Närvarande:" item, functionaries chosen with the role first, one
 * decision a sentence (elections apart), an association's chair who is
 * not the meeting's, and sentences that decide nothing. */
static const char minutes[] =
	"Protokoll styrelsemöte\n\n2021\u201303\u201304\n\n"
	"1. Närvarande: Anna Berg, Per Ek, Eva Lind, Olof Strand\n\n"
	"2. Mötets öppnande\nOrdföranden öppnade mötet.\n\n"
	"3. Val av mötesfunktionärer\na. Mötesordförande Mötet nominerar och väljer Anna Berg.\n"
	"b. Mötessekreterare Mötet nominerar och väljer Per Ek.\n"
	"c. Justeringsperson Mötet nominerar och väljer Eva Lind.\n\n"
	"4. Fastställande av dagordning\nMötet godkänner dagordningen. Röstlängden fastställs till 12.\n\n"
	"5. Val av ordförande för 2022\nMötet beslutar att välja Olof Strand till ordförande för 2022.\n\n"
	"6. Övrigt\nStyrelsen diskuterade lokalen. Kassören redovisade läget.\n\n"
	"7. Fastställande av röstlängd Röstlängden fastställs till 9.\n\n"
	"8. Mötets avslutande\n";

static void minutes_as_written(void **state)
{
	static const struct { const char *number, *text, *kind; } want[] = {
		{ "3", "Mötesordförande Mötet nominerar och väljer Anna Berg.", "election" },
		{ "3", "Mötessekreterare Mötet nominerar och väljer Per Ek.", "election" },
		{ "3", "Justeringsperson Mötet nominerar och väljer Eva Lind.", "election" },
		{ "4", "Mötet godkänner dagordningen.", "decision" },
		{ "4", "Röstlängden fastställs till 12.", "decision" },
		{ "5", "Mötet beslutar att välja Olof Strand till ordförande för 2022.", "election" },
		/* number, title and text in one line: the decision from its subject */
		{ "7", "Röstlängden fastställs till 9.", "decision" },
	};
	struct ex_error e = { 0 };
	struct doc *d = tu_read_buf(minutes, sizeof(minutes) - 1, &e);
	const struct doc_protocol *p;
	size_t n = 0;

	assert_non_null(d);
	p = &d->protocol;
	assert_string_equal(d->type, "protocol");
	assert_string_equal(p->date, "2021-03-04");
	assert_string_equal(p->chair, "Anna Berg");   /* not Olof Strand, the association's */
	assert_string_equal(p->secretary, "Per Ek");
	assert_int_equal(p->nadjusters, 1);
	assert_string_equal(p->adjusters[0], "Eva Lind");
	assert_int_equal(p->npeople, 4);
	assert_string_equal(p->people[3].name, "Olof Strand");
	assert_string_equal(p->people[3].status, "present");
	assert_int_equal(p->nitems, 8);   /* a. b. c. are no items */
	for (size_t i = 0; i < p->nitems; i++)
		for (size_t k = 0; k < p->items[i].ndecisions; k++, n++) {
			assert_true(n < N_ELEMS(want));
			assert_string_equal(p->items[i].number, want[n].number);
			assert_string_equal(p->items[i].decisions[k].text, want[n].text);
			assert_string_equal(p->items[i].decisions[k].kind, want[n].kind);
		}
	assert_int_equal(n, N_ELEMS(want));   /* "diskuterade", "redovisade" decide nothing */
	doc_free(d);
}

/* An item number alone on its line, its title on the next (LaTeX and
 * org-mode exports), and "Till justerare valdes", "Ordförande: X". */
static void minutes_number_apart(void **state)
{
	static const char text[] =
		"Konstituerande styrelsemöte\n\n2018-05-07\n\nOrdförande: Elis Holm\n\n1\n\nMötets öppning\n\n"
		"Mötet öppnades 19:10.\n\n2\n\nVal av justerare\n\nTill justerare valdes Erik Wall.\n\n"
		"3\n\nBudget\n\nBudgeten fastställdes.\n";
	struct ex_error e = { 0 };
	struct doc *d = tu_read_buf(text, sizeof(text) - 1, &e);
	const struct doc_protocol *p;

	assert_non_null(d);
	p = &d->protocol;
	assert_string_equal(p->date, "2018-05-07");
	assert_string_equal(p->chair, "Elis Holm");
	assert_int_equal(p->nadjusters, 1);
	assert_string_equal(p->adjusters[0], "Erik Wall");
	assert_int_equal(p->nitems, 3);
	assert_string_equal(p->items[1].number, "2");
	assert_string_equal(p->items[1].title, "Val av justerare");
	assert_int_equal(p->items[2].ndecisions, 1);
	assert_string_equal(p->items[2].decisions[0].text, "Budgeten fastställdes.");
	doc_free(d);
}

/* Headings that are no agenda items: a date under the title, a
 * sub-section number alone, and what follows a signature heading. */
static void minutes_headings(void **state)
{
	static const char doc[] =
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document " TU_ODF_NS " office:version=\"1.2\" "
		"office:mimetype=\"application/vnd.oasis.opendocument.text\"><office:body><office:text>"
		"<text:h text:outline-level=\"1\">Protokoll styrelsemöte</text:h>"
		"<text:h text:outline-level=\"2\">2018-05-07</text:h>"
		"<text:h text:outline-level=\"2\">1 Mötets öppning</text:h><text:p>Mötet öppnades.</text:p>"
		"<text:h text:outline-level=\"2\">2 Val av firmatecknare</text:h>"
		"<text:p>Anna Berg och Per Ek valdes att var för sig teckna föreningens firma.</text:p>"
		"<text:h text:outline-level=\"2\">3 Signaturer</text:h>"
		"<text:h text:outline-level=\"3\">3.1</text:h><text:h text:outline-level=\"3\">Sekreterare</text:h>"
		"<text:h text:outline-level=\"3\">Justerare</text:h>"
		"</office:text></office:body></office:document>\n";
	struct ex_error e = { 0 };
	struct doc *d = tu_read_buf(doc, sizeof(doc) - 1, &e);
	const struct doc_protocol *p;

	assert_non_null(d);
	p = &d->protocol;
	assert_string_equal(d->type, "protocol");
	assert_string_equal(p->date, "2018-05-07");
	assert_int_equal(p->nitems, 3);
	assert_string_equal(p->items[2].title, "Signaturer");
	assert_int_equal(p->items[1].ndecisions, 1);
	assert_string_equal(p->items[1].decisions[0].kind, "election");
	doc_free(d);
}

/* Response figures as survey reports phrase them; a sentence with a
 * share of something else is no response rate. */
static void survey_phrasings(void **state)
{
	static const struct { const char *sentence; double pop, resp, rate; } rows[] = {
		{ "Rapporten bygger på svar från 10 vårdnadshavare av 23 vilket ger en svarsfrekvens om 43 %.", 23, 10,
		  43 },
		{ "Totalt 14 av 39 svarade (36 %).", 39, 14, 36 },
		{ "Av de 40 som enkäten gick ut till svarade 10 personer, vilket ger en svarsfrekvens på 25 %.", 40, 10,
		  25 },
		{ "Svarsfrekvensen blev 71 procent.", -1, -1, 71 },
		{ "Enkäten skickades till 646 medlemmar och 320 svarade, en svarsfrekvens på 50 procent.", 646, 320, 50 },
		{ "Svarsfrekvensen blev 70 % (84 av 120).", 120, 84, 70 },
		{ "84 av 120 tillfrågade besvarade enkäten (70 %).", 120, 84, 70 },
		{ "Totalt inkom 84 svar av 120 möjliga, vilket motsvarar en svarsfrekvens om 70,0 %.", 120, 84, 70 },
		{ "Antal tillfrågade: 120\n\nAntal svar: 84\n\nSvarsfrekvens: 70 %", 120, 84, 70 },
		/* must not: no response rate in it */
		{ "3 av 4 förskolor har fått nya lokaler, 75 % av dem i centrum.", -1, -1, -1 },
		{ "Enkäten skickades till 23 vårdnadshavare.", -1, -1, -1 },
		{ "Antal tillfrågade: 120\n\nAntal svar: 84", -1, -1, -1 },
		{ "Av de 40 lägenheterna har 12 fått nya fönster. Svarsfrekvensen blev 50 %.", -1, -1, 50 },
	};

	for (size_t i = 0; i < N_ELEMS(rows); i++) {
		char t[512];
		struct ex_error e = { 0 };
		int n = snprintf(t, sizeof(t), "UTVÄRDERING AV ENKÄTEN\n\n%s\n", rows[i].sentence);
		struct doc *d = tu_read_buf(t, (size_t)n, &e);

		assert_non_null(d);
		if (d->survey.population != rows[i].pop || d->survey.responses != rows[i].resp ||
		    d->survey.rate != rows[i].rate)
			fail_msg("survey row %zu: %g %g %g", i, d->survey.population, d->survey.responses, d->survey.rate);
		doc_free(d);
	}
}

/* A survey report known by its title and its counts ("Enkätrapport",
 * "tillfrågade", "besvarade"), with no "svarsfrekvens"; minutes that
 * speak of a survey once stay minutes. */
static void survey_type(void **state)
{
	static const char survey[] = "Enkätrapport: boendemiljön 2025\n\nBrf Lärkträdet\n\nOm enkäten\n\n"
				     "21 av 73 tillfrågade besvarade enkäten (28,8 %).\n";
	static const char minutes[] = "Protokoll styrelsemöte 2023-03-01\n\n§ 1 Mötets öppnande\n\n"
				      "Mötet öppnades.\n\n§ 2 Medlemsenkät\n\nEnkäten besvarades av 40 medlemmar.\n\n"
				      "Justerare: Karin Sten\n";
	struct ex_error e = { 0 };
	struct doc *d = tu_read_buf(survey, sizeof(survey) - 1, &e);

	assert_non_null(d);
	assert_string_equal(d->type, "evaluation");
	assert_true(d->survey.population == 73 && d->survey.responses == 21 && d->survey.rate == 28.8);
	doc_free(d);
	d = tu_read_buf(minutes, sizeof(minutes) - 1, &e);
	assert_non_null(d);
	assert_string_equal(d->type, "protocol");
	doc_free(d);
}

/* What a phrasing row asks of the document. */
enum construct {
	K_CHAIR, K_SECRETARY, K_ADJUSTERS, K_DATE, K_OPENED, K_CLOSED, K_DECISIONS, K_ELECTIONS, K_PRESENT,
	K_ABSENT, K_ITEMS, K_ASSIGNEE, K_RESERVED, K_CONFLICT, K_TYPE, K_NDATE, K_NTIME, K_NPLACE, K_NAGENDA,
	K_DEPUTY, K_STAFF, K_POSTAL, K_RATE, K_POP, K_RESP, K_NEXT,
};

/* The construct's reading as text (counts as numbers, names joined by
 * "; "), or NULL where none was read. */
static const char *construct_text(const struct doc *d, enum construct k, char *buf, size_t n)
{
	const struct doc_protocol *p = &d->protocol;
	size_t c = 0;

	buf[0] = '\0';
	switch (k) {
	case K_CHAIR: return p->chair;
	case K_SECRETARY: return p->secretary;
	case K_DATE: return p->date;
	case K_OPENED: return p->opened;
	case K_CLOSED: return p->closed;
	case K_TYPE: return d->type;
	case K_NDATE: return d->notice.date;
	case K_NTIME: return d->notice.time;
	case K_NPLACE: return d->notice.place;
	case K_NAGENDA: snprintf(buf, n, "%zu", d->notice.nagenda); return buf;
	case K_POSTAL: snprintf(buf, n, "%d", d->notice.postal_vote); return buf;
	case K_NEXT: return p->next_meeting;
	case K_RATE:
	case K_POP:
	case K_RESP: {
		double v = k == K_RATE ? d->survey.rate : k == K_POP ? d->survey.population : d->survey.responses;

		if (v < 0)
			return NULL;
		snprintf(buf, n, "%g", v);
		return buf;
	}
	case K_ITEMS: snprintf(buf, n, "%zu", p->nitems); return buf;
	case K_ADJUSTERS:
		for (size_t i = 0; i < p->nadjusters; i++)
			g_strlcat(buf, i ? "; " : "", n), g_strlcat(buf, p->adjusters[i], n);
		return p->nadjusters ? buf : NULL;
	case K_PRESENT:
	case K_ABSENT:
	case K_DEPUTY:
	case K_STAFF:
		for (size_t i = 0; i < p->npeople; i++)
			if (!strcmp(p->people[i].status, k == K_PRESENT ? "present" : k == K_ABSENT ? "absent" :
							 k == K_DEPUTY ? "deputy" : "staff"))
				g_strlcat(buf, c++ ? "; " : "", n), g_strlcat(buf, p->people[i].name, n);
		return c ? buf : NULL;
	case K_DECISIONS:
	case K_ELECTIONS:
		for (size_t i = 0; i < p->nitems; i++)
			for (size_t j = 0; j < p->items[i].ndecisions; j++)
				c += !strcmp(p->items[i].decisions[j].kind, k == K_ELECTIONS ? "election" : "decision");
		snprintf(buf, n, "%zu", c);
		return buf;
	case K_ASSIGNEE:
	case K_RESERVED:
	case K_CONFLICT:
		for (size_t i = 0; i < p->nitems; i++) {
			const struct doc_agenda_item *it = &p->items[i];

			if (k == K_ASSIGNEE && it->nassignments)
				return it->assignments[0].who;
			if (k == K_RESERVED && it->nreservations)
				return it->reservations[0].who;
			if (k == K_CONFLICT && it->nconflicts)
				return it->conflicts[0].who;
		}
		return NULL;
	}
	return NULL;
}

#define MINUTES "Protokoll styrelsemöte\n\nDatum: 2023-03-01\n\n"
#define ITEM1 "§ 1 Mötets öppnande\n\nMötet öppnades.\n\n"

/* Phrasings of minutes and notices as people write them, each row one
 * construct read from a short document: what must be read, and (want
 * NULL, or a count of 0) what must not. */
static void meeting_phrasings(void **state)
{
	static const struct { enum construct k; const char *text, *want; } rows[] = {
		/* functionaries */
		{ K_SECRETARY, MINUTES ITEM1 "§ 2 Val av sekreterare\n\nAnna Berg väljs till sekreterare och Per Ek till justerare.\n",
		  "Anna Berg" },
		{ K_ADJUSTERS, MINUTES ITEM1 "§ 2 Val av sekreterare\n\nAnna Berg väljs till sekreterare och Per Ek till justerare.\n",
		  "Per Ek" },
		{ K_SECRETARY, MINUTES ITEM1 "§ 2 Val av mötessekreterare\n\nMötet nominerar och väljer Eva Lind.\n", "Eva Lind" },
		{ K_CHAIR, MINUTES ITEM1 "§ 2 Val av mötesordförande\n\nMötet nominerar och väljer Olof Strand.\n", "Olof Strand" },
		{ K_CHAIR, MINUTES ITEM1 "§ 2 Val av ordförande\n\nTill ordförande valdes Karin Sten.\n", "Karin Sten" },
		{ K_CHAIR, "Protokoll styrelsemöte\n\nOrdförande: Lena Holm\n\n" ITEM1, "Lena Holm" },
		{ K_CHAIR, "Protokoll årsmöte\n\nMötesordförande: Johan Ek\n\n" ITEM1, "Johan Ek" },
		{ K_ADJUSTERS, MINUTES "Justerare: Sara Blom och Omar Haddad\n\n" ITEM1, "Sara Blom; Omar Haddad" },
		{ K_ADJUSTERS, MINUTES ITEM1 "§ 2 Val av justeringsperson\n\nTill justeringsperson valdes Maria Öhman.\n",
		  "Maria Öhman" },
		{ K_ADJUSTERS, MINUTES ITEM1 "§ 2 Val av justerare\n\nTill justerare valdes Åsa Nyberg och Erik Wallin.\n",
		  "Åsa Nyberg; Erik Wallin" },
		{ K_SECRETARY, MINUTES "Sekreterare: Hassan Rahimi\n\n" ITEM1, "Hassan Rahimi" },
		{ K_SECRETARY, MINUTES "Protokollförare: Linnea Ekdahl\n\n" ITEM1, "Linnea Ekdahl" },
		/* must not: the association's chair in a sentence, a role without a name */
		{ K_CHAIR, MINUTES ITEM1 "§ 2 Information\n\nFöreningens ordförande berättade om året.\n", NULL },
		{ K_CHAIR, MINUTES ITEM1 "§ 2 Val av ordförande\n\nFrågan bordlades till nästa möte.\n", NULL },
		{ K_SECRETARY, MINUTES ITEM1 "§ 2 Övrigt\n\nSekreteraren skickar ut kallelsen.\n", NULL },
		{ K_ADJUSTERS, MINUTES ITEM1 "§ 2 Övrigt\n\nJusterarna påminns om att justera protokollet i tid.\n", NULL },
		/* attendees */
		{ K_PRESENT, MINUTES "Närvarande: Anna Berg, Per Ek, Eva Lind\n\n" ITEM1, "Anna Berg; Per Ek; Eva Lind" },
		{ K_PRESENT, MINUTES "Närvarande:\n\nAnna Berg, ordförande\n\nPer Ek, kassör\n\n" ITEM1, "Anna Berg; Per Ek" },
		{ K_PRESENT, MINUTES "Närvarande:\n\nAnna Berg (ordförande)\n\nPer Ek (ledamot)\n\n" ITEM1, "Anna Berg; Per Ek" },
		{ K_ABSENT, MINUTES "Närvarande: Anna Berg, Per Ek\n\nFrånvarande: Eva Lind\n\n" ITEM1, "Eva Lind" },
		{ K_ABSENT, MINUTES "Närvarande: Anna Berg, Per Ek\n\nAnmält förhinder: Olof Strand\n\n" ITEM1, "Olof Strand" },
		{ K_PRESENT, MINUTES "Närvarande ledamöter: Anna Berg, Per Ek\n\n" ITEM1, "Anna Berg; Per Ek" },
		/* must not: names in prose, a thanks, a list of candidates */
		{ K_PRESENT, MINUTES ITEM1 "§ 2 Information\n\nAnna Berg och Per Ek redogjorde för läget.\n", NULL },
		{ K_PRESENT, MINUTES ITEM1 "§ 2 Avtackning\n\nStyrelsen tackade Eva Lind för hennes arbete.\n", NULL },
		{ K_ABSENT, MINUTES "Närvarande: Anna Berg, Per Ek\n\n" ITEM1, NULL },
		/* items */
		{ K_ITEMS, MINUTES "§ 1 Mötets öppnande\n\nÖppnat.\n\n§ 2 Budget\n\nBudgeten godkändes.\n\n§ 3 Mötets avslutande\n\nAvslutat.\n",
		  "3" },
		{ K_ITEMS, MINUTES "§1 Mötets öppnande\n\nÖppnat.\n\n§2 Budget\n\nBudgeten godkändes.\n", "2" },
		{ K_ITEMS, MINUTES "1 § Mötets öppnande\n\nÖppnat.\n\n2 § Budget\n\nBudgeten godkändes.\n", "2" },
		{ K_ITEMS, MINUTES "1. Mötets öppnande\nÖppnat.\n\n2. Budget\nBudgeten godkändes.\n", "2" },
		{ K_ITEMS, MINUTES "1\n\nMötets öppnande\n\nÖppnat.\n\n2\n\nBudget\n\nBudgeten godkändes.\n", "2" },
		/* must not: numbered lines in an item's text are no items of their own */
		{ K_ITEMS, MINUTES "§ 1 Mötets öppnande\n\nÖppnat.\n\n§ 2 Budget\n\nBudgeten har 3 delar och 2 bilagor.\n", "2" },
		/* decisions */
		{ K_DECISIONS, MINUTES ITEM1 "§ 2 Budget\n\nBESLUT: Att anta budgeten.\n", "1" },
		{ K_DECISIONS, MINUTES ITEM1 "§ 2 Budget\n\nMötet beslutar att anta budgeten.\n", "1" },
		{ K_DECISIONS, MINUTES ITEM1 "§ 2 Budget\n\nStyrelsen beslutade att anta budgeten.\n", "1" },
		{ K_DECISIONS, MINUTES ITEM1 "§ 2 Budget\n\nDet beslutades att anta budgeten.\n", "1" },
		{ K_DECISIONS, MINUTES ITEM1 "§ 2 Budget\n\nBudgeten antas. Det beslöts att skicka den till kommunen.\n", "2" },
		{ K_DECISIONS, MINUTES ITEM1 "§ 2 Dagordning\n\nMötet godkänner dagordningen.\n", "1" },
		{ K_DECISIONS, MINUTES ITEM1 "§ 2 Röstlängd\n\nRöstlängden fastställs till 14.\n", "1" },
		{ K_DECISIONS, MINUTES ITEM1 "§ 2 Motion\n\nMötet röstar att avslå motionen.\n", "1" },
		{ K_ELECTIONS, MINUTES ITEM1 "§ 2 Val\n\nMötet väljer Anna Berg till kassör.\n", "1" },
		{ K_ASSIGNEE, MINUTES ITEM1 "§ 2 Lokal\n\nPer Ek får i uppdrag att boka lokalen.\n", "Per Ek" },
		{ K_ASSIGNEE, MINUTES ITEM1 "§ 2 Lokal\n\nStyrelsen uppdrar åt Eva Lind att boka lokalen.\n", "Eva Lind" },
		{ K_RESERVED, MINUTES ITEM1 "§ 2 Budget\n\nMötet beslutar att anta budgeten. Olof Strand reserverade sig mot beslutet.\n",
		  "Olof Strand" },
		{ K_CONFLICT, MINUTES ITEM1 "§ 2 Avtal\n\nKarin Sten anmälde jäv och deltog inte i beslutet.\n", "Karin Sten" },
		/* must not: discussion, a report, an intention decide nothing */
		{ K_DECISIONS, MINUTES ITEM1 "§ 2 Budget\n\nMötet diskuterade budgeten.\n", "0" },
		{ K_DECISIONS, MINUTES ITEM1 "§ 2 Ekonomi\n\nKassören redovisade det ekonomiska läget.\n", "0" },
		{ K_DECISIONS, MINUTES ITEM1 "§ 2 Budget\n\nStyrelsen avser att besluta om budgeten i maj.\n", "0" },
		{ K_ELECTIONS, MINUTES ITEM1 "§ 2 Budget\n\nMötet beslutar att anta budgeten.\n", "0" },
		{ K_ASSIGNEE, MINUTES ITEM1 "§ 2 Lokal\n\nLokalen bokas av kansliet.\n", NULL },
		{ K_RESERVED, MINUTES ITEM1 "§ 2 Lokal\n\nPer Ek reserverade lokalen till mötet.\n", NULL },
		/* dates and times */
		{ K_DATE, "Protokoll styrelsemöte 2016–05–25\n\n" ITEM1, "2016-05-25" },
		{ K_DATE, "Protokoll vårmöte (2018-05-29)\n\n" ITEM1, "2018-05-29" },
		{ K_DATE, "Protokoll styrelsemöte\n\n6 dec 2020\n\n" ITEM1, "2020-12-06" },
		{ K_DATE, "Protokoll styrelsemöte den 12 oktober 2023\n\n" ITEM1, "2023-10-12" },
		{ K_OPENED, MINUTES "Tid: 18.00–20.30\n\n" ITEM1, "18:00" },
		{ K_CLOSED, MINUTES "Tid: 18.00–20.30\n\n" ITEM1, "20:30" },
		{ K_OPENED, MINUTES "§ 1 Mötets öppnande\n\nOrdföranden öppnade mötet kl. 18.05.\n", "18:05" },
		{ K_OPENED, MINUTES "§ 1 Mötets öppnande 12:16\n\nÖppnat.\n", "12:16" },
		{ K_CLOSED, MINUTES ITEM1 "§ 2 Mötets avslutande\n\nMötet avslutas 17:55.\n", "17:55" },
		/* must not: a door that opens, a time of another thing */
		{ K_OPENED, MINUTES ITEM1 "§ 2 Lokal\n\nLokalen öppnas kl. 17.00 för uppdukning.\n", NULL },
		{ K_CLOSED, MINUTES ITEM1 "§ 2 Övrigt\n\nKansliet stänger kl 16 på fredagar.\n", NULL },
		/* a name is no field */
		{ K_TYPE, MINUTES ITEM1 "§ 2 Presentation\n\nFrans presenterar sig.\n", "protocol" },
		/* notices */
		{ K_TYPE, "Kallelse till årsmöte\n\nTid: 12 maj 2024 kl. 19.00\n\nDagordning\n\n1. Mötets öppnande\n\n"
		  "2. Val av justerare\n", "notice" },
		{ K_TYPE, "Välkommen till årsstämma 2024!\n\nStämman hålls den 12 maj kl. 18.00.\n\nFöredragningslista\n\n"
		  "1. Stämmans öppnande\n", "notice" },
		{ K_TYPE, "Inbjudan till medlemsmöte\n\nVi träffas den 3 mars kl 18.\n", "notice" },
		{ K_TYPE, "Årsmöte 2024\n\nStyrelsen kallar härmed till årsmöte den 12 maj 2024 kl. 19.00.\n", "notice" },
		{ K_NDATE, "Kallelse till årsmöte\n\nTid: torsdagen den 23 maj 2024 kl. 19.00\n", "2024-05-23" },
		{ K_NTIME, "Kallelse till årsmöte\n\nTid: torsdagen den 23 maj 2024 klockan 18.30\n", "18:30" },
		{ K_NTIME, "Kallelse till årsmöte\n\nNär: 23 maj 2024, 18:30\n", "18:30" },
		{ K_NTIME, "Kallelse till årsmöte\n\nTid: 23 maj 2024 kl 18-20.30\n", "18:00" },
		{ K_NPLACE, "Kallelse till årsmöte\n\nPlats: Föreningslokalen\n", "Föreningslokalen" },
		{ K_NPLACE, "Kallelse till årsmöte\n\nLokal: Stora salen\n", "Stora salen" },
		{ K_NPLACE, "Kallelse till årsmöte\n\nVar: Folkets hus\n", "Folkets hus" },
		{ K_NPLACE, "Kallelse till årsmöte\n\nÅrsmötet äger rum den 3 mars kl. 18 i Bygdegården, Byvägen 2.\n",
		  "Bygdegården, Byvägen 2" },
		{ K_NAGENDA, "Kallelse till årsmöte\n\nFörslag till dagordning\n\n1. Mötets öppnande\n\n2. Val av ordförande\n\n"
		  "3. Mötets avslutande\n\nVälkomna!\n", "3" },
		/* must not: a notice is no protocol on one cue, no place in "i år" */
		{ K_TYPE, "Kallelse till årsmöte\n\nDagordning\n\n1. Mötets öppnande\n\n2. Val av justerare\n", "notice" },
		{ K_NPLACE, "Kallelse till årsmöte\n\nMötet hålls i år den 3 mars kl. 18.\n", NULL },
		{ K_NPLACE, "Kallelse till årsmöte\n\nVar och en tar med sig kaffe.\n", NULL },
		{ K_NTIME, "Kallelse till årsmöte\n\nDatum: 2024-05-23\n", NULL },
		{ K_NAGENDA, "Kallelse till årsmöte\n\nVälkomna den 3 mars.\n", "0" },
		/* more who: deputies, staff, the next meeting */
		{ K_DEPUTY, MINUTES "Närvarande: Anna Berg, Per Ek\n\nErsättare: Eva Lind\n\n" ITEM1, "Eva Lind" },
		{ K_STAFF, MINUTES "Närvarande: Anna Berg\n\nTjänstemän: Olof Strand\n\n" ITEM1, "Olof Strand" },
		{ K_NEXT, MINUTES ITEM1 "§ 2 Nästa möte\n\nNästa möte hålls den 12 april 2023.\n", "2023-04-12" },
		{ K_DEPUTY, MINUTES "Närvarande: Anna Berg, Per Ek\n\n" ITEM1 "§ 2 Val\n\nTill ersättare valdes Eva Lind.\n",
		  NULL },
		{ K_STAFF, MINUTES "Närvarande: Anna Berg, Per Ek\n\n" ITEM1, NULL },
		{ K_NEXT, MINUTES ITEM1 "§ 2 Övrigt\n\nBudgeten gäller till den 31 december 2023.\n", NULL },
		/* more must not: a vote count is no list of people, a number in a
		 * title no item, a quoted decision of another body none of ours */
		{ K_PRESENT, MINUTES ITEM1 "§ 2 Omröstning\n\nFör förslaget röstade 12, emot 3.\n", NULL },
		{ K_ITEMS, MINUTES "§ 1 Mötets öppnande\n\nÖppnat.\n\n§ 2 Budget 2024\n\nBudgeten godkändes.\n", "2" },
		{ K_DECISIONS, MINUTES ITEM1 "§ 2 Information\n\nKommunen har beslutat att höja hyran.\n", "0" },
		{ K_DECISIONS, MINUTES ITEM1 "§ 2 Information\n\nFrågan om beslut tas upp på nästa möte.\n", "0" },
		{ K_ELECTIONS, MINUTES ITEM1 "§ 2 Information\n\nValberedningen arbetar med förslag till nya ledamöter.\n",
		  "0" },
		{ K_CHAIR, MINUTES ITEM1 "§ 2 Information\n\nOrdföranden Anna Berg informerade om läget.\n", NULL },
		{ K_CONFLICT, MINUTES ITEM1 "§ 2 Avtal\n\nIngen anmälde jäv.\n", NULL },
		{ K_RESERVED, MINUTES ITEM1 "§ 2 Budget\n\nMötet beslutar att anta budgeten. Ingen reserverade sig.\n", NULL },
		{ K_ASSIGNEE, MINUTES ITEM1 "§ 2 Information\n\nUppdraget att boka lokal är slutfört.\n", NULL },
		{ K_OPENED, MINUTES ITEM1 "§ 2 Lokal\n\nNya lokalen öppnades i maj 2022.\n", NULL },
		{ K_DATE, "Protokoll styrelsemöte\n\n" ITEM1 "§ 2 Budget\n\nBudgeten för 2024 godkändes.\n", NULL },
		/* notices: postal votes, and what is none */
		{ K_POSTAL, "Kallelse till årsmöte\n\nPoströstning är tillåten.\n", "1" },
		{ K_POSTAL, "Kallelse till årsmöte\n\nMedlem som inte kan närvara kan poströsta.\n", "1" },
		{ K_POSTAL, "Kallelse till årsmöte\n\nMedlem får företrädas av ombud med fullmakt.\n", "0" },
		{ K_NTIME, "Kallelse till årsmöte\n\nTid: 12 maj 2024 kl. 19.00\n\nFika serveras 1:a timmen.\n", "19:00" },
		{ K_NDATE, "Kallelse till årsmöte\n\nÅrsmötet hålls den 12 maj 2024 kl. 19.00.\n\n"
		  "Anmälan senast den 2 maj 2024.\n", "2024-05-12" },
		{ K_TYPE, "Protokoll årsmöte 2024\n\nKallelse till årsmötet hade skickats ut i tid.\n\n" ITEM1, "protocol" },
		{ K_TYPE, "Verksamhetsberättelse 2023\n\nStyrelsen har haft tio möten. Årsmötet hölls i mars.\n",
		  "board_report" },
		/* signatures: names under "Vid protokollet" and "Justeras" */
		{ K_SECRETARY, MINUTES ITEM1 "Vid protokollet\n\nAnna Berg\n", "Anna Berg" },
		{ K_SECRETARY, MINUTES ITEM1 "Vid protokollet: Anna Berg\n", "Anna Berg" },
		{ K_ADJUSTERS, MINUTES ITEM1 "Justeras\n\nPer Ek\n\nEva Lind\n", "Per Ek; Eva Lind" },
		{ K_CHAIR, MINUTES ITEM1 "Justeras\n\nPer Ek, ordförande\n\nEva Lind, justerare\n", "Per Ek" },
		{ K_ADJUSTERS, MINUTES ITEM1 "Justeras\n\nPer Ek, ordförande\n\nEva Lind, justerare\n", "Eva Lind" },
		{ K_ADJUSTERS, "Protokoll styrelsemöte\n\nOrdförande: Per Ek\n\n" ITEM1 "Justeras\n\nPer Ek\n\nEva Lind\n",
		  "Eva Lind" },
		{ K_ADJUSTERS, MINUTES ITEM1 "Justeras\n\nProtokollet justeras senast fredag.\n", NULL },
		{ K_SECRETARY, MINUTES ITEM1 "Vid protokollet\n\nsekreteraren för dagen\n", NULL },
		/* a municipal board's minutes */
		{ K_PRESENT, "Protokoll Kultur- och fritidsnämnden\n\nSammanträdesdatum 2023-05-10\n\n"
		  "Beslutande: Anna Berg, Per Ek\n\n" ITEM1, "Anna Berg; Per Ek" },
		{ K_ADJUSTERS, "Protokoll Kultur- och fritidsnämnden\n\nSammanträdesdatum 2023-05-10\n\n"
		  "Utses att justera: Eva Lind\n\n" ITEM1, "Eva Lind" },
		{ K_ADJUSTERS, "Protokoll Kultur- och fritidsnämnden\n\nJusteringens plats och tid: Stadshuset 2023-05-15\n\n"
		  ITEM1, NULL },
		{ K_PRESENT, "Protokoll Kultur- och fritidsnämnden\n\nProtokollet omfattar §§ 12–24\n\n" ITEM1, NULL },
		{ K_PRESENT, "Protokoll Kultur- och fritidsnämnden\n\nExpedieras: Ekonomiavdelningen\n\n" ITEM1, NULL },
		{ K_CHAIR, MINUTES ITEM1 "§ 2 Val av ordförande för föreningen\n\nValberedningen föreslår Anna Berg.\n", NULL },
		{ K_SECRETARY, MINUTES ITEM1 "§ 2 Övrigt\n\nSekreterare sökes till hösten.\n", NULL },
		/* surveys */
		{ K_RATE, "Medlemsenkät 2024\n\nSvarsfrekvensen blev 62 procent.\n", "62" },
		{ K_RATE, "Medlemsenkät 2024\n\nSvarsfrekvens: 36,4 %\n", "36.4" },
		{ K_POP, "Medlemsenkät 2024\n\nEnkäten skickades till 120 medlemmar och 84 svarade, en svarsfrekvens på "
		  "70 %.\n", "120" },
		{ K_RESP, "Medlemsenkät 2024\n\nTotalt inkom 84 svar, en svarsfrekvens på 70 %.\n", "84" },
		{ K_RATE, "Medlemsenkät 2024\n\nAndelen nöjda medlemmar är 70 %.\n", NULL },
		{ K_POP, "Medlemsenkät 2024\n\nFöreningen har 120 medlemmar. Svarsfrekvensen blev 70 %.\n", NULL },
		{ K_RESP, "Medlemsenkät 2024\n\nFrågan har 5 svarsalternativ. Svarsfrekvensen blev 70 %.\n", NULL },
		{ K_RATE, "Protokoll styrelsemöte\n\n" ITEM1 "§ 2 Enkät\n\nSvarsfrekvensen blev 70 %.\n", NULL },
	};
	char buf[256];
	size_t bad = 0, must_not = 0;

	for (size_t i = 0; i < N_ELEMS(rows); i++) {
		struct ex_error e = { 0 };
		struct doc *d = tu_read_buf(rows[i].text, strlen(rows[i].text), &e);
		const char *got;

		assert_non_null(d);
		got = construct_text(d, rows[i].k, buf, sizeof(buf));
		must_not += !rows[i].want || !strcmp(rows[i].want, "0");
		if (rows[i].want ? !got || strcmp(got, rows[i].want) : got != NULL) {
			print_message("row %zu (construct %d): read '%s', want '%s'\n", i, (int)rows[i].k,
				      got ? got : "(none)", rows[i].want ? rows[i].want : "(none)");
			bad++;
		}
		doc_free(d);
	}
	assert_int_equal(bad, 0);
	assert_true(must_not * 5 >= N_ELEMS(rows));   /* a fair share of rows that must not match */
}

/* Labels of quantities in prose: in a list the words since its last
 * comma ("ganska nöjd 30 %", "och vet ej 25 %"), a noun before a verb
 * of change ("Svarsfrekvensen blev 70 %"); inside a sentence the word
 * before, never the words from the sentence's start ("Under året
 * deltog 40 % i ..."). */
static void prose_labels(void **state)
{
	static const char text[] = "Rapport 2024\n\nMycket nöjd 45 %, ganska nöjd 30 % och vet ej 25 %.\n\n"
				   "Svarsfrekvensen blev 70 %.\n\nUnder året deltog 40 % i någon aktivitet.\n";
	static const struct { double value; const char *label; } want[] = {
		{ 45, "Mycket nöjd" }, { 30, "ganska nöjd" }, { 25, "vet ej" }, { 70, "Svarsfrekvensen" },
		{ 40, NULL },   /* any but the sentence's start */
	};
	struct ex_error e = { 0 };
	struct doc *d = tu_read_buf(text, sizeof(text) - 1, &e);

	assert_non_null(d);
	assert_int_equal(d->nvalues, N_ELEMS(want));
	for (size_t i = 0; i < N_ELEMS(want); i++) {
		assert_true(d->values[i].value == want[i].value);
		if (!want[i].label) {
			assert_true(!d->values[i].label || !strstr(d->values[i].label, "Under"));
			continue;
		}
		assert_non_null(d->values[i].label);
		if (strcmp(d->values[i].label, want[i].label))
			fail_msg("value %g: label '%s', want '%s'", want[i].value, d->values[i].label, want[i].label);
	}
	doc_free(d);
}

/* A figure's answers in its text, each with its label; percentages
 * without one are kept alone. */
static void survey_text_answers(void **state)
{
	static const char text[] = "UTVÄRDERING AV ENKÄTEN\n\nFigur 1: Hur nöjd är du?\n\n"
				   "Mycket nöjd 45 %, ganska nöjd 30% och vet ej 25 procent.\n\n"
				   "Figur 2: Andel som deltog\n\nUnder året deltog 40 % i någon aktivitet, 35 % i flera.\n";
	static const struct { const char *answer; double pct; } want[] = {
		{ "Mycket nöjd", 45 }, { "ganska nöjd", 30 }, { "vet ej", 25 },
	};
	struct ex_error e = { 0 };
	struct doc *d = tu_read_buf(text, sizeof(text) - 1, &e);
	const struct doc_figure *f;

	assert_non_null(d);
	assert_int_equal(d->survey.nfigures, 2);
	f = &d->survey.figures[0];
	assert_int_equal(f->nanswers, N_ELEMS(want));
	for (size_t i = 0; i < N_ELEMS(want); i++) {
		assert_string_equal(f->answers[i].answer, want[i].answer);
		assert_true(f->answers[i].percent == want[i].pct);
	}
	/* "deltog 40 %" is a share in a sentence, no answer: kept alone */
	f = &d->survey.figures[1];
	assert_int_equal(f->nanswers, 2);
	assert_null(f->answers[0].answer);
	doc_free(d);
	/* the answers are the first paragraph of them: a comment after them,
	 * with a share of its own, is none */
	{
		static const char t[] = "UTVÄRDERING AV ENKÄTEN\n\nFigur 1: Har du deltagit?\n\nJa 60 %, nej 40 %.\n\n"
					"Andelen som svarade ja har ökat från 45 % året innan.\n";

		d = tu_read_buf(t, sizeof(t) - 1, &e);
		assert_non_null(d);
		assert_int_equal(d->survey.nfigures, 1);
		assert_int_equal(d->survey.figures[0].nanswers, 2);
		doc_free(d);
	}
}

/* Ratings in other shapes: a colour word inflected ("grönt", "Röda"),
 * a coloured cell that holds only a no-break space; a cell with other
 * words ("grön mark") rates nothing. */
static void ratings_other_shapes(void **state)
{
	static const char doc[] =
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document " TU_ODF_NS " office:version=\"1.2\" "
		"office:mimetype=\"application/vnd.oasis.opendocument.text\">"
		"<office:automatic-styles><style:style style:name=\"R\" style:family=\"table-cell\">"
		"<style:table-cell-properties fo:background-color=\"#ff0000\"/></style:style></office:automatic-styles>"
		"<office:body><office:text>"
		"<text:h text:outline-level=\"1\">1. ÄNDAMÅL</text:h><text:h text:outline-level=\"2\">1.1 Yttrandefrihet</text:h>"
		"<table:table table:name=\"A\"><table:table-column table:number-columns-repeated=\"2\"/>"
		"<table:table-row><table:table-cell><text:p>GENOMFÖRANDE</text:p></table:table-cell>"
		"<table:table-cell><text:p>EFFEKT</text:p></table:table-cell></table:table-row>"
		"<table:table-row><table:table-cell><text:p>grönt</text:p></table:table-cell>"
		"<table:table-cell table:style-name=\"R\"><text:p>\u00a0</text:p></table:table-cell></table:table-row>"
		"</table:table>"
		"<text:h text:outline-level=\"2\">1.2 Jämlikhet</text:h>"
		"<table:table table:name=\"B\"><table:table-column table:number-columns-repeated=\"2\"/>"
		"<table:table-row><table:table-cell><text:p>GENOMFÖRANDE</text:p></table:table-cell>"
		"<table:table-cell><text:p>EFFEKT</text:p></table:table-cell></table:table-row>"
		"<table:table-row><table:table-cell><text:p>Röda</text:p></table:table-cell>"
		"<table:table-cell><text:p>grön mark</text:p></table:table-cell></table:table-row>"
		"</table:table></office:text></office:body></office:document>\n";
	static const struct { const char *goal, *dim, *colour; } want[] = {
		{ "1.1", "genomforande", "green" }, { "1.1", "effekt", "red" }, { "1.2", "genomforande", "red" },
	};
	struct ex_error e = { 0 };
	struct doc *d = tu_read_buf(doc, sizeof(doc) - 1, &e);

	assert_non_null(d);
	assert_int_equal(d->nratings, N_ELEMS(want));
	for (size_t i = 0; i < N_ELEMS(want); i++) {
		assert_string_equal(d->ratings[i].goal, want[i].goal);
		assert_string_equal(d->ratings[i].dimension, want[i].dim);
		assert_string_equal(d->ratings[i].colour, want[i].colour);
	}
	doc_free(d);
}

/* A scan's small rating table keeps its short cell edges, read as a
 * mark before or after a cell's word ("[Grön", "(Gul", "IGENOMFÖRANDE",
 * "JEFFEKT") or as a filled cell's only word ("I"): on a page OCR read,
 * the word without that mark rates, and the filled cell by its colour;
 * a text layer's or an ODT's "(Gul" or "I" is what was printed and does
 * not. */
static void ratings_cell_edges_on_scans(void **state)
{
	static const char doc[] =
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document " TU_ODF_NS " office:version=\"1.2\" "
		"office:mimetype=\"application/vnd.oasis.opendocument.text\">"
		"<office:automatic-styles><style:style style:name=\"R\" style:family=\"table-cell\">"
		"<style:table-cell-properties fo:background-color=\"#ff0000\"/></style:style></office:automatic-styles>"
		"<office:body><office:text>"
		"<text:h text:outline-level=\"1\">4. ÄNDAMÅL</text:h><text:h text:outline-level=\"2\">4.1 Bättre stöd</text:h>"
		"<table:table table:name=\"A\"><table:table-column table:number-columns-repeated=\"2\"/>"
		"<table:table-row><table:table-cell><text:p>IGENOMFÖRANDE</text:p></table:table-cell>"
		"<table:table-cell><text:p>EFFEKT</text:p></table:table-cell></table:table-row>"
		"<table:table-row><table:table-cell><text:p>[Grön</text:p></table:table-cell>"
		"<table:table-cell><text:p>(Gul</text:p></table:table-cell></table:table-row>"
		"</table:table>"
		"<text:h text:outline-level=\"2\">4.2 Tryggare boende</text:h>"
		"<table:table table:name=\"B\"><table:table-column table:number-columns-repeated=\"2\"/>"
		"<table:table-row><table:table-cell><text:p>GENOMFÖRANDE</text:p></table:table-cell>"
		"<table:table-cell><text:p>EFFEKT</text:p></table:table-cell></table:table-row>"
		"<table:table-row><table:table-cell><text:p>(Gult läge)</text:p></table:table-cell>"
		"<table:table-cell><text:p>Grönsak</text:p></table:table-cell></table:table-row>"
		"</table:table>"
		"<text:h text:outline-level=\"2\">4.3 Fler medlemmar</text:h>"
		"<table:table table:name=\"C\"><table:table-column table:number-columns-repeated=\"2\"/>"
		"<table:table-row><table:table-cell><text:p>GENOMFÖRANDE</text:p></table:table-cell>"
		"<table:table-cell><text:p>JEFFEKT</text:p></table:table-cell></table:table-row>"
		"<table:table-row><table:table-cell table:style-name=\"R\"><text:p>Il</text:p></table:table-cell>"
		"<table:table-cell table:style-name=\"R\"><text:p>I</text:p></table:table-cell></table:table-row>"
		"</table:table></office:text></office:body></office:document>\n";
	struct ex_error e = { 0 };
	struct doc *d = tu_read_buf(doc, sizeof(doc) - 1, &e);
	struct pat_set *ps = pat_set_new(&e);

	assert_non_null(d);
	assert_non_null(ps);
	assert_int_equal(d->nratings, 0);   /* an ODT's marks are printed */
	for (size_t i = 0; i < d->npages; i++)
		d->pages[i].source = DOC_SRC_OCR;
	d->nratings = 0;
	assert_int_equal(pat_ratings(ps, d), 0);
	/* 4.1's two; 4.2's "(Gult läge)" and "Grönsak" are no colour
	 * words; 4.3's EFFEKT, red; its GENOMFÖRANDE holds two marks, "Il",
	 * more than one edge: not rated */
	assert_int_equal(d->nratings, 3);
	assert_string_equal(d->ratings[0].dimension, "genomforande");
	assert_string_equal(d->ratings[0].colour, "green");
	assert_string_equal(d->ratings[1].dimension, "effekt");
	assert_string_equal(d->ratings[1].colour, "yellow");
	assert_string_equal(d->ratings[2].goal, "4.3");
	assert_string_equal(d->ratings[2].dimension, "effekt");
	assert_string_equal(d->ratings[2].colour, "red");
	doc_free(d);
	pat_set_free(ps);
}

/* A rating cell with no colour (blank: a scan in grey keeps none; or a
 * word that names none) gives no rating and a rating_unread warning
 * naming its goal and dimension; a rated cell, and a GENOMFÖRANDE/EFFEKT
 * table under no goal, give none. */
static int unread_warnings(const struct doc *d, const char *has)
{
	int n = 0;

	for (size_t i = 0; i < d->nwarnings; i++)
		if (!strcmp(d->warnings[i].code, "rating_unread"))
			n += !has || strstr(d->warnings[i].msg, has) != NULL;
	return n;
}

static void ratings_unread_warned(void **state)
{
#define DIM_TABLE(cells) \
	"<table:table table:name=\"T\"><table:table-column table:number-columns-repeated=\"2\"/>" \
	"<table:table-row><table:table-cell><text:p>GENOMFÖRANDE</text:p></table:table-cell>" \
	"<table:table-cell><text:p>EFFEKT</text:p></table:table-cell></table:table-row>" \
	"<table:table-row>" cells "</table:table-row></table:table>"
	static const char doc[] =
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document " TU_ODF_NS " office:version=\"1.2\" "
		"office:mimetype=\"application/vnd.oasis.opendocument.text\"><office:body><office:text>"
		DIM_TABLE("<table:table-cell/><table:table-cell/>")
		"<text:h text:outline-level=\"1\">4. ÄNDAMÅL</text:h><text:h text:outline-level=\"2\">4.1 Bättre stöd</text:h>"
		DIM_TABLE("<table:table-cell/><table:table-cell><text:p>Gul</text:p></table:table-cell>")
		"<text:h text:outline-level=\"2\">4.2 Tryggare boende</text:h>"
		DIM_TABLE("<table:table-cell><text:p>Grön</text:p></table:table-cell>"
			  "<table:table-cell><text:p>Ej bedömd</text:p></table:table-cell>")
		"</office:text></office:body></office:document>\n";
#undef DIM_TABLE
	struct ex_error e = { 0 };
	struct doc *d = tu_read_buf(doc, sizeof(doc) - 1, &e);
	struct pat_set *ps = pat_set_new(&e);

	assert_non_null(d);
	assert_non_null(ps);
	assert_int_equal(d->nratings, 2);
	assert_int_equal(unread_warnings(d, NULL), 2);
	assert_int_equal(unread_warnings(d, "goal 4.1 GENOMFÖRANDE: the rating cell is blank; no rating taken"), 1);
	assert_int_equal(unread_warnings(d, "goal 4.2 EFFEKT: the rating cell holds no colour word (\"Ej bedömd\")"), 1);
	/* The same cells on a page OCR read: a blank cell may be a colour a
	 * scan in grey lost, and the warning says so. */
	for (size_t i = 0; i < d->npages; i++)
		d->pages[i].source = DOC_SRC_OCR;
	d->nratings = 0;
	d->nwarnings = 0;
	assert_int_equal(pat_ratings(ps, d), 0);
	assert_int_equal(d->nratings, 2);
	assert_int_equal(unread_warnings(d, "goal 4.1 GENOMFÖRANDE: the rating cell is blank (a scan in grey"), 1);
	assert_int_equal(unread_warnings(d, NULL), 2);
	doc_free(d);
	pat_set_free(ps);
}

/* A goal's heading as the paragraph just above its rating table (what
 * OCR gives when the scan kept no size or weight): "4.1 Bredare
 * finansiering" rates; a numbered sentence with its full stop does not,
 * nor a goal line with another paragraph between it and the table. */
static void ratings_under_goal_paragraph(void **state)
{
#define RTABLE(c) \
	"<table:table table:name=\"T\"><table:table-column table:number-columns-repeated=\"2\"/>" \
	"<table:table-row><table:table-cell><text:p>GENOMFÖRANDE</text:p></table:table-cell>" \
	"<table:table-cell><text:p>EFFEKT</text:p></table:table-cell></table:table-row>" \
	"<table:table-row><table:table-cell><text:p>" c "</text:p></table:table-cell>" \
	"<table:table-cell><text:p>Gul</text:p></table:table-cell></table:table-row></table:table>"
	static const char doc[] =
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document " TU_ODF_NS " office:version=\"1.2\" "
		"office:mimetype=\"application/vnd.oasis.opendocument.text\"><office:body><office:text>"
		"<text:p>Måluppfyllelse</text:p>"
		"<text:p>4.1 Bredare finansiering</text:p>" RTABLE("Grön")
		"<text:p>2.1 Styrelsen har beslutat att öka stödet.</text:p>" RTABLE("Röd")
		"<text:p>3.2 Fler medlemmar</text:p><text:p>Arbetet har gått bra under året.</text:p>" RTABLE("Röd")
		"</office:text></office:body></office:document>\n";
#undef RTABLE
	struct ex_error e = { 0 };
	struct doc *d = tu_read_buf(doc, sizeof(doc) - 1, &e);

	assert_non_null(d);
	assert_int_equal(d->nratings, 2);
	assert_string_equal(d->ratings[0].goal, "4.1");
	assert_string_equal(d->ratings[0].title, "Bredare finansiering");
	assert_string_equal(d->ratings[0].colour, "green");
	assert_string_equal(d->ratings[1].dimension, "effekt");
	assert_string_equal(d->ratings[1].colour, "yellow");
	doc_free(d);
}

/* Attendance sections and their statuses: present, absent, deputy,
 * staff, one name a line or a comma list. */
static void attendance_sections(void **state)
{
	static const char t[] =
		"Protokoll styrelsemöte\n\nNärvarande ledamöter: Anna Berg, Per Ek\n\n"
		"Ersättare: Eva Lind\n\nTjänstemän: Olof Strand, kanslichef\n\n"
		"Anmält förhinder: Karin Sten\n\n§ 1 Mötets öppnande\n\nMötet öppnades.\n";
	static const struct { const char *name, *status; } want[] = {
		{ "Anna Berg", "present" }, { "Per Ek", "present" }, { "Eva Lind", "deputy" },
		{ "Olof Strand", "staff" }, { "Karin Sten", "absent" },
	};
	struct ex_error e = { 0 };
	struct doc *d = tu_read_buf(t, sizeof(t) - 1, &e);
	const struct doc_protocol *p;

	assert_non_null(d);
	p = &d->protocol;
	assert_int_equal(p->npeople, N_ELEMS(want));
	for (size_t i = 0; i < N_ELEMS(want); i++) {
		assert_string_equal(p->people[i].name, want[i].name);
		assert_string_equal(p->people[i].status, want[i].status);
	}
	doc_free(d);
}

/* Attendance in tables: a table of names and roles under "Närvarande:",
 * one headed "Namn | Roll | Närvaro" with ja/nej, x and a dash; a
 * nomination committee's table of names with no attendance section and
 * no attendance column, and a table of amounts under "Närvarande:",
 * list no attendees. */
static void attendance_tables(void **state)
{
	static const char t[] =
		"Protokoll styrelsemöte\n\nNärvarande:\n\n"
		"Anna Berg\tordförande\nPer Ek\tsekreterare\nEva af Lind\tledamot\n\n"
		"§ 1 Mötets öppnande\n\nMötet öppnades.\n\n"
		"§ 2 Närvaro vid årsmötet\n\n"
		"Namn\tRoll\tNärvaro\nKarin Sten\tkassör\tja\nOla Holm\tledamot\tnej\n"
		"Lisa Ek\tersättare\tx\nBo Ström\tledamot\t-\n\n"
		"§ 3 Valberedningens förslag\n\n"
		"Namn\tUppdrag\tMandattid\nSara Nyberg\tordförande\t2 år\nJohan Alm\tledamot\t1 år\n\n"
		"§ 4 Ekonomi\n\nNärvarande:\n\nKassa\t12 000\nBank\t45 000\n";
	static const struct { const char *name, *role, *status; } want[] = {
		{ "Anna Berg", "ordförande", "present" }, { "Per Ek", "sekreterare", "present" },
		{ "Eva af Lind", "ledamot", "present" },  { "Karin Sten", "kassör", "present" },
		{ "Ola Holm", "ledamot", "absent" },      { "Lisa Ek", "ersättare", "present" },
		{ "Bo Ström", "ledamot", "absent" },
	};
	struct ex_error e = { 0 };
	struct doc *d = tu_read_buf(t, sizeof(t) - 1, &e);
	const struct doc_protocol *p;

	assert_non_null(d);
	p = &d->protocol;
	assert_int_equal(p->npeople, N_ELEMS(want));
	for (size_t i = 0; i < N_ELEMS(want); i++) {
		assert_string_equal(p->people[i].name, want[i].name);
		assert_string_equal(p->people[i].role, want[i].role);
		assert_string_equal(p->people[i].status, want[i].status);
	}
	doc_free(d);
}

/* Extracts of minutes (protokollsutdrag) and who certified them; a full
 * protocol that mentions an extract of something else, or is merely
 * adjusted, is none and names no one. */
static void minutes_excerpts(void **state)
{
	static const struct {
		const char *text;
		int excerpt;
		const char *certified_by;
	} rows[] = {
		{ "Protokollsutdrag\n\nKommunstyrelsen\n\nSammanträdesdatum 2023-05-10\n\n§ 45 Budget 2024\n\n"
		  "Kommunstyrelsen beslutar att anta budgeten.\n\nUtdragsbestyrkande: Per Ek, nämndsekreterare\n",
		  1, "Per Ek" },
		{ "PROTOKOLLSUTDRAG\n\nBarn- och utbildningsnämnden\n\n§ 12 Skolskjuts\n\nNämnden beslutar att "
		  "godkänna förslaget.\n\nRätt utdraget betygar\n\nAnna-Karin Lund\n",
		  1, "Anna-Karin Lund" },
		{ "Utdrag ur sammanträdesprotokoll\n\nStyrelsen\n\n§ 3 Val\n\nStyrelsen beslutar att välja Eva Lind."
		  "\n\nUtdrag bestyrks: Olof Strand\n",
		  1, "Olof Strand" },
		{ "Protokollsutdrag\n\nStyrelsemöte 2023-02-01\n\n§ 7 Lokaler\n\nStyrelsen beslutar att säga upp "
		  "lokalen.\n",
		  1, NULL },
		/* must not: a full protocol; "utdrag" of something else; adjusted, not certified */
		{ "Protokoll styrelsemöte 2023-03-01\n\n§ 1 Mötets öppnande\n\nEtt utdrag ur budgeten bifogas.\n\n"
		  "Justeras: Karin Sten\n",
		  0, NULL },
		{ "Protokoll årsmöte\n\n§ 2 Ekonomi\n\nUtdrag ur kontoutdraget visades.\n\nRätt utdraget av "
		  "kassören.\n",
		  0, NULL },
	};

	for (size_t k = 0; k < N_ELEMS(rows); k++) {
		struct ex_error e = { 0 };
		struct doc *d = tu_read_buf(rows[k].text, strlen(rows[k].text), &e);

		assert_non_null(d);
		assert_string_equal(d->type, "protocol");
		if (d->protocol.excerpt != rows[k].excerpt)
			fail_msg("row %zu: excerpt %d, want %d", k, d->protocol.excerpt, rows[k].excerpt);
		if (rows[k].certified_by)
			assert_string_equal(d->protocol.certified_by, rows[k].certified_by);
		else if (d->protocol.certified_by)
			fail_msg("row %zu: certified by '%s', want none", k, d->protocol.certified_by);
		doc_free(d);
	}
}

/* Notices (kallelse) as associations write them: the meeting's date,
 * start and place from Tid:/Plats: or a sentence, the agenda under
 * Dagordning or Föredragningslista, postal votes; a notice is no
 * protocol, and a protocol has no notice. */
static void notices(void **state)
{
	static const struct {
		const char *text, *date, *time, *place;
		size_t agenda;
		const char *first;
		int postal;
	} rows[] = {
		{ "Kallelse till årsmöte\n\nMedlemmarna kallas härmed till ordinarie föreningsstämma.\n\n"
		  "Tid: torsdagen den 23 maj 2024 kl. 19.00\nPlats: Föreningslokalen, Storgatan 5\n\n"
		  "Föredragningslista\n\n1. Stämmans öppnande\n\n2. Val av ordförande\n\n3. Val av två justerare\n\n"
		  "Poströstning kan ske fram till den 20 maj.\n\nVälkomna!\n",
		  "2024-05-23", "19:00", "Föreningslokalen, Storgatan 5", 3, "Stämmans öppnande", 1 },
		{ "KALLELSE\n\nStyrelsen kallar till extra föreningsstämma den 12 oktober 2023 kl 18-20.30 "
		  "i kyrkans församlingshem.\n\nDagordning\n\n§ 1 Mötets öppnande\n\n§ 2 Val av mötesordförande\n\n"
		  "Anmälan till kansliet senast 5 oktober.\n",
		  "2023-10-12", "18:00", NULL, 2, "Mötets öppnande", 0 },
		/* "Välkommen till" as its title, När:/Var: fields, a bare 18:30 */
		{ "Välkommen till årsstämma 2018!\n\nBrf Måsen 12\n\nNär: lördag 14 april 2018, 18:30\n"
		  "Var: Folkets hus, Storgatan 5\n\nFörslag till dagordning\n\n1) Stämmans öppnande\n\n"
		  "2) Val av två justerare\n\nMedlem får företrädas av ombud.\n",
		  "2018-04-14", "18:30", "Folkets hus, Storgatan 5", 2, "Stämmans öppnande", 0 },
		/* the place in a sentence, after "klockan" */
		{ "Kallelse till föreningsstämma\n\nOrdinarie föreningsstämma äger rum 2017-07-24 klockan 18.15 i "
		  "Samlingssalen, Ekvägen 3.\n\nDagordning\n\n1. Stämmans öppnande\n",
		  "2017-07-24", "18:15", "Samlingssalen, Ekvägen 3", 1, "Stämmans öppnande", 0 },
		{ "Kallelse\n\nStämman hålls torsdagen den 23 maj 2024 kl. 19.00 på Zoom. Länk skickas ut.\n\n"
		  "Dagordning\n\n§ 1 Stämmans öppnande\n",
		  "2024-05-23", "19:00", "Zoom", 1, "Stämmans öppnande", 0 },
		/* must not: "i år" is no place, "Var och en" no field, "1:a" no time */
		{ "Kallelse till årsmöte\n\nÅrsmötet hålls i år digitalt den 3 mars 2022 kl. 18.00.\n\n"
		  "Var och en kan anmäla sig till 1:a vice ordföranden.\n\nDagordning\n\n1. Mötets öppnande\n",
		  "2022-03-03", "18:00", NULL, 1, "Mötets öppnande", 0 },
	};

	for (size_t k = 0; k < N_ELEMS(rows); k++) {
		struct ex_error e = { 0 };
		struct doc *d = tu_read_buf(rows[k].text, strlen(rows[k].text), &e);
		const struct doc_notice *n;

		assert_non_null(d);
		assert_string_equal(d->type, "notice");
		assert_false(d->protocol.present);
		n = &d->notice;
		assert_true(n->present);
		assert_string_equal(n->date, rows[k].date);
		assert_string_equal(n->time, rows[k].time);
		if (rows[k].place)
			assert_string_equal(n->place, rows[k].place);
		else
			assert_null(n->place);
		assert_int_equal(n->nagenda, rows[k].agenda);
		assert_string_equal(n->agenda[0].title, rows[k].first);
		assert_int_equal(n->postal_vote, rows[k].postal);
		doc_free(d);
	}
	/* one cue of a protocol in running text makes none: a notice's agenda
	 * item "Val av justerare" under a heading that says nothing */
	{
		static const char t[] = "Årsmöte 2023\n\nTisdagen den 7 mars klockan 18.30 i klubbstugan. "
					"På programmet står bland annat val av justerare och av ny styrelse.\n";
		struct ex_error e = { 0 };
		struct doc *d = tu_read_buf(t, sizeof(t) - 1, &e);

		assert_non_null(d);
		assert_string_not_equal(d->type, "protocol");
		doc_free(d);
	}
	/* a protocol, whose items are no agenda of a notice */
	{
		static const char t[] = "Protokoll styrelsemöte 2023-03-01\n\nDagordning\n\n§ 1 Mötets öppnande\n\n"
					"Mötet öppnades.\n\nJusterare: Karin Sten\n";
		struct ex_error e = { 0 };
		struct doc *d = tu_read_buf(t, sizeof(t) - 1, &e);

		assert_non_null(d);
		assert_string_equal(d->type, "protocol");
		assert_false(d->notice.present);
		doc_free(d);
	}
}

/* The organisation a document names where no © does (in capitals too):
 * a name standing
 * alone among the first blocks, with a legal or common form in it, or
 * after "Årsredovisning för"; headings, sentences, fields and a form
 * running into another word name none. */
static void organisation_names(void **state)
{
	static const struct { const char *text, *org; } rows[] = {
		{ "Årsredovisning 2021\n\nKulturföreningen Röda Längan\n\nStyrelsen har arbetat.\n",
		  "Kulturföreningen Röda Längan" },
		{ "Årsredovisning för Brf Doktor Lindh\n\nFörvaltningsberättelse\n", "Brf Doktor Lindh" },
		{ "Bostadsrättsföreningen Sjöbotten 4\n\nBudget 2020\n", "Bostadsrättsföreningen Sjöbotten 4" },
		{ "Verksamhetsplan 2024\n\nFalu kommun\n\nPlanen gäller ett år.\n", "Falu kommun" },
		{ "Nätverket för Lika Rättigheter\n\nTill: Styrelsen\n", "Nätverket för Lika Rättigheter" },
		/* all in capitals: a form word first, or last of two */
		{ "ÅRSREDOVISNING 2023\n\nBOSTADSRÄTTSFÖRENINGEN LÄRKTRÄDET\n\nText.\n", "BOSTADSRÄTTSFÖRENINGEN LÄRKTRÄDET" },
		{ "BRF MÅSEN 12\n\nBudget 2020\n", "BRF MÅSEN 12" },
		{ "Verksamhetsplan 2024\n\nFALU KOMMUN\n\nPlanen gäller ett år.\n", "FALU KOMMUN" },
		/* the owner of a meeting in a title's genitive, with no form word */
		{ "LiTHe kods vårmöte 2018 - Protokoll\n\n§ 1 Mötets öppnande\n\nMötet öppnades.\n", "LiTHe kod" },
		{ "Hyresgästföreningens årsmöte 2023\n\nProtokoll\n", "Hyresgästföreningen" },
		/* with no form word: after a document's kind and "för" in the
		 * title, a year at most after it; alone under a minutes' title */
		{ "Budgetförslag för IX 2021\n\n2021-03-01\n\nInkomster\n", "IX" },
		{ "Verksamhetsberättelse för Amnesty Göteborg\n\nText.\n", "Amnesty Göteborg" },
		{ "Verksamhetsplan för Svenska Kyrkans Unga 2023/2024\n\nText.\n", "Svenska Kyrkans Unga" },
		{ "Mötesprotokoll\n\nLiTHe kod\n\n2016-05-25\n\n1. Kallade: Anna Berg\n", "LiTHe kod" },
		/* must not */
		{ "Budget för 2021\n\nText.\n", NULL },
		{ "Verksamhetsplan för År 2022\n\nText.\n", NULL },
		{ "Årsredovisning för Räkenskapsåret 2021\n\nText.\n", NULL },
		{ "Verksamhetsberättelse för Styrelsen\n\nText.\n", NULL },
		{ "Budget för verksamhetsåret 2022\n\nText.\n", NULL },
		{ "Verksamhetsplan för Tertial 2\n\nText.\n", NULL },
		{ "Budget för IX 2021, reviderad\n\nText.\n", NULL },
		{ "Protokoll för Styrelsemöte 2023\n\nText.\n", NULL },
		{ "Sammanfattning för Amnesty Göteborg\n\nText.\n", NULL },   /* no document's kind */
		{ "Verksamhetsberättelse för Amnesty Göteborg och Malmö Syd\n\nText.\n", NULL },   /* five words */
		{ "Mötesprotokoll\n\nStyrelsemöte\n\n2016-05-25\n", NULL },
		{ "Mötesprotokoll\n\n2016-05-25\n\nText.\n", NULL },
		{ "Protokoll\n\nNärvarande: Anna Berg\n", NULL },
		{ "Inledning\n\nLiTHe kod\n\nText.\n", NULL },
		{ "Föreningens årsmöte 2023\n\nProtokoll\n", NULL },
		{ "Årets årsmöte\n\nProtokoll\n", NULL },
		{ "Lokalens vårmöte och andra möten i verksamheten under året 2023\n\nText.\n", NULL },
		{ "FÖRENINGENS EKONOMI\n\nEkonomin är god.\n", NULL },
		{ "FÖRENINGEN OCH DESS MEDLEMMAR\n\nText.\n", NULL },
		{ "REGIONENS VERKSAMHET 2023\n\nText.\n", NULL },
		{ "KALLELSE TILL FÖRENINGSSTÄMMA\n\nMedlemmarna kallas.\n", NULL },
		{ "STYRELSENS ARBETE I FÖRENINGEN\n\nStyrelsen har mötts.\n", NULL },   /* a heading in capitals */
		{ "Kallelse till Föreningsstämma\n\nMedlemmarna kallas.\n", NULL },
		{ "Föreningens ekonomi\n\nEkonomin är god.\n", NULL },
		{ "Plats: Samordningsförbundet Stockholm Stad\n\nMötet hölls.\n", NULL },
		{ "Styrelsen har under året arbetat med föreningens ekonomi och kommunens bidrag.\n", NULL },
		{ "Rapport\n\nInledning\n\nText\n\nMer text\n\nOch mer\n\nÄnnu mer\n\nSlut\n\n"
		  "Kulturföreningen Röda Längan\n", NULL },   /* past the first blocks */
	};

	for (size_t k = 0; k < N_ELEMS(rows); k++) {
		struct ex_error e = { 0 };
		struct doc *d = tu_read_buf(rows[k].text, strlen(rows[k].text), &e);

		assert_non_null(d);
		if (rows[k].org && (!d->organisation || strcmp(d->organisation, rows[k].org)))
			fail_msg("row %zu: organisation '%s', want '%s'", k, d->organisation ? d->organisation : "(none)",
				 rows[k].org);
		if (!rows[k].org && d->organisation)
			fail_msg("row %zu: organisation '%s', want none", k, d->organisation);
		doc_free(d);
	}
}

/* Commas between thousands, in English: a column with "1,234,567" in it
 * reads its "1,505" as 1505; a column of Swedish decimal commas stays as
 * it is. */
static void comma_thousands(void **state)
{
	static const char doc[] =
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document " TU_ODF_NS " office:version=\"1.2\" "
		"office:mimetype=\"application/vnd.oasis.opendocument.text\"><office:body><office:text>"
		"<table:table table:name=\"E\"><table:table-column table:number-columns-repeated=\"3\"/>"
		"<table:table-row><table:table-cell><text:p>Post</text:p></table:table-cell>"
		"<table:table-cell><text:p>Servers</text:p></table:table-cell>"
		"<table:table-cell><text:p>Andel</text:p></table:table-cell></table:table-row>"
		"<table:table-row><table:table-cell><text:p>Total</text:p></table:table-cell>"
		"<table:table-cell><text:p>1,234,567</text:p></table:table-cell>"
		"<table:table-cell><text:p>2,25</text:p></table:table-cell></table:table-row>"
		"<table:table-row><table:table-cell><text:p>Closets</text:p></table:table-cell>"
		"<table:table-cell><text:p>1,505</text:p></table:table-cell>"
		"<table:table-cell><text:p>1,505</text:p></table:table-cell></table:table-row>"
		"</table:table></office:text></office:body></office:document>\n";
	struct ex_error e = { 0 };
	struct doc *d = tu_read_buf(doc, sizeof(doc) - 1, &e);
	int thousands = 0, decimal = 0, million = 0;

	assert_non_null(d);
	for (size_t i = 0; i < d->nvalues; i++) {
		const struct doc_value *v = &d->values[i];

		million |= v->value == 1234567 && v->prov.col == 1;
		thousands |= v->value == 1505 && v->prov.col == 1;
		decimal |= fabs(v->value - 1.505) < 1e-9 && v->prov.col == 2;
		assert_false(v->value == 1505 && v->prov.col == 2);
	}
	assert_true(million && thousands && decimal);
	doc_free(d);
}

/* A word in a column of numbers (a number misread, a marker) is never
 * the row's label: the label stays the words before the numbers. A
 * column of words after the first (a group's column beside the label)
 * still gives the label. */
#define C_(x) "<table:table-cell><text:p>" x "</text:p></table:table-cell>"
#define R_(x) "<table:table-row>" x "</table:table-row>"
static void label_not_from_number_column(void **state)
{
	static const char doc[] =
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document " TU_ODF_NS " office:version=\"1.2\" "
		"office:mimetype=\"application/vnd.oasis.opendocument.text\"><office:body><office:text>"
		"<table:table table:name=\"A\"><table:table-column table:number-columns-repeated=\"4\"/>"
		R_(C_("") C_("2016") C_("2015") C_("2014"))
		R_(C_("Antal lägenheter") C_("97") C_("26") C_("FÅ"))
		R_(C_("Antal medlemmar") C_("3 316") C_("7 401") C_("2 839"))
		R_(C_("Balansomslutning") C_("35 955") C_("38 934") C_("14 428"))
		"</table:table>"
		"<table:table table:name=\"B\"><table:table-column table:number-columns-repeated=\"4\"/>"
		R_(C_("Grupp") C_("Post") C_("2016") C_("2015"))
		R_(C_("Intäkter") C_("Avgifter") C_("120") C_("110"))
		R_(C_("") C_("Bidrag") C_("40") C_("30"))
		R_(C_("Kostnader") C_("Lokal") C_("-80") C_("-75"))
		"</table:table>"
		/* a scan's: numbers of columns packed into one cell and a
		 * number with a stray mark are misread numbers, not words */
		"<table:table table:name=\"C\"><table:table-column table:number-columns-repeated=\"4\"/>"
		R_(C_("") C_("2022") C_("2021") C_("2020"))
		R_(C_("Räntekänslighet (%)") C_("6,7") C_("Vert") C_("6,7"))
		R_(C_("Sparande per kvm") C_("(466)") C_("(630)") C_("(735)"))
		R_(C_("Resultat") C_("337") C_("(641)") C_("(946)"))
		R_(C_("Likvida medel") C_("") C_("29 16525 05415 32454 313") C_(""))
		R_(C_("Nettoomsättning") C_("9036") C_("1970.") C_("4598"))
		"</table:table></office:text></office:body></office:document>\n";
	struct ex_error e = { 0 };
	struct doc *d = tu_read_buf(doc, sizeof(doc) - 1, &e);
	const struct doc_value *v;

	assert_non_null(d);
	v = value(d, "Antal lägenheter", "2016", NULL);
	assert_true(v && v->value == 97);
	v = value(d, "Antal lägenheter", "2015", NULL);
	assert_true(v && v->value == 26);
	assert_null(value(d, "FÅ", NULL, NULL));
	v = value(d, "Bidrag", "2016", NULL);
	assert_true(v && v->value == 40 && v->group && !strcmp(v->group, "Intäkter"));
	v = value(d, "Lokal", "2015", NULL);
	assert_true(v && v->value == -75);
	assert_null(value(d, "Intäkter", NULL, NULL));
	v = value(d, "Räntekänslighet", "2022", NULL);
	assert_true(v && fabs(v->value - 6.7) < 1e-9);
	assert_null(value(d, "Vert", NULL, NULL));
	assert_null(value(d, "Likvida medel", NULL, NULL));
	doc_free(d);
}
/* A table of three columns, named name, opened. */
#define TABLE3(name) "<table:table table:name=\"" name "\"><table:table-column table:number-columns-repeated=\"3\"/>"

/* A scan of a table that groups thousands with commas: OCR sets the low
 * comma apart from the three digits after it ("80,584, 237",
 * "-814, 866"); read as one number on a page OCR read, in a column whose
 * style is English. A text layer's "80,584, 237" is what was printed
 * (no value), and so are a Swedish column's "2, 5" and a gap before
 * other than three digits ("1, 2345", "12, 34"). In a Swedish column
 * OCR reads a decimal comma as a point now and then ("7.8" among "3,8");
 * a point with one or two digits after it groups no thousands, and the
 * number is read so on a scan (a text layer's is what was printed);
 * "1.2.3" stays as before. */
static void comma_gap_on_scans(void **state)
{
	static const char doc[] =
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document " TU_ODF_NS " office:version=\"1.2\" "
		"office:mimetype=\"application/vnd.oasis.opendocument.text\"><office:body><office:text>"
		TABLE3("A")
		R_(C_("") C_("2024") C_("2023"))
		R_(C_("Balansomslutning") C_("74,933,170") C_("80,584, 237"))
		R_(C_("Resultat") C_("-927,227") C_("-814, 866"))
		R_(C_("Arvoden") C_("1, 2345") C_("12, 34"))
		"</table:table>" TABLE3("B")
		R_(C_("") C_("2024") C_("2023"))
		R_(C_("Soliditet") C_("2,5") C_("2, 500"))
		R_(C_("Räntekänslighet") C_("1,5") C_("3,7"))
		R_(C_("Skuldkvot") C_("4,1") C_("5,2"))
		"</table:table>" TABLE3("C")
		R_(C_("") C_("2022") C_("2021"))
		R_(C_("Belåningsgrad") C_("3,8") C_("7.8"))
		R_(C_("Kassalikviditet") C_("4,3") C_("12.75"))
		R_(C_("Belåning") C_("6,1") C_("1.2.3"))
		"</table:table></office:text></office:body></office:document>\n";
	struct ex_error e = { 0 };
	struct doc *d = tu_read_buf(doc, sizeof(doc) - 1, &e);
	struct pat_set *ps = pat_set_new(&e);
	const struct doc_value *v;

	assert_non_null(d);
	assert_non_null(ps);
	assert_null(value(d, "Balansomslutning", "2023", NULL));   /* printed so */
	assert_null(value(d, "Resultat", "2023", NULL));
	assert_null(value(d, "Belåningsgrad", "2021", NULL));
	for (size_t i = 0; i < d->npages; i++)
		d->pages[i].source = DOC_SRC_OCR;
	d->nvalues = 0;
	assert_int_equal(pat_values(ps, d), 0);
	v = value(d, "Balansomslutning", "2023", NULL);
	assert_true(v && v->value == 80584237);
	v = value(d, "Resultat", "2023", NULL);
	assert_true(v && v->value == -814866);
	v = value(d, "Balansomslutning", "2024", NULL);
	assert_true(v && v->value == 74933170);
	assert_null(value(d, "Arvoden", NULL, NULL));
	assert_null(value(d, "Soliditet", "2023", NULL));   /* a Swedish column's */
	v = value(d, "Soliditet", "2024", NULL);
	assert_true(v && fabs(v->value - 2.5) < 1e-9);
	v = value(d, "Belåningsgrad", "2021", NULL);
	assert_true(v && fabs(v->value - 7.8) < 1e-9);
	v = value(d, "Kassalikviditet", "2021", NULL);
	assert_true(v && fabs(v->value - 12.75) < 1e-9);
	assert_null(value(d, "Belåning", "2021", NULL));
	doc_free(d);
	pat_set_free(ps);
}

#undef TABLE3
#undef C_
#undef R_

/* The line just above a table gives its unit when neither its caption
 * nor its header does: a heading or a line of its own ("Flerårsöversikt
 * (belopp i tkr)", "Belopp i kr"). A sentence above it, or a line with
 * a paragraph between, gives none: no unit is invented. */
static void unit_from_line_above(void **state)
{
	static const struct {
		const char *before;   /* the blocks before the table, ODT */
		const char *unit;     /* the unit of its value, NULL for none */
		double scale;
	} rows[] = {
		{ "<text:h text:outline-level=\"2\">Flerårsöversikt (belopp i tkr)</text:h>", "TSEK", 1000 },
		{ "<text:p>Belopp i kr</text:p>", "SEK", 1 },
		{ "<text:p>Tkr</text:p>", "TSEK", 1000 },
		{ "<text:p>Avgiften (kr) höjdes inte under året.</text:p>", NULL, 1 },
		{ "<text:p>Belopp i kr</text:p><text:p>Styrelsen har arbetat med ekonomin.</text:p>", NULL, 1 },
		{ "<text:h text:outline-level=\"2\">Flerårsöversikt</text:h>", NULL, 1 },
		{ "<text:p>Belopp i tkr</text:p><text:h text:outline-level=\"2\">Resultaträkning</text:h>", "TSEK", 1000 },
		{ "<text:p>Belopp i kr</text:p><text:h>A</text:h><text:h>B</text:h>", NULL, 1 },   /* too far */
	};

	for (size_t k = 0; k < sizeof(rows) / sizeof(rows[0]); k++) {
		char buf[2048];
		struct ex_error e = { 0 };
		struct doc *d;
		const struct doc_value *v;
		int n = snprintf(buf, sizeof(buf),
				 "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document " TU_ODF_NS
				 " office:version=\"1.2\" office:mimetype=\"application/vnd.oasis.opendocument.text\">"
				 "<office:body><office:text>%s"
				 "<table:table table:name=\"T\"><table:table-column table:number-columns-repeated=\"2\"/>"
				 "<table:table-row><table:table-cell/><table:table-cell><text:p>2023</text:p>"
				 "</table:table-cell></table:table-row><table:table-row><table:table-cell>"
				 "<text:p>Balansomslutning</text:p></table:table-cell><table:table-cell>"
				 "<text:p>35 955</text:p></table:table-cell></table:table-row></table:table>"
				 "</office:text></office:body></office:document>\n", rows[k].before);

		assert_true(n > 0 && (size_t)n < sizeof(buf));
		d = tu_read_buf(buf, (size_t)n, &e);
		assert_non_null(d);
		v = value(d, "Balansomslutning", "2023", NULL);
		assert_non_null(v);
		assert_true(v->value == 35955);
		if (rows[k].unit) {
			assert_non_null(v->unit);
			assert_string_equal(v->unit, rows[k].unit);
			assert_true(v->scale == rows[k].scale);
		} else {
			assert_null(v->unit);
		}
		doc_free(d);
	}
}

/* A row under the years that only names the unit ("Belopp i kr") is a
 * header row: its unit is the table's, and it is no group heading. A
 * row that names a unit beside numbers is a body row. */
static void unit_row_under_years(void **state)
{
	static const char doc[] =
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document " TU_ODF_NS " office:version=\"1.2\" "
		"office:mimetype=\"application/vnd.oasis.opendocument.text\"><office:body><office:text>"
		"<table:table table:name=\"B\"><table:table-column table:number-columns-repeated=\"3\"/>"
		"<table:table-row><table:table-cell><text:p>Balansräkning</text:p></table:table-cell>"
		"<table:table-cell/><table:table-cell/></table:table-row>"
		"<table:table-row><table:table-cell/><table:table-cell><text:p>2016</text:p></table:table-cell>"
		"<table:table-cell><text:p>2015</text:p></table:table-cell></table:table-row>"
		"<table:table-row><table:table-cell><text:p>Belopp i tkr</text:p></table:table-cell>"
		"<table:table-cell/><table:table-cell/></table:table-row>"
		"<table:table-row><table:table-cell><text:p>Likvida medel</text:p></table:table-cell>"
		"<table:table-cell><text:p>43 348</text:p></table:table-cell>"
		"<table:table-cell><text:p>-72 120</text:p></table:table-cell></table:table-row>"
		"<table:table-row><table:table-cell><text:p>Soliditet (%)</text:p></table:table-cell>"
		"<table:table-cell><text:p>61</text:p></table:table-cell>"
		"<table:table-cell><text:p>58</text:p></table:table-cell></table:table-row>"
		"</table:table></office:text></office:body></office:document>\n";
	struct ex_error e = { 0 };
	struct doc *d = tu_read_buf(doc, sizeof(doc) - 1, &e);
	const struct doc_value *v;

	assert_non_null(d);
	v = value(d, "Likvida medel", "2015", NULL);
	assert_true(v && v->value == -72120 && v->unit && !strcmp(v->unit, "TSEK"));
	assert_true(v->group == NULL || strcmp(v->group, "Belopp i tkr"));
	v = value(d, "Soliditet", "2016", NULL);
	assert_true(v && v->unit && !strcmp(v->unit, "percent"));
	doc_free(d);
}

/* Two adjusters elected in one sentence are both adjusters; a second
 * name after a chair's is not a second chair. */
static void two_adjusters(void **state)
{
	static const char doc[] =
		"Protokoll styrelsemöte\n\n2021-03-04\n\n"
		"1. Mötets öppnande\nMötet öppnades.\n\n"
		"2. Val av justerare\nTill justerare valdes Anna Berg och Per Ek.\n\n"
		"3. Val av ordförande\nTill ordförande valdes Eva Lind, Olof Strand till sekreterare.\n\n"
		"4. Mötets avslutande\n";
	struct ex_error e = { 0 };
	struct doc *d = tu_read_buf(doc, sizeof(doc) - 1, &e);

	assert_non_null(d);
	assert_int_equal(d->protocol.nadjusters, 2);
	assert_string_equal(d->protocol.adjusters[0], "Anna Berg");
	assert_string_equal(d->protocol.adjusters[1], "Per Ek");
	assert_string_equal(d->protocol.chair, "Eva Lind");
	doc_free(d);
}

/* A comma list of those present that ends its paragraph with a comma
 * goes on in the next; one that ends without does not. */
static void attendance_goes_on(void **state)
{
	static const char doc[] =
		"Protokoll styrelsemöte\n\n2021-03-04\n\n"
		"Närvarande: Anna Berg, Per Ek,\n\nEva Lind, Olof Strand\n\n"
		"Frånvarande: Åsa Blom\n\nÖrjan Sandberg hälsade välkommen\n\n"
		"1. Mötets öppnande\nMötet öppnades.\n\n2. Mötets avslutande\n";
	struct ex_error e = { 0 };
	struct doc *d = tu_read_buf(doc, sizeof(doc) - 1, &e);
	const struct doc_protocol *p;

	assert_non_null(d);
	p = &d->protocol;
	assert_int_equal(p->npeople, 5);
	assert_string_equal(p->people[3].name, "Olof Strand");
	assert_string_equal(p->people[3].status, "present");
	assert_string_equal(p->people[4].name, "Åsa Blom");
	assert_string_equal(p->people[4].status, "absent");
	doc_free(d);
}

/* Minutes whose items are numbered: a heading without a number before
 * the first ("Bygdegård", the title's second line) is no item; the
 * numbered ones are. */
static void title_line_no_item(void **state)
{
	static const char doc[] =
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document " TU_ODF_NS " office:version=\"1.2\" "
		"office:mimetype=\"application/vnd.oasis.opendocument.text\"><office:body><office:text>"
		"<text:h text:outline-level=\"1\">Protokoll fört vid föreningsstämma i Stiftelsen Älvdalens</text:h>"
		"<text:h text:outline-level=\"1\">Bygdegård</text:h>"
		"<text:p>Datum: 2022-12-23</text:p>"
		"<text:h text:outline-level=\"2\">1 § Mötets öppnande</text:h><text:p>Mötet öppnades.</text:p>"
		"<text:h text:outline-level=\"2\">2 § Budget</text:h>"
		"<text:p>Stämman beslutar att anta budgeten.</text:p>"
		"<text:h text:outline-level=\"2\">3 § Mötets avslutande</text:h>"
		"</office:text></office:body></office:document>\n";
	struct ex_error e = { 0 };
	struct doc *d = tu_read_buf(doc, sizeof(doc) - 1, &e);

	assert_non_null(d);
	assert_string_equal(d->type, "protocol");
	assert_int_equal(d->protocol.nitems, 3);
	assert_string_equal(d->protocol.items[0].number, "1");
	doc_free(d);
}

/* When a meeting opened and closed (HH:MM): from "Tid:" as a span, or
 * from the sentences and item titles that open and close it; a door
 * that opens, a sentence without a time, or a time in the next sentence
 * give none. */
static void meeting_opened_closed(void **state)
{
	static const struct {
		const char *text, *opened, *closed;
	} rows[] = {
		{ "Tid: 18.00–20.30\n\n1. Mötets öppnande\nMötet öppnades.\n", "18:00", "20:30" },
		{ "Tid: kl 9.00 - 11.15\n\n1. Mötets öppnande\nMötet öppnades.\n", "09:00", "11:15" },
		{ "Plats: Ekbacken, kl 10-15\n\n1. Mötets öppnande\nMötet öppnades.\n", NULL, NULL },
		{ "Tid: 2 december 2019 kl 10-15\n\n1. Mötets öppnande\nMötet öppnades.\n", "10:00", "15:00" },
		{ "Tid: 2019-12-02\n\n1. Mötets öppnande\nMötet öppnades.\n", NULL, NULL },
		{ "1. Mötets öppnande\nMötet öppnades kl. 18.05.\n\n2. Mötets avslutande\nMötet avslutades kl. 20.15.\n",
		  "18:05", "20:15" },
		{ "§ 1 Mötets öppnande 12:16\nOrdförande hälsade välkommen.\n\n§ 2 Mötets avslutande 17:55\n",
		  "12:16", "17:55" },
		{ "1. Öppnande\nOrdföranden förklarade mötet öppnat 19.10.\n\n"
		  "2. Avslutning\nOrdföranden förklarade mötet avslutat 20.00.\n", "19:10", "20:00" },
		{ "1. Öppnande\nStämman öppnades 14:00 av ordföranden.\n\n2. Mötets avslutas 15:45\n", "14:00", "15:45" },
		/* must not */
		{ "1. Lokal\nDörrarna öppnas 17.30 för alla.\n\n2. Mötets avslutande\nMötet avslutades.\n", NULL, NULL },
		{ "1. Mötets öppnande\nMötet öppnades. Kaffe 3.15 kr.\n\n2. Nästa möte\nMötet avslutades. Nästa möte 2021-04-12 kl 18.00.\n",
		  NULL, NULL },
		{ "1. Ekonomi\nKassan öppnades 10.15 och stängdes 12.00.\n", NULL, NULL },
	};

	for (size_t i = 0; i < N_ELEMS(rows); i++) {
		char text[512];

		snprintf(text, sizeof(text), "Protokoll styrelsemöte\n\nDatum: 2021-03-04\n%s\n9. Övrigt\nInget.\n",
			 rows[i].text);
		struct ex_error e = { 0 };
		struct doc *d = tu_read_buf(text, strlen(text), &e);

		assert_non_null(d);
		assert_true(d->protocol.present);
		if (rows[i].opened) {
			assert_non_null(d->protocol.opened);
			assert_string_equal(d->protocol.opened, rows[i].opened);
		}
		else {
			assert_null(d->protocol.opened);
		}
		if (rows[i].closed) {
			assert_non_null(d->protocol.closed);
			assert_string_equal(d->protocol.closed, rows[i].closed);
		}
		else
			assert_null(d->protocol.closed);
		doc_free(d);
	}
}

/* Tasks given: "X får i uppdrag att T", "Mötet uppdrar åt X att T", "X
 * åtar sig att T", and a task after an election in one sentence ("X
 * utsågs till Y och åtog sig att T": the election its own clause), who
 * and what; a sentence that only mentions an uppdrag gives none, nor do
 * two elections in one sentence. */
static void assignments(void **state)
{
	static const char doc[] =
		"Protokoll styrelsemöte\n\n2021-03-04\n\n"
		"1. Mötets öppnande\nMötet öppnades.\n\n"
		"2. Lokalen\nAnna Berg får i uppdrag att boka lokal för årsmötet.\n\n"
		"3. Försäkringar\nStyrelsen uppdrar åt Per Ek att se över försäkringarna.\n\n"
		"4. Rapport\nUppdraget från förra året redovisades.\n\n"
		"5. Dataskydd\nMartin Arnér utsågs till dataskyddsombud och åtog sig att gå igenom mappen.\n\n"
		"6. Lokal\nEva Lund åtar sig att boka lokalen.\n\n"
		"7. Val\nPer Ek valdes till kassör och Eva Lund till sekreterare.\n\n"
		"8. Mötets avslutande\n";
	struct ex_error e = { 0 };
	struct doc *d = tu_read_buf(doc, sizeof(doc) - 1, &e);
	const struct doc_protocol *p;

	assert_non_null(d);
	p = &d->protocol;
	assert_int_equal(p->nitems, 8);
	assert_int_equal(p->items[1].nassignments, 1);
	assert_string_equal(p->items[1].assignments[0].who, "Anna Berg");
	assert_string_equal(p->items[1].assignments[0].task, "boka lokal för årsmötet");
	assert_int_equal(p->items[2].nassignments, 1);
	assert_string_equal(p->items[2].assignments[0].who, "Per Ek");
	assert_string_equal(p->items[2].assignments[0].task, "se över försäkringarna");
	assert_int_equal(p->items[3].nassignments, 0);
	/* an election and a task in one sentence: the election its own clause */
	assert_int_equal(p->items[4].ndecisions, 1);
	assert_string_equal(p->items[4].decisions[0].text, "Martin Arnér utsågs till dataskyddsombud.");
	assert_string_equal(p->items[4].decisions[0].kind, "election");
	assert_int_equal(p->items[4].nassignments, 1);
	assert_string_equal(p->items[4].assignments[0].who, "Martin Arnér");
	assert_string_equal(p->items[4].assignments[0].task, "gå igenom mappen");
	assert_int_equal(p->items[5].nassignments, 1);
	assert_string_equal(p->items[5].assignments[0].who, "Eva Lund");
	assert_string_equal(p->items[5].assignments[0].task, "boka lokalen");
	/* two elections in one sentence stay one decision, and no task */
	assert_int_equal(p->items[6].ndecisions, 1);
	assert_string_equal(p->items[6].decisions[0].text, "Per Ek valdes till kassör och Eva Lund till sekreterare.");
	assert_int_equal(p->items[6].nassignments, 0);
	doc_free(d);
}

/* A one-column table of cells, as ODT; the values of its column. */
static struct doc *column_doc(const char *const *cells, size_t n)
{
	char buf[4096];
	size_t o = 0;
	struct ex_error e = { 0 };

	o += (size_t)snprintf(buf + o, sizeof(buf) - o,
			      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document " TU_ODF_NS
			      " office:version=\"1.2\" office:mimetype=\"application/vnd.oasis.opendocument.text\">"
			      "<office:body><office:text><table:table table:name=\"T\">"
			      "<table:table-column table:number-columns-repeated=\"2\"/>"
			      "<table:table-row><table:table-cell/><table:table-cell><text:p>2023</text:p>"
			      "</table:table-cell></table:table-row>");
	for (size_t i = 0; i < n && o < sizeof(buf); i++)
		o += (size_t)snprintf(buf + o, sizeof(buf) - o,
				      "<table:table-row><table:table-cell><text:p>Rad %zu</text:p></table:table-cell>"
				      "<table:table-cell><text:p>%s</text:p></table:table-cell></table:table-row>", i + 1,
				      cells[i]);
	o += (size_t)snprintf(buf + o, sizeof(buf) - o, "</table:table></office:text></office:body></office:document>\n");
	assert_true(o < sizeof(buf));
	return tu_read_buf(buf, o, &e);
}

/* The value of row i (from 0) of a column_doc table, or NULL. */
static const struct doc_value *row_value(const struct doc *d, size_t i)
{
	const struct doc_value *v = NULL;
	char label[32];

	snprintf(label, sizeof(label), "Rad %zu", i + 1);
	for (size_t j = 0; j < d->nvalues; j++)
		if (d->values[j].label && !strcmp(d->values[j].label, label) && !d->values[j].missing)
			v = &d->values[j];
	return v;
}

/* How a table writes its numbers decides what they are: dots between
 * thousands beside decimal commas, English commas and points, brackets
 * for negatives. Where nothing says which, "1,505" stays Swedish (one and
 * a half) and "1.1" stays no number. */
static void number_styles(void **state)
{
	static const struct {
		const char *cells[3];
		double want[3];   /* NAN: the cell gives no value */
	} rows[] = {
		{ { "58.448", "25,6", "1.234.567" }, { 58448, 25.6, 1234567 } },
		{ { "58.448", "62.602", "13.412" }, { 58448, 62602, 13412 } },
		{ { "3,999,031", "8.1", "-37,307" }, { 3999031, 8.1, -37307 } },
		{ { "1,234.50", "950.00", "12" }, { 1234.5, 950, 12 } },
		{ { "(91 386)", "(1.234)", "50 629" }, { -91386, -1234, 50629 } },
		{ { "(343) tkr", "(1 936) kr", "(343 tkr)" }, { -343, -1936, -343 } },   /* a unit after or inside */
		{ { "1275", "2074", "1978" }, { 1275, 2074, 1978 } },   /* amounts under a year */
		{ { "5,516", "5.3", "2,688" }, { 5516, 5.3, 2688 } },   /* commas group where a point is decimal */
		/* must not: no style shown, a Swedish decimal, a section number */
		{ { "1,505", "2,25", "1.1" }, { 1.505, 2.25, NAN } },
		{ { "0.125", "58.448", "7" }, { NAN, NAN, 7 } },   /* either could be English */
		{ { "(kr/kvm)", "(2)", "x" }, { NAN, -2, NAN } },
		{ { "(se not) 4", "(4) och 5", "(12 a) kr" }, { NAN, NAN, NAN } },
	};

	for (size_t k = 0; k < sizeof(rows) / sizeof(rows[0]); k++) {
		struct doc *d = column_doc(rows[k].cells, 3);

		assert_non_null(d);
		for (int i = 0; i < 3; i++) {
			const struct doc_value *v = row_value(d, (size_t)i);

			if (isnan(rows[k].want[i])) {
				if (v)
					print_error("row %zu cell %d: %s read as %g\n", k, i, rows[k].cells[i], v->value);
				assert_null(v);
			} else {
				if (!v || fabs(v->value - rows[k].want[i]) > 1e-9)
					print_error("row %zu cell %d: %s read as %g\n", k, i, rows[k].cells[i], v ? v->value : NAN);
				assert_true(v && fabs(v->value - rows[k].want[i]) < 1e-9);
			}
		}
		doc_free(d);
	}
}

/* A document whose only commas stand before three digits, in four cells
 * or more, writes English thousands; in fewer, or beside a decimal of
 * another length ("0,375"), they stay Swedish decimals. */
static void comma_thousands_alone(void **state)
{
	static const struct {
		const char *cells[4];
		size_t n;
		double want[4];
	} rows[] = {
		{ { "73,178", "711,861", "-2,582", "13,004" }, 4, { 73178, 711861, -2582, 13004 } },
		{ { "73,178", "711,861", "2,582", NULL }, 3, { 73.178, 711.861, 2.582, 0 } },
		{ { "1,250", "2,125", "0,375", "3,500" }, 4, { 1.25, 2.125, 0.375, 3.5 } },
	};

	for (size_t k = 0; k < N_ELEMS(rows); k++) {
		struct doc *d = column_doc(rows[k].cells, rows[k].n);

		assert_non_null(d);
		for (size_t i = 0; i < rows[k].n; i++) {
			const struct doc_value *v = row_value(d, i);

			if (!v || fabs(v->value - rows[k].want[i]) > 1e-9)
				fail_msg("row %zu: %s not read as %g", k, rows[k].cells[i], rows[k].want[i]);
		}
		doc_free(d);
	}
}

/* Reservations and declared conflicts of interest, with who and the
 * sentence; a sentence that only mentions the words records nothing. */
static void reservations_and_conflicts(void **state)
{
	static const char t[] =
		"Protokoll styrelsemöte\n\n§ 1 Budget\n\nMötet godkänner budgeten. Anna Berg reserverade sig mot "
		"beslutet.\n\n§ 2 Upphandling\n\nPer Ek anmälde jäv och deltog inte i beslutet. Styrelsen beslutar "
		"att anta anbudet.\n\n§ 3 Rutiner\n\nStyrelsen diskuterade hur jäv och reservationer ska "
		"hanteras.\n";
	struct ex_error e = { 0 };
	struct doc *d = tu_read_buf(t, sizeof(t) - 1, &e);
	const struct doc_protocol *p;

	assert_non_null(d);
	p = &d->protocol;
	assert_int_equal(p->nitems, 3);
	assert_int_equal(p->items[0].nreservations, 1);
	assert_string_equal(p->items[0].reservations[0].who, "Anna Berg");
	assert_string_equal(p->items[0].reservations[0].text, "Anna Berg reserverade sig mot beslutet.");
	assert_int_equal(p->items[1].nconflicts, 1);
	assert_string_equal(p->items[1].conflicts[0].who, "Per Ek");
	assert_int_equal(p->items[1].nreservations, 0);
	assert_int_equal(p->items[2].nreservations + p->items[2].nconflicts, 0);
	doc_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(seed000_indicators),
		cmocka_unit_test(accounts_units_periods_notes),
		cmocka_unit_test(note_column_misread),
		cmocka_unit_test(budget_by_title),
		cmocka_unit_test(minutes_as_written),
		cmocka_unit_test(minutes_number_apart),
		cmocka_unit_test(minutes_headings),
		cmocka_unit_test(survey_phrasings),
		cmocka_unit_test(survey_text_answers),
		cmocka_unit_test(survey_type),
		cmocka_unit_test(prose_labels),
		cmocka_unit_test(meeting_phrasings),
		cmocka_unit_test(ratings_other_shapes),
		cmocka_unit_test(ratings_cell_edges_on_scans),
		cmocka_unit_test(ratings_unread_warned),
		cmocka_unit_test(ratings_under_goal_paragraph),
		cmocka_unit_test(attendance_sections),
		cmocka_unit_test(attendance_tables),
		cmocka_unit_test(minutes_excerpts),
		cmocka_unit_test(notices),
		cmocka_unit_test(organisation_names),
		cmocka_unit_test(comma_thousands),
		cmocka_unit_test(label_not_from_number_column),
		cmocka_unit_test(comma_gap_on_scans),
		cmocka_unit_test(unit_from_line_above),
		cmocka_unit_test(number_styles),
		cmocka_unit_test(unit_row_under_years),
		cmocka_unit_test(two_adjusters),
		cmocka_unit_test(attendance_goes_on),
		cmocka_unit_test(title_line_no_item),
		cmocka_unit_test(assignments),
		cmocka_unit_test(meeting_opened_closed),
		cmocka_unit_test(comma_thousands_alone),
		cmocka_unit_test(reservations_and_conflicts),
		cmocka_unit_test(seed000_ratings),
		cmocka_unit_test(ratings_from_words_and_none_invented),
		cmocka_unit_test(colour_names),
		cmocka_unit_test(document_types),
		cmocka_unit_test(seed004_protocol),
		cmocka_unit_test(seed003_survey),
		cmocka_unit_test(seed002_publisher_contents_notes),
		cmocka_unit_test(survey_mismatch_warns),
	};

	return cmocka_run_group_tests_name("values, ratings, types", tests, NULL, NULL);
}
