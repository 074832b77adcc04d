/* protocol.c: meeting protocols. */
#include "internal.h"

#include <ctype.h>
#include <glib.h>
#include <stdio.h>
#include <string.h>

/* Runs re on s; the match data (free it) or NULL. */
static pcre2_match_data *match(const pcre2_code *re, const char *s)
{
	pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);

	if (md && pcre2_match(re, (PCRE2_SPTR)s, PCRE2_ZERO_TERMINATED, 0, PCRE2_NO_UTF_CHECK, md, NULL) > 0)
		return md;
	pcre2_match_data_free(md);
	return NULL;
}

static const char *group_dup(struct arena *a, pcre2_match_data *md, const char *name)
{
	char b[512];

	return pat_group(md, name, b, sizeof(b)) ? arena_strdup(a, b) : NULL;
}

/* Lower-case copy starts with word (and a word boundary). */
static int starts_word(const char *s, const char *word)
{
	gchar *low = g_utf8_strdown(s, -1);
	size_t n = strlen(word);
	int ok;

	g_strstrip(low);
	ok = !strncmp(low, word, n) && !g_unichar_isalpha(g_utf8_get_char(low + n));
	g_free(low);
	return ok;
}

static const char *const role_words[] = { "ordförande", "vice ordförande", "sekreterare",
					   "ledamot", "ersättare", "verksamhetsledare", "kassör",
					   "justerare", "adjungerad", "förbundschef", "samordnare",
					   "controller", "ekonom", "handläggare", NULL };

static int is_role(const char *s)
{
	for (int i = 0; role_words[i]; i++)
		if (starts_word(s, role_words[i]))
			return 1;
	return 0;
}

/* "Jonas Wells, verksamhetsledare Indikatorerna samt SF Södra Dalarna":
 * name before the first comma; after it, parts split at commas and
 * " samt ": a role word makes a role, the rest is the organisation. */
static int add_person(struct doc *doc, const char *text, const char *status, size_t bi)
{
	struct doc_protocol *p = &doc->protocol;
	struct doc_person *x;
	gchar **parts;
	GString *role = g_string_new(NULL), *org = g_string_new(NULL);
	const char *comma = strchr(text, ',');

	if (!text[0] || strlen(text) > 200)
		return 0;
	x = ARENA_PUSH(doc->arena, p->people, p->npeople, p->cap_people);
	if (!x)
		return EX_ENOMEM;
	x->name = comma ? arena_strndup(doc->arena, text, (size_t)(comma - text)) : text;
	x->status = status;
	pat_prov_block(doc, bi, &x->prov);
	if (comma) {
		gchar *rest = g_strdup(comma + 1);
		gchar *r = rest;

		/* " samt " splits as a comma does. */
		for (gchar *s; (s = strstr(r, " samt ")); r = s + 1)
			memcpy(s, ",    ", 5);
		parts = g_strsplit(rest, ",", -1);
		for (int i = 0; parts[i]; i++) {
			GString *to;

			g_strstrip(parts[i]);
			if (!parts[i][0])
				continue;
			to = is_role(parts[i]) ? role : org;
			if (to->len)
				g_string_append(to, ", ");
			g_string_append(to, parts[i]);
		}
		g_strfreev(parts);
		g_free(rest);
	}
	x->role = role->len ? arena_strdup(doc->arena, role->str) : NULL;
	x->organisation = org->len ? arena_strdup(doc->arena, org->str) : NULL;
	g_string_free(role, TRUE);
	g_string_free(org, TRUE);
	return 0;
}

/* "Närvarande", "Närvarande ledamöter", "Frånvarande", "Ersättare":
 * the status a section's people have, or NULL. */
static const char *people_section(const char *s)
{
	if (starts_word(s, "närvarande") || starts_word(s, "narvarande") || starts_word(s, "deltagare"))
		return "present";
	if (starts_word(s, "frånvarande") || starts_word(s, "franvarande") || starts_word(s, "förhinder"))
		return "absent";
	if (starts_word(s, "ersättare") || starts_word(s, "tjänstgörande ersättare"))
		return "deputy";
	return NULL;
}

/* An agenda item heading: "§ 4 Införande …", "4. Mötets öppnande",
 * or a titled section in the protocol's body. Fills number. */
static int item_heading(struct arena *a, const struct doc_block *b, const char **number,
			const char **title)
{
	const char *s = b->text;
	size_t n = 0;

	*number = NULL;
	if (!strncmp(s, "\xC2\xA7", 2)) {           /* § */
		n = 2;
		while (s[n] == ' ')
			n++;
		while (isdigit((unsigned char)s[n]))
			n++;
		*number = arena_strndup(a, s, n);
		while (s[n] == ' ' || s[n] == '.')
			n++;
		*title = s + n;
		return 1;
	}
	if (b->type != DOC_BLK_HEADING)
		return 0;
	while (isdigit((unsigned char)s[n]))
		n++;
	if (n && (s[n] == '.' || s[n] == ' ') && !isdigit((unsigned char)s[n + 1])) {
		*number = arena_strndup(a, s, n);
		while (s[n] == ' ' || s[n] == '.')
			n++;
	} else {
		n = 0;
	}
	*title = s + n;
	return 1;
}

