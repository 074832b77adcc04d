#!/usr/bin/python3
"""The variation corpus for `make bench-vary`: documents extract was not
written against, made through several producers.

Each document is drawn from a seeded random structure (tables of a
flerårsöversikt, a resultat- or balansräkning, a budget against its
outcome; goals with traffic-light ratings) with varied features: fonts
(serif, sans, monospace), column gaps (two ems down to a thin space),
number styles (space, no-break, thin space, dot thousands, none, English
commas; decimal comma or point; '-', '−' or parentheses for negatives),
rules (grid, horizontal, none), zebra fills, one to three header rows, a
note column, wrapped labels, the unit in the caption, column header, row
label or cell, landscape pages. It is written by one producer:

  libreoffice  .fodt -> .odt and .pdf (soffice --headless)
  latex        .tex -> .pdf (pdflatex)
  cairo        .pdf drawn directly (pycairo)
  chromium     .html -> .pdf (chromium --headless --print-to-pdf)
  groff        tbl/ms -> .pdf (groff -t -ms -Tpdf)

Truth (NAME.truth.json) comes from the structure the document was written
from: every value with its label, unit, period, measure and note; every
table's cells as printed; every rating. Never from extract's output.

Usage: gen_vary.py OUTDIR [COUNT] [SEED]   (make bench-vary calls it)
Needs Debian's libreoffice-writer-nogui, texlive-latex-recommended,
texlive-fonts-recommended, python3-cairo, chromium and groff.
"""
import datetime
import html
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile

PRODUCERS = ["libreoffice", "latex", "cairo", "chromium", "groff"]
GREEN, YELLOW, RED = "#00b050", "#ffc000", "#ff0000"
COLOUR_HEX = {"green": GREEN, "yellow": YELLOW, "red": RED}
COLOUR_WORDS = {"green": ["Grön", "grönt", "GRÖN"], "yellow": ["Gul", "gult", "GUL"],
                "red": ["Röd", "rött", "RÖD"]}
ORGS = ["Brf Lärkträdet", "Föreningen Östra Ängar", "Bostadsrättsföreningen Sjöbotten 4",
        "Idrottsföreningen Kämpa", "Riksförbundet för Hörselskadade i Väst", "Stiftelsen Älvdalens Bygdegård",
        "Hyresgästföreningen Gårdsten", "Brf Måsen 12", "Kulturföreningen Röda Längan"]
# label, unit, magnitude, may be negative; units: SEK (scaled by the
# table's kr/tkr), percent, SEK/m2, count
ROWS_MULTI = [
    ("Nettoomsättning", "SEK", 7, False), ("Rörelsens intäkter", "SEK", 7, False),
    ("Resultat efter finansiella poster", "SEK", 6, True), ("Balansomslutning", "SEK", 8, False),
    ("Soliditet", "percent", 2, False), ("Årsavgift per kvm bostadsrättsyta", "SEK/m2", 3, False),
    ("Skuldsättning per kvm", "SEK/m2", 4, False), ("Sparande per kvm", "SEK/m2", 3, True),
    ("Räntekänslighet", "percent", 1, False), ("Antal lägenheter", "count", 2, False),
    ("Energikostnad per kvm", "SEK/m2", 3, False), ("Antal medlemmar", "count", 4, False),
]
ROWS_PL = [
    ("Årsavgifter och hyresintäkter", 7, False), ("Övriga rörelseintäkter", 5, False),
    ("Driftskostnader", 6, True), ("Övriga externa kostnader", 5, True), ("Personalkostnader", 5, True),
    ("Avskrivningar av materiella anläggningstillgångar", 6, True), ("Ränteintäkter och liknande resultatposter", 4, False),
    ("Räntekostnader och liknande resultatposter", 5, True), ("Årets resultat", 6, True),
    ("Likvida medel", 6, False), ("Kortfristiga skulder", 6, False), ("Summa eget kapital", 7, False),
]
ROWS_BUDGET = [
    ("Medlemsavgifter", 5, False), ("Bidrag från kommunen", 6, False), ("Lokalhyra", 5, True),
    ("Arvoden", 5, True), ("Resekostnader", 4, True), ("Kursverksamhet", 5, False),
    ("Lotteriintäkter", 4, False), ("Administration och porto", 4, True), ("Resultat", 5, True),
]
GOALS = ["Fler unga engagerar sig lokalt", "Stärkt påverkan gentemot kommunerna",
         "Ökad kännedom om verksamheten", "Bredare finansiering", "Bättre stöd till grupperna",
         "Tryggare boende för alla medlemmar"]
PROSE = ["Styrelsen har under året arbetat med underhållsplanen och med föreningens ekonomi.",
         "Föreningen har fortsatt att utveckla sitt arbete tillsammans med medlemmarna.",
         "Verksamheten har i stort följt den plan som årsmötet beslutade om.",
         "Kostnaderna för el och värme har påverkats av läget på energimarknaden."]


# ------------------------------------------------------------ numbers

def fmt_num(v, st, decimals):
    """A number as a producer of style st prints it."""
    neg = v < 0
    a = abs(v)
    s = ("%.*f" % (decimals, a)) if decimals else "%d" % round(a)
    ip, _, fp = s.partition(".")
    grp = {"space": " ", "nbsp": "\u00a0", "thin": "\u2009", "nnbsp": "\u202f", "dot": ".",
           "none": "", "en": ","}[st["thousands"]]
    if len(ip) > 4 or (len(ip) == 4 and st["group4"]):
        parts = []
        while len(ip) > 3:
            parts.insert(0, ip[-3:])
            ip = ip[:-3]
        parts.insert(0, ip)
        ip = grp.join(parts)
    s = ip + ((("." if st["thousands"] == "en" else ",") + fp) if fp else "")
    if neg:
        s = {"hyphen": "-" + s, "minus": "\u2212" + s, "paren": "(" + s + ")", "en_dash": "\u2013" + s}[st["neg"]]
    return s


def draw_value(rng, unit, mag, negative):
    if unit == "percent":
        return round(rng.uniform(1, 10 ** mag - 1), 1), 1
    if unit == "count":
        return rng.randint(10 ** (mag - 1), 10 ** mag - 1), 0
    v = rng.randint(10 ** (mag - 1), 10 ** mag - 1)
    if negative and rng.random() < 0.7:
        v = -v
    return v, 0


# ---------------------------------------------------------- structures

def number_style(rng):
    th = rng.choice(["space", "space", "nbsp", "thin", "nnbsp", "dot", "none", "en"])
    return {"thousands": th, "group4": rng.random() < 0.8,
            "neg": rng.choice(["hyphen", "minus", "paren", "en_dash"])}


def multi_year(rng, year, st, f):
    """Flerårsöversikt: label | year columns (3 or 4); units per row."""
    ncol = rng.choice([3, 4])
    years = [year - k for k in range(ncol)]
    scale = rng.choice(["kr", "tkr"])
    rows = rng.sample(ROWS_MULTI, rng.randint(4, 8))
    where = rng.choice(["label", "label", "caption", "cell"])
    caption = "Flerårsöversikt" + ((" (belopp i %s)" % scale) if where == "caption" or scale == "tkr" else "")
    head = [[("Flerårsöversikt" if f["head_label"] else "")] + [str(y) for y in years]]
    body, vals = [], []
    for label, unit, mag, negative in rows:
        text = label
        suffix = {"SEK": scale if scale == "tkr" else "kr", "percent": "%", "SEK/m2": "kr/kvm", "count": "st"}[unit]
        if where == "label" and unit != "count":
            text = label + (", " + suffix if rng.random() < 0.5 else " (" + suffix + ")")
        elif unit in ("percent", "SEK/m2") and where != "cell":
            text = label + ", " + suffix
        cells = []
        for y in years:
            if rng.random() < 0.06:
                cells.append(rng.choice(["-", "\u2013", ""]))
                continue
            v, dec = draw_value(rng, unit, mag if scale == "kr" or unit != "SEK" else mag - 3, negative)
            s = fmt_num(v, st, dec)
            if where == "cell" and unit != "count":
                s += " " + ("%" if unit == "percent" else suffix)
            cells.append(s)
            tu = unit if not (unit == "SEK" and scale == "tkr") else "TSEK"
            vals.append({"label": label, "value": v, "unit": tu, "period": str(y), "measure": None})
        body.append({"label": text, "cells": cells})
    return {"caption": caption, "head": head, "body": body}, vals


