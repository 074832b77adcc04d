/* ocrfix.c: Swedish post-correction; see ocrfix.h. */
#include "ocrfix.h"
#include "ocrline.h"

#include <glib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define L_MIN(a, b) ((a) < (b) ? (a) : (b))

struct ocr_dict {
	GHashTable *words;   /* Swedish, lower-case UTF-8 */
	GHashTable *english; /* English, lower-case; NULL without the list */
	GHashTable *names;   /* the English list's names ("Dennis"), lower-case */
	/* The tables' keys, never freed one by one: the lists' text,
	 * lower-cased in place, and the few words whose lower case is of
	 * another length. */
	gchar *text[2];
	GStringChunk *odd;
};

/* Line (UTF-8) in lower case: the line itself, changed in place, or a
 * copy in odd when its lower case is longer or shorter. */
static const gchar *lower(gchar *line, GStringChunk *odd)
{
	gchar *low;
	size_t n = 0;

	for (const unsigned char *p = (const unsigned char *)line; *p; p++, n++)
		if (*p >= 0x80 || (*p >= 'A' && *p <= 'Z'))
			break;
	if (!line[n])
		return line;   /* ASCII in lower case already: most words */
	low = g_utf8_strdown(line, -1);
	n = strlen(line);
	if (strlen(low) == n)
		memcpy(line, low, n);
	else
		line = g_string_chunk_insert(odd, low);
	g_free(low);
	return line;
}

/* The words of the list at path (ISO-8859-1 or UTF-8, a word a line),
 * lower-cased, into words; those written with a capital into names too
 * when names is given (a possessive "Dennis's" skipped). *keep gets the
 * text the keys point into. */
static int read_list(const char *path, GHashTable *words, GHashTable *names, GStringChunk *odd, gchar **keep)
{
	gchar *raw = NULL, *text = NULL;
	gsize n = 0;

	if (!g_file_get_contents(path, &raw, &n, NULL))
		return -1;
	if (g_utf8_validate(raw, (gssize)n, NULL))
		text = raw;
	else {
		text = g_convert(raw, (gssize)n, "UTF-8", "ISO-8859-1", NULL, NULL, NULL);
		g_free(raw);
		if (!text)
			return -1;
	}
	for (gchar *line = text, *next; line && *line; line = next) {
		int capital;
		const gchar *low;

		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		if (!*line || (names && strchr(line, '\'')))
			continue;
		capital = names && g_unichar_isupper(g_utf8_get_char(line));
		low = lower(line, odd);
		if (capital)
			g_hash_table_add(names, (gpointer)low);
		g_hash_table_add(words, (gpointer)low);
	}
	*keep = text;
	return 0;
}

struct ocr_dict *ocr_dict_load(const char *path, const char *english)
{
	struct ocr_dict *d = g_new0(struct ocr_dict, 1);

	d->odd = g_string_chunk_new(4096);
	d->words = g_hash_table_new(g_str_hash, g_str_equal);
	if (read_list(path, d->words, NULL, d->odd, &d->text[0]) < 0) {
		ocr_dict_free(d);
		return NULL;
	}
	if (english) {
		d->english = g_hash_table_new(g_str_hash, g_str_equal);
		d->names = g_hash_table_new(g_str_hash, g_str_equal);
		if (read_list(english, d->english, d->names, d->odd, &d->text[1]) < 0) {
			g_hash_table_destroy(d->english);
			g_hash_table_destroy(d->names);
			d->english = d->names = NULL;
		}
	}
	return d;
}

void ocr_dict_free(struct ocr_dict *d)
{
	if (!d)
		return;
	g_hash_table_destroy(d->words);
	if (d->english) {
		g_hash_table_destroy(d->english);
		g_hash_table_destroy(d->names);
	}
	g_free(d->text[0]);
	g_free(d->text[1]);
	g_string_chunk_free(d->odd);
	g_free(d);
}

static int known(const struct ocr_dict *d, const char *w)
{
	return g_hash_table_contains(d->words, w);
}

/* Whether the lower-case word w is in the list (set: d->english or
 * d->names); no when there is no English list. */
static int in_set(GHashTable *set, const char *w)
{
	gchar *low = g_utf8_strdown(w, -1);
	int yes = set && g_hash_table_contains(set, low);

	g_free(low);
	return yes;
}

/* Whether head starts a compound: a known word, or the form a word in
 * -a takes before another ("ränte" of "ränta", "gatu" of "gata"). "ar"
 * and "ars" (the area unit) start none: "ars|avgifter" is how OCR reads
 * "årsavgifter" (listed: "årsavgift"; or "ar|sav|gifter"), and no
 * compound starts with them; nor does the verb "är": "Är|s|avgifter" is
 * "Årsavgifter" with its ring read as two dots. */
static int never_head(const char *head)
{
	return !strcmp(head, "ar") || !strcmp(head, "ars") || !strcmp(head, "är");
}

static int head_known(const struct ocr_dict *d, const char *head)
{
	size_t n = strlen(head);
	int yes = known(d, head) && !never_head(head);

	if (!yes && n >= 4 && strchr("euo", head[n - 1])) {
		gchar *a = g_strdup(head);

		a[n - 1] = 'a';
		yes = known(d, a);
		g_free(a);
	}
	return yes;
}

/* Whether head is a word in -e that drops it before a linking s
 * ("arbete" in "arbetsordningen", "samhälle" in "samhällsfrågor"). */
static int e_dropped(const struct ocr_dict *d, const char *head)
{
	gchar *e = g_strconcat(head, "e", NULL);
	int yes = strlen(head) >= 4 && known(d, e);

	g_free(e);
	return yes;
}

/* Whether w reads as two known words, the first of min_head letters or
 * more ("el|kostnad" with 2), or two with a linking s
 * ("samverkan|s|kulturen", "arbet(e)|s|ordningen"), or, with parts 3, a short known word before
 * such a pair ("en|gångs|givare"). */
