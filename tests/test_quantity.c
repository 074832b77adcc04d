/* test_quantity: Swedish numbers, units, periods, measures and dates,
 * table-driven, with as many "must not" rows as matching ones. */
#include "testutil.h"

#include <math.h>

#include "../patterns/quantity.h"

static struct pat_set *ps;

static int setup(void **state)
{
	struct ex_error e = { 0 };

	ps = pat_set_new(&e);
	return ps ? 0 : -1;
}

static int teardown(void **state)
{
	pat_set_free(ps);
	return 0;
}

#define NBSP "\xC2\xA0"
#define THIN "\xE2\x80\x89"
#define NNBSP "\xE2\x80\xAF"
#define MINUS "\xE2\x88\x92"
#define NDASH "\xE2\x80\x93"

static const struct cell_row {
	const char *in;
	int ok;
	double value;
	const char *unit;  /* NULL: none */
	double scale;
	int missing;
	double hi;         /* range end, 0 if none */
	double change;     /* 0 if none */
	double max;        /* 0 if none */
	const char *qual;
} cells[] = {
	{ "52 491", 1, 52491, NULL, 1, 0, 0, 0, 0, NULL },
	{ "52" NBSP "491", 1, 52491, NULL, 1, 0, 0, 0, 0, NULL },
	{ "52" THIN "491", 1, 52491, NULL, 1, 0, 0, 0, 0, NULL },
	{ "52" NNBSP "491", 1, 52491, NULL, 1, 0, 0, 0, 0, NULL },
	{ "18 509 052 kr", 1, 18509052, "SEK", 1, 0, 0, 0, 0, NULL },
	{ "1 859 661 kr", 1, 1859661, "SEK", 1, 0, 0, 0, 0, NULL },
	{ "0 kr", 1, 0, "SEK", 1, 0, 0, 0, 0, NULL },
	{ "913 kr/kvm", 1, 913, "SEK/m2", 1, 0, 0, 0, 0, NULL },   /* rates in the cell */
	{ "1 048 kr/m²", 1, 1048, "SEK/m2", 1, 0, 0, 0, 0, NULL },
	{ "498 kr per kvm", 1, 498, "SEK/m2", 1, 0, 0, 0, 0, NULL },
	{ "3 250 kr/mån", 1, 3250, "SEK/month", 1, 0, 0, 0, 0, NULL },
	{ "913 kr/kvmx", 0, 0, NULL, 1, 0, 0, 0, 0, NULL },      /* no rate word */
	{ "3619", 1, 3619, NULL, 1, 0, 0, 0, 0, NULL },
	{ "2500", 1, 2500, NULL, 1, 0, 0, 0, 0, NULL },
	{ "27,9", 1, 27.9, NULL, 1, 0, 0, 0, 0, NULL },
	{ "-16 %", 1, -16, "percent", 1, 0, 0, 0, 0, NULL },
	{ "-16%", 1, -16, "percent", 1, 0, 0, 0, 0, NULL },
	{ MINUS "3,5", 1, -3.5, NULL, 1, 0, 0, 0, 0, NULL },
	{ MINUS " 3,5", 1, -3.5, NULL, 1, 0, 0, 0, 0, NULL },
	/* OCR reads a minus as an en or em dash set against the digits */
	{ "\xE2\x80\x94" "448 185", 1, -448185, NULL, 1, 0, 0, 0, 0, NULL },
	{ "\xE2\x80\x93" "11 371", 1, -11371, NULL, 1, 0, 0, 0, 0, NULL },
	{ NDASH "3,5", 1, -3.5, NULL, 1, 0, 0, 0, 0, NULL },
	{ "+4200", 1, 4200, NULL, 1, 0, 0, 0, 0, NULL },
	{ "95 162 (+867)", 1, 95162, NULL, 1, 0, 0, 867, 0, NULL },
	{ "29 200 (+4200)", 1, 29200, NULL, 1, 0, 0, 4200, 0, NULL },
	{ "14 902 (-10)", 1, 14902, NULL, 1, 0, 0, -10, 0, NULL },
	{ "1 200 (" MINUS "35)", 1, 1200, NULL, 1, 0, 0, -35, 0, NULL },
	{ "4,6 av max 6", 1, 4.6, NULL, 1, 0, 0, 0, 6, NULL },
	{ "ca 40", 1, 40, NULL, 1, 0, 0, 0, 0, "ca" },
	{ "ca. 40", 1, 40, NULL, 1, 0, 0, 0, 0, "ca" },
	{ "cirka 40 personer", 1, 40, "count", 1, 0, 0, 0, 0, "ca" },
	{ "över 4 400", 1, 4400, NULL, 1, 0, 0, 0, 0, "över" },
	{ "drygt 100 besökare", 1, 100, "count", 1, 0, 0, 0, 0, "drygt" },
	{ "50-60", 1, 50, NULL, 1, 0, 60, 0, 0, NULL },
	{ "50" NDASH "60", 1, 50, NULL, 1, 0, 60, 0, 0, NULL },
	{ "50 - 60 skolor", 1, 50, "count", 1, 0, 60, 0, 0, NULL },
	{ "-", 1, 0, NULL, 1, 1, 0, 0, 0, NULL },
	{ NDASH, 1, 0, NULL, 1, 1, 0, 0, 0, NULL },
	{ "\xE2\x80\x94", 1, 0, NULL, 1, 1, 0, 0, 0, NULL },
	{ "n.a", 1, 0, NULL, 1, 1, 0, 0, 0, NULL },
	{ "n.a.", 1, 0, NULL, 1, 1, 0, 0, 0, NULL },
	{ "N/A", 0, 0, NULL, 1, 0, 0, 0, 0, NULL },
	{ "x", 1, 0, NULL, 1, 1, 0, 0, 0, NULL },
	{ " 42 ", 1, 42, NULL, 1, 0, 0, 0, 0, NULL },
	{ "12 tkr", 1, 12, "TSEK", 1e3, 0, 0, 0, 0, NULL },
	{ "12 Tkr", 1, 12, "TSEK", 1e3, 0, 0, 0, 0, NULL },
	{ "12 KSEK", 1, 12, "TSEK", 1e3, 0, 0, 0, 0, NULL },
	{ "12 tusental kronor", 1, 12, "TSEK", 1e3, 0, 0, 0, 0, NULL },
	{ "27,9 miljoner kronor", 1, 27.9, "MSEK", 1e6, 0, 0, 0, 0, NULL },
	{ "27,9 mkr", 1, 27.9, "MSEK", 1e6, 0, 0, 0, 0, NULL },
	{ "27,9 Mkr", 1, 27.9, "MSEK", 1e6, 0, 0, 0, 0, NULL },
	{ "27,9 MSEK", 1, 27.9, "MSEK", 1e6, 0, 0, 0, 0, NULL },
	{ "1,2 miljarder kronor", 1, 1.2, "GSEK", 1e9, 0, 0, 0, 0, NULL },
	{ "100 SEK", 1, 100, "SEK", 1, 0, 0, 0, 0, NULL },
	{ "100 kronor", 1, 100, "SEK", 1, 0, 0, 0, 0, NULL },
	{ "36 %", 1, 36, "percent", 1, 0, 0, 0, 0, NULL },
	{ "36 procent", 1, 36, "percent", 1, 0, 0, 0, 0, NULL },
	{ "12 st", 1, 12, "count", 1, 0, 0, 0, 0, NULL },
	{ "2500 underskrifter", 1, 2500, "count", 1, 0, 0, 0, 0, NULL },
	{ "31 fall", 1, 31, "count", 1, 0, 0, 0, 0, NULL },
	{ "94 295 följare", 1, 94295, "count", 1, 0, 0, 0, 0, NULL },
	{ "120 medlemmar", 1, 120, "count", 1, 0, 0, 0, 0, NULL },
	{ "37 samarbetskolor", 1, 37, "count", 1, 0, 0, 0, 0, NULL },
	{ "14 personer", 1, 14, "count", 1, 0, 0, 0, 0, NULL },
	{ "39 enkäter", 1, 39, "count", 1, 0, 0, 0, 0, NULL },
	/* a decimal point: money with two decimals (spreadsheets, English-style tables) */
	{ "45389.01", 1, 45389.01, NULL, 1, 0, 0, 0, 0, NULL },
	{ "950.00", 1, 950, NULL, 1, 0, 0, 0, 0, NULL },
	{ "0.00", 1, 0, NULL, 1, 0, 0, 0, 0, NULL },
	{ "-1000.50", 1, -1000.5, NULL, 1, 0, 0, 0, 0, NULL },
	{ "1,234.50", 1, 1234.5, NULL, 1, 0, 0, 0, 0, NULL },
	{ "12 345.60 kr", 1, 12345.6, "SEK", 1, 0, 0, 0, 0, NULL },
	/* not quantities */
	{ "1.10", 0, 0, NULL, 1, 0, 0, 0, 0, NULL },            /* section number */
	{ "23.59", 0, 0, NULL, 1, 0, 0, 0, 0, NULL },           /* time */
	{ "1,234.5", 0, 0, NULL, 1, 0, 0, 0, 0, NULL },
	{ "2021", 0, 0, NULL, 1, 0, 0, 0, 0, NULL },            /* a year */
	{ "2020-2021", 0, 0, NULL, 1, 0, 0, 0, 0, NULL },       /* years */
	{ "2020/21", 0, 0, NULL, 1, 0, 0, 0, 0, NULL },
	{ "1.1", 0, 0, NULL, 1, 0, 0, 0, 0, NULL },             /* goal number */
	{ "2.2.", 0, 0, NULL, 1, 0, 0, 0, 0, NULL },
	{ "CC 2452-53", 0, 0, NULL, 1, 0, 0, 0, 0, NULL },      /* cost centre */
	{ "16:e", 0, 0, NULL, 1, 0, 0, 0, 0, NULL },            /* ordinal */
	{ "2021-05-28", 0, 0, NULL, 1, 0, 0, 0, 0, NULL },      /* date */
	{ "13.00", 0, 0, NULL, 1, 0, 0, 0, 0, NULL },           /* time */
	{ "kl 10-15", 0, 0, NULL, 1, 0, 0, 0, 0, NULL },
	{ "08-123 45 67", 0, 0, NULL, 1, 0, 0, 0, 0, NULL },    /* phone */
	{ "Facebook", 0, 0, NULL, 1, 0, 0, 0, 0, NULL },
	{ "T1 2021", 0, 0, NULL, 1, 0, 0, 0, 0, NULL },
	{ "Inga avvikelser att rapportera", 0, 0, NULL, 1, 0, 0, 0, 0, NULL },
	{ "", 0, 0, NULL, 1, 0, 0, 0, 0, NULL },
	{ "(Nyckeltal 6, tertial)", 0, 0, NULL, 1, 0, 0, 0, 0, NULL },
	{ "52,491,000", 0, 0, NULL, 1, 0, 0, 0, 0, NULL },
	{ "1 2 3", 0, 0, NULL, 1, 0, 0, 0, 0, NULL },
	{ "12 34", 0, 0, NULL, 1, 0, 0, 0, 0, NULL },            /* not a thousands group */
	{ "xx", 0, 0, NULL, 1, 0, 0, 0, 0, NULL },
	{ "--", 0, 0, NULL, 1, 0, 0, 0, 0, NULL },
	{ "www.amnesty.se", 0, 0, NULL, 1, 0, 0, 0, 0, NULL },
	{ "Nyckeltal 7", 0, 0, NULL, 1, 0, 0, 0, 0, NULL },
	{ "§ 4", 0, 0, NULL, 1, 0, 0, 0, 0, NULL },
};