def statement(rng, year, st, f):
    """Resultat- or balansräkning: label | (Not) | this year | last year."""
    kind = rng.choice(["Resultaträkning", "Balansräkning"])
    scale = rng.choice(["kr", "kr", "tkr"])
    note = f["note"]
    form = rng.choice(["year", "range", "instant", "split"])
    per = []
    for y in (year, year - 1):
        per.append({"year": (str(y), str(y)), "range": ("%d-01-01\u2013%d-12-31" % (y, y), str(y)),
                    "instant": ("%d-12-31" % y, "%d-12-31" % y),
                    "split": ("%d/%d" % (y - 1, y), "%d/%d" % (y - 1, y))}[form])
    head = [[""] + (["Not"] if note else []) + [p[0] for p in per]]
    if f["header_rows"] >= 2:
        head.insert(0, [kind] + [""] * (len(head[0]) - 1))
    if f["header_rows"] >= 3:
        head.append(["Belopp i " + scale] + [""] * (len(head[0]) - 1))
        caption = None
    else:
        caption = "Belopp i " + scale
    rows = rng.sample(ROWS_PL, rng.randint(4, 9))
    body, vals = [], []
    n = 1
    for label, mag, negative in rows:
        cells = []
        nv = None
        if note:
            if rng.random() < 0.6:
                n += rng.randint(1, 2)
                nv = n
            cells.append(str(nv) if nv else "")
        for p in per:
            v, dec = draw_value(rng, "SEK", mag if scale == "kr" else mag - 2, negative)
            cells.append(fmt_num(v, st, dec))
            vals.append({"label": label, "value": v, "unit": "TSEK" if scale == "tkr" else "SEK",
                         "period": p[1], "measure": None, "note": nv})
        body.append({"label": label, "cells": cells})
    return {"caption": caption, "head": head, "body": body}, vals


def budget(rng, year, st, f):
    """Budget against outcome: label | Budget Y+1 | Utfall Y | (Budget Y)."""
    cols = [("Budget", year + 1, "budget"), ("Utfall", year, "actual")]
    if rng.random() < 0.5:
        cols.append(("Budget", year, "budget"))
    # where the unit is printed: the caption, the first header cell, or
    # nowhere (then the values have no unit: none may be invented)
    where = rng.choice(["caption", "header", "none"])
    unit = None if where == "none" else "SEK"
    first = "Kronor" if where == "header" else ""
    if f["header_rows"] >= 2:
        head = [[""] + [c[0] for c in cols], [first] + [str(c[1]) for c in cols]]
    else:
        head = [[first or "Post"] + ["%s %d" % (c[0], c[1]) for c in cols]]
    rows = rng.sample(ROWS_BUDGET, rng.randint(4, 8))
    body, vals = [], []
    for label, mag, negative in rows:
        cells = []
        for name, y, measure in cols:
            v, dec = draw_value(rng, "SEK", mag, negative)
            cells.append(fmt_num(v, st, dec))
            vals.append({"label": label, "value": v, "unit": unit, "period": str(y), "measure": measure})
        body.append({"label": label, "cells": cells})
    caption = "Budget %d%s" % (year + 1, " (kr)" if where == "caption" else "")
    return {"caption": caption, "head": head, "body": body}, vals


def wrap_labels(rng, t, f):
    """Long labels broken over two lines in their cell (printed once)."""
    if not f["wrap"]:
        return
    for r in t["body"]:
        words = r["label"].split()
        if len(words) >= 3 and rng.random() < 0.7:
            k = len(words) // 2 + (1 if len(words) % 2 else 0)
            r["lines"] = [" ".join(words[:k]), " ".join(words[k:])]


def make_doc(rng, i, producer):
    year = rng.randint(2016, 2025)
    org = rng.choice(ORGS)
    f = {"font": rng.choice(["serif", "sans", "mono"]),
         "gap": rng.choice([2.0, 1.5, 1.0, 0.75, 0.5, 0.3]),
         "rules": rng.choice(["grid", "horizontal", "none"]), "zebra": rng.random() < 0.3,
         "header_rows": rng.choice([1, 1, 2, 3]), "note": rng.random() < 0.4, "wrap": rng.random() < 0.4,
         "landscape": rng.random() < 0.15, "head_label": rng.random() < 0.5, "rating_shape": rng.choice(["fill", "fill", "word", "fillword"])}
    if producer == "groff":
        f["rating_shape"] = "word"   # tbl has no cell fills: groff's ratings are words
    st = number_style(rng)
    title = rng.choice(["Årsredovisning", "Verksamhetsberättelse", "Styrelsens rapport"])
    blocks = [("title", "%s %d" % (title, year)), ("p", org), ("p", rng.choice(PROSE))]
    truth = {"producer": producer, "features": dict(f, numbers=st["thousands"], negatives=st["neg"]),
             "values": [], "tables": [], "ratings": []}
    makers = [multi_year, statement, budget]
    rng.shuffle(makers)
    for mk in makers[:rng.randint(1, 3)]:
        t, vals = mk(rng, year, st, f)
        wrap_labels(rng, t, f)
        t["features"] = f
        blocks.append(("h", t["caption"] or t["head"][0][0] or "Tabell"))
        blocks.append(("table", t))
        blocks.append(("p", rng.choice(PROSE)))
        truth["values"] += vals
        truth["tables"].append({"header": [list(h) for h in t["head"]],
                                "rows": [[r["label"]] + r["cells"] for r in t["body"]]})
    if rng.random() < 0.5:
        blocks.append(("h", "Måluppfyllelse"))
        for g in range(rng.randint(1, 3)):
            num = "%d.%d" % (rng.randint(1, 4), g + 1)
            goal = rng.choice(GOALS)
            cg, ce = rng.choice(list(COLOUR_HEX)), rng.choice(list(COLOUR_HEX))
            blocks.append(("h2", "%s %s" % (num, goal)))
            blocks.append(("rating", {"colours": (cg, ce), "shape": f["rating_shape"],
                                      "words": (rng.choice(COLOUR_WORDS[cg]), rng.choice(COLOUR_WORDS[ce]))}))
            truth["ratings"] += [{"goal": num, "dimension": "genomforande", "colour": cg},
                                 {"goal": num, "dimension": "effekt", "colour": ce}]
    return {"name": "vary%03d_%s" % (i, producer), "f": f, "blocks": blocks, "year": year}, truth


# ------------------------------------------------------------ protocols

FIRST = ["Anna", "Karl", "Maria", "Erik", "Sara", "Johan", "Lena", "Omar", "Fatima", "Petra", "Åsa", "Örjan",
         "Björn", "Elin", "Mikael", "Ingrid", "Hassan", "Linnea"]
LAST = ["Lindqvist", "Östberg", "Sjöström", "Åkesson", "Nyberg", "Bergkvist", "Håkansson", "Haddad", "Rahimi",
        "Ekdahl", "Öhman", "Blom", "Wallin", "Sandberg", "Forsberg", "Jönsson"]
MEETINGS = [("Styrelsemöte", "Styrelsen"), ("Årsmöte", "Mötet"), ("Medlemsmöte", "Mötet"),
            ("Föreningsstämma", "Stämman")]
DECIDE = ["{who} beslutar att {what}.", "{who} beslutade att {what}.", "Det beslutades att {what}.",
          "Beslut: att {what}.", "{who} beslöt att {what}."]
