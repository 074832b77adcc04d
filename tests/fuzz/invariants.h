/* invariants.h: what every document a reader returns must satisfy,
 * whatever the input: pages numbered in range, blocks on existing
 * pages, boxes inside their page, tables referenced in range, valid
 * UTF-8 everywhere, and a writer that can render it. */
#ifndef EX_FUZZ_INVARIANTS_H
#define EX_FUZZ_INVARIANTS_H

#include <stdlib.h>
#include <string.h>

#include "../../model/doc.h"
#include "../../model/norm.h"
#include "../../output/out.h"
#include "../../parsers/ocr.h"

#define INV(c) do { if (!(c)) abort(); } while (0)

/* What a reader that may OCR is given under the fuzzer: one OCR service
 * for the whole run (each document made its own, loading Tesseract's
 * models again: 5 runs a second) and renders at FUZZ_DPI, small enough
 * that a page is drawn and read in milliseconds while every path from
 * render to layout is still taken (Tesseract reads a noisy A4 page at 50
 * dpi in 130 ms, its doubted lines again in 85: at 36 dpi the PDF target
 * ran 44 inputs a second where it ran 24, from the same corpus and seed). */
#define FUZZ_DPI 36

/* Images of more pixels than this in a PDF page to be OCR'd are read a
 * row at a time by Splash, or not at all when their decoder makes them
 * whole (150 M outside fuzz builds): small, so scans of the corpus take
 * that path too. */
#define FUZZ_IMAGE_BUDGET 2e5

/* Tesseract's LSTM reads a line in time by its length over its height,
 * whatever the resolution: a page of text cost 0.5 s even at FUZZ_DPI,
 * and such pages are a sixth of a grown corpus and most of its time. A
 * recognition stops after this many of its words (lines, mostly); the
 * pages' words past them come out empty, a path a real page takes too. */
#define FUZZ_OCR_WORDS 8

static inline struct ocr_service *fuzz_ocr_service(void)
{
	static struct ocr_service *s;

	if (!s && (s = ocr_service_new(NULL, 0)))
		ocr_service_cap_words(s, FUZZ_OCR_WORDS);
	return s;   /* (NULL: each document tries for itself, as without) */
}

static void check_invariants(const struct doc *d)
{
	struct out_opts o = { .compact = 1 };
	char *s;

	for (size_t i = 0; i < d->npages; i++)
		INV(d->pages[i].width >= 0 && d->pages[i].height >= 0);
	for (size_t i = 0; i < d->nblocks; i++) {
		const struct doc_block *b = &d->blocks[i];
		int found = 0;

		INV(b->text != NULL);
		INV(norm_valid_utf8(b->text, strlen(b->text)));
		for (size_t p = 0; p < d->npages; p++)
			if (d->pages[p].number == b->page) {
				found = 1;
				if (b->has_box && d->pages[p].width > 0) {
					INV(b->box.x0 <= b->box.x1 && b->box.y0 <= b->box.y1);
				}
			}
		INV(found);
		if (b->type == DOC_BLK_TABLE)
			INV(b->table >= 0 && (size_t)b->table < d->ntables);
	}
	for (size_t t = 0; t < d->ntables; t++)
		for (size_t c = 0; c < d->tables[t].ncells; c++) {
			const struct doc_cell *x = &d->tables[t].cells[c];

			INV(x->row >= 0 && x->col >= 0 && x->row < d->tables[t].nrows);
			INV(norm_valid_utf8(x->text, strlen(x->text)));
		}
	s = out_json(d, &o);
	INV(s != NULL);
	free(s);
}

#endif
