/* series.c: many reports' values as indicator x period series (extract
 * series); see diff.h.
 *
 * Every value with a period counts, from a report's own columns and
 * from its previous-year and multi-year columns alike (a flerårsöversikt
 * of four years gives four points). A point is keyed by the indicator
 * (label normalised as diff.c does, measure, unit class) and its period's
 * end. Where reports give one point different values, the newest
 * report's (the one whose own period ends last) is kept and the others
 * are listed as its conflicts. */
#include "diff.h"
#include "out.h"

#include <glib.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SERIES_SAME 0.005   /* values this close (in their unit) agree */
#define SVG_W 560.0
#define SVG_H 180.0

static const char *str(json_t *o, const char *key)
{
	return json_string_value(json_object_get(o, key));
}

/* A report's own period end: its document period's, else its values' latest. */
static char *own_end(json_t *doc)
{
	json_t *v, *dp = json_object_get(json_object_get(doc, "document"), "period");
	char *best = g_strdup(str(dp, "end"));
	char buf[16];
	size_t i;

	json_array_foreach(json_object_get(doc, "values"), i, v) {
		const char *e = diff_period_end(v, buf);

		if (!str(dp, "end") && e && (!best || strcmp(e, best) > 0)) {
			g_free(best);
			best = g_strdup(e);
		}
	}
	return best;
}

/* A point: a value of one report for one period. */
struct point {
	double value;
	json_t *v;           /* the value object */
	const char *source;  /* the report's path */
	const char *rank;    /* its own period end: newer wins */
};

static gint by_end(gconstpointer a, gconstpointer b, gpointer unused)
{
	(void)unused;
	return strcmp(a, b);
}

static void free_points(gpointer p)
{
	g_ptr_array_unref(p);
}

static void free_tree(gpointer t)
{
	g_tree_destroy(t);
}

/* key (indicator) -> GTree of period end -> GPtrArray of struct point */
static void add_point(GHashTable *series, json_t *v, const char *source, const char *rank, const GRegex *only)
{
	char buf[16], *key;
	const char *e = diff_period_end(v, buf), *label = str(v, "label");
	double base;
	const char *unit;
	GTree *t;
	GPtrArray *pts;
	struct point *p;

	if (!e || !label || !json_is_number(json_object_get(v, "value")) || (only && !g_regex_match(only, label, 0, NULL)))
		return;
	unit = diff_unit_class(v, &base);
	key = diff_series_key(v, unit);
	if (!(t = g_hash_table_lookup(series, key))) {
		t = g_tree_new_full(by_end, NULL, g_free, free_points);
		g_hash_table_insert(series, g_strdup(key), t);
	}
	if (!(pts = g_tree_lookup(t, e))) {
		pts = g_ptr_array_new_with_free_func(g_free);
		g_tree_insert(t, g_strdup(e), pts);
	}
	p = g_new(struct point, 1);
	*p = (struct point){ base, v, source, rank };
	g_ptr_array_add(pts, p);
	g_free(key);
}

struct build {
	json_t *points;      /* of the series being built */
	json_t *rep;         /* a value that names it: label, group, measure, unit */
	int conflicts;
};

/* A reading of one year's value: its value, the report it came from,
 * and as the report gave them its text, confidence and provenance. */
static json_t *point_json(const struct point *p)
{
	return json_pack("{s:f, s:s, s:O?, s:O?, s:O?}", "value", p->value, "source", p->source, "text",
			 json_object_get(p->v, "text"), "confidence", json_object_get(p->v, "confidence"), "provenance",
			 json_object_get(p->v, "provenance"));
}

/* One period's point: the newest report's value, the others that differ as conflicts. */
static gboolean one_period(gpointer key, gpointer value, gpointer arg)
{
	GPtrArray *pts = value;
	struct build *b = arg;
	struct point *best = pts->pdata[0];
	json_t *o, *c = json_array();

	(void)key;
	for (guint i = 1; i < pts->len; i++) {
		struct point *p = pts->pdata[i];

		if (g_strcmp0(p->rank, best->rank) > 0)
			best = p;
	}
	for (guint i = 0; i < pts->len; i++) {
		struct point *p = pts->pdata[i];

		if (fabs(p->value - best->value) > SERIES_SAME)
			json_array_append_new(c, point_json(p));
	}
	b->conflicts += json_array_size(c) > 0;
	if (!b->rep)
		b->rep = best->v;
	o = json_pack("{s:O}", "period", json_object_get(best->v, "period"));
	json_object_update_new(o, point_json(best));
	json_object_set_new(o, "conflicts", c);
	json_array_append_new(b->points, o);
	return FALSE;
}

