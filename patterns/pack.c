/* pack.c: pattern packs, loaded from files at run time.
 *
 *   # a comment
 *   [dnr-kommun]
 *   regex = (?<value>KS\s?\d{4}/\d+)
 *   field = dnr
 *
 *   [volontarer]
 *   regex = (?<value>\d[\d ]*)\s+volontärer
 *   label = Antal volontärer
 *   unit  = count
 *
 * A section is one pattern: its name in brackets, then key = value
 * lines. regex is required (PCRE2, UTF, caseless, named groups). With
 * field, the first match's group "value" (or the whole match) becomes
 * that header field. Otherwise each match is a value: the number from
 * group "value" (or the group named by value =), label from label = or
 * group "label", unit from unit = or group "unit". */
#include "internal.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../model/norm.h"
#include "quantity.h"

static char *trim(char *s)
{
	char *e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n' || e[-1] == '\r'))
		*--e = '\0';
	return s;
}

static void user_free(struct pat_user *u)
{
	free(u->name);
	free(u->regex);
	pcre2_code_free(u->code);
	free(u->field);
	free(u->label);
	free(u->unit);
	free(u->value_group);
	free(u->source);
}

void pat_user_free_all(struct pat_set *ps)
{
	for (size_t i = 0; i < ps->nuser; i++)
		user_free(&ps->user[i]);
	free(ps->user);
	ps->user = NULL;
	ps->nuser = ps->cap_user = 0;
}

static struct pat_user *user_new(struct pat_set *ps, const char *name, const char *path, int line)
{
	struct pat_user *u;
	char src[512];

	if (ps->nuser == ps->cap_user) {
		size_t nc = ps->cap_user ? ps->cap_user * 2 : 8;
		struct pat_user *p = realloc(ps->user, nc * sizeof(*p));

		if (!p)
			return NULL;
		ps->user = p;
		ps->cap_user = nc;
	}
	u = &ps->user[ps->nuser++];
	memset(u, 0, sizeof(*u));
	snprintf(src, sizeof(src), "%s:%d", path, line);
	u->name = strdup(name);
	u->source = strdup(src);
	return u;
}

/* Compiles the pattern ended at line; reports at its regex line. */
static int finish(struct pat_user *u, const char *path, int regex_line, struct ex_error *err)
{
	int ec;
	PCRE2_SIZE off;

	if (!u)
		return 0;
	if (!u->regex)
		return EX_FAIL(err, EX_EUSAGE, "%s: pattern [%s] has no regex", u->source, u->name);
	u->code = pcre2_compile((PCRE2_SPTR)u->regex, PCRE2_ZERO_TERMINATED,
				PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS | PCRE2_DUPNAMES, &ec, &off, NULL);
	if (!u->code) {
		PCRE2_UCHAR msg[160];

		pcre2_get_error_message(ec, msg, sizeof(msg));
		return EX_FAIL(err, EX_EUSAGE, "%s:%d: pattern [%s]: %s at offset %zu", path, regex_line,
			       u->name, (char *)msg, (size_t)off);
	}
	pcre2_jit_compile(u->code, PCRE2_JIT_COMPLETE);
	if (!u->value_group)
		u->value_group = strdup("value");
	return 0;
}

