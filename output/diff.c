/* diff.c: two extract/1 documents compared; see diff.h.
 *
 * Each document's own period is its document period, else the latest
 * period end among its values. Its current values are those whose period
 * ends there (a year "2022" and a balance date "2022-12-31" both); each
 * is keyed by its normalised label (case, diacritics, punctuation and a
 * bracketed addition dropped), its group, its measure (none reads as
 * actual), its section (the same as printed, or with its years counted
 * from the document's own: "Årsredovisning 2022" in the 2022 report is
 * "Årsredovisning 2023" in the 2023 one) and whether its period is a span
 * or an instant. Pairs are made
 * in three passes, each taking only pairs that are unique on both sides:
 * the whole key; the key without the group; the label within one or two
 * edits. A pair whose units cannot be converted (kronor against percent)
 * is not made and is said. NEW's values for OLD's own period (its
 * previous-year and multi-year columns) that differ from OLD's are
 * `restated`. */
#include "diff.h"
#include "out.h"

#include <glib.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DIFF_SAME 0.005   /* values this close (in their unit) are the same number */

struct item {
	json_t *v;           /* the value object */
	char *label, *group; /* normalised */
	char *section;       /* normalised, without a leading note number ("Not 5") */
	char *ysection;      /* section with its years told from the own year ("arsredovisning y+0") */
	char *canon;         /* the label as its synonyms' first (synonyms[]) */
	const char *measure; /* "actual" when none */
	int instant;         /* the period is a date, not a span */
	const char *uclass;  /* "SEK" (any scale of kronor), or the unit, or "" */
	double base;         /* the value in uclass (kronor for money) */
	int paired;
};

struct side {
	json_t *doc;
	char *own_end;       /* the own period's end (ISO) */
	json_t *own_period;
	struct item *cur;    /* values of the own period */
	size_t ncur;
	struct item *all;    /* every value with a period (for restatements) */
	size_t nall;
};

/* Label for pairing: casefolded, without diacritics, a bracketed
 * addition ("Nettoomsättning (tot intäkter)") or punctuation; words
 * apart by one space. */
static char *norm_label(const char *s)
{
	gchar *fold, *nfd;
	GString *o = g_string_new(NULL);
	int depth = 0, space = 0;

	if (!s)
		return g_string_free(o, FALSE);
	fold = g_utf8_casefold(s, -1);
	nfd = g_utf8_normalize(fold, -1, G_NORMALIZE_NFD);
	for (const char *p = nfd; p && *p; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);

		if (c == '(' || c == '[')
			depth++;
		else if ((c == ')' || c == ']') && depth)
			depth--;
		else if (depth || (c >= 0x300 && c <= 0x36f))
			continue;
		else if (g_unichar_isalnum(c)) {
			if (space && o->len)
				g_string_append_c(o, ' ');
			space = 0;
			g_string_append_unichar(o, c);
		} else
			space = 1;
	}
	g_free(fold);
	g_free(nfd);
	return g_string_free(o, FALSE);
}

/* Labels that name one figure in Swedish annual accounts, as normalised
 * labels (no diacritics), each to the first of its row: a report of one
 * year and of the next may print either. Only whole labels: 'Summa eget
 * kapital och skulder' is none of them. */
static const char *const synonyms[][4] = {
	{ "resultat efter finansiella poster", "resultat efter finansnetto", NULL },
	{ "likvida medel", "kassa och bank", "kassa och bankmedel", NULL },
	{ "summa eget kapital", "eget kapital", NULL },
	{ "arets resultat", "arets vinst", "arets forlust", "arets vinst forlust" },
	{ "balansomslutning", "summa tillgangar", NULL },
	{ "nettoomsattning", "nettoomsattning totala intakter", "omsattning", NULL },
};

/* s (malloc'd, normalised) as its row's first label, or as it is. */
static char *synonym(char *s)
{
	for (size_t r = 0; r < sizeof(synonyms) / sizeof(synonyms[0]); r++)
		for (size_t k = 1; k < 4 && synonyms[r][k]; k++)
			if (!strcmp(s, synonyms[r][k])) {
				g_free(s);
				return g_strdup(synonyms[r][0]);
			}
	return s;
}

static const char *str(json_t *o, const char *key)
{
	return json_string_value(json_object_get(o, key));
}

/* Money in kronor, a rate or a count as printed: the unit's class and
 * the value in it. */
const char *diff_unit_class(json_t *v, double *base)
{
	const char *u = str(v, "unit");
	double x = json_number_value(json_object_get(v, "value"));
	json_t *sc = json_object_get(v, "scale");

	*base = x;
	if (!u)
		return "";
	if (!strcmp(u, "SEK") || !strcmp(u, "TSEK") || !strcmp(u, "MSEK") || !strcmp(u, "GSEK")) {
		*base = x * (json_is_number(sc) ? json_number_value(sc) : 1);
		return "SEK";
	}
	return u;
}

