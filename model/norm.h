/* norm.h: text normalisation shared by every reader.
 * NFC, ligatures expanded (U+FB00..FB06), soft hyphens dropped, control
 * characters removed, invalid UTF-8 replaced by U+FFFD. No-break
 * (U+00A0), narrow no-break (U+202F) and thin (U+2009) spaces are kept
 * as they are: inside numbers they mean something. Uses glib's Unicode
 * tables; no other module calls glib for text. */
#ifndef EX_NORM_H
#define EX_NORM_H

#include <stddef.h>

#include "arena.h"

/* A normalised copy of s[0..n) in the arena; NULL only on no memory. */
char *norm_text(struct arena *a, const char *s, size_t n);

/* Line-end hyphenation: left ends a line with '-', right starts the next.
 * Returns
 *   1  a line-break hyphen, dropped: "verksamhets-" "plan" -> "verksamhetsplan"
 *   0  a hyphen of the word, kept, no space: "MR-" "teamet" -> "MR-teamet",
 *      "2020-" "2021" -> "2020-2021"
 *   2  a suspended compound, hyphen and space kept: "kvinno-" "och" ->
 *      "kvinno- och"
 *  -1  left does not end with a hyphen. */
int norm_hyphen_join(const char *left, const char *right);

/* Joins lines of one block into one string: a space between lines,
 * except after a line-end hyphen, which norm_hyphen_join decides. */
char *norm_join_lines(struct arena *a, const char *const *lines, size_t n);

/* Collapses runs of ASCII spaces, tabs and newlines into one space and
 * trims both ends, in place. Other spaces (NBSP, thin) are kept. */
void norm_squeeze(char *s);

/* 1 if s is valid UTF-8. */
int norm_valid_utf8(const char *s, size_t n);

#endif
