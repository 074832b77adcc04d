#!/usr/bin/python3
"""mksigned: the last page of a set of minutes, scanned, signed by hand
and stamped, as the archive's copies are: under the text 'Vid
protokollet' and 'Justeras', each over a signature (a pen's stroke of
loops and varying width, drawn here) and the signer's name in print; an
archive's received-stamp (INKOM, its date, a file number) in a corner,
in red ink; a pair of initials in the margin.

    mksigned.py PAGE.png TRUTH.json DPI SEED OUT.png [--colour] [--new-page]

PAGE.png is the page as rendered (pdftoppm, DPI); OUT.png the page signed.
With --new-page, or when the page has no room under its text, the
signatures go on a page of their own (OUT.png, blank but for them, the
same size) and PAGE.png is left as it is. What was drawn is printed as
JSON, in points from the page's top left: 'hand' (the boxes of the
strokes by hand), 'names' (the names printed under signatures), 'stamp'
(its box and the date it carries) and 'own_page'. The truth is the
generator's: the signers are the minutes' secretary and adjusters."""
import json
import math
import random
import sys

import cairo

src, truth_path, dpi, seed, out = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
COLOUR = "--colour" in sys.argv
rng = random.Random(seed)
scale = dpi / 72.0
with open(truth_path, encoding="utf-8") as f:
    proto = json.load(f)["protocol"]

page = cairo.ImageSurface.create_from_png(src)
W, H = page.get_width() / scale, page.get_height() / scale


def lowest_ink(surf):
    """The lowest row (points) holding ink; 0 for a blank page."""
    surf.flush()
    data, stride = surf.get_data(), surf.get_stride()
    w4 = surf.get_width() * 4
    for y in range(surf.get_height() - 1, -1, -1):
        if min(data[y * stride:y * stride + w4]) < 128:
            return y / scale
    return 0.0


def ink_in(surf, x0, y0, x1, y1):
    data, stride = surf.get_data(), surf.get_stride()
    for y in range(int(y0 * scale), min(int(y1 * scale), surf.get_height())):
        row = data[y * stride + int(x0 * scale) * 4:y * stride + min(int(x1 * scale), surf.get_width()) * 4]
        if row and min(row) < 128:
            return True
    return False


def ink(cr, rgb):
    """A colour, as the scan keeps it: grey scans keep its lightness."""
    if COLOUR:
        cr.set_source_rgb(*rgb)
    else:
        g = 0.3 * rgb[0] + 0.59 * rgb[1] + 0.11 * rgb[2]
        cr.set_source_rgb(g, g, g)


def signature(cr, x0, y0, w, h):
    """A signature: a stroke left to right with loops (its x runs back
    where the loop's swing outruns the advance), the pen's pressure
    varying its width; a second short stroke for a dot or a bar. Its
    box is returned."""
    f1, f2 = rng.uniform(4, 8), rng.uniform(4, 8)
    p1, p2, p3 = rng.uniform(0, 6.3), rng.uniform(0, 6.3), rng.uniform(0, 6.3)
    rx, ry, ry2 = rng.uniform(3, 8), h * rng.uniform(0.25, 0.4), h * rng.uniform(0.05, 0.15)
    base = rng.uniform(0.7, 1.6)
    pen = (0.08, 0.12, 0.45) if rng.random() < 0.7 else (0.05, 0.05, 0.05)
    ink(cr, pen)
    cr.set_line_cap(cairo.LINE_CAP_ROUND)
    pts = []
    for i in range(401):
        t = i / 400.0
        x = x0 + rx + (w - 2 * rx) * t + rx * math.sin(2 * math.pi * f1 * t + p1)
        y = y0 + h / 2 + ry * math.sin(2 * math.pi * f2 * t + p2) + ry2 * math.sin(2 * math.pi * 1.3 * t + p3)
        y -= h * 0.25 * math.exp(-((t - 0.08) / 0.05) ** 2)   # the initial's tall stroke
        pts.append((x, y))
    for i in range(1, len(pts)):
        t = i / 400.0
        cr.set_line_width(base * (0.5 + 0.9 * abs(math.sin(3.1 * math.pi * t + p3))))
        cr.move_to(*pts[i - 1])
        cr.line_to(*pts[i])
        cr.stroke()
    bx = rng.uniform(0.2, 0.8) * w + x0
    cr.set_line_width(base)
    cr.move_to(bx, y0 + h * 0.15)
    cr.line_to(bx + rng.uniform(10, 25), y0 + h * rng.uniform(0.05, 0.25))
    cr.stroke()
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    return [round(min(xs) - 2, 1), round(min(ys + [y0 + h * 0.05]) - 2, 1), round(max(xs + [bx + 25]) + 2, 1),
            round(max(ys) + 2, 1)]


