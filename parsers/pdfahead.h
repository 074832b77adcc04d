/* pdfahead.h: the text layers of a PDF's pages read ahead, by helper
 * threads, while the reader finishes the page before (its words, layout,
 * tables). Each helper keeps a poppler document of its own (a poppler
 * document is one thread's at a time). A page's text does not depend on
 * which thread read it, nor in which order pages were read, so the
 * output is the same with any number of helpers, none included.
 *
 * Pages are asked for in ascending order. A page no helper has started
 * is the caller's to read: the caller never waits for a page a helper
 * has not begun. */
#ifndef EX_PDFAHEAD_H
#define EX_PDFAHEAD_H

#include <stddef.h>

#include "pdfdraw.h"

struct pdf_ahead;

/* Helpers (0 or more; 0 gives NULL, as does a failure to start any) read
 * pages first..last-1 (0-based) of the PDF in buf (n bytes, kept by the
 * caller until pdf_ahead_free), opened with password (or NULL). */
struct pdf_ahead *pdf_ahead_new(const void *buf, size_t n, const char *password, int first, int last,
				int helpers);

/* Page (0-based) of width w and height h (points, as shown): 1 with *t
 * filled (free with pdf_text_free) when a helper read it as
 * pdf_draw_text would; 0 when the caller reads it itself (no helper
 * started it, or the helper could not read it, or saw another size).
 * a may be NULL (always 0). */
int pdf_ahead_take(struct pdf_ahead *a, int page, double w, double h, struct pdf_text *t);

/* Stops the helpers (a page being read is finished first) and frees
 * what was read and not taken. */
void pdf_ahead_free(struct pdf_ahead *a);

#endif
