/* test_ocrline: when a line OCR read again replaces the first reading.
 * The readings are Tesseract's own, from scans of the variation corpus
 * (words, confidences and boxes as it gave them). */
#include "testutil.h"

#include "../parsers/ocrfix.h"
#include "../parsers/ocrline.h"

#define W(t, c, x0, x1) { .text = (char *)(t), .conf = (c), .box = { (x0), 100, (x1), 110 } }

/* A row of numbers Tesseract read as noise on the page. */
static const struct ocr_word first[] = {
	W("Driftskostnader", 0.91f, 61, 144), W("SAFTA", 0.00f, 210, 238), W("-3:+286'-", 0.14f, 250, 300),
	W("8", 0.76f, 312, 316), W("635", 0.76f, 318, 330),
};

/* A row of numbers read as noise on the page, right alone. */
static void noise_read_right(void **state)
{
	static const struct ocr_word again[] = {
		W("Driftskostnader", 0.92f, 61, 144), W("-923", 0.72f, 210, 232), W("746", 0.93f, 236, 252),
		W("-286", 0.78f, 276, 300), W("863", 0.97f, 312, 330),
	};
	/* noise words between two numbers, not under a word of the second
	 * reading: none lost */
	static const struct ocr_word gaps[] = {
		W("Rantekostnader", 0.70f, 61, 144), W("och", 0.93f, 151, 168), W("liknande", 0.97f, 175, 221),
		W("17", 0.58f, 257, 267), W("FOOL", 0.24f, 275, 291), W("coal", 0.43f, 312, 329),
		W("jos", 0.47f, 322, 328), W("RAS", 0.02f, 329, 339), W("fo", 0.24f, 341, 345), W("KB", 0.10f, 347, 352),
	};
	static const struct ocr_word gaps_again[] = {
		W("Räntekostnader", 0.91f, 61, 144), W("och", 0.96f, 151, 168), W("liknande", 0.96f, 175, 221),
		W("17", 0.96f, 257, 267), W("861", 0.97f, 275, 291), W("-73", 0.83f, 312, 329), W("351", 0.97f, 336, 352),
	};

	assert_true(ocrline_doubted(first, N_ELEMS(first)));
	assert_true(ocrline_better(first, N_ELEMS(first), again, N_ELEMS(again)));
	assert_true(ocrline_doubted(gaps, N_ELEMS(gaps)));
	assert_true(ocrline_better(gaps, N_ELEMS(gaps), gaps_again, N_ELEMS(gaps_again)));
}

/* Lines not read again: no digit, or every word sure. */
static void not_doubted(void **state)
{
	static const struct ocr_word prose[] = {
		W("Verksamheten", 0.91f, 60, 120), W("hår", 0.31f, 124, 140), W("i", 0.95f, 144, 146),
	};
	static const struct ocr_word sure[] = {
		W("Lokalhyra", 0.95f, 60, 110), W("-63", 0.93f, 200, 215), W("393", 0.97f, 218, 235),
	};

	assert_false(ocrline_doubted(prose, N_ELEMS(prose)));
	assert_false(ocrline_doubted(sure, N_ELEMS(sure)));
}

/* Second readings that stay unused. */
static void kept_first(void **state)
{
	/* the label, read doubtfully, left out alone: surer, but a word lost */
	static const struct ocr_word label[] = {
		W("[Arvoden", 0.22f, 56, 93), W("-11", 0.93f, 265, 278), W("683", 0.97f, 282, 297),
		W("-84", 0.93f, 385, 399), W("060", 0.97f, 402, 418),
	};
	static const struct ocr_word label_again[] = {
		W("-11", 0.90f, 265, 278), W("683", 0.97f, 282, 297), W("-84", 0.92f, 385, 399), W("060", 0.97f, 402, 418),
	};
	/* part of the line read twice between a table's rules */
	static const struct ocr_word ruled[] = {
		W("Nettoomsattning", 0.92f, 60, 140), W("7565472)", 0.65f, 200, 240), W("2104835", 0.89f, 260, 295),
		W("1266782}", 0.02f, 310, 350), W("4110475", 0.97f, 370, 405),
	};
	static const struct ocr_word ruled_again[] = {
		W("Nettoomsättning", 0.96f, 60, 140), W("7565472", 0.93f, 200, 240), W("2104835", 0.81f, 260, 295),
		W("1266782", 0.81f, 310, 345), W("2104835", 0.92f, 262, 296), W("1266782", 0.88f, 311, 346),
		W("4110475", 0.97f, 370, 405),
	};
	/* not surer by enough */
	static const struct ocr_word close_again[] = {
		W("Driftskostnader", 0.91f, 61, 144), W("SAFTA", 0.05f, 210, 238), W("-3:+286'-", 0.30f, 250, 300),
		W("8", 0.80f, 312, 316), W("635", 0.80f, 318, 330),
	};
	/* surer, but most of the characters gone */
	static const struct ocr_word short_again[] = {
		W("Drift", 0.95f, 61, 144), W("-9", 0.95f, 210, 300), W("8", 0.95f, 305, 330),
	};

	assert_false(ocrline_better(label, N_ELEMS(label), label_again, N_ELEMS(label_again)));
	assert_false(ocrline_better(ruled, N_ELEMS(ruled), ruled_again, N_ELEMS(ruled_again)));
	assert_false(ocrline_better(first, N_ELEMS(first), close_again, N_ELEMS(close_again)));
	assert_false(ocrline_better(first, N_ELEMS(first), short_again, N_ELEMS(short_again)));
	assert_false(ocrline_better(first, N_ELEMS(first), NULL, 0));
}

/* Rows Tesseract parted: joined when on one row and a thousands space
 * apart, in either order Tesseract read them; not across a wide gap,
 * rows, or back over a line. */
