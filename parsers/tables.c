/* tables.c: tables on a page of words with boxes; see tables.h.
 *
 * Ruled tables (lattice). The rules come from what the page draws (its
 * stroked lines and filled rectangles of ink, pieces that touch joined)
 * or, on a scan or a render, from the ink mask opened with long thin
 * bricks (leptonica), both as segments in pixels at the raster's scale
 * (100 dpi for a drawing). Horizontal and vertical rules that cross are
 * one group; a group of three or more distinct columns and two rows is a
 * grid. A grid whose horizontal rules end together beyond its verticals
 * gets the frame side it was drawn without. Bands between two rules whose
 * cells hold several level lines of numbers are split into that many
 * rows. Grid cells with no rule between them are one cell (its span);
 * words go to the cell their centre falls in; a cell's background is the
 * dominant colour of its pixels or the last fill over its middle. A grid
 * whose cells each hold several segments side by side is around blocks
 * of text, not cells, and is dropped (the borderless finder sees those).
 *
 * Borderless tables (stream). The lines no ruled table took are grouped
 * into rows (vertical middles within 0.4 of a line's height), rows with
 * two or more segments into runs (close rows; a wrapped label or a
 * one-cell group header between them stays in). Columns are the x-extents
 * of the body rows' segments, merged where they overlap (the body starts
 * at the first row with two cells of numbers through and through, so a
 * header does not bridge columns). A run is a table with a column mostly
 * of numbers, or three or more columns, and no column of prose.
 *
 * After the last page, a table that ends a page and one that starts the
 * next with the same columns are one table. */
#include "tables.h"

#include <leptonica/allheaders.h>
#include <ctype.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "../model/norm.h"
#include "numcut.h"
#include "scan.h"

#include <stdio.h>

/* Thresholds. Lengths are in points, the page's unit; those applied to
 * pixels are converted at the raster's scale (px()). They were tuned at
 * 100 dpi, where a point is 1.39 pixels: 2.88 pt is the 4 pixels they
 * were first written as. */
#define TBL_RULE_TOL_PT 2.88     /* a rule reaches another, or a cell's middle, within this */
#define TBL_RULE_MERGE_PT 5.04   /* rules closer than this are one line (a double rule, one
				  * table's bottom over the next's top); no row is that narrow */
#define TBL_RULE_THIN_PT 2.88    /* a rule is at most this thick (a scan's are thicker than a
				  * drawing's); thicker runs are fills */
#define TBL_RULE_THIN_MIN_PX 4   /* ... and never under 4 pixels */
#define TBL_TOUCH_PT 0.72        /* drawn pieces this close touch, as their pixels would */
#define TBL_TILE_GAP_PT 6.0f     /* shaded cells with at most this gutter between them tile */
#define TBL_TILE_GUTTER_PT 0.5f  /* ... and at least this: closer, they are pieces of one */
#define TBL_TILE_SHARE 5         /* ... sharing this many tenths of their extent the other way */
#define TBL_TILE_MIN_PT 8.0f     /* a shaded cell is this wide and high at least (a padding
				  * strip beside a cell's text is narrower) */
#define TBL_TILE_ROWS 3          /* shaded cells make a grid in groups of this many rows */
#define TBL_TILE_MAX 2000        /* more shaded boxes than this on a page: a chart's */
#define TBL_CELL_INSET_PT 2.16   /* a cell's colour is sampled this far inside its rules */
#define TBL_ROW_MIN_PT 1.44      /* an implicit row boundary this far from the rules at least */
#define TBL_FRAME_REACH 3        /* rules ending this many tolerances beyond the verticals
				  * stand for a missing frame side */
#define TBL_RULE_H_FRACTION 25   /* a horizontal rule spans 1/25 of the page at least */
#define TBL_RULE_V_FRACTION 50   /* a vertical one 1/50 of its height (one row) */
#define TBL_PINHOLE_PX 2         /* a rule's gap this wide or less is closed */
#define TBL_BRICK_MAX_PX 62      /* leptonica's composite DWA opening: bricks up to 62 pixels */
#define TBL_DRAWN_DPI 100.0      /* a drawing is read at this scale, as its render was */
#define TBL_LEVEL_PT 2.0f        /* lines whose tops (or middles) agree within this are level */
#define TBL_SAME_EDGE_PT 4.0f    /* tables across a page break: their edges agree within this */
#define TBL_SPAN_SLACK_PT 2.0f   /* a segment this close to a column's extent falls in it */
#define TBL_HANG_MIN_PT 1.0f     /* a label's second line set in this much or more hangs */
#define TBL_ALIGN_PT 3.0f        /* a wrapped label starts where the labels around it do */
#define TBL_REGION_MIN_PT 72.0f  /* room drawn or rendered around side-by-side lines: an inch */
#define TBL_REGION_LINES 6.0f    /* ... or six lines' worth, for headers and outer rules */
#define TBL_ROW_BAND 0.4f        /* segments in one row: middles within this of a line height */
#define TBL_APART 3               /* rows holding columns apart that one segment lies across */
#define TBL_FLAT 0.25f           /* a dash alone under this of its row's height: a scan's bar of ink */
#define TBL_RUN_GAP 2.5f         /* rows of a run: at most this many line heights apart */
#define TBL_WRAP_GAP 1.0f        /* a wrapped label or one-cell header: within a line height */
#define TBL_GROUP_GAP 5.0f       /* group headings of a statement: this many line heights below
				  * the row above, room for blank lines */
#define TBL_WRAP_LINES 3         /* a label wraps over at most this many lines of its own */
#define TBL_PART_WORDS 64        /* a line parted into columns word by word has at most these */
#define TBL_SIDE_WORDS 6         /* a column of running text beside a table: lines of this many
				  * words ... */
#define TBL_SIDE_LINES 5         /* ... this many of them at one x ... */
#define TBL_SIDE_BESIDE 3        /* ... this many level with numbers left of them */
#define TBL_PROSE_WORDS 4        /* columns all averaging this many words a line, and none of
				  * numbers, are a page's text columns */
#define TBL_PROSE_CHARS 60       /* a column averaging more characters a line is prose */
#define TBL_HEADER_PROSE_CHARS 40  /* a header cell is a short label: no longer than this */
#define TBL_NUMERIC_TENTHS 6     /* a column of numbers: this many tenths of its cells start
				  * with one */
#define TBL_BAND_LINES 512       /* lines of one band between rules read to part it into rows */
#define TBL_LIST_WORDS 4         /* lines of a list entry have at most this many words */
#define TBL_SHORT_PAIRS 2        /* short segments side by side in any order make a candidate */
#define TBL_NOTE_SEGMENTS 2      /* a footnote line: its text, after its marker */
#define TBL_MAX_COLS 32          /* a borderless table has at most this many columns */
#define TBL_COLOUR_SHARE 4       /* a cell's colour covers 1/4 of it at least */
#define TBL_HEADER_SHARE 4       /* a one-cell header line is under 1/4 of its run's width */
#define TBL_HEADING_SHARE 2      /* a group's heading set apart, under half of it */
#define TBL_COARSE_SHARE 4       /* a grid with segments side by side in over 1/4 of its
				  * filled cells is around blocks of text */

/* pt in pixels at scale pixels per point. */
static int px(double pt, double scale)
{
	return (int)lround(pt * scale);
}

struct seg {
	int a0, a1;   /* extent along the rule */
	int at;       /* position across it */
};

struct segs {
	struct seg *v;
	size_t n;
};

/* What rules are found in: pixels (a render, a scan), or what a page
 * draws (cell backgrounds from its fills), both at scale pixels per
 * point. */
struct tbl_raster {
	const unsigned char *data;   /* NULL: drawn */
	int width, height, stride;
	int x0, y0;
	double scale;
	const struct page_drawn *drawn;
	size_t ndrawn;
	/* The thresholds in its pixels (px()). */
	int tol, merge, inset, rowgap;
};

/* r's thresholds in pixels at its scale. */
static void tolerances(struct tbl_raster *r)
{
	r->tol = px(TBL_RULE_TOL_PT, r->scale);
	r->merge = px(TBL_RULE_MERGE_PT, r->scale);
	r->inset = px(TBL_CELL_INSET_PT, r->scale);
	r->rowgap = px(TBL_ROW_MIN_PT, r->scale);
}

int tbl_coloured(uint32_t rgb)
{
	int R = (rgb >> 16) & 0xFF, G = (rgb >> 8) & 0xFF, B = rgb & 0xFF;
	int mx = R > G ? (R > B ? R : B) : (G > B ? G : B);
	int mn = R < G ? (R < B ? R : B) : (G < B ? G : B);

	return mx - mn >= 60;
}

/* Ink: dark and grey (rules, text), or dark in every channel; not white
 * or nearly, and not coloured fills (#00b050 is as dark as a thin grey
 * rule, but one of its channels is bright). */
static inline int ink(uint32_t c)
{
	int R = (c >> 16) & 0xFF, G = (c >> 8) & 0xFF, B = c & 0xFF;

	if ((c & 0xE0E0E0) == 0xE0E0E0)
		return 0;
	/* dark grey or black; or any colour dark in every channel (navy
	 * rules), which no rating's fill is (#ff0000, #00b050: one bright) */
	return ((R * 299 + G * 587 + B * 114) / 1000 < 170 && !tbl_coloured(c)) ||
	       (R < 130 && G < 130 && B < 130);
}

static PIX *ink_mask(const struct tbl_raster *r)
{
	/* Eight pixels at a time are white or nearly (most of a page), or
	 * all one colour (a fill, a rule); a pixel like the one before it
	 * (the inside of a glyph) takes that one's answer. */
	const uint64_t white = 0x00E0E0E000E0E0E0ull;
	PIX *p = pixCreate(r->width, r->height, 1);
	l_uint32 *data;
	int wpl;

	if (!p)
		return NULL;
	data = pixGetData(p);
	wpl = pixGetWpl(p);
	for (int y = 0; y < r->height; y++) {
		l_uint32 *line = data + (size_t)y * (size_t)wpl;
		const unsigned char *row = r->data + (size_t)y * (size_t)r->stride;
		uint32_t last = 0xFFFFFFFF;
		int last_ink = 0, x = 0;

		for (; x + 8 <= r->width; x += 8) {
			uint64_t q[4];

			memcpy(q, row + (size_t)x * 4, sizeof(q));
			if ((q[0] & q[1] & q[2] & q[3] & white) == white)
				continue;
			if (q[0] == q[1] && q[0] == q[2] && q[0] == q[3] && (uint32_t)q[0] == (uint32_t)(q[0] >> 32)) {
				/* x is a multiple of 8: its eight bits share a word */
				if (ink((uint32_t)q[0]))
					line[x >> 5] |= 0xFF000000u >> (x & 31);
				continue;
			}
			for (int k = 0; k < 8; k++) {
				uint32_t c;

				memcpy(&c, row + (size_t)(x + k) * 4, sizeof(c));
				if (c != last) {
					last = c;
					last_ink = ink(c);
				}
				if (last_ink)
					SET_DATA_BIT(line, x + k);
			}
		}
		for (; x < r->width; x++) {
			uint32_t c;

			memcpy(&c, row + (size_t)x * 4, sizeof(c));
			if (ink(c))
				SET_DATA_BIT(line, x);
		}
	}
	return p;
}

/* The mask opened with a brick len long (horizontal) or high. */
static PIX *opened(PIX *mask, int horizontal, int len)
{
	/* The composite DWA opening: the same result as a plain brick
	 * opening, several times faster for long thin bricks. */
	return horizontal ? pixOpenCompBrickDwa(NULL, mask, len, 1) : pixOpenCompBrickDwa(NULL, mask, 1, len);
}

/* The mask's rules with their pinholes closed: a noisy bilevel scan
 * breaks a hairline into pieces shorter than len (the rule under a row
 * lost past its first column of numbers, and the row below read into
 * it). Only pieces of ink no thicker than a rule are closed, gaps of up
 * to TBL_PINHOLE_PX along them: closing the whole mask joined blurred
 * text into pieces of rule (a scan's rating table read as lines);
 * dotted leaders, dots some 3 pixels apart at 150 dpi, stay apart. */
static PIX *pinholes_closed(PIX *mask, int horizontal, int len, int thin)
{
	int close = 2 * (TBL_PINHOLE_PX / 2) + 1;   /* a brick's size: odd */
	PIX *pieces = pixSelectBySize(mask, thin, thin, 8, horizontal ? L_SELECT_HEIGHT : L_SELECT_WIDTH,
				      L_SELECT_IF_LTE, NULL);
	PIX *closed = pieces ? (horizontal ? pixCloseBrick(NULL, pieces, close, 1)
					   : pixCloseBrick(NULL, pieces, 1, close))
			     : NULL;
	PIX *open = closed ? opened(closed, horizontal, len) : NULL;

	pixDestroy(&pieces);
	pixDestroy(&closed);
	return open;
}

/* Thin long components of the opened mask: horizontal (h = 1) or
 * vertical rules, as segments; (dx, dy) is where the mask sits in the
 * raster. Rules broken by pinholes are joined (pinholes_closed). */
static int rules(PIX *mask, int horizontal, int len, int thin, int dx, int dy, struct segs *out)
{
	PIX *open = opened(mask, horizontal, len), *joined = open ? pinholes_closed(mask, horizontal, len, thin) : NULL;

	if (!joined || !pixOr(open, open, joined))
		pixDestroy(&open);
	pixDestroy(&joined);
	BOXA *boxa;
	int n;

	out->v = NULL;
	out->n = 0;
	if (!open)
		return -1;
	boxa = pixConnComp(open, NULL, 8);
	pixDestroy(&open);
	if (!boxa)
		return -1;
	n = boxaGetCount(boxa);
	out->v = calloc((size_t)n + 1, sizeof(*out->v));
	for (int i = 0; out->v && i < n; i++) {
		l_int32 x, y, w, h;

		boxaGetBoxGeometry(boxa, i, &x, &y, &w, &h);
		/* Thick runs are filled areas, not rules. */
		if ((horizontal ? h : w) > thin)
			continue;
		x += dx;
		y += dy;
		out->v[out->n++] = horizontal ? (struct seg){ x, x + w - 1, y + h / 2 }
					      : (struct seg){ y, y + h - 1, x + w / 2 };
	}
	boxaDestroy(&boxa);
	return out->v ? 0 : -1;
}

static int find(int *parent, int i)
{
	while (parent[i] != i)
		i = parent[i] = parent[parent[i]];
	return i;
}

static void unite(int *parent, int a, int b)
{
	a = find(parent, a);
	b = find(parent, b);
	if (a != b)
		parent[a] = b;
}

static int crosses(const struct seg *h, const struct seg *v, int tol)
{
	return v->at >= h->a0 - tol && v->at <= h->a1 + tol && h->at >= v->a0 - tol && h->at <= v->a1 + tol;
}