int pat_pack_load(struct pat_set *ps, const char *path, struct ex_error *err)
{
	FILE *f = fopen(path, "r");
	char buf[4096];
	struct pat_user *u = NULL;
	int line = 0, regex_line = 0, rc = 0;

	if (!f)
		return EX_FAIL(err, EX_EIO, "%s: %s", path, strerror(errno));
	while (rc == 0 && fgets(buf, sizeof(buf), f)) {
		char *s = trim(buf), *eq, *key, *val, **slot = NULL;

		line++;
		if (!norm_valid_utf8(s, strlen(s))) {
			rc = EX_FAIL(err, EX_EUSAGE, "%s:%d: not UTF-8", path, line);
			break;
		}
		if (!*s || *s == '#')
			continue;
		if (*s == '[') {
			char *e = strchr(s, ']');

			rc = finish(u, path, regex_line, err);
			if (rc < 0)
				break;
			if (!e || e == s + 1 || *trim(e + 1)) {
				rc = EX_FAIL(err, EX_EUSAGE, "%s:%d: a section is [name]", path, line);
				break;
			}
			*e = '\0';
			u = user_new(ps, s + 1, path, line);
			if (!u)
				rc = EX_FAIL(err, EX_ENOMEM, "out of memory");
			continue;
		}
		eq = strchr(s, '=');
		if (!u || !eq) {
			rc = EX_FAIL(err, EX_EUSAGE, "%s:%d: %s", path, line,
				     !u ? "a line before the first [name]" : "expected key = value");
			break;
		}
		*eq = '\0';
		key = trim(s);
		val = trim(eq + 1);
		if (!strcmp(key, "regex")) {
			slot = &u->regex;
			regex_line = line;
		} else if (!strcmp(key, "field")) {
			if (!val[0] || strspn(val, "abcdefghijklmnopqrstuvwxyz0123456789_-") != strlen(val)) {
				rc = EX_FAIL(err, EX_EUSAGE, "%s:%d: a field name is lower-case a-z, 0-9, _ and -",
					     path, line);
				break;
			}
			slot = &u->field;
		} else if (!strcmp(key, "label")) {
			slot = &u->label;
		} else if (!strcmp(key, "unit")) {
			slot = &u->unit;
		} else if (!strcmp(key, "value")) {
			slot = &u->value_group;
		} else {
			rc = EX_FAIL(err, EX_EUSAGE, "%s:%d: unknown key \"%s\" (regex, field, label, unit, value)",
				     path, line, key);
			break;
		}
		free(*slot);
		*slot = strdup(val);
	}
	if (rc == 0)
		rc = finish(u, path, regex_line, err);
	if (rc == 0 && ferror(f))
		rc = EX_FAIL(err, EX_EIO, "%s: read error", path);
	fclose(f);
	return rc;
}

static int load_dir(struct pat_set *ps, const char *dir, struct ex_error *err)
{
	struct dirent **names;
	int n = scandir(dir, &names, NULL, alphasort), rc = 0;

	if (n < 0)
		return 0;   /* no such folder: nothing to load */
	for (int i = 0; i < n; i++) {
		size_t l = strlen(names[i]->d_name);

		if (rc == 0 && l > 4 && !strcmp(names[i]->d_name + l - 4, ".pat")) {
			char path[4096];

			snprintf(path, sizeof(path), "%s/%s", dir, names[i]->d_name);
			rc = pat_pack_load(ps, path, err);
		}
		free(names[i]);
	}
	free(names);
	return rc;
}

int pat_pack_load_default(struct pat_set *ps, struct ex_error *err)
{
	const char *env = getenv("EXTRACT_PATTERNS"), *xdg = getenv("XDG_CONFIG_HOME");
	const char *home = getenv("HOME");
	char dir[4096];
	int rc;

	if (env) {
		char *copy = strdup(env), *save = NULL;

		rc = 0;
		for (char *p = strtok_r(copy, ":", &save); p && rc == 0; p = strtok_r(NULL, ":", &save)) {
			DIR *d = opendir(p);

			if (d) {
				closedir(d);
				rc = load_dir(ps, p, err);
			} else {
				rc = pat_pack_load(ps, p, err);
			}
		}
		free(copy);
		return rc;
	}
	if (xdg && *xdg)
		snprintf(dir, sizeof(dir), "%s/extract/patterns", xdg);
	else
		snprintf(dir, sizeof(dir), "%s/.config/extract/patterns", home ? home : "");
	rc = load_dir(ps, dir, err);
	return rc ? rc : load_dir(ps, "/etc/extract/patterns", err);
}

/* A built-in value read from the same words of the same block: the
 * pack's reading replaces it rather than doubling it. */