static void rows_joined(void **state)
{
	struct doc_word w[12][4];
	struct doc_line l[12];
	static const float at[12][3] = {
		/* x0, x1, y0 of each line's one word */
		{ 56, 258, 100 },    /* "Summa eget kapital 4 098" */
		{ 265, 341, 100.5 }, /* "735 4 698 580", 7 points on: joined */
		{ 56, 140, 120 },    /* "Driftskostnader" */
		{ 300, 341, 120 },   /* a column 160 points on: not joined */
		{ 56, 120, 140 },
		{ 125, 160, 146 },   /* half a line lower: not joined */
		{ 56, 120, 160 },
		{ 100, 160, 160 },   /* starts inside the line before: not joined */
		{ 328.6f, 345.1f, 180 }, /* "000" of "32 248 000", read first */
		{ 286.6f, 321.4f, 180 }, /* "32 248", read after it: joined before it */
		{ 300, 341, 200 },
		{ 56, 140, 200 },    /* a label 160 points before, read after: not joined */
	};
	size_t n = 12;

	for (size_t i = 0; i < 12; i++) {
		memset(w[i], 0, sizeof(w[i]));
		w[i][0].text = "x";
		w[i][0].box = (struct box){ at[i][0], at[i][2], at[i][1], at[i][2] + 7.7f };
		l[i] = (struct doc_line){ .words = w[i], .nwords = 1 };
	}
	ocrline_join_rows(l, &n);
	assert_int_equal(n, 10);
	assert_int_equal(l[0].nwords, 2);
	assert_true(l[0].words[1].box.x0 == 265);
	assert_int_equal(l[7].nwords, 2);
	assert_true(l[7].words[0].box.x0 == 286.6f && l[7].words[1].box.x0 == 328.6f);
	for (size_t i = 1; i < n; i++)
		if (i != 7)
			assert_int_equal(l[i].nwords, 1);
}

/* A "~" or "=" before a digit that is a minus's flat bar (boxes as
 * Tesseract gave them on a bilevel 200 dpi scan: bar 4 high, 19 wide, at
 * the middle of a digit 29 high), and signs that are none. */
static void minus_bars(void **state)
{
	static const int digit[4] = { 120, 200, 137, 229 };
	static const int minus[4] = { 100, 212, 119, 216 }, thin_low[4] = { 100, 219, 119, 222 };
	static const int equals[4] = { 100, 209, 119, 220 }, tilde[4] = { 100, 210, 119, 218 };
	static const int overline[4] = { 100, 200, 119, 203 }, underscore[4] = { 100, 225, 119, 228 };
	static const int dot[4] = { 110, 212, 114, 216 };

	assert_true(ocrline_minus_bar(minus, digit));
	assert_true(ocrline_minus_bar(thin_low, digit));
	assert_false(ocrline_minus_bar(equals, digit));
	assert_false(ocrline_minus_bar(tilde, digit));
	assert_false(ocrline_minus_bar(overline, digit));
	assert_false(ocrline_minus_bar(underscore, digit));
	assert_false(ocrline_minus_bar(dot, digit));
}

/* Two signs Tesseract read before a number's first digit that are one
 * bar of ink: a groff scan's "–603 358" read "-—603 358" (boxes and the
 * ink's pieces as Tesseract and scan_pieces gave them at 300 dpi), and
 * two signs that are no one minus. */
static void one_bar(void **state)
{
	static const int digit[4] = { 1225, 1097, 1244, 1125 };
	static const int a[4] = { 1203, 1097, 1213, 1125 }, b[4] = { 1203, 1113, 1224, 1117 };
	static const int bar[][4] = { { 1203, 1114, 1224, 1117 } };
	static const int speck[][4] = { { 1203, 1114, 1224, 1117 }, { 1230, 1090, 1232, 1092 } };
	static const int two[][4] = { { 1203, 1114, 1211, 1117 }, { 1214, 1114, 1224, 1117 } };
	static const int b_apart[4] = { 1213, 1113, 1224, 1117 }, short_bar[][4] = { { 1203, 1114, 1212, 1117 } };
	static const int equals[][4] = { { 1203, 1108, 1224, 1111 }, { 1203, 1116, 1224, 1119 } };
	static const int tall[][4] = { { 1203, 1097, 1224, 1125 } }, high[][4] = { { 1203, 1097, 1224, 1100 } };

	assert_true(ocrline_one_bar(a, b, digit, bar, 1));
	assert_true(ocrline_one_bar(a, b, digit, speck, 2));
	assert_false(ocrline_one_bar(a, b, digit, bar, 0));          /* no ink */
	assert_false(ocrline_one_bar(a, b, digit, two, 2));          /* two dashes printed */
	assert_false(ocrline_one_bar(a, b, digit, equals, 2));       /* an "=": two bars */
	assert_false(ocrline_one_bar(a, b_apart, digit, short_bar, 1));   /* the bar under the first sign only */
	assert_false(ocrline_one_bar(a, b, digit, tall, 1));         /* no bar: ink as tall as the digit */
	assert_false(ocrline_one_bar(a, b, digit, high, 1));         /* a bar at the digit's top */
}

/* A minus Tesseract left out, found in the pieces of ink round a
 * number's word (pixels, as scan_pieces gave them on a 200 dpi scan of a
 * groff statement read at 300: "-594 377" read "594"), and ink before a
 * number that is no minus. */