static int compound_of(const struct ocr_dict *d, const char *w, int parts, int min_head)
{
	glong n = g_utf8_strlen(w, -1);
	int found = 0;

	for (glong i = min_head; i <= n - 3 && !found; i++) {
		const char *cut = g_utf8_offset_to_pointer(w, i);
		gchar *head = g_strndup(w, (gsize)(cut - w));

		if (head_known(d, head))
			found = parts == 3 ? compound_of(d, cut, 2, 3)
					   : known(d, cut) || (*cut == 's' && n - i > 3 && known(d, cut + 1));
		else if (parts == 2 && *cut == 's' && n - i > 3 && known(d, cut + 1))
			found = e_dropped(d, head);   /* "arbet|s|ordningen" */
		g_free(head);
	}
	return found;
}

/* Whether w is a two-letter word before a compound of two ("en|gångs|givare",
 * "ny|bygg|nads..."): a prefix, where a longer first of three parts is
 * as often a pronoun ("mig|ränt|arbetares" is no reading of
 * "migrantarbetares"). */
static int prefix_pair(const struct ocr_dict *d, const char *w)
{
	const char *cut = g_utf8_offset_to_pointer(w, 2);
	gchar *head = g_strndup(w, (gsize)(cut - w));
	int yes = known(d, head) && !never_head(head) && compound_of(d, cut, 2, 3);

	g_free(head);
	return yes;
}

/* How w reads as a compound of known words: the fewest parts it splits
 * into, 2 or 3 (three only up to 20 letters); 0 when it is none. A word
 * as read (min_head 2) may split into three anywhere; a correction
 * (min_head 3) only after a prefix (prefix_pair). */
static int compound(const struct ocr_dict *d, const char *w, int min_head)
{
	if (compound_of(d, w, 2, min_head))
		return 2;
	if (g_utf8_strlen(w, -1) > 20 || g_utf8_strlen(w, -1) < 8)
		return 0;
	return (min_head < 3 ? compound_of(d, w, 3, 2) : prefix_pair(d, w)) ? 3 : 0;
}

#define CORE_LEAD "("          /* what may stand before a word of a line ... */
#define CORE_TRAIL ",.;:()"    /* ... and after it */

/* A copy of word without the marks in lead before it and in trail after
 * it ("(Maltal:" is "Maltal"). */
static gchar *word_core(const char *word, const char *lead, const char *trail)
{
	gchar *core = g_strdup(word + strspn(word, lead));
	size_t n = strlen(core);

	while (n && strchr(trail, core[n - 1]))
		core[--n] = '\0';
	return core;
}

/* word without the marks around it, in lower case (g_free it). */
static gchar *core_low(const char *word)
{
	gchar *core = word_core(word, CORE_LEAD, CORE_TRAIL), *low = g_utf8_strdown(core, -1);

	g_free(core);
	return low;
}

int ocr_dict_swedish(const struct ocr_dict *d, const char *word)
{
	gchar *low = core_low(word);
	int yes = known(d, low) || compound(d, low, 3);

	g_free(low);
	return yes;
}

/* What OCR writes for a Swedish letter, and the letters it may stand for. */
static const gunichar *swaps(gunichar c)
{
	static const gunichar a[] = { 0xE5, 0xE4, 0 }, o[] = { 0xF6, 0 }, six[] = { 0xF6, 0 };
	static const gunichar e_acute[] = { 0xF6, 0xE4, 0 }, d[] = { 0xE5, 0xE4, 0 };
	static const gunichar i[] = { 0xE4, 0 }, amp[] = { 0xE4, 0 };

	switch (c) {
	case 'a': return a;
	case 'o': return o;
	case '6': return six;
	case 0xE9: return e_acute;   /* é */
	case 'd': return d;
	case 'i': return i;
	case '&': return amp;
	default: return NULL;
	}
}

#define MAXW 40

/* A word's first letter read as a capital Ä may be an Å whose ring OCR
 * read as two dots ("Ärsavgifter", "ÄTGÄRDER"): the ring stands apart
 * above a capital as the dots do. Any other ä stays what it was read:
 * as an å it made compounds of words right as they were ("motionärens",
 * "MÄLARDALEN"). */
static const gunichar ring[] = { 0xE5, 0 };

/* Tries up to k more swaps from position from; w holds the answer on
 * success. With compounds > 0, a compound of known words also counts
 * when the original (of compounds - 1 parts, 0 for none) is none, or
 * splits into more parts. first_ae: w[0] was read as a capital Ä. */
static int search(const struct ocr_dict *d, gunichar *w, glong n, glong from, int k, int compounds,
		  int first_ae, int *how)
{
	gchar *s = g_ucs4_to_utf8(w, n, NULL, NULL, NULL);
	int parts = s && compounds && !known(d, s) ? compound(d, s, 3) : 0;
	int ok = s && (known(d, s) ? (*how = 0, 1)
				   : parts && (compounds == 1 || parts < compounds - 1) ? (*how = 1, 1) : 0);

	g_free(s);
	if (ok || k == 0)
		return ok;
	for (glong p = from; p < n; p++) {
		const gunichar *alt = p == 0 && first_ae ? ring : swaps(w[p]);
		gunichar orig = w[p];

		for (; alt && *alt; alt++) {
			w[p] = *alt;
			if (search(d, w, n, p + 1, k - 1, compounds, first_ae, how))
				return 1;
		}
		w[p] = orig;
	}
	return 0;
}

static int letters_only(const gunichar *w, glong n)
{
	int letters = 0;

	for (glong i = 0; i < n; i++) {
		if (g_unichar_isalpha(w[i]) || swaps(w[i]))
			letters++;
		else if (w[i] != '-')
			return 0;
		/* A digit stands for a letter only between letters ("S6dra"),
		 * or first before three or more ("6kning"). */
		if (g_unichar_isdigit(w[i]) &&
		    (i == 0 ? n < 4 || !g_unichar_isalpha(w[1]) || !g_unichar_isalpha(w[2]) ||
				      !g_unichar_isalpha(w[3])
			    : i == n - 1 || !g_unichar_isalpha(w[i - 1]) || !g_unichar_isalpha(w[i + 1])))
			return 0;
	}
	return letters >= 2;
}

