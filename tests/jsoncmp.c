/* jsoncmp: compares two JSON files semantically (jansson's json_equal),
 * and on a difference prints the first path where they part:
 *   jsoncmp EXPECTED ACTUAL  -> exit 0 equal, 1 different, 2 unreadable */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void show(const char *what, json_t *v)
{
	char *s = v ? json_dumps(v, JSON_ENCODE_ANY | JSON_COMPACT) : NULL;

	fprintf(stderr, "    %s: %.300s\n", what, s ? s : "(missing)");
	free(s);
}

static int diff(json_t *a, json_t *b, char *path, size_t cap)
{
	size_t len = strlen(path);

	if (json_equal(a, b))
		return 0;
	if (json_is_object(a) && json_is_object(b)) {
		const char *k;
		json_t *v;

		json_object_foreach(a, k, v) {
			snprintf(path + len, cap - len, "/%s", k);
			if (diff(v, json_object_get(b, k), path, cap))
				return 1;
		}
		json_object_foreach(b, k, v) {
			snprintf(path + len, cap - len, "/%s", k);
			if (!json_object_get(a, k))
				return diff(NULL, v, path, cap);
		}
	} else if (json_is_array(a) && json_is_array(b)) {
		size_t n = json_array_size(a) > json_array_size(b) ? json_array_size(a) : json_array_size(b);

		for (size_t i = 0; i < n; i++) {
			snprintf(path + len, cap - len, "/%zu", i);
			if (diff(json_array_get(a, i), json_array_get(b, i), path, cap))
				return 1;
		}
	}
	path[len] = '\0';
	fprintf(stderr, "  first difference at %s\n", len ? path : "/");
	show("expected", a);
	show("actual  ", b);
	return 1;
}

int main(int argc, char **argv)
{
	json_error_t e;
	json_t *a, *b;
	char path[4096] = "";
	int rc;

	if (argc != 3) {
		fprintf(stderr, "usage: jsoncmp EXPECTED ACTUAL\n");
		return 2;
	}
	a = json_load_file(argv[1], 0, &e);
	if (!a) {
		fprintf(stderr, "jsoncmp: %s: %s (line %d)\n", argv[1], e.text, e.line);
		return 2;
	}
	b = json_load_file(argv[2], 0, &e);
	if (!b) {
		fprintf(stderr, "jsoncmp: %s: %s (line %d)\n", argv[2], e.text, e.line);
		json_decref(a);
		return 2;
	}
	rc = diff(a, b, path, sizeof(path));
	json_decref(a);
	json_decref(b);
	return rc;
}
