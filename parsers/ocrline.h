/* ocrline.h: OCR's words, and when a line read again replaces the first
 * reading. Tesseract, reading a whole page, now and then reads a line of
 * a table as noise ("SAFTA -3:+286'-" for "-923 746 -286 863", "Oe al"
 * for "91 771") that it reads right when the same line is cut out and
 * read alone, and its confidence tells the readings apart (0 and 13 for
 * the noise, 72-97 for the digits). ocr.c reads such lines again; these
 * rules say which and which reading stays. */
#ifndef EX_OCRLINE_H
#define EX_OCRLINE_H

#include <stddef.h>

#include "../model/doc.h"

struct ocr_dict;

/* A word as a worker read it, before it goes into the document's arena
 * (which only the reading thread touches). */
struct ocr_word {
	char *text;         /* malloc'd, as Tesseract gave it */
	struct box box;     /* points, on the upright, level page */
	float conf;         /* 0..1 */
	float rise;         /* points the word rises above its line's baseline */
	float stroke;       /* points: the word's mean horizontal stroke width */
	float inked;        /* the share of its box's rows that hold ink */
	int line_start;     /* the first word of a Tesseract text line */
	int other_lang;     /* read by a language after the first ("eng" of "swe+eng") */
	char *first_read;   /* malloc'd: the reading a second look replaced; NULL */
	const char *why;    /* that look: NULL (the first language's model alone) or "minus" */
};

/* Whether the line w[0..n-1] is worth reading again: it holds a digit
 * (a row of numbers, where a misread loses values) and a word read
 * under OCR_LINE_DOUBT confidence. */
int ocrline_doubted(const struct ocr_word *w, size_t n);

/* Whether the second reading (again[0..m-1]) of the line first[0..n-1]
 * replaces it: surer by OCR_LINE_GAIN on the whole (confidence weighted
 * by characters), OCR_LINE_KEEP of the characters kept, every word of
 * the first lying for the most part under the second's (noise between
 * two of its words aside: a label left out is lost), and no two of its
 * words over the same ink (read twice). */
int ocrline_better(const struct ocr_word *first, size_t n, const struct ocr_word *again, size_t m);

/* Tesseract's page layout now and then parts a row of a table into two
 * text lines in blocks of their own, at a gap no wider than a thousands
 * space ("Summa eget kapital 4 098" and "735 4 698 580" when the
 * thousands spaces of a column of numbers line up). A line that starts
 * just right of an earlier one on the same row (their boxes overlapping
 * by OCR_JOIN_OVERLAP of the lower's height, the gap under OCR_JOIN_GAP of
 * it) is moved onto that line's end; the reader then parts the row
 * where the text layer's would part (numbers by their grammar, cells at
 * wide gaps). Each line's words must have room for the words of every
 * line after it. */
void ocrline_join_rows(struct doc_line *lines, size_t *nlines);

/* A minus sign Tesseract read as "~" or "=" before a digit ("~51558",
 * "=522": a scan's minus is a short bar, and a thin or ragged one looks
 * like either): the symbol's box (sign: left, top, right, bottom in
 * pixels) is a minus beside the digit's box when it is a flat bar (its
 * height under OCR_MINUS_FLAT of the digit's, its width at least twice
 * its height) set about the digit's middle (OCR_MINUS_HIGH to
 * OCR_MINUS_LOW of the digit's height down from its top). A printed "="
 * is two bars (0.38 of a digit's height), a tilde a wave (0.29): neither
 * is so flat. */
int ocrline_minus_bar(const int sign[4], const int digit[4]);

/* Whether two signs Tesseract read before a number's first digit (boxes
 * a, b and digit, pixels; "-—603 358" for a groff scan's "–603 358") are
 * one stroke: the ink pieces comp[n] found between a's left and the
 * digit hold one only (specks aside), a minus's bar (ocrline_minus_bar)
 * reaching from a's middle to b's. Two dashes printed are two pieces. */
int ocrline_one_bar(const int a[4], const int b[4], const int digit[4], const int (*comp)[4], size_t n);

/* A minus sign Tesseract left out: a number's word (box: left, top,
 * right, bottom in pixels) starts with a digit, and left of that digit
 * (the leftmost ink OCR_LOST_TALL of the word's height or more that
 * starts within the word's box, OCR_LOST_THIN to OCR_LOST_DIGIT of its
 * height wide; up to OCR_LOST_RUN, digits a blur ran together, when the
 * bar touches it, split from it by scan_pieces, and is OCR_LOST_JOINED
 * of its height wide at least) lies a flat bar (as ocrline_minus_bar says, at most
 * OCR_LOST_WIDE of the digit's height wide and at least OCR_LOST_NARROW,
 * within OCR_LOST_GAP of it; a bar noise broke in two is two such) and no
 * other ink but specks within a word's height: comp[0..n-1], the ink's
 * boxes round the word (each left, top, right, bottom). A dash between
 * two numbers ("1-3") has a digit before it, "=" is two bars one over
 * the other, a leader's dashes stand further off: none is taken. Returns
 * the bar's index (the last), or -1. */
