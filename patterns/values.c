/* values.c: the document's period and typed values from tables and prose. */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "quantity.h"

static void set_period(struct arena *a, struct doc_period *dp, const struct pat_period *p)
{
	dp->label = arena_strdup(a, p->label);
	dp->start = p->start[0] ? arena_strdup(a, p->start) : NULL;
	dp->end = p->end[0] ? arena_strdup(a, p->end) : NULL;
}

/* The year in the document's period, 0 if none. */
static int doc_year(const struct doc *doc)
{
	return doc->period.start ? atoi(doc->period.start) : 0;
}

int pat_doc_period(const struct pat_set *ps, struct doc *doc)
{
	const char *cand[16];
	size_t n = 0;
	struct pat_period best = { 0 }, p;

	cand[n++] = doc->title;
	cand[n++] = doc->meta.title;
	for (size_t i = 0; i < doc->nfields; i++)
		if (n < 10 && (!strcmp(doc->fields[i].name, "punkt") || !strcmp(doc->fields[i].name, "arende")))
			cand[n++] = doc->fields[i].value;
	for (size_t i = 0; i < doc->nblocks && n < 16; i++)
		if (doc->blocks[i].type == DOC_BLK_HEADING && doc->blocks[i].level <= 2 && i < 40)
			cand[n++] = doc->blocks[i].text;
	/* The most specific period wins: a tertial or quarter over a year. */
	for (size_t i = 0; i < n; i++) {
		if (!cand[i] || !pat_period(ps, cand[i], best.year, &p))
			continue;
		if (best.kind == PAT_P_NONE || (best.kind == PAT_P_YEAR && p.kind != PAT_P_YEAR &&
						(p.year == best.year || !p.year)))
			best = p;
	}
	if (best.kind != PAT_P_NONE && best.year) {
		pat_period(ps, best.label, best.year, &p);
		set_period(doc->arena, &doc->period, &p);
	}
	return 0;
}

/* The nearest heading before block i, or NULL. */
static const char *section_of(const struct doc *doc, size_t i)
{
	while (i-- > 0)
		if (doc->blocks[i].type == DOC_BLK_HEADING && !doc->blocks[i].furniture)
			return doc->blocks[i].text;
	return NULL;
}

static const struct doc_cell *cell_at(const struct doc_table *t, int r, int c)
{
	for (size_t i = 0; i < t->ncells; i++) {
		const struct doc_cell *x = &t->cells[i];

		if (r >= x->row && r < x->row + x->rowspan && c >= x->col && c < x->col + x->colspan)
			return x;
	}
	return NULL;
}

static const char *cell_text(const struct doc_table *t, int r, int c)
{
	const struct doc_cell *x = cell_at(t, r, c);

	return x && x->row == r && x->col == c ? x->text : "";
}

/* What a column header says of the values below it. */
struct column {
	struct pat_period period;
	int has_period;
	const char *measure;
	const char *unit;
	double scale;
};

static void describe_column(const struct pat_set *ps, const struct doc *doc,
			    const struct doc_table *t, int c, int header_rows, struct column *col)
{
	char text[512] = "";
	size_t n = 0;

	memset(col, 0, sizeof(*col));
	col->scale = 1;
	for (int r = 0; r < header_rows; r++) {
		const struct doc_cell *x = cell_at(t, r, c);

		if (x && x->text[0] && n + strlen(x->text) + 2 < sizeof(text))
			n += (size_t)snprintf(text + n, sizeof(text) - n, "%s%s", n ? " " : "", x->text);
	}
	col->measure = pat_measure(ps, text);
	col->has_period = pat_period(ps, text, doc_year(doc), &col->period);
	if (!col->has_period && col->measure && doc->period.label) {
		/* "Utfall", "Budget", "Fg år" alone: the document's period. */
		col->has_period = pat_period(ps, doc->period.label, doc_year(doc), &col->period);
	}
	if (col->has_period && col->measure && !strcmp(col->measure, "previous_year"))
		pat_period_shift(&col->period, -1);
	pat_header_unit(ps, text, &col->unit, &col->scale);
}

static int is_quantity_cell(const struct pat_set *ps, const char *s)
{
	struct pat_qty q;

	return s[0] && pat_cell_quantity(ps, s, &q) && !q.missing;
}

/* Header rows: as the table says, or a first row without numbers over
 * rows with them. */
static int header_rows_of(const struct pat_set *ps, const struct doc_table *t)
{
	int nums = 0;

	if (t->header_rows > 0)
		return t->header_rows;
	for (int c = 0; c < t->ncols; c++)
		nums += is_quantity_cell(ps, cell_text(t, 0, c));
	return nums == 0 && t->nrows > 1 ? 1 : 0;
}

void pat_prov_block(const struct doc *doc, size_t bi, struct doc_prov *p)
{
	const struct doc_block *b = &doc->blocks[bi];

	p->page = b->page;
	p->box = b->box;
	p->has_box = b->has_box;
	p->path = b->path;
	p->block = (int)bi;
}