/* The end of a value's period (ISO), or NULL. A bare year ends on 31 Dec. */
const char *diff_period_end(json_t *v, char buf[16])
{
	json_t *p = json_object_get(v, "period");
	const char *end = str(p, "end"), *label = str(p, "label");

	if (end)
		return end;
	if (label && strlen(label) == 4 && g_ascii_isdigit(label[0]) && g_ascii_isdigit(label[3])) {
		snprintf(buf, 16, "%s-12-31", label);
		return buf;
	}
	return NULL;
}

/* A normalised section with each year in it (a word of four digits,
 * 1900-2099) as its distance from own ("y-1"); as it is without own. */
static char *year_relative(const char *section, int own)
{
	GString *o = g_string_new(NULL);
	gchar **w = g_strsplit(section, " ", -1);

	for (int i = 0; w[i]; i++) {
		int y = (int)strspn(w[i], "0123456789") == 4 && !w[i][4] ? atoi(w[i]) : 0;

		if (i)
			g_string_append_c(o, ' ');
		if (own && y >= 1900 && y <= 2099)
			g_string_append_printf(o, "y%+d", y - own);
		else
			g_string_append(o, w[i]);
	}
	g_strfreev(w);
	return g_string_free(o, FALSE);
}

static void item_init(struct item *it, json_t *v, int own)
{
	const char *m = str(v, "measure");
	json_t *p = json_object_get(v, "period");

	it->v = v;
	it->label = norm_label(str(v, "label"));
	it->canon = synonym(g_strdup(it->label));
	it->group = norm_label(str(v, "group"));
	it->section = norm_label(str(v, "section"));
	/* Notes are numbered anew each year: "not 5 skulder" is "skulder". */
	if (!strncmp(it->section, "not ", 4) && g_ascii_isdigit(it->section[4])) {
		char *p = it->section + 4;

		while (g_ascii_isdigit(*p))
			p++;
		memmove(it->section, p + (*p == ' '), strlen(p + (*p == ' ')) + 1);
	}
	it->ysection = year_relative(it->section, own);
	it->measure = m ? m : "actual";
	it->instant = p && !str(p, "start") && str(p, "end");
	it->uclass = diff_unit_class(v, &it->base);
	it->paired = 0;
}

/* A figure printed twice (a key figure in the multi-year overview and
 * again in the income statement) is one: the later copies are set aside
 * (paired -1) so they neither pair nor count as only on one side. */
static void drop_repeats(struct item *it, size_t n)
{
	for (size_t i = 0; i < n; i++)
		for (size_t k = i + 1; k < n && !it[i].paired; k++)
			if (!it[k].paired && !strcmp(it[i].label, it[k].label) && !strcmp(it[i].group, it[k].group) &&
			    !strcmp(it[i].section, it[k].section) &&
			    !strcmp(it[i].measure, it[k].measure) && it[i].instant == it[k].instant &&
			    !strcmp(it[i].uclass, it[k].uclass) && fabs(it[i].base - it[k].base) < DIFF_SAME)
				it[k].paired = -1;
}

/* The side's own period, and its values: those of that period and all
 * that have one (missing values and values without a label are left). */
static void side_init(struct side *s, json_t *doc)
{
	json_t *vals = json_object_get(doc, "values"), *v, *dp = json_object_get(json_object_get(doc, "document"), "period");
	size_t i;
	char buf[16];
	const char *e;
	int own;

	memset(s, 0, sizeof(*s));
	s->doc = doc;
	s->own_period = json_is_object(dp) ? dp : NULL;
	if (s->own_period && str(dp, "end"))
		s->own_end = g_strdup(str(dp, "end"));
	json_array_foreach(vals, i, v)
		if (!s->own_period && (e = diff_period_end(v, buf)) && (!s->own_end || strcmp(e, s->own_end) > 0)) {
			g_free(s->own_end);
			s->own_end = g_strdup(e);
		}
	own = s->own_end ? atoi(s->own_end) : 0;
	s->cur = calloc(json_array_size(vals) + 1, sizeof(*s->cur));
	s->all = calloc(json_array_size(vals) + 1, sizeof(*s->all));
	json_array_foreach(vals, i, v) {
		if (!str(v, "label") || !json_is_number(json_object_get(v, "value")))
			continue;
		e = diff_period_end(v, buf);
		if (e)
			item_init(&s->all[s->nall++], v, own);
		if ((e && s->own_end && !strcmp(e, s->own_end)) || (!s->own_end && !e))
			item_init(&s->cur[s->ncur++], v, own);
	}
	drop_repeats(s->cur, s->ncur);
}

static void items_free(struct item *it, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		g_free(it[i].label);
		g_free(it[i].group);
		g_free(it[i].section);
		g_free(it[i].ysection);
		g_free(it[i].canon);
	}
	free(it);
}

static void side_free(struct side *s)
{
	items_free(s->cur, s->ncur);
	items_free(s->all, s->nall);
	g_free(s->own_end);
}