static int cmp_int(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

/* Distinct positions, merging those within merge pixels
 * (TBL_RULE_MERGE_PT): a double rule, or a table's bottom rule over the
 * next part's top, is one line; no row or column of text is that narrow. */
static int cluster(int *v, int n, int merge)
{
	int m = 0;

	qsort(v, (size_t)n, sizeof(*v), cmp_int);
	for (int i = 0; i < n; i++)
		if (m == 0 || v[i] - v[m - 1] > merge)
			v[m++] = v[i];
	return m;
}

/* Is there a rule at position at covering [lo, hi] (its middle)? */
static int ruled(const struct segs *s, const int *member, int id, int at, int mid, int tol)
{
	for (size_t i = 0; i < s->n; i++)
		if (member[i] == id && abs(s->v[i].at - at) <= tol && s->v[i].a0 - tol <= mid &&
		    s->v[i].a1 + tol >= mid)
			return 1;
	return 0;
}

/* A cell's background from a page's drawing: the last rectangle filled
 * over the cell's middle that covers a quarter of it, if it is not
 * white. */
static int drawn_colour(const struct tbl_raster *r, int x0, int y0, int x1, int y1, uint32_t *rgb)
{
	float s = (float)r->scale;
	int in = r->inset;
	float bx0 = (x0 + in + r->x0) / s, by0 = (y0 + in + r->y0) / s, bx1 = (x1 - in + r->x0) / s,
	      by1 = (y1 - in + r->y0) / s, cx = (bx0 + bx1) / 2, cy = (by0 + by1) / 2;
	float area = (bx1 - bx0) * (by1 - by0);
	int found = 0;

	if (area <= 0)
		return 0;
	for (size_t i = 0; i < r->ndrawn; i++) {
		const struct page_drawn *d = &r->drawn[i];
		float w = fminf(d->x1, bx1) - fmaxf(d->x0, bx0), h = fminf(d->y1, by1) - fmaxf(d->y0, by0);

		if (d->stroke || cx < d->x0 || cx > d->x1 || cy < d->y0 || cy > d->y1 || w <= 0 || h <= 0 ||
		    w * h * TBL_COLOUR_SHARE < area)
			continue;
		found = (d->rgb & 0xF0F0F0) != 0xF0F0F0;   /* a white fill covers what was under it */
		*rgb = d->rgb;
	}
	return found;
}

/* The dominant colour of a cell, if it is not white: a quarter or more
 * of its pixels (every other one, both ways) in one colour bin of 4
 * bits a channel; from the drawing when there are no pixels. */
static int cell_colour(const struct tbl_raster *r, int x0, int y0, int x1, int y1, uint32_t *rgb)
{
	static const int bins = 4096;

	if (!r->data)
		return drawn_colour(r, x0, y0, x1, y1, rgb);
	unsigned short *count = calloc(bins, sizeof(*count));
	int total = 0, best = -1, n = 0;
	long sum[3] = { 0 };

	if (!count)
		return 0;
	x0 += r->inset, y0 += r->inset, x1 -= r->inset, y1 -= r->inset;
	for (int y = y0; y < y1; y += 2) {
		const uint32_t *row = (const uint32_t *)(r->data + (size_t)y * (size_t)r->stride);

		for (int x = x0; x < x1; x += 2) {
			uint32_t c = row[x];
			int bin;

			total++;
			if ((c & 0xF0F0F0) == 0xF0F0F0)
				continue;   /* white */
			bin = (int)(((c >> 20) & 0xF) << 8 | ((c >> 12) & 0xF) << 4 | ((c >> 4) & 0xF));
			if (count[bin] < 65535)
				count[bin]++;
			if (best < 0 || count[bin] > count[best])
				best = bin;
		}
	}
	if (best < 0 || total == 0 || count[best] * TBL_COLOUR_SHARE < total) {
		free(count);
		return 0;
	}
	for (int y = y0; y < y1; y += 2) {
		const uint32_t *row = (const uint32_t *)(r->data + (size_t)y * (size_t)r->stride);

		for (int x = x0; x < x1; x += 2) {
			uint32_t c = row[x];

			if ((int)(((c >> 20) & 0xF) << 8 | ((c >> 12) & 0xF) << 4 | ((c >> 4) & 0xF)) == best) {
				sum[0] += (c >> 16) & 0xFF;
				sum[1] += (c >> 8) & 0xFF;
				sum[2] += c & 0xFF;
				n++;
			}
		}
	}
	free(count);
	*rgb = (uint32_t)(sum[0] / n) << 16 | (uint32_t)(sum[1] / n) << 8 | (uint32_t)(sum[2] / n);
	return 1;
}

/* The text of the words whose centres fall in box b, line by line.
 * *coarse is set when two segments side by side fall in the cell: the
 * grid is coarser than the text (a few rules around a whole table). */
static const char *cell_text(struct doc *doc, struct layout_page *lp, struct box b, int *taken_any,
			     int *coarse)
{
	const char *parts[256];
	const struct doc_line *seen[256];
	size_t n = 0;

	for (size_t i = 0; i < lp->nlines && n < 256; i++) {
		const struct doc_line *l = &lp->lines[i];
		char buf[2048];
		size_t len = 0;

		for (size_t w = 0; w < l->nwords; w++) {
			const struct doc_word *x = &l->words[w];
			float cx = (x->box.x0 + x->box.x1) / 2, cy = (x->box.y0 + x->box.y1) / 2;

			if (cx < b.x0 || cx > b.x1 || cy < b.y0 || cy > b.y1)
				continue;
			if (len && len + 1 < sizeof(buf))
				buf[len++] = ' ';
			len += (size_t)snprintf(buf + len, sizeof(buf) - len, "%s", x->text);
			if (len >= sizeof(buf)) {
				/* Cut at a character boundary, never inside one. */
				len = sizeof(buf) - 1;
				while (len > 0 && ((unsigned char)buf[len] & 0xC0) == 0x80)
					len--;
			}
			*taken_any = 1;
		}
		if (len) {
			for (size_t k = 0; k < n; k++)
				if (fabsf(seen[k]->box.y0 - l->box.y0) < TBL_LEVEL_PT)
					*coarse = 1;
			seen[n] = l;
			parts[n++] = arena_strndup(doc->arena, buf, len);
		}
	}
	return n ? norm_join_lines(doc->arena, parts, n) : "";
}

/* A year, a date or a split year as a header prints them: "2021",
 * "2020-12-31", "2022/2023", "2022/23". */
static int period_like(const char *s)
{
	size_t n = strlen(s);

	if (n < 4 || !numcut_year_word((char[5]){ s[0], s[1], s[2], s[3], 0 }))
		return 0;
	if (n == 4)
		return 1;
	if (n == 10 && s[4] == '-' && s[7] == '-')
		return strspn(s + 5, "0123456789") == 2 && strspn(s + 8, "0123456789") == 2;
	return s[4] == '/' && (n == 7 || n == 9) && strspn(s + 5, "0123456789") == n - 5;
}

/* A year or a date in any of the usual forms: "2021", "2020-12-31",
 * "2022/2023", "12/31/2009", "31.12.2009" (a header over its column, not
 * a number of the body). */
static int date_like(const char *s)
{
	int parts = 0, digits = 0, last = 0;

	if (period_like(s))
		return 1;
	for (const char *p = s;; p++) {
		if (isdigit((unsigned char)*p)) {
			digits++;
			continue;
		}
		if (!digits || digits > 4 || (parts < 2 && digits > 2))
			return 0;
		parts++;
		last = digits;
		digits = 0;
		if (!*p)
			break;
		if (*p != '/' && *p != '.')
			return 0;
	}
	return parts == 3 && (last == 4 || last == 2);
}

/* A word or cell that is a number, or a sign alone (an empty cell's
 * dash): a digit, after a sign or an accounts' bracket. */
static int numeric(const char *s)
{
	if (!s[0])
		return 0;
	if (s[0] == '-' || s[0] == '+' || !strncmp(s, "\xE2\x88\x92", 3) || !strncmp(s, "\xE2\x80\x93", 3))
		s += s[0] == '-' || s[0] == '+' ? 1 : 3;
	else if (s[0] == '(' && isdigit((unsigned char)s[1]))
		s++;   /* an accounts' negative, "(91 454)" */
	return isdigit((unsigned char)s[0]) || !s[0];
}

/* Row 0 is a header when its cells are short labels and the rows under
 * it hold numbers or running text, or when the table has just two rows
 * (a label row over a value row). */
/* A header cell that is a year, a date or a range of two dates
 * ("2020-01-01 -2020-12-31"). */
static int period_cell(const char *s)
{
	int digits = 0;

	if (strlen(s) < 4 || !numcut_year_word((char[5]){ s[0], s[1], s[2], s[3], 0 }))
		return 0;
	for (const char *p = s; *p; p++) {
		if (isdigit((unsigned char)*p))
			digits++;
		else if (!strchr(" -/", *p) && strncmp(p, "\xE2\x80\x93", 3))
			return 0;
		else if ((unsigned char)*p == 0xE2)
			p += 2;
	}
	return digits == 4 || digits == 8 || digits == 16 || (digits == 6 && strchr(s, '/'));
}

static int header_rows(const struct doc_table *t)
{
	int short0 = 1, digits0 = 0, digits_later = 0, prose_later = 0;

	for (size_t i = 0; i < t->ncells; i++) {
		const char *s = t->cells[i].text;
		size_t n = strlen(s);
		/* a number, not a lone dash ("-" is numeric() as an empty cell) */
		const char *digit = strpbrk(s, "0123456789");
		int d = numeric(s) && digit && digit - s < 4 && !(t->cells[i].row == 0 && period_cell(s));
		int prose = n > TBL_HEADER_PROSE_CHARS || (n && s[n - 1] == '.');

		if (t->cells[i].row == 0) {
			digits0 |= d;
			short0 &= !prose;
		} else {
			digits_later |= d;
			prose_later |= prose;
		}
	}
	return t->nrows >= 2 && !digits0 && short0 && (digits_later || prose_later || t->nrows == 2);
}

/* A word of a number, not one a letter ends ("3a"). */
static int numeric_word(const char *t)
{
	return numeric(t) && !isalpha((unsigned char)t[strlen(t) - 1]);
}

/* A line of numbers through and through ("18 years" is none, nor "3a"). */
static int numeric_line(const struct doc_line *l)
{
	for (size_t w = 0; w < l->nwords; w++)
		if (!numeric_word(l->words[w].text))
			return 0;
	return l->nwords > 0;
}

#define TBL_BAND_SLACK 1.0f   /* points a word may stand past its grid cell's top or bottom */

/* Whether the words whose centres fall in box b are a number and
 * nothing else, each lying within b's top and bottom. */
static int band_number(const struct layout_page *lp, struct box b)
{
	int any = 0;

	for (size_t i = 0; i < lp->nlines; i++)
		for (size_t w = 0; w < lp->lines[i].nwords; w++) {
			const struct doc_word *x = &lp->lines[i].words[w];
			float cx = (x->box.x0 + x->box.x1) / 2, cy = (x->box.y0 + x->box.y1) / 2;

			if (cx < b.x0 || cx > b.x1 || cy < b.y0 || cy > b.y1)
				continue;
			if (!numeric_word(x->text) || x->box.y0 < b.y0 - TBL_BAND_SLACK || x->box.y1 > b.y1 + TBL_BAND_SLACK)
				return 0;
			any |= strpbrk(x->text, "0123456789") != NULL;
		}
	return any;
}

struct band_line {
	float cy, top, bot;
	int col, num;
	int group;   /* a label column's line that may stand alone: a group's heading */
};

/* Whether a label's text goes on in the next line: it starts with a small
 * letter or an opening bracket ("materiella anläggningstillgångar",
 * "(kr/kvm)"), as a new label, a group header or a number never does. */
static int continues(const char *s)
{
	gunichar c = g_utf8_get_char(s);

	return c == '(' || g_unichar_islower(c);
}

/* Line l's words, leader dots left out ("All ages . . . . . ." is two
 * words of a label, not running text). */
static size_t label_words(const struct doc_line *l)
{
	size_t n = 0;

	for (size_t w = 0; w < l->nwords; w++)
		n += strspn(l->words[w].text, ".\xE2\x80\xA6") != strlen(l->words[w].text);
	return n;
}

static int cmp_band_line(const void *a, const void *b)
{
	float x = ((const struct band_line *)a)->cy, y = ((const struct band_line *)b)->cy;

	return (x > y) - (x < y);
}

/* Whether the n lines of a band stand in rows: each line level with one
 * in another column, but for a group's heading in the label column
 * ("3-Year-Old Cohort" over its rows; not a label's line going on, "(tot
 * intäkter)"). *multi: how many share their column with another. */
static int band_rows(const struct band_line *ln, int n, int *multi)
{
	for (int a = 0; a < n; a++) {
		int partner = 0, same = 0;

		for (int b = 0; b < n; b++) {
			partner |= ln[b].col != ln[a].col && fabsf(ln[b].cy - ln[a].cy) < TBL_LEVEL_PT;
			same += ln[b].col == ln[a].col;
		}
		if (!partner && !ln[a].group)
			return 0;
		*multi += same >= 2;
	}
	return 1;
}

/* Rows a grid leaves to its text: a band between two rules whose cells
 * hold several short lines each, level with lines in the other cells (a
 * list of countries beside their numbers, with rules only between the
 * columns), is that many rows. Adds their boundaries to ys (pixels, in
 * order) and marks them in virt; returns the new count. A cell of
 * wrapped text has lines no other cell matches, and stays one cell. */
static int implicit_rows(const struct layout_page *lp, int *ys, int ny, const int *xs, int nx,
			 const struct tbl_raster *r, unsigned char *virt)
{
	int out[256], m = 0;
	unsigned char vout[256];
	float s = (float)r->scale, ox = (float)r->x0, oy = (float)r->y0;

	for (int i = 0; i < ny; i++) {
		out[m] = ys[i];
		vout[m++] = virt[i];
		if (i + 1 == ny || m >= 250)
			continue;
		float y0 = (ys[i] + oy) / s, y1 = (ys[i + 1] + oy) / s;
		struct band_line ln[TBL_BAND_LINES];
		int n = 0, multi = 0, ok = 1;

		for (size_t k = 0; k < lp->nlines && n < TBL_BAND_LINES; k++) {
			const struct doc_line *l = &lp->lines[k];
			float mx = (l->box.x0 + l->box.x1) / 2, my = (l->box.y0 + l->box.y1) / 2;
			int c = -1;

			if (my < y0 || my > y1 || !l->nwords)
				continue;
			for (int j = 0; j + 1 < nx; j++)
				if (mx >= (xs[j] + ox) / s && mx <= (xs[j + 1] + ox) / s)
					c = j;
			if (c < 0)
				continue;
			if (label_words(l) > TBL_LIST_WORDS)
				ok = 0;   /* running text, not a list of entries */
			ln[n++] = (struct band_line){ my, l->box.y0, l->box.y1, c, numeric_line(l),
						      c == 0 && !continues(l->words[0].text) };
		}
		/* Its lines in rows; two or more columns with two or more
		 * lines; numbers among them: a column of three or more lines,
		 * all numbers. */
		ok = ok && band_rows(ln, n, &multi);
		int numcol = 0;

		for (int j = 0; j + 1 < nx && ok; j++) {
			int here = 0, num = 0;

			for (int a = 0; a < n; a++)
				if (ln[a].col == j) {
					here++;
					num += ln[a].num;
				}
			numcol |= here >= 3 && num == here;
		}
		if (!ok || multi < 4 || !numcol)
			continue;
		/* Boundaries halfway between consecutive lines, level lines one. */
		qsort(ln, (size_t)n, sizeof(ln[0]), cmp_band_line);
		float lo = ln[0].bot;

		for (int a = 1; a < n && m < 250; a++) {
			if (ln[a].cy - ln[a - 1].cy >= TBL_LEVEL_PT) {
				int at = (int)(((lo + ln[a].top) / 2) * s - oy);

				if (at > out[m - 1] + r->rowgap && at < ys[i + 1] - r->rowgap) {
					out[m] = at;
					vout[m++] = 1;
				}
				lo = ln[a].bot;
			} else
				lo = fmaxf(lo, ln[a].bot);
		}
	}
	memcpy(ys, out, sizeof(int) * (size_t)m);
	memcpy(virt, vout, (size_t)m);
	return m;
}

/* A grid's lines in pixels: ys (rows' boundaries) and xs (columns'),
 * virt marking boundaries no rule draws (implicit_rows). */
struct grid {
	int ys[256], xs[256], ny, nx;
	unsigned char virt[256];
};

/* The box, in points, of g's grid cells from (r0, c0) to (r1, c1), r's
 * pixels. */
static struct box grid_box(const struct tbl_raster *r, const struct grid *g, int r0, int c0, int r1, int c1)
{
	float s = (float)r->scale, ox = (float)r->x0, oy = (float)r->y0;

	return (struct box){ (g->xs[c0] + ox) / s, (g->ys[r0] + oy) / s, (g->xs[c1 + 1] + ox) / s,
			     (g->ys[r1 + 1] + oy) / s };
}

/* The cells of grid g into t: a group of grid cells joined in cellof
 * makes one cell at its top left, spanning the group, with the words in
 * its box and its background. *filled counts cells with words, *coarse
 * those with segments side by side. */
static int grid_cells(struct doc *doc, struct layout_page *lp, const struct tbl_raster *r, const struct grid *g,
		      int *cellof, struct doc_table *t, int *filled, int *coarse)
{
	int rows = g->ny - 1, cols = g->nx - 1;
	const int *ys = g->ys, *xs = g->xs;

	for (int rr = 0; rr < rows; rr++)
		for (int c = 0; c < cols; c++) {
			int root = find(cellof, rr * cols + c), r1 = rr, c1 = c, taken = 0, cc = 0;
			struct doc_cell *x;
			uint32_t rgb;

			/* Only the top-left grid cell of a merged group makes a cell. */
			if ((rr > 0 && find(cellof, (rr - 1) * cols + c) == root) ||
			    (c > 0 && find(cellof, rr * cols + c - 1) == root))
				continue;
			while (c1 + 1 < cols && find(cellof, rr * cols + c1 + 1) == root)
				c1++;
			while (r1 + 1 < rows && find(cellof, (r1 + 1) * cols + c) == root)
				r1++;
			struct box b = grid_box(r, g, rr, c, r1, c1);

			x = doc_table_add_cell(doc, t, rr, c, cell_text(doc, lp, b, &taken, &cc));
			if (!x)
				return EX_ENOMEM;
			*filled += taken;
			*coarse += cc;
			x->rowspan = r1 - rr + 1;
			x->colspan = c1 - c + 1;
			x->box = b;
			x->has_box = 1;
			if (cell_colour(r, xs[c], ys[rr], xs[c1 + 1], ys[r1 + 1], &rgb)) {
				x->has_bg = 1;
				x->bg = rgb;
			}
		}
	return 0;
}

/* Whether grid cells (rr, c) and (rr + 1, c) of g, read from a raster,
 * hold a number each, each within its own row: the rule between them,
 * drawn across the rest of the row, is lost (a bilevel scan keeps
 * specks of it), not left out to join them; a value set across both
 * rows, or a label's two lines, are one cell as before. A page's drawn
 * rules are as the producer drew them: a rule left out there joins. */
static int stacked_numbers(const struct layout_page *lp, const struct tbl_raster *r, const struct grid *g, int rr,
			   int c)
{
	return r->data && band_number(lp, grid_box(r, g, rr, c, rr, c)) &&
	       band_number(lp, grid_box(r, g, rr + 1, c, rr + 1, c));
}

static int build_table(struct doc *doc, struct layout_page *lp, const struct tbl_raster *r,
		       const struct segs *hs, const struct segs *vs, const int *hm, const int *vm, int id)
{
	struct grid g = { .ny = 0 };
	int *cellof = NULL, rc = 0, coarse = 0, filled = 0, rows, cols;
	struct doc_table *t;

	for (size_t i = 0; i < hs->n && g.ny < 256; i++)
		if (hm[i] == id)
			g.ys[g.ny++] = hs->v[i].at;
	for (size_t i = 0; i < vs->n && g.nx < 256; i++)
		if (vm[i] == id)
			g.xs[g.nx++] = vs->v[i].at;
	g.ny = cluster(g.ys, g.ny, r->merge);
	g.nx = cluster(g.xs, g.nx, r->merge);
	if (g.ny < 2 || g.nx < 3 || (g.ny < 3 && g.nx < 3))
		return 0;   /* a box around text, or a lone rule: not a table */
	g.ny = implicit_rows(lp, g.ys, g.ny, g.xs, g.nx, r, g.virt);
	rows = g.ny - 1;
	cols = g.nx - 1;
	cellof = malloc(sizeof(int) * (size_t)(rows * cols));
	if (!cellof)
		return EX_ENOMEM;
	/* Grid cells joined where the rule between them is missing. */
	for (int i = 0; i < rows * cols; i++)
		cellof[i] = i;
	for (int rr = 0; rr < rows; rr++)
		for (int c = 0; c < cols; c++) {
			int midy = (g.ys[rr] + g.ys[rr + 1]) / 2, midx = (g.xs[c] + g.xs[c + 1]) / 2;

			if (c + 1 < cols && !ruled(vs, vm, id, g.xs[c + 1], midy, r->tol))
				unite(cellof, rr * cols + c, rr * cols + c + 1);
			if (rr + 1 < rows && !g.virt[rr + 1] && !ruled(hs, hm, id, g.ys[rr + 1], midx, r->tol) &&
			    !stacked_numbers(lp, r, &g, rr, c))
				unite(cellof, rr * cols + c, (rr + 1) * cols + c);
		}
	t = doc_add_table(doc, "lattice");
	if (!t) {
		free(cellof);
		return EX_ENOMEM;
	}
	t->page_first = t->page_last = lp->page;
	t->has_box = 1;
	t->box = grid_box(r, &g, 0, 0, rows - 1, cols - 1);
	rc = grid_cells(doc, lp, r, &g, cellof, t, &filled, &coarse);
	t->nrows = rows;
	t->ncols = cols;
	t->header_rows = header_rows(t);
	free(cellof);
	/* Rules around blocks of text, not around cells: leave it to the
	 * borderless finder, which sees the columns in the words. */
	if (rc == 0 && (coarse >= 2 || (filled && coarse * TBL_COARSE_SHARE > filled)))
		doc->ntables--;
	return rc;
}

/* Marks the lines whose centres lie in a table's box as taken. */
static void take_lines(struct layout_page *lp, struct box b)
{
	for (size_t i = 0; i < lp->nlines; i++) {
		const struct box *l = &lp->lines[i].box;
		float cx = (l->x0 + l->x1) / 2, cy = (l->y0 + l->y1) / 2;

		if (cx >= b.x0 && cx <= b.x1 && cy >= b.y0 && cy <= b.y1)
			lp->used[i] = 1;
	}
}

/* A grid drawn without its outer frame (spreadsheets often are): three
 * or more of a group's horizontal rules that start, or end, together
 * well beyond its outermost vertical rule stand for the frame's side; a
 * vertical rule is added there, over the span of those rules, so the
 * outer columns are cells too. -1 when out of memory. */
static int frame(const struct segs *hs, const int *hm, struct segs *vs, int **vm, int tol)
{
	size_t n0 = vs->n;

	for (size_t i = 0; i < hs->n; i++) {
		int id = hm[i], first = 1, vmin = 1 << 30, vmax = -1;

		for (size_t k = 0; k < i && first; k++)
			first = hm[k] != id;
		if (!first)
			continue;
		for (size_t j = 0; j < n0; j++)
			if ((*vm)[j] == id) {
				vmin = L_MIN(vmin, vs->v[j].at);
				vmax = L_MAX(vmax, vs->v[j].at);
			}
		if (vmax < 0)
			continue;
		for (int side = 0; side < 2; side++) {
			int end = side ? hs->v[i].a1 : hs->v[i].a0, count = 0, y0 = 1 << 30, y1 = -1;

			for (size_t k = i; k < hs->n; k++) {
				int e = side ? hs->v[k].a1 : hs->v[k].a0;

				if (hm[k] == id && abs(e - end) <= tol) {
					count++;
					y0 = L_MIN(y0, hs->v[k].at);
					y1 = L_MAX(y1, hs->v[k].at);
				}
			}
			if (count < 3 || (side ? end - vmax : vmin - end) <= TBL_FRAME_REACH * tol)
				continue;
			struct seg *nv = realloc(vs->v, sizeof(*nv) * (vs->n + 1));
			int *nm = realloc(*vm, sizeof(*nm) * (vs->n + 1));

			if (nv)
				vs->v = nv;
			if (nm)
				*vm = nm;
			if (!nv || !nm)
				return -1;
			vs->v[vs->n] = (struct seg){ y0, y1, end };
			(*vm)[vs->n++] = id;
		}
	}
	return 0;
}

/* The grids the rules hs and vs (in r's pixels) make on lp's page: each
 * group of crossing rules, in order of its top rule, that makes a table
 * (build_table). The caller frees the rules (frame may add to vs). */
static int grids(struct doc *doc, struct layout_page *lp, const struct tbl_raster *r, struct segs *hs,
		 struct segs *vs)
{
	int *parent = NULL, *hm = NULL, *vm = NULL, rc = 0;
	size_t n = hs->n + vs->n;

	parent = malloc(sizeof(int) * (n + 1));
	hm = malloc(sizeof(int) * (hs->n + 1));
	vm = malloc(sizeof(int) * (vs->n + 1));
	if (!parent || !hm || !vm) {
		rc = EX_ENOMEM;
		goto out;
	}
	for (size_t i = 0; i < n; i++)
		parent[i] = (int)i;
	for (size_t i = 0; i < hs->n; i++)
		for (size_t j = 0; j < vs->n; j++)
			if (crosses(&hs->v[i], &vs->v[j], r->tol))
				unite(parent, (int)i, (int)(hs->n + j));
	for (size_t i = 0; i < hs->n; i++)
		hm[i] = find(parent, (int)i);
	for (size_t j = 0; j < vs->n; j++)
		vm[j] = find(parent, (int)(hs->n + j));
	if (frame(hs, hm, vs, &vm, r->tol) < 0) {
		rc = EX_ENOMEM;
		goto out;
	}
	for (size_t i = 0; i < hs->n && rc == 0; i++) {
		int id = hm[i], first = 1;
		size_t before = doc->ntables;

		for (size_t k = 0; k < i; k++)
			first &= hm[k] != id;
		if (!first)
			continue;
		rc = build_table(doc, lp, r, hs, vs, hm, vm, id);
		if (rc == 0 && doc->ntables > before) {
			int *p = ARENA_PUSH(doc->arena, lp->tables, lp->ntables, lp->cap_tables);

			if (!p) {
				rc = EX_ENOMEM;
				break;
			}
			*p = (int)doc->ntables - 1;
			take_lines(lp, doc->tables[*p].box);
		}
	}
out:
	free(parent);
	free(hm);
	free(vm);
	return rc;
}

/* The least length of a rule (TBL_RULE_H_FRACTION of the page's width,
 * TBL_RULE_V_FRACTION of its height; within what the fast opening takes)
 * and its greatest thickness, in pixels at scale. */
static void rule_sizes(const struct layout_page *lp, double scale, int *hlen, int *vlen, int *thin)
{
	int pw = (int)(lp->width * scale), ph = (int)(lp->height * scale);

	*hlen = L_MAX(2, L_MIN(TBL_BRICK_MAX_PX, pw / TBL_RULE_H_FRACTION));
	*vlen = L_MAX(2, L_MIN(TBL_BRICK_MAX_PX, ph / TBL_RULE_V_FRACTION));
	*thin = L_MAX(TBL_RULE_THIN_MIN_PX, px(TBL_RULE_THIN_PT, scale));
}

int tbl_find_ruled(struct doc *doc, struct layout_page *lp, const struct page_raster *pr)
{
	struct tbl_raster raster = { .data = pr->data, .width = pr->width, .height = pr->height,
				     .stride = pr->stride, .x0 = pr->x0, .y0 = pr->y0, .scale = pr->scale };
	const struct tbl_raster *r = &raster;
	struct segs hs = { 0 }, vs = { 0 };
	PIX *mask;
	int hlen, vlen, thin, rc = 0;

	scan_init();
	tolerances(&raster);
	mask = ink_mask(r);

	if (!mask)
		return EX_ENOMEM;
	rule_sizes(lp, r->scale, &hlen, &vlen, &thin);
	if (rules(mask, 1, hlen, thin, 0, 0, &hs) < 0) {
		rc = EX_ENOMEM;
		goto out;
	}
	if (hs.n == 0)
		goto out;   /* no grid without a horizontal rule */
	/* Only vertical rules that reach the horizontal ones' span can cross
	 * them; the mask is opened there (and a brick's length beyond, so a
	 * rule that reaches in is still as long as it is). */
	int x0 = INT_MAX, y0 = INT_MAX, x1 = 0, y1 = 0;

	for (size_t i = 0; i < hs.n; i++) {
		x0 = L_MIN(x0, hs.v[i].a0);
		x1 = L_MAX(x1, hs.v[i].a1);
		y0 = L_MIN(y0, hs.v[i].at);
		y1 = L_MAX(y1, hs.v[i].at);
	}
	x0 = L_MAX(0, x0 - r->tol - thin);
	x1 = L_MIN(r->width - 1, x1 + r->tol + thin);
	y0 = L_MAX(0, y0 - r->tol - vlen - thin);
	y1 = L_MIN(r->height - 1, y1 + r->tol + vlen + thin);
	BOX *clip = boxCreate(x0, y0, x1 - x0 + 1, y1 - y0 + 1);
	PIX *part = clip ? pixClipRectangle(mask, clip, NULL) : NULL;

	boxDestroy(&clip);
	rc = part ? rules(part, 0, vlen, thin, x0, y0, &vs) : -1;
	pixDestroy(&part);
	if (rc < 0) {
		rc = EX_ENOMEM;
		goto out;
	}
	rc = grids(doc, lp, r, &hs, &vs);
out:
	free(hs.v);
	free(vs.v);
	pixDestroy(&mask);
	return rc;
}

/* A drawn box of ink as a piece of a possible rule, in pixels: a0..a1
 * along it (x for a horizontal one), t0..t1 across. */
struct piece {
	float a0, a1, t0, t1;   /* along the rule; across it */
};

static int cmp_piece(const void *a, const void *b)
{
	const struct piece *p = a, *q = b;
	float d = (p->t0 + p->t1) - (q->t0 + q->t1);

	return d < 0 ? -1 : d > 0 ? 1 : (p->a0 < q->a0 ? -1 : p->a0 > q->a0);
}

/* Pieces that touch or overlap (a rule drawn cell by cell, a double
 * stroke) are one rule, as their pixels would be one component; rules
 * as long as len and as thin as thin are kept, as segments. */
static int join_pieces(struct piece *p, size_t n, int len, int thin, float touch, struct segs *out)
{
	out->v = calloc(n + 1, sizeof(*out->v));
	out->n = 0;
	if (!out->v)
		return -1;
	qsort(p, n, sizeof(*p), cmp_piece);
	for (int changed = 1; changed;) {
		changed = 0;
		for (size_t i = 0; i < n; i++) {
			if (p[i].a1 < p[i].a0)
				continue;   /* joined into another */
			for (size_t j = i + 1; j < n; j++) {
				if (p[j].a1 < p[j].a0)
					continue;
				if (p[j].t0 > p[i].t1 + touch)
					break;   /* sorted by their middles: the rest are further */
				if (p[j].t1 < p[i].t0 - touch || p[j].a0 > p[i].a1 + touch || p[j].a1 < p[i].a0 - touch)
					continue;
				p[i].a0 = fminf(p[i].a0, p[j].a0);
				p[i].a1 = fmaxf(p[i].a1, p[j].a1);
				p[i].t0 = fminf(p[i].t0, p[j].t0);
				p[i].t1 = fmaxf(p[i].t1, p[j].t1);
				p[j].a1 = p[j].a0 - 1;
				changed = 1;
			}
		}
	}
	for (size_t i = 0; i < n; i++) {
		int a0 = (int)floorf(p[i].a0), a1 = (int)ceilf(p[i].a1) - 1;
		int t0 = (int)floorf(p[i].t0), t1 = (int)ceilf(p[i].t1) - 1;

		if (p[i].a1 < p[i].a0 || a1 - a0 + 1 < len || t1 - t0 + 1 > thin)
			continue;
		out->v[out->n++] = (struct seg){ a0, a1, (int)floorf((p[i].t0 + p[i].t1) / 2) };
	}
	return 0;
}

/* Whether fill b stands beside fill a (across: side by side; else one
 * over the other), with a gutter between them (pieces of one cell's
 * shading abut) and sharing most of their extent the other way. */
static int tile_next(const struct page_drawn *a, const struct page_drawn *b, int across)
{
	float a0 = across ? a->y0 : a->x0, a1 = across ? a->y1 : a->x1;
	float b0 = across ? b->y0 : b->x0, b1 = across ? b->y1 : b->x1;
	float gap = across ? fmaxf(b->x0 - a->x1, a->x0 - b->x1) : fmaxf(b->y0 - a->y1, a->y0 - b->y1);
	float shared = fminf(a1, b1) - fmaxf(a0, b0);

	return gap >= TBL_TILE_GUTTER_PT && gap <= TBL_TILE_GAP_PT &&
	       shared >= TBL_TILE_SHARE * fminf(a1 - a0, b1 - b0) / 10;
}

/* Whether two or more segments of lp stand side by side inside d: a
 * band across columns (a zebra row's shading behind its numbers), not
 * one cell. A cell's lines stand one under another; a band's first
 * line has another beside it. */
static int holds_columns(const struct page_drawn *d, const struct layout_page *lp)
{
	const struct box *first = NULL;

	for (size_t i = 0; i < lp->nlines; i++) {
		const struct box *b = &lp->lines[i].box;
		float cx = (b->x0 + b->x1) / 2, cy = (b->y0 + b->y1) / 2;

		if (cx < d->x0 || cx > d->x1 || cy < d->y0 || cy > d->y1)
			continue;
		if (!first)
			first = b;
		else if (fabsf((first->y0 + first->y1) / 2 - cy) < TBL_LEVEL_PT &&
			 (b->x0 > first->x1 || first->x0 > b->x1))
			return 1;   /* level with the first inside, beside it */
	}
	return 0;
}

/* A shaded fill that may be a cell: filled, not white, a cell's size
 * (no cell's padding strip, no rule), smaller than a page's background,
 * and no band across columns of text. */
static int tile_fill(const struct page_drawn *d, const struct layout_page *lp)
{
	float w = d->x1 - d->x0, h = d->y1 - d->y0;

	return !d->stroke && (d->rgb & 0xF0F0F0) != 0xF0F0F0 && w >= TBL_TILE_MIN_PT && h >= TBL_TILE_MIN_PT &&
	       w * h < lp->width * lp->height / 4 && !holds_columns(d, lp);
}

/* Whether a rule drawn (one of p[0..n)) runs along edge e, within
 * reach pixels across it and over half its length. */
static int ruled_edge(const struct piece *p, size_t n, const struct piece *e, float reach)
{
	for (size_t i = 0; i < n; i++)
		if (p[i].t0 <= e->t1 + reach && p[i].t1 >= e->t0 - reach &&
		    fminf(p[i].a1, e->a1) - fmaxf(p[i].a0, e->a0) >= (e->a1 - e->a0) / 2)
			return 1;
	return 0;
}

static int cmp_float(const void *a, const void *b)
{
	float x = *(const float *)a, y = *(const float *)b;

	return (x > y) - (x < y);
}

/* Distinct values of v[0..n) more than TBL_LEVEL_PT apart (v sorted here). */
static size_t distinct(float *v, size_t n)
{
	size_t k = 0;

	qsort(v, n, sizeof(*v), cmp_float);
	for (size_t i = 0; i < n; i++)
		k += !i || v[i] - v[i - 1] > TBL_LEVEL_PT;
	return k;
}

/* Whether the group of fills whose members' tops and lefts are ys and
 * xs (m of them; sorted here) spans TBL_TILE_ROWS rows and two columns
 * or more. */
static int tile_group(float *ys, float *xs, size_t m)
{
	return distinct(ys, m) >= TBL_TILE_ROWS && distinct(xs, m) >= 2;
}

/* Whether fill f of group id is a cell of a grid: another of its group
 * spans its column in another row, and another its row in another
 * column (pieces of a cell's shading, set each its own way, do not), and
 * no other fill holds it (a fill inside another is the same cell's). */
static int tile_cell(const struct page_drawn *v, const size_t *cand, const int *root, size_t nc, size_t i)
{
	const struct page_drawn *f = &v[cand[i]];
	int colmate = 0, rowmate = 0;

	for (size_t j = 0; j < nc; j++) {
		const struct page_drawn *o = &v[cand[j]];

		if (j == i)
			continue;
		if (o->x0 <= f->x0 && o->x1 >= f->x1 && o->y0 <= f->y0 && o->y1 >= f->y1)
			return 0;
		if (root[j] != root[i])
			continue;
		colmate |= fabsf(o->x0 - f->x0) <= TBL_LEVEL_PT && fabsf(o->x1 - f->x1) <= TBL_LEVEL_PT &&
			   fabsf(o->y0 - f->y0) > TBL_LEVEL_PT;
		rowmate |= fabsf(o->y0 - f->y0) <= TBL_LEVEL_PT && fabsf(o->y1 - f->y1) <= TBL_LEVEL_PT &&
			   fabsf(o->x0 - f->x0) > TBL_LEVEL_PT;
	}
	return colmate && rowmate;
}

/* Cells drawn as shaded fills with gutters between them and no rules
 * (a word processor's table with white borders on shaded cells): the
 * edges of every cell (tile_cell) of a group of fills beside and over
 * each other (tile_group) are pieces of rules, added to h and w in
 * pixels at s, unless a rule is drawn along that edge already (within
 * reach pixels). Zebra rows (one fill across each row) and a shaded
 * header alone make no such group. */
static void tile_edges(const struct page_drawn *v, size_t n, const struct layout_page *lp, float s, float reach,
		       struct piece *h, size_t *nh, struct piece *w, size_t *nw)
{
	size_t *cand = malloc(sizeof(*cand) * (n + 1)), nc = 0, nh0 = *nh, nw0 = *nw;   /* the rules drawn */
	int *parent = malloc(sizeof(int) * (n + 1)), *root = malloc(sizeof(int) * (n + 1));
	signed char *grid = malloc(n + 1);   /* per group (by its root): -1 not judged, 0 no, 1 yes */
	float *ys = malloc(sizeof(float) * (n + 1)), *xs = malloc(sizeof(float) * (n + 1));

	if (!cand || !parent || !root || !grid || !ys || !xs)
		goto out;   /* (no edges: the tables as without them) */
	for (size_t i = 0; i < n; i++)
		if (tile_fill(&v[i], lp))
			cand[nc++] = i;
	if (nc > TBL_TILE_MAX)
		goto out;   /* a chart's thousand boxes, no table's cells */
	for (size_t i = 0; i < nc; i++)
		parent[i] = (int)i;
	for (size_t i = 0; i < nc; i++)
		for (size_t j = i + 1; j < nc; j++)
			if (tile_next(&v[cand[i]], &v[cand[j]], 1) || tile_next(&v[cand[i]], &v[cand[j]], 0))
				unite(parent, (int)i, (int)j);
	for (size_t i = 0; i < nc; i++) {
		root[i] = find(parent, (int)i);
		grid[i] = -1;
	}
	for (size_t i = 0; i < nc; i++) {
		const struct page_drawn *f = &v[cand[i]];

		if (grid[root[i]] < 0) {   /* its group, judged once */
			size_t m = 0;

			for (size_t j = 0; j < nc; j++)
				if (root[j] == root[i]) {
					ys[m] = v[cand[j]].y0;
					xs[m++] = v[cand[j]].x0;
				}
			grid[root[i]] = (signed char)tile_group(ys, xs, m);
		}
		if (!grid[root[i]] || !tile_cell(v, cand, root, nc, i))
			continue;
		/* each edge reaches over half a gutter, to meet its
		 * neighbour's across it */
		float x0 = f->x0 * s, y0 = f->y0 * s, x1 = f->x1 * s, y1 = f->y1 * s;
		float g = TBL_TILE_GAP_PT / 2 * s;
		const struct piece e[4] = { { x0 - g, x1 + g, y0, y0 + 1 }, { x0 - g, x1 + g, y1 - 1, y1 },
					    { y0 - g, y1 + g, x0, x0 + 1 }, { y0 - g, y1 + g, x1 - 1, x1 } };

		for (int k = 0; k < 4; k++) {
			struct piece *to = k < 2 ? h : w;
			size_t *nto = k < 2 ? nh : nw, drawn = k < 2 ? nh0 : nw0;

			if (!ruled_edge(to, drawn, &e[k], reach))   /* a rule drawn there already: that one */
				to[(*nto)++] = e[k];
		}
	}
out:
	free(cand);
	free(parent);
	free(root);
	free(grid);
	free(ys);
	free(xs);
}

int tbl_find_drawn(struct doc *doc, struct layout_page *lp, const struct page_drawn *v, size_t n,
		   const struct box *region)
{
	const double scale = TBL_DRAWN_DPI / 72.0;
	struct tbl_raster r = { .scale = scale, .drawn = v, .ndrawn = n };
	float touch = (float)px(TBL_TOUCH_PT, scale);
	struct segs hs = { 0 }, vs = { 0 };
	struct piece *h = malloc(sizeof(*h) * (3 * n + 1)), *w = malloc(sizeof(*w) * (3 * n + 1));
	size_t nh = 0, nw = 0;
	int hlen, vlen, thin, rc = 0;
	float s = (float)scale;

	if (!h || !w) {
		rc = EX_ENOMEM;
		goto out;
	}
	tolerances(&r);
	rule_sizes(lp, scale, &hlen, &vlen, &thin);
	for (size_t i = 0; i < n; i++) {
		float x0 = v[i].x0, y0 = v[i].y0, x1 = v[i].x1, y1 = v[i].y1;

		if (region) {   /* as much as a render of the region would show */
			x0 = fmaxf(x0, region->x0), y0 = fmaxf(y0, region->y0);
			x1 = fminf(x1, region->x1), y1 = fminf(y1, region->y1);
		}
		if (x1 <= x0 || y1 <= y0 || !ink(v[i].rgb))
			continue;
		x0 *= s, y0 *= s, x1 *= s, y1 *= s;
		if (x1 - x0 >= y1 - y0)
			h[nh++] = (struct piece){ x0, x1, y0, y1 };
		else
			w[nw++] = (struct piece){ y0, y1, x0, x1 };
	}
	tile_edges(v, n, lp, s, (float)thin, h, &nh, w, &nw);
	if (join_pieces(h, nh, hlen, thin, touch, &hs) < 0 || join_pieces(w, nw, vlen, thin, touch, &vs) < 0) {
		rc = EX_ENOMEM;
		goto out;
	}
	if (hs.n)
		rc = grids(doc, lp, &r, &hs, &vs);
out:
	free(hs.v);
	free(vs.v);
	free(h);
	free(w);
	return rc;
}

static int cmp_line_top(const void *a, const void *b, void *arg)
{
	const struct doc_line *l = arg;
	float ya = l[*(const size_t *)a].box.y0, yb = l[*(const size_t *)b].box.y0;

	return (ya > yb) - (ya < yb);
}

/* The box around every pair of lines side by side on the page, in any
 * order (poppler gives a grid's cells column by column): 0 when none
 * or out of memory. */
static int side_by_side(const struct layout_page *lp, struct box *u, float *lh, int *shorts)
{
	size_t *ix = malloc(sizeof(*ix) * (lp->nlines + 1));
	int n = 0;

	if (!ix)
		return 0;
	for (size_t i = 0; i < lp->nlines; i++)
		ix[i] = i;
	qsort_r(ix, lp->nlines, sizeof(*ix), cmp_line_top, lp->lines);
	for (size_t i = 0; i < lp->nlines; i++) {
		const struct box *a = &lp->lines[ix[i]].box;

		for (size_t j = i + 1; j < lp->nlines; j++) {
			const struct box *b = &lp->lines[ix[j]].box;

			if (b->y0 - a->y0 >= TBL_LEVEL_PT)
				break;
			if (b->x0 > a->x1 || a->x0 > b->x1) {
				struct box ab = box_union(*a, *b);

				*shorts += lp->lines[ix[i]].nwords <= TBL_LIST_WORDS &&
					   lp->lines[ix[j]].nwords <= TBL_LIST_WORDS;

				*u = n++ ? box_union(*u, ab) : ab;
				*lh = fmaxf(*lh, fmaxf(a->y1 - a->y0, b->y1 - b->y0));
			}
		}
	}
	free(ix);
	return n;
}

int tbl_page_candidate(const struct layout_page *lp, struct box *region)
{
	struct box u = { 0 };
	float lh = 0;
	int rows = 0, shorts = 0, pairs;

	for (size_t i = 1; i < lp->nlines; i++) {
		const struct box *a = &lp->lines[i - 1].box, *b = &lp->lines[i].box;

		if (fabsf(a->y0 - b->y0) < TBL_LEVEL_PT && (b->x0 > a->x1 || a->x0 > b->x1))
			rows++;
	}
	pairs = side_by_side(lp, &u, &lh, &shorts);
	/* Side by side in reading order; or, in any order (a grid read
	 * column by column), three pairs of short segments: two columns of
	 * prose pair long lines. */
	if (!rows && shorts < TBL_SHORT_PAIRS)
		return 0;
	if (!region)
		return 1;
	/* A grid reaches past its side-by-side rows: a header of wrapped
	 * or spanning cells above, a wrapped last row below, padding and
	 * the outer rules around: six lines' worth of room each way (at
	 * least an inch), the page's whole width. */
	if (pairs) {
		float room = fmaxf(TBL_REGION_MIN_PT, TBL_REGION_LINES * lh);

		*region = (struct box){ 0, fmaxf(0, u.y0 - room), lp->width,
					fminf(lp->height, u.y1 + room) };
	} else {
		*region = (struct box){ 0, 0, lp->width, lp->height };
	}
	return 1;
}

static int same_columns(const struct doc_table *a, const struct doc_table *b)
{
	if (a->ncols != b->ncols || !a->has_box || !b->has_box)
		return 0;
	/* The outer edges line up within a few points. */
	return fabsf(a->box.x0 - b->box.x0) < TBL_SAME_EDGE_PT && fabsf(a->box.x1 - b->box.x1) < TBL_SAME_EDGE_PT;
}

static int same_row(const struct doc_table *a, int ra, const struct doc_table *b, int rb)
{
	for (size_t i = 0; i < a->ncells; i++) {
		const struct doc_cell *x = &a->cells[i];
		int found = 0;

		if (x->row != ra)
			continue;
		for (size_t k = 0; k < b->ncells; k++)
			if (b->cells[k].row == rb && b->cells[k].col == x->col) {
				found = !strcmp(b->cells[k].text, x->text);
				break;
			}
		if (!found)
			return 0;
	}
	return 1;
}

/* Whether b, on a's page, is rows of a that fell outside it: a ruled
 * grid's last rows set below its rules ("2008", "Total" under a grid
 * ending at 2007). b stands right under a (within two of a's rows'
 * height), with as many columns, every cell of b within the span of its
 * column's cells in a. */
static int rows_under(const struct doc_table *a, const struct doc_table *b)
{
	float x0[TBL_MAX_COLS], x1[TBL_MAX_COLS], row_h;

	if (a->ncols != b->ncols || a->ncols > TBL_MAX_COLS || !a->has_box || !b->has_box || a->nrows < 2 ||
	    a->page_last != b->page_first)
		return 0;
	row_h = (a->box.y1 - a->box.y0) / (float)a->nrows;
	if (b->box.y0 < a->box.y1 - 1 || b->box.y0 - a->box.y1 > 2 * row_h)
		return 0;
	for (int c = 0; c < a->ncols; c++) {
		x0[c] = 1e9f;
		x1[c] = -1e9f;
	}
	for (size_t i = 0; i < a->ncells; i++)
		if (a->cells[i].has_box && a->cells[i].text[0] && a->cells[i].colspan <= 1) {
			x0[a->cells[i].col] = fminf(x0[a->cells[i].col], a->cells[i].box.x0);
			x1[a->cells[i].col] = fmaxf(x1[a->cells[i].col], a->cells[i].box.x1);
		}
	for (size_t i = 0; i < b->ncells; i++) {
		const struct doc_cell *x = &b->cells[i];

		if (!x->text[0])
			continue;
		if (!x->has_box || x->box.x0 < x0[x->col] - TBL_SAME_EDGE_PT || x->box.x1 > x1[x->col] + TBL_SAME_EDGE_PT)
			return 0;
	}
	return 1;
}

/* A row with no text and no colour: the rest of a row the page break
 * split, which carries nothing. */
static int blank_row(const struct doc_table *t, int r)
{
	for (size_t i = 0; i < t->ncells; i++)
		if (t->cells[i].row == r && (t->cells[i].text[0] || t->cells[i].has_bg))
			return 0;
	return 1;
}

/* Appends b's rows to a; b's first row goes when it repeats a's header,
 * and blank rows go. */
static int append_rows(struct doc *doc, struct doc_table *a, const struct doc_table *b)
{
	int skip = a->header_rows > 0 && b->nrows > 1 && same_row(a, 0, b, 0) ? 1 : 0;
	int next = a->nrows;

	for (int r = skip; r < b->nrows; r++) {
		if (blank_row(b, r))
			continue;
		for (size_t i = 0; i < b->ncells; i++) {
			const struct doc_cell *x = &b->cells[i];
			struct doc_cell *c;

			if (x->row != r)
				continue;
			c = doc_table_add_cell(doc, a, next, x->col, x->text);
			if (!c)
				return EX_ENOMEM;
			*c = *x;
			c->row = next;
		}
		next++;
	}
	a->page_last = b->page_last;
	return 0;
}

/* Tables the page break split are one (same columns, the first on the
 * page under the last on the one before), and so are a grid and its rows
 * set below its rules (rows_under). */
int tbl_merge_across_pages(struct doc *doc)
{
	int *gone = calloc(doc->ntables + 1, sizeof(int)), *newidx, rc = 0;
	size_t w = 0, nt = 0;
	long last_table = -1;   /* block index of the page's last body table */
	int last_page = 0, body_after = 0;

	if (!gone)
		return EX_ENOMEM;
	for (size_t i = 0; i < doc->nblocks && rc == 0; i++) {
		struct doc_block *b = &doc->blocks[i];

		if (b->furniture || b->type == DOC_BLK_FOOTNOTE) {
			doc->blocks[w++] = *b;
			continue;
		}
		if (b->type == DOC_BLK_TABLE && last_table >= 0 && !body_after &&
		    (b->page == last_page + 1 || b->page == last_page)) {
			struct doc_table *a = &doc->tables[doc->blocks[last_table].table];
			const struct doc_table *t = &doc->tables[b->table];

			if (b->page == last_page + 1 ? same_columns(a, t) : rows_under(a, t)) {
				if (b->page == last_page)
					a->box = box_union(a->box, t->box);
				rc = append_rows(doc, a, t);
				gone[b->table] = 1;
				last_page = b->page;
				continue;   /* the block goes with its table */
			}
		}
		if (b->page != last_page) {
			body_after = 0;
			last_table = -1;
		}
		if (b->type == DOC_BLK_TABLE) {
			last_table = (long)w;
			body_after = 0;
		} else if (last_table >= 0) {
			body_after = 1;
		}
		last_page = b->page;
		doc->blocks[w++] = *b;
	}
	doc->nblocks = w;
	/* Close the gaps in doc->tables and renumber. */
	newidx = malloc(sizeof(int) * (doc->ntables + 1));
	if (!newidx) {
		free(gone);
		return EX_ENOMEM;
	}
	for (size_t i = 0; i < doc->ntables; i++) {
		newidx[i] = gone[i] ? -1 : (int)nt;
		if (!gone[i]) {
			doc->tables[nt] = doc->tables[i];
			doc->tables[nt].id = (int)nt + 1;
			nt++;
		}
	}
	doc->ntables = nt;
	for (size_t i = 0; i < doc->nblocks; i++)
		if (doc->blocks[i].type == DOC_BLK_TABLE)
			doc->blocks[i].table = newidx[doc->blocks[i].table];
	free(newidx);
	free(gone);
	return rc;
}

/* ---- borderless tables ---- */

struct srow {
	size_t *idx;         /* lines (segments) of the row, left to right */
	size_t n;
	float y0, y1;
};

static int cmp_line_x(const void *a, const void *b, void *arg)
{
	const struct doc_line *l = arg;
	float x = l[*(const size_t *)a].box.x0, y = l[*(const size_t *)b].box.x0;

	return (x > y) - (x < y);
}


/* The column x falls in, or the nearest one. */
static int column_of(const float *cx0, const float *cx1, int ncols, float x)
{
	int best = 0;
	float bd = 1e9f;

	for (int c = 0; c < ncols; c++) {
		float d = x < cx0[c] ? cx0[c] - x : x > cx1[c] ? x - cx1[c] : 0;

		if (d < bd) {
			bd = d;
			best = c;
		}
	}
	return best;
}

/* Whether a row and the next, n, are one row of a table whose numbers
 * stand between the two lines of their label ("Between-state income
 * inequality (Gini" over a row of numbers with no label, "index)" under
 * it): their lines overlap by TBL_STRADDLE of a line's height or more,
 * one of them is numbers only and the other's lines all end left of
 * those numbers. Rows of their own never overlap; a column of prose set
 * beside a table, whose lines overlap its rows, is no numbers. */
#define TBL_STRADDLE 0.25f
static int all_numbers(const struct layout_page *lp, const struct srow *row)
{
	for (size_t k = 0; k < row->n; k++)
		if (!numeric_line(&lp->lines[row->idx[k]]))
			return 0;
	return row->n > 0;
}

static int straddles(const struct layout_page *lp, const struct srow *a, const struct srow *b, float h)
{
	if (b->y0 > a->y1 - TBL_STRADDLE * h || b->y1 < a->y1)
		return 0;
	const struct srow *num = all_numbers(lp, a) ? a : b, *label = num == a ? b : a;

	return all_numbers(lp, num) && !all_numbers(lp, label) &&
	       lp->lines[label->idx[label->n - 1]].box.x1 < lp->lines[num->idx[0]].box.x0;
}

/* Whether box b lies over column c of cx0..cx1 (within TBL_SPAN_SLACK_PT). */
static int in_column(const struct box *b, const float *cx0, const float *cx1, int c)
{
	return b->x0 <= cx1[c] + TBL_SPAN_SLACK_PT && b->x1 >= cx0[c] - TBL_SPAN_SLACK_PT;
}

/* The columns of rows [r0, r1): the x-ranges that the body rows'
 * segments cover, merged where they overlap, left to right, into cx0 and
 * cx1 (room for TBL_MAX_COLS); their count, 0 when there are too many.
 * Header rows are left out of it: a header such as "Under 18 18 years"
 * bridges the two columns of numbers under it. */
static int parts_by_word(const struct doc_line *l, const float *cx0, const float *cx1, int ncols, int *col);

static void sort_columns(float *cx0, float *cx1, int ncols)
{
	for (int i = 0; i < ncols; i++)
		for (int j = i + 1; j < ncols; j++)
			if (cx0[j] < cx0[i]) {
				float a = cx0[i], b = cx1[i];

				cx0[i] = cx0[j], cx1[i] = cx1[j];
				cx0[j] = a, cx1[j] = b;
			}
}

/* Columns cx0, cx1 (ncols of them) with the label column of a label set
 * around its numbers added where no column holds it: a column of its
 * own, though no row holds it beside them, each line of it a row of one
 * cell. Their count. */
static int straddled_labels(const struct layout_page *lp, const struct srow *rows, size_t r0, size_t r1, float *cx0,
			    float *cx1, int ncols)
{
	for (size_t r = r0; r < r1 && ncols < TBL_MAX_COLS; r++) {
		const struct box *b = &lp->lines[rows[r].idx[0]].box;
		float h = b->y1 - b->y0;
		int free = 1;

		if (rows[r].n != 1 || !((r > r0 && straddles(lp, &rows[r - 1], &rows[r], h)) ||
					(r + 1 < r1 && straddles(lp, &rows[r], &rows[r + 1], h))))
			continue;
		for (int c = 0; c < ncols; c++)
			if (in_column(b, cx0, cx1, c)) {
				cx0[c] = fminf(cx0[c], b->x0);
				cx1[c] = fmaxf(cx1[c], b->x1);
				free = 0;
				break;
			}
		if (free) {
			cx0[ncols] = b->x0;
			cx1[ncols++] = b->x1;
			sort_columns(cx0, cx1, ncols);
		}
	}
	return ncols;
}

/* The number of rows of [r0, r1) with two or more segments over the
 * columns of cx0..cx1 that box b lies across, and (*bridged) of those
 * with one segment across two or more of them. */
static size_t rows_apart(const struct layout_page *lp, const struct srow *rows, size_t r0, size_t r1,
			 const struct box *b, const float *cx0, const float *cx1, int ncols, size_t *bridged)
{
	size_t apart = 0;

	*bridged = 0;
	for (size_t r = r0; r < r1; r++) {
		int segs = 0, widest = 0;

		for (size_t k = 0; k < rows[r].n; k++) {
			const struct box *x = &lp->lines[rows[r].idx[k]].box;
			int cols = 0;

			for (int c = 0; c < ncols; c++)
				cols += in_column(b, cx0, cx1, c) && in_column(x, cx0, cx1, c);
			segs += cols > 0;
			widest = cols > widest ? cols : widest;
		}
		apart += segs >= 2;
		*bridged += segs == 1 && widest >= 2;
	}
	return apart;
}

/* Whether the columns a segment b of numbers lies across are held apart
 * by more rows than lie across them (TBL_APART rows and twice as many):
 * then b makes them none; it is a row whose numbers OCR packed together
 * ("29 16525 05415 32454 313" for 29 165, 25 054, 15 324, 54 313 at 150
 * dpi), whose cells the table cannot part, not a sign its columns are
 * one. (A segment of words across columns, a name whose parts stand
 * apart in other rows, still makes them one.) */
static int held_apart(const struct layout_page *lp, const struct srow *rows, size_t r0, size_t r1,
		      const struct box *b, const float *cx0, const float *cx1, int ncols)
{
	size_t bridged, apart = rows_apart(lp, rows, r0, r1, b, cx0, cx1, ncols, &bridged);

	return apart >= TBL_APART && apart >= 2 * bridged;
}

static int stream_columns(const struct layout_page *lp, const struct srow *rows, size_t r0, size_t r1, float *cx0,
			  float *cx1)
{
	size_t body = r0, most = 0;
	int ncols = 0, found = 0;

	for (size_t r = r0; r < r1 && !found; r++) {
		size_t nn = 0;

		/* cells of numbers only: "18 years" heads a column, and so
		 * does a year ("2017" over its column, set flush left while
		 * the numbers under it are flush right) or a range of dates
		 * ("2017-01-01–2017-12-31", wider than its column) */
		for (size_t k = 0; k < rows[r].n; k++) {
			const struct doc_line *l = &lp->lines[rows[r].idx[k]];
			const char *w = l->nwords ? l->words[0].text : "";

			nn += numeric_line(l) && !(l->nwords == 1 && (date_like(w) || period_cell(w)));
		}
		if (nn >= 2 || (nn && rows[r].n == 2))
			body = r, found = 1;
	}
	for (size_t r = body; r < r1; r++)
		most = rows[r].n > most ? rows[r].n : most;
	/* Rows with the most segments first: they set the finest columns, and
	 * a segment of a row with fewer that lies across two of them ("(4.7)
	 * Ref. —" over three) is parted by them where its words are flush with
	 * theirs, instead of making them one. */
	for (size_t n = most; n >= 2; n--)
		for (size_t r = body; r < r1; r++)
			for (size_t k = 0; k < rows[r].n && rows[r].n == n; k++) {
				/* (a row of one cell, a wrapped label or header line,
				 * goes to the column it falls in; it makes none) */
				const struct doc_line *l = &lp->lines[rows[r].idx[k]];
				const struct box *b = &l->box;
				int hit = -1, across = 0, merged = 0, col[TBL_PART_WORDS];

				for (int c = 0; c < ncols; c++)
					across += in_column(b, cx0, cx1, c);
				if (across >= 2 && (parts_by_word(l, cx0, cx1, ncols, col) ||
						    (l->nwords >= 2 && numeric_line(l) && held_apart(lp, rows, body, r1, b, cx0, cx1, ncols))))
					continue;
				for (int c = 0; c < ncols; c++)
					if (in_column(b, cx0, cx1, c)) {
						if (hit < 0) {
							hit = c;
							cx0[c] = fminf(cx0[c], b->x0);
							cx1[c] = fmaxf(cx1[c], b->x1);
						} else {
							/* b bridges two columns: they are one. */
							cx0[hit] = fminf(cx0[hit], cx0[c]);
							cx1[hit] = fmaxf(cx1[hit], cx1[c]);
							cx0[c] = cx0[--ncols];
							cx1[c] = cx1[ncols];
							c--;
							merged = 1;
						}
					}
				if (hit < 0) {
					if (ncols == TBL_MAX_COLS)
						return 0;
					cx0[ncols] = b->x0;
					cx1[ncols++] = b->x1;
				}
				/* left to right, as parts_by_word reads them: only a
				 * column added or two made one can change the order
				 * (columns do not overlap, so growing one cannot) */
				if (hit < 0 || merged)
					sort_columns(cx0, cx1, ncols);
			}
	return straddled_labels(lp, rows, r0, r1, cx0, cx1, ncols);
}

/* How many of line l's words hold a letter: a cell of numbers has its
 * unit's at most ("1 234 kr", "450 kr per år"); a line of prose that starts
 * with a number ("10 blocks, or clusters, of items. Each of the") many. */
#define TBL_UNIT_WORDS 3
static size_t lettered(const struct doc_line *l)
{
	size_t n = 0;

	for (size_t w = 0; w < l->nwords; w++)
		for (const char *p = l->words[w].text; *p; p = g_utf8_next_char(p))
			if (g_unichar_isalpha(g_utf8_get_char(p))) {
				n++;
				break;
			}
	return n;
}

/* The number a cell of one number prints, its thousands' spaces left
 * out and a comma taken as a decimal point (only steps between numbers
 * of one column are compared, so "54,000" read as 54 does no harm); 0
 * with *ok unset when it is no plain number. */
static double tick_value(const struct doc_line *l, int *ok)
{
	char buf[64];
	size_t n = 0;
	char *end;

	for (size_t w = 0; w < l->nwords; w++)
		for (const char *p = l->words[w].text; *p && n + 1 < sizeof(buf); p++)
			buf[n++] = *p == ',' ? '.' : *p;
	buf[n] = 0;
	double v = strtod(buf, &end);

	*ok = n > 0 && *end == 0;
	return v;
}

/* Whether rows [r0, r1) are the tick labels of a chart's axes ("54,000"
 * over "53,000" over "52,000" at the left of a plot, "0.50" over "0.48"
 * at its right): every cell a plain number, each column of three or more
 * counting evenly down, as a value axis does up the page, but for a row
 * counting evenly across (the years under the plot). A table of
 * numbers only that counts (row numbers, "1 100 200" over "2 101 201")
 * counts up. */
#define TBL_TICKS_MIN 3
static int axis_ticks(const struct layout_page *lp, const struct srow *rows, size_t r0, size_t r1,
		      const float *cx0, const float *cx1, int ncols)
{
	double first[TBL_MAX_COLS], last[TBL_MAX_COLS], step[TBL_MAX_COLS];
	size_t count[TBL_MAX_COLS] = { 0 };
	int even[TBL_MAX_COLS];

	for (int c = 0; c < ncols; c++)
		even[c] = 1;
	for (size_t r = r0; r < r1; r++) {
		if (rows[r].n >= TBL_TICKS_MIN) {   /* a category axis: numbers counting evenly across */
			double v0 = 0, v1 = 0, v;
			int ok = 1, across = 1;

			for (size_t k = 0; k < rows[r].n && ok && across; k++) {
				v = tick_value(&lp->lines[rows[r].idx[k]], &ok);
				across = k < 2 || fabs((v - v1) - (v1 - v0)) <= 1e-6 * fmax(fabs(v), 1);
				across &= k < 1 || v > v1;
				v0 = v1, v1 = v;
			}
			if (ok && across)
				continue;
		}
		for (size_t k = 0; k < rows[r].n; k++) {
			const struct doc_line *l = &lp->lines[rows[r].idx[k]];
			int c = column_of(cx0, cx1, ncols, (l->box.x0 + l->box.x1) / 2), ok;
			double v = tick_value(l, &ok);

			if (!ok)
				return 0;
			if (count[c] == 1)
				step[c] = v - last[c];
			else if (count[c] > 1)
				even[c] &= fabs((v - last[c]) - step[c]) <= 1e-6 * fmax(fabs(v), 1) && step[c] != 0;
			if (count[c] == 0)
				first[c] = v;
			last[c] = v;
			count[c]++;
		}
	}
	int axes = 0;

	for (int c = 0; c < ncols; c++) {
		if (count[c] && (count[c] < TBL_TICKS_MIN || !even[c] || first[c] <= last[c]))
			return 0;
		axes += count[c] > 0;
	}
	return axes > 0;
}

/* Whether rows [r0, r1) in these columns are a table: a column (not the
 * first) mostly of numbers, or three or more columns; no column of prose;
 * two rows with numbers, three without. */
static int stream_qualifies(const struct layout_page *lp, const struct srow *rows, size_t r0, size_t r1,
			    const float *cx0, const float *cx1, int ncols)
{
	size_t filled[TBL_MAX_COLS] = { 0 }, nums[TBL_MAX_COLS] = { 0 }, chars[TBL_MAX_COLS] = { 0 };
	size_t words[TBL_MAX_COLS] = { 0 }, long_lines[TBL_MAX_COLS] = { 0 }, multi[TBL_MAX_COLS] = { 0 };
	int numcol = 0, wordy = 0;

	for (size_t r = r0; r < r1; r++)
		for (size_t k = 0; k < rows[r].n; k++) {
			const struct doc_line *l = &lp->lines[rows[r].idx[k]];
			int c = column_of(cx0, cx1, ncols, (l->box.x0 + l->box.x1) / 2);

			filled[c]++;
			nums[c] += l->nwords && numeric(l->words[0].text) && lettered(l) <= TBL_UNIT_WORDS;
			words[c] += l->nwords;
			long_lines[c] += l->nwords >= TBL_PROSE_WORDS;
			multi[c] += l->nwords > 1;
			for (size_t w = 0; w < l->nwords; w++)
				chars[c] += strlen(l->words[w].text) + 1;
		}
	for (int c = 0; c < ncols; c++) {
		if (filled[c] && chars[c] / filled[c] > TBL_PROSE_CHARS)
			return 0;     /* prose, not cells */
		if (c > 0 && filled[c] >= 2 && nums[c] * 10 >= filled[c] * TBL_NUMERIC_TENTHS)
			numcol = 1;
		/* (a column of prose: lines of that many words on average, or
		 * two or more such lines and most of those of more than one
		 * word, a URL or a footnote's number apart on its own; a
		 * column of one cell, a note's number, goes with them) */
		wordy += filled[c] <= 1 || words[c] >= TBL_PROSE_WORDS * filled[c] ||
			 (long_lines[c] >= 2 && long_lines[c] * 2 > multi[c]);
	}
	if (!numcol && ncols < 3)
		return 0;
	if (!numcol && wordy == ncols)
		return 0;     /* columns of running text side by side (a page set in columns) */
	return !(r1 - r0 < 2 || (r1 - r0 < 3 && !numcol));
}

/* Whether row r's one line is the hanging second line of the label of
 * the row of cells above it ("American Indian/Alaska" over "Native", set
 * in a little): indented from that label by TBL_HANG_MIN_PT or more,
 * with the row below (if any) starting left of it again. A line set in
 * with the rows below set further in heads them ("Male" over its
 * subgroup's rows), and is no part of the label above. */
static int hanging(const struct layout_page *lp, const struct srow *rows, size_t r, size_t r1)
{
	float x = lp->lines[rows[r].idx[0]].box.x0;

	if (rows[r - 1].n < 2 || x - lp->lines[rows[r - 1].idx[0]].box.x0 < TBL_HANG_MIN_PT)
		return 0;
	return r + 1 >= r1 || lp->lines[rows[r + 1].idx[0]].box.x0 < x - TBL_HANG_MIN_PT;
}

/* Whether line l is a date starting a range that goes on in the next
 * line ("2022-01-01-", "2022-01-01–"). */
static int range_start(const struct doc_line *l)
{
	const char *t = l->nwords ? l->words[l->nwords - 1].text : "";
	size_t n = strlen(t);
	char date[11];

	if (!((n == 11 && t[10] == '-') || (n == 13 && !strcmp(t + 10, "\xE2\x80\x93"))))
		return 0;
	memcpy(date, t, 10);
	date[10] = 0;
	return period_like(date);
}

/* Whether row holds a segment of numbers that are no periods (a
 * header row of years, balance-sheet dates or ranges holds only those). */
static int numbers_in(const struct layout_page *lp, const struct srow *row)
{
	for (size_t k = 0; k < row->n; k++) {
		const struct doc_line *l = &lp->lines[row->idx[k]];

		if (numeric_line(l) && !(l->nwords == 1 && (period_like(l->words[0].text) || range_start(l))))
			return 1;
	}
	return 0;
}

/* Whether row is cells of numbers with none in the label column (and
 * not a header row of years or dates, which a title may stand over). */
static int unlabelled(const struct layout_page *lp, const struct srow *row, const float *cx0, const float *cx1,
		      int ncols)
{
	const struct doc_line *l = &lp->lines[row->idx[0]];

	return row->n >= 2 && column_of(cx0, cx1, ncols, (l->box.x0 + l->box.x1) / 2) != 0 && numeric_line(l) &&
	       numbers_in(lp, row);
}

/* The length of a dash that s starts with, or 0. */
static size_t dash_at(const char *s)
{
	return *s == '-' ? 1 : !strncmp(s, "\xE2\x80\x93", 3) ? 3 : 0;
}

/* Whether a line ends with a dash ("2022-01-01-", a range going on). */
static int ends_in_dash(const struct doc_line *l)
{
	const char *t = l->nwords ? l->words[l->nwords - 1].text : "";
	size_t n = strlen(t);

	return (n >= 1 && t[n - 1] == '-') || (n >= 3 && !strcmp(t + n - 3, "\xE2\x80\x93"));
}

/* Whether row r is the second line of a header's date ranges: each of
 * its cells a date, after a dash ("-2020-12-31" under "2020-01-01") or
 * under a line ending in one ("2022-12-31" under "2022-01-01-"), none
 * in the label column. */
static int range_ends(const struct layout_page *lp, const struct srow *rows, size_t r, const float *cx0,
		      const float *cx1, int ncols)
{
	const struct srow *row = &rows[r], *above = &rows[r - 1];
	int open = 0;

	for (size_t k = 0; k < above->n; k++)
		open |= ends_in_dash(&lp->lines[above->idx[k]]);
	for (size_t k = 0; k < row->n; k++) {
		const struct doc_line *l = &lp->lines[row->idx[k]];
		const char *t = l->nwords ? l->words[0].text : "";
		size_t dash = dash_at(t);

		if ((!dash && !open) || column_of(cx0, cx1, ncols, (l->box.x0 + l->box.x1) / 2) == 0)
			return 0;
		if (!t[dash] && l->nwords == 2)
			t = l->words[1].text, dash = 0;
		else if (l->nwords != 1)
			return 0;
		if (strlen(t + dash) != 10 || !period_like(t + dash))
			return 0;
	}
	return row->n > 0;
}

/* The row that row r (of [r0, r1)) is part of: itself, or the row above
 * when r is the second line of that row's label, wrapped in its cell (in
 * the first column only, in one segment or more, "(HALex)," and "ages
 * 18–65 yrs" set apart; starting as continues() says, within a line of
 * the row above), or the row below when r is the first line of a label
 * whose numbers stand on its last line. */
static size_t label_row(const struct layout_page *lp, const struct srow *rows, size_t r0, size_t r1, size_t r,
			const float *cx0, const float *cx1, int ncols)
{
	const struct doc_line *l = &lp->lines[rows[r].idx[0]], *next;

	if (r > r0 && range_ends(lp, rows, r, cx0, cx1, ncols) &&
	    rows[r].y0 - rows[r - 1].y1 <= TBL_WRAP_GAP * (rows[r - 1].y1 - rows[r - 1].y0))
		return r - 1;
	/* numbers set level with a label's lines going on ("könstillhörighet
	 * ges samma" over them, "utveckla vad de" under them, the label's
	 * first line above): part of the row those lines are */
	if (r > r0 + 1 && rows[r - 1].n == 1 && unlabelled(lp, &rows[r], cx0, cx1, ncols) &&
	    straddles(lp, &rows[r - 1], &rows[r], rows[r - 1].y1 - rows[r - 1].y0) &&
	    label_row(lp, rows, r0, r1, r - 1, cx0, cx1, ncols) == r - 2)
		return r - 1;
	for (size_t k = 0; k < rows[r].n; k++) {   /* a line of the label column only */
		const struct box *b = &lp->lines[rows[r].idx[k]].box;

		if (column_of(cx0, cx1, ncols, (b->x0 + b->x1) / 2) != 0)
			return r;
	}
	if (r > r0 && l->nwords && (continues(l->words[0].text) || hanging(lp, rows, r, r1)) &&
	    rows[r].y0 - rows[r - 1].y1 <= TBL_WRAP_GAP * (rows[r - 1].y1 - rows[r - 1].y0)) {
		/* (a line going on in small letters may be set in by up to a
		 * line's height: "Highest enrollment after bachelor's" over
		 * " degree by 2003") */
		float dx = l->box.x0 - lp->lines[rows[r - 1].idx[0]].box.x0;

		if (fabsf(dx) <= TBL_ALIGN_PT ||
		    (continues(l->words[0].text) && dx > 0 && dx <= rows[r].y1 - rows[r].y0))
			return r - 1;
	}
	/* a label set around its numbers ("Defendants" over a row of
	 * numbers with no label of its own, "Sentenced" under it) */
	if (r > r0 && unlabelled(lp, &rows[r - 1], cx0, cx1, ncols) &&
	    rows[r].y0 - rows[r - 1].y1 <= TBL_WRAP_GAP * (rows[r - 1].y1 - rows[r - 1].y0))
		return r - 1;
	if (r + 1 < r1 && unlabelled(lp, &rows[r + 1], cx0, cx1, ncols) &&
	    rows[r + 1].y0 - rows[r].y1 <= TBL_WRAP_GAP * (rows[r].y1 - rows[r].y0))
		return r + 1;
	if (r + 1 >= r1 || rows[r + 1].n < 2)
		return r;
	next = &lp->lines[rows[r + 1].idx[0]];
	if (fabsf(next->box.x0 - l->box.x0) <= TBL_ALIGN_PT && next->nwords && continues(next->words[0].text) &&
	    column_of(cx0, cx1, ncols, (next->box.x0 + next->box.x1) / 2) == 0 &&
	    rows[r + 1].y0 - rows[r].y1 <= TBL_WRAP_GAP * (rows[r].y1 - rows[r].y0))
		return r + 1;
	return r;
}

/* Whether line l, which lies across two or more of the columns (a header
 * line whose cells were set closer than a space: "Budget 2022 Utfall
 * 2021"), parts into them: it is cut after each word that ends where a
 * column's numbers end, and before each that starts where a column's
 * start (cells flush with their numbers, as headers are set), and its
 * pieces, each flush with its column, fall in distinct columns left to
 * right. The column of each word
 * into col (room for TBL_PART_WORDS). A title centred over columns does
 * not part. */
static int parts_by_word(const struct doc_line *l, const float *cx0, const float *cx1, int ncols, int *col)
{
	size_t start = 0;
	int across = 0, last = -1, pieces = 0;

	for (int c = 0; c < ncols; c++)
		across += l->box.x0 < cx1[c] && l->box.x1 > cx0[c];
	if (across < 2 || l->nwords > TBL_PART_WORDS)
		return 0;
	for (size_t w = 0; w < l->nwords; w++) {
		int end = w + 1 == l->nwords, c;

		for (c = 0; c < ncols && !end; c++)
			end = fabsf(l->words[w].box.x1 - cx1[c]) <= TBL_ALIGN_PT ||
			      fabsf(l->words[w + 1].box.x0 - cx0[c]) <= TBL_ALIGN_PT;
		if (!end)
			continue;
		/* the piece [start, w], flush with its column's left or right;
		 * else it goes on to the next edge (a right-aligned column's
		 * left edge may fall at a group inside a wider number under
		 * it: "– 2 212 668" with "212" where "579 938" starts) */
		c = column_of(cx0, cx1, ncols, (l->words[start].box.x0 + l->words[w].box.x1) / 2);
		if (c <= last || (fabsf(l->words[start].box.x0 - cx0[c]) > TBL_ALIGN_PT &&
				  fabsf(l->words[w].box.x1 - cx1[c]) > TBL_ALIGN_PT)) {
			if (w + 1 == l->nwords)
				return 0;
			continue;
		}
		for (size_t k = start; k <= w; k++)
			col[k] = c;
		last = c;
		pieces++;
		start = w + 1;
	}
	return pieces >= 2;
}

/* The words of line l in column c (col gives each word's), as one text;
 * NULL when none are. */
static const char *words_in(struct arena *a, const struct doc_line *l, const int *col, int c)
{
	struct doc_line part = { 0 };

	for (size_t w = 0; w < l->nwords; w++) {
		if (col[w] != c)
			continue;
		if (!part.nwords)
			part.words = &l->words[w];
		part.nwords++;
	}
	return part.nwords ? layout_line_text(a, &part) : NULL;
}

/* Where a header of wrapped lines ends: rows r0.. up to the first with
 * numbers are one header row ("Percentage of" over "international" over
 * "desired population" over "coverage", each column's lines one cell)
 * when there are two or more with cells over the columns of numbers,
 * each close under the last, none a period (years over their columns
 * head in rows of their own), every line set over its column, centred
 * on it or flush with one of its edges (a group's header centred over
 * its columns is a row of its own), and every line under another of its
 * column of numbers going on in lower case. A line alone in the label column after them ("Actual") is
 * the body's first group, not the header's. Else r0. */
static size_t header_block(const struct layout_page *lp, const struct srow *rows, size_t r0, size_t r1,
			   const float *cx0, const float *cx1, int ncols)
{
	size_t r = r0, end = r0;
	unsigned char seen[TBL_MAX_COLS] = { 0 };

	for (; r < r1 && !numbers_in(lp, &rows[r]); r++) {
		if (r > r0 && rows[r].y0 - rows[r - 1].y1 > TBL_WRAP_GAP * (rows[r - 1].y1 - rows[r - 1].y0))
			return r0;
		for (size_t k = 0; k < rows[r].n; k++) {
			const struct doc_line *l = &lp->lines[rows[r].idx[k]];
			int c = column_of(cx0, cx1, ncols, (l->box.x0 + l->box.x1) / 2);

			for (size_t w = 0; w < l->nwords; w++)
				if (period_cell(l->words[w].text))
					return r0;
			/* set over its column: centred on it, or flush with its
			 * left or right edge (a group's header centred over two
			 * columns is over neither) */
			float mid = (l->box.x0 + l->box.x1) / 2;

			if ((mid < cx0[c] - TBL_SPAN_SLACK_PT || mid > cx1[c] + TBL_SPAN_SLACK_PT) &&
			    fabsf(l->box.x1 - cx1[c]) > TBL_ALIGN_PT && fabsf(l->box.x0 - cx0[c]) > TBL_ALIGN_PT)
				return r0;
			/* a line under another of its column goes on with its
			 * text, in lower case ("Percentage of" over
			 * "international"); "Total" over "Under 18" heads it */
			if (c > 0 && seen[c] && !(l->nwords && continues(l->words[0].text)))
				return r0;
			seen[c] = 1;
			if (c > 0)
				end = r + 1;
		}
	}
	return r < r1 && end - r0 >= 2 ? end : r0;
}

/* The column of segment k of row: the one its middle falls in; but a
 * row with a segment for every column whose segments fall two in one
 * column, or out of order, by position (pushed right by a label wider
 * than its column: "Resultat efter finansiella poster (343) tkr (936)
 * tkr 156 tkr 662 tkr") is read in order, segment k in column k. */
static int seg_column(const struct layout_page *lp, const struct srow *row, size_t k, const float *cx0,
		      const float *cx1, int ncols)
{
	int c = -1, last = -1;

	for (size_t j = 0; j < row->n; j++) {
		const struct box *b = &lp->lines[row->idx[j]].box;
		int cj = column_of(cx0, cx1, ncols, (b->x0 + b->x1) / 2);

		if ((int)row->n == ncols && cj <= last)
			return (int)k;
		last = cj;
		if (j == k)
			c = cj;
	}
	return c;
}

/* Where a table whose rows start at r0 starts with the header lines
 * just above it whose cells were set too close to be segments of their
 * own ("Not 2017-12-31 2016-12-31"): they are the table's when they part
 * into its columns and no part goes on with the words before it (a
 * caption, "Flerårsöversikt (belopp" | "i kr)", is one phrase however
 * its words fall). */
static size_t header_lines_above(const struct layout_page *lp, const struct srow *rows, size_t r0, const float *cx0,
				 const float *cx1, int ncols)
{
	for (int k = 0; k < TBL_WRAP_LINES && r0 > 0 && rows[r0 - 1].n == 1; k++) {
		const struct doc_line *l = &lp->lines[rows[r0 - 1].idx[0]];
		int col[TBL_PART_WORDS], phrase = 0;

		if (lp->used[rows[r0 - 1].idx[0]] ||
		    rows[r0].y0 - rows[r0 - 1].y1 > TBL_RUN_GAP * (rows[r0 - 1].y1 - rows[r0 - 1].y0) ||
		    !parts_by_word(l, cx0, cx1, ncols, col))
			break;
		for (size_t w = 1; w < l->nwords; w++)
			phrase |= col[w] != col[w - 1] && continues(l->words[w].text);
		if (phrase)
			break;
		r0--;
	}
	return r0;
}

/* Builds one stream table from rows [r0, r1) if its columns qualify. */
static int stream_table(struct doc *doc, struct layout_page *lp, struct srow *rows, size_t r0, size_t r1)
{
	float cx0[TBL_MAX_COLS], cx1[TBL_MAX_COLS];
	int ncols = stream_columns(lp, rows, r0, r1, cx0, cx1), rc = 0;
	struct doc_table *t;

	if (ncols < 2 || !stream_qualifies(lp, rows, r0, r1, cx0, cx1, ncols) ||
	    axis_ticks(lp, rows, r0, r1, cx0, cx1, ncols))
		return 0;
	r0 = header_lines_above(lp, rows, r0, cx0, cx1, ncols);
	t = doc_add_table(doc, "stream");
	if (!t)
		return EX_ENOMEM;
	t->page_first = t->page_last = lp->page;
	t->has_box = 1;
	t->box = (struct box){ cx0[0], rows[r0].y0, cx1[ncols - 1], rows[r1 - 1].y1 };
	for (size_t r = r0; r < r1; r++)
		for (size_t k = 0; k < rows[r].n; k++) {
			t->box.x0 = fminf(t->box.x0, lp->lines[rows[r].idx[k]].box.x0);
			t->box.x1 = fmaxf(t->box.x1, lp->lines[rows[r].idx[k]].box.x1);
		}
	/* Rows [r, e) are one table row: a row and its label's other lines. */
	size_t head = header_block(lp, rows, r0, r1, cx0, cx1, ncols);

	for (size_t r = r0, e, out = 0; r < r1 && rc == 0; r = e, out++) {
		e = label_row(lp, rows, r0, r1, r, cx0, cx1, ncols) == r + 1 ? r + 2 : r + 1;
		while (e < r1 && label_row(lp, rows, r0, r1, e, cx0, cx1, ncols) == e - 1)
			e++;
		if (r == r0 && head > e)
			e = head;   /* the header's lines, one row */
		for (int c = 0; c < ncols && rc == 0; c++) {
			const char *parts[16];
			size_t np = 0;
			struct doc_cell *x;

			for (size_t q = r; q < e; q++)
				for (size_t k = 0; k < rows[q].n && np < 16; k++) {
					const struct doc_line *l = &lp->lines[rows[q].idx[k]];
					int col[TBL_PART_WORDS];

					if (parts_by_word(l, cx0, cx1, ncols, col)) {
						if ((parts[np] = words_in(doc->arena, l, col, c)))
							np++;
						lp->used[rows[q].idx[k]] = 1;
					} else if (seg_column(lp, &rows[q], k, cx0, cx1, ncols) == c) {
						parts[np++] = layout_line_text(doc->arena, l);
						lp->used[rows[q].idx[k]] = 1;
					}
				}
			x = doc_table_add_cell(doc, t, (int)out, c, np ? norm_join_lines(doc->arena, parts, np) : "");
			if (!x) {
				rc = EX_ENOMEM;
				break;
			}
			x->has_box = 1;
			x->box = (struct box){ cx0[c], rows[r].y0, cx1[c], rows[e - 1].y1 };
		}
	}
	t->header_rows = header_rows(t);
	if (rc == 0) {
		int *p = ARENA_PUSH(doc->arena, lp->tables, lp->ntables, lp->cap_tables);

		if (!p)
			return EX_ENOMEM;
		*p = (int)doc->ntables - 1;
	}
	return rc;
}

static int cmp_row_y(const void *a, const void *b)
{
	float x = ((const struct srow *)a)->y0, y = ((const struct srow *)b)->y0;

	return (x > y) - (x < y);
}

/* Whether line l is a sign alone: an empty cell's dash. */
static int lone_sign(const struct doc_line *l)
{
	return l->nwords == 1 && numeric(l->words[0].text) && !strpbrk(l->words[0].text, "0123456789");
}

/* The free segments of lp (no ruled table took them) in rows whose
 * vertical middles agree, top to bottom, each left to right; *n rows. */
static struct srow *stream_rows(struct doc *doc, struct layout_page *lp, size_t *n)
{
	struct srow *rows = arena_alloc(doc->arena, sizeof(*rows) * (lp->nlines + 1));
	size_t nrows = 0;

	if (!rows)
		return NULL;
	for (size_t i = 0; i < lp->nlines; i++) {
		const struct box *b = &lp->lines[i].box;
		float cy = (b->y0 + b->y1) / 2, h = b->y1 - b->y0;
		size_t r;

		/* (a line turned up or down the page, a chart's axis title, is
		 * no row's) */
		if (lp->used[i] || h <= 0 || (lp->lines[i].nwords && lp->lines[i].words[0].flags & DOC_WORD_TURNED))
			continue;
		/* an empty cell's dash on a scan, its box a flat bar of ink
		 * (0.9 points high, its middle 0.7 off its row's; under
		 * TBL_FLAT of its row's height, where a font's dash has the
		 * font's), goes by the row's height */
		int sign = lone_sign(&lp->lines[i]);

		for (r = 0; r < nrows; r++) {
			float hr = rows[r].y1 - rows[r].y0, band = sign && h < TBL_FLAT * hr ? hr : h;

			if (fabsf((rows[r].y0 + rows[r].y1) / 2 - cy) < band * TBL_ROW_BAND)
				break;
		}
		if (r == nrows) {
			rows[nrows].idx = arena_alloc(doc->arena, sizeof(size_t) * (lp->nlines + 1));
			if (!rows[nrows].idx)
				return NULL;
			rows[nrows].y0 = b->y0;
			rows[nrows].y1 = b->y1;
			nrows++;
		}
		rows[r].idx[rows[r].n++] = i;
		rows[r].y0 = fminf(rows[r].y0, b->y0);
		rows[r].y1 = fmaxf(rows[r].y1, b->y1);
	}
	qsort(rows, nrows, sizeof(*rows), cmp_row_y);
	for (size_t r = 0; r < nrows; r++)
		qsort_r(rows[r].idx, rows[r].n, sizeof(size_t), cmp_line_x, lp->lines);
	*n = nrows;
	return rows;
}

/* How many rows after row r (of a run that began at start, rows of
 * height h) the run goes on by: 1, the next row close below with two or
 * more segments; 2, a wrapped label or a one-cell header line and the
 * row after it; 0, the run ends at r. */
/* Whether row r, after a run whose rows have at most `most` segments, is
 * a line of justified
 * prose whose stretched spaces parted every word (a monospaced font's
 * justification): segments of one word each, none a number, spaced alike,
 * more of them than any row of the run has by TBL_PROSE_EXTRA. */
#define TBL_PROSE_EXTRA 2
#define TBL_PROSE_EVEN 1.5f   /* its widest space at most this many times its narrowest */
static int prose_line(const struct layout_page *lp, const struct srow *rows, size_t most, size_t r)
{
	if (rows[r].n < most + TBL_PROSE_EXTRA)
		return 0;
	float lo = 1e9f, hi = 0;

	for (size_t k = 0; k < rows[r].n; k++) {
		const struct doc_line *l = &lp->lines[rows[r].idx[k]];

		if (l->nwords != 1 || numeric(l->words[0].text))
			return 0;
		if (k) {   /* justified: its spaces stretched alike */
			float gap = l->box.x0 - lp->lines[rows[r].idx[k - 1]].box.x1;

			lo = fminf(lo, gap);
			hi = fmaxf(hi, gap);
		}
	}
	return hi <= lo * TBL_PROSE_EVEN;
}

/* A run of rows so far: its first row, the most segments a row of it
 * has, and the x-extent of its rows, kept as rows join it (a search back
 * from each row was quadratic in the run's length). */
struct run {
	size_t start, most;
	float x0, x1;
};

/* Rows [from, to] join run. */
static void run_take(struct run *run, const struct layout_page *lp, const struct srow *rows, size_t from, size_t to)
{
	for (size_t q = from; q <= to; q++) {
		run->most = rows[q].n > run->most ? rows[q].n : run->most;
		run->x0 = fminf(run->x0, lp->lines[rows[q].idx[0]].box.x0);
		run->x1 = fmaxf(run->x1, lp->lines[rows[q].idx[rows[q].n - 1]].box.x1);
	}
}

/* Whether line l is a spanner over the columns of numbers of row below
 * ("Projected enrollment, in thousands" over rows of numbers): it starts
 * right of the label that row starts with, and the row holds numbers. */
static int spanner(const struct layout_page *lp, const struct doc_line *l, const struct srow *below)
{
	return below->n >= 2 && l->box.x0 > lp->lines[below->idx[0]].box.x1 + TBL_SPAN_SLACK_PT &&
	       numbers_in(lp, below);
}

/* Whether the k one-cell lines after row r are each short (or end in
 * the label column, as a statement's group headings do), within the
 * span of the run's rows and of the row under them, none a label's
 * lower-case going on, and with at_labels, none starting right of the
 * labels under them. */
static int header_lines_inside(const struct layout_page *lp, const struct srow *rows, const struct run *run,
			       size_t r, size_t k, int at_labels)
{
	const struct doc_line *L = lp->lines;
	const struct srow *below = &rows[r + k + 1];
	float x0 = fminf(run->x0, L[below->idx[0]].box.x0);
	float x1 = fmaxf(run->x1, L[below->idx[below->n - 1]].box.x1);

	float cells = L[below->idx[below->n - 1]].box.x0;   /* where the label column ends: */

	for (size_t j = below->n; j-- > 0;)   /* the first cells of numbers under them */
		if (numeric_line(&L[below->idx[j]]))
			cells = L[below->idx[j]].box.x0;

	for (size_t q = r + 1; q <= r + k; q++) {
		const struct box *b = &L[rows[q].idx[0]].box;

		/* (a group's label may stand out left of the labels by an indent;
		 * a spanner right over a row's columns of numbers, "Projected
		 * enrollment, in thousands", may be as wide as they, when that
		 * row's label starts where the run's do or left of them: not
		 * over a header row of its own, "Proportion" set in from the
		 * labels above, the next table's) */
		int span = q == r + k && spanner(lp, &L[rows[q].idx[0]], below) &&
			   L[below->idx[0]].box.x0 <= run->x0 + TBL_ALIGN_PT;

		/* (a group's heading alone between blank lines, at the labels,
		 * may reach over the first columns of numbers: "Highest
		 * enrollment after bachelor's degree by 2003") */
		int heading = at_labels && k == 1 && (b->x1 - b->x0) * TBL_HEADING_SHARE < x1 - x0;

		if (b->x0 < x0 - TBL_SPAN_SLACK_PT - (b->y1 - b->y0) || b->x1 > x1 + TBL_SPAN_SLACK_PT ||
		    ((b->x1 - b->x0) * TBL_HEADER_SHARE >= x1 - x0 && b->x1 >= cells && !span && !heading))
			return 0;
		const struct doc_line *l = &L[rows[q].idx[0]];
		const char *last = l->nwords ? l->words[l->nwords - 1].text : "";

		if (l->nwords && continues(l->words[0].text) && q == r + 1)
			return 0;   /* a label going on ("index)"), which heads nothing; under a
				     * group's first line, that line going on ("Highest enrollment
				     * after bachelor's" over "degree by 2003") */
		if (last[0] && last[strlen(last) - 1] == '.' && l->nwords >= TBL_LIST_WORDS)
			return 0;   /* a sentence */
		if (at_labels && b->x0 > L[below->idx[0]].box.x0 + TBL_ALIGN_PT && !span)
			return 0;
	}
	return 1;
}

/* Whether row b, one segment, is cells run together under row a of two
 * or more: numbers in it end where two or more of a's segments end
 * ("Bidrag från kommunen 758 421 905 881 319 040" under "2025 2024
 * 2024", right aligned, set too close for the text layer to part). */
static int cells_under(const struct layout_page *lp, const struct srow *a, const struct srow *b)
{
	const struct doc_line *l = &lp->lines[b->idx[0]];
	size_t hits = 0;

	if (a->n < 2 || b->n != 1)
		return 0;
	for (size_t k = 0; k < a->n; k++) {
		const struct box *s = &lp->lines[a->idx[k]].box;

		for (size_t w = 0; w < l->nwords; w++)
			if (fabsf(l->words[w].box.x1 - s->x1) <= TBL_ALIGN_PT && numeric(l->words[w].text)) {
				hits++;
				break;
			}
	}
	return hits >= 2;
}

/* How many rows after row r the run goes on by for labels wrapped
 * onto lines of their own, 0 if none are (see run_goes_on). */
static int wrapped_labels(const struct layout_page *lp, const struct srow *rows, size_t nrows, const struct run *run,
			  size_t r, float h)
{
	const struct doc_line *L = lp->lines;
	size_t start = run->start;

	/* Labels wrapped onto lines of their own ("Murder and nonnegligent"
	 * over "manslaughter . . . 10.0 …"; "kapital" under "Summa eget 4 808
	 * 296" then "Avskrivningar av" over its numbers' line) stay in: up to
	 * TBL_WRAP_LINES one-segment lines where the labels start, each close
	 * under the last, then a row of cells; or, ending the table, the
	 * last label's own lines going on (each starting small), under its
	 * row or under its line below its numbers. */
	size_t k = 0;

	while (k < TBL_WRAP_LINES && r + k + 1 < nrows && rows[r + k + 1].n == 1 &&
	       rows[r + k + 1].y0 - rows[r + k].y1 < TBL_WRAP_GAP * h &&
	       fabsf(L[rows[r + k + 1].idx[0]].box.x0 - L[rows[r].idx[0]].box.x0) < TBL_ALIGN_PT) {
		const struct doc_line *l = &L[rows[r + ++k].idx[0]];

		if (!(l->nwords && continues(l->words[0].text)))
			break;   /* not the row above going on: it starts the row below */
	}
	/* one line alone may also stand a little further off, as it did */
	if (!k && r + 2 < nrows && rows[r + 1].n == 1 && rows[r + 1].y0 - rows[r].y1 < TBL_RUN_GAP * h &&
	    fabsf(L[rows[r + 1].idx[0]].box.x0 - L[rows[r].idx[0]].box.x0) < TBL_ALIGN_PT)
		k = 1;
	/* (the row after them may stand as far below as the rows of the run
	 * stand apart: a table of rows set a blank line apart) */
	float apart_above = r > start ? rows[r].y0 - rows[r - 1].y1 + TBL_ALIGN_PT : 0;

	if (k && r + k + 1 < nrows && rows[r + k + 1].n >= 2 &&
	    rows[r + k + 1].y0 - rows[r + k].y1 < fmaxf(TBL_WRAP_GAP * h, apart_above) &&
	    fabsf(L[rows[r + k + 1].idx[0]].box.x0 - L[rows[r].idx[0]].box.x0) < TBL_ALIGN_PT &&
	    (rows[r + 1].y0 - rows[r].y1 < TBL_WRAP_GAP * h || numbers_in(lp, &rows[r + k + 1])))
		return (int)k + 1;   /* (one standing off: over numbers, not over a header row of years) */
	if (k && (rows[r].n >= 2 || (r > start && straddles(lp, &rows[r - 1], &rows[r], h))) &&
	    rows[r + 1].y0 - rows[r].y1 < TBL_WRAP_GAP * h) {
		size_t m = 0;   /* its lines going on, each starting small */

		while (m < k && L[rows[r + m + 1].idx[0]].nwords && continues(L[rows[r + m + 1].idx[0]].words[0].text))
			m++;
		if (m)
			return (int)m;
	}
	return 0;
}

/* Whether row is a header row of periods alone ("2021  2020", balance
 * dates, ranges): every segment a year, a date or a range's start. */
static int periods_row(const struct layout_page *lp, const struct srow *row)
{
	for (size_t k = 0; k < row->n; k++) {
		const struct doc_line *l = &lp->lines[row->idx[k]];

		if (!(l->nwords == 1 && period_like(l->words[0].text)) && !range_start(l))
			return 0;
	}
	return row->n > 0;
}

static int run_goes_on(const struct layout_page *lp, const struct srow *rows, size_t nrows, const struct run *run,
		       size_t r, float h)
{
	const struct doc_line *L = lp->lines;
	size_t start = run->start;

	if (r + 1 < nrows && straddles(lp, &rows[r], &rows[r + 1], h))
		return 1;

	/* A caption under the rows ("Diagram 2: Hur trygg …") heads the next
	 * table: it ends this one. */
	if (r + 1 < nrows && rows[r + 1].n == 1 && layout_caption_line(&L[rows[r + 1].idx[0]]))
		return 0;
	if (r + 1 < nrows && (rows[r + 1].n >= 2 || cells_under(lp, &rows[r], &rows[r + 1])) &&
	    rows[r + 1].y0 - rows[r].y1 < TBL_RUN_GAP * h)
		return !prose_line(lp, rows, run->most, r + 1);
	int wrapped = wrapped_labels(lp, rows, nrows, run, r, h);

	if (wrapped)
		return wrapped;
	/* A header row with no label that starts the run ("Not 2018/2019
	 * 2017/2018", right of the labels) over a line of the label column
	 * ("Belopp i kr") close under it, over the body (a rule's room
	 * between them, as a head rule leaves). */
	if (r + 2 < nrows && rows[r + 1].n == 1 && rows[r + 2].n >= 2 &&
	    rows[r + 1].y0 - rows[r].y1 < TBL_WRAP_GAP * h && rows[r + 2].y0 - rows[r + 1].y1 < TBL_RUN_GAP * h &&
	    fabsf(L[rows[r + 1].idx[0]].box.x0 - L[rows[r + 2].idx[0]].box.x0) < TBL_ALIGN_PT &&
	    L[rows[r].idx[0]].box.x0 > L[rows[r + 2].idx[0]].box.x1 && r == start)
		return 2;
	/* Header lines with one cell each ("Revenue &" over "Capital", a
	 * group header over two columns; a label's last line, a group and
	 * its subgroup: "Native", "Sex, by race/ethnicity", "Male"): up to
	 * TBL_WRAP_LINES, each short and close under the last, within the
	 * span of the run's rows, between rows of three or more cells (not a
	 * page's title lines, which come in ones and twos). */
	size_t k = 0;

	while (k < TBL_WRAP_LINES && r + k + 2 < nrows && rows[r + k + 1].n == 1 &&
	       rows[r + k + 1].y0 - rows[r + k].y1 < (k ? TBL_WRAP_GAP : TBL_GROUP_GAP) * h)
		k++;
	/* (a blank line's room above the first, as a statement sets its
	 * groups apart, when the row under them is one of numbers, a table
	 * after a heading starting with a header row of its own, and the
	 * lines start where the labels do: a title over the next table's
	 * columns is centred over them) */
	int apart = rows[r + 1].y0 - rows[r].y1 >= TBL_WRAP_GAP * h;

	/* (set apart above, a group's label may be set apart below too,
	 * "Female" between blank lines over its rows of numbers; in a run of
	 * three or more columns the row under the headings may hold a
	 * single value, "Receptive Vocabulary (TVIP)   NA" under "Spanish
	 * Language") */
	/* (but a heading over a header row of periods is the next table's
	 * title over its own header: "Resultaträkning (belopp i kr)" over
	 * "2021  2020" under a Flerårsöversikt's rows) */
	if (k && (rows[r].n >= 3 || run->most >= 3) && rows[r + k + 1].n >= (run->most >= 3 ? 2 : 3) &&
	    rows[r + k + 1].y0 - rows[r + k].y1 < (apart ? TBL_GROUP_GAP : TBL_WRAP_GAP) * h &&
	    (!apart || numbers_in(lp, &rows[r + k + 1])) &&
	    !periods_row(lp, &rows[r + k + 1]))
		return header_lines_inside(lp, rows, run, r, k, apart) ? (int)k + 1 : 0;
	return 0;
}

/* Where rows [r0, r1) stop being a table: at the first row after r0
 * that is a line of prose, alone or after its marker (a footnote under
 * the table that the run took in, "1 In 2008 and 2009, some students of
 * both ..."), so that it ends the table instead of making a column of
 * prose of it; else r1. A long label beside its numbers is no prose. */
static size_t prose_end(const struct layout_page *lp, const struct srow *rows, size_t r0, size_t r1)
{
	for (size_t r = r0 + 1; r < r1; r++)
		for (size_t k = 0; k < rows[r].n && rows[r].n <= TBL_NOTE_SEGMENTS &&
				   !(rows[r].n == 1 && r + 1 < r1 && spanner(lp, &lp->lines[rows[r].idx[0]], &rows[r + 1]));
		     k++) {
			const struct doc_line *l = &lp->lines[rows[r].idx[k]];
			size_t chars = 0;

			for (size_t w = 0; w < l->nwords; w++)
				chars += strlen(l->words[w].text) + 1;
			if (chars > TBL_PROSE_CHARS)
				return r;
		}
	return r1;
}

/* A column of running text set beside a table ("disparities in heart
 * disease and stroke among persons who already", the article going on
 * right of the figures): lines of TBL_SIDE_WORDS words or more starting
 * at one x, TBL_SIDE_LINES of them or more, some on a line of the page
 * with a segment left of them that ends before that x. Those lines and
 * every other line of two words or more starting at that x are marked
 * SIDE in lp->used, so that rows and runs are made without them. */
#define SIDE 2
static void side_text(struct layout_page *lp)
{
	/* Each long line: whether a line of numbers stands level with it
	 * on its left (the lines of numbers found once, first). */
	unsigned char *beside = calloc(lp->nlines + 1, 1), *num = calloc(lp->nlines + 1, 1);

	if (!beside || !num) {
		free(beside);
		free(num);
		return;   /* (no marks: the tables as without this) */
	}
	for (size_t k = 0; k < lp->nlines; k++)
		num[k] = numeric_line(&lp->lines[k]);
	for (size_t i = 0; i < lp->nlines; i++) {
		const struct doc_line *b = &lp->lines[i];

		if (b->nwords < TBL_SIDE_WORDS || num[i])
			continue;
		beside[i] = 1;   /* a long line; 2 with numbers beside */
		for (size_t k = 0; k < lp->nlines && beside[i] == 1; k++) {
			const struct doc_line *c = &lp->lines[k];

			if (num[k] && c->box.x1 < b->box.x0 - TBL_SPAN_SLACK_PT &&
			    fabsf((c->box.y0 + c->box.y1) / 2 - (b->box.y0 + b->box.y1) / 2) <
				    TBL_ROW_BAND * (b->box.y1 - b->box.y0))
				beside[i] = 2;
		}
	}
	for (size_t i = 0; i < lp->nlines; i++) {
		size_t at = 0, level = 0;

		if (beside[i] != 2 || lp->used[i])
			continue;
		for (size_t j = 0; j < lp->nlines; j++)
			if (beside[j] && fabsf(lp->lines[j].box.x0 - lp->lines[i].box.x0) <= TBL_ALIGN_PT) {
				at++;
				level += beside[j] == 2;
			}
		if (at < TBL_SIDE_LINES || level < TBL_SIDE_BESIDE)
			continue;
		for (size_t j = 0; j < lp->nlines; j++)
			if (!lp->used[j] && lp->lines[j].nwords >= 2 &&
			    fabsf(lp->lines[j].box.x0 - lp->lines[i].box.x0) <= TBL_ALIGN_PT)
				lp->used[j] = SIDE;
	}
	free(beside);
	free(num);
}

/* Whether line l is digits in thousands groups: "343", "528 100" when
 * lead is 0 (every group three digits), "-1 005", "–1 005", "10 359" when
 * lead is 1 (a first group of one to three digits, a minus sign of the
 * number grammar's or a bracket before it). */
static int grouped_digits(const struct doc_line *l, int lead)
{
	for (size_t k = 0; k < l->nwords; k++) {
		const char *t = l->words[k].text;
		size_t d;

		if (k == 0 && lead)
			t += *t == '(' ? 1 : numcut_minus(t);   /* -, –, − */
		d = strspn(t, "0123456789");
		if (t[d] || d == 0 || d > 3 || ((k || !lead) && d != 3))
			return 0;
	}
	return l->nwords > 0;
}

/* Whether another line than a and b lies level with line b, left of it
 * and not of groups of digits: a label, so b's row is a row of its own. */
static int labelled(const struct layout_page *lp, size_t a, size_t b)
{
	const struct box *x = &lp->lines[b].box;
	float cy = (x->y0 + x->y1) / 2, h = x->y1 - x->y0;

	for (size_t i = 0; i < lp->nlines; i++) {
		const struct box *y = &lp->lines[i].box;

		if (i != a && i != b && !lp->used[i] && fabsf((y->y0 + y->y1) / 2 - cy) < h * TBL_ROW_BAND &&
		    y->x1 <= x->x0 && !grouped_digits(&lp->lines[i], 0))
			return 1;
	}
	return 0;
}

/* A number wrapped in a narrow cell ("-1 005" over "343": a browser's
 * print breaks a cell's line at a thousands space): a line of whole
 * groups of three digits, no label level with it, right under a number
 * in thousands groups that a label stands level with, the two of one
 * height, ending together (within TBL_ALIGN_PT) and within a line height
 * apart, is the number's end. Its words join the number's line (whose
 * box keeps its first line's height: rows are found by their middles)
 * and the line goes, so the number is read whole wherever it ends up. */
static int wrapped_numbers(struct doc *doc, struct layout_page *lp)
{
	for (size_t b = 0; b < lp->nlines; b++) {
		const struct doc_line *lb = &lp->lines[b];
		size_t a = 0;

		if (lp->used[b] || !grouped_digits(lb, 0))
			continue;
		for (; a < lp->nlines; a++) {
			const struct box *x = &lp->lines[a].box, *y = &lb->box;
			float h = x->y1 - x->y0;

			if (a != b && !lp->used[a] && fabsf(x->x1 - y->x1) <= TBL_ALIGN_PT && y->y0 >= x->y1 - h / 2 &&
			    y->y0 - x->y1 <= TBL_WRAP_GAP * h && fabsf((y->y1 - y->y0) - h) < h / 4 &&
			    grouped_digits(&lp->lines[a], 1) && labelled(lp, b, a) && !labelled(lp, a, b))
				break;
		}
		if (a == lp->nlines)
			continue;
		struct doc_line *la = &lp->lines[a];
		struct doc_word *w = arena_alloc(doc->arena, sizeof(*w) * (la->nwords + lb->nwords));

		if (!w)
			return EX_ENOMEM;
		memcpy(w, la->words, sizeof(*w) * la->nwords);
		memcpy(w + la->nwords, lb->words, sizeof(*w) * lb->nwords);
		w[la->nwords - 1].space_after = 1;
		la->words = w;
		la->nwords += lb->nwords;
		la->box.x0 = fminf(la->box.x0, lb->box.x0);   /* (its height the first line's: rows go by middles) */
		memmove(&lp->lines[b], &lp->lines[b + 1], sizeof(*lp->lines) * (lp->nlines - b - 1));
		memmove(&lp->used[b], &lp->used[b + 1], lp->nlines - b - 1);
		lp->nlines--;
		b--;
	}
	return 0;
}

int tbl_find_stream(struct doc *doc, struct layout_page *lp)
{
	struct srow *rows;
	size_t nrows = 0;
	int rc = 0;

	if (!lp->used && !(lp->used = arena_alloc(doc->arena, lp->nlines + 1)))
		return EX_ENOMEM;
	side_text(lp);
	if (wrapped_numbers(doc, lp))
		return EX_ENOMEM;
	rows = stream_rows(doc, lp, &nrows);
	for (size_t i = 0; i < lp->nlines; i++)   /* the text beside is the layout's again */
		if (lp->used[i] == SIDE)
			lp->used[i] = 0;
	if (!rows)
		return EX_ENOMEM;
	/* Runs of close rows with two or more segments each. */
	for (size_t r = 0; r < nrows && rc == 0;) {
		struct run run = { r, 0, 1e9f, -1e9f };
		float h = rows[r].y1 - rows[r].y0;
		int more;

		if (rows[r].n < 2) {
			r++;
			continue;
		}
		/* a first row whose label's first line stands above it */
		if (r > 0 && !(lp->used[rows[r - 1].idx[0]]) && straddles(lp, &rows[r - 1], &rows[r], h))
			run.start = r - 1;
		run_take(&run, lp, rows, run.start, r);
		while ((more = run_goes_on(lp, rows, nrows, &run, r, h)) > 0) {
			run_take(&run, lp, rows, r + 1, r + (size_t)more);
			r += (size_t)more;
		}
		rc = stream_table(doc, lp, rows, run.start, prose_end(lp, rows, run.start, r + 1));
		r++;
	}
	return rc;
}

void tbl_sort(const struct doc *doc, struct layout_page *lp)
{
	for (size_t i = 1; i < lp->ntables; i++)
		for (size_t j = i; j > 0 && doc->tables[lp->tables[j]].box.y0 <
					  doc->tables[lp->tables[j - 1]].box.y0; j--) {
			int x = lp->tables[j];

			lp->tables[j] = lp->tables[j - 1];
			lp->tables[j - 1] = x;
		}
}