static int near(double a, double b)
{
	return fabs(a - b) < 1e-9 * (fabs(a) + fabs(b) + 1);
}

static void cell_quantities(void **state)
{
	for (size_t i = 0; i < N_ELEMS(cells); i++) {
		const struct cell_row *r = &cells[i];
		struct pat_qty q;
		int ok = pat_cell_quantity(ps, r->in, &q);

		if (ok != r->ok)
			fail_msg("cell row %zu \"%s\": %s", i, r->in, ok ? "a quantity" : "not a quantity");
		if (!ok)
			continue;
		if (q.missing != r->missing || (!r->missing && !near(q.value, r->value)) ||
		    (r->unit ? !q.unit || strcmp(q.unit, r->unit) : q.unit != NULL) ||
		    !near(q.scale, r->scale) || !near(q.is_range ? q.hi : 0, r->hi) ||
		    !near(q.has_change ? q.change : 0, r->change) || !near(q.has_max ? q.max : 0, r->max) ||
		    (r->qual ? !q.qualifier || strcmp(q.qualifier, r->qual) : q.qualifier != NULL))
			fail_msg("cell row %zu \"%s\": value %g unit %s scale %g missing %d hi %g change %g "
				 "max %g qual %s", i, r->in, q.value, q.unit ? q.unit : "-", q.scale,
				 q.missing, q.hi, q.change, q.max, q.qualifier ? q.qualifier : "-");
	}
}

