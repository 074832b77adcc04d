/* doc.c: the document model's constructors. */
#include "doc.h"

#include <stdlib.h>

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

struct doc *doc_new(void)
{
	struct arena *a = arena_new(256 * 1024);
	struct doc *d;

	if (!a)
		return NULL;
	d = arena_alloc(a, sizeof(*d));
	if (!d) {
		arena_free(a);
		return NULL;
	}
	d->arena = a;
	d->type = "unknown";
	return d;
}

void doc_free(struct doc *doc)
{
	if (doc)
		arena_free(doc->arena);
}

#define PUSH(doc, field) \
	ARENA_PUSH((doc)->arena, (doc)->field, (doc)->n##field, (doc)->cap_##field)

struct doc_page *doc_add_page(struct doc *doc)
{
	struct doc_page *p = PUSH(doc, pages);

	if (p)
		p->number = (int)doc->npages;
	return p;
}

const struct doc_page *doc_page_numbered(const struct doc *doc, int number)
{
	if (doc->npages == 0)
		return NULL;
	/* Pages are read in order from the first asked for. */
	long i = (long)number - doc->pages[0].number;

	if (i >= 0 && (size_t)i < doc->npages && doc->pages[i].number == number)
		return &doc->pages[i];
	for (size_t k = 0; k < doc->npages; k++)
		if (doc->pages[k].number == number)
			return &doc->pages[k];
	return NULL;
}

struct doc_block *doc_add_block(struct doc *doc, enum doc_block_type type, int page)
{
	struct doc_block *b = PUSH(doc, blocks);

	if (b) {
		b->type = type;
		b->page = page;
		b->table = -1;
		b->note = -1;
	}
	return b;
}

struct doc_table *doc_add_table(struct doc *doc, const char *method)
{
	struct doc_table *t = PUSH(doc, tables);

	if (t) {
		t->id = (int)doc->ntables;
		t->method = method;
	}
	return t;
}

struct doc_cell *doc_table_add_cell(struct doc *doc, struct doc_table *t,
				    int row, int col, const char *text)
{
	struct doc_cell *c = ARENA_PUSH(doc->arena, t->cells, t->ncells, t->cap_cells);

	if (!c)
		return NULL;
	c->row = row;
	c->col = col;
	c->rowspan = 1;
	c->colspan = 1;
	c->text = text ? text : "";
	if (row + 1 > t->nrows)
		t->nrows = row + 1;
	if (col + 1 > t->ncols)
		t->ncols = col + 1;
	return c;
}

int doc_add_field(struct doc *doc, const char *name, const char *value, int block)
{
	struct doc_field *f = PUSH(doc, fields);

	if (!f)
		return EX_ENOMEM;
	f->name = name;
	f->value = value;
	f->block = block;
	return 0;
}

struct doc_value *doc_add_value(struct doc *doc)
{
	struct doc_value *v = PUSH(doc, values);

	if (v) {
		v->scale = 1;
		v->prov.block = -1;
		v->confidence = 1;
	}
	return v;
}

struct doc_rating *doc_add_rating(struct doc *doc)
{
	struct doc_rating *r = PUSH(doc, ratings);

	if (r)
		r->prov.block = -1;
	return r;
}

int doc_add_type_evidence(struct doc *doc, const char *cue)
{
	const char **p = PUSH(doc, type_evidence);

	if (!p)
		return EX_ENOMEM;
	*p = cue;
	return 0;
}

void doc_warn(struct doc *doc, int page, const char *code, const char *fmt, ...)
{
	struct doc_warning *w;
	char buf[512];
	va_list ap;

	/* A flood of warnings from a hostile file must not eat memory. */
	if (doc->nwarnings >= 1000)
		return;
	w = PUSH(doc, warnings);
	if (!w)
		return;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	w->code = code;
	w->msg = arena_strdup(doc->arena, buf);
	w->page = page;
}

const char *doc_format_name(enum doc_format f)
{
	switch (f) {
	case DOC_FMT_PDF: return "pdf";
	case DOC_FMT_ODT: return "odt";
	case DOC_FMT_FODT: return "fodt";
	case DOC_FMT_TEXT: return "text";
	case DOC_FMT_IMAGE: return "image";
	default: return "unknown";
	}
}

const char *doc_source_name(enum doc_source s)
{
	switch (s) {
	case DOC_SRC_TEXT_LAYER: return "text_layer";
	case DOC_SRC_OCR: return "ocr";
	case DOC_SRC_ODT: return "odt";
	default: return "text";
	}
}

const char *doc_block_type_name(enum doc_block_type t)
{
	switch (t) {
	case DOC_BLK_HEADING: return "heading";
	case DOC_BLK_LIST_ITEM: return "list_item";
	case DOC_BLK_CAPTION: return "caption";
	case DOC_BLK_FOOTNOTE: return "footnote";
	case DOC_BLK_TABLE: return "table";
	case DOC_BLK_HANDWRITING: return "handwriting";
	default: return "paragraph";
	}
}

float doc_block_confidence(const struct doc_block *b)
{
	double sum = 0;
	size_t n = 0;

	for (size_t i = 0; i < b->nlines; i++)
		for (size_t k = 0; k < b->lines[i].nwords; k++, n++)
			sum += b->lines[i].words[k].conf;
	return n ? (float)(sum / (double)n) : 1.0f;
}

const char *doc_furniture_name(enum doc_furniture f)
{
	switch (f) {
	case DOC_FURN_HEADER: return "header";
	case DOC_FURN_FOOTER: return "footer";
	case DOC_FURN_PAGE_NUMBER: return "page_number";
	default: return NULL;
	}
}

const char *doc_pronom(const struct doc *doc)
{
	static const struct { enum doc_format f; const char *v; const char *id; } tab[] = {
		{ DOC_FMT_PDF, "1.0", "fmt/14" },  { DOC_FMT_PDF, "1.1", "fmt/15" },
		{ DOC_FMT_PDF, "1.2", "fmt/16" },  { DOC_FMT_PDF, "1.3", "fmt/17" },
		{ DOC_FMT_PDF, "1.4", "fmt/18" },  { DOC_FMT_PDF, "1.5", "fmt/19" },
		{ DOC_FMT_PDF, "1.6", "fmt/20" },  { DOC_FMT_PDF, "1.7", "fmt/276" },
		{ DOC_FMT_PDF, "2.0", "fmt/1129" },
		{ DOC_FMT_ODT, "1.0", "fmt/136" }, { DOC_FMT_ODT, "1.1", "fmt/290" },
		{ DOC_FMT_ODT, "1.2", "fmt/291" }, { DOC_FMT_ODT, "1.3", "fmt/1756" },
		{ DOC_FMT_FODT, "1.0", "fmt/136" }, { DOC_FMT_FODT, "1.1", "fmt/290" },
		{ DOC_FMT_FODT, "1.2", "fmt/291" }, { DOC_FMT_FODT, "1.3", "fmt/1756" },
	};
	static const struct { const char *c; const char *id; } pdfa[] = {
		{ "PDF/A-1a", "fmt/95" },  { "PDF/A-1b", "fmt/354" },
		{ "PDF/A-2a", "fmt/476" }, { "PDF/A-2b", "fmt/477" },
		{ "PDF/A-2u", "fmt/478" },
	};
	const char *v = doc->meta.format_version;

	if (doc->src.format == DOC_FMT_PDF && doc->meta.conformance)
		for (size_t i = 0; i < sizeof(pdfa) / sizeof(pdfa[0]); i++)
			if (strcmp(pdfa[i].c, doc->meta.conformance) == 0)
				return pdfa[i].id;
	if (!v)
		return NULL;
	for (size_t i = 0; i < sizeof(tab) / sizeof(tab[0]); i++)
		if (tab[i].f == doc->src.format && strcmp(tab[i].v, v) == 0)
			return tab[i].id;
	return NULL;
}

static const struct doc_cell **table_index(const struct doc_table *t, int spans)
{
	size_t n = (size_t)t->nrows * (size_t)t->ncols;
	const struct doc_cell **g;

	if (t->nrows <= 0 || t->ncols <= 0 || !(g = calloc(n, sizeof(*g))))
		return NULL;
	/* from the last cell back, so the first that covers a position wins */
	for (size_t i = t->ncells; i-- > 0;) {
		const struct doc_cell *x = &t->cells[i];
		int rows = spans ? x->rowspan : 1, cols = spans ? x->colspan : 1;

		for (int r = x->row; r < x->row + rows && r < t->nrows; r++)
			for (int c = x->col; c < x->col + cols && c < t->ncols; c++)
				if (r >= 0 && c >= 0)
					g[(size_t)r * (size_t)t->ncols + (size_t)c] = x;
	}
	return g;
}

const struct doc_cell **doc_table_grid(const struct doc_table *t)
{
	return table_index(t, 1);
}

const struct doc_cell **doc_table_origins(const struct doc_table *t)
{
	return table_index(t, 0);
}