int ocrline_lost_minus(const int word[4], const int (*comp)[4], size_t n);

/* Whether marks Tesseract read before a number's first digit (digit:
 * its box) are a minus by their ink ("+—21 482", "—-—25 842", "~—6376":
 * a minus and a skewed table's rule beside a boxed number, read as
 * signs): comp[0..n-1], the pieces of ink in rect, the stretch from the
 * word's left to the digit (each left, top, right, bottom), hold one bar
 * that is a minus (ocrline_minus_bar) and nothing else but specks
 * (OCR_LOST_SPECK of the digit's height both ways) and rules (a piece
 * through the stretch's height or width, OCR_JUNK_RULE of the digit's
 * height thick at most). */
int ocrline_marks_minus(const int rect[4], const int digit[4], const int (*comp)[4], size_t n);

/* The ink of the digit Tesseract boxed as syms[at] (of its word's ns
 * symbols): the box round the pieces of comp[0..n-1] (each left, top,
 * right, bottom) whose middles lie in the symbol's columns (a thin
 * face's 7 at 200 dpi comes apart into its bar and its stem) into out;
 * -1 for none, or when another symbol's columns hold the middle of one
 * of those pieces or its own middle lies over them (a "287" read
 * "2871": 7 and 1 were read from the one 7's bar and stem). */
int ocrline_digit_ink(const int (*syms)[4], size_t ns, size_t at, const int (*comp)[4], size_t n, int out[4]);

/* The rows of a digit's piece q whose ink makes its top band and its
 * bottom band: OCR_SEVEN_BAND of its height, one row at least. */
int ocrline_seven_band(const int q[4]);

/* Whether the digit's ink q (left, top, right, bottom), read as 1, is
 * inked as a 7: the longest row of ink in its top band
 * (ocrline_seven_band) runs top pixels, in its bottom band bottom. A
 * 7's top is a bar across the glyph, OCR_SEVEN_BAR of its height and
 * more (0.58-0.70 in the faces seen), over a foot that is its stem's
 * end (under OCR_SEVEN_FOOT of the bar); a 1's top is its stem and the
 * start of its flag (0.18-0.43 of its height), its foot a stem or a
 * serif as wide or wider. Ink wider than OCR_SEVEN_WIDE of its height
 * is more than one digit; under OCR_SEVEN_MIN_PX high it has too few
 * rows to tell. */
int ocrline_seven(const int q[4], int top, int bottom);

/* Whether the n words of a line are set in a monospaced font: three or
 * more of three letters or more, each's width per letter within
 * OCR_MONO_SPREAD of their median (a typewriter's two spaces after a
 * colon or stop are then no cell's gap). */
int ocrline_monospaced(const struct doc_word *w, size_t n);

/* The pitch (points a letter) of the line w[0..n-1] when it is set in a
 * monospaced font (ocrline_monospaced): from one word's start to the
 * next's, over its letters and the space, agreeing within 3 % for two
 * pairs of words at least and for half of them (a column's wider gap, a
 * word read with a letter too many or too few, disagree). 0 when the
 * line gives none. */
float ocrline_pitch(const struct doc_word *w, size_t n);

/* Whether word i of w[0..n-1] is a piece of another word's glyph read
 * apart (the upper ring of a '%' read as "Oo", a Tesseract line of its
 * own over it): alone on its line, read under conf, lying for half its
 * width at least over a word of another line, which it touches or
 * crosses, that line twice its height at least. */
int ocrline_glyph_piece(const struct ocr_word *w, size_t n, size_t i, float conf);

/* Whether w, a segment of an OCR line by itself (split at cell-wide
 * gaps), is a speck OCR named as a mark: of marks only (. , : ; ' ` ~ =
 * _ ^ and quotes; no letter, digit or dash: a lone dash may be a table's
 * nil), its box lower than OCR_SPECK_LOW of the page's median word
 * height median_h (a '=' 0.7 points high between two rows of a table,
 * which it parted). */
int ocrline_speck(const struct doc_word *w, float median_h);

