/* inputs.c: files, folders and lists into one list of inputs; see inputs.h. */
#include "inputs.h"

#include <dirent.h>
#include <errno.h>
#include <glib.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define WALK_DEPTH 64   /* folders below folders: deeper is a loop or an attack, not an archive */

static int push(struct ex_inputs *in, const char *path, const char *rel)
{
	struct ex_input *x;

	if (in->n == in->cap) {
		size_t ncap = in->cap ? 2 * in->cap : 64;
		struct ex_input *v = realloc(in->v, ncap * sizeof(*v));

		if (!v)
			return -1;
		in->v = v;
		in->cap = ncap;
	}
	x = &in->v[in->n];
	x->path = strdup(path);
	x->rel = strdup(rel);
	x->refused = NULL;
	if (!x->path || !x->rel) {
		free(x->path);
		free(x->rel);
		return -1;
	}
	in->n++;
	return 0;
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names in dir that are not hidden, sorted bytewise (the same order
 * on every machine and locale); NULL if it cannot be read. */
static GPtrArray *names_in(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	GPtrArray *v;

	if (!d)
		return NULL;
	v = g_ptr_array_new_with_free_func(g_free);
	while ((e = readdir(d)))
		if (e->d_name[0] != '.')
			g_ptr_array_add(v, g_strdup(e->d_name));
	closedir(d);
	if (v->len > 1)   /* an empty array has no storage to sort */
		qsort(v->pdata, v->len, sizeof(void *), cmp_names);
	return v;
}

/* Whether real (a resolved path) is root or below it. */
static int inside(const char *root, const char *real)
{
	size_t n = strlen(root);

	return strncmp(root, real, n) == 0 && (real[n] == '/' || real[n] == '\0' || (n == 1 && root[0] == '/'));
}

struct walk {
	struct ex_inputs *in;
	char *root_real;   /* the folder's resolved path: links may not lead out of it */
	int failed;
};

static void walk(struct walk *w, const char *dir, const char *rel, int depth);

/* One entry of a walked folder. */
static void walk_entry(struct walk *w, const char *path, const char *rel, int depth)
{
	struct stat sb;

	if (lstat(path, &sb) < 0)
		return;
	if (S_ISLNK(sb.st_mode)) {
		char *real = realpath(path, NULL);

		/* A link is read only as a file inside the tree: never a folder
		 * (a loop), never a way out of what the archivist chose. */
		if (real && inside(w->root_real, real) && stat(real, &sb) == 0 && S_ISREG(sb.st_mode))
			w->failed |= push(w->in, path, rel) < 0;
		free(real);
		return;
	}
	if (S_ISDIR(sb.st_mode)) {
		if (!(w->in->skip && sb.st_dev == w->in->skip_dev && sb.st_ino == w->in->skip_ino))
			walk(w, path, rel, depth + 1);
	} else if (S_ISREG(sb.st_mode)) {
		w->failed |= push(w->in, path, rel) < 0;
	}
}

static void walk(struct walk *w, const char *dir, const char *rel, int depth)
{
	GPtrArray *names;

	if (depth > WALK_DEPTH || !(names = names_in(dir))) {
		/* Said as that folder's error when it is read: nothing vanishes unseen. */
		w->failed |= push(w->in, dir, *rel ? rel : ".") < 0;
		return;
	}
	for (guint i = 0; i < names->len; i++) {
		const char *name = names->pdata[i];
		gchar *path = g_build_filename(dir, name, NULL);
		gchar *r = *rel ? g_build_filename(rel, name, NULL) : g_strdup(name);

		walk_entry(w, path, r, depth);
		g_free(path);
		g_free(r);
	}
	g_ptr_array_free(names, TRUE);
}

/* The name a listed path's output mirrors: the path without a leading
 * "/" or "./"; a path that climbs ("..") keeps only its base name, so no
 * output lands outside the output folder. */
static char *list_rel(const char *p)
{
	gchar **parts = g_strsplit(p, "/", -1);
	GString *r = g_string_new(NULL);

	for (int i = 0; parts[i]; i++) {
		if (!parts[i][0] || !strcmp(parts[i], "."))
			continue;
		if (!strcmp(parts[i], "..")) {
			g_string_free(r, TRUE);
			g_strfreev(parts);
			return g_path_get_basename(p);
		}
		if (r->len)
			g_string_append_c(r, '/');
		g_string_append(r, parts[i]);
	}
	g_strfreev(parts);
	if (!r->len)
		g_string_append(r, p);
	return g_string_free(r, FALSE);
}

int ex_inputs_add_arg(struct ex_inputs *in, const char *arg, char *why, size_t whyn)
{
	struct stat sb;
	struct walk w = { .in = in };
	gchar *base;
	int rc;

	if (!strcmp(arg, "-"))
		return push(in, "-", "stdin") < 0 ? (snprintf(why, whyn, "out of memory"), -1) : 0;
	if (stat(arg, &sb) < 0 || !S_ISDIR(sb.st_mode)) {
		/* A file, or what is not there: its error comes when it is read. */
		base = g_path_get_basename(arg);
		rc = push(in, arg, base);
		g_free(base);
		return rc < 0 ? (snprintf(why, whyn, "out of memory"), -1) : 0;
	}
	if (!(w.root_real = realpath(arg, NULL))) {
		snprintf(why, whyn, "%s: %s", arg, strerror(errno));
		return -1;
	}
	walk(&w, arg, "", 0);
	free(w.root_real);
	if (w.failed)
		snprintf(why, whyn, "out of memory");
	return w.failed ? -1 : 0;
}

int ex_inputs_add_list(struct ex_inputs *in, const char *file, int nul, char *why, size_t whyn)
{
	gchar *text = NULL;
	gsize n = 0;
	GError *ge = NULL;
	int rc = 0;

	if (!strcmp(file, "-")) {
		GString *s = g_string_new(NULL);
		char buf[65536];
		size_t r;

		while ((r = fread(buf, 1, sizeof(buf), stdin)) > 0)
			g_string_append_len(s, buf, (gssize)r);
		n = s->len;
		text = g_string_free(s, FALSE);
	} else if (!g_file_get_contents(file, &text, &n, &ge)) {
		snprintf(why, whyn, "--files-from %s: %s", file, ge->message);
		g_error_free(ge);
		return -1;
	}
	for (gsize i = 0, start = 0; i <= n && rc == 0; i++) {
		if (i < n && text[i] != (nul ? '\0' : '\n'))
			continue;
		gsize end = i;

		if (!nul && end > start && text[end - 1] == '\r')
			end--;
		if (end > start) {
			gchar *p = g_strndup(text + start, end - start), *rel = list_rel(p);

			rc = push(in, p, rel);
			g_free(p);
			g_free(rel);
		}
		start = i + 1;
	}
	g_free(text);
	if (rc < 0)
		snprintf(why, whyn, "out of memory");
	return rc;
}

void ex_inputs_skip(struct ex_inputs *in, const char *dir)
{
	struct stat sb;

	if (dir && stat(dir, &sb) == 0 && S_ISDIR(sb.st_mode)) {
		in->skip = 1;
		in->skip_dev = sb.st_dev;
		in->skip_ino = sb.st_ino;
	}
}

void ex_inputs_free(struct ex_inputs *in)
{
	for (size_t i = 0; i < in->n; i++) {
		free(in->v[i].path);
		free(in->v[i].rel);
		free(in->v[i].refused);
	}
	free(in->v);
	in->v = NULL;
	in->n = in->cap = 0;
}

char *ex_output_path(const char *dir, const struct ex_input *x, const char *ext)
{
	size_t n = strlen(dir);
	char *p;

	while (n > 1 && dir[n - 1] == '/')
		n--;
	if (asprintf(&p, "%.*s/%s%s", (int)n, dir, x->rel, ext) < 0)
		return NULL;
	return p;
}

/* The device and inode of an existing file as a key, or NULL. */
static char *file_id(const char *path)
{
	struct stat st;

	if (stat(path, &st) != 0)
		return NULL;
	return g_strdup_printf("%ju:%ju", (uintmax_t)st.st_dev, (uintmax_t)st.st_ino);
}

/* Marks x refused when its output (mine) is an input, or when an earlier
 * input writes it (outs: output -> that input's path). */
static void refuse_one(struct ex_input *x, char *mine, GHashTable *names, GHashTable *ids, GHashTable *outs)
{
	char *id = file_id(mine);
	const char *first;

	if (g_hash_table_contains(names, mine) || (id && g_hash_table_contains(ids, id)))
		x->refused = strdup("its output would overwrite it");
	g_free(id);
	if (!outs) {
		free(mine);
		return;
	}
	if (!(first = g_hash_table_lookup(outs, mine))) {
		g_hash_table_insert(outs, mine, x->path);
		return;
	}
	if (!x->refused && asprintf(&x->refused, "its output %s would overwrite that of %s", x->rel, first) < 0)
		x->refused = NULL;
	free(mine);
}

void ex_inputs_refuse_clashes(struct ex_inputs *in, const char *out, int out_dir, const char *ext)
{
	GHashTable *names, *ids, *outs;
	char *id;

	if (!out)
		return;
	names = g_hash_table_new(g_str_hash, g_str_equal);
	ids = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	outs = out_dir ? g_hash_table_new_full(g_str_hash, g_str_equal, free, NULL) : NULL;
	for (size_t k = 0; k < in->n; k++) {
		g_hash_table_add(names, in->v[k].path);
		if ((id = file_id(in->v[k].path)))
			g_hash_table_add(ids, id);
	}
	for (size_t i = 0; i < in->n; i++) {
		char *mine = out_dir ? ex_output_path(out, &in->v[i], ext) : strdup(out);

		if (mine)
			refuse_one(&in->v[i], mine, names, ids, outs);
	}
	g_hash_table_destroy(names);
	g_hash_table_destroy(ids);
	if (outs)
		g_hash_table_destroy(outs);
}

/* Whether name is one of our temporary files: an output's or the
 * manifest's name, then ".tmp" and mkstemp's six characters. */
static int ours(const char *name, const char *ext)
{
	const char *t = strstr(name, ".tmp");
	size_t k, el = strlen(ext);

	if (!t || strlen(t) != 10)
		return 0;
	for (k = 4; k < 10; k++)
		if (!g_ascii_isalnum(t[k]))
			return 0;
	if ((size_t)(t - name) >= el && !strncmp(t - el, ext, el))
		return 1;
	return t - name == (int)strlen("manifest.ndjson") && !strncmp(name, "manifest.ndjson", 15);
}

static void sweep(const char *dir, const char *ext, int depth)
{
	GPtrArray *names = depth <= WALK_DEPTH ? names_in(dir) : NULL;
	struct stat sb;

	for (guint i = 0; names && i < names->len; i++) {
		gchar *p = g_build_filename(dir, (const char *)names->pdata[i], NULL);

		if (lstat(p, &sb) == 0 && S_ISDIR(sb.st_mode))
			sweep(p, ext, depth + 1);
		else if (lstat(p, &sb) == 0 && S_ISREG(sb.st_mode) && ours(names->pdata[i], ext))
			unlink(p);
		g_free(p);
	}
	if (names)
		g_ptr_array_free(names, TRUE);
}

void ex_sweep_temporaries(const char *dir, const char *ext)
{
	sweep(dir, ext, 0);
}

/* FNV-1a, 64 bits: the same number for a name on every machine. */
static uint64_t fnv1a(const char *s)
{
	uint64_t h = 14695981039346656037ULL;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

void ex_inputs_shard(struct ex_inputs *in, int k, int n)
{
	size_t j = 0;

	for (size_t i = 0; i < in->n; i++) {
		if (fnv1a(in->v[i].rel) % (uint64_t)n == (uint64_t)k) {
			in->v[j++] = in->v[i];
			continue;
		}
		free(in->v[i].path);
		free(in->v[i].rel);
		free(in->v[i].refused);
	}
	in->n = j;
}
