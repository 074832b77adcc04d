/* odt.c: ODF text documents through libzip and libxml2's xmlTextReader. */
#include "odt.h"

#include <glib.h>
#include <libxml/xmlreader.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "../model/norm.h"

#include <dlfcn.h>
#include <pthread.h>

/* libxml2 and libzip are opened at the first ODT, not linked: libxml2
 * brings ICU, and the two cost every process about 6 ms of loading
 * before main, more than reading a short PDF takes. */
#define XML_FUNCS(X) \
	X(xmlReaderForMemory) X(xmlTextReaderRead) X(xmlTextReaderNodeType) X(xmlTextReaderConstName) \
	X(xmlTextReaderConstNamespaceUri) X(xmlTextReaderConstValue) X(xmlTextReaderGetAttribute) \
	X(xmlTextReaderIsEmptyElement) X(xmlTextReaderSetStructuredErrorHandler) X(xmlFreeTextReader) \
	X(xmlInitParser)
#define ZIP_FUNCS(X) \
	X(zip_discard) X(zip_error_fini) X(zip_error_init) X(zip_error_strerror) X(zip_fclose) \
	X(zip_file_strerror) X(zip_fopen) X(zip_fread) X(zip_open_from_source) X(zip_source_buffer_create) \
	X(zip_source_free) X(zip_stat) X(zip_stat_init) X(zip_strerror)

static struct {
#define LIB_PTR(f) __typeof__(f) *f;
	XML_FUNCS(LIB_PTR)
	ZIP_FUNCS(LIB_PTR)
#undef LIB_PTR
	xmlFreeFunc *xml_free;   /* libxml2's xmlFree is a variable */
	char error[200];
	int ok;
} lib;

static pthread_once_t lib_once = PTHREAD_ONCE_INIT;

