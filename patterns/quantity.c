/* quantity.c: numbers, units, periods and measures; see quantity.h. */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "quantity.h"

/* "52 491" with any of the spaces, "−3,5": the digits as a double. */
static double to_double(const char *s)
{
	char buf[64];
	size_t n = 0;
	int neg = 0;

	for (const unsigned char *p = (const unsigned char *)s; *p && n + 1 < sizeof(buf); p++) {
		if (*p >= '0' && *p <= '9')
			buf[n++] = (char)*p;
		else if (*p == ',')
			buf[n++] = '.';
		else if (*p == '-' || (p[0] == 0xE2 && p[1] == 0x88 && p[2] == 0x92))
			neg = 1;
	}
	buf[n] = '\0';
	return (neg ? -1 : 1) * strtod(buf, NULL);
}

static const struct { const char *prefix; const char *unit; double scale; } unit_tab[] = {
	{ "miljarder", "GSEK", 1e9 }, { "mdkr", "GSEK", 1e9 }, { "mdr", "GSEK", 1e9 },
	{ "miljoner", "MSEK", 1e6 }, { "milj", "MSEK", 1e6 }, { "mkr", "MSEK", 1e6 },
	{ "mnkr", "MSEK", 1e6 }, { "msek", "MSEK", 1e6 }, { "tusen", "TSEK", 1e3 },
	{ "tkr", "TSEK", 1e3 }, { "ksek", "TSEK", 1e3 }, { "tsek", "TSEK", 1e3 },
	{ "kronor", "SEK", 1 }, { "kr", "SEK", 1 }, { "sek", "SEK", 1 },
	{ "procent", "percent", 1 }, { "%", "percent", 1 }, { "st", "count", 1 },
};

static void set_unit(const char *u, const char **unit, double *scale)
{
	for (size_t i = 0; i < sizeof(unit_tab) / sizeof(unit_tab[0]); i++)
		if (strncasecmp(u, unit_tab[i].prefix, strlen(unit_tab[i].prefix)) == 0) {
			*unit = unit_tab[i].unit;
			*scale = unit_tab[i].scale;
			return;
		}
}

int pat_unit_word(const char *w, const char **unit, double *scale)
{
	static const struct { const char *name; double scale; } canon[] = {
		{ "SEK", 1 }, { "TSEK", 1e3 }, { "MSEK", 1e6 }, { "GSEK", 1e9 },
		{ "percent", 1 }, { "count", 1 },
	};

	for (size_t i = 0; i < sizeof(canon) / sizeof(canon[0]); i++)
		if (!strcmp(w, canon[i].name)) {
			*unit = canon[i].name;
			*scale = canon[i].scale;
			return 1;
		}
	*unit = NULL;
	*scale = 1;
	set_unit(w, unit, scale);
	return *unit != NULL;
}

static const char *qualifier(const char *q)
{
	static const char *const words[] = { "ca", "cirka", "över", "under", "drygt", "nästan",
					     "knappt", "minst", "högst", "omkring", "runt" };

	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (strncasecmp(q, words[i], strlen(words[i])) == 0)
			return i == 1 ? "ca" : words[i];
	return NULL;
}

/* Fills q from a match of the cell or prose pattern. */
static void fill(pcre2_match_data *md, struct pat_qty *q)
{
	char b[96], sign[8];
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);

	memset(q, 0, sizeof(*q));
	q->scale = 1;
	q->noun = q->noun_buf;
	q->start = ov[0];
	q->end = ov[1];
	if (pat_group(md, "missing", b, sizeof(b))) {
		q->missing = 1;
		return;
	}
	pat_group(md, "sign", sign, sizeof(sign));
	if (!pat_group(md, "int", b, sizeof(b)) && pat_group(md, "intc", b, sizeof(b))) {
		size_t w = 0;   /* "1,234" of "1,234.50": the commas group thousands */

		for (size_t r = 0; b[r]; r++)
			if (b[r] != ',')
				b[w++] = b[r];
		b[w] = '\0';
	}
	{
		char num[128];

		snprintf(num, sizeof(num), "%s%s", sign[0] ? "-" : "", b);
		if (sign[0] == '+')
			num[0] = ' ';
		q->value = to_double(num);
	}
	if (pat_group(md, "frac", b, sizeof(b)) || pat_group(md, "fracp", b, sizeof(b))) {
		char f[100];
		double frac;

		snprintf(f, sizeof(f), "0,%s", b);
		frac = to_double(f);
		q->value += q->value < 0 || sign[0] == '-' ? -frac : frac;
	}
	if (pat_group(md, "hi", b, sizeof(b))) {
		q->is_range = 1;
		q->hi = to_double(b);
	}
	if (pat_group(md, "rate", b, sizeof(b)))
		q->unit = strstr(b, "mån") ? "SEK/month" : "SEK/m2";
	else if (pat_group(md, "unit", b, sizeof(b)))
		set_unit(b, &q->unit, &q->scale);
	if (pat_group(md, "noun", q->noun_buf, sizeof(q->noun_buf)))
		q->unit = "count";
	if (pat_group(md, "chg", b, sizeof(b))) {
		q->has_change = 1;
		q->change = to_double(b);
	}
	if (pat_group(md, "max", b, sizeof(b))) {
		q->has_max = 1;
		q->max = to_double(b);
	}
	if (pat_group(md, "q", b, sizeof(b)))
		q->qualifier = qualifier(b);
}

