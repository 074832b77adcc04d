#!/usr/bin/python3
"""mkdigits.py OUT.pdf OUT.json: a page of numbers full of 1s and of 7s
set in ten faces at 10 and 8 points (pycairo), for the OCR test that a 1 is never taken
for a 7 by its ink: a 1's top is its stem and flag, its foot a stem or
a serif, where a 7's top is a bar across it. OUT.json lists each
number's thousands groups as drawn: [text, x0, y0, x1, y1] in points.
Numbers with 1s hold no 7 and those with 7s no 1, so that a digit
changed either way shows."""
import json
import sys

import cairo

FACES = ["Liberation Sans", "Liberation Serif", "Liberation Mono", "DejaVu Sans", "DejaVu Serif",
         "DejaVu Sans Mono", "Latin Modern Roman", "Latin Modern Sans", "Bitstream Charter", "Utopia"]
NUMBERS = ["1 101", "11 011", "(101)", "10 110", "7 707", "77 077", "(707)", "70 770", "1 111", "11"]


def main(pdf, truth):
    surface = cairo.PDFSurface(pdf, 595, 842)
    cr = cairo.Context(surface)
    groups = []
    y = 60
    for face, size in [(f, s) for s in (10, 8) for f in FACES]:
        cr.select_font_face(face, cairo.FONT_SLANT_NORMAL, cairo.FONT_WEIGHT_NORMAL)
        cr.set_font_size(size)
        cr.move_to(40, y)
        cr.show_text("Belopp")
        x = 120
        for num in NUMBERS:
            for k, g in enumerate(num.split(" ")):
                ext = cr.text_extents(g)
                cr.move_to(x, y)
                cr.show_text(g)
                groups.append([g, x + ext.x_bearing, y + ext.y_bearing, x + ext.x_bearing + ext.width,
                               y + ext.y_bearing + ext.height])
                x += ext.x_advance + (cr.text_extents(" ").x_advance if k + 1 < len(num.split(" ")) else 14)
        y += 24
    surface.finish()
    with open(truth, "w", encoding="utf-8") as f:
        json.dump(groups, f)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
