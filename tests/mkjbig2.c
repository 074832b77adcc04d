/* mkjbig2: a picture as a JBIG2 stream as a PDF embeds it (segments,
 * no file header, the page ending with the stream): a page of one
 * generic region coded MMR, each of the picture's pixels a square of
 * k x k pixels, black where it is dark.
 * Bilevel scanners and archive converters store their pages so.
 *   mkjbig2 IN K OUT.jb2
 * prints the stream's width and height. */
#include <leptonica/allheaders.h>
#include <stdint.h>
#include <stdio.h>

static void u32(FILE *f, uint32_t v)
{
	putc((int)(v >> 24), f);
	putc((int)(v >> 16 & 0xFF), f);
	putc((int)(v >> 8 & 0xFF), f);
	putc((int)(v & 0xFF), f);
}

/* A segment's header: its number and type, of page 1, data n bytes. */
static void segment(FILE *f, uint32_t number, int type, uint32_t n)
{
	u32(f, number);
	putc(type, f);     /* a page association of one byte */
	putc(0, f);        /* no segment referred to */
	putc(1, f);
	u32(f, n);
}

int main(int argc, char **argv)
{
	PIX *in, *bw, *big;
	L_COMP_DATA *g4 = NULL;
	FILE *f;
	int k;

	if (argc != 4 || (k = atoi(argv[2])) < 1) {
		fprintf(stderr, "usage: mkjbig2 IN K OUT.jb2\n");
		return 2;
	}
	setLeptDebugOK(0);
	in = pixRead(argv[1]);
	bw = in ? pixConvertTo1(in, 128) : NULL;
	big = bw ? pixExpandReplicate(bw, k) : NULL;
	if (!big || pixGenerateCIData(big, L_G4_ENCODE, 0, 0, &g4) != 0 || !(f = fopen(argv[3], "wb"))) {
		fprintf(stderr, "mkjbig2: %s: cannot read or code it\n", argv[1]);
		return 1;
	}
	uint32_t w = (uint32_t)pixGetWidth(big), h = (uint32_t)pixGetHeight(big);

	segment(f, 0, 48, 19);                    /* page information */
	u32(f, w);
	u32(f, h);
	u32(f, 0);
	u32(f, 0);
	putc(0, f);
	putc(0, f);
	putc(0, f);
	segment(f, 1, 38, 18 + (uint32_t)g4->nbytescomp);   /* immediate generic region */
	u32(f, w);
	u32(f, h);
	u32(f, 0);
	u32(f, 0);
	putc(0, f);                               /* combined by OR */
	putc(1, f);                               /* coded MMR (T.6) */
	fwrite(g4->datacomp, 1, g4->nbytescomp, f);
	if (fclose(f) != 0)
		return 1;
	printf("%u %u\n", w, h);
	l_CIDataDestroy(&g4);
	pixDestroy(&big);
	pixDestroy(&bw);
	pixDestroy(&in);
	return 0;
}
