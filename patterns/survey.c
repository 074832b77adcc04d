/* survey.c: survey size, responses and rate; figure questions with their
 * percentages; answer scales. */
#include "internal.h"

#include <glib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "quantity.h"

#define SURVEY_LINE_MAX 60   /* a line of its own: "Antal tillfrågade: 120" */
#define SURVEY_CAPTION_MAX 200   /* a caption's length at most */

static double num(const char *s)
{
	char b[32];
	size_t n = 0;

	for (; *s && n + 1 < sizeof(b); s++)
		b[n++] = *s == ',' ? '.' : *s;
	b[n] = '\0';
	return strtod(b, NULL);
}

/* Who was asked and who answered, from the matches of respcount in t:
 * the first of each. */
static void counts(const struct pat_set *ps, const char *t, double *pop, double *resp)
{
	pcre2_match_data *md = pcre2_match_data_create_from_pattern(ps->respcount, NULL);
	PCRE2_SIZE at = 0;
	char b[32];

	while (md && pcre2_match(ps->respcount, (PCRE2_SPTR)t, PCRE2_ZERO_TERMINATED, at, PCRE2_NO_UTF_CHECK, md,
				 NULL) > 0) {
		at = pcre2_get_ovector_pointer(md)[1];
		if (*pop < 0 && pat_group(md, "pop", b, sizeof(b)))
			*pop = num(b);
		if (*resp < 0 && pat_group(md, "resp", b, sizeof(b)))
			*resp = num(b);
	}
	pcre2_match_data_free(md);
}

/* The response rate, and the counts in its paragraph: "Av de 39 som
 * enkäten gick ut till, valde 14 personer att svara, vilket ger en
 * svarsfrekvens på 36 %."; "Svarsfrekvensen blev 70 % (84 av 120)".
 * Counts printed as their own lines ("Antal svar: 84") are gathered in
 * lines[] and count only beside a rate. */
static void response(const struct pat_set *ps, struct doc *doc, size_t bi, double lines[2])
{
	struct doc_survey *s = &doc->survey;
	pcre2_match_data *md = pcre2_match_data_create_from_pattern(ps->response, NULL);
	const char *t = doc->blocks[bi].text;
	char b[32];

	if (!md)
		return;
	if (s->rate < 0 && pcre2_match(ps->response, (PCRE2_SPTR)t, PCRE2_ZERO_TERMINATED, 0, PCRE2_NO_UTF_CHECK, md, NULL) > 0) {
		if (pat_group(md, "rate", b, sizeof(b)))
			s->rate = num(b);
		counts(ps, t, &s->population, &s->responses);
		s->text = t;
		pat_prov_block(doc, bi, &s->prov);
		s->present = 1;
	} else if (strlen(t) < SURVEY_LINE_MAX) {
		counts(ps, t, &lines[0], &lines[1]);
	}
	pcre2_match_data_free(md);
}

/* All three printed: they must agree to within rounding. */
static void response_check(struct doc *doc)
{
	struct doc_survey *s = &doc->survey;

	if (s->population > 0 && s->responses >= 0 && s->rate >= 0 &&
	    fabs(100.0 * s->responses / s->population - s->rate) > 1.0)
		doc_warn(doc, s->prov.page, "survey_mismatch", "%g of %g is %.1f %%, but the text says %g %%",
			 s->responses, s->population, 100.0 * s->responses / s->population, s->rate);
}

