/* contents.c: contents lists, and the publisher and year. */
#include "internal.h"

#include <ctype.h>
#include <glib.h>
#include <math.h>
#include <stdio.h>
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

/* Words that make a name an organisation's: its legal or common form
 * ("Kulturföreningen Röda Längan", "Brf Lärkträdet", "Samordningsförbundet
 * Stockholm Stad", "Falu kommun", "Nätverket för Lika Rättigheter"),
 * matched in a word's lower case. */
static const char *const org_forms[] = { "förening", "förbund", "stiftelse", "nätverk", "sällskap", "brf",
					  "kommun", "region", "landsting", "kooperativ", "akademi", "institut",
					  "hsb", "riksbyggen", NULL };

/* Whether a word (lower case) is a form word: a form with at most an
 * ending after it ("kulturföreningen", "kommuns", "nätverket"), not a
 * form running into another word ("föreningsstämma"). */
static int form_word(const char *low)
{
	static const char *const endings[] = { "", "en", "et", "n", "s", "ens", "ets", "ns", "er", "erna", NULL };

	for (int k = 0; org_forms[k]; k++) {
		const char *at = strstr(low, org_forms[k]);

		for (int e = 0; at && endings[e]; e++)
			if (!strcmp(at + strlen(org_forms[k]), endings[e]))
				return 1;
	}
	return 0;
}

/* A house number in a name: digits and at most one capital ("4", "12B"). */
static int number_word(const char *w)
{
	size_t d = strspn(w, "0123456789");

	return d > 0 && (!w[d] || (g_ascii_isupper(w[d]) && !w[d + 1]));
}

/* Small words a name may hold in lower case ("för", "och"). */
static int small_word(const char *w)
{
	static const char *const small[] = { "för", "och", "i", "av", "på", "med", "till", "de", "den", "det", NULL };

	for (int i = 0; small[i]; i++)
		if (!strcmp(w, small[i]))
			return 1;
	return 0;
}

/* A name set all in capitals ("BOSTADSRÄTTSFÖRENINGEN LÄRKTRÄDET", "BRF
 * MÅSEN 12", "FALU KOMMUN"), where case no longer tells a name from a
 * heading: its first word a form, not a genitive ("FÖRENINGENS EKONOMI"
 * is a heading), or two words of which the second is; no word that
 * joins a phrase ("STYRELSENS ARBETE I FÖRENINGEN", "FÖRENINGEN OCH DESS
 * MEDLEMMAR") but "för". */
#define ORG_CAPS_WORDS 6
static int all_caps(const char *s)
{
	int upper = 0;

	for (const char *p = s; *p; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);

		if (g_unichar_islower(c))
			return 0;
		upper |= g_unichar_isupper(c);
	}
	return upper;
}

static int caps_org_name(gchar **w, int n)
{
	/* words that join a phrase, besides the small words a name may hold */
	static const char *const joins[] = { "om", "vid", "dess", "samt", "inom", "under", "efter", NULL };
	gchar *first = g_utf8_strdown(w[0], -1), *last = g_utf8_strdown(w[n - 1], -1);
	int ok = n >= 2 && n <= ORG_CAPS_WORDS && first[strlen(first) - 1] != 's';   /* no genitive first */

	for (int i = 0; ok && i < n; i++) {
		gchar *low = g_utf8_strdown(w[i], -1);

		ok = !(small_word(low) && strcmp(low, "för"));
		for (int k = 0; joins[k] && ok; k++)
			ok = strcmp(low, joins[k]) != 0;
		g_free(low);
	}
	ok = ok && (form_word(first) || (n == 2 && form_word(last)));
	g_free(first);
	g_free(last);
	return ok;
}

/* Block text s as an organisation's name standing alone: two to eight
 * words, no sentence, no field, every word capitalised (a digit, "4",
 * and small words aside) but a form word, which may be lower case last
 * ("Falu kommun"); one of its words a form ("Föreningens ekonomi", a
 * heading in lower case, is none, nor "Kallelse till Föreningsstämma");
 * one word of four letters or more set as a name is (a capital, then
 * small letters): a heading all in capitals is no name. */