static int by_label(const void *a, const void *b)
{
	json_t *x = *(json_t *const *)a, *y = *(json_t *const *)b;
	int c = g_strcmp0(str(x, "label"), str(y, "label"));

	if (!c)
		c = g_strcmp0(str(x, "group"), str(y, "group"));
	if (!c)
		c = g_strcmp0(str(x, "measure"), str(y, "measure"));
	return c ? c : g_strcmp0(str(x, "unit"), str(y, "unit"));
}

/* The series, sorted by label: each with its points in period order. */
static json_t *all_series(GHashTable *series, int *conflicts)
{
	GHashTableIter it;
	gpointer k, t;
	json_t *a = json_array();
	GPtrArray *v = g_ptr_array_new();

	g_hash_table_iter_init(&it, series);
	while (g_hash_table_iter_next(&it, &k, &t)) {
		struct build b = { json_array(), NULL, 0 };
		double base;
		const char *unit;

		g_tree_foreach(t, one_period, &b);
		unit = diff_unit_class(b.rep, &base);
		*conflicts += b.conflicts;
		g_ptr_array_add(v, json_pack("{s:O, s:O?, s:s, s:s?, s:i, s:o}", "label", json_object_get(b.rep, "label"),
					     "group", json_object_get(b.rep, "group"), "measure",
					     str(b.rep, "measure") ? str(b.rep, "measure") : "actual", "unit",
					     *unit ? unit : NULL, "scale", 1, "points", b.points));
	}
	if (v->len > 1)   /* an empty array has no storage to sort */
		qsort(v->pdata, v->len, sizeof(void *), by_label);
	for (guint i = 0; i < v->len; i++)
		json_array_append_new(a, v->pdata[i]);
	g_ptr_array_free(v, TRUE);
	return a;
}

static char *render_csv(json_t *d)
{
	GString *g = g_string_new("label,group,measure,unit,period,period_end,value,source,conflicts\r\n");
	json_t *s, *p;
	size_t i, k;

	json_array_foreach(json_object_get(d, "series"), i, s)
		json_array_foreach(json_object_get(s, "points"), k, p) {
			const char *f[] = { str(s, "label"), str(s, "group"), str(s, "measure"), str(s, "unit"),
					    str(json_object_get(p, "period"), "label"), str(json_object_get(p, "period"), "end") };

			for (size_t j = 0; j < 6; j++) {
				out_csv_field(g, f[j]);
				g_string_append_c(g, ',');
			}
			g_string_append_printf(g, "%.15g,", json_number_value(json_object_get(p, "value")));
			out_csv_field(g, str(p, "source"));   /* NULL: a report without one */
			g_string_append_printf(g, ",%zu\r\n", json_array_size(json_object_get(p, "conflicts")));
		}
	return g_string_free(g, FALSE);
}

/* A line chart of one series: a dot a period (data- attributes for a
 * reader or a test), conflicts as rings. */
