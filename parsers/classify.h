/* classify.h: line classifiers shared by the PDF, text and OCR readers:
 * list markers, heading numbering, all-caps lines. Pure functions over
 * one NUL-terminated UTF-8 line; they never allocate. */
#ifndef EX_CLASSIFY_H
#define EX_CLASSIFY_H

#include <stddef.h>

/* A list marker at the start of s: "-", "•", "›", "–", "*", "▪", "◦",
 * "1.", "1)", "a)", "(a)" followed by a space. Returns the marker's
 * length in bytes (without the space), 0 if none. *numbered is set to 1
 * for numbers and letters. */
size_t cls_list_marker(const char *s, int *numbered);

/* Heading numbering at the start of s: "1", "1.", "1.1", "2.3.4.",
 * "Kapitel 3.", followed by a space and a letter. Returns its length and
 * sets *depth (1 for "1." and "Kapitel 3", 2 for "1.1" ...), 0 if none. */
size_t cls_heading_number(const char *s, int *depth);

/* 1 if s has at least three letters and none of them lower case. */
int cls_all_caps(const char *s);

/* A caption: "Tabell 3", "Figur 2:", "Diagram 1", "Bild 4", "Table 1". */
int cls_caption(const char *s);

/* A header field line: a short label, a colon, a value ("Till: styrelsen",
 * "Datum: 2021-05-28", "DATUM: 2 december 2019"). */
int cls_field_line(const char *s);

/* A contents line: a title, dot leaders (or an ellipsis), a page number:
 * "Sammanfattning ..... 3". */
int cls_contents_line(const char *s);

/* Number of Unicode characters in s. */
size_t cls_chars(const char *s);

/* 1 if the line ends a sentence (., :, ;, !, ?) */
int cls_ends_sentence(const char *s);

#endif
