#!/usr/bin/python3
"""mkgroups.py OUT.pdf: a one-page table of numbers with spaces between
their thousands, in Liberation Serif 10 pt (pycairo), beside years and
postcodes printed without: for the OCR test that the spaces come back
where Tesseract reads a number as one word."""
import sys

import cairo

ROWS = [("Summa eget kapital", "6 158 564", "1 690 736"), ("Årets resultat", "-439 009", "281 059"),
        ("Skuldsättning per kvm", "8 602", "5 781"), ("Nettoomsättning", "3 906", "9 313"),
        ("Antal medlemmar", "4 770", "7 382"), ("Byggår", "1999", "2021"), ("Postnummer", "41105", "11122")]
surface = cairo.PDFSurface(sys.argv[1], 595, 842)
cr = cairo.Context(surface)
cr.select_font_face("Liberation Serif", cairo.FONT_SLANT_NORMAL, cairo.FONT_WEIGHT_NORMAL)
cr.set_font_size(10)
for i, row in enumerate(ROWS):
    y = 100 + 16 * i
    cr.move_to(60, y)
    cr.show_text(row[0])
    for k, v in enumerate(row[1:]):   # right-aligned columns
        cr.move_to(330 + 110 * k - cr.text_extents(v).x_advance, y)
        cr.show_text(v)
surface.finish()
