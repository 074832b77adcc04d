/* test_odt: flat ODT from memory, ODT packages from the corpus, and
 * hostile packages built here. */
#include "testutil.h"

#include <unistd.h>
#include <zip.h>

#include "../parsers/odt.h"

static const char fodt[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<office:document " TU_ODF_NS " office:version=\"1.2\" office:mimetype=\"application/vnd.oasis.opendocument.text\">"
	"<office:meta><dc:title>Tertialrapport</dc:title><meta:initial-creator>Sekretariatet</meta:initial-creator>"
	"<meta:creation-date>2021-05-28T10:00:00</meta:creation-date></office:meta>"
	"<office:styles>"
	" <style:style style:name=\"Heading_20_2\" style:family=\"paragraph\" style:default-outline-level=\"2\"/>"
	" <style:style style:name=\"Green\" style:family=\"table-cell\"><style:table-cell-properties fo:background-color=\"#00b050\"/></style:style>"
	"</office:styles>"
	"<office:automatic-styles>"
	" <style:style style:name=\"P1\" style:family=\"paragraph\" style:parent-style-name=\"Heading_20_2\"/>"
	" <style:style style:name=\"A1\" style:family=\"table-cell\" style:parent-style-name=\"Green\"/>"
	" <style:style style:name=\"B1\" style:family=\"table-cell\"><style:table-cell-properties fo:background-color=\"#FFC000\"/></style:style>"
	" <style:page-layout style:name=\"pm1\"><style:page-layout-properties fo:page-width=\"21.001cm\" fo:page-height=\"29.7cm\"/></style:page-layout>"
	"</office:automatic-styles>"
	"<office:body><office:text>"
	"<text:h text:outline-level=\"1\">1. ÄNDAMÅL</text:h>"
	"<text:p text:style-name=\"P1\">1.1 Yttrandefrihet</text:p>"
	"<text:p>Totalt  <text:s text:c=\"2\"/>31 fall<text:note text:note-class=\"footnote\"><text:note-citation>1</text:note-citation>"
	"<text:note-body><text:p>Enligt fondens register.</text:p></text:note-body></text:note> under tertialen.</text:p>"
	"<text:list><text:list-item><text:p>Första punkten</text:p>"
	"  <text:list><text:list-item><text:p>Inre punkt</text:p></text:list-item></text:list>"
	"</text:list-item></text:list>"
	"<text:p text:style-name=\"Caption\">Tabell 1: Mål</text:p>"
	"<table:table table:name=\"T1\"><table:table-column table:number-columns-repeated=\"3\"/>"
	"<table:table-header-rows><table:table-row>"
	"  <table:table-cell table:number-columns-spanned=\"2\"><text:p>Mål</text:p></table:table-cell>"
	"  <table:covered-table-cell/><table:table-cell><text:p>EFFEKT</text:p></table:table-cell>"
	"</table:table-row></table:table-header-rows>"
	"<table:table-row><table:table-cell table:style-name=\"A1\"><text:p>GENOMFÖRANDE</text:p></table:table-cell>"
	"  <table:table-cell table:style-name=\"B1\"><text:p>rad ett</text:p><text:p>rad två</text:p></table:table-cell>"
	"  <table:table-cell table:number-rows-spanned=\"2\"><text:p>52 491</text:p></table:table-cell></table:table-row>"
	"<table:table-row><table:table-cell/><table:table-cell><text:p>x</text:p></table:table-cell><table:covered-table-cell/></table:table-row>"
	"</table:table>"
	"<text:soft-page-break/>"
	"<text:p>Text i en ram: <draw:frame><draw:text-box><text:p>Ramens text</text:p></draw:text-box></draw:frame></text:p>"
	"<text:p>Slut<text:note text:note-class=\"endnote\"><text:note-citation>i</text:note-citation>"
	"<text:note-body><text:p>En slutnot.</text:p></text:note-body></text:note></text:p>"
	"</office:text></office:body></office:document>\n";

static void flat_structure(void **state)
{
	struct ex_error e = { 0 };
	struct doc *d = tu_read_buf(fodt, sizeof(fodt) - 1, &e);
	const struct doc_block *b;

	if (!d)
		fail_msg("%s", e.msg);
	assert_int_equal(d->src.format, DOC_FMT_FODT);
	assert_string_equal(d->meta.format_version, "1.2");
	assert_string_equal(d->meta.title, "Tertialrapport");
	assert_string_equal(d->meta.author, "Sekretariatet");
	assert_string_equal(d->meta.created, "2021-05-28T10:00:00");
	assert_int_equal(d->npages, 2);
	assert_int_equal((int)(d->pages[0].width + 0.5f), 595);
	assert_int_equal((int)(d->pages[1].height + 0.5f), 842);

	b = tu_find(d, DOC_BLK_HEADING, "ÄNDAMÅL");
	assert_non_null(b);
	assert_int_equal(b->level, 1);
	b = tu_find(d, DOC_BLK_HEADING, "Yttrandefrihet");  /* outline level via parent style */
	assert_non_null(b);
	assert_int_equal(b->level, 2);
	b = tu_find(d, DOC_BLK_PARAGRAPH, "31 fall");
	assert_string_equal(b->text, "Totalt 31 fall1 under tertialen.");
	/* Footnotes come at the foot of their page, as printed. */
	b = tu_find(d, DOC_BLK_FOOTNOTE, "fondens");
	assert_non_null(b);
	assert_int_equal(b->note, 1);
	assert_int_equal(b->page, 1);
	assert_true(b > tu_find(d, DOC_BLK_CAPTION, "Tabell 1"));
	assert_true(b < tu_find(d, DOC_BLK_PARAGRAPH, "Ramens text"));
	b = tu_find(d, DOC_BLK_LIST_ITEM, "Första");
	assert_int_equal(b->level, 1);
	b = tu_find(d, DOC_BLK_LIST_ITEM, "Inre");
	assert_int_equal(b->level, 2);
	assert_non_null(tu_find(d, DOC_BLK_CAPTION, "Tabell 1"));
	b = tu_find(d, DOC_BLK_PARAGRAPH, "Ramens text");
	assert_non_null(b);
	assert_int_equal(b->page, 2);
	assert_non_null(tu_find(d, DOC_BLK_FOOTNOTE, "En slutnot."));
	for (size_t i = 0; i < d->nblocks; i++)
		assert_non_null(d->blocks[i].path);
	doc_free(d);
}

static const struct doc_cell *cell(const struct doc_table *t, int r, int c)
{
	for (size_t i = 0; i < t->ncells; i++)
		if (t->cells[i].row == r && t->cells[i].col == c)
			return &t->cells[i];
	return NULL;
}

static void flat_table(void **state)
{
	struct ex_error e = { 0 };
	struct doc *d = tu_read_buf(fodt, sizeof(fodt) - 1, &e);
	const struct doc_table *t;
	const struct doc_cell *c;

	assert_int_equal(d->ntables, 1);
	t = &d->tables[0];
	assert_string_equal(t->method, "odt");
	assert_string_equal(t->caption, "Tabell 1: Mål");
	assert_int_equal(t->header_rows, 1);
	assert_int_equal(t->nrows, 3);
	assert_int_equal(t->ncols, 3);
	c = cell(t, 0, 0);
	assert_string_equal(c->text, "Mål");
	assert_int_equal(c->colspan, 2);
	assert_null(cell(t, 0, 1));                /* covered */
	assert_string_equal(cell(t, 0, 2)->text, "EFFEKT");
	c = cell(t, 1, 0);
	assert_true(c->has_bg);                    /* through the parent style */
	assert_int_equal(c->bg, 0x00b050);
	c = cell(t, 1, 1);
	assert_int_equal(c->bg, 0xffc000);
	assert_string_equal(c->text, "rad ett\nrad två");
	assert_int_equal(cell(t, 1, 2)->rowspan, 2);
	assert_string_equal(cell(t, 2, 1)->text, "x");
	doc_free(d);
}

static void corpus_package(void **state)
{
	struct doc *d = tu_read("corpus/seed000_tertialrapport.odt");
	int colours = 0;

	assert_int_equal(d->src.format, DOC_FMT_ODT);
	assert_non_null(d->meta.producer);
	assert_non_null(tu_find(d, DOC_BLK_HEADING, "TERTIALRAPPORT 2021"));
	assert_non_null(tu_find(d, DOC_BLK_PARAGRAPH, "Till: Styrelsen"));
	/* Goal ratings are cell backgrounds: green, yellow and red all there. */
	for (size_t t = 0; t < d->ntables; t++)
		for (size_t i = 0; i < d->tables[t].ncells; i++) {
			const struct doc_cell *c = &d->tables[t].cells[i];

			colours |= c->has_bg && c->bg == 0x00b050 ? 1 : 0;
			colours |= c->has_bg && c->bg == 0xffc000 ? 2 : 0;
			colours |= c->has_bg && c->bg == 0xff0000 ? 4 : 0;
		}
	assert_int_equal(colours, 7);
	doc_free(d);
}

static void list_markers_from_styles(void **state)
{
	struct doc *d = tu_read("corpus/seed001_memo.odt");
	const struct doc_block *b;

	b = tu_find(d, DOC_BLK_LIST_ITEM, "Organisationsöversynen");
	assert_string_equal(b->marker, "\xE2\x80\xA2");
	b = tu_find(d, DOC_BLK_LIST_ITEM, "Stärka stödet");
	assert_string_equal(b->marker, "2.");
	b = tu_find(d, DOC_BLK_LIST_ITEM, "Att bidra");
	assert_string_equal(b->marker, "3.");
	doc_free(d);
}

/* A package written here: entries from NULL-terminated name/data pairs. */
static char *make_zip(const char *const *entries, size_t *n)
{
	char path[] = "/tmp/extract-test-XXXXXX";
	int fd = mkstemp(path);
	zip_t *z;
	char *buf;

	assert_true(fd >= 0);
	close(fd);
	z = zip_open(path, ZIP_TRUNCATE, NULL);
	assert_non_null(z);
	for (size_t i = 0; entries[i]; i += 2) {
		zip_source_t *s = zip_source_buffer(z, entries[i + 1], strlen(entries[i + 1]), 0);

		assert_true(zip_file_add(z, entries[i], s, ZIP_FL_OVERWRITE) >= 0);
	}
	assert_int_equal(zip_close(z), 0);
	buf = tu_slurp(path, n);
	unlink(path);
	return buf;
}

static void hostile_packages(void **state)
{
	static const char content[] =
		"<office:document-content " TU_ODF_NS "><office:body><office:text><text:p>Hej</text:p>"
		"</office:text></office:body></office:document-content>";
	const char *encrypted[] = {
		"mimetype", "application/vnd.oasis.opendocument.text",
		"META-INF/manifest.xml", "<manifest:manifest><manifest:file-entry manifest:full-path=\"content.xml\">"
		"<manifest:encryption-data/></manifest:file-entry></manifest:manifest>",
		"content.xml", "\x01\x02 not xml", NULL };
	const char *calc[] = { "mimetype", "application/vnd.oasis.opendocument.spreadsheet",
			       "content.xml", content, NULL };
	const char *nocontent[] = { "mimetype", "application/vnd.oasis.opendocument.text", NULL };
	const char *ok[] = { "content.xml", content, NULL };  /* no mimetype: still read */
	const struct { const char *const *entries; int code; const char *msg; } rows[] = {
		{ encrypted, EX_EPASSWORD, "encrypted" },
		{ calc, EX_EFORMAT, "spreadsheet" },
		{ nocontent, EX_EFORMAT, "content.xml" },
		{ ok, 0, NULL },
	};

	for (size_t i = 0; i < N_ELEMS(rows); i++) {
		struct ex_error e = { 0 };
		size_t n;
		char *buf = make_zip(rows[i].entries, &n);
		struct doc *d = doc_new();
		int rc = odt_read(d, buf, n, &e);

		if (rc != rows[i].code || (rc && !strstr(e.msg, rows[i].msg)))
			fail_msg("row %zu: rc %d \"%s\"", i, rc, e.msg);
		if (rc == 0)
			assert_non_null(tu_find(d, DOC_BLK_PARAGRAPH, "Hej"));
		free(buf);
		doc_free(d);
	}
}

static void zip_bomb(void **state)
{
	size_t big = 20u << 20, n;
	char *zeros = malloc(big + 1);
	const char *entries[] = { "mimetype", "application/vnd.oasis.opendocument.text",
				  "content.xml", zeros, NULL };
	struct ex_error e = { 0 };
	struct doc *d = doc_new();
	char *buf;

	memset(zeros, ' ', big);
	zeros[big] = '\0';
	buf = make_zip(entries, &n);
	assert_int_equal(odt_read(d, buf, n, &e), EX_ELIMIT);
	assert_non_null(strstr(e.msg, "zip bomb"));
	free(buf);
	free(zeros);
	doc_free(d);
}

static void hostile_xml(void **state)
{
	/* Entities are never expanded and external ones never loaded. */
	static const char laughs[] =
		"<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\">"
		"<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
		"<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\"><!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">"
		"<!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\"><!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">"
		"<!ENTITY ext SYSTEM \"file:///etc/passwd\">]>"
		"<office:document " TU_ODF_NS "><office:body><office:text><text:p>x&g;&ext;y</text:p>"
		"</office:text></office:body></office:document>";
	struct ex_error e = { 0 };
	struct doc *d = doc_new();
	int rc = odt_read_flat(d, laughs, sizeof(laughs) - 1, &e);

	if (rc == 0) {
		for (size_t i = 0; i < d->nblocks; i++) {
			assert_true(strlen(d->blocks[i].text) < 1000);
			assert_null(strstr(d->blocks[i].text, "root:"));
		}
	} else {
		assert_int_equal(rc, EX_EFORMAT);
	}
	doc_free(d);
}

static void truncated_xml_keeps_text(void **state)
{
	size_t cut = (size_t)(strstr(fodt, "<text:soft-page-break/>") - fodt);
	struct ex_error e = { 0 };
	struct doc *d = doc_new();

	assert_int_equal(odt_read_flat(d, fodt, cut, &e), 0);
	assert_non_null(tu_find(d, DOC_BLK_HEADING, "ÄNDAMÅL"));
	assert_int_equal(d->nwarnings, 1);
	assert_string_equal(d->warnings[0].code, "truncated");
	doc_free(d);
	d = doc_new();
	assert_int_equal(odt_read_flat(d, fodt, 60, &e), EX_EFORMAT);
	doc_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(flat_structure),
		cmocka_unit_test(flat_table),
		cmocka_unit_test(corpus_package),
		cmocka_unit_test(list_markers_from_styles),
		cmocka_unit_test(hostile_packages),
		cmocka_unit_test(zip_bomb),
		cmocka_unit_test(hostile_xml),
		cmocka_unit_test(truncated_xml_keeps_text),
	};

	return cmocka_run_group_tests_name("ODT reader", tests, NULL, NULL);
}