/* Where word (UCS-4, n letters) has one glyph read twice, as a capital
 * beside its own small letter inside small letters ("resuLltatposter",
 * "BalansomsLlutning", "vilLkor"): the capital's index, or -1. */
static glong doubled_glyph(const gunichar *w, glong n)
{
	for (glong q = 1; q + 1 < n; q++) {
		gunichar lo = g_unichar_tolower(w[q]);

		if (g_unichar_isupper(w[q]) && g_unichar_islower(w[q - 1]) && g_unichar_islower(w[q + 1]) &&
		    (w[q - 1] == lo || w[q + 1] == lo))
			return q;
	}
	return -1;
}

const char *ocr_fix_word(const struct ocr_dict *d, struct arena *a, const char *word,
			 const char **reason)
{
	gchar *low = g_utf8_strdown(word, -1);
	glong n = 0, twice;
	gunichar *w = g_utf8_to_ucs4_fast(word, -1, &n);
	const char *out = NULL;
	gunichar first = g_utf8_get_char(word);
	int how = 0, as_is;

	if (n < 2 || n > MAXW || known(d, low))
		goto done;
	/* A glyph read twice: the capital goes when the word as read is no
	 * compound either, and what is left (its marks put back if need
	 * be) is a word or a compound. */
	if ((twice = doubled_glyph(w, n)) >= 0) {
		if (compound(d, low, 2))
			goto done;
		memmove(w + twice, w + twice + 1, (size_t)(n - twice - 1) * sizeof(*w));
		n--;
	}
	for (glong q = 0; q < n; q++)
		w[q] = g_unichar_tolower(w[q]);
	if (!letters_only(w, n))
		goto done;
	/* The fewest swaps that make a word of the list; only then the
	 * fewest that make a compound ("når|varande" is no answer while
	 * "närvarande" is a word). A word that is a compound of known words
	 * as it stands is a word: it changes only to a listed word, or to a
	 * compound of fewer parts ("bostads|ratt|s|yta" to
	 * "bostadsrätts|yta"); "för|skott" stays (is it "förs|kött"?
	 * nothing says), and so do "el|kostnad", "mal|tal" and
	 * "manad|s|givare". */
	as_is = twice >= 0 ? 0 : compound(d, low, 2);
	for (int pass = 0; pass < 6 && !out; pass++) {
		int k = pass % 3 + 1, compounds = pass >= 3 ? as_is + 1 : 0;

		if (search(d, w, n, 0, k, compounds, first == 0xC4, &how)) {
			gchar *fixed;

			/* Keep the word's capital, or capitals ("6VRIGT": Ö). */
			int lower = 0;

			for (const char *q = word; *q; q = g_utf8_next_char(q))
				lower |= g_unichar_islower(g_utf8_get_char(q));
			for (glong q = 0; q < n; q++)
				if (!lower || (q == 0 && g_unichar_isupper(first)))
					w[q] = g_unichar_toupper(w[q]);
			fixed = g_ucs4_to_utf8(w, n, NULL, NULL, NULL);
			if (fixed && strcmp(fixed, word)) {
				out = arena_strdup(a, fixed);
				*reason = twice >= 0 ? "doubled" : how ? "compound" : "dictionary";
			}
			g_free(fixed);
		}
	}
done:
	g_free(w);
	g_free(low);
	return out;
}

/* Corrects the part [b, e) of t, and each part of it between slashes
 * ("spontangavor/engangsgavor") or hyphens (a compound joined to an
 * abbreviation or a name by a hyphen is no listed word, its parts are:
 * "MR-natverket", "EU-atgarder"); the result in the arena, or NULL when
 * nothing changed. */
static const char *fix_parts(const struct ocr_dict *d, struct arena *a, const char *t,
			     const char *b, const char *e, const char **reason)
{
	GString *out = g_string_new(NULL);
	const char *result = NULL;
	int changed = 0;

	g_string_append_len(out, t, b - t);
	for (const char *p = b; p < e;) {
		const char *slash = p + strcspn(p, "/-"), *end, *fixed = NULL, *why = NULL;

		if (slash >= e)
			slash = NULL;
		end = slash ? slash : e;

		if (end - p >= 2) {
			gchar *core = g_strndup(p, (gsize)(end - p));

			fixed = ocr_fix_word(d, a, core, &why);
			g_free(core);
		}
		if (fixed) {
			g_string_append(out, fixed);
			*reason = why;
			changed = 1;
		} else {
			g_string_append_len(out, p, end - p);
		}
		if (!slash)
			break;
		g_string_append_c(out, *slash);
		p = slash + 1;
	}
	g_string_append(out, e);
	if (changed)
		result = arena_strdup(a, out->str);
	g_string_free(out, TRUE);
	return result;
}

/* Short words whose OCR'd form without the mark is a word too, but a
 * rare one, where the Swedish word is among the commonest: changed in
 * Swedish context only ("Sverige for UNHCR", not "Fund for the Future").
 * "arets", "aret", "aren" are forms of "ar" (100 square metres), "aven"
 * of "ave"; "årets" alone is printed 399 times in the seeds and the
 * corpus ("Arets resultat" as OCR reads a statement's row). */
static const struct { const char *as_read, *meant; } function_words[] = {
	{ "for", "för" }, { "ar", "är" }, { "pa", "på" }, { "nar", "när" }, { "bade", "både" },
	{ "mal", "mål" }, { "maltal", "måltal" }, { "halls", "hålls" }, { "arets", "årets" },
	{ "aret", "året" }, { "aren", "åren" }, { "aven", "även" },
};

static int listed(const char *w, const char *const *list, size_t n)
{
	gchar *low = g_utf8_strdown(w, -1);
	int yes = 0;

	for (size_t i = 0; i < n && !yes; i++)
		yes = !strcmp(low, list[i]);
	g_free(low);
	return yes;
}

