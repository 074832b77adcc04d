/* diff.h: two documents' extract/1 JSON compared (extract diff). Values
 * are paired by normalised label, group and measure, each document's own
 * period against the other's; money is compared in kronor; what could
 * not be paired is said. jansson lives here and in json.c alone. */
#ifndef EX_DIFF_H
#define EX_DIFF_H

#include <stddef.h>

/* OUT_DIFF_TEXT_COLOUR: text with the changes coloured for a terminal. */
enum out_diff_format { OUT_DIFF_JSON, OUT_DIFF_TEXT, OUT_DIFF_CSV, OUT_DIFF_HTML, OUT_DIFF_TEXT_COLOUR };

/* The comparison of old and new (each a whole extract/1 document as
 * JSON text) as format: a malloc'd string, or NULL with why set. */
char *out_diff(const char *old_json, const char *new_json, enum out_diff_format format, char *why, size_t whyn);

/* extract series: the values of n reports (extract/1 JSON texts) as
 * indicator x period series, newest report first where they conflict;
 * only labels label_regex matches (NULL: all). JSON (extract-series/1),
 * CSV or HTML (a line chart a series). NULL with why set. */
char *out_series(const char *const *docs, int n, const char *label_regex, enum out_diff_format format, char *why,
		 size_t whyn);

/* Shared by diff.c and series.c (json_t from jansson). */
struct json_t;
const char *diff_period_end(struct json_t *v, char buf[16]);
const char *diff_unit_class(struct json_t *v, double *base);
char *diff_series_key(struct json_t *v, const char *unit);   /* g_free it */
/* An HTML page's start (doctype, title, the body's font, print margins,
 * then css) and text escaped into it (GLib's markup escaping). */
struct _GString;
struct _GString *diff_html_page(const char *title, const char *css);
void diff_html_escape(struct _GString *g, const char *s);

#endif
