/* degrade: a page image made to look scanned, for the OCR bench and
 * tests. Deterministic: the same arguments give the same pixels.
 *   degrade IN OUT [--skew DEG] [--noise SIGMA] [--blur R] [--jpeg Q]
 *                  [--rotate 90|180|270] [--typewriter] [--seed N] [--tiff]
 * --skew rotates by DEG degrees (white corners), --noise adds Gaussian
 * noise of SIGMA grey levels, --blur a box blur of half-width R pixels,
 * --typewriter thickens strokes unevenly and speckles the paper, --rotate
 * turns the page clockwise, --bilevel thresholds the page to black and
 * white (a fax or a bilevel scanner), --border N draws the dark edge a
 * copier leaves, N pixels wide, on the left and top; --jpeg Q writes OUT
 * as a JPEG of quality Q,
 * --tiff adds the page to OUT as a TIFF (LZW), so that several calls
 * make a multi-page scan; else OUT is a PNG. The image keeps IN's resolution, and its colour
 * when it has any (--typewriter works on grey pages only). */
#include <leptonica/allheaders.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t rng = 88172645463325252ull;

static double uniform(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (double)(rng >> 11) / 9007199254740992.0;
}

static double gauss(void)
{
	double u = uniform(), v = uniform();

	return sqrt(-2 * log(u > 1e-12 ? u : 1e-12)) * cos(2 * M_PI * v);
}

static int clamp(double v)
{
	return v < 0 ? 0 : v > 255 ? 255 : (int)v;
}

/* Gaussian noise on each channel, and speckles of dark dust. */
static void noise(PIX *p, double sigma, double speckle)
{
	int w = pixGetWidth(p), h = pixGetHeight(p), wpl = pixGetWpl(p), d = pixGetDepth(p);
	l_uint32 *data = pixGetData(p);

	for (int y = 0; y < h; y++) {
		l_uint32 *line = data + (size_t)y * (size_t)wpl;

		for (int x = 0; x < w; x++) {
			int dust = speckle > 0 && uniform() < speckle;
			double dv = 40 + 60 * uniform();

			if (d == 8) {
				SET_DATA_BYTE(line, x, clamp(dust ? dv : GET_DATA_BYTE(line, x) + sigma * gauss()));
				continue;
			}
			l_int32 r, g, b;

			extractRGBValues(line[x], &r, &g, &b);
			if (dust)
				r = g = b = (int)dv;
			composeRGBPixel(clamp(r + sigma * gauss()), clamp(g + sigma * gauss()),
					clamp(b + sigma * gauss()), &line[x]);
		}
	}
}

int main(int argc, char **argv)
{
	double skew = 0, sigma = 0;
	int blur = 0, jpeg = 0, rot = 0, typewriter = 0, tiff = 0, bilevel = 0, border = 0;
	l_int32 xres, yres;
	PIX *in, *p, *t;

	if (argc < 3) {
		fprintf(stderr, "usage: degrade IN OUT [--skew DEG] [--noise SIGMA] [--blur R] [--jpeg Q] "
			"[--rotate 90|180|270] [--typewriter] [--bilevel] [--border N] [--seed N] "
			"[--tiff]\n");
		return 2;
	}
	for (int i = 3; i < argc; i++) {
		const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;

		if (!strcmp(a, "--typewriter") || !strcmp(a, "--tiff") || !strcmp(a, "--bilevel")) {
			*(a[2] == 'b' ? &bilevel : a[3] == 'y' ? &typewriter : &tiff) = 1;
			continue;
		}
		if (!v) {
			fprintf(stderr, "degrade: %s needs a value\n", a);
			return 2;
		}
		i++;
		if (!strcmp(a, "--skew"))
			skew = atof(v);
		else if (!strcmp(a, "--noise"))
			sigma = atof(v);
		else if (!strcmp(a, "--blur"))
			blur = atoi(v);
		else if (!strcmp(a, "--jpeg"))
			jpeg = atoi(v);
		else if (!strcmp(a, "--border"))
			border = atoi(v);
		else if (!strcmp(a, "--rotate"))
			rot = atoi(v);
		else if (!strcmp(a, "--seed"))
			rng = 88172645463325252ull ^ (uint64_t)strtoull(v, NULL, 10) * 0x9E3779B97F4A7C15ull;
		else {
			fprintf(stderr, "degrade: unknown option %s\n", a);
			return 2;
		}
	}
	setMsgSeverity(L_SEVERITY_NONE);
	in = pixRead(argv[1]);
	if (!in) {
		fprintf(stderr, "degrade: %s: cannot read\n", argv[1]);
		return 1;
	}
	pixGetResolution(in, &xres, &yres);
	/* Colour stays colour (a rating's cell fill); the rest is grey. */
	p = pixGetDepth(in) == 32 ? pixClone(in) : pixConvertTo8(in, 0);
	pixDestroy(&in);
	if (typewriter && pixGetDepth(p) == 8) {
		/* Ink that spreads: strokes a pixel heavier, then uneven. */
		t = pixErodeGray(p, 3, 3);
		pixDestroy(&p);
		p = t;
	}
	if (skew != 0) {
		t = pixRotate(p, skew * M_PI / 180, L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, 0, 0);
		pixDestroy(&p);
		p = t;
	}
	if (blur > 0) {
		t = pixBlockconv(p, blur, blur);
		pixDestroy(&p);
		p = t;
	}
	if (border > 0) {
		/* The copier's lid: a dark band, ragged on its inner edge. */
		int w = pixGetWidth(p), h = pixGetHeight(p);
		l_uint32 dark = pixGetDepth(p) == 8 ? 30 : 0x1e1e1e00;

		for (int y = 0; y < h; y++)
			for (int x = 0; x < border + (int)(6 * uniform()); x++)
				pixSetPixel(p, x, y, dark);
		for (int x = 0; x < w; x++)
			for (int y = 0; y < border + (int)(6 * uniform()); y++)
				pixSetPixel(p, x, y, dark);
	}
	if (sigma > 0 || typewriter)
		noise(p, sigma, typewriter ? 0.0008 : 0);
	if (bilevel) {
		t = pixConvertTo1(p, 150);
		pixDestroy(&p);
		p = t;
	}
	if (rot == 90 || rot == 180 || rot == 270) {
		t = pixRotateOrth(p, rot / 90);
		pixDestroy(&p);
		p = t;
	}
	if (!p) {
		fprintf(stderr, "degrade: %s: leptonica failed\n", argv[1]);
		return 1;
	}
	pixSetResolution(p, xres, yres);
	if ((tiff ? pixWriteTiff(argv[2], p, IFF_TIFF_LZW, "a")
		  : jpeg > 0 ? pixWriteJpeg(argv[2], p, jpeg, 0) : pixWrite(argv[2], p, IFF_PNG)) != 0) {
		fprintf(stderr, "degrade: %s: cannot write\n", argv[2]);
		pixDestroy(&p);
		return 1;
	}
	pixDestroy(&p);
	return 0;
}