/* Whether w is plainly Swedish: it has å, ä or ö, or is a common word
 * English does not have. */
static int swedish(const char *w)
{
	static const char *const common[] = {
		"och", "att", "som", "med", "det", "av", "till", "den", "har", "inte", "ett", "de",
		"om", "vi", "kan", "ska", "eller", "efter", "mot", "sig", "vara", "mellan", "alla",
		"hos", "samt", "sina", "sin", "under", "inom", "genom", "detta", "denna", "dessa",
	};

	return strstr(w, "å") || strstr(w, "ä") || strstr(w, "ö") || strstr(w, "Å") || strstr(w, "Ä") ||
	       strstr(w, "Ö") || listed(w, common, sizeof(common) / sizeof(common[0]));
}

int ocr_text_swedish(const char *word)
{
	gchar *core = word_core(word, CORE_LEAD, CORE_TRAIL);
	int yes = swedish(core);

	g_free(core);
	return yes;
}

static int english(const char *w)
{
	static const char *const common[] = {
		"the", "of", "and", "to", "in", "with", "from", "by", "on", "at", "is", "are", "an", "a",
		"this", "that", "be", "or", "as", "it", "not", "you", "we", "our", "your", "all",
	};

	return listed(w, common, sizeof(common) / sizeof(common[0]));
}

/* Whether prev or next (either may be NULL) makes a word between them a
 * year: a number or a period beside it ("T1", "2021"), or a word that
 * counts years before it ("Fg", "per", "i", "varje", "förra", "nästa",
 * "ett"); not "detta": "Detta är" as often as "detta år". */
static int year_context(const char *prev, const char *next)
{
	static const char *const before[] = { "fg", "fg.", "per", "i", "varje", "förra", "nästa", "ett",
					      "samma" };

	return (prev && strpbrk(prev, "0123456789")) || (next && strpbrk(next, "0123456789")) ||
	       (prev && listed(prev, before, sizeof(before) / sizeof(before[0])));
}

/* What word k of line l (w, without the punctuation around it) stands
 * for in Swedish context: a Swedish word beside it, or a Swedish page
 * and no English word beside it. */
static const char *in_context(struct arena *a, const struct doc_line *l, size_t k, const char *w,
			      int swedish_page, const char **reason)
{
	const char *prev = k > 0 ? l->words[k - 1].text : NULL;
	const char *next = k + 1 < l->nwords ? l->words[k + 1].text : NULL;

	for (size_t i = 0; i < sizeof(function_words) / sizeof(function_words[0]); i++) {
		const char *as = function_words[i].as_read, *m = function_words[i].meant;
		/* as read, or with a capital ("Mal 1", "For att") */
		int cap = *w == g_ascii_toupper(*as) && !strcmp(w + 1, as + 1);

		if (strcmp(w, as) && !cap)
			continue;
		if ((prev && swedish(prev)) || (next && swedish(next)) ||
		    (swedish_page && !(prev && english(prev)) && !(next && english(next)))) {
			char first[8] = { 0 };

			/* "ar" beside a period or after a word that counts years
			 * is "år": "Fg ar T1", "per ar", "2021 ar". */
			if (!strcmp(as, "ar") && year_context(prev, next))
				m = "\xC3\xA5r";
			*reason = "context";
			if (!cap)
				return arena_strdup(a, m);
			g_unichar_to_utf8(g_unichar_toupper(g_utf8_get_char(m)), first);
			return arena_printf(a, "%s%s", first, g_utf8_next_char(m));
		}
	}
	return NULL;
}

/* Whether w is in the English list and not in the Swedish one. */
static int english_only(const struct ocr_dict *d, const char *w)
{
	gchar *low = g_utf8_strdown(w, -1);
	int yes = d->english && g_hash_table_contains(d->english, low) && !known(d, low);

	g_free(low);
	return yes;
}

/* Whether w is a number as printed: digits, and no letter. */
static int number_word(const char *w)
{
	int digit = 0;

	for (const char *p = w; *p; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);

		if (g_unichar_isalpha(c))
			return 0;
		digit |= g_unichar_isdigit(c);
	}
	return digit;
}

/* Whether word k of line l (core: without the punctuation around it)
 * stays as OCR read it whatever the word list says, for what is around
 * it: a short word after a number (a unit: "1 rok", "3 st"); a name of
 * the English list ("Dennis"); an English word in an English run or
 * without a Swedish neighbour ("International"); any word between two
 * English ones. A capitalised word inside a sentence (a name, or a word
 * of one) may change only to a listed word, not to a compound:
 * *listed_only. */
static int leave_alone(const struct ocr_dict *d, const struct doc_line *l, size_t k, const char *core,
		       int *listed_only)
{
	const char *prev = k > 0 ? l->words[k - 1].text : NULL;
	const char *next = k + 1 < l->nwords ? l->words[k + 1].text : NULL;
	gunichar first = g_utf8_get_char(core);
	int sv_near = (prev && swedish(prev)) || (next && swedish(next));
	int en_prev = prev && english_only(d, prev), en_next = next && english_only(d, next);

	*listed_only = 0;
	if (prev && number_word(prev) && g_utf8_strlen(core, -1) <= 4)
		return 1;
	if (g_unichar_isupper(first) && in_set(d->names, core))
		return 1;
	if (en_prev && en_next)
		return 1;
	if (english_only(d, core) && (en_prev || en_next || !sv_near))
		return 1;
	if (g_unichar_isupper(first) && prev && !strchr(".:!?", prev[strlen(prev) - 1]))
		*listed_only = 1;
	return 0;
}

/* Word x of page, as read, becomes fixed (in doc's arena), said in doc's
 * corrections for reason; EX_ENOMEM when fixed is NULL or there is no
 * room to say it. */