/* Edit distance, up to a bound (more is more). */
static int edits(const char *a, const char *b, int bound)
{
	glong la = g_utf8_strlen(a, -1), lb = g_utf8_strlen(b, -1);
	gunichar *ua, *ub;
	int *row, best = bound + 1;

	if (labs(la - lb) > bound)
		return bound + 1;
	ua = g_utf8_to_ucs4_fast(a, -1, NULL);
	ub = g_utf8_to_ucs4_fast(b, -1, NULL);
	row = g_new(int, lb + 1);
	for (glong j = 0; j <= lb; j++)
		row[j] = (int)j;
	for (glong i = 1; i <= la; i++) {
		int diag = row[0], lo;

		row[0] = (int)i;
		lo = row[0];
		for (glong j = 1; j <= lb; j++) {
			int up = row[j], x = MIN(MIN(up + 1, row[j - 1] + 1), diag + (ua[i - 1] != ub[j - 1]));

			diag = up;
			row[j] = x;
			lo = MIN(lo, x);
		}
		if (lo > bound)
			goto out;
	}
	best = row[lb];
out:
	g_free(ua);
	g_free(ub);
	g_free(row);
	return best;
}

/* Whether a and b match at a pass: 0 the whole key (label, group,
 * section), 1 without the section, 2 the label alone, 3 the label's
 * synonym, 4 the label within a small edit. */
static int matches(const struct item *a, const struct item *b, int pass)
{
	int bound;

	if (strcmp(a->measure, b->measure) || a->instant != b->instant)
		return 0;
	if (pass == 0)
		return !strcmp(a->label, b->label) && !strcmp(a->group, b->group) &&
		       (!strcmp(a->section, b->section) || !strcmp(a->ysection, b->ysection));
	if (pass == 1)
		return !strcmp(a->label, b->label) && !strcmp(a->group, b->group);
	if (pass == 2)
		return !strcmp(a->label, b->label);
	if (pass == 3)
		return !strcmp(a->canon, b->canon);
	bound = strlen(a->label) >= 12 ? 2 : strlen(a->label) >= 6 ? 1 : 0;
	return bound && edits(a->label, b->label, bound) <= bound;
}

/* The one unpaired item of v that matches x at pass, or NULL when none
 * or more than one does. */
static struct item *unique_match(struct item *v, size_t n, const struct item *x, int pass)
{
	struct item *hit = NULL;

	for (size_t i = 0; i < n; i++)
		if (!v[i].paired && matches(x, &v[i], pass)) {
			if (hit)
				return NULL;
			hit = &v[i];
		}
	return hit;
}

/* A key printed several times on both sides ("Summa" under each note):
 * when each side has it as many times, the k-th pairs with the k-th. */
static void pair_in_order(struct side *a, struct side *b, void (*fn)(void *, struct item *, struct item *), void *arg)
{
	for (size_t i = 0; i < a->ncur; i++) {
		struct item *x = &a->cur[i];
		GPtrArray *xs, *ys;

		if (x->paired)
			continue;
		xs = g_ptr_array_new();
		ys = g_ptr_array_new();
		for (size_t k = i; k < a->ncur; k++)
			if (!a->cur[k].paired && matches(x, &a->cur[k], 0))
				g_ptr_array_add(xs, &a->cur[k]);
		for (size_t k = 0; k < b->ncur; k++)
			if (!b->cur[k].paired && matches(x, &b->cur[k], 0))
				g_ptr_array_add(ys, &b->cur[k]);
		for (guint k = 0; xs->len > 1 && xs->len == ys->len && k < xs->len; k++) {
			struct item *p = xs->pdata[k], *q = ys->pdata[k];

			p->paired = q->paired = 1;
			fn(arg, p, q);
		}
		g_ptr_array_free(xs, TRUE);
		g_ptr_array_free(ys, TRUE);
	}
}

/* Pairs a's and b's items, pass by pass; each pair to fn. */
static void pair_all(struct side *a, struct side *b, void (*fn)(void *, struct item *, struct item *), void *arg)
{
	pair_in_order(a, b, fn, arg);
	for (int pass = 0; pass < 5; pass++)
		for (size_t i = 0; i < a->ncur; i++) {
			struct item *x = &a->cur[i], *y;

			if (x->paired || !(y = unique_match(b->cur, b->ncur, x, pass)) ||
			    unique_match(a->cur, a->ncur, y, pass) != x)
				continue;
			x->paired = y->paired = 1;
			fn(arg, x, y);
		}
}

struct out {
	json_t *changes, *restated, *only_old, *only_new, *warnings;
	struct side *old, *new;
};

static json_t *side_value(const struct item *it)
{
	json_t *o = json_object();

	json_object_set(o, "period", json_object_get(it->v, "period"));
	json_object_set_new(o, "value", json_real(it->base));
	json_object_set(o, "text", json_object_get(it->v, "text"));
	json_object_set(o, "provenance", json_object_get(it->v, "provenance"));
	return o;
}

static json_t *entry(const struct item *a)
{
	json_t *o = json_object();

	json_object_set(o, "label", json_object_get(a->v, "label"));
	json_object_set(o, "group", json_object_get(a->v, "group"));
	json_object_set_new(o, "measure", json_string(a->measure));
	json_object_set_new(o, "unit", *a->uclass ? json_string(a->uclass) : json_null());
	json_object_set_new(o, "scale", json_integer(1));
	return o;
}