WHATS = ["anta budgeten för {y}", "godkänna verksamhetsplanen för {y}", "höja medlemsavgiften till 300 kronor",
         "ge kansliet i uppdrag att ta fram en kommunikationsplan", "bordlägga frågan till nästa möte",
         "fastställa resultat- och balansräkningen för {y0}", "bevilja styrelsen ansvarsfrihet för {y0}",
         "anta den reviderade arbetsordningen", "avsätta 20 000 kronor till underhållsfonden",
         "uppdra åt styrelsen att utreda frågan om laddplatser"]
ASSIGN = ["{who} får i uppdrag att {task}.", "{who} fick i uppdrag att {task}.", "{who} ges i uppdrag att {task}.",
          "{body} uppdrar åt {who} att {task}."]
TASKS = ["ta fram ett förslag till nästa möte", "kontakta kommunen om bidraget", "se över försäkringarna",
         "boka lokal för årsmötet", "sammanställa medlemsenkäten"]
ITEMS = ["Mötets öppnande", "Val av mötesordförande", "Val av sekreterare", "Val av justerare",
         "Godkännande av dagordningen", "Föregående protokoll", "Ekonomisk rapport", "Verksamhetsplan",
         "Budget", "Medlemsavgift", "Övriga frågor", "Nästa möte", "Mötets avslutande"]


def person(rng, used):
    while True:
        n = "%s %s" % (rng.choice(FIRST), rng.choice(LAST))
        if n not in used:
            used.add(n)
            return n


def item_heading(rng, style, k, title):
    return {"para": "§ %d %s" % (k, title), "nospace": "§%d %s" % (k, title), "after": "%d § %s" % (k, title),
            "dot": "%d. %s" % (k, title), "plain": "%d %s" % (k, title)}[style]


def make_protocol(rng, i, producer):
    """A set of minutes: its date, functionaries, attendees, numbered items
    and decisions, in phrasings drawn from those Swedish minutes use."""
    year = rng.randint(2016, 2025)
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    date = "%04d-%02d-%02d" % (year, month, day)
    org = rng.choice(ORGS)
    kind, body = rng.choice(MEETINGS)
    used = set()
    chair, secretary = person(rng, used), person(rng, used)
    adjusters = [person(rng, used) for _ in range(rng.choice([1, 2]))]
    others = [person(rng, used) for _ in range(rng.randint(2, 5))]
    absent = [person(rng, used) for _ in range(rng.choice([0, 0, 1, 2]))]
    present = [chair, secretary] + adjusters + others
    rng.shuffle(present)
    f = {"font": rng.choice(["serif", "sans", "mono"]), "gap": 1.0, "rules": rng.choice(["grid", "none"]),
         "zebra": False, "header_rows": 1, "note": False, "wrap": False, "landscape": False, "head_label": False,
         "rating_shape": "fill", "items": rng.choice(["para", "nospace", "after", "dot", "plain"]),
         "attendance": rng.choice(["comma", "lines", "roles"]),
         "functionaries": rng.choice(["fields", "elected", "sentence"]),
         "date_form": rng.choice(["iso", "words"])}
    months = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
              "november", "december"]
    printed_date = date if f["date_form"] == "iso" else "%d %s %d" % (day, months[month - 1], year)
    blocks = [("title", "Protokoll fört vid %s i %s" % (kind.lower(), org)),
              ("p", "Datum: %s" % printed_date), ("p", "Plats: Föreningslokalen")]
    truth = {"producer": producer, "features": dict((k, f[k]) for k in ("font", "items", "attendance",
                                                                       "functionaries", "date_form")),
             "values": [], "tables": [], "ratings": [],
             "protocol": {"date": date, "chair": chair, "secretary": secretary, "adjusters": sorted(adjusters),
                          "attendees": sorted([(n, "present") for n in present] + [(n, "absent") for n in absent]),
                          "decisions": []}}
    roles = {chair: "ordförande", secretary: "sekreterare"}
    if f["attendance"] == "comma":
        blocks.append(("p", "Närvarande: " + ", ".join(present)))
    else:
        blocks.append(("p", "Närvarande:"))
        for n in present:
            r = roles.get(n, rng.choice(["ledamot", "ledamot", "kassör", "suppleant"]))
            blocks.append(("p", "%s, %s" % (n, r) if f["attendance"] == "roles" else n))
    if absent:
        blocks.append(("p", "Frånvarande: " + ", ".join(absent)))
    if f["functionaries"] == "fields":
        blocks += [("p", "Ordförande: %s" % chair), ("p", "Sekreterare: %s" % secretary),
                   ("p", "Justerare: %s" % " och ".join(adjusters))]
    titles = ITEMS[:4] + rng.sample(ITEMS[4:-2], rng.randint(3, 6)) + ITEMS[-2:]
    for k, title in enumerate(titles, 1):
        blocks.append(("h", item_heading(rng, f["items"], k, title)))
        if title == "Mötets öppnande":
            blocks.append(("p", "%s hälsade alla välkomna och förklarade mötet öppnat." % chair))
        elif title == "Val av mötesordförande":
            if f["functionaries"] == "elected":
                blocks.append(("p", "Till mötesordförande valdes %s." % chair))
            elif f["functionaries"] == "sentence":
                blocks.append(("p", "%s väljs till mötesordförande." % chair))
            else:
                blocks.append(("p", "Punkten behandlades."))
        elif title == "Val av sekreterare":
            if f["functionaries"] == "fields":
                blocks.append(("p", "Punkten behandlades."))
            else:
                blocks.append(("p", "%s väljs till sekreterare." % secretary))
        elif title == "Val av justerare":
            if f["functionaries"] == "fields":
                blocks.append(("p", "Punkten behandlades."))
            else:
                blocks.append(("p", "Till justerare valdes %s." % " och ".join(adjusters)))
        elif title in ("Övriga frågor", "Mötets avslutande", "Föregående protokoll", "Nästa möte"):
            blocks.append(("p", {"Övriga frågor": "Inga övriga frågor anmäldes.",
                                 "Mötets avslutande": "Ordföranden tackade för visat intresse och avslutade mötet.",
                                 "Föregående protokoll": "Protokollet lades till handlingarna.",
                                 "Nästa möte": "Nästa möte hålls i föreningslokalen."}[title]))
        else:
            what = rng.choice(WHATS).format(y=year + 1, y0=year - 1)
            text = rng.choice(DECIDE).format(who=body, what=what)
            blocks.append(("p", "Frågan diskuterades."))
            blocks.append(("p", text))
            truth["protocol"]["decisions"].append(text)
            if rng.random() < 0.4:   # a task given, to someone present
                who, task = rng.choice(present), rng.choice(TASKS)
                blocks.append(("p", rng.choice(ASSIGN).format(who=who, task=task, body=body)))
                truth["protocol"].setdefault("assignments", []).append([who, task])
    truth["protocol"]["items"] = len(titles)
    return {"name": "varyP%03d_%s" % (i, producer), "f": f, "blocks": blocks, "year": year}, truth


# ------------------------------------------------------------ notices

MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
          "november", "december"]
WEEKDAYS = ["måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"]
NOTICE_MEETINGS = ["årsmöte", "ordinarie föreningsstämma", "extra föreningsstämma", "medlemsmöte", "årsstämma"]
NOTICE_TITLES = ["Kallelse till {m} i {org}", "KALLELSE TILL {M}", "Kallelse till {m} {y}",
                 "Inbjudan till {m} i {org}", "Välkommen till {m} {y}!"]
NOTICE_INTROS = ["Medlemmarna i {org} kallas härmed till {m}.", "Styrelsen kallar härmed medlemmarna till {m}.",
                 "Härmed kallas samtliga medlemmar i {org} till {m}.",
                 "Du som är medlem i {org} hälsas välkommen till {m}."]
