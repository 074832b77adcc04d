/* numcut.h: where a line of words parts into cells by the Swedish
 * number grammar: numbers set side by side closer than the line's word
 * gaps ("6 178 6 262" is two; "SUMMA TILLGÅNGAR 247 218 204 192 368 450"
 * is a label and two), and the label before numbers that part. */
#ifndef EX_NUMCUT_H
#define EX_NUMCUT_H

#include <stddef.h>

#include "../model/doc.h"

/* Marks cut[i] after word i of w[0..n) (n at most 256) where the line
 * parts; cut is zeroed by the caller. */
void numcut_line(const struct doc_word *w, size_t n, unsigned char *cut);

/* Whether t is a year standing alone ("2023", 19xx or 20xx), as column
 * headings print them. */
int numcut_year_word(const char *t);

/* Whether t is a period as a column heading prints it, whole in one
 * word: a year ("2023"), a date ("2022-12-31"), a range of dates with
 * no space ("2022-01-01-2022-12-31") or a split year ("2022/2023",
 * "2022/23"). */
int numcut_period_word(const char *t);

/* The bytes of the minus sign t starts with: a hyphen (1), an en dash
 * or a minus sign (3); 0 when it starts with none. */
size_t numcut_minus(const char *t);

/* Joins in place a number with commas between thousands that OCR read
 * with a space after each comma ("80, 584, 237"), on a line that writes
 * another number so ("74,933,170"), where the space is under 0.7 of the
 * words' height; EX_ENOMEM when the arena is full, else 0. */
int numcut_join_comma_groups(struct arena *a, struct doc_line *l);

/* The width of a letter of w: its box over its letters; -1 for a word
 * of fewer than three. */
float numcut_letter_width(const struct doc_word *w);

/* Whether an OCR line of two or three words parts after word w[0], gap
 * points before w[1], its words h high: beside a number at a gap over a
 * height, between words only at 2.5 heights (a label wrapped in a narrow
 * justified cell stretches its spaces); never at a gap within 1.25 of a
 * letter of the words beside it (a monospaced font's space). */
int numcut_short_line_cut(const struct doc_word *w, float gap, float h);

/* Whether the n words of a short OCR line, h high, are one number set
 * with a typewriter's wide thousands spaces ("12 104 000", "924 466" in
 * Courier, its spaces 1.2 heights): a lead of one to three digits and one
 * or two groups of three, the gaps alike and none over 1.5 heights (no
 * thousands space is so wide). Such a line is not parted. */
int numcut_spaced_number(const struct doc_word *w, size_t n, float h);

#endif