static void one_pair(void *arg, struct item *x, struct item *y)
{
	struct out *out = arg;
	json_t *o;
	double d;

	if (strcmp(x->uclass, y->uclass)) {
		json_array_append_new(out->warnings,
				      json_pack("{s:s, s:s+++}", "code", "units", "message", str(x->v, "label"),
						": units cannot be compared (", *x->uclass ? x->uclass : "none", ")"));
		return;
	}
	o = entry(x);
	d = y->base - x->base;
	json_object_set_new(o, "old", side_value(x));
	json_object_set_new(o, "new", side_value(y));
	json_object_set_new(o, "delta", json_real(d));
	json_object_set_new(o, "delta_percent", x->base != 0 ? json_real(100 * d / fabs(x->base)) : json_null());
	json_array_append_new(out->changes, o);
}

/* NEW's values for OLD's own period that differ from OLD's. */
static void restatements(struct out *out)
{
	struct side *a = out->old, *b = out->new;
	char buf[16];

	for (size_t i = 0; i < a->ncur && a->own_end; i++) {
		struct item *x = &a->cur[i], *hit = NULL;
		int n = 0;

		for (size_t k = 0; k < b->nall; k++) {
			const char *e = diff_period_end(b->all[k].v, buf);

			if (e && !strcmp(e, a->own_end) && matches(x, &b->all[k], 0) && !strcmp(x->uclass, b->all[k].uclass)) {
				hit = &b->all[k];
				n++;
			}
		}
		if (n == 1 && fabs(hit->base - x->base) > DIFF_SAME * fmax(1, fabs(x->base) * 1e-6)) {
			json_t *o = entry(x);

			json_object_set_new(o, "old", side_value(x));
			json_object_set_new(o, "new", side_value(hit));
			json_object_set_new(o, "delta", json_real(hit->base - x->base));
			json_array_append_new(out->restated, o);
		}
	}
}

static json_t *unpaired(const struct side *s)
{
	json_t *a = json_array();

	for (size_t i = 0; i < s->ncur; i++)
		if (s->cur[i].paired == 0) {
			json_t *o = entry(&s->cur[i]);

			json_object_set_new(o, "value", side_value(&s->cur[i]));
			json_array_append_new(a, o);
		}
	return a;
}

/* Goals whose colour changed, or that only one document rates. */
static json_t *rating_changes(json_t *old, json_t *new)
{
	json_t *a = json_array(), *r, *s;
	json_t *ro = json_object_get(old, "ratings"), *rn = json_object_get(new, "ratings");
	size_t i, k;

	json_array_foreach(ro, i, r) {
		const char *c2 = NULL;

		json_array_foreach(rn, k, s)
			if (!g_strcmp0(str(r, "goal"), str(s, "goal")) && !g_strcmp0(str(r, "dimension"), str(s, "dimension")))
				c2 = str(s, "colour");
		if (g_strcmp0(str(r, "colour"), c2))
			json_array_append_new(a, json_pack("{s:O, s:O, s:O, s:O, s:s?}", "goal", json_object_get(r, "goal"),
							   "title", json_object_get(r, "title"), "dimension",
							   json_object_get(r, "dimension"), "old", json_object_get(r, "colour"),
							   "new", c2));
	}
	json_array_foreach(rn, k, s) {
		int seen = 0;

		json_array_foreach(ro, i, r)
			seen |= !g_strcmp0(str(r, "goal"), str(s, "goal")) && !g_strcmp0(str(r, "dimension"), str(s, "dimension"));
		if (!seen)
			json_array_append_new(a, json_pack("{s:O, s:O, s:O, s:n, s:O}", "goal", json_object_get(s, "goal"),
							   "title", json_object_get(s, "title"), "dimension",
							   json_object_get(s, "dimension"), "old", "new",
							   json_object_get(s, "colour")));
	}
	return a;
}

/* Survey figures that changed: population, responses, response rate. */
static json_t *survey_changes(json_t *old, json_t *new)
{
	static const char *const keys[] = { "population", "responses", "response_rate" };
	json_t *a = json_array(), *so = json_object_get(old, "survey"), *sn = json_object_get(new, "survey");

	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		json_t *x = json_object_get(so, keys[i]), *y = json_object_get(sn, keys[i]);

		if ((x || y) && !json_equal(x, y))
			json_array_append_new(a, json_pack("{s:s, s:O?, s:O?}", "field", keys[i], "old", x, "new", y));
	}
	return a;
}

static json_t *side_json(const struct side *s)
{
	json_t *src = json_object_get(s->doc, "source"), *doc = json_object_get(s->doc, "document");
	json_t *period = s->own_period ? json_incref(s->own_period)
				       : s->own_end ? json_pack("{s:n, s:n, s:s}", "label", "start", "end", s->own_end)
						    : json_null();

	return json_pack("{s:O?, s:O?, s:O?, s:O?, s:O?, s:o}", "path", json_object_get(src, "path"), "sha256",
			 json_object_get(src, "sha256"), "format", json_object_get(src, "format"), "type",
			 json_object_get(doc, "type"), "title", json_object_get(doc, "title"), "period", period);
}

