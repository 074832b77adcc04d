#!/usr/bin/python3
"""mksurvey.py OUT.pdf: a one-page survey report drawn with pycairo, its
response rate in a sentence, its scale (1–5) and a table of mean scores
for 2024 beside 2023 (Trivsel 4,2 / 3,9; Information 3,8 / 4,0); for the
archive's tests (tests/db.sh, tests/pg.sh)."""
import sys

import cairo

s = cairo.PDFSurface(sys.argv[1], 595, 842)
c = cairo.Context(s)
c.select_font_face("DejaVu Sans")
c.set_font_size(10)
c.move_to(60, 60)
c.show_text("Medlemsenkät 2024")
c.move_to(60, 80)
c.show_text("Svarsfrekvensen blev 70 %. Svaren gavs på en skala 1–5.")
for r, row in enumerate([["Fråga", "2024", "2023"], ["Trivsel", "4,2", "3,9"], ["Information", "3,8", "4,0"]]):
    for k, t in enumerate(row):
        c.move_to(60 if k == 0 else 230 + 100 * k - c.text_extents(t).x_advance, 120 + 14 * r)
        c.show_text(t)
s.finish()
