#!/usr/bin/python3
"""mkpercent.py OUT.pdf: a one-page multi-year table in Liberation Mono
10 pt (pycairo, mkmono.py's table()) whose rows' labels end in a '%'
unit ("Soliditet (%)", "Räntekänslighet, %"): for the OCR test that such
a '%', which Tesseract's Swedish model reads as digits in a monospaced
face ("(96)", "(9)"), is read again by the English model and its row
keeps its unit."""
import sys

from mkmono import table

ROWS = [("", "", "2020", "2019", "2018"), ("Nettoomsättning", "", "9 151", "6 068", "2 167"),
        ("Soliditet (%)", "", "95,3", "10,4", "53,1"), ("Räntekänslighet, %", "", "7,8", "7,9", "1,6"),
        ("Antal lägenheter", "", "42", "68", "98"), ("Avkastning (%)", "", "2,7", "6,9", "4,6")]

table(sys.argv[1], [("Flerårsöversikt (belopp i tkr)", 70)], 14, ROWS, 110, 16, 330, 80)
