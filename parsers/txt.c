/* txt.c: plain text into the document model. */
#include "txt.h"

#include <stdio.h>
#include <string.h>

#include "../model/norm.h"
#include "classify.h"

struct txt_state {
	struct doc *doc;
	int page;
	char **lines;   /* the current paragraph's lines */
	size_t nlines;
	size_t cap;
};

static const char *block_path(struct doc *doc, const struct doc_block *b)
{
	return arena_printf(doc->arena, "text/%zu", (size_t)(b - doc->blocks));
}

static int add_text_block(struct txt_state *st, enum doc_block_type type, int level,
			  const char *marker, const char *const *lines, size_t n)
{
	struct doc_block *b = doc_add_block(st->doc, type, st->page);

	if (!b)
		return EX_ENOMEM;
	b->path = block_path(st->doc, b);
	b->level = level;
	b->marker = marker ? arena_strdup(st->doc->arena, marker) : NULL;
	b->text = norm_join_lines(st->doc->arena, lines, n);
	return b->text ? 0 : EX_ENOMEM;
}

static int is_heading_line(const char *l, int *level)
{
	int depth;
	size_t chars = cls_chars(l);

	if (cls_contents_line(l))
		return 0;   /* "Kapitel 1. Inledning ..... 5" is a contents entry */
	if (l[0] == '#') {
		int d = 0;

		while (l[d] == '#')
			d++;
		if (l[d] == ' ' && d <= 6) {
			*level = d;
			return d + 1;
		}
	}
	if (chars <= 100 && cls_heading_number(l, &depth) && !cls_ends_sentence(l)) {
		*level = depth;
		return -1;
	}
	if (chars <= 120 && cls_all_caps(l)) {
		*level = 1;
		return -1;
	}
	return 0;
}

static size_t count_cells(const char *line)
{
	size_t n = 1;

	for (; *line; line++)
		n += *line == '\t';
	return n;
}

/* Tab-separated lines into a table. Rows that follow a table with only
 * blank lines between and have as many cells continue it. */
static int flush_table(struct txt_state *st, size_t from, size_t to)
{
	struct doc *doc = st->doc;
	struct doc_block *last = doc->nblocks ? &doc->blocks[doc->nblocks - 1] : NULL;
	struct doc_table *t;
	struct doc_block *b;
	int row0 = 0;

	if (last && last->type == DOC_BLK_TABLE && last->page == st->page &&
	    (size_t)doc->tables[last->table].ncols == count_cells(st->lines[from])) {
		t = &doc->tables[last->table];
		row0 = t->nrows;
	} else {
		t = doc_add_table(doc, "text");
		if (!t)
			return EX_ENOMEM;
		t->page_first = t->page_last = st->page;
		t->path = arena_printf(doc->arena, "text/%zu", doc->nblocks); /* its block's index */
		t->header_rows = 1;
		if (last && last->type == DOC_BLK_CAPTION)
			t->caption = last->text;
		b = doc_add_block(doc, DOC_BLK_TABLE, st->page);
		if (!b)
			return EX_ENOMEM;
		b->table = (int)(t - doc->tables);
		b->path = t->path;
		b->text = "";
	}
	for (size_t r = from; r < to; r++) {
		char *line = st->lines[r], *cell = line;
		int col = 0;

		for (char *p = line;; p++) {
			if (*p == '\t' || *p == '\0') {
				char *txt = arena_strndup(doc->arena, cell, (size_t)(p - cell));

				if (!txt)
					return EX_ENOMEM;
				norm_squeeze(txt);
				if (!doc_table_add_cell(doc, t, row0 + (int)(r - from), col++, txt))
					return EX_ENOMEM;
				if (*p == '\0')
					break;
				cell = p + 1;
			}
		}
	}
	return 0;
}