#define ORG_MAX_BYTES 80
static int org_name(const char *s)
{
	gchar **w;
	int n = 0, form = 0, lower = 0, ok;

	if (strlen(s) > ORG_MAX_BYTES || strpbrk(s, ".:;!?\xE2") || !g_unichar_isupper(g_utf8_get_char(s)))
		return 0;   /* ("\xE2": a dash, as in "Amnesty – Tertialrapport", is no name alone) */
	w = g_strsplit(s, " ", -1);
	if (all_caps(s)) {
		gchar *v[ORG_CAPS_WORDS] = { NULL };
		int words = 0;

		for (int i = 0; w[i]; i++)
			if (w[i][0] && words++ < ORG_CAPS_WORDS)
				v[words - 1] = w[i];
		ok = words >= 2 && words <= ORG_CAPS_WORDS && caps_org_name(v, words);
		g_strfreev(w);
		return ok;
	}
	ok = 1;
	for (int i = 0; w[i] && ok; i++) {
		gchar *low = g_utf8_strdown(w[i], -1);
		int is_form = 0;

		if (!w[i][0]) {
			g_free(low);
			continue;
		}
		n++;
		is_form = form_word(low);
		form |= is_form;
		lower |= strcmp(low, w[i]) != 0 && g_utf8_strlen(w[i], -1) > 3 &&
			 !strcmp(g_utf8_next_char(w[i]), g_utf8_next_char(low));
		ok = g_unichar_isupper(g_utf8_get_char(w[i])) || number_word(w[i]) ||
		     (i > 0 && (small_word(low) || (is_form && !w[i + 1])));
		g_free(low);
	}
	g_strfreev(w);
	return ok && form && lower && n >= 2 && n <= 8;
}

/* A name standing alone in s, after "Årsredovisning för", or the
 * meeting's in a protocol's or notice's title; NULL if none. */
#define ORG_BLOCKS 6
static const char *org_of(const char *s)
{
	static const char *const of[] = { "Årsredovisning för ", "Verksamhetsberättelse för ",
					  "Årsbokslut för ", NULL };
	static const char *const kinds[] = { "Protokoll", "Kallelse", "Minnesanteckningar", "Mötesprotokoll", NULL };

	for (int k = 0; s && of[k]; k++)
		if (g_str_has_prefix(s, of[k]))
			s += strlen(of[k]);
	if (!s)
		return NULL;
	/* "Protokoll fört vid årsmöte i Brf Lärkträdet", "Protokoll Brf
	 * Måsen 12": the meeting's organisation after " i ", or after the
	 * kind of document */
	for (int k = 0; kinds[k]; k++) {
		const char *at;

		if (!g_str_has_prefix(s, kinds[k]))
			continue;
		if (s[strlen(kinds[k])] == ' ' && org_name(s + strlen(kinds[k]) + 1))
			return s + strlen(kinds[k]) + 1;
		for (at = strstr(s, " i "); at; at = strstr(at + 1, " i "))
			if (org_name(at + 3))
				return at + 3;
		return NULL;
	}
	return org_name(s) ? s : NULL;
}

/* The organisation where no © names it: in the title, or standing
 * alone among the first blocks of page 1 or in its running header. */
/* Whether block b goes on a's one line as a title broken over lines
 * does: the next line down (within a line's height), of a's type
 * and font size. Blocks with no boxes (ODT, text) never do. */
static int broken_title(const struct doc_block *a, const struct doc_block *b)
{
	float h = a->box.y1 - a->box.y0;

	if (!a->has_box || !b->has_box || b->furniture || a->page != b->page || a->type != b->type ||
	    a->nlines != 1 || !b->nlines || !a->lines[0].nwords || !b->lines[0].nwords)
		return 0;
	return b->box.y0 >= a->box.y1 - h / 2 && b->box.y0 - a->box.y1 < h &&
	       fabsf(a->lines[0].words[0].size - b->lines[0].words[0].size) < 0.5f;
}

