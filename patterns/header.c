/* header.c: header fields, document title and date. */
#include "internal.h"

#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "quantity.h"

#define TITLE_MAX_LINES 3  /* a title runs on to three more lines at most */
#define DATE_LINE_MAX 24   /* a line that is a date and little else: "den 17 september 2010" */

/* Labels and the field names they file under. */
static const struct { const char *label; const char *name; } labels[] = {
	{ "till", "till" }, { "från", "fran" }, { "fran", "fran" },
	{ "datum", "datum" }, { "punkt", "punkt" }, { "ärende", "arende" },
	{ "arende", "arende" }, { "dnr", "dnr" }, { "diarienummer", "dnr" },
	{ "diarienr", "dnr" }, { "bilaga", "bilaga" }, { "plats", "plats" },
	{ "tid", "tid" }, { "lokal", "plats" }, { "när", "tid" }, { "var", "plats" },
};

static const char *const months[] = { "januari", "februari", "mars", "april", "maj", "juni",
				       "juli", "augusti", "september", "oktober", "november",
				       "december" };

int pat_date(const struct pat_set *ps, const char *s, char iso[11])
{
	pcre2_match_data *md = pcre2_match_data_create_from_pattern(ps->date, NULL);
	char y[8] = "", m[16] = "", d[8] = "";
	int rc, month = 0;
	unsigned yy, dd;

	if (!md)
		return 0;
	rc = pcre2_match(ps->date, (PCRE2_SPTR)s, PCRE2_ZERO_TERMINATED, 0, PCRE2_NO_UTF_CHECK, md, NULL);
	if (rc > 0) {
		pat_group(md, "y", y, sizeof(y));
		if (y[0]) {
			pat_group(md, "m", m, sizeof(m));
			pat_group(md, "d", d, sizeof(d));
			month = atoi(m);
		} else {
			pat_group(md, "y2", y, sizeof(y));
			pat_group(md, "d2", d, sizeof(d));
			pat_group(md, "mon", m, sizeof(m));
			for (int i = 0; i < 12; i++)   /* "dec", "sept": a month's first letters */
				if (strlen(m) >= 3 && strncasecmp(m, months[i], strlen(m)) == 0)
					month = i + 1;
		}
	}
	pcre2_match_data_free(md);
	if (rc <= 0)
		return 0;
	yy = (unsigned)atoi(y);
	dd = (unsigned)atoi(d);
	if (rc <= 0 || month < 1 || month > 12 || dd < 1 || dd > 31 || yy < 1000 || yy > 9999)
		return 0;
	snprintf(iso, 11, "%04u-%02u-%02u", yy, (unsigned)month, dd);
	return 1;
}

static const char *field_name(const char *label)
{
	gchar *low = g_utf8_strdown(label, -1);
	const char *name = NULL;

	for (size_t i = 0; low && i < sizeof(labels) / sizeof(labels[0]) && !name; i++)
		if (strcmp(low, labels[i].label) == 0)
			name = labels[i].name;
	g_free(low);
	return name;
}

static int has_field(const struct doc *doc, const char *name)
{
	for (size_t i = 0; i < doc->nfields; i++)
		if (strcmp(doc->fields[i].name, name) == 0)
			return 1;
	return 0;
}

/* Whether s is, or ends with, a word that joins a title to its next
 * line: "Årsredovisning för" / "Brf Teleterrassen 1". */
static int joining(const char *s, int at_end)
{
	static const char *const words[] = { "för", "och", "i", "till", "av", "om", "med", "på", "vid", "inom",
					     "över", "från", "samt" };
	const char *w = at_end ? strrchr(s, ' ') : NULL;

	w = w ? w + 1 : s;
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (!strcasecmp(w, words[i]))
			return 1;
	return 0;
}

/* The title heading at block i, with the lines it runs on to: a heading
 * that ends with (or is) a joining word takes the next heading on its
 * page ("Årsredovisning" / "för" / "Brf Doktor Lindh"). */
static const char *whole_title(struct doc *doc, size_t i)
{
	const char *t = doc->blocks[i].text;

	for (size_t k = i + 1, joins = 0; k < doc->nblocks && joins < TITLE_MAX_LINES; k++) {
		const struct doc_block *b = &doc->blocks[k];

		if (b->furniture)
			continue;
		if (b->type != DOC_BLK_HEADING || b->page != doc->blocks[i].page ||
		    (!joining(t, 1) && !joining(b->text, 0)))
			break;
		if (!(t = arena_printf(doc->arena, "%s %s", t, b->text)))
			return doc->blocks[i].text;
		joins++;
	}
	return t;
}

int pat_header(const struct pat_set *ps, struct doc *doc)
{
	pcre2_match_data *md = pcre2_match_data_create_from_pattern(ps->field, NULL);
	char label[64], value[800], iso[11];
	size_t body = 0;

	if (!md)
		return EX_ENOMEM;
	/* The header sits before the body: look at the first blocks only,
	 * until three paragraphs of prose have passed. */
	for (size_t i = 0; i < doc->nblocks && i < 60 && body < 3; i++) {
		const struct doc_block *b = &doc->blocks[i];
		const char *name;

		if (b->furniture || !doc_block_readable(b))
			continue;
		if (pcre2_match(ps->field, (PCRE2_SPTR)b->text, PCRE2_ZERO_TERMINATED, 0, PCRE2_NO_UTF_CHECK, md, NULL) < 0) {
			body += b->type == DOC_BLK_PARAGRAPH && strlen(b->text) > 80;
			continue;
		}
		pat_group(md, "label", label, sizeof(label));
		pat_group(md, "value", value, sizeof(value));
		name = field_name(label);
		if (!name || has_field(doc, name))
			continue;
		if (doc_add_field(doc, name, arena_strdup(doc->arena, value), (int)i) < 0) {
			pcre2_match_data_free(md);
			return EX_ENOMEM;
		}
		if (strcmp(name, "datum") == 0 && !doc->date && pat_date(ps, value, iso))
			doc->date = arena_strdup(doc->arena, iso);
	}
	pcre2_match_data_free(md);
	/* No Datum field: a date on a line of its own among the first
	 * lines, under the title ("Budgetförslag för IX 2021" / "2021-03-01"). */
	for (size_t i = 0, seen = 0; i < doc->nblocks && seen < 4 && !doc->date; i++) {
		const struct doc_block *b = &doc->blocks[i];

		if (b->furniture || !doc_block_readable(b))
			continue;
		seen++;
		if (strlen(b->text) <= DATE_LINE_MAX && pat_date(ps, b->text, iso))
			doc->date = arena_strdup(doc->arena, iso);
	}
	if (!doc->title && doc->meta.title)
		doc->title = doc->meta.title;
	for (size_t i = 0; i < doc->nblocks && !doc->title; i++)
		if (doc->blocks[i].type == DOC_BLK_HEADING && !doc->blocks[i].furniture)
			doc->title = whole_title(doc, i);
	return 0;
}