/* Answers from a table: a text cell and a percentage in each row. */
static int table_answers(const struct pat_set *ps, struct doc *doc, struct doc_figure *f,
			 const struct doc_table *t)
{
	const struct doc_cell **g = doc_table_origins(t);
	int rc = g || t->nrows <= 0 || t->ncols <= 0 ? 0 : EX_ENOMEM;

	for (int r = t->header_rows; r < t->nrows && g && rc == 0; r++) {
		const char *answer = NULL;
		double pct = -1;

		for (int c = 0; c < t->ncols; c++) {
			const struct doc_cell *x = doc_grid_at(t, g, r, c);
			struct pat_qty q;

			if (!x || !x->text[0])
				continue;
			if (pat_cell_quantity(ps, x->text, &q) && !q.missing) {
				if (q.unit && !strcmp(q.unit, "percent") && pct < 0)
					pct = q.value;
			} else if (!answer) {
				answer = x->text;
			}
		}
		if (answer && pct >= 0) {
			struct doc_answer *a = ARENA_PUSH(doc->arena, f->answers, f->nanswers, f->cap_answers);

			if (!a) {
				rc = EX_ENOMEM;
				break;
			}
			a->answer = answer;
			a->percent = pct;
		}
	}
	free(g);
	return rc;
}

/* Answers in the text under a figure that has no table: "Mycket nöjd
 * 45 %, ganska nöjd 30 %, ..." each an answer with its share; else the
 * percentages alone. */
static int text_answers(const struct pat_set *ps, struct doc *doc, struct doc_figure *f, size_t bi)
{
	struct pat_qty q[16];
	const char *t = doc->blocks[bi].text;
	pcre2_match_data *md = pcre2_match_data_create_from_pattern(ps->answer, NULL);
	PCRE2_SIZE at = 0;
	size_t n, named = 0;
	char b[32];

	while (md && pcre2_match(ps->answer, (PCRE2_SPTR)t, PCRE2_ZERO_TERMINATED, at, PCRE2_NO_UTF_CHECK, md,
				 NULL) > 0) {
		struct doc_answer *a = ARENA_PUSH(doc->arena, f->answers, f->nanswers, f->cap_answers);

		at = pcre2_get_ovector_pointer(md)[1];
		if (!a || !(a->answer = pat_group_dup(doc->arena, md, "a"))) {
			pcre2_match_data_free(md);
			return EX_ENOMEM;
		}
		pat_group(md, "p", b, sizeof(b));
		a->percent = num(b);
		named++;
	}
	pcre2_match_data_free(md);
	if (named)
		return 0;
	n = pat_prose_quantities(ps, t, q, 16);

	for (size_t i = 0; i < n; i++) {
		struct doc_answer *a;

		if (!q[i].unit || strcmp(q[i].unit, "percent"))
			continue;
		a = ARENA_PUSH(doc->arena, f->answers, f->nanswers, f->cap_answers);
		if (!a)
			return EX_ENOMEM;
		a->answer = NULL;
		a->percent = q[i].value;
	}
	return 0;
}

/* The length of the word a figure's caption starts with and its space
 * ("Figur ", "Tabell ", "Diagram "); 0 when t starts with none. */
static size_t caption_word(const char *t)
{
	static const char *const words[] = { "Figur ", "Tabell ", "Diagram ", NULL };

	for (int i = 0; words[i]; i++)
		if (g_str_has_prefix(t, words[i]))
			return strlen(words[i]);
	return 0;
}

/* A paragraph set as a caption where the format has no such type (an
 * ODT paragraph "Diagram 1: Hur nöjd är du?"): the word, its number and
 * a colon or stop, on one short line. */
static int caption_paragraph(const struct doc_block *b)
{
	const char *t = b->text;
	size_t n = caption_word(t), d;

	if (b->type != DOC_BLK_PARAGRAPH || strlen(t) > SURVEY_CAPTION_MAX || !n)
		return 0;
	t += n;
	d = strspn(t, "0123456789");
	return d > 0 && (t[d] == ':' || t[d] == '.');
}

