/* contents.c: contents lists, and the publisher and year. */
#include "internal.h"

#include <ctype.h>
#include <glib.h>
#include <stdlib.h>
#include <string.h>

/* The list a heading opens: "Innehåll" … or NULL. */
static const char *list_kind(const char *s)
{
	gchar *low = g_utf8_strdown(s, -1);
	const char *k = NULL;

	g_strstrip(low);
	if (!strcmp(low, "innehåll") || !strcmp(low, "innehållsförteckning") || !strcmp(low, "contents"))
		k = "contents";
	else if (!strcmp(low, "figurförteckning") || !strcmp(low, "diagramförteckning"))
		k = "figures";
	else if (!strcmp(low, "tabellförteckning"))
		k = "tables";
	g_free(low);
	return k;
}

/* "Title ..... 12" or "Title 12": the title and page, or 0. */
static int entry(struct arena *a, const char *s, const char **title, int *page)
{
	size_t n = strlen(s), d;

	while (n && s[n - 1] == ' ')
		n--;
	d = n;
	while (d && isdigit((unsigned char)s[d - 1]))
		d--;
	if (d == n || n - d > 4 || d == 0)
		return 0;
	*page = atoi(s + d);
	while (d && (s[d - 1] == ' ' || s[d - 1] == '.' || s[d - 1] == '\t'))
		d--;
	while (d >= 3 && !strncmp(s + d - 3, "\xE2\x80\xA6", 3)) {
		d -= 3;
		while (d && s[d - 1] == ' ')
			d--;
	}
	if (!d)
		return 0;
	*title = arena_strndup(a, s, d);
	return *title != NULL;
}

/* "© Sveriges Kommuner och Regioner, 2023". */
static void copyright(struct doc *doc, const char *s)
{
	const char *p = strstr(s, "\xC2\xA9");   /* © */
	const char *comma;
	size_t n;

	if (!p || doc->organisation)
		return;
	p += 2;
	while (*p == ' ')
		p++;
	comma = strrchr(p, ',');
	n = comma ? (size_t)(comma - p) : strlen(p);
	if (comma) {
		const char *y = comma + 1;

		while (*y == ' ')
			y++;
		if (isdigit((unsigned char)y[0]) && strlen(y) >= 4) {
			int year = atoi(y);

			if (year >= 1900 && year <= 2100)
				doc->year = year;
		}
	}
	if (n > 0 && n < 120)
		doc->organisation = arena_strndup(doc->arena, p, n);
}

int pat_contents(const struct pat_set *ps, struct doc *doc)
{
	const char *kind = NULL;

	(void)ps;
	for (size_t i = 0; i < doc->nblocks; i++) {
		const struct doc_block *b = &doc->blocks[i];
		const char *title, *k;
		int page;

		if (b->furniture)
			continue;
		copyright(doc, b->text);
		/* "Innehåll" and its kin are short: long blocks need no look. */
		if ((b->type == DOC_BLK_HEADING || b->type == DOC_BLK_PARAGRAPH) && strlen(b->text) < 40 &&
		    (k = list_kind(b->text))) {
			kind = k;
			continue;
		}
		if (!kind)
			continue;
		/* Entries follow the heading; anything else ends the list. */
		if ((b->type == DOC_BLK_PARAGRAPH || b->type == DOC_BLK_LIST_ITEM ||
		     b->type == DOC_BLK_HEADING || b->type == DOC_BLK_CAPTION) &&
		    entry(doc->arena, b->text, &title, &page)) {
			struct doc_contents *c = ARENA_PUSH(doc->arena, doc->contents, doc->ncontents,
							    doc->cap_contents);

			if (!c)
				return EX_ENOMEM;
			c->title = title;
			c->page = page;
			c->list = kind;
			c->block = (int)i;
			continue;
		}
		kind = NULL;
	}
	return 0;
}