/* A name found in block i's text s, or, when the next block is the
 * rest of a title broken over lines ("… i Kulturföreningen Röda" over
 * "Längan"; a word broken, "Bostadsrättsförenin" over "gen Sjöbotten 4"),
 * the name they make together. */
#define ORG_REST_BYTES 40
static const char *org_with_rest(struct doc *doc, size_t i, const char *s)
{
	const char *name = org_of(s), *whole;

	if (i + 1 >= doc->nblocks || !broken_title(&doc->blocks[i], &doc->blocks[i + 1]))
		return name;
	const char *next = doc->blocks[i + 1].text;

	if (strlen(next) > ORG_REST_BYTES || strchr(next, ':'))
		return name;
	/* the rest of a name found: words of its own ("Längan", "i Väst");
	 * or of a word broken at the line's end, in small letters ("gen
	 * Sjöbotten 4") */
	for (int glued = 0; glued < 2; glued++)
		if ((glued ? g_unichar_islower(g_utf8_get_char(next)) : name != NULL) &&
		    (whole = arena_printf(doc->arena, "%s%s%s", s, glued ? "" : " ", next)) && (whole = org_of(whole)))
			return whole;
	return name;
}

/* The owner of a meeting a title names in the genitive, where its name
 * holds no form word: "LiTHe kods vårmöte 2018 - Protokoll" gives
 * "LiTHe kod", "Ixs Konstituerande styrelsemöte" "Ix". One to three words
 * before the meeting, the first capitalised, the last ending in the
 * genitive s; never a form's own genitive or a common noun's
 * ("Föreningens årsmöte", "Årets årsmöte"; "Hyresgästföreningens
 * årsmöte" is Hyresgästföreningen's). NULL when s is no such title. */
static const char *meeting_owner(struct arena *a, const char *s)
{
	static const char *const meetings[] = { "årsmöte", "vårmöte", "höstmöte", "stormöte", "styrelsemöte",
						"medlemsmöte", "föreningsstämma", "årsstämma", "extrastämma",
						"konstituerande styrelsemöte", "extra föreningsstämma", NULL };
	static const char *const common[] = { "året", "dagen", "våren", "hösten", "styrelsen", "föreningen",
					      "medlemmarna", "kvällen", "veckan", "månaden", NULL };
	static const char *const after[] = { "protokoll", "kallelse", "för", "år", "minnesanteckningar", NULL };
	const char *end = NULL, *name, *rest = NULL;
	gchar *low, *own;
	int words = 1, bad = 0;

	if (!s || !g_unichar_isupper(g_utf8_get_char(s)))
		return NULL;
	low = g_utf8_strdown(s, -1);   /* (lower case keeps the byte lengths of å, ä, ö) */
	for (const char *p = strstr(low, "s "); p && !end && p - low < ORG_MAX_BYTES; p = strstr(p + 1, "s "))
		for (int k = 0; meetings[k] && !end; k++)
			if (g_str_has_prefix(p + 2, meetings[k]) && !g_unichar_isalpha(g_utf8_get_char(p + 2 +
			    strlen(meetings[k])))) {
				end = s + (p - low);
				rest = p + 2 + strlen(meetings[k]);
			}
	/* after the meeting only its date, year or kind: "2018 - Protokoll
	 * (2018-05-29)", "för år 2018"; a sentence going on is no title */
	while (end && rest && *rest) {
		const char *w = rest;
		size_t n;
		int known;

		while (*rest && g_unichar_isalnum(g_utf8_get_char(rest)))
			rest = g_utf8_next_char(rest);
		n = (size_t)(rest - w);
		known = n == 0 || strspn(w, "0123456789") >= n;
		for (int k = 0; after[k] && !known; k++)
			known = n == strlen(after[k]) && !strncmp(w, after[k], n);
		if (!known)
			end = NULL;
		if (!n)
			rest = g_utf8_next_char(rest);   /* a space, a dash, a bracket */
	}
	g_free(low);
	if (!end || end == s)
		return NULL;
	for (const char *p = s; p < end; p++)
		words += *p == ' ';
	if (words > 3)
		return NULL;
	if (!(name = arena_strndup(a, s, (size_t)(end - s))))
		return NULL;
	own = g_utf8_strdown(name, -1);
	bad = strpbrk(name, ".:;,0123456789") != NULL;
	for (int k = 0; org_forms[k] && !bad; k++)   /* "Föreningens", "Förbundets": whose? */
		bad = g_str_has_prefix(own, org_forms[k]);
	for (int k = 0; common[k] && !bad; k++)
		bad = !strcmp(own, common[k]);
	g_free(own);
	return bad ? NULL : name;
}

