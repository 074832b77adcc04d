/* classify.c: line classifiers; see classify.h for the forms. */
#include "classify.h"

#include <ctype.h>
#include <glib.h>
#include <string.h>

static const char *const bullets[] = {
	"\xE2\x80\xA2", /* • */
	"\xE2\x80\xBA", /* › */
	"\xE2\x80\x93", /* – */
	"\xE2\x96\xAA", /* ▪ */
	"\xE2\x97\xA6", /* ◦ */
	"\xE2\x97\x8F", /* ● */
	"\xEF\x82\xB7", /* Symbol-font bullet U+F0B7 */
	"\xC2\xB7",     /* · */
	"-", "*", NULL
};

size_t cls_list_marker(const char *s, int *numbered)
{
	size_t n = 0;

	*numbered = 0;
	for (int i = 0; bullets[i]; i++) {
		size_t l = strlen(bullets[i]);

		if (strncmp(s, bullets[i], l) == 0 && (s[l] == ' ' || s[l] == '\t'))
			return l;
	}
	if (s[0] == '(' && isalnum((unsigned char)s[1]) && s[2] == ')' && s[3] == ' ') {
		*numbered = 1;
		return 3;
	}
	while (n < 3 && isdigit((unsigned char)s[n]))
		n++;
	if (n == 0 && s[0] >= 'a' && s[0] <= 'z' && s[1] == ')')
		n = 1;
	if (n > 0 && (s[n] == ')' || (s[n] == '.' && isdigit((unsigned char)s[0]))) &&
	    s[n + 1] == ' ') {
		*numbered = 1;
		return n + 1;
	}
	return 0;
}

static size_t upper_letter_follows(const char *s)
{
	gunichar c;

	if (*s != ' ' && *s != '\t')
		return 0;
	while (*s == ' ' || *s == '\t')
		s++;
	c = g_utf8_get_char_validated(s, -1);
	return c != (gunichar)-1 && c != (gunichar)-2 && g_unichar_isalpha(c);
}

size_t cls_heading_number(const char *s, int *depth)
{
	size_t i = 0;
	int d = 0;

	*depth = 0;
	if (strncmp(s, "Kapitel ", 8) == 0) {
		i = 8;
		while (isdigit((unsigned char)s[i]))
			i++;
		if (i == 8)
			return 0;
		if (s[i] == '.' || s[i] == ':')
			i++;
		if (!upper_letter_follows(s + i) && s[i] != '\0')
			return 0;
		*depth = 1;
		return i;
	}
	for (;;) {
		size_t start = i;

		while (i - start < 3 && isdigit((unsigned char)s[i]))
			i++;
		if (i == start)
			return 0;
		d++;
		if (s[i] == '.' && isdigit((unsigned char)s[i + 1])) {
			i++;
			continue;
		}
		if (s[i] == '.')
			i++;
		break;
	}
	if (d > 6 || !upper_letter_follows(s + i))
		return 0;
	*depth = d;
	return i;
}

int cls_all_caps(const char *s)
{
	int letters = 0;

	for (const char *p = s; *p; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);

		if (g_unichar_islower(c))
			return 0;
		if (g_unichar_isalpha(c))
			letters++;
	}
	return letters >= 3;
}

size_t cls_chars(const char *s)
{
	return (size_t)g_utf8_strlen(s, -1);
}

int cls_ends_sentence(const char *s)
{
	size_t n = strlen(s);

	while (n && s[n - 1] == ' ')
		n--;
	return n && strchr(".:;!?", s[n - 1]) != NULL;
}

int cls_caption(const char *s)
{
	static const char *const words[] = { "Tabell ", "Figur ", "Diagram ", "Bild ",
					     "Table ", "Figure ", NULL };

	for (int i = 0; words[i]; i++) {
		size_t l = strlen(words[i]);

		if (strncmp(s, words[i], l) == 0 && isdigit((unsigned char)s[l]))
			return 1;
	}
	return 0;
}

int cls_field_line(const char *l)
{
	const char *c = strchr(l, ':');
	size_t n;

	if (!c || c == l || (c[1] != ' ' && c[1] != '\t') || c[2] == '\0' || c[2] == ' ')
		return 0;
	n = (size_t)(c - l);
	if (n > 24 || memchr(l, '.', n) || memchr(l, ',', n))
		return 0;
	/* A label starts with a capital and has at most two words. */
	if (!g_unichar_isupper(g_utf8_get_char_validated(l, (gssize)n)))
		return 0;
	int spaces = 0;

	for (const char *p = l; p < c; p++)
		spaces += *p == ' ';
	return spaces <= 1;
}

int cls_contents_line(const char *s)
{
	size_t n = strlen(s), d, dots = 0;

	while (n && s[n - 1] == ' ')
		n--;
	d = n;
	while (d && isdigit((unsigned char)s[d - 1]))
		d--;
	if (d == n || n - d > 4)
		return 0;
	while (d && (s[d - 1] == ' ' || s[d - 1] == '\t'))
		d--;
	for (; d; d--) {
		if (s[d - 1] == '.')
			dots++;
		else if (d >= 3 && !strncmp(s + d - 3, "\xE2\x80\xA6", 3)) /* … */
			dots += 3, d -= 2;
		else
			break;
	}
	return dots >= 3 && d > 0;
}