static void copy_qty(struct arena *a, struct doc_value *v, const struct pat_qty *q)
{
	v->value = q->value;
	v->missing = q->missing;
	v->unit = q->unit;
	v->scale = q->scale;
	v->qualifier = q->qualifier;
	v->is_range = q->is_range;
	v->hi = q->hi;
	v->has_change = q->has_change;
	v->change = q->change;
	v->has_max = q->has_max;
	v->max = q->max;
	if (q->noun && q->noun[0] && !v->label)
		v->label = arena_strdup(a, q->noun);
}

/* What every value of one table shares. */
struct table_ctx {
	const struct doc_table *t;
	size_t bi;                  /* its block */
	const char *section, *tunit;   /* the heading above; the unit its caption or header gives */
	double tscale;
	int tcounts;                /* its caption or first header says it counts things */
	const struct column *cols;
};

/* The value of cell x (row r, column c) with its row's label and group. */
static int cell_value(const struct pat_set *ps, struct doc *doc, const struct table_ctx *tc,
		      const struct doc_cell *x, int r, int c, const char *label, const char *group,
		      const struct pat_qty *q)
{
	const struct column *col = &tc->cols[c];
	struct doc_value *v = doc_add_value(doc);

	if (!v)
		return EX_ENOMEM;
	v->label = label;
	v->group = group;
	v->section = tc->section;
	copy_qty(doc->arena, v, q);
	if (!v->unit && col->unit) {
		v->unit = col->unit;
		v->scale = col->scale;
	}
	if (!v->unit && tc->tunit) {
		v->unit = tc->tunit;
		v->scale = tc->tscale;
	}
	/* "Antal följare per kanal" over the table, "Ökat antal följare" on
	 * the row: the numbers count things. */
	if (!v->unit && (tc->tcounts || pat_counts(ps, label) || pat_counts(ps, v->group)))
		v->unit = "count";
	if (col->has_period)
		set_period(doc->arena, &v->period, &col->period);
	v->measure = col->measure;
	v->text = x->text;
	v->method = "table";
	pat_prov_block(doc, tc->bi, &v->prov);
	if (x->has_box) {
		v->prov.box = x->box;
		v->prov.has_box = 1;
	}
	v->prov.table = tc->t->id;
	v->prov.row = r;
	v->prov.col = c;
	/* Exact cells from ODT are surer than cells found in layout; a value
	 * with no label or unit is less use to anyone. */
	v->confidence = !strcmp(tc->t->method, "odt") || !strcmp(tc->t->method, "text") ? 0.95f : 0.85f;
	if (!v->label)
		v->confidence -= 0.2f;
	if (!v->unit)
		v->confidence -= 0.1f;
	return 0;
}

static int table_values(const struct pat_set *ps, struct doc *doc, size_t bi)
{
	const struct doc_table *t = &doc->tables[doc->blocks[bi].table];
	int hr = header_rows_of(ps, t);
	const char *group = NULL;
	struct column cols[64];
	struct table_ctx tc = { .t = t, .bi = bi, .section = section_of(doc, bi), .tscale = 1,
				.tcounts = pat_counts(ps, t->caption), .cols = cols };

	if (t->ncols > 64)
		return 0;
	if (!(t->caption && pat_header_unit(ps, t->caption, &tc.tunit, &tc.tscale)))
		for (int c = 0; c < t->ncols && !tc.tunit; c++)
			for (int r = 0; r < hr && !tc.tunit; r++)
				pat_header_unit(ps, cell_text(t, r, c), &tc.tunit, &tc.tscale);
	for (int c = 0; c < t->ncols; c++) {
		describe_column(ps, doc, t, c, hr, &cols[c]);
		for (int r = 0; r < hr; r++)
			tc.tcounts |= c == 0 && pat_counts(ps, cell_text(t, r, c));
	}
	for (int r = hr; r < t->nrows; r++) {
		const char *texts[64];
		int ntext = 0, first_col = -1;

		for (int c = 0; c < t->ncols; c++) {
			const char *s = cell_text(t, r, c);
			struct pat_qty q;

			if (s[0] && !pat_cell_quantity(ps, s, &q)) {
				if (first_col < 0)
					first_col = c;
				texts[ntext++] = s;
			}
		}
		const char *label = ntext ? texts[ntext - 1] : NULL;

		/* A label in the first column heads the rows that leave it empty. */
		if (first_col == 0 && ntext >= 2)
			group = texts[0];
		else if (first_col == 0)
			group = NULL;
		for (int c = 0; c < t->ncols; c++) {
			const struct doc_cell *x = cell_at(t, r, c);
			struct pat_qty q;

			if (!x || x->row != r || x->col != c || !x->text[0] ||
			    !pat_cell_quantity(ps, x->text, &q))
				continue;
			if (cell_value(ps, doc, &tc, x, r, c, label, ntext >= 2 || first_col != 0 ? group : NULL,
				       &q) < 0)
				return EX_ENOMEM;
		}
	}
	return 0;
}

