// pdfdraw.cc: a PDF page's stroked lines and filled rectangles through
// poppler's core interpreter (see pdfdraw.h).
#include "pdfdraw.h"

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <vector>

#include <Gfx.h>
#include <GfxState.h>
#include <GlobalParams.h>
#include <OutputDev.h>
#include <PDFDoc.h>
#include <Page.h>
#include <SplashOutputDev.h>
#include <Stream.h>
#include <TextOutputDev.h>
#include <splash/SplashBitmap.h>

namespace {

// Upright within a point across (1.4 pixels at 100 dpi: a rule drawn a
// little askew still shows as a rule).
constexpr double kAxis = 1.0;

// A device that draws nothing: no glyphs, no pixels. Patterns and smooth
// shadings are taken as done: nothing comes of them, and Gfx does not cut
// them into thousands of small fills.
class NoDrawDev : public OutputDev
{
public:
	bool upsideDown() override { return true; }
	bool useDrawChar() override { return false; }
	bool interpretType3Chars() override { return false; }
	bool useTilingPatternFill() override { return true; }
	bool tilingPatternFill(GfxState *, Gfx *, Catalog *, GfxTilingPattern *, const double *, int, int, int, int,
			       double, double) override
	{
		return true;
	}
	bool useShadedFills(int) override { return true; }
	bool functionShadedFill(GfxState *, GfxFunctionShading *) override { return true; }
	bool axialShadedFill(GfxState *, GfxAxialShading *, double, double) override { return true; }
	bool radialShadedFill(GfxState *, GfxRadialShading *, double, double) override { return true; }
	bool gouraudTriangleShadedFill(GfxState *, GfxGouraudTriangleShading *) override { return true; }
	bool patchMeshShadedFill(GfxState *, GfxPatchMeshShading *) override { return true; }
};

// Keeps what a page strokes and fills as boxes.
class DrawnDev : public NoDrawDev
{
public:
	std::vector<page_drawn> boxes;

	void stroke(GfxState *state) override
	{
		if (state->getStrokeOpacity() < 0.05 || state->getStrokeColorSpace()->getMode() == csPattern)
			return;
		GfxRGB rgb;
		state->getStrokeRGB(&rgb);
		// A line thinner than a pixel still shows as one (cairo's
		// stroke adjustment): at least 0.72 pt, a pixel at 100 dpi.
		double w = std::fmax(state->getTransformedLineWidth(), 0.72);

		each_subpath(state, [&](const std::vector<double> &x, const std::vector<double> &y, bool closed) {
			size_t n = x.size();

			for (size_t j = 0; j + 1 < n + (closed ? 1 : 0); j++) {
				size_t k = (j + 1) % n;
				double x0 = x[j], y0 = y[j], x1 = x[k], y1 = y[k];

				if (std::fabs(y1 - y0) <= kAxis || std::fabs(x1 - x0) <= kAxis)   // upright
					keep(state, std::fmin(x0, x1) - w / 2, std::fmin(y0, y1) - w / 2,
					     std::fmax(x0, x1) + w / 2, std::fmax(y0, y1) + w / 2, rgb, 1);
			}
		});
	}

	void fill(GfxState *state) override { fill_rects(state); }
	void eoFill(GfxState *state) override { fill_rects(state); }

private:
	// Each subpath that is an upright rectangle (four corners, the
	// fifth, if any, back at the first).
	void fill_rects(GfxState *state)
	{
		if (state->getFillOpacity() < 0.05 || state->getFillColorSpace()->getMode() == csPattern)
			return;
		GfxRGB rgb;
		state->getFillRGB(&rgb);
		each_subpath(state, [&](const std::vector<double> &x, const std::vector<double> &y, bool) {
			size_t n = x.size();
			if (n == 5 && std::fabs(x[4] - x[0]) <= kAxis && std::fabs(y[4] - y[0]) <= kAxis)
				n = 4;
			if (n != 4)
				return;
			bool upright = true;
			for (size_t j = 0; j < 4; j++) {
				size_t k = (j + 1) % 4;
				upright &= std::fabs(x[k] - x[j]) <= kAxis || std::fabs(y[k] - y[j]) <= kAxis;
			}
			if (!upright)
				return;
			keep(state, std::fmin(std::fmin(x[0], x[1]), std::fmin(x[2], x[3])),
			     std::fmin(std::fmin(y[0], y[1]), std::fmin(y[2], y[3])),
			     std::fmax(std::fmax(x[0], x[1]), std::fmax(x[2], x[3])),
			     std::fmax(std::fmax(y[0], y[1]), std::fmax(y[2], y[3])), rgb, 0);
		});
	}

