/* ocrfix.h: Swedish post-correction of OCR words. Tesseract confuses
 * Swedish letters (S6dra, Samordningsférbundet, &r, mdngfald,
 * minskliga rittigheter); a word it returns that is not Swedish is tried
 * with those confusions undone, against a Swedish word list (Debian's
 * wswedish) with compound splitting. A known word, a compound of known
 * words and a number are never changed; every change is recorded. */
#ifndef EX_OCRFIX_H
#define EX_OCRFIX_H

#include "../model/doc.h"
#include "layout.h"

struct ocr_dict;

/* The Swedish word list at path (ISO-8859-1 or UTF-8, a word a line),
 * and the English one at english (NULL or unreadable: none; Debian's
 * wamerican: its words, and its names, written with a capital, are
 * evidence a word is no Swedish one misread); NULL when path cannot be
 * read. */
struct ocr_dict *ocr_dict_load(const char *path, const char *english);
void ocr_dict_free(struct ocr_dict *d);

/* The corrected spelling of word (NUL-terminated UTF-8) in the arena, or
 * NULL when it stays as it is. *reason says how: "dictionary" or
 * "compound". */
const char *ocr_fix_word(const struct ocr_dict *d, struct arena *a, const char *word,
			 const char **reason);

/* Corrects the words of an OCR'd page in place, recording each change
 * in doc->corrections; a few short words that are words without their
 * mark too ("for" for "för", "ar" for "är") only between Swedish words
 * (reason "context"). A word broken by a hyphen at a line's end is
 * corrected whole; a unit after a number, a name, an English word among
 * English ones stay as read. */
int ocr_fix_page(const struct ocr_dict *d, struct doc *doc, struct layout_page *lp);

/* Whether word (punctuation around it aside) is Swedish: a listed word
 * or a compound of listed words. */
int ocr_dict_swedish(const struct ocr_dict *d, const char *word);

/* Whether word is plainly Swedish, word list or none: it has å, ä or ö,
 * or is a common Swedish word English does not have ("och", "vi"). */
int ocr_text_swedish(const char *word);

/* Whether word (punctuation around it aside) is in the English list and
 * not in the Swedish one; no without the English list. */
int ocr_dict_english_only(const struct ocr_dict *d, const char *word);

/* Whether word (punctuation around it aside) is a word of the lists:
 * letters only, two or more, Swedish, a compound of Swedish words, or
 * English. */
int ocr_dict_word(const struct ocr_dict *d, const char *word);

/* Whether word (punctuation around it aside) becomes a Swedish word or
 * compound when up to three of its a and o take their marks (å, ä, ö):
 * "laget" (läget), "Rantekanslighet"; not "och" or "ekonomi". */
int ocr_dict_marked_variant(const struct ocr_dict *d, const char *word);

/* Whether again, a word read a second time by the Swedish model alone,
 * replaces first, as a later language first read it: the same letters
 * but for Swedish marks (å, ä to a, ö to o, é to e; case aside), a
 * Swedish word or compound; and a listed word when first is a listed
 * word ("laget" to "läget", "Maluppfyllelse" to the compound
 * "Måluppfyllelse", never "fortsatt" to "förts|att"). */
int ocr_dict_reread_takes(const struct ocr_dict *d, const char *first, const char *again);

#endif