static int is_month(const char *w, size_t n)
{
	static const char *const m[] = { "januari", "februari", "mars", "april", "maj", "juni", "juli",
					 "augusti", "september", "oktober", "november", "december", NULL };

	for (int i = 0; m[i]; i++)
		if (strlen(m[i]) == n && !strncasecmp(w, m[i], n))
			return 1;
	return 0;
}

static int one_of(const char *w, size_t n, const char *const *words)
{
	for (int i = 0; words[i]; i++)
		if (strlen(words[i]) == n && !strncasecmp(w, words[i], n))
			return 1;
	return 0;
}

/* The word that ends before byte end in s: its start, or end if none. */
static size_t prev_word(const char *s, size_t end, size_t *wend)
{
	size_t b;

	while (end > 0 && (s[end - 1] == ' ' || s[end - 1] == ','))
		end--;
	b = end;
	while (b > 0 && s[b - 1] != ' ' && s[b - 1] != '(' && s[b - 1] != ',')
		b--;
	*wend = end;
	return b;
}

/* A label for a quantity in prose: the noun before a preposition
 * ("svarsfrekvens på 36 %", "en ökning med 3,5 procent"), or the word
 * right before the number when it is a noun-like word; NULL rather
 * than a guess ("i mars 27,9 miljoner kronor" gets none). */
static const char *word_before(struct arena *a, const char *s, size_t at)
{
	static const char *const preps[] = { "på", "med", "om", "av", "till", "motsvarande", NULL };
	static const char *const skip[] = { "totalt", "sammanlagt", "ca", "cirka", "över", "under",
					    "drygt", "nästan", "knappt", "minst", "högst", "omkring",
					    "nu", "i", "en", "ett", "och", "är", "var", "har", "det",
					    "som", "för", "ger", "vilket", "mot", "mellan", "de", NULL };
	size_t e, b = prev_word(s, at, &e);

	if (b == e)
		return NULL;
	if (one_of(s + b, e - b, preps))
		b = prev_word(s, b, &e);
	else
		while (b < e && one_of(s + b, e - b, skip))
			b = prev_word(s, b, &e);
	if (b == e || one_of(s + b, e - b, skip) || one_of(s + b, e - b, preps) || is_month(s + b, e - b) ||
	    (s[b] >= '0' && s[b] <= '9'))
		return NULL;
	if (s[e - 1] == ':' || s[e - 1] == '.')
		e--;
	return arena_strndup(a, s + b, e - b);
}

/* The sentence of s around byte at. */
static const char *sentence(struct arena *a, const char *s, size_t at)
{
	size_t b = at, e = at;

	while (b > 0 && !((s[b - 1] == '.' || s[b - 1] == '!' || s[b - 1] == '?') && s[b] == ' '))
		b--;
	while (s[b] == ' ')
		b++;
	while (s[e] && !((s[e] == '.' || s[e] == '!' || s[e] == '?') && (s[e + 1] == ' ' || !s[e + 1])))
		e++;
	return arena_strndup(a, s + b, e - b + (s[e] ? 1 : 0));
}

static int prose_values(const struct pat_set *ps, struct doc *doc, size_t bi)
{
	const struct doc_block *b = &doc->blocks[bi];
	struct pat_qty q[32];
	size_t n = pat_prose_quantities(ps, b->text, q, 32);

	for (size_t i = 0; i < n; i++) {
		struct doc_value *v = doc_add_value(doc);

		if (!v)
			return EX_ENOMEM;
		copy_qty(doc->arena, v, &q[i]);
		if (!v->label)
			v->label = word_before(doc->arena, b->text, q[i].start);
		v->section = section_of(doc, bi);
		v->text = arena_strndup(doc->arena, b->text + q[i].start, q[i].end - q[i].start);
		v->context = sentence(doc->arena, b->text, q[i].start);
		v->method = "prose";
		pat_prov_block(doc, bi, &v->prov);
		v->confidence = q[i].noun[0] ? 0.8f : 0.7f;
		if (v->period.label == NULL && doc->period.label) {
			v->period = doc->period;
			v->confidence -= 0.1f;
		}
	}
	return 0;
}

int pat_values(const struct pat_set *ps, struct doc *doc)
{
	int rc = 0;

	for (size_t i = 0; i < doc->nblocks && rc == 0; i++) {
		const struct doc_block *b = &doc->blocks[i];

		if (b->furniture)
			continue;
		if (b->type == DOC_BLK_TABLE)
			rc = table_values(ps, doc, i);
		else if (b->type == DOC_BLK_PARAGRAPH || b->type == DOC_BLK_LIST_ITEM ||
			 b->type == DOC_BLK_FOOTNOTE)
			rc = prose_values(ps, doc, i);
	}
	return rc;
}