static void lost_minus(void **state)
{
	static const int word[4] = { 1243, 1356, 1319, 1384 };
	static const int d1[4] = { 1264, 1357, 1282, 1385 }, d2[4] = { 1284, 1357, 1302, 1385 };
	static const int d3[4] = { 1304, 1357, 1324, 1384 }, bar[4] = { 1244, 1371, 1264, 1373 };
	static const int speck[4] = { 1230, 1360, 1232, 1362 }, digit_before[4] = { 1218, 1357, 1236, 1385 };
	static const int upper_bar[4] = { 1244, 1363, 1262, 1365 }, lower_bar[4] = { 1244, 1375, 1262, 1377 };
	static const int far_bar[4] = { 1230, 1371, 1248, 1373 }, top_bar[4] = { 1244, 1357, 1262, 1359 };
	static const int leader[4] = { 1222, 1371, 1238, 1373 };
	static const int wide_d1[4] = { 1264, 1357, 1300, 1385 }, dash_long[4] = { 1226, 1371, 1262, 1373 };
	const int found[][4] = { { bar[0], bar[1], bar[2], bar[3] }, { d1[0], d1[1], d1[2], d1[3] },
				 { d2[0], d2[1], d2[2], d2[3] }, { d3[0], d3[1], d3[2], d3[3] },
				 { speck[0], speck[1], speck[2], speck[3] } };
	int c[5][4];

	assert_int_equal(ocrline_lost_minus(word, found, 5), 0);   /* a speck aside */
	assert_int_equal(ocrline_lost_minus(word, found + 1, 3), -1);   /* no bar */
#define ROWS(a, b) (memcpy(c[0], a, sizeof(c[0])), memcpy(c[1], b, sizeof(c[1])), memcpy(c[2], d1, sizeof(c[2])))
	ROWS(digit_before, bar);   /* "1-594": a range */
	assert_int_equal(ocrline_lost_minus(word, (const int(*)[4])c, 3), -1);
	ROWS(upper_bar, lower_bar);   /* "=" */
	assert_int_equal(ocrline_lost_minus(word, (const int(*)[4])c, 3), -1);
	ROWS(far_bar, speck);   /* a bar 0.57 of a digit away */
	assert_int_equal(ocrline_lost_minus(word, (const int(*)[4])c, 3), -1);
	ROWS(top_bar, speck);   /* a bar over the digit's top */
	assert_int_equal(ocrline_lost_minus(word, (const int(*)[4])c, 3), -1);
	ROWS(leader, bar);   /* a leader's dashes up to the number */
	assert_int_equal(ocrline_lost_minus(word, (const int(*)[4])c, 3), -1);
	ROWS(dash_long, speck);   /* an em dash's width */
	assert_int_equal(ocrline_lost_minus(word, (const int(*)[4])c, 3), -1);
	memcpy(c[0], bar, sizeof(c[0]));   /* a bar apart from digits run together */
	c[0][2] -= 3;
	memcpy(c[1], wide_d1, sizeof(c[1]));
	assert_int_equal(ocrline_lost_minus(word, (const int(*)[4])c, 2), -1);
	memcpy(c[0], bar, sizeof(c[0]));   /* "+5" run together: the plus's arm is what stands before */
	c[0][0] = c[0][2] - 9;
	assert_int_equal(ocrline_lost_minus(word, (const int(*)[4])c, 2), -1);
	/* "−44 784" on a colour 300 dpi scan of a bold face: the minus
	 * touches the first 4, which a blur ran into the second (scan_pieces
	 * split the bar from them); wider ink than two digits is no number */
	static const int word44[4] = { 687, 728, 751, 756 };
	int joined[][4] = { { 688, 744, 708, 751 }, { 708, 728, 752, 757 }, { 766, 728, 771, 733 } };

	assert_int_equal(ocrline_lost_minus(word44, (const int(*)[4])joined, 3), 0);
	joined[1][2] = 708 + 72;
	assert_int_equal(ocrline_lost_minus(word44, (const int(*)[4])joined, 2), -1);
	/* a 4 (the word "474", colour 150 dpi) whose thin diagonal the scan
	 * lost: its crossbar's left end stands apart from its stem */
	static const int word4[4] = { 676, 1952, 737, 1981 };
	const int four[][4] = { { 677, 1969, 687, 1974 }, { 688, 1953, 697, 1980 }, { 699, 1953, 716, 1960 } };

	assert_int_equal(ocrline_lost_minus(word4, four, 3), -1);
	/* groff's "−137" at 200 dpi: the 1's flag hangs over the bar's
	 * end, two columns under it; a bar reaching half under the digit
	 * is no minus before it */
	static const int word1[4] = { 1536, 1149, 1618, 1175 };
	int one[][4] = { { 1551, 1149, 1569, 1176 }, { 1575, 1149, 1592, 1176 }, { 1601, 1150, 1614, 1176 },
			 { 1529, 1162, 1553, 1165 } };

	assert_int_equal(ocrline_lost_minus(word1, (const int(*)[4])one, 4), 3);
	one[3][2] = 1560;
	assert_int_equal(ocrline_lost_minus(word1, (const int(*)[4])one, 4), -1);
#undef ROWS
}

/* Marks read before a number that are a minus by the ink between the
 * word's left and its first digit (the stretch and digit of "+—21 482",
 * a boxed cell of a skewed colour 150 dpi scan, digits 30 pixels high). */
static void marks_minus(void **state)
{
	static const int rect[4] = { 857, 1939, 884, 1999 }, digit[4] = { 884, 1954, 904, 1984 };
	static const int bar[4] = { 860, 1967, 882, 1971 }, upright[4] = { 858, 1939, 861, 1999 };
	static const int across[4] = { 857, 1945, 884, 1948 }, speck[4] = { 870, 1990, 872, 1992 };
	static const int blob[4] = { 862, 1950, 880, 1985 }, bar2[4] = { 860, 1963, 882, 1966 };
	static const int thick[4] = { 858, 1939, 874, 1999 };
	int c[3][4];

	(void)state;
#define SAYS(n, ...) (memcpy(c, (const int[][4]){ __VA_ARGS__ }, sizeof(int[4]) * (n)), \
		      ocrline_marks_minus(rect, digit, (const int(*)[4])c, (n)))
