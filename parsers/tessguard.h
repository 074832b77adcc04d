/* tessguard.h: Tesseract's C API lets C++ exceptions through
 * (std::bad_alloc when memory runs short, in layout and recognition);
 * one reaching ocr.c's C frames would end the process, and with it a
 * whole batch. ocr.c calls the functions it loaded through these,
 * which turn an exception into a return code. */
#ifndef EX_TESSGUARD_H
#define EX_TESSGUARD_H

#include <tesseract/capi.h>

#ifdef __cplusplus
extern "C" {
#endif

enum { TG_OK = 0, TG_FAIL = -1, TG_NOMEM = -2 };

/* f(api, monitor): TG_OK, or TG_FAIL when it returned non-zero or threw. */
int tg_recognize(int (*f)(TessBaseAPI *, ETEXT_DESC *), TessBaseAPI *api, ETEXT_DESC *monitor);
int tg_set_image(void (*f)(TessBaseAPI *, struct Pix *), TessBaseAPI *api, struct Pix *pix);
/* *it = f(api); TG_FAIL with *it NULL when it threw. */
int tg_iterator(TessResultIterator *(*f)(TessBaseAPI *), TessBaseAPI *api, TessResultIterator **it);
/* *text = f(it, level); TG_FAIL with *text NULL when it threw. */
int tg_word_text(char *(*f)(const TessResultIterator *, TessPageIteratorLevel), const TessResultIterator *it,
		 TessPageIteratorLevel level, char **text);
/* f(it, level): 1 when there is a next, 0 at the end, TG_* when it threw. */
int tg_next(BOOL (*f)(TessResultIterator *, TessPageIteratorLevel), TessResultIterator *it,
	    TessPageIteratorLevel level);
/* *copy = f(it); TG_FAIL with *copy NULL when it threw. */
int tg_copy(TessResultIterator *(*f)(const TessResultIterator *), const TessResultIterator *it,
	    TessResultIterator **copy);
/* f(api, datapath, lang): 0, or TG_FAIL / TG_NOMEM. */
int tg_init(int (*f)(TessBaseAPI *, const char *, const char *), TessBaseAPI *api, const char *lang);

#ifdef __cplusplus
}
#endif
#endif
