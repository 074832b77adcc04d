/* values.c: the document's period and typed values from tables and prose. */
#include "internal.h"

#include <ctype.h>
#include <glib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../model/norm.h"
#include "quantity.h"

#define MERGED_NUMBERS 1e12   /* a table number this large is columns read as one */

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

/* The cell covering (r, c), from the table's grid (doc_table_grid). */
static const struct doc_cell *cell_at(const struct doc_table *t, const struct doc_cell **grid, int r, int c)
{
	return doc_grid_at(t, grid, r, c);
}

static const char *cell_text(const struct doc_table *t, const struct doc_cell **grid, int r, int c)
{
	const struct doc_cell *x = cell_at(t, grid, r, c);

	return x && x->row == r && x->col == c ? x->text : "";
}

/* What a column header says of the values below it. */
struct column {
	struct pat_period period;
	int has_period;
	const char *measure;
	const char *unit;
	double scale;
	int is_note;   /* headed "Not", "Noter": the notes the rows refer to */
	int style;     /* enum numstyle: how its numbers are written */
	int scanned;   /* on a page OCR read */
};

/* How a table writes its numbers. Swedish: spaces between thousands, a
 * decimal comma ("1 234,5"). English: commas between thousands, a decimal
 * point ("1,234.5"). Dotted: dots between thousands, a decimal comma
 * ("1.234.567", "58.448" beside "25,6"). What a number shows of its style
 * (ev_*) is gathered per column, per table and per document; a column is
 * read in the style of the nearest of these that shows one. */
enum { EV_EN = 1,      /* "1,234,567", "1,234.5": only English writes these */
       EV_DOT = 2,     /* "1.234.567", "1.234,5": only dotted thousands */
       EV_SVDEC = 4,   /* "25,6", "0,12345": a comma that groups no thousands */
       EV_DOTGRP = 8,  /* "58.448": thousands after a dot, or three decimals */
       EV_DOTDEC = 16, /* "8.1", "45389.01", "0.125": a dot that groups no thousands */
       EV_COMMA3 = 32  /* "73,178": thousands after a comma, or three decimals */
};
enum numstyle { NUM_SWEDISH, NUM_ENGLISH, NUM_DOTTED };
#define DOC_COMMA3 4   /* cells of "73,178" alone that make a document English */

/* The evidence of one run of digits and separators, [s, e). */
static int run_evidence(const char *s, const char *e)
{
	int commas = 0, dots = 0, last = 0, ok3 = 1, lead = 0, n = 0;
	char first = 0, second = 0;

	for (const char *p = s; p < e; p++) {
		if (*p >= '0' && *p <= '9') {
			n++;
			continue;
		}
		if (!commas && !dots)
			lead = n;
		else if (n != 3)
			ok3 = 0;
		if (!first)
			first = *p;
		else if (*p != first && !second)
			second = *p;
		commas += *p == ',';
		dots += *p == '.';
		last = *p;
		n = 0;
	}
	if (!commas && !dots)
		return 0;
	if (lead < 1 || n < 1)
		return 0;
	int grouped = lead <= 3 && ok3;   /* every separator before the last one is followed by three digits */

	if (commas && dots) {
		/* "1,234.5": commas then one dot; "1.234,5": dots then one comma */
		if (grouped && first == ',' && last == '.' && dots == 1)
			return EV_EN;
		if (grouped && first == '.' && last == ',' && commas == 1)
			return EV_DOT;
		return 0;
	}
	if (commas >= 2)
		return grouped && n == 3 ? EV_EN : 0;
	if (dots >= 2)
		return grouped && n == 3 ? EV_DOT : 0;
	if (commas == 1)
		return n != 3 || (lead == 1 && *s == '0') ? EV_SVDEC : lead <= 3 ? EV_COMMA3 : EV_SVDEC;
	return lead <= 3 && n == 3 && !(lead == 1 && *s == '0') ? EV_DOTGRP : EV_DOTDEC;
}

/* The evidence of every number in s. */
static int style_evidence(const char *s)
{
	int ev = 0;

	for (const char *p = s; *p;) {
		const char *q = p;

		while ((*q >= '0' && *q <= '9') || ((*q == ',' || *q == '.') && q > p && q[1] >= '0' && q[1] <= '9'))
			q++;
		if (q > p) {
			ev |= run_evidence(p, q);
			p = q;
		} else {
			p++;
		}
	}
	return ev;
}

/* The style that evidence says, or -1 when it says none. */
static int style_of(int ev)
{
	if ((ev & EV_COMMA3) && (ev & EV_DOTDEC) && !(ev & (EV_SVDEC | EV_DOT | EV_DOTGRP)))
		return NUM_ENGLISH;   /* "5,516" beside "5.3": commas group, the point is decimal */
	ev &= ~EV_COMMA3;   /* "73,178" alone says nothing */
	if (ev == EV_DOTGRP)
		return -1;   /* "58.448" alone: thousands, or an English three decimals */
	if ((ev & EV_EN) && !(ev & EV_DOT))
		return NUM_ENGLISH;
	if ((ev & EV_DOT) && !(ev & EV_EN))
		return NUM_DOTTED;
	if ((ev & EV_SVDEC) && (ev & EV_DOTGRP))
		return NUM_DOTTED;   /* "58.448" beside "25,6": the dot groups thousands */
	if (ev & EV_SVDEC)
		return NUM_SWEDISH;
	return -1;
}

