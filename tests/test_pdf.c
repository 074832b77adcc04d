/* test_pdf: the PDF reader and layout on corpus documents made by
 * corpus/gen.py (LibreOffice), whose structure is known. */
#include "testutil.h"

#include <cairo-pdf.h>
#include <ctype.h>
#include <math.h>
#include <glib.h>
#include <leptonica/allheaders.h>
#include <poppler.h>

#include "../model/norm.h"
#include "../parsers/layout.h"
#include "../parsers/numcut.h"
#include "../parsers/ocr.h"
#include "../parsers/pdf.h"
#include "../parsers/page.h"
#include "../parsers/pdfdraw.h"
#include "../parsers/tables.h"
#include "../patterns/pat.h"

/* A line of words laid out from (text, x0, x1), glyphs 7 pt high, a
 * space after each but the last. */
static size_t line_of(struct doc_word *w, const char *const *text, const float *x, size_t n)
{
	for (size_t i = 0; i < n; i++)
		w[i] = (struct doc_word){ .text = text[i], .box = { x[2 * i], 100, x[2 * i + 1], 107 },
					  .space_after = i + 1 < n };
	return n;
}

/* Number columns set evenly after a label part where the gap is wider
 * than any thousands space (1.5 glyph heights), the label a cell of its
 * own: what OCR gives for a multi-year row whose every gap is a column's.
 * Numbers alone on a line (a chart's axis) at the same gaps stay whole,
 * and so does a grouped number at thousands spaces. */
static void number_columns_evenly_spaced(void **state)
{
	struct doc_word w[16];
	unsigned char cut[16];
	static const char *const row[] = { "Årsavgift", "per", "kvm", "995", "313", "417", "788" };
	static const float rx[] = { 73, 126, 134, 151, 158, 175, 208, 225, 258, 275, 308, 325, 358, 375 };
	static const char *const axis[] = { "20", "25", "30", "35" };
	static const float ax[] = { 73, 83, 116, 126, 159, 169, 202, 212 };
	static const char *const sum[] = { "Summa", "1", "234", "567" };
	static const float sx[] = { 73, 110, 112, 117, 119, 135, 137, 153 };
	size_t n;

	memset(cut, 0, sizeof(cut));
	n = line_of(w, row, rx, 7);
	numcut_line(w, n, cut);
	assert_int_equal(cut[0] + cut[1], 0);
	assert_true(cut[2] && cut[3] && cut[4] && cut[5]);
	/* the label's unit ends the label: the numbers after it still part from it */
	{
		static const char *const u[] = { "Nettoomsättning,", "tkr", "12", "553", "11", "450" };
		static const float ux[] = { 73, 140, 143, 153, 200, 210, 213, 230, 270, 280, 283, 300 };

		memset(cut, 0, sizeof(cut));
		n = line_of(w, u, ux, 6);
		numcut_line(w, n, cut);
		assert_true(cut[1] && cut[3]);
		assert_int_equal(cut[0] + cut[2] + cut[4], 0);
	}
	memset(cut, 0, sizeof(cut));
	n = line_of(w, axis, ax, 4);
	numcut_line(w, n, cut);
	assert_int_equal(cut[0] + cut[1] + cut[2], 0);
	memset(cut, 0, sizeof(cut));
	n = line_of(w, sum, sx, 4);
	numcut_line(w, n, cut);
	assert_int_equal(cut[0] + cut[1] + cut[2], 0);
}

/* A number with commas between thousands read by OCR with a space after
 * each comma is one word again on a line that writes another number so;
 * prose's "1, 234" and a wide gap stay apart. Word boxes 7 pt high. */
static void comma_groups_joined(void **state)
{
	struct doc_word w[8];
	struct doc_line l = { .words = w };
	struct arena *a = arena_new(4096);
	static const char *const row[] = { "Summa", "74,933,170", "80,", "584,", "237", "-814,", "866" };
	static const float rx[] = { 73, 100, 120, 160, 180, 190, 193, 203, 206, 216, 240, 265, 268, 280 };
	static const char *const prose[] = { "punkterna", "1,", "234", "och", "5" };
	static const float px[] = { 73, 110, 113, 119, 122, 140, 143, 158, 161, 166 };
	static const char *const wide[] = { "1,505,000", "80,", "584" };
	static const float wx[] = { 73, 110, 120, 130, 150, 165 };

	l.nwords = line_of(w, row, rx, 7);
	assert_int_equal(numcut_join_comma_groups(a, &l), 0);
	assert_int_equal(l.nwords, 4);
	assert_string_equal(w[2].text, "80,584,237");
	assert_true(w[2].box.x0 == 180 && w[2].box.x1 == 216);
	assert_string_equal(w[3].text, "-814,866");
	l.nwords = line_of(w, prose, px, 5);
	assert_int_equal(numcut_join_comma_groups(a, &l), 0);
	assert_int_equal(l.nwords, 5);
	l.nwords = line_of(w, wide, wx, 3);
	assert_int_equal(numcut_join_comma_groups(a, &l), 0);
	assert_int_equal(l.nwords, 3);
	arena_free(a);
}

/* An OCR line of two or three words: parted at a gap over a height
 * beside a number ("Resultat   337"), but a label wrapped in a narrow
 * justified cell ("kvm,   kr/kvm", 9 points between words 8 high) stays
 * one; words far apart (a field's label and value columns) part. A gap
 * about a letter of its words wide is a monospaced font's space. */
static void short_line_cuts(void **state)
{
	struct doc_word label[2] = { { .text = "kvm," }, { .text = "kr/kvm" } };
	struct doc_word row[2] = { { .text = "Resultat" }, { .text = "337" } };
	struct doc_word field[2] = { { .text = "Ordförande:" }, { .text = "Johan" } };

	assert_false(numcut_short_line_cut(label, 9.2f, 8));
	assert_true(numcut_short_line_cut(row, 9.2f, 8));
	assert_false(numcut_short_line_cut(row, 6, 8));
	assert_true(numcut_short_line_cut(field, 60, 8));

	/* a Courier title's space, a letter wide, over its ink's height */
	struct doc_word title[2] = { { .text = "Sjöbotten", .box = { 96.2f, 70.1f, 181.2f, 83.0f } },
				     { .text = "4", .box = { 191.5f, 70.3f, 199.0f, 80.6f } } };
	struct doc_word cells[2] = { { .text = "Resultat", .box = { 60, 100, 96, 108 } },
				     { .text = "337", .box = { 105.2f, 100, 118, 108 } } };

	assert_false(numcut_short_line_cut(title, 10.6f, 10.3f));
	assert_true(numcut_short_line_cut(title, 20, 10.3f));   /* two spaces: a column's gap */
	assert_true(numcut_short_line_cut(cells, 9.2f, 8));     /* letters 4.5 wide: a gap of two */
}

/* A short OCR line that is one number set with a typewriter's wide
 * thousands spaces (Courier's are 1.2 digit heights) stays one: a lead
 * of one to three digits, one or two groups of three, the gaps alike and
 * under 1.5 heights. Parted: gaps of columns, gaps unlike, a lead of four
 * digits (a year), a group of two or four, a lead that ends its number. */
static void spaced_numbers(void **state)
{
	static const struct { const char *a, *b, *c; float g1, g2; int one; } rows[] = {
		{ "12", "104", "000", 7.9f, 7.9f, 1 },
		{ "(1", "045", "279)", 7.7f, 8.2f, 1 },
		{ "-9", "373", "000", 8.1f, 7.9f, 1 },
		{ "12", "104", "000", 12, 12, 0 },     /* columns: over 1.5 heights */
		{ "12", "104", "000", 5, 8, 0 },       /* gaps unlike */
		{ "2023", "104", "000", 7.9f, 7.9f, 0 },
		{ "12", "10", "000", 7.9f, 7.9f, 0 },
		{ "12,5", "104", "000", 7.9f, 7.9f, 0 },
		{ "12", "104", "Tkr", 7.9f, 7.9f, 0 },
		{ "12", "104)", "000", 7.9f, 7.9f, 0 }, /* a bracket closed inside */
	};
	static const struct { const char *a, *b; float gap; int one; } pairs[] = {
		{ "924", "466", 8.4f, 1 }, { "(280", "045)", 8.0f, 1 },
		{ "924", "466", 11, 0 },               /* a column's gap */
		{ "2023", "466", 8.4f, 0 }, { "924", "4660", 8.4f, 0 }, { "924)", "466", 8.4f, 0 },
	};

	for (size_t i = 0; i < N_ELEMS(rows); i++) {
		struct doc_word w[3] = {
			{ .text = rows[i].a, .box = { 300, 100, 310, 106.7f } },
			{ .text = rows[i].b, .box = { 310 + rows[i].g1, 100, 326 + rows[i].g1, 106.7f } },
			{ .text = rows[i].c,
			  .box = { 326 + rows[i].g1 + rows[i].g2, 100, 342 + rows[i].g1 + rows[i].g2, 106.7f } },
		};

		if (numcut_spaced_number(w, 3, 6.7f) != rows[i].one)
			fail_msg("row %zu \"%s %s %s\": want %d", i, rows[i].a, rows[i].b, rows[i].c, rows[i].one);
	}
	for (size_t i = 0; i < N_ELEMS(pairs); i++) {
		struct doc_word w[2] = {
			{ .text = pairs[i].a, .box = { 300, 100, 316, 106.7f } },
			{ .text = pairs[i].b, .box = { 316 + pairs[i].gap, 100, 332 + pairs[i].gap, 106.7f } },
		};

		if (numcut_spaced_number(w, 2, 6.7f) != pairs[i].one)
			fail_msg("pair %zu \"%s %s\": want %d", i, pairs[i].a, pairs[i].b, pairs[i].one);
	}
}

/* Column headings that are periods, set one space apart (a typesetter
 * leaves no more between headings wider than their columns' numbers),
 * part into one cell each, the label before them one too; rows that
 * must stay whole: a range in two words, one date after a field name,
 * periods after a sentence, a year among words. */
static void period_headings_part(void **state)
{
	static const struct {
		const char *words[10];
		const char *cuts;   /* '1' where the line parts after a word */
	} rows[] = {
		{ { "2022-01-01-2022-12-31", "2021-01-01-2021-12-31" }, "1" },
		{ { "2022-01-01\xE2\x80\x93" "2022-12-31", "2021-01-01\xE2\x80\x93" "2021-12-31" }, "1" },
		{ { "Belopp", "i", "kr", "2022-12-31", "2021-12-31" }, "0011" },
		{ { "Not", "2022/2023", "2021/2022", "2020/21" }, "111" },
		{ { "2022-01-01", "-2022-12-31" }, "0" },
		{ { "Datum:", "2022-12-31" }, "0" },
		{ { "Styrelsen", "har", "under", "året", "haft", "två", "möten", "2021-03-01", "2021-09-01" }, "00000000" },
		{ { "Verksamhetsåret", "2022", "och", "2023" }, "000" },
		{ { "2022-13", "2021-12" }, "0" },
	};

	for (size_t i = 0; i < N_ELEMS(rows); i++) {
		struct doc_word w[10];
		unsigned char cut[10] = { 0 };
		float x[20];
		size_t n = 0;

		while (n < 10 && rows[i].words[n])
			n++;
		for (size_t k = 0; k < n; k++) {
			x[2 * k] = 73 + 60 * (float)k;
			x[2 * k + 1] = x[2 * k] + 57;   /* one space apart */
		}
		line_of(w, rows[i].words, x, n);
		numcut_line(w, n, cut);
		for (size_t k = 0; k + 1 < n; k++)
			if (cut[k] != (rows[i].cuts[k] == '1'))
				fail_msg("row %zu (%s ...): after word %zu cut %d, want %c", i, rows[i].words[0], k,
					 cut[k], rows[i].cuts[k]);
	}
}

static void headings_and_fields(void **state)
{
	struct doc *d = tu_read("corpus/seed000_tertialrapport.pdf");
	static const struct { const char *text; int level; } heads[] = {
		{ "TERTIALRAPPORT 2021", 1 }, { "Övergripande kommentarer", 2 },
		{ "Signifikanta resultat", 2 }, { "1. ÄNDAMÅL", 1 },
		{ "1.1 Amnesty Sverige bidrar till att stärka yttrande-, mötes- och föreningsfrihet globalt", 2 },
		{ "2. FINANSIERING & MOBILISERING", 1 }, { "2.2. Öka insamlade medel", 2 },
	};

	assert_int_equal(d->src.format, DOC_FMT_PDF);
	assert_string_equal(d->meta.title, "Tertialrapport T1 2021");
	assert_string_equal(d->meta.author, "Sekretariatet");
	assert_non_null(d->meta.format_version);
	assert_int_equal(d->npages, 3);
	assert_int_equal((int)(d->pages[0].width + 0.5f), 595);
	for (size_t i = 0; i < N_ELEMS(heads); i++) {
		const struct doc_block *b = tu_find(d, DOC_BLK_HEADING, heads[i].text);

		if (!b)
			fail_msg("heading \"%s\" not found", heads[i].text);
		if (b->level != heads[i].level)
			fail_msg("heading \"%s\": level %d, want %d", b->text, b->level, heads[i].level);
	}
	/* Header fields are one block a line, not one run-on paragraph. */
	assert_string_equal(tu_find(d, DOC_BLK_PARAGRAPH, "Till:")->text, "Till: Styrelsen");
	assert_string_equal(tu_find(d, DOC_BLK_PARAGRAPH, "Datum:")->text, "Datum: 2021-05-28");
	doc_free(d);
}

static void lists_words_and_joins(void **state)
{
	struct doc *d = tu_read("corpus/seed000_tertialrapport.pdf");
	const struct doc_block *b = tu_find(d, DOC_BLK_LIST_ITEM, "Qatar");
	const struct doc_word *w;

	assert_non_null(b);
	assert_string_equal(b->marker, "\xE2\x80\xA2");
	/* Two lines in the PDF, one item here. */
	assert_string_equal(b->text, "Aktionerna avseende migrantarbetares rättigheter i Qatar "
				     "lanserades 22 mars och har hittills resulterat i 2500 underskrifter.");
	assert_true(b->nlines == 2);
	/* A paragraph broken by the page break is one block again. */
	b = tu_find(d, DOC_BLK_PARAGRAPH, "snittet");
	assert_non_null(strstr(b->text, "där snittet legat på 22."));
	/* Words carry font, size and weight. */
	b = tu_find(d, DOC_BLK_HEADING, "TERTIALRAPPORT");
	w = &b->lines[0].words[0];
	assert_string_equal(w->text, "TERTIALRAPPORT");
	assert_true(w->flags & DOC_WORD_BOLD);
	assert_true(w->size > 15.0f && w->size < 17.0f);
	assert_non_null(w->font);
	assert_true(w->box.x1 > w->box.x0 && w->box.y1 > w->box.y0);
	/* Table cells the text layer runs together stay apart. */
	assert_null(tu_find(d, DOC_BLK_PARAGRAPH, "GENOMFÖRANDEEFFEKT"));
	assert_null(tu_find(d, DOC_BLK_PARAGRAPH, "Facebook95"));
	doc_free(d);
}

static void furniture(void **state)
{
	struct doc *d = tu_read("corpus/seed000_tertialrapport.pdf");
	int headers = 0, numbers = 0;

	for (size_t i = 0; i < d->nblocks; i++) {
		const struct doc_block *b = &d->blocks[i];

		if (strstr(b->text, "Amnesty Sverige – Tertialrapport T1 2021")) {
			assert_int_equal(b->furniture, DOC_FURN_HEADER);
			headers++;
		}
		if (strncmp(b->text, "Sida ", 5) == 0) {
			assert_int_equal(b->furniture, DOC_FURN_PAGE_NUMBER);
			numbers++;
		}
		if (b->furniture)
			assert_true(strstr(b->text, "Sida") || strstr(b->text, "Amnesty Sverige –"));
	}
	assert_int_equal(headers, 3);
	assert_int_equal(numbers, 3);
	doc_free(d);
}

static void footnotes(void **state)
{
	struct doc *d = tu_read("corpus/seed002_rapport.pdf");
	const struct doc_block *b;

	b = tu_find(d, DOC_BLK_FOOTNOTE, "Bland annat");
	assert_non_null(b);
	assert_int_equal(b->note, 1);
	assert_string_equal(b->text, "Bland annat följeforskning och enkätuppföljning genomförda "
				     "av RWI 2018 respektive 2020.");
	b = tu_find(d, DOC_BLK_FOOTNOTE, "MR-kommun");
	assert_int_equal(b->note, 2);
	assert_non_null(tu_find(d, DOC_BLK_FOOTNOTE, "Deltagarna utsågs"));
	/* The note number stays where it is printed, glued as printed. */
	assert_non_null(tu_find(d, DOC_BLK_PARAGRAPH, "enkätuppföljning1 som"));
	assert_non_null(tu_find(d, DOC_BLK_HEADING, "Kapitel 2. Om nätverket"));
	doc_free(d);
}

static void two_columns(void **state)
{
	struct doc *d = tu_read("corpus/twocol_nyhetsbrev.pdf");
	size_t paras = 0;

	for (size_t i = 0; i < d->nblocks; i++) {
		const struct doc_block *b = &d->blocks[i];

		if (b->type != DOC_BLK_PARAGRAPH || b->furniture)
			continue;
		paras++;
		/* Every paragraph is whole: four sentences, none cut at the
		 * column break, none merged with the next. */
		assert_int_equal(b->text[strlen(b->text) - 1], '.');
		assert_null(strstr(b->text, ". Samordningsförbunden arbetar med finansiell samordning mellan myndigheter och kommuner. Samordningsförbunden"));
	}
	assert_int_equal(paras, 10);
	doc_free(d);
}

static void page_range(void **state)
{
	struct doc_read_opts o = { .first_page = 3, .last_page = 4 };
	struct ex_error e = { 0 };
	struct doc *d = doc_new();

	assert_int_equal(ex_process_file(d, "corpus/long_verksamhetsberattelse.pdf", &o, &e), 0);
	assert_int_equal(d->npages, 2);
	assert_int_equal(d->pages[0].number, 3);
	for (size_t i = 0; i < d->nblocks; i++)
		assert_true(d->blocks[i].page == 3 || d->blocks[i].page == 4);
	assert_non_null(tu_find(d, DOC_BLK_HEADING, "Kapitel 2."));
	doc_free(d);
}

static const char *grid_text(const struct doc_table *t, int r, int c)
{
	for (size_t i = 0; i < t->ncells; i++)
		if (t->cells[i].row == r && t->cells[i].col == c)
			return t->cells[i].text;
	return "";
}

/* The first row of t whose cell in column c reads text; -1 if none. */
static int grid_row(const struct doc_table *t, int c, const char *text)
{
	for (int r = 0; r < t->nrows; r++)
		if (!strcmp(grid_text(t, r, c), text))
			return r;
	return -1;
}

/* Seed 000's tables from the PDF's layout have the cells the ODT has
 * exactly: same grid, same texts, same background colours. */
static void tables_match(const char *pdf, const char *odt)
{
	struct doc *p = tu_read(pdf);
	struct doc *o = tu_read(odt);

	assert_int_equal(p->ntables, o->ntables);
	for (size_t t = 0; t < o->ntables; t++) {
		const struct doc_table *a = &o->tables[t], *b = &p->tables[t];

		assert_string_equal(b->method, "lattice");
		assert_true(b->has_box);
		if (a->nrows != b->nrows || a->ncols != b->ncols)
			fail_msg("table %zu: %dx%d in the PDF, %dx%d in the ODT", t + 1, b->nrows, b->ncols,
				 a->nrows, a->ncols);
		assert_int_equal(a->header_rows, b->header_rows);
		for (int r = 0; r < a->nrows; r++)
			for (int c = 0; c < a->ncols; c++)
				if (strcmp(grid_text(a, r, c), grid_text(b, r, c)))
					fail_msg("table %zu cell %d,%d: \"%s\" in the PDF, \"%s\" in the ODT", t + 1, r,
						 c, grid_text(b, r, c), grid_text(a, r, c));
		for (size_t i = 0; i < a->ncells; i++) {
			const struct doc_cell *x = &a->cells[i];

			for (size_t k = 0; k < b->ncells; k++)
				if (b->cells[k].row == x->row && b->cells[k].col == x->col) {
					assert_int_equal(b->cells[k].has_bg, x->has_bg);
					/* Sampled from a render: within a few steps a channel. */
					for (int sh = 0; x->has_bg && sh < 24; sh += 8)
						assert_true(abs((int)((b->cells[k].bg >> sh) & 0xFF) -
								(int)((x->bg >> sh) & 0xFF)) <= 6);
				}
		}
		if (a->caption)
			assert_string_equal(b->caption, a->caption);
	}
	doc_free(p);
	doc_free(o);
}

static void ruled_tables_match_odt(void **state)
{
	tables_match("corpus/seed000_tertialrapport.pdf", "corpus/seed000_tertialrapport.odt");
	tables_match("corpus/seed003_utvardering.pdf", "corpus/seed003_utvardering.odt");
}

/* A PDF drawn here with cairo, whose rules are drawn the ways producers
 * draw them: each horizontal rule in short pieces, one vertical a little
 * askew, one as a flat curve. A white line across a row and a thick dark
 * bar are no rules; a green fill is a cell's background, exactly. */
static cairo_status_t to_string(void *closure, const unsigned char *data, unsigned int n)
{
	g_string_append_len(closure, (const char *)data, n);
	return CAIRO_STATUS_SUCCESS;
}

static const char *const drawn_text[3][3] = {
	{ "Mått", "T1", "T2" }, { "Intäkter", "1 200", "1 350" }, { "Kostnader", "900", "950" },
};

/* The table above, drawn on an A4 page; sideways: turned a quarter
 * clockwise, its text running down the page. */
static GString *drawn_table(int sideways)
{
	GString *pdf = g_string_new(NULL);
	cairo_surface_t *s = cairo_pdf_surface_create_for_stream(to_string, pdf, 595, 842);
	cairo_t *cr = cairo_create(s);

	if (sideways) {
		cairo_translate(cr, 595, 0);
		cairo_rotate(cr, G_PI / 2);
	}
	cairo_set_source_rgb(cr, 0, 0, 0);
	cairo_rectangle(cr, 60, 50, 360, 20);   /* a dark bar: thick, no rule */
	cairo_fill(cr);
	cairo_set_source_rgb(cr, 0, 0xb0 / 255.0, 0x50 / 255.0);
	cairo_rectangle(cr, 300.5, 130.5, 119, 29);
	cairo_fill(cr);
	cairo_set_source_rgb(cr, 0, 0, 0);
	cairo_set_line_width(cr, 0.5);
	for (int r = 0; r < 4; r++)   /* in pieces shorter than a rule */
		for (int x = 60; x < 420; x += 20) {
			cairo_move_to(cr, x, 100 + 30 * r);
			cairo_line_to(cr, x + 20, 100 + 30 * r);
			cairo_stroke(cr);
		}
	cairo_move_to(cr, 60, 100);
	cairo_line_to(cr, 60, 190);
	cairo_move_to(cr, 180, 100);
	cairo_line_to(cr, 180.6, 190);   /* askew */
	cairo_move_to(cr, 300, 100);
	cairo_curve_to(cr, 300, 130, 300, 160, 300, 190);   /* a flat curve */
	cairo_move_to(cr, 420, 100);
	cairo_line_to(cr, 420, 190);
	cairo_stroke(cr);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_move_to(cr, 60, 175);
	cairo_line_to(cr, 420, 175);   /* white: no rule */
	cairo_stroke(cr);
	cairo_set_source_rgb(cr, 0, 0, 0);
	cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
	cairo_set_font_size(cr, 10);
	for (int r = 0; r < 3; r++)
		for (int c = 0; c < 3; c++) {
			cairo_move_to(cr, 66 + 120 * c, 119 + 30 * r);
			cairo_show_text(cr, drawn_text[r][c]);
		}
	cairo_destroy(cr);
	cairo_surface_finish(s);
	cairo_surface_destroy(s);
	return pdf;
}