	// Calls f with the corners of each subpath of the current path that
	// is straight (see corners) and whether it is closed.
	template <class F> static void each_subpath(GfxState *state, F f)
	{
		const GfxPath *path = state->getPath();

		for (int i = 0; i < path->getNumSubpaths(); i++) {
			std::vector<double> x, y;

			if (corners(state, path->getSubpath(i), x, y) && !x.empty())
				f(x, y, path->getSubpath(i)->isClosed());
		}
	}

	// The points of a subpath in device space, a curve that runs
	// straight along x or y (some producers draw every line as one)
	// taken as its end; false if a curve really bends.
	static bool corners(GfxState *state, const GfxSubpath *sp, std::vector<double> &x, std::vector<double> &y)
	{
		int n = sp->getNumPoints();

		for (int j = 0; j < n; j++) {
			if (!sp->getCurve(j)) {
				double px, py;

				state->transform(sp->getX(j), sp->getY(j), &px, &py);
				x.push_back(px);
				y.push_back(py);
				continue;
			}
			// control points: straight if on the line of the points
			// either side of them, and that line is upright
			if (x.empty())
				return false;
			double qx, qy;
			int e = j;
			while (e < n && sp->getCurve(e))
				e++;
			if (e >= n)
				return false;
			state->transform(sp->getX(e), sp->getY(e), &qx, &qy);
			bool vertical = std::fabs(qx - x.back()) <= kAxis, horizontal = std::fabs(qy - y.back()) <= kAxis;
			for (int c = j; c < e; c++) {
				double cx, cy;
				state->transform(sp->getX(c), sp->getY(c), &cx, &cy);
				vertical &= std::fabs(cx - qx) <= kAxis;
				horizontal &= std::fabs(cy - qy) <= kAxis;
			}
			if (!vertical && !horizontal)
				return false;
			j = e - 1;   // the end point comes next
		}
		return true;
	}

	// A box as far as the clip lets it show.
	void keep(GfxState *state, double x0, double y0, double x1, double y1, const GfxRGB &rgb, int stroke)
	{
		double cx0, cy0, cx1, cy1;

		state->getClipBBox(&cx0, &cy0, &cx1, &cy1);
		x0 = std::fmax(x0, cx0);
		y0 = std::fmax(y0, cy0);
		x1 = std::fmin(x1, cx1);
		y1 = std::fmin(y1, cy1);
		if (x1 <= x0 || y1 <= y0)
			return;
		boxes.push_back(page_drawn{ (float)x0, (float)y0, (float)x1, (float)y1,
					   (uint32_t)colToByte(rgb.r) << 16 | (uint32_t)colToByte(rgb.g) << 8 |
						   (uint32_t)colToByte(rgb.b),
					   stroke });
	}
};

// Keeps the pixel size of the largest image a page draws, decoding
// none (an image's size is in its dictionary, and the base device only
// reads an inline image's bytes past), apart for those a render decodes
// whole (JPEG, JPEG 2000 and JBIG2 streams, and images with a stencil
// mask) by the memory that takes, and counts the letter-sized shapes it
// fills: text flattened to outlines.
class InkDev : public NoDrawDev
{
public:
	pdf_ink ink = { 0, 0, 0 };

	void fill(GfxState *state) override { outlines(state); }
	void eoFill(GfxState *state) override { outlines(state); }

