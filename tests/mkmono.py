#!/usr/bin/python3
"""mkmono.py OUT.pdf: a one-page multi-year table in Liberation Mono 10 pt
(pycairo), four year columns set far apart, labels wrapped in a narrow
first column: for the OCR test that columns Tesseract's page layout
leaves out are read again whole (a stretch read too tightly cropped
gave "3/ 966 000" for "37 966 000", "289" for "889"). mkpercent.py draws
its table with table() here."""
import sys

import cairo

ROWS = [("Flerårsöversikt", "", "2019", "2018", "2017", "2016"),
        ("Antal lägenheter", "", "42", "67", "38", "25"),
        ("Skuldsättning", "per kvm, kr/kvm", "6 437", "4 457", "2 278", "3 758"),
        ("Antal medlemmar", "", "8 726", "4 268", "4 725", "7 198"),
        ("Energikostnad", "per kvm, kr/kvm", "971", "998", "338", "782"),
        ("Balansomslutning", ", kr", "43 357 000", "46 195 000", "48 775 000", "43 944 000"),
        ("Nettoomsättning", "kr", "21 878 000", "8 538 000", "8 264 000", "8 755 000")]


def table(path, titles, title_size, rows, top, pitch, right, step):
    """A page: titles (text, y) in Liberation Sans bold, then rows
    (label, its second line or "", figures...) in Liberation Mono 10 pt
    from top, a line each pitch points, the figures right-aligned at
    right, right + step, ..."""
    surface = cairo.PDFSurface(path, 595, 842)
    cr = cairo.Context(surface)
    cr.select_font_face("Liberation Sans", cairo.FONT_SLANT_NORMAL, cairo.FONT_WEIGHT_BOLD)
    cr.set_font_size(title_size)
    for text, y in titles:
        cr.move_to(57, y)
        cr.show_text(text)
    cr.select_font_face("Liberation Mono", cairo.FONT_SLANT_NORMAL, cairo.FONT_WEIGHT_NORMAL)
    cr.set_font_size(10)
    y = top
    for label, more, *nums in rows:
        cr.move_to(57, y)
        cr.show_text(label)
        for k, v in enumerate(nums):   # right-aligned columns
            cr.move_to(right + step * k - cr.text_extents(v).x_advance, y)
            cr.show_text(v)
        if more:
            y += pitch
            cr.move_to(57, y)
            cr.show_text(more)
        y += pitch
    surface.finish()


if __name__ == "__main__":
    table(sys.argv[1], [("Årsredovisning 2019", 70), ("Brf Tärnan 4", 92)], 16, ROWS, 130, 11.2, 249, 96.5)
