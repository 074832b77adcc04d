/* csv.c: tables as CSV (RFC 4180: comma-separated, fields with commas,
 * quotes or line breaks quoted, quotes doubled), one table after another
 * with a blank line between. A spanning cell's text stands in its
 * top-left position; the positions it covers are empty. */
#include "out.h"

#include <stdlib.h>
#include <string.h>

#include <glib.h>

void out_csv_field(GString *g, const char *s)
{
	if (!s)
		s = "";   /* no text: an empty field */
	if (!strpbrk(s, ",\"\r\n")) {
		g_string_append(g, s);
		return;
	}
	g_string_append_c(g, '"');
	for (; *s; s++) {
		if (*s == '"')
			g_string_append_c(g, '"');
		g_string_append_c(g, *s);
	}
	g_string_append_c(g, '"');
}

char *out_csv(const struct doc *d, const struct out_opts *o)
{
	GString *g = g_string_new(NULL);
	char *s;

	(void)o;
	for (size_t k = 0; k < d->ntables; k++) {
		const struct doc_table *t = &d->tables[k];
		const struct doc_cell **origin = doc_table_origins(t);

		if (!origin && t->nrows > 0 && t->ncols > 0) {
			g_string_free(g, TRUE);
			return NULL;
		}
		if (k)
			g_string_append(g, "\r\n");
		for (int r = 0; r < t->nrows; r++) {
			for (int c = 0; c < t->ncols; c++) {
				const struct doc_cell *x = doc_grid_at(t, origin, r, c);

				if (c)
					g_string_append_c(g, ',');
				out_csv_field(g, x ? x->text : "");
			}
			g_string_append(g, "\r\n");
		}
		free(origin);
	}
	s = malloc(g->len + 1);
	if (s)
		memcpy(s, g->str, g->len + 1);
	g_string_free(g, TRUE);
	return s;
}