/* Whether s, in lower case, is one of list's words. */
static int listed(const char *s, const char *const *list)
{
	gchar *low = g_utf8_strdown(s, -1);
	int hit = 0;

	g_strstrip(low);
	for (int i = 0; list[i] && !hit; i++)
		hit = !strcmp(low, list[i]);
	g_free(low);
	return hit;
}

/* Words that are no organisation's name though set as one at a title's
 * end: periods ("Budget för År 2022", "… för Räkenskapsåret 2021") and
 * the bodies and parts of any organisation ("… för Styrelsen"). */
static int not_a_name(const char *w)
{
	static const char *const words[] = { "år", "året", "räkenskapsåret", "verksamhetsåret", "perioden", "tertial",
					     "tertialen", "kvartal", "kvartalet", "halvår", "halvåret", "månad", "januari",
					     "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
					     "oktober", "november", "december", "styrelsen", "valberedningen",
					     "revisorerna", "medlemmarna", "verksamheten", "kansliet", "föreningen",
					     "förbundet", "organisationen", "projektet", NULL };

	return listed(w, words);
}

/* s from its start as a name with no form word: one to four words of
 * letters (a hyphen or & inside), the first capitalised and none of them
 * a period or a body (not_a_name); then the end, or a year ("2021",
 * "2021/2022", "2021-2022") and the end. Its length in bytes, 0 if none. */
#define ORG_PLAIN_WORDS 4
static size_t plain_name(const char *s)
{
	size_t n = 0, end = 0;
	int words = 0;

	if (!g_unichar_isupper(g_utf8_get_char(s)))
		return 0;
	while (s[n] && words < ORG_PLAIN_WORDS + 1) {
		size_t w = n;
		char buf[64];

		while (s[n] && s[n] != ' ')
			n++;
		if (n - w >= sizeof(buf))
			return 0;
		snprintf(buf, sizeof(buf), "%.*s", (int)(n - w), s + w);
		if (g_ascii_isdigit(buf[0]))
			break;   /* a year, checked below */
		for (const char *p = buf; *p; p = g_utf8_next_char(p)) {
			gunichar c = g_utf8_get_char(p);

			if (!g_unichar_isalpha(c) && c != '-' && c != '&')
				return 0;
		}
		if (not_a_name(buf) || (words && small_word(buf) && !s[n]))
			return 0;
		words++;
		end = n;
		while (s[n] == ' ')
			n++;
	}
	if (!words || words > ORG_PLAIN_WORDS)
		return 0;
	if (s[end]) {   /* what follows: a year or two, and nothing else */
		const char *y = s + end + 1;
		size_t d = strspn(y, "0123456789");

		if (d != 4 || (y[4] && !((y[4] == '/' || y[4] == '-') && strspn(y + 5, "0123456789") == 4 && !y[9])))
			return 0;
	}
	return end;
}