/* s in Swedish style into buf (size n): English "1,234.5" and dotted
 * "1.234,5" both become "1 234,5". s itself when its style is Swedish or
 * it does not fit. */
static const char *as_swedish(int style, const char *s, char *buf, size_t n)
{
	size_t o = 0;

	if (style == NUM_SWEDISH || strlen(s) >= n)
		return s;
	for (const char *p = s; *p; p++) {
		char c = *p;
		int between = p > s && p[-1] >= '0' && p[-1] <= '9' && p[1] >= '0' && p[1] <= '9';
		int three = between && p[2] >= '0' && p[2] <= '9' && p[3] >= '0' && p[3] <= '9' &&
			    !(p[4] >= '0' && p[4] <= '9');
		char group = style == NUM_ENGLISH ? ',' : '.', point = style == NUM_ENGLISH ? '.' : ',';

		if (c == group && three)
			c = ' ';
		else if (c == point && between)
			c = ',';
		buf[o++] = c;
	}
	buf[o] = '\0';
	return buf;
}

/* A cell's number, read in the given style; an accounts' negative in
 * brackets ("(91 386)", "(343) tkr" with its unit after) is read with a
 * minus. */
static int cell_number(const struct pat_set *ps, int style, const char *s, struct pat_qty *q)
{
	char buf[128], neg[130];
	const char *close;
	size_t n;

	s = as_swedish(style, s, buf, sizeof(buf));
	if (pat_cell_quantity(ps, s, q))
		return 1;
	while (*s == ' ')
		s++;
	n = strlen(s);
	while (n && s[n - 1] == ' ')
		n--;
	if (n < 3 || n >= sizeof(buf) || s[0] != '(' || !(s[1] >= '0' && s[1] <= '9') || !(close = strchr(s, ')')))
		return 0;
	/* all in the brackets ("(343 tkr)"), or a number in them and a unit after */
	if (close != s + n - 1 && strspn(s + 1, "0123456789 ,.") != (size_t)(close - s - 1))
		return 0;
	snprintf(neg, sizeof(neg), "-%.*s%.*s", (int)(close - s - 1), s + 1, (int)(s + n - close - 1), close + 1);
	return pat_cell_quantity(ps, neg, q) && !q->missing;
}

/* A note reference: one to three digits, else 0. */
static int note_number(const char *s)
{
	size_t n = strspn(s, "0123456789");

	return n >= 1 && n <= 3 && s[n] == '\0' ? atoi(s) : 0;
}

/* Whether column c of t under its first hr rows holds note references
 * only: one at least, each a number under 100, the other cells empty. */
static int notes_only(const struct doc_table *t, int c, int hr)
{
	int n = 0;

	for (size_t i = 0; i < t->ncells; i++) {
		const struct doc_cell *x = &t->cells[i];
		int v;

		if (x->col != c || x->row < hr || !x->text[0])
			continue;
		if ((v = note_number(x->text)) <= 0 || v >= 100)
			return 0;
		n++;
	}
	return n > 0;
}

/* Whether a column header names the notes column ("Not", "Noter", "Not
 * nr"), or is "Not" as OCR misreads its letters (its o as 0, its t as l,
 * f, i or 1: "Nol") over column c of t, under its first hr rows, that
 * holds note references only (notes_only). */
static int note_header(const char *s, const struct doc_table *t, int c, int hr)
{
	static const char *const names[] = { "not", "noter", "not nr", "notnr", "not." };

	while (*s == ' ')
		s++;
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (!strcasecmp(s, names[i]))
			return 1;
	return strlen(s) == 3 && (s[0] == 'N' || s[0] == 'n') && strchr("oO0", s[1]) && strchr("tlfi1I", s[2]) &&
	       notes_only(t, c, hr);
}

static void describe_column(const struct pat_set *ps, const struct doc *doc, const struct doc_table *t,
			    const struct doc_cell **grid, int c, int header_rows, struct column *col)
{
	char text[512] = "";
	size_t n = 0;

	memset(col, 0, sizeof(*col));
	col->scale = 1;
	for (int r = 0; r < header_rows; r++) {
		const struct doc_cell *x = cell_at(t, grid, r, c);

		if (x && x->text[0] && n + strlen(x->text) + 2 < sizeof(text))
			n += (size_t)snprintf(text + n, sizeof(text) - n, "%s%s", n ? " " : "", x->text);
	}
	col->is_note = note_header(text, t, c, header_rows);
	col->measure = pat_measure(ps, text);
	/* Accounts head their columns with dates: "2020-01-01 -2020-12-31",
	 * "2022-12-31". */
	col->has_period = pat_date_period(ps, text, &col->period) ||
			  pat_period(ps, text, doc_year(doc), &col->period);
	/* A column that says neither, in a document whose title names a
	 * measure ("Budgetförslag för IX 2021"): that measure, the
	 * document's period. */
	if (!col->has_period && !col->measure && doc->title)
		col->measure = pat_measure(ps, doc->title);
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

	return s[0] && cell_number(ps, NUM_SWEDISH, s, &q) && !q.missing;
}