/* A bare four-digit year, or a range of years: not a quantity. */
static int looks_like_year(pcre2_match_data *md, const struct pat_qty *q)
{
	char in[32], fr[8], hi[16];

	pat_group(md, "int", in, sizeof(in));
	if (!pat_group(md, "frac", fr, sizeof(fr)))
		pat_group(md, "fracp", fr, sizeof(fr));
	pat_group(md, "hi", hi, sizeof(hi));
	if (q->unit || fr[0] || strlen(in) != 4 || q->value < 1900 || q->value > 2100)
		return 0;
	return !hi[0] || strlen(hi) == 4 || strlen(hi) == 2;
}

int pat_cell_quantity(const struct pat_set *ps, const char *s, struct pat_qty *q)
{
	pcre2_match_data *md = pcre2_match_data_create_from_pattern(ps->cell, NULL);
	int rc, ok = 0;

	if (!md)
		return 0;
	rc = pcre2_match(ps->cell, (PCRE2_SPTR)s, PCRE2_ZERO_TERMINATED, 0, PCRE2_NO_UTF_CHECK, md, NULL);
	if (rc > 0) {
		fill(md, q);
		ok = q->missing || !looks_like_year(md, q);
	}
	pcre2_match_data_free(md);
	return ok;
}

/* Spans of text that hold numbers but no quantity. */
static int masked(const size_t (*spans)[2], size_t n, size_t at)
{
	for (size_t i = 0; i < n; i++)
		if (at >= spans[i][0] && at < spans[i][1])
			return 1;
	return 0;
}

/* Quantities only start near digits: the patterns run in a window
 * around each group of digits rather than over the whole text, which
 * keeps long documents from paying for every byte of their prose. */
#define WIN_BEFORE 24   /* "cirka ", a sign, a no-break space */
#define WIN_AFTER 96    /* "1 234 567,89 miljoner kronor (+12 345)" */

size_t pat_prose_quantities(const struct pat_set *ps, const char *s, struct pat_qty *out, size_t max)
{
	pcre2_match_data *md = pcre2_match_data_create_from_pattern(ps->prose, NULL);
	pcre2_match_data *mm = pcre2_match_data_create_from_pattern(ps->nonqty, NULL);
	size_t spans[64][2], ns = 0, n = 0, len = strlen(s), done = 0;

	if (!md || !mm)
		goto out;
	for (size_t d = 0; d < len && n < max; d++) {
		size_t from, to;

		if (s[d] < '0' || s[d] > '9' || (d > 0 && s[d - 1] >= '0' && s[d - 1] <= '9'))
			continue;
		if (d < done)
			continue;   /* inside the last quantity found */
		from = d > WIN_BEFORE ? d - WIN_BEFORE : 0;
		if (from < done)
			from = done;
		to = d + WIN_AFTER < len ? d + WIN_AFTER : len;
		/* Window edges on character boundaries: the matcher is told
		 * the text is valid UTF-8 and must never see half a character. */
		while (from > 0 && ((unsigned char)s[from] & 0xC0) == 0x80)
			from--;
		while (to < len && ((unsigned char)s[to] & 0xC0) == 0x80)
			to++;
		/* Dates, times, codes around this number. */
		ns = 0;
		for (size_t off = from; ns < 64 && off < to &&
		     pcre2_match(ps->nonqty, (PCRE2_SPTR)s, to, off, PCRE2_NO_UTF_CHECK, mm, NULL) > 0;) {
			PCRE2_SIZE *ov = pcre2_get_ovector_pointer(mm);

			spans[ns][0] = ov[0];
			spans[ns][1] = ov[1];
			ns++;
			off = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
		}
		if (pcre2_match(ps->prose, (PCRE2_SPTR)s, to, from, PCRE2_NO_UTF_CHECK, md, NULL) > 0) {
			PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
			long num = pat_group_start(ps->prose, md, "int");

			/* Only a match of this number counts; an earlier one was
			 * already tried at its own digits. */
			if (num < (long)d)
				continue;
			if (num > (long)d) {
				d = (size_t)num - 1;
				continue;
			}
			if (masked((const size_t (*)[2])spans, ns, (size_t)num))
				continue;
			fill(md, &out[n]);
			out[n].noun = out[n].noun_buf;
			n++;
			done = ov[1];
		}
	}
out:
	pcre2_match_data_free(md);
	pcre2_match_data_free(mm);
	return n;
}