#define B(x) { x[0], x[1], x[2], x[3] }
	assert_true(SAYS(1, B(bar)));                  /* a minus read "+—" */
	assert_true(SAYS(2, B(upright), B(bar)));      /* the cell's rule and a minus */
	assert_true(SAYS(3, B(across), B(speck), B(bar)));
	assert_false(SAYS(2, B(upright), B(speck)));   /* a rule read "#": no sign */
	assert_false(ocrline_marks_minus(rect, digit, (const int(*)[4])c, 0));   /* no ink: boxes astray */
	assert_false(SAYS(2, B(bar), B(bar2)));        /* two bars */
	assert_false(SAYS(1, B(blob)));                /* a sign as printed */
	assert_false(SAYS(2, B(blob), B(bar)));
	assert_false(SAYS(2, B(thick), B(bar)));       /* too thick for a rule */
#undef B
#undef SAYS
}

/* A 7 Tesseract read as 1 told by its ink (rows measured on the varied
 * scans and on tests/mkdigits.py's ten faces: 1s' top runs 0.18-0.43 of
 * their height over a foot as wide or wider, 7s' bars 0.58-0.70 over
 * their stems' ends, 0.06-0.38 of the bar). */
static void seven_by_ink(void **state)
{
	static const int chromium[4] = { 1270, 1473, 1289, 1502 };   /* "779 337", grey 200 dpi */
	static const int latin_modern[4] = { 1436, 2080, 1450, 2104 };   /* bar and stem apart */
	static const int serif1[4] = { 300, 40, 320, 68 }, flag1[4] = { 300, 40, 318, 70 };
	static const int sans1[4] = { 300, 40, 306, 62 }, two[4] = { 300, 40, 330, 68 }, tiny[4] = { 0, 0, 5, 7 };

	(void)state;
	assert_true(ocrline_seven(chromium, 19, 4));
	assert_true(ocrline_seven(latin_modern, 14, 2));
	assert_false(ocrline_seven(serif1, 8, 20));   /* a 1's flag over its foot serif */
	assert_false(ocrline_seven(flag1, 13, 17));   /* the longest flag seen, 0.43 */
	assert_false(ocrline_seven(sans1, 5, 5));     /* Liberation Sans: no foot, a short flag */
	assert_false(ocrline_seven(latin_modern, 10, 2));   /* a bar 0.42 of the height: a flag's length */
	assert_false(ocrline_seven(two, 28, 4));      /* wider than a digit: two run together */
	assert_false(ocrline_seven(tiny, 5, 1));      /* too few rows to tell */
	assert_int_equal(ocrline_seven_band(chromium), 4);
	assert_int_equal(ocrline_seven_band(tiny), 1);

	/* the digit's ink: the pieces whose middles lie in its symbol's
	 * columns, a neighbour's left out */
	const int syms[][4] = { { 10, 0, 25, 30 }, { 26, 0, 41, 30 } };
	const int comp[][4] = { { 27, 0, 40, 29 }, { 11, 1, 24, 4 }, { 13, 3, 19, 29 } };
	int q[4];

	assert_int_equal(ocrline_digit_ink(syms, 2, 0, comp, 3, q), 0);
	assert_int_equal(q[0], 11);
	assert_int_equal(q[1], 1);
	assert_int_equal(q[2], 24);
	assert_int_equal(q[3], 29);
	assert_int_equal(ocrline_digit_ink(syms, 2, 0, comp, 1, q), -1);
	/* "287" read "2871" (a latex scan): the 1's box lies over the 7's
	 * ink, the 7's middle in it */
	const int read4[][4] = { { 0, 0, 10, 20 }, { 11, 0, 19, 20 }, { 19, 0, 25, 20 }, { 24, 0, 30, 20 } };
	const int ink3[][4] = { { 1, 0, 10, 20 }, { 11, 0, 20, 20 }, { 21, 0, 30, 20 } };

	assert_int_equal(ocrline_digit_ink(read4, 4, 3, ink3, 3, q), -1);
	/* the latex scan's "2871" for "287": the 7's bar (split off as a
	 * lead by scan_pieces) under the 7's box and the 1's, its stem
	 * under the 1's */
	const int read2871[][4] = { { 1452, 1824, 1469, 1850 }, { 1479, 1824, 1494, 1851 }, { 1495, 1824, 1507, 1850 },
				    { 1503, 1825, 1519, 1850 } };
	const int ink287[][4] = { { 1452, 1824, 1469, 1850 }, { 1479, 1824, 1494, 1851 }, { 1503, 1825, 1511, 1829 },
				  { 1511, 1825, 1519, 1850 } };

	assert_int_equal(ocrline_digit_ink(read2871, 4, 3, ink287, 4, q), -1);
	assert_int_equal(ocrline_digit_ink(read4, 3, 2, ink3, 3, q), 0);   /* three read: each its own */
}

/* Monospaced lines told from proportional ones by width per letter
 * (boxes as Tesseract gave them). */
static void monospaced_lines(void **state)
{
	static const struct { const char *t; float x0, x1; } mono[] = {
		{ "Närvarande:", 57.1f, 120.2f }, { "Fatima", 134.9f, 169.4f }, { "Haddad,", 176.6f, 215.3f },
		{ "Elin", 224.4f, 247.2f }, { "Lindqvist,", 254.6f, 311.0f },
	}, prop[] = {
		{ "Lindqvist", 57, 98 }, { "Haddad", 104, 146 }, { "Mimmi", 152, 190 }, { "till", 196, 208 },
	};
	struct doc_word w[8];

	memset(w, 0, sizeof(w));
	for (size_t i = 0; i < N_ELEMS(mono); i++)
		w[i].text = (char *)mono[i].t, w[i].box = (struct box){ mono[i].x0, 100, mono[i].x1, 108 };
	assert_true(ocrline_monospaced(w, N_ELEMS(mono)));
	assert_false(ocrline_monospaced(w, 2));   /* too few words to tell */
	for (size_t i = 0; i < N_ELEMS(prop); i++)
		w[i].text = (char *)prop[i].t, w[i].box = (struct box){ prop[i].x0, 100, prop[i].x1, 108 };
	assert_false(ocrline_monospaced(w, N_ELEMS(prop)));
}