/* A row of periods over the value columns ("2020", "2020-01-01
 * -2020-12-31", "Budget 2021", "Utfall"), with labels or nothing beside
 * them and no other number: a header row. */
static int period_row(const struct pat_set *ps, const struct doc_table *t, const struct doc_cell **grid, int r)
{
	int periods = 0;

	for (int c = 1; c < t->ncols; c++) {
		const char *s = cell_text(t, grid, r, c);
		struct pat_period p;

		if (!s[0])
			continue;
		if (pat_date_period(ps, s, &p) || pat_measure(ps, s) || (pat_period(ps, s, 0, &p) && p.year)) {
			periods++;
			continue;
		}
		if (is_quantity_cell(ps, s))
			return 0;   /* a value: the body has begun */
	}
	return periods > 0;
}

/* A row whose one cell with text names a unit, as a header does
 * ("Belopp i kr", "Tkr", "(kr)"). */
static int unit_row(const struct pat_set *ps, const struct doc_table *t, const struct doc_cell **grid, int r)
{
	const char *only = NULL, *unit;
	double scale;

	for (int c = 0; c < t->ncols; c++) {
		const char *s = cell_text(t, grid, r, c);

		if (!s[0])
			continue;
		if (only)
			return 0;
		only = s;
	}
	return only && pat_header_unit(ps, only, &unit, &scale);
}

/* Header rows: as the table says, or a first row without numbers over
 * rows with them; and after them the rows of periods (a title row over a
 * row of years, a date range over two lines), up to four in all. */