/* One paragraph (lines between blank lines) into blocks. */
static int flush_para(struct txt_state *st)
{
	size_t i = 0;
	int rc = 0, fields = st->nlines > 0;

	/* "Till: ...", "Från: ...", "Datum: ...": a header, one block a line. */
	for (size_t k = 0; k < st->nlines && fields; k++)
		fields = cls_field_line(st->lines[k]);
	while (i < st->nlines && rc == 0) {
		char *l = st->lines[i];
		size_t mlen, j;
		int numbered, level, h;

		if (strchr(l, '\t')) {
			for (j = i; j < st->nlines && strchr(st->lines[j], '\t'); j++)
				;
			rc = flush_table(st, i, j);
			i = j;
			continue;
		}
		mlen = cls_list_marker(l, &numbered);
		/* A lone numbered line is a heading ("1. Inledning"). */
		if (mlen && !(numbered && st->nlines == 1)) {
			char marker[32];
			const char *body;

			snprintf(marker, sizeof(marker), "%.*s", (int)mlen, l);
			body = l + mlen;
			while (*body == ' ')
				body++;
			st->lines[i] = (char *)body;
			/* Continuation lines: indented, and not items themselves. */
			for (j = i + 1; j < st->nlines; j++) {
				int nb;

				if (st->lines[j][0] != ' ' || cls_list_marker(st->lines[j] + strspn(st->lines[j], " "), &nb))
					break;
				st->lines[j] += strspn(st->lines[j], " ");
			}
			rc = add_text_block(st, DOC_BLK_LIST_ITEM, 1, marker,
					    (const char *const *)st->lines + i, j - i);
			i = j;
			continue;
		}
		if (i == 0 && st->nlines == 1 && cls_caption(l)) {
			rc = add_text_block(st, DOC_BLK_CAPTION, 0, NULL, (const char *const *)&l, 1);
			i++;
			continue;
		}
		h = i == 0 && st->nlines == 1 ? is_heading_line(l, &level) : 0;
		if (h) {
			const char *text = h > 0 ? l + h : l;

			rc = add_text_block(st, DOC_BLK_HEADING, level, NULL, &text, 1);
			i++;
			continue;
		}
		/* Plain paragraph up to a list item, a tab line or a field. */
		for (j = i + 1; j < st->nlines && !fields; j++)
			if (strchr(st->lines[j], '\t') || cls_list_marker(st->lines[j], &numbered))
				break;
		for (size_t k = i; k < j; k++)
			st->lines[k] += strspn(st->lines[k], " ");
		rc = add_text_block(st, DOC_BLK_PARAGRAPH, 0, NULL,
				    (const char *const *)st->lines + i, j - i);
		i = j;
	}
	st->nlines = 0;
	return rc;
}

static int push_line(struct txt_state *st, char *line)
{
	char **p = ARENA_PUSH(st->doc->arena, st->lines, st->nlines, st->cap);

	if (!p)
		return EX_ENOMEM;
	*p = line;
	return 0;
}

static int new_page(struct txt_state *st)
{
	struct doc_page *p = doc_add_page(st->doc);

	if (!p)
		return EX_ENOMEM;
	p->source = DOC_SRC_TEXT;
	st->page = p->number;
	return 0;
}

int txt_read(struct doc *doc, const char *buf, size_t n, struct ex_error *err)
{
	struct txt_state st = { .doc = doc };
	char *text = norm_text(doc->arena, buf, n);
	char *p, *next;
	int rc;

	if (!text)
		return EX_FAIL(err, EX_ENOMEM, "out of memory");
	rc = new_page(&st);
	for (p = text; rc == 0 && p && *p; p = next) {
		char *e = strchr(p, '\n');
		char *ff;
		size_t len;

		next = e ? e + 1 : NULL;
		if (e)
			*e = '\0';
		ff = strchr(p, '\f');
		if (ff) {
			/* A form feed: what comes before ends the page. */
			*ff = '\0';
			if (*p)
				rc = push_line(&st, p);
			if (rc == 0)
				rc = flush_para(&st);
			if (rc == 0)
				rc = new_page(&st);
			if (e)
				*e = '\n';
			next = ff + 1;
			continue;
		}
		len = strlen(p);
		while (len && (p[len - 1] == ' ' || p[len - 1] == '\r'))
			p[--len] = '\0';
		if (len == 0 || strspn(p, " \t") == len)
			rc = flush_para(&st);
		else
			rc = push_line(&st, p);
	}
	if (rc == 0)
		rc = flush_para(&st);
	if (rc < 0)
		return EX_FAIL_CODE(err, rc);
	return 0;
}