/* The unit in s by re's group "unit": 1 with *unit and *scale set. */
static int unit_by(const pcre2_code *re, const char *s, const char **unit, double *scale)
{
	pcre2_match_data *md;
	char b[48];
	int ok = 0;

	if (!s || !(md = pcre2_match_data_create_from_pattern(re, NULL)))
		return 0;
	if (pcre2_match(re, (PCRE2_SPTR)s, PCRE2_ZERO_TERMINATED, 0, PCRE2_NO_UTF_CHECK, md, NULL) > 0 &&
	    pat_group(md, "unit", b, sizeof(b))) {
		*unit = NULL;
		*scale = 1;
		set_unit(b, unit, scale);
		ok = *unit != NULL;
	}
	pcre2_match_data_free(md);
	return ok;
}

int pat_header_unit(const struct pat_set *ps, const char *s, const char **unit, double *scale)
{
	return unit_by(ps->hunit, s, unit, scale);
}

/* Whether re matches somewhere in s. */
static int matches(const pcre2_code *re, const char *s)
{
	pcre2_match_data *md;
	int ok;

	if (!s || !s[0] || !(md = pcre2_match_data_create_from_pattern(re, NULL)))
		return 0;
	ok = pcre2_match(re, (PCRE2_SPTR)s, PCRE2_ZERO_TERMINATED, 0, PCRE2_NO_UTF_CHECK, md, NULL) > 0;
	pcre2_match_data_free(md);
	return ok;
}

int pat_counts(const struct pat_set *ps, const char *s)
{
	return matches(ps->counted, s);
}

static int month_number(const char *m)
{
	static const char *const names[] = { "jan", "feb", "mar", "apr", "maj", "jun",
					     "jul", "aug", "sep", "okt", "nov", "dec" };

	for (int i = 0; i < 12; i++)
		if (strncasecmp(m, names[i], 3) == 0)
			return i + 1;
	return 0;
}

