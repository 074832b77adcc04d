/* quantity.h: Swedish quantities, units and periods.
 *
 * Numbers: "52 491", "18 509 052 kr" (space, NBSP, thin or narrow space as
 * thousands separator), "3619", "27,9", "-16 %", "−3,5" (U+2212), "+4200",
 * "95 162 (+867)" (a value and its change), "4,6 av max 6", "ca 40",
 * "över 4 400", "50-60"; missing markers "-", "–", "n.a", "x".
 * Units: SEK (kr, kronor, SEK), TSEK (Tkr, tkr, KSEK, TSEK, tusental
 * kronor), MSEK (mkr, Mkr, MSEK, miljoner kronor), percent (%, procent),
 * count (st, and counted nouns: underskrifter, fall, följare, medlemmar,
 * skolor, personer, enkäter ...).
 * Not quantities: years, goal numbers ("1.1", "2.2."), cost-centre codes
 * ("CC 2452-53"), ordinals ("16:e"), dates, times, phone numbers.
 * Periods: "T1 2021", "tertial 1", "T1 - 2021", "Q3 2020", "kvartal 2",
 * "helår 2021", "2020", "jan–apr 2021", "April 2021", "Dec 2020". */
#ifndef EX_QUANTITY_H
#define EX_QUANTITY_H

#include <stddef.h>

#include "pat.h"

struct pat_qty {
	double value;          /* as printed: 52491 for "52 491" under Tkr */
	const char *unit;      /* "SEK", "TSEK", "MSEK", "GSEK", "percent", "count"; NULL */
	double scale;          /* to the base unit (SEK): 1, 1e3, 1e6, 1e9; 1 otherwise */
	const char *noun;      /* the counted noun, NUL-terminated copy; "" if none */
	char noun_buf[48];
	const char *qualifier; /* "ca", "över", "under", "drygt", "nästan", "minst", "högst" or NULL */
	int missing;           /* a missing marker, no value */
	int is_range;          /* "50-60": value 50, hi 60 */
	double hi;
	int has_change;        /* "95 162 (+867)" */
	double change;
	int has_max;           /* "4,6 av max 6" */
	double max;
	size_t start, end;     /* bytes of the input it covers */
};

/* A whole table cell (surrounding space allowed) as one quantity or a
 * missing marker. 1 if it is one, 0 if not (text, year, code, date ...). */
int pat_cell_quantity(const struct pat_set *ps, const char *s, struct pat_qty *q);

/* Quantities in running text that carry a unit or a counted noun, in
 * order, at most max; returns how many. Dates, times, years, codes,
 * ordinals and phone numbers are passed over. */
size_t pat_prose_quantities(const struct pat_set *ps, const char *s,
			    struct pat_qty *out, size_t max);

/* A unit named in a header or caption: "Resultat (Tkr)", "Belopp i tkr",
 * "Andel (%)", "kr". Sets unit and scale; 1 if found. */
int pat_header_unit(const struct pat_set *ps, const char *s, const char **unit, double *scale);

/* A unit by its canonical name ("SEK", "TSEK", "MSEK", "GSEK", "percent",
 * "count") or as printed ("kr", "Tkr", "mkr", "%", "procent", "st").
 * 1 if known. */
int pat_unit_word(const char *w, const char **unit, double *scale);

/* 1 if a row label or header counts things ("Ökat antal följare",
 * "Unika sidvisningar"): its numbers are counts. */
int pat_counts(const struct pat_set *ps, const char *s);

enum pat_period_kind { PAT_P_NONE, PAT_P_TERTIAL, PAT_P_QUARTER, PAT_P_YEAR,
		       PAT_P_MONTH, PAT_P_MONTHS, PAT_P_RANGE, PAT_P_INSTANT,
		       PAT_P_SPLIT /* a split financial year, "2022/2023": its months unknown */ };

struct pat_period {
	enum pat_period_kind kind;
	int year;              /* 0 when not printed */
	int index;             /* tertial 1-3, quarter 1-4, month 1-12 */
	int to_month;          /* PAT_P_MONTHS: last month */
	char start[16], end[16];  /* ISO dates, filled when the year is known */
	char label[32];        /* "T1 2021", "Q3 2020", "2020", "2021-04" */
};

/* The first period in s. 1 if found. A period without a year takes
 * default_year (0 for none). */
int pat_period(const struct pat_set *ps, const char *s, int default_year, struct pat_period *p);

/* A period written as dates, as a column header of accounts gives it:
 * "2020-01-01 -2020-12-31" (a calendar year: label "2020"), another
 * range ("2021-07-01–2022-06-30", label as printed, ISO dash), or one
 * date, an instant ("2022-12-31": a balance date; end only). 1 if found. */
int pat_date_period(const struct pat_set *ps, const char *s, struct pat_period *p);

/* A unit that ends a row's label ("Nettoomsättning Tkr", "Soliditet, %",
 * "Årsavgift (kr/kvm)"): *unit and *scale set (rates kr/kvm and kr per
 * månad as "SEK/m2" and "SEK/month"), and *cut the length of the label
 * without it (and its comma or brackets). 0 when the label ends in none. */
int pat_label_unit(const struct pat_set *ps, const char *label, const char **unit, double *scale,
		   size_t *cut);

/* The unit a sentence says all amounts are in ("Alla belopp redovisas
 * i kronor om inget annat anges", "Årsredovisningen är upprättad i
 * svenska kronor"): 1 with *unit and *scale set. */
int pat_doc_unit(const struct pat_set *ps, const char *s, const char **unit, double *scale);

/* Whether a label says its amount is per square metre ("Lån/m²
 * bostadsyta", "Årsavgift per kvm"). */
int pat_per_area(const struct pat_set *ps, const char *label);

/* Shifts a period by whole years ("Fg år T1" in a T1 2021 report). */
void pat_period_shift(struct pat_period *p, int years);

/* The measure a column header names: "actual" (Utfall, Utf), "budget"
 * (Budget, Bud), "previous_year" (Fg år, Föregående år), "forecast"
 * (Prognos), "target" (Måltal, Mål), "deviation" (Avvikelse); NULL. */
const char *pat_measure(const struct pat_set *ps, const char *s);

#endif