/* A rating cell a document could not read (its rating_unread warnings:
 * a scan in grey keeps no colour) hides that goal's change: said. */
static void unread_ratings(json_t *warnings, json_t *doc, const char *which)
{
	json_t *w;
	size_t i, n = 0;

	json_array_foreach(json_object_get(doc, "warnings"), i, w)
		n += !g_strcmp0(str(w, "code"), "rating_unread");
	if (n)
		json_array_append_new(warnings, json_pack("{s:s, s:o}", "code", "ratings", "message",
							  json_sprintf("%s: %zu rating cell%s read no colour (its rating_unread "
								       "warnings): a change of those goals is not known",
								       which, n, n == 1 ? "" : "s")));
}

/* The extract-diff/1 object of two documents. */
static json_t *compare(json_t *old, json_t *new)
{
	struct side a, b;
	struct out out = { json_array(), json_array(), NULL, NULL, json_array(), &a, &b };
	json_t *o;

	side_init(&a, old);
	side_init(&b, new);
	pair_all(&a, &b, one_pair, &out);
	restatements(&out);
	out.only_old = unpaired(&a);
	out.only_new = unpaired(&b);
	unread_ratings(out.warnings, old, "old");
	unread_ratings(out.warnings, new, "new");
	if (!a.own_end || !b.own_end)
		json_array_append_new(out.warnings, json_pack("{s:s, s:s}", "code", "period", "message",
							      "a document names no period: all its values taken as its own"));
	o = json_pack("{s:s, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o}", "schema", "extract-diff/1", "old",
		      side_json(&a), "new", side_json(&b), "changes", out.changes, "only_old", out.only_old, "only_new",
		      out.only_new, "restated", out.restated, "ratings", rating_changes(old, new), "survey",
		      survey_changes(old, new), "warnings", out.warnings);
	side_free(&a);
	side_free(&b);
	return o;
}

/* ---- renderings ---- */

static const char *period_label(json_t *side_value)
{
	const char *l = str(json_object_get(side_value, "period"), "label");

	return l ? l : "";
}

static void number(GString *g, json_t *v)
{
	if (json_is_number(v))
		g_string_append_printf(g, "%.15g", json_number_value(v));
}

static void csv_row(GString *g, const char *kind, json_t *e)
{
	json_t *o = json_object_get(e, "old"), *n = json_object_get(e, "new");
	const char *f[] = { kind, str(e, "label"), str(e, "group"), str(e, "measure"), str(e, "unit") };

	if (!o && !n)
		o = json_object_get(e, "value");
	for (size_t i = 0; i < 5; i++) {
		out_csv_field(g, f[i]);
		g_string_append_c(g, ',');
	}
	out_csv_field(g, period_label(o));
	g_string_append_c(g, ',');
	number(g, json_object_get(o, "value"));
	g_string_append_c(g, ',');
	out_csv_field(g, period_label(n));
	g_string_append_c(g, ',');
	number(g, json_object_get(n, "value"));
	g_string_append_c(g, ',');
	number(g, json_object_get(e, "delta"));
	g_string_append_c(g, ',');
	number(g, json_object_get(e, "delta_percent"));
	g_string_append(g, "\r\n");
}

static char *render_csv(json_t *d)
{
	GString *g = g_string_new("kind,label,group,measure,unit,old_period,old_value,new_period,new_value,delta,"
				  "delta_percent\r\n");
	static const char *const parts[][2] = { { "changes", "change" }, { "restated", "restated" },
						{ "only_old", "only_old" }, { "only_new", "only_new" } };
	json_t *e;
	size_t i;

	for (size_t p = 0; p < 4; p++)
		json_array_foreach(json_object_get(d, parts[p][0]), i, e)
			csv_row(g, parts[p][1], e);
	return g_string_free(g, FALSE);
}

/* A number as a Swedish reader writes it: thin groups, decimal comma. */
static void swedish(GString *g, double x)
{
	char buf[64], *dot;
	int neg = x < 0, n, lead;

	snprintf(buf, sizeof(buf), fabs(x - round(x)) < 0.005 ? "%.0f" : "%.2f", fabs(x));
	dot = strchr(buf, '.');
	n = dot ? (int)(dot - buf) : (int)strlen(buf);
	lead = n % 3 ? n % 3 : 3;
	if (neg)
		g_string_append(g, "−");
	for (int i = 0; i < n; i++) {
		if (i && (i - lead) % 3 == 0)
			g_string_append_c(g, ' ');
		g_string_append_c(g, buf[i]);
	}
	if (dot)
		g_string_append_printf(g, ",%s", dot + 1);
}

/* s in width characters (not bytes: å is one), cut or padded. */
static void pad(GString *g, const char *s, glong width)
{
	glong n = s ? g_utf8_strlen(s, -1) : 0;

	if (n > width) {
		g_string_append_len(g, s, g_utf8_offset_to_pointer(s, width - 1) - s);
		g_string_append(g, "…");
		return;
	}
	if (s)
		g_string_append(g, s);
	for (; n < width; n++)
		g_string_append_c(g, ' ');
}