static int correct(struct doc *doc, int page, struct doc_word *x, const char *fixed, const char *reason)
{
	struct doc_correction *c = fixed ? ARENA_PUSH(doc->arena, doc->corrections, doc->ncorrections,
						     doc->cap_corrections)
				       : NULL;

	if (!c)
		return EX_ENOMEM;
	*c = (struct doc_correction){ .page = page, .original = x->text, .corrected = fixed, .reason = reason,
				      .box = x->box };
	x->text = fixed;
	return 0;
}

/* A word broken at the end of line i with a hyphen ("stadgar-") and its
 * rest at the start of the next line ("na"), below it and starting in
 * small letters: corrected as one word ("stadgarna" is a word: both
 * stay), the correction parted again where the line broke. Returns 1
 * when the pair was dealt with (both are then skipped). */
static int hyphenated(const struct ocr_dict *d, struct doc *doc, struct layout_page *lp, size_t i,
		      size_t *skip_line, int *err)
{
	struct doc_line *l = &lp->lines[i], *n = i + 1 < lp->nlines ? &lp->lines[i + 1] : NULL;
	struct doc_word *x = l->nwords ? &l->words[l->nwords - 1] : NULL, *y = n && n->nwords ? &n->words[0] : NULL;
	const char *reason = NULL, *fixed;
	size_t len;

	if (!x || !y || (len = strlen(x->text)) < 3 || x->text[len - 1] != '-' ||
	    !g_unichar_islower(g_utf8_get_char(y->text)) || n->box.y0 < l->box.y1 - 1 ||
	    n->box.x0 > l->box.x1 || n->box.x1 < l->box.x0)
		return 0;
	*skip_line = i + 1;
	gchar *joined = g_strdup_printf("%.*s%s", (int)(len - 1), x->text, y->text);
	size_t cut = len - 1, jl = strlen(joined);

	while (jl > cut && strchr(",.;:!?)", joined[jl - 1]))
		jl--;
	joined[jl] = '\0';
	fixed = ocr_fix_word(d, doc->arena, joined, &reason);
	/* Swaps keep a letter's place, but a letter's bytes may change
	 * ("a" to "ä"): the cut is counted in letters. */
	if (fixed) {
		const char *at = g_utf8_offset_to_pointer(fixed, g_utf8_pointer_to_offset(joined, joined + cut));
		const char *a = arena_printf(doc->arena, "%.*s-", (int)(at - fixed), fixed);
		const char *b = arena_printf(doc->arena, "%s%s", at, y->text + (jl - cut));
		struct doc_word *w[2] = { x, y };
		const char *to[2] = { a, b };

		for (int j = 0; j < 2 && !*err; j++) {
			if (a && b && !strcmp(w[j]->text, to[j]))
				continue;   /* that half is as it was */
			if (!(a && b) || correct(doc, lp->page, w[j], to[j], reason)) {
				*err = EX_ENOMEM;
				break;
			}
		}
	}
	g_free(joined);
	return 1;
}

/* Whether w is an item's number: one to three digits, a full stop
 * after them or not. */
static int item_number(const char *w)
{
	size_t n = strspn(w, "0123456789");

	return n >= 1 && n <= 3 && (!w[n] || (w[n] == '.' && !w[n + 1]));
}

/* Which word of line l is a section sign read as 8: "4 8 Val av
 * justerare" (1), "8 4 Val av justerare" (0); -1 when none. */
static int sign_as_8(const struct doc_line *l)
{
	if (l->nwords < 3 || !g_unichar_isupper(g_utf8_get_char(l->words[2].text)))
		return -1;
	if (!strcmp(l->words[0].text, "8") && item_number(l->words[1].text))
		return 0;
	if (item_number(l->words[0].text) && !strcmp(l->words[1].text, "8"))
		return 1;
	return -1;
}

/* The section sign OCR read as 8 in a protocol's item lines, put back:
 * only where the page has two such lines or more, or a sign read right,
 * so one table row "8 4 Ökning" stays as it is. */
static int section_signs(struct doc *doc, struct layout_page *lp)
{
	size_t found = 0, signs = 0;

	for (size_t i = 0; i < lp->nlines; i++) {
		found += sign_as_8(&lp->lines[i]) >= 0;
		for (size_t k = 0; k < lp->lines[i].nwords; k++)
			signs += !strcmp(lp->lines[i].words[k].text, "\xC2\xA7");
	}
	if (found < 2 && !(found && signs))
		return 0;
	for (size_t i = 0; i < lp->nlines; i++) {
		int k = sign_as_8(&lp->lines[i]);

		if (k >= 0 && correct(doc, lp->page, &lp->lines[i].words[k], "\xC2\xA7", "context"))
			return EX_ENOMEM;
	}
	return 0;
}

/* Whether t is letters alone, and at least two (end: where they stop
 * and punctuation after them, ",.;:", starts). */
static int letters_then(const char *t, const char **end)
{
	glong n = 0;

	for (; *t && g_unichar_isalpha(g_utf8_get_char(t)); t = g_utf8_next_char(t))
		n++;
	*end = t;
	return n >= 2 && strspn(t, ",.;:") == strlen(t);
}

#define SPLIT_GAP 0.4f   /* of the words' height: a gap narrower than a space */

/* Words k and k + 1 of line l, one word Tesseract parted ("Räntekäns
 * lighet", "Arsredovi sning"), made one: the gap between them narrower
 * than a space, the second in small letters, neither half a word ("bostads
 * rätt" as written stays) nor one when corrected, and the two together a
 * word or a compound, as they are or corrected.
 * Recorded (reason "split"); 1 when joined, -1 when out of memory. */
static int split_word(const struct ocr_dict *d, struct doc *doc, const struct layout_page *lp,
		      struct doc_line *l, size_t k)
{
	struct doc_word *x = &l->words[k], *y = &l->words[k + 1];
	float h = fmaxf(x->box.y1 - x->box.y0, y->box.y1 - y->box.y0), gap = y->box.x0 - x->box.x1;
	const char *xe, *ye, *reason = "split", *fixed, *r;
	gchar *ly, *joined;
	int halves;

