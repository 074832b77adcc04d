/* json.c: the extract/1 JSON writer (jansson). Output is deterministic:
 * keys in a fixed order, numbers rounded to 0.01 pt. */
#include "out.h"

#include <glib.h>
#include <jansson.h>
#include <math.h>
#include <pthread.h>
#include <string.h>

/* Keys are ASCII literals and every string in the model is valid UTF-8
 * (norm.c sees to it): jansson need not check them again. */
#define json_object_set_new json_object_set_new_nocheck

/* jansson leaves out what it could not allocate (a key whose value is
 * NULL is not set): a tree built short of memory would dump as valid
 * but incomplete JSON. Its allocations go through oom_malloc, which
 * marks the thread's document as failed; out_json then returns NULL. */
static _Thread_local int json_oom;
static json_malloc_t next_malloc;
static json_free_t next_free;

static void *oom_malloc(size_t n)
{
	void *p = next_malloc(n);

	if (!p)
		json_oom = 1;
	return p;
}

static void oom_free(void *p)
{
	next_free(p);
}

/* Chains to whatever allocator the program had set, once per process. */
static void oom_guard_install(void)
{
	json_get_alloc_funcs(&next_malloc, &next_free);
	json_set_alloc_funcs(oom_malloc, oom_free);
}

static json_t *str_or_null(const char *s)
{
	return s ? json_string_nocheck(s) : json_null();
}

static json_t *num(double v)
{
	double r = round(v * 100.0) / 100.0;

	if (r == floor(r) && fabs(r) < 1e15)
		return json_integer((json_int_t)r);
	return json_real(r);
}

static json_t *bbox(struct box b)
{
	return json_pack("[oooo]", num(b.x0), num(b.y0), num(b.x1), num(b.y1));
}

static json_t *colour(uint32_t c)
{
	char buf[8];

	snprintf(buf, sizeof(buf), "#%06x", (unsigned)(c & 0xFFFFFF));
	return json_string(buf);
}

static json_t *source_json(const struct doc *d)
{
	json_t *o = json_object();

	json_object_set_new(o, "path", str_or_null(d->src.path));
	json_object_set_new(o, "sha256", json_string(d->src.sha256));
	json_object_set_new(o, "bytes", json_integer((json_int_t)d->src.bytes));
	json_object_set_new(o, "format", json_string(doc_format_name(d->src.format)));
	json_object_set_new(o, "format_version", str_or_null(d->meta.format_version));
	json_object_set_new(o, "conformance", str_or_null(d->meta.conformance));
	json_object_set_new(o, "pronom", str_or_null(doc_pronom(d)));
	json_object_set_new(o, "pages", json_integer((json_int_t)d->npages));
	json_object_set_new(o, "producer", str_or_null(d->meta.producer));
	json_object_set_new(o, "creator", str_or_null(d->meta.creator));
	json_object_set_new(o, "created", str_or_null(d->meta.created));
	json_object_set_new(o, "modified", str_or_null(d->meta.modified));
	return o;
}

static json_t *period_json(const struct doc_period *p)
{
	if (!p->label)
		return json_null();
	return json_pack("{s:s, s:o, s:o}", "label", p->label, "start", str_or_null(p->start),
			 "end", str_or_null(p->end));
}

static json_t *prov_json(const struct doc_prov *p)
{
	json_t *o = json_object();

	json_object_set_new(o, "page", p->page > 0 ? json_integer(p->page) : json_null());
	if (p->has_box)
		json_object_set_new(o, "bbox", bbox(p->box));
	if (p->path)
		json_object_set_new(o, "path", json_string(p->path));
	if (p->block >= 0)
		json_object_set_new(o, "block", json_integer(p->block));
	if (p->table > 0) {
		json_object_set_new(o, "table", json_integer(p->table));
		json_object_set_new(o, "row", json_integer(p->row));
		json_object_set_new(o, "col", json_integer(p->col));
	}
	return o;
}

/* A number as printed: whole numbers as integers, others to 6 decimals. */
static json_t *value_num(double v)
{
	double r = round(v * 1e6) / 1e6;

	if (r == floor(r) && fabs(r) < 1e15)
		return json_integer((json_int_t)r);
	return json_real(r);
}