#define B(t, c, ls, x0, y0, x1, y1) { .text = (char *)(t), .conf = (c), .line_start = (ls), .box = { (x0), (y0), (x1), (y1) } }

/* A piece of a glyph Tesseract read apart, a line of its own, is known:
 * the upper ring of a '%' read "Oo" (as seen on a groff scan, boxes as
 * Tesseract gave them) over a line twice its height. Not: a word read
 * surely, one with other words on its line, one beside the line below
 * rather than over a word of it, one as tall as that line. */
static void glyph_pieces(void **state)
{
	const struct ocr_word seen[] = {
		B("kr/kvm", 0.93f, 0, 164.9f, 172.3f, 200.9f, 180.4f),
		B("Oo", 0.55f, 1, 158.9f, 183.6f, 162.0f, 186.5f),
		B("Räntekänslighet,", 0.43f, 1, 56.9f, 183.4f, 150.5f, 191.5f),
		B("%", 0.93f, 0, 159.6f, 185.8f, 164.6f, 190.1f),
	};
	struct ocr_word w[N_ELEMS(seen)];

	assert_true(ocrline_glyph_piece(seen, N_ELEMS(seen), 1, 0.6f));
	assert_false(ocrline_glyph_piece(seen, N_ELEMS(seen), 2, 0.6f));
	memcpy(w, seen, sizeof(w));
	w[1].conf = 0.8f;   /* read surely */
	assert_false(ocrline_glyph_piece(w, N_ELEMS(w), 1, 0.6f));
	memcpy(w, seen, sizeof(w));
	w[2].line_start = 0;   /* "Oo Räntekänslighet, %" one line */
	assert_false(ocrline_glyph_piece(w, N_ELEMS(w), 1, 0.6f));
	memcpy(w, seen, sizeof(w));
	w[1].box.x0 = 166, w[1].box.x1 = 169;   /* beside the '%', over nothing */
	assert_false(ocrline_glyph_piece(w, N_ELEMS(w), 1, 0.6f));
	memcpy(w, seen, sizeof(w));
	w[1].box.y0 = 180;   /* as tall as half the line */
	assert_false(ocrline_glyph_piece(w, N_ELEMS(w), 1, 0.6f));
}

/* A sign drawn across whose box stands upright is a speck or a rule's
 * sliver that OCR named (a scan's "=" 0.9 points wide and 11.5 high
 * beside a note's "3" joined it to the column after); a sign as wide as
 * it is drawn, a bar that is a letter ("|", "l", "1"), and a "~" under
 * four times as high as wide are not. */
static void upright_signs(void **state)
{
	const struct ocr_word yes[] = {
		B("=", 0.37f, 0, 310.1f, 184.3f, 311.0f, 195.8f),
		B("\xE2\x80\x94", 0.5f, 0, 10, 10, 10.8f, 20),
		B("-", 0.9f, 0, 10, 10, 11, 14),
		B("_", 0.9f, 0, 10, 10, 10, 12),
	}, no[] = {
		B("=", 0.9f, 0, 10, 10, 16, 13),
		B("-", 0.9f, 0, 10, 10, 14, 11),
		B("|", 0.4f, 0, 10, 10, 10.8f, 20),
		B("l", 0.4f, 0, 10, 10, 10.8f, 20),
		B("1", 0.4f, 0, 10, 10, 10.8f, 20),
		B("~", 0.4f, 0, 10, 10, 11, 13.9f),
		B("-5", 0.4f, 0, 10, 10, 11, 20),
		B("=", 0.4f, 0, 10, 10, 10, 10),
	};

	for (size_t i = 0; i < N_ELEMS(yes); i++)
		if (!ocrline_upright_sign(&yes[i]))
			fail_msg("row %zu: \"%s\" upright, not taken", i, yes[i].text);
	for (size_t i = 0; i < N_ELEMS(no); i++)
		if (ocrline_upright_sign(&no[i]))
			fail_msg("row %zu: \"%s\" taken", i, no[i].text);
}

/* A speck OCR named as a mark, a segment of its line by itself, low
 * against the page's words (9 points): the '=' 0.7 points high that
 * parted a scanned table, a '.', a '~', a '\u2019'. Not: a mark as tall
 * as 0.4 of a word, a dash (a table's nil), a letter, digit, '%' or
 * bullet, a mark beside a letter, a page with no median height. */
static void specks(void **state)
{
	const char *yes[] = { "=", ".", "~", ",.", "\xE2\x80\x99", "_" };
	const char *no[] = { "-", "\xE2\x80\x93", "\xE2\x80\x94", "a", "3", "%", "\xE2\x80\xA2", "=a", "" };
	struct doc_word w = { .text = (char *)"=", .box = { 356.4f, 466.6f, 361.0f, 467.3f } };

	assert_true(ocrline_speck(&w, 9));
	assert_false(ocrline_speck(&w, 0));
	for (size_t i = 0; i < N_ELEMS(yes); i++) {
		w.text = (char *)yes[i];
		if (!ocrline_speck(&w, 9))
			fail_msg("row %zu: \"%s\" not taken", i, yes[i]);
	}
	for (size_t i = 0; i < N_ELEMS(no); i++) {
		w.text = (char *)no[i];
		if (ocrline_speck(&w, 9))
			fail_msg("row %zu: \"%s\" taken", i, no[i]);
	}
	w.text = (char *)"=";
	w.box.y1 = w.box.y0 + 3.7f;   /* 0.4 of a word's height */
	assert_false(ocrline_speck(&w, 9));
}

