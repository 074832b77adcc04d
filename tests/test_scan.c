/* test_scan: a scanned page's rules taken out for OCR, and ink no word
 * covers found, on pages drawn here (300 dpi; letters drawn as an H of
 * 4-pixel strokes, 30 pixels high: 7 points). */
#include "testutil.h"

#include <math.h>

#include "../parsers/scan.h"

#define PW 1500
#define PH 1200
#define SCALE (300.0 / 72.0)

static uint32_t px[PW * PH];

static void clear(void)
{
	for (size_t i = 0; i < N_ELEMS(px); i++)
		px[i] = 0xFFFFFFFFu;
}

static void fill(int x0, int y0, int x1, int y1)
{
	for (int y = y0; y < y1; y++)
		for (int x = x0; x < x1; x++)
			px[y * PW + x] = 0xFF000000u;
}

/* A letter 18 wide and h high at (x, y). */
static void letter(int x, int y, int h)
{
	fill(x, y, x + 4, y + h);
	fill(x + 14, y, x + 18, y + h);
	fill(x, y + h / 2 - 2, x + 18, y + h / 2 + 2);
}

/* n letters in a row from x: a word, or words with a space every 5th. */
static void word(int x, int y, int n)
{
	for (int i = 0; i < n; i++)
		letter(x + i * 24 + (i / 5) * 12, y, 30);
}

static struct scan_page prepared(void)
{
	struct page_raster r = { .data = (const unsigned char *)px, .width = PW, .height = PH, .stride = PW * 4,
				 .scale = SCALE };
	struct scan_page sp;

	assert_int_equal(scan_prepare(scan_from_raster(&r), SCALE, &sp), 0);
	assert_int_equal(sp.turns, 0);
	return sp;
}

/* A table's rules go; letters, a letter touching a rule, a dash and a
 * tall capital stay. */
static void rules_whitened(void **state)
{
	struct scan_page sp;
	struct Pix *pic;
	long above, dash, tall;

	clear();
	word(100, 100, 15);
	fill(100, 200, 700, 203);        /* a rule across, 2 inches */
	word(100, 170, 10);              /* a row sitting on it */
	fill(720, 80, 723, 500);         /* a rule down, 1.4 inches */
	fill(100, 400, 160, 403);        /* a dash: 0.2 inch */
	fill(300, 380, 306, 480);        /* a tall capital I: 0.33 inch */
	word(100, 300, 20);
	sp = prepared();
	above = scan_ink(sp.flat, 100, 170, 350, 200);
	dash = scan_ink(sp.flat, 100, 400, 160, 403);
	tall = scan_ink(sp.flat, 300, 380, 306, 480);
	assert_non_null(pic = scan_unruled(&sp));
	assert_int_equal(scan_ink(pic, 400, 198, 700, 206), 0);    /* the rule, past the row */
	assert_int_equal(scan_ink(pic, 718, 250, 726, 500), 0);
	assert_true(scan_ink(pic, 100, 170, 350, 200) * 10 >= above * 9);   /* the row's letters */
	assert_int_equal(scan_ink(pic, 100, 400, 160, 403), dash);
	assert_int_equal(scan_ink(pic, 300, 380, 306, 480), tall);
	assert_int_equal(scan_ink(pic, 100, 100, 600, 130), scan_ink(sp.flat, 100, 100, 600, 130));
	scan_free(pic);
	scan_page_free(&sp);

	/* no rule: nothing to take out */
	clear();
	word(100, 100, 15);
	word(100, 160, 12);
	sp = prepared();
	assert_null(scan_unruled(&sp));
	scan_page_free(&sp);
}

/* Text no word box covers is found; covered text, a speck and a picture
 * are not. */