/* The text is written a member at a time: each element of the long
 * arrays (pages, blocks, a table's rows, values, ...) and each of the
 * root's other members is a jansson tree, dumped by jansson and freed
 * before the next is made, so a document's JSON never stands whole as a
 * tree (200 000 values took a GB and most of the time in malloc as one).
 * What it writes is byte for byte json_dumps of the whole tree: the
 * framing below is jansson's (dump.c: "," then a newline and two spaces
 * a level, or "," alone when compact; ": " or ":" after a key; "[]" and
 * "{}" when empty), and a member dumped alone at depth 0 is moved to its
 * depth by the spaces put after each of its newlines (jansson escapes a
 * newline in a string, so each is one of its indents). Keys are ASCII
 * literals. */
struct jw {
	char *p;
	size_t n, cap;
	size_t flags;    /* jansson's dump flags */
	int compact;
	int depth;       /* the open container's; -1 before the root */
	int pad;         /* spaces after a newline of the member being dumped */
	int err;         /* out of memory: the text is not made */
	unsigned char used[16];   /* the open containers that have a member */
	char *tmp;       /* a member as jansson dumped it, before its pads */
	size_t tmpcap;
};

/* Room for n more bytes and a NUL; 0 when there is none to be had. */
static int jw_room(struct jw *w, size_t n)
{
	size_t cap = w->cap ? w->cap : 65536;
	char *p;

	if (w->err)
		return 0;
	if (w->n + n + 1 <= w->cap)
		return 1;
	while (cap < w->n + n + 1)
		cap *= 2;
	if (!(p = realloc(w->p, cap))) {
		w->err = 1;
		return 0;
	}
	w->p = p;
	w->cap = cap;
	return 1;
}

static void jw_put(struct jw *w, const char *s, size_t n)
{
	if (!jw_room(w, n))
		return;
	memcpy(w->p + w->n, s, n);
	w->n += n;
}

/* jansson's dump_indent at JSON_INDENT(2): a newline and two spaces a
 * level; nothing when compact. */
static void jw_indent(struct jw *w, int depth)
{
	static const char nl[] = "\n                                ";

	if (!w->compact)
		jw_put(w, nl, 1 + 2 * (size_t)(depth < 16 ? depth : 16));
}

/* Scratch room for n bytes of one member's dump. */
static int jw_scratch(struct jw *w, size_t n)
{
	char *t = realloc(w->tmp, n);

	if (!t) {
		w->err = 1;
		return 0;
	}
	w->tmp = t;
	w->tmpcap = n;
	return 1;
}

/* v dumped by jansson (json_dumpb: into a buffer, no call per token)
 * at the depth of a member of the open container: compact, straight
 * into the text; indented, each newline followed by the depth's pad. */
static void jw_dump(struct jw *w, const json_t *v)
{
	size_t flags = w->flags | JSON_ENCODE_ANY, n, room;
	const char *s, *nl;

	for (;;) {   /* dumped again into more room when it did not fit */
		room = w->compact ? (w->cap > w->n ? w->cap - w->n - 1 : 0) : w->tmpcap;
		n = json_dumpb(v, w->compact ? (w->p ? w->p + w->n : NULL) : w->tmp, room, flags);
		if (n == 0) {
			w->err = 1;
			return;
		}
		if (n <= room)
			break;
		if (w->compact) {
			if (!jw_room(w, n))
				return;
		} else if (!jw_scratch(w, 2 * n)) {
			return;
		}
	}
	if (w->compact) {
		w->n += n;
		return;
	}
	for (s = w->tmp; (nl = memchr(s, '\n', n)); n -= (size_t)(nl + 1 - s), s = nl + 1) {
		jw_put(w, s, (size_t)(nl - s));
		jw_indent(w, w->pad);
	}
	jw_put(w, s, n);
}

/* What comes before a member of the open container, and its key. */
static void jw_member(struct jw *w, const char *key)
{
	if (w->depth >= 0) {
		if (w->used[w->depth]) {
			jw_put(w, ",", 1);
			jw_indent(w, w->depth + 1);
		} else {
			jw_indent(w, w->depth + 1);
		}
		w->used[w->depth] = 1;
	}
	if (key) {
		size_t n = strlen(key);
		char k[64];

		if (n > sizeof(k) - 4) {   /* the keys are short literals */
			w->err = 1;
			return;
		}
		k[0] = '"';
		memcpy(k + 1, key, n);
		memcpy(k + 1 + n, "\": ", 3);
		jw_put(w, k, n + (w->compact ? 3 : 4));
	}
}

