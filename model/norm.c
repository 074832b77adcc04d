/* norm.c: Unicode normalisation through glib. */
#include "norm.h"

#include <glib.h>
#include <string.h>

static const char *ligature(gunichar c)
{
	switch (c) {
	case 0xFB00: return "ff";
	case 0xFB01: return "fi";
	case 0xFB02: return "fl";
	case 0xFB03: return "ffi";
	case 0xFB04: return "ffl";
	case 0xFB05: return "st";
	case 0xFB06: return "st";
	default: return NULL;
	}
}

/* Characters dropped outright: soft hyphen, zero-width marks, BOM,
 * C0/C1 controls other than tab and newline. */
static int dropped(gunichar c)
{
	if (c == '\t' || c == '\n' || c == '\f')
		return 0;
	if (c < 0x20 || (c >= 0x7F && c < 0xA0))
		return 1;
	return c == 0x00AD || c == 0x200B || c == 0x200C || c == 0x200D ||
	       c == 0x2060 || c == 0xFEFF;
}

/* Most words are already normal: valid UTF-8 below U+0300 (no combining
 * marks, ligatures or special spaces) with no control characters or
 * soft hyphens. Those are copied as they are. */
static int already_normal(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + n;

	while (p < end) {
		if (*p < 0x80) {
			if ((*p < 0x20 && *p != '\t' && *p != '\n') || *p == 0x7F)
				return 0;
			p++;
		} else if (*p >= 0xC2 && *p <= 0xCB && p + 1 < end && (p[1] & 0xC0) == 0x80) {
			/* U+0080..U+02FF; C1 controls and the soft hyphen are not. */
			if ((*p == 0xC2 && p[1] < 0xA0) || (*p == 0xC2 && p[1] == 0xAD))
				return 0;
			p += 2;
		} else {
			return 0;
		}
	}
	return 1;
}

char *norm_text(struct arena *a, const char *s, size_t n)
{
	GString *g;
	const char *p = s, *end = s + n;
	char *nfc, *out;

	if (already_normal(s, n))
		return arena_strndup(a, s, n);
	g = g_string_sized_new(n + 8);
	while (p < end) {
		gunichar c = g_utf8_get_char_validated(p, end - p);
		const char *lig;

		if (c == (gunichar)-1 || c == (gunichar)-2) {
			g_string_append(g, "\xEF\xBF\xBD");
			p++;
			continue;
		}
		if (c == 0) {
			p++;
			continue;
		}
		p = g_utf8_next_char(p);
		if (c == '\r' && p < end && *p == '\n')
			continue;
		if (c == '\r' || c == 0x2028 || c == 0x2029)
			c = '\n';
		if (dropped(c))
			continue;
		lig = ligature(c);
		if (lig)
			g_string_append(g, lig);
		else
			g_string_append_unichar(g, c);
	}
	nfc = g_utf8_normalize(g->str, (gssize)g->len, G_NORMALIZE_NFC);
	out = arena_strdup(a, nfc ? nfc : g->str);
	g_free(nfc);
	g_string_free(g, TRUE);
	return out;
}

int norm_valid_utf8(const char *s, size_t n)
{
	return g_utf8_validate(s, (gssize)n, NULL);
}

static gunichar last_char_before(const char *s, const char *end)
{
	const char *p = g_utf8_find_prev_char(s, end);

	return p ? g_utf8_get_char(p) : 0;
}

/* Words that follow a suspended compound: "kvinno- och mansdominerade". */
static int is_conjunction(const char *w)
{
	static const char *const words[] = { "och", "eller", "samt", "respektive",
					     "resp.", "till", "and", "or", NULL };
	size_t n = strcspn(w, " \t\n,.;:");

	for (int i = 0; words[i]; i++)
		if (strlen(words[i]) == n && strncmp(w, words[i], n) == 0)
			return 1;
	return 0;
}

int norm_hyphen_join(const char *left, const char *right)
{
	size_t n = strlen(left);
	const char *word, *p;
	gunichar before, first;
	int upper = 0, letters = 0;

	if (n < 2 || left[n - 1] != '-')
		return -1;
	before = last_char_before(left, left + n - 1);
	/* "T1 -" ends with a dash standing alone, not a hyphen. */
	if (g_unichar_isspace(before))
		return -1;
	first = g_utf8_get_char_validated(right, -1);
	if (first == (gunichar)-1 || first == (gunichar)-2)
		return 0;
	if (is_conjunction(right))
		return 2;
	/* Only a lower-case letter on both sides makes a plausible break
	 * inside one word; digits, capitals and "MR-" keep the hyphen. */
	if (!g_unichar_islower(before) || !g_unichar_islower(first))
		return 0;
	/* The last word of left: an acronym-led compound ("IT-stöd",
	 * "EU-") keeps its hyphen even when followed by lower case. */
	word = left;
	for (p = left; p < left + n - 1; p = g_utf8_next_char(p))
		if (*p == ' ')
			word = p + 1;
	for (p = word; p < left + n - 1; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);

		if (g_unichar_isalpha(c)) {
			letters++;
			upper += g_unichar_isupper(c) != 0;
		}
	}
	if (upper >= 2 || letters < 2)
		return 0;
	/* An inner hyphen ("e-post-") means the writer hyphenates words. */
	if (memchr(word, '-', (size_t)(left + n - 1 - word)))
		return 0;
	return 1;
}

char *norm_join_lines(struct arena *a, const char *const *lines, size_t n)
{
	GString *g = g_string_new(NULL);
	char *out;

	for (size_t i = 0; i < n; i++) {
		const char *l = lines[i];

		if (!l || !*l)
			continue;
		if (g->len) {
			int j = norm_hyphen_join(g->str, l);

			if (j == 1)
				g_string_truncate(g, g->len - 1);
			else if (j != 0 && g->str[g->len - 1] != ' ')
				g_string_append_c(g, ' ');
		}
		g_string_append(g, l);
	}
	out = arena_strndup(a, g->str, g->len);
	g_string_free(g, TRUE);
	return out;
}

void norm_squeeze(char *s)
{
	char *w = s;
	int space = 0;

	for (char *r = s; *r; r++) {
		if (*r == ' ' || *r == '\t' || *r == '\n' || *r == '\r') {
			space = 1;
			continue;
		}
		if (space && w != s)
			*w++ = ' ';
		space = 0;
		*w++ = *r;
	}
	*w = '\0';
}
