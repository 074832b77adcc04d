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
 * " samt ": a role word makes a role, the rest is the organisation.
 * "Name (role)" is read as "Name, role". */
static int add_person(struct doc *doc, const char *text, const char *status, size_t bi)
{
	struct doc_protocol *p = &doc->protocol;
	struct doc_person *x;
	gchar **parts;
	GString *role = g_string_new(NULL), *org = g_string_new(NULL);
	const char *comma = strchr(text, ',');

	const char *open = strstr(text, " (");
	size_t n = strlen(text);

	if (!text[0] || n > 200)
		return 0;
	/* "Anna Berg (ordförande)" as "Anna Berg, ordförande" */
	if (!comma && open && text[n - 1] == ')' && open > text) {
		text = arena_printf(doc->arena, "%.*s, %.*s", (int)(open - text), text, (int)(n - 1 - (size_t)(open + 2 - text)),
				    open + 2);
		if (!text)
			return EX_ENOMEM;
		comma = strchr(text, ',');
	}
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

/* "A, B, C" after "Närvarande:", each a person with status. */
static int add_people(struct doc *doc, const char *list, const char *status, size_t bi)
{
	gchar **names = g_strsplit(list, ",", -1);
	int rc = 0;

	for (int k = 0; names[k] && rc == 0; k++) {
		struct doc_protocol *p = &doc->protocol;

		g_strstrip(names[k]);
		/* "Olof Strand, kanslichef": a part in lower case is the role of
		 * the name before it */
		if (k > 0 && p->npeople && g_unichar_islower(g_utf8_get_char(names[k])) &&
		    !p->people[p->npeople - 1].role) {
			p->people[p->npeople - 1].role = arena_strdup(doc->arena, names[k]);
			continue;
		}
		if (names[k][0])
			rc = add_person(doc, arena_strdup(doc->arena, names[k]), status, bi);
	}
	g_strfreev(names);
	return rc;
}

/* A line that names a field ("Ordförande: X", "Plats: Y"): a word or two
 * and a colon near its start. */
#define FIELD_LABEL_MAX 30   /* bytes before the colon */
static int field_like(const char *s)
{
	const char *c = strchr(s, ':');

	return c && c > s && c - s <= FIELD_LABEL_MAX && c[1];
}

/* The people of block bi under status: a person a line where the lines
 * of a paragraph were joined ("Anna Berg, kassör" over "Erik Öhman,
 * ledamot"), else the block as one person. A line that names a field
 * ends the list: it is not added, and the status it ended is returned
 * as NULL through *status. */
static int people_lines(struct doc *doc, size_t bi, const char **status)
{
	const struct doc_block *b = &doc->blocks[bi];
	int rc = 0;

	if (b->nlines < 2)
		return add_person(doc, b->text, *status, bi);
	for (size_t k = 0; k < b->nlines && rc == 0 && *status; k++) {
		const char *t = pat_line_text(doc->arena, &b->lines[k]);

		if (!t)
			return EX_ENOMEM;
		if (field_like(t))
			*status = NULL;
		else if (t[0])
			rc = add_person(doc, t, *status, bi);
	}
	return rc;
}

static int ends_with_comma(const char *s)
{
	size_t n = strlen(s);

	while (n && s[n - 1] == ' ')
		n--;
	return n && s[n - 1] == ',';
}

/* "Närvarande", "Närvarande ledamöter", "Frånvarande", "Ersättare":
 * the status a section's people have, or NULL. */
static const char *people_section(const char *s)
{
	if (starts_word(s, "närvarande") || starts_word(s, "narvarande") || starts_word(s, "deltagare") ||
	    starts_word(s, "beslutande") ||   /* a municipal board's members who decide */
	    starts_word(s, "övriga närvarande") || starts_word(s, "närvarolista"))
		return "present";
	if (starts_word(s, "frånvarande") || starts_word(s, "franvarande") || starts_word(s, "förhinder") ||
	    starts_word(s, "anmält förhinder") || starts_word(s, "anmälda förhinder") ||
	    starts_word(s, "ej närvarande"))
		return "absent";
	if (starts_word(s, "ersättare") || starts_word(s, "tjänstgörande ersättare"))
		return "deputy";
	if (starts_word(s, "tjänstemän") || starts_word(s, "tjänstepersoner") || starts_word(s, "tjänsteperson"))
		return "staff";
	return NULL;
}

/* The length of an item number at the start of s: "4", "4.", "12)",
 * "4 §"; 0 if none. Sub-items ("a.", "2a") are not items. */
static size_t item_number(const char *s)
{
	size_t n = 0;

	while (isdigit((unsigned char)s[n]))
		n++;
	if (n == 0 || n > 2)
		return 0;
	if (s[n] == '.' || s[n] == ')')
		n++;
	else if (!strncmp(s + n, " \xC2\xA7", 3))   /* "4 §" */
		n += 3;
	return n;
}

/* s[0..n) without what follows the number's last digit ("4." is "4",
 * "§ 4 §" is "§ 4"), in the arena. */
static const char *number_dup(struct arena *a, const char *s, size_t n)
{
	while (n > 0 && !isdigit((unsigned char)s[n - 1]))
		n--;
	return arena_strndup(a, s, n);
}

/* A block that is an item number alone ("1", "§ 1", "1.", "1 §"): its
 * number, the title on the next block (LaTeX and org-mode exports set
 * them apart). */
static const char *number_alone(struct arena *a, const char *s)
{
	size_t n = !strncmp(s, "\xC2\xA7", 2) ? 2 + strspn(s + 2, " ") : 0;
	size_t k = item_number(s + n);

	if (!k || s[n + k + strspn(s + n + k, " ")] != '\0')
		return NULL;
	return number_dup(a, s, n + k);
}

/* An agenda item heading: "§ 4 Införande …", "4. Mötets öppnande", "4 §
 * Val av justerare", a
 * numbered paragraph or list item whose text starts with a capital
 * ("3. Mötets öppnande Christoffer förklarar …": number, title and text
 * in one: 2), or a titled section in the protocol's body (1). Fills
 * number and title. */
static int item_heading(struct arena *a, const struct doc_block *b, const char **number,
			const char **title)
{
	const char *s = b->text;
	size_t n = 0;

	if ((b->type == DOC_BLK_PARAGRAPH || b->type == DOC_BLK_LIST_ITEM) && b->marker &&
	    item_number(b->marker) && g_unichar_isupper(g_utf8_get_char(s))) {
		*number = number_dup(a, b->marker, item_number(b->marker));
		*title = s;
		return 2;
	}
	if (b->type == DOC_BLK_PARAGRAPH && (n = item_number(s)) && s[n] == ' ' &&
	    g_unichar_isupper(g_utf8_get_char(s + n + 1))) {
		*number = number_dup(a, s, n);
		*title = s + n + 1;
		return 2;
	}
	n = 0;

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
		if (!strncmp(s + n, " \xC2\xA7", 3))   /* "4 § Val av justerare" */
			n += 3;
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
		const char *name = pat_group_dup(doc->arena, md, names[i][0]);
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

/* Names in "A, B och C": each into the adjusters, or the first as
 * chair or secretary, as the role (any case) says. */
static int set_role(struct doc *doc, const char *printed_role, const char *names)
{
	struct doc_protocol *p = &doc->protocol;
	gchar *role = g_utf8_strdown(printed_role, -1);
	gchar *list = g_strdup(names);
	gchar **parts;
	int rc = 0;

	for (gchar *s; (s = strstr(list, " och ")) || (s = strstr(list, " samt "));)
		memcpy(s, s[1] == 'o' ? ",   " : ",    ", s[1] == 'o' ? 4 : 5);
	parts = g_strsplit(list, ",", -1);
	for (int i = 0; parts[i] && rc == 0; i++) {
		const char *name;

		g_strstrip(parts[i]);
		if (!parts[i][0] || !(name = arena_strdup(doc->arena, parts[i]))) {
			rc = parts[i][0] ? EX_ENOMEM : 0;
			continue;
		}
		if (strstr(role, "sekreterare") || strstr(role, "protokollförare")) {
			if (!p->secretary)
				p->secretary = name;
		} else if (strstr(role, "ordförande")) {
			if (!p->chair)
				p->chair = name;
		} else if (strstr(role, "juster")) {
			const char **x = NULL;
			size_t k = 0;

			while (k < p->nadjusters && strcmp(p->adjusters[k], name))
				k++;
			if (k < p->nadjusters)
				continue;   /* named again */
			x = ARENA_PUSH(doc->arena, p->adjusters, p->nadjusters, p->cap_adjusters);
			if (!x)
				rc = EX_ENOMEM;
			else
				*x = name;
		}
	}
	g_strfreev(parts);
	g_free(list);
	g_free(role);
	return rc;
}

/* The meeting's functionaries where the role comes first: "Mötes-
 * ordförande Mötet nominerar och väljer A", "Till justerare valdes B"
 * (or "B och F"), "Ordförande: C", "Justerare: D och E". */
static int functionaries(const struct pat_set *ps, struct doc *doc, const char *s, int fields)
{
	pcre2_match_data *md = pcre2_match_data_create_from_pattern(ps->chosen, NULL);
	char role[64], name[160];
	PCRE2_SIZE at = 0;
	int rc = 0;

	if (!md)
		return EX_ENOMEM;
	while (rc == 0 && pcre2_match(ps->chosen, (PCRE2_SPTR)s, PCRE2_ZERO_TERMINATED, at, PCRE2_NO_UTF_CHECK, md,
				      NULL) > 0) {
		at = pcre2_get_ovector_pointer(md)[1];
		/* "Till justerare valdes A och B": set_role takes every name
		 * of a list for adjusters, the first for a chair or secretary */
		if ((pat_group(md, "r", role, sizeof(role)) && pat_group(md, "n", name, sizeof(name))) ||
		    (pat_group(md, "r2", role, sizeof(role)) && pat_group(md, "n2", name, sizeof(name))))
			rc = set_role(doc, role, name);
	}
	pcre2_match_data_free(md);
	if (rc == 0 && fields && (md = match(ps->role_field, s))) {
		if (pat_group(md, "r", role, sizeof(role)) && pat_group(md, "n", name, sizeof(name)))
			rc = set_role(doc, role, name);
		pcre2_match_data_free(md);
	}
	return rc;
}

/* The text a functionary is read from: the block, or after a short
 * line that names the role with no stop or colon ("a. Mötesordförande",
 * "Val av mötessekreterare") that line and the block together, so
 * "Mötet nominerar och väljer A" under it elects A to that role. */
#define ROLE_LINE_MAX 60
static const char *role_context(struct doc *doc, size_t i)
{
	const char *t = doc->blocks[i].text;

	for (size_t k = i; k-- > 0;) {
		const struct doc_block *p = &doc->blocks[k];
		size_t n = p->text ? strlen(p->text) : 0;

		if (p->furniture || !doc_block_readable(p))
			continue;
		if (p->type == DOC_BLK_TABLE || n == 0 || n > ROLE_LINE_MAX || p->text[n - 1] == '.' ||
		    strchr(p->text, ':'))
			return t;
		t = arena_printf(doc->arena, "%s %s", p->text, doc->blocks[i].text);
		return t ? t : doc->blocks[i].text;
	}
	return t;
}

/* Whether a decision chooses someone: "Mötet nominerar och väljer A",
 * "A valdes till sekreterare", "B utses till justerare". */
static int election(const char *sentence)
{
	static const char *const cues[] = { " väljer ", " valde ", " valdes ", " väljs ", " utses ", " utsågs ",
					    " utser ", " nominerar ", " att välja " };
	gchar *low = g_utf8_strdown(sentence, -1);
	int hit = 0;

	for (size_t i = 0; i < sizeof(cues) / sizeof(cues[0]) && !hit; i++)
		hit = strstr(low, cues[i]) != NULL;
	g_free(low);
	return hit;
}

/* The start of the subject before a cue at "at" in s: the cue itself
 * when it names it ("Mötet godkänner"), else the capitalised words just
 * before it ("Röstlängden fastställs", "Elis Hirwing valdes"). */
static size_t subject_start(const char *s, size_t at)
{
	size_t k = at;

	if (g_unichar_isupper(g_utf8_get_char(s + at)))
		return at;
	for (;;) {
		size_t e = k, w;

		while (e > 0 && s[e - 1] == ' ')
			e--;
		w = e;
		while (w > 0 && s[w - 1] != ' ')
			w--;
		if (w == e || !g_unichar_isupper(g_utf8_get_char(s + w)))
			return k;
		k = w;
	}
}

/* The sentence of s around the cue [from, to), from the end of the one
 * before to the next full stop; in a block whose item number and title
 * run into its text (title_first), a first sentence starts at the
 * subject ("Adjungeringar … röstlängden Röstlängden fastställs till 14."
 * decides "Röstlängden fastställs till 14."). */
static const char *sentence_at(struct arena *a, const char *s, size_t from, size_t to, int title_first)
{
	size_t b = from, e = to, n = strlen(s);

	while (b > 0 && !(strchr(".!?", s[b - 1]) && (s[b] == ' ' || s[b] == '\n')))
		b--;
	while (s[b] == ' ' || s[b] == '\n')
		b++;
	if (title_first && b <= item_number(s) + 1)   /* the first sentence, after any "7. " */
		b = subject_start(s, from);
	while (e < n && !(strchr(".!?", s[e]) && (e + 1 == n || s[e + 1] == ' ' || s[e + 1] == '\n')))
		e++;
	return arena_strndup(a, s + b, e < n ? e + 1 - b : n - b);
}

/* Each match of re in block bi (a reservation, a declared conflict of
 * interest) as a remark: who, and the sentence. */
static int remarks(const pcre2_code *re, struct doc *doc, size_t bi, struct doc_remark **v, size_t *n, size_t *cap)
{
	const char *s = doc->blocks[bi].text;
	pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);
	PCRE2_SIZE at = 0;
	int rc = 0;

	if (!md)
		return EX_ENOMEM;
	while (rc == 0 && pcre2_match(re, (PCRE2_SPTR)s, PCRE2_ZERO_TERMINATED, at, PCRE2_NO_UTF_CHECK, md, NULL) > 0) {
		PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
		struct doc_remark *r = ARENA_PUSH(doc->arena, *v, *n, *cap);

		at = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
		if (!r || !(r->text = sentence_at(doc->arena, s, ov[0], ov[1], 0))) {
			rc = EX_ENOMEM;
			break;
		}
		r->who = pat_group_dup(doc->arena, md, "who");
		pat_prov_block(doc, bi, &r->prov);
	}
	pcre2_match_data_free(md);
	return rc;
}

/* An election's own clause: "Martin Arnér utsågs till Dataskyddsombud
 * och åtog sig att gå igenom mappen." elects with "Martin Arnér utsågs
 * till Dataskyddsombud." (what follows is a task, read as an
 * assignment); else the sentence. NULL when memory runs out. */
static const char *election_clause(const struct pat_set *ps, struct arena *a, const char *sent)
{
	pcre2_match_data *md = match(ps->and_task, sent);
	const char *s = sent;

	if (md) {
		s = arena_printf(a, "%.*s.", (int)pcre2_get_ovector_pointer(md)[0], sent);
		pcre2_match_data_free(md);
	}
	return s;
}

/* Decisions, assignments and "läggs till handlingarna" in one block of
 * an item. */
static int item_text(const struct pat_set *ps, struct doc *doc, struct doc_agenda_item *it, size_t bi,
		     int title_first)
{
	const char *s = doc->blocks[bi].text;
	pcre2_match_data *md;
	gchar *low = g_utf8_strdown(s, -1);

	if (strstr(low, "läggs till handlingarna") || strstr(low, "lades till handlingarna") ||
	    strstr(low, "laggs till handlingarna"))
		it->noted = 1;
	g_free(low);
	it->text = it->text ? arena_printf(doc->arena, "%s\n%s", it->text, s) : s;
	/* One decision a sentence: "Mötet nominerar och väljer A. … Mötet
	 * godkänner föredragningslistan." */
	if ((md = pcre2_match_data_create_from_pattern(ps->decision, NULL))) {
		PCRE2_SIZE at = 0;
		const char *last = NULL;

		while (pcre2_match(ps->decision, (PCRE2_SPTR)s, PCRE2_ZERO_TERMINATED, at, PCRE2_NO_UTF_CHECK, md,
				   NULL) > 0) {
			PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
			const char *sent = sentence_at(doc->arena, s, ov[0], ov[1], title_first);
			struct doc_decision *d;

			at = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
			if (!sent) {
				pcre2_match_data_free(md);
				return EX_ENOMEM;
			}
			if (last && !strcmp(last, sent))
				continue;   /* two cues in one sentence: one decision */
			d = ARENA_PUSH(doc->arena, it->decisions, it->ndecisions, it->cap_decisions);
			if (!d) {
				pcre2_match_data_free(md);
				return EX_ENOMEM;
			}
			d->text = last = sent;
			d->kind = election(sent) ? "election" : "decision";
			if (d->kind[0] == 'e' && !(d->text = election_clause(ps, doc->arena, sent))) {
				pcre2_match_data_free(md);
				return EX_ENOMEM;
			}
			pat_prov_block(doc, bi, &d->prov);
		}
		pcre2_match_data_free(md);
	}
	if (remarks(ps->reserved, doc, bi, &it->reservations, &it->nreservations, &it->cap_reservations) < 0 ||
	    remarks(ps->conflict, doc, bi, &it->conflicts, &it->nconflicts, &it->cap_conflicts) < 0)
		return EX_ENOMEM;
	if ((md = match(ps->assigned, s))) {
		struct doc_assignment *x = ARENA_PUSH(doc->arena, it->assignments, it->nassignments,
						      it->cap_assignments);

		if (!x) {
			pcre2_match_data_free(md);
			return EX_ENOMEM;
		}
		x->who = pat_group_dup(doc->arena, md, "who");
		x->task = pat_group_dup(doc->arena, md, "task");
		pat_prov_block(doc, bi, &x->prov);
		pcre2_match_data_free(md);
	}
	return 0;
}

/* The heading of the signature page: "Signaturer", "Underskrifter",
 * "Justeras", "Vid protokollet". */
static int signature_heading(const char *s)
{
	return starts_word(s, "signaturer") || starts_word(s, "underskrifter") || starts_word(s, "justeras") ||
	       starts_word(s, "vid protokollet");
}

/* Whether a heading without a number is an agenda item: not a date
 * ("2018-05-07" under the title), not a sub-section number alone
 * ("10.1"). */
static int heading_item(const struct pat_set *ps, const struct doc *doc, const struct doc_block *b,
			const char *number)
{
	const char *s = b->text;
	char iso[11];
	size_t n = strspn(s, "0123456789.");

	if (number)
		return 1;
	if (n && s[n] == '\0')
		return 0;
	return !(pat_date(ps, s, iso) && strlen(s) <= 12);
}

/* The meeting's date where no Datum field gives it: the first date in
 * the title or the blocks before the first item ("2016–05–25",
 * "Protokoll (2018-05-29)", "29 maj 2018"). */
/* The first date written in s ("2016–05–25", "den 23 maj 2024"), ISO in
 * the arena; NULL when none. */
static const char *date_in(const struct pat_set *ps, struct arena *a, const char *s)
{
	char iso[11];

	for (const char *d = s; d && *d; d++)
		if ((d == s || !isalnum((unsigned char)d[-1])) && isdigit((unsigned char)*d) && pat_date(ps, d, iso))
			return arena_strdup(a, iso);
	return NULL;
}

static const char *first_date(const struct pat_set *ps, struct doc *doc)
{
	const char *cand[8], *iso = NULL;
	size_t n = 0;

	cand[n++] = doc->title;
	for (size_t i = 0; i < doc->nblocks && n < 8; i++)
		if (!doc->blocks[i].furniture && doc_block_readable(&doc->blocks[i]))
			cand[n++] = doc->blocks[i].text;
	for (size_t i = 0; i < n && !iso; i++)
		iso = date_in(ps, doc->arena, cand[i]);
	return iso;
}

static void meeting_fields(const struct pat_set *ps, struct doc *doc)
{
	struct doc_protocol *p = &doc->protocol;

	p->date = doc->date ? doc->date : first_date(ps, doc);
	for (size_t i = 0; i < doc->nfields; i++) {
		const struct doc_field *f = &doc->fields[i];
		pcre2_match_data *md;

		if (!strcmp(f->name, "plats"))
			p->place = f->value;
		if ((!strcmp(f->name, "datum") || !strcmp(f->name, "tid")) && !p->time &&
		    (md = match(ps->time, f->value))) {
			p->time = pat_group_dup(doc->arena, md, "t");
			pcre2_match_data_free(md);
		}
	}
}

/* A time of day as "HH:MM" ("9.05" gives "09:05", "10" "10:00"); NULL
 * when memory runs out or it is no time of day. */
static const char *hhmm(struct arena *a, const char *t)
{
	int h = atoi(t);
	const char *m = t + strcspn(t, ".:");

	if (h > 24)
		return NULL;
	return *m ? arena_printf(a, "%02d:%.2s", h, m + 1) : arena_printf(a, "%02d:00", h);
}

/* When the meeting opened and closed: "Tid: 18.00–20.30", or the
 * sentences that open and close it ("Mötet öppnades kl. 18.05",
 * "Mötets avslutande 20:30"), the first of each. */
static void meeting_times(const struct pat_set *ps, struct doc *doc)
{
	struct doc_protocol *p = &doc->protocol;
	pcre2_match_data *md;
	char t[16];

	for (size_t i = 0; i < doc->nfields && !p->opened; i++) {
		const struct doc_field *f = &doc->fields[i];

		if ((strcmp(f->name, "tid") && strcmp(f->name, "datum")) || !(md = match(ps->span, f->value)))
			continue;
		if (pat_group(md, "a", t, sizeof(t)))
			p->opened = hhmm(doc->arena, t);
		if (pat_group(md, "b", t, sizeof(t)))
			p->closed = hhmm(doc->arena, t);
		pcre2_match_data_free(md);
	}
	for (size_t i = 0; i < doc->nblocks && (!p->opened || !p->closed); i++) {
		const struct doc_block *b = &doc->blocks[i];

		if (b->furniture || b->type == DOC_BLK_HANDWRITING)
			continue;
		if (!p->opened && (md = match(ps->opened, b->text))) {
			if (pat_group(md, "t", t, sizeof(t)))
				p->opened = hhmm(doc->arena, t);
			pcre2_match_data_free(md);
		}
		if (!p->closed && (md = match(ps->closed, b->text))) {
			if (pat_group(md, "t", t, sizeof(t)))
				p->closed = hhmm(doc->arena, t);
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

/* Minutes whose items are numbered: a heading without a number before
 * the first of them is the title's (its second line), not an item. */
static int numbered_items(const struct doc *doc)
{
	for (size_t i = 0; i < doc->nblocks; i++) {
		const char *t = doc->blocks[i].text;

		if (doc->blocks[i].type == DOC_BLK_HEADING && (item_number(t) || !strncmp(t, "\xC2\xA7", 2)))
			return 1;
	}
	return 0;
}

/* Where an attendance list stands: the status of a list under way, and
 * of a comma list that goes on in the next paragraph. */
struct attendance {
	const char *status, *comma;
};

/* Block i read as attendance: a section heading ("Närvarande:", "Närvarande:
 * A, B, C"), a comma list going on, a paragraph ending in "Närvarande:",
 * or people under a heading. 1 when it was, 0 when not (the list, if
 * any, ends), <0 on error. */
static int people_block(struct doc *doc, size_t i, struct attendance *a)
{
	const struct doc_block *b = &doc->blocks[i];
	const char *st, *colon;
	int rc;

	if ((st = people_section(b->text)) && (strlen(b->text) < 40 || strchr(b->text, ':'))) {
		a->status = st;
		/* "Närvarande: A, B, C" on one line; a comma at its end says
		 * the list goes on in the next paragraph */
		colon = strchr(b->text, ':');
		if (colon && colon[1]) {
			rc = add_people(doc, colon + 1, st, i);
			a->comma = ends_with_comma(b->text) ? st : NULL;
			a->status = NULL;
			return rc < 0 ? rc : 1;
		}
		return 1;
	}
	if (a->comma && b->type == DOC_BLK_PARAGRAPH && !field_like(b->text) && !strchr(b->text, '.')) {
		rc = add_people(doc, b->text, a->comma, i);
		a->comma = ends_with_comma(b->text) ? a->comma : NULL;
		return rc < 0 ? rc : 1;
	}
	a->comma = NULL;
	/* "Plats: Lokalen" over "Närvarande:", read as one paragraph */
	if (b->type == DOC_BLK_PARAGRAPH && b->nlines >= 2 && !a->status) {
		const char *last = pat_line_text(doc->arena, &b->lines[b->nlines - 1]);

		if (!last)
			return EX_ENOMEM;
		if ((st = people_section(last)) && strlen(last) < 40 && last[strlen(last) - 1] == ':') {
			a->status = st;
			return 1;
		}
	}
	/* a name a line, to the first line that is none: a field, an item
	 * ("§ 1 Mötets öppnande", "1. ..."), a sentence */
	if (a->status && !field_like(b->text) && strncmp(b->text, "\xC2\xA7", 2) && !isdigit((unsigned char)b->text[0]) &&
	    (b->type == DOC_BLK_LIST_ITEM ||
	     (b->type == DOC_BLK_PARAGRAPH && (strlen(b->text) < 120 || b->nlines >= 2) && !strchr(b->text, '.')))) {
		rc = people_lines(doc, i, &a->status);
		return rc < 0 ? rc : 1;
	}
	a->status = NULL;
	return 0;
}

/* What an attendance table's column holds, by its heading. */
enum { COL_OTHER, COL_NAME, COL_ROLE, COL_STATUS };

static int column_kind(const char *s)
{
	static const char *const name[] = { "namn", "name", "ledamot", "ledamöter", "deltagare", "person", NULL };
	static const char *const role[] = { "roll", "funktion", "uppdrag", "befattning", "titel", "position", NULL };
	static const char *const status[] = { "närvaro", "närvarande", "deltog", "närv", "närvarolista", NULL };

	for (int i = 0; name[i]; i++)
		if (starts_word(s, name[i]))
			return COL_NAME;
	for (int i = 0; role[i]; i++)
		if (starts_word(s, role[i]))
			return COL_ROLE;
	for (int i = 0; status[i]; i++)
		if (starts_word(s, status[i]))
			return COL_STATUS;
	return COL_OTHER;
}

/* A person's name as a list prints it: two to five words, each with a
 * capital first ("af", "von", "van", "de" between), no digits. */
#define NAME_MAX_BYTES 60
static int name_like(const char *s)
{
	gchar **w = g_strsplit(s, " ", -1);
	int n = 0, ok = strlen(s) < NAME_MAX_BYTES && !strpbrk(s, "0123456789:;");

	for (int i = 0; w[i] && ok; i++) {
		if (!w[i][0])
			continue;
		n++;
		ok = g_unichar_isupper(g_utf8_get_char(w[i])) || (i > 0 && (!strcmp(w[i], "af") ||
			!strcmp(w[i], "von") || !strcmp(w[i], "van") || !strcmp(w[i], "de")));
	}
	g_strfreev(w);
	return ok && n >= 2 && n <= 5;
}

/* The status a mark in an attendance column gives: "ja", "x", "✓",
 * "närvarande" present; "nej", "-", "frånvarande", "förhinder" absent;
 * "ersättare" deputy; NULL when it says none of these. */
static const char *mark_status(const char *s)
{
	static const char *const yes[] = { "ja", "x", "\xE2\x9C\x93", "\xE2\x9C\x94", "närvarande", "deltog",
					   "närv", NULL };
	static const char *const no[] = { "nej", "-", "\xE2\x80\x93", "frånvarande", "förhinder",
					  "anmält förhinder", "ej närvarande", "deltog ej", NULL };

	for (int i = 0; no[i]; i++)
		if (!g_ascii_strcasecmp(s, no[i]) || starts_word(s, no[i]))
			return "absent";
	for (int i = 0; yes[i]; i++)
		if (!g_ascii_strcasecmp(s, yes[i]) || starts_word(s, yes[i]))
			return "present";
	return starts_word(s, "ersättare") ? "deputy" : NULL;
}

/* Table block bi as an attendance list: a column of names, headed
 * "Namn"/"Ledamot" or first under an attendance section ("Närvarande:"
 * over the table), with a role column ("Roll", "Funktion", or role words
 * beside the names) and a status column ("Närvaro": ja/nej, x, ✓). A
 * table of names with no attendance section over it and no status
 * column (a nomination committee's proposal) lists no attendees. 1 when
 * it was read, 0 when not, <0 on error. */
static int people_table(struct doc *doc, size_t bi, struct attendance *a)
{
	const struct doc_table *t = &doc->tables[doc->blocks[bi].table];
	const struct doc_cell **grid = doc_table_grid(t);
	int name = -1, role = -1, status = -1, head = 0, rc = 0;
	size_t names = 0, body = 0;

	if (!grid)
		return 0;
	if (t->ncols > 8)
		goto out;
	for (int c = 0; c < t->ncols; c++) {
		const struct doc_cell *x = grid[c];
		int kind = x ? column_kind(x->text) : COL_OTHER;

		head |= kind != COL_OTHER;
		if (kind == COL_NAME && name < 0)
			name = c;
		else if (kind == COL_ROLE && role < 0)
			role = c;
		else if (kind == COL_STATUS && status < 0)
			status = c;
	}
	if (name < 0 && status >= 0 && status == 0)
		name = 0, status = -1;   /* "Närvarande" over the names themselves */
	if (name < 0 && !head && a->status)
		name = 0;
	if (name < 0 || (!a->status && status < 0))
		goto out;
	for (int r = head; r < t->nrows; r++) {
		const struct doc_cell *x = grid[(size_t)r * (size_t)t->ncols + (size_t)name];

		body++;
		names += x && name_like(x->text);
	}
	if (!body || names * 3 < body * 2)
		goto out;
	if (role < 0 && !head && t->ncols > name + 1) {   /* role words beside the names */
		size_t roles = 0;

		for (int r = 0; r < t->nrows; r++) {
			const struct doc_cell *x = grid[(size_t)r * (size_t)t->ncols + (size_t)name + 1];

			roles += x && is_role(x->text);
		}
		role = roles * 2 >= body ? name + 1 : -1;
	}
	for (int r = head; r < t->nrows && rc == 0; r++) {
		const struct doc_cell *x = grid[(size_t)r * (size_t)t->ncols + (size_t)name];
		const struct doc_cell *y = role >= 0 ? grid[(size_t)r * (size_t)t->ncols + (size_t)role] : NULL;
		const struct doc_cell *z = status >= 0 ? grid[(size_t)r * (size_t)t->ncols + (size_t)status] : NULL;
		const char *st = z ? mark_status(z->text) : NULL;

		if (!x || !name_like(x->text))
			continue;
		if (!st)
			st = a->status ? a->status : "present";
		size_t before = doc->protocol.npeople;

		rc = add_person(doc, x->text, st, bi);
		if (rc == 0 && doc->protocol.npeople > before && y && y->text[0])
			doc->protocol.people[before].role = y->text;
	}
	a->status = NULL;
	free(grid);
	return rc < 0 ? rc : 1;
out:
	free(grid);
	return 0;
}

/* Whether block text s says the document is an extract of minutes:
 * "Protokollsutdrag", "PROTOKOLLSUTDRAG", "Utdrag ur protokoll",
 * "Utdrag ur sammanträdesprotokoll". */
static int excerpt_title(const char *s)
{
	gchar *low = g_utf8_strdown(s, -1);
	int yes = starts_word(s, "protokollsutdrag") || (g_str_has_prefix(low, "utdrag ur ") && strstr(low, "protokoll"));

	g_free(low);
	return yes;
}

/* Who certified an extract: the name after "Utdragsbestyrkande:",
 * "Utdrag bestyrks:", "Rätt utdraget betygar:" (or without the colon),
 * up to a comma ("Per Ek, nämndsekreterare"), else the name alone in the
 * next block (under a signature line). NULL when none is said. */
static const char *certifier(struct doc *doc, size_t i)
{
	static const char *const cues[] = { "utdragsbestyrkande", "utdrag bestyrks", "utdraget bestyrks av",
					    "utdraget bestyrks", "rätt utdraget betygar", "rätt utdraget intygar",
					    "rätt utdraget", NULL };
	const char *s = doc->blocks[i].text;
	gchar *low = g_utf8_strdown(s, -1);
	const char *name = NULL;
	size_t skip = 0;

	for (int k = 0; cues[k] && !skip; k++)
		if (g_str_has_prefix(low, cues[k]))
			skip = strlen(cues[k]);   /* (lower case keeps the byte lengths of å, ä, ö) */
	g_free(low);
	if (!skip)
		return NULL;
	s += skip;
	s += strspn(s, " :");
	if (*s) {
		const char *comma = strchr(s, ',');
		const char *n = comma ? arena_strndup(doc->arena, s, (size_t)(comma - s)) : s;

		name = n && name_like(n) ? n : NULL;
	} else if (i + 1 < doc->nblocks && name_like(doc->blocks[i + 1].text)) {
		name = doc->blocks[i + 1].text;
	}
	return name;
}

/* An extract of the minutes: its title or one of its first blocks says
 * so; and who certified it, anywhere. */
#define EXCERPT_BLOCKS 8   /* the title is among the first blocks */
static void excerpt(struct doc *doc)
{
	struct doc_protocol *p = &doc->protocol;
	size_t seen = 0;

	p->excerpt = doc->title && excerpt_title(doc->title);
	for (size_t i = 0; i < doc->nblocks; i++) {
		const struct doc_block *b = &doc->blocks[i];

		if (!doc_block_readable(b))
			continue;
		if (!b->furniture && seen++ < EXCERPT_BLOCKS && excerpt_title(b->text))
			p->excerpt = 1;
		if (!p->certified_by)
			p->certified_by = certifier(doc, i);
	}
}

/* A name signed under a line: "Per Ek" or "Per Ek, ordförande" (the
 * role, a role word, after the comma: *role). NULL when s is none. */
static const char *signed_name(struct doc *doc, const char *s, const char **role)
{
	const char *comma = strchr(s, ',');
	const char *name = comma ? arena_strndup(doc->arena, s, (size_t)(comma - s)) : s;

	*role = NULL;
	if (comma) {
		*role = comma + 1 + strspn(comma + 1, " ");
		if (!is_role(*role))
			return NULL;
	}
	return name && name_like(name) ? name : NULL;
}

/* The signatures at the end of minutes, where nothing before named the
 * functionaries: "Vid protokollet" over the secretary's name, "Justeras"
 * over the adjusters' (the chair's where the role says "ordförande"; a
 * chair or secretary named before is neither), the names on the cue's
 * line or in the blocks under it. */
#define SIGNED_NAMES 3   /* names under one cue at most */
static int signatures(struct doc *doc)
{
	struct doc_protocol *p = &doc->protocol;
	size_t nadj = p->nadjusters;

	for (size_t i = 0; i < doc->nblocks; i++) {
		const char *t = doc->blocks[i].text, *rest;
		int sec = starts_word(t, "vid protokollet"), adj = !sec && starts_word(t, "justeras");

		if (!doc_block_readable(&doc->blocks[i]) || (!sec && !adj))
			continue;
		rest = t + strlen(sec ? "vid protokollet" : "justeras");
		rest += strspn(rest, " :");
		for (size_t k = i + 1, n = 0; n < SIGNED_NAMES && (*rest || k < doc->nblocks); k++, n++) {
			const char *role, *name;
			int rc;

			if (!*rest && !doc_block_readable(&doc->blocks[k]))
				continue;   /* the signature itself: handwriting */
			name = signed_name(doc, *rest ? rest : doc->blocks[k].text, &role);
			if (!name)
				break;
			if ((p->chair && !strcmp(name, p->chair)) || (p->secretary && !strcmp(name, p->secretary)))
				continue;   /* the chair signs too */
			if (sec && !p->secretary)
				p->secretary = name;
			else if (adj && role && strstr(role, "ordförande") && !p->chair)
				p->chair = name;
			else if (adj && !nadj && (rc = set_role(doc, "justerare", name)) < 0)
				return rc;
			if (sec || *rest)
				break;   /* one secretary; names on the cue's line: that line only */
		}
	}
	return 0;
}

int pat_protocol(const struct pat_set *ps, struct doc *doc)
{
	struct doc_protocol *p = &doc->protocol;
	struct doc_agenda_item *it = NULL;
	struct attendance att = { NULL, NULL };
	int rc = 0, in_next = 0, signed_off = 0, numbered;

	if (strcmp(doc->type, "protocol"))
		return 0;
	numbered = numbered_items(doc);
	p->present = 1;
	meeting_fields(ps, doc);
	meeting_times(ps, doc);
	excerpt(doc);
	for (size_t i = 0; i < doc->nblocks && rc == 0; i++) {
		const struct doc_block *b = &doc->blocks[i];
		const char *number, *title, *st, *colon, *ctx;
		int merged;

		if (b->type == DOC_BLK_TABLE && !b->furniture && b->table >= 0) {
			if ((rc = people_table(doc, i, &att)) < 0)
				return rc;
			rc = 0;
			continue;
		}
		if (b->furniture || !doc_block_readable(b) || b->type == DOC_BLK_FOOTNOTE)
			continue;
		if ((rc = people_block(doc, i, &att)) != 0) {
			rc = rc < 0 ? rc : 0;
			continue;
		}
		title = NULL;
		merged = 0;
		number = i + 1 < doc->nblocks && g_unichar_isalpha(g_utf8_get_char(doc->blocks[i + 1].text))
				 ? number_alone(doc->arena, b->text) : NULL;
		if (number)
			title = doc->blocks[++i].text;   /* "1", then "Mötets öppning" */
		else if ((merged = item_heading(doc->arena, b, &number, &title)) && i > 0 &&
			 !(merged == 1 && (signed_off || !heading_item(ps, doc, b, number) ||
					   (!number && numbered && !p->nitems))))
			merged = merged == 2;   /* number, title and text in one block */
		else
			title = NULL;
		if (title && signature_heading(title))
			signed_off = 1;   /* what follows is the signature page */
		if (title) {
			it = ARENA_PUSH(doc->arena, p->items, p->nitems, p->cap_items);
			if (!it)
				return EX_ENOMEM;
			it->number = number;
			it->title = title;
			pat_prov_block(doc, i, &it->prov);
			/* "2. Närvarande: A, B, C": an item that lists people */
			if ((st = people_section(title)) && (colon = strchr(title, ':')) && colon[1] &&
			    (rc = add_people(doc, colon + 1, st, i)) < 0)
				return rc;
			in_next = starts_word(title, "nästa möte") || starts_word(title, "nasta mote");
			if (!merged)
				continue;
			/* number, title and text in one block: its text too */
		}
		rc = elected(ps, doc, b->text);
		if (rc == 0)
			rc = functionaries(ps, doc, b->text, 1);
		if (rc == 0 && (ctx = role_context(doc, i)) != b->text)
			rc = functionaries(ps, doc, ctx, 0);
		if (rc == 0 && starts_word(b->text, "nästa möte"))
			next_meeting(ps, doc, i);
		else if (rc == 0 && in_next)
			next_meeting(ps, doc, i);
		if (rc == 0 && it)
			rc = item_text(ps, doc, it, i, merged);
	}
	/* The title heading is not an agenda item. */
	return rc == 0 ? signatures(doc) : rc;
}

/* An agenda's heading: "Dagordning", "Föredragningslista", "Förslag till
 * dagordning". */
static int agenda_heading(const char *s)
{
	return starts_word(s, "dagordning") || starts_word(s, "föredragningslista") ||
	       starts_word(s, "förslag till dagordning") || starts_word(s, "förslag till föredragningslista");
}

/* When a noticed meeting starts, "HH:MM", from a time match ("kl.
 * 19.00", "kl 18–20.30": its start); NULL when none. */
#define NOTICE_TIME_BLOCKS 12   /* a time in a sentence: among the first blocks */
static const char *notice_time(struct arena *a, pcre2_match_data *md)
{
	char t[32];

	if (!pat_group(md, "t", t, sizeof(t)))
		return NULL;
	t[strcspn(t, "-\xE2")] = '\0';   /* a range's start ("\xE2": an en dash) */
	return t[0] ? hhmm(a, t) : NULL;
}

int pat_notice(const struct pat_set *ps, struct doc *doc)
{
	struct doc_notice *n = &doc->notice;
	int in_agenda = 0;

	if (strcmp(doc->type, "notice"))
		return 0;
	n->present = 1;
	for (size_t i = 0; i < doc->nfields; i++) {
		const struct doc_field *f = &doc->fields[i];
		pcre2_match_data *md;

		if (!strcmp(f->name, "plats"))
			n->place = n->place ? n->place : f->value;
		if (strcmp(f->name, "datum") && strcmp(f->name, "tid"))
			continue;
		if (!n->date)   /* "torsdagen den 23 maj 2024" */
			n->date = date_in(ps, doc->arena, f->value);
		if (!n->time && (md = match(ps->time, f->value))) {
			n->time = notice_time(doc->arena, md);
			pcre2_match_data_free(md);
		}
	}
	if (!n->date)
		n->date = doc->date ? doc->date : first_date(ps, doc);
	for (size_t i = 0; i < doc->nblocks && i < NOTICE_TIME_BLOCKS && (!n->time || !n->place); i++) {
		pcre2_match_data *md;   /* "Stämman hålls den 23 maj kl. 19.00 i Folkets hus." */

		if (doc->blocks[i].furniture || !doc_block_readable(&doc->blocks[i]))
			continue;
		if (!n->time && (md = match(ps->time, doc->blocks[i].text))) {
			n->time = notice_time(doc->arena, md);
			pcre2_match_data_free(md);
		}
		if (!n->place && (md = match(ps->venue, doc->blocks[i].text))) {
			n->place = pat_group_dup(doc->arena, md, "place");
			pcre2_match_data_free(md);
		}
	}
	for (size_t i = 0; i < doc->nblocks; i++) {
		const struct doc_block *b = &doc->blocks[i];
		const char *number = NULL, *title = NULL;
		gchar *low;

		if (b->furniture || !doc_block_readable(b))
			continue;
		low = g_utf8_strdown(b->text, -1);
		n->postal_vote |= strstr(low, "poströst") != NULL;
		g_free(low);
		if (agenda_heading(b->text)) {
			in_agenda = 1;
			continue;
		}
		/* the agenda: numbered items after its heading, to the first
		 * block that is none */
		if (in_agenda && item_heading(doc->arena, b, &number, &title) && number) {
			struct doc_agenda_item *it = ARENA_PUSH(doc->arena, n->agenda, n->nagenda, n->cap_agenda);

			if (!it)
				return EX_ENOMEM;
			it->number = number;
			it->title = title;
			pat_prov_block(doc, i, &it->prov);
		} else if (in_agenda && n->nagenda) {
			in_agenda = 0;
		}
	}
	return 0;
}