	void drawImageMask(GfxState *state, Object *ref, Stream *str, int width, int height, bool invert,
			   bool interpolate, bool inlineImg) override
	{
		keep(width, height, whole_share(str));
		OutputDev::drawImageMask(state, ref, str, width, height, invert, interpolate, inlineImg);
	}
	void drawImage(GfxState *state, Object *ref, Stream *str, int width, int height, GfxImageColorMap *colorMap,
		       bool interpolate, const int *maskColors, bool inlineImg) override
	{
		keep(width, height, whole_share(str));
		OutputDev::drawImage(state, ref, str, width, height, colorMap, interpolate, maskColors, inlineImg);
	}
	// Splash holds an image with a stencil mask whole at a byte a
	// pixel and a little more (a 144 Mpx one took 168 MB), one with a
	// soft mask a row at a time (11 MB), their filters aside.
	void drawMaskedImage(GfxState *, Object *, Stream *str, int width, int height, GfxImageColorMap *, bool,
			     Stream *maskStr, int maskWidth, int maskHeight, bool, bool) override
	{
		keep(width, height, std::fmax(kStencilShare, whole_share(str)));
		keep(maskWidth, maskHeight, whole_share(maskStr));
	}
	void drawSoftMaskedImage(GfxState *, Object *, Stream *str, int width, int height, GfxImageColorMap *, bool,
				 Stream *maskStr, int maskWidth, int maskHeight, GfxImageColorMap *, bool) override
	{
		keep(width, height, whole_share(str));
		keep(maskWidth, maskHeight, whole_share(maskStr));
	}

private:
	// An image of width x height pixels, share of whose ARGB picture's
	// memory a render holds whole (0: none, read a row at a time).
	void keep(int width, int height, double share)
	{
		double px = (double)width * (double)height;

		ink.image_pixels = std::fmax(ink.image_pixels, px);
		ink.whole_pixels = std::fmax(ink.whole_pixels, px * share);
	}

	// The share of an ARGB picture's memory (4 bytes a pixel) a
	// stream's filters hold before its first row comes out: all of it
	// for JPEG and JPEG 2000 (poppler's decoders make the image whole),
	// a sixteenth for JBIG2 (one bit a pixel, its region and its page
	// both held), none for the rest.
	static double whole_share(const Stream *str)
	{
		double share = 0;

		for (const Stream *s = str; s; s = s->getNextStream()) {
			StreamKind k = s->getKind();
			if (k == strDCT || k == strJPX)
				return 1;
			if (k == strJBIG2)
				share = kJbig2Share;
		}
		return share;
	}
	static constexpr double kJbig2Share = 1.0 / 16, kStencilShare = 1.0 / 3;

	// Each closed subpath of a fill of a letter's size (kLetterMin to
	// kLetterMax points high, at most kLetterMax wide) that is no upright
	// rectangle: a letter's outline, or a hole in one.
	void outlines(GfxState *state)
	{
		const GfxPath *path = state->getPath();

		for (int i = 0; i < path->getNumSubpaths(); i++) {
			const GfxSubpath *sp = path->getSubpath(i);
			double x0 = 1e30, y0 = 1e30, x1 = -1e30, y1 = -1e30;
			bool curved = false;
			int n = sp->getNumPoints();

			for (int j = 0; j < n; j++) {
				double px, py;

				state->transform(sp->getX(j), sp->getY(j), &px, &py);
				x0 = std::fmin(x0, px), y0 = std::fmin(y0, py);
				x1 = std::fmax(x1, px), y1 = std::fmax(y1, py);
				curved |= sp->getCurve(j);
			}
			if (y1 - y0 >= kLetterMin && y1 - y0 <= kLetterMax && x1 - x0 <= kLetterMax && (curved || n > 5))
				ink.outlines++;
		}
	}
	static constexpr double kLetterMin = 2.0, kLetterMax = 40.0;
};

// What a page draws when it is one JPEG or JPEG 2000 image and nothing
// else (a scan): the image's bytes as its DCT or JPX filter reads them
// and the box it fills, upright (no turn, no mirror: a page's /Rotate
// turns it too).
class LoneDev : public NoDrawDev
{
public:
	int images = 0, other = 0;
	bool upright = false, jpx = false;
	double box[4] = { 0, 0, 0, 0 };
	std::vector<unsigned char> coded;   // the image as its filter reads it, JPEG or JPEG 2000