static const struct prose_row {
	const char *in;
	size_t n;           /* quantities found */
	double first;       /* value of the first */
	const char *unit;   /* unit of the first */
	const char *noun;   /* noun of the first, "" if none */
} prose[] = {
	{ "har hittills resulterat i 2500 underskrifter.", 1, 2500, "count", "underskrifter" },
	{ "bidragit till att stötta totalt 31 fall under första tertialen", 1, 31, "count", "fall" },
	{ "ingår nu 37 samarbetskolor.", 1, 37, "count", "samarbetskolor" },
	{ "tilldelades i mars 27,9 miljoner kronor av Svenska PostkodLotteriet", 1, 27.9, "MSEK", "" },
	{ "vilket ger en svarsfrekvens på 36 %.", 1, 36, "percent", "" },
	{ "A-day för 50-60 gymnasieskolor under hösten", 1, 50, "count", "gymnasieskolor" },
	{ "besöktes av mellan 30 och drygt 100 besökare.", 1, 100, "count", "besökare" },
	{ "Av 26 svar är 25 positiva", 1, 26, "count", "svar" },
	{ "uppgick till 4 400 personer, en ökning med 3,5 procent.", 2, 4400, "count", "personer" },
	{ "Dock är det 14 % (2 personer) som menar", 2, 14, "percent", "" },
	{ "Insamlade medel 180 495 kr mot 265 120 kr", 2, 180495, "SEK", "" },
	{ "ett resultat på 5 653 tkr", 1, 5653, "TSEK", "" },
	{ "sammanlagt ca 72 % anser", 1, 72, "percent", "" },
	{ "14 personer att svara", 1, 14, "count", "personer" },
	/* numbers that are not quantities in prose */
	{ "lanserades 22 mars och fick bra spridning", 0, 0, NULL, "" },
	{ "genomfördes i år 19-21 april under helt digitala former", 0, 0, NULL, "" },
	{ "Under 2020 gjordes en översyn", 0, 0, NULL, "" },
	{ "mötet den 2 december 2019 kl 10-15", 0, 0, NULL, "" },
	{ "beslut 2021-05-28 om budget", 0, 0, NULL, "" },
	{ "en 16:e kärnindikator", 0, 0, NULL, "" },
	{ "MR Internationellt (CC 2452-53, 2353, 2062-63)", 0, 0, NULL, "" },
	{ "ring 08-123 45 67 för frågor", 0, 0, NULL, "" },
	{ "åren 2019\xE2\x80\x94" "2020 och 2021\xE2\x80\x93" "2022", 0, 0, NULL, "" },
	{ "mål 1.1 och 2.2 följs upp", 0, 0, NULL, "" },
	{ "starta kl. 13.00 och sluta 15.30", 0, 0, NULL, "" },
	{ "Vision 2016 exempelvis", 0, 0, NULL, "" },
	{ "se sidan 12", 0, 0, NULL, "" },
	{ "Nyckeltal 6, tertial", 0, 0, NULL, "" },
	{ "T1 2021 jämfört med T1 2020", 0, 0, NULL, "" },
	{ "Covid-19 fortsätter att påverka", 0, 0, NULL, "" },
	{ "", 0, 0, NULL, "" },
};