static void ink_uncovered(void **state)
{
	struct scan_page sp;
	int boxes[] = { 100, 100, 380, 30, 100, 160, 380, 30 }, out[4 * 8];
	size_t n;

	clear();
	word(100, 100, 15);
	word(100, 160, 15);
	word(1100, 100, 4);              /* a column Tesseract left out */
	word(1100, 160, 4);
	fill(700, 600, 702, 602);        /* a speck */
	fill(300, 700, 600, 1000);       /* a picture */
	sp = prepared();
	n = scan_uncovered(sp.flat, boxes, 2, 30, out, 8);
	assert_int_equal(n, 1);
	assert_true(out[0] <= 1100 && out[0] + out[2] >= 1190);
	assert_true(out[1] <= 100 && out[1] + out[3] >= 190);
	/* everything covered: nothing */
	int all[] = { 100, 100, 380, 30, 100, 160, 380, 30, 1100, 100, 90, 30, 1100, 160, 90, 30 };
	assert_int_equal(scan_uncovered(sp.flat, all, 4, 30, out, 8), 0);
	scan_page_free(&sp);
}

/* A page fed askew is levelled though a copier's dark border, level
 * whatever the page under it, frames it (a scan's border once made the
 * skew found 0.03 degrees for 0.77; here six short lines 1 degree askew
 * in a border 100 pixels wide were found level); a level page in such a
 * border stays. */
static void skew_inside_dark_border(void **state)
{
	for (int askew = 0; askew < 2; askew++) {
		struct scan_page sp;
		const double slope = askew ? tan(1.0 * M_PI / 180) : 0;

		clear();
		for (int row = 0; row < 6; row++)
			for (int i = 0; i < 20; i++) {
				int x = 120 + i * 24 + (i / 5) * 12;

				letter(x, 130 + row * 62 + (int)lround(x * slope), 30);
			}
		fill(0, 0, PW, 100);   /* the border: 100 pixels on every side */
		fill(0, PH - 100, PW, PH);
		fill(0, 0, 100, PH);
		fill(PW - 100, 0, PW, PH);
		sp = prepared();
		if (askew)
			assert_true(fabsf(sp.skew) > 0.7f && fabsf(sp.skew) < 1.3f);
		else
			assert_true(fabsf(sp.skew) < 0.1f);
		scan_page_free(&sp);
	}
}

/* A minus run into the digit after it is two pieces, the bar and the
 * digit; a letter whose crossbar reaches out to its left by less than a
 * quarter of its height stays one. */
static void bar_run_into_digit(void **state)
{
	struct scan_page sp;
	struct Pix *bin;
	int pieces[8][4];
	const int rect[4] = { 60, 80, 400, 160 };
	size_t n;

	clear();
	fill(100, 114, 118, 117);        /* a minus 18 wide, 3 high ... */
	letter(118, 100, 30);            /* ... touching a digit 30 high */
	fill(200, 124, 205, 127);        /* a crossbar's short end, 5 wide */
	letter(205, 100, 30);
	sp = prepared();
	assert_non_null(bin = scan_binary(&sp));
	n = scan_pieces(bin, rect, pieces, 8);
	assert_int_equal(n, 3);
	/* the bar: the first columns, its rows alone */
	assert_int_equal(pieces[0][0], 100);
	assert_int_equal(pieces[0][1], 114);
	assert_int_equal(pieces[0][3], 117);
	assert_int_equal(pieces[1][0], 118);
	assert_int_equal(pieces[1][3] - pieces[1][1], 30);
	assert_int_equal(pieces[2][0], 200);   /* the short end stays with its letter */
	/* a speck three pixels high (a quarter of it is no pixel) stays whole */
	clear();
	fill(100, 114, 104, 117);
	scan_free(bin);
	scan_page_free(&sp);
	sp = prepared();
	assert_non_null(bin = scan_binary(&sp));
	assert_int_equal(scan_pieces(bin, rect, pieces, 8), 1);
	assert_int_equal(pieces[0][1], 114);
	assert_int_equal(pieces[0][2] - pieces[0][0], 4);
	scan_free(bin);
	scan_page_free(&sp);
}

/* The rows of a word's box that hold ink: a word of print whose box
 * reaches down a table's rule beside it (OCR took the cell's edge in,
 * "IGENOMFÖRANDE") leaves most rows empty, the rule aside; a pen's loop
 * filling its box (a signature) leaves none. */