	if (h <= 0 || !letters_then(x->text, &xe) || *xe || !letters_then(y->text, &ye) ||
	    !g_unichar_islower(g_utf8_get_char(y->text)) || gap > SPLIT_GAP * h || gap < -0.1f * h ||
	    ocr_dict_word(d, x->text) || ocr_dict_word(d, y->text))
		return 0;
	ly = g_strndup(y->text, (gsize)(ye - y->text));
	halves = ocr_fix_word(d, doc->arena, x->text, &r) || ocr_fix_word(d, doc->arena, ly, &r);
	joined = g_strconcat(x->text, ly, NULL);
	g_free(ly);
	if (halves) {
		g_free(joined);
		return 0;
	}
	fixed = ocr_dict_swedish(d, joined) ? arena_strdup(doc->arena, joined)
					    : ocr_fix_word(d, doc->arena, joined, &r);
	g_free(joined);
	if (!fixed)
		return 0;
	struct doc_correction *c = ARENA_PUSH(doc->arena, doc->corrections, doc->ncorrections, doc->cap_corrections);
	const char *both = arena_printf(doc->arena, "%s %s", x->text, y->text);
	const char *to = arena_printf(doc->arena, "%s%s", fixed, ye);

	if (!c || !both || !to)
		return -1;
	x->box = box_union(x->box, y->box);
	*c = (struct doc_correction){ .page = lp->page, .original = both, .corrected = to, .reason = reason,
				      .box = x->box };
	x->text = to;
	x->conf = fminf(x->conf, y->conf);
	x->space_after = y->space_after;
	memmove(y, y + 1, (l->nwords - k - 2) * sizeof(*y));
	l->nwords--;
	return 1;
}

#define PITCH_EXTRA 0.8f    /* a word this many cells narrower than its letters has one too many */

/* Word k of line l, set at pitch, one letter narrower than it was read
 * ("hyresintadkter" where 13 letters stand: a Courier 'ä' read as 'ad'):
 * the one word that a letter left out, or a pair of letters read as one
 * of å, ä, ö, makes (a Swedish word or compound, as it is or corrected),
 * when the word as read is none; two such words ("intadkter": "intäkter",
 * or "intakter" as in+takter) and it stays. Recorded (reason "pitch"); 1
 * when changed, -1 when out of memory. */
static int extra_glyph(const struct ocr_dict *d, struct doc *doc, const struct layout_page *lp, struct doc_line *l,
		       size_t k, float pitch)
{
	static const gunichar marked[] = { 0xE5, 0xE4, 0xF6 };
	struct doc_word *x = &l->words[k];
	const char *end, *found = NULL, *r;
	int many = 0;

	if (!letters_then(x->text, &end) || ocr_dict_word(d, x->text))
		return 0;
	glong n = g_utf8_strlen(x->text, end - x->text), all = n + g_utf8_strlen(end, -1);
	float cells = (x->box.x1 - x->box.x0) / pitch;   /* its marks after it take theirs */

	if (n < 4 || cells > (float)all - PITCH_EXTRA || cells < (float)all - 2 * PITCH_EXTRA)
		return 0;
	gunichar *u = g_utf8_to_ucs4_fast(x->text, end - x->text, NULL), *v = g_new(gunichar, n);

	for (glong j = 0; j < n && many < 2; j++)
		for (int m = -1; m < 3 && many < 2; m++) {
			/* j left out (m < 0), or j and j + 1 read for marked[m] */
			glong vn = 0;

			if (m >= 0 && j + 1 >= n)
				break;
			for (glong i = 0; i < n; i++)
				if (i == j && m >= 0)
					v[vn++] = g_unichar_isupper(u[j]) ? g_unichar_toupper(marked[m]) : marked[m], i++;
				else if (i != j)
					v[vn++] = u[i];
			gchar *cand = g_ucs4_to_utf8(v, vn, NULL, NULL, NULL);
			const char *take = !cand ? NULL
				: ocr_dict_swedish(d, cand) ? arena_strdup(doc->arena, cand)
							    : ocr_fix_word(d, doc->arena, cand, &r);

			if (take && (!found || strcmp(found, take)))
				found = take, many++;
			g_free(cand);
		}
	g_free(u);
	g_free(v);
	if (many != 1)
		return 0;
	return correct(doc, lp->page, x, arena_printf(doc->arena, "%s%s", found, end), "pitch") ? -1 : 1;
}

#define TWIN_SURE 0.85f   /* a name read this surely is the document's word for it */
#define TWIN_LETTERS 4

/* Whether core is written as a name: a capital, then small letters,
 * TWIN_LETTERS at least, nothing else. */
static int name_form(const char *core)
{
	int n = 0;

	for (const char *p = core; *p; p = g_utf8_next_char(p), n++) {
		gunichar c = g_utf8_get_char(p);

		if (!(n ? g_unichar_islower(c) : g_unichar_isupper(c)))
			return 0;
	}
	return n >= TWIN_LETTERS;
}

/* c without its Swedish mark: å and ä a, ö o (and their capitals). */
static gunichar bare_letter(gunichar c)
{
	return c == 0xE5 || c == 0xE4 ? 'a' : c == 0xC5 || c == 0xC4 ? 'A' : c == 0xF6 ? 'o' : c == 0xD6 ? 'O' : c;
}

/* core with å, ä and ö (and their capitals) as a and o; whether it had
 * one is *marked. */
static gchar *unmarked(const char *core, int *marked)
{
	GString *g = g_string_new(NULL);

	*marked = 0;
	for (const char *p = core; *p; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p), u = bare_letter(c);

		*marked |= u != c;
		g_string_append_unichar(g, u);
	}
	return g_string_free(g, FALSE);
}

/* A word as evidence of how the document writes a name: read surely
 * (a text layer's words are), by the first language when OCR'd. Its
 * form without marks keys its marked form, or twin_both when the
 * document writes it two ways (with marks two ways, or without them
 * read by the first language: "Ohman" is a name too). */
static const char twin_both[] = "";