/* colour: a terminal's, for the change (green up, red down) */
static void text_row(GString *g, json_t *e, const char *mark, int colour)
{
	json_t *o = json_object_get(e, "old"), *n = json_object_get(e, "new"), *v = json_object_get(e, "value");
	const char *label = str(e, "label"), *unit = str(e, "unit");
	GString *cell = g_string_new(NULL);

	g_string_append_printf(g, "%s ", mark);
	pad(g, label, 40);
	g_string_append_printf(g, " %-8s %-7s", str(e, "measure"), unit ? unit : "");
	for (int k = 0; k < 3; k++) {
		json_t *x = k == 0 ? (o ? json_object_get(o, "value") : mark[0] == '-' ? json_object_get(v, "value") : NULL)
			  : k == 1 ? (n ? json_object_get(n, "value") : mark[0] == '+' ? json_object_get(v, "value") : NULL)
				   : json_object_get(e, "delta");

		g_string_truncate(cell, 0);
		if (json_is_number(x))
			swedish(cell, json_number_value(x));
		for (glong w = g_utf8_strlen(cell->str, -1); w < 17; w++)   /* right-aligned in characters */
			g_string_append_c(g, ' ');
		if (colour && k == 2 && json_is_number(x) && json_number_value(x) != 0)
			g_string_append(g, json_number_value(x) > 0 ? "\033[32m" : "\033[31m");
		g_string_append(g, cell->str);
		if (colour && k == 2 && json_is_number(x) && json_number_value(x) != 0)
			g_string_append(g, "\033[0m");
	}
	if (json_is_number(json_object_get(e, "delta_percent")))
		g_string_append_printf(g, " %+7.1f %%", json_number_value(json_object_get(e, "delta_percent")));
	g_string_append_c(g, '\n');
	g_string_free(cell, TRUE);
}

static void text_side(GString *g, const char *which, json_t *s)
{
	const char *path = str(s, "path"), *title = str(s, "title"), *pl = str(json_object_get(s, "period"), "label"),
		   *pe = str(json_object_get(s, "period"), "end");

	g_string_append_printf(g, "%s %s%s%s, period %s\n", which, path ? path : "?", title ? ": " : "", title ? title : "",
			       pl ? pl : pe ? pe : "none");
}

static char *render_text(json_t *d, int colour)
{
	GString *g = g_string_new(NULL);
	static const char *const parts[][2] = { { "changes", " " }, { "restated", "R" }, { "only_old", "-" },
						{ "only_new", "+" } };
	json_t *e;
	size_t i;

	text_side(g, "old:", json_object_get(d, "old"));
	text_side(g, "new:", json_object_get(d, "new"));
	g_string_append_printf(g, "  %-40s %-8s %-7s %16s %16s %16s  change\n", "label", "measure", "unit", "old", "new",
			       "delta");
	for (size_t p = 0; p < 4; p++)
		json_array_foreach(json_object_get(d, parts[p][0]), i, e)
			text_row(g, e, parts[p][1], colour);
	json_array_foreach(json_object_get(d, "ratings"), i, e)
		g_string_append_printf(g, "rating %s %s: %s -> %s\n", str(e, "goal") ? str(e, "goal") : "?",
				       str(e, "dimension") ? str(e, "dimension") : "", str(e, "old") ? str(e, "old") : "none",
				       str(e, "new") ? str(e, "new") : "none");
	json_array_foreach(json_object_get(d, "warnings"), i, e)
		g_string_append_printf(g, "warning: %s\n", str(e, "message"));
	g_string_append_printf(g, "%zu changes, %zu restated, %zu only in old, %zu only in new (R restated, - only old, + only new)\n",
			       json_array_size(json_object_get(d, "changes")), json_array_size(json_object_get(d, "restated")),
			       json_array_size(json_object_get(d, "only_old")), json_array_size(json_object_get(d, "only_new")));
	return g_string_free(g, FALSE);
}

/* ---- HTML: one self-contained page, no script, printable ---- */

#define HTML_BARS 12        /* the largest relative changes charted */
#define HTML_BAR_W 360.0    /* px for the largest |change| */
#define HTML_CAP 200.0      /* % at the end of the scale: larger changes run to it */

void diff_html_escape(GString *g, const char *s)
{
	gchar *e = g_markup_escape_text(s ? s : "", -1);

	g_string_append(g, e);
	g_free(e);
}

static int by_size(const void *a, const void *b)
{
	double x = fabs(json_number_value(json_object_get(*(json_t *const *)a, "delta_percent")));
	double y = fabs(json_number_value(json_object_get(*(json_t *const *)b, "delta_percent")));

	return (y > x) - (y < x);
}

