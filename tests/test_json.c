/* test_json: the extract/1 writer and the text and markdown writers, on
 * a model built by hand. */
#include "testutil.h"

#include <jansson.h>

#include "../output/out.h"

static struct doc *sample(void)
{
	struct doc *d = doc_new();
	struct doc_page *p = doc_add_page(d);
	struct doc_block *b;
	struct doc_table *t;
	struct doc_cell *c;

	d->src.path = "rapport.pdf";
	strcpy(d->src.sha256, "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
	d->src.bytes = 1234;
	d->src.format = DOC_FMT_PDF;
	d->meta.format_version = "1.7";
	d->meta.title = "Tertialrapport \"T1\"";
	p->width = 595.276f;
	p->height = 841.89f;
	b = doc_add_block(d, DOC_BLK_HEADING, 1);
	b->level = 1;
	b->text = "1. ÄNDAMÅL";
	b->has_box = 1;
	b->box = (struct box){ 56.8f, 157.6f, 263.9249f, 178.4f };
	b = doc_add_block(d, DOC_BLK_LIST_ITEM, 1);
	b->level = 1;
	b->marker = "•";
	b->text = "Punkt | med streck";
	b->has_box = 1;
	b = doc_add_block(d, DOC_BLK_PARAGRAPH, 1);
	b->text = "Sida 1 av 3";
	b->furniture = DOC_FURN_PAGE_NUMBER;
	b->has_box = 1;
	b = doc_add_block(d, DOC_BLK_FOOTNOTE, 1);
	b->text = "En not.";
	b->note = 1;
	b->has_box = 1;
	t = doc_add_table(d, "lattice");
	t->page_first = t->page_last = 1;
	t->header_rows = 1;
	c = doc_table_add_cell(d, t, 0, 0, "Resultat (Tkr)");
	c->colspan = 2;
	doc_table_add_cell(d, t, 0, 2, "Utf T1");
	doc_table_add_cell(d, t, 1, 0, "Intäkter");
	c = doc_table_add_cell(d, t, 1, 1, "");
	c->has_bg = 1;
	c->bg = 0x00b050;
	c = doc_table_add_cell(d, t, 1, 2, "52 491");
	c->rowspan = 2;
	doc_table_add_cell(d, t, 2, 0, "Kostnader");
	b = doc_add_block(d, DOC_BLK_TABLE, 1);
	b->table = 0;
	b->text = "";
	b->has_box = 1;
	doc_warn(d, 1, "no_text", "page %d has no text layer", 1);
	return d;
}

static void keys_and_values(void **state)
{
	struct doc *d = sample();
	struct out_opts o = { 0 };
	char *s = out_json(d, &o);
	json_error_t e;
	json_t *root = json_loads(s, 0, &e), *v, *rows;
	static const char *const keys[] = { "schema", "tool", "source", "document", "pages", "blocks",
					    "tables", "values", "ratings", "protocol", "notice", "survey", "warnings",
					    "ocr_corrections" };
	const char *k;
	size_t i = 0;

	assert_non_null(root);
	/* Top-level keys: all there, in the documented order. */
	json_object_foreach(root, k, v) {
		assert_true(i < N_ELEMS(keys));
		assert_string_equal(k, keys[i++]);
	}
	assert_int_equal(i, N_ELEMS(keys));
	assert_string_equal(json_string_value(json_object_get(root, "schema")), "extract/1");
	v = json_object_get(root, "source");
	assert_string_equal(json_string_value(json_object_get(v, "pronom")), "fmt/276");
	assert_int_equal(json_integer_value(json_object_get(v, "bytes")), 1234);
	assert_string_equal(json_string_value(json_object_get(json_object_get(root, "document"), "title")),
			    "Tertialrapport \"T1\"");
	v = json_array_get(json_object_get(root, "pages"), 0);
	assert_true(json_real_value(json_object_get(v, "width")) == 595.28);  /* 0.01 pt */
	v = json_array_get(json_object_get(root, "blocks"), 0);
	assert_string_equal(json_string_value(json_object_get(v, "type")), "heading");
	assert_int_equal(json_integer_value(json_object_get(v, "level")), 1);
	assert_true(json_real_value(json_array_get(json_object_get(v, "bbox"), 2)) == 263.92);
	v = json_array_get(json_object_get(root, "blocks"), 2);
	assert_string_equal(json_string_value(json_object_get(v, "furniture")), "page_number");
	v = json_array_get(json_object_get(root, "blocks"), 3);
	assert_int_equal(json_integer_value(json_object_get(v, "note")), 1);
	v = json_array_get(json_object_get(root, "tables"), 0);
	assert_int_equal(json_integer_value(json_object_get(v, "columns")), 3);
	assert_string_equal(json_string_value(json_array_get(json_array_get(json_object_get(v, "header"), 0), 1)), "");
	rows = json_object_get(v, "rows");
	assert_int_equal(json_array_size(rows), 2);
	assert_string_equal(json_string_value(json_object_get(json_array_get(json_array_get(rows, 0), 1), "background")),
			    "#00b050");
	assert_int_equal(json_integer_value(json_object_get(json_array_get(json_array_get(rows, 0), 2), "rowspan")), 2);
	assert_true(json_is_true(json_object_get(json_array_get(json_array_get(rows, 1), 2), "covered")));
	assert_string_equal(json_string_value(json_object_get(json_array_get(json_array_get(rows, 1), 1), "text")), "");
	assert_int_equal(json_array_size(json_object_get(root, "warnings")), 1);
	json_decref(root);
	free(s);
	doc_free(d);
}

static void deterministic_and_compact(void **state)
{
	struct doc *d = sample();
	struct out_opts o = { 0 }, c = { .compact = 1 };
	char *a = out_json(d, &o), *b = out_json(d, &o), *one = out_json(d, &c);

	assert_string_equal(a, b);
	assert_null(strchr(one, '\n'));
	free(a);
	free(b);
	free(one);
	doc_free(d);
}

/* The JSON is written a member at a time; what it writes is what
 * jansson writes for the whole tree, indented and compact: members
 * nested four deep (a table's rows), empty arrays and objects, reals. */
static void streamed_as_jansson_dumps(void **state)
{
	struct doc *d = sample();
	struct doc_value *v = doc_add_value(d);
	struct doc_rating *r = doc_add_rating(d);
	static const size_t flags[] = { JSON_INDENT(2) | JSON_REAL_PRECISION(12),
					JSON_COMPACT | JSON_REAL_PRECISION(12) };

	doc_add_table(d, "stream");   /* no rows: "header": [], "rows": [] */
	v->label = "Nettoomsättning";
	v->value = 1234.5678;
	v->scale = 1000;
	v->unit = "TSEK";
	v->method = "table";
	v->text = "1 234,5678";
	v->prov.page = 1;
	v->prov.block = -1;
	r->goal = r->title = r->dimension = r->colour = r->evidence = "x";
	for (int k = 0; k < 2; k++) {
		struct out_opts o = { .compact = k };
		char *s = out_json(d, &o), *again;
		json_t *root = json_loads(s, 0, NULL);

		assert_non_null(root);
		again = json_dumps(root, flags[k]);
		assert_string_equal(s, again);
		free(again);
		free(s);
		json_decref(root);
	}
	doc_free(d);
}

static void error_object(void **state)
{
	char *s = out_json_error("trasig.pdf", out_error_code_name(EX_EPASSWORD),
				 "encrypted PDF needs a password", 1);
	json_t *root = json_loads(s, 0, NULL), *e = json_object_get(root, "error");

	assert_string_equal(json_string_value(json_object_get(e, "path")), "trasig.pdf");
	assert_string_equal(json_string_value(json_object_get(e, "code")), "password");
	json_decref(root);
	free(s);
}

static void text_and_markdown(void **state)
{
	struct doc *d = sample();
	struct out_opts o = { 0 }, f = { .furniture = 1 };
	char *t = out_text(d, &o), *m = out_markdown(d, &o), *tf = out_text(d, &f);

	assert_non_null(strstr(t, "1. ÄNDAMÅL\n\n• Punkt | med streck\n\n1 En not.\n"));
	assert_null(strstr(t, "Sida 1 av 3"));          /* furniture left out */
	assert_non_null(strstr(tf, "Sida 1 av 3"));     /* unless asked for */
	assert_non_null(strstr(t, "Resultat (Tkr)\t\tUtf T1\nIntäkter\t\t52 491\n"));
	assert_non_null(strstr(m, "# 1. ÄNDAMÅL\n"));
	assert_non_null(strstr(m, "\n- Punkt | med streck\n"));
	assert_non_null(strstr(m, "| Resultat (Tkr) |  | Utf T1 |\n| --- | --- | --- |\n"));
	assert_non_null(strstr(m, "[^1]: En not."));
	free(t);
	free(m);
	free(tf);
	doc_free(d);
}

static void csv_tables(void **state)
{
	struct doc *d = sample();
	struct out_opts o = { 0 };
	struct doc_table *t = &d->tables[0];
	char *c;

	/* A cell with a comma and a quote is quoted, the quote doubled. */
	doc_table_add_cell(d, t, 2, 2, "1,5 \"ca\"");
	c = out_csv(d, &o);
	assert_string_equal(c, "Resultat (Tkr),,Utf T1\r\nIntäkter,,52 491\r\nKostnader,,\"1,5 \"\"ca\"\"\"\r\n");
	free(c);
	doc_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(keys_and_values),
		cmocka_unit_test(deterministic_and_compact),
		cmocka_unit_test(streamed_as_jansson_dumps),
		cmocka_unit_test(error_object),
		cmocka_unit_test(text_and_markdown),
		cmocka_unit_test(csv_tables),
	};

	return cmocka_run_group_tests_name("writers", tests, NULL, NULL);
}