	void stroke(GfxState *) override { other++; }
	void fill(GfxState *) override { other++; }
	void eoFill(GfxState *) override { other++; }
	void drawString(GfxState *, const GooString *) override { other++; }
	void drawImageMask(GfxState *, Object *, Stream *, int, int, bool, bool, bool) override { other++; }
	void drawMaskedImage(GfxState *, Object *, Stream *, int, int, GfxImageColorMap *, bool, Stream *, int, int,
			     bool, bool) override
	{
		other++;
	}
	void drawSoftMaskedImage(GfxState *, Object *, Stream *, int, int, GfxImageColorMap *, bool, Stream *, int,
				 int, GfxImageColorMap *, bool) override
	{
		other++;
	}
	void drawImage(GfxState *state, Object *, Stream *str, int, int, GfxImageColorMap *, bool,
		       const int *maskColors, bool) override
	{
		double x00, y00, x10, y10, x01, y01;

		if (++images > 1 || maskColors || (str->getKind() != strDCT && str->getKind() != strJPX) ||
		    !str->getNextStream())
			return;
		jpx = str->getKind() == strJPX;
		// The image's unit square: its first row at (0, 1), its rows
		// along y; upright when they run down the page and its columns
		// to the right (the device is upside down: y grows downwards).
		state->transform(0, 0, &x00, &y00);
		state->transform(1, 0, &x10, &y10);
		state->transform(0, 1, &x01, &y01);
		upright = y10 == y00 && x01 == x00 && x10 > x00 && y01 < y00;
		if (!upright)
			return;
		box[0] = x00, box[1] = y01, box[2] = x10, box[3] = y00;
		Stream *raw = str->getNextStream();
		int c;

		raw->reset();
		while ((c = raw->getChar()) != EOF && coded.size() < kMaxBytes)
			coded.push_back((unsigned char)c);
		raw->close();
	}
	static constexpr size_t kMaxBytes = (size_t)128 << 20;   // an image of 600 Mpx or so; not read past
};

bool no_annots(Annot *, void *)
{
	return false;
}

} // namespace

struct pdf_draw {
	PDFDoc *doc;
};

// Page p through dev at 72 dpi, as shown (its crop box), annotations
// left out.
static void display(Page *p, OutputDev *dev)
{
	p->displaySlice(dev, 72.0, 72.0, 0, false, true, -1, -1, -1, -1, false, nullptr, nullptr, no_annots, nullptr);
}

// Page (0-based) of d, or nullptr.
static Page *core_page(struct pdf_draw *d, int page)
{
	if (!d || page < 0 || page >= d->doc->getNumPages())
		return nullptr;
	return d->doc->getPage(page + 1);
}

extern "C" struct pdf_draw *pdf_draw_open(const void *buf, size_t n, const char *password)
{
	try {
		if (!globalParams)   // poppler-glib makes them at its first document
			return nullptr;
		std::optional<GooString> pw;
		if (password)
			pw = GooString(password);
		auto *str = new MemStream(static_cast<const char *>(buf), 0, (Goffset)n, Object(objNull));
		auto *doc = new PDFDoc(str, pw, pw);   // the document owns the stream

		if (!doc->isOk()) {
			delete doc;
			return nullptr;
		}
		return new pdf_draw{ doc };
	} catch (...) {
		return nullptr;
	}
}

extern "C" int pdf_draw_page(struct pdf_draw *d, int page, struct page_drawn **out, size_t *n)
{
	*out = nullptr;
	*n = 0;
	try {
		Page *p = core_page(d, page);
		if (!p)
			return -1;
		DrawnDev dev;
		// As poppler-glib renders and lays out text: 72 dpi, crop box.
		display(p, &dev);
		if (dev.boxes.empty())
			return 0;
		*out = static_cast<page_drawn *>(std::malloc(sizeof(page_drawn) * dev.boxes.size()));
		if (!*out)
			return -1;
		std::memcpy(*out, dev.boxes.data(), sizeof(page_drawn) * dev.boxes.size());
		*n = dev.boxes.size();
		return 0;
	} catch (...) {
		std::free(*out);
		*out = nullptr;
		*n = 0;
		return -1;
	}
}

extern "C" int pdf_draw_ink(struct pdf_draw *d, int page, struct pdf_ink *ink)
{
	*ink = pdf_ink{ 0, 0, 0 };
	try {
		Page *p = core_page(d, page);
		if (!p)
			return -1;
		InkDev dev;
		display(p, &dev);
		*ink = dev.ink;
		return 0;
	} catch (...) {
		return -1;
	}
}

extern "C" int pdf_draw_lone_image(struct pdf_draw *d, int page, unsigned char **data, size_t *n, double box[4],
				   int *jpx)
{
	*data = nullptr;
	*n = 0;
	try {
		Page *p = core_page(d, page);
		if (!p)
			return -1;
		LoneDev dev;
		display(p, &dev);
		if (dev.images != 1 || dev.other || !dev.upright || dev.coded.empty() ||
		    dev.coded.size() >= LoneDev::kMaxBytes)
			return -1;
		if (!(*data = static_cast<unsigned char *>(malloc(dev.coded.size()))))
			return -1;
		memcpy(*data, dev.coded.data(), dev.coded.size());
		*n = dev.coded.size();
		*jpx = dev.jpx;
		for (int i = 0; i < 4; i++)
			box[i] = dev.box[i];
		return 0;
	} catch (...) {
		return -1;
	}
}

