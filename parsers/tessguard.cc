// tessguard.cc: Tesseract's C functions called inside try; see tessguard.h.
#include "tessguard.h"

#include <new>

namespace {

// The code an exception in flight stands for.
int caught()
{
	try {
		throw;
	} catch (const std::bad_alloc &) {
		return TG_NOMEM;
	} catch (...) {
		return TG_FAIL;
	}
}

} // namespace

extern "C" int tg_recognize(int (*f)(TessBaseAPI *, ETEXT_DESC *), TessBaseAPI *api, ETEXT_DESC *monitor)
{
	try {
		return f(api, monitor) == 0 ? TG_OK : TG_FAIL;
	} catch (...) {
		return caught();
	}
}

extern "C" int tg_set_image(void (*f)(TessBaseAPI *, struct Pix *), TessBaseAPI *api, struct Pix *pix)
{
	try {
		f(api, pix);
		return TG_OK;
	} catch (...) {
		return caught();
	}
}

extern "C" int tg_iterator(TessResultIterator *(*f)(TessBaseAPI *), TessBaseAPI *api, TessResultIterator **it)
{
	*it = nullptr;
	try {
		*it = f(api);
		return TG_OK;
	} catch (...) {
		return caught();
	}
}

extern "C" int tg_word_text(char *(*f)(const TessResultIterator *, TessPageIteratorLevel),
			    const TessResultIterator *it, TessPageIteratorLevel level, char **text)
{
	*text = nullptr;
	try {
		*text = f(it, level);
		return TG_OK;
	} catch (...) {
		return caught();
	}
}

extern "C" int tg_next(BOOL (*f)(TessResultIterator *, TessPageIteratorLevel), TessResultIterator *it,
		       TessPageIteratorLevel level)
{
	try {
		return f(it, level) ? 1 : 0;
	} catch (...) {
		return caught();
	}
}

extern "C" int tg_init(int (*f)(TessBaseAPI *, const char *, const char *), TessBaseAPI *api, const char *lang)
{
	try {
		return f(api, nullptr, lang) == 0 ? TG_OK : TG_FAIL;
	} catch (...) {
		return caught();
	}
}

extern "C" int tg_copy(TessResultIterator *(*f)(const TessResultIterator *), const TessResultIterator *it,
		       TessResultIterator **copy)
{
	*copy = nullptr;
	try {
		*copy = f(it);
		return TG_OK;
	} catch (...) {
		return caught();
	}
}