/* A member made as a tree (key NULL in an array): dumped, then freed. */
static void jw_value(struct jw *w, const char *key, json_t *v)
{
	jw_member(w, key);
	if (!v || json_oom)
		w->err = 1;
	w->pad = w->depth + 1;
	if (!w->err)
		jw_dump(w, v);
	json_decref(v);
}

static void jw_open(struct jw *w, const char *key, char bracket)
{
	jw_member(w, key);
	jw_put(w, &bracket, 1);
	if (w->depth + 1 >= (int)sizeof(w->used)) {
		w->err = 1;
		return;
	}
	w->used[++w->depth] = 0;
}

static void jw_close(struct jw *w, char bracket)
{
	if (w->depth < 0) {
		w->err = 1;
		return;
	}
	if (w->used[w->depth])
		jw_indent(w, w->depth);
	jw_put(w, &bracket, 1);
	w->depth--;
}

static void value_write(struct jw *w, const struct doc_value *v)
{
	jw_open(w, NULL, '{');
	jw_value(w, "label", str_or_null(v->label));
	jw_value(w, "group", str_or_null(v->group));
	jw_value(w, "section", str_or_null(v->section));
	jw_value(w, "period", period_json(&v->period));
	jw_value(w, "measure", str_or_null(v->measure));
	jw_value(w, "value", v->missing ? json_null() : value_num(v->value));
	jw_value(w, "unit", str_or_null(v->unit));
	jw_value(w, "scale", value_num(v->scale));
	if (v->note > 0)
		jw_value(w, "note", json_integer(v->note));
	if (v->missing)
		jw_value(w, "missing", json_true());
	if (v->qualifier)
		jw_value(w, "qualifier", json_string(v->qualifier));
	if (v->is_range)
		jw_value(w, "high", value_num(v->hi));
	if (v->has_change)
		jw_value(w, "change", value_num(v->change));
	if (v->has_max)
		jw_value(w, "max", value_num(v->max));
	jw_value(w, "text", json_string(v->text ? v->text : ""));
	if (v->context)
		jw_value(w, "context", json_string(v->context));
	jw_value(w, "method", json_string(v->method));
	jw_value(w, "provenance", prov_json(&v->prov));
	jw_value(w, "confidence", num(v->confidence));
	jw_close(w, '}');
}

static json_t *rating_json(const struct doc_rating *r)
{
	return json_pack("{s:s, s:s, s:s, s:s, s:s, s:o}", "goal", r->goal, "title", r->title, "dimension",
			 r->dimension, "colour", r->colour, "evidence", r->evidence, "provenance",
			 prov_json(&r->prov));
}

static json_t *remarks_json(const struct doc_remark *r, size_t n)
{
	json_t *a = json_array();

	for (size_t k = 0; k < n; k++)
		json_array_append_new(a, json_pack("{s:o, s:s, s:o}", "who", str_or_null(r[k].who), "text",
						   r[k].text ? r[k].text : "", "provenance", prov_json(&r[k].prov)));
	return a;
}

/* A notice's meeting and agenda; {} for other documents. */
static json_t *notice_json(const struct doc *d)
{
	const struct doc_notice *n = &d->notice;
	json_t *o = json_object(), *agenda;

	if (!n->present)
		return o;
	agenda = json_array();
	json_object_set_new(o, "date", str_or_null(n->date));
	json_object_set_new(o, "time", str_or_null(n->time));
	json_object_set_new(o, "place", str_or_null(n->place));
	for (size_t i = 0; i < n->nagenda; i++)
		json_array_append_new(agenda, json_pack("{s:o, s:s, s:o}", "number", str_or_null(n->agenda[i].number),
							"title", n->agenda[i].title, "provenance",
							prov_json(&n->agenda[i].prov)));
	json_object_set_new(o, "agenda", agenda);
	json_object_set_new(o, "postal_vote", json_boolean(n->postal_vote));
	return o;
}