#define H(t, c, y0, y1, sw, ink) { .text = (char *)(t), .conf = (c), .box = { 100, (y0), 200, (y1) }, \
					 .stroke = (sw), .inked = (ink) }

/* Strokes by hand read as a word, on a page of print 9.5 points high
 * (figures as measured on scans of signed minutes: "VANA" 48.5 points
 * high, strokes 0.90, read at 0.50; "MAN" 48.0, 1.41, 0.56; "NSC,"
 * 36.2, 1.27, 0.37; margin initials 24 points, a 1.3-point pen) are by
 * hand. Not: print at any size (a body word 9.4 high, strokes 1.23; a
 * light LaTeX face 9.1 and 0.80; a bold heading 13.2 and 2.72; a 30-point
 * title in a light face, 2.5), a print word whose box a speck stretched
 * to 28 points (its rows mostly empty), ink as tall and thin read surely
 * (0.95: Tesseract knew the word), the tall strokes of a thick felt pen
 * (2.44 of 37.7: as wide as print's), and anything on a page with no
 * print to measure by. */
static void by_hand(void **state)
{
	const struct ocr_word yes[] = {
		H("VANA", 0.50f, 238.1f, 286.6f, 0.90f, 0.97f),
		H("MAN", 0.56f, 194.4f, 242.4f, 1.41f, 0.95f),
		H("NSC,", 0.37f, 131.3f, 167.5f, 1.27f, 0.92f),
		H("ok", 0.62f, 400.0f, 424.0f, 1.30f, 0.88f),
	}, no[] = {
		H("Ordföranden", 0.96f, 73.7f, 83.1f, 1.23f, 0.95f),
		H("styrelsen", 0.97f, 667.2f, 676.3f, 0.80f, 0.9f),
		H("avslutande", 0.96f, 55.2f, 68.4f, 2.72f, 0.95f),
		H("Verksamhetsberättelse", 0.85f, 50.0f, 80.0f, 2.5f, 0.95f),
		H("Protokoll", 0.70f, 100.0f, 128.0f, 1.2f, 0.40f),
		H("Justeras", 0.95f, 100.0f, 140.0f, 1.2f, 0.95f),
		H("7", 0.40f, 244.3f, 282.0f, 2.44f, 0.95f),
	};

	for (size_t i = 0; i < N_ELEMS(yes); i++)
		if (!ocrline_by_hand(&yes[i], 9.5f))
			fail_msg("row %zu: \"%s\" by hand, not taken", i, yes[i].text);
	for (size_t i = 0; i < N_ELEMS(no); i++)
		if (ocrline_by_hand(&no[i], 9.5f))
			fail_msg("row %zu: \"%s\" taken", i, no[i].text);
	assert_false(ocrline_by_hand(&yes[0], 0));
}

/* Words found in ink no word covered: a "4" just after a read line's
 * last word joins that line after it, a "10" just before a line's first
 * word ("359") before it, a "§" between "1" and "Mötets" between them;
 * not one a column away, one far before the line, one a row off, one
 * twice the line's height, one running into the next word. A stretch
 * read "E" or "i" is a speck's reading, "3 816" and "42" are not. */
static void found_words(void **state)
{
	const struct ocr_word seen[] = {
		B("Bostadsrättsförenin-", 0.9f, 1, 57.6f, 57.1f, 535.7f, 72.2f),
		B("gen", 0.9f, 1, 57.1f, 70.3f, 80.0f, 83.3f),
		B("Sjöbotten", 0.9f, 0, 84.0f, 70.3f, 180.0f, 83.3f),
		B("1", 0.9f, 1, 57.0f, 120.0f, 62.0f, 130.0f),
		B("Mötets", 0.9f, 0, 80.0f, 120.0f, 120.0f, 130.0f),
		B("359", 0.9f, 1, 482.0f, 401.0f, 499.0f, 409.0f),
	};
	struct ocr_word f = B("4", 0.97f, 1, 191.5f, 70.3f, 199.0f, 80.6f);
	int first = -1;

	assert_int_equal(ocrline_joins(seen, N_ELEMS(seen), &f, &first), 3);
	assert_int_equal(first, 0);
	f.box = (struct box){ 466.0f, 401.0f, 477.0f, 409.0f };   /* "10" of "10 359" */
	assert_int_equal(ocrline_joins(seen, N_ELEMS(seen), &f, &first), 5);
	assert_int_equal(first, 1);
	f.box = (struct box){ 66.0f, 120.0f, 72.0f, 130.0f };   /* between "1" and "Mötets" */
	assert_int_equal(ocrline_joins(seen, N_ELEMS(seen), &f, &first), 4);
	assert_int_equal(first, 0);
	f.box = (struct box){ 66.0f, 120.0f, 85.0f, 130.0f };   /* running into "Mötets" */
	assert_int_equal(ocrline_joins(seen, N_ELEMS(seen), &f, &first), -1);
	f.box = (struct box){ 240.0f, 70.3f, 248.0f, 80.6f };   /* a column away */
	assert_int_equal(ocrline_joins(seen, N_ELEMS(seen), &f, &first), -1);
	f.box = (struct box){ 20.0f, 70.3f, 28.0f, 80.6f };   /* far before the line */
	assert_int_equal(ocrline_joins(seen, N_ELEMS(seen), &f, &first), -1);
	f.box = (struct box){ 191.5f, 82.0f, 199.0f, 92.0f };   /* a row off */
	assert_int_equal(ocrline_joins(seen, N_ELEMS(seen), &f, &first), -1);
	f.box = (struct box){ 185.0f, 60.0f, 215.0f, 93.0f };   /* twice the height */
	assert_int_equal(ocrline_joins(seen, N_ELEMS(seen), &f, &first), -1);

	const struct ocr_word e[] = { B("E", 0.78f, 1, 22, 464, 24, 470) }, i[] = { B("i", 0.89f, 1, 38, 826, 40, 842) };
	const struct ocr_word n[] = { B("3", 0.97f, 1, 630, 330, 636, 340), B("816", 0.97f, 0, 642, 330, 660, 340) };
	const struct ocr_word two[] = { B("42", 0.96f, 1, 230, 140, 240, 150) };

	assert_true(ocrline_found_speck(e, 1));
	assert_true(ocrline_found_speck(i, 1));
	assert_false(ocrline_found_speck(n, 2));
	assert_false(ocrline_found_speck(two, 1));
}