extern "C" int pdf_draw_render(struct pdf_draw *d, int page, double scale, struct pdf_pixels *px)
{
	*px = pdf_pixels{ nullptr, 0, 0 };
	try {
		if (!core_page(d, page))
			return -1;
		SplashColor white = { 255, 255, 255 };
		SplashOutputDev dev(splashModeRGB8, 4, false, white);
		dev.startDoc(d->doc);
		d->doc->displayPageSlice(&dev, page + 1, 72.0 * scale, 72.0 * scale, 0, false, true, false, -1, -1, -1,
					 -1);
		SplashBitmap *bm = dev.getBitmap();
		int w = bm->getWidth(), h = bm->getHeight();
		if (w <= 0 || h <= 0)
			return -1;
		uint32_t *out = (uint32_t *)malloc(sizeof(*out) * (size_t)w * (size_t)h);
		if (!out)
			return -1;
		const unsigned char *data = bm->getDataPtr();
		for (int y = 0; y < h; y++) {
			const unsigned char *row = data + (size_t)y * (size_t)bm->getRowSize();
			for (int x = 0; x < w; x++, row += 3)
				out[(size_t)y * w + x] = 0xff000000u | (uint32_t)row[0] << 16 | (uint32_t)row[1] << 8 | row[2];
		}
		*px = pdf_pixels{ out, w, h };
		return 0;
	} catch (...) {
		free(px->argb);
		*px = pdf_pixels{ nullptr, 0, 0 };
		return -1;
	}
}

extern "C" int pdf_draw_size(struct pdf_draw *d, int page, double *w, double *h)
{
	try {
		Page *p = core_page(d, page);
		if (!p)
			return -1;
		int turn = p->getRotate();
		bool side = turn == 90 || turn == 270;
		*w = side ? p->getCropHeight() : p->getCropWidth();
		*h = side ? p->getCropWidth() : p->getCropHeight();
		return 0;
	} catch (...) {
		return -1;
	}
}

extern "C" void pdf_draw_close(struct pdf_draw *d)
{
	if (d) {
		delete d->doc;
		delete d;
	}
}

namespace {

// The font name poppler-glib gives: a subset prefix ("ABCDEF+") dropped,
// "Default" for none.
char *font_name(const TextWord *w, int i)
{
	const GooString *f = w->getFontName(i);

	if (!f || f->getLength() == 0)
		return strdup("Default");
	int k = 0;
	while (k < f->getLength() && f->getChar(k) >= 'A' && f->getChar(k) <= 'Z')
		k++;
	const char *name = f->c_str();
	if (k > 0 && k < f->getLength() && f->getChar(k) == '+')
		name += k + 1;
	return strdup(name);
}

bool same_attrs(const TextWord *a, int ai, const TextWord *b, int bi)
{
	double ar, ag, ab, br, bg, bb;

	if (!a->getFontInfo(ai)->matches(b->getFontInfo(bi)) || a->getFontSize() != b->getFontSize() ||
	    a->isUnderlined() != b->isUnderlined())
		return false;
	a->getColor(&ar, &ag, &ab);
	b->getColor(&br, &bg, &bb);
	return ar == br && ag == bg && ab == bb;
}

// Builds a page's characters (into an array of the size counted
// first) and attributes.
struct TextBuilder {
	pdf_text_char *chars = nullptr;
	size_t n = 0;
	std::vector<pdf_text_attr> attrs;
	const TextWord *prev = nullptr;
	int prev_i = 0;

	~TextBuilder()
	{
		std::free(chars);
		for (auto &a : attrs)
			std::free(a.font);
	}

	void add(uint32_t u, double x0, double y0, double x1, double y1)
	{
		chars[n++] = pdf_text_char{ u, x0, y0, x1, y1, (int)attrs.size() - 1, 1 };
	}