static int header_rows_of(const struct pat_set *ps, const struct doc_table *t, const struct doc_cell **grid)
{
	int nums = 0, h = t->header_rows;

	if (h <= 0) {
		for (int c = 0; c < t->ncols; c++)
			nums += is_quantity_cell(ps, cell_text(t, grid, 0, c));
		h = nums == 0 && t->nrows > 1 ? 1 : 0;
	}
	while (h < t->nrows - 1 && h < 4 && period_row(ps, t, grid, h))
		h++;
	/* a row under them that only names the unit ("Belopp i kr") heads too */
	if (h > 0 && h < t->nrows - 1 && unit_row(ps, t, grid, h))
		h++;
	return h;
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

const char *pat_line_text(struct arena *a, const struct doc_line *l)
{
	size_t n = 0;
	char *s, *p;

	for (size_t w = 0; w < l->nwords; w++)
		n += strlen(l->words[w].text) + 1;
	if (!(s = p = arena_alloc(a, n + 1)))
		return NULL;
	for (size_t w = 0; w < l->nwords; w++) {
		size_t k = strlen(l->words[w].text);

		memcpy(p, l->words[w].text, k);
		p += k;
		if (w + 1 < l->nwords)
			*p++ = ' ';
	}
	*p = '\0';
	return s;
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

/* The unit the document says its amounts are in, if it says. */
struct doc_unit {
	const char *unit;
	double scale;
};

/* What every value of one table shares. */
struct table_ctx {
	const struct doc_table *t;
	size_t bi;                  /* its block */
	const char *section, *tunit;   /* the heading above; the unit its caption or header gives */
	double tscale;
	int tcounts;                /* its caption or first header says it counts things */
	const struct column *cols;
	const struct doc_unit *du;
};

/* What a row says of its values: its label (without a unit that ends
 * it), that unit, its group, and the note it refers to. */
struct row_ctx {
	const char *label, *group, *unit;
	double scale;
	int note;
};

/* The value of cell x (row r, column c) with its row's label and group. */
static int cell_value(const struct pat_set *ps, struct doc *doc, const struct table_ctx *tc,
		      const struct doc_cell *x, int r, int c, const struct row_ctx *row,
		      const struct pat_qty *q)
{
	const struct column *col = &tc->cols[c];
	const char *label = row->label;
	struct doc_value *v = doc_add_value(doc);

	if (!v)
		return EX_ENOMEM;
	v->label = label;
	v->group = row->group;
	v->section = tc->section;
	v->note = row->note;
	copy_qty(doc->arena, v, q);
	/* The unit: the cell's, then the row label's (a unit that ends it,
	 * or a counted noun: "Antal lägenheter"), the column's, the
	 * table's, the document's. */
	if (!v->unit && row->unit) {
		v->unit = row->unit;
		v->scale = row->scale;
	}
	if (!v->unit && (pat_counts(ps, label) || pat_counts(ps, v->group)))
		v->unit = "count";
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
	if (!v->unit && tc->tcounts)
		v->unit = "count";
	/* "Alla belopp redovisas i kronor om inget annat anges" */
	if (!v->unit && tc->du->unit) {
		v->unit = tc->du->unit;
		v->scale = tc->du->scale;
	}
	/* "Lån/m² bostadsyta" in kronor is kronor per square metre. */
	if (v->unit && !strcmp(v->unit, "SEK") && v->scale == 1 && pat_per_area(ps, label))
		v->unit = "SEK/m2";
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

/* Column headings printed once above a statement that its group
 * headings split into several tables ("Not | 2020-12-31 | 2019-12-31"
 * over "TILLGÅNGAR", "Anläggningstillgångar" and a table for each): the
 * nearest row above t on its page of two or more short blocks side by
 * side with a period among them. The columns of t that have no period
 * take the heading over them (by x-extent): its period, or "Not". */
#define STMT_LEVEL_PT 2.0f     /* blocks of one heading row: tops within this */
#define STMT_SHORT 40          /* a heading is no longer than this */
#define STMT_EDGE_PT 4.0f      /* parts of one statement: their edges agree within this ... */
#define STMT_PART_GAP_PT 144.0f /* ... and the lower starts within this under the upper (group
				 * headings and the blank lines around them) */

/* A column heading of a statement: its text and x-extent. */
struct head {
	const char *text;
	float x0, x1;
};

/* A table of headings alone: no row holds a value, and a period is
 * among its cells (a heading row over two lines read as a table). Its
 * columns, their cells joined, into h. */
/* The rows of table t, above table under, whose cells may head under's
 * columns: its header rows when it has a body of its own and is the
 * part of one statement above another (the statement split where it
 * sets its groups apart: the same columns, the same edges, close above);
 * else all of them (a table that is a header alone heads; one with a
 * body does not). */
static int header_rows_above(const struct pat_set *ps, const struct doc_table *t, const struct doc_table *under)
{
	const struct doc_cell **grid;
	int h = t->nrows;

	if (t->ncols != under->ncols || !t->has_box || !under->has_box ||
	    fabsf(t->box.x0 - under->box.x0) > STMT_EDGE_PT || fabsf(t->box.x1 - under->box.x1) > STMT_EDGE_PT ||
	    under->box.y0 - t->box.y1 > STMT_PART_GAP_PT || under->box.y0 < t->box.y1)
		return h;
	if ((grid = doc_table_grid(t))) {
		int body = header_rows_of(ps, t, grid);
		struct pat_period p;

		for (size_t i = 0; i < t->ncells && body > 0 && h == t->nrows; i++) {
			const char *s = t->cells[i].text;

			if (t->cells[i].row >= body && t->cells[i].col > 0 && is_quantity_cell(ps, s) &&
			    !pat_date_period(ps, s, &p) && !(pat_period(ps, s, 0, &p) && p.year))
				h = body;   /* its body has values */
		}
		free(grid);
	}
	return h;
}

static int heading_table(const struct pat_set *ps, struct doc *doc, const struct doc_table *t,
			 const struct doc_table *under, struct head *h, int max)
{
	struct pat_period p;
	int periods = 0, n = 0, rows = header_rows_above(ps, t, under);

	for (size_t i = 0; i < t->ncells; i++) {
		const char *s = t->cells[i].text;

		if (t->cells[i].row >= rows)
			continue;
		if (t->cells[i].col > 0 && is_quantity_cell(ps, s) && !(pat_period(ps, s, 0, &p) && p.year))
			return 0;
		periods += pat_date_period(ps, s, &p) || (pat_period(ps, s, 0, &p) && p.year);
	}
	for (int c = 0; c < t->ncols && n < max && periods; c++) {
		const char *parts[8];
		size_t np = 0;

		h[n] = (struct head){ NULL, 1e9f, -1e9f };
		for (size_t i = 0; i < t->ncells; i++)
			if (t->cells[i].col == c && t->cells[i].row < rows && t->cells[i].text[0] &&
			    t->cells[i].has_box && np < 8) {
				parts[np++] = t->cells[i].text;
				h[n].x0 = fminf(h[n].x0, t->cells[i].box.x0);
				h[n].x1 = fmaxf(h[n].x1, t->cells[i].box.x1);
			}
		if (np && (h[n].text = norm_join_lines(doc->arena, parts, np)))
			n++;
	}
	return n;
}

/* The headings over table t (block bi): the nearest above it on its
 * page, a heading table or a row of two or more short blocks side by
 * side with a period among them. Tables with values between (other
 * parts of the statement) are passed over. */
static int statement_heads(const struct pat_set *ps, struct doc *doc, size_t bi, const struct doc_table *t,
			   struct head *h, int max)
{
	struct pat_period p;
	int n = 0;

	for (size_t k = bi; k-- > 0 && doc->blocks[k].page == t->page_first;) {
		const struct doc_block *b = &doc->blocks[k];

		if (b->furniture || !b->has_box || b->box.y1 > t->box.y0 + 1)
			continue;
		if (b->type == DOC_BLK_TABLE) {
			if ((n = heading_table(ps, doc, &doc->tables[b->table], t, h, max)))
				return n;
			continue;
		}
		if (strlen(b->text) > STMT_SHORT || !pat_date_period(ps, b->text, &p))
			continue;
		for (size_t j = k >= 8 ? k - 8 : 0; j < bi && n < max; j++) {
			const struct doc_block *o = &doc->blocks[j];

			if (o->page == b->page && o->has_box && !o->furniture && doc_block_readable(o) &&
			    fabsf(o->box.y0 - b->box.y0) < STMT_LEVEL_PT && strlen(o->text) <= STMT_SHORT)
				h[n++] = (struct head){ o->text, o->box.x0, o->box.x1 };
		}
		return n >= 2 ? n : 0;
	}
	return 0;
}

static void statement_headings(const struct pat_set *ps, struct doc *doc, size_t bi,
			       const struct doc_table *t, int hr, struct column *cols)
{
	struct head h[16];
	int n;

	for (int c = 0; c < t->ncols; c++)
		if (cols[c].has_period)
			return;
	if (!t->has_box || !(n = statement_heads(ps, doc, bi, t, h, 16)))
		return;
	for (int c = 1; c < t->ncols; c++) {
		float x0 = 1e9f, x1 = -1e9f, best = 0;
		const char *head = NULL;

		for (size_t i = 0; i < t->ncells; i++)
			if (t->cells[i].col == c && t->cells[i].row >= hr && t->cells[i].has_box && t->cells[i].text[0]) {
				x0 = fminf(x0, t->cells[i].box.x0);
				x1 = fmaxf(x1, t->cells[i].box.x1);
			}
		for (int k = 0; k < n; k++) {
			float ov = fminf(x1, h[k].x1) - fmaxf(x0, h[k].x0);

			if (ov > best) {
				best = ov;
				head = h[k].text;
			}
		}
		if (!head)
			continue;
		cols[c].is_note = note_header(head, t, c, hr);
		cols[c].has_period = pat_date_period(ps, head, &cols[c].period) ||
				     pat_period(ps, head, doc_year(doc), &cols[c].period);
	}
}

/* s with the space OCR left after a thousands comma taken out, into
 * buf (size n): "80,584, 237" -> "80,584,237"; a comma between a digit
 * and a space and three digits only. 0 when s has no such gap. */
static int comma_gap(const char *s, char *buf, size_t n)
{
	size_t o = 0;
	int gaps = 0;

	for (const char *p = s; *p; p++) {
		if (o + 1 >= n)
			return 0;
		buf[o++] = *p;
		if (*p == ',' && p > s && isdigit((unsigned char)p[-1]) && p[1] == ' ' &&
		    isdigit((unsigned char)p[2]) && isdigit((unsigned char)p[3]) && isdigit((unsigned char)p[4]) &&
		    !isdigit((unsigned char)p[5])) {
			p++;
			gaps++;
		}
	}
	buf[o] = '\0';
	return gaps > 0;
}

/* s with its one point, between a digit and one or two digits that end
 * the number, made a comma, into buf (size n); 0 when s is no such
 * number ("7.8", "-2.75 %": yes; "7.800", "1.2.3", "7,8", "7.8,5": no). */
static int point_decimal(const char *s, char *buf, size_t n)
{
	const char *p = strchr(s, '.');
	size_t after = p ? strspn(p + 1, "0123456789") : 0;

	if (!p || p == s || !isdigit((unsigned char)p[-1]) || after < 1 || after > 2 || strchr(p + 1, '.') ||
	    strchr(s, ',') || strlen(s) >= n)
		return 0;
	memcpy(buf, s, strlen(s) + 1);
	buf[p - s] = ',';
	return 1;
}

/* A cell's number, read in its column's style. Under a period's heading
 * a four-digit number is an amount ("Nettoomsättning 1275 2074" under
 * "2018 2017"), not a year: there it is read as one. */
static int table_number(const struct pat_set *ps, const struct column *col, const char *s, struct pat_qty *q)
{
	char mended[128];

	if (cell_number(ps, col->style, s, q))
		return 1;
	/* A scan of a column that groups thousands with commas: OCR sets the
	 * low comma apart from the digits after it ("-814, 866"). */
	if (col->scanned && col->style == NUM_ENGLISH && comma_gap(s, mended, sizeof(mended)) &&
	    cell_number(ps, col->style, mended, q))
		return 1;
	/* A scan of a column that writes decimal commas: OCR reads a comma
	 * as a point now and then ("7.8" among "3,8" and "4,3"); a point with
	 * one or two digits after it groups no thousands, so the number is
	 * the one either mark gives. */
	if (col->scanned && col->style == NUM_SWEDISH && point_decimal(s, mended, sizeof(mended)) &&
	    cell_number(ps, col->style, mended, q))
		return 1;
	if (!col->has_period || strlen(s) != 4 || strspn(s, "0123456789") != 4)
		return 0;
	memset(q, 0, sizeof(*q));
	q->value = atoi(s);
	q->scale = 1;
	q->noun = "";
	q->end = 4;
	return 1;
}

/* How each column of t (up to 64) writes its numbers: as it shows, else
 * as its table does, else as the document does (doc_style, -1 when it
 * shows none). A column with "1,234,567" in it reads its "1,505" as
 * 1505; one with "2,25" in it stays Swedish. Each is marked scanned
 * when its table's page is one OCR read. */
static void column_styles(const struct doc *doc, size_t bi, const struct doc_cell **grid, int hr,
			  int doc_style, struct column *cols)
{
	const struct doc_table *t = &doc->tables[doc->blocks[bi].table];
	const struct doc_page *pg = doc_page_numbered(doc, doc->blocks[bi].page);
	int cev[64] = { 0 }, tev = 0, ts;

	for (int c = 0; c < t->ncols; c++) {
		for (int r = hr; r < t->nrows; r++)
			cev[c] |= style_evidence(cell_text(t, grid, r, c));
		tev |= cev[c];
	}
	ts = style_of(tev);
	for (int c = 0; c < t->ncols; c++) {
		int st = style_of(cev[c]);

		cols[c].style = st >= 0 ? st : ts >= 0 ? ts : doc_style >= 0 ? doc_style : NUM_SWEDISH;
		cols[c].scanned = pg && pg->source == DOC_SRC_OCR;
	}
}

/* A table's heading or caption lines: the blocks just before it on its
 * page ("Flerårsöversikt (belopp i tkr)"; "Belopp i kr" over a
 * "Resultaträkning" heading over a statement), as long as they are short
 * headings, captions or lines of their own, not sentences; up to
 * TABLE_HEAD_LINES of them. Each in turn from the nearest, or NULL. */
#define TABLE_HEAD_MAX 80   /* bytes: longer is a paragraph, not a heading line */
#define TABLE_HEAD_LINES 2
static const char *heading_line(const struct doc *doc, size_t bi, int k)
{
	const struct doc_block *t = &doc->blocks[bi], *b = NULL;

	if (k >= TABLE_HEAD_LINES || bi < (size_t)k + 1)
		return NULL;
	for (int i = 0; i <= k; i++) {
		b = &doc->blocks[bi - 1 - (size_t)i];
		if (b->furniture || b->page != t->page || strlen(b->text) > TABLE_HEAD_MAX)
			return NULL;
		if (b->type == DOC_BLK_HEADING || b->type == DOC_BLK_CAPTION)
			continue;
		if (b->type != DOC_BLK_PARAGRAPH)
			return NULL;
		size_t n = strlen(b->text);

		while (n && b->text[n - 1] == ' ')
			n--;
		if (!n || strchr(".!?", b->text[n - 1]))
			return NULL;   /* a sentence is not a heading */
	}
	return b ? b->text : NULL;
}

/* A word where a column has numbers, on a page OCR read: a number it
 * may have misread; kept as printed, and said. */
static void unread_number(struct doc *doc, int page, const char *s)
{
	size_t i = 0;

	while (i < doc->npages && doc->pages[i].number != page)
		i++;
	if (i == doc->npages || doc->pages[i].source != DOC_SRC_OCR)
		return;
	doc_warn(doc, page, "unread_number", "page %d: \"%s\" stands in a column of numbers and reads as none; "
		 "kept as printed, no value taken", page, s);
}

/* Whether s is digits that read as no number: figures and the marks
 * between them only ("29 16525 05415 32454 313": a scan's numbers of
 * four columns packed into one cell; "1970."). */
static int digits_unread(const char *s)
{
	return strpbrk(s, "0123456789") && strspn(s, "0123456789 .,()+-") == strlen(s);
}

/* Which columns (after the first) are columns of numbers: two or more
 * of their body cells numbers, and at least twice as many as cells of
 * words (digits that read as no number are neither). A word in such a
 * column is a number misread or a marker ("n/a"), never the row's label
 * ("Antal lägenheter 97 26 70 FÅ": a scan's 75). */
static void number_columns(const struct pat_set *ps, const struct doc_table *t, const struct doc_cell **grid,
			   int hr, const struct column *cols, int *numeric)
{
	for (int c = 0; c < t->ncols; c++) {
		int nums = 0, words = 0;
		struct pat_qty q;

		for (int r = hr; c > 0 && r < t->nrows; r++) {
			const char *s = cell_text(t, grid, r, c);

			if (s[0] && table_number(ps, &cols[c], s, &q))
				nums++;
			else if (s[0] && !digits_unread(s))
				words++;
		}
		numeric[c] = nums >= 2 && nums >= 2 * words;
	}
}

/* Cells that run past their page's edge: a table set wider than its
 * page and cut there (a text layer's words beyond the page's box), or a
 * scan's word at the picture's edge. What they print is a part ("202"
 * of 2020, "828" of a number cut), so no value is taken from them and
 * they head no column: each is said and taken out of the grid, the
 * table keeps it as printed. */
#define EDGE_SLACK 0.5f   /* points */

static void cut_at_edge(struct doc *doc, size_t bi, const struct doc_table *t, const struct doc_cell **grid)
{
	int page = doc->blocks[bi].page;
	const struct doc_page *pg = doc_page_numbered(doc, page);
	size_t n = (size_t)t->nrows * (size_t)t->ncols;
	float in;

	if (!pg || pg->width <= 0)
		return;
	in = pg->source == DOC_SRC_OCR ? -EDGE_SLACK : EDGE_SLACK;   /* a scan's edge is its last pixel */
	for (size_t i = 0; i < t->ncells; i++) {
		const struct doc_cell *x = &t->cells[i];

		if (!x->has_box || !x->text[0] || (x->box.x1 <= pg->width + in && x->box.x0 >= -in))
			continue;
		doc_warn(doc, page, "cut_at_edge", "page %d: \"%s\" runs past the page's edge: a part of what was "
			 "set; kept as printed, no value taken", page, x->text);
		for (size_t k = 0; k < n; k++)
			if (grid[k] == x)
				grid[k] = NULL;
	}
}

static int table_values(const struct pat_set *ps, struct doc *doc, size_t bi, const struct doc_unit *du,
			int doc_style, const char *section, const struct doc_cell **grid)
{
	const struct doc_table *t = &doc->tables[doc->blocks[bi].table];
	int hr;
	const char *group = NULL, *head;
	struct column cols[64];
	int numeric[64];
	struct table_ctx tc = { .t = t, .bi = bi, .section = section, .tscale = 1,
				.tcounts = pat_counts(ps, t->caption), .cols = cols, .du = du };

	if (t->ncols > 64)
		return 0;
	cut_at_edge(doc, bi, t, grid);
	hr = header_rows_of(ps, t, grid);
	if (!(t->caption && pat_header_unit(ps, t->caption, &tc.tunit, &tc.tscale)))
		for (int c = 0; c < t->ncols && !tc.tunit; c++)
			for (int r = 0; r < hr && !tc.tunit; r++)
				pat_header_unit(ps, cell_text(t, grid, r, c), &tc.tunit, &tc.tscale);
	for (int k = 0; !tc.tunit && (head = heading_line(doc, bi, k)); k++)
		pat_header_unit(ps, head, &tc.tunit, &tc.tscale);
	for (int c = 0; c < t->ncols; c++) {
		describe_column(ps, doc, t, grid, c, hr, &cols[c]);
		for (int r = 0; r < hr; r++)
			tc.tcounts |= c == 0 && pat_counts(ps, cell_text(t, grid, r, c));
	}
	statement_headings(ps, doc, bi, t, hr, cols);
	column_styles(doc, bi, grid, hr, doc_style, cols);
	number_columns(ps, t, grid, hr, cols, numeric);
	for (int r = hr; r < t->nrows; r++) {
		const char *texts[64];
		struct pat_qty q[64];   /* each cell read once: for the label and for the value */
		int ntext = 0, first_col = -1, is_number[64];

		for (int c = 0; c < t->ncols; c++) {
			const char *s = cell_text(t, grid, r, c);

			is_number[c] = s[0] && table_number(ps, &cols[c], s, &q[c]);
			if (s[0] && !is_number[c] && numeric[c])
				unread_number(doc, doc->blocks[bi].page, s);
			else if (s[0] && !is_number[c]) {
				if (first_col < 0)
					first_col = c;
				texts[ntext++] = s;
			}
		}
		struct row_ctx row = { .label = ntext ? texts[ntext - 1] : NULL, .scale = 1 };
		size_t cut;

		/* A label in the first column heads the rows that leave it empty. */
		if (first_col == 0 && ntext >= 2)
			group = texts[0];
		else if (first_col == 0)
			group = NULL;
		row.group = ntext >= 2 || first_col != 0 ? group : NULL;
		if (pat_label_unit(ps, row.label, &row.unit, &row.scale, &cut) &&
		    !(row.label = arena_strndup(doc->arena, row.label, cut)))
			return EX_ENOMEM;
		for (int c = 0; c < t->ncols; c++)
			if (cols[c].is_note)
				row.note = note_number(cell_text(t, grid, r, c));
		for (int c = 0; c < t->ncols; c++) {
			const struct doc_cell *x = cell_at(t, grid, r, c);   /* the cell's own place: it has text */

			if (!is_number[c] || cols[c].is_note)
				continue;
			/* "247 218 204 192 368 450": columns read as one number,
			 * which no document of ours prints; kept as printed, warned,
			 * no value invented. */
			if (!q[c].missing && fabs(q[c].value) >= MERGED_NUMBERS && !q[c].unit) {
				doc_warn(doc, doc->blocks[bi].page, "merged_numbers",
					 "page %d: \"%s\" reads as one number of %.0f; columns merged? No value taken",
					 doc->blocks[bi].page, x->text, q[c].value);
				continue;
			}
			if (cell_value(ps, doc, &tc, x, r, c, &row, &q[c]) < 0)
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

static const char *const preps[] = { "på", "med", "om", "av", "till", "motsvarande", NULL };
static const char *const skip[] = { "totalt", "sammanlagt", "ca", "cirka", "över", "under", "drygt", "nästan",
				    "knappt", "minst", "högst", "omkring", "nu", "i", "en", "ett", "och", "är",
				    "var", "har", "det", "som", "för", "ger", "vilket", "mot", "mellan", "de",
				    "blev", "uppgick", "landade", "steg", "sjönk", "ökade", "minskade", NULL };

/* The label of a quantity in a list ("Mycket nöjd 45 %, ganska nöjd 30
 * % och vet ej 25 %"): the words since the list's last comma, semicolon
 * or colon (or the block's start, or "och" after a percentage), one to
 * PROSE_LIST_WORDS of them and none a word of a sentence's frame
 * (skip, preps); NULL when the quantity stands in a sentence. */
#define PROSE_LIST_WORDS 4
static const char *list_label(struct arena *a, const char *s, size_t at)
{
	size_t b = at, e, words = 0;
	const char *och = NULL;

	while (b > 0 && !strchr(",;:", s[b - 1]))
		b--;
	for (const char *p = s + b; p < s + at; p++)   /* "30 % och vet ej" */
		if (!strncmp(p, "% och ", 6))
			och = p + 6;
	if (och)
		b = (size_t)(och - s);
	for (size_t k = at; k > b;) {
		size_t w0 = prev_word(s, k, &e);

		if (w0 == e || w0 < b)
			break;
		if (one_of(s + w0, e - w0, skip) || one_of(s + w0, e - w0, preps) || (s[w0] >= '0' && s[w0] <= '9'))
			return NULL;
		words++;
		k = w0;
	}
	while (s[b] == ' ')
		b++;
	e = at;
	while (e > b && s[e - 1] == ' ')
		e--;
	if (words == 0 || words > PROSE_LIST_WORDS || e <= b || !g_unichar_isalpha(g_utf8_get_char(s + b)))
		return NULL;
	return arena_strndup(a, s + b, e - b);
}

/* A label for a quantity in prose: the noun before a preposition
 * ("svarsfrekvens på 36 %", "en ökning med 3,5 procent"), or the word
 * right before the number when it is a noun-like word; NULL rather
 * than a guess ("i mars 27,9 miljoner kronor" gets none). */
static const char *word_before(struct arena *a, const char *s, size_t at)
{
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

static int prose_values(const struct pat_set *ps, struct doc *doc, size_t bi, const char *section)
{
	const struct doc_block *b = &doc->blocks[bi];
	struct pat_qty q[32];
	size_t n = pat_prose_quantities(ps, b->text, q, 32);

	for (size_t i = 0; i < n; i++) {
		struct doc_value *v = doc_add_value(doc);

		if (!v)
			return EX_ENOMEM;
		copy_qty(doc->arena, v, &q[i]);
		if (!v->label && !(v->label = list_label(doc->arena, b->text, q[i].start)))
			v->label = word_before(doc->arena, b->text, q[i].start);
		v->section = section;
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
	struct doc_unit du = { NULL, 1 };
	const char *section = NULL;
	int rc = 0;

	for (size_t i = 0; i < doc->nblocks && !du.unit; i++)
		if (!doc->blocks[i].furniture && doc->blocks[i].type == DOC_BLK_PARAGRAPH)
			pat_doc_unit(ps, doc->blocks[i].text, &du.unit, &du.scale);

	/* the style of the document's numbers, from every table's cells */
	int ev = 0, doc_style, comma3 = 0;

	for (size_t i = 0; i < doc->ntables; i++)
		for (size_t k = 0; k < doc->tables[i].ncells; k++) {
			int e = style_evidence(doc->tables[i].cells[k].text);

			ev |= e;
			comma3 += (e & EV_COMMA3) != 0;
		}
	doc_style = style_of(ev);
	/* A document with dots only before three digits ("58.448", "1.250")
	 * and nothing English in it groups thousands with them; one whose
	 * only commas stand before three digits, in DOC_COMMA3 cells or more
	 * ("73,178", "711,861", "-2,582"), and no decimal of another length,
	 * writes English thousands: three decimals throughout are no way to
	 * write amounts. */
	if (doc_style < 0 && ev == EV_DOTGRP)
		doc_style = NUM_DOTTED;
	if (doc_style < 0 && ev == EV_COMMA3 && comma3 >= DOC_COMMA3)
		doc_style = NUM_ENGLISH;

	/* section: the nearest heading before the block, kept as the blocks
	 * go by (a search back from each was quadratic in a document of
	 * many paragraphs and no headings) */
	for (size_t i = 0, k = 0; i < doc->nblocks && rc == 0; i++) {
		const struct doc_block *b = &doc->blocks[i];

		for (; k < i; k++)
			if (doc->blocks[k].type == DOC_BLK_HEADING && !doc->blocks[k].furniture)
				section = doc->blocks[k].text;
		if (b->furniture)
			continue;
		if (b->type == DOC_BLK_TABLE) {
			const struct doc_table *t = &doc->tables[b->table];
			const struct doc_cell **grid;

			if (t->nrows <= 0 || t->ncols <= 0)
				continue;   /* no cell, no value */
			if (!(grid = doc_table_grid(t)))
				return EX_ENOMEM;
			rc = table_values(ps, doc, i, &du, doc_style, section, grid);
			free(grid);
		} else if (b->type == DOC_BLK_PARAGRAPH || b->type == DOC_BLK_LIST_ITEM ||
			   b->type == DOC_BLK_FOOTNOTE) {
			rc = prose_values(ps, doc, i, section);
		}
	}
	return rc;
}
