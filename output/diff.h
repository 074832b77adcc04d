/* diff.h: two documents' extract/1 JSON compared (extract diff). Values
 * are paired by normalised label, group and measure, each document's own
 * period against the other's; money is compared in kronor; what could
 * not be paired is said. jansson lives here and in json.c alone. */
#ifndef EX_DIFF_H
#define EX_DIFF_H

#include <stddef.h>

enum out_diff_format { OUT_DIFF_JSON, OUT_DIFF_TEXT, OUT_DIFF_CSV, OUT_DIFF_HTML };

/* The comparison of old and new (each a whole extract/1 document as
 * JSON text) as format: a malloc'd string, or NULL with why set. */
char *out_diff(const char *old_json, const char *new_json, enum out_diff_format format, char *why, size_t whyn);

#endif