static void prose_quantities(void **state)
{
	for (size_t i = 0; i < N_ELEMS(prose); i++) {
		const struct prose_row *r = &prose[i];
		struct pat_qty q[8];
		size_t n = pat_prose_quantities(ps, r->in, q, 8);

		if (n != r->n)
			fail_msg("prose row %zu \"%s\": %zu found, want %zu (first %g %s)", i, r->in, n,
				 r->n, n ? q[0].value : 0, n && q[0].unit ? q[0].unit : "-");
		if (!n)
			continue;
		if (!near(q[0].value, r->first) || strcmp(q[0].unit ? q[0].unit : "", r->unit) ||
		    strcmp(q[0].noun, r->noun))
			fail_msg("prose row %zu \"%s\": %g %s \"%s\"", i, r->in, q[0].value,
				 q[0].unit ? q[0].unit : "-", q[0].noun);
		assert_true(q[0].end > q[0].start && q[0].end <= strlen(r->in));
	}
}

static const struct period_row {
	const char *in;
	int year;           /* default year */
	int ok;
	const char *label, *start, *end;
} periods[] = {
	{ "T1 2021", 0, 1, "T1 2021", "2021-01-01", "2021-04-30" },
	{ "T2 2021", 0, 1, "T2 2021", "2021-05-01", "2021-08-31" },
	{ "T3 2020", 0, 1, "T3 2020", "2020-09-01", "2020-12-31" },
	{ "T1 - 2021", 0, 1, "T1 2021", "2021-01-01", "2021-04-30" },
	{ "T1-2020", 0, 1, "T1 2020", "2020-01-01", "2020-04-30" },
	{ "tertial 1", 2021, 1, "T1 2021", "2021-01-01", "2021-04-30" },
	{ "Tertial 2 2019", 0, 1, "T2 2019", "2019-05-01", "2019-08-31" },
	{ "Utf T1", 2021, 1, "T1 2021", "2021-01-01", "2021-04-30" },
	{ "Fg år T1", 2021, 1, "T1 2021", "2021-01-01", "2021-04-30" },
	{ "T1", 0, 1, "T1", "", "" },
	{ "Q3 2020", 0, 1, "Q3 2020", "2020-07-01", "2020-09-30" },
	{ "Q1 2024", 0, 1, "Q1 2024", "2024-01-01", "2024-03-31" },
	{ "kvartal 2", 2022, 1, "Q2 2022", "2022-04-01", "2022-06-30" },
	{ "Kvartal 4 2020", 0, 1, "Q4 2020", "2020-10-01", "2020-12-31" },
	{ "helår 2021", 0, 1, "2021", "2021-01-01", "2021-12-31" },
	{ "Helåret 2020", 0, 1, "2020", "2020-01-01", "2020-12-31" },
	{ "verksamhetsår 2022", 0, 1, "2022", "2022-01-01", "2022-12-31" },
	{ "2020", 0, 1, "2020", "2020-01-01", "2020-12-31" },
	{ "Budget 2022", 0, 1, "2022", "2022-01-01", "2022-12-31" },
	{ "jan–apr 2021", 0, 1, "2021-01/04", "2021-01-01", "2021-04-30" },
	{ "jan-apr 2021", 0, 1, "2021-01/04", "2021-01-01", "2021-04-30" },
	{ "januari - juni 2020", 0, 1, "2020-01/06", "2020-01-01", "2020-06-30" },
	{ "April 2021", 0, 1, "2021-04", "2021-04-01", "2021-04-30" },
	{ "Dec 2020", 0, 1, "2020-12", "2020-12-01", "2020-12-31" },
	{ "februari 2024", 0, 1, "2024-02", "2024-02-01", "2024-02-29" },
	{ "Tertialrapport T1 2021", 0, 1, "T1 2021", "2021-01-01", "2021-04-30" },
	{ "TERTIALRAPPORT 2021", 0, 1, "2021", "2021-01-01", "2021-12-31" },
	{ "3.4 T1-rapport verksamhet och ekonomi", 2021, 1, "T1 2021", "2021-01-01", "2021-04-30" },
	/* a split financial year: its months are not printed, so no dates */
	{ "2022/2023", 0, 1, "2022/2023", "", "" },
	{ "Räkenskapsår 2021/22", 0, 1, "2021/2022", "", "" },
	/* not periods */
	{ "2022/2024", 0, 0, "", "", "" },      /* two years apart: no financial year */
	{ "T4 2021", 0, 0, "", "", "" },
	{ "Q5", 0, 0, "", "", "" },
	{ "helår", 0, 0, "", "", "" },
	{ "april", 0, 0, "", "", "" },             /* a month with no year */
	{ "Indikatorer", 0, 0, "", "", "" },
	{ "52 491", 0, 0, "", "", "" },
	{ "2021-05-28", 0, 0, "", "", "" },
	{ "1.1 Amnesty Sverige", 0, 0, "", "", "" },
	{ "ST1", 0, 0, "", "", "" },
	{ "Kanal", 0, 0, "", "", "" },
	{ "12345", 0, 0, "", "", "" },
	{ "", 0, 0, "", "", "" },
};