static json_t *protocol_json(const struct doc *d)
{
	const struct doc_protocol *p = &d->protocol;
	json_t *o = json_object(), *people, *adj, *items;

	if (!p->present)
		return o;
	people = json_array();
	adj = json_array();
	items = json_array();
	json_object_set_new(o, "date", str_or_null(p->date));
	json_object_set_new(o, "time", str_or_null(p->time));
	json_object_set_new(o, "opened", str_or_null(p->opened));
	json_object_set_new(o, "closed", str_or_null(p->closed));
	json_object_set_new(o, "place", str_or_null(p->place));
	json_object_set_new(o, "excerpt", json_boolean(p->excerpt));
	json_object_set_new(o, "certified_by", str_or_null(p->certified_by));
	for (size_t i = 0; i < p->npeople; i++) {
		const struct doc_person *x = &p->people[i];

		json_array_append_new(people, json_pack("{s:s, s:o, s:o, s:s, s:o}", "name", x->name,
							"role", str_or_null(x->role), "organisation",
							str_or_null(x->organisation), "status", x->status,
							"provenance", prov_json(&x->prov)));
	}
	json_object_set_new(o, "attendees", people);
	json_object_set_new(o, "chair", str_or_null(p->chair));
	json_object_set_new(o, "secretary", str_or_null(p->secretary));
	for (size_t i = 0; i < p->nadjusters; i++)
		json_array_append_new(adj, json_string(p->adjusters[i]));
	json_object_set_new(o, "adjusters", adj);
	for (size_t i = 0; i < p->nitems; i++) {
		const struct doc_agenda_item *it = &p->items[i];
		json_t *io = json_object(), *dec = json_array(), *as = json_array();

		json_object_set_new(io, "number", str_or_null(it->number));
		json_object_set_new(io, "title", json_string(it->title));
		json_object_set_new(io, "text", json_string(it->text ? it->text : ""));
		for (size_t k = 0; k < it->ndecisions; k++)
			json_array_append_new(dec, json_pack("{s:s, s:s, s:o}", "text", it->decisions[k].text, "kind",
							     it->decisions[k].kind ? it->decisions[k].kind : "decision",
							     "provenance", prov_json(&it->decisions[k].prov)));
		json_object_set_new(io, "decisions", dec);
		for (size_t k = 0; k < it->nassignments; k++)
			json_array_append_new(as, json_pack("{s:o, s:o, s:o}", "who",
							    str_or_null(it->assignments[k].who), "task",
							    str_or_null(it->assignments[k].task), "provenance",
							    prov_json(&it->assignments[k].prov)));
		json_object_set_new(io, "assignments", as);
		if (it->nreservations)
			json_object_set_new(io, "reservations", remarks_json(it->reservations, it->nreservations));
		if (it->nconflicts)
			json_object_set_new(io, "conflicts", remarks_json(it->conflicts, it->nconflicts));
		json_object_set_new(io, "noted", json_boolean(it->noted));
		json_object_set_new(io, "provenance", prov_json(&it->prov));
		json_array_append_new(items, io);
	}
	json_object_set_new(o, "items", items);
	json_object_set_new(o, "next_meeting", p->next_meeting_text ?
				json_pack("{s:o, s:s}", "date", str_or_null(p->next_meeting), "text",
					  p->next_meeting_text) : json_null());
	return o;
}

/* A survey's means: each question's own and those compared beside it. */
static json_t *means_json(const struct doc_survey *s)
{
	json_t *a = json_array();

	for (size_t i = 0; i < s->nmeans; i++) {
		const struct doc_mean *m = &s->means[i];
		json_t *cmp = json_array();

		for (size_t k = 0; k < m->ncompare; k++)
			json_array_append_new(cmp, json_pack("{s:o, s:o}", "column", str_or_null(m->compare[k].column),
							     "value", value_num(m->compare[k].value)));
		json_array_append_new(a, json_pack("{s:o, s:o, s:o, s:o, s:o}", "question", str_or_null(m->question),
						   "column", str_or_null(m->column), "value", value_num(m->value),
						   "compare", cmp, "provenance", prov_json(&m->prov)));
	}
	return a;
}

static json_t *survey_json(const struct doc *d)
{
	const struct doc_survey *s = &d->survey;
	json_t *o = json_object(), *figs, *sc;

	if (!s->present)
		return o;
	figs = json_array();
	sc = json_array();
	json_object_set_new(o, "population", s->population >= 0 ? value_num(s->population) : json_null());
	json_object_set_new(o, "responses", s->responses >= 0 ? value_num(s->responses) : json_null());
	json_object_set_new(o, "response_rate", s->rate >= 0 ? value_num(s->rate) : json_null());
	json_object_set_new(o, "text", str_or_null(s->text));
	if (s->text)
		json_object_set_new(o, "provenance", prov_json(&s->prov));
	for (size_t i = 0; i < s->nfigures; i++) {
		const struct doc_figure *f = &s->figures[i];
		json_t *fo = json_object(), *ans = json_array();

		json_object_set_new(fo, "label", json_string(f->label));
		json_object_set_new(fo, "question", str_or_null(f->question));
		for (size_t k = 0; k < f->nanswers; k++)
			json_array_append_new(ans, json_pack("{s:o, s:o}", "answer",
							     str_or_null(f->answers[k].answer), "percent",
							     value_num(f->answers[k].percent)));
		json_object_set_new(fo, "answers", ans);
		json_object_set_new(fo, "provenance", prov_json(&f->prov));
		json_array_append_new(figs, fo);
	}
	json_object_set_new(o, "figures", figs);
	json_object_set_new(o, "means", means_json(s));
	for (size_t i = 0; i < s->nscales; i++)
		json_array_append_new(sc, json_string(s->scales[i]));
	json_object_set_new(o, "scales", sc);
	return o;
}