static int figure(const struct pat_set *ps, struct doc *doc, size_t bi)
{
	struct doc_survey *s = &doc->survey;
	const char *t = doc->blocks[bi].text, *colon = strchr(t, ':');
	struct doc_figure *f;
	int rc = 0;

	if (!caption_word(t))
		return 0;
	f = ARENA_PUSH(doc->arena, s->figures, s->nfigures, s->cap_figures);
	if (!f)
		return EX_ENOMEM;
	f->label = colon ? arena_strndup(doc->arena, t, (size_t)(colon - t)) : t;
	f->question = colon ? colon + 1 + (colon[1] == ' ') : NULL;
	pat_prov_block(doc, bi, &f->prov);
	/* The figure's numbers: the table that follows, else the first
	 * paragraph of them before the next caption or heading. */
	for (size_t j = bi + 1; j < doc->nblocks && j <= bi + 4 && rc == 0 && !f->nanswers; j++) {
		const struct doc_block *b = &doc->blocks[j];

		if (b->type == DOC_BLK_TABLE)
			return table_answers(ps, doc, f, &doc->tables[b->table]);
		if (b->type == DOC_BLK_CAPTION || b->type == DOC_BLK_HEADING || caption_paragraph(b))
			break;
		if (b->type == DOC_BLK_PARAGRAPH)
			rc = text_answers(ps, doc, f, j);
	}
	return rc;
}

/* "nöjdhetsskala från 7-1", "på en skala 1–5". */
static int scales(struct doc *doc, size_t bi)
{
	struct doc_survey *s = &doc->survey;
	const char *t = doc->blocks[bi].text, *p = strstr(t, "skala");
	int a, b;
	char sep[4];

	if (!p)
		return 0;
	p += 5;
	while (*p == ' ' || !strncmp(p, "från", 5)) {
		if (*p == ' ')
			p++;
		else
			p += 5;
	}
	if (sscanf(p, "%d%3[-\xE2\x80\x93 ]%d", &a, sep, &b) == 3) {
		const char **x = ARENA_PUSH(doc->arena, s->scales, s->nscales, s->cap_scales);

		if (!x)
			return EX_ENOMEM;
		*x = arena_printf(doc->arena, "%d-%d", a, b);
		s->present = 1;
	}
	return 0;
}

/* A cell's mean score: a number alone, within the scale [lo, hi] when
 * one is known (lo > hi when not); -1 when none. */
static double mean_cell(const struct pat_set *ps, const char *s, double lo, double hi)
{
	struct pat_qty q;

	if (!s || !s[0] || !pat_cell_quantity(ps, s, &q) || q.missing || q.unit)
		return -1;
	if (lo <= hi && (q.value < lo || q.value > hi))
		return -1;
	return q.value;
}

/* A table of mean scores ("Fråga | 2024 | 2023", "Fråga | Vår förening
 * | Alla"): its columns of numbers within the survey's scale (or, with
 * no scale printed, under a heading that says "medel" or "snitt"), one
 * of them a decimal; each row a question's mean, the first column its
 * own, the others compared beside it. */