static void twin_note(GHashTable *twins, const struct doc_word *w)
{
	gchar *core = word_core(w->text, CORE_LEAD, CORE_TRAIL), *key;
	const char *had;
	int marked;

	if (w->conf < TWIN_SURE || w->flags & DOC_WORD_OTHER_LANG || !name_form(core)) {
		g_free(core);
		return;
	}
	key = unmarked(core, &marked);
	had = g_hash_table_lookup(twins, key);
	if (!had && marked) {
		g_hash_table_insert(twins, key, core);
		return;
	}
	if (!marked || (had != twin_both && strcmp(had, core)))
		g_hash_table_replace(twins, key, (gpointer)twin_both);
	else
		g_free(key);
	g_free(core);
}

static void twin_free(gpointer v)
{
	if (v != twin_both)
		g_free(v);
}

/* Names the later language read without their marks, given them back
 * where the document writes them with marks: "Lena Ohman väljs till
 * sekreterare" read in English beside "Närvarande: Lena Öhman" read in
 * Swedish. The evidence is the document's words so far (its earlier
 * pages' blocks, this page's lines), each read surely, the marked form
 * the one the document writes (two marked forms, or the bare form read
 * by the Swedish model too, and nothing changes); the word changed is
 * written as a name, read by the later language (its model has no å, ä
 * or ö to give), and no listed word as it stands. Reason "document". */
static int document_twins(const struct ocr_dict *d, struct doc *doc, struct layout_page *lp)
{
	GHashTable *twins = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, twin_free);
	int rc = 0;

	for (size_t b = 0; b < doc->nblocks; b++)
		for (size_t i = 0; i < doc->blocks[b].nlines; i++)
			for (size_t k = 0; k < doc->blocks[b].lines[i].nwords; k++)
				twin_note(twins, &doc->blocks[b].lines[i].words[k]);
	for (size_t i = 0; i < lp->nlines; i++)
		for (size_t k = 0; k < lp->lines[i].nwords; k++)
			twin_note(twins, &lp->lines[i].words[k]);
	for (size_t i = 0; rc == 0 && i < lp->nlines && g_hash_table_size(twins); i++)
		for (size_t k = 0; rc == 0 && k < lp->lines[i].nwords; k++) {
			struct doc_word *x = &lp->lines[i].words[k];
			gchar *core = word_core(x->text, CORE_LEAD, CORE_TRAIL);
			const char *twin = x->flags & DOC_WORD_OTHER_LANG && name_form(core) ?
					   g_hash_table_lookup(twins, core) : NULL;

			if (twin && twin != twin_both && !ocr_dict_word(d, core)) {
				size_t lead = strspn(x->text, CORE_LEAD);

				rc = correct(doc, lp->page, x, arena_printf(doc->arena, "%.*s%s%s", (int)lead, x->text,
									  twin, x->text + lead + strlen(core)),
					     "document");
			}
			g_free(core);
		}
	g_hash_table_destroy(twins);
	return rc;
}

/* A word's last l read as '!' ("Likvida mede!"): t, letters ending in a
 * small one, then '!', is that word with an l when so it is a word of
 * the list or a compound and the letters before the '!' are none ("Hej!",
 * "Tack!" and "medel!" stay). The word in the arena, or NULL. */
static const char *bang_for_l(const struct ocr_dict *d, struct arena *a, const char *t)
{
	size_t n = strlen(t);
	const char *out = NULL, *end = t;
	gchar *core, *with_l;

	while (*end && g_unichar_isalpha(g_utf8_get_char(end)))
		end = g_utf8_next_char(end);
	if (n < 3 || end != t + n - 1 || *end != '!' || !g_unichar_islower(g_utf8_get_char(g_utf8_prev_char(end))))
		return NULL;
	core = g_strndup(t, n - 1);
	with_l = g_strconcat(core, "l", NULL);
	if (!ocr_dict_swedish(d, core) && ocr_dict_swedish(d, with_l))
		out = arena_strdup(a, with_l);
	g_free(core);
	g_free(with_l);
	return out;
}

/* A rate's slash OCR read as a letter or a stroke ("krikvm" for kr/kvm,
 * Times at 300 dpi bilevel: the row's values lost their unit): t, "kr"
 * (after a bracket), one of "il1I|!", then "kvm", "m2", "m²" or "mån"
 * (punctuation after it), with the slash. No word is so spelt. The word
 * in the arena, or NULL. */
static const char *rate_slash(struct arena *a, const char *t)
{
	static const char *const per[] = { "kvm", "m2", "m\xC2\xB2", "m\xC3\xA5n" };
	const char *k = t + (*t == '(');

	if (strncmp(k, "kr", 2) != 0 || !k[2] || !strchr("il1I|!", k[2]))
		return NULL;
	for (size_t i = 0; i < sizeof(per) / sizeof(per[0]); i++) {
		size_t m = strlen(per[i]);

		if (!strncmp(k + 3, per[i], m) && !k[3 + m + strspn(k + 3 + m, ",.;:)")])
			return arena_printf(a, "%.*s/%s", (int)(k + 2 - t), t, k + 3);
	}
	return NULL;
}