static void check_drawn(int sideways)
{
	GString *pdf = drawn_table(sideways);
	struct ex_error e = { 0 };
	struct doc *d = tu_read_buf(pdf->str, pdf->len, &e);

	assert_non_null(d);
	assert_int_equal(d->pages[0].rotation, sideways ? 90 : 0);
	assert_int_equal(d->ntables, 1);
	const struct doc_table *t = &d->tables[0];
	assert_string_equal(t->method, "lattice");
	assert_int_equal(t->nrows, 3);
	assert_int_equal(t->ncols, 3);
	for (int r = 0; r < 3; r++)
		for (int c = 0; c < 3; c++)
			assert_string_equal(grid_text(t, r, c), drawn_text[r][c]);
	for (size_t i = 0; i < t->ncells; i++) {
		const struct doc_cell *x = &t->cells[i];

		assert_int_equal(x->has_bg, x->row == 1 && x->col == 2);
		if (x->has_bg)
			assert_int_equal(x->bg, 0x00b050);
	}
	/* In the upright frame: where the table was drawn before turning. */
	assert_true(fabsf(t->box.x0 - 60) < 1.5f && fabsf(t->box.y0 - 100) < 1.5f);
	doc_free(d);
	g_string_free(pdf, TRUE);
}

static void drawn_rules(void **state)
{
	check_drawn(0);
}

/* A table set sideways (text running down the page) is read turned
 * upright: rotation 90, the same table. */
static void sideways_table(void **state)
{
	check_drawn(1);
}

/* A one-page PDF of w x h points turned by rotate whose content is
 * content (its own cross-reference table); with jpeg (n bytes, pw x ph
 * grey pixels, coded as filter says: DCTDecode, JPXDecode), the page has
 * it as the image /Im1. */
static GString *page_pdf(int w, int h, int rotate, const char *content, const unsigned char *jpeg, size_t n,
			 int pw, int ph, const char *filter)
{
	GString *pdf = g_string_new("%PDF-1.4\n");
	size_t off[5], objs = jpeg ? 5 : 4;

	off[0] = pdf->len;
	g_string_append(pdf, "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
	off[1] = pdf->len;
	g_string_append(pdf, "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n");
	off[2] = pdf->len;
	g_string_append_printf(pdf, "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Rotate %d "
			       "/Contents 4 0 R%s >>\nendobj\n", w, h, rotate,
			       jpeg ? " /Resources << /XObject << /Im1 5 0 R >> >>" : "");
	off[3] = pdf->len;
	g_string_append_printf(pdf, "4 0 obj\n<< /Length %zu >>\nstream\n%s\nendstream\nendobj\n", strlen(content),
			       content);
	if (jpeg) {
		off[4] = pdf->len;
		g_string_append_printf(pdf, "5 0 obj\n<< /Type /XObject /Subtype /Image /Width %d /Height %d "
				       "/ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /%s /Length %zu >>\n"
				       "stream\n", pw, ph, filter, n);
		g_string_append_len(pdf, (const char *)jpeg, (gssize)n);
		g_string_append(pdf, "\nendstream\nendobj\n");
	}
	size_t xref = pdf->len;

	g_string_append_printf(pdf, "xref\n0 %zu\n0000000000 65535 f \n", objs + 1);
	for (size_t i = 0; i < objs; i++)
		g_string_append_printf(pdf, "%010zu 00000 n \n", off[i]);
	g_string_append_printf(pdf, "trailer\n<< /Size %zu /Root 1 0 R >>\nstartxref\n%zu\n%%%%EOF\n", objs + 1, xref);
	return pdf;
}

static GString *plain_pdf(int w, int h, int rotate, const char *content)
{
	return page_pdf(w, h, rotate, content, NULL, 0, 0, 0, NULL);
}

/* Whether pixel (x, y) of ARGB32 rows (w x h) is dark; with near, or
 * one a pixel from it. */
static int dark_at(const unsigned char *data, int stride, int w, int h, int x, int y, int near)
{
	for (int dy = -near; dy <= near; dy++)
		for (int dx = -near; dx <= near; dx++) {
			int u = x + dx, v = y + dy;

			if (u < 0 || v < 0 || u >= w || v >= h)
				continue;
			uint32_t p = *(const uint32_t *)(data + (size_t)v * stride + 4 * (size_t)u);

			if ((p >> 16 & 255) + (p >> 8 & 255) + (p & 255) < 3 * 128)
				return 1;
		}
	return 0;
}

/* Page 0 of pdf rendered by Splash (pdf_draw_render, for pages drawing
 * vast images) and by poppler-glib's cairo render (every other OCR
 * render) at scale: the same size (within a pixel) and the same dark
 * pixels, but for edges (under 1 % of them dark in one render with no
 * dark pixel beside them in the other), so OCR's boxes map back to the
 * page alike; dark (if not NULL) is how many Splash's has. */
static void check_renders_agree(const GString *pdf, double scale, int *dark)
{
	GBytes *bytes = g_bytes_new_static(pdf->str, pdf->len);
	PopplerDocument *pd = poppler_document_new_from_bytes(bytes, NULL, NULL);   /* first: it makes poppler's globals */
	struct pdf_draw *d = pdf_draw_open(pdf->str, pdf->len, NULL);
	struct pdf_pixels px;
	double w, h;

	assert_non_null(d);
	assert_non_null(pd);
	PopplerPage *page = poppler_document_get_page(pd, 0);
	poppler_page_get_size(page, &w, &h);
	assert_int_equal(pdf_draw_render(d, 0, scale, &px), 0);
	assert_true(abs(px.width - (int)ceil(w * scale)) <= 1);   /* Splash rounds, cairo's render takes ceil */
	assert_true(abs(px.height - (int)ceil(h * scale)) <= 1);

	cairo_surface_t *surf = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, px.width, px.height);
	cairo_t *cr = cairo_create(surf);

	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	cairo_scale(cr, scale, scale);
	poppler_page_render(page, cr);
	cairo_destroy(cr);
	cairo_surface_flush(surf);

	const unsigned char *c = cairo_image_surface_get_data(surf);
	int cstride = cairo_image_surface_get_stride(surf), both = 0, differ = 0;

	const unsigned char *sp = (const unsigned char *)px.argb;
	int sw = 4 * px.width, n = 0;

	for (int y = 0; y < px.height; y++)
		for (int x = 0; x < px.width; x++) {
			int a = dark_at(sp, sw, px.width, px.height, x, y, 0), b = dark_at(c, cstride, px.width, px.height, x, y, 0);

			n += a;
			both += a && b;
			differ += (a && !dark_at(c, cstride, px.width, px.height, x, y, 1)) ||
				  (b && !dark_at(sp, sw, px.width, px.height, x, y, 1));
		}
	assert_true(both > 0);
	assert_true(differ * 100 < both);
	if (dark)
		*dark = n;
	cairo_surface_destroy(surf);
	free(px.argb);
	g_object_unref(page);
	g_object_unref(pd);
	g_bytes_unref(bytes);
	pdf_draw_close(d);
}

/* The render for pages drawing an image over the budget is the page as
 * OCR's usual render has it: a table with text, fills and rules; a page
 * turned by /Rotate (a bar in one corner of its media box, shown turned
 * a quarter), upright and turned the other ways. */
static void splash_render_as_cairo(void **state)
{
	GString *pdf = drawn_table(0);
	int dark[4];

	check_renders_agree(pdf, 150 / 72.0, NULL);
	g_string_free(pdf, TRUE);
	for (int turn = 0; turn < 4; turn++) {
		pdf = plain_pdf(200, 100, 90 * turn, "0 0 0 rg 10 10 60 20 re f");
		check_renders_agree(pdf, 1, &dark[turn]);
		assert_int_equal(dark[turn], 60 * 20);
		g_string_free(pdf, TRUE);
	}
}

/* Lines set word by word on an A4 page, 14 points apart with no
 * paragraph spacing, in one font at 10 points, a space's advance
 * between words, first_gap spaces after the first word. */
struct placed { const char *words[8]; double first_gap; };

