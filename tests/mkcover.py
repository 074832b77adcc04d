#!/usr/bin/python3
"""mkcover.py OUT.png: a report's cover as a picture (pycairo): a busy
picture of overlapping shapes with three words of its title set large
over it, as a survey's cover is. Under a text layer with the whole title
(tests/mklayer.py), it is a page of little text over a picture that OCR
reads worse than its layer."""
import random
import sys

import cairo

rnd = random.Random(7)
surface = cairo.ImageSurface(cairo.FORMAT_RGB24, 827, 1169)
cr = cairo.Context(surface)
cr.set_source_rgb(1, 1, 1)
cr.paint()
for _ in range(400):
    cr.set_source_rgba(rnd.random(), rnd.random(), rnd.random(), 0.5)
    cr.arc(rnd.uniform(0, 827), rnd.uniform(0, 1169), rnd.uniform(10, 80), 0, 6.3)
    cr.fill()
cr.select_font_face("DejaVu Serif", cairo.FONT_SLANT_ITALIC, cairo.FONT_WEIGHT_BOLD)
cr.set_font_size(70)
cr.set_source_rgba(0.1, 0.1, 0.1, 0.9)
for i, word in enumerate(["Regiongemensam", "enkät 2023", "Grodan"]):
    cr.move_to(60, 250 + 160 * i)
    cr.show_text(word)
surface.write_to_png(sys.argv[1])