static json_t *document_json(const struct doc *d)
{
	json_t *o = json_object(), *fields = json_object(), *meta = json_object();

	json_t *ev = json_array();

	for (size_t i = 0; i < d->ntype_evidence; i++)
		json_array_append_new(ev, json_string(d->type_evidence[i]));
	json_object_set_new(o, "type", json_string(d->type ? d->type : "unknown"));
	json_object_set_new(o, "type_evidence", ev);
	json_object_set_new(o, "title", str_or_null(d->title ? d->title : d->meta.title));
	json_object_set_new(o, "organisation", str_or_null(d->organisation));
	json_object_set_new(o, "year", d->year ? json_integer(d->year) : json_null());
	json_object_set_new(o, "date", str_or_null(d->date));
	json_object_set_new(o, "period", period_json(&d->period));
	for (size_t i = 0; i < d->nfields; i++)
		json_object_set_new(fields, d->fields[i].name, json_string(d->fields[i].value));
	json_object_set_new(o, "fields", fields);
	json_object_set_new(meta, "title", str_or_null(d->meta.title));
	json_object_set_new(meta, "author", str_or_null(d->meta.author));
	json_object_set_new(meta, "subject", str_or_null(d->meta.subject));
	json_object_set_new(meta, "keywords", str_or_null(d->meta.keywords));
	json_object_set_new(o, "metadata", meta);
	{
		json_t *c = json_array();

		for (size_t i = 0; i < d->ncontents; i++)
			json_array_append_new(c, json_pack("{s:s, s:i, s:s, s:i}", "title", d->contents[i].title,
							   "page", d->contents[i].page, "list", d->contents[i].list,
							   "block", d->contents[i].block));
		json_object_set_new(o, "contents", c);
	}
	return o;
}

static json_t *page_json(const struct doc_page *p)
{
	json_t *o = json_object();

	json_object_set_new(o, "number", json_integer(p->number));
	json_object_set_new(o, "width", p->width > 0 ? num(p->width) : json_null());
	json_object_set_new(o, "height", p->height > 0 ? num(p->height) : json_null());
	json_object_set_new(o, "source", json_string(doc_source_name(p->source)));
	json_object_set_new(o, "rotation", json_integer(p->rotation));
	if (p->ocr_reason) {
		json_t *ocr = json_pack("{s:s, s:o}", "reason", p->ocr_reason, "confidence",
					num(p->ocr_conf));

		if (p->ocr_skew != 0)
			json_object_set_new(ocr, "deskew", num(p->ocr_skew));
		json_object_set_new(o, "ocr", ocr);
	}
	return o;
}

static void block_write(struct jw *w, const struct doc *d, size_t i)
{
	const struct doc_block *b = &d->blocks[i];
	const char *furn = doc_furniture_name(b->furniture);

	jw_open(w, NULL, '{');
	jw_value(w, "id", json_integer((json_int_t)i));
	jw_value(w, "type", json_string(doc_block_type_name(b->type)));
	if (b->type == DOC_BLK_HEADING || b->type == DOC_BLK_LIST_ITEM)
		jw_value(w, "level", json_integer(b->level));
	if (b->marker)
		jw_value(w, "marker", json_string(b->marker));
	if (b->type == DOC_BLK_TABLE)
		jw_value(w, "table", json_integer(d->tables[b->table].id));
	if (b->note >= 0)
		jw_value(w, "note", json_integer(b->note));
	if (b->type == DOC_BLK_HANDWRITING)
		jw_value(w, "confidence", num(doc_block_confidence(b)));
	jw_value(w, "text", json_string(b->text ? b->text : ""));
	jw_value(w, "page", json_integer(b->page));
	if (b->has_box)
		jw_value(w, "bbox", bbox(b->box));
	if (b->path)
		jw_value(w, "path", json_string(b->path));
	if (furn)
		jw_value(w, "furniture", json_string(furn));
	jw_close(w, '}');
}

