/* text.c: reading-order plain text and markdown. Page furniture is left
 * out unless asked for; tables come out as tab-separated rows (text) or
 * pipe tables (markdown). */
#include "out.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct buf {
	char *p;
	size_t n, cap;
	int oom;
};

static void put(struct buf *b, const char *s, size_t n)
{
	if (b->oom)
		return;
	if (b->n + n + 1 > b->cap) {
		size_t nc = b->cap ? b->cap * 2 : 4096;
		char *p;

		while (nc < b->n + n + 1)
			nc *= 2;
		p = realloc(b->p, nc);
		if (!p) {
			b->oom = 1;
			return;
		}
		b->p = p;
		b->cap = nc;
	}
	memcpy(b->p + b->n, s, n);
	b->n += n;
	b->p[b->n] = '\0';
}

static void puts_(struct buf *b, const char *s)
{
	put(b, s, strlen(s));
}

static char *finish(struct buf *b)
{
	if (b->oom || !b->p) {
		free(b->p);
		return b->oom ? NULL : calloc(1, 1);
	}
	return b->p;
}

static const char *cell_text(const struct doc_table *t, const struct doc_cell **origin, int r, int c)
{
	const struct doc_cell *x = doc_grid_at(t, origin, r, c);

	return x ? x->text : "";
}

/* A cell for a pipe table: '|' escaped, newlines as spaces. */
static void put_md_cell(struct buf *b, const char *s)
{
	for (; *s; s++) {
		if (*s == '|')
			puts_(b, "\\|");
		else if (*s == '\n')
			puts_(b, " ");
		else
			put(b, s, 1);
	}
}

static void put_table(struct buf *b, const struct doc_table *t, int md)
{
	const struct doc_cell **origin = doc_table_origins(t);

	if (!origin && t->nrows > 0 && t->ncols > 0) {
		b->oom = 1;
		return;
	}
	for (int r = 0; r < t->nrows; r++) {
		if (md)
			puts_(b, "|");
		for (int c = 0; c < t->ncols; c++) {
			if (md) {
				puts_(b, " ");
				put_md_cell(b, cell_text(t, origin, r, c));
				puts_(b, " |");
			} else {
				if (c)
					puts_(b, "\t");
				puts_(b, cell_text(t, origin, r, c));
			}
		}
		puts_(b, "\n");
		if (md && r == (t->header_rows > 0 ? t->header_rows - 1 : 0)) {
			puts_(b, "|");
			for (int c = 0; c < t->ncols; c++)
				puts_(b, " --- |");
			puts_(b, "\n");
		}
	}
	free(origin);
}

static char *render(const struct doc *d, const struct out_opts *o, int md)
{
	struct buf b = { 0 };

	for (size_t i = 0; i < d->nblocks; i++) {
		const struct doc_block *k = &d->blocks[i];

		if (k->furniture != DOC_FURN_NONE && !(o && o->furniture))
			continue;
		if (o && o->tables_only && k->type != DOC_BLK_TABLE && k->type != DOC_BLK_CAPTION)
			continue;
		if (b.n)
			puts_(&b, "\n");
		if (k->type == DOC_BLK_TABLE) {
			/* The caption is a block of its own just before. */
			put_table(&b, &d->tables[k->table], md);
			continue;
		}
		if (md && k->type == DOC_BLK_HEADING) {
			int lv = k->level < 1 ? 1 : k->level > 6 ? 6 : k->level;

			for (int l = 0; l < lv; l++)
				puts_(&b, "#");
			puts_(&b, " ");
		} else if (md && k->type == DOC_BLK_LIST_ITEM) {
			for (int l = 1; l < k->level; l++)
				puts_(&b, "  ");
			puts_(&b, k->marker && k->marker[0] >= '0' && k->marker[0] <= '9' ?
				      k->marker : "-");
			puts_(&b, " ");
		} else if (md && k->type == DOC_BLK_FOOTNOTE && k->note >= 0) {
			char ref[32];

			snprintf(ref, sizeof(ref), "[^%d]: ", k->note);
			puts_(&b, ref);
		} else if (!md && k->type == DOC_BLK_FOOTNOTE && k->note >= 0) {
			char ref[32];

			snprintf(ref, sizeof(ref), "%d ", k->note);
			puts_(&b, ref);
		} else if (!md && k->marker) {
			puts_(&b, k->marker);
			puts_(&b, " ");
		}
		puts_(&b, k->text ? k->text : "");
		puts_(&b, "\n");
	}
	return finish(&b);
}

char *out_text(const struct doc *d, const struct out_opts *o)
{
	return render(d, o, 0);
}

char *out_markdown(const struct doc *d, const struct out_opts *o)
{
	return render(d, o, 1);
}