static void lib_load(void)
{
	void *x = dlopen(XML2_SONAME, RTLD_NOW | RTLD_LOCAL), *z = dlopen(ZIP_SONAME, RTLD_NOW | RTLD_LOCAL);

	if (!x || !z) {
		snprintf(lib.error, sizeof(lib.error), "ODT is not available: %s could not be loaded",
			 !x ? XML2_SONAME : ZIP_SONAME);
		return;
	}
#define LIB_SYM(h, f) \
	if (!(*(void **)&lib.f = dlsym(h, #f))) \
		goto missing;
#define XML_SYM(f) LIB_SYM(x, f)
#define ZIP_SYM(f) LIB_SYM(z, f)
	XML_FUNCS(XML_SYM)
	ZIP_FUNCS(ZIP_SYM)
#undef XML_SYM
#undef ZIP_SYM
#undef LIB_SYM
	if (!(lib.xml_free = dlsym(x, "xmlFree")))
		goto missing;
	lib.xmlInitParser();   /* once, before readers in several threads */
	lib.ok = 1;
	return;
missing:
	snprintf(lib.error, sizeof(lib.error), "ODT is not available: %s", dlerror());
}

/* The library's functions by their own names from here on. */
#define LIB_NAME(f) (lib.f)
#define xmlReaderForMemory LIB_NAME(xmlReaderForMemory)
#define xmlTextReaderRead LIB_NAME(xmlTextReaderRead)
#define xmlTextReaderNodeType LIB_NAME(xmlTextReaderNodeType)
#define xmlTextReaderConstName LIB_NAME(xmlTextReaderConstName)
#define xmlTextReaderConstNamespaceUri LIB_NAME(xmlTextReaderConstNamespaceUri)
#define xmlTextReaderConstValue LIB_NAME(xmlTextReaderConstValue)
#define xmlTextReaderGetAttribute LIB_NAME(xmlTextReaderGetAttribute)
#define xmlTextReaderIsEmptyElement LIB_NAME(xmlTextReaderIsEmptyElement)
#define xmlTextReaderSetStructuredErrorHandler LIB_NAME(xmlTextReaderSetStructuredErrorHandler)
#define xmlFreeTextReader LIB_NAME(xmlFreeTextReader)
#define xmlFree (*lib.xml_free)
#define zip_discard LIB_NAME(zip_discard)
#define zip_error_fini LIB_NAME(zip_error_fini)
#define zip_error_init LIB_NAME(zip_error_init)
#define zip_error_strerror LIB_NAME(zip_error_strerror)
#define zip_fclose LIB_NAME(zip_fclose)
#define zip_file_strerror LIB_NAME(zip_file_strerror)
#define zip_fopen LIB_NAME(zip_fopen)
#define zip_fread LIB_NAME(zip_fread)
#define zip_open_from_source LIB_NAME(zip_open_from_source)
#define zip_source_buffer_create LIB_NAME(zip_source_buffer_create)
#define zip_source_free LIB_NAME(zip_source_free)
#define zip_stat LIB_NAME(zip_stat)
#define zip_stat_init LIB_NAME(zip_stat_init)
#define zip_strerror LIB_NAME(zip_strerror)

/* Opens the libraries once; 0, or the error. */
static int lib_open(struct ex_error *err)
{
	pthread_once(&lib_once, lib_load);
	return lib.ok ? 0 : EX_FAIL(err, EX_EIO, "%s", lib.error);
}

#define ODT_MAX_ENTRY (256u << 20)  /* uncompressed bytes of one entry */
#define ODT_MAX_RATIO 200           /* uncompressed / compressed, big entries */
#define ODT_MAX_REPEAT 64           /* materialised repeats of a cell/row */
#define ODT_MAX_COLS 1024
#define ODT_MAX_DEPTH 64            /* nested tables, frames, notes */

struct odt_style {
	char *parent;
	int outline;        /* default outline level, 0 if none */
	int caption;        /* a caption style */
	int title;          /* "Title" or "Subtitle" */
	int page_break;     /* fo:break-before="page" */
	int has_bg;
	uint32_t bg;
};

/* How one list style labels its levels. */
#define ODT_LIST_LEVELS 10
struct odt_list_style {
	struct {
		int numbered;
		char bullet[8];
		char prefix[8], suffix[8];
	} level[ODT_LIST_LEVELS];
};

/* A paragraph being read: text:p or text:h. */
struct odt_para {
	GString *text;
	int heading;        /* outline level for text:h, 0 otherwise */
	const char *style;  /* xmlFree'd with the para */
	int in_cell;        /* feeds a table cell, not a block */
	int in_note;        /* feeds a footnote */
};

struct odt_table {
	int index;          /* into doc->tables */
	int row, col;
	int in_header;
	int cell;           /* index of the open cell in the table, -1 */
	GString *celltext;
};

struct odt_note {
	int number;
	int endnote;
	GString *text;
};

struct odt_state {
	struct doc *doc;
	GHashTable *styles;        /* name -> struct odt_style */
	xmlTextReaderPtr r;
	struct odt_para para[ODT_MAX_DEPTH];
	int npara;
	struct odt_table tab[ODT_MAX_DEPTH];
	int ntab;
	struct odt_note note[ODT_MAX_DEPTH];
	int nnote;
	struct odt_note *pending;  /* footnotes to emit after the paragraph */
	size_t npending, cap_pending;
	int list_depth;
	int list_item_first;       /* next paragraph is an item's first */
	GHashTable *lists;         /* list style name -> struct odt_list_style */
	char *cur_list_style;      /* text:list-style being defined */
	char *list_style[ODT_MAX_DEPTH]; /* style of each open list */
	int list_count[ODT_MAX_DEPTH];   /* items so far at each depth */
	int in_citation;
	int in_meta;               /* inside office:meta */
	char *meta_elem;           /* current meta element name */
	GString *meta_text;
	char *cur_style;           /* style:style being defined */
	int body_seen;
	int page;
	int top;                   /* index of the body's top-level element */
	int page_size_set;
	int legacy;                /* OpenOffice.org 1.x namespaces */
	char xml_error[160];
};

static void style_free(gpointer p)
{
	struct odt_style *s = p;

	g_free(s->parent);
	g_free(s);
}

static char *attr(xmlTextReaderPtr r, const char *name)
{
	return (char *)xmlTextReaderGetAttribute(r, (const xmlChar *)name);
}

static int attr_int(xmlTextReaderPtr r, const char *name, int def)
{
	char *v = attr(r, name);
	int n = def;

	if (v) {
		n = atoi(v);
		xmlFree(v);
	}
	return n;
}

static int parse_colour(const char *s, uint32_t *out)
{
	unsigned v;

	if (!s || s[0] != '#' || strlen(s) != 7 || sscanf(s + 1, "%6x", &v) != 1)
		return 0;
	*out = v;
	return 1;
}

/* "21.001cm", "8.5in", "595pt", "210mm" into points. */
static float length_pt(const char *s)
{
	char *end;
	double v = g_ascii_strtod(s, &end);

	if (strcmp(end, "cm") == 0)
		return (float)(v / 2.54 * 72.0);
	if (strcmp(end, "mm") == 0)
		return (float)(v / 25.4 * 72.0);
	if (strcmp(end, "in") == 0)
		return (float)(v * 72.0);
	if (strcmp(end, "pt") == 0)
		return (float)v;
	return 0;
}

/* Follow parents until f says yes; bounded against cycles. */
static const struct odt_style *style_find(struct odt_state *st, const char *name,
					   int (*f)(const struct odt_style *))
{
	for (int i = 0; name && i < 16; i++) {
		const struct odt_style *s = g_hash_table_lookup(st->styles, name);

		if (!s)
			return NULL;
		if (f(s))
			return s;
		name = s->parent;
	}
	return NULL;
}

static int has_outline(const struct odt_style *s) { return s->outline > 0; }
static int has_caption(const struct odt_style *s) { return s->caption; }
static int has_title(const struct odt_style *s) { return s->title; }
static int has_bg(const struct odt_style *s) { return s->has_bg; }
static int has_break(const struct odt_style *s) { return s->page_break; }

static int name_is_caption(const char *n)
{
	return strcmp(n, "Caption") == 0 || strcmp(n, "Table") == 0 ||
	       strcmp(n, "Figure") == 0 || strcmp(n, "Illustration") == 0 ||
	       strcmp(n, "Drawing") == 0 || strcmp(n, "Text") == 0;
}

static void style_start(struct odt_state *st)
{
	xmlTextReaderPtr r = st->r;
	struct odt_style *s = g_new0(struct odt_style, 1);
	char *name = attr(r, "style:name"), *parent = attr(r, "style:parent-style-name");

	if (!name) {
		g_free(s);
		xmlFree(parent);
		return;
	}
	s->parent = parent ? g_strdup(parent) : NULL;
	s->outline = attr_int(r, "style:default-outline-level", 0);
	s->caption = name_is_caption(name);
	s->title = strcmp(name, "Title") == 0 || strcmp(name, "Subtitle") == 0;
	g_hash_table_replace(st->styles, g_strdup(name), s);
	g_free(st->cur_style);
	st->cur_style = xmlTextReaderIsEmptyElement(r) ? NULL : g_strdup(name);
	xmlFree(name);
	xmlFree(parent);
}

static void style_props(struct odt_state *st, const char *local)
{
	struct odt_style *s;
	char *v;

	if (!st->cur_style)
		return;
	s = g_hash_table_lookup(st->styles, st->cur_style);
	if (!s)
		return;
	if (strcmp(local, "table-cell-properties") == 0 ||
	    strcmp(local, "paragraph-properties") == 0) {
		v = attr(st->r, "fo:background-color");
		if (v && strcmp(local, "table-cell-properties") == 0)
			s->has_bg = parse_colour(v, &s->bg);
		xmlFree(v);
	}
	if (strcmp(local, "paragraph-properties") == 0) {
		v = attr(st->r, "fo:break-before");
		s->page_break = v && strcmp(v, "page") == 0;
		xmlFree(v);
	}
}

static void page_layout(struct odt_state *st)
{
	char *w = attr(st->r, "fo:page-width"), *h = attr(st->r, "fo:page-height");

	/* The first layout is the standard page in LibreOffice's files. */
	if (w && h && !st->page_size_set) {
		st->doc->pages[0].width = length_pt(w);
		st->doc->pages[0].height = length_pt(h);
		st->page_size_set = 1;
	}
	xmlFree(w);
	xmlFree(h);
}

static int emit_pending_notes(struct odt_state *st);

/* A page ends: its footnotes come out at its foot, as printed. */
static int new_page(struct odt_state *st)
{
	struct doc_page *p;

	if (emit_pending_notes(st) < 0)
		return EX_ENOMEM;
	p = doc_add_page(st->doc);
	if (!p)
		return EX_ENOMEM;
	p->source = DOC_SRC_ODT;
	if (p->number > 1) {
		p->width = st->doc->pages[0].width;
		p->height = st->doc->pages[0].height;
	}
	st->page = p->number;
	return 0;
}

static const char *block_path(struct odt_state *st)
{
	return arena_printf(st->doc->arena, "body/%d", st->top);
}

static struct doc_block *add_block(struct odt_state *st, enum doc_block_type t,
				   const char *text)
{
	struct doc_block *b = doc_add_block(st->doc, t, st->page);

	if (!b)
		return NULL;
	b->path = block_path(st);
	b->text = text;
	return b;
}

/* ---- paragraphs ---- */

static void para_start(struct odt_state *st, int heading)
{
	struct odt_para *p;

	if (st->npara >= ODT_MAX_DEPTH)
		return;
	p = &st->para[st->npara++];
	memset(p, 0, sizeof(*p));
	p->text = g_string_new(NULL);
	p->style = attr(st->r, "text:style-name");
	p->heading = heading ? attr_int(st->r, "text:outline-level", 1) : 0;
	p->in_cell = st->ntab > 0 && st->tab[st->ntab - 1].cell >= 0;
	p->in_note = st->nnote > 0;
	if (p->style && st->body_seen && st->doc->nblocks > 0 && !p->in_cell && !p->in_note &&
	    style_find(st, p->style, has_break))
		new_page(st);
}

static void text_append(struct odt_state *st, const char *s)
{
	GString *g;

	if (st->in_citation || st->npara == 0)
		return;
	g = st->para[st->npara - 1].text;
	/* ODF folds white space in text nodes; text:s carries real runs. */
	for (; *s; s++) {
		char c = *s == '\n' || *s == '\t' || *s == '\r' ? ' ' : *s;

		if (c == ' ' && (g->len == 0 || g->str[g->len - 1] == ' '))
			continue;
		g_string_append_c(g, c);
	}
}

static int emit_pending_notes(struct odt_state *st)
{
	for (size_t i = 0; i < st->npending; i++) {
		struct odt_note *n = &st->pending[i];
		char *t = norm_text(st->doc->arena, n->text->str, n->text->len);
		struct doc_block *b;

		norm_squeeze(t);
		b = add_block(st, DOC_BLK_FOOTNOTE, t);
		if (!b)
			return EX_ENOMEM;
		b->note = n->number;
		g_string_free(n->text, TRUE);
	}
	st->npending = 0;
	return 0;
}

/* The marker of the list item being read, as its list style prints it:
 * "•", "1.", "a)"; NULL when the style is not known. */
static const char *list_marker(struct odt_state *st)
{
	int d = st->list_depth, lv = d > ODT_LIST_LEVELS ? ODT_LIST_LEVELS : d;
	const struct odt_list_style *ls = NULL;

	/* Nested lists without a style name take the outer list's. */
	for (int i = d - 1; i >= 0 && !ls; i--)
		if (i < ODT_MAX_DEPTH && st->list_style[i])
			ls = g_hash_table_lookup(st->lists, st->list_style[i]);
	if (!ls || d < 1)
		return NULL;
	if (!ls->level[lv - 1].numbered)
		return ls->level[lv - 1].bullet[0] ? arena_strdup(st->doc->arena, ls->level[lv - 1].bullet)
						   : NULL;
	return arena_printf(st->doc->arena, "%s%d%s", ls->level[lv - 1].prefix,
			    d <= ODT_MAX_DEPTH ? st->list_count[d - 1] : 0, ls->level[lv - 1].suffix);
}

static void list_style_start(struct odt_state *st)
{
	char *name = attr(st->r, "style:name");

	g_free(st->cur_list_style);
	st->cur_list_style = NULL;
	if (name && !xmlTextReaderIsEmptyElement(st->r)) {
		g_hash_table_replace(st->lists, g_strdup(name), g_new0(struct odt_list_style, 1));
		st->cur_list_style = g_strdup(name);
	}
	xmlFree(name);
}

static void list_level_style(struct odt_state *st, int numbered)
{
	struct odt_list_style *ls;
	int lv = attr_int(st->r, "text:level", 1);
	char *v;

	if (!st->cur_list_style || lv < 1 || lv > ODT_LIST_LEVELS)
		return;
	ls = g_hash_table_lookup(st->lists, st->cur_list_style);
	if (!ls)
		return;
	ls->level[lv - 1].numbered = numbered;
	v = attr(st->r, numbered ? "style:num-prefix" : "text:bullet-char");
	if (v)
		snprintf(numbered ? ls->level[lv - 1].prefix : ls->level[lv - 1].bullet, 8, "%s", v);
	xmlFree(v);
	if (numbered) {
		v = attr(st->r, "style:num-suffix");
		if (v)
			snprintf(ls->level[lv - 1].suffix, 8, "%s", v);
		xmlFree(v);
	}
}

static int para_end(struct odt_state *st)
{
	struct odt_para *p;
	char *t;
	int rc = 0, level = 0;
	enum doc_block_type type = DOC_BLK_PARAGRAPH;

	if (st->npara == 0)
		return 0;
	p = &st->para[--st->npara];
	t = norm_text(st->doc->arena, p->text->str, p->text->len);
	if (!t)
		rc = EX_ENOMEM;
	else
		norm_squeeze(t);
	if (rc == 0 && p->in_note && st->nnote > 0) {
		GString *n = st->note[st->nnote - 1].text;

		if (n->len && *t)
			g_string_append_c(n, ' ');
		g_string_append(n, t);
	} else if (rc == 0 && p->in_cell && st->ntab > 0) {
		GString *c = st->tab[st->ntab - 1].celltext;

		if (c->len && *t)
			g_string_append_c(c, '\n');
		g_string_append(c, t);
	} else if (rc == 0 && *t) {
		const struct odt_style *s;

		if (p->heading) {
			type = DOC_BLK_HEADING;
			level = p->heading;
		} else if ((s = style_find(st, p->style, has_outline))) {
			type = DOC_BLK_HEADING;
			level = s->outline;
		} else if (style_find(st, p->style, has_title)) {
			type = DOC_BLK_HEADING;
			level = 1;
		} else if (style_find(st, p->style, has_caption) ||
			   g_str_has_prefix(t, "Tabell ") || g_str_has_prefix(t, "Figur ")) {
			type = g_ascii_isdigit(t[strcspn(t, " ") + 1]) || style_find(st, p->style, has_caption)
				       ? DOC_BLK_CAPTION : DOC_BLK_PARAGRAPH;
		} else if (st->list_depth > 0) {
			type = st->list_item_first ? DOC_BLK_LIST_ITEM : DOC_BLK_PARAGRAPH;
			level = st->list_depth;
		}
		if (type == DOC_BLK_HEADING && level > 6)
			level = 6;
		struct doc_block *b = add_block(st, type, t);

		if (!b)
			rc = EX_ENOMEM;
		else
			b->level = level;
		if (b && type == DOC_BLK_LIST_ITEM)
			b->marker = list_marker(st);
		st->list_item_first = 0;
	}
	xmlFree((char *)p->style);
	g_string_free(p->text, TRUE);
	return rc;
}

/* ---- footnotes ---- */

static void note_start(struct odt_state *st)
{
	char *cls = attr(st->r, "text:note-class");
	struct odt_note *n;

	if (st->nnote >= ODT_MAX_DEPTH) {
		xmlFree(cls);
		return;
	}
	n = &st->note[st->nnote++];
	n->endnote = cls && strcmp(cls, "endnote") == 0;
	n->number = 0;
	n->text = g_string_new(NULL);
	xmlFree(cls);
}

static int note_end(struct odt_state *st)
{
	struct odt_note *n;

	if (st->nnote == 0)
		return 0;
	n = &st->note[--st->nnote];
	if (st->npending == st->cap_pending) {
		size_t nc = st->cap_pending ? st->cap_pending * 2 : 8;

		st->pending = g_renew(struct odt_note, st->pending, nc);
		st->cap_pending = nc;
	}
	st->pending[st->npending++] = *n;
	return 0;
}

/* ---- tables ---- */

static int table_start(struct odt_state *st)
{
	struct doc_table *t;
	struct doc_block *b;
	struct odt_table *ot;

	if (st->ntab >= ODT_MAX_DEPTH)
		return 0;
	t = doc_add_table(st->doc, "odt");
	if (!t)
		return EX_ENOMEM;
	t->page_first = t->page_last = st->page;
	t->path = block_path(st);
	ot = &st->tab[st->ntab++];
	memset(ot, 0, sizeof(*ot));
	ot->index = (int)st->doc->ntables - 1;
	ot->cell = -1;
	ot->row = -1;
	ot->celltext = g_string_new(NULL);
	b = add_block(st, DOC_BLK_TABLE, "");
	if (!b)
		return EX_ENOMEM;
	b->table = ot->index;
	/* A caption just before the table belongs to it. */
	if (st->doc->nblocks >= 2 && b[-1].type == DOC_BLK_CAPTION && st->ntab == 1)
		t->caption = b[-1].text;
	return 0;
}

static void table_end(struct odt_state *st)
{
	struct odt_table *ot;

	if (st->ntab == 0)
		return;
	ot = &st->tab[--st->ntab];
	st->doc->tables[ot->index].page_last = st->page;
	g_string_free(ot->celltext, TRUE);
}

static void row_start(struct odt_state *st)
{
	struct odt_table *ot;

	if (st->ntab == 0)
		return;
	ot = &st->tab[st->ntab - 1];
	ot->row++;
	ot->col = 0;
	if (ot->in_header)
		st->doc->tables[ot->index].header_rows = ot->row + 1;
}

static int cell_start(struct odt_state *st, int covered)
{
	struct odt_table *ot;
	struct doc_table *t;
	struct doc_cell *c;
	int rep;

	if (st->ntab == 0)
		return 0;
	ot = &st->tab[st->ntab - 1];
	t = &st->doc->tables[ot->index];
	rep = attr_int(st->r, "table:number-columns-repeated", 1);
	if (ot->row < 0)
		ot->row = 0;
	if (covered || xmlTextReaderIsEmptyElement(st->r)) {
		/* Empty or covered: only the position advances. */
		if (!covered && rep == 1 && ot->col < ODT_MAX_COLS) {
			c = doc_table_add_cell(st->doc, t, ot->row, ot->col, "");
			if (!c)
				return EX_ENOMEM;
		}
		ot->col += rep > 0 && rep < ODT_MAX_COLS ? rep : 1;
		return 0;
	}
	if (ot->col >= ODT_MAX_COLS)
		return 0;
	c = doc_table_add_cell(st->doc, t, ot->row, ot->col, "");
	if (!c)
		return EX_ENOMEM;
	c->colspan = attr_int(st->r, "table:number-columns-spanned", 1);
	c->rowspan = attr_int(st->r, "table:number-rows-spanned", 1);
	if (c->colspan < 1 || c->colspan > ODT_MAX_COLS)
		c->colspan = 1;
	if (c->rowspan < 1 || c->rowspan > 10000)
		c->rowspan = 1;
	char *style = attr(st->r, "table:style-name");
	const struct odt_style *s = style_find(st, style, has_bg);

	if (s) {
		c->has_bg = 1;
		c->bg = s->bg;
	}
	xmlFree(style);
	ot->cell = (int)t->ncells - 1;
	g_string_truncate(ot->celltext, 0);
	ot->col += rep > 1 && rep <= ODT_MAX_REPEAT ? rep : 1;
	return 0;
}

static int cell_end(struct odt_state *st)
{
	struct odt_table *ot;
	struct doc_table *t;

	if (st->ntab == 0)
		return 0;
	ot = &st->tab[st->ntab - 1];
	if (ot->cell < 0)
		return 0;
	t = &st->doc->tables[ot->index];
	t->cells[ot->cell].text = arena_strndup(st->doc->arena, ot->celltext->str,
						ot->celltext->len);
	ot->cell = -1;
	return t->cells[t->ncells - 1].text ? 0 : EX_ENOMEM;
}

/* ---- meta ---- */

static void meta_end(struct odt_state *st)
{
	struct doc_meta *m = &st->doc->meta;
	struct arena *a = st->doc->arena;
	const char *e = st->meta_elem, *v;

	if (!e || st->meta_text->len == 0)
		return;
	v = norm_text(a, st->meta_text->str, st->meta_text->len);
	if (strcmp(e, "dc:title") == 0)
		m->title = v;
	else if (strcmp(e, "dc:subject") == 0)
		m->subject = v;
	else if (strcmp(e, "meta:keyword") == 0)
		m->keywords = m->keywords ? arena_printf(a, "%s, %s", m->keywords, v) : v;
	else if (strcmp(e, "meta:initial-creator") == 0)
		m->author = v;
	else if (strcmp(e, "dc:creator") == 0 && !m->author)
		m->author = v;
	else if (strcmp(e, "meta:generator") == 0)
		m->producer = m->creator = v;
	else if (strcmp(e, "meta:creation-date") == 0)
		m->created = v;
	else if (strcmp(e, "dc:date") == 0)
		m->modified = v;
}

/* ---- the walk ---- */

/* An element of the document's head: its version, metadata, styles,
 * list styles and page layout. 0 when name is none of these. */
static int on_head(struct odt_state *st, const char *name, int empty)
{
	xmlTextReaderPtr r = st->r;

	if (strncmp(name, "office:document", 15) == 0 && !st->doc->meta.format_version) {
		char *v = attr(r, "office:version");
		const char *ns = (const char *)xmlTextReaderConstNamespaceUri(r);

		if (ns && strcmp(ns, "http://openoffice.org/2000/office") == 0 && !st->legacy) {
			st->legacy = 1;
			doc_warn(st->doc, 0, "legacy_format",
				 "an OpenOffice.org 1.x (.sxw) document, read as ODF: text is kept, "
				 "heading levels and styles may be missed");
		}

		if (v)
			st->doc->meta.format_version = arena_strdup(st->doc->arena, v);
		xmlFree(v);
	} else if (strcmp(name, "office:meta") == 0) {
		st->in_meta = !empty;
	} else if (st->in_meta) {
		g_free(st->meta_elem);
		st->meta_elem = g_strdup(name);
		g_string_truncate(st->meta_text, 0);
	} else if (strcmp(name, "style:style") == 0) {
		style_start(st);
	} else if (strcmp(name, "text:list-style") == 0) {
		list_style_start(st);
	} else if (strcmp(name, "text:list-level-style-number") == 0 ||
		   strcmp(name, "text:list-level-style-bullet") == 0) {
		list_level_style(st, name[22] == 'n');
	} else if (strncmp(name, "style:", 6) == 0 && strstr(name, "-properties")) {
		if (strcmp(name, "style:page-layout-properties") == 0)
			page_layout(st);
		else
			style_props(st, name + 6);
	} else {
		return 0;
	}
	return 1;
}

/* An element of the body: paragraphs and headings, spaces, notes,
 * lists, tables, page breaks. */
static int on_body(struct odt_state *st, const char *name, int empty)
{
	xmlTextReaderPtr r = st->r;
	int rc = 0;

	if (strcmp(name, "text:p") == 0 || strcmp(name, "text:h") == 0) {
		if (st->npara == 0 && st->ntab == 0 && st->nnote == 0 && st->list_depth == 0)
			st->top++;
		para_start(st, name[5] == 'h');
		if (empty)
			rc = para_end(st);
	} else if (strcmp(name, "text:s") == 0) {
		int c = attr_int(r, "text:c", 1);

		if (st->npara && !st->in_citation)
			for (int i = 0; i < c && i < 256; i++)
				g_string_append_c(st->para[st->npara - 1].text, ' ');
	} else if (strcmp(name, "text:tab") == 0 || strcmp(name, "text:line-break") == 0) {
		if (st->npara && !st->in_citation)
			g_string_append_c(st->para[st->npara - 1].text, ' ');
	} else if (strcmp(name, "text:note") == 0) {
		note_start(st);
	} else if (strcmp(name, "text:note-citation") == 0) {
		st->in_citation = !empty;
		g_string_truncate(st->meta_text, 0);
	} else if (strcmp(name, "text:list") == 0) {
		if (st->list_depth == 0 && st->npara == 0 && st->ntab == 0)
			st->top++;
		if (!empty && st->list_depth < ODT_MAX_DEPTH) {
			xmlFree(st->list_style[st->list_depth]);
			st->list_style[st->list_depth] = (char *)attr(r, "text:style-name");
			st->list_count[st->list_depth] = 0;
		}
		st->list_depth += !empty;
	} else if (strcmp(name, "text:list-item") == 0) {
		st->list_item_first = 1;
		if (st->list_depth > 0 && st->list_depth <= ODT_MAX_DEPTH)
			st->list_count[st->list_depth - 1]++;
	} else if (strcmp(name, "table:table") == 0) {
		if (st->npara == 0 && st->ntab == 0 && st->list_depth == 0)
			st->top++;
		rc = table_start(st);
		if (empty)
			table_end(st);
	} else if (strcmp(name, "table:table-header-rows") == 0) {
		if (st->ntab)
			st->tab[st->ntab - 1].in_header = !empty;
	} else if (strcmp(name, "table:table-row") == 0) {
		row_start(st);
	} else if (strcmp(name, "table:table-cell") == 0) {
		rc = cell_start(st, 0);
	} else if (strcmp(name, "table:covered-table-cell") == 0) {
		rc = cell_start(st, 1);
	} else if (strcmp(name, "text:soft-page-break") == 0) {
		rc = new_page(st);
	}
	return rc;
}

static int on_start(struct odt_state *st, const char *name)
{
	int empty = xmlTextReaderIsEmptyElement(st->r);

	if (on_head(st, name, empty))
		return 0;
	if (strcmp(name, "office:body") == 0)
		st->body_seen = 1;
	else if (st->body_seen)
		return on_body(st, name, empty);
	return 0;
}

static int on_end(struct odt_state *st, const char *name)
{
	if (strcmp(name, "office:meta") == 0) {
		st->in_meta = 0;
	} else if (st->in_meta) {
		meta_end(st);
		g_free(st->meta_elem);
		st->meta_elem = NULL;
	} else if (strcmp(name, "style:style") == 0) {
		g_free(st->cur_style);
		st->cur_style = NULL;
	} else if (strcmp(name, "text:list-style") == 0) {
		g_free(st->cur_list_style);
		st->cur_list_style = NULL;
	} else if (!st->body_seen) {
		return 0;
	} else if (strcmp(name, "text:p") == 0 || strcmp(name, "text:h") == 0) {
		return para_end(st);
	} else if (strcmp(name, "text:note-citation") == 0) {
		st->in_citation = 0;
		if (st->nnote)
			st->note[st->nnote - 1].number = atoi(st->meta_text->str);
	} else if (strcmp(name, "text:note") == 0) {
		return note_end(st);
	} else if (strcmp(name, "text:list") == 0) {
		if (st->list_depth > 0 && --st->list_depth < ODT_MAX_DEPTH) {
			xmlFree(st->list_style[st->list_depth]);
			st->list_style[st->list_depth] = NULL;
		}
	} else if (strcmp(name, "table:table") == 0) {
		table_end(st);
	} else if (strcmp(name, "table:table-header-rows") == 0) {
		if (st->ntab)
			st->tab[st->ntab - 1].in_header = 0;
	} else if (strcmp(name, "table:table-cell") == 0) {
		return cell_end(st);
	}
	return 0;
}

static void on_text(struct odt_state *st, const char *v)
{
	if (st->in_meta)
		g_string_append(st->meta_text, v);
	else if (st->in_citation) {
		/* The note's number stays in the text, as printed. */
		g_string_append(st->meta_text, v);
		if (st->npara)
			g_string_append(st->para[st->npara - 1].text, v);
	}
	else if (st->body_seen)
		text_append(st, v);
}

static void xml_error(void *arg, xmlErrorPtr e)
{
	struct odt_state *st = arg;

	if (!st->xml_error[0] && e && e->level >= XML_ERR_ERROR)
		snprintf(st->xml_error, sizeof(st->xml_error), "line %d: %s", e->line,
			 e->message ? e->message : "XML error");
}

/* One XML part through the walker. Returns 0, a negative code, or 1
 * when the XML broke off (what came before it is kept). */
static int walk(struct odt_state *st, const char *part, const void *buf, size_t n,
		struct ex_error *err)
{
	int rc = 0, ret;

	st->xml_error[0] = '\0';
	st->r = xmlReaderForMemory(buf, (int)n, part, NULL,
				   XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_COMPACT);
	if (!st->r)
		return EX_FAIL(err, EX_EFORMAT, "%s: cannot be parsed", part);
	xmlTextReaderSetStructuredErrorHandler(st->r, xml_error, st);
	while (rc == 0 && (ret = xmlTextReaderRead(st->r)) == 1) {
		int type = xmlTextReaderNodeType(st->r);
		const char *name = (const char *)xmlTextReaderConstName(st->r);

		if (type == XML_READER_TYPE_ELEMENT)
			rc = on_start(st, name);
		else if (type == XML_READER_TYPE_END_ELEMENT)
			rc = on_end(st, name);
		else if (type == XML_READER_TYPE_TEXT ||
			 type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE ||
			 type == XML_READER_TYPE_CDATA)
			on_text(st, (const char *)xmlTextReaderConstValue(st->r));
	}
	xmlFreeTextReader(st->r);
	st->r = NULL;
	if (rc < 0)
		return EX_FAIL_CODE(err, rc);
	if (ret < 0) {
		if (st->doc->nblocks > 0) {
			doc_warn(st->doc, 0, "truncated", "%s: XML breaks off (%s); text before it kept",
				 part, st->xml_error[0] ? st->xml_error : "parse error");
			return 1;
		}
		return EX_FAIL(err, EX_EFORMAT, "%s is not well-formed XML (%s)", part,
			       st->xml_error[0] ? st->xml_error : "parse error");
	}
	return 0;
}

static void state_init(struct odt_state *st, struct doc *doc)
{
	memset(st, 0, sizeof(*st));
	st->doc = doc;
	st->styles = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, style_free);
	st->lists = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
	st->meta_text = g_string_new(NULL);
}

static void state_done(struct odt_state *st)
{
	/* After an error, open paragraphs, tables and notes still hold memory. */
	while (st->npara > 0) {
		struct odt_para *p = &st->para[--st->npara];

		xmlFree((char *)p->style);
		g_string_free(p->text, TRUE);
	}
	while (st->ntab > 0)
		g_string_free(st->tab[--st->ntab].celltext, TRUE);
	while (st->nnote > 0)
		g_string_free(st->note[--st->nnote].text, TRUE);
	for (size_t i = 0; i < st->npending; i++)
		g_string_free(st->pending[i].text, TRUE);
	g_free(st->pending);
	g_hash_table_destroy(st->styles);
	g_hash_table_destroy(st->lists);
	g_free(st->cur_list_style);
	for (int i = 0; i < ODT_MAX_DEPTH; i++)
		xmlFree(st->list_style[i]);
	g_string_free(st->meta_text, TRUE);
	g_free(st->meta_elem);
	g_free(st->cur_style);
}

static int finish(struct odt_state *st, int rc, struct ex_error *err)
{
	if (rc >= 0 && st->npending)
		rc = emit_pending_notes(st);
	if (rc >= 0 && !st->body_seen)
		rc = EX_FAIL(err, EX_EFORMAT, "no office:body: not an ODF text document");
	state_done(st);
	return rc < 0 ? rc : 0;
}

int odt_read_flat(struct doc *doc, const void *buf, size_t n, struct ex_error *err)
{
	struct odt_state st;
	int rc;

	if (n > ODT_MAX_ENTRY)
		return EX_FAIL(err, EX_ELIMIT, "flat ODT larger than %u MiB", ODT_MAX_ENTRY >> 20);
	if ((rc = lib_open(err)) < 0)
		return rc;
	state_init(&st, doc);
	rc = new_page(&st);
	if (rc == 0)
		rc = walk(&st, "fodt", buf, n, err);
	return finish(&st, rc, err);
}

/* ---- the zip package ---- */

/* Reads one entry whole, within the size and ratio limits. NULL with
 * *n = 0 and no error when the entry does not exist. */
static char *zip_entry(zip_t *z, const char *name, size_t *n, struct ex_error *err)
{
	zip_stat_t zs;
	zip_file_t *f;
	char *buf;
	zip_int64_t got;

	*n = 0;
	zip_stat_init(&zs);
	if (zip_stat(z, name, 0, &zs) < 0)
		return NULL;
	if (!(zs.valid & ZIP_STAT_SIZE) || zs.size > ODT_MAX_ENTRY) {
		EX_FAIL(err, EX_ELIMIT, "%s is larger than %u MiB uncompressed", name,
			ODT_MAX_ENTRY >> 20);
		return NULL;
	}
	if ((zs.valid & ZIP_STAT_COMP_SIZE) && zs.size > (1u << 20) &&
	    zs.size / (zs.comp_size ? zs.comp_size : 1) > ODT_MAX_RATIO) {
		EX_FAIL(err, EX_ELIMIT, "%s compresses %llu:1, a zip bomb?", name,
			(unsigned long long)(zs.size / (zs.comp_size ? zs.comp_size : 1)));
		return NULL;
	}
	f = zip_fopen(z, name, 0);
	if (!f) {
		EX_FAIL(err, EX_EFORMAT, "%s cannot be opened: %s", name, zip_strerror(z));
		return NULL;
	}
	buf = malloc(zs.size + 1);
	if (!buf) {
		zip_fclose(f);
		EX_FAIL(err, EX_ENOMEM, "out of memory");
		return NULL;
	}
	got = zip_fread(f, buf, zs.size);
	if (got < 0 || (zip_uint64_t)got != zs.size) {
		EX_FAIL(err, EX_EFORMAT, "%s is damaged: %s", name, zip_file_strerror(f));
		zip_fclose(f);
		free(buf);
		return NULL;
	}
	zip_fclose(f);
	buf[zs.size] = '\0';
	*n = zs.size;
	return buf;
}

static int check_mimetype(zip_t *z, struct ex_error *err)
{
	size_t n;
	char *m = zip_entry(z, "mimetype", &n, err);
	int rc = 0;

	if (!m)
		return err->code < 0 ? err->code : 0; /* no mimetype: try content.xml */
	if (strncmp(m, "application/vnd.sun.xml.writer", 30) == 0)
		rc = EX_FAIL(err, EX_EFORMAT,
			     "an OpenOffice.org 1.x/StarOffice Writer file (.sxw), which extract does not read");
	else if (strncmp(m, "application/vnd.oasis.opendocument.text", 39) != 0)
		rc = EX_FAIL(err, EX_EFORMAT, "a zip package, but not an ODF text document (mimetype %.60s)",
			     m);
	free(m);
	return rc;
}

static int check_encryption(zip_t *z, struct ex_error *err)
{
	size_t n;
	char *m = zip_entry(z, "META-INF/manifest.xml", &n, err);
	int rc = 0;

	if (!m)
		return err->code < 0 ? err->code : 0;
	if (strstr(m, "encryption-data"))
		rc = EX_FAIL(err, EX_EPASSWORD, "password-protected (encrypted) ODT");
	free(m);
	return rc;
}

int odt_read(struct doc *doc, const void *buf, size_t n, struct ex_error *err)
{
	static const char *const parts[] = { "meta.xml", "styles.xml", "content.xml" };
	struct odt_state st;
	zip_error_t ze;
	zip_source_t *src;
	zip_t *z;
	int rc = 0;

	if ((rc = lib_open(err)) < 0)
		return rc;
	zip_error_init(&ze);
	src = zip_source_buffer_create(buf, n, 0, &ze);
	if (!src) {
		zip_error_fini(&ze);
		return EX_FAIL(err, EX_ENOMEM, "out of memory");
	}
	z = zip_open_from_source(src, ZIP_RDONLY, &ze);
	if (!z) {
		rc = EX_FAIL(err, EX_EFORMAT, "not a readable zip package (%s)", zip_error_strerror(&ze));
		zip_source_free(src);
		zip_error_fini(&ze);
		return rc;
	}
	zip_error_fini(&ze);
	err->code = 0;
	rc = check_mimetype(z, err);
	if (rc == 0)
		rc = check_encryption(z, err);
	if (rc < 0) {
		zip_discard(z);
		return rc;
	}
	state_init(&st, doc);
	rc = new_page(&st);
	for (size_t i = 0; i < 3 && rc >= 0; i++) {
		size_t len;
		char *x;

		err->code = 0;
		x = zip_entry(z, parts[i], &len, err);
		if (!x) {
			if (err->code < 0)
				rc = err->code;
			else if (i == 2)
				rc = EX_FAIL(err, EX_EFORMAT, "no content.xml: not an ODF document");
			continue;
		}
		rc = walk(&st, parts[i], x, len, err);
		free(x);
	}
	zip_discard(z);
	return finish(&st, rc, err);
}