def text(cr, x, y, s, size=10.5, bold=False):
    cr.select_font_face("DejaVu Sans", cairo.FONT_SLANT_NORMAL,
                        cairo.FONT_WEIGHT_BOLD if bold else cairo.FONT_WEIGHT_NORMAL)
    cr.set_font_size(size)
    cr.move_to(x, y)
    cr.show_text(s)


def stamp(cr, date):
    """An archive's received-stamp, turned a little, in red, at the top
    right; its box (upright, around the turn) is returned."""
    x, y, w, h = W - 72 - 150 - rng.uniform(0, 30), rng.uniform(18, 30), 150, 58
    a = math.radians(rng.uniform(-7, 7))
    cr.save()
    cr.translate(x + w / 2, y + h / 2)
    cr.rotate(a)
    ink(cr, (0.78, 0.1, 0.12) if rng.random() < 0.7 else (0.35, 0.15, 0.6))
    cr.set_line_width(1.8)
    cr.rectangle(-w / 2, -h / 2, w, h)
    cr.stroke()
    text(cr, -w / 2 + 10, -h / 2 + 18, "INKOM", 13, True)
    text(cr, -w / 2 + 10, -h / 2 + 34, date, 11)
    text(cr, -w / 2 + 10, -h / 2 + 50, "Dnr %d/%s" % (rng.randint(10, 480), date[:4]), 9)
    cr.restore()
    r = math.hypot(w, h) / 2
    return [round(x + w / 2 - r, 1), round(y + h / 2 - r, 1), round(x + w / 2 + r, 1), round(y + h / 2 + r, 1)]


def main():
    need = 200.0
    low = lowest_ink(page)
    own = "--new-page" in sys.argv or low + 40 + need > H - 50
    if own:
        surf = cairo.ImageSurface(cairo.FORMAT_RGB24, page.get_width(), page.get_height())
        cr = cairo.Context(surf)
        cr.set_source_rgb(1, 1, 1)
        cr.paint()
        y0 = 100.0
    else:
        surf = page
        cr = cairo.Context(surf)
        y0 = low + 40
    cr.scale(scale, scale)
    drawn = {"hand": [], "names": [], "own_page": own}
    cr.set_source_rgb(0, 0, 0)
    text(cr, 72, y0, "Vid protokollet")
    drawn["hand"].append(signature(cr, 72, y0 + 8, rng.uniform(110, 170), rng.uniform(30, 42)))
    ink(cr, (0, 0, 0))
    name = "%s, sekreterare" % proto["secretary"]
    text(cr, 72, y0 + 66, name)
    drawn["names"].append(proto["secretary"])
    text(cr, 72, y0 + 104, "Justeras")
    for k, who in enumerate(proto["adjusters"]):
        x = 72 + 230 * k
        drawn["hand"].append(signature(cr, x, y0 + 112, rng.uniform(110, 170), rng.uniform(30, 42)))
        ink(cr, (0, 0, 0))
        text(cr, x, y0 + 170, who)
        drawn["names"].append(who)
    # initials in the margin, where the margin is blank
    iy = rng.uniform(0.3, 0.6) * H
    if not own and not ink_in(surf, W - 66, iy - 4, W - 14, iy + 26):
        drawn["hand"].append(signature(cr, W - 62, iy, 42, 20))
    y, m, d = (int(v) for v in proto["date"].split("-"))
    m += 1
    if m > 12:
        y, m = y + 1, 1
    date = "%04d-%02d-%02d" % (y, m, min(d, 28))
    drawn["stamp"] = {"box": stamp(cr, date), "date": date}
    surf.write_to_png(out)
    print(json.dumps(drawn, ensure_ascii=False))


main()