static struct doc_value *same_value(struct doc *doc, size_t bi, const char *at, size_t n)
{
	for (size_t i = 0; i < doc->nvalues; i++) {
		struct doc_value *v = &doc->values[i];

		if (v->prov.block == (int)bi && v->text && v->prov.table == 0 &&
		    memmem(at, n, v->text, strlen(v->text)))
			return v;
	}
	return NULL;
}

static int apply_one(const struct pat_user *u, struct doc *doc, size_t bi, pcre2_match_data *md)
{
	const char *text = doc->blocks[bi].text;
	size_t len = strlen(text), off = 0;
	char b[512];

	while (off <= len && pcre2_match(u->code, (PCRE2_SPTR)text, len, off, PCRE2_NO_UTF_CHECK, md, NULL) > 0) {
		PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
		struct doc_value *v;
		char num[128];

		off = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
		if (u->field) {
			/* A pack's field is more specific than the built-in one. */
			if (!pat_group(md, "value", b, sizeof(b)))
				snprintf(b, sizeof(b), "%.*s", (int)(ov[1] - ov[0]), text + ov[0]);
			for (size_t i = 0; i < doc->nfields; i++)
				if (!strcmp(doc->fields[i].name, u->field)) {
					if (doc->fields[i].block >= 0 && strcmp(doc->fields[i].value, b) &&
					    strstr(doc->blocks[doc->fields[i].block].text, b)) {
						doc->fields[i].value = arena_strdup(doc->arena, b);
						doc->fields[i].block = (int)bi;
					}
					return 0;
				}
			return doc_add_field(doc, arena_strdup(doc->arena, u->field), arena_strdup(doc->arena, b),
					     (int)bi);
		}
		if (!pat_group(md, u->value_group, num, sizeof(num)))
			continue;
		v = same_value(doc, bi, text + ov[0], ov[1] - ov[0]);
		if (!v)
			v = doc_add_value(doc);
		if (!v)
			return EX_ENOMEM;
		memset(v, 0, sizeof(*v));
		v->scale = 1;
		{
			/* The number as a Swedish amount: spaces, decimal comma. */
			char clean[128];
			size_t n = 0;

			for (const char *p = num; *p && n + 1 < sizeof(clean); p++)
				if ((*p >= '0' && *p <= '9') || *p == '-')
					clean[n++] = *p;
				else if (*p == ',' || *p == '.')
					clean[n++] = '.';
			clean[n] = '\0';
			v->value = strtod(clean, NULL);
		}
		v->label = u->label ? arena_strdup(doc->arena, u->label) :
			   pat_group(md, "label", b, sizeof(b)) ? arena_strdup(doc->arena, b) : NULL;
		if (u->unit || pat_group(md, "unit", b, sizeof(b)))
			pat_unit_word(u->unit ? u->unit : b, &v->unit, &v->scale);
		v->text = arena_strndup(doc->arena, text + ov[0], ov[1] - ov[0]);
		v->context = text;
		v->method = arena_printf(doc->arena, "pattern:%s", u->name);
		v->prov.page = doc->blocks[bi].page;
		v->prov.box = doc->blocks[bi].box;
		v->prov.has_box = doc->blocks[bi].has_box;
		v->prov.path = doc->blocks[bi].path;
		v->prov.block = (int)bi;
		v->confidence = 0.9f;
		if (doc->period.label)
			v->period = doc->period;
	}
	return 0;
}

int pat_pack_apply(const struct pat_set *ps, struct doc *doc)
{
	int rc = 0;

	for (size_t k = 0; k < ps->nuser && rc == 0; k++) {
		const struct pat_user *u = &ps->user[k];
		pcre2_match_data *md = pcre2_match_data_create_from_pattern(u->code, NULL);

		if (!md)
			return EX_ENOMEM;
		for (size_t i = 0; i < doc->nblocks && rc == 0; i++)
			if (!doc->blocks[i].furniture && doc_block_readable(&doc->blocks[i]))
				rc = apply_one(u, doc, i, md);
		pcre2_match_data_free(md);
	}
	return rc;
}