/* Whether w is ink drawn by hand (a signature, initials) that OCR read
 * as a word, on a page whose words are median_h points high: its box
 * OCR_HAND_TALL times that at least, its strokes thinner than
 * OCR_HAND_THIN of its height (print's stems are a tenth of a word's
 * height and more, a light LaTeX face's 0.09, bold 0.2; a pen's line
 * under a signature's loops 0.02-0.06), OCR_HAND_INKED of its rows
 * holding ink (a word of print whose box a speck or a table's rule
 * stretched leaves the rows between them empty: scan_inked_rows),
 * read under OCR_HAND_CONF (print is read surely). */
int ocrline_by_hand(const struct ocr_word *w, float median_h);

/* Whether w is a sign drawn across ("=", "-", "–", "—", "~", "_") whose
 * box stands upright, four times or more as high as it is wide: no such
 * sign is, so its ink is a speck or a sliver of a rule that OCR named
 * ("=" 0.9 points wide and 11.5 high beside a note's "3"). */
int ocrline_upright_sign(const struct ocr_word *w);

/* Where a line of words found in ink no word covered (f, its first
 * word) joins a line of the words read, w[0..n-1]: level with a read
 * word (middles within half its height, of its height within a half)
 * and after it within OCR_CONTINUE_GAP of its height, ending before
 * the next word of its line ("Sjöbotten" read, the "4" after it found;
 * "359" read, the "10" of "10 359" found), or before the first word of
 * a line so, *first then set. The index f goes to (the words from it on
 * move up), or -1 when it joins no line. */
long ocrline_joins(const struct ocr_word *w, size_t n, const struct ocr_word *f, int *first);

/* Whether the n words found in one stretch of uncovered ink hold too
 * little to be text on their own: fewer than two letters or digits
 * (a copier border's edge read "E", a speck read "i"). */
int ocrline_found_speck(const struct ocr_word *f, size_t n);

/* A word found in a stretch of uncovered ink (ink, points), read with a
 * margin round it, cut to the stretch: the margin holds the edges of
 * words read already, which Tesseract may take into its box (a found
 * "4" rose a third above its line, over the foot of the line above);
 * its rise above the baseline is cut with its top. 0 (w unchanged) when
 * w lies wholly outside the stretch: a reading of the margin's ink only. */
int ocrline_clip_found(struct ocr_word *w, const struct box *ink);

/* Whether word w's box runs over next, the word after it in its line,
 * by more than half w's height: next starts inside w, after w's start
 * (on a grey scan Tesseract boxed "kommunen" 160 points on, over the
 * three numbers after it, and the label took the table's columns). An
 * italic letter's overhang into the next word is no overrun. */
int ocrline_overruns(const struct ocr_word *w, const struct ocr_word *next);

/* Whether the pieces of ink p[0..n-1] (left, top, right, bottom, in
 * pixels) of a word's box stand in two rows or more, each at least half
 * of h (a line's height) high, blank rows between them: glyphs of lines
 * one above the other that Tesseract read as one word (a Not column's
 * 2, 3 and 4 read `BÖN`, a box three rows high that drew the rows' numbers
 * into one line). An accent, a ring, a dot or a descender is no row. */
int ocrline_stacked(const int (*p)[4], size_t n, int h);

/* Whether word i of w[0..n-1] (line_start marking each line's first),
 * read by a language after the first, may be Swedish letters that
 * language has no marks for: letters only (punctuation around them
 * aside), and a Swedish word of d when some of its a and o take their
 * marks ("laget", not "och"); no English word, unless a word beside it
 * on its line is plainly Swedish ("ROD: Vi har", the English model's
 * reading of a blurred "RÖD: Vi har"). Such words are read again by the
 * Swedish model alone. */
int ocrline_reread_candidate(const struct ocr_dict *d, const struct ocr_word *w, size_t n, size_t i);

/* Whether word i of w[0..n-1] (line_start marking each line's first)
 * stands where a row label's unit does and may be a '%' the first
 * language's model read as digits or '>' (one to three of them): in
 * brackets after a word ending in a letter ("Soliditet (3)",
 * "Räntekänslighet (96)"), or alone after a word ending in a letter and
 * a comma ("Soliditet, 20"); and the line ends after it or a number
 * follows (the row's values). Swedish's model reads a '%' of a
 * monospaced or small face so; the English model reads it right. */
int ocrline_percent_place(const struct ocr_word *w, size_t n, size_t i);

/* Whether again, another model's reading of such a word, is first with
 * its group read as '%': "(3)" and "(%)", "20" and "%". */
int ocrline_percent_read(const char *first, const char *again);

#endif