static void period_rows(void **state)
{
	for (size_t i = 0; i < N_ELEMS(periods); i++) {
		const struct period_row *r = &periods[i];
		struct pat_period p;
		int ok = pat_period(ps, r->in, r->year, &p);

		if (ok != r->ok || (ok && (strcmp(p.label, r->label) || strcmp(p.start, r->start) ||
					   strcmp(p.end, r->end))))
			fail_msg("period row %zu \"%s\": %d \"%s\" %s..%s", i, r->in, ok, p.label, p.start,
				 p.end);
	}
}

static void period_shift(void **state)
{
	struct pat_period p;

	assert_true(pat_period(ps, "Fg år T1", 2021, &p));
	pat_period_shift(&p, -1);
	assert_string_equal(p.label, "T1 2020");
	assert_string_equal(p.end, "2020-04-30");
	assert_true(pat_period(ps, "februari 2021", 0, &p));
	pat_period_shift(&p, -1);
	assert_string_equal(p.end, "2020-02-29");
}

static void measures(void **state)
{
	static const struct { const char *in, *m; } rows[] = {
		{ "Utfall", "actual" }, { "Utf T1", "actual" }, { "utfall 2021", "actual" },
		{ "Budget", "budget" }, { "Bud T1", "budget" }, { "Budget 2022", "budget" },
		{ "Budgetförslag för IX 2021", "budget" }, { "Budgeteringen", NULL },
		{ "Fg år T1", "previous_year" }, { "Fg. år", "previous_year" },
		{ "Fg ar T1", "previous_year" }, { "Maltal", "target" }, /* as OCR reads them */
		{ "Föregående år", "previous_year" }, { "Prognos helår", "forecast" },
		{ "Måltal", "target" }, { "Avvikelse", "deviation" }, { "Avv. mot budget", "deviation" },
		{ "Indikatorer", NULL }, { "Kanal", NULL }, { "T1 2021", NULL }, { "Utförare", NULL },
		{ "Budgetering", NULL }, { "", NULL },
	};

	for (size_t i = 0; i < N_ELEMS(rows); i++) {
		const char *m = pat_measure(ps, rows[i].in);

		if (rows[i].m ? !m || strcmp(m, rows[i].m) : m != NULL)
			fail_msg("measure row %zu \"%s\": %s", i, rows[i].in, m ? m : "NULL");
	}
}

