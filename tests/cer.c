/* cer: character error rate of a text against its reference.
 *   cer REFERENCE OUTPUT [MAX_PERCENT]
 * Both texts have white space folded to single spaces first. The
 * distance is Myers' insert/delete edit distance over Unicode code
 * points, which counts a substitution as two edits: an upper bound on
 * the Levenshtein distance, so the rate printed is never flattering.
 * Runs in O((N+M)·D) time, so a 100-page text with few errors is fast.
 * Exits 1 when the rate exceeds MAX_PERCENT (default 0.5). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint32_t *load(const char *path, long *n)
{
	FILE *f = fopen(path, "rb");
	uint32_t *out;
	long cap, len = 0;
	int c, space = 1;

	if (!f) {
		perror(path);
		exit(2);
	}
	fseek(f, 0, SEEK_END);
	cap = ftell(f) + 1;
	rewind(f);
	out = malloc(sizeof(*out) * (size_t)cap);
	if (!out)
		exit(2);
	while ((c = fgetc(f)) != EOF) {
		uint32_t cp = (uint32_t)c;
		int more = 0;

		if (c >= 0xF0) cp = c & 0x07, more = 3;
		else if (c >= 0xE0) cp = c & 0x0F, more = 2;
		else if (c >= 0xC0) cp = c & 0x1F, more = 1;
		while (more-- > 0 && (c = fgetc(f)) != EOF)
			cp = cp << 6 | (c & 0x3F);
		if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f') {
			space = 1;
			continue;
		}
		if (space && len > 0)
			out[len++] = ' ';
		space = 0;
		out[len++] = cp;
	}
	fclose(f);
	*n = len;
	return out;
}

/* Myers 1986: the smallest D such that a D-path reaches (n, m). */
static long myers(const uint32_t *a, long n, const uint32_t *b, long m, long dmax)
{
	long off = dmax + 1, *v = calloc((size_t)(2 * dmax + 3), sizeof(long));

	if (!v)
		exit(2);
	for (long d = 0; d <= dmax; d++) {
		for (long k = -d; k <= d; k += 2) {
			long x = (k == -d || (k != d && v[off + k - 1] < v[off + k + 1]))
					 ? v[off + k + 1] : v[off + k - 1] + 1;
			long y = x - k;

			while (x < n && y < m && a[x] == b[y])
				x++, y++;
			v[off + k] = x;
			if (x >= n && y >= m) {
				free(v);
				return d;
			}
		}
	}
	free(v);
	return -1;
}

int main(int argc, char **argv)
{
	long n, m, d, dmax;
	uint32_t *ref, *out;
	double max = argc > 3 ? atof(argv[3]) : 0.5, rate;

	if (argc < 3) {
		fprintf(stderr, "usage: cer REFERENCE OUTPUT [MAX_PERCENT]\n");
		return 2;
	}
	ref = load(argv[1], &n);
	out = load(argv[2], &m);
	/* Past 20% the exact figure no longer matters. */
	dmax = (long)((double)(n > m ? n : m) * 0.2) + 16;
	d = myers(ref, n, out, m, dmax);
	rate = d < 0 ? 100.0 : n ? 100.0 * (double)d / (double)n : (m ? 100.0 : 0.0);
	printf("%s: %ld chars, %s%ld edits, CER %.3f%%%s\n", argv[2], n, d < 0 ? ">" : "",
	       d < 0 ? dmax : d, rate, d < 0 ? "+" : "");
	free(ref);
	free(out);
	return rate <= max ? 0 : 1;
}