static GString *placed_lines(const char *font, const struct placed *lines, size_t n, double pitch)
{
	GString *pdf = g_string_new(NULL);
	cairo_surface_t *s = cairo_pdf_surface_create_for_stream(to_string, pdf, 595, 842);
	cairo_t *cr = cairo_create(s);
	cairo_text_extents_t sp, te;

	cairo_select_font_face(cr, font, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
	cairo_set_font_size(cr, 10);
	cairo_text_extents(cr, " ", &sp);
	for (size_t i = 0; i < n; i++) {
		double x = 56;

		for (size_t k = 0; k < 8 && lines[i].words[k]; k++) {
			cairo_move_to(cr, x, 100 + pitch * (double)i);
			cairo_show_text(cr, lines[i].words[k]);
			cairo_text_extents(cr, lines[i].words[k], &te);
			x += te.x_advance + sp.x_advance * (k == 0 && lines[i].first_gap > 0 ? lines[i].first_gap : 1);
		}
	}
	cairo_destroy(cr);
	cairo_surface_finish(s);
	cairo_surface_destroy(s);
	return pdf;
}

static struct doc *read_placed_at(const char *font, const struct placed *lines, size_t n, double pitch)
{
	GString *pdf = placed_lines(font, lines, n, pitch);
	struct ex_error e = { 0 };
	struct doc *d = tu_read_buf(pdf->str, pdf->len, &e);

	g_string_free(pdf, TRUE);
	assert_non_null(d);
	return d;
}

static struct doc *read_placed(const char *font, const struct placed *lines, size_t n)
{
	return read_placed_at(font, lines, n, 12);
}

/* A page set at 1.5 lines with no space between paragraphs: a line that
 * runs to the right side and ends in a letter goes on in the next (its
 * pitch is the page's line spacing), a short line ending a sentence
 * ends its paragraph. At 12 points the same lines part only where the
 * sentence ends. */
static void wide_line_spacing(void **state)
{
	static const struct placed lines[] = {
		{ { "Enkäten", "skickades", "till", "120", "medlemmar", "och", "84", "svarade" }, 0 },
		{ { "i", "tid." }, 0 },
		{ { "Resultatet", "redovisas", "nedan." }, 0 },
	};

	for (int k = 0; k < 2; k++) {
		struct doc *d = read_placed_at("DejaVu Sans", lines, N_ELEMS(lines), k ? 12 : 15);

		assert_int_equal(d->nblocks, 2);
		assert_string_equal(d->blocks[0].text, "Enkäten skickades till 120 medlemmar och 84 svarade i tid.");
		doc_free(d);
	}
}

/* Agenda items one a line ("1 Stämmans öppnande", "§ 2 Val av ...")
 * set without paragraph spacing are blocks of their own, and an item's
 * line that was not wrapped ends the item (the paragraph under it is
 * its own); an item whose title wraps, and a paragraph whose wrapped
 * line starts with a number, stay whole; a caption's line that ends a
 * sentence ends the caption, a field line ("Antal tillfrågade: 158")
 * starts a block. In a monospaced font TeX sets
 * two spaces after "5.": the item's number stays on its line. */
static void numbered_lines(void **state)
{
	static const struct placed agenda[] = {
		{ { "1", "Stämmans", "öppnande" }, 0 }, { { "2", "Val", "av", "ordförande" }, 0 },
		{ { "3", "Val", "av", "justerare" }, 0 },
		{ { "Medlem", "får", "företrädas", "av", "ombud", "med", "fullmakt." }, 0 },
	};
	static const struct placed paras[] = {
		{ { "§", "4", "Val", "av", "ordförande", "och", "sekreterare", "för" }, 0 },
		{ { "mötet", "och", "av", "två" }, 0 },
		{ { "Under", "året", "köptes", "flera", "olika", "sorters", "nya", "och" }, 0 },
		{ { "3", "begagnade", "maskiner", "in." }, 0 },
	};
	static const struct placed figure[] = {
		{ { "Figur", "2:", "Har", "du", "deltagit", "i", "någon", "aktivitet?" }, 0 },
		{ { "Ja", "30%,", "nej", "70%." }, 0 },
	};
	static const struct placed field[] = {
		{ { "Enkäten", "genomfördes", "under", "hösten", "och", "frågorna", "gällde", "året" }, 0 },
		{ { "Antal", "tillfrågade:", "158" }, 0 },
	};
	static const struct placed mono[] = {
		{ { "5.", "Fastställande", "av", "dagordning" }, 2.05 },
		{ { "Mötet", "godkände", "dagordningen." }, 0 },
	};
	struct doc *d = read_placed("DejaVu Sans", agenda, N_ELEMS(agenda));
	const char *want[] = { "1 Stämmans öppnande", "2 Val av ordförande", "3 Val av justerare",
			       "Medlem får företrädas av ombud med fullmakt." };

	assert_int_equal(d->nblocks, N_ELEMS(want));
	for (size_t i = 0; i < N_ELEMS(want); i++)
		assert_string_equal(d->blocks[i].text, want[i]);
	doc_free(d);
	d = read_placed("DejaVu Sans", paras, N_ELEMS(paras));
	assert_int_equal(d->nblocks, 2);
	assert_string_equal(d->blocks[0].text, "§ 4 Val av ordförande och sekreterare för mötet och av två");
	assert_string_equal(d->blocks[1].text, "Under året köptes flera olika sorters nya och 3 begagnade maskiner in.");
	doc_free(d);
	d = read_placed("DejaVu Sans", figure, N_ELEMS(figure));   /* a caption that ends a sentence */
	assert_int_equal(d->nblocks, 2);
	assert_string_equal(d->blocks[1].text, "Ja 30%, nej 70%.");
	doc_free(d);
	d = read_placed("DejaVu Sans", field, N_ELEMS(field));   /* a field's label of two words */
	assert_int_equal(d->nblocks, 2);
	assert_string_equal(d->blocks[1].text, "Antal tillfrågade: 158");
	doc_free(d);
	d = read_placed("DejaVu Sans Mono", mono, N_ELEMS(mono));
	assert_int_equal(d->nblocks, 2);
	assert_non_null(d->blocks[0].marker);
	assert_string_equal(d->blocks[0].marker, "5.");
	assert_string_equal(d->blocks[0].text, "Fastställande av dagordning");
	doc_free(d);
}

/* Rules only between the columns and around the body: the rows are the
 * lines of names beside their numbers, one row each. */
/* The page drawn with cr on s finished, and pdf read. */
static struct doc *drawn_doc(cairo_t *cr, cairo_surface_t *s, GString *pdf, struct ex_error *e)
{
	cairo_destroy(cr);
	cairo_surface_finish(s);
	cairo_surface_destroy(s);
	return tu_read_buf(pdf->str, pdf->len, e);
}

/* A blank A4 page to draw on in face at size; drawn_page() reads it. */
static cairo_t *new_page(GString **pdf, const char *face, double size)
{
	cairo_t *cr;

	*pdf = g_string_new(NULL);
	cr = cairo_create(cairo_pdf_surface_create_for_stream(to_string, *pdf, 595, 842));
	cairo_select_font_face(cr, face, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
	cairo_set_font_size(cr, size);
	return cr;
}

/* The page new_page() gave, finished and read. */
static struct doc *drawn_page(cairo_t *cr, GString *pdf, struct ex_error *e)
{
	cairo_surface_t *s = cairo_surface_reference(cairo_get_target(cr));
	struct doc *d = drawn_doc(cr, s, pdf, e);

	cairo_surface_destroy(s);
	return d;
}

/* Two borderless tables of a survey, each under its caption, set one
 * under the other with no more room than between rows: a caption line
 * ("Diagram 2: ...") ends the table above it and heads the next. */
static void caption_parts_tables(void **state)
{
	static const char *const lines[][2] = {
		{ "Svarsalternativ", "Andel" }, { "Mycket nöjd", "45 %" }, { "Ganska nöjd", "30 %" },
		{ "Inte nöjd", "25 %" }, { "Diagram 2: Hur trygg känner du dig?", NULL },
		{ "Svarsalternativ", "Andel" }, { "Trygg", "70 %" }, { "Otrygg", "30 %" },
	};
	GString *pdf;
	cairo_t *cr = new_page(&pdf, "DejaVu Sans", 10);
	struct ex_error e = { 0 };
	struct doc *d;

	for (size_t r = 0; r < N_ELEMS(lines); r++)
		for (int c = 0; c < 2; c++) {
			cairo_text_extents_t x;

			if (!lines[r][c])
				continue;
			cairo_text_extents(cr, lines[r][c], &x);
			cairo_move_to(cr, c == 0 ? 60 : 330 - x.x_advance, 100 + 14 * (double)r);
			cairo_show_text(cr, lines[r][c]);
		}
	d = drawn_page(cr, pdf, &e);
	assert_non_null(d);
	assert_int_equal(d->ntables, 2);
	assert_string_equal(grid_text(&d->tables[0], d->tables[0].nrows - 1, 0), "Inte nöjd");
	assert_string_equal(grid_text(&d->tables[1], d->tables[1].nrows - 1, 1), "30 %");
	doc_free(d);
}

/* A survey's table of means on its 1–5 scale: each question's mean
 * with the column compared beside it; a table of counts and shares
 * further down gives none (numbers off the scale, or no decimal). */
static void survey_means(void **state)
{
	static const char *const lines[][3] = {
		{ "Fråga", "Vår förening", "Alla föreningar" }, { "Trivsel", "4,2", "3,9" },
		{ "Information", "3,8", "4,0" }, { "Lokaler", "2,5", "3,1" }, { NULL, NULL, NULL },
		{ NULL, NULL, NULL }, { NULL, NULL, NULL }, { NULL, NULL, NULL }, { "Svar", "Antal", "Andel" }, { "Ja", "12", "35 %" }, { "Nej", "22", "65 %" },
	};
	GString *pdf;
	cairo_t *cr = new_page(&pdf, "DejaVu Sans", 10);
	struct ex_error e = { 0 };
	struct doc *d;

	cairo_move_to(cr, 60, 60);
	cairo_show_text(cr, "Medlemsenkät 2024");
	cairo_move_to(cr, 60, 80);
	cairo_show_text(cr, "Svarsfrekvensen blev 70 %. Svaren gavs på en skala 1–5.");
	for (size_t r = 0; r < N_ELEMS(lines); r++)
		for (int c = 0; c < 3; c++) {
			cairo_text_extents_t x;

			if (!lines[r][c])
				continue;
			cairo_text_extents(cr, lines[r][c], &x);
			cairo_move_to(cr, c == 0 ? 60 : 230 + 100 * c - x.x_advance, 120 + 14 * (double)r);
			cairo_show_text(cr, lines[r][c]);
		}
	d = drawn_page(cr, pdf, &e);
	assert_non_null(d);
	assert_string_equal(d->type, "evaluation");
	assert_int_equal(d->survey.nmeans, 3);
	assert_string_equal(d->survey.means[0].question, "Trivsel");
	assert_string_equal(d->survey.means[0].column, "Vår förening");
	assert_true(d->survey.means[0].value == 4.2);
	assert_int_equal(d->survey.means[0].ncompare, 1);
	assert_string_equal(d->survey.means[0].compare[0].column, "Alla föreningar");
	assert_true(d->survey.means[2].compare[0].value == 3.1);
	doc_free(d);
}

/* Footnotes set in three columns of prose, URLs on lines of their own
 * and notes' numbers set apart left of their lines, are no table; three columns
 * of short cells (names, roles, places) are one. */
static void prose_columns(void **state)
{
	static const char *const notes[][3] = {
		{ "groups may not be statistically significant.", "", "For the definition of activities of daily" },
		{ "S2601A. Characteristics of the Group", "All comparative statements have undergone",
		  "living and instrumental activities of" },
		{ "Quarters Population in the United States,", "statistical testing and are significant at the",
		  "daily living, see Figure 1 or the" },
		{ "<factfinder2.census.gov/bkmk/table/1.0/en>", "90 percent confidence level unless otherwise",
		  "section on need for assistance" },
		{ "/ACS/10_1YR/S2601A>.", "noted.", "on page 9." },
	};
	static const char *const people[][3] = {
		{ "Namn", "Roll", "Ort" }, { "Anna Berg", "ordförande", "Umeå" }, { "Per Ek", "kassör", "Luleå" },
		{ "Eva Lind", "sekreterare", "Kiruna" },
	};
	for (int k = 0; k < 2; k++) {
		GString *pdf;
		cairo_t *cr = new_page(&pdf, "DejaVu Sans", 7);
		struct ex_error e = { 0 };
		struct doc *d;
		size_t n = k ? N_ELEMS(people) : N_ELEMS(notes);

		for (size_t r = 0; r < n; r++)
			for (int c = 0; c < 3; c++) {
				const char *t = k ? people[r][c] : notes[r][c];

				cairo_move_to(cr, 60 + 190 * c, 100 + 9 * (double)r);
				cairo_show_text(cr, t);
				if (!k && r == 1 && c < 2) {   /* notes' numbers apart, left of their lines */
					cairo_move_to(cr, 50 + 190 * c, 100 + 9 * (double)r);
					cairo_show_text(cr, c ? "10" : "8");
				}
			}
		d = drawn_page(cr, pdf, &e);
		assert_non_null(d);
		assert_int_equal(d->ntables, k ? 1 : 0);
		doc_free(d);
	}
}

/* A borderless table of four columns whose groups are headed by lines
 * of their own, one group's first row holding a single value ("Läsning
 * (TVIP)   NA" under "Spanska") and its next a label with none: one
 * table, the group headings rows of it. Under a blank line, a heading over a row of two cells that holds
 * no number ("E-post   info@ekbacken.se") is no part of it. */
static void group_over_short_row(void **state)
{
	static const char *const lines[][4] = {
		{ "Mått", "2021", "2022", "2023" }, { "Språk", NULL, NULL, NULL },
		{ "Ordförråd", "0,16", "0,21", "0,30" }, { "Läsning", "0,31", "NA", "0,12" },
		{ "Spanska", NULL, NULL, NULL }, { "Läsning (TVIP)", NULL, NULL, "NA" },
		{ "Identifikation av bokstäver och ord", NULL, NULL, NULL }, { "Matematik", NULL, NULL, NULL },
		{ "Räkning", "0,25", "0,11", "NA" }, { "Problemlösning", "0,09", "0,14", "0,20" },
		{ NULL, NULL, NULL, NULL }, { NULL, NULL, NULL, NULL }, { "Kontakt", NULL, NULL, NULL },
		{ "E-post", NULL, NULL, "info@ekbacken.se" },
	};
	GString *pdf;
	cairo_t *cr = new_page(&pdf, "DejaVu Sans", 10);
	struct ex_error e = { 0 };
	struct doc *d;

	for (size_t r = 0; r < N_ELEMS(lines); r++)
		for (int c = 0; c < 4; c++) {
			cairo_text_extents_t x;
			/* group headings and the header flush left, rows set in;
			 * the values smaller, as a statistics table sets them */
			int group = c == 0 && lines[r][c] && r != 2 && r != 3 && r != 5 && r != 6 && r != 8 && r != 9 &&
				    r != 13;

			if (!lines[r][c])
				continue;
			cairo_set_font_size(cr, c ? 7 : 10);
			cairo_text_extents(cr, lines[r][c], &x);
			cairo_move_to(cr, c == 0 ? (group ? 60 : 69) : 250 + 80 * c - x.x_advance, 100 + 14 * (double)r);
			cairo_show_text(cr, lines[r][c]);
		}
	d = drawn_page(cr, pdf, &e);
	assert_non_null(d);
	assert_int_equal(d->ntables, 1);
	assert_int_equal(d->tables[0].nrows, 10);
	assert_string_equal(grid_text(&d->tables[0], 9, 0), "Problemlösning");
	doc_free(d);
}

/* A ruled grid whose last rows are set below its last rule ("2008",
 * "Total"): one table of all its rows. A table further down, under a
 * gap of several rows, stays a table of its own. */
static void rows_below_grid(void **state)
{
	static const char *const cells[][3] = {
		{ "År", "Rån", "Inbrott" }, { "2005", "5 432", "37 800" }, { "2006", "4 921", "35 124" },
		{ "2007", "4 985", "33 010" }, { "2008", "4 562", "31 851" }, { "Totalt", "19 900", "137 785" },
	};
	GString *pdf;
	cairo_t *cr = new_page(&pdf, "DejaVu Sans", 10);
	struct ex_error e = { 0 };
	struct doc *d;

	cairo_set_line_width(cr, 0.5);
	for (int r = 0; r <= 4; r++) {   /* rules around the first four rows only */
		cairo_move_to(cr, 60, 100 + 18 * r);
		cairo_line_to(cr, 360, 100 + 18 * r);
	}
	for (int c = 0; c <= 3; c++) {
		cairo_move_to(cr, 60 + 100 * c, 100);
		cairo_line_to(cr, 60 + 100 * c, 172);
	}
	cairo_stroke(cr);
	for (size_t r = 0; r < N_ELEMS(cells); r++)
		for (int c = 0; c < 3; c++) {
			cairo_text_extents_t x;

			cairo_text_extents(cr, cells[r][c], &x);
			cairo_move_to(cr, c == 0 ? 65 : 155 + 100 * c - x.x_advance, 113 + 18 * (double)r);
			cairo_show_text(cr, cells[r][c]);
			/* the same table again far below: a table of its own */
			cairo_move_to(cr, c == 0 ? 65 : 155 + 100 * c - x.x_advance, 400 + 18 * (double)r);
			cairo_show_text(cr, cells[r][c]);
		}
	d = drawn_page(cr, pdf, &e);
	assert_non_null(d);
	assert_int_equal(d->ntables, 2);
	assert_int_equal(d->tables[0].nrows, 6);
	assert_string_equal(grid_text(&d->tables[0], 5, 0), "Totalt");
	assert_string_equal(grid_text(&d->tables[0], 5, 2), "137 785");
	doc_free(d);
}

/* A borderless statement whose labels wrap: a label's second line
 * starting small ("kapital") belongs to the row above it; a first line
 * whose numbers stand on its second line belongs to the row below it. A
 * group header ("Rörelsens intäkter", capitalised) stays a row. */
static void wrapped_labels(void **state)
{
	static const char *const lines[][3] = {
		{ "", "2023", "2022" },
		{ "Likvida medel", "347 907", "391 302" },
		{ "Summa eget", "4 808 296", "2 023 094" },
		{ "kapital", NULL, NULL },
		{ "Avskrivningar av", NULL, NULL },
		{ "materiella tillgångar", "-110 630", "-937 839" },
		{ "Rörelsens intäkter", NULL, NULL },
		{ "Årsavgifter", "1 298 300", "1 204 500" },
	};
	static const char *const want[] = { "Likvida medel", "Summa eget kapital",
					    "Avskrivningar av materiella tillgångar", "Rörelsens intäkter",
					    "Årsavgifter" };
	GString *pdf;
	cairo_t *cr = new_page(&pdf, "DejaVu Sans", 10);
	struct ex_error e = { 0 };
	struct doc *d;
	for (size_t r = 0; r < sizeof(lines) / sizeof(lines[0]); r++)
		for (int c = 0; c < 3; c++) {
			cairo_text_extents_t x;

			if (!lines[r][c])
				continue;
			cairo_text_extents(cr, lines[r][c], &x);
			/* labels at the left, numbers right-aligned at 330 and 430 */
			cairo_move_to(cr, c == 0 ? 60 : 230 + 100 * c - x.x_advance, 100 + 14 * (double)r);
			cairo_show_text(cr, lines[r][c]);
		}
	d = drawn_page(cr, pdf, &e);
	assert_non_null(d);
	assert_int_equal(d->ntables, 1);
	const struct doc_table *t = &d->tables[0];
	assert_int_equal(t->nrows, 6);
	for (int r = 1; r < 6; r++)
		assert_string_equal(grid_text(t, r, 0), want[r - 1]);
	assert_string_equal(grid_text(t, 2, 1), "4 808 296");
	assert_string_equal(grid_text(t, 3, 2), "-937 839");
	assert_string_equal(grid_text(t, 4, 1), "");
	doc_free(d);
	g_string_free(pdf, TRUE);
}

/* A number wrapped in a narrow cell, as a browser prints it ("-1 005"
 * over "343", right-aligned, a line apart: closer than rows are) is read
 * whole, in a row and after a table's last row. Not joined: a labelled
 * row of three-digit numbers a line under another, digits under a
 * decimal number, digits not ending where the number above ends, amounts
 * stacked with no label. */
static void wrapped_numbers(void **state)
{
	static const struct { const char *text; int col; double y; } lines[] = {
		{ "2023", 1, 100 }, { "2022", 2, 100 },
		{ "Likvida medel", 0, 116 }, { "347 907", 1, 116 }, { "391 302", 2, 116 },
		{ "Räntor", 0, 127 }, { "343", 1, 127 }, { "528", 2, 127 },
		{ "Driftskostnader", 0, 143 }, { "-1 005", 1, 143 }, { "343", 1, 154 }, { "-796 833", 2, 143 },
		{ "Snitt per lägenhet", 0, 175 }, { "12,5", 1, 175 }, { "500", 1, 186 }, { "11,9", 2, 175 },
		{ "Medlemmar", 0, 202 }, { "1 200", 1, 202 }, { "300", 3, 213 }, { "1 150", 2, 202 },
		{ "Summa eget kapital", 0, 229 }, { "8 750 155", 1, 229 }, { "10 359", 2, 229 }, { "528", 2, 240 },
		{ "Avskrivningar", 0, 256 }, { "\xE2\x80\x93" "2 310", 1, 256 }, { "417", 1, 267 }, { "-2 044", 2, 256 },
		{ "Reserver", 0, 283 }, { "\xE2\x80\x93", 2, 283 }, { "250", 2, 294 },   /* a dash for none */
		{ "5 400", 2, 340 }, { "300", 2, 351 },   /* amounts stacked with no label: two */
	};
	GString *pdf;
	cairo_t *cr = new_page(&pdf, "DejaVu Sans", 10);
	struct ex_error e = { 0 };
	struct doc *d;

	for (size_t i = 0; i < sizeof(lines) / sizeof(lines[0]); i++) {
		cairo_text_extents_t x;

		cairo_text_extents(cr, lines[i].text, &x);
		/* labels at the left, numbers right-aligned at 330 and 430 (col 3: 20 points short of 330) */
		cairo_move_to(cr, lines[i].col == 0 ? 60 : lines[i].col == 3 ? 310 - x.x_advance :
			      230 + 100 * lines[i].col - x.x_advance, lines[i].y);
		cairo_show_text(cr, lines[i].text);
	}
	d = drawn_page(cr, pdf, &e);
	assert_non_null(d);
	assert_int_equal(d->ntables, 1);
	const struct doc_table *t = &d->tables[0];
	int r;

	assert_true((r = grid_row(t, 0, "Driftskostnader")) > 0);
	assert_string_equal(grid_text(t, r, 1), "-1 005 343");
	assert_string_equal(grid_text(t, r, 2), "-796 833");
	assert_true((r = grid_row(t, 0, "Summa eget kapital")) > 0);
	assert_string_equal(grid_text(t, r, 2), "10 359 528");
	assert_true((r = grid_row(t, 0, "Avskrivningar")) > 0);
	assert_string_equal(grid_text(t, r, 1), "\xE2\x80\x93" "2 310 417");   /* an en dash for its minus */
	assert_true((r = grid_row(t, 0, "Reserver")) > 0);
	assert_string_equal(grid_text(t, r, 2), "\xE2\x80\x93");
	assert_true((r = grid_row(t, 0, "Räntor")) > 0);
	assert_string_equal(grid_text(t, r, 1), "343");
	assert_string_equal(grid_text(t, r, 2), "528");
	assert_true((r = grid_row(t, 0, "Snitt per lägenhet")) > 0);
	assert_string_equal(grid_text(t, r, 1), "12,5");
	assert_true((r = grid_row(t, 0, "Medlemmar")) > 0);
	assert_string_equal(grid_text(t, r, 1), "1 200");
	for (size_t i = 0; i < d->nblocks; i++)   /* (a paragraph's text joins its lines: its lines tell) */
		for (size_t k = 0; k < d->blocks[i].nlines; k++) {
			const struct doc_line *l = &d->blocks[i].lines[k];

			assert_false(l->nwords == 3 && !strcmp(l->words[0].text, "5") && !strcmp(l->words[2].text, "300"));
		}
	doc_free(d);
	g_string_free(pdf, TRUE);
}

/* leaders: each label followed by leader dots ("Austria . . . . ."),
 * which make no running text of it. */
static void check_rows_between_rules(int leaders)
{
	static const char *const name[] = { "Land", "Austria", "Belgium", "Bulgaria", "Croatia", "Cyprus" };
	static const char *const num[] = { "Svar", "77", "159", "52", "144", "43" };
	GString *pdf = g_string_new(NULL);
	cairo_surface_t *s = cairo_pdf_surface_create_for_stream(to_string, pdf, 595, 842);
	cairo_t *cr = cairo_create(s);
	struct ex_error e = { 0 };

	cairo_set_line_width(cr, 0.5);
	for (int k = 0; k < 3; k++) {   /* top, under the header, bottom */
		int y = k == 0 ? 100 : k == 1 ? 118 : 200;

		cairo_move_to(cr, 60, y);
		cairo_line_to(cr, 340, y);
	}
	for (int x = 60; x <= 340; x += 140) {
		cairo_move_to(cr, x, 100);
		cairo_line_to(cr, x, 200);
	}
	cairo_stroke(cr);
	cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
	cairo_set_font_size(cr, 10);
	for (int r = 0; r < 6; r++) {
		double y = r == 0 ? 113 : 132 + 14 * (r - 1);

		cairo_move_to(cr, 66, y);
		cairo_show_text(cr, name[r]);
		if (leaders && r > 0)
			cairo_show_text(cr, " . . . . . . . .");
		cairo_move_to(cr, 206, y);
		cairo_show_text(cr, num[r]);
	}
	struct doc *d = drawn_doc(cr, s, pdf, &e);
	assert_non_null(d);
	assert_int_equal(d->ntables, 1);
	assert_int_equal(d->tables[0].nrows, 6);
	assert_int_equal(d->tables[0].ncols, 2);
	for (int r = 0; r < 6; r++) {
		assert_int_equal(strncmp(grid_text(&d->tables[0], r, 0), name[r], strlen(name[r])), 0);
		assert_string_equal(grid_text(&d->tables[0], r, 1), num[r]);
	}
	doc_free(d);
	g_string_free(pdf, TRUE);
}

/* Right-aligned text ending at x. */
static void show_right(cairo_t *cr, double x, double y, const char *t)
{
	cairo_text_extents_t ex;

	cairo_text_extents(cr, t, &ex);
	cairo_move_to(cr, x - ex.x_advance, y);
	cairo_show_text(cr, t);
}

/* A grid with rules only around its header and between its columns,
 * its rows under groups' headings in the label column ("Samtliga
 * (N=4 667):", "Treåringar" over their rows): a row for each heading and
 * each row of numbers. wrapped: a label goes on in a line of its own
 * ("(exkl. moms)"), which is no row. */
static void check_group_headings_between_rules(int wrapped)
{
	static const char *const rows[][3] = {
		{ "Samtliga (N=4 667):", NULL, NULL }, { "Treåringar", NULL, NULL },
		{ "Förskolegrupp", "1 251", "219" }, { "Kontrollgrupp", "260", "1 237" },
		{ "Fyraåringar", NULL, NULL }, { "Förskolegrupp", "1 032", "261" },
		{ "Kontrollgrupp", "183", "1 124" },
	};
	GString *pdf;
	cairo_t *cr = new_page(&pdf, "DejaVu Sans", 10);
	struct ex_error e = { 0 };
	double y = 132;

	cairo_set_line_width(cr, 0.5);
	for (int k = 0; k < 3; k++) {   /* top, under the header, bottom */
		cairo_move_to(cr, 60, k == 0 ? 100 : k == 1 ? 118 : 250);
		cairo_line_to(cr, 480, k == 0 ? 100 : k == 1 ? 118 : 250);
	}
	for (int x = 60; x <= 480; x += 140) {
		cairo_move_to(cr, x, 100);
		cairo_line_to(cr, x, 250);
	}
	cairo_stroke(cr);
	cairo_move_to(cr, 66, 113);
	cairo_show_text(cr, "Grupp");
	show_right(cr, 270, 113, "Deltog");
	show_right(cr, 410, 113, "Deltog ej");
	for (size_t r = 0; r < N_ELEMS(rows); r++, y += 14) {
		cairo_move_to(cr, rows[r][1] ? 80 : 66, y);
		cairo_show_text(cr, rows[r][0]);
		if (rows[r][1]) {
			show_right(cr, 270, y, rows[r][1]);
			show_right(cr, 410, y, rows[r][2]);
		}
		if (wrapped && r == 3) {
			y += 14;
			cairo_move_to(cr, 80, y);
			cairo_show_text(cr, "(exkl. moms)");
		}
	}
	struct doc *d = drawn_page(cr, pdf, &e);

	assert_non_null(d);
	assert_int_equal(d->ntables, 1);
	const struct doc_table *t = &d->tables[0];

	for (int r = 0; r < t->nrows; r++)
		assert_string_not_equal(grid_text(t, r, 0), "(exkl. moms)");
	if (!wrapped) {
		assert_int_equal(t->nrows, 8);
		assert_string_equal(grid_text(t, 2, 0), "Treåringar");
		assert_string_equal(grid_text(t, 2, 1), "");
		assert_string_equal(grid_text(t, 4, 0), "Kontrollgrupp");
		assert_string_equal(grid_text(t, 4, 2), "1 237");
		assert_string_equal(grid_text(t, 7, 1), "183");
	}
	doc_free(d);
	g_string_free(pdf, TRUE);
}

static void group_headings_between_rules(void **state)
{
	check_group_headings_between_rules(0);
	check_group_headings_between_rules(1);
}

static void rows_between_rules(void **state)
{
	check_rows_between_rules(0);
	check_rows_between_rules(1);
}

/* A balance sheet as accounts print it: column headings once ("Belopp i
 * kr | Not | 2020-12-31 | 2019-12-31"), then group headings that split
 * the rows into tables; the document says its amounts are in kronor.
 * Page 2 has rows with no headings above them: they get no period. */
static void statement_headings(void **state)
{
	static const char *const rows[][4] = {
		{ "Byggnader och mark", "1", "53 000 000", "51 000 000" },
		{ "Inventarier", "2", "125 000", "150 000" },
		{ "Summa anläggningstillgångar", "", "53 125 000", "51 150 000" },
		{ "Kassa och bank", "", "336 546", "412 000" },
		{ "Övriga fordringar", "3", "1 330", "2 000" },
		{ "Summa omsättningstillgångar", "", "337 876", "414 000" },
	};
	GString *pdf = g_string_new(NULL);
	cairo_surface_t *s = cairo_pdf_surface_create_for_stream(to_string, pdf, 595, 842);
	cairo_t *cr = cairo_create(s);
	struct ex_error e = { 0 };
	double y = 180;

	cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
	cairo_set_font_size(cr, 10);
	cairo_move_to(cr, 60, 60);
	cairo_show_text(cr, "Alla belopp redovisas i kronor om inget annat anges.");
	cairo_move_to(cr, 60, 130);
	cairo_show_text(cr, "Belopp i kr");
	cairo_move_to(cr, 320, 130);
	cairo_show_text(cr, "Not");
	show_right(cr, 440, 130, "2020-12-31");
	show_right(cr, 530, 130, "2019-12-31");
	for (int r = 0; r < 6; r++, y += 16) {
		if (r == 0 || r == 3) {
			cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
			cairo_set_font_size(cr, 12);
			cairo_move_to(cr, 60, y);
			cairo_show_text(cr, r == 0 ? "Anläggningstillgångar" : "Omsättningstillgångar");
			cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
			cairo_set_font_size(cr, 10);
			y += 24;
		}
		cairo_move_to(cr, 60, y);
		cairo_show_text(cr, rows[r][0]);
		cairo_move_to(cr, 322, y);
		cairo_show_text(cr, rows[r][1]);
		show_right(cr, 440, y, rows[r][2]);
		show_right(cr, 530, y, rows[r][3]);
	}
	cairo_show_page(cr);
	for (int r = 0; r < 3; r++) {
		cairo_move_to(cr, 60, 100 + 16 * r);
		cairo_show_text(cr, rows[r][0]);
		show_right(cr, 440, 100 + 16 * r, rows[r][2]);
		show_right(cr, 530, 100 + 16 * r, rows[r][3]);
	}
	struct doc *d = drawn_doc(cr, s, pdf, &e);
	size_t seen = 0;

	assert_non_null(d);
	for (size_t i = 0; i < d->nvalues; i++) {
		const struct doc_value *v = &d->values[i];

		if (!v->label || v->prov.page != 1 || !strcmp(v->method, "prose"))
			continue;
		seen++;
		assert_string_equal(v->unit, "SEK");
		assert_non_null(v->period.end);
		assert_null(v->period.start);   /* a balance date, an instant */
		if (!strcmp(v->label, "Byggnader och mark")) {
			assert_int_equal(v->note, 1);
			assert_string_equal(v->period.end, v->value == 53000000 ? "2020-12-31" : "2019-12-31");
		}
		if (!strcmp(v->label, "Kassa och bank"))
			assert_int_equal(v->note, 0);
		assert_false(v->value == 1 || v->value == 2 || v->value == 3);   /* notes are no values */
	}
	assert_int_equal(seen, 12);
	for (size_t i = 0; i < d->nvalues; i++)
		if (d->values[i].prov.page == 2)
			assert_null(d->values[i].period.label);   /* no headings above: no period */
	doc_free(d);
	g_string_free(pdf, TRUE);
}

/* Number columns set closer than the line's word gaps, drawn here with
 * cairo as three small tables of right-aligned figures (DejaVu's digits
 * are all one width, so the columns line up): the Swedish number grammar
 * parts "6 178 6 262" (one space between the columns, as between the
 * groups) and "1 298 300 kr 1 204 500 kr" (a unit word ends a number);
 * a gap twice the narrowest parts "247 218 204   192 368 450", whose
 * groups could be one number. An account number that ends a label
 * stays whole, and no value is a merged one (2.47e17). */
static void close_number_columns(void **state)
{
	static const struct { const char *label, *nums, *more; double a, b; } rows[] = {
		{ "Avgifter", "6 178 6 262", NULL, 6178, 6262 },
		{ "Hyror", "1 234 5 678", NULL, 1234, 5678 },
		{ "Intäkter", "1 298 300 kr 1 204 500 kr", NULL, 1298300, 1204500 },
		{ "Utgifter", "2 100 000 kr 3 400 000 kr", NULL, 2100000, 3400000 },
		{ "Tillgångar", "247 218 204", "192 368 450", 247218204, 192368450 },
		{ "Skulder", "111 222 333", "444 555 666", 111222333, 444555666 },
		{ "Medlemsavgifter", "38869 46968", NULL, 38869, 46968 },   /* ungrouped: no group has four digits */
		{ "Lotteriintäkter", "18092 25694", NULL, 18092, 25694 },
	};
	GString *pdf = g_string_new(NULL);
	cairo_surface_t *s = cairo_pdf_surface_create_for_stream(to_string, pdf, 595, 842);
	cairo_t *cr = cairo_create(s);
	struct ex_error e = { 0 };

	cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
	cairo_set_font_size(cr, 10);
	for (size_t r = 0; r < N_ELEMS(rows); r++) {
		double y = 100 + 16 * r + 40 * (r / 2);   /* four tables of two rows */

		cairo_move_to(cr, 60, y);
		cairo_show_text(cr, rows[r].label);
		if (rows[r].more) {   /* a gap of 8 points, where the groups have a space */
			show_right(cr, 392, y, rows[r].nums);
			cairo_move_to(cr, 400, y);
			cairo_show_text(cr, rows[r].more);
		} else {
			show_right(cr, 460, y, rows[r].nums);
		}
	}
	cairo_move_to(cr, 60, 500);
	cairo_show_text(cr, "Konto Nordea 3975 82 69658");
	struct doc *d = drawn_doc(cr, s, pdf, &e);
	int account = 0;

	assert_non_null(d);
	for (size_t r = 0; r < N_ELEMS(rows); r++) {
		int a = 0, b = 0;

		for (size_t i = 0; i < d->nvalues; i++) {
			a |= d->values[i].value == rows[r].a;
			b |= d->values[i].value == rows[r].b;
		}
		if (!a || !b)
			fail_msg("row %zu (%s): %s%s not found", r, rows[r].label, a ? "" : "first ", b ? "" : "second");
	}
	for (size_t i = 0; i < d->nvalues; i++)
		assert_true(fabs(d->values[i].value) < 1e12);
	for (size_t i = 0; i < d->nblocks; i++)
		account |= strstr(d->blocks[i].text, "3975 82 69658") != NULL;
	assert_true(account);
	doc_free(d);
	g_string_free(pdf, TRUE);
}

/* A row whose numbers part ("6 178 6 262") parts from its label too,
 * though the label stands a space before them. */
static void label_parts_with_numbers(void **state)
{
	GString *pdf;
	cairo_t *cr = new_page(&pdf, "DejaVu Sans Mono", 10);
	struct ex_error e = { 0 };
	cairo_move_to(cr, 60, 100);
	cairo_show_text(cr, "Intäkt 6 178 6 262");
	cairo_move_to(cr, 60, 112);
	cairo_show_text(cr, "Utgift 1 234 5 678");
	struct doc *d = drawn_page(cr, pdf, &e);

	assert_non_null(d);
	assert_int_equal(d->ntables, 1);
	assert_int_equal(d->tables[0].ncols, 3);
	assert_string_equal(grid_text(&d->tables[0], 0, 0), "Intäkt");
	assert_string_equal(grid_text(&d->tables[0], 1, 2), "5 678");
	doc_free(d);
	g_string_free(pdf, TRUE);
}

/* A header row with no label ("2020 2019") over a line in the label
 * column ("Belopp i kr") over the body: all one table, the header its
 * first row. */
static void header_over_unit_line(void **state)
{
	GString *pdf;
	cairo_t *cr = new_page(&pdf, "DejaVu Sans", 10);
	struct ex_error e = { 0 };

	show_right(cr, 380, 100, "2020");
	show_right(cr, 460, 100, "2019");
	cairo_move_to(cr, 60, 113);
	cairo_show_text(cr, "Belopp i kr");
	cairo_move_to(cr, 60, 126);
	cairo_show_text(cr, "Likvida medel");
	show_right(cr, 380, 126, "846 476");
	show_right(cr, 460, 126, "774 028");
	cairo_move_to(cr, 60, 139);
	cairo_show_text(cr, "Kortfristiga skulder");
	show_right(cr, 380, 139, "298 382");
	show_right(cr, 460, 139, "924 466");
	/* the same with a head rule's room between the unit line and the body */
	show_right(cr, 380, 300, "2020");
	show_right(cr, 460, 300, "2019");
	cairo_move_to(cr, 60, 313);
	cairo_show_text(cr, "Belopp i kr");
	cairo_move_to(cr, 60, 339);
	cairo_show_text(cr, "Likvida medel");
	show_right(cr, 380, 339, "846 476");
	show_right(cr, 460, 339, "774 028");
	cairo_move_to(cr, 60, 352);
	cairo_show_text(cr, "Kortfristiga skulder");
	show_right(cr, 380, 352, "298 382");
	show_right(cr, 460, 352, "924 466");
	struct doc *d = drawn_page(cr, pdf, &e);

	assert_non_null(d);
	assert_int_equal(d->ntables, 2);
	assert_string_equal(grid_text(&d->tables[1], 0, 1), "2020");
	assert_string_equal(grid_text(&d->tables[0], 0, 1), "2020");
	assert_string_equal(grid_text(&d->tables[0], 0, 2), "2019");
	doc_free(d);
	g_string_free(pdf, TRUE);
}

/* A header line whose cells stand about a word space apart, each flush
 * right with the numbers under it, parts into the columns; a title
 * centred over the number columns stays one cell. */
static void close_header_cells(void **state)
{
	static const char *const labels[] = { "Lotteriintäkter", "Resekostnader", "Lokalhyra" };
	static const char *const nums[][3] = { { "4 737", "9 887", "2 122" }, { "4 188", "7 400", "-8 444" },
					       { "-67 136", "-35 029", "63 023" } };
	static const char *const head[] = { "Budget 2022", "Utfall 2021", "Budget 2021" };
	GString *pdf;
	cairo_t *cr = new_page(&pdf, "DejaVu Sans", 9.5);
	struct ex_error e = { 0 };
	const double right[] = { 250, 316, 382 };   /* 66 points apart: "Budget 2022" is 61 wide */
	show_right(cr, 310, 86, "Belopp i kronor");   /* centred over the columns */
	for (int c = 0; c < 3; c++)
		show_right(cr, right[c], 100, head[c]);
	for (int r = 0; r < 3; r++) {
		cairo_move_to(cr, 60, 114 + 14 * r);
		cairo_show_text(cr, labels[r]);
		for (int c = 0; c < 3; c++)
			show_right(cr, right[c], 114 + 14 * r, nums[r][c]);
	}
	/* a statement below, its header line one segment over the note and
	 * year columns: the table's first row, parted */
	cairo_move_to(cr, 60, 300);
	cairo_show_text(cr, "Belopp i kr");
	show_right(cr, 238, 320, "Not");   /* each flush right with its column, a few points apart */
	show_right(cr, 300, 320, "2017-12-31");
	show_right(cr, 358, 320, "2016-12-31");
	for (int r = 0; r < 3; r++) {
		cairo_move_to(cr, 60, 334 + 14 * r);
		cairo_show_text(cr, labels[r]);
		show_right(cr, 238, 334 + 14 * r, r == 1 ? "" : r == 0 ? "2" : "3");
		show_right(cr, 300, 334 + 14 * r, nums[r][0]);
		show_right(cr, 358, 334 + 14 * r, nums[r][1]);
	}
	struct doc *d = drawn_page(cr, pdf, &e);

	assert_non_null(d);
	assert_int_equal(d->ntables, 2);
	const struct doc_table *t = &d->tables[1];

	assert_string_equal(grid_text(t, 0, 1), "Not");
	assert_string_equal(grid_text(t, 0, 2), "2017-12-31");
	assert_string_equal(grid_text(t, 0, 3), "2016-12-31");
	t = &d->tables[0];
	int hr = grid_row(t, 1, "Budget 2022");

	if (hr < 0)
		fail_msg("no header row with \"Budget 2022\" alone in column 1");
	assert_string_equal(grid_text(t, hr, 2), "Utfall 2021");
	assert_string_equal(grid_text(t, hr, 3), "Budget 2021");
	for (size_t i = 0; i < t->ncells; i++)
		assert_false(strstr(t->cells[i].text, "kronor") && strcmp(t->cells[i].text, "Belopp i kronor"));
	doc_free(d);
	g_string_free(pdf, TRUE);
}

/* A caption close over a table's heading row whose words happen to meet
 * its column edges ("Flerårsöversikt (belopp" ending where the labels
 * do, "i kr)" starting where the first number column does) is one
 * phrase, not a row of cells: it stays out of the table and gives its
 * amounts their unit. A heading row set as close ("Not 2017-12-31
 * 2016-12-31", close_header_cells) still parts. */
static void caption_over_columns(void **state)
{
	static const char *const labels[] = { "Balansomslutning", "Nettoomsättning", "Antal medlemmar" };
	static const char *const nums[][2] = { { "43 829 219", "63 322 651" }, { "4 905 153", "3 751 710" },
					       { "6 976", "4 927" } };
	GString *pdf;
	cairo_t *cr = new_page(&pdf, "DejaVu Sans", 9.5);
	struct ex_error e = { 0 };
	cairo_text_extents_t lead, wide;

	cairo_text_extents(cr, "Flerårsöversikt (belopp ", &lead);
	cairo_text_extents(cr, "63 322 651", &wide);
	/* the first number column's left edge where "i" starts */
	const double right[] = { 60 + lead.x_advance + wide.x_advance, 60 + lead.x_advance + 2 * wide.x_advance + 30 };

	cairo_move_to(cr, 60, 100);
	cairo_show_text(cr, "Flerårsöversikt (belopp i kr)");
	show_right(cr, right[0], 113, "2021");
	show_right(cr, right[1], 113, "2020");
	for (int r = 0; r < 3; r++) {
		cairo_move_to(cr, 60, 127 + 13 * r);
		cairo_show_text(cr, labels[r]);
		for (int c = 0; c < 2; c++)
			show_right(cr, right[c], 127 + 13 * r, nums[r][c]);
	}
	struct doc *d = drawn_page(cr, pdf, &e);

	assert_non_null(d);
	assert_int_equal(d->ntables, 1);
	for (size_t i = 0; i < d->tables[0].ncells; i++)
		assert_null(strstr(d->tables[0].cells[i].text, "belopp"));
	int sek = 0;

	for (size_t i = 0; i < d->nvalues; i++)
		if (d->values[i].label && !strcmp(d->values[i].label, "Balansomslutning")) {
			assert_string_equal(d->values[i].unit, "SEK");
			sek++;
		}
	assert_int_equal(sek, 2);
	doc_free(d);
	g_string_free(pdf, TRUE);
}

/* Column headings wider than their numbers set with no room between
 * them, which the text layer gives as one word ("Budget 2025Utfall
 * 2024", "2020-12-312019-12-31"), part where one heading ends; a number
 * of eight digits, a year with a model's letters, a name with a year, two
 * words run together, and a date and a word in small letters stay as
 * printed. A statement's heading row so run together ("Not" and two
 * ranges of dates, each wider than its column) heads its four columns. */
static void glued_headings_part(void **state)
{
	static const char *const glued[][3] = {
		{ "Budget 2025", "Utfall 2024", NULL }, { "2020-12-31", "2019-12-31", NULL },
		{ "2022/2023", "2021/2022", NULL },
	};
	static const char *const whole[] = { "Kontonummer 20202021", "Modell 2020XL", "Utdelning 2021-12-31kl",
					     "Almedalen2025", "BudgetUtfall 2024" };
	static const char *const head[] = { "Not", "2017-01-01\xE2\x80\x93" "2017-12-31",
					    "2016-01-01\xE2\x80\x93" "2016-12-31" };
	static const char *const body[][4] = { { "Kortfristiga skulder", "2", "733837", "713508" },
					       { "Likvida medel", "4", "602200", "838234" },
					       { "Driftskostnader", "6", "114346", "-977359" } };
	GString *pdf;
	cairo_t *cr = new_page(&pdf, "DejaVu Sans", 10);
	struct ex_error e = { 0 };
	double right[3];

	for (size_t r = 0; r < N_ELEMS(glued); r++) {
		cairo_move_to(cr, 60, 100 + 40 * (double)r);
		for (int h = 0; h < 3 && glued[r][h]; h++)
			cairo_show_text(cr, glued[r][h]);   /* from where the one before ends */
	}
	for (size_t r = 0; r < N_ELEMS(whole); r++) {
		cairo_move_to(cr, 60, 260 + 30 * (double)r);
		cairo_show_text(cr, whole[r]);
	}
	cairo_move_to(cr, 60, 450);
	cairo_show_text(cr, "Belopp i kr");
	cairo_move_to(cr, 200, 480);
	for (int h = 0; h < 3; h++) {   /* each heading's right edge its column's */
		double x, y;

		cairo_show_text(cr, head[h]);
		cairo_get_current_point(cr, &x, &y);
		right[h] = x;
	}
	for (int r = 0; r < 3; r++) {
		cairo_move_to(cr, 60, 494 + 14 * r);
		cairo_show_text(cr, body[r][0]);
		for (int c = 0; c < 3; c++)
			show_right(cr, right[c], 494 + 14 * r, body[r][c + 1]);
	}
	struct doc *d = drawn_page(cr, pdf, &e);

	assert_non_null(d);
	for (size_t r = 0; r < N_ELEMS(glued); r++) {
		char both[64];

		snprintf(both, sizeof(both), "%s%s", glued[r][0], glued[r][1]);
		for (int h = 0; h < 2; h++)   /* each heading whole, */
			if (!tu_find(d, DOC_BLK_PARAGRAPH, glued[r][h]))
				fail_msg("no block with \"%s\"", glued[r][h]);
		for (size_t i = 0; i < d->nblocks; i++)   /* the two not one word */
			assert_null(strstr(d->blocks[i].text, both));
	}
	for (size_t k = 0; k < N_ELEMS(whole); k++)
		if (!tu_find(d, DOC_BLK_PARAGRAPH, whole[k]) && !tu_find(d, DOC_BLK_HEADING, whole[k]))
			fail_msg("no block \"%s\"", whole[k]);
	assert_int_equal(d->ntables, 1);
	const struct doc_table *t = &d->tables[0];

	assert_int_equal(t->ncols, 4);
	for (int h = 0; h < 3; h++)
		assert_string_equal(grid_text(t, 0, h + 1), head[h]);
	assert_string_equal(grid_text(t, 3, 3), "-977359");
	doc_free(d);
	g_string_free(pdf, TRUE);
}

/* A row whose label is wider than its column pushes its cells right, a
 * space apart (TeX's overfull row): with a cell for every column, it is
 * read in order, each amount under its year; a row with an empty cell
 * keeps its cells where they stand. */
static void overfull_row_in_order(void **state)
{
	static const char *const years[] = { "2025", "2024", "2023", "2022" };
	static const char *const rows[][5] = {
		{ "Rörelsens intäkter", "6 488 tkr", "6 626 tkr", "9 871 tkr", "4 376 tkr" },
		{ "Resultat efter finansiella poster före skatt", "(343) tkr", "(936) tkr", "156 tkr", "662 tkr" },
		{ "Antal lägenheter", "38", "", "59", "58" },
		{ "Antal medlemmar", "7 234", "9 759", "4 033", "7 184" },
	};
	const double right[] = { 230, 280, 330, 380 };
	GString *pdf;
	cairo_t *cr = new_page(&pdf, "DejaVu Serif", 9);
	struct ex_error e = { 0 };

	for (int c = 0; c < 4; c++)
		show_right(cr, right[c], 100, years[c]);
	for (int r = 0; r < 4; r++) {
		double y = 113 + 13 * r;

		cairo_move_to(cr, 60, y);
		cairo_show_text(cr, rows[r][0]);
		if (r == 1) {   /* overfull: each cell a space after the last */
			for (int c = 1; c < 5; c++) {
				cairo_show_text(cr, " ");
				cairo_show_text(cr, rows[r][c]);
			}
			continue;
		}
		for (int c = 1; c < 5; c++)
			show_right(cr, right[c - 1], y, rows[r][c]);
	}
	struct doc *d = drawn_page(cr, pdf, &e);

	assert_non_null(d);
	assert_int_equal(d->ntables, 1);
	const struct doc_table *t = &d->tables[0];

	assert_int_equal(t->ncols, 5);
	for (int r = 0; r < 4; r++)
		for (int c = 1; c < 5; c++)
			if (strcmp(grid_text(t, r + 1, c), rows[r][c]))
				fail_msg("row %d column %d: '%s', want '%s'", r, c, grid_text(t, r + 1, c), rows[r][c]);
	doc_free(d);
	g_string_free(pdf, TRUE);
}

/* A body row whose cells are set so close that the text layer gives one
 * segment ("Bidrag från kommunen 758 421 905 881 319 040", no gap wider
 * than a thousands space) under a heading row of years is the table's:
 * its numbers end where the headings do, so the run of rows goes on
 * through it and the heading rows stay the table's. A line of prose
 * right under the table with one word ending at a column edge is not. */
static void run_together_row(void **state)
{
	static const char *const head[][3] = { { "Budget", "Utfall", "Budget" }, { "2025", "2024", "2024" } };
	static const char *const rest[][4] = { { "Arvoden", "\xE2\x88\x92" "73 117", "\xE2\x88\x92" "66 172",
						 "\xE2\x88\x92" "43 109" },
					       { "Resultat", "18 158", "\xE2\x88\x92" "79 695", "\xE2\x88\x92" "42 587" } };
	GString *pdf;
	cairo_t *cr = new_page(&pdf, "DejaVu Sans", 9);
	struct ex_error e = { 0 };
	cairo_text_extents_t lab, num;
	double right[3];

	cairo_text_extents(cr, "Bidrag från kommunen 758 421", &lab);
	cairo_text_extents(cr, " 905 881", &num);
	/* columns a space and 2.5 points apart: under twice a thousands
	 * space, so the grammar and the gaps cannot part the row */
	right[0] = 60 + lab.x_advance;
	right[1] = right[0] + num.x_advance + 2.5;
	right[2] = right[1] + num.x_advance + 2.5;
	for (int r = 0; r < 2; r++)
		for (int c = 0; c < 3; c++)
			show_right(cr, right[c], 100 + 12 * r, head[r][c]);
	show_right(cr, right[0], 124, "Bidrag från kommunen 758 421");
	show_right(cr, right[1], 124, "905 881");
	show_right(cr, right[2], 124, "319 040");
	for (int r = 0; r < 2; r++) {
		cairo_move_to(cr, 60, 136 + 12 * r);
		cairo_show_text(cr, rest[r][0]);
		for (int c = 0; c < 3; c++)
			show_right(cr, right[c], 136 + 12 * r, rest[r][c + 1]);
	}
	show_right(cr, right[2], 160, "Kostnaderna för el och värme ökade under året.");
	struct doc *d = drawn_page(cr, pdf, &e);

	assert_non_null(d);
	assert_int_equal(d->ntables, 1);
	const struct doc_table *t = &d->tables[0];

	assert_int_equal(t->ncols, 4);
	assert_int_equal(t->nrows, 5);   /* two heading rows, three of amounts; no prose */
	assert_string_equal(grid_text(t, 0, 2), "Utfall");
	assert_string_equal(grid_text(t, 2, 0), "Bidrag från kommunen");
	assert_string_equal(grid_text(t, 2, 3), "319 040");
	static const struct { double v; const char *year, *measure; } want[] = {
		{ 758421, "2025", "budget" }, { 905881, "2024", "actual" }, { 319040, "2024", "budget" } };
	for (size_t k = 0; k < N_ELEMS(want); k++) {
		int hit = 0;

		for (size_t i = 0; i < d->nvalues; i++)
			hit |= fabs(d->values[i].value - want[k].v) < 1e-9 && d->values[i].period.label &&
			       !strcmp(d->values[i].period.label, want[k].year) && d->values[i].measure &&
			       !strcmp(d->values[i].measure, want[k].measure);
		if (!hit)
			fail_msg("%g (%s, %s) not found", want[k].v, want[k].year, want[k].measure);
	}
	doc_free(d);
	g_string_free(pdf, TRUE);
}

/* A table drawn as shaded cells with white gutters and no rules (a word
 * processor's white borders on shaded cells): the fills' edges are its
 * rules; every cell in its row and column. A shaded box around a
 * paragraph, and zebra rows (one fill across each row), make no grid. */
static void shaded_cells_grid(void **state)
{
	static const char *const cells[][2] = { { "Program", "Budget" }, { "Performance.gov", "$1.1M" },
						{ "IT Dashboard", "$1.06M" }, { "Total", "$8M" } };
	GString *pdf;
	cairo_t *cr = new_page(&pdf, "DejaVu Sans", 10);
	struct ex_error e = { 0 };

	for (int r = 0; r < 4; r++)
		for (int c = 0; c < 2; c++) {
			double x = c ? 380 : 80, w = c ? 80 : 297, y = 100 + 30 * r;

			cairo_set_source_rgb(cr, c ? 0.65 : 0.31, c ? 0.75 : 0.51, c ? 0.87 : 0.74);
			cairo_rectangle(cr, x, y, w, 27);   /* 3 points of white between cells */
			cairo_fill(cr);
			cairo_set_source_rgb(cr, 0, 0, 0);
			cairo_move_to(cr, x + 4, y + 17);
			cairo_show_text(cr, cells[r][c]);
		}
	/* a shaded box around a paragraph */
	cairo_set_source_rgb(cr, 0.85, 0.9, 0.95);
	cairo_rectangle(cr, 80, 300, 380, 40);
	cairo_fill(cr);
	cairo_set_source_rgb(cr, 0, 0, 0);
	cairo_move_to(cr, 86, 316);
	cairo_show_text(cr, "Fonden finansierar gemensamma lösningar för flera myndigheter.");
	cairo_move_to(cr, 86, 330);
	cairo_show_text(cr, "Varje initiativ följs upp en gång om året.");
	/* zebra rows: a fill across each second row */
	for (int r = 0; r < 4; r++) {
		if (r % 2 == 0) {
			cairo_set_source_rgb(cr, 0.9, 0.9, 0.9);
			cairo_rectangle(cr, 80, 400 + 16 * r - 12, 380, 16);
			cairo_fill(cr);
		}
		cairo_set_source_rgb(cr, 0, 0, 0);
		cairo_move_to(cr, 84, 400 + 16 * r);
		cairo_show_text(cr, r ? (r == 1 ? "Medlemmar" : r == 2 ? "Lokaler" : "Resor") : "Post");
		show_right(cr, 456, 400 + 16 * r, r ? (r == 1 ? "1 204" : r == 2 ? "35 029" : "8 444") : "2023");
	}
	struct doc *d = drawn_page(cr, pdf, &e);

	assert_non_null(d);
	assert_int_equal(d->ntables, 2);
	const struct doc_table *t = &d->tables[0];

	assert_int_equal(t->nrows, 4);
	assert_int_equal(t->ncols, 2);
	for (int r = 0; r < 4; r++)
		for (int c = 0; c < 2; c++)
			assert_string_equal(grid_text(t, r, c), cells[r][c]);
	t = &d->tables[1];   /* the zebra rows: two columns, their own rows */
	assert_int_equal(t->ncols, 2);
	assert_int_equal(t->nrows, 4);
	assert_string_equal(grid_text(t, 2, 1), "35 029");
	doc_free(d);
	g_string_free(pdf, TRUE);
}

/* An organisation's name in a title broken over two lines (a little
 * apart, two blocks) is read
 * whole ("… i Riksförbundet för Hörselskadade" over "i Väst"); a heading
 * further down under a title that names one is not part of the name. */
static void organisation_title_lines(void **state)
{
	static const struct { const char *lines[2]; double gap; const char *org; } rows[] = {
		{ { "Protokoll fört vid årsmöte i Riksförbundet för Hörselskadade", "i Väst" }, 27,
		  "Riksförbundet för Hörselskadade i Väst" },
		{ { "Årsredovisning för Brf Doktor Lindh", "Förvaltningsberättelse" }, 40, "Brf Doktor Lindh" },
	};

	for (size_t k = 0; k < N_ELEMS(rows); k++) {
		GString *pdf;
		cairo_t *cr = new_page(&pdf, "DejaVu Sans", 14);
		struct ex_error e = { 0 };

		for (int l = 0; l < 2; l++) {
			cairo_move_to(cr, 60, 80 + rows[k].gap * l);
			cairo_show_text(cr, rows[k].lines[l]);
		}
		cairo_set_font_size(cr, 10);
		cairo_move_to(cr, 60, 160);
		cairo_show_text(cr, "Datum: 2019-11-23");
		cairo_move_to(cr, 60, 180);
		cairo_show_text(cr, "Mötet öppnades av ordföranden.");
		struct doc *d = drawn_page(cr, pdf, &e);

		assert_non_null(d);
		if (!d->organisation || strcmp(d->organisation, rows[k].org))
			fail_msg("row %zu: organisation '%s', want '%s'", k, d->organisation ? d->organisation : "(none)",
				 rows[k].org);
		doc_free(d);
		g_string_free(pdf, TRUE);
	}
}

/* Group labels set between blank lines ("Male", "Female") inside a table
 * of numbers keep it one table, each label a row of its own; a heading
 * between blank lines over a table with a header row of its own starts
 * that table. */
static void group_labels_apart(void **state)
{
	static const char *const rows[][3] = {
		{ "Concentration", "No.", "Weight" }, { "", NULL, NULL }, { "Male", NULL, NULL }, { "", NULL, NULL },
		{ "0", "39", "5.8" }, { "250", "30", "5.9" }, { "500", "33", "6.0" }, { "", NULL, NULL },
		{ "Female", NULL, NULL }, { "", NULL, NULL }, { "0", "23", "5.4" }, { "250", "34", "5.6" },
		{ "500", "32", "5.4" }, { "", NULL, NULL }, { "", NULL, NULL }, { "Tabell 2", NULL, NULL },
		{ "", NULL, NULL }, { "Post", "Antal", "Andel" }, { "Kassa", "12", "4.5" }, { "Bank", "45", "7.1" },
		{ "Fonder", "7", "1.2" },
	};
	const double right[] = { 150, 220, 290 };
	GString *pdf;
	cairo_t *cr = new_page(&pdf, "DejaVu Sans", 10);
	struct ex_error e = { 0 };

	for (size_t r = 0; r < N_ELEMS(rows); r++) {
		double y = 100 + 13 * (double)r;

		if (!rows[r][1]) {   /* a group label or heading alone, at the labels' left */
			cairo_move_to(cr, 60, y);
			cairo_show_text(cr, rows[r][0]);
			continue;
		}
		for (int c = 0; c < 3; c++) {
			if (c == 0 && !isdigit((unsigned char)rows[r][0][0])) {   /* words flush left */
				cairo_move_to(cr, 60, y);
				cairo_show_text(cr, rows[r][0]);
			} else {
				show_right(cr, right[c], y, rows[r][c]);
			}
		}
	}
	struct doc *d = drawn_page(cr, pdf, &e);

	assert_non_null(d);
	assert_int_equal(d->ntables, 2);
	const struct doc_table *t = &d->tables[0];
	int female = grid_row(t, 0, "Female");

	assert_true(female > 0);
	assert_string_equal(grid_text(t, female + 1, 1), "23");
	assert_string_equal(grid_text(t, t->nrows - 1, 2), "5.4");
	assert_string_equal(grid_text(&d->tables[1], 0, 0), "Post");
	doc_free(d);
	g_string_free(pdf, TRUE);
}

/* A group's heading over two lines between rows of numbers, its second
 * line going on in small letters and set in a little ("Highest
 * enrollment after bachelor's" over "degree by 2003"), keeps the table
 * one and is one cell. */
static void group_heading_two_lines(void **state)
{
	static const char *const rows[][3] = {
		{ "Field of study", "Percent", "Salary" }, { "Business", "37.9", "19,900" },
		{ "Education", "63.1", "43,700" }, { "", NULL, NULL },
		{ "Highest enrollment after bachelor\xE2\x80\x99s", NULL, NULL }, { "degree by 2003", NULL, NULL },
		{ "Master\xE2\x80\x99s degree", "45.4", "22,900" }, { "Doctoral degree", "64.3", "44,100" },
	};
	const double right[] = { 0, 380, 450 };
	GString *pdf;
	cairo_t *cr = new_page(&pdf, "DejaVu Sans", 10);
	struct ex_error e = { 0 };

	for (size_t r = 0; r < N_ELEMS(rows); r++) {
		double y = 100 + 13 * (double)r;

		cairo_move_to(cr, r == 4 ? 60 : 64, y);   /* the heading's first line stands out */
		cairo_show_text(cr, rows[r][0]);
		for (int c = 1; c < 3 && rows[r][1]; c++)
			show_right(cr, right[c], y, rows[r][c]);
	}
	struct doc *d = drawn_page(cr, pdf, &e);

	assert_non_null(d);
	assert_int_equal(d->ntables, 1);
	const struct doc_table *t = &d->tables[0];
	int h = grid_row(t, 0, "Highest enrollment after bachelor\xE2\x80\x99s degree by 2003");

	assert_true(h > 0);
	assert_string_equal(grid_text(t, h + 1, 2), "22,900");
	doc_free(d);
	g_string_free(pdf, TRUE);
}

/* A line of justified prose in a monospaced font right under a table: its
 * stretched spaces part every word, but a line of single words spaced
 * alike, more of them than the table has columns, is no row of it. */
static void justified_line_after_table(void **state)
{
	static const char *const rows[][4] = { { "Antal medlemmar", "8569", "6175", "8752" },
					       { "Antal lägenheter", "94", "80", "96" } };
	static const char *const words[] = { "Styrelsen", "har", "under", "året", "arbetat", "med",
					     "underhållsplanen", "och", "med", "föreningens" };
	GString *pdf;
	cairo_t *cr = new_page(&pdf, "DejaVu Sans Mono", 10);
	struct ex_error e = { 0 };
	double x = 57;
	for (int r = 0; r < 2; r++) {
		cairo_move_to(cr, 57, 100 + 12 * r);
		cairo_show_text(cr, rows[r][0]);
		for (int c = 1; c < 4; c++)
			show_right(cr, 320 + 41 * c, 100 + 12 * r, rows[r][c]);
	}
	for (size_t i = 0; i < N_ELEMS(words); i++) {   /* spaces of 11 points, as groff justifies */
		cairo_text_extents_t t;

		cairo_text_extents(cr, words[i], &t);
		cairo_move_to(cr, x, 124);
		cairo_show_text(cr, words[i]);
		x += t.x_advance + 11;
	}
	cairo_move_to(cr, 57, 136);
	cairo_show_text(cr, "ekonomi.");
	struct doc *d = drawn_page(cr, pdf, &e);

	assert_non_null(d);
	assert_int_equal(d->ntables, 1);
	for (size_t i = 0; i < d->tables[0].ncells; i++)
		assert_null(strstr(d->tables[0].cells[i].text, "under"));
	assert_int_equal(d->tables[0].ncols, 4);
	doc_free(d);
	g_string_free(pdf, TRUE);
}

/* A footnote close under a table, its marker apart from its text, ends
 * the table: the table is found (the footnote had made a column of prose
 * of the run, and no table at all), the note is not in it. A long label
 * beside its numbers stays a row of the table. */
static void footnote_under_table(void **state)
{
	static const char *const labels[] = { "Medlemmar", "Examine and evaluate content, language, and textual elements",
					      "Lokaler", "Styrelsen" };
	GString *pdf;
	cairo_t *cr = new_page(&pdf, "DejaVu Sans", 7);
	struct ex_error e = { 0 };

	show_right(cr, 420, 88, "2021");
	show_right(cr, 480, 88, "2020");
	show_right(cr, 540, 88, "2019");
	for (int r = 0; r < 4; r++) {
		char n[48];

		cairo_move_to(cr, 40, 100 + 10 * r);
		cairo_show_text(cr, labels[r]);
		for (int c = 0; c < 3; c++) {
			snprintf(n, sizeof(n), "%d", 100 + 17 * r + 5 * c);
			show_right(cr, 420 + 60 * c, 100 + 10 * r, n);
		}
	}
	cairo_set_font_size(cr, 5);   /* the marker raised, apart from its text */
	cairo_move_to(cr, 40, 142);
	cairo_show_text(cr, "1");
	cairo_set_font_size(cr, 7);
	cairo_move_to(cr, 56, 144);
	cairo_show_text(cr, "In 2020 and 2021, some members of both local groups were counted twice in the total.");
	struct doc *d = drawn_page(cr, pdf, &e);

	assert_non_null(d);
	assert_int_equal(d->ntables, 1);
	assert_int_equal(d->tables[0].nrows, 5);
	for (size_t i = 0; i < d->tables[0].ncells; i++)
		assert_null(strstr(d->tables[0].cells[i].text, "counted twice"));
	int long_label = 0;

	for (size_t i = 0; i < d->tables[0].ncells; i++)
		long_label |= !strcmp(d->tables[0].cells[i].text, labels[1]);
	assert_true(long_label);
	doc_free(d);
	g_string_free(pdf, TRUE);
}

/* A statistical table in one piece: group headers of one to three short
 * lines between its rows ("Race", then "Sex, by race" over its subgroup
 * "Male") keep it one table, and a label's second line set in a little
 * ("American Indian/Alaska" over "Native") is that label's, while a line
 * set in with the rows under it set further in ("Male") heads them. */
static void group_headers_and_hanging_labels(void **state)
{
	static const struct { float x; const char *label; int nums; } rows[] = {
		{ 36, "Characteristic", 0 }, { 36, "Race", 0 },
		{ 42, "White", 1 }, { 42, "Black", 1 }, { 42, "American Indian/Alaska", 1 }, { 44, "Native", 0 },
		{ 36, "Sex, by race", 0 }, { 42, "Male", 0 },
		{ 50, "White", 1 }, { 50, "Black", 1 }, { 36, "Total", 1 },
	};
	GString *pdf;
	cairo_t *cr = new_page(&pdf, "DejaVu Sans", 7);
	struct ex_error e = { 0 };

	for (size_t r = 0; r < N_ELEMS(rows); r++) {
		float y = 100 + 11.8f * (float)r;

		cairo_move_to(cr, rows[r].x, y);
		cairo_show_text(cr, rows[r].label);
		for (int c = 0; c < 4; c++) {
			char n[48];

			if (!rows[r].nums && r > 0)
				continue;
			snprintf(n, sizeof(n), r == 0 ? "Col %d" : "%d,%03d", r == 0 ? c + 1 : 10 + (int)r, 100 * c + 7);
			show_right(cr, 230 + 70 * c, y, n);
		}
	}
	struct doc *d = drawn_page(cr, pdf, &e);

	assert_non_null(d);
	assert_int_equal(d->ntables, 1);
	const struct doc_table *t = &d->tables[0];
	int joined = 0, male_alone = 0, native_alone = 0;

	for (size_t i = 0; i < t->ncells; i++) {
		joined |= !strcmp(t->cells[i].text, "American Indian/Alaska Native");
		native_alone |= !strcmp(t->cells[i].text, "Native");
		male_alone |= !strcmp(t->cells[i].text, "Male") && t->cells[i].col == 0;
	}
	assert_true(joined);
	assert_false(native_alone);
	assert_true(male_alone);
	assert_int_equal(t->nrows, (int)N_ELEMS(rows) - 1);
	doc_free(d);
	g_string_free(pdf, TRUE);
}

/* A balance sheet set in parts: group headings with a blank line's room
 * above them ("Omsättningstillgångar" over "Kortfristiga fordringar")
 * keep it one table under its header row of dates; a part further down
 * (its own table) takes its periods and note column from the part above;
 * the income statement after it, under a sentence, a heading and a
 * header row of its own, stays a table of its own with its own years. */
static const struct stmt_row {
	float y;
	const char *label, *note, *now, *before;
} stmt_rows[] = {
	{ 80, "Belopp i kr", "Not", "2020-12-31", "2019-12-31" },
	{ 106, "TILLGÅNGAR", NULL, NULL, NULL },
	{ 119, "Anläggningstillgångar", NULL, NULL, NULL },
	{ 132, "Byggnader och mark", "1", "53 000 000", "-" },
	{ 145, "Summa anläggningstillgångar", NULL, "53 000 000", "-" },
	{ 171, "Omsättningstillgångar", NULL, NULL, NULL },
	{ 184, "Kortfristiga fordringar", NULL, NULL, NULL },
	{ 197, "Övriga fordringar", "3", "330", "-" },
	{ 210, "SUMMA TILLGÅNGAR", NULL, "53 000 330", "-" },
	{ 280, "EGET KAPITAL OCH SKULDER", NULL, NULL, NULL },
	{ 293, "Kortfristiga skulder", NULL, NULL, NULL },
	{ 306, "Leverantörsskulder", NULL, "2 443 450", "-" },
	{ 319, "Övriga skulder", "4", "50 556 880", "-" },
	{ 332, "SUMMA EGET KAPITAL OCH SKULDER", NULL, "53 000 330", "-" },
	{ 345, "Skulderna förfaller inom ett år.", NULL, NULL, NULL },
	{ 358, "Resultaträkning", NULL, NULL, NULL },
	{ 371, "Belopp i kr", NULL, "2020", "2019" },
	{ 384, "Nettoomsättning", NULL, "1 200 000", "1 100 000" },
	{ 397, "Årets resultat", NULL, "200 000", "150 000" },
};

/* The table holding a cell of text s, or -1. */
static int table_of(const struct doc *d, const char *s)
{
	for (size_t t = 0; t < d->ntables; t++)
		for (size_t i = 0; i < d->tables[t].ncells; i++)
			if (!strcmp(d->tables[t].cells[i].text, s))
				return (int)t;
	return -1;
}

/* The value of label with that number, or NULL. */
static const struct doc_value *value_of(const struct doc *d, const char *label, double v)
{
	for (size_t i = 0; i < d->nvalues; i++)
		if (d->values[i].label && !strcmp(d->values[i].label, label) && d->values[i].value == v)
			return &d->values[i];
	return NULL;
}

/* A one-page PDF (w x h points) drawing the coded image jpeg (its
 * filter's) over the page as an XObject, then extra (more content, or
 * ""). */
static GString *jpeg_pdf(int w, int h, const unsigned char *jpeg, size_t n, int pw, int ph, const char *filter,
			 const char *extra)
{
	gchar *content = g_strdup_printf("q %d 0 0 %d 0 0 cm /Im1 Do Q %s", w, h, extra);
	GString *pdf = page_pdf(w, h, 0, content, jpeg, n, pw, ph, filter);

	g_free(content);
	return pdf;
}

/* A scanned page that is one JPEG over the image budget and nothing
 * else is read from the JPEG decoded at a fraction of its size (poppler
 * would make it whole), said (downscaled, 1/2); the same JPEG with a
 * line drawn over it is no lone scan: not rendered, too_large. Under
 * the budget the page renders as ever, nothing said. A lone JPEG 2000
 * over the budget is read as the JPEG is. */
static void jpeg_scan_downscaled(void **state)
{
	static const char *const lines[] = { "Styrelsen har haft tolv protokollförda möten.",
					     "Årsavgiften per kvadratmeter är oförändrad." };
	const int pw = 1240, ph = 1754;   /* A4 at 150 dpi */
	cairo_surface_t *surf = cairo_image_surface_create(CAIRO_FORMAT_RGB24, pw, ph);
	cairo_t *cr = cairo_create(surf);
	PIX *pix = pixCreate(pw, ph, 8);
	l_uint8 *jpeg = NULL, *jp2 = NULL;
	size_t n = 0, n2 = 0;

	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	cairo_set_source_rgb(cr, 0, 0, 0);
	cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
	cairo_set_font_size(cr, 40);
	for (int r = 0; r < 2; r++) {
		cairo_move_to(cr, 100, 300 + 120 * r);
		cairo_show_text(cr, lines[r]);
	}
	cairo_destroy(cr);
	cairo_surface_flush(surf);
	const unsigned char *data = cairo_image_surface_get_data(surf);
	int stride = cairo_image_surface_get_stride(surf);

	for (int y = 0; y < ph; y++)
		for (int x = 0; x < pw; x++)
			pixSetPixel(pix, x, y, (*(const uint32_t *)(data + (size_t)y * stride + 4 * (size_t)x)) & 255);
	cairo_surface_destroy(surf);
	assert_int_equal(pixWriteMemJpeg(&jpeg, &n, pix, 90, 0), 0);
	assert_int_equal(pixWriteMemJp2k(&jp2, &n2, pix, 40, 5, 0, 0), 0);
	pixDestroy(&pix);
	for (int k = 0; k < 4; k++) {   /* lone and over the budget, a line over it, under the budget; JPEG 2000 */
		GString *pdf = k == 3 ? jpeg_pdf(595, 842, jp2, n2, pw, ph, "JPXDecode", "")
				      : jpeg_pdf(595, 842, jpeg, n, pw, ph, "DCTDecode", k == 1 ? "0 0 m 300 300 l S" : "");
		struct doc_read_opts o = { .image_budget = k == 2 ? 0 : 1e6 };
		struct ex_error e = { 0 };
		struct doc *d = doc_new();
		size_t down = 0, large = 0, found = 0;

		assert_int_equal(pdf_read(d, pdf->str, pdf->len, &o, &e), 0);
		for (size_t i = 0; i < d->nwarnings; i++) {
			down += !strcmp(d->warnings[i].code, "downscaled") && strstr(d->warnings[i].msg, "1/2") &&
				!strstr(d->warnings[i].msg, "2000") == (k != 3);
			large += !strcmp(d->warnings[i].code, "too_large");
		}
		for (size_t i = 0; i < d->nblocks; i++)
			if (strstr(d->blocks[i].text, "protokollförda")) {
				found++;   /* where it was drawn: 300 of 1754 pixels down, the baseline */
				assert_in_range((int)d->blocks[i].box.y1, 130, 150);
				assert_in_range((int)d->blocks[i].box.x0, 40, 55);
			}
		assert_int_equal(down, k == 0 || k == 3);
		assert_int_equal(large, k == 1);
		assert_int_equal(found, k != 1);
		doc_free(d);
		g_string_free(pdf, TRUE);
	}
	lept_free(jpeg);
	lept_free(jp2);
}

/* A multi-year table set wider than its page, its last column cut at
 * the page's edge ("202" of 2020, "828" of 8280): the columns inside
 * keep their years and values; the cut cells give no value, head no
 * column, and are said (cut_at_edge). The same table inside the page:
 * four columns, nothing said. */
static void table_cut_at_edge(void **state)
{
	static const char *const rows[][5] = {
		{ "Flerårsöversikt", "2023", "2022", "2021", "2020" },
		{ "Antal medlemmar", "9786", "7177", "5575", "8280" },
		{ "Sparande per kvm", "654", "824", "147", "780" },
		{ "Antal lägenheter", "43", "87", "43", "25" },
	};
	for (int cut = 0; cut < 2; cut++) {
		GString *pdf;
		cairo_t *cr = new_page(&pdf, "DejaVu Sans", 10);
		struct ex_error e = { 0 };
		size_t said = 0;
		double x0 = cut ? 353 : 290;

		for (size_t r = 0; r < N_ELEMS(rows); r++)
			for (int c = 0; c < 5; c++) {
				cairo_move_to(cr, c ? x0 + 75 * (c - 1) : 57, 120 + 14 * (double)r);
				cairo_show_text(cr, rows[r][c]);
			}
		struct doc *d = drawn_page(cr, pdf, &e);

		assert_non_null(d);
		for (size_t i = 0; i < d->nwarnings; i++)
			said += !strcmp(d->warnings[i].code, "cut_at_edge");
		for (int c = 1; c < 4; c++) {
			const struct doc_value *v = value_of(d, "Antal medlemmar", atof(rows[1][c]));

			assert_non_null(v);
			assert_non_null(v->period.label);
			assert_string_equal(v->period.label, rows[0][c]);
		}
		if (cut) {
			assert_true(said >= 3);   /* the year and the numbers under it */
			for (size_t i = 0; i < d->nvalues; i++)
				if (d->values[i].prov.col == 4)
					fail_msg("a value from the cut column: %s", d->values[i].text);
		} else {
			assert_int_equal(said, 0);
			assert_non_null(value_of(d, "Antal medlemmar", 8280));
		}
		doc_free(d);
		g_string_free(pdf, TRUE);
	}
}

static void statement_in_parts(void **state)
{
	GString *pdf;
	cairo_t *cr = new_page(&pdf, "DejaVu Sans", 9);
	struct ex_error e = { 0 };

	for (size_t r = 0; r < N_ELEMS(stmt_rows); r++) {
		const struct stmt_row *x = &stmt_rows[r];

		cairo_move_to(cr, 60, x->y);
		cairo_show_text(cr, x->label);
		if (x->note)
			show_right(cr, 330, x->y, x->note);
		if (x->now)
			show_right(cr, 420, x->y, x->now);
		if (x->before)
			show_right(cr, 500, x->y, x->before);
	}
	struct doc *d = drawn_page(cr, pdf, &e);
	const struct doc_value *v;

	assert_non_null(d);
	/* one table through the group headings */
	assert_true(table_of(d, "Byggnader och mark") >= 0);
	assert_int_equal(table_of(d, "Byggnader och mark"), table_of(d, "SUMMA TILLGÅNGAR"));
	/* the income statement is a table of its own */
	assert_true(table_of(d, "Nettoomsättning") >= 0);
	assert_int_not_equal(table_of(d, "Nettoomsättning"), table_of(d, "SUMMA EGET KAPITAL OCH SKULDER"));
	assert_int_not_equal(table_of(d, "Nettoomsättning"), table_of(d, "SUMMA TILLGÅNGAR"));
	/* the lower part's periods and notes from the part above */
	assert_non_null(v = value_of(d, "Leverantörsskulder", 2443450));
	assert_non_null(v->period.end);
	assert_string_equal(v->period.end, "2020-12-31");
	assert_non_null(v = value_of(d, "Övriga skulder", 50556880));
	assert_int_equal(v->note, 4);
	assert_null(value_of(d, "Övriga skulder", 4));
	/* the income statement's own years */
	assert_non_null(v = value_of(d, "Nettoomsättning", 1200000));
	assert_non_null(v->period.label);
	assert_string_equal(v->period.label, "2020");
	doc_free(d);
	g_string_free(pdf, TRUE);
}

/* Two borderless tables one under the other with only a heading line
 * between, set no further off than a line ("Resultaträkning (belopp i
 * kr)" over its own header row of years under a Flerårsöversikt's rows,
 * as LibreOffice sets them): the heading over a row of periods alone
 * ends the table above, and the second table's values take its own
 * years. A heading over a row of numbers stays a group of one table;
 * a table's own head of group names and a line over its years (read as
 * header lines above the run) stays whole. */
static void check_heading_over_years(int years_under)
{
	static const char *const rows[][5] = {
		{ "Flerårsöversikt", "2021", "2020", "2019", "2018" },
		{ "Nettoomsättning, tkr", "11 449", "10 844", "9 347", "7 590" },
		{ "Soliditet, %", "67", "84", "8", "73" },
		{ "Antal lägenheter", "56", "22", "79", "77" },
	};
	static const char *const rows2[][3] = {
		{ "", "2021", "2020" }, { "Personalkostnader", "-8 944", "-9 940" },
		{ "Likvida medel", "385 495", "389 502" }, { "Summa eget kapital", "11 180 561", "10 228 903" },
	};
	const double right[] = { 250, 340, 430, 520 }, right2[] = { 330, 520 };
	GString *pdf;
	cairo_t *cr = new_page(&pdf, "DejaVu Sans", 10);
	struct ex_error e = { 0 };
	double y = 100;

	for (size_t r = 0; r < N_ELEMS(rows); r++, y += 13) {
		cairo_move_to(cr, 60, y);
		cairo_show_text(cr, rows[r][0]);
		for (int c = 1; c < 5; c++)
			show_right(cr, right[c - 1], y, rows[r][c]);
	}
	y += 9;
	cairo_move_to(cr, 60, y);
	cairo_show_text(cr, "Resultaträkning (belopp i kr)");
	y += 13;
	for (size_t r = years_under ? 0 : 1; r < N_ELEMS(rows2); r++, y += 13) {
		cairo_move_to(cr, 60, y);
		cairo_show_text(cr, rows2[r][0]);
		for (int c = 1; c < 3; c++)
			show_right(cr, right2[c - 1], y, rows2[r][c]);
	}
	struct doc *d = drawn_page(cr, pdf, &e);

	assert_non_null(d);
	if (years_under) {
		assert_int_equal(d->ntables, 2);
		assert_int_equal(d->tables[0].nrows, 4);
		assert_string_equal(grid_text(&d->tables[1], 0, 2), "2020");
		const struct doc_value *v = value_of(d, "Likvida medel", 389502);

		assert_non_null(v);
		assert_non_null(v->period.label);
		assert_string_equal(v->period.label, "2020");
	} else {   /* no header row under the heading: a group of one table */
		assert_int_equal(d->ntables, 1);
		assert_true(grid_row(&d->tables[0], 0, "Resultaträkning (belopp i kr)") > 0);
	}
	doc_free(d);
	g_string_free(pdf, TRUE);
}

/* A table's own head: group names over a line of their own over a row
 * of years; one table. */
static void head_over_years_stays(void)
{
	static const char *const groups[] = { "Kommunen", "Länet", "Riket" };
	static const char *const body[][7] = {
		{ "", "2021", "2020", "2021", "2020", "2021", "2020" },
		{ "Andel nöjda", "85", "83", "80", "79", "81", "78" },
		{ "Andel trygga", "71", "70", "69", "72", "74", "73" },
	};
	GString *pdf;
	cairo_t *cr = new_page(&pdf, "DejaVu Sans", 10);
	struct ex_error e = { 0 };

	for (int g = 0; g < 3; g++)
		show_right(cr, 270 + 110 * g, 100, groups[g]);
	cairo_move_to(cr, 230, 113);
	cairo_show_text(cr, "andel i procent");
	for (int r = 0; r < 3; r++) {
		cairo_move_to(cr, 60, 126 + 13 * r);
		cairo_show_text(cr, body[r][0]);
		for (int c = 1; c < 7; c++)
			show_right(cr, 230 + 55 * (c - 1), 126 + 13 * r, body[r][c]);
	}
	struct doc *d = drawn_page(cr, pdf, &e);

	assert_non_null(d);
	assert_int_equal(d->ntables, 1);
	assert_true(grid_row(&d->tables[0], 1, "85") > 0);
	doc_free(d);
	g_string_free(pdf, TRUE);
}

static void heading_over_years_parts(void **state)
{
	(void)state;
	check_heading_over_years(1);
	check_heading_over_years(0);
	head_over_years_stays();
}

/* A label set around its numbers: its first line a little above the
 * row of numbers, its second a little below, the numbers with no label
 * of their own: one row, its label both lines. */
static void label_around_numbers(void **state)
{
	static const struct { float y; const char *label; int nums; } rows[] = {
		{ 100, "District totals", 0 }, { 122, "Investigative matters", 0 }, { 128, NULL, 1 },
		{ 134, "Received by AUSAs", 0 }, { 152, "Defendants charged", 1 }, { 172, "Cases charged", 1 },
	};
	GString *pdf;
	cairo_t *cr = new_page(&pdf, "DejaVu Sans", 8);
	struct ex_error e = { 0 };

	for (size_t r = 0; r < N_ELEMS(rows); r++) {
		if (rows[r].label) {
			cairo_move_to(cr, 100, rows[r].y);
			cairo_show_text(cr, rows[r].label);
		}
		for (int c = 0; c < 4 && (rows[r].nums || r == 0); c++) {
			char n[48];

			snprintf(n, sizeof(n), r == 0 ? "FY %d" : "%d", r == 0 ? 2008 + c : 200 + 13 * (int)r + c);
			show_right(cr, 300 + 60 * c, rows[r].y, n);
		}
	}
	struct doc *d = drawn_page(cr, pdf, &e);

	assert_non_null(d);
	assert_int_equal(d->ntables, 1);
	const struct doc_table *t = &d->tables[0];
	int row = -1;

	for (size_t i = 0; i < t->ncells; i++)
		if (!strcmp(t->cells[i].text, "Investigative matters Received by AUSAs"))
			row = t->cells[i].row;
	assert_true(row >= 0);
	for (size_t i = 0; i < t->ncells; i++)
		if (!strcmp(t->cells[i].text, "239"))   /* the row of numbers between the lines */
			assert_int_equal(t->cells[i].row, row);
	assert_int_equal(t->nrows, 4);
	doc_free(d);
	g_string_free(pdf, TRUE);
}

/* Rows whose labels wrap onto two lines with their numbers set level
 * between the two ("Inkomstskillnad mellan länen" over a row of
 * numbers with no label, "(Gini-index)" under it), one row so after another:
 * one table, a row for each, its label both lines, its numbers beside.
 * A note set close under the last row, across the columns of numbers,
 * is no label's second line: the table ends above it. */
static void labels_straddling_numbers(void **state)
{
	static const char *const labels[][2] = {
		{ "Medianinkomst per hushåll", NULL },
		{ "Inkomstskillnad mellan länen", "(Gini-index)" },
		{ "Förlorade levnadsår före 75 års ålder", "(per 100 000 invånare)" },
		{ "Skillnad i förlorade levnadsår mellan", "länen (Gini-index)" },
	};
	GString *pdf;
	cairo_t *cr = new_page(&pdf, "DejaVu Sans", 7);
	struct ex_error e = { 0 };
	double y = 100;

	cairo_move_to(cr, 40, y);
	cairo_show_text(cr, "Mått");
	for (int c = 0; c < 4; c++) {
		char n[32];

		snprintf(n, sizeof(n), "%d", 2019 + c);
		show_right(cr, 260 + 60 * c, y, n);
	}
	for (size_t r = 0; r < N_ELEMS(labels); r++) {
		int two = labels[r][1] != NULL;

		y += 20;
		cairo_move_to(cr, 40, y);
		cairo_show_text(cr, labels[r][0]);
		if (two) {
			cairo_move_to(cr, 40, y + 9);
			cairo_show_text(cr, labels[r][1]);
		}
		for (int c = 0; c < 4; c++) {
			char n[32];

			snprintf(n, sizeof(n), "0,%04d", 628 + 37 * (int)r + c);
			show_right(cr, 260 + 60 * c, y + (two ? 4.5 : 0), n);
		}
		y += two ? 9 : 0;
	}
	cairo_move_to(cr, 150, y + 5.5);   /* overlapping the last row's lower line */
	cairo_show_text(cr, "Källa: egna beräkningar");
	struct doc *d = drawn_page(cr, pdf, &e);

	assert_non_null(d);
	assert_int_equal(d->ntables, 1);
	const struct doc_table *t = &d->tables[0];

	assert_int_equal(t->nrows, 5);
	assert_string_equal(grid_text(t, 2, 0), "Inkomstskillnad mellan länen (Gini-index)");
	assert_string_equal(grid_text(t, 2, 1), "0,0665");
	assert_string_equal(grid_text(t, 3, 0), "Förlorade levnadsår före 75 års ålder (per 100 000 invånare)");
	assert_string_equal(grid_text(t, 4, 0), "Skillnad i förlorade levnadsår mellan länen (Gini-index)");
	assert_string_equal(grid_text(t, 4, 4), "0,0742");
	for (size_t i = 0; i < t->ncells; i++)
		assert_null(strstr(t->cells[i].text, "Källa"));
	doc_free(d);
	g_string_free(pdf, TRUE);
}

/* Group spanners centred over the columns of numbers, right of the
 * labels, set apart by a blank line ("Antal elever, tusental", one
 * longer than a line of prose): rows of the table, which goes on under
 * them. A spanner over a header row of its own (its label set in from
 * the labels above: "Designeffekt" over "Andel 1,0 1,1 ...", the next
 * table's) starts that table. */
static void spanners_apart(void **state)
{
	static const char *const spans[] = {
		"Antal elever, tusental",
		"Procentuell skillnad mellan det faktiska och det beräknade antalet elever per år",
	};
	GString *pdf;
	cairo_t *cr = new_page(&pdf, "DejaVu Sans", 7);
	struct ex_error e = { 0 };
	double y = 100;

	for (int table = 0; table < 2; table++) {
		cairo_text_extents_t x;

		cairo_text_extents(cr, "Designeffekt", &x);
		cairo_move_to(cr, 370 - x.x_advance / 2, y);
		cairo_show_text(cr, "Designeffekt");
		y += 11;
		cairo_move_to(cr, 60, y);
		cairo_show_text(cr, "Andel");
		for (int c = 0; c < 4; c++) {
			char n[32];

			snprintf(n, sizeof(n), "%d,%d", 1 + table, c);
			show_right(cr, 300 + 70 * c, y, n);
		}
		for (int g = 0; g < 2; g++) {
			y += 22;   /* a blank line's room above the spanner */
			cairo_text_extents(cr, spans[g], &x);
			cairo_move_to(cr, 370 - x.x_advance / 2, y);
			cairo_show_text(cr, spans[g]);
			for (int r = 0; r < 3; r++) {
				char label[48];

				y += 11;
				snprintf(label, sizeof(label), "Prognos %d", 2017 + r);
				cairo_move_to(cr, 40, y);
				cairo_show_text(cr, label);
				for (int c = 0; c < 4; c++) {
					char n[32];

					snprintf(n, sizeof(n), g ? "%d,%d" : "%d", g ? r : 49000 + 31 * r + c, c);
					show_right(cr, 300 + 70 * c, y, n);
				}
			}
		}
		y += 30;
	}
	struct doc *d = drawn_page(cr, pdf, &e);

	assert_non_null(d);
	assert_int_equal(d->ntables, 2);
	for (int k = 0; k < 2; k++) {
		const struct doc_table *t = &d->tables[k];

		assert_int_equal(t->nrows, 9);   /* the header, two spanners, six rows */
		assert_string_equal(grid_text(t, 8, 0), "Prognos 2019");
		assert_string_equal(grid_text(t, 8, 4), "2,3");
	}
	doc_free(d);
	g_string_free(pdf, TRUE);
}

/* An income statement whose header gives each year as a date range
 * over two lines ("2020-01-01" over "-2020-12-31", or "2022-01-01-"
 * over "2022-12-31") and whose body starts under a group heading: one
 * table, each range one header cell, the values' periods those ranges.
 * A row of amounts under a header row of single dates stays a row. */
static void check_range_header(int dash_first)
{
	GString *pdf;
	cairo_t *cr = new_page(&pdf, "DejaVu Sans", 9);
	struct ex_error e = { 0 };

	cairo_move_to(cr, 60, 80);
	cairo_show_text(cr, "Resultaträkning");
	show_right(cr, 330, 80, "Not");
	show_right(cr, 420, 80, dash_first ? "2020-01-01" : "2020-01-01-");
	show_right(cr, 500, 80, dash_first ? "2019-01-01" : "2019-01-01-");
	show_right(cr, 420, 92, dash_first ? "-2020-12-31" : "2020-12-31");
	show_right(cr, 500, 92, dash_first ? "-2019-12-31" : "2019-12-31");
	cairo_move_to(cr, 60, 118);
	cairo_show_text(cr, "Rörelseintäkter");
	static const char *const body[][4] = { { "Årsavgifter och hyresintäkter", "2", "11 529 030", "11 434 464" },
					       { "Övriga rörelseintäkter", "3", "929 332", "961 162" },
					       { "Summa rörelseintäkter", NULL, "12 458 362", "12 395 626" } };
	for (int r = 0; r < 3; r++) {
		cairo_move_to(cr, 60, 131 + 13 * r);
		cairo_show_text(cr, body[r][0]);
		if (body[r][1])
			show_right(cr, 330, 131 + 13 * r, body[r][1]);
		show_right(cr, 420, 131 + 13 * r, body[r][2]);
		show_right(cr, 500, 131 + 13 * r, body[r][3]);
	}
	struct doc *d = drawn_page(cr, pdf, &e);
	const struct doc_value *v;

	assert_non_null(d);
	assert_int_equal(d->ntables, 1);
	assert_int_equal(table_of(d, dash_first ? "2020-01-01 -2020-12-31" : "2020-01-01-2020-12-31"), 0);
	assert_int_equal(table_of(d, "Årsavgifter och hyresintäkter"), 0);
	assert_int_equal(d->tables[0].header_rows, 1);   /* a row of ranges heads */
	assert_non_null(v = value_of(d, "Årsavgifter och hyresintäkter", 11529030));
	assert_non_null(v->period.start);
	assert_string_equal(v->period.start, "2020-01-01");
	assert_string_equal(v->period.end, "2020-12-31");
	assert_int_equal(v->note, 2);
	doc_free(d);
	g_string_free(pdf, TRUE);
}

static void range_header(void **state)
{
	check_range_header(1);
	check_range_header(0);
}

/* A header whose cells wrap over lines ("Andel av" over "medlemmarna"
 * over "som svarat", each column's lines one cell) is one header row; a
 * group's header centred over its columns ("Antal medlemmar" over "Totalt"
 * and "Aktiva", or on the middle one of its columns: "Kvinnor" over
 * "Under 30") keeps rows of its own; a label alone after the header
 * ("Faktiskt") is the body's. */
static void check_header_lines(int spanning)
{
	static const char *const wrapped[][3] = { { "Andel av", "Antal", "Antal" },
						  { "medlemmarna", "svar", "utskick" },
						  { "som svarat", "totalt", "per post" } };
	GString *pdf;
	cairo_t *cr = new_page(&pdf, "DejaVu Sans", 8);
	struct ex_error e = { 0 };

	if (spanning == 2) {   /* a group's header centred on its middle column */
		show_right(cr, 280, 90, "Andel");
		show_right(cr, 375, 90, "Kvinnor");
		show_right(cr, 280, 100, "av alla");
		show_right(cr, 375, 100, "Under 30");
		show_right(cr, 470, 100, "Äldre");
	} else if (spanning) {
		show_right(cr, 280, 90, "Andel");
		show_right(cr, 455, 90, "Antal medlemmar");   /* over the last two columns */
		show_right(cr, 280, 100, "som svarat");
		show_right(cr, 380, 100, "Totalt");
		show_right(cr, 470, 100, "Aktiva");
	} else {
		for (int r = 0; r < 3; r++)
			for (int c = 0; c < 3; c++)
				show_right(cr, 280 + 95 * c, 80 + 10 * r, wrapped[r][c]);
	}
	cairo_move_to(cr, 60, spanning ? 100 : 100);
	cairo_show_text(cr, "Förening");
	cairo_move_to(cr, 60, 112);
	cairo_show_text(cr, "Faktiskt");
	for (int r = 0; r < 4; r++) {
		char n[3][48];

		snprintf(n[0], sizeof(n[0]), "%d,%d", 40 + r, r);
		snprintf(n[1], sizeof(n[1]), "%d", 120 + 7 * r);
		snprintf(n[2], sizeof(n[2]), "%d", 300 + 11 * r);
		cairo_move_to(cr, 60, 124 + 12 * r);
		cairo_show_text(cr, (const char *[]){ "Norra", "Södra", "Östra", "Västra" }[r]);
		show_right(cr, 280, 124 + 12 * r, n[0]);
		show_right(cr, spanning == 1 ? 380 : 375, 124 + 12 * r, n[1]);
		show_right(cr, spanning ? 470 : 470, 124 + 12 * r, n[2]);
	}
	struct doc *d = drawn_page(cr, pdf, &e);

	assert_non_null(d);
	assert_int_equal(d->ntables, 1);
	const struct doc_table *t = &d->tables[0];

	if (!spanning) {
		assert_int_equal(table_of(d, "Andel av medlemmarna som svarat"), 0);
		assert_int_equal(table_of(d, "Antal utskick per post"), 0);
		assert_int_equal(t->header_rows, 1);
	} else if (spanning == 2) {
		assert_int_equal(table_of(d, "Kvinnor"), 0);
		assert_int_equal(table_of(d, "Kvinnor Under 30"), -1);
	} else {
		assert_int_equal(table_of(d, "Antal medlemmar"), 0);
		assert_int_equal(table_of(d, "Totalt"), 0);
		assert_int_equal(table_of(d, "Andel som svarat"), -1);
	}
	for (size_t i = 0; i < t->ncells; i++)
		if (!strcmp(t->cells[i].text, "Faktiskt"))
			assert_true(t->cells[i].row >= 1);
	assert_int_equal(table_of(d, "Faktiskt"), 0);
	doc_free(d);
	g_string_free(pdf, TRUE);
}

static void header_lines(void **state)
{
	check_header_lines(0);
	check_header_lines(1);
	check_header_lines(2);
}

/* A header row of dates each set over an amount and its share
 * ("12/31/2020" over "Tkr" and "%"), and a group's label set out left of
 * the labels under it: the dates head, they make no columns of their own,
 * each amount and share its own cell; the group's label a row of the
 * table. */
static void dates_over_column_pairs(void **state)
{
	static const char *const dates[] = { "12/31/2020", "12/31/2021", "6/30/2022" };
	GString *pdf;
	cairo_t *cr = new_page(&pdf, "DejaVu Sans", 8);
	struct ex_error e = { 0 };

	for (int c = 0; c < 3; c++) {
		show_right(cr, 314 + 100 * c, 80, dates[c]);   /* over both */
		show_right(cr, 280 + 100 * c, 92, "Tkr");
		show_right(cr, 320 + 100 * c, 92, "%");
	}
	cairo_move_to(cr, 100, 92);
	cairo_show_text(cr, "Lån");
	cairo_move_to(cr, 60, 104);
	cairo_show_text(cr, "Fastighetslån");
	for (int r = 0; r < 3; r++) {
		cairo_move_to(cr, 66, 116 + 12 * r);
		cairo_show_text(cr, (const char *[]){ "Bostäder", "Lokaler", "Mark" }[r]);
		for (int c = 0; c < 3; c++) {
			char n[2][48];

			snprintf(n[0], sizeof(n[0]), "%d %03d", 4 + r + c, 151 + 17 * r);
			snprintf(n[1], sizeof(n[1]), "%d,%d", 25 + r, c);
			show_right(cr, 280 + 100 * c, 116 + 12 * r, n[0]);
			show_right(cr, 320 + 100 * c, 116 + 12 * r, n[1]);
		}
	}
	struct doc *d = drawn_page(cr, pdf, &e);

	assert_non_null(d);
	assert_int_equal(d->ntables, 1);
	assert_int_equal(d->tables[0].ncols, 7);
	assert_int_equal(table_of(d, "4 151"), 0);   /* the amount alone, its share apart */
	assert_int_equal(table_of(d, "25,0"), 0);
	assert_int_equal(table_of(d, "Fastighetslån"), 0);
	doc_free(d);
	g_string_free(pdf, TRUE);
}

/* A scanned table's empty cell: OCR boxes a dash by its ink, a flat bar
 * (0.9 points high, its middle 0.7 points off its row's, as on a grey
 * latex scan); it is its row's last cell, not a row of its own that
 * parts the table in two. A dash half a row below stays out. */
static void scanned_dash_cell(void **state)
{
	static const struct { const char *text; float x0, y0, x1, y1; } cells[] = {
		{ "2020", 250, 281, 272, 287.5f }, { "2019", 295, 281, 317, 287.5f },
		{ "2018", 339, 281, 362, 287.5f }, { "2017", 384, 281, 407, 287.5f },
		{ "Skuldsättning", 59, 292.6f, 130, 301 }, { "7770", 250, 292.8f, 272, 299.3f },
		{ "6261", 295, 292.8f, 317, 299.3f }, { "6636", 340, 292.8f, 362, 299.3f },
		{ "6021", 385, 292.8f, 406, 299.3f },
		{ "Sparande", 59, 316.6f, 110, 325 }, { "938", 256, 316.6f, 272, 323 },
		{ "727", 301, 316.6f, 317, 323 }, { "511", 346, 316.6f, 361, 323 },
		{ "-", 402.2f, 319.7f, 406.8f, 320.6f },
		{ "Resultat", 59, 340.6f, 110, 347.3f }, { "102931", 238, 340.6f, 272, 347.3f },
		{ "699850", 283, 340.6f, 317, 347.3f }, { "-762290", 322, 340.6f, 362, 347.3f },
		{ "-882099", 366, 340.8f, 407, 347.3f },
		{ "Nettoomsättning", 58, 352.3f, 150, 360.7f }, { "8875080", 232, 352.6f, 272, 359 },
		{ "3627341", 278, 352.6f, 317, 359 }, { "4787616", 322, 352.6f, 362, 359 },
		{ "5814119", 367, 352.6f, 407, 359 },
	};
	enum { N = sizeof(cells) / sizeof(cells[0]) };

	for (int below = 0; below < 2; below++) {
		struct doc *d = doc_new();
		struct doc_word w[N];
		struct doc_line l[N];

		for (int i = 0; i < N; i++) {
			float lower = below && !strcmp(cells[i].text, "-") ? 5.5f : 0;

			w[i] = (struct doc_word){ .text = (char *)cells[i].text,
						  .box = { cells[i].x0, cells[i].y0 + lower, cells[i].x1, cells[i].y1 + lower } };
			l[i] = (struct doc_line){ .words = &w[i], .nwords = 1, .box = w[i].box };
		}
		struct layout_page lp = { .page = 1, .width = 595, .height = 842, .lines = l, .nlines = N };

		assert_int_equal(tbl_find_stream(d, &lp), 0);
		assert_true(d->ntables >= 1);
		const struct doc_table *t = &d->tables[0];
		int r = grid_row(t, 0, "Sparande");

		assert_true(r > 0);
		assert_string_equal(grid_text(t, r, 3), "511");
		if (below) {   /* a row of its own */
			assert_string_equal(grid_text(t, r, 4), "");
		} else {
			assert_int_equal(d->ntables, 1);
			assert_string_equal(grid_text(t, r, 4), "-");
			assert_true(grid_row(t, 0, "Nettoomsättning") > r);
		}
		doc_free(d);
	}
}

/* Which pages the table finders look at: short lines side by side in
 * any order (poppler reads a grid column by column). Two pairs, a two by
 * two grid of ratings alone on its page ("GENOMFÖRANDE" over "gult",
 * "EFFEKT" over "GRÖN", read down each column) are enough (with three
 * needed, such a page's grid was never read, nor its ratings); one pair
 * ("Ort och datum" beside "Ort och datum") is not. */
static void page_candidates(void **state)
{
	static const struct { const char *text; float x0, y0, x1; } grid[] = {
		{ "GENOMFÖRANDE", 62, 82, 150 }, { "gult", 62, 96, 78 },
		{ "EFFEKT", 275, 82, 315 }, { "GRÖN", 275, 96, 305 },
	};
	struct doc_word w[4];
	struct doc_line l[4];

	for (int i = 0; i < 4; i++) {
		w[i] = (struct doc_word){ .text = grid[i].text,
					  .box = { grid[i].x0, grid[i].y0, grid[i].x1, grid[i].y0 + 9 } };
		l[i] = (struct doc_line){ .words = &w[i], .nwords = 1, .box = w[i].box };
	}
	struct layout_page lp = { .page = 1, .width = 595, .height = 842, .lines = l, .nlines = 4 };

	assert_true(tbl_page_candidate(&lp, NULL));
	lp.nlines = 2;   /* the first column alone: no pair */
	assert_false(tbl_page_candidate(&lp, NULL));
	/* one pair, not read one after the other: "GENOMFÖRANDE", a line of
	 * the page further down, "EFFEKT" */
	struct doc_word prose = { .text = "Styrelsen", .box = { 57, 200, 400, 209 } };
	struct doc_line other[3] = { l[0], { .words = &prose, .nwords = 1, .box = prose.box }, l[2] };

	lp.lines = other;
	lp.nlines = 3;
	assert_false(tbl_page_candidate(&lp, NULL));
}

/* Lines OCR read with little confidence (a signature, a name written by
 * hand under "Justeras"), or whose words are mostly strokes by hand (a
 * signature read as "VANA" at 0.55), are a handwriting block, kept with
 * its text and confidence; no pattern reads it: the adjuster named in
 * print is found, the one in the handwriting is not. Print read surely
 * stays print, and so does a line of print with one word by hand in it
 * (a name a pen's loop ran into). */
/* Blocks and a table (50-400 x 200-300) through layout_page_blocks, the
 * lines in the order given (x0, y0, x1 as an engine read them; 10 pt
 * high); the text of each block as written, "T" for the table, joined
 * by "|". */
struct place_row { const char *text; float x0, y0, x1; };

static void check_table_place(const struct place_row *rows, size_t n,
			      const char *want)
{
	struct doc *d = doc_new();
	struct doc_word w[8];
	struct doc_line l[8];
	struct doc_table *t = doc_add_table(d, "ocr");
	int ti = 0;
	GString *got = g_string_new(NULL);

	assert_true(n <= 8);
	t->box = (struct box){ 50, 200, 400, 300 };
	t->has_box = 1;
	for (size_t i = 0; i < n; i++) {
		w[i] = (struct doc_word){ .text = rows[i].text, .size = 10, .conf = 0.9f,
					  .box = { rows[i].x0, rows[i].y0, rows[i].x1, rows[i].y0 + 10 } };
		l[i] = (struct doc_line){ .words = &w[i], .nwords = 1, .box = w[i].box };
	}
	struct layout_page lp = { .page = 1, .width = 595, .height = 842, .lines = l, .nlines = n,
				  .tables = &ti, .ntables = 1 };

	assert_int_equal(layout_page_blocks(d, &lp), 0);
	for (size_t i = 0; i < d->nblocks; i++)
		g_string_append_printf(got, "%s%s", i ? "|" : "", d->blocks[i].type == DOC_BLK_TABLE ? "T"
										   : d->blocks[i].text);
	assert_string_equal(got->str, want);
	g_string_free(got, TRUE);
	doc_free(d);
}

/* A table goes in before the first block whose top is at or below its
 * own, but a block beside it (over none of its width) does not place it
 * when a block of its column above it comes later: OCR gave a speck in
 * the margin low on the page first, and the table came before the
 * page's title and the unit line over it ("Belopp i kr"), whose unit it
 * then did not take. Must not: a block beside the table with nothing of
 * its column above it after it (a note in the margin beside the table's
 * rows) still follows the table; a block of its column below it given
 * first (a text layer's order) still places it. */
static void table_after_margin_speck(void **state)
{
	static const struct place_row speck[] = {
		{ "i", 5, 600, 8 }, { "Årsredovisning", 57, 60, 200 }, { "Belopp i kr", 57, 180, 130 },
		{ "Texten efter tabellen", 57, 320, 400 },
	}, beside[] = {
		{ "Årsredovisning", 57, 60, 200 }, { "Not", 420, 220, 500 }, { "Texten efter tabellen", 57, 320, 400 },
	}, below_first[] = {
		{ "Kortfristiga fordringar", 57, 320, 180 }, { "TILLGÅNGAR", 57, 150, 150 },
	};

	check_table_place(speck, N_ELEMS(speck), "i|Årsredovisning|Belopp i kr|T|Texten efter tabellen");
	check_table_place(beside, N_ELEMS(beside), "Årsredovisning|T|Not|Texten efter tabellen");
	check_table_place(below_first, N_ELEMS(below_first), "T|Kortfristiga fordringar|TILLGÅNGAR");
}

static void handwriting_blocks(void **state)
{
	static const struct { const char *text; float conf; unsigned flags; } rows[] = {
		{ "Protokoll fört vid styrelsemöte 2020-01-15", 0.95f, 0 },
		{ "Justerare: Per Lundgren", 0.93f, 0 },
		{ "Justerare: Karin Berg", 0.22f, 0 },
		{ "VANA", 0.55f, DOC_WORD_HAND },
		{ "Vid protokollet: Eva Holm, sekreterare", 0.9f, 0 },
		{ "ok", 0.6f, DOC_WORD_HAND },
	};
	struct doc *d = doc_new();
	struct ex_error e = { 0 };
	struct pat_set *ps = pat_set_new(&e);
	struct doc_word w[6];
	struct doc_line l[5];
	struct page_input in = { 0 };
	size_t hand = 0;

	assert_non_null(ps);
	for (int i = 0; i < 6; i++) {
		int y = i < 5 ? i : 4;   /* "ok" ends the fifth line */

		w[i] = (struct doc_word){ .text = rows[i].text, .conf = rows[i].conf, .size = 10, .flags = rows[i].flags,
					  .box = { 57 + 320 * (float)(i == 5), 100 + 40 * (float)y,
						   300 + 40 * (float)(i == 5), 110 + 40 * (float)y } };
	}
	for (int i = 0; i < 5; i++)
		l[i] = (struct doc_line){ .words = &w[i], .nwords = 1 + (i == 4), .box = w[i].box };
	l[4].box.x1 = w[5].box.x1;
	in.lp = (struct layout_page){ .page = 1, .width = 595, .height = 842, .lines = l, .nlines = 5 };
	assert_non_null(doc_add_page(d));
	assert_int_equal(page_analyse(d, &in), 0);
	assert_int_equal(page_finish_doc(d), 0);
	for (size_t i = 0; i < d->nblocks; i++) {
		const struct doc_block *b = &d->blocks[i];

		if (b->type == DOC_BLK_HANDWRITING) {
			hand++;
			assert_true(strstr(b->text, "Karin Berg") || !strcmp(b->text, "VANA"));
			assert_true(doc_block_confidence(b) < 0.6f);
		} else {
			assert_null(strstr(b->text, "Karin Berg"));
			assert_null(strstr(b->text, "VANA"));
		}
	}
	assert_int_equal(hand, 2);
	/* the pattern passes in the pipeline's order, up to the protocol's */
	assert_int_equal(pat_header(ps, d), 0);
	assert_int_equal(pat_doc_type(ps, d), 0);
	assert_int_equal(pat_protocol(ps, d), 0);
	assert_int_equal(d->protocol.nadjusters, 1);
	assert_string_equal(d->protocol.adjusters[0], "Per Lundgren");
	pat_set_free(ps);
	doc_free(d);
}

/* A scanned ruled table (a raster at 2 pixels a point) whose rule under
 * row 1 is lost over some columns: where two numbers stand each in its
 * own row ("-71 297" over "35 010") the rule was lost, and they are two
 * cells; two numbers set as one across both rows (the second crossing
 * their boundary), and a label's two lines ("Personal-" over
 * "kostnader"), are one cell spanning both, as before. */
#define RW 800
#define RH 400
static uint32_t rpx[RW * RH];

static void rfill(float x0, float y0, float x1, float y1)
{
	for (int y = (int)(2 * y0); y < (int)(2 * y1); y++)
		for (int x = (int)(2 * x0); x < (int)(2 * x1); x++)
			rpx[y * RW + x] = 0xFF000000u;
}

static void lost_rule_numbers(void **state)
{
	static const float xs[] = { 50, 150, 220, 290, 360 }, ys[] = { 100, 115, 130, 145, 160 };
	static const char *const cells[4][4] = {
		{ "Post", "2025", "2024", "2023" },
		{ "Personal-", "-89 841", "-71 297", "" },
		{ "kostnader", "56 917", "35 010", "" },
		{ "Hyra", "6 599", "5 349", "8 322" },
	};
	struct page_raster r = { .data = (const unsigned char *)rpx, .width = RW, .height = RH, .stride = RW * 4,
				 .scale = 2 };
	struct doc_word w[40];
	struct doc_line l[20];
	char heads[16][8];   /* a number's first group */
	size_t nw = 0, nl = 0, nh = 0;
	struct doc *d = doc_new();
	struct layout_page lp = { .page = 1, .width = 400, .height = 200 };
	const struct doc_table *t;

	for (size_t i = 0; i < N_ELEMS(rpx); i++)
		rpx[i] = 0xFFFFFFFFu;
	for (int i = 0; i < 5; i++) {
		rfill(xs[i], 100, xs[i] + 1, 160);   /* rules down */
		if (i != 2)
			rfill(50, ys[i], 361, ys[i] + 1);   /* rules across */
	}
	rfill(150, 130, 220, 131);   /* under row 1: only over the second column */
	for (int row = 0; row < 4; row++)
		for (int c = 0; c < 4; c++) {
			const char *text = cells[row][c];
			char *sp;

			if (!*text)
				continue;
			l[nl] = (struct doc_line){ .words = &w[nw] };
			sp = strchr(text, ' ');
			for (int part = 0; part < (sp ? 2 : 1); part++) {
				const char *p = part ? sp + 1 : text;
				float x0 = xs[c] + 5 + 25 * (float)part;

				if (sp && !part) {
					snprintf(heads[nh], sizeof(heads[nh]), "%.*s", (int)(sp - text), text);
					p = heads[nh++];
				}
				w[nw++] = (struct doc_word){ .text = p,
							     .conf = 0.9f, .size = 8,
							     .box = { x0, ys[row] + 4, x0 + 20, ys[row] + 11 } };
				l[nl].nwords++;
			}
			l[nl].box = (struct box){ l[nl].words[0].box.x0, ys[row] + 4,
						  l[nl].words[l[nl].nwords - 1].box.x1, ys[row] + 11 };
			nl++;
		}
	/* two numbers set as one across rows 1 and 2 of the last column,
	 * the second crossing the rows' boundary */
	w[nw] = (struct doc_word){ .text = "66 210", .conf = 0.9f, .size = 8, .box = { 295, 119, 330, 126 } };
	l[nl++] = (struct doc_line){ .words = &w[nw++], .nwords = 1, .box = { 295, 119, 330, 126 } };
	w[nw] = (struct doc_word){ .text = "78 214", .conf = 0.9f, .size = 8, .box = { 295, 127.5f, 330, 134.5f } };
	l[nl++] = (struct doc_line){ .words = &w[nw++], .nwords = 1, .box = { 295, 127.5f, 330, 134.5f } };
	lp.lines = l;
	lp.nlines = nl;
	lp.used = arena_alloc(d->arena, nl + 1);
	assert_non_null(doc_add_page(d));
	assert_int_equal(tbl_find_ruled(d, &lp, &r), 0);
	assert_int_equal(d->ntables, 1);
	t = &d->tables[0];
	assert_int_equal(t->nrows, 4);
	for (size_t i = 0; i < t->ncells; i++) {
		const struct doc_cell *x = &t->cells[i];

		if (x->col == 2 && (x->row == 1 || x->row == 2)) {
			assert_int_equal(x->rowspan, 1);
			assert_string_equal(x->text, x->row == 1 ? "-71 297" : "35 010");
		}
		if ((x->col == 0 || x->col == 3) && x->row == 1) {
			assert_int_equal(x->rowspan, 2);
			assert_string_equal(x->text, x->col ? "66 210 78 214" : "Personalkostnader");
		}
	}
	doc_free(d);
}

/* A group's heading alone between blank lines, where the labels start,
 * long enough to reach over the first column of numbers ("Högsta examen
 * efter kandidatexamen fram till 2023" over the rows set in under it): a
 * row of the table, which goes on under it. A line across more than half
 * the table's width so set (a paragraph's line between two tables) ends
 * the first table. */
static void long_group_heading(void **state)
{
	static const char *const heads[] = {
		"Högsta examen efter kandidatexamen fram till 2023",
		"De uppgifter som följer nedan gäller alla studenter som har tagit ut minst en examen",
	};
	for (int wide = 0; wide < 2; wide++) {
		GString *pdf;
		cairo_t *cr = new_page(&pdf, "DejaVu Sans", 7);
		struct ex_error e = { 0 };
		double y = 100;

		cairo_move_to(cr, 40, y);
		cairo_show_text(cr, "Grupp");
		for (int c = 0; c < 5; c++)
			show_right(cr, 200 + 70 * c, y, (const char *[]){ "Inga", "Kandidat", "Master", "Båda", "Belopp" }[c]);
		for (int g = 0; g < 2; g++) {
			y += 22;
			cairo_move_to(cr, 40, y);
			cairo_show_text(cr, g ? heads[wide] : "Typ av lärosäte");
			for (int r = 0; r < 3; r++) {
				y += 11;
				cairo_move_to(cr, 46, y);
				cairo_show_text(cr, (const char *[]){ "Masterexamen", "Doktorsexamen", "Yrkesexamen" }[r]);
				for (int c = 0; c < 5; c++) {
					char n[32];

					snprintf(n, sizeof(n), c == 4 ? "%d 500" : "%d,%d", 20 + 3 * r + c, c);
					show_right(cr, 200 + 70 * c, y, n);
				}
			}
		}
		struct doc *d = drawn_page(cr, pdf, &e);

		assert_non_null(d);
		assert_int_equal(d->ntables, 1 + wide);
		assert_int_equal(d->tables[0].nrows, wide ? 5 : 9);
		doc_free(d);
		g_string_free(pdf, TRUE);
	}
}

/* Rows set a blank line apart, a label wrapped over three lines
 * ("Ansökningar och tjänster" / "utvecklade av allmänheten och" /
 * "myndigheter") with the next row as far below its last line as the
 * rows stand apart: one table, the label one cell. far: the row after
 * the wrapped label stands three times as far off, a table of its own. */
static void rows_apart_wrapped_label(void **state)
{
	static const char *const rows[][4] = {
		{ "Tillgängliga datamängder", "47", "272 768", "389 933" },
		{ "Ansökningar och tjänster", "0", "237", "1 079" },
		{ "utvecklade av allmänheten och", NULL, NULL, NULL },
		{ "myndigheter", NULL, NULL, NULL },
		{ "Nedladdningar", "0", "652 412", "2 348 928" },
		{ "Kommuner med öppna data", "0", "8", "29" },
	};
	for (int far = 0; far < 2; far++) {
		GString *pdf;
		cairo_t *cr = new_page(&pdf, "DejaVu Sans", 9);
		struct ex_error e = { 0 };
		double y = 100;

		cairo_move_to(cr, 60, y);
		cairo_show_text(cr, "Mått");
		for (int c = 1; c < 4; c++)
			show_right(cr, 220 + 90 * c, y, (const char *[]){ "", "2009", "2010", "2011" }[c]);
		for (size_t r = 0; r < N_ELEMS(rows); r++) {
			y += rows[r][1] ? (far && r == 4 ? 75 : 25) : 15;   /* a blank line between rows */
			cairo_move_to(cr, 60, y);
			cairo_show_text(cr, rows[r][0]);
			for (int c = 1; c < 4 && rows[r][1]; c++)
				show_right(cr, 220 + 90 * c, y, rows[r][c]);
		}
		struct doc *d = drawn_page(cr, pdf, &e);

		assert_non_null(d);
		assert_int_equal(d->ntables, far ? 2 : 1);
		assert_int_equal(d->tables[0].nrows, far ? 3 : 5);
		assert_string_equal(grid_text(&d->tables[0], 2, 0),
				    "Ansökningar och tjänster utvecklade av allmänheten och myndigheter");
		assert_string_equal(grid_text(&d->tables[0], 2, 3), "1 079");
		doc_free(d);
		g_string_free(pdf, TRUE);
	}
}

/* A chart beside a table: its axis titles set turned up the page
 * ("Hushållens inkomst (kr)", "Gini-index"), its value axes' labels
 * counting down ("54 000" over "53 000" ..., "0,50" over "0,48" ...)
 * and its year axis, each a line of the page's text, none a table and
 * none a footnote ("50 000" low on the page, in small print, is no note
 * 50 reading " 000"; "1 Källa: SCB" under it is note 1).
 * Letters of a column's cells set one under the other ("B" over "B")
 * stay upright cells; a table of numbers only that counts up the page
 * ("1 101 251" over "2 102 252") is a table. */
static void chart_beside_table(void **state)
{
	GString *pdf;
	cairo_t *cr = new_page(&pdf, "DejaVu Sans", 8);
	struct ex_error e = { 0 };

	for (int r = 0; r < 4; r++) {   /* a table with a column of single letters */
		cairo_move_to(cr, 60, 80 + 12 * r);
		cairo_show_text(cr, (const char *[]){ "Förskola", "Skola", "Fritids", "Gymnasium" }[r]);
		cairo_move_to(cr, 180, 80 + 12 * r);
		cairo_show_text(cr, (const char *[]){ "A", "B", "B", "C" }[r]);
		show_right(cr, 300, 80 + 12 * r, (const char *[]){ "1 200", "900", "300", "1 450" }[r]);
	}
	for (int r = 0; r < 12; r++) {   /* the report's text, in the body's size */
		cairo_move_to(cr, 60, 160 + 11 * r);
		cairo_show_text(cr, "Inkomsterna har ökat i alla grupper under perioden, men skillnaderna");
	}
	cairo_set_font_size(cr, 6);   /* the chart's labels, small, low on the page */
	for (int r = 0; r < 5; r++) {   /* the chart's value axes */
		char left[32], right[32];

		snprintf(left, sizeof(left), "%d 000", 54 - r);
		snprintf(right, sizeof(right), "0,%02d", 50 - 2 * r);
		show_right(cr, 130, 560 + 20 * (double)r, left);
		cairo_move_to(cr, 340, 560 + 20 * (double)r);
		cairo_show_text(cr, right);
	}
	for (int c = 0; c < 4; c++) {   /* its year axis */
		char year[32];

		snprintf(year, sizeof(year), "%d", 2019 + c);
		cairo_move_to(cr, 150 + 50 * c, 660);
		cairo_show_text(cr, year);
	}
	cairo_save(cr);
	cairo_move_to(cr, 80, 640);
	cairo_rotate(cr, -M_PI / 2);
	cairo_show_text(cr, "Hushållens inkomst (kr)");
	cairo_restore(cr);
	cairo_save(cr);
	cairo_move_to(cr, 375, 630);
	cairo_rotate(cr, -M_PI / 2);
	cairo_show_text(cr, "Gini-index");
	cairo_restore(cr);
	cairo_move_to(cr, 60, 780);   /* a note under it */
	cairo_show_text(cr, "1 Källa: SCB, inkomst- och taxeringsregistret");
	cairo_set_font_size(cr, 8);
	for (int r = 0; r < 4; r++)   /* row numbers counting up: a table */
		for (int c = 0; c < 3; c++) {
			char n[32];

			snprintf(n, sizeof(n), "%d", (int[]){ 0, 100, 250 }[c] + r + 1);
			show_right(cr, 100 + 60 * c, 400 + 12 * (double)r, n);
		}
	struct doc *d = drawn_page(cr, pdf, &e);

	assert_non_null(d);
	assert_int_equal(d->ntables, 2);
	assert_int_equal(table_of(d, "Förskola"), 0);
	assert_string_equal(grid_text(&d->tables[0], 1, 1), "B");
	assert_string_equal(grid_text(&d->tables[0], 2, 1), "B");
	assert_string_equal(grid_text(&d->tables[1], 3, 2), "254");
	assert_non_null(tu_find(d, DOC_BLK_PARAGRAPH, "Hushållens inkomst (kr)"));
	assert_non_null(tu_find(d, DOC_BLK_PARAGRAPH, "Gini-index"));
	for (size_t i = 0; i < d->nblocks; i++)   /* an axis label is no footnote's number */
		if (d->blocks[i].type == DOC_BLK_FOOTNOTE) {
			assert_int_equal(d->blocks[i].note, 1);
			assert_string_equal(d->blocks[i].text, "Källa: SCB, inkomst- och taxeringsregistret");
		}
	assert_non_null(tu_find(d, DOC_BLK_FOOTNOTE, "Källa: SCB"));
	doc_free(d);
	g_string_free(pdf, TRUE);
}

/* Two columns of running text whose right column's lines start with
 * numbers ("10 block, eller grupper, av frågor ...", "2011 års häften
 * ...") are no table: a line of prose is no cell of numbers for its
 * first word. Two columns whose right one holds numbers with their units
 * ("4 512 kr per år", "45 %") are one. */
static void prose_starting_with_numbers(void **state)
{
	static const char *const prose[][2] = {
		{ "Enkäten 2011 bestod av häften med frågor", "10 block, eller grupper, av frågor. Vart och ett av" },
		{ "om boendet och om föreningens service och", "2011 års häften innehöll två block. Varje häfte hade" },
		{ "en del bakgrundsfrågor till de boende.", "3 av de tio blocken fanns med redan i tidigare år." },
	};
	static const char *const cells[][2] = {
		{ "Årsavgift", "4 512 kr per år" }, { "Andel nöjda", "45 %" }, { "Möten", "11 st" },
	};
	for (int table = 0; table < 2; table++) {
		GString *pdf;
		cairo_t *cr = new_page(&pdf, "DejaVu Sans", 8);
		struct ex_error e = { 0 };

		for (int r = 0; r < 3; r++) {   /* a table of figures above, so the page is looked at */
			cairo_move_to(cr, 50, 60 + 11 * r);
			cairo_show_text(cr, (const char *[]){ "Intäkter", "Kostnader", "Resultat" }[r]);
			show_right(cr, 300, 60 + 11 * r, (const char *[]){ "1 200", "900", "300" }[r]);
			show_right(cr, 400, 60 + 11 * r, (const char *[]){ "1 100", "950", "150" }[r]);
		}
		for (int r = 0; r < 3; r++)
			for (int c = 0; c < 2; c++) {
				cairo_move_to(cr, 50 + 250 * c, 120 + 11 * r);
				cairo_show_text(cr, table ? cells[r][c] : prose[r][c]);
			}
		struct doc *d = drawn_page(cr, pdf, &e);

		assert_non_null(d);
		assert_int_equal(d->ntables, 1 + table);
		assert_int_equal(table_of(d, "Intäkter"), 0);
		doc_free(d);
		g_string_free(pdf, TRUE);
	}
}

/* A page set in three columns of running text is no table, though its
 * lines stand side by side row by row; three columns of short cells
 * (names, roles, places) are one. */
static void text_columns_no_table(void **state)
{
	static const char *const prose[] = {
		"Styrelsen har under året haft elva", "protokollförda möten och ett antal",
		"arbetsmöten där frågor om ekonomi", "och underhåll har behandlats med",
		"stor noggrannhet och med hjälp av", "föreningens förvaltare som har",
		"bistått med underlag till besluten", "om avgifter och om planerat underhåll",
	};
	static const char *const cells[][3] = {
		{ "Anna Berg", "ordförande", "Lund" }, { "Per Ek", "kassör", "Malmö" },
		{ "Eva Lind", "sekreterare", "Ystad" }, { "Olof Strand", "ledamot", "Höör" },
		{ "Karin Ås", "suppleant", "Eslöv" }, { "Nils Holm", "revisor", "Lomma" },
	};
	for (int table = 0; table < 2; table++) {
		GString *pdf;
		cairo_t *cr = new_page(&pdf, "DejaVu Sans", 8);
		struct ex_error e = { 0 };

		for (int r = 0; r < 3; r++) {   /* a table of figures above, so the page is looked at */
			cairo_move_to(cr, 50, 60 + 11 * r);
			cairo_show_text(cr, (const char *[]){ "Intäkter", "Kostnader", "Resultat" }[r]);
			show_right(cr, 300, 60 + 11 * r, (const char *[]){ "1 200", "900", "300" }[r]);
			show_right(cr, 400, 60 + 11 * r, (const char *[]){ "1 100", "950", "150" }[r]);
		}
		for (int r = 0; r < 8; r++)
			for (int c = 0; c < 3; c++) {
				if (table && r >= 6)
					break;
				cairo_move_to(cr, 50 + 175 * c, 120 + 11 * r);
				cairo_show_text(cr, table ? cells[r][c] : prose[(r + 3 * c) % 8]);
			}
		struct doc *d = drawn_page(cr, pdf, &e);

		assert_non_null(d);
		assert_int_equal(d->ntables, table ? 2 : 1);   /* the figures, and the names' table */
		assert_int_equal(table_of(d, "Intäkter"), 0);
		doc_free(d);
		g_string_free(pdf, TRUE);
	}
}

/* A table set beside a column of running text (the article goes on
 * right of the figures, at its own line spacing): one table of the
 * figures, the text no column of it. A column of short comments in a
 * table stays its column. */
static void table_beside_text(void **state)
{
	static const char *const text[] = {
		"Styrelsen har under året arbetat vidare med planen för", "underhåll av husen och med att se över",
		"föreningens avtal med leverantörer av el och värme så att", "kostnaderna hålls nere även de kommande åren",
		"när räntorna stiger och lånen ska läggas om till nya", "villkor som banken erbjuder föreningen i höst",
		"efter de förhandlingar som styrelsen har fört under", "våren tillsammans med föreningens förvaltare",
		"och revisorer som har granskat alla underlag noga",
	};
	static const char *const labels[] = { "Lund", "Malmö", "Ystad", "Höör", "Eslöv", "Lomma", "Trelleborg" };
	for (int comments = 0; comments < 2; comments++) {
		GString *pdf;
		cairo_t *cr = new_page(&pdf, "DejaVu Sans", 7);
		struct ex_error e = { 0 };

		for (int r = 0; r < 7; r++) {
			char n[2][48];

			snprintf(n[0], sizeof(n[0]), "%d %03d", 1 + r, 100 + 37 * r);
			snprintf(n[1], sizeof(n[1]), "%d,%d", 20 + r, r);
			cairo_move_to(cr, 40, 100 + 12 * r);
			cairo_show_text(cr, labels[r]);
			show_right(cr, 150, 100 + 12 * r, n[0]);
			show_right(cr, 200, 100 + 12 * r, n[1]);
			if (comments) {
				cairo_move_to(cr, 230, 100 + 12 * r);
				cairo_show_text(cr, r % 2 ? "enligt plan" : "högre än väntat");
			}
		}
		for (int k = 0; k < 9 && !comments; k++) {   /* the text beside, at its own spacing */
			cairo_move_to(cr, 300, 96 + 10.3 * k);
			cairo_show_text(cr, text[k]);
		}
		struct doc *d = drawn_page(cr, pdf, &e);

		assert_non_null(d);
		assert_int_equal(d->ntables, 1);
		assert_int_equal(d->tables[0].ncols, comments ? 4 : 3);
		assert_int_equal(d->tables[0].nrows, 7);
		for (size_t i = 0; i < d->tables[0].ncells; i++)
			assert_null(strstr(d->tables[0].cells[i].text, "Styrelsen"));
		doc_free(d);
		g_string_free(pdf, TRUE);
	}
}

/* The first row of a table sets columns like any other: a note ("3") only
 * on the first row of a statement's part, under group headings, is a
 * column of its own, not the first group of "3 330". */
static void first_row_columns(void **state)
{
	GString *pdf;
	cairo_t *cr = new_page(&pdf, "DejaVu Sans", 10);
	struct ex_error e = { 0 };
	cairo_move_to(cr, 60, 40);
	cairo_show_text(cr, "Belopp i kr");
	show_right(cr, 380, 40, "Not");
	show_right(cr, 440, 40, "2020-12-31");
	show_right(cr, 520, 40, "2019-12-31");
	cairo_move_to(cr, 60, 72);   /* group headings part the statement */
	cairo_show_text(cr, "Omsättningstillgångar");
	cairo_move_to(cr, 60, 86);
	cairo_show_text(cr, "Kortfristiga fordringar");
	cairo_move_to(cr, 60, 100);
	cairo_show_text(cr, "Övriga fordringar");
	show_right(cr, 380, 100, "3");
	show_right(cr, 440, 100, "330");
	show_right(cr, 520, 100, "-");
	cairo_move_to(cr, 60, 114);
	cairo_show_text(cr, "Summa kortfristiga fordringar");
	show_right(cr, 440, 114, "330");
	show_right(cr, 520, 114, "-");
	struct doc *d = drawn_page(cr, pdf, &e);
	const struct doc_value *v = NULL;

	assert_non_null(d);
	for (size_t i = 0; i < d->nvalues; i++) {
		if (d->values[i].label && !strcmp(d->values[i].label, "Övriga fordringar") && d->values[i].value == 330)
			v = &d->values[i];
		assert_false(d->values[i].value == 3330);   /* "3 330": the note run into the amount */
	}
	assert_non_null(v);
	doc_free(d);
	g_string_free(pdf, TRUE);
}

/* Years set flush left over numbers set flush right head their columns:
 * the row of years is no body row that makes columns of its own. */
static void years_flush_left(void **state)
{
	static const char *const nums[][3] = { { "-804", "426", "221" }, { "2,4", "5,3", "4,3" },
					       { "60", "25", "91" } };
	GString *pdf;
	cairo_t *cr = new_page(&pdf, "DejaVu Serif", 10);
	struct ex_error e = { 0 };
	for (int c = 0; c < 3; c++) {
		char y[8];

		snprintf(y, sizeof(y), "%d", 2017 - c);
		cairo_move_to(cr, 300 + 60 * c, 100);
		cairo_show_text(cr, y);
	}
	for (int r = 0; r < 3; r++) {
		cairo_move_to(cr, 60, 114 + 14 * r);
		cairo_show_text(cr, r == 0 ? "Sparande per kvm" : r == 1 ? "Räntekänslighet (%)" : "Antal lägenheter");
		for (int c = 0; c < 3; c++)
			show_right(cr, 350 + 60 * c, 114 + 14 * r, nums[r][c]);
	}
	struct doc *d = drawn_page(cr, pdf, &e);

	assert_non_null(d);
	assert_int_equal(d->ntables, 1);
	assert_int_equal(d->tables[0].ncols, 4);
	assert_string_equal(grid_text(&d->tables[0], 0, 2), "2016");
	assert_string_equal(grid_text(&d->tables[0], 1, 2), "426");
	doc_free(d);
	g_string_free(pdf, TRUE);
}

/* A new_page() with a minutes' title over it (DejaVu Sans bold 16), set
 * to draw on in DejaVu Sans 10. */
static cairo_t *minutes_page(GString **pdf)
{
	cairo_t *cr = new_page(pdf, "DejaVu Sans", 16);

	cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
	cairo_move_to(cr, 60, 80);
	cairo_show_text(cr, "Protokoll fört vid styrelsemöte");
	cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
	cairo_set_font_size(cr, 10);
	return cr;
}

/* Minutes whose lines stand a line apart, so layout joins them into
 * paragraphs: "Närvarande:" ending the "Plats" paragraph, then a person a
 * line ("Name, role"), then the functionaries as fields, which end the
 * list and are no attendees. */
static void minutes_lines_joined(void **state)
{
	static const char *const lines[] = {
		"Datum: 2022-10-13", "Plats: Föreningslokalen", "Närvarande:", "Anna Berg, kassör",
		"Per Ek, ledamot", "Eva Lind, sekreterare", "Ordförande: Anna Berg", "Sekreterare: Eva Lind",
		"Justerare: Per Ek",
	};
	GString *pdf;
	cairo_t *cr = minutes_page(&pdf);
	struct ex_error e = { 0 };

	for (size_t i = 0; i < N_ELEMS(lines); i++) {
		cairo_move_to(cr, 60, 110 + 13 * (double)i);
		cairo_show_text(cr, lines[i]);
	}
	cairo_move_to(cr, 60, 260);
	cairo_show_text(cr, "1 § Mötets öppnande");
	cairo_move_to(cr, 60, 274);
	cairo_show_text(cr, "Ordföranden öppnade mötet.");
	cairo_move_to(cr, 60, 300);
	cairo_show_text(cr, "2 § Budget");
	cairo_move_to(cr, 60, 314);
	cairo_show_text(cr, "Styrelsen beslutar att anta budgeten.");
	struct doc *d = drawn_page(cr, pdf, &e);

	assert_non_null(d);
	assert_string_equal(d->type, "protocol");
	const struct doc_protocol *p = &d->protocol;

	assert_int_equal(p->npeople, 3);
	assert_string_equal(p->people[0].name, "Anna Berg");
	assert_string_equal(p->people[0].role, "kassör");
	assert_string_equal(p->people[2].name, "Eva Lind");
	assert_string_equal(p->chair, "Anna Berg");
	assert_string_equal(p->secretary, "Eva Lind");
	assert_int_equal(p->nadjusters, 1);
	assert_string_equal(p->adjusters[0], "Per Ek");
	doc_free(d);
	g_string_free(pdf, TRUE);
}

/* Agenda items set as headings (bold, larger) numbered "1 §": the
 * number is the item's and the section sign no part of its title; a
 * heading "2. Budget" and one numbered "§ 3" as before. */
static void section_sign_after_number_heading(void **state)
{
	static const char *const heads[] = { "1 § Mötets öppnande", "2. Val av justerare", "§ 3 Budget" };
	GString *pdf;
	cairo_t *cr = minutes_page(&pdf);
	struct ex_error e = { 0 };

	for (size_t i = 0; i < N_ELEMS(heads); i++) {
		cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
		cairo_set_font_size(cr, 13);
		cairo_move_to(cr, 60, 130 + 50 * (double)i);
		cairo_show_text(cr, heads[i]);
		cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
		cairo_set_font_size(cr, 10);
		cairo_move_to(cr, 60, 150 + 50 * (double)i);
		cairo_show_text(cr, "Styrelsen beslutar att godkänna förslaget.");
	}
	struct doc *d = drawn_page(cr, pdf, &e);

	assert_non_null(d);
	const struct doc_protocol *p = &d->protocol;

	assert_int_equal(p->nitems, 3);
	assert_string_equal(p->items[0].number, "1");
	assert_string_equal(p->items[0].title, "Mötets öppnande");
	assert_string_equal(p->items[1].number, "2");
	assert_string_equal(p->items[1].title, "Val av justerare");
	assert_string_equal(p->items[2].number, "§ 3");
	assert_string_equal(p->items[2].title, "Budget");
	doc_free(d);
	g_string_free(pdf, TRUE);
}

/* TeX widens the space after a colon: in a monospaced font "Datum:" and
 * its value two letters' cells apart are one line of words, the labels
 * over each other no column of their own. Five cells apart they part. */
static void wide_space_after_colon(void **state)
{
	static const char *const lab[] = { "Datum:", "Plats:", "Tid:" };
	static const char *const val[] = { "2022-12-23", "Föreningslokalen", "18.00" };
	GString *pdf;
	cairo_t *cr = new_page(&pdf, "DejaVu Sans Mono", 10);
	struct ex_error e = { 0 };
	cairo_text_extents_t x;
	int whole = 0, apart = 1;
	for (int i = 0; i < 3; i++) {
		cairo_text_extents(cr, lab[i], &x);
		cairo_move_to(cr, 60, 100 + 12 * i);
		cairo_show_text(cr, lab[i]);
		cairo_move_to(cr, 60 + x.x_advance + 12, 100 + 12 * i);   /* two cells of 6 points */
		cairo_show_text(cr, val[i]);
	}
	cairo_move_to(cr, 60, 300);
	cairo_show_text(cr, "Summa:");
	cairo_move_to(cr, 60 + 36 + 30, 300);   /* five cells */
	cairo_show_text(cr, "1 234");
	struct doc *d = drawn_page(cr, pdf, &e);

	assert_non_null(d);
	for (size_t i = 0; i < d->nblocks; i++) {
		whole |= strstr(d->blocks[i].text, "Datum: 2022-12-23") != NULL;
		apart &= strstr(d->blocks[i].text, "Summa: 1 234") == NULL;
	}
	assert_true(whole);
	for (size_t t = 0; t < d->ntables; t++)
		for (size_t i = 0; i < d->tables[t].ncells; i++)
			assert_false(!strcmp(d->tables[t].cells[i].text, "2022-12-23"));
	assert_true(apart);
	doc_free(d);
	g_string_free(pdf, TRUE);
}

/* Number columns in a monospaced font, right-aligned one letter's cell
 * apart, the width of the thousands space: the grammar alone parts them
 * (a bracket, decimals, a dash, a group that is not three digits). A dash
 * before one number, a range of two years and a page count stay text. */
static void mono_number_columns(void **state)
{
	static const struct { const char *cell[4]; double v[3]; } rows[] = {
		{ { "Lokalhyra", "(22 712)", "(95 914)", "-" }, { -22712, -95914, NAN } },
		{ { "Arvoden", "(91 454)", "74 369", "12 000" }, { -91454, 74369, 12000 } },
		{ { "Resekostnader", "4381", "(8553)", "6,7" }, { 4381, -8553, 6.7 } },
		{ { "Balansomslutning", "29 165", "25 054", "1,7" }, { 29165, 25054, 1.7 } },
		{ { "Medlemsavgifter", "38869120", "46968120", "897751" }, { 38869120, 46968120, 897751 } },
		{ { "Sparande per kvm", "(91 454)", "25 054", "1,7" }, { -91454, 25054, 1.7 } },   /* label a space off */
	};
	static const char *const text[] = { "Chennai – 600035", "Verksamhetsår 2020 - 2021",
					     "Räkenskapsår 2019 - 2020", "Sida 1 (13)" };
	GString *pdf;
	cairo_t *cr = new_page(&pdf, "DejaVu Sans Mono", 10);
	struct ex_error e = { 0 };
	for (size_t r = 0; r < N_ELEMS(rows); r++) {
		/* one line of text, as TeX or a typewriter sets it: each column
		 * as wide as its widest number, one space apart */
		GString *l = g_string_new(rows[r].cell[0]);

		for (long k = g_utf8_strlen(rows[r].cell[0], -1); k < 17; k++)
			g_string_append_c(l, ' ');
		for (int c = 1; c < 4; c++) {
			long wide = 0;

			for (size_t q = 0; q < N_ELEMS(rows); q++)
				wide = MAX(wide, g_utf8_strlen(rows[q].cell[c], -1));
			for (long k = g_utf8_strlen(rows[r].cell[c], -1); k < wide + (c > 1); k++)
				g_string_append_c(l, ' ');
			g_string_append(l, rows[r].cell[c]);
		}
		cairo_move_to(cr, 60, 100 + 14 * (double)r);
		cairo_show_text(cr, l->str);
		g_string_free(l, TRUE);
	}
	for (size_t r = 0; r < N_ELEMS(text); r++) {
		cairo_move_to(cr, 60, 300 + 14 * (double)r + (r == 3 ? 300 : 0));
		cairo_show_text(cr, text[r]);
	}
	struct doc *d = drawn_page(cr, pdf, &e);

	assert_non_null(d);
	for (size_t r = 0; r < N_ELEMS(rows); r++)
		for (int k = 0; k < 3 && !isnan(rows[r].v[k]); k++) {
			int hit = 0;

			for (size_t i = 0; i < d->nvalues; i++)
				hit |= fabs(d->values[i].value - rows[r].v[k]) < 1e-9 && !d->values[i].missing;
			if (!hit)
				fail_msg("row %zu (%s): %g not found", r, rows[r].cell[0], rows[r].v[k]);
		}
	for (size_t i = 0; i < d->nvalues; i++)   /* no label takes a number in */
		assert_true(!d->values[i].label || !strstr(d->values[i].label, "Sparande") ||
			    !strcmp(d->values[i].label, "Sparande per kvm"));
	for (size_t i = 0; i < d->nvalues; i++) {
		double v = d->values[i].value;

		assert_false(v == -600035 || v == 600035 || v == -2021 || v == -2020 || v == -13);
	}
	/* the year ranges are no table of years and dashes */
	for (size_t t = 0; t < d->ntables; t++)
		for (size_t i = 0; i < d->tables[t].ncells; i++)
			assert_false(!strcmp(d->tables[t].cells[i].text, "2021"));
	doc_free(d);
	g_string_free(pdf, TRUE);
}

/* A monospaced multi-year table set right-aligned, each column as wide
 * as its widest number and one space apart (TeX's verbatim): a dash
 * beside a wide number ("–" then "2 212 668") and two numbers of two
 * groups side by side ("326 417 579 938", one number by the grammar)
 * are parted by the columns the other rows set, though a group inside
 * the wide number starts where the narrower numbers of its column do.
 * Every value is in its year's column; none is two numbers joined. */
static void mono_right_aligned_columns(void **state)
{
	static const char *const rows[][4] = {
		{ "Flerårsöversikt", "2017", "2016", "2015" },
		{ "Rörelsens intäkter", "5 158 508", "\xE2\x80\x93", "2 212 668" },
		{ "Resultat efter", "\xE2\x88\x92" "417 133", "326 417", "579 938" },
		{ "Årsavgift per kvm", "931", "700", "238" },
		{ "Skuldsättning", "5 153", "4 158", "3 434" },
		{ "Nettoomsättning", "6 757 389", "5 149 621", "\xE2\x80\x93" },
	};
	static const struct { const char *label; double v; const char *year; } want[] = {
		{ "Rörelsens intäkter", 5158508, "2017" }, { "Rörelsens intäkter", 2212668, "2015" },
		{ "Resultat efter", -417133, "2017" },     { "Resultat efter", 326417, "2016" },
		{ "Resultat efter", 579938, "2015" },      { "Årsavgift per kvm", 700, "2016" },
		{ "Skuldsättning", 4158, "2016" },          { "Skuldsättning", 3434, "2015" },
		{ "Nettoomsättning", 5149621, "2016" },
	};
	GString *pdf;
	cairo_t *cr = new_page(&pdf, "DejaVu Sans Mono", 9);
	struct ex_error e = { 0 };

	for (size_t r = 0; r < N_ELEMS(rows); r++) {
		GString *l = g_string_new(rows[r][0]);

		for (long k = g_utf8_strlen(rows[r][0], -1); k < 20; k++)
			g_string_append_c(l, ' ');
		for (int c = 1; c < 4; c++) {
			for (long k = g_utf8_strlen(rows[r][c], -1); k < 9 + (c > 1); k++)
				g_string_append_c(l, ' ');
			g_string_append(l, rows[r][c]);
		}
		cairo_move_to(cr, 60, 100 + 13 * (double)r);
		cairo_show_text(cr, l->str);
		g_string_free(l, TRUE);
	}
	struct doc *d = drawn_page(cr, pdf, &e);

	assert_non_null(d);
	for (size_t k = 0; k < N_ELEMS(want); k++) {
		int hit = 0;

		for (size_t i = 0; i < d->nvalues; i++)
			hit |= d->values[i].label && !strcmp(d->values[i].label, want[k].label) &&
			       fabs(d->values[i].value - want[k].v) < 1e-9 && d->values[i].period.label &&
			       !strcmp(d->values[i].period.label, want[k].year);
		if (!hit)
			fail_msg("%s %g (%s) not found", want[k].label, want[k].v, want[k].year);
	}
	for (size_t i = 0; i < d->nvalues; i++)
		assert_true(fabs(d->values[i].value) < 1e7);   /* no two numbers read as one */
	doc_free(d);
	g_string_free(pdf, TRUE);
}

/* A text layer in 1-point type whose words have no vowels: judged
 * garbage, it goes to OCR, which reads nothing on a page of dots. The
 * layer is kept, with a warning: nothing is lost in silence. */
static void ocr_reads_nothing(void **state)
{
	GString *pdf = g_string_new(NULL);
	cairo_surface_t *s = cairo_pdf_surface_create_for_stream(to_string, pdf, 595, 842);
	cairo_t *cr = cairo_create(s);
	struct ex_error e = { 0 };
	size_t words = 0, warned = 0;

	cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
	cairo_set_font_size(cr, 1);
	for (int r = 0; r < 30; r++) {
		cairo_move_to(cr, 60, 100 + 2 * r);
		cairo_show_text(cr, "xkcd brrr psst grrr tsktsk hmmm shhh ptth");
	}
	struct doc *d = drawn_doc(cr, s, pdf, &e);

	assert_non_null(d);
	for (size_t i = 0; i < d->nblocks; i++)
		words += strstr(d->blocks[i].text, "tsktsk") != NULL;
	for (size_t i = 0; i < d->nwarnings; i++)
		warned += !strcmp(d->warnings[i].code, "ocr_empty");
	if (d->pages[0].source == DOC_SRC_OCR)
		fail_msg("the page is OCR's, with nothing read");
	assert_true(words > 0);
	assert_int_equal(warned, 1);
	doc_free(d);
	g_string_free(pdf, TRUE);
}

/* A scanned page with nothing on it (a white image over the page): OCR
 * reads no text, and the page that ends empty is said (ocr_blank), once. */
static void blank_scan_said(void **state)
{
	GString *content = g_string_new("q 144 0 0 144 0 0 cm BI /W 100 /H 100 /BPC 8 /CS /G ID\n");
	struct ex_error e = { 0 };
	size_t said = 0;

	for (int i = 0; i < 100 * 100; i++)
		g_string_append_c(content, (char)0xff);
	g_string_append(content, "\nEI Q");

	GString *pdf = plain_pdf(144, 144, 0, content->str);
	struct doc *d = tu_read_buf(pdf->str, pdf->len, &e);

	assert_non_null(d);
	assert_int_equal(d->pages[0].source, DOC_SRC_OCR);
	assert_int_equal(d->nblocks, 0);
	for (size_t i = 0; i < d->nwarnings; i++)
		said += !strcmp(d->warnings[i].code, "ocr_blank") && d->warnings[i].page == 1;
	assert_int_equal(said, 1);
	doc_free(d);
	g_string_free(pdf, TRUE);
	g_string_free(content, TRUE);
}

/* Lines of a board's report, drawn as outlines by the tests below. */
static const char *const outline_lines[] = {
	"Styrelsen har under året haft tolv protokollförda möten.",
	"Föreningens ekonomi är god och avgifterna höjs inte.",
	"Underhållsplanen har setts över och fönstren byts nästa år.",
	"Årsavgiften per kvadratmeter är oförändrad sedan förra året.",
	"Revisorerna föreslår att styrelsen beviljas ansvarsfrihet.",
};

/* A page whose text is drawn as outlines (a document flattened to
 * paths: no font, the letters filled shapes) with a page number in its
 * text layer: OCR reads it (reason vector_text), the layer's few words
 * judged against what OCR read. A page of the same small text layer
 * beside a drawing of large shapes (no letters) is not OCR'd. */
static void outlined_text(void **state)
{
	const char *const *lines = outline_lines;
	for (int drawn = 0; drawn < 2; drawn++) {
		GString *pdf = g_string_new(NULL);
		cairo_surface_t *s = cairo_pdf_surface_create_for_stream(to_string, pdf, 595, 842);
		cairo_t *cr = cairo_create(s);
		struct ex_error e = { 0 };

		cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
		cairo_set_font_size(cr, 12);
		for (int r = 0; r < 10; r++) {
			if (drawn) {   /* shapes as large as a page's drawing: no letters */
				cairo_arc(cr, 150 + 60 * (r % 5), 200 + 120 * (r / 5), 45, 0, 2 * M_PI);
				cairo_close_path(cr);
				continue;
			}
			cairo_move_to(cr, 60, 100 + 18 * r);
			cairo_text_path(cr, lines[r % 5]);
		}
		cairo_fill(cr);
		cairo_move_to(cr, 280, 800);
		cairo_show_text(cr, "Sida 1");
		struct doc *d = drawn_doc(cr, s, pdf, &e);

		assert_non_null(d);
		if (drawn) {
			assert_int_equal(d->pages[0].source, DOC_SRC_TEXT_LAYER);
		} else {
			assert_int_equal(d->pages[0].source, DOC_SRC_OCR);
			assert_string_equal(d->pages[0].ocr_reason, "vector_text");
			assert_non_null(tu_find(d, DOC_BLK_PARAGRAPH, "protokollförda"));
		}
		doc_free(d);
		g_string_free(pdf, TRUE);
	}
}

/* An OCR service capped at n words (fuzz builds' bound on a page's
 * cost) reads no more than n of the page's lines, over all its readings
 * (the page, lines doubted, ink left over), and keeps what it read; with
 * no cap the page is read whole. Ten lines drawn as outlines: OCR'd. */
static void ocr_word_cap(void **state)
{
	const char *const *lines = outline_lines;
	static const char *const marks[] = { "tolv", "ekonomi", "fönstren", "kvadratmeter", "Revisorerna" };
	GString *pdf = g_string_new(NULL);
	cairo_surface_t *s = cairo_pdf_surface_create_for_stream(to_string, pdf, 595, 842);
	cairo_t *cr = cairo_create(s);

	cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
	cairo_set_font_size(cr, 12);
	for (int r = 0; r < 10; r++) {
		cairo_move_to(cr, 60, 100 + 36 * r);
		cairo_text_path(cr, lines[r % 5]);
	}
	cairo_fill(cr);
	cairo_destroy(cr);
	cairo_surface_finish(s);
	cairo_surface_destroy(s);
	for (int cap = 0; cap <= 3; cap += 3) {
		struct ocr_service *svc = ocr_service_new(NULL, 0);
		struct doc_read_opts o = { .ocr_service = svc };
		struct ex_error e = { 0 };
		struct doc *d = doc_new();
		int read = 0;

		assert_non_null(svc);
		ocr_service_cap_words(svc, cap);
		assert_int_equal(pdf_read(d, pdf->str, pdf->len, &o, &e), 0);
		assert_int_equal(d->pages[0].source, DOC_SRC_OCR);
		for (size_t i = 0; i < d->nblocks; i++)
			for (const char *t = d->blocks[i].text; *t; t++)
				for (int m = 0; m < 5; m++)
					read += !strncmp(t, marks[m], strlen(marks[m]));
		if (cap)
			assert_in_range(read, 1, cap);
		else
			assert_int_equal(read, 10);
		doc_free(d);
		ocr_service_free(svc);
	}
	g_string_free(pdf, TRUE);
}

/* No table where there is none: prose, lists, two columns, a long report. */
static void no_false_tables(void **state)
{
	static const char *const files[] = {
		"corpus/seed001_memo.pdf", "corpus/seed002_rapport.pdf", "corpus/seed004_protokoll.pdf",
		"corpus/twocol_nyhetsbrev.pdf", "corpus/long_verksamhetsberattelse.pdf",
	};

	for (size_t f = 0; f < N_ELEMS(files); f++) {
		struct doc *d = tu_read(files[f]);

		if (d->ntables)
			fail_msg("%s: %zu tables found in a document with none", files[f], d->ntables);
		doc_free(d);
	}
}

/* The model's invariants on every corpus PDF. */
static void invariants(void **state)
{
	static const char *const files[] = {
		"corpus/seed000_tertialrapport.pdf", "corpus/seed001_memo.pdf",
		"corpus/seed002_rapport.pdf", "corpus/seed003_utvardering.pdf",
		"corpus/seed004_protokoll.pdf", "corpus/twocol_nyhetsbrev.pdf",
	};

	for (size_t f = 0; f < N_ELEMS(files); f++) {
		struct doc *d = tu_read(files[f]);

		for (size_t i = 0; i < d->nblocks; i++) {
			const struct doc_block *b = &d->blocks[i];
			const struct doc_page *p;

			assert_true(b->page >= 1 && (size_t)b->page <= d->npages);
			p = &d->pages[b->page - 1];
			assert_true(b->has_box);
			assert_true(b->box.x0 >= 0 && b->box.y0 >= 0);
			assert_true(b->box.x1 <= p->width + 1 && b->box.y1 <= p->height + 1);
			assert_true(norm_valid_utf8(b->text, strlen(b->text)));
			assert_true(b->text[0] != '\0' || b->type == DOC_BLK_TABLE);
		}
		doc_free(d);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(number_columns_evenly_spaced),
		cmocka_unit_test(comma_groups_joined),
		cmocka_unit_test(short_line_cuts),
		cmocka_unit_test(spaced_numbers),
		cmocka_unit_test(period_headings_part),
		cmocka_unit_test(headings_and_fields),
		cmocka_unit_test(lists_words_and_joins),
		cmocka_unit_test(furniture),
		cmocka_unit_test(footnotes),
		cmocka_unit_test(two_columns),
		cmocka_unit_test(page_range),
		cmocka_unit_test(invariants),
		cmocka_unit_test(ruled_tables_match_odt),
		cmocka_unit_test(no_false_tables),
		cmocka_unit_test(drawn_rules),
		cmocka_unit_test(sideways_table),
		cmocka_unit_test(splash_render_as_cairo),
		cmocka_unit_test(numbered_lines),
		cmocka_unit_test(wide_line_spacing),
		cmocka_unit_test(caption_parts_tables),
		cmocka_unit_test(survey_means),
		cmocka_unit_test(prose_columns),
		cmocka_unit_test(group_over_short_row),
		cmocka_unit_test(rows_below_grid),
		cmocka_unit_test(rows_between_rules),
		cmocka_unit_test(group_headings_between_rules),
		cmocka_unit_test(wrapped_labels),
		cmocka_unit_test(wrapped_numbers),
		cmocka_unit_test(scanned_dash_cell),
		cmocka_unit_test(section_sign_after_number_heading),
		cmocka_unit_test(statement_headings),
		cmocka_unit_test(close_number_columns),
		cmocka_unit_test(mono_number_columns),
		cmocka_unit_test(mono_right_aligned_columns),
		cmocka_unit_test(close_header_cells),
		cmocka_unit_test(caption_over_columns),
		cmocka_unit_test(glued_headings_part),
		cmocka_unit_test(overfull_row_in_order),
		cmocka_unit_test(run_together_row),
		cmocka_unit_test(shaded_cells_grid),
		cmocka_unit_test(organisation_title_lines),
		cmocka_unit_test(group_labels_apart),
		cmocka_unit_test(heading_over_years_parts),
		cmocka_unit_test(group_heading_two_lines),
		cmocka_unit_test(header_over_unit_line),
		cmocka_unit_test(label_parts_with_numbers),
		cmocka_unit_test(justified_line_after_table),
		cmocka_unit_test(footnote_under_table),
		cmocka_unit_test(table_beside_text),
		cmocka_unit_test(table_after_margin_speck),
		cmocka_unit_test(text_columns_no_table),
		cmocka_unit_test(prose_starting_with_numbers),
		cmocka_unit_test(long_group_heading),
		cmocka_unit_test(rows_apart_wrapped_label),
		cmocka_unit_test(chart_beside_table),
		cmocka_unit_test(page_candidates),
		cmocka_unit_test(handwriting_blocks),
		cmocka_unit_test(lost_rule_numbers),
		cmocka_unit_test(dates_over_column_pairs),
		cmocka_unit_test(header_lines),
		cmocka_unit_test(range_header),
		cmocka_unit_test(label_around_numbers),
		cmocka_unit_test(labels_straddling_numbers),
		cmocka_unit_test(spanners_apart),
		cmocka_unit_test(statement_in_parts),
		cmocka_unit_test(group_headers_and_hanging_labels),
		cmocka_unit_test(first_row_columns),
		cmocka_unit_test(years_flush_left),
		cmocka_unit_test(minutes_lines_joined),
		cmocka_unit_test(wide_space_after_colon),
		cmocka_unit_test(ocr_reads_nothing),
		cmocka_unit_test(ocr_word_cap),
		cmocka_unit_test(table_cut_at_edge),
		cmocka_unit_test(jpeg_scan_downscaled),
		cmocka_unit_test(blank_scan_said),
		cmocka_unit_test(outlined_text),
	};

	return cmocka_run_group_tests_name("PDF reader", tests, NULL, NULL);
}