/* Whether s (any case) names a meeting or a minutes' part, no
 * organisation: "Styrelsemöte", "Årsstämma", "Dagordning". */
static int meeting_words(const char *s)
{
	static const char *const meetings[] = { "möte", "stämma", "sammanträde", "protokoll", "dagordning", NULL };
	gchar *low = g_utf8_strdown(s, -1);
	int hit = 0;

	for (int k = 0; meetings[k] && !hit; k++)
		hit = strstr(low, meetings[k]) != NULL;
	g_free(low);
	return hit;
}

/* The organisation a title names after a document's kind and "för",
 * with no form word: "Budgetförslag för IX 2021" gives "IX",
 * "Verksamhetsberättelse för Amnesty Göteborg" "Amnesty Göteborg";
 * never "Budget för 2021", "… för år 2022", "… för Styrelsen",
 * "Protokoll för Styrelsemöte 2023". */
static const char *kind_for_name(struct arena *a, const char *s)
{
	static const char *const kinds[] = { "årsredovisning", "verksamhetsberättelse", "årsberättelse", "årsbokslut",
					     "bokslut", "budget", "budgetförslag", "verksamhetsplan", "protokoll",
					     "mötesprotokoll", "kallelse", NULL };
	const char *f = s ? strstr(s, " för ") : NULL;
	gchar *kind;
	int known;
	size_t n;

	if (!f || f - s > 40)
		return NULL;
	kind = g_strndup(s, f - s);
	known = listed(kind, kinds);
	g_free(kind);
	f += strlen(" för ");
	if (!known || !(n = plain_name(f)) || meeting_words(f))
		return NULL;
	return arena_strndup(a, f, n);
}

/* A minutes' title alone ("Mötesprotokoll", "Protokoll") with the
 * organisation's name alone under it ("LiTHe kod", as plain_name reads
 * it, no year): the name. Never a meeting ("Styrelsemöte", "Årsstämma")
 * or a date under the title. */
static const char *under_minutes_title(struct arena *a, const char *title, const char *next)
{
	static const char *const kinds[] = { "protokoll", "mötesprotokoll", "styrelseprotokoll", "minnesanteckningar",
					     NULL };
	size_t n = plain_name(next);

	return listed(title, kinds) && n && !next[n] && !meeting_words(next) ? arena_strdup(a, next) : NULL;
}

static void organisation(struct doc *doc)
{
	size_t seen = 0;
	const char *title = NULL;

	if (doc->organisation)
		return;
	for (size_t i = 0; i < doc->nblocks && seen < ORG_BLOCKS; i++) {
		const struct doc_block *b = &doc->blocks[i];

		if ((b->furniture && b->furniture != DOC_FURN_HEADER) || b->page > 1 || !doc_block_readable(b) ||
		    b->type == DOC_BLK_LIST_ITEM)
			continue;
		seen += !b->furniture;
		if ((doc->organisation = org_with_rest(doc, i, b->text)))
			return;
		if (seen == 1 && ((doc->organisation = meeting_owner(doc->arena, b->text)) ||
				  (doc->organisation = kind_for_name(doc->arena, b->text))))
			return;   /* the title: "LiTHe kods vårmöte 2018", "Budgetförslag för IX 2021" */
		if (seen == 2 && title && (doc->organisation = under_minutes_title(doc->arena, title, b->text)))
			return;   /* "Mötesprotokoll" over "LiTHe kod" */
		if (seen == 1)
			title = b->text;
		/* a name on the first line of a paragraph that ran on into
		 * the text under it ("Kulturföreningen Röda Längan" over
		 * "Kostnaderna för el …") */
		if (b->nlines >= 2 && (doc->organisation = org_of(pat_line_text(doc->arena, &b->lines[0]))))
			return;
	}
	doc->organisation = org_of(doc->title);   /* a title from the document's metadata */
	if (!doc->organisation)
		doc->organisation = meeting_owner(doc->arena, doc->title);
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
	organisation(doc);
	return 0;
}
