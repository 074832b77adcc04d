#!/usr/bin/python3
"""The table corpus for `make bench-tables`: PDF pages made from one data
structure each, by category, beside NAME.truth.json with every table's
page and cells (header rows first; "" for empty and covered cells).

Categories: ruled, ruled_multiline, ruled_spans, zebra, borderless,
across_pages, two_tables, no_table (two columns, bullet lists, a contents
list with dot leaders, a signature block). Rebuild: make corpus-tables.
"""
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
import gen  # noqa: E402

LABELS = ["Intäkter", "Kostnader", "Resultat", "Personal", "Lokaler", "Resor", "Material",
          "Konsulter", "Medlemsavgifter", "Gåvor", "Bidrag", "Övrigt", "Räntor", "Avskrivningar"]
WORDS = ("verksamheten följs upp varje tertial och redovisas för styrelsen med kommentarer om "
         "avvikelser mot budget samt de åtgärder som planeras under resten av året").split()


def num(rng, lo=100, hi=99999):
    return "{:,}".format(rng.randint(lo, hi)).replace(",", " ")


def prose(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def money_table(rng, rows=5, cols=3, caption=None, **opt):
    years = [str(2024 - i) for i in range(cols - 1)]
    t = {"header": [["Post"] + years],
         "rows": [[rng.choice(LABELS)] + [num(rng) for _ in years] for _ in range(rows)]}
    if caption:
        t["caption"] = caption
    t.update(opt)
    return t


def truth_grid(t):
    return [list(r) for r in t["header"] + t["rows"]]


def doc_for(name, category, body, tables):
    return ({"name": name, "title": name, "author": "extract", "body": body},
            {"category": category, "tables": tables})


def make(rng):
    docs = []
    for i in range(4):
        t = money_table(rng, rows=rng.randint(3, 8), cols=rng.randint(3, 5),
                        caption="Tabell %d: Ekonomiskt utfall (tkr)" % (i + 1))
        body = [("h", 1, "Ekonomisk uppföljning %d" % (i + 1)), ("p", prose(rng, 40)), ("table", t),
                ("p", prose(rng, 30))]
        docs.append(doc_for("ruled_%d" % (i + 1), "ruled", body, [{"page": 1, "cells": truth_grid(t)}]))
    for i in range(3):
        rows = [[prose(rng, rng.randint(8, 18)), num(rng), prose(rng, rng.randint(3, 10))] for _ in range(4)]
        t = {"header": [["Åtgärd", "Kostnad", "Kommentar"]], "rows": rows}
        body = [("h", 1, "Handlingsplan %d" % (i + 1)), ("table", t)]
        docs.append(doc_for("multiline_%d" % (i + 1), "ruled_multiline", body,
                            [{"page": 1, "cells": truth_grid(t)}]))
    for i in range(3):
        # A group header over two columns, and a label spanning two rows.
        t = {"header": [["Post", "Intäkter", "", "Kostnader", ""],
                        ["", "2023", "2024", "2023", "2024"]],
             "rows": [[rng.choice(LABELS)] + [num(rng) for _ in range(4)] for _ in range(4)],
             "spans": {(0, 1): (1, 2), (0, 3): (1, 2), (0, 0): (2, 1)}}
        body = [("h", 1, "Jämförelse %d" % (i + 1)), ("p", prose(rng, 25)), ("table", t)]
        docs.append(doc_for("spans_%d" % (i + 1), "ruled_spans", body, [{"page": 1, "cells": truth_grid(t)}]))
    for i in range(3):
        t = money_table(rng, rows=8, cols=4, zebra="#e6e6e6")
        body = [("h", 1, "Nyckeltal %d" % (i + 1)), ("table", t), ("p", prose(rng, 20))]
        docs.append(doc_for("zebra_%d" % (i + 1), "zebra", body, [{"page": 1, "cells": truth_grid(t)}]))
    for i in range(4):
        t = money_table(rng, rows=rng.randint(4, 8), cols=rng.randint(3, 4), borders=False)
        body = [("h", 1, "Utan linjer %d" % (i + 1)), ("p", prose(rng, 30)), ("table", t),
                ("p", prose(rng, 30))]
        docs.append(doc_for("borderless_%d" % (i + 1), "borderless", body,
                            [{"page": 1, "cells": truth_grid(t)}]))
    for i in range(2):
        t = money_table(rng, rows=75, cols=3, caption="Tabell 1: Fördelning per konto")
        body = [("h", 1, "Kontoplan %d" % (i + 1)), ("p", prose(rng, 60)), ("table", t)]
        docs.append(doc_for("across_%d" % (i + 1), "across_pages", body,
                            [{"page": 1, "cells": truth_grid(t)}]))
    for i in range(3):
        a, b = money_table(rng, rows=4, cols=3), money_table(rng, rows=5, cols=4)
        body = [("h", 1, "Två tabeller %d" % (i + 1)), ("table", a), ("p", prose(rng, 20)), ("table", b)]
        docs.append(doc_for("two_%d" % (i + 1), "two_tables", body,
                            [{"page": 1, "cells": truth_grid(a)}, {"page": 1, "cells": truth_grid(b)}]))
    # Tempting layouts with no table.
    docs.append(({"name": "notable_columns", "title": "Två spalter", "author": "extract", "columns": 2,
                  "body": [("h", 1, "Två spalter")] + [("p", prose(rng, 60)) for _ in range(8)]},
                 {"category": "no_table", "tables": []}))
    docs.append(({"name": "notable_lists", "title": "Listor", "author": "extract",
                  "body": [("h", 1, "Listor"), ("ul", [prose(rng, 12) for _ in range(6)]),
                           ("ol", [prose(rng, 8) for _ in range(6)]),
                           ("ul", ["%s %s kr" % (rng.choice(LABELS), num(rng)) for _ in range(5)])]},
                 {"category": "no_table", "tables": []}))
    docs.append(({"name": "notable_contents", "title": "Innehåll", "author": "extract",
                  "body": [("h", 1, "Innehåll")] +
                          [("p", "%s ..... %d" % (prose(rng, 4)[:-1], 3 + 2 * k)) for k in range(12)]},
                 {"category": "no_table", "tables": []}))
    docs.append(({"name": "notable_signatures", "title": "Underskrifter", "author": "extract",
                  "body": [("h", 1, "Underskrifter"), ("p", prose(rng, 30)),
                           ("p", "Stockholm den 12 mars 2024"),
                           ("p", "Anna Lindqvist, ordförande"), ("p", "Karl Östberg, kassör"),
                           ("p", "Maria Sjöström, ledamot")]},
                 {"category": "no_table", "tables": []}))
    return docs


def main():
    rng = random.Random(4242)
    for doc, truth in make(rng):
        gen.write_with_truth(HERE, doc, truth, ("pdf",), keep_fodt=False)
        print("tables: %s" % doc["name"])


if __name__ == "__main__":
    main()