static int days_in(int year, int month)
{
	static const int d[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

	return month == 2 && leap ? 29 : d[month - 1];
}

/* Dates and label from kind, year and index. */
static void period_fill(struct pat_period *p)
{
	int m0 = 1, m1 = 12;

	switch (p->kind) {
	case PAT_P_TERTIAL: m0 = 4 * (p->index - 1) + 1; m1 = m0 + 3; break;
	case PAT_P_QUARTER: m0 = 3 * (p->index - 1) + 1; m1 = m0 + 2; break;
	case PAT_P_MONTH: m0 = m1 = p->index; break;
	case PAT_P_MONTHS: m0 = p->index; m1 = p->to_month; break;
	default: break;
	}
	p->start[0] = p->end[0] = '\0';
	if (p->kind == PAT_P_SPLIT) {   /* which months it runs is not printed: none invented */
		snprintf(p->label, sizeof(p->label), "%d/%d", p->year % 10000, (p->year + 1) % 10000);
		return;
	}
	if (p->year > 0) {
		snprintf(p->start, sizeof(p->start), "%04d-%02d-01", p->year % 10000, m0);
		snprintf(p->end, sizeof(p->end), "%04d-%02d-%02d", p->year % 10000, m1,
			 days_in(p->year, m1));
	}
	switch (p->kind) {
	case PAT_P_TERTIAL:
		snprintf(p->label, sizeof(p->label), p->year ? "T%d %d" : "T%d", p->index, p->year);
		break;
	case PAT_P_QUARTER:
		snprintf(p->label, sizeof(p->label), p->year ? "Q%d %d" : "Q%d", p->index, p->year);
		break;
	case PAT_P_MONTH:
		snprintf(p->label, sizeof(p->label), "%04d-%02d", p->year % 10000, p->index);
		break;
	case PAT_P_MONTHS:
		snprintf(p->label, sizeof(p->label), "%04d-%02d/%02d", p->year % 10000, m0, m1);
		break;
	default:
		snprintf(p->label, sizeof(p->label), "%d", p->year);
	}
}

/* "T4 2021", "Q5 2020": a year after a part that is no tertial or
 * quarter is not the whole year either. */
static int bad_part_before(const char *s, size_t at)
{
	size_t i = at;

	while (i > 0 && (s[i - 1] == ' ' || s[i - 1] == '-'))
		i--;
	return i >= 2 && s[i - 1] >= '0' && s[i - 1] <= '9' &&
	       strchr("TtQq", s[i - 2]) && (i == 2 || !((s[i - 3] | 32) >= 'a' && (s[i - 3] | 32) <= 'z'));
}

int pat_period(const struct pat_set *ps, const char *s, int default_year, struct pat_period *p)
{
	pcre2_match_data *md = pcre2_match_data_create_from_pattern(ps->period, NULL);
	char b[32];
	int ok = 0;

	memset(p, 0, sizeof(*p));
	if (!md)
		return 0;
	if (pcre2_match(ps->period, (PCRE2_SPTR)s, PCRE2_ZERO_TERMINATED, 0, PCRE2_NO_UTF_CHECK, md, NULL) > 0) {
		ok = 1;
		p->year = pat_group(md, "y", b, sizeof(b)) ? atoi(b) : 0;
		if (pat_group(md, "s1", b, sizeof(b))) {
			/* "2022/2023", "2022/23": the second year the next */
			int y2;

			p->kind = PAT_P_SPLIT;
			p->year = atoi(b);
			pat_group(md, "s2", b, sizeof(b));
			y2 = atoi(b);
			ok = y2 == p->year + 1 || y2 == (p->year + 1) % 100;
		} else if (pat_group(md, "yo", b, sizeof(b))) {
			p->kind = PAT_P_YEAR;
			p->year = atoi(b);
			ok = !bad_part_before(s, (size_t)pat_group_start(ps->period, md, "yo"));
		} else if (pat_group(md, "ti", b, sizeof(b))) {
			p->kind = PAT_P_TERTIAL;
			p->index = atoi(b);
		} else if (pat_group(md, "qi", b, sizeof(b))) {
			p->kind = PAT_P_QUARTER;
			p->index = atoi(b);
		} else if (pat_group(md, "h", b, sizeof(b))) {
			p->kind = PAT_P_YEAR;
		} else if (pat_group(md, "m1", b, sizeof(b))) {
			p->kind = PAT_P_MONTHS;
			p->index = month_number(b);
			pat_group(md, "m2", b, sizeof(b));
			p->to_month = month_number(b);
			ok = p->to_month >= p->index;
		} else if (pat_group(md, "m", b, sizeof(b))) {
			/* A month alone is a period only with its year ("April 2021"). */
			p->kind = PAT_P_MONTH;
			p->index = month_number(b);
			ok = p->year > 0;
		}
		if (!p->year)
			p->year = default_year;
		/* A quarter or tertial with no year to place it is still a
		 * period (its label says which); a bare "helår" is not. */
		if (p->kind == PAT_P_YEAR && !p->year)
			ok = 0;
	}
	pcre2_match_data_free(md);
	if (ok)
		period_fill(p);
	else
		memset(p, 0, sizeof(*p));
	return ok;
}

/* The year of an ISO date moved by years, in place ("" stays ""). */
static void shift_date(char *d, int years)
{
	char rest[8];

	if (strlen(d) != 10)
		return;
	snprintf(rest, sizeof(rest), "%.6s", d + 4);
	snprintf(d, 16, "%04d%.6s", (atoi(d) + years) % 10000, rest);
}

static void date_label(struct pat_period *p)
{
	if (p->kind == PAT_P_INSTANT)
		snprintf(p->label, sizeof(p->label), "%.10s", p->end);
	else
		snprintf(p->label, sizeof(p->label), "%.10s\u2013%.10s", p->start, p->end);
}

void pat_period_shift(struct pat_period *p, int years)
{
	if (p->kind == PAT_P_NONE || p->year == 0)
		return;
	p->year += years;
	if (p->kind == PAT_P_RANGE || p->kind == PAT_P_INSTANT) {
		shift_date(p->start, years);
		shift_date(p->end, years);
		date_label(p);
		return;
	}
	period_fill(p);
}

int pat_date_period(const struct pat_set *ps, const char *s, struct pat_period *p)
{
	pcre2_match_data *md = pcre2_match_data_create_from_pattern(ps->dperiod, NULL);
	char a[16], b[16];
	int ok;

	memset(p, 0, sizeof(*p));
	if (!md)
		return 0;
	ok = pcre2_match(ps->dperiod, (PCRE2_SPTR)s, PCRE2_ZERO_TERMINATED, 0, PCRE2_NO_UTF_CHECK, md, NULL) > 0 &&
	     pat_group(md, "a", a, sizeof(a));
	if (ok && pat_group(md, "b", b, sizeof(b))) {
		p->year = atoi(b);
		if (!strcmp(a + 4, "-01-01") && !strcmp(b + 4, "-12-31") && atoi(a) == p->year) {
			p->kind = PAT_P_YEAR;   /* a calendar year, as "2020" says it */
			period_fill(p);
		} else {
			p->kind = PAT_P_RANGE;
			snprintf(p->start, sizeof(p->start), "%s", a);
			snprintf(p->end, sizeof(p->end), "%s", b);
			date_label(p);
		}
		ok = strcmp(a, b) < 0;
	} else if (ok) {
		p->kind = PAT_P_INSTANT;
		p->year = atoi(a);
		snprintf(p->end, sizeof(p->end), "%s", a);
		date_label(p);
	}
	pcre2_match_data_free(md);
	if (!ok)
		memset(p, 0, sizeof(*p));
	return ok;
}

int pat_label_unit(const struct pat_set *ps, const char *label, const char **unit, double *scale,
		   size_t *cut)
{
	pcre2_match_data *md;
	char b[48];
	int ok = 0;

	if (!label || !label[0] || !(md = pcre2_match_data_create_from_pattern(ps->lunit, NULL)))
		return 0;
	if (pcre2_match(ps->lunit, (PCRE2_SPTR)label, PCRE2_ZERO_TERMINATED, 0, PCRE2_NO_UTF_CHECK, md, NULL) > 0) {
		size_t at = (size_t)pcre2_get_ovector_pointer(md)[0];

		*unit = NULL;
		*scale = 1;
		if (pat_group(md, "rate", b, sizeof(b)))
			*unit = strstr(b, "m") && !strstr(b, "mån") ? "SEK/m2" : "SEK/month";
		else if (pat_group(md, "unit", b, sizeof(b)))
			set_unit(b, unit, scale);
		/* what is left: the label without the unit, its comma, space
		 * or opening bracket */
		while (at > 0 && strchr(" \t,(", label[at - 1]))
			at--;
		*cut = at;
		ok = *unit != NULL && at > 0;
	}
	pcre2_match_data_free(md);
	return ok;
}

int pat_doc_unit(const struct pat_set *ps, const char *s, const char **unit, double *scale)
{
	return unit_by(ps->dunit, s, unit, scale);
}

int pat_per_area(const struct pat_set *ps, const char *label)
{
	return matches(ps->perarea, label);
}

const char *pat_measure(const struct pat_set *ps, const char *s)
{
	static const struct { const char *group, *name; } tab[] = {
		{ "p", "previous_year" }, { "a", "actual" }, { "b", "budget" },
		{ "f", "forecast" }, { "t", "target" }, { "d", "deviation" },
	};
	pcre2_match_data *md = pcre2_match_data_create_from_pattern(ps->measure, NULL);
	const char *m = NULL;
	char b[32];

	if (!md)
		return NULL;
	if (pcre2_match(ps->measure, (PCRE2_SPTR)s, PCRE2_ZERO_TERMINATED, 0, PCRE2_NO_UTF_CHECK, md, NULL) > 0)
		for (size_t i = 0; i < sizeof(tab) / sizeof(tab[0]) && !m; i++)
			if (pat_group(md, tab[i].group, b, sizeof(b)))
				m = tab[i].name;
	pcre2_match_data_free(md);
	return m;
}