static void header_units(void **state)
{
	static const struct { const char *in; const char *unit; double scale; } rows[] = {
		{ "Resultat (Tkr)", "TSEK", 1e3 }, { "Resultat\t(Tkr)", "TSEK", 1e3 },
		{ "Belopp i tkr", "TSEK", 1e3 }, { "Belopp i kr", "SEK", 1 },
		{ "Andel (%)", "percent", 1 }, { "(Mkr)", "MSEK", 1e6 }, { "kr", "SEK", 1 },
		{ "Tabell 3: Resultat (KSEK)", "TSEK", 1e3 },
		{ "Resultat", NULL, 1 }, { "Kronobergs län", NULL, 1 }, { "(14)", NULL, 1 },
		{ "Krav (st)", "count", 1 }, { "Indikatorer", NULL, 1 },
	};

	for (size_t i = 0; i < N_ELEMS(rows); i++) {
		const char *u = NULL;
		double sc = 1;
		int ok = pat_header_unit(ps, rows[i].in, &u, &sc);

		if (rows[i].unit ? !ok || strcmp(u, rows[i].unit) || !near(sc, rows[i].scale) : ok)
			fail_msg("header unit row %zu \"%s\": %s %g", i, rows[i].in, ok ? u : "none", sc);
	}
}

static void date_periods(void **state)
{
	static const struct { const char *in; int ok; const char *label, *start, *end; } rows[] = {
		{ "2020-01-01 -2020-12-31", 1, "2020", "2020-01-01", "2020-12-31" },
		{ "2022-01-01- 2022-12-31", 1, "2022", "2022-01-01", "2022-12-31" },
		{ "2019-01-01 \u2013 2019-12-31", 1, "2019", "2019-01-01", "2019-12-31" },
		{ "2021-07-01\u20132022-06-30", 1, "2021-07-01\u20132022-06-30", "2021-07-01", "2022-06-30" },
		/* any dash between two whole dates: OCR reads an en dash as
		 * an em dash or a hyphen, a producer may set a minus */
		{ "2015-01-01\u20142015-12-31", 1, "2015", "2015-01-01", "2015-12-31" },
		{ "2016-01-01-2016-12-31", 1, "2016", "2016-01-01", "2016-12-31" },
		{ "2016-01-01 \u2212 2016-12-31", 1, "2016", "2016-01-01", "2016-12-31" },
		{ "2021-07-01\u20122022-06-30", 1, "2021-07-01\u20132022-06-30", "2021-07-01", "2022-06-30" },
		{ "2022-12-31", 1, "2022-12-31", "", "2022-12-31" },
		{ "Balansräkning 2020-12-31", 1, "2020-12-31", "", "2020-12-31" },
		/* must not: a year alone, a range backwards, a number, a phone */
		{ "2020", 0, "", "", "" },
		{ "2020-12-31 - 2020-01-01", 0, "", "", "" },
		{ "2020-12-31\u20142020-01-01", 0, "", "", "" },
		{ "12 458", 0, "", "", "" },
		{ "08-123 456 78", 0, "", "", "" },
		{ "120221-12-31", 0, "", "", "" },
	};

	for (size_t i = 0; i < N_ELEMS(rows); i++) {
		struct pat_period p;
		int ok = pat_date_period(ps, rows[i].in, &p);

		if (ok != rows[i].ok || (ok && (strcmp(p.label, rows[i].label) || strcmp(p.start, rows[i].start) ||
						strcmp(p.end, rows[i].end))))
			fail_msg("date period row %zu \"%s\": %d \"%s\" %s..%s", i, rows[i].in, ok, p.label, p.start,
				 p.end);
	}
	/* a previous year's column: the dates move too */
	assert_true(pat_date_period(ps, "2021-07-01 - 2022-06-30", &(struct pat_period){ 0 }));
	{
		struct pat_period p;

		pat_date_period(ps, "2022-12-31", &p);
		pat_period_shift(&p, -1);
		assert_string_equal(p.end, "2021-12-31");
		assert_string_equal(p.label, "2021-12-31");
	}
}