static int elected(const struct pat_set *ps, struct doc *doc, const char *s)
{
	struct doc_protocol *p = &doc->protocol;
	pcre2_match_data *md = match(ps->elected, s);
	static const char *const names[2][2] = { { "n1", "r1" }, { "n2", "r2" } };

	if (!md)
		return 0;
	for (int i = 0; i < 2; i++) {
		const char *name = group_dup(doc->arena, md, names[i][0]);
		char role[40];

		if (!name || !pat_group(md, names[i][1], role, sizeof(role)))
			continue;
		if (strstr(role, "sekreterare"))
			p->secretary = name;
		else if (strstr(role, "ordförande"))
			p->chair = name;
		else {
			const char **x = ARENA_PUSH(doc->arena, p->adjusters, p->nadjusters, p->cap_adjusters);

			if (!x) {
				pcre2_match_data_free(md);
				return EX_ENOMEM;
			}
			*x = name;
		}
	}
	pcre2_match_data_free(md);
	return 0;
}

/* Decisions, assignments and "läggs till handlingarna" in one block of
 * an item. */
static int item_text(const struct pat_set *ps, struct doc *doc, struct doc_agenda_item *it, size_t bi)
{
	const char *s = doc->blocks[bi].text;
	pcre2_match_data *md;
	gchar *low = g_utf8_strdown(s, -1);

	if (strstr(low, "läggs till handlingarna") || strstr(low, "lades till handlingarna") ||
	    strstr(low, "laggs till handlingarna"))
		it->noted = 1;
	g_free(low);
	it->text = it->text ? arena_printf(doc->arena, "%s\n%s", it->text, s) : s;
	if ((md = match(ps->decision, s))) {
		struct doc_decision *d = ARENA_PUSH(doc->arena, it->decisions, it->ndecisions,
						    it->cap_decisions);

		pcre2_match_data_free(md);
		if (!d)
			return EX_ENOMEM;
		d->text = s;
		pat_prov_block(doc, bi, &d->prov);
	}
	if ((md = match(ps->assigned, s))) {
		struct doc_assignment *x = ARENA_PUSH(doc->arena, it->assignments, it->nassignments,
						      it->cap_assignments);

		if (!x) {
			pcre2_match_data_free(md);
			return EX_ENOMEM;
		}
		x->who = group_dup(doc->arena, md, "who");
		x->task = group_dup(doc->arena, md, "task");
		pat_prov_block(doc, bi, &x->prov);
		pcre2_match_data_free(md);
	}
	return 0;
}

static void meeting_fields(const struct pat_set *ps, struct doc *doc)
{
	struct doc_protocol *p = &doc->protocol;

	p->date = doc->date;
	for (size_t i = 0; i < doc->nfields; i++) {
		const struct doc_field *f = &doc->fields[i];
		pcre2_match_data *md;

		if (!strcmp(f->name, "plats"))
			p->place = f->value;
		if ((!strcmp(f->name, "datum") || !strcmp(f->name, "tid")) && !p->time &&
		    (md = match(ps->time, f->value))) {
			p->time = group_dup(doc->arena, md, "t");
			pcre2_match_data_free(md);
		}
	}
}

static void next_meeting(const struct pat_set *ps, struct doc *doc, size_t bi)
{
	struct doc_protocol *p = &doc->protocol;
	const char *s = doc->blocks[bi].text, *d;
	char iso[11];

	/* The date may stand anywhere in the sentence. */
	for (d = s; *d; d++)
		if ((d == s || d[-1] == ' ') && pat_date(ps, d, iso)) {
			p->next_meeting = arena_strdup(doc->arena, iso);
			break;
		}
	p->next_meeting_text = s;
}

int pat_protocol(const struct pat_set *ps, struct doc *doc)
{
	struct doc_protocol *p = &doc->protocol;
	struct doc_agenda_item *it = NULL;
	const char *status = NULL;
	int rc = 0, in_next = 0;

	if (strcmp(doc->type, "protocol"))
		return 0;
	p->present = 1;
	meeting_fields(ps, doc);
	for (size_t i = 0; i < doc->nblocks && rc == 0; i++) {
		const struct doc_block *b = &doc->blocks[i];
		const char *number, *title, *st, *colon;

		if (b->furniture || b->type == DOC_BLK_TABLE || b->type == DOC_BLK_FOOTNOTE)
			continue;
		if ((st = people_section(b->text)) && strlen(b->text) < 40) {
			status = st;
			/* "Närvarande: A, B, C" on one line. */
			colon = strchr(b->text, ':');
			if (colon && colon[1]) {
				gchar **names = g_strsplit(colon + 1, ",", -1);

				for (int k = 0; names[k] && rc == 0; k++) {
					g_strstrip(names[k]);
					if (names[k][0])
						rc = add_person(doc, arena_strdup(doc->arena, names[k]), status, i);
				}
				g_strfreev(names);
				status = NULL;
			}
			continue;
		}
		if (status && (b->type == DOC_BLK_LIST_ITEM || (b->type == DOC_BLK_PARAGRAPH &&
								   strlen(b->text) < 120 && !strchr(b->text, '.')))) {
			rc = add_person(doc, b->text, status, i);
			continue;
		}
		status = NULL;
		if (item_heading(doc->arena, b, &number, &title) && i > 0) {
			it = ARENA_PUSH(doc->arena, p->items, p->nitems, p->cap_items);
			if (!it)
				return EX_ENOMEM;
			it->number = number;
			it->title = title;
			pat_prov_block(doc, i, &it->prov);
			in_next = starts_word(title, "nästa möte") || starts_word(title, "nasta mote");
			continue;
		}
		rc = elected(ps, doc, b->text);
		if (rc == 0 && starts_word(b->text, "nästa möte"))
			next_meeting(ps, doc, i);
		else if (rc == 0 && in_next)
			next_meeting(ps, doc, i);
		if (rc == 0 && it)
			rc = item_text(ps, doc, it, i);
	}
	/* The title heading is not an agenda item. */
	return rc;
}