/* A word found in uncovered ink is cut to the stretch it was found in
 * (groff's bold title at 200 dpi: the "4" after "Sjöbotten" read with a
 * margin took the foot of the line above into its box, rising 13.7
 * points where its line's capitals rise 10.6, and the line was judged a
 * larger heading than its first). */
static void found_clipped(void **state)
{
	const struct box ink = { 191.5f, 70.3f, 199.0f, 80.6f };
	struct ocr_word f = B("4", 0.97f, 1, 188.2f, 67.0f, 199.0f, 80.6f);

	f.rise = 13.6f;
	assert_true(ocrline_clip_found(&f, &ink));
	assert_float_equal(f.box.y0, 70.3f, 0.01f);
	assert_float_equal(f.box.x0, 191.5f, 0.01f);
	assert_float_equal(f.rise, 10.3f, 0.01f);
	/* a word inside its stretch keeps its box and rise */
	f = (struct ocr_word)B("10", 0.9f, 1, 466.0f, 401.0f, 477.0f, 409.0f);
	f.rise = 8.0f;
	assert_true(ocrline_clip_found(&f, &(struct box){ 465.0f, 400.0f, 478.0f, 410.0f }));
	assert_float_equal(f.box.x0, 466.0f, 0.01f);
	assert_float_equal(f.box.y0, 401.0f, 0.01f);
	assert_float_equal(f.rise, 8.0f, 0.01f);
	/* a word read wholly in the margin is none of the stretch's */
	assert_false(ocrline_clip_found(&f, &(struct box){ 480.0f, 400.0f, 490.0f, 410.0f }));
}

/* A word's box that runs over the next word of its line (a grey latex
 * scan's "kommunen" boxed over the row's three numbers) is told; the
 * next word on a new line, or an italic letter's overhang, is none. */
static void overruns(void **state)
{
	const struct ocr_word label = B("kommunen", 0.92f, 0, 130.6f, 226.1f, 293.3f, 232.8f);
	const struct ocr_word number = B("597139", 0.96f, 0, 181.0f, 224.9f, 215.5f, 235.7f);
	const struct ocr_word below = B("Styrelsen", 0.96f, 1, 181.0f, 237.1f, 230.0f, 245.3f);
	const struct ocr_word italic = B("ekonomif", 0.9f, 0, 130.6f, 226.1f, 172.0f, 232.8f);
	const struct ocr_word after = B("och", 0.9f, 0, 170.5f, 226.1f, 190.0f, 232.8f);

	assert_true(ocrline_overruns(&label, &number));
	assert_false(ocrline_overruns(&label, &below));    /* a new line */
	assert_false(ocrline_overruns(&italic, &after));   /* 1.5 points over a word 6.7 high */
	assert_false(ocrline_overruns(&number, &label));   /* starting before it */
}

/* A word boxed over glyphs of rows one above the other (a Not column's
 * 2, 3 and 4, 200 dpi, rows 32 pixels apart: read `BÖN`) is told; a
 * heading's tall word, a word with a ring, dots or a descender, a colon
 * and an equals sign are none. Line height 20 pixels. */
static void stacked_rows(void **state)
{
	const int digits[3][4] = { { 10, 0, 22, 20 }, { 10, 32, 22, 52 }, { 10, 64, 22, 84 } };
	const int two[2][4] = { { 10, 0, 22, 10 }, { 10, 14, 22, 24 } };        /* two half-height rows */
	const int heading[3][4] = { { 0, 0, 30, 40 }, { 32, 8, 60, 40 }, { 62, 8, 90, 48 } };
	const int ring[2][4] = { { 8, 0, 16, 7 }, { 2, 9, 22, 29 } };            /* Å: ring over A */
	const int dots[3][4] = { { 4, 0, 8, 4 }, { 14, 0, 18, 4 }, { 2, 7, 22, 27 } };   /* Ö */
	const int colon[2][4] = { { 0, 6, 4, 10 }, { 0, 16, 4, 20 } };
	const int equals[2][4] = { { 0, 8, 14, 10 }, { 0, 14, 14, 16 } };
	const int low[2][4] = { { 0, 0, 14, 20 }, { 16, 6, 28, 26 } };          /* g below the line */

	(void)state;
	assert_true(ocrline_stacked(digits, 3, 20));
	assert_true(ocrline_stacked(digits + 1, 2, 20));
	assert_true(ocrline_stacked(two, 2, 20));
	assert_false(ocrline_stacked(digits, 1, 20));
	assert_false(ocrline_stacked(heading, 3, 20));
	assert_false(ocrline_stacked(ring, 2, 20));
	assert_false(ocrline_stacked(dots, 3, 20));
	assert_false(ocrline_stacked(colon, 2, 20));
	assert_false(ocrline_stacked(equals, 2, 20));
	assert_false(ocrline_stacked(low, 2, 20));
	assert_false(ocrline_stacked(NULL, 0, 20));
}