	void word(const TextWordSelection *sel)
	{
		const TextWord *w = sel->getWord();

		for (int k = sel->getBegin(); k < sel->getEnd(); k++) {
			if (!prev || !same_attrs(w, k, prev, prev_i)) {
				double r, g, b;
				w->getColor(&r, &g, &b);
				attrs.push_back(pdf_text_attr{ font_name(w, k), w->getFontSize(),
							       (unsigned short)(int)(r * 65535. + 0.5),
							       (unsigned short)(int)(g * 65535. + 0.5),
							       (unsigned short)(int)(b * 65535. + 0.5) });
				if (!attrs.back().font)
					throw std::bad_alloc();
			}
			prev = w;
			prev_i = k;
			double x0, y0, x1, y1;
			w->getCharBBox(k, &x0, &y0, &x1, &y1);
			add(*w->getChar(k), x0, y0, x1, y1);
		}
	}
};

// The characters lines of word selections make: each word's, a space
// after a word poppler spaces, a newline between lines.
size_t count_chars(std::vector<TextWordSelection *> **lines, int nlines)
{
	size_t n = 0;

	for (int i = 0; i < nlines; i++) {
		for (size_t j = 0; j < lines[i]->size(); j++)
			n += (size_t)((*lines[i])[j]->getEnd() - (*lines[i])[j]->getBegin()) + 1;
		n++;
	}
	return n;
}

void free_lines(std::vector<TextWordSelection *> **lines, int nlines)
{
	for (int i = 0; lines && i < nlines; i++) {
		for (auto *sel : *lines[i])
			delete sel;
		delete lines[i];
	}
	gfree(lines);
}

} // namespace

extern "C" int pdf_draw_text(struct pdf_draw *d, int page, double w, double h, struct pdf_text *t)
{
	*t = pdf_text{ nullptr, 0, nullptr, 0 };
	TextPage *text = nullptr;
	std::vector<TextWordSelection *> **lines = nullptr;
	int nlines = 0;

	try {
		Page *p = core_page(d, page);
		if (!p)
			return -1;
		{
			// As poppler-glib makes a page's text: 72 dpi, crop box, no rotation of ours.
			TextOutputDev dev(nullptr, true, 0, false, false);
			if (!dev.isOk())
				return -1;
			std::unique_ptr<Gfx> gfx(p->createGfx(&dev, 72.0, 72.0, 0, false, true, -1, -1, -1, -1, false,
							      nullptr, nullptr));
			p->display(gfx.get());
			dev.endPage();
			text = dev.takeText();
		}
		PDFRectangle all(0, 0, w, h);
		lines = text->getSelectionWords(&all, selectionStyleGlyph, &nlines);
		TextBuilder tb;
		double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
		if (!(tb.chars = static_cast<pdf_text_char *>(std::malloc(sizeof(pdf_text_char) *
									   (count_chars(lines, nlines) + 1)))))
			throw std::bad_alloc();
		for (int i = 0; lines && i < nlines; i++) {
			const std::vector<TextWordSelection *> &line = *lines[i];
			for (size_t j = 0; j < line.size(); j++) {
				tb.word(line[j]);
				line[j]->getWord()->getBBox(&x1, &y1, &x2, &y2);
				if (line[j]->getWord()->hasSpaceAfter() && j + 1 < line.size()) {
					double x3, y3, x4, y4;
					line[j + 1]->getWord()->getBBox(&x3, &y3, &x4, &y4);
					tb.add(' ', x2, y1, x3, y2);   // from this word to the next, its height
				}
			}
			if (i + 1 < nlines && tb.n)
				tb.add('\n', x2, y2, x2, y2);
		}
		free_lines(lines, nlines);
		lines = nullptr;
		text->decRefCnt();
		text = nullptr;
		t->attrs = static_cast<pdf_text_attr *>(std::malloc(sizeof(pdf_text_attr) * (tb.attrs.size() + 1)));
		if (!t->attrs)
			return -1;
		if (!tb.attrs.empty())
			std::memcpy(t->attrs, tb.attrs.data(), sizeof(pdf_text_attr) * tb.attrs.size());
		t->nattrs = tb.attrs.size();
		tb.attrs.clear();   // the names are t's now
		t->c = tb.chars;
		t->n = tb.n;
		tb.chars = nullptr;
		return 0;
	} catch (...) {
		free_lines(lines, nlines);
		if (text)
			text->decRefCnt();
		pdf_text_free(t);
		return -1;
	}
}

extern "C" void pdf_text_free(struct pdf_text *t)
{
	for (size_t i = 0; t->attrs && i < t->nattrs; i++)
		std::free(t->attrs[i].font);
	std::free(t->attrs);
	std::free(t->c);
	*t = pdf_text{ nullptr, 0, nullptr, 0 };
}