int ocr_fix_page(const struct ocr_dict *d, struct doc *doc, struct layout_page *lp)
{
	size_t words = 0, sv = 0;

	/* A Swedish page: one word in ten plainly Swedish, five at least. */
	for (size_t i = 0; i < lp->nlines; i++)
		for (size_t k = 0; k < lp->lines[i].nwords; k++) {
			words++;
			sv += swedish(lp->lines[i].words[k].text);
		}
	int swedish_page = sv >= 5 && sv * 10 >= words;

	size_t skip_line = (size_t)-1;   /* a line whose first word ended a hyphenated pair */
	int err = section_signs(doc, lp);

	if (err)
		return err;

	for (size_t i = 0; i < lp->nlines; i++) {
		size_t nw;

		float pitch = ocrline_pitch(lp->lines[i].words, lp->lines[i].nwords);

		for (size_t k = i == skip_line; pitch > 0 && k < lp->lines[i].nwords; k++)
			if (extra_glyph(d, doc, lp, &lp->lines[i], k, pitch) < 0)
				return EX_ENOMEM;
		for (size_t k = i == skip_line; k + 1 < lp->lines[i].nwords; k++)
			if (split_word(d, doc, lp, &lp->lines[i], k) < 0)
				return EX_ENOMEM;
		nw = lp->lines[i].nwords;
		if (hyphenated(d, doc, lp, i, &skip_line, &err))
			nw--;
		if (err)
			return err;
		for (size_t k = i == skip_line; k < nw; k++) {
			struct doc_word *x = &lp->lines[i].words[k];
			const char *t = x->text, *end = t + strlen(t), *reason = NULL, *fixed;
			const char *b = t, *e = end;
			int listed_only = 0;

			if ((fixed = bang_for_l(d, doc->arena, t)) || (fixed = rate_slash(doc->arena, t))) {
				if (correct(doc, lp->page, x, fixed, "dictionary"))
					return EX_ENOMEM;
				continue;
			}

			/* Punctuation around the word stays as it is. */
			while (b < e && strchr("\"'(«»,.;:!?)", *b))
				b++;
			while (e > b && strchr("\"'(«»,.;:!?)", e[-1]))
				e--;
			if (e - b < 2)
				continue;
			gchar *core = g_strndup(b, (gsize)(e - b));

			fixed = in_context(doc->arena, &lp->lines[i], k, core, swedish_page, &reason);
			if (!fixed && !reason && leave_alone(d, &lp->lines[i], k, core, &listed_only)) {
				g_free(core);
				continue;
			}
			g_free(core);
			if (fixed)
				fixed = arena_printf(doc->arena, "%.*s%s%s", (int)(b - t), t, fixed, e);
			else if (!reason)
				fixed = fix_parts(d, doc->arena, t, b, e, &reason);
			if (fixed && listed_only && !strcmp(reason, "compound"))
				continue;
			if (!fixed) {
				if (reason)
					return EX_ENOMEM;   /* a context fix that did not fit */
				continue;
			}
			if (correct(doc, lp->page, x, fixed, reason))
				return EX_ENOMEM;
		}
	}
	return document_twins(d, doc, lp);
}

int ocr_dict_english_only(const struct ocr_dict *d, const char *word)
{
	gchar *core = word_core(word, CORE_LEAD, CORE_TRAIL);
	int yes = english_only(d, core);

	g_free(core);
	return yes;
}

int ocr_dict_word(const struct ocr_dict *d, const char *word)
{
	gchar *core = word_core(word, "(\"'«", ",.;:!?)\"'»");   /* a layer's words: quotes too */
	size_t letters = 0;
	int yes = 0;

	for (const char *p = core; *p; p = g_utf8_next_char(p)) {
		if (!g_unichar_isalpha(g_utf8_get_char(p))) {
			letters = 0;
			break;
		}
		letters++;
	}
	if (letters >= 2) {
		gchar *low = g_utf8_strdown(core, -1);

		yes = known(d, low) || (d->english && g_hash_table_contains(d->english, low)) ||
		      compound(d, low, 3);
		g_free(low);
	}
	g_free(core);
	return yes;
}

/* Whether w (n letters, lower case) with up to k more of its a, o from
 * position from given their marks (å, ä; ö) is Swedish; changed: some
 * already are. */
static int marked(const struct ocr_dict *d, gunichar *w, glong n, glong from, int k, int changed)
{
	static const gunichar a_marks[] = { 0xE5, 0xE4, 0 }, o_marks[] = { 0xF6, 0 };

	if (changed) {
		gchar *s = g_ucs4_to_utf8(w, n, NULL, NULL, NULL);
		int ok = s && (known(d, s) || compound(d, s, 3));

		g_free(s);
		if (ok)
			return 1;
	}
	for (glong p = from; k > 0 && p < n; p++) {
		const gunichar *m = w[p] == 'a' ? a_marks : w[p] == 'o' ? o_marks : NULL;
		gunichar orig = w[p];

		for (; m && *m; m++) {
			w[p] = *m;
			if (marked(d, w, n, p + 1, k - 1, 1)) {
				w[p] = orig;
				return 1;
			}
		}
		w[p] = orig;
	}
	return 0;
}

int ocr_dict_marked_variant(const struct ocr_dict *d, const char *word)
{
	gchar *low = core_low(word);
	glong len = 0;
	gunichar *w = g_utf8_to_ucs4_fast(low, -1, &len);
	int yes = len >= 2 && len <= MAXW && marked(d, w, len, 0, 3, 0);

	g_free(w);
	g_free(low);
	return yes;
}

/* Whether a and b are the same letters but for Swedish marks (å, ä to
 * a, ö to o, é to e), case aside, and differ. */
static int same_but_marks(const char *a, const char *b)
{
	gchar *x = g_utf8_strdown(a, -1), *y = g_utf8_strdown(b, -1);
	const char *p = x, *q = y;
	int same = strcmp(x, y) != 0;

	for (; same && *p && *q; p = g_utf8_next_char(p), q = g_utf8_next_char(q)) {
		gunichar c = g_utf8_get_char(p), d = g_utf8_get_char(q);

		c = c == 0xE9 ? 'e' : bare_letter(c);
		d = d == 0xE9 ? 'e' : bare_letter(d);
		same = c == d;
	}
	same = same && !*p && !*q;
	g_free(x);
	g_free(y);
	return same;
}

int ocr_dict_reread_takes(const struct ocr_dict *d, const char *first, const char *again)
{
	if (!same_but_marks(again, first))
		return 0;
	gchar *f = core_low(first), *a = core_low(again);
	int listed = known(d, a);
	/* a listed word as first read changes only to a listed word */
	int yes = (listed || compound(d, a, 3)) && (listed || !known(d, f));

	g_free(f);
	g_free(a);
	return yes;
}