/* The cell whose span covers (r, c), or NULL. */
static void cell_write(struct jw *w, const struct doc_cell *x, int origin)
{
	jw_open(w, NULL, '{');
	jw_value(w, "text", json_string(origin && x ? x->text : ""));
	if (!x || !origin) {
		if (x)
			jw_value(w, "covered", json_true());
		jw_close(w, '}');
		return;
	}
	if (x->rowspan > 1)
		jw_value(w, "rowspan", json_integer(x->rowspan));
	if (x->colspan > 1)
		jw_value(w, "colspan", json_integer(x->colspan));
	if (x->has_box)
		jw_value(w, "bbox", bbox(x->box));
	if (x->has_bg)
		jw_value(w, "background", colour(x->bg));
	jw_close(w, '}');
}

/* Row r: the cells' texts in a header row, else their objects. */
static void row_write(struct jw *w, const struct doc_table *t, const struct doc_cell **grid, int r)
{
	jw_open(w, NULL, '[');
	for (int c = 0; c < t->ncols; c++) {
		const struct doc_cell *x = doc_grid_at(t, grid, r, c);
		int origin = x && x->row == r && x->col == c;

		if (r < t->header_rows)
			jw_value(w, NULL, json_string(x && origin ? x->text : ""));
		else
			cell_write(w, x, origin);
	}
	jw_close(w, ']');
}

static void table_write(struct jw *w, const struct doc_table *t)
{
	json_t *pages = json_array();
	const struct doc_cell **grid = doc_table_grid(t);

	if (!grid && t->nrows > 0 && t->ncols > 0)
		w->err = 1;
	for (int p = t->page_first; p <= t->page_last && p > 0; p++)
		json_array_append_new(pages, json_integer(p));
	jw_open(w, NULL, '{');
	jw_value(w, "id", json_integer(t->id));
	jw_value(w, "pages", pages);
	if (t->has_box)
		jw_value(w, "bbox", bbox(t->box));
	if (t->path)
		jw_value(w, "path", json_string(t->path));
	jw_value(w, "caption", str_or_null(t->caption));
	jw_value(w, "method", json_string(t->method));
	jw_value(w, "columns", json_integer(t->ncols));
	jw_open(w, "header", '[');
	for (int r = 0; r < t->nrows && r < t->header_rows && grid && !w->err; r++)
		row_write(w, t, grid, r);
	jw_close(w, ']');
	jw_open(w, "rows", '[');
	for (int r = t->header_rows > 0 ? t->header_rows : 0; r < t->nrows && grid && !w->err; r++)
		row_write(w, t, grid, r);
	jw_close(w, ']');
	jw_close(w, '}');
	free(grid);
}

static json_t *warning_json(const struct doc_warning *w)
{
	json_t *o = json_object();

	json_object_set_new(o, "code", json_string(w->code));
	json_object_set_new(o, "message", json_string(w->msg ? w->msg : ""));
	json_object_set_new(o, "page", w->page > 0 ? json_integer(w->page) : json_null());
	return o;
}

static json_t *correction_json(const struct doc_correction *x)
{
	return json_pack("{s:i, s:o, s:s, s:s, s:s}", "page", x->page, "bbox", bbox(x->box), "original",
			 x->original, "corrected", x->corrected, "reason", x->reason);
}

static json_t *tool_json(void)
{
	return json_pack("{ssss}", "name", "extract", "version", EX_VERSION);
}

/* The tree as text, or NULL if any part of it could not be made. */
static char *dump(json_t *root, int compact)
{
	size_t flags = JSON_REAL_PRECISION(12);
	char *s = NULL;

	flags |= compact ? JSON_COMPACT : JSON_INDENT(2);
	if (root && !json_oom)
		s = json_dumps(root, flags);
	json_decref(root);
	if (s && json_oom) {
		free(s);
		s = NULL;
	}
	return s;
}

static pthread_once_t oom_once = PTHREAD_ONCE_INIT;

/* Before a document's JSON is made: the guard in place, no failure yet. */
static void oom_reset(void)
{
	pthread_once(&oom_once, oom_guard_install);
	json_oom = 0;
}

static json_t *begin(void)
{
	oom_reset();
	return json_object();
}

