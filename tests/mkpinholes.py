#!/usr/bin/python3
"""mkpinholes.py OUT.png [GAP]: a bilevel 200 dpi scan of a ruled table
(pycairo): rules one pixel thick, the one under its first row broken
past its first column of numbers by a white pixel every 40 pixels, as a
noisy bilevel scan breaks a hairline. Under it a contents
line with dotted leaders, dots GAP pixels apart (default 4): no rule.
The table's rows, for the test to read back:
  Arvoden          -89 841   -71 297   -66 210
  Medlemsavgifter   56 917    35 010    78 214
  Resekostnader      6 599     5 349     8 322"""
import sys

import cairo

GAP = int(sys.argv[2]) if len(sys.argv) > 2 else 4
W, H = 1654, 2339
ROWS = [("", "Budget 2025", "Utfall 2024", "Budget 2024"),
        ("Arvoden", "-89 841", "-71 297", "-66 210"),
        ("Medlemsavgifter", "56 917", "35 010", "78 214"),
        ("Resekostnader", "6 599", "5 349", "8 322")]
COLS = [160, 560, 800, 1040, 1280]   # rule x's
TOP, PITCH = 400, 56

surface = cairo.ImageSurface(cairo.FORMAT_RGB24, W, H)
cr = cairo.Context(surface)
cr.set_source_rgb(1, 1, 1)
cr.paint()
cr.set_source_rgb(0, 0, 0)
cr.set_antialias(cairo.ANTIALIAS_NONE)
for k in range(len(ROWS) + 1):   # rules across
    y = TOP + k * PITCH
    cr.rectangle(COLS[0], y, COLS[2] - COLS[0], 1)
    step = 40 if k == 2 else COLS[-1]
    for x in range(COLS[2], COLS[-1] + 1, step):
        cr.rectangle(x, y, min(step - 1, COLS[-1] + 1 - x), 1)
for x in COLS:                   # rules down
    cr.rectangle(x, TOP, 1, len(ROWS) * PITCH + 1)
cr.fill()
cr.select_font_face("DejaVu Sans", cairo.FONT_SLANT_NORMAL, cairo.FONT_WEIGHT_NORMAL)
cr.set_font_size(30)
for r, row in enumerate(ROWS):
    y = TOP + r * PITCH + 40
    for c, text in enumerate(row):
        ext = cr.text_extents(text)
        cr.move_to(COLS[c] + 12 if c == 0 else COLS[c + 1] - 12 - ext.x_advance, y)
        cr.show_text(text)
y = TOP + len(ROWS) * PITCH + 160
cr.move_to(COLS[0], y)
cr.show_text("Verksamhetsberättelse")
for x in range(COLS[0] + 330, COLS[-1] - 40, GAP + 2):
    cr.rectangle(x, y - 2, 2, 2)
cr.fill()
cr.move_to(COLS[-1] - 20, y)
cr.show_text("3")
surface.write_to_png(sys.argv[1])