static void html_chart(GString *g, json_t *s, size_t n)
{
	json_t *pts = json_object_get(s, "points"), *p;
	double lo = INFINITY, hi = -INFINITY;
	size_t i, np = json_array_size(pts);
	GString *line = g_string_new(NULL);

	json_array_foreach(pts, i, p) {
		lo = fmin(lo, json_number_value(json_object_get(p, "value")));
		hi = fmax(hi, json_number_value(json_object_get(p, "value")));
	}
	if (hi <= lo)
		hi = lo + 1;
	g_string_append(g, "<h3>");
	diff_html_escape(g, str(s, "label"));
	g_string_append_printf(g, " <small>(%s%s%s)</small></h3>\n<svg class=\"series\" id=\"series-%zu\" width=\"%.0f\" "
			       "height=\"%.0f\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\">\n",
			       str(s, "measure"), str(s, "unit") ? ", " : "", str(s, "unit") ? str(s, "unit") : "", n,
			       SVG_W + 80, SVG_H + 40);
	json_array_foreach(pts, i, p) {
		double v = json_number_value(json_object_get(p, "value"));
		double x = 60 + (np > 1 ? SVG_W * (double)i / (double)(np - 1) : SVG_W / 2);
		double y = 10 + SVG_H - (v - lo) / (hi - lo) * SVG_H;
		const char *pl = str(json_object_get(p, "period"), "label");

		g_string_append_printf(line, "%s%.1f,%.1f", i ? " " : "", x, y);
		g_string_append_printf(g, "<circle class=\"%s\" cx=\"%.1f\" cy=\"%.1f\" r=\"4\" data-period=\"",
				       json_array_size(json_object_get(p, "conflicts")) ? "point conflict" : "point", x, y);
		diff_html_escape(g, pl ? pl : str(json_object_get(p, "period"), "end"));
		g_string_append_printf(g, "\" data-value=\"%.15g\"/><text x=\"%.1f\" y=\"%.0f\" text-anchor=\"middle\">", v, x,
				       SVG_H + 34);
		diff_html_escape(g, pl ? pl : str(json_object_get(p, "period"), "end"));
		g_string_append(g, "</text>\n");
	}
	g_string_append_printf(g, "<polyline points=\"%s\"/></svg>\n", line->str);
	g_string_free(line, TRUE);
}

static char *render_html(json_t *d)
{
	GString *g = diff_html_page("extract series",
				    "svg text{font:11px sans-serif}"
				    "polyline{fill:none;stroke:#1f5aa6;stroke-width:2}circle.point{fill:#1f5aa6}"
				    "circle.conflict{fill:#fff;stroke:#b3261e;stroke-width:2}");
	json_t *s;
	size_t i, n = 0;

	g_string_append(g, "<h1>Series</h1>\n");
	json_array_foreach(json_object_get(d, "series"), i, s)
		if (json_array_size(json_object_get(s, "points")) > 1)
			html_chart(g, s, n++);
	g_string_append(g, "</body></html>\n");
	return g_string_free(g, FALSE);
}

char *out_series(const char *const *docs, int n, const char *label_regex, enum out_diff_format format, char *why,
		 size_t whyn)
{
	GHashTable *series = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, free_tree);
	GRegex *only = label_regex ? g_regex_new(label_regex, G_REGEX_CASELESS, 0, NULL) : NULL;
	json_t *parsed = json_array(), *reports = json_array(), *d, *v;
	int conflicts = 0;
	char *s = NULL;
	size_t k;

	if (label_regex && !only) {
		snprintf(why, whyn, "--label: not a regular expression: %s", label_regex);
		goto out;
	}
	for (int i = 0; i < n; i++) {
		json_t *doc = json_loads(docs[i], 0, NULL);
		char *end;

		if (!doc || g_strcmp0(str(doc, "schema"), "extract/1")) {
			snprintf(why, whyn, "input %d is not an extract/1 document", i + 1);
			json_decref(doc);
			goto out;
		}
		json_array_append_new(parsed, doc);
		end = own_end(doc);
		json_array_append_new(reports, json_pack("{s:O?, s:O?, s:s?}", "path",
							 json_object_get(json_object_get(doc, "source"), "path"), "title",
							 json_object_get(json_object_get(doc, "document"), "title"), "period_end", end));
		json_array_foreach(json_object_get(doc, "values"), k, v)
			add_point(series, v, str(json_object_get(doc, "source"), "path"),
				  str(json_array_get(reports, (size_t)i), "period_end"), only);
		g_free(end);
	}
	d = json_pack("{s:s, s:o, s:o}", "schema", "extract-series/1", "reports", json_incref(reports), "series",
		      all_series(series, &conflicts));
	json_object_set_new(d, "conflicts", json_integer(conflicts));
	s = format == OUT_DIFF_CSV ? render_csv(d) : format == OUT_DIFF_HTML ? render_html(d)
						      : json_dumps(d, JSON_INDENT(2) | JSON_REAL_PRECISION(15));
	json_decref(d);
out:
	json_decref(reports);
	json_decref(parsed);
	g_hash_table_destroy(series);
	if (only)
		g_regex_unref(only);
	return s;
}