char *out_json(const struct doc *d, const struct out_opts *opt)
{
	struct jw w = { .compact = opt && opt->compact, .depth = -1 };

	oom_reset();
	w.flags = JSON_REAL_PRECISION(12) | (w.compact ? JSON_COMPACT : JSON_INDENT(2));
	jw_open(&w, NULL, '{');
	jw_value(&w, "schema", json_string(EX_SCHEMA));
	jw_value(&w, "tool", tool_json());
	jw_value(&w, "source", source_json(d));
	jw_value(&w, "document", document_json(d));
	jw_open(&w, "pages", '[');
	for (size_t i = 0; i < d->npages && !w.err; i++)
		jw_value(&w, NULL, page_json(&d->pages[i]));
	jw_close(&w, ']');
	jw_open(&w, "blocks", '[');
	for (size_t i = 0; i < d->nblocks && !w.err; i++)
		block_write(&w, d, i);
	jw_close(&w, ']');
	jw_open(&w, "tables", '[');
	for (size_t i = 0; i < d->ntables && !w.err; i++)
		table_write(&w, &d->tables[i]);
	jw_close(&w, ']');
	jw_open(&w, "values", '[');
	for (size_t i = 0; i < d->nvalues && !w.err; i++)
		value_write(&w, &d->values[i]);
	jw_close(&w, ']');
	jw_open(&w, "ratings", '[');
	for (size_t i = 0; i < d->nratings && !w.err; i++)
		jw_value(&w, NULL, rating_json(&d->ratings[i]));
	jw_close(&w, ']');
	jw_value(&w, "protocol", protocol_json(d));
	jw_value(&w, "notice", notice_json(d));
	jw_value(&w, "survey", survey_json(d));
	jw_open(&w, "warnings", '[');
	for (size_t i = 0; i < d->nwarnings && !w.err; i++)
		jw_value(&w, NULL, warning_json(&d->warnings[i]));
	jw_close(&w, ']');
	jw_open(&w, "ocr_corrections", '[');
	for (size_t i = 0; i < d->ncorrections && !w.err; i++)
		jw_value(&w, NULL, correction_json(&d->corrections[i]));
	jw_close(&w, ']');
	jw_close(&w, '}');
	free(w.tmp);
	if (!jw_room(&w, 0) || json_oom) {
		free(w.p);
		return NULL;
	}
	w.p[w.n] = '\0';
	return w.p;
}

char *out_json_error(const char *path, const char *code, const char *msg, int compact)
{
	json_t *root = begin(), *e = json_object();

	json_object_set_new(root, "schema", json_string(EX_SCHEMA));
	json_object_set_new(root, "tool", tool_json());
	/* A file name is bytes: one that is not UTF-8 keeps its place in the
	 * record, its bad bytes as U+FFFD (jansson takes UTF-8 only). */
	gchar *p = g_utf8_make_valid(path, -1), *m = g_utf8_make_valid(msg, -1);

	json_object_set_new(e, "path", json_string(p));
	json_object_set_new(e, "code", json_string(code));
	json_object_set_new(e, "message", json_string(m));
	g_free(p);
	g_free(m);
	json_object_set_new(root, "error", e);
	return dump(root, compact);
}

const char *out_error_code_name(int code)
{
	switch (code) {
	case EX_EIO: return "io";
	case EX_EFORMAT: return "format";
	case EX_ELIMIT: return "limit";
	case EX_EPASSWORD: return "password";
	case EX_ENOMEM: return "out_of_memory";
	case EX_EEMPTY: return "empty";
	default: return "error";
	}
}

char *out_manifest_doc(const struct doc *d, const char *engine, const char *langs)
{
	json_t *o = begin(), *src = json_array();
	int ocr = 0;

	json_object_set_new(o, "sha256", json_string(d->src.sha256));
	json_object_set_new(o, "bytes", json_integer((json_int_t)d->src.bytes));
	json_object_set_new(o, "format", json_string(doc_format_name(d->src.format)));
	json_object_set_new(o, "format_version", str_or_null(d->meta.format_version));
	json_object_set_new(o, "pronom", str_or_null(doc_pronom(d)));
	json_object_set_new(o, "pages", json_integer((json_int_t)d->npages));
	for (size_t i = 0; i < d->npages; i++) {
		json_array_append_new(src, json_string(doc_source_name(d->pages[i].source)));
		ocr |= d->pages[i].source == DOC_SRC_OCR;
	}
	json_object_set_new(o, "page_sources", src);
	json_object_set_new(o, "ocr", ocr ? json_pack("{s:s?, s:s?}", "engine", engine, "languages", langs)
					  : json_null());
	json_object_set_new(o, "warnings", json_integer((json_int_t)d->nwarnings));
	return dump(o, 1);
}