static void inked_rows(void **state)
{
	struct scan_page sp;
	struct Pix *bin;

	clear();
	word(100, 135, 5);               /* letters 30 high in a box 100 high ... */
	fill(96, 100, 99, 200);          /* ... a rule down its left edge */
	for (int a = 0; a < 720; a++) {  /* a loop 100 high, 4 pixels wide */
		int x = 400 + (int)(60 * cos(a * M_PI / 180) + 3 * a / 10.0), y = 150 + (int)(48 * sin(a * M_PI / 90));

		fill(x, y - 2, x + 4, y + 2);
	}
	sp = prepared();
	assert_non_null(bin = scan_binary(&sp));
	assert_true(scan_inked_rows(bin, 96, 100, 220, 200) < 0.4f);
	assert_true(scan_inked_rows(bin, 330, 100, 690, 200) > 0.9f);
	assert_true(scan_inked_rows(bin, 1400, 1100, 1450, 1150) == 0);
	scan_free(bin);
	scan_page_free(&sp);
}

static void paint(int x0, int y0, int x1, int y1, uint32_t rgb)
{
	for (int y = y0; y < y1; y++)
		for (int x = x0; x < x1; x++)
			px[y * PW + x] = 0xFF000000u | rgb;
}

static uint32_t raster_at(const struct page_raster *r, int x, int y)
{
	uint32_t c;

	memcpy(&c, r->data + (size_t)y * (size_t)r->stride + (size_t)x * 4, sizeof(c));
	return c & 0xFFFFFF;
}

static int grey_under(uint32_t c, int most)
{
	return (c >> 16 & 0xFF) == (c & 0xFF) && (c >> 8 & 0xFF) == (c & 0xFF) && (int)(c & 0xFF) < most;
}

/* A rule beside a rating's fill, which a colour scan tints with the
 * fill's hue (JPEG keeps colour at half the resolution), is ink in the
 * table finder's raster: grey and dark, as a rule beside white paper is
 * (a red rule's pixels read 150, 8, 8 where red is 250, 2, 2; the rules
 * of colour scans' rating tables broke into dashes and no grid was
 * found). The fills stay their colour: red, a dark green as dark as grey
 * ink (0, 150, 70), a yellow, and a thin red stroke on white paper. */
static void tinted_rules_are_ink(void **state)
{
	struct scan_page sp;
	struct page_raster r;

	clear();
	paint(100, 200, 700, 260, 0xFA0202);    /* red cell */
	paint(700, 200, 1300, 260, 0xFDC005);   /* yellow cell */
	paint(100, 400, 700, 460, 0x009646);    /* dark green cell */
	fill(100, 197, 1300, 200);              /* the rule above them, black */
	paint(100, 260, 700, 263, 0x960808);    /* below: tinted by each fill */
	paint(700, 260, 1300, 263, 0x907014);
	paint(699, 200, 702, 260, 0x960808);    /* between them */
	paint(100, 600, 700, 603, 0xFA0000);    /* a red stroke on white */
	sp = prepared();
	assert_int_equal(scan_table_raster(&sp, &r), 0);
	assert_true(grey_under(raster_at(&r, 400, 198), 170));   /* black rule */
	assert_true(grey_under(raster_at(&r, 400, 261), 170));   /* red-tinted rule */
	assert_true(grey_under(raster_at(&r, 1000, 261), 170));  /* yellow-tinted rule */
	assert_true(grey_under(raster_at(&r, 700, 230), 170));   /* between the fills */
	assert_int_equal(raster_at(&r, 400, 230), 0xFA0202);
	assert_int_equal(raster_at(&r, 1000, 230), 0xFDC005);
	assert_int_equal(raster_at(&r, 400, 430), 0x009646);
	assert_int_equal(raster_at(&r, 400, 601), 0xFA0000);
	free((void *)r.data);
	scan_page_free(&sp);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(rules_whitened),
		cmocka_unit_test(ink_uncovered),
		cmocka_unit_test(bar_run_into_digit),
		cmocka_unit_test(inked_rows),
		cmocka_unit_test(skew_inside_dark_border),
		cmocka_unit_test(tinted_rules_are_ink),
	};

	scan_init();
	return cmocka_run_group_tests_name("scanned pages: rules and lost ink", tests, NULL, NULL);
}