/* A bar per change, its length the relative change: the largest first. */
static void html_chart(GString *g, json_t *changes)
{
	json_t *v[HTML_BARS], *e;
	size_t i, n = 0, all = 0;
	double top = 0;

	json_array_foreach(changes, i, e)
		if (json_is_number(json_object_get(e, "delta_percent")))
			all++;
	json_t **pick = g_new(json_t *, all + 1);
	json_array_foreach(changes, i, e)
		if (json_is_number(json_object_get(e, "delta_percent")))
			pick[n++] = e;
	qsort(pick, n, sizeof(*pick), by_size);
	n = n < HTML_BARS ? n : HTML_BARS;
	memcpy(v, pick, n * sizeof(*v));
	g_free(pick);
	for (i = 0; i < n; i++)
		top = fmax(top, fabs(json_number_value(json_object_get(v[i], "delta_percent"))));
	top = fmin(top, HTML_CAP);   /* one change of 10 000 % must not flatten the rest: it runs off the scale */
	g_string_append_printf(g, "<svg id=\"changes-chart\" role=\"img\" width=\"820\" height=\"%zu\" "
			       "xmlns=\"http://www.w3.org/2000/svg\"><title>Largest changes, per cent</title>\n", 24 * n + 10);
	for (i = 0; i < n; i++) {
		double pct = json_number_value(json_object_get(v[i], "delta_percent"));
		double w = top > 0 ? fmin(fabs(pct), top) / top * HTML_BAR_W : 0, x = pct < 0 ? 420 - w : 420;

		g_string_append_printf(g, "<text x=\"410\" y=\"%zu\" text-anchor=\"end\">", 24 * i + 20);
		diff_html_escape(g, str(v[i], "label"));
		g_string_append_printf(g, "</text><rect class=\"bar %s\" x=\"%.1f\" y=\"%zu\" width=\"%.1f\" height=\"16\" "
				       "data-label=\"", pct < 0 ? "down" : "up", x, 24 * i + 7, w);
		diff_html_escape(g, str(v[i], "label"));
		g_string_append_printf(g, "\" data-old=\"%.15g\" data-new=\"%.15g\" data-delta-percent=\"%.15g\"/>"
				       "<text x=\"%.1f\" y=\"%zu\">%+.1f %%</text>\n",
				       json_number_value(json_object_get(json_object_get(v[i], "old"), "value")),
				       json_number_value(json_object_get(json_object_get(v[i], "new"), "value")), pct,
				       pct < 0 ? 425.0 : x + w + 5, 24 * i + 20, pct);
	}
	g_string_append(g, "</svg>\n");
}

/* Each rating change: the old colour's dot, an arrow, the new one's. */
static void html_ratings(GString *g, json_t *ratings)
{
	json_t *e;
	size_t i, n = json_array_size(ratings);

	if (!n)
		return;
	g_string_append_printf(g, "<h2>Ratings</h2>\n<svg id=\"ratings-chart\" role=\"img\" width=\"820\" height=\"%zu\" "
			       "xmlns=\"http://www.w3.org/2000/svg\">\n", 26 * n + 10);
	json_array_foreach(ratings, i, e) {
		const char *o = str(e, "old"), *w = str(e, "new");

		g_string_append_printf(g, "<g class=\"rating\" data-goal=\"");
		diff_html_escape(g, str(e, "goal"));
		g_string_append_printf(g, "\" data-old=\"%s\" data-new=\"%s\"><circle class=\"%s\" cx=\"20\" cy=\"%zu\" r=\"9\"/>"
				       "<text x=\"36\" y=\"%zu\">→</text><circle class=\"%s\" cx=\"66\" cy=\"%zu\" r=\"9\"/>"
				       "<text x=\"86\" y=\"%zu\">", o ? o : "none", w ? w : "none", o ? o : "none",
				       26 * i + 16, 26 * i + 21, w ? w : "none", 26 * i + 16, 26 * i + 21);
		diff_html_escape(g, str(e, "goal"));
		g_string_append_c(g, ' ');
		diff_html_escape(g, str(e, "dimension"));
		g_string_append(g, ": ");
		diff_html_escape(g, str(e, "title"));
		g_string_append(g, "</text></g>\n");
	}
	g_string_append(g, "</svg>\n");
}