/* A row label's '%' read as digits by the Swedish model: where it may
 * stand, and which second reading takes it. */
static void percent_places(void **state)
{
	static const struct { const char *line[4]; size_t at; int yes; } rows[] = {
		{ { "Soliditet", "(3)", "95,3", "10,4" }, 1, 1 },
		{ { "Räntekänslighet", "(96)", "2,7" }, 1, 1 },
		{ { "Soliditet,", "20", "86,2" }, 1, 1 },
		{ { "Räntekänslighet,", ">" }, 1, 1 },            /* the line ends */
		{ { "Resultat", "(920)", "-12" }, 1, 1 },
		/* must not: after a number, a word follows (prose's "(3)"),
		 * no comma before a bare group, four digits, the line's first
		 * word, a comma after a number, letters in the group */
		{ { "12", "(3)", "95,3" }, 1, 0 },
		{ { "punkt", "(3)", "och" }, 1, 0 },
		{ { "år", "20", "personer" }, 1, 0 },
		{ { "år", "20", "12" }, 1, 0 },
		{ { "Resultat", "(1234)", "12" }, 1, 0 },
		{ { "(3)", "95,3" }, 0, 0 },
		{ { "2020,", "20", "12" }, 1, 0 },
		{ { "Soliditet", "(3a)", "12" }, 1, 0 },
		{ { "Soliditet", "(3", "12" }, 1, 0 },
	};

	(void)state;
	for (size_t r = 0; r < N_ELEMS(rows); r++) {
		struct ocr_word w[4] = { 0 };
		size_t n = 0;

		for (; n < 4 && rows[r].line[n]; n++)
			w[n].text = (char *)rows[r].line[n];
		w[0].line_start = 1;
		if (ocrline_percent_place(w, n, rows[r].at) != rows[r].yes)
			fail_msg("row %zu: %s", r, rows[r].yes ? "not taken" : "taken");
	}
	/* the line's first word after a word of the line before */
	{
		struct ocr_word w[3] = { { .text = "Soliditet,", .line_start = 1 }, { .text = "20", .line_start = 1 },
					 { .text = "86,2" } };

		assert_false(ocrline_percent_place(w, 3, 1));
	}
	assert_true(ocrline_percent_read("(3)", "(%)"));
	assert_true(ocrline_percent_read("20", "%"));
	assert_false(ocrline_percent_read("(3)", "(3)"));
	assert_false(ocrline_percent_read("(96)", "%"));
	assert_false(ocrline_percent_read("20", "2%"));
	assert_false(ocrline_percent_read("20", "(%)"));
}

/* Which words a later language read are read again by the Swedish
 * model: a word that takes marks to be Swedish, and an English word
 * only beside a plainly Swedish word of its line. */
static void reread_candidates(void **state)
{
	static const struct { const char *line[3]; size_t at; int other; int yes; } rows[] = {
		{ { "laget", "var", "bra" }, 0, 1, 1 },
		{ { "ROD:", "Vi", "har" }, 0, 1, 1 },            /* "rod" is English; "Vi" Swedish */
		{ { "ett", "hog", "pris" }, 1, 1, 1 },
		/* must not: read by the first language, no a or o to mark,
		 * no Swedish word when marked, an English word among English
		 * ones, the Swedish word on the line before, a digit */
		{ { "laget", "var", "bra" }, 0, 0, 0 },
		{ { "kvinnlig", "var", "bra" }, 0, 1, 0 },
		{ { "och", "var", "bra" }, 0, 1, 0 },
		{ { "a", "hog", "and" }, 1, 1, 0 },
		{ { "ROD", "Stewart", "sjunger" }, 0, 1, 0 },
		{ { "lag3t", "och", "bra" }, 0, 1, 0 },
	};
	struct ocr_dict *d = ocr_dict_load("/usr/share/dict/swedish", "/usr/share/dict/american-english");

	(void)state;
	assert_non_null(d);
	for (size_t r = 0; r < N_ELEMS(rows); r++) {
		struct ocr_word w[3] = { 0 };

		for (size_t k = 0; k < 3; k++)
			w[k] = (struct ocr_word){ .text = (char *)rows[r].line[k], .other_lang = rows[r].other };
		w[0].line_start = 1;
		if (ocrline_reread_candidate(d, w, 3, rows[r].at) != rows[r].yes)
			fail_msg("row %zu: %s", r, rows[r].yes ? "not taken" : "taken");
	}
	/* "Vi" begins the next line: not beside "ROD:" */
	{
		struct ocr_word w[2] = { { .text = "ROD:", .other_lang = 1, .line_start = 1 },
					 { .text = "Vi", .other_lang = 1, .line_start = 1 } };

		assert_false(ocrline_reread_candidate(d, w, 2, 0));
	}
	ocr_dict_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(noise_read_right),
		cmocka_unit_test(not_doubted),
		cmocka_unit_test(kept_first),
		cmocka_unit_test(rows_joined),
		cmocka_unit_test(minus_bars),
		cmocka_unit_test(one_bar),
		cmocka_unit_test(lost_minus),
		cmocka_unit_test(seven_by_ink),
		cmocka_unit_test(marks_minus),
		cmocka_unit_test(monospaced_lines),
		cmocka_unit_test(glyph_pieces),
		cmocka_unit_test(upright_signs),
		cmocka_unit_test(specks),
		cmocka_unit_test(found_words),
		cmocka_unit_test(by_hand),
		cmocka_unit_test(found_clipped),
		cmocka_unit_test(overruns),
		cmocka_unit_test(stacked_rows),
		cmocka_unit_test(percent_places),
		cmocka_unit_test(reread_candidates),
	};

	return cmocka_run_group_tests_name("OCR lines read again", tests, NULL, NULL);
}
