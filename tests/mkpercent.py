#!/usr/bin/python3
"""mkpercent.py OUT.pdf: a one-page multi-year table in Liberation Mono
10 pt (pycairo) whose rows' labels end in a '%' unit ("Soliditet (%)",
"Räntekänslighet, %"): for the OCR test that such a '%', which
Tesseract's Swedish model reads as digits in a monospaced face ("(96)",
"(9)"), is read again by the English model and its row keeps its unit."""
import sys

import cairo

ROWS = [("", "2020", "2019", "2018"), ("Nettoomsättning", "9 151", "6 068", "2 167"),
        ("Soliditet (%)", "95,3", "10,4", "53,1"), ("Räntekänslighet, %", "7,8", "7,9", "1,6"),
        ("Antal lägenheter", "42", "68", "98"), ("Avkastning (%)", "2,7", "6,9", "4,6")]
surface = cairo.PDFSurface(sys.argv[1], 595, 842)
cr = cairo.Context(surface)
cr.select_font_face("Liberation Sans", cairo.FONT_SLANT_NORMAL, cairo.FONT_WEIGHT_BOLD)
cr.set_font_size(14)
cr.move_to(57, 70)
cr.show_text("Flerårsöversikt (belopp i tkr)")
cr.select_font_face("Liberation Mono", cairo.FONT_SLANT_NORMAL, cairo.FONT_WEIGHT_NORMAL)
cr.set_font_size(10)
y = 110
for label, *nums in ROWS:
    cr.move_to(57, y)
    cr.show_text(label)
    for k, v in enumerate(nums):   # right-aligned columns
        cr.move_to(330 + 80 * k - cr.text_extents(v).x_advance, y)
        cr.show_text(v)
    y += 16
surface.finish()