PLACES = ["Föreningslokalen", "Folkets hus, Storgatan 5", "Kvarterslokalen, Björkvägen 12",
          "Bygdegården i Älvdalen", "Stora salen, Medborgarhuset", "Samlingssalen, Ekvägen 3"]
AGENDA = ["Stämmans öppnande", "Val av stämmoordförande", "Anmälan av stämmoordförandens val av protokollförare",
          "Godkännande av röstlängd", "Fastställande av dagordning", "Val av två justerare tillika rösträknare",
          "Fråga om stämman blivit i stadgeenlig ordning utlyst", "Föredragning av styrelsens årsredovisning",
          "Föredragning av revisorns berättelse", "Beslut om fastställande av resultat- och balansräkning",
          "Beslut om resultatdisposition", "Fråga om ansvarsfrihet för styrelseledamöterna",
          "Fråga om arvoden åt styrelseledamöter och revisorer", "Val av styrelseledamöter och suppleanter",
          "Val av revisorer och revisorssuppleant", "Val av valberedning", "Inkomna motioner",
          "Stämmans avslutande"]
POSTAL = ["Poströstning är tillåten enligt stadgarna; formulär finns hos styrelsen.",
          "Medlem som inte kan närvara kan poströsta. Poströsten ska vara styrelsen tillhanda senast dagen före.",
          "Det går att förhandsrösta genom poströstning, se bifogat formulär."]
NO_POSTAL = ["Medlem får företrädas av ombud med skriftlig och daterad fullmakt.",
             "Röstberättigad är medlem som betalat årsavgiften."]


def printed_date(rng, year, month, day, form):
    wd = WEEKDAYS[datetime.date(year, month, day).weekday()]
    return {"iso": "%04d-%02d-%02d" % (year, month, day), "words": "%d %s %d" % (day, MONTHS[month - 1], year),
            "den": "den %d %s %d" % (day, MONTHS[month - 1], year),
            "weekday_den": "%sen den %d %s %d" % (wd, day, MONTHS[month - 1], year),
            "weekday": "%s %d %s %d" % (wd, day, MONTHS[month - 1], year)}[form]


def printed_time(rng, hh, mm, form):
    end = "%02d.%02d" % (hh + 2, mm)
    return {"kl_dot": "kl. %02d.%02d" % (hh, mm), "kl": "kl %d.%02d" % (hh, mm),
            "klockan": "klockan %02d.%02d" % (hh, mm), "colon": "%02d:%02d" % (hh, mm),
            "range": "kl. %02d.%02d\u2013%s" % (hh, mm, end)}[form]


def agenda_line(style, k, title):
    return {"dot": "%d. %s" % (k, title), "plain": "%d %s" % (k, title), "para": "§ %d %s" % (k, title),
            "paren": "%d) %s" % (k, title)}[style]


def make_notice(rng, i, producer):
    """A notice of a meeting (kallelse): when, where, the agenda, postal
    votes, in the phrasings notices use; truth from what was printed."""
    year = rng.randint(2016, 2025)
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    hh, mm = rng.choice([17, 18, 18, 19, 19]), rng.choice([0, 0, 30, 15])
    org, m, place = rng.choice(ORGS), rng.choice(NOTICE_MEETINGS), rng.choice(PLACES)
    f = {"font": rng.choice(["serif", "sans", "mono"]), "gap": 1.0, "rules": "none", "zebra": False,
         "header_rows": 1, "note": False, "wrap": False, "landscape": False, "head_label": False,
         "rating_shape": "fill", "title": rng.randrange(len(NOTICE_TITLES)),
         "when": rng.choice(["fields", "tid_field", "nar_var", "sentence"]),
         "date_form": rng.choice(["iso", "words", "den", "weekday_den", "weekday"]),
         "time_form": rng.choice(["kl_dot", "kl", "klockan", "colon", "range"]),
         "agenda_head": rng.choice(["Dagordning", "Förslag till dagordning", "Föredragningslista",
                                    "Dagordning för stämman"]),
         "agenda_items": rng.choice(["dot", "plain", "para", "paren"]),
         "postal": rng.random() < 0.4}
    if f["when"] != "sentence" and f["date_form"] in ("den", "weekday_den"):
        f["date_form"] = "words"
    date = printed_date(rng, year, month, day, f["date_form"])
    time = printed_time(rng, hh, mm, f["time_form"])
    title = NOTICE_TITLES[f["title"]].format(m=m, M=m.upper(), org=org, y=year)
    blocks = [("title", title)]
    if "{org}" not in NOTICE_TITLES[f["title"]]:
        blocks.append(("p", org))
    blocks.append(("p", rng.choice(NOTICE_INTROS).format(m=m, org=org)))
    if f["when"] == "fields":
        blocks += [("p", "Datum: %s" % date), ("p", "Tid: %s" % time),
                   ("p", "%s: %s" % (rng.choice(["Plats", "Lokal"]), place))]
    elif f["when"] == "tid_field":
        blocks += [("p", "Tid: %s %s" % (date, time)), ("p", "Plats: %s" % place)]
    elif f["when"] == "nar_var":
        blocks += [("p", "När: %s, %s" % (date, time)), ("p", "Var: %s" % place)]
    else:
        verb = rng.choice(["hålls", "äger rum"])
        blocks.append(("p", "%s %s %s %s i %s." % (m[0].upper() + m[1:], verb, date, time, place)))
    titles = AGENDA[:7] + sorted(rng.sample(AGENDA[7:-1], rng.randint(4, 9)), key=AGENDA.index) + AGENDA[-1:]
    blocks.append(("h", f["agenda_head"]))
    for k, t in enumerate(titles, 1):
        blocks.append(("p", agenda_line(f["agenda_items"], k, t)))
    blocks.append(("p", rng.choice(POSTAL if f["postal"] else NO_POSTAL)))
    deadline = (datetime.date(year, month, day) - datetime.timedelta(days=rng.randint(5, 14)))
    blocks.append(("p", "Anmälan senast den %d %s till %s." % (deadline.day, MONTHS[deadline.month - 1],
                                                             person(rng, set()))))
    blocks.append(("p", "Välkomna! Styrelsen"))
    truth = {"producer": producer, "values": [], "tables": [], "ratings": [],
             "features": dict((k, f[k]) for k in ("font", "title", "when", "date_form", "time_form",
                                                  "agenda_head", "agenda_items", "postal")),
             "notice": {"type": "notice", "date": "%04d-%02d-%02d" % (year, month, day),
                        "time": "%02d:%02d" % (hh, mm), "place": place, "agenda": titles,
                        "postal_vote": f["postal"]}}
    return {"name": "varyN%03d_%s" % (i, producer), "f": f, "blocks": blocks, "year": year}, truth


# ------------------------------------------------------------ surveys

SURVEY_TITLES = ["Medlemsenkät {y}", "Utvärdering av {thing} {y}", "Resultat av enkäten om {thing}",
                 "Enkätrapport: {thing} {y}"]
SURVEY_THINGS = ["föreningens verksamhet", "kursverksamheten", "boendemiljön", "höstens aktiviteter",
                 "styrelsens arbete"]
RESPONSES = {
    "av_de": "Av de {pop} som enkäten gick ut till svarade {resp}, vilket ger en svarsfrekvens på {rate} %.",
    "skickades": "Enkäten skickades till {pop} medlemmar och {resp} svarade, en svarsfrekvens på {rate} procent.",
    "blev": "Svarsfrekvensen blev {rate} % ({resp} av {pop}).",
    "besvarade": "{resp} av {pop} tillfrågade besvarade enkäten ({rate} %).",
    "inkom": "Totalt inkom {resp} svar av {pop} möjliga, vilket motsvarar en svarsfrekvens om {rate} %.",
    "fields": None,
}
QUESTIONS = [("Hur nöjd är du med föreningens information?", ["Mycket nöjd", "Ganska nöjd", "Varken eller",
                                                              "Ganska missnöjd", "Mycket missnöjd"]),
             ("Har du deltagit i någon aktivitet under året?", ["Ja", "Nej", "Vet ej"]),
             ("Hur ofta läser du nyhetsbrevet?", ["Varje gång", "Ibland", "Sällan", "Aldrig"]),
             ("Vill du engagera dig mer i föreningen?", ["Ja", "Kanske", "Nej"]),
             ("Hur trygg känner du dig i området?", ["Mycket trygg", "Ganska trygg", "Otrygg"])]