/* The document's part of a manifest line (from out_manifest_doc), or
 * what stands for it when there is no document: the digest and size the
 * run found, the rest unknown. */
static json_t *manifest_doc_part(const struct out_manifest *m)
{
	json_t *part = m->doc_part ? json_loads(m->doc_part, 0, NULL) : NULL;

	if (part)
		return part;
	return json_pack("{s:o, s:o, s:n, s:n, s:n, s:n, s:[], s:n, s:i}", "sha256", str_or_null(m->sha256),
			 "bytes", m->bytes >= 0 ? json_integer(m->bytes) : json_null(), "format", "format_version",
			 "pronom", "pages", "page_sources", "ocr", "warnings", 0);
}

char *out_manifest_line(const struct out_manifest *m)
{
	static const char *const doc_keys[] = { "sha256", "bytes", "format", "format_version", "pronom",
						 "pages", "page_sources", "ocr", "warnings" };
	json_t *o = begin(), *part = manifest_doc_part(m), *ocr;

	json_object_set_new(o, "path", json_string(m->path));
	json_object_set_new(o, "output", str_or_null(m->output));
	for (size_t i = 0; part && i < sizeof(doc_keys) / sizeof(doc_keys[0]); i++) {
		json_t *v = json_object_get(part, doc_keys[i]);

		json_object_set(o, doc_keys[i], v ? v : json_null());
	}
	json_decref(part);
	if (m->lang_data && json_is_object(ocr = json_object_get(o, "ocr")))
		json_object_set_new(ocr, "language_data", json_loads(m->lang_data, 0, NULL));
	json_object_set_new(o, "status", json_string(m->error_code ? "failed" : "done"));
	json_object_set_new(o, "error", m->error_code ? json_pack("{s:s, s:s}", "code", m->error_code,
								  "message", m->error_msg ? m->error_msg : "")
						      : json_null());
	json_object_set_new(o, "seconds", num(m->seconds));
	json_object_set_new(o, "started", json_string(m->started));
	json_object_set_new(o, "tool", tool_json());
	json_object_set_new(o, "options_digest", json_string(m->options_digest));
	return dump(o, 1);
}

int out_manifest_read(const char *line, struct out_manifest_entry *e)
{
	json_t *o = json_loads(line, 0, NULL);
	const char *path = NULL, *sha = NULL, *status = NULL, *digest = NULL, *version = NULL, *output;
	json_t *jsha = NULL, *jout = NULL;
	int rc = -1;

	memset(e, 0, sizeof(*e));
	if (o && json_unpack(o, "{s:s, s:o, s:s, s:s, s:{s:s}, s:o}", "path", &path, "sha256", &jsha, "status",
			     &status, "options_digest", &digest, "tool", "version", &version, "output",
			     &jout) == 0 && (sha = json_string_value(jsha))) {
		output = json_string_value(jout);
		e->path = strdup(path);
		e->sha256 = strdup(sha);
		e->digest = strdup(digest);
		e->version = strdup(version);
		e->output = output ? strdup(output) : NULL;
		e->done = !strcmp(status, "done");
		rc = e->path && e->sha256 && e->digest && e->version && (!output || e->output) ? 0 : -1;
		if (rc < 0)
			out_manifest_entry_free(e);
	}
	json_decref(o);
	return rc;
}

void out_manifest_entry_free(struct out_manifest_entry *e)
{
	free(e->path);
	free(e->sha256);
	free(e->digest);
	free(e->version);
	free(e->output);
	memset(e, 0, sizeof(*e));
}

char *out_search_hit_json(const char *path, const char *sha256, int page, int block, const char *snippet)
{
	json_t *o = begin();
	/* A path is bytes, not always UTF-8: its bad bytes as U+FFFD. */
	gchar *p = path ? g_utf8_make_valid(path, -1) : NULL, *t = snippet ? g_utf8_make_valid(snippet, -1) : NULL;

	json_object_set_new(o, "path", str_or_null(p));
	json_object_set_new(o, "sha256", str_or_null(sha256));
	json_object_set_new(o, "page", json_integer(page));
	json_object_set_new(o, "block", json_integer(block));
	json_object_set_new(o, "snippet", str_or_null(t));
	g_free(p);
	g_free(t);
	return dump(o, 1);
}