static int means_rows(const struct pat_set *ps, struct doc *doc, size_t bi, const struct doc_cell **g,
		      double lo, double hi)
{
	const struct doc_table *t = &doc->tables[doc->blocks[bi].table];
	int cols[8], ncols = 0, decimal = 0, said = 0, hr = t->header_rows;

	/* a table that marks no header rows (ODT's): its first row is one
	 * when none of its cells right of the label is a number */
	if (hr == 0) {
		hr = 1;
		for (int c = 1; hr && c < t->ncols; c++) {
			const struct doc_cell *x = doc_grid_at(t, g, 0, c);

			hr = !(x && mean_cell(ps, x->text, 1, 0) >= 0);
		}
	}
	if (t->ncols < 2 || t->nrows <= hr)
		return 0;
	for (int c = 1; c < t->ncols && ncols < 8; c++) {
		int all = 1;
		const struct doc_cell *h = doc_grid_at(t, g, hr - 1, c);

		for (int r = hr; r < t->nrows && all; r++) {
			const struct doc_cell *x = doc_grid_at(t, g, r, c);
			double v = mean_cell(ps, x ? x->text : NULL, lo, hi);

			all = v >= 0;
			decimal |= all && v != floor(v);
		}
		if (all)
			cols[ncols++] = c;
		if (h && (strstr(h->text, "edel") || strstr(h->text, "nitt")))
			said = 1;
	}
	if (!ncols || !decimal || (lo > hi && !said))
		return 0;
	for (int r = hr; r < t->nrows; r++) {
		const struct doc_cell *q = doc_grid_at(t, g, r, 0);
		struct doc_mean *m = ARENA_PUSH(doc->arena, doc->survey.means, doc->survey.nmeans, doc->survey.cap_means);

		if (!m)
			return EX_ENOMEM;
		m->question = q && q->text[0] ? q->text : NULL;
		pat_prov_block(doc, bi, &m->prov);
		for (int k = 0; k < ncols; k++) {
			const struct doc_cell *h = hr ? doc_grid_at(t, g, hr - 1, cols[k]) : NULL, *x = doc_grid_at(t, g, r, cols[k]);
			double v = mean_cell(ps, x->text, lo, hi);
			struct doc_compare *cmp;

			if (k == 0) {
				m->column = h && h->text[0] ? h->text : NULL;
				m->value = v;
				if (x->has_box) {
					m->prov.box = x->box;
					m->prov.has_box = 1;
				}
				continue;
			}
			if (!(cmp = ARENA_PUSH(doc->arena, m->compare, m->ncompare, m->cap_compare)))
				return EX_ENOMEM;
			cmp->column = h && h->text[0] ? h->text : NULL;
			cmp->value = v;
		}
	}
	return 0;
}

static int means_table(const struct pat_set *ps, struct doc *doc, size_t bi, double lo, double hi)
{
	const struct doc_table *t = &doc->tables[doc->blocks[bi].table];
	const struct doc_cell **g = doc_table_origins(t);
	int rc;

	if (!g)
		return t->nrows > 0 && t->ncols > 0 ? EX_ENOMEM : 0;
	rc = means_rows(ps, doc, bi, g, lo, hi);
	free(g);
	return rc;
}

/* The survey's tables of means, once its scale is known ("1-5": the
 * first printed). */
static int means(const struct pat_set *ps, struct doc *doc)
{
	double lo = 1, hi = 0;
	int a, b, rc = 0;

	if (doc->survey.nscales && sscanf(doc->survey.scales[0], "%d-%d", &a, &b) == 2) {
		lo = a < b ? a : b;
		hi = a < b ? b : a;
	}
	for (size_t i = 0; i < doc->nblocks && rc == 0; i++)
		if (doc->blocks[i].type == DOC_BLK_TABLE && !doc->blocks[i].furniture && doc->blocks[i].table >= 0)
			rc = means_table(ps, doc, i, lo, hi);
	return rc;
}

int pat_survey(const struct pat_set *ps, struct doc *doc)
{
	struct doc_survey *s = &doc->survey;
	double lines[2] = { -1, -1 };   /* "Antal tillfrågade: 120", "Antal svar: 84" */
	int rc = 0;

	s->population = s->responses = s->rate = -1;
	if (strcmp(doc->type, "evaluation"))
		return 0;
	s->present = 1;
	for (size_t i = 0; i < doc->nblocks && rc == 0; i++) {
		const struct doc_block *b = &doc->blocks[i];

		if (b->furniture)
			continue;
		if (b->type == DOC_BLK_CAPTION || caption_paragraph(b))
			rc = figure(ps, doc, i);
		else if (b->type == DOC_BLK_PARAGRAPH || b->type == DOC_BLK_LIST_ITEM) {
			response(ps, doc, i, lines);
			rc = scales(doc, i);
		}
	}
	if (rc == 0)
		rc = means(ps, doc);
	if (s->rate >= 0 && s->population < 0)
		s->population = lines[0];
	if (s->rate >= 0 && s->responses < 0)
		s->responses = lines[1];
	response_check(doc);
	return rc;
}