MEAN_ITEMS = ["Information från styrelsen", "Trivsel i föreningen", "Lokalernas skick", "Aktiviteternas utbud",
              "Möjlighet att påverka"]


def shares(rng, n):
    """n whole percentages that sum to 100."""
    cuts = sorted(rng.sample(range(1, 100), n - 1))
    return [b - a for a, b in zip([0] + cuts, cuts + [100])]


def make_survey(rng, i, producer):
    """A survey report (enkät): who was asked and who answered, figures
    of answers with their shares, a table of mean scores by year; truth
    from what was printed."""
    year = rng.randint(2016, 2025)
    pop = rng.randint(20, 900)
    resp = rng.randint(max(5, pop // 5), pop - 1)
    f = {"font": rng.choice(["serif", "sans", "mono"]), "gap": 1.0, "rules": rng.choice(["grid", "none"]),
         "zebra": False, "header_rows": 1, "note": False, "wrap": False, "landscape": False, "head_label": False,
         "rating_shape": "fill", "title": rng.randrange(len(SURVEY_TITLES)),
         "response": rng.choice(sorted(RESPONSES)), "rate_form": rng.choice(["whole", "decimal"]),
         "caption": rng.choice(["Figur", "Diagram", "Tabell"]), "answers": rng.choice(["table", "text"]),
         "pct": rng.choice(["space", "tight"]), "means": rng.random() < 0.6}
    rate = round(100.0 * resp / pop) if f["rate_form"] == "whole" else round(100.0 * resp / pop, 1)
    rate_s = ("%d" % rate) if f["rate_form"] == "whole" else ("%.1f" % rate).replace(".", ",")
    org = rng.choice(ORGS)
    blocks = [("title", SURVEY_TITLES[f["title"]].format(y=year, thing=rng.choice(SURVEY_THINGS))), ("p", org),
              ("h", "Om enkäten"),
              ("p", "Enkäten genomfördes under hösten %d och var anonym. Frågorna gällde verksamheten "
                    "under året." % year)]
    if f["response"] == "fields":
        blocks += [("p", "Antal tillfrågade: %d" % pop), ("p", "Antal svar: %d" % resp),
                   ("p", "Svarsfrekvens: %s %%" % rate_s)]
    else:
        blocks.append(("p", RESPONSES[f["response"]].format(pop=pop, resp=resp, rate=rate_s)))

    pct = (lambda v: "%d %%" % v) if f["pct"] == "space" else (lambda v: "%d%%" % v)
    truth = {"producer": producer, "values": [], "tables": [], "ratings": [],
             "features": dict((k, f[k]) for k in ("font", "title", "response", "rate_form", "caption", "answers",
                                                  "pct", "means")),
             "survey": {"type": "evaluation", "population": pop, "responses": resp, "rate": rate, "figures": []}}
    # the response rate is an indicator in its own right; in prose a
    # survey's figures take the document's period, which its title gives
    # (the contract: title, fields and headings) when it prints the year
    doc_period = str(year) if "{y}" in SURVEY_TITLES[f["title"]] else None
    truth["values"].append({"label": "Svarsfrekvensen" if f["response"] == "blev" else "Svarsfrekvens", "value": rate,
                            "unit": "percent", "period": doc_period, "measure": None})
    blocks.append(("h", "Resultat"))
    for k, (q, answers) in enumerate(rng.sample(QUESTIONS, rng.randint(2, 4)), 1):
        p = shares(rng, len(answers))
        blocks.append(("p", "%s %d: %s" % (f["caption"], k, q)))
        if f["answers"] == "table":
            t = {"caption": None, "head": [["Svarsalternativ", "Andel"]],
                 "body": [{"label": a, "cells": [pct(v)]} for a, v in zip(answers, p)]}
            blocks.append(("table", t))
            truth["tables"].append({"header": [list(h) for h in t["head"]], "rows": [[a, pct(v)] for a, v in zip(answers, p)]})
            # a table that prints no period gives its values none (the
            # contract: periods come from the columns' headers)
            truth["values"] += [{"label": a, "value": v, "unit": "percent", "period": None, "measure": None}
                                for a, v in zip(answers, p)]
        else:   # in a sentence: the answers as printed there
            answers = [a if j == 0 else a.lower() for j, a in enumerate(answers)]
            blocks.append(("p", ", ".join("%s %s" % (a, pct(v)) for a, v in zip(answers, p)) + "."))
            truth["values"] += [{"label": a, "value": v, "unit": "percent", "period": doc_period, "measure": None}
                                for a, v in zip(answers, p)]
        truth["survey"]["figures"].append({"question": q, "answers": [[a, v] for a, v in zip(answers, p)]})
    if f["means"]:
        items = rng.sample(MEAN_ITEMS, rng.randint(3, 5))
        blocks += [("h", "Medelvärden"), ("p", "Svaren gavs på en skala 1–5, där 5 är högst.")]
        body = []
        # the columns: two years, "Medelvärde" and a year, or the
        # association beside all associations
        head = rng.choice(["years", "medel", "compare"])
        truth["features"]["means_head"] = head
        cols = {"years": [str(year), str(year - 1)],
                "medel": ["Medelvärde %d" % year, "Medelvärde %d" % (year - 1)],
                "compare": ["Vår förening", "Alla föreningar"]}[head]
        truth["survey"]["means"] = []
        for it in items:
            cells, vs = [], []
            for k, y in enumerate((year, year - 1)):
                v = rng.randint(18, 49) / 10.0
                vs.append(v)
                cells.append(("%.1f" % v).replace(".", ","))
                truth["values"].append({"label": it, "value": v, "unit": None,
                                        "period": str(y) if head != "compare" else None, "measure": None})
            body.append({"label": it, "cells": cells})
            truth["survey"]["means"].append({"question": it, "column": cols[0], "value": vs[0],
                                             "compare": [[cols[1], vs[1]]]})
        t = {"caption": None, "head": [["Fråga"] + cols], "body": body}
        blocks.append(("table", t))
        truth["tables"].append({"header": [list(h) for h in t["head"]], "rows": [[r["label"]] + r["cells"] for r in body]})
        truth["survey"]["scales"] = ["1-5"]
    return {"name": "varyS%03d_%s" % (i, producer), "f": f, "blocks": blocks, "year": year}, truth


def rating_text(r, k):
    return r["words"][k] if r["shape"] in ("word", "fillword") else ""


def rating_fill(r, k):
    return COLOUR_HEX[r["colours"][k]] if r["shape"] in ("fill", "fillword") else None


# ------------------------------------------------------------ producers

def esc_xml(s):
    return html.escape(s, quote=True)


FODT_FONTS = {"serif": "Liberation Serif", "sans": "Liberation Sans", "mono": "Liberation Mono"}


def w_fodt(doc, out):
    f = doc["f"]
    font = FODT_FONTS[f["font"]]
    pw, ph = ("29.7cm", "21cm") if f["landscape"] else ("21cm", "29.7cm")
    auto, body = [], []
    border = "0.5pt solid #000000"

    def cell_style(name, bg, align_right, top, bottom, sides):
        b = ""
        if sides:
            b = 'fo:border="%s"' % border
        else:
            b = 'fo:border-top="%s" fo:border-bottom="%s" fo:border-left="none" fo:border-right="none"' % (
                border if top else "none", border if bottom else "none")
        auto.append('<style:style style:name="%s" style:family="table-cell"><style:table-cell-properties '
                    'fo:padding="%.2fem" %s%s/></style:style>' % (
                        name, f["gap"] / 2, b, (' fo:background-color="%s"' % bg) if bg else ""))
    auto.append('<style:style style:name="PR" style:family="paragraph" style:parent-style-name="Standard">'
                '<style:paragraph-properties fo:text-align="end"/></style:style>')
    sid = [0]

    def table_xml(t):
        ncol = len(t["head"][0])
        rows = [(h, True) for h in t["head"]] + [([r] + r["cells"], False) for r in t["body"]]
        x = ['<table:table table:name="T%d">' % (sid[0] + 1)]
        x.append('<table:table-column table:number-columns-repeated="%d"/>' % ncol)
        for ri, (row, is_head) in enumerate(rows):
            x.append("<table:table-row>")
            for ci in range(ncol):
                sid[0] += 1
                name = "C%d" % sid[0]
                zebra = f["zebra"] and not is_head and ri % 2 == 0
                cell_style(name, "#e8e8e8" if zebra else None, ci > 0, f["rules"] != "none" and (ri == 0 or is_head),
                           f["rules"] != "none" and (is_head and ri == len(t["head"]) - 1 or ri == len(rows) - 1 or
                                                     f["rules"] == "grid"), f["rules"] == "grid")
                if ci == 0 and not is_head:
                    r = row[0]
                    lines = r.get("lines") or [r["label"]]
                    content = '<text:p>%s</text:p>' % "<text:line-break/>".join(esc_xml(s) for s in lines)
                else:
                    s = row[ci]
                    content = '<text:p%s>%s</text:p>' % (' text:style-name="PR"' if ci > 0 else "", esc_xml(s))
                x.append('<table:table-cell table:style-name="%s" office:value-type="string">%s</table:table-cell>'
                         % (name, content))
            x.append("</table:table-row>")
        x.append("</table:table>")
        return "".join(x)

    def rating_xml(r):
        x = ['<table:table table:name="R%d"><table:table-column table:number-columns-repeated="2"/>' % (sid[0] + 1)]
        x.append("<table:table-row>")
        for h in ("GENOMFÖRANDE", "EFFEKT"):
            sid[0] += 1
            cell_style("C%d" % sid[0], None, False, True, True, True)
            x.append('<table:table-cell table:style-name="C%d" office:value-type="string"><text:p>%s</text:p>'
                     '</table:table-cell>' % (sid[0], h))
        x.append("</table:table-row><table:table-row>")
        for k in range(2):
            sid[0] += 1
            cell_style("C%d" % sid[0], rating_fill(r, k), False, True, True, True)
            x.append('<table:table-cell table:style-name="C%d" office:value-type="string"><text:p>%s</text:p>'
                     '</table:table-cell>' % (sid[0], esc_xml(rating_text(r, k))))
        x.append("</table:table-row></table:table>")
        return "".join(x)

    for kind, v in doc["blocks"]:
        if kind == "title":
            body.append('<text:h text:outline-level="1">%s</text:h>' % esc_xml(v))
        elif kind in ("h", "h2"):
            body.append('<text:h text:outline-level="%d">%s</text:h>' % (2 if kind == "h" else 3, esc_xml(v)))
        elif kind == "p":
            body.append("<text:p>%s</text:p>" % esc_xml(v))
        elif kind == "table":
            body.append(table_xml(v))
        elif kind == "rating":
            body.append(rating_xml(v))
    xml = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="%(font)s" svg:font-family="'%(font)s'"/></office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph"><style:text-properties style:font-name="%(font)s" fo:font-size="10pt" fo:language="sv" fo:country="SE"/></style:default-style>
<style:style style:name="Standard" style:family="paragraph"/>
<style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:default-outline-level="1"><style:text-properties fo:font-size="16pt" fo:font-weight="bold"/></style:style>
</office:styles>
<office:automatic-styles>
<style:page-layout style:name="PL"><style:page-layout-properties fo:page-width="%(pw)s" fo:page-height="%(ph)s" style:print-orientation="%(orient)s" fo:margin="2cm"/></style:page-layout>
%(auto)s
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="PL"/></office:master-styles>
<office:body><office:text>
%(body)s
</office:text></office:body></office:document>
""" % {"font": font, "pw": pw, "ph": ph, "orient": "landscape" if f["landscape"] else "portrait",
       "auto": "\n".join(auto), "body": "\n".join(body)}
    path = os.path.join(out, doc["name"] + ".fodt")
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(xml)
    return path


def libreoffice(paths, out):
    """Converts every .fodt at once (one soffice start) to .odt and .pdf."""
    if not paths:
        return
    prof = tempfile.mkdtemp(prefix="vary-lo-")
    try:
        for fmt in ("odt", "pdf"):
            subprocess.run(["soffice", "-env:UserInstallation=file://" + prof, "--headless", "--convert-to", fmt,
                            "--outdir", out] + paths, check=True, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, timeout=1800)
    finally:
        shutil.rmtree(prof, ignore_errors=True)
    for p in paths:
        os.remove(p)


def tex_esc(s):
    out = []
    for ch in s:
        out.append({"&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_", "{": r"\{", "}": r"\}",
                    "\u2009": r"\,", "\u202f": r"\,", "\u00a0": "~", "\u2212": r"\textminus{}",
                    "\u2013": "--"}.get(ch, ch))
    return "".join(out)


def w_latex(doc, out):
    f = doc["f"]
    fonts = {"serif": r"\usepackage{lmodern}", "sans": r"\usepackage{helvet}\renewcommand{\familydefault}{\sfdefault}",
             "mono": r"\usepackage{courier}\renewcommand{\familydefault}{\ttdefault}"}[f["font"]]
    x = [r"\documentclass[10pt,a4paper%s]{article}" % (",landscape" if f["landscape"] else ""),
         r"\usepackage[T1]{fontenc}", r"\usepackage[utf8]{inputenc}", r"\usepackage{textcomp}", fonts,
         r"\usepackage[margin=2cm%s]{geometry}" % (",landscape" if f["landscape"] else ""),
         r"\usepackage[table]{xcolor}", r"\usepackage{booktabs}",
         r"\definecolor{G}{HTML}{00B050}\definecolor{Y}{HTML}{FFC000}\definecolor{R}{HTML}{FF0000}",
         r"\setlength{\parindent}{0pt}\pagestyle{empty}", r"\begin{document}"]
    for kind, v in doc["blocks"]:
        if kind == "title":
            x.append(r"{\Large\bfseries %s\par}\bigskip" % tex_esc(v))
        elif kind == "h":
            x.append(r"\subsection*{%s}" % tex_esc(v))
        elif kind == "h2":
            x.append(r"\subsubsection*{%s}" % tex_esc(v))
        elif kind == "p":
            x.append(tex_esc(v) + "\n")
        elif kind == "table":
            ncol = len(v["head"][0])
            x.append(r"\setlength{\tabcolsep}{%.2fem}" % (f["gap"] / 2))
            spec = ("|" if f["rules"] == "grid" else "") + \
                   ("p{6cm}" if any(r.get("lines") for r in v["body"]) else "l") + \
                   ("|" if f["rules"] == "grid" else "") + \
                   "".join("r" + ("|" if f["rules"] == "grid" else "") for _ in range(ncol - 1))
            x.append(r"\begin{tabular}{%s}" % spec)
            top = {"grid": r"\hline", "horizontal": r"\toprule", "none": ""}[f["rules"]]
            mid = {"grid": r"\hline", "horizontal": r"\midrule", "none": ""}[f["rules"]]
            x.append(top)
            for h in v["head"]:
                x.append(" & ".join(tex_esc(c) for c in h) + r" \\" + (r"\hline" if f["rules"] == "grid" else ""))
            if f["rules"] == "horizontal":
                x.append(mid)
            for ri, r in enumerate(v["body"]):
                lab = r"\newline ".join(tex_esc(s) for s in r["lines"]) if r.get("lines") else tex_esc(r["label"])
                zebra = r"\rowcolor[gray]{0.9}" if f["zebra"] and ri % 2 == 0 else ""
                x.append(zebra + " & ".join([lab] + [tex_esc(c) for c in r["cells"]]) + r" \\" +
                         (r"\hline" if f["rules"] == "grid" else ""))
            if f["rules"] == "horizontal":
                x.append(r"\bottomrule")
            x.append(r"\end{tabular}" + "\n")
        elif kind == "rating":
            x.append(r"\begin{tabular}{|p{6cm}|p{6cm}|}\hline GENOMFÖRANDE & EFFEKT \\ \hline")
            cells = []
            for k in range(2):
                fill = rating_fill(v, k)
                c = {GREEN: "G", YELLOW: "Y", RED: "R"}.get(fill)
                cells.append((r"\cellcolor{%s}" % c if c else "") + tex_esc(rating_text(v, k)) + r"\rule{0pt}{14pt}")
            x.append(" & ".join(cells) + r" \\ \hline\end{tabular}" + "\n")
    x.append(r"\end{document}")
    tex = os.path.join(out, doc["name"] + ".tex")
    with open(tex, "w", encoding="utf-8") as fh:
        fh.write("\n".join(x))
    subprocess.run(["pdflatex", "-interaction=batchmode", "-halt-on-error", "-output-directory", out, tex],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
    for ext in (".aux", ".log", ".tex"):
        os.remove(os.path.join(out, doc["name"] + ext))


CAIRO_FONTS = {"serif": "DejaVu Serif", "sans": "DejaVu Sans", "mono": "DejaVu Sans Mono"}


def w_cairo(doc, out):
    import cairo
    f = doc["f"]
    pw, ph = (842, 595) if f["landscape"] else (595, 842)
    path = os.path.join(out, doc["name"] + ".pdf")
    surf = cairo.PDFSurface(path, pw, ph)
    cr = cairo.Context(surf)
    face = CAIRO_FONTS[f["font"]]
    size = 9.5
    m = 56
    y = [m]

    def font(sz, bold=False):
        cr.select_font_face(face, cairo.FONT_SLANT_NORMAL, cairo.FONT_WEIGHT_BOLD if bold else cairo.FONT_WEIGHT_NORMAL)
        cr.set_font_size(sz)

    def need(h):
        if y[0] + h > ph - m:
            cr.show_page()
            y[0] = m

    def text(s, x, yy):
        cr.set_source_rgb(0, 0, 0)
        cr.move_to(x, yy)
        cr.show_text(s)

    def width(s):
        return cr.text_extents(s).x_advance

    def rgb(hexs):
        return tuple(int(hexs[k:k + 2], 16) / 255 for k in (1, 3, 5))

    for kind, v in doc["blocks"]:
        if kind in ("title", "h", "h2"):
            sz = {"title": 16, "h": 12, "h2": 10.5}[kind]
            need(sz * 2.5)
            font(sz, True)
            y[0] += sz * 1.6
            text(v, m, y[0])
            y[0] += sz * 0.6
        elif kind == "p":
            font(size)
            words, line = v.split(), ""
            for w in words + [None]:   # greedy lines within the margins
                if w is not None and (not line or width(line + " " + w) <= pw - 2 * m):
                    line = (line + " " + w).strip()
                    continue
                need(size * 2)
                y[0] += size * 1.5
                text(line, m, y[0])
                line = w or ""
        elif kind == "table":
            font(size)
            em = size
            gap = f["gap"] * em
            rows = [(h, True, None) for h in v["head"]] + [([r["label"]] + r["cells"], False, r.get("lines"))
                                                           for r in v["body"]]
            ncol = len(rows[0][0])
            widths = [0.0] * ncol
            for cells, is_head, lines in rows:
                font(size, is_head)   # measured as drawn: a bold heading is wider
                for c in range(ncol):
                    w = max(width(s) for s in lines) if (c == 0 and lines) else width(cells[c])
                    widths[c] = max(widths[c], w)
            xs = [m]
            for c in range(1, ncol + 1):
                xs.append(xs[-1] + widths[c - 1] + gap)
            lh = size * 1.45
            y[0] += size
            for ri, (cells, is_head, lines) in enumerate(rows):
                nl = len(lines) if lines else 1
                need(lh * nl + 4)
                top = y[0]
                bot = top + lh * nl
                if f["zebra"] and not is_head and ri % 2 == 0:
                    cr.set_source_rgb(0.9, 0.9, 0.9)
                    cr.rectangle(xs[0] - gap / 2, top, xs[-1] - xs[0], bot - top)
                    cr.fill()
                font(size, is_head)
                for c in range(ncol):
                    if c == 0 and lines:
                        for k, s in enumerate(lines):
                            text(s, xs[0], top + lh * (k + 1) - size * 0.4)
                    elif c == 0:
                        text(cells[c], xs[0], top + lh - size * 0.4)
                    else:
                        text(cells[c], xs[c] + widths[c] - width(cells[c]), top + lh - size * 0.4)
                cr.set_source_rgb(0, 0, 0)
                cr.set_line_width(0.5)
                rule = f["rules"] == "grid" or (f["rules"] == "horizontal" and
                                                (ri == 0 or ri == len(v["head"]) or ri == len(rows) - 1))
                if rule and f["rules"] != "none":
                    cr.move_to(xs[0] - gap / 2, top)
                    cr.line_to(xs[-1] - gap / 2, top)
                    cr.stroke()
                if f["rules"] != "none" and ri == len(rows) - 1:
                    cr.move_to(xs[0] - gap / 2, bot)
                    cr.line_to(xs[-1] - gap / 2, bot)
                    cr.stroke()
                if f["rules"] == "grid":
                    for xx in xs:
                        cr.move_to(xx - gap / 2, top)
                        cr.line_to(xx - gap / 2, bot)
                        cr.stroke()
                y[0] = bot
            y[0] += size * 0.5
        elif kind == "rating":
            need(60)
            font(size)
            w = (pw - 2 * m) / 2
            y[0] += size
            top = y[0]
            for k, h in enumerate(("GENOMFÖRANDE", "EFFEKT")):
                text(h, m + k * w + 4, top + 14)
            for k in range(2):
                fill = rating_fill(v, k)
                if fill:
                    cr.set_source_rgb(*rgb(fill))
                    cr.rectangle(m + k * w, top + 20, w, 20)
                    cr.fill()
                text(rating_text(v, k), m + k * w + 4, top + 34)
            cr.set_source_rgb(0, 0, 0)
            cr.set_line_width(0.5)
            for yy in (top, top + 20, top + 40):
                cr.move_to(m, yy)
                cr.line_to(m + 2 * w, yy)
                cr.stroke()
            for xx in (m, m + w, m + 2 * w):
                cr.move_to(xx, top)
                cr.line_to(xx, top + 40)
                cr.stroke()
            y[0] = top + 40
    surf.finish()


def w_html(doc, out):
    f = doc["f"]
    fam = {"serif": "serif", "sans": "sans-serif", "mono": "monospace"}[f["font"]]
    border = "0.5pt solid black"
    css = ["@page { size: A4 %s; margin: 2cm }" % ("landscape" if f["landscape"] else "portrait"),
           "body { font-family: %s; font-size: 10pt }" % fam,
           "table { border-collapse: collapse; margin: 6pt 0 }",
           "td, th { padding: 1pt %.2fem; text-align: left; font-weight: normal; vertical-align: top }" % (f["gap"] / 2),
           "td.n { text-align: right }", "tr.z td { background: #e6e6e6 }",
           "td.r { width: 7cm; height: 16pt; border: %s }" % border, "th.r { border: %s }" % border]
    if f["rules"] == "grid":
        css.append("table.t td, table.t th { border: %s }" % border)
    elif f["rules"] == "horizontal":
        css.append("table.t thead tr:first-child th { border-top: %s } table.t thead tr:last-child th "
                   "{ border-bottom: %s } table.t tbody tr:last-child td { border-bottom: %s }" % (border, border, border))
    x = ['<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><title>%s</title><style>%s</style></head><body>'
         % (html.escape(doc["blocks"][0][1]), "\n".join(css))]
    for kind, v in doc["blocks"]:
        if kind == "title":
            x.append("<h1>%s</h1>" % html.escape(v))
        elif kind in ("h", "h2"):
            x.append("<h%d>%s</h%d>" % (2 if kind == "h" else 3, html.escape(v), 2 if kind == "h" else 3))
        elif kind == "p":
            x.append("<p>%s</p>" % html.escape(v))
        elif kind == "table":
            x.append('<table class="t"><thead>')
            for h in v["head"]:
                x.append("<tr>" + "".join("<th>%s</th>" % html.escape(c) for c in h) + "</tr>")
            x.append("</thead><tbody>")
            for ri, r in enumerate(v["body"]):
                lab = "<br>".join(html.escape(s) for s in r["lines"]) if r.get("lines") else html.escape(r["label"])
                x.append('<tr%s><td>%s</td>' % (' class="z"' if f["zebra"] and ri % 2 == 0 else "", lab) +
                         "".join('<td class="n">%s</td>' % html.escape(c) for c in r["cells"]) + "</tr>")
            x.append("</tbody></table>")
        elif kind == "rating":
            cells = []
            for k in range(2):
                fill = rating_fill(v, k)
                cells.append('<td class="r"%s>%s</td>' % ((' style="background:%s"' % fill) if fill else "",
                                                         html.escape(rating_text(v, k)) or "&nbsp;"))
            x.append('<table><tr><th class="r">GENOMFÖRANDE</th><th class="r">EFFEKT</th></tr><tr>%s</tr></table>'
                     % "".join(cells))
    x.append("</body></html>")
    src = os.path.join(out, doc["name"] + ".html")
    with open(src, "w", encoding="utf-8") as fh:
        fh.write("\n".join(x))
    prof = tempfile.mkdtemp(prefix="vary-chromium-")
    try:
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=" + prof,
                        "--no-pdf-header-footer", "--print-to-pdf=" + os.path.join(out, doc["name"] + ".pdf"),
                        "file://" + os.path.abspath(src)], check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, timeout=120)
    finally:
        shutil.rmtree(prof, ignore_errors=True)
    os.remove(src)


def roff_esc(s):
    s = s.replace("\\", "\\e").replace("\u2212", "\\(mi").replace("\u2013", "\\(en")
    s = s.replace("\u00a0", "\\~").replace("\u2009", "\\|").replace("\u202f", "\\|")
    return ("\\&" + s) if s.startswith((".", "'")) else s


def w_groff(doc, out):
    f = doc["f"]
    fam = {"serif": "T", "sans": "H", "mono": "C"}[f["font"]]
    x = [".fam " + fam, ".nr PS 10", ".nr HM 2c", ".nr FM 2c", ".nr PO 2c", ".nr LL %s" % ("25.7c" if f["landscape"] else "17c")]
    if f["landscape"]:
        x.insert(0, ".pl 21c")
    for kind, v in doc["blocks"]:
        if kind == "title":
            x += [".LP", ".ps 16", ".B \"%s\"" % roff_esc(v), ".ps 10"]
        elif kind in ("h", "h2"):
            x += [".SH", roff_esc(v)]
        elif kind == "p":
            x += [".LP", roff_esc(v)]
        elif kind == "table":
            ncol = len(v["head"][0])
            opts = {"grid": "allbox", "horizontal": "", "none": ""}[f["rules"]]
            gap = max(1, int(round(f["gap"] * 2)))
            x += [".TS", ("%s tab(\t);" % opts).strip() if opts else "tab(\t);"]
            x.append(" ".join(["l%d" % gap] + ["r%d" % gap] * (ncol - 2) + ["r"]) + ".")
            if f["rules"] == "horizontal":
                x.append("_")
            for h in v["head"]:
                x.append("\t".join(roff_esc(c) for c in h))
            if f["rules"] == "horizontal":
                x.append("_")
            for r in v["body"]:
                lab = ("T{\n%s\nT}" % "\n.br\n".join(roff_esc(s) for s in r["lines"])) if r.get("lines") \
                    else roff_esc(r["label"])
                x.append("\t".join([lab] + [roff_esc(c) for c in r["cells"]]))
            if f["rules"] == "horizontal":
                x.append("_")
            x.append(".TE")
        elif kind == "rating":
            x += [".TS", "allbox tab(\t);", "lw(7c) lw(7c).", "GENOMFÖRANDE\tEFFEKT",
                  "\t".join(roff_esc(rating_text(v, k)) or "\\ " for k in range(2)), ".TE"]
    src = os.path.join(out, doc["name"] + ".ms")
    with open(src, "w", encoding="utf-8") as fh:
        fh.write("\n".join(x) + "\n")
    pdf = os.path.join(out, doc["name"] + ".pdf")
    with open(pdf, "wb") as fh:
        subprocess.run(["groff", "-k", "-t", "-ms", "-Tpdf", "-dpaper=a4%s" % ("l" if f["landscape"] else ""),
                        "-P-pa4" + ("l" if f["landscape"] else ""), src], check=True, stdout=fh,
                       stderr=subprocess.DEVNULL, timeout=120)
    os.remove(src)


def write_doc(doc, truth, producer, out, fodts):
    """Truth beside the document, written by its producer (LibreOffice's
    .fodt files are converted together at the end)."""
    truth["files"] = [doc["name"] + ".pdf"] + ([doc["name"] + ".odt"] if producer == "libreoffice" else [])
    with open(os.path.join(out, doc["name"] + ".truth.json"), "w", encoding="utf-8") as fh:
        json.dump(truth, fh, ensure_ascii=False, indent=1, sort_keys=True)
    if producer == "libreoffice":
        fodts.append(w_fodt(doc, out))
    elif producer == "latex":
        w_latex(doc, out)
    elif producer == "cairo":
        w_cairo(doc, out)
    elif producer == "chromium":
        w_html(doc, out)
    else:
        w_groff(doc, out)


def command_line(usage, count):
    """OUTDIR [COUNT] [SEED] from the command line: the folder (made),
    how many documents (count by default), the seed (2026)."""
    if len(sys.argv) < 2:
        sys.exit("usage: " + usage)
    out = os.path.abspath(sys.argv[1])
    count = int(sys.argv[2]) if len(sys.argv) > 2 else count
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 2026
    os.makedirs(out, exist_ok=True)
    return out, count, seed


def main():
    out, count, seed = command_line("gen_vary.py OUTDIR [COUNT] [SEED]", 300)
    fodts = []
    for i in range(count):
        producer = PRODUCERS[i % len(PRODUCERS)]
        rng = random.Random("%d/%d" % (seed, i))
        doc, truth = make_doc(rng, i, producer)
        write_doc(doc, truth, producer, out, fodts)
    # minutes, a third as many; notices and survey reports, a sixth as
    # many each; through the same producers, each with seeds of its own
    for tag, make, n in (("P", make_protocol, count // 3), ("N", make_notice, count // 6),
                         ("S", make_survey, count // 6)):
        for i in range(n):
            producer = PRODUCERS[i % len(PRODUCERS)]
            rng = random.Random("%d/%s%d" % (seed, tag, i))
            doc, truth = make(rng, i, producer)
            write_doc(doc, truth, producer, out, fodts)
    libreoffice(fodts, out)
    print("gen_vary: %d documents, %d sets of minutes, %d notices and %d surveys in %s" % (
        count, count // 3, count // 6, count // 6, out))


if __name__ == "__main__":
    main()