static void label_units(void **state)
{
	static const struct { const char *in; const char *unit; double scale; const char *rest; } rows[] = {
		{ "Nettoomsättning (tot intäkter) Tkr", "TSEK", 1e3, "Nettoomsättning (tot intäkter)" },
		{ "Soliditet, %", "percent", 1, "Soliditet" },
		{ "Soliditet %", "percent", 1, "Soliditet" },
		{ "Genomsnittlig årsavgift/m² kr", "SEK", 1, "Genomsnittlig årsavgift/m²" },
		{ "Årsavgift (kr/kvm)", "SEK/m2", 1, "Årsavgift" },
		{ "Årsavgift kr per kvm", "SEK/m2", 1, "Årsavgift" },
		{ "Hyra kr/mån", "SEK/month", 1, "Hyra" },
		{ "Resultat (Mkr)", "MSEK", 1e6, "Resultat" },
		{ "Antal lägenheter st", "count", 1, "Antal lägenheter" },
		/* must not: a unit inside the label, a word ending in "kr", a unit alone */
		{ "Kr per medlem och år", NULL, 1, "" },
		{ "Skuldsättning per kvm", NULL, 1, "" },
		{ "Bokföringskr", NULL, 1, "" },
		{ "Tkr", NULL, 1, "" },
		{ "Nettoomsättning", NULL, 1, "" },
		{ "", NULL, 1, "" },
	};

	for (size_t i = 0; i < N_ELEMS(rows); i++) {
		const char *u = NULL;
		double sc = 1;
		size_t cut = 0;
		int ok = pat_label_unit(ps, rows[i].in, &u, &sc, &cut);

		if (rows[i].unit ? !ok || strcmp(u, rows[i].unit) || !near(sc, rows[i].scale) ||
					   strlen(rows[i].rest) != cut || strncmp(rows[i].in, rows[i].rest, cut)
				 : ok)
			fail_msg("label unit row %zu \"%s\": %s %g cut %zu", i, rows[i].in, ok ? u : "none", sc, cut);
	}
}