static void html_table(GString *g, json_t *d)
{
	static const char *const parts[][2] = { { "changes", "change" }, { "restated", "restated" },
						{ "only_old", "only in old" }, { "only_new", "only in new" } };
	json_t *e;
	size_t i;
	GString *t = g_string_new(NULL);

	g_string_append(g, "<table><thead><tr><th>kind</th><th>label</th><th>measure</th><th>unit</th><th>old</th>"
			   "<th>new</th><th>change</th><th>%</th></tr></thead><tbody>\n");
	for (size_t p = 0; p < 4; p++)
		json_array_foreach(json_object_get(d, parts[p][0]), i, e) {
			json_t *o = json_object_get(e, "old"), *n = json_object_get(e, "new"), *v = json_object_get(e, "value");
			json_t *cols[3] = { json_object_get(o ? o : p == 2 ? v : NULL, "value"),
					    json_object_get(n ? n : p == 3 ? v : NULL, "value"), json_object_get(e, "delta") };

			g_string_append_printf(g, "<tr class=\"%s\"><td>%s</td><td>", parts[p][0], parts[p][1]);
			diff_html_escape(g, str(e, "label"));
			g_string_append_printf(g, "</td><td>%s</td><td>%s</td>", str(e, "measure"), str(e, "unit") ? str(e, "unit") : "");
			for (int k = 0; k < 3; k++) {
				g_string_truncate(t, 0);
				if (json_is_number(cols[k]))
					swedish(t, json_number_value(cols[k]));
				g_string_append_printf(g, "<td class=\"n\">%s</td>", t->str);
			}
			if (json_is_number(json_object_get(e, "delta_percent")))
				g_string_append_printf(g, "<td class=\"n\">%+.1f</td></tr>\n",
						       json_number_value(json_object_get(e, "delta_percent")));
			else
				g_string_append(g, "<td></td></tr>\n");
		}
	g_string_append(g, "</tbody></table>\n");
	g_string_free(t, TRUE);
}

GString *diff_html_page(const char *title, const char *css)
{
	GString *g = g_string_new(NULL);

	g_string_append_printf(g, "<!DOCTYPE html>\n<html lang=\"sv\"><head><meta charset=\"utf-8\">"
			       "<title>%s</title><style>\nbody{font:14px/1.4 sans-serif;margin:2em;color:#222}%s"
			       "@media print{body{margin:0}}\n</style></head><body>\n", title, css);
	return g;
}

static char *render_html(json_t *d)
{
	GString *g = diff_html_page("extract diff",
				    "table{border-collapse:collapse}td,th{padding:2px 8px;border-bottom:1px solid #ddd}"
				    "td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}"
				    ".bar.up{fill:#2b7a3d}.bar.down{fill:#b3261e}svg text{font:12px sans-serif}"
				    "circle.green{fill:#2b7a3d}circle.yellow{fill:#e0b000}circle.red{fill:#b3261e}"
				    "circle.none{fill:#fff;stroke:#888}");
	json_t *o = json_object_get(d, "old"), *n = json_object_get(d, "new");

	g_string_append(g, "<h1>");
	diff_html_escape(g, str(o, "title") ? str(o, "title") : str(o, "path"));
	g_string_append(g, "</h1>\n<p class=\"sides\">old: ");
	diff_html_escape(g, str(o, "path"));
	g_string_append(g, " (");
	diff_html_escape(g, str(json_object_get(o, "period"), "label") ? str(json_object_get(o, "period"), "label")
							  : str(json_object_get(o, "period"), "end"));
	g_string_append(g, ")<br>new: ");
	diff_html_escape(g, str(n, "path"));
	g_string_append(g, " (");
	diff_html_escape(g, str(json_object_get(n, "period"), "label") ? str(json_object_get(n, "period"), "label")
							  : str(json_object_get(n, "period"), "end"));
	g_string_append(g, ")</p>\n<h2>Largest changes</h2>\n");
	html_chart(g, json_object_get(d, "changes"));
	html_ratings(g, json_object_get(d, "ratings"));
	g_string_append(g, "<h2>All values</h2>\n");
	html_table(g, d);
	g_string_append(g, "</body></html>\n");
	return g_string_free(g, FALSE);
}

char *out_diff(const char *old_json, const char *new_json, enum out_diff_format format, char *why, size_t whyn)
{
	json_error_t je;
	json_t *old = json_loads(old_json, 0, &je), *new = old ? json_loads(new_json, 0, &je) : NULL, *d;
	char *s;

	if (!old || !new || g_strcmp0(str(old, "schema"), "extract/1") || g_strcmp0(str(new, "schema"), "extract/1")) {
		snprintf(why, whyn, "%s", !old || !new ? je.text : "not an extract/1 document");
		for (char *c = why; *c; c++)   /* jansson quotes the text it stopped at: one line */
			if ((unsigned char)*c < 0x20)
				*c = ' ';
		json_decref(old);
		json_decref(new);
		return NULL;
	}
	d = compare(old, new);
	if (format == OUT_DIFF_CSV)
		s = render_csv(d);
	else if (format == OUT_DIFF_HTML)
		s = render_html(d);
	else if (format == OUT_DIFF_TEXT || format == OUT_DIFF_TEXT_COLOUR)
		s = render_text(d, format == OUT_DIFF_TEXT_COLOUR);
	else
		s = json_dumps(d, JSON_INDENT(2) | JSON_REAL_PRECISION(15));
	json_decref(d);
	json_decref(old);
	json_decref(new);
	if (!s)
		snprintf(why, whyn, "out of memory");
	return s;
}

char *diff_series_key(json_t *v, const char *unit)
{
	struct item it;
	char *k;

	item_init(&it, v, 0);
	k = g_strdup_printf("%s\x1f%s\x1f%s\x1f%d\x1f%s", it.label, it.group, it.measure, it.instant, unit);
	g_free(it.label);
	g_free(it.group);
	g_free(it.section);
	g_free(it.ysection);
	g_free(it.canon);
	return k;
}