static void per_area_and_document_units(void **state)
{
	static const struct { const char *in; int per_area; } area[] = {
		{ "Lån/m² bostadsyta", 1 }, { "Elkostnad /m² bostadsyta", 1 }, { "Årsavgift per kvm", 1 },
		{ "Skuldsättning per kvm upplåten med bostadsrätt", 1 }, { "Lån per m2", 1 },
		{ "Lån", 0 }, { "Kvmpris", 0 }, { "Antal m² bostadsyta", 0 }, { "Permanent", 0 },
	};
	static const struct { const char *in; const char *unit; } doc[] = {
		{ "Alla belopp redovisas i kronor om inget annat anges.", "SEK" },
		{ "Årsredovisningen är upprättad i svenska kronor, SEK.", "SEK" },
		{ "Belopp anges i tusental kronor (tkr).", "TSEK" },
		{ "Beloppet i kronor stiger.", NULL }, { "Belopp i kr", NULL },
		{ "Styrelsen föreslår att beloppen överförs.", NULL },
	};

	for (size_t i = 0; i < N_ELEMS(area); i++)
		if (pat_per_area(ps, area[i].in) != area[i].per_area)
			fail_msg("per area row %zu \"%s\"", i, area[i].in);
	for (size_t i = 0; i < N_ELEMS(doc); i++) {
		const char *u = NULL;
		double sc = 1;
		int ok = pat_doc_unit(ps, doc[i].in, &u, &sc);

		if (doc[i].unit ? !ok || strcmp(u, doc[i].unit) : ok)
			fail_msg("document unit row %zu \"%s\": %s", i, doc[i].in, ok ? u : "none");
	}
}

static void dates(void **state)
{
	static const struct { const char *in, *iso; } rows[] = {
		{ "2021-05-28", "2021-05-28" }, { "1999-12-31", "1999-12-31" },
		{ "2 december 2019", "2019-12-02" }, { "17 september 2010", "2010-09-17" },
		{ "den 9 december 2020", "2020-12-09" }, { "31 januari 2022 kl. 13.00", "2022-01-31" },
		{ "1 maj 2021", "2021-05-01" }, { "15 Mars 2021", "2021-03-15" },
		{ "2016" NDASH "05" NDASH "25", "2016-05-25" },
		{ "2021-02-30x", NULL }, { "32 maj 2020", NULL }, { "maj 2020", NULL },
		{ "20210528", NULL }, { "28/5 2021", NULL }, { "T1 2021", NULL },
		{ "kl 10-15", NULL }, { "16:e", NULL },
	};

	for (size_t i = 0; i < N_ELEMS(rows); i++) {
		char iso[11] = "";
		int ok = pat_date(ps, rows[i].in, iso);

		if (rows[i].iso ? (!ok || strcmp(iso, rows[i].iso)) : ok)
			fail_msg("date row %zu \"%s\": %s", i, rows[i].in, ok ? iso : "no date");
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(cell_quantities),
		cmocka_unit_test(prose_quantities),
		cmocka_unit_test(period_rows),
		cmocka_unit_test(period_shift),
		cmocka_unit_test(measures),
		cmocka_unit_test(header_units),
		cmocka_unit_test(dates),
		cmocka_unit_test(date_periods),
		cmocka_unit_test(label_units),
		cmocka_unit_test(per_area_and_document_units),
	};

	printf("quantity rows: %zu cells, %zu prose, %zu periods\n", N_ELEMS(cells), N_ELEMS(prose),
	       N_ELEMS(periods));
	return cmocka_run_group_tests_name("Swedish quantities", tests, setup, teardown);
}
